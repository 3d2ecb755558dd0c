//! Checks the storage snapshot: JSON and text round trips, every stored format ever written,
//! typed errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{complete_answers, last, observe, session, some_answers, someone_else};
use proptest::prelude::*;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::session::{Action, Session, Step, View};
use readiness_check::core::share_code::{DecodeError, SharedResult, decode, encode};
use readiness_check::core::snapshot::{
    SNAPSHOT_FORMAT, STORED_FORMAT, Snapshot, SnapshotError, StoredRun, StoredValue, read_stored,
};
use readiness_check::core::team::TeamMember;

// ---------------------------------------------------------------------------------------------
// Snapshot
// ---------------------------------------------------------------------------------------------

#[test]
fn snapshots_round_trip() {
    let steps = [Step::Intro, Step::Question(0), Step::Question(5), Step::Question(last()), Step::Results];
    let labels = ["", "invoice triage", "Rechnungsprüfung ✓", "a;b;c", "<b>x</b> 100%"];
    for answers in [Answers::empty(CURRENT), some_answers(), complete_answers()] {
        for step in steps {
            for label in labels {
                let original = session(answers.clone(), step, label);
                let text = Snapshot::of(&original).to_text();
                assert!(text.starts_with(&format!("{SNAPSHOT_FORMAT};")), "{text}");
                let parsed = Snapshot::parse(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
                assert!(parsed.session == original, "{text}: {} ≠ {}", observe(&parsed.session), observe(&original));
                assert!(Snapshot::parse(&format!(" {text}\n")) == Ok(parsed), "{text}: whitespace is forgiven");
            }
        }
    }
}

#[test]
fn snapshot_text_is_stable() {
    // Stored snapshots outlive builds: this exact text must keep reading the same way.
    let parsed = Snapshot::parse("S1;1BfU8H_IAQz;q6").expect("readable");
    assert_eq!(parsed.session.step, Step::Question(6));
    assert_eq!(parsed.session.answers, decode("1BfU8H_IAQz").expect("golden code").answers);
    assert_eq!(parsed.session.label, "");
    let parsed = Snapshot::parse("S1;1BZxxxIqoFz.invoice_triage;r").expect("readable");
    assert_eq!((parsed.session.step, parsed.session.label.as_str()), (Step::Results, "invoice triage"));
    // S1, the first release's format, migrates to S2 with no compare target.
    assert_eq!(Snapshot::of(&parsed.session).to_text(), "S2;1BZxxxIqoFz.invoice_triage;r;");
    let parsed = Snapshot::parse("S2;1BZxxxIqoFz.invoice_triage;q3;1Bg15AMzMTg").expect("readable");
    assert_eq!(parsed.session.step, Step::Question(3));
    let compare = parsed.session.compare_with.as_ref().expect("compare target kept");
    assert_eq!(compare.answers, decode("1Bg15AMzMTg").expect("golden code").answers);
    assert_eq!(Snapshot::of(&parsed.session).to_text(), "S2;1BZxxxIqoFz.invoice_triage;q3;1Bg15AMzMTg");
}

/// What the shell makes of a stored text: gloo-storage's typed JSON reads (serde_json), else
/// the raw text. The same two steps as `shell::storage::stored_value`.
fn as_gloo_reads(text: &str) -> StoredValue {
    match serde_json::from_str::<StoredRun>(text) {
        Ok(run) => StoredValue::Json(run),
        Err(_) => StoredValue::Text(text.to_owned()),
    }
}

/// What gloo-storage writes for a session: `serde_json::to_string` of the stored run.
fn as_gloo_writes(session: &Session) -> String {
    serde_json::to_string(&Snapshot::of(session).to_stored()).expect("a stored run serialises")
}

#[test]
fn stored_runs_round_trip_through_json() {
    let steps = [Step::Intro, Step::Question(0), Step::Question(5), Step::Question(last()), Step::Results];
    let labels = ["", "invoice triage", "Rechnungsprüfung ✓", "a;b;c", "<b>x</b> \"100%\""];
    for answers in [Answers::empty(CURRENT), some_answers(), complete_answers()] {
        for step in steps {
            for label in labels {
                let mut original = session(answers.clone(), step, label);
                original.compare_with = (label.len() % 2 == 1).then(someone_else);
                let json = as_gloo_writes(&original);
                assert!(json.starts_with(&format!("{{\"format\":{STORED_FORMAT},")), "{json}");
                let read = read_stored(&as_gloo_reads(&json)).unwrap_or_else(|e| panic!("{json}: {e:?}"));
                assert!(read.session == original, "{json}: {} ≠ {}", observe(&read.session), observe(&original));
            }
        }
    }
}

#[test]
fn the_stored_json_is_exactly_the_documented_shape() {
    let mut run = session(some_answers(), Step::Question(4), "pilot");
    run.compare_with = Some(someone_else());
    let json: serde_json::Value = serde_json::from_str(&as_gloo_writes(&run)).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({
            "format": 3,
            "run": encode(&some_answers(), "pilot"),
            "step": "q4",
            "compare": encode(&someone_else().answers, &someone_else().label),
        })
    );
    let intro =
        serde_json::to_string(&Snapshot::of(&session(some_answers(), Step::Intro, "")).to_stored()).expect("JSON");
    assert!(intro.contains(r#""step":"i","compare":null"#), "{intro}");
}

/// Every storage format ever written, from `tests/golden/stored_snapshots.txt`.
#[test]
fn every_stored_format_ever_written_still_reads() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/stored_snapshots.txt"))
        .expect("the golden file");
    let mut formats = std::collections::BTreeSet::new();
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [format, stored, expected] = columns[..] else { panic!("three columns: {line:?}") };
        formats.insert(format);
        let read = read_stored(&as_gloo_reads(stored));
        let got = match &read {
            Ok(snapshot) => snapshot.to_text(),
            Err(SnapshotError::Empty) => "error:empty".to_owned(),
            Err(SnapshotError::NewerFormat) => "error:newer".to_owned(),
            Err(SnapshotError::Unreadable) => "error:unreadable".to_owned(),
            Err(SnapshotError::Answers(_)) => "error:answers".to_owned(),
        };
        assert_eq!(got, expected, "{stored}");
        // A readable run written again comes back as the same run (the migration is lossless).
        if let Ok(snapshot) = read {
            let again = read_stored(&as_gloo_reads(&as_gloo_writes(&snapshot.session))).expect("rewritten");
            assert_eq!(again, snapshot, "{stored}");
        }
    }
    for written in ["S1", "S2", "3"] {
        assert!(formats.contains(written), "the golden file has no line for format {written}");
    }
}

