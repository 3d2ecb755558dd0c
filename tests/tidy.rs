//! Checks the code's invariants as absences: no browser in the core, no panics in the shell
//! and UI, no raw HTML rendering, no server functions, no import circle in the core or the
//! UI, no catch-all core file, no doc naming a file that is not there, and a `//!` header on
//! every Rust file.
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

/// A file's module path inside its layer: `src/core/route.rs` → `["route"]`,
/// `src/core/content/v1.rs` → `["content", "v1"]`, `src/core/content/mod.rs` → `["content"]`,
/// the layer's own `mod.rs` → `[]`.
fn module_path(layer: &str, path: &Path) -> Vec<String> {
    let inside = path.strip_prefix(root().join(layer)).unwrap_or(path);
    let mut parts: Vec<String> = inside.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" {
            parts.push(stem.to_owned());
        }
    }
    parts
}

/// The layer's top-level modules that code in module `module` names: through `crate::<layer>::`
/// (`crate_prefix`) or through as many `super::` as lead back to the layer's root, followed by
/// a name or a `{…}` group of them (groups may span lines). Names inside the file's own
/// top-level module (`super::Choice` from `content/v1.rs`) are its own business.
fn imports_in(crate_prefix: &str, module: &[String], code: &str) -> Vec<String> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut used = Vec::new();
    let mut add = |name: &str| {
        if !name.is_empty() && name != "self" && !used.iter().any(|u| u == name) {
            used.push(name.to_owned());
        }
    };
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let starts_path = code[..at].chars().next_back().is_none_or(|c| !is_ident(c) && c != ':');
        let after = if !starts_path {
            None
        } else if let Some(after) = rest.strip_prefix(crate_prefix) {
            Some(after)
        } else if rest.starts_with("super::") {
            let mut after = rest;
            let mut up = 0;
            while let Some(next) = after.strip_prefix("super::") {
                after = next;
                up += 1;
            }
            // `super` from a file's module is its parent; reaching the root names a top module.
            (up == module.len()).then_some(after)
        } else {
            None
        };
        let Some(after) = after else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        if let Some(group) = after.strip_prefix('{') {
            // Each item of the group, at its first level: `a`, `b::c`, `d::{e, f}` → a, b, d.
            let (mut depth, mut item_start) = (0usize, true);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && is_ident(c) => {
                        let name: String = group[i..].chars().take_while(|&c| is_ident(c)).collect();
                        add(&name);
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = after.chars().take_while(|&c| is_ident(c)).collect();
            add(&name);
        }
        at = code.len() - after.len();
    }
    used
}

/// Each top-level module of a layer (`src/ui`, `src/core`) with the layer's top-level modules
/// it imports (not itself); a directory module (`core/content/`) counts as one, its files'
/// imports together. The layer's own `mod.rs`, which declares them all, is left out.
fn layer_imports(layer: &str) -> Vec<(String, Vec<String>)> {
    let crate_prefix = format!("crate::{}::", layer.trim_start_matches("src/"));
    let mut modules: Vec<(String, Vec<String>)> = Vec::new();
    for path in rust_files(layer) {
        let module = module_path(layer, &path);
        let Some(top) = module.first().cloned() else { continue };
        let text = read(&path);
        let code: String = code_lines(&text).map(|(_, code)| code).collect::<Vec<_>>().join("\n");
        let used = imports_in(&crate_prefix, &module, &code);
        match modules.iter_mut().find(|(m, _)| *m == top) {
            Some((_, all)) => {
                for name in used {
                    if !all.contains(&name) {
                        all.push(name);
                    }
                }
            }
            None => modules.push((top, used)),
        }
    }
    let names: Vec<String> = modules.iter().map(|(m, _)| m.clone()).collect();
    for (module, used) in &mut modules {
        used.retain(|u| u != module && names.contains(u));
    }
    modules
}

/// A circle of imports, as the modules along it (the first repeated at the end), if any.
fn import_circle(imports: &[(String, Vec<String>)]) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        imports: &[(String, Vec<String>)],
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut circle = path[start..].to_vec();
            circle.push(module.to_owned());
            return Some(circle);
        }
        if done.iter().any(|m| m == module) {
            return None;
        }
        path.push(module.to_owned());
        let used = imports.iter().find(|(m, _)| m == module).map(|(_, used)| used.as_slice()).unwrap_or_default();
        for next in used {
            if let Some(circle) = visit(next, imports, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.push(module.to_owned());
        None
    }
    let mut done = Vec::new();
    imports.iter().find_map(|(module, _)| visit(module, imports, &mut Vec::new(), &mut done))
}

