//! One error type for the whole program, gathered from each stage, and the
//! exit code each maps to (DESIGN.md: 0 ok, 1 query or data error, 2 usage,
//! 3 database locked or unreadable).

use crate::ingest::IngestError;
use crate::store::StoreError;

/// Any failure acta reports to a user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Resolve(#[from] crate::graph::ResolveError),
    /// A query that cannot be parsed or answered (exit code 1).
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),
    #[error("{path}: {message}")]
    File { path: String, message: String },
    /// A query, statement or data problem, already worded for the user.
    #[error("{0}")]
    Data(String),
    /// The command line was used wrongly.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The error with the line, column and caret of a query error computed
    /// from the query's text.
    pub fn locate(self, text: &str) -> Error {
        match self {
            Error::Query(e) => Error::Query(e.locate(text)),
            other => other,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Store(
                StoreError::Locked { .. }
                | StoreError::UnknownVersion { .. }
                | StoreError::Unreadable { .. },
            ) => 3,
            Error::Store(_) => 3,
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}
