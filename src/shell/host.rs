//! Messages to a host page when the widget is embedded in an iframe.
//!
//! The messages are the core's serde types (`core::host_messages::{HeightMessage, ResultMessage}`,
//! format version 1,
//! documented there), handed to `postMessage` by serde-wasm-bindgen with its JSON-compatible
//! serializer: hosts get plain objects, and missing values as `null`, never `undefined`. When
//! results are posted is the app's decision (`core::embed::result_due`, applied in
//! `ui/sync.rs`). The widget listens to no message from the host: nothing outside can change
//! answers. What the browser says about the frame (its ancestors, whether it is visible) is read
//! here and decided on in `core::embed`. (The embed kit, on the tools page, reads only its own
//! preview frame's heights: `height_from_frame`.)

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::core::embed::{Ancestors, MAX_FRAME_HEIGHT};
use crate::core::host_messages::{HeightMessage, MESSAGE_SOURCE, MESSAGE_VERSION, ResultMessage};

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

/// What the browser says about the pages around the frame: how many there are (counted by
/// walking `parent`, which works across origins), and their origins, nearest first:
/// `location.ancestorOrigins` where it exists (Chromium, WebKit: every ancestor), else the
/// origin of `document.referrer` (Firefox: the parent alone, unless it withholds its address).
/// Opaque origins (`null`) are left out, so they count as unknown.
pub fn ancestors() -> Ancestors {
    let Some(window) = super::window() else { return Ancestors::default() };
    let mut depth = 0;
    let mut current = window.clone();
    while let Ok(Some(parent)) = current.parent() {
        if js_sys::Object::is(&current, &parent) || depth > 64 {
            break;
        }
        depth += 1;
        current = parent;
    }
    let known = |origin: &str| !origin.is_empty() && origin != "null";
    let location = window.location();
    let list = js_sys::Reflect::get(&location, &wasm_bindgen::JsValue::from_str("ancestorOrigins"))
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::DomStringList>().ok());
    let origins = match list {
        Some(list) => {
            let all: Vec<String> = (0..list.length()).filter_map(|i| list.item(i)).collect();
            // An opaque ancestor ends what can be checked: later ones are not counted as named.
            all.into_iter().take_while(|origin| known(origin)).collect()
        }
        None => super::document()
            .map(|d| d.referrer())
            .and_then(|referrer| web_sys::Url::new(&referrer).ok())
            .map(|url| url.origin())
            .filter(|origin| known(origin))
            .into_iter()
            .collect(),
    };
    Ancestors { depth, origins }
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

fn post(message: &impl Serialize, target_origin: &str) {
    let Some(parent) = parent() else { return };
    let Some(message) = message_value(message) else { return };
    let _ = parent.post_message(&message, target_origin);
}

/// Posts the content height to `target_origin` (the listed parent's origin, or `*`: see
/// `core::embed::height_target`).
pub fn post_height(height: u32, target_origin: &str) {
    post(&HeightMessage::new(height.min(MAX_FRAME_HEIGHT)), target_origin);
}

/// Posts the result event, to the parent's origin only (the site the reader was told of: if
/// the parent has since navigated elsewhere, the browser drops the message).
pub fn post_result(message: &ResultMessage, parent_origin: &str) {
    post(message, parent_origin);
}

/// Opens an address of the widget in a new tab, with no way back to this frame's window.
pub fn open_in_new_tab(address: &str) {
    if let Some(window) = super::window() {
        let _ = window.open_with_url_and_target_and_features(address, "_blank", "noopener");
    }
}

/// True where the engine can say whether the frame is really visible (IntersectionObserver
/// v2, `trackVisibility` / `isVisible`: Chromium).
pub fn can_verify_visibility() -> bool {
    let Some(window) = super::window() else { return false };
    let Ok(entry) = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("IntersectionObserverEntry")) else {
        return false;
    };
    let Ok(prototype) = js_sys::Reflect::get(&entry, &wasm_bindgen::JsValue::from_str("prototype")) else {
        return false;
    };
    prototype.is_object()
        && js_sys::Reflect::has(&prototype, &wasm_bindgen::JsValue::from_str("isVisible")).unwrap_or(false)
}

/// Watches whether the browser reports `element` visible, unoccluded and untransformed
/// (IntersectionObserver v2), calling `seen` with each new answer. Does nothing where the
/// engine cannot say (the caller then treats the frame as never verifiably visible). The
/// observer lives as long as the page, so its closure is deliberately leaked.
pub fn watch_visibility(element: &web_sys::Element, seen: impl Fn(bool) + 'static) {
    if !can_verify_visibility() {
        return;
    }
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(last) = entries.iter().last() else { return };
        let visible = js_sys::Reflect::get(&last, &wasm_bindgen::JsValue::from_str("isVisible"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        seen(visible);
    });
    let options = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&options, &wasm_bindgen::JsValue::from_str(key), &value);
    };
    set("trackVisibility", true.into());
    // The least delay the API allows between reports.
    set("delay", 100.into());
    // Any part in view: the widget is often taller than the page's window, and the browser
    // checks what is in view for anything over it.
    set("threshold", js_sys::Array::of1(&0.0.into()).into());
    let Some(window) = super::window() else { return };
    let Ok(constructor) = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("IntersectionObserver"))
    else {
        return;
    };
    let Ok(constructor) = constructor.dyn_into::<js_sys::Function>() else { return };
    let arguments = js_sys::Array::of2(callback.as_ref(), &options);
    let Ok(observer) = js_sys::Reflect::construct(&constructor, &arguments) else { return };
    if let Ok(observe) = js_sys::Reflect::get(&observer, &wasm_bindgen::JsValue::from_str("observe"))
        && let Ok(observe) = observe.dyn_into::<js_sys::Function>()
    {
        let _ = observe.call1(&observer, element);
    }
    callback.forget();
}

/// Watches an element's height and posts it on every change (including shrinking).
/// The observer lives as long as the page, so its closure is deliberately leaked.
pub fn report_height_of(element: &web_sys::Element, target_origin: String) {
    if parent().is_none() {
        return;
    }
    let target = element.clone();
    let last = std::cell::Cell::new(0u32);
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = target.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height != last.get() {
            last.set(height);
            post_height(height, &target_origin);
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
