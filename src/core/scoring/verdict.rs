//! The verdict by the essay's rule, in words: its headline in each question set, its stable
//! key, the outcome page it names, and the sentences said with it.

use super::super::content::QuestionSet;
use super::{is_literal, sort_small_by_key};

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

impl Verdict {
    /// The verdict in words, as a headline.
    pub fn headline(&self) -> &'static str {
        match self {
            Verdict::Ready => "Ready to scale",
            Verdict::NotReady { .. } => "Not ready to scale yet",
            Verdict::Incomplete { .. } => "Not finished",
        }
    }

    /// The headline of this verdict in question set `set`: from set 3 on, "ready" says what it
    /// rests on, the essay's four tests (the check asks about nothing else). Every place that
    /// shows a result's verdict (screens, share texts, titles, static pages, cards) says this.
    pub fn headline_in(&self, set: &QuestionSet) -> &'static str {
        match (self, is_literal(set)) {
            (Verdict::Ready, true) => "Ready to scale by the essay's four tests",
            (verdict, _) => verdict.headline(),
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

/// The sentence under a ready verdict (the app's and the per-outcome pages').
pub const READY_SENTENCE: &str = "All four dimensions pass the essay's readiness test.";
/// The essay's rule, said before what blocks a verdict (the app's and the per-outcome pages').
pub const RULE_SENTENCE: &str = "By the essay's rule every dimension must be a yes.";
