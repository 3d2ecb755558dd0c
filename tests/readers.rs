//! Checks readers' results: link extraction from messy text (a committed thread fixture, table
//! cases, a property test, hostile inputs), the aggregates against hand-computed tables, the
//! summary sentence, and the CSV and plain-text exports.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answers_from_pattern, unescape_field};
use proptest::prelude::*;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::{QUESTION_SETS, QuestionSet, question_set};
use readiness_check::core::readers::{
    BlockingCombination, BlockingDimension, Extracted, PROBLEM_KINDS, ReadersSummary, csv, extract, percent,
    plain_text, summarise, summary_sentence,
};
use readiness_check::core::share_code::{DecodeError, SharedResult, clean_label, decode, encode};
use readiness_check::core::team::encode_team;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The codes (with labels) of what was extracted, in order.
fn codes(extracted: &Extracted) -> Vec<String> {
    extracted.results.iter().map(|r| encode(&r.answers, &r.label)).collect()
}

/// Results, problems, readers and links not counted: all zero when nothing was found.
fn nothing_found(extracted: &Extracted) -> (usize, usize, usize, usize) {
    (extracted.results.len(), extracted.problems.total(), extracted.readers.len(), extracted.unread.len())
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

/// The first question set, which the hand-computed tables below are written for.
fn set1() -> &'static QuestionSet {
    question_set(1).expect("set 1")
}

// Codes from tests/golden/share_codes.txt (question set 1), with their answers and scores.
const BEST: &str = "1Bg15AMzMTg"; // 3333333333333333  100,100,100,100  ready
const MIXED: &str = "1BSjHqt32bx"; // 1302212032130123  47,40,80,53  not-odm
const UNKNOWNS: &str = "1BNC5JKqJOg"; // 0?123?3332333330  20,60,93,80  not-od
const PARTIAL: &str = "1BfU8H_IAQz"; // 3213??0---------  80,-,-,-  incomplete
const LABELLED: &str = "1BZxxxIqoFz.invoice_triage"; // 2322330333333233  73,80,100,93  not-o
const WORST: &str = "1BINeQDMzO5"; // 0000000000000000  0,0,0,0  not-odbm
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

/// Every thread fixture in each shape, read against its `.people` file: who is counted, which
/// team links are listed apart, every link not counted with its reason.
#[test]
fn each_thread_shape_counts_people() {
    for name in ["thread", "linkedin", "disqus", "digest", "plain"] {
        let extracted = extract(&golden(&format!("readers_{name}.txt")));
        let author = |comment: usize| extracted.author(comment).unwrap_or("-").to_owned();
        let (mut readers, mut teams, mut unread) = (Vec::new(), Vec::new(), Vec::new());
        let (mut shape, mut references, mut quotes) = (None, None, None);
        for line in golden(&format!("readers_{name}.people")).lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let number = |s: &str| s.parse::<usize>().unwrap_or_else(|e| panic!("{line:?}: {e}"));
            match f[..] {
                ["shape", key] => shape = Some(key.to_owned()),
                ["reader", who, code] => readers.push((who.to_owned(), code.to_owned(), false)),
                ["reader", who, code, "quoted"] => readers.push((who.to_owned(), code.to_owned(), true)),
                ["team", who, n] => teams.push((who.to_owned(), number(n))),
                ["unread", who, reason] => unread.push((who.to_owned(), reason.to_owned(), false)),
                ["unread", who, reason, "%23"] => unread.push((who.to_owned(), reason.to_owned(), true)),
                ["references", n] => references = Some(number(n)),
                ["quotes", n] => quotes = Some(number(n)),
                _ => panic!("unreadable line in readers_{name}.people: {line:?}"),
            }
        }
        let got_readers: Vec<(String, String, bool)> = extracted
            .readers
            .iter()
            .map(|r| (author(r.comment), encode(&r.result.answers, &r.result.label), r.quoted))
            .collect();
        let got_teams: Vec<(String, usize)> =
            extracted.teams.iter().map(|t| (author(t.comment), t.members.len())).collect();
        let got_unread: Vec<(String, String, bool)> =
            extracted.unread.iter().map(|u| (author(u.comment), u.reason.key().to_owned(), u.hash_encoded)).collect();
        assert_eq!(Some(extracted.shape.key().to_owned()), shape, "{name}: shape");
        assert_eq!(got_readers, readers, "{name}: readers");
        assert_eq!(got_teams, teams, "{name}: team links");
        assert_eq!(got_unread, unread, "{name}: links not counted");
        assert_eq!(Some(extracted.references), references, "{name}: references");
        assert_eq!(Some(extracted.quotes), quotes, "{name}: quotes");
    }
}

