//! Readers' results, aggregation: how many are ready, what blocks them, each dimension and
//! each question across the results, and the summary sentence.

use super::super::answers::Answer;
use super::super::content::{Question, QuestionSet};
use super::super::scoring::{Band, Report, Verdict, join_words, sort_small_by_key};
use super::super::share_code::SharedResult;
use super::plural;

/// How often one dimension blocks the results that are not ready.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockingDimension {
    /// Stable dimension id.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Not-ready results this dimension blocks.
    pub count: usize,
}

/// One set of dimensions that block results together, and how many results it blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockingCombination {
    /// The dimensions' display names, in asking order.
    pub names: Vec<&'static str>,
    /// Not-ready results blocked by exactly these dimensions.
    pub count: usize,
}

/// Most blocking combinations listed on screen and in the plain text before "and N more".
pub const TOP_COMBINATIONS: usize = 5;

/// One dimension across all results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionTable {
    /// Stable dimension id (dimensions of different question sets are matched by it).
    pub id: &'static str,
    /// Display name (from the newest set that has it).
    pub name: &'static str,
    /// Results whose band is yes.
    pub yes: usize,
    /// Results whose band is partly.
    pub partly: usize,
    /// Results whose band is no.
    pub no: usize,
    /// Results that left a question of the dimension unanswered.
    pub incomplete: usize,
    /// Scores of the complete results in ten buckets: 0–9, 10–19, …, 80–89, 90–100.
    pub histogram: [usize; 10],
}

/// One question's answers across the results of its set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionTable {
    /// The question.
    pub question: &'static Question,
    /// The display name of its dimension.
    pub dimension: &'static str,
    /// Its position in asking order within the set.
    pub position: usize,
    /// How many results chose each option, worst first.
    pub options: Vec<usize>,
    /// How many answered "I don't know".
    pub dont_know: usize,
    /// How many left it unanswered.
    pub unanswered: usize,
}

/// One line of a question's answers: the words of an option (or "I don't know", "No answer"),
/// how many results gave it and that share of the set's results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRow {
    /// A stable key: the option's index, `unknown` or `unanswered`.
    pub key: String,
    /// The option's own words, or "I don't know" / "No answer".
    pub words: &'static str,
    /// Results that gave it.
    pub count: usize,
    /// That share of all the set's results, in whole percent.
    pub percent: u8,
}

impl QuestionTable {
    /// Every answer by its words, in the question's order (worst option first), then "I don't
    /// know" and "No answer": generic over any set's options (a "not applicable" option of a
    /// set is one of its options, named by its own words).
    pub fn rows(&self) -> Vec<AnswerRow> {
        let total = self.answered() + self.unanswered;
        let row = |key: String, words: &'static str, count: usize| AnswerRow {
            key,
            words,
            count,
            percent: percent(count, total),
        };
        let mut rows: Vec<AnswerRow> = self
            .question
            .options
            .iter()
            .zip(&self.options)
            .enumerate()
            .map(|(i, (choice, &count))| row(i.to_string(), choice.text, count))
            .collect();
        rows.push(row("unknown".to_owned(), DONT_KNOW_WORDS, self.dont_know));
        rows.push(row("unanswered".to_owned(), NO_ANSWER_WORDS, self.unanswered));
        rows
    }

    /// Results that answered, "I don't know" included.
    pub fn answered(&self) -> usize {
        self.options.iter().sum::<usize>() + self.dont_know
    }

    /// "I don't know" as a share of those who answered, in whole percent (half up); `None`
    /// when nobody answered.
    pub fn dont_know_percent(&self) -> Option<u8> {
        let answered = self.answered();
        (answered > 0).then(|| percent(self.dont_know, answered))
    }
}

/// The per-question tables of one question set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetTable {
    /// The question set.
    pub set: &'static QuestionSet,
    /// Results made with it.
    pub results: usize,
    /// Its questions, those readers most often answer "I don't know" first (then by count,
    /// then in asking order).
    pub questions: Vec<QuestionTable>,
}

