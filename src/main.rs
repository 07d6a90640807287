//! The `acta` command line: parses arguments, opens the knowledge base,
//! dispatches to the library, prints results to stdout and diagnostics to
//! stderr, and maps errors to exit codes (0 ok, 1 query or data error,
//! 2 usage, 3 database locked or unreadable).

/// mimalloc: a view is millions of small allocations and an answer
/// thousands; with glibc's allocator, opening, answering and exiting were
/// up to twice as slow (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use acta::error::Error;
use acta::graph::ViewOptions;
use acta::kb::{self, KnowledgeBase};
use acta::session::Session;
use acta::store::PutOutcome;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "acta",
    version,
    about = "A knowledge base for the records of intergovernmental meetings"
)]
struct Cli {
    /// Knowledge base directory (default: $ACTA_DB, else the user's data directory).
    #[arg(long, global = true, env = "ACTA_DB")]
    db: Option<PathBuf>,
    /// Author recorded with annotations (default: $ACTA_AUTHOR, else the user name).
    #[arg(long, global = true)]
    author: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest report files (plain text; UTF-8, UTF-16 or Windows-1252).
    Ingest {
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
    },
    /// List the stored annotations as the statements that make them.
    Annotations,
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
enum TraceFormat {
    Text,
    Json,
    Dot,
    Mermaid,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Dot,
    Graphml,
    Ntriples,
    Csv,
}

fn main() -> ExitCode {
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
            eprintln!("acta: {e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}

fn open(db: Option<PathBuf>) -> Result<KnowledgeBase, Error> {
    match db {
        Some(path) => KnowledgeBase::open(&path),
        None => {
            let path = kb::default_db_path();
            let (kb, loaded, fresh) = KnowledgeBase::open_or_build(&path)?;
            let kb = if !fresh {
                kb
            } else {
                let (kb, n) =
                    acta::session::replay_annotations(kb, &kb::data_dir().join("annotations"))?;
                if n > 0 {
                    eprintln!("acta: replayed {n} annotations from data/annotations");
                }
                kb
            };
            if !loaded.is_empty() {
                let verb = if fresh { "built" } else { "updated" };
                eprintln!(
                    "acta: {verb} the knowledge base at {} from the bundled reports: {}",
                    path.display(),
                    loaded.join(", ")
                );
            }
            Ok(kb)
        }
    }
}

fn out(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Data(format!("cannot write output: {e}")))
        }
        _ => Ok(()),
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    let author = acta::annotate::default_author(cli.author.as_deref());
    let Some(command) = cli.command else {
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let mut session = Session::new(open(cli.db)?, author)?;
        if interactive {
            return acta::repl::run(&mut session);
        }
        if std::io::stdin().is_terminal() {
            return Err(Error::Usage(
                "stdout is not a terminal: give a command (acta --help), or pipe queries into acta"
                    .into(),
            ));
        }
        return run_script(&mut session, &read_stdin()?, "<stdin>", false);
    };
    match command {
        Command::Ingest { files, report } => ingest(&open(cli.db)?, &files, report),
        Command::Stats => stats(&open(cli.db)?),
        Command::Check => {
            let kb = open(cli.db)?;
            let problems = kb.check()?;
            if problems.is_empty() {
                out(&format!(
                    "ok: {} documents, all invariants hold\n",
                    kb.store.document_count()
                ))
            } else {
                for p in &problems {
                    eprintln!("problem: {p}");
                }
                Err(Error::Data(format!("{} problems found", problems.len())))
            }
        }
        Command::Show { entity, sources } => {
            let kb = open(cli.db)?;
            let g = kb.graph(ViewOptions::default())?;
            let i = g.resolve(&entity)?;
            out(&acta::card::render(&g, i, sources))
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
                    Some(path) => std::fs::write(&path, text).map_err(|e| Error::File {
                        path: path.display().to_string(),
                        message: kb::io_message(&e),
                    }),
                    None => out(&text),
                };
            }
            export(&kb, format, target)
        }
        Command::Import { file } => {
            let kb = open(cli.db)?;
            let shown = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| Error::File {
                path: shown.clone(),
                message: kb::io_message(&e),
            })?;
            let (docs, notes) = kb.import_json(&shown, &text)?;
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
            let mut session = Session::new(open(cli.db)?, author)?;
            session.format = format.into();
            session.sources = sources;
            if let Some(w) = width {
                session.width = Some(usize::from(w));
            } else if std::io::stdout().is_terminal() {
                session.width = acta::output::terminal_width();
            }
            match (query, file) {
                (Some(q), _) => run_script(&mut session, &q, "<query>", keep_going),
                (None, Some(f)) => {
                    let shown = f.display().to_string();
                    let text = std::fs::read_to_string(&f).map_err(|e| Error::File {
                        path: shown.clone(),
                        message: kb::io_message(&e),
                    })?;
                    run_script(&mut session, &text, &shown, keep_going)
                }
                (None, None) if !std::io::stdin().is_terminal() => {
                    run_script(&mut session, &read_stdin()?, "<stdin>", keep_going)
                }
                (None, None) => Err(Error::Usage(
                    "give a query, -f FILE, or queries on stdin".into(),
                )),
            }
        }
        Command::Repl => {
            let mut session = Session::new(open(cli.db)?, author)?;
            acta::repl::run(&mut session)
        }
        Command::Trace {
            agreement,
            format,
            as_of,
        } => {
            let kb = open(cli.db)?;
            let as_of = match as_of {
                Some(d) => Some(
                    acta::model::DateValue::parse_iso(&d)
                        .ok_or_else(|| {
                            Error::Usage(format!(
                                "--as-of {d}: expected YYYY, YYYY-MM or YYYY-MM-DD"
                            ))
                        })?
                        .end,
                ),
                None => None,
            };
            let g = kb.graph(ViewOptions { as_of })?;
            let ctx = acta::query::eval::Ctx::new(&g);
            let reference = if agreement.contains(':') && !agreement.contains(' ') {
                acta::query::ast::EntityRef::Id(
                    agreement.clone(),
                    acta::query::ast::Span::new(0, agreement.len()),
                )
            } else {
                acta::query::ast::EntityRef::Bare(
                    agreement.clone(),
                    acta::query::ast::Span::new(0, agreement.len()),
                )
            };
            let i =
                acta::query::questions::resolve(&ctx, &reference, &[acta::model::Kind::Agreement])
                    .map_err(|e| Error::Query(e.locate(&agreement)))?;
            let t = acta::trace::trace(&g, i);
            out(&match format {
                TraceFormat::Text => t.to_text(&g),
                TraceFormat::Json => {
                    let mut s =
                        serde_json::to_string_pretty(&t).map_err(|e| Error::Data(e.to_string()))?;
                    s.push('\n');
                    s
                }
                TraceFormat::Dot => t.to_dot(),
                TraceFormat::Mermaid => t.to_mermaid(),
            })
        }
        Command::Annotations => out(&annotations_script(&open(cli.db)?)?),
    }
}

