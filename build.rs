//! Build script: a hash of the sources the graph view is built by, so that
//! a view saved by one build of acta is never read by another (see
//! `src/graph/snapshot.rs`). Every binary of one build (the `acta` command,
//! tests, examples, benchmarks) shares it.

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

fn main() {
    let mut all = Vec::new();
    for dir in ["src", "grammar", "data/reference"] {
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
