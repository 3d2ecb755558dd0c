//! Keeping the outside world in step with the state: one function per thing outside the app
//! (storage, the address, focus and title, the host page, other tabs, the frame's height),
//! each owning its effect or listener and its cleanup, the way leptos-use wraps a browser API.
//! Storage is touched only here. The listeners bring outside events in as actions, like a
//! click; the effects only write outward, with one intended chain between them: a save that
//! fails makes `persist` send `Notice::CannotSave`, which `mirror_address` reads to carry the
//! run in the address instead (both ends are marked below). No other effect writes what
//! another reads.

use leptos::html::Div;
use leptos::prelude::*;

use super::store::AppState;
use crate::core::answers::Answer;
use crate::core::embed::{self, result_due};
use crate::core::links::{self, Showing};
use crate::core::notices::{Notice, Notices};
use crate::core::route::{self, Address, Route};
use crate::core::screen::Screen;
use crate::core::session::{Action, Session};
use crate::core::snapshot::Snapshot;
use crate::shell::static_page::EarlyQuestion;
use crate::shell::{self, address, host, storage};

/// What the app opens with: the reader's run from storage (or from this tab's history entry
/// where storage is blocked), what the address asks, what the reader did on the page's static
/// first question, and what the reader must be told. In a frame the stored run is held out of
/// sight (`core::embed::open_framed`) and the static question is never adopted.
pub fn opening(early: Option<EarlyQuestion>, framed: bool) -> (Session, Notices) {
    let mut notices = Notices::default();
    let stored = match storage::load() {
        storage::Loaded::Snapshot(snapshot) => Some(snapshot),
        storage::Loaded::Nothing => None,
        storage::Loaded::Unavailable => {
            notices.apply(Notice::CannotSave);
            None
        }
        storage::Loaded::Unreadable { kept, .. } => {
            // Kept aside either way; in a frame the reader is not told, as nothing else that
            // depends on what this device stored shows there (its height would tell the page
            // around that this reader has a damaged run).
            if !framed {
                notices.apply(Notice::Unreadable);
            }
            // With nowhere to keep it, the unreadable value stays and nothing saves over it.
            if !kept {
                notices.apply(Notice::CannotSave);
            }
            None
        }
    };
    let marked = address::marker().and_then(|text| Snapshot::parse(&text).ok());
    let route = Route::parse(&address::fragment());
    if framed {
        return (embed::open_framed(&route, stored, marked), notices);
    }
    let mut session = route::open(&route, stored, marked, false);
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
        // Never over a run held out of sight in a frame.
        let may_save = state.with_untracked(Session::may_save);
        if snapshot.worth_saving()
            && may_save
            && !state.notices_untracked().cannot_save()
            && storage::save(&snapshot).is_err()
        {
            storage::forget_run();
            // The one effect chain (see the module doc): `mirror_address` reads this notice.
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
        // The other end of the one effect chain: `persist`'s failed save turns this off.
        let storage_works = !state.notices().cannot_save();
        let Some(address) = state.with(|s| Address::of(s, storage_works)) else { return };
        if let Showing::Load { replace } = links::showing(&address, state.env.tools.is_some(), opened.is_none()) {
            address::go(&address, replace);
            return;
        }
        let marker = state.with(|s| Snapshot::of(s).to_text());
        let query = embed::kept_query(state.env.embedded, &address.route, &address::query());
        address::show(&address, &query, &marker);
    });
}

/// Names the screen in the document title, and moves focus to the new screen's heading or
/// legend when the reader moves (not on the first screen, so an embedded widget never takes
/// focus from its host page, unless `focus_first`: the reader pressed start before the app
/// had loaded).
pub fn follow_screen(state: AppState, focus_first: bool) {
    let screen = Memo::new(move |_| state.with(Screen::of));
    Effect::new(move |_| screen.with(|s| shell::set_title(&s.title)));
    let place = Memo::new(move |_| state.with(Session::place));
    Effect::watch(
        move || place.get(),
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

/// Tells the host page the reader's result, once, only when `core::embed::result_due` says so:
/// the author asked (`?events`), the browser names the site, the reader agreed on the first
/// screen, and the reader finished this result in this frame in this visit and took themselves
/// to it. A label typed afterwards does not send it again (the memo follows the answers only).
pub fn post_results_to_host(state: AppState) {
    let (Some(origin), true) = (state.env.parent_origin, state.env.host_events) else { return };
    let due = Memo::new(move |_| {
        let consent = state.consent.get();
        state.with(|s| result_due(s, true, true, consent).then(|| s.answers.clone()))
    });
    Effect::new(move |_| {
        if due.get().is_none() {
            return;
        }
        super::frame::send_result(state, origin);
    });
}

/// A link pasted into the address bar of an open tab (or a footer link) changes only the
/// fragment: read it as a route, relative to the reader's own run. Not in a frame: there the
/// fragment is the page around's to change, and no reader pastes into a frame's address.
pub fn listen_to_hash(state: AppState) {
    if state.env.framed {
        return;
    }
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
            // A run held out of sight in a frame takes the newer one unseen, and untold.
            let held = state.with_untracked(|s| s.held.is_some());
            state.dispatch(Action::Adopt { answers: incoming.answers, label: incoming.label });
            if !held {
                state.notify(Notice::FromOtherTab);
            }
        }
    });
    on_cleanup(move || listener.remove());
}

/// Reports the refused-frame notice's height to whatever page frames it (the notice is the
/// same for every reader and every stored run, so its height tells that page nothing), so
/// `embed.js` shrinks the frame to the notice.
pub fn report_notice_height(root: NodeRef<Div>) {
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            host::report_height_of(&element, "*".to_owned());
        }
    });
}

/// Reports the widget's height to the host page whenever it changes, so the iframe never
/// scrolls inside; and, in a frame, follows whether the browser reports it visible.
pub fn report_height(state: AppState, root: NodeRef<Div>) {
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            let target = if state.env.height_target.is_empty() { "*" } else { state.env.height_target };
            host::report_height_of(&element, target.to_owned());
            if state.env.framed {
                host::watch_visibility(&element, move |visible| state.visible.set(visible));
            }
        }
    });
}
