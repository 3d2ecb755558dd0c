//! The share panel: the short results link, copy, system share sheet, plain share links,
//! a ready comment, and the optional pilot label that rides in the link.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::app::Store;
use crate::core::scoring::Report;
use crate::core::session::Action;
use crate::core::share_code::MAX_LABEL_CHARS;
use crate::core::share_text::{image_card, share_texts};
use crate::shell::{clipboard, image};

/// Copy state of one field.
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
            if clipboard::copy_text(&value).await {
                copied.set(Copied::Done);
            } else {
                crate::shell::select_text(id);
                copied.set(Copied::Selected);
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

/// The share panel for the reader's own results.
#[component]
pub fn SharePanel(
    /// The reader's report.
    report: Memo<Report>,
    /// The reader's results link.
    link: Memo<String>,
) -> impl IntoView {
    let store = Store::get();
    let texts = Memo::new(move |_| {
        let label = store.session.with(|s| s.label.clone());
        report.with(|r| share_texts(r, &link.get(), &label))
    });
    // Set once: writing the cleaned label back while typing would eat trailing spaces.
    let initial_label = store.session.with_untracked(|s| s.label.clone());
    let card = Memo::new(move |_| {
        let label = store.session.with(|s| s.label.clone());
        report.with(|r| image_card(r, &label))
    });
    let image_status = RwSignal::new("");
    let download_image = move |_| {
        let saved =
            card.with_untracked(image::render_png).is_some_and(|url| image::download(&url, "scaling-readiness.png"));
        image_status.set(if saved {
            "Image saved: scaling-readiness.png."
        } else {
            "This browser could not draw the image."
        });
    };
    let share_image = move |_| {
        let Some(url) = card.with_untracked(image::render_png) else { return };
        let alt = card.with_untracked(|c| c.alt.clone());
        spawn_local(async move {
            if !image::share_image(&url, &alt).await {
                image_status.set("Sharing the image isn't possible here: download it instead.");
            }
        });
    };
    let can_share_image = image::can_share_images();
    let can_share = clipboard::can_share();
    let share = move |_| {
        let url = link.get_untracked();
        let text = texts.with_untracked(|t| t.comment.clone());
        spawn_local(async move {
            let _ = clipboard::share("Scaling Readiness Check", &text, &url).await;
        });
    };
    view! {
        <section id="share" class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share your results"</h2>
            <p>"The link holds your answers in a few characters, nothing else. Whoever opens it sees your results, marked as yours."</p>
            {store
                .host_events
                .then(|| {
                    view! {
                        <p id="host-events-note" class="note">
                            "The site showing this check asked to receive your verdict and scores when you finish, and has been sent them."
                        </p>
                    }
                })}
            <div class="field">
                <label for="pilot-label">"Name this pilot (optional)"</label>
                <input
                    id="pilot-label"
                    type="text"
                    maxlength=MAX_LABEL_CHARS.to_string()
                    placeholder="e.g. invoice triage"
                    autocomplete="off"
                    prop:value=initial_label
                    on:input=move |event| store.dispatch(Action::SetLabel(event_target_value(&event)))
                />
            </div>
            <CopyField id="share-link" label="Your results link" text=link/>
            <CopyField id="share-comment" label="Ready to paste as a comment" text=Signal::derive(move || texts.get().comment) multiline=true/>
            <div class="share-buttons">
                {can_share
                    .then(|| {
                        view! {
                            <button id="system-share" type="button" class="primary" on:click=share>
                                "Share…"
                            </button>
                        }
                    })}
                <a id="share-linkedin" class="button secondary" href=move || texts.get().linkedin target="_blank" rel="noopener">
                    "LinkedIn"
                </a>
                <a id="share-x" class="button secondary" href=move || texts.get().x target="_blank" rel="noopener">
                    "X"
                </a>
                <a id="share-email" class="button secondary" href=move || texts.get().email>
                    "E-mail"
                </a>
            </div>
            <h3>"Result image"</h3>
            <p>"A picture of your verdict and the four dimensions, sized for a LinkedIn post. Paste the alt text with it."</p>
            <div class="share-buttons">
                <button id="download-image" type="button" class="secondary" on:click=download_image>
                    "Download image"
                </button>
                {can_share_image
                    .then(|| {
                        view! {
                            <button id="share-image" type="button" class="secondary" on:click=share_image>
                                "Share image…"
                            </button>
                        }
                    })}
            </div>
            <p id="image-status" class="copy-status" role="status">{move || image_status.get()}</p>
            <CopyField id="image-alt" label="Alt text for the image" text=Signal::derive(move || card.get().alt) multiline=true/>
        </section>
    }
}
