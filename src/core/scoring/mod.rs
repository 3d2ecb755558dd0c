//! Scoring: per-dimension scores and bands, the essay's verdict, and the next moves.
//!
//! The verdict follows the essay's rule and nothing else: *ready to scale* only when every
//! dimension is a yes. What makes a dimension a yes is its set's [`YesRule`], decided in one
//! place ([`holding_back`] and [`band_of`]): set 1 used a score threshold; from set 2 on a yes
//! is the essay's own test question answered yes, and scores only add nuance. The overall
//! index exists for the chart and is never the verdict. A dimension with an unanswered
//! question is *incomplete*: it is never scored as if the missing answers were zero.
//!
//! Every text a result shows is chosen by an answer the reader gave (the key answer's meaning,
//! an answer's advice, a question's "I don't know" finding), so no card can say what the
//! reader's answers deny.
//!
//! Set 3's literal yes lives in [`literal`]; the next moves in [`moves`]; the verdict in words in
//! [`verdict`].

use super::answers::{Answer, Answers};
use super::content::{Dimension, Meanings, Question, QuestionSet, Role, Stance, YesRule};
use super::person::Person;

mod literal;
mod moves;
mod verdict;

use literal::backed;
pub use literal::{AnswerStance, LITERAL_RANGES, is_literal, literal_band, literal_score, stance_of};
use moves::next_moves;
pub(crate) use moves::sort_small_by_key;
pub use verdict::{READY_SENTENCE, RULE_SENTENCE, Verdict};

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

    /// Index into [`Meanings::ByBand`].
    pub fn meaning_index(self) -> usize {
        match self {
            Band::Yes => 0,
            Band::Partly => 1,
            Band::No => 2,
        }
    }
}

/// Why one answer keeps its dimension from a yes under [`YesRule::EssayTest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoldBack {
    /// The key question (the essay's own test) is not at its top option.
    KeyNotYes,
    /// The answer is the question's lowest option.
    LowestOption,
    /// "I don't know" on a question the dimension cannot pass without.
    UnknownEssential,
    /// Set 3: an option whose stance is partly or no.
    NotAYes(Stance),
    /// Set 3: "I don't know", which is never a yes.
    Unknown,
}

/// One answer that keeps its dimension from a yes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocker {
    /// The question.
    pub question: &'static Question,
    /// The reader's answer to it.
    pub answer: Answer,
    /// Why it blocks.
    pub why: HoldBack,
}

impl Blocker {
    /// The reader's answer in their own words: the option's text, or "I don't know".
    pub fn answer_text(&self) -> &'static str {
        match self.answer {
            Answer::DontKnow => UNKNOWN_TEXT,
            Answer::Level(level) => self.question.options.get(usize::from(level)).map_or("", |o| o.text),
        }
    }

    /// The essay's fix for this answer, fitted to it: the option's own advice, or how to find
    /// out for "I don't know".
    pub fn advice(&self) -> Option<&'static str> {
        match self.answer {
            Answer::DontKnow => self.question.unknown.as_ref().map(|u| u.advice),
            Answer::Level(level) => self.question.options.get(usize::from(level)).and_then(|o| o.advice),
        }
    }

    /// What "I don't know" here means (`None` for any other answer).
    pub fn unknown_finding(&self) -> Option<&'static str> {
        (self.answer == Answer::DontKnow).then(|| self.question.unknown.as_ref().map(|u| u.finding)).flatten()
    }
}

/// The words of the "I don't know" option, as the reader saw them.
pub const UNKNOWN_TEXT: &str = "I don't know";

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

