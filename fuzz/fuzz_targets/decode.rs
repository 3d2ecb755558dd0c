//! Fuzz target: every decoder of external input, fed arbitrary bytes, must return, not panic.
//! The list is `tests/common/decoders.rs`, the one `cargo test` runs natively too.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/decoders.rs"]
mod decoders;

fuzz_target!(|data: &[u8]| {
    decoders::feed(&String::from_utf8_lossy(data));
});
