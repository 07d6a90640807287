//! Measures extraction on the real-document set and writes the table of
//! `docs/extraction-quality.md`: `cargo run --release --example real_score`.
//! With `--misses`, also prints what each document missed; with `--only
//! WORD`, measures only the documents whose name contains WORD (`crm`) and
//! leaves the page as it is.

#[path = "../tests/real/score.rs"]
mod score;

use std::fmt::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1));
    let docs = match score::run() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("real_score: {e}");
            std::process::exit(1);
        }
    };
    let docs: Vec<_> = docs
        .into_iter()
        .filter(|d| only.is_none_or(|w| d.name.contains(w.as_str())))
        .collect();
    let table = score::markdown(&docs);
    if only.is_some() {
        print!("{table}");
        print_misses(&docs);
        return;
    }
    let mut page = String::from(
        "# Extraction quality on real documents\n\n\
         Measured on `tests/real/` (texts modeled on public CRM documents and those of\n\
         sister processes, with facts written by hand before running the extractor; see\n\
         `tests/real/README.md`). Regenerate with\n\
         `cargo run --release --example real_score`; `tests/real.rs` fails when a\n\
         number drops below its floor.\n\n\
         Recall: expected facts found. Precision: extracted facts that are expected.\n\
         \"decisions on right meeting\": recall over all expected decisions, precision\n\
         over the decisions found; a decision for which the text names no meeting\n\
         is on the right one when none is linked. A document date is right when it equals the\n\
         expected one at the precision the text gives (a range counts by its last\n\
         day); stating no date where the text states none is right. A meeting\n\
         expected under a descriptive key (not `<series>-<ordinal>` or\n\
         `<series>-<yyyy>-<mm>`) matches an extracted meeting that matches no\n\
         other expectation by key and has the same city and days in common (the\n\
         city alone where the expectation states no days). Two names of one city\n\
         in `data/reference/cities.toml` (\"Santiago\", \"Santiago de Chile\") are the\n\
         same city.\n\n",
    );
    page.push_str(&table);
    page.push_str("\n## What each document misses\n\n");
    for d in &docs {
        if d.misses.is_empty() {
            continue;
        }
        let _ = writeln!(page, "- `{}`", d.name);
        for m in &d.misses {
            let _ = writeln!(page, "  - {}", m.replace('|', "\\|"));
        }
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/extraction-quality.md");
    if let Err(e) = std::fs::write(&path, page) {
        eprintln!("real_score: {}: {e}", path.display());
        std::process::exit(1);
    }
    print!("{table}");
    print_misses(&docs);
}

/// With `--misses`, what each document missed.
fn print_misses(docs: &[score::DocScore]) {
    if std::env::args().any(|a| a == "--misses") {
        for d in docs {
            println!("{}", d.name);
            for m in &d.misses {
                println!("  {m}");
            }
        }
    }
}
