//! Question set 3: a yes the reader could say out loud.
//!
//! Every option declares where it stands on the essay's test: yes, partly, no, or (on two
//! questions) not applicable. A dimension is a yes only when every answer in it is a yes
//! option; the rule is `YesRule::Literal`, decided in `scoring.rs`. An option that states a
//! failure mode the essay names (data handled by hand or by eye, nobody accountable or allowed
//! to stop the AI, a result not measured, an estimated baseline) is a no, never a yes; the
//! reason is in a comment where it is not obvious. Every question asks a point the essay makes,
//! and `essay` quotes the essay's own words for it (`tests/content.rs` finds each quote in the
//! essay). `docs/question-set-3.md` says why the set is as it is.
//!
//! Published sets are frozen (see `mod.rs`): change questions, options, points, stances or
//! thresholds only in a new set file with the next id. Wording fixes that keep the meaning may
//! go here.

use super::{Choice, Claim, Dimension, GeneralMove, Meanings, Question, QuestionSet, Role, Stance, Unknown, YesRule};

pub(super) static SET: QuestionSet = QuestionSet {
    id: 3,
    essay_url: "https://open.substack.com/pub/cupofwit/p/from-pilot-to-production-why-most",
    time_frame: Some(
        "Answer with what is true today. Where a question says “at full scale”, count only what is already agreed or tested.",
    ),
    dimensions: &[OWNERSHIP, DATA, BUY_IN, METRICS],
    ready_moves: &[
        // First for every Ready pilot: the essay's advice is to scale as a discipline, step by
        // step, not in one jump.
        GeneralMove {
            topic: "ready.stages",
            text: "Scale in stages, one team or region at a time, with a go or no-go review of the business number at each step.",
        },
        // The check asks the essay's four tests only; a Ready result says so, and this move
        // turns that line into an action.
        GeneralMove {
            topic: "ready.sign_off",
            text: "Ask legal, compliance and security to sign off on full scale. This check does not ask about them.",
        },
        GeneralMove {
            topic: "ready.runbook",
            text: "Write the runbook for full scale: who checks the AI's accuracy, who may pause it, who fixes the data feed, and how problems escalate.",
        },
        GeneralMove {
            topic: "ready.next_use_case",
            text: "Pick the next use case and plan it to reuse what this one built: the owner, the data feed and the managers' design work.",
        },
    ],
    not_ready_moves: &[
        GeneralMove {
            topic: "not_ready.gate",
            text: "Agree with whoever decides on scaling that each dimension must be a yes before the AI reaches more teams. Set a date to review them.",
        },
        GeneralMove {
            topic: "not_ready.team_check",
            text: "Ask the data lead, two affected managers and whoever decides on scaling to take this check too. Compare your results in the team view.",
        },
    ],
    not_covered: Some("This check does not cover legal, regulatory or security sign-off."),
};

/// An option that says no to the essay's test, with its advice.
const fn no(text: &'static str, points: u8, advice: &'static str) -> Choice {
    Choice { text, points, meaning: None, advice: Some(advice), stance: Some(Stance::No) }
}

/// An option on the way to a yes, with its advice.
const fn partly(text: &'static str, points: u8, advice: &'static str) -> Choice {
    Choice { text, points, meaning: None, advice: Some(advice), stance: Some(Stance::Partly) }
}

/// A key question's option below the top: its stance, what it means for the dimension, and its
/// advice.
const fn key(stance: Stance, text: &'static str, points: u8, meaning: &'static str, advice: &'static str) -> Choice {
    Choice { text, points, meaning: Some(meaning), advice: Some(advice), stance: Some(stance) }
}

/// The top option, a yes: no advice, and the dimension's claims say what it means.
const fn yes(text: &'static str) -> Choice {
    Choice { text, points: 3, meaning: None, advice: None, stance: Some(Stance::Yes) }
}

