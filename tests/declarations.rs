//! Decisions recorded by adopting or signing a declaration, and by a
//! declaration's present-tense verbs opening its items (issue 14): read from
//! the words of the language profiles, in both languages.

use acta::model::Kind;

/// What acta reads in `text`, as a file called `name`.
fn read(name: &str, text: &str) -> acta::model::FactBundle {
    let g = acta::Gazetteer::bundled().expect("bundled gazetteer");
    acta::ingest::prepare(name, text.as_bytes(), &g)
        .expect("prepared")
        .0
}

/// The texts of the agreements read in `text`.
fn agreements(name: &str, text: &str) -> Vec<String> {
    read(name, text)
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement)
        .flat_map(|n| &n.attrs)
        .filter(|a| a.key == "text")
        .map(|a| format!("{:?}", a.value))
        .collect()
}

#[test]
fn adopting_a_declaration_records_a_decision() {
    let en = "At the meeting, the Vice-Ministers renewed the political will of their governments, and to that end they adopted the \"Declaration of the Vice-Ministers on the Strengthening of the Conference\". The delegations of the countries met in the city for two days.";
    let found = agreements("en-test.txt", en);
    assert!(
        found.iter().any(|a| a.contains("they adopted the")),
        "{found:?}"
    );
    let es = "Doce países de la región firmaron una declaración para una agenda migratoria regional en el marco de la Conferencia, según informó la cancillería de los países.";
    let found = agreements("es-test.txt", es);
    assert!(
        found.iter().any(|a| a.contains("firmaron una declaración")),
        "{found:?}"
    );
}

#[test]
fn a_present_tense_verb_opening_an_item_records_a_decision() {
    let es = "Los Países Miembros de la Conferencia:\n- Reafirman los principios de la Conferencia, fundados en el respeto de los derechos de las personas.\n";
    let found = agreements("es-test.txt", es);
    assert!(found.iter().any(|a| a.contains("Reafirman")), "{found:?}");
    // In the middle of a sentence of a news page, the same verb records nothing.
    let news = "Según la cancillería, los delegados de los países de la región reafirmaron en la ciudad su interés por el tema de la migración.";
    assert_eq!(agreements("es-test.txt", news), Vec::<String>::new());
}

/// The meetings a document's agreements were adopted at.
fn adopted_at(name: &str, text: &str) -> Vec<String> {
    read(name, text)
        .edges
        .iter()
        .filter(|e| e.kind == acta::model::EdgeKind::AdoptedAt)
        .map(|e| e.to.to_string())
        .collect()
}

/// A declaration of the CRM whose opening names no meeting, dated on a day
/// the reference calendar gives to one of its meetings, records that
/// meeting; dated on any other day, none.
#[test]
fn a_dated_record_of_a_series_is_its_meeting_of_that_day() {
    let text = |date: &str| {
        format!(
            "San Salvador, {date}\n\nDECLARATION OF THE VICE-MINISTERS OF THE REGIONAL CONFERENCE ON MIGRATION\n\n\
             The governments of the member countries of the Regional Conference on Migration (RCM) state the following.\n\n\
             The Vice-Ministers agreed:\n\n1. To ask the Technical Secretariat for a yearly report on the Plan of Action.\n"
        )
    };
    let on_the_day = adopted_at("en-test.txt", &text("January 29, 1999"));
    assert_eq!(on_the_day, ["meeting:crm-04"], "{on_the_day:?}");
    let other_day = adopted_at("en-test.txt", &text("June 3, 1999"));
    assert!(
        !other_day.iter().any(|m| m.starts_with("meeting:crm-0")),
        "{other_day:?}"
    );
}

/// A meeting that closed by adopting a text records that decision, told in
/// the nominal voice of a news page.
#[test]
fn closing_with_the_adoption_of_a_text_records_a_decision() {
    let es = "Los delegados de los países cerraron la reunión con la aprobación de la Declaración de San José sobre movilidad laboral.";
    let found = agreements("es-test.txt", es);
    assert!(
        found.iter().any(|a| a.contains("con la aprobación de la")),
        "{found:?}"
    );
    let en = "The delegations ended the two days of work with the adoption of the San José Declaration on labour mobility.";
    let found = agreements("en-test.txt", en);
    assert!(
        found.iter().any(|a| a.contains("with the adoption of the")),
        "{found:?}"
    );
    // Asking for an adoption is not one.
    let asked = "Las organizaciones pidieron a los gobiernos avanzar hacia la aprobación de la ley de migración.";
    assert_eq!(agreements("es-test.txt", asked), Vec::<String>::new());
}

