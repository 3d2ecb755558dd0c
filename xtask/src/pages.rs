//! The site's pages from what Trunk built: the check's page, one page per outcome, the tools'
//! page (and its source, written before Trunk builds it), the 404 page, `_headers`. Pure
//! functions of their input; `main.rs` reads and writes the files.

use std::sync::LazyLock;

use readiness_check::core::content::{CURRENT, QuestionSet, intro};
use readiness_check::core::outcome::{Outcome, shared_view};
use regex::{NoExpand, Regex};

use crate::html::{
    absolutize, attribute, drop_module_preload, first_style, minify_html, pin_csp, set_meta, set_title, text,
};
use crate::not_found;

/// The product's name, after a page's own title.
pub const PRODUCT: &str = "Scaling Readiness Check";

fn re(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        Err(error) => unreachable!("bad pattern {pattern:?}: {error}"),
    }
}

static STATIC_INTRO: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)\s*<!-- static-intro:.*?<!-- /static-intro -->"));
static STATIC_QUESTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?s)\s*<!-- static-question:.*?<!-- /static-question -->"));
static RELATIVE_ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| re(r#"(href|src)="\./"#));
static RELATIVE_SINGLE: LazyLock<Regex> = LazyLock::new(|| re(r#"'\./([^'"]+\.(?:js|wasm))'"#));
static RELATIVE_DOUBLE: LazyLock<Regex> = LazyLock::new(|| re(r#""\./([^'"]+\.(?:js|wasm))""#));
static COPY_LINK: LazyLock<Regex> = LazyLock::new(|| re(r#"\s*<link data-trunk rel="copy-(file|dir)"[^>]*>"#));
static EMBEDDERS: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:\*|(?:https?://[A-Za-z0-9.-]+(?::\d+)?(?: |$))+)$"));

/// The site's address from `SITE_URL`, ending in `/`, or `None` when it is unset or blank.
pub fn site_url(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    if !(raw.starts_with("https://") || raw.starts_with("http://")) || raw.contains(['"', '<', ' ', '#', '?']) {
        return Err(format!("SITE_URL must be the site's address, like https://example.com/check/, got {raw:?}"));
    }
    Ok(Some(if raw.ends_with('/') { raw.to_owned() } else { format!("{raw}/") }))
}

/// The path of a site address (`https://example.com/check/` → `/check/`).
pub fn site_path(site: &str) -> String {
    let after_scheme = site.split_once("://").map_or(site, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(at) => after_scheme[at..].to_owned(),
        None => "/".to_owned(),
    }
}

/// The author's list of sites that may frame the widget, from `EMBED_ALLOWED`: origins
/// separated by spaces or commas, or `*` (or nothing) for any site.
pub fn embed_allowed(raw: Option<&str>) -> Result<String, String> {
    let raw = raw.unwrap_or_default().replace(',', " ");
    let allowed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let allowed = if allowed.is_empty() { "*".to_owned() } else { allowed };
    if !EMBEDDERS.is_match(&allowed) {
        return Err(format!("EMBED_ALLOWED must be * or origins like https://blog.example.com, got {allowed:?}"));
    }
    Ok(allowed)
}

/// The framing list, for the widget to read (`<meta name="readiness-embedders">`).
pub fn set_embedders(html: &str, allowed: &str) -> String {
    set_meta(html, "readiness-embedders", allowed, "name")
}

/// A `_headers` file (Netlify, Cloudflare Pages) that tells browsers the same as the framing
/// list: only the listed sites may frame any page of the widget. None when any site may.
pub fn headers(allowed: &str) -> Option<String> {
    (allowed != "*").then(|| format!("/*\n  Content-Security-Policy: frame-ancestors {allowed}\n"))
}

/// The check's page: the template (Trunk's page with the framing list, without the glue's
/// modulepreload) minified and pinned.
pub fn check_page(template: &str, site: Option<&str>) -> String {
    pin_csp(&minify_html(&absolutize(template, site, "")))
}

/// The top of the shared view for an outcome, as plain HTML: readable, marked as someone
/// else's, with a working "Take the check yourself", before the app arrives. The app's shared
/// view draws the same boxes in the same places (the same classes), then the rest.
pub fn static_shared(outcome: &Outcome, set: &QuestionSet) -> String {
    format!(
        r#"
    <div id="static-shared" class="widget static-shared" data-theme="auto">
      <header class="chrome"><p class="brand">{PRODUCT}</p></header>
      <div class="notice-region"></div>
      <main class="screen">
        <section aria-labelledby="static-shared-heading">
          <div class="banner" role="note"><p>{banner}</p></div>
          <h1 id="static-shared-heading">{heading}</h1>
          <div class="actions"><a id="static-take-check" class="button primary" href="../../#start">{take}</a></div>
          <div class="verdict {key}" data-verdict="{key}">
            <p class="verdict-title">{verdict_title}</p>
            <p class="verdict-headline">{headline}</p>
            <p>{sentence}</p>
          </div>
        </section>
      </main>
    </div>"#,
        banner = text(shared_view::BANNER),
        heading = text(shared_view::HEADING),
        take = text(shared_view::TAKE_CHECK),
        verdict_title = text(shared_view::VERDICT_TITLE),
        key = outcome.key(),
        headline = text(outcome.headline(set)),
        sentence = text(&outcome.sentence(set)),
    )
}

/// An outcome's page, `r/<slug>/index.html`: the check's page two folders down, whose title,
/// description and preview image say the outcome, with its static shared view in place of
/// the intro and the first question (which would only flash).
pub fn outcome_page(template: &str, outcome: &Outcome, set: &QuestionSet, site: Option<&str>) -> String {
    let slug = outcome.slug(set);
    let title = outcome.title(set);
    let description = outcome.description(set);
    let html = STATIC_INTRO.replace(template, NoExpand(&static_shared(outcome, set)));
    let html = STATIC_QUESTION.replace(&html, "");
    // Every relative reference climbs two folders: r/<slug>/ -> the widget's root.
    let html = RELATIVE_ATTRIBUTE.replace_all(&html, "$1=\"../../");
    let html = RELATIVE_SINGLE.replace_all(&html, "'../../$1'");
    let html = RELATIVE_DOUBLE.replace_all(&html, "\"../../$1\"");
    let html = html.replace("content=\"preview/check.png\"", &format!("content=\"../../preview/{slug}.png\""));
    let mut html = set_title(&html, &format!("{title} · {PRODUCT}"));
    for (key, attr, value) in [
        ("og:title", "property", &title),
        ("twitter:title", "name", &title),
        ("og:description", "property", &description),
        ("twitter:description", "name", &description),
        ("description", "name", &description),
        ("og:image:alt", "property", &title),
    ] {
        html = set_meta(&html, key, value, attr);
    }
    pin_csp(&minify_html(&absolutize(&html, site, &format!("r/{slug}/"))))
}

/// The readers' worker in the tools' page (Trunk's worker pipeline and its loader script).
const READERS_WORKER_LINK: &str = "<link data-trunk rel=\"rust\" data-bin=\"readers-worker\" data-type=\"worker\" data-loader-shim data-wasm-opt=\"z\">";

/// The tools' page source (`tools.html`, a Trunk input) from index.html: the same head (CSP,
/// theme, crash message), no static screens, the tools' own wasm and stylesheet, and the
/// readers' worker (src/bin/readers_worker.rs: pasted threads are read off the main thread).
pub fn tools_source(index: &str) -> Result<String, String> {
    let html = STATIC_INTRO.replace(index, "");
    let html = STATIC_QUESTION.replace(&html, "");
    let html = COPY_LINK.replace_all(&html, "");
    // The tools' wasm in place of the check's, the readers' worker's link before it.
    let html = html.replacen(
        "<link data-trunk rel=\"rust\" data-bin=\"readiness-check\"",
        &format!("{READERS_WORKER_LINK}\n  <link data-trunk rel=\"rust\" data-bin=\"readiness-tools\""),
        1,
    );
    let html = html.replace(
        "<link data-trunk rel=\"inline\" href=\"style/main.css\">",
        "<link data-trunk rel=\"inline\" href=\"style/main.css\">\n  <link data-trunk rel=\"inline\" href=\"style/tools.css\">",
    );
    let html = set_title(&html, &format!("Author tools · {PRODUCT}"));
    let html = html.replace(
        "<p class=\"loading\">Loading the Scaling Readiness Check…</p>",
        "<p class=\"loading\">Loading the author tools…</p>",
    );
    // The embed kit previews the check in a frame of this site: the tools page (only) may
    // frame its own origin.
    let html = html.replacen("default-src 'none';", "default-src 'none'; frame-src 'self';", 1);
    if !html.contains("data-bin=\"readiness-tools\"")
        || !html.contains("data-bin=\"readers-worker\"")
        || !html.contains("style/tools.css")
        || !html.contains("frame-src 'self'")
    {
        return Err(
            "index.html has no data-bin=\"readiness-check\" link, main.css link or default-src to replace".to_owned()
        );
    }
    Ok(html)
}

/// The tools' page as Trunk built it, finished: the framing list, no glue modulepreload,
/// its preview image one folder up (`tools/` holds no `preview/`), minified and pinned.
pub fn tools_page(built: &str, allowed: &str, site: Option<&str>) -> String {
    let html = drop_module_preload(&set_embedders(built, allowed));
    let html = html.replace("content=\"preview/", "content=\"../preview/");
    pin_csp(&minify_html(&absolutize(&html, site, "tools/")))
}

/// The 404 page (`404.html` at the site's root, which GitHub Pages, Netlify and Cloudflare
/// Pages serve for any missing address): it sends a link whose `#` arrived escaped where it
/// meant to go (`core::lost_link`), and otherwise offers the check. Self-contained (it is
/// served at any depth, so no relative address would hold): the check's stylesheet inline,
/// one inline script, both pinned by hash.
pub fn not_found_page(template: &str, site: Option<&str>, slugs: &[String]) -> Result<String, String> {
    let style = first_style(template).ok_or("the check's page has no inline stylesheet")?;
    let known_base = site.map(site_path);
    let script = not_found::script(known_base.as_deref(), slugs);
    let check = site.unwrap_or("/");
    let questions = CURRENT.question_count();
    let minutes = intro::MINUTES;
    let html = format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src CSP_SCRIPT_HASHES; style-src CSP_STYLE_HASHES; img-src data:; base-uri 'none'; form-action 'none'">
  <meta name="referrer" content="no-referrer">
  <meta name="robots" content="noindex">
  <meta name="color-scheme" content="light dark">
  <title>Page not found · {PRODUCT}</title>
  <link rel="icon" href="data:,">
  <script>{script}</script>
  {style}
</head>
<body>
  <div id="app">
    <div class="widget" data-theme="auto">
      <header class="chrome"><p class="brand">{PRODUCT}</p></header>
      <main class="screen">
        <section aria-labelledby="not-found-heading">
          <h1 id="not-found-heading">This page doesn't exist</h1>
          <p class="lead">The link may have been cut short or changed on its way here. The check itself is one click away: {questions} questions, about {minutes} minutes, and your answers stay on your device.</p>
          <div class="actions"><a id="take-check" class="button primary" href="{check}">Take the {PRODUCT}</a></div>
        </section>
      </main>
    </div>
  </div>
</body>
</html>
"#,
        check = attribute(check),
    );
    Ok(pin_csp(&minify_html(&html)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::relative_preview_addresses;
    use readiness_check::core::content::CURRENT;

    const TEMPLATE: &str = "<head>\n  <meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' CSP_SCRIPT_HASHES; style-src CSP_STYLE_HASHES\">\n  <title>Check</title>\n  <meta name=\"description\" content=\"d\">\n  <meta property=\"og:title\" content=\"t\">\n  <meta property=\"og:description\" content=\"d\">\n  <meta property=\"og:image\" content=\"preview/check.png\">\n  <meta property=\"og:image:alt\" content=\"a\">\n  <meta name=\"twitter:title\" content=\"t\">\n  <meta name=\"twitter:description\" content=\"d\">\n  <meta name=\"twitter:image\" content=\"preview/check.png\">\n  <script>go()</script>\n  <style>\n  p { color: red; }\n  </style>\n  <link rel=\"preload\" href=\"./readiness-check-1.wasm\">\n  <script type=\"module\">import init from './readiness-check-1.js';init({ module_or_path: './readiness-check-1.wasm' })</script>\n</head>\n<body>\n  <!-- static-intro: x -->\n  <div id=\"static-intro\">intro</div>\n  <!-- /static-intro -->\n  <!-- static-question: y -->\n  <div>question</div>\n  <!-- /static-question -->\n</body>";

    #[test]
    fn an_outcome_page_says_its_outcome_two_folders_down() {
        let outcome = Outcome::from_slug("not-od", CURRENT).expect("not-od");
        let page = outcome_page(TEMPLATE, &outcome, CURRENT, None);
        let title = "Not ready to scale yet: Ownership and Data are blocking";
        assert!(page.contains(&format!("<title>{title} · Scaling Readiness Check</title>")));
        assert!(page.contains(&format!("<meta property=\"og:title\" content=\"{title}\">")));
        assert!(page.contains(&format!("<meta property=\"og:image:alt\" content=\"{title}\">")));
        assert!(page.contains("<meta property=\"og:image\" content=\"../../preview/not-od.png\">"));
        assert!(page.contains("Blocking: Ownership and Data.</p>"));
        assert!(page.contains("href=\"../../readiness-check-1.wasm\""));
        assert!(page.contains("from '../../readiness-check-1.js'"));
        assert!(page.contains("'../../readiness-check-1.wasm'"));
        assert!(!page.contains("static-intro") && !page.contains("question</div>"));
        assert!(!page.contains("CSP_"));
        assert!(page.contains(&crate::html::csp_hash("go()")));
        assert!(page.contains(&crate::html::csp_hash("p{color:red}")));
    }

    #[test]
    fn with_a_site_address_every_page_has_absolute_preview_addresses() {
        let site = Some("https://example.com/check/");
        let slugs: Vec<String> = Outcome::all(CURRENT).iter().map(|o| o.slug(CURRENT)).collect();
        let mut pages = vec![check_page(TEMPLATE, site), tools_page(TEMPLATE, "*", site)];
        pages.extend(Outcome::all(CURRENT).iter().map(|o| outcome_page(TEMPLATE, o, CURRENT, site)));
        pages.push(not_found_page(TEMPLATE, site, &slugs).expect("404"));
        for page in &pages {
            assert_eq!(relative_preview_addresses(page), Vec::<String>::new(), "{page}");
        }
        assert!(pages[1].contains("content=\"https://example.com/check/preview/check.png\""), "the tools page's image");
        assert!(pages[1].contains("<meta property=\"og:url\" content=\"https://example.com/check/tools/\">"));
        assert!(pages[2].contains("<meta property=\"og:url\" content=\"https://example.com/check/r/ready/\">"));
        // Without one, the addresses stay relative, and right from where each page is.
        let tools = tools_page(TEMPLATE, "*", None);
        assert!(tools.contains("content=\"../preview/check.png\""));
    }

    #[test]
    fn the_tools_source_is_index_html_without_static_screens() {
        let index = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';\">\n<title>x</title>\n  <link data-trunk rel=\"inline\" href=\"style/main.css\">\n  <link data-trunk rel=\"rust\" data-bin=\"readiness-check\">\n  <link data-trunk rel=\"copy-file\" href=\"embed/embed.js\">\n<!-- static-intro: a -->i<!-- /static-intro -->\n<p class=\"loading\">Loading the Scaling Readiness Check…</p>";
        let tools = tools_source(index).expect("tools.html");
        assert_eq!(
            tools,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; frame-src 'self';\">\n<title>Author tools · Scaling Readiness Check</title>\n  <link data-trunk rel=\"inline\" href=\"style/main.css\">\n  <link data-trunk rel=\"inline\" href=\"style/tools.css\">\n  <link data-trunk rel=\"rust\" data-bin=\"readers-worker\" data-type=\"worker\" data-loader-shim data-wasm-opt=\"z\">\n  <link data-trunk rel=\"rust\" data-bin=\"readiness-tools\">\n<p class=\"loading\">Loading the author tools…</p>"
        );
        assert!(tools_source("<title>x</title>").is_err());
    }

    #[test]
    fn the_framing_list_is_checked_and_becomes_a_header() {
        assert_eq!(embed_allowed(None), Ok("*".to_owned()));
        assert_eq!(
            embed_allowed(Some(" https://a.example,https://b.example:8443 ")),
            Ok("https://a.example https://b.example:8443".to_owned())
        );
        assert!(embed_allowed(Some("a.example")).is_err());
        assert!(embed_allowed(Some("https://a.example/path")).is_err());
        assert_eq!(headers("*"), None);
        assert_eq!(
            headers("https://a.example").as_deref(),
            Some("/*\n  Content-Security-Policy: frame-ancestors https://a.example\n")
        );
    }

    #[test]
    fn the_site_address_ends_in_a_slash_and_must_be_one() {
        assert_eq!(site_url(Some("https://example.com/check")), Ok(Some("https://example.com/check/".to_owned())));
        assert_eq!(site_url(Some("  ")), Ok(None));
        assert_eq!(site_url(None), Ok(None));
        assert!(site_url(Some("example.com/check/")).is_err());
        assert_eq!(site_path("https://example.com/check/"), "/check/");
        assert_eq!(site_path("https://example.com/"), "/");
    }

    #[test]
    fn the_404_page_is_self_contained_and_pinned() {
        let slugs = vec!["ready".to_owned()];
        let page = not_found_page(TEMPLATE, Some("https://example.com/check/"), &slugs).expect("404");
        assert!(page.contains("href=\"https://example.com/check/\""));
        assert!(!page.contains("CSP_") && !page.contains("src=\"") && !page.contains("href=\"./"));
        assert!(page.contains("<style>p{color:red}</style>"));
        let without = not_found_page(TEMPLATE, None, &slugs).expect("404");
        assert!(without.contains("href=\"/\""));
    }
}
