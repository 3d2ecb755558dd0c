//! Checks the storage snapshot (round trips, typed errors) and every `Session::apply` action.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::pattern_of;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::session::{Action, Session, Step, View};
use readiness_check::core::share_code::{DecodeError, SharedResult, decode, encode};
use proptest::prelude::*;
use readiness_check::core::snapshot::{
    SNAPSHOT_FORMAT, STORED_FORMAT, Snapshot, SnapshotError, StoredValue, StoredVersion, read_stored,
    resume,
};

fn last() -> usize {
    CURRENT.question_count() - 1
}

fn some_answers() -> Answers {
    let mut answers = Answers::empty(CURRENT);
    for position in 0..6 {
        let answer = if position == 2 { Answer::DontKnow } else { Answer::Level((position % 4) as u8) };
        answers.set_answer(position, Some(answer));
    }
    answers
}

fn complete_answers() -> Answers {
    let slots = CURRENT.questions().map(|q| Some(Answer::Level(q.options.len() as u8 - 1))).collect();
    Answers::from_slots(CURRENT, slots).expect("valid")
}

fn session(answers: Answers, step: Step, label: &str) -> Session {
    let mut session = Session::new(CURRENT);
    session.answers = answers;
    session.step = step;
    session.label = label.to_owned();
    session
}

