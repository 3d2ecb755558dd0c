//! The app shell: owns the session, reads the address once, and syncs with the outside world
//! (storage, address fragment, host page, focus) in one place.

use leptos::prelude::*;

use super::embed_kit::EmbedKit;
use super::intro::Intro;
use super::question::QuestionStep;
use super::results::Results;
use super::shared::{BadLink, SharedView};
use super::team::TeamView;
use crate::core::route::{EmbedOptions, Route};
use crate::core::session::{Action, Session, Step, View};
use crate::core::share_code;
use crate::core::snapshot::{self, Snapshot};
use crate::core::summary;
use crate::core::team;
use crate::shell::{self, address, host, storage};

/// Notices about storage shown to the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    /// Progress cannot be saved on this device (storage missing, blocked or full).
    pub cannot_save: bool,
    /// Saved data could not be read; the reader started fresh and the data was kept aside.
    pub unreadable: bool,
    /// Answers were updated from another tab.
    pub other_tab: bool,
    /// The reader dismissed the notices.
    pub dismissed: bool,
}

/// The app's state, shared with every component through context. `Copy`, so handlers
/// capture it freely; components dispatch actions instead of editing fields.
#[derive(Clone, Copy)]
pub struct Store {
    /// The one owner of the state.
    pub session: RwSignal<Session>,
    /// Storage notices.
    pub notices: RwSignal<Notices>,
    /// True when running inside an iframe or with `?embed`.
    pub embedded: bool,
    /// True when the host page asked for the result event (`?events`).
    pub host_events: bool,
}

impl Store {
    /// Applies an action to the session.
    pub fn dispatch(&self, action: Action) {
        self.session.update(|session| session.apply(action));
    }

    /// The store provided by [`App`].
    pub fn get() -> Store {
        expect_context::<Store>()
    }
}

/// Builds the initial session from the address and storage.
fn initial_state() -> (Session, Notices) {
    let route = Route::parse(&address::fragment());
    let mut notices = Notices::default();
    let stored = match storage::load() {
        storage::Loaded::Snapshot(snapshot) => Some(snapshot),
        storage::Loaded::Nothing => None,
        storage::Loaded::Unavailable => {
            notices.cannot_save = true;
            None
        }
        storage::Loaded::Unreadable { kept, .. } => {
            notices.unreadable = true;
            // With nowhere to keep it, the unreadable value stays and nothing saves over it.
            notices.cannot_save = !kept;
            None
        }
    };
    let from_address = match &route {
        Route::Own { progress: Some(text) } => Snapshot::parse(text).ok(),
        _ => None,
    };
    let mut session = snapshot::resume(stored, from_address);
    if let Some(action) = route_action(&route) {
        session.apply(action);
    }
    (session, notices)
}

/// The action a route asks for, if it names something other than the reader's own run.
fn route_action(route: &Route) -> Option<Action> {
    match route {
        Route::Own { .. } => None,
        Route::Shared(code) => Some(match share_code::decode(code) {
            Ok(result) => Action::OpenShared(result),
            Err(error) => Action::OpenBadLink { team: false, error },
        }),
        Route::Team(None) => Some(Action::OpenTeam(Vec::new())),
        Route::Team(Some(code)) => Some(match team::decode_team(code) {
            Ok(members) => Action::OpenTeam(members),
            Err(error) => Action::OpenBadLink { team: true, error },
        }),
        Route::EmbedKit => Some(Action::OpenEmbedKit),
        Route::Start => Some(Action::Start),
    }
}

/// The fragment that reflects a session, or `None` to leave the address alone.
fn fragment_for(session: &Session) -> Option<String> {
    match &session.view {
        View::Own if session.step == Step::Intro && !session.has_progress() => Some(String::new()),
        View::Own => Some(format!("s={}", Snapshot::of(session).to_text())),
        View::Shared(result) => Some(format!("r={}", share_code::encode(&result.answers, &result.label))),
        View::Team(members) if members.is_empty() => Some("team".to_owned()),
        View::Team(members) => {
            let codes: Vec<String> = members.iter().map(|m| share_code::encode(&m.answers, &m.label)).collect();
            Some(format!("t={}", team::encode_team(&codes)))
        }
        View::EmbedKit => Some("embed-kit".to_owned()),
        View::BadLink { .. } => None,
    }
}

