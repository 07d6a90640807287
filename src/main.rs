//! The `acta` command line: parses arguments, opens the knowledge base,
//! dispatches to the library, prints results to stdout and diagnostics to
//! stderr, and maps errors to exit codes (0 ok, 1 query or data error,
//! 2 usage, 3 database locked or unreadable).

/// mimalloc: a view is millions of small allocations and an answer
/// thousands; with glibc's allocator, opening, answering and exiting were
/// up to twice as slow (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use acta::graph::Reference;
use acta::model::DateValue;
use acta::store::PutOutcome;
use acta::store::StoreError;
use acta::{shown, visible, Error, KnowledgeBase, ReadAccess, Session, Trace, Usage};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "acta",
    version,
    about = "A knowledge base for the records of intergovernmental meetings"
)]
struct Cli {
    /// Knowledge base directory (default: $ACTA_DB, else the user's data directory).
    /// An empty `ACTA_DB` counts as unset (read in `run`, not by clap,
    /// which refuses an empty value).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Author recorded with annotations (default: $ACTA_AUTHOR, else the user name).
    #[arg(long, global = true)]
    author: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest reports: text (UTF-8, UTF-16, Windows-1252), PDF with a text
    /// layer, Word .docx, OpenDocument .odt, HTML; folders are read whole.
    /// Scanned or encrypted PDFs, old .doc and .rtf are refused with how
    /// to convert them. The same report in two formats is stored once (the
    /// reading with more facts is kept).
    Ingest {
        /// Report files, or folders holding them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print, per section, what was extracted and what was uncertain.
        #[arg(long)]
        report: bool,
    },
    /// Count documents, sections, nodes and edges by kind.
    Stats,
    /// Verify the invariants of the knowledge base.
    Check,
    /// Show an entity's card: kind, names, attributes, neighbours, sources.
    Show {
        entity: String,
        /// Show the source of every attribute and edge.
        #[arg(long)]
        sources: bool,
        /// `svg`: a meeting's agreements with their status, an agreement's timeline.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Export the whole graph.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file (for csv: this directory) instead of stdout.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Export the annotations as a statement script instead of the graph.
        #[arg(long)]
        annotations: bool,
    },
    /// Import a JSON export into the knowledge base.
    Import { file: PathBuf },
    /// Answer queries: one given here, a script (-f), or statements on stdin.
    Query {
        /// The query text (several may be separated by `;`).
        query: Option<String>,
        /// Run the statements of a script file (`;`-separated, `--` comments).
        #[arg(long, short = 'f', conflicts_with = "query")]
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        /// List each row's sources below the table.
        #[arg(long)]
        sources: bool,
        /// Go on after a failing statement (the exit code is still 1).
        #[arg(long)]
        keep_going: bool,
        /// Fit tables to this many columns, wrapping long cells (default:
        /// the terminal's width; not fitted when stdout is not a terminal).
        #[arg(long, value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
    },
    /// Open the interactive REPL.
    Repl,
    /// The chronology of an agreement across meetings and documents.
    Trace {
        /// The agreement: id, section number (IV.A) or name.
        agreement: String,
        #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
        format: TraceFormat,
        /// Only what was known by this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        as_of: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// List the stored annotations as the statements that make them.
    Annotations,
    /// A local, read-only web view (http://127.0.0.1:PORT/): questions,
    /// cited answers, entity cards, timelines, documents.
    Serve {
        /// The port to listen on (127.0.0.1 only); 0 picks a free one.
        #[arg(long, default_value_t = 8787)]
        port: u16,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

impl From<QueryFormat> for acta::output::Format {
    fn from(f: QueryFormat) -> Self {
        match f {
            QueryFormat::Table => acta::output::Format::Table,
            QueryFormat::Json => acta::output::Format::Json,
            QueryFormat::Csv => acta::output::Format::Csv,
            QueryFormat::Tsv => acta::output::Format::Tsv,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ShowFormat {
    Text,
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum TraceFormat {
    Text,
    Json,
    Dot,
    Mermaid,
    /// A timeline picture: dated axis, one lane per actor, cited steps.
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Dot,
    Graphml,
    Ntriples,
    /// N-Triples' facts, each in the named graph of its evidence.
    Nquads,
    Csv,
}

fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("acta: {}", shown(&e.to_string()));
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}

/// A write past the file-size limit (`ulimit -f`) raises SIGXFSZ, which
/// kills the process without a word by default. Ignored, the write fails
/// with EFBIG instead, and the store reports it like any failed write.
#[cfg(unix)]
fn ignore_file_size_signal() {
    // SAFETY: sets the disposition of one signal to "ignore" at start-up,
    // before any thread exists; no handler runs, no Rust state is touched.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_file_size_signal() {}

/// Open the knowledge base of `--db`; without one, the default knowledge
/// base, built from the bundled reports (and annotations) on first use and
/// brought up to date with them after.
fn open(db: Option<PathBuf>) -> Result<KnowledgeBase, Error> {
    if let Some(path) = db {
        return KnowledgeBase::open(&path);
    }
    let path = acta::default_db_path();
    if !path.exists() {
        build_default(&path)?;
    }
    let (kb, loaded, fresh) = KnowledgeBase::open_or_build(&path)?;
    let kb = if fresh {
        let (kb, n) = acta::replay_annotations(kb, &acta::data_dir().join("annotations"))?;
        if n > 0 {
            eprintln!("acta: replayed {n} annotations from data/annotations");
        }
        kb
    } else {
        kb
    };
    if !loaded.is_empty() {
        eprintln!(
            "acta: updated the knowledge base at {} from the bundled reports: {}",
            path.display(),
            loaded.join(", ")
        );
    }
    Ok(kb)
}

/// Build the default knowledge base (the bundled reports, then the team's
/// annotation scripts) in a folder beside it, and move it into place only
/// when whole: a script that fails leaves nothing half-built behind, and
/// the next command tries again.
fn build_default(path: &Path) -> Result<(), Error> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|source| Error::Io {
        path: parent.display().to_string(),
        source,
    })?;
    let name = path
        .file_name()
        .map_or("kb".into(), |n| n.to_string_lossy().into_owned());
    let building = parent.join(format!(".{name}.building.{}", std::process::id()));
    let built = (|| {
        let (kb, loaded, _) = KnowledgeBase::open_or_build(&building)?;
        let (kb, n) = acta::replay_annotations(kb, &acta::data_dir().join("annotations"))?;
        kb.view()?;
        drop(kb);
        std::fs::rename(&building, path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        eprintln!(
            "acta: built the knowledge base at {} from the bundled reports: {}",
            path.display(),
            loaded.join(", ")
        );
        if n > 0 {
            eprintln!("acta: replayed {n} annotations from data/annotations");
        }
        Ok(())
    })();
    if built.is_err() {
        let _ = std::fs::remove_dir_all(&building);
    }
    built
}

/// Write to stdout; a reader that went away (`| head`) is not an error.
/// On a terminal, control characters are written out (see
/// [`acta::visible`]); to a file or a pipe, the text is exact.
fn out(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    let text = if stdout.is_terminal() {
        visible(text)
    } else {
        text.into()
    };
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Output(e)),
        _ => Ok(()),
    }
}

/// Open the knowledge base for a command that only reads: when another
/// acta process holds it, answer from the view that process saved (saying
/// so when it may be out of date) instead of waiting or failing.
fn open_to_read(db: Option<PathBuf>) -> Result<ReadAccess, Error> {
    // The default knowledge base follows the bundled reports: opening it
    // checks them, which needs the store.
    if let Some(saved) = db.as_deref().and_then(KnowledgeBase::current_saved_view) {
        return Ok(ReadAccess::Saved(Box::new(saved)));
    }
    open_or_read(db)
}

/// Open the knowledge base for a session that may write (the REPL): the
/// store when it is free, else read-only over the view its holder saved.
fn open_or_read(db: Option<PathBuf>) -> Result<ReadAccess, Error> {
    match open(db) {
        Ok(kb) => Ok(ReadAccess::Store(kb)),
        Err(Error::Store(StoreError::Locked { path, holder })) => {
            let saved = KnowledgeBase::saved_view(&path, holder)?;
            if let Some(note) = saved.staleness() {
                eprintln!("acta: note: {note}");
            }
            Ok(ReadAccess::Saved(Box::new(saved)))
        }
        Err(e) => Err(e),
    }
}

/// A file's text, or an error naming it.
fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Write a file whole or not at all: to a temporary file beside it,
/// synced, then renamed over it, so a full disk or a kill never leaves a
/// truncated file where an earlier one (a backup) was.
fn write(path: &Path, text: &str) -> Result<(), Error> {
    use std::io::Write as _;
    let fail = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.unwrap_or_else(|| "acta-output".into()),
        std::process::id()
    ));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

fn run(mut cli: Cli) -> Result<(), Error> {
    if cli.db.is_none() {
        cli.db = std::env::var_os("ACTA_DB")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
    }
    let author = acta::default_author(cli.author.as_deref());
    let Some(command) = cli.command else {
        return no_command(cli.db, author);
    };
    match command {
        Command::Ingest { files, report } => ingest(&open(cli.db)?, &files, report),
        Command::Stats => stats(&open_to_read(cli.db)?),
        Command::Check => check(&open(cli.db)?),
        Command::Show {
            entity,
            sources,
            format,
            output,
        } => {
            let access = open_to_read(cli.db)?;
            let view = access.view()?;
            let i = view.resolve(Reference::of(&entity), &[])?;
            let text = match format {
                ShowFormat::Text => acta::card(&view, i, sources),
                ShowFormat::Svg => show_svg(&view, i)?,
            };
            match output {
                Some(path) => write(&path, &text),
                None => out(&text),
            }
        }
        Command::Export {
            format,
            out: target,
            annotations,
        } => {
            let kb = open(cli.db)?;
            if annotations {
                let text = annotations_script(&kb)?;
                return match target {
                    Some(path) => write(&path, &text),
                    None => out(&text),
                };
            }
            export(&kb, format, target)
        }
        Command::Import { file } => {
            let kb = open(cli.db)?;
            let (docs, notes) = kb.import_json(&file.display().to_string(), &read(&file)?)?;
            eprintln!("imported {docs} documents and {notes} annotations");
            Ok(())
        }
        Command::Query {
            query,
            file,
            format,
            sources,
            keep_going,
            width,
        } => {
            let mut session = Session::reading(open_to_read(cli.db)?, author)?;
            session.format = format.into();
            session.sources = sources;
            session.width = match width {
                Some(w) => Some(usize::from(w)),
                None if std::io::stdout().is_terminal() => acta::output::terminal_width(),
                None => None,
            };
            match (query, file) {
                (Some(q), _) => run_script(&mut session, &q, "<query>", keep_going),
                (None, Some(f)) => run_script(
                    &mut session,
                    &read(&f)?,
                    &f.display().to_string(),
                    keep_going,
                ),
                (None, None) if !std::io::stdin().is_terminal() => {
                    run_script(&mut session, &read_stdin()?, "<stdin>", keep_going)
                }
                (None, None) => Err(Usage::NoQuery.into()),
            }
        }
        Command::Repl => acta::repl::run(&mut Session::reading(open_or_read(cli.db)?, author)?),
        Command::Trace {
            agreement,
            format,
            as_of,
            output,
        } => trace(&open_to_read(cli.db)?, &agreement, format, as_of, output),
        Command::Annotations => out(&annotations_script(&open(cli.db)?)?),
        Command::Serve { port } => {
            let db = cli.db.clone().unwrap_or_else(acta::default_db_path);
            // The default knowledge base is built on first use, as for any
            // command (unless another process has it: then it is built).
            if cli.db.is_none() {
                match open(None) {
                    Ok(_) | Err(Error::Store(StoreError::Locked { .. })) => {}
                    Err(e) => return Err(e),
                }
            }
            acta::serve(&db, port, |addr| {
                eprintln!("acta serve: http://{addr}/ (read-only; Ctrl-C stops it)");
            })
        }
    }
}

/// `acta` alone: the REPL in a terminal, else the statements on stdin.
fn no_command(db: Option<PathBuf>, author: String) -> Result<(), Error> {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let access = if interactive {
        open_or_read(db)?
    } else {
        open_to_read(db)?
    };
    let mut session = Session::reading(access, author)?;
    if interactive {
        return acta::repl::run(&mut session);
    }
    if std::io::stdin().is_terminal() {
        return Err(Usage::NotATerminal.into());
    }
    run_script(&mut session, &read_stdin()?, "<stdin>", false)
}

fn read_stdin() -> Result<String, Error> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|source| Error::Io {
            path: "<stdin>".into(),
            source,
        })?;
    Ok(text)
}

/// Run `;`-separated statements; results to stdout, notices to stderr. The
/// first failing statement stops the script (unless `keep_going`) and is
/// reported at its line and column.
fn run_script(
    session: &mut Session,
    text: &str,
    name: &str,
    keep_going: bool,
) -> Result<(), Error> {
    let reply = |r: acta::Reply| {
        out(&r.stdout)?;
        if let Some(n) = r.notice {
            eprintln!("{}", visible(&n));
        }
        Ok(())
    };
    session.run_script(text, name, keep_going, reply, |e| {
        eprintln!("acta: {}", shown(&e.to_string()))
    })?;
    Ok(())
}

/// `acta check`: every invariant, or the problems found.
fn check(kb: &KnowledgeBase) -> Result<(), Error> {
    let problems = kb.check()?;
    if problems.is_empty() {
        return out(&format!(
            "ok: {} documents, all invariants hold\n",
            kb.store().document_count()?
        ));
    }
    for p in &problems {
        eprintln!("problem: {}", visible(p));
    }
    Err(Error::CheckFailed(problems.len()))
}

/// `acta trace`: an agreement's chronology in one of four formats.
fn trace(
    access: &ReadAccess,
    agreement: &str,
    format: TraceFormat,
    as_of: Option<String>,
    output: Option<PathBuf>,
) -> Result<(), Error> {
    let as_of = match as_of {
        Some(d) => Some(as_of_date(d)?),
        None => None,
    };
    let view = match as_of {
        Some(date) => std::borrow::Cow::Owned(access.view_as_of(date)?),
        None => access.view()?,
    };
    let i = view.resolve(Reference::of(agreement), &[acta::model::Kind::Agreement])?;
    let t = Trace::of(&view, i);
    let text = match format {
        TraceFormat::Text => t.to_text(&view),
        TraceFormat::Json => serde_json::to_string_pretty(&t)? + "\n",
        TraceFormat::Dot => t.to_dot(),
        TraceFormat::Mermaid => t.to_mermaid(),
        TraceFormat::Svg => acta::picture::timeline(&t),
    };
    match output {
        Some(path) => write(&path, &text),
        None => out(&text),
    }
}

/// The picture of an entity: a meeting's agreements, an agreement's timeline.
fn show_svg(view: &acta::KnowledgeGraph, i: petgraph::graph::NodeIndex) -> Result<String, Error> {
    if let Some(svg) = acta::picture::meeting(view, i) {
        return Ok(svg);
    }
    match Trace::of_node(view, i) {
        Some(t) => Ok(acta::picture::timeline(&t)),
        None => Err(Usage::NoPicture(view.data(i).name.clone()).into()),
    }
}

fn annotations_script(kb: &KnowledgeBase) -> Result<String, Error> {
    let mut text =
        String::from("-- acta annotations, oldest first; replay with: acta query -f FILE\n");
    for a in kb.annotations()? {
        if a.claimed_by.is_some() || a.claimed_at.is_some() {
            text.push_str(&visible(&format!(
                "-- author and time as the statement claims them; recorded by {} at {}\n",
                a.author, a.at
            )));
        }
        // Strings come escaped; an id from elsewhere is written out too.
        text.push_str(&visible(&a.to_statement()));
        text.push_str(";\n");
    }
    Ok(text)
}

/// `acta ingest`: each file in turn; a file that cannot be read is
/// reported and the others go on, a storage failure stops them all.
fn ingest(kb: &KnowledgeBase, paths: &[PathBuf], report: bool) -> Result<(), Error> {
    let mut failed = None;
    let mut replaced = false;
    let mut changed = false;
    let files = acta::report_files(paths);
    let bar = progress(files.len());
    let say = |line: String| match &bar {
        Some(b) => b.println(visible(&line)),
        None => eprintln!("{}", visible(&line)),
    };
    for f in files {
        if let Some(b) = &bar {
            b.inc(1);
        }
        let f = match f {
            Ok(f) => f,
            Err((f, why)) => {
                say(format!("{}: skipped: {why}", f.display()));
                continue;
            }
        };
        if let Some(b) = &bar {
            b.set_message(f.display().to_string());
        }
        match kb.ingest_file(&f) {
            Ok((outcome, r)) => {
                changed |= !matches!(
                    outcome,
                    PutOutcome::Unchanged { .. } | PutOutcome::OtherReading { .. }
                );
                for w in &r.warnings {
                    say(format!("warning: {}: {w}", f.display()));
                }
                replaced |= matches!(
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
                failed.get_or_insert(e);
            }
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if replaced {
        for (a, why) in kb.stale_annotations()? {
            let line = format!(
                "warning: annotation no longer matches: {} ({why})",
                a.to_statement()
            );
            eprintln!("{}", visible(&line));
        }
    }
    if changed {
        // Saved now, the view makes the next query as fast as any, and
        // lets readers in other processes see what was ingested.
        kb.view()?;
    }
    match failed {
        Some(e) => Err(Error::NotAllIngested(Box::new(e))),
        None => Ok(()),
    }
}

/// An `--as-of` date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` exactly (the last
/// day it covers); a shape that fits but names no day is "not a date".
fn as_of_date(d: String) -> Result<acta::model::Ymd, Error> {
    let parts: Vec<&str> = d.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let shaped = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, day] => digits(y, 4) && digits(m, 2) && digits(day, 2),
        _ => false,
    };
    if !shaped {
        return Err(Usage::AsOf(d).into());
    }
    match DateValue::parse_iso(&d) {
        Some(v) => Ok(v.end),
        None => Err(Usage::NotADate(d).into()),
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
fn ingest_report(r: &acta::ingest::IngestReport) -> String {
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

fn stats(access: &ReadAccess) -> Result<(), Error> {
    let view = access.view()?;
    let path = match access {
        ReadAccess::Store(kb) => kb.store().path().to_path_buf(),
        ReadAccess::Saved(saved) => saved.path.clone(),
    };
    let mut text = format!(
        "knowledge base: {}\ndocuments: {}\nnodes: {}\nedges: {}\n",
        path.display(),
        view.document_count(),
        view.node_count(),
        view.edge_count()
    );
    text.push_str(&acta::output::counts(
        &view.stats(),
        "nodes by kind",
        "edges by type",
    ));
    out(&text)
}

fn export(kb: &KnowledgeBase, format: ExportFormat, target: Option<PathBuf>) -> Result<(), Error> {
    let text = match format {
        ExportFormat::Json => kb.export_json()?,
        ExportFormat::Csv => {
            let dir = target.ok_or(Usage::CsvNeedsDirectory)?;
            let view = kb.view()?;
            return std::fs::create_dir_all(&dir)
                .and_then(|()| acta::export::write_csv(&view, &dir))
                .map_err(|source| Error::Io {
                    path: dir.display().to_string(),
                    source,
                });
        }
        ExportFormat::Dot => acta::export::dot(&kb.view()?),
        ExportFormat::Graphml => acta::export::graphml(&kb.view()?),
        ExportFormat::Ntriples => acta::export::ntriples(&kb.view()?),
        ExportFormat::Nquads => acta::export::nquads(&kb.view()?),
    };
    match target {
        Some(path) => write(&path, &text),
        None => out(&text),
    }
}
