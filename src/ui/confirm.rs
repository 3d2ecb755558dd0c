//! A button that asks before doing something that discards the reader's answers.

use leptos::prelude::*;

/// A trigger button that opens an inline confirmation with a confirm and a cancel button.
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
    on_confirm: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let question_id = format!("{id}-question");
    // Closing removes the focused button: give focus back to the trigger.
    let close = move || {
        open.set(false);
        crate::shell::focus_by_id(id);
    };
    view! {
        <button
            id=id
            type="button"
            class=class
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
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
                <p id=question_id.clone()>{question}</p>
                <button
                    id=confirm_id
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {confirm_label}
                </button>
                <button type="button" class="secondary" on:click=move |_| close()>
                    {cancel_label}
                </button>
            </div>
        </Show>
    }
}
