//! Extraction speed on the bundled report: the whole `prepare` (decode,
//! structure, extract) and extraction alone. The regular expressions and
//! the gazetteer's name index are built on first use, so the measured
//! iterations show the steady state.

use acta::ingest::{extract, prepare, structure};
use acta::reference::Gazetteer;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const REPORT: &str = include_str!("../data/documents/informe-ppt-mexico-2003.txt");

fn bench(c: &mut Criterion) {
    let g = Gazetteer::bundled().expect("bundled gazetteer");
    c.bench_function("prepare bundled report", |b| {
        b.iter(|| {
            prepare(
                "informe-ppt-mexico-2003.txt",
                black_box(REPORT.as_bytes()),
                &g,
            )
        })
    });
    let text = structure::clean(REPORT);
    let sections = structure::split(&text);
    c.bench_function("extract bundled report", |b| {
        b.iter(|| extract::extract("informe-ppt-mexico-2003", black_box(&text), &sections, &g))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
