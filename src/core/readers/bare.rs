//! Readers' results, bare codes: a code written without a link, as a whole line or
//! spreadsheet cell, or as a whole word inside a sentence.

use super::super::share_code::{self, SharedResult};
use super::extract::{Found, Kind, MIN_BARE_CODE, read, run_end};

/// Bare codes: a line or a spreadsheet cell (split at tab, `,`, `;` or `|`) that is one code,
/// perhaps quoted, bulleted or wrapped in quotes, brackets or emphasis.
pub(super) fn bare_candidates(text: &str) -> Vec<Found> {
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
                    let code = code.to_owned();
                    found.push(Found { start, end, code, anchored: false, kind, hash_encoded: false, outcome });
                } else {
                    for (offset, code, result) in prose_codes(cell) {
                        let start = line_start + cell_start + offset;
                        let end = start + code.len();
                        let (code, kind, outcome) = (code.to_owned(), Kind::Result, Ok(vec![result]));
                        found.push(Found { start, end, code, anchored: false, kind, hash_encoded: false, outcome });
                    }
                }
                cell_start += piece.len() + 1;
            }
        }
        line_start += line.len() + 1;
    }
    found
}

/// Share codes written inside a sentence ("my code is 1CSeUEHMzMQ3, ours"), with their offsets
/// in the cell: a word that is a whole code and decodes. A word that does not decode is a word
/// (a product name, a typo), never a problem: without an anchor nothing says it was meant as a
/// code. The check value and the fixed length make a chance reading about one in 4,093 of the
/// rare words that start with `1`, a letter, and have a code's exact length.
fn prose_codes(cell: &str) -> Vec<(usize, &str, SharedResult)> {
    const AROUND: &[char] = &[
        '"', '\'', '`', '(', ')', '[', ']', '{', '}', '<', '>', '*', ',', ';', ':', '!', '?', '“', '”', '‘', '’', '«',
        '»',
    ];
    let mut out = Vec::new();
    let mut offset = 0;
    for word in cell.split(' ') {
        let at = offset;
        offset += word.len() + 1;
        let trimmed = word.trim_start_matches(AROUND);
        let b = trimmed.as_bytes();
        if !matches!(b, [b'1', set, ..] if set.is_ascii_alphabetic()) {
            continue;
        }
        let end = run_end(b, 0);
        let code = &trimmed[..end];
        if code.split('.').next().unwrap_or("").len() < MIN_BARE_CODE
            || !trimmed[end..].chars().all(|c| AROUND.contains(&c) || c == '.' || c.is_whitespace())
        {
            continue;
        }
        let code = code.trim_end_matches('.');
        if let Ok(result) = share_code::decode(code) {
            out.push((at + (word.len() - trimmed.len()), code, result));
        }
    }
    out
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
        [b'T', b'1' | b'2', ..] => Kind::Team,
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
