//! The one owner of the app's state: the reader's own run, and which view is on screen.
//!
//! Components never edit fields; they dispatch an [`Action`] and the session applies it,
//! saying [`By`] whom: the reader's own input in this page, or anything else (the address, a
//! script, the page around an embed). Only the reader's own steps to the results count as
//! the reader finishing the check (the host page hears about results only then).
//! A shared result or a team is only ever *viewed*: no action copies it into the reader's
//! own answers. A run carried by a progress link is *offered*: it becomes the reader's own
//! only when they accept it.
//!
//! Inside a frame the stored run starts *held*: kept out of the session on screen (see
//! [`Session::held`]) until the reader opens it in a way the page around cannot fake, so that
//! nothing the framer can make the widget show depends on it (`core::embed`).

use super::answers::{Answer, Answers};
use super::content::{CURRENT, QuestionSet};
use super::share_code::{self, DecodeError, SharedResult};

/// Where the reader is in their own run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The intro screen.
    Intro,
    /// One question, by position in asking order.
    Question(usize),
    /// The results (with the share panel).
    Results,
}

/// Which view is on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The reader's own run, at `Session::step`.
    Own,
    /// Someone else's result, read-only.
    Shared(SharedResult),
    /// The team view: members carried by a team link, with their names (empty when opened
    /// to paste links).
    Team(Vec<super::team::TeamMember>),
    /// The embed kit for authors.
    EmbedKit,
    /// A run in progress carried by a link, offered to the visitor (never adopted silently).
    Offered(OfferedRun),
    /// Readers' results: what many shared results say together, for authors.
    Readers,
    /// A link that could not be read.
    BadLink { team: bool, error: DecodeError },
}

/// A run in progress carried by a link (`#s=…`), and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferedRun {
    /// The answers and label the link carries.
    pub result: SharedResult,
    /// Where its maker was.
    pub step: Step,
}

/// Who asked for an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// The reader, through their own input in this page (a trusted browser event) that, in a
    /// frame, the page around could have obtained blind (a decoy over a hidden frame).
    Reader,
    /// The reader's own input that the page around cannot fake: outside a frame any trusted
    /// event; inside one a trusted event while the browser reports the frame visible
    /// (`core::embed::seen_by_reader`).
    SeenReader,
    /// Anything else: the address, a script, the page around an embedded widget.
    Page,
}

/// Everything a component can ask the session to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Begin (or continue) the reader's own run at the first open question.
    Start,
    /// Throw away the reader's answers and begin again at the first question.
    StartOver,
    /// Answer (or, with `None`, un-answer) the question at a position.
    Choose { position: usize, answer: Option<Answer> },
    /// Go to the next question, or to the results after the last.
    Next,
    /// Go to the previous question, or to the intro from the first.
    Back,
    /// Jump to a question (to edit an answer from the results).
    GoTo(usize),
    /// Show the results.
    ShowResults,
    /// Set the pilot label carried in the results link.
    SetLabel(String),
    /// Forget everything the reader entered.
    Clear,
    /// Take the answers and label another tab saved (the newest write wins).
    Adopt { answers: Answers, label: String },
    /// Show a shared result.
    OpenShared(SharedResult),
    /// Show a team.
    OpenTeam(Vec<super::team::TeamMember>),
    /// Change the members of the team on screen (an edit, not a navigation).
    UpdateTeam(Vec<super::team::TeamMember>),
    /// Show the embed kit.
    OpenEmbedKit,
    /// Show readers' results.
    OpenReaders,
    /// Offer a run carried by a link.
    OfferRun(OfferedRun),
    /// Take the offered run as the reader's own and go on where it was (only offered when the
    /// reader has no run of their own).
    AcceptOffered,
    /// Show the offered run as someone else's result, read-only.
    OpenOfferedAsShared,
    /// Show the message for a link that could not be read.
    OpenBadLink { team: bool, error: DecodeError },
    /// From a shared result: take the check yourself and compare afterwards.
    TakeCheckAndCompare,
    /// Return to the reader's own run without changing it.
    ShowOwn,
    /// Leave another view for the reader's own check: where they were, or its first open
    /// question when they were on the intro.
    ReturnToCheck,
    /// In a frame: bring back the run held out of sight and go on where it was (its first
    /// open question, or its results). Only asked for when the reader's input is one the page
    /// around cannot fake (a click in a frame the browser says is visible).
    OpenHeld,
}

