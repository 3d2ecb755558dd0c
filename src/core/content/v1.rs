//! Question set 1: the essay's four scaling killers, asked as four questions each.
//!
//! Published sets are frozen (see `mod.rs`): change questions, options, points or thresholds
//! only in a new set file with the next id. Wording fixes that keep the meaning may go here.

use super::{Advice, Choice, Dimension, GeneralMove, Meanings, Question, QuestionSet, Role, YesRule};

pub(super) static SET: QuestionSet = QuestionSet {
    id: 1,
    essay_url: "https://open.substack.com/pub/cupofwit/p/from-pilot-to-production-why-most",
    time_frame: None,
    dimensions: &[OWNERSHIP, DATA, BUY_IN, METRICS],
    ready_moves: &[
        GeneralMove {
            topic: "ready.stages",
            text: "Scale in stages – one more team or region at a time – with a go/no-go review on the outcome metric before each step.",
        },
        GeneralMove {
            topic: "ready.runbook",
            text: "Write the runbook now: who monitors the AI, who may override or pause it, who fixes the pipeline, and how problems escalate.",
        },
        GeneralMove {
            topic: "ready.next_use_case",
            text: "Pick the next use case and plan it to reuse what this one built: the ownership model, the data pipeline and the stakeholder track.",
        },
    ],
    not_ready_moves: &[],
    not_covered: None,
};

// ---------------------------------------------------------------------------------------------
// Ownership
// ---------------------------------------------------------------------------------------------

const OWNERSHIP: Dimension = Dimension {
    id: "ownership",
    name: "Ownership",
    test_question: "Once the AI is live, is one business leader – not IT – accountable for its results, with a measurable target?",
    explanation: "A pilot has a champion who fought for its budget, but after launch nobody is clearly responsible for maintaining, monitoring or correcting the AI. It keeps running while the business stops paying attention.",
    rule: YesRule::Score { pass: 75, partly: 40 },
    meanings: Meanings::ByBand([
        "Someone in the business owns the outcome and will be judged on it, so problems after launch have a home.",
        "Ownership exists on paper or only for the technology; nobody yet answers for the business result.",
        "After launch the AI will be an orphan: still running, but nobody is responsible for whether it delivers.",
    ]),
    fix: "Before you scale, name an AI Product Owner: a business role, not an IT one, accountable for outcomes rather than uptime. Give them a measurable objective and tie it to their own performance review.",
    unknown_finding: Some(
        "Not knowing who owns the outcome is the finding: if you can't name the person, the organization can't either, and the AI will have no owner once the pilot team moves on.",
    ),
    questions: &[
        Question {
            id: "ownership.named_owner",
            short: "Accountable owner",
            prompt: "Who is accountable for the AI's business results once it goes live?",
            group: None,
            weight: 2,
            role: Role::Key,
            essay: None,
            topic: "ownership.named_owner",
            options: &[
                Choice::scored("Nobody is named; the pilot team moves on after launch", 0),
                Choice::scored("IT or the vendor owns it, judged on uptime rather than business results", 1),
                Choice::scored("A business leader is named as owner, but there is no measurable target", 2),
                Choice::scored(
                    "A named business leader owns it, with a measurable target such as cost per case or cycle time",
                    3,
                ),
            ],
            unknown: None,
        },
        Question {
            id: "ownership.wrong_calls",
            short: "Handling wrong output",
            prompt: "When the AI gets something wrong in live use, who notices and decides what to do?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "ownership.wrong_calls",
            options: &[
                Choice::scored("Nobody checks its output; errors surface when a customer or colleague complains", 0),
                Choice::scored(
                    "Users report problems ad hoc, and it's unclear who decides to fix, override or pause",
                    1,
                ),
                Choice::scored("Someone reviews output quality now and then, but has no clear authority to act", 2),
                Choice::scored(
                    "A named person checks quality on a schedule and has the authority to override or pause the AI",
                    3,
                ),
            ],
            unknown: None,
        },
        Question {
            id: "ownership.run_team",
            short: "Run team and budget",
            prompt: "Who will maintain the model and its data pipeline after launch, and who pays for that?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "ownership.run_team",
            options: &[
                Choice::scored("Nobody; the pilot team and its budget end at launch", 0),
                Choice::scored("The pilot team will keep it alive on the side, with no budget for it", 1),
                Choice::scored("A team to run it is identified, but funding beyond this year isn't agreed", 2),
                Choice::scored("A named team maintains it, with an ongoing budget in the operating plan", 3),
            ],
            unknown: None,
        },
        Question {
            id: "ownership.in_goals",
            short: "Owner's goals",
            prompt: "Do the owner's own performance goals include the AI's business outcome?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "ownership.in_goals",
            options: &[
                Choice::scored("There is no owner, or their goals don't mention the AI at all", 0),
                Choice::scored("Their goals mention delivering the project, not what it should achieve", 1),
                Choice::scored("The outcome is in their goals, but it doesn't affect their review or bonus", 2),
                Choice::scored("The outcome target is in their goals and counts in their review or bonus", 3),
            ],
            unknown: None,
        },
    ],
    advice: &[
        Advice {
            question: "ownership.named_owner",
            at_most: 0,
            text: "This week, ask the pilot's sponsor to name the business leader who will answer for results after launch. If nobody steps up, that is your first blocker.",
        },
        Advice {
            question: "ownership.named_owner",
            at_most: 2,
            text: "Name one business leader as AI Product Owner and agree a measurable target with them this month, such as cost per case or hours saved per week.",
        },
        Advice {
            question: "ownership.wrong_calls",
            at_most: 1,
            text: "Decide who reviews a sample of live output every week and who may override or pause the AI, and write down the error level that triggers it.",
        },
        Advice {
            question: "ownership.run_team",
            at_most: 0,
            text: "This week, list everything the pilot team does to keep the AI running. That list is the job description of the run team you still need.",
        },
        Advice {
            question: "ownership.run_team",
            at_most: 1,
            text: "Put the cost of running the AI after launch – model upkeep, pipeline fixes, monitoring – into the next budget request, with a named team against it.",
        },
        Advice {
            question: "ownership.in_goals",
            at_most: 1,
            text: "Write the AI's outcome target into the owner's performance goals at the next goal-setting round, so it counts in their review and not just the project plan.",
        },
    ],
};

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

