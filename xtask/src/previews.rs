//! The preview cards' pages: the Open Graph images of the check (`check.png`) and of each
//! outcome page (`<slug>.png`), as one self-contained HTML page each with the words, dimensions and colours of the core.
//! `scripts/make-previews.mjs` renders them to PNGs in Chromium and commits nothing itself.

use readiness_check::core::content::{CURRENT, QuestionSet, intro};
use readiness_check::core::outcome::Outcome;
use readiness_check::core::theme::{LIGHT, hex};

use crate::pages::PRODUCT;

/// One card to render.
pub struct Card {
    /// The PNG's file name under preview/.
    pub name: String,
    /// Its page.
    pub html: String,
    /// Viewport size in CSS pixels (the PNG's size).
    pub width: u32,
    /// See `width`.
    pub height: u32,
}

const FONT: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"DejaVu Sans\", sans-serif";

/// Every card: the check's and one per outcome of the current set. (The embed kit's button
/// image is drawn in the author's browser, in their accent: `shell::image`.)
pub fn cards() -> Vec<Card> {
    let card = |name: String, html: String| Card { name, html, width: 1200, height: 630 };
    let mut cards = vec![card("check.png".to_owned(), check_card(CURRENT))];
    cards.extend(
        Outcome::all(CURRENT).iter().map(|o| card(format!("{}.png", o.slug(CURRENT)), outcome_card(o, CURRENT))),
    );
    cards
}

/// Escapes text for HTML as the script that first drew the cards did (`&#NN;`).
fn esc(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, '&' | '<' | '>' | '"' | '\'') { format!("&#{};", c as u32) } else { c.to_string() })
        .collect()
}

fn page(body: &str, css: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>
*{{box-sizing:border-box;margin:0;padding:0}}
html,body{{width:100%;height:100%;overflow:hidden}}
body{{font-family:{FONT};color:{text};background:{background};
  -webkit-font-smoothing:antialiased}}
{css}
</style></head><body>{body}</body></html>",
        text = hex(LIGHT.text),
        background = hex(LIGHT.bg),
    )
}

/// The frame of the 1200×630 cards: an accent rule on the left, the product name on top,
/// generous margins (crawlers crop the edges on some sites, so nothing sits near them).
fn card_css() -> String {
    let (accent, surface, border, muted) = (hex(LIGHT.accent), hex(LIGHT.surface), hex(LIGHT.border), hex(LIGHT.muted));
    format!(
        "
.card{{position:relative;width:1200px;height:630px;padding:64px 80px 56px 96px;display:flex;flex-direction:column}}
.card::before{{content:\"\";position:absolute;left:0;top:0;bottom:0;width:16px;background:{accent}}}
.brand{{display:flex;align-items:center;gap:14px;font-size:24px;font-weight:700;letter-spacing:.08em;
  text-transform:uppercase;color:{accent}}}
.brand .mark{{width:28px;height:28px;border-radius:7px;background:{accent};display:grid;
  grid-template-columns:1fr 1fr;gap:3px;padding:5px}}
.brand .mark i{{background:{surface};border-radius:2px}}
.foot{{margin-top:auto;padding-top:22px;border-top:2px solid {border};font-size:24px;line-height:1.35;color:{muted}}}
"
    )
}

fn brand() -> String {
    format!(
        "<div class=\"brand\"><span class=\"mark\" aria-hidden=\"true\"><i></i><i></i><i></i><i></i></span>{PRODUCT}</div>"
    )
}

fn check_card(set: &QuestionSet) -> String {
    let (muted, surface, border) = (hex(LIGHT.muted), hex(LIGHT.surface), hex(LIGHT.border));
    let css = format!(
        "{}
h1{{margin-top:32px;font-size:76px;line-height:1.08;font-weight:800;letter-spacing:-.015em;text-wrap:balance}}
.sub{{margin-top:18px;font-size:30px;color:{muted}}}
.dims{{margin-top:38px;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:20px}}
.dim{{background:{surface};border:2px solid {border};border-radius:999px;padding:22px 16px;
  text-align:center;font-size:30px;font-weight:800}}
",
        card_css()
    );
    let dims: String = set.dimensions.iter().map(|d| format!("<div class=\"dim\">{}</div>", esc(d.name))).collect();
    page(
        &format!(
            "<main class=\"card\">{}
<h1>{}</h1>
<p class=\"sub\">The {PRODUCT} · {} dimensions · {} minutes</p>
<div class=\"dims\">{dims}</div>
<p class=\"foot\">Based on the essay ‘From Pilot to Production’. Nothing leaves your device.</p>
</main>",
            brand(),
            esc(intro::HEADLINE),
            set.dimensions.len(),
            intro::MINUTES
        ),
        &css,
    )
}

fn outcome_card(outcome: &Outcome, set: &QuestionSet) -> String {
    let ready = outcome.is_ready();
    let tone = hex(if ready { LIGHT.yes } else { LIGHT.no });
    let (yes, no, yes_bg, no_bg) = (hex(LIGHT.yes), hex(LIGHT.no), hex(LIGHT.yes_bg), hex(LIGHT.no_bg));
    let (surface, text, muted, accent) = (hex(LIGHT.surface), hex(LIGHT.text), hex(LIGHT.muted), hex(LIGHT.accent));
    let css = format!(
        "{}
.verdict{{margin-top:44px;display:flex;align-items:center;gap:26px;color:{tone}}}
.verdict .badge{{flex:none;width:84px;height:84px;border-radius:50%;background:{tone};color:{surface};
  display:grid;place-items:center;font-size:50px;font-weight:700;line-height:1}}
.verdict h1{{font-size:68px;line-height:1.05;font-weight:800;letter-spacing:-.015em}}
.dims{{margin-top:44px;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:20px}}
.dim{{border-radius:18px;padding:26px 22px 28px;border:3px solid;background:{surface}}}
.dim.pass{{border-color:{yes};background:{yes_bg}}}
.dim.block{{border-color:{no};background:{no_bg}}}
.dim .name{{font-size:30px;font-weight:800;color:{text}}}
.dim .state{{margin-top:16px;display:flex;align-items:center;gap:12px;font-size:26px;font-weight:700}}
.dim.pass .state{{color:{yes}}}
.dim.block .state{{color:{no}}}
.dim .sym{{flex:none;width:40px;height:40px;border-radius:50%;color:{surface};display:grid;place-items:center;
  font-size:24px;line-height:1}}
.dim.pass .sym{{background:{yes}}}
.dim.block .sym{{background:{no}}}
.foot{{font-size:28px;line-height:1.4;color:{muted}}}
.foot strong{{display:block;color:{accent}}}
",
        card_css()
    );
    let dims: String = set
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let blocks = outcome.blocking().contains(&i);
            format!(
                "<div class=\"dim {}\"><div class=\"name\">{}</div><div class=\"state\"><span class=\"sym\" aria-hidden=\"true\">{}</span>{}</div></div>",
                if blocks { "block" } else { "pass" },
                esc(d.name),
                if blocks { '✗' } else { '✓' },
                if blocks { "Blocking" } else { "Passes" }
            )
        })
        .collect();
    page(
        &format!(
            "<main class=\"card\">{}
<div class=\"verdict\"><span class=\"badge\" aria-hidden=\"true\">{}</span><h1>{}</h1></div>
<div class=\"dims\">{dims}</div>
<p class=\"foot\">Someone checked their AI pilot. <strong>Take the {minutes}-minute check and compare →</strong></p>
</main>",
            brand(),
            if ready { '✓' } else { '✗' },
            esc(outcome.headline(set)),
            minutes = intro::MINUTES
        ),
        &css,
    )
}

