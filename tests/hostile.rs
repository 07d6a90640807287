//! Hostile or unlucky input through the real binary (issue 20): queries
//! nested thousands deep with quotes of both kinds (an error, never an
//! abort, in a command or a REPL session), error messages that quote a
//! 30 KB query (elided, never whole), `--as-of` dates that are not dates,
//! an empty `ACTA_DB`, `export --out` that replaces a file whole, damaged
//! blob files (a clear message and exit 3, never a loop), a table cell of
//! thousands of names (drawn in linear time), a cross product with a
//! small answer (answered), escape sequences in annotations (refused, and
//! written out when already stored), and the file-size limit (a message,
//! not a silent SIGXFSZ).

mod common;
mod faults;

use common::{acta, acta_in, ok, seeded, stderr, stdout};
use faults::{strs, write_corpus, Rng};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

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

#[test]
fn stats_on_a_damaged_blob_stops_with_a_clear_message() {
    let (_work, db) = damaged_blob();
    let child = common::acta_cmd(&db)
        .arg("stats")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let o = common::output_within(child, Duration::from_secs(120));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(err.contains("is damaged"), "{err}");
    assert!(err.lines().count() < 5, "{err}");
}

/// A blob damaged after the view was saved: a query no longer answers from
/// the saved view as if nothing had happened (exit 0 while `check` said
/// the store was damaged); it meets the damage and says so, and `check`
/// says the same.
#[test]
fn a_saved_view_is_not_trusted_once_a_blob_is_damaged() {
    let (_work, db) = stored_blobs();
    assert!(db.join("view.snapshot").exists(), "a saved view");
    ok(acta(
        &db,
        &["query", "match (d:document) return count(d) as n"],
    ));
    for blob in blob_files(&db) {
        damage_file(&blob, "truncate");
    }
    for args in [
        vec!["query", "match (d:document) return count(d) as n"],
        vec!["stats"],
        vec!["check"],
    ] {
        let o = acta(&db, &args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {err}\n{}", stdout(&o));
        assert!(err.contains("is damaged"), "{args:?}: {err}");
    }
}

/// Counting the documents of a damaged store stops at the first error
/// (sled's iterator yields the same error again and again): each blob
/// truncated, flipped or deleted in turn, with the API.
#[test]
fn counting_documents_in_a_damaged_store_stops_at_the_error() {
    let (work, pristine) = stored_blobs();
    let blobs = blob_files(&pristine);
    for (i, blob) in blobs.iter().enumerate() {
        for damage in ["truncate", "flip", "delete"] {
            let db = work.path().join(format!("copy-{i}-{damage}"));
            copy_dir(&pristine, &db);
            let target = db.join("blobs").join(blob.file_name().expect("a name"));
            damage_file(&target, damage);
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let counted = acta::store::Store::open(&db).map(|s| s.document_count());
                let _ = tx.send(format!("{counted:?}"));
            });
            let said = rx
                .recv_timeout(Duration::from_secs(120))
                .expect("counting the documents of a damaged store never ends");
            // Refused as damaged, or (a blob sled no longer uses) all read.
            assert!(
                said.contains("Damaged") || said == "Ok(Ok(5))",
                "{damage} blob {i}: {said}"
            );
        }
    }
}

/// A knowledge base of five reports whose large ones sled keeps as blob
/// files, opened once (so sled has saved its own snapshot and reads the
/// blobs when asked, instead of recovering past them).
fn stored_blobs() -> (tempfile::TempDir, PathBuf) {
    let work = tempfile::tempdir().expect("temp dir");
    let sizes = [3_000, 160_000, 3_000, 160_000, 6_000];
    let files = strs(&write_corpus(
        &work.path().join("c"),
        &sizes,
        &mut Rng::new(5),
    ));
    let db = work.path().join("kb");
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    ok(acta(&db, &args));
    ok(acta(&db, &["check"]));
    assert!(!blob_files(&db).is_empty(), "no blob file");
    (work, db)
}

fn blob_files(db: &Path) -> Vec<PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(db.join("blobs"))
        .expect("sled keeps the big reports as blob files")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

fn damage_file(path: &Path, how: &str) {
    let mut data = std::fs::read(path).expect("reads");
    match how {
        "truncate" => data.truncate(data.len() / 2),
        "flip" => {
            let at = data.len() / 2;
            data[at] ^= 0x10;
        }
        _ => {
            std::fs::remove_file(path).expect("deletes");
            return;
        }
    }
    std::fs::write(path, data).expect("writes");
}

