//! The REPL in a real pseudo-terminal, as a researcher uses it: the banner,
//! the headline question typed with a tab completion on the way, `:format
//! json`, history recalled after a restart, Ctrl-D to quit, and the pager
//! turned off (`:pager off`, `--no-pager`), errors in red unless `NO_COLOR`,
//! pasted lines each run, and a continuation prompt for unfinished input.

mod common;

use expectrl::{ControlCode, Eof, Session};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// A knowledge base holding the bundled report, and a history file, in a
/// temporary folder.
struct Seeded {
    _dir: tempfile::TempDir,
    db: PathBuf,
    history: PathBuf,
}

fn seeded() -> Seeded {
    let (dir, db) = common::seeded();
    let history = dir.path().join("history.txt");
    Seeded {
        _dir: dir,
        db,
        history,
    }
}

/// `acta [args] repl` in a pseudo-terminal, with `PAGER=cat` and
/// `NO_COLOR` unset unless `env` says otherwise.
fn repl_with(kb: &Seeded, args: &[&str], env: &[(&str, &str)]) -> Session {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acta"));
    cmd.arg("--db").arg(&kb.db).args(args).arg("repl");
    cmd.env("ACTA_HISTORY", &kb.history)
        .env("TERM", "xterm")
        .env_remove("ACTA_DB")
        .env_remove("NO_COLOR")
        .env("PAGER", "cat");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut s = Session::spawn(cmd).expect("spawn acta repl in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(30)));
    s
}

fn repl(kb: &Seeded) -> Session {
    repl_with(kb, &[], &[])
}

/// At the prompt, Ctrl-D ends the session.
fn quit(p: &mut Session) {
    p.expect("acta> ").unwrap();
    p.send(ControlCode::EndOfTransmission).unwrap();
    p.expect(Eof).unwrap();
}

/// The answer to `query`, up to its row count, shown whole: not paged.
fn not_paged(p: &mut Session, query: &str) {
    p.send_line(query).unwrap();
    let whole = p.expect(" rows)").unwrap();
    let text = String::from_utf8_lossy(whole.before());
    assert!(text.contains("| row"), "{text}");
    assert!(!text.contains("PAGED:"), "{text}");
}

#[test]
fn a_researcher_session_in_a_terminal() {
    let kb = seeded();

    let mut p = repl(&kb);
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
    quit(&mut p);

    // After a restart, the last query is one Up-arrow away.
    let mut p = repl(&kb);
    p.expect("acta> ").unwrap();
    p.send("\x1b[A").unwrap();
    p.expect("meetings in Guatemala").unwrap();
    p.send("\r").unwrap();
    p.expect("VII CRM").unwrap();
    p.expect("acta> ").unwrap();
    // Ctrl-C cancels a half-typed line; the session goes on.
    p.send("show Cana").unwrap();
    p.send(ControlCode::EndOfText).unwrap();
    quit(&mut p);
    let saved = std::fs::read_to_string(&kb.history).unwrap();
    assert!(
        saved.contains("which agreements from VII CRM still await responses from which countries?")
    );
}

#[test]
fn the_pager_can_be_turned_off() {
    let kb = seeded();
    // Taller than any terminal: one row per section.
    let tall = "match (s:section) return s.id as id, 'row' as marker";
    let mut p = repl_with(&kb, &[], &[("PAGER", "sed s/^/PAGED:/")]);
    p.expect("acta> ").unwrap();
    p.send_line(tall).unwrap();
    p.expect("PAGED:").unwrap();
    p.expect("acta> ").unwrap();
    p.send_line(":pager off").unwrap();
    p.expect("pager: off").unwrap();
    p.expect("acta> ").unwrap();
    not_paged(&mut p, &format!("{tall} order by id desc"));
    quit(&mut p);
    // `--no-pager` starts the session with the pager off.
    let mut p = repl_with(&kb, &["--no-pager"], &[("PAGER", "sed s/^/PAGED:/")]);
    p.expect("acta> ").unwrap();
    not_paged(&mut p, tall);
    quit(&mut p);
}

#[test]
fn errors_are_red_on_a_terminal_unless_no_color() {
    let kb = seeded();
    let mut p = repl(&kb);
    p.expect("acta> ").unwrap();
    p.send_line("show Atlantis").unwrap();
    p.expect("\x1b[31merror:").unwrap();
    quit(&mut p);
    let mut p = repl_with(&kb, &[], &[("NO_COLOR", "1")]);
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
    let kb = seeded();
    let mut p = repl(&kb);
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
    // Without bracketed paste (or typed ahead faster than answers come),
    // the lines arrive in one read: none is dropped either.
    p.send("meetings in 2003\rsections mentioning SIEMCA\rshow IV.A\r")
        .unwrap();
    p.expect("VIII CRM").unwrap();
    p.expect("VI.A Proyecto SIEMCA").unwrap();
    p.expect("agreement:informe-ppt-mexico-2003/IV.A").unwrap();
    quit(&mut p);
}

#[test]
fn an_unfinished_statement_gets_a_continuation_prompt() {
    let kb = seeded();
    let mut p = repl(&kb);
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
    quit(&mut p);
    // The whole statement is one history entry.
    let saved = std::fs::read_to_string(&kb.history).unwrap();
    assert!(saved.contains("VII CRM"), "{saved}");
}
