//! The embed kit's texts: the address and snippets an author's choices make, the accent notes,
//! the link cards, and their agreement with the files they describe (`index.html`,
//! `embed/embed.js`).
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::embed::EmbedOptions;
use readiness_check::core::kit::*;
use readiness_check::core::link_card::{check_card, outcome_card};
use readiness_check::core::links::is_outcome_slug;
use readiness_check::core::route::Theme;
use readiness_check::core::theme::{AA, Scheme};

const BASE: &str = "https://example.com/readiness/";

fn file(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

#[test]
fn the_choices_make_the_address_the_widget_reads() {
    let cases = [
        (KitChoice::default(), "embed"),
        (KitChoice { theme: Theme::Dark, ..KitChoice::default() }, "embed&theme=dark"),
        (
            KitChoice {
                theme: Theme::Light,
                accent: " #C2410C ".to_owned(),
                transparent: true,
                events: true,
                benchmark: String::new(),
            },
            "embed&theme=light&accent=c2410c&bg=transparent&events",
        ),
        (KitChoice { accent: "orange".to_owned(), ..KitChoice::default() }, "embed"),
    ];
    for (choice, query) in cases {
        assert_eq!(choice.query(), query);
        assert_eq!(choice.frame_address(BASE), format!("{BASE}?{query}"));
        // The widget reads back exactly what was picked.
        let options = EmbedOptions::parse(&choice.query());
        assert!(options.embed);
        assert_eq!(options.theme, choice.theme);
        assert_eq!(options.transparent, choice.transparent);
        assert_eq!(options.events, choice.events);
        assert_eq!(options.accent_light.is_some(), choice.accent_colour().is_some());
    }
    assert!(KitChoice { accent: "orange".to_owned(), ..KitChoice::default() }.accent_is_invalid());
    assert!(!KitChoice::default().accent_is_invalid());
}

/// A benchmark readers' results made from the Substack thread fixture (13 readers, 3 ready).
const THREAD_BENCH: &str = "B1AANAADfDy6_JkbDy6GhkbHx8PJkTHz4CHkEW";

#[test]
fn a_benchmark_pasted_in_any_form_goes_into_every_address_and_snippet() {
    let pasted = [
        THREAD_BENCH.to_owned(),
        format!("  {THREAD_BENCH}\n"),
        format!("bench={THREAD_BENCH}"),
        format!("?bench={THREAD_BENCH}"),
        format!("{BASE}?bench={THREAD_BENCH}"),
        format!("{BASE}?embed&bench={THREAD_BENCH}#start"),
    ];
    for benchmark in pasted {
        let choice = KitChoice { events: true, benchmark: benchmark.clone(), ..KitChoice::default() };
        assert_eq!(choice.query(), format!("embed&bench={THREAD_BENCH}&events"), "{benchmark:?}");
        assert_eq!(
            choice.benchmark_note(),
            Some(BenchmarkNote::Reads(
                "Among 13 readers who shared their results, 3 (23%) are ready to scale. Each reader's results will say where they stand among them.".to_owned()
            ))
        );
        let with_bench = format!("{BASE}?bench={THREAD_BENCH}");
        assert_eq!(choice.check_address(BASE), with_bench);
        for host in hosts(&choice, BASE) {
            assert!(host.paste.text.contains(&format!("bench={THREAD_BENCH}")), "{}: {}", host.id, host.paste.text);
        }
        assert!(hosts(&choice, BASE)[0].paste.text == with_bench, "Substack's link is the address with the benchmark");
    }
}

#[test]
fn a_benchmark_that_does_not_read_is_explained_and_left_out() {
    let cases = [
        (&THREAD_BENCH[..20], "cut off"),
        (&format!("{THREAD_BENCH}x")[..], "added"),
        (&THREAD_BENCH.replace("AANAAD", "AANAAE")[..], "damaged"),
        ("B2AANAADfDy6_JkbDy6GhkbHx8PJkTHz4CHkEW", "newer version"),
        (&format!("{BASE}?embed")[..], "damaged"),
    ];
    for (benchmark, words) in cases {
        let choice = KitChoice { benchmark: benchmark.to_owned(), ..KitChoice::default() };
        match choice.benchmark_note() {
            Some(BenchmarkNote::Unreadable(text)) => assert!(text.contains(words), "{benchmark}: {text}"),
            other => panic!("{benchmark}: {other:?}"),
        }
        assert_eq!(choice.query(), "embed", "{benchmark}");
        assert_eq!(choice.check_address(BASE), BASE);
    }
    assert_eq!(KitChoice { benchmark: "  ".to_owned(), ..KitChoice::default() }.benchmark_note(), None);
}

#[test]
fn the_snippet_is_an_iframe_of_that_address_and_embed_js() {
    let choice = KitChoice { theme: Theme::Dark, accent: "c2410c".to_owned(), events: true, ..KitChoice::default() };
    let snippet = choice.html_snippet(BASE);
    assert_eq!(
        snippet,
        "<iframe src=\"https://example.com/readiness/?embed&amp;theme=dark&amp;accent=c2410c&amp;events\" title=\"Scaling Readiness Check\" style=\"width:100%;border:0\" height=\"640\" loading=\"lazy\" allow=\"clipboard-write; web-share\"></iframe>\n<script src=\"https://example.com/readiness/embed.js\" defer></script>"
    );
    // A base that somehow holds a quote cannot end the attribute.
    assert!(!KitChoice::default().iframe("https://e.test/\"onload=\"x/").contains("\"onload"));
}

#[test]
fn every_host_has_steps_and_what_they_paste() {
    let choice = KitChoice::default();
    let hosts = hosts(&choice, BASE);
    let names: Vec<&str> = hosts.iter().map(|h| h.name).collect();
    assert_eq!(names, ["Substack", "Medium", "LinkedIn", "WordPress", "Ghost", "Plain HTML"]);
    for host in &hosts {
        assert!(!host.steps.is_empty(), "{}", host.name);
        let paste = &host.paste.text;
        let frames = ["WordPress", "Ghost", "Plain HTML"].contains(&host.name);
        // Hosts that take iframes get the snippet; the others the link, never an iframe.
        assert_eq!(paste.contains("<iframe"), frames, "{}", host.name);
        assert!(paste.contains(BASE), "{}", host.name);
    }
    assert_eq!(hosts.iter().filter(|h| h.button_image).map(|h| h.name).collect::<Vec<_>>(), ["Substack"]);
    let mut ids: Vec<&str> = hosts.iter().flat_map(|h| [h.id, h.paste.id]).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 12, "every id once");
}