#[test]
fn each_link_not_counted_shows_its_comment_and_can_be_fixed_in_place() {
    let text = golden("readers_linkedin.txt");
    let extracted = extract(&text);
    let tom = extracted.unread.iter().find(|u| extracted.author(u.comment) == Some("Tom Okafor")).expect("Tom's link");
    assert_eq!(&text[tom.start..tom.end], "https://lnkd.in/dQw4w9Wx");
    assert_eq!(tom.snippet, "Ours, as LinkedIn shortened it: https://lnkd.in/dQw4w9Wx");
    assert!(tom.reason.explain().contains("ask for the full link"), "{}", tom.reason.explain());
    // The author pastes the full link in its place: Tom becomes a reader, in his comment.
    let fixed =
        readiness_check::core::readers::fix(&text, tom, &format!("https://pilots.example.org/check/#r={MIXED}"));
    let again = extract(&fixed);
    assert_eq!(again.readers.len(), extracted.readers.len() + 1);
    assert!(again.readers.iter().any(|r| again.author(r.comment) == Some("Tom Okafor") && r.result == result(MIXED)));
    assert_eq!(again.unread.len(), extracted.unread.len() - 1);
    // Ranges are in the text as pasted, even after HTML entities earlier in it.
    let pasted = "<p>A &amp; B &#35;1</p>\n\nmine: https://x.io/#r=1Bg15AM\n";
    let cut = &extract(pasted).unread[0];
    assert_eq!(&pasted[cut.start..cut.end], "https://x.io/#r=1Bg15AM");
    assert_eq!(cut.snippet, "mine: https://x.io/#r=1Bg15AM");
}

#[test]
fn identical_results_from_two_commenters_are_two_readers_and_quotes_do_not_count_again() {
    let text = format!(
        "Ann · 2h\nMine: https://x.io/#r={BEST}\n\nBo · 1h\n> Mine: https://x.io/#r={BEST}\nSame here! https://x.io/#r={BEST}\n\nCy · 5m\n> https://x.io/#r={BEST}\nwow\n"
    );
    let extracted = extract(&text);
    let who: Vec<&str> = extracted.readers.iter().filter_map(|r| extracted.author(r.comment)).collect();
    assert_eq!(who, ["Ann", "Bo"]);
    assert_eq!(extracted.quotes, 2);
    let summary = summarise(&extracted.counted(false));
    assert_eq!((summary.results, summary.ready), (2, 2));
}

