//! The questionnaire as data: every question, option, weight, threshold and advice text.
//!
//! Content is plain `static` Rust data rather than a TOML/JSON file so that no parser ships
//! in the wasm and the compiler checks its shape. An author edits the newest set file
//! (`v3.rs` today) and nothing else. A set that has been published is frozen: results links
//! name their set by `id` and must score forever as they did, so a content change that alters
//! questions, options, points or thresholds is a *new* set file with the next `id`, added
//! to [`QUESTION_SETS`]. Wording fixes that keep the meaning may edit a set in place.
//! `tests/content.rs` validates every set.

mod v1;
mod v2;
mod v3;

/// The question set new readers answer.
pub const CURRENT: &QuestionSet = &v3::SET;

/// Every question set ever published, oldest first. Never remove one: old links name them.
pub const QUESTION_SETS: &[&QuestionSet] = &[&v1::SET, &v2::SET, &v3::SET];

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
    /// The moment every answer describes, said on the intro and above the first question
    /// (`None` for set 1, which did not say).
    pub time_frame: Option<&'static str>,
    /// The four dimensions, in the order they are asked.
    pub dimensions: &'static [Dimension],
    /// Moves offered when every dimension is a yes, after any advice left for weaker answers.
    pub ready_moves: &'static [GeneralMove],
    /// Moves offered to a pilot that is not ready once the blocking dimensions' own advice is
    /// used up, so that it always gets three (empty for set 1).
    pub not_ready_moves: &'static [GeneralMove],
    /// What a "Ready" result does not cover, said under it (set 3 on: the essay's four tests
    /// are not a legal, regulatory or security sign-off).
    pub not_covered: Option<&'static str>,
}

/// A move that is not tied to one answer, with the topic it is about: the next three moves
/// never hold two on one topic.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct GeneralMove {
    /// What the move is about (a question's topic, or a topic of its own).
    pub topic: &'static str,
    /// The move, specific and actionable, in one or two sentences.
    pub text: &'static str,
}

/// How a dimension's yes is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YesRule {
    /// Set 1: a weighted score of at least `pass` is a yes; `partly` splits the rest.
    Score {
        /// Minimum 0–100 score for the band "yes".
        pass: u8,
        /// Minimum 0–100 score for the band "partly"; below it the band is "no".
        partly: u8,
    },
    /// Set 2 on, the essay's test: a yes needs the key question at its top option, no answer
    /// at the lowest option, and no "I don't know" on an essential question. The score only
    /// splits the other results into "partly" (at least `partly`) and "no".
    EssayTest {
        /// Minimum 0–100 score for the band "partly" when the dimension is not a yes.
        partly: u8,
    },
    /// Set 3 on, the literal yes: every option declares its [`Stance`]; a dimension is a yes
    /// only when every answer in it is a yes option (or not applicable), and its weakest
    /// answer sets its band. "I don't know" stands as a no. Scores lie in each band's own
    /// range, so they order like bands (`scoring::literal_band` and `scoring::literal_score`).
    Literal,
}

/// Where an option stands on the essay's test for its dimension (set 3 on), written against
/// the essay. Ordered: a later option of a question never stands lower than an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    /// The answer says no to the essay's test, or states a failure mode the essay names.
    No,
    /// On the way to a yes, not there.
    Partly,
    /// The reader could say yes to the essay's point out loud.
    Yes,
    /// The question cannot apply to this pilot and the essay's test holds without it: it
    /// neither blocks nor counts (the option is offered last, after the best one).
    NotApplicable,
}

/// One thing a yes card says, and the questions whose yes answers back it: it is shown only
/// when every one of them has a yes answer (never on a "not applicable" one).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Claim {
    /// The claim, in the second person.
    pub text: &'static str,
    /// Ids of the questions that back it.
    pub backed_by: &'static [&'static str],
}