#[test]
fn the_import_reader_and_circle_finder_see_what_they_must() {
    let module = ["route".to_owned()];
    let code = "use super::answers::{Answer, Answers};\nuse super::{session::{Action, View},\n    team, self};\nuse crate::core::share_code;\nlet x = a::super::not_this; notsuper::no; super::super::no;";
    assert_eq!(imports_in("crate::core::", &module, code), ["answers", "session", "team", "share_code"]);
    let nested = ["content".to_owned(), "v1".to_owned()];
    assert_eq!(
        imports_in("crate::core::", &nested, "use super::{Advice, Choice};\nsuper::super::scoring::x"),
        ["scoring"]
    );
    let graph = |edges: &[(&str, &[&str])]| -> Vec<(String, Vec<String>)> {
        edges.iter().map(|(m, used)| (m.to_string(), used.iter().map(|u| u.to_string()).collect())).collect()
    };
    assert_eq!(import_circle(&graph(&[("a", &["b"]), ("b", &["c"]), ("c", &[])])), None);
    assert_eq!(
        import_circle(&graph(&[("a", &["b"]), ("b", &["c"]), ("c", &["b"])])),
        Some(vec!["b".to_owned(), "c".to_owned(), "b".to_owned()])
    );
}

#[test]
fn ui_imports_run_one_way() {
    let imports = layer_imports("src/ui");
    assert!(imports.len() > 5, "src/ui has too few files for this check to mean anything");
    // Nothing names the composition root (only `mod.rs`, left out here, declares it).
    let into_app: Vec<&str> =
        imports.iter().filter(|(_, used)| used.iter().any(|u| u == "app")).map(|(m, _)| m.as_str()).collect();
    assert!(into_app.is_empty(), "these ui modules import app.rs, which imports them: {into_app:?}");
    let circle = import_circle(&imports);
    assert!(
        circle.is_none(),
        "an import circle runs through these ui modules: {}",
        circle.unwrap_or_default().join(" → ")
    );
}

#[test]
fn core_imports_run_one_way() {
    let imports = layer_imports("src/core");
    assert!(imports.len() > 5, "src/core has too few files for this check to mean anything");
    assert!(
        imports.iter().any(|(m, used)| m == "route" && used.iter().any(|u| u == "session")),
        "the import reader no longer sees route.rs import session.rs: {imports:?}"
    );
    let circle = import_circle(&imports);
    assert!(
        circle.is_none(),
        "an import circle runs through these core modules: {}",
        circle.unwrap_or_default().join(" → ")
    );
}

/// Files of the pure core above this many lines do more than one thing (the content sets,
/// `content/v*.rs`, are data and exempt).
const CORE_FILE_MAX_LINES: usize = 600;

#[test]
fn no_core_file_grows_into_a_catch_all() {
    let content = root().join("src/core/content");
    let long: Vec<String> = rust_files("src/core")
        .iter()
        .filter(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let is_set = path.parent() == Some(content.as_path()) && name.starts_with('v') && name != "mod.rs";
            !is_set
        })
        .map(|path| (relative(path), read(path).lines().count()))
        .filter(|(_, lines)| *lines > CORE_FILE_MAX_LINES)
        .map(|(path, lines)| format!("{path}: {lines} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "split these core files by concern (one kind of rule per file, over {CORE_FILE_MAX_LINES} lines):\n{}",
        long.join("\n")
    );
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

/// Every file of the project on disk, relative to the crate root with `/` separators: what git
/// tracks or would (not what it ignores: builds, reports, packages), else every file but
/// hidden folders, `target` and `node_modules` where there is no git.
fn tracked_files() -> Vec<String> {
    let listed = std::process::Command::new("git")
        .args(["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        .current_dir(root())
        .output();
    if let Ok(output) = listed
        && output.status.success()
    {
        return String::from_utf8_lossy(&output.stdout)
            .split('\0')
            .filter(|f| !f.is_empty() && root().join(f).exists())
            .map(str::to_owned)
            .collect();
    }
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "node_modules" || name == "target" {
                continue;
            }
            if entry.path().is_dir() { walk(&entry.path(), out) } else { out.push(entry.path()) }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &mut out);
    out.iter().map(|p| relative(p).replace('\\', "/")).collect()
}

/// Folders the build and the tests write, which the docs name but git never holds. Each must
/// stay ignored by `.gitignore` (checked below), so that this list cannot excuse a committed
/// file gone missing.
const GENERATED: &[&str] = &["tests/e2e/artifacts/"];

/// The folders a backticked path in a doc must start with to be checked.
const CHECKED_FOLDERS: &[&str] = &["src/", "tests/", "scripts/", "docs/"];

/// Matches `pattern`, where `*` stands for any characters but `/`, against `text`.
fn glob_matches(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            let Some(rest) = text.strip_prefix(head) else { return false };
            let segment = rest.find('/').map_or(rest.len(), |end| end);
            (0..=segment).any(|skip| glob_matches(tail, &rest[skip..]))
        }
    }
}

