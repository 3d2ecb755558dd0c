//! A reader's answers to one question set: for each question, nothing yet, a level, or
//! "I don't know".

use super::content::QuestionSet;

/// One answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// The option at this index (0 = worst) of the question's options.
    Level(u8),
    /// The reader does not know; scores as the lowest level and is called out in results.
    DontKnow,
}

/// The value of the "I don't know" radio button.
pub const UNKNOWN_VALUE: &str = "unknown";

impl Answer {
    /// The value of this answer's radio button: the option's index, or `unknown`.
    pub fn radio_value(self) -> String {
        match self {
            Answer::Level(level) => level.to_string(),
            Answer::DontKnow => UNKNOWN_VALUE.to_owned(),
        }
    }

    /// The answer a radio button's value stands for (its validity for a question is checked
    /// when it is set).
    pub fn from_radio_value(value: &str) -> Option<Answer> {
        if value == UNKNOWN_VALUE {
            return Some(Answer::DontKnow);
        }
        value.parse::<u8>().ok().map(Answer::Level)
    }
}

/// The answers to every question of one set, in asking order.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Answers {
    set: &'static QuestionSet,
    slots: Vec<Option<Answer>>,
}

/// Names the set by its id instead of printing the whole questionnaire, so that a failed
/// assertion or a debug log stays readable.
impl std::fmt::Debug for Answers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answers").field("set", &self.set.id).field("slots", &self.slots).finish()
    }
}

impl Answers {
    /// No question answered yet.
    pub fn empty(set: &'static QuestionSet) -> Self {
        Self { set, slots: vec![None; set.question_count()] }
    }

    /// Builds answers from one slot per question, checking every level exists.
    pub fn from_slots(set: &'static QuestionSet, slots: Vec<Option<Answer>>) -> Option<Self> {
        if slots.len() != set.question_count() {
            return None;
        }
        let valid = set.questions().zip(&slots).all(|(question, slot)| match slot {
            Some(Answer::Level(level)) => usize::from(*level) < question.options.len(),
            _ => true,
        });
        valid.then_some(Self { set, slots })
    }

    /// The question set these answers belong to.
    pub fn set(&self) -> &'static QuestionSet {
        self.set
    }

    /// One slot per question, in asking order.
    pub fn slots(&self) -> &[Option<Answer>] {
        &self.slots
    }

    /// The answer at a position, if any.
    pub fn get(&self, position: usize) -> Option<Answer> {
        self.slots.get(position).copied().flatten()
    }

    /// Sets or clears the answer at a position; an impossible level or position is ignored.
    pub fn set_answer(&mut self, position: usize, answer: Option<Answer>) {
        let Some((_, question)) = self.set.locate(position) else { return };
        if let Some(Answer::Level(level)) = answer
            && usize::from(level) >= question.options.len()
        {
            return;
        }
        self.slots[position] = answer;
    }

    /// How many questions have an answer (including "I don't know").
    pub fn answered_count(&self) -> usize {
        self.slots.iter().filter(|slot| slot.is_some()).count()
    }

    /// True when every question has an answer.
    pub fn is_complete(&self) -> bool {
        self.slots.iter().all(Option::is_some)
    }

    /// Position of the first unanswered question, if any.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.slots.iter().position(Option::is_none)
    }

    /// Points an answer is worth for the question at a position ("I don't know" is 0).
    pub fn points(&self, position: usize) -> Option<u8> {
        let (_, question) = self.set.locate(position)?;
        match self.get(position)? {
            Answer::Level(level) => Some(question.options[usize::from(level)].points),
            Answer::DontKnow => Some(0),
        }
    }
}
