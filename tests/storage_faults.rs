//! Storage faults: a disk that fills (while ingesting, while writing
//! annotations, while opening), a read-only database, a database path that
//! runs through a regular file, damaged database files, and a snapshot left
//! half-written by an interrupted open. Each gives a clear message and exit
//! code 3, never a panic or a hang, and what was stored before is intact;
//! a damaged database is refused, never read wrong.
//!
//! A full disk is a real one: a 2 MB tmpfs, mounted by the test. That needs
//! root (or CAP_SYS_ADMIN); elsewhere those tests print `SKIPPED: ...` and
//! pass. A read-only database is a read-only bind mount when running as
//! root (permission bits do not stop root), else a `chmod`.
#![cfg(unix)]

mod common;
mod faults;

use acta::model::FactBundle;
use acta::store::Store;
use faults::disk::{fill, is_root, Mount};
use faults::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Not a test: the body of the helper child processes (see `common`).
#[test]
fn child_role() {
    faults::child_role();
}

const FULL: &str = "is full: free some space";

/// Reports outside the test's file system, and what a clean ingest of
/// each gives.
fn corpus(dir: &Path, n: usize, size: usize) -> (Vec<String>, BTreeMap<String, FactBundle>) {
    let files = strs(&write_corpus(dir, &vec![size; n], &mut Rng::new(21)));
    let (_d, reference) = db();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    assert!(acta(&reference, &args).status.success());
    (files, exported_documents(&reference, "reference"))
}

/// Every stored document equals its clean ingest; every acknowledged one
/// is stored; nothing else is.
fn assert_intact(
    db: &Path,
    reference: &BTreeMap<String, FactBundle>,
    acked: &[String],
    maybe: &[String],
) {
    assert_check_passes(db, "after the fault");
    let docs = exported_documents(db, "after the fault");
    for (id, d) in &docs {
        assert_eq!(
            Some(d),
            reference.get(id),
            "{id} is stored but differs from a clean ingest"
        );
        assert!(
            acked.contains(id) || maybe.contains(id),
            "{id} was never ingested"
        );
    }
    for id in acked {
        assert!(docs.contains_key(id), "{id} was acknowledged, and is lost");
    }
}

