//! Checks that index.html's first inline script (which static screen shows before the app
//! arrives) reads an embed from the address exactly as the app does (`EmbedOptions::parse`):
//! the script runs in Node over a table of queries, and each answer is compared with the
//! core's.

use std::io::Write as _;
use std::process::{Command, Stdio};

use readiness_check::core::embed::EmbedOptions;

/// The inline script of index.html that decides what shows before the app arrives.
fn head_script() -> String {
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html")).expect("index.html");
    let mut rest = index.as_str();
    while let Some(at) = rest.find("<script>") {
        let body = &rest[at + "<script>".len()..];
        let end = body.find("</script>").expect("a closed script");
        if body[..end].contains("function embedded(") {
            return body[..end].to_owned();
        }
        rest = &body[end..];
    }
    panic!("index.html has no inline script with `function embedded(`");
}

/// Whether the script hides the static screens (class `routed` with no fragment) for each
/// query, the page not being framed.
fn framed_by_script(queries: &[String]) -> Vec<bool> {
    let harness = r#"
const vm = require('node:vm');
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const { script, queries } = JSON.parse(input);
  const compiled = new vm.Script(script);
  const out = queries.map((search) => {
    const classes = {};
    const root = { classList: { toggle: (name, on) => { classes[name] = on; } } };
    const window = {};
    window.self = window; window.top = window;
    Object.assign(window, {
      location: { search, hash: '' },
      document: { documentElement: root },
      addEventListener: () => {},
    });
    compiled.runInContext(vm.createContext(window));
    return classes.routed === true;
  });
  process.stdout.write(JSON.stringify(out));
});"#;
    let input = serde_json::json!({ "script": head_script(), "queries": queries }).to_string();
    let mut node = Command::new("node")
        .args(["-e", harness])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node (the build needs it for terser) runs");
    node.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write to node");
    let output = node.wait_with_output().expect("node ends");
    assert!(output.status.success(), "node failed");
    serde_json::from_slice(&output.stdout).expect("node's answers")
}

#[test]
fn the_page_reads_an_embed_as_the_app_does() {
    let many = |count: usize, last: &str| {
        let mut pairs: Vec<String> = (0..count - 1).map(|i| format!("k{i}=v")).collect();
        pairs.push(last.to_owned());
        format!("?{}", pairs.join("&"))
    };
    let mut queries: Vec<String> = [
        "",
        "?",
        "?embed",
        "?embed=",
        "?embed=0",
        "?embed=false",
        "?embed=1",
        "?embed=true",
        "?embed=no",
        "?embed=0=1",
        "?embedded",
        "?x=embed",
        "?theme=dark&embed",
        "?embed&embed=0",
        "?embed=0&embed",
        "?EMBED",
        "?embed=FALSE",
        "??embed",
        "?a&embed=0&b",
        "?%65mbed",
        "?&embed",
        "?embed&",
        "embed",
        "?events&theme=dark",
        "?embed=%30",
    ]
    .iter()
    .map(|q| (*q).to_owned())
    .collect();
    queries.extend([
        many(32, "embed"),
        many(33, "embed"),
        many(32, "embed=0"),
        format!("{}&embed=0", many(32, "embed")),
    ]);
    let framed = framed_by_script(&queries);
    assert_eq!(framed.len(), queries.len());
    for (query, framed) in queries.iter().zip(framed) {
        assert_eq!(framed, EmbedOptions::parse(query).embed, "{query:?}");
    }
    // The table tells the cases apart (a script that always said one thing would fail).
    assert!(EmbedOptions::parse("?embed").embed && !EmbedOptions::parse("?embed=0").embed);
}
