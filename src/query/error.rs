//! Errors of the query stage: syntax errors with a caret under the column,
//! unknown or ambiguous entities with their nearest candidates, type errors,
//! and limits. Every error that points into the query carries its span; the
//! caller-facing text is `kind at line:col: message`, then the query line
//! and a caret.

use super::ast::Span;
use crate::graph::ResolveError;
use std::fmt;
use unicode_width::UnicodeWidthStr;

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not a query.
    Syntax,
    /// A name matches no entity, or several.
    Resolve,
    /// Values of the wrong kind: comparing a date with a country.
    Type,
    /// A query that is well formed but cannot be answered as written
    /// (unknown function, unknown kind, variable misuse).
    Invalid,
    /// A limit on size or work was reached.
    Limit,
    /// `as of` without a way to build a dated view.
    NoView,
}

impl ErrorKind {
    fn label(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax error",
            ErrorKind::Resolve => "unknown entity",
            ErrorKind::Type => "type error",
            ErrorKind::Invalid => "invalid query",
            ErrorKind::Limit => "limit reached",
            ErrorKind::NoView => "cannot answer",
        }
    }
}

/// Where an error points: 1-based line and column (in characters) and the
/// text of that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub col: usize,
    pub line_text: String,
    /// Display width before the caret.
    caret_offset: usize,
    /// Display width of the underlined part (at least 1).
    caret_width: usize,
}

/// A query error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub kind: ErrorKind,
    pub message: String,
    pub(crate) span: Option<Span>,
    pub location: Option<Location>,
}

impl QueryError {
    pub(crate) fn new(
        kind: ErrorKind,
        message: impl Into<String>,
        span: Option<Span>,
    ) -> QueryError {
        QueryError {
            kind,
            message: message.into(),
            span,
            location: None,
        }
    }

    pub(crate) fn syntax(message: impl Into<String>, span: Span) -> QueryError {
        QueryError::new(ErrorKind::Syntax, message, Some(span))
    }

    pub(crate) fn type_error(message: impl Into<String>, span: Span) -> QueryError {
        QueryError::new(ErrorKind::Type, message, Some(span))
    }

    pub(crate) fn invalid(message: impl Into<String>, span: Span) -> QueryError {
        QueryError::new(ErrorKind::Invalid, message, Some(span))
    }

    pub(crate) fn limit(message: impl Into<String>) -> QueryError {
        QueryError::new(ErrorKind::Limit, message, None)
    }

    pub(crate) fn resolve(e: &ResolveError, span: Span) -> QueryError {
        QueryError::new(ErrorKind::Resolve, e.to_string(), Some(span))
    }

    /// `line:col` when the error points into the query.
    pub fn position(&self) -> Option<String> {
        self.location
            .as_ref()
            .map(|l| format!("{}:{}", l.line, l.col))
    }

    /// Attach line, column and the query line, computed from `query`.
    pub fn locate(mut self, query: &str) -> QueryError {
        if let Some(span) = self.span {
            self.location = Some(locate(query, span));
        }
        self
    }
}

/// Line, column and caret for a span of `query`.
fn locate(query: &str, span: Span) -> Location {
    let start = floor_char(query, span.start.min(query.len()));
    let end = floor_char(query, span.end.clamp(start, query.len()));
    let line_start = query[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = query[start..].find('\n').map_or(query.len(), |i| start + i);
    let line = query[..start].matches('\n').count() + 1;
    let before = &query[line_start..start];
    let col = before.chars().count() + 1;
    let under = &query[start..end.min(line_end).max(start)];
    let whole = &query[line_start..line_end];
    // A long line (a generated query, a pasted document) is shown as a
    // window around the caret, never whole.
    let (shown, before) = if whole.chars().count() > WINDOW * 3 {
        let cut = before.chars().count().saturating_sub(WINDOW);
        let head: String = before.chars().skip(cut).collect();
        let head = if cut > 0 { format!("…{head}") } else { head };
        let rest = &query[start..line_end];
        let mut tail: String = rest.chars().take(WINDOW).collect();
        if rest.chars().count() > WINDOW {
            tail.push('…');
        }
        (format!("{head}{tail}"), head)
    } else {
        (whole.to_string(), before.to_string())
    };
    Location {
        line,
        col,
        line_text: shown,
        caret_offset: UnicodeWidthStr::width(before.as_str()),
        caret_width: UnicodeWidthStr::width(under).clamp(1, WINDOW),
    }
}

/// Characters shown on each side of the caret when a query line is long.
const WINDOW: usize = 40;

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A message's first line is the error; lines after it (what to
        // try instead) come after the query and its caret.
        let (first, hint) = match self.message.split_once('\n') {
            Some((a, b)) => (a, Some(b)),
            None => (self.message.as_str(), None),
        };
        match &self.location {
            Some(l) => {
                write!(
                    f,
                    "{} at {}:{}: {}",
                    self.kind.label(),
                    l.line,
                    l.col,
                    first
                )?;
                let text = l.line_text.replace('\t', " ");
                write!(
                    f,
                    "\n  {text}\n  {}{}",
                    " ".repeat(l.caret_offset),
                    "^".repeat(l.caret_width.min(WINDOW))
                )?;
            }
            None => write!(f, "{}: {}", self.kind.label(), first)?,
        }
        if let Some(h) = hint {
            write!(f, "\n{h}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_column_of_the_right_line() {
        let q = "match (a)\nwhere a.x = 1 retur a";
        let e = QueryError::syntax("expected `return`", Span::new(24, 29)).locate(q);
        assert_eq!(e.position().as_deref(), Some("2:15"));
        let text = e.to_string();
        assert!(text.starts_with("syntax error at 2:15: expected `return`"));
        assert!(
            text.ends_with("\n  where a.x = 1 retur a\n                ^^^^^"),
            "{text}"
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let q = "show Panamá ?x";
        let e = QueryError::syntax("x", Span::new(13, 14)).locate(q);
        assert_eq!(e.position().as_deref(), Some("1:13"));
    }
}
