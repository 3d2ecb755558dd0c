//! Someone else's results: read-only, marked as shared, with "take the check yourself",
//! a side-by-side comparison once the visitor has results, and the bad-link message.

use leptos::prelude::*;

use super::app::Store;
use super::report::{ReportView, band_label, join_words};
use crate::core::scoring::{Band, Report};
use crate::core::session::{Action, Step};
use crate::core::share_code::{DecodeError, SharedResult};

/// A shared result, read-only.
#[component]
pub fn SharedView(
    /// The decoded result.
    result: SharedResult,
) -> impl IntoView {
    let store = Store::get();
    let theirs = Report::new(&result.answers);
    let own_complete = store.session.with_untracked(|s| s.answers.is_complete());
    let own_report = store.session.with_untracked(|s| own_complete.then(|| Report::new(&s.answers)));
    let own_progress = store.session.with_untracked(|s| s.has_progress());
    let label = result.label.clone();
    let heading = if label.is_empty() { "Shared results".to_owned() } else { "Shared results: ".to_owned() };
    view! {
        <section id="shared" aria-labelledby="screen-heading">
            <div id="shared-banner" class="banner" role="note">
                <p>"These are someone else's results, opened from a link. They are read-only and are not mixed with your own answers."</p>
            </div>
            <h1 id="screen-heading" tabindex="-1">
                {heading}
                {(!label.is_empty()).then(|| view! { <bdi id="shared-label" class="label">{label.clone()}</bdi> })}
            </h1>
            <div class="actions">
                <button
                    id="take-check"
                    type="button"
                    class="primary"
                    on:click=move |_| store.dispatch(Action::TakeCheckAndCompare)
                >
                    {if own_complete {
                        "See your results side by side"
                    } else if own_progress {
                        "Continue your own check"
                    } else {
                        "Take the check yourself"
                    }}
                </button>
            </div>
            {own_report
                .map(|mine| {
                    view! { <CompareView mine=mine theirs=theirs.clone() their_label=result.label.clone()/> }
                })}
            <ReportView report=theirs.clone() title="Their verdict" editable=false/>
        </section>
    }
}

/// Side-by-side comparison of the reader's results and a shared one, with the differences
/// named in words.
#[component]
pub fn CompareView(
    /// The reader's report.
    mine: Report,
    /// The shared report.
    theirs: Report,
    /// The shared result's label (plain text).
    their_label: String,
) -> impl IntoView {
    let who = if their_label.is_empty() { "Theirs".to_owned() } else { format!("Theirs ({their_label})") };
    let rows = mine
        .dimensions
        .iter()
        .map(|d| {
            let other = theirs.dimensions.iter().find(|t| t.dimension.id == d.dimension.id);
            let score = |s: Option<u8>| s.map_or("–".to_owned(), |v| v.to_string());
            view! {
                <tr data-dimension=d.dimension.id>
                    <th scope="row">{d.dimension.name}</th>
                    <td>{format!("{} · {}", score(d.score), band_label(d.band))}</td>
                    <td>{other.map(|o| format!("{} · {}", score(o.score), band_label(o.band))).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let differences = differences(&mine, &theirs);
    view! {
        <section id="compare" class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Side by side"</h2>
            <table>
                <thead>
                    <tr>
                        <th scope="col">"Dimension"</th>
                        <th scope="col">"Yours"</th>
                        <th scope="col"><bdi>{who}</bdi></th>
                    </tr>
                </thead>
                <tbody>
                    {rows}
                    <tr class="verdict-row">
                        <th scope="row">"Verdict"</th>
                        <td data-verdict=mine.verdict.key()>{mine.verdict.headline()}</td>
                        <td data-verdict=theirs.verdict.key()>{theirs.verdict.headline()}</td>
                    </tr>
                </tbody>
            </table>
            <ul id="differences">{differences.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
        </section>
    }
}

/// The differences between two reports, in words.
fn differences(mine: &Report, theirs: &Report) -> Vec<String> {
    let mut lines = Vec::new();
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

/// The message for a link that could not be read: what is wrong and a way forward.
#[component]
pub fn BadLink(
    /// Whether the link was a team link.
    team: bool,
    /// Why it could not be read.
    error: DecodeError,
) -> impl IntoView {
    let store = Store::get();
    let what = if team { "team link" } else { "results link" };
    let reason = match error {
        DecodeError::Empty => format!("This {what} is empty: the results part is missing."),
        DecodeError::Truncated => format!("This {what} is incomplete: it was probably cut off when it was copied."),
        DecodeError::TooLong => format!("This {what} is longer than any real one: something was added to it."),
        DecodeError::Damaged => format!("This {what} is damaged: some characters were changed when it was copied."),
        DecodeError::NewerFormat | DecodeError::UnknownQuestionSet => {
            format!("This {what} was made by a newer version of the check than this page. Try opening it again later.")
        }
    };
    let has_progress = store.session.with_untracked(|s| s.has_progress());
    view! {
        <section id="link-error" data-error=error.kind() aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"We couldn't open these results"</h1>
            <p>{reason}</p>
            <p>"Ask whoever shared it to copy the whole link again. Meanwhile, you can take the check yourself."</p>
            <div class="actions">
                <button
                    id="take-check"
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        store.dispatch(Action::ShowOwn);
                        if store.session.with_untracked(|s| s.step == Step::Intro) {
                            store.dispatch(Action::Start);
                        }
                    }
                >
                    {if has_progress { "Continue your own check" } else { "Take the check yourself" }}
                </button>
            </div>
        </section>
    }
}
