//! Messages to a host page when the widget is embedded in an iframe.
//!
//! The messages are the core's serde types (`core::host_messages::{HeightMessage, ResultMessage}`,
//! format version 1,
//! documented there), handed to `postMessage` by serde-wasm-bindgen with its JSON-compatible
//! serializer: hosts get plain objects, and missing values as `null`, never `undefined`. When
//! results are posted is the app's decision (see `ui/sync.rs`). The widget listens to no
//! message from the host: nothing outside can change answers. (The embed kit, on the tools
//! page, reads only its own preview frame's heights: `height_from_frame`.)

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::core::host_messages::{HeightMessage, MESSAGE_SOURCE, MESSAGE_VERSION, ResultMessage};
use crate::core::kit::MAX_FRAME_HEIGHT;

/// The parent window when the widget runs inside a frame.
fn parent() -> Option<web_sys::Window> {
    let window = super::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&window, &parent)).then_some(parent)
}

/// True when the widget runs inside a frame.
pub fn is_framed() -> bool {
    parent().is_some()
}

/// The origin of the page framing the widget, as far as the browser says:
/// `location.ancestorOrigins` where it exists (Chromium, WebKit), else the origin of
/// `document.referrer` (the framing page, unless it withholds its address).
pub fn parent_origin() -> Option<String> {
    let window = super::window()?;
    let location = window.location();
    let ancestors = js_sys::Reflect::get(&location, &wasm_bindgen::JsValue::from_str("ancestorOrigins")).ok();
    if let Some(list) = ancestors.and_then(|a| a.dyn_into::<web_sys::DomStringList>().ok()) {
        return list.item(0).filter(|origin| !origin.is_empty() && origin != "null");
    }
    let referrer = super::document()?.referrer();
    let origin = web_sys::Url::new(&referrer).ok()?.origin();
    (!origin.is_empty() && origin != "null").then_some(origin)
}

/// The sites the author allows to frame the widget, from `<meta name="readiness-embedders">`
/// (written at build time from `EMBED_ALLOWED`; `*` when unset).
pub fn allowed_embedders() -> String {
    super::document()
        .and_then(|d| d.query_selector("meta[name=readiness-embedders]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "*".to_owned())
}

/// A message as the host page gets it: a plain object, `null` for what is missing.
pub fn message_value(message: &impl Serialize) -> Option<wasm_bindgen::JsValue> {
    message.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()
}

fn post(message: &impl Serialize) {
    let Some(parent) = parent() else { return };
    let Some(message) = message_value(message) else { return };
    // The height and the reader's own result are meant for whichever page embeds the widget.
    let _ = parent.post_message(&message, "*");
}

/// Posts the content height.
pub fn post_height(height: u32) {
    post(&HeightMessage::new(height));
}

/// Posts the result event.
pub fn post_result(message: &ResultMessage) {
    post(message);
}

/// Watches an element's height and posts it on every change (including shrinking).
/// The observer lives as long as the page, so its closure is deliberately leaked.
pub fn report_height_of(element: &web_sys::Element) {
    if parent().is_none() {
        return;
    }
    let target = element.clone();
    let last = std::cell::Cell::new(0u32);
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = target.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height != last.get() {
            last.set(height);
            post_height(height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    callback.forget();
}

/// The height `frame` (an iframe of this site: the embed kit's preview) reports in `event`, if
/// the event is that frame's height message; checked as `embed.js` checks it on a host page
/// (this origin, this frame's window, the format, a height within the cap).
pub fn height_from_frame(event: &web_sys::MessageEvent, frame: &web_sys::Element) -> Option<u32> {
    let window = super::window()?;
    if event.origin() != window.location().origin().ok()? {
        return None;
    }
    let content = js_sys::Reflect::get(frame, &wasm_bindgen::JsValue::from_str("contentWindow")).ok()?;
    let source: wasm_bindgen::JsValue = event.source()?.into();
    if !js_sys::Object::is(&source, &content) {
        return None;
    }
    let message: HeightMessage = serde_wasm_bindgen::from_value(event.data()).ok()?;
    let valid = message.source == MESSAGE_SOURCE && message.version == MESSAGE_VERSION && message.kind == "height";
    (valid && message.height > 0 && message.height <= MAX_FRAME_HEIGHT).then_some(message.height)
}
