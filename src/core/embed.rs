//! Where the widget runs and what a frame may let out: the embed options an author puts in
//! the address, whether a site may frame the widget, and the rules that keep a frame from
//! telling the page around it anything the reader did not choose to tell.
//!
//! The principle (docs/embedding.md): inside a frame, nothing that depends on the reader's
//! stored run, and nothing the reader did not do in this frame on purpose, reaches the page
//! around it, through messages, through sizes, or through what the reader can be tricked into
//! clicking. The browser's defence (`frame-ancestors`, the author's list) is what really stops
//! a framer; these rules hold even with the default "any site":
//! - the stored run is held out of sight in a frame (`Session::sealed_with`) until the reader
//!   opens it with input the page around cannot fake ([`seen_by_reader`]);
//! - a result goes out by itself only when the reader finished it in this frame, in this
//!   visit, after agreeing on the first screen ([`result_due`]), and once;
//! - discarding answers in a frame needs the same unfakeable input, or the check's own tab.

use super::route::{self, Route, Theme};
use super::session::Session;
use super::snapshot::Snapshot;
use super::theme::{Accents, to_hex};

/// Inside a frame, a confirmation's button appears only after this pause (counted from each
/// opening), so that clicks aimed blind through a frame cannot confirm what they opened.
pub const FRAMED_CONFIRM_DELAY_MS: u64 = 1500;

/// The tallest height a frame reports, taller than any screen of the check at 320 px wide;
/// `embed/embed.js` caps heights at the same number (a test ties the two).
pub const MAX_FRAME_HEIGHT: u32 = 12_000;

/// Options read from the query string (`?embed&theme=dark&accent=0b63ce&accent_dark=7cb4ff`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    /// Drop page chrome and report height to the host.
    pub embed: bool,
    /// Colour scheme.
    pub theme: Theme,
    /// Accent colour (`#rrggbb`) for the light theme when `accent` was six hex digits: the
    /// colour itself where it reads at WCAG AA (4.5:1) as link text on the light background
    /// and behind white text, else its nearest darker shade that does (`core::theme`).
    pub accent_light: Option<String>,
    /// The same for the dark theme (on the dark background, behind dark text), from
    /// `accent_dark` if given, else `accent`; a shade made lighter where it does not read.
    pub accent_dark: Option<String>,
    /// Transparent background (`bg=transparent`).
    pub transparent: bool,
    /// Post the result event to the host page (`events`): off unless the author asks.
    pub events: bool,
}

impl EmbedOptions {
    /// Reads a query string (with or without `?`). Unknown keys and bad values are ignored.
    pub fn parse(query: &str) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        let (mut accent, mut accent_dark) = (None, None);
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').take(32) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "embed" => options.embed = !matches!(value, "0" | "false"),
                "theme" => {
                    options.theme = match value {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                "accent" => accent = Some(value),
                "accent_dark" => accent_dark = Some(value),
                "bg" => options.transparent = value == "transparent",
                "events" => options.events = !matches!(value, "0" | "false"),
                _ => {}
            }
        }
        let accents = Accents::parse(accent, accent_dark);
        options.accent_light = accents.light.map(|accent| to_hex(accent.used));
        options.accent_dark = accents.dark.map(|accent| to_hex(accent.used));
        options
    }
}

/// Where the widget runs, decided once at start-up from the options, whether the browser says
/// it is in a frame, and the address it opened with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Environment {
    /// Inside a frame or asked for with `?embed`: no page chrome, height reported.
    pub embedded: bool,
    /// Inside a frame of another page (whatever the address says).
    pub framed: bool,
    /// The author asked for the result event (`?events`), in an embed.
    pub host_events: bool,
    /// The static intro's start link was pressed before the app loaded (never in a frame,
    /// where the static intro is hidden and `#start` may come from the page around it).
    pub started_early: bool,
}

impl Environment {
    /// Decides the environment.
    pub fn of(options: &EmbedOptions, framed: bool, route: &Route) -> Environment {
        let embedded = options.embed || framed;
        Environment {
            embedded,
            framed,
            host_events: embedded && options.events,
            started_early: !framed && *route == Route::Start,
        }
    }
}

/// The part of the page's `query` (with its `?`) the address bar keeps on a screen: an
/// embed keeps all of it (a reload there must stay an embed), and so does every screen but a
/// results link, which is the link a reader copies: it keeps only the author's benchmark
/// (`bench=`), so a reload of one's results still says where one stands among the readers.
pub fn kept_query(embedded: bool, route: &Route, query: &str) -> String {
    if embedded || !matches!(route, Route::Shared(_)) {
        return query.to_owned();
    }
    super::benchmark::bench_param(query).map_or(String::new(), |bench| format!("?bench={bench}"))
}

/// What the browser says about the pages around a frame.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Ancestors {
    /// How many windows are above this one (0: not framed).
    pub depth: usize,
    /// The origins the browser names, nearest first: every ancestor where the engine has
    /// `location.ancestorOrigins` (Chromium, WebKit), else the parent's alone from the referrer
    /// (Firefox), or none (`referrerpolicy="no-referrer"`). Opaque ones (`null`) are left out.
    pub origins: Vec<String>,
}

