//! The page address, both ways: which screen a URL asks for ([`Route::parse`], then
//! [`Route::action`]), and which address a screen shows ([`Address::of`]).
//!
//! Stage one of decoding external input (ripgrep-style): the raw fragment and query become
//! typed values here; the app acts on those values and never on raw strings. An address is
//! never a reader's action: it can open a screen, never answer, finish or share anything.
//!
//! What the address holds, screen by screen (ARCHITECTURE.md, "The address"):
//! - intro: nothing (`#` alone is dropped);
//! - a question: `#q=N` (1-based), the step only, while storage works; where storage cannot
//!   be used, the run itself (`#s=<snapshot>`), the only place left to keep it;
//! - the reader's own results: their results link, `r/<outcome>/#r=<code>`, the same link the
//!   share field shows;
//! - someone's shared result: that results link;
//! - the author tools, on their own page `tools/` so the check's first load stays small: a
//!   team `tools/#t=<team code>` (or `#team`), readers' results `#readers`, the embed kit
//!   `#embed-kit`. The same fragments on the check's page lead there.

use super::answers::{Answer, Answers};
use super::content::{QUESTION_SETS, YesRule};
use super::scoring::{Report, Verdict, holding_back};
use super::session::{Action, OfferedRun, Session, Step, View};
use super::share_code::{self, DecodeError, RESULT_KEY, SharedResult, TEAM_KEY};
use super::snapshot::{Snapshot, SnapshotError};
use super::team;

/// What the fragment (`#...`) asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No fragment, or one the widget does not know: the reader's own check, on the intro.
    Home,
    /// `#start`: the static intro's start link (clicked before the app had loaded), or a link
    /// straight into the questions: the first open question.
    Start,
    /// `#q=N`: question N (1-based in the address, 0-based here) of the reader's own run.
    Question(usize),
    /// `#s=<snapshot>`: a run in progress carried by the address (where storage is blocked,
    /// or a link written by an earlier version, which mirrored every run).
    Progress(String),
    /// `#r=<code>`: a results link.
    Shared(String),
    /// `#t=<code>`: a team link; `#team`: the empty team view.
    Team(Option<String>),
    /// `#readers`: readers' results, for authors.
    Readers,
    /// `#embed-kit`: the embed kit.
    EmbedKit,
}

/// Fragment key of a run in progress carried by the address.
pub const PROGRESS_KEY: &str = "s=";
/// Fragment key of the question on screen.
pub const QUESTION_KEY: &str = "q=";

impl Route {
    /// Reads a fragment, with or without its leading `#`.
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if let Some(code) = fragment.strip_prefix(RESULT_KEY) {
            return Route::Shared(code.to_owned());
        }
        if let Some(code) = fragment.strip_prefix(TEAM_KEY) {
            return Route::Team(Some(code.to_owned()));
        }
        if let Some(text) = fragment.strip_prefix(PROGRESS_KEY) {
            return Route::Progress(text.to_owned());
        }
        if let Some(number) = fragment.strip_prefix(QUESTION_KEY) {
            return match number.parse::<usize>() {
                Ok(n) if n >= 1 => Route::Question(n - 1),
                _ => Route::Home,
            };
        }
        match fragment {
            "start" => Route::Start,
            "team" => Route::Team(None),
            "readers" => Route::Readers,
            "embed-kit" => Route::EmbedKit,
            _ => Route::Home,
        }
    }

    /// The fragment for this route, without `#` (empty for [`Route::Home`]).
    pub fn fragment(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Start => "start".to_owned(),
            Route::Question(position) => format!("{QUESTION_KEY}{}", position + 1),
            Route::Progress(text) => format!("{PROGRESS_KEY}{text}"),
            Route::Shared(code) => format!("{RESULT_KEY}{code}"),
            Route::Team(Some(code)) => format!("{TEAM_KEY}{code}"),
            Route::Team(None) => "team".to_owned(),
            Route::Readers => "readers".to_owned(),
            Route::EmbedKit => "embed-kit".to_owned(),
        }
    }

    /// What the route asks of a session whose own run is `own`, or `None` to stay where it is.
    ///
    /// Whose a run is follows from what the visitor holds: a results link or a progress link
    /// carrying exactly the visitor's own answers and label opens as their own; anything else
    /// opens read-only (a results link) or is offered, never silently adopted (a progress link).
    pub fn action(&self, own: &Session) -> Option<Action> {
        let is_own =
            |answers: &Answers, label: &str| own.has_progress() && own.answers == *answers && own.label == label;
        match self {
            Route::Home => (own.view != View::Own).then_some(Action::ShowOwn),
            Route::Start => Some(Action::GoTo(own.answers.first_unanswered().unwrap_or(0))),
            Route::Question(position) => {
                let started = own.has_progress() || own.step != Step::Intro;
                started.then_some(Action::GoTo(*position))
            }
            Route::Progress(text) => Some(match Snapshot::parse(text) {
                Ok(snapshot) if is_own(&snapshot.session.answers, &snapshot.session.label) => {
                    match snapshot.session.step {
                        Step::Intro => Action::ShowOwn,
                        Step::Question(position) => Action::GoTo(position),
                        Step::Results => Action::ShowResults,
                    }
                }
                Ok(snapshot) => Action::OfferRun(OfferedRun {
                    result: SharedResult { answers: snapshot.session.answers, label: snapshot.session.label },
                    step: snapshot.session.step,
                }),
                Err(error) => Action::OpenBadLink { team: false, error: progress_error(error) },
            }),
            Route::Shared(code) => Some(match share_code::decode_as_sent(code, share_code::decode) {
                Ok(result) if is_own(&result.answers, &result.label) => Action::ShowResults,
                Ok(result) => Action::OpenShared(result),
                Err(error) => Action::OpenBadLink { team: false, error },
            }),
            Route::Team(None) => Some(Action::OpenTeam(Vec::new())),
            Route::Team(Some(code)) => Some(match share_code::decode_as_sent(code, team::decode_members) {
                Ok(members) => Action::OpenTeam(members),
                Err(error) => Action::OpenBadLink { team: true, error },
            }),
            Route::Readers => Some(Action::OpenReaders),
            Route::EmbedKit => Some(Action::OpenEmbedKit),
        }
    }
}

