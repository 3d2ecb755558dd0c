//! What the tools page and the readers' worker say to each other: the page sends a text to
//! read, the worker answers with what it says ([`Extracted`]: results travel as their share
//! codes). The worker keeps reading a long thread off the page's main thread.

use serde::{Deserialize, Serialize};

use super::Extracted;

/// From the page: read this text. `id` names the request, so that only the answer to the
/// latest one is used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub id: u32,
    pub text: String,
}

/// From the worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FromWorker {
    /// It listens now: a request sent before this could have been lost (a worker's messages
    /// are delivered as soon as its script has run, before its wasm is ready).
    Ready,
    /// What request `id`'s text says (boxed: the message is mostly this).
    Read { id: u32, extracted: Box<Extracted> },
}
