//! Checks readers' results: link extraction from messy text (a committed thread fixture, table
//! cases, a property test, hostile inputs).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::readers::{Extracted, PROBLEM_KINDS, extract};
use readiness_check::core::share_code::{DecodeError, SharedResult, clean_label, decode, encode};
use readiness_check::core::team::encode_team;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The codes (with labels) of what was extracted, in order.
fn codes(extracted: &Extracted) -> Vec<String> {
    extracted.results.iter().map(|r| encode(&r.answers, &r.label)).collect()
}

fn result(code: &str) -> SharedResult {
    decode(code).unwrap_or_else(|e| panic!("{code}: {e:?}"))
}

fn kind_named(name: &str) -> DecodeError {
    *PROBLEM_KINDS.iter().find(|k| k.kind() == name).unwrap_or_else(|| panic!("unknown problem kind {name}"))
}

/// encodeURIComponent: everything but `A–Z a–z 0–9 - _ . ! ~ * ' ( )` as `%XX`.
fn encode_uri_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

// Codes from tests/golden/share_codes.txt (question set 1), with their answers and scores.
const BEST: &str = "1Bg15AMzMTg"; // 3333333333333333  100,100,100,100  ready
const MIXED: &str = "1BSjHqt32bx"; // 1302212032130123  47,40,80,53  not-odm
const LABELLED: &str = "1BZxxxIqoFz.invoice_triage"; // 2322330333333233  73,80,100,93  not-o
const UNICODE: &str = "1Bg15AMzMNw.Rechnungspr%C3%BCfung_%E2%9C%93"; // all best, "Rechnungsprüfung ✓"

// ---------------------------------------------------------------------------------------------
// The committed thread fixture
// ---------------------------------------------------------------------------------------------

fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_thread_fixture_gives_the_expected_list() {
    let extracted = extract(&golden("readers_thread.txt"));
    let mut expected_codes = Vec::new();
    let mut expected_problems = Vec::new();
    let (mut duplicates, mut team_links, mut team_members) = (None, None, None);
    for line in golden("readers_thread.expected").lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let number = |s: &str| s.parse::<usize>().unwrap_or_else(|e| panic!("{line:?}: {e}"));
        match fields[..] {
            ["result", code] => expected_codes.push(code.to_owned()),
            ["duplicates", n] => duplicates = Some(number(n)),
            ["team-links", n] => team_links = Some(number(n)),
            ["team-members", n] => team_members = Some(number(n)),
            ["problem", kind, n] => expected_problems.push((kind_named(kind), number(n))),
            _ => panic!("unreadable line in readers_thread.expected: {line:?}"),
        }
    }
    assert_eq!(codes(&extracted), expected_codes);
    assert_eq!(Some(extracted.duplicates), duplicates, "duplicates");
    assert_eq!(Some(extracted.team_links), team_links, "team links");
    assert_eq!(Some(extracted.team_members), team_members, "team members");
    assert_eq!(extracted.problems.by_reason(), expected_problems, "problems by reason");
    // The labels came through, decoded and cleaned.
    let labels: Vec<&str> = extracted.results.iter().map(|r| r.label.as_str()).filter(|l| !l.is_empty()).collect();
    assert!(labels.contains(&"Zoë's ops bot ✓"), "{labels:?}");
    assert!(labels.contains(&"Münster claims"), "{labels:?}");
    assert!(labels.contains(&"=SUM(A1) \"quoted\", yes"), "{labels:?}");
}

// ---------------------------------------------------------------------------------------------
// Extraction, case by case
// ---------------------------------------------------------------------------------------------

