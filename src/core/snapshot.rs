//! The storage snapshot: what is written to localStorage and to the address fragment.
//!
//! Text, not JSON, so no JSON parser ships in the wasm: `S1;<share code>;<step>`, where the
//! share code (with its own check) carries the question set, the answers and the label, and
//! `<step>` is `i` (intro), `q<N>` (question N, 0-based) or `r` (results).
//!
//! Versions: the leading `S<n>` names the snapshot format. [`Snapshot::parse`] reads every
//! format ever written and migrates it to the current one; an older question set stays an
//! older set (its answers score as they did), nothing readable is dropped. Unreadable text
//! yields a typed error and the caller keeps the raw value aside.

use super::session::{Session, Step, View};
use super::share_code::{self, DecodeError};

/// The snapshot format this build writes.
pub const SNAPSHOT_FORMAT: &str = "S1";

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
        Self { session: own }
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        let step = match self.session.step {
            Step::Intro => "i".to_owned(),
            Step::Question(position) => format!("q{position}"),
            Step::Results => "r".to_owned(),
        };
        format!("{SNAPSHOT_FORMAT};{};{step}", self.session.share_code())
    }

    /// Reads a stored text of any snapshot format. Never panics.
    pub fn parse(text: &str) -> Result<Snapshot, SnapshotError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(SnapshotError::Empty);
        }
        let mut parts = text.splitn(3, ';');
        let format = parts.next().unwrap_or_default();
        match format {
            "S1" => {}
            f if f.len() <= 4 && f.starts_with('S') && f[1..].parse::<u16>().is_ok_and(|n| n > 1) => {
                return Err(SnapshotError::NewerFormat);
            }
            _ => return Err(SnapshotError::Unreadable),
        }
        let (Some(code), Some(step)) = (parts.next(), parts.next()) else { return Err(SnapshotError::Unreadable) };
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
        Ok(Snapshot { session })
    }
}

/// Decides the reader's run at start-up from what storage holds and what the address holds.
///
/// Storage wins when it holds a readable run, because it is always the newest write; the
/// address is the fallback for blocked storage. A reload keeps the address fragment, so a
/// run restored from an address fragment resumes at its step, while a fresh visit (no
/// fragment) with stored progress opens on the intro, which offers continue or start over.
pub fn resume(stored: Option<Snapshot>, from_address: Option<Snapshot>) -> Session {
    let reloaded = from_address.is_some();
    let Some(snapshot) = stored.or(from_address) else { return Session::default() };
    let mut session = snapshot.session;
    if !reloaded {
        session.step = Step::Intro;
    }
    session
}
