//! The widget's theme colours and WCAG contrast: which accent an embedding page may set, and
//! in which theme it reads. The colours mirror `style/main.css` (the light and dark custom
//! properties); the contrast formula is WCAG 2's relative luminance.

/// An sRGB colour, one byte a channel.
pub type Rgb = [u8; 3];

/// The light theme's page background (style/main.css `--bg`).
pub const LIGHT_BACKGROUND: Rgb = [0xf6, 0xf7, 0xf9];
/// Text on an accent button in the light theme, and the light surface.
pub const WHITE: Rgb = [0xff, 0xff, 0xff];
/// The dark theme's page background and surface.
pub const DARK_BACKGROUND: Rgb = [0x15, 0x17, 0x1a];
/// The dark theme's surface (cards, secondary buttons).
pub const DARK_SURFACE: Rgb = [0x1f, 0x22, 0x26];
/// Text on an accent button in the dark theme.
pub const DARK_TEXT_ON_ACCENT: Rgb = [0x10, 0x16, 0x1f];

/// Six hex digits as RGB.
pub fn parse_hex(hex: &str) -> Option<Rgb> {
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// WCAG relative luminance.
fn luminance([r, g, b]: Rgb) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG contrast ratio of two colours (1–21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A theme's colours, as `style/main.css` sets its custom properties on `.widget` (light) and
/// for `data-theme="dark"` (dark); `tests/theme.rs` checks the stylesheet against these, and
/// the preview cards (`xtask`) are drawn in the light ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// `--accent`'s default (the author's `accent` replaces it).
    pub accent: Rgb,
    /// `--bg`: the page.
    pub bg: Rgb,
    /// `--surface`: cards and secondary buttons.
    pub surface: Rgb,
    /// `--text`.
    pub text: Rgb,
    /// `--muted`: secondary text.
    pub muted: Rgb,
    /// `--border`.
    pub border: Rgb,
    /// `--focus`: the focus ring.
    pub focus: Rgb,
    /// `--yes`, `--partly`, `--no`: the bands' colours.
    pub yes: Rgb,
    /// See `yes`.
    pub partly: Rgb,
    /// See `yes`.
    pub no: Rgb,
    /// `--yes-bg`, `--partly-bg`, `--no-bg`: the bands' tints.
    pub yes_bg: Rgb,
    /// See `yes_bg`.
    pub partly_bg: Rgb,
    /// See `yes_bg`.
    pub no_bg: Rgb,
    /// The text on an accent (primary) button.
    pub on_accent: Rgb,
}

/// The light theme.
pub const LIGHT: Palette = Palette {
    accent: [0x0b, 0x5c, 0xc2],
    bg: LIGHT_BACKGROUND,
    surface: WHITE,
    text: [0x1c, 0x1e, 0x21],
    muted: [0x4f, 0x56, 0x60],
    border: [0xc5, 0xca, 0xd1],
    focus: [0xb3, 0x5c, 0x00],
    yes: [0x1d, 0x7a, 0x3a],
    partly: [0x8a, 0x5a, 0x00],
    no: [0xb3, 0x26, 0x1e],
    yes_bg: [0xe5, 0xf4, 0xea],
    partly_bg: [0xfb, 0xf1, 0xdc],
    no_bg: [0xfb, 0xe7, 0xe5],
    on_accent: WHITE,
};

/// The dark theme.
pub const DARK: Palette = Palette {
    accent: [0x7c, 0xb4, 0xff],
    bg: DARK_BACKGROUND,
    surface: DARK_SURFACE,
    text: [0xec, 0xee, 0xf1],
    muted: [0xb4, 0xba, 0xc3],
    border: [0x45, 0x4b, 0x54],
    focus: [0xff, 0xb4, 0x5c],
    yes: [0x6f, 0xd0, 0x8f],
    partly: [0xf0, 0xc0, 0x60],
    no: [0xff, 0x8a, 0x80],
    yes_bg: [0x19, 0x33, 0x23],
    partly_bg: [0x3a, 0x2f, 0x14],
    no_bg: [0x3d, 0x1d, 0x1b],
    on_accent: DARK_TEXT_ON_ACCENT,
};

impl Palette {
    /// Every colour with its custom property's name in `style/main.css` (all but `on_accent`,
    /// which the stylesheet sets on the primary button itself).
    pub fn custom_properties(&self) -> [(&'static str, Rgb); 13] {
        [
            ("--accent", self.accent),
            ("--bg", self.bg),
            ("--surface", self.surface),
            ("--text", self.text),
            ("--muted", self.muted),
            ("--border", self.border),
            ("--focus", self.focus),
            ("--yes", self.yes),
            ("--partly", self.partly),
            ("--no", self.no),
            ("--yes-bg", self.yes_bg),
            ("--partly-bg", self.partly_bg),
            ("--no-bg", self.no_bg),
        ]
    }
}

/// A colour as CSS writes it: `#rrggbb`.
pub fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG AA for normal text: what every accent must reach against what it is drawn on.
pub const AA: f64 = 4.5;

/// The widget's two palettes (`theme=light`, `theme=dark`; `theme=auto` shows one of them by
/// the reader's `prefers-color-scheme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// The light palette.
    Light,
    /// The dark palette.
    Dark,
}

impl Scheme {
    /// What an accent is drawn on or behind in this palette: link text on the page and on a
    /// surface, and the text of a primary button on the accent.
    pub fn backdrops(self) -> &'static [Rgb] {
        match self {
            Scheme::Light => &[LIGHT_BACKGROUND, WHITE],
            Scheme::Dark => &[DARK_BACKGROUND, DARK_SURFACE, DARK_TEXT_ON_ACCENT],
        }
    }

    /// The palette's own accent (style/main.css `--accent`), used when the author sets none.
    pub fn default_accent(self) -> Rgb {
        match self {
            Scheme::Light => [0x0b, 0x5c, 0xc2],
            Scheme::Dark => [0x7c, 0xb4, 0xff],
        }
    }

    /// The palette's name as the author reads it.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

/// The lowest contrast of `colour` against everything it is drawn with in `scheme`.
pub fn worst_contrast(colour: Rgb, scheme: Scheme) -> f64 {
    scheme.backdrops().iter().map(|&backdrop| contrast(colour, backdrop)).fold(f64::INFINITY, f64::min)
}

/// True when `colour` reads at AA everywhere the accent is used in `scheme`.
pub fn reads(colour: Rgb, scheme: Scheme) -> bool {
    worst_contrast(colour, scheme) >= AA
}

/// `#rrggbb`, lower case: the only form an accent is ever written in (a CSS value built from
/// six hex digits cannot carry anything else).
pub fn to_hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// An author's colour as given in an address: six hex digits, with or without `#` (or its
/// escape `%23`), in either case.
pub fn parse_accent(value: &str) -> Option<Rgb> {
    let hex = value.strip_prefix("%23").or_else(|| value.strip_prefix('#')).unwrap_or(value);
    parse_hex(hex)
}

/// The nearest shade of `colour` that reads at AA in `scheme`: the colour itself when it
/// reads, else the same hue and saturation made darker (light palette) or lighter (dark
/// palette) step by step until it reads. Luminance grows with HSL lightness, so the first
/// step that reads is the closest such shade; black and white read in their palettes, so
/// there always is one (a test runs every hue to the end).
pub fn readable_shade(colour: Rgb, scheme: Scheme) -> Rgb {
    if reads(colour, scheme) {
        return colour;
    }
    let (hue, saturation, lightness) = to_hsl(colour);
    const STEPS: u32 = 400;
    for step in 1..=STEPS {
        let moved = f64::from(step) / f64::from(STEPS);
        let lightness = match scheme {
            Scheme::Light => lightness * (1.0 - moved),
            Scheme::Dark => lightness + (1.0 - lightness) * moved,
        };
        let shade = from_hsl(hue, saturation, lightness);
        if reads(shade, scheme) {
            return shade;
        }
    }
    match scheme {
        Scheme::Light => [0, 0, 0],
        Scheme::Dark => WHITE,
    }
}

/// How an author's accent is used in one palette.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AccentUse {
    /// The colour the author gave for this palette.
    pub given: Rgb,
    /// The colour the widget uses: `given` when it reads, else its nearest shade that does.
    pub used: Rgb,
}

