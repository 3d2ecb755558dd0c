//! Messages to a host page when the widget is embedded in an iframe.
//!
//! Format (version 1), posted with `postMessage` to the parent window:
//! `{ source: "scaling-readiness-check", version: 1, type: "height", height }` whenever the
//! content height changes, and `{ source, version: 1, type: "result", verdict, blocking,
//! index, dimensions: [{ id, name, score, band }], link }` when results are on screen and the
//! author opted in with `?events` (the app decides when; see `ui/app.rs`). `score` and `band`
//! of an unfinished dimension are `null`; `index` (the mean of the finished dimensions) is
//! `null` when none is finished.
//! The widget listens to no message from the host: nothing outside can change answers.

use crate::core::summary::ResultSummary;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The `source` field of every message.
pub const SOURCE: &str = "scaling-readiness-check";
/// The message format version.
pub const MESSAGE_VERSION: u8 = 1;

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

/// A plain object with these fields (hosts read fields, so never a `Map`).
fn object(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        // Setting a field on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

/// A number, or `null` when there is none.
fn number_or_null(value: Option<u8>) -> JsValue {
    value.map_or(JsValue::NULL, |v| JsValue::from(v))
}

fn post(fields: &[(&str, JsValue)]) {
    let Some(parent) = parent() else { return };
    let message = object(
        &[[("source", JsValue::from_str(SOURCE)), ("version", JsValue::from(MESSAGE_VERSION))].as_slice(), fields]
            .concat(),
    );
    // The height and the reader's own result are meant for whichever page embeds the widget.
    let _ = parent.post_message(&message, "*");
}

/// Posts the content height.
pub fn post_height(height: u32) {
    post(&[("type", JsValue::from_str("height")), ("height", JsValue::from(height))]);
}

/// Posts the result event: the core's [`ResultSummary`], field for field.
pub fn post_result(summary: &ResultSummary) {
    let blocking: js_sys::Array = summary.blocking.iter().map(|id| JsValue::from_str(id)).collect();
    let dimensions: js_sys::Array = summary
        .dimensions
        .iter()
        .map(|d| {
            JsValue::from(object(&[
                ("id", JsValue::from_str(d.id)),
                ("name", JsValue::from_str(d.name)),
                ("score", number_or_null(d.score)),
                ("band", d.band.map_or(JsValue::NULL, JsValue::from_str)),
            ]))
        })
        .collect();
    post(&[
        ("type", JsValue::from_str("result")),
        ("verdict", JsValue::from_str(summary.verdict)),
        ("blocking", blocking.into()),
        ("index", number_or_null(summary.index)),
        ("dimensions", dimensions.into()),
        ("link", JsValue::from_str(&summary.link)),
    ]);
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
