//! Validates every published question set: ids, shape, texts, points, thresholds and advice.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use readiness_check::core::scoring;

use readiness_check::core::content::{
    CURRENT, Dimension, Meanings, QUESTION_SETS, QuestionSet, Role, Stance, YesRule, intro, question_set,
};

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
    let general = set.ready_moves.iter().chain(set.not_ready_moves);
    let mut move_topics = HashSet::new();
    for (i, general) in general.enumerate() {
        check_text(&format!("{s} general move {i}"), general.text);
        check_text(&format!("{s} general move {i} topic"), general.topic);
        assert!(move_topics.insert(general.topic), "{s}: two general moves on the topic {:?}", general.topic);
    }
    if let Some(time_frame) = set.time_frame {
        check_text(&format!("{s} time_frame"), time_frame);
    }

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
        match &dimension.meanings {
            Meanings::ByBand(texts) => {
                for (i, meaning) in texts.iter().enumerate() {
                    check_text(&format!("{d} band meaning {i}"), meaning);
                }
            }
            Meanings::ByKeyAnswer { yes, held_back } => {
                check_text(&format!("{d} yes meaning"), yes);
                check_text(&format!("{d} held-back meaning"), held_back);
            }
            Meanings::Claims { yes, not_yes } => {
                for claim in *yes {
                    check_text(&format!("{d} claim"), claim.text);
                }
                check_text(&format!("{d} not-yes meaning"), not_yes);
            }
        }
        match dimension.rule {
            YesRule::Score { .. } => check_score_rule_shape(dimension),
            YesRule::EssayTest { .. } => check_essay_test_shape(dimension),
            YesRule::Literal => check_literal_shape(dimension),
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
            check_text(&format!("{q} short"), question.short);
            check_text(&format!("{q} topic"), question.topic);
            if let Some(group) = question.group {
                check_text(&format!("{q} group"), group);
            }
            assert!((1..=3).contains(&question.weight), "{q}: weight {} not in 1..=3", question.weight);
            assert!((4..=5).contains(&question.options.len()), "{q}: {} options, expected 4–5", question.options.len());

            // "Not applicable" stands outside the worst-to-best ladder (checked with set 3's shape).
            let points: Vec<u8> =
                question.options.iter().filter(|o| o.stance != Some(Stance::NotApplicable)).map(|o| o.points).collect();
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
        }
    }

    let metrics = &set.dimensions[3];
    let groups: HashSet<&str> = metrics.questions.iter().filter_map(|q| q.group).collect();
    assert!(groups.contains("Process metrics"), "{s}: Metrics lacks the Process metrics group");
    assert!(groups.contains("Outcome metrics"), "{s}: Metrics lacks the Outcome metrics group");
    assert!(metrics.questions.iter().all(|q| q.group.is_some()), "{s}: every Metrics question belongs to a group");
}

