//! Extraction, end to end through `acta::ingest::prepare`.
//!
//! This file holds the golden tests on the bundled report
//! (`data/documents/informe-ppt-mexico-2003.txt`); every expected value was
//! checked against the report's text, and the comments quote it. The
//! modules below test that the rules generalize (passages written in other
//! words, layouts of the genre, a report nobody has seen) and that no input
//! makes extraction panic.

mod extraction {
    mod bodies;
    mod calls;
    pub mod common;
    mod datelines;
    mod layouts;
    mod passages;
    mod press_meetings;
    mod press_subjects;
    mod reported;
    mod robust;
    mod subjects;
    mod told;
}

use acta::graph::ViewOptions;
use acta::model::{DateValue, EdgeKind, Kind, Precision, Provenance, Status, UnnamedCount, Value};
use acta::Gazetteer;
use extraction::common::{Doc, DOC};
use std::collections::BTreeSet;

fn bundled() -> Doc {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/documents/informe-ppt-mexico-2003.txt"
    ))
    .expect("bundled report");
    Doc::prepare("informe-ppt-mexico-2003.txt", &bytes)
}

fn iso(s: &str) -> DateValue {
    DateValue::parse_iso(s).expect("valid date")
}

fn a(section: &str) -> String {
    format!("agreement:{DOC}/{section}")
}

fn ev(rest: &str) -> String {
    format!("event:{DOC}/{rest}")
}

#[test]
fn title_and_date_of_the_report() {
    let d = bundled();
    // "El siguiente informe de la Presidencia Pro-Témpore acerca de las
    // actividades de la Conferencia Regional sobre Migración (CRM) se
    // concentra principalmente en el período que abarca desde noviembre
    // 2002 – mayo 2003."
    assert_eq!(
        d.bundle.doc.title,
        "Informe de la Presidencia Pro-Témpore acerca de las actividades de la Conferencia Regional sobre Migración (CRM), noviembre 2002 – mayo 2003"
    );
    let date = d.bundle.doc.date.expect("report date");
    assert_eq!((date, date.precision), (iso("2003-05"), Precision::Month));
}

