//! Scoring: per-dimension scores and bands, the essay's verdict, and the next moves.
//!
//! The verdict follows the essay's rule and nothing else: *ready to scale* only when every
//! dimension is a yes. The overall index exists for the chart and is never the verdict.
//! A dimension with an unanswered question is *incomplete*: it is never scored as if the
//! missing answers were zero.

use super::answers::{Answer, Answers};
use super::content::{Dimension, Question, QuestionSet};

/// How a dimension answers the essay's readiness question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Below the "partly" threshold.
    No,
    /// At or above "partly", below "pass".
    Partly,
    /// At or above the pass threshold.
    Yes,
}

impl Band {
    /// Lower-case word used in text and CSS classes.
    pub fn word(self) -> &'static str {
        match self {
            Band::Yes => "yes",
            Band::Partly => "partly",
            Band::No => "no",
        }
    }

    /// Index into [`Dimension::band_meaning`].
    pub fn meaning_index(self) -> usize {
        match self {
            Band::Yes => 0,
            Band::Partly => 1,
            Band::No => 2,
        }
    }
}

/// The score of one group of questions inside a dimension (Metrics: process / outcome).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupScore {
    /// The group's name from the content.
    pub name: &'static str,
    /// 0–100, or `None` while a question of the group is unanswered.
    pub score: Option<u8>,
}

/// A concrete recommended move, tied to one answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// Index of the dimension the move belongs to.
    pub dimension: usize,
    /// The question whose answer triggered the move.
    pub question: &'static Question,
    /// The advice text.
    pub text: &'static str,
    /// How many weighted points the answer is short of the best option.
    pub gap: u16,
}

/// The result of one dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionResult {
    /// The dimension's content.
    pub dimension: &'static Dimension,
    /// Questions answered (including "I don't know") out of `total`.
    pub answered: usize,
    /// Questions in the dimension.
    pub total: usize,
    /// 0–100, or `None` while incomplete.
    pub score: Option<u8>,
    /// The band, or `None` while incomplete.
    pub band: Option<Band>,
    /// Questions answered "I don't know".
    pub unknowns: Vec<&'static Question>,
    /// Tailored advice for this dimension's weak answers, weakest first.
    pub advice: Vec<Move>,
    /// Scores of the dimension's question groups, if the content groups them.
    pub groups: Vec<GroupScore>,
}

impl DimensionResult {
    /// True when every question of the dimension has an answer.
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
}

/// The overall verdict by the essay's rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every dimension is a yes.
    Ready,
    /// At least one answered dimension is not a yes: these, weakest first.
    NotReady { blocking: Vec<usize> },
    /// Every answered dimension passes, but these dimensions still have open questions.
    Incomplete { missing: Vec<usize> },
}

/// A band for display, with a symbol so colour is never the only signal.
pub fn band_label(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::Yes) => "✓ yes",
        Some(Band::Partly) => "◐ partly",
        Some(Band::No) => "✗ no",
        None => "… incomplete",
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Verdict {
    /// The verdict in words, as a headline.
    pub fn headline(&self) -> &'static str {
        match self {
            Verdict::Ready => "Ready to scale",
            Verdict::NotReady { .. } => "Not ready to scale yet",
            Verdict::Incomplete { .. } => "Not finished",
        }
    }

    /// Stable key for data attributes, CSS classes and host messages.
    pub fn key(&self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::NotReady { .. } => "not-ready",
            Verdict::Incomplete { .. } => "incomplete",
        }
    }

    /// Short stable name of the outcome, used for per-outcome preview pages:
    /// `ready`, `incomplete`, or `not-` followed by the blocking dimensions' initials in
    /// asking order (e.g. `not-od` for Ownership and Data).
    pub fn outcome_slug(&self, set: &QuestionSet) -> String {
        match self {
            Verdict::Ready => "ready".to_owned(),
            Verdict::Incomplete { .. } => "incomplete".to_owned(),
            Verdict::NotReady { blocking } => {
                let mut indices = blocking.clone();
                // Not `sort_unstable`: std's sort is kilobytes of wasm for at most four items.
                sort_small_by_key(&mut indices, |&i| i);
                let initials: String =
                    indices.iter().filter_map(|&i| set.dimensions.get(i)?.id.chars().next()).collect();
                format!("not-{initials}")
            }
        }
    }
}

