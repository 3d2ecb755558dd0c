#!/usr/bin/env python3
"""Trunk post-build step: minifies the page (inline CSS, HTML between tags, the JS glue),
drops the JS glue's modulepreload, pins the inline scripts and styles in the CSP by hash,
writes the framing list and the `_headers` file, and writes one static page per verdict
outcome (r/<outcome>/index.html) whose title, description, preview image and static verdict
say that outcome, because link crawlers ignore the #fragment that carries the results.

Runs inside Trunk's staging directory (TRUNK_STAGING_DIR). Set SITE_URL (e.g.
https://example.github.io/check/) to make Open Graph addresses absolute, as crawlers prefer.
"""
import base64
import glob
import hashlib
import itertools
import os
import re
import subprocess
import sys

DIMENSIONS = [("o", "Ownership"), ("d", "Data"), ("b", "Buy-in"), ("m", "Metrics")]
STAGING = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
SITE_URL = os.environ.get("SITE_URL", "").strip()
# Origins allowed to frame the widget, separated by spaces or commas; empty or "*" = any site.
EMBED_ALLOWED = " ".join(os.environ.get("EMBED_ALLOWED", "").replace(",", " ").split())
if SITE_URL and not SITE_URL.endswith("/"):
    SITE_URL += "/"


def outcomes():
    """(slug, title, description) for every verdict a results link can carry: 16 in all."""
    yield ("ready", "Ready to scale: all four dimensions pass",
           "This AI pilot passes the essay's Scaling Readiness Test on ownership, data, buy-in and metrics. Take the 3-minute check for yours and compare.")
    for size in range(1, 5):
        for combo in itertools.combinations(DIMENSIONS, size):
            slug = "not-" + "".join(initial for initial, _ in combo)
            names = [name for _, name in combo]
            named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            verb = "is" if len(names) == 1 else "are"
            yield (slug, f"Not ready to scale yet: {named} {verb} blocking",
                   f"This AI pilot doesn't pass the essay's Scaling Readiness Test yet: {named} {verb} not a yes. Take the 3-minute check for yours and compare.")


def script_hashes(html):
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    return " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts)


def minify_css(css):
    """Conservative: comments out, whitespace collapsed, none kept around `{ } ; ,` or after
    `:` (never before it: `a :hover` and `a:hover` differ), no `;` before `}`."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css)
    return css.replace(";}", "}").strip()


def minify_js_glue():
    """Minifies the wasm-bindgen JS glue in place: Trunk's own minifier cannot parse it. Its
    modulepreload (which carried its integrity) is dropped by drop_module_preload; the module
    is same-origin and pinned by the CSP's script-src 'self'."""
    terser = os.environ.get("READINESS_TERSER")
    if not terser or not os.path.exists(terser):
        sys.exit("post_build: terser is missing (scripts/setup.sh installs it): READINESS_TERSER=%r" % terser)
    for path in glob.glob(os.path.join(STAGING, "readiness-*.js")):
        subprocess.run(["node", terser, path, "--module", "--compress", "--mangle", "--output", path], check=True)


def drop_module_preload(html):
    """Removes Trunk's modulepreload of the JS glue. Measured (40 cold loads each, loopback):
    the intro's first paint came 10 ms later with it, and the glue (5.6 KB) still arrives long
    before the wasm, whose own preload stays."""
    return re.sub(r'<link rel="modulepreload"[^>]*>\s*', "", html)


def minify_html(html):
    """Comments out and indentation between tags collapsed, outside scripts (whose text the
    CSP pins by hash, computed afterwards). Whitespace on one line is kept: between inline
    elements it is a space the reader sees."""
    html = minify_inline_styles(html)
    parts = re.split(r"(<script\b.*?</script>|<style\b.*?</style>)", html, flags=re.S)
    for i in range(0, len(parts), 2):
        part = re.sub(r"<!--.*?-->", "", parts[i], flags=re.S)
        parts[i] = re.sub(r">\s*\n\s*<", "><", part)
    return "".join(parts)


def style_hashes(html):
    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S)
    return " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in styles)


def minify_inline_styles(html):
    return re.sub(r"(<style[^>]*>)(.*?)(</style>)", lambda m: m.group(1) + minify_css(m.group(2)) + m.group(3), html, flags=re.S)


def pin_csp(html):
    return html.replace("CSP_SCRIPT_HASHES", script_hashes(html)).replace("CSP_STYLE_HASHES", style_hashes(html))


def set_embedders(html):
    """The author's list of sites that may frame the widget, for the widget to read."""
    allowed = EMBED_ALLOWED or "*"
    if not re.fullmatch(r"\*|(https?://[A-Za-z0-9.-]+(:\d+)?( |$))+", allowed):
        sys.exit("post_build: EMBED_ALLOWED must be * or origins like https://blog.example.com, got %r" % allowed)
    return set_meta(html, "readiness-embedders", allowed, "name")