/// The paths under [`CHECKED_FOLDERS`] named inside backticks in a Markdown text, outside
/// fenced code blocks: each word of an inline code span (so `bash scripts/build.sh --dist`
/// names `scripts/build.sh`), without surrounding quotes or brackets, a `::item`, `#anchor` or
/// `:line` after it. A span may run over a line break, as Markdown allows.
fn doc_paths(markdown: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    let mut paths = Vec::new();
    let mut rest = prose.as_str();
    while let Some(open) = rest.find('`') {
        let ticks = rest[open..].chars().take_while(|&c| c == '`').count();
        let fence = "`".repeat(ticks);
        let after = &rest[open + ticks..];
        let Some(close) = after.find(&fence) else { break };
        for word in after[..close].split_whitespace() {
            let word = word.trim_matches(|c: char| "`\"'()[]{},;".contains(c));
            let word = word.split("::").next().unwrap_or(word);
            let word = word.split('#').next().unwrap_or(word);
            let word = word.trim_end_matches(|c: char| c.is_ascii_digit() || c == ':');
            if CHECKED_FOLDERS.iter().any(|folder| word.starts_with(folder)) && !paths.iter().any(|p| p == word) {
                paths.push(word.to_owned());
            }
        }
        rest = &after[close + ticks..];
    }
    paths
}

/// Whether a path named in a doc is there: a tracked file, a folder holding one, or inside a
/// [`GENERATED`] folder. A `*`, a `<placeholder>` or a `…` must stand for at least one file.
fn doc_path_exists(path: &str, files: &[String]) -> bool {
    if GENERATED.iter().any(|folder| path.starts_with(folder)) {
        return true;
    }
    let mut pattern = String::new();
    let path = path.replace('…', "*");
    let mut rest = path.as_str();
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else { break };
        pattern.push_str(&rest[..open]);
        pattern.push('*');
        rest = &rest[open + close + 1..];
    }
    pattern.push_str(rest);
    let folder = format!("{}/", pattern.trim_end_matches('/'));
    files.iter().any(|file| {
        let folders = file.match_indices('/').map(|(end, _)| &file[..=end]);
        glob_matches(&pattern, file) || folders.into_iter().any(|holding| glob_matches(&folder, holding))
    })
}

#[test]
fn the_doc_path_reader_sees_what_it_must() {
    let markdown = "Run `bash scripts/build.sh --dist DIR` and read `src/core/links.rs::base_path`,\n\
        `tests/golden/\nshare_codes.txt` and `docs/size.md#where`; not `fuzz/x.rs`.\n\
        ```sh\nscripts/fenced.sh\n```\n``a `tests/e2e/journeys/*.mjs` b`` `src/core/<name>.rs`\n";
    assert_eq!(
        doc_paths(markdown),
        [
            "scripts/build.sh",
            "src/core/links.rs",
            "tests/golden/",
            "docs/size.md",
            "tests/e2e/journeys/*.mjs",
            "src/core/<name>.rs"
        ]
    );
    let files = ["src/core/links.rs".to_owned(), "tests/e2e/journeys/a.mjs".to_owned()];
    for (path, there) in [
        ("src/core/links.rs", true),
        ("src/core/", true),
        ("src/core", true),
        ("src/cor", false),
        ("src/core/summary.rs", false),
        ("tests/e2e/journeys/*.mjs", true),
        ("tests/e2e/journeys/*.rs", false),
        ("tests/e2e/*/a.mjs", true),
        ("src/core/<module>.rs", true),
        ("src/shell/<module>.rs", false),
        ("src/…", true),
        ("src/core/…", true),
        ("src/nothing/…", false),
        ("tests/e2e/artifacts/anything.png", true),
    ] {
        assert_eq!(doc_path_exists(path, &files), there, "{path}");
    }
    assert!(glob_matches("a/*.rs", "a/b.rs") && !glob_matches("a/*.rs", "a/b/c.rs"));
}

#[test]
fn docs_name_only_files_that_are_there() {
    let files = tracked_files();
    let ignored = read(&root().join(".gitignore"));
    for folder in GENERATED {
        assert!(ignored.lines().any(|line| line == format!("/{folder}")), "{folder} is no longer ignored by git");
    }
    let docs: Vec<&String> = files.iter().filter(|file| file.ends_with(".md")).collect();
    assert!(docs.len() >= 3, "too few Markdown files found for this check to mean anything: {docs:?}");
    let mut missing = Vec::new();
    for doc in docs {
        for path in doc_paths(&read(&root().join(doc))) {
            if !doc_path_exists(&path, &files) {
                missing.push(format!("{doc}: `{path}`"));
            }
        }
    }
    assert!(missing.is_empty(), "these docs name files that are not there:\n{}", missing.join("\n"));
}
