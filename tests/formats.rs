//! Reports as researchers hold them: the same report as text, PDF, Word,
//! OpenDocument and HTML (made from the text with LibreOffice and
//! Chromium, in `tests/fixtures/formats/`) gives the same facts: the same
//! nodes and the same edges, only the places of provenance differ. PDFs
//! keep their pages, so citations can name them. Files acta cannot read
//! are refused with what to do, and nothing is stored.

mod common;

use acta::ingest::read::{read, Format, ReadError};
use acta::model::FactBundle;
use acta::Gazetteer;
use common::{acta, ok, stderr, stdout};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn text_of(stem: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("data/documents"), root.join("tests/real")]
        .into_iter()
        .map(|d| d.join(format!("{stem}.txt")))
        .find(|p| p.exists())
        .expect("the text the fixtures were made from")
}

fn bundle(path: &Path) -> FactBundle {
    let bytes = std::fs::read(path).expect("reads the fixture");
    let gazetteer = Gazetteer::bundled().expect("the gazetteer");
    let name = path.display().to_string();
    acta::ingest::prepare(&name, &bytes, &gazetteer)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .0
}

/// The facts of a bundle without where they were read.
fn facts(b: &FactBundle) -> (BTreeSet<String>, BTreeSet<String>) {
    let nodes = b
        .nodes
        .iter()
        .map(|n| format!("{} {}", n.kind, n.id))
        .collect();
    let edges = b
        .edges
        .iter()
        .map(|e| format!("{} -{}-> {}", e.from, e.kind, e.to))
        .collect();
    (nodes, edges)
}

/// A knowledge base holding one report, and its `stats` then.
fn one_report_stored() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("kb");
    let text = text_of("es-crm-07-comunicado");
    ok(acta(&db, &["ingest", text.to_str().expect("UTF-8")]));
    let before = ok(acta(&db, &["stats"]));
    (dir, db, before)
}

const STEMS: [&str; 3] = [
    "informe-ppt-mexico-2003",
    "es-crm-07-comunicado",
    "en-crm-05-communique",
];

