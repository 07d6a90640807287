//! Peak memory of a knowledge base of N synthetic reports: open it, build
//! the graph view (`KnowledgeBase::graph`, which streams the documents),
//! answer one lookup, then print the process's peak resident set size.
//!
//! ```text
//! cargo run --release --example peak_mem -- --reports 1000 [--seed 7] [--db DIR]
//! ```
//!
//! Method: Linux keeps a process's high-water mark of resident memory in
//! `VmHWM` of `/proc/self/status` (the same number as `ru_maxrss` and
//! `/usr/bin/time -v`'s "Maximum resident set size"). It counts every page
//! the process touched (heap, stacks, sled's cache and mapped files), so it
//! is what a user's machine must have free. When the database at `--db`
//! (default: a temp dir) holds fewer than N reports, this program first
//! builds it in a child process (itself with `--build-only`), so that the
//! memory of ingesting is measured apart and does not inflate the number
//! for opening; both are printed.

/// mimalloc, as in the `acta` binary: answers and views are millions of
/// small allocations, and glibc's allocator made them up to twice as slow.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use acta::KnowledgeBase;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "usage: peak_mem --reports N [--seed S] [--db DIR] [--build-only]";

struct Args {
    reports: usize,
    seed: u64,
    db: Option<PathBuf>,
    build_only: bool,
}

fn main() -> ExitCode {
    match parse().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peak_mem: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        reports: 0,
        seed: 7,
        db: None,
        build_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--reports" | "-n" => {
                a.reports = value()?.parse().map_err(|e| format!("--reports: {e}"))?;
            }
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--db" => a.db = Some(PathBuf::from(value()?)),
            "--build-only" => a.build_only = true,
            _ => return Err(format!("unknown argument {arg}\n{USAGE}")),
        }
    }
    if a.reports == 0 {
        return Err(USAGE.into());
    }
    Ok(a)
}

/// `VmHWM` and `VmRSS` of this process, in KiB.
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Ingest synthetic reports until the database holds `n`.
fn build(db: &Path, n: usize, seed: u64) -> Result<(), String> {
    let kb = KnowledgeBase::open(db).map_err(|e| e.to_string())?;
    let have = kb.store().document_count().map_err(|e| e.to_string())?;
    if have >= n {
        println!("build: the database already holds {have} reports");
        return Ok(());
    }
    let start = Instant::now();
    let mut bytes = 0;
    for i in have..n {
        let (name, text) = acta::synth::report(seed, i);
        bytes += text.len();
        kb.ingest_bytes(&name, text.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    let secs = start.elapsed().as_secs_f64();
    let (hwm, _) = memory_kib();
    println!(
        "build: ingested {} reports ({:.1} MB) in {secs:.1} s; peak RSS {:.0} MiB",
        n - have,
        bytes as f64 / 1e6,
        mib(hwm)
    );
    Ok(())
}

fn run(a: Args) -> Result<(), String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = a.db.clone().unwrap_or_else(|| tmp.path().join("kb"));
    if a.build_only {
        return build(&db, a.reports, a.seed);
    }
    // The child counts what is there and builds the rest, so that neither
    // weighs on this process's high-water mark.
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let status = Command::new(me)
        .args(["--reports", &a.reports.to_string()])
        .args(["--seed", &a.seed.to_string()])
        .arg("--db")
        .arg(&db)
        .arg("--build-only")
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("building the database failed".into());
    }
    let (before, _) = memory_kib();
    // What opening does: the store, then `KnowledgeBase::graph`, which
    // reads, decodes and merges the documents one at a time.
    let start = Instant::now();
    let kb = KnowledgeBase::open(&db).map_err(|e| e.to_string())?;
    let opened = start.elapsed().as_secs_f64();
    let g = kb.view().map_err(|e| e.to_string())?;
    let built = start.elapsed().as_secs_f64() - opened;
    let answer = g
        .resolve(acta::graph::Reference::of("VII CRM"), &[])
        .map_err(|e| e.to_string())?;
    let secs = start.elapsed().as_secs_f64();
    let (hwm, rss) = memory_kib();
    println!(
        "open: store opened in {opened:.2} s; documents read, decoded and merged into the view in {built:.2} s"
    );
    println!(
        "open: {} documents, {} nodes, {} edges; first answer ({}) in {secs:.2} s",
        g.document_count(),
        g.node_count(),
        g.edge_count(),
        g.data(answer).id
    );
    println!(
        "open: peak RSS (VmHWM) {:.0} MiB, RSS after {:.0} MiB (before opening: {:.0} MiB)",
        mib(hwm),
        mib(rss),
        mib(before)
    );
    Ok(())
}
