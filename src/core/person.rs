//! Whose results a text speaks about: the reader's own ("your answers") or someone else's
//! ("their answers"), for every text a result shows.
//!
//! The content is written to the reader about their own pilot. A shared result shows the same
//! texts about someone else's pilot, so they are put in the third person here, in one place,
//! rather than written twice in every question set (published sets are frozen, and a second
//! copy of every text would drift). `tests/person.rs` runs every text of every set through it.

use std::borrow::Cow;

/// Whose results are on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Person {
    /// The reader's own results: the texts as written ("you", "your").
    #[default]
    Own,
    /// Someone else's results, opened from a link: "they", "their".
    Their,
}

/// Words before which "you" is an object ("it can't tell you", "for you"), so it becomes
/// "them"; anywhere else it is a subject ("if you don't know", "before you scale") and becomes
/// "they", which takes the same verb forms as "you".
const OBJECT_AFTER: &[&str] = &[
    "tell", "tells", "told", "show", "shows", "give", "gives", "help", "helps", "let", "lets", "ask", "asks", "cost",
    "costs", "keep", "keeps", "to", "for", "with", "at", "from", "about", "of", "by", "on", "without", "against",
];

impl Person {
    /// A text as it reads for this person: unchanged for the reader's own results, in the
    /// third person for someone else's.
    pub fn say(self, text: &str) -> Cow<'_, str> {
        match self {
            Person::Own => Cow::Borrowed(text),
            Person::Their if !mentions_you(text) => Cow::Borrowed(text),
            Person::Their => Cow::Owned(third_person(text)),
        }
    }

    /// Picks the text written for this person where both are written out.
    pub fn pick(self, own: &'static str, their: &'static str) -> &'static str {
        match self {
            Person::Own => own,
            Person::Their => their,
        }
    }

    /// "your" or "their".
    pub fn possessive(self) -> &'static str {
        self.pick("your", "their")
    }
}

/// Whether a text has a second-person word ("you", "your", "you'd", "yourself", …).
pub fn mentions_you(text: &str) -> bool {
    words(text).any(|(_, word)| second_person(word).is_some())
}

/// The third person of a second-person word, given whether "you" is an object there.
fn second_person(word: &str) -> Option<fn(bool) -> &'static str> {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    Some(match lower.as_str() {
        "you" => |object| if object { "them" } else { "they" },
        "your" => |_| "their",
        "yours" => |_| "theirs",
        "yourself" | "yourselves" => |_| "themselves",
        "you're" => |_| "they're",
        "you've" => |_| "they've",
        "you'd" => |_| "they'd",
        "you'll" => |_| "they'll",
        _ => return None,
    })
}

/// The words of a text with their byte offsets (letters and apostrophes).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphabetic() || c == '\'' || c == '\u{2019}';
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| is_word(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// The text with every second-person word in the third person, capitals kept.
fn third_person(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    let mut previous: Option<&str> = None;
    for (start, word) in words(text) {
        if let Some(replace) = second_person(word) {
            // A word right before, with nothing but spaces between, decides subject or object.
            let joined = previous.is_some_and(|p| text[..start].trim_end().ends_with(p));
            let object = joined && previous.is_some_and(|p| OBJECT_AFTER.contains(&p.to_lowercase().as_str()));
            let mut third = replace(object).to_owned();
            if word.starts_with(char::is_uppercase) {
                third = capitalise(&third);
            }
            out.push_str(&text[copied..start]);
            out.push_str(&third);
            copied = start + word.len();
        }
        previous = Some(word);
    }
    out.push_str(&text[copied..]);
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
