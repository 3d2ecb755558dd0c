//! Checks the embed rules (core/embed.rs): in a frame, every screen the page around can open
//! by the address is the same whatever the reader stored; a result leaves only when finished
//! here, agreed to and once; the author's list covers every ancestor; where heights go.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{complete_answers, observe, session, some_answers, someone_else};
use readiness_check::core::answers::Answer;
use readiness_check::core::embed::{
    Ancestors, Consent, EmbedOptions, Environment, FRAMED_CONFIRM_DELAY_MS, MAX_FRAME_HEIGHT, consent_question,
    framing_allowed, height_target, kept_query, open_framed, privacy_line, result_due, seen_by_reader, site_name,
};
use readiness_check::core::route::Route;
use readiness_check::core::session::{Action, By, Session, Step};
use readiness_check::core::share_code::encode;
use readiness_check::core::snapshot::Snapshot;

/// Every stored state a reader may have: nothing, a run in progress, a finished run (with a
/// label), a finished run on its results with a comparison chosen.
fn stored_states() -> Vec<(&'static str, Option<Snapshot>)> {
    let mut comparing = session(complete_answers(), Step::Results, "invoice triage");
    comparing.compare_with = Some(someone_else());
    vec![
        ("nothing", None),
        ("in progress", Some(Snapshot::of(&session(some_answers(), Step::Question(6), "")))),
        ("finished", Some(Snapshot::of(&session(complete_answers(), Step::Results, "invoice triage")))),
        ("comparing", Some(Snapshot::of(&comparing))),
    ]
}

/// Every address a framer can give the frame: the intro, `#start`, questions, a probe result,
/// the reader's own result code, a progress link, a broken link, a team.
fn framer_routes() -> Vec<Route> {
    let own = encode(&complete_answers(), "invoice triage");
    let probe = encode(&someone_else().answers, "");
    let progress = Snapshot::of(&session(some_answers(), Step::Question(3), "")).to_text();
    vec![
        Route::Home,
        Route::Start,
        Route::Question(0),
        Route::Question(5),
        Route::Question(17),
        Route::Shared(probe),
        Route::Shared(own),
        Route::Progress(progress),
        Route::Shared("1Cgarbage".to_owned()),
        Route::Team(None),
    ]
}

/// What a screen can show of the session: everything but the held run and counters.
fn shown(session: &Session) -> String {
    format!("{} progress={} complete={}", observe(session), session.has_progress(), session.answers.is_complete())
}

#[test]
fn a_framers_address_opens_the_same_screen_for_every_stored_run() {
    for route in framer_routes() {
        let screens: Vec<(&str, String)> = stored_states()
            .into_iter()
            .map(|(name, stored)| (name, shown(&open_framed(&route, stored, None))))
            .collect();
        for (name, screen) in &screens {
            assert_eq!(screen, &screens[0].1, "{route:?}: '{name}' differs from nothing stored");
        }
    }
}

#[test]
fn blind_clicks_in_a_frame_lead_to_the_same_screens_for_every_stored_run() {
    // Trusted clicks the page around may have obtained with a decoy (By::Reader in a frame).
    let clicks = [
        vec![Action::Start],
        vec![Action::Start, Action::Next, Action::Next],
        vec![Action::TakeCheckAndCompare],
        vec![Action::ReturnToCheck],
        vec![Action::Start, Action::Choose { position: 0, answer: Some(Answer::Level(1)) }, Action::Next],
    ];
    for route in framer_routes() {
        for steps in &clicks {
            let screens: Vec<(&str, String)> = stored_states()
                .into_iter()
                .map(|(name, stored)| {
                    let mut session = open_framed(&route, stored, None);
                    for action in steps {
                        session.apply_by(action.clone(), By::Reader);
                    }
                    (name, shown(&session))
                })
                .collect();
            for (name, screen) in &screens {
                assert_eq!(screen, &screens[0].1, "{route:?} then {steps:?}: '{name}' differs");
            }
        }
    }
}

