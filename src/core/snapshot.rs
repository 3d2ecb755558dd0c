//! The storage snapshot: what is written to localStorage and to the address fragment.
//!
//! Text, not JSON, so no JSON parser ships in the wasm:
//! `S2;<share code>;<step>;<compare code>`, where the share code (with its own check)
//! carries the question set, the answers and the label, `<step>` is `i` (intro), `q<N>`
//! (question N, 0-based) or `r` (results), and `<compare code>` is the shared result the
//! reader chose to compare against (empty when none).
//!
//! Versions: the leading `S<n>` names the snapshot format. [`Snapshot::parse`] reads every
//! format ever written and migrates it to the current one; an older question set stays an
//! older set (its answers score as they did), nothing readable is dropped. Unreadable text
//! yields a typed error and the caller keeps the raw value aside.
//!
//! History: `S1;<share code>;<step>` (first release) had no compare target; it migrates to
//! S2 with none.

use super::session::{Session, Step, View};
use super::share_code::{self, DecodeError};

/// The snapshot format this build writes.
pub const SNAPSHOT_FORMAT: &str = "S2";

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

    /// The text to store.
    pub fn to_text(&self) -> String {
        let step = match self.session.step {
            Step::Intro => "i".to_owned(),
            Step::Question(position) => format!("q{position}"),
            Step::Results => "r".to_owned(),
        };
        let compare = self.session.compare_with.as_ref().map(|r| share_code::encode(&r.answers, &r.label));
        format!("{SNAPSHOT_FORMAT};{};{step};{}", self.session.share_code(), compare.unwrap_or_default())
    }

    /// Reads a stored text of any snapshot format. Never panics.
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

/// Decides the reader's run at start-up from what storage holds and what the address holds.
///
/// Storage wins when it holds a readable run, because it is always the newest write; the
/// address is the fallback for blocked storage. A reload keeps the address fragment (the
/// same run as stored, or the only run where storage is blocked), so it resumes at its step;
/// any other visit with stored progress opens on the intro, which offers continue or start
/// over.
pub fn resume(stored: Option<Snapshot>, from_address: Option<Snapshot>) -> Session {
    // A reload carries the same run in the address; any other address run (a link copied
    // from someone's address bar, a page framing the widget) must not pick the stored step.
    let reloaded = match (&stored, &from_address) {
        (Some(stored), Some(address)) => {
            stored.session.answers == address.session.answers && stored.session.label == address.session.label
        }
        (None, Some(_)) => true,
        _ => false,
    };
    let Some(snapshot) = stored.or(from_address) else { return Session::default() };
    let mut session = snapshot.session;
    if !reloaded {
        session.step = Step::Intro;
    }
    session
}
