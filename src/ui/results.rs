//! The reader's own results: what they came for on the first two phone screens (a comparison
//! when there is one, the verdict, the four dimensions at a glance, the next three moves, the
//! share actions), then each dimension in detail, more ways to share, editing, clearing.

use leptos::prelude::*;

use super::benchmark::BenchmarkLine;
use super::frame::SendResult;
use super::report::{CompareSummary, CompareView, Details, MemoHead, Summary};
use super::share_panel::{MoreSharing, QuickShare};
use super::store::use_app_state;
use super::widgets::ClearAnswers;
use crate::core::person::Person;
use crate::core::scoring::Report;
use crate::core::session::Action;
use crate::core::share_text::memo_header;

/// The results screen.
#[component]
pub fn Results() -> impl IntoView {
    let state = use_app_state();
    // One report and one link for the whole screen; memos stop a label keystroke from
    // rebuilding what only depends on the answers.
    let report = Memo::new(move |_| state.with(|s| Report::new(&s.answers)));
    let base = crate::shell::address::base_url();
    let link = Memo::new(move |_| state.with(|s| crate::core::links::results_link(&base, &s.answers, &s.label)));
    let today = crate::shell::today();
    let memo = Signal::derive(move || state.with(|s| memo_header(today, &s.label, &link.get(), false)));
    // The answers and the compare target cannot change while the results are on screen
    // (editing goes back to the questions), so the report is drawn once, not reactively.
    let compare_with = state.with_untracked(|s| s.compare_with.clone());
    let mine = report.get_untracked();
    let theirs = compare_with.map(|theirs| (Report::new(&theirs.answers), theirs.label));
    view! {
        <section id="results" aria-labelledby="screen-heading">
            <MemoHead header=memo/>
            <h1 id="screen-heading" tabindex="-1">"Your results"</h1>
            {theirs.clone().map(|(theirs, label)| view! { <CompareSummary mine=mine.clone() theirs=theirs their_label=label/> })}
            <Summary report=mine.clone() person=Person::Own/>
            <BenchmarkLine/>
            <SendResult/>
            <QuickShare report=report link=link/>
            {theirs.map(|(theirs, label)| view! { <CompareView mine=mine.clone() theirs=theirs their_label=label/> })}
            <Details report=mine.clone() person=Person::Own editable=true answers=state.with_untracked(|s| s.answers.clone())/>
            <MoreSharing report=report link=link/>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::Back)>
                    "Back to the questions"
                </button>
            </div>
            <ClearAnswers/>
        </section>
    }
}
