//! Fuzz target: every decoder of external input, fed arbitrary bytes, must return, not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readiness_check::core::route::{EmbedOptions, Route};
use readiness_check::core::share_code;
use readiness_check::core::snapshot::Snapshot;
use readiness_check::core::team;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(result) = share_code::decode(&text) {
        // Whatever decodes is a real result: it re-encodes to a code that decodes the same.
        let again = share_code::encode(&result.answers, &result.label);
        assert_eq!(share_code::decode(&again).as_ref(), Ok(&result));
    }
    if let Ok(members) = team::decode_team(&text) {
        let _ = team::summarise(&members);
    }
    if let Ok(snapshot) = Snapshot::parse(&text) {
        assert_eq!(Snapshot::parse(&snapshot.to_text()), Ok(snapshot));
    }
    let _ = Route::parse(&text);
    let _ = EmbedOptions::parse(&text);
    let _ = team::read_pasted(&text);
});
