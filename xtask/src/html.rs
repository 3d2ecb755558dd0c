//! Text transforms over the pages Trunk writes: minification, the CSP's hashes, meta tags and
//! absolute preview addresses. Pure functions of their input, tested natively.
//!
//! The pages are our own (index.html and what Trunk adds to it), so a few regular expressions
//! over known shapes do, as they did in the Python hook these replace; the output is the same
//! byte for byte (checked against that hook's dist/ when this step replaced it).

use std::sync::LazyLock;

use base64::Engine as _;
use regex::{NoExpand, Regex};
use sha2::{Digest, Sha256};

/// A pattern written in this file (a literal), compiled once.
fn re(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        // The patterns are literals of this file, covered by its tests.
        Err(error) => unreachable!("bad pattern {pattern:?}: {error}"),
    }
}

static CSS_COMMENT: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)/\*.*?\*/"));
static WHITESPACE: LazyLock<Regex> = LazyLock::new(|| re(r"\s+"));
static CSS_PUNCTUATION: LazyLock<Regex> = LazyLock::new(|| re(r"\s*([{};,])\s*"));
static CSS_COLON: LazyLock<Regex> = LazyLock::new(|| re(r":\s+"));
static STYLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)(<style[^>]*>)(.*?)(</style>)"));
static SCRIPT_OR_STYLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)<script\b.*?</script>|<style\b.*?</style>"));
static HTML_COMMENT: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)<!--.*?-->"));
static BETWEEN_TAGS: LazyLock<Regex> = LazyLock::new(|| re(r">\s*\n\s*<"));
static INLINE_SCRIPT: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)<script([^>]*)>(.*?)</script>"));
static SRC_ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| re(r"\bsrc="));
static MODULE_PRELOAD: LazyLock<Regex> = LazyLock::new(|| re(r#"<link rel="modulepreload"[^>]*>\s*"#));
static TITLE: LazyLock<Regex> = LazyLock::new(|| re(r"<title>[^<]*</title>"));

/// Minifies a stylesheet conservatively: comments out, whitespace collapsed, none kept around
/// `{ } ; ,` or after `:` (never before it: `a :hover` and `a:hover` differ), no `;` before `}`.
pub fn minify_css(css: &str) -> String {
    let css = CSS_COMMENT.replace_all(css, "");
    let css = WHITESPACE.replace_all(&css, " ");
    let css = CSS_PUNCTUATION.replace_all(&css, "$1");
    let css = CSS_COLON.replace_all(&css, ":");
    css.replace(";}", "}").trim().to_owned()
}

/// Minifies the page's inline stylesheets.
pub fn minify_inline_styles(html: &str) -> String {
    STYLE.replace_all(html, |c: &regex::Captures<'_>| format!("{}{}{}", &c[1], minify_css(&c[2]), &c[3])).into_owned()
}

/// Minifies a page: its inline styles, then comments out and indentation between tags
/// collapsed, outside scripts and styles (whose text the CSP pins by hash, computed
/// afterwards). Whitespace within a line is kept: between inline elements it is a space the
/// reader sees.
pub fn minify_html(html: &str) -> String {
    let html = minify_inline_styles(html);
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    let squeeze = |part: &str| BETWEEN_TAGS.replace_all(&HTML_COMMENT.replace_all(part, ""), "><").into_owned();
    for kept in SCRIPT_OR_STYLE.find_iter(&html) {
        out.push_str(&squeeze(&html[at..kept.start()]));
        out.push_str(kept.as_str());
        at = kept.end();
    }
    out.push_str(&squeeze(&html[at..]));
    out
}

/// Removes Trunk's modulepreload of the JS glue. Measured (40 cold loads each, loopback): the
/// intro's first paint came 10 ms later with it, and the glue (5.6 KB) still arrives long
/// before the wasm, whose own preload stays (docs/size.md).
pub fn drop_module_preload(html: &str) -> String {
    MODULE_PRELOAD.replace_all(html, "").into_owned()
}

/// The CSP source for a text: `'sha256-<base64>'`.
pub fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// The hashes of every inline script (one without `src`), space-separated.
pub fn script_hashes(html: &str) -> String {
    let hashes: Vec<String> =
        INLINE_SCRIPT.captures_iter(html).filter(|c| !SRC_ATTRIBUTE.is_match(&c[1])).map(|c| csp_hash(&c[2])).collect();
    hashes.join(" ")
}

/// The hashes of every inline stylesheet, space-separated.
pub fn style_hashes(html: &str) -> String {
    let hashes: Vec<String> = STYLE.captures_iter(html).map(|c| csp_hash(&c[2])).collect();
    hashes.join(" ")
}

/// Fills the CSP's placeholders with the page's own inline scripts' and styles' hashes: the
/// last step, after everything that changes the page.
pub fn pin_csp(html: &str) -> String {
    html.replace("CSP_SCRIPT_HASHES", &script_hashes(html)).replace("CSP_STYLE_HASHES", &style_hashes(html))
}

/// A text as an attribute value between double quotes.
pub fn attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// A text as element content.
pub fn text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Sets the content of every `<meta {attr}="{key}" content="…">`.
pub fn set_meta(html: &str, key: &str, value: &str, attr: &str) -> String {
    let pattern = re(&format!(r#"(<meta {attr}="{}" content=")[^"]*(")"#, regex::escape(key)));
    let value = attribute(value);
    pattern.replace_all(html, |c: &regex::Captures<'_>| format!("{}{value}{}", &c[1], &c[2])).into_owned()
}

/// Sets the page's `<title>`.
pub fn set_title(html: &str, title: &str) -> String {
    TITLE.replace(html, NoExpand(&format!("<title>{}</title>", text(title)))).into_owned()
}

/// The meta tags whose content is an address (Open Graph and Twitter cards).
pub const ADDRESS_METAS: [(&str, &str); 3] =
    [("property", "og:image"), ("name", "twitter:image"), ("property", "og:url")];

/// Makes the preview image addresses absolute under `site` (ending in `/`) and adds `og:url`
/// for the page at `page_path` (relative to the site); crawlers such as LinkedIn's and
/// Facebook's show no image for a relative address. Without a site the page is unchanged.
pub fn absolutize(html: &str, site: Option<&str>, page_path: &str) -> String {
    let Some(site) = site else { return html.to_owned() };
    let mut html = html.to_owned();
    for (attr, key) in &ADDRESS_METAS[..2] {
        let pattern = re(&format!(r#"(<meta {attr}="{key}" content=")(?:\.\./)*([^"]*)(")"#));
        html = pattern
            .replace_all(&html, |c: &regex::Captures<'_>| format!("{}{site}{}{}", &c[1], &c[2], &c[3]))
            .into_owned();
    }
    let url = format!("</title>\n  <meta property=\"og:url\" content=\"{}{}\">", attribute(site), attribute(page_path));
    html.replacen("</title>", &url, 1)
}

/// The addresses in a page's Open Graph and Twitter address tags that are not absolute
/// (`https://` or `http://`): none may be left once a site address is known.
pub fn relative_preview_addresses(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (attr, key) in ADDRESS_METAS {
        let pattern = re(&format!(r#"<meta {attr}="{key}" content="([^"]*)""#));
        for c in pattern.captures_iter(html) {
            if !(c[1].starts_with("https://") || c[1].starts_with("http://")) {
                found.push(format!("{key}={}", &c[1]));
            }
        }
    }
    found
}

/// The first `<style>` element of a page, whole.
pub fn first_style(html: &str) -> Option<&str> {
    STYLE.find(html).map(|m| m.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_and_spaces_but_keeps_a_space_before_a_colon() {
        let css =
            "/* theme */\n.a :hover ,\n .b {\n  color : red;\n  margin: 0 auto;\n}\n\n@media (x) { .c { top: 0 } }\n";
        assert_eq!(minify_css(css), ".a :hover,.b{color :red;margin:0 auto}@media (x){.c{top:0}}");
    }

    #[test]
    fn html_collapses_indentation_and_comments_outside_scripts_and_styles() {
        let html = "<head>\n  <!-- note -->\n  <script>\n  var a = 1;\n  </script>\n  <style>\n  a { b: c }\n  </style>\n</head>\n<p>two  words <b>x</b> <i>y</i></p>\n";
        assert_eq!(
            minify_html(html),
            // As the Python hook did: the whitespace before a script or style stays (the
            // collapse needs both tags in the same stretch between them).
            "<head>\n  \n  <script>\n  var a = 1;\n  </script>\n  <style>a{b:c}</style>\n</head><p>two  words <b>x</b> <i>y</i></p>\n"
        );
    }

    #[test]
    fn csp_hashes_are_sha256_of_the_exact_text_in_base64() {
        // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
        assert_eq!(csp_hash("alert(1)"), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
        assert_eq!(csp_hash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    }

    #[test]
    fn only_inline_scripts_are_hashed_and_placeholders_filled() {
        let html = "<meta content=\"script-src CSP_SCRIPT_HASHES; style-src CSP_STYLE_HASHES\"><script>a()</script><script type=\"module\" src=\"x.js\"></script><script type=\"module\">b()</script><style>p{}</style>";
        let pinned = pin_csp(html);
        let expected = format!("script-src {} {}; style-src {}", csp_hash("a()"), csp_hash("b()"), csp_hash("p{}"));
        assert!(pinned.contains(&expected), "{pinned}");
    }

    #[test]
    fn the_module_preload_goes_and_the_wasm_preload_stays() {
        let html = "<link rel=\"modulepreload\" href=\"./a.js\" crossorigin>\n  <link rel=\"preload\" href=\"./a.wasm\" as=\"fetch\">";
        assert_eq!(drop_module_preload(html), "<link rel=\"preload\" href=\"./a.wasm\" as=\"fetch\">");
    }

    #[test]
    fn meta_values_are_set_and_escaped() {
        let html = "<meta name=\"description\" content=\"old\"><meta property=\"og:title\" content=\"x\">";
        let set = set_meta(html, "description", "a \"b\" & c", "name");
        assert_eq!(
            set,
            "<meta name=\"description\" content=\"a &quot;b&quot; &amp; c\"><meta property=\"og:title\" content=\"x\">"
        );
    }

    #[test]
    fn with_a_site_every_preview_address_is_absolute() {
        let html = "<title>t</title>\n<meta property=\"og:image\" content=\"../../preview/ready.png\"><meta property=\"og:image:width\" content=\"1200\"><meta name=\"twitter:image\" content=\"../../preview/ready.png\">";
        assert_eq!(relative_preview_addresses(html).len(), 2);
        let absolute = absolutize(html, Some("https://example.com/check/"), "r/ready/");
        assert!(
            absolute.contains("<meta property=\"og:image\" content=\"https://example.com/check/preview/ready.png\">")
        );
        assert!(
            absolute.contains("<meta name=\"twitter:image\" content=\"https://example.com/check/preview/ready.png\">")
        );
        assert!(absolute.contains("<meta property=\"og:url\" content=\"https://example.com/check/r/ready/\">"));
        assert!(absolute.contains("content=\"1200\""), "a number is not an address");
        assert_eq!(relative_preview_addresses(&absolute), Vec::<String>::new());
        assert_eq!(absolutize(html, None, "r/ready/"), html);
    }
}
