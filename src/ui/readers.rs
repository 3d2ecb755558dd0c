//! Readers' results, for authors: paste a whole comment thread (or drop a file) and see what
//! the shared results in it say together. The pasted text stays in the page: it is never
//! stored or sent, and the analysis runs in the core (`core::readers`), in a worker where the
//! browser starts one (`shell::readers_worker`), so a long thread never holds up the page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::store::use_app_state;
use super::widgets::CopyField;
use crate::core::readers::{self, Extracted, TOP_COMBINATIONS, and_more, percent};
use crate::core::session::Action;
use crate::core::share_text::readers_card;
use crate::shell::{address, files, image, readers_worker};

/// Wait after the last keystroke before reading the text again, so typing in a pasted
/// thread of thousands of links stays fluid.
const SETTLE_MS: u64 = 250;

/// The most text read at once, in UTF-16 units (about 1 MB, a thread of some 2,500 comments):
/// the worker reads it in about half a second, and a 60 MB text in the field alone takes the
/// browser seconds to lay out. More is cut at the last line break before the cap, and the
/// author is told.
const MAX_READ_UNITS: u32 = 1_000_000;

/// The text to read from a pasted or dropped text of `total` UTF-16 units: at most
/// [`MAX_READ_UNITS`], cut after the last whole line, and what the author is told about it.
fn capped(text: String, total: u32) -> (String, String) {
    if total <= MAX_READ_UNITS {
        return (text, String::new());
    }
    let cut = text.rfind('\n').map_or(text.as_str(), |end| &text[..end]).to_owned();
    let millions = |units: u32| f64::from(units) / 1_000_000.0;
    let note = format!(
        "This text is {:.1} million characters long: only the first {:.0} million were read (every whole line up to there). Paste the rest separately to read it.",
        millions(total),
        millions(MAX_READ_UNITS)
    );
    (cut, note)
}

/// The text of the field that fired `event`, at most [`MAX_READ_UNITS`] of it, and its whole
/// length. A longer text is cut in the field itself (at the last line break before the cap),
/// before the browser lays it out: a 60 MB text in a field takes the tab seconds to draw.
fn field_text(event: &leptos::ev::Event) -> (String, u32) {
    use wasm_bindgen::JsCast;
    let Some(area) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else {
        return (String::new(), 0);
    };
    let total = area.text_length();
    if total <= MAX_READ_UNITS {
        return (area.value(), total);
    }
    let value = js_sys::Reflect::get(&area, &wasm_bindgen::JsValue::from_str("value")).unwrap_or_default();
    let kept = kept_part(&value.unchecked_into());
    area.set_value(&kept);
    (kept, total)
}

/// The first [`MAX_READ_UNITS`] of a JS string, cut after its last whole line, copied out of
/// the page (only that part is).
fn kept_part(text: &js_sys::JsString) -> String {
    let head = text.slice(0, MAX_READ_UNITS);
    let end = head.last_index_of("\n", i32::MAX);
    String::from(if end > 0 { head.slice(0, end as u32) } else { head })
}

/// A paste larger than the cap never reaches the field whole: its first part replaces the
/// field's text, and `(kept, total)` is read; a smaller one is left to the browser (`None`).
fn take_large_paste(event: &leptos::ev::ClipboardEvent) -> Option<(String, u32)> {
    use wasm_bindgen::JsCast;
    let data = event.clipboard_data()?;
    let get = js_sys::Reflect::get(&data, &wasm_bindgen::JsValue::from_str("getData")).ok()?;
    let text = get.dyn_into::<js_sys::Function>().ok()?.call1(&data, &"text".into()).ok()?;
    let text: js_sys::JsString = text.dyn_into().ok()?;
    let total = text.length();
    if total <= MAX_READ_UNITS {
        return None;
    }
    event.prevent_default();
    let kept = kept_part(&text);
    if let Some(area) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        area.set_value(&kept);
    }
    Some((kept, total))
}

