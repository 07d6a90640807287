//! Query-language benches: the headline question, a two-hop pattern, the
//! `trace` of an agreement and a phrase search, each on the bundled report
//! and on the view of N synthetic reports (`ACTA_BENCH_REPORTS`, default
//! 1000; the view is built in memory, without a store). A run is the whole
//! of `acta::query::run`: parse, plan, evaluate, and the answer with its
//! cited sources. Targets (10,000 reports): headline and two-hop < 10 ms.

mod common;

use acta::graph::{KnowledgeGraph, ViewOptions};
use acta::query::{Answer, Cell};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;

/// The question of DESIGN.md, typed as a researcher says it.
const HEADLINE: &str = "which agreements from VII CRM still await responses from which countries?";
/// Two hops from a meeting: the countries its agreements still await.
const TWO_HOP: &str = "match (c:country)<-[:awaits]-(a:agreement)-[:adopted_at]->(m:meeting {id: \"meeting:crm-07\"}) return c.name, count(a) as n order by n desc";
/// A phrase in the text of every document.
const PHRASE: &str = "documents mentioning \"trata de personas\"";

fn run(kg: &KnowledgeGraph, text: &str) -> Answer {
    acta::query::run(kg, text).unwrap_or_else(|e| panic!("{text}: {}", e.message))
}

/// The view of the bundled report alone.
fn bundled_graph() -> KnowledgeGraph {
    let g = common::gazetteer();
    let (name, bytes) = common::bundled();
    let bundle = acta::ingest::prepare(&name, &bytes, &g)
        .expect("the bundled report ingests")
        .0;
    acta::view::build(&g, &[bundle], ViewOptions::default())
}

/// `trace` of the first agreement the headline question lists (the same
/// one on every run: the corpus is deterministic).
fn trace_query(kg: &KnowledgeGraph) -> String {
    let a = run(kg, HEADLINE);
    match a.rows.first().and_then(|r| r.first()) {
        Some(Cell::Node { id, .. }) => format!("trace {id}"),
        other => panic!("the headline answer starts with an agreement, not {other:?}"),
    }
}

fn query(c: &mut Criterion) {
    let n = common::reports_from_env();
    let views = [
        ("bundled".to_string(), bundled_graph()),
        (format!("synthetic-{n}"), common::graph_of(n)),
    ];
    let mut group = c.benchmark_group("query");
    group.sample_size(20);
    for (label, kg) in &views {
        let trace = trace_query(kg);
        for (name, text) in [
            ("headline", HEADLINE),
            ("two-hop", TWO_HOP),
            ("trace", trace.as_str()),
            ("phrase", PHRASE),
        ] {
            // Every question has an answer on both views: time real work.
            assert!(!run(kg, text).rows.is_empty(), "{text}: no rows on {label}");
            group.bench_function(BenchmarkId::new(name, label), |b| {
                b.iter(|| run(kg, black_box(text)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, query);
criterion_main!(benches);
