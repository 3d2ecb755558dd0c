//! The question screen, ported feature for feature from `src/ui/question.rs` (radio group
//! with legend, progress text and bar, Back / Back to results / Next-Skip-See results, Enter
//! from a radio goes on) onto the DOM layer: the measurement of one real screen's cost.

use reactive_graph::signal::RwSignal;
use reactive_graph::traits::{Update, With};
use readiness_check::core::answers::Answer;
use readiness_check::core::session::{Action, Session};
use wasm_bindgen::JsCast;

use crate::dom::{El, el, toggle_class};

fn dispatch(session: RwSignal<Session>, action: Action) {
    session.update(|s| s.apply(action));
}

fn option(session: RwSignal<Session>, position: usize, id: &str, value: &str, text: &str, answer: Answer) -> El {
    let input = el("input")
        .attr("type", "radio")
        .id(id)
        .attr("name", "answer")
        .attr("value", value)
        .on("change", Box::new(move |_| dispatch(session, Action::Choose { position, answer: Some(answer) })))
        .bind(Box::new(move |e| {
            let chosen = session.with(|s| s.answers.get(position)) == Some(answer);
            if let Some(input) = e.dyn_ref::<web_sys::HtmlInputElement>() {
                input.set_checked(chosen);
            }
        }));
    let class = if matches!(answer, Answer::DontKnow) { "option unknown" } else { "option" };
    el("label")
        .class(class)
        .attr("for", id)
        .bind(Box::new(move |e| toggle_class(e, "selected", session.with(|s| s.answers.get(position)) == Some(answer))))
        .child(input)
        .child(el("span").text(text))
}

/// The question at `position`.
pub fn question_step(session: RwSignal<Session>, position: usize) -> El {
    let set = session.with(|s| s.answers.set());
    let Some((dimension_index, question)) = set.locate(position) else {
        return el("p").text("This question does not exist.");
    };
    let dimension = &set.dimensions[dimension_index];
    let total = set.question_count();
    let within = position - set.first_position(dimension_index) + 1;
    let is_last = position + 1 == total;

    let mut options = el("div").class("options");
    for (index, choice) in question.options.iter().enumerate() {
        let id = format!("q{position}-o{index}");
        options =
            options.child(option(session, position, &id, &index.to_string(), choice.text, Answer::Level(index as u8)));
    }
    options = options.child(option(
        session,
        position,
        &format!("q{position}-unknown"),
        "unknown",
        "I don't know",
        Answer::DontKnow,
    ));

    let mut fieldset = el("fieldset")
        .on(
            "keydown",
            Box::new(move |event| {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let from_radio = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|input| input.type_() == "radio");
                let plain = !key.shift_key() && !key.ctrl_key() && !key.alt_key() && !key.meta_key();
                if key.key() == "Enter" && plain && from_radio {
                    event.prevent_default();
                    dispatch(session, Action::Next);
                }
            }),
        )
        .child(el("legend").id("q-legend").attr("tabindex", "-1").text(question.prompt));
    if let Some(group) = question.group {
        fieldset = fieldset.child(el("p").class("group").text(group));
    }
    fieldset = fieldset.child(options);

    let answered = move || session.with(|s| s.answers.answered_count());
    let progress_bar = el("div")
        .class("progress-bar")
        .attr("role", "progressbar")
        .attr("aria-label", "Progress through the check")
        .attr("aria-valuemin", "0")
        .attr("aria-valuemax", &total.to_string())
        .bind(Box::new(move |e| {
            let _ = e.set_attribute("aria-valuenow", &answered().to_string());
            let _ = e.set_attribute("aria-valuetext", &format!("{} of {total} answered", answered()));
        }))
        .child(el("span").bind(Box::new(move |e| {
            let _ = e.set_attribute("style", &format!("width: {}%", answered() * 100 / total.max(1)));
        })));

    let to_results = el("button")
        .id("to-results")
        .attr("type", "button")
        .class("secondary")
        .text("Back to results")
        .on("click", Box::new(move |_| dispatch(session, Action::ShowResults)))
        .bind(Box::new(move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::HtmlElement>() {
                e.set_hidden(!session.with(|s| s.answers.is_complete()));
            }
        }));
    let next = el("button").id("next").attr("type", "submit").class("primary").bind(Box::new(move |e| {
        let answered = session.with(|s| s.answers.get(position).is_some());
        e.set_text_content(Some(match (answered, is_last) {
            (_, true) => "See results",
            (true, false) => "Next",
            (false, false) => "Skip",
        }));
    }));

    el("section")
        .id("question")
        .class("question-screen")
        .attr("aria-labelledby", "q-legend")
        .child(
            el("h1").class("sr-only").text(&format!("Scaling Readiness Check: question {} of {total}", position + 1)),
        )
        .child(
            el("div")
                .class("progress-row")
                .child(
                    el("p")
                        .id("progress")
                        .attr("aria-live", "polite")
                        .child(el("span").class("dimension-name").text(dimension.name))
                        .text(&format!(" · question {within} of {} · ", dimension.questions.len()))
                        .child(el("span").text(&format!("{} of {total}", position + 1))),
                )
                .child(progress_bar),
        )
        .child(
            el("form")
                .class("question")
                .on(
                    "submit",
                    Box::new(move |event| {
                        event.prevent_default();
                        dispatch(session, Action::Next);
                    }),
                )
                .child(fieldset)
                .child(
                    el("div")
                        .class("nav")
                        .child(
                            el("button")
                                .id("back")
                                .attr("type", "button")
                                .class("secondary")
                                .text("Back")
                                .on("click", Box::new(move |_| dispatch(session, Action::Back))),
                        )
                        .child(to_results)
                        .child(next),
                )
                .child(el("p").class("hint").text("Tip: use the arrow keys to choose and Enter to go on.")),
        )
}
