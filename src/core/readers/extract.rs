//! Readers' results, extraction: every results link, team link and bare code in a pasted text.
//!
//! **How extraction finds links without guessing.** A link is recognised only by an anchor
//! that no ordinary text carries: the fragment key `#r=` or `#t=` (also percent-encoded, as
//! `%23r%3D` inside a share address, or with the `=` written `=3D` by quoted-printable mail),
//! or a *bare* code that is a whole line or a whole spreadsheet cell and starts with `1` and a
//! letter (a share code) or `T1` (a team code with a `~`). After an anchor the code is the run
//! of characters a code can hold (`A–Z a–z 0–9 - _ . % ~`), so any host, path, wrapper
//! (markdown, HTML, quotes, brackets) or following punctuation is simply not part of it. The
//! only changes ever made to a candidate are mechanical and undo a known transport:
//! HTML entities (`&amp;`, `&#35;`…), up to three levels of percent-encoding (only when the
//! anchor itself was encoded, so a label's own `%XX` is left alone), trailing sentence dots,
//! and a line break inside the code (a newline, optionally after a quoted-printable `=` soft
//! break, optionally followed by `>` quote markers). Each reading is then checked by the
//! decoder, whose check value and fixed length decide: the unbroken reading is tried first,
//! then the reading joined with one more following line at a time; a candidate that no reading
//! decodes is counted as a problem by its [`DecodeError`] kind, never repaired into
//! something else.
//!
//! **Counting.** Results are kept in first-seen order; a result whose re-encoded code (answers
//! and label) was already seen counts as a duplicate. The same code written twice inside one
//! HTML link (`href` and text) or one markdown link (`[url](url)`) is one link, not a
//! duplicate. A team link adds each of its members.
//!
//! Everything is linear in the text: one pass for entities, one for anchors, one for bare
//! cells; a candidate is read at most `MAX_JOINED_LINES + 1` ways, each bounded by the
//! longest code the decoders accept.

use std::borrow::Cow;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::super::share_code::{self, DecodeError, SharedResult, is_code_byte};
use super::super::team;
use super::bare::bare_candidates;
use super::comments::{self, Comment, Shape};
use super::people::{self, Item, Reader, Reason, TeamFound, Unread, shortened_links};
use super::transport::{Lines, decode_entities, original_offset, percent_decode};

/// Most line breaks joined inside one code (a wrapped team link spans many lines).
pub const MAX_JOINED_LINES: usize = 32;
/// Most levels of percent-encoding undone around an encoded anchor (`%23`, `%2523`, …).
const MAX_ENCODING_LEVELS: usize = 3;
/// A bare share code on its own line is at least this long before any label (shorter tokens
/// such as "1st" or "10x" are words, not codes).
pub(super) const MIN_BARE_CODE: usize = 8;
/// Two identical codes this close, inside one HTML element or markdown link, are one link.
const MAX_ECHO_GAP: usize = 512;

/// Every kind of unreadable code, in the order problems are listed.
pub const PROBLEM_KINDS: [DecodeError; 6] = [
    DecodeError::Damaged,
    DecodeError::Truncated,
    DecodeError::TooLong,
    DecodeError::NewerFormat,
    DecodeError::UnknownQuestionSet,
    DecodeError::Empty,
];

/// Links that were found but could not be read, counted by reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problems {
    counts: [usize; PROBLEM_KINDS.len()],
}

impl Problems {
    fn add(&mut self, error: DecodeError) {
        if let Some(i) = PROBLEM_KINDS.iter().position(|&k| k == error) {
            self.counts[i] += 1;
        }
    }

    /// How many links failed for this reason.
    pub fn count(&self, error: DecodeError) -> usize {
        PROBLEM_KINDS.iter().position(|&k| k == error).map_or(0, |i| self.counts[i])
    }

    /// How many links could not be read at all.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The reasons that occurred, with their counts, in [`PROBLEM_KINDS`] order.
    pub fn by_reason(&self) -> Vec<(DecodeError, usize)> {
        PROBLEM_KINDS.iter().copied().zip(self.counts).filter(|&(_, n)| n > 0).collect()
    }
}

