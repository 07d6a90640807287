//! One error type for the whole program, gathered from each stage, and the
//! exit code each maps to (DESIGN.md: 0 ok, 1 query or data error, 2 usage,
//! 3 database locked or unreadable). Every variant is a type, not a
//! sentence: the message is worded here, once, from what went wrong.

use crate::graph::ResolveError;
use crate::help::UnknownTopic;
use crate::ingest::IngestError;
use crate::output::UnknownFormat;
use crate::query::QueryError;
use crate::reference::ReferenceError;
use crate::store::StoreError;
use std::fmt;

/// Any failure acta reports to a user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database: locked, unreadable, damaged, full (exit code 3).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A report that cannot be read.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// A name that matches no entity, or several.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// A query that cannot be parsed or answered.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The bundled gazetteer of `data/reference/` cannot be read.
    #[error(transparent)]
    Gazetteer(#[from] ReferenceError),
    /// A file that cannot be read or written.
    #[error("{path}: {}", io_words(.source))]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// A directory given where a report file is expected.
    #[error("{path}: is a directory, not a report file")]
    NotAFile { path: String },
    /// A FIFO, socket or device given where a report file is expected.
    #[error("{path}: is not a regular file (a pipe or a device?): save the report to a file and ingest that")]
    NotRegular { path: String },
    /// A file given to `acta import` that is not an export.
    #[error("{path}: not an acta export: {source} (line {}, column {})", .source.line(), .source.column())]
    NotAnExport {
        path: String,
        source: serde_json::Error,
    },
    /// An export of another format or version.
    #[error("{path}: export format {format} version {version} is not supported")]
    ExportVersion {
        path: String,
        format: String,
        version: u32,
    },
    /// An export whose documents or annotations would store what cannot
    /// be read back or does not hold together; nothing was imported.
    #[error("{path}: not imported, nothing was stored: {}{}", .problems.iter().take(5).cloned().collect::<Vec<_>>().join("; "), if .problems.len() > 5 { format!("; and {} more", .problems.len() - 5) } else { String::new() })]
    InvalidExport { path: String, problems: Vec<String> },
    /// A stored annotation record that does not decode.
    #[error("stored annotation {seq} cannot be read: {source}")]
    StoredAnnotation { seq: u64, source: serde_json::Error },
    /// JSON that cannot be written.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// Standard output cannot be written (a closed pipe is not an error).
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    /// The line editor of the REPL failed.
    #[error("{doing}: {source}")]
    Terminal {
        doing: &'static str,
        source: rustyline::error::ReadlineError,
    },
    /// `--db` names a folder that holds no knowledge base, for a command
    /// that only reads (exit code 3); nothing was created there.
    #[error("{path}: no knowledge base here (acta --db PATH ingest FILE makes one)")]
    NoKnowledgeBase { path: String },
    /// `acta check` found problems (each reported before).
    #[error("{0} problems found")]
    CheckFailed(usize),
    /// Statements of a script failed (each reported before).
    #[error("{0} statement(s) failed")]
    ScriptFailed(usize),
    /// Some of the files of `acta ingest` were not ingested.
    #[error("not every file was ingested ({0})")]
    NotAllIngested(Box<Error>),
    /// A statement of a script failed: where, and why.
    #[error("{}", Located(self))]
    InScript {
        file: String,
        line: usize,
        column: usize,
        source: Box<Error>,
    },
    /// The command line or a `:command` was used wrongly (exit code 2).
    #[error(transparent)]
    Usage(#[from] Usage),
    /// `acta serve` cannot listen on `port` (it is taken, say).
    #[error("cannot serve: {source}")]
    Serve {
        port: u16,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// How the command line or a `:command` was used wrongly.
#[derive(Debug, thiserror::Error)]
pub enum Usage {
    /// `:load` of a file that is not a query script.
    #[error("{0}: `:load` runs query scripts (.aq files)")]
    NotAScript(String),
    #[error(transparent)]
    HelpTopic(#[from] UnknownTopic),
    #[error(transparent)]
    Format(#[from] UnknownFormat),
    #[error(":{command} takes on or off, not `{given}`")]
    OnOff {
        command: &'static str,
        given: String,
    },
    #[error("a meta command follows the colon: try :help")]
    NoMetaCommand,
    #[error("unknown command :{0} (try :help)")]
    UnknownMetaCommand(String),
    #[error("stdout is not a terminal: give a command (acta --help), or pipe queries into acta")]
    NotATerminal,
    #[error("give a query, -f FILE, or queries on stdin")]
    NoQuery,
    #[error("--as-of {0}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    AsOf(String),
    #[error("--as-of {0}: not a date (no such day in the calendar)")]
    NotADate(String),
    #[error("--format csv writes several files (nodes.csv, edges.csv, requests.csv, aliases.csv): give a directory with --out DIR")]
    CsvNeedsDirectory,
    #[error(
        "`{0}` is neither a meeting nor an agreement: pictures (--format svg) are drawn of those"
    )]
    NoPicture(String),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Store(_) | Error::NoKnowledgeBase { .. } => 3,
            Error::Usage(_) => 2,
            Error::InScript { source, .. } | Error::NotAllIngested(source) => source.exit_code(),
            _ => 1,
        }
    }

    /// An I/O failure on `path`.
    pub(crate) fn io(path: impl fmt::Display, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }

    /// The error with the line, column and caret of a query error computed
    /// from the query's text.
    pub(crate) fn locate(self, text: &str) -> Error {
        match self {
            Error::Query(e) => Error::Query(e.locate(text)),
            other => other,
        }
    }
}

/// How a script error reads: a query error keeps its caret picture, with
/// its line and column counted in the file; any other names the
/// statement's place.
struct Located<'a>(&'a Error);

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Error::InScript {
            file,
            line,
            column,
            source,
        } = self.0
        else {
            return write!(f, "{}", self.0);
        };
        match &**source {
            Error::Query(q) => write!(f, "{file}: {q}"),
            other => write!(f, "{file}:{line}:{column}: {other}"),
        }
    }
}

/// An I/O error in words, without Rust's "(os error 2)".
pub(crate) fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
