//! Where a link that reached no page meant to go: the rule of the site's 404 page.
//!
//! Some comment systems and mail clients escape a link's `#` as `%23` (and sometimes its `=`
//! as `%3D`, or the whole link twice, `%2523`), so `…/r/not-od/#r=1C…` arrives as the path
//! `…/r/not-od/%23r=1C…`, which names no file. The host then serves the site's `404.html`,
//! whose small script (written by the build from this rule, and checked against it) sends
//! the reader where the link meant. Only the escapes that hid the fragment are undone: what
//! follows it is left as sent, for the app to read as it reads any link
//! (`share_code::decode_as_sent`), since a label's own characters are escaped the same way.
//! Anything else offers the check, at the site's base.

use super::outcome::is_outcome_slug;

/// What the 404 page does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// Go to this address (a path on the same site, with its query and fragment).
    GoTo(String),
    /// Nothing to recover: offer the check at this base path.
    Offer(String),
}

/// How many layers of escaping are undone at most (`%23`, `%2523`, `%252523`).
const LAYERS: usize = 3;

/// The recovery for a missing page at `path` (as the browser gives it, still escaped) with
/// `query` (`?…` or empty) and `fragment` (`#…` or empty). `known_base` is the site's base
/// path when the build knew it (from `SITE_URL`); otherwise the base is read from the path.
pub fn recover(path: &str, query: &str, fragment: &str, known_base: Option<&str>) -> Recovery {
    let address = format!("{path}{query}");
    let (before, fragment) = match fragment.strip_prefix('#') {
        Some(fragment) if !fragment.is_empty() => (address.clone(), fragment.to_owned()),
        _ => match escaped_fragment(&address) {
            Some(split) => split,
            None => return Recovery::Offer(base_of(path, known_base)),
        },
    };
    let (page_path, page_query) = match before.find('?') {
        Some(at) => (&before[..at], &before[at..]),
        None => (before.as_str(), ""),
    };
    let page = page_of(page_path, known_base);
    let target = format!("{page}{page_query}#{fragment}");
    if page == path && page_query == query {
        // The page exists (so this is no 404 of ours) or would lead here again: never loop.
        return Recovery::Offer(base_of(path, known_base));
    }
    Recovery::GoTo(target)
}

/// Splits an address at its first escaped `#` (undoing up to [`LAYERS`] whole layers of
/// escaping to find it), with the route key's escaped `=` (`r%3D…`) undone in the fragment.
fn escaped_fragment(address: &str) -> Option<(String, String)> {
    let mut address = address.to_owned();
    for _ in 0..LAYERS {
        if let Some(at) = find_ignoring_case(&address, "%23") {
            let fragment = unescape_key(&address[at + 3..]);
            address.truncate(at);
            return Some((address, fragment));
        }
        // Escaped more than once, perhaps: every `%25` was a `%` (none: nothing to undo).
        find_ignoring_case(&address, "%25")?;
        address = replace_ignoring_case(&address, "%25", "%");
    }
    None
}

/// `r%3D…` → `r=…`: the route key's own `=`, escaped with the `#` (a label's `%3D` later in
/// the fragment is the label's own and stays).
fn unescape_key(fragment: &str) -> String {
    let key_length = fragment.bytes().take_while(|b| b.is_ascii_lowercase() || *b == b'-').count();
    let rest = &fragment[key_length..];
    match rest.get(..3) {
        Some(escaped) if key_length > 0 && escaped.eq_ignore_ascii_case("%3D") => {
            format!("{}={}", &fragment[..key_length], &rest[3..])
        }
        _ => fragment.to_owned(),
    }
}

/// The page a path asks for when it is one of the site's (the base, `r/<slug>/`, `tools/`),
/// else the site's base.
fn page_of(path: &str, known_base: Option<&str>) -> String {
    let folder = folder_of(path);
    let base = base_of(path, known_base);
    let inside = folder.strip_prefix(base.as_str()).unwrap_or("");
    let is_page = folder.starts_with(base.as_str())
        && (inside.is_empty()
            || inside == "tools/"
            || inside.strip_prefix("r/").and_then(|s| s.strip_suffix('/')).is_some_and(is_outcome_slug));
    if is_page { folder } else { base }
}

/// The folder a path names: up to its last `/` (`…/index.html` and `…/%23…` name their folder).
fn folder_of(path: &str) -> String {
    match path.rfind('/') {
        Some(at) => path[..=at].to_owned(),
        None => "/".to_owned(),
    }
}

/// The site's base path: the known one when the path is under it, else the path's folder up to
/// its last `tools/` or `r/<name>/` (only the tools and the outcome pages live there, and this
/// address is missing, so its name may be one no build wrote, or more may follow it).
pub fn base_of(path: &str, known_base: Option<&str>) -> String {
    if let Some(base) = known_base.filter(|base| path.starts_with(base)) {
        return base.to_owned();
    }
    let folder = folder_of(path);
    // `/a/r/x/` splits into ["", "a", "r", "x", ""]: names sit between the first and the last.
    let parts: Vec<&str> = folder.split('/').collect();
    let last = parts.len().saturating_sub(2);
    let cut = (1..=last).rev().find(|&i| parts[i] == "tools" || (parts[i] == "r" && i < last));
    match cut {
        Some(i) => format!("{}/", parts[..i].join("/")),
        None => folder,
    }
}

/// The first position of an ASCII needle in a text, ignoring ASCII case.
fn find_ignoring_case(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes().windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Every occurrence of an ASCII needle replaced, ignoring ASCII case.
fn replace_ignoring_case(text: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_ignoring_case(rest, needle) {
        out.push_str(&rest[..at]);
        out.push_str(with);
        rest = &rest[at + needle.len()..];
    }
    out.push_str(rest);
    out
}
