//! Small pieces several screens use: a copy field, a button that asks before discarding, and
//! "clear my answers".

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::store::use_app_state;
use crate::core::embed::FRAMED_CONFIRM_DELAY_MS;
use crate::core::session::{Action, By};
use crate::shell::clipboard::{self, ShareError};

/// What a copy field says after the copy button.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Idle,
    Done,
    /// The clipboard refused: the text is selected for a manual copy.
    Selected,
}

/// A read-only field with a copy button that falls back to selecting the text.
#[component]
pub fn CopyField(
    /// The element id of the field.
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// The text to show and copy.
    #[prop(into)]
    text: Signal<String>,
    /// Render as a multi-line text area.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let copied = RwSignal::new(Copied::Idle);
    let copy = move |_| {
        let value = text.get_untracked();
        spawn_local(async move {
            match clipboard::copy_text(&value).await {
                Ok(()) => copied.set(Copied::Done),
                Err(ShareError::Cancelled) => copied.set(Copied::Idle),
                Err(ShareError::Unsupported | ShareError::Failed) => {
                    crate::shell::select_text(id);
                    copied.set(Copied::Selected);
                }
            }
        });
    };
    let field = if multiline {
        view! { <textarea id=id readonly rows="5" prop:value=move || text.get()></textarea> }.into_any()
    } else {
        view! { <input id=id type="text" readonly prop:value=move || text.get()/> }.into_any()
    };
    view! {
        <div class="copy-field">
            <label for=id>{label}</label>
            <div class="copy-row">
                {field}
                <button id=format!("{id}-copy") type="button" class="secondary" on:click=copy>
                    "Copy"
                </button>
            </div>
            <p class="copy-status" role="status">
                {move || match copied.get() {
                    Copied::Idle => "",
                    Copied::Done => "Copied to the clipboard.",
                    Copied::Selected => "Copying isn't allowed here: the text is selected, press Ctrl+C or ⌘C.",
                }}
            </p>
        </div>
    }
}

/// A trigger button that opens an inline confirmation with a confirm and a cancel button, for
/// anything that discards the reader's answers. Inside a frame the confirm button appears only
/// after a pause counted from each opening (a timer left from an earlier opening arms nothing),
/// focus moves to the question, and only the reader's own click confirms; answers saved before
/// this visit are discarded only by a click the browser says was seen (the frame visible),
/// else the reader is sent to the check's own tab.
#[component]
pub fn ConfirmButton(
    /// Id of the trigger button.
    id: &'static str,
    /// Id of the confirm button.
    confirm_id: &'static str,
    /// Class of the trigger button (`secondary`, `link-button`).
    class: &'static str,
    /// Text of the trigger button.
    label: &'static str,
    /// The question asked.
    question: &'static str,
    /// Text of the confirm button.
    confirm_label: &'static str,
    /// Text of the cancel button.
    cancel_label: &'static str,
    /// What happens once confirmed.
    action: Action,
) -> impl IntoView {
    let state = use_app_state();
    let framed = state.env.framed;
    let open = RwSignal::new(false);
    // Outside a frame the confirm button is there at once.
    let armed = RwSignal::new(!framed);
    // Which opening a pause belongs to: only the latest opening's timer may arm the button.
    let openings = StoredValue::new(0u32);
    // A confirmation refused because the click could not be told from a blind one.
    let refused = RwSignal::new(false);
    let question_id = format!("{id}-question");
    // Closing removes the focused button: give focus back to the trigger.
    let close = move || {
        open.set(false);
        openings.update_value(|n| *n = n.wrapping_add(1));
        crate::shell::focus_by_id(id);
    };
    let open_it = move |_| {
        open.set(true);
        refused.set(false);
        if framed {
            armed.set(false);
            openings.update_value(|n| *n = n.wrapping_add(1));
            let this_opening = openings.get_value();
            let question_id = format!("{id}-question");
            request_animation_frame(move || crate::shell::focus_by_id(&question_id));
            set_timeout(
                move || {
                    if openings.try_get_value() == Some(this_opening) && open.get_untracked() {
                        armed.set(true);
                    }
                },
                std::time::Duration::from_millis(FRAMED_CONFIRM_DELAY_MS),
            );
        }
    };
    // Stored, so the handler below is `Copy` and every render of the confirmation can take it.
    let action = StoredValue::new(action);
    let confirm = move |event: leptos::ev::MouseEvent| {
        let by = state.by(&event);
        if framed && by == By::Page {
            return;
        }
        if framed && by != By::SeenReader && state.with_untracked(|s| s.discards_saved()) {
            refused.set(true);
            return;
        }
        open.set(false);
        state.act(&event, action.get_value());
    };
    view! {
        <button id=id type="button" class=class aria-expanded=move || open.get().to_string() on:click=open_it>
            {label}
        </button>
        <Show when=move || open.get()>
            <div
                class="confirm"
                role="group"
                aria-labelledby=question_id.clone()
                on:keydown=move |event: leptos::ev::KeyboardEvent| {
                    if event.key() == "Escape" {
                        close();
                    }
                }
            >
                <p id=question_id.clone() tabindex="-1">{question}</p>
                <Show
                    when=move || armed.get()
                    fallback=|| view! { <p class="note">"The button to confirm appears in a moment."</p> }
                >
                    <button id=confirm_id type="button" class="danger" on:click=confirm>
                        {confirm_label}
                    </button>
                </Show>
                <Show when=move || refused.get()>
                    <p class="note" role="status">
                        {if state.env.can_verify_visibility {
                            "Your browser couldn't confirm that this frame was in full view, so answers saved here before aren't discarded. Bring the whole frame into view, with nothing over it, and try again."
                        } else {
                            "This browser can't confirm that a frame is in view, so answers saved here before aren't discarded from inside it."
                        }}
                    </p>
                </Show>
                <button type="button" class="secondary" on:click=move |_| close()>
                    {cancel_label}
                </button>
            </div>
        </Show>
    }
}

/// "Clear my answers": removes everything the widget stored, after a confirmation.
#[component]
pub fn ClearAnswers() -> impl IntoView {
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
                action=Action::Clear
            />
        </div>
    }
}
