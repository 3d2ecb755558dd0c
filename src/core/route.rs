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
    /// Accent colour as `#rrggbb`, only when the value was exactly six hex digits.
    pub accent: Option<String>,
    /// Transparent background (`bg=transparent`).
    pub transparent: bool,
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
                    if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                        options.accent = Some(format!("#{}", hex.to_ascii_lowercase()));
                    }
                }
                "bg" => options.transparent = value == "transparent",
                _ => {}
            }
        }
        options
    }
}