#[test]
fn a_held_run_is_never_saved_over_and_opens_only_on_seen_input() {
    let stored = Snapshot::of(&session(some_answers(), Step::Question(6), "pilot"));
    let mut framed = open_framed(&Route::Home, Some(stored), None);
    assert!(framed.sealed && framed.held.is_some() && !framed.may_save());
    framed.apply_by(Action::Start, By::Reader);
    assert!(!framed.may_save(), "a blind Start must not let the fresh run overwrite the held one");
    assert_eq!(framed.step, Step::Question(0));
    // A seen click (the browser reports the frame visible) brings the run back where it was.
    let mut framed =
        open_framed(&Route::Home, Some(Snapshot::of(&session(some_answers(), Step::Intro, "pilot"))), None);
    framed.apply_by(Action::Start, By::SeenReader);
    assert!(!framed.sealed && framed.held.is_none() && framed.may_save());
    assert_eq!((framed.answers.clone(), framed.label.as_str()), (some_answers(), "pilot"));
    assert_eq!(framed.step, Step::Question(some_answers().first_unanswered().expect("open")));
    // Nothing stored: the frame's own run is saved as usual.
    let fresh = open_framed(&Route::Home, None, None);
    assert!(fresh.sealed && fresh.may_save());
    // Another tab's newer run, while held, is held too, unseen.
    let mut framed = open_framed(&Route::Home, Some(Snapshot::of(&session(some_answers(), Step::Intro, ""))), None);
    framed.apply(Action::Adopt { answers: complete_answers(), label: "x".into() });
    assert!(!framed.has_progress());
    assert_eq!(framed.held.as_ref().map(|h| h.answers.is_complete()), Some(true));
}

#[test]
fn a_saved_answer_changes_in_a_frame_only_by_seen_input() {
    let stored = Snapshot::of(&session(some_answers(), Step::Intro, ""));
    let mut framed = open_framed(&Route::Home, Some(stored), None);
    framed.apply_by(Action::Start, By::SeenReader);
    let before = framed.answers.get(1);
    let redraws = framed.redraws;
    let change = Action::Choose { position: 1, answer: Some(Answer::Level(3)) };
    framed.apply_by(change.clone(), By::Reader);
    assert_eq!(framed.answers.get(1), before, "a blind click does not change a saved answer");
    assert_eq!(framed.redraws, redraws + 1, "the screen is drawn again so the refused choice is not left checked");
    // A new answer (an open question) is no saved answer: blind or not, it is the reader's step.
    framed.apply_by(Action::Choose { position: 10, answer: Some(Answer::Level(0)) }, By::Reader);
    assert_eq!(framed.answers.get(10), Some(Answer::Level(0)));
    framed.apply_by(change, By::SeenReader);
    assert_eq!(framed.answers.get(1), Some(Answer::Level(3)));
}

#[test]
fn saved_answers_are_discarded_in_a_frame_only_by_seen_input() {
    for action in [Action::Clear, Action::StartOver] {
        // Held, unseen: a blind click on a confirmation discards nothing.
        let mut framed =
            open_framed(&Route::Home, Some(Snapshot::of(&session(some_answers(), Step::Intro, "p"))), None);
        framed.apply_by(action.clone(), By::Reader);
        assert!(framed.held.is_some() && framed.erasures == 0, "{action:?} blind while held");
        // Opened by a seen click, then a blind click: still nothing.
        framed.apply_by(Action::Start, By::SeenReader);
        framed.apply_by(action.clone(), By::Reader);
        assert_eq!(framed.answers, some_answers(), "{action:?} blind after opening");
        // Seen: done.
        framed.apply_by(action.clone(), By::SeenReader);
        assert!(!framed.has_progress(), "{action:?} seen");
        // A run begun in this frame, in this visit, with nothing stored: the reader's to discard.
        let mut fresh = open_framed(&Route::Home, None, None);
        fresh.apply_by(Action::Start, By::Reader);
        fresh.apply_by(Action::Choose { position: 0, answer: Some(Answer::Level(1)) }, By::Reader);
        fresh.apply_by(action.clone(), By::Reader);
        assert!(!fresh.has_progress(), "{action:?} of this visit's run");
    }
}