impl AccentUse {
    /// `given` as used in `scheme`.
    pub fn new(given: Rgb, scheme: Scheme) -> AccentUse {
        AccentUse { given, used: readable_shade(given, scheme) }
    }

    /// True when the widget shows a shade instead of the colour given.
    pub fn is_shade(&self) -> bool {
        self.used != self.given
    }
}

/// The accents of both palettes, from the address's `accent` (both palettes) and
/// `accent_dark` (the dark palette only, for an author whose site has its own dark accent).
/// A value that is not six hex digits is ignored, as if it were absent.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Accents {
    /// The light palette's accent, if the author set one.
    pub light: Option<AccentUse>,
    /// The dark palette's accent, if the author set one.
    pub dark: Option<AccentUse>,
}

impl Accents {
    /// Reads the two address values.
    pub fn parse(accent: Option<&str>, accent_dark: Option<&str>) -> Accents {
        let accent = accent.and_then(parse_accent);
        let dark = accent_dark.and_then(parse_accent).or(accent);
        Accents {
            light: accent.map(|colour| AccentUse::new(colour, Scheme::Light)),
            dark: dark.map(|colour| AccentUse::new(colour, Scheme::Dark)),
        }
    }
}

/// HSL of a colour: hue in degrees (0–360), saturation and lightness 0–1.
fn to_hsl([r, g, b]: Rgb) -> (f64, f64, f64) {
    let [r, g, b] = [r, g, b].map(|c| f64::from(c) / 255.0);
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let lightness = (max + min) / 2.0;
    let delta = max - min;
    if delta == 0.0 {
        return (0.0, 0.0, lightness);
    }
    let saturation = delta / (1.0 - (2.0 * lightness - 1.0).abs());
    let hue = if max == r {
        60.0 * ((g - b) / delta).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / delta + 2.0)
    } else {
        60.0 * ((r - g) / delta + 4.0)
    };
    (hue, saturation, lightness)
}

/// The colour of an HSL triple, rounded to bytes.
fn from_hsl(hue: f64, saturation: f64, lightness: f64) -> Rgb {
    let chroma = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
    let x = chroma * (1.0 - ((hue / 60.0).rem_euclid(2.0) - 1.0).abs());
    let m = lightness - chroma / 2.0;
    let (r, g, b) = match (hue / 60.0) as u32 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    [r, g, b].map(|c| ((c + m).clamp(0.0, 1.0) * 255.0).round() as u8)
}
