//! Checks the address both ways: routes, what a link opens by what the visitor holds, the
//! address of every screen, titles, pasted links and embed options (themes, accents).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{complete_answers, observe, session, some_answers, someone_else};
use readiness_check::core::embed::EmbedOptions;
use readiness_check::core::route::{Address, Route, Theme, open};
use readiness_check::core::screen::Screen;
use readiness_check::core::session::{Action, OfferedRun, Session, Step, View};
use readiness_check::core::share_code::{DecodeError, SharedResult, encode};
use readiness_check::core::snapshot::Snapshot;
use readiness_check::core::team;
use readiness_check::core::team::TeamMember;

#[test]
fn routes_by_fragment() {
    let cases = [
        ("", Route::Home),
        ("#", Route::Home),
        ("#start", Route::Start),
        ("#q=1", Route::Question(0)),
        ("#q=18", Route::Question(17)),
        ("#q=0", Route::Home),
        ("#q=x", Route::Home),
        ("#s=S2;1Bx;q1;", Route::Progress("S2;1Bx;q1;".to_owned())),
        ("#r=1Bg15AMzMTg", Route::Shared("1Bg15AMzMTg".to_owned())),
        ("#t=T1C", Route::Team(Some("T1C".to_owned()))),
        ("#team", Route::Team(None)),
        ("#readers", Route::Readers),
        ("#embed-kit", Route::EmbedKit),
        ("#something-else", Route::Home),
    ];
    for (fragment, expected) in cases {
        assert_eq!(Route::parse(fragment), expected, "{fragment}");
        // Every route writes a fragment that reads back as itself.
        assert_eq!(Route::parse(&expected.fragment()), expected, "{fragment} written back");
    }
}

fn own_at(step: Step) -> Session {
    session(some_answers(), step, "mine")
}

/// The decision a link makes, by what the visitor holds: own, someone else's, or ask first.
#[test]
fn a_link_opens_as_own_shared_or_offered_by_what_the_visitor_holds() {
    let mine = own_at(Step::Question(3));
    let mine_done = session(complete_answers(), Step::Results, "mine");
    let nobody = Session::default();
    let theirs = someone_else();
    let my_code = encode(&mine_done.answers, "mine");
    let their_code = encode(&theirs.answers, &theirs.label);
    let progress_of = |s: &Session| Route::Progress(Snapshot::of(s).to_text());
    let offered = |s: &Session| {
        Action::OfferRun(OfferedRun {
            result: SharedResult { answers: s.answers.clone(), label: s.label.clone() },
            step: s.step,
        })
    };
    let cases: Vec<(&str, Route, Session, Option<Action>)> = vec![
        (
            "my own results link, in my browser",
            Route::Shared(my_code.clone()),
            mine_done.clone(),
            Some(Action::ShowResults),
        ),
        (
            "my results link with another label is not mine",
            Route::Shared(encode(&mine_done.answers, "other")),
            mine_done.clone(),
            Some(Action::OpenShared(SharedResult { answers: mine_done.answers.clone(), label: "other".into() })),
        ),
        (
            "my results link in a fresh browser",
            Route::Shared(my_code.clone()),
            nobody.clone(),
            Some(Action::OpenShared(SharedResult { answers: mine_done.answers.clone(), label: "mine".into() })),
        ),
        (
            "their results link, with my own run",
            Route::Shared(their_code.clone()),
            mine.clone(),
            Some(Action::OpenShared(theirs.clone())),
        ),
        (
            "a damaged results link",
            Route::Shared(format!("{}x", &their_code[..their_code.len() - 1])),
            mine.clone(),
            Some(Action::OpenBadLink { team: false, error: DecodeError::Damaged }),
        ),
        (
            "my own progress link (a reload)",
            progress_of(&own_at(Step::Question(5))),
            mine.clone(),
            Some(Action::GoTo(5)),
        ),
        ("my own progress link at the results", progress_of(&mine_done), mine_done.clone(), Some(Action::ShowResults)),
        (
            "a progress link in a fresh browser: ask",
            progress_of(&own_at(Step::Question(5))),
            nobody.clone(),
            Some(offered(&own_at(Step::Question(5)))),
        ),
        (
            "someone's progress link, with my own run: offer, never adopt",
            progress_of(&session(complete_answers(), Step::Question(2), "x")),
            mine.clone(),
            Some(offered(&session(complete_answers(), Step::Question(2), "x"))),
        ),
        (
            "a damaged progress link",
            Route::Progress("S2;garbage;q1;".into()),
            mine.clone(),
            Some(Action::OpenBadLink { team: false, error: DecodeError::Damaged }),
        ),
        (
            "a progress link of a newer version",
            Route::Progress("S3;x".into()),
            nobody.clone(),
            Some(Action::OpenBadLink { team: false, error: DecodeError::NewerFormat }),
        ),
        ("#q= with a run of my own", Route::Question(4), mine.clone(), Some(Action::GoTo(4))),
        ("#q= with nothing to resume stays on the intro", Route::Question(4), nobody.clone(), None),
        ("#start opens the first open question", Route::Start, mine.clone(), Some(Action::GoTo(6))),
        (
            "#start on a finished run opens the first question, never the results",
            Route::Start,
            mine_done.clone(),
            Some(Action::GoTo(0)),
        ),
        ("home from another view", Route::Home, Session { view: View::Readers, ..mine.clone() }, Some(Action::ShowOwn)),
        ("home on my own run", Route::Home, mine.clone(), None),
        ("readers", Route::Readers, mine.clone(), Some(Action::OpenReaders)),
        ("an empty team", Route::Team(None), mine.clone(), Some(Action::OpenTeam(Vec::new()))),
    ];
    for (name, route, own, expected) in cases {
        assert_eq!(route.action(&own), expected, "{name}");
    }
}

