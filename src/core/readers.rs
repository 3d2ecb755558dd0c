//! Readers' results: every results link and team link in any pasted text, counted honestly,
//! and the picture they give (how many are ready, what blocks them, what readers can't answer).
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

use super::answers::Answer;
use super::content::{Question, QuestionSet};
use super::links::results_link;
use super::scoring::{Band, Report, Verdict, join_words, sort_small_by_key};
use super::share_code::{self, DecodeError, SharedResult, is_code_byte};
use super::team;

// ---------------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------------

/// Most line breaks joined inside one code (a wrapped team link spans many lines).
pub const MAX_JOINED_LINES: usize = 32;
/// Most levels of percent-encoding undone around an encoded anchor (`%23`, `%2523`, …).
const MAX_ENCODING_LEVELS: usize = 3;
/// A bare share code on its own line is at least this long before any label (shorter tokens
/// such as "1st" or "10x" are words, not codes).
const MIN_BARE_CODE: usize = 8;
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
}

/// Which decoder a candidate goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Result,
    Team,
}

/// One candidate, read.
struct Found {
    /// Byte range in the entity-decoded text: the anchor or cell start, the consumed end.
    start: usize,
    end: usize,
    /// The code text as decoded (or as tried), to recognise an HTML or markdown echo.
    code: String,
    /// Came from an anchor (which can consume following lines) rather than a bare cell.
    anchored: bool,
    kind: Kind,
    outcome: Result<Vec<SharedResult>, DecodeError>,
}

/// Finds every results link, team link and bare code in `text` and reads them.
///
/// Never panics and never guesses: see the module documentation for the exact rules.
pub fn extract(text: &str) -> Extracted {
    let text = decode_entities(text);
    let mut anchored = anchored_candidates(&text).into_iter().peekable();
    let mut bare = bare_candidates(&text).into_iter().peekable();

    let mut out = Extracted::default();
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
        previous = Some((found.end, found.code));
        if echo {
            continue;
        }
        match found.outcome {
            Err(error) => out.problems.add(error),
            Ok(members) => {
                if found.kind == Kind::Team {
                    out.team_links += 1;
                    out.team_members += members.len();
                }
                for result in members {
                    if seen.insert(share_code::encode(&result.answers, &result.label)) {
                        out.results.push(result);
                    } else {
                        out.duplicates += 1;
                    }
                }
            }
        }
    }
    out
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
fn run_end(b: &[u8], i: usize) -> usize {
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
fn anchor_at(b: &[u8], i: usize) -> Option<(Kind, usize, usize)> {
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
            let qp = match kind {
                Kind::Result => has(start, b"3D1"),
                Kind::Team => has(start, b"3DT1"),
            };
            Some((kind, if qp { start + 2 } else { start }, 0))
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
            Some((kind, k + 2, level))
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
        Kind::Team => 5 + team::MAX_MEMBERS * (1 + share_code::MAX_CODE_LEN),
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
        let Some((kind, start, level)) = anchor_at(b, at) else {
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
                chosen = Some(Found { start: at, end: e, code, anchored: true, kind, outcome });
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

/// One round of `%XX` decoding; anything that is not a valid escape stays as it is.
fn percent_decode(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c))) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes a candidate (already a run of code bytes) as the address reads a code: as it
/// stands, then without trailing sentence dots (`share_code::decode_as_sent`).
fn read(kind: Kind, code: &str) -> Result<Vec<SharedResult>, DecodeError> {
    share_code::decode_as_sent(code, |c| match kind {
        Kind::Result => share_code::decode(c).map(|r| vec![r]),
        Kind::Team => team::decode_team(c),
    })
}

/// Bare codes: a line or a spreadsheet cell (split at tab, `,`, `;` or `|`) that is one code,
/// perhaps quoted, bulleted or wrapped in quotes, brackets or emphasis.
fn bare_candidates(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        // A progress address (`#s=S2;<code>;…`) holds someone's unfinished run, not a result
        // they shared; its `;`-separated code is not a spreadsheet cell.
        if !line.contains("#s=") {
            // The separators are ASCII, so byte offsets are character boundaries.
            let mut cell_start = 0;
            for piece in line.as_bytes().split(|&c| matches!(c, b'\t' | b',' | b';' | b'|')) {
                let cell = &line[cell_start..cell_start + piece.len()];
                if let Some((offset, code, kind)) = bare_code(cell) {
                    let start = line_start + cell_start + offset;
                    let outcome = read(kind, code);
                    let end = start + code.len();
                    found.push(Found { start, end, code: code.to_owned(), anchored: false, kind, outcome });
                }
                cell_start += piece.len() + 1;
            }
        }
        line_start += line.len() + 1;
    }
    found
}

