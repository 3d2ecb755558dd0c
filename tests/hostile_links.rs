//! Runs the hostile-link corpus (tests/golden/hostile_links.txt) through the decoders natively.
//!
//! The same file goes through the release build in Chromium (tests/e2e/journeys/hardening.test.mjs,
//! `hostileLinkCorpus`); tests/e2e/make-hostile-corpus.mjs writes it. Each line's fragment is
//! turned into the string the page's `location.hash` reports for it, read with `Route::parse`
//! as the app does, and opened with `Route::action` as the app does for a visitor with no run.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};

use common::unescape_field;

use readiness_check::core::route::Route;
use readiness_check::core::session::{Action, Session};
use readiness_check::core::share_code::DecodeError;

const KINDS: [&str; 6] = ["empty", "truncated", "too-long", "damaged", "newer-format", "unknown-set"];

/// One line of the corpus.
struct Entry {
    line: usize,
    ok: bool,
    /// The pinned `DecodeError::kind()`, if any.
    kind: Option<String>,
    /// The fragment after `#`, exactly as the journey assigns it to `location.hash`.
    fragment: String,
}

fn corpus_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/hostile_links.txt");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_corpus() -> Vec<Entry> {
    let mut entries = Vec::new();
    for (i, text) in corpus_text().lines().enumerate() {
        let line = i + 1;
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        assert!(
            text.bytes().all(|b| b == b'\t' || (0x20..=0x7e).contains(&b)),
            "line {line}: the corpus file must be printable ASCII"
        );
        let fields: Vec<&str> = text.split('\t').collect();
        let [expect, kind, field] = fields[..] else {
            panic!("line {line}: expected three TAB-separated columns, found {}", fields.len())
        };
        let ok = match expect {
            "ok" => true,
            "error" => false,
            other => panic!("line {line}: expect must be \"ok\" or \"error\", is {other:?}"),
        };
        let kind = match kind {
            "-" => None,
            k if KINDS.contains(&k) => Some(k.to_owned()),
            other => panic!("line {line}: unknown error kind {other:?}"),
        };
        assert!(!(ok && kind.is_some()), "line {line}: an \"ok\" line cannot pin an error kind");
        entries.push(Entry { line, ok, kind, fragment: unescape_field(field) });
    }
    entries
}

/// What `location.hash` reports after the journey assigns `#<fragment>`: the URL standard's
/// fragment state, which Chromium follows. Tab, LF and CR are dropped; C0 controls, space,
/// `"`, `<`, `>`, `` ` ``, DEL and every non-ASCII character are percent-encoded as UTF-8
/// (uppercase); everything else, `%` included, is kept, so an escape already in the link
/// reaches the app unchanged. The journey asserts that Chromium reports exactly this string
/// for every line, so this mirrors what the app really receives.
fn browser_hash(fragment: &str) -> String {
    let mut out = String::from("#");
    for c in fragment.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')) {
        if !(' '..'\u{7f}').contains(&c) || matches!(c, ' ' | '"' | '<' | '>' | '`') {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes a hash as the app does: `Route::parse` on `location.hash`, then the route's own
/// decision for a visitor with no run. `Err(None)` when the hash does not name a results or
/// team link.
fn decode_link(hash: &str) -> Result<&'static str, Option<DecodeError>> {
    match Route::parse(hash).action(&Session::default()) {
        Some(Action::OpenShared(_)) => Ok("shared"),
        Some(Action::OpenTeam(_)) => Ok("team"),
        Some(Action::OpenBadLink { error, .. }) => Err(Some(error)),
        _ => Err(None),
    }
}

fn short(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(57).collect::<String>())
    } else {
        text.to_owned()
    }
}

#[test]
fn the_browser_hash_mirrors_what_chromium_reports() {
    // Observed in Chromium 156 by assigning location.hash and reading it back.
    assert_eq!(browser_hash("r=a b"), "#r=a%20b");
    assert_eq!(browser_hash("r=a\tb\nc\rd"), "#r=abcd");
    assert_eq!(browser_hash("r=a\u{0}\u{1f}\u{7f}b"), "#r=a%00%1F%7Fb");
    assert_eq!(browser_hash("r=\"<>`"), "#r=%22%3C%3E%60");
    assert_eq!(browser_hash("r=é\u{202E}\u{200B}\u{FEFF}"), "#r=%C3%A9%E2%80%AE%E2%80%8B%EF%BB%BF");
    assert_eq!(browser_hash("r=%FF%fe%%G1#'(){}~"), "#r=%FF%fe%%G1#'(){}~");
}

#[test]
fn every_hostile_link_decodes_as_the_corpus_says() {
    let entries = read_corpus();
    assert!(entries.len() >= 200, "issue 7 asks for at least 200 hostile links, the corpus has {}", entries.len());
    assert!(entries.iter().any(|e| e.ok), "the corpus has no valid links to tell a decoder that refuses everything");
    assert!(entries.iter().filter(|e| e.kind.is_some()).count() >= 100, "most errors should pin their kind");

    let mut problems = Vec::new();
    for entry in &entries {
        let hash = browser_hash(&entry.fragment);
        let name = format!("line {} {:?}", entry.line, short(&hash));
        let outcome = match catch_unwind(AssertUnwindSafe(|| decode_link(&hash))) {
            Ok(outcome) => outcome,
            Err(_) => {
                problems.push(format!("{name}: the decoder panicked"));
                continue;
            }
        };
        match (entry.ok, outcome) {
            (_, Err(None)) => problems.push(format!("{name}: not a results or team link")),
            (true, Ok(_)) => {}
            (true, Err(Some(error))) => problems.push(format!("{name}: expected to decode, got {}", error.kind())),
            (false, Ok(view)) => problems.push(format!("{name}: expected an error, decoded as a {view} link")),
            (false, Err(Some(error))) => match entry.kind.as_deref() {
                Some(expected) if error.kind() != expected => {
                    problems.push(format!("{name}: error kind {}, expected {expected}", error.kind()))
                }
                _ => {}
            },
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} hostile links misbehaved:\n{}",
        problems.len(),
        entries.len(),
        problems.join("\n")
    );
}
