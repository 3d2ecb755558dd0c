//! Checks the 404 page's rule (`core::lost_link`): a link whose `#` arrived escaped goes where
//! it meant, at any depth of the site, and anything else is offered the check at the base.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::lost_link::{Recovery, base_of, recover};

fn go(to: &str) -> Recovery {
    Recovery::GoTo(to.to_owned())
}

fn offer(base: &str) -> Recovery {
    Recovery::Offer(base.to_owned())
}

#[test]
fn an_escaped_hash_becomes_the_fragment_again_on_the_page_it_named() {
    let cases = [
        ("/check/r/not-od/%23r=1CABCDEFGHAB", "/check/r/not-od/#r=1CABCDEFGHAB"),
        ("/r/ready/%23r=1CABCDEFGHAB", "/r/ready/#r=1CABCDEFGHAB"),
        ("/check/%23r=1CABCDEFGHAB", "/check/#r=1CABCDEFGHAB"),
        ("/check/index.html%23start", "/check/#start"),
        ("/check/tools/%23t=T1AB~1C", "/check/tools/#t=T1AB~1C"),
        // Lower-case escapes, and the route key's `=` escaped with the `#`.
        ("/check/r/not-o/%23r%3d1CABCDEFGHAB", "/check/r/not-o/#r=1CABCDEFGHAB"),
        ("/check/r/not-o/%23r%3D1CABCDEFGHAB", "/check/r/not-o/#r=1CABCDEFGHAB"),
        // The label's own escapes stay as sent, for the app to read.
        ("/check/r/not-o/%23r=1CABCDEFGHAB.Caf%C3%A9%3D", "/check/r/not-o/#r=1CABCDEFGHAB.Caf%C3%A9%3D"),
        // Escaped twice: one whole layer is undone first.
        ("/check/r/not-o/%2523r=1CABCDEFGHAB.Caf%25C3%25A9", "/check/r/not-o/#r=1CABCDEFGHAB.Caf%C3%A9"),
        ("/check/%252523start", "/check/#start"),
        // A page that does not exist: the base, which reads any route.
        ("/check/r/not-x/%23r=1CABCDEFGHAB", "/check/#r=1CABCDEFGHAB"),
        ("/check/r/not-od/extra/%23r=1C", "/check/#r=1C"),
    ];
    for (path, expected) in cases {
        assert_eq!(recover(path, "", "", None), go(expected), "{path}");
    }
}

#[test]
fn the_query_stays_with_the_page() {
    assert_eq!(recover("/check/", "?embed%23start", "", None), go("/check/?embed#start"));
    // What followed the `#` was all fragment, the browser's query included.
    assert_eq!(recover("/check/%23start", "?embed", "", None), go("/check/#start?embed"));
}

#[test]
fn a_real_fragment_on_a_missing_page_goes_to_the_base_once() {
    assert_eq!(recover("/check/r/not-x/", "", "#r=1C", None), go("/check/#r=1C"));
    assert_eq!(recover("/check/old.html", "", "#r=1C", None), go("/check/#r=1C"));
    // Already on a page the site has: nothing to do but offer (never a loop).
    assert_eq!(recover("/check/", "", "#r=1C", None), offer("/check/"));
}

#[test]
fn anything_else_is_offered_the_check() {
    assert_eq!(recover("/check/r/not-od/nothing", "", "", None), offer("/check/"));
    assert_eq!(recover("/check/tools/x", "", "", None), offer("/check/"));
    assert_eq!(recover("/nothing/here", "", "", None), offer("/nothing/"));
    assert_eq!(recover("/check/%2Fx", "", "", None), offer("/check/"));
    assert_eq!(recover("/check/%25", "", "", None), offer("/check/"), "a lone escaped % is no escaped #");
    assert_eq!(recover("/", "", "", None), offer("/"));
    assert_eq!(recover("/", "", "#", None), offer("/"), "an empty fragment is none");
}

#[test]
fn the_known_base_wins_where_the_address_cannot_tell() {
    let known = Some("/readiness/");
    assert_eq!(recover("/readiness/a/b/c", "", "", known), offer("/readiness/"));
    assert_eq!(recover("/readiness/a/b/%23start", "", "", known), go("/readiness/#start"));
    assert_eq!(recover("/readiness/r/not-b/%23r=1C", "", "", known), go("/readiness/r/not-b/#r=1C"));
    // An address outside the known base (a host serving the page elsewhere): read from the path.
    assert_eq!(recover("/other/r/ready/%23r=1C", "", "", known), go("/other/r/ready/#r=1C"));
    assert_eq!(base_of("/other/x", known), "/other/");
}

#[test]
fn the_base_is_read_from_the_sites_layout() {
    assert_eq!(base_of("/check/r/not-odbm/", None), "/check/");
    assert_eq!(base_of("/r/ready/index.html", None), "/");
    assert_eq!(base_of("/check/tools/", None), "/check/");
    assert_eq!(base_of("/check/mytools/", None), "/check/mytools/");
    assert_eq!(base_of("/tools/", None), "/");
    assert_eq!(base_of("/a/b", None), "/a/");
}
