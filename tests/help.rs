//! Every example the REPL's `:help examples` shows runs on the bundled
//! report without error and answers something; every help topic exists.

use acta::KnowledgeBase;
use acta::Session;
use std::path::Path;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/documents/informe-ppt-mexico-2003.txt"
);

#[test]
fn help_examples_run_on_the_bundled_report() {
    let dir = tempfile::tempdir().unwrap();
    let kb = KnowledgeBase::open(&dir.path().join("kb")).unwrap();
    kb.ingest_file(Path::new(SEED)).unwrap();
    let mut session = Session::new(kb, "test".into()).unwrap();
    // The examples as `:help examples` lists them, one a line.
    let listed = session.execute(":help examples").unwrap().stdout;
    let examples: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .collect();
    assert!(examples.len() > 5, "{listed}");
    for example in examples {
        let reply = session
            .execute(example)
            .unwrap_or_else(|e| panic!("{example}: {e}"));
        assert!(
            !reply.stdout.contains("(0 rows)"),
            "{example} answered nothing:\n{}",
            reply.stdout
        );
        assert!(!reply.stdout.trim().is_empty(), "{example}");
    }
    for topic in [
        "",
        "questions",
        "patterns",
        "entities",
        "output",
        "annotations",
        "examples",
    ] {
        let r = session.execute(&format!(":help {topic}")).unwrap();
        assert!(r.stdout.len() > 100, "{topic}");
    }
    assert!(session.execute(":help nonsense").is_err());
    let schema = session.execute(":schema").unwrap().stdout;
    assert!(schema.contains("agreement") && schema.contains("adopted_at"));
}
