//! The questionnaire as data: every question, option, weight, threshold and advice text.
//!
//! Content is plain `static` Rust data rather than a TOML/JSON file so that no parser ships
//! in the wasm and the compiler checks its shape. An author edits the newest set file
//! (`v1.rs` today) and nothing else. A set that has been published is frozen: results links
//! name their set by `id` and must score forever as they did, so a content change that alters
//! questions, options, points or thresholds is a *new* set file with the next `id`, added
//! to [`QUESTION_SETS`]. Wording fixes that keep the meaning may edit a set in place.
//! `tests/content.rs` validates every set.

mod v1;

/// The question set new readers answer.
pub const CURRENT: &QuestionSet = &v1::SET;

/// Every question set ever published, oldest first. Never remove one: old links name them.
pub const QUESTION_SETS: &[&QuestionSet] = &[&v1::SET];

/// Finds a published question set by its id.
pub fn question_set(id: u8) -> Option<&'static QuestionSet> {
    QUESTION_SETS.iter().copied().find(|set| set.id == id)
}

/// One version of the whole questionnaire.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct QuestionSet {
    /// Stable id carried in every share code and snapshot (1..=61).
    pub id: u8,
    /// The essay the questionnaire is built on.
    pub essay_url: &'static str,
    /// The four dimensions, in the order they are asked.
    pub dimensions: &'static [Dimension],
    /// Moves offered when every dimension passes, after any advice left for weaker answers.
    pub ready_moves: &'static [&'static str],
}

/// One of the essay's four scaling killers, asked as a group of questions.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Dimension {
    /// Stable id, e.g. `"ownership"`.
    pub id: &'static str,
    /// Display name, e.g. `"Ownership"`.
    pub name: &'static str,
    /// The essay's readiness question for this dimension, in our words.
    pub test_question: &'static str,
    /// One or two sentences on why this dimension kills pilots.
    pub explanation: &'static str,
    /// Minimum 0–100 score for the band "yes".
    pub pass: u8,
    /// Minimum 0–100 score for the band "partly"; below it the band is "no".
    pub partly: u8,
    /// What each band means for this dimension: `[yes, partly, no]`.
    pub band_meaning: [&'static str; 3],
    /// The essay's fix, in our words.
    pub fix: &'static str,
    /// What "I don't know" means here (e.g. "not knowing who owns it is the finding").
    pub unknown_finding: &'static str,
    /// The questions, in the order they are asked.
    pub questions: &'static [Question],
    /// Tailored advice: rules tied to specific low answers.
    pub advice: &'static [Advice],
}

/// One question with behaviourally anchored options.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Question {
    /// Stable id, unique in the set, e.g. `"ownership.named_owner"`.
    pub id: &'static str,
    /// The question as asked.
    pub prompt: &'static str,
    /// Optional grouping shown in results (Metrics: "Process metrics" / "Outcome metrics").
    pub group: Option<&'static str>,
    /// Relative weight of this question within its dimension (1..=3).
    pub weight: u8,
    /// Options from worst to best; each describes a concrete situation.
    pub options: &'static [Choice],
}

/// One behaviourally anchored option.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Choice {
    /// The situation this option describes.
    pub text: &'static str,
    /// Points for this option (0 = worst); the best option of a question has the most.
    pub points: u8,
}

/// A concrete move recommended when a question's answer is at or below a level.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Advice {
    /// The id of the question this rule reads.
    pub question: &'static str,
    /// The rule applies when the answer's points are at most this ("I don't know" counts as 0).
    pub at_most: u8,
    /// The move, specific and actionable, in one or two sentences.
    pub text: &'static str,
}

impl QuestionSet {
    /// All questions of the set in asking order.
    pub fn questions(&self) -> impl Iterator<Item = &'static Question> + '_ {
        self.dimensions.iter().flat_map(|d| d.questions.iter())
    }

    /// Number of questions in the set.
    pub fn question_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.questions.len()).sum()
    }

    /// The dimension index and the question for a position in asking order.
    pub fn locate(&self, position: usize) -> Option<(usize, &'static Question)> {
        let mut start = 0;
        for (index, dimension) in self.dimensions.iter().enumerate() {
            if position < start + dimension.questions.len() {
                return Some((index, &dimension.questions[position - start]));
            }
            start += dimension.questions.len();
        }
        None
    }

    /// Position in asking order of the first question of a dimension.
    pub fn first_position(&self, dimension: usize) -> usize {
        self.dimensions[..dimension.min(self.dimensions.len())].iter().map(|d| d.questions.len()).sum()
    }
}

impl Question {
    /// The highest points any option of this question gives.
    pub fn max_points(&self) -> u8 {
        self.options.iter().map(|c| c.points).max().unwrap_or(0)
    }
}

/// The intro screen's words. They are also in `index.html` as a static intro that can be read
/// and started before the wasm arrives; `tests/static_intro.rs` keeps the two in step.
pub mod intro {
    /// The intro's heading.
    pub const HEADLINE: &str = "Is your AI pilot ready to scale?";
    /// The lead paragraph up to the essay link.
    pub const LEAD: &str = "Most AI pilots work technically and then stall before production, because the organization isn't ready. Check yours against the four scaling killers from the essay ";
    /// The essay link's text.
    pub const ESSAY_LINK: &str = "From Pilot to Production";
    /// The lead paragraph after the essay link.
    pub const LEAD_END: &str = ": ownership, data, buy-in and metrics.";
    /// The facts after the question count ("16 questions, about 3 minutes").
    pub const DURATION: &str = " questions, about 3 minutes";
    /// The other facts.
    pub const FACTS: [&str; 2] = [
        "A verdict, a score per dimension and your next three moves",
        "Your answers stay on this device; nothing is sent anywhere",
    ];
    /// The start button.
    pub const START: &str = "Start the check";
}
