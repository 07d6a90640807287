//! Tests of reading requests in prose (`super`).

use super::prose::Spans;
use super::*;

fn profile(lang: &str) -> Profile {
    Profile::bundled_for(lang).cloned().unwrap_or_default()
}

/// To whom a decision item's text asks something, if anyone.
fn asked(lang: &str, text: &str) -> Option<String> {
    let s = Sentence::whole(text);
    request_in(&profile(lang), &s, &words(text)).map(|a| a.to)
}

#[test]
fn thanking_those_who_already_answered_records_the_request() {
    assert_eq!(
        asked(
            "en",
            "To thank the RCM Member Countries that have already supplied the information needed."
        )
        .as_deref(),
        Some("member countries")
    );
    assert_eq!(
        asked(
            "es",
            "Agradecer a los países miembros que ya enviaron la información solicitada."
        )
        .as_deref(),
        Some("member countries")
    );
    assert_eq!(
        asked("en", "To thank the Member Countries for their hospitality."),
        None
    );
}

#[test]
fn a_body_the_gazetteer_does_not_know_is_addressed_as_printed() {
    assert_eq!(
        asked("en", "To that end, Ministers tasked the Senior Officials Co-Chairs to reactivate the Consultation Mechanism.").as_deref(),
        Some("Senior Officials Co-Chairs")
    );
    assert_eq!(
        asked(
            "es",
            "Encomendar a la Mesa Directiva Regional que prepare un informe."
        )
        .as_deref(),
        Some("Mesa Directiva Regional")
    );
    // One capitalized word is not enough to name a body.
    assert_eq!(
        asked("en", "To request Planning to prepare a report.").as_deref(),
        None
    );
}

#[test]
fn a_request_that_names_no_one_is_addressed_to_no_one_named() {
    assert_eq!(
        asked(
            "es",
            "Instar a que se levanten las medidas que pesan sobre el comercio de la región."
        )
        .as_deref(),
        Some("addressee not stated")
    );
    assert_eq!(
        asked(
            "en",
            "The Ministers urged that the measures on regional trade be lifted."
        )
        .as_deref(),
        Some("addressee not stated")
    );
    // "a" before an infinitive names no one.
    assert_eq!(
        asked(
            "es",
            "Instar a generar mecanismos de cooperación conjunta con enfoque humanitario."
        )
        .as_deref(),
        Some("addressee not stated")
    );
    // Whom the words name is named.
    assert_eq!(
        asked(
            "es",
            "Instar a los países miembros a que levanten las medidas."
        )
        .as_deref(),
        Some("member countries")
    );
}

#[test]
fn countries_the_text_does_not_name_are_asked_as_countries() {
    assert_eq!(
        asked(
            "en",
            "Encourage countries to sign the regional labour agreement."
        )
        .as_deref(),
        Some("countries")
    );
    // Members are members.
    assert_eq!(
        asked(
            "en",
            "Encourage member countries to sign the regional labour agreement."
        )
        .as_deref(),
        Some("member countries")
    );
}

#[test]
fn a_request_named_in_a_relative_clause_is_not_one_of_this_text() {
    assert_eq!(
        asked("es", "En relación con los proyectos que solicitaron los Viceministros de la IV Conferencia, se acordó publicarlos.").as_deref(),
        None
    );
    assert_eq!(
        asked(
            "es",
            "Solicitar a los países miembros que envíen sus comentarios."
        )
        .as_deref(),
        Some("member countries")
    );
}

/// The index of agreements' spans answers as a walk through all of them
/// does, for spans of every length and place.
#[test]
fn the_span_index_finds_what_a_walk_finds() {
    let mut index = Spans::default();
    let mut all: Vec<Span> = Vec::new();
    // A spread of starts and lengths, long ones among short ones.
    for i in 0..60usize {
        let start = (i * 37) % 500;
        let len = [3, 40, 1, 120, 0, 9][i % 6];
        let span = Span {
            start,
            end: start + len,
        };
        index.insert(span);
        all.push(span);
        for q in 0..80usize {
            let probe = Span {
                start: q * 7,
                end: q * 7 + [1, 5, 30][q % 3],
            };
            let walk = all
                .iter()
                .any(|s| s.start < probe.end && probe.start < s.end);
            assert_eq!(
                index.overlaps(probe),
                walk,
                "{probe:?} after {} spans",
                all.len()
            );
        }
    }
}

#[test]
fn a_passive_request_asks_its_subject() {
    assert_eq!(
        asked("en", "The Technical Secretariat was requested to prepare a report on the contributions of the member countries.").as_deref(),
        Some("st")
    );
    assert_eq!(
        asked(
            "en",
            "The member countries were asked to send their comments to the Technical Secretariat."
        )
        .as_deref(),
        Some("member countries")
    );
    // The active voice still asks who comes after the verb.
    assert_eq!(
        asked(
            "en",
            "To request the Technical Secretariat to write to the member countries."
        )
        .as_deref(),
        Some("st")
    );
}

#[test]
fn requiring_of_someone_asks_them_but_a_need_asks_no_one() {
    // Modeled on the Declaración de Santiago of MERCOSUR (2004), item V.
    assert!(asked(
        "es",
        "Requerir a los países extra-bloque que den a los inmigrantes de la región un trato justo."
    )
    .is_some());
    assert_eq!(
        asked(
            "es",
            "Requerir a la Secretaría Técnica un informe sobre el taller."
        )
        .as_deref(),
        Some("st")
    );
    assert_eq!(
        asked("es", "El plan requiere un financiamiento adicional.").as_deref(),
        None
    );
}
