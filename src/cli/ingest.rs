//! `acta ingest`: reports stored one by one, a line for each (and a
//! progress bar on a terminal), `--report` of what each section gave, and
//! which failures stop the run (the store's) and which do not (a file's).

use super::io::out;
use acta::{visible, Error, KnowledgeBase, Prepared};
use acta::{IngestReport, PutOutcome};
use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// What the files of one run did to the knowledge base.
#[derive(Default)]
struct Run {
    /// The first file that could not be ingested.
    failed: Option<Error>,
    /// A stored document was replaced: annotations may no longer match.
    replaced: bool,
    /// Something was stored: the view is saved again.
    changed: bool,
}

/// `acta ingest`: each file in turn; a file that cannot be read is
/// reported and the others go on, a storage failure stops them all.
/// Files are read and extracted on every core ([`acta::ordered`]) and
/// stored one at a time in their order, so what is stored, and what is
/// said, is what one thread would store and say.
pub(crate) fn ingest(kb: &KnowledgeBase, paths: &[PathBuf], report: bool) -> Result<(), Error> {
    let files = acta::report_files(paths);
    let bar = progress(files.len());
    let say = |line: String| match &bar {
        Some(b) => b.println(visible(&line)),
        None => eprintln!("{}", visible(&line)),
    };
    let mut run = Run::default();
    let prepare =
        |f: &Result<PathBuf, (PathBuf, String)>| f.as_ref().ok().map(|f| kb.prepare_file(f));
    let flow = acta::ordered::map(&files, acta::ordered::workers(), prepare, |f, prepared| {
        if let Some(b) = &bar {
            b.inc(1);
        }
        let (f, prepared) = match (f, prepared) {
            (Ok(f), Some(p)) => (f, p),
            (Err((f, why)), _) => {
                say(format!("{}: skipped: {why}", f.display()));
                return ControlFlow::Continue(());
            }
            (Ok(_), None) => return ControlFlow::Continue(()),
        };
        if let Some(b) = &bar {
            b.set_message(f.display().to_string());
        }
        match one_file(kb, f, prepared, report, &mut run, &say) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => ControlFlow::Break(e),
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let ControlFlow::Break(e) = flow {
        return Err(e);
    }
    finish(kb, run)
}

/// Store one prepared file into `run`; only a storage failure is returned.
fn one_file(
    kb: &KnowledgeBase,
    f: &Path,
    prepared: Result<Prepared, Error>,
    report: bool,
    run: &mut Run,
    say: &impl Fn(String),
) -> Result<(), Error> {
    match prepared.and_then(|p| kb.store_prepared(p)) {
        Ok((outcome, r)) => {
            run.changed |= !matches!(
                outcome,
                PutOutcome::Unchanged { .. } | PutOutcome::OtherReading { .. }
            );
            for w in &r.warnings {
                say(format!("warning: {}: {w}", f.display()));
            }
            run.replaced |= matches!(
                outcome,
                PutOutcome::Replaced | PutOutcome::RicherReading { .. }
            );
            say(format!(
                "{}: {}",
                f.display(),
                outcome_words(&outcome, &r.doc_id)
            ));
            if report {
                out(&ingest_report(&r))?;
            }
        }
        // A storage failure is not the file's fault, and the files after
        // it would fail the same way: stop and report it (exit code 3).
        Err(e @ Error::Store(_)) => return Err(e),
        Err(e) => {
            say(format!("acta: {e}"));
            run.failed.get_or_insert(e);
        }
    }
    Ok(())
}

/// After the last file: warn of annotations that no longer match, save
/// the view, and fail if a file failed.
fn finish(kb: &KnowledgeBase, run: Run) -> Result<(), Error> {
    if run.replaced {
        for (a, why) in kb.stale_annotations()? {
            let line = format!(
                "warning: annotation no longer matches: {} ({why})",
                a.to_statement()
            );
            eprintln!("{}", visible(&line));
        }
    }
    if run.changed {
        // Saved now, the view makes the next query as fast as any, and
        // lets readers in other processes see what was ingested.
        kb.view()?;
    }
    match run.failed {
        Some(e) => Err(Error::NotAllIngested(Box::new(e))),
        None => Ok(()),
    }
}

/// A progress bar on a terminal for more than a few files; none when
/// stderr is not a terminal (scripts and logs get the lines alone).
fn progress(files: usize) -> Option<indicatif::ProgressBar> {
    if files < 3 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    Some(bar)
}

/// What storing a report did, in words, naming the document.
fn outcome_words(outcome: &PutOutcome, doc_id: &str) -> String {
    match outcome {
        PutOutcome::Added => format!("ingested {doc_id}"),
        PutOutcome::Replaced => format!("replaced the previous version of {doc_id}"),
        PutOutcome::Unchanged { id } if id == doc_id => {
            format!("unchanged (already stored) {doc_id}")
        }
        PutOutcome::Unchanged { id } => {
            format!("unchanged (same text already stored as {id}) {doc_id}")
        }
        PutOutcome::OtherReading { id, kept } => {
            format!("the same report as {id}, whose reading from {kept} holds more and is kept")
        }
        PutOutcome::RicherReading { id, previous } => format!(
            "the same report as {id}; this reading holds more and replaces the one from {previous}"
        ),
    }
}

/// `--report`: per section, what was extracted and what was uncertain.
fn ingest_report(r: &IngestReport) -> String {
    let mut text = format!(
        "== {} ({}, language {}, {} sections)\n",
        r.doc_id,
        r.encoding,
        if r.language.is_empty() {
            "unknown"
        } else {
            r.language.as_str()
        },
        r.sections.len()
    );
    for s in &r.sections {
        text.push_str(&format!("§{}\n", s.section));
        for e in &s.extracted {
            text.push_str(&format!("  + {e}\n"));
        }
        for u in &s.uncertain {
            text.push_str(&format!("  ? {u}\n"));
        }
    }
    text
}
