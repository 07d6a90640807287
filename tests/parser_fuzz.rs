//! The query parser (and the evaluator behind it) driven in-process with
//! hostile text (issue 20): token soup of brackets of every kind, quotes of
//! both kinds, backslashes, `\u{…}` escapes, comments, keywords and
//! control characters; brackets nested thousands deep behind a quote; any
//! Unicode string. Nothing panics, nothing aborts (a stack overflow would
//! end this test process), and every refusal is a message of bounded size.
//!
//! The graph is the bundled report's, built without a database, so what
//! parses is also evaluated (within the evaluator's limits).

mod common;

use acta::KnowledgeGraph;
use proptest::prelude::*;

fn kg() -> &'static KnowledgeGraph {
    common::seed_graph()
}

/// The pieces hostile queries are made of.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "\\",
    "`",
    "\\u{1b}",
    "\\u{",
    "\\u{110000}",
    "}",
    "//",
    "\n",
    "\r",
    "\t",
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "\u{0}",
    "\u{9b}",
    "\u{7f}",
    "é",
    "\u{301}",
    "¿",
    "?",
    ";",
    ",",
    ":",
    ".",
    "..",
    "*",
    "*1..3",
    "-",
    "->",
    "<-",
    "=",
    "<>",
    "<=",
    "match",
    "optional",
    "(a:agreement)",
    "(m:meeting)",
    "-[:adopted_at]->",
    "-[r*]-",
    "where",
    "return",
    "a",
    "a.name",
    "a.id",
    "count(*)",
    "collect(",
    "f(",
    "distinct",
    "order by",
    "desc",
    "skip",
    "limit",
    "1",
    "99999999999999999999",
    "or",
    "and",
    "not",
    "no",
    "is null",
    "in",
    "contains",
    "starts with",
    "true",
    "false",
    "null",
    "date(",
    "2003",
    "2003-02-29",
    "as of",
    "show",
    "trace",
    "why",
    "awaits",
    "meetings in",
    "sections mentioning",
    "path from",
    "to",
    "events between",
    "agreements from",
    "VII CRM",
    "IV.E(1)",
    "Honduras",
    "assert",
    "retract",
    "responded",
    "by",
    "because",
    "source",
    "has",
    "explain",
    " ",
    " ",
    " ",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| t.join(" "))
}

/// A nested expression: `depth` brackets of mixed kinds behind a quote
/// that a text-level check might misread.
fn nested() -> impl Strategy<Value = String> {
    let quote = prop::sample::select(&["'\"'", "\"'\"", "'x'", "'x' // \"\n", "`a\"`", "d'x"][..]);
    let opens = prop::collection::vec(
        prop::sample::select(&["(", "[", "f(", "not ("][..]),
        1..3000,
    );
    (quote, opens).prop_map(|(quote, opens)| {
        let closes: String = opens
            .iter()
            .rev()
            .map(|o| if *o == "[" { "]" } else { ")" })
            .collect();
        format!(
            "match (a:agreement) where a.name = {quote} or {}true{closes} return a.name",
            opens.concat()
        )
    })
}

/// Run a query; any refusal must say what and stay short.
fn survive(text: &str) -> Result<(), TestCaseError> {
    if let Err(e) = acta::query::run(kg(), text) {
        let message = e.to_string();
        prop_assert!(!message.is_empty());
        // The query line is shown as a window; the message itself may
        // quote a name, but never more of the query than it holds.
        prop_assert!(
            message.len() <= 2 * text.len() + 1_000,
            "{} bytes of message",
            message.len()
        );
    }
    let _ = acta::query::explain(kg(), text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(text in soup()) {
        survive(&text)?;
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,200}") {
        survive(&text)?;
    }
}

proptest! {
    // Each case is a few KB of brackets: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn deep_nesting_is_refused_never_aborts(text in nested()) {
        survive(&text)?;
        let deep = text.matches(['(', '[']).count() > 80;
        if deep {
            let e = acta::query::run(kg(), &text);
            prop_assert!(e.is_err(), "nested {} deep and answered", text.len());
        }
    }
}