#[test]
fn team_members_are_added_only_when_the_author_chooses() {
    let team = encode_team(&[BEST.to_owned(), MIXED.to_owned(), WORST.to_owned()]);
    let text = format!("Ann · 2h\nhttps://x.io/#r={BEST}\n\nBo · 1h\nOur team: https://x.io/#t={team}\n");
    let extracted = extract(&text);
    assert_eq!(extracted.counted(false).len(), 1);
    assert_eq!(extracted.team_member_count(), 3);
    // Ann's result is in the team too: she is counted once.
    assert_eq!(extracted.new_team_members(), vec![result(MIXED), result(WORST)]);
    assert_eq!(extracted.counted(true).len(), 3);
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
    // A whole code inside a sentence is read too (LinkedIn comments eat links): BEST in prose.
    assert_eq!(extracted.duplicates, 5, "the second team link's three members, BEST in prose and the single link");
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
        // A reply quoting a quoted link repeats it; the `>` is a quote marker, not a tag's end.
        (format!("\"{url}\", said the data lead.\n> {url}"), 1),
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
        ("unknown question set", "https://x.io/#r=18AAAAAAAACt".into(), DecodeError::UnknownQuestionSet),
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
        assert_eq!(nothing_found(&extracted), (0, 0, 0, 0), "{text:?}");
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
    assert_eq!(nothing_found(&extract(&long_line)), (0, 0, 0, 0));
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
            let _ = summarise(&extracted.results);
        }
        all += &format!("https://x.io/#{fragment}\n");
    }
    let extracted = extract(&all);
    let summary = summarise(&extracted.results);
    let _ = plain_text(&summary, &extracted, true);
    let _ = csv(&extracted.results, "https://x.io/");
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
                let slots = set1()
                    .questions()
                    .zip(digits.iter().cycle())
                    .map(|(q, &d)| match usize::from(d) % (q.options.len() + 2) {
                        0 => None,
                        1 => Some(Answer::DontKnow),
                        n => Some(Answer::Level((n - 2) as u8)),
                    })
                    .collect();
                let answers = Answers::from_slots(set1(), slots).expect("valid slots");
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

// ---------------------------------------------------------------------------------------------
// Aggregates, against tables computed by hand from tests/golden/share_codes.txt
// ---------------------------------------------------------------------------------------------

fn six() -> Vec<SharedResult> {
    [BEST, MIXED, UNKNOWNS, PARTIAL, LABELLED, WORST].iter().map(|c| result(c)).collect()
}

#[test]
fn counts_blockers_and_combinations() {
    let summary = summarise(&six());
    assert_eq!((summary.results, summary.ready, summary.not_ready, summary.incomplete), (6, 1, 4, 1));
    let blocking: Vec<(&str, usize)> = summary.blocking.iter().map(|b| (b.id, b.count)).collect();
    // Ownership blocks MIXED, UNKNOWNS, LABELLED, WORST; Data MIXED, UNKNOWNS, WORST; Metrics
    // MIXED, WORST; Buy-in WORST.
    assert_eq!(blocking, vec![("ownership", 4), ("data", 3), ("metrics", 2), ("buy_in", 1)]);
    // Each combination once: fewer dimensions first.
    let combinations: Vec<(Vec<&str>, usize)> =
        summary.combinations.iter().map(|c| (c.names.clone(), c.count)).collect();
    assert_eq!(
        combinations,
        vec![
            (vec!["Ownership"], 1),
            (vec!["Ownership", "Data"], 1),
            (vec!["Ownership", "Data", "Metrics"], 1),
            (vec!["Ownership", "Data", "Buy-in", "Metrics"], 1),
        ]
    );
}

#[test]
fn combinations_are_ranked_and_all_kept() {
    let patterns = [
        ("3333333333330000", 3), // Metrics
        ("0000333333333333", 2), // Ownership
        ("0000000033333333", 4), // Ownership, Data
        ("3333000000003333", 1), // Data, Buy-in
        ("3333333300000000", 1), // Buy-in, Metrics
        ("0000333300003333", 1), // Ownership, Buy-in
        ("3333333333333333", 5), // ready: no combination
    ];
    let results: Vec<SharedResult> = patterns
        .iter()
        .flat_map(|&(p, n)| {
            std::iter::repeat_n(SharedResult { answers: answers_from_pattern(set1(), p), label: String::new() }, n)
        })
        .collect();
    let summary = summarise(&results);
    let combinations: Vec<(Vec<&str>, usize)> =
        summary.combinations.iter().map(|c| (c.names.clone(), c.count)).collect();
    assert_eq!(
        combinations,
        vec![
            (vec!["Ownership", "Data"], 4),
            (vec!["Metrics"], 3),
            (vec!["Ownership"], 2),
            (vec!["Ownership", "Buy-in"], 1),
            (vec!["Data", "Buy-in"], 1),
            (vec!["Buy-in", "Metrics"], 1),
        ]
    );
    assert_eq!((summary.ready, summary.not_ready), (5, 12));
    // Lists show five and say what they leave out.
    let text = plain_text(&summary, &Extracted::default(), false);
    assert!(text.contains("- Data and Buy-in: 1\n- and 1 more combination\n"), "{text}");
    assert!(!text.contains("Buy-in and Metrics"), "{text}");
}

