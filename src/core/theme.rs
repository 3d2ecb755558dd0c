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
