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
