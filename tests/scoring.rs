//! Checks scoring: per-dimension scores and bands, the essay's verdict, advice and next moves.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::{Question, QuestionSet, YesRule, question_set};
use readiness_check::core::scoring::{Band, Report, Verdict, band_for, join_words};

/// The tests in this file pin set 1's scoring, which must never change (links already shared
/// score as they did); set 2's rule is checked exhaustively in `tests/essay_test.rs`.
fn set1() -> &'static QuestionSet {
    question_set(1).expect("set 1 is published")
}

const OWNERSHIP: usize = 0;
const DATA: usize = 1;
const BUY_IN: usize = 2;
const METRICS: usize = 3;

fn best(question: &Question) -> Option<Answer> {
    Some(Answer::Level((question.options.len() - 1) as u8))
}

fn worst(_: &Question) -> Option<Answer> {
    Some(Answer::Level(0))
}

/// Answers built question by question: `f(dimension index, question id, question)`.
fn build(set: &'static QuestionSet, f: impl Fn(usize, &Question) -> Option<Answer>) -> Answers {
    let slots = set
        .dimensions
        .iter()
        .enumerate()
        .flat_map(|(d, dimension)| dimension.questions.iter().map(move |q| (d, q)))
        .map(|(d, q)| f(d, q))
        .collect();
    Answers::from_slots(set, slots).expect("valid slots")
}

/// Every dimension best except those listed, which get the given answer for every question.
fn failing(dims: &[usize], answer: fn(&Question) -> Option<Answer>) -> Answers {
    build(set1(), |d, q| if dims.contains(&d) { answer(q) } else { best(q) })
}

fn level(question: &Question, points: u8) -> Option<Answer> {
    let index = question.options.iter().position(|o| o.points == points).expect("option with these points");
    Some(Answer::Level(index as u8))
}

#[test]
fn all_best_answers_are_ready() {
    let report = Report::new(&build(set1(), |_, q| best(q)));
    assert_eq!(report.verdict, Verdict::Ready);
    assert_eq!(report.index, Some(100));
    assert_eq!(report.passing_count(), 4);
    for d in &report.dimensions {
        assert_eq!(d.score, Some(100), "{}", d.dimension.id);
        assert_eq!(d.band, Some(Band::Yes), "{}", d.dimension.id);
        assert!(d.advice.is_empty(), "{}: best answers need no advice", d.dimension.id);
        assert!(d.unknowns.is_empty());
        assert!(d.is_complete());
    }
    assert_eq!(report.next_moves, set1().ready_moves[..3].iter().map(|m| m.text).collect::<Vec<_>>());
}

#[test]
fn all_worst_answers_block_every_dimension() {
    let report = Report::new(&build(set1(), |_, q| worst(q)));
    let Verdict::NotReady { blocking } = &report.verdict else { panic!("expected NotReady, got {:?}", report.verdict) };
    let mut sorted = blocking.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 1, 2, 3]);
    assert_eq!(report.index, Some(0));
    assert_eq!(report.passing_count(), 0);
    for d in &report.dimensions {
        assert_eq!(d.score, Some(0));
        assert_eq!(d.band, Some(Band::No));
        assert!(d.unknowns.is_empty());
        assert_eq!(d.advice.len(), d.total, "{}: every worst answer gets advice", d.dimension.id);
    }
    assert_eq!(report.next_moves.len(), 3);
    assert!(
        report.next_moves.iter().all(|m| !set1().ready_moves.iter().any(|r| r.text == *m)),
        "a failing pilot gets no ready moves"
    );
    assert_eq!(report.verdict.outcome_slug(set1()), "not-odbm");
}

#[test]
fn all_dont_know_is_not_ready_and_lists_every_unknown() {
    let report = Report::new(&build(set1(), |_, _| Some(Answer::DontKnow)));
    assert!(matches!(&report.verdict, Verdict::NotReady { blocking } if blocking.len() == 4));
    for d in &report.dimensions {
        assert_eq!(d.score, Some(0));
        assert_eq!(d.band, Some(Band::No));
        assert_eq!(d.answered, d.total, "\"I don't know\" counts as answered");
        let unknown_ids: Vec<&str> = d.unknowns.iter().map(|q| q.id).collect();
        let all_ids: Vec<&str> = d.dimension.questions.iter().map(|q| q.id).collect();
        assert_eq!(unknown_ids, all_ids);
        assert_eq!(d.advice.len(), d.total);
    }
}