/// The id of the element that takes focus when the screen changes.
fn focus_target(session: &Session) -> &'static str {
    match (&session.view, session.step) {
        (View::Own, Step::Question(_)) => "q-legend",
        _ => "screen-heading",
    }
}

/// The whole widget.
#[component]
pub fn App() -> impl IntoView {
    let options = EmbedOptions::parse(&address::query());
    let embedded = options.embed || host::is_framed();
    let (session, notices) = initial_state();
    let store = Store {
        session: RwSignal::new(session),
        notices: RwSignal::new(notices),
        embedded,
        host_events: embedded && options.events,
    };
    provide_context(store);

    // Sync 1: storage and the address follow every change of the reader's run or view.
    // The memo changes only with the storable part, so view changes write nothing.
    let snapshot = Memo::new(move |_| store.session.with(Snapshot::of));
    Effect::new(move |_| {
        let snapshot = snapshot.get();
        let has_progress = snapshot.session.has_progress() || snapshot.session.step != Step::Intro;
        if has_progress && !store.notices.get_untracked().cannot_save && storage::save(&snapshot).is_err() {
            // The stored run is now older than the address: drop it, so a reload resumes
            // from the address instead of going back in time.
            storage::forget_run();
            store.notices.update(|n| {
                n.cannot_save = true;
                n.dismissed = false;
            });
        }
    });
    Effect::new(move |_| {
        if let Some(fragment) = store.session.with(fragment_for) {
            address::replace_fragment(&fragment);
        }
    });

    // Sync 2: focus moves to the new screen's heading or legend (not on first render, so an
    // embedded widget never steals focus from its host page).
    let screen = Memo::new(move |_| store.session.with(|s| (s.navigations, s.step)));
    // True once the reader has moved in this page: restored screens are not the reader's act.
    let moved = RwSignal::new(false);
    // A start clicked on the static intro (before the app loaded) is the reader's own step.
    let started_early = Route::parse(&address::fragment()) == Route::Start;
    Effect::new(move |previous: Option<()>| {
        // Read (not just `track`) so the memo runs and this effect subscribes to it.
        let _ = screen.get();
        if previous.is_some() || started_early {
            moved.set(true);
            let target = store.session.with_untracked(focus_target);
            request_animation_frame(move || shell::focus_by_id(target));
        }
    });

    // Sync 2b: the document title names the screen, so a per-outcome page's verdict title
    // never stays on the reader's own questions.
    Effect::new(move |previous: Option<()>| {
        let _ = screen.get();
        // A shared result opened on its per-outcome page keeps that page's own title.
        if previous.is_none() && store.session.with_untracked(|s| matches!(s.view, View::Shared(_))) {
            return;
        }
        let title = store.session.with_untracked(|s| match (&s.view, s.step) {
            (View::Own, Step::Intro) => "Scaling Readiness Check: is your AI pilot ready to scale?".to_owned(),
            (View::Own, Step::Question(p)) => {
                format!("Question {} of {} · Scaling Readiness Check", p + 1, s.answers.set().question_count())
            }
            (View::Own, Step::Results) => "Your results · Scaling Readiness Check".to_owned(),
            (View::Shared(_), _) => "Shared results · Scaling Readiness Check".to_owned(),
            (View::Team(_), _) => "Team view · Scaling Readiness Check".to_owned(),
            (View::EmbedKit, _) => "Embed this check · Scaling Readiness Check".to_owned(),
            (View::BadLink { .. }, _) => "Link could not be opened · Scaling Readiness Check".to_owned(),
        });
        shell::set_title(&title);
    });

    // Sync 3: the host page hears about results, only when its author asked for them
    // (`?events`) and only once the reader has reached results by their own steps here.
    let events = options.events;
    let result_event = Memo::new(move |_| {
        let allowed = events && moved.get();
        store.session.with(|s| {
            (allowed && s.view == View::Own && s.step == Step::Results)
                .then(|| summary::result_summary(&s.answers, &s.label, &address::base_url()))
        })
    });
    Effect::new(move |_| {
        if let Some(event) = result_event.get() {
            host::post_result(&event);
        }
    });

    // Sync 4: a link pasted into the address bar of an open tab changes only the fragment.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::parse(&address::fragment());
        match route_action(&route) {
            Some(action) => store.dispatch(action),
            None => store.dispatch(Action::ShowOwn),
        }
    });
    on_cleanup(move || hash_listener.remove());

    // Sync 5: another tab saved answers; the newest write wins, and this tab says so.
    let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() != Some(storage::KEY) {
            return;
        }
        let Some(snapshot) = storage::read_run() else { return };
        let incoming = snapshot.session;
        let differs = store.session.with_untracked(|s| s.answers != incoming.answers || s.label != incoming.label);
        if differs {
            store.dispatch(Action::Adopt { answers: incoming.answers, label: incoming.label });
            store.notices.update(|n| {
                n.other_tab = true;
                n.dismissed = false;
            });
        }
    });
    on_cleanup(move || storage_listener.remove());

    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            host::report_height_of(&element);
        }
    });

    let navigations = Memo::new(move |_| store.session.with(|s| s.navigations));
    let theme = options.theme.name();
    // Only accents that read at AA in a theme are applied to it (validated in core).
    let accent = [("--accent-light", &options.accent_light), ("--accent-dark", &options.accent_dark)]
        .iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name}: {v};")))
        .reduce(|a, b| a + " " + &b);
    view! {
        <div
            id="widget"
            node_ref=root
            class="widget"
            class:embedded=embedded
            class:transparent=options.transparent
            data-theme=theme
            style=accent
        >
            <Show when=move || !embedded>
                <header class="chrome">
                    <p class="brand">"Scaling Readiness Check"</p>
                </header>
            </Show>
            <StorageNotices/>
            <main class="screen">
                {move || {
                    // Rebuild only on navigation; edits within a screen update in place.
                    let _ = navigations.get();
                    let view = store.session.with_untracked(|s| s.view.clone());
                    match view {
                        View::Own => OwnRun().into_any(),
                        View::Shared(result) => view! { <SharedView result=result/> }.into_any(),
                        View::Team(members) => view! { <TeamView members=members/> }.into_any(),
                        View::EmbedKit => EmbedKit().into_any(),
                        View::BadLink { team, error } => view! { <BadLink team=team error=error/> }.into_any(),
                    }
                }}
            </main>
            <Show when=move || !embedded>
                <Footer/>
            </Show>
        </div>
    }
}

