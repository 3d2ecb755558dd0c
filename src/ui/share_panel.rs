//! The share panel of the reader's own results: the short results link, copy, the system share
//! sheet, plain share links, a ready comment, the result image, and the optional pilot label
//! that rides in the link.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::store::use_app_state;
use super::widgets::CopyField;
use crate::core::scoring::Report;
use crate::core::session::Action;
use crate::core::share_code::MAX_LABEL_CHARS;
use crate::core::share_text::{image_card, share_texts};
use crate::shell::clipboard::{self, ShareError};
use crate::shell::image;

/// The share panel for the reader's own results.
#[component]
pub fn SharePanel(
    /// The reader's report.
    report: Memo<Report>,
    /// The reader's results link.
    link: Memo<String>,
) -> impl IntoView {
    let state = use_app_state();
    let label = Memo::new(move |_| state.with(|s| s.label.clone()));
    let texts = Memo::new(move |_| report.with(|r| share_texts(r, &link.get(), &label.get())));
    // Set once: writing the cleaned label back while typing would eat trailing spaces.
    let initial_label = label.get_untracked();
    let card = Memo::new(move |_| report.with(|r| image_card(r, &label.get())));
    let image_status = RwSignal::new("");
    let download_image = move |_| {
        let saved = card.with_untracked(image::render_png).map(|url| image::download(&url, "scaling-readiness.png"));
        image_status.set(match saved {
            Some(Ok(())) => "Image saved: scaling-readiness.png.",
            _ => "This browser could not draw the image.",
        });
    };
    let share_image = move |_| {
        let Some(url) = card.with_untracked(image::render_png) else {
            image_status.set("This browser could not draw the image.");
            return;
        };
        let alt = card.with_untracked(|c| c.alt.clone());
        spawn_local(async move {
            image_status.set(match image::share_image(&url, &alt).await {
                Ok(()) | Err(ShareError::Cancelled) => "",
                Err(ShareError::Unsupported | ShareError::Failed) => {
                    "Sharing the image isn't possible here: download it instead."
                }
            });
        });
    };
    let can_share_image = image::can_share_images();
    let can_share = clipboard::can_share();
    let share_status = RwSignal::new("");
    let share = move |_| {
        let url = link.get_untracked();
        let text = texts.with_untracked(|t| t.comment.clone());
        spawn_local(async move {
            share_status.set(match clipboard::share("Scaling Readiness Check", &text, &url).await {
                Ok(()) | Err(ShareError::Cancelled) => "",
                Err(ShareError::Unsupported | ShareError::Failed) => {
                    "The share sheet didn't open: copy the link above instead."
                }
            });
        });
    };
    view! {
        <section id="share" class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share your results"</h2>
            <p>"The link holds your answers in a few characters, nothing else. Whoever opens it sees your results, marked as yours."</p>
            <div class="field">
                <label for="pilot-label">"Name this pilot (optional)"</label>
                <input
                    id="pilot-label"
                    type="text"
                    maxlength=MAX_LABEL_CHARS.to_string()
                    placeholder="e.g. invoice triage"
                    autocomplete="off"
                    prop:value=initial_label
                    on:input=move |ev| state.act(&ev, Action::SetLabel(event_target_value(&ev)))
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
            <p id="share-status" class="copy-status" role="status">{move || share_status.get()}</p>
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