#[test]
fn exactly_one_failing_dimension_blocks_alone() {
    for dim in 0..4 {
        for answer in [worst as fn(&Question) -> Option<Answer>, |_: &Question| Some(Answer::DontKnow)] {
            let report = Report::new(&failing(&[dim], answer));
            assert_eq!(report.verdict, Verdict::NotReady { blocking: vec![dim] });
            assert_eq!(report.passing_count(), 3);
            for (i, d) in report.dimensions.iter().enumerate() {
                assert_eq!(d.band, Some(if i == dim { Band::No } else { Band::Yes }));
            }
            // Moves come from the failing dimension only (it has at least three rules).
            let failing_texts: Vec<&str> = report.dimensions[dim].advice.iter().map(|m| m.text).collect();
            assert!(report.next_moves.iter().all(|m| failing_texts.contains(m)), "dimension {dim}");
        }
    }
}

#[test]
fn blocking_is_ordered_weakest_first() {
    // Data entirely worst (score 0); Ownership only misses its weight-2 question by one level.
    let answers = build(set1(), |d, q| match d {
        DATA => worst(q),
        OWNERSHIP if q.id == "ownership.named_owner" => level(q, 0),
        _ => best(q),
    });
    let report = Report::new(&answers);
    let ownership = report.dimensions[OWNERSHIP].score.expect("complete");
    assert!(ownership > 0 && ownership < 75, "ownership scores {ownership}");
    assert_eq!(report.verdict, Verdict::NotReady { blocking: vec![DATA, OWNERSHIP] });

    // The other way round: Ownership weakest.
    let answers = build(set1(), |d, q| match d {
        OWNERSHIP => worst(q),
        METRICS if q.id == "metrics.business_number" => level(q, 0),
        _ => best(q),
    });
    let report = Report::new(&answers);
    assert_eq!(report.verdict, Verdict::NotReady { blocking: vec![OWNERSHIP, METRICS] });
    assert_eq!(report.verdict.outcome_slug(set1()), "not-om");
}

#[test]
fn an_unanswered_question_leaves_its_dimension_unscored() {
    // Buy-in: best everywhere but one question left open. It must not count as zero.
    let open = set1().first_position(BUY_IN) + 1;
    let mut answers = build(set1(), |_, q| best(q));
    answers.set_answer(open, None);
    let report = Report::new(&answers);
    let buy_in = &report.dimensions[BUY_IN];
    assert_eq!(buy_in.score, None);
    assert_eq!(buy_in.band, None);
    assert!(!buy_in.is_complete());
    assert_eq!(buy_in.answered, buy_in.total - 1);
    assert_eq!(report.verdict, Verdict::Incomplete { missing: vec![BUY_IN] });
    assert_eq!(report.verdict.outcome_slug(set1()), "incomplete");
    assert_eq!(report.index, Some(100), "the index averages complete dimensions only");
    assert_eq!(report.passing_count(), 3);

    // Even when the answered questions are weak, an open question keeps the dimension
    // unscored: the verdict waits for it instead of treating the gap as a zero.
    let mut worst_buy_in = build(set1(), |d, q| if d == BUY_IN { worst(q) } else { best(q) });
    worst_buy_in.set_answer(open, None);
    let report = Report::new(&worst_buy_in);
    assert_eq!(report.dimensions[BUY_IN].score, None);
    assert_eq!(report.verdict, Verdict::Incomplete { missing: vec![BUY_IN] });
    assert!(!report.dimensions[BUY_IN].advice.is_empty(), "answered weak questions still get advice");
}

#[test]
fn a_failing_answered_dimension_beats_an_incomplete_one() {
    let mut answers = failing(&[METRICS], worst);
    answers.set_answer(set1().first_position(DATA), None);
    let report = Report::new(&answers);
    assert_eq!(report.dimensions[DATA].score, None);
    assert_eq!(report.verdict, Verdict::NotReady { blocking: vec![METRICS] });
    assert_eq!(report.verdict.outcome_slug(set1()), "not-m");
}

