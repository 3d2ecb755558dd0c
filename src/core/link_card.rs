//! The preview cards link crawlers make (Open Graph and Twitter tags): the check's own page and
//! the 16 per-outcome pages a results link points at. One home for their words, so the embed
//! kit shows authors exactly the card a link will make; `index.html` says the same (a test
//! in `tests/kit.rs` holds them together).

use super::content::CURRENT;

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
/// …), or `None` for a slug naming no outcome of the current set.
pub fn outcome_card(slug: &str) -> Option<LinkCard> {
    let image = format!("preview/{slug}.png");
    if slug == "ready" {
        let title = "Ready to scale: all four dimensions pass".to_owned();
        return Some(LinkCard {
            image_alt: title.clone(),
            title,
            description: "This AI pilot passes the essay's Scaling Readiness Test on ownership, data, buy-in and metrics. Take the 6-minute check for yours and compare.".to_owned(),
            image,
        });
    }
    let initials = slug.strip_prefix("not-")?;
    let mut dimensions = CURRENT.dimensions.iter();
    // The initials name dimensions in asking order, each at most once.
    let names: Vec<&str> = initials
        .chars()
        .map(|initial| dimensions.by_ref().find(|d| d.id.starts_with(initial)).map(|d| d.name))
        .collect::<Option<_>>()?;
    let named = match names.as_slice() {
        [] => return None,
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let verb = if names.len() == 1 { "is" } else { "are" };
    let title = format!("Not ready to scale yet: {named} {verb} blocking");
    Some(LinkCard {
        image_alt: title.clone(),
        title,
        description: format!(
            "This AI pilot doesn't pass the essay's Scaling Readiness Test yet: {named} {verb} not a yes. Take the 6-minute check for yours and compare."
        ),
        image,
    })
}
