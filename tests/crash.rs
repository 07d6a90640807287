//! Crash safety. `acta ingest` of a corpus of twenty reports, and a writer
//! of annotation records, are killed with SIGKILL at random (seeded)
//! moments. After every kill the database is reopened and must show:
//! `acta check` passes; every document is exactly what a clean ingest of
//! its file gives (the whole stored bundle compared) or absent — or, while
//! a new version was being ingested, exactly the old or the new version;
//! every document acta reported as stored before the kill is there; every
//! annotation record acknowledged before the kill is intact and none is
//! half-written.
//!
//! The normal suite runs a few trials. The long run (50 trials of each):
//! `cargo test --test crash -- --ignored --nocapture` (the tallies go to
//! stderr; `ACTA_CRASH_SEED` and `ACTA_CRASH_TRIALS` vary the run).
#![cfg(unix)]

mod common;
mod faults;

use acta::model::FactBundle;
use acta::store::Store;
use faults::*;
use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Sizes of the twenty reports of the long run, in bytes: from a page to a
/// long report (the largest are stored by sled as separate blob files).
const SIZES: [usize; 20] = [
    600, 900, 1_200, 2_000, 3_000, 4_000, 6_000, 8_000, 10_000, 12_000, 16_000, 20_000, 25_000,
    30_000, 40_000, 50_000, 60_000, 80_000, 100_000, 160_000,
];

/// The same shape, smaller, so the normal suite stays fast in debug builds
/// (the annotation trials cover sled's blob files there).
const SHORT_SIZES: [usize; 20] = [
    200, 300, 400, 500, 600, 700, 800, 900, 1_000, 1_200, 1_400, 1_600, 1_800, 2_000, 2_500, 3_000,
    4_000, 5_000, 6_000, 8_000,
];

/// Not a test: the body of the helper child processes (see `common`).
#[test]
fn child_role() {
    faults::child_role();
}

struct Corpus {
    _dir: tempfile::TempDir,
    v1: Vec<String>,
    v2: Vec<String>,
    /// What a clean ingest of each file gives, by document id.
    ref1: BTreeMap<String, FactBundle>,
    ref2: BTreeMap<String, FactBundle>,
    /// How long a clean `acta ingest` of all of v1 (then v2 over it) took:
    /// the kill moments are drawn from these spans.
    first: Duration,
    replace: Duration,
}

fn corpus(rng: &mut Rng, sizes: &[usize]) -> Corpus {
    let dir = tempfile::tempdir().expect("temp dir");
    let v1 = write_corpus(&dir.path().join("v1"), sizes, rng);
    let v2: Vec<PathBuf> = v1
        .iter()
        .map(|p| {
            let to = dir
                .path()
                .join("v2")
                .join(p.file_name().expect("file name"));
            std::fs::create_dir_all(to.parent().expect("parent")).expect("v2 dir");
            let text = std::fs::read_to_string(p).expect("read report");
            std::fs::write(&to, revised(&text, rng)).expect("write v2");
            to
        })
        .collect();
    let (v1, v2) = (strs(&v1), strs(&v2));
    let (_d, reference) = db();
    let timed = |files: &[String]| {
        let start = Instant::now();
        let o = acta(&reference, &args("ingest", files));
        assert!(o.status.success(), "clean ingest: {}", stderr(&o));
        start.elapsed()
    };
    let first = timed(&v1);
    let ref1 = exported_documents(&reference, "clean ingest of v1");
    let replace = timed(&v2);
    let ref2 = exported_documents(&reference, "v2 over v1");
    assert_eq!(ref1.len(), sizes.len());
    // Replacing leaves nothing of the old version behind.
    let (_d2, fresh) = db();
    assert!(acta(&fresh, &args("ingest", &v2)).status.success());
    assert_eq!(exported_documents(&fresh, "clean ingest of v2"), ref2);
    Corpus {
        _dir: dir,
        v1,
        v2,
        ref1,
        ref2,
        first,
        replace,
    }
}

