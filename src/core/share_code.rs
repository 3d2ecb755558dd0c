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

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
/// Fragment key of a results link (`#r=<code>`).
pub const RESULT_KEY: &str = "r=";
/// Fragment key of a team link (`#t=<team code>`).
pub const TEAM_KEY: &str = "t=";

/// A decoded result: whose answers, to which question set, under which label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedResult {
    /// The answers, tied to the question set named in the code.
    pub answers: Answers,
    /// The pilot label, already cleaned (plain text, no control characters).
    pub label: String,
}

/// A result travels (to and from the readers' worker) as its share code: the format links
/// already carry, which [`decode`] reads back to the same result.
impl Serialize for SharedResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&encode(&self.answers, &self.label))
    }
}

impl<'de> Deserialize<'de> for SharedResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        decode(&code).map_err(|error| serde::de::Error::custom(format!("not a share code ({})", error.kind())))
    }
}

/// Why a code could not be read. Each variant maps to one friendly message in the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// Makes a label safe and tidy: no control, format (Unicode's Cf: bidi overrides, zero-width,
/// interlinear annotation, musical format, tags), variation-selector or invisible filler
/// characters, no combining mark without a visible character before it, whitespace collapsed,
/// at most [`MAX_LABEL_CHARS`] characters. A label with no visible character left is no label
/// (the empty string).
pub fn clean_label(raw: &str) -> String {
    let mut kept = String::with_capacity(raw.len());
    // Whether the last character kept is a visible one a combining mark may sit on.
    let mut base = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            kept.push(' ');
            base = false;
        } else if is_invisible(c) {
            // Dropped; a mark after it has nothing to sit on unless a visible character came
            // before it (`a`, U+200B, U+0301 reads as an accented a).
        } else if is_combining(c) {
            if base {
                kept.push(c);
            }
        } else {
            kept.push(c);
            base = true;
        }
    }
    let collapsed: String = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = collapsed.chars().take(MAX_LABEL_CHARS).collect::<String>().trim_end().to_owned();
    if cut.chars().any(|c| !is_combining(c) && c != ' ') { cut } else { String::new() }
}

/// A label folded for telling names apart: cleaned, marks dropped, look-alike letters from
/// other scripts (Cyrillic and Greek capitals and small letters that look Latin, full-width
/// forms, mathematical letters) read as the Latin letter, case ignored. Two labels that fold the
/// same would look the same on screen; only comparisons use it, never what is shown.
pub fn fold_for_comparison(label: &str) -> String {
    clean_label(label).chars().filter(|&c| !is_combining(c)).flat_map(|c| fold_char(c).to_lowercase()).collect()
}

