//! Readers' results, comments: where one commenter's text ends and the next one's begins, read
//! from the shape a copied thread has (Substack, LinkedIn, Disqus, an e-mail digest), else
//! from blank lines, else one comment per line.
//!
//! Counting people needs comments: a reader who posts one result is one reader, two commenters
//! who post the same answers are two. Each shape is recognised by its comment headers, lines
//! no comment body writes on its own:
//! - Substack: `Name · 3h` (or `· 2d`, `· 45m`, `· Jan 5`), replies indented;
//! - LinkedIn: a connection-degree line `• 1st` / `• 2nd` / `• 3rd+` / `• Author` under the
//!   name, or `Name • 2nd` on one line;
//! - Disqus: `Name • 3 hours ago`, or `• 3 hours ago` under the name;
//! - an e-mail digest: a `From: Name <address>` line that is not quoted.
//!
//! The shape with the most headers wins (a single header is enough: one copied comment is a
//! thread of one). Text before the first header is a comment of its own, with no author.

/// How a pasted text was split into comments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Shape {
    /// A Substack comment thread copied from the page.
    Substack,
    /// LinkedIn comments copied from a post.
    LinkedIn,
    /// A Disqus thread.
    Disqus,
    /// An e-mail digest or a mail thread: one comment per `From:` header.
    Email,
    /// No headers: blocks separated by blank lines.
    #[default]
    Paragraphs,
    /// No headers and no blank lines: one comment per line (a column of links).
    Lines,
}

impl Shape {
    /// What the author is told about how comments were told apart.
    pub fn words(self) -> &'static str {
        match self {
            Shape::Substack => "a Substack thread",
            Shape::LinkedIn => "LinkedIn comments",
            Shape::Disqus => "a Disqus thread",
            Shape::Email => "an e-mail digest",
            Shape::Paragraphs => "paragraphs (one comment per block of lines)",
            Shape::Lines => "lines (one comment per line)",
        }
    }

    /// A stable short name, for data attributes and tests.
    pub fn key(self) -> &'static str {
        match self {
            Shape::Substack => "substack",
            Shape::LinkedIn => "linkedin",
            Shape::Disqus => "disqus",
            Shape::Email => "email",
            Shape::Paragraphs => "paragraphs",
            Shape::Lines => "lines",
        }
    }
}

/// One comment: a byte range of the text and, when the shape names them, its author.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Comment {
    /// First byte of the comment (its header line, if any).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The commenter's name as the header gives it.
    pub author: Option<String>,
}

/// Longest name a header line may hold before it is read as a sentence instead.
const MAX_NAME: usize = 60;

/// A relative or short date as comment systems print it: `3h`, `45m`, `2d`, `1w`, `3mo`,
/// `1y`, `3 hours ago`, `a day ago`, `Edited`, `Jan 5`, `Dec 3, 2025`.
fn is_time(text: &str) -> bool {
    let t = text.trim().trim_end_matches(" ago").trim_end_matches(" (edited)").trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let unit = t[digits..].trim_start();
        const UNITS: [&str; 20] = [
            "s", "m", "h", "d", "w", "mo", "y", "min", "mins", "hr", "hrs", "sec", "secs", "minute", "minutes", "hour",
            "hours", "day", "days", "week",
        ];
        const MORE: [&str; 5] = ["weeks", "month", "months", "year", "years"];
        return UNITS.contains(&unit) || MORE.contains(&unit);
    }
    if let Some(unit) = t.strip_prefix("a ").or_else(|| t.strip_prefix("an ")) {
        return ["minute", "hour", "day", "week", "month", "year"].contains(&unit);
    }
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut words = t.split([' ', ',']).filter(|w| !w.is_empty());
    let month = words.next().is_some_and(|w| MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 9);
    let day = words.next().is_some_and(|w| w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()));
    let year = words.next().is_none_or(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    month && day && year && words.next().is_none()
}

/// A line that can be a commenter's name: short, no link, no sentence punctuation at the end.
fn is_name(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= MAX_NAME
        && !t.contains("://")
        && !t.contains('#')
        && !t.starts_with('>')
        && !t.ends_with([':', '.', '!', '?', ','])
        && t.chars().next().is_some_and(|c| c.is_alphabetic())
}

/// LinkedIn's connection degree or badge after a `•`.
fn is_degree(text: &str) -> bool {
    let t = text.trim();
    ["1st", "2nd", "3rd", "3rd+", "Author", "Following", "Premium", "Creator"].iter().any(|d| t.starts_with(d))
}

