//! The embed kit: an author picks theme, accent, background and events, sees the check as
//! their page will show it (a live preview), and gets for each host the exact steps and what to
//! paste — the iframe and `embed.js` where iframes go, a button image and the link where they
//! don't (Substack, Medium, LinkedIn) — with the card a link makes and an example that listens
//! for the result. Every text and snippet comes from `core::kit` and `core::link_card`.

use leptos::prelude::*;

use super::store::use_app_state;
use super::widgets::CopyField;
use crate::core::benchmark::bench_param;
use crate::core::kit::{
    ACCENT_INVALID, BUTTON_FILE, BUTTON_LABEL, BenchmarkNote, FRAME_HEIGHT, KitChoice, hosts, listener_example,
};
use crate::core::link_card::check_card;
use crate::core::route::Theme;
use crate::core::session::Action;
use crate::core::theme::{Scheme, to_hex};
use crate::shell::{address, host, image};

/// The embed kit screen.
#[component]
pub fn EmbedKit(
    /// The widget's base address the snippets and preview name: this site's, unless a test
    /// gives another (so that its preview does not load the test page into itself).
    #[prop(optional)]
    base: Option<String>,
) -> impl IntoView {
    let state = use_app_state();
    let base = base.unwrap_or_else(address::base_url);
    // Readers' results opens the kit with its benchmark in the tools page's own address.
    let benchmark = bench_param(&address::query()).unwrap_or_default().to_owned();
    let choice = RwSignal::new(KitChoice { benchmark, ..KitChoice::default() });
    let address = {
        let base = base.clone();
        Memo::new(move |_| choice.with(|c| c.frame_address(&base)))
    };
    view! {
        <section id="embed-kit" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Embed this check"</h1>
            <p>
                "Choose how the check should look on your page, see it below as your readers will, then follow the steps for where you publish."
            </p>
            <Pickers choice=choice/>
            <h2 id="kit-preview-heading">"Preview"</h2>
            <p class="hint-text">
                "The check as your page will show it, at " <code id="kit-address">{move || address.get()}</code>
                ". With the automatic theme it follows your device's light or dark setting, as it will each reader's."
            </p>
            <Preview address=address transparent=Signal::derive(move || choice.with(|c| c.transparent))/>
            <h2>"Put it on your site"</h2>
            <HostGuides choice=choice base=base.clone()/>
            <LinkCardPreview base=base/>
            <h2 id="kit-listen-heading">"React to a reader's result"</h2>
            <p>
                "With " <strong>"Send the reader's result to your page"</strong> " on, embed.js passes each reader's result on as a "
                <code>"readiness-check:result"</code>
                " event on the iframe, once they reach their results. Paste this after the snippet and change what it does:"
            </p>
            <CopyField id="kit-listener" label="Example: listen for the result" text=listener_example() multiline=true/>
            <h2>"After you publish"</h2>
            <p>
                "Readers paste their results links into your comments. Copy the whole comment thread into "
                <a href="#readers">"Readers' results"</a>
                " to see how many pilots are ready, what blocks the others and which questions readers couldn't answer."
            </p>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::ShowOwn)>
                    "Back to the check"
                </button>
            </div>
        </section>
    }
}