impl DimensionResult {
    /// What "I don't know" to a question of this dimension means: the question's own finding
    /// (set 2 on) or the dimension's (set 1).
    pub fn unknown_finding(&self, question: &Question) -> Option<&'static str> {
        question.unknown.as_ref().map(|u| u.finding).or(self.dimension.unknown_finding)
    }
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
    /// What the result means, chosen knowing the answers; `None` while incomplete.
    pub meaning: Option<&'static str>,
    /// Under [`YesRule::EssayTest`], the answers that keep a complete dimension from a yes
    /// (empty for a yes, for an incomplete dimension and for set 1).
    pub holding_back: Vec<Blocker>,
    /// Questions answered "I don't know".
    pub unknowns: Vec<&'static Question>,
    /// Tailored advice for this dimension's weak answers, weakest first.
    pub advice: Vec<Move>,
    /// Scores of the dimension's question groups, if the content groups them.
    pub groups: Vec<GroupScore>,
    /// Set 3, a yes card: the claims the reader's yes answers back, in content order (empty
    /// for any other card and before set 3).
    pub claims: Vec<&'static str>,
    /// Set 3: the questions answered "not applicable", shown on the card.
    pub not_applicable: Vec<&'static Question>,
}

impl DimensionResult {
    /// True when every question of the dimension has an answer.
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
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

