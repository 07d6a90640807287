//! acta in shell scripts: the same query through `acta query`, `-f` and
//! stdin gives the same JSON; script errors name their line and column;
//! CSV parses; stdout carries results only.

mod common;

use common::{acta_in, seeded, HEADLINE};

#[test]
fn argument_script_and_stdin_give_the_same_json() {
    let (dir, db) = seeded();
    let by_arg = acta_in(&db, &["query", HEADLINE, "--format", "json"], None);
    assert!(
        by_arg.status.success(),
        "{}",
        String::from_utf8_lossy(&by_arg.stderr)
    );
    let file = dir.path().join("q.aq");
    std::fs::write(&file, format!("-- the headline question\n{HEADLINE};\n")).unwrap();
    let by_file = acta_in(
        &db,
        &["query", "-f", file.to_str().unwrap(), "--format", "json"],
        None,
    );
    let by_stdin = acta_in(&db, &["query", "--format", "json"], Some(HEADLINE));
    assert_eq!(by_arg.stdout, by_file.stdout);
    assert_eq!(by_arg.stdout, by_stdin.stdout);
    let json: serde_json::Value = serde_json::from_slice(&by_arg.stdout).unwrap();
    for key in ["columns", "rows", "sources", "caveats"] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
    // Plain `acta` with queries on stdin behaves like `acta query`.
    let piped = acta_in(&db, &[], Some("meetings in Guatemala"));
    assert!(piped.status.success());
    assert!(String::from_utf8_lossy(&piped.stdout).contains("VII CRM (meeting:crm-07)"));
}

#[test]
fn a_syntax_error_on_line_3_stops_the_script_there() {
    let (dir, db) = seeded();
    let file = dir.path().join("bad.aq");
    std::fs::write(
        &file,
        "meetings in 2003;\n-- a comment\nmatch (a:agreement return a;\nmeetings in Guatemala;\n",
    )
    .unwrap();
    let o = acta_in(&db, &["query", "-f", file.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.aq: syntax error at 3:20"), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        !out.contains("Antigua Guatemala"),
        "the statement after the error ran: {out}"
    );
    // With --keep-going the rest runs, and the exit code still says it failed.
    let o = acta_in(
        &db,
        &["query", "-f", file.to_str().unwrap(), "--keep-going"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Antigua Guatemala"));
}

#[test]
fn csv_parses_and_stdout_holds_only_results() {
    let (_dir, db) = seeded();
    let o = acta_in(
        &db,
        &["query", "sections mentioning OIM", "--format", "csv"],
        None,
    );
    assert!(o.status.success());
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers, vec!["section_id", "section", "sentence"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    // Settings and notices go to stderr, never into the results.
    let o = acta_in(
        &db,
        &["query", ":timing on; meetings in 2002", "--format", "tsv"],
        None,
    );
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("meeting_id\tmeeting\t"), "{out}");
    assert!(!out.contains("timing"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("rows in"));
}

#[test]
fn exit_codes() {
    let (_dir, db) = seeded();
    assert_eq!(
        acta_in(&db, &["query", "match (a) retur a"], None)
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        acta_in(&db, &["query", "show Atlantis"], None)
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        acta_in(&db, &["query", "--format", "xml", "x"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        acta_in(&db, &["no-such-command"], None).status.code(),
        Some(2)
    );
}
