//! Checks that the static intro in index.html (shown before the wasm arrives) says what the
//! app's intro says, and that its start link is one the app understands.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::content::{CURRENT, intro};
use readiness_check::core::route::Route;

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html")
}

/// The static intro block, between its markers.
fn static_intro(html: &str) -> &str {
    let start = html.find("<!-- static-intro:").expect("start marker");
    let end = html.find("<!-- /static-intro -->").expect("end marker");
    &html[start..end]
}

#[test]
fn the_static_intro_says_what_the_app_says() {
    let html = index_html();
    let block = static_intro(&html);
    let count = format!("{}{}", CURRENT.question_count(), intro::DURATION);
    let lead = format!("{}<a href=\"{}\"", intro::LEAD, CURRENT.essay_url);
    let expected = [intro::HEADLINE, &lead, intro::ESSAY_LINK, intro::LEAD_END, &count, intro::START];
    let time_frame = CURRENT.time_frame.unwrap_or_default();
    for text in expected.into_iter().chain(intro::FACTS).chain([time_frame]) {
        assert!(block.contains(text), "index.html's static intro lacks {text:?}");
    }
}

#[test]
fn its_start_link_is_a_route_the_app_acts_on() {
    let html = index_html();
    assert!(static_intro(&html).contains("id=\"start\" class=\"button primary\" href=\"#start\""));
    assert_eq!(Route::parse("#start"), Route::Start);
    // The head script shows the first question at #start, hides the intro for any other
    // screen, and shows no static screen for embeds and inside frames.
    assert!(
        html.contains("start=h==='#start'")
            && html.contains("self!==top")
            && html.contains("addEventListener('hashchange',route)")
    );
}

/// The static first question block, between its markers.
fn static_question(html: &str) -> &str {
    let start = html.find("<!-- static-question:").expect("start marker");
    let end = html.find("<!-- /static-question -->").expect("end marker");
    &html[start..end]
}

/// The static first question is the current set's first question, word for word, with the
/// radio values the app reads when it adopts the reader's choice.
#[test]
fn the_static_first_question_is_the_apps_first_question() {
    use readiness_check::core::answers::Answer;
    let html = index_html();
    let block = static_question(&html);
    let (dimension, question) = CURRENT.locate(0).expect("a first question");
    let dimension = &CURRENT.dimensions[dimension];
    let total = CURRENT.question_count();
    let texts = [
        format!("<legend id=\"static-q-legend\" tabindex=\"-1\">{}</legend>", question.prompt.replace('&', "&amp;")),
        format!(
            "<span class=\"dimension-name\">{}</span> · question 1 of {} · <span>1 of {total}</span>",
            dimension.name,
            dimension.questions.len()
        ),
        format!("question 1 of {total}</h1>"),
        format!("aria-valuemax=\"{total}\""),
        format!("<p class=\"time-frame\">{}</p>", CURRENT.time_frame.unwrap_or_default()),
    ];
    for text in &texts {
        assert!(block.contains(text.as_str()), "index.html's static question lacks {text:?}");
    }
    let options: Vec<(String, &str)> = question
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| (Answer::Level(i as u8).radio_value(), o.text))
        .chain([(Answer::DontKnow.radio_value(), "I don't know")])
        .collect();
    for (value, text) in &options {
        let radio = format!("name=\"static-answer\" value=\"{value}\"><span>{text}</span>");
        assert!(block.contains(&radio), "index.html's static question lacks the option {radio:?}");
        assert_eq!(Answer::from_radio_value(value).map(|a| a.radio_value()), Some(value.clone()), "{value} reads back");
    }
    assert_eq!(block.matches("name=\"static-answer\"").count(), options.len(), "no other options");
}

/// The per-outcome pages' static shared view (written by the build from `core::outcome`) uses
/// the app's words: its verdicts are the core's, and the app's shared view says the rest as
/// the core does.
#[test]
fn the_static_shared_view_says_what_the_app_says() {
    use readiness_check::core::outcome::shared_view;
    // The shared view is `ui/shared_result.rs` around the report's verdict block (`ui/report.rs`,
    // which says "Their verdict" for someone else's results).
    let read = |path: &str| std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path);
    let ui = read("src/ui/shared_result.rs") + &read("src/ui/report.rs");
    for text in [shared_view::BANNER, shared_view::HEADING, shared_view::TAKE_CHECK, shared_view::VERDICT_TITLE] {
        assert!(ui.contains(&format!("\"{text}\"")), "the app's shared view lacks {text:?}");
    }
}
