//! The composition root: reads where the widget runs, builds the state, starts the syncs with
//! the outside world, and renders the chrome around the screen on display.

use leptos::either::Either;
use leptos::prelude::*;

use super::intro::Intro;
use super::question::QuestionStep;
use super::results::Results;
use super::shared_result::{BadLink, OfferedView, SharedView};
use super::store::{AppState, Env, ToolScreens, use_app_state};
use super::sync;
use crate::core::embed::{EmbedOptions, Environment, framing_allowed, height_target, site_name};
use crate::core::notices::{Notice, OPEN_IN_OWN_TAB};
use crate::core::route::{Address, Route};
use crate::core::session::{Session, Step, View};
use crate::shell::static_page::EarlyQuestion;
use crate::shell::{self, address, host};

/// The whole widget; `tools` renders the author tools on the page that carries them.
#[component]
pub fn App(
    /// The author tools' screens, or `None` on the check's own page.
    #[prop(default = None)]
    tools: Option<ToolScreens>,
    /// What the reader did on the page's static first question before the app arrived.
    #[prop(default = None)]
    early: Option<EarlyQuestion>,
) -> impl IntoView {
    let options = EmbedOptions::parse(&address::query());
    let framed = host::is_framed();
    let ancestors = host::ancestors();
    let allowed = host::allowed_embedders();
    // A frame on a site the author did not allow (every ancestor must be listed) gets a way
    // out, never the check itself.
    if framed && !framing_allowed(&allowed, &ancestors) {
        return FramingRefused().into_any();
    }
    let environment = Environment::of(&options, framed, &Route::parse(&address::fragment()));
    // Read once and kept for the page's life: a few bytes, leaked so `Env` stays `Copy`.
    let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    let parent_origin = framed.then(|| ancestors.parent().map(str::to_owned)).flatten();
    let env = Env {
        embedded: environment.embedded,
        framed,
        host_events: environment.host_events,
        tools,
        site: site_name(parent_origin.as_deref()).map(leak),
        parent_origin: parent_origin.map(leak),
        height_target: leak(height_target(&allowed, &ancestors)),
        can_verify_visibility: framed && host::can_verify_visibility(),
    };
    let embedded = env.embedded;
    let (session, notices) = sync::opening(early, framed);
    let state = AppState::new(session, notices, env);
    state.provide();

    sync::persist(state);
    sync::mirror_address(state);
    sync::follow_screen(state, environment.started_early);
    sync::post_results_to_host(state);
    sync::listen_to_hash(state);
    sync::listen_to_other_tabs(state);
    let root = NodeRef::<leptos::html::Div>::new();
    sync::report_height(state, root);
    // Accents are set through the CSSOM, which the page's CSP allows (no style attributes),
    // on the root element, from where the widget's colours inherit them; only accents that
    // read at AA in a theme are applied to it (validated in core).
    for (name, value) in [("--accent-light", &options.accent_light), ("--accent-dark", &options.accent_dark)] {
        if let Some(value) = value {
            shell::set_root_style_property(name, value);
        }
    }

    view! {
        <div
            id="widget"
            node_ref=root
            class="widget"
            class:embedded=embedded
            class:transparent=options.transparent
            data-theme=options.theme.name()
            // In a frame: whether the browser reports it in view (tests wait for it).
            data-visible=move || framed.then(|| state.visible.get().to_string())
        >
            // Chrome only outside an embed: decided once, so no reactive switch for it.
            {(!embedded).then(|| view! {
                <header class="chrome">
                    <p class="brand">"Scaling Readiness Check"</p>
                </header>
            })}
            <StorageNotices/>
            <main class="screen">
                <Screen/>
            </main>
            {(!embedded).then(Footer)}
        </div>
    }
    .into_any()
}

/// Shown instead of the check inside a frame of a site the author did not allow: the page
/// around it could be anything, so the check opens in its own tab.
#[component]
fn FramingRefused() -> impl IntoView {
    // Its height goes to the host page like the check's, so `embed.js` shrinks the frame to
    // the notice instead of leaving the snippet's first height mostly blank.
    let root = NodeRef::<leptos::html::Div>::new();
    sync::report_notice_height(root);
    view! {
        <div id="widget" node_ref=root class="widget embedded">
            <main class="screen">
                <section id="framing-refused" aria-labelledby="screen-heading">
                    <h1 id="screen-heading">"Scaling Readiness Check"</h1>
                    <p>"This check can't be shown inside this page. Open it in its own tab: your answers stay on your device."</p>
                    <p>
                        <a id="open-in-tab" class="button primary" href=address::base_url() target="_blank" rel="noopener">
                            "Open the check in a new tab"
                        </a>
                    </p>
                </section>
            </main>
        </div>
    }
}

