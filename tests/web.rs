//! Browser tests for the components, in headless Chromium and Firefox (wasm-bindgen-test;
//! scripts/test.sh runs them in both): each test mounts into a fresh element, clicks or types,
//! waits a tick, and checks the DOM and state.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::CURRENT;
use readiness_check::core::notices::Notices;
use readiness_check::core::person::Person;
use readiness_check::core::scoring::Report;
use readiness_check::core::session::{Session, Step, View};
use readiness_check::core::share_code::{DecodeError, SharedResult};
use readiness_check::core::snapshot::{Snapshot, SnapshotError};
use readiness_check::shell::storage::{self, Loaded};
use readiness_check::ui::App;
use readiness_check::ui::intro::Intro;
use readiness_check::ui::question::QuestionStep;
use readiness_check::ui::report::{CompareView, ReportView};
use readiness_check::ui::results::Results;
use readiness_check::ui::shared_result::{BadLink, SharedView};
use readiness_check::ui::store::{AppState, Env};
use readiness_check::ui::team::TeamView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element appended to the page, so tests never see each other's DOM.
fn fresh_root() -> HtmlElement {
    let document = document();
    let root = document.create_element("section").unwrap().unchecked_into::<HtmlElement>();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn store_with(session: Session) -> AppState {
    AppState::new(session, Notices::default(), Env::default())
}

/// The results screen of a finished run with these answers, mounted in a fresh root; keep the
/// third value alive for as long as the screen should stay mounted.
fn mount_results(answers: Answers) -> (HtmlElement, AppState, impl Sized) {
    let root = fresh_root();
    let session = Session { answers, step: Step::Results, ..Session::default() };
    let store = store_with(session);
    let mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <Results/> }
    });
    (root, store, mount)
}

/// Answers with every question at one level.
fn all_at(level: u8) -> Answers {
    let mut answers = Answers::empty(CURRENT);
    for position in 0..CURRENT.question_count() {
        answers.set_answer(position, Some(Answer::Level(level)));
    }
    answers
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into::<HtmlElement>()
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn choosing_an_option_records_it_and_next_moves_on() {
    let root = fresh_root();
    let session = Session { step: Step::Question(0), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <QuestionStep position=0/> }
    });
    assert_eq!(find(&root, "#next").text_content().unwrap(), "Skip");
    find(&root, "#q0-o2").click();
    tick().await;
    assert_eq!(store.with_untracked(|s| s.answers.get(0)), Some(Answer::Level(2)));
    assert!(find(&root, "label[for=q0-o2]").class_list().contains("selected"));
    assert_eq!(find(&root, "#next").text_content().unwrap(), "Next");
    find(&root, "#next").click();
    tick().await;
    assert_eq!(store.with_untracked(|s| s.step), Step::Question(1));
}

#[wasm_bindgen_test]
async fn enter_in_the_radio_group_goes_on_and_dont_know_is_an_answer() {
    let root = fresh_root();
    let session = Session { step: Step::Question(3), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <QuestionStep position=3/> }
    });
    let unknown = find(&root, "#q3-unknown");
    unknown.click();
    tick().await;
    assert_eq!(store.with_untracked(|s| s.answers.get(3)), Some(Answer::DontKnow));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    unknown.dispatch_event(&event).unwrap();
    tick().await;
    assert_eq!(store.with_untracked(|s| s.step), Step::Question(4));
}

#[wasm_bindgen_test]
async fn question_screen_names_dimension_and_progress() {
    let root = fresh_root();
    let session = Session { step: Step::Question(5), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <QuestionStep position=5/> }
    });
    let progress = find(&root, "#progress").text_content().unwrap();
    assert!(progress.contains("Data"), "{progress}");
    assert!(progress.contains(&format!("6 of {}", CURRENT.question_count())), "{progress}");
    assert_eq!(count(&root, "fieldset input[type=radio]"), 5);
    assert_eq!(find(&root, "legend").text_content().unwrap(), CURRENT.locate(5).unwrap().1.prompt);
}

