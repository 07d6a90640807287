//! The real-document set: the extractor against facts written by hand
//! (`tests/real/*.toml`). Each category has a floor per language, set at
//! the measured value: a change that reads less fails here. Raise a floor
//! when extraction improves (`cargo run --release --example real_score`
//! prints the numbers).

#[path = "real/score.rs"]
mod score;

/// (language, category, recall floor %, precision floor %). A precision
/// of nothing extracted is 100% and has floor 0 until something is read.
const FLOORS: &[(&str, &str, f64, f64)] = &[
    // Set at the measured values of the 45-document set (third unseen
    // batch added 2026-12-04; its first-contact scores are in
    // tests/real/SOURCES-*.md).
    ("es", "decisions", 72.0, 88.0),
    ("en", "decisions", 84.0, 93.0),
    ("es", "decisions on right meeting", 65.0, 90.0),
    ("en", "decisions on right meeting", 84.0, 100.0),
    ("es", "requests", 55.0, 90.0),
    ("en", "requests", 66.0, 100.0),
    ("es", "meetings", 38.0, 100.0),
    ("en", "meetings", 39.0, 100.0),
    ("es", "meetings with city+dates", 43.0, 100.0),
    ("en", "meetings with city+dates", 35.0, 100.0),
    ("es", "document dates", 74.0, 90.0),
    ("en", "document dates", 68.0, 78.0),
    ("es", "aliases", 82.0, 100.0),
    ("en", "aliases", 87.0, 95.0),
    ("es", "countries", 99.0, 100.0),
    ("en", "countries", 95.0, 100.0),
];

#[test]
fn real_documents_meet_their_floors() {
    let docs = score::run().expect("the set reads");
    assert!(docs.len() >= 15, "only {} documents", docs.len());
    let totals = score::totals(&docs);
    let mut low = Vec::new();
    for &(lang, cat, recall, precision) in FLOORS {
        let t = totals
            .get(&(lang.to_string(), cat))
            .copied()
            .unwrap_or_default();
        if t.recall() + 1e-9 < recall || t.precision() + 1e-9 < precision {
            low.push(format!(
                "{lang} {cat}: recall {:.1}% (floor {recall}), precision {:.1}% (floor {precision})",
                t.recall(),
                t.precision()
            ));
        }
    }
    assert!(
        low.is_empty(),
        "below floor:\n{}\n\n{}",
        low.join("\n"),
        score::markdown(&docs)
    );
}