fn someone_else() -> SharedResult {
    let slots = CURRENT.questions().map(|_| Some(Answer::Level(0))).collect();
    SharedResult { answers: Answers::from_slots(CURRENT, slots).expect("valid"), label: "their pilot".into() }
}

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
    match serde_json::from_str::<StoredVersion>(text) {
        Ok(StoredVersion { format }) => StoredValue::Json { format, run: serde_json::from_str(text).ok() },
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
            "step": {"question": 4},
            "compare": encode(&someone_else().answers, &someone_else().label),
        })
    );
    let intro = serde_json::to_string(&Snapshot::of(&session(some_answers(), Step::Intro, "")).to_stored()).expect("JSON");
    assert!(intro.contains(r#""step":"intro","compare":null"#), "{intro}");
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
        View::Team(vec![someone_else(), someone_else()]),
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
fn resume_prefers_storage_and_opens_a_fresh_visit_on_the_intro() {
    let stored = Snapshot::of(&session(some_answers(), Step::Question(4), "stored"));
    let address = Snapshot::of(&session(complete_answers(), Step::Results, "address"));
    let fresh = Session::default();

    let cases = [
        ("nothing anywhere", None, None, observe(&fresh)),
        (
            "storage only: a fresh visit opens on the intro",
            Some(stored.clone()),
            None,
            observe(&session(some_answers(), Step::Intro, "stored")),
        ),
        ("address only: a reload resumes at its step", None, Some(address.clone()), observe(&address.session)),
        (
            "both, the same run (a reload): storage wins and resumes at its step",
            Some(stored.clone()),
            Some(Snapshot::of(&session(some_answers(), Step::Question(2), "stored"))),
            observe(&stored.session),
        ),
        (
            "both, different runs (an address from elsewhere): storage wins, on the intro",
            Some(stored.clone()),
            Some(address.clone()),
            observe(&session(some_answers(), Step::Intro, "stored")),
        ),
    ];
    for (name, from_storage, from_address, expected) in cases {
        assert_eq!(observe(&resume(from_storage, from_address)), expected, "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Session::apply
// ---------------------------------------------------------------------------------------------

/// A compact, readable picture of everything an action may change (but the navigation
/// counter, which has its own test), so a failure message fits on a screen.
fn observe(session: &Session) -> String {
    let answers = pattern_of(&session.answers);
    let view = match &session.view {
        View::Own => "own".to_owned(),
        View::Shared(result) => format!("shared({})", result.label),
        View::Team(members) => format!("team({})", members.len()),
        View::EmbedKit => "embed-kit".to_owned(),
        View::BadLink { team, error } => format!("bad-link(team={team}, {})", error.kind()),
    };
    let compare = session.compare_with.as_ref().map(|r| r.label.as_str());
    format!(
        "set={} answers={answers} step={:?} label={:?} view={view} compare={compare:?}",
        session.answers.set().id,
        session.step,
        session.label
    )
}

/// (name, starting session, action, expected session)
fn case(
    name: &'static str,
    start: Session,
    action: Action,
    expected: Session,
) -> (&'static str, Session, Action, Session) {
    (name, start, action, expected)
}

#[test]
fn session_actions() {
    let fresh = Session::new(CURRENT);
    let with = |step: Step| session(some_answers(), step, "pilot");
    let viewing = |view: View| Session { view, ..with(Step::Question(2)) };
    let done = session(complete_answers(), Step::Results, "pilot");
    let shared = someone_else();

    let cases = vec![
        case(
            "start without progress",
            fresh.clone(),
            Action::Start,
            Session { step: Step::Question(0), ..fresh.clone() },
        ),
        case(
            "start with progress resumes at the first open question",
            with(Step::Intro),
            Action::Start,
            with(Step::Question(6)),
        ),
        case(
            "start when complete shows results",
            Session { step: Step::Intro, ..done.clone() },
            Action::Start,
            done.clone(),
        ),
        case(
            "start from a shared view returns to own",
            viewing(View::Shared(shared.clone())),
            Action::Start,
            with(Step::Question(6)),
        ),
        case("next", with(Step::Question(2)), Action::Next, with(Step::Question(3))),
        case(
            "next past the last question shows results",
            with(Step::Question(last())),
            Action::Next,
            with(Step::Results),
        ),
        case("next on results does nothing", with(Step::Results), Action::Next, with(Step::Results)),
        case("next on intro does nothing", with(Step::Intro), Action::Next, with(Step::Intro)),
        case("back", with(Step::Question(3)), Action::Back, with(Step::Question(2))),
        case(
            "back from the first question goes to the intro",
            with(Step::Question(0)),
            Action::Back,
            with(Step::Intro),
        ),
        case("back on the intro stays", with(Step::Intro), Action::Back, with(Step::Intro)),
        case(
            "back from results goes to the last question",
            with(Step::Results),
            Action::Back,
            with(Step::Question(last())),
        ),
        case("go to", with(Step::Results), Action::GoTo(4), with(Step::Question(4))),
        case("go to the last", with(Step::Results), Action::GoTo(last()), with(Step::Question(last()))),
        case("go to out of range is ignored", with(Step::Results), Action::GoTo(last() + 1), with(Step::Results)),
        case(
            "go to far out of range is ignored",
            with(Step::Question(1)),
            Action::GoTo(usize::MAX),
            with(Step::Question(1)),
        ),
        case("show results", with(Step::Question(1)), Action::ShowResults, with(Step::Results)),
        case(
            "start over clears answers and label",
            with(Step::Results),
            Action::StartOver,
            Session { step: Step::Question(0), ..fresh.clone() },
        ),
        case(
            "clear keeps the view",
            Session { compare_with: Some(shared.clone()), ..viewing(View::Shared(shared.clone())) },
            Action::Clear,
            Session { view: View::Shared(shared.clone()), ..fresh.clone() },
        ),
        case("clear on own view", with(Step::Results), Action::Clear, fresh.clone()),
        case(
            "open shared never changes answers",
            with(Step::Question(2)),
            Action::OpenShared(shared.clone()),
            viewing(View::Shared(shared.clone())),
        ),
        case(
            "open team never changes answers",
            with(Step::Question(2)),
            Action::OpenTeam(vec![shared.clone()]),
            viewing(View::Team(vec![shared.clone()])),
        ),
        case("open embed kit", with(Step::Question(2)), Action::OpenEmbedKit, viewing(View::EmbedKit)),
        case(
            "open bad link",
            with(Step::Question(2)),
            Action::OpenBadLink { team: false, error: DecodeError::Truncated },
            viewing(View::BadLink { team: false, error: DecodeError::Truncated }),
        ),
        case("show own", viewing(View::Shared(shared.clone())), Action::ShowOwn, with(Step::Question(2))),
        case(
            "take the check and compare keeps own answers",
            viewing(View::Shared(shared.clone())),
            Action::TakeCheckAndCompare,
            Session { compare_with: Some(shared.clone()), ..with(Step::Question(6)) },
        ),
        case(
            "take the check and compare without progress starts at the first question",
            Session { view: View::Shared(shared.clone()), ..fresh.clone() },
            Action::TakeCheckAndCompare,
            Session { compare_with: Some(shared.clone()), step: Step::Question(0), ..fresh.clone() },
        ),
        case(
            "take the check from another view sets no comparison",
            viewing(View::EmbedKit),
            Action::TakeCheckAndCompare,
            with(Step::Question(6)),
        ),
        case(
            "set label cleans it",
            with(Step::Results),
            Action::SetLabel("  my\u{202E} pilot\n\u{200B}".into()),
            Session { label: "my pilot".into(), ..with(Step::Results) },
        ),
        case(
            "choose an answer",
            fresh.clone(),
            Action::Choose { position: 0, answer: Some(Answer::Level(3)) },
            Session {
                answers: {
                    let mut a = Answers::empty(CURRENT);
                    a.set_answer(0, Some(Answer::Level(3)));
                    a
                },
                ..fresh.clone()
            },
        ),
        case(
            "un-answer",
            with(Step::Question(0)),
            Action::Choose { position: 0, answer: None },
            Session {
                answers: {
                    let mut a = some_answers();
                    a.set_answer(0, None);
                    a
                },
                ..with(Step::Question(0))
            },
        ),
        case(
            "an impossible level is ignored",
            with(Step::Question(0)),
            Action::Choose { position: 0, answer: Some(Answer::Level(9)) },
            with(Step::Question(0)),
        ),
        case(
            "an impossible position is ignored",
            with(Step::Question(0)),
            Action::Choose { position: last() + 1, answer: Some(Answer::Level(0)) },
            with(Step::Question(0)),
        ),
    ];
    for (name, mut session, action, expected) in cases {
        session.apply(action);
        assert_eq!(observe(&session), observe(&expected), "{name}");
    }
}

#[test]
fn a_shared_result_never_reaches_own_answers() {
    let mut session = session(some_answers(), Step::Question(2), "mine");
    let own = session.answers.clone();
    let shared = someone_else();
    let actions = [
        Action::OpenShared(shared.clone()),
        Action::TakeCheckAndCompare,
        Action::OpenShared(shared.clone()),
        Action::ShowOwn,
        Action::OpenTeam(vec![shared.clone(), shared.clone()]),
        Action::Start,
        Action::OpenShared(shared.clone()),
        Action::ShowResults,
        Action::OpenShared(shared),
        Action::Back,
        Action::Next,
    ];
    for action in actions {
        session.apply(action);
        assert_eq!(session.answers, own);
        assert_eq!(session.label, "mine");
    }
}

#[test]
fn navigation_counts_view_changes_only() {
    let mut session = session(some_answers(), Step::Question(2), "mine");
    let start = session.navigations;
    session.apply(Action::Next);
    session.apply(Action::Choose { position: 0, answer: Some(Answer::Level(1)) });
    session.apply(Action::SetLabel("x".into()));
    assert_eq!(session.navigations, start, "moving within the own view is not a navigation");
    session.apply(Action::OpenShared(someone_else()));
    assert_eq!(session.navigations, start + 1);
    session.apply(Action::OpenShared(someone_else()));
    assert_eq!(session.navigations, start + 1, "the same view again is not a navigation");
    session.apply(Action::OpenTeam(vec![someone_else()]));
    assert_eq!(session.navigations, start + 2);
    session.apply(Action::UpdateTeam(vec![someone_else(), someone_else()]));
    assert_eq!(session.navigations, start + 2, "editing a team is not a navigation");
    assert!(matches!(&session.view, View::Team(members) if members.len() == 2));
    session.apply(Action::Clear);
    assert_eq!(session.navigations, start + 2, "clearing keeps the counter and the view");
    assert!(matches!(&session.view, View::Team(_)));
    session.apply(Action::ShowOwn);
    assert_eq!(session.navigations, start + 3);
    // Editing a team that is not on screen changes nothing.
    session.apply(Action::UpdateTeam(vec![someone_else()]));
    assert_eq!(session.view, View::Own);
}

#[test]
fn a_full_run_by_actions() {
    let mut session = Session::default();
    session.apply(Action::Start);
    while let Step::Question(position) = session.step {
        session.apply(Action::Choose { position, answer: Some(Answer::Level(3)) });
        session.apply(Action::Next);
    }
    assert_eq!(session.step, Step::Results);
    assert!(session.answers.is_complete());
    session.apply(Action::SetLabel("invoice triage".into()));
    assert_eq!(session.share_code(), encode(&session.answers, "invoice triage"));
    assert!(session.share_code().ends_with(".invoice_triage"));
    assert_eq!(decode(&session.share_code()).map(|r| r.label), Ok("invoice triage".to_owned()));
    let restored = Snapshot::parse(&Snapshot::of(&session).to_text()).expect("readable");
    assert!(restored.session == session, "{} ≠ {}", observe(&restored.session), observe(&session));
}
