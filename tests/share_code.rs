//! Checks share codes: round trips, golden vectors, typed errors, tamper detection and fuzzing.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/decoders.rs"]
mod decoders;

use common::{answers_from_pattern, pattern_of};
use proptest::prelude::*;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::{CURRENT, QUESTION_SETS, QuestionSet};
use readiness_check::core::scoring::Report;
use readiness_check::core::share_code::{
    self, ALPHABET, DecodeError, LinkCode, MAX_LABEL_CHARS, SharedResult, clean_label, code_in_link, core_len, decode,
    encode,
};
use readiness_check::core::team;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A small deterministic PRNG (xorshift64*), so the fuzz-style tests need no extra crate and
/// fail the same way every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn char(&mut self) -> char {
        match self.below(4) {
            0 => char::from(*self.pick(ALPHABET)),
            1 => char::from(*self.pick(b".%~_-#=;T1S:/?& \t\n")),
            2 => char::from_u32(self.below(0x80) as u32).unwrap_or('?'),
            _ => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{FFFD}'),
        }
    }
}

/// Random answers for a set: each slot unanswered, a level, or "I don't know".
fn random_answers(rng: &mut Rng, set: &'static QuestionSet) -> Answers {
    let slots = set
        .questions()
        .map(|q| match rng.below(6) {
            0 => None,
            1 => Some(Answer::DontKnow),
            _ => Some(Answer::Level(rng.below(q.options.len()) as u8)),
        })
        .collect();
    Answers::from_slots(set, slots).expect("valid slots")
}

fn all_best(set: &'static QuestionSet) -> Answers {
    let slots = set.questions().map(|q| Some(Answer::Level(q.options.len() as u8 - 1))).collect();
    Answers::from_slots(set, slots).expect("valid")
}

/// The documented check: Σ (i+1)·vᵢ over the core characters' alphabet values, then the
/// label bytes, plus 7 × label length, mod 4093, written as two alphabet characters.
fn check_chars(core_values: &[u8], label: &[u8]) -> String {
    let mut sum: u32 = 0;
    for (i, &v) in core_values.iter().chain(label).enumerate() {
        sum = (sum + (i as u32 + 1) * u32::from(v)) % 4093;
    }
    let check = (sum + label.len() as u32 * 7) % 4093;
    [ALPHABET[(check / 64) as usize], ALPHABET[(check % 64) as usize]].iter().map(|&b| char::from(b)).collect()
}

fn value(c: u8) -> u8 {
    share_code::char_value(c).expect("alphabet character")
}

/// A code assembled by hand from a core body (format, set, payload) and an encoded label,
/// with a correct check.
fn raw_code(body: &str, label_bytes: &[u8], encoded_label: Option<&str>) -> String {
    let values: Vec<u8> = body.bytes().map(value).collect();
    let mut code = format!("{body}{}", check_chars(&values, label_bytes));
    if let Some(label) = encoded_label {
        code.push('.');
        code.push_str(label);
    }
    code
}

/// A fixed collection of codes: golden-style cases plus seeded random ones, some labelled.
fn sample_codes() -> Vec<(Answers, String, String)> {
    let labels = ["", "invoice triage", "Rechnungsprüfung ✓", "50% faster_claims", "a", "<b>x</b>", "客服 AI"];
    let mut rng = Rng(0x5EED_C0DE);
    let mut out = Vec::new();
    for set in QUESTION_SETS {
        out.push((all_best(set), String::new()));
        out.push((Answers::empty(set), String::new()));
        for i in 0..40 {
            out.push((random_answers(&mut rng, set), labels[i % labels.len()].to_owned()));
        }
    }
    out.into_iter()
        .map(|(answers, label)| {
            let code = encode(&answers, &label);
            (answers, clean_label(&label), code)
        })
        .collect()
}

fn core_of(code: &str) -> &str {
    code.split_once('.').map_or(code, |(core, _)| core)
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

fn slot() -> impl Strategy<Value = (u8, u8)> {
    // (kind, level): kind 0 = unanswered, 1 = don't know, 2.. = a level (reduced modulo options).
    (0u8..5, any::<u8>())
}

fn label_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => proptest::char::range(' ', '~'),
        1 => prop_oneof![
            Just(' '), Just('\t'), Just('\n'), Just('_'), Just('%'), Just('.'), Just('~'), Just('#'),
            Just('\u{200B}'), Just('\u{202E}'), Just('\u{2066}'), Just('\u{FEFF}'), Just('\u{0000}'),
            Just('\u{00A0}'), Just('\u{2028}'), Just('ü'), Just('✓'), Just('😀'),
        ],
    ]
}