/// The session the widget opens with: the reader's own run from storage (or, where storage is
/// blocked, from this tab's own history entry: `marked`, which only a reload of this tab
/// carries), then whatever the address asks of it. Without an address that says otherwise, a
/// visit opens on the intro, which offers to continue.
pub fn open(route: &Route, stored: Option<Snapshot>, marked: Option<Snapshot>) -> Session {
    let mut session = stored.or(marked).map(|snapshot| snapshot.session).unwrap_or_default();
    // The route reads the run as it was left (a reload at an unanswered first question is
    // still a run in progress). A link to another view leaves the run's step as stored; a
    // plain visit opens on the intro, which offers to continue.
    match route.action(&session) {
        Some(action) => session.apply(action),
        None => session.step = Step::Intro,
    }
    session
}

/// What the app does with the first question answered on the page's static copy before it
/// arrived (at `#start`): the choice is the reader's (nothing they did is lost) and, if they
/// pressed Next, the app goes on as if they had pressed it there. The static copy is the
/// current set's first question, so it is adopted only into a run of the current set.
pub fn early_actions(session: &Session, choice: Option<Answer>, next: bool) -> Vec<Action> {
    if session.answers.set().id != super::content::CURRENT.id || (choice.is_none() && !next) {
        return Vec::new();
    }
    let mut actions = vec![Action::GoTo(0)];
    actions.extend(choice.map(|answer| Action::Choose { position: 0, answer: Some(answer) }));
    if next {
        actions.push(Action::Next);
    }
    actions
}

/// A progress link that cannot be read, told as the link error it amounts to.
fn progress_error(error: SnapshotError) -> DecodeError {
    match error {
        SnapshotError::Answers(error) => error,
        SnapshotError::NewerFormat => DecodeError::NewerFormat,
        SnapshotError::Empty => DecodeError::Empty,
        SnapshotError::Unreadable => DecodeError::Damaged,
    }
}

/// Which page of the widget's site shows a screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The check itself, at the widget's base.
    Check,
    /// A per-outcome page, `r/<slug>/`: results links point there, because its preview card
    /// says the verdict (crawlers ignore the fragment).
    Outcome(String),
    /// The author tools, `tools/`: team view, readers' results and the embed kit, kept out of
    /// the check's own first load.
    Tools,
}

/// The address a screen shows: a page of the widget's site and a fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// The page.
    pub page: Page,
    /// The route in the fragment.
    pub route: Route,
}

