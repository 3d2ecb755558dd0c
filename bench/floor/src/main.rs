//! Floor measurement: the real core and Leptos' reactive system, with a small DOM layer of
//! our own instead of Leptos views: a bare intro, and the real question screen and report
//! (ported feature for feature). Not the product: no share, team or embed screens.
//! It answers how much of the product's wasm is the view layer. Measure with `measure.sh`.

mod dom;
mod question;
mod report;

use reactive_graph::computed::Memo;
use reactive_graph::effect::Effect;
use reactive_graph::owner::Owner;
use reactive_graph::signal::RwSignal;
use reactive_graph::traits::{Get, GetUntracked, Update, With};
use readiness_check::core::scoring::Report;
use readiness_check::core::session::{Action, Step};
use readiness_check::core::share_code;
use readiness_check::core::snapshot::{Snapshot, resume};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

const KEY: &str = "scaling-readiness-floor";

fn element(document: &web_sys::Document, tag: &str, text: &str) -> web_sys::Element {
    let element = document.create_element(tag).unwrap_throw();
    element.set_text_content(Some(text));
    element
}

fn on_click(element: &web_sys::Element, handler: impl FnMut() + 'static) {
    let handler = Closure::<dyn FnMut()>::new(handler);
    element.add_event_listener_with_callback("click", handler.as_ref().unchecked_ref()).unwrap_throw();
    handler.forget();
}

fn main() {
    any_spawner::Executor::init_wasm_bindgen().ok();
    let owner = Owner::new();
    owner.set();
    let window = web_sys::window().unwrap_throw();
    let document = window.document().unwrap_throw();
    let root = document.get_element_by_id("app").unwrap_throw();
    let storage = window.local_storage().ok().flatten();
    let stored = storage.as_ref().and_then(|s| s.get_item(KEY).ok().flatten()).and_then(|t| Snapshot::parse(&t).ok());
    let session = RwSignal::new(resume(stored, None));
    if let Some(shared) = window.location().hash().ok().and_then(|h| share_code::decode(h.trim_start_matches('#')).ok())
    {
        session.update(|s| s.apply(Action::OpenShared(shared)));
    }
    // Saved on every change.
    Effect::new(move |_| {
        let text = session.with(|s| Snapshot::of(s).to_text());
        if let Some(storage) = &storage {
            let _ = storage.set_item(KEY, &text);
        }
    });
    // Rebuilt on navigation only; edits within a screen update through its bindings.
    let step = Memo::new(move |_| session.with(|s| s.step));
    Effect::new(move |_| {
        let step = step.get();
        let s = session.get_untracked();
        root.set_text_content(None);
        let add = |element: &web_sys::Element| {
            let _ = root.append_child(element);
        };
        match step {
            Step::Intro => {
                let start = element(&document, "button", "Start");
                on_click(&start, move || session.update(|s| s.apply(Action::Start)));
                add(&start);
            }
            Step::Question(position) => add(&question::question_step(session, position).0),
            Step::Results => {
                let report = Report::new(&s.answers);
                add(&report::report_view(session, &report, "Your verdict", true).0);
                add(&element(&document, "code", &s.share_code()));
            }
        }
    });
    // The owner lives as long as the page.
    std::mem::forget(owner);
}
