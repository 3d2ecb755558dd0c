//! The result images: drawn on a canvas as 1200×627 PNGs (LinkedIn's post image size), then
//! downloaded or handed to the system share sheet where it accepts files. Text that comes
//! from a reader (a pilot label) or grows with the data is fitted to the width it has.

use wasm_bindgen::JsCast;

use super::clipboard::ShareError;
use crate::core::scoring::Band;
use crate::core::share_text::{ImageCard, ReadersCard};
use crate::core::theme::{LIGHT, hex};

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 627;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/// A bar's empty track: lighter than any border of the theme, the images' own.
const TRACK: &str = "#dfe3e8";

/// The light theme's colours as the canvas takes them (`core::theme::LIGHT`: the images are
/// always light, whatever the screen's theme).
struct Colours {
    bg: String,
    accent: String,
    text: String,
    muted: String,
    yes: String,
    partly: String,
    no: String,
}

impl Colours {
    fn light() -> Colours {
        Colours {
            bg: hex(LIGHT.bg),
            accent: hex(LIGHT.accent),
            text: hex(LIGHT.text),
            muted: hex(LIGHT.muted),
            yes: hex(LIGHT.yes),
            partly: hex(LIGHT.partly),
            no: hex(LIGHT.no),
        }
    }

    /// A band's colour; muted for a dimension not finished.
    fn band(&self, band: Option<Band>) -> &str {
        match band {
            Some(Band::Yes) => &self.yes,
            Some(Band::Partly) => &self.partly,
            Some(Band::No) => &self.no,
            None => &self.muted,
        }
    }
}

/// Draws with `draw` on a fresh 1200×627 canvas and returns the picture as a `data:image/png`
/// address.
fn render(draw: impl FnOnce(&web_sys::CanvasRenderingContext2d)) -> Option<String> {
    render_sized(WIDTH, HEIGHT, draw)
}

/// Draws with `draw` on a fresh canvas of `width`×`height` pixels.
fn render_sized(width: u32, height: u32, draw: impl FnOnce(&web_sys::CanvasRenderingContext2d)) -> Option<String> {
    let document = super::document()?;
    let canvas = document.create_element("canvas").ok()?.dyn_into::<web_sys::HtmlCanvasElement>().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
    context.set_text_baseline("alphabetic");
    draw(&context);
    canvas.to_data_url_with_type("image/png").ok()
}

/// Draws the result card.
pub fn render_png(card: &ImageCard) -> Option<String> {
    render(|c| draw(c, card))
}

/// Draws the readers' results card.
pub fn render_readers_png(card: &ReadersCard) -> Option<String> {
    render(|c| draw_readers(c, card))
}

/// The embed kit's button image for hosts that take no iframe (Substack): `label` in white on
/// a rounded button of `accent` (`#rrggbb`, one that reads behind white text), on a
/// transparent surround so it sits on any newsletter background. Drawn at twice the size it
/// is shown (720×192 for 360×96) so it stays sharp on high-density screens.
pub fn render_button_png(label: &str, accent: &str) -> Option<String> {
    const BUTTON_WIDTH: u32 = 720;
    const BUTTON_HEIGHT: u32 = 192;
    render_sized(BUTTON_WIDTH, BUTTON_HEIGHT, |c| {
        let (inset, radius) = (8.0, 28.0);
        let (w, h) = (f64::from(BUTTON_WIDTH) - 2.0 * inset, f64::from(BUTTON_HEIGHT) - 2.0 * inset);
        c.begin_path();
        // `roundRect` is recent (Safari 16, Firefox 112): square corners where it is missing.
        if c.round_rect_with_f64(inset, inset, w, h, radius).is_err() {
            c.rect(inset, inset, w, h);
        }
        c.set_fill_style_str(accent);
        c.fill();
        // Centred, shrunk to fit the button with room on both sides.
        let mut size = 42;
        loop {
            c.set_font(&format!("700 {size}px {FONT}"));
            if width_of(c, label) <= w - 72.0 || size <= MIN_FONT {
                break;
            }
            size -= 1;
        }
        c.set_text_align("center");
        c.set_text_baseline("middle");
        c.set_fill_style_str(&hex(LIGHT.on_accent));
        let _ = c.fill_text(label, f64::from(BUTTON_WIDTH) / 2.0, f64::from(BUTTON_HEIGHT) / 2.0 + 2.0);
    })
}

