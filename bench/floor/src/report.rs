//! The report, ported feature for feature from `src/ui/report.rs` (verdict block, SVG chart
//! with its text alternative, dimension cards with meaning, groups, "I don't know" call-outs,
//! fix and advice, edit buttons, next moves, essay link) onto the DOM layer.

use reactive_graph::signal::RwSignal;
use reactive_graph::traits::Update;
use readiness_check::core::scoring::{Band, DimensionResult, Report, band_label};
use readiness_check::core::session::{Action, Session};

use crate::dom::{El, el, svg};

fn band_class(band: Option<Band>) -> &'static str {
    band.map_or("incomplete", Band::word)
}

fn verdict_block(report: &Report, title: &str) -> El {
    let headline = report.verdict.headline();
    let sentence = report.verdict_sentence();
    let key = report.verdict.key();
    el("div")
        .id("verdict")
        .class(&format!("verdict {key}"))
        .attr("data-verdict", key)
        .attr("role", "status")
        .child(el("p").class("verdict-title").text(title))
        .child(el("p").class("verdict-headline").text(headline))
        .child(el("p").text(&sentence))
        .child(el("p").class("passing").text(&format!(
            "{} of {} dimensions pass",
            report.passing_count(),
            report.dimensions.len()
        )))
}

fn chart(report: &Report) -> El {
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
    let mut graphic = svg("svg")
        .attr("viewBox", &format!("0 0 340 {height}"))
        .attr("role", "img")
        .attr("aria-label", &format!("Scores by dimension: {description}."));
    for (i, d) in report.dimensions.iter().enumerate() {
        let y = i as i32 * row_height + 4;
        let score = d.score.map_or(0, i32::from);
        let value = d.score.map_or("–".to_owned(), |s| s.to_string());
        let pass_x = (90 + i32::from(d.dimension.pass) * 2).to_string();
        let rect = |width: &str, class: &str| {
            svg("rect")
                .attr("x", "90")
                .attr("y", &(y + 6).to_string())
                .attr("width", width)
                .attr("height", "18")
                .attr("rx", "3")
                .class(class)
        };
        graphic = graphic.child(
            svg("g")
                .class(&format!("bar {}", band_class(d.band)))
                .child(
                    svg("text")
                        .attr("x", "0")
                        .attr("y", &(y + 20).to_string())
                        .class("bar-name")
                        .text(d.dimension.name),
                )
                .child(rect("200", "bar-track"))
                .child(rect(&(score * 2).to_string(), "bar-fill"))
                .child(svg("text").attr("x", "298").attr("y", &(y + 20).to_string()).class("bar-value").text(&value))
                .child(
                    svg("line")
                        .attr("x1", &pass_x)
                        .attr("x2", &pass_x)
                        .attr("y1", &(y + 2).to_string())
                        .attr("y2", &(y + 28).to_string())
                        .class("pass-line"),
                ),
        );
    }
    el("figure").class("chart").child(graphic).child(el("figcaption").text("Dashed line: each dimension's pass mark."))
}

fn list(class: Option<&str>, items: &mut dyn Iterator<Item = String>) -> El {
    let mut list = el("ul");
    if let Some(class) = class {
        list = list.class(class);
    }
    for item in items {
        list = list.child(el("li").text(&item));
    }
    list
}

fn dimension_card(session: RwSignal<Session>, result: &DimensionResult, edit_from: Option<usize>) -> El {
    let dimension = result.dimension;
    let score_text = match result.score {
        Some(score) => format!("{score}/100"),
        None => format!("{} of {} answered", result.answered, result.total),
    };
    let groups = (!result.groups.is_empty()).then(|| {
        list(
            Some("groups"),
            &mut result.groups.iter().map(|g| {
                let value = g.score.map_or("incomplete".to_owned(), |s| format!("{s}/100"));
                format!("{}: {value}", g.name)
            }),
        )
    });
    let unknowns = (!result.unknowns.is_empty()).then(|| {
        let count = result.unknowns.len();
        el("div")
            .class("unknowns")
            .child(
                el("p")
                    .child(el("strong").text(&format!(
                        "You answered \u{201c}I don't know\u{201d} to {count} question{}. ",
                        if count == 1 { "" } else { "s" }
                    )))
                    .text(dimension.unknown_finding),
            )
            .child(list(None, &mut result.unknowns.iter().map(|q| q.prompt.to_owned())))
    });
    let fix = (result.band != Some(Band::Yes)).then(|| {
        let mut fix = el("div").class("fix").child(el("p").child(el("strong").text("The fix: ")).text(dimension.fix));
        if !result.advice.is_empty() {
            fix = fix
                .child(el("p").class("advice-title").text("Based on your answers:"))
                .child(list(Some("advice"), &mut result.advice.iter().map(|m| m.text.to_owned())));
        }
        fix
    });
    let edit = edit_from.map(|position| {
        el("button")
            .attr("type", "button")
            .class("link-button edit")
            .text(&format!("Edit {} answers", dimension.name))
            .on("click", Box::new(move |_| session.update(|s| s.apply(Action::GoTo(position)))))
    });
    el("article")
        .class(&format!("dimension band-{}", band_class(result.band)))
        .attr("data-dimension", dimension.id)
        .attr("data-score", &result.score.map(|s| s.to_string()).unwrap_or_default())
        .attr("data-band", band_class(result.band))
        .child(
            el("h3")
                .child(el("span").text(dimension.name))
                .child(el("span").class("score").text(&score_text))
                .child(el("span").class("band").text(band_label(result.band))),
        )
        .child(el("p").class("test-question").text(dimension.test_question))
        .child_if(result.band.map(|b| el("p").class("meaning").text(dimension.band_meaning[b.meaning_index()])))
        .child_if(groups)
        .child_if(unknowns)
        .child_if(fix)
        .child_if(edit)
}

/// The whole report: verdict, chart, dimensions, next moves, essay link.
pub fn report_view(session: RwSignal<Session>, report: &Report, title: &str, editable: bool) -> El {
    let set = report.set;
    let mut cards = el("div").class("dimensions");
    for (i, d) in report.dimensions.iter().enumerate() {
        cards = cards.child(dimension_card(session, d, editable.then(|| set.first_position(i))));
    }
    let moves = if report.next_moves.is_empty() {
        el("p").id("next-moves").class("moves").text("Answer the open questions to get your next moves.")
    } else {
        let mut moves = el("ol").id("next-moves").class("moves");
        for step in &report.next_moves {
            moves = moves.child(el("li").text(step));
        }
        moves
    };
    el("section")
        .id("results")
        .child(verdict_block(report, title))
        .child(chart(report))
        .child(el("h2").text("The next three moves"))
        .child(moves)
        .child(el("h2").text("By dimension"))
        .child(cards)
        .child(
            el("p").class("essay").text("The full argument: ").child(
                el("a")
                    .attr("href", set.essay_url)
                    .attr("rel", "noopener")
                    .attr("target", "_blank")
                    .text("From Pilot to Production: Why Most AI Projects Never Scale"),
            ),
        )
}
