//! Someone else's results: a shared result (read-only, marked, with "take the check yourself"
//! and a comparison once the visitor has results), a run in progress offered by a link, and the
//! message for a link that could not be read.

use leptos::prelude::*;

use super::report::{CompareSummary, CompareView, Details, MemoHead, PrintButton, ReportView, Summary};
use super::store::use_app_state;
use crate::core::person::Person;
use crate::core::scoring::Report;
use crate::core::session::{Action, OfferedRun};
use crate::core::share_code::{DecodeError, SharedResult};
use crate::core::share_text::memo_header;

/// A shared result, read-only, in the third person: the comparison on top once the visitor
/// has results of their own, their verdict, dimensions and moves, the link and print; then each
/// dimension in detail.
#[component]
pub fn SharedView(
    /// The decoded result.
    result: SharedResult,
) -> impl IntoView {
    let state = use_app_state();
    let theirs = Report::new(&result.answers);
    let (own_complete, own_progress) = state.with_untracked(|s| (s.answers.is_complete(), s.has_progress()));
    let own_report = own_complete.then(|| state.with_untracked(|s| Report::new(&s.answers)));
    let label = result.label.clone();
    let heading = if label.is_empty() { "Shared results" } else { "Shared results: " };
    let link = crate::core::links::results_link(&crate::shell::address::base_url(), &result.answers, &result.label);
    let memo = memo_header(crate::shell::today(), &result.label, &link, true);
    view! {
        <section id="shared" aria-labelledby="screen-heading">
            <MemoHead header=memo/>
            <div id="shared-banner" class="banner" role="note">
                <p>"These are someone else's results, opened from a link. They are read-only and are not mixed with your own answers."</p>
            </div>
            <h1 id="screen-heading" tabindex="-1">
                {heading}
                {(!label.is_empty()).then(|| view! { <bdi id="shared-label" class="label">{label.clone()}</bdi> })}
            </h1>
            {own_report.clone().map(|mine| view! { <CompareSummary mine=mine theirs=theirs.clone() their_label=result.label.clone()/> })}
            <div class="actions">
                <button id="take-check" type="button" class="primary" on:click=move |ev| state.act(&ev, Action::TakeCheckAndCompare)>
                    {if own_complete {
                        "Open your results side by side"
                    } else if own_progress {
                        "Continue your own check"
                    } else {
                        "Take the check yourself"
                    }}
                </button>
            </div>
            // Everything about the result itself speaks of "them" (`.their-words`: a component
            // test looks for any second-person word in there); the comparison speaks to the
            // visitor.
            <div id="their-summary" class="their-words">
                <Summary report=theirs.clone() person=Person::Their/>
                <div class="share-buttons">
                    <PrintButton/>
                </div>
            </div>
            {own_report.map(|mine| view! { <CompareView mine=mine theirs=theirs.clone() their_label=result.label.clone()/> })}
            <div id="their-details" class="their-words">
                <Details report=theirs.clone() person=Person::Their editable=false answers=result.answers.clone()/>
            </div>
        </section>
    }
}

/// A run in progress carried by a link (`#s=…`): shown as someone else's until the visitor
/// chooses. With no run of their own they may continue it as theirs or start fresh; with one,
/// their run stays untouched and they may look at the link's answers as a shared result.
#[component]
pub fn OfferedView(
    /// The run the link carries.
    offered: OfferedRun,
) -> impl IntoView {
    let state = use_app_state();
    let has_own = state.with_untracked(|s| s.has_progress());
    let answers = &offered.result.answers;
    let (answered, total) = (answers.answered_count(), answers.set().question_count());
    let report = Report::new(answers);
    let choices = if has_own {
        view! {
            <p id="own-run-untouched">"Your own answers on this device are untouched: this link does not change them."</p>
            <div class="actions">
                <button id="offered-as-shared" type="button" class="primary" on:click=move |ev| state.act(&ev, Action::OpenOfferedAsShared)>
                    "See these answers as a shared result"
                </button>
                <button id="back-to-own" type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::ReturnToCheck)>
                    "Back to my own check"
                </button>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p>"If these are your own answers from another browser or device, continue them here. If not, start your own check: nothing from this link is kept."</p>
            <div class="actions">
                <button id="accept-offered" type="button" class="primary" on:click=move |ev| state.act(&ev, Action::AcceptOffered)>
                    "Continue these answers as mine"
                </button>
                <button id="start-fresh" type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::StartOver)>
                    "Start fresh"
                </button>
            </div>
        }
        .into_any()
    };
    view! {
        <section id="offered" aria-labelledby="screen-heading">
            <div id="shared-banner" class="banner" role="note">
                <p>"This link holds answers to the check that were in progress somewhere else. They are not yours on this device unless you choose to continue them."</p>
            </div>
            <h1 id="screen-heading" tabindex="-1">"Answers from a link"</h1>
            <p id="offered-progress">{format!("{answered} of {total} questions answered.")}</p>
            {choices}
            <ReportView report=report person=Person::Their editable=false answers=offered.result.answers.clone()/>
        </section>
    }
}

/// The message for a link that could not be read: what is wrong and a way forward.
#[component]
pub fn BadLink(
    /// Whether the link was a team link.
    team: bool,
    /// Why it could not be read.
    error: DecodeError,
) -> impl IntoView {
    let state = use_app_state();
    let what = if team { "team link" } else { "results link" };
    let reason = match error {
        DecodeError::Empty => format!("This {what} is empty: the results part is missing."),
        DecodeError::Truncated => format!("This {what} is incomplete: it was probably cut off when it was copied."),
        DecodeError::TooLong => format!("This {what} is longer than any real one: something was added to it."),
        DecodeError::Damaged => format!("This {what} is damaged: some characters were changed when it was copied."),
        DecodeError::NewerFormat | DecodeError::UnknownQuestionSet => {
            format!("This {what} was made by a newer version of the check than this page. Try opening it again later.")
        }
    };
    let has_progress = state.with_untracked(|s| s.has_progress());
    view! {
        <section id="link-error" data-error=error.kind() aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"We couldn't open these results"</h1>
            <p>{reason}</p>
            <p>"Ask whoever shared it to copy the whole link again. Meanwhile, you can take the check yourself."</p>
            <div class="actions">
                <button id="take-check" type="button" class="primary" on:click=move |ev| state.act(&ev, Action::ReturnToCheck)>
                    {if has_progress { "Continue your own check" } else { "Take the check yourself" }}
                </button>
            </div>
        </section>
    }
}
