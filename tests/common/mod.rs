//! Helpers shared by the native test files: answers written as a pattern, one character a
//! question (`-` unanswered, `?` "I don't know", a digit for an option), as in the golden files.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code)]

use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::QuestionSet;

/// The answers a pattern describes.
pub fn answers_from_pattern(set: &'static QuestionSet, pattern: &str) -> Answers {
    let slots = pattern
        .chars()
        .map(|c| match c {
            '-' => None,
            '?' => Some(Answer::DontKnow),
            d => Some(Answer::Level(d.to_digit(10).expect("digit") as u8)),
        })
        .collect();
    Answers::from_slots(set, slots).expect("pattern fits the set")
}

/// The pattern of some answers.
pub fn pattern_of(answers: &Answers) -> String {
    answers
        .slots()
        .iter()
        .map(|slot| match slot {
            None => '-',
            Some(Answer::DontKnow) => '?',
            Some(Answer::Level(l)) => char::from(b'0' + l),
        })
        .collect()
}
