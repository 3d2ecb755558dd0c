//! The one owner of the app's state: the reader's own run, and which view is on screen.
//!
//! Components never edit fields; they dispatch an [`Action`] and the session applies it.
//! A shared result or a team is only ever *viewed*: no action copies it into the reader's
//! own answers.

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
    /// The team view: members carried by a team link (empty when opened to paste links).
    Team(Vec<SharedResult>),
    /// The embed kit for authors.
    EmbedKit,
    /// A link that could not be read.
    BadLink { team: bool, error: DecodeError },
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
    OpenTeam(Vec<SharedResult>),
    /// Change the members of the team on screen (an edit, not a navigation).
    UpdateTeam(Vec<SharedResult>),
    /// Show the embed kit.
    OpenEmbedKit,
    /// Show the message for a link that could not be read.
    OpenBadLink { team: bool, error: DecodeError },
    /// From a shared result: take the check yourself and compare afterwards.
    TakeCheckAndCompare,
    /// Return to the reader's own run without changing it.
    ShowOwn,
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
        }
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

    /// Applies an action. Impossible requests (a position out of range) are ignored.
    pub fn apply(&mut self, action: Action) {
        let before = (!matches!(action, Action::UpdateTeam(_))).then(|| self.view.clone());
        self.apply_inner(action);
        if before.is_some_and(|view| view != self.view) {
            self.navigations = self.navigations.wrapping_add(1);
        }
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
                *self = Session { view: self.view.clone(), navigations: self.navigations, ..Session::new(CURRENT) }
            }
            Action::Adopt { answers, label } => {
                self.answers = answers;
                self.label = label;
            }
            Action::OpenShared(result) => self.view = View::Shared(result),
            Action::OpenTeam(members) => self.view = View::Team(members),
            Action::UpdateTeam(members) => {
                if let View::Team(current) = &mut self.view {
                    *current = members;
                }
            }
            Action::OpenEmbedKit => self.view = View::EmbedKit,
            Action::OpenBadLink { team, error } => self.view = View::BadLink { team, error },
            Action::TakeCheckAndCompare => {
                if let View::Shared(result) = &self.view {
                    self.compare_with = Some(result.clone());
                }
                self.view = View::Own;
                self.step = if self.has_progress() { self.resume_step() } else { Step::Question(0) };
            }
            Action::ShowOwn => self.view = View::Own,
        }
    }
}