fn label() -> impl Strategy<Value = String> {
    proptest::collection::vec(label_char(), 0..80).prop_map(String::from_iter)
}

fn answers_from(set: &'static QuestionSet, raw: &[(u8, u8)]) -> Answers {
    let slots = set
        .questions()
        .zip(raw.iter().cycle())
        .map(|(q, &(kind, level))| match kind {
            0 => None,
            1 => Some(Answer::DontKnow),
            _ => Some(Answer::Level(level % q.options.len() as u8)),
        })
        .collect();
    Answers::from_slots(set, slots).expect("valid")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decode_inverts_encode(raw in proptest::collection::vec(slot(), 1..=20), label in label(), set_index in 0..QUESTION_SETS.len()) {
        let set = QUESTION_SETS[set_index];
        let answers = answers_from(set, &raw);
        let code = encode(&answers, &label);
        let decoded = decode(&code);
        prop_assert_eq!(decoded, Ok(SharedResult { answers: answers.clone(), label: clean_label(&label) }));
        prop_assert!(code.starts_with('1'));
        prop_assert_eq!(code.as_bytes()[1], ALPHABET[usize::from(set.id)]);
        prop_assert_eq!(core_of(&code).len(), core_len(set));
        prop_assert!(code.len() <= share_code::MAX_CODE_LEN);
        prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.%".contains(&b)), "URL-safe: {}", code);
        // Encoding is canonical: the cleaned label gives the same code.
        prop_assert_eq!(encode(&answers, &clean_label(&label)), code.clone());
        // Surrounding whitespace from copy and paste is forgiven.
        let padded = format!("  {code}\n");
        prop_assert!(decode(&padded).is_ok());
    }

    #[test]
    fn clean_label_is_tidy_and_idempotent(label in label()) {
        let cleaned = clean_label(&label);
        prop_assert_eq!(clean_label(&cleaned), cleaned.clone());
        prop_assert!(cleaned.chars().count() <= MAX_LABEL_CHARS);
        prop_assert_eq!(cleaned.trim(), cleaned.as_str());
        prop_assert!(!cleaned.contains("  "));
        let invisible = cleaned.chars().any(|c| c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}'));
        prop_assert!(!invisible, "invisible character left in {:?}", cleaned);
        prop_assert!(cleaned.chars().all(|c| c == ' ' || !c.is_whitespace()));
    }
}

#[test]
fn a_full_result_without_label_is_short() {
    let code = encode(&all_best(CURRENT), "");
    assert!(code.len() <= 16, "{code} is {} characters", code.len());
    for set in QUESTION_SETS {
        assert!(core_len(set) <= 16, "set {}: {} characters", set.id, core_len(set));
        let code = encode(&all_best(set), "");
        assert_eq!(code.len(), core_len(set));
        assert!(code.starts_with('1'), "format digit first");
        assert_eq!(code.as_bytes()[1], ALPHABET[usize::from(set.id)], "the set id follows");
    }
}

#[test]
fn the_documented_check_is_what_the_encoder_writes() {
    for (_, label, code) in sample_codes() {
        let core = core_of(&code);
        let body = &core[..core.len() - 2];
        let values: Vec<u8> = body.bytes().map(value).collect();
        assert_eq!(&core[core.len() - 2..], check_chars(&values, label.as_bytes()), "{code}");
    }
}

// ---------------------------------------------------------------------------------------------
// Golden vectors
// ---------------------------------------------------------------------------------------------

