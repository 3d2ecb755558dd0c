//! Copying text and the system share sheet, both optional browser features, with typed
//! outcomes: the UI says nothing when the reader cancelled, and offers the fallback otherwise.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why copying or sharing did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The browser has no such feature here (or refuses it outright, e.g. in an iframe without
    /// `allow="clipboard-write"`).
    Unsupported,
    /// The reader closed the share sheet: nothing went wrong, nothing to say.
    Cancelled,
    /// The browser tried and failed.
    Failed,
}

/// Reads a rejected promise: the reader's cancel is an `AbortError`, anything else a failure.
pub(crate) fn share_error(rejection: &JsValue) -> ShareError {
    super::log_dropped("share or copy", rejection);
    match rejection.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "AbortError" => ShareError::Cancelled,
        Some(name) if name == "NotAllowedError" || name == "SecurityError" => ShareError::Unsupported,
        _ => ShareError::Failed,
    }
}

/// Copies text with the async clipboard API.
pub async fn copy_text(text: &str) -> Result<(), ShareError> {
    let window = super::window().ok_or(ShareError::Unsupported)?;
    let navigator = window.navigator();
    let clipboard =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| ShareError::Unsupported)?;
    if clipboard.is_undefined() || clipboard.is_null() || !super::has_method(&clipboard, "writeText") {
        return Err(ShareError::Unsupported);
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.map(|_| ()).map_err(|e| share_error(&e))
}

/// True when the browser has a system share sheet.
pub fn can_share() -> bool {
    super::window().is_some_and(|w| super::has_method(&w.navigator(), "share"))
}

/// Opens the system share sheet.
pub async fn share(title: &str, text: &str, url: &str) -> Result<(), ShareError> {
    if !can_share() {
        return Err(ShareError::Unsupported);
    }
    let window = super::window().ok_or(ShareError::Unsupported)?;
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    data.set_url(url);
    JsFuture::from(window.navigator().share_with_data(&data)).await.map(|_| ()).map_err(|e| share_error(&e))
}
