//! Checks set 2's rule and texts by brute force over every answer pattern of each dimension
//! (at most 6⁵ = 7,776): a yes only when the essay's test is a yes, no card that contradicts
//! the answers, always three moves when not ready, never two on one topic. Plus the findings
//! of the review of set 1 as named cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::answers_from_pattern;
use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::{Dimension, Question, QuestionSet, Role, question_set};
use readiness_check::core::scoring::{Band, HoldBack, Report, Verdict};

/// Set 2 stays published and frozen: these checks keep holding for its links.
fn set2() -> &'static QuestionSet {
    question_set(2).expect("set 2 is published")
}

fn top(question: &Question) -> Answer {
    Answer::Level((question.options.len() - 1) as u8)
}

/// Every answer a question can get: each option and "I don't know".
fn answers_of(question: &Question) -> Vec<Answer> {
    (0..question.options.len() as u8).map(Answer::Level).chain([Answer::DontKnow]).collect()
}

/// Calls `check` with the full answers for every pattern of one dimension, the other
/// dimensions at their best.
fn every_pattern(set: &'static QuestionSet, index: usize, mut check: impl FnMut(&[Answer], Answers)) {
    let dimension = &set.dimensions[index];
    let start = set.first_position(index);
    let choices: Vec<Vec<Answer>> = dimension.questions.iter().map(answers_of).collect();
    let mut odometer = vec![0usize; choices.len()];
    loop {
        let pattern: Vec<Answer> = odometer.iter().zip(&choices).map(|(&i, c)| c[i]).collect();
        let mut answers = Answers::empty(set);
        for (position, question) in set.questions().enumerate() {
            answers.set_answer(position, Some(top(question)));
        }
        for (offset, answer) in pattern.iter().enumerate() {
            answers.set_answer(start + offset, Some(*answer));
        }
        check(&pattern, answers);
        let mut i = 0;
        loop {
            if i == odometer.len() {
                return;
            }
            odometer[i] += 1;
            if odometer[i] < choices[i].len() {
                break;
            }
            odometer[i] = 0;
            i += 1;
        }
    }
}

/// The essay's test for one dimension, written out plainly: the key question at its top, no
/// answer at the lowest option, no "I don't know" on a key or essential question.
fn essay_says_yes(dimension: &Dimension, pattern: &[Answer]) -> bool {
    dimension.questions.iter().zip(pattern).all(|(q, a)| match (q.role, a) {
        (Role::Key, answer) => *answer == top(q),
        (Role::Essential, Answer::DontKnow) => false,
        (_, Answer::DontKnow) => true,
        (_, Answer::Level(level)) => *level > 0,
    })
}

#[test]
fn a_dimension_is_a_yes_exactly_when_the_essays_test_is() {
    let set = set2();
    for (index, dimension) in set.dimensions.iter().enumerate() {
        let mut yes = 0;
        every_pattern(set, index, |pattern, answers| {
            let report = Report::new(&answers);
            let result = &report.dimensions[index];
            let expected = essay_says_yes(dimension, pattern);
            assert_eq!(result.band == Some(Band::Yes), expected, "{} {pattern:?}", dimension.id);
            assert_eq!(result.holding_back.is_empty(), expected, "{} {pattern:?}: blockers", dimension.id);
            assert_eq!(report.verdict == Verdict::Ready, expected, "{} {pattern:?}: verdict", dimension.id);
            yes += usize::from(expected);
        });
        assert!(yes > 1, "{}: a yes must be reachable in more than one way", dimension.id);
    }
}

#[test]
fn never_ready_while_a_key_question_is_below_its_top() {
    let set = set2();
    for (index, dimension) in set.dimensions.iter().enumerate() {
        let key = dimension.questions.iter().position(|q| q.role == Role::Key).expect("a key question");
        every_pattern(set, index, |pattern, answers| {
            if pattern[key] != top(&dimension.questions[key]) {
                let report = Report::new(&answers);
                assert_ne!(report.verdict, Verdict::Ready, "{} {pattern:?}", dimension.id);
                assert!(report.dimensions[index].holding_back.iter().any(|b| b.why == HoldBack::KeyNotYes));
            }
        });
    }
}