def write_headers():
    """A `_headers` file (Netlify, Cloudflare Pages) that says the same to browsers: only the
    listed sites may frame any page of the widget."""
    if not EMBED_ALLOWED or EMBED_ALLOWED == "*":
        return
    with open(os.path.join(STAGING, "_headers"), "w", encoding="utf-8") as f:
        f.write("/*\n  Content-Security-Policy: frame-ancestors %s\n" % EMBED_ALLOWED)


def set_meta(html, key, value, attr="property"):
    pattern = r'(<meta %s="%s" content=")[^"]*(")' % (attr, re.escape(key))
    return re.sub(pattern, lambda m: m.group(1) + value + m.group(2), html)


def absolutize(html, page_path):
    if not SITE_URL:
        return html
    for key in ("og:image",):
        html = re.sub(r'(<meta property="%s" content=")(?:\.\./)*([^"]*)(")' % key,
                      lambda m: m.group(1) + SITE_URL + m.group(2) + m.group(3), html)
    html = re.sub(r'(<meta name="twitter:image" content=")(?:\.\./)*([^"]*)(")',
                  lambda m: m.group(1) + SITE_URL + m.group(2) + m.group(3), html)
    return html.replace("</title>", '</title>\n  <meta property="og:url" content="%s%s">' % (SITE_URL, page_path), 1)


BANNER = ("These are someone else's results, opened from a link. They are read-only and are not "
          "mixed with your own answers.")


def join_words(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def static_shared(slug):
    """The top of the shared view for this outcome, as plain HTML: readable, marked as someone
    else's, with a working "Take the check yourself", before the app arrives. The app's
    shared view draws the same boxes in the same places (the same classes), then the rest."""
    if slug == "ready":
        key, headline = "ready", "Ready to scale"
        sentence = "All four dimensions pass the essay's readiness test."
    else:
        names = [name for initial, name in DIMENSIONS if initial in slug[4:]]
        key, headline = "not-ready", "Not ready to scale yet"
        sentence = "By the essay's rule every dimension must be a yes. Blocking: %s." % join_words(names)
    return """
    <div id="static-shared" class="widget static-shared" data-theme="auto">
      <header class="chrome"><p class="brand">Scaling Readiness Check</p></header>
      <div class="notice-region"></div>
      <main class="screen">
        <section aria-labelledby="static-shared-heading">
          <div class="banner" role="note"><p>%s</p></div>
          <h1 id="static-shared-heading">Shared results</h1>
          <div class="actions"><a id="static-take-check" class="button primary" href="../../#start">Take the check yourself</a></div>
          <div class="verdict %s" data-verdict="%s">
            <p class="verdict-title">Their verdict</p>
            <p class="verdict-headline">%s</p>
            <p>%s</p>
          </div>
        </section>
      </main>
    </div>""" % (BANNER, key, key, headline, sentence)


def outcome_page(template, slug, title, description):
    # Outcome pages open a shared result: the static shared view replaces the intro and the
    # first question, which would only flash.
    html = re.sub(r"\s*<!-- static-intro:.*?<!-- /static-intro -->", lambda _: static_shared(slug), template, flags=re.S)
    html = re.sub(r"\s*<!-- static-question:.*?<!-- /static-question -->", "", html, flags=re.S)
    # Every relative reference climbs two folders: r/<slug>/ -> the widget's root.
    html = re.sub(r'(href|src)="\./', r'\1="../../', html)
    html = re.sub(r"(['\"])\./([^'\"]+\.(?:js|wasm))\1", r"\1../../\2\1", html)
    html = html.replace('content="preview/check.png"', 'content="../../preview/%s.png"' % slug)
    html = re.sub(r"<title>[^<]*</title>", "<title>%s · Scaling Readiness Check</title>" % title, html)
    for key in ("og:title", "twitter:title"):
        html = set_meta(html, key, title, "name" if key.startswith("twitter") else "property")
    for key in ("og:description", "twitter:description"):
        html = set_meta(html, key, description, "name" if key.startswith("twitter") else "property")
    html = set_meta(html, "description", description, "name")
    html = set_meta(html, "og:image:alt", title)
    return pin_csp(minify_html(absolutize(html, "r/%s/" % slug)))


def main():
    if os.environ.get("READINESS_PAGE") == "tools":
        # The tools' page: its own CSP hashes and the same embedding rule; no outcome pages.
        path = os.path.join(STAGING, "index.html")
        minify_js_glue()
        with open(path, encoding="utf-8") as f:
            html = pin_csp(minify_html(drop_module_preload(set_embedders(f.read()))))
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        print("post_build: pinned the tools page's CSP")
        return
    index_path = os.path.join(STAGING, "index.html")
    minify_js_glue()
    with open(index_path, encoding="utf-8") as f:
        template = drop_module_preload(set_embedders(f.read()))
    if "CSP_SCRIPT_HASHES" not in template:
        sys.exit("post_build: index.html has no CSP_SCRIPT_HASHES placeholder")
    count = 0
    for slug, title, description in outcomes():
        folder = os.path.join(STAGING, "r", slug)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
            f.write(outcome_page(template, slug, title, description))
        count += 1
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(pin_csp(minify_html(absolutize(template, ""))))
    write_headers()
    print(f"post_build: pinned CSP and wrote {count} outcome pages")


if __name__ == "__main__":
    main()