const DATA: Dimension = Dimension {
    id: "data",
    name: "Data",
    test_question: "Can the data pipeline keep the AI fed in production, at full volume, without anyone fixing things by hand?",
    explanation: "Pilots run on data someone cleaned and formatted by hand, once. At scale the AI needs live, messy data from many systems, all the time, and that infrastructure often isn't there yet.",
    rule: YesRule::Score { pass: 75, partly: 40 },
    meanings: Meanings::ByBand([
        "The pipeline can carry production volume on its own, and you know where its weak spots are.",
        "Parts of the pipeline are production-grade, but manual steps or unmapped sources will break under volume.",
        "The AI still depends on pilot-style prepared data; at scale it will starve or run on bad inputs.",
    ]),
    fix: "Treat the data pipeline as a product, not a one-off project. Map every source the AI will touch in production, find the gaps, inconsistencies and manual steps that break under volume, and fix them before you scale the use case.",
    unknown_finding: Some(
        "Not knowing how data reaches the AI is the finding: whatever isn't mapped hasn't been tested at production volume, and that is where data debt hides.",
    ),
    questions: &[
        Question {
            id: "data.sources_mapped",
            short: "Sources mapped",
            prompt: "How well do you know the data sources the AI will draw on in production?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "data.sources_mapped",
            options: &[
                Choice::scored(
                    "The AI has only seen the pilot's hand-prepared dataset; production sources aren't identified",
                    0,
                ),
                Choice::scored("We know roughly which systems will feed it, but nothing is mapped or checked", 1),
                Choice::scored("Most production sources are mapped; a few are assumed to look like the pilot data", 2),
                Choice::scored("Every production source is mapped and has been tested with the AI on real data", 3),
            ],
            unknown: None,
        },
        Question {
            id: "data.manual_steps",
            short: "Manual steps",
            prompt: "At full production volume, would getting data to the AI still need a person along the way?",
            group: None,
            weight: 2,
            role: Role::Key,
            essay: None,
            topic: "data.manual_steps",
            options: &[
                Choice::scored("Yes; someone would clean, label or export data by hand, as in the pilot", 0),
                Choice::scored(
                    "Several steps are manual (spreadsheets, uploads, fixes) and would break at full volume",
                    1,
                ),
                Choice::scored("It's mostly automated, with one or two manual steps we know we must remove", 2),
                Choice::scored("It runs end to end without manual steps and has been tested at production volume", 3),
            ],
            unknown: None,
        },
        Question {
            id: "data.quality_monitoring",
            short: "Data quality checks",
            prompt: "What happens when live data arrives with gaps, errors or cases nobody anticipated?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "data.quality_monitoring",
            options: &[
                Choice::scored("We'd find out when the AI's output goes wrong", 0),
                Choice::scored("Someone spots problems by eye now and then; nothing is checked automatically", 1),
                Choice::scored("Basic checks catch missing or malformed data, but edge cases aren't tracked", 2),
                Choice::scored("Automated checks flag gaps and errors, and edge cases are logged and reviewed", 3),
            ],
            unknown: None,
        },
        Question {
            id: "data.pipeline_owner",
            short: "Pipeline owner",
            prompt: "Who owns the pipeline that connects your production systems to the AI?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "data.pipeline_owner",
            options: &[
                Choice::scored("Nobody; it's scripts and exports the pilot team put together", 0),
                Choice::scored("IT runs pieces of it, system by system; nobody owns it end to end", 1),
                Choice::scored("A team owns it, but integrations with some production systems are still missing", 2),
                Choice::scored(
                    "A named team runs it as a product, with a roadmap, connected to every system the AI needs",
                    3,
                ),
            ],
            unknown: None,
        },
    ],
    advice: &[
        Advice {
            question: "data.sources_mapped",
            at_most: 0,
            text: "This week, list every system the AI would read from in production next to the one dataset the pilot used. The difference between the two is your scaling plan.",
        },
        Advice {
            question: "data.sources_mapped",
            at_most: 1,
            text: "Map every production source the AI will touch this month – owner, format, refresh rate, known issues – and run a real week of data from each through the AI.",
        },
        Advice {
            question: "data.manual_steps",
            at_most: 0,
            text: "Add up the hours it took to prepare the pilot's data by hand and scale that to full volume. Show the figure to the sponsor to make the case for automation.",
        },
        Advice {
            question: "data.manual_steps",
            at_most: 2,
            text: "List every manual step between the source systems and the AI, give each an owner and a date to automate it, and don't widen the rollout until they're gone.",
        },
        Advice {
            question: "data.quality_monitoring",
            at_most: 0,
            text: "Pull one day of raw production data this week, run it through the AI, and note every gap, error and odd case it trips on.",
        },
        Advice {
            question: "data.quality_monitoring",
            at_most: 1,
            text: "Add automated checks for missing, late and malformed records before data reaches the AI, and send the alerts to a named person, not a shared inbox.",
        },
        Advice {
            question: "data.pipeline_owner",
            at_most: 1,
            text: "Name one team to own the pipeline end to end as a product, with its own backlog, and have them list the production integrations still missing this month.",
        },
    ],
};

