//! Time acta's answers in-process, for the side-by-side comparison in
//! `bench/compare/` (Kuzu and SQLite run the same questions there): open a
//! knowledge base once, build its graph view, then run each query
//! repeatedly and print, as JSON, the time to open, each query's median
//! time and its answer. Process start-up and opening are not part of any
//! query's time.
//!
//! ```text
//! cargo run --release --example compare_timing -- --db DIR --queries FILE [--runs N] [--max-seconds S]
//! ```
//!
//! `FILE` (`-` for stdin) is a JSON list of `{"name": ..., "query": ...}`.
//! Each query runs once untimed (warm-up; its answer is the one printed),
//! then `--runs` times (default 21), or fewer when a query has used
//! `--max-seconds` (default 10; at least 3 runs). A run is the whole of
//! `acta::query::run_with`: parsing, planning, evaluation and the answer
//! with its cited sources. Cells are printed as JSON values: a node as its
//! id, a list as a list, a date as its ISO text. A query that fails is
//! reported with its `error` and not timed.

/// mimalloc, as in the `acta` binary: answers and views are millions of
/// small allocations, and glibc's allocator made them up to twice as slow.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use acta::query::Cell;
use acta::KnowledgeBase;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const USAGE: &str = "usage: compare_timing --db DIR --queries FILE|- [--runs N] [--max-seconds S]";

struct Args {
    db: PathBuf,
    queries: String,
    runs: usize,
    max: Duration,
}

fn main() -> ExitCode {
    match parse().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("compare_timing: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse() -> Result<Args, String> {
    let (mut db, mut queries) = (None, None);
    let (mut runs, mut max) = (21, Duration::from_secs(10));
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--db" => db = Some(PathBuf::from(value()?)),
            "--queries" => queries = Some(value()?),
            "--runs" => runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--max-seconds" => {
                let s: f64 = value()?
                    .parse()
                    .map_err(|e| format!("--max-seconds: {e}"))?;
                max = Duration::from_secs_f64(s);
            }
            _ => return Err(format!("unknown argument {arg}\n{USAGE}")),
        }
    }
    Ok(Args {
        db: db.ok_or(USAGE)?,
        queries: queries.ok_or(USAGE)?,
        runs: runs.max(3),
        max,
    })
}

fn cell(c: &Cell) -> Value {
    match c {
        Cell::Null => Value::Null,
        Cell::Bool(b) => json!(b),
        Cell::Int(i) => json!(i),
        Cell::Text(t) => json!(t),
        Cell::Date(d) => json!(d.to_string()),
        Cell::Node { id, .. } => json!(id),
        Cell::Edge { kind, from, to } => json!(format!("{from} -[{kind}]-> {to}")),
        Cell::List(items) => Value::Array(items.iter().map(cell).collect()),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

fn run(a: Args) -> Result<(), String> {
    let text = if a.queries == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| e.to_string())?
    } else {
        std::fs::read_to_string(&a.queries).map_err(|e| format!("{}: {e}", a.queries))?
    };
    let queries: Vec<Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", a.queries))?;

    let start = Instant::now();
    let kb = KnowledgeBase::open(&a.db).map_err(|e| e.to_string())?;
    let kg = kb.view().map_err(|e| e.to_string())?;
    let open = start.elapsed();

    let mut out = Vec::new();
    let mut first_answer = None;
    for q in &queries {
        let name = q["name"].as_str().unwrap_or_default();
        let query = q["query"]
            .as_str()
            .ok_or(format!("query {name} has no \"query\" text"))?;
        let answer = match acta::answer(&kg, &kb, query) {
            Ok(a) => a,
            Err(e) => {
                out.push(json!({"name": name, "query": query, "error": e.to_string()}));
                continue;
            }
        };
        first_answer.get_or_insert_with(|| start.elapsed());
        let mut times = Vec::with_capacity(a.runs);
        let began = Instant::now();
        while times.len() < a.runs && (times.len() < 3 || began.elapsed() < a.max) {
            let t = Instant::now();
            let again = acta::answer(&kg, &kb, query);
            times.push(t.elapsed());
            std::hint::black_box(again).map_err(|e| e.to_string())?;
        }
        let runs = times.len();
        let min = *times.iter().min().unwrap_or(&Duration::ZERO);
        out.push(json!({
            "name": name,
            "query": query,
            "median_ms": ms(median(&mut times)),
            "min_ms": ms(min),
            "runs": runs,
            "columns": answer.columns,
            "rows": answer.rows.iter().map(|r| r.iter().map(cell).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "sources": answer.sources.iter().map(Vec::len).sum::<usize>(),
        }));
    }
    let report = json!({
        "documents": kg.document_count(),
        "nodes": kg.node_count(),
        "edges": kg.edge_count(),
        "open_ms": ms(open),
        "first_answer_ms": first_answer.map(ms),
        "queries": out,
    });
    println!("{report}");
    // The view is large; the process ends here anyway.
    std::mem::forget(kg);
    Ok(())
}