#[test]
fn the_button_takes_the_accent_as_the_light_theme_shows_it() {
    let with = |accent: &str| KitChoice { accent: accent.to_owned(), ..KitChoice::default() }.button_colour();
    assert_eq!(with(""), "#0b5cc2", "the widget's own");
    assert_eq!(with("c2410c"), "#c2410c");
    assert_eq!(with("ffb300"), "#966900", "a light colour darkened until white text reads on it");
    assert_eq!(with("nope"), "#0b5cc2");
}

#[test]
fn accent_notes_say_what_each_theme_shows() {
    let choice = KitChoice { accent: "c2410c".to_owned(), ..KitChoice::default() };
    let notes = choice.accent_notes();
    assert_eq!(notes.len(), 2, "auto shows both themes");
    assert_eq!((notes[0].scheme, notes[0].used.as_str()), (Scheme::Light, "#c2410c"));
    assert_eq!(notes[0].text, "Light theme: #c2410c reads at AA (4.8:1).");
    assert_eq!((notes[1].scheme, notes[1].used.as_str()), (Scheme::Dark, "#f05211"));
    assert_eq!(
        notes[1].text,
        "Dark theme: #c2410c can't be read there (3.1:1, AA needs 4.5:1), so the widget uses #f05211, the nearest lighter shade that can (4.5:1)."
    );
    for note in &notes {
        assert!(note.ratio >= AA);
    }
    let options = choice.options();
    assert_eq!((options.accent_light.as_deref(), options.accent_dark.as_deref()), (Some("#c2410c"), Some("#f05211")));

    let dark_only = KitChoice { theme: Theme::Dark, accent: "7cb4ff".to_owned(), ..KitChoice::default() };
    assert_eq!(dark_only.accent_notes().len(), 1);
    assert!(KitChoice::default().accent_notes().is_empty());
    assert!(KitChoice { accent: "nope".to_owned(), ..KitChoice::default() }.accent_notes().is_empty());
}

