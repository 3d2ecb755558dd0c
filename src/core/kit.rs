//! The embed kit's words and snippets: what an author's choices (theme, accent, background,
//! events) make of the widget's address, the snippet and steps for each host, the example
//! that listens for the result, and what the kit says about the accent in each theme.
//! Pure text, built here so that the kit's screen only renders it and tests can paste it.

use super::benchmark::{self, Benchmark};
use super::embed::EmbedOptions;
use super::route::Theme;
use super::theme::{AccentUse, Accents, Scheme, parse_accent, readable_shade, to_hex, worst_contrast};

/// The DOM event `embed/embed.js` dispatches on the widget's iframe (bubbling) for a result.
pub const RESULT_EVENT: &str = "readiness-check:result";

/// The words on the Substack button image (and its alt text).
pub const BUTTON_LABEL: &str = "Take the Scaling Readiness Check →";

/// The button image's file name when downloaded.
pub const BUTTON_FILE: &str = "readiness-check-button.png";

/// The iframe's height before `embed.js` fits it to its content (and where the script can't
/// run): tall enough for the intro on a phone.
pub const FRAME_HEIGHT: u32 = 640;

/// What the kit says when the accent typed is not a colour (the widget would ignore it).
pub const ACCENT_INVALID: &str = "Not a colour: type six hex digits, like c2410c. The widget keeps its own accent.";

/// The tallest height a frame of the widget may report: the embed rules' one constant.
pub use super::embed::MAX_FRAME_HEIGHT;

/// What the author picked in the kit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KitChoice {
    /// `theme=`.
    pub theme: Theme,
    /// The accent as typed (`#c2410c`, `c2410c`), or empty for the widget's own.
    pub accent: String,
    /// `bg=transparent`.
    pub transparent: bool,
    /// `events`: the host page receives the reader's result.
    pub events: bool,
    /// The readers' benchmark as pasted (`B1…`, `bench=B1…` or an address holding it), or
    /// empty for none.
    pub benchmark: String,
}

/// What the kit says about the benchmark pasted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BenchmarkNote {
    /// It reads: the headline readers' results will start from.
    Reads(String),
    /// It does not: why, and that readers would not see it.
    Unreadable(&'static str),
}

/// What the kit says about the accent in one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct AccentNote {
    /// The palette.
    pub scheme: Scheme,
    /// The colour the widget shows there.
    pub used: String,
    /// Its worst contrast there (link text and button), at least 4.5.
    pub ratio: f64,
    /// The sentence for the author.
    pub text: String,
}

