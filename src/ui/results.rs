//! The reader's own results: the report, sharing, comparing, editing, clearing.

use leptos::prelude::*;

use super::report::{CompareView, ReportView};
use super::share_panel::SharePanel;
use super::state::use_app_state;
use super::widgets::ClearAnswers;
use crate::core::scoring::Report;
use crate::core::session::Action;

/// The results screen.
#[component]
pub fn Results() -> impl IntoView {
    let state = use_app_state();
    // One report and one link for the whole screen; memos stop a label keystroke from
    // rebuilding what only depends on the answers.
    let report = Memo::new(move |_| state.with(|s| Report::new(&s.answers)));
    let base = crate::shell::address::base_url();
    let link = Memo::new(move |_| state.with(|s| crate::core::summary::results_link(&base, &s.answers, &s.label)));
    let compare_with = Memo::new(move |_| state.with(|s| s.compare_with.clone()));
    view! {
        <section id="results" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Your results"</h1>
            {move || view! { <ReportView report=report.get() title="Your verdict" editable=true/> }}
            {move || {
                compare_with
                    .get()
                    .map(|theirs| {
                        view! { <CompareView mine=report.get() theirs=Report::new(&theirs.answers) their_label=theirs.label/> }
                    })
            }}
            <p class="print-only">
                "Results link: "
                {link}
            </p>
            <SharePanel report=report link=link/>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::Back)>
                    "Back to the questions"
                </button>
            </div>
            <ClearAnswers/>
        </section>
    }
}