/// Set 1's shape: a score decides the yes, advice comes from rules tied to low answers.
fn check_score_rule_shape(dimension: &Dimension) {
    let d = dimension.id.to_string();
    let YesRule::Score { pass, partly } = dimension.rule else { return };
    assert!(matches!(dimension.meanings, Meanings::ByBand(_)), "{d}: a score rule reads meanings by band");
    check_text(&format!("{d} unknown_finding"), dimension.unknown_finding.unwrap_or_default());
    for question in dimension.questions {
        let q = &question.id;
        let worst = question.options[0].points;
        // Every question's worst answer (and "I don't know", which scores 0) gets advice.
        assert!(
            dimension.advice.iter().any(|rule| rule.question == question.id && rule.at_most >= worst),
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

    assert!(0 < partly, "{d}: partly must be above 0");
    assert!(partly < pass, "{d}: partly must be below pass");
    assert!(pass <= 100, "{d}: pass must be at most 100");
    let (lowest, highest) = score_range(dimension);
    assert!(highest >= u32::from(pass), "{d}: pass {pass} is unreachable (max {highest})");
    assert!(lowest < u32::from(partly), "{d}: 'no' is unreachable (min {lowest})");
}

/// Words in a sentence, for the phone-reading limits.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '?', '!', ':', ';']).map(str::trim).filter(|s| !s.is_empty())
}

/// Set 2's shape: the essay's test decides the yes; every text is chosen by one answer.
fn check_essay_test_shape(dimension: &Dimension) {
    let d = dimension.id;
    let YesRule::EssayTest { partly } = dimension.rule else { return };
    assert!((1..100).contains(&partly), "{d}: partly {partly} must be within 1..100");
    assert!(
        matches!(dimension.meanings, Meanings::ByKeyAnswer { .. }),
        "{d}: the essay's test reads meanings by key answer"
    );
    assert!(dimension.advice.is_empty(), "{d}: advice belongs to answers, not to rules");
    assert!(dimension.unknown_finding.is_none(), "{d}: \"I don't know\" findings belong to questions");
    let keys = dimension.questions.iter().filter(|q| q.role == Role::Key).count();
    assert_eq!(keys, 1, "{d}: exactly one key question (the essay's own test)");

    let mut phone_texts: Vec<(String, &str)> = vec![
        (format!("{d} test_question"), dimension.test_question),
        (format!("{d} explanation"), dimension.explanation),
        (format!("{d} fix"), dimension.fix),
    ];
    if let Meanings::ByKeyAnswer { yes, held_back } = dimension.meanings {
        phone_texts.push((format!("{d} yes meaning"), yes));
        phone_texts.push((format!("{d} held-back meaning"), held_back));
    }
    for question in dimension.questions {
        let q = question.id;
        let top = question.options.len() - 1;
        let unknown = question.unknown.as_ref().unwrap_or_else(|| panic!("{q}: needs an \"I don't know\" finding"));
        check_text(&format!("{q} unknown finding"), unknown.finding);
        check_text(&format!("{q} unknown advice"), unknown.advice);
        phone_texts.push((format!("{q} prompt"), question.prompt));
        phone_texts.push((format!("{q} unknown finding"), unknown.finding));
        phone_texts.push((format!("{q} unknown advice"), unknown.advice));
        for (level, option) in question.options.iter().enumerate() {
            let o = format!("{q} option {level}");
            assert!(option.text.chars().count() <= 85, "{o}: {} characters, at most 85", option.text.chars().count());
            if level == top {
                assert!(option.advice.is_none(), "{o}: the top option needs no advice");
                assert!(option.meaning.is_none(), "{o}: the top option's meaning is the dimension's");
            } else {
                let advice = option.advice.unwrap_or_else(|| panic!("{o}: every option below the top needs advice"));
                check_text(&format!("{o} advice"), advice);
                phone_texts.push((format!("{o} advice"), advice));
            }
            match (question.role, option.meaning) {
                (Role::Key, Some(meaning)) => {
                    check_text(&format!("{o} meaning"), meaning);
                    phone_texts.push((format!("{o} meaning"), meaning));
                }
                (Role::Key, None) => assert_eq!(level, top, "{o}: a key option below the top needs a meaning"),
                (_, Some(_)) => panic!("{o}: only key options carry a meaning"),
                (_, None) => {}
            }
        }
    }
    for (where_, text) in phone_texts {
        for sentence in sentences(text) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 25, "{where_}: a sentence of {words} words (at most 25): {sentence:?}");
        }
    }
}

