//! The next three moves a result suggests: advice for the answers that hold the pilot back
//! first, never two moves on one topic, and the small stable sort the core orders with.

use super::super::content::QuestionSet;
use super::{Band, DimensionResult, Move, Verdict, is_literal};

/// The next three moves, in order, never two on one topic:
/// 1. advice for the answers of failing dimensions: first those that keep a dimension from a
///    yes, then the others; each largest gap first, then the weaker dimension;
/// 2. when not ready, the set's moves for a pilot that is not ready, so it always gets three;
/// 3. advice from unfinished, then passing dimensions;
/// 4. when ready, the set's ready moves.
pub(super) fn next_moves(set: &QuestionSet, dimensions: &[DimensionResult], verdict: &Verdict) -> Vec<&'static str> {
    // A dimension that an answer already keeps from a yes (set 3, open questions or not) is
    // failing: its advice comes first.
    let rank = |d: &DimensionResult| match d.band {
        Some(Band::No | Band::Partly) => 0,
        None if !d.holding_back.is_empty() => 0,
        None => 1,
        Some(Band::Yes) => 2,
    };
    let blocks =
        |result: &DimensionResult, m: &Move| result.holding_back.iter().any(|b| std::ptr::eq(b.question, m.question));
    let mut advice: Vec<(&Move, u8, bool, Option<u8>)> =
        dimensions.iter().flat_map(|d| d.advice.iter().map(move |m| (m, rank(d), blocks(d, m), d.score))).collect();
    sort_small_by_key(&mut advice, |&(m, rank, blocks, score)| {
        (rank, !blocks, std::cmp::Reverse(m.gap), score, m.dimension)
    });
    let (failing, others): (Vec<_>, Vec<_>) = advice.into_iter().partition(|&(_, rank, _, _)| rank == 0);
    let as_candidate = |(m, ..): (&Move, u8, bool, Option<u8>)| (m.question.topic, m.text);
    let not_ready = set.not_ready_moves.iter().filter(|_| matches!(verdict, Verdict::NotReady { .. }));
    let ready = set.ready_moves.iter().filter(|_| *verdict == Verdict::Ready);

    // Set 3: a Ready pilot's first move is the essay's, scaling in stages, before any
    // "make it stronger" advice.
    let ready_first = is_literal(set);
    let (ready_early, ready_late): (Vec<_>, Vec<_>) = ready.map(|m| (m.topic, m.text)).partition(|_| ready_first);
    let candidates = failing
        .into_iter()
        .map(as_candidate)
        .chain(not_ready.map(|m| (m.topic, m.text)))
        .chain(ready_early)
        .chain(others.into_iter().map(as_candidate))
        .chain(ready_late);
    let mut topics: Vec<&'static str> = Vec::with_capacity(3);
    let mut moves: Vec<&'static str> = Vec::with_capacity(3);
    for (topic, text) in candidates {
        if moves.len() == 3 {
            break;
        }
        if !topics.contains(&topic) && !moves.contains(&text) {
            topics.push(topic);
            moves.push(text);
        }
    }
    moves
}

/// A stable insertion sort for the handful of items the core orders (at most a few dozen).
/// The standard library's sorts are faster on large slices but add several kilobytes of
/// wasm per element type; here every byte of the first load counts.
pub(crate) fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