/// Everything the results screen shows, computed from answers alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The question set the answers belong to.
    pub set: &'static QuestionSet,
    /// One result per dimension, in asking order.
    pub dimensions: Vec<DimensionResult>,
    /// The essay's verdict.
    pub verdict: Verdict,
    /// Mean of the complete dimensions' scores, for the chart; never the verdict.
    pub index: Option<u8>,
    /// The next three moves (or fewer when there is less to say), in order.
    pub next_moves: Vec<&'static str>,
}

impl Report {
    /// Scores a set of answers.
    pub fn new(answers: &Answers) -> Self {
        let set = answers.set();
        let mut start = 0;
        let dimensions: Vec<DimensionResult> = set
            .dimensions
            .iter()
            .enumerate()
            .map(|(index, dimension)| {
                let result = score_dimension(answers, index, dimension, start);
                start += dimension.questions.len();
                result
            })
            .collect();

        let mut blocking: Vec<usize> =
            (0..dimensions.len()).filter(|&i| matches!(dimensions[i].band, Some(Band::No | Band::Partly))).collect();
        sort_small_by_key(&mut blocking, |&i| (dimensions[i].score, i));
        let missing: Vec<usize> = (0..dimensions.len()).filter(|&i| !dimensions[i].is_complete()).collect();
        let verdict = if !blocking.is_empty() {
            Verdict::NotReady { blocking }
        } else if !missing.is_empty() {
            Verdict::Incomplete { missing }
        } else {
            Verdict::Ready
        };

        let scores: Vec<u32> = dimensions.iter().filter_map(|d| d.score.map(u32::from)).collect();
        let index = (!scores.is_empty()).then(|| {
            let count = scores.len() as u32;
            ((scores.iter().sum::<u32>() + count / 2) / count) as u8
        });
        let next_moves = next_moves(set, &dimensions);
        Self { set, dimensions, verdict, index, next_moves }
    }

    /// The sentence under the verdict's headline: what blocks it, or what is left to answer.
    pub fn verdict_sentence(&self) -> String {
        let names = |indices: &[usize]| -> Vec<&'static str> {
            indices.iter().filter_map(|&i| self.set.dimensions.get(i)).map(|d| d.name).collect()
        };
        match &self.verdict {
            Verdict::Ready => "All four dimensions pass the essay's readiness test.".to_owned(),
            Verdict::NotReady { blocking } => format!(
                "By the essay's rule every dimension must be a yes. Blocking, weakest first: {}.",
                join_words(&names(blocking))
            ),
            Verdict::Incomplete { missing } => {
                format!("Answer the open questions in {} to get a verdict.", join_words(&names(missing)))
            }
        }
    }

    /// Number of dimensions whose band is yes (for "3/4" summaries).
    pub fn passing_count(&self) -> usize {
        self.dimensions.iter().filter(|d| d.band == Some(Band::Yes)).count()
    }
}

