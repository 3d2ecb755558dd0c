//! The thin shell: the only code that touches the browser.
//!
//! Every function here returns `Option`/`Result` or does nothing when a browser API is
//! missing or throws; none of them panics. Browser APIs that may be absent (clipboard, share
//! sheet, storage in a sandboxed iframe) are probed before they are called, because calling
//! a missing method throws through wasm.

pub mod address;
pub mod clipboard;
pub mod files;
pub mod host;
pub mod image;
pub mod panic;
pub mod readers_worker;
pub mod static_page;
pub mod storage;

use wasm_bindgen::{JsCast, JsValue};

/// The window, if there is one.
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The document, if there is one.
pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// True when `object[name]` exists and is a function.
pub(crate) fn has_method(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|value| value.is_function())
}

/// Focuses the element with this id, if it exists.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id))
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        // Firefox ignores focus() on a focusable element (a `legend tabindex=-1`) that was
        // just inserted and not laid out yet; asking for its size lays it out first.
        let _ = element.offset_height();
        let _ = element.focus();
    }
}

/// Selects the whole text of an input or text area, for a manual copy.
pub fn select_text(id: &str) {
    let Some(element) = document().and_then(|d| d.get_element_by_id(id)) else { return };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}

/// Notes an error the widget handles by degrading (the reader sees the fallback), in debug
/// builds only: release builds stay quiet and small.
pub fn log_dropped(context: &str, error: &JsValue) {
    #[cfg(debug_assertions)]
    web_sys::console::warn_2(&JsValue::from_str(&format!("readiness-check: {context} failed:")), error);
    #[cfg(not(debug_assertions))]
    let _ = (context, error);
}

/// Sets one CSS property (a custom property too) on the root element through the CSSOM, which
/// a strict CSP allows where a `style` attribute would be blocked.
pub fn set_root_style_property(name: &str, value: &str) {
    if let Some(root) = document().and_then(|d| d.document_element())
        && let Some(root) = root.dyn_ref::<web_sys::HtmlElement>()
        && let Err(error) = root.style().set_property(name, value)
    {
        log_dropped("style", &error);
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Opens the browser's print dialog (where a reader also saves a PDF); nothing where printing
/// is not offered.
pub fn print() {
    if let Some(window) = window()
        && let Err(error) = window.print()
    {
        log_dropped("print", &error);
    }
}

/// Today's date on the reader's clock, as (year, month 1–12, day).
pub fn today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

/// Scrolls the page (or the frame's own document) to its top.
pub fn scroll_to_top() {
    if let Some(window) = window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
