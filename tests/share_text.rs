//! Checks the share texts and result-image content built from a report.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{all, half};
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::scoring::Report;
use readiness_check::core::session::{Action, Session};
use readiness_check::core::share_text::{encode_component, image_card, memo_header, share_texts, squares};

#[test]
fn the_comment_says_score_squares_standings_and_link() {
    let report = Report::new(&half());
    assert_eq!(squares(&report), "🟩🟩🟥🟥");
    let texts = share_texts(&report, "https://x.test/r/not-bm/#r=1B", "invoice triage");
    assert_eq!(
        texts.comment,
        "AI pilot \"invoice triage\" scaling readiness: 2/4 🟩🟩🟥🟥 – not ready. Ownership yes, Data yes, Buy-in no, Metrics no → https://x.test/r/not-bm/#r=1B"
    );
    assert!(texts.linkedin.ends_with(&encode_component("https://x.test/r/not-bm/#r=1B")));
    assert!(texts.x.starts_with("https://x.com/intent/post?text="));
    assert!(texts.email.starts_with("mailto:?subject=Scaling%20Readiness%20Check%20results&body="));
    assert!(!texts.email.contains(' '), "no raw spaces in a mailto address");
}

#[test]
fn encode_component_matches_javascript() {
    for (input, expected) in [
        ("a b", "a%20b"),
        ("#r=1B.x_y", "%23r%3D1B.x_y"),
        ("ü✓", "%C3%BC%E2%9C%93"),
        ("-_.!~*'()", "-_.!~*'()"),
        ("&?/", "%26%3F%2F"),
    ] {
        assert_eq!(encode_component(input), expected, "{input}");
    }
}

#[test]
fn the_result_image_says_everything_in_its_alt_text() {
    let card = image_card(&Report::new(&half()), "invoice triage");
    assert_eq!(card.headline, "Not ready to scale yet");
    assert!(!card.ready);
    assert_eq!(card.passing, "2 of 4 dimensions pass");
    assert_eq!(card.rows.len(), 4);
    assert_eq!(
        card.alt,
        "Scaling Readiness Check result for \"invoice triage\": Not ready to scale yet. Ownership 100/100 (yes), Data 100/100 (yes), Buy-in 0/100 (no), Metrics 0/100 (no). 2 of 4 dimensions pass."
    );
    let ready = image_card(&Report::new(&all(3)), "");
    assert!(ready.ready);
    assert!(ready.alt.starts_with("Scaling Readiness Check result: Ready to scale by the essay's four tests."));
}

#[test]
fn answers_from_another_tab_replace_the_run_but_not_the_view_or_step() {
    let mut session = Session::default();
    session.apply(Action::Start);
    session.apply(Action::Choose { position: 0, answer: Some(Answer::Level(1)) });
    session.apply(Action::Next);
    let (step, navigations, redraws) = (session.step, session.navigations, session.redraws);
    session.apply(Action::Adopt { answers: all(2), label: "from tab B".to_owned() });
    assert_eq!(session.answers, all(2));
    assert_eq!(session.label, "from tab B");
    assert_eq!(session.step, step);
    assert_eq!((session.navigations, session.redraws), (navigations, redraws + 1), "redrawn, not moved");
}

/// A mixed result: a partly is called partly (not "missing"), and the names run in the
/// squares' order, not weakest first.
#[test]
fn the_comment_of_a_mixed_result_names_each_standing_in_the_squares_order() {
    // Set 2 (published, so frozen), in asking order: Ownership all best, Data and Metrics short
    // of best on their key questions, Buy-in all worst.
    let levels = [3, 3, 3, 3, 3, 2, 2, 2, 2, 0, 0, 0, 0, 0, 2, 2, 2, 2];
    let set = readiness_check::core::content::question_set(2).expect("set 2");
    let answers = Answers::from_slots(set, levels.iter().map(|&l| Some(Answer::Level(l))).collect()).expect("valid");
    let report = Report::new(&answers);
    let bands: Vec<&str> = report.dimensions.iter().map(|d| d.band.map_or("-", |b| b.word())).collect();
    let texts = share_texts(&report, "https://x.test/r/not-x/#r=1C", "");
    let squares = squares(&report);
    let expected_squares: String = bands
        .iter()
        .map(|b| match *b {
            "yes" => '🟩',
            "partly" => '🟨',
            _ => '🟥',
        })
        .collect();
    assert_eq!(squares, expected_squares);
    assert_eq!(bands, ["yes", "partly", "no", "partly"], "a mixed result");
    assert_eq!(squares, "🟩🟨🟥🟨");
    assert_eq!(
        texts.comment,
        "My AI pilot scaling readiness: 1/4 🟩🟨🟥🟨 – not ready. Ownership yes, Data partly, Buy-in no, Metrics partly → https://x.test/r/not-x/#r=1C"
    );
    assert!(!texts.comment.contains("missing"));
}

#[test]
fn an_unfinished_dimension_is_said_to_be_not_finished() {
    let set = readiness_check::core::content::question_set(2).expect("set 2");
    let mut slots = vec![Some(Answer::Level(3)); set.question_count()];
    slots[set.question_count() - 1] = None;
    let texts = share_texts(&Report::new(&Answers::from_slots(set, slots).expect("valid")), "L", "");
    assert!(
        texts.comment.ends_with("– not finished. Ownership yes, Data yes, Buy-in yes, Metrics not finished → L"),
        "{}",
        texts.comment
    );
}

#[test]
fn the_memo_header_names_the_check_the_date_the_pilot_and_the_link() {
    let own = memo_header((2026, 12, 3), "invoice triage", "https://x.test/r/ready/#r=1C", false);
    assert_eq!(own.title, "Scaling Readiness Check: results memo");
    assert_eq!(own.date, "3 December 2026");
    assert_eq!(own.pilot, "Pilot: invoice triage");
    assert_eq!(own.link, "https://x.test/r/ready/#r=1C");
    let theirs = memo_header((2027, 1, 31), "", "L", true);
    assert_eq!(
        (theirs.title.as_str(), theirs.date.as_str(), theirs.pilot.as_str()),
        ("Scaling Readiness Check: shared results memo", "31 January 2027", "Pilot: not named")
    );
}