#[test]
fn the_listener_example_listens_for_the_event_embed_js_dispatches() {
    let embed_js = file("embed/embed.js");
    assert!(embed_js.contains(&format!("new CustomEvent('{RESULT_EVENT}'")), "embed.js dispatches {RESULT_EVENT}");
    assert!(embed_js.contains("bubbles: true"), "the example listens on the document");
    let example = listener_example();
    assert!(example.contains(&format!("document.addEventListener('{RESULT_EVENT}'")));
    // Every field the example names is one the result message has.
    let message = readiness_check::core::host_messages::result_message(
        &readiness_check::core::answers::Answers::empty(readiness_check::core::content::CURRENT),
        "",
        BASE,
    );
    let json = serde_json::to_string(&message).expect("json");
    for field in ["verdict", "blocking", "dimensions", "link"] {
        assert!(example.contains(&format!("result.{field}")), "{field} in the example");
        assert!(json.contains(&format!("\"{field}\":")), "{field} in the message");
    }
    assert!(example.contains("{ id, name, score (0-100 or null), band (\"yes\", \"partly\", \"no\" or null) }"));
    for field in ["id", "name", "score", "band"] {
        assert!(json.contains(&format!("\"{field}\":")), "{field} in the message's dimensions");
    }
}

#[test]
fn the_frame_height_cap_is_embed_js_s() {
    assert!(file("embed/embed.js").contains(&format!("var MAX_HEIGHT = {MAX_FRAME_HEIGHT};")));
}

#[test]
fn the_check_card_is_what_index_html_says() {
    let html = file("index.html");
    let meta = |key: &str| {
        let start = format!("property=\"{key}\" content=\"");
        let at = html.find(&start).unwrap_or_else(|| panic!("{key}"));
        let rest = &html[at + start.len()..];
        rest[..rest.find('"').expect("end")].to_owned()
    };
    let card = check_card();
    assert_eq!(meta("og:title"), card.title);
    assert_eq!(meta("og:description"), card.description);
    assert_eq!(meta("og:image"), card.image);
    assert_eq!(meta("og:image:alt"), card.image_alt);
}

#[test]
fn every_outcome_has_a_card_and_no_other_slug_does() {
    let mut slugs = vec!["ready".to_owned()];
    for mask in 1..16u8 {
        let initials: String =
            "odbm".chars().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, c)| c).collect();
        slugs.push(format!("not-{initials}"));
    }
    for slug in &slugs {
        assert!(is_outcome_slug(slug));
        let card = outcome_card(slug).unwrap_or_else(|| panic!("{slug}"));
        assert_eq!(card.image, format!("preview/{slug}.png"));
        assert!(std::path::Path::new(&format!("{}/{}", env!("CARGO_MANIFEST_DIR"), card.image)).exists(), "{slug}");
    }
    assert_eq!(outcome_card("not-d").map(|c| c.title).as_deref(), Some("Not ready to scale yet: Data is blocking"));
    assert_eq!(
        outcome_card("not-obm").map(|c| c.title).as_deref(),
        Some("Not ready to scale yet: Ownership, Buy-in and Metrics are blocking")
    );
    for bad in ["not-", "not-do", "not-oo", "not-x", "incomplete", ""] {
        assert_eq!(outcome_card(bad), None, "{bad}");
    }
}