/// Width of a text in the context's current font.
fn width_of(c: &web_sys::CanvasRenderingContext2d, text: &str) -> f64 {
    c.measure_text(text).map_or(0.0, |m| m.width())
}

/// How a fitted line is written: font weight, largest size in pixels, colour.
struct Ink<'a> {
    weight: &'static str,
    size: u32,
    colour: &'a str,
}

/// Writes one line at `(x, y)` that fits `max_width`: the font shrinks from `ink.size` down to
/// `MIN_FONT` pixels, then the text is cut with an ellipsis.
fn fitted(c: &web_sys::CanvasRenderingContext2d, value: &str, (x, y): (f64, f64), ink: &Ink, max_width: f64) {
    let Ink { weight, size, colour } = *ink;
    let mut size = size;
    loop {
        c.set_font(&format!("{weight} {size}px {FONT}"));
        if width_of(c, value) <= max_width || size <= MIN_FONT {
            break;
        }
        size -= 2;
    }
    let mut line = value.to_owned();
    while width_of(c, &line) > max_width && !line.is_empty() {
        line.pop();
        while line.ends_with(' ') {
            line.pop();
        }
        if width_of(c, &format!("{line}…")) <= max_width {
            line.push('…');
            break;
        }
    }
    c.set_fill_style_str(colour);
    let _ = c.fill_text(&line, x, y);
}

/// Smallest font a fitted line shrinks to.
const MIN_FONT: u32 = 20;

/// Breaks a text into lines of at most `max_width` in the current font, word by word.
fn wrapped(c: &web_sys::CanvasRenderingContext2d, text: &str, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if width_of(c, &candidate) > max_width && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn draw_readers(c: &web_sys::CanvasRenderingContext2d, card: &ReadersCard) {
    let ink = Colours::light();
    c.set_fill_style_str(&ink.bg);
    c.fill_rect(0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT));
    c.set_fill_style_str(&ink.accent);
    c.fill_rect(0.0, 0.0, f64::from(WIDTH), 12.0);
    c.set_font(&format!("600 30px {FONT}"));
    c.set_fill_style_str(&ink.muted);
    let _ = c.fill_text("Scaling Readiness Check · what readers found", 64.0, 80.0);
    c.set_font(&format!("700 34px {FONT}"));
    c.set_fill_style_str(&ink.text);
    let lines = wrapped(c, &card.sentence, 1072.0);
    let shown = lines.len().min(4);
    for (i, line) in lines.iter().take(shown).enumerate() {
        let _ = c.fill_text(line, 64.0, 136.0 + i as f64 * 44.0);
    }
    let top = 150.0 + shown as f64 * 44.0;
    for (i, (name, count, share)) in card.bars.iter().enumerate() {
        let y = top + i as f64 * 54.0;
        fitted(c, name, (64.0, y + 28.0), &Ink { weight: "600", size: 28, colour: &ink.text }, 220.0);
        c.set_fill_style_str(TRACK);
        c.fill_rect(300.0, y + 6.0, 560.0, 28.0);
        c.set_fill_style_str(&ink.no);
        c.fill_rect(300.0, y + 6.0, 560.0 * f64::from(*share) / 100.0, 28.0);
        fitted(
            c,
            &format!("{count} ({share}%)"),
            (880.0, y + 30.0),
            &Ink { weight: "700", size: 28, colour: &ink.text },
            256.0,
        );
    }
    fitted(c, &card.basis, (64.0, 598.0), &Ink { weight: "400", size: 22, colour: &ink.muted }, 1072.0);
}

