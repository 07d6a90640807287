//! Property tests (proptest; normalization's are in `src/text.rs`):
//! decoding, cleaning and splitting arbitrary bytes never panics, and gives
//! sections whose spans lie inside the text on char boundaries, whose text
//! is the trimmed body of the span, with unique ids and parents that exist;
//! `ingest::prepare` never panics on any bytes, nor on documents spliced
//! from the lines of the real test documents (every pass sees the words of
//! its genre in orders no document has, cut anywhere); export → import → export of
//! random small corpora (with annotations) is the identity and passes check.
//!
//! The cargo-fuzz targets in `fuzz/` push the first three much further.

use acta::ingest::{decode, structure};
use acta::model::Section;
use acta::Gazetteer;
use acta::KnowledgeBase;
use proptest::prelude::*;
use std::collections::HashSet;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
}

/// The invariants every split must hold.
fn check_sections(text: &str, sections: &[Section]) -> Result<(), TestCaseError> {
    prop_assert!(!sections.is_empty(), "no sections");
    let mut ids = HashSet::new();
    for s in sections {
        let (a, b) = (s.span.start, s.span.end);
        prop_assert!(
            a <= s.body_start && s.body_start <= b && b <= text.len(),
            "{s:?}"
        );
        for at in [a, s.body_start, b] {
            prop_assert!(
                text.is_char_boundary(at),
                "{at} is inside a character: {s:?}"
            );
        }
        prop_assert_eq!(text[s.body_start..b].trim(), s.text.as_str());
        if let Some(p) = &s.parent {
            prop_assert!(
                ids.contains(p.as_str()),
                "parent {p} of {} is not an earlier section",
                s.id
            );
        }
        prop_assert!(ids.insert(s.id.as_str()), "duplicate id {}", s.id);
    }
    Ok(())
}

/// Lines of the genre, broken ones included, and arbitrary lines.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("I.".to_string()),
        Just("IV.".to_string()),
        Just("XII.  Título de sección".to_string()),
        Just("VII. Asuntos generales: texto. Más texto.".to_string()),
        Just("A.  Tema: cuerpo del tema.".to_string()),
        Just("B. Otro tema. Sin dos puntos".to_string()),
        Just("(1)  Punto uno: México y Canadá.".to_string()),
        Just("(12)".to_string()),
        Just("###".to_string()),
        Just(String::new()),
        Just("   ".to_string()),
        Just("PAGE  ".to_string()),
        Just("PAGE 7".to_string()),
        Just("7".to_string()),
        Just("La OIM, la CEPAL y Guatemala acordaron. ¿Sí? ¡No!".to_string()),
        // Meeting references the meeting passes read (series profiles,
        // lists, possessives, places before, page fields, "este día").
        Just("Location: Bali, IndonesiaDate: 29 - 30 April 2003".to_string()),
        Just("la Primera, Segunda y Tercera Conferencias Sudamericanas sobre Migraciones (CSM), celebradas en Buenos Aires, en mayo de 2000, en Quito, en agosto de 2002, y en".to_string()),
        Just("At their Fiftieth Regular Meeting, the XXI Vice-Ministerial Meeting held in".to_string()),
        Just("la CRM, en su primera reunión en Puebla, México, en marzo de".to_string()),
        Just("Aprobado en Ciudad de Panamá, Panamá, en la LXIII Reunión Ordinaria del Grupo Mercado Común, noviembre del".to_string()),
        Just("En la Reunión Ordinaria de la OCAM, que se celebró este día en".to_string()),
        Just("RCGM Meeting June 7-9, 2016 (RCGM) San José, Costa Rica November 18,".to_string()),
        Just("The 5th Ministerial Consultation of the Colombo Process met in Colombo, Sri Lanka, on".to_string()),
        "[^\n\r]{0,40}",
        "[IVX]{1,7}\\.[ \t]{0,3}[A-Za-zÁÉÍÓÚñ:. ]{0,20}",
        "[ \t]*[A-Z]\\.[ \t]+[^\n]{0,20}",
        "\\(\\d{1,4}\\)[^\n]{0,20}",
    ]
}