/// The picture many readers' results give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadersSummary {
    /// Results summarised.
    pub results: usize,
    /// Ready to scale by the essay's rule: every dimension a yes.
    pub ready: usize,
    /// Not ready: at least one answered dimension is not a yes.
    pub not_ready: usize,
    /// Not finished: no dimension blocks, but some are incomplete.
    pub incomplete: usize,
    /// Every dimension, the one that blocks most not-ready results first.
    pub blocking: Vec<BlockingDimension>,
    /// Every set of blocking dimensions that occurred, most common first (then fewer
    /// dimensions first); lists show [`TOP_COMBINATIONS`] and say how many more.
    pub combinations: Vec<BlockingCombination>,
    /// Every dimension of the results' question sets, matched by id, in asking order.
    pub dimensions: Vec<DimensionTable>,
    /// Per-question tables, one per question set the results use, oldest set first.
    pub sets: Vec<SetTable>,
}

/// What "I don't know" is called in tables and exports.
pub const DONT_KNOW_WORDS: &str = "I don't know";
/// What a question left unanswered is called in tables and exports.
pub const NO_ANSWER_WORDS: &str = "No answer";

/// "and 3 more combinations": what a list cut at `shown` of `total` entries says after them,
/// or `None` when nothing was left out.
pub fn and_more(total: usize, shown: usize, one: &str, many: &str) -> Option<String> {
    let more = total.checked_sub(shown).filter(|&n| n > 0)?;
    Some(format!("and {more} more {}", super::plural(more, one, many)))
}

/// A share in whole percent, rounded half up; 0 for an empty whole.
pub fn percent(part: usize, whole: usize) -> u8 {
    if whole == 0 {
        return 0;
    }
    ((200 * part + whole) / (2 * whole)).min(100) as u8
}

/// The question sets these results use, oldest first.
pub(super) fn sets_used(results: &[SharedResult]) -> Vec<&'static QuestionSet> {
    super::super::content::QUESTION_SETS
        .iter()
        .copied()
        .filter(|set| results.iter().any(|r| r.answers.set().id == set.id))
        .collect()
}

/// Summarises results that may come from different question sets: per-dimension tables are
/// matched by dimension id, per-question tables are kept per set.
pub fn summarise(results: &[SharedResult]) -> ReadersSummary {
    let sets = sets_used(results);
    let mut dimensions: Vec<DimensionTable> = Vec::new();
    for set in &sets {
        for d in set.dimensions {
            match dimensions.iter_mut().find(|t| t.id == d.id) {
                Some(table) => table.name = d.name,
                None => dimensions.push(DimensionTable {
                    id: d.id,
                    name: d.name,
                    yes: 0,
                    partly: 0,
                    no: 0,
                    incomplete: 0,
                    histogram: [0; 10],
                }),
            }
        }
    }
    let mut set_tables: Vec<SetTable> = sets
        .iter()
        .map(|&set| SetTable {
            set,
            results: 0,
            questions: set
                .questions()
                .enumerate()
                .map(|(position, question)| QuestionTable {
                    question,
                    dimension: set.locate(position).and_then(|(d, _)| set.dimensions.get(d)).map_or("", |d| d.name),
                    position,
                    options: vec![0; question.options.len()],
                    dont_know: 0,
                    unanswered: 0,
                })
                .collect(),
        })
        .collect();

    let mut summary = ReadersSummary {
        results: results.len(),
        ready: 0,
        not_ready: 0,
        incomplete: 0,
        blocking: Vec::new(),
        combinations: Vec::new(),
        dimensions: Vec::new(),
        sets: Vec::new(),
    };
    let mut blocks = vec![0usize; dimensions.len()];
    let mut combinations: Vec<(Vec<usize>, usize)> = Vec::new();
    let global = |dimensions: &[DimensionTable], id: &str| dimensions.iter().position(|t| t.id == id);

    for result in results {
        let report = Report::new(&result.answers);
        match &report.verdict {
            Verdict::Ready => summary.ready += 1,
            Verdict::Incomplete { .. } => summary.incomplete += 1,
            Verdict::NotReady { blocking } => {
                summary.not_ready += 1;
                let mut combination: Vec<usize> = blocking
                    .iter()
                    .filter_map(|&i| report.set.dimensions.get(i))
                    .filter_map(|d| global(&dimensions, d.id))
                    .collect();
                sort_small_by_key(&mut combination, |&g| g);
                for &g in &combination {
                    blocks[g] += 1;
                }
                match combinations.iter_mut().find(|(c, _)| *c == combination) {
                    Some((_, count)) => *count += 1,
                    None => combinations.push((combination, 1)),
                }
            }
        }
        for d in &report.dimensions {
            let Some(g) = global(&dimensions, d.dimension.id) else { continue };
            let table = &mut dimensions[g];
            match d.band {
                Some(Band::Yes) => table.yes += 1,
                Some(Band::Partly) => table.partly += 1,
                Some(Band::No) => table.no += 1,
                None => table.incomplete += 1,
            }
            if let Some(score) = d.score {
                table.histogram[usize::from(score / 10).min(9)] += 1;
            }
        }
        if let Some(table) = set_tables.iter_mut().find(|t| t.set.id == result.answers.set().id) {
            table.results += 1;
            for (q, slot) in table.questions.iter_mut().zip(result.answers.slots()) {
                match slot {
                    None => q.unanswered += 1,
                    Some(Answer::DontKnow) => q.dont_know += 1,
                    Some(Answer::Level(level)) => {
                        if let Some(count) = q.options.get_mut(usize::from(*level)) {
                            *count += 1;
                        }
                    }
                }
            }
        }
    }

    let mut blocking: Vec<BlockingDimension> =
        dimensions.iter().zip(&blocks).map(|(t, &count)| BlockingDimension { id: t.id, name: t.name, count }).collect();
    sort_small_by_key(&mut blocking, |b| std::cmp::Reverse(b.count));
    sort_small_by_key(&mut combinations, |(c, count)| (std::cmp::Reverse(*count), c.len(), c.clone()));
    summary.combinations = combinations
        .into_iter()
        .map(|(c, count)| BlockingCombination {
            names: c.iter().filter_map(|&g| dimensions.get(g)).map(|t| t.name).collect(),
            count,
        })
        .collect();
    for table in &mut set_tables {
        // "I don't know" share, compared exactly as fractions: dk_a / n_a > dk_b / n_b.
        sort_small_by_key(&mut table.questions, |q| {
            (std::cmp::Reverse(DontKnowShare(q.dont_know, q.answered())), std::cmp::Reverse(q.dont_know), q.position)
        });
    }
    summary.blocking = blocking;
    summary.dimensions = dimensions;
    summary.sets = set_tables;
    summary
}

