//! No input makes extraction panic, and text without structure still
//! yields its mentions.

use super::common::Doc;
use acta::model::{EdgeKind, Kind};
use acta::Gazetteer;
use proptest::prelude::*;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
}

#[test]
fn unstructured_text_is_one_section_with_its_mentions() {
    let d = Doc::text(
        "nota.txt",
        "Nota suelta sin numeración: México y Guatemala conversaron con la OIM sobre la VII CRM, \
         celebrada en mayo de 2002.",
    );
    let ids: Vec<&str> = d.bundle.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["text"]);
    let mentioned = d.mentioned("");
    for id in [
        "country:mx",
        "country:gt",
        "organization:oim",
        "meeting:crm-07",
    ] {
        assert!(mentioned.contains(id), "{id} in {mentioned:?}");
    }
    assert!(d.has_node("meeting:crm-07", Kind::Meeting));
    assert!(d.has_edge("section:nota/text", EdgeKind::Mentions, "country:mx"));
    d.assert_consistent();
}

#[test]
fn awkward_inputs() {
    for text in [
        "“",
        "”“”",
        "\"abc",
        "I.\n",
        "I.\nII.\nIII.\n",
        "A. (1) (2)",
        "VII CRM",
        "la VII",
        "GRCM (",
        "GRCM (Heredia, ; ; y , 2002",
        "reunión del GRCM de",
        "el 31 de febrero de 2003 y el 99/99/9999 y el 0 de mayo",
        "del 31-29 de octubre de 2002",
        "Con una excepción, queda pendiente.",
        "solo Honduras y Panamá han enviado",
        "Señor Ñandú Ñoño, Ministro de Ñ, dijo.",
        "(ÁÉÍ) (X) () (ÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑ)",
        "…….“.”.\u{301}\u{301}é\u{200d}👨‍👩‍👧 VII CRM 👍. Reunión.",
        "I.\nTítulo\nEl presente informe de la OIM se presenta.\n###\n\u{FFFD} nota",
        "ﬁ ﬂ Ⅻ ｱ ㈱ ẞ İ ǅ",
    ] {
        let _ = acta::ingest::prepare("x.txt", text.as_bytes(), gazetteer());
    }
}

/// Words of the genre, so random input reaches the finders' deeper paths.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => "[ \n.,;:()“”\"«»–-]{1,3}",
        1 => Just("VII Reunión de la CRM".to_string()),
        1 => Just("reunión del GRCM en octubre 2002".to_string()),
        1 => Just("el GRCM, en su reunión de ".to_string()),
        1 => Just("(San José, marzo 2001)".to_string()),
        1 => Just("(Heredia, noviembre 2001; Antigua, mayo 2002; y Ciudad Guatemala, 2002)".to_string()),
        1 => Just("los Viceministros aprobaron".to_string()),
        1 => Just("fue reafirmada en la".to_string()),
        1 => Just("con una excepción, hasta el momento queda pendiente".to_string()),
        1 => Just("sólo se ha recibido respuesta de dos países miembros".to_string()),
        1 => Just("se les solicitó a los países miembros".to_string()),
        1 => Just("carta de seguimiento del 13 de febrero del presente año".to_string()),
        1 => Just("al 15 de diciembre de 2002".to_string()),
        1 => Just("del 29-31 de octubre de 2002 en Antigua, Guatemala".to_string()),
        1 => Just("El taller, que se realizó el 8 y 9 de mayo".to_string()),
        1 => Just("esta Red de funcionarios de enlace".to_string()),
        1 => Just("Sistema de Información (SI)".to_string()),
        1 => Just("\nIV.\nTítulo\nA.  Sub: ".to_string()),
        1 => Just("\n(3)  Item: ".to_string()),
        1 => Just("\n###\n".to_string()),
        1 => Just("“Conferencia Hemisférica".to_string()),
        1 => Just("México Guatemala Canadá".to_string()),
        1 => Just("\nDECLARAN:\n\nPRIMERO.- Reafirmar ".to_string()),
        1 => Just("\nDÉCIMO PRIMERO.- ".to_string()),
        1 => Just("\nFIRST. To ".to_string()),
        1 => Just("a los veinticuatro días del mes de marzo del año dos mil".to_string()),
        1 => Just(" mil novecientos noventa y ".to_string()),
        1 => Just("on the twenty-seventh day of June, two thousand and ".to_string()),
        1 => Just("\nDada en la ciudad de ".to_string()),
    ]
}

proptest! {
    // PROPTEST_CASES=20000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let _ = acta::ingest::prepare("p.txt", text.as_bytes(), gazetteer());
    }

    #[test]
    fn genre_fragments_never_panic(parts in prop::collection::vec(fragment(), 0..24)) {
        let text = parts.concat();
        if let Ok((bundle, _)) = acta::ingest::prepare("p.txt", text.as_bytes(), gazetteer()) {
            // Every span is a valid slice of the cleaned text.
            for e in &bundle.edges {
                if let acta::model::Provenance::Extracted { span, .. } = &*e.prov {
                    prop_assert!(bundle.doc.text.get(span.start..span.end).is_some());
                }
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = acta::ingest::prepare("b.txt", &bytes, gazetteer());
    }
}