fn args<'a>(command: &'a str, files: &'a [String]) -> Vec<&'a str> {
    std::iter::once(command)
        .chain(files.iter().map(String::as_str))
        .collect()
}

/// What a killed run had reported before it died.
struct Killed {
    /// Ids acta reported as stored (ingested, replaced or unchanged).
    acked: Vec<String>,
    /// Whether the kill landed while acta was running.
    mid_run: bool,
}

fn ingest_killed(db: &Path, files: &[String], delay: Duration) -> Killed {
    let mut child = acta_cmd(db)
        .args(args("ingest", files))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn acta ingest");
    let err = drain(child.stderr.take());
    std::thread::sleep(delay);
    let _ = child.kill(); // SIGKILL on Unix
    let status = wait_within(&mut child, HANG);
    let err = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    assert!(!err.contains("panicked"), "acta panicked:\n{err}");
    let mid_run = status.signal() == Some(9);
    assert!(
        mid_run || status.success(),
        "ingest failed: {status:?}\n{err}"
    );
    let acked = err
        .lines()
        .filter_map(|l| {
            [": ingested ", ": replaced the previous version of "]
                .iter()
                .find_map(|m| l.split_once(m).map(|(_, id)| id.to_string()))
                .or_else(|| {
                    l.contains(": unchanged (already stored) ")
                        .then(|| l.rsplit(' ').next().unwrap_or_default().to_string())
                })
        })
        .collect();
    Killed { acked, mid_run }
}

/// After a kill: check passes; every document equals one of the allowed
/// versions (oldest first); acknowledged ones equal the newest. Returns the
/// number of documents present.
fn verify(
    db: &Path,
    allowed: &[&BTreeMap<String, FactBundle>],
    acked: &[String],
    ctx: &str,
) -> usize {
    assert_check_passes(db, ctx);
    let docs = exported_documents(db, ctx);
    for (id, doc) in &docs {
        assert!(
            allowed.iter().any(|r| r.get(id) == Some(doc)),
            "{ctx}: document {id} is stored but equals no clean ingest of its file"
        );
    }
    let newest = allowed.last().expect("a version");
    for id in acked {
        assert_eq!(
            docs.get(id),
            newest.get(id),
            "{ctx}: {id} was reported stored before the kill, but is not (or not this version)"
        );
    }
    docs.len()
}

fn kill_moment(rng: &mut Rng, span: Duration) -> Duration {
    // Up to 25% past the clean run, so some kills land after the end.
    let max = span.as_micros() as u64 * 5 / 4;
    Duration::from_micros(rng.below(max.max(1)))
}

fn ingest_trials(trials: usize, seed: u64, sizes: &[usize]) {
    let mut rng = Rng::new(seed);
    let c = corpus(&mut rng, sizes);
    let (mut mid_first, mut mid_replace) = (0, 0);
    let mut present_after_kill = Vec::new();
    let mut replaced_after_kill = Vec::new();
    for t in 0..trials {
        let ctx = format!("seed {seed}, trial {t}");
        let (_d, db) = db();
        // 1. The first ingest, killed: each document wholly there or absent.
        let delay = kill_moment(&mut rng, c.first);
        let k = ingest_killed(&db, &c.v1, delay);
        mid_first += usize::from(k.mid_run);
        let n = verify(&db, &[&c.ref1], &k.acked, &format!("{ctx}, first ingest"));
        present_after_kill.push(n);
        // 2. Running it again completes the corpus.
        let o = acta(&db, &args("ingest", &c.v1));
        assert!(o.status.success(), "{ctx}: {}", stderr(&o));
        assert_eq!(exported_documents(&db, &ctx), c.ref1, "{ctx}: after re-run");
        // 3. New versions, killed: each document the old or the new one.
        let delay = kill_moment(&mut rng, c.replace);
        let k = ingest_killed(&db, &c.v2, delay);
        mid_replace += usize::from(k.mid_run);
        let ctx3 = format!("{ctx}, replacing ingest");
        let n = verify(&db, &[&c.ref1, &c.ref2], &k.acked, &ctx3);
        assert_eq!(n, sizes.len(), "{ctx3}: a document was lost");
        let docs = exported_documents(&db, &ctx3);
        replaced_after_kill.push(docs.iter().filter(|(id, d)| c.ref2[*id] == **d).count());
    }
    eprintln!(
        "crash/ingest: seed {seed}, {trials} trials; clean ingest {:?}, replace {:?}; \
         killed mid-run: {mid_first} first ingests, {mid_replace} replacing ingests; \
         documents present after each first kill: {present_after_kill:?}; \
         new versions present after each replacing kill: {replaced_after_kill:?}",
        c.first, c.replace
    );
}

