//! Question set 2: the essay's Scaling Readiness Test decides each dimension's yes.
//!
//! Each dimension has one key question (the essay's own test question, whose top option is an
//! honest yes to it), essential questions (the dimension cannot be a yes while the reader
//! doesn't know the answer; the reason is in a comment above each) and supporting questions.
//! Every text is chosen by one answer, so it is written for the reader who gave that answer.
//!
//! Published sets are frozen (see `mod.rs`): change questions, options, points or thresholds
//! only in a new set file with the next id. Wording fixes that keep the meaning may go here.

use super::{Choice, Dimension, GeneralMove, Meanings, Question, QuestionSet, Role, Unknown, YesRule};

pub(super) static SET: QuestionSet = QuestionSet {
    id: 2,
    essay_url: "https://open.substack.com/pub/cupofwit/p/from-pilot-to-production-why-most",
    time_frame: Some("Answer for the AI as it would run at full scale, as things stand today."),
    dimensions: &[OWNERSHIP, DATA, BUY_IN, METRICS],
    ready_moves: &[
        GeneralMove {
            topic: "ready.stages",
            text: "Scale in stages, one team or region at a time, with a go or no-go review of the business number at each step.",
        },
        GeneralMove {
            topic: "ready.runbook",
            text: "Write the runbook for full scale: who checks the AI's accuracy, who may pause it, who fixes the pipeline, and how problems escalate.",
        },
        GeneralMove {
            topic: "ready.next_use_case",
            text: "Pick the next use case and plan it to reuse what this one built: the ownership model, the pipeline and the managers' design track.",
        },
    ],
    not_ready_moves: &[
        GeneralMove {
            topic: "not_ready.gate",
            text: "Agree with whoever decides on scaling that each blocking dimension must be a yes before the AI reaches more teams. Set a date to review them.",
        },
        GeneralMove {
            topic: "not_ready.team_check",
            text: "Ask the data lead, two affected managers and whoever decides on scaling to take this check too. Compare your results in the team view.",
        },
    ],
    not_covered: None,
};

/// A scored option with its advice (options below the top).
const fn option(text: &'static str, points: u8, advice: &'static str) -> Choice {
    Choice { text, points, meaning: None, advice: Some(advice), stance: None }
}

/// A key question's option below the top: what it means for the dimension, and its advice.
const fn key_option(text: &'static str, points: u8, meaning: &'static str, advice: &'static str) -> Choice {
    Choice { text, points, meaning: Some(meaning), advice: Some(advice), stance: None }
}

/// The top option: no advice, and its meaning is the dimension's.
const fn top(text: &'static str) -> Choice {
    Choice { text, points: 3, meaning: None, advice: None, stance: None }
}

// ---------------------------------------------------------------------------------------------
// Ownership
// ---------------------------------------------------------------------------------------------