#[test]
fn links_are_found_in_every_wrapper() {
    let url = format!("https://pilots.example.org/any/path/r/not-o/#r={LABELLED}");
    let cases: Vec<(&str, String)> = vec![
        ("plain", format!("mine: {url}")),
        ("alone", url.clone()),
        ("base page", format!("https://x.io/#r={LABELLED}")),
        ("bare fragment", format!("#r={LABELLED}")),
        ("markdown", format!("[my result]({url})")),
        ("angle brackets", format!("<{url}>")),
        ("html", format!("<a href=\"{url}\" rel=\"nofollow\">my result</a>")),
        ("html entities", format!("<a href=\"https://x.io/?embed&amp;theme=dark&#35;r&#61;{LABELLED}\">x</a>")),
        ("double quotes", format!("\"{url}\"")),
        ("single quotes", format!("'{url}'")),
        ("parentheses", format!("(see {url})")),
        ("square brackets", format!("[{url}]")),
        ("full stop", format!("Here: {url}.")),
        ("ellipsis", format!("Here: {url}...")),
        ("comma", format!("{url}, and more")),
        ("exclamation", format!("{url}!")),
        ("question", format!("{url}?")),
        ("closing quote and stop", format!("\"{url}\".")),
        ("tail query", format!("{url}&utm_source=x")),
        ("crlf", format!("a\r\n{url}\r\nb")),
        ("line break", "https://x.io/#r=1BZxxxI\nqoFz.invoice_triage".into()),
        ("crlf break", "https://x.io/#r=1BZxxxIqoFz.invo\r\nice_triage".into()),
        ("break after key", format!("https://x.io/#r=\n{LABELLED}")),
        ("quoted break", "> https://x.io/#r=1BZxxxIqoFz.\n> invoice_triage\n> bye".into()),
        ("nested quote break", "> > https://x.io/#r=1BZx\n> > xxIqoFz.invoice_triage".into()),
        ("soft break", "https://x.io/#r=1BZxxxIqo=\nFz.invoice_triage".into()),
        ("quoted-printable key", "https://x.io/#r=3D1BZxxxIqo=\nFz.invoice_triage".into()),
        ("three lines", "https://x.io/#r=1BZ=\nxxxIq=\noFz.invoice_triage".into()),
        ("percent-encoded", format!("?url={}&mini=true", encode_uri_component(&url))),
        ("percent-encoded, then text", format!("text={}%20via%20me", encode_uri_component(&format!("Mine: {url}")))),
        ("twice percent-encoded", format!("?u={}", encode_uri_component(&encode_uri_component(&url)))),
        ("lower-case escapes", format!("?url=https%3a%2f%2fx.io%2f%23r%3d{LABELLED}")),
        ("bare line", format!("Mine:\n{LABELLED}\nthanks")),
        ("bare quoted line", format!("> {LABELLED}")),
        ("bare bullet", format!("- {LABELLED}")),
        ("bare numbered", format!("3. {LABELLED}.")),
        ("bare in backticks", format!("`{LABELLED}`")),
        ("bare in bold", format!("**{LABELLED}**")),
        ("csv cell", format!("name,code\nAna,{LABELLED},x")),
        ("quoted csv cell", format!("\"Ana\";\"{LABELLED}\"")),
        ("tab cell", format!("Ana\t{LABELLED}\t3")),
        ("markdown table", format!("| Ana | {LABELLED} |")),
    ];
    for (name, text) in cases {
        let extracted = extract(&text);
        assert_eq!(codes(&extracted), vec![LABELLED.to_owned()], "{name}: {text:?}");
        assert_eq!(extracted.problems.total(), 0, "{name}: {text:?} {:?}", extracted.problems);
        assert_eq!(extracted.results[0].label, "invoice triage", "{name}");
    }
}

#[test]
fn a_label_is_percent_decoded_once_in_an_encoded_link() {
    let url = format!("https://x.io/r/ready/#r={UNICODE}");
    let shared = format!("https://www.linkedin.com/sharing/share-offsite/?url={}", encode_uri_component(&url));
    assert!(shared.contains("%25C3%25BC"), "{shared}");
    let extracted = extract(&shared);
    assert_eq!(codes(&extracted), vec![UNICODE.to_owned()]);
    assert_eq!(extracted.results[0].label, "Rechnungsprüfung ✓");
    // In a link that is not encoded, the label's own escapes are left for the decoder.
    assert_eq!(codes(&extract(&url)), vec![UNICODE.to_owned()]);
}