/// The reader's own run plus the view on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The reader's own answers; never touched by shared links.
    pub answers: Answers,
    /// Where the reader is in their own run.
    pub step: Step,
    /// The reader's pilot label.
    pub label: String,
    /// Which view is on screen.
    pub view: View,
    /// A shared result the reader chose to compare their own against.
    pub compare_with: Option<SharedResult>,
    /// Navigation counter: grows whenever the view changes, except for edits within a view
    /// (a team's members), so the UI rebuilds a screen only on navigation.
    pub navigations: u32,
    /// True while the reader's own results are on screen because the reader went there with
    /// their own input in this page (see [`By`]).
    pub results_by_reader: bool,
    /// Grows each time the reader asks to clear everything the widget stored.
    pub erasures: u32,
    /// Grows when the reader's answers are replaced under the screen (another tab saved newer
    /// ones): the screen is drawn again, but the reader has not moved (focus stays).
    pub redraws: u32,
    /// True when the reader finished the check in this page, in this visit, with their own
    /// input (the last open question answered by them, or a run begun in this visit stepped
    /// through to its results): only such a result may go to the page around a frame by itself.
    pub finished_here: bool,
    /// In a frame: the stored run, held out of the session on screen so that nothing the page
    /// around can make the widget show depends on it (`None`: nothing was stored, or it was
    /// opened). While a run is held, nothing is saved over it.
    pub held: Option<Box<Session>>,
    /// In a frame: true until the reader opened the held run (or there was none to hold and
    /// the reader went on): the frame's screens are the same for every stored run.
    pub sealed: bool,
    /// In a frame, once the held run was opened: its answers change only by the reader's seen
    /// input (a blind click through a covered frame must not change a saved answer).
    pub held_opened: bool,
}

impl Default for Session {
    fn default() -> Self {
        Self::new(CURRENT)
    }
}

impl Session {
    /// A fresh run of a question set.
    pub fn new(set: &'static QuestionSet) -> Self {
        Self {
            answers: Answers::empty(set),
            step: Step::Intro,
            label: String::new(),
            view: View::Own,
            compare_with: None,
            navigations: 0,
            results_by_reader: false,
            erasures: 0,
            redraws: 0,
            finished_here: false,
            held: None,
            sealed: false,
            held_opened: false,
        }
    }

    /// The session a frame opens with: `session` (what the address opened on an empty run) with
    /// the stored run `stored` held out of sight (see [`Session::held`]).
    pub fn sealed_with(mut self, stored: Option<Session>) -> Session {
        self.sealed = true;
        self.held = stored.filter(|run| run.has_progress() || run.step != Step::Intro).map(Box::new);
        self
    }

    /// True in a frame when discarding the run on screen would discard answers saved before
    /// this visit (held, or opened from where they were held): then only the reader's seen
    /// input may (see [`By::SeenReader`]); a run begun here in this visit is the reader's to
    /// discard.
    pub fn discards_saved(&self) -> bool {
        self.held.is_some() || self.held_opened
    }

    /// Whether the run on screen may be saved: not while a stored run is held out of sight
    /// (a blind click on "Start" in a frame must never overwrite what the reader saved).
    pub fn may_save(&self) -> bool {
        self.held.is_none()
    }

    /// True when the reader has answered anything.
    pub fn has_progress(&self) -> bool {
        self.answers.answered_count() > 0
    }

