//! The page address: reading the fragment, query and this tab's history entry, showing the
//! screen's address without adding history entries, and the widget's base under any sub-path.

use wasm_bindgen::JsValue;

use crate::core::links;
use crate::core::route::Address;

/// The fragment, with its `#`, or empty.
pub fn fragment() -> String {
    super::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The query string, with its `?`, or empty.
pub fn query() -> String {
    super::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The text this tab left in its own history entry ([`show`]'s `marker`): survives a reload of
/// this tab and nothing else, so it tells the tab's own run apart from a link opened elsewhere.
pub fn marker() -> Option<String> {
    super::window()?.history().ok()?.state().ok()?.as_string()
}

/// Shows an address for the screen with `history.replaceState`, so Back still leaves the
/// widget as before and no history entries pile up. The path becomes the widget's base (plus
/// `r/<outcome>/` for results) and `query` follows it (`core::embed::kept_query`).
/// `marker` is stored in this tab's history entry.
pub fn show(address: &Address, query: &str, marker: &str) {
    let Some(window) = super::window() else { return };
    let url = url_for(address, query);
    let current = window.location().href().unwrap_or_default();
    if url == current && self::marker().as_deref() == Some(marker) {
        return;
    }
    if let Ok(history) = window.history()
        && let Err(error) = history.replace_state_with_url(&JsValue::from_str(marker), "", Some(&url))
    {
        super::log_dropped("replaceState", &error);
    }
}

/// The whole address (absolute: a path alone that starts with `//`, as under `https://site//`,
/// would name another host) under the widget's base, with `query` (its `?` included).
fn url_for(address: &Address, query: &str) -> String {
    let fragment = address.route.fragment();
    let hash = if fragment.is_empty() { String::new() } else { format!("#{fragment}") };
    format!("{}{}{query}{hash}", base_url(), address.folder())
}

/// Loads another page of the widget's site for an address, keeping this page's query:
/// replacing this page in the history when `replace` (it was opened with that address), else
/// as a new entry.
pub fn go(address: &Address, replace: bool) {
    let Some(location) = super::window().map(|w| w.location()) else { return };
    let url = url_for(address, &query());
    let result = if replace { location.replace(&url) } else { location.assign(&url) };
    if let Err(error) = result {
        super::log_dropped("navigation", &error);
    }
}

/// The widget's base address (ending in `/`), wherever it is hosted: the page address
/// without query, fragment, `index.html`, a per-outcome `r/<slug>/` or the `tools/` folder
/// (`core::links::base_path`).
pub fn base_url() -> String {
    let Some(window) = super::window() else { return String::new() };
    let location = window.location();
    // Scheme and host rather than `origin`, which is "null" for a page opened from a file.
    let site = format!("{}//{}", location.protocol().unwrap_or_default(), location.host().unwrap_or_default());
    format!("{site}{}", links::base_path(&location.pathname().unwrap_or_default()))
}