/// Every text on a card comes from an answer the reader gave: the meaning from the key answer
/// (or the dimension's yes/held-back texts, which fit any answers that lead to them), the advice
/// from each answer, the "I don't know" findings from the questions answered so.
#[test]
fn no_card_says_what_the_answers_deny() {
    let set = set2();
    for (index, dimension) in set.dimensions.iter().enumerate() {
        let key = dimension.questions.iter().position(|q| q.role == Role::Key).expect("a key question");
        every_pattern(set, index, |pattern, answers| {
            let result = &Report::new(&answers).dimensions[index];
            let key_question = &dimension.questions[key];
            let meaning = result.meaning.expect("a complete dimension means something");
            let readiness_check::core::content::Meanings::ByKeyAnswer { yes, held_back } = &dimension.meanings else {
                panic!("set 2 reads meanings by key answer");
            };
            let expected = match (result.band, pattern[key]) {
                (Some(Band::Yes), _) => *yes,
                (_, Answer::DontKnow) => key_question.unknown.as_ref().map(|u| u.finding).unwrap_or_default(),
                (_, answer) if answer == top(key_question) => *held_back,
                (_, Answer::Level(level)) => key_question.options[usize::from(level)].meaning.unwrap_or_default(),
            };
            assert_eq!(meaning, expected, "{} {pattern:?}", dimension.id);
            for advice in &result.advice {
                let position =
                    dimension.questions.iter().position(|q| std::ptr::eq(q, advice.question)).expect("own question");
                let own = match pattern[position] {
                    Answer::DontKnow => advice.question.unknown.as_ref().map(|u| u.advice),
                    Answer::Level(level) => advice.question.options[usize::from(level)].advice,
                };
                assert_eq!(Some(advice.text), own, "{} {pattern:?}: advice from another answer", dimension.id);
            }
            let unknowns: Vec<&str> = dimension
                .questions
                .iter()
                .zip(pattern)
                .filter(|(_, a)| **a == Answer::DontKnow)
                .map(|(q, _)| q.id)
                .collect();
            assert_eq!(result.unknowns.iter().map(|q| q.id).collect::<Vec<_>>(), unknowns);
        });
    }
}

/// Words that tell a reader to hold back the scaling, which must never reach a reader whose
/// verdict is "ready to scale".
const HOLD_BACK_WORDS: [&str; 6] =
    ["until", "before you scale", "before scaling", "don't widen", "hold the", "don't scale"];

#[test]
fn next_moves_are_three_when_not_ready_never_repeat_a_topic_and_fit_the_verdict() {
    let set = set2();
    for index in 0..set.dimensions.len() {
        every_pattern(set, index, |pattern, answers| {
            let report = Report::new(&answers);
            let moves = &report.next_moves;
            let topic_of = |text: &str| -> &'static str {
                set.questions()
                    .find(|q| {
                        q.options.iter().any(|o| o.advice == Some(text))
                            || q.unknown.as_ref().is_some_and(|u| u.advice == text)
                    })
                    .map(|q| q.topic)
                    .or_else(|| {
                        set.ready_moves.iter().chain(set.not_ready_moves).find(|m| m.text == text).map(|m| m.topic)
                    })
                    .unwrap_or_else(|| panic!("a move from nowhere: {text}"))
            };
            let mut topics: Vec<&str> = moves.iter().map(|m| topic_of(m)).collect();
            topics.sort_unstable();
            topics.dedup();
            assert_eq!(topics.len(), moves.len(), "{pattern:?}: two moves on one topic: {moves:?}");
            match &report.verdict {
                Verdict::NotReady { .. } => {
                    assert_eq!(moves.len(), 3, "{pattern:?}: a pilot that is not ready gets three moves");
                    assert!(
                        moves.iter().all(|m| !set.ready_moves.iter().any(|r| r.text == *m)),
                        "{pattern:?}: no ready move"
                    );
                    // The first move works on what blocks the yes.
                    let blockers: Vec<&str> = report
                        .dimensions
                        .iter()
                        .flat_map(|d| &d.holding_back)
                        .flat_map(|b| {
                            let q = b.question;
                            q.options.iter().filter_map(|o| o.advice).chain(q.unknown.as_ref().map(|u| u.advice))
                        })
                        .collect();
                    assert!(
                        blockers.contains(&moves[0]),
                        "{pattern:?}: the first move is about a blocker: {}",
                        moves[0]
                    );
                }
                Verdict::Ready => {
                    for m in moves.iter().chain(report.dimensions.iter().flat_map(|d| d.advice.iter().map(|a| &a.text)))
                    {
                        let lower = m.to_lowercase();
                        assert!(
                            !HOLD_BACK_WORDS.iter().any(|w| lower.contains(w)),
                            "{pattern:?}: ready, yet told to wait: {m}"
                        );
                    }
                    assert!(moves.iter().all(|m| !set.not_ready_moves.iter().any(|r| r.text == *m)), "{pattern:?}");
                }
                Verdict::Incomplete { .. } => unreachable!("every pattern is complete"),
            }
        });
    }
}

