//! Numbered meetings written as an ordinal alone, the noun understood from
//! the series named before.

use super::*;

#[test]
fn an_ordinal_alone_before_words_of_holding_is_the_series_meeting() {
    let text = "La Conferencia Suramericana sobre Migraciones (CSM) es un proceso consultivo \
                regional que los países crearon hace 20 años; la primera se celebró en Buenos \
                Aires en el año 2000.";
    let (s, found) = found_in(text, None);
    let r = found
        .iter()
        .find(|r| matches!(&r.target, Target::Numbered { ordinal: 1, .. }))
        .unwrap_or_else(|| panic!("the I CSM: {found:?}"));
    assert_eq!(
        s.slice(r.start, r.end),
        "la primera se celebró en Buenos Aires en el año 2000"
    );
    assert_eq!(
        r.target,
        Target::Numbered {
            body: "CSM".into(),
            ordinal: 1
        }
    );
    assert_eq!(r.city.as_deref(), Some("Buenos Aires"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2000"));
    let text = "The South American Conference on Migration met again; the second was held \
                in Santiago in the year 2001.";
    let (_, found) = found_in(text, None);
    assert!(
        found.iter().any(|r| r.target
            == Target::Numbered {
                body: "CSM".into(),
                ordinal: 2
            }
            && r.city.as_deref() == Some("Santiago")),
        "{found:?}"
    );
}

#[test]
fn no_series_meeting_when_the_ordinal_counts_something_else() {
    let numbered = |text: &str| {
        found_in(text, None)
            .1
            .iter()
            .any(|r| matches!(r.target, Target::Numbered { .. }))
    };
    // A workshop is named between the series and the ordinal.
    assert!(!numbered(
        "La CSM organizó dos talleres en 2005; el primero se celebró en Lima."
    ));
    // No series named before it.
    assert!(!numbered(
        "Hubo dos rondas; la primera se celebró en Lima en 2005."
    ));
    // A count word: the ordinal counts what it counts.
    assert!(!numbered(
        "La CSM ejecuta el Plan en dos etapas; la primera se realizó en Quito en el año 2010."
    ));
    assert!(!numbered(
        "The South American Conference on Migration organised three rounds of consultations; \
         the first was held in Lima in the year 2011."
    ));
    // Two series named before: "the first" may be either.
    assert!(!numbered(
        "La Conferencia Suramericana sobre Migraciones y la Conferencia Regional sobre \
         Migración intercambiaron experiencias; la primera se celebró en Buenos Aires en el año 2000."
    ));
    // No words of holding right after the ordinal.
    assert!(!numbered(
        "La CSM aprobó dos planes; la primera parte se celebró en Lima."
    ));
}
