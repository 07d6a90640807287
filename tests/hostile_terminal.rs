//! Escape sequences stored in the knowledge base never reach a terminal
//! raw (issue 20, item 9), through the real binary in a pseudo-terminal:
//! a note and an author holding `ESC[2J` (clear the screen), `ESC]0;…BEL`
//! (retitle the window) and a C1 CSI, written by another program straight
//! into the store (acta's own statements refuse them), are shown with
//! their control characters written out by `query`, `show` and
//! `annotations`, while JSON output keeps the stored text exactly.
#![cfg(unix)]

mod common;

use common::{acta, ok, seeded, stdout};
use expectrl::{Eof, Session};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const ESCAPES: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}";

/// Store, as another program could, a note on Honduras and an author
/// that hold `ESCAPES`.
fn store_hostile_note(db: &Path) {
    ok(acta(db, &["query", "assert Honduras has note \"plain\""]));
    let store = acta::store::Store::open(db).expect("opens");
    let (_, first) = store.annotations().expect("reads").remove(0);
    let mut record: serde_json::Value = serde_json::from_slice(&first).expect("JSON");
    record["fact"]["value"] = format!("x{ESCAPES}").into();
    record["author"] = format!("ana{ESCAPES}").into();
    store
        .add_annotation(&serde_json::to_vec(&record).expect("JSON"))
        .expect("stores");
}

/// Everything `acta --db DB ARGS` writes to a pseudo-terminal.
fn in_a_terminal(db: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acta"));
    cmd.arg("--db").arg(db).args(args);
    cmd.env_remove("ACTA_DB")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("PAGER", "cat");
    let mut s = Session::spawn(cmd).expect("spawn acta in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(120)));
    let all = s.expect(Eof).expect("acta ends");
    // Eof matches all that was left: the whole output.
    let bytes: Vec<u8> = all.matches().flatten().copied().collect();
    String::from_utf8_lossy(&[all.before(), &bytes].concat()).into_owned()
}

#[test]
fn stored_escape_sequences_are_written_out_on_a_terminal() {
    let (_dir, db) = seeded();
    store_hostile_note(&db);
    let q = "match (c:country) where c.name = 'Honduras' return c.note";
    let shown = [
        in_a_terminal(&db, &["query", q]),
        in_a_terminal(&db, &["show", "Honduras"]),
        in_a_terminal(&db, &["annotations"]),
    ];
    for (what, text) in ["query", "show", "annotations"].iter().zip(&shown) {
        for raw in ["\u{1b}[2J", "\u{1b}]0;", "\u{7}", "\u{9b}"] {
            assert!(
                !text.contains(raw),
                "{what}: {raw:?} reached the terminal: {text:?}"
            );
        }
        assert!(text.contains("x\\u{1b}[2J"), "{what}: {text}");
    }
    assert!(
        shown[2].contains("ana\\u{1b}[2J"),
        "the author: {}",
        shown[2]
    );
    // The data is kept exactly: JSON gives the stored text back.
    let json = stdout(&acta(&db, &["query", q, "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert!(holds(&v, &format!("x{ESCAPES}")), "{json}");
}

/// Whether a string in `v` holds `text`.
fn holds(v: &serde_json::Value, text: &str) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains(text),
        serde_json::Value::Array(a) => a.iter().any(|x| holds(x, text)),
        serde_json::Value::Object(m) => m.values().any(|x| holds(x, text)),
        _ => false,
    }
}
