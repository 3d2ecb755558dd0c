//! The snapshot of the reader's own run: what is kept in localStorage, and the progress
//! mirror in the address where storage cannot be used.
//!
//! Two encodings of one [`Snapshot`]:
//! - **Storage (format 3)**: a serde type, [`StoredRun`], written and read as JSON through
//!   gloo-storage: `{"format":3,"run":"<share code>","step":"i"|"q<N>"|"r","compare":"<share
//!   code>"|null}`. The share code (with its own check) carries the question set, the answers
//!   and the label; `step` is the intro, question N (0-based) or the results; `compare` is the
//!   shared result the reader chose to compare against.
//! - **Address (`S2` text)**: `S2;<share code>;<step>;<compare code>` with step `i`, `q<N>`
//!   (0-based) or `r`, because a URL wants a short text, not JSON.
//!
//! Versions: storage formats 1 and 2 were that text (`S1;<share code>;<step>` had no compare
//! target). [`Snapshot::parse`] reads every text format ever written and
//! [`Snapshot::from_stored`] the JSON one; both migrate to the current shape. An older
//! question set stays an older set (its answers score as they did), nothing readable is
//! dropped. Unreadable data yields a typed error and the caller keeps the raw value aside; a
//! newer format is reported as such and kept aside too.

use serde::{Deserialize, Serialize};

use super::session::{Session, Step, View};
use super::share_code::{self, DecodeError};

/// The text format written to the address (and, before format 3, to storage).
pub const SNAPSHOT_FORMAT: &str = "S2";

/// The storage format this build writes: JSON of [`StoredRun`].
pub const STORED_FORMAT: u16 = 3;

/// The reader's run as stored (format 3). Every field but `format` has a default, so that a
/// value written by a newer version still reads far enough to say so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRun {
    /// Always [`STORED_FORMAT`] when written by this build.
    pub format: u16,
    /// The reader's answers and label, as a share code.
    #[serde(default)]
    pub run: String,
    /// Where the reader is: `i` (intro), `q<N>` (question N, 0-based) or `r` (results).
    #[serde(default)]
    pub step: String,
    /// The shared result the reader compares against, as a share code.
    #[serde(default)]
    pub compare: Option<String>,
}

/// A value found under the run's key, as far as the JSON reader got with it: the one input to
/// [`read_stored`], built by the shell from gloo-storage's typed read (and by the native tests
/// from serde_json's, which is what gloo-storage uses).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredValue {
    /// JSON that reads as a [`StoredRun`] (of this format or another).
    Json(StoredRun),
    /// Not such JSON: the text formats `S1`/`S2` written before format 3, or garbage.
    Text(String),
}

/// Reads whatever was stored under the run's key, of any format ever written. Never panics.
pub fn read_stored(value: &StoredValue) -> Result<Snapshot, SnapshotError> {
    match value {
        StoredValue::Json(run) => Snapshot::from_stored(run),
        StoredValue::Text(text) => Snapshot::parse(text),
    }
}

/// Why a stored value could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The value is empty.
    Empty,
    /// Written by a newer version of the widget.
    NewerFormat,
    /// Not a snapshot at all, or damaged.
    Unreadable,
    /// The answers inside could not be decoded.
    Answers(DecodeError),
}

/// The reader's own run as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The reader's run, with `view` always `Own`.
    pub session: Session,
}

impl Snapshot {
    /// Takes the storable part of a session (never a shared result or a team).
    pub fn of(session: &Session) -> Self {
        let mut own = Session::new(session.answers.set());
        own.answers = session.answers.clone();
        own.step = session.step;
        own.label = session.label.clone();
        own.compare_with = session.compare_with.clone();
        Self { session: own }
    }

    /// Whether the run is worth keeping in storage: the reader answered something or left the
    /// intro. An untouched run is never written, so a visitor who only reads the intro or
    /// opens someone's link leaves nothing behind, and a run the reader just cleared (back on
    /// the intro, no answers) is not written back while the stored one is being erased.
    pub fn worth_saving(&self) -> bool {
        self.session.has_progress() || self.session.step != Step::Intro
    }

