//! Team codes and the team view: several results in one link, and where they disagree.
//!
//! A team code is `T1` + member count (one alphabet character) + a two-character check over
//! everything after it, then each member's share code preceded by `~`. Every member code
//! keeps its own check and question set, so a team can mix old and new sets, and the outer
//! check catches a dropped, added or reordered member.

use super::scoring::{Band, Report};
use super::share_code::{self, ALPHABET, DecodeError, SharedResult, char_value};

/// Most members a team code carries.
pub const MAX_MEMBERS: usize = 50;
/// Longest team code: the header, then up to [`MAX_MEMBERS`] members of `~` plus a share code
/// each. Every code `encode_team` can write must fit, however long its members' labels.
const MAX_TEAM_LEN: usize = 5 + MAX_MEMBERS * (1 + share_code::MAX_CODE_LEN);

/// Encodes several share codes into one team code.
pub fn encode_team(member_codes: &[String]) -> String {
    let members: String = member_codes.iter().take(MAX_MEMBERS).map(|code| format!("~{code}")).collect();
    let count = member_codes.len().min(MAX_MEMBERS);
    let header = [b'T', b'1', ALPHABET[count]];
    let values: Vec<u8> = header.iter().map(|&c| char_value(c).unwrap_or(0)).collect();
    let check = share_code::check_value(&values, members.as_bytes());
    let mut text = String::from_utf8(header.to_vec()).unwrap_or_default();
    text.push_str(&String::from_utf8(share_code::encode_digits(u128::from(check), 2)).unwrap_or_default());
    text + &members
}

/// Decodes a team code into its members. Never panics, whatever the input.
pub fn decode_team(input: &str) -> Result<Vec<SharedResult>, DecodeError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(DecodeError::Empty);
    }
    if input.len() > MAX_TEAM_LEN {
        return Err(DecodeError::TooLong);
    }
    let bytes = input.as_bytes();
    match bytes {
        [b'T'] => return Err(DecodeError::Truncated),
        [b'T', b'1', ..] => {}
        [b'T', b'2'..=b'9', ..] => return Err(DecodeError::NewerFormat),
        _ => return Err(DecodeError::Damaged),
    }
    if bytes.len() < 5 {
        return Err(DecodeError::Truncated);
    }
    let header: Option<Vec<u8>> = bytes[..5].iter().map(|&c| char_value(c)).collect();
    let header = header.ok_or(DecodeError::Damaged)?;
    let count = usize::from(header[2]);
    let members = &input[5..];
    let expected = u32::from(header[3]) * 64 + u32::from(header[4]);
    if share_code::check_value(&header[..3], members.as_bytes()) != expected {
        // A check mismatch on a list that holds fewer members than announced, or whose last
        // member is cut short, was cut off when copied; anything else was changed.
        let present = members.matches('~').count();
        let last = members.rsplit('~').next().unwrap_or_default();
        let cut_inside_last = last.is_empty() || share_code::decode(last) == Err(DecodeError::Truncated);
        return Err(if present < count || cut_inside_last { DecodeError::Truncated } else { DecodeError::Damaged });
    }
    let Some(rest) = members.strip_prefix('~') else { return Err(DecodeError::Damaged) };
    let decoded: Result<Vec<SharedResult>, DecodeError> = rest.split('~').map(share_code::decode).collect();
    let decoded = decoded?;
    if decoded.len() != count || count == 0 || count > MAX_MEMBERS {
        return Err(DecodeError::Damaged);
    }
    Ok(decoded)
}

/// One line of a pasted list of links, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PastedEntry {
    /// A results link or bare code that decoded.
    Result(SharedResult),
    /// A line that could not be read: its 1-based line number and why.
    Invalid { line: usize, error: DecodeError },
}

