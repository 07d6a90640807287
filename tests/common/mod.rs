//! The real binary in tests: running `acta` on a database (with the user's
//! `ACTA_DB` and `ACTA_DATA` out of the way, and a watchdog that fails the
//! test instead of hanging it), its output as text, and a knowledge base
//! seeded with the bundled report. Every test file that drives the binary
//! uses these; tests that query in-process share the bundled report's
//! graph ([`seed_graph`]) and read answers by column ([`column`]).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The bundled report.
pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/documents/informe-ppt-mexico-2003.txt"
);

/// The headline question of DESIGN.md.
pub const HEADLINE: &str =
    "which agreements from VII CRM still await responses from which countries?";

/// A child that runs longer than this is hung: the watchdog kills it and the
/// test fails. Generous, so a slow machine never trips it: it detects
/// deadlocks, it does not measure speed.
pub const HANG: Duration = Duration::from_secs(300);

/// The real binary, with `--db` set and the user's `ACTA_DB` and
/// `ACTA_DATA` out of the way.
pub fn acta_cmd(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_acta"));
    c.arg("--db")
        .arg(db)
        .env_remove("ACTA_DB")
        .env_remove("ACTA_DATA");
    c
}

/// Run the binary to completion (under the watchdog).
pub fn acta(db: &Path, args: &[&str]) -> Output {
    acta_in(db, args, None)
}

/// Run the binary with `stdin` piped in (nothing, when `None`).
pub fn acta_in(db: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = acta_cmd(db)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the acta binary runs");
    if let (Some(mut pipe), Some(text)) = (child.stdin.take(), stdin) {
        // acta may exit before reading its input (a refused --db): the
        // pipe is then closed, which is its answer, not the test's failure.
        if let Err(e) = pipe.write_all(text.as_bytes()) {
            assert_eq!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe,
                "writes stdin: {e}"
            );
        }
    }
    output_within(child, HANG)
}

/// Wait for a child with piped stdout and stderr; kill it and fail the test
/// if it has not finished within `limit`.
pub fn output_within(mut child: Child, limit: Duration) -> Output {
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let status = wait_within(&mut child, limit);
    Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// Read a pipe to its end on a thread, so a chatty child never blocks.
pub fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut v);
        }
        v
    })
}

/// Wait for a child; kill it and fail the test if it hangs.
pub fn wait_within(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("a child process hung (still running after {limit:?}): killed");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The stdout of a run that must succeed.
pub fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// A fresh temporary directory and a database path inside it.
pub fn db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kb");
    (dir, path)
}

/// An empty knowledge base (made by the library: a command that only
/// reads refuses a `--db` that holds none).
pub fn empty() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = db();
    drop(acta::KnowledgeBase::open(&path).expect("an empty knowledge base"));
    (dir, path)
}

/// A database holding the bundled report.
pub fn seeded() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = db();
    ok(acta(&path, &["ingest", SEED]));
    (dir, path)
}

/// A database holding every bundled report of `data/documents/`.
pub fn bundled() -> (tempfile::TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (dir, path) = db();
    let mut docs: Vec<String> = std::fs::read_dir(root.join("data/documents"))
        .expect("bundled documents")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    docs.sort();
    let mut ingest = vec!["ingest"];
    ingest.extend(docs.iter().map(String::as_str));
    let out = acta(&path, &ingest);
    assert!(out.status.success(), "ingest failed: {}", stderr(&out));
    (dir, path)
}

/// A session (what the REPL runs) over a knowledge base holding the
/// bundled report.
pub fn session() -> (tempfile::TempDir, acta::Session) {
    let (dir, path) = db();
    let kb = acta::KnowledgeBase::open(&path).expect("opens");
    kb.ingest_file(Path::new(SEED)).expect("ingests");
    let session = acta::Session::new(kb, "test".into()).expect("a session");
    (dir, session)
}

/// `acta repl` on `db` with its stdin kept open, once it holds the store.
pub fn spawn_repl(db: &Path) -> (Child, String) {
    let repl = acta_cmd(db)
        .arg("repl")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the REPL starts");
    let holder = wait_for_holder(db, "acta repl");
    (repl, holder)
}

/// Wait until the lock file names a holder whose command is `command`;
/// what it says (pid and command).
pub fn wait_for_holder(db: &Path, command: &str) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(db.join("acta.lock")).unwrap_or_default();
        if text.ends_with(command) {
            return text;
        }
        assert!(
            start.elapsed() < HANG,
            "no {command} took the lock: {text:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The bundled report's graph, built in-process without a database, once
/// per test binary.
pub fn seed_graph() -> &'static acta::KnowledgeGraph {
    static KG: std::sync::OnceLock<acta::KnowledgeGraph> = std::sync::OnceLock::new();
    KG.get_or_init(|| {
        let g = acta::Gazetteer::bundled().expect("bundled gazetteer");
        let bytes = std::fs::read(SEED).expect("bundled report");
        let (bundle, _) =
            acta::ingest::prepare("informe-ppt-mexico-2003.txt", &bytes, &g).expect("prepares");
        acta::view::build(&g, &[bundle], acta::ViewOptions::default())
    })
}

/// The cells of one column of an answer, as text.
pub fn column(a: &acta::Answer, name: &str) -> Vec<String> {
    let i = a
        .columns
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", a.columns));
    a.rows.iter().map(|r| r[i].text()).collect()
}
