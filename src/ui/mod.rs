//! Leptos components: they read the session, render, and dispatch actions. Nothing here
//! touches browser APIs except through `crate::shell`.

pub mod app;
pub mod confirm;
pub mod embed_kit;
pub mod intro;
pub mod question;
pub mod report;
pub mod results;
pub mod share;
pub mod shared;
pub mod team;

pub use app::{App, Notices, Store};

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
