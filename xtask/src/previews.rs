//! The preview cards' pages: the Open Graph images of the check (`check.png`) and of each
//! outcome page (`<slug>.png`), and the embed kit's button image (`button.png`), as one
//! self-contained HTML page each with the words, dimensions and colours of the core.
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
    /// Rendered on a transparent background.
    pub transparent: bool,
    /// Its label is shrunk to fit whatever font renders it (the button).
    pub fit_label: bool,
}

const FONT: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"DejaVu Sans\", sans-serif";

/// Every card: the check's, one per outcome of the current set, the button.
pub fn cards() -> Vec<Card> {
    let card = |name: String, html: String| Card {
        name,
        html,
        width: 1200,
        height: 630,
        transparent: false,
        fit_label: false,
    };
    let mut cards = vec![card("check.png".to_owned(), check_card(CURRENT))];
    cards.extend(
        Outcome::all(CURRENT).iter().map(|o| card(format!("{}.png", o.slug(CURRENT)), outcome_card(o, CURRENT))),
    );
    cards.push(Card {
        name: "button.png".to_owned(),
        html: button_page(),
        width: 720,
        height: 192,
        transparent: true,
        fit_label: true,
    });
    cards
}

/// Escapes text for HTML as the script that first drew the cards did (`&#NN;`).
fn esc(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, '&' | '<' | '>' | '"' | '\'') { format!("&#{};", c as u32) } else { c.to_string() })
        .collect()
}

fn page(body: &str, css: &str, transparent: bool) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>
*{{box-sizing:border-box;margin:0;padding:0}}
html,body{{width:100%;height:100%;overflow:hidden}}
body{{font-family:{FONT};color:{text};background:{background};
  -webkit-font-smoothing:antialiased}}
{css}
</style></head><body>{body}</body></html>",
        text = hex(LIGHT.text),
        background = if transparent { "transparent".to_owned() } else { hex(LIGHT.bg) },
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
        false,
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
        false,
    )
}

/// 720×192, shown at 360×96: a rounded accent button on a transparent surround, so it sits on
/// any newsletter background.
fn button_page() -> String {
    let css = format!(
        "
.wrap{{width:720px;height:192px;padding:8px}}
.btn{{width:100%;height:100%;overflow:hidden;background:{};color:{};border-radius:28px;display:flex;align-items:center;justify-content:center;
  padding:0 36px;font-weight:700;font-size:42px;font-stretch:condensed;white-space:nowrap;letter-spacing:.005em}}
",
        hex(LIGHT.accent),
        hex(LIGHT.on_accent)
    );
    page(
        &format!(
            "<div class=\"wrap\"><div class=\"btn\"><span id=\"label\">Take the {PRODUCT}&nbsp;→</span></div></div>"
        ),
        &css,
        true,
    )
}

/// The cards' list for the renderer: name, page file, size, background, label fitting.
pub fn manifest(cards: &[Card]) -> String {
    let entries: Vec<serde_json::Value> = cards
        .iter()
        .map(|c| {
            serde_json::json!({
                "name": c.name, "page": c.name.replace(".png", ".html"), "width": c.width, "height": c.height,
                "transparent": c.transparent, "fitLabel": c.fit_label,
            })
        })
        .collect();
    serde_json::Value::Array(entries).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_card_per_outcome_besides_the_check_and_the_button() {
        let cards = cards();
        assert_eq!(cards.len(), 18);
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