fn read_stdin() -> Result<String, Error> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Error::File {
            path: "<stdin>".into(),
            message: format!("cannot read: {e}"),
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
    let mut failures = 0;
    for st in acta::script::statements(text) {
        match session.execute(&st.text) {
            Ok(reply) => {
                out(&reply.stdout)?;
                if let Some(n) = reply.notice {
                    eprintln!("{n}");
                }
                if reply.quit {
                    break;
                }
            }
            Err(e) => {
                let e = acta::session::at_statement(e, name, &st);
                if !keep_going {
                    return Err(e);
                }
                eprintln!("acta: {e}");
                failures += 1;
            }
        }
    }
    if failures > 0 {
        return Err(Error::Data(format!("{failures} statement(s) failed")));
    }
    Ok(())
}

fn annotations_script(kb: &KnowledgeBase) -> Result<String, Error> {
    let mut text =
        String::from("-- acta annotations, oldest first; replay with: acta query -f FILE\n");
    for a in kb.annotations()? {
        text.push_str(&a.to_statement());
        text.push_str(";\n");
    }
    Ok(text)
}

fn ingest(kb: &KnowledgeBase, files: &[PathBuf], report: bool) -> Result<(), Error> {
    let mut failed = None;
    let mut replaced = false;
    for f in files {
        match kb.ingest_file(f) {
            Ok((outcome, r)) => {
                for w in &r.warnings {
                    eprintln!("warning: {}: {w}", f.display());
                }
                let what = match outcome {
                    PutOutcome::Added => "ingested".to_string(),
                    PutOutcome::Replaced => {
                        replaced = true;
                        "replaced the previous version of".to_string()
                    }
                    PutOutcome::Unchanged { id } if id == r.doc_id => {
                        "unchanged (already stored)".to_string()
                    }
                    PutOutcome::Unchanged { id } => {
                        format!("unchanged (same text already stored as {id})")
                    }
                };
                eprintln!("{}: {what} {}", f.display(), r.doc_id);
                if report {
                    let mut text = format!(
                        "== {} ({}, {} sections)\n",
                        r.doc_id,
                        r.encoding,
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
                    out(&text)?;
                }
            }
            // A storage failure is not the file's fault, and the files after
            // it would fail the same way: stop and report it (exit code 3).
            Err(e @ Error::Store(_)) => return Err(e),
            Err(e) => {
                eprintln!("acta: {e}");
                failed.get_or_insert(e);
            }
        }
    }
    if replaced {
        for (a, why) in kb.stale_annotations()? {
            eprintln!(
                "warning: annotation no longer matches: {} ({why})",
                a.to_statement()
            );
        }
    }
    match failed {
        Some(e) => Err(Error::Data(format!("not every file was ingested ({e})"))),
        None => Ok(()),
    }
}

fn stats(kb: &KnowledgeBase) -> Result<(), Error> {
    let g = kb.graph(ViewOptions::default())?;
    let (nodes, edges) = g.stats();
    let mut text = format!(
        "knowledge base: {}\ndocuments: {}\nnodes: {}\nedges: {}\n",
        kb.store.path().display(),
        kb.store.document_count(),
        g.graph.node_count(),
        g.graph.edge_count()
    );
    text.push_str("nodes by kind:\n");
    for (k, n) in nodes {
        text.push_str(&format!("  {:<14}{n:>7}\n", k.as_str()));
    }
    text.push_str("edges by type:\n");
    for (k, n) in edges {
        text.push_str(&format!("  {:<24}{n:>7}\n", k.as_str()));
    }
    out(&text)
}

fn export(kb: &KnowledgeBase, format: ExportFormat, target: Option<PathBuf>) -> Result<(), Error> {
    let write = |path: &PathBuf, text: &str| {
        std::fs::write(path, text).map_err(|e| Error::File {
            path: path.display().to_string(),
            message: kb::io_message(&e),
        })
    };
    let text = match format {
        ExportFormat::Json => kb.export_json()?,
        ExportFormat::Csv => {
            let Some(dir) = target else {
                return Err(Error::Usage(
                    "--format csv writes several files (nodes.csv, edges.csv, requests.csv, aliases.csv): give a directory with --out DIR".into(),
                ));
            };
            let g = kb.graph(ViewOptions::default())?;
            std::fs::create_dir_all(&dir).map_err(|e| Error::File {
                path: dir.display().to_string(),
                message: kb::io_message(&e),
            })?;
            return acta::export::write_csv(&g, &dir).map_err(|e| Error::File {
                path: dir.display().to_string(),
                message: kb::io_message(&e),
            });
        }
        other => {
            let g = kb.graph(ViewOptions::default())?;
            match other {
                ExportFormat::Dot => acta::export::dot(&g),
                ExportFormat::Graphml => acta::export::graphml(&g),
                _ => acta::export::ntriples(&g),
            }
        }
    };
    match target {
        Some(path) => write(&path, &text),
        None => out(&text),
    }
}
