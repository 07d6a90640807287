//! The saved view (`view.snapshot` in the database folder): a second open
//! reads it and answers the same; a new report or annotation is never
//! answered from an older view; a damaged snapshot is ignored and replaced.

mod common;

use common::{acta_cmd, ok, HEADLINE, SEED};

use std::path::{Path, PathBuf};
use std::process::Output;

const GRCM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/conclusiones-grcm-2003-11.txt"
);
fn run(db: &Path, args: &[&str]) -> Output {
    acta_cmd(db)
        .args(args)
        .env("ACTA_AUTHOR", "ana")
        .output()
        .expect("acta runs")
}

fn headline(db: &Path) -> String {
    ok(run(db, &["query", HEADLINE, "--format", "json"]))
}

fn seeded(dir: &tempfile::TempDir, name: &str, reports: &[&str]) -> PathBuf {
    let db = dir.path().join(name);
    for r in reports {
        ok(run(&db, &["ingest", r]));
    }
    db
}

fn snapshot(db: &Path) -> PathBuf {
    db.join("view.snapshot")
}

#[test]
fn a_second_open_reads_the_saved_view_and_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir, "kb", &[SEED]);
    let first = headline(&db);
    assert!(first.contains("IV.E(1)"), "{first}");
    let saved = std::fs::read(snapshot(&db)).expect("the view was saved");
    let modified = std::fs::metadata(snapshot(&db))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(headline(&db), first);
    assert_eq!(std::fs::read(snapshot(&db)).unwrap(), saved);
    assert_eq!(
        std::fs::metadata(snapshot(&db))
            .unwrap()
            .modified()
            .unwrap(),
        modified,
        "read, not written again"
    );
}

#[test]
fn a_new_report_or_annotation_is_never_answered_from_an_older_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir, "kb", &[SEED]);
    let before = headline(&db);
    ok(run(&db, &["ingest", GRCM]));
    let after = headline(&db);
    assert_ne!(after, before, "the GRCM conclusions name a respondent");
    // The same answer as a knowledge base that never had a saved view.
    let fresh = seeded(&dir, "fresh", &[SEED, GRCM]);
    std::fs::remove_file(snapshot(&fresh)).expect("the ingest saved a view");
    assert_eq!(headline(&fresh), after);

    let assert = "assert Canadá responded to IV.E(1) on 2003-01-20";
    ok(run(&db, &["query", assert]));
    let annotated = headline(&db);
    assert_ne!(annotated, after);
    // The same answer as a view built from the documents again (the
    // annotation's time is part of the answer, so not another database).
    std::fs::remove_file(snapshot(&db)).unwrap();
    assert_eq!(headline(&db), annotated);
}

#[test]
fn a_damaged_snapshot_is_ignored_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir, "kb", &[SEED]);
    let first = headline(&db);
    let saved = std::fs::read(snapshot(&db)).unwrap();
    let mut damaged = saved.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0xff;
    std::fs::write(snapshot(&db), &damaged).unwrap();
    assert_eq!(headline(&db), first);
    assert_eq!(std::fs::read(snapshot(&db)).unwrap(), saved, "saved again");
    std::fs::write(snapshot(&db), b"not a view").unwrap();
    assert_eq!(headline(&db), first);
}
