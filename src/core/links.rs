//! Links into the widget's site, and the layout of that site they rely on.
//!
//! The site is one folder (the base, ending in `/`, under any sub-path): the check's page at
//! the base, a per-outcome copy of it at `r/<outcome>/` for each outcome a results link can
//! name (its preview card says the verdict; crawlers ignore fragments), and the author tools'
//! page at `tools/` ([`Page`], [`Address::folder`]). This module writes links into it
//! ([`results_link`], [`team_link`]), finds the base from any of its pages' paths
//! ([`base_path`]), and decides when a screen's address means loading another of its pages
//! ([`showing`]). The outcome names themselves come from [`super::outcome`], their only
//! definition.

use super::answers::Answers;
use super::route::{Address, Page, Route};

/// The results link for answers and a label, under a widget base address ending in `/`.
///
/// Links point at the per-outcome preview page (`r/<outcome>/`), whose Open Graph tags say
/// the verdict, with the full code in the fragment (crawlers ignore fragments). Incomplete
/// results have no preview page of their own and use the base page.
pub fn results_link(base: &str, answers: &Answers, label: &str) -> String {
    format!("{base}{}", Address::results(answers, label).relative())
}

/// A team link carrying several share codes, on the check's page (which sends it on to the
/// tools page).
pub fn team_link(base: &str, codes: &[String]) -> String {
    format!("{base}#{}", Route::Team(Some(super::team::encode_team(codes))).fragment())
}

/// A team link carrying members with their names (format 2 when anyone is named).
pub fn team_members_link(base: &str, members: &[super::team::TeamMember]) -> String {
    format!("{base}#{}", Route::Team(Some(super::team::encode_members(members))).fragment())
}

/// True for the name of a per-outcome page folder (`ready`, or `not-` and the blocking
/// dimensions' initials): asked of [`super::outcome`], their one definition.
pub fn is_outcome_slug(name: &str) -> bool {
    super::outcome::is_outcome_slug(name)
}

/// The widget's base path for the path of any of its pages: the path without `index.html`,
/// a per-outcome `r/<slug>/` or the `tools/` folder, ending in `/`. A path without a
/// trailing slash (`/check`) names the page of its folder (`/`), as a browser resolves it.
pub fn base_path(path: &str) -> String {
    let mut path = path.trim_end_matches("index.html").to_owned();
    if !path.ends_with('/')
        && let Some(cut) = path.rfind('/')
    {
        path.truncate(cut + 1);
    }
    // The folders are `Address::folder`'s: `tools/`, `r/<slug>/`.
    let folder = |page| Address { page, route: Route::Home }.folder();
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    let page = if is_outcome_slug(last) { Page::Outcome(last.to_owned()) } else { Page::Tools };
    if let Some(base) = path.strip_suffix(folder(page).as_str())
        && base.ends_with('/')
    {
        return base.to_owned();
    }
    path
}

/// How a page shows the address of the screen on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Showing {
    /// Written into this page's address bar (`history.replaceState`): the page holds the
    /// screen, whichever of the site's addresses it shows.
    InPlace,
    /// Loaded from the page it lives on: the author tools' screens, asked for on the check's
    /// own page, which leaves their code out of its first load. `replace`: this page was
    /// opened with that address (an old team link on the base, a tools link typed there), so
    /// it takes this page's place in the history and Back does not land on a page that
    /// would only send the reader on again.
    Load { replace: bool },
}

/// How a page shows `address`: `has_tools` when it is the tools page (the only one with the
/// tools' screens), `first` for the address it was opened with.
pub fn showing(address: &Address, has_tools: bool, first: bool) -> Showing {
    if address.page == Page::Tools && !has_tools { Showing::Load { replace: first } } else { Showing::InPlace }
}