#[test]
fn per_dimension_bands_and_histograms() {
    let summary = summarise(&six());
    let table: Vec<(&str, [usize; 4], [usize; 10])> =
        summary.dimensions.iter().map(|d| (d.id, [d.yes, d.partly, d.no, d.incomplete], d.histogram)).collect();
    // Scores (pass 75, partly 40): Ownership 100 47 20 80 73 0; Data 100 40 60 - 80 0;
    // Buy-in 100 80 93 - 100 0; Metrics 100 53 80 - 93 0.
    assert_eq!(
        table,
        vec![
            ("ownership", [2, 2, 2, 0], [1, 0, 1, 0, 1, 0, 0, 1, 1, 1]),
            ("data", [2, 2, 1, 1], [1, 0, 0, 0, 1, 0, 1, 0, 1, 1]),
            ("buy_in", [4, 0, 1, 1], [1, 0, 0, 0, 0, 0, 0, 0, 1, 3]),
            ("metrics", [3, 1, 1, 1], [1, 0, 0, 0, 0, 1, 0, 0, 1, 2]),
        ]
    );
}

#[test]
fn per_question_answers_sorted_by_dont_know() {
    let summary = summarise(&six());
    assert_eq!(summary.sets.len(), 1);
    let set = &summary.sets[0];
    assert_eq!((set.set.id, set.results), (1, 6));
    let order: Vec<usize> = set.questions.iter().map(|q| q.position).collect();
    // "I don't know": position 5 twice (UNKNOWNS, PARTIAL) of 6, positions 1 and 4 once of 6.
    assert_eq!(order, vec![5, 1, 4, 0, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    let row = |position: usize| set.questions.iter().find(|q| q.position == position).expect("question");
    let q5 = row(5);
    assert_eq!(q5.question.id, "data.manual_steps");
    assert_eq!(q5.dimension, "Data");
    assert_eq!((q5.options.clone(), q5.dont_know, q5.unanswered), (vec![1, 1, 0, 2], 2, 0));
    assert_eq!((q5.answered(), q5.dont_know_percent()), (6, Some(33)));
    let q1 = row(1);
    assert_eq!(
        (q1.options.clone(), q1.dont_know, q1.unanswered, q1.dont_know_percent()),
        (vec![1, 0, 1, 3], 1, 0, Some(17))
    );
    let q0 = row(0);
    assert_eq!(
        (q0.options.clone(), q0.dont_know, q0.unanswered, q0.dont_know_percent()),
        (vec![2, 1, 1, 2], 0, 0, Some(0))
    );
    let q15 = row(15);
    assert_eq!((q15.options.clone(), q15.dont_know, q15.unanswered, q15.answered()), (vec![2, 0, 0, 3], 0, 1, 5));
    // Every question's counts add up to the set's results.
    for q in &set.questions {
        assert_eq!(q.answered() + q.unanswered, 6, "{}", q.question.id);
    }
}

#[test]
fn summaries_are_generic_over_sets_and_empty_input() {
    let empty = summarise(&[]);
    assert_eq!((empty.results, empty.blocking.len(), empty.sets.len()), (0, 0, 0));
    let summary = summarise(&six());
    // One table per set used, one question table per question of the set, dimension by id.
    assert_eq!(summary.sets.len(), 1);
    assert_eq!(summary.sets[0].questions.len(), QUESTION_SETS[0].question_count());
    let ids: Vec<&str> = summary.dimensions.iter().map(|d| d.id).collect();
    assert_eq!(ids, QUESTION_SETS[0].dimensions.iter().map(|d| d.id).collect::<Vec<_>>());
}

#[test]
fn percentages_round_half_up() {
    let cases = [
        ((1, 8), 13),
        ((1, 3), 33),
        ((2, 3), 67),
        ((0, 5), 0),
        ((5, 5), 100),
        ((1, 200), 1),
        ((1, 201), 0),
        ((3, 0), 0),
        ((12, 137), 9),
    ];
    for ((part, whole), expected) in cases {
        assert_eq!(percent(part, whole), expected, "{part}/{whole}");
    }
}

fn summary_with(results: usize, ready: usize, incomplete: usize, blocking: &[(&'static str, usize)]) -> ReadersSummary {
    ReadersSummary {
        results,
        ready,
        not_ready: results - ready - incomplete,
        incomplete,
        blocking: blocking.iter().map(|&(name, count)| BlockingDimension { id: name, name, count }).collect(),
        combinations: Vec::<BlockingCombination>::new(),
        dimensions: Vec::new(),
        sets: Vec::new(),
    }
}

#[test]
fn the_summary_sentence() {
    let cases: Vec<(ReadersSummary, &str)> = vec![
        (
            summary_with(137, 12, 0, &[("Metrics", 89), ("Data", 68), ("Ownership", 50), ("Buy-in", 0)]),
            "Of 137 readers who shared results, 12 (9%) are ready to scale. Metrics blocks 71% of the others, Data 54% and Ownership 40%.",
        ),
        (
            summary_with(16, 1, 7, &[("Buy-in", 1), ("Data", 0)]),
            "Of 16 readers who shared results, 1 (6%) is ready to scale and 7 have not finished the check. Buy-in blocks 13% of the 8 not ready.",
        ),
        (
            summary_with(3, 0, 1, &[("Data", 2), ("Metrics", 1)]),
            "Of 3 readers who shared results, none are ready to scale and 1 has not finished the check. Data blocks 100% of the 2 not ready and Metrics 50%.",
        ),
        (
            summary_with(2, 0, 0, &[("Data", 2)]),
            "Of 2 readers who shared results, none are ready to scale. Data blocks 100% of them.",
        ),
        (summary_with(4, 4, 0, &[("Data", 0)]), "Of 4 readers who shared results, 4 (100%) are ready to scale."),
        (summary_with(1, 1, 0, &[]), "1 reader shared results, and their pilot is ready to scale."),
        (summary_with(1, 0, 1, &[]), "1 reader shared results, and has not finished the check."),
        (
            summary_with(1, 0, 0, &[("Ownership", 1), ("Data", 1)]),
            "1 reader shared results, and their pilot is not ready to scale: Ownership and Data block it.",
        ),
        (summary_with(0, 0, 0, &[]), "No readers' results found yet."),
    ];
    for (summary, expected) in cases {
        assert_eq!(summary_sentence(&summary), expected);
    }
    assert_eq!(
        summary_sentence(&summarise(&six())),
        "Of 6 readers who shared results, 1 (17%) is ready to scale and 1 has not finished the check. \
         Ownership blocks 100% of the 4 not ready, Data 75%, Metrics 50% and Buy-in 25%."
    );
}

// ---------------------------------------------------------------------------------------------
// Exports: plain text and CSV
// ---------------------------------------------------------------------------------------------

#[test]
fn the_plain_text_summary() {
    let extracted = extract(&golden("readers_thread.txt"));
    let summary = summarise(&extracted.counted(false));
    let text = plain_text(&summary, &extracted, false);
    assert!(text.starts_with("What readers found\n"), "{text}");
    assert!(text.contains(&summary_sentence(&summary)), "{text}");
    assert!(text.contains("readers who chose to share a results link, not all readers"), "{text}");
    assert!(text.contains("What blocks the "), "{text}");
    assert!(text.contains("Most common blocking combinations:"), "{text}");
    assert!(text.contains("The questions readers could least answer"), "{text}");
    assert!(
        text.contains(
            "Counted: 13 readers shared a result (13 comments, read as a Substack thread). \
             Plus 3 members from 1 team link, not counted as readers. \
             7 links not counted (2 damaged, 1 from a newer version, 2 cut off, 1 from an unknown question set and 1 too long). \
             Not counted again: 1 reply linking to a result already counted and 1 quote of a result already counted.\n"
        ),
        "{text}"
    );
    let with_teams = plain_text(&summarise(&extracted.counted(true)), &extracted, true);
    assert!(
        with_teams.contains("Plus 3 members from 1 team link, counted as readers (1 new, 2 already counted)."),
        "{with_teams}"
    );
}

/// Reads our CSV back: rows of cells, checking that every cell is quoted.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    assert!(body.ends_with("\r\n"), "ends with CRLF");
    body.strip_suffix("\r\n")
        .expect("CRLF")
        .split("\r\n")
        .map(|line| {
            assert!(!line.contains('\n') && !line.contains('\r'), "a line break inside a row: {line:?}");
            let mut cells = Vec::new();
            let mut chars = line.chars().peekable();
            loop {
                assert_eq!(chars.next(), Some('"'), "every cell is quoted: {line}");
                let mut cell = String::new();
                loop {
                    match chars.next().expect("closing quote") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        '"' => break,
                        c => cell.push(c),
                    }
                }
                cells.push(cell);
                match chars.next() {
                    Some(',') => continue,
                    None => break,
                    Some(c) => panic!("unexpected {c:?} after a cell in {line}"),
                }
            }
            cells
        })
        .collect()
}

#[test]
fn csv_has_one_quoted_row_per_result() {
    let mut results = six();
    let formula = result(&encode(&result(BEST).answers, "=SUM(A1) \"quoted\", yes"));
    results.push(formula);
    for label in ["-5% cost", "+1 team", "@home", "plain, \"quoted\""] {
        results.push(result(&encode(&result(MIXED).answers, label)));
    }
    let text = csv(&results, "https://pilots.example.org/check/");
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), results.len() + 1);
    let width = 6 + 2 * 4 + 16;
    assert!(rows.iter().all(|r| r.len() == width), "every row has {width} cells");
    let header = &rows[0];
    assert_eq!(&header[..6], ["label", "code", "link", "question set", "verdict", "blocking"]);
    assert_eq!(&header[6..8], ["Ownership score", "Ownership band"]);
    assert_eq!(header[14], "Accountable owner (1:ownership.named_owner)");

    let labelled = &rows[5];
    assert_eq!(
        &labelled[..6],
        [
            "invoice triage",
            LABELLED,
            &format!("https://pilots.example.org/check/r/not-o/#r={LABELLED}"),
            "1",
            "not-ready",
            "Ownership",
        ]
    );
    assert_eq!(&labelled[6..14], ["73", "partly", "80", "yes", "100", "yes", "93", "yes"]);
    let named: Vec<&str> = labelled[14..18].iter().map(|c| c.split_once(". ").map_or("", |(n, _)| n)).collect();
    assert_eq!(named, ["3", "4", "3", "3"], "2322… written as option numbers from 1, then the option's words");
    let owner = &set1().dimensions[0].questions[0];
    assert_eq!(labelled[14], format!("3. {}", owner.options[2].text));
    let partial = &rows[4];
    assert_eq!(&partial[4..10], ["incomplete", "", "80", "yes", "", "incomplete"]);
    let q = |i: usize| set1().questions().nth(i).expect("question");
    assert_eq!(
        &partial[18..24],
        [
            "I don't know".to_owned(),
            "I don't know".to_owned(),
            format!("1. {}", q(6).options[0].text),
            "No answer".to_owned(),
            "No answer".to_owned(),
            "No answer".to_owned()
        ]
    );
    let mixed = &rows[2];
    assert_eq!(mixed[5], "Data; Ownership; Metrics", "blocking, weakest first (40, 47, 53)");

    // Formula-like cells are neutralised; quotes are doubled in the file and read back.
    assert_eq!(rows[7][0], "'=SUM(A1) \"quoted\", yes");
    assert!(text.contains("\"'=SUM(A1) \"\"quoted\"\", yes\""));
    assert_eq!(rows[8][0], "'-5% cost");
    assert_eq!(rows[9][0], "'+1 team");
    assert_eq!(rows[10][0], "'@home");
    assert_eq!(rows[11][0], "plain, \"quoted\"");
}