const OWNERSHIP: Dimension = Dimension {
    id: "ownership",
    name: "Ownership",
    test_question: "At full scale, is one business leader, not IT, accountable for the AI's results, with a measurable target?",
    explanation: "A pilot has a champion who fought for it. At full scale, ownership often blurs: who keeps the AI working, who may stop it, who answers for its results?",
    rule: YesRule::EssayTest { partly: 50 },
    meanings: Meanings::ByKeyAnswer {
        yes: "A business leader, not IT, answers for the AI's results against a measurable target: the essay's yes for ownership.",
        held_back: "A business leader owns the results with a measurable target, so the essay's question is a yes. These answers still hold ownership back:",
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
            essay: None,
            topic: "ownership.named_owner",
            options: &[
                key_option(
                    "Nobody is named to answer for its results",
                    0,
                    "Nobody answers for the AI's business results. At full scale it would keep running with nobody steering it.",
                    "This week, ask whoever decides on scaling to name the business leader who will answer for the AI's results. Don't scale without one.",
                ),
                key_option(
                    "IT or the vendor, judged on uptime rather than business results",
                    1,
                    "The AI has a technical owner, but nobody in the business answers for its results. Uptime can't tell you it pays off.",
                    "Leave uptime with IT or the vendor, and make a business leader accountable for the AI's results, with a measurable target.",
                ),
                key_option(
                    "A business leader is named, but without a measurable target",
                    2,
                    "A business leader owns the AI, but without a target nobody can tell whether they are succeeding.",
                    "Agree one measurable target with the named leader this month, such as cost per case or hours saved a week.",
                ),
                top("A named business leader, with a measurable target such as cost per case"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing who answers for the AI's results means nobody has clearly been asked to. At full scale, nobody would steer it.",
                advice: "Ask whoever decides on scaling this week who will answer for the AI's business results, and get the name in writing.",
            }),
        },
        Question {
            id: "ownership.in_goals",
            short: "Target in goals",
            prompt: "Does the AI's target count in the owner's own performance review?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "ownership.in_goals",
            options: &[
                option(
                    "No; the AI's target is not in anyone's performance goals",
                    0,
                    "Put the AI's business result into its owner's performance goals at the next goal-setting round, as a measurable target.",
                ),
                option(
                    "The owner's goals mention delivering the project, not its results",
                    1,
                    "Swap the delivery goal for the result the AI should bring, stated as a measurable target in the owner's goals.",
                ),
                option(
                    "The target is in the owner's goals, but doesn't count in their review",
                    2,
                    "Ask whoever sets the owner's goals to give the AI's target real weight in their next review.",
                ),
                top("The target is in the owner's goals and counts in their review"),
            ],
            unknown: Some(Unknown {
                finding: "You don't know whether anyone is judged on the AI's results. If nobody is, the AI will lose out to goals that do count.",
                advice: "Ask whoever decides on scaling this week whether the AI's target is in anyone's performance goals, and how much it counts.",
            }),
        },
        Question {
            id: "ownership.sponsor",
            short: "Sponsor engaged",
            prompt: "How closely does the executive sponsor follow the AI today?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "ownership.sponsor",
            options: &[
                option(
                    "There is no sponsor now; they moved on after the pilot",
                    0,
                    "This week, ask the executive who backed the pilot to sponsor the AI at full scale, or to name who will.",
                ),
                option(
                    "The sponsor signs off when asked, but no longer follows it",
                    1,
                    "Book a monthly half hour with the sponsor to review the AI's results and the blockers only they can clear.",
                ),
                option(
                    "The sponsor follows it through occasional updates",
                    2,
                    "Turn the occasional updates into a fixed monthly review with the sponsor, built around the AI's results.",
                ),
                top("The sponsor reviews its results on a fixed schedule and clears blockers"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know whether the sponsor still follows the AI, their attention has probably moved on.",
                advice: "Ask the sponsor this week how they want to follow the AI's results, and agree a date for a review with them.",
            }),
        },
        // Essential: "Who decides when the AI is wrong?" is one of the questions the essay says
        // nobody can answer. A reader who doesn't know has found exactly that gap.
        Question {
            id: "ownership.decision_rights",
            short: "Authority to pause",
            prompt: "Who has the authority to pause or override the AI in production?",
            group: None,
            weight: 1,
            role: Role::Essential,
            essay: None,
            topic: "ownership.decision_rights",
            options: &[
                option(
                    "Nobody; the question has never come up",
                    0,
                    "Decide this week who may pause or override the AI, and write it down. Settle it before the AI reaches more teams.",
                ),
                option(
                    "It's assumed someone in the business would decide, but nobody is named",
                    1,
                    "Name the business person who may pause or override the AI, and tell the teams that use it.",
                ),
                option(
                    "A named business person may pause or override it, but nothing says when",
                    2,
                    "Write down the triggers for a pause with that person, such as an error level or a number of complaints.",
                ),
                top("A named business person may pause or override it, with written triggers"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing who may stop the AI is the essay's warning: when it goes wrong, nobody will decide.",
                advice: "Ask IT and whoever decides on scaling this week who may pause or override the AI in production. Settle any difference between their answers.",
            }),
        },
        // Essential: "Who maintains the model?" is another question the essay says nobody can
        // answer. Not knowing means nobody has been given the job.
        Question {
            id: "ownership.model_upkeep",
            short: "Model upkeep",
            prompt: "Who is assigned to keep the AI model itself working at full scale?",
            group: None,
            weight: 1,
            role: Role::Essential,
            essay: None,
            topic: "ownership.model_upkeep",
            options: &[
                option(
                    "Nobody is assigned; it would fall to whoever built the pilot",
                    0,
                    "List everything the pilot team does to keep the model working, and get a team assigned to that list before scaling.",
                ),
                option(
                    "The pilot team would keep it going on the side, with no time set aside",
                    1,
                    "Get time for model upkeep into the pilot team's plan, or hand the work to a team that has the time.",
                ),
                option(
                    "A team or vendor is assigned, but its duties aren't written down",
                    2,
                    "Write down that team's duties with them: retraining, fixes, vendor updates and how fast they respond.",
                ),
                top("A named team or vendor has written duties, such as retraining and fixes"),
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
    test_question: "Can the data pipeline feed the AI in production, at full volume, with nobody stepping in by hand?",
    explanation: "Pilots run on data someone cleaned and shaped by hand, once. At full scale the AI needs messy data from many systems, all the time, and that infrastructure is often missing.",
    rule: YesRule::EssayTest { partly: 50 },
    meanings: Meanings::ByKeyAnswer {
        yes: "The pipeline can feed the AI at full volume with nobody stepping in by hand: the essay's yes for data.",
        held_back: "The pipeline has held full volume without hands, so the essay's question is a yes. These answers still hold data back:",
    },
    fix: "A data pipeline run as a product, not a project. Every source the AI will touch in production is mapped. Gaps, inconsistencies and manual steps that break under volume are fixed ahead of scaling.",
    unknown_finding: None,
    questions: &[
        // Essential: the essay's fix starts by mapping every source the AI will touch in
        // production. Without knowing whether that is done, nobody can say the pipeline will
        // carry production.
        Question {
            id: "data.sources_mapped",
            short: "Sources mapped",
            prompt: "How well mapped are the data sources the AI will use in production?",
            group: None,
            weight: 1,
            role: Role::Essential,
            essay: None,
            topic: "data.sources_mapped",
            options: &[
                option(
                    "Not at all; we only know the pilot's prepared dataset",
                    0,
                    "This week, list every system the AI would read from in production next to the pilot's dataset. Map them before scaling.",
                ),
                option(
                    "The source systems are listed, but not mapped in detail",
                    1,
                    "Map each listed source with the people who run that system: format, refresh rate and known problems. Start with the busiest.",
                ),
                option(
                    "Every source is mapped, but not all have been run through the AI",
                    2,
                    "Run a week of real data from each untried source through the AI, and log every record it trips on.",
                ),
                top("Every source is mapped and has been run through the AI with real data"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing which sources are mapped means part of what the AI will get in production is unknown. That is where data debt hides.",
                advice: "Ask IT this week which production sources the AI will use, and which of them are mapped.",
            }),
        },
        Question {
            id: "data.manual_steps",
            short: "Hands-free at volume",
            prompt: "At full volume, could data reach the AI with nobody stepping in by hand?",
            group: None,
            weight: 2,
            role: Role::Key,
            essay: None,
            topic: "data.manual_steps",
            options: &[
                key_option(
                    "No; people prepare the data by hand, as they did for the pilot",
                    0,
                    "The AI still depends on data prepared by hand. At full volume it would starve or run on bad inputs.",
                    "Add up the hours spent preparing the pilot's data and scale them to full volume. Use the figure to fund automation before scaling.",
                ),
                key_option(
                    "Some steps run on their own, but at least one still needs a person",
                    1,
                    "Each step that needs a person caps the volume. At full scale, that person's desk becomes the bottleneck.",
                    "List each manual step between the source systems and the AI. Give each an owner and a date to automate it.",
                ),
                key_option(
                    "Every step runs on its own, but it hasn't been tested at full volume",
                    2,
                    "No step needs a person, but nobody knows yet whether the pipeline holds at full volume.",
                    "Test the pipeline at full production volume on real data for a week, and fix whatever makes someone step in.",
                ),
                top("Every step runs on its own, and it has held full volume in a test"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing whether the pipeline needs hands means nobody has checked. Manual steps tend to surface when the volume rises.",
                advice: "This week, walk the path from each source system to the AI with whoever runs it, and mark every step a person does.",
            }),
        },
        // Essential: bad records are where people step in first. Without knowing what happens to
        // them, nobody can say the pipeline runs without hands.
        Question {
            id: "data.quality_monitoring",
            short: "Bad data caught",
            prompt: "What happens in production when data arrives late, incomplete or malformed?",
            group: None,
            weight: 1,
            role: Role::Essential,
            essay: None,
            topic: "data.quality_monitoring",
            options: &[
                option(
                    "Nothing catches it; we'd notice when the AI's output goes wrong",
                    0,
                    "Run one day of raw production data through the AI this week and note every gap and error. Fix the worst before scaling.",
                ),
                option(
                    "People spot bad data by eye; nothing checks it automatically",
                    1,
                    "Automate the checks people now do by eye, for missing, late and malformed records, with alerts to a named person.",
                ),
                option(
                    "Automated checks catch bad records, but odd cases go unrecorded",
                    2,
                    "Log every case the checks can't place, and go through the log each month with whoever runs the pipeline.",
                ),
                top("Automated checks catch bad records, and odd cases are logged and reviewed"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing what happens to bad data means nobody has looked. The AI may already be acting on it.",
                advice: "Ask whoever runs the pipeline this week what happens to a late or broken record, and test it with one.",
            }),
        },
        Question {
            id: "data.pipeline_owner",
            short: "Pipeline owner",
            prompt: "Who owns the data pipeline that feeds the AI in production?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "data.pipeline_owner",
            options: &[
                option(
                    "Nobody; it's scripts and exports from the pilot team",
                    0,
                    "Get one team named to own the pipeline end to end, and have it replace the pilot's scripts. They won't carry full volume.",
                ),
                option(
                    "IT runs pieces of it, system by system; nobody owns it end to end",
                    1,
                    "Ask IT to name one team that owns the pipeline end to end, from each source system to the AI.",
                ),
                option(
                    "One team owns it end to end, but only fixes it when it breaks",
                    2,
                    "Give the owning team a backlog for the pipeline, with planned improvements as well as fixes.",
                ),
                top("One team owns it end to end as a product, with its own backlog"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing who owns the pipeline means that when it breaks at full volume, nobody is obviously there to fix it.",
                advice: "Ask IT this week which team answers for the pipeline, from the source systems to the AI.",
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
    rule: YesRule::EssayTest { partly: 50 },
    meanings: Meanings::ByKeyAnswer {
        yes: "The managers whose teams' work changes helped design that change: the essay's yes for buy-in.",
        held_back: "The most affected managers co-designed the change, so the essay's question is a yes. These answers still hold buy-in back:",
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
            essay: None,
            topic: "buy_in.co_design",
            options: &[
                key_option(
                    "Not at all; they haven't been told or asked",
                    0,
                    "The managers who must change how their teams work have had no say. Expect workarounds, not adoption.",
                    "List the five to ten managers whose teams' work changes most, and meet each this month, before any decision to scale.",
                ),
                key_option(
                    "They were told about it or shown a demo",
                    1,
                    "The managers received the AI rather than shaped it. Any support they give rests on goodwill, which rarely survives a bad week.",
                    "Invite the most affected managers to a workflow design session, and let them change the process, not just see it.",
                ),
                key_option(
                    "They gave comments on the workflow, but others made the decisions",
                    2,
                    "The managers were heard, but the design isn't theirs. They have little reason to defend it when it gets in the way.",
                    "Hand the open workflow decisions to the most affected managers, and change the design where they push back.",
                ),
                top("The most affected managers co-designed the workflow, and it changed because of them"),
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
            essay: None,
            topic: "buy_in.impact_explained",
            options: &[
                option(
                    "Nothing has been said; rumors fill the gap",
                    0,
                    "Meet each affected manager this month and say what the AI changes for their team, including what isn't decided yet.",
                ),
                option(
                    "Only a general message about efficiency, nothing specific to a team",
                    1,
                    "Follow the general message with one talk per team: what changes in its targets, headcount and roles.",
                ),
                option(
                    "Some managers had a specific talk about their team; others haven't",
                    2,
                    "Have the same team-specific talk with the other managers, and send each a short written summary.",
                ),
                top("Every affected manager has it in writing: targets, headcount and roles"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know what the managers were told, they may not know either. Guessing about targets and headcount breeds quiet resistance.",
                advice: "Ask two affected managers this week what they understand the AI will change for their team.",
            }),
        },
        // Essential: teams routing around the AI while meetings sound positive is the essay's
        // picture of failed buy-in. A reader who doesn't know whether they'd see it wouldn't.
        Question {
            id: "buy_in.workarounds",
            short: "Workarounds visible",
            prompt: "If teams quietly worked around the AI, how would you see it?",
            group: None,
            weight: 1,
            role: Role::Essential,
            essay: None,
            topic: "buy_in.workarounds",
            options: &[
                option(
                    "We couldn't; we go by how positive the meetings sound",
                    0,
                    "This week, ask three frontline team leads how they really handle the work the AI touches. Look for spreadsheets nobody mentions.",
                ),
                option(
                    "Only through anecdotes about side spreadsheets or rework",
                    1,
                    "Start counting the share of cases that go through the AI, team by team, and look at it each month.",
                ),
                option(
                    "We measure use per team, but don't ask why people bypass it",
                    2,
                    "Where a team's use drops, ask its manager why, to find the cause rather than to blame.",
                ),
                top("We measure use per team, and managers raise workarounds openly"),
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
            essay: None,
            topic: "buy_in.stake",
            options: &[
                option(
                    "Success looks like a threat to their team's size or budget",
                    0,
                    "Decide what happens to the capacity the AI frees, and tell the affected managers this month, so success stops looking like a threat.",
                ),
                option(
                    "Nothing agreed; their support rests on goodwill",
                    1,
                    "Agree with each affected manager what their team gains if the AI succeeds, such as freed time or credit.",
                ),
                option(
                    "A stake was promised informally, such as credit or freed-up time",
                    2,
                    "Put the promised stake in writing, ideally as part of each manager's own targets.",
                ),
                top("A stake is agreed in writing, such as the outcome in their own targets"),
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
    explanation: "Pilots tend to measure activity, such as accuracy, satisfaction and queries handled. That shows the AI runs, not that it pays off, and without proof the scaling budget dries up.",
    rule: YesRule::EssayTest { partly: 50 },
    meanings: Meanings::ByKeyAnswer {
        yes: "You could show the CFO a measured gain in revenue, cost or risk: the essay's yes for metrics.",
        held_back: "You have a measured business gain to show the CFO, so the essay's question is a yes. These answers still hold metrics back:",
    },
    fix: "Two layers of metrics. Process metrics show the AI performs: accuracy on production data, exception rate, uptime and response time. Outcome metrics show the business gains: revenue, cost, time saved per workflow, errors against the pre-AI baseline.",
    unknown_finding: None,
    questions: &[
        // Essential: the essay says you need both layers. Without knowing the AI's accuracy on
        // production data, a good business number may hide errors nobody sees.
        Question {
            id: "metrics.production_accuracy",
            short: "Accuracy in production",
            prompt: "How do you know how accurate the AI is on production data?",
            group: PROCESS,
            weight: 1,
            role: Role::Essential,
            essay: None,
            topic: "metrics.production_accuracy",
            options: &[
                option(
                    "Only from the pilot's results on its prepared test data",
                    0,
                    "This month, have an expert check 100 random production cases against the AI's answers. Record the accuracy before scaling.",
                ),
                option(
                    "From user feedback and anecdotes; accuracy isn't measured",
                    1,
                    "Turn the anecdotes into a measure: have an expert check a random sample of production cases every month.",
                ),
                option(
                    "We measured it once, on a sample of production data",
                    2,
                    "Repeat the sample check every month, against an accuracy target agreed with the business.",
                ),
                top("We measure it regularly on production data, against an agreed target"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know how accurate the AI is on production data, nobody is checking its output.",
                advice: "Ask the tech lead this week when accuracy was last measured on production data, and on how many cases.",
            }),
        },
        Question {
            id: "metrics.exception_rate",
            short: "Exception rate",
            prompt: "Do you track the share of cases the AI passes to people for review?",
            group: PROCESS,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "metrics.exception_rate",
            options: &[
                option(
                    "No; nobody counts how many cases people review",
                    0,
                    "Start counting the cases people review or redo this week. It shows the human workload the AI leaves behind.",
                ),
                option(
                    "We have a rough sense of it, but don't count it",
                    1,
                    "Count every case passed to a person, and report the share weekly next to the AI's volume.",
                ),
                option(
                    "We count it, but nobody has agreed what share is acceptable",
                    2,
                    "Agree an acceptable share with the team that handles the exceptions, and flag any week above it.",
                ),
                top("We count it and compare it with an agreed limit"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing the exception rate hides the human work the AI leaves behind, and that work grows with volume.",
                advice: "Ask the team that handles the AI's exceptions this week how many cases they review.",
            }),
        },
        Question {
            id: "metrics.service_level",
            short: "Uptime and speed",
            prompt: "How are the AI's uptime and response time tracked?",
            group: PROCESS,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "metrics.service_level",
            options: &[
                option(
                    "Neither is tracked; we'd hear when users complain",
                    0,
                    "Ask IT to track the AI's uptime and response time from this month, with the tools they already use.",
                ),
                option(
                    "One of them is tracked, the other isn't",
                    1,
                    "Add the missing measure, so that both uptime and response time are tracked.",
                ),
                option(
                    "Both are tracked, but with no agreed limits",
                    2,
                    "Agree limits for uptime and response time with the teams that rely on the AI, and alert someone when one is crossed.",
                ),
                top("Both are tracked against agreed limits, with alerts"),
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
            essay: None,
            topic: "metrics.business_number",
            options: &[
                key_option(
                    "Only a demo and positive feedback",
                    0,
                    "You can't yet show that the AI pays off, so the first budget review could end it.",
                    "This week, write down the one revenue, cost or risk figure the AI exists to move, and how you would measure it.",
                ),
                key_option(
                    "Activity figures, such as cases handled, users or satisfaction",
                    1,
                    "You can show the AI is running, not that it pays off. Activity figures don't answer the CFO's question.",
                    "Turn the activity into money: agree with finance how cases handled convert into cost or revenue, then measure it.",
                ),
                key_option(
                    "An estimate of savings or revenue, not yet measured",
                    2,
                    "The value is still a claim. An estimate won't survive the CFO's first follow-up question.",
                    "Measure the estimated gain on real cases this month, against the pre-AI baseline, with a method finance agrees.",
                ),
                top("A measured gain in revenue, cost or risk that we could show the CFO"),
            ],
            unknown: Some(Unknown {
                finding: "If you don't know what you could show the CFO, you can't show anything yet. The scaling budget then rests on goodwill.",
                advice: "Ask whoever decides on scaling this week what number they would take to the CFO, and whether anyone measures it.",
            }),
        },
        // Essential: a number proves the AI works only against how the work went before. Without
        // knowing whether a baseline exists, the number for the CFO can't be defended.
        Question {
            id: "metrics.baseline",
            short: "Pre-AI baseline",
            prompt: "Is there a measured baseline of how the work performed before the AI?",
            group: OUTCOME,
            weight: 1,
            role: Role::Essential,
            essay: None,
            topic: "metrics.baseline",
            options: &[
                option(
                    "No; nobody recorded how the work performed before the AI",
                    0,
                    "Measure time, cost and errors per case this month in teams the AI hasn't reached, before scaling erases the baseline.",
                ),
                option(
                    "Only estimates or recollections of the old process",
                    1,
                    "Replace the estimates with a measurement: a month of time, cost and errors per case in teams not using the AI.",
                ),
                option(
                    "Measured, but only for the pilot group",
                    2,
                    "Extend the baseline to the whole workflow the AI will cover at full scale, measured in teams it hasn't reached.",
                ),
                top("Measured for the whole workflow the AI will cover at full scale"),
            ],
            unknown: Some(Unknown {
                finding: "Not knowing whether a baseline exists means any gain you report can't be checked against the old way of working.",
                advice: "Ask the pilot team and finance this week whether anyone measured the old process, and where the figures are.",
            }),
        },
    ],
    advice: &[],
};
