//! Leptos components: they read the state, render, and dispatch actions. Nothing here touches
//! browser APIs except through `crate::shell`.
//!
//! Imports run one way: `state` (the context) ← `widgets` and `report` (pieces) ← the screens
//! (`intro`, `question`, `results` with `share_panel`, `shared_result`, `team`, `readers`,
//! `embed_kit`)
//! ← `sync` (the outside world) and `app` (the composition root). `tests/tidy.rs` checks it.

pub mod app;
pub mod embed_kit;
pub mod intro;
pub mod question;
pub mod readers;
pub mod report;
pub mod results;
pub mod share_panel;
pub mod shared_result;
pub mod state;
pub mod sync;
pub mod team;
pub mod widgets;

pub use app::App;

use wasm_bindgen::JsCast;

/// Mounts the app into `#app` (replacing its loading placeholder), or into the body.
pub fn mount() {
    let Some(document) = crate::shell::document() else { return };
    match document.get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(root) => {
            root.set_text_content(None);
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
