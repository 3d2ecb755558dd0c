//! Share codes: a whole result in a dozen URL-safe characters that decode forever.
//!
//! Layout of a format-1 code (every character from the base64url alphabet
//! `A–Z a–z 0–9 - _`, value 0–63, except the first):
//!
//! ```text
//! 1 S PPPPPPP CC [.label]
//! │ │ │       │   └ optional pilot label, percent-encoded UTF-8 ('_' stands for a space)
//! │ │ │       └ check: weighted sum of everything before it and of the label, mod 4093
//! │ │ └ answers: one mixed-radix number, big-endian, fixed length for the set
//! │ └ question-set id (alphabet value)
//! └ format version, the digit '1'
//! ```
//!
//! Each question contributes a digit of radix `options + 2`: 0 unanswered, 1..=options the
//! level, options + 1 "I don't know". The check value is `Σ wᵢ·vᵢ mod 4093` with distinct
//! weights `wᵢ = i + 1`; because 4093 is a prime larger than any value difference, every
//! single-character change and every swap of two different characters changes it, and the
//! fixed length catches truncation. The check does not depend on the set, so a code from a
//! newer question set can still be told apart from a damaged one.

use super::answers::{Answer, Answers};
use super::content::{QuestionSet, question_set};

/// The base64url alphabet, value = index.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// The format version this build writes.
pub const FORMAT: u8 = 1;
/// Longest pilot label, in characters.
pub const MAX_LABEL_CHARS: usize = 60;
/// Longest input `decode` looks at; anything longer is rejected before parsing.
pub const MAX_CODE_LEN: usize = 1024;
const CHECK_MODULUS: u32 = 4093;
const LABEL_SEPARATOR: char = '.';

/// A decoded result: whose answers, to which question set, under which label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedResult {
    /// The answers, tied to the question set named in the code.
    pub answers: Answers,
    /// The pilot label, already cleaned (plain text, no control characters).
    pub label: String,
}

/// Why a code could not be read. Each variant maps to one friendly message in the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing there.
    Empty,
    /// Shorter than a code of its kind: it was cut off when copied.
    Truncated,
    /// Longer than any code of its kind.
    TooLong,
    /// A character was changed, swapped, or is not allowed.
    Damaged,
    /// Made by a newer version of the check than this one.
    NewerFormat,
    /// Names a question set this build does not know (made by a newer version).
    UnknownQuestionSet,
}

impl DecodeError {
    /// A stable short name, used in tests and data attributes.
    pub fn kind(self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::Truncated => "truncated",
            DecodeError::TooLong => "too-long",
            DecodeError::Damaged => "damaged",
            DecodeError::NewerFormat => "newer-format",
            DecodeError::UnknownQuestionSet => "unknown-set",
        }
    }
}

/// Value of an alphabet character, if it is one.
pub fn char_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// The radix of each question's digit, in asking order.
fn radices(set: &QuestionSet) -> impl Iterator<Item = u128> + '_ {
    set.questions().map(|q| q.options.len() as u128 + 2)
}

/// Number of payload characters for a set.
pub fn payload_len(set: &QuestionSet) -> usize {
    let states: u128 = radices(set).product();
    let bits = 128 - (states - 1).leading_zeros() as usize;
    bits.div_ceil(6).max(1)
}

/// Length of the code without its label for a set.
pub fn core_len(set: &QuestionSet) -> usize {
    2 + payload_len(set) + 2
}

/// Weighted checksum over code characters (as values) followed by label bytes.
pub(crate) fn check_value(core_values: &[u8], label_bytes: &[u8]) -> u32 {
    let mut sum: u32 = 0;
    for (i, &v) in core_values.iter().chain(label_bytes).enumerate() {
        sum = (sum + (i as u32 + 1) * u32::from(v)) % CHECK_MODULUS;
    }
    // The label's length takes part, so cutting the label off at any point is detected too.
    (sum + label_bytes.len() as u32 * 7) % CHECK_MODULUS
}

pub(crate) fn encode_digits(mut value: u128, len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(value % 64) as usize];
        value /= 64;
    }
    out
}

/// A byte that can be part of a code as it travels: the alphabet, the label separator and
/// percent signs, and the team member separator.
pub fn is_code_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'%' | b'~')
}

/// Decodes a code (with `decode`: a share code or a team code) as it arrived in an address or
/// a pasted line. A link clicked in a comment may carry what followed it there (a bracket, a
/// comma, quotes, sentence dots, `&utm_source=…`): as it stands first, then only the run of
/// bytes a code can hold, without trailing dots, as readers' results reads it. When neither
/// decodes, the error is the first reading's, so a changed character is told as a changed
/// character and not as a cut-off code. A raw `.` only ever separates a label (a label's own
/// dots are escaped), so dots at the end say nothing; nothing a code can hold is dropped.
pub fn decode_as_sent<T>(text: &str, decode: impl Fn(&str) -> Result<T, DecodeError>) -> Result<T, DecodeError> {
    let first = decode(text);
    let end = text.bytes().position(|b| !is_code_byte(b)).unwrap_or(text.len());
    let code = text[..end].trim_end_matches('.');
    match first {
        Err(error) if code.len() < text.len() => decode(code).map_err(|_| error),
        first => first,
    }
}

/// Fragment key of a results link (`#r=<code>`).
pub const RESULT_KEY: &str = "r=";
/// Fragment key of a team link (`#t=<team code>`).
pub const TEAM_KEY: &str = "t=";