/// The reader's own run: intro, one question, or results.
#[component]
fn OwnRun() -> impl IntoView {
    let store = Store::get();
    let step = Memo::new(move |_| store.session.with(|s| s.step));
    move || match step.get() {
        Step::Intro => Intro().into_any(),
        Step::Question(position) => view! { <QuestionStep position=position/> }.into_any(),
        Step::Results => Results().into_any(),
    }
}

/// Storage notices: told once, discreetly, and dismissable.
#[component]
fn StorageNotices() -> impl IntoView {
    let store = Store::get();
    let visible = move || {
        let n = store.notices.get();
        !n.dismissed && (n.cannot_save || n.unreadable || n.other_tab)
    };
    // The live region stays mounted so screen readers announce the notice when it appears.
    view! {
        <div role="status" class="notice-region">
        <Show when=visible>
            <div id="storage-notice" class="notice">
                <p>
                    {move || {
                        let n = store.notices.get();
                        let mut parts = Vec::new();
                        if n.unreadable {
                            parts.push("Saved answers on this device could not be read, so you start fresh. The old data is kept aside, not deleted.");
                        }
                        if n.other_tab {
                            parts.push("Your answers were updated from another tab where this check is open.");
                        }
                        if n.cannot_save {
                            parts.push("This browser won't let the check save your progress here: your answers stay in this page's address until you close it.");
                        }
                        parts.join(" ")
                    }}
                </p>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        store.notices.update(|n| n.dismissed = true);
                        // The button is about to go: keep focus on the screen, not the body.
                        shell::focus_by_id("screen-heading");
                    }
                >
                    "Dismiss"
                </button>
            </div>
        </Show>
        </div>
    }
}

/// Page footer: privacy, team view, embed kit, essay.
#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="chrome">
            <p>"Your answers stay on this device. No account, no tracking."</p>
            <nav aria-label="More">
                // Plain links: the `hashchange` listener routes them.
                <a href="#team">"Team view"</a>
                " · "
                <a href="#embed-kit">"Embed this"</a>
                " · "
                <a href=crate::core::content::CURRENT.essay_url rel="noopener" target="_blank">
                    "Read the essay"
                </a>
            </nav>
        </footer>
    }
}