#[wasm_bindgen_test]
async fn start_over_asks_before_discarding() {
    let root = fresh_root();
    let session = Session { answers: all_at(1), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <Intro/> }
    });
    assert_eq!(count(&root, "#start"), 0);
    find(&root, "#start-over").click();
    tick().await;
    assert!(store.with_untracked(|s| s.has_progress()), "nothing is discarded before confirming");
    find(&root, "#confirm-start-over-yes").click();
    tick().await;
    assert!(!store.with_untracked(|s| s.has_progress()));
    assert_eq!(store.with_untracked(|s| s.step), Step::Question(0));
}

#[wasm_bindgen_test]
async fn report_shows_verdict_and_every_dimension() {
    let root = fresh_root();
    let store = store_with(Session::default());
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <ReportView report=Report::new(&all_at(3)) person=Person::Own editable=false answers=all_at(3)/> }
    });
    assert_eq!(find(&root, "#verdict").get_attribute("data-verdict").as_deref(), Some("ready"));
    assert_eq!(count(&root, ".dimension[data-score='100'][data-band=yes]"), 4);
    assert_eq!(count(&root, "#next-moves li"), 3);
    assert_eq!(count(&root, "#glance li[data-band=yes]"), 4);
    let ownership = find(&root, "#glance li[data-dimension=ownership]").text_content().unwrap();
    assert!(
        ownership.contains("Ownership") && ownership.contains("100/100") && ownership.contains("yes"),
        "{ownership}"
    );
}

/// Each dimension's details sit behind a button that says whether it is open and which region
/// it opens; the answers that keep a dimension from a yes show without opening it, and no card
/// repeats a move already on top.
#[wasm_bindgen_test]
async fn dimension_details_open_from_a_disclosure_and_the_blockers_show_without_it() {
    let (root, _store, _mount) = mount_results(all_at(0));
    assert_eq!(count(&root, ".dimension button.disclosure[aria-expanded=false]"), 4);
    assert_eq!(count(&root, ".dimension .details.collapsed"), 4);
    let card = find(&root, ".dimension[data-dimension=data]");
    assert!(count(&card, ".holding-back li") > 0, "the blockers are on the card");
    assert_eq!(count(&card, ".details .holding-back"), 0, "and not behind the disclosure");
    let button = find(&card, "button.disclosure");
    let region = button.get_attribute("aria-controls").unwrap();
    assert_eq!(find(&card, ".details").id(), region);
    button.click();
    tick().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!find(&card, ".details").class_list().contains("collapsed"));
    assert!(count(&card, ".details .fix") == 1, "the fix is in the details");
    button.click();
    tick().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(find(&card, ".details").class_list().contains("collapsed"));
    let moves: Vec<String> = (0..count(&root, "#next-moves li"))
        .map(|i| root.query_selector_all("#next-moves li").unwrap().get(i).unwrap().text_content().unwrap())
        .collect();
    let advice = root.query_selector_all(".dimension .advice li").unwrap();
    for i in 0..advice.length() {
        let text = advice.get(i).unwrap().text_content().unwrap();
        assert!(!moves.contains(&text), "a next move repeated on a card: {text}");
    }
}

/// The ready comment on the results screen names each dimension's standing in the squares'
/// order, and a partly is a partly.
#[wasm_bindgen_test]
async fn the_comment_on_the_results_screen_says_what_the_results_say() {
    // Set 2 (published, so frozen): Ownership all best, Data and Metrics short of best, Buy-in
    // all worst.
    let levels = [3, 3, 3, 3, 3, 2, 2, 2, 2, 0, 0, 0, 0, 0, 2, 2, 2, 2];
    let set = readiness_check::core::content::question_set(2).unwrap();
    let answers = Answers::from_slots(set, levels.iter().map(|&l| Some(Answer::Level(l))).collect()).unwrap();
    let (root, _store, _mount) = mount_results(answers);
    // The field's value is set by an effect after the first render.
    tick().await;
    let comment = find(&root, "#share-comment").unchecked_into::<web_sys::HtmlTextAreaElement>().value();
    assert!(
        comment.contains("1/4 🟩🟨🟥🟨 – not ready. Ownership yes, Data partly, Buy-in no, Metrics partly → http"),
        "{comment}"
    );
    let bands: Vec<String> = (0..4)
        .map(|i| root.query_selector_all("#glance li").unwrap().get(i).unwrap().unchecked_into::<HtmlElement>())
        .map(|li| li.get_attribute("data-band").unwrap())
        .collect();
    assert_eq!(bands, ["yes", "partly", "no", "partly"], "the squares say what the glance says");
}