impl KitChoice {
    /// The widget's query for these choices, `embed` first; an accent that is not a colour is
    /// left out (the widget would ignore it).
    pub fn query(&self) -> String {
        let mut parts = vec!["embed".to_owned()];
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.name()));
        }
        if let Some(colour) = self.accent_colour() {
            parts.push(format!("accent={}", &to_hex(colour)[1..]));
        }
        if self.transparent {
            parts.push("bg=transparent".to_owned());
        }
        if let Some(bench) = self.benchmark() {
            parts.push(format!("bench={}", bench.encode()));
        }
        if self.events {
            parts.push("events".to_owned());
        }
        parts.join("&")
    }

    /// The accent typed, as a colour; `None` when empty or not six hex digits.
    pub fn accent_colour(&self) -> Option<[u8; 3]> {
        parse_accent(self.accent.trim())
    }

    /// True when something is typed that is not a colour.
    pub fn accent_is_invalid(&self) -> bool {
        !self.accent.trim().is_empty() && self.accent_colour().is_none()
    }

    /// The benchmark pasted, when it reads. Pasted with its `bench=` or in a whole address
    /// (the readers' screen offers both), only the parameter counts.
    pub fn benchmark(&self) -> Option<Benchmark> {
        Benchmark::decode(self.benchmark_text()?).ok()
    }

    /// The benchmark's own text in what was pasted, or `None` when nothing was.
    fn benchmark_text(&self) -> Option<&str> {
        let pasted = self.benchmark.trim();
        if pasted.is_empty() {
            return None;
        }
        let query = pasted.split('#').next().unwrap_or_default();
        let query = query.split_once('?').map_or(query, |(_, q)| q);
        Some(benchmark::bench_param(query).unwrap_or(pasted))
    }

    /// What the author is told about the benchmark pasted; `None` when nothing is.
    pub fn benchmark_note(&self) -> Option<BenchmarkNote> {
        let text = self.benchmark_text()?;
        Some(match Benchmark::decode(text) {
            Ok(bench) => BenchmarkNote::Reads(format!(
                "{} Each reader's results will say where they stand among them.",
                bench.headline()
            )),
            Err(error) => BenchmarkNote::Unreadable(benchmark::explain(error)),
        })
    }

    /// The check's own address for a link (where no iframe goes), with the benchmark when
    /// one reads.
    pub fn check_address(&self, base: &str) -> String {
        match self.benchmark() {
            Some(bench) => benchmark::with_bench(base, &bench),
            None => base.to_owned(),
        }
    }

    /// The widget's address for these choices, under `base` (ending in `/`).
    pub fn frame_address(&self, base: &str) -> String {
        format!("{base}?{}", self.query())
    }

    /// The iframe alone (for hosts that strip scripts, it keeps its first height).
    pub fn iframe(&self, base: &str) -> String {
        format!(
            "<iframe src=\"{}\" title=\"Scaling Readiness Check\" style=\"width:100%;border:0\" height=\"{FRAME_HEIGHT}\" loading=\"lazy\" allow=\"clipboard-write; web-share\"></iframe>",
            html_attribute(&self.frame_address(base))
        )
    }

    /// The iframe and `embed.js`, which fits the frame to its content and passes on results.
    pub fn html_snippet(&self, base: &str) -> String {
        format!("{}\n<script src=\"{}embed.js\" defer></script>", self.iframe(base), html_attribute(base))
    }

    /// What the kit says about the accent in each theme the choice can show (both for
    /// `auto`), or nothing when the widget's own accent is kept.
    pub fn accent_notes(&self) -> Vec<AccentNote> {
        let Some(colour) = self.accent_colour() else { return Vec::new() };
        let accents = Accents::parse(Some(&to_hex(colour)), None);
        let schemes: &[Scheme] = match self.theme {
            Theme::Light => &[Scheme::Light],
            Theme::Dark => &[Scheme::Dark],
            Theme::Auto => &[Scheme::Light, Scheme::Dark],
        };
        schemes
            .iter()
            .filter_map(|&scheme| {
                let accent = match scheme {
                    Scheme::Light => accents.light,
                    Scheme::Dark => accents.dark,
                }?;
                Some(accent_note(accent, scheme))
            })
            .collect()
    }

    /// The button image's colour: the accent as the light theme shows it (it reads behind the
    /// button's white text), else the widget's own.
    pub fn button_colour(&self) -> String {
        let accent = self.accent_colour().map(|colour| readable_shade(colour, Scheme::Light));
        to_hex(accent.unwrap_or(Scheme::Light.default_accent()))
    }

    /// The options the widget will read from this choice's address (the same parser).
    pub fn options(&self) -> EmbedOptions {
        EmbedOptions::parse(&self.query())
    }
}

/// The sentence about one accent in one theme.
fn accent_note(accent: AccentUse, scheme: Scheme) -> AccentNote {
    let given = to_hex(accent.given);
    let used = to_hex(accent.used);
    let ratio = worst_contrast(accent.used, scheme);
    let text = if accent.is_shade() {
        let direction = match scheme {
            Scheme::Light => "darker",
            Scheme::Dark => "lighter",
        };
        format!(
            "{} theme: {given} can't be read there ({:.1}:1, AA needs 4.5:1), so the widget uses {used}, the nearest {direction} shade that can ({ratio:.1}:1).",
            capitalised(scheme.name()),
            worst_contrast(accent.given, scheme),
        )
    } else {
        format!("{} theme: {given} reads at AA ({ratio:.1}:1).", capitalised(scheme.name()))
    };
    AccentNote { scheme, used, ratio, text }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `&` and `"` escaped, for an address inside an HTML attribute (the rest of an address the
/// kit builds is safe there).
fn html_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;")
}

/// The text and link an author pastes where no iframe goes (`address`: the check's).
pub fn link_text(address: &str) -> String {
    format!(
        "Is your AI pilot ready to scale? Take the {}-minute Scaling Readiness Check: {address}",
        super::content::intro::MINUTES
    )
}

/// A host an author may publish on, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostSteps {
    /// Element id (`host-substack`).
    pub id: &'static str,
    /// The host's name.
    pub name: &'static str,
    /// The steps, in order.
    pub steps: Vec<String>,
    /// What to paste.
    pub paste: Paste,
    /// True when the steps use the button image.
    pub button_image: bool,
}

