//! The reader's own results: the report, sharing, comparing, editing, clearing.

use leptos::prelude::*;

use super::app::Store;
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
    let report = Memo::new(move |_| store.session.with(|s| Report::new(&s.answers)));
    let compare_with = move || store.session.with(|s| s.compare_with.clone());
    view! {
        <section id="results" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Your results"</h1>
            {move || view! { <ReportView report=report.get() title="Your verdict" editable=true/> }}
            {move || {
                compare_with()
                    .map(|theirs| {
                        view! { <CompareView mine=report.get() theirs=Report::new(&theirs.answers) their_label=theirs.label/> }
                    })
            }}
            <SharePanel/>
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
    let confirming = RwSignal::new(false);
    let cleared = RwSignal::new(false);
    let clear = move |_| {
        // Clear the session first: the save effect only writes a run with progress, so the
        // cleared state is not written back.
        store.dispatch(Action::Clear);
        let outcome = storage::clear();
        cleared.set(outcome.is_ok());
        confirming.set(false);
    };
    view! {
        <div class="clear">
            <button
                id="clear"
                type="button"
                class="link-button"
                aria-expanded=move || confirming.get().to_string()
                on:click=move |_| confirming.set(true)
            >
                "Clear my answers"
            </button>
            <Show when=move || confirming.get()>
                <div class="confirm" role="group" aria-labelledby="confirm-clear-text">
                    <p id="confirm-clear-text">"Remove your answers and everything this check stored on this device?"</p>
                    <button id="confirm-clear" type="button" class="danger" on:click=clear>
                        "Yes, clear everything"
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        "Cancel"
                    </button>
                </div>
            </Show>
            <Show when=move || cleared.get()>
                <p role="status">"Cleared."</p>
            </Show>
        </div>
    }
}