impl Address {
    /// The address for what is on screen, or `None` to leave the address as it is (a link that
    /// could not be read stays in the address bar, so the reader can see what they opened).
    /// `storage_works` decides whether a run in progress must ride in the address.
    pub fn of(session: &Session, storage_works: bool) -> Option<Address> {
        let plain = |route| Some(Address { page: Page::Check, route });
        let tools = |route| Some(Address { page: Page::Tools, route });
        match (&session.view, session.step) {
            (View::Own, Step::Intro) => plain(Route::Home),
            (View::Own, Step::Question(position)) if storage_works => plain(Route::Question(position)),
            (View::Own, Step::Question(_)) => plain(Route::Progress(Snapshot::of(session).to_text())),
            (View::Own, Step::Results) => Some(Address::results(&session.answers, &session.label)),
            (View::Shared(result), _) => Some(Address::results(&result.answers, &result.label)),
            (View::Offered(offered), _) => {
                let mut carried = Session::new(offered.result.answers.set());
                carried.answers = offered.result.answers.clone();
                carried.label = offered.result.label.clone();
                carried.step = offered.step;
                plain(Route::Progress(Snapshot::of(&carried).to_text()))
            }
            (View::Team(members), _) if members.is_empty() => tools(Route::Team(None)),
            (View::Team(members), _) => tools(Route::Team(Some(team::encode_members(members)))),
            (View::Readers, _) => tools(Route::Readers),
            (View::EmbedKit, _) => tools(Route::EmbedKit),
            (View::BadLink { .. }, _) => None,
        }
    }

    /// A results link's address: the per-outcome page (none while incomplete) and `#r=<code>`.
    pub fn results(answers: &Answers, label: &str) -> Address {
        let report = Report::new(answers);
        let page = match report.verdict {
            Verdict::Incomplete { .. } => Page::Check,
            _ => Page::Outcome(report.verdict.outcome_slug(report.set)),
        };
        Address { page, route: Route::Shared(share_code::encode(answers, label)) }
    }

    /// The page's folder under the widget's base: empty, `r/<slug>/` or `tools/`.
    pub fn folder(&self) -> String {
        match &self.page {
            Page::Check => String::new(),
            Page::Outcome(slug) => format!("r/{slug}/"),
            Page::Tools => "tools/".to_owned(),
        }
    }

    /// The address relative to the widget's base (`r/<slug>/#…`, `tools/#…` or `#…`, or empty).
    pub fn relative(&self) -> String {
        let folder = self.folder();
        let fragment = self.route.fragment();
        if fragment.is_empty() { folder } else { format!("{folder}#{fragment}") }
    }
}

/// Colour scheme asked for by an embedding page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Name used in the `data-theme` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The outcome page a results code belongs on (`ready`, `not-od`, …), read as the address
/// reads it; `None` for a code that does not decode or holds an unfinished run. A per-outcome
/// page shows its static verdict only for a code of its own outcome (the inline check in
/// `index.html` follows [`static_outcome_rules`]; a journey compares the two on every outcome).
pub fn outcome_of_code(code: &str) -> Option<String> {
    let result = share_code::decode_as_sent(code, share_code::decode).ok()?;
    let report = Report::new(&result.answers);
    match report.verdict {
        Verdict::Incomplete { .. } => None,
        verdict => Some(verdict.outcome_slug(report.set)),
    }
}

/// The yes rule of every question set whose dimensions follow the essay's test (set 2) or the
/// literal yes (set 3 on), as the data the static pages' inline check reads (it decodes a code
/// and names its outcome before the app has loaded; sets under a score rule are left out, and
/// their codes show no static verdict).
/// One set per space-separated entry: `<set character><payload length>|<dimension initials>|`
/// then, per question in asking order, its dimension's index and one character per digit the
/// code can hold: `u` unanswered, `y` an answer that keeps the dimension's yes, `n` one that
/// holds it back (the last digit is "I don't know"); a literal set ends in `|k`: there a known
/// blocker decides its dimension while other questions are open, as `Report` decides it.
pub fn static_outcome_rules() -> String {
    let mut sets = Vec::new();
    for set in QUESTION_SETS {
        let literal = set.dimensions.iter().all(|d| d.rule == YesRule::Literal);
        if !literal && !set.dimensions.iter().all(|d| matches!(d.rule, YesRule::EssayTest { .. })) {
            continue;
        }
        let initials: String = set.dimensions.iter().filter_map(|d| d.id.chars().next()).collect();
        let mut questions = Vec::new();
        for (index, dimension) in set.dimensions.iter().enumerate() {
            for question in dimension.questions {
                let answers = (0..question.options.len())
                    .map(|level| Answer::Level(level as u8))
                    .chain(std::iter::once(Answer::DontKnow));
                let mask: String =
                    std::iter::once('u')
                        .chain(answers.map(|a| {
                            if holding_back(dimension, &[(question, Some(a))]).is_empty() { 'y' } else { 'n' }
                        }))
                        .collect();
                questions.push(format!("{index}{mask}"));
            }
        }
        let set_char = char::from(share_code::ALPHABET[usize::from(set.id)]);
        let known = if literal { "|k" } else { "" };
        sets.push(format!("{set_char}{}|{initials}|{}{known}", share_code::payload_len(set), questions.join(",")));
    }
    sets.join(" ")
}
