//! Rendering a report: verdict first, a chart, each dimension, the next three moves.
//! Used for the reader's own results and, read-only, for a shared result.

use leptos::prelude::*;

use crate::core::scoring::{Band, DimensionResult, Report};

pub use crate::core::scoring::{band_label, join_words};

fn band_class(band: Option<Band>) -> &'static str {
    band.map_or("incomplete", Band::word)
}

/// The verdict block.
#[component]
pub fn VerdictBlock(
    /// The report to sum up.
    report: Report,
    /// Heading level text prefix, e.g. "Your verdict" or "Their verdict".
    title: &'static str,
) -> impl IntoView {
    let headline = report.verdict.headline();
    let sentence = report.verdict_sentence();
    let key = report.verdict.key();
    view! {
        <div id="verdict" class=format!("verdict {key}") data-verdict=key role="status">
            <p class="verdict-title">{title}</p>
            <p class="verdict-headline">{headline}</p>
            <p>{sentence}</p>
            <p class="passing">{format!("{} of {} dimensions pass", report.passing_count(), report.dimensions.len())}</p>
        </div>
    }
}

/// A bar chart of the four dimensions with the pass line; the text alternative lists them.
#[component]
pub fn Chart(
    /// The report to draw.
    report: Report,
) -> impl IntoView {
    let description = report
        .dimensions
        .iter()
        .map(|d| match d.score {
            Some(score) => format!("{} {score} of 100, {}", d.dimension.name, band_class(d.band)),
            None => format!("{} incomplete", d.dimension.name),
        })
        .collect::<Vec<_>>()
        .join("; ");
    let row_height = 34;
    let height = report.dimensions.len() as i32 * row_height + 8;
    let bars = report
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let y = i as i32 * row_height + 4;
            let score = d.score.map_or(0, i32::from);
            let value = d.score.map_or("–".to_owned(), |s| s.to_string());
            // A score rule has a pass mark per dimension (set 1); the essay's test has none.
            let pass_x = crate::core::scoring::pass_mark(d.dimension).map(|pass| 90 + i32::from(pass) * 2);
            view! {
                <g class=format!("bar {}", band_class(d.band))>
                    <text x="0" y=y + 20 class="bar-name">{d.dimension.name}</text>
                    <rect x="90" y=y + 6 width="200" height="18" rx="3" class="bar-track"></rect>
                    <rect x="90" y=y + 6 width=score * 2 height="18" rx="3" class="bar-fill"></rect>
                    <text x="298" y=y + 20 class="bar-value">{value}</text>
                    {pass_x.map(|x| view! { <line x1=x x2=x y1=y + 2 y2=y + 28 class="pass-line"></line> })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 340 {height}") role="img" aria-label=format!("Scores by dimension: {description}.")>
                {bars}
            </svg>
            <figcaption>"Dashed line: each dimension's pass mark."</figcaption>
        </figure>
    }
}

/// One dimension's card: score, band, meaning, fix, tailored advice, "I don't know" call-outs.
#[component]
pub fn DimensionCard(
    /// The dimension's result.
    result: DimensionResult,
    /// Position of the dimension's first question, to edit answers; `None` when read-only.
    edit_from: Option<usize>,
) -> impl IntoView {
    let dimension = result.dimension;
    let meaning = result.meaning;
    let score_text = match result.score {
        Some(score) => format!("{score}/100"),
        None => format!("{} of {} answered", result.answered, result.total),
    };
    let store = edit_from.map(|_| super::app::Store::get());
    view! {
        <article
            class=format!("dimension band-{}", band_class(result.band))
            data-dimension=dimension.id
            data-score=result.score.map(|s| s.to_string()).unwrap_or_default()
            data-band=band_class(result.band)
        >
            <h3>
                <span>{dimension.name}</span>
                <span class="score">{score_text}</span>
                <span class="band">{band_label(result.band)}</span>
            </h3>
            <p class="test-question">{dimension.test_question}</p>
            {meaning.map(|m| view! { <p class="meaning">{m}</p> })}
            {(!result.groups.is_empty())
                .then(|| {
                    view! {
                        <ul class="groups">
                            {result
                                .groups
                                .iter()
                                .map(|g| {
                                    let value = g.score.map_or("incomplete".to_owned(), |s| format!("{s}/100"));
                                    view! { <li>{format!("{}: {value}", g.name)}</li> }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            {(!result.unknowns.is_empty())
                .then(|| {
                    view! {
                        <div class="unknowns">
                            <p>
                                <strong>
                                    {format!(
                                        "You answered \u{201c}I don't know\u{201d} to {} question{}. ",
                                        result.unknowns.len(),
                                        if result.unknowns.len() == 1 { "" } else { "s" },
                                    )}
                                </strong>
                                {result.unknowns.first().and_then(|q| result.unknown_finding(q))}
                            </p>
                            <ul>{result.unknowns.iter().map(|q| view! { <li>{q.prompt}</li> }).collect_view()}</ul>
                        </div>
                    }
                })}
            {(result.band != Some(Band::Yes))
                .then(|| {
                    view! {
                        <div class="fix">
                            <p>
                                <strong>"The fix: "</strong>
                                {dimension.fix}
                            </p>
                            {(!result.advice.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="advice-title">"Based on your answers:"</p>
                                        <ul class="advice">
                                            {result.advice.iter().map(|m| view! { <li>{m.text}</li> }).collect_view()}
                                        </ul>
                                    }
                                })}
                        </div>
                    }
                })}
            {edit_from
                .zip(store)
                .map(|(position, store)| {
                    view! {
                        <button
                            type="button"
                            class="link-button edit"
                            on:click=move |_| store.dispatch(crate::core::session::Action::GoTo(position))
                        >
                            {format!("Edit {} answers", dimension.name)}
                        </button>
                    }
                })}
        </article>
    }
}

/// The whole report: verdict, chart, dimensions, next moves, essay link.
#[component]
pub fn ReportView(
    /// The report.
    report: Report,
    /// Verdict heading, e.g. "Your verdict".
    title: &'static str,
    /// Whether dimension cards offer "edit answers".
    editable: bool,
) -> impl IntoView {
    let set = report.set;
    let cards = report
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let edit_from = editable.then(|| set.first_position(i));
            view! { <DimensionCard result=d.clone() edit_from=edit_from/> }
        })
        .collect_view();
    let moves = report.next_moves.clone();
    view! {
        <VerdictBlock report=report.clone() title=title/>
        <Chart report=report.clone()/>
        <h2>"The next three moves"</h2>
        {if moves.is_empty() {
            view! { <p id="next-moves" class="moves">"Answer the open questions to get your next moves."</p> }.into_any()
        } else {
            view! { <ol id="next-moves" class="moves">{moves.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ol> }
                .into_any()
        }}
        <h2>"By dimension"</h2>
        <div class="dimensions">{cards}</div>
        <p class="essay">
            "The full argument: "
            <a href=set.essay_url rel="noopener" target="_blank">
                "From Pilot to Production: Why Most AI Projects Never Scale"
            </a>
        </p>
    }
}
