//! Set 3's literal yes, the one place it lives: every option declares its [`Stance`]; a
//! dimension's band is its weakest answer's stance ("I don't know" stands as a no, "not
//! applicable" neither blocks nor counts), and its score lies in that band's own range
//! ([`LITERAL_RANGES`]), so scores order like bands and a worse answer never raises a verdict,
//! a band or a score. An answer that already keeps a dimension from a yes decides the verdict
//! even while other questions are open; a yes card's claims are the ones its yes answers back.

use super::super::answers::Answer;
use super::super::content::{Question, QuestionSet, Stance, YesRule};
use super::Band;

/// True for a set decided by the literal yes (set 3 on).
pub fn is_literal(set: &QuestionSet) -> bool {
    set.dimensions.iter().all(|d| d.rule == YesRule::Literal) && !set.dimensions.is_empty()
}

/// Where one answer stands under the literal yes: the option's own stance, "I don't know"
/// as a no (nobody can answer yes to what they don't know), nothing for an open question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AnswerStance {
    /// A no option, or "I don't know".
    No,
    /// A partly option.
    Partly,
    /// A yes option.
    Yes,
    /// "Not applicable": neither blocks nor counts.
    NotApplicable,
}

/// The stance of an answer to a question (`None` while unanswered or before set 3).
pub fn stance_of(question: &Question, answer: Option<Answer>) -> Option<AnswerStance> {
    match answer? {
        Answer::DontKnow => Some(AnswerStance::No),
        Answer::Level(level) => Some(match question.options.get(usize::from(level))?.stance? {
            Stance::No => AnswerStance::No,
            Stance::Partly => AnswerStance::Partly,
            Stance::Yes => AnswerStance::Yes,
            Stance::NotApplicable => AnswerStance::NotApplicable,
        }),
    }
}

/// The 0–100 score range of each band under the literal yes, `[no, partly, yes]`: every yes
/// dimension scores above every partly one, every partly above every no.
pub const LITERAL_RANGES: [(u8, u8); 3] = [(0, 39), (40, 69), (70, 100)];

/// The literal yes, the one place it lives: a complete dimension's band is its weakest
/// answer's stance; "not applicable" answers are left out; all of them yes is a yes.
pub fn literal_band(given: &[(&'static Question, Option<Answer>)]) -> Band {
    let weakest = given
        .iter()
        .filter_map(|&(q, a)| stance_of(q, a))
        .filter(|s| *s != AnswerStance::NotApplicable)
        .min()
        .unwrap_or(AnswerStance::Yes);
    match weakest {
        AnswerStance::No => Band::No,
        AnswerStance::Partly => Band::Partly,
        AnswerStance::Yes | AnswerStance::NotApplicable => Band::Yes,
    }
}

/// A complete dimension's score under the literal yes: its band's range, and within it the
/// weighted points of the answers that apply ("I don't know" earns none, as the lowest option).
pub fn literal_score(band: Band, given: &[(&'static Question, Option<Answer>)]) -> u8 {
    let (mut earned, mut possible) = (0u32, 0u32);
    for &(question, answer) in given {
        let points = match (answer, stance_of(question, answer)) {
            (_, Some(AnswerStance::NotApplicable)) | (None, _) => continue,
            (Some(Answer::DontKnow), _) => 0,
            (Some(Answer::Level(level)), _) => question.options.get(usize::from(level)).map_or(0, |o| o.points),
        };
        earned += u32::from(question.weight) * u32::from(points);
        possible += u32::from(question.weight) * u32::from(question.max_points());
    }
    let (low, high) = LITERAL_RANGES[match band {
        Band::No => 0,
        Band::Partly => 1,
        Band::Yes => 2,
    }];
    let span = u32::from(high - low);
    let within = (span * earned + possible / 2).checked_div(possible).unwrap_or(span);
    (u32::from(low) + within) as u8
}

/// True when every question a claim cites has a yes answer (a "not applicable" one backs
/// nothing).
pub(super) fn backed(questions: &[&str], given: &[(&'static Question, Option<Answer>)]) -> bool {
    !questions.is_empty()
        && questions
            .iter()
            .all(|id| given.iter().any(|&(q, a)| q.id == *id && stance_of(q, a) == Some(AnswerStance::Yes)))
}
