//! `acta import` of an export that is not what acta wrote (issue 20, item
//! 5): a record it could not read back, an annotation on nothing, a time
//! that is not one, a document whose hash, ids, spans or edges do not hold
//! together. Each is refused whole, with what and where, exit 1, and the
//! knowledge base answers afterwards exactly as before. A good export still
//! round-trips, and a killed import leaves all of it or none.

mod common;

use common::{acta, bundled, db, empty, ok, stderr};
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The export of the bundled reports, as JSON to edit.
fn export_of(db: &Path) -> Value {
    serde_json::from_str(&ok(acta(db, &["export", "--format", "json"]))).expect("an export")
}

/// Import `export` into `db`; the command's output.
fn import(db: &Path, export: &Value) -> std::process::Output {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("export.json");
    std::fs::write(&file, export.to_string()).expect("writes");
    acta(db, &["import", file.to_str().expect("UTF-8")])
}

/// What a user checks after a refused import: the same stats, every
/// command still works, `check` is clean.
fn unchanged(db: &Path, before: &str, case: &str) {
    assert_eq!(ok(acta(db, &["stats"])), before, "{case}: nothing stored");
    ok(acta(db, &["annotations"]));
    ok(acta(db, &["check"]));
}

#[test]
fn an_export_that_would_store_what_cannot_be_read_back_is_refused_whole() {
    let (_d, source) = bundled();
    let good = export_of(&source);
    let annotation = json!({
        "action": "assert",
        "fact": {"type": "edge", "from": "country:ca", "kind": "Responded",
                 "to": "agreement:informe-ppt-mexico-2003/IV.E(1)", "date": null},
        "author": "ana", "at": "2026-11-29T10:00:00Z", "reason": "", "source": "email"
    });
    type Edit = fn(&mut Value, &Value);
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "a record that is not an annotation",
            |e, _| {
                e["annotations"] = json!([{"foo": 1}]);
            },
            "annotation 1 is not an annotation record",
        ),
        (
            "an annotation on a node that does not exist",
            |e, a| {
                let mut a = a.clone();
                a["fact"]["from"] = json!("country:atlantida");
                e["annotations"] = json!([a]);
            },
            "country:atlantida",
        ),
        (
            "a time that is not one",
            |e, a| {
                let mut a = a.clone();
                a["at"] = json!("yesterday");
                e["annotations"] = json!([a]);
            },
            "annotation 1 has the time \"yesterday\"",
        ),
        (
            "an escape sequence in the author",
            |e, a| {
                let mut a = a.clone();
                a["author"] = json!("ana\u{1b}[2J");
                e["annotations"] = json!([a]);
            },
            "control character",
        ),
        (
            "a wrong hash",
            |e, _| {
                e["documents"][0]["doc"]["hash"] = json!("00");
            },
            "its hash is not the hash of its text",
        ),
        (
            "a path as a document id",
            |e, _| {
                e["documents"][0]["doc"]["id"] = json!("../../etc/passwd");
            },
            "is not a plain name",
        ),
        (
            "a document twice",
            |e, _| {
                let first = e["documents"][0].clone();
                e["documents"]
                    .as_array_mut()
                    .expect("documents")
                    .push(first);
            },
            "appears twice",
        ),
        (
            "a span outside the text",
            |e, _| {
                e["documents"][0]["nodes"][0]["prov"]["Extracted"]["span"]["end"] =
                    json!(99_999_999);
            },
            "cite a place outside its text",
        ),
        (
            "an edge to nothing",
            |e, _| {
                e["documents"][0]["edges"][0]["to"] = json!("meeting:nowhere");
            },
            "points to missing node meeting:nowhere",
        ),
    ];
    for (case, edit, words) in cases {
        let (_d, target) = empty();
        let before = ok(acta(&target, &["stats"]));
        let mut export = good.clone();
        edit(&mut export, &annotation);
        let o = import(&target, &export);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{case}: {err}");
        assert!(err.contains(words), "{case}: {err}");
        assert!(err.contains("nothing was stored"), "{case}: {err}");
        unchanged(&target, &before, case);
    }
    // The export itself, with the good annotation, is taken whole.
    let (_d, target) = db();
    let mut export = good;
    export["annotations"] = json!([annotation]);
    ok(import(&target, &export));
    assert!(ok(acta(&target, &["check"])).starts_with("ok:"));
    let listed = ok(acta(&target, &["annotations"]));
    assert!(listed.contains("IV.E(1)"), "{listed}");
}

