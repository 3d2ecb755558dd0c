//! Two results side by side: the differences in words, dimension by dimension.
//!
//! Results taken with different question sets are compared by dimension (the four dimensions
//! are the same in every set), never question by question, and the comparison says so.

use super::scoring::{Band, Report, join_words};

/// A name or label in a sentence, isolated so that right-to-left text cannot reorder the words
/// around it (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE).
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// The differences between the reader's report and someone else's, in words.
pub fn differences(mine: &Report, theirs: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    if mine.set.id != theirs.set.id {
        lines.push(
            "You answered different versions of the check, so this compares the four dimensions, not the questions."
                .to_owned(),
        );
    }
    let mut same = Vec::new();
    for d in &mine.dimensions {
        let Some(other) = theirs.dimensions.iter().find(|t| t.dimension.id == d.dimension.id) else { continue };
        match (d.score, other.score) {
            (Some(a), Some(b)) if d.band != other.band => lines.push(format!(
                "{}: you say {} ({a}), they say {} ({b}).",
                d.dimension.name,
                d.band.map_or("–", Band::word),
                other.band.map_or("–", Band::word)
            )),
            (Some(a), Some(b)) if a.abs_diff(b) >= 15 => lines.push(format!(
                "{}: same band, but you score it {} points {}.",
                d.dimension.name,
                a.abs_diff(b),
                if a > b { "higher" } else { "lower" }
            )),
            (Some(_), Some(_)) => same.push(d.dimension.name),
            _ => lines.push(format!("{}: one of you has not finished it.", d.dimension.name)),
        }
    }
    if !same.is_empty() {
        lines.push(format!("You see {} much the same way.", join_words(&same)));
    }
    lines
}
