//! Encodings and odd files. A report saved as UTF-8 (with or without BOM),
//! UTF-16 LE/BE (with BOM, or without one: guessed), Windows-1252 or
//! Latin-1 gives the same sections and facts as its UTF-8 original; when the
//! encoding had to be guessed, `acta ingest` says so on stderr
//! (`warning: FILE: ...`, naming the encoding). Mixed line endings (`\r\n`,
//! `\r`, `\n`) give the same sections. Big reports and very long lines
//! ingest without a panic or a quadratic blow-up (the 50 MB and 10 MB ones
//! are `#[ignore]`d: `cargo test --release --test encodings -- --ignored`).
//! Empty, blank, binary and directory inputs are refused with a reason, and
//! nothing is stored from a refused file.

mod common;
mod faults;

use acta::model::FactBundle;
use acta::Gazetteer;
use encoding_rs::WINDOWS_1252;
use faults::*;
use std::path::Path;
use std::time::Instant;

/// A report of the genre with the accents and punctuation these files hold.
/// `smart` adds characters Windows-1252 has and Latin-1 lacks.
fn original(smart: bool) -> String {
    let mut rng = Rng::new(11);
    let mut text = report(&mut rng, 4_000);
    text.push_str("VIII.\nOtros asuntos\nA.  Niños y niñas: Reunión en Panamá, Canadá y México; ¿respuestas? ¡Sí! (año 2003, 5º).\n");
    if smart {
        text.push_str(
            "B.  Taller “Rol del Sector Privado” – mayo: la OIM coordinó… ‘bien’ € 100.\n",
        );
    }
    text
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut push = |u: u16| out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    if bom {
        push(0xFEFF);
    }
    for u in text.encode_utf16() {
        push(u);
    }
    out
}

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

/// The stored document without the one field that names the encoding.
/// A document's facts, without what belongs to the file rather than to
/// the report: its encoding and the hash of its bytes.
fn facts(doc: &FactBundle) -> FactBundle {
    let mut d = doc.clone();
    d.doc.encoding.clear();
    for n in &mut d.nodes {
        n.attrs.retain(|a| &*a.key != "file_sha256");
    }
    d
}

struct Variant {
    name: &'static str,
    bytes: Vec<u8>,
    smart: bool,
    /// The encoding acta must report, and whether it had to guess it.
    encoding: &'static str,
    guessed: bool,
}