#[test]
fn golden_vectors_decode_forever() {
    let text = include_str!("golden/share_codes.txt");
    let mut count = 0;
    for (number, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r'))) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(columns.len(), 5, "line {number}: expected 5 tab-separated columns");
        let [code, answers, label, scores, slug] = columns[..] else { unreachable!() };
        let decoded = decode(code).unwrap_or_else(|e| panic!("line {number}: {code} no longer decodes: {e:?}"));
        assert_eq!(pattern_of(&decoded.answers), answers, "line {number}: answers");
        assert_eq!(decoded.label, label, "line {number}: label");
        let report = Report::new(&decoded.answers);
        let got_scores: Vec<String> =
            report.dimensions.iter().map(|d| d.score.map_or_else(|| "-".to_owned(), |s| s.to_string())).collect();
        assert_eq!(got_scores.join(","), scores, "line {number}: scores");
        assert_eq!(report.verdict.outcome_slug(decoded.answers.set()), slug, "line {number}: verdict");
        // The answers column is authoritative too: it must rebuild the same code.
        let rebuilt = answers_from_pattern(decoded.answers.set(), answers);
        assert_eq!(encode(&rebuilt, label), code, "line {number}: encoding changed");
        assert_eq!(encode(&decoded.answers, &decoded.label), code, "line {number}: encoding changed");
        count += 1;
    }
    assert!(count >= 12, "expected at least 12 golden vectors, found {count}");
}

// ---------------------------------------------------------------------------------------------
// Tamper detection
// ---------------------------------------------------------------------------------------------

#[test]
fn every_single_character_substitution_in_the_core_fails() {
    for (_, _, code) in sample_codes() {
        let core_length = core_of(&code).len();
        let mut bytes = code.clone().into_bytes();
        for i in 0..core_length {
            let original = bytes[i];
            for &replacement in ALPHABET.iter().chain(b".%~! ") {
                if replacement == original {
                    continue;
                }
                bytes[i] = replacement;
                let changed = std::str::from_utf8(&bytes).expect("ascii");
                assert!(decode(changed).is_err(), "{code}: position {i} → {} decoded", char::from(replacement));
                bytes[i] = original;
            }
        }
    }
}

#[test]
fn every_adjacent_swap_fails() {
    for (_, _, code) in sample_codes() {
        let bytes = code.as_bytes();
        for i in 0..bytes.len() - 1 {
            if bytes[i] == bytes[i + 1] {
                continue;
            }
            let mut swapped = bytes.to_vec();
            swapped.swap(i, i + 1);
            let swapped = String::from_utf8(swapped).expect("ascii");
            assert!(decode(&swapped).is_err(), "{code}: swapping {i} and {} gives {swapped}, which decodes", i + 1);
        }
    }
}

#[test]
fn truncation_is_detected() {
    for (answers, label, code) in sample_codes() {
        let core_length = core_of(&code).len();
        for cut in 0..code.len() {
            let prefix = &code[..cut];
            let result = decode(prefix);
            if cut <= core_length {
                // Cut in the core (or right after it, before the separator for labelled
                // codes): never readable. Without a label, every proper prefix fails.
                if cut < core_length || !label.is_empty() {
                    assert!(result.is_err(), "{code}: prefix {prefix:?} decoded");
                }
                if cut < core_length && cut > 0 {
                    assert_eq!(result, Err(DecodeError::Truncated), "{code}: prefix {prefix:?}");
                }
            } else {
                // Cut in the label: it must never silently pass for the original result.
                let original = SharedResult { answers: answers.clone(), label: label.clone() };
                assert_ne!(result.as_ref().ok(), Some(&original), "{code}: prefix {prefix:?}");
            }
        }
    }
}

