//! A stand-in for wasm-streams: the items server_fn's browser client names, doing nothing,
//! because the widget has no server functions to stream to or from (see Cargo.toml).

use futures_util::stream::{self, Stream};
use wasm_bindgen::{JsCast, JsValue};

/// A readable stream that never yields anything.
pub struct ReadableStream {
    raw: Option<web_sys::ReadableStream>,
}

impl ReadableStream {
    /// Wraps a browser stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw: Some(raw) }
    }

    /// Would turn a Rust stream into a browser one; the widget never sends one.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        Self { raw: web_sys::ReadableStream::new().ok() }
    }

    /// The browser stream (an empty one, or `null` where the browser has none).
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw.unwrap_or_else(|| JsValue::NULL.unchecked_into())
    }

    /// Would read a browser stream; the widget never receives one, so: nothing.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin {
        stream::empty()
    }
}