#[test]
fn a_disk_that_fills_while_ingesting_is_a_clear_error_and_loses_nothing() {
    let work = tempfile::tempdir().unwrap();
    let Some(disk) = Mount::tmpfs(&work.path().join("disk"), "2m", "full disk while ingesting")
    else {
        return;
    };
    let (files, reference) = corpus(&work.path().join("corpus"), 40, 50_000);
    let db = disk.dir.join("kb");
    let mut acked = Vec::new();
    let mut failed = Vec::new();
    for f in &files {
        let o = acta(&db, &["ingest", f]);
        assert_no_panic(&o, f);
        let id = acta::ingest::doc_id_from_name(f);
        match o.status.code() {
            Some(0) => acked.push(id),
            Some(3) => {
                assert!(stderr(&o).contains(FULL), "{f}: {}", stderr(&o));
                failed.push(id);
                if failed.len() == 3 {
                    break; // the first failure, then two runs on a full disk
                }
            }
            other => panic!("{f}: exit {other:?}: {}", stderr(&o)),
        }
    }
    assert!(!failed.is_empty(), "the 2 MB disk never filled");
    // Still full: reading is refused as clearly, or works.
    let o = acta(&db, &["check"]);
    assert_no_panic(&o, "check on a full disk");
    assert!(
        o.status.success() || stderr(&o).contains(FULL),
        "{}",
        stderr(&o)
    );
    // Space again: everything acknowledged is there, whole.
    disk.resize("64m");
    assert_intact(&db, &reference, &acked, &failed);
    // And the database takes the rest.
    let mut args = vec!["ingest"];
    args.extend(
        files
            .iter()
            .filter(|f| !acked.contains(&acta::ingest::doc_id_from_name(f)))
            .map(String::as_str),
    );
    let o = acta(&db, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(exported_documents(&db, "refilled"), reference);
    eprintln!(
        "storage_faults/full disk while ingesting: {} documents stored, then {} runs refused",
        acked.len(),
        failed.len()
    );
}

#[test]
fn annotations_filling_the_disk_fail_cleanly_and_stay_whole() {
    let work = tempfile::tempdir().unwrap();
    let Some(disk) = Mount::tmpfs(
        &work.path().join("disk"),
        "2m",
        "full disk while annotating",
    ) else {
        return;
    };
    let db = disk.dir.join("kb");
    // The writer appends until the disk is full, then must report it and
    // exit (not hang in sled's flush).
    let child = spawn_role("annotate", &db);
    let o = output_within(child, HANG);
    let lines = role_lines(&o.stdout);
    let acked = lines.iter().filter(|l| l.starts_with("ack ")).count() as u64;
    let last = lines.last().cloned().unwrap_or_default();
    assert!(
        last.starts_with("error: ") && last.contains(FULL),
        "{lines:?}"
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(acked > 0);
    disk.resize("64m");
    let store = Store::open(&db).unwrap();
    let records = store.annotations().unwrap();
    assert!(records.len() as u64 >= acked && records.len() as u64 <= acked + 1);
    for (seq, bytes) in &records {
        assert!(
            *bytes == annotation_record(*seq),
            "annotation {seq} is damaged"
        );
    }
    drop(store);
    eprintln!("storage_faults/full disk while annotating: {acked} records, then a clear error");
}

#[test]
fn a_disk_full_while_opening_does_not_damage_the_database() {
    let work = tempfile::tempdir().unwrap();
    let Some(disk) = Mount::tmpfs(&work.path().join("disk"), "4m", "full disk while opening")
    else {
        return;
    };
    let (files, reference) = corpus(&work.path().join("corpus"), 4, 20_000);
    let db = disk.dir.join("kb");
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    assert!(acta(&db, &args).status.success());
    // Opening after a write makes sled write a new snapshot: on a full disk
    // that fails half-way, twice.
    let filler = fill(&disk.dir);
    for _ in 0..2 {
        let o = acta(&db, &["stats"]);
        assert_no_panic(&o, "stats on a full disk");
        assert!(
            o.status.success() || stderr(&o).contains(FULL),
            "{}",
            stderr(&o)
        );
    }
    std::fs::remove_file(filler).unwrap();
    let acked: Vec<String> = reference.keys().cloned().collect();
    assert_intact(&db, &reference, &acked, &[]);
}

#[test]
fn a_snapshot_left_half_written_is_ignored() {
    // What a kill or a full disk during sled's snapshot write leaves behind;
    // sled 0.34 alone would take it for the newest snapshot and refuse the
    // whole database as corrupt.
    let work = tempfile::tempdir().unwrap();
    let (files, reference) = corpus(&work.path().join("corpus"), 3, 5_000);
    let (_d, db) = db();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    assert!(acta(&db, &args).status.success());
    for (name, bytes) in [
        ("snap.FFFFFFFFFFFFFFF0.generating", &b""[..]),
        ("snap.FFFFFFFFFFFFFFF1.generating", &b"half a snapshot"[..]),
    ] {
        std::fs::write(db.join(name), bytes).unwrap();
        let acked: Vec<String> = reference.keys().cloned().collect();
        assert_intact(&db, &reference, &acked, &[]);
        assert!(!db.join(name).exists());
    }
}

#[test]
fn a_read_only_database_is_refused_to_writers_read_by_readers_and_left_as_it_was() {
    let work = tempfile::tempdir().unwrap();
    let (files, reference) = corpus(&work.path().join("corpus"), 2, 5_000);
    let db = work.path().join("ro").join("kb");
    assert!(acta(&db, &["ingest", &files[0]]).status.success());
    let before = exported_documents(&db, "before");
    let ro = db.parent().unwrap();
    // Root ignores permission bits: use a read-only bind mount instead.
    let bind = if is_root() {
        let ok = |args: &[&str]| {
            Command::new("mount")
                .args(args)
                .arg(ro)
                .arg(ro)
                .status()
                .is_ok_and(|s| s.success())
        };
        if !(ok(&["--bind"]) && ok(&["-o", "remount,bind,ro"])) {
            let _ = Command::new("umount").arg(ro).status();
            eprintln!(
                "SKIPPED read-only database: running as root, where permission bits do not apply, and a read-only bind mount is not allowed here"
            );
            return;
        }
        Some(Mount {
            dir: ro.to_path_buf(),
        }) // unmounted on drop
    } else {
        chmod_tree(&db, false);
        None
    };
    // Reading needs no write: the view the ingest saved answers.
    let o = acta(&db, &["stats"]);
    assert_no_panic(&o, "read-only");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("documents: 1"), "{}", stdout(&o));
    for args in [vec!["ingest", files[1].as_str()], vec!["check"]] {
        let o = acta(&db, &args);
        assert_no_panic(&o, "read-only");
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("cannot be opened")
                && (err.contains("read-only") || err.contains("permission denied")),
            "{err}"
        );
    }
    match bind {
        Some(m) => drop(m),
        None => chmod_tree(&db, true),
    }
    assert_eq!(exported_documents(&db, "after"), before);
    assert_check_passes(&db, "after read-only");
    let _ = reference;
}

