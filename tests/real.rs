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
    // Seventh batch (20 documents, 11 English, mostly news pages of sister
    // processes) added at its first-contact score, 2026-12-04 (see
    // tests/real/SOURCES-en.md, "Seventh batch"): every floor dropped.
    // decide3 (prose decisions with a deciding subject, decisions told as
    // past, cut lists, operative paragraphs; 2026-12-04) raised decisions
    // es 74/92 -> 83/96, en 69/93 -> 75/95, requests en 75 -> 81.
    // All floors set at the 70-document set (sixth batch of 8 added at its
    // first-contact score, 2026-12-04, after the merges of read2, own and
    // speed; see tests/real/SOURCES-en.md, "Sixth batch").
    // Set at the measured values of the 45-document set (third unseen
    // batch added 2026-12-04; its first-contact scores are in
    // tests/real/SOURCES-*.md).
    // fourth batch added 2026-12-04 (was 72, 88)
    // read2 (2026-12-04): declarations adopted or signed, present-tense
    // openers, told conclusions (es 82/92, en 91/91 before); requests es
    // 75/93 before; document dates es 84/96, en 80/87 before (headlines,
    // letters, title blocks, adoption lines); aliases es 80/97, en 74/85
    // before (strict acronym fit).
    ("es", "decisions", 84.0, 96.0),
    // fourth batch added 2026-12-04 (was 84, 93)
    ("en", "decisions", 85.0, 95.0),
    // fourth batch added 2026-12-04 (was 65, 90). Precision 90 -> 76
    // (en 93 -> 87) when decisions began to be read from reported speech
    // in news pages ("los países acordaron ...", "Ministers agreed the
    // ..."): every one of the decisions not on the right meeting is on
    // none, because the page's meeting is not recognized yet (meeting
    // recognition is issue 14's other half); none is on a wrong meeting.
    // The own meeting outside a series (branch own, 2026-12-04; was 65, 78).
    ("es", "decisions on right meeting", 68.0, 81.0),
    // fourth batch added 2026-12-04 (was 84, 100)
    ("en", "decisions on right meeting", 70.0, 82.0),
    ("es", "requests", 70.0, 100.0),
    ("en", "requests", 81.0, 100.0),
    // Fifth batch (7 documents of sister processes, lead, 2026-12-04) added
    // at its first-contact score: en decisions 94 -> 92, on right meeting
    // 86 -> 83, meetings 60/100 -> 52/96, with city+dates 52 -> 43, dates
    // 85/94 -> 81/88, aliases es 100 -> 98 precision, en 82/95 -> 74/85.
    // Series profiles for sister processes, lists of numbered meetings,
    // places before a meeting, the reference calendar (2026-12-04; was 38,
    // 37, 43, 30).
    // The document's own meeting outside a series (a gathering word and
    // its city), descriptive keys matched by city and days, venues of the
    // sister processes, meetings numbered on their own (colombo-som-02)
    // (branch own, 2026-12-04; was 55/100, 57/95, 80, 42).
    ("es", "meetings", 50.0, 95.0),
    ("en", "meetings", 47.0, 94.0),
    ("es", "meetings with city+dates", 61.0, 100.0),
    ("en", "meetings with city+dates", 40.0, 100.0),
    ("es", "document dates", 95.0, 97.0),
    ("en", "document dates", 92.0, 95.0),
    // fourth batch added 2026-12-04 (was 82, 100)
    ("es", "aliases", 87.0, 98.0),
    // fourth batch added 2026-12-04 (was 87, 95)
    ("en", "aliases", 94.0, 100.0),
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

/// Which expected keys match by key only (a series' number or month) and
/// which may match an extracted meeting by city and dates.
#[test]
fn series_keys_match_by_key_and_descriptive_keys_by_place_and_time() {
    let series: std::collections::BTreeSet<String> = ["crm", "grcm", "prague", "colombo"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for key in [
        "crm-06",
        "grcm-2010-05",
        "prague-03-prep-04",
        "colombo-som-02",
    ] {
        assert!(score::series_form(key, &series), "{key}");
    }
    for key in [
        "grcm-panama",
        "crm-csm-plenaria-01",
        "quito-reunion-regional",
        "crm-26-gt-gestion-fronteriza",
        "foro-examen-migracion-2022-05",
        "crmx-06",
    ] {
        assert!(!score::series_form(key, &series), "{key}");
    }
}