/// An adoption told in the passive records a decision.
#[test]
fn an_adoption_told_in_the_passive_records_a_decision() {
    let en = "At the close of the meeting, a joint statement and a work plan were adopted by the delegations.";
    let found = agreements("en-test.txt", en);
    assert!(
        found.iter().any(|a| a.contains("were adopted")),
        "{found:?}"
    );
    let es = "Al término de la jornada se aprobó el plan de trabajo regional para los dos años siguientes.";
    let found = agreements("es-test.txt", es);
    assert!(found.iter().any(|a| a.contains("se aprobó")), "{found:?}");
}

/// Conclusions whose cue runs into the first item with no full stop
/// between them were adopted at the meeting the heading records, not at
/// the later meeting an item names ("que la V Conferencia prepare …").
#[test]
fn a_meeting_named_in_an_item_is_not_where_the_list_was_adopted() {
    let text = "REUNIÓN DEL GRUPO REGIONAL DE CONSULTA\nDE LA CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n\
                SAN SALVADOR, EL SALVADOR, 27, 28 Y 29 DE OCTUBRE DE 1999.\nCONCLUSIONES\n\
                El Grupo Regional de Consulta concluyó lo siguiente:\n\
                 Recomendar que la Secretaría Pro Témpore de la V Conferencia Regional de Migración\n\
                prepare un informe de lo logrado.\n\
                 Solicitar a los países miembros un inventario de los documentos de la Conferencia.\n";
    let at = adopted_at("es-test.txt", text);
    assert!(at.len() >= 2, "{at:?}");
    assert!(
        at.iter().all(|m| m.starts_with("meeting:grcm-1999")),
        "{at:?}"
    );
}

/// A decision told in one sentence was adopted at the meeting its
/// sentence names, even after the verb and when the heading records
/// another meeting.
#[test]
fn a_sentence_names_its_meeting_after_the_verb() {
    let text = "XIX CONFERENCIA SURAMERICANA SOBRE MIGRACIONES\nSucre, Bolivia, 24 y 25 de octubre de 2019\n\n\
                Los países de la región firmaron una declaración para una agenda migratoria regional en el marco de la XVIII Conferencia Suramericana sobre Migraciones, según recordó la cancillería.\n";
    let at = adopted_at("es-test.txt", text);
    assert_eq!(at, ["meeting:csm-18"], "{at:?}");
}

/// A record's opening that names an earlier meeting of its series with
/// that meeting's own month ("followed on from the first Almaty
/// Conference ..., held in March 2011") does not make it the record's own
/// meeting: the heading's place and day stay with the meeting the record
/// is of.
#[test]
fn an_earlier_meeting_in_the_opening_is_not_the_record_s_own() {
    let text = "Ministerial Conference on Refugee Protection and International Migration:\n\n\
                The Almaty Process\n\nAlmaty, Kazakhstan\n\n5 June 2013\n\nSummary Report\n\n\
                The Ministerial Conference followed on from the first Almaty Conference on Refugee Protection and International Migration, held in March 2011, at which a declaration was adopted.\n";
    let bundle = read("en-test.txt", text);
    let city = |id: &str| {
        bundle
            .nodes
            .iter()
            .filter(|n| n.id.as_str() == id)
            .flat_map(|n| &n.attrs)
            .find(|a| a.key == "city")
            .map(|a| format!("{}", a.value))
    };
    assert_eq!(city("meeting:almaty-2013-06").as_deref(), Some("Almaty"));
    assert_eq!(city("meeting:almaty-2011-03"), None);
    let dated = bundle.doc.date.map(|d| d.to_string());
    assert_eq!(dated.as_deref(), Some("2013-06-05"));
}