/// Set 3's shape: every option declares its stance, in order worst to best; the lowest is a no
/// scoring 0 (so "I don't know" is never better); only a yes needs no advice; "not applicable"
/// comes last, never on the key question; every claim is backed by the dimension's questions;
/// every question quotes the essay's own words.
fn check_literal_shape(dimension: &Dimension) {
    let d = dimension.id;
    let Meanings::Claims { yes: claims, .. } = dimension.meanings else {
        panic!("{d}: the literal yes reads meanings as claims");
    };
    assert!(dimension.advice.is_empty(), "{d}: advice belongs to answers, not to rules");
    assert!(dimension.unknown_finding.is_none(), "{d}: \"I don't know\" findings belong to questions");
    let keys: Vec<_> = dimension.questions.iter().filter(|q| q.role == Role::Key).collect();
    assert_eq!(keys.len(), 1, "{d}: exactly one key question (the essay's own test)");
    assert!(
        dimension.questions.iter().all(|q| q.role != Role::Essential),
        "{d}: no essential role under the literal yes"
    );
    let essay = essay_text();
    for question in dimension.questions {
        let q = question.id;
        let quote = question.essay.unwrap_or_else(|| panic!("{q}: quote the essay's own words it asks about"));
        assert!(essay.contains(quote), "{q}: the essay does not say {quote:?}");
        let unknown = question.unknown.as_ref().unwrap_or_else(|| panic!("{q}: needs an \"I don't know\" finding"));
        check_text(&format!("{q} unknown finding"), unknown.finding);
        check_text(&format!("{q} unknown advice"), unknown.advice);
        let stances: Vec<Stance> = question
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| o.stance.unwrap_or_else(|| panic!("{q} option {i}: declare its stance")))
            .collect();
        assert_eq!(stances[0], Stance::No, "{q}: the lowest option is a no");
        assert_eq!(question.options[0].points, 0, "{q}: the lowest option scores 0, as \"I don't know\"");
        let applicable: Vec<Stance> = stances.iter().copied().filter(|s| *s != Stance::NotApplicable).collect();
        assert!(applicable.windows(2).all(|w| w[0] <= w[1]), "{q}: stances must not fall worst→best: {stances:?}");
        assert_eq!(applicable.last(), Some(&Stance::Yes), "{q}: the best option is a yes");
        let not_applicable = stances.len() - applicable.len();
        assert!(not_applicable <= 1, "{q}: at most one \"not applicable\"");
        if not_applicable == 1 {
            assert_eq!(stances.last(), Some(&Stance::NotApplicable), "{q}: \"not applicable\" comes last");
            assert_ne!(question.role, Role::Key, "{q}: the essay's own test question always applies");
            let text = question.options.last().map(|o| o.text).unwrap_or_default();
            assert!(text.starts_with("Not applicable: "), "{q}: says it is not applicable, and why: {text:?}");
        }
        assert_eq!(usize::from(question.best_level()) + 1, applicable.len(), "{q}: best level");
        for (level, option) in question.options.iter().enumerate() {
            let o = format!("{q} option {level}");
            assert!(option.text.chars().count() <= 85, "{o}: {} characters, at most 85", option.text.chars().count());
            match option.stance {
                Some(Stance::Yes | Stance::NotApplicable) => {
                    assert!(option.advice.is_none(), "{o}: a yes or not-applicable option needs no advice")
                }
                _ => check_text(&format!("{o} advice"), option.advice.unwrap_or_else(|| panic!("{o}: needs advice"))),
            }
            match (question.role, option.meaning, option.stance) {
                (Role::Key, Some(meaning), Some(Stance::No | Stance::Partly)) => {
                    check_text(&format!("{o} meaning"), meaning)
                }
                (Role::Key, None, Some(Stance::Yes)) => {}
                (Role::Key, ..) => panic!("{o}: a key option below a yes needs a meaning, a yes none"),
                (_, Some(_), _) => panic!("{o}: only key options carry a meaning"),
                (_, None, _) => {}
            }
        }
    }
    let key = keys[0];
    assert_eq!(
        claims.first().map(|c| c.backed_by),
        Some(&[key.id][..]),
        "{d}: the first claim is the essay's yes, backed by the key"
    );
    for claim in claims {
        assert!(!claim.backed_by.is_empty(), "{d}: a claim backed by nothing: {:?}", claim.text);
        for id in claim.backed_by {
            assert!(dimension.questions.iter().any(|q| q.id == *id), "{d}: a claim cites {id}, not in the dimension");
        }
    }
    // Phone reading: no sentence over 25 words anywhere a reader of set 3 sees it.
    let mut texts: Vec<&str> = vec![dimension.test_question, dimension.explanation, dimension.fix];
    texts.extend(claims.iter().map(|c| c.text));
    for question in dimension.questions {
        texts.push(question.prompt);
        texts.extend(question.unknown.iter().flat_map(|u| [u.finding, u.advice]));
        texts.extend(question.options.iter().flat_map(|o| o.advice.into_iter().chain(o.meaning)));
    }
    for text in texts {
        for sentence in sentences(text) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 25, "{d}: a sentence of {words} words (at most 25): {sentence:?}");
        }
    }
    for question in dimension.questions {
        assert!(
            claims.iter().any(|c| c.backed_by.contains(&question.id)),
            "{}: no claim says what its yes affirms",
            question.id
        );
    }
}

/// The essay the check is built on (a copy of the client's seed text, `tests/golden/essay.txt`).
fn essay_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/essay.txt")).expect("the essay text")
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