    /// The reader's own results code (with label).
    pub fn share_code(&self) -> String {
        share_code::encode(&self.answers, &self.label)
    }

    fn last_position(&self) -> usize {
        self.answers.set().question_count().saturating_sub(1)
    }

    fn resume_step(&self) -> Step {
        match self.answers.first_unanswered() {
            Some(position) => Step::Question(position),
            None => Step::Results,
        }
    }

    /// The screen the reader is on, as far as moving goes: it changes exactly when the reader
    /// (or a link) moves to another screen, and not when a screen is edited or redrawn in
    /// place. The UI mounts a screen afresh, and moves focus, when it changes.
    pub fn place(&self) -> (u32, Step) {
        (self.navigations, self.step)
    }

    /// True while the reader's own results are on screen.
    pub fn on_own_results(&self) -> bool {
        self.view == View::Own && self.step == Step::Results
    }

    /// Brings the held run (if any) into the session on screen, keeping the view.
    fn open_held(&mut self) {
        self.sealed = false;
        if let Some(held) = self.held.take() {
            self.answers = held.answers;
            self.label = held.label;
            self.compare_with = held.compare_with;
            self.held_opened = true;
            self.redraws = self.redraws.wrapping_add(1);
        }
    }

    /// Applies an action asked for by anything but the reader's own input (the address, a
    /// test, another tab). Impossible requests (a position out of range) are ignored.
    pub fn apply(&mut self, action: Action) {
        self.apply_by(action, By::Page);
    }

    /// Applies an action, saying who asked for it.
    pub fn apply_by(&mut self, action: Action, by: By) {
        // In a frame, the reader's seen input brings back the run held out of sight, unless
        // a run begun here blind already has answers (then both stay as they are: nothing the
        // reader saved is replaced, and the frame's own run is not saved over it).
        if self.sealed && by == By::SeenReader && !self.has_progress() {
            self.open_held();
        }
        // Answers saved before this visit are discarded in a frame only by seen input.
        if matches!(action, Action::Clear | Action::StartOver) && self.discards_saved() && by != By::SeenReader {
            return;
        }
        // A saved answer, once the held run is open in a frame, changes only by seen input;
        // the screen is drawn again so the refused choice does not stay checked.
        if let Action::Choose { position, answer } = &action
            && self.held_opened
            && by != By::SeenReader
            && self.answers.get(*position).is_some()
            && self.answers.get(*position) != *answer
        {
            self.redraws = self.redraws.wrapping_add(1);
            return;
        }
        let before = (!matches!(action, Action::UpdateTeam(_))).then(|| self.view.clone());
        let was_on_results = self.on_own_results();
        let was_complete = self.answers.is_complete();
        let chosen = matches!(action, Action::Choose { .. });
        let next = matches!(action, Action::Next) && self.view == View::Own && matches!(self.step, Step::Question(_));
        let replaces = matches!(
            action,
            Action::StartOver | Action::Clear | Action::Adopt { .. } | Action::AcceptOffered | Action::OpenHeld
        );
        self.apply_inner(action);
        // Finished here: the reader's own choice completed the answers. Answers that arrive
        // whole (another tab, a link, the held run) were not finished in this visit.
        // So is a run begun in this visit that the reader stepped through to its results
        // (questions skipped: what is unknown is sent as unknown).
        if replaces {
            self.finished_here = false;
        } else if (chosen && !was_complete && self.answers.is_complete())
            || (next && self.on_own_results() && !self.held_opened)
        {
            self.finished_here = by != By::Page;
        } else if chosen && !self.answers.is_complete() {
            self.finished_here = false;
        }
        if before.is_some_and(|view| view != self.view) {
            self.navigations = self.navigations.wrapping_add(1);
        }
        // Arriving on the results counts as the reader's only when the reader took the step;
        // staying there (editing the label) keeps what it was; leaving forgets it.
        self.results_by_reader = match (was_on_results, self.on_own_results()) {
            (_, false) => false,
            (false, true) => by != By::Page,
            (true, true) => self.results_by_reader,
        };
    }

