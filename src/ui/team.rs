//! The team view: several results links side by side, each dimension's average and spread,
//! who stands out, the team verdict, and one team link carrying everyone.

use leptos::prelude::*;

use super::app::Store;
use super::report::{band_label, join_words};
use super::share::CopyField;
use crate::core::session::{Action, View};
use crate::core::share_code::{self, SharedResult};
use crate::core::summary::team_link;
use crate::core::team::{self, PastedEntry, TeamSummary};
use crate::shell::address;

/// Display name of a member: their label when it tells them apart, else "Person N" (with
/// the label, when several people labelled the same pilot).
fn member_name(members: &[SharedResult], index: usize) -> String {
    let person = format!("Person {}", index + 1);
    let Some(member) = members.get(index) else { return person };
    if member.label.is_empty() {
        return person;
    }
    let shared = members.iter().filter(|m| m.label == member.label).count() > 1;
    if shared { format!("{person} ({})", member.label) } else { member.label.clone() }
}

/// The team view, opened empty (to paste links) or from a team link.
#[component]
pub fn TeamView(
    /// Members carried by a team link.
    members: Vec<SharedResult>,
) -> impl IntoView {
    let store = Store::get();
    let initial = members.iter().map(|m| share_code::encode(&m.answers, &m.label)).collect::<Vec<_>>().join("\n");
    let pasted = RwSignal::new(initial);
    let entries = Memo::new(move |_| pasted.with(|text| team::read_pasted(text)));
    let invalid = move || {
        entries.with(|e| {
            e.iter()
                .filter_map(|entry| match entry {
                    PastedEntry::Invalid { line, error } => Some((*line, error.kind())),
                    PastedEntry::Result(_) => None,
                })
                .collect::<Vec<_>>()
        })
    };
    // The session holds the team (so the address carries it); the text stays local.
    let valid = Memo::new(move |_| {
        store.session.with(|s| match &s.view {
            View::Team(members) => members.clone(),
            _ => Vec::new(),
        })
    });
    let on_input = move |event| {
        let text = event_target_value(&event);
        let members = team::members_of(&team::read_pasted(&text));
        pasted.set(text);
        store.dispatch(Action::UpdateTeam(members));
    };
    let base = address::base_url();
    let link = Memo::new(move |_| {
        let codes: Vec<String> = valid.with(|v| v.iter().map(|m| share_code::encode(&m.answers, &m.label)).collect());
        team_link(&base, &codes)
    });
    view! {
        <section id="team" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Team view"</h1>
            <p>
                "Where do you disagree? Each person takes the check and shares their results link; paste the links here, one per line. "
                "The essay's point: executives and middle managers often see different realities."
            </p>
            <div class="field">
                <label for="team-input">"Results links, one per line"</label>
                <textarea
                    id="team-input"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || pasted.get_untracked()
                    on:input=on_input
                ></textarea>
            </div>
            <ul id="team-errors" class="errors">
                {move || {
                    invalid()
                        .into_iter()
                        .map(|(line, kind)| {
                            view! {
                                <li data-error=kind>
                                    {format!("Line {line} is not a readable results link ({}); it is left out.", kind.replace('-', " "))}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                let members = valid.get();
                match team::summarise(&members) {
                    Some(summary) => {
                        view! {
                            <TeamTable summary=summary members=members.clone()/>
                            <CopyField id="team-link" label="Team link: everyone's results in one link" text=link/>
                        }
                            .into_any()
                    }
                    None => view! { <p class="empty">"Paste at least one results link to begin."</p> }.into_any(),
                }
            }}
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| store.dispatch(Action::ShowOwn)>
                    "Back to my own check"
                </button>
            </div>
        </section>
    }
}

/// The per-dimension table and the team verdict.
#[component]
fn TeamTable(
    /// The computed summary.
    summary: TeamSummary,
    /// The members, for their names.
    members: Vec<SharedResult>,
) -> impl IntoView {
    let names: Vec<String> = (0..members.len()).map(|i| member_name(&members, i)).collect();
    let header = names.iter().map(|n| view! { <th scope="col"><bdi>{n.clone()}</bdi></th> }).collect_view();
    let rows = summary
        .dimensions
        .iter()
        .map(|d| {
            let cells = d
                .members
                .iter()
                .map(|m| {
                    let outlier = d.outliers.contains(&m.member);
                    let text = match m.score {
                        Some(s) => format!("{s} · {}", band_label(m.band)),
                        None => "incomplete".to_owned(),
                    };
                    view! {
                        <td class:outlier=outlier>
                            {text}
                            {outlier.then(|| view! { <span class="tag">" (stands out)"</span> })}
                        </td>
                    }
                })
                .collect_view();
            let average = d.average.map_or("–".to_owned(), |a| a.to_string());
            let spread = d.spread.map_or("–".to_owned(), |s| s.to_string());
            view! {
                <tr data-dimension=d.name>
                    <th scope="row">{d.name}</th>
                    {cells}
                    <td class="average">{format!("{average} · {}", band_label(d.consensus))}</td>
                    <td class="spread">{spread}</td>
                </tr>
            }
        })
        .collect_view();
    let mut findings: Vec<String> = Vec::new();
    for d in &summary.dimensions {
        if !d.outliers.is_empty() {
            let who: Vec<&str> = d.outliers.iter().filter_map(|&i| names.get(i)).map(String::as_str).collect();
            findings.push(format!(
                "{}: {} {} from the rest of the team.",
                d.name,
                join_words(&who),
                if who.len() == 1 { "stands apart" } else { "stand apart" }
            ));
        }
    }
    for &i in &summary.disagreements {
        if let Some(d) = summary.dimensions.get(i) {
            findings.push(format!(
                "{}: scores spread over {} points. The disagreement is a finding in itself: talk it through before scaling.",
                d.name,
                d.spread.unwrap_or(0)
            ));
        }
    }
    let names_where = |finished: bool| -> Vec<&str> {
        summary
            .blocking
            .iter()
            .filter_map(|&i| summary.dimensions.get(i))
            .filter(|d| d.consensus.is_some() == finished)
            .map(|d| d.name)
            .collect()
    };
    let (failing, unfinished) = (names_where(true), names_where(false));
    let verdict = if summary.ready {
        "On average, the team says the pilot is ready to scale.".to_owned()
    } else {
        let verb = |n: usize| if n == 1 { "is" } else { "are" };
        let mut parts = Vec::new();
        if !failing.is_empty() {
            parts.push(format!("{} {} not a yes", join_words(&failing), verb(failing.len())));
        }
        if !unfinished.is_empty() {
            parts.push(format!("nobody finished {}", join_words(&unfinished)));
        }
        format!("On average, the team says the pilot is not ready: {}.", parts.join("; "))
    };
    let count = members.len();
    view! {
        <div id="team-summary" data-members=count.to_string() data-ready=summary.ready.to_string()>
            <p class="team-verdict" role="status">{verdict}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Team scores">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Dimension"</th>
                            {header}
                            <th scope="col">"Average"</th>
                            <th scope="col">"Spread"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ul id="team-findings">{findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
            <p class="note">
                {format!("{count} {} · a band differs from the average by 25+ points to stand out.", if count == 1 { "person" } else { "people" })}
            </p>
        </div>
    }
}
