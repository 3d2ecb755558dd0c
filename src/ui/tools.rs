//! The author tools' screens, for the page that carries them (`src/bin/tools.rs`): the team
//! view, readers' results and the embed kit. The check's own page never names this module, so
//! none of it is in the check's first load.

use leptos::prelude::*;

use super::embed_kit::EmbedKit;
use super::readers::ReadersView;
use super::team::TeamView;
use crate::core::session::View;

/// The screen for a tool's view, or `None` for a view that is not a tool.
pub fn screens(view: &View) -> Option<AnyView> {
    match view {
        View::Team(members) => Some(view! { <TeamView members=members.clone()/> }.into_any()),
        View::Readers => Some(ReadersView().into_any()),
        View::EmbedKit => Some(view! { <EmbedKit/> }.into_any()),
        View::Own | View::Shared(_) | View::Offered(_) | View::BadLink { .. } => None,
    }
}
