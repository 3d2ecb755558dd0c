//! Checks that the stylesheet's colours are the core's (`core::theme`): every colour custom
//! property of the light and dark themes, and the text on a primary button.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::theme::{DARK, LIGHT, Palette, hex};

fn stylesheet() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).expect("style/main.css")
}

/// The declarations of every rule whose selector is exactly `selector` (outermost or inside
/// an at-rule) and that sets custom properties, in order.
fn blocks<'a>(css: &'a str, selector: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find(selector) {
        let after = &rest[at + selector.len()..];
        let starts_rule = rest[..at].trim_end().ends_with(['{', '}', ';', '/']) || rest[..at].trim_end().is_empty();
        match after.trim_start().strip_prefix('{') {
            Some(body) if starts_rule => {
                let end = body.find('}').expect("a closed rule");
                if body[..end].contains("--") {
                    found.push(&body[..end]);
                }
            }
            _ => {}
        }
        rest = after;
    }
    found
}

/// The custom properties a rule sets that hold a colour, with the colour (a `var(…, #hex)`
/// fallback counts as its colour).
fn colours(block: &str) -> Vec<(String, String)> {
    block
        .split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.split_once(':')?;
            let name = name.trim();
            let value = value.trim();
            let colour = value.rsplit([' ', '(', ',']).next()?.trim_end_matches(')');
            (name.starts_with("--") && colour.starts_with('#')).then(|| (name.to_owned(), colour.to_ascii_lowercase()))
        })
        .collect()
}

fn assert_palette(block: &str, palette: &Palette, which: &str) {
    let set = colours(block);
    let expected: Vec<(String, String)> =
        palette.custom_properties().iter().map(|(name, rgb)| ((*name).to_owned(), hex(*rgb))).collect();
    assert_eq!(set, expected, "{which}: style/main.css's colours are not core::theme's");
}

#[test]
fn the_light_theme_is_the_cores() {
    let css = stylesheet();
    let light = blocks(&css, ".widget");
    assert_eq!(light.len(), 1, "one `.widget` rule sets the light theme");
    assert_palette(light[0], &LIGHT, "light");
    assert!(css.contains("button.primary, .button.primary { background: var(--accent); color: var(--surface); }"));
    assert_eq!(LIGHT.on_accent, LIGHT.surface);
}

#[test]
fn the_dark_theme_is_the_cores_forced_and_automatic() {
    let css = stylesheet();
    let forced = blocks(&css, ".widget[data-theme=\"dark\"]");
    let auto = blocks(&css, ".widget[data-theme=\"auto\"]");
    assert_eq!((forced.len(), auto.len()), (1, 1), "one dark rule of each kind");
    assert_palette(forced[0], &DARK, "dark");
    assert_palette(auto[0], &DARK, "dark (auto)");
    let on_accent = format!("color: {};", hex(DARK.on_accent));
    let primary =
        css.lines().filter(|line| line.contains("button.primary") && line.contains("data-theme")).collect::<Vec<_>>();
    assert_eq!(primary.len(), 2, "the dark primary button, forced and automatic");
    assert!(primary.iter().all(|line| line.contains(&on_accent)), "{primary:?}");
}

#[test]
fn the_parser_reads_a_fallback_and_ignores_other_properties() {
    let block = "--accent: var(--accent-light, #0B5CC2); --radius: 0.5rem; color: #000; --bg: #fff";
    assert_eq!(colours(block), [("--accent".to_owned(), "#0b5cc2".to_owned()), ("--bg".to_owned(), "#fff".to_owned())]);
}
