//! The REPL in a real pseudo-terminal, as a researcher uses it: the banner,
//! the headline question typed with a tab completion on the way, `:format
//! json`, history recalled after a restart, Ctrl-D to quit, and the pager
//! turned off (`:pager off`, `--no-pager`), errors in red unless `NO_COLOR`,
//! pasted lines each run, and a continuation prompt for unfinished input.

use expectrl::{ControlCode, Eof, Session};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/documents/informe-ppt-mexico-2003.txt"
);

fn repl(db: &Path, history: &Path) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acta"));
    cmd.arg("--db").arg(db).arg("repl");
    cmd.env("ACTA_HISTORY", history)
        .env("TERM", "xterm")
        .env_remove("ACTA_DB")
        .env("PAGER", "cat");
    let mut s = Session::spawn(cmd).expect("spawn acta repl in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

#[test]
fn a_researcher_session_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb");
    let history = dir.path().join("history.txt");
    let ingest = Command::new(env!("CARGO_BIN_EXE_acta"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", SEED])
        .output()
        .unwrap();
    assert!(ingest.status.success());

    let mut p = repl(&db, &history);
    p.expect("1 document").unwrap();
    p.expect(":help").unwrap();
    p.expect("acta> ").unwrap();
    // Tab completes the meeting's name in the middle of the question.
    p.send("which agreements from VII C").unwrap();
    p.send("\t").unwrap();
    p.expect("VII CRM").unwrap();
    p.send(" still await responses from which countries?")
        .unwrap();
    p.send("\r").unwrap();
    p.expect("awaiting").unwrap();
    p.expect("acta> ").unwrap();
    p.send_line(":format json").unwrap();
    p.expect("format: json").unwrap();
    p.send_line("meetings in Guatemala").unwrap();
    p.expect("\"columns\"").unwrap();
    p.expect("meeting:crm-07").unwrap();
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();

    // After a restart, the last query is one Up-arrow away.
    let mut p = repl(&db, &history);
    p.expect("acta> ").unwrap();
    p.send("\x1b[A").unwrap();
    p.expect("meetings in Guatemala").unwrap();
    p.send("\r").unwrap();
    p.expect("VII CRM").unwrap();
    p.expect("acta> ").unwrap();
    // Ctrl-C cancels a half-typed line; the session goes on.
    p.send("show Cana").unwrap();
    p.send(ControlCode::EndOfText).unwrap();
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(
        saved.contains("which agreements from VII CRM still await responses from which countries?")
    );
}

/// The REPL with `PAGER` set to a command that marks each line it pages,
/// and extra arguments before `repl`.
fn repl_paged(db: &Path, history: &Path, args: &[&str]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acta"));
    cmd.arg("--db").arg(db).args(args).arg("repl");
    cmd.env("ACTA_HISTORY", history)
        .env("TERM", "xterm")
        .env_remove("ACTA_DB")
        .env("PAGER", "sed s/^/PAGED:/");
    let mut s = Session::spawn(cmd).expect("spawn acta repl in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

#[test]
fn the_pager_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb");
    let history = dir.path().join("history.txt");
    let ingest = Command::new(env!("CARGO_BIN_EXE_acta"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", SEED])
        .output()
        .unwrap();
    assert!(ingest.status.success());
    // Taller than any terminal: one row per section.
    let tall = "match (s:section) return s.id as id, 'row' as marker";
    let mut p = repl_paged(&db, &history, &[]);
    p.expect("acta> ").unwrap();
    p.send_line(tall).unwrap();
    p.expect("PAGED:").unwrap();
    p.expect("acta> ").unwrap();
    p.send_line(":pager off").unwrap();
    p.expect("pager: off").unwrap();
    p.expect("acta> ").unwrap();
    p.send_line(format!("{tall} order by id desc")).unwrap();
    let whole = p.expect(" rows)").unwrap();
    let text = String::from_utf8_lossy(whole.before());
    assert!(text.contains("| row"), "{text}");
    assert!(!text.contains("PAGED:"), "{text}");
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
    // `--no-pager` starts the session with the pager off.
    let mut p = repl_paged(&db, &history, &["--no-pager"]);
    p.expect("acta> ").unwrap();
    p.send_line(tall).unwrap();
    let whole = p.expect(" rows)").unwrap();
    let text = String::from_utf8_lossy(whole.before());
    assert!(text.contains("| row"), "{text}");
    assert!(!text.contains("PAGED:"), "{text}");
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
}

/// The REPL on the seeded database with `NO_COLOR` as given.
fn repl_colour(db: &Path, history: &Path, no_color: Option<&str>) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acta"));
    cmd.arg("--db").arg(db).arg("repl");
    cmd.env("ACTA_HISTORY", history)
        .env("TERM", "xterm")
        .env_remove("ACTA_DB")
        .env_remove("NO_COLOR")
        .env("PAGER", "cat");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let mut s = Session::spawn(cmd).expect("spawn acta repl in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

#[test]
fn errors_are_red_on_a_terminal_unless_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb");
    let history = dir.path().join("history.txt");
    let ingest = Command::new(env!("CARGO_BIN_EXE_acta"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", SEED])
        .output()
        .unwrap();
    assert!(ingest.status.success());
    let mut p = repl_colour(&db, &history, None);
    p.expect("acta> ").unwrap();
    p.send_line("show Atlantis").unwrap();
    p.expect("\x1b[31merror:").unwrap();
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
    let mut p = repl_colour(&db, &history, Some("1"));
    p.expect("acta> ").unwrap();
    p.send_line("show Atlantis").unwrap();
    let seen = p.expect("error:").unwrap();
    assert!(!String::from_utf8_lossy(seen.before()).ends_with("\x1b[31m"));
    let rest = p.expect("acta> ").unwrap();
    assert!(!String::from_utf8_lossy(rest.before()).contains("\x1b[31m"));
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
}

#[test]
fn pasted_lines_each_run_and_type_ahead_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb");
    let history = dir.path().join("history.txt");
    let ingest = Command::new(env!("CARGO_BIN_EXE_acta"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", SEED])
        .output()
        .unwrap();
    assert!(ingest.status.success());
    let mut p = repl(&db, &history);
    // Typed before the first prompt appears: kept for it.
    p.send(":format tsv\r").unwrap();
    p.expect("format: tsv").unwrap();
    // Three lines pasted at once (a terminal brackets a paste): each
    // runs, in order, none dropped.
    p.send(
        "\x1b[200~meetings in 2003\rsections mentioning SIEMCA\rmeetings in Guatemala\x1b[201~\r",
    )
    .unwrap();
    p.expect("meeting\tdate").unwrap();
    p.expect("section\tsentence").unwrap();
    p.expect("meeting:crm-07").unwrap();
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
}

#[test]
fn an_unfinished_statement_gets_a_continuation_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb");
    let history = dir.path().join("history.txt");
    let ingest = Command::new(env!("CARGO_BIN_EXE_acta"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", SEED])
        .output()
        .unwrap();
    assert!(ingest.status.success());
    let mut p = repl(&db, &history);
    p.expect("acta> ").unwrap();
    p.send_line("match (m:meeting {name:").unwrap();
    p.expect(" ...> ").unwrap();
    p.send_line("\"VII CRM\"}) return m.date as date").unwrap();
    p.expect("2002-05-30..2002-05-31").unwrap();
    p.expect("acta> ").unwrap();
    // Ctrl-C drops the unfinished statement: the next one stands alone.
    p.send_line("show (").unwrap();
    p.expect(" ...> ").unwrap();
    p.send(ControlCode::EndOfText).unwrap();
    p.expect("acta> ").unwrap();
    p.send_line("meetings in Guatemala").unwrap();
    p.expect("meeting:crm-07").unwrap();
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
    // The whole statement is one history entry.
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(saved.contains("VII CRM"), "{saved}");
}