/// The code a cell consists of, with its offset in the cell.
fn bare_code(cell: &str) -> Option<(usize, &str, Kind)> {
    const OPENING: &[char] = &['"', '\'', '`', '(', '[', '{', '<', '*', '“', '‘', '«'];
    const CLOSING: &[char] = &['"', '\'', '`', ')', ']', '}', '>', '*', '”', '’', '»', '.', ',', ';', ':', '!', '?'];
    // E-mail quote markers, then a list bullet: "- ", "* ", "• ", or "12. " / "3) ".
    let mut rest = cell.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(after) = rest.strip_prefix(bullet) {
            rest = after;
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(rest.as_bytes().get(digits..digits + 2), Some([b'.' | b')', b' '])) {
        rest = &rest[digits + 2..];
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || OPENING.contains(&c));
    let b = rest.as_bytes();
    let kind = match b {
        [b'1', set, ..] if set.is_ascii_alphabetic() => Kind::Result,
        [b'T', b'1', ..] => Kind::Team,
        _ => return None,
    };
    let end = run_end(b, 0);
    let code = &rest[..end];
    let tail = &rest[end..];
    if !tail.chars().all(|c| c.is_whitespace() || CLOSING.contains(&c)) {
        return None;
    }
    let long_enough = match kind {
        Kind::Result => code.split('.').next().unwrap_or("").len() >= MIN_BARE_CODE,
        Kind::Team => code.contains('~'),
    };
    long_enough.then(|| (cell.len() - rest.len(), code, kind))
}

/// Decodes HTML character references that can stand for characters of a link: numeric ones
/// and the few named ones a page or an editor writes. Anything else stays as it is.
fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.as_bytes().iter().take(12).position(|&c| c == b';');
        let decoded = end.and_then(|end| entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character an entity name (between `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(value).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "num" => '#',
        "equals" => '=',
        "period" => '.',
        "percnt" => '%',
        "lowbar" => '_',
        "tilde" => '~',
        "nbsp" => '\u{a0}',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------

/// How often one dimension blocks the results that are not ready.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockingDimension {
    /// Stable dimension id.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Not-ready results this dimension blocks.
    pub count: usize,
}

/// One set of dimensions that block results together, and how many results it blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockingCombination {
    /// The dimensions' display names, in asking order.
    pub names: Vec<&'static str>,
    /// Not-ready results blocked by exactly these dimensions.
    pub count: usize,
}

/// Most blocking combinations listed.
pub const TOP_COMBINATIONS: usize = 5;

/// One dimension across all results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionTable {
    /// Stable dimension id (dimensions of different question sets are matched by it).
    pub id: &'static str,
    /// Display name (from the newest set that has it).
    pub name: &'static str,
    /// Results whose band is yes.
    pub yes: usize,
    /// Results whose band is partly.
    pub partly: usize,
    /// Results whose band is no.
    pub no: usize,
    /// Results that left a question of the dimension unanswered.
    pub incomplete: usize,
    /// Scores of the complete results in ten buckets: 0–9, 10–19, …, 80–89, 90–100.
    pub histogram: [usize; 10],
}

/// One question's answers across the results of its set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionTable {
    /// The question.
    pub question: &'static Question,
    /// The display name of its dimension.
    pub dimension: &'static str,
    /// Its position in asking order within the set.
    pub position: usize,
    /// How many results chose each option, worst first.
    pub options: Vec<usize>,
    /// How many answered "I don't know".
    pub dont_know: usize,
    /// How many left it unanswered.
    pub unanswered: usize,
}

impl QuestionTable {
    /// Results that answered, "I don't know" included.
    pub fn answered(&self) -> usize {
        self.options.iter().sum::<usize>() + self.dont_know
    }

    /// "I don't know" as a share of those who answered, in whole percent (half up); `None`
    /// when nobody answered.
    pub fn dont_know_percent(&self) -> Option<u8> {
        let answered = self.answered();
        (answered > 0).then(|| percent(self.dont_know, answered))
    }
}

/// The per-question tables of one question set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetTable {
    /// The question set.
    pub set: &'static QuestionSet,
    /// Results made with it.
    pub results: usize,
    /// Its questions, those readers most often answer "I don't know" first (then by count,
    /// then in asking order).
    pub questions: Vec<QuestionTable>,
}

/// The picture many readers' results give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadersSummary {
    /// Results summarised.
    pub results: usize,
    /// Ready to scale by the essay's rule: every dimension a yes.
    pub ready: usize,
    /// Not ready: at least one answered dimension is not a yes.
    pub not_ready: usize,
    /// Not finished: no dimension blocks, but some are incomplete.
    pub incomplete: usize,
    /// Every dimension, the one that blocks most not-ready results first.
    pub blocking: Vec<BlockingDimension>,
    /// The most common sets of blocking dimensions, at most [`TOP_COMBINATIONS`], most
    /// common first (then fewer dimensions first).
    pub combinations: Vec<BlockingCombination>,
    /// Every dimension of the results' question sets, matched by id, in asking order.
    pub dimensions: Vec<DimensionTable>,
    /// Per-question tables, one per question set the results use, oldest set first.
    pub sets: Vec<SetTable>,
}

/// A share in whole percent, rounded half up; 0 for an empty whole.
pub fn percent(part: usize, whole: usize) -> u8 {
    if whole == 0 {
        return 0;
    }
    ((200 * part + whole) / (2 * whole)).min(100) as u8
}

/// The question sets these results use, oldest first.
fn sets_used(results: &[SharedResult]) -> Vec<&'static QuestionSet> {
    super::content::QUESTION_SETS
        .iter()
        .copied()
        .filter(|set| results.iter().any(|r| r.answers.set().id == set.id))
        .collect()
}

/// Summarises results that may come from different question sets: per-dimension tables are
/// matched by dimension id, per-question tables are kept per set.
pub fn summarise(results: &[SharedResult]) -> ReadersSummary {
    let sets = sets_used(results);
    let mut dimensions: Vec<DimensionTable> = Vec::new();
    for set in &sets {
        for d in set.dimensions {
            match dimensions.iter_mut().find(|t| t.id == d.id) {
                Some(table) => table.name = d.name,
                None => dimensions.push(DimensionTable {
                    id: d.id,
                    name: d.name,
                    yes: 0,
                    partly: 0,
                    no: 0,
                    incomplete: 0,
                    histogram: [0; 10],
                }),
            }
        }
    }
    let mut set_tables: Vec<SetTable> = sets
        .iter()
        .map(|&set| SetTable {
            set,
            results: 0,
            questions: set
                .questions()
                .enumerate()
                .map(|(position, question)| QuestionTable {
                    question,
                    dimension: set.locate(position).and_then(|(d, _)| set.dimensions.get(d)).map_or("", |d| d.name),
                    position,
                    options: vec![0; question.options.len()],
                    dont_know: 0,
                    unanswered: 0,
                })
                .collect(),
        })
        .collect();

    let mut summary = ReadersSummary {
        results: results.len(),
        ready: 0,
        not_ready: 0,
        incomplete: 0,
        blocking: Vec::new(),
        combinations: Vec::new(),
        dimensions: Vec::new(),
        sets: Vec::new(),
    };
    let mut blocks = vec![0usize; dimensions.len()];
    let mut combinations: Vec<(Vec<usize>, usize)> = Vec::new();
    let global = |dimensions: &[DimensionTable], id: &str| dimensions.iter().position(|t| t.id == id);

    for result in results {
        let report = Report::new(&result.answers);
        match &report.verdict {
            Verdict::Ready => summary.ready += 1,
            Verdict::Incomplete { .. } => summary.incomplete += 1,
            Verdict::NotReady { blocking } => {
                summary.not_ready += 1;
                let mut combination: Vec<usize> = blocking
                    .iter()
                    .filter_map(|&i| report.set.dimensions.get(i))
                    .filter_map(|d| global(&dimensions, d.id))
                    .collect();
                sort_small_by_key(&mut combination, |&g| g);
                for &g in &combination {
                    blocks[g] += 1;
                }
                match combinations.iter_mut().find(|(c, _)| *c == combination) {
                    Some((_, count)) => *count += 1,
                    None => combinations.push((combination, 1)),
                }
            }
        }
        for d in &report.dimensions {
            let Some(g) = global(&dimensions, d.dimension.id) else { continue };
            let table = &mut dimensions[g];
            match d.band {
                Some(Band::Yes) => table.yes += 1,
                Some(Band::Partly) => table.partly += 1,
                Some(Band::No) => table.no += 1,
                None => table.incomplete += 1,
            }
            if let Some(score) = d.score {
                table.histogram[usize::from(score / 10).min(9)] += 1;
            }
        }
        if let Some(table) = set_tables.iter_mut().find(|t| t.set.id == result.answers.set().id) {
            table.results += 1;
            for (q, slot) in table.questions.iter_mut().zip(result.answers.slots()) {
                match slot {
                    None => q.unanswered += 1,
                    Some(Answer::DontKnow) => q.dont_know += 1,
                    Some(Answer::Level(level)) => {
                        if let Some(count) = q.options.get_mut(usize::from(*level)) {
                            *count += 1;
                        }
                    }
                }
            }
        }
    }

    let mut blocking: Vec<BlockingDimension> =
        dimensions.iter().zip(&blocks).map(|(t, &count)| BlockingDimension { id: t.id, name: t.name, count }).collect();
    sort_small_by_key(&mut blocking, |b| std::cmp::Reverse(b.count));
    sort_small_by_key(&mut combinations, |(c, count)| (std::cmp::Reverse(*count), c.len(), c.clone()));
    summary.combinations = combinations
        .into_iter()
        .take(TOP_COMBINATIONS)
        .map(|(c, count)| BlockingCombination {
            names: c.iter().filter_map(|&g| dimensions.get(g)).map(|t| t.name).collect(),
            count,
        })
        .collect();
    for table in &mut set_tables {
        // "I don't know" share, compared exactly as fractions: dk_a / n_a > dk_b / n_b.
        sort_small_by_key(&mut table.questions, |q| {
            (std::cmp::Reverse(DontKnowShare(q.dont_know, q.answered())), std::cmp::Reverse(q.dont_know), q.position)
        });
    }
    summary.blocking = blocking;
    summary.dimensions = dimensions;
    summary.sets = set_tables;
    summary
}

/// A share `part / whole` ordered exactly (no rounding); an empty whole is the smallest.
#[derive(Clone, Copy, PartialEq, Eq)]
struct DontKnowShare(usize, usize);

impl Ord for DontKnowShare {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.1, other.1) {
            (0, 0) => std::cmp::Ordering::Equal,
            (0, _) => std::cmp::Ordering::Less,
            (_, 0) => std::cmp::Ordering::Greater,
            _ => (self.0 * other.1).cmp(&(other.0 * self.1)),
        }
    }
}

impl PartialOrd for DontKnowShare {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The summary in one or two plain sentences, e.g. "Of 137 readers who shared results, 12 (9%)
/// are ready to scale. Metrics blocks 71% of the others, Data 54% and Ownership 40%."
pub fn summary_sentence(summary: &ReadersSummary) -> String {
    let n = summary.results;
    if n == 0 {
        return "No readers' results found yet.".to_owned();
    }
    let blockers: Vec<&BlockingDimension> = summary.blocking.iter().filter(|b| b.count > 0).collect();
    if n == 1 {
        let names: Vec<&str> = blockers.iter().map(|b| b.name).collect();
        return match (summary.ready, summary.incomplete) {
            (1, _) => "1 reader shared results, and their pilot is ready to scale.".to_owned(),
            (_, 1) => "1 reader shared results, and has not finished the check.".to_owned(),
            _ => format!(
                "1 reader shared results, and their pilot is not ready to scale: {} {} it.",
                join_words(&names),
                plural(names.len(), "blocks", "block")
            ),
        };
    }
    let ready = match summary.ready {
        0 => "none are ready to scale".to_owned(),
        k => format!("{k} ({}%) {} ready to scale", percent(k, n), plural(k, "is", "are")),
    };
    let mut text = format!("Of {n} readers who shared results, {ready}");
    if summary.incomplete > 0 {
        let m = summary.incomplete;
        text += &format!(" and {m} {} not finished the check", plural(m, "has", "have"));
    }
    text.push('.');
    if summary.not_ready > 0 {
        let others = if summary.incomplete == 0 && summary.ready > 0 {
            "the others".to_owned()
        } else if summary.incomplete == 0 {
            "them".to_owned()
        } else {
            format!("the {} not ready", summary.not_ready)
        };
        let parts: Vec<String> = blockers
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let share = percent(b.count, summary.not_ready);
                if i == 0 { format!("{} blocks {share}% of {others}", b.name) } else { format!("{} {share}%", b.name) }
            })
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        text += &format!(" {}.", join_words(&parts));
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

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
/// score and band, then each answer (`1` = the question's lowest option, `don't know`,
/// `unanswered`; empty for a question of another set). Question columns are the union over
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
                row.extend(answers.slots().iter().map(|slot| match slot {
                    None => "unanswered".to_owned(),
                    Some(Answer::DontKnow) => "don't know".to_owned(),
                    Some(Answer::Level(level)) => (level + 1).to_string(),
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
pub fn plain_text(summary: &ReadersSummary, extracted: &Extracted) -> String {
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
        for c in &summary.combinations {
            let only = if c.names.len() == 1 { " only" } else { "" };
            text += &format!("- {}{only}: {}\n", join_words(&c.names), c.count);
        }
    }

    let mut unknown: Vec<&QuestionTable> =
        summary.sets.iter().flat_map(|s| &s.questions).filter(|q| q.dont_know > 0).collect();
    sort_small_by_key(&mut unknown, |q| {
        (std::cmp::Reverse(DontKnowShare(q.dont_know, q.answered())), std::cmp::Reverse(q.dont_know))
    });
    if !unknown.is_empty() {
        text += "\nThe questions readers could least answer (\"I don't know\"):\n";
        for q in unknown.iter().take(TOP_UNKNOWN_QUESTIONS) {
            let answered = q.answered();
            text += &format!(
                "- {} ({}): {}% of {answered} {}\n",
                q.question.short,
                q.dimension,
                q.dont_know_percent().unwrap_or(0),
                plural(answered, "answer", "answers")
            );
        }
    }

    let mut counted = Vec::new();
    if extracted.duplicates > 0 {
        let d = extracted.duplicates;
        counted.push(format!("{d} repeated {} counted once", plural(d, "link", "links")));
    }
    if extracted.team_links > 0 {
        let (t, m) = (extracted.team_links, extracted.team_members);
        counted.push(format!("{t} team {} with {m} {}", plural(t, "link", "links"), plural(m, "result", "results")));
    }
    let problems = extracted.problems.total();
    if problems > 0 {
        let reasons: Vec<String> =
            extracted.problems.by_reason().iter().map(|(e, n)| format!("{n} {}", problem_words(*e))).collect();
        let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
        counted.push(format!(
            "{problems} {} could not be read ({})",
            plural(problems, "link", "links"),
            join_words(&reasons)
        ));
    }
    if !counted.is_empty() {
        let counted: Vec<&str> = counted.iter().map(String::as_str).collect();
        text += &format!("\nCounted: {}.\n", join_words(&counted));
    }
    text
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