fn draw(c: &web_sys::CanvasRenderingContext2d, card: &ImageCard) {
    let ink = Colours::light();
    let text = |value: &str, x: f64, y: f64, font: &str, colour: &str| {
        c.set_font(&format!("{font} {FONT}"));
        c.set_fill_style_str(colour);
        let _ = c.fill_text(value, x, y);
    };
    c.set_fill_style_str(&ink.bg);
    c.fill_rect(0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT));
    c.set_fill_style_str(&ink.accent);
    c.fill_rect(0.0, 0.0, f64::from(WIDTH), 12.0);
    text("Scaling Readiness Check", 64.0, 86.0, "600 30px", &ink.muted);
    if !card.label.is_empty() {
        // A label may be 60 wide characters: it shrinks, then is cut, never runs off the image.
        fitted(c, &card.label, (64.0, 128.0), &Ink { weight: "600", size: 30, colour: &ink.text }, 1072.0);
    }
    let verdict_colour = if card.ready { &ink.yes } else { &ink.no };
    // "Ready to scale by the essay's four tests" is wider than the image at 64 px: it shrinks.
    fitted(c, card.headline, (64.0, 206.0), &Ink { weight: "800", size: 64, colour: verdict_colour }, 1072.0);
    text(&card.passing, 64.0, 256.0, "500 30px", &ink.text);
    for (i, row) in card.rows.iter().enumerate() {
        let y = 320.0 + i as f64 * 62.0;
        text(row.name, 64.0, y + 30.0, "600 30px", &ink.text);
        c.set_fill_style_str(TRACK);
        c.fill_rect(300.0, y + 6.0, 560.0, 30.0);
        c.set_fill_style_str(ink.band(row.band));
        c.fill_rect(300.0, y + 6.0, 560.0 * f64::from(row.score.unwrap_or(0)) / 100.0, 30.0);
        // The dimension's own pass mark, where a score decides its yes (set 1).
        if let Some(pass) = row.pass {
            c.set_fill_style_str(&ink.text);
            c.fill_rect(300.0 + 560.0 * f64::from(pass) / 100.0, y, 3.0, 42.0);
        }
        let score = row.score.map_or("–".to_owned(), |s| s.to_string());
        text(&score, 880.0, y + 32.0, "700 30px", &ink.text);
        text(crate::core::scoring::band_label(row.band), 960.0, y + 32.0, "600 28px", ink.band(row.band));
    }
    text(
        "Based on the essay \"From Pilot to Production\" · take the check and compare",
        64.0,
        598.0,
        "400 22px",
        &ink.muted,
    );
}

/// Saves the image as a file through a temporary download link.
pub fn download(data_url: &str, file_name: &str) -> Result<(), ShareError> {
    let document = super::document().ok_or(ShareError::Unsupported)?;
    let link = document.create_element("a").map_err(|_| ShareError::Failed)?;
    let link = link.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| ShareError::Failed)?;
    link.set_href(data_url);
    link.set_download(file_name);
    link.click();
    Ok(())
}

/// Decodes a `data:...;base64,` address into bytes.
fn data_url_bytes(data_url: &str) -> Option<Vec<u8>> {
    let (_, encoded) = data_url.split_once(";base64,")?;
    let decoded = js_sys::global().dyn_into::<web_sys::Window>().ok()?.atob(encoded).ok()?;
    // `atob` returns one char per byte (Latin-1).
    decoded.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

/// Share data holding one PNG file, if the share sheet accepts it.
fn shareable_png(bytes: &[u8], file_name: &str) -> Option<(web_sys::ShareData, web_sys::Navigator)> {
    let window = super::window()?;
    let navigator = window.navigator();
    if !super::has_method(&navigator, "canShare") {
        return None;
    }
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("image/png");
    let file = web_sys::File::new_with_u8_array_sequence_and_options(&parts, file_name, &options).ok()?;
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    navigator.can_share_with_data(&data).then_some((data, navigator))
}

/// True when the system share sheet takes PNG files: probed with an empty file, so nothing is
/// drawn until the reader asks.
pub fn can_share_images() -> bool {
    shareable_png(&[], "probe.png").is_some()
}

/// Shares the image with its alt text through the system share sheet.
pub async fn share_image(data_url: &str, alt: &str) -> Result<(), ShareError> {
    let bytes = data_url_bytes(data_url).ok_or(ShareError::Failed)?;
    let (data, navigator) = shareable_png(&bytes, "scaling-readiness.png").ok_or(ShareError::Unsupported)?;
    data.set_text(alt);
    wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data))
        .await
        .map(|_| ())
        .map_err(|e| super::clipboard::share_error(&e))
}
