//! Checks issue 25's ten realistic pilots against question set 3: each, answered as its owner
//! would by the options' own words, gets the essay's verdict (a dimension is a yes only when
//! every answer in it is a yes; "I don't know" is never a yes; "not applicable" neither blocks
//! nor counts), and each card that is not a yes names the answers that keep it from one.
#![cfg(not(target_arch = "wasm32"))]

use readiness_check::core::answers::{Answer, Answers};
use readiness_check::core::content::{CURRENT, Question, QuestionSet, question_set};
use readiness_check::core::scoring::{Band, Report, UNKNOWN_TEXT, Verdict};

/// One answer, as the owner gave it, and whether the essay's test reads it as a yes.
#[derive(Clone, Copy, Debug)]
enum Pick {
    /// The option whose text contains this phrase; by its wording, a yes to the essay's test.
    Yes(&'static str),
    /// The option whose text contains this phrase; by its wording, short of a yes (a no, or
    /// only part of the way): it keeps its dimension from a yes.
    Short(&'static str),
    /// The option whose text contains this phrase, a "Not applicable" one: it neither blocks
    /// nor counts.
    NotApplicable(&'static str),
    /// "I don't know": never a yes, so it keeps its dimension from a yes.
    DontKnow,
}

use Pick::{DontKnow, NotApplicable, Short, Yes};

/// The essay's verdict for a pilot.
#[derive(Clone, Copy, Debug)]
enum Expected {
    /// All four tests a yes.
    Ready,
    /// Not ready; exactly these dimensions (by id) are not a yes.
    NotReady(&'static [&'static str]),
}

/// A realistic pilot: who it is, the answers its owner gives where they differ from
/// [`EVERY_YES`], and the essay's verdict.
struct Pilot {
    name: &'static str,
    story: &'static str,
    differs: &'static [(&'static str, Pick)],
    expected: Expected,
}

/// A pilot with every test a yes, answered by the words of each question's yes option: each
/// pilot below answers as this one does except where it says otherwise.
const EVERY_YES: &[(&str, Pick)] = &[
    ("ownership.named_owner", Yes("with a measurable target such as cost per case")),
    ("ownership.in_goals", Yes("in the owner's goals and counts in their review")),
    ("ownership.decision_rights", Yes("may pause or override it, with written triggers")),
    ("ownership.model_upkeep", Yes("has written duties")),
    ("data.sources_mapped", Yes("run through the AI with real data")),
    ("data.manual_steps", Yes("held full volume in a test")),
    ("data.quality_monitoring", Yes("odd cases are logged and reviewed")),
    ("data.pipeline_owner", Yes("as a product, with its own plan")),
    ("buy_in.co_design", Yes("it changed because of them")),
    ("buy_in.impact_explained", Yes("Every affected manager has it in writing")),
    ("buy_in.workarounds", Yes("managers raise workarounds openly")),
    ("buy_in.stake", Yes("agreed in writing")),
    ("metrics.production_accuracy", Yes("regularly on real cases")),
    ("metrics.exception_rate", Yes("compare it with an agreed limit")),
    ("metrics.service_level", Yes("Both are tracked against agreed limits")),
    ("metrics.business_number", Yes("A measured gain")),
    ("metrics.baseline", Yes("Measured for the whole workflow")),
];

/// Every answer a pilot gives, in asking order: [`EVERY_YES`] with the pilot's own answers.
fn picks(pilot: &Pilot) -> Vec<(&'static str, Pick)> {
    for (i, &(id, _)) in pilot.differs.iter().enumerate() {
        assert!(EVERY_YES.iter().any(|&(yes, _)| yes == id), "{}: no question {id}", pilot.name);
        assert!(pilot.differs[..i].iter().all(|&(other, _)| other != id), "{}: {id} answered twice", pilot.name);
    }
    EVERY_YES
        .iter()
        .map(|&(id, yes)| (id, pilot.differs.iter().find(|&&(other, _)| other == id).map_or(yes, |&(_, pick)| pick)))
        .collect()
}