/// What a pasted text says, and the text (a link fixed in place edits it).
#[derive(Debug)]
struct Analysis {
    text: String,
    extracted: Extracted,
}

/// Reads `text` (in the worker) and shows what it says: `reading` is true meanwhile; an empty
/// text shows nothing. A later call supersedes an earlier one still being read.
fn analyse(text: String, analysed: RwSignal<Option<Arc<Analysis>>>, reading: RwSignal<bool>) {
    if text.trim().is_empty() {
        reading.set(false);
        analysed.set(None);
        return;
    }
    reading.set(true);
    let kept = text.clone();
    readers_worker::read(text, move |extracted| {
        // The screen may be gone by now: then there is nothing to show.
        let _ = analysed.try_set(Some(Arc::new(Analysis { text: kept, extracted })));
        let _ = reading.try_set(false);
    });
}

/// The readers' results screen.
#[component]
pub fn ReadersView() -> impl IntoView {
    let state = use_app_state();
    let analysis = RwSignal::new(None::<Arc<Analysis>>);
    let edits = StoredValue::new(0u32);
    let file_status = RwSignal::new(String::new());
    let cap_note = RwSignal::new(String::new());
    let reading = RwSignal::new(false);
    let read_later = move |(text, total): (String, u32)| {
        let edit = edits.get_value().wrapping_add(1);
        edits.set_value(edit);
        set_timeout(
            move || {
                if edits.get_value() == edit {
                    let (text, note) = capped(text, total);
                    cap_note.set(note);
                    analyse(text, analysis, reading);
                }
            },
            std::time::Duration::from_millis(SETTLE_MS),
        );
    };
    let area = NodeRef::<leptos::html::Textarea>::new();
    let take_file = move |file: web_sys::File| {
        let name = file.name();
        if !files::is_text_file(&name) {
            file_status.set(format!("{name} is not a text, CSV or HTML file: nothing was read."));
            return;
        }
        spawn_local(async move {
            match files::read_text(&file).await {
                Some(text) => {
                    if let Some(area) = area.get_untracked() {
                        area.set_value(&text);
                    }
                    file_status.set(format!("Read {name}."));
                    let total = text.encode_utf16().count().min(u32::MAX as usize) as u32;
                    let (text, note) = capped(text, total);
                    cap_note.set(note);
                    analyse(text, analysis, reading);
                }
                None => file_status.set(format!("{name} could not be read.")),
            }
        });
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        if let Some(file) = files::dropped_file(&event) {
            take_file(file);
        }
    };
    let on_choose = move |event: leptos::ev::Event| {
        if let Some(file) = files::chosen_file(&event) {
            take_file(file);
        }
    };
    view! {
        <section id="readers" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">"Readers' results"</h1>
            <p>
                "For authors: paste a whole comment thread from Substack or LinkedIn, an e-mail or a spreadsheet column. "
                "Every results link and team link in it is found and counted, wherever it stands."
            </p>
            <p class="note">"The text stays in this page: it is not stored and nothing is sent anywhere."</p>
            <div class="field drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for="readers-input">"Comment thread, or any text with results links"</label>
                <textarea
                    id="readers-input"
                    node_ref=area
                    rows="10"
                    spellcheck="false"
                    on:input=move |ev| read_later(field_text(&ev))
                    on:paste=move |ev| {
                        if let Some(read) = take_large_paste(&ev) {
                            read_later(read);
                        }
                    }
                ></textarea>
                <p id="readers-cap" class="note" role="status">{move || cap_note.get()}</p>
                <label for="readers-file" class="file-label">
                    "Or choose a .txt, .csv or .html file (dropping one on the box works too): "
                </label>
                <input id="readers-file" type="file" accept=".txt,.csv,.html,.htm,.md,text/plain,text/csv,text/html" on:change=on_choose/>
                <p id="readers-file-status" class="copy-status" role="status">{move || file_status.get()}</p>
                <p id="readers-reading" class="note" role="status">{move || reading.get().then_some("Reading the text…")}</p>
            </div>
            {move || match analysis.get() {
                None => view! { <p id="readers-empty" class="empty">"Paste a thread to see what readers found."</p> }.into_any(),
                Some(found) => view! { <ReadersReport analysis=found area=area analysed=analysis reading=reading/> }.into_any(),
            }}
            <div class="actions">
                <a href="#team" class="button secondary">"Team view"</a>
                <button type="button" class="secondary" on:click=move |ev| state.act(&ev, Action::ReturnToCheck)>
                    "Back to my own check"
                </button>
            </div>
        </section>
    }
}

