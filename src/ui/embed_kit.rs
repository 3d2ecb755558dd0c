//! The embed kit: copy-paste snippets for hosts that allow iframes, and a link kit for
//! those that don't (Substack, Medium, LinkedIn).

use leptos::prelude::*;

use super::store::use_app_state;
use super::widgets::CopyField;
use crate::core::session::Action;
use crate::shell::address;

/// The embed kit screen.
#[component]
pub fn EmbedKit() -> impl IntoView {
    let state = use_app_state();
    let base = address::base_url();
    let iframe = format!(
        "<iframe src=\"{base}?embed\" title=\"Scaling Readiness Check\" style=\"width:100%;border:0\" height=\"640\" loading=\"lazy\" allow=\"clipboard-write; web-share\"></iframe>\n<script src=\"{base}embed.js\" defer></script>"
    );
    let wordpress = format!(
        "<!-- Paste into a Custom HTML block (needs a role allowed to post iframes, e.g. Administrator or Editor). -->\n{iframe}"
    );
    let ghost = format!("<!-- Paste into an HTML card. -->\n{iframe}");
    let link_text = format!("Is your AI pilot ready to scale? Take the 3-minute Scaling Readiness Check: {base}");
    let button_html = format!(
        "<a href=\"{base}\"><img src=\"{base}preview/button.png\" alt=\"Take the Scaling Readiness Check\" width=\"360\" height=\"96\"></a>"
    );
    view! {
        <section id="embed-kit" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Embed this check"</h1>
            <p>
                "Paste a snippet into your page. The iframe resizes itself to its content (the small script listens for its height, checking the sender). "
                "Add " <code>"&theme=dark"</code> ", " <code>"&theme=light"</code> " or " <code>"&accent=0b63ce"</code> " to the address to match your site."
            </p>
            <p>
                "To let your page react to a reader's result (a " <code>"readiness-check:result"</code>
                " event on the iframe), add " <code>"&events"</code>
                ": the widget then tells the reader that your site receives their verdict and scores."
            </p>
            <h2>"Plain HTML"</h2>
            <CopyField id="snippet-html" label="HTML snippet" text=iframe multiline=true/>
            <h2>"WordPress"</h2>
            <CopyField id="snippet-wordpress" label="WordPress Custom HTML block" text=wordpress multiline=true/>
            <h2>"Ghost"</h2>
            <CopyField id="snippet-ghost" label="Ghost HTML card" text=ghost multiline=true/>
            <h2>"Substack, Medium, LinkedIn"</h2>
            <p>"These don't allow iframes. Link to the check instead: the link shows a preview card, and a button image works in posts and newsletters."</p>
            <CopyField id="kit-link" label="Text and link to paste" text=link_text/>
            <CopyField id="kit-button" label="Button image (HTML)" text=button_html multiline=true/>
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