#[test]
fn every_format_of_a_report_gives_the_facts_of_its_text() {
    let mut differences = Vec::new();
    for stem in STEMS {
        let (nodes, edges) = facts(&bundle(&text_of(stem)));
        for ext in ["pdf", "docx", "odt", "html"] {
            let (n, e) = facts(&bundle(&fixture(&format!("{stem}.{ext}"))));
            let show = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
                let missing: Vec<_> = a.difference(b).collect();
                let extra: Vec<_> = b.difference(a).collect();
                format!("missing {missing:?}\n    extra {extra:?}")
            };
            if n != nodes || e != edges {
                differences.push(format!(
                    "{stem}.{ext}:\n  nodes {}\n  edges {}",
                    show(&nodes, &n),
                    show(&edges, &e)
                ));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn formats_are_told_by_content_and_pdfs_keep_their_pages() {
    for (name, format) in [
        ("informe-ppt-mexico-2003.pdf", Format::Pdf),
        ("informe-ppt-mexico-2003.docx", Format::Docx),
        ("informe-ppt-mexico-2003.odt", Format::Odt),
        ("informe-ppt-mexico-2003.html", Format::Html),
    ] {
        let r = read(&std::fs::read(fixture(name)).expect("reads")).expect(name);
        assert_eq!(r.format, format, "{name}");
    }
    let pdf = read(&std::fs::read(fixture("informe-ppt-mexico-2003.pdf")).expect("reads"))
        .expect("reads");
    assert!(pdf.pages.len() >= 5, "{:?}", pdf.pages);
    assert!(pdf.pages.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn citations_of_a_pdf_name_their_pages() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("kb");
    let pdf = fixture("informe-ppt-mexico-2003.pdf");
    ok(acta(&db, &["ingest", pdf.to_str().expect("UTF-8")]));
    let json = ok(acta(&db, &["query", "--format", "json", common::HEADLINE]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let cites: Vec<&str> = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .flat_map(|row| row.as_array().expect("a row's sources").iter())
        .filter_map(|s| s["cite"].as_str())
        .collect();
    assert!(!cites.is_empty());
    assert!(cites.iter().all(|c| c.contains(", p. ")), "{cites:?}");
    let trace = ok(acta(&db, &["trace", "IV.A"]));
    assert!(
        trace.contains("§IV.A [") && trace.contains("] p. "),
        "{trace}"
    );
    let card = ok(acta(&db, &["show", "informe-ppt-mexico-2003", "--sources"]));
    assert!(
        card.contains("format: pdf") && card.contains("page_count: "),
        "{card}"
    );
}

#[test]
fn running_headers_and_page_numbers_are_left_out() {
    let r = read(&std::fs::read(fixture("running-headers.pdf")).expect("reads")).expect("reads");
    assert!(r.pages.len() >= 5);
    assert!(!r.text.contains("file://"), "footers left in");
    assert!(
        !r.text.contains(" AM\n") && !r.text.contains(" PM\n"),
        "headers left in"
    );
    let (nodes, edges) = facts(&bundle(&text_of("informe-ppt-mexico-2003")));
    let (n, e) = facts(&bundle(&fixture("running-headers.pdf")));
    let rename = |set: BTreeSet<String>| -> BTreeSet<String> {
        set.into_iter()
            .map(|f| f.replace("running-headers", "informe-ppt-mexico-2003"))
            .collect()
    };
    let (n, e) = (rename(n), rename(e));
    // Every agreement and request of the text, and nearly every other
    // fact: the printed page loses the footnote marks the text has.
    let agreements = |set: &BTreeSet<String>| -> BTreeSet<String> {
        set.iter()
            .filter(|f| f.starts_with("agreement "))
            .cloned()
            .collect()
    };
    assert_eq!(agreements(&n), agreements(&nodes));
    let awaits = |set: &BTreeSet<String>| -> BTreeSet<String> {
        set.iter()
            .filter(|f| f.contains("-requests_response_from->"))
            .cloned()
            .collect()
    };
    assert_eq!(awaits(&e), awaits(&edges));
    let shared =
        |a: &BTreeSet<String>, b: &BTreeSet<String>| a.intersection(b).count() * 100 / a.len();
    assert!(
        shared(&nodes, &n) >= 97,
        "{:?}",
        nodes.symmetric_difference(&n).collect::<Vec<_>>()
    );
    assert!(
        shared(&edges, &e) >= 95,
        "{:?}",
        edges.symmetric_difference(&e).collect::<Vec<_>>()
    );
}

#[test]
fn a_two_column_page_and_a_web_page_read_in_order_without_navigation() {
    let text = read(&std::fs::read(fixture("es-crm-07-comunicado.html")).expect("reads"))
        .expect("reads")
        .text;
    assert!(
        !text.contains("Inicio | Documentos") && !text.contains("no es texto"),
        "{text}"
    );
    assert!(!text.contains("Todos los derechos reservados"));
    let pdf = read(&std::fs::read(fixture("two-columns.pdf")).expect("reads"))
        .expect("reads")
        .text;
    let first = pdf
        .find("se llevó a cabo en la Antigua Guatemala")
        .expect("first column");
    let later = pdf.find("Adoptar como el tema").expect("second column");
    assert!(first < later, "columns out of order:\n{pdf}");
}

#[test]
fn what_cannot_be_read_is_refused_with_what_to_do_and_nothing_is_stored() {
    let refused = [
        ("scanned.pdf", "ocrmypdf"),
        ("encrypted.pdf", "encrypted"),
        ("old-word.doc", "soffice --headless --convert-to docx"),
        ("truncated.docx", "damaged"),
    ];
    for (name, words) in refused {
        let e = read(&std::fs::read(fixture(name)).expect("reads")).expect_err(name);
        assert!(e.to_string().contains(words), "{name}: {e}");
        assert!(!matches!(e, ReadError::Decode(_)), "{name}: {e}");
    }
    let (_dir, db, before) = one_report_stored();
    for (name, words) in refused {
        let o = acta(&db, &["ingest", fixture(name).to_str().expect("UTF-8")]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(words), "{name}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
    assert_eq!(ok(acta(&db, &["stats"])), before, "nothing stored");
}

#[test]
fn truncated_and_bit_flipped_fixtures_never_panic() {
    let mut names: Vec<String> = std::fs::read_dir(fixture(""))
        .expect("the fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for name in names {
        let bytes = std::fs::read(fixture(&name)).expect("reads");
        for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() * 9 / 10] {
            let _ = read(&bytes[..cut]);
        }
        for _ in 0..8 {
            let mut flipped = bytes.clone();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = (seed as usize) % flipped.len().max(1);
                flipped[at] ^= 1 << (seed % 8);
            }
            let _ = read(&flipped);
        }
    }
}

#[test]
fn only_regular_files_of_a_bounded_size_are_read() {
    let (dir, db, before) = one_report_stored();
    let fifo = dir.path().join("informe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let big = dir.path().join("grande.txt");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(acta::ingest::read::MAX_FILE_BYTES + 1))
        .expect("a sparse file");
    for (path, words) in [
        (fifo.as_path(), "not a regular file"),
        (Path::new("/dev/zero"), "not a regular file"),
        (big.as_path(), "larger than acta reads"),
    ] {
        let o = acta(&db, &["ingest", path.to_str().expect("UTF-8")]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains(words), "{}", stderr(&o));
    }
    assert_eq!(ok(acta(&db, &["stats"])), before, "nothing stored");
}

#[test]
fn a_folder_is_ingested_file_by_file_with_a_line_for_each() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let reports = dir.path().join("informes");
    std::fs::create_dir_all(reports.join("2002")).expect("folders");
    for (from, to) in [
        ("es-crm-07-comunicado.pdf", "2002/es-crm-07-comunicado.pdf"),
        ("en-crm-05-communique.docx", "en-crm-05-communique.docx"),
        ("old-word.doc", "viejo.doc"),
    ] {
        std::fs::copy(fixture(from), reports.join(to)).expect("copies");
    }
    std::fs::write(reports.join("tabla.xlsx"), b"PK\x03\x04").expect("writes");
    std::fs::write(reports.join(".oculto.txt"), b"I.\nNada\n").expect("writes");
    let db = dir.path().join("kb");
    let o = acta(&db, &["ingest", reports.to_str().expect("UTF-8")]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "the .doc was not ingested: {err}");
    assert!(
        err.contains("2002/es-crm-07-comunicado.pdf: ")
            && err.contains("en-crm-05-communique.docx: "),
        "{err}"
    );
    assert!(
        err.contains("tabla.xlsx: skipped: not a report format"),
        "{err}"
    );
    assert!(
        err.contains("viejo.doc") && err.contains("soffice"),
        "{err}"
    );
    assert!(
        !err.contains("oculto"),
        "hidden files are left alone: {err}"
    );
    let stats = ok(acta(&db, &["stats"]));
    assert!(stats.contains("documents: 2"), "{stats}");
}

/// A `.docx` holding `document` as its `word/document.xml`.
fn docx_with(document: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options)
            .expect("a member");
        zip.write_all(document).expect("writes");
        zip.finish().expect("finishes");
    }
    buffer.into_inner()
}

#[test]
fn a_zip_bomb_and_deep_nesting_cost_bounded_work() {
    let mut bomb = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
    bomb.resize(bomb.len() + 40 * 1024 * 1024, b'a');
    bomb.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
    let file = docx_with(&bomb);
    assert!(
        file.len() < 1024 * 1024,
        "it inflates a hundredfold: {}",
        file.len()
    );
    assert!(matches!(read(&file), Err(ReadError::Inflated { .. })));

    let depth = 200_000;
    let mut deep = "<w:document><w:body>".to_string();
    deep.push_str(&"<w:tbl><w:tr><w:tc>".repeat(depth / 3));
    deep.push_str("<w:p><w:r><w:t>I. Acuerdos de la VII CRM</w:t></w:r></w:p>");
    deep.push_str(&"</w:tc></w:tr></w:tbl>".repeat(depth / 3));
    deep.push_str("</w:body></w:document>");
    let r = read(&docx_with(deep.as_bytes())).expect("deep XML reads");
    assert!(r.text.contains("Acuerdos de la VII CRM"));

    let html = format!(
        "<!DOCTYPE html><html><body>{}<p>Acuerdos de la VII CRM</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert!(matches!(
        read(html.as_bytes()),
        Err(ReadError::Nested { .. })
    ));
    let html = html
        .replace(&"<div>".repeat(depth - 200), "")
        .replace(&"</div>".repeat(depth - 200), "");
    let r = read(html.as_bytes()).expect("HTML nested 200 deep reads");
    assert!(r.text.contains("Acuerdos de la VII CRM"));
}

#[test]
fn the_same_report_under_other_names_is_one_document_and_the_richer_reading_stays() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // Saved under names of their own: only the text tells they are one.
    let files = [
        (text_of("informe-ppt-mexico-2003"), "informe.txt"),
        (
            fixture("informe-ppt-mexico-2003.odt"),
            "informe-guardado.odt",
        ),
        (fixture("informe-ppt-mexico-2003.pdf"), "descarga (1).pdf"),
    ];
    let mut paths = Vec::new();
    for (from, name) in &files {
        let to = dir.path().join(name);
        std::fs::copy(from, &to).expect("copies");
        paths.push(to.to_str().expect("UTF-8").to_string());
    }
    let db = dir.path().join("kb");
    let said: Vec<String> = paths
        .iter()
        .map(|p| stderr(&ok_output(acta(&db, &["ingest", p]))))
        .collect();
    assert!(said[0].contains("ingested informe"), "{}", said[0]);
    assert!(
        said[1].contains("the same report as informe, whose reading from informe.txt (text) holds more and is kept"),
        "an OpenDocument reading with the same facts adds nothing: {}",
        said[1]
    );
    assert!(
        said[2].contains("the same report as informe; this reading holds more and replaces the one from informe.txt (text)"),
        "the PDF adds its pages: {}",
        said[2]
    );
    let stats = ok(acta(&db, &["stats"]));
    assert!(stats.contains("documents: 1"), "{stats}");
    let doc = ok(acta(
        &db,
        &[
            "query",
            "--format",
            "csv",
            "match (d:document) where d.file <> '' return d.file, d.format, d.page_count",
        ],
    ));
    assert_eq!(
        doc,
        "d.file,d.format,d.page_count\ndescarga (1).pdf,pdf,6\n"
    );
    let alone = tempfile::tempdir().expect("a temp dir");
    let alone_db = alone.path().join("kb");
    ok(acta(&alone_db, &["ingest", &paths[0]]));
    let count = "match (a:agreement) return count(a) as n";
    assert_eq!(
        ok(acta(&db, &["query", count])),
        ok(acta(&alone_db, &["query", count])),
        "no fact is counted twice"
    );
    for p in &paths {
        let again = stderr(&ok_output(acta(&db, &["ingest", p])));
        assert!(again.contains("unchanged"), "{again}");
    }
    assert_eq!(ok(acta(&db, &["stats"])), stats);
}

#[test]
fn every_document_keeps_its_file_format_and_hash() {
    let (_dir, db, _) = one_report_stored();
    let csv = ok(acta(
        &db,
        &[
            "query",
            "--format",
            "csv",
            "match (d:document) where d.file <> '' return d.file, d.format, d.file_sha256",
        ],
    ));
    let bytes = std::fs::read(text_of("es-crm-07-comunicado")).expect("reads");
    let hex: String = sha2_hex(&bytes);
    assert_eq!(
        csv,
        format!("d.file,d.format,d.file_sha256\nes-crm-07-comunicado.txt,text,{hex}\n")
    );
}

/// The output of a command that succeeded.
fn ok_output(o: std::process::Output) -> std::process::Output {
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

fn sha2_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A PDF of these objects (numbered from 1; the first is the catalog),
/// with a cross-reference table that finds them.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A one-page PDF's objects, its page tree given.
fn one_page(pages: &str, resources: &str, more: &[&str]) -> Vec<Vec<u8>> {
    let text = "BT /F1 12 Tf 72 712 Td (Los Viceministros acordaron aprobar el plan.) Tj ET";
    let mut objects: Vec<Vec<u8>> = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        pages.to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources {resources} >>"),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    objects.extend(more.iter().map(|m| m.as_bytes().to_vec()));
    objects
}

#[test]
fn a_pdf_with_a_reference_loop_or_too_many_objects_is_refused_with_bounded_work() {
    let fonts = "<< /Font << /F1 5 0 R >> >>";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "a page tree that holds itself",
            pdf_of(&one_page(
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                fonts,
                &[],
            )),
            "page tree is broken",
        ),
        (
            "resources that hold themselves",
            pdf_of(&one_page(
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "6 0 R",
                &["<< /Font << /F1 5 0 R >> /Parent 6 0 R /Self 6 0 R >>"],
            )),
            "",
        ),
        (
            "300,000 objects",
            pdf_of(&one_page(
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                fonts,
                &["<</A 1>>"; 300_000],
            )),
            "declares 300006 objects",
        ),
    ];
    let (_dir, db, _) = one_report_stored();
    let dir = tempfile::tempdir().expect("a temp dir");
    for (what, bytes, words) in cases {
        let before = ok(acta(&db, &["stats"]));
        let file = dir.path().join("hostil.pdf");
        std::fs::write(&file, &bytes).expect("writes");
        let o = acta(&db, &["ingest", file.to_str().expect("UTF-8")]);
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{what}: {err}");
        if words.is_empty() {
            // Read or refused, but answered: the loop is not followed forever.
            assert!(matches!(o.status.code(), Some(0 | 1)), "{what}: {err}");
        } else {
            assert_eq!(o.status.code(), Some(1), "{what}: {err}");
            assert!(err.contains(words), "{what}: {err}");
            assert_eq!(ok(acta(&db, &["stats"])), before, "{what}: nothing stored");
        }
    }
}
