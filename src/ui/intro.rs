//! The intro screen: what this is, how long it takes, where answers stay.

use leptos::prelude::*;

use super::frame::{ConsentChoice, HeldElsewhere};
use super::store::use_app_state;
use super::widgets::{ClearAnswers, ConfirmButton};
use crate::core::content::{CURRENT, intro};
use crate::core::embed::privacy_line;
use crate::core::session::Action;

/// Intro with start, or continue / start over when progress is saved.
#[component]
pub fn Intro() -> impl IntoView {
    let state = use_app_state();
    let has_progress = move || state.with(|s| s.has_progress());
    let answered = move || state.with(|s| s.answers.answered_count());
    let total = state.with_untracked(|s| s.answers.set().question_count());
    view! {
        <section id="intro" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{intro::HEADLINE}</h1>
            <p class="lead">
                {intro::LEAD}
                <a href=CURRENT.essay_url rel="noopener" target="_blank">{intro::ESSAY_LINK}</a>
                {intro::LEAD_END}
            </p>
            <ul class="facts">
                <li>{format!("{}{}", CURRENT.question_count(), intro::DURATION)}</li>
                <li>{intro::FACTS[0]}</li>
                <li>{privacy_line(state.env.host_events)}</li>
            </ul>
            {CURRENT.time_frame.map(|text| view! { <p class="time-frame">{text}</p> })}
            <ConsentChoice/>
            <Show
                when=has_progress
                fallback=move || {
                    view! {
                        <div class="actions">
                            <button id="start" type="button" class="primary" on:click=move |ev| state.act(&ev, Action::Start)>
                                {intro::START}
                            </button>
                        </div>
                        <HeldElsewhere/>
                    }
                }
            >
                <p id="saved-progress">{move || format!("You have answered {} of {total} questions.", answered())}</p>
                <div class="actions">
                    <button id="continue" type="button" class="primary" on:click=move |ev| state.act(&ev, Action::Start)>
                        "Continue"
                    </button>
                    <ConfirmButton
                        id="start-over"
                        confirm_id="confirm-start-over-yes"
                        class="secondary"
                        label="Start over"
                        question="Start over? Your current answers will be discarded."
                        confirm_label="Yes, discard and start over"
                        cancel_label="Keep my answers"
                        action=Action::StartOver
                    />
                </div>
                <ClearAnswers/>
            </Show>
        </section>
    }
}