#[test]
fn team_links_count_each_member() {
    let members = [BEST.to_owned(), LABELLED.to_owned(), MIXED.to_owned()];
    let team = encode_team(&members);
    let text = format!(
        "Team: https://x.io/#t={team}\nand again, bare:\n{team}\nplus {BEST} in prose, and https://x.io/#r={MIXED}"
    );
    let extracted = extract(&text);
    assert_eq!(codes(&extracted), members.to_vec());
    assert_eq!(extracted.team_links, 2);
    assert_eq!(extracted.team_members, 6);
    assert_eq!(extracted.duplicates, 4, "the second team link's three members and the single link");
    // A team link broken by a mail client, many lines long.
    let wrapped: String =
        format!("https://x.io/#t={team}").as_bytes().chunks(20).map(|c| String::from_utf8_lossy(c) + "=\n").collect();
    let extracted = extract(&wrapped);
    assert_eq!(codes(&extracted), members.to_vec(), "{wrapped}");
    assert_eq!(extracted.team_links, 1);
}

#[test]
fn duplicates_are_same_answers_and_same_label() {
    let same_answers_other_label = encode(&result(BEST).answers, "other pilot");
    let text = format!(
        "https://a.io/#r={BEST} https://b.io/r/ready/#r={BEST}\n{BEST}\n\
         https://a.io/#r={same_answers_other_label} https://a.io/#r={BEST}."
    );
    let extracted = extract(&text);
    assert_eq!(codes(&extracted), vec![BEST.to_owned(), same_answers_other_label]);
    assert_eq!(extracted.duplicates, 3);
    // A label written with other escapes is the same label.
    let lower = UNICODE.replace("%C3%BC", "%c3%bc");
    let extracted = extract(&format!("#r={UNICODE} #r={lower}"));
    assert_eq!((extracted.results.len(), extracted.duplicates), (1, 1));
}

#[test]
fn a_link_written_twice_in_one_html_or_markdown_link_counts_once() {
    let url = format!("https://x.io/r/ready/#r={BEST}");
    let cases: Vec<(String, usize)> = vec![
        (format!("<a href=\"{url}\">{url}</a>"), 0),
        (format!("<a href='{url}' target=\"_blank\"\n   rel=\"nofollow\">{url}</a>"), 0),
        (format!("[{url}]({url})"), 0),
        // Two separate links are a duplicate.
        (format!("<a href=\"{url}\">mine</a> <a href=\"{url}\">{url}</a>"), 1),
        (format!("<{url}>, \"{url}\""), 1),
        (format!("{url} {url}"), 1),
    ];
    for (text, duplicates) in cases {
        let extracted = extract(&text);
        assert_eq!(extracted.results.len(), 1, "{text}");
        assert_eq!(extracted.duplicates, duplicates, "{text}");
    }
}