/// Someone else's results, with "I don't know" answers and the visitor's own finished run:
/// nothing about the result itself speaks to the visitor as if it were theirs.
#[wasm_bindgen_test]
async fn a_shared_result_has_no_second_person_result_text() {
    let root = fresh_root();
    let mut answers = Answers::empty(CURRENT);
    for position in 0..CURRENT.question_count() {
        answers.set_answer(position, Some(if position % 2 == 0 { Answer::DontKnow } else { Answer::Level(1) }));
    }
    let result = SharedResult { answers, label: String::new() };
    let session = Session { answers: all_at(2), view: View::Shared(result.clone()), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <SharedView result=result.clone()/> }
    });
    assert_eq!(count(&root, "#compare-summary"), 1, "the comparison on top");
    assert_eq!(count(&root, ".their-words"), 2);
    let words = root.query_selector_all(".their-words").unwrap();
    let mut text = String::new();
    for i in 0..words.length() {
        text += &words.get(i).unwrap().text_content().unwrap();
        text.push(' ');
    }
    assert!(text.contains("Their verdict") && text.contains("They answered"), "{text}");
    let second: Vec<&str> = text
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}'))
        .filter(|w| {
            let w = w.to_lowercase().replace('\u{2019}', "'");
            w == "you" || w == "your" || w == "yours" || w.starts_with("you'") || w.starts_with("yourself")
        })
        .collect();
    assert!(second.is_empty(), "second person on someone else's results: {second:?} in {text}");
}

/// Enter on a question with no answer yet does not skip it (after Next, focus is already on
/// the next question's radios, and a second Enter must not skip that one).
#[wasm_bindgen_test]
async fn enter_on_an_unanswered_question_stays() {
    let root = fresh_root();
    let session = Session { step: Step::Question(1), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <QuestionStep position=1/> }
    });
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    find(&root, "#q1-o0").dispatch_event(&event).unwrap();
    tick().await;
    assert_eq!(store.with_untracked(|s| s.step), Step::Question(1));
}

#[wasm_bindgen_test]
async fn failing_report_names_the_blockers_and_edit_jumps_to_the_dimension() {
    let (root, store, _mount) = mount_results(all_at(0));
    assert_eq!(find(&root, "#verdict").get_attribute("data-verdict").as_deref(), Some("not-ready"));
    // Set 3's cards list each answer that is not a yes with its own fix (`.blocker-fix`).
    assert!(count(&root, ".dimension[data-band=no] .holding-back li .blocker-fix") >= 4);
    find(&root, ".dimension[data-dimension=data] button.edit").click();
    tick().await;
    assert_eq!(store.with_untracked(|s| s.step), Step::Question(CURRENT.first_position(1)));
}

#[wasm_bindgen_test]
async fn the_label_rides_in_the_link_and_clear_removes_everything() {
    let (root, store, _mount) = mount_results(all_at(2));
    let input = find(&root, "#pilot-label").unchecked_into::<web_sys::HtmlInputElement>();
    input.set_value("invoice triage");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    let link = find(&root, "#share-link").unchecked_into::<web_sys::HtmlInputElement>().value();
    assert!(link.ends_with(".invoice_triage"), "{link}");
    assert!(link.contains("/r/"), "{link}");
    find(&root, "#clear").click();
    tick().await;
    find(&root, "#confirm-clear").click();
    tick().await;
    assert!(!store.with_untracked(|s| s.has_progress()));
    assert_eq!(store.with_untracked(|s| s.label.clone()), "");
}

