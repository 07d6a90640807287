//! Fuzz target `structure`: `structure::clean` and `structure::split` on
//! arbitrary text, cleaned or not. Never a panic; spans inside the text and
//! on char boundaries; each section's text the trimmed body of its span;
//! unique ids; every parent an earlier section.
#![no_main]

use acta::ingest::structure;
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fn check(text: &str) {
    let sections = structure::split(text);
    assert!(!sections.is_empty());
    let mut ids = HashSet::new();
    for s in &sections {
        assert!(s.span.start <= s.body_start && s.body_start <= s.span.end);
        assert!(s.span.end <= text.len());
        for at in [s.span.start, s.body_start, s.span.end] {
            assert!(text.is_char_boundary(at));
        }
        assert_eq!(text[s.body_start..s.span.end].trim(), s.text);
        if let Some(p) = &s.parent {
            assert!(ids.contains(p.as_str()), "parent {p} of {}", s.id);
        }
        assert!(ids.insert(s.id.as_str()), "duplicate id {}", s.id);
    }
}

fuzz_target!(|text: &str| {
    check(text);
    check(&structure::clean(text));
});
