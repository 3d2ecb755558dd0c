//! Readers' results, people: the links found, counted per reader instead of per code, and
//! every link that could not be counted, with where it stands and why.
//!
//! The rules, in the order they apply:
//! - a comment counts each distinct result it posts once (a spreadsheet row is a comment of
//!   its own: each row is a person);
//! - the same answers in two comments are two readers (identical results are most likely
//!   exactly for ready pilots), except a result with the same pilot label as one counted in an
//!   earlier comment: a label names a pilot, so that is a reply linking to it (a reference);
//! - a result inside a quote (`>` lines) is counted only when nobody posted it unquoted (a mail
//!   forwarded from a colleague), and then once;
//! - a team link's members are listed apart and added only when the author chooses
//!   ([`Extracted::counted`]), without those already counted as readers.

use serde::{Deserialize, Serialize};

use super::super::share_code::{self, DecodeError, SharedResult};
use super::comments::Comment;
use super::extract::Extracted;
use super::transport::Lines;

/// One reader who shared a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reader {
    /// Their result.
    pub result: SharedResult,
    /// The comment it came from (index into [`Extracted::comments`]).
    pub comment: usize,
    /// Found only inside a quote (forwarded), nowhere unquoted.
    pub quoted: bool,
}

/// A readable team link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamFound {
    /// Its members.
    pub members: Vec<SharedResult>,
    /// The comment it came from.
    pub comment: usize,
}

/// Why a link was not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// A results or team link that does not decode.
    Unreadable(DecodeError),
    /// A LinkedIn short link (`lnkd.in/…`): it hides where it goes, and nothing here follows it.
    Shortened,
}

impl Reason {
    /// A stable short name, for data attributes and tests.
    pub fn key(self) -> &'static str {
        match self {
            Reason::Unreadable(error) => error.kind(),
            Reason::Shortened => "shortened",
        }
    }

    /// What the author is told, in a sentence, with what to do.
    pub fn explain(self) -> &'static str {
        match self {
            Reason::Unreadable(DecodeError::Truncated) => {
                "Cut off: part of the link is missing. Ask for the whole link, or paste it here."
            }
            Reason::Unreadable(DecodeError::Damaged) => {
                "Damaged: a character was changed or the label was edited. Ask for the link again."
            }
            Reason::Unreadable(DecodeError::TooLong) => {
                "Too long: something was added to the link. Ask for the link again."
            }
            Reason::Unreadable(DecodeError::NewerFormat | DecodeError::UnknownQuestionSet) => {
                "Made with a newer version of the check than this page. Open the tools from the newest version."
            }
            Reason::Unreadable(DecodeError::Empty) => "The link has no code after its key: ask for the whole link.",
            Reason::Shortened => {
                "Shortened by LinkedIn (lnkd.in): it hides where it goes. If it is a results link, ask for the full link, or open it and paste the address here."
            }
        }
    }
}

/// A link that was found but not counted, with where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unread {
    /// Why.
    pub reason: Reason,
    /// Its `#` had become `%23` on the way (said beside the reason).
    pub hash_encoded: bool,
    /// The comment it stands in.
    pub comment: usize,
    /// Byte range of the link as written in the pasted text (as pasted, entities and all):
    /// what a fix replaces.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// The line it stands on, whitespace collapsed, shortened around the link.
    pub snippet: String,
}

/// One link as extraction read it, before people are counted.
#[derive(Clone, Debug)]
pub(super) struct Item {
    /// Byte range of the link as written, in the entity-decoded text.
    pub start: usize,
    pub end: usize,
    /// A team link.
    pub team: bool,
    /// On a `>` line.
    pub quoted: bool,
    /// A spreadsheet row it stands in (its line), which is a person of its own.
    pub row: Option<usize>,
    pub hash_encoded: bool,
    /// The members read, or why not; `None` for a short link that cannot be read here.
    pub outcome: Option<Result<Vec<SharedResult>, DecodeError>>,
}

/// What [`count`] adds to [`Extracted`].
pub(super) struct People {
    pub readers: Vec<Reader>,
    pub teams: Vec<TeamFound>,
    pub unread: Vec<(Item, usize)>,
    pub references: usize,
    pub quotes: usize,
}

fn code_of(result: &SharedResult) -> String {
    share_code::encode(&result.answers, &result.label)
}

/// Counts people from the items (in text order) and the comments they stand in.
pub(super) fn count(items: Vec<Item>, comments: &[Comment]) -> People {
    let mut people = People { readers: Vec::new(), teams: Vec::new(), unread: Vec::new(), references: 0, quotes: 0 };
    // (unit, code) pairs already counted, and labelled codes already counted (any unit). Sets,
    // not lists: a thread of 10,000 links scanned a list 50 million times (a second's task).
    let mut in_unit: std::collections::BTreeSet<((usize, Option<usize>), String)> = std::collections::BTreeSet::new();
    let mut counted: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut quoted_items: Vec<(usize, SharedResult, usize)> = Vec::new();
    for item in items {
        let comment = super::comments::comment_at(comments, item.start);
        let members = match &item.outcome {
            Some(Ok(members)) => members.clone(),
            _ => {
                people.unread.push((item, comment));
                continue;
            }
        };
        if item.team {
            people.teams.push(TeamFound { members, comment });
            continue;
        }
        for result in members {
            let code = code_of(&result);
            if item.quoted {
                quoted_items.push((item.start, result, comment));
                continue;
            }
            let unit = (comment, item.row);
            if in_unit.contains(&(unit, code.clone())) {
                continue;
            }
            if !result.label.is_empty() && counted.get(&code).is_some_and(|&c| c != comment) {
                people.references += 1;
                continue;
            }
            in_unit.insert((unit, code.clone()));
            counted.entry(code).or_insert(comment);
            people.readers.push(Reader { result, comment, quoted: false });
        }
    }
    // Quotes last: a quoted result counts only when nobody posted it unquoted, and once.
    let mut placed: Vec<(usize, Reader)> = Vec::new();
    for (at, result, comment) in quoted_items {
        let code = code_of(&result);
        if counted.contains_key(&code) {
            people.quotes += 1;
            continue;
        }
        counted.insert(code, comment);
        placed.push((at, Reader { result, comment, quoted: true }));
    }
    if !placed.is_empty() {
        // Keep the readers in comment order (a stable sort: quoted ones after the unquoted of
        // their comment, as inserting each after them did, without moving the list each time).
        people.readers.extend(placed.into_iter().map(|(_, reader)| reader));
        people.readers.sort_by_key(|r| r.comment);
    }
    people
}

