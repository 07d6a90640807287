//! How well the threads of a knowledge base built from synthetic reports
//! match the generator's ground truth. A thread is what `trace` walks: the
//! agreements joined by `same_as` and `evolved_into`. The truth is the
//! agreement each report section follows up (`synth::report_with_threads`),
//! known for the opening decision of each section the generator wrote.
//!
//! ```text
//! cargo run --release --example thread_truth -- --db DIR [--seed 7]
//! ```
//!
//! Prints, over the agreements whose truth is known: pair precision (of the
//! pairs in one thread, the share that follow up one agreement), pair
//! recall (of the pairs that follow up one agreement, the share in one
//! thread), the threads each followed-up agreement is spread over, and the
//! largest threads.

use acta::graph::NodeIndex;
use acta::model::{EdgeKind, Kind};
use acta::KnowledgeBase;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let (mut db, mut seed) = (None, 7u64);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--db", Some(v)) => db = Some(PathBuf::from(v)),
            ("--seed", Some(v)) if v.parse::<u64>().is_ok() => seed = v.parse().unwrap_or(7),
            _ => {
                eprintln!("usage: thread_truth --db DIR [--seed N]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(db) = db else {
        eprintln!("usage: thread_truth --db DIR [--seed N]");
        return ExitCode::from(2);
    };
    let kg = match KnowledgeBase::open(&db).and_then(|kb| kb.view()) {
        Ok(kg) => kg,
        Err(e) => {
            eprintln!("thread_truth: {e}");
            return ExitCode::FAILURE;
        }
    };

    // Threads: union-find over same_as and evolved_into between agreements.
    let mut parent: Vec<usize> = (0..kg.node_count()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let is_agreement = |i: NodeIndex| kg.data(i).kind == Kind::Agreement;
    let agreements: Vec<NodeIndex> = kg.nodes().filter(|&i| is_agreement(i)).collect();
    let mut same_as = 0usize;
    for (from, to, e) in kg.edges() {
        if !is_agreement(from) {
            continue;
        }
        same_as += usize::from(e.kind == EdgeKind::SameAs);
        if matches!(e.kind, EdgeKind::SameAs | EdgeKind::EvolvedInto) && is_agreement(to) {
            let (a, b) = (
                find(&mut parent, from.index()),
                find(&mut parent, to.index()),
            );
            parent[a.max(b)] = a.min(b);
        }
    }

    // The truth of each report the generator wrote, by section label.
    let prefix = format!("informe-ppt-s{seed}-");
    let mut truth: HashMap<String, String> = HashMap::new();
    for d in kg.documents() {
        let Some(index) =
            d.id.strip_prefix(&prefix)
                .and_then(|r| r.get(..5)?.parse().ok())
        else {
            continue;
        };
        let (name, _, threads) = acta::synth::report_with_threads(seed, index);
        if name.strip_suffix(".txt") != Some(d.id.as_str()) {
            continue;
        }
        for t in threads {
            truth.insert(format!("agreement:{}/{}", d.id, t.label), t.thread);
        }
    }

    let mut both: HashMap<(usize, &str), u64> = HashMap::new();
    let mut by_thread: HashMap<usize, u64> = HashMap::new();
    let mut by_truth: HashMap<&str, u64> = HashMap::new();
    let mut sizes: HashMap<usize, u64> = HashMap::new();
    for &i in &agreements {
        let r = find(&mut parent, i.index());
        *sizes.entry(r).or_default() += 1;
        if let Some(t) = truth.get(kg.data(i).id.as_str()) {
            *both.entry((r, t.as_str())).or_default() += 1;
            *by_thread.entry(r).or_default() += 1;
            *by_truth.entry(t.as_str()).or_default() += 1;
        }
    }
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let together: u64 = both.values().map(|&n| pairs(n)).sum();
    let in_threads: u64 = by_thread.values().map(|&n| pairs(n)).sum();
    let in_truth: u64 = by_truth.values().map(|&n| pairs(n)).sum();
    let spread = both.len() as f64 / by_truth.len().max(1) as f64;
    let mut largest: Vec<u64> = sizes.values().copied().collect();
    largest.sort_unstable_by(|a, b| b.cmp(a));
    largest.truncate(5);
    println!(
        "agreements {}, with known truth {}, followed-up agreements {}",
        agreements.len(),
        by_thread.values().sum::<u64>(),
        by_truth.len()
    );
    println!(
        "same_as {same_as}; threads of 2 or more {}; largest {largest:?}",
        sizes.values().filter(|&&n| n > 1).count()
    );
    println!(
        "pair precision {:.3}, pair recall {:.3}, threads per followed-up agreement {spread:.2}",
        together as f64 / in_threads.max(1) as f64,
        together as f64 / in_truth.max(1) as f64,
    );
    ExitCode::SUCCESS
}