#[test]
fn a_result_goes_out_only_when_finished_here_agreed_and_taken_there_by_the_reader() {
    let last = common::last();
    let almost = {
        let mut answers = complete_answers();
        answers.set_answer(last, None);
        answers
    };
    // Finishing here: the reader's own choice completes the answers, then their Next.
    let finish = |by_choice: By, by_next: By| {
        let mut s = session(almost.clone(), Step::Question(last), "");
        s.apply_by(Action::Choose { position: last, answer: Some(Answer::Level(0)) }, by_choice);
        s.apply_by(Action::Next, by_next);
        s
    };
    let finished = finish(By::Reader, By::Reader);
    assert!(finished.finished_here && finished.on_own_results());
    let cases = [
        ("finished here, agreed", finished.clone(), true, true, Consent::Accepted, true),
        ("no events", finished.clone(), false, true, Consent::Accepted, false),
        ("site unknown", finished.clone(), true, false, Consent::Accepted, false),
        ("not asked yet", finished.clone(), true, true, Consent::Undecided, false),
        ("declined", finished.clone(), true, true, Consent::Declined, false),
        // The reader's own step to the results finishes a run begun here, whoever answered.
        (
            "last answer by a script, stepped through by the reader",
            finish(By::Page, By::Reader),
            true,
            true,
            Consent::Accepted,
            true,
        ),
        ("taken to results by a script", finish(By::Reader, By::Page), true, true, Consent::Accepted, false),
        (
            "a stored finished run opened",
            session(complete_answers(), Step::Results, ""),
            true,
            true,
            Consent::Accepted,
            false,
        ),
    ];
    for (name, s, events, site, consent, due) in cases {
        assert_eq!(result_due(&s, events, site, consent), due, "{name}");
    }
    // A run finished elsewhere and opened from storage is not finished here, even seen.
    let mut reopened =
        open_framed(&Route::Home, Some(Snapshot::of(&session(complete_answers(), Step::Results, ""))), None);
    reopened.apply_by(Action::Start, By::SeenReader);
    assert!(reopened.on_own_results() && !reopened.finished_here);
    // Questions skipped: the reader stepping through to the results finished it here.
    let mut skipped = session(
        readiness_check::core::answers::Answers::empty(readiness_check::core::content::CURRENT),
        Step::Question(last),
        "",
    );
    skipped.apply_by(Action::Next, By::Reader);
    assert!(result_due(&skipped, true, true, Consent::Accepted), "a run stepped through to its results");
    // Typing a label after finishing keeps it finished here (the caller sends once per result).
    let mut labelled = finished.clone();
    labelled.apply_by(Action::SetLabel("a".into()), By::Reader);
    labelled.apply_by(Action::SetLabel("ab".into()), By::Reader);
    assert!(result_due(&labelled, true, true, Consent::Accepted));
    // Starting over forgets it.
    labelled.apply_by(Action::StartOver, By::Reader);
    assert!(!labelled.finished_here);
}

#[test]
fn the_authors_list_covers_every_ancestor() {
    let list = "https://blog.example.com, https://www.example.com/";
    let at =
        |origins: &[&str], depth: usize| Ancestors { depth, origins: origins.iter().map(|o| o.to_string()).collect() };
    let cases = [
        ("", at(&["https://anyone.example"], 1), true),
        ("*", at(&[], 1), true),
        (list, at(&[], 0), true),
        (list, at(&["https://blog.example.com"], 1), true),
        (list, at(&["HTTPS://BLOG.EXAMPLE.COM"], 1), true),
        (list, at(&["https://evil.example"], 1), false),
        (list, at(&["http://blog.example.com"], 1), false),
        (list, at(&["https://blog.example.com.evil.example"], 1), false),
        (list, at(&[], 1), false),
        // Nested: an allowed blog inside an unlisted page, and inside a listed one.
        (list, at(&["https://blog.example.com", "https://evil.example"], 2), false),
        (list, at(&["https://blog.example.com", "https://www.example.com"], 2), true),
        // Firefox names only the parent: a nested frame cannot be checked, so it is refused.
        (list, at(&["https://blog.example.com"], 2), false),
        ("https://a.example *", at(&["https://b.example"], 1), true),
    ];
    for (allowed, ancestors, expected) in cases {
        assert_eq!(framing_allowed(allowed, &ancestors), expected, "{allowed:?} / {ancestors:?}");
    }
}

#[test]
fn heights_go_to_the_listed_parent_only() {
    let blog = Ancestors { depth: 1, origins: vec!["https://blog.example.com".into()] };
    let cases = [
        ("*", blog.clone(), "*"),
        ("", blog.clone(), "*"),
        ("https://blog.example.com", blog.clone(), "https://blog.example.com"),
        ("https://blog.example.com *", blog.clone(), "*"),
        ("https://blog.example.com", Ancestors::default(), "*"),
    ];
    for (allowed, ancestors, target) in cases {
        assert_eq!(height_target(allowed, &ancestors), target, "{allowed:?}");
    }
}

#[test]
fn only_the_readers_seen_input_counts_in_a_frame() {
    let cases = [
        // framed, trusted, visible → seen
        (false, true, false, true),
        (false, false, true, false),
        (true, true, false, false),
        (true, true, true, true),
        (true, false, true, false),
    ];
    for (framed, trusted, visible, seen) in cases {
        assert_eq!(seen_by_reader(framed, trusted, visible), seen, "{framed} {trusted} {visible}");
    }
}

#[test]
fn the_site_is_named_as_the_reader_reads_it() {
    let cases = [
        (Some("https://blog.example.com"), Some("blog.example.com")),
        (Some("http://blog.test:8080"), Some("blog.test:8080")),
        (Some("https://blog.example.com/"), Some("blog.example.com")),
        (Some("null"), None),
        (Some("file://"), None),
        (Some("https://"), None),
        (None, None),
    ];
    for (origin, name) in cases {
        assert_eq!(site_name(origin).as_deref(), name, "{origin:?}");
    }
    assert!(consent_question(Some("blog.test")).contains("blog.test"));
    assert!(consent_question(Some("blog.test")).contains("every answer and the pilot name"));
    assert!(consent_question(None).contains("nothing will be sent"));
}

