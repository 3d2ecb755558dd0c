//! The messages sent to a page that embeds the widget (format version 1).
//!
//! They are serde types, defined here once: the shell hands them to the page with
//! serde-wasm-bindgen as plain objects (missing values as `null`), and the native tests read
//! and write them as JSON:
//! `{source: "scaling-readiness-check", version: 1, type: "height", height}` and
//! `{source, version: 1, type: "result", verdict, blocking, index, dimensions: [{id, name,
//! score, band}], link}`; an unfinished dimension's `score` and `band` are `null`, and `index`
//! (the mean of the finished dimensions) is `null` when none is finished. When a result may be
//! sent at all is the session's rule (`Session::results_by_reader`), not this module's.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::links::results_link;
use super::scoring::{Report, Verdict};

/// The `source` field of every host message.
pub const MESSAGE_SOURCE: &str = "scaling-readiness-check";
/// The host message format version.
pub const MESSAGE_VERSION: u8 = 1;

/// The `height` message: the widget's content height in CSS pixels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeightMessage {
    /// Always [`MESSAGE_SOURCE`], so a host can tell the widget's messages from others.
    pub source: String,
    /// Always [`MESSAGE_VERSION`] for this shape.
    pub version: u8,
    /// Always `height`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The content height in CSS pixels.
    pub height: u32,
}

impl HeightMessage {
    /// The content height, in the current format.
    pub fn new(height: u32) -> Self {
        Self { source: MESSAGE_SOURCE.to_owned(), version: MESSAGE_VERSION, kind: "height".to_owned(), height }
    }
}

/// One dimension in a [`ResultMessage`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageDimension {
    /// Stable dimension id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// 0–100, or `None` (`null`) while incomplete.
    pub score: Option<u8>,
    /// "yes" / "partly" / "no", or `None` (`null`) while incomplete.
    pub band: Option<String>,
}

/// The `result` message: the reader's result, flat, for the embedding page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultMessage {
    /// Always [`MESSAGE_SOURCE`].
    pub source: String,
    /// Always [`MESSAGE_VERSION`] for this shape.
    pub version: u8,
    /// Always `result`.
    #[serde(rename = "type")]
    pub kind: String,
    /// "ready", "not-ready" or "incomplete".
    pub verdict: String,
    /// Ids of the blocking dimensions, weakest first.
    pub blocking: Vec<String>,
    /// The overall index (never the verdict), `None` (`null`) when no dimension is finished.
    pub index: Option<u8>,
    /// Every dimension.
    pub dimensions: Vec<MessageDimension>,
    /// The results link.
    pub link: String,
}

/// The result message for answers and a label, with the results link under `base`.
pub fn result_message(answers: &Answers, label: &str, base: &str) -> ResultMessage {
    let report = Report::new(answers);
    let blocking = match &report.verdict {
        Verdict::NotReady { blocking } => blocking.clone(),
        Verdict::Ready | Verdict::Incomplete { .. } => Vec::new(),
    };
    ResultMessage {
        source: MESSAGE_SOURCE.to_owned(),
        version: MESSAGE_VERSION,
        kind: "result".to_owned(),
        verdict: report.verdict.key().to_owned(),
        blocking: blocking.iter().filter_map(|&i| report.set.dimensions.get(i)).map(|d| d.id.to_owned()).collect(),
        index: report.index,
        dimensions: report
            .dimensions
            .iter()
            .map(|d| MessageDimension {
                id: d.dimension.id.to_owned(),
                name: d.dimension.name.to_owned(),
                score: d.score,
                band: d.band.map(|b| b.word().to_owned()),
            })
            .collect(),
        link: results_link(base, answers, label),
    }
}