#[test]
fn every_encoding_gives_the_facts_of_the_utf8_original() {
    let (smart, plain) = (original(true), original(false));
    let bom8 = [&[0xEF, 0xBB, 0xBF][..], smart.as_bytes()].concat();
    let variants = [
        Variant {
            name: "utf-8",
            bytes: smart.as_bytes().to_vec(),
            smart: true,
            encoding: "UTF-8",
            guessed: false,
        },
        Variant {
            name: "utf-8 with BOM",
            bytes: bom8,
            smart: true,
            encoding: "UTF-8",
            guessed: false,
        },
        Variant {
            name: "utf-16le with BOM",
            bytes: utf16(&smart, true, true),
            smart: true,
            encoding: "UTF-16LE",
            guessed: false,
        },
        Variant {
            name: "utf-16be with BOM",
            bytes: utf16(&smart, false, true),
            smart: true,
            encoding: "UTF-16BE",
            guessed: false,
        },
        Variant {
            name: "utf-16le without BOM",
            bytes: utf16(&smart, true, false),
            smart: true,
            encoding: "UTF-16LE",
            guessed: true,
        },
        Variant {
            name: "utf-16be without BOM",
            bytes: utf16(&smart, false, false),
            smart: true,
            encoding: "UTF-16BE",
            guessed: true,
        },
        Variant {
            name: "windows-1252",
            bytes: WINDOWS_1252.encode(&smart).0.into_owned(),
            smart: true,
            encoding: "windows-1252",
            guessed: true,
        },
        Variant {
            name: "latin-1",
            bytes: latin1(&plain),
            smart: false,
            encoding: "windows-1252",
            guessed: true,
        },
    ];
    let work = tempfile::tempdir().unwrap();
    let reference = |text: &str, tag: &str| {
        let file = work.path().join(format!("ref-{tag}")).join("informe.txt");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
        let (_d, db) = db();
        let o = acta(&db, &["ingest", file.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        exported_documents(&db, "reference")["informe"].clone()
    };
    let (ref_smart, ref_plain) = (reference(&smart, "smart"), reference(&plain, "plain"));
    assert!(ref_smart.sections.len() > 3);
    for (i, v) in variants.iter().enumerate() {
        // Same file name in its own folder: same document id.
        let file = work.path().join(format!("v{i}")).join("informe.txt");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &v.bytes).unwrap();
        let (_d, db) = db();
        let o = acta(&db, &["ingest", file.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", v.name, stderr(&o));
        let warnings: Vec<String> = stderr(&o)
            .lines()
            .filter(|l| l.starts_with("warning:"))
            .map(String::from)
            .collect();
        if v.guessed {
            let prefix = format!("warning: {}: ", file.display());
            assert!(
                warnings.len() == 1
                    && warnings[0].starts_with(&prefix)
                    && warnings[0]
                        .to_lowercase()
                        .contains(&v.encoding.to_lowercase()),
                "{}: expected one warning naming {}: {warnings:?}",
                v.name,
                v.encoding
            );
        } else {
            assert!(warnings.is_empty(), "{}: {warnings:?}", v.name);
        }
        let doc = exported_documents(&db, v.name)["informe"].clone();
        assert_eq!(doc.doc.encoding, v.encoding, "{}", v.name);
        let expected = if v.smart { &ref_smart } else { &ref_plain };
        assert!(
            facts(&doc) == facts(expected),
            "{}: facts differ from the UTF-8 original",
            v.name
        );
    }
}

/// Join lines with line endings drawn at random, never putting `\n` after
/// an empty line that follows a `\r`: that `\r\n` would be one line ending.
fn with_mixed_endings(text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let ending = if lines[i - 1].is_empty() && out.ends_with('\r') {
                *rng.pick(&["\r\n", "\r"])
            } else {
                *rng.pick(&["\r\n", "\r", "\n"])
            };
            out.push_str(ending);
        }
        out.push_str(line);
    }
    out
}

fn prepare(name: &str, bytes: &[u8]) -> FactBundle {
    let g = Gazetteer::bundled().unwrap();
    acta::ingest::prepare(name, bytes, &g).unwrap().0
}

#[test]
fn mixed_line_endings_give_the_same_sections_and_facts() {
    let text = original(true);
    let unix = prepare("informe.txt", text.as_bytes());
    let mut rng = Rng::new(5);
    for round in 0..25 {
        let mixed = with_mixed_endings(&text, &mut rng);
        assert!(mixed.contains('\r'));
        assert!(
            facts(&unix) == facts(&prepare("informe.txt", mixed.as_bytes())),
            "round {round}"
        );
    }
    // All-CR (old Mac) and all-CRLF (Windows), through the binary too.
    let dir = tempfile::tempdir().unwrap();
    for (tag, ending) in [("cr", "\r"), ("crlf", "\r\n")] {
        let file = dir.path().join(tag).join("informe.txt");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text.replace('\n', ending)).unwrap();
        let (_d, db) = db();
        assert!(acta(&db, &["ingest", file.to_str().unwrap()])
            .status
            .success());
        let doc = &exported_documents(&db, tag)["informe"];
        let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
        let unix_ids: Vec<&str> = unix.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, unix_ids, "{tag}");
    }
}

/// A report of about `bytes` bytes (section numbers repeat, as in a
/// compilation of reports), and a single line of about `line` bytes.
fn big_inputs(dir: &Path, bytes: usize, line: usize) -> (String, String, String) {
    let mut rng = Rng::new(99);
    let big = dir.join("grande.txt");
    std::fs::write(&big, report(&mut rng, bytes)).unwrap();
    let mut one = String::new();
    while one.len() < line {
        one.push_str(&sentence(&mut rng));
        one.push(' ');
    }
    let long = dir.join("linea.txt");
    std::fs::write(&long, &one).unwrap();
    // One word, no spaces, no sentence end: one "sentence" of the whole size.
    let word = dir.join("palabra.txt");
    std::fs::write(&word, "MéxicoCanadáOIM".repeat(line / 17 + 1)).unwrap();
    let s = |p: &Path| p.to_str().unwrap().to_string();
    (s(&big), s(&long), s(&word))
}