#[test]
fn cutting_a_label_is_caught_by_the_check() {
    // Stronger than "never the original": a cut that leaves valid percent-encoding is still
    // caught, because the label's bytes and length take part in the check.
    for (_, label, code) in sample_codes() {
        if label.is_empty() {
            continue;
        }
        let core_length = core_of(&code).len();
        for cut in core_length + 1..code.len() {
            assert!(decode(&code[..cut]).is_err(), "{code}: cut at {cut} decoded");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Typed errors
// ---------------------------------------------------------------------------------------------

#[test]
fn typed_errors() {
    let code = encode(&all_best(CURRENT), "");
    let labelled = encode(&all_best(CURRENT), "pilot");
    let payload_len = core_len(CURRENT) - 4;
    let unknown_set = char::from(ALPHABET[61]);
    let unknown_body = format!("1{unknown_set}{}", "Q".repeat(payload_len));
    let valid_unknown = raw_code(&unknown_body, b"", None);
    let mut bad_unknown = valid_unknown.clone().into_bytes();
    let last = bad_unknown.len() - 1;
    bad_unknown[last] = if bad_unknown[last] == b'A' { b'B' } else { b'A' };
    let bad_unknown = String::from_utf8(bad_unknown).expect("ascii");
    // A code from a newer question set may have a different length; it still names its set.
    let longer_unknown = raw_code(&format!("1{unknown_set}{}", "z".repeat(payload_len + 3)), b"", None);
    let labelled_unknown = raw_code(&unknown_body, b"new pilot", Some("new_pilot"));
    // A payload beyond the set's range, with a valid check.
    let current_set = char::from(ALPHABET[usize::from(CURRENT.id)]);
    let overflow = raw_code(&format!("1{current_set}{}", "_".repeat(payload_len)), b"", None);
    // A label that is not UTF-8, with a valid check.
    let not_utf8 = raw_code(&code[..code.len() - 2], &[0xFF, 0xFE], Some("%FF%FE"));
    let twelve_dots = format!("{code}.{}", ".".repeat(12));

    let cases: Vec<(String, DecodeError)> = vec![
        (String::new(), DecodeError::Empty),
        ("   \n\t".into(), DecodeError::Empty),
        (code[..code.len() - 1].into(), DecodeError::Truncated),
        ("1".into(), DecodeError::Truncated),
        ("1B".into(), DecodeError::Truncated),
        (format!("{code}A"), DecodeError::TooLong),
        (format!("{code}{code}"), DecodeError::TooLong),
        ("x".repeat(share_code::MAX_CODE_LEN + 1), DecodeError::TooLong),
        (format!("2{}", &code[1..]), DecodeError::NewerFormat),
        (format!("9{}", &code[1..]), DecodeError::NewerFormat),
        (format!("0{}", &code[1..]), DecodeError::Damaged),
        (format!("A{}", &code[1..]), DecodeError::Damaged),
        (valid_unknown, DecodeError::UnknownQuestionSet),
        (longer_unknown, DecodeError::UnknownQuestionSet),
        (labelled_unknown, DecodeError::UnknownQuestionSet),
        (bad_unknown, DecodeError::Damaged),
        (overflow, DecodeError::Damaged),
        (not_utf8, DecodeError::Damaged),
        (format!("{}!{}", &code[..3], &code[4..]), DecodeError::Damaged),
        (format!("{}é", &code[..code.len() - 1]), DecodeError::Damaged),
        (format!("{labelled}%"), DecodeError::Damaged),
        (format!("{labelled}%4"), DecodeError::Damaged),
        (format!("{labelled}%GG"), DecodeError::Damaged),
        (format!("{labelled}+"), DecodeError::Damaged),
        (format!("{labelled}.x"), DecodeError::Damaged),
        (twelve_dots, DecodeError::Damaged),
        ("https://example.com/#r=1Bg15AMzMTg".into(), DecodeError::Damaged),
    ];
    for (input, expected) in cases {
        assert_eq!(decode(&input).map(|r| r.label), Err(expected), "input {input:?}");
        assert!(!expected.kind().is_empty());
    }
}

#[test]
fn error_kinds_are_stable() {
    let kinds = [
        (DecodeError::Empty, "empty"),
        (DecodeError::Truncated, "truncated"),
        (DecodeError::TooLong, "too-long"),
        (DecodeError::Damaged, "damaged"),
        (DecodeError::NewerFormat, "newer-format"),
        (DecodeError::UnknownQuestionSet, "unknown-set"),
    ];
    for (error, kind) in kinds {
        assert_eq!(error.kind(), kind);
    }
}

#[test]
fn labels_are_plain_text() {
    let cases = [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("a\u{202E}evil\u{202C}b", "aevilb"),
        ("zero\u{200B}width\u{FEFF}", "zerowidth"),
        ("\u{2066}isolate\u{2069}", "isolate"),
        ("bell\u{0007} and\u{0000}nul", "bell andnul"),
        ("  lots   of\t\twhite\nspace  ", "lots of white space"),
        ("\u{00A0}nbsp\u{00A0}", "nbsp"),
        ("", ""),
        ("\u{200B}\u{200B}", ""),
        // Fillers and blanks that look like nothing: a label of them is no label.
        ("\u{3164}\u{3164}", ""),
        ("\u{2800}", ""),
        ("\u{115F}\u{1160}\u{FFA0}", ""),
        ("pilot\u{3164}one", "pilotone"),
        ("한국어 파일럿", "한국어 파일럿"),
    ];
    for (raw, expected) in cases {
        assert_eq!(clean_label(raw), expected, "clean_label({raw:?})");
        let code = encode(&all_best(CURRENT), raw);
        assert_eq!(decode(&code).expect("decodes").label, expected, "{raw:?}");
        if expected.is_empty() {
            assert!(!code.contains('.'), "an empty label adds nothing: {code}");
        }
    }
    let long = "x".repeat(MAX_LABEL_CHARS + 40);
    assert_eq!(clean_label(&long).chars().count(), MAX_LABEL_CHARS);
    let long_unicode = "ü✓😀".repeat(MAX_LABEL_CHARS);
    let code = encode(&all_best(CURRENT), &long_unicode);
    assert!(code.len() <= share_code::MAX_CODE_LEN, "the longest label still fits: {}", code.len());
    assert_eq!(decode(&code).expect("decodes").label.chars().count(), MAX_LABEL_CHARS);
}

// ---------------------------------------------------------------------------------------------
// Fuzz: nothing panics, whatever the input
// ---------------------------------------------------------------------------------------------

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(8) {
            0 => chars.insert(at, rng.char()),
            1 if !chars.is_empty() => {
                chars.remove(at.min(chars.len() - 1));
            }
            2 if !chars.is_empty() => {
                let (c, i) = (rng.char(), at.min(chars.len() - 1));
                chars[i] = c;
            }
            3 => {
                // Duplicate a slice.
                let end = (at + rng.below(12)).min(chars.len());
                let piece: Vec<char> = chars[at..end].to_vec();
                let to = rng.below(chars.len() + 1);
                chars.splice(to..to, piece);
            }
            4 => {
                let escape = match rng.below(4) {
                    0 => "%".to_owned(),
                    1 => format!("%{:X}", rng.below(16)),
                    2 => format!("%{:02X}", rng.below(256)),
                    _ => "%E2%80%AE%00%FF".to_owned(),
                };
                chars.splice(at..at, escape.chars());
            }
            5 => chars.insert(at, '.'),
            6 => chars.truncate(at),
            _ if chars.len() > 1 => {
                let i = rng.below(chars.len() - 1);
                chars.swap(i, i + 1);
            }
            _ => chars.push(rng.char()),
        }
    }
    chars.into_iter().collect()
}

fn random_input(rng: &mut Rng, seeds: &[String]) -> String {
    match rng.below(10) {
        0 => {
            let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        1 => (0..rng.below(40)).map(|_| rng.char()).collect(),
        2 => {
            let prefix = *rng.pick(&["1", "1B", "2", "T1", "T2", "S1;", "S1;1B", "#r=", "#t=T1", "?embed&"]);
            let tail: String = (0..rng.below(30)).map(|_| char::from(*rng.pick(ALPHABET))).collect();
            format!("{prefix}{tail}")
        }
        _ => {
            let seed = rng.pick(seeds).clone();
            mutate(rng, &seed)
        }
    }
}

#[test]
fn fuzz_nothing_panics() {
    let mut seeds: Vec<String> = sample_codes().into_iter().map(|(_, _, code)| code).collect();
    let members: Vec<String> = seeds.iter().take(4).cloned().collect();
    let team_code = team::encode_team(&members);
    seeds.push(team_code.clone());
    seeds.push(format!("S1;{};q3", seeds[0]));
    seeds.push(format!("S1;{};r", seeds[5]));
    seeds.push(format!("https://example.com/check/r/not-od/#r={}", seeds[3]));
    seeds.push(format!("https://example.com/#t={team_code}\n{}\n\n{}", seeds[1], seeds[2]));
    seeds.push("?embed&theme=dark&accent=%230b63ce&bg=transparent".to_owned());
    seeds.push("#r=1Bg15AMzMTg".to_owned());
    seeds.push("/blog/check/r/not-od/index.html".to_owned());
    seeds.push(format!("Mine: https://e.test/tools/#t={team_code}). Yours? {}, {}.", seeds[1], seeds[2]));

    let mut rng = Rng(0x0DDB_1A5E_5EED_0001);
    let mut decoded = 0usize;
    for i in 0..100_000 {
        let input = if i % 5_000 == 4_999 {
            // Huge inputs, up to 100 KB.
            let size = 1 + rng.below(100 * 1024);
            let seed = rng.pick(&seeds).clone();
            match rng.below(3) {
                0 => seed.repeat(size / seed.len().max(1) + 1),
                1 => format!("{seed}.{}", "%41".repeat(size / 3)),
                _ => (0..size).map(|_| rng.char()).collect(),
            }
        } else {
            random_input(&mut rng, &seeds)
        };
        decoders::feed(&input);
        decoded += usize::from(decode(&input).is_ok());
    }
    // The mutations are not so gentle that everything still decodes, nor so wild that nothing does.
    assert!(decoded > 100 && decoded < 50_000, "{decoded} of 100000 inputs decoded");
}

#[test]
fn finds_the_code_in_pasted_lines() {
    let cases = [
        ("https://e.test/r/ready/#r=1Bg15AMzMTg", LinkCode::Result("1Bg15AMzMTg")),
        ("  1Bg15AMzMTg ", LinkCode::Result("1Bg15AMzMTg")),
        ("https://e.test/#t=T1Bxx~1B", LinkCode::Team("T1Bxx~1B")),
        ("https://e.test/tools/#t=T1Bxx~1B", LinkCode::Team("T1Bxx~1B")),
        ("T1Bxx~1B", LinkCode::Team("T1Bxx~1B")),
        // A fragment without a key is read as a result's code, and told as such if it is not.
        ("https://e.test/#1Bg15AMzMTg", LinkCode::Result("1Bg15AMzMTg")),
        ("https://e.test/#team", LinkCode::Result("team")),
        ("", LinkCode::Result("")),
    ];
    for (line, expected) in cases {
        assert_eq!(code_in_link(line), expected, "{line:?}");
    }
}

/// Labels lose every character that shows nothing (format characters, variation selectors,
/// fillers) and every combining mark with no visible character under it; what is left with
/// nothing visible is no label (issue 24: such labels showed as empty headings).
#[test]
fn labels_keep_only_what_shows() {
    use readiness_check::core::share_code::clean_label;
    let cases = [
        ("invoice triage", "invoice triage"),
        ("\u{180B}\u{180C}\u{180D}\u{180F}", ""),
        ("\u{FE00}\u{FE0F}\u{E0100}\u{E01EF}", ""),
        ("\u{FFF9}\u{FFFA}\u{FFFB}", ""),
        ("\u{1D173}\u{1D17A}", ""),
        ("\u{0600}\u{06DD}\u{070F}\u{110BD}\u{13430}\u{1BCA0}", ""),
        ("\u{0301}\u{0301}", ""),
        (" \u{0301} ", ""),
        ("\u{200B}\u{0301}", ""),
        ("Alice\u{180B}", "Alice"),
        ("Cafe\u{0301}", "Cafe\u{0301}"),
        ("a\u{200B}\u{0301}b", "a\u{0301}b"),
        ("\u{0301}x", "x"),
        ("❤\u{FE0F} team", "❤ team"),
        ("\u{3164}\u{2800}\u{115F}", ""),
        ("Ünïcödé ok", "Ünïcödé ok"),
    ];
    for (raw, clean) in cases {
        assert_eq!(clean_label(raw), clean, "{raw:?}");
    }
}

/// Labels that would look the same on screen fold the same; different names do not.
#[test]
fn look_alike_labels_fold_together() {
    use readiness_check::core::share_code::fold_for_comparison as fold;
    let same = [
        ("Alice", "Alice\u{180B}"),
        ("Alice", "\u{0410}lice"),   // Cyrillic capital A
        ("alice", "ALICE"),          // case
        ("Alice", "\u{FF21}lice"),   // full-width A
        ("Alice", "\u{1D400}lice"),  // mathematical bold A
        ("Ops", "\u{039F}ps"),       // Greek capital omicron
        ("Cafe", "Cafe\u{0301}"),    // a mark
        ("data lead", "data  lead"), // whitespace
        ("KPI", "\u{212A}PI"),       // Kelvin sign
    ];
    for (a, b) in same {
        assert_eq!(fold(a), fold(b), "{a:?} ~ {b:?}");
    }
    for (a, b) in [("Alice", "Alicia"), ("Ops 1", "Ops 2"), ("data", "date")] {
        assert_ne!(fold(a), fold(b), "{a:?} vs {b:?}");
    }
}