// ---------------------------------------------------------------------------------------------
// The findings of the review of set 1, as named cases
// ---------------------------------------------------------------------------------------------

/// Each dimension's key question one step short, everything else at its best: set 1 said
/// "Ready to scale" (every dimension 87); the essay says no.
#[test]
fn finding_every_key_question_one_step_short_is_not_ready() {
    let set1 = question_set(1).expect("set 1");
    let set1_pattern = concat!("2333", "3233", "2333", "3323");
    assert_eq!(
        Report::new(&answers_from_pattern(set1, set1_pattern)).verdict,
        Verdict::Ready,
        "set 1's flaw, kept for old links"
    );
    let report = Report::new(&answers_from_pattern(set2(), concat!("23333", "3233", "2333", "33323")));
    assert!(
        matches!(report.verdict, Verdict::NotReady { ref blocking } if blocking.len() == 4),
        "{:?}",
        report.verdict
    );
    // And its moves fit: none tells the reader to name an owner they have named.
    assert!(report.next_moves.iter().all(|m| !m.starts_with("Name one business leader")), "{:?}", report.next_moves);
}

/// The worst answer on a question that is not the key one still passed in set 1 (80).
#[test]
fn finding_the_worst_supporting_answer_blocks() {
    // Buy-in: no view of actual use, steering meetings just sound positive.
    let set = set2();
    let workarounds = set.questions().position(|q| q.id == "buy_in.workarounds").expect("a workarounds question");
    let mut answers = answers_from_pattern(set, &"3".repeat(set.question_count()));
    answers.set_answer(workarounds, Some(Answer::Level(0)));
    let report = Report::new(&answers);
    assert!(matches!(report.verdict, Verdict::NotReady { .. }), "{:?}", report.verdict);
    answers.set_answer(workarounds, Some(Answer::DontKnow));
    assert!(matches!(Report::new(&answers).verdict, Verdict::NotReady { .. }), "not knowing is no yes either");
}

/// A card whose key answer is at the top never says nobody answers for the result.
#[test]
fn finding_a_held_back_card_keeps_to_what_the_reader_said() {
    let set = set2();
    // Ownership: a named leader with a target, but one essential answer at its lowest.
    let answers = answers_from_pattern(set, &("33330".to_owned() + &"3".repeat(set.question_count() - 5)));
    let ownership = &Report::new(&answers).dimensions[0];
    let meaning = ownership.meaning.expect("a meaning");
    assert!(meaning.contains("is a yes"), "{meaning}");
    assert_eq!(ownership.holding_back.len(), 1);
}

/// The "I don't know" note names the question and its own finding, not one text a dimension.
#[test]
fn finding_dont_know_findings_are_per_question() {
    let set = set2();
    let findings: Vec<&str> = set.questions().filter_map(|q| q.unknown.as_ref()).map(|u| u.finding).collect();
    assert_eq!(findings.len(), set.question_count());
    let mut unique = findings.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), findings.len(), "each question has its own finding");
}

/// Share of "all best but one" patterns that are ready, set 1 against set 2 (the closing note
/// quotes these): one question at any other answer, everything else at its best.
#[test]
fn all_best_but_one_patterns_ready_share() {
    let share = |set: &'static QuestionSet| {
        let (mut ready, mut total) = (0, 0);
        for (position, question) in set.questions().enumerate() {
            for answer in answers_of(question).into_iter().filter(|a| *a != top(question)) {
                let mut answers = answers_from_pattern(set, &"3".repeat(set.question_count()));
                answers.set_answer(position, Some(answer));
                total += 1;
                ready += usize::from(Report::new(&answers).verdict == Verdict::Ready);
            }
        }
        (ready, total)
    };
    let (ready1, total1) = share(question_set(1).expect("set 1"));
    let (ready2, total2) = share(set2());
    println!("all best but one, ready: set 1 {ready1} of {total1}, set 2 {ready2} of {total2}");
    assert!(ready2 * total1 < ready1 * total2, "set 2 is stricter than set 1");
}
