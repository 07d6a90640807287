//! Where the memory of building a view goes, for a heap profiler
//! (heaptrack sees the system allocator, not mimalloc): `heap_probe
//! build DB` builds the graph view of the knowledge base at DB from its
//! documents and saves it; `heap_probe ingest DB FILE...` ingests the files and then
//! builds and saves the view, as `acta ingest` does. Prints the time
//! taken and the peak resident set size (`VmHWM`).

use acta::KnowledgeBase;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(db)) = (args.first(), args.get(1)) else {
        return Err("usage: heap_probe build DB | heap_probe ingest DB FILE...".into());
    };
    let kb = KnowledgeBase::open(&PathBuf::from(db))?;
    let start = Instant::now();
    if mode == "ingest" {
        for f in &args[2..] {
            kb.ingest_file(&PathBuf::from(f))?;
        }
        eprintln!("ingested in {:.2?}, peak {}", start.elapsed(), peak());
        kb.view()?;
    } else {
        // Built from the documents and saved, as after an ingest.
        let _ = std::fs::remove_file(PathBuf::from(db).join("view.snapshot"));
        let kg = kb.view()?;
        eprintln!("{} documents", kg.documents().len());
    }
    eprintln!("done in {:.2?}, peak {}", start.elapsed(), peak());
    Ok(())
}

/// The process's peak resident set size, as Linux reports it.
fn peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(str::to_string)
        })
        .unwrap_or_default()
}
