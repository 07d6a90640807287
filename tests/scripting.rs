//! acta as a Unix tool, through the real binary: a line ends a statement
//! in `-f` files and on stdin (`;` too; brackets, quotes and a pattern's
//! clauses carry one on); `acta query -` reads stdin, `-c` runs one query,
//! `-o FILE` writes the answers whole; CSV, TSV and JSON carry whole texts;
//! an empty knowledge base warns, and so does a meeting no document covers
//! in CSV and TSV (which have no room for caveats); `--db` naming no
//! knowledge base is exit code 3 and creates nothing.

mod common;

use common::{acta, acta_in, db, empty, ok, seeded, stderr, stdout};
use std::path::Path;

/// The answers of each query, run one by one.
fn one_by_one(db: &Path, queries: &[&str], format: &str) -> String {
    queries
        .iter()
        .map(|q| ok(acta(db, &["query", q, "--format", format])))
        .collect()
}

#[test]
fn a_line_ends_a_statement_in_files_and_on_stdin() {
    let (dir, db) = seeded();
    let queries = [
        "meetings in 2002",
        "meetings in Guatemala",
        "sections mentioning OIM",
    ];
    let expected = one_by_one(&db, &queries, "tsv");
    let script = "-- three statements, one a line\nmeetings in 2002\nmeetings in Guatemala\n\n// a comment\nsections mentioning OIM\n";
    let file = dir.path().join("lines.aq");
    std::fs::write(&file, script).unwrap();
    let by_file = ok(acta(
        &db,
        &["query", "-f", file.to_str().unwrap(), "--format", "tsv"],
    ));
    assert_eq!(by_file, expected);
    // `-` reads stdin, and so do `-f -` and a pipe with no argument.
    for args in [
        &["query", "-", "--format", "tsv"][..],
        &["query", "-f", "-", "--format", "tsv"],
        &["query", "--format", "tsv"],
    ] {
        let o = acta_in(&db, args, Some(script));
        assert_eq!(ok(o), expected, "{args:?}");
    }
    // `;` still separates statements, on one line or at line ends.
    let o = acta_in(
        &db,
        &["query", "-", "--format", "tsv"],
        Some("meetings in 2002; meetings in Guatemala;\nsections mentioning OIM;\n"),
    );
    assert_eq!(ok(o), expected);
}

#[test]
fn brackets_quotes_and_clauses_carry_a_statement_on() {
    let (dir, db) = seeded();
    let pattern = "match (a:agreement)-[:adopted_at]->(m:meeting) return m as meeting, count(a) as n order by n desc, meeting";
    let expected = one_by_one(&db, &[pattern, "show \"VII CRM\""], "json");
    let script = "match (a:agreement)-[:adopted_at]->(m:meeting)\n  return m as meeting,\n  count(a) as n\n  order by n desc, meeting\nshow \"VII\nCRM\"\n";
    // The quoted name spans a line: the name is "VII\nCRM", which the
    // resolver reads as "VII CRM" (whitespace is normalized).
    let file = dir.path().join("multi.aq");
    std::fs::write(&file, script).unwrap();
    let o = acta(
        &db,
        &["query", "-f", file.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(ok(o), expected);
    // A syntax error on a later line is reported at its line in the file.
    std::fs::write(&file, "meetings in 2002\nmatch (a:agreement\nreturn a\n").unwrap();
    let o = acta(&db, &["query", "-f", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("multi.aq"), "{}", stderr(&o));
}

#[test]
fn every_golden_case_reads_the_same_from_a_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let (_dir, db) = seeded();
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "aq"))
        .collect();
    cases.sort();
    assert!(cases.len() > 20);
    for case in cases {
        let text = std::fs::read_to_string(&case).unwrap();
        let by_arg = acta(&db, &["query", &text, "--format", "json"]);
        let by_file = acta(
            &db,
            &["query", "-f", case.to_str().unwrap(), "--format", "json"],
        );
        assert_eq!(by_arg.status.code(), by_file.status.code(), "{case:?}");
        assert_eq!(stdout(&by_arg), stdout(&by_file), "{case:?}");
    }
}