#[test]
fn nothing_answered_is_incomplete_everywhere() {
    let report = Report::new(&Answers::empty(set1()));
    assert_eq!(report.verdict, Verdict::Incomplete { missing: vec![0, 1, 2, 3] });
    assert_eq!(report.index, None);
    assert!(report.next_moves.is_empty());
    for d in &report.dimensions {
        assert_eq!((d.score, d.band, d.answered), (None, None, 0));
        assert!(d.groups.iter().all(|g| g.score.is_none()));
    }
}

#[test]
fn words_are_joined_as_in_a_sentence() {
    for (words, expected) in [
        (&[][..], ""),
        (&["Data"][..], "Data"),
        (&["Data", "Metrics"][..], "Data and Metrics"),
        (&["Ownership", "Data", "Buy-in"][..], "Ownership, Data and Buy-in"),
    ] {
        assert_eq!(join_words(words), expected);
    }
}

#[test]
fn the_verdict_sentence_names_what_blocks_or_what_is_open() {
    let cases = [
        (build(set1(), |_, q| best(q)), "All four dimensions pass the essay's readiness test."),
        (
            failing(&[METRICS, DATA], worst),
            "By the essay's rule every dimension must be a yes. Blocking, weakest first: Data and Metrics.",
        ),
        (
            build(set1(), |d, q| if d == BUY_IN { None } else { best(q) }),
            "Answer the open questions in Buy-in to get a verdict.",
        ),
    ];
    for (answers, expected) in cases {
        assert_eq!(Report::new(&answers).verdict_sentence(), expected);
    }
}

#[test]
fn band_boundaries() {
    for set in readiness_check::core::content::QUESTION_SETS {
        for dimension in set.dimensions {
            let YesRule::Score { pass, partly } = dimension.rule else { continue };
            let cases = [
                (100, Band::Yes),
                (pass, Band::Yes),
                (pass - 1, Band::Partly),
                (partly + 1, Band::Partly),
                (partly, Band::Partly),
                (partly - 1, Band::No),
                (0, Band::No),
            ];
            for (score, band) in cases {
                assert_eq!(band_for(dimension, score), band, "{} score {score}", dimension.id);
            }
        }
    }
}

#[test]
fn next_moves_are_few_unique_and_from_failing_dimensions_first() {
    let cases: Vec<(&str, Answers)> = vec![
        ("all worst", build(set1(), |_, q| worst(q))),
        ("data failing", failing(&[DATA], worst)),
        ("ownership and buy-in failing", failing(&[OWNERSHIP, BUY_IN], worst)),
        (
            // Metrics fails on one question; Ownership passes but has an imperfect answer.
            "one weak metric, one imperfect pass",
            build(set1(), |d, q| match (d, q.id) {
                (METRICS, "metrics.business_number") => level(q, 0),
                (OWNERSHIP, "ownership.wrong_calls") => level(q, 1),
                _ => best(q),
            }),
        ),
        (
            "mixed",
            build(set1(), |d, q| match d {
                OWNERSHIP => level(q, 1),
                DATA => level(q, 2),
                BUY_IN => Some(Answer::DontKnow),
                _ => best(q),
            }),
        ),
    ];
    for (name, answers) in cases {
        let report = Report::new(&answers);
        let moves = &report.next_moves;
        assert!(moves.len() <= 3, "{name}");
        let mut unique = moves.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), moves.len(), "{name}: duplicate move");
        // Any move from a passing dimension comes after every available failing-dimension move.
        let failing_advice: Vec<&str> = report
            .dimensions
            .iter()
            .filter(|d| d.band != Some(Band::Yes))
            .flat_map(|d| d.advice.iter().map(|m| m.text))
            .collect();
        let from_failing = moves.iter().take_while(|m| failing_advice.contains(m)).count();
        assert_eq!(from_failing, failing_advice.len().min(3), "{name}: failing advice first: {moves:#?}");
        assert!(!moves.is_empty(), "{name}: a not-ready pilot always gets a move");
    }

    // The weak metric (gap 2×3 = 6) leads; the passing Ownership's advice follows; no ready
    // moves while something fails.
    let report = Report::new(&build(set1(), |d, q| match (d, q.id) {
        (METRICS, "metrics.business_number") => level(q, 0),
        (OWNERSHIP, "ownership.wrong_calls") => level(q, 1),
        _ => best(q),
    }));
    assert_eq!(report.verdict, Verdict::NotReady { blocking: vec![METRICS] });
    assert_eq!(report.next_moves.len(), 2);
    assert_eq!(report.next_moves[0], report.dimensions[METRICS].advice[0].text);
    assert_eq!(report.next_moves[1], report.dimensions[OWNERSHIP].advice[0].text);
}

