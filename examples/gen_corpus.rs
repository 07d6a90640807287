//! Write a deterministic synthetic corpus of CRM-style reports to a folder,
//! for benchmarks and load tests:
//!
//! ```text
//! cargo run --release --example gen_corpus -- --reports 10000 --seed 7 --out DIR
//! ```
//!
//! The text comes from [`acta::synth::report`]; the same seed always gives
//! byte-identical files. Ingest them with `acta ingest DIR/*.txt`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus --reports N [--seed S] --out DIR";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut reports: Option<usize> = None;
    let mut seed: u64 = 7;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value\n{USAGE}"));
        match a.as_str() {
            "--reports" | "-n" => {
                reports = Some(value()?.parse().map_err(|e| format!("--reports: {e}"))?);
            }
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" | "-o" => out = Some(PathBuf::from(value()?)),
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a}\n{USAGE}")),
        }
    }
    let (Some(n), Some(out)) = (reports, out) else {
        return Err(USAGE.into());
    };
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut bytes = 0usize;
    for (name, text) in acta::synth::corpus(seed, n) {
        let path = out.join(&name);
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len();
    }
    eprintln!(
        "wrote {n} reports ({:.1} MB) with seed {seed} to {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