/// What a dimension's result means, in words.
#[derive(Debug, PartialEq, Eq, Hash)]
pub enum Meanings {
    /// Set 1: one text per band, `[yes, partly, no]`.
    ByBand([&'static str; 3]),
    /// Set 2 on, chosen knowing the key answer so that it cannot contradict it: `yes` for a
    /// yes; `held_back` when the key question has its top answer but other answers block the
    /// yes (the card then names them); otherwise the key answer's own [`Choice::meaning`], or
    /// the key question's "I don't know" finding.
    ByKeyAnswer {
        /// The dimension is a yes.
        yes: &'static str,
        /// The key question is a yes, other answers hold the dimension back.
        held_back: &'static str,
    },
    /// Set 3 on: a yes card says only its claims that the reader's yes answers back; a card
    /// that is not a yes leads with the key answer's own meaning (or its "I don't know"
    /// finding), or with `not_yes` when the key answer is a yes, then lists every answer that
    /// is not a yes.
    Claims {
        /// What a yes card may say, each claim tied to the questions that back it.
        yes: &'static [Claim],
        /// The lead-in when the key answer is a yes but other answers are not.
        not_yes: &'static str,
    },
}

/// What a question's answer does to its dimension's yes under [`YesRule::EssayTest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The essay's own test question for the dimension: a yes needs its top option.
    Key,
    /// The dimension cannot be a yes while the reader doesn't know this answer.
    Essential,
    /// Adds nuance: only its lowest option blocks the yes.
    Supporting,
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
    /// How the dimension's yes is decided.
    pub rule: YesRule,
    /// What each result means.
    pub meanings: Meanings,
    /// The essay's fix, in our words (shown on the card of a dimension that is not a yes). As
    /// a move it is the key answer's own advice: the fix fitted to where the reader stands.
    pub fix: &'static str,
    /// Set 1: what "I don't know" means, for the whole dimension (set 2 on: per question,
    /// [`Question::unknown`]).
    pub unknown_finding: Option<&'static str>,
    /// The questions, in the order they are asked.
    pub questions: &'static [Question],
    /// Set 1: tailored advice as rules tied to low answers (set 2 on: per answer,
    /// [`Choice::advice`] and [`Unknown::advice`]).
    pub advice: &'static [Advice],
}

/// One question with behaviourally anchored options.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Question {
    /// Stable id, unique in the set, e.g. `"ownership.named_owner"`.
    pub id: &'static str,
    /// A few words naming what the question asks, for lists and exports ("Named owner").
    pub short: &'static str,
    /// The question as asked.
    pub prompt: &'static str,
    /// Optional grouping shown in results (Metrics: "Process metrics" / "Outcome metrics").
    pub group: Option<&'static str>,
    /// Relative weight of this question within its dimension's score (1..=3).
    pub weight: u8,
    /// What the answer does to the dimension's yes (set 2 on).
    pub role: Role,
    /// What the question's advice is about; the next moves never repeat a topic.
    pub topic: &'static str,
    /// Options from worst to best; each describes a concrete situation.
    pub options: &'static [Choice],
    /// What answering "I don't know" here means, and what to do (set 2 on).
    pub unknown: Option<Unknown>,
    /// The essay's own words this question asks about, verbatim (set 3 on; a test finds them
    /// in the essay), so that no question credits the essay with a rule it does not have.
    pub essay: Option<&'static str>,
}

/// One behaviourally anchored option.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Choice {
    /// The situation this option describes.
    pub text: &'static str,
    /// Points for this option (0 = worst); the best option of a question has the most.
    pub points: u8,
    /// Key questions, below the top option: what this answer means for the dimension (set 2 on).
    pub meaning: Option<&'static str>,
    /// The move for a reader who gives this answer (set 2 on; `None` at the top option).
    pub advice: Option<&'static str>,
    /// Where this option stands on the essay's test (set 3 on; `None` before).
    pub stance: Option<Stance>,
}

impl Choice {
    /// An option that only scores (set 1's shape).
    pub const fn scored(text: &'static str, points: u8) -> Choice {
        Choice { text, points, meaning: None, advice: None, stance: None }
    }
}

/// What "I don't know" means for one question, and the move that follows from it.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Unknown {
    /// Why not knowing is itself a finding.
    pub finding: &'static str,
    /// How to find out, as a move.
    pub advice: &'static str,
}

/// Set 1: a concrete move recommended when a question's answer is at or below a level.
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

    /// Index of the best option: the last one that is not "not applicable".
    pub fn best_level(&self) -> u8 {
        let applicable = self.options.iter().filter(|c| c.stance != Some(Stance::NotApplicable)).count();
        applicable.saturating_sub(1) as u8
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
    /// Minutes the current set takes to read and answer, measured by `tests/content.rs`
    /// (every word on the question screens at 215 words a minute, plus two taps a question).
    pub const MINUTES: u32 = 6;
    /// The facts after the question count ("17 questions, about 6 minutes"); says [`MINUTES`].
    pub const DURATION: &str = " questions, about 6 minutes";
    /// The other facts.
    pub const FACTS: [&str; 2] = [
        "A verdict, a score per dimension and your next three moves",
        "Your answers stay on this device; nothing is sent anywhere",
    ];
    /// The start button.
    pub const START: &str = "Start the check";
}