/// One opening: its name, the address, the stored run, this tab's marker, what it shows.
type Opening = (&'static str, Route, Option<Snapshot>, Option<Snapshot>, String);

/// What the widget opens on, from storage, this tab's history entry and the address.
#[test]
fn opening_prefers_storage_and_a_plain_visit_returns_where_the_reader_left() {
    let stored = Snapshot::of(&own_at(Step::Question(4)));
    let done = Snapshot::of(&session(complete_answers(), Step::Results, "mine"));
    let results_route = |s: &Snapshot| Route::Shared(s.session.share_code());
    let cases: Vec<Opening> = vec![
        ("nothing anywhere", Route::Home, None, None, observe(&Session::default())),
        (
            "an unfinished run, a plain visit: the question the reader left",
            Route::Home,
            Some(stored.clone()),
            None,
            observe(&own_at(Step::Question(4))),
        ),
        ("a finished run, a plain visit: its results", Route::Home, Some(done.clone()), None, observe(&done.session)),
        (
            "a run left on the intro, a plain visit: the intro, which offers to continue",
            Route::Home,
            Some(Snapshot::of(&own_at(Step::Intro))),
            None,
            observe(&own_at(Step::Intro)),
        ),
        ("a reload at a question", Route::Question(4), Some(stored.clone()), None, observe(&own_at(Step::Question(4)))),
        (
            "the owner reloads the results address",
            results_route(&done),
            Some(done.clone()),
            None,
            observe(&done.session),
        ),
        (
            "storage blocked: this tab's history entry holds the run, a reload resumes",
            Route::Progress(stored.to_text()),
            None,
            Some(stored.clone()),
            observe(&own_at(Step::Question(4))),
        ),
        (
            "storage blocked: the results address reloads as the owner's",
            results_route(&done),
            None,
            Some(done.clone()),
            observe(&done.session),
        ),
        (
            "the owner's results address opened elsewhere: shared, and nothing adopted",
            results_route(&done),
            None,
            None,
            observe(&Session {
                view: View::Shared(SharedResult { answers: done.session.answers.clone(), label: "mine".into() }),
                ..Session::default()
            }),
        ),
        (
            "a stored run wins over this tab's older history entry",
            Route::Home,
            Some(stored.clone()),
            Some(done.clone()),
            observe(&own_at(Step::Question(4))),
        ),
    ];
    for (name, route, from_storage, from_history, expected) in cases {
        assert_eq!(observe(&open(&route, from_storage, from_history, false)), expected, "{name}");
    }
    // In a frame the page around it would learn of the stored run from the frame's height:
    // a plain visit there opens on the intro.
    for from_storage in [stored, done] {
        assert_eq!(
            open(&Route::Home, Some(from_storage.clone()), None, true).step,
            Step::Intro,
            "framed, {:?}",
            from_storage.session.step
        );
    }
}

/// The address each screen shows, and that it opens that screen again (the pair round-trips).
#[test]
fn every_screen_has_an_address_that_opens_it_again() {
    let done = session(complete_answers(), Step::Results, "mine");
    let theirs = someone_else();
    let sessions: Vec<(&str, Session, bool, &str)> = vec![
        ("intro", own_at(Step::Intro), true, ""),
        ("a question, storage working: the step only", own_at(Step::Question(3)), true, "#q=4"),
        ("own results: the results link", done.clone(), true, "r/ready/#r="),
        (
            "someone's results",
            Session { view: View::Shared(theirs.clone()), ..own_at(Step::Question(2)) },
            true,
            "r/not-odbm/#r=",
        ),
        (
            "team",
            Session { view: View::Team(vec![TeamMember::unnamed(theirs.clone())]), ..own_at(Step::Intro) },
            true,
            "tools/#t=T1",
        ),
        ("empty team", Session { view: View::Team(Vec::new()), ..own_at(Step::Intro) }, true, "tools/#team"),
        ("readers", Session { view: View::Readers, ..own_at(Step::Intro) }, true, "tools/#readers"),
        ("embed kit", Session { view: View::EmbedKit, ..own_at(Step::Intro) }, true, "tools/#embed-kit"),
        ("a question, storage blocked: the run rides in the address", own_at(Step::Question(3)), false, "#s=S2;"),
        ("own results, storage blocked: still the results link", done.clone(), false, "r/ready/#r="),
    ];
    for (name, s, storage_works, starts) in sessions {
        let address = Address::of(&s, storage_works).expect("an address");
        let relative = address.relative();
        assert!(relative.starts_with(starts), "{name}: {relative}");
        assert!(!relative.contains("#s=") || !storage_works, "{name}: no run in the address while storage works");
        // Reloading that address in the same browser (same stored run) opens the same screen.
        let stored = Some(Snapshot::of(&s));
        let marked = (!storage_works).then(|| Snapshot::of(&s));
        let reopened = open(
            &Route::parse(relative.split_once('#').map_or("", |(_, f)| f)),
            stored.filter(|_| storage_works),
            marked,
            false,
        );
        // A link to another view leaves the reader's own step as it was stored.
        assert_eq!((reopened.view.clone(), reopened.step), (s.view.clone(), s.step), "{name}: {relative}");
    }
    let bad = Session { view: View::BadLink { team: false, error: DecodeError::Damaged }, ..Session::default() };
    assert_eq!(Address::of(&bad, true), None, "a link that could not be read stays in the address bar");
}

fn question_title(number: usize) -> String {
    format!(
        "Question {number} of {} · Scaling Readiness Check",
        readiness_check::core::content::CURRENT.question_count()
    )
}

/// The page title names the screen, and a shared result's title says its own verdict.
#[test]
fn screens_have_titles_and_focus_targets() {
    let theirs = someone_else();
    let cases = [
        (own_at(Step::Intro), "Scaling Readiness Check: is your AI pilot ready to scale?", "screen-heading"),
        // A question focuses where the arrow keys choose: the chosen answer, else the first.
        (own_at(Step::Question(2)), &*question_title(3), "q2-unknown"),
        (own_at(Step::Question(3)), &*question_title(4), "q3-o3"),
        (own_at(Step::Question(7)), &*question_title(8), "q7-o0"),
        (session(complete_answers(), Step::Results, ""), "Your results · Scaling Readiness Check", "screen-heading"),
        (
            Session { view: View::Shared(theirs.clone()), ..Session::default() },
            "Shared results: Not ready to scale yet · Scaling Readiness Check",
            "screen-heading",
        ),
        (
            Session {
                view: View::Shared(SharedResult { answers: complete_answers(), label: String::new() }),
                ..Session::default()
            },
            "Shared results: Ready to scale by the essay's four tests · Scaling Readiness Check",
            "screen-heading",
        ),
        (
            Session { view: View::Readers, ..Session::default() },
            "Readers' results · Scaling Readiness Check",
            "screen-heading",
        ),
    ];
    for (s, title, focus) in cases {
        let screen = Screen::of(&s);
        assert_eq!((screen.title.as_str(), screen.focus.as_str()), (title, focus));
    }
}

/// A link clicked in a comment or pasted from one often carries what followed it in the
/// sentence (a closing bracket, a comma, sentence dots, quotes), or a tracking parameter added
/// after the fragment: it opens as the link, as readers' results reads it, and the team view's
/// paste reads it the same way. A link that does not decode either way is explained as it
/// stands (a changed character is told as changed, not as cut off), and a percent-escape is
/// never decoded into a code.
#[test]
fn a_link_followed_by_punctuation_opens_as_the_link() {
    let theirs = someone_else();
    let code = encode(&theirs.answers, &theirs.label);
    let mine = complete_answers();
    let team_code = team::encode_team(&[code.clone(), encode(&mine, "")]);
    let nobody = Session::default();
    let followers = [
        "",
        ")",
        "),",
        ").",
        ".",
        "...",
        ",",
        "!",
        "?",
        "'",
        "\"",
        ">",
        "]",
        ";",
        ":",
        "/",
        " and more",
        "&utm_source=linkedin",
        "?utm_source=x",
        "\u{200b}",
    ];
    for after in followers {
        let opened = Route::parse(&format!("#r={code}{after}")).action(&nobody);
        assert_eq!(opened, Some(Action::OpenShared(theirs.clone())), "#r=code{after:?}");
        let team = Route::parse(&format!("#t={team_code}{after}")).action(&nobody);
        let Some(Action::OpenTeam(members)) = team else { panic!("#t=…{after:?}: {team:?}") };
        assert_eq!(members.len(), 2, "#t=…{after:?}");
        let pasted = team::read_pasted(&format!("https://e.test/r/not-odbm/#r={code}{after}\n#t={team_code}{after}"));
        assert_eq!(team::members_of(&pasted).len(), 3, "pasted, followed by {after:?}");
    }
    let cases = [
        // The code's own characters changed or added: damaged, whatever follows.
        (format!("{code}x"), DecodeError::Damaged),
        (format!("{code}-)"), DecodeError::Damaged),
        (format!("{code}%29"), DecodeError::Damaged),
        // A character replaced by one no code holds: changed, not cut off.
        (format!("{}+{}", &code[..6], &code[7..]), DecodeError::Damaged),
        // Cut off: cut off.
        (code[..8].to_owned(), DecodeError::Truncated),
    ];
    for (text, error) in cases {
        let opened = Route::parse(&format!("#r={text}")).action(&nobody);
        assert_eq!(opened, Some(Action::OpenBadLink { team: false, error }), "#r={text}");
    }
}

#[test]
fn theme_and_flags_ignore_bad_values() {
    let options = EmbedOptions::parse("?embed&theme=dark&bg=transparent&events");
    assert!(options.embed && options.transparent && options.events);
    assert_eq!(options.theme, Theme::Dark);
    let options = EmbedOptions::parse("?theme=purple&bg=red&embed=0&events=false");
    assert_eq!(options, EmbedOptions::default());
}

#[test]
fn an_accent_applies_in_both_themes_as_a_shade_that_reads_at_aa() {
    // (value, used in light, used in dark): the colour where it reads, else its nearest shade
    // that does (tests/theme.rs computes the contrasts).
    let cases = [
        ("0b5cc2", "#0b5cc2", "#3288f3"), // 5.9:1 on light, 2.5:1 on dark: a lighter shade
        ("8a1c7c", "#8a1c7c", "#db4ec9"),
        ("7cb4ff", "#0069f6", "#7cb4ff"),
        ("ffb300", "#966900", "#ffb300"),
        ("ff0000", "#e50000", "#ff3a3a"),
        ("%230B5CC2", "#0b5cc2", "#3288f3"), // an encoded '#' and upper case are accepted
    ];
    for (value, light, dark) in cases {
        let options = EmbedOptions::parse(&format!("accent={value}"));
        assert_eq!(options.accent_light.as_deref(), Some(light), "{value} in light");
        assert_eq!(options.accent_dark.as_deref(), Some(dark), "{value} in dark");
    }
    for bad in ["javascript:alert(1)", "ff0000;background:url(x)", "fff", "gggggg", "ff00001", ""] {
        for key in ["accent", "accent_dark"] {
            let options = EmbedOptions::parse(&format!("{key}={bad}"));
            assert_eq!((options.accent_light, options.accent_dark), (None, None), "{key}={bad}");
        }
    }
}

/// The first question answered on the page's static copy before the app arrived.
#[test]
fn an_answer_given_before_the_app_arrived_is_adopted() {
    use readiness_check::core::answers::Answer;
    use readiness_check::core::content::question_set;
    use readiness_check::core::route::early_actions;
    let fresh = open(&Route::Start, None, None, false);
    let chosen = Some(Answer::Level(2));
    assert_eq!(
        early_actions(&fresh, chosen, true),
        vec![Action::GoTo(0), Action::Choose { position: 0, answer: chosen }, Action::Next]
    );
    assert_eq!(
        early_actions(&fresh, chosen, false),
        vec![Action::GoTo(0), Action::Choose { position: 0, answer: chosen }]
    );
    assert_eq!(
        early_actions(&fresh, None, true),
        vec![Action::GoTo(0), Action::Next],
        "Next alone skips, as in the app"
    );
    assert_eq!(early_actions(&fresh, None, false), vec![], "nothing done, nothing adopted");
    // A run of an earlier question set has another first question: nothing is adopted into it.
    let older = Session::new(question_set(1).expect("set 1"));
    assert_eq!(early_actions(&older, chosen, true), vec![]);
    // Applied, the reader is on the second question with their answer kept.
    let mut session = fresh;
    for action in early_actions(&session.clone(), Some(Answer::DontKnow), true) {
        session.apply(action);
    }
    assert_eq!((session.step, session.answers.get(0)), (Step::Question(1), Some(Answer::DontKnow)));
}
