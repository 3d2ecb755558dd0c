//! A report, drawn: verdict first, a chart, each dimension, the next three moves; and two
//! reports side by side. Used by the reader's own results and, read-only, by a shared result.

use leptos::prelude::*;

use super::store::use_app_state;
use crate::core::compare::differences;
use crate::core::content::{CURRENT, YesRule};
use crate::core::scoring::{Band, DimensionResult, Report, band_label, pass_mark, yes_rule_sentence};
use crate::core::session::Action;

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
    let headline = report.headline();
    let sentence = report.verdict_sentence();
    let not_covered = report.not_covered();
    let key = report.verdict.key();
    let earlier = report.set.id != CURRENT.id;
    view! {
        <div id="verdict" class=format!("verdict {key}") data-verdict=key data-set=report.set.id.to_string() role="status">
            <p class="verdict-title">{title}</p>
            <p class="verdict-headline">{headline}</p>
            <p>{sentence}</p>
            {not_covered.map(|text| view! { <p id="not-covered" class="note">{text}</p> })}
            <p class="passing">{format!("{} of {} dimensions pass", report.passing_count(), report.dimensions.len())}</p>
            <p class="rule">{yes_rule_sentence(report.set)}</p>
            {earlier.then(|| view! { <p id="earlier-version" class="note">"Taken with an earlier version of the check: its questions and its rule for a yes differ from today's."</p> })}
        </div>
    }
}

/// A bar chart of the four dimensions (with the pass mark where a score decides the yes); the
/// text alternative lists them.
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
    let has_pass_marks = report.dimensions.iter().any(|d| pass_mark(d.dimension).is_some());
    let bars = report
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let y = i as i32 * row_height + 4;
            let score = d.score.map_or(0, i32::from);
            let value = d.score.map_or("–".to_owned(), |s| s.to_string());
            let pass_x = pass_mark(d.dimension).map(|pass| 90 + i32::from(pass) * 2);
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
    let caption = if has_pass_marks {
        "Dashed line: each dimension's pass mark."
    } else {
        "Bars show each dimension's score; the verdict follows the essay's test, not the length of a bar."
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 340 {height}") role="img" aria-label=format!("Scores by dimension: {description}.")>
                {bars}
            </svg>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// One dimension's card: score, band, what it means, what holds it back, "I don't know"
/// findings, the fix and the advice for the reader's own answers.
#[component]
pub fn DimensionCard(
    /// The dimension's result.
    result: DimensionResult,
    /// Position of the dimension's first question, to edit answers; `None` when read-only.
    edit_from: Option<usize>,
) -> impl IntoView {
    let dimension = result.dimension;
    let score_text = match result.score {
        Some(score) => format!("{score}/100"),
        None => format!("{} of {} answered", result.answered, result.total),
    };
    let state = edit_from.map(|_| use_app_state());
    // Set 3 on: every answer that is not a yes, in the reader's words, with its own fix right
    // under it (the card's advice list would repeat the same texts, so it is left out).
    let literal = result.dimension.rule == YesRule::Literal;
    let holding_back = (!result.holding_back.is_empty()).then(|| {
        let items = result
            .holding_back
            .iter()
            .map(|b| {
                let fix = b.advice().filter(|_| literal);
                view! {
                    <li>
                        {format!("{}: \u{201c}{}\u{201d}", b.question.short, b.answer_text())}
                        {fix.map(|f| view! { <span class="blocker-fix">" " {f}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="holding-back">
                <p class="advice-title">"What keeps it from a yes:"</p>
                <ul>{items}</ul>
            </div>
        }
    });
    // Set 1 has one "I don't know" finding per dimension; later sets one per question. A
    // finding already shown as the card's meaning is not repeated.
    let unknowns = (!result.unknowns.is_empty()).then(|| {
        let count = result.unknowns.len();
        let shared_finding = dimension.unknown_finding;
        let items = result
            .unknowns
            .iter()
            .map(|q| {
                let finding = q.unknown.as_ref().map(|u| u.finding).filter(|f| Some(*f) != result.meaning);
                view! {
                    <li>
                        <span class="unknown-question">{q.prompt}</span>
                        {finding.map(|f| view! { " " <span>{f}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="unknowns">
                <p>
                    <strong>
                        {format!("You answered \u{201c}I don't know\u{201d} to {count} question{}. ", if count == 1 { "" } else { "s" })}
                    </strong>
                    {shared_finding}
                </p>
                <ul>{items}</ul>
            </div>
        }
    });
    let passes = result.band == Some(Band::Yes);
    // A yes card's claims after its first (the meaning), each backed by the reader's yes answers.
    let claims = (result.claims.len() > 1).then(|| {
        view! { <ul class="claims">{result.claims[1..].iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul> }
    });
    let not_applicable = (!result.not_applicable.is_empty()).then(|| {
        let names: Vec<&str> = result.not_applicable.iter().map(|q| q.short).collect();
        view! { <p class="not-applicable">{format!("Not applicable here: {}.", names.join(", "))}</p> }
    });
    let advice = (!result.advice.is_empty() && !literal).then(|| {
        view! {
            <p class="advice-title">{if passes { "To make it stronger:" } else { "Based on your answers:" }}</p>
            <ul class="advice">{result.advice.iter().map(|m| view! { <li>{m.text}</li> }).collect_view()}</ul>
        }
    });
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
            {result.meaning.map(|m| view! { <p class="meaning">{m}</p> })}
            {claims}
            {holding_back}
            {not_applicable}
            {unknowns}
            {(!passes)
                .then(|| {
                    view! {
                        <div class="fix">
                            <p>
                                <strong>"The fix: "</strong>
                                {dimension.fix}
                            </p>
                        </div>
                    }
                })}
            {advice}
            {edit_from
                .zip(state)
                .map(|(position, state)| {
                    view! {
                        <button type="button" class="link-button edit" on:click=move |ev| state.act(&ev, Action::GoTo(position))>
                            {format!("Edit {} answers", dimension.name)}
                        </button>
                    }
                })}
        </article>
    }
}

/// The whole report: verdict, chart, next moves, dimensions, essay link.
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
