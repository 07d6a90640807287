//! The `acta` command line: parses arguments, opens the knowledge base,
//! dispatches to the library, prints results to stdout and diagnostics to
//! stderr, and maps errors to exit codes (0 ok, 1 query or data error,
//! 2 usage, 3 database locked or unreadable).

use acta::error::Error;
use acta::graph::ViewOptions;
use acta::kb::{self, KnowledgeBase};
use acta::store::PutOutcome;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
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
    },
    /// Import a JSON export into the knowledge base.
    Import { file: PathBuf },
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
            let (kb, loaded) = KnowledgeBase::open_or_build(&path)?;
            if !loaded.is_empty() {
                eprintln!(
                    "acta: built the knowledge base at {} from the bundled reports: {}",
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
    let Some(command) = cli.command else {
        let kb = open(cli.db)?;
        return stats(&kb);
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
        } => export(&open(cli.db)?, format, target),
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
    }
}

fn ingest(kb: &KnowledgeBase, files: &[PathBuf], report: bool) -> Result<(), Error> {
    let mut failed = None;
    for f in files {
        match kb.ingest_file(f) {
            Ok((outcome, r)) => {
                for w in &r.warnings {
                    eprintln!("warning: {}: {w}", f.display());
                }
                let what = match outcome {
                    PutOutcome::Added => "ingested".to_string(),
                    PutOutcome::Replaced => "replaced the previous version of".to_string(),
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
            let g = kb.graph(ViewOptions::default())?;
            let (nodes, edges) = acta::export::csv(&g);
            let Some(dir) = target else {
                return Err(Error::Usage(
                    "--format csv writes two files: give a directory with --out DIR".into(),
                ));
            };
            std::fs::create_dir_all(&dir).map_err(|e| Error::File {
                path: dir.display().to_string(),
                message: kb::io_message(&e),
            })?;
            write(&dir.join("nodes.csv"), &nodes)?;
            return write(&dir.join("edges.csv"), &edges);
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
