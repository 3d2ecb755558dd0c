//! A report, drawn: what a reader came for first (verdict, the four dimensions at a glance,
//! the next three moves), then each dimension behind a disclosure; and two reports side by
//! side. Used by the reader's own results and, read-only and in the third person, by a shared
//! result.

use leptos::prelude::*;

use super::store::use_app_state;
use crate::core::answers::Answer;
use crate::core::answers::Answers;
use crate::core::compare::differences;
use crate::core::content::{CURRENT, Question, YesRule};
use crate::core::person::Person;
use crate::core::scoring::{Band, DimensionResult, Report, UNKNOWN_TEXT, band_label, pass_mark, yes_rule_sentence};
use crate::core::session::Action;
use crate::core::share_text::MemoHeader;

fn band_class(band: Option<Band>) -> &'static str {
    band.map_or("incomplete", Band::word)
}

/// The verdict block.
#[component]
pub fn VerdictBlock(
    /// The report to sum up.
    report: Report,
    /// Whose verdict: "Your verdict" or "Their verdict".
    person: Person,
) -> impl IntoView {
    let headline = report.headline();
    let sentence = report.verdict_sentence();
    let not_covered = report.not_covered();
    let key = report.verdict.key();
    let earlier = report.set.id != CURRENT.id;
    view! {
        <div id="verdict" class=format!("verdict {key}") data-verdict=key data-set=report.set.id.to_string() role="status">
            <p class="verdict-title">{person.pick("Your verdict", "Their verdict")}</p>
            <p class="verdict-headline">{headline}</p>
            <p>{sentence}</p>
            {not_covered.map(|text| view! { <p id="not-covered" class="note">{text}</p> })}
            <p class="passing">{format!("{} of {} dimensions pass", report.passing_count(), report.dimensions.len())}</p>
            {earlier.then(|| view! { <p id="earlier-version" class="note">"Taken with an earlier version of the check: its questions and its rule for a yes differ from today's."</p> })}
        </div>
    }
}

/// The four dimensions at a glance: one row each with its name, score, band and a bar. Plain
/// text in the page's own size, on screen and in print (a drawing's text scaled with its width).
#[component]
pub fn Glance(
    /// The report to draw.
    report: Report,
) -> impl IntoView {
    let rows = report
        .dimensions
        .iter()
        .map(|d| {
            let score = d.score.map_or("–".to_owned(), |s| format!("{s}/100"));
            let width = format!("{}%", d.score.unwrap_or(0));
            let pass = pass_mark(d.dimension).map(|p| format!("{p}%"));
            view! {
                <li class=format!("glance-row {}", band_class(d.band)) data-dimension=d.dimension.id data-band=band_class(d.band)>
                    <span class="glance-name">{d.dimension.name}</span>
                    <span class="glance-score">{score}</span>
                    <span class="glance-band">{band_label(d.band)}</span>
                    // The bar repeats the score: hidden from assistive technology. Widths are set
                    // through the CSSOM, which the page's CSP allows.
                    <span class="glance-bar" aria-hidden="true">
                        <span class="glance-fill" style:width=width></span>
                        {pass.map(|left| view! { <span class="glance-pass" style:left=left></span> })}
                    </span>
                </li>
            }
        })
        .collect_view();
    let caption = report
        .dimensions
        .iter()
        .any(|d| pass_mark(d.dimension).is_some())
        .then_some("The mark on each bar: the dimension's pass mark.");
    view! {
        <div id="glance" class="glance">
            <ul aria-label="Each dimension">{rows}</ul>
            {caption.map(|c| view! { <p class="glance-caption">{c}</p> })}
        </div>
    }
}

/// The next three moves.
#[component]
pub fn Moves(
    /// The report.
    report: Report,
    /// Whose moves.
    person: Person,
) -> impl IntoView {
    let moves = report.next_moves;
    view! {
        <h2 id="moves-heading">{person.pick("Your next three moves", "Their next three moves")}</h2>
        {if moves.is_empty() {
            let text = person.pick(
                "Answer the open questions to get your next moves.",
                "Their next moves come once all the questions are answered.",
            );
            view! { <p id="next-moves" class="moves">{text}</p> }.into_any()
        } else {
            view! { <ol id="next-moves" class="moves">{moves.into_iter().map(|m| view! { <li>{person.say(m).into_owned()}</li> }).collect_view()}</ol> }
                .into_any()
        }}
    }
}

/// What the reader came for: the verdict, the four dimensions at a glance, the next moves.
#[component]
pub fn Summary(
    /// The report.
    report: Report,
    /// Whose results.
    person: Person,
) -> impl IntoView {
    view! {
        <VerdictBlock report=report.clone() person=person/>
        <Glance report=report.clone()/>
        <Moves report=report person=person/>
    }
}