#[test]
fn advice_is_specific_to_the_answers() {
    // Two readers both fail Data, through different questions.
    let reader_a = build(set1(), |d, q| match (d, q.id) {
        (DATA, "data.sources_mapped" | "data.quality_monitoring") => worst(q),
        _ => best(q),
    });
    let reader_b = build(set1(), |d, q| match (d, q.id) {
        (DATA, "data.manual_steps") => worst(q),
        _ => best(q),
    });
    let a = Report::new(&reader_a);
    let b = Report::new(&reader_b);
    for report in [&a, &b] {
        assert_eq!(report.verdict, Verdict::NotReady { blocking: vec![DATA] });
    }
    let a_texts: Vec<&str> = a.dimensions[DATA].advice.iter().map(|m| m.text).collect();
    let b_texts: Vec<&str> = b.dimensions[DATA].advice.iter().map(|m| m.text).collect();
    assert_eq!(a_texts.len(), 2);
    assert_eq!(b_texts.len(), 1);
    assert!(a_texts.iter().all(|t| !b_texts.contains(t)), "different weak answers, different advice");
    assert!(a.dimensions[DATA].advice.iter().all(|m| m.question.id != "data.manual_steps"));
    assert_eq!(b.dimensions[DATA].advice[0].question.id, "data.manual_steps");
    assert_eq!(b.dimensions[DATA].advice[0].gap, 6, "weight 2 × 3 points short");

    // The most specific rule wins: the worst answer gets the at_most 0 rule, a middling
    // answer gets the broader one.
    let named_owner = |points| {
        Report::new(&build(set1(), |_, q| if q.id == "ownership.named_owner" { level(q, points) } else { best(q) }))
    };
    let rules: Vec<_> =
        set1().dimensions[OWNERSHIP].advice.iter().filter(|r| r.question == "ownership.named_owner").collect();
    assert_eq!(
        named_owner(0).dimensions[OWNERSHIP].advice[0].text,
        rules.iter().find(|r| r.at_most == 0).unwrap().text
    );
    assert_eq!(
        named_owner(2).dimensions[OWNERSHIP].advice[0].text,
        rules.iter().find(|r| r.at_most == 2).unwrap().text
    );
    assert!(named_owner(3).dimensions[OWNERSHIP].advice.is_empty());

    // Advice is ordered by gap, largest first.
    for report in [&a, &b, &named_owner(0)] {
        for d in &report.dimensions {
            assert!(d.advice.windows(2).all(|w| w[0].gap >= w[1].gap));
        }
    }
}

#[test]
fn metrics_group_scores() {
    let report = Report::new(&build(set1(), |_, q| match q.group {
        Some("Process metrics") => best(q),
        Some(_) => worst(q),
        None => best(q),
    }));
    let groups = &report.dimensions[METRICS].groups;
    let names: Vec<&str> = groups.iter().map(|g| g.name).collect();
    assert_eq!(names, ["Process metrics", "Outcome metrics"]);
    assert_eq!(groups[0].score, Some(100));
    assert_eq!(groups[1].score, Some(0));
    for d in [OWNERSHIP, DATA, BUY_IN] {
        assert!(report.dimensions[d].groups.is_empty());
    }

    // A group with an open question has no score; the other keeps its own.
    let mut answers = build(set1(), |_, q| best(q));
    let outcome_position = set1().first_position(METRICS)
        + set1().dimensions[METRICS].questions.iter().position(|q| q.group == Some("Outcome metrics")).unwrap();
    answers.set_answer(outcome_position, None);
    let groups = Report::new(&answers).dimensions[METRICS].groups.clone();
    assert_eq!(groups[0].score, Some(100));
    assert_eq!(groups[1].score, None);
}

