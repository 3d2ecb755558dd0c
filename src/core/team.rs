//! Team codes and the team view: several results in one link, and where they disagree.
//!
//! A team code is `T1` + member count (one alphabet character) + a two-character check over
//! everything after it, then each member's share code preceded by `~`. Every member code
//! keeps its own check and question set, so a team can mix old and new sets, and the outer
//! check catches a dropped, added or reordered member. Format 2 (`T2`, written only when a
//! member has a name) is the same with each member written `~<name>.<share code>`: the name
//! cleaned like a label and encoded like one (`_` a space, `%XX` any other byte), possibly
//! empty; the outer check covers the names too. Format-1 links keep decoding.
//!
//! In the team view "I don't know" is unknown, not 0: a member who answered "I don't know" in
//! a dimension has no known score there, so they are left out of its average, spread and
//! outliers and counted apart ("2 of 5 don't know"). Their band still counts in the team's
//! middle view, where the essay's rule already makes "I don't know" no yes.

use super::answers::Answer;
use super::scoring::{Band, Report};
use super::share_code::{self, ALPHABET, DecodeError, SharedResult, char_value};

/// Most members a team code carries.
pub const MAX_MEMBERS: usize = 50;
/// Longest encoded member name: [`share_code::MAX_LABEL_CHARS`] characters of up to 4 bytes,
/// each byte written `%XX`.
const MAX_NAME_LEN: usize = share_code::MAX_LABEL_CHARS * 4 * 3;
/// Longest team code: the header, then up to [`MAX_MEMBERS`] members of `~`, a name, `.` and a
/// share code each. Every code the encoders can write must fit, however long the labels.
pub const MAX_TEAM_LEN: usize = 5 + MAX_MEMBERS * (2 + MAX_NAME_LEN + share_code::MAX_CODE_LEN);
/// Longest format-1 team code (no names): the limit format-1 links always had.
const MAX_TEAM_1_LEN: usize = 5 + MAX_MEMBERS * (1 + share_code::MAX_CODE_LEN);

/// One member of a team: a result and the name the team gave it (empty when none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamMember {
    /// The member's name, cleaned like a label; empty when none was given.
    pub name: String,
    /// Their result.
    pub result: SharedResult,
}

impl TeamMember {
    /// A member with no name.
    pub fn unnamed(result: SharedResult) -> Self {
        TeamMember { name: String::new(), result }
    }
}

/// Encodes members with their names: format 1 when nobody has a name (readable by every
/// version), else format 2.
pub fn encode_members(members: &[TeamMember]) -> String {
    let members = &members[..members.len().min(MAX_MEMBERS)];
    let codes = members.iter().map(|m| share_code::encode(&m.result.answers, &m.result.label));
    if members.iter().all(|m| share_code::clean_label(&m.name).is_empty()) {
        return encode_team(&codes.collect::<Vec<_>>());
    }
    let body: String = members
        .iter()
        .zip(codes)
        .map(|(m, code)| format!("~{}.{code}", share_code::percent_encode_label(&share_code::clean_label(&m.name))))
        .collect();
    with_header(b'2', members.len(), &body)
}

/// The header (`T`, the format digit, the count and the check over the body) and the body.
fn with_header(format: u8, count: usize, body: &str) -> String {
    let header = [b'T', format, ALPHABET[count.min(63)]];
    let values: Vec<u8> = header.iter().map(|&c| char_value(c).unwrap_or(0)).collect();
    let check = share_code::check_value(&values, body.as_bytes());
    let mut text = String::from_utf8(header.to_vec()).unwrap_or_default();
    text.push_str(&String::from_utf8(share_code::encode_digits(u128::from(check), 2)).unwrap_or_default());
    text + body
}

