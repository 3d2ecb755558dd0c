//! Checks the outcomes a results link can point at: one per set of blocking dimensions, named
//! as the results link names them, with the words the per-outcome pages show.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::content::{CURRENT, QUESTION_SETS};
use readiness_check::core::outcome::{Outcome, is_outcome_slug};
use readiness_check::core::scoring::Verdict;

fn slugs() -> Vec<String> {
    Outcome::all(CURRENT).iter().map(|o| o.slug(CURRENT)).collect()
}

#[test]
fn there_is_one_outcome_per_set_of_blocking_dimensions_in_a_fixed_order() {
    assert_eq!(
        slugs(),
        [
            "ready", "not-o", "not-d", "not-b", "not-m", "not-od", "not-ob", "not-om", "not-db", "not-dm", "not-bm",
            "not-odb", "not-odm", "not-obm", "not-dbm", "not-odbm"
        ]
    );
}

#[test]
fn an_outcome_is_named_as_a_results_link_names_it_in_every_set() {
    for set in QUESTION_SETS {
        for outcome in Outcome::all(set) {
            let verdict = if outcome.is_ready() {
                Verdict::Ready
            } else {
                Verdict::NotReady { blocking: outcome.blocking().to_vec() }
            };
            assert_eq!(outcome.slug(set), verdict.outcome_slug(set));
            assert_eq!(Outcome::of(&verdict), Some(outcome.clone()));
            assert_eq!(Outcome::from_slug(&outcome.slug(set), set), Some(outcome));
        }
        // Weakest first in the verdict, asking order in the slug.
        let verdict = Verdict::NotReady { blocking: vec![3, 0] };
        assert_eq!(Outcome::of(&verdict).map(|o| o.slug(set)), Some("not-om".to_owned()));
        assert_eq!(Outcome::of(&Verdict::Incomplete { missing: vec![1] }), None);
    }
}

#[test]
fn only_the_outcomes_names_are_outcome_folders() {
    for slug in slugs() {
        assert!(is_outcome_slug(&slug), "{slug}");
    }
    for name in ["", "not-", "incomplete", "not-do", "not-oo", "not-x", "ready/", "Ready", "not-odbmo", "tools"] {
        assert!(!is_outcome_slug(name), "{name:?}");
    }
    // Every name of up to five letters from the slugs' own alphabet: exactly the 16 are.
    let letters: Vec<char> = "-adbmnotry".chars().collect();
    let mut names = vec![String::new()];
    for _ in 0..5 {
        let longer: Vec<String> = names.iter().flat_map(|n| letters.iter().map(move |c| format!("{n}{c}"))).collect();
        names.extend(longer);
    }
    names.sort();
    names.dedup();
    let all = slugs();
    for name in names.iter().map(|n| format!("not-{n}")).chain(names.iter().cloned()) {
        assert_eq!(is_outcome_slug(&name), all.contains(&name), "{name:?}");
    }
}

#[test]
fn the_pages_words_say_the_verdict() {
    let ready = Outcome::from_slug("ready", CURRENT).expect("ready");
    assert_eq!(ready.title(CURRENT), "Ready to scale by the essay's four tests: all four dimensions pass");
    assert_eq!(
        ready.description(CURRENT),
        "This AI pilot passes the essay's Scaling Readiness Test on ownership, data, buy-in and metrics. Take the 6-minute check for yours and compare."
    );
    assert_eq!(ready.sentence(CURRENT), "All four dimensions pass the essay's readiness test.");
    let one = Outcome::from_slug("not-b", CURRENT).expect("not-b");
    assert_eq!(one.title(CURRENT), "Not ready to scale yet: Buy-in is blocking");
    assert_eq!(
        one.description(CURRENT),
        "This AI pilot doesn't pass the essay's Scaling Readiness Test yet: Buy-in is not a yes. Take the 6-minute check for yours and compare."
    );
    let all = Outcome::from_slug("not-odbm", CURRENT).expect("not-odbm");
    assert_eq!(all.title(CURRENT), "Not ready to scale yet: Ownership, Data, Buy-in and Metrics are blocking");
    assert_eq!(
        all.sentence(CURRENT),
        "By the essay's rule every dimension must be a yes. Blocking: Ownership, Data, Buy-in and Metrics."
    );
    assert_eq!((all.headline(CURRENT), all.key()), ("Not ready to scale yet", "not-ready"));
    assert_eq!((ready.headline(CURRENT), ready.key()), ("Ready to scale by the essay's four tests", "ready"));
}

/// Every outcome has its committed preview card, and no card is left for an outcome that is gone.
#[test]
fn every_outcome_has_its_preview_card() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/preview");
    let mut cards: Vec<String> = std::fs::read_dir(folder)
        .expect("preview/")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".png").map(str::to_owned))
        .filter(|name| name != "check")
        .collect();
    cards.sort();
    let mut expected = slugs();
    expected.sort();
    assert_eq!(cards, expected);
}
