//! Readers' results: every results link and team link in any pasted text, counted honestly,
//! and the picture they give (how many are ready, what blocks them, what readers can't answer).
//!
//! [`extract`](mod@extract) finds and reads the links, [`comments`] tells one commenter's text
//! from the next, [`people`] counts readers (not codes) and lists the links not counted,
//! [`summary`] aggregates the results, [`export`] writes them out (CSV, plain text),
//! [`worker_messages`] is what the tools page and the readers' worker say to each other. Everything is re-exported here, so
//! callers name `core::readers::…`.

mod bare;
pub mod comments;
pub mod export;
pub mod extract;
pub mod people;
pub mod summary;
mod transport;
pub mod worker_messages;

pub use comments::{Comment, Shape};
pub use export::*;
pub use extract::*;
pub use people::{Reader, Reason, TeamFound, Unread, fix};
pub use summary::*;

/// "1 result", "2 results": the count and the word that agrees with it.
pub(crate) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