/// The scoring data of every set as JSON, for the end-to-end tests' own, independent scorer
/// (tests/e2e/lib.mjs): ids, weights, roles, points and yes rules, nothing it could copy.
fn scoring_data() -> serde_json::Value {
    let sets: Vec<serde_json::Value> = QUESTION_SETS
        .iter()
        .map(|set| {
            let dimensions: Vec<serde_json::Value> = set
                .dimensions
                .iter()
                .map(|d| {
                    let rule = match d.rule {
                        YesRule::Score { pass, partly } => {
                            serde_json::json!({"kind": "score", "pass": pass, "partly": partly})
                        }
                        YesRule::EssayTest { partly } => serde_json::json!({"kind": "essay-test", "partly": partly}),
                        YesRule::Literal => serde_json::json!({"kind": "literal", "ranges": scoring::LITERAL_RANGES}),
                    };
                    let questions: Vec<serde_json::Value> = d
                        .questions
                        .iter()
                        .map(|q| {
                            let role = match q.role {
                                Role::Key => "key",
                                Role::Essential => "essential",
                                Role::Supporting => "supporting",
                            };
                            let points: Vec<u8> = q.options.iter().map(|o| o.points).collect();
                            let stances: Vec<Option<&str>> = q
                                .options
                                .iter()
                                .map(|o| {
                                    o.stance.map(|s| match s {
                                        Stance::No => "no",
                                        Stance::Partly => "partly",
                                        Stance::Yes => "yes",
                                        Stance::NotApplicable => "not-applicable",
                                    })
                                })
                                .collect();
                            let mut question =
                                serde_json::json!({"id": q.id, "weight": q.weight, "role": role, "points": points});
                            // Only sets that declare stances carry them, so sets 1 and 2 read as before.
                            if stances.iter().any(Option::is_some) {
                                question["stances"] = serde_json::json!(stances);
                            }
                            question
                        })
                        .collect();
                    serde_json::json!({"id": d.id, "name": d.name, "rule": rule, "questions": questions})
                })
                .collect();
            serde_json::json!({"id": set.id, "dimensions": dimensions})
        })
        .collect();
    serde_json::json!({"current": CURRENT.id, "sets": sets})
}

/// tests/e2e/scoring-data.json is what the content says; `UPDATE_SCORING_DATA=1 cargo test
/// --test content` rewrites it after a content change.
#[test]
fn the_end_to_end_scoring_data_is_in_step_with_the_content() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/scoring-data.json");
    let expected = serde_json::to_string_pretty(&scoring_data()).expect("JSON") + "\n";
    if std::env::var_os("UPDATE_SCORING_DATA").is_some() {
        std::fs::write(path, &expected).expect("write scoring data");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == expected, "{path} is out of date: run UPDATE_SCORING_DATA=1 cargo test --test content");
}

/// Reading speed the intro's time assumes, in words a minute: the middle of the 200–230 that
/// adults read at.
const WORDS_PER_MINUTE: f64 = 215.0;
/// Seconds per question for choosing and going on (two taps: an option, then Next).
const SECONDS_PER_QUESTION_TAPS: f64 = 4.0;

/// The minutes the current set takes: every word a reader reads on the question screens (the
/// time frame, each prompt, its options and "I don't know") at [`WORDS_PER_MINUTE`], plus the
/// taps, to the nearest minute. The intro must say exactly this (`intro::DURATION`).
#[test]
fn the_intro_says_how_long_the_check_honestly_takes() {
    let words = |text: &str| text.split_whitespace().count();
    let mut total = CURRENT.time_frame.map_or(0, words);
    for question in CURRENT.questions() {
        total += words(question.prompt) + words("I don't know");
        total += question.options.iter().map(|o| words(o.text)).sum::<usize>();
    }
    let questions = CURRENT.question_count();
    let minutes = total as f64 / WORDS_PER_MINUTE + questions as f64 * SECONDS_PER_QUESTION_TAPS / 60.0;
    let said = intro::DURATION.split_whitespace().find_map(|w| w.parse::<u32>().ok()).expect("a number of minutes");
    println!("set {}: {total} words, {questions} questions: {minutes:.1} minutes; the intro says {said}", CURRENT.id);
    assert_eq!(intro::MINUTES, said, "intro::MINUTES and intro::DURATION agree");
    assert_eq!(f64::from(said), minutes.round(), "the intro says {said} minutes; reading and taps take {minutes:.1}");
}