#[test]
fn the_privacy_line_is_true_in_every_mode() {
    assert!(privacy_line(false).contains("nothing is sent anywhere"));
    assert!(!privacy_line(true).contains("nothing is sent anywhere"));
    assert!(privacy_line(true).contains("unless you agree"));
}

#[test]
fn the_environment_and_the_query_kept() {
    let framed_events = EmbedOptions::parse("?events");
    let cases = [
        ("?embed", false, Route::Home, Environment { embedded: true, ..Default::default() }),
        ("", true, Route::Start, Environment { embedded: true, framed: true, ..Default::default() }),
        ("", false, Route::Start, Environment { started_early: true, ..Default::default() }),
        ("?events", false, Route::Home, Environment::default()),
    ];
    for (query, framed, route, env) in cases {
        assert_eq!(Environment::of(&EmbedOptions::parse(query), framed, &route), env, "{query} {framed}");
    }
    assert!(Environment::of(&framed_events, true, &Route::Home).host_events);
    // A results link keeps only the author's benchmark; an embed and every other screen keep all.
    let query = "?utm_source=x&bench=B1abc&theme=dark";
    let cases = [
        (true, Route::Shared("x".into()), query),
        (false, Route::Shared("x".into()), "?bench=B1abc"),
        (false, Route::Shared("x".into()), ""),
        (false, Route::Question(2), query),
        (false, Route::Start, query),
    ];
    for (embedded, route, kept) in cases {
        let given = if kept.is_empty() && !embedded { "?utm_source=x" } else { query };
        assert_eq!(kept_query(embedded, &route, given), kept, "{embedded} {route:?} {given}");
    }
}

#[test]
fn the_named_limits_are_the_ones_the_helper_and_the_docs_use() {
    assert_eq!(FRAMED_CONFIRM_DELAY_MS, 1500);
    let helper = include_str!("../embed/embed.js");
    assert!(
        helper.contains(&format!("MAX_HEIGHT = {MAX_FRAME_HEIGHT};")),
        "embed.js caps heights at the core's number"
    );
}

/// The static verdict pages' inline check reads the yes rule from data the core writes; the
/// page carries exactly that data (a journey checks the script against every outcome).
#[test]
fn the_static_pages_check_carries_the_cores_rules() {
    let rules = readiness_check::core::route::static_outcome_rules();
    let page = include_str!("../index.html");
    assert!(page.contains(&format!("var R=\"{rules}\"")), "index.html's inline check carries {rules}");
    // Every set under the essay's test or the literal yes is there (the literal ones marked
    // `k`: a known blocker decides), each question with one mark per digit.
    let entries: Vec<&str> = rules.split(' ').collect();
    assert_eq!(entries.len(), 2, "sets 2 and 3: {rules}");
    for entry in entries {
        let parts: Vec<&str> = entry.split('|').collect();
        assert!(parts.len() == 3 || (parts.len() == 4 && parts[3] == "k"), "{entry}");
        assert!(parts[2].split(',').all(|q| q.len() >= 5 && q[1..].starts_with('u')), "{entry}");
    }
}

/// Which outcome page a code belongs on: the verdict's slug for a finished run, nothing for an
/// unfinished, unreadable or foreign-looking one.
#[test]
fn a_code_names_its_outcome_page() {
    use readiness_check::core::route::outcome_of_code;
    let ready = encode(&complete_answers(), "");
    let mut not_ready = complete_answers();
    not_ready.set_answer(0, Some(Answer::Level(0)));
    let cases = [
        (ready.clone(), Some("ready")),
        (encode(&complete_answers(), "invoice triage"), Some("ready")),
        (format!("{ready}),"), Some("ready")),
        (encode(&not_ready, ""), Some("not-o")),
        (encode(&someone_else().answers, ""), Some("not-odbm")),
        // Unfinished: every dimension an answer already keeps from a yes names the page (set 3:
        // Ownership's "I don't know" and Data's lowest answers); otherwise none.
        (encode(&some_answers(), ""), Some("not-od")),
        (encode(&readiness_check::core::answers::Answers::empty(readiness_check::core::content::CURRENT), ""), None),
        ("1Cgarbage".to_owned(), None),
        (String::new(), None),
    ];
    for (code, slug) in cases {
        assert_eq!(outcome_of_code(&code).as_deref(), slug, "{code}");
    }
}
