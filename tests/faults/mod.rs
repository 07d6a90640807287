//! Helpers shared by the reliability tests (`crash`, `concurrency`,
//! `encodings`, `storage_faults`), on top of `common` (the real binary
//! under a watchdog): a seeded PRNG, reports of the genre in any size,
//! exports keyed by document, and child processes that are the test
//! binary itself in a helper role (see [`child_role`]).
//!
//! Each test file uses a different part of this module.
#![allow(dead_code)]

pub mod disk;

pub use crate::common::*;
use acta::model::FactBundle;
use acta::store::Store;
use acta::Export;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// No Rust panic reached the user (exit code 101, or the panic message).
pub fn assert_no_panic(o: &Output, what: &str) {
    let err = stderr(o);
    assert!(
        o.status.code() != Some(101) && !err.contains("panicked at"),
        "{what}: acta panicked:\n{err}"
    );
}

/// `acta check` succeeds.
pub fn assert_check_passes(db: &Path, context: &str) {
    let o = acta(db, &["check"]);
    assert!(
        o.status.success(),
        "{context}: acta check failed ({:?}):\n{}",
        o.status,
        stderr(&o)
    );
}

/// The documents of `acta export`, by id (each the whole stored bundle,
/// read back into the model's types: faster than generic JSON values).
pub fn exported_documents(db: &Path, context: &str) -> BTreeMap<String, FactBundle> {
    let o = acta(db, &["export", "--format", "json"]);
    assert!(
        o.status.success(),
        "{context}: acta export failed:\n{}",
        stderr(&o)
    );
    documents_of(&o.stdout)
}

/// The documents of an export's bytes, by id.
pub fn documents_of(export: &[u8]) -> BTreeMap<String, FactBundle> {
    let e: Export = serde_json::from_slice(export).expect("an acta export");
    e.documents
        .into_iter()
        .map(|d| (d.doc.id.clone(), d))
        .collect()
}

/// The synthetic corpus's SplitMix64 (`acta::synth`), with the ranges the
/// fault tests draw: kill moments, sizes, text.
#[derive(Debug, Clone)]
pub struct Rng(acta::synth::SplitMix64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(acta::synth::SplitMix64::new(seed))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below((hi - lo + 1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A seed from the environment variable `var`, else `default`.
pub fn seed_from_env(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

const ROMAN: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];
const HEADINGS: [&str; 8] = [
    "Introducción",
    "Secretaría Técnica (ST) de la CRM",
    "Políticas y Gestión Migratoria",
    "Derechos Humanos",
    "Migración y Desarrollo",
    "Asuntos generales",
    "Cooperación regional",
    "Retorno de Migrantes Extra-regionales",
];
const SUBJECTS: [&str; 14] = [
    "México",
    "Canadá",
    "la OIM",
    "Guatemala",
    "El Salvador",
    "Costa Rica",
    "la Presidencia Pro-Témpore",
    "la Secretaría Técnica",
    "Panamá",
    "Honduras",
    "Nicaragua",
    "Belice",
    "los Estados Unidos",
    "la CEPAL",
];
const VERBS: [&str; 8] = [
    "presentó un informe sobre",
    "propuso un taller acerca de",
    "solicitó respuestas de los países miembros sobre",
    "reafirmó el acuerdo relativo a",
    "ofreció capacitación en",
    "recomendó dar seguimiento a",
    "envió una carta acerca de",
    "coordinó con",
];
const OBJECTS: [&str; 8] = [
    "el tráfico ilícito de migrantes",
    "la protección consular",
    "los niños migrantes en la región",
    "el retorno de migrantes intra-regionales",
    "las remesas",
    "la trata de personas",
    "los documentos de viaje auténticos",
    "la red de funcionarios de enlace",
];

/// One sentence of the genre.
pub fn sentence(rng: &mut Rng) -> String {
    let s = rng.pick(&SUBJECTS);
    let mut first = s.chars();
    let s = match first.next() {
        Some(c) => c.to_uppercase().collect::<String>() + first.as_str(),
        None => String::new(),
    };
    format!(
        "{s} {} {} en {} de {}.",
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&["octubre", "mayo", "noviembre", "marzo"]),
        2000 + rng.below(5)
    )
}

/// A report of the genre of about `target` bytes (at least one section):
/// roman sections with a heading line, `A.  Heading: body` subsections,
/// `(n)  item` lists, and a footnote after `###`.
pub fn report(rng: &mut Rng, target: usize) -> String {
    let mut out = String::from("Informe de la Presidencia Pro-Témpore\n");
    let mut k = 0;
    while out.len() < target || k == 0 {
        out.push_str(&format!(
            "{}.\n{}\n",
            ROMAN[k % ROMAN.len()],
            rng.pick(&HEADINGS)
        ));
        for _ in 0..rng.range(1, 3) {
            out.push_str(&sentence(rng));
            out.push(' ');
        }
        out.push('\n');
        for letter in ["A", "B", "C", "D"].iter().take(rng.range(0, 4)) {
            out.push_str(&format!(
                "{letter}.  {}: {}\n",
                rng.pick(&OBJECTS),
                sentence(rng)
            ));
            for n in 1..=rng.range(0, 3) {
                out.push_str(&format!(
                    "({n})  {}: {}\n",
                    rng.pick(&OBJECTS),
                    sentence(rng)
                ));
            }
        }
        k += 1;
    }
    out.push_str("###\n Nota al pie: ");
    out.push_str(&sentence(rng));
    out.push('\n');
    out
}

/// A new version of a report: one sentence added to its first section.
pub fn revised(text: &str, rng: &mut Rng) -> String {
    match text.find('\n') {
        Some(i) => format!("{}\nRevisión: {}{}", &text[..i], sentence(rng), &text[i..]),
        None => format!("{text}\n{}", sentence(rng)),
    }
}

/// Write `sizes.len()` reports into `dir` as `informe-NN.txt`.
pub fn write_corpus(dir: &Path, sizes: &[usize], rng: &mut Rng) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("corpus dir");
    sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            let path = dir.join(format!("informe-{i:02}.txt"));
            std::fs::write(&path, report(rng, size)).expect("write report");
            path
        })
        .collect()
}