// ---------------------------------------------------------------------------------------------
// Buy-in
// ---------------------------------------------------------------------------------------------

const BUY_IN: Dimension = Dimension {
    id: "buy_in",
    name: "Buy-in",
    test_question: "Have the middle managers whose teams' work changes helped design that change, rather than just receiving it?",
    explanation: "Executives approve and the tech team builds, but the managers whose workflows change are rarely asked. If nobody explains what the AI means for their targets, headcount and role, they quietly work around it.",
    rule: YesRule::Score { pass: 75, partly: 40 },
    meanings: Meanings::ByBand([
        "The managers who must change how their teams work helped shape the change and have a reason to want it to succeed.",
        "Managers know what's coming, but they were informed rather than involved, so adoption rests on goodwill.",
        "The people who must adopt the AI had no say and nothing to gain; expect workarounds, not adoption.",
    ]),
    fix: "Run a stakeholder track alongside the technical work. Bring in the 5–10 middle managers whose teams are most affected early, have them co-design the workflow change, and give them a real stake in the outcome.",
    unknown_finding: Some(
        "Not knowing how the affected managers see the AI is the finding: if nobody has asked them, they haven't been involved, and their resistance won't show until rollout.",
    ),
    questions: &[
        Question {
            id: "buy_in.co_design",
            short: "Managers co-designed",
            prompt: "How have the middle managers whose teams will use the AI been involved so far?",
            group: None,
            weight: 2,
            role: Role::Key,
            essay: None,
            topic: "buy_in.co_design",
            options: &[
                Choice::scored("They haven't been involved; they'll hear about it at rollout", 0),
                Choice::scored("They were shown a demo or an announcement once it was built", 1),
                Choice::scored("Some were consulted on the workflow, but the decisions were made elsewhere", 2),
                Choice::scored(
                    "The most affected managers co-designed the new workflow, and the plan changed because of it",
                    3,
                ),
            ],
            unknown: None,
        },
        Question {
            id: "buy_in.impact_explained",
            short: "Impact explained",
            prompt: "Has anyone told those managers how the AI changes their team's targets, headcount and roles?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "buy_in.impact_explained",
            options: &[
                Choice::scored("No; people are guessing, and rumors fill the gap", 0),
                Choice::scored("There was a general message about efficiency, with nothing specific to their team", 1),
                Choice::scored("Some managers have had a specific conversation; others haven't", 2),
                Choice::scored(
                    "Every affected manager has it in writing: what changes for their team's targets, headcount and roles",
                    3,
                ),
            ],
            unknown: None,
        },
        Question {
            id: "buy_in.workarounds",
            short: "Workarounds visible",
            prompt: "Would you know if teams were quietly routing around the AI?",
            group: None,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "buy_in.workarounds",
            options: &[
                Choice::scored("We have no view of actual use; steering meetings just sound positive", 0),
                Choice::scored(
                    "We've heard of workarounds (shadow spreadsheets, manual rework) but haven't looked into them",
                    1,
                ),
                Choice::scored("We track how much the AI is used, but not why people bypass it", 2),
                Choice::scored(
                    "We track use by team, and managers raise workarounds openly so the cause gets fixed",
                    3,
                ),
            ],
            unknown: None,
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
                Choice::scored("Nothing; if anything, success threatens their team's size or budget", 0),
                Choice::scored("Nothing formal; their support rests on personal goodwill", 1),
                Choice::scored("They get recognition for it, but it isn't part of their targets", 2),
                Choice::scored("The outcome is in their targets, and they share in the credit or the savings", 3),
            ],
            unknown: None,
        },
    ],
    advice: &[
        Advice {
            question: "buy_in.co_design",
            at_most: 0,
            text: "This week, list the 5–10 managers whose teams' daily work changes most, and book an hour with each before anything else about the rollout is decided.",
        },
        Advice {
            question: "buy_in.co_design",
            at_most: 2,
            text: "Run a workflow design session with the most affected managers this month and let them change the process itself, not just comment on the demo.",
        },
        Advice {
            question: "buy_in.impact_explained",
            at_most: 1,
            text: "Meet each affected manager this month and put in writing what the AI changes for their team's targets, headcount and roles – including what isn't decided yet.",
        },
        Advice {
            question: "buy_in.workarounds",
            at_most: 0,
            text: "Ask three frontline team leads this week how they really handle the work the AI touches, and look for the spreadsheets and rework nobody mentions in meetings.",
        },
        Advice {
            question: "buy_in.workarounds",
            at_most: 1,
            text: "Track the share of cases that go through the AI, team by team, and review each team where it drops with its manager – to find the cause, not to blame.",
        },
        Advice {
            question: "buy_in.stake",
            at_most: 0,
            text: "Decide what happens to the capacity the AI frees up and tell the affected managers this month, so that success stops looking like a threat to their team.",
        },
        Advice {
            question: "buy_in.stake",
            at_most: 1,
            text: "Write the AI's outcome into the affected managers' targets for next quarter, and agree how their teams share in the credit or the savings.",
        },
    ],
};

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