/// Reads a pasted list: one results link, code or team link per line (blank lines skipped).
pub fn read_pasted(text: &str) -> Vec<PastedEntry> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate().take(MAX_MEMBERS * 2) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match share_code::code_in_link(line) {
            share_code::LinkCode::Result(code) => {
                entries.push(match share_code::decode_as_sent(code, share_code::decode) {
                    Ok(result) => PastedEntry::Result(result),
                    Err(error) => PastedEntry::Invalid { line: index + 1, error },
                })
            }
            share_code::LinkCode::Team(code) => match share_code::decode_as_sent(code, decode_team) {
                Ok(members) => entries.extend(members.into_iter().map(PastedEntry::Result)),
                Err(error) => entries.push(PastedEntry::Invalid { line: index + 1, error }),
            },
        }
    }
    entries
}

/// The readable results of a pasted list, at most [`MAX_MEMBERS`].
pub fn members_of(entries: &[PastedEntry]) -> Vec<SharedResult> {
    entries
        .iter()
        .filter_map(|entry| match entry {
            PastedEntry::Result(result) => Some(result.clone()),
            PastedEntry::Invalid { .. } => None,
        })
        .take(MAX_MEMBERS)
        .collect()
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
}

/// The team's picture of one dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamDimension {
    /// Dimension display name.
    pub name: &'static str,
    /// Every member's score and band.
    pub members: Vec<MemberScore>,
    /// Mean of the complete members' scores.
    pub average: Option<u8>,
    /// Highest minus lowest score.
    pub spread: Option<u8>,
    /// The team's middle view: the median of the complete members' bands (the lower one of
    /// the two middle bands when the count is even, so a split team is never called a yes).
    pub consensus: Option<Band>,
    /// Members who stand out: a band different from the consensus and 25+ points off the mean.
    pub outliers: Vec<usize>,
}

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
                .enumerate()
                .map(|(member, report)| {
                    let result = report.dimensions.iter().find(|d| d.dimension.id == dimension.id);
                    MemberScore { member, score: result.and_then(|r| r.score), band: result.and_then(|r| r.band) }
                })
                .collect();
            let known: Vec<u32> = scores.iter().filter_map(|s| s.score.map(u32::from)).collect();
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
                    .filter(|s| s.band.is_some_and(|b| b != band) && s.score.is_some_and(|v| v.abs_diff(avg) >= 25))
                    .map(|s| s.member)
                    .collect(),
                _ => Vec::new(),
            };
            TeamDimension { name: dimension.name, members: scores, average, spread, consensus, outliers }
        })
        .collect();
    let blocking: Vec<usize> = (0..dimensions.len()).filter(|&i| dimensions[i].consensus != Some(Band::Yes)).collect();
    let disagreements =
        (0..dimensions.len()).filter(|&i| dimensions[i].spread.is_some_and(|s| s >= DISAGREEMENT_SPREAD)).collect();
    Some(TeamSummary { ready: blocking.is_empty(), dimensions, blocking, disagreements })
}

/// Display names of the members, all different: a label when it tells its member apart,
/// "Person N" without one, and "Person N (label)" when several people used one label or a
/// label reads like another member's generated name.
pub fn member_names(members: &[SharedResult]) -> Vec<String> {
    let generated = |i: usize| {
        let label = &members[i].label;
        if label.is_empty() { format!("Person {}", i + 1) } else { format!("Person {} ({label})", i + 1) }
    };
    let unique_label = |i: usize| {
        let label = &members[i].label;
        // Compared folded: two labels that would look alike on screen are not unique.
        let folded = share_code::fold_for_comparison(label);
        !label.is_empty() && members.iter().filter(|m| share_code::fold_for_comparison(&m.label) == folded).count() == 1
    };
    let candidates: Vec<String> =
        (0..members.len()).map(|i| if unique_label(i) { members[i].label.clone() } else { generated(i) }).collect();
    // Generated names differ from each other (each holds its own number) and kept labels are
    // unique, so only a label equal to a generated name can collide: it gives way.
    (0..members.len())
        .map(|i| {
            let folded = share_code::fold_for_comparison(&candidates[i]);
            let collides = unique_label(i)
                && candidates.iter().enumerate().any(|(j, c)| j != i && share_code::fold_for_comparison(c) == folded);
            if collides { generated(i) } else { candidates[i].clone() }
        })
        .collect()
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
