//! Readers' results, transport: undoing what carried a pasted text (HTML character references,
//! percent-encoding), and finding where a byte of the result stands in what was pasted.

use std::borrow::Cow;

/// Decodes HTML character references that can stand for characters of a link: numeric ones
/// and the few named ones a page or an editor writes. Anything else stays as it is.
pub(super) fn decode_entities(text: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    let mut offsets = Vec::new();
    if !text.contains('&') {
        return (Cow::Borrowed(text), offsets);
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
                // After each entity: where the decoded text and the pasted text stand.
                offsets.push((out.len(), text.len() - rest.len()));
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    (Cow::Owned(out), offsets)
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

/// One round of `%XX` decoding; anything that is not a valid escape stays as it is.
pub(super) fn percent_decode(text: &str) -> String {
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

/// Where a byte of the entity-decoded text stands in the pasted text.
pub(super) fn original_offset(entities: &[(usize, usize)], at: usize) -> usize {
    let i = entities.partition_point(|&(decoded, _)| decoded <= at);
    match i.checked_sub(1).and_then(|i| entities.get(i)) {
        Some(&(decoded, original)) => original + (at - decoded),
        None => at,
    }
}

/// Where the lines of a text start and end, found by binary search: a link's line is looked up
/// once per link, and a text of one long line must not be scanned again for each.
pub(super) struct Lines {
    breaks: Vec<usize>,
    len: usize,
}

impl Lines {
    /// Indexes a text's line breaks (one pass).
    pub(super) fn new(text: &str) -> Self {
        Lines {
            breaks: text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect(),
            len: text.len(),
        }
    }

    /// The start of the line holding byte `at`.
    pub(super) fn start(&self, at: usize) -> usize {
        let i = self.breaks.partition_point(|&b| b < at);
        i.checked_sub(1).map_or(0, |i| self.breaks[i] + 1)
    }

    /// The end (the break, or the text's end) of the line holding byte `at`.
    pub(super) fn end(&self, at: usize) -> usize {
        let i = self.breaks.partition_point(|&b| b < at);
        self.breaks.get(i).copied().unwrap_or(self.len)
    }
}