/// Reports in the export a killed import is given.
const REPORTS: usize = 60;

#[test]
fn a_killed_import_leaves_all_of_the_export_or_none() {
    let work = tempfile::tempdir().expect("a temp dir");
    let reports = work.path().join("reports");
    std::fs::create_dir_all(&reports).expect("a folder");
    for (name, text) in acta::synth::corpus(11, REPORTS) {
        std::fs::write(reports.join(name), text).expect("writes");
    }
    let source = work.path().join("source");
    ok(acta(&source, &["ingest", reports.to_str().expect("UTF-8")]));
    let file = work.path().join("export.json");
    std::fs::write(&file, ok(acta(&source, &["export", "--format", "json"]))).expect("writes");
    // How long a whole import takes here, to kill the trials at points
    // spread over it, the last ones near the end, where the writing is.
    let whole = work.path().join("whole");
    let start = std::time::Instant::now();
    ok(acta(&whole, &["import", file.to_str().expect("UTF-8")]));
    let took = start.elapsed().as_millis() as u64;
    assert!(ok(acta(&whole, &["stats"])).contains(&format!("documents: {REPORTS}")));
    let mut outcomes = Vec::new();
    let points = [30u64, 70, 90, 95, 98, 100, 102];
    for (trial, delay_ms) in points.map(|p| took * p / 100).into_iter().enumerate() {
        let target = work.path().join(format!("target-{trial}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_acta"))
            .args(["--db", target.to_str().expect("UTF-8"), "import"])
            .arg(&file)
            .env_remove("ACTA_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("acta runs");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let stats = ok(acta(&target, &["stats"]));
        let documents = stats
            .lines()
            .find_map(|l| l.strip_prefix("documents: "))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .expect("a document count");
        assert!(
            documents == 0 || documents == REPORTS,
            "trial {trial} (killed after {delay_ms} ms): {documents} of {REPORTS} documents"
        );
        let check = ok(acta(&target, &["check"]));
        assert!(check.starts_with("ok:"), "trial {trial}: {check}");
        outcomes.push(documents);
    }
    eprintln!("import/killed: documents after each kill: {outcomes:?}");
}

/// Any JSON value, a few levels deep, with the words an export uses.
fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "[ -~\u{1b}\u{e9}]{0,12}".prop_map(Value::from),
        prop::sample::select(vec![
            "assert",
            "edge",
            "attr",
            "Responded",
            "country:ca",
            "document:informe-ppt-mexico-2003",
            "2026-11-29T10:00:00Z",
            "acta-export",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop::sample::select(vec![
            "action", "fact", "type", "from", "to", "kind", "author", "at", "reason", "source",
            "node", "key", "value", "date", "doc", "id", "hash", "text", "nodes", "edges",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(keys, inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

proptest::proptest! {
    // Each case imports into a knowledge base holding the bundled report.
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    #[test]
    fn arbitrary_json_never_aborts_and_never_half_writes(
        annotations in proptest::collection::vec(any_json(), 0..4),
        documents in proptest::collection::vec(any_json(), 0..3),
        keep_real in proptest::bool::ANY,
    ) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let kb = acta::KnowledgeBase::open(&dir.path().join("kb")).expect("opens");
        let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/documents/informe-ppt-mexico-2003.txt");
        kb.ingest_file(&report).expect("ingests");
        let export: Value = serde_json::from_str(&kb.export_json().expect("exports")).expect("JSON");
        let mut edited = export.clone();
        edited["annotations"] = Value::from(annotations);
        let mut docs: Vec<Value> = if keep_real {
            edited["documents"].as_array().cloned().unwrap_or_default()
        } else {
            Vec::new()
        };
        docs.extend(documents);
        edited["documents"] = Value::from(docs);
        let before = kb.export_json().expect("exports");
        if kb.import_json("x.json", &edited.to_string()).is_err() {
            proptest::prop_assert_eq!(kb.export_json().expect("exports"), before);
        }
        proptest::prop_assert!(kb.check().expect("checks").is_empty());
    }
}
