//! The panic hook: log in debug builds, and never leave a blank page in release builds.

use std::panic::PanicHookInfo;

/// Installs the hook. In release builds a panic aborts the wasm, so the hook replaces the app
/// with a short message and a reload link before that happens.
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        #[cfg(debug_assertions)]
        console_error_panic_hook::hook(info);
        #[cfg(not(debug_assertions))]
        let _ = info;
        show_fallback();
    }));
}

/// Replaces the page body with a plain message (text only, built with DOM calls).
fn show_fallback() {
    let Some(document) = super::document() else { return };
    let Some(body) = document.body() else { return };
    let Ok(message) = document.create_element("p") else { return };
    message.set_id("crash");
    message.set_attribute("role", "alert").ok();
    message.set_text_content(Some("Something went wrong. Your saved answers are safe: "));
    if let Ok(link) = document.create_element("a") {
        link.set_attribute("href", "").ok();
        link.set_text_content(Some("reload the page"));
        message.append_child(&link).ok();
    }
    body.set_text_content(None);
    body.append_child(&message).ok();
}
