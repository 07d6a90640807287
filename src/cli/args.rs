//! The command line's grammar: the global options, the subcommands and
//! their arguments, and the formats each accepts, as clap reads them.
//! Nothing here opens a knowledge base or prints: `cli::run` dispatches.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "acta",
    version,
    about = "A knowledge base for the records of intergovernmental meetings"
)]
pub(crate) struct Cli {
    /// Knowledge base directory (default: $ACTA_DB, else the user's data directory).
    /// An empty `ACTA_DB` counts as unset (read in `run`, not by clap,
    /// which refuses an empty value).
    #[arg(long, global = true)]
    pub(crate) db: Option<PathBuf>,
    /// Author recorded with annotations (default: $ACTA_AUTHOR, else the user name).
    #[arg(long, global = true)]
    pub(crate) author: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
pub(crate) enum QueryFormat {
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
pub(crate) enum ShowFormat {
    Text,
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum TraceFormat {
    Text,
    Json,
    Dot,
    Mermaid,
    /// A timeline picture: dated axis, one lane per actor, cited steps.
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Json,
    Dot,
    Graphml,
    Ntriples,
    /// N-Triples' facts, each in the named graph of its evidence.
    Nquads,
    Csv,
}
