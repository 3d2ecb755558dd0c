//! Copying text and the system share sheet, both optional browser features.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Copies text with the async clipboard API. `false` when the API is missing or refuses
/// (insecure context, or an iframe without `allow="clipboard-write"`).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = super::window() else { return false };
    let navigator = window.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else { return false };
    if clipboard.is_undefined() || clipboard.is_null() || !super::has_method(&clipboard, "writeText") {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

/// True when the browser has a system share sheet.
pub fn can_share() -> bool {
    super::window().is_some_and(|w| super::has_method(&w.navigator(), "share"))
}

/// Opens the system share sheet. `false` when missing, refused or cancelled.
pub async fn share(title: &str, text: &str, url: &str) -> bool {
    if !can_share() {
        return false;
    }
    let Some(window) = super::window() else { return false };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    data.set_url(url);
    JsFuture::from(window.navigator().share_with_data(&data)).await.is_ok()
}