/// A header line's kind and the author it names (from this line, or `previous` when the header
/// is the line under the name).
fn header(line: &str, previous: Option<&str>) -> Option<(Shape, Option<String>)> {
    let t = line.trim();
    if t.starts_with('>') {
        return None;
    }
    let name_of = |s: &str| is_name(s).then(|| s.trim().to_owned());
    if let Some(rest) = t.strip_prefix("From:") {
        let rest = rest.trim();
        let name = rest.split('<').next().unwrap_or(rest).trim().trim_matches('"').trim();
        let name = if name.is_empty() { rest.trim_matches(['<', '>']) } else { name };
        return (!name.is_empty()).then(|| (Shape::Email, Some(name.to_owned())));
    }
    if let Some((before, after)) = t.split_once('•') {
        let before = before.trim();
        let previous_name = || previous.and_then(name_of);
        if is_degree(after) {
            let author = if before.is_empty() { previous_name() } else { name_of(before) };
            return author.is_some().then_some((Shape::LinkedIn, author));
        }
        if after.trim().ends_with("ago") && is_time(after) {
            let author = if before.is_empty() { previous_name() } else { name_of(before) };
            return author.is_some().then_some((Shape::Disqus, author));
        }
    }
    // "Priya N. · 2h": the time after the dot is sign enough, so the name may end with a dot.
    if let Some((before, after)) = t.rsplit_once(" · ")
        && is_time(after)
        && is_name(before.trim_end_matches('.'))
    {
        return Some((Shape::Substack, Some(before.trim().to_owned())));
    }
    None
}

/// Splits a text into comments. Linear in the text.
pub fn split(text: &str) -> (Shape, Vec<Comment>) {
    // Each line's start, and the header it is, if any. A header on the line under the name
    // (LinkedIn, Disqus) starts its comment at the name's line.
    let mut headers: Vec<(usize, Shape, Option<String>)> = Vec::new();
    let mut previous: Option<(usize, &str)> = None;
    let mut start = 0;
    for line in text.split('\n') {
        if let Some((shape, author)) = header(line, previous.map(|(_, l)| l)) {
            let under_name = line.trim().starts_with('•');
            let at = match previous {
                Some((p, _)) if under_name => p,
                _ => start,
            };
            headers.push((at, shape, author));
        }
        if !line.trim().is_empty() {
            previous = Some((start, line));
        }
        start += line.len() + 1;
    }
    let count = |shape: Shape| headers.iter().filter(|h| h.1 == shape).count();
    let best = [Shape::LinkedIn, Shape::Disqus, Shape::Substack, Shape::Email]
        .into_iter()
        .map(|s| (count(s), s))
        .fold((0, Shape::Paragraphs), |best, next| if next.0 > best.0 { next } else { best });
    if best.0 > 0 {
        let shape = best.1;
        let mut comments = Vec::new();
        let starts: Vec<(usize, Option<String>)> =
            headers.into_iter().filter(|h| h.1 == shape).map(|(at, _, author)| (at, author)).collect();
        if starts.first().is_some_and(|(at, _)| !text[..*at].trim().is_empty()) {
            comments.push(Comment { start: 0, end: starts[0].0, author: None });
        }
        for (i, (at, author)) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(text.len(), |(next, _)| *next);
            comments.push(Comment { start: *at, end, author: author.clone() });
        }
        return (shape, comments);
    }
    // No headers: blocks between blank lines; one block only, then lines.
    let blocks = blocks(text, false);
    if blocks.len() > 1 {
        return (Shape::Paragraphs, blocks);
    }
    (Shape::Lines, self::blocks(text, true))
}

/// The runs of non-blank lines between blank lines, or (with `each_line`) every non-blank
/// line on its own.
fn blocks(text: &str, each_line: bool) -> Vec<Comment> {
    let mut out: Vec<Comment> = Vec::new();
    let (mut open, mut last_end, mut start) = (None::<usize>, 0, 0);
    for line in text.split('\n') {
        let end = start + line.len();
        if line.trim().is_empty() {
            if let Some(s) = open.take() {
                out.push(Comment { start: s, end: last_end, author: None });
            }
        } else if each_line {
            out.push(Comment { start, end, author: None });
        } else {
            open.get_or_insert(start);
            last_end = end;
        }
        start = end + 1;
    }
    if let Some(s) = open {
        out.push(Comment { start: s, end: last_end, author: None });
    }
    out
}

/// The comment holding byte `at` (comments are sorted and cover the text; a byte before the
/// first comment belongs to it).
pub fn comment_at(comments: &[Comment], at: usize) -> usize {
    comments.partition_point(|c| c.start <= at).saturating_sub(1)
}
