#!/usr/bin/env python3
"""Writes tools.html, the source page of the author tools (team view, readers' results, embed
kit), from index.html: the same head (CSP, theme, crash message), no static intro, and the
tools' own wasm (`readiness-tools`). Run by scripts/build.sh before Trunk builds that page, so
the two pages never drift apart. tools.html is a build input, not committed."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tools_page(index):
    html = re.sub(r"\s*<!-- static-(intro|question):.*?<!-- /static-\1 -->", "", index, flags=re.S)
    html = re.sub(r'\s*<link data-trunk rel="copy-(file|dir)"[^>]*>', "", html)
    html = html.replace('data-bin="readiness-check"', 'data-bin="readiness-tools"')
    html = html.replace('<link data-trunk rel="inline" href="style/main.css">',
                        '<link data-trunk rel="inline" href="style/main.css">\n  <link data-trunk rel="inline" href="style/tools.css">')
    html = re.sub(r"<title>[^<]*</title>", "<title>Author tools · Scaling Readiness Check</title>", html)
    html = html.replace('<p class="loading">Loading the Scaling Readiness Check…</p>',
                        '<p class="loading">Loading the author tools…</p>')
    # The embed kit previews the check in an iframe of this site; the check's own page frames
    # nothing.
    html = html.replace("default-src 'none';", "default-src 'none'; frame-src 'self';", 1)
    if 'data-bin="readiness-tools"' not in html or "style/tools.css" not in html or "frame-src 'self'" not in html:
        sys.exit("tools_page: index.html has no data-bin=\"readiness-check\" link to replace")
    return html


def main():
    with open(os.path.join(ROOT, "index.html"), encoding="utf-8") as f:
        index = f.read()
    with open(os.path.join(ROOT, "tools.html"), "w", encoding="utf-8") as f:
        f.write(tools_page(index))


if __name__ == "__main__":
    main()
