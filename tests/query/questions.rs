//! Questions of the controlled language, their Spanish twins, `as of`,
//! `explain` and `why`.

use crate::fixture::{agreement, column, err, graph, ok, run, DOC, EARLY};
use acta::query::{Answer, Cell, ErrorKind};

/// Every query gives exactly the same answer.
fn same(kg: &acta::graph::KnowledgeGraph, queries: &[&str]) -> Answer {
    let first = ok(kg, queries[0]);
    for q in &queries[1..] {
        assert_eq!(ok(kg, q), first, "{q} differs from {}", queries[0]);
    }
    first
}

#[test]
fn agreements_from_a_meeting_awaiting_responses() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "which agreements from VII CRM still await responses from which countries?",
            "agreements from \"VII CRM\" awaiting responses",
            "acuerdos de la VII CRM pendientes de respuesta",
            "¿Qué acuerdos de la VII Reunión de la CRM aún esperan respuesta de qué países?",
            "agreements from meeting:crm-07 awaiting responses",
            "Agreements of CRM 7 pending",
            "acuerdos adoptados en la VII CRM sin respuesta",
        ],
    );
    assert_eq!(
        a.columns,
        ["agreement", "request", "awaiting", "countries", "note"]
    );
    let ids: Vec<String> = a
        .rows
        .iter()
        .map(|r| match &r[0] {
            Cell::Node { id, .. } => id.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        ids,
        [
            format!("agreement:{EARLY}/III"),
            agreement("II"),
            agreement("IV.A"),
            agreement("IV.E(1)"),
            agreement("IV.E(1)"),
            agreement("V.A(2)"),
        ]
    );
    assert_eq!(
        column(&a, "awaiting"),
        [
            "9 of 11 members (2 named responded)",
            "at least 6 of 11 members (up to 5 unnamed responded)",
            "11 of 11 members (none responded)",
            "10 of 11 members (1 unnamed responded)",
            "10 of 11 members (1 unnamed responded)",
            "9 of 11 members (2 unnamed responded)",
        ]
    );
    // The awaited list never drops or guesses a name: all 11 are listed,
    // and the note says the list may include the one that responded.
    let Cell::List(countries) = &a.rows[3][3] else {
        panic!("countries is a list")
    };
    assert_eq!(countries.len(), 11);
    let notes = column(&a, "note");
    assert!(notes[3].starts_with("the one that responded is not named in the sources"));
    assert!(notes[3].contains("may include it"));
    assert_eq!(notes[2], "", "nobody responded: nothing to caveat");
    // Named respondents are left out of the awaited list.
    let Cell::List(early) = &a.rows[0][3] else {
        panic!()
    };
    assert_eq!(early.len(), 9);
    assert!(!early.iter().any(|c| c.text().contains("country:bz")));
    assert!(a
        .caveats
        .iter()
        .any(|c| c.contains("Capacitación coordinada")
            && c.contains("the one that responded is not named in the sources")));
    // Each row cites the request's sentence.
    assert!(a.sources[3].iter().any(|s| s
        .sentence
        .as_deref()
        .is_some_and(|t| t.contains("con una excepción"))));
}

#[test]
fn awaiting_from_a_grcm_meeting_by_words() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "agreements from GRCM octubre 2002 awaiting responses",
            "agreements from GRCM de octubre 2002 awaiting responses",
            "acuerdos de la reunión del GRCM en octubre de 2002 pendientes",
            "agreements from meeting:grcm-2002-10 awaiting responses",
        ],
    );
    let names: Vec<String> = column(&a, "agreement");
    assert_eq!(names.len(), 2);
    assert!(names[0].contains("IV.A"));
    assert!(names[1].contains("IV.E(3)"));
    assert_eq!(
        column(&a, "awaiting")[1],
        "9 of 10 members (1 unnamed responded)"
    );
}

#[test]
fn countries_that_have_not_responded() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "which countries have not responded to agreement:informe-ppt-mexico-2003/V.A(2)?",
            "countries that have not responded to V.A(2)",
            "which countries haven't replied to agreement V.A(2)",
            "¿qué países no han respondido al acuerdo V.A(2)?",
            "países que aún no han contestado a \"Identificar países que dificultan la documentación de viaje\"",
        ],
    );
    assert_eq!(a.columns, ["country", "request", "note"]);
    assert_eq!(a.rows.len(), 11);
    assert!(column(&a, "note")[0].starts_with("the 2 that responded are not named"));
    let b = ok(
        &kg,
        "countries that have not responded to agreement:informe-grcm-2002/III",
    );
    let countries = column(&b, "country");
    assert_eq!(countries.len(), 9);
    assert!(!countries
        .iter()
        .any(|c| c.contains("Belice") || c.contains("Canadá")));
    assert_eq!(column(&b, "note")[0], "");
}