/// A stored knowledge base with every blob truncated and its saved view
/// removed (so readers read the store).
fn damaged_blob() -> (tempfile::TempDir, PathBuf) {
    let (work, db) = stored_blobs();
    for blob in blob_files(&db) {
        damage_file(&blob, "truncate");
    }
    std::fs::remove_file(db.join("view.snapshot")).expect("a saved view");
    (work, db)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for e in std::fs::read_dir(from)
        .expect("lists")
        .filter_map(Result::ok)
    {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copies");
        }
    }
}

/// A table cell holding thousands of names (8,000: every agreement of the
/// bundled report, three times over) is drawn in time linear in its length
/// when stdout is not a terminal; it took minutes when each word added
/// measured the whole line again.
#[test]
fn a_table_with_a_huge_cell_is_drawn() {
    let (_dir, db) = seeded();
    let q = "match (a:agreement), (b:agreement), (c:agreement) return collect(a.name) as names";
    let table = ok(acta(&db, &["query", q]));
    let csv = ok(acta(&db, &["query", q, "--format", "csv"]));
    assert!(
        table.ends_with("(1 row)\n"),
        "{}",
        &table[table.len() - 200..]
    );
    // The cell whole, on one line: as long as in CSV (give or take the
    // header and quoting).
    assert!(csv.len() > 400_000, "{}", csv.len());
    assert!(
        table.len() * 10 > csv.len() * 9,
        "{} {}",
        table.len(),
        csv.len()
    );
}

/// The row limit counts rows that survive the `where`, not the cross
/// product on the way: 160,000 combinations, no answer, no refusal; a
/// product whose answer is too large is still refused.
#[test]
fn a_large_cross_product_with_a_small_answer_is_answered() {
    let (_dir, db) = seeded();
    let four = "match (a:agreement), (b:agreement), (c:agreement), (d:agreement)";
    let none = format!("{four} where a.name = 'no such agreement' return a.name");
    let o = ok(acta(&db, &["query", &none]));
    assert!(o.contains("(0 rows)"), "{o}");
    let few = format!("{four} where a = b and b = c and c = d return count(*) as n");
    let o = ok(acta(&db, &["query", &few, "--format", "csv"]));
    let n: usize = o
        .lines()
        .nth(1)
        .and_then(|l| l.parse().ok())
        .expect("a count");
    assert!((1..1_000).contains(&n), "{o}");
    let all = format!("{four} return a.name, b.name");
    let o = acta(&db, &["query", &all]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("more than 100000 rows"),
        "{}",
        stderr(&o)
    );
}

/// Escape sequences: clear the screen, set the window title, a C1 CSI.
const ESCAPES: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}";

/// No control character but newline and tab reached the terminal.
fn assert_shown_safely(text: &str, what: &str) {
    let raw = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t');
    assert_eq!(raw, None, "{what}: a raw control character in {text:?}");
}