#[test]
fn dash_c_runs_one_query_and_dash_o_writes_the_answers_whole() {
    let (dir, db) = seeded();
    let expected = one_by_one(&db, &["meetings in 2002"], "csv");
    let file = dir.path().join("meetings.csv");
    let o = acta(
        &db,
        &[
            "query",
            "-c",
            "meetings in 2002",
            "--format",
            "csv",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "answers went to stdout too");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    // A failing statement leaves the file as it was, and no temporary file.
    let o = acta(
        &db,
        &[
            "query",
            "-c",
            "meetings in 2003; match (a return a",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.ends_with(".tmp")),
        "a temporary file was left: {names:?}"
    );
    // -c with a query argument as well is a usage error.
    let o = acta(
        &db,
        &["query", "-c", "meetings in 2002", "meetings in 2003"],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn csv_tsv_and_json_carry_whole_texts() {
    let (_dir, db) = seeded();
    let q = "sections mentioning OIM";
    let json: serde_json::Value =
        serde_json::from_str(&ok(acta(&db, &["query", q, "--format", "json"]))).unwrap();
    let sentences: Vec<String> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_str().unwrap().to_string())
        .collect();
    assert!(
        sentences.iter().any(|s| s.chars().count() > 200),
        "a long sentence to test with: {sentences:?}"
    );
    // CSV and TSV: the section's id and name, then the sentence.
    let csv_out = ok(acta(&db, &["query", q, "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
    let from_csv: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[2].to_string())
        .collect();
    assert_eq!(from_csv, sentences);
    let tsv_out = ok(acta(&db, &["query", q, "--format", "tsv"]));
    let from_tsv: Vec<String> = tsv_out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(2).unwrap().to_string())
        .collect();
    assert_eq!(from_tsv, sentences);
    for s in &sentences {
        assert!(!s.ends_with('…'), "cut: {s}");
    }
}

#[test]
fn an_empty_knowledge_base_warns_on_stderr_and_answers_the_same() {
    let (_dir, db) = empty();
    let o = acta_in(
        &db,
        &["query", "-", "--format", "tsv"],
        Some("meetings in 2002\nmeetings in 2003\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        err.matches("holds no documents").count(),
        1,
        "one warning per run: {err}"
    );
    // The rows are those of the gazetteer, as without the warning.
    let rows = stdout(&o);
    assert!(rows.starts_with("meeting_id\tmeeting\t"), "{rows}");
    assert!(rows.contains("VII CRM"), "{rows}");
    // A knowledge base with documents says nothing of the kind.
    let (_d2, seeded) = seeded();
    let o = acta(&seeded, &["query", "meetings in 2002"]);
    assert!(!stderr(&o).contains("no documents"), "{}", stderr(&o));
}

#[test]
fn a_meeting_no_document_covers_is_said_on_stderr_in_csv_and_tsv() {
    let (_dir, db) = seeded();
    let q = "which agreements from III CRM still await responses from which countries?";
    for format in ["csv", "tsv"] {
        let o = acta(&db, &["query", q, "--format", format]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(
            stdout(&o).lines().count(),
            1,
            "only the header: {}",
            stdout(&o)
        );
        assert!(
            stderr(&o).contains("no document here covers III CRM"),
            "{format}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn a_db_that_holds_no_knowledge_base_is_exit_3_for_readers_and_creates_nothing() {
    let (dir, _) = db();
    let missing = dir.path().join("typo");
    let empty_folder = dir.path().join("folder");
    std::fs::create_dir(&empty_folder).unwrap();
    let commands: [&[&str]; 8] = [
        &["stats"],
        &["check"],
        &["show", "VII CRM"],
        &["trace", "IV.A"],
        &["export", "--format", "json"],
        &["annotations"],
        &["query", "meetings in 2002"],
        &[],
    ];
    for args in commands {
        for path in [&missing, &empty_folder] {
            let stdin = args.is_empty().then_some("meetings in 2002");
            let o = acta_in(path, args, stdin);
            assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr(&o));
            assert!(
                stderr(&o).contains("no knowledge base here"),
                "{args:?}: {}",
                stderr(&o)
            );
        }
        assert!(!missing.exists(), "{args:?} created {missing:?}");
        assert_eq!(std::fs::read_dir(&empty_folder).unwrap().count(), 0);
    }
    // A command that writes makes the knowledge base.
    let o = acta(&missing, &["ingest", common::SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(acta(&missing, &["stats"]).status.success());
}

#[test]
fn query_help_documents_scripting() {
    let o = acta(Path::new("unused"), &["query", "--help"]);
    let help = ok(o);
    for words in [
        "end of its line",
        "-c, --command",
        "-o, --output",
        "acta query -",
        "never cut",
        "exit code 3",
    ] {
        assert!(help.contains(words), "`{words}` in:\n{help}");
    }
}
