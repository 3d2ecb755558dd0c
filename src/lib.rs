//! Scaling Readiness Check: a browser-only widget that tells a reader whether their AI pilot
//! is ready to scale, by the essay's four-question rule, and gives them a short results link.
//!
//! Three layers, each allowed to know less than the one after it:
//! - [`core`]: pure Rust — content, scoring, share codes, snapshots, the session state.
//!   Builds and tests natively.
//! - `shell`: the only code that touches the browser (storage, address, clipboard, host
//!   page). Thin, returns `Option`/`Result`, never panics.
//! - `ui`: Leptos components that read the session, render, and dispatch actions.
//!
//! `shell` and `ui` are compiled for wasm32 only, so native `cargo test` never builds Leptos.
//! See ARCHITECTURE.md for the code map and the invariants.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod shell;
#[cfg(target_arch = "wasm32")]
pub mod ui;