fn score_dimension(answers: &Answers, index: usize, dimension: &'static Dimension, start: usize) -> DimensionResult {
    let positions = start..start + dimension.questions.len();
    let total = dimension.questions.len();
    let answered = positions.clone().filter(|&p| answers.get(p).is_some()).count();
    let score = weighted_score(answers, dimension.questions.iter().zip(positions.clone()));
    let band = score.map(|s| band_for(dimension, s));
    let unknowns = dimension
        .questions
        .iter()
        .zip(positions.clone())
        .filter(|&(_, p)| answers.get(p) == Some(Answer::DontKnow))
        .map(|(q, _)| q)
        .collect();

    let mut advice: Vec<Move> = dimension
        .questions
        .iter()
        .zip(positions.clone())
        .filter_map(|(question, position)| {
            let points = answers.points(position)?;
            // The most specific rule wins: the smallest `at_most` that still applies.
            let rule = dimension
                .advice
                .iter()
                .filter(|rule| rule.question == question.id && points <= rule.at_most)
                .min_by_key(|rule| rule.at_most)?;
            let gap = u16::from(question.weight) * u16::from(question.max_points() - points);
            Some(Move { dimension: index, question, text: rule.text, gap })
        })
        .collect();
    // Stable sort keeps asking order among equal gaps.
    sort_small_by_key(&mut advice, |m| std::cmp::Reverse(m.gap));

    let mut group_names: Vec<&'static str> = Vec::new();
    for name in dimension.questions.iter().filter_map(|q| q.group) {
        if !group_names.contains(&name) {
            group_names.push(name);
        }
    }
    let groups = group_names
        .into_iter()
        .map(|name| GroupScore {
            name,
            score: weighted_score(
                answers,
                dimension.questions.iter().zip(positions.clone()).filter(|(q, _)| q.group == Some(name)),
            ),
        })
        .collect();

    DimensionResult { dimension, answered, total, score, band, unknowns, advice, groups }
}

/// Weighted 0–100 score of some questions, `None` if any of them is unanswered.
fn weighted_score<'a>(answers: &Answers, questions: impl Iterator<Item = (&'a Question, usize)>) -> Option<u8> {
    let (mut earned, mut possible) = (0u32, 0u32);
    for (question, position) in questions {
        let points = answers.points(position)?;
        earned += u32::from(question.weight) * u32::from(points);
        possible += u32::from(question.weight) * u32::from(question.max_points());
    }
    if possible == 0 {
        return None;
    }
    Some(((100 * earned + possible / 2) / possible) as u8)
}

/// The band a score falls in for a dimension.
pub fn band_for(dimension: &Dimension, score: u8) -> Band {
    if score >= dimension.pass {
        Band::Yes
    } else if score >= dimension.partly {
        Band::Partly
    } else {
        Band::No
    }
}

/// The next three moves: advice from failing dimensions first, largest gap first, then the
/// weaker dimension; then advice from passing dimensions; then the set's ready moves.
fn next_moves(set: &QuestionSet, dimensions: &[DimensionResult]) -> Vec<&'static str> {
    // Failing dimensions first, then unfinished ones, then passing ones.
    let rank = |band: Option<Band>| match band {
        Some(Band::No | Band::Partly) => 0,
        None => 1,
        Some(Band::Yes) => 2,
    };
    let mut candidates: Vec<(&Move, u8, Option<u8>)> =
        dimensions.iter().flat_map(|d| d.advice.iter().map(move |m| (m, rank(d.band), d.score))).collect();
    sort_small_by_key(&mut candidates, |&(m, rank, score)| (rank, std::cmp::Reverse(m.gap), score, m.dimension));
    // Ready moves only make sense when nothing fails; a failing pilot gets advice alone.
    let all_pass = dimensions.iter().all(|d| d.band == Some(Band::Yes));
    let ready_moves = set.ready_moves.iter().copied().filter(|_| all_pass);
    let mut moves: Vec<&'static str> = Vec::with_capacity(3);
    for text in candidates.into_iter().map(|(m, _, _)| m.text).chain(ready_moves) {
        if moves.len() == 3 {
            break;
        }
        if !moves.contains(&text) {
            moves.push(text);
        }
    }
    moves
}

/// A stable insertion sort for the handful of items scoring orders (at most a few dozen).
/// The standard library's sorts are faster on large slices but add several kilobytes of
/// wasm per element type; here every byte of the first load counts.
fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