/// "1 result", "2 results".
fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A horizontal bar chart as SVG with a text alternative: one row per (name, value, label).
fn bars(id: &'static str, rows: Vec<(String, u32, String)>, max: u32, label: String) -> impl IntoView {
    let height = rows.len() as i32 * 30 + 6;
    let max = max.max(1);
    let drawn = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, value, text))| {
            let y = i as i32 * 30 + 4;
            let width = (value * 180 / max) as i32;
            view! {
                <g class="bar">
                    <text x="0" y=y + 17 class="bar-name">{name}</text>
                    <rect x="110" y=y + 4 width="180" height="18" rx="3" class="bar-track"></rect>
                    <rect x="110" y=y + 4 width=width height="18" rx="3" class="bar-fill"></rect>
                    <text x="298" y=y + 17 class="bar-value">{text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg id=id class="readers-chart" viewBox=format!("0 0 380 {height}") role="img" aria-label=label>
            {drawn}
        </svg>
    }
}

/// A score histogram as ten columns (0–9 … 90–100), with a text alternative.
fn histogram(counts: &[usize; 10], label: String) -> impl IntoView {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let columns = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let height = (n * 60 / max) as i32;
            let x = i as i32 * 30 + 2;
            view! {
                <rect x=x y=72 - height width="26" height=height rx="2" class="column"></rect>
                <text x=x + 13 y=70 - height text-anchor="middle" class="bar-value">{(n > 0).then(|| n.to_string())}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="readers-chart" viewBox="0 0 300 90" role="img" aria-label=label>
            {columns}
            <text x="2" y="86" class="axis">"0"</text>
            <text x="150" y="86" text-anchor="middle" class="axis">"50"</text>
            <text x="298" y="86" text-anchor="end" class="axis">"100"</text>
        </svg>
    }
}

/// The picture: who was counted and what was not, then the summary, what blocks readers,
/// each dimension, each question's answers by their words, and exports.
#[component]
fn ReadersReport(
    /// The analysed text.
    analysis: Arc<Analysis>,
    /// The text field, written when a link is fixed in place.
    area: NodeRef<leptos::html::Textarea>,
    /// The screen's analysis, replaced when a link is fixed in place.
    analysed: RwSignal<Option<Arc<Analysis>>>,
    /// True while a text is being read.
    reading: RwSignal<bool>,
) -> impl IntoView {
    let with_teams = RwSignal::new(false);
    let extracted = &analysis.extracted;
    let team_choice = (!extracted.teams.is_empty()).then(|| {
        let m = extracted.team_member_count();
        let t = extracted.teams.len();
        let label = format!(
            "Count the {} from {} as readers",
            count_of(m, "member", "members"),
            count_of(t, "team link", "team links")
        );
        view! {
            <div class="field checkbox">
                <input id="readers-teams" type="checkbox" prop:checked=move || with_teams.get()
                    on:change=move |ev| with_teams.set(event_target_checked(&ev))/>
                <label for="readers-teams">{label}</label>
            </div>
        }
    });
    let unread = (!extracted.unread.is_empty()).then(|| {
        let items = extracted
            .unread
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let who = extracted.author(u.comment).map_or("A comment".to_owned(), |a| format!("{a}'s comment"));
                let mut why = u.reason.explain().to_owned();
                if u.hash_encoded {
                    why += " Its # had been written %23 on the way.";
                }
                let input_id = format!("readers-fix-{i}");
                let replacement = RwSignal::new(String::new());
                let found = analysis.clone();
                let fix = move |_| {
                    let with = replacement.get_untracked();
                    if with.trim().is_empty() {
                        return;
                    }
                    let Some(unread) = found.extracted.unread.get(i) else { return };
                    let fixed = readers::fix(&found.text, unread, &with);
                    if let Some(area) = area.get_untracked() {
                        area.set_value(&fixed);
                    }
                    analyse(fixed, analysed, reading);
                };
                view! {
                    <li data-reason=u.reason.key()>
                        <strong>{who}</strong>
                        <span class="snippet"><bdi>{u.snippet.clone()}</bdi></span>
                        <span class="why">{why}</span>
                        <span class="fix">
                            <label for=input_id.clone()>"The full link, to count it: "</label>
                            <input id=input_id type="url" on:input=move |ev| replacement.set(event_target_value(&ev))/>
                            <button type="button" class="secondary" on:click=fix>"Use this link"</button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>"Links not counted"</h2>
            <ol id="readers-unread" class="readers-unread">{items}</ol>
        }
    });
    let shown = analysis.clone();
    view! {
        <p id="readers-counted">{move || readers::counted_sentence(&shown.extracted, with_teams.get())}</p>
        {team_choice}
        {unread}
        {move || {
            let counted = analysis.extracted.counted(with_teams.get());
            let summary = readers::summarise(&counted);
            picture(&analysis.extracted, &summary, counted, with_teams.get_untracked())
        }}
    }
}

/// The summary of the counted results, and what to take away.
fn picture(
    extracted: &Extracted,
    summary: &readers::ReadersSummary,
    counted: Vec<crate::core::share_code::SharedResult>,
    with_teams: bool,
) -> AnyView {
    if summary.results == 0 {
        return view! {
            <div id="readers-summary" data-results="0">
                <p role="status">"No reader's result could be counted in this text yet."</p>
            </div>
        }
        .into_any();
    }
    let blocking_rows: Vec<(String, u32, String)> = summary
        .blocking
        .iter()
        .map(|b| (b.name.to_owned(), b.count as u32, format!("{} ({}%)", b.count, percent(b.count, summary.not_ready))))
        .collect();
    let blocking_label = format!(
        "How often each dimension blocks the {} pilots not ready: {}.",
        summary.not_ready,
        blocking_rows.iter().map(|(n, _, t)| format!("{n} {t}")).collect::<Vec<_>>().join(", ")
    );
    let combinations = summary
        .combinations
        .iter()
        .take(TOP_COMBINATIONS)
        .map(|c| view! { <li>{format!("{}: {}", crate::core::scoring::join_words(&c.names), c.count)}</li> })
        .collect_view();
    let more_combinations = and_more(summary.combinations.len(), TOP_COMBINATIONS, "combination", "combinations")
        .map(|more| view! { <p class="note" id="readers-more-combinations">{more}</p> });
    let dimensions = summary
        .dimensions
        .iter()
        .map(|d| {
            let label = format!(
                "{} scores, in steps of ten from 0 to 100: {}.",
                d.name,
                d.histogram.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")
            );
            view! {
                <article class="readers-dimension" data-dimension=d.id data-yes=d.yes.to_string() data-partly=d.partly.to_string() data-no=d.no.to_string()>
                    <h3>{d.name}</h3>
                    <p>{format!("✓ yes {} · ◐ partly {} · ✗ no {} · … incomplete {}", d.yes, d.partly, d.no, d.incomplete)}</p>
                    {histogram(&d.histogram, label)}
                </article>
            }
        })
        .collect_view();
    let several_sets = summary.sets.len() > 1;
    // The current set first: most readers answered it; earlier versions follow.
    let sets = summary
        .sets
        .iter()
        .rev()
        .map(|set| {
            let current = set.set.id == crate::core::content::CURRENT.id;
            let results = count_of(set.results, "result", "results");
            let heading = match (several_sets, current) {
                (false, _) => format!("Each question ({results})"),
                (true, true) => format!("Questions of the current version ({results})"),
                (true, false) => format!("Questions of an earlier version ({results})"),
            };
            let tables = set
                .questions
                .iter()
                .map(|q| {
                    let rows = q
                        .rows()
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr data-answer=row.key>
                                    <th scope="row">{row.words}</th>
                                    <td>{row.count.to_string()}</td>
                                    <td>{format!("{}%", row.percent)}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <table class="readers-questions" data-set=set.set.id.to_string() data-question=q.question.id>
                            <caption>
                                {format!("{} ({})", q.question.short, q.dimension)}
                                <span class="prompt">{q.question.prompt}</span>
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Answer"</th>
                                    <th scope="col">"Results"</th>
                                    <th scope="col">"Share"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                })
                .collect_view();
            view! {
                <h3>{heading}</h3>
                <p class="note">"Most often unknown first."</p>
                {tables}
            }
        })
        .collect_view();
    let base = address::base_url();
    let bench = crate::core::benchmark::Benchmark::of(&counted).map(|bench| {
        let code = bench.encode();
        let link = crate::core::benchmark::with_bench(&base, &bench);
        let kit_link = format!("?bench={code}#embed-kit");
        view! {
            <h2>"A benchmark for your readers"</h2>
            <p>
                "Add this to the check's address (or your embed's) as "
                <code>"?bench=…"</code>
                ": every reader's results then say where they stand among these readers. The figures travel in the address; nothing is sent anywhere."
            </p>
            <CopyField id="readers-bench" label="Benchmark parameter" text=code/>
            <CopyField id="readers-bench-link" label="The check's address with the benchmark" text=link/>
            <p>
                // A new address for the tools page: the kit reads the benchmark from it.
                <a id="readers-bench-kit" href=kit_link>"Open the embed kit with this benchmark"</a>
                ": its iframe snippet, button link and preview then carry it."
            </p>
        }
    });
    let download_csv = move |_| {
        let csv = readers::csv(&counted, &base);
        let _ = files::download_text(&csv, "readers-results.csv", "text/csv;charset=utf-8");
    };
    let card = readers_card(summary);
    let alt = card.alt.clone();
    let image_status = RwSignal::new("");
    let download_image = move |_| {
        let saved = image::render_readers_png(&card).map(|url| image::download(&url, "readers-results.png"));
        image_status.set(match saved {
            Some(Ok(())) => "Image saved: readers-results.png.",
            _ => "This browser could not draw the image.",
        });
    };
    let plain = readers::plain_text(summary, extracted, with_teams);
    view! {
        <div id="readers-summary" data-results=summary.results.to_string() data-ready=summary.ready.to_string()>
            <p id="readers-sentence" class="readers-sentence" role="status">{readers::summary_sentence(summary)}</p>
            <p class="note">"These are the readers who chose to share a results link, not all readers."</p>
            {(summary.not_ready > 0)
                .then(|| {
                    view! {
                        <h2>"What blocks them"</h2>
                        {bars("readers-blocking", blocking_rows, summary.not_ready as u32, blocking_label)}
                        <h3>"Most common blocking combinations"</h3>
                        <ol id="readers-combinations">{combinations}</ol>
                        {more_combinations}
                    }
                })}
            <h2>"Each dimension"</h2>
            <div class="readers-dimensions">{dimensions}</div>
            <h2>"What readers answered"</h2>
            {sets}
            <h2>"Take it away"</h2>
            <div class="share-buttons">
                <button id="readers-csv" type="button" class="secondary" on:click=download_csv>
                    "Download CSV"
                </button>
                <button id="readers-image" type="button" class="secondary" on:click=download_image>
                    "Download summary image"
                </button>
            </div>
            <p id="readers-image-status" class="copy-status" role="status">{move || image_status.get()}</p>
            <CopyField id="readers-image-alt" label="Alt text for the image" text=alt multiline=true/>
            <CopyField id="readers-plain" label="Summary to paste into a follow-up post" text=plain multiline=true/>
            {bench}
        </div>
    }
    .into_any()
}