#[test]
fn control_characters_are_kept_out_of_annotations() {
    let (_dir, db) = seeded();
    let base = "assert Canadá responded to IV.E(1) on 2003-01-20 source \"a letter\"";
    let by = format!("{base} by \"\\u{{1b}}[2J\"");
    let reason = format!("{base} because \"a call{ESCAPES}\"");
    let author = format!("ana{ESCAPES}");
    for (args, field) in [
        (vec!["--author", author.as_str(), "query", base], "author"),
        // `by "…"` is the author the statement claims (kept apart).
        (vec!["query", by.as_str()], "claimed author"),
        (vec!["query", reason.as_str()], "reason"),
    ] {
        let o = acta(&db, &args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{field}: {err}");
        assert!(
            err.contains(&format!("the {field} holds the control character")),
            "{err}"
        );
        assert_shown_safely(&err, field);
    }
    assert_eq!(ok(acta(&db, &["annotations"])).lines().count(), 1);
}

/// A record stored before these checks (or written by another program)
/// is listed, cited and quoted with its control characters written out.
#[test]
fn control_characters_in_stored_annotations_are_written_out() {
    let (_dir, db) = seeded();
    ok(acta(
        &db,
        &[
            "query",
            "assert Canadá responded to IV.E(1) source \"a letter\"",
        ],
    ));
    {
        let store = acta::store::Store::open(&db).expect("opens");
        let (_, first) = store.annotations().expect("reads").remove(0);
        let mut record: serde_json::Value = serde_json::from_slice(&first).expect("JSON");
        record["author"] = format!("ana{ESCAPES}").into();
        record["reason"] = format!("a call{ESCAPES}").into();
        record["fact"]["from"] = "country:mx".into();
        let bytes = serde_json::to_vec(&record).expect("JSON");
        store.add_annotation(&bytes).expect("stores");
    }
    let listed = ok(acta(&db, &["annotations"]));
    assert_shown_safely(&listed, "annotations");
    assert!(listed.contains("ana\\u{1b}[2J"), "{listed}");
    let q = "which countries have not responded to IV.E(1)?";
    let table = ok(acta(&db, &["query", q, "--sources"]));
    assert_shown_safely(&table, "--sources");
    assert!(table.contains("by ana\\u{1b}[2J"), "{table}");
    let o = acta(&db, &["query", &format!("show {ESCAPES}")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_shown_safely(&stderr(&o), "an error message");
    let o = acta_in(
        &db,
        &["repl"],
        Some(&format!("show x{ESCAPES}\n:sources on\n{q}\n")),
    );
    assert_shown_safely(&stdout(&o), "the REPL");
}

/// Every kind of message that quotes what was typed: a 30 KB name or word
/// is shown as its head and tail, never whole.
#[test]
fn error_messages_never_echo_a_long_query_whole() {
    let (_dir, db) = seeded();
    let word = "x".repeat(30_000);
    let words = "palabra ".repeat(3_700);
    let queries = [
        format!("show {word}"),
        format!("show \"{word}\""),
        format!("meetings in {words}"),
        format!("why {word} awaits Honduras"),
        format!("assert {words} responded to IV.E(1)"),
        format!("path from {words} to SIEMCA"),
        format!("which countries have not responded to {words}"),
        format!("match (a:{word}) return a"),
        format!("match (a) return {word}(a)"),
        format!("match (a) return a.name order by {word}"),
    ];
    for q in &queries {
        let o = acta(&db, &["query", q]);
        assert_eq!(o.status.code(), Some(1), "{}", &q[..40]);
        assert!(
            stderr(&o).len() < 1_000,
            "{}: {}",
            &q[..40],
            stderr(&o).len()
        );
    }
    for command in ["trace", "show"] {
        let o = acta(&db, &[command, &words]);
        assert!(!o.status.success(), "{command}");
        assert!(stderr(&o).len() < 1_000, "{command}: {}", stderr(&o).len());
    }
    let o = acta_in(&db, &["repl"], Some(&format!("{}\n", queries[0])));
    assert!(stdout(&o).len() < 1_000, "the REPL: {}", stdout(&o).len());
}

/// An empty `ACTA_DB` is unset: `--db` wins, and without it the default
/// knowledge base is used.
#[test]
fn an_empty_acta_db_counts_as_unset() {
    let (dir, db) = seeded();
    let o = common::acta_cmd(&db)
        .env("ACTA_DB", "")
        .arg("stats")
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let home = dir.path().join("home");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_acta"))
        .env("ACTA_DB", "")
        .env_remove("ACTA_DATA")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .arg("stats")
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let default = home.join("data/acta/kb");
    assert!(
        stdout(&o).contains(&default.display().to_string()),
        "{}",
        stdout(&o)
    );
}

/// A write past the file-size limit (`ulimit -f`) is a message and exit
/// 3, not a silent death by SIGXFSZ; nothing is stored.
#[cfg(unix)]
#[test]
fn the_file_size_limit_is_a_message() {
    let work = tempfile::tempdir().expect("temp dir");
    let big = strs(&write_corpus(
        &work.path().join("c"),
        &[900_000],
        &mut Rng::new(9),
    ));
    let db = work.path().join("kb");
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 100 && exec \"$0\" --db \"$1\" ingest \"$2\"")
        .arg(env!("CARGO_BIN_EXE_acta"))
        .arg(&db)
        .arg(&big[0])
        .env_remove("ACTA_DB")
        .env_remove("ACTA_DATA")
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{:?} {err}", o.status);
    assert!(err.contains("file-size limit"), "{err}");
    let o = ok(acta(&db, &["check"]));
    assert!(o.starts_with("ok: 0 documents"), "{o}");
}

/// Issue 20 item 11: a view with an annotation is saved and read back like
/// any other (bincode could not read an annotation whose empty claim was
/// left out, so every command after one annotation built the view again).
#[test]
fn a_view_with_an_annotation_is_read_back_not_built_again() {
    let (_dir, db) = seeded();
    ok(acta(
        &db,
        &[
            "query",
            "assert Canadá responded to IV.E(1) source \"a letter\"",
        ],
    ));
    let first = ok(acta(&db, &["stats"]));
    let snapshot = db.join("view.snapshot");
    let written = std::fs::metadata(&snapshot).and_then(|m| m.modified());
    let written = written.expect("the view with an annotation is saved");
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(ok(acta(&db, &["stats"])), first);
    let again = std::fs::metadata(&snapshot).and_then(|m| m.modified());
    assert_eq!(
        again.expect("still saved"),
        written,
        "the saved view was built again"
    );
}
