//! The team view: several results links side by side, each dimension's average and spread,
//! who stands out, the team verdict, and one team link carrying everyone.

use leptos::prelude::*;

use super::store::use_app_state;
use super::widgets::CopyField;
use crate::core::links::team_link;
use crate::core::scoring::band_label;
use crate::core::session::{Action, View};
use crate::core::share_code::{self, SharedResult};
use crate::core::team::{self, PastedEntry, TeamSummary};
use crate::shell::address;

/// The team view, opened empty (to paste links) or from a team link.
#[component]
pub fn TeamView(
    /// Members carried by a team link.
    members: Vec<SharedResult>,
) -> impl IntoView {
    let state = use_app_state();
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
        state.with(|s| match &s.view {
            View::Team(members) => members.clone(),
            _ => Vec::new(),
        })
    });
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let members = team::members_of(&team::read_pasted(&text));
        pasted.set(text);
        state.act(&event, Action::UpdateTeam(members));
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
            <p class="note">
                "An author with a whole comment thread of results? "
                <a href="#readers">"Readers' results"</a>
                " reads every link in it at once."
            </p>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::ShowOwn)>
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
    let names = team::member_names(&members);
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
    let findings = team::findings(&summary, &names);
    let verdict = team::verdict_sentence(&summary);
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