    /// The value to store (format 3).
    pub fn to_stored(&self) -> StoredRun {
        StoredRun {
            format: STORED_FORMAT,
            run: self.session.share_code(),
            step: step_text(self.session.step),
            compare: self.session.compare_with.as_ref().map(|r| share_code::encode(&r.answers, &r.label)),
        }
    }

    /// Reads a stored value of format 3. Never panics.
    pub fn from_stored(stored: &StoredRun) -> Result<Snapshot, SnapshotError> {
        if stored.format > STORED_FORMAT {
            return Err(SnapshotError::NewerFormat);
        }
        if stored.format < STORED_FORMAT {
            // Formats 1 and 2 were text, never JSON: this value was not written by the widget.
            return Err(SnapshotError::Unreadable);
        }
        Self::from_fields(&stored.run, &stored.step, stored.compare.as_deref().unwrap_or_default())
    }

    /// The text for the address (format `S2`).
    pub fn to_text(&self) -> String {
        let step = step_text(self.session.step);
        let compare = self.session.compare_with.as_ref().map(|r| share_code::encode(&r.answers, &r.label));
        format!("{SNAPSHOT_FORMAT};{};{step};{}", self.session.share_code(), compare.unwrap_or_default())
    }

    /// Reads a snapshot text of any text format (`S1`, `S2`). Never panics.
    pub fn parse(text: &str) -> Result<Snapshot, SnapshotError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(SnapshotError::Empty);
        }
        let (format, rest) = text.split_once(';').unwrap_or((text, ""));
        // Each format's fields, migrated to the current shape: (code, step, compare code).
        let (code, step, compare) = match format {
            "S1" => {
                let (code, step) = rest.split_once(';').ok_or(SnapshotError::Unreadable)?;
                (code, step, "")
            }
            "S2" => {
                let mut fields = rest.splitn(3, ';');
                match (fields.next(), fields.next(), fields.next()) {
                    (Some(code), Some(step), Some(compare)) => (code, step, compare),
                    _ => return Err(SnapshotError::Unreadable),
                }
            }
            f if f.len() <= 4 && f.starts_with('S') && f[1..].parse::<u16>().is_ok_and(|n| n > 2) => {
                return Err(SnapshotError::NewerFormat);
            }
            _ => return Err(SnapshotError::Unreadable),
        };
        Self::from_fields(code, step, compare)
    }

    /// The current shape from the fields every format holds: a share code, a step (`i`,
    /// `q<N>`, `r`) and a compare code (empty when none).
    fn from_fields(code: &str, step: &str, compare: &str) -> Result<Snapshot, SnapshotError> {
        let shared = share_code::decode(code).map_err(SnapshotError::Answers)?;
        let mut session = Session::new(shared.answers.set());
        let last = shared.answers.set().question_count().saturating_sub(1);
        session.step = match step {
            "i" => Step::Intro,
            "r" => Step::Results,
            q => match q.strip_prefix('q').and_then(|n| n.parse::<usize>().ok()) {
                Some(position) => Step::Question(position.min(last)),
                None => return Err(SnapshotError::Unreadable),
            },
        };
        session.answers = shared.answers;
        session.label = shared.label;
        session.view = View::Own;
        // Someone else's result is not the reader's data: a damaged one is dropped, the run kept.
        session.compare_with = (!compare.is_empty()).then(|| share_code::decode(compare).ok()).flatten();
        Ok(Snapshot { session })
    }
}

/// A step as every format writes it: `i`, `q<N>` (0-based) or `r`.
fn step_text(step: Step) -> String {
    match step {
        Step::Intro => "i".to_owned(),
        Step::Question(position) => format!("q{position}"),
        Step::Results => "r".to_owned(),
    }
}
