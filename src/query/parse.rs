//! From query text to the syntax tree: limits checked on the raw text,
//! accents folded for keyword matching, pest (`grammar/`) for
//! the syntax, one builder function per rule, and syntax errors worded for a
//! researcher (`expected a node pattern like (a:agreement)`), with the
//! line and column of the original text.
//!
//! Submodules: [`errors`] words syntax errors, [`build`] turns pest pairs
//! into statements and questions, [`pattern`] into patterns and
//! expressions. Walking the pairs never unwraps: a pair that is not where
//! the grammar puts it is reported as an internal error naming the rule.

mod build;
mod errors;
mod pattern;
mod question;
mod reword;

use super::ast::{Span, Statement};
use super::error::{ErrorKind, QueryError};
use build::{first, internal, Builder};
use pest::Parser;
use std::cell::Cell;
use std::sync::Mutex;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/query.pest"]
#[grammar = "../grammar/questions.pest"]
struct QueryParser;

/// Longest query accepted, in bytes.
pub(crate) const MAX_QUERY_BYTES: usize = 32 * 1024;
/// Deepest nesting of `(`, `[` and `{` accepted.
pub(crate) const MAX_NESTING: usize = 64;
/// Most operators (`and`, `=`, `not`, `.key`, edges of a path) in one query.
pub(crate) const MAX_OPERATORS: usize = 256;
/// Largest upper bound of a variable-length edge pattern.
pub(crate) const MAX_HOPS: u32 = 20;

/// How many parsed statements each thread keeps.
const PARSED_KEPT: usize = 64;

thread_local! {
    /// The statements parsed last, by text, most recent last. A parse is a
    /// pure function of the text; scripts, REPL sessions and benchmarks ask
    /// the same queries again (as SQL drivers keep prepared statements by
    /// text). Questions are compiled to their patterns as trees, never as
    /// text to parse again.
    static PARSED: std::cell::RefCell<Vec<(String, Statement)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Parse one query.
pub(crate) fn parse(text: &str) -> Result<Statement, QueryError> {
    let kept = PARSED.with(|p| {
        p.borrow()
            .iter()
            .rev()
            .find(|(t, _)| t == text)
            .map(|(_, s)| s.clone())
    });
    if let Some(s) = kept {
        return Ok(s);
    }
    let s = parse_reworded(text).map_err(|e| e.locate(text))?;
    PARSED.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() == PARSED_KEPT {
            p.remove(0);
        }
        p.push((text.to_string(), s.clone()));
    });
    Ok(s)
}

/// Parse a question as typed with its names reworded ([`reword::names`]),
/// then as typed, then read loosely ([`reword::loose`]); the first error
/// (on the text as typed) when none parses.
fn parse_reworded(text: &str) -> Result<Statement, QueryError> {
    let named = reword::names(text);
    let typed = if named == text {
        parse_unlocated(text)
    } else {
        parse_unlocated(&named).or_else(|_| parse_unlocated(text))
    };
    typed.or_else(|e| {
        let loose = reword::names(&reword::loose(&named));
        if loose == named {
            return Err(e);
        }
        parse_unlocated(&loose).map_err(|_| e)
    })
}

fn parse_unlocated(text: &str) -> Result<Statement, QueryError> {
    precheck(text)?;
    build(text)
}

/// Parse and build, with no check on the raw text: pest's stack guard and
/// the builder's depth bound are what keep any input from recursing too
/// deep.
fn build(text: &str) -> Result<Statement, QueryError> {
    let folded = fold(text);
    let mut pairs =
        parse_query(&folded.text).map_err(|e| errors::syntax_error(&e, &folded, text))?;
    let b = Builder {
        orig: text,
        map: &folded.map,
        ops: Cell::new(0),
        depth: Cell::new(0),
    };
    let query = pairs
        .next()
        .ok_or_else(|| internal(Rule::query, Span::new(0, text.len())))?;
    let statement = first(&b, query.into_inner(), Rule::statement, Rule::query)?;
    b.statement(statement)
}

/// Parse with pest. pest's error detail (the rule stack behind each
/// attempt, which the messages use) makes every parse record its attempts
/// and costs more than the rest of a name lookup: a query is parsed
/// without it, and only one that fails is parsed again with it, for the
/// message. The detail switch is global, hence the lock around both.
fn parse_query(text: &str) -> Result<pest::iterators::Pairs<'_, Rule>, pest::error::Error<Rule>> {
    static DETAIL: Mutex<()> = Mutex::new(());
    let _only_us = DETAIL.lock().unwrap_or_else(|e| e.into_inner());
    pest::set_error_detail(false);
    QueryParser::parse(Rule::query, text).or_else(|_| {
        pest::set_error_detail(true);
        let again = QueryParser::parse(Rule::query, text);
        pest::set_error_detail(false);
        again
    })
}

