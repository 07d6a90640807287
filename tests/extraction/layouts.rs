//! Layouts of the genre the reading rules were not written from, in the
//! team's words: recommendations that name who is tasked, a communiqué
//! whose decisions are bullets after its cue, a declaration whose verb
//! stands alone as its heading ("RESOLVE:"), a title block of a body over
//! its kind of meeting.

use super::common::Doc;
use acta::model::{EdgeKind, Kind, Value};

#[test]
fn recommendations_that_name_who_is_tasked() {
    // "X to <verb>" at the opening of an item gives X a task (`[requests]
    // assigned` in data/profiles/en.toml); an item that opens with a verb
    // gives nobody one.
    let d = Doc::text(
        "midsa-recommendations.txt",
        "Recommendations of the Ministerial Meeting, Windhoek, 15 - 17 November 2010\n\n\
         The Ministers recommended the following:\n\
         1. The Chair in Office and IOM to prepare a study on return and reintegration.\n\
         2. Enhance the coordination of border management to reduce delays at crossings.\n\
         3. Member States to share their migration data with one another.\n",
    );
    d.assert_consistent();
    let subjects: Vec<&str> = d
        .bundle
        .requests
        .iter()
        .map(|r| r.subject.as_str())
        .collect();
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    assert!(subjects[0].starts_with("The Chair in Office and IOM to prepare"));
    assert!(subjects[1].starts_with("Member States to share"));
}

#[test]
fn a_communique_with_bullets_after_its_cue_and_a_meeting_to_come() {
    // The cue sentence is not a decision of its own; a city wrapped across
    // lines is one name; "la próxima reunión del GRCM" in a CRM communiqué
    // is no GRCM meeting of the communiqué's month.
    let d = Doc::text(
        "crm-12-comunicado.txt",
        "XII Reunión Viceministerial de la Conferencia Regional sobre Migración\n\
         Ciudad de Panamá, Panamá\n26 y 27 de marzo de 2007\n\nCOMUNICADO CONJUNTO\n\n\
         Los Viceministros de los países miembros de la Conferencia Regional sobre\n\
         Migración (CRM) se reunieron en la Ciudad de Panamá, con el fin de dar\n\
         seguimiento a los acuerdos adoptados en la XI CRM, celebrada en San\n\
         Salvador en mayo de 2006.\n\n\
         Tras el intercambio de puntos de vista, los Viceministros acordaron:\n\n\
         - Aprobar el Plan de Acción de la CRM para el periodo 2007-2008,\n  con las modificaciones propuestas por el GRCM.\n\
         - Instar a los países miembros a presentar sus informes nacionales\n  antes de la próxima reunión del GRCM.\n\
         - Aceptar el ofrecimiento de Honduras para ser sede de la XIII CRM.\n",
    );
    d.assert_consistent();
    let agreements = d.ids(Kind::Agreement);
    assert_eq!(agreements.len(), 3, "{agreements:?}");
    for a in &agreements {
        assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-12"), "{a}");
    }
    assert_eq!(
        d.text_attr("meeting:crm-11", "city").as_deref(),
        Some("San Salvador")
    );
    let meetings = d.ids(Kind::Meeting);
    assert!(
        meetings.iter().all(|m| !m.starts_with("meeting:grcm")),
        "{meetings:?}"
    );
}

#[test]
fn a_declaration_whose_verb_is_its_heading() {
    // "RESOLVE:" on its own line heads the decisions; "meeting in" says
    // where and when the meeting was held.
    let d = Doc::text(
        "crm-24-declaration.txt",
        "DECLARATION OF THE XXIV REGIONAL CONFERENCE ON MIGRATION\n\n\
         The Vice-Ministers and Heads of Delegation of the member countries of the Regional \
         Conference on Migration, meeting in Guatemala City, Guatemala, on the 26th and 27th of \
         June 2019,\n\nRESOLVE:\n\n\
         • To welcome the report of the Presidency Pro Tempore of Guatemala.\n\
         • To call upon the member countries to strengthen consular protection networks.\n\
         • To accept the offer of Mexico to assume the Presidency Pro Tempore for 2020.\n",
    );
    d.assert_consistent();
    let agreements = d.ids(Kind::Agreement);
    assert_eq!(agreements.len(), 3, "{agreements:?}");
    for a in &agreements {
        assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-24"), "{a}");
    }
    assert_eq!(
        d.text_attr("meeting:crm-24", "city").as_deref(),
        Some("Guatemala City")
    );
    let Some(Value::Date(days)) = d.attr("meeting:crm-24", "date") else {
        panic!("the meeting's days")
    };
    assert_eq!(days.to_string(), "2019-06-26..2019-06-27");
    assert_eq!(d.bundle.requests.len(), 1);
}

#[test]
fn a_title_block_of_the_body_over_its_kind_of_meeting() {
    // The body alone on its line, then "Reunión Extraordinaria", then the
    // place and day: the body's meeting on that day adopts the items.
    let d = Doc::text(
        "grcm-extraordinaria.txt",
        "GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN\nReunión Extraordinaria\n\
         Ciudad de Guatemala, 3 de septiembre de 2014\n\nSe acordó:\n\n\
         a) Apoyar la propuesta de Honduras sobre la atención a la niñez migrante.\n\
         b) Solicitar a la Secretaría Técnica que prepare un informe para la XX CRM.\n",
    );
    d.assert_consistent();
    let agreements = d.ids(Kind::Agreement);
    assert_eq!(agreements.len(), 2, "{agreements:?}");
    for a in &agreements {
        assert!(
            d.has_edge(a, EdgeKind::AdoptedAt, "meeting:grcm-2014-09"),
            "{a}"
        );
    }
    assert_eq!(
        d.text_attr("meeting:grcm-2014-09", "city").as_deref(),
        Some("Ciudad de Guatemala")
    );
}

#[test]
fn a_title_block_whose_kind_of_record_stands_over_the_date_line() {
    // "Joint Communiqué" over "San José, Costa Rica, May 5, 2011" is no
    // place; the list numbered "1)" ends at the record's paragraph "3.".
    let d = Doc::text(
        "crm-16-communique.txt",
        "XVI REGIONAL CONFERENCE ON MIGRATION\nVice-Ministerial Meeting\nJoint Communiqué\n\
         San José, Costa Rica, May 5, 2011\n\n\
         1. The Vice-Ministers of the member countries met in San José on May 4-5, 2011.\n\n\
         2. The Vice-Ministers agreed to:\n\n\
         1) Approve the report of the Technical Secretariat.\n\
         2) Urge the member countries to pay their contributions before September 30, 2011.\n\
         3) Hold the next meeting of the RCGM in November 2011 in El Salvador.\n\n\
         3. The Vice-Ministers thanked the Government of Costa Rica for its hospitality.\n",
    );
    d.assert_consistent();
    assert_eq!(
        d.text_attr("meeting:crm-16", "city").as_deref(),
        Some("San José")
    );
    let agreements = d.ids(Kind::Agreement);
    assert_eq!(agreements.len(), 3, "{agreements:?}");
}
