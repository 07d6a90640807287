//! Statements from the command line: `acta query` (one query, a script
//! file, or stdin) and `acta` alone (the REPL on a terminal, else the
//! statements on stdin). Results go to stdout, notices and errors to
//! stderr; a failing statement is reported at its line and column.

use super::args::QueryArgs;
use super::io::{out, read, read_stdin, write};
use super::open::{open_or_read, open_to_read};
use acta::output::{tint, Tint};
use acta::{shown, visible, Error, Reply, Session, Usage};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// `acta query`: the statements of the argument (or `-c`), of `-f FILE`,
/// or of stdin (`-`, `-f -`, or a pipe with no argument), answered to
/// stdout or to `-o FILE`.
pub(crate) fn query(db: Option<PathBuf>, author: String, args: QueryArgs) -> Result<(), Error> {
    let mut session = Session::reading(open_to_read(db)?, author)?;
    session.format = args.format.into();
    session.sources = args.sources;
    session.width = match args.width {
        Some(w) => Some(usize::from(w)),
        None if args.output.is_none() && std::io::stdout().is_terminal() => {
            acta::output::terminal_width()
        }
        None => None,
    };
    let stdin = || read_stdin().map(|text| (text, "<stdin>".to_string()));
    let (text, name) = match (args.command, args.query, args.file) {
        (Some(q), _, _) => (q, "<query>".to_string()),
        (None, Some(q), _) if q == "-" => stdin()?,
        (None, Some(q), _) => (q, "<query>".to_string()),
        (None, None, Some(f)) if f.as_os_str() == "-" => stdin()?,
        (None, None, Some(f)) => (read(&f)?, f.display().to_string()),
        (None, None, None) if !std::io::stdin().is_terminal() => stdin()?,
        (None, None, None) => return Err(Usage::NoQuery.into()),
    };
    run_script(
        &mut session,
        &text,
        &name,
        args.keep_going,
        args.output.as_deref(),
    )
}

/// `acta` alone: the REPL in a terminal, else the statements on stdin.
pub(crate) fn no_command(db: Option<PathBuf>, author: String, pager: bool) -> Result<(), Error> {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let access = if interactive {
        open_or_read(db)?
    } else {
        open_to_read(db)?
    };
    let mut session = Session::reading(access, author)?;
    session.pager = pager;
    if interactive {
        return acta::repl::run(&mut session);
    }
    if std::io::stdin().is_terminal() {
        return Err(Usage::NotATerminal.into());
    }
    run_script(&mut session, &read_stdin()?, "<stdin>", false, None)
}

/// `acta repl`: the REPL, read-only when another process holds the store;
/// long answers through `$PAGER` when `pager`.
pub(crate) fn repl(db: Option<PathBuf>, author: String, pager: bool) -> Result<(), Error> {
    let mut session = Session::reading(open_or_read(db)?, author)?;
    session.pager = pager;
    acta::repl::run(&mut session)
}

/// Run statements; answers to stdout (or, with `output`, to that file,
/// written whole when the statements have run), notices to stderr. The
/// first failing statement stops the script (unless `keep_going`) and is
/// reported at its line and column; then `output` is left as it was.
fn run_script(
    session: &mut Session,
    text: &str,
    name: &str,
    keep_going: bool,
    output: Option<&Path>,
) -> Result<(), Error> {
    let mut answers = String::new();
    let reply = |r: Reply| {
        match output {
            Some(_) => answers.push_str(&r.stdout),
            None => out(&r.stdout)?,
        }
        if let Some(n) = r.notice {
            eprintln!("{}", visible(&n));
        }
        Ok(())
    };
    let terminal = std::io::stderr().is_terminal();
    let ran = session.run_script(text, name, keep_going, reply, |e| {
        let line = format!("acta: {}", shown(&e.to_string()));
        eprintln!("{}", tint(&line, Tint::Error, terminal));
    });
    if let (Some(path), Ok(_) | Err(Error::ScriptFailed(_))) = (output, &ran) {
        write(path, &answers)?;
    }
    ran.map(|_| ())
}
