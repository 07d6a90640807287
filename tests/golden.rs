//! Golden answers over the bundled reports, through the real binary.
//!
//! Each `tests/golden/NAME.aq` holds one query (comments allowed; a
//! leading `// format: json|csv|table`, `// sources: on` or `// width: N`
//! line sets the output; stdout is not a terminal, so a table is fitted to
//! a width only when the case asks) and `NAME.out` the exact expected output: stdout, or for a
//! failing query `exit: N` and stderr. A case without its `.out` fails;
//! `ACTA_BLESS=1 cargo test --test golden` writes the missing or changed
//! files for review. Nothing is skipped: no cases at all is a failure.

mod common;

use common::{acta, bundled};

use std::path::{Path, PathBuf};

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/golden exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "aq"))
        .collect();
    v.sort();
    v
}

#[test]
fn golden_answers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_dir, db) = bundled();

    let bless = std::env::var_os("ACTA_BLESS").is_some_and(|v| v == "1");
    let cases = cases(&root.join("tests/golden"));
    assert!(!cases.is_empty(), "no golden cases in tests/golden");
    let mut failures = Vec::new();
    for case in &cases {
        let query = std::fs::read_to_string(case).expect("readable case");
        let mut args = vec!["query".to_string(), query.clone()];
        for line in query.lines().map(str::trim) {
            if let Some(f) = line.strip_prefix("// format:") {
                args.extend(["--format".to_string(), f.trim().to_string()]);
            } else if line == "// sources: on" {
                args.push("--sources".to_string());
            } else if let Some(w) = line.strip_prefix("// width:") {
                args.extend(["--width".to_string(), w.trim().to_string()]);
            }
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = acta(&db, &args);
        let actual = if out.status.success() {
            String::from_utf8_lossy(&out.stdout).into_owned()
        } else {
            format!(
                "exit: {}\n{}",
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stderr)
            )
        };
        let expected_path = case.with_extension("out");
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(_) | Err(_) if bless => {
                std::fs::write(&expected_path, &actual).expect("write .out");
                eprintln!("blessed {}", expected_path.display());
            }
            Ok(expected) => failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                case.display()
            )),
            Err(_) => failures.push(format!(
                "{}: no {} (run with ACTA_BLESS=1 to write it)\n--- actual\n{actual}",
                case.display(),
                expected_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases differ:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
