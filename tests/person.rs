//! Someone else's results speak of "them": every text a result can show, from every question
//! set, reads in the third person, and the reader's own results read as written.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::content::{Meanings, QUESTION_SETS};
use readiness_check::core::person::{Person, mentions_you};
use readiness_check::core::scoring::yes_rule_sentence;

/// Every text of every published set that a results screen can show.
fn result_texts() -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for set in QUESTION_SETS {
        texts.extend(set.ready_moves.iter().chain(set.not_ready_moves).map(|m| m.text.to_owned()));
        texts.push(yes_rule_sentence(set, Person::Own));
        for d in set.dimensions {
            texts.extend([d.test_question, d.explanation, d.fix].map(str::to_owned));
            texts.extend(d.unknown_finding.map(str::to_owned));
            match &d.meanings {
                Meanings::ByBand(all) => texts.extend(all.iter().map(|t| (*t).to_owned())),
                Meanings::ByKeyAnswer { yes, held_back } => texts.extend([yes, held_back].map(|t| (*t).to_owned())),
                Meanings::Claims { yes, not_yes } => {
                    texts.extend(yes.iter().map(|c| c.text.to_owned()));
                    texts.push((*not_yes).to_owned());
                }
            }
            texts.extend(d.advice.iter().map(|a| a.text.to_owned()));
            for q in d.questions {
                texts.extend([q.prompt, q.short].map(str::to_owned));
                texts.extend(q.unknown.as_ref().into_iter().flat_map(|u| [u.finding, u.advice]).map(str::to_owned));
                for o in q.options {
                    texts.extend(o.meaning.into_iter().chain(o.advice).map(str::to_owned));
                }
            }
        }
    }
    texts
}

#[test]
fn every_result_text_reads_in_the_third_person_on_someone_elses_results() {
    let texts = result_texts();
    assert!(texts.iter().filter(|t| mentions_you(t)).count() > 20, "the content speaks to the reader");
    for text in &texts {
        let their = Person::Their.say(text);
        assert!(!mentions_you(&their), "still second person: {their}");
        assert_eq!(Person::Own.say(text), text.as_str(), "the reader's own results read as written");
        if std::env::var_os("PERSON_LIST").is_some() && mentions_you(text) {
            println!("{text}\n  → {their}");
        }
    }
}

#[test]
fn subjects_become_they_objects_them_and_capitals_stay() {
    let cases = [
        (
            "If you don't know whether you'd see workarounds, you wouldn't.",
            "If they don't know whether they'd see workarounds, they wouldn't.",
        ),
        ("Uptime can't tell you it pays off.", "Uptime can't tell them it pays off."),
        ("You could show the CFO a measured gain.", "They could show the CFO a measured gain."),
        ("Compare your results in the team view.", "Compare their results in the team view."),
        ("How do you know how accurate the AI is?", "How do they know how accurate the AI is?"),
        ("Any gain you report can't be checked; it is yours.", "Any gain they report can't be checked; it is theirs."),
        ("Nothing here says you: younger youth.", "Nothing here says they: younger youth."),
        ("You’re on it, and you’ve done it for yourself.", "They're on it, and they've done it for themselves."),
    ];
    for (own, their) in cases {
        assert_eq!(Person::Their.say(own), their, "{own}");
    }
}

#[test]
fn the_yes_rule_is_said_to_whoever_reads_it() {
    for set in QUESTION_SETS {
        assert!(!mentions_you(&yes_rule_sentence(set, Person::Their)), "set {}", set.id);
    }
}
