//! The pure core: questionnaire content, answers, scoring, share codes, snapshots, state.
//!
//! Nothing here knows about the browser (a test in `tests/tidy.rs` keeps it that way), so
//! all of it builds and is tested natively in seconds.

pub mod answers;
pub mod benchmark;
pub mod compare;
pub mod content;
pub mod embed;
pub mod host_messages;
pub mod kit;
pub mod link_card;
pub mod links;
pub mod lost_link;
pub mod notices;
pub mod outcome;
pub mod readers;
pub mod route;
pub mod scoring;
pub mod screen;
pub mod session;
pub mod share_code;
pub mod share_text;
pub mod snapshot;
pub mod team;
pub mod theme;
