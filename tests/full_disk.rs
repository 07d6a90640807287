//! A full disk does not lock the user out of their data (issue 20, item
//! 7): with the knowledge base's disk full to the last byte, `query`
//! (also `as of` a date), `show`, `trace` (also `--as-of`), `stats`,
//! `annotations`, `check` and `export --out` to
//! another disk all answer, through the real binary, exactly as they do
//! once there is space again; notes say how (a copy read in place of the
//! full disk; a view built but not saved), and writing is still refused
//! with the full-disk message; an export onto the full disk fails and
//! leaves the backup it would have replaced whole.
//!
//! The full disk is a real one, a small tmpfs mounted by the test: that
//! needs root (or CAP_SYS_ADMIN); elsewhere the test prints `SKIPPED: ...`
//! and passes.
#![cfg(unix)]

mod common;
mod faults;

use faults::disk::{fill, Mount};
use faults::*;
use std::path::Path;

const FULL: &str = "is full: free some space";

/// The tests count scratch copies in the shared temporary directory: one
/// at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What a reader is told on a full disk: it read a copy.
fn noted(err: &str) -> bool {
    err.contains("acta: note: the disk holding the knowledge base at")
        && err.contains("is full: reading a copy made in")
}

/// The read commands, each as arguments to `acta`.
fn reads(out: &Path) -> Vec<Vec<String>> {
    let out = out.display().to_string();
    [
        vec!["stats"],
        vec!["query", HEADLINE],
        vec!["show", "Honduras"],
        vec!["trace", "IV.A"],
        vec!["query", &format!("{HEADLINE} as of 2003-12-31")],
        vec!["trace", "IV.A", "--as-of", "2003"],
        vec!["annotations"],
        vec!["check"],
        vec!["export", "--format", "json", "--out", &out],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect()
}

/// Run every read command; each must succeed. Their stdout, and the
/// export's file.
fn answers(db: &Path, out: &Path, full: bool) -> Vec<String> {
    let mut seen = Vec::new();
    for args in reads(out) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = acta(db, &args);
        assert_no_panic(&o, &args.join(" "));
        let err = stderr(&o);
        assert!(o.status.success(), "{args:?} (full: {full}): {err}");
        if full {
            // The saved view is not current: each opens the store, on a
            // full disk through a copy.
            assert!(noted(&err), "{args:?}: {err}");
            // There is no saved view: each builds one, cannot save it,
            // and answers all the same.
            // (A dated `trace` builds only the dated view, never saved.)
            if ["stats", "query", "show", "trace"].contains(&args[0]) && !args.contains(&"--as-of")
            {
                assert!(err.contains("could not be saved in"), "{args:?}: {err}");
            }
        }
        seen.push(stdout(&o));
    }
    seen.push(std::fs::read_to_string(out).expect("the export was written"));
    seen
}

/// Scratch copies left in the temporary directory.
fn scratch_copies() -> Vec<String> {
    std::fs::read_dir(std::env::temp_dir())
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("acta-read-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_full_disk_leaves_reading_and_exporting_working() {
    let _serial = one_at_a_time();
    let work = tempfile::tempdir().unwrap();
    let Some(disk) = Mount::tmpfs(&work.path().join("disk"), "16m", "reading on a full disk")
    else {
        return;
    };
    let db = disk.dir.join("kb");
    let corpus = write_corpus(
        &work.path().join("corpus"),
        &[50_000, 50_000],
        &mut Rng::new(7),
    );
    let o = acta(&db, &["ingest", SEED, &corpus[0].display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = scratch_copies();
    std::fs::write(disk.dir.join("backup.json"), "an older backup").unwrap();
    // The disk fills; a write fails on it (and leaves the saved view of
    // the store as it was before that write, no longer to be trusted).
    let filler = fill(&disk.dir);
    let o = acta(&db, &["ingest", &corpus[1].display().to_string()]);
    assert_no_panic(&o, "ingest on a full disk");
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains(FULL), "{}", stderr(&o));
    // What a write cut short leaves, whichever moment the disk filled at:
    // no record that the saved view is current; and no saved view at all
    // (as after an ingest whose view could not be saved).
    let _ = std::fs::remove_file(db.join("store.digest"));
    let _ = std::fs::remove_file(db.join("view.snapshot"));
    let _ = fill(&disk.dir);
    let full = answers(&db, &work.path().join("full.json"), true);
    // Writing is still refused, as clearly.
    let o = acta(
        &db,
        &[
            "query",
            "assert Honduras responded to IV.E(1) source \"a letter\"",
        ],
    );
    assert_no_panic(&o, "assert on a full disk");
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains(FULL), "{}", stderr(&o));
    // An export onto the full disk fails, and the backup it would have
    // replaced stays whole (issue 20, item 6).
    let backup = disk.dir.join("backup.json");
    let o = acta(&db, &["export", "--out", &backup.display().to_string()]);
    assert_no_panic(&o, "export onto a full disk");
    assert!(!o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), "an older backup");
    let left: Vec<_> = std::fs::read_dir(&disk.dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert_eq!(scratch_copies(), before, "scratch copies were left behind");
    // Space again: the same answers, from the knowledge base itself.
    std::fs::remove_file(filler).unwrap();
    let spaced = answers(&db, &work.path().join("spaced.json"), false);
    assert_eq!(full.len(), spaced.len());
    for (i, (a, b)) in full.iter().zip(&spaced).enumerate() {
        assert_eq!(a, b, "answer {i} differs between a full disk and space");
    }
    assert!(full[0].contains("documents: "), "{}", full[0]);
    assert!(full[1].lines().count() > 2, "{}", full[1]);
}

/// A dated view (`as of`, `--as-of`) needs the store even when the saved
/// view is current; on a full disk it is read through a copy like any
/// other read. Before: exit 3 "is full" for `query ... as of`.
#[test]
fn dated_views_are_read_on_a_full_disk() {
    let _serial = one_at_a_time();
    let work = tempfile::tempdir().unwrap();
    let Some(disk) = Mount::tmpfs(&work.path().join("disk"), "16m", "as of on a full disk") else {
        return;
    };
    let db = disk.dir.join("kb");
    let o = acta(&db, &["ingest", SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dated = format!("{HEADLINE} as of 2003-12-31");
    let reads: [&[&str]; 3] = [
        &["query", &dated],
        &["trace", "IV.A", "--as-of", "2003"],
        &["query", HEADLINE],
    ];
    let run = |full: bool| -> Vec<String> {
        reads
            .iter()
            .map(|args| {
                let o = acta(&db, args);
                assert_no_panic(&o, &args.join(" "));
                let err = stderr(&o);
                assert!(o.status.success(), "{args:?} (full: {full}): {err}");
                // Only the dated views need the store: the saved view is
                // current, and answers the rest without it.
                let dated = args.contains(&"--as-of") || args[1].contains(" as of ");
                assert_eq!(noted(&err), full && dated, "{args:?} (full: {full}): {err}");
                stdout(&o)
            })
            .collect()
    };
    let before = scratch_copies();
    let filler = fill(&disk.dir);
    let full = run(true);
    assert_eq!(scratch_copies(), before, "scratch copies were left behind");
    std::fs::remove_file(filler).unwrap();
    assert_eq!(full, run(false), "the same answers once there is space");
    assert!(full[0].lines().count() > 2, "{}", full[0]);
    assert!(full[1].lines().count() > 1, "{}", full[1]);
}
