//! The `acta` command line, binary side: which knowledge base and author a
//! command gets (`--db`, `$ACTA_DB`, `--author`) and which module runs
//! each subcommand. Each file below decides one thing: `args` the grammar,
//! `open` the knowledge base, `io` reading and writing, `exit` the exit
//! codes, and one file per group of subcommands.

pub(crate) mod args;
pub(crate) mod exit;
mod export;
mod ingest;
mod inspect;
mod io;
mod open;
mod query;
mod show;

use acta::Error;
use acta::StoreError;
use args::{Cli, Command};
use open::{existing, open, open_existing, open_to_read};
use std::path::PathBuf;

/// Run the command `cli` names.
pub(crate) fn run(cli: Cli) -> Result<(), Error> {
    let db = cli.db.or_else(|| {
        std::env::var_os("ACTA_DB")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    });
    let author = acta::default_author(cli.author.as_deref());
    let Some(command) = cli.command else {
        return query::no_command(db, author, !cli.no_pager);
    };
    match command {
        Command::Ingest { files, report } => ingest::ingest(&open(db)?, &files, report),
        Command::Stats => inspect::stats(&open_to_read(db)?),
        Command::Check => inspect::check(&open_existing(db)?),
        Command::Show {
            entity,
            sources,
            format,
            output,
        } => show::show(
            &open_to_read(db)?,
            &entity,
            sources,
            format,
            output.as_deref(),
        ),
        Command::Export {
            format,
            out,
            annotations,
        } => export::export(&open_existing(db)?, format, out, annotations),
        Command::Import { file } => export::import(&open(db)?, &file),
        Command::Query(args) => query::query(db, author, args),
        Command::Repl => query::repl(db, author, !cli.no_pager),
        Command::Trace {
            agreement,
            format,
            as_of,
            output,
        } => show::trace(
            &open_to_read(db)?,
            &agreement,
            format,
            as_of,
            output.as_deref(),
        ),
        Command::Annotations => export::annotations(&open_existing(db)?),
        Command::Serve { port } => serve(db, port),
    }
}

/// `acta serve`: the web view over `--db`, or over the default knowledge
/// base, built first if this is its first use.
fn serve(db: Option<PathBuf>, port: u16) -> Result<(), Error> {
    let db = existing(db)?;
    let path = db.clone().unwrap_or_else(acta::default_db_path);
    // The default knowledge base is built on first use, as for any
    // command (unless another process has it: then it is built).
    if db.is_none() {
        match open(None) {
            Ok(_) | Err(Error::Store(StoreError::Locked { .. })) => {}
            Err(e) => return Err(e),
        }
    }
    acta::serve(&path, port, |addr| {
        eprintln!("acta serve: http://{addr}/ (read-only; Ctrl-C stops it)");
    })
}
