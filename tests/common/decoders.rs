//! Every decoder of external input, fed one text: the one list both fuzzers run, natively
//! (`fuzz_nothing_panics` in `tests/share_code.rs`, by `cargo test`) and with cargo-fuzz
//! (`fuzz/fuzz_targets/decode.rs`), so a decoder added here is fuzzed both ways. Each must
//! return, never panic; what decodes must re-encode to something that decodes the same.
//!
//! External input, by where it comes from (ARCHITECTURE.md, *Invariants*):
//! - the address: its fragment (`Route::parse`, then what it asks of a session, which decodes
//!   results, team and progress links as sent), its query (`EmbedOptions::parse`), its path
//!   (`links::base_path`), this tab's history marker (`Snapshot::parse`);
//! - storage: the stored run as JSON fields or text (`snapshot::read_stored`);
//! - pasted text and dropped files: the team view's list (`team::read_pasted`, through
//!   `share_code::code_in_link`) and readers' results (`readers::extract`, whose path may
//!   change when `readers.rs` becomes a folder);
//! - the page around a frame: its origin against the author's list (`embed::framing_allowed`);
//! - the static first question: the radio value the reader chose (`Answer::from_radio_value`).
//!
//! Included by path (`#[path]`) in both places rather than through `common/mod.rs`, because
//! the fuzz crate has no `tests/`.

use readiness_check::core::answers::Answer;
use readiness_check::core::embed::{self, Ancestors, EmbedOptions};
use readiness_check::core::links;
use readiness_check::core::readers;
use readiness_check::core::route::{self, Route};
use readiness_check::core::share_code::{self, LinkCode};
use readiness_check::core::snapshot::{self, Snapshot, StoredRun, StoredValue};
use readiness_check::core::team;

/// Feeds `input` to every decoder of external input, checking what each promises.
pub fn feed(input: &str) {
    if let Ok(result) = share_code::decode(input) {
        // Whatever decodes is a real result: it encodes canonically and decodes the same.
        let again = share_code::encode(&result.answers, &result.label);
        assert_eq!(share_code::decode(&again).as_ref(), Ok(&result), "input {input:?}");
    }
    if let Ok(members) = team::decode_team(input) {
        assert!(!members.is_empty() && members.len() <= team::MAX_MEMBERS, "input {input:?}");
        let _ = team::summarise(&members);
    }
    match share_code::code_in_link(input) {
        LinkCode::Result(code) => drop(share_code::decode_as_sent(code, share_code::decode)),
        LinkCode::Team(code) => drop(share_code::decode_as_sent(code, team::decode_team)),
    }
    if let Ok(snapshot) = Snapshot::parse(input) {
        assert_eq!(Snapshot::parse(&snapshot.to_text()), Ok(snapshot.clone()), "input {input:?}");
    }
    // The address: what the fragment asks of a visitor with nothing stored, and of one whose
    // own run (the marker's) the input also is.
    let route = Route::parse(input);
    let _ = route::open(&route, None, Snapshot::parse(input).ok());
    let _ = EmbedOptions::parse(input);
    let base = links::base_path(input);
    assert!(input.starts_with(&base), "the base of {input:?} is a part of it: {base:?}");
    // Storage: the text formats, and the JSON one with the input's parts as its fields.
    let _ = snapshot::read_stored(&StoredValue::Text(input.to_owned()));
    let mut parts = input.splitn(4, ';');
    let mut part = || parts.next().unwrap_or_default().to_owned();
    let stored = StoredRun {
        format: input.bytes().next().map_or(3, u16::from) % 5,
        run: part(),
        step: part(),
        compare: Some(part()).filter(|c| !c.is_empty()),
    };
    let _ = snapshot::read_stored(&StoredValue::Json(stored));
    // Pasted text and files.
    let _ = team::members_of(&team::read_pasted(input));
    let extracted = readers::extract(input);
    let _ = readers::summarise(&extracted.results);
    // The page around a frame, and the static question.
    let (allowed, parent) = input.split_once('\n').unwrap_or((input, input));
    let ancestors = |origins: Vec<String>| Ancestors { depth: origins.len().max(1), origins };
    let _ = embed::framing_allowed(allowed, &ancestors(parent.split(' ').map(str::to_owned).collect()));
    let _ = embed::framing_allowed(input, &ancestors(Vec::new()));
    let _ = Answer::from_radio_value(input);
}
