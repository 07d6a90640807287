//! How `acta` ends: the exit code of a command line clap refused (2, or 0
//! for `--help` and `--version`) and of a command's result (0 ok, 1 query
//! or data error, 2 usage, 3 knowledge base locked, missing or unreadable),
//! with the error on stderr (red on a terminal, unless `NO_COLOR` is set).

use acta::output::{tint, Tint};
use acta::{shown, Error};
use std::io::IsTerminal;
use std::process::ExitCode;

/// The exit of a command line clap could not read (or `--help`): its
/// message printed, 2 for an error and 0 for help or the version.
pub(crate) fn refused(e: &clap::Error) -> ExitCode {
    let code = if e.use_stderr() { 2 } else { 0 };
    let _ = e.print();
    ExitCode::from(code)
}

/// The exit of a command: 0, or its error on stderr and the error's code;
/// the notes the library kept for the user first.
pub(crate) fn finished(result: Result<(), Error>) -> ExitCode {
    for note in acta::take_notes() {
        eprintln!("acta: note: {}", shown(&note));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let line = format!("acta: {}", shown(&e.to_string()));
            eprintln!(
                "{}",
                tint(&line, Tint::Error, std::io::stderr().is_terminal())
            );
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}
