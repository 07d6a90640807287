//! Hostile or unlucky input through the real binary: queries nested
//! thousands deep with quotes of both kinds (an error, never an abort, and
//! a message that shows a window of the query, not all of it), `--as-of`
//! dates that are not dates, and `export --out` that replaces a file whole.

mod common;

use common::{acta, acta_in, ok, seeded, stderr, stdout};

#[test]
fn deeply_nested_queries_are_errors_with_a_short_message() {
    let (_dir, db) = seeded();
    for (quote, depth, open, close) in nested_cases() {
        let query = nested(quote, depth, open, close);
        let o = acta(&db, &["query", &query]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{quote} {depth} {open}: {err}");
        assert!(err.starts_with("acta: limit reached at "), "{err}");
        assert!(err.contains("nest"), "{err}");
        assert!(
            err.len() < 600,
            "the message echoes the query: {} bytes",
            err.len()
        );
    }
}

/// Quotes of both kinds (one that blinds a check counting brackets outside
/// double quotes), depths, and brackets of each kind.
fn nested_cases() -> Vec<(&'static str, usize, &'static str, &'static str)> {
    let mut cases = Vec::new();
    for quote in ["'\"'", "\"'\"", "'x'", "'x' // \"\n"] {
        for depth in [1_000, 4_000] {
            for (open, close) in [("(", ")"), ("[", "]"), ("f(", ")")] {
                cases.push((quote, depth, open, close));
            }
        }
    }
    cases
}

fn nested(quote: &str, depth: usize, open: &str, close: &str) -> String {
    format!(
        "match (a:agreement) where a.name = {quote} or {}true{} return a.name",
        open.repeat(depth),
        close.repeat(depth)
    )
}

#[test]
fn a_session_survives_a_deeply_nested_query() {
    let (_dir, db) = seeded();
    let input = format!(
        "{}\n{}\nmeetings in Guatemala\n",
        nested("'\"'", 1_000, "(", ")"),
        nested("'\"'", 4_000, "f(", ")")
    );
    let o = acta_in(&db, &["repl"], Some(&input));
    let said = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(said.matches("limit reached").count(), 2, "{said}");
    assert!(said.contains("meeting:crm-07"), "{said}");
}

#[test]
fn as_of_takes_dates_only() {
    let (_dir, db) = seeded();
    for bad in [
        "+2003",
        "2003-2-3",
        "2147483647",
        "2003..2002",
        "03-02-2003",
        "",
    ] {
        let o = acta(&db, &["trace", "IV.A", "--as-of", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("expected YYYY, YYYY-MM or YYYY-MM-DD"),
            "{bad}: {}",
            stderr(&o)
        );
    }
    let o = acta(&db, &["trace", "IV.A", "--as-of", "2003-02-29"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a date"), "{}", stderr(&o));
    ok(acta(&db, &["trace", "IV.A", "--as-of", "2003-05-31"]));
}

#[test]
fn export_to_a_file_replaces_it_whole_and_leaves_nothing_behind() {
    let (dir, db) = seeded();
    let backup = dir.path().join("kb.json");
    std::fs::write(&backup, "an older backup").expect("writes");
    let path = backup.to_str().expect("UTF-8 path");
    ok(acta(&db, &["export", "--out", path]));
    let text = std::fs::read_to_string(&backup).expect("reads");
    let v: serde_json::Value = serde_json::from_str(&text).expect("a whole JSON export");
    assert!(v["documents"].as_array().is_some_and(|d| !d.is_empty()));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("lists")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    // A folder that cannot be written: the old file stays as it was.
    let ro = dir.path().join("ro");
    std::fs::create_dir_all(&ro).expect("a folder");
    let target = ro.join("kb.json");
    std::fs::write(&target, "keep me").expect("writes");
    let o = acta(
        &db,
        &[
            "export",
            "--out",
            ro.join("missing/kb.json").to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&target).expect("reads"), "keep me");
}
