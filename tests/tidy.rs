//! Checks the code's invariants as absences: no browser in the core, no panics in the shell
//! and UI, no raw HTML rendering, no server functions, and a `//!` header on every Rust file.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under a directory (relative to the crate root), recursively, skipping
/// hidden directories, `node_modules` and `target`; empty when the directory does not exist.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let skipped = name.to_string_lossy().starts_with('.') || name == "node_modules" || name == "target";
            if path.is_dir() {
                if !skipped {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), &mut out);
    out.sort();
    out
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

/// The code part of each line, without `//` comments (doc comments included), numbered from 1.
/// A `//` inside a string literal also ends the line here; that only ever hides text, so the
/// checks below can miss nothing that is real code before it.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, line)| (i + 1, line.split_once("//").map_or(line, |(code, _)| code)))
}

/// Every `(file:line, needle)` where a needle appears in code (not in comments).
fn find_in_code(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in files {
        let text = read(path);
        for (number, code) in code_lines(&text) {
            for needle in needles {
                if code.contains(needle) {
                    found.push(format!("{}:{number}: {needle}", relative(path)));
                }
            }
        }
    }
    found
}

#[test]
fn the_core_knows_nothing_about_the_browser() {
    let files = rust_files("src/core");
    assert!(!files.is_empty(), "src/core has no Rust files");
    let found = find_in_code(
        &files,
        &["leptos", "web_sys", "wasm_bindgen", "gloo", "js_sys", "web-sys", "wasm-bindgen", "js-sys"],
    );
    assert!(found.is_empty(), "the core must stay pure Rust:\n{}", found.join("\n"));
}

#[test]
fn shell_and_ui_never_panic_on_purpose() {
    let mut files = rust_files("src/shell");
    files.extend(rust_files("src/ui"));
    let found = find_in_code(&files, &[".unwrap()", ".expect(", "panic!(", "todo!(", "unimplemented!("]);
    assert!(found.is_empty(), "shell and UI code returns Option/Result instead:\n{}", found.join("\n"));
}

#[test]
fn nothing_renders_raw_html() {
    let found =
        find_in_code(&rust_files("src"), &["inner_html", "set_inner_html", "insert_adjacent_html", "outer_html"]);
    assert!(found.is_empty(), "external input must never be rendered as HTML:\n{}", found.join("\n"));
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let mut files = rust_files("src");
    files.extend(rust_files("tests"));
    files.extend(rust_files("fuzz/fuzz_targets"));
    files.extend(rust_files("vendor"));
    let missing: Vec<String> =
        files.iter().filter(|path| !read(path).starts_with("//!")).map(|path| relative(path)).collect();
    assert!(missing.is_empty(), "these files do not start with a `//!` line:\n{}", missing.join("\n"));
}

/// The ui modules each `src/ui` file imports (`super::x` or `crate::ui::x`).
fn ui_imports() -> Vec<(String, Vec<String>)> {
    rust_files("src/ui")
        .iter()
        .map(|path| {
            let module = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let text = read(path);
            let mut used = Vec::new();
            for (_, code) in code_lines(&text) {
                for prefix in ["super::", "crate::ui::"] {
                    let mut rest = code;
                    while let Some(at) = rest.find(prefix) {
                        rest = &rest[at + prefix.len()..];
                        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        if !name.is_empty() && !used.contains(&name) {
                            used.push(name);
                        }
                    }
                }
            }
            (module, used)
        })
        .collect()
}

#[test]
fn ui_imports_run_one_way() {
    let imports = ui_imports();
    assert!(imports.len() > 5, "src/ui has too few files for this check to mean anything");
    // Nothing but `mod.rs` names the composition root.
    let into_app: Vec<&str> = imports
        .iter()
        .filter(|(m, used)| m != "mod" && used.iter().any(|u| u == "app"))
        .map(|(m, _)| m.as_str())
        .collect();
    assert!(into_app.is_empty(), "these ui modules import app.rs, which imports them: {into_app:?}");
    // And there is no circle at all: repeatedly remove modules that import no remaining one.
    let mut left: Vec<(String, Vec<String>)> = imports.into_iter().filter(|(m, _)| m != "mod").collect();
    loop {
        let names: Vec<String> = left.iter().map(|(m, _)| m.clone()).collect();
        let before = left.len();
        left.retain(|(module, used)| used.iter().any(|u| u != module && names.contains(u)));
        if left.len() == before {
            break;
        }
    }
    let circle: Vec<&str> = left.iter().map(|(m, _)| m.as_str()).collect();
    assert!(circle.is_empty(), "an import circle runs through these ui modules: {circle:?}");
}

#[test]
fn nothing_shown_to_a_reader_is_formatted_with_debug() {
    // The release build compiles `Debug` output away (-Zfmt-debug=none, scripts/build.sh).
    let mut files = rust_files("src/ui");
    files.extend(rust_files("src/shell"));
    files.extend(rust_files("src/core"));
    let found = find_in_code(&files, &[":?}", ":#?}", "dbg!("]);
    assert!(found.is_empty(), "Debug formatting prints nothing in the release build:\n{}", found.join("\n"));
}

#[test]
fn the_widget_has_no_server_functions() {
    // vendor/wasm-streams stands in for the crate server_fn's browser client streams with, and
    // does nothing: a server function here would compile and then silently never stream.
    let found = find_in_code(&rust_files("src"), &["#[server", "server_fn", "ServerAction", "ServerFnError"]);
    assert!(
        found.is_empty(),
        "the widget has no server; the wasm-streams stand-in relies on it:\n{}",
        found.join("\n")
    );
    let manifest = read(&root().join("Cargo.toml"));
    assert!(
        manifest.contains("wasm-streams = { path = \"vendor/wasm-streams\" }"),
        "this check guards the stand-in patched in by Cargo.toml; drop both together"
    );
}
