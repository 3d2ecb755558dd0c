//! Messages to a host page when the widget is embedded in an iframe.
//!
//! Format (version 1), posted with `postMessage` to the parent window:
//! `{ source: "scaling-readiness-check", version: 1, type: "height", height }` whenever the
//! content height changes, and `{ source, version: 1, type: "result", verdict, blocking,
//! index, dimensions: [{ id, name, score, band }], link }` when results are on screen and the
//! author opted in with `?events` (the app decides when; see `ui/app.rs`).
//! The widget listens to no message from the host: nothing outside can change answers.

use serde::Serialize;

use crate::core::summary::ResultSummary;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

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

#[derive(Serialize)]
struct HeightMessage {
    source: &'static str,
    version: u8,
    r#type: &'static str,
    height: u32,
}

/// One dimension of the result message, borrowed from the core's summary.
#[derive(Serialize)]
struct DimensionMessage<'a> {
    id: &'a str,
    name: &'a str,
    score: Option<u8>,
    band: Option<&'a str>,
}

/// The result message: what a host page may react to. It borrows the core's
/// [`ResultSummary`], so the fields are defined once, there.
#[derive(Serialize)]
struct ResultMessage<'a> {
    source: &'static str,
    version: u8,
    r#type: &'static str,
    verdict: &'a str,
    blocking: &'a [&'static str],
    index: Option<u8>,
    dimensions: Vec<DimensionMessage<'a>>,
    link: &'a str,
}

fn post<T: Serialize>(message: &T) {
    let Some(parent) = parent() else { return };
    // Plain objects, never `Map`s: hosts read fields.
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    if let Ok(value) = message.serialize(&serializer) {
        // The height and the reader's own result are meant for whichever page embeds the widget.
        let _ = parent.post_message(&value, "*");
    }
}

/// Posts the content height.
pub fn post_height(height: u32) {
    post(&HeightMessage { source: SOURCE, version: MESSAGE_VERSION, r#type: "height", height });
}

/// Posts the result event.
pub fn post_result(summary: &ResultSummary) {
    post(&ResultMessage {
        source: SOURCE,
        version: MESSAGE_VERSION,
        r#type: "result",
        verdict: summary.verdict,
        blocking: &summary.blocking,
        index: summary.index,
        dimensions: summary
            .dimensions
            .iter()
            .map(|d| DimensionMessage { id: d.id, name: d.name, score: d.score, band: d.band })
            .collect(),
        link: &summary.link,
    });
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