#[wasm_bindgen_test]
async fn a_shared_label_is_shown_as_text_never_as_markup() {
    let root = fresh_root();
    let label = "<img src=x onerror=alert(1)>".to_owned();
    let result = SharedResult { answers: all_at(1), label: label.clone() };
    let session = Session { view: View::Shared(result.clone()), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <SharedView result=result.clone()/> }
    });
    assert_eq!(find(&root, "#shared-label").text_content().unwrap(), label);
    assert_eq!(count(&root, "img"), 0);
    assert_eq!(count(&root, "#shared-banner"), 1);
    find(&root, "#take-check").click();
    tick().await;
    assert_eq!(store.with_untracked(|s| s.view.clone()), View::Own);
    assert!(store.with_untracked(|s| s.compare_with.is_some()));
    assert!(!store.with_untracked(|s| s.has_progress()), "a shared result never becomes the visitor's answers");
}

#[wasm_bindgen_test]
async fn a_bad_link_explains_and_offers_the_check() {
    let root = fresh_root();
    let session = Session { view: View::BadLink { team: false, error: DecodeError::Truncated }, ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <BadLink team=false error=DecodeError::Truncated/> }
    });
    assert_eq!(find(&root, "#link-error").get_attribute("data-error").as_deref(), Some("truncated"));
    assert!(find(&root, "#link-error").text_content().unwrap().contains("cut off"));
    find(&root, "#take-check").click();
    tick().await;
    assert_eq!(store.with_untracked(|s| (s.view.clone(), s.step)), (View::Own, Step::Question(0)));
}

#[wasm_bindgen_test]
async fn compare_names_the_differences() {
    let root = fresh_root();
    let store = store_with(Session::default());
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <CompareView mine=Report::new(&all_at(3)) theirs=Report::new(&all_at(0)) their_label="Ops".to_owned()/> }
    });
    assert_eq!(count(&root, "#compare tbody tr[data-dimension]"), 4);
    let differences = find(&root, "#differences").text_content().unwrap();
    assert!(differences.contains("Ownership: you say yes (100), they say no (0)."), "{differences}");
}

#[wasm_bindgen_test]
async fn team_view_reads_pasted_links_and_names_broken_lines() {
    let root = fresh_root();
    let session = Session { view: View::Team(Vec::new()), ..Session::default() };
    let store = store_with(session);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <TeamView members=Vec::new()/> }
    });
    let best = readiness_check::core::share_code::encode(&all_at(3), "Owner");
    let worst = readiness_check::core::share_code::encode(&all_at(0), "");
    let area = find(&root, "#team-input").unchecked_into::<web_sys::HtmlTextAreaElement>();
    area.set_value(&format!("{best}\nnot a link\nhttps://example.com/r/not-odbm/#r={worst}\n"));
    area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    assert_eq!(find(&root, "#team-summary").get_attribute("data-members").as_deref(), Some("2"));
    assert_eq!(count(&root, "#team-errors li"), 1);
    assert!(find(&root, "#team-errors").text_content().unwrap().contains("Line 2"));
    assert!(matches!(store.with_untracked(|s| s.view.clone()), View::Team(members) if members.len() == 2));
}

