//! Where the reader stands among the readers who shared, when the author put a readers'
//! benchmark in the check's address (`?bench=B1…`). A benchmark that does not read is ignored
//! here (the author is told in readers' results); nothing is sent anywhere.

use leptos::prelude::*;

use super::store::use_app_state;
use crate::core::benchmark::{Benchmark, bench_param};

/// The benchmark lines for the reader's own answers, or nothing without a readable benchmark.
#[component]
pub fn BenchmarkLine() -> impl IntoView {
    let state = use_app_state();
    let query = crate::shell::address::query();
    let bench = bench_param(&query).and_then(|value| Benchmark::decode(value).ok())?;
    let lines = state.with_untracked(|s| bench.place(&s.answers));
    Some(view! {
        <section id="benchmark" class="benchmark" aria-labelledby="benchmark-heading">
            <h2 id="benchmark-heading">"Among the readers who shared"</h2>
            <p id="benchmark-headline">{bench.headline()}</p>
            <ul id="benchmark-place">{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            <p class="note">
                "The author's figures, carried in this page's address: the readers who chose to share a results link. Nothing is sent anywhere."
            </p>
        </section>
    })
}