/// What an answer said, for the list of every answer on a card.
fn answer_text(question: &Question, answer: Answer) -> &'static str {
    match answer {
        Answer::DontKnow => UNKNOWN_TEXT,
        Answer::Level(level) => question.options.get(usize::from(level)).map_or("", |o| o.text),
    }
}

/// One dimension's card: its name, score and band, and the answers that keep it from a yes
/// (set 3 on: each with its own fix), always visible; behind a disclosure what it means, a yes
/// card's claims, every answer given, what is not applicable, the "I don't know" findings, the
/// fix and the advice for the answers given (less the next moves, already on top). Print opens it.
#[component]
pub fn DimensionCard(
    /// The dimension's result.
    result: DimensionResult,
    /// Position of the dimension's first question, to edit answers; `None` when read-only.
    edit_from: Option<usize>,
    /// Whose results.
    person: Person,
    /// The next moves shown on top, not repeated here.
    #[prop(optional)]
    shown_moves: Vec<&'static str>,
    /// Every question of the dimension with its answer, for the list of answers.
    #[prop(optional)]
    given: Vec<(&'static Question, Option<Answer>)>,
) -> impl IntoView {
    let dimension = result.dimension;
    let say = move |text: &str| person.say(text).into_owned();
    let score_text = match result.score {
        Some(score) => format!("{score}/100"),
        None => format!("{} of {} answered", result.answered, result.total),
    };
    let state = edit_from.map(|_| use_app_state());
    let open = RwSignal::new(false);
    let details_id = format!("details-{}", dimension.id);
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
                        {format!("{}: \u{201c}{}\u{201d}", say(b.question.short), b.answer_text())}
                        {fix.map(|f| view! { <span class="blocker-fix">" " {say(f)}</span> })}
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
        let shared_finding = dimension.unknown_finding.map(say);
        let items = result
            .unknowns
            .iter()
            .map(|q| {
                let finding = q.unknown.as_ref().map(|u| u.finding).filter(|f| Some(*f) != result.meaning).map(say);
                view! {
                    <li>
                        <span class="unknown-question">{say(q.prompt)}</span>
                        {finding.map(|f| view! { " " <span>{f}</span> })}
                    </li>
                }
            })
            .collect_view();
        let who = person.pick("You", "They");
        view! {
            <div class="unknowns">
                <p>
                    <strong>
                        {format!("{who} answered \u{201c}I don't know\u{201d} to {count} question{}. ", if count == 1 { "" } else { "s" })}
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
        view! { <ul class="claims">{result.claims[1..].iter().map(|c| view! { <li>{say(c)}</li> }).collect_view()}</ul> }
    });
    let not_applicable = (!result.not_applicable.is_empty()).then(|| {
        let names: Vec<&str> = result.not_applicable.iter().map(|q| q.short).collect();
        view! { <p class="not-applicable">{format!("Not applicable here: {}.", names.join(", "))}</p> }
    });
    let advice: Vec<&'static str> = if literal {
        Vec::new()
    } else {
        result.advice.iter().map(|m| m.text).filter(|text| !shown_moves.contains(text)).collect()
    };
    let advice = (!advice.is_empty()).then(|| {
        let title = match (passes, person) {
            (true, _) => "To make it stronger:",
            (false, Person::Own) => "Based on your answers:",
            (false, Person::Their) => "Based on their answers:",
        };
        view! {
            <p class="advice-title">{title}</p>
            <ul class="advice">{advice.into_iter().map(|text| view! { <li>{say(text)}</li> }).collect_view()}</ul>
        }
    });
    let answers = (!given.is_empty()).then(|| {
        let items = given
            .iter()
            .map(|(q, a)| {
                let said = a.map_or("not answered", |a| answer_text(q, a));
                // The answers that keep the dimension from a yes are marked (the list above them
                // is left out of print, where this one says it all).
                let blocks = result.holding_back.iter().any(|b| std::ptr::eq(b.question, *q));
                view! {
                    <li class:blocks=blocks>
                        {format!("{}: \u{201c}{}\u{201d}", say(q.short), said)}
                        {blocks.then_some(" (keeps it from a yes)")}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="advice-title">{person.pick("Your answers:", "Their answers:")}</p>
            <ul class="all-answers">{items}</ul>
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
            {holding_back}
            <button
                type="button"
                class="link-button disclosure"
                aria-expanded=move || open.get().to_string()
                aria-controls=details_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {format!("Details on {}", dimension.name)}
            </button>
            // Collapsed by a class, not by `hidden`, so the printed memo can show every detail.
            <div id=details_id class="details" class:collapsed=move || !open.get()>
                <p class="test-question">{say(dimension.test_question)}</p>
                {result.meaning.map(|m| view! { <p class="meaning">{say(m)}</p> })}
                {claims}
                {answers}
                {not_applicable}
                {unknowns}
                {(!passes)
                    .then(|| {
                        view! {
                            <div class="fix">
                                <p>
                                    <strong>"The fix: "</strong>
                                    {say(dimension.fix)}
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
            </div>
        </article>
    }
}

/// Each dimension in detail, the rule for a yes, and the essay link.
#[component]
pub fn Details(
    /// The report.
    report: Report,
    /// Whose results.
    person: Person,
    /// Whether dimension cards offer "edit answers".
    editable: bool,
    /// The answers the report was made from, listed on each card.
    answers: Answers,
) -> impl IntoView {
    let set = report.set;
    let shown_moves = report.next_moves.clone();
    let cards = report
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let first = set.first_position(i);
            let edit_from = editable.then_some(first);
            let given = d.dimension.questions.iter().enumerate().map(|(k, q)| (q, answers.get(first + k))).collect::<Vec<_>>();
            view! { <DimensionCard result=d.clone() edit_from=edit_from person=person shown_moves=shown_moves.clone() given=given/> }
        })
        .collect_view();
    view! {
        <h2 id="dimensions-heading">"By dimension"</h2>
        <p class="rule">{yes_rule_sentence(set, person)}</p>
        <div class="dimensions">{cards}</div>
        <p class="essay">
            "The full argument: "
            <a href=set.essay_url rel="noopener" target="_blank">
                "From Pilot to Production: Why Most AI Projects Never Scale"
            </a>
        </p>
    }
}

/// The whole report in one piece (a run offered by a link): summary, then details.
#[component]
pub fn ReportView(
    /// The report.
    report: Report,
    /// Whose results.
    person: Person,
    /// Whether dimension cards offer "edit answers".
    editable: bool,
    /// The answers the report was made from.
    answers: Answers,
) -> impl IntoView {
    view! {
        <Summary report=report.clone() person=person/>
        <Details report=report person=person editable=editable answers=answers/>
    }
}

/// The printed memo's heading: the check, the date, the pilot, the link. Print only.
#[component]
pub fn MemoHead(
    /// What it says.
    #[prop(into)]
    header: Signal<MemoHeader>,
) -> impl IntoView {
    view! {
        <div id="memo-head" class="print-only memo-head">
            <p class="memo-title">{move || header.get().title}</p>
            <p>
                <span id="memo-date">{move || header.get().date}</span>
                " · "
                <bdi id="memo-pilot">{move || header.get().pilot}</bdi>
            </p>
            <p class="memo-link">"Results link: " <span id="memo-link">{move || header.get().link}</span></p>
        </div>
    }
}

/// "Print or save as PDF".
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button id="print" type="button" class="secondary" on:click=|_| crate::shell::print()>
            "Print or save as PDF"
        </button>
    }
}

/// The two verdicts side by side at the top of a screen, with a way to the detail below.
#[component]
pub fn CompareSummary(
    /// The reader's report.
    mine: Report,
    /// The other report.
    theirs: Report,
    /// The other result's label (plain text).
    their_label: String,
) -> impl IntoView {
    let who = if their_label.is_empty() { "Theirs".to_owned() } else { format!("Theirs ({their_label})") };
    let side = |id: &'static str, whose: String, report: &Report| {
        let key = report.verdict.key();
        view! {
            <div id=id class=format!("side verdict {key}") data-verdict=key>
                <p class="verdict-title"><bdi>{whose}</bdi></p>
                <p class="side-headline">{report.headline()}</p>
                <p>{format!("{} of {} dimensions pass", report.passing_count(), report.dimensions.len())}</p>
            </div>
        }
    };
    view! {
        <section id="compare-summary" class="compare-summary" aria-labelledby="compare-summary-heading">
            <h2 id="compare-summary-heading">"Side by side"</h2>
            <div class="sides">
                {side("compare-mine", "Yours".to_owned(), &mine)}
                {side("compare-theirs", who, &theirs)}
            </div>
            <button
                id="to-compare"
                type="button"
                class="link-button"
                on:click=|_| crate::shell::focus_by_id("compare-heading")
            >
                "Dimension by dimension, and where you differ"
            </button>
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
            <h2 id="compare-heading" tabindex="-1">"Dimension by dimension"</h2>
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
                        <td data-verdict=mine.verdict.key()>{mine.headline()}</td>
                        <td data-verdict=theirs.verdict.key()>{theirs.headline()}</td>
                    </tr>
                </tbody>
            </table>
            <ul id="differences">{differences.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
        </section>
    }
}