#[test]
fn unreadable_codes_are_counted_by_reason_never_repaired() {
    let cases: Vec<(&str, String, DecodeError)> = vec![
        ("changed character", "https://x.io/#r=1Bg15AMzMTh".into(), DecodeError::Damaged),
        ("swapped characters", "https://x.io/#r=1Bg15AMzTMg".into(), DecodeError::Damaged),
        ("edited label", format!("https://x.io/#r={LABELLED}x"), DecodeError::Damaged),
        ("label cut by a space", "https://x.io/#r=1BZxxxIqoFz.invoice triage".into(), DecodeError::Damaged),
        ("shortened display", "x.io/r/not-m/#r=1Bg15AM…".into(), DecodeError::Truncated),
        ("cut at the end of a text", "https://x.io/#r=1Bg15AMz".into(), DecodeError::Truncated),
        ("cut, then a new paragraph", "https://x.io/#r=1Bg15AMz\n\nThanks".into(), DecodeError::Truncated),
        ("too long", "https://x.io/#r=1Bg15AMzMTgg".into(), DecodeError::TooLong),
        ("newer format", "https://x.io/#r=2Bg15AMzMTg".into(), DecodeError::NewerFormat),
        ("unknown question set", "https://x.io/#r=1CAAAAAAAA5".into(), DecodeError::UnknownQuestionSet),
        ("nothing after the key", "https://x.io/#r= is where the code goes".into(), DecodeError::Empty),
        (
            "team cut off",
            format!("https://x.io/#t={}", &encode_team(&[BEST.into(), MIXED.into()])[..20]),
            DecodeError::Truncated,
        ),
        ("bare, changed", "1Bg15AMzMTh".into(), DecodeError::Damaged),
        ("bare, too long", "\"1Bg15AMzMTgAAAA\"".into(), DecodeError::TooLong),
    ];
    for (name, text, error) in cases {
        let extracted = extract(&text);
        assert!(extracted.results.is_empty(), "{name}: {text:?} gave {:?}", codes(&extracted));
        assert_eq!(extracted.problems.by_reason(), vec![(error, 1)], "{name}: {text:?}");
    }
}

#[test]
fn ordinary_text_holds_no_links_and_no_problems() {
    let texts = [
        "Great essay! Our 1st pilot went 10x better than the 2nd. We use 1Password for secrets.",
        "1st\n10x\n1B\n12345678\nT1 is a lane\nT1000\n1. Ownership\n2. Data",
        "https://open.substack.com/pub/cupofwit/p/from-pilot-to-production-why-most#comments",
        "https://x.io/#team https://x.io/#start https://x.io/#embed-kit https://x.io/?r=1#top #AI #results",
        "https://x.io/#s=S2;1Bg15AMzMTg;r; (progress, not a result)",
        "r=1Bg15AMzMTg (no hash) and t=T1abc, #R=1Bg15AMzMTg, %23x%3D1",
        "&#35; &amp; &#xZZ; &unknown; & ; &#0;",
        "",
    ];
    for text in texts {
        let extracted = extract(text);
        assert_eq!(extracted, Extracted::default(), "{text:?}");
    }
}