/// The ten pilots. The first three are the ones issue 25 names; every pilot answers all
/// seventeen questions ([`picks`]), each picked by a phrase of the option's own text.
const PILOTS: &[Pilot] = &[
    Pilot {
        name: "route optimiser",
        story: "A parcel carrier's route optimiser: the operations director answers for cost per route and the dispatch managers co-designed it, but dispatchers fix bad addresses and GPS gaps by eye each morning, and the pre-AI fuel cost is an estimate.",
        differs: &[
            ("data.quality_monitoring", Short("People spot bad data by eye")),
            ("metrics.baseline", Short("Only estimates or recollections")),
        ],
        expected: Expected::NotReady(&["data", "metrics"]),
    },
    Pilot {
        name: "marketing AI",
        story: "A retailer's campaign-copy generator: the marketing director is named with a conversion target, but her goals only say to launch the tool; she doesn't know who may pull a bad campaign, what happens to a broken product feed, whether teams bypass the tool, or how campaigns did before it.",
        differs: &[
            ("ownership.in_goals", Short("mention delivering the project, not its results")),
            ("ownership.decision_rights", DontKnow),
            ("data.quality_monitoring", DontKnow),
            ("buy_in.workarounds", DontKnow),
            ("metrics.production_accuracy", Short("accuracy isn't measured")),
            // A copywriter reads every draft before it goes out.
            ("metrics.exception_rate", NotApplicable("a person checks every output anyway")),
            ("metrics.business_number", Short("Activity figures")),
            ("metrics.baseline", DontKnow),
        ],
        expected: Expected::NotReady(&["ownership", "data", "buy_in", "metrics"]),
    },
    Pilot {
        name: "insurer whose sponsor moved on",
        story: "A motor insurer's claims-triage model with all four of the essay's tests a yes; the executive sponsor who championed the pilot has since moved to another division, which the essay's test does not ask about.",
        differs: &[],
        expected: Expected::Ready,
    },
    Pilot {
        name: "support-ticket triage",
        story: "A software firm's support-ticket router: an agent reads every routed ticket before working it, so no case is singled out for review and the exception-queue question cannot apply; everything else is a yes.",
        differs: &[("metrics.exception_rate", NotApplicable("a person checks every output anyway"))],
        expected: Expected::Ready,
    },
    Pilot {
        name: "batch demand forecast",
        story: "A grocer's overnight demand forecast for store orders: a nightly batch nobody waits on, so response time cannot apply; the regional managers commented on the ordering workflow but head office decided it, and their stake is an informal promise of freed-up time.",
        differs: &[
            ("buy_in.co_design", Short("gave comments on the workflow, but others made the decisions")),
            ("buy_in.stake", Short("promised informally")),
            ("metrics.service_level", NotApplicable("runs in batches that nobody waits on")),
        ],
        expected: Expected::NotReady(&["buy_in"]),
    },
    Pilot {
        name: "document extraction",
        story: "An invoice-extraction pilot in accounts payable: one data team owns the feed from the mail-room scanners to the AI end to end, as a product, but nobody measures how accurate the extracted fields are in production; clerks mention errors when they meet them.",
        differs: &[
            ("data.pipeline_owner", Yes("One team owns it end to end as a product")),
            ("metrics.production_accuracy", Short("From user feedback and anecdotes; accuracy isn't measured")),
        ],
        expected: Expected::NotReady(&["metrics"]),
    },
    Pilot {
        name: "nobody may stop it",
        story: "A wholesaler's credit-limit recommender with everything a yes except that nobody is named who may pause or override it: everyone assumes the finance director would.",
        differs: &[(
            "ownership.decision_rights",
            Short("assumed someone in the business would decide, but nobody is named"),
        )],
        expected: Expected::NotReady(&["ownership"]),
    },
    Pilot {
        name: "one I don't know",
        story: "A hospital's theatre-scheduling assistant at its best everywhere, except that its owner doesn't know whether every source system it will use at full scale has been mapped: IT handled that.",
        differs: &[("data.sources_mapped", DontKnow)],
        expected: Expected::NotReady(&["data"]),
    },
    Pilot {
        name: "nearly there everywhere",
        story: "A bank's identity-document checker, part of the way in every dimension: a business owner named but with no target yet, a data feed that runs on its own but was never run at full volume, team-specific talks with only some managers, and savings that are still an estimate.",
        differs: &[
            ("ownership.named_owner", Short("A business leader is named, but without a measurable target")),
            ("ownership.in_goals", Short("not in anyone's performance goals")),
            ("data.manual_steps", Short("hasn't been tested at full volume")),
            ("buy_in.impact_explained", Short("Some managers had a specific talk about their team")),
            ("metrics.business_number", Short("An estimate of savings or revenue, not yet measured")),
        ],
        expected: Expected::NotReady(&["ownership", "data", "buy_in", "metrics"]),
    },
    Pilot {
        name: "overnight payroll checker",
        story: "A payroll anomaly checker that runs overnight, each flag read by a payroll clerk every morning, so neither the exception-queue nor the response-time question can apply; everything else is a yes.",
        differs: &[
            ("metrics.exception_rate", NotApplicable("a person checks every output anyway")),
            ("metrics.service_level", NotApplicable("runs in batches that nobody waits on")),
        ],
        expected: Expected::Ready,
    },
];

