//! The reader's own results: the report, sharing, comparing, editing, clearing.

use leptos::prelude::*;

use super::app::Store;
use super::confirm::ConfirmButton;
use super::report::ReportView;
use super::share::SharePanel;
use super::shared::CompareView;
use crate::core::scoring::Report;
use crate::core::session::Action;
use crate::shell::storage;

/// The results screen.
#[component]
pub fn Results() -> impl IntoView {
    let store = Store::get();
    // One report and one link for the whole screen; memos stop a label keystroke from
    // rebuilding what only depends on the answers.
    let report = Memo::new(move |_| store.session.with(|s| Report::new(&s.answers)));
    let base = crate::shell::address::base_url();
    let link =
        Memo::new(move |_| store.session.with(|s| crate::core::summary::results_link(&base, &s.answers, &s.label)));
    let compare_with = Memo::new(move |_| store.session.with(|s| s.compare_with.clone()));
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
                <button type="button" class="secondary" on:click=move |_| store.dispatch(Action::Back)>
                    "Back to the questions"
                </button>
            </div>
            <ClearAnswers/>
        </section>
    }
}

/// "Clear my answers": removes everything the widget stored, after a confirmation.
#[component]
pub fn ClearAnswers() -> impl IntoView {
    let store = Store::get();
    let clear = Callback::new(move |()| {
        // Clear the session first: the save effect only writes a run with progress, so the
        // cleared state is not written back. Nothing to report if storage was never usable.
        store.dispatch(Action::Clear);
        let _ = storage::clear();
    });
    view! {
        <div class="clear">
            <ConfirmButton
                id="clear"
                confirm_id="confirm-clear"
                class="link-button"
                label="Clear my answers"
                question="Remove your answers and everything this check stored on this device?"
                confirm_label="Yes, clear everything"
                cancel_label="Cancel"
                on_confirm=clear
            />
        </div>
    }
}