fn annotation_trials(trials: usize, seed: u64) {
    let mut rng = Rng::new(seed);
    let (_d, db) = db();
    let mut stored = 0u64;
    let (mut before_first_ack, mut unacked_but_stored) = (0, 0);
    for t in 0..trials {
        let ctx = format!("seed {seed}, annotation trial {t}");
        let mut child = spawn_role("annotate", &db);
        let out = drain(child.stdout.take());
        std::thread::sleep(Duration::from_millis(rng.below(600)));
        let _ = child.kill();
        wait_within(&mut child, HANG);
        let lines = role_lines(&out.join().unwrap_or_default());
        assert!(
            !lines.iter().any(|l| l.starts_with("error: ")),
            "{ctx}: {lines:?}"
        );
        let acked = lines
            .iter()
            .filter_map(|l| l.strip_prefix("ack ")?.parse::<u64>().ok())
            .max();
        before_first_ack += usize::from(acked.is_none());
        let store = Store::open(&db).unwrap_or_else(|e| panic!("{ctx}: reopen: {e}"));
        let records = store.annotations().expect("read annotations");
        drop(store);
        for (i, (seq, bytes)) in records.iter().enumerate() {
            assert_eq!(*seq, i as u64 + 1, "{ctx}: sequence numbers have a gap");
            assert!(
                *bytes == annotation_record(*seq),
                "{ctx}: annotation {seq} is not the record written ({} bytes)",
                bytes.len()
            );
        }
        let n = records.len() as u64;
        let acked_max = acked.unwrap_or(stored);
        assert!(
            n >= acked_max,
            "{ctx}: {n} stored, but {acked_max} acknowledged"
        );
        assert!(
            n <= acked_max + 1,
            "{ctx}: {n} stored, only {acked_max} acknowledged"
        );
        unacked_but_stored += usize::from(n == acked_max + 1);
        stored = n;
    }
    assert_check_passes(&db, "after the annotation trials");
    let o = acta(&db, &["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    eprintln!(
        "crash/annotations: seed {seed}, {trials} trials, {stored} records written in all; \
         {before_first_ack} kills before the first record; {unacked_but_stored} records \
         stored but killed before the acknowledgement"
    );
}

fn trials(default: usize) -> usize {
    seed_from_env("ACTA_CRASH_TRIALS", default as u64) as usize
}

const SEED: u64 = 0x0AC7_A2003;

#[test]
fn ingest_killed_at_random_moments_loses_nothing() {
    ingest_trials(3, seed_from_env("ACTA_CRASH_SEED", SEED), &SHORT_SIZES);
}

#[test]
fn annotation_writes_killed_at_random_moments_are_whole() {
    annotation_trials(5, seed_from_env("ACTA_CRASH_SEED", SEED));
}

#[test]
#[ignore = "long: 50 kills of each kind; run with --ignored"]
fn long_ingest_killed_at_random_moments_loses_nothing() {
    ingest_trials(
        trials(50),
        seed_from_env("ACTA_CRASH_SEED", SEED + 1),
        &SIZES,
    );
}

#[test]
#[ignore = "long: 50 kills of each kind; run with --ignored"]
fn long_annotation_writes_killed_at_random_moments_are_whole() {
    annotation_trials(trials(50), seed_from_env("ACTA_CRASH_SEED", SEED + 1));
}
