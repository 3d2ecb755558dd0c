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
    // The head script hides it for any other screen, for embeds and inside frames.
    assert!(html.contains("location.hash!=='#start'") && html.contains("self!==top"));
}