#[test]
fn a_line_break_is_only_joined_when_the_unbroken_code_does_not_read() {
    // The link at the end of a line is complete: the next line's first word is not glued on.
    let extracted = extract(&format!("https://x.io/#r={BEST}\nReply\nhttps://x.io/#r={LABELLED}\nLike"));
    assert_eq!(codes(&extracted), vec![BEST.to_owned(), LABELLED.to_owned()]);
    // A broken code whose pieces do not join into a readable one stays a problem.
    let extracted = extract("https://x.io/#r=1Bg15A\nMzMTh");
    assert_eq!(extracted.problems.by_reason(), vec![(DecodeError::Truncated, 1)]);
    // A truncated link, then a whole code on the next line: both are read for what they are.
    let extracted = extract(&format!("https://x.io/#r=1Bg15A\n{MIXED}"));
    assert_eq!(codes(&extracted), vec![MIXED.to_owned()]);
    assert_eq!(extracted.problems.by_reason(), vec![(DecodeError::Truncated, 1)]);
    // A continuation consumed by a joined code is not read again as a bare code.
    let extracted = extract(&format!("https://x.io/#r=\n{MIXED}\n"));
    assert_eq!((codes(&extracted), extracted.duplicates), (vec![MIXED.to_owned()], 0));
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs: behaviour only, no timing (the figure is in examples/readers_bench.rs)
// ---------------------------------------------------------------------------------------------

#[test]
fn hostile_inputs_are_read_in_one_pass() {
    let many_keys = "#r=".repeat(100_000);
    assert_eq!(extract(&many_keys).problems.by_reason(), vec![(DecodeError::Empty, 100_000)]);
    let many_lines = "#r=\n".repeat(100_000);
    assert_eq!(extract(&many_lines).problems.by_reason(), vec![(DecodeError::Empty, 100_000)]);
    let many_teams = "x#t=".repeat(100_000);
    assert_eq!(extract(&many_teams).problems.total(), 100_000);
    let encoded_keys = "%23r%3D".repeat(100_000);
    assert_eq!(extract(&encoded_keys).problems.by_reason(), vec![(DecodeError::Empty, 100_000)]);

    let long_line = "A".repeat(1 << 20);
    assert_eq!(extract(&long_line), Extracted::default());
    assert_eq!(extract(&format!("1B{long_line}")).problems.by_reason(), vec![(DecodeError::TooLong, 1)]);
    assert_eq!(extract(&format!("#r=1B{long_line}")).problems.by_reason(), vec![(DecodeError::TooLong, 1)]);
    assert_eq!(extract(&format!("#t=T1{long_line}~")).problems.by_reason(), vec![(DecodeError::TooLong, 1)]);
    let percent_line = "%25".repeat(1 << 18);
    assert_eq!(extract(&format!("%23r%3D{percent_line}")).problems.by_reason(), vec![(DecodeError::TooLong, 1)]);

    // A code broken over a thousand one-character lines: joining stops after a bounded number
    // of lines, the first line's part is the problem, and no line is read twice.
    let ragged = format!("#r=1B\n{}", "A\n".repeat(1000));
    assert_eq!(extract(&ragged).problems.by_reason(), vec![(DecodeError::Truncated, 1)]);
    let ragged_team = format!("#t=T1\n{}", "~\n".repeat(100_000));
    assert_eq!(extract(&ragged_team).problems.by_reason(), vec![(DecodeError::Truncated, 1)]);

    // The same valid link 100,000 times with nothing between them.
    let repeated = format!("#r={BEST}").repeat(100_000);
    let extracted = extract(&repeated);
    assert_eq!((extracted.results.len(), extracted.duplicates), (1, 99_999));

    let entities = "&#35;r&#61;".repeat(100_000) + &"&".repeat(100_000);
    assert_eq!(extract(&entities).problems.total(), 100_000);
}

/// Undoes the hostile corpus' escaping (`%XX` for bytes outside printable ASCII and for '%').
fn unescape_field(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn the_hostile_link_corpus_embedded_in_text_never_panics() {
    let corpus = golden("hostile_links.txt");
    let mut all = String::new();
    for line in corpus.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [expect, _, fragment] = fields[..] else { panic!("{line}") };
        let fragment = unescape_field(fragment);
        for text in [
            format!("Mine: https://x.io/r/ready/#{fragment}. Thanks!"),
            format!("<a href=\"https://x.io/#{fragment}\">{fragment}</a>"),
            format!("> https://x.io/#{fragment}\n> more"),
            format!("?url={}", encode_uri_component(&format!("https://x.io/#{fragment}"))),
            fragment.clone(),
        ] {
            let extracted = extract(&text);
            let found = extracted.results.len() + extracted.duplicates + extracted.problems.total();
            if expect == "ok" && text.contains('#') {
                assert!(!extracted.results.is_empty(), "{text:?}: {:?}", extracted.problems);
            }
            if text.contains("#r=") || text.contains("#t=") {
                assert!(found > 0, "{text:?}: nothing found");
            }
        }
        all += &format!("https://x.io/#{fragment}\n");
    }
    let _ = extract(&all);
}

// ---------------------------------------------------------------------------------------------
// Property: every inserted link is found, with its label, and nothing else
// ---------------------------------------------------------------------------------------------

/// How an inserted link is written into the text.
#[derive(Clone, Debug)]
enum Wrapper {
    Plain,
    Markdown,
    Angle,
    Html,
    HtmlEcho,
    Quoted(char),
    Parenthesised,
    Followed(char),
    /// Broken by a mail client inside the code's first `at` characters (never after them, where
    /// a cut label could pass the check by chance), with this line break.
    MailBreak {
        at: usize,
        brk: &'static str,
    },
    LinkedIn,
    Bare,
}

fn wrapper() -> impl Strategy<Value = Wrapper> {
    prop_oneof![
        Just(Wrapper::Plain),
        Just(Wrapper::Markdown),
        Just(Wrapper::Angle),
        Just(Wrapper::Html),
        Just(Wrapper::HtmlEcho),
        prop::sample::select(vec!['"', '\'']).prop_map(Wrapper::Quoted),
        Just(Wrapper::Parenthesised),
        prop::sample::select(vec!['.', ',', ')', '!', '?', '"', '\'', '>', ']']).prop_map(Wrapper::Followed),
        (0usize..5, prop::sample::select(vec!["\n", "=\n", "\n> ", "\r\n> > ", "=\r\n"]))
            .prop_map(|(at, brk)| Wrapper::MailBreak { at, brk }),
        Just(Wrapper::LinkedIn),
        Just(Wrapper::Bare),
    ]
}

const HOSTS: [&str; 4] = [
    "https://pilots.example.org/check/r/not-od/",
    "http://localhost:8080/",
    "https://a.b/c/d/?embed&theme=dark",
    "//x.io/",
];

/// One inserted link: a result, or a team of one to three.
#[derive(Clone, Debug)]
struct Link {
    members: Vec<(Vec<u8>, String)>,
    wrapper: Wrapper,
    host: usize,
    separator: &'static str,
}

impl Link {
    fn results(&self) -> Vec<SharedResult> {
        self.members
            .iter()
            .map(|(digits, label)| {
                let slots = CURRENT
                    .questions()
                    .zip(digits.iter().cycle())
                    .map(|(q, &d)| match usize::from(d) % (q.options.len() + 2) {
                        0 => None,
                        1 => Some(Answer::DontKnow),
                        n => Some(Answer::Level((n - 2) as u8)),
                    })
                    .collect();
                let answers = Answers::from_slots(CURRENT, slots).expect("valid slots");
                SharedResult { answers, label: clean_label(label) }
            })
            .collect()
    }

    fn text(&self) -> String {
        let results = self.results();
        let member_codes: Vec<String> = results.iter().map(|r| encode(&r.answers, &r.label)).collect();
        let (key, code) = match &member_codes[..] {
            [one] if self.members.len() == 1 => ("r=", one.clone()),
            _ => ("t=", encode_team(&member_codes)),
        };
        let url = format!("{}#{key}{code}", HOSTS[self.host % HOSTS.len()]);
        let written = match &self.wrapper {
            Wrapper::Plain => url,
            Wrapper::Markdown => format!("[my result]({url})"),
            Wrapper::Angle => format!("<{url}>"),
            Wrapper::Html => format!("<a href=\"{}\">mine</a>", url.replace('&', "&amp;")),
            Wrapper::HtmlEcho => format!("<a href=\"{url}\" rel=\"nofollow\">{url}</a>"),
            Wrapper::Quoted(q) => format!("{q}{url}{q}"),
            Wrapper::Parenthesised => format!("(mine: {url})"),
            Wrapper::Followed(c) => format!("{url}{c}"),
            Wrapper::MailBreak { at, brk } => {
                let cut = url.len() - code.len() + at;
                format!("{}{brk}{}", &url[..cut], &url[cut..])
            }
            Wrapper::LinkedIn => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={}&mini=true", encode_uri_component(&url))
            }
            Wrapper::Bare => format!("\n{code}\n"),
        };
        format!("{written}{}", self.separator)
    }
}