const PROCESS: Option<&str> = Some("Process metrics");
const OUTCOME: Option<&str> = Some("Outcome metrics");

const METRICS: Dimension = Dimension {
    id: "metrics",
    name: "Metrics",
    test_question: "Can you show the CFO a number, tied to revenue, cost or risk, that proves the AI is working?",
    explanation: "Pilots tend to measure activity – accuracy, satisfaction, queries handled – which shows the AI is running, not that it pays off. Without a business number, the budget for scaling dries up.",
    rule: YesRule::Score { pass: 75, partly: 40 },
    meanings: Meanings::ByBand([
        "You can show both that the AI performs on real data and that the business is measurably better off.",
        "You measure part of it, but either the AI's real-world performance or its business value is still a claim.",
        "You can't yet prove the AI works or pays off, so the first budget review can end it.",
    ]),
    fix: "Set two layers of metrics before you scale. Process metrics show the AI performs: accuracy on production data, exception rate, uptime and latency. Outcome metrics show the business gains: revenue impacted, cost reduced, time saved per workflow, error rate against the pre-AI baseline.",
    unknown_finding: Some(
        "Not knowing what is measured is the finding: if you can't find the number, neither can the CFO, and the case for scaling budget will be hard to make.",
    ),
    questions: &[
        Question {
            id: "metrics.production_accuracy",
            short: "Accuracy on live data",
            prompt: "How do you know the AI performs well on real production data?",
            group: PROCESS,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "metrics.production_accuracy",
            options: &[
                Choice::scored("We only have the pilot's results on its prepared test data", 0),
                Choice::scored("We have user feedback and anecdotes, but no measured accuracy on live data", 1),
                Choice::scored("We measured accuracy once, on a sample of production data", 2),
                Choice::scored("We measure accuracy on production data continuously, against an agreed target", 3),
            ],
            unknown: None,
        },
        Question {
            id: "metrics.operational_monitoring",
            short: "Operational monitoring",
            prompt: "Do you track the exception rate (cases sent for human review), uptime and response time?",
            group: PROCESS,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "metrics.operational_monitoring",
            options: &[
                Choice::scored("None of these are measured", 0),
                Choice::scored("IT watches uptime, but exceptions and response times aren't tracked", 1),
                Choice::scored("All three are tracked, but nobody has set acceptable limits", 2),
                Choice::scored("All three are on a dashboard, with limits and alerts that reach a named person", 3),
            ],
            unknown: None,
        },
        Question {
            id: "metrics.business_number",
            short: "Business number",
            prompt: "If the CFO asked today whether the AI delivers value, what could you show?",
            group: OUTCOME,
            weight: 2,
            role: Role::Key,
            essay: None,
            topic: "metrics.business_number",
            options: &[
                Choice::scored("A demo and some positive feedback", 0),
                Choice::scored("Activity figures: queries handled, active users, satisfaction scores", 1),
                Choice::scored("An estimate of savings or revenue, not yet measured in production", 2),
                Choice::scored("A measured number in revenue, cost or risk that finance has accepted", 3),
            ],
            unknown: None,
        },
        Question {
            id: "metrics.baseline",
            short: "Pre-AI baseline",
            prompt: "Do you have a pre-AI baseline to compare the business outcome against?",
            group: OUTCOME,
            weight: 1,
            role: Role::Supporting,
            essay: None,
            topic: "metrics.baseline",
            options: &[
                Choice::scored("No; nobody recorded how the work performed before the AI", 0),
                Choice::scored("We have rough recollections or estimates of how the old process performed", 1),
                Choice::scored("We measured the old process, but only for the pilot group", 2),
                Choice::scored(
                    "We have a measured baseline – time, cost or error rate per case – for the whole workflow",
                    3,
                ),
            ],
            unknown: None,
        },
    ],
    advice: &[
        Advice {
            question: "metrics.production_accuracy",
            at_most: 1,
            text: "This month, have an expert check a random sample of 100 live cases against what the AI decided, record the accuracy, and repeat it every month.",
        },
        Advice {
            question: "metrics.operational_monitoring",
            at_most: 1,
            text: "Set limits for exception rate, uptime and response time this month, and send an alert to a named person whenever one is breached.",
        },
        Advice {
            question: "metrics.business_number",
            at_most: 0,
            text: "This week, write down with the owner the one business result this AI exists to move – a revenue, cost or risk figure – and how you'd measure it.",
        },
        Advice {
            question: "metrics.business_number",
            at_most: 2,
            text: "Agree with finance this month how the AI's value will be calculated – which revenue, cost or risk line – and report it monthly against the baseline.",
        },
        Advice {
            question: "metrics.baseline",
            at_most: 1,
            text: "Measure the current process this month – time, cost and error rate per case – in teams not yet using the AI, before the rollout erases the baseline.",
        },
    ],
};
