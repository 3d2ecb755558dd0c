//! The accent in both palettes: WCAG contrast computed, shades derived where a colour does not
//! read, and what an address's `accent` and `accent_dark` become.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::embed::EmbedOptions;
use readiness_check::core::theme::*;

fn rgb(hex: &str) -> Rgb {
    parse_hex(hex).expect("six hex digits")
}

fn two_places(ratio: f64) -> String {
    format!("{ratio:.2}")
}

#[test]
fn contrast_follows_wcag() {
    // (colour, against, ratio): WCAG 2's own end points, then the palettes' pairs.
    let cases = [
        ("000000", "ffffff", "21.00"),
        ("ffffff", "ffffff", "1.00"),
        ("777777", "ffffff", "4.48"), // the famous "just below AA" grey
        ("767676", "ffffff", "4.54"),
        ("c2410c", "f6f7f9", "4.83"),
        ("c2410c", "ffffff", "5.18"),
        ("c2410c", "15171a", "3.47"),
        ("c2410c", "1f2226", "3.08"),
        ("c2410c", "10161f", "3.51"),
        ("0b5cc2", "f6f7f9", "5.89"),
        ("7cb4ff", "1f2226", "7.47"),
    ];
    for (a, b, ratio) in cases {
        assert_eq!(two_places(contrast(rgb(a), rgb(b))), ratio, "{a} on {b}");
        assert_eq!(two_places(contrast(rgb(b), rgb(a))), ratio, "{b} on {a}: symmetric");
    }
}

#[test]
fn the_palettes_own_accents_read_in_their_palette() {
    for scheme in [Scheme::Light, Scheme::Dark] {
        assert!(reads(scheme.default_accent(), scheme), "{}", scheme.name());
    }
    assert!(!reads(Scheme::Light.default_accent(), Scheme::Dark));
    assert!(!reads(Scheme::Dark.default_accent(), Scheme::Light));
}

#[test]
fn a_colour_that_does_not_read_gets_its_nearest_shade_that_does() {
    // (given, used in light, used in dark): computed, each checked against AA below.
    let cases = [
        ("c2410c", "#c2410c", "#f05211"), // orange: reads on light (4.83), 3.08 on the dark surface
        ("0b5cc2", "#0b5cc2", "#3288f3"),
        ("8a1c7c", "#8a1c7c", "#db4ec9"),
        ("7cb4ff", "#0069f6", "#7cb4ff"), // a dark-theme blue, made darker for light
        ("ffb300", "#966900", "#ffb300"),
        ("ff0000", "#e50000", "#ff3a3a"), // reads in neither as given
        ("0000ff", "#0000ff", "#7878ff"),
        ("777777", "#717171", "#888888"), // grey stays grey
        ("000000", "#000000", "#888888"),
        ("ffffff", "#717171", "#ffffff"),
    ];
    for (given, light, dark) in cases {
        let colour = rgb(given);
        for (scheme, expected) in [(Scheme::Light, light), (Scheme::Dark, dark)] {
            let used = readable_shade(colour, scheme);
            assert_eq!(to_hex(used), expected, "{given} in {}", scheme.name());
            assert!(worst_contrast(used, scheme) >= AA, "{given} in {}", scheme.name());
            assert_eq!(used == colour, reads(colour, scheme), "{given}: kept exactly when it reads");
        }
    }
}

#[test]
fn every_colour_has_a_readable_shade_of_its_own_hue() {
    // Every hue, saturation and lightness on a coarse grid: the shade reads, and it keeps the
    // hue (a grey stays grey, a red stays red) within rounding.
    for r in (0..=255).step_by(17) {
        for g in (0..=255).step_by(17) {
            for b in (0..=255).step_by(17) {
                let colour = [r as u8, g as u8, b as u8];
                for scheme in [Scheme::Light, Scheme::Dark] {
                    let used = readable_shade(colour, scheme);
                    assert!(reads(used, scheme), "{} in {}", to_hex(colour), scheme.name());
                    let order = |[r, g, b]: Rgb| {
                        let mut channels = [(r, 0), (g, 1), (b, 2)];
                        channels.sort();
                        channels.map(|(_, i)| i)
                    };
                    let distinct = |[r, g, b]: Rgb| r.abs_diff(g) > 24 && g.abs_diff(b) > 24 && r.abs_diff(b) > 24;
                    if distinct(colour) && distinct(used) {
                        assert_eq!(order(used), order(colour), "{} → {}", to_hex(colour), to_hex(used));
                    }
                }
            }
        }
    }
}

#[test]
fn an_address_sets_both_palettes_from_accent_or_the_dark_one_from_accent_dark() {
    let accents = Accents::parse(Some("c2410c"), None);
    let light = accents.light.expect("light");
    let dark = accents.dark.expect("dark");
    assert!(!light.is_shade() && dark.is_shade());
    assert_eq!((to_hex(light.used), to_hex(dark.used)), ("#c2410c".to_owned(), "#f05211".to_owned()));

    // The author's own dark accent wins for the dark palette, and is checked too.
    let accents = Accents::parse(Some("c2410c"), Some("%23FB923C"));
    assert_eq!(accents.dark.map(|a| (a.is_shade(), to_hex(a.used))), Some((false, "#fb923c".to_owned())));
    let accents = Accents::parse(Some("c2410c"), Some("7c2d12"));
    assert_eq!(accents.dark.map(|a| (a.given, a.is_shade())), Some((rgb("7c2d12"), true)));
    // A bad dark value is ignored: the dark palette then follows `accent`.
    let accents = Accents::parse(Some("c2410c"), Some("orange"));
    assert_eq!(accents.dark.map(|a| a.given), Some(rgb("c2410c")));
    // `accent_dark` alone leaves the light palette its own.
    let accents = Accents::parse(None, Some("fb923c"));
    assert_eq!((accents.light, accents.dark.map(|a| a.given)), (None, Some(rgb("fb923c"))));

    let options = EmbedOptions::parse("?embed&theme=dark&accent=c2410c");
    assert_eq!(options.accent_light.as_deref(), Some("#c2410c"));
    assert_eq!(options.accent_dark.as_deref(), Some("#f05211"));
    let options = EmbedOptions::parse("?accent=c2410c&accent_dark=fb923c");
    assert_eq!(options.accent_dark.as_deref(), Some("#fb923c"));
}

#[test]
fn the_palette_colours_are_the_stylesheets() {
    // main.css is the other home of these colours; they must say the same.
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).expect("main.css");
    let light = css.split(".widget {").nth(1).expect("light block");
    let dark = css.split(".widget[data-theme=\"dark\"] {").nth(1).expect("dark block");
    for (block, name, colour) in [
        (light, "--bg", LIGHT_BACKGROUND),
        (light, "--surface", WHITE),
        (light, "--accent: var(--accent-light,", Scheme::Light.default_accent()),
        (dark, "--bg", DARK_BACKGROUND),
        (dark, "--surface", DARK_SURFACE),
        (dark, "--accent: var(--accent-dark,", Scheme::Dark.default_accent()),
    ] {
        let declared = block.split(name).nth(1).and_then(|rest| rest.split(['#']).nth(1)).map(|v| &v[..6]);
        assert_eq!(declared.map(rgb), Some(colour), "{name}");
    }
    assert!(css.contains(&format!("button.primary {{ color: {}; }}", to_hex(DARK_TEXT_ON_ACCENT))));
}