/// The check in an iframe with the author's choices, as tall as its content: it follows the
/// preview's height messages as `embed.js` does on the author's page.
#[component]
fn Preview(
    /// The widget's address with the choices.
    address: Memo<String>,
    /// Whether the backdrop should show through.
    transparent: Signal<bool>,
) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let height = RwSignal::new(FRAME_HEIGHT);
    let listener = window_event_listener(leptos::ev::message, move |event| {
        let reported = frame.get_untracked().and_then(|element| host::height_from_frame(&event, &element));
        if let Some(reported) = reported {
            height.set(reported);
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <div class="kit-preview" class:kit-transparent=move || transparent.get()>
            <iframe
                id="kit-preview"
                node_ref=frame
                src=move || address.get()
                title="Preview of the embedded check"
                height=move || height.get().to_string()
            ></iframe>
        </div>
    }
}

/// Theme, accent, background and events; what the accent will look like in each theme.
#[component]
fn Pickers(
    /// The author's choices, changed here.
    choice: RwSignal<KitChoice>,
) -> impl IntoView {
    let theme_option = move |theme: Theme, id: &'static str, label: &'static str| {
        view! {
            <label class="kit-option" for=id>
                <input
                    type="radio"
                    id=id
                    name="kit-theme"
                    value=theme.name()
                    prop:checked=move || choice.with(|c| c.theme == theme)
                    on:change=move |_| choice.update(|c| c.theme = theme)
                />
                {label}
            </label>
        }
    };
    let picker_value = move || choice.with(|c| to_hex(c.accent_colour().unwrap_or(Scheme::Light.default_accent())));
    view! {
        <div class="kit-pickers">
            <fieldset>
                <legend>"Theme"</legend>
                {theme_option(Theme::Auto, "kit-theme-auto", "Automatic (the reader's setting)")}
                {theme_option(Theme::Light, "kit-theme-light", "Light")}
                {theme_option(Theme::Dark, "kit-theme-dark", "Dark")}
            </fieldset>
            <div class="field">
                <label for="kit-accent">"Accent colour (six hex digits, empty for the check's own blue)"</label>
                <div class="kit-accent-row">
                    <CodeInput
                        id="kit-accent"
                        placeholder="c2410c"
                        described_by="kit-accent-notes"
                        choice=choice
                        get=|c| c.accent.clone()
                        set=|c, value| c.accent = value
                    />
                    <input
                        type="color"
                        id="kit-accent-picker"
                        aria-label="Pick the accent colour"
                        prop:value=picker_value
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            choice.update(|c| c.accent = value.trim_start_matches('#').to_owned());
                        }
                    />
                </div>
                <div id="kit-accent-notes" aria-live="polite">
                    {move || {
                        if choice.with(|c| c.accent_is_invalid()) {
                            return view! { <p id="kit-accent-invalid" class="kit-warning">{ACCENT_INVALID}</p> }
                                .into_any();
                        }
                        let notes = choice.with(|c| c.accent_notes());
                        view! {
                            <ul class="kit-notes">
                                {notes
                                    .into_iter()
                                    .map(|note| {
                                        view! {
                                            <li data-scheme=note.scheme.name() data-used=note.used.clone()>
                                                <svg class="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                                                    <rect width="16" height="16" rx="3" fill=note.used.clone()></rect>
                                                </svg>
                                                " "
                                                {note.text}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </div>
            </div>
            <label class="kit-option" for="kit-transparent">
                <input
                    type="checkbox"
                    id="kit-transparent"
                    prop:checked=move || choice.with(|c| c.transparent)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        choice.update(|c| c.transparent = on);
                    }
                />
                "Transparent background (your page's shows through)"
            </label>
            <label class="kit-option" for="kit-events">
                <input
                    type="checkbox"
                    id="kit-events"
                    prop:checked=move || choice.with(|c| c.events)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        choice.update(|c| c.events = on);
                    }
                />
                "Send the reader's result to your page (the check tells the reader)"
            </label>
            <BenchmarkField choice=choice/>
        </div>
    }
}

/// A text field for something typed or pasted as code (a colour, a benchmark): no spelling
/// help or autocompletion, its note named as its description, bound to one of the choices.
#[component]
fn CodeInput(
    /// Element id.
    id: &'static str,
    /// Example shown while empty.
    placeholder: &'static str,
    /// The id of the note that says what the kit makes of the text.
    described_by: &'static str,
    /// The author's choices.
    choice: RwSignal<KitChoice>,
    /// The choice this field shows…
    get: fn(&KitChoice) -> String,
    /// …and how the text typed changes it.
    set: fn(&mut KitChoice, String),
) -> impl IntoView {
    view! {
        <input
            type="text"
            id=id
            placeholder=placeholder
            autocomplete="off"
            spellcheck="false"
            aria-describedby=described_by
            prop:value=move || choice.with(get)
            on:input=move |ev| {
                let value = event_target_value(&ev);
                choice.update(|c| set(c, value));
            }
        />
    }
}

/// The readers' benchmark from readers' results: pasted here, it goes into every address
/// and snippet below; the author is told what readers will see, or why it does not read.
#[component]
fn BenchmarkField(
    /// The author's choices, changed here.
    choice: RwSignal<KitChoice>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="kit-bench">"Readers' benchmark (optional: copy it from " <a href="#readers">"Readers' results"</a> ")"</label>
            <CodeInput id="kit-bench" placeholder="B1…" described_by="kit-bench-note" choice=choice get=|c| c.benchmark.clone() set=|c, value| c.benchmark = value/>
            <div id="kit-bench-note" aria-live="polite">
                {move || match choice.with(KitChoice::benchmark_note) {
                    None => ().into_any(),
                    Some(BenchmarkNote::Reads(text)) => view! { <p id="kit-bench-reads" class="hint-text">{text}</p> }.into_any(),
                    Some(BenchmarkNote::Unreadable(text)) => {
                        view! { <p id="kit-bench-invalid" class="kit-warning">{text}</p> }.into_any()
                    }
                }}
            </div>
        </div>
    }
}

/// For each host: its steps, what to paste, and on Substack the button image to download.
#[component]
fn HostGuides(
    /// The author's choices.
    choice: RwSignal<KitChoice>,
    /// The widget's base address.
    base: String,
) -> impl IntoView {
    let guides = Memo::new(move |_| choice.with(|c| hosts(c, &base)));
    // The structure never changes with the choices, only the texts pasted.
    let shape = guides.get_untracked();
    shape
        .into_iter()
        .enumerate()
        .map(|(index, host)| {
            let text = Signal::derive(move || guides.with(|g| g[index].paste.text.clone()));
            view! {
                <section id=host.id class="kit-host" aria-labelledby=format!("{}-heading", host.id)>
                    <h3 id=format!("{}-heading", host.id)>{host.name}</h3>
                    <ol>{host.steps.into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}</ol>
                    {host.button_image.then(|| view! { <ButtonImage choice=choice/> })}
                    <CopyField id=host.paste.id label=host.paste.label text=text multiline=host.paste.text.contains('\n')/>
                </section>
            }
        })
        .collect_view()
}

/// The button image for Substack, drawn in the accent the light theme shows, to download.
#[component]
fn ButtonImage(
    /// The author's choices (the accent).
    choice: RwSignal<KitChoice>,
) -> impl IntoView {
    let colour = Memo::new(move |_| choice.with(|c| c.button_colour()));
    let png = Memo::new(move |_| image::render_button_png(BUTTON_LABEL, &colour.get()));
    let status = RwSignal::new("");
    let download = move |_| {
        let outcome = png.get_untracked().map(|data| image::download(&data, BUTTON_FILE));
        status.set(match outcome {
            Some(Ok(())) => "Downloaded: upload it as an image in your post.",
            _ => "This browser could not make the image.",
        });
    };
    view! {
        <div class="kit-button">
            {move || {
                png.get()
                    .map(|data| {
                        view! {
                            <img id="kit-button-image" src=data alt=BUTTON_LABEL width="360" height="96" data-colour=colour.get()/>
                        }
                    })
            }}
            <p>
                <button id="kit-button-download" type="button" class="secondary" on:click=download>
                    "Download the button image"
                </button>
            </p>
            <p class="copy-status" role="status">{move || status.get()}</p>
        </div>
    }
}

/// The card a link to the check makes on Substack, Medium, LinkedIn and the like.
#[component]
fn LinkCardPreview(
    /// The widget's base address.
    base: String,
) -> impl IntoView {
    let card = check_card();
    let site = base.split("://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or_default().to_owned();
    view! {
        <h2 id="kit-card-heading">"The card a link makes"</h2>
        <p>
            "Where you paste the check's address, the site shows this card, made from the page's title, description and image:"
        </p>
        <figure id="kit-card" class="link-card" aria-labelledby="kit-card-title">
            <img src=format!("{base}{}", card.image) alt=card.image_alt width="600" height="315"/>
            <figcaption>
                <span class="link-card-site">{site}</span>
                <strong id="kit-card-title">{card.title}</strong>
                <span class="link-card-description">{card.description}</span>
            </figcaption>
        </figure>
        <p class="hint-text">
            "LinkedIn and Facebook show the image only when the site was built with its own address (SITE_URL, see the README's Deploy section)."
        </p>
    }
}
