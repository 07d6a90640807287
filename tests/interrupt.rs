//! Ctrl-C in the REPL sets a flag that stops the evaluation under way with
//! a clear message, and the next query runs normally.

mod common;

use common::session;

#[test]
fn an_interrupted_evaluation_stops_with_a_message() {
    let (_dir, mut session) = session();
    let big = "match (a:section)-[*1..2]-(b) return count(*) as n";
    acta::query::interrupt();
    let err = session.execute(big).unwrap_err().to_string();
    assert!(err.contains("interrupted (Ctrl-C)"), "{err}");
    // The flag is consumed: the same query now runs to the end.
    let ok = session.execute(big).unwrap();
    assert!(ok.stdout.contains("(1 row)"), "{}", ok.stdout);
}
