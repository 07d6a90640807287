//! Every example the REPL's `:help examples` shows runs on the bundled
//! report without error and answers something; every help topic exists.

mod common;

use common::session;

#[test]
fn every_question_form_of_help_questions_is_understood() {
    let (_dir, mut session) = session();
    let listed = session.execute(":help questions").unwrap().stdout;
    // Each form's examples, indented four spaces under its description.
    let examples: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .collect();
    assert!(examples.len() >= 54, "{listed}");
    for example in examples {
        let reply = session
            .execute(example)
            .unwrap_or_else(|e| panic!("{example}: {e}"));
        assert!(!reply.stdout.trim().is_empty(), "{example}");
    }
}

#[test]
fn help_examples_run_on_the_bundled_report() {
    let (_dir, mut session) = session();
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
