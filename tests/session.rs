//! Checks every `Session::apply` action, table-driven, and what only the reader's own steps do.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{complete_answers, last, observe, session, some_answers, someone_else};
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::session::{Action, By, OfferedRun, Session, Step, View};
use readiness_check::core::share_code::{DecodeError, decode, encode};
use readiness_check::core::snapshot::Snapshot;
use readiness_check::core::team::TeamMember;

// ---------------------------------------------------------------------------------------------
// Session::apply
// ---------------------------------------------------------------------------------------------

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
            Action::OpenTeam(vec![TeamMember::unnamed(shared.clone())]),
            viewing(View::Team(vec![TeamMember::unnamed(shared.clone())])),
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
            "a run from a link is offered, never adopted by being opened",
            fresh.clone(),
            Action::OfferRun(OfferedRun { result: shared.clone(), step: Step::Question(4) }),
            Session {
                view: View::Offered(OfferedRun { result: shared.clone(), step: Step::Question(4) }),
                ..fresh.clone()
            },
        ),
        case(
            "accepting an offered run (no run of one's own) continues it where it was",
            Session {
                view: View::Offered(OfferedRun { result: shared.clone(), step: Step::Question(4) }),
                ..fresh.clone()
            },
            Action::AcceptOffered,
            Session {
                answers: shared.answers.clone(),
                label: shared.label.clone(),
                step: Step::Question(4),
                ..fresh.clone()
            },
        ),
        case(
            "an offered run is never accepted over a run of one's own",
            viewing(View::Offered(OfferedRun { result: shared.clone(), step: Step::Question(4) })),
            Action::AcceptOffered,
            viewing(View::Offered(OfferedRun { result: shared.clone(), step: Step::Question(4) })),
        ),
        case(
            "an offered run can be looked at as a shared result",
            viewing(View::Offered(OfferedRun { result: shared.clone(), step: Step::Question(4) })),
            Action::OpenOfferedAsShared,
            viewing(View::Shared(shared.clone())),
        ),
        case(
            "returning to the check from a bad link keeps the reader's step",
            viewing(View::BadLink { team: false, error: DecodeError::Damaged }),
            Action::ReturnToCheck,
            with(Step::Question(2)),
        ),
        case(
            "returning to the check from the intro opens the first open question",
            Session { view: View::Readers, ..with(Step::Intro) },
            Action::ReturnToCheck,
            with(Step::Question(6)),
        ),
        case(
            "readers' results",
            with(Step::Intro),
            Action::OpenReaders,
            Session { view: View::Readers, ..with(Step::Intro) },
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
        Action::OpenTeam(vec![TeamMember::unnamed(shared.clone()), TeamMember::unnamed(shared.clone())]),
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
    session.apply(Action::OpenTeam(vec![TeamMember::unnamed(someone_else())]));
    assert_eq!(session.navigations, start + 2);
    session.apply(Action::UpdateTeam(vec![TeamMember::unnamed(someone_else()), TeamMember::unnamed(someone_else())]));
    assert_eq!(session.navigations, start + 2, "editing a team is not a navigation");
    assert!(matches!(&session.view, View::Team(members) if members.len() == 2));
    session.apply(Action::Clear);
    assert_eq!(session.navigations, start + 2, "clearing keeps the counter and the view");
    assert!(matches!(&session.view, View::Team(_)));
    session.apply(Action::ShowOwn);
    assert_eq!(session.navigations, start + 3);
    // Editing a team that is not on screen changes nothing.
    session.apply(Action::UpdateTeam(vec![TeamMember::unnamed(someone_else())]));
    assert_eq!(session.view, View::Own);
}

/// `Session::place` changes exactly when the reader moves to another screen: the UI mounts a
/// screen afresh (and moves focus) then, and only then.
#[test]
fn the_place_changes_exactly_when_the_reader_moves() {
    let question = || session(some_answers(), Step::Question(2), "mine");
    let results = || session(complete_answers(), Step::Results, "mine");
    let shared = || {
        let mut on_shared = question();
        on_shared.apply(Action::OpenShared(someone_else()));
        on_shared
    };
    let mut another = someone_else();
    another.label = "another pilot".into();
    // (what happens, from, action, moves)
    let cases: Vec<(&str, Session, Action, bool)> = vec![
        ("next question", question(), Action::Next, true),
        ("previous question", question(), Action::Back, true),
        ("a question by number", question(), Action::GoTo(5), true),
        ("from the results to a question", results(), Action::GoTo(0), true),
        ("back to the results", question(), Action::ShowResults, true),
        ("an answer chosen", question(), Action::Choose { position: 2, answer: Some(Answer::Level(3)) }, false),
        ("an answer cleared", question(), Action::Choose { position: 2, answer: None }, false),
        ("a label typed", results(), Action::SetLabel("renamed".into()), false),
        ("a shared result opened", question(), Action::OpenShared(someone_else()), true),
        ("the same shared result again", shared(), Action::OpenShared(someone_else()), false),
        ("another shared result", shared(), Action::OpenShared(another), true),
        ("back to the own run", shared(), Action::ShowOwn, true),
    ];
    for (what, mut session, action, moves) in cases {
        let before = session.place();
        session.apply(action);
        assert_eq!(session.place() != before, moves, "{what}: moves should be {moves}");
    }
}

/// Only the reader's own steps to the results count as the reader finishing the check.
#[test]
fn only_the_readers_own_step_to_the_results_counts() {
    let last_question = session(complete_answers(), Step::Question(last()), "");
    let cases: Vec<(&str, Session, Action, By, bool)> = vec![
        ("the reader presses See results", last_question.clone(), Action::Next, By::Reader, true),
        ("a script presses See results", last_question.clone(), Action::Next, By::Page, false),
        ("the address opens the results", last_question.clone(), Action::ShowResults, By::Page, false),
        (
            "the reader continues a finished run",
            session(some_answers(), Step::Intro, "mine"),
            Action::Start,
            By::Reader,
            false,
        ),
        (
            "the reader continues a finished run (complete)",
            session(complete_answers(), Step::Intro, ""),
            Action::Start,
            By::Reader,
            true,
        ),
    ];
    for (name, mut s, action, by, expected) in cases {
        s.apply_by(action, by);
        assert_eq!(s.results_by_reader, expected, "{name}");
    }
    // Staying on the results keeps it; leaving forgets it.
    let mut s = last_question;
    s.apply_by(Action::Next, By::Reader);
    s.apply_by(Action::SetLabel("x".into()), By::Page);
    assert!(s.results_by_reader, "editing the label on the results keeps it");
    s.apply_by(Action::OpenShared(someone_else()), By::Page);
    s.apply_by(Action::ShowResults, By::Page);
    assert!(!s.results_by_reader, "coming back by the address does not count");
}

#[test]
fn clearing_counts_an_erasure_for_the_storage_sync() {
    let mut s = session(some_answers(), Step::Results, "mine");
    s.apply(Action::Clear);
    s.apply(Action::Clear);
    assert_eq!(s.erasures, 2);
    assert!(!s.has_progress() && s.label.is_empty());
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
