//! Statements from the command line: `acta query` (one query, a script
//! file, or stdin) and `acta` alone (the REPL on a terminal, else the
//! statements on stdin). Results go to stdout, notices and errors to
//! stderr; a failing statement is reported at its line and column.

use super::args::QueryFormat;
use super::io::{out, read, read_stdin};
use super::open::{open_or_read, open_to_read};
use acta::{shown, visible, Error, Reply, Session, Usage};
use std::io::IsTerminal;
use std::path::PathBuf;

/// The arguments of `acta query`.
pub(crate) struct QueryArgs {
    pub(crate) query: Option<String>,
    pub(crate) file: Option<PathBuf>,
    pub(crate) format: QueryFormat,
    pub(crate) sources: bool,
    pub(crate) keep_going: bool,
    pub(crate) width: Option<u16>,
}

/// `acta query`: the statements of the argument, of `-f FILE`, or of stdin.
pub(crate) fn query(db: Option<PathBuf>, author: String, args: QueryArgs) -> Result<(), Error> {
    let mut session = Session::reading(open_to_read(db)?, author)?;
    session.format = args.format.into();
    session.sources = args.sources;
    session.width = match args.width {
        Some(w) => Some(usize::from(w)),
        None if std::io::stdout().is_terminal() => acta::output::terminal_width(),
        None => None,
    };
    let keep_going = args.keep_going;
    match (args.query, args.file) {
        (Some(q), _) => run_script(&mut session, &q, "<query>", keep_going),
        (None, Some(f)) => run_script(
            &mut session,
            &read(&f)?,
            &f.display().to_string(),
            keep_going,
        ),
        (None, None) if !std::io::stdin().is_terminal() => {
            run_script(&mut session, &read_stdin()?, "<stdin>", keep_going)
        }
        (None, None) => Err(Usage::NoQuery.into()),
    }
}

/// `acta` alone: the REPL in a terminal, else the statements on stdin.
pub(crate) fn no_command(db: Option<PathBuf>, author: String) -> Result<(), Error> {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let access = if interactive {
        open_or_read(db)?
    } else {
        open_to_read(db)?
    };
    let mut session = Session::reading(access, author)?;
    if interactive {
        return acta::repl::run(&mut session);
    }
    if std::io::stdin().is_terminal() {
        return Err(Usage::NotATerminal.into());
    }
    run_script(&mut session, &read_stdin()?, "<stdin>", false)
}

/// `acta repl`: the REPL, read-only when another process holds the store.
pub(crate) fn repl(db: Option<PathBuf>, author: String) -> Result<(), Error> {
    acta::repl::run(&mut Session::reading(open_or_read(db)?, author)?)
}

/// Run `;`-separated statements; results to stdout, notices to stderr. The
/// first failing statement stops the script (unless `keep_going`) and is
/// reported at its line and column.
fn run_script(
    session: &mut Session,
    text: &str,
    name: &str,
    keep_going: bool,
) -> Result<(), Error> {
    let reply = |r: Reply| {
        out(&r.stdout)?;
        if let Some(n) = r.notice {
            eprintln!("{}", visible(&n));
        }
        Ok(())
    };
    session.run_script(text, name, keep_going, reply, |e| {
        eprintln!("acta: {}", shown(&e.to_string()))
    })?;
    Ok(())
}