/// The screen for the view on display. A move to another screen (`Session::place`) mounts it
/// afresh: Leptos would otherwise rebuild a screen of the same kind (the next question) in the
/// elements of the last, and focus would stay on a reused, renamed radio, where no screen
/// reader reads the new question out. Another tab replacing the answers under the screen
/// redraws it in place: the reader has not moved, and focus stays. Edits within a screen
/// update it through its own signals.
#[component]
fn Screen() -> impl IntoView {
    let state = use_app_state();
    let place = Memo::new(move |_| state.with(Session::place));
    let redraws = Memo::new(move |_| state.with(|s| s.redraws));
    // Leptos rebuilds a view in place when the new one has the type of the last and replaces
    // it when not. The screen changes side (`Either`) at every new place, so a move replaces
    // it and a redraw at the same place rebuilds it. (A keyed `<For>` of one item does the
    // same for 3.5 kB more of compressed wasm.)
    let left = Memo::new(move |last: Option<&bool>| {
        // `get`, which brings the place up to date: with `track` alone the screen stayed on the intro.
        let _ = place.get();
        last.is_none_or(|left| !left)
    });
    move || {
        let _ = redraws.get();
        let left = left.get();
        let screen = screen_on_display(state);
        if left { Either::Left(screen) } else { Either::Right(screen) }
    }
}

/// The view on display, rendered from the state as it is now.
fn screen_on_display(state: AppState) -> AnyView {
    match state.with_untracked(|s| s.view.clone()) {
        View::Own => OwnRun().into_any(),
        View::Shared(result) => view! { <SharedView result=result/> }.into_any(),
        View::Offered(offered) => view! { <OfferedView offered=offered/> }.into_any(),
        View::BadLink { team, error } => view! { <BadLink team=team error=error/> }.into_any(),
        tool @ (View::Team(_) | View::Readers | View::EmbedKit) => {
            match state.env.tools.and_then(|render| render(&tool)) {
                Some(screen) => screen,
                // `sync::mirror_address` is taking the reader to the tools page.
                None => view! { <p id="opening-tools" class="loading">"Opening the author tools…"</p> }.into_any(),
            }
        }
    }
}

/// The reader's own run: intro, one question, or results (a step is a move: `Screen` mounts
/// each afresh).
#[component]
fn OwnRun() -> impl IntoView {
    let state = use_app_state();
    match state.with_untracked(|s| s.step) {
        Step::Intro => Intro().into_any(),
        Step::Question(position) => view! { <QuestionStep position=position/> }.into_any(),
        Step::Results => Results().into_any(),
    }
}

/// Storage notices: told once, discreetly, and dismissable.
#[component]
fn StorageNotices() -> impl IntoView {
    let state = use_app_state();
    let framed = state.env.framed;
    let text = Memo::new(move |_| state.notices().text(framed));
    let own_tab = Memo::new(move |_| state.notices().offers_own_tab(framed));
    // The check in its own tab, carrying the run so far (as the address does where storage
    // fails); inside the frame, which the page around it cannot read.
    let own_tab_address = move || {
        let relative = state.with(|s| Address::of(s, false)).map(|a| a.relative()).unwrap_or_default();
        format!("{}{relative}", address::base_url())
    };
    // The live region stays mounted so screen readers announce the notice when it appears.
    view! {
        <div role="status" class="notice-region">
            {move || {
                text.get()
                    .map(|text| {
                        view! {
                            <div id="storage-notice" class="notice">
                                <p>{text}</p>
                                {move || {
                                    own_tab
                                        .get()
                                        .then(|| {
                                            view! {
                                                <a id="open-own-tab" href=own_tab_address target="_blank" rel="noopener">
                                                    {OPEN_IN_OWN_TAB}
                                                </a>
                                            }
                                        })
                                }}
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| {
                                        state.notify(Notice::Dismissed);
                                        // The button is about to go: keep focus on the screen, not the body.
                                        shell::focus_by_id("screen-heading");
                                    }
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Page footer: privacy, team view, readers' results, embed kit, essay.
#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="chrome">
            <p>"Your answers stay on this device. No account, no tracking."</p>
            <nav aria-label="More">
                // Plain links: the `hashchange` sync routes them.
                <a href="#team">"Team view"</a>
                " · "
                <a href="#readers">"Readers' results"</a>
                " · "
                <a href="#embed-kit">"Embed this"</a>
                " · "
                <a href=crate::core::content::CURRENT.essay_url rel="noopener" target="_blank">
                    "Read the essay"
                </a>
            </nav>
        </footer>
    }
}