/// The question cannot apply, and the essay's test holds without it: offered last.
const fn not_applicable(text: &'static str) -> Choice {
    Choice { text, points: 0, meaning: None, advice: None, stance: Some(Stance::NotApplicable) }
}

const NO: Stance = Stance::No;
const PARTLY: Stance = Stance::Partly;

// ---------------------------------------------------------------------------------------------
// Ownership
// ---------------------------------------------------------------------------------------------

const OWNERSHIP: Dimension = Dimension {
    id: "ownership",
    name: "Ownership",
    test_question: "Is one business leader, not IT, accountable for the AI's results at full scale, with a measurable target?",
    explanation: "A pilot has a champion who fought for it. At full scale, ownership often blurs: who keeps the AI working, who may stop it, who answers for its results?",
    rule: YesRule::Literal,
    meanings: Meanings::Claims {
        yes: &[
            Claim {
                text: "A business leader, not IT, answers for the AI's results against a measurable target: the essay's yes for ownership.",
                backed_by: &["ownership.named_owner"],
            },
            Claim { text: "That target counts in their own performance review.", backed_by: &["ownership.in_goals"] },
            Claim {
                text: "A named business person may pause or override the AI, with written triggers.",
                backed_by: &["ownership.decision_rights"],
            },
            Claim {
                text: "A named team or vendor has written duties for keeping the model working.",
                backed_by: &["ownership.model_upkeep"],
            },
        ],
        not_yes: "Ownership is not a yes yet. These answers say why:",
    },
    fix: "An AI Product Owner in the business, not in IT. They answer for business results rather than uptime, against a measurable target that counts in their own review.",
    unknown_finding: None,
    questions: &[
        Question {
            id: "ownership.named_owner",
            short: "Accountable owner",
            prompt: "Who is accountable for the AI's business results at full scale?",
            group: None,
            weight: 2,
            role: Role::Key,
            essay: Some("Who is accountable for business outcomes post-launch"),
            topic: "ownership.named_owner",
            options: &[
                key(
                    NO,
                    "Nobody is named to answer for its results",
                    0,
                    "Nobody answers for the AI's business results. At full scale it would keep running with nobody steering it.",
                    "This week, ask whoever decides on scaling to name the business leader who will answer for the AI's results.",
                ),
                // No: the essay's test says "not the IT team, but a business leader".
                key(
                    NO,
                    "IT or the vendor, judged on uptime rather than business results",
                    1,
                    "The AI has a technical owner, but nobody in the business answers for its results. Uptime can't tell you it pays off.",
                    "Leave uptime with IT or the vendor, and make a business leader accountable for the AI's results, with a measurable target.",
                ),
                key(
                    PARTLY,
                    "A business leader is named, but without a measurable target",
                    2,
                    "A business leader owns the AI, but without a target nobody can tell whether they are succeeding.",
                    "Agree one measurable target with the named leader this month, such as cost per case or hours saved a week.",
                ),
                yes("A named business leader, with a measurable target such as cost per case"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing who answers for the AI's results means nobody has clearly been asked to. At full scale, nobody would steer it.",
                advice: "Ask whoever decides on scaling this week who will answer for the AI's business results, and get the name in writing.",
            }),
        },
        Question {
            id: "ownership.in_goals",
            short: "Target in goals",
            prompt: "Does the AI's target count in its owner's own performance review?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("a measurable objective tied to their performance"),
            topic: "ownership.in_goals",
            options: &[
                no(
                    "No; the AI's target is not in anyone's performance goals",
                    0,
                    "Put the AI's business result into its owner's performance goals at the next goal-setting round, as a measurable target.",
                ),
                // No: an owner judged on delivering the project is accountable for delivery, and
                // the essay asks for accountability for business outcomes.
                no(
                    "The owner's goals mention delivering the project, not its results",
                    1,
                    "Swap the delivery goal for the result the AI should bring, stated as a measurable target in the owner's goals.",
                ),
                partly(
                    "The target is in the owner's goals, but doesn't count in their review",
                    2,
                    "Ask whoever sets the owner's goals to give the AI's target real weight in their next review.",
                ),
                yes("The target is in the owner's goals and counts in their review"),
            ],
            unknown: Some(Unknown {
                finding: "You don't know whether anyone is judged on the AI's results. If nobody is, the AI will lose out to goals that do count.",
                advice: "Ask whoever decides on scaling this week whether the AI's target is in anyone's performance goals, and how much it counts.",
            }),
        },
        Question {
            id: "ownership.decision_rights",
            short: "Authority to pause",
            prompt: "Who may pause or override the AI when it gets things wrong?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Who decides when the AI is wrong?"),
            topic: "ownership.decision_rights",
            options: &[
                no(
                    "Nobody; the question has never come up",
                    0,
                    "Decide this week who may pause or override the AI, and write it down.",
                ),
                // No: "assumed, nobody named" is the essay's "nobody knows".
                no(
                    "It's assumed someone in the business would decide, but nobody is named",
                    1,
                    "Name the business person who may pause or override the AI, and tell the teams that use it.",
                ),
                partly(
                    "A named business person may pause or override it, but nothing says when",
                    2,
                    "Write down the triggers for a pause with that person, such as an error level or a number of complaints.",
                ),
                yes("A named business person may pause or override it, with written triggers"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing who may stop the AI is the essay's warning: when it goes wrong, nobody will decide.",
                advice: "Ask IT and whoever decides on scaling this week who may pause or override the AI. Settle any difference between their answers.",
            }),
        },
        Question {
            id: "ownership.model_upkeep",
            short: "Keeping the model working",
            prompt: "Who is assigned to keep the AI model working at full scale, such as retraining and fixes?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Who maintains the model?"),
            topic: "ownership.model_upkeep",
            options: &[
                no(
                    "Nobody is assigned; it would fall to whoever built the pilot",
                    0,
                    "List everything the pilot team does to keep the model working, and get a team assigned to that list.",
                ),
                // No: nobody is given the job, so the model is the essay's "orphan".
                no(
                    "The pilot team would keep it going on the side, with no time set aside",
                    1,
                    "Get time for keeping the model working into the pilot team's plan, or hand the work to a team that has the time.",
                ),
                partly(
                    "A team or vendor is assigned, but its duties aren't written down",
                    2,
                    "Write down that team's duties with them: retraining, fixes, vendor updates and how fast they respond.",
                ),
                yes("A named team or vendor has written duties, such as retraining and fixes"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing who keeps the model working means nobody has been given the job. The model would drift as the data changes.",
                advice: "Ask IT and the pilot team this week who will retrain and fix the model at full scale, and write down what they say.",
            }),
        },
    ],
    advice: &[],
};

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