#[test]
fn meetings_in_a_place_or_year() {
    let kg = graph();
    let gt = same(
        &kg,
        &[
            "meetings in Guatemala",
            "reuniones en Guatemala",
            "REUNIONES CELEBRADAS EN guatemala?",
        ],
    );
    assert_eq!(
        column(&gt, "meeting"),
        [
            "VII CRM (meeting:crm-07)",
            "GRCM octubre 2002 (meeting:grcm-2002-10)"
        ]
    );
    let y = same(
        &kg,
        &[
            "meetings in 2002",
            "reuniones en 2002",
            "meetings held during 2002",
        ],
    );
    assert_eq!(column(&y, "meeting"), column(&gt, "meeting"));
    let city = same(
        &kg,
        &[
            "meetings held in Antigua",
            "reuniones realizadas en antigua",
            "meetings in \"Antigua\"",
        ],
    );
    assert_eq!(column(&city, "meeting"), column(&gt, "meeting"));
    let full = ok(&kg, "meetings in Antigua, Guatemala");
    assert_eq!(column(&full, "meeting"), ["VII CRM (meeting:crm-07)"]);
}

#[test]
fn sections_and_documents_mentioning() {
    let kg = graph();
    let s = same(
        &kg,
        &[
            "sections mentioning OIM",
            "secciones que mencionan a la OIM",
            "sections mentioning \"OIM\"",
        ],
    );
    assert_eq!(
        column(&s, "section")
            .iter()
            .map(|c| c.split(' ').next().unwrap_or("").to_string())
            .collect::<Vec<_>>(),
        ["III", "IV.A"]
    );
    assert_eq!(
        column(&s, "sentence")[0],
        "El evento fue organizado por la OIM y CEPAL/CELADE."
    );
    let d = same(
        &kg,
        &[
            "documents mentioning \"trata de personas\"",
            "documentos que mencionan \"Trata de Personas\"",
        ],
    );
    assert_eq!(column(&d, "document").len(), 1);
    assert!(column(&d, "sentence")[0].contains("la trata de personas en las Américas"));
    let phrase = ok(&kg, "sections mentioning \"con una excepción\"");
    assert_eq!(phrase.rows.len(), 2);
    let docs = ok(&kg, "documents mentioning OIM");
    assert_eq!(
        column(&docs, "document"),
        [format!(
            "Informe de la Presidencia Pro-Témpore de México (document:{DOC})"
        )]
    );
}

#[test]
fn show_an_entity() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "show Costa Rica",
            "muestra Costa Rica",
            "show \"costa rica\"",
            "show country:cr",
        ],
    );
    let text = a.text.as_deref().unwrap_or("");
    assert!(
        text.starts_with("Costa Rica (country:cr)\n  kind: country"),
        "{text}"
    );
    assert!(text.contains("proposed_by"));
    assert_eq!(a.columns, ["entity", "kind", "card"]);
}

#[test]
fn path_between_entities() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "path from Costa Rica to SIEMCA",
            "camino de Costa Rica a SIEMCA",
            "el camino más corto entre Costa Rica y SIEMCA",
        ],
    );
    let nodes = column(&a, "node");
    assert_eq!(
        nodes.first().map(String::as_str),
        Some("Costa Rica (country:cr)")
    );
    assert_eq!(
        nodes.last().map(String::as_str),
        Some("SIEMCA (organization:siemca)")
    );
    assert!(column(&a, "via")[1].starts_with('←') || column(&a, "via")[1].starts_with('→'));
}

#[test]
fn events_between_two_dates() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "events between 2002-08-01 and 2003-02-28",
            "eventos entre 2002-08-01 y 2003-02-28",
            "events from 2002-08-01 to 2003-02-28",
        ],
    );
    let ids: Vec<String> = column(&a, "event")
        .iter()
        .map(|e| {
            e.rsplit(['/', ':'])
                .next()
                .unwrap_or("")
                .trim_end_matches(')')
                .to_string()
        })
        .collect();
    assert_eq!(
        ids,
        [
            "carta-2002-08-21",
            "boletin-2002-10-09",
            "grcm-2002-10",
            "conferencia-hemisferica",
            "carta-2003-02-13"
        ]
    );
    assert_eq!(column(&a, "type")[0], "letter");
}

#[test]
fn as_of_rebuilds_the_view() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "agreements from VII CRM awaiting responses as of 2002-12-31",
            "acuerdos de la VII CRM pendientes de respuesta a fecha de 2002-12-31",
            "agreements from VII CRM awaiting responses? as of date(\"2002-12-31\")",
        ],
    );
    assert_eq!(a.rows.len(), 1, "only the document known by then");
    assert_eq!(
        column(&a, "awaiting"),
        ["9 of 11 members (2 named responded)"]
    );
    assert!(a.caveats.iter().any(|c| c.starts_with("as of 2002-12-31")));
    let e = ok(
        &kg,
        "events between 2002-01-01 and 2003-12-31 as of 2002-12-31",
    );
    assert_eq!(
        column(&e, "event"),
        [
            "VII CRM (meeting:crm-07)",
            "GRCM octubre 2002 (meeting:grcm-2002-10)"
        ],
        "the 2003 report and the VIII CRM are not known yet"
    );
    // Without a way to rebuild the view, `as of` is a clear error.
    let e = acta::query::run(&kg, "meetings in 2002 as of 2002-12-31").unwrap_err();
    assert_eq!(e.kind, ErrorKind::NoView);
    assert_eq!(e.position().as_deref(), Some("1:24"));
}

