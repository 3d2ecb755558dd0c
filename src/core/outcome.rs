//! The outcomes a results link can point at, one static page each (`r/<slug>/`): their slugs,
//! titles, descriptions and static verdicts, defined once here for the app and the build.
//!
//! Link crawlers ignore the fragment that carries a result, so a results link names its
//! outcome in the path and the build writes one page per outcome (`xtask`, from this module)
//! whose preview card says the verdict. An outcome is the set of blocking dimensions, so
//! there are 2⁴ of them: `ready`, and `not-` followed by the blocking dimensions' initials in
//! asking order (`not-od`: Ownership and Data). An unfinished run has no page of its own.

use super::content::{CURRENT, QuestionSet};
use super::scoring::{READY_SENTENCE, RULE_SENTENCE, Verdict, join_words};

/// The words of the shared view's top, which the per-outcome pages show as plain HTML before
/// the app arrives (`ui/shared_result.rs` says the same; `tests/static_intro.rs` checks it).
pub mod shared_view {
    /// The note that marks a shared result as someone else's.
    pub const BANNER: &str = "These are someone else's results, opened from a link. They are read-only and are not mixed with your own answers.";
    /// The heading of a shared result without a label.
    pub const HEADING: &str = "Shared results";
    /// The button that starts the visitor's own check.
    pub const TAKE_CHECK: &str = "Take the check yourself";
    /// The title above the verdict.
    pub const VERDICT_TITLE: &str = "Their verdict";
}

/// The invitation that ends every outcome page's description.
/// The invitation that ends every outcome page's description, with the check's measured time
/// (`content::intro::MINUTES`).
fn invitation() -> String {
    format!("Take the {}-minute check for yours and compare.", super::content::intro::MINUTES)
}

/// One outcome: which dimensions block the verdict (indices in asking order; none = ready).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    blocking: Vec<usize>,
}

impl Outcome {
    /// Every outcome of a set, each once: `ready`, then one blocking dimension, then two…, each
    /// size in asking order (`not-o`, `not-d`, `not-b`, `not-m`, `not-od`, `not-ob`, …).
    pub fn all(set: &QuestionSet) -> Vec<Outcome> {
        let count = set.dimensions.len();
        let mut outcomes = vec![Outcome { blocking: Vec::new() }];
        for size in 1..=count {
            outcomes.extend(combinations(count, size).into_iter().map(|blocking| Outcome { blocking }));
        }
        outcomes
    }

    /// The outcome of a verdict (none for an unfinished run).
    pub fn of(verdict: &Verdict) -> Option<Outcome> {
        match verdict {
            Verdict::Ready => Some(Outcome { blocking: Vec::new() }),
            Verdict::NotReady { blocking } => {
                let mut blocking = blocking.clone();
                // Not `sort_unstable`: std's sort is kilobytes of wasm for at most four items.
                super::scoring::sort_small_by_key(&mut blocking, |&i| i);
                Some(Outcome { blocking })
            }
            Verdict::Incomplete { .. } => None,
        }
    }

    /// The outcome a page folder names, if it names one of `set`'s.
    pub fn from_slug(slug: &str, set: &QuestionSet) -> Option<Outcome> {
        Outcome::all(set).into_iter().find(|outcome| outcome.slug(set) == slug)
    }

    /// True when every dimension is a yes.
    pub fn is_ready(&self) -> bool {
        self.blocking.is_empty()
    }

    /// The blocking dimensions' indices, in asking order.
    pub fn blocking(&self) -> &[usize] {
        &self.blocking
    }

    /// The page folder's name: `ready`, or `not-` and the blocking dimensions' initials
    /// (`Verdict::outcome_slug`, which names the page a results link points at).
    pub fn slug(&self, set: &QuestionSet) -> String {
        self.verdict().outcome_slug(set)
    }

    /// The verdict's headline in `set`, as the app shows it.
    pub fn headline(&self, set: &QuestionSet) -> &'static str {
        self.verdict().headline_in(set)
    }

    /// The verdict's key (`ready`, `not-ready`), as the app's classes and data attributes use it.
    pub fn key(&self) -> &'static str {
        self.verdict().key()
    }

    /// The blocking dimensions' names, in asking order.
    pub fn blocking_names(&self, set: &QuestionSet) -> Vec<&'static str> {
        self.blocking.iter().filter_map(|&i| set.dimensions.get(i)).map(|d| d.name).collect()
    }

    /// The page's title (and its preview card's): the headline and what blocks.
    pub fn title(&self, set: &QuestionSet) -> String {
        if self.is_ready() {
            return format!("{}: all four dimensions pass", self.headline(set));
        }
        let (named, verb) = self.named(set);
        format!("{}: {named} {verb} blocking", self.headline(set))
    }

    /// The page's description (and its preview card's).
    pub fn description(&self, set: &QuestionSet) -> String {
        if self.is_ready() {
            let names: Vec<String> = set.dimensions.iter().map(|d| d.name.to_lowercase()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            return format!(
                "This AI pilot passes the essay's Scaling Readiness Test on {}. {}",
                join_words(&names),
                invitation()
            );
        }
        let (named, verb) = self.named(set);
        format!(
            "This AI pilot doesn't pass the essay's Scaling Readiness Test yet: {named} {verb} not a yes. {}",
            invitation()
        )
    }

    /// The sentence under the static verdict. The app's (`Report::verdict_sentence`) orders the
    /// blocking dimensions weakest first, which a page for every result with this outcome
    /// cannot know, so this one names them in asking order.
    pub fn sentence(&self, set: &QuestionSet) -> String {
        if self.is_ready() {
            return READY_SENTENCE.to_owned();
        }
        format!("{RULE_SENTENCE} Blocking: {}.", join_words(&self.blocking_names(set)))
    }

    /// The verdict this outcome stands for.
    fn verdict(&self) -> Verdict {
        if self.is_ready() { Verdict::Ready } else { Verdict::NotReady { blocking: self.blocking.clone() } }
    }

    /// The blocking dimensions joined in words, and the verb that agrees with them.
    fn named(&self, set: &QuestionSet) -> (String, &'static str) {
        let names = self.blocking_names(set);
        (join_words(&names), if names.len() == 1 { "is" } else { "are" })
    }
}

/// True for the name of a per-outcome page folder of the current set (`ready`, `not-od`, …):
/// what [`Outcome::slug`] writes, read back without building every outcome (the app asks this
/// once, at start-up; building the 16 names cost 0.5 KB gzip of wasm, measured).
/// `tests/outcome.rs` checks that it accepts exactly the slugs of [`Outcome::all`].
pub fn is_outcome_slug(name: &str) -> bool {
    if name == Verdict::Ready.outcome_slug(CURRENT) {
        return true;
    }
    let Some(initials) = name.strip_prefix("not-") else { return false };
    // Initials in asking order, each at most once.
    let mut order = CURRENT.dimensions.iter().filter_map(|d| d.id.chars().next());
    !initials.is_empty() && initials.chars().all(|c| order.by_ref().any(|o| o == c))
}

/// Every `size`-element subset of `0..count`, each in increasing order, in lexicographic order
/// (as Python's `itertools.combinations`, which named the pages first).
fn combinations(count: usize, size: usize) -> Vec<Vec<usize>> {
    if size == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for first in 0..count {
        if count - first < size {
            break;
        }
        for rest in combinations(count - first - 1, size - 1) {
            let mut subset = vec![first];
            subset.extend(rest.into_iter().map(|i| i + first + 1));
            out.push(subset);
        }
    }
    out
}
