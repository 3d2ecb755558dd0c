//! One question per screen: a proper radio group with a legend, progress, back and next.
//!
//! One question a screen reads best on a 360 px phone: behaviourally anchored options are
//! sentences, and four of them plus "I don't know" already fill a phone screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::store::use_app_state;
use crate::core::answers::Answer;
use crate::core::screen::option_id;
use crate::core::session::Action;

/// The question at `position` in asking order.
#[component]
pub fn QuestionStep(
    /// Position of the question in asking order.
    position: usize,
) -> impl IntoView {
    let state = use_app_state();
    let set = state.with_untracked(|s| s.answers.set());
    let Some((dimension_index, question)) = set.locate(position) else {
        return view! { <p>"This question does not exist."</p> }.into_any();
    };
    let dimension = &set.dimensions[dimension_index];
    let total = set.question_count();
    let within = position - set.first_position(dimension_index) + 1;
    let answer = Memo::new(move |_| state.with(|s| s.answers.get(position)));
    let answered = Memo::new(move |_| state.with(|s| s.answers.answered_count()));
    let is_last = position + 1 == total;

    let option = move |id: String, value: String, text: &'static str, choice: Answer| {
        let label_for = id.clone();
        view! {
            <label class="option" class:unknown=choice == Answer::DontKnow for=label_for class:selected=move || answer.get() == Some(choice)>
                <input
                    type="radio"
                    id=id
                    name="answer"
                    value=value
                    prop:checked=move || answer.get() == Some(choice)
                    on:change=move |ev| state.act(&ev, Action::Choose { position, answer: Some(choice) })
                />
                <span>{text}</span>
            </label>
        }
    };
    let options = question
        .options
        .iter()
        .enumerate()
        .map(|(index, choice)| (choice.text, Answer::Level(index as u8)))
        .chain(std::iter::once(("I don't know", Answer::DontKnow)))
        .map(|(text, answer)| option(option_id(position, answer), answer.radio_value(), text, answer))
        .collect_view();

    // Enter on a radio goes on once the question has an answer. After a step focus is on the
    // next question's radios, so a second Enter must not skip that question unanswered (and
    // the browser's own submit on Enter is held back for the same reason).
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let from_radio = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.type_() == "radio");
        let plain = !event.shift_key() && !event.ctrl_key() && !event.alt_key() && !event.meta_key();
        if event.key() == "Enter" && plain && from_radio {
            event.prevent_default();
            if answer.get_untracked().is_some() {
                state.act(&event, Action::Next);
            }
        }
    };

    view! {
        <section id="question" class="question-screen" aria-labelledby="q-legend">
            <h1 class="sr-only">{format!("Scaling Readiness Check: question {} of {total}", position + 1)}</h1>
            <div class="progress-row">
                <p id="progress" aria-live="polite">
                    <span class="dimension-name">{dimension.name}</span>
                    {format!(" · question {within} of {} · ", dimension.questions.len())}
                    <span>{format!("{} of {total}", position + 1)}</span>
                </p>
                <div
                    class="progress-bar"
                    role="progressbar"
                    aria-label="Progress through the check"
                    aria-valuemin="0"
                    aria-valuemax=total.to_string()
                    aria-valuenow=move || answered.get().to_string()
                    aria-valuetext=move || format!("{} of {total} answered", answered.get())
                >
                    // Set through the CSSOM, which the page's CSP allows (no inline style attributes).
                    <span style:width=move || format!("{}%", answered.get() * 100 / total.max(1))></span>
                </div>
            </div>
            {(position == 0).then_some(set.time_frame).flatten().map(|text| view! { <p class="time-frame">{text}</p> })}
            <form class="question" on:submit=move |ev| { ev.prevent_default(); state.act(&ev, Action::Next); }>
                <fieldset on:keydown=on_keydown>
                    <legend id="q-legend" tabindex="-1">{question.prompt}</legend>
                    {question.group.map(|group| view! { <p class="group">{group}</p> })}
                    <div class="options">{options}</div>
                </fieldset>
                <div class="nav">
                    <button id="back" type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::Back)>
                        "Back"
                    </button>
                    {move || {
                        state
                            .with(|s| s.answers.is_complete())
                            .then(|| {
                                view! {
                                    <button
                                        id="to-results"
                                        type="button"
                                        class="secondary"
                                        on:click=move |ev| state.act(&ev, Action::ShowResults)
                                    >
                                        "Back to results"
                                    </button>
                                }
                            })
                    }}
                    <button id="next" type="submit" class="primary">
                        {move || match (answer.get().is_some(), is_last) {
                            (_, true) => "See results",
                            (true, false) => "Next",
                            (false, false) => "Skip",
                        }}
                    </button>
                </div>
                // Shown to keyboard users only (style/main.css: while focus is visible in the form).
                <p class="hint">"Tip: use the arrow keys to choose and Enter to go on."</p>
            </form>
        </section>
    }
    .into_any()
}