proptest! {
    /// Any run the reader can have survives being stored and read back.
    #[test]
    fn any_snapshot_survives_storage(
        slots in proptest::collection::vec(proptest::option::of(0u8..6), CURRENT.question_count()),
        step in 0usize..(CURRENT.question_count() + 2),
        label in "\\PC{0,70}",
        compare in proptest::option::of(proptest::collection::vec(0u8..5, CURRENT.question_count())),
    ) {
        let to_answers = |levels: Vec<Option<u8>>| {
            let slots = CURRENT.questions().zip(levels).map(|(q, level)| match level {
                Some(l) if usize::from(l) < q.options.len() => Some(Answer::Level(l)),
                Some(_) => Some(Answer::DontKnow),
                None => None,
            }).collect();
            Answers::from_slots(CURRENT, slots).expect("valid")
        };
        let step = match step {
            0 => Step::Intro,
            s if s > CURRENT.question_count() => Step::Results,
            s => Step::Question(s - 1),
        };
        let mut original = session(to_answers(slots), step, "");
        original.apply(Action::SetLabel(label));
        original.compare_with = compare.map(|levels| SharedResult {
            answers: to_answers(levels.into_iter().map(Some).collect()),
            label: "theirs".to_owned(),
        });
        let json = as_gloo_writes(&original);
        let read = read_stored(&as_gloo_reads(&json)).expect("readable");
        prop_assert!(read.session == original, "{}", json);
        let text = Snapshot::of(&original).to_text();
        prop_assert!(Snapshot::parse(&text).expect("address text").session == original, "{}", text);
    }
}

#[test]
fn a_damaged_compare_target_is_dropped_but_the_run_is_kept() {
    let parsed = Snapshot::parse("S2;1BZxxxIqoFz.invoice_triage;r;1Bg15AMzMTX").expect("the run is readable");
    assert_eq!(parsed.session.label, "invoice triage");
    assert_eq!(parsed.session.compare_with, None);
}

