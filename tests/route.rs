//! Checks reading the address: routes, pasted links and embed options (themes, accents).
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::route::{EmbedOptions, LinkCode, Route, Theme, code_in_link};

#[test]
fn routes_by_fragment() {
    let cases = [
        ("", Route::Own { progress: None }),
        ("#", Route::Own { progress: None }),
        ("#s=S2;1Bx;q1;", Route::Own { progress: Some("S2;1Bx;q1;".to_owned()) }),
        ("#r=1Bg15AMzMTg", Route::Shared("1Bg15AMzMTg".to_owned())),
        ("#t=T1C", Route::Team(Some("T1C".to_owned()))),
        ("#team", Route::Team(None)),
        ("#embed-kit", Route::EmbedKit),
        ("#something-else", Route::Own { progress: None }),
    ];
    for (fragment, expected) in cases {
        assert_eq!(Route::parse(fragment), expected, "{fragment}");
    }
}

#[test]
fn finds_the_code_in_pasted_lines() {
    assert_eq!(code_in_link("https://e.test/r/ready/#r=1Bg15AMzMTg"), LinkCode::Result("1Bg15AMzMTg"));
    assert_eq!(code_in_link("  1Bg15AMzMTg "), LinkCode::Result("1Bg15AMzMTg"));
    assert_eq!(code_in_link("https://e.test/#t=T1Bxx~1B"), LinkCode::Team("T1Bxx~1B"));
    assert_eq!(code_in_link("T1Bxx~1B"), LinkCode::Team("T1Bxx~1B"));
}

#[test]
fn theme_and_flags_ignore_bad_values() {
    let options = EmbedOptions::parse("?embed&theme=dark&bg=transparent&events");
    assert!(options.embed && options.transparent && options.events);
    assert_eq!(options.theme, Theme::Dark);
    let options = EmbedOptions::parse("?theme=purple&bg=red&embed=0&events=false");
    assert_eq!(options, EmbedOptions::default());
}

#[test]
fn an_accent_applies_only_to_the_themes_where_it_reads_at_aa() {
    // (value, applied in light, applied in dark), contrast computed by WCAG's formula.
    let cases = [
        ("0b5cc2", true, false),  // 5.9:1 on light, 2.5:1 on dark
        ("8a1c7c", true, false),  // 7.7:1 on light
        ("7cb4ff", false, true),  // 7.5:1 on dark
        ("ffb300", false, true),  // 8.9:1 on dark
        ("ff0000", false, false), // 3.7:1 and 4.0:1: nowhere
        ("000000", true, false),
        ("ffffff", false, true),
        ("%230B5CC2", true, false), // an encoded '#' and upper case are accepted
    ];
    for (value, light, dark) in cases {
        let options = EmbedOptions::parse(&format!("accent={value}"));
        assert_eq!(options.accent_light.is_some(), light, "{value} in light");
        assert_eq!(options.accent_dark.is_some(), dark, "{value} in dark");
        if let Some(colour) = options.accent_light.or(options.accent_dark) {
            assert_eq!(colour.len(), 7);
            assert!(
                colour.starts_with('#')
                    && colour[1..].chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            );
        }
    }
    for bad in ["javascript:alert(1)", "ff0000;background:url(x)", "fff", "gggggg", "ff00001", ""] {
        let options = EmbedOptions::parse(&format!("accent={bad}"));
        assert_eq!((options.accent_light, options.accent_dark), (None, None), "{bad}");
    }
}
