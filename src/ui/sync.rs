//! Keeping the outside world in step with the state: one function per thing outside the app
//! (storage, the address, focus and title, the host page, other tabs, the frame's height),
//! each owning its effect or listener and its cleanup, the way leptos-use wraps a browser API.
//! Nothing here writes a signal that another sync reads; storage is touched only here.

use leptos::html::Div;
use leptos::prelude::*;

use super::store::AppState;
use crate::core::answers::Answer;
use crate::core::notices::{Notice, Notices};
use crate::core::route::{self, Address, Page, Route};
use crate::core::screen::Screen;
use crate::core::session::{Action, Session, Step};
use crate::core::snapshot::Snapshot;
use crate::core::summary;
use crate::shell::static_page::EarlyQuestion;
use crate::shell::{self, address, host, storage};

/// What the app opens with: the reader's run from storage (or from this tab's history entry
/// where storage is blocked), what the address asks, what the reader did on the page's static
/// first question, and what the reader must be told.
pub fn opening(early: Option<EarlyQuestion>) -> (Session, Notices) {
    let mut notices = Notices::default();
    let stored = match storage::load() {
        storage::Loaded::Snapshot(snapshot) => Some(snapshot),
        storage::Loaded::Nothing => None,
        storage::Loaded::Unavailable => {
            notices.apply(Notice::CannotSave);
            None
        }
        storage::Loaded::Unreadable { kept, .. } => {
            notices.apply(Notice::Unreadable);
            // With nowhere to keep it, the unreadable value stays and nothing saves over it.
            if !kept {
                notices.apply(Notice::CannotSave);
            }
            None
        }
    };
    let marked = address::marker().and_then(|text| Snapshot::parse(&text).ok());
    let route = Route::parse(&address::fragment());
    let mut session = route::open(&route, stored, marked, host::is_framed());
    // The first question answered on the page's static copy while the app loaded.
    if route == Route::Start
        && let Some(early) = early
    {
        let choice = early.choice.as_deref().and_then(Answer::from_radio_value);
        for action in route::early_actions(&session, choice, early.next) {
            session.apply(action);
        }
    }
    (session, notices)
}

/// Saves the reader's run on every change of its storable part, and clears everything the
/// widget stored when the reader asks. A failed save drops the stored run (it is now older
/// than the address, which takes over) and tells the reader once.
pub fn persist(state: AppState) {
    let snapshot = Memo::new(move |_| state.with(Snapshot::of));
    Effect::new(move |_| {
        let snapshot = snapshot.get();
        let worth_saving = snapshot.session.has_progress() || snapshot.session.step != Step::Intro;
        if worth_saving && !state.notices_untracked().cannot_save() && storage::save(&snapshot).is_err() {
            storage::forget_run();
            state.notify(Notice::CannotSave);
        }
    });
    let erasures = Memo::new(move |_| state.with(|s| s.erasures));
    Effect::watch(
        move || erasures.get(),
        move |_, _, _| {
            // Nothing to undo where storage was never usable.
            let _ = storage::clear();
        },
        false,
    );
}

/// Shows the screen's address (see `core::route`), and marks this tab's history entry with
/// the reader's own run, so that a reload can tell it from a link opened elsewhere.
///
/// A tool's screen (team view, readers' results, embed kit) lives on the tools page: the
/// check's own page goes there, replacing itself when it was opened with that address.
pub fn mirror_address(state: AppState) {
    Effect::new(move |opened: Option<()>| {
        let storage_works = !state.notices().cannot_save();
        let Some(address) = state.with(|s| Address::of(s, storage_works)) else { return };
        if address.page == Page::Tools && state.env.tools.is_none() {
            address::go(&address, true, opened.is_none());
            return;
        }
        let marker = state.with(|s| Snapshot::of(s).to_text());
        // A results link is exactly the link (what a reader copies); other screens keep the
        // page's query, and an embed always does (a reload there must stay an embed).
        let keep_query = state.env.embedded || !matches!(address.route, Route::Shared(_));
        address::show(&address, keep_query, &marker);
    });
}

/// Names the screen in the document title, and moves focus to the new screen's heading or
/// legend when the reader moves (not on the first screen, so an embedded widget never takes
/// focus from its host page, unless `focus_first`: the reader pressed start before the app
/// had loaded).
pub fn follow_screen(state: AppState, focus_first: bool) {
    let screen = Memo::new(move |_| state.with(Screen::of));
    Effect::new(move |_| screen.with(|s| shell::set_title(&s.title)));
    let moved = Memo::new(move |_| state.with(|s| (s.navigations, s.step)));
    Effect::watch(
        move || moved.get(),
        move |_, _, _| {
            let target = screen.with_untracked(|s| s.focus.clone());
            // A new screen starts at its top (a question's progress and legend above the radio
            // that takes focus); focus then scrolls only if its target is still out of view.
            request_animation_frame(move || {
                shell::scroll_to_top();
                shell::focus_by_id(&target);
            });
        },
        focus_first,
    );
}

/// Tells the host page the reader's result, only when its author asked (`?events`) and only
/// while the reader's own results are on screen because the reader went there with their own
/// input in this page (never because of the address or the page around the frame).
pub fn post_results_to_host(state: AppState) {
    if !state.env.host_events {
        return;
    }
    let event = Memo::new(move |_| {
        state.with(|s| {
            (s.results_by_reader && s.on_own_results())
                .then(|| summary::result_message(&s.answers, &s.label, &address::base_url()))
        })
    });
    Effect::new(move |_| {
        if let Some(event) = event.get() {
            host::post_result(&event);
        }
    });
}

/// A link pasted into the address bar of an open tab (or a footer link) changes only the
/// fragment: read it as a route, relative to the reader's own run.
pub fn listen_to_hash(state: AppState) {
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::parse(&address::fragment());
        if let Some(action) = state.with_untracked(|s| route.action(s)) {
            state.dispatch(action);
        }
    });
    on_cleanup(move || listener.remove());
}

/// Another tab saved answers: the newest write wins, and this tab says so.
pub fn listen_to_other_tabs(state: AppState) {
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() != Some(storage::KEY) {
            return;
        }
        let Some(snapshot) = storage::read_run() else { return };
        let incoming = snapshot.session;
        let differs = state.with_untracked(|s| s.answers != incoming.answers || s.label != incoming.label);
        if differs {
            state.dispatch(Action::Adopt { answers: incoming.answers, label: incoming.label });
            state.notify(Notice::FromOtherTab);
        }
    });
    on_cleanup(move || listener.remove());
}

/// Reports the widget's height to the host page whenever it changes, so the iframe never
/// scrolls inside.
pub fn report_height(root: NodeRef<Div>) {
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            host::report_height_of(&element);
        }
    });
}
