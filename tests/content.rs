//! Validates every published question set: ids, shape, texts, points, thresholds and advice.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use readiness_check::core::content::{CURRENT, Dimension, QUESTION_SETS, QuestionSet, question_set};

const DIMENSION_IDS: [&str; 4] = ["ownership", "data", "buy_in", "metrics"];

fn check_text(where_: &str, text: &str) {
    assert!(!text.is_empty(), "{where_}: empty text");
    assert_eq!(text, text.trim(), "{where_}: leading or trailing whitespace in {text:?}");
    assert!(!text.contains(['<', '>']), "{where_}: content is plain text, found '<' or '>' in {text:?}");
    assert!(!text.chars().any(char::is_control), "{where_}: control character in {text:?}");
    assert!(!text.contains("  "), "{where_}: double space in {text:?}");
}

/// Lowest and highest 0–100 score a dimension can reach, by brute force over every
/// combination of its options (4–5 questions of 4–5 options: at most 3,125 combinations).
fn score_range(dimension: &Dimension) -> (u32, u32) {
    let possible: u32 = dimension.questions.iter().map(|q| u32::from(q.weight) * u32::from(q.max_points())).sum();
    assert!(possible > 0, "{}: no points to earn", dimension.id);
    let mut choice = vec![0usize; dimension.questions.len()];
    let (mut lowest, mut highest) = (u32::MAX, 0);
    loop {
        let earned: u32 = dimension
            .questions
            .iter()
            .zip(&choice)
            .map(|(q, &c)| u32::from(q.weight) * u32::from(q.options[c].points))
            .sum();
        let score = (100 * earned + possible / 2) / possible;
        lowest = lowest.min(score);
        highest = highest.max(score);
        // Next combination (odometer).
        let mut i = 0;
        loop {
            if i == choice.len() {
                return (lowest, highest);
            }
            choice[i] += 1;
            if choice[i] < dimension.questions[i].options.len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

fn check_set(set: &QuestionSet) {
    let s = format!("set {}", set.id);

    assert!(set.essay_url.starts_with("https://"), "{s}: essay_url must be https: {}", set.essay_url);
    assert!(set.ready_moves.len() >= 3, "{s}: needs at least 3 ready moves");
    for (i, text) in set.ready_moves.iter().enumerate() {
        check_text(&format!("{s} ready_moves[{i}]"), text);
    }
    let unique_moves: HashSet<_> = set.ready_moves.iter().collect();
    assert_eq!(unique_moves.len(), set.ready_moves.len(), "{s}: duplicate ready move");

    let ids: Vec<&str> = set.dimensions.iter().map(|d| d.id).collect();
    assert_eq!(ids, DIMENSION_IDS, "{s}: exactly the four dimensions, in the essay's order");
    let unique_dims: HashSet<_> = ids.iter().collect();
    assert_eq!(unique_dims.len(), ids.len(), "{s}: duplicate dimension id");

    let mut question_ids = HashSet::new();
    for dimension in set.dimensions {
        let d = format!("{s} {}", dimension.id);
        check_text(&format!("{d} name"), dimension.name);
        check_text(&format!("{d} test_question"), dimension.test_question);
        check_text(&format!("{d} explanation"), dimension.explanation);
        check_text(&format!("{d} fix"), dimension.fix);
        check_text(&format!("{d} unknown_finding"), dimension.unknown_finding);
        for (i, meaning) in dimension.band_meaning.iter().enumerate() {
            check_text(&format!("{d} band_meaning[{i}]"), meaning);
        }

        assert!(!dimension.questions.is_empty(), "{d}: no questions");
        assert!((4..=5).contains(&dimension.questions.len()), "{d}: expected 4–5 questions");

        for question in dimension.questions {
            let q = format!("{s} {}", question.id);
            assert!(question_ids.insert(question.id), "{q}: duplicate question id in the set");
            let prefix = format!("{}.", dimension.id);
            assert!(
                question.id.starts_with(&prefix) && question.id.len() > prefix.len(),
                "{q}: id must start with {prefix:?}"
            );
            check_text(&format!("{q} prompt"), question.prompt);
            if let Some(group) = question.group {
                check_text(&format!("{q} group"), group);
            }
            assert!((1..=3).contains(&question.weight), "{q}: weight {} not in 1..=3", question.weight);
            assert!((4..=5).contains(&question.options.len()), "{q}: {} options, expected 4–5", question.options.len());

            let points: Vec<u8> = question.options.iter().map(|o| o.points).collect();
            assert_eq!(points[0], 0, "{q}: the worst option must score 0");
            assert!(points.windows(2).all(|w| w[0] <= w[1]), "{q}: points must not decrease worst→best: {points:?}");
            let best = points[points.len() - 1];
            assert!(
                best > points[points.len() - 2],
                "{q}: the best option must score strictly more than the next: {points:?}"
            );
            assert_eq!(question.max_points(), best);

            let mut texts = HashSet::new();
            for (i, option) in question.options.iter().enumerate() {
                check_text(&format!("{q} option {i}"), option.text);
                assert!(texts.insert(option.text), "{q}: duplicate option text {:?}", option.text);
            }

            // Every question's worst answer (and "I don't know", which scores 0) gets advice.
            assert!(
                dimension.advice.iter().any(|rule| rule.question == question.id && rule.at_most >= points[0]),
                "{q}: no advice rule fires for its worst answer"
            );
        }

        for rule in dimension.advice {
            let a = format!("{d} advice for {}", rule.question);
            check_text(&a, rule.text);
            let question = dimension
                .questions
                .iter()
                .find(|q| q.id == rule.question)
                .unwrap_or_else(|| panic!("{a}: question does not exist in this dimension"));
            assert!(
                rule.at_most < question.max_points(),
                "{a}: at_most {} would fire for the best answer ({})",
                rule.at_most,
                question.max_points()
            );
        }
        let rules: Vec<(&str, u8)> = dimension.advice.iter().map(|r| (r.question, r.at_most)).collect();
        let unique_rules: HashSet<_> = rules.iter().collect();
        assert_eq!(unique_rules.len(), rules.len(), "{d}: two advice rules for the same question and level");

        assert!(0 < dimension.partly, "{d}: partly must be above 0");
        assert!(dimension.partly < dimension.pass, "{d}: partly must be below pass");
        assert!(dimension.pass <= 100, "{d}: pass must be at most 100");
        let (lowest, highest) = score_range(dimension);
        assert!(highest >= u32::from(dimension.pass), "{d}: pass {} is unreachable (max {highest})", dimension.pass);
        assert!(lowest < u32::from(dimension.partly), "{d}: 'no' is unreachable (min {lowest})");
    }

    let metrics = &set.dimensions[3];
    let groups: HashSet<&str> = metrics.questions.iter().filter_map(|q| q.group).collect();
    assert!(groups.contains("Process metrics"), "{s}: Metrics lacks the Process metrics group");
    assert!(groups.contains("Outcome metrics"), "{s}: Metrics lacks the Outcome metrics group");
    assert!(metrics.questions.iter().all(|q| q.group.is_some()), "{s}: every Metrics question belongs to a group");
}

#[test]
fn every_published_set_is_valid() {
    assert!(!QUESTION_SETS.is_empty());
    for set in QUESTION_SETS {
        check_set(set);
    }
}

#[test]
fn set_ids_are_unique_ascending_and_in_range() {
    let ids: Vec<u8> = QUESTION_SETS.iter().map(|s| s.id).collect();
    assert!(ids.iter().all(|id| (1..=61).contains(id)), "set ids must be in 1..=61: {ids:?}");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "set ids must be unique and ascending: {ids:?}");
    for set in QUESTION_SETS {
        assert!(std::ptr::eq(question_set(set.id).expect("lookup by id"), *set));
    }
    assert_eq!(question_set(0), None);
    assert_eq!(question_set(62), None);
}

#[test]
fn current_is_the_newest_set() {
    let last = QUESTION_SETS.last().expect("at least one set");
    assert!(std::ptr::eq(CURRENT, *last), "CURRENT must be the last entry of QUESTION_SETS");
    let total = CURRENT.question_count();
    assert!((16..=20).contains(&total), "the current set has {total} questions, expected 16–20");
    assert_eq!(CURRENT.questions().count(), total);
}

#[test]
fn locate_and_first_position_agree_with_asking_order() {
    for set in QUESTION_SETS {
        let mut position = 0;
        for (index, dimension) in set.dimensions.iter().enumerate() {
            assert_eq!(set.first_position(index), position);
            for question in dimension.questions {
                let (found_dim, found) = set.locate(position).expect("position in range");
                assert_eq!(found_dim, index);
                assert!(std::ptr::eq(found, question));
                position += 1;
            }
        }
        assert_eq!(set.locate(position), None);
        assert_eq!(set.first_position(99), position);
    }
}
