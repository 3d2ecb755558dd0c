//! Helpers shared by the native test files: answers written as a pattern, one character a
//! question (`-` unanswered, `?` "I don't know", a digit for an option), as in the golden files.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code)]

use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::{CURRENT, QuestionSet};
use readiness_check::core::session::{Session, Step, View};
use readiness_check::core::share_code::SharedResult;

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

/// The last position of the current set.
pub fn last() -> usize {
    CURRENT.question_count() - 1
}

/// Six answers, one of them "I don't know", the rest open.
pub fn some_answers() -> Answers {
    let mut answers = Answers::empty(CURRENT);
    for position in 0..6 {
        let answer = if position == 2 { Answer::DontKnow } else { Answer::Level((position % 4) as u8) };
        answers.set_answer(position, Some(answer));
    }
    answers
}

/// Every question at its best option.
pub fn complete_answers() -> Answers {
    let slots = CURRENT.questions().map(|q| Some(Answer::Level(q.options.len() as u8 - 1))).collect();
    Answers::from_slots(CURRENT, slots).expect("valid")
}

/// The reader's own run with these answers, step and label.
pub fn session(answers: Answers, step: Step, label: &str) -> Session {
    let mut session = Session::new(CURRENT);
    session.answers = answers;
    session.step = step;
    session.label = label.to_owned();
    session
}

/// Someone else's result: every question at its worst, labelled "their pilot".
pub fn someone_else() -> SharedResult {
    let slots = CURRENT.questions().map(|_| Some(Answer::Level(0))).collect();
    SharedResult { answers: Answers::from_slots(CURRENT, slots).expect("valid"), label: "their pilot".into() }
}

/// A compact, readable picture of everything an action may change (but the navigation
/// counter, which has its own test), so a failure message fits on a screen.
pub fn observe(session: &Session) -> String {
    let answers = pattern_of(&session.answers);
    let view = match &session.view {
        View::Own => "own".to_owned(),
        View::Shared(result) => format!("shared({})", result.label),
        View::Team(members) => format!("team({})", members.len()),
        View::Offered(offered) => format!("offered({}, {:?})", pattern_of(&offered.result.answers), offered.step),
        View::Readers => "readers".to_owned(),
        View::EmbedKit => "embed-kit".to_owned(),
        View::BadLink { team, error } => format!("bad-link(team={team}, {})", error.kind()),
    };
    let compare = session.compare_with.as_ref().map(|r| r.label.as_str());
    format!(
        "set={} answers={answers} step={:?} label={:?} view={view} compare={compare:?}",
        session.answers.set().id,
        session.step,
        session.label
    )
}

/// Undoes the escaping of the hostile-link corpus, tests/golden/hostile_links.txt (`%XX` for
/// every byte outside 0x21..=0x7E and for '%').
///
/// The generator writes the file from JavaScript strings, so the bytes are always UTF-8; a
/// hostile link's "invalid UTF-8" is literal `%FF`-style text in the link, which the file
/// carries as `%25FF` and which stays ASCII text all the way to the decoder. Should a line
/// ever hold bytes that are not UTF-8, they become U+FFFD, as the browser does with an
/// unpaired surrogate assigned to `location.hash` (it reports `%EF%BF%BD`).
pub fn unescape_field(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Answers of the current set, slot by slot.
pub fn answers(levels: &[Option<Answer>]) -> Answers {
    Answers::from_slots(CURRENT, levels.to_vec()).expect("valid answers")
}

/// Every question of the current set at `level`.
pub fn all(level: u8) -> Answers {
    answers(&vec![Some(Answer::Level(level)); CURRENT.question_count()])
}

/// Ownership and Data best, Buy-in and Metrics worst.
pub fn half() -> Answers {
    let slots: Vec<Option<Answer>> = CURRENT
        .dimensions
        .iter()
        .enumerate()
        .flat_map(|(d, dimension)| {
            dimension.questions.iter().map(move |_| Some(Answer::Level(if d < 2 { 3 } else { 0 })))
        })
        .collect();
    answers(&slots)
}
