//! Checks the share texts and result-image content built from a report.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::scoring::Report;
use readiness_check::core::session::{Action, Session};
use readiness_check::core::share_text::{encode_component, image_card, share_texts, squares};

fn answers(levels: &[Option<Answer>]) -> Answers {
    Answers::from_slots(CURRENT, levels.to_vec()).expect("valid answers")
}

fn all(level: u8) -> Answers {
    answers(&vec![Some(Answer::Level(level)); CURRENT.question_count()])
}

/// Ownership and Data best, Buy-in and Metrics worst.
fn half() -> Answers {
    let slots: Vec<Option<Answer>> = CURRENT
        .dimensions
        .iter()
        .enumerate()
        .flat_map(|(d, dimension)| {
            dimension.questions.iter().map(move |_| Some(Answer::Level(if d < 2 { 3 } else { 0 })))
        })
        .collect();
    answers(&slots)
}

#[test]
fn the_comment_says_score_squares_blockers_and_link() {
    let report = Report::new(&half());
    assert_eq!(squares(&report), "🟩🟩🟥🟥");
    let texts = share_texts(&report, "https://x.test/r/not-bm/#r=1B", "invoice triage");
    assert_eq!(
        texts.comment,
        "AI pilot \"invoice triage\" scaling readiness: 2/4 🟩🟩🟥🟥 – not ready: Buy-in, Metrics missing → https://x.test/r/not-bm/#r=1B"
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
    assert!(ready.alt.starts_with("Scaling Readiness Check result: Ready to scale."));
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
