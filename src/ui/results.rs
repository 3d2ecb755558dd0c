//! The reader's own results: the report, sharing, comparing, editing, clearing.

use leptos::prelude::*;

use super::benchmark::BenchmarkLine;
use super::frame::SendResult;
use super::report::{CompareView, ReportView};
use super::share_panel::SharePanel;
use super::store::use_app_state;
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
    let link = Memo::new(move |_| state.with(|s| crate::core::links::results_link(&base, &s.answers, &s.label)));
    // The answers and the compare target cannot change while the results are on screen
    // (editing goes back to the questions), so the report is drawn once, not reactively.
    let compare_with = state.with_untracked(|s| s.compare_with.clone());
    let mine = report.get_untracked();
    view! {
        <section id="results" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Your results"</h1>
            <ReportView report=mine.clone() title="Your verdict" editable=true/>
            <BenchmarkLine/>
            {compare_with.map(|theirs| {
                view! { <CompareView mine=mine theirs=Report::new(&theirs.answers) their_label=theirs.label/> }
            })}
            <p class="print-only">
                "Results link: "
                {link}
            </p>
            <SendResult/>
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
