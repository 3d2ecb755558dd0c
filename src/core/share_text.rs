//! The texts and plain share links offered next to a results link (pure, so tested natively).

use super::scoring::{Band, Report, Verdict};

/// Everything the share panel offers besides the link itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareTexts {
    /// A ready comment in the spirit of Wordle's: score, squares, blockers, link.
    pub comment: String,
    /// LinkedIn's share address.
    pub linkedin: String,
    /// X's post address.
    pub x: String,
    /// A `mailto:` address with subject and body.
    pub email: String,
}

/// One square per dimension: green yes, yellow partly, red no, white while incomplete.
pub fn squares(report: &Report) -> String {
    report
        .dimensions
        .iter()
        .map(|d| match d.band {
            Some(Band::Yes) => '🟩',
            Some(Band::Partly) => '🟨',
            Some(Band::No) => '🟥',
            None => '⬜',
        })
        .collect()
}

/// The verdict in a few words, for a comment.
pub fn verdict_line(report: &Report) -> &'static str {
    match &report.verdict {
        Verdict::Ready => "ready to scale",
        Verdict::NotReady { .. } => "not ready",
        Verdict::Incomplete { .. } => "not finished",
    }
}

/// Each dimension with its standing, in the squares' order (the asking order): "Ownership
/// partly, Data yes, Buy-in no, Metrics not finished". A comment says what the results say,
/// so a partly is never called missing and the names never run in another order than the
/// squares beside them.
pub fn standings(report: &Report) -> String {
    report
        .dimensions
        .iter()
        .map(|d| format!("{} {}", d.dimension.name, d.band.map_or("not finished", Band::word)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds the comment text and the share addresses for a results link.
pub fn share_texts(report: &Report, link: &str, label: &str) -> ShareTexts {
    let subject = if label.is_empty() { "My AI pilot".to_owned() } else { format!("AI pilot \"{label}\"") };
    let score = format!("{}/{}", report.passing_count(), report.dimensions.len());
    let comment = format!(
        "{subject} scaling readiness: {score} {} – {}. {} → {link}",
        squares(report),
        verdict_line(report),
        standings(report),
    );
    let plain = format!(
        "{subject} scaling readiness: {score} – {} ({}). Take the check:",
        verdict_line(report),
        standings(report)
    );
    ShareTexts {
        linkedin: format!("https://www.linkedin.com/sharing/share-offsite/?url={}", encode_component(link)),
        x: format!("https://x.com/intent/post?text={}&url={}", encode_component(&plain), encode_component(link)),
        email: format!(
            "mailto:?subject={}&body={}",
            encode_component("Scaling Readiness Check results"),
            encode_component(&format!("{plain} {link}"))
        ),
        comment,
    }
}

/// The printed memo's heading lines: the check, the date, the pilot and the link, so a memo
/// found on a desk says what it is, when it was made and where the live results are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoHeader {
    /// "Scaling Readiness Check: results memo".
    pub title: String,
    /// "3 December 2026".
    pub date: String,
    /// "Pilot: invoice triage", or that it was not named.
    pub pilot: String,
    /// The results link.
    pub link: String,
}

/// The memo header for a result printed on a date (year, month 1–12, day); `theirs` when it
/// is someone else's result, opened from a link.
pub fn memo_header(date: (i32, u32, u32), label: &str, link: &str, theirs: bool) -> MemoHeader {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month, day) = date;
    let month = MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("");
    let title = if theirs { "shared results memo" } else { "results memo" };
    MemoHeader {
        title: format!("Scaling Readiness Check: {title}"),
        date: format!("{day} {month} {year}"),
        pilot: if label.is_empty() { "Pilot: not named".to_owned() } else { format!("Pilot: {label}") },
        link: link.to_owned(),
    }
}

/// Percent-encodes like JavaScript's `encodeURIComponent`.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for &b in text.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One row of the result image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRow {
    /// Dimension name.
    pub name: &'static str,
    /// 0–100, or `None` while incomplete.
    pub score: Option<u8>,
    /// The band, or `None` while incomplete.
    pub band: Option<Band>,
    /// The dimension's pass mark, 0–100, where a score decides its yes (set 1).
    pub pass: Option<u8>,
}

/// What the downloadable result image shows, and its alt text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageCard {
    /// The pilot label, if any.
    pub label: String,
    /// "Ready to scale", "Not ready to scale yet" or "Not finished".
    pub headline: &'static str,
    /// True when the verdict is ready.
    pub ready: bool,
    /// "2 of 4 dimensions pass".
    pub passing: String,
    /// One row per dimension.
    pub rows: Vec<ImageRow>,
    /// A text alternative that says everything the image says.
    pub alt: String,
}

/// Builds the result image's content from a report.
pub fn image_card(report: &Report, label: &str) -> ImageCard {
    let headline = report.headline();
    let passing = format!("{} of {} dimensions pass", report.passing_count(), report.dimensions.len());
    let rows: Vec<ImageRow> = report
        .dimensions
        .iter()
        .map(|d| ImageRow {
            name: d.dimension.name,
            score: d.score,
            band: d.band,
            pass: super::scoring::pass_mark(d.dimension),
        })
        .collect();
    let details: Vec<String> = rows
        .iter()
        .map(|r| match (r.score, r.band) {
            (Some(score), Some(band)) => format!("{} {score}/100 ({})", r.name, band.word()),
            _ => format!("{} not finished", r.name),
        })
        .collect();
    let whose = if label.is_empty() { String::new() } else { format!(" for \"{label}\"") };
    let alt = format!("Scaling Readiness Check result{whose}: {headline}. {}. {passing}.", details.join(", "));
    ImageCard { label: label.to_owned(), headline, ready: report.verdict == Verdict::Ready, passing, rows, alt }
}

/// What the readers' results image shows, and its alt text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadersCard {
    /// The summary sentence.
    pub sentence: String,
    /// "Based on 137 shared results", and that they are the readers who chose to share.
    pub basis: String,
    /// One bar per dimension: its name, how many not-ready results it blocks, and that share
    /// of the not-ready results in whole percent.
    pub bars: Vec<(&'static str, usize, u8)>,
    /// A text alternative that says everything the image says.
    pub alt: String,
}

/// Builds the readers' results image from a summary.
pub fn readers_card(summary: &super::readers::ReadersSummary) -> ReadersCard {
    use super::readers::percent;
    let sentence = super::readers::summary_sentence(summary);
    let basis = format!(
        "Based on {} shared result{}: the readers who chose to share, not all readers.",
        summary.results,
        if summary.results == 1 { "" } else { "s" }
    );
    let bars: Vec<(&'static str, usize, u8)> =
        summary.blocking.iter().map(|b| (b.name, b.count, percent(b.count, summary.not_ready))).collect();
    let details: Vec<String> =
        bars.iter().map(|(name, count, share)| format!("{name} blocks {count} ({share}%)")).collect();
    let alt = format!(
        "Scaling Readiness Check, readers' results. {sentence} {basis}{}",
        if details.is_empty() { String::new() } else { format!(" Of the pilots not ready: {}.", details.join(", ")) }
    );
    ReadersCard { sentence, basis, bars, alt }
}