/// What [`extract`] found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    /// Readable results, first-seen order, each answers-and-label combination once.
    pub results: Vec<SharedResult>,
    /// Results dropped because an identical one (same answers and label) came earlier.
    pub duplicates: usize,
    /// Links and codes that could not be read, by reason.
    pub problems: Problems,
    /// Readable team links found.
    pub team_links: usize,
    /// Results carried by those team links, each member counted (before duplicates are
    /// dropped: a member who also posted their own link counts once in `results`).
    pub team_members: usize,
    /// How the text was split into comments.
    pub shape: Shape,
    /// The comments, in text order (byte ranges of the entity-decoded text).
    pub comments: Vec<Comment>,
    /// One entry per reader who shared a result, in comment order (see [`super::people`]).
    pub readers: Vec<Reader>,
    /// Readable team links, listed apart from the readers.
    pub teams: Vec<TeamFound>,
    /// Every link not counted, with its place and reason, in text order.
    pub unread: Vec<Unread>,
    /// Results with a pilot label posted again in a later comment (a reply linking to them).
    pub references: usize,
    /// Quoted results already counted where they were posted.
    pub quotes: usize,
}

/// Which decoder a candidate goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Result,
    Team,
}

/// One candidate, read.
pub(super) struct Found {
    /// Byte range in the entity-decoded text: the anchor or cell start, the consumed end.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The code text as decoded (or as tried), to recognise an HTML or markdown echo.
    pub(super) code: String,
    /// Came from an anchor (which can consume following lines) rather than a bare cell.
    pub(super) anchored: bool,
    pub(super) kind: Kind,
    /// The anchor's `#` was written `%23` (the rest of the link as it was).
    pub(super) hash_encoded: bool,
    pub(super) outcome: Result<Vec<SharedResult>, DecodeError>,
}

