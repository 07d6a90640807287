//! The command line's grammar: the global options, the subcommands and
//! their arguments, and the formats each accepts, as clap reads them.
//! Nothing here opens a knowledge base or prints: `cli::run` dispatches.

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// In the REPL, print long answers whole instead of through $PAGER
    /// (also `:pager off`).
    #[arg(long, global = true)]
    pub(crate) no_pager: bool,
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
    /// Answer queries: one given here (or with -c), a script (-f), or
    /// statements on stdin (`-`, or a pipe).
    #[command(after_help = QUERY_HELP)]
    Query(QueryArgs),
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

/// How `acta query` reads statements and writes answers, below its options.
const QUERY_HELP: &str = "\
Statements: a statement ends at `;` or at the end of its line, as in a shell.
It goes on to the next line only while it is unfinished: a bracket or a quote
is open, or the line ends with `\\`; a pattern (`match ...`) until its
`return`, then onto lines that start with a clause (where, return, order by,
skip, limit) or after a line that ends with a comma or an operator; an
annotation onto lines that start with source, because, by or at; any
statement onto a line that starts with `as of`. A blank line ends a statement
unless a bracket or a quote is open. `--` and `//` start comments.

Examples:
  acta query 'meetings in 2002'
  acta query -c 'agreements of VII CRM' --format csv -o agreements.csv
  acta query -f questions.aq --keep-going
  printf 'meetings in 2002\\nmeetings in 2003\\n' | acta query -

CSV, TSV and JSON carry every text whole (never cut with an ellipsis); CSV
and TSV give an entity two columns (country_id, country) and a list one row
per value (docs/answers.md lists every question form's columns), and print
an answer's caveats on stderr.
With -o, the answers are written to a temporary file renamed over FILE when
the statements have run; a failing statement leaves FILE as it was (with
--keep-going, FILE holds the answers of the statements that ran).
A knowledge base with no documents answers from the gazetteer alone, with a
warning on stderr. --db PATH where PATH holds no knowledge base is an error
(exit code 3) and creates nothing.

Exit codes: 0 ok, 1 a statement failed, 2 usage, 3 knowledge base locked,
missing or unreadable.";

/// The arguments of `acta query`.
#[derive(Args)]
pub(crate) struct QueryArgs {
    /// The statements to run (`;` or lines between them); `-` reads them
    /// from stdin.
    #[arg(value_name = "QUERY")]
    pub(crate) query: Option<String>,
    /// Run this query (or these `;`-separated statements), as given.
    #[arg(short = 'c', long = "command", value_name = "QUERY", conflicts_with_all = ["query", "file"])]
    pub(crate) command: Option<String>,
    /// Run the statements of a script file (`-`: stdin); `--` comments.
    #[arg(long, short = 'f', conflicts_with = "query")]
    pub(crate) file: Option<PathBuf>,
    /// Write the answers to FILE (whole, or not at all) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub(crate) format: QueryFormat,
    /// List each row's sources below the table.
    #[arg(long)]
    pub(crate) sources: bool,
    /// Go on after a failing statement (the exit code is still 1).
    #[arg(long)]
    pub(crate) keep_going: bool,
    /// Fit tables to this many columns, wrapping long cells (default:
    /// the terminal's width; not fitted when stdout is not a terminal).
    #[arg(long, value_parser = clap::value_parser!(u16).range(20..))]
    pub(crate) width: Option<u16>,
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