// ---- limits on the raw text ---------------------------------------------------

/// Refuse input that would make the parser work too hard or recurse too
/// deep, before pest sees it: overall length, bracket nesting (outside
/// strings) and the number of `not`s, which nest. A quick first filter
/// only: a query can blind it (an apostrophe in a name looks like a
/// quote), so the builder bounds the depth again, exactly.
fn precheck(text: &str) -> Result<(), QueryError> {
    if text.len() > MAX_QUERY_BYTES {
        return Err(QueryError::new(
            ErrorKind::Limit,
            format!(
                "the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted",
                text.len()
            ),
            None,
        ));
    }
    if text.trim().is_empty() {
        return Err(QueryError::syntax(
            "the query is empty: ask a question (like `meetings in Guatemala`) or write a pattern (like `match (a:agreement) return a`)",
            Span::new(0, text.len()),
        ));
    }
    let mut depth = 0usize;
    // The quote that opened the string we are in, if any.
    let mut in_string: Option<char> = None;
    let mut escaped = false;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        let before = std::mem::replace(&mut prev, c);
        if let Some(q) = in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') if q != '`' => escaped = true,
                (false, c) if c == q => in_string = None,
                _ => {}
            }
            continue;
        }
        match c {
            '"' | '`' => in_string = Some(c),
            // An apostrophe inside a word (`d'Ivoire`) opens no string.
            '\'' if !before.is_alphanumeric() => in_string = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(QueryError::new(
                        ErrorKind::Limit,
                        format!("brackets nest more than {MAX_NESTING} deep"),
                        Some(Span::new(i, i + 1)),
                    ));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let nots = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.eq_ignore_ascii_case("not"))
        .count();
    if nots > MAX_NESTING {
        return Err(QueryError::new(
            ErrorKind::Limit,
            format!("the query has {nots} `not`s; at most {MAX_NESTING} are accepted"),
            None,
        ));
    }
    Ok(())
}

// ---- accent folding -------------------------------------------------------------

/// The query with accented letters folded to their ASCII base letter and
/// combining accents after letters removed, and for every byte of it the offset of
/// the byte of the original it came from.
struct Folded {
    text: String,
    map: Vec<usize>,
}

fn fold(original: &str) -> Folded {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut text = String::with_capacity(original.len());
    let mut map = Vec::with_capacity(original.len() + 1);
    for (o, c) in original.char_indices() {
        // An accent written as a separate mark after a letter folds away
        // with it; a mark anywhere else (say, first in a string) is kept.
        if is_combining_mark(c)
            && text
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphabetic())
        {
            continue;
        }
        let mut base = None;
        let mut marks_only = true;
        decompose_canonical(c, |d| {
            if base.is_none() {
                base = Some(d);
            } else if !is_combining_mark(d) {
                marks_only = false;
            }
        });
        match base {
            Some(b) if b != c && b.is_ascii_alphabetic() && marks_only => {
                text.push(b);
                map.push(o);
            }
            _ => {
                text.push(c);
                map.extend((0..c.len_utf8()).map(|k| o + k));
            }
        }
    }
    map.push(original.len());
    Folded { text, map }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_a_map_to_the_original() {
        let f = fold("reunión en PAÍSES");
        assert_eq!(f.text, "reunion en PAISES");
        assert_eq!(f.map.len(), f.text.len() + 1);
        assert_eq!(f.map[6], "reunió".len());
        let g = fold("Me\u{301}xico");
        assert_eq!(g.text, "Mexico");
    }

    #[test]
    fn deep_nesting_is_refused_by_the_parser_itself() {
        for depth in [65, 1_000, 4_000] {
            for (open, close) in [("(", ")"), ("[", "]"), ("f(", ")")] {
                let q = format!(
                    "match (a) where {}true{} return a",
                    open.repeat(depth),
                    close.repeat(depth)
                );
                let e = build(&q).unwrap_err();
                assert_eq!(e.kind, ErrorKind::Limit, "{depth} {open}: {e}");
                assert!(e.message.contains("nest"), "{e}");
            }
        }
        let q = format!("match (a) where {}true return a", "no ".repeat(3_000));
        assert_eq!(build(&q).unwrap_err().kind, ErrorKind::Limit);
        let q = format!(
            "match (a) where {}true{} return a",
            "(".repeat(60),
            ")".repeat(60)
        );
        assert!(build(&q).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_before_pest() {
        let q = format!("match {}", "(".repeat(10_000));
        let e = parse(&q).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Limit);
        assert!(e.message.contains("nest"), "{e}");
    }
}