#[test]
fn snapshot_parse_errors() {
    let code = encode(&some_answers(), "pilot");
    let damaged = format!("S1;{}x;q1", &code[..code.len() - 1]);
    let truncated = format!("S1;{};q1", &code[..5]);
    let cases: Vec<(String, SnapshotError)> = vec![
        (String::new(), SnapshotError::Empty),
        ("  \n".into(), SnapshotError::Empty),
        (format!("S3;{code};q1;"), SnapshotError::NewerFormat),
        ("S3;whatever the future holds".into(), SnapshotError::NewerFormat),
        (format!("S2;{code};q1"), SnapshotError::Unreadable),
        (format!("S2;{code}"), SnapshotError::Unreadable),
        ("S10".into(), SnapshotError::NewerFormat),
        ("S0;x;i".into(), SnapshotError::Unreadable),
        ("S1".into(), SnapshotError::Unreadable),
        (format!("S1;{code}"), SnapshotError::Unreadable),
        (format!("S1;{code};x"), SnapshotError::Unreadable),
        (format!("S1;{code};q"), SnapshotError::Unreadable),
        (format!("S1;{code};q-1"), SnapshotError::Unreadable),
        (format!("S1;{code};r;extra"), SnapshotError::Unreadable),
        ("{\"answers\":[1,2,3]}".into(), SnapshotError::Unreadable),
        ("garbage".into(), SnapshotError::Unreadable),
        ("Sé;x;y".into(), SnapshotError::Unreadable),
        ("S99999;x".into(), SnapshotError::Unreadable),
        (damaged, SnapshotError::Answers(DecodeError::Damaged)),
        (truncated, SnapshotError::Answers(DecodeError::Truncated)),
        ("S1;;i".into(), SnapshotError::Answers(DecodeError::Empty)),
        (format!("S1;2{};i", &code[1..]), SnapshotError::Answers(DecodeError::NewerFormat)),
    ];
    for (text, expected) in cases {
        assert_eq!(Snapshot::parse(&text), Err(expected), "{text:?}");
    }
}

#[test]
fn a_question_position_beyond_range_is_clamped() {
    let code = encode(&some_answers(), "");
    for (step, expected) in [
        (format!("q{}", last()), last()),
        (format!("q{}", last() + 1), last()),
        ("q999".to_owned(), last()),
        (format!("q{}", usize::MAX), last()),
        ("q0".to_owned(), 0),
    ] {
        let parsed = Snapshot::parse(&format!("S1;{code};{step}")).expect("readable");
        assert_eq!(parsed.session.step, Step::Question(expected), "{step}");
    }
}

#[test]
fn a_snapshot_never_stores_a_shared_view() {
    let mut own = session(some_answers(), Step::Question(3), "mine");
    let views = [
        View::Shared(someone_else()),
        View::Team(vec![TeamMember::unnamed(someone_else()), TeamMember::unnamed(someone_else())]),
        View::EmbedKit,
        View::BadLink { team: true, error: DecodeError::Damaged },
    ];
    // The compare target is stored on purpose (see snapshot_text_is_stable); here, none.
    own.compare_with = None;
    for view in views {
        own.view = view;
        let snapshot = Snapshot::of(&own);
        assert_eq!(snapshot.session.view, View::Own);
        assert_eq!(snapshot.session.compare_with, None);
        assert_eq!(snapshot.session.answers, own.answers);
        assert_eq!(snapshot.session.label, "mine");
        assert_eq!(snapshot.session.step, Step::Question(3));
        let text = snapshot.to_text();
        assert!(!text.contains("their"), "{text}");
        assert_eq!(Snapshot::parse(&text).expect("readable").session.view, View::Own);
    }
}

#[test]
fn only_a_started_run_is_worth_saving() {
    let cases = [
        (Answers::empty(CURRENT), Step::Intro, "", false),
        (Answers::empty(CURRENT), Step::Intro, "a label alone", false),
        (Answers::empty(CURRENT), Step::Question(0), "", true),
        (Answers::empty(CURRENT), Step::Results, "", true),
        (some_answers(), Step::Intro, "", true),
        (some_answers(), Step::Question(last()), "", true),
        (complete_answers(), Step::Results, "x", true),
    ];
    for (answers, step, label, expected) in cases {
        let run = session(answers, step, label);
        assert_eq!(Snapshot::of(&run).worth_saving(), expected, "{}", observe(&run));
    }
    // What "clear my answers" leaves is not written back over the erased run.
    let mut cleared = session(complete_answers(), Step::Results, "x");
    cleared.apply(Action::Clear);
    assert!(!Snapshot::of(&cleared).worth_saving(), "{}", observe(&cleared));
    // Looking at someone's link leaves nothing behind.
    let mut visitor = Session::default();
    visitor.apply(Action::OpenShared(someone_else()));
    assert!(!Snapshot::of(&visitor).worth_saving(), "{}", observe(&visitor));
}