/// The code a pasted line holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkCode<'a> {
    /// A single result's code.
    Result(&'a str),
    /// A team code.
    Team(&'a str),
}

/// Finds the code in a pasted results link, team link or bare code (a team code starts with
/// `T`, a share code with its format digit). Only finds it: reading it is
/// [`decode_as_sent`]'s, with `decode` or `team::decode_team` as this says.
pub fn code_in_link(line: &str) -> LinkCode<'_> {
    let line = line.trim();
    if let Some((_, fragment)) = line.split_once('#') {
        if let Some(code) = fragment.strip_prefix(TEAM_KEY) {
            return LinkCode::Team(code);
        }
        return LinkCode::Result(fragment.strip_prefix(RESULT_KEY).unwrap_or(fragment));
    }
    if line.starts_with('T') {
        return LinkCode::Team(line);
    }
    LinkCode::Result(line)
}

/// Encodes answers and an optional label into a share code.
pub fn encode(answers: &Answers, label: &str) -> String {
    let set = answers.set();
    let mut number: u128 = 0;
    for (question, slot) in set.questions().zip(answers.slots()) {
        let radix = question.options.len() as u128 + 2;
        let digit = match slot {
            None => 0,
            Some(Answer::Level(level)) => u128::from(*level) + 1,
            Some(Answer::DontKnow) => radix - 1,
        };
        number = number * radix + digit;
    }
    let mut code = vec![b'0' + FORMAT, ALPHABET[usize::from(set.id)]];
    code.extend(encode_digits(number, payload_len(set)));
    let label = clean_label(label);
    let values: Vec<u8> = code.iter().map(|&c| char_value(c).unwrap_or(0)).collect();
    let check = check_value(&values, label.as_bytes());
    code.extend(encode_digits(u128::from(check), 2));
    let mut text = String::from_utf8(code).unwrap_or_default();
    if !label.is_empty() {
        text.push(LABEL_SEPARATOR);
        text.push_str(&percent_encode_label(&label));
    }
    text
}

/// Decodes a share code. Never panics, whatever the input.
pub fn decode(input: &str) -> Result<SharedResult, DecodeError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(DecodeError::Empty);
    }
    if input.len() > MAX_CODE_LEN {
        return Err(DecodeError::TooLong);
    }
    let (core, encoded_label) = match input.split_once(LABEL_SEPARATOR) {
        Some((core, label)) => (core, Some(label)),
        None => (input, None),
    };
    let bytes = core.as_bytes();
    match bytes.first() {
        Some(&c) if c == b'0' + FORMAT => {}
        Some(b'2'..=b'9') => return Err(DecodeError::NewerFormat),
        _ => return Err(DecodeError::Damaged),
    }
    let values: Option<Vec<u8>> = bytes.iter().map(|&c| char_value(c)).collect();
    let values = values.ok_or(DecodeError::Damaged)?;
    if values.len() < 5 {
        return Err(DecodeError::Truncated);
    }
    let label_bytes = match encoded_label {
        Some(text) => percent_decode_label(text).ok_or(DecodeError::Damaged)?,
        None => Vec::new(),
    };
    let set = question_set(values[1]);
    if let Some(set) = set {
        if values.len() < core_len(set) {
            return Err(DecodeError::Truncated);
        }
        if values.len() > core_len(set) {
            return Err(DecodeError::TooLong);
        }
    }
    let (body, check) = values.split_at(values.len() - 2);
    let expected = u32::from(check[0]) * 64 + u32::from(check[1]);
    if check_value(body, &label_bytes) != expected {
        return Err(DecodeError::Damaged);
    }
    let set = set.ok_or(DecodeError::UnknownQuestionSet)?;
    let answers = decode_answers(set, &body[2..]).ok_or(DecodeError::Damaged)?;
    let label = String::from_utf8(label_bytes).map_err(|_| DecodeError::Damaged)?;
    Ok(SharedResult { answers, label: clean_label(&label) })
}

fn decode_answers(set: &'static QuestionSet, payload: &[u8]) -> Option<Answers> {
    let mut number: u128 = 0;
    for &v in payload {
        number = number.checked_mul(64)?.checked_add(u128::from(v))?;
    }
    let states: u128 = radices(set).product();
    if number >= states {
        return None;
    }
    let radix_list: Vec<u128> = radices(set).collect();
    let mut slots = vec![None; radix_list.len()];
    for (slot, &radix) in slots.iter_mut().zip(&radix_list).rev() {
        let digit = number % radix;
        number /= radix;
        *slot = match digit {
            0 => None,
            d if d == radix - 1 => Some(Answer::DontKnow),
            d => Some(Answer::Level((d - 1) as u8)),
        };
    }
    Answers::from_slots(set, slots)
}

/// Makes a label safe and tidy: no control, bidi-override or zero-width characters,
/// whitespace collapsed, at most [`MAX_LABEL_CHARS`] characters.
pub fn clean_label(raw: &str) -> String {
    let kept = raw.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).filter(|&c| !is_invisible(c));
    let collapsed: String = kept.collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.chars().take(MAX_LABEL_CHARS).collect::<String>().trim_end().to_owned()
}

/// Characters that show nothing (or reorder what is around them): a label made of them would
/// look empty, or smuggle direction changes into sentences.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{061C}'
                | '\u{FEFF}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180E}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

pub(crate) fn percent_encode_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for &b in label.as_bytes() {
        match b {
            b' ' => out.push('_'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub(crate) fn percent_decode_label(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
                i += 2;
            }
            b @ (b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-') => out.push(b),
            _ => return None,
        }
        i += 1;
    }
    Some(out)
}