/// One character's Latin look-alike (itself when it has none the fold knows).
fn fold_char(c: char) -> char {
    let code = c as u32;
    // Full-width ASCII (U+FF01–U+FF5E) is ASCII shifted.
    if (0xFF01..=0xFF5E).contains(&code) {
        return char::from_u32(code - 0xFF01 + 0x21).unwrap_or(c);
    }
    // Mathematical alphanumerics: runs of 26 capitals then 26 small letters (U+1D400–U+1D6A3),
    // and digits (U+1D7CE–U+1D7FF, runs of 10).
    if (0x1D400..=0x1D6A3).contains(&code) {
        let i = (code - 0x1D400) % 52;
        return char::from_u32(if i < 26 { 0x41 + i } else { 0x61 + i - 26 }).unwrap_or(c);
    }
    if (0x1D7CE..=0x1D7FF).contains(&code) {
        return char::from_u32(0x30 + (code - 0x1D7CE) % 10).unwrap_or(c);
    }
    const LOOK_ALIKES: &[(char, char)] = &[
        // Cyrillic
        ('А', 'A'),
        ('В', 'B'),
        ('Е', 'E'),
        ('К', 'K'),
        ('М', 'M'),
        ('Н', 'H'),
        ('О', 'O'),
        ('Р', 'P'),
        ('С', 'C'),
        ('Т', 'T'),
        ('Х', 'X'),
        ('У', 'Y'),
        ('Ѕ', 'S'),
        ('І', 'I'),
        ('Ј', 'J'),
        ('Ԛ', 'Q'),
        ('Ԝ', 'W'),
        ('а', 'a'),
        ('е', 'e'),
        ('о', 'o'),
        ('р', 'p'),
        ('с', 'c'),
        ('у', 'y'),
        ('х', 'x'),
        ('ѕ', 's'),
        ('і', 'i'),
        ('ј', 'j'),
        ('ԛ', 'q'),
        ('ԝ', 'w'),
        ('һ', 'h'),
        ('ԁ', 'd'),
        ('ɡ', 'g'),
        // Greek
        ('Α', 'A'),
        ('Β', 'B'),
        ('Ε', 'E'),
        ('Ζ', 'Z'),
        ('Η', 'H'),
        ('Ι', 'I'),
        ('Κ', 'K'),
        ('Μ', 'M'),
        ('Ν', 'N'),
        ('Ο', 'O'),
        ('Ρ', 'P'),
        ('Τ', 'T'),
        ('Υ', 'Y'),
        ('Χ', 'X'),
        ('ο', 'o'),
        ('ν', 'v'),
        ('ι', 'i'),
        ('κ', 'k'),
        ('ρ', 'p'),
        ('τ', 't'),
        ('υ', 'u'),
        ('χ', 'x'),
        // Latin and symbols that read as letters or digits
        ('ı', 'i'),
        ('ℓ', 'l'),
        ('\u{212A}', 'K'),
        ('Ⅰ', 'I'),
        ('ⅰ', 'i'),
        ('Ⅴ', 'V'),
        ('ⅴ', 'v'),
        ('Ⅹ', 'X'),
        ('ⅹ', 'x'),
        ('Ⅼ', 'L'),
        ('ⅼ', 'l'),
        ('Ⅽ', 'C'),
        ('ⅽ', 'c'),
        ('Ⅾ', 'D'),
        ('ⅾ', 'd'),
        ('Ⅿ', 'M'),
        ('ⅿ', 'm'),
        ('ǀ', 'l'),
        ('‐', '-'),
        ('‑', '-'),
        ('‒', '-'),
        ('–', '-'),
        ('—', '-'),
        ('−', '-'),
    ];
    LOOK_ALIKES.iter().find(|(from, _)| *from == c).map_or(c, |&(_, to)| to)
}

/// Characters that show nothing (or reorder what is around them): a label made of them would
/// look empty, or smuggle direction changes into sentences. Every format character (Unicode's
/// Cf), the variation selectors, and the fillers that render blank.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Format characters (Cf).
            '\u{00AD}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
                // Variation selectors (Mongolian free variation selectors too).
                | '\u{180B}'..='\u{180D}'
                | '\u{180F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{E0100}'..='\u{E01EF}'
                // Fillers and blanks that are not whitespace.
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FFA0}'
                | '\u{FFFC}'
        )
}

/// Combining marks (they draw on the character before them): the blocks of them, and the marks
/// of the scripts labels are most often written in. A mark with no visible character before it
/// is dropped by [`clean_label`]; a mark on a letter stays (accents, vowel signs).
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{05BF}'
            | '\u{05C1}'..='\u{05C2}'
            | '\u{05C4}'..='\u{05C5}'
            | '\u{05C7}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}'
            | '\u{0951}'..='\u{0957}'
            | '\u{0962}'..='\u{0963}'
            | '\u{0E31}'
            | '\u{0E34}'..='\u{0E3A}'
            | '\u{0E47}'..='\u{0E4E}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{302A}'..='\u{302F}'
            | '\u{3099}'..='\u{309A}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{1D165}'..='\u{1D169}'
            | '\u{1D16D}'..='\u{1D172}'
            | '\u{1D17B}'..='\u{1D182}'
            | '\u{1D185}'..='\u{1D18B}'
            | '\u{1D1AA}'..='\u{1D1AD}'
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
