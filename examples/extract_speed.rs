//! Extraction alone, on one core: `acta::ingest::prepare` (read, clean,
//! split into sections, extract, resolve) over report files that are all
//! read into memory first; prints MB/s of CPU time (user + system), the
//! figure the performance issue sets at 20 MB/s. Uses mimalloc, as the
//! `acta` binary does.
//!
//! With `--passes N` the files are extracted N times over and each pass
//! is timed apart: the first pays for start-up (the rule tables' patterns
//! compiled, the gazetteer's names indexed), the others are extraction
//! alone, which is what a long ingest runs at.
//!
//! With `--digest` it also prints a SHA-256 of every bundle (bincode):
//! a change meant to make extraction faster must leave it as it was.
//!
//! ```text
//! cargo run --release --example extract_speed -- /tmp/corpus1k/*.txt
//! cargo run --release --example extract_speed -- --digest tests/real/*.txt
//! cargo run --release --example extract_speed -- --passes 3 tests/real/*.txt
//! ```

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut passes = 1;
    let digest = args.first().is_some_and(|a| a == "--digest");
    if digest {
        args.remove(0);
    }
    if args.first().is_some_and(|a| a == "--passes") {
        passes = args
            .get(1)
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&n| n > 0)
            .ok_or("--passes takes a number above 0")?;
        args.drain(..2);
    }
    let files = args;
    if files.is_empty() {
        return Err("usage: extract_speed [--digest] [--passes N] FILE...".into());
    }
    let gazetteer = acta::Gazetteer::bundled()?;
    let texts: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| std::fs::read(f).map(|b| (f.clone(), b)))
        .collect::<Result<_, _>>()?;
    let bytes: usize = texts.iter().map(|(_, b)| b.len()).sum();
    if digest {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        for (name, b) in &texts {
            let (bundle, _) = acta::ingest::prepare(name, b, &gazetteer)?;
            h.update(bincode::serialize(&bundle)?);
        }
        let d: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        println!("digest of {} bundles: {d}", texts.len());
    }
    for pass in 1..=passes {
        let start = cpu_seconds();
        let wall = Instant::now();
        let mut facts = 0;
        for (name, b) in &texts {
            let (bundle, _) = acta::ingest::prepare(name, b, &gazetteer)?;
            facts += bundle.nodes.len() + bundle.edges.len();
        }
        let cpu = cpu_seconds() - start;
        let label = if passes > 1 {
            format!("pass {pass}: ")
        } else {
            String::new()
        };
        println!(
            "{label}extracted {} files, {:.1} MB, {facts} facts: {cpu:.2} s CPU ({:.2} MB/s), {:.2?} wall",
            texts.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / cpu,
            wall.elapsed()
        );
    }
    Ok(())
}

/// User plus system CPU time of this process so far, in seconds (from
/// `/proc/self/stat`, in clock ticks of 1/100 s).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (tick(11) + tick(12)) / 100.0
}
