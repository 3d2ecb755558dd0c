//! Checks the readers' benchmark: golden vectors (each thread fixture's benchmark, frozen), a
//! property round trip, every cut and changed character refused, the sentences a reader sees,
//! and the address it travels in.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use readiness_check::core::benchmark::{Benchmark, DimensionBench, LEN, bench_param, explain, with_bench};
use readiness_check::core::readers::extract;
use readiness_check::core::share_code::{ALPHABET, DecodeError, decode};

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dim(yes: u8, partly: u8, no: u8, q: [u8; 3]) -> DimensionBench {
    DimensionBench { yes, partly, no, quartiles: Some(q) }
}

/// The thread fixture's 13 readers, worked out by hand from tests/golden/share_codes.txt and
/// the readers counted in readers_thread.people; frozen as written the first time.
const THREAD: &str = "B1AANAADfDy6_JkbDy6GhkbHx8PJkTHz4CHkEW";

#[test]
fn golden_vectors_decode_forever() {
    let thread = Benchmark {
        readers: 13,
        ready: 3,
        dimensions: [
            dim(62, 15, 23, [47, 100, 100]),
            dim(54, 15, 23, [33, 80, 100]),
            dim(54, 31, 15, [67, 100, 100]),
            dim(38, 31, 31, [0, 67, 100]),
        ],
    };
    assert_eq!(Benchmark::decode(THREAD), Ok(thread.clone()));
    assert_eq!(thread.encode(), THREAD);
    assert_eq!(THREAD.len(), LEN);
    let extracted = extract(&golden("readers_thread.txt"));
    assert_eq!(Benchmark::of(&extracted.counted(false)), Some(thread));
    // Each fixture's benchmark, frozen.
    let frozen = [
        ("linkedin", "B1AAFAAEoFAFOzkyAAGTJkyAAGTJkyAAGTJkgi"),
        ("disqus", "B1AADAACyAAGTJkyAAGTJkhoQFDJkyAAGTJkhK"),
        ("digest", "B1AAEAAAAGZYAAnMmWQABJMmWQABQMgJYAAW96"),
        ("plain", "B1AAEAADlmQFm9klmQFe7klmQFfJklmQFm9kR_"),
    ];
    for (name, code) in frozen {
        let extracted = extract(&golden(&format!("readers_{name}.txt")));
        let bench = Benchmark::of(&extracted.counted(false)).expect("readers");
        assert_eq!(bench.encode(), code, "{name}");
        assert_eq!(Benchmark::decode(code), Ok(bench), "{name}");
    }
    assert_eq!(Benchmark::of(&[]), None);
}

#[test]
fn a_damaged_or_unknown_benchmark_is_refused() {
    let cases: Vec<(String, DecodeError)> = vec![
        (String::new(), DecodeError::Empty),
        ("B".into(), DecodeError::Truncated),
        ("B1".into(), DecodeError::Truncated),
        (THREAD[..THREAD.len() - 1].into(), DecodeError::Truncated),
        (format!("{THREAD}A"), DecodeError::TooLong),
        (format!("B2{}", &THREAD[2..]), DecodeError::NewerFormat),
        (format!("X{}", &THREAD[1..]), DecodeError::Damaged),
        (format!("{}%", &THREAD[..THREAD.len() - 1]), DecodeError::Damaged),
    ];
    for (input, error) in cases {
        assert_eq!(Benchmark::decode(&input), Err(error), "{input:?}");
        assert!(!explain(error).is_empty());
    }
    for cut in 0..THREAD.len() {
        assert!(Benchmark::decode(&THREAD[..cut]).is_err(), "cut at {cut}");
    }
    let mut bytes = THREAD.as_bytes().to_vec();
    for i in 2..bytes.len() {
        let original = bytes[i];
        for &c in ALPHABET {
            if c != original {
                bytes[i] = c;
                let changed = String::from_utf8(bytes.clone()).expect("ascii");
                assert!(Benchmark::decode(&changed).is_err(), "{changed}");
            }
        }
        bytes[i] = original;
    }
}

fn bench() -> impl Strategy<Value = Benchmark> {
    let dimension =
        (0u8..=100, 0u8..=100, proptest::option::of((0u8..=100, 0u8..=100, 0u8..=100))).prop_map(|(yes, partly, q)| {
            let partly = partly.min(100 - yes);
            let quartiles = q.map(|(a, b, c)| {
                let mut q = [a, b, c];
                q.sort_unstable();
                q
            });
            DimensionBench { yes, partly, no: 100 - yes - partly, quartiles }
        });
    (1u32..=262_143, proptest::array::uniform4(dimension), 0.0f64..=1.0)
        .prop_map(|(readers, dimensions, r)| Benchmark { readers, ready: (f64::from(readers) * r) as u32, dimensions })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_benchmark_round_trips(b in bench()) {
        let code = b.encode();
        prop_assert_eq!(code.len(), LEN);
        prop_assert_eq!(Benchmark::decode(&code), Ok(b));
    }

    #[test]
    fn decoding_never_panics(text in ".{0,60}") {
        let _ = Benchmark::decode(&text);
    }
}

#[test]
fn a_reader_sees_where_they_stand() {
    let bench = Benchmark::decode(THREAD).expect("golden");
    assert_eq!(bench.headline(), "Among 13 readers who shared their results, 3 (23%) are ready to scale.");
    // 1BSjHqt32bx: 47, 40, 80, 53 — Ownership partly, Data partly, Buy-in yes, Metrics partly.
    let mixed = decode("1BSjHqt32bx").expect("golden code").answers;
    assert_eq!(
        bench.place(&mixed),
        [
            "Ownership: a partly — 15% of 13 readers who shared say the same. Your score 47 is among the middle half of theirs (their middle score: 100).",
            "Data: a partly — 15% of 13 readers who shared say the same. Your score 40 is among the middle half of theirs (their middle score: 80).",
            "Buy-in: a yes — 54% of 13 readers who shared say the same. Your score 80 is among the middle half of theirs (their middle score: 100).",
            "Metrics: a partly — 31% of 13 readers who shared say the same. Your score 53 is among the middle half of theirs (their middle score: 67).",
        ]
    );
    // An unfinished dimension says nothing.
    let partial = decode("1BfU8H_IAQz").expect("golden code").answers;
    assert_eq!(bench.place(&partial).len(), 1);
    let one = Benchmark { readers: 1, ready: 1, ..bench };
    assert_eq!(one.headline(), "1 reader shared their results; they are ready to scale.");
}

#[test]
fn the_benchmark_travels_in_the_address() {
    let bench = Benchmark::decode(THREAD).expect("golden");
    assert_eq!(with_bench("https://x.io/check/", &bench), format!("https://x.io/check/?bench={THREAD}"));
    assert_eq!(
        with_bench("https://x.io/check/?embed&theme=dark&bench=B1old#start", &bench),
        format!("https://x.io/check/?embed&theme=dark&bench={THREAD}#start")
    );
    assert_eq!(bench_param(&format!("?embed&bench={THREAD}")), Some(THREAD));
    assert_eq!(bench_param("?embed"), None);
}
