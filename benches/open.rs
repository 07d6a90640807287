//! Time to first answer: open a knowledge base of N synthetic reports
//! (`ACTA_BENCH_REPORTS`, default 1000), get the graph view and resolve
//! one name, as every command does: `first-answer` reads the saved view
//! (`view.snapshot`, written by the first iteration); `from-documents`
//! builds the view from the stored documents, streamed, as the first open
//! after an ingest does (without saving it). Also the parts: opening the
//! store, reading every document's bundle, and building the view from
//! bundles already in memory. Dropping what was built is not timed: a REPL
//! keeps it until it quits.
//! The database is built once per run in a temp dir (or at `ACTA_BENCH_DB`)
//! and reused by every iteration. Target (10,000 reports): < 1 s.

mod common;

use acta::graph::ViewOptions;
use acta::store::Store;
use acta::KnowledgeBase;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Time `f` per iteration, dropping what it returns outside the timing:
/// the database must be closed before the next iteration opens it again.
fn timed<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        let out = black_box(f());
        total += start.elapsed();
        drop(out);
    }
    total
}

fn open(c: &mut Criterion) {
    let n = common::reports_from_env();
    let db = common::bench_db(n);
    let path = db.path.clone();

    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("first-answer", n), |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                let kb = KnowledgeBase::open(&path).expect("opens");
                let g = kb.view().expect("graph");
                let answer = g
                    .resolve(acta::graph::Reference::of("VII Reunión de la CRM"), &[])
                    .expect("resolves");
                (kb, g, answer)
            })
        })
    });
    group.bench_function(BenchmarkId::new("from-documents", n), |b| {
        b.iter_custom(|iters| {
            timed(iters, || {
                let kb = KnowledgeBase::open(&path).expect("opens");
                let g = acta::view::build_streaming(
                    kb.gazetteer(),
                    kb.store().document_iter(),
                    &[],
                    ViewOptions::default(),
                )
                .expect("reads");
                let answer = g
                    .resolve(acta::graph::Reference::of("VII Reunión de la CRM"), &[])
                    .expect("resolves");
                (kb, g, answer)
            })
        })
    });
    group.bench_function(BenchmarkId::new("store-open", n), |b| {
        b.iter_custom(|iters| timed(iters, || Store::open(&path).expect("opens")))
    });
    let store = Store::open(&path).expect("opens");
    group.bench_function(BenchmarkId::new("read-bundles", n), |b| {
        b.iter_with_large_drop(|| store.documents().expect("reads"))
    });
    let bundles = store.documents().expect("reads");
    drop(store);
    let gazetteer = common::gazetteer();
    group.bench_function(BenchmarkId::new("graph-build", n), |b| {
        b.iter_batched(
            || bundles.clone(),
            |bundles| acta::view::build_with(&gazetteer, bundles, &[], ViewOptions::default()),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, open);
criterion_main!(benches);
