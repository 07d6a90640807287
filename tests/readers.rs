//! Readers never wait, with real processes: a query beside an open REPL, a
//! query during an ingest, twenty queries at once. Readers answer from the
//! view last saved when another process holds the store; only writers wait
//! (exit 3, naming the holder); nothing is lost or torn.
#![cfg(unix)]

mod common;
mod faults;

use faults::*;
use std::io::Write;
use std::process::Stdio;

/// Not a test: the body of the helper child processes (see `common`).
#[test]
fn child_role() {
    faults::child_role();
}

#[test]
fn a_reader_answers_beside_an_open_repl_and_a_writer_is_told_who_holds_it() {
    let (_d, db) = seeded();
    let before = ok(acta(&db, &["query", "--format", "csv", HEADLINE]));
    let (mut repl, holder) = spawn_repl(&db);
    assert!(
        holder.starts_with(&format!("pid {}", repl.id())),
        "{holder}"
    );

    let o = acta(&db, &["query", "--format", "csv", HEADLINE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), before, "the reader sees the committed state");
    let o = acta(&db, &["trace", "IV.A"]);
    assert!(o.status.success() && stdout(&o).contains("adopted at VI CRM"));

    // What needs the store itself waits for the holder, and says who it is.
    let dir = tempfile::tempdir().expect("a temp dir");
    let other = dir.path().join("otro.txt");
    std::fs::write(&other, "I.\nOtro\nEl Salvador y Belice.\n").expect("writes");
    let as_of = format!("{HEADLINE} as of 2002-12-31");
    for args in [
        vec!["ingest", other.to_str().expect("UTF-8 path")],
        vec!["query", as_of.as_str()],
    ] {
        let o = acta(&db, &args);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&holder),
            "{args:?} names the holder: {}",
            stderr(&o)
        );
    }
    if let Some(mut stdin) = repl.stdin.take() {
        let _ = stdin.write_all(b":quit\n");
    }
    assert!(wait_within(&mut repl, HANG).success());
    assert_check_passes(&db, "after the REPL");
}

#[test]
fn readers_answer_throughout_an_ingest_and_nothing_is_torn() {
    let (_d, db) = seeded();
    let dir = tempfile::tempdir().expect("a temp dir");
    let files: Vec<String> = (0..24)
        .map(|i| {
            let f = dir.path().join(format!("informe-{i}.txt"));
            std::fs::write(&f, report(&mut Rng::new(100 + i), 40_000)).expect("writes");
            f.display().to_string()
        })
        .collect();
    let mut ingest = acta_cmd(&db)
        .arg("ingest")
        .args(&files)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ingest starts");
    wait_for_holder(&db, "acta ingest");
    let mut during = 0;
    while ingest.try_wait().expect("the ingest runs").is_none() {
        let o = acta(&db, &["stats"]);
        assert_no_panic(&o, "reader during an ingest");
        assert_eq!(o.status.code(), Some(0), "a reader waited: {}", stderr(&o));
        assert!(stdout(&o).contains("documents: "), "{}", stdout(&o));
        if ingest.try_wait().expect("the ingest runs").is_none() {
            during += 1;
        }
    }
    assert!(wait_within(&mut ingest, HANG).success());
    assert!(during > 0, "no reader ran while the ingest held the store");
    let after = ok(acta(&db, &["stats"]));
    assert!(after.contains("documents: 25"), "{after}");
    assert_check_passes(&db, "after the ingest");
}

#[test]
fn twenty_readers_at_once_all_answer_alike() {
    let (_d, db) = seeded();
    let expected = ok(acta(&db, &["query", "--format", "csv", HEADLINE]));
    let readers: Vec<_> = (0..20)
        .map(|_| {
            acta_cmd(&db)
                .args(["query", "--format", "csv", HEADLINE])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("a reader starts")
        })
        .collect();
    for r in readers {
        let o = output_within(r, HANG);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stdout(&o), expected);
    }
    assert_check_passes(&db, "after twenty readers");
}
