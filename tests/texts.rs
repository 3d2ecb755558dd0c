//! Checks the sentences the core writes for screens: comparisons (also across question sets),
//! team members' names and findings (right-to-left labels isolated), storage notices.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::answers_from_pattern;
use readiness_check::core::compare::{differences, isolate};
use readiness_check::core::content::{CURRENT, question_set};
use readiness_check::core::notices::{Notice, Notices};
use readiness_check::core::scoring::Report;
use readiness_check::core::share_code::SharedResult;
use readiness_check::core::team::{TeamMember, findings, member_names, summarise, verdict_sentence};

fn all(set_id: u8, c: char) -> readiness_check::core::answers::Answers {
    let set = question_set(set_id).expect("set");
    answers_from_pattern(set, &c.to_string().repeat(set.question_count()))
}

fn member(label: &str, c: char) -> SharedResult {
    SharedResult { answers: all(CURRENT.id, c), label: label.to_owned() }
}

#[test]
fn differences_are_named_dimension_by_dimension() {
    let lines = differences(&Report::new(&all(2, '3')), &Report::new(&all(2, '0')));
    assert_eq!(lines[0], "Ownership: you say yes (100), they say no (0).");
    assert_eq!(lines.len(), 4);
    let same = differences(&Report::new(&all(2, '3')), &Report::new(&all(2, '3')));
    assert_eq!(same, ["You see Ownership, Data, Buy-in and Metrics much the same way."]);
}

#[test]
fn results_from_two_versions_are_compared_by_dimension_and_say_so() {
    let lines = differences(&Report::new(&all(2, '3')), &Report::new(&all(1, '3')));
    assert!(lines[0].contains("different versions of the check"), "{lines:?}");
    assert_eq!(lines[1], "You see Ownership, Data, Buy-in and Metrics much the same way.");
    assert!(
        differences(&Report::new(&all(2, '3')), &Report::new(&all(2, '2'))).iter().all(|l| !l.contains("versions"))
    );
}

#[test]
fn member_names_are_unique_whatever_the_labels() {
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (vec!["", "", ""], vec!["Person 1", "Person 2", "Person 3"]),
        (vec!["Owner", "", "Ops"], vec!["Owner", "Person 2", "Ops"]),
        (vec!["Ops", "Ops", ""], vec!["Person 1 (Ops)", "Person 2 (Ops)", "Person 3"]),
        // A label that reads like another member's generated name gives way.
        (
            vec!["", "Person 1", "", "", "Person 5"],
            vec!["Person 1", "Person 2 (Person 1)", "Person 3", "Person 4", "Person 5"],
        ),
        (
            vec!["", "Person 3 (x)", "x", "x"],
            vec!["Person 1", "Person 2 (Person 3 (x))", "Person 3 (x)", "Person 4 (x)"],
        ),
    ];
    for (labels, expected) in cases {
        let members: Vec<SharedResult> = labels.iter().map(|l| member(l, '3')).collect();
        let names = member_names(&members.iter().cloned().map(TeamMember::unnamed).collect::<Vec<_>>());
        assert_eq!(names, expected, "{labels:?}");
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{labels:?}: {names:?}");
    }
}

#[test]
fn team_findings_isolate_names_so_right_to_left_labels_keep_their_order() {
    let mut team = vec![member("מנהל", '3')];
    team.extend((0..4).map(|i| member(["צוות א", "צוות ב", "צוות ג", ""][i], '0')));
    let summary = summarise(&team).expect("a team");
    let names = member_names(&team.iter().cloned().map(TeamMember::unnamed).collect::<Vec<_>>());
    let lines = findings(&summary, &names);
    let apart = lines.iter().find(|l| l.contains("stands apart")).expect("the outlier is named");
    assert!(apart.contains(&isolate("מנהל")), "{apart}");
    assert!(lines.iter().all(|l| l.matches('\u{2068}').count() == l.matches('\u{2069}').count()));
    assert_eq!(
        verdict_sentence(&summary),
        "Read as a team (each dimension's middle answer), the pilot is not ready: Ownership, Data, Buy-in and Metrics are not a yes."
    );
}

#[test]
fn the_team_view_reads_each_dimension_by_its_middle_band() {
    let yes = member("", '3');
    let no = member("", '0');
    let cases = [
        (vec![yes.clone()], true),
        (vec![yes.clone(), no.clone()], false),
        (vec![yes.clone(), yes.clone(), no.clone()], true),
        (vec![yes.clone(), no.clone(), no.clone()], false),
        // Mixed question sets: matched by dimension.
        (vec![yes.clone(), SharedResult { answers: all(1, '3'), label: String::new() }], true),
    ];
    for (team, ready) in cases {
        assert_eq!(summarise(&team).expect("a team").ready, ready, "{} members", team.len());
    }
}

#[test]
fn notices_say_each_problem_once_and_come_back_after_a_dismissal() {
    let mut notices = Notices::default();
    assert_eq!(notices.text(false), None);
    notices.apply(Notice::CannotSave);
    assert!(notices.cannot_save());
    assert!(notices.text(false).expect("shown").contains("won't let the check save"));
    notices.apply(Notice::Dismissed);
    assert_eq!(notices.text(false), None);
    assert!(notices.cannot_save(), "dismissing hides the notice, not the fact");
    notices.apply(Notice::FromOtherTab);
    let text = notices.text(false).expect("shown again");
    assert!(text.contains("another tab") && text.contains("won't let"), "{text}");
    notices.apply(Notice::Unreadable);
    assert!(notices.text(false).expect("shown").starts_with("Saved answers on this device could not be read"));
}

#[test]
fn in_a_frame_the_storage_notice_says_the_answers_go_and_offers_the_own_tab() {
    let mut notices = Notices::default();
    assert!(!notices.offers_own_tab(true));
    notices.apply(Notice::CannotSave);
    let framed = notices.text(true).expect("shown");
    // Nothing about an address the reader cannot see; the loss said plainly.
    assert!(!framed.contains("address"), "{framed}");
    assert!(framed.contains("lost when you leave or reload"), "{framed}");
    assert!(framed.contains("its own tab"), "{framed}");
    assert!(notices.offers_own_tab(true));
    assert!(!notices.offers_own_tab(false), "the check's own page is already its own tab");
    assert!(notices.text(false).expect("shown").contains("this page's address"));
    notices.apply(Notice::Dismissed);
    assert!(!notices.offers_own_tab(true));
    // Other notices say the same in a frame.
    let mut other = Notices::default();
    other.apply(Notice::FromOtherTab);
    assert_eq!(other.text(true), other.text(false));
    assert!(!other.offers_own_tab(true));
}
