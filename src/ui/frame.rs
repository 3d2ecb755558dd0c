//! What a reader sees of the frame's own rules (`core::embed`): the consent to send a result
//! to the page around (with `events`), the way to answers saved in this frame where the engine
//! cannot show them here, and the explicit "Send my result to <site>".
//!
//! Each piece draws the same thing whatever the reader stored, so the page around learns
//! nothing from its size; what may reveal or send anything takes the reader's seen input.

use leptos::prelude::*;

use super::store::{AppState, use_app_state};
use crate::core::embed::{Consent, WHAT_IS_SENT, consent_question, result_due};
use crate::core::route::Route;
use crate::core::session::By;
use crate::core::snapshot::Snapshot;
use crate::shell::{address, host};

/// Sends the reader's result to the page around, to `origin` only, unless this very result
/// (the same answers, whatever label was typed since) was sent already.
pub fn send_result(state: AppState, origin: &str) {
    let (code, message) = state.with_untracked(|s| {
        (s.share_code(), crate::core::host_messages::result_message(&s.answers, &s.label, &address::base_url()))
    });
    let core = |code: &str| code.split('.').next().map(str::to_owned);
    if state.sent.with_untracked(|sent| sent.as_deref().and_then(core) == core(&code)) {
        return;
    }
    host::post_result(&message, origin);
    state.sent.set(Some(code));
}

/// On the first screen when the author set `events`: which site asks for the result, what it
/// would get, and the reader's choice. Nothing is sent until they agree; in a frame the engine
/// can check, agreeing takes a click on a frame the browser reports visible.
#[component]
pub fn ConsentChoice() -> impl IntoView {
    let state = use_app_state();
    if !state.env.host_events {
        return ().into_any();
    }
    let site = state.env.site;
    let question = consent_question(site);
    let Some(site) = site else {
        return view! { <p id="consent" class="consent note">{question}</p> }.into_any();
    };
    let hint = RwSignal::new(false);
    let choose = move |event: leptos::ev::MouseEvent, consent: Consent| {
        let by = state.by(&event);
        let counts = match consent {
            // Declining is always the reader's to do.
            Consent::Declined | Consent::Undecided => by != By::Page,
            Consent::Accepted => by == By::SeenReader || (by == By::Reader && !state.env.can_verify_visibility),
        };
        hint.set(!counts);
        if counts {
            state.consent.set(consent);
        }
    };
    let pressed = move |consent: Consent| move || (state.consent.get() == consent).to_string();
    view! {
        <div id="consent" class="consent" role="group" aria-labelledby="consent-question">
            <p id="consent-question">{question}</p>
            <div class="actions">
                <button
                    id="consent-yes"
                    type="button"
                    class="secondary"
                    aria-pressed=pressed(Consent::Accepted)
                    on:click=move |ev| choose(ev, Consent::Accepted)
                >
                    {format!("Yes, send it to {site}")}
                </button>
                <button
                    id="consent-no"
                    type="button"
                    class="secondary"
                    aria-pressed=pressed(Consent::Declined)
                    on:click=move |ev| choose(ev, Consent::Declined)
                >
                    "No, send nothing"
                </button>
            </div>
            <p id="consent-status" class="note" role="status">
                {move || match (state.consent.get(), hint.get()) {
                    (_, true) => "Your browser couldn't confirm that this frame was in full view. Bring it into view, with nothing over it, and choose again.".to_owned(),
                    (Consent::Accepted, _) => format!("Your result will be sent to {site} when you finish the check here."),
                    (Consent::Declined, _) => "Nothing will be sent.".to_owned(),
                    (Consent::Undecided, _) => "Until you choose, nothing is sent.".to_owned(),
                }}
            </p>
        </div>
    }
    .into_any()
}

/// On a sealed frame's intro, where the engine cannot say whether the frame is in view: answers
/// saved in this frame before stay out of it, and open in the check's own tab. Drawn the same
/// whether anything was saved (only the link's hidden address differs).
#[component]
pub fn HeldElsewhere() -> impl IntoView {
    let state = use_app_state();
    let shown = state.env.framed && !state.env.can_verify_visibility && state.with_untracked(|s| s.sealed);
    if !shown {
        return ().into_any();
    }
    // The held run rides in the new tab's address (a progress link): that tab's storage is not
    // this frame's in browsers that partition storage by site.
    let href = state.with_untracked(|s| {
        let base = address::base_url();
        match &s.held {
            Some(held) => format!("{base}#{}", Route::Progress(Snapshot::of(held).to_text()).fragment()),
            None => base,
        }
    });
    view! {
        <p id="held-elsewhere" class="note">
            "Started this check here before? This browser can't show saved answers inside a frame: "
            <a id="open-held" href=href target="_blank" rel="noopener">"continue in the check's own tab"</a>
            "."
        </p>
    }
    .into_any()
}

/// On the reader's own results in a frame with `events`: what was sent, or an explicit "Send my
/// result to <site>" (for a result not finished here), taken only from a click on a frame the
/// browser reports visible.
#[component]
pub fn SendResult() -> impl IntoView {
    let state = use_app_state();
    let (Some(site), Some(origin), true, true) =
        (state.env.site, state.env.parent_origin, state.env.host_events, state.env.framed)
    else {
        return ().into_any();
    };
    let refused = RwSignal::new(false);
    let sent_now = Memo::new(move |_| {
        let code = state.with(|s| s.share_code());
        let core = |code: &str| code.split('.').next().map(str::to_owned);
        state.sent.with(|sent| sent.as_deref().and_then(core) == core(&code))
    });
    let due = Memo::new(move |_| {
        let consent = state.consent.get();
        state.with(|s| result_due(s, true, true, consent))
    });
    let send = move |event: leptos::ev::MouseEvent| {
        if state.by(&event) == By::SeenReader {
            refused.set(false);
            send_result(state, origin);
        } else {
            refused.set(true);
        }
    };
    view! {
        <div id="send-result" class="send-result">
            {move || {
                if sent_now.get() {
                    view! { <p id="sent-status" role="status">{format!("Your result was sent to {site}: {WHAT_IS_SENT}.")}</p> }
                        .into_any()
                } else if due.get() || state.consent.get() == Consent::Declined {
                    ().into_any()
                } else {
                    view! {
                        <p>{format!("Sending gives {site} {WHAT_IS_SENT}.")}</p>
                        <button id="send-to-site" type="button" class="secondary" on:click=send>
                            {format!("Send my result to {site}")}
                        </button>
                        <p class="note" role="status">
                            {move || refused.get().then_some(if state.env.can_verify_visibility {
                                "Your browser couldn't confirm that this frame was in full view, so nothing was sent. Bring it into view, with nothing over it, and try again."
                            } else {
                                "This browser can't confirm that a frame is in view, so a result is sent from a frame only when you finish the check in it after agreeing on its first screen."
                            })}
                        </p>
                    }
                    .into_any()
                }
            }}
        </div>
    }
    .into_any()
}
