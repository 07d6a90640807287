//! Shared setup for the criterion benches: the bundled report, synthetic
//! reports from `acta::synth`, their fact bundles, and a knowledge base of
//! N synthetic reports built once per bench process in a temp dir.
//!
//! Size of the knowledge base: `ACTA_BENCH_REPORTS` (default 1000, so that
//! `cargo bench` stays reasonable on two cores). To reuse one database
//! across runs (e.g. a 10,000-report one that takes minutes to build), set
//! `ACTA_BENCH_DB` to its directory: it is built there if empty and kept.
//!
//! `benches/query.rs` times the query language over [`graph_of`] at
//! `ACTA_BENCH_REPORTS` and over the bundled report.

// Each bench binary compiles this module and uses part of it.
#![allow(dead_code)]

/// mimalloc, as in the `acta` binary: answers and views are millions of
/// small allocations, and glibc's allocator made them up to twice as slow.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use acta::graph::{KnowledgeGraph, ViewOptions};
use acta::model::FactBundle;
use acta::Gazetteer;
use acta::KnowledgeBase;
use std::path::PathBuf;
use std::time::Instant;

/// The seed of every synthetic corpus the benches use.
pub const SEED: u64 = 7;

/// The bundled report: file name and bytes.
pub fn bundled() -> (String, Vec<u8>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/documents/informe-ppt-mexico-2003.txt"
    );
    let bytes = std::fs::read(path).expect("the bundled report is readable");
    ("informe-ppt-mexico-2003.txt".to_string(), bytes)
}

pub fn gazetteer() -> Gazetteer {
    Gazetteer::bundled().expect("bundled gazetteer parses")
}

/// Synthetic reports `0..n`: file name and text.
pub fn synthetic(n: usize) -> Vec<(String, String)> {
    acta::synth::corpus(SEED, n).collect()
}

/// Total size in bytes of a set of reports.
pub fn total_bytes(reports: &[(String, String)]) -> u64 {
    reports.iter().map(|(_, t)| t.len() as u64).sum()
}

/// Number of reports for knowledge-base benches: `ACTA_BENCH_REPORTS`, else
/// 1000.
pub fn reports_from_env() -> usize {
    std::env::var("ACTA_BENCH_REPORTS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1000)
}

/// Fact bundles of synthetic reports `0..n`, prepared in memory (no store).
pub fn bundles(n: usize, g: &Gazetteer) -> Vec<FactBundle> {
    synthetic(n)
        .iter()
        .map(|(name, text)| {
            acta::ingest::prepare(name, text.as_bytes(), g)
                .expect("synthetic reports ingest")
                .0
        })
        .collect()
}

/// The graph view of synthetic reports `0..n`, built without a store.
pub fn graph_of(n: usize) -> KnowledgeGraph {
    let g = gazetteer();
    acta::view::build(&g, &bundles(n, &g), ViewOptions::default())
}

/// A knowledge base on disk holding synthetic reports `0..reports`. Closed
/// (its lock released) when this is returned; removed on drop unless it
/// lives at `ACTA_BENCH_DB`.
pub struct BenchDb {
    pub path: PathBuf,
    pub reports: usize,
    _dir: Option<tempfile::TempDir>,
}

/// Build (or reuse, see `ACTA_BENCH_DB`) a knowledge base of `n` synthetic
/// reports through the real ingest path. Prints how long it took.
pub fn bench_db(n: usize) -> BenchDb {
    let (path, dir) = match std::env::var_os("ACTA_BENCH_DB").filter(|p| !p.is_empty()) {
        Some(p) => (PathBuf::from(p), None),
        None => {
            let dir = tempfile::tempdir().expect("temp dir");
            (dir.path().join("kb"), Some(dir))
        }
    };
    let kb = KnowledgeBase::open(&path).expect("bench knowledge base opens");
    let have = kb
        .store()
        .document_count()
        .expect("bench knowledge base reads");
    if have != n {
        assert!(
            have < n,
            "{} holds {have} documents, more than the {n} asked for",
            path.display()
        );
        let start = Instant::now();
        for i in have..n {
            let (name, text) = acta::synth::report(SEED, i);
            kb.ingest_bytes(&name, text.as_bytes())
                .expect("synthetic reports ingest");
        }
        eprintln!(
            "built a knowledge base of {n} reports at {} in {:.1} s",
            path.display(),
            start.elapsed().as_secs_f64()
        );
    }
    drop(kb);
    BenchDb {
        path,
        reports: n,
        _dir: dir,
    }
}
