//! The page address: reading the fragment and query, writing the fragment without adding
//! history entries, and building results links that work under any sub-path.

use wasm_bindgen::JsValue;

/// The fragment, with its `#`, or empty.
pub fn fragment() -> String {
    super::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The query string, with its `?`, or empty.
pub fn query() -> String {
    super::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Replaces the fragment (`text` without `#`; empty removes it) with `history.replaceState`,
/// so progress updates never spam the back button. Does nothing if unchanged.
pub fn replace_fragment(text: &str) {
    let Some(window) = super::window() else { return };
    if fragment().trim_start_matches('#') == text {
        return;
    }
    let location = window.location();
    let base = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let url = if text.is_empty() { base } else { format!("{base}#{text}") };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The widget's base address (ending in `/`), wherever it is hosted: the page address
/// without query, fragment, `index.html`, or a per-outcome `r/<slug>/` folder.
pub fn base_url() -> String {
    let Some(window) = super::window() else { return String::new() };
    let location = window.location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{}", base_path(&path))
}

/// The base path for a page path (pure; tested in the browser tests).
pub fn base_path(path: &str) -> String {
    let mut path = path.trim_end_matches("index.html").to_owned();
    if !path.ends_with('/') {
        // A path like `/check` (no trailing slash) names the folder's page itself.
        if let Some(cut) = path.rfind('/') {
            path.truncate(cut + 1);
        }
    }
    let segments: Vec<&str> = path.split('/').collect();
    // `.../r/<slug>/` → `...`: segments end with ["r", slug, ""].
    if segments.len() >= 3
        && segments[segments.len() - 3] == "r"
        && crate::core::summary::is_outcome_slug(segments[segments.len() - 2])
    {
        let keep = segments.len() - 3;
        return format!("{}/", segments[..keep].join("/"));
    }
    path
}
