//! Reading report files: a 100-page PDF (made here, 45 lines of the
//! bundled report's text on each page, with a running header and a page
//! number, as printed reports have) and the bundled report as Word and
//! OpenDocument (the committed fixtures). `read::read` only: the text and
//! its pages, before extraction. Target: a 100-page PDF well under 1 s.

mod common;

use acta::ingest::read;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;

/// A PDF of `pages` pages of `lines`, 45 to a page, in Helvetica.
fn pdf(lines: &[String], pages: usize) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        Vec::new(), // the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    let mut kids = Vec::new();
    let mut next = lines.iter().cycle();
    for p in 1..=pages {
        let mut content = String::from(
            "BT /F1 9 Tf 72 760 Td (Informe de la Presidencia Pro-Tempore) Tj ET\nBT /F1 10 Tf 72 740 Td 12 TL\n",
        );
        for line in next.by_ref().take(45) {
            content.push_str(&format!("({}) '\n", escape(line)));
        }
        content.push_str(&format!("ET\nBT /F1 9 Tf 300 40 Td ({p}) Tj ET\n"));
        let content_id = objects.len() + 1;
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            )
            .into_bytes(),
        );
        kids.push(objects.len() + 1);
        objects.push(
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
                .into_bytes(),
        );
    }
    let kids: Vec<String> = kids.iter().map(|k| format!("{k} 0 R")).collect();
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    )
    .into_bytes();
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
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

/// A line as a PDF string in WinAnsi: parentheses and backslashes
/// escaped, what WinAnsi cannot hold dropped.
fn escape(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x80 => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\{:03o}", c as u32)),
            _ => {}
        }
    }
    out
}

fn read_files(c: &mut Criterion) {
    let (_, bytes) = common::bundled();
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            words.chunks(12).map(|c| c.join(" ")).collect::<Vec<_>>()
        })
        .collect();
    let hundred = pdf(&lines, 100);
    let read_100 = read::read(&hundred).expect("the PDF reads");
    assert_eq!(read_100.pages.len(), 100, "every page is kept");

    let mut group = c.benchmark_group("read");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(hundred.len() as u64));
    group.bench_function(BenchmarkId::new("pdf", "100-pages"), |b| {
        b.iter(|| read::read(black_box(&hundred)).expect("reads"))
    });
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    for ext in ["docx", "odt", "html"] {
        let file = std::fs::read(fixtures.join(format!("informe-ppt-mexico-2003.{ext}")))
            .expect("the fixture");
        group.throughput(Throughput::Bytes(file.len() as u64));
        group.bench_function(BenchmarkId::new(ext, "bundled"), |b| {
            b.iter(|| read::read(black_box(&file)).expect("reads"))
        });
    }
    group.finish();
}

criterion_group!(benches, read_files);
criterion_main!(benches);