/// Finds every results link, team link and bare code in `text` and reads them.
///
/// Never panics and never guesses: see the module documentation for the exact rules.
pub fn extract(text: &str) -> Extracted {
    let (decoded, entities) = decode_entities(text);
    let text = decoded.as_ref();
    let mut anchored = anchored_candidates(text).into_iter().peekable();
    let mut bare = bare_candidates(text).into_iter().peekable();

    let mut out = Extracted::default();
    let mut items: Vec<Item> = Vec::new();
    let lines = Lines::new(text);
    let mut rows = None;
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut covered_until = 0;
    let mut previous: Option<(usize, String)> = None;
    loop {
        let take_anchored = match (anchored.peek(), bare.peek()) {
            (Some(a), Some(b)) => a.start <= b.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let found = if take_anchored { anchored.next() } else { bare.next() };
        let Some(found) = found else { break };
        if !found.anchored && found.start < covered_until {
            // A bare-looking line that an anchored code already consumed as its continuation.
            continue;
        }
        if found.anchored {
            covered_until = covered_until.max(found.end);
        }
        let echo = previous.as_ref().is_some_and(|(end, code)| {
            *code == found.code && found.start >= *end && is_echo_gap(&text[*end..found.start])
        });
        previous = Some((found.end, found.code.clone()));
        if echo {
            continue;
        }
        match &found.outcome {
            Err(error) => out.problems.add(*error),
            Ok(members) => {
                if found.kind == Kind::Team {
                    out.team_links += 1;
                    out.team_members += members.len();
                }
                for result in members {
                    if seen.insert(share_code::encode(&result.answers, &result.label)) {
                        out.results.push(result.clone());
                    } else {
                        out.duplicates += 1;
                    }
                }
            }
        }
        items.push(item_of(text, &lines, &mut rows, found));
    }
    let shortened = shortened_links(text, &lines);
    if !shortened.is_empty() {
        items.extend(shortened);
        items.sort_by_key(|item| item.start);
    }
    let (shape, comments) = comments::split(text);
    let people = people::count(items, &comments);
    out.unread = people
        .unread
        .into_iter()
        .map(|(item, comment)| Unread {
            reason: match item.outcome {
                Some(Err(error)) => Reason::Unreadable(error),
                _ => Reason::Shortened,
            },
            hash_encoded: item.hash_encoded,
            comment,
            start: original_offset(&entities, item.start),
            end: original_offset(&entities, item.end),
            snippet: people::snippet(text, &lines, item.start, item.end),
        })
        .collect();
    out.readers = people.readers;
    out.teams = people.teams;
    out.references = people.references;
    out.quotes = people.quotes;
    out.shape = shape;
    out.comments = comments;
    out
}

/// Characters that end a link written in text, looking back from its anchor.
pub(super) fn starts_a_link(c: u8) -> bool {
    c.is_ascii_whitespace() || matches!(c, b'(' | b'<' | b'[' | b'"' | b'\'' | b'>' | b'`' | b'=')
}

/// Longest stretch looked back from an anchor for the start of its link (scheme, host, path).
const MAX_LINK_HEAD: usize = 512;

/// A found candidate as a counted item: the link's range as written (from its scheme, so a fix
/// replaces the whole link), whether it stands in a quote or a spreadsheet row.
fn item_of(text: &str, lines: &Lines, rows: &mut Option<(usize, bool)>, found: Found) -> Item {
    let b = text.as_bytes();
    let line_start = lines.start(found.start);
    let mut start = found.start;
    if found.anchored {
        let floor = found.start.saturating_sub(MAX_LINK_HEAD).max(line_start);
        while start > floor && !starts_a_link(b[start - 1]) {
            start -= 1;
        }
    }
    let line_end = lines.end(found.start);
    let quoted = text[line_start..found.start].trim_start().starts_with('>');
    // Whether the line is a spreadsheet row, worked out once per line (`rows` remembers the
    // last line asked about: items come in text order).
    let is_row = match *rows {
        Some((at, is_row)) if at == line_start => is_row,
        _ => {
            let is_row = text[line_start..line_end].contains(['\t', ',', ';', '|']);
            *rows = Some((line_start, is_row));
            is_row
        }
    };
    let row = (!found.anchored && is_row).then_some(line_start);
    Item {
        start,
        end: found.end,
        team: found.kind == Kind::Team,
        quoted,
        row,
        hash_encoded: found.hash_encoded,
        outcome: Some(found.outcome),
    }
}

/// True when the text between two identical codes shows they are one link written twice:
/// the `href` and the text of one HTML `<a>` (the attribute's closing quote, then a `>` that
/// ends the tag, and no new tag), or the text and the address of one markdown link (`](`). A
/// `>` opening a line is a reply quoting the link: a repeat, not an echo.
fn is_echo_gap(gap: &str) -> bool {
    let ends_a_tag = |line: &str| line.trim_start().find('>').is_some_and(|at| at > 0);
    let html = || gap.starts_with(['"', '\'']) && gap.lines().any(ends_a_tag) && !gap.contains('<');
    gap.len() <= MAX_ECHO_GAP && (gap.starts_with("](") || html())
}

/// End of the run of code bytes starting at `i`.
pub(super) fn run_end(b: &[u8], i: usize) -> usize {
    b[i.min(b.len())..].iter().position(|&c| !is_code_byte(c)).map_or(b.len(), |n| i + n)
}

/// End of the run of code bytes starting at `i` in text wrapped in `level` rounds of
/// percent-encoding: there a `%` is always an escape (`%`, then `25` once for each extra
/// level, then two hex digits), and the run goes on only while the escaped byte is a code
/// byte. So an encoded share address that goes on with `%20` or `%26` ends the code there.
fn code_run_end(b: &[u8], i: usize, level: usize) -> usize {
    if level == 0 {
        return run_end(b, i);
    }
    let hex = |at: usize| b.get(at).and_then(|&c| (c as char).to_digit(16));
    let mut j = i;
    while let Some(&c) = b.get(j) {
        if c != b'%' {
            if !is_code_byte(c) {
                break;
            }
            j += 1;
            continue;
        }
        let mut k = j + 1;
        for _ in 1..level {
            if b.get(k..k + 2) != Some(b"25".as_slice()) {
                return j;
            }
            k += 2;
        }
        match (hex(k), hex(k + 1)) {
            (Some(high), Some(low)) if is_code_byte((high * 16 + low) as u8) => j = k + 2,
            _ => break,
        }
    }
    j
}

/// An anchor at `i`: the decoder it names, where its code starts, and how many levels of
/// percent-encoding wrap the code.
fn anchor_at(b: &[u8], i: usize) -> Option<(Kind, usize, usize, bool)> {
    let kind_of = |c: Option<&u8>| match c {
        Some(b'r') => Some(Kind::Result),
        Some(b't') => Some(Kind::Team),
        _ => None,
    };
    let has =
        |at: usize, pattern: &[u8]| b.get(at..at + pattern.len()).is_some_and(|s| s.eq_ignore_ascii_case(pattern));
    match b.get(i)? {
        b'#' => {
            let kind = kind_of(b.get(i + 1))?;
            if b.get(i + 2) != Some(&b'=') {
                return None;
            }
            let start = i + 3;
            // Quoted-printable mail writes '=' as "=3D". No format-1 code starts with '3'.
            // A soft break may come right after it ("=3D=" at the end of the line).
            let qp = has(start, b"3D=")
                || match kind {
                    Kind::Result => has(start, b"3D1"),
                    Kind::Team => has(start, b"3DT1") || has(start, b"3DT2"),
                };
            Some((kind, if qp { start + 2 } else { start }, 0, false))
        }
        b'%' => {
            // '#' written as %23, %2523, %252523: one more "25" for each level.
            let mut j = i + 1;
            let mut level = 1;
            while level < MAX_ENCODING_LEVELS && has(j, b"25") {
                level += 1;
                j += 2;
            }
            if !has(j, b"23") {
                return None;
            }
            let kind = kind_of(b.get(j + 2))?;
            let mut k = j + 3;
            if level == 1 && b.get(k) == Some(&b'=') {
                // Only the '#' encoded (`r/ready/%23r=1B…`): a site or an app escaped it on the
                // way. The code after it is as written.
                return Some((kind, k + 1, 0, true));
            }
            if b.get(k) != Some(&b'%') {
                return None;
            }
            k += 1;
            for _ in 1..level {
                if !has(k, b"25") {
                    return None;
                }
                k += 2;
            }
            if !has(k, b"3D") {
                return None;
            }
            Some((kind, k + 2, level, false))
        }
        _ => None,
    }
}

/// Where the next line's part of a code starts, if the run ending at `end` stops at a line
/// break (optionally after a quoted-printable `=`) and the next line, after any `>` quote
/// markers, goes on with code bytes.
fn continuation(b: &[u8], end: usize) -> Option<usize> {
    let mut j = end;
    if b.get(j) == Some(&b'=') {
        j += 1;
    }
    match b.get(j)? {
        b'\r' => j += 1 + usize::from(b.get(j + 1) == Some(&b'\n')),
        b'\n' => j += 1,
        _ => return None,
    }
    let skip_blanks = |mut k: usize| {
        while matches!(b.get(k), Some(b' ' | b'\t')) {
            k += 1;
        }
        k
    };
    let mut quoted = false;
    loop {
        let k = skip_blanks(j);
        if b.get(k) == Some(&b'>') {
            j = k + 1;
            quoted = true;
        } else {
            break;
        }
    }
    if quoted {
        j = skip_blanks(j);
    }
    (b.get(j).is_some_and(|&c| is_code_byte(c))).then_some(j)
}

/// Longest raw text (before percent-decoding) worth joining for a kind of code.
fn join_limit(kind: Kind, level: usize) -> usize {
    let longest = match kind {
        Kind::Result => share_code::MAX_CODE_LEN,
        Kind::Team => team::MAX_TEAM_LEN,
    };
    longest * 3usize.pow(level as u32) + 16
}

/// Every anchored candidate, read, in text order.
fn anchored_candidates(text: &str) -> Vec<Found> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(offset) = b[i..].iter().position(|&c| c == b'#' || c == b'%') else { break };
        let at = i + offset;
        let Some((kind, start, level, hash_encoded)) = anchor_at(b, at) else {
            i = at + 1;
            continue;
        };
        // The segments of the code: this line's run, then each following line's run while
        // the previous one ran into a line break.
        let mut segments = vec![(start, code_run_end(b, start, level))];
        let limit = join_limit(kind, level);
        let mut total = segments[0].1 - segments[0].0;
        while segments.len() <= MAX_JOINED_LINES && total <= limit {
            let Some(&(_, last_end)) = segments.last() else { break };
            let Some(next) = continuation(b, last_end) else { break };
            let next_end = code_run_end(b, next, level);
            total += next_end - next;
            if total > limit {
                break;
            }
            segments.push((next, next_end));
        }
        let mut chosen: Option<Found> = None;
        let mut joined = String::new();
        for (n, &(s, e)) in segments.iter().enumerate() {
            joined.push_str(&text[s..e]);
            let code = unwrap_code(&joined, level);
            let outcome = read(kind, &code);
            if outcome.is_ok() || n == 0 {
                chosen = Some(Found { start: at, end: e, code, anchored: true, kind, hash_encoded, outcome });
            }
            if chosen.as_ref().is_some_and(|f| f.outcome.is_ok()) {
                break;
            }
        }
        match chosen {
            Some(f) => {
                // An unread candidate consumes only its own line's part.
                i = if f.outcome.is_ok() { f.end } else { segments[0].1 };
                found.push(f);
            }
            None => i = at + 1,
        }
    }
    found
}

/// Undoes `level` rounds of percent-encoding, then keeps the leading code run (an encoded
/// share address goes on with encoded spaces or `&`, which end the code).
fn unwrap_code(raw: &str, level: usize) -> String {
    let mut text: Cow<str> = Cow::Borrowed(raw);
    for _ in 0..level {
        text = Cow::Owned(percent_decode(&text));
    }
    let end = run_end(text.as_bytes(), 0);
    text[..end].to_owned()
}

/// Decodes a candidate (already a run of code bytes) as the address reads a code: as it
/// stands, then without trailing sentence dots (`share_code::decode_as_sent`).
pub(super) fn read(kind: Kind, code: &str) -> Result<Vec<SharedResult>, DecodeError> {
    share_code::decode_as_sent(code, |c| match kind {
        Kind::Result => share_code::decode(c).map(|r| vec![r]),
        Kind::Team => team::decode_team(c),
    })
}
