//! Lookups on the graph view of N synthetic reports (`ACTA_BENCH_REPORTS`,
//! default 1000; the view is built in memory, without a store): alias
//! lookup in any spelling, resolve (exact, and an unknown name that falls
//! back to nearest-candidate suggestions), and shortest path.

mod common;

use acta::graph::Reference;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;

fn lookup(c: &mut Criterion) {
    let n = common::reports_from_env();
    let g = common::graph_of(n);
    let node = |id: &str| g.node(id).unwrap_or_else(|| panic!("{id} in the graph"));

    let mut group = c.benchmark_group("lookup");
    for name in ["MEXICO", "República Dominicana", "VII Reunión de la CRM"] {
        group.bench_function(BenchmarkId::new("alias", name), |b| {
            b.iter(|| g.lookup(black_box(name)).len())
        });
    }
    group.bench_function(BenchmarkId::new("resolve", "Panama"), |b| {
        b.iter(|| {
            g.resolve(Reference::of(black_box("Panama")), &[])
                .expect("resolves")
        })
    });
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("resolve-unknown", n), |b| {
        b.iter(|| {
            g.resolve(Reference::of(black_box("Reunion de Ministros")), &[])
                .unwrap_err()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("shortest_path");
    let belize = node("country:bz");
    let siemca = node("organization:siemca");
    group.bench_function(BenchmarkId::new("country-to-organization", n), |b| {
        b.iter(|| g.shortest_path(black_box(belize), siemca).expect("a path"))
    });
    let first = node("document:informe-ppt-s7-00000-panama-1997");
    let last_name = acta::synth::report(common::SEED, n - 1).0;
    let last = node(&format!(
        "document:{}",
        acta::ingest::doc_id_from_name(&last_name)
    ));
    group.bench_function(BenchmarkId::new("document-to-document", n), |b| {
        b.iter(|| g.shortest_path(black_box(first), last).expect("a path"))
    });
    group.finish();
}

criterion_group!(benches, lookup);
criterion_main!(benches);