/// 720×192, shown at 360×96: a rounded accent button on a transparent surround, so it sits on
/// any newsletter background.
/// The cards' list for the renderer: name, page file, size.
pub fn manifest(cards: &[Card]) -> String {
    let entries: Vec<serde_json::Value> = cards
        .iter()
        .map(|c| {
            serde_json::json!({
                "name": c.name, "page": c.name.replace(".png", ".html"), "width": c.width, "height": c.height,
            })
        })
        .collect();
    serde_json::Value::Array(entries).to_string()
}

/// The digest of each card's page, one line each (`sha256sum`'s format): what the committed
/// images were drawn from. `scripts/make-previews.mjs` commits it beside the images.
pub fn sources(cards: &[Card]) -> String {
    use sha2::{Digest, Sha256};
    cards
        .iter()
        .map(|card| {
            let digest: String = Sha256::digest(card.html.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
            format!("{digest}  {}\n", card.name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The images under preview/ show today's words and colours: drawn from the cards the core
    /// makes now (a changed headline, time or colour makes this fail until they are redrawn).
    #[test]
    fn the_committed_images_are_drawn_from_todays_cards() {
        let committed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/preview-sources.sha256")).unwrap_or_default();
        assert!(
            committed == sources(&cards()),
            "preview/ is stale: run `node scripts/make-previews.mjs` and commit the images and xtask/preview-sources.sha256"
        );
        for card in cards() {
            let image = format!("{}/../preview/{}", env!("CARGO_MANIFEST_DIR"), card.name);
            assert!(std::path::Path::new(&image).exists(), "{image} is missing");
        }
    }

    #[test]
    fn one_card_per_outcome_besides_the_check() {
        let cards = cards();
        assert_eq!(cards.len(), 17);
        assert_eq!(cards[0].name, "check.png");
        assert_eq!(cards[1].name, "ready.png");
        assert_eq!(cards[16].name, "not-odbm.png");
        assert!(cards[16].html.contains("<h1>Not ready to scale yet</h1>"));
        assert_eq!(cards[16].html.matches("Blocking</div>").count(), 4);
        assert_eq!(cards[1].html.matches("Passes</div>").count(), 4);
        assert!(cards[0].html.contains("<div class=\"dim\">Buy-in</div>"));
        assert!(cards[0].html.contains("· 4 dimensions ·"));
        assert!(cards[0].html.contains(&hex(LIGHT.accent)));
        assert!(manifest(&cards).contains("\"page\":\"not-odbm.html\""));
    }
}