fn label() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => prop::sample::select(vec![' ', '_', '%', '.', '-', '~', '#', '=', '"', '\'', ',', '(', ')', '<', '>', '&', '/', 'ü', '✓', '😀', 'Ω']),
        1 => proptest::char::range('0', '9'),
    ];
    prop_oneof![1 => Just(String::new()), 3 => proptest::collection::vec(chars, 1..20).prop_map(String::from_iter)]
}

fn link() -> impl Strategy<Value = Link> {
    let member = || (proptest::collection::vec(0u8..6, 16), label());
    (
        prop_oneof![4 => proptest::collection::vec(member(), 1..=1), 1 => proptest::collection::vec(member(), 1..=3)],
        wrapper(),
        0usize..HOSTS.len(),
        prop::sample::select(vec![" ", "\n", "\n\n", " \n", "\r\n", "\t"]),
    )
        .prop_map(|(members, wrapper, host, separator)| Link { members, wrapper, host, separator })
}

/// Noise: words, other links, entities and code-like tokens that never decode (wrong length,
/// one character changed, cut inside the code), each followed by a space so that no line
/// break glues two of them into something new.
fn noise() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Great",
        "essay",
        "pilot",
        "Reply",
        "Like (3)",
        "·",
        "—",
        "1st",
        "10x",
        "1.",
        "T1",
        "~",
        "1Password",
        "https://example.com/a#b",
        "https://open.substack.com/pub/x/p/y",
        "#AI",
        "#",
        "=",
        "%",
        "r=",
        "#r=",
        "#t=",
        "%23r%3D",
        "%23t%3D",
        "&amp;",
        "&#35;",
        "&",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "<",
        ">",
        "> ",
        "*",
        "ü",
        "😀",
        "<a href=\"https://x.io/#team\">team</a>",
        "[x](https://x.io/#start)",
        "\n",
        "\n> ",
        "=\n",
    ])
    .prop_map(str::to_owned);
    let alphabet = proptest::char::ranges(vec!['A'..='Z', 'a'..='z', '0'..='9'].into());
    let wrong_length = (
        proptest::char::range('A', 'Z'),
        prop::sample::select(vec![5usize, 6, 7, 8, 10, 11, 12, 13]),
        proptest::collection::vec(alphabet.clone(), 13),
    )
        .prop_map(|(set, n, rest)| format!("1{set}{}", rest[..n].iter().collect::<String>()));
    let changed = (0usize..11, alphabet.clone()).prop_filter_map("a real change", |(at, c)| {
        let mut code: Vec<char> = BEST.chars().collect();
        (code[at] != c).then(|| {
            code[at] = c;
            code.into_iter().collect::<String>()
        })
    });
    let cut = (2usize..11).prop_map(|n| MIXED[..n].to_owned());
    let code_like = prop_oneof![wrong_length, changed, cut];
    let anchored = (prop::sample::select(vec!["", "#r=", "https://x.io/#r=", "%23r%3D", "#t=T1D~"]), code_like)
        .prop_map(|(key, code)| format!("{key}{code}"));
    let random = proptest::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter);
    prop_oneof![4 => words, 2 => anchored, 1 => random].prop_map(|token| format!("{token} "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_inserted_link_is_found_and_nothing_else(
        noise in proptest::collection::vec(noise(), 0..60),
        links in proptest::collection::vec((link(), any::<prop::sample::Index>()), 1..8),
    ) {
        let mut places: Vec<(usize, &Link)> = links.iter().map(|(l, at)| (at.index(noise.len() + 1), l)).collect();
        places.sort_by_key(|&(at, _)| at);
        let mut text = String::new();
        let mut next = places.iter().peekable();
        for i in 0..=noise.len() {
            while let Some((_, link)) = next.next_if(|(at, _)| *at == i) {
                text += &link.text();
            }
            if let Some(token) = noise.get(i) {
                text += token;
            }
        }
        let mut expected: Vec<String> = Vec::new();
        for (_, link) in &places {
            for r in link.results() {
                let code = encode(&r.answers, &r.label);
                if !expected.contains(&code) {
                    expected.push(code);
                }
            }
        }
        let extracted = extract(&text);
        prop_assert_eq!(codes(&extracted), expected, "text: {:?}", text);
    }
}
