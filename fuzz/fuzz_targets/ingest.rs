//! Fuzz target `ingest`: the whole ingest pipeline before the store
//! (`acta::ingest::prepare`: decode, clean, split, extract, resolve) on
//! arbitrary bytes. It must never panic, and a prepared bundle must hold
//! its invariants: section spans inside the text and on char boundaries,
//! the stored hash that of the text.
#![no_main]

use acta::Gazetteer;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok((bundle, _report)) = acta::ingest::prepare("informe.txt", data, gazetteer()) {
        let text = &bundle.doc.text;
        for s in &bundle.sections {
            assert!(s.span.start <= s.body_start && s.body_start <= s.span.end);
            assert!(s.span.end <= text.len());
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        assert_eq!(acta::ingest::content_hash(text), bundle.doc.hash);
    }
});
