//! Results links and the flat result summary sent to a host page.

use super::answers::Answers;
use super::scoring::{Report, Verdict};
use super::share_code;

/// The results link for answers and a label, under a widget base address ending in `/`.
///
/// Links point at the per-outcome preview page (`r/<outcome>/`), whose Open Graph tags say
/// the verdict, with the full code in the fragment (crawlers ignore fragments). Incomplete
/// results have no preview page of their own and use the base page.
pub fn results_link(base: &str, answers: &Answers, label: &str) -> String {
    let report = Report::new(answers);
    let code = share_code::encode(answers, label);
    match report.verdict {
        Verdict::Incomplete { .. } => format!("{base}#r={code}"),
        _ => format!("{base}r/{}/#r={code}", report.verdict.outcome_slug(report.set)),
    }
}

/// True for the name of a per-outcome page folder: `ready`, or `not-` followed by one or
/// more of the initials `o`, `d`, `b`, `m` in that order (see `Verdict::outcome_slug`).
pub fn is_outcome_slug(name: &str) -> bool {
    if name == "ready" {
        return true;
    }
    let Some(initials) = name.strip_prefix("not-") else { return false };
    let mut order = "odbm".chars();
    !initials.is_empty() && initials.chars().all(|c| order.by_ref().any(|o| o == c))
}

/// A team link carrying several share codes.
pub fn team_link(base: &str, codes: &[String]) -> String {
    format!("{base}#t={}", super::team::encode_team(codes))
}

/// One dimension in a [`ResultSummary`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionSummary {
    /// Stable dimension id.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// 0–100, or `None` while incomplete.
    pub score: Option<u8>,
    /// "yes" / "partly" / "no", or `None` while incomplete.
    pub band: Option<&'static str>,
}

/// A flat summary of a result, for the host-page result event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultSummary {
    /// "ready", "not-ready" or "incomplete".
    pub verdict: &'static str,
    /// Ids of the blocking dimensions, weakest first.
    pub blocking: Vec<&'static str>,
    /// The overall index (never the verdict).
    pub index: Option<u8>,
    /// Every dimension.
    pub dimensions: Vec<DimensionSummary>,
    /// The results link.
    pub link: String,
}

/// Summarises answers for a host page.
pub fn result_summary(answers: &Answers, label: &str, base: &str) -> ResultSummary {
    let report = Report::new(answers);
    let verdict = report.verdict.key();
    let blocking = match &report.verdict {
        Verdict::NotReady { blocking } => blocking.clone(),
        Verdict::Ready | Verdict::Incomplete { .. } => Vec::new(),
    };
    ResultSummary {
        verdict,
        blocking: blocking.iter().filter_map(|&i| report.set.dimensions.get(i)).map(|d| d.id).collect(),
        index: report.index,
        dimensions: report
            .dimensions
            .iter()
            .map(|d| DimensionSummary {
                id: d.dimension.id,
                name: d.dimension.name,
                score: d.score,
                band: d.band.map(|b| b.word()),
            })
            .collect(),
        link: results_link(base, answers, label),
    }
}
