//! The app's state as every component sees it: one context value, read with
//! [`use_app_state`], changed only through actions and notice events.

use leptos::prelude::*;

use crate::core::embed::{Consent, seen_by_reader};
use crate::core::notices::{Notice, Notices};
use crate::core::session::{Action, By, Session, View};

/// The author tools' screens (team view, readers' results, embed kit), as the page that carries
/// them renders them: `None` for a view that is not a tool. The check's own page has none and
/// leads to the tools page instead, so their code stays out of the check's first load.
pub type ToolScreens = fn(&View) -> Option<AnyView>;

/// Where the widget runs, read once at start-up.
#[derive(Clone, Copy, Debug, Default)]
pub struct Env {
    /// Inside an iframe or asked for with `?embed`: no page chrome, height reported.
    pub embedded: bool,
    /// Inside a frame of another page (whatever the address says).
    pub framed: bool,
    /// The embedding page asked for the result event (`?events`).
    pub host_events: bool,
    /// The author tools, on the page that carries them.
    pub tools: Option<ToolScreens>,
    /// In a frame, the site around it as the reader is told (`blog.example.com`), when the
    /// browser names it; a result goes only there (`parent_origin`).
    pub site: Option<&'static str>,
    /// The parent page's origin, when the browser names it.
    pub parent_origin: Option<&'static str>,
    /// Where heights go (`core::embed::height_target`).
    pub height_target: &'static str,
    /// The engine can say whether the frame is visible (IntersectionObserver v2).
    pub can_verify_visibility: bool,
}

/// The app's state, shared through context. `Copy`, so handlers capture it freely. The session
/// and the notices are private: components read them and dispatch; nothing edits fields.
#[derive(Clone, Copy)]
pub struct AppState {
    session: RwSignal<Session>,
    notices: RwSignal<Notices>,
    /// Where the widget runs.
    pub env: Env,
    /// In a frame: whether the browser reports the frame visible right now (never, where the
    /// engine cannot say).
    pub visible: RwSignal<bool>,
    /// The reader's answer to sending their result to the page around (with `events`).
    pub consent: RwSignal<Consent>,
    /// The results code last sent to the page around, so a result is sent once.
    pub sent: RwSignal<Option<String>>,
}

impl AppState {
    /// The state the app (and each component test) starts from.
    pub fn new(session: Session, notices: Notices, env: Env) -> Self {
        Self {
            session: RwSignal::new(session),
            notices: RwSignal::new(notices),
            env,
            visible: RwSignal::new(false),
            consent: RwSignal::new(Consent::Undecided),
            sent: RwSignal::new(None),
        }
    }

    /// Makes this state the one [`use_app_state`] finds below the current owner.
    pub fn provide(self) {
        provide_context(self);
    }

    /// Reads the session, tracking it: the caller reruns when it changes.
    pub fn with<T>(&self, read: impl FnOnce(&Session) -> T) -> T {
        self.session.with(read)
    }

    /// Reads the session without tracking it.
    pub fn with_untracked<T>(&self, read: impl FnOnce(&Session) -> T) -> T {
        self.session.with_untracked(read)
    }

    /// Applies an action that did not come from the reader's own input (the address, another
    /// tab, a test).
    pub fn dispatch(&self, action: Action) {
        self.session.update(|session| session.apply(action));
    }

    /// Applies an action asked for by a browser event: the reader's own when the browser says
    /// the event is trusted (a real click or key press), not a script's; and seen (one the page
    /// around cannot fake) outside a frame, or in a frame the browser reports visible.
    pub fn act(&self, event: &web_sys::Event, action: Action) {
        let by = self.by(event);
        self.session.update(|session| session.apply_by(action, by));
    }

    /// Who a browser event speaks for (see [`AppState::act`]).
    pub fn by(&self, event: &web_sys::Event) -> By {
        let trusted = event.is_trusted();
        if seen_by_reader(self.env.framed, trusted, self.visible.get_untracked()) {
            By::SeenReader
        } else if trusted {
            By::Reader
        } else {
            By::Page
        }
    }

    /// The notices, tracked.
    pub fn notices(&self) -> Notices {
        self.notices.get()
    }

    /// The notices, untracked.
    pub fn notices_untracked(&self) -> Notices {
        self.notices.get_untracked()
    }

    /// Records a notice event.
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|notices| notices.apply(notice));
    }
}

/// The state provided by the app (or a test) above this component.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