const DATA: Dimension = Dimension {
    id: "data",
    name: "Data",
    test_question: "Can the data feed (how data gets from your systems to the AI) keep up at full volume, with nobody stepping in by hand?",
    explanation: "Pilots run on data someone cleaned and shaped by hand, once. At full scale the AI needs messy data from many systems, all the time.",
    rule: YesRule::Literal,
    meanings: Meanings::Claims {
        yes: &[
            Claim {
                text: "Data can reach the AI at full volume with nobody stepping in by hand: the essay's yes for data.",
                backed_by: &["data.manual_steps"],
            },
            Claim {
                text: "Every source it will use is mapped and has been tried with real data.",
                backed_by: &["data.sources_mapped"],
            },
            Claim {
                text: "Automated checks catch bad records, and odd cases are reviewed.",
                backed_by: &["data.quality_monitoring"],
            },
            Claim {
                text: "One team owns the data feed end to end, as a product.",
                backed_by: &["data.pipeline_owner"],
            },
        ],
        not_yes: "Data is not a yes yet. These answers say why:",
    },
    fix: "A data feed run as a product, not a project. Every source the AI will touch at full scale is mapped. Gaps, inconsistencies and manual steps that break under volume are fixed first.",
    unknown_finding: None,
    questions: &[
        Question {
            id: "data.sources_mapped",
            short: "Sources mapped",
            prompt: "Have the data sources the AI will use at full scale been mapped?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("map every data source the AI will touch in production"),
            topic: "data.sources_mapped",
            options: &[
                no(
                    "Not at all; we only know the pilot's prepared dataset",
                    0,
                    "This week, list every system the AI would read from at full scale next to the pilot's dataset.",
                ),
                partly(
                    "The source systems are listed, but not mapped in detail",
                    1,
                    "Map each listed source with the people who run that system: format, refresh rate and known problems. Start with the busiest.",
                ),
                partly(
                    "Every source is mapped, but not all have been run through the AI",
                    2,
                    "Run a week of real data from each untried source through the AI, and log every record it trips on.",
                ),
                yes("Every source is mapped and has been run through the AI with real data"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing which sources are mapped means part of what the AI will get at full scale is unknown. That is where data debt hides.",
                advice: "Ask IT this week which sources the AI will use at full scale, and which of them are mapped.",
            }),
        },
        Question {
            id: "data.manual_steps",
            short: "Hands-free at volume",
            prompt: "At full volume, could data reach the AI with nobody stepping in by hand?",
            group: None,
            weight: 2,
            role: Role::Key,
            essay: Some("without manual intervention"),
            topic: "data.manual_steps",
            options: &[
                key(
                    NO,
                    "No; people prepare the data by hand, as they did for the pilot",
                    0,
                    "The AI still depends on data prepared by hand. At full volume it would starve or run on bad inputs.",
                    "Add up the hours spent preparing the pilot's data and scale them to full volume. Use the figure to fund automation.",
                ),
                // No: one step that needs a person is manual intervention, which the essay's
                // test rules out.
                key(
                    NO,
                    "Some steps run on their own, but at least one still needs a person",
                    1,
                    "Each step that needs a person caps the volume. At full scale, that person's desk becomes the bottleneck.",
                    "List each manual step between the source systems and the AI. Give each an owner and a date to automate it.",
                ),
                key(
                    PARTLY,
                    "Every step runs on its own, but it hasn't been tested at full volume",
                    2,
                    "No step needs a person, but nobody knows yet whether the data feed holds at full volume.",
                    "Test the data feed at full volume on real data for a week, and fix whatever makes someone step in.",
                ),
                yes("Every step runs on its own, and it has held full volume in a test"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing whether the data feed needs hands means nobody has checked. Manual steps tend to surface when the volume rises.",
                advice: "This week, walk the path from each source system to the AI with whoever runs it, and mark every step a person does.",
            }),
        },
        Question {
            id: "data.quality_monitoring",
            short: "Bad data caught",
            prompt: "What happens when data arrives late, incomplete or wrong?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Real-time feeds with gaps and errors"),
            topic: "data.quality_monitoring",
            options: &[
                no(
                    "Nothing catches it; we'd notice when the AI's output goes wrong",
                    0,
                    "Run one day of raw data from the real systems through the AI this week, and note every gap and error.",
                ),
                // No: checking data by eye is manual intervention, which the essay's test
                // rules out.
                no(
                    "People spot bad data by eye; nothing checks it automatically",
                    1,
                    "Automate the checks people now do by eye, for missing, late and malformed records, with alerts to a named person.",
                ),
                partly(
                    "Automated checks catch bad records, but odd cases go unrecorded",
                    2,
                    "Log every case the checks can't place, and go through the log each month with whoever runs the data feed.",
                ),
                yes("Automated checks catch bad records, and odd cases are logged and reviewed"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing what happens to bad data means nobody has looked. The AI may already be acting on it.",
                advice: "Ask whoever runs the data feed this week what happens to a late or broken record, and test it with one.",
            }),
        },
        Question {
            id: "data.pipeline_owner",
            short: "Data feed owner",
            prompt: "Who owns the data feed, from your systems to the AI?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Treat your data pipeline as a product, not a project."),
            topic: "data.pipeline_owner",
            options: &[
                no(
                    "Nobody; it's scripts and exports from the pilot team",
                    0,
                    "Get one team named to own the data feed end to end, and have it replace the pilot's scripts.",
                ),
                // No: pieces without an end-to-end owner means nobody is accountable for it.
                no(
                    "IT runs pieces of it, system by system; nobody owns it end to end",
                    1,
                    "Ask IT to name one team that owns the data feed end to end, from each source system to the AI.",
                ),
                partly(
                    "One team owns it end to end, but only fixes it when it breaks",
                    2,
                    "Give the owning team a plan for the data feed, with improvements as well as fixes.",
                ),
                yes("One team owns it end to end as a product, with its own plan"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing who owns the data feed means that when it breaks at full volume, nobody is obviously there to fix it.",
                advice: "Ask IT this week which team answers for the data feed, from the source systems to the AI.",
            }),
        },
    ],
    advice: &[],
};