/// What an author pastes on a host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paste {
    /// The copy field's element id.
    pub id: &'static str,
    /// The copy field's label.
    pub label: &'static str,
    /// The text.
    pub text: String,
}

/// The steps for every host, in the kit's order.
pub fn hosts(choice: &KitChoice, base: &str) -> Vec<HostSteps> {
    let snippet = choice.html_snippet(base);
    let address = choice.check_address(base);
    let card = "the preview card shown below (the page's title, description and image)";
    vec![
        HostSteps {
            id: "host-substack",
            name: "Substack",
            steps: vec![
                "Substack takes no iframes or scripts, so the check goes in as a button or a link.".to_owned(),
                "Button: download the button image below. In the post editor, choose Image, upload the file, then select the image, choose the link button and paste the check's address.".to_owned(),
                format!("Link alone: paste the check's address on a line of its own. Substack makes {card}."),
            ],
            paste: Paste { id: "paste-substack", label: "The check's address", text: address.clone() },
            button_image: true,
        },
        HostSteps {
            id: "host-medium",
            name: "Medium",
            steps: vec![
                format!("Paste the check's address on a line of its own and press Enter: Medium makes {card}."),
            ],
            paste: Paste { id: "paste-medium", label: "Text and link", text: link_text(&address) },
            button_image: false,
        },
        HostSteps {
            id: "host-linkedin",
            name: "LinkedIn",
            steps: vec![format!(
                "Paste the text and link into a post or an article: LinkedIn makes {card} from the address."
            )],
            paste: Paste { id: "paste-linkedin", label: "Text and link", text: link_text(&address) },
            button_image: false,
        },
        HostSteps {
            id: "host-wordpress",
            name: "WordPress",
            steps: vec![
                "Add a Custom HTML block where the check should be and paste the snippet.".to_owned(),
                "Posting an iframe and a script needs a role allowed to (Administrator or Editor on your own WordPress; a plan with plugins on WordPress.com). If the script is removed, the frame still works at its first height and scrolls inside.".to_owned(),
            ],
            paste: Paste { id: "paste-wordpress", label: "WordPress Custom HTML block", text: snippet.clone() },
            button_image: false,
        },
        HostSteps {
            id: "host-ghost",
            name: "Ghost",
            steps: vec!["In the editor, add an HTML card (type /html) where the check should be and paste the snippet.".to_owned()],
            paste: Paste { id: "paste-ghost", label: "Ghost HTML card", text: snippet.clone() },
            button_image: false,
        },
        HostSteps {
            id: "host-html",
            name: "Plain HTML",
            steps: vec![
                "Paste the snippet where the check should be. embed.js fits the frame to its content, so it never scrolls inside.".to_owned(),
            ],
            paste: Paste { id: "paste-html", label: "HTML snippet", text: snippet },
            button_image: false,
        },
    ]
}

/// A script an author pastes into their page to receive the reader's result (with `events`).
pub fn listener_example() -> String {
    format!(
        r#"<script>
  // embed.js passes the reader's result on as a "{RESULT_EVENT}" event on the iframe;
  // it bubbles up to the document. Sent once the reader reaches their results, with events on.
  document.addEventListener('{RESULT_EVENT}', function (event) {{
    var result = event.detail;
    // result.verdict: "ready", "not-ready" or "incomplete"
    // result.blocking: ids of the dimensions that are not a yes, weakest first
    // result.dimensions: [{{ id, name, score (0-100 or null), band ("yes", "partly", "no" or null) }}]
    // result.link: the reader's results link
    console.log('Scaling Readiness Check:', result.verdict, result.blocking, result.link);
  }});
</script>"#
    )
}
