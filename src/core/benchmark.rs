//! The readers' benchmark: what the readers who shared their results found, in one short
//! parameter an author adds to the check's address (`?bench=B1…`), so that every reader's
//! results can say where they stand among them. Nothing is sent anywhere: the numbers travel
//! in the address the author publishes.
//!
//! Format 1: `B1`, then a payload of 6-bit characters (the share code's alphabet), then a
//! two-character check (the share code's formula, over the payload's values). The payload is
//! these numbers, most significant bit first, packed without gaps:
//!
//! ```text
//! readers who shared   18 bits   (1 … 262,143)
//! ready to scale       18 bits   (≤ readers)
//! per dimension, in the order ownership, data, buy-in, metrics:
//!   yes %, partly %, no %          7 bits each (whole percent of the readers; the rest did
//!                                  not finish the dimension)
//!   score quartiles q1, median, q3 7 bits each (0–100, q1 ≤ median ≤ q3; 127 when nobody
//!                                  finished it)
//! ```
//!
//! 204 bits: 34 characters, 38 with the header and the check. A newer format is `B2`…`B9`;
//! anything that does not read is ignored by readers' results screens and explained to the
//! author.

use super::answers::Answers;
use super::readers::percent;
use super::scoring::{Band, Report, Verdict};
use super::share_code::{ALPHABET, DecodeError, SharedResult, char_value, check_value};

/// The dimensions a format-1 benchmark carries, in order (ids shared by every question set).
pub const DIMENSIONS: [&str; 4] = ["ownership", "data", "buy_in", "metrics"];
/// Most readers a benchmark counts.
pub const MAX_READERS: u32 = (1 << 18) - 1;
const PAYLOAD_BITS: usize = 18 + 18 + DIMENSIONS.len() * 6 * 7;
const PAYLOAD_CHARS: usize = PAYLOAD_BITS.div_ceil(6);
/// Length of a format-1 benchmark: `B1`, the payload, the check.
pub const LEN: usize = 2 + PAYLOAD_CHARS + 2;
/// A quartile no reader finished.
const NO_SCORE: u8 = 127;

/// One dimension among the readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DimensionBench {
    /// Whole percent of the readers whose band is yes, partly, no.
    pub yes: u8,
    /// See `yes`.
    pub partly: u8,
    /// See `yes`.
    pub no: u8,
    /// Lower quartile, median and upper quartile of the finished scores (`None` when nobody
    /// finished the dimension).
    pub quartiles: Option<[u8; 3]>,
}

/// What a benchmark says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Benchmark {
    /// Readers who shared.
    pub readers: u32,
    /// Of them, ready to scale.
    pub ready: u32,
    /// Per dimension, in [`DIMENSIONS`] order.
    pub dimensions: [DimensionBench; 4],
}

/// The lower quartile, median and upper quartile of sorted scores (the value at rank
/// `(n − 1)·k/4`, rounded down, for k = 1, 2, 3).
fn quartiles(sorted: &[u8]) -> Option<[u8; 3]> {
    let last = sorted.len().checked_sub(1)?;
    Some([sorted[last / 4], sorted[last / 2], sorted[last * 3 / 4]])
}

impl Benchmark {
    /// The benchmark of these readers' results (`None` for none).
    pub fn of(results: &[SharedResult]) -> Option<Benchmark> {
        let n = results.len().min(MAX_READERS as usize);
        if n == 0 {
            return None;
        }
        let results = &results[..n];
        let mut ready = 0;
        let mut counts = [[0usize; 3]; 4];
        let mut scores: [Vec<u8>; 4] = Default::default();
        for result in results {
            let report = Report::new(&result.answers);
            if report.verdict == Verdict::Ready {
                ready += 1;
            }
            for d in &report.dimensions {
                let Some(i) = DIMENSIONS.iter().position(|&id| id == d.dimension.id) else { continue };
                match d.band {
                    Some(Band::Yes) => counts[i][0] += 1,
                    Some(Band::Partly) => counts[i][1] += 1,
                    Some(Band::No) => counts[i][2] += 1,
                    None => {}
                }
                if let Some(score) = d.score {
                    scores[i].push(score);
                }
            }
        }
        let dimensions = std::array::from_fn(|i| {
            scores[i].sort_unstable();
            DimensionBench {
                yes: percent(counts[i][0], n),
                partly: percent(counts[i][1], n),
                no: percent(counts[i][2], n),
                quartiles: quartiles(&scores[i]),
            }
        });
        Some(Benchmark { readers: n as u32, ready: ready as u32, dimensions })
    }

