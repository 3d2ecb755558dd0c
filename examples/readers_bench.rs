//! Times readers' results on a generated thread of 10,000 results links (about 1 MB of text):
//! extraction, aggregation and the CSV export, each the median of several runs.
//!
//! Run natively in release: `cargo run --release --example readers_bench`. Not a test: the
//! figure depends on the machine; tests/readers.rs checks the behaviour on hostile inputs.

use std::time::{Duration, Instant};

use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::links::results_link;
use readiness_check::core::readers::{csv, extract, plain_text, summarise};
use readiness_check::core::share_code::encode;

const LINKS: usize = 10_000;
const RUNS: usize = 15;

/// Deterministic varied answers for reader `n`: every pattern differs, some unanswered or
/// "I don't know".
fn answers(n: usize) -> Answers {
    let mut state = n as u64 * 0x9E37_79B9_7F4A_7C15 + 1;
    let slots = CURRENT
        .questions()
        .map(|q| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            match state % 12 {
                0 => None,
                1 => Some(Answer::DontKnow),
                k => Some(Answer::Level((k as usize % q.options.len()) as u8)),
            }
        })
        .collect();
    Answers::from_slots(CURRENT, slots).unwrap_or_else(|| Answers::empty(CURRENT))
}

/// A comment thread: each comment holds one link in one of the usual wrappers.
fn thread() -> String {
    let base = "https://pilots.example.org/check/";
    let labels = ["", "invoice triage", "Zoë's ops bot ✓", "claims", "Q3 – pilot #2"];
    let mut text = String::new();
    for n in 0..LINKS {
        let label = labels[n % labels.len()];
        let link = results_link(base, &answers(n), label);
        let comment = match n % 6 {
            0 => format!("Reader {n} · 2h\nHere's mine: {link}\nReply · Like (3)\n\n"),
            1 => format!("Reader {n} · 1h\nOurs is [not great]({link}) – working on it.\nReply\n\n"),
            2 => format!("<p>Reader {n}: <a href=\"{link}\" rel=\"nofollow\">{link}</a></p>\n"),
            3 => format!("Reader {n} · 5m\n> quoting someone\nSame here ({link}).\n\n"),
            4 => format!("Reader {n}\n{}\n\n", encode(&answers(n), label)),
            _ => format!("Reader {n} · 3h\nResult: <{link}>, thoughts welcome!\n\n"),
        };
        text.push_str(&comment);
    }
    text
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let value = f();
        times.push(start.elapsed());
        last = Some(value);
    }
    (median(times), last.expect("at least one run"))
}

fn main() {
    let text = thread();
    let (extract_time, extracted) = time(|| extract(&text));
    if std::env::args().any(|a| a == "--extract-only") {
        println!("extract     {:>8.2} ms", extract_time.as_secs_f64() * 1e3);
        return;
    }
    let counted = extracted.counted(false);
    let (summarise_time, summary) = time(|| summarise(&counted));
    let (csv_time, table) = time(|| csv(&counted, "https://pilots.example.org/check/"));
    let (text_time, _) = time(|| plain_text(&summary, &extracted, false));
    println!("input: {LINKS} links, {:.2} MB of text", text.len() as f64 / 1e6);
    println!(
        "found: {} readers in {} comments, {} distinct results, {} duplicates, {} problems",
        extracted.readers.len(),
        extracted.comments.len(),
        extracted.results.len(),
        extracted.duplicates,
        extracted.problems.total()
    );
    println!("extract     {:>8.2} ms", extract_time.as_secs_f64() * 1e3);
    println!("summarise   {:>8.2} ms", summarise_time.as_secs_f64() * 1e3);
    println!("csv         {:>8.2} ms ({:.2} MB)", csv_time.as_secs_f64() * 1e3, table.len() as f64 / 1e6);
    println!("plain text  {:>8.2} ms", text_time.as_secs_f64() * 1e3);
    println!("(median of {RUNS} runs each)");
}