/// Decodes a team code of any format into its members and their names. Never panics.
pub fn decode_members(input: &str) -> Result<Vec<TeamMember>, DecodeError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(DecodeError::Empty);
    }
    if input.len() > MAX_TEAM_LEN {
        return Err(DecodeError::TooLong);
    }
    let bytes = input.as_bytes();
    let named = match bytes {
        [b'T', b'1', ..] if input.len() > MAX_TEAM_1_LEN => return Err(DecodeError::TooLong),
        [b'T'] => return Err(DecodeError::Truncated),
        [b'T', b'1', ..] => false,
        [b'T', b'2', ..] => true,
        [b'T', b'3'..=b'9', ..] => return Err(DecodeError::NewerFormat),
        _ => return Err(DecodeError::Damaged),
    };
    if bytes.len() < 5 {
        return Err(DecodeError::Truncated);
    }
    let header: Option<Vec<u8>> = bytes[..5].iter().map(|&c| char_value(c)).collect();
    let header = header.ok_or(DecodeError::Damaged)?;
    let count = usize::from(header[2]);
    let members = &input[5..];
    let expected = u32::from(header[3]) * 64 + u32::from(header[4]);
    let code_of = |member: &str| {
        if named { member.split_once('.').map_or("", |(_, code)| code).to_owned() } else { member.to_owned() }
    };
    if share_code::check_value(&header[..3], members.as_bytes()) != expected {
        // A check mismatch on a list that holds fewer members than announced, or whose last
        // member is cut short, was cut off when copied; anything else was changed.
        let present = members.matches('~').count();
        let last = code_of(members.rsplit('~').next().unwrap_or_default());
        let cut_inside_last = last.is_empty() || share_code::decode(&last) == Err(DecodeError::Truncated);
        return Err(if present < count || cut_inside_last { DecodeError::Truncated } else { DecodeError::Damaged });
    }
    let Some(rest) = members.strip_prefix('~') else { return Err(DecodeError::Damaged) };
    let decoded: Result<Vec<TeamMember>, DecodeError> = rest
        .split('~')
        .map(|member| {
            if !named {
                return share_code::decode(member).map(TeamMember::unnamed);
            }
            let (name, code) = member.split_once('.').ok_or(DecodeError::Damaged)?;
            let name = share_code::percent_decode_label(name).ok_or(DecodeError::Damaged)?;
            let name = String::from_utf8(name).map_err(|_| DecodeError::Damaged)?;
            Ok(TeamMember { name: share_code::clean_label(&name), result: share_code::decode(code)? })
        })
        .collect();
    let decoded = decoded?;
    if decoded.len() != count || count == 0 || count > MAX_MEMBERS {
        return Err(DecodeError::Damaged);
    }
    Ok(decoded)
}

/// Encodes several share codes into one team code (format 1: no names).
pub fn encode_team(member_codes: &[String]) -> String {
    let members: String = member_codes.iter().take(MAX_MEMBERS).map(|code| format!("~{code}")).collect();
    with_header(b'1', member_codes.len().min(MAX_MEMBERS), &members)
}

/// Decodes a team code into its members' results (names, if any, dropped). Never panics.
pub fn decode_team(input: &str) -> Result<Vec<SharedResult>, DecodeError> {
    decode_members(input).map(|members| members.into_iter().map(|m| m.result).collect())
}

/// One line of a pasted list of links, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PastedEntry {
    /// A results link or bare code that decoded, with the name written beside it (if any).
    Member(TeamMember),
    /// A line that could not be read: its 1-based line number and why.
    Invalid { line: usize, error: DecodeError },
}

/// Reads a pasted list: one results link, code or team link per line (blank lines skipped),
/// each perhaps with a name beside it (see [`name_and_link`]).
pub fn read_pasted(text: &str) -> Vec<PastedEntry> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate().take(MAX_MEMBERS * 2) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (name, link) = name_and_link(line);
        match share_code::code_in_link(link) {
            share_code::LinkCode::Result(code) => {
                entries.push(match share_code::decode_as_sent(code, share_code::decode) {
                    Ok(result) => PastedEntry::Member(TeamMember { name, result }),
                    Err(error) => PastedEntry::Invalid { line: index + 1, error },
                })
            }
            share_code::LinkCode::Team(code) => match share_code::decode_as_sent(code, decode_members) {
                Ok(members) => entries.extend(members.into_iter().map(PastedEntry::Member)),
                Err(error) => entries.push(PastedEntry::Invalid { line: index + 1, error }),
            },
        }
    }
    entries
}

