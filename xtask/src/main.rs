//! The build step in Rust (`cargo run -p xtask -- <command>`), run by `scripts/build.sh`
//! around Trunk:
//!
//! - `tools-source`: writes `tools.html`, the tools' page source, from `index.html`;
//! - `site <dist>`: finishes what Trunk built in `<dist>` (and `<dist>/tools`): the JS glue
//!   through terser, minified pages with their CSP hashes, the framing list, one page per
//!   outcome (`r/<slug>/`), `404.html`, `_headers`; says loudly when `SITE_URL` is missing;
//! - `previews <dir>`: writes the preview cards' pages and `cards.json` for
//!   `scripts/make-previews.mjs`;
//! - `outcomes`: prints the outcomes as JSON (slug, title, description, headline, sentence).
//!
//! Every word, slug, dimension and colour comes from the widget's core, so the app and the
//! build share one definition of each. A separate native package, not a `[[bin]]` of the
//! widget: its dependencies (regex, sha2) never reach the wasm build, and the widget's
//! `cargo test` stays as fast as it was (ARCHITECTURE.md, "Decisions").

mod html;
mod not_found;
mod pages;
mod previews;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use readiness_check::core::content::CURRENT;
use readiness_check::core::outcome::Outcome;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["tools-source"] => tools_source(),
        ["site", dist] => site(Path::new(dist)),
        ["previews", dir] => write_previews(Path::new(dir)),
        ["outcomes"] => {
            println!("{}", outcomes_json());
            Ok(())
        }
        _ => Err("usage: xtask tools-source | site <dist> | previews <dir> | outcomes".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The repository's root (this package lives in `xtask/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn tools_source() -> Result<(), String> {
    let root = root();
    let tools = pages::tools_source(&read(&root.join("index.html"))?)?;
    write(&root.join("tools.html"), &tools)
}

/// The warning a build without `SITE_URL` prints, on stderr.
const NO_SITE_URL: &str = "\
\x1b[1;33mwarning: SITE_URL is not set.\x1b[0m Link previews on LinkedIn and Facebook will show NO IMAGE:
  their crawlers need absolute addresses, and this build's og:image addresses are relative.
  Build with the address the site will be served from, ending in /, for example:
    SITE_URL=https://example.com/readiness/ bash scripts/build.sh
  (The GitHub Pages workflow sets it for you.) The 404 page will also guess the site's base
  from the address it is shown at, which fails for a missing page outside r/ and tools/.";

fn site(dist: &Path) -> Result<(), String> {
    let site = pages::site_url(std::env::var("SITE_URL").ok().as_deref())?;
    let allowed = pages::embed_allowed(std::env::var("EMBED_ALLOWED").ok().as_deref())?;
    if site.is_none() {
        eprintln!("{NO_SITE_URL}");
    }
    let site = site.as_deref();

    let tools = dist.join("tools");
    minify_js_glue(&tools)?;
    let tools_index = tools.join("index.html");
    write(&tools_index, &pages::tools_page(&read(&tools_index)?, &allowed, site))?;

    minify_js_glue(dist)?;
    let index = dist.join("index.html");
    let template = html::drop_module_preload(&pages::set_embedders(&read(&index)?, &allowed));
    if !template.contains("CSP_SCRIPT_HASHES") {
        return Err("index.html has no CSP_SCRIPT_HASHES placeholder".to_owned());
    }
    let outcomes = Outcome::all(CURRENT);
    for outcome in &outcomes {
        let slug = outcome.slug(CURRENT);
        write(&dist.join("r").join(&slug).join("index.html"), &pages::outcome_page(&template, outcome, CURRENT, site))?;
    }
    let slugs: Vec<String> = outcomes.iter().map(|o| o.slug(CURRENT)).collect();
    write(&dist.join("404.html"), &pages::not_found_page(&template, site, &slugs)?)?;
    write(&index, &pages::check_page(&template, site))?;
    if let Some(headers) = pages::headers(&allowed) {
        write(&dist.join("_headers"), &headers)?;
    }
    if site.is_some() {
        check_absolute(dist)?;
    }
    println!("xtask: pinned the CSP, wrote {} outcome pages, the tools page and 404.html", outcomes.len());
    Ok(())
}

/// Fails when a page in `dist` still has a relative preview address although the site's
/// address is known.
fn check_absolute(dist: &Path) -> Result<(), String> {
    let mut pages = vec![dist.join("index.html"), dist.join("tools/index.html"), dist.join("404.html")];
    pages.extend(Outcome::all(CURRENT).iter().map(|o| dist.join("r").join(o.slug(CURRENT)).join("index.html")));
    for page in pages {
        let relative = html::relative_preview_addresses(&read(&page)?);
        if !relative.is_empty() {
            return Err(format!("{} has relative preview addresses: {relative:?}", page.display()));
        }
    }
    Ok(())
}

/// Minifies the wasm-bindgen JS glue (`readiness-*.js`, modules, and the readers' worker's
/// `readers-worker.js`, a classic script whose top-level `wasm_bindgen` its loader calls, so
/// not minified as a module) in a folder, in place, with terser from npm
/// (`READINESS_TERSER`, set by scripts/setup.sh): Trunk's own minifier cannot parse it. Its
/// modulepreload is dropped from the page; the module is same-origin and allowed by the CSP's
/// `script-src 'self'`.
fn minify_js_glue(folder: &Path) -> Result<(), String> {
    let terser = std::env::var("READINESS_TERSER").unwrap_or_default();
    if terser.is_empty() || !Path::new(&terser).exists() {
        return Err(format!("terser is missing (scripts/setup.sh installs it): READINESS_TERSER={terser:?}"));
    }
    let entries = fs::read_dir(folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let module = name.starts_with("readiness-") && name.ends_with(".js");
        if !module && name != "readers-worker.js" {
            continue;
        }
        let path = entry.path();
        let status = Command::new("node")
            .arg(&terser)
            .arg(&path)
            .args(if module { &["--module"][..] } else { &[] })
            .args(["--compress", "--mangle", "--output"])
            .arg(&path)
            .status()
            .map_err(|e| format!("cannot run node: {e}"))?;
        if !status.success() {
            return Err(format!("terser failed on {}", path.display()));
        }
    }
    Ok(())
}

fn write_previews(dir: &Path) -> Result<(), String> {
    let cards = previews::cards();
    for card in &cards {
        write(&dir.join(card.name.replace(".png", ".html")), &card.html)?;
    }
    write(&dir.join("sources.sha256"), &previews::sources(&cards))?;
    write(&dir.join("cards.json"), &previews::manifest(&cards))
}

fn outcomes_json() -> String {
    let outcomes: Vec<serde_json::Value> = Outcome::all(CURRENT)
        .iter()
        .map(|o| {
            serde_json::json!({
                "slug": o.slug(CURRENT), "title": o.title(CURRENT), "description": o.description(CURRENT),
                "headline": o.headline(CURRENT), "sentence": o.sentence(CURRENT),
                "blocking": o.blocking_names(CURRENT),
            })
        })
        .collect();
    serde_json::Value::Array(outcomes).to_string()
}
