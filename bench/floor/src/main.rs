//! Floor measurement: the real core and Leptos' reactive system, with bare hand-written DOM
//! calls instead of Leptos views (intro, one question, results). Not the product: no styling,
//! no accessibility work, no share, team or embed screens. It answers one question: how much
//! of the product's wasm is the view layer. Build and measure with `bash measure.sh`.

use readiness_check::core::answers::Answer;
use readiness_check::core::content::CURRENT;
use readiness_check::core::scoring::Report;
use readiness_check::core::session::{Action, Step};
use readiness_check::core::snapshot::{Snapshot, resume};
use readiness_check::core::share_code;
use reactive_graph::effect::Effect;
use reactive_graph::owner::Owner;
use reactive_graph::signal::RwSignal;
use reactive_graph::traits::{Get, Update};
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
    if let Some(shared) = window.location().hash().ok().and_then(|h| share_code::decode(h.trim_start_matches('#')).ok()) {
        session.update(|s| s.apply(Action::OpenShared(shared)));
    }
    Effect::new(move |_| {
        let s = session.get();
        if let Some(storage) = &storage {
            let _ = storage.set_item(KEY, &Snapshot::of(&s).to_text());
        }
        root.set_text_content(None);
        let add = |element: &web_sys::Element| {
            let _ = root.append_child(element);
        };
        match s.step {
            Step::Intro => {
                let start = element(&document, "button", "Start");
                on_click(&start, move || session.update(|s| s.apply(Action::Start)));
                add(&start);
            }
            Step::Question(position) => {
                let Some((_, question)) = CURRENT.locate(position) else { return };
                add(&element(&document, "legend", question.prompt));
                for (index, choice) in question.options.iter().enumerate() {
                    let option = element(&document, "label", choice.text);
                    let answer = Some(Answer::Level(index as u8));
                    on_click(&option, move || session.update(|s| s.apply(Action::Choose { position, answer })));
                    add(&option);
                }
                for (label, action) in [("Back", Action::Back), ("Next", Action::Next)] {
                    let button = element(&document, "button", label);
                    on_click(&button, move || session.update(|s| s.apply(action.clone())));
                    add(&button);
                }
            }
            Step::Results => {
                let report = Report::new(&s.answers);
                add(&element(&document, "h1", report.verdict.headline()));
                for dimension in &report.dimensions {
                    add(&element(&document, "h2", dimension.dimension.name));
                    for advice in &dimension.advice {
                        add(&element(&document, "p", advice.text));
                    }
                }
                for step in &report.next_moves {
                    add(&element(&document, "li", step));
                }
                add(&element(&document, "code", &s.share_code()));
            }
        }
    });
    // The owner lives as long as the page.
    std::mem::forget(owner);
}
