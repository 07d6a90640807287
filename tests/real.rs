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
    ("es", "decisions", 75.0, 84.0),
    ("en", "decisions", 91.0, 88.0),
    ("es", "decisions on right meeting", 64.0, 85.0),
    ("en", "decisions on right meeting", 91.0, 100.0),
    ("es", "requests", 60.0, 90.0),
    ("en", "requests", 71.0, 100.0),
    // Meetings, their city and dates and document dates: part B ("front").
    ("es", "meetings", 35.0, 100.0),
    ("en", "meetings", 69.0, 100.0),
    ("es", "meetings with city+dates", 47.0, 100.0),
    ("en", "meetings with city+dates", 54.0, 100.0),
    ("es", "document dates", 80.0, 94.0),
    ("en", "document dates", 88.0, 100.0),
    ("es", "aliases", 80.0, 100.0),
    ("en", "aliases", 87.0, 100.0),
    ("es", "countries", 99.0, 100.0),
    ("en", "countries", 96.0, 100.0),
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