fn set3() -> &'static QuestionSet {
    let set = question_set(3).expect("set 3 is published");
    assert!(std::ptr::eq(set, CURRENT), "set 3 is the set new readers answer");
    set
}

/// A question of set 3 by id: its dimension's id, its position in asking order, and itself.
fn question(id: &str) -> (&'static str, usize, &'static Question) {
    let set = set3();
    let mut position = 0;
    for dimension in set.dimensions {
        for question in dimension.questions {
            if question.id == id {
                return (dimension.id, position, question);
            }
            position += 1;
        }
    }
    panic!("set 3 has no question {id:?}")
}

/// The option of a question whose text contains `phrase`: exactly one must.
fn option_with(question: &Question, phrase: &str) -> u8 {
    let matching: Vec<usize> =
        question.options.iter().enumerate().filter(|(_, o)| o.text.contains(phrase)).map(|(i, _)| i).collect();
    match matching[..] {
        [level] => level as u8,
        [] => panic!(
            "{}: no option contains {phrase:?}; its options are {:#?}",
            question.id,
            question.options.iter().map(|o| o.text).collect::<Vec<_>>()
        ),
        _ => panic!(
            "{}: {phrase:?} matches more than one option: {:#?}",
            question.id,
            matching.iter().map(|&i| question.options[i].text).collect::<Vec<_>>()
        ),
    }
}

/// The answer a pick stands for (a "not applicable" pick must name a "Not applicable" option).
fn answer_of(question: &Question, pick: Pick) -> Answer {
    match pick {
        Yes(phrase) | Short(phrase) => Answer::Level(option_with(question, phrase)),
        NotApplicable(phrase) => {
            let level = option_with(question, phrase);
            let text = question.options[usize::from(level)].text;
            assert!(text.starts_with("Not applicable"), "{}: {text:?} is not a \"not applicable\" option", question.id);
            Answer::Level(level)
        }
        DontKnow => Answer::DontKnow,
    }
}

/// The pilot's answers, every question of set 3 answered exactly once.
fn answers_of(pilot: &Pilot) -> Answers {
    let set = set3();
    let mut slots: Vec<Option<Answer>> = vec![None; set.question_count()];
    for (id, pick) in picks(pilot) {
        let (_, position, question) = question(id);
        assert!(slots[position].is_none(), "{}: {id} is answered twice", pilot.name);
        slots[position] = Some(answer_of(question, pick));
    }
    if let Some(open) = slots.iter().position(Option::is_none) {
        let (_, q) = set.locate(open).expect("a position of the set");
        panic!("{}: {} is not answered; every pilot answers every question", pilot.name, q.id);
    }
    Answers::from_slots(set, slots).expect("every level exists")
}

/// The answer in the words the owner saw.
fn words(question: &Question, answer: Answer) -> &'static str {
    match answer {
        Answer::DontKnow => UNKNOWN_TEXT,
        Answer::Level(level) => question.options[usize::from(level)].text,
    }
}

/// The answers that, by the essay's wording, keep a dimension from a yes: in asking order.
fn short_of_yes(pilot: &Pilot, dimension: &str) -> Vec<&'static str> {
    let mut ids: Vec<(usize, &'static str)> = picks(pilot)
        .into_iter()
        .filter(|(id, pick)| question(id).0 == dimension && matches!(pick, Short(_) | DontKnow))
        .map(|(id, _)| (question(id).1, id))
        .collect();
    ids.sort_unstable();
    ids.into_iter().map(|(_, id)| id).collect()
}

/// The card names the answer in the reader's words, with its fix (as `tests/literal_yes.rs`).
fn card_names(report: &Report, dimension: usize, question: &str) -> bool {
    report.dimensions[dimension].holding_back.iter().any(|b| {
        let own = words(b.question, b.answer);
        b.question.id == question && b.answer_text() == own && b.advice().is_some()
    })
}

