//! What each screen is called and where focus goes when it opens: one `match` over the
//! session's view, so adding a screen is this arm plus its component.

use super::answers::Answer;
use super::scoring::Report;
use super::session::{Session, Step, View};

/// The page title's end, after the screen's own words.
const SUFFIX: &str = " · Scaling Readiness Check";

/// The screen on display, described for the page around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screen {
    /// The document title.
    pub title: String,
    /// The id of the element that takes focus when the screen opens by the reader's step.
    pub focus: String,
}

/// The id most screens focus: their `h1`.
pub const HEADING: &str = "screen-heading";
/// The id of a question's radio for an answer. A question screen focuses the chosen answer's
/// radio, or the first: there the arrow keys choose and Enter goes on at once (one key less
/// than from the legend), and a screen reader entering the group reads its legend first.
pub fn option_id(position: usize, answer: Answer) -> String {
    match answer {
        Answer::Level(level) => format!("q{position}-o{level}"),
        Answer::DontKnow => format!("q{position}-unknown"),
    }
}

impl Screen {
    /// The screen a session shows.
    pub fn of(session: &Session) -> Screen {
        let titled = |words: String| Screen { title: words + SUFFIX, focus: HEADING.to_owned() };
        match (&session.view, session.step) {
            (View::Own, Step::Intro) => Screen {
                title: "Scaling Readiness Check: is your AI pilot ready to scale?".to_owned(),
                focus: HEADING.to_owned(),
            },
            (View::Own, Step::Question(position)) => Screen {
                title: format!("Question {} of {}{SUFFIX}", position + 1, session.answers.set().question_count()),
                focus: option_id(position, session.answers.get(position).unwrap_or(Answer::Level(0))),
            },
            (View::Own, Step::Results) => titled("Your results".to_owned()),
            // The verdict of the result itself, never the page's: a per-outcome page opened
            // with another outcome's code must not say otherwise in its tab.
            (View::Shared(result), _) => titled(format!("Shared results: {}", Report::new(&result.answers).headline())),
            (View::Offered(_), _) => titled("Answers from a link".to_owned()),
            (View::Team(_), _) => titled("Team view".to_owned()),
            (View::Readers, _) => titled("Readers' results".to_owned()),
            (View::EmbedKit, _) => titled("Embed this check".to_owned()),
            (View::BadLink { .. }, _) => titled("Link could not be opened".to_owned()),
        }
    }
}