/// The name and the link on one pasted line: `Maya: <link>`, `Tom - <link>`, `Ana <link>`,
/// `[Maya](<link>)`, `Maya <maya@x.org>: <link>`, `"Maya Lin" <link>`, `- Maya: <link>`, or
/// a link alone (no name). The link is the word that holds `#r=`, `#t=` (or `%23…`) or is a
/// bare code; the name is what stands before it, without bullets, separators, quotes and
/// e-mail addresses, cleaned like a label (plain text, at most 60 characters).
pub fn name_and_link(line: &str) -> (String, &str) {
    let line = line.trim();
    let is_link = |w: &str| {
        let w = w.trim_start_matches(['<', '(', '[', '"', '\'']);
        let b = w.as_bytes();
        w.contains("#r=")
            || w.contains("#t=")
            || w.contains("%23r")
            || w.contains("%23t")
            || matches!(b, [b'1', c, ..] if c.is_ascii_alphabetic())
            || matches!(b, [b'T', b'1'..=b'9', ..])
    };
    // Markdown: [name](link).
    if let Some(rest) = line.trim_start_matches(['-', '*', '•', ' ']).strip_prefix('[')
        && let Some((text, after)) = rest.split_once("](")
        && is_link(after)
    {
        let link = after.strip_suffix(')').unwrap_or(after);
        return (clean_name(text), link);
    }
    let mut at = 0;
    for word in line.split(' ') {
        if is_link(word) {
            let name = &line[..at];
            let link = &line[at..at + word.len()];
            let link = link.trim_start_matches(['<', '(', '[', '"', '\'']).trim_end_matches(['>', ')', ']', '"', '\'']);
            return (clean_name(name), link);
        }
        at += word.len() + 1;
    }
    (String::new(), line)
}

/// A name as written before a link, tidied: list bullets, `From:`, e-mail addresses in `<…>`,
/// separators (`:` `-` `–` `—` `|` `=` `,`) and quotes around it removed, then cleaned like a
/// label. A "name" that is a URL is no name.
fn clean_name(raw: &str) -> String {
    let mut name = raw.trim();
    name = name.trim_start_matches(['-', '*', '•', '+', ' ']);
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(name.as_bytes().get(digits), Some(b'.' | b')')) {
        name = &name[digits + 1..];
    }
    name = name.trim().strip_prefix("From:").unwrap_or(name);
    let without_mail: String = match (name.find('<'), name.rfind('>')) {
        (Some(open), Some(close)) if open < close && name[open..close].contains('@') => {
            format!("{}{}", &name[..open], &name[close + 1..])
        }
        _ => name.to_owned(),
    };
    let trimmed = without_mail
        .trim()
        .trim_end_matches([':', '-', '–', '—', '|', '=', ',', ' '])
        .trim()
        .trim_matches(['"', '\'', '“', '”', '*'])
        .trim();
    if trimmed.contains("://") || trimmed.contains('@') {
        return String::new();
    }
    share_code::clean_label(trimmed)
}

/// The readable members of a pasted list, at most [`MAX_MEMBERS`].
pub fn members_of(entries: &[PastedEntry]) -> Vec<TeamMember> {
    entries
        .iter()
        .filter_map(|entry| match entry {
            PastedEntry::Member(member) => Some(member.clone()),
            PastedEntry::Invalid { .. } => None,
        })
        .take(MAX_MEMBERS)
        .collect()
}

/// The lines that would paste these members back: `Name: <code>` (the name escaped of nothing:
/// it is plain text in a text field), or the code alone.
pub fn pasted_lines(members: &[TeamMember]) -> String {
    members
        .iter()
        .map(|m| {
            let code = share_code::encode(&m.result.answers, &m.result.label);
            if m.name.is_empty() { code } else { format!("{}: {code}", m.name) }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One member's view of one dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberScore {
    /// Index of the member in the team.
    pub member: usize,
    /// 0–100 or `None` when the member left the dimension incomplete.
    pub score: Option<u8>,
    /// The member's band.
    pub band: Option<Band>,
    /// The member answered "I don't know" in this dimension: their score (which counts it as 0)
    /// is not their view, so it is left out of the average, spread and outliers.
    pub dont_know: bool,
}

/// The team's picture of one dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamDimension {
    /// Dimension display name.
    pub name: &'static str,
    /// Every member's score and band.
    pub members: Vec<MemberScore>,
    /// Mean of the scores of complete members who know (no "I don't know" in the dimension).
    pub average: Option<u8>,
    /// Highest minus lowest of those scores.
    pub spread: Option<u8>,
    /// Members who answered "I don't know" in the dimension ("2 of 5 don't know").
    pub dont_know: usize,
    /// The team's middle view: the median of the complete members' bands (the lower one of
    /// the two middle bands when the count is even, so a split team is never called a yes).
    pub consensus: Option<Band>,
    /// Members who stand out: among those who know, a band different from the middle view and
    /// a score [`STANDS_OUT`] or more points from the average.
    pub outliers: Vec<usize>,
}

/// A member whose band differs from the middle view stands out when their score is this many
/// points or more from the average.
pub const STANDS_OUT: u8 = 25;

/// A spread of this many points or more is a disagreement worth naming.
pub const DISAGREEMENT_SPREAD: u8 = 30;

/// The team view: per dimension average, spread and outliers, and the consensus verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamSummary {
    /// One entry per dimension of the first member's question set.
    pub dimensions: Vec<TeamDimension>,
    /// True when every dimension's consensus band is yes.
    pub ready: bool,
    /// Dimensions whose consensus is not yes, in asking order.
    pub blocking: Vec<usize>,
    /// Dimensions where the team disagrees (spread of [`DISAGREEMENT_SPREAD`] or more).
    pub disagreements: Vec<usize>,
}