/// Everything in which the core's report of a pilot disagrees with the essay's reading of it.
fn disagreements(pilot: &Pilot, report: &Report) -> Vec<String> {
    let set = set3();
    let answers = answers_of(pilot);
    let mut out = Vec::new();
    let at = |text: String| format!("{}: {text}", pilot.name);
    let expected: Vec<&str> = match pilot.expected {
        Expected::Ready => Vec::new(),
        Expected::NotReady(ids) => ids.to_vec(),
    };
    match (&report.verdict, pilot.expected) {
        (Verdict::Ready, Expected::Ready) => {}
        (Verdict::NotReady { blocking }, Expected::NotReady(_)) => {
            let mut got: Vec<&str> = blocking.iter().map(|&i| set.dimensions[i].id).collect();
            let mut want = expected.clone();
            got.sort_unstable();
            want.sort_unstable();
            if got != want {
                out.push(at(format!("expected Not ready, blocked by {want:?}; the code says blocked by {got:?}")));
            }
        }
        (verdict, want) => out.push(at(format!("expected {want:?}; the code says {verdict:?}"))),
    }
    for (index, dimension) in set.dimensions.iter().enumerate() {
        let result = &report.dimensions[index];
        let want = short_of_yes(pilot, dimension.id);
        // Each answer the essay's wording keeps from a yes is on the card, in the owner's words.
        for &id in &want {
            let (_, position, q) = question(id);
            let answer = answers.get(position).expect("answered");
            if !card_names(report, index, id) {
                out.push(at(format!(
                    "{id} {:?}: expected it to keep {} from a yes, named on its card with its fix; the code does not name it (band {:?})",
                    words(q, answer),
                    dimension.id,
                    result.band
                )));
            }
        }
        // And nothing the wording says yes to (or that does not apply) is held against it.
        for blocker in &result.holding_back {
            if !want.contains(&blocker.question.id) {
                out.push(at(format!(
                    "{} {:?}: expected a yes (or not applicable) by its wording; the code holds it against {} ({:?})",
                    blocker.question.id,
                    blocker.answer_text(),
                    dimension.id,
                    blocker.why
                )));
            }
        }
        let band_is_yes = result.band == Some(Band::Yes);
        if band_is_yes != want.is_empty() {
            out.push(at(format!(
                "{}: expected {}; the code's band is {:?}",
                dimension.id,
                if want.is_empty() { "a yes" } else { "not a yes" },
                result.band
            )));
        }
    }
    // A "not applicable" answer is shown as such on its card.
    for (id, pick) in picks(pilot) {
        if let NotApplicable(_) = pick {
            let (dimension, _, _) = question(id);
            let index = set.dimensions.iter().position(|d| d.id == dimension).expect("a dimension");
            if !report.dimensions[index].not_applicable.iter().any(|q| q.id == id) {
                out.push(at(format!("{id}: expected \"not applicable\" on the {dimension} card; it is not there")));
            }
        }
    }
    out
}

/// The table says what it means: ten pilots with distinct names, each answering every question
/// once by a phrase of exactly one option, and each verdict the essay's literal rule applied to
/// the answers as marked (a dimension is blocked exactly when one of its answers is short of a
/// yes or "I don't know").
#[test]
fn the_table_applies_the_essays_rule_to_its_own_answers() {
    assert_eq!(PILOTS.len(), 10);
    let mut names: Vec<&str> = PILOTS.iter().map(|p| p.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), PILOTS.len(), "pilot names are distinct");
    for pilot in PILOTS {
        assert!(!pilot.story.is_empty(), "{}: a story", pilot.name);
        answers_of(pilot);
        let mut blocked: Vec<&str> =
            set3().dimensions.iter().map(|d| d.id).filter(|&d| !short_of_yes(pilot, d).is_empty()).collect();
        let mut expected: Vec<&str> = match pilot.expected {
            Expected::Ready => Vec::new(),
            Expected::NotReady(ids) => ids.to_vec(),
        };
        blocked.sort_unstable();
        expected.sort_unstable();
        assert_eq!(blocked, expected, "{}: the expected verdict follows from the answers as marked", pilot.name);
    }
}

#[test]
fn ten_realistic_pilots_get_the_essays_verdict() {
    let mut all = Vec::new();
    for pilot in PILOTS {
        let report = Report::new(&answers_of(pilot));
        let found = disagreements(pilot, &report);
        println!(
            "{}: {} ({})",
            pilot.name,
            report.headline(),
            if found.is_empty() { "as the essay says" } else { "DISAGREES" }
        );
        all.extend(found);
    }
    assert!(all.is_empty(), "the code disagrees with the essay's reading:\n{}", all.join("\n"));
}