    fn apply_inner(&mut self, action: Action) {
        match action {
            Action::Start => {
                self.view = View::Own;
                self.step = if self.has_progress() { self.resume_step() } else { Step::Question(0) };
            }
            Action::StartOver => {
                self.answers = Answers::empty(CURRENT);
                self.label.clear();
                self.view = View::Own;
                self.step = Step::Question(0);
            }
            Action::Choose { position, answer } => self.answers.set_answer(position, answer),
            Action::Next => {
                if let Step::Question(position) = self.step {
                    self.step =
                        if position >= self.last_position() { Step::Results } else { Step::Question(position + 1) };
                }
            }
            Action::Back => {
                self.step = match self.step {
                    Step::Intro | Step::Question(0) => Step::Intro,
                    Step::Question(position) => Step::Question(position - 1),
                    Step::Results => Step::Question(self.last_position()),
                };
            }
            Action::GoTo(position) => {
                if position <= self.last_position() {
                    self.view = View::Own;
                    self.step = Step::Question(position);
                }
            }
            Action::ShowResults => {
                self.view = View::Own;
                self.step = Step::Results;
            }
            Action::SetLabel(label) => self.label = share_code::clean_label(&label),
            Action::Clear => {
                *self = Session {
                    view: self.view.clone(),
                    navigations: self.navigations,
                    erasures: self.erasures.wrapping_add(1),
                    redraws: self.redraws,
                    // Clearing erases storage, the held run with it; a frame stays a frame.
                    sealed: self.sealed,
                    held_opened: false,
                    ..Session::new(CURRENT)
                }
            }
            Action::Adopt { answers, label } if self.held.is_some() => {
                // Held out of sight in a frame: the newer run is held instead, unseen.
                if let Some(held) = self.held.as_mut() {
                    held.answers = answers;
                    held.label = label;
                }
            }
            Action::Adopt { answers, label } => {
                self.answers = answers;
                self.label = label;
                self.redraws = self.redraws.wrapping_add(1);
            }
            Action::OpenShared(result) => self.view = View::Shared(result),
            Action::OpenTeam(members) => self.view = View::Team(members),
            Action::UpdateTeam(members) => {
                if let View::Team(current) = &mut self.view {
                    *current = members;
                }
            }
            Action::OpenEmbedKit => self.view = View::EmbedKit,
            Action::OpenReaders => self.view = View::Readers,
            Action::OfferRun(offered) => self.view = View::Offered(offered),
            Action::AcceptOffered => {
                if let View::Offered(offered) = &self.view
                    && !self.has_progress()
                {
                    self.answers = offered.result.answers.clone();
                    self.label = offered.result.label.clone();
                    self.step = offered.step;
                    self.view = View::Own;
                }
            }
            Action::OpenOfferedAsShared => {
                if let View::Offered(offered) = &self.view {
                    self.view = View::Shared(offered.result.clone());
                }
            }
            Action::OpenBadLink { team, error } => self.view = View::BadLink { team, error },
            Action::TakeCheckAndCompare => {
                if let View::Shared(result) = &self.view {
                    self.compare_with = Some(result.clone());
                }
                self.view = View::Own;
                self.step = if self.has_progress() { self.resume_step() } else { Step::Question(0) };
            }
            Action::ShowOwn => self.view = View::Own,
            Action::OpenHeld => {
                self.open_held();
                self.view = View::Own;
                self.step = if self.has_progress() { self.resume_step() } else { Step::Question(0) };
            }
            Action::ReturnToCheck => {
                self.view = View::Own;
                if self.step == Step::Intro {
                    self.step = if self.has_progress() { self.resume_step() } else { Step::Question(0) };
                }
            }
        }
    }
}