/// The lower median of the members' bands, ignoring members who left the dimension
/// incomplete. A band, not a score: from set 2 on, a yes depends on the answers, not on an
/// average, so the team's view is read from its members' bands, whatever their sets.
fn median_band(members: &[MemberScore]) -> Option<Band> {
    let bands: Vec<Band> = members.iter().filter_map(|m| m.band).collect();
    let middle = bands.len().checked_sub(1)? / 2;
    // Counting instead of sorting: three bands, and no sort code in the wasm.
    let mut seen = 0;
    [Band::No, Band::Partly, Band::Yes].into_iter().find(|&band| {
        seen += bands.iter().filter(|&&b| b == band).count();
        seen > middle
    })
}

/// Summarises several members' results. Members answered possibly different question sets;
/// dimensions are matched by id, so a dimension missing from a member's set counts as
/// incomplete for that member.
pub fn summarise(members: &[SharedResult]) -> Option<TeamSummary> {
    let first = members.first()?;
    let reports: Vec<Report> = members.iter().map(|m| Report::new(&m.answers)).collect();
    let dimensions: Vec<TeamDimension> = first
        .answers
        .set()
        .dimensions
        .iter()
        .map(|dimension| {
            let scores: Vec<MemberScore> = reports
                .iter()
                .zip(members)
                .enumerate()
                .map(|(member, (report, shared))| {
                    let result = report.dimensions.iter().find(|d| d.dimension.id == dimension.id);
                    let dont_know = result.is_some_and(|r| {
                        let start = shared.answers.set().first_position(
                            shared.answers.set().dimensions.iter().position(|d| d.id == dimension.id).unwrap_or(0),
                        );
                        (start..start + r.total).any(|p| shared.answers.get(p) == Some(Answer::DontKnow))
                    });
                    MemberScore {
                        member,
                        score: result.and_then(|r| r.score),
                        band: result.and_then(|r| r.band),
                        dont_know,
                    }
                })
                .collect();
            let known: Vec<u32> =
                scores.iter().filter(|s| !s.dont_know).filter_map(|s| s.score.map(u32::from)).collect();
            let average = (!known.is_empty()).then(|| {
                let n = known.len() as u32;
                ((known.iter().sum::<u32>() + n / 2) / n) as u8
            });
            let spread = match (known.iter().max(), known.iter().min()) {
                (Some(max), Some(min)) => Some((max - min) as u8),
                _ => None,
            };
            let consensus = median_band(&scores);
            let outliers = match (average, consensus) {
                (Some(avg), Some(band)) if known.len() >= 3 => scores
                    .iter()
                    .filter(|s| !s.dont_know)
                    .filter(|s| {
                        s.band.is_some_and(|b| b != band) && s.score.is_some_and(|v| v.abs_diff(avg) >= STANDS_OUT)
                    })
                    .map(|s| s.member)
                    .collect(),
                _ => Vec::new(),
            };
            let dont_know = scores.iter().filter(|s| s.dont_know).count();
            TeamDimension { name: dimension.name, members: scores, average, spread, dont_know, consensus, outliers }
        })
        .collect();
    let blocking: Vec<usize> = (0..dimensions.len()).filter(|&i| dimensions[i].consensus != Some(Band::Yes)).collect();
    let disagreements =
        (0..dimensions.len()).filter(|&i| dimensions[i].spread.is_some_and(|s| s >= DISAGREEMENT_SPREAD)).collect();
    Some(TeamSummary { ready: blocking.is_empty(), dimensions, blocking, disagreements })
}