// ---------------------------------------------------------------------------------------------
// Buy-in
// ---------------------------------------------------------------------------------------------

const BUY_IN: Dimension = Dimension {
    id: "buy_in",
    name: "Buy-in",
    test_question: "Did the middle managers whose teams' work changes help design that change, rather than just receive it?",
    explanation: "Executives approve the pilot and the tech team builds it. The managers whose teams must change are rarely asked, so they quietly route around the AI.",
    rule: YesRule::Literal,
    meanings: Meanings::Claims {
        yes: &[
            Claim {
                text: "The managers whose teams' work changes helped design that change: the essay's yes for buy-in.",
                backed_by: &["buy_in.co_design"],
            },
            Claim {
                text: "Each of them has in writing what changes for their team.",
                backed_by: &["buy_in.impact_explained"],
            },
            Claim {
                text: "You measure use per team, and managers raise workarounds openly.",
                backed_by: &["buy_in.workarounds"],
            },
            Claim { text: "Their stake in the result is agreed in writing.", backed_by: &["buy_in.stake"] },
        ],
        not_yes: "Buy-in is not a yes yet. These answers say why:",
    },
    fix: "A stakeholder track next to the technical work. The five to ten most affected middle managers join early, co-design the workflow change and get a stake in the result.",
    unknown_finding: None,
    questions: &[
        Question {
            id: "buy_in.co_design",
            short: "Managers co-designed",
            prompt: "How have the middle managers whose teams' work changes been involved so far?",
            group: None,
            weight: 2,
            role: Role::Key,
            essay: Some("co-designers, not just recipients"),
            topic: "buy_in.co_design",
            options: &[
                key(
                    NO,
                    "Not at all; they haven't been told or asked",
                    0,
                    "The managers who must change how their teams work have had no say. Expect workarounds, not adoption.",
                    "List the five to ten managers whose teams' work changes most, and meet each this month.",
                ),
                // No: told or shown is the essay's "just recipients".
                key(
                    NO,
                    "They were told about it or shown a demo",
                    1,
                    "The managers received the AI rather than shaped it. Any support they give rests on goodwill, which rarely survives a bad week.",
                    "Invite the most affected managers to a workflow design session, and let them change the process, not just see it.",
                ),
                key(
                    PARTLY,
                    "They gave comments on the workflow, but others made the decisions",
                    2,
                    "The managers were heard, but the design isn't theirs. They have little reason to defend it when it gets in the way.",
                    "Hand the open workflow decisions to the most affected managers, and change the design where they push back.",
                ),
                yes("The most affected managers co-designed the workflow, and it changed because of them"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing how the affected managers were involved suggests they weren't. Their resistance would then show at full scale.",
                advice: "Ask three of the most affected managers this week what part they had in designing the new workflow.",
            }),
        },
        Question {
            id: "buy_in.impact_explained",
            short: "Impact explained",
            prompt: "Has each affected manager been told what the AI changes for their own team?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("how this AI affects their team's targets, their headcount, or their own relevance"),
            topic: "buy_in.impact_explained",
            options: &[
                no(
                    "Nothing has been said; rumors fill the gap",
                    0,
                    "Meet each affected manager this month and say what the AI changes for their team, including what isn't decided yet.",
                ),
                // No: the essay asks what it means for *their* team; a general message leaves
                // that unsaid.
                no(
                    "Only a general message about efficiency, nothing specific to a team",
                    1,
                    "Follow the general message with one talk per team: what changes in its targets, headcount and roles.",
                ),
                partly(
                    "Some managers had a specific talk about their team; others haven't",
                    2,
                    "Have the same team-specific talk with the other managers, and send each a short written summary.",
                ),
                yes("Every affected manager has it in writing: targets, headcount and roles"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know what the managers were told, they may not know either. Guessing about targets and headcount breeds quiet resistance.",
                advice: "Ask two affected managers this week what they understand the AI will change for their team.",
            }),
        },
        Question {
            id: "buy_in.workarounds",
            short: "Workarounds visible",
            prompt: "If teams quietly worked around the AI, how would you see it?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("They create workarounds."),
            topic: "buy_in.workarounds",
            options: &[
                no(
                    "We couldn't; we go by how positive the meetings sound",
                    0,
                    "This week, ask three frontline team leads how they really handle the work the AI touches. Look for spreadsheets nobody mentions.",
                ),
                // No: anecdotes are not a measure; the essay's managers smile in meetings while
                // they route around the AI.
                no(
                    "Only through anecdotes about side spreadsheets or rework",
                    1,
                    "Start counting the share of cases that go through the AI, team by team, and look at it each month.",
                ),
                partly(
                    "We measure use per team, but don't ask why people bypass it",
                    2,
                    "Where a team's use drops, ask its manager why, to find the cause rather than to blame.",
                ),
                yes("We measure use per team, and managers raise workarounds openly"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know whether you'd see workarounds, you wouldn't. That is how adoption fails while meetings sound positive.",
                advice: "Ask three frontline team leads this week how they really handle the work the AI touches.",
            }),
        },
        Question {
            id: "buy_in.stake",
            short: "Managers' stake",
            prompt: "What do the affected managers gain if the AI succeeds?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Give them a stake in the outcome."),
            topic: "buy_in.stake",
            options: &[
                no(
                    "Success looks like a threat to their team's size or budget",
                    0,
                    "Decide what happens to the time the AI frees, and tell the affected managers this month, so success stops looking like a threat.",
                ),
                no(
                    "Nothing agreed; their support rests on goodwill",
                    1,
                    "Agree with each affected manager what their team gains if the AI succeeds, such as freed time or credit.",
                ),
                partly(
                    "A stake was promised informally, such as credit or freed-up time",
                    2,
                    "Put the promised stake in writing, ideally as part of each manager's own targets.",
                ),
                yes("A stake is agreed in writing, such as the result in their own targets"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know what the managers gain, they probably don't either. Then success only adds to their workload.",
                advice: "In your next talks with the affected managers, ask what they expect to gain, or lose, if the AI succeeds.",
            }),
        },
    ],
    advice: &[],
};

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