    /// The parameter's value: `B1` + payload + check.
    pub fn encode(&self) -> String {
        let mut bits = Bits::default();
        bits.push(u32::min(self.readers, MAX_READERS), 18);
        bits.push(u32::min(self.ready, self.readers), 18);
        for d in &self.dimensions {
            for v in [d.yes, d.partly, d.no] {
                bits.push(u32::from(v.min(100)), 7);
            }
            for q in d.quartiles.unwrap_or([NO_SCORE; 3]) {
                bits.push(u32::from(q), 7);
            }
        }
        let values = bits.values();
        let check = check_value(&values, &[]);
        let mut text = String::from("B1");
        text.extend(values.iter().map(|&v| char::from(ALPHABET[usize::from(v)])));
        text.push(char::from(ALPHABET[(check / 64) as usize]));
        text.push(char::from(ALPHABET[(check % 64) as usize]));
        text
    }

    /// Reads a benchmark parameter. Never panics; a value that does not check out is an error,
    /// never a guess.
    pub fn decode(input: &str) -> Result<Benchmark, DecodeError> {
        let input = input.trim();
        let b = input.as_bytes();
        match b {
            [] => return Err(DecodeError::Empty),
            [b'B'] | [b'B', b'1'] => return Err(DecodeError::Truncated),
            [b'B', b'1', ..] => {}
            [b'B', b'2'..=b'9', ..] => return Err(DecodeError::NewerFormat),
            _ => return Err(DecodeError::Damaged),
        }
        if b.len() < LEN {
            return Err(DecodeError::Truncated);
        }
        if b.len() > LEN {
            return Err(DecodeError::TooLong);
        }
        let values: Option<Vec<u8>> = b[2..].iter().map(|&c| char_value(c)).collect();
        let values = values.ok_or(DecodeError::Damaged)?;
        let (payload, check) = values.split_at(PAYLOAD_CHARS);
        if check_value(payload, &[]) != u32::from(check[0]) * 64 + u32::from(check[1]) {
            return Err(DecodeError::Damaged);
        }
        let mut bits = Reader { values: payload, at: 0 };
        let readers = bits.take(18);
        let ready = bits.take(18);
        if readers == 0 || ready > readers {
            return Err(DecodeError::Damaged);
        }
        let mut dimensions = [DimensionBench { yes: 0, partly: 0, no: 0, quartiles: None }; 4];
        for d in &mut dimensions {
            let [yes, partly, no, q1, q2, q3] = std::array::from_fn(|_| bits.take(7) as u8);
            if yes > 100 || partly > 100 || no > 100 || u16::from(yes) + u16::from(partly) + u16::from(no) > 102 {
                return Err(DecodeError::Damaged);
            }
            let quartiles = match [q1, q2, q3] {
                [NO_SCORE, NO_SCORE, NO_SCORE] => None,
                q if q1 <= q2 && q2 <= q3 && q3 <= 100 => Some(q),
                _ => return Err(DecodeError::Damaged),
            };
            *d = DimensionBench { yes, partly, no, quartiles };
        }
        // The padding bits are zero in every benchmark written.
        if bits.take(PAYLOAD_CHARS * 6 - PAYLOAD_BITS) != 0 {
            return Err(DecodeError::Damaged);
        }
        Ok(Benchmark { readers, ready, dimensions })
    }