#[test]
fn csv_neutralises_every_risky_cell() {
    let results = vec![result(BEST)];
    for base in ["=cmd|' /C calc'!A0/", "+x/", "-x/", "@x/", "\thttps://x.io/", "\rhttps://x.io/"] {
        let rows = parse_csv(&csv(&results, base));
        let link = &rows[1][2];
        assert!(link.starts_with('\''), "{base:?} → {link:?}");
    }
    let rows = parse_csv(&csv(&[], "https://x.io/"));
    assert_eq!(rows.len(), 1, "an empty export is just the header");
}

#[test]
fn csv_of_the_thread_fixture_reads_back() {
    let extracted = extract(&golden("readers_thread.txt"));
    let rows = parse_csv(&csv(&extracted.results, "https://pilots.example.org/check/"));
    assert_eq!(rows.len(), extracted.results.len() + 1);
    for (row, r) in rows.iter().skip(1).zip(&extracted.results) {
        assert_eq!(decode(&row[1]).as_ref(), Ok(r), "the code column decodes to the result");
        let link = extract(&row[2]);
        assert_eq!(link.results.first(), Some(r), "the link column is a results link");
    }
}

// ---------------------------------------------------------------------------------------------
// The worker's messages
// ---------------------------------------------------------------------------------------------

/// What the readers' worker sends back is what the page would have read itself: every thread
/// fixture, through the message format (JSON here; the browser's structured values there,
/// with the same serde types), comes back equal, readers, teams, links not counted and all.
#[test]
fn what_the_worker_sends_back_reads_back_the_same() {
    use readiness_check::core::readers::worker_messages::{FromWorker, ReadRequest};
    for name in ["thread", "linkedin", "disqus", "digest", "plain"] {
        let text = golden(&format!("readers_{name}.txt"));
        let request: ReadRequest =
            serde_json::from_str(&serde_json::to_string(&ReadRequest { id: 7, text: text.clone() }).unwrap()).unwrap();
        assert_eq!(request.text, text, "{name}: the text arrives whole");
        let sent = FromWorker::Read { id: request.id, extracted: Box::new(extract(&request.text)) };
        assert!(
            !matches!(&sent, FromWorker::Read { extracted, .. } if extracted.results.is_empty()),
            "{name}: results found"
        );
        let received: FromWorker = serde_json::from_str(&serde_json::to_string(&sent).unwrap()).unwrap();
        assert_eq!(received, sent, "{name}");
    }
    // A damaged code in the message is refused, not read as some other result.
    let damaged = serde_json::to_string(&FromWorker::Read { id: 1, extracted: Box::new(extract(MIXED)) })
        .unwrap()
        .replace(MIXED, "1BSjHqt32bX");
    assert!(serde_json::from_str::<FromWorker>(&damaged).is_err());
}