/// Display names of the members, all different: the name given beside the link, else the
/// pilot label, when it tells its member apart; "Person N" without one, and "Person N (name)"
/// when several people share one name or a name reads like another member's generated name.
/// Names are compared folded ([`fold_name`]): two that would look alike are not unique.
pub fn member_names(members: &[TeamMember]) -> Vec<String> {
    let given = |i: usize| {
        let m = &members[i];
        if m.name.is_empty() { m.result.label.as_str() } else { m.name.as_str() }
    };
    let generated = |i: usize| {
        let name = given(i);
        if name.is_empty() { format!("Person {}", i + 1) } else { format!("Person {} ({name})", i + 1) }
    };
    let folded: Vec<String> = (0..members.len()).map(|i| fold_name(given(i))).collect();
    let unique = |i: usize| !given(i).is_empty() && folded.iter().filter(|f| **f == folded[i]).count() == 1;
    let candidates: Vec<String> =
        (0..members.len()).map(|i| if unique(i) { given(i).to_owned() } else { generated(i) }).collect();
    // Generated names differ from each other (each holds its own number) and kept names are
    // unique, so only a name that folds like a generated one can collide: it gives way.
    let candidate_folds: Vec<String> = candidates.iter().map(|c| fold_name(c)).collect();
    (0..members.len())
        .map(|i| {
            let collides = unique(i) && (0..members.len()).any(|j| j != i && candidate_folds[j] == candidate_folds[i]);
            if collides { generated(i) } else { candidates[i].clone() }
        })
        .collect()
}

/// A name as it looks on screen, for comparing two names: the label cleaning's fold of
/// look-alike characters (`share_code::fold_for_comparison`, its one home).
pub fn fold_name(name: &str) -> String {
    share_code::fold_for_comparison(name)
}

/// The member who is the visitor: the first whose result is exactly the visitor's own answers
/// and label (a visitor with no answers is nobody here).
pub fn own_member(members: &[TeamMember], own: &SharedResult) -> Option<usize> {
    if own.answers.answered_count() == 0 {
        return None;
    }
    members.iter().position(|m| m.result == *own)
}

/// What the team table's footnote says, in plain words.
pub fn footnote(count: usize) -> String {
    format!(
        "{count} {}. Average and spread: over the scores of those who know; \"I don't know\" is left out and counted apart, never scored as 0. \
         Middle view: the team's middle band (of two middle bands, the lower). \
         Stands out: a band other than the middle view and a score {STANDS_OUT} or more points from the average.",
        if count == 1 { "person" } else { "people" }
    )
}

/// The team verdict in a sentence, from each dimension's middle view.
pub fn verdict_sentence(summary: &TeamSummary) -> String {
    if summary.ready {
        return "Read as a team (each dimension's middle answer), the pilot is ready to scale.".to_owned();
    }
    let names_where = |finished: bool| -> Vec<&str> {
        summary
            .blocking
            .iter()
            .filter_map(|&i| summary.dimensions.get(i))
            .filter(|d| d.consensus.is_some() == finished)
            .map(|d| d.name)
            .collect()
    };
    let (failing, unfinished) = (names_where(true), names_where(false));
    let verb = |n: usize| if n == 1 { "is" } else { "are" };
    let mut parts = Vec::new();
    if !failing.is_empty() {
        parts.push(format!("{} {} not a yes", super::scoring::join_words(&failing), verb(failing.len())));
    }
    if !unfinished.is_empty() {
        parts.push(format!("nobody finished {}", super::scoring::join_words(&unfinished)));
    }
    format!("Read as a team (each dimension's middle answer), the pilot is not ready: {}.", parts.join("; "))
}

/// What stands out in a team, one sentence each: members apart from the rest, and
/// dimensions the team disagrees on. Names are isolated for right-to-left labels.
pub fn findings(summary: &TeamSummary, names: &[String]) -> Vec<String> {
    let mut lines = Vec::new();
    for d in &summary.dimensions {
        if d.outliers.is_empty() {
            continue;
        }
        let who: Vec<String> =
            d.outliers.iter().filter_map(|&i| names.get(i)).map(|n| super::compare::isolate(n)).collect();
        let who: Vec<&str> = who.iter().map(String::as_str).collect();
        let verb = if who.len() == 1 { "stands apart" } else { "stand apart" };
        lines.push(format!("{}: {} {verb} from the rest of the team.", d.name, super::scoring::join_words(&who)));
    }
    for &i in &summary.disagreements {
        if let Some(d) = summary.dimensions.get(i) {
            lines.push(format!(
                "{}: scores spread over {} points. The disagreement is a finding in itself: talk it through before scaling.",
                d.name,
                d.spread.unwrap_or(0)
            ));
        }
    }
    lines
}
