//! The team view: several results links with the names people gave them, one row per person,
//! each dimension's average and spread over those who know, who stands out, which row is the
//! visitor, the team verdict, and one team link carrying everyone and their names.

use leptos::prelude::*;

use super::store::use_app_state;
use super::widgets::CopyField;
use crate::core::links::team_members_link;
use crate::core::scoring::band_label;
use crate::core::session::{Action, View};
use crate::core::share_code::SharedResult;
use crate::core::team::{self, PastedEntry, TeamMember, TeamSummary};
use crate::shell::address;

/// The team view, opened empty (to paste links) or from a team link.
#[component]
pub fn TeamView(
    /// Members carried by a team link.
    members: Vec<TeamMember>,
) -> impl IntoView {
    let state = use_app_state();
    let pasted = RwSignal::new(team::pasted_lines(&members));
    let entries = Memo::new(move |_| pasted.with(|text| team::read_pasted(text)));
    let invalid = move || {
        entries.with(|e| {
            e.iter()
                .filter_map(|entry| match entry {
                    PastedEntry::Invalid { line, error } => Some((*line, error.kind())),
                    PastedEntry::Member(_) => None,
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
    let own = Memo::new(move |_| state.with(|s| SharedResult { answers: s.answers.clone(), label: s.label.clone() }));
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let members = team::members_of(&team::read_pasted(&text));
        pasted.set(text);
        state.act(&event, Action::UpdateTeam(members));
    };
    let base = address::base_url();
    let link = Memo::new(move |_| valid.with(|v| team_members_link(&base, v)));
    view! {
        <section id="team" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Team view"</h1>
            <p>
                "Where do you disagree? Each person takes the check and shares their results link; paste the links here, one per line, with a name before each if you like ("
                <code>"Maya: https://…"</code>
                "). The essay's point: executives and middle managers often see different realities."
            </p>
            <div class="field">
                <label for="team-input">"Results links, one per line, each perhaps after a name"</label>
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
                let results: Vec<SharedResult> = members.iter().map(|m| m.result.clone()).collect();
                match team::summarise(&results) {
                    Some(summary) => {
                        let you = team::own_member(&members, &own.get());
                        view! {
                            <TeamTable summary=summary members=members you=you/>
                            <CopyField id="team-link" label="Team link: everyone's results and names in one link" text=link/>
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

/// One row per person, one column per dimension (so a phone scrolls down, not sideways, and
/// the person who stands out is a row in view), then the team's rows: average and spread over
/// those who know, how many don't know, and the middle view.
#[component]
fn TeamTable(
    /// The computed summary.
    summary: TeamSummary,
    /// The members, for their names.
    members: Vec<TeamMember>,
    /// The visitor's own row, if one is theirs.
    you: Option<usize>,
) -> impl IntoView {
    let names = team::member_names(&members);
    let count = members.len();
    let header = summary.dimensions.iter().map(|d| view! { <th scope="col">{d.name}</th> }).collect_view();
    let rows = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let cells = summary
                .dimensions
                .iter()
                .map(|d| {
                    let score = d.members.get(i);
                    let outlier = d.outliers.contains(&i);
                    let (value, band) = match score {
                        Some(s) if s.dont_know => ("?".to_owned(), "don't know".to_owned()),
                        Some(s) => (s.score.map_or("…".to_owned(), |v| v.to_string()), band_label(s.band).to_owned()),
                        None => ("…".to_owned(), band_label(None).to_owned()),
                    };
                    view! {
                        <td class:outlier=outlier class:unknown=score.is_some_and(|s| s.dont_know)>
                            <span class="score">{value}</span>
                            <span class="band">{band}</span>
                            {outlier.then(|| view! { <span class="tag">"stands out"</span> })}
                        </td>
                    }
                })
                .collect_view();
            let is_you = you == Some(i);
            view! {
                <tr class:you=is_you data-member=i.to_string()>
                    <th scope="row">
                        <bdi>{name.clone()}</bdi>
                        {is_you.then(|| view! { <span class="tag you-tag">" (You)"</span> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let team_row = |label: &'static str, cell: &dyn Fn(&team::TeamDimension) -> String| {
        let cells = summary.dimensions.iter().map(|d| view! { <td>{cell(d)}</td> }).collect_view();
        view! {
            <tr class="team-row">
                <th scope="row">{label}</th>
                {cells}
            </tr>
        }
    };
    let average = team_row("Average of those who know", &|d| d.average.map_or("–".to_owned(), |a| a.to_string()));
    let spread = team_row("Spread", &|d| d.spread.map_or("–".to_owned(), |s| format!("{s} points")));
    let unknown = team_row("Don't know", &|d| format!("{} of {count}", d.dont_know));
    let middle = team_row("Middle view", &|d| band_label(d.consensus).to_owned());
    let findings = team::findings(&summary, &names);
    let verdict = team::verdict_sentence(&summary);
    view! {
        <div id="team-summary" data-members=count.to_string() data-ready=summary.ready.to_string()>
            <p class="team-verdict" role="status">{verdict}</p>
            <div class="team-table" role="region" aria-label="Team scores" tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Person"</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>{average}{spread}{unknown}{middle}</tfoot>
                </table>
            </div>
            <ul id="team-findings">{findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
            <p class="note" id="team-footnote">{team::footnote(count)}</p>
        </div>
    }
}
