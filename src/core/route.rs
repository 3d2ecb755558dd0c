//! Reading the page address: which view a URL asks for, and the embed options.
//!
//! Stage one of decoding external input (ripgrep-style): the raw fragment and query become
//! typed values here; the app acts on those values and never on raw strings.

/// What the fragment (`#...`) asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The reader's own check (optionally with progress carried in the address).
    Own { progress: Option<String> },
    /// Someone's shared result: `#r=<code>`.
    Shared(String),
    /// A team link `#t=<code>`, or the empty team view `#team`.
    Team(Option<String>),
    /// The embed kit: `#embed-kit`.
    EmbedKit,
    /// Start the reader's own run: `#start`, the static intro's start link (clicked before
    /// the app had loaded).
    Start,
}

/// Fragment key of a results link.
pub const RESULT_KEY: &str = "r=";
/// Fragment key of a team link.
pub const TEAM_KEY: &str = "t=";
/// Fragment key of the reader's own progress.
pub const PROGRESS_KEY: &str = "s=";

impl Route {
    /// Reads a fragment, with or without its leading `#`.
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if let Some(code) = fragment.strip_prefix(RESULT_KEY) {
            return Route::Shared(code.to_owned());
        }
        if let Some(code) = fragment.strip_prefix(TEAM_KEY) {
            return Route::Team(Some(code.to_owned()));
        }
        if fragment == "team" {
            return Route::Team(None);
        }
        if fragment == "embed-kit" {
            return Route::EmbedKit;
        }
        if fragment == "start" {
            return Route::Start;
        }
        let progress = fragment.strip_prefix(PROGRESS_KEY).map(str::to_owned);
        Route::Own { progress }
    }
}

/// The code a pasted line holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkCode<'a> {
    /// A single result's code.
    Result(&'a str),
    /// A team code.
    Team(&'a str),
}

/// Finds the code in a pasted results link, team link or bare code.
pub fn code_in_link(line: &str) -> LinkCode<'_> {
    let line = line.trim();
    if let Some((_, fragment)) = line.split_once('#') {
        if let Some(code) = fragment.strip_prefix(TEAM_KEY) {
            return LinkCode::Team(code);
        }
        return LinkCode::Result(fragment.strip_prefix(RESULT_KEY).unwrap_or(fragment));
    }
    if line.starts_with('T') {
        return LinkCode::Team(line);
    }
    LinkCode::Result(line)
}

/// Colour scheme asked for by an embedding page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Name used in the `data-theme` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Options read from the query string (`?embed&theme=dark&accent=0b63ce`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    /// Drop page chrome and report height to the host.
    pub embed: bool,
    /// Colour scheme.
    pub theme: Theme,
    /// Accent colour (`#rrggbb`) for the light theme, only when `accent` was six hex digits
    /// and reads at WCAG AA (4.5:1) as link text on the light background and behind white text.
    pub accent_light: Option<String>,
    /// The same for the dark theme (on the dark background, behind dark text).
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
                "accent" => {
                    let hex = value.strip_prefix("%23").or_else(|| value.strip_prefix('#')).unwrap_or(value);
                    if let Some(rgb) = parse_hex(hex) {
                        let colour = format!("#{}", hex.to_ascii_lowercase());
                        let readable = |pairs: &[[u8; 3]]| pairs.iter().all(|&other| contrast(rgb, other) >= 4.5);
                        options.accent_light = readable(&[LIGHT_BACKGROUND, WHITE]).then(|| colour.clone());
                        options.accent_dark =
                            readable(&[DARK_BACKGROUND, DARK_SURFACE, DARK_TEXT_ON_ACCENT]).then_some(colour);
                    }
                }
                "bg" => options.transparent = value == "transparent",
                "events" => options.events = !matches!(value, "0" | "false"),
                _ => {}
            }
        }
        options
    }
}

/// The light theme's page background (style/main.css `--bg`).
const LIGHT_BACKGROUND: [u8; 3] = [0xf6, 0xf7, 0xf9];
/// Text on an accent button in the light theme, and the light surface.
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
/// The dark theme's page background and surface.
const DARK_BACKGROUND: [u8; 3] = [0x15, 0x17, 0x1a];
const DARK_SURFACE: [u8; 3] = [0x1f, 0x22, 0x26];
/// Text on an accent button in the dark theme.
const DARK_TEXT_ON_ACCENT: [u8; 3] = [0x10, 0x16, 0x1f];

/// Six hex digits as RGB.
fn parse_hex(hex: &str) -> Option<[u8; 3]> {
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// WCAG relative luminance.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG contrast ratio of two colours (1–21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