        // A dimension blocks when its band is not a yes, or (set 3) when an answer already keeps
        // it from a yes while other questions are open: no answer to come can make it a yes.
        let mut blocking: Vec<usize> = (0..dimensions.len())
            .filter(|&i| {
                matches!(dimensions[i].band, Some(Band::No | Band::Partly)) || !dimensions[i].holding_back.is_empty()
            })
            .collect();
        sort_small_by_key(&mut blocking, |&i| (dimensions[i].band, dimensions[i].score, i));
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
        let next_moves = next_moves(set, &dimensions, &verdict);
        Self { set, dimensions, verdict, index, next_moves }
    }

    /// The verdict's headline in its set (`Verdict::headline_in`).
    pub fn headline(&self) -> &'static str {
        self.verdict.headline_in(self.set)
    }

    /// What a "Ready" result does not cover, said under it (set 3 on; `None` otherwise).
    pub fn not_covered(&self) -> Option<&'static str> {
        self.set.not_covered.filter(|_| self.verdict == Verdict::Ready)
    }

    /// Questions without an answer yet.
    pub fn open_questions(&self) -> usize {
        self.dimensions.iter().map(|d| d.total - d.answered).sum()
    }

    /// The sentence under the verdict's headline: what blocks it, or what is left to answer.
    pub fn verdict_sentence(&self) -> String {
        let names = |indices: &[usize]| -> Vec<&'static str> {
            indices.iter().filter_map(|&i| self.set.dimensions.get(i)).map(|d| d.name).collect()
        };
        if is_literal(self.set) {
            return match &self.verdict {
                Verdict::Ready => "Every answer is a yes, so all four of the essay's tests are a yes.".to_owned(),
                Verdict::NotReady { blocking } => {
                    let open = match self.open_questions() {
                        0 => String::new(),
                        1 => " 1 question is still open.".to_owned(),
                        n => format!(" {n} questions are still open."),
                    };
                    let verb = if blocking.len() == 1 { "is" } else { "are" };
                    format!(
                        "The essay asks for a yes on all four tests. {} {verb} not a yes yet.{open}",
                        join_words(&names(blocking))
                    )
                }
                Verdict::Incomplete { missing } => {
                    format!("Answer the open questions in {} to get a verdict.", join_words(&names(missing)))
                }
            };
        }
        match &self.verdict {
            Verdict::Ready => READY_SENTENCE.to_owned(),
            Verdict::NotReady { blocking } => {
                format!("{RULE_SENTENCE} Blocking, weakest first: {}.", join_words(&names(blocking)))
            }
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
    let given: Vec<(&'static Question, Option<Answer>)> =
        dimension.questions.iter().zip(positions.clone()).map(|(q, p)| (q, answers.get(p))).collect();
    let answered = given.iter().filter(|(_, a)| a.is_some()).count();
    let score = weighted_score(answers, dimension.questions.iter().zip(positions.clone()));
    let complete = answered == total;
    let literal = dimension.rule == YesRule::Literal;
    let holding_back = if complete || literal { holding_back(dimension, &given) } else { Vec::new() };
    let (score, band) = if literal {
        let band = complete.then(|| literal_band(&given));
        (band.map(|band| literal_score(band, &given)), band)
    } else {
        (score, score.map(|s| band_of(dimension, s, &holding_back)))
    };
    let meaning = band.and_then(|band| meaning(dimension, band, &given));
    let claims = match (&dimension.meanings, band) {
        (Meanings::Claims { yes, .. }, Some(Band::Yes)) => {
            yes.iter().filter(|claim| backed(claim.backed_by, &given)).map(|claim| claim.text).collect()
        }
        _ => Vec::new(),
    };
    let not_applicable =
        given.iter().filter(|(q, a)| stance_of(q, *a) == Some(AnswerStance::NotApplicable)).map(|(q, _)| *q).collect();
    let unknowns = given.iter().filter(|(_, a)| *a == Some(Answer::DontKnow)).map(|(q, _)| *q).collect();

    let mut advice: Vec<Move> = given
        .iter()
        .zip(positions.clone())
        .filter_map(|(&(question, answer), position)| {
            let points = answers.points(position)?;
            let text = advice_for(dimension, question, answer?, points)?;
            let gap = u16::from(question.weight) * u16::from(question.max_points() - points);
            Some(Move { dimension: index, question, text, gap })
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

    DimensionResult {
        dimension,
        answered,
        total,
        score,
        band,
        meaning,
        holding_back,
        unknowns,
        advice,
        groups,
        claims,
        not_applicable,
    }
}

/// The answers that keep a complete dimension from a yes under the essay's test (empty under
/// a score rule, where only the score decides). The one place the yes rule lives.
pub fn holding_back(dimension: &Dimension, given: &[(&'static Question, Option<Answer>)]) -> Vec<Blocker> {
    if dimension.rule == YesRule::Literal {
        // Every answer that is not a yes keeps the dimension from one, open questions or not.
        return given
            .iter()
            .filter_map(|&(question, answer)| {
                let why = match (answer?, stance_of(question, answer)?) {
                    (Answer::DontKnow, _) => HoldBack::Unknown,
                    (_, AnswerStance::No) => HoldBack::NotAYes(Stance::No),
                    (_, AnswerStance::Partly) => HoldBack::NotAYes(Stance::Partly),
                    (_, AnswerStance::Yes | AnswerStance::NotApplicable) => return None,
                };
                Some(Blocker { question, answer: answer?, why })
            })
            .collect();
    }
    if !matches!(dimension.rule, YesRule::EssayTest { .. }) {
        return Vec::new();
    }
    given
        .iter()
        .filter_map(|&(question, answer)| {
            let answer = answer?;
            let top = question.options.len().saturating_sub(1);
            let why = match (answer, question.role) {
                (Answer::DontKnow, Role::Key) => HoldBack::KeyNotYes,
                (Answer::DontKnow, Role::Essential) => HoldBack::UnknownEssential,
                (Answer::DontKnow, Role::Supporting) => return None,
                (Answer::Level(level), Role::Key) if usize::from(level) < top => HoldBack::KeyNotYes,
                (Answer::Level(0), _) => HoldBack::LowestOption,
                (Answer::Level(_), _) => return None,
            };
            Some(Blocker { question, answer, why })
        })
        .collect()
}

/// The band of a complete dimension with this score and these blocking answers.
pub fn band_of(dimension: &Dimension, score: u8, holding_back: &[Blocker]) -> Band {
    match dimension.rule {
        YesRule::Score { .. } => band_for(dimension, score),
        YesRule::EssayTest { .. } if holding_back.is_empty() => Band::Yes,
        YesRule::EssayTest { partly } => {
            if score >= partly {
                Band::Partly
            } else {
                Band::No
            }
        }
        // Decided by stances, not by a score (see `literal_band`); a score alone says partly
        // or no by its range.
        YesRule::Literal => band_for(dimension, score),
    }
}

/// What a complete dimension's result means, chosen knowing the key answer.
fn meaning(dimension: &Dimension, band: Band, given: &[(&'static Question, Option<Answer>)]) -> Option<&'static str> {
    match &dimension.meanings {
        Meanings::ByBand(texts) => Some(texts[band.meaning_index()]),
        Meanings::ByKeyAnswer { yes, .. } if band == Band::Yes => Some(yes),
        Meanings::ByKeyAnswer { held_back, .. } => {
            let (key, answer) = given.iter().find(|(q, _)| q.role == Role::Key)?;
            match (*answer)? {
                Answer::DontKnow => key.unknown.as_ref().map(|u| u.finding),
                Answer::Level(level) if usize::from(level) + 1 == key.options.len() => Some(held_back),
                Answer::Level(level) => key.options.get(usize::from(level))?.meaning,
            }
        }
        // A yes card says only its claims (`DimensionResult::claims`), the first of which is
        // the essay's yes backed by the key answer.
        Meanings::Claims { yes, .. } if band == Band::Yes => yes.first().map(|claim| claim.text),
        Meanings::Claims { not_yes, .. } => {
            let (key, answer) = given.iter().find(|(q, _)| q.role == Role::Key)?;
            match (*answer)? {
                Answer::DontKnow => key.unknown.as_ref().map(|u| u.finding),
                Answer::Level(level) => {
                    let option = key.options.get(usize::from(level))?;
                    if option.stance == Some(Stance::Yes) { Some(not_yes) } else { option.meaning }
                }
            }
        }
    }
}

/// The advice for one answer: the answer's own move (set 2 on), or set 1's most specific rule
/// (the smallest `at_most` that still applies).
fn advice_for(dimension: &Dimension, question: &Question, answer: Answer, points: u8) -> Option<&'static str> {
    let own = match answer {
        Answer::DontKnow => question.unknown.as_ref().map(|u| u.advice),
        Answer::Level(level) => question.options.get(usize::from(level)).and_then(|c| c.advice),
    };
    own.or_else(|| {
        dimension
            .advice
            .iter()
            .filter(|rule| rule.question == question.id && points <= rule.at_most)
            .min_by_key(|rule| rule.at_most)
            .map(|rule| rule.text)
    })
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

/// The band a score falls in under a score rule; under the essay's test a score alone can
/// only say partly or no (see [`band_of`]).
pub fn band_for(dimension: &Dimension, score: u8) -> Band {
    let (pass, partly) = match dimension.rule {
        YesRule::Score { pass, partly } => (pass, partly),
        YesRule::EssayTest { partly } => (u8::MAX, partly),
        YesRule::Literal => (u8::MAX, LITERAL_RANGES[1].0),
    };
    if score >= pass {
        Band::Yes
    } else if score >= partly {
        Band::Partly
    } else {
        Band::No
    }
}

/// The pass mark drawn on charts: a score rule's threshold, none under the essay's test.
pub fn pass_mark(dimension: &Dimension) -> Option<u8> {
    match dimension.rule {
        YesRule::Score { pass, .. } => Some(pass),
        YesRule::EssayTest { .. } | YesRule::Literal => None,
    }
}

/// What makes a dimension a yes in this set, in one sentence for the results screen, said to
/// whoever's results they are.
pub fn yes_rule_sentence(set: &QuestionSet, person: Person) -> String {
    match set.dimensions.first().map(|d| d.rule) {
        Some(YesRule::EssayTest { .. }) => format!(
            "A dimension is a yes only when its key question has the top answer, none of its answers is the lowest option, and {} the answers it cannot pass without.",
            person.pick("you know", "they know")
        ),
        Some(YesRule::Score { pass, .. }) => format!("A dimension is a yes at a score of {pass} or more."),
        Some(YesRule::Literal) => {
            "A dimension is a yes only when every answer in it is a yes, and “I don't know” is never a yes.".to_owned()
        }
        None => String::new(),
    }
}