#[test]
fn explain_prints_a_pattern_that_runs_to_the_same_answer() {
    let kg = graph();
    for q in [
        "which agreements from VII CRM still await responses from which countries?",
        "which countries have not responded to IV.E(1)?",
        "meetings in Guatemala",
        "meetings in 2002",
        "meetings held in Antigua",
        "sections mentioning OIM",
        "documents mentioning \"trata de personas\"",
        "documents mentioning OIM",
        "events between 2002-08-01 and 2003-02-28",
        "match (a)-[:adopted_at]->(m) return m, count(*) as n order by n desc",
    ] {
        let explained = ok(&kg, &format!("explain {q}"));
        let pattern = explained.text.clone().unwrap_or_default();
        assert!(pattern.starts_with("match "), "{q}: {pattern}");
        assert_eq!(ok(&kg, pattern.trim()), ok(&kg, q), "{q} vs {pattern}");
        assert_eq!(acta::query::explain(&kg, q).unwrap_or_default(), pattern);
    }
    let awaiting = ok(&kg, "explain agreements from VII CRM awaiting responses");
    assert!(awaiting
        .text
        .unwrap_or_default()
        .contains("awaiting(w) as awaiting"));
    let show = ok(&kg, "explain show Honduras");
    assert!(show.text.unwrap_or_default().contains("not a pattern"));
}

#[test]
fn why_an_agreement_awaits_a_country() {
    let kg = graph();
    let a = same(
        &kg,
        &[
            "why agreement:informe-ppt-mexico-2003/V.A(2) awaits Honduras",
            "why V.A(2) awaits Honduras?",
            "¿por qué V.A(2) espera Honduras?",
        ],
    );
    let steps = column(&a, "step");
    let details = column(&a, "detail");
    let get = |s: &str| {
        details[steps
            .iter()
            .position(|x| x == s)
            .unwrap_or_else(|| panic!("{s}"))]
        .clone()
    };
    assert!(get("fact")
        .contains("derived by acta from request request:informe-ppt-mexico-2003/V.A(2)#1"));
    assert_eq!(
        get("request"),
        "países que dificultan la documentación de viaje"
    );
    assert_eq!(get("requested on"), "2002-10-09");
    assert_eq!(get("responded (named)"), "none named");
    assert_eq!(get("responded (unnamed)"), "2, not named in the sources");
    assert_eq!(get("awaiting"), "9 of 11 members (2 unnamed responded)");
    assert!(get("so").contains("Honduras may be one of them"));
    let i = steps.iter().position(|x| x == "request").unwrap_or(0);
    assert_eq!(
        a.sources[i][0].sentence.as_deref(),
        Some("Hasta el momento, sólo se ha recibido respuesta de dos países miembros.")
    );
    // Two requests behind one fact: both are explained.
    let two = ok(&kg, "why IV.E(1) awaits Honduras");
    assert_eq!(
        column(&two, "step")
            .iter()
            .filter(|s| *s == "request")
            .count(),
        2
    );
    // A country named as having responded is not awaited, and why says so.
    let no = ok(&kg, "why agreement:informe-grcm-2002/III awaits Belice");
    assert_eq!(column(&no, "step"), ["no"]);
    assert!(column(&no, "detail")[0].contains("named as having responded"));
    // Other facts list their edges and sources.
    let adopted = ok(&kg, "why IV.E(1) adopted_at VII CRM");
    assert_eq!(column(&adopted, "step"), ["fact"]);
    assert_eq!(adopted.sources[0][0].section.as_deref(), Some("IV.E(1)"));
}

#[test]
fn entity_references_that_fail_list_candidates() {
    let kg = graph();
    let e = err(&kg, "show Hondruas");
    assert_eq!(e.kind, ErrorKind::Resolve);
    assert_eq!(e.position().as_deref(), Some("1:6"));
    assert!(
        e.message
            .contains("no entity is called \"Hondruas\"; nearest: Honduras (country:hn)"),
        "{e}"
    );
    let e = err(&kg, "show Moctezuma");
    assert!(e.message.contains("ambiguous"), "{e}");
    assert!(
        e.message.contains("organization:moctezuma")
            && e.message.contains("person:javier-moctezuma-barragan")
    );
    let e = err(&kg, "agreements from Honduras awaiting responses");
    assert!(
        e.message
            .contains("is a country (country:hn), not a meeting"),
        "{e}"
    );
    let e = err(&kg, "show meeting:crm-99");
    assert!(
        e.message.contains("no entity is called \"meeting:crm-99\""),
        "{e}"
    );
    assert!(
        run(&kg, "show III").is_err(),
        "III is a section of two documents"
    );
}