/// Every line of `tests/real/*.txt`, read once: the genre's own words, in
/// both languages and every series, for the splicing strategy below.
fn real_lines() -> &'static [String] {
    static L: OnceLock<Vec<String>> = OnceLock::new();
    L.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("tests/real")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
            .collect()
    })
}

/// A document spliced from real lines, each possibly cut at any character.
fn spliced_text() -> impl Strategy<Value = String> {
    let n = real_lines().len().max(1);
    prop::collection::vec((0..n, any::<prop::sample::Index>(), any::<bool>()), 1..60).prop_map(
        |picks| {
            let lines = real_lines();
            let mut out = String::new();
            for (i, cut, whole) in picks {
                let Some(l) = lines.get(i) else { continue };
                let chars: Vec<char> = l.chars().collect();
                let keep = if whole || chars.is_empty() {
                    chars.len()
                } else {
                    cut.index(chars.len())
                };
                out.extend(&chars[..keep]);
                out.push('\n');
            }
            out
        },
    )
}

fn report_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..40),
        prop::collection::vec(prop_oneof!["\n", "\r\n", "\r"], 40),
    )
        .prop_map(|(lines, endings)| {
            lines
                .iter()
                .zip(endings.iter().cycle())
                .map(|(l, e)| format!("{l}{e}"))
                .collect()
        })
}

proptest! {
    #[test]
    fn decode_clean_and_split_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        if let Ok(d) = decode::decode(&bytes) {
            let text = structure::clean(&d.text);
            check_sections(&text, &structure::split(&text))?;
        }
    }

    #[test]
    fn split_any_string_even_uncleaned(s in any::<String>()) {
        check_sections(&s, &structure::split(&s))?;
        let cleaned = structure::clean(&s);
        check_sections(&cleaned, &structure::split(&cleaned))?;
    }

    #[test]
    fn split_report_like_text(text in report_text()) {
        let cleaned = structure::clean(&text);
        check_sections(&cleaned, &structure::split(&cleaned))?;
        check_sections(&text, &structure::split(&text))?;
    }

    #[test]
    fn prepare_never_panics(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..2000),
            report_text().prop_map(String::into_bytes),
            spliced_text().prop_map(String::into_bytes),
        ]
    ) {
        if let Ok((bundle, _)) = acta::ingest::prepare("informe.txt", &bytes, gazetteer()) {
            check_sections(&bundle.doc.text, &bundle.sections)?;
            prop_assert_eq!(acta::ingest::content_hash(&bundle.doc.text), bundle.doc.hash);
        }
    }
}

proptest! {
    // Each case opens two databases: fewer cases.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_the_identity(
        docs in prop::collection::vec(("[a-zñ0-9 _-]{1,10}", report_text()), 1..5),
        notes in prop::collection::vec("[^\u{0}-\u{8}\u{b}-\u{1f}\u{7f}-\u{9f}]{0,30}", 0..4),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let a = KnowledgeBase::open(&dir.path().join("a")).unwrap();
        let mut stored = None;
        for (name, text) in &docs {
            // Blank texts and names without letters are refused: fine.
            if let Ok((_, report)) = a.ingest_bytes(&format!("{name}.txt"), text.as_bytes()) {
                stored.get_or_insert(report.doc_id);
            }
        }
        // Annotation records as acta writes them: a note on a stored
        // document (an import refuses records it could not read back).
        for n in notes.iter().filter(|_| stored.is_some()) {
            let record = serde_json::json!({
                "action": "assert",
                "fact": {"type": "attr", "node": format!("document:{}", stored.as_deref().unwrap_or_default()), "key": "note", "value": n},
                "author": "prueba", "at": "2026-12-04T03:00:00Z", "reason": "", "source": ""
            });
            a.store().add_annotation(&serde_json::to_vec(&record).unwrap()).unwrap();
        }
        let first = a.export_json().unwrap();
        let b = KnowledgeBase::open(&dir.path().join("b")).unwrap();
        b.import_json("export.json", &first).unwrap();
        let second = b.export_json().unwrap();
        prop_assert_eq!(&first, &second);
        prop_assert!(b.check().unwrap().is_empty());
        prop_assert_eq!(
            a.store().document_count().ok(),
            b.store().document_count().ok()
        );
    }
}
