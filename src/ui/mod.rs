//! Leptos components: they read the state, render, and dispatch actions. Nothing here touches
//! browser APIs except through `crate::shell`.
//!
//! Imports run one way: `store` (the context) ← `widgets`, `frame` and `report` (pieces) ← the screens
//! (`intro`, `question`, `results` with `share_panel` and `benchmark`, `shared_result`, `team`, `readers`,
//! `embed_kit`)
//! ← `sync` (the outside world) and `app` (the composition root); `tools` gathers the author
//! tools' screens for their own page. `tests/tidy.rs` checks it.

pub mod app;
pub mod benchmark;
pub mod embed_kit;
pub mod frame;
pub mod intro;
pub mod question;
pub mod readers;
pub mod report;
pub mod results;
pub mod share_panel;
pub mod shared_result;
pub mod store;
pub mod sync;
pub mod team;
pub mod tools;
pub mod widgets;

pub use app::App;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the check into `#app` (replacing its static content), or into the body.
pub fn mount() {
    mount_with(None);
}

/// Mounts the check with the author tools, for the tools page.
pub fn mount_tools() {
    mount_with(Some(tools::screens));
}

fn mount_with(tools: Option<store::ToolScreens>) {
    let Some(document) = crate::shell::document() else { return };
    // Read what the reader did on the static first question before it is replaced.
    let early = crate::shell::static_page::early_question();
    let app = move || view! { <App tools=tools early=early.clone()/> };
    match document.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(root) => {
            root.set_text_content(None);
            leptos::mount::mount_to(root, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}