/// A share `part / whole` ordered exactly (no rounding); an empty whole is the smallest.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct DontKnowShare(pub(super) usize, pub(super) usize);

impl Ord for DontKnowShare {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.1, other.1) {
            (0, 0) => std::cmp::Ordering::Equal,
            (0, _) => std::cmp::Ordering::Less,
            (_, 0) => std::cmp::Ordering::Greater,
            _ => (self.0 * other.1).cmp(&(other.0 * self.1)),
        }
    }
}

impl PartialOrd for DontKnowShare {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The summary in one or two plain sentences, e.g. "Of 137 readers who shared results, 12 (9%)
/// are ready to scale. Metrics blocks 71% of the others, Data 54% and Ownership 40%."
pub fn summary_sentence(summary: &ReadersSummary) -> String {
    let n = summary.results;
    if n == 0 {
        return "No readers' results found yet.".to_owned();
    }
    let blockers: Vec<&BlockingDimension> = summary.blocking.iter().filter(|b| b.count > 0).collect();
    if n == 1 {
        let names: Vec<&str> = blockers.iter().map(|b| b.name).collect();
        return match (summary.ready, summary.incomplete) {
            (1, _) => "1 reader shared results, and their pilot is ready to scale.".to_owned(),
            (_, 1) => "1 reader shared results, and has not finished the check.".to_owned(),
            _ => format!(
                "1 reader shared results, and their pilot is not ready to scale: {} {} it.",
                join_words(&names),
                plural(names.len(), "blocks", "block")
            ),
        };
    }
    let ready = match summary.ready {
        0 => "none are ready to scale".to_owned(),
        k => format!("{k} ({}%) {} ready to scale", percent(k, n), plural(k, "is", "are")),
    };
    let mut text = format!("Of {n} readers who shared results, {ready}");
    if summary.incomplete > 0 {
        let m = summary.incomplete;
        text += &format!(" and {m} {} not finished the check", plural(m, "has", "have"));
    }
    text.push('.');
    if summary.not_ready > 0 {
        let others = if summary.incomplete == 0 && summary.ready > 0 {
            "the others".to_owned()
        } else if summary.incomplete == 0 {
            "them".to_owned()
        } else {
            format!("the {} not ready", summary.not_ready)
        };
        let parts: Vec<String> = blockers
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let share = percent(b.count, summary.not_ready);
                if i == 0 { format!("{} blocks {share}% of {others}", b.name) } else { format!("{} {share}%", b.name) }
            })
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        text += &format!(" {}.", join_words(&parts));
    }
    text
}
