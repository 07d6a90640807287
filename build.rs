//! Build script: a hash of the sources the graph view is built by, so that
//! a view saved by one build of acta is never read by another (see
//! `src/graph/snapshot.rs`). Every binary of one build (the `acta` command,
//! tests, examples, benchmarks) shares it. It also lists the series
//! profiles of `data/series/` for `src/reference/series.rs` to embed, so
//! that a new profile there needs no code change.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// `$OUT_DIR/series.rs`: every `data/series/*.toml`, embedded, sorted by name.
fn series_list() {
    let dir = Path::new("data/series");
    println!("cargo:rerun-if-changed={}", dir.display());
    // Checkouts that share one target directory share this script's
    // output, which names files by their absolute path: run again when
    // cargo runs from another checkout.
    println!("cargo:rerun-if-env-changed=PWD");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|es| {
            es.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let items: Vec<String> = found
        .iter()
        .map(|p| format!("    include_str!({:?}),\n", Path::new(&root).join(p)))
        .collect();
    let code = format!(
        "/// The series profiles of `data/series/`, as TOML.\npub(crate) const SERIES: [&str; {}] = [\n{}];\n",
        items.len(),
        items.concat()
    );
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out).join("series.rs"), code) {
        println!("cargo:warning=writing the list of series profiles: {e}");
    }
}

fn main() {
    series_list();
    let mut all = Vec::new();
    for dir in ["src", "grammar", "data/reference", "data/series"] {
        files(Path::new(dir), &mut all);
        println!("cargo:rerun-if-changed={dir}");
    }
    all.push(PathBuf::from("Cargo.toml"));
    println!("cargo:rerun-if-changed=Cargo.toml");
    all.sort();
    let mut h = DefaultHasher::new();
    for p in &all {
        h.write(p.to_string_lossy().as_bytes());
        h.write(&std::fs::read(p).unwrap_or_default());
    }
    println!("cargo:rustc-env=ACTA_SOURCE_HASH={:016x}", h.finish());
}