fn chmod_tree(dir: &Path, writable: bool) {
    let mode = if writable { "u+w" } else { "a-w" };
    assert!(Command::new("chmod")
        .args(["-R", mode])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success()));
}

#[test]
fn a_database_path_through_a_regular_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notas.txt");
    std::fs::write(&file, "no es una base de datos\n").unwrap();
    for db in [file.join("kb"), file.clone()] {
        let o = acta(&db, &["stats"]);
        assert_no_panic(&o, "db under a file");
        assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("cannot be opened") && err.contains("is a file, not a directory"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "no es una base de datos\n"
    );
}

/// The positions of the bytes sled has written (the rest is preallocated).
fn used_len(bytes: &[u8]) -> usize {
    bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1)
}

#[test]
fn damaged_database_files_are_refused_never_read_wrong() {
    let work = tempfile::tempdir().unwrap();
    // Two small reports and one big enough for sled to keep as a blob file.
    let mut files = strs(&write_corpus(
        &work.path().join("c"),
        &[3_000, 6_000],
        &mut Rng::new(4),
    ));
    files.extend(strs(&write_corpus(
        &work.path().join("b"),
        &[160_000],
        &mut Rng::new(5),
    )));
    let (_d, pristine) = db();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    assert!(acta(&pristine, &args).status.success());
    let reference = exported_documents(&pristine, "pristine");
    assert!(
        std::fs::read_dir(pristine.join("blobs")).unwrap().count() > 0,
        "the big report should be a sled blob file"
    );
    let mut rng = Rng::new(77);
    let mut tally = BTreeMap::new();
    let trials = 6;
    for t in 0..trials {
        let copy = work.path().join(format!("copy{t}"));
        copy_dir(&pristine, &copy);
        let blobs: Vec<PathBuf> = std::fs::read_dir(copy.join("blobs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        let kind = t % 6;
        let what = match kind {
            0 | 1 => {
                let mut data = std::fs::read(copy.join("db")).unwrap();
                let used = used_len(&data);
                let flips = if kind == 0 { 1 } else { rng.range(2, 50) };
                for _ in 0..flips {
                    let at = rng.below(used as u64) as usize;
                    data[at] ^= 1 << rng.below(8);
                }
                std::fs::write(copy.join("db"), data).unwrap();
                format!("{flips} bit flips in db")
            }
            2 => {
                let data = std::fs::read(copy.join("db")).unwrap();
                let cut = rng.below(used_len(&data) as u64) as usize;
                std::fs::write(copy.join("db"), &data[..cut]).unwrap();
                "db truncated".to_string()
            }
            3 if !blobs.is_empty() => {
                let b = rng.pick(&blobs);
                let data = std::fs::read(b).unwrap();
                std::fs::write(b, &data[..rng.below(data.len() as u64) as usize]).unwrap();
                "a blob truncated".to_string()
            }
            4 if !blobs.is_empty() => {
                std::fs::remove_file(rng.pick(&blobs)).unwrap();
                "a blob deleted".to_string()
            }
            _ => {
                let snap = std::fs::read_dir(&copy)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .find(|p| {
                        p.file_name()
                            .unwrap()
                            .to_string_lossy()
                            .starts_with("snap.")
                    });
                match snap {
                    Some(s) => {
                        std::fs::write(s, b"garbage").unwrap();
                        "snapshot overwritten".to_string()
                    }
                    None => "nothing (no snapshot)".to_string(),
                }
            }
        };
        let check = acta(&copy, &["check"]);
        let export = acta(&copy, &["export"]);
        for o in [&check, &export] {
            assert_no_panic(o, &what);
            assert!(
                matches!(o.status.code(), Some(0 | 1 | 3)),
                "{what}: {:?}",
                o.status
            );
        }
        let outcome = if export.status.success() {
            // Whatever is read must be right.
            for (id, d) in documents_of(&export.stdout) {
                assert_eq!(Some(&d), reference.get(&id), "{what}: {id} read wrong");
            }
            if check.status.success() {
                "read, intact"
            } else {
                "read, check reports problems"
            }
        } else {
            let err = stderr(&export);
            assert!(
                err.contains("is damaged") || err.contains("cannot be opened"),
                "{what}: {err}"
            );
            "refused as damaged"
        };
        *tally.entry(format!("{what}: {outcome}")).or_insert(0) += 1;
    }
    eprintln!("storage_faults/damaged files ({trials} trials): {tally:#?}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
