//! Readers' results, exports: the CSV for a spreadsheet and the plain-text summary for a
//! follow-up post.

use super::super::answers::Answer;
use super::super::links::results_link;
use super::super::scoring::{Band, Report, Verdict, join_words, sort_small_by_key};
use super::super::share_code::{self, DecodeError, SharedResult};
use super::extract::Extracted;
use super::people::Reason;
use super::plural;
use super::summary::{
    BlockingDimension, DONT_KNOW_WORDS, DontKnowShare, NO_ANSWER_WORDS, QuestionTable, ReadersSummary,
    TOP_COMBINATIONS, and_more, percent, sets_used, summary_sentence,
};

/// One spreadsheet cell: always quoted, `"` doubled, a leading `=`, `+`, `-`, `@`, tab or
/// carriage return neutralised with `'` (so no spreadsheet reads it as a formula), line
/// breaks flattened to spaces.
fn cell(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut out = String::with_capacity(text.len() + 3);
    out.push('"');
    if risky {
        out.push('\'');
    }
    let mut rest = text;
    while let Some(at) = rest.bytes().position(|b| matches!(b, b'"' | b'\r' | b'\n')) {
        out.push_str(&rest[..at]);
        out.push_str(if rest.as_bytes()[at] == b'"' { "\"\"" } else { " " });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push('"');
    out
}

/// The results as a spreadsheet (CSV): one row per result with its label, code (with label),
/// results link under `base`, question set, verdict and blocking dimensions, each dimension's
/// score and band, then each answer by its words, numbered from the question's lowest option
/// (`1. Nobody is named`, `I don't know`, `No answer`; empty for a question of another set),
/// so the file carries its own legend. Question columns are the union over
/// the results' sets, headed by the short name and the set-qualified id (`1:ownership.named_owner`).
///
/// Safe to open in a spreadsheet: UTF-8 with a byte-order mark, CRLF line ends, every cell
/// quoted, formula-like cells neutralised.
pub fn csv(results: &[SharedResult], base: &str) -> String {
    let sets = sets_used(results);
    let mut dimensions: Vec<(&'static str, &'static str)> = Vec::new();
    for set in &sets {
        for d in set.dimensions {
            match dimensions.iter_mut().find(|(id, _)| *id == d.id) {
                Some(entry) => entry.1 = d.name,
                None => dimensions.push((d.id, d.name)),
            }
        }
    }
    let mut header: Vec<String> =
        ["label", "code", "link", "question set", "verdict", "blocking"].iter().map(|s| (*s).to_owned()).collect();
    for (_, name) in &dimensions {
        header.push(format!("{name} score"));
        header.push(format!("{name} band"));
    }
    for set in &sets {
        header.extend(set.questions().map(|q| format!("{} ({}:{})", q.short, set.id, q.id)));
    }

    let mut out = String::from("\u{feff}");
    let mut write_row = |cells: &[String]| {
        let row: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    };
    write_row(&header);
    for result in results {
        let answers = &result.answers;
        let report = Report::new(answers);
        let blocking = match &report.verdict {
            Verdict::NotReady { blocking } => {
                blocking.iter().filter_map(|&i| report.set.dimensions.get(i)).map(|d| d.name).collect::<Vec<_>>()
            }
            _ => Vec::new(),
        };
        let mut row = vec![
            result.label.clone(),
            share_code::encode(answers, &result.label),
            results_link(base, answers, &result.label),
            answers.set().id.to_string(),
            report.verdict.key().to_owned(),
            blocking.join("; "),
        ];
        for (id, _) in &dimensions {
            let d = report.dimensions.iter().find(|d| d.dimension.id == *id);
            row.push(d.and_then(|d| d.score).map(|s| s.to_string()).unwrap_or_default());
            row.push(match d {
                Some(d) => d.band.map_or("incomplete", Band::word).to_owned(),
                None => String::new(),
            });
        }
        for set in &sets {
            if set.id == answers.set().id {
                row.extend(set.questions().zip(answers.slots()).map(|(question, slot)| match slot {
                    None => NO_ANSWER_WORDS.to_owned(),
                    Some(Answer::DontKnow) => DONT_KNOW_WORDS.to_owned(),
                    Some(Answer::Level(level)) => {
                        let words = question.options.get(usize::from(*level)).map_or("", |c| c.text);
                        format!("{}. {words}", level + 1)
                    }
                }));
            } else {
                row.extend(std::iter::repeat_n(String::new(), set.question_count()));
            }
        }
        write_row(&row);
    }
    out
}

/// Most questions listed as the ones readers could least answer.
const TOP_UNKNOWN_QUESTIONS: usize = 5;

/// A plain-text summary to copy into a follow-up post: the sentence, what blocks readers,
/// the most common blocking combinations, the questions readers could least answer, and how
/// the links were counted. It says these are the readers who chose to share.
pub fn plain_text(summary: &ReadersSummary, extracted: &Extracted, with_teams: bool) -> String {
    let mut text = String::from("What readers found\n");
    text += &summary_sentence(summary);
    text += "\n(These are the readers who chose to share a results link, not all readers.)\n";

    let blockers: Vec<&BlockingDimension> = summary.blocking.iter().filter(|b| b.count > 0).collect();
    if !blockers.is_empty() {
        text += &format!(
            "\nWhat blocks the {} {} not ready to scale:\n",
            summary.not_ready,
            plural(summary.not_ready, "pilot", "pilots")
        );
        for b in &blockers {
            text += &format!("- {}: {} ({}%)\n", b.name, b.count, percent(b.count, summary.not_ready));
        }
    }
    if !summary.combinations.is_empty() {
        text += "\nMost common blocking combinations:\n";
        for c in summary.combinations.iter().take(TOP_COMBINATIONS) {
            let only = if c.names.len() == 1 { " only" } else { "" };
            text += &format!("- {}{only}: {}\n", join_words(&c.names), c.count);
        }
        if let Some(more) = and_more(summary.combinations.len(), TOP_COMBINATIONS, "combination", "combinations") {
            text += &format!("- {more}\n");
        }
    }

    let mut unknown: Vec<&QuestionTable> =
        summary.sets.iter().flat_map(|s| &s.questions).filter(|q| q.dont_know > 0).collect();
    sort_small_by_key(&mut unknown, |q| {
        (std::cmp::Reverse(DontKnowShare(q.dont_know, q.answered())), std::cmp::Reverse(q.dont_know))
    });
    if !unknown.is_empty() {
        text += "\nThe questions readers could least answer (\"I don't know\"):\n";
        for q in unknown.iter().take(TOP_UNKNOWN_QUESTIONS).copied() {
            let answered = q.answered();
            text += &format!(
                "- {} ({}): {}% of {answered} {}\n",
                q.question.short,
                q.dimension,
                q.dont_know_percent().unwrap_or(0),
                plural(answered, "answer", "answers")
            );
        }
        if let Some(more) = and_more(unknown.len(), TOP_UNKNOWN_QUESTIONS, "question", "questions") {
            text += &format!("- {more}\n");
        }
    }

    text += &format!("\nCounted: {}\n", counted_sentence(extracted, with_teams));
    text
}

/// How the paste was counted, in plain sentences: readers and the comments they came from,
/// team links (apart, or added when the author chose), links not counted by reason, replies
/// and quotes of results already counted. The same words on screen and in the plain text.
pub fn counted_sentence(extracted: &Extracted, with_teams: bool) -> String {
    let readers = extracted.readers.len();
    let comments = extracted.comments.len();
    let mut parts = vec![format!(
        "{readers} {} shared a result ({comments} {}, read as {}).",
        plural(readers, "reader", "readers"),
        plural(comments, "comment", "comments"),
        extracted.shape.words()
    )];
    if !extracted.teams.is_empty() {
        let (m, t) = (extracted.team_member_count(), extracted.teams.len());
        let new = extracted.new_team_members().len();
        let members = format!("{m} {} from {t} team {}", plural(m, "member", "members"), plural(t, "link", "links"));
        parts.push(match (with_teams, new) {
            (true, n) if n == m => format!("Plus {members}, counted as readers."),
            (true, n) => format!("Plus {members}, counted as readers ({n} new, {} already counted).", m - n),
            (false, _) => format!("Plus {members}, not counted as readers."),
        });
    }
    let not_counted = extracted.unread.len();
    if not_counted > 0 {
        let mut reasons: Vec<(&'static str, usize)> = Vec::new();
        for u in &extracted.unread {
            let words = match u.reason {
                Reason::Unreadable(error) => problem_words(error),
                Reason::Shortened => "shortened by LinkedIn",
            };
            match reasons.iter_mut().find(|(w, _)| *w == words) {
                Some((_, n)) => *n += 1,
                None => reasons.push((words, 1)),
            }
        }
        let reasons: Vec<String> = reasons.iter().map(|(w, n)| format!("{n} {w}")).collect();
        let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
        parts.push(format!(
            "{not_counted} {} not counted ({}).",
            plural(not_counted, "link", "links"),
            join_words(&reasons)
        ));
    }
    let mut repeats = Vec::new();
    if extracted.references > 0 {
        let r = extracted.references;
        repeats.push(format!("{r} {} to a result already counted", plural(r, "reply linking", "replies linking")));
    }
    if extracted.quotes > 0 {
        let q = extracted.quotes;
        repeats.push(format!("{q} {} of a result already counted", plural(q, "quote", "quotes")));
    }
    if !repeats.is_empty() {
        let repeats: Vec<&str> = repeats.iter().map(String::as_str).collect();
        parts.push(format!("Not counted again: {}.", join_words(&repeats)));
    }
    parts.join(" ")
}

/// A problem's reason in a few plain words.
pub fn problem_words(error: DecodeError) -> &'static str {
    match error {
        DecodeError::Empty => "empty",
        DecodeError::Truncated => "cut off",
        DecodeError::TooLong => "too long",
        DecodeError::Damaged => "damaged",
        DecodeError::NewerFormat => "from a newer version",
        DecodeError::UnknownQuestionSet => "from an unknown question set",
    }
}