#[wasm_bindgen_test]
async fn the_app_saves_progress_to_storage_as_it_goes() {
    let storage = local_storage();
    storage.clear().unwrap();
    let root = fresh_root();
    let _mount = mount_to(root.clone(), || view! { <App/> });
    find(&root, "#start").click();
    tick().await;
    find(&root, "#q0-o3").click();
    // The storage effect runs after the render effect: poll a few ticks.
    let mut saved = None;
    for _ in 0..20 {
        tick().await;
        saved = storage.get_item("scaling-readiness-check").unwrap();
        if saved.as_deref().is_some_and(|s| s.contains(r#""step":"q0""#)) {
            break;
        }
    }
    let saved = saved.expect("progress is saved");
    assert!(saved.starts_with(r#"{"format":3,"run":"1"#), "{saved}");
    let Loaded::Snapshot(restored) = storage::load() else { panic!("the saved run reads back: {saved}") };
    assert_eq!(restored.session.answers.get(0), Some(Answer::Level(3)));
    local_storage().clear().unwrap();
}

fn local_storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// A session with a few answers, at question 3, with a label and a compare target.
fn some_run() -> Session {
    let mut session = Session { answers: all_at(2), ..Session::default() };
    session.answers.set_answer(1, Some(Answer::DontKnow));
    session.step = Step::Question(3);
    session.label = "invoice triage".to_owned();
    session.compare_with = Some(SharedResult { answers: all_at(0), label: "theirs".to_owned() });
    session
}

#[wasm_bindgen_test]
fn gloo_storage_saves_and_loads_a_run_in_the_real_local_storage() {
    local_storage().clear().unwrap();
    assert!(matches!(storage::load(), Loaded::Nothing));
    let run = some_run();
    storage::save(&Snapshot::of(&run)).expect("saved");
    let raw = local_storage().get_item(storage::KEY).unwrap().expect("stored under the run's key");
    assert!(raw.starts_with(r#"{"format":3,"#), "{raw}");
    let Loaded::Snapshot(loaded) = storage::load() else { panic!("readable: {raw}") };
    assert_eq!(loaded.session, Snapshot::of(&run).session);
    storage::clear().expect("cleared");
    assert_eq!(local_storage().length().unwrap(), 0);
}

#[wasm_bindgen_test]
fn gloo_storage_migrates_the_text_formats_and_keeps_unreadable_data_aside() {
    let storage_ = local_storage();
    storage_.clear().unwrap();
    storage_.set_item(storage::KEY, "S1;1BfU8H_IAQz;q6").unwrap();
    let Loaded::Snapshot(old) = storage::load() else { panic!("S1 reads") };
    assert_eq!(old.session.step, Step::Question(6));
    storage::save(&old).expect("saved again");
    assert!(
        storage_.get_item(storage::KEY).unwrap().unwrap().starts_with(r#"{"format":3"#),
        "migrated to JSON on save"
    );

    // A newer format is recognised as newer while its fields read as today's (a value whose
    // fields changed type reads as unreadable: kept aside all the same, told the same way).
    let cases = [
        ("garbage{", false),
        (r#"{"format":4,"run":"1C","step":"somewhere new","extra":[1]}"#, true),
        (r#"{"format":4,"run":[]}"#, false),
        (r#"{"format":3,"run":7}"#, false),
    ];
    for (value, newer) in cases {
        storage_.clear().unwrap();
        storage_.set_item(storage::KEY, value).unwrap();
        match storage::load() {
            Loaded::Unreadable { error, kept: true } => {
                assert_eq!(error == SnapshotError::NewerFormat, newer, "{value}")
            }
            other => panic!("{value}: expected unreadable and kept aside, got {other:?}"),
        }
        assert_eq!(storage_.get_item(storage::UNREADABLE_KEY).unwrap().as_deref(), Some(value), "kept verbatim");
        assert_eq!(storage_.get_item(storage::KEY).unwrap(), None, "moved out of the run's key");
    }
    storage_.clear().unwrap();
}

/// Replaces `navigator.share` with one whose promise rejects with a `DOMException` of this name.
fn fake_share_sheet(rejection: &str) {
    let navigator = window().navigator();
    let script = format!("return Promise.reject(new DOMException('fake', '{rejection}'))");
    let share = js_sys::Function::new_no_args(&script);
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &share).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&navigator, &"share".into(), &descriptor);
}

/// Mounts the results with a finished run and presses the system share button.
async fn press_share_with_a_sheet_that(rejection: &str) -> String {
    fake_share_sheet(rejection);
    let (root, _store, _mount) = mount_results(all_at(2));
    find(&root, "#system-share").click();
    for _ in 0..5 {
        tick().await;
    }
    find(&root, "#share-status").text_content().unwrap()
}

#[wasm_bindgen_test]
async fn a_cancelled_share_sheet_says_nothing() {
    assert_eq!(press_share_with_a_sheet_that("AbortError").await, "");
}

#[wasm_bindgen_test]
async fn a_failed_share_sheet_offers_the_link_instead() {
    let status = press_share_with_a_sheet_that("DataError").await;
    assert!(status.contains("copy the link"), "{status}");
}

/// The host gets plain objects with `null` (not `undefined`, not missing) for what is not
/// known: here a run with nothing finished, whose index is null too.
#[wasm_bindgen_test]
fn host_messages_are_plain_objects_with_nulls() {
    use readiness_check::core::host_messages::result_message;
    use readiness_check::shell::host::message_value;
    let get = |value: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(value, &key.into()).unwrap();
    let message = message_value(&result_message(&Answers::empty(CURRENT), "", "https://e.test/")).expect("serialises");
    assert!(
        js_sys::Object::get_prototype_of(&message) == js_sys::Object::get_prototype_of(&js_sys::Object::new()),
        "a plain object, not a Map"
    );
    assert_eq!(get(&message, "type").as_string().as_deref(), Some("result"));
    assert!(get(&message, "index").is_null(), "no dimension finished: index null");
    let dimensions: js_sys::Array = get(&message, "dimensions").unchecked_into();
    assert_eq!(dimensions.length(), 4);
    for dimension in dimensions.iter() {
        assert!(get(&dimension, "score").is_null() && get(&dimension, "band").is_null());
        assert!(js_sys::Reflect::has(&dimension, &"score".into()).unwrap(), "null, not missing");
    }
}

/// The embed kit on a base that never loads (`.invalid`), so its preview frame stays empty.
fn mount_embed_kit() -> (HtmlElement, impl Sized) {
    use readiness_check::ui::embed_kit::EmbedKit;
    let root = fresh_root();
    let session = Session { view: View::EmbedKit, ..Session::default() };
    let store = store_with(session);
    let mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <EmbedKit base="https://kit.invalid/w/".to_owned()/> }
    });
    (root, mount)
}

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let input = find(root, selector).unchecked_into::<web_sys::HtmlInputElement>();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn field_value(root: &HtmlElement, selector: &str) -> String {
    let element = find(root, selector);
    match element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(area) => area.value(),
        None => element.unchecked_into::<web_sys::HtmlInputElement>().value(),
    }
}

#[wasm_bindgen_test]
async fn the_embed_kits_pickers_change_the_preview_and_every_snippet() {
    let (root, _mount) = mount_embed_kit();
    tick().await;
    let preview = || find(&root, "#kit-preview").get_attribute("src").unwrap_or_default();
    assert_eq!(preview(), "https://kit.invalid/w/?embed");
    assert!(field_value(&root, "#paste-html").contains("src=\"https://kit.invalid/w/?embed\""));

    find(&root, "#kit-theme-dark").click();
    tick().await;
    type_into(&root, "#kit-accent", "#C2410C");
    tick().await;
    find(&root, "#kit-transparent").click();
    find(&root, "#kit-events").click();
    tick().await;
    let address = "https://kit.invalid/w/?embed&theme=dark&accent=c2410c&bg=transparent&events";
    assert_eq!(preview(), address);
    assert_eq!(find(&root, "#kit-address").text_content().as_deref(), Some(address));
    let escaped = address.replace('&', "&amp;");
    for field in ["#paste-html", "#paste-wordpress", "#paste-ghost"] {
        let snippet = field_value(&root, field);
        assert!(snippet.contains(&format!("src=\"{escaped}\"")), "{field}: {snippet}");
        assert!(snippet.contains("<script src=\"https://kit.invalid/w/embed.js\" defer></script>"), "{field}");
    }
    // Hosts without iframes get the plain address, whatever the choices.
    assert_eq!(field_value(&root, "#paste-substack"), "https://kit.invalid/w/");
    assert!(!field_value(&root, "#paste-linkedin").contains("iframe"));

    // Dark only: one note, saying the shade the dark theme shows instead.
    assert_eq!(count(&root, "#kit-accent-notes li"), 1);
    let note = find(&root, "#kit-accent-notes li");
    assert_eq!(note.get_attribute("data-used").as_deref(), Some("#f05211"));
    assert!(note.text_content().unwrap().contains("can't be read there"));
    // The colour picker follows the text field; the button image takes the light shade.
    assert_eq!(field_value(&root, "#kit-accent-picker"), "#c2410c");
    assert_eq!(find(&root, "#kit-button-image").get_attribute("data-colour").as_deref(), Some("#c2410c"));
    assert!(find(&root, "#kit-button-image").get_attribute("src").unwrap().starts_with("data:image/png;base64,"));

    // Automatic theme: a note for each theme.
    find(&root, "#kit-theme-auto").click();
    tick().await;
    assert_eq!(count(&root, "#kit-accent-notes li"), 2);
    assert!(!preview().contains("theme="));

    // Something that is not a colour: said, and left out of the address.
    type_into(&root, "#kit-accent", "orange");
    tick().await;
    assert!(find(&root, "#kit-accent-invalid").text_content().unwrap().contains("six hex digits"));
    assert!(!preview().contains("accent"));
    assert_eq!(find(&root, "#kit-button-image").get_attribute("data-colour").as_deref(), Some("#0b5cc2"));

    // The colour picker writes the text field.
    type_into(&root, "#kit-accent-picker", "#7cb4ff");
    tick().await;
    assert_eq!(field_value(&root, "#kit-accent"), "7cb4ff");
    assert!(preview().contains("accent=7cb4ff"));
}

#[wasm_bindgen_test]
async fn the_embed_kit_shows_the_card_a_link_makes() {
    use readiness_check::core::link_card::check_card;
    let (root, _mount) = mount_embed_kit();
    let card = check_card();
    assert_eq!(find(&root, "#kit-card-title").text_content(), Some(card.title));
    let image = find(&root, "#kit-card img");
    assert_eq!(image.get_attribute("src"), Some(format!("https://kit.invalid/w/{}", card.image)));
    assert!(find(&root, "#kit-card").text_content().unwrap().contains(&card.description));
}

/// Resolves after the browser has run its timers once more (a `setTimeout(0)` round): the way
/// to let real time pass while polling for a condition.
async fn next_timer_round() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn now_ms() -> f64 {
    window().performance().expect("performance").now()
}

/// Polls until `done` holds, or fails after `limit_ms`.
async fn wait_until(limit_ms: f64, what: &str, mut done: impl FnMut() -> bool) {
    let start = now_ms();
    while !done() {
        assert!(now_ms() - start < limit_ms, "waited {limit_ms} ms for {what}");
        next_timer_round().await;
        tick().await;
    }
}

/// In a frame, the confirmation's pause counts from each opening: a timer left from an earlier
/// opening (closed before it ran out) must not arm the button of the next one.
#[wasm_bindgen_test]
async fn a_framed_confirmation_pauses_afresh_on_every_opening() {
    use readiness_check::core::embed::FRAMED_CONFIRM_DELAY_MS;
    let delay = FRAMED_CONFIRM_DELAY_MS as f64;
    let root = fresh_root();
    let session = Session { answers: all_at(1), ..Session::default() };
    let env = Env { framed: true, embedded: true, ..Env::default() };
    let store = AppState::new(session, Notices::default(), env);
    let _mount = mount_to(root.clone(), move || {
        store.provide();
        view! { <Intro/> }
    });
    let armed = |root: &HtmlElement| count(root, "#confirm-start-over-yes") == 1;
    // Each opening's time is read before its click: the pause starts with the click, and a
    // busy machine may take long to come back from the tick.
    let first_opening = now_ms();
    find(&root, "#start-over").click();
    tick().await;
    assert!(!armed(&root), "no confirm button at once in a frame");
    // Close two thirds into the pause, and open again.
    wait_until(delay * 3.0, "two thirds of the pause", || now_ms() - first_opening >= delay * 2.0 / 3.0).await;
    find(&root, ".confirm button.secondary").click();
    tick().await;
    assert_eq!(count(&root, ".confirm"), 0, "closed");
    let second_opening = now_ms();
    find(&root, "#start-over").click();
    tick().await;
    // Past the first opening's pause: its timer has run, and must have armed nothing.
    wait_until(delay * 3.0, "the first opening's pause to end", || now_ms() - first_opening >= delay + 250.0).await;
    assert!(!armed(&root), "armed by the first opening's timer, {} ms into the second", now_ms() - second_opening);
    // The second opening's own pause arms it.
    wait_until(delay * 3.0, "the confirm button", || armed(&root)).await;
    assert!(now_ms() - second_opening >= delay - 20.0, "armed after a full pause of its own");
    // A script's click (untrusted) confirms nothing in a frame.
    find(&root, "#confirm-start-over-yes").click();
    tick().await;
    assert!(store.with_untracked(|s| s.has_progress()), "an untrusted click discards nothing");
}