fn ingest_big(bytes: usize, line: usize) {
    let dir = tempfile::tempdir().unwrap();
    let (big, long, word) = big_inputs(dir.path(), bytes, line);
    let (_d, db) = db();
    for file in [&big, &long, &word] {
        let start = Instant::now();
        let o = acta(&db, &["ingest", file]);
        assert_no_panic(&o, file);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        let size = std::fs::metadata(file).unwrap().len();
        eprintln!(
            "encodings/big: {size} bytes from {} ingested in {:?}",
            Path::new(file).file_name().unwrap().to_string_lossy(),
            start.elapsed()
        );
    }
    let start = Instant::now();
    assert_check_passes(&db, "big inputs");
    let checked = start.elapsed();
    let start = Instant::now();
    let out = dir.path().join("export.json");
    let o = acta(&db, &["export", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    eprintln!(
        "encodings/big: check in {checked:?}; export of {} bytes in {:?}",
        std::fs::metadata(&out).unwrap().len(),
        start.elapsed()
    );
    // Sections: unique ids, spans inside the text and on char boundaries.
    // (Read through the library: the JSON export of 50 MB, parsed into
    // serde_json values, would take many gigabytes.)
    let kb = acta::KnowledgeBase::open(&db).unwrap();
    let grande = kb
        .store()
        .document("grande")
        .unwrap()
        .expect("grande stored");
    let text = &grande.doc.text;
    assert!(
        grande.sections.len() > bytes / 2_000,
        "{} sections",
        grande.sections.len()
    );
    let mut ids = std::collections::HashSet::new();
    for s in &grande.sections {
        assert!(ids.insert(s.id.as_str()), "duplicate id {}", s.id);
        let (a, b) = (s.span.start, s.span.end);
        assert!(a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b));
    }
    let linea = kb.store().document("linea").unwrap().expect("linea stored");
    assert_eq!(linea.sections.len(), 1);
    assert_eq!(kb.store().document_count().ok(), Some(3));
}

#[test]
fn a_big_report_and_a_long_line_ingest_in_linear_time() {
    ingest_big(256 << 10, 256 << 10);
}

#[test]
#[ignore = "50 MB and 10 MB inputs: run with --ignored (ideally --release)"]
fn a_50_mb_report_and_a_10_mb_line_ingest_in_linear_time() {
    ingest_big(50 << 20, 10 << 20);
}

#[test]
fn empty_blank_binary_and_directory_inputs_are_refused_and_store_nothing() {
    let (_d, db) = db();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("bueno.txt");
    std::fs::write(&good, original(false)).unwrap();
    assert!(acta(&db, &["ingest", good.to_str().unwrap()])
        .status
        .success());
    let before = exported_documents(&db, "before");

    let mut rng = Rng::new(1);
    let noise: Vec<u8> = (0..4096).map(|_| rng.below(256) as u8).collect();
    // An executable's shape: a header, then code with some NULs (fixed
    // bytes, not acta's own binary, which changes with every build).
    let executable: Vec<u8> = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"
        .iter()
        .copied()
        .chain((0..8192).map(|_| {
            if rng.chance(25) {
                0
            } else {
                rng.below(256) as u8
            }
        }))
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("vacio.txt", vec![], "the file is empty"),
        ("blanco.txt", b" \n\t\r\n \n".to_vec(), "holds no text"),
        (
            "imagen.txt",
            [&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], &noise].concat(),
            "looks binary",
        ),
        ("ruido.txt", noise.clone(), "looks binary"),
        ("programa.txt", executable, "looks binary"),
        (
            "controles.txt",
            (1u8..32)
                .cycle()
                .take(2_000)
                .filter(|b| !b"\n\r\t\x0c".contains(b))
                .collect(),
            "looks binary",
        ),
    ];
    let mut args = vec!["ingest".to_string()];
    let mut reasons = Vec::new();
    for (name, bytes, reason) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        args.push(path.display().to_string());
        reasons.push((path.display().to_string(), *reason));
    }
    let folder = dir.path().join("carpeta.txt");
    std::fs::create_dir(&folder).unwrap();
    args.push(folder.display().to_string());
    // A good file among the bad ones is still ingested.
    let other = dir.path().join("otro.txt");
    std::fs::write(&other, "I.\nOtro\nEl Salvador y Belice.\n").unwrap();
    args.push(other.display().to_string());

    let o = acta(&db, &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_no_panic(&o, "bad inputs");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for (file, reason) in &reasons {
        assert!(
            err.lines()
                .any(|l| l.starts_with(&format!("acta: {file}: ")) && l.contains(reason)),
            "no line refusing {file} with {reason:?}:\n{err}"
        );
    }
    assert!(err.contains(": ingested otro"), "{err}");
    let skipped = format!(
        "{}: skipped: a folder with no report files",
        folder.display()
    );
    assert!(err.lines().any(|l| l == skipped), "{err}");
    let after = exported_documents(&db, "after");
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after["bueno"], before["bueno"]);
    assert!(after.contains_key("otro"));
    assert_check_passes(&db, "after bad inputs");
}
