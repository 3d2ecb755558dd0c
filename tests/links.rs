//! Checks the links into the widget's site and its layout: results and team links, the base
//! found from any page's path, the outcome folders, and which screens load another page.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{all, half};
use readiness_check::core::answers::Answers;
use readiness_check::core::content::{CURRENT, QUESTION_SETS};
use readiness_check::core::links::{Showing, base_path, is_outcome_slug, results_link, showing, team_link};
use readiness_check::core::route::{Address, Page, Route};
use readiness_check::core::scoring::Verdict;
use readiness_check::core::share_code;

#[test]
fn results_links_point_at_the_outcome_page_with_the_code_in_the_fragment() {
    let base = "https://example.com/tools/check/";
    let cases = [
        (all(3), "", "r/ready/#r="),
        (all(0), "", "r/not-odbm/#r="),
        (half(), "invoice triage", "r/not-bm/#r="),
        (Answers::empty(CURRENT), "", "#r="),
    ];
    for (answers, label, expected) in cases {
        let link = results_link(base, &answers, label);
        let code = share_code::encode(&answers, label);
        assert_eq!(link, format!("{base}{expected}{code}"));
    }
}

#[test]
fn a_team_link_carries_every_code() {
    let codes = vec![share_code::encode(&all(3), "Owner"), share_code::encode(&all(0), "")];
    let link = team_link("https://e.test/", &codes);
    let team = link.strip_prefix("https://e.test/#t=").expect("a team fragment on the check's page");
    let members = readiness_check::core::team::decode_team(team).expect("decodes");
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].label, "Owner");
}

#[test]
fn outcome_folders_are_the_slugs_a_finished_result_can_have() {
    let cases = [
        ("ready", true),
        ("not-o", true),
        ("not-od", true),
        ("not-bm", true),
        ("not-odbm", true),
        ("not-odm", true),
        ("incomplete", false),
        ("not-", false),
        ("not-do", false),
        ("not-oo", false),
        ("not-odbmx", false),
        ("not-x", false),
        ("Ready", false),
        ("r", false),
        ("tools", false),
        ("", false),
    ];
    for (name, expected) in cases {
        assert_eq!(is_outcome_slug(name), expected, "{name:?}");
    }
}

#[test]
fn every_outcome_of_every_set_is_a_folder() {
    for set in QUESTION_SETS {
        let dimensions = set.dimensions.len();
        assert_eq!(dimensions, 4, "this test enumerates four dimensions");
        for mask in 1u32..16 {
            let blocking = (0..dimensions).filter(|&i| mask & (1 << i) != 0).collect();
            let slug = Verdict::NotReady { blocking }.outcome_slug(set);
            assert!(is_outcome_slug(&slug), "set {}: {slug}", set.id);
        }
        assert!(is_outcome_slug(&Verdict::Ready.outcome_slug(set)));
    }
}

#[test]
fn base_path_finds_the_widget_root_under_any_sub_path() {
    for (path, base) in [
        ("/", "/"),
        ("/index.html", "/"),
        ("/check/", "/check/"),
        ("/check/index.html", "/check/"),
        ("/blog/tools/check/r/not-od/", "/blog/tools/check/"),
        ("/r/ready/index.html", "/"),
        ("/r/ready", "/r/"),
        ("/check", "/"),
        ("/tools/", "/"),
        ("/tools/index.html", "/"),
        ("/check/tools/", "/check/"),
        ("//", "//"),
        ("//r/ready/", "//"),
        // Folders that only look like the site's own are pages of their own.
        ("/mytools/", "/mytools/"),
        ("/r/not-do/", "/r/not-do/"),
        ("/r/incomplete/", "/r/incomplete/"),
        ("/blog/xr/ready/", "/blog/xr/ready/"),
    ] {
        assert_eq!(base_path(path), base, "{path}");
    }
}

#[test]
fn base_path_undoes_every_page_folder() {
    let pages = [Page::Check, Page::Tools, Page::Outcome("ready".to_owned()), Page::Outcome("not-odm".to_owned())];
    for base in ["/", "/check/", "/a/b/c/", "/r/ready/check/"] {
        for page in &pages {
            let folder = Address { page: page.clone(), route: Route::Home }.folder();
            for file in ["", "index.html"] {
                assert_eq!(base_path(&format!("{base}{folder}{file}")), base, "{base}{folder}{file}");
            }
        }
    }
}

#[test]
fn only_a_tools_screen_on_the_checks_page_loads_another_page() {
    let at = |page| Address { page, route: Route::Home };
    let cases = [
        (at(Page::Tools), false, true, Showing::Load { replace: true }),
        (at(Page::Tools), false, false, Showing::Load { replace: false }),
        (at(Page::Tools), true, true, Showing::InPlace),
        (at(Page::Check), false, true, Showing::InPlace),
        (at(Page::Check), true, false, Showing::InPlace),
        (at(Page::Outcome("ready".to_owned())), false, false, Showing::InPlace),
        (at(Page::Outcome("ready".to_owned())), true, true, Showing::InPlace),
    ];
    for (address, has_tools, first, expected) in cases {
        assert_eq!(showing(&address, has_tools, first), expected, "{address:?} tools {has_tools} first {first}");
    }
}