#[test]
fn outcome_slugs() {
    let cases: Vec<(Verdict, &str)> = vec![
        (Verdict::Ready, "ready"),
        (Verdict::Incomplete { missing: vec![2] }, "incomplete"),
        (Verdict::Incomplete { missing: vec![0, 1, 2, 3] }, "incomplete"),
        (Verdict::NotReady { blocking: vec![0, 1] }, "not-od"),
        (Verdict::NotReady { blocking: vec![1, 0] }, "not-od"),
        (Verdict::NotReady { blocking: vec![3] }, "not-m"),
        (Verdict::NotReady { blocking: vec![2, 0] }, "not-ob"),
        (Verdict::NotReady { blocking: vec![3, 2, 1, 0] }, "not-odbm"),
        (Verdict::NotReady { blocking: vec![1, 3] }, "not-dm"),
    ];
    for (verdict, slug) in cases {
        assert_eq!(verdict.outcome_slug(set1()), slug, "{verdict:?}");
    }
}

fn slot_strategy(options: usize) -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![(0..options as u8).prop_map(|l| Some(Answer::Level(l))), Just(Some(Answer::DontKnow)),]
}

fn complete_answers() -> impl Strategy<Value = Answers> {
    let slots: Vec<_> = set1().questions().map(|q| slot_strategy(q.options.len())).collect();
    slots.prop_map(|slots| Answers::from_slots(set1(), slots).expect("valid"))
}

fn any_answers() -> impl Strategy<Value = Answers> {
    let slots: Vec<_> =
        set1().questions().map(|q| prop_oneof![1 => Just(None), 4 => slot_strategy(q.options.len())]).collect();
    slots.prop_map(|slots| Answers::from_slots(set1(), slots).expect("valid"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn ready_iff_every_band_is_yes(answers in complete_answers()) {
        let report = Report::new(&answers);
        let all_yes = report.dimensions.iter().all(|d| d.band == Some(Band::Yes));
        prop_assert_eq!(report.verdict == Verdict::Ready, all_yes);
        for d in &report.dimensions {
            let score = d.score.expect("complete answers score every dimension");
            prop_assert!(score <= 100);
            prop_assert_eq!(d.band, Some(band_for(d.dimension, score)));
        }
        if let Verdict::NotReady { blocking } = &report.verdict {
            let mut expected: Vec<usize> = (0..4).filter(|&i| report.dimensions[i].band != Some(Band::Yes)).collect();
            expected.sort_by_key(|&i| (report.dimensions[i].score, i));
            prop_assert_eq!(blocking, &expected);
        }
        let incomplete = matches!(report.verdict, Verdict::Incomplete { .. });
        prop_assert!(!incomplete, "complete answers are never incomplete");
    }

    #[test]
    fn any_answers_score_sensibly(answers in any_answers()) {
        let report = Report::new(&answers);
        prop_assert!(report.next_moves.len() <= 3);
        prop_assert!(report.index.is_none_or(|i| i <= 100));
        for d in &report.dimensions {
            prop_assert_eq!(d.score.is_some(), d.is_complete());
            prop_assert!(d.score.is_none_or(|s| s <= 100));
            for g in &d.groups {
                prop_assert!(g.score.is_none_or(|s| s <= 100));
            }
        }
        match &report.verdict {
            Verdict::Ready => prop_assert!(answers.is_complete()),
            Verdict::Incomplete { missing } => {
                prop_assert!(!missing.is_empty());
                prop_assert!(report.dimensions.iter().all(|d| d.band.is_none_or(|b| b == Band::Yes)));
            }
            Verdict::NotReady { blocking } => {
                prop_assert!(!blocking.is_empty());
                prop_assert!(blocking.iter().all(|&i| matches!(report.dimensions[i].band, Some(Band::No | Band::Partly))));
            }
        }
    }
}
