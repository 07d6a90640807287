//! Concurrency: one writer at a time. A second writer opening a database
//! in use is told so (exit code 3, "in use by another acta process",
//! naming the holder) and changes nothing; two `acta ingest` started
//! together never both write and never damage the database; while a
//! long-running holder keeps the store, commands that need the store
//! itself wait for it (exit 3) but readers answer from the view saved last
//! (`tests/readers.rs` has the rest); a holder killed with SIGKILL leaves
//! no stale lock behind.
#![cfg(unix)]

mod common;
mod faults;

use faults::*;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

/// Not a test: the body of the helper child processes (see `common`).
#[test]
fn child_role() {
    faults::child_role();
}

const IN_USE: &str = "in use by another acta process";

fn spawn_ingest(db: &Path, files: &[String]) -> std::process::Child {
    acta_cmd(db)
        .arg("ingest")
        .args(files)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn acta ingest")
}

#[test]
fn two_ingests_started_together_never_both_write() {
    let corpus = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(7);
    let sizes: Vec<usize> = (0..12).map(|i| 2_000 + i * 1_500).collect();
    let files = strs(&write_corpus(corpus.path(), &sizes, &mut rng));
    let (a, b) = files.split_at(6);
    // What each half gives when ingested alone.
    let (_r, reference) = db();
    let mut all_args = vec!["ingest"];
    all_args.extend(files.iter().map(String::as_str));
    assert!(acta(&reference, &all_args).status.success());
    let all = exported_documents(&reference, "reference");
    let ids = |half: &[String]| -> Vec<String> {
        half.iter()
            .map(|f| acta::ingest::doc_id_from_name(f))
            .collect()
    };
    let mut contended = 0;
    for round in 0..4 {
        let (_d, db) = db();
        if round % 2 == 1 {
            // Half the rounds start from an existing database.
            drop(acta::KnowledgeBase::open(&db).expect("a knowledge base"));
            assert!(acta(&db, &["stats"]).status.success());
        }
        let pa = spawn_ingest(&db, a);
        let pb = spawn_ingest(&db, b);
        let oa = output_within(pa, HANG);
        let ob = output_within(pb, HANG);
        let mut expected = Vec::new();
        for (o, half) in [(&oa, a), (&ob, b)] {
            assert_no_panic(o, "concurrent ingest");
            match o.status.code() {
                Some(0) => expected.extend(ids(half)),
                Some(3) => {
                    assert!(stderr(o).contains(IN_USE), "round {round}: {}", stderr(o));
                    contended += 1;
                }
                other => panic!("round {round}: exit {other:?}: {}", stderr(o)),
            }
        }
        assert!(!expected.is_empty(), "round {round}: neither ingest ran");
        assert_check_passes(&db, &format!("round {round}"));
        let docs = exported_documents(&db, "after concurrent ingests");
        expected.sort();
        assert_eq!(
            docs.keys().cloned().collect::<Vec<_>>(),
            expected,
            "round {round}"
        );
        for (id, d) in &docs {
            assert_eq!(Some(d), all.get(id), "round {round}: {id}");
        }
    }
    eprintln!("concurrency: 4 rounds, {contended} ingests refused as in use");
}

#[test]
fn a_long_running_holder_blocks_every_command_until_it_exits() {
    let (_d, db) = db();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("informe.txt");
    std::fs::write(&report, report_text()).unwrap();
    let report = report.to_str().unwrap();
    assert!(acta(&db, &["ingest", report]).status.success());
    let before = exported_documents(&db, "before");

    let mut holder = spawn_role("hold", &db);
    wait_ready(&mut holder);
    let other = dir.path().join("otro.txt");
    std::fs::write(&other, "I.\nOtro\nEl Salvador y Belice.\n").unwrap();
    for args in [
        vec!["ingest", other.to_str().unwrap()],
        vec!["check"],
        vec!["export"],
    ] {
        let o = acta(&db, &args);
        assert_no_panic(&o, "while held");
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(IN_USE), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    // Readers answer from the view the ingest saved.
    for args in [vec!["stats"], vec!["show", "México"]] {
        let o = acta(&db, &args);
        assert_no_panic(&o, "while held");
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(!stdout(&o).is_empty(), "{args:?}");
    }
    // The holder ends normally: everyone may open it again, nothing changed.
    drop(holder.stdin.take());
    assert!(wait_within(&mut holder, HANG).success());
    assert_eq!(exported_documents(&db, "after the holder"), before);
    assert!(acta(&db, &["ingest", other.to_str().unwrap()])
        .status
        .success());
    assert_check_passes(&db, "after the holder");
}

#[test]
fn a_holder_killed_with_sigkill_leaves_no_stale_lock() {
    let (_d, db) = db();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("informe.txt");
    std::fs::write(&report, report_text()).unwrap();
    let mut holder = spawn_role("hold", &db);
    wait_ready(&mut holder);
    let o = acta(&db, &["stats"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    holder.kill().unwrap();
    wait_within(&mut holder, HANG);
    let o = acta(&db, &["ingest", report.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_check_passes(&db, "after the killed holder");
    // And a holder that exits while another waits to write: the writer's
    // message says what to do, nothing else.
    let mut holder = spawn_role("hold", &db);
    wait_ready(&mut holder);
    let o = acta(&db, &["ingest", report.to_str().unwrap()]);
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    let said = format!(
        "acta: the knowledge base at {} is {IN_USE} (pid ",
        db.display()
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with(&said), "{lines:?}");
    assert!(
        lines[0].ends_with("(close it, or use --db to open another)"),
        "{lines:?}"
    );
    if let Some(mut stdin) = holder.stdin.take() {
        let _ = stdin.write_all(b"bye\n");
    }
    wait_within(&mut holder, HANG);
}

fn report_text() -> String {
    report(&mut Rng::new(3), 3_000)
}
