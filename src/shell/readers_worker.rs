//! Readers' results read in a worker, off the page's main thread: the analysis of a long thread
//! (a million characters: about half a second) would otherwise hold up typing, scrolling and
//! painting. Both sides are here: [`serve`] runs in the worker (`src/bin/readers_worker.rs`),
//! [`read`] in the tools page. Where no worker starts (its file missing, an old browser), the
//! page reads the text itself, as it did before there was a worker.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::core::readers::worker_messages::{FromWorker, ReadRequest};
use crate::core::readers::{Extracted, extract};

/// The worker's script, beside the tools page (Trunk's loader for `readers-worker`).
const WORKER_SCRIPT: &str = "readers-worker_loader.js";

/// The worker's side: answers every [`ReadRequest`] with what its text says.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let Ok(request) = serde_wasm_bindgen::from_value::<ReadRequest>(event.data()) else { return };
        post(&replies, &FromWorker::Read { id: request.id, extracted: Box::new(extract(&request.text)) });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &FromWorker::Ready);
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, message: &FromWorker) {
    if let Ok(value) = serde_wasm_bindgen::to_value(message) {
        let _ = scope.post_message(&value);
    }
}

/// What a text says, for whoever asked last.
type Done = Box<dyn FnOnce(Extracted)>;

/// The page's side: the worker, whether it listens yet, and the latest request not answered.
#[derive(Default)]
struct PageSide {
    worker: Option<web_sys::Worker>,
    /// The worker could not start or failed: the page reads for itself from now on.
    failed: bool,
    ready: bool,
    last_id: u32,
    /// The latest request: its id, its text (posted once the worker is ready, or read here if
    /// the worker fails), and what to do with the answer.
    waiting: Option<(u32, String, Done)>,
}

thread_local! {
    static PAGE_SIDE: RefCell<PageSide> = RefCell::new(PageSide::default());
}

/// Reads `text` (in the worker where there is one) and calls `done` with what it says, later;
/// only the latest request is answered: an earlier one still being read is dropped.
pub fn read(text: String, done: impl FnOnce(Extracted) + 'static) {
    let in_page = PAGE_SIDE.with_borrow_mut(|reader| {
        if reader.failed || (reader.worker.is_none() && !start(reader)) {
            return Some((text, Box::new(done) as Done));
        }
        reader.last_id = reader.last_id.wrapping_add(1);
        let id = reader.last_id;
        if reader.ready {
            send(reader, id, &text);
        }
        reader.waiting = Some((id, text, Box::new(done)));
        None
    });
    if let Some((text, done)) = in_page {
        done(extract(&text));
    }
}

/// Starts the worker and listens to it; false when the browser refuses to.
fn start(reader: &mut PageSide) -> bool {
    let Ok(worker) = web_sys::Worker::new(WORKER_SCRIPT) else {
        reader.failed = true;
        return false;
    };
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
        match serde_wasm_bindgen::from_value::<FromWorker>(event.data()) {
            Ok(FromWorker::Ready) => PAGE_SIDE.with_borrow_mut(|reader| {
                reader.ready = true;
                if let Some((id, text, _)) = &reader.waiting {
                    send(reader, *id, text);
                }
            }),
            Ok(FromWorker::Read { id, extracted }) => {
                let done = PAGE_SIDE.with_borrow_mut(|reader| match reader.waiting.take() {
                    Some((waiting, _, done)) if waiting == id => Some(done),
                    other => {
                        reader.waiting = other;
                        None
                    }
                });
                if let Some(done) = done {
                    done(*extracted);
                }
            }
            // Not a message of ours: nothing to do.
            Err(_) => {}
        }
    });
    // The script missing, the wasm refused, a trap while reading: the page reads for itself.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_: web_sys::Event| {
        let waiting = PAGE_SIDE.with_borrow_mut(|reader| {
            reader.failed = true;
            if let Some(worker) = reader.worker.take() {
                worker.terminate();
            }
            reader.waiting.take()
        });
        if let Some((_, text, done)) = waiting {
            done(extract(&text));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    reader.worker = Some(worker);
    true
}

fn send(reader: &PageSide, id: u32, text: &str) {
    let Some(worker) = &reader.worker else { return };
    if let Ok(value) = serde_wasm_bindgen::to_value(&ReadRequest { id, text: text.to_owned() }) {
        let _ = worker.post_message(&value);
    }
}
