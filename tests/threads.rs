//! One agreement's story across reports: `trace` on the bundled report, and
//! with two later reports written for the tests (a GRCM conclusions naming
//! a country that sent its statistics, a CRM declaration closing an item):
//! the thread, the sharpened headline answer, and `as of` before and after.

mod common;

use common::{acta, ok, HEADLINE};

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
fn kb(with_later: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb");
    let mut files = vec![format!("{ROOT}/data/documents/informe-ppt-mexico-2003.txt")];
    if with_later {
        files.push(format!(
            "{ROOT}/tests/fixtures/conclusiones-grcm-2003-11.txt"
        ));
        files.push(format!("{ROOT}/tests/fixtures/declaracion-ix-crm-2004.txt"));
    }
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    ok(acta(&db, &args));
    (dir, db)
}

fn json(db: &Path, query: &str) -> serde_json::Value {
    serde_json::from_str(&ok(acta(db, &["query", query, "--format", "json"]))).unwrap()
}

/// (agreement id, request text, awaiting text, awaited country ids) per row.
fn headline(db: &Path, suffix: &str) -> Vec<(String, String, String, Vec<String>)> {
    let v = json(db, &format!("{HEADLINE}{suffix}"));
    let rows = v["rows"].as_array().unwrap();
    rows.iter()
        .map(|r| {
            let countries = r[3]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_string())
                .collect();
            (
                r[0]["id"].as_str().unwrap().to_string(),
                r[1].as_str().unwrap().to_string(),
                r[2].as_str().unwrap().to_string(),
                countries,
            )
        })
        .collect()
}

#[test]
fn trace_of_the_extra_regional_return_programme() {
    let (_d, db) = kb(false);
    let v: serde_json::Value =
        serde_json::from_str(&ok(acta(&db, &["trace", "IV.A", "--format", "json"]))).unwrap();
    assert_eq!(v["agreement"], "agreement:informe-ppt-mexico-2003/IV.A");
    let steps: Vec<(String, String)> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let date = s["date"].as_object().map_or(String::new(), |d| {
                let y = &d["start"];
                format!("{}-{:02}", y["year"], y["month"].as_u64().unwrap())
            });
            (date, s["what"].as_str().unwrap().to_string())
        })
        .collect();
    let expected = [
        ("2001-03", "adopted"),    // VI CRM, San José, March 2001
        ("2002-05", "reaffirmed"), // VII CRM
        ("2002-08", "letter"),     // letter of 21 August 2002
        ("2002-08", "request"),    // asking for observations
        ("2002-10", "reaffirmed"), // GRCM October 2002
        ("2003-05", "status"),     // México considering a bilateral agreement
        ("2003-05", "responses"),  // "No se recibió comunicación alguna."
    ];
    let got: Vec<(&str, &str)> = steps
        .iter()
        .map(|(d, w)| (d.as_str(), w.as_str()))
        .collect();
    assert_eq!(got, expected);
    for s in v["steps"].as_array().unwrap() {
        assert_eq!(
            s["source"]["Extracted"]["doc"], "informe-ppt-mexico-2003",
            "every step cited: {s}"
        );
    }
    let text = ok(acta(&db, &["trace", "IV.A"]));
    assert!(text.contains("adopted at VI CRM"));
    assert!(text.contains("“En la VI Reunión de la CRM (San José, marzo 2001)"));
    assert!(text.contains("awaiting 11 of 11 members (none responded)"));
}

#[test]
fn later_reports_join_the_thread_and_sharpen_the_answer() {
    let (_d, before) = kb(false);
    let (_d2, after) = kb(true);
    let stats = "acordaron suministrarle a los países patrocinadores estadísticas sobre flujos de migrantes extra-regionales";

    // Before: one unnamed member answered the request for statistics.
    let rows = headline(&before, "");
    let r = rows
        .iter()
        .find(|r| r.1 == stats)
        .expect("statistics request");
    assert_eq!(r.2, "10 of 11 members (1 unnamed responded)");
    assert_eq!(r.3.len(), 11, "all eleven may still be awaited");
    assert!(rows.iter().any(|r| r.0.ends_with("/V.A(2)")));

    // After: the GRCM conclusions name Honduras; the declaration closes V.A(2).
    let rows = headline(&after, "");
    let r = rows
        .iter()
        .find(|r| r.1 == stats)
        .expect("statistics request");
    assert_eq!(r.2, "10 of 11 members (1 named responded)");
    assert_eq!(r.3.len(), 10);
    assert!(!r.3.contains(&"country:hn".to_string()));
    assert!(
        !rows.iter().any(|r| r.0.ends_with("/V.A(2)")),
        "closed by the IX CRM declaration"
    );
    // The other request of IV.E(1) is not sharpened: nobody named its respondent.
    let other = rows
        .iter()
        .find(|r| r.0.ends_with("/IV.E(1)") && r.1 != stats)
        .unwrap();
    assert_eq!(other.2, "10 of 11 members (1 unnamed responded)");

    // As of a date before the later reports, the answer is the earlier one.
    assert_eq!(
        headline(&after, " as of 2003-06-30"),
        headline(&before, " as of 2003-06-30")
    );
    let mid = headline(&after, " as of 2003-12-31");
    assert!(
        mid.iter().any(|r| r.0.ends_with("/V.A(2)")),
        "not closed until 2004"
    );
    assert!(mid
        .iter()
        .any(|r| r.2 == "10 of 11 members (1 named responded)"));

    // The thread and the evidence for the link.
    let trace = ok(acta(&after, &["trace", "IV.E(1)"]));
    assert!(trace.contains("thread: agreement:informe-ppt-mexico-2003/IV.E(1) → agreement:conclusiones-grcm-2003-11/II.A"));
    assert!(trace.contains("[Honduras]"));
    assert!(
        trace.contains("also: conclusiones-grcm-2003-11 §II.A"),
        "{trace}"
    );
    let why = ok(acta(
        &after,
        &["query", "why agreement:conclusiones-grcm-2003-11/II.A same_as agreement:informe-ppt-mexico-2003/IV.E(1)"],
    ));
    assert!(why.contains("same meeting (meeting:crm-07) and subject"));
    assert!(why.contains("confidence | certain"));
    let closed = ok(acta(&after, &["trace", "V.A(2)"]));
    assert!(closed.contains("reported done"));
    assert!(closed.contains("status: done"));
    assert!(
        closed.contains("awaiting 9 of 11 members (2 unnamed responded)"),
        "history kept"
    );
}

#[test]
fn trace_draws_dot_and_mermaid() {
    let (_d, db) = kb(true);
    let dot = ok(acta(&db, &["trace", "IV.E(1)", "--format", "dot"]));
    assert!(dot.starts_with("digraph trace {"));
    assert!(dot.trim_end().ends_with('}'));
    assert_eq!(dot.matches('{').count(), dot.matches('}').count());
    assert_eq!(dot.matches('"').count() % 2, 0, "balanced quotes");
    for line in dot.lines().skip(1).filter(|l| l.contains("->")) {
        assert!(line.trim_end().ends_with(';'), "{line}");
    }
    if Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
    }
    let mermaid = ok(acta(&db, &["trace", "IV.E(1)", "--format", "mermaid"]));
    assert!(mermaid.starts_with("flowchart LR\n"));
    assert!(mermaid.contains("s0 --> s1"));
}