#[test]
fn meetings_with_dates_and_places() {
    let d = bundled();
    let ids: BTreeSet<String> = d.ids(Kind::Meeting);
    let want: BTreeSet<String> = [
        "meeting:crm-06",
        "meeting:crm-07",
        "meeting:crm-08",
        // Footnote: "(Heredia, noviembre 2001; Antigua, mayo 2002; y Ciudad Guatemala, 2002)"
        "meeting:grcm-2001-11",
        "meeting:grcm-2002-05",
        "meeting:grcm-2002",
        "meeting:grcm-2002-10",
        // "la agenda de la reunión del GRCM en mayo 2003"
        "meeting:grcm-2003-05",
        // "La Red de funcionarios de enlace recomendó esta actividad durante su reunión del 28 de octubre 2002"
        "meeting:red-trafico-2002-10",
        // "Para el 26 de mayo se ha programado una reunión de esta Red" (IV.E and V.A)
        "meeting:red-trafico-2003-05",
        "meeting:red-consular-2003-05",
        // "la reunión de la red de funcionarios de enlace del 29 de octubre"
        "meeting:red-consular-2002-10",
        // "“Conferencia Hemisférica ...”, que se realizó en Santiago, Chile, del 20-22 de noviembre 2002"
        "meeting:conferencia-hemisferica-sobre-migracion-internacional-2002",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(ids, want);

    // "realizada del 29-31 de octubre de 2002 en Antigua, Guatemala"
    assert_eq!(
        d.date("meeting:grcm-2002-10"),
        Some(iso("2002-10-29..2002-10-31"))
    );
    assert_eq!(
        d.text_attr("meeting:grcm-2002-10", "city").as_deref(),
        Some("Antigua")
    );
    assert_eq!(d.name("meeting:grcm-2002-10"), "GRCM octubre 2002");
    assert!(d
        .aliases("meeting:grcm-2002-10")
        .contains(&"reunión del GRCM en octubre 2002".to_string()));
    assert!(d.has_edge(
        "meeting:grcm-2002-10",
        EdgeKind::PartOf,
        "organization:grcm"
    ));
    assert_eq!(d.date("meeting:grcm-2003-05"), Some(iso("2003-05")));
    // "la VII Reunión de la CRM (mayo 2002) en Antigua, Guatemala"; "la VI Reunión de la CRM (San José, marzo 2001)"
    assert_eq!(d.date("meeting:crm-07"), Some(iso("2002-05")));
    assert_eq!(d.date("meeting:crm-06"), Some(iso("2001-03")));
    assert_eq!(d.name("meeting:crm-07"), "VII CRM");
    // "la VIII reunión de la CRM en Cancún"
    assert_eq!(
        d.text_attr("meeting:crm-08", "city").as_deref(),
        Some("Cancún")
    );
    assert_eq!(
        d.date("meeting:conferencia-hemisferica-sobre-migracion-internacional-2002"),
        Some(iso("2002-11-20..2002-11-22"))
    );
    let red = d.date("meeting:red-trafico-2002-10").expect("dated");
    assert_eq!((red, red.precision), (iso("2002-10-28"), Precision::Day));
    assert!(d.has_edge(
        "meeting:red-trafico-2002-10",
        EdgeKind::PartOf,
        "organization:red-trafico"
    ));
    assert!(d.has_edge(
        "meeting:red-consular-2002-10",
        EdgeKind::PartOf,
        "organization:red-consular"
    ));
    let scheduled = d.date("meeting:red-consular-2003-05").expect("dated");
    assert_eq!((scheduled.start.day, scheduled.inferred), (26, true));
    assert_eq!(d.date("meeting:grcm-2002"), Some(DateValue::year(2002)));

    let held_in: BTreeSet<(String, String)> = d
        .edges(EdgeKind::HeldIn)
        .filter(|(from, _)| from.starts_with("meeting:"))
        .collect();
    let want: BTreeSet<(String, String)> = [
        ("meeting:crm-06", "country:cr"),
        ("meeting:crm-07", "country:gt"),
        ("meeting:crm-08", "country:mx"),
        ("meeting:grcm-2001-11", "country:cr"),
        ("meeting:grcm-2002-05", "country:gt"),
        ("meeting:grcm-2002", "country:gt"),
        ("meeting:grcm-2002-10", "country:gt"),
        (
            "meeting:conferencia-hemisferica-sobre-migracion-internacional-2002",
            "country:cl",
        ),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(held_in, want);
}

#[test]
fn countries_and_organizations_mentioned() {
    let d = bundled();
    let countries = d.mentioned("country:");
    // Panamá occurs only inside "Plan Puebla-Panamá".
    assert_eq!(
        countries,
        d.set(&[
            "country:ca",
            "country:cl",
            "country:cr",
            "country:gt",
            "country:mx",
            "country:ni",
            "country:sv",
            "country:us"
        ])
    );
    let orgs = d.mentioned("organization:");
    let want = d.set(&[
        "organization:bid",
        "organization:celade",
        "organization:cepal",
        "organization:confederacion-helvetica",
        "organization:consejo-de-europa",
        "organization:crm",
        "organization:grcm",
        "organization:nu",
        "organization:ocam",
        "organization:ocde",
        "organization:oim",
        "organization:pipm",
        "organization:plan-puebla-panama",
        "organization:ppt",
        "organization:red-consular",
        "organization:red-trafico",
        "organization:rrocm",
        "organization:secretaria-virtual",
        "organization:sica",
        "organization:siemca",
        "organization:siemmes",
        "organization:st",
    ]);
    assert_eq!(orgs, want);
    // The article "un" is not the acronym UN: only "agencias de NU" (III)
    // and "la Convención de NU" (IV.C) name it.
    let nu: BTreeSet<String> = d
        .edges(EdgeKind::Mentions)
        .filter(|(_, to)| to == "organization:nu")
        .map(|(f, _)| f)
        .collect();
    assert_eq!(
        nu,
        d.set(&[
            &format!("section:{DOC}/III"),
            &format!("section:{DOC}/IV.C")
        ])
    );
    // "Sistema de Información Estadística sobre las Migraciones en Centroamérica (SIEMCA)"
    let siemca = d.node_facts("organization:siemca");
    assert!(siemca.iter().any(|n| {
        n.aliases.iter().any(|a| {
            a == "Sistema de Información Estadística sobre las Migraciones en Centroamérica"
        })
    }));
    // "el Subsecretario de Población, Migración y Asuntos Religiosos, Javier Moctezuma Barragán"
    assert_eq!(
        d.text_attr("person:javier-moctezuma-barragan", "role")
            .as_deref(),
        Some("Subsecretario de Población, Migración y Asuntos Religiosos")
    );
    assert!(d.has_edge(
        "person:javier-moctezuma-barragan",
        EdgeKind::MemberOf,
        "country:mx"
    ));
}

#[test]
fn quoted_documents_and_the_unbalanced_quote() {
    let d = bundled();
    for id in [
        "document:convergencia-de-los-procesos-regionales-en-las-americas-en-materia-migratoria",
        "document:glosario-de-la-crm",
        "document:fronteras-juxtapuestas",
        "document:menores-migrantes-derechos-humanos-proteccion-y-servicios-en-los-paises-miembros-de-la-conferencia-regional-sobre-migracion",
        // V.C: “la intervención ... “Lineamientos Generales ... Recepción”. — the outer quote never closes.
        "document:lineamientos-generales-para-la-proteccion-de-los-derechos-humanos-en-situaciones-de-intercepcion-detencion-deportacion-y-recepcion",
    ] {
        assert!(d.has_node(id, Kind::Document), "{id}");
    }
    let vc = d.note("V.C");
    assert!(
        vc.uncertain
            .iter()
            .any(|l| l.starts_with("quotation not closed: “la intervención de la RROCM")),
        "{vc:?}"
    );
    // The rest of V.C is still read: the next sentence mentions the VII CRM.
    assert!(d.has_edge(
        &format!("section:{DOC}/V.C"),
        EdgeKind::Mentions,
        "meeting:crm-07"
    ));
    // Decision texts and meeting names in quotes are not documents.
    assert!(!d.ids(Kind::Document).iter().any(
        |id| id.contains("reconocer-la-cooperacion") || id.contains("conferencia-hemisferica")
    ));
}

#[test]
fn agreements_and_where_they_were_taken() {
    let d = bundled();
    let want = d.set(&[
        &a("II"),
        &a("II#2"),
        &a("III"),
        &a("IV.A"),
        &a("IV.B"),
        &a("IV.B#2"),
        &a("IV.E(1)"),
        &a("IV.E(1)#2"),
        &a("IV.E(2)"),
        &a("IV.E(2)#2"),
        &a("IV.E(3)"),
        &a("IV.E(4)"),
        &a("IV.E(5)"),
        &a("IV.E(6)"),
        &a("V.A(1)"),
        &a("V.A(2)"),
        &a("V.A(2)#2"),
        &a("V.A(3)"),
        &a("V.A(4)"),
        &a("VI.D"),
    ]);
    assert_eq!(d.ids(Kind::Agreement), want);

    let at = |kind: EdgeKind| -> BTreeSet<(String, String)> {
        d.edges(kind)
            .filter(|(f, _)| f.starts_with("agreement:"))
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> BTreeSet<(String, String)> {
        v.iter()
            .map(|(x, m)| (a(x), format!("meeting:{m}")))
            .collect()
    };
    assert_eq!(
        at(EdgeKind::AdoptedAt),
        pairs(&[
            ("II", "crm-07"),
            ("III", "crm-07"),
            ("IV.A", "crm-06"),
            ("IV.B", "crm-07"),
            ("IV.E(1)", "crm-07"),
            // "en la reunión del GRCM los países miembros acordaron": the previous GRCM.
            ("IV.E(1)#2", "grcm-2002-10"),
            ("IV.E(2)", "crm-07"),
            ("IV.E(2)#2", "grcm-2002-10"),
            ("IV.E(3)", "grcm-2002-10"),
            // "... y el GRCM posteriormente la respaldó."
            ("IV.E(4)", "grcm-2002-10"),
            ("IV.E(5)", "grcm-2002-10"),
            ("IV.E(6)", "grcm-2002-10"),
            ("V.A(1)", "grcm-2002-10"),
            ("V.A(2)", "crm-07"),
            ("V.A(2)#2", "grcm-2002-10"),
            // "Esta oferta ... que se hizo durante la reunión de octubre de esta Red ... y respaldada por el GRCM"
            ("V.A(3)", "grcm-2002-10"),
            ("V.A(4)", "red-consular-2002-10"),
            ("VI.D", "crm-07"),
        ])
    );
    // "Esta posición fue reafirmada en la VII CRM y en el GRCM de octubre 2002."
    assert_eq!(
        at(EdgeKind::ReaffirmedAt),
        pairs(&[("IV.A", "crm-07"), ("IV.A", "grcm-2002-10")])
    );
    assert_eq!(
        at(EdgeKind::RecommendedAt),
        pairs(&[
            // "el GRCM de octubre 2002 consideró y aprobó en forma de una recomendación a los Viceministros asistentes a la VIII CRM"
            ("II#2", "grcm-2002-10"),
            ("IV.B#2", "grcm-2002-10"),
            ("IV.E(4)", "red-trafico-2002-10"),
            ("IV.E(5)", "red-trafico-2002-10"),
            ("IV.E(6)", "red-trafico-2002-10"),
        ])
    );
    assert_eq!(
        d.text_attr(&a("II#2"), "to_be_considered_at").as_deref(),
        Some("meeting:crm-08")
    );
    // "Esta iniciativa fue perfeccionada posteriormente en la reunión del GRCM de octubre 2002"
    assert!(d.has_edge(&a("IV.E(2)"), EdgeKind::EvolvedInto, &a("IV.E(2)#2")));
    // "la propuesta de El Salvador"; "Proyecto propuesto por Costa Rica"; "ofrecida por Canadá y México"
    assert!(d.has_edge(&a("IV.B#2"), EdgeKind::ProposedBy, "country:sv"));
    assert!(d.has_edge(&a("IV.E(3)"), EdgeKind::ProposedBy, "country:cr"));
    assert!(d.has_edge(&a("V.A(3)"), EdgeKind::ProposedBy, "country:ca"));
    assert!(!d.has_edge(&a("IV.E(1)#2"), EdgeKind::ProposedBy, "country:ca"));
    // Decision words: the quotation, or the paragraph after "decidieron".
    assert!(d
        .text_attr(&a("VI.D"), "text")
        .is_some_and(|t| t.starts_with("Reconocer la cooperación fronteriza")
            && t.ends_with("en este contexto")));
    assert!(d
        .text_attr(&a("IV.B"), "text")
        .is_some_and(|t| t.starts_with("Reconocer la importancia de los acuerdos bilaterales")));
    assert!(d
        .text_attr(&a("III"), "text")
        .is_some_and(|t| t.starts_with("Aceptar como documento de referencia")));
    assert!(d.has_edge(
        &a("III"),
        EdgeKind::Concerns,
        "document:convergencia-de-los-procesos-regionales-en-las-americas-en-materia-migratoria"
    ));
    assert_eq!(d.name(&a("IV.E(1)")), "Capacitación coordinada");
    // "El asunto continúa pendiente."
    for s in ["IV.E(4)", "IV.E(5)", "IV.E(6)", "V.A(3)"] {
        assert_eq!(
            d.text_attr(&a(s), "status").as_deref(),
            Some("pending"),
            "{s}"
        );
    }
    for id in d.ids(Kind::Agreement) {
        assert!(
            d.has_edge(
                &format!(
                    "section:{DOC}/{}",
                    id.trim_start_matches(&format!("agreement:{DOC}/"))
                        .split('#')
                        .next()
                        .unwrap_or("")
                ),
                EdgeKind::Mentions,
                &id
            ),
            "{id} is mentioned by its section"
        );
    }
}

#[test]
fn follow_up_letters_bulletin_and_deadline() {
    let d = bundled();
    // "envió cartas de seguimiento el 21 de agosto 2002 y de nuevo el 13 de febrero 2003"
    let aug = ev("letter-2002-08-21-ppt");
    let feb = ev("letter-2003-02-13-ppt");
    assert_eq!(d.date(&aug), Some(iso("2002-08-21")));
    assert_eq!(d.text_attr(&aug, "type").as_deref(), Some("letter"));
    assert!(d.has_edge(&aug, EdgeKind::ProposedBy, "organization:ppt"));
    // One node for the letter named in II, IV.A ("una carta con fecha 21 de
    // agosto 2002") and IV.B ("La carta de seguimiento ... antes mencionada").
    let follows = |e: &str| -> BTreeSet<String> {
        d.edges(EdgeKind::FollowsUp)
            .filter(|(f, _)| f == e)
            .map(|(_, t)| t)
            .collect()
    };
    assert_eq!(follows(&aug), d.set(&[&a("II"), &a("IV.A"), &a("IV.B")]));
    // IV.E(1): "en su carta de seguimiento del 13 de febrero del presente año" — year from the report.
    assert_eq!(d.date(&feb).map(|v| v.start), Some(iso("2003-02-13").start));
    assert_eq!(
        d.date(&feb).map(|v| v.inferred),
        Some(false),
        "II states the year"
    );
    assert_eq!(
        follows(&feb),
        d.set(&[&a("II"), &a("IV.E(1)"), &a("IV.E(1)#2")])
    );
    // V.A(2): "La Secretaría Técnica solicitó dicha información en su boletín del 9 de octubre 2002"
    let bulletin = ev("bulletin-2002-10-09-st");
    assert_eq!(d.date(&bulletin), Some(iso("2002-10-09")));
    assert!(d.has_edge(&bulletin, EdgeKind::FollowsUp, &a("V.A(2)")));
    // IV.E(1): "estadísticas sobre flujos de migrantes extra-regionales al 15 de diciembre de 2002"
    let deadline = ev("deadline-2002-12-15");
    assert_eq!(d.date(&deadline), Some(iso("2002-12-15")));
    assert_eq!(d.text_attr(&deadline, "type").as_deref(), Some("deadline"));
    assert!(d.has_edge(&deadline, EdgeKind::FollowsUp, &a("IV.E(1)")));
    let deadlines: BTreeSet<String> = d
        .ids(Kind::Event)
        .into_iter()
        .filter(|e| e.contains("/deadline-"))
        .collect();
    assert_eq!(deadlines, d.set(&[&deadline]));
}

#[test]
fn other_events() {
    let d = bundled();
    // I: the handover "del Gobierno de Guatemala al Gobierno de México" at the close of the GRCM of October 2002.
    let h = ev("handover-2002-10-31");
    assert_eq!(d.text_attr(&h, "from").as_deref(), Some("country:gt"));
    assert_eq!(d.text_attr(&h, "to").as_deref(), Some("country:mx"));
    assert!(d
        .date(&h)
        .is_some_and(|v| v.inferred && v.start == iso("2002-10-31").start));
    assert!(d.has_edge(&h, EdgeKind::PartOf, "meeting:grcm-2002-10"));
    assert!(
        d.has_edge(&format!("section:{DOC}/IV.F"), EdgeKind::Mentions, &h),
        "IV.F: \"referencia al traspaso formal\""
    );
    // IV.E(2): "El taller, que se realizó el 8 y 9 de mayo" (year from the report's period).
    let w = ev("workshop-2003-05-08");
    assert!(d
        .date(&w)
        .is_some_and(|v| v.inferred && v.end == iso("2003-05-09").start));
    assert_eq!(d.text_attr(&w, "status").as_deref(), Some("done"));
    assert!(d.has_edge(&w, EdgeKind::FollowsUp, &a("IV.E(2)")));
    assert!(
        d.edges(EdgeKind::HeldIn).all(|(f, _)| f != w),
        "the workshop's place is not stated"
    );
    // IV.G: "Este taller se llevó a cabo el día antes de la reunión del GRCM de octubre 2002."
    assert_eq!(
        d.date(&ev("workshop-2002-10-28")).map(|v| v.start),
        Some(iso("2002-10-28").start)
    );
    // VI.B: "Aún está pendiente la realización de este taller en El Salvador."
    assert_eq!(
        d.text_attr(&ev("workshop-vi-b"), "status").as_deref(),
        Some("pending")
    );
    assert!(d.has_edge(&ev("workshop-vi-b"), EdgeKind::HeldIn, "country:sv"));
    // VI.C: "Se está en conversaciones con OCED para programar este evento."
    assert_eq!(
        d.text_attr(&ev("seminar-vi-c"), "status").as_deref(),
        Some("in progress")
    );
}

#[test]
fn requests_and_partial_responses() {
    let d = bundled();
    let g = Gazetteer::bundled().expect("gazetteer");
    let members: BTreeSet<String> = g
        .crm_members_on(acta::model::Ymd::new(2002, 10, 29))
        .into_iter()
        .collect();
    assert_eq!(members.len(), 11);
    let r = |id: &str| {
        d.bundle
            .requests
            .iter()
            .find(|r| r.id == format!("request:{DOC}/{id}"))
            .unwrap_or_else(|| panic!("request {id}"))
    };

    // IV.E(1): statistics by 15 December 2002, "con una excepción, hasta el
    // momento queda pendiente la recepción de respuesta por parte de los países miembros".
    let stats = r("IV.E(1)#1");
    assert_eq!(stats.agreement, a("IV.E(1)"));
    assert!(d.has_edge(&stats.agreement, EdgeKind::AdoptedAt, "meeting:crm-07"));
    assert!(stats
        .subject
        .contains("estadísticas sobre flujos de migrantes extra-regionales"));
    assert_eq!(
        stats
            .requested_from
            .iter()
            .map(ToString::to_string)
            .collect::<BTreeSet<_>>(),
        members
    );
    assert_eq!(stats.deadline, Some(iso("2002-12-15")));
    assert_eq!(stats.requested_on, Some(iso("2002-10-29..2002-10-31")));
    assert!(stats.responded_named.is_empty());
    assert_eq!(stats.responded_unnamed, UnnamedCount { min: 1, max: 1 });
    assert_eq!(stats.status, Status::Pending);
    assert!(d.sentence(&stats.prov).contains("con una excepción"));
    // The list of training proposals "para esa misma fecha".
    let training = r("IV.E(1)#2");
    assert!(training
        .subject
        .contains("una lista de las propuestas de capacitación"));
    assert_eq!(
        (training.deadline, training.responded_unnamed),
        (Some(iso("2002-12-15")), UnnamedCount { min: 1, max: 1 })
    );

    let summary: BTreeSet<(String, String, usize, u32, u32)> = d
        .bundle
        .requests
        .iter()
        .map(|r| {
            (
                r.id.trim_start_matches(&format!("request:{DOC}/"))
                    .to_string(),
                r.agreement
                    .trim_start_matches(&format!("agreement:{DOC}/"))
                    .to_string(),
                r.requested_from.len(),
                r.responded_unnamed.min,
                r.responded_unnamed.max,
            )
        })
        .collect();
    let want: BTreeSet<(String, String, usize, u32, u32)> = [
        // "aún no se han recibido las contribuciones de más de la mitad de los países miembros"
        ("II#1", "II", 11, 0, 5),
        // "No se recibió comunicación alguna."
        ("IV.A#1", "IV.A", 11, 0, 0),
        // "instó a los países miembros a seguir considerando ...": "no se
        // había informado de ningún progreso" (issue 14).
        ("IV.B#1", "IV.B", 11, 0, 0),
        ("IV.E(1)#1", "IV.E(1)", 11, 1, 1),
        ("IV.E(1)#2", "IV.E(1)", 11, 1, 1),
        // Comments to Costa Rica: asked of the other ten members.
        ("IV.E(3)#1", "IV.E(3)", 10, 1, 1),
        // "sólo se ha recibido respuesta de dos países miembros"
        ("V.A(2)#1", "V.A(2)", 11, 2, 2),
        // "a la fecha no se ha recibido ninguna respuesta"
        ("V.A(3)#1", "V.A(3)", 11, 0, 0),
    ]
    .into_iter()
    .map(|(a, b, c, d, e)| (a.to_string(), b.to_string(), c, d, e))
    .collect();
    assert_eq!(summary, want);
    assert!(!r("IV.E(3)#1").requested_from.contains(&"country:cr".into()));
    assert_eq!(r("V.A(2)#1").requested_on, Some(iso("2002-10-09")));
    assert!(d
        .bundle
        .requests
        .iter()
        .all(|r| r.responded_named.is_empty() && r.status == Status::Pending));
    // Edges agreement → each country asked, with the request id.
    let asked: BTreeSet<String> = d
        .bundle
        .edges
        .iter()
        .filter(|e| {
            e.kind == EdgeKind::RequestsResponseFrom
                && e.attrs
                    .iter()
                    .any(|at| at.value == Value::Text(stats.id.to_string()))
        })
        .map(|e| e.to.to_string())
        .collect();
    assert_eq!(asked, members);
}

#[test]
fn headline_question_is_answerable() {
    // Which agreements from VII CRM still await responses from which countries?
    let d = bundled();
    let g = Gazetteer::bundled().expect("gazetteer");
    let kg = acta::view::build(&g, std::slice::from_ref(&d.bundle), ViewOptions::default());
    assert!(acta::view::check(&g, std::slice::from_ref(&d.bundle)).is_empty());
    let vii = kg.node("meeting:crm-07").expect("VII CRM");
    let from_vii: BTreeSet<String> = kg
        .neighbours(vii, None, petgraph::Direction::Incoming)
        .filter(|(_, _, e)| matches!(e.kind, EdgeKind::AdoptedAt | EdgeKind::ReaffirmedAt))
        .map(|(n, _, _)| kg.data(n).id.to_string())
        .collect();
    let awaiting: BTreeSet<String> = from_vii
        .iter()
        .filter(|id| {
            kg.node(id).is_some_and(|n| {
                kg.neighbours(n, Some(EdgeKind::Awaits), petgraph::Direction::Outgoing)
                    .next()
                    .is_some()
            })
        })
        .cloned()
        .collect();
    assert_eq!(
        awaiting,
        d.set(&[
            &a("II"),
            &a("IV.A"),
            &a("IV.B"),
            &a("IV.E(1)"),
            &a("V.A(2)")
        ])
    );
    let ive1 = kg.node(&a("IV.E(1)")).expect("IV.E(1)");
    let awaited: BTreeSet<String> = kg
        .neighbours(ive1, Some(EdgeKind::Awaits), petgraph::Direction::Outgoing)
        .map(|(n, _, _)| kg.data(n).id.to_string())
        .collect();
    assert_eq!(
        awaited.len(),
        11,
        "one unnamed member answered: none can be ruled out"
    );
}

#[test]
fn provenance_points_at_sentences() {
    let d = bundled();
    let text = &d.bundle.doc.text;
    let check = |p: &Provenance, what: &str| {
        let Provenance::Extracted { doc, section, span } = p else {
            panic!("{what}: not extracted")
        };
        assert_eq!(doc, DOC);
        assert!(
            span.start < span.end && span.end <= text.len(),
            "{what}: {span:?}"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        if !section.is_empty() {
            let s = d
                .bundle
                .sections
                .iter()
                .find(|s| &s.id == section)
                .unwrap_or_else(|| panic!("{what}: section {section}"));
            assert!(
                s.span.start <= span.start && span.end <= s.span.end,
                "{what}: outside §{section}"
            );
        }
    };
    for n in &d.bundle.nodes {
        check(&n.prov, &n.id);
        for at in &n.attrs {
            check(&at.prov, &format!("{} {}", n.id, at.key));
        }
    }
    for e in &d.bundle.edges {
        check(&e.prov, &format!("{} {} {}", e.from, e.kind, e.to));
    }
    for r in &d.bundle.requests {
        check(&r.prov, &r.id);
    }
    // The VII CRM adoption of IV.E(1) cites its sentence.
    let e = d
        .bundle
        .edges
        .iter()
        .find(|e| e.from == a("IV.E(1)") && e.kind == EdgeKind::AdoptedAt)
        .expect("edge");
    assert!(d
        .sentence(&e.prov)
        .starts_with("Durante la VII CRM, los Viceministros aprobaron"));
}

#[test]
fn notes_say_what_was_found_and_what_was_uncertain() {
    let d = bundled();
    assert_eq!(d.report.sections.len(), d.bundle.sections.len());
    let e1 = d.note("IV.E(1)");
    assert!(
        e1.extracted
            .contains(&"meeting: VII CRM (meeting:crm-07)".to_string()),
        "{e1:?}"
    );
    assert!(e1.extracted.iter().any(|l| l.contains("request")
        && l.contains("to 11 members")
        && l.contains("1 unnamed responded")));
    assert!(e1
        .uncertain
        .iter()
        .any(|l| l.contains("previous meeting (GRCM octubre 2002)")));
    assert!(e1
        .uncertain
        .iter()
        .any(|l| l.contains("13 de febrero del presente año") && l.contains("year inferred")));
    assert!(d
        .note("II")
        .uncertain
        .iter()
        .any(|l| l.contains("la actual reunión del GRCM") && l.contains("GRCM mayo 2003")));
}