const PROCESS: Option<&str> = Some("Process metrics");
const OUTCOME: Option<&str> = Some("Outcome metrics");

const METRICS: Dimension = Dimension {
    id: "metrics",
    name: "Metrics",
    test_question: "Could you show the CFO a number, tied to revenue, cost or risk, that proves the AI is working?",
    explanation: "Pilots tend to measure activity, such as accuracy, satisfaction and cases handled. That shows the AI runs, not that it pays off, and without proof the budget dries up.",
    rule: YesRule::Literal,
    meanings: Meanings::Claims {
        yes: &[
            Claim {
                text: "You could show the CFO a measured gain in revenue, cost or risk: the essay's yes for metrics.",
                backed_by: &["metrics.business_number"],
            },
            Claim {
                text: "The gain is measured against how the whole workflow performed before the AI.",
                backed_by: &["metrics.baseline"],
            },
            Claim {
                text: "The AI's accuracy is measured regularly on real cases, against an agreed target.",
                backed_by: &["metrics.production_accuracy"],
            },
            Claim {
                text: "The share of cases passed to people is counted against an agreed limit.",
                backed_by: &["metrics.exception_rate"],
            },
            Claim {
                text: "Uptime and response time are tracked against agreed limits.",
                backed_by: &["metrics.service_level"],
            },
        ],
        not_yes: "Metrics is not a yes yet. These answers say why:",
    },
    fix: "Two layers of metrics. Process metrics show the AI performs: accuracy on real cases, the share passed to people, uptime and response time. Outcome metrics show the business gains: revenue, cost, time saved, errors against the pre-AI baseline.",
    unknown_finding: None,
    questions: &[
        Question {
            id: "metrics.production_accuracy",
            short: "Accuracy on real cases",
            prompt: "How do you know how accurate the AI is on real cases, not test data?",
            group: PROCESS,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Accuracy rate on production data"),
            topic: "metrics.production_accuracy",
            options: &[
                no(
                    "Only from the pilot's results on its prepared test data",
                    0,
                    "This month, have an expert check 100 random real cases against the AI's answers, and record the accuracy.",
                ),
                // No: accuracy that isn't measured is a result not measured.
                no(
                    "From user feedback and anecdotes; accuracy isn't measured",
                    1,
                    "Turn the anecdotes into a measure: have an expert check a random sample of real cases every month.",
                ),
                partly(
                    "We measured it once, on a sample of real cases",
                    2,
                    "Repeat the sample check every month, against an accuracy target agreed with the business.",
                ),
                yes("We measure it regularly on real cases, against an agreed target"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know how accurate the AI is on real cases, nobody is checking its output.",
                advice: "Ask the tech lead this week when accuracy was last measured on real cases, and on how many.",
            }),
        },
        Question {
            id: "metrics.exception_rate",
            short: "Cases passed to people",
            prompt: "Do you count the cases the AI passes to people for review?",
            group: PROCESS,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Exception rate (cases flagged for human review)"),
            topic: "metrics.exception_rate",
            options: &[
                no(
                    "No; nobody counts how many cases people review",
                    0,
                    "Start counting the cases people review or redo this week. It shows the human workload the AI leaves behind.",
                ),
                // No: a rough sense is a result not measured.
                no(
                    "We have a rough sense of it, but don't count it",
                    1,
                    "Count every case passed to a person, and report the share weekly next to the AI's volume.",
                ),
                partly(
                    "We count it, but nobody has agreed what share is acceptable",
                    2,
                    "Agree an acceptable share with the team that handles these cases, and flag any week above it.",
                ),
                yes("We count it and compare it with an agreed limit"),
                // Not applicable: when a person checks every output, no case is singled out for
                // review, and the essay's test (a number for the CFO) holds without this count.
                not_applicable("Not applicable: a person checks every output anyway"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing how many cases go to people hides the human work the AI leaves behind, and that work grows with volume.",
                advice: "Ask the team that handles the AI's hard cases this week how many they review.",
            }),
        },
        Question {
            id: "metrics.service_level",
            short: "Uptime and speed",
            prompt: "Are the AI's uptime and response time (how fast it answers) tracked?",
            group: PROCESS,
            weight: 1,
            role: Role::Supporting,
            essay: Some("System uptime and latency"),
            topic: "metrics.service_level",
            options: &[
                no(
                    "Neither is tracked; we'd hear when users complain",
                    0,
                    "Ask IT to track the AI's uptime and response time from this month, with the tools they already use.",
                ),
                partly(
                    "One of them is tracked, the other isn't",
                    1,
                    "Add the missing measure, so that both uptime and response time are tracked.",
                ),
                partly(
                    "Both are tracked, but with no agreed limits",
                    2,
                    "Agree limits for uptime and response time with the teams that rely on the AI, and alert someone when one is crossed.",
                ),
                yes("Both are tracked against agreed limits, with alerts"),
                // Not applicable: a model that runs in batches keeps nobody waiting, and the
                // essay's test holds without a response time.
                not_applicable("Not applicable: it runs in batches that nobody waits on"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know whether uptime and response time are tracked, slowdowns at full volume will reach users first.",
                advice: "Ask IT this week whether the AI's uptime and response time are measured, and where.",
            }),
        },
        Question {
            id: "metrics.business_number",
            short: "Number for the CFO",
            prompt: "If the CFO asked today whether the AI pays off, what could you show?",
            group: OUTCOME,
            weight: 2,
            role: Role::Key,
            essay: Some("Can you show the CFO a number"),
            topic: "metrics.business_number",
            options: &[
                key(
                    NO,
                    "Only a demo and positive feedback",
                    0,
                    "You can't yet show that the AI pays off, so the first budget review could end it.",
                    "This week, write down the one revenue, cost or risk figure the AI exists to move, and how you would measure it.",
                ),
                // No: the essay calls these activity metrics: they show the AI runs, not that
                // it works.
                key(
                    NO,
                    "Activity figures, such as cases handled, users or satisfaction",
                    1,
                    "You can show the AI is running, not that it pays off. Activity figures don't answer the CFO's question.",
                    "Turn the activity into money: agree with finance how cases handled convert into cost or revenue, then measure it.",
                ),
                // Partly, never a yes: an estimate is a result not measured.
                key(
                    PARTLY,
                    "An estimate of savings or revenue, not yet measured",
                    2,
                    "The value is still a claim. An estimate won't survive the CFO's first follow-up question.",
                    "Measure the estimated gain on real cases this month, against the pre-AI baseline, with a method finance agrees.",
                ),
                yes("A measured gain in revenue, cost or risk that we could show the CFO"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know what you could show the CFO, you can't show anything yet. The budget then rests on goodwill.",
                advice: "Ask whoever decides on scaling this week what number they would take to the CFO, and whether anyone measures it.",
            }),
        },
        Question {
            id: "metrics.baseline",
            short: "Pre-AI baseline",
            prompt: "Is there a measured baseline of how the work performed before the AI?",
            group: OUTCOME,
            weight: 1,
            role: Role::Supporting,
            essay: Some("Error rate vs. pre-AI baseline"),
            topic: "metrics.baseline",
            options: &[
                no(
                    "No; nobody recorded how the work performed before the AI",
                    0,
                    "Measure time, cost and errors per case this month in teams the AI hasn't reached, while they still work the old way.",
                ),
                // No: an estimated baseline cannot prove a gain against it.
                no(
                    "Only estimates or recollections of the old process",
                    1,
                    "Replace the estimates with a measurement: a month of time, cost and errors per case in teams not using the AI.",
                ),
                partly(
                    "Measured, but only for the pilot group",
                    2,
                    "Extend the baseline to the whole workflow the AI will cover at full scale, measured in teams it hasn't reached.",
                ),
                yes("Measured for the whole workflow the AI will cover at full scale"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing whether a baseline exists means any gain you report can't be checked against the old way of working.",
                advice: "Ask the pilot team and finance this week whether anyone measured the old process, and where the figures are.",
            }),
        },
    ],
    advice: &[],
};
