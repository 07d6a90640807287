//! End-to-end ingest into sled: `KnowledgeBase::ingest_bytes` (prepare,
//! bincode, one atomic batch and a flush per document) of 20 synthetic
//! reports into a fresh temp database, as bytes/s and documents/s.
//! Target: ≥ 5 MB/s. Database creation is setup, not timed.

mod common;

use acta::KnowledgeBase;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

const BATCH: usize = 20;

fn ingest(c: &mut Criterion) {
    let reports = common::synthetic(BATCH);
    let fresh_db = || {
        let dir = tempfile::tempdir().expect("temp dir");
        let kb = KnowledgeBase::open(&dir.path().join("kb")).expect("opens");
        (dir, kb)
    };
    let ingest_all = |(dir, kb): (tempfile::TempDir, KnowledgeBase)| {
        for (name, text) in &reports {
            kb.ingest_bytes(name, text.as_bytes()).expect("ingests");
        }
        (dir, kb)
    };

    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(common::total_bytes(&reports)));
    group.bench_function(BenchmarkId::new("bytes", "synthetic-20"), |b| {
        b.iter_batched(fresh_db, ingest_all, BatchSize::PerIteration)
    });
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function(BenchmarkId::new("documents", "synthetic-20"), |b| {
        b.iter_batched(fresh_db, ingest_all, BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
