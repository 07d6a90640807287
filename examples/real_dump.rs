//! Prints what the extractor reads in one document: meetings with their
//! attributes, decisions with the meeting that adopted them, requests and
//! the document date. For looking at a real document while writing rules:
//! `cargo run --release --example real_dump -- tests/real/NAME.txt`.

use acta::model::{EdgeKind, Kind};

fn main() {
    let g = match acta::Gazetteer::bundled() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("real_dump: {e}");
            std::process::exit(1);
        }
    };
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("real_dump: {path}: {e}");
                continue;
            }
        };
        let (b, report) = match acta::ingest::prepare(&path, &bytes, &g) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("real_dump: {path}: {e}");
                continue;
            }
        };
        println!("== {path} [{}] date {:?}", report.language, b.doc.date);
        for n in b.nodes.iter().filter(|n| n.kind == Kind::Meeting) {
            let attrs: Vec<String> = n
                .attrs
                .iter()
                .map(|a| format!("{}={:?}", a.key, a.value))
                .collect();
            println!("  meeting {} \"{}\" {}", n.id, n.name, attrs.join(" "));
        }
        for n in b.nodes.iter().filter(|n| n.kind == Kind::Agreement) {
            let at: Vec<&str> = b
                .edges
                .iter()
                .filter(|e| e.from == n.id && e.kind == EdgeKind::AdoptedAt)
                .map(|e| e.to.as_str())
                .collect();
            let text: String = n
                .attrs
                .iter()
                .find(|a| a.key == "text")
                .map(|a| format!("{:?}", a.value))
                .unwrap_or_default()
                .chars()
                .take(70)
                .collect();
            println!("  decision {} at {:?} {}", n.name, at, text);
            if std::env::var_os("ACTA_IDS").is_some() {
                println!("    id {} prov {:?}", n.id, n.prov);
            }
        }
        for r in &b.requests {
            println!("  request {:?}", r);
        }
        // `ACTA_NOTES=1`: what each section's reading noted.
        if std::env::var_os("ACTA_NOTES").is_some() {
            for n in &report.sections {
                for x in n.extracted.iter().chain(&n.uncertain) {
                    println!("  note [{}] {x}", n.section);
                }
            }
        }
    }
}