/// The line around byte range `start..end` of `text`, whitespace collapsed, at most about
/// `MAX_SNIPPET` characters, cut around the link with `…`.
pub(super) fn snippet(text: &str, lines: &Lines, start: usize, end: usize) -> String {
    const MAX_SNIPPET: usize = 160;
    // At most this many bytes either side of the link are looked at (a line may be megabytes).
    const WINDOW: usize = 4 * MAX_SNIPPET;
    let mut from = lines.start(start).max(start.saturating_sub(WINDOW));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = lines.end(start).min(end + WINDOW).max(end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = collapse(&text[from..start]);
    let link = collapse(&text[start..end]);
    let after = collapse(&text[end..to]);
    let keep_before: String = {
        let n = before.chars().count();
        let skip = n.saturating_sub(40.max(MAX_SNIPPET.saturating_sub(link.chars().count() + after.chars().count())));
        let kept: String = before.chars().skip(skip).collect();
        if skip > 0 || from > lines.start(start) { format!("…{}", kept.trim_start()) } else { kept }
    };
    let space = |a: &str, b: &str| if a.is_empty() || b.is_empty() || a.ends_with('…') { "" } else { " " };
    let sep_before = if text[..start].ends_with(|c: char| c.is_whitespace()) { space(&keep_before, &link) } else { "" };
    let room = MAX_SNIPPET.saturating_sub(keep_before.chars().count() + link.chars().count());
    let mut kept_after: String = after.chars().take(room).collect();
    if after.chars().count() > room || to < lines.end(start) {
        kept_after.push('…');
    }
    let sep_after = if text[end..].starts_with(|c: char| c.is_whitespace()) { space(&link, &kept_after) } else { "" };
    format!("{keep_before}{sep_before}{link}{sep_after}{kept_after}")
}

/// LinkedIn short links (`lnkd.in/…`): where they go cannot be read here, so each is listed
/// for the author to check.
pub(super) fn shortened_links(text: &str, lines: &Lines) -> Vec<Item> {
    let b = text.as_bytes();
    let mut items = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("lnkd.in/").map(|i| from + i) {
        let mut start = at;
        let floor = at.saturating_sub(16);
        while start > floor && !super::extract::starts_a_link(b[start - 1]) {
            start -= 1;
        }
        let mut end = at + "lnkd.in/".len();
        while end < b.len() && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'-' | b'_' | b'/' | b'?' | b'=')) {
            end += 1;
        }
        from = end;
        if end == at + "lnkd.in/".len() {
            continue;
        }
        let line_start = lines.start(at);
        let quoted = text[line_start..at].trim_start().starts_with('>');
        items.push(Item { start, end, team: false, quoted, row: None, hash_encoded: false, outcome: None });
    }
    items
}

/// The pasted text with one unread link replaced by what the author pasted in its place.
pub fn fix(text: &str, unread: &Unread, replacement: &str) -> String {
    let (start, end) = (unread.start.min(text.len()), unread.end.min(text.len()));
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) || start > end {
        return text.to_owned();
    }
    format!("{}{}{}", &text[..start], replacement.trim(), &text[end..])
}

impl Extracted {
    /// The results counted as readers, plus (when `with_teams`) the team links' members not
    /// already counted as readers: what the summary, the CSV and the benchmark are made of.
    pub fn counted(&self, with_teams: bool) -> Vec<SharedResult> {
        let mut out: Vec<SharedResult> = self.readers.iter().map(|r| r.result.clone()).collect();
        if with_teams {
            out.extend(self.new_team_members());
        }
        out
    }

    /// The team links' members who are not already counted as readers (each once). Results
    /// are compared by their share codes, in a set: a scan of every reader for every member
    /// took a quarter of a second for a thread of 8,000 readers, twice per screen drawn.
    pub fn new_team_members(&self) -> Vec<SharedResult> {
        let mut known: std::collections::BTreeSet<String> = self.readers.iter().map(|r| code_of(&r.result)).collect();
        let mut out: Vec<SharedResult> = Vec::new();
        for member in self.teams.iter().flat_map(|t| &t.members) {
            if known.insert(code_of(member)) {
                out.push(member.clone());
            }
        }
        out
    }

    /// Members carried by team links, all of them.
    pub fn team_member_count(&self) -> usize {
        self.teams.iter().map(|t| t.members.len()).sum()
    }

    /// The author of a comment, when the thread's shape names one.
    pub fn author(&self, comment: usize) -> Option<&str> {
        self.comments.get(comment).and_then(|c| c.author.as_deref())
    }
}