    /// Where a reader stands among the benchmark's readers, one sentence per finished
    /// dimension: "Data: a yes — 23% of 140 readers who shared say the same." followed by the
    /// readers' middle score. Dimensions the reader has not finished are left out.
    pub fn place(&self, answers: &Answers) -> Vec<String> {
        let report = Report::new(answers);
        let n = self.readers;
        let readers = if n == 1 { "reader" } else { "readers" };
        let mut lines = Vec::new();
        for d in &report.dimensions {
            let Some(i) = DIMENSIONS.iter().position(|&id| id == d.dimension.id) else { continue };
            let Some(band) = d.band else { continue };
            let bench = &self.dimensions[i];
            let (article, share) = match band {
                Band::Yes => ("a yes", bench.yes),
                Band::Partly => ("a partly", bench.partly),
                Band::No => ("a no", bench.no),
            };
            let mut line =
                format!("{}: {article} — {share}% of {n} {readers} who shared say the same.", d.dimension.name);
            if let (Some([q1, median, q3]), Some(score)) = (bench.quartiles, d.score) {
                let where_ = if score > q3 {
                    "above most of theirs"
                } else if score < q1 {
                    "below most of theirs"
                } else {
                    "among the middle half of theirs"
                };
                line += &format!(" Your score {score} is {where_} (their middle score: {median}).");
            }
            lines.push(line);
        }
        lines
    }

    /// The benchmark's own headline: "Among 140 readers who shared their results, 12% are
    /// ready to scale."
    pub fn headline(&self) -> String {
        let n = self.readers;
        let share = percent(self.ready as usize, n as usize);
        let verb = if self.ready == 1 { "is" } else { "are" };
        if n == 1 {
            return format!(
                "1 reader shared their results; {} ready to scale.",
                if self.ready == 1 { "they are" } else { "they are not" }
            );
        }
        format!("Among {n} readers who shared their results, {} ({share}%) {verb} ready to scale.", self.ready)
    }
}

/// What the author is told about a benchmark parameter that does not read (readers never see
/// it: for them it is ignored).
pub fn explain(error: DecodeError) -> &'static str {
    match error {
        DecodeError::Empty => "The bench= parameter is empty: copy the benchmark from readers' results again.",
        DecodeError::Truncated => "The benchmark is cut off: copy it again, whole.",
        DecodeError::TooLong => "The benchmark has something added to it: copy it again.",
        DecodeError::Damaged => "The benchmark was changed or damaged: copy it again from readers' results.",
        DecodeError::NewerFormat | DecodeError::UnknownQuestionSet => {
            "The benchmark was made by a newer version of the check: readers of this version will not see it."
        }
    }
}

/// The check's address (or an embed address) with the benchmark added as `bench=`, replacing
/// one already there and keeping the rest of the query and any fragment.
pub fn with_bench(address: &str, bench: &Benchmark) -> String {
    let (before_fragment, fragment) = match address.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (address, None),
    };
    let (path, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && *p != "bench" && !p.starts_with("bench="))
        .map(str::to_owned)
        .collect();
    params.push(format!("bench={}", bench.encode()));
    let mut out = format!("{path}?{}", params.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The `bench=` value in an address's query (`?embed&bench=B1…`), if any.
pub fn bench_param(query: &str) -> Option<&str> {
    query.trim_start_matches('?').split('&').find_map(|p| p.strip_prefix("bench="))
}

/// Bits packed most significant first into 6-bit values.
#[derive(Default)]
struct Bits {
    values: Vec<u8>,
    used: usize,
}

impl Bits {
    fn push(&mut self, value: u32, width: usize) {
        for i in (0..width).rev() {
            if self.used.is_multiple_of(6) {
                self.values.push(0);
            }
            let bit = ((value >> i) & 1) as u8;
            if let Some(last) = self.values.last_mut() {
                *last |= bit << (5 - self.used % 6);
            }
            self.used += 1;
        }
    }

    fn values(self) -> Vec<u8> {
        self.values
    }
}

/// Reads bits back, most significant first.
struct Reader<'a> {
    values: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, width: usize) -> u32 {
        let mut value = 0;
        for _ in 0..width {
            let v = self.values.get(self.at / 6).copied().unwrap_or(0);
            value = (value << 1) | u32::from((v >> (5 - self.at % 6)) & 1);
            self.at += 1;
        }
        value
    }
}
