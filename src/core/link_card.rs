//! The preview cards link crawlers make (Open Graph and Twitter tags): the check's own page and
//! the 16 per-outcome pages a results link points at, so the embed kit shows authors exactly
//! the card a link will make. The check's own words live here (`index.html` says the same, a
//! test in `tests/kit.rs` holds them together); an outcome's are `core::outcome`'s.

use super::content::CURRENT;
use super::outcome::Outcome;

/// What a link's preview card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkCard {
    /// `og:title`.
    pub title: String,
    /// `og:description`.
    pub description: String,
    /// `og:image`, relative to the widget's base.
    pub image: String,
    /// `og:image:alt`.
    pub image_alt: String,
}

/// The check's own page: the link an author shares.
pub fn check_card() -> LinkCard {
    LinkCard {
        title: "Scaling Readiness Check: is your AI pilot ready to scale?".to_owned(),
        description: format!(
            "Ownership, data, buy-in, metrics: a verdict and your next three moves in about {} minutes. Nothing leaves your device.",
            super::content::intro::MINUTES
        ),
        image: "preview/check.png".to_owned(),
        image_alt: "Scaling Readiness Check: four dimensions, ownership, data, buy-in and metrics.".to_owned(),
    }
}

/// A per-outcome page's card, for the slug `Verdict::outcome_slug` writes (`ready`, `not-od`,
/// …), or `None` for a slug naming no outcome of the current set. Its words are the page's own
/// (`core::outcome`, which the build writes into `r/<slug>/`); only the image is the card's.
pub fn outcome_card(slug: &str) -> Option<LinkCard> {
    let outcome = Outcome::from_slug(slug, CURRENT)?;
    let title = outcome.title(CURRENT);
    Some(LinkCard {
        image_alt: title.clone(),
        description: outcome.description(CURRENT),
        image: format!("preview/{slug}.png"),
        title,
    })
}