/// Paths as strings, for command lines.
pub fn strs(paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

/// The annotation record number `seq`: JSON, deterministic, of varied size
/// (a few are large enough for sled to store them as separate blobs).
pub fn annotation_record(seq: u64) -> Vec<u8> {
    let len = match seq % 10 {
        0 => 150_000,
        3 | 7 => 9_000,
        _ => 100 + (seq % 7) as usize * 40,
    };
    let unit = "señalado por México y Canadá; ";
    let text: String = unit.chars().cycle().take(len).collect();
    serde_json::to_vec(&serde_json::json!({
        "seq": seq,
        "by": "prueba",
        "why": "registro de prueba de escritura interrumpida",
        "text": text,
    }))
    .expect("serialize annotation")
}

// ---- child processes in a helper role ----------------------------------

/// The environment variable that tells the test binary which role to play.
pub const ROLE: &str = "ACTA_TEST_ROLE";
/// The database a helper opens.
pub const ROLE_DB: &str = "ACTA_TEST_DB";

/// Start this test binary as a child in a helper `role` on `db`. The test
/// file must have a test named `child_role` that calls [`child_role`].
/// (A child of the test binary itself, because examples and extra binaries
/// are not built by `cargo test --test NAME`.)
pub fn spawn_role(role: &str, db: &Path) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "child_role",
            "--exact",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(ROLE, role)
        .env(ROLE_DB, db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn helper")
}

/// The body of the `child_role` test: nothing unless started by
/// [`spawn_role`]. Roles:
/// - `hold`: open the store, print `ready`, keep it open until stdin ends;
/// - `annotate`: append [`annotation_record`]s forever, printing `ack N`
///   after each returns; on an error print `error: ...` and exit 3.
pub fn child_role() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let db = PathBuf::from(std::env::var_os(ROLE_DB).expect("helper db"));
    let mut out = std::io::stdout();
    // The harness has printed "test child_role ... " without a newline: end
    // that line, so every protocol line stands alone.
    writeln!(out).ok();
    match role.as_str() {
        "hold" => {
            let store = Store::open(&db).expect("the holder opens the store");
            writeln!(out, "ready").and_then(|()| out.flush()).ok();
            let mut line = String::new();
            while std::io::stdin().read_line(&mut line).unwrap_or(0) > 0 {
                line.clear();
            }
            drop(store);
            std::process::exit(0);
        }
        "annotate" => {
            let store = match Store::open(&db) {
                Ok(s) => s,
                Err(e) => {
                    writeln!(out, "error: {e}").ok();
                    std::process::exit(3);
                }
            };
            let mut next = store.annotations().map_or(0, |a| a.len() as u64) + 1;
            loop {
                match store.add_annotation(&annotation_record(next)) {
                    Ok(seq) => {
                        assert_eq!(seq, next, "annotation sequence numbers are dense");
                        writeln!(out, "ack {seq}").and_then(|()| out.flush()).ok();
                        next += 1;
                    }
                    Err(e) => {
                        writeln!(out, "error: {e}").and_then(|()| out.flush()).ok();
                        // Dropping a store after a failed write must not hang.
                        drop(store);
                        std::process::exit(3);
                    }
                }
            }
        }
        other => panic!("unknown helper role {other}"),
    }
}

/// The helper's protocol lines (`ready`, `ack N`, `error: ...`) from its
/// stdout, which also carries the test harness's own lines.
pub fn role_lines(stdout: &[u8]) -> Vec<String> {
    BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .filter(|l| l == "ready" || l.starts_with("ack ") || l.starts_with("error: "))
        .collect()
}

/// Wait until the helper prints `ready` (or fail if it exits first).
pub fn wait_ready(child: &mut Child) {
    let stdout = child.stdout.as_mut().expect("helper stdout");
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).expect("read helper stdout");
        assert!(n > 0, "the helper exited before it was ready");
        if line.trim_end() == "ready" {
            return;
        }
    }
}
