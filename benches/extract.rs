//! Extraction throughput, in bytes of report per second: `ingest::prepare`
//! (decode, structure, extract, resolve; no store) on the bundled report and
//! on synthetic reports, on one long document (the same twenty reports run
//! together, ~420 KB: its throughput should be that of the twenty apart;
//! reading grew quadratic in a document's length before 2026-12-05), and
//! the structure step alone for comparison. Target: ≥ 20 MB/s.

mod common;

use acta::ingest::{self, structure};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn extract(c: &mut Criterion) {
    let g = common::gazetteer();
    let (name, bytes) = common::bundled();
    let synthetic = common::synthetic(20);

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(BenchmarkId::new("prepare", "bundled"), |b| {
        b.iter(|| ingest::prepare(&name, black_box(&bytes), &g).expect("ingests"))
    });

    group.throughput(Throughput::Bytes(common::total_bytes(&synthetic)));
    group.bench_function(BenchmarkId::new("prepare", "synthetic-20"), |b| {
        b.iter(|| {
            for (name, text) in &synthetic {
                black_box(ingest::prepare(name, text.as_bytes(), &g).expect("ingests"));
            }
        })
    });
    let long: String = synthetic.iter().map(|(_, t)| t.as_str()).collect();
    group.bench_function(BenchmarkId::new("prepare", "long-20"), |b| {
        b.iter(|| ingest::prepare("long.txt", black_box(long.as_bytes()), &g).expect("ingests"))
    });
    group.bench_function(BenchmarkId::new("structure", "synthetic-20"), |b| {
        b.iter(|| {
            for (_, text) in &synthetic {
                let clean = structure::clean(black_box(text));
                black_box(structure::split(&clean));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