impl Ancestors {
    /// The parent page's origin, when the browser names it.
    pub fn parent(&self) -> Option<&str> {
        (self.depth > 0).then(|| self.origins.first().map(String::as_str)).flatten()
    }
}

/// Whether the widget may show in a frame, by the list of origins the author allowed at build
/// time (`*`, or nothing, allows every site; entries separated by spaces or commas, e.g.
/// `https://blog.example.com https://www.example.com`). As with `frame-ancestors`, every
/// ancestor must be listed: an allowed blog inside an unlisted page is refused, and so is any
/// ancestor the browser does not name (Firefox names only the parent, so a nested frame is
/// refused there once there is a list; a parent that sends no referrer is refused too).
pub fn framing_allowed(allowed: &str, ancestors: &Ancestors) -> bool {
    let entries: Vec<&str> = allowed
        .split([' ', ',', '\n', '\t'])
        .map(|e| e.trim().trim_end_matches('/'))
        .filter(|e| !e.is_empty())
        .collect();
    if entries.is_empty() || entries.contains(&"*") || ancestors.depth == 0 {
        return true;
    }
    ancestors.origins.len() == ancestors.depth
        && ancestors.origins.iter().all(|origin| {
            let origin = origin.trim_end_matches('/');
            entries.iter().any(|entry| entry.eq_ignore_ascii_case(origin))
        })
}

/// Where the frame's height goes: the parent's origin when the author listed the sites that
/// may frame the widget (so only such a page hears it), any page otherwise (`*`: heights are
/// the same for every stored run, see `Session::sealed_with`).
pub fn height_target(allowed: &str, ancestors: &Ancestors) -> String {
    let listed = allowed.split([' ', ',', '\n', '\t']).any(|e| !e.trim().is_empty() && e.trim() != "*");
    let any = allowed.split([' ', ',', '\n', '\t']).any(|e| e.trim() == "*");
    match ancestors.parent() {
        Some(parent) if listed && !any => parent.to_owned(),
        _ => "*".to_owned(),
    }
}

/// The site a result goes to, as the reader is told: the parent's origin without its scheme
/// (`blog.example.com`, a port kept). `None` where the browser does not say: then no result is
/// offered or sent, since the reader could not be told where it goes.
pub fn site_name(parent_origin: Option<&str>) -> Option<String> {
    let origin = parent_origin?.trim_end_matches('/');
    let host = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"))?;
    (!host.is_empty() && !host.contains(['/', '?', '#', '@'])).then(|| host.to_owned())
}

/// True when an input counts as the reader's own, seen choice in this page: a trusted browser
/// event, and, in a frame, one the page around cannot fake by hiding or covering the frame,
/// which only a browser that reports the frame visible (IntersectionObserver v2, Chromium) can
/// say. Elsewhere in a frame, the check's own tab is where such things happen.
pub fn seen_by_reader(framed: bool, trusted: bool, verified_visible: bool) -> bool {
    trusted && (!framed || verified_visible)
}

/// The reader's answer to "send my result to this site?" (asked on the first screen when the
/// author set `events`). Nothing is sent until they agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Consent {
    /// Not answered: nothing is sent.
    #[default]
    Undecided,
    /// Send the result when I finish here.
    Accepted,
    /// Send nothing.
    Declined,
}

/// Whether the reader's result goes to the page around the frame now, by itself: the author
/// asked (`events`), the site is named, the reader agreed, and the reader finished this result
/// in this frame in this visit and took themselves to it. The caller sends once per result
/// (a label typed afterwards does not send again).
pub fn result_due(session: &Session, host_events: bool, site_known: bool, consent: Consent) -> bool {
    host_events
        && site_known
        && consent == Consent::Accepted
        && session.finished_here
        && session.results_by_reader
        && session.on_own_results()
}

/// What is sent, in the words the reader is told before anything is sent.
pub const WHAT_IS_SENT: &str = "the verdict, the scores and a results link that holds every answer and the pilot name";

/// The intro's privacy line, true in every mode: nothing is sent anywhere, or (with `events`)
/// nothing unless the reader agrees.
pub fn privacy_line(host_events: bool) -> &'static str {
    if host_events {
        "Your answers stay on this device; nothing is sent unless you agree below"
    } else {
        super::content::intro::FACTS[1]
    }
}

/// What the first screen says when the author set `events`: which site asks for the result
/// and what it gets, or that nothing can be sent where the browser does not name the site.
pub fn consent_question(site: Option<&str>) -> String {
    match site {
        Some(site) => format!("{site} asks to receive your result when you finish: {WHAT_IS_SENT}. Send it?"),
        None => "This page asks to receive your result, but your browser does not say which site it is, so nothing will be sent.".to_owned(),
    }
}

/// The session a frame opens with: what the address asks of an empty run (so a framer's
/// address opens the same screen whatever the reader stored: no comparison, no "your results",
/// no progress line), with the stored run (or this tab's marked one) held out of sight.
pub fn open_framed(route: &Route, stored: Option<Snapshot>, marked: Option<Snapshot>) -> Session {
    route::open(route, None, None, true).sealed_with(stored.or(marked).map(|snapshot| snapshot.session))
}
