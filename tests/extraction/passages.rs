//! The rules generalize: short passages in other words (other verbs, word
//! order, date formats, named respondents) and a whole report in the genre
//! that the rules were not written from.

use super::common::Doc;
use acta::model::{DateValue, EdgeKind, Kind, Precision, Status, UnnamedCount, Ymd};

fn iso(s: &str) -> DateValue {
    DateValue::parse_iso(s).expect("valid date")
}

#[test]
fn other_verbs_numeric_dates_and_named_respondents() {
    let d = Doc::text(
        "informe-st-2004.txt",
        "I.\nAntecedentes\nEl presente informe de la Secretaría Técnica cubre el período enero – marzo 2004.\n\
         II.\nEstadísticas migratorias\n\
         Los Viceministros, reunidos en la IX Reunión de la CRM celebrada en Panamá el 3 de marzo de 2004, \
         resolvieron establecer un registro regional de flujos migratorios. \
         Se solicitó a los países miembros enviar sus estadísticas antes del 15/12/2004. \
         Hasta la fecha, solo Honduras y Panamá han enviado sus estadísticas.\n",
    );
    d.assert_consistent();
    assert_eq!(d.bundle.doc.date, Some(iso("2004-03")));
    assert_eq!(
        d.bundle.doc.title,
        "Informe de la Secretaría Técnica, enero – marzo 2004"
    );
    let a = "agreement:informe-st-2004/II";
    assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-09"));
    assert_eq!(d.date("meeting:crm-09"), Some(iso("2004-03-03")));
    assert!(d.has_edge("meeting:crm-09", EdgeKind::HeldIn, "country:pa"));
    let [r] = d.bundle.requests.as_slice() else {
        panic!("one request: {:?}", d.bundle.requests)
    };
    assert_eq!(r.agreement, a);
    assert_eq!(r.deadline, Some(iso("2004-12-15")));
    assert_eq!(r.requested_from.len(), 11);
    assert_eq!(r.responded_named, ["country:hn", "country:pa"]);
    assert_eq!(r.responded_unnamed, UnnamedCount { min: 0, max: 0 });
    assert_eq!(r.status, Status::Pending);
    assert!(d.has_edge("country:hn", EdgeKind::Responded, a));
    assert!(d.has_edge(
        "event:informe-st-2004/deadline-2004-12-15",
        EdgeKind::FollowsUp,
        a
    ));
}

#[test]
fn recommendation_then_approval_in_passive_voice() {
    let d = Doc::text(
        "acta-grcm.txt",
        "III.\nCooperación consular\n\
         A. Protocolo de repatriación:\n\
         El GRCM, reunido en Tegucigalpa en noviembre de 2003, recomendó a los Viceministros adoptar el \
         “Protocolo Regional de Repatriación Digna”. La propuesta fue presentada por Nicaragua. \
         Fue aprobado por los Viceministros en la Octava Reunión de la Conferencia Regional sobre Migración.\n",
    );
    d.assert_consistent();
    let a = "agreement:acta-grcm/III.A";
    assert_eq!(d.ids(Kind::Agreement), d.set(&[a]));
    assert!(d.has_edge(a, EdgeKind::RecommendedAt, "meeting:grcm-2003-11"));
    assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-08"));
    assert!(d.has_edge(a, EdgeKind::ProposedBy, "country:ni"));
    assert!(d.has_edge(
        a,
        EdgeKind::Concerns,
        "document:protocolo-regional-de-repatriacion-digna"
    ));
    assert!(d.has_edge("meeting:grcm-2003-11", EdgeKind::HeldIn, "country:hn"));
    assert_eq!(d.date("meeting:grcm-2003-11"), Some(iso("2003-11")));
    assert_eq!(d.name(a), "Protocolo de repatriación");
}

#[test]
fn a_letter_an_exception_named_and_a_meeting_missing_from_the_calendar() {
    let d = Doc::text(
        "seguimiento-2005.txt",
        "IV.\nSeguimiento\n\
         B. Manual de procedimientos:\n\
         Durante la X CRM los Viceministros acordaron elaborar un manual regional de procedimientos consulares. \
         Mediante nota diplomática del 12/01/2005, la Presidencia Pro-Témpore pidió a los países miembros sus \
         observaciones a más tardar el 28 de febrero de 2005. Con excepción de Belice, ningún país ha respondido. \
         El tema sigue pendiente.\n",
    );
    d.assert_consistent();
    let a = "agreement:seguimiento-2005/IV.B";
    // The X meeting is not in the gazetteer's calendar: the report's own reference makes the node.
    assert!(d.has_node("meeting:crm-10", Kind::Meeting));
    assert_eq!(d.name("meeting:crm-10"), "X CRM");
    assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-10"));
    assert_eq!(d.text_attr(a, "status").as_deref(), Some("pending"));
    let note = "event:seguimiento-2005/note-2005-01-12-ppt";
    assert_eq!(d.date(note), Some(iso("2005-01-12")));
    assert!(d.has_edge(note, EdgeKind::FollowsUp, a));
    let [r] = d.bundle.requests.as_slice() else {
        panic!("one request")
    };
    assert_eq!(
        (r.requested_on, r.deadline),
        (Some(iso("2005-01-12")), Some(iso("2005-02-28")))
    );
    assert_eq!(r.responded_named, ["country:bz"]);
    assert_eq!(r.responded_unnamed, UnnamedCount { min: 0, max: 0 });
}

#[test]
fn word_order_and_undated_meetings() {
    // The venue after the verb; a bare "el GRCM" is the group's previous meeting.
    let d = Doc::text(
        "nota-2003.txt",
        "I.\nIntroducción\nEste informe abarca el período junio – noviembre 2003.\n\
         II.\nRetorno\nLos países miembros acordaron, en el GRCM de junio de 2003, enviar sus listas de contactos. \
         El GRCM posteriormente lo reafirmó. Todos los países miembros han respondido.\n\
         III.\nVisas\nSe aprobó en la reunión del GRCM de octubre 2003 un formato común de visa; \
         la Presidencia Pro-Témpore lo distribuirá en esta reunión.\n",
    );
    d.assert_consistent();
    assert!(d.has_edge(
        "agreement:nota-2003/II",
        EdgeKind::AdoptedAt,
        "meeting:grcm-2003-06"
    ));
    assert!(d.has_edge(
        "agreement:nota-2003/II",
        EdgeKind::ReaffirmedAt,
        "meeting:grcm-2003-10"
    ));
    assert!(d.has_edge(
        "agreement:nota-2003/III",
        EdgeKind::AdoptedAt,
        "meeting:grcm-2003-10"
    ));
    // "esta reunión" is the GRCM in the month of the report's date.
    assert!(d.has_edge(
        "section:nota-2003/III",
        EdgeKind::Mentions,
        "meeting:grcm-2003-11"
    ));
    let [r] = d.bundle.requests.as_slice() else {
        panic!("one request")
    };
    assert_eq!((r.status, r.responded_named.len()), (Status::Done, 11));
}

const UNSEEN: &str = "INFORME DE LA PRESIDENCIA PRO TÉMPORE DE PANAMÁ
I.
Introducción
La Presidencia Pro Tempore presenta este informe de actividades correspondiente al período junio 2003 – abril 2004, \
para su consideración en la reunión del Grupo Regional de Consulta sobre Migración de abril 2004.
II.
Seguimiento a la VIII Reunión de la CRM
A.  Red de Funcionarios de Enlace de Protección Consular:
Los Viceministros reunidos en Cancún, México, en la VIII CRM, decidieron fortalecer la Red de Funcionarios \
de Enlace de Protección Consular. La Red sostuvo su reunión del 10 de noviembre de 2003 en Managua, Nicaragua. \
La Presidencia envió el oficio del 2 de diciembre de 2003 a los países miembros solicitando los nombres de sus \
enlaces; a la fecha, siete países han respondido.
B.  Taller sobre trata de personas:
El taller se realizó del 3 al 5 de marzo de 2004 en San Salvador, con el apoyo de la OIM y del ACNUR.
C.  Comisión Centroamericana de Directores de Migración (OCAM):
La OCAM informó sobre sus actividades. No hubo acuerdos.
";

#[test]
fn a_report_nobody_has_seen() {
    let d = Doc::text("informe-ppt-panama-2004.txt", UNSEEN);
    d.assert_consistent();
    assert_eq!(d.bundle.doc.date, Some(iso("2004-04")));
    assert!(
        d.bundle.doc.title.starts_with("Informe de actividades")
            || d.bundle.doc.title.starts_with("INFORME"),
        "{}",
        d.bundle.doc.title
    );
    let meetings = d.ids(Kind::Meeting);
    for m in [
        "meeting:crm-08",
        "meeting:grcm-2004-04",
        "meeting:red-consular-2003-11",
    ] {
        assert!(meetings.contains(m), "{m} in {meetings:?}");
    }
    assert_eq!(
        d.date("meeting:red-consular-2003-11"),
        Some(iso("2003-11-10"))
    );
    assert!(d.has_edge(
        "meeting:red-consular-2003-11",
        EdgeKind::HeldIn,
        "country:ni"
    ));
    let countries = d.mentioned("country:");
    for c in ["country:pa", "country:mx", "country:ni"] {
        assert!(countries.contains(c), "{c} in {countries:?}");
    }
    assert!(d.mentioned("organization:").contains("organization:acnur"));
    let a = "agreement:informe-ppt-panama-2004/II.A";
    assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-08"));
    let [r] = d.bundle.requests.as_slice() else {
        panic!("one request: {:?}", d.bundle.requests)
    };
    assert_eq!(
        (r.requested_from.len(), r.responded_unnamed),
        (11, UnnamedCount { min: 7, max: 7 })
    );
    assert_eq!(r.requested_on, Some(iso("2003-12-02")));
    let w = "event:informe-ppt-panama-2004/workshop-2004-03-03";
    let date = d.date(w).expect("workshop date");
    assert_eq!(
        (date.start, date.end, date.precision),
        (Ymd::new(2004, 3, 3), Ymd::new(2004, 3, 5), Precision::Range)
    );
    assert!(d.has_edge(w, EdgeKind::HeldIn, "country:sv"));
    assert_eq!(d.text_attr(w, "status").as_deref(), Some("done"));
    assert!(d.ids(Kind::Agreement).iter().all(|id| !id.contains("II.C")));
}

/// A meeting outside any numbered series (an extraordinary meeting, a
/// forum) is the document's own meeting when its opening names it with
/// the city: its decisions are adopted there. With an ordinal before the
/// word ("Segunda Reunión Preparatoria"), the meeting is a numbered one
/// that only its series can key, and none is made up.
#[test]
fn a_meeting_outside_a_series_is_the_documents_own() {
    let d = Doc::text(
        "nota-cancilleres.txt",
        "Los cancilleres de la región cerraron ayer una reunión extraordinaria en Tegucigalpa, Honduras, \
         dedicada a la migración irregular.\n\
         Los países acordaron crear un fondo regional para atender a los migrantes retornados.\n",
    );
    d.assert_consistent();
    let m = "meeting:reunion-extraordinaria-tegucigalpa";
    assert!(d.has_node(m, Kind::Meeting), "{:?}", d.ids(Kind::Meeting));
    assert_eq!(d.text_attr(m, "city").as_deref(), Some("Tegucigalpa"));
    let adopted: Vec<(String, String)> = d.edges(EdgeKind::AdoptedAt).collect();
    assert!(!adopted.is_empty());
    assert!(adopted.iter().all(|(_, to)| to == m), "{adopted:?}");

    let d = Doc::text(
        "nota-preparatoria.txt",
        "Los delegados cerraron ayer la Segunda Reunión Preparatoria en Tegucigalpa, Honduras.\n",
    );
    assert!(
        d.ids(Kind::Meeting).is_empty(),
        "{:?}",
        d.ids(Kind::Meeting)
    );
}

/// A page that lists a process's meetings: each a heading line, its days
/// and place on field lines under it (or the place alone on its line); and
/// one announced in prose ("will take place in … on …"). The sub-meetings
/// the series numbers on its own (`[[sub_meetings]]`) are read from an
/// ordinal and their words alone, digits included.
#[test]
fn a_list_of_meetings_with_field_lines_under_each() {
    let d = Doc::text(
        "budapest-som-list.txt",
        "Meetings of the Budapest Group\n\n\
         The officials of the Budapest Process meet each year.\n\n\
         The 14th Senior Officials Meeting will take place in Belgrade, Serbia, on 3-4 March 2008.\n\n\
         13th Senior Officials Meeting\n\nDate: 8-9 May 2007\n\nLocation: Tbilisi, Georgia\n\nen ru\n\n\
         12th Senior Officials Meeting\n\nDate: 20 June 2006\n\nSofia, Bulgaria\n\nen\n\n\
         11th Meeting of the Budapest Group of Senior Officials\n\nDate: 4–5 May 2005\n\n\
         Location: Ohrid, North Macedonia\n",
    );
    d.assert_consistent();
    let want = [
        (
            "meeting:budapest-som-14",
            "Belgrade",
            "2008-03-03..2008-03-04",
        ),
        (
            "meeting:budapest-som-13",
            "Tbilisi",
            "2007-05-08..2007-05-09",
        ),
        ("meeting:budapest-som-12", "Sofia", "2006-06-20"),
        // The senior officials meet as the Budapest Group.
        ("meeting:budapest-som-11", "Ohrid", "2005-05-04..2005-05-05"),
    ];
    for (id, city, days) in want {
        assert_eq!(d.text_attr(id, "city").as_deref(), Some(city), "{id}");
        assert_eq!(d.date(id), Some(iso(days)), "{id}");
    }
}

/// The own meeting of a body that no series names, numbered by an ordinal
/// in the sentence that says where and when it was held, is that meeting
/// under its ordinal and its body's name; a series' sub-meeting that the
/// co-chairs "hosted" is held on the days and in the city of that sentence;
/// in a series keyed by month, such a meeting is the series' of its month.
#[test]
fn a_numbered_meeting_of_a_body_outside_any_series() {
    let d = Doc::text(
        "mecanismo.txt",
        "III Reunión de la Comisión Binacional Chile-Perú\n\nCOMUNICADO CONJUNTO\n\n\
         El día 4 de junio de 2015, en la ciudad de Lima, los Viceministros de ambos países \
         celebraron la III Reunión de la Comisión Binacional Chile-Perú.\n\n\
         Los Viceministros acordaron:\n\n\
         1. Reunirse de nuevo en Santiago en el año 2016.\n",
    );
    d.assert_consistent();
    let meetings = d.ids(Kind::Meeting);
    let own = meetings
        .iter()
        .find(|id| d.name(id) == "III Reunión de la Comisión Binacional Chile-Perú");
    let Some(id) = own else {
        panic!("no meeting named by its ordinal and body among {meetings:?}");
    };
    assert_eq!(d.text_attr(id, "city").as_deref(), Some("Lima"));
    assert_eq!(d.date(id), Some(iso("2015-06-04")));

    let d = Doc::text(
        "bali-ahg.txt",
        "On 2 May 2019, the Co-Chairs of the Bali Process hosted the Fourteenth Meeting of the \
         Ad Hoc Group Senior Officials (AHG SOM) in Bangkok, Thailand.\n\n\
         The meeting looked back on the work done since the 13th AHG Senior Officials' Meeting.\n",
    );
    d.assert_consistent();
    let id = "meeting:bali-ahg-som-14";
    assert_eq!(d.text_attr(id, "city").as_deref(), Some("Bangkok"));
    assert_eq!(d.date(id), Some(iso("2019-05-02")));

    // In a series keyed by month, a numbered meeting of one of its bodies
    // is the series' meeting of that month, with the place written after
    // the day as a date line writes it.
    let d = Doc::text(
        "bali-mechanism.txt",
        "Statement of the Co-Chairs on the second meeting of the Bali Process Consultation          Mechanism held on 5 March 2020, Bangkok, Thailand

         The Co-Chairs met the members most concerned to talk about the movements of people          at sea in the region.
",
    );
    d.assert_consistent();
    let id = "meeting:bali-2020-03";
    assert_eq!(d.text_attr(id, "city").as_deref(), Some("Bangkok"));
    assert_eq!(d.date(id), Some(iso("2020-03-05")));
}

/// Those who "participaron en" a numbered meeting on stated days say it
/// was held; a meeting named after its host in an apposition ("– Capítulo
/// de Lima –") says where. The items agreed there are adopted at it.
#[test]
fn a_meeting_its_participants_name_after_its_host() {
    let d = Doc::text(
        "declaracion.txt",
        "Las delegaciones de Colombia, del Ecuador y del Perú, que participaron en la \
         VI Reunión – Capítulo de Lima – del Proceso de Quito los días 3 y 4 de abril de 2019, \
         con el fin de revisar lo hecho desde el capítulo anterior,\n\n\
         ACUERDAN:\n\n\
         1. Mantener el intercambio de datos sobre la movilidad en la región.\n\n\
         2. Pedir a los organismos que acompañan el Proceso un informe para la próxima reunión.\n",
    );
    d.assert_consistent();
    let own = d
        .ids(Kind::Meeting)
        .into_iter()
        .find(|id| d.text_attr(id, "city").as_deref() == Some("Lima"))
        .expect("a meeting held in Lima");
    let date = d.date(&own).expect("its days");
    assert_eq!(
        (date.start, date.end),
        (iso("2019-04-03").start, iso("2019-04-04").end)
    );
    let adopted: Vec<(String, String)> = d.edges(EdgeKind::AdoptedAt).collect();
    assert_eq!(adopted.len(), 2, "{adopted:?}");
    assert!(adopted.iter().all(|(_, m)| *m == own), "{adopted:?}");
}

/// English puts the series' name before its meeting words ("the 4th
/// Rabat Process Ministerial Conference"); a meeting announced "to take
/// place" on its days in a city gets them.
#[test]
fn a_coming_meeting_named_with_the_series_first() {
    let d = Doc::text(
        "news.txt",
        "Senior officials of the Rabat Process met in Lisbon on 3 May 2021 and prepared \
         the 4th Rabat Process Ministerial Conference, to take place on 9 and 10 November \
         2021 in Rome, Italy.\n",
    );
    d.assert_consistent();
    let coming = d
        .ids(Kind::Meeting)
        .into_iter()
        .find(|id| d.text_attr(id, "city").as_deref() == Some("Rome"))
        .expect("a meeting to be held in Rome");
    let date = d.date(&coming).expect("its days");
    assert_eq!(
        (date.start, date.end),
        (iso("2021-11-09").start, iso("2021-11-10").end)
    );
}

/// A meeting named by who met ("the meeting between the consuls of the
/// RCM member countries and ..."), held in a city on a day, is a meeting
/// of its own: the series named after "between" says who met.
#[test]
fn a_meeting_between_parties_named_with_a_series() {
    let d = Doc::text(
        "conclusions.txt",
        "CONCLUSIONS\n\n\
         1. Take note of the report on the meeting between the Consuls of the RCM Member \
         Countries and the Consuls of the countries of transit, held in Ottawa, Canada, on \
         October 14, 2015.\n",
    );
    d.assert_consistent();
    let met = d
        .ids(Kind::Meeting)
        .into_iter()
        .find(|id| d.text_attr(id, "city").as_deref() == Some("Ottawa"))
        .expect("a meeting held in Ottawa");
    assert_eq!(d.date(&met).map(|v| v.start), Some(iso("2015-10-14").start));
}

/// A gathering word with a known city right after "de" ("la reunión de
/// Tegucigalpa") names where the document's own meeting is held; a
/// country there names who met.
#[test]
fn a_meeting_named_by_its_city() {
    let d = Doc::text(
        "nota.txt",
        "Honduras cierra hoy la reunión de Tegucigalpa\n\n\
         El gobierno hondureño coordina la reunión de Tegucigalpa con las delegaciones de los \
         países miembros de la Conferencia Regional sobre Migración.\n",
    );
    d.assert_consistent();
    let meetings = d.ids(Kind::Meeting);
    assert!(
        meetings
            .iter()
            .any(|id| d.text_attr(id, "city").as_deref() == Some("Tegucigalpa")),
        "no meeting held in Tegucigalpa among {meetings:?}"
    );

    let d = Doc::text(
        "nota.txt",
        "Concluye la reunión de Guatemala y El Salvador\n\n\
         Los dos gobiernos cerraron la reunión de Guatemala y El Salvador sobre sus fronteras.\n",
    );
    d.assert_consistent();
    let meetings = d.ids(Kind::Meeting);
    assert!(
        !meetings
            .iter()
            .any(|id| d.text_attr(id, "city").as_deref() == Some("Guatemala")),
        "a country taken for the city of a meeting: {meetings:?}"
    );
}

#[test]
fn an_english_report_follows_its_requests_up() {
    // The English words of asking and answering are profile data
    // (`[follow_up]`, `[status]` in data/profiles/en.toml).
    let d = Doc::text(
        "ts-report-2004.txt",
        "I.\nBackground\nThis report of the Technical Secretariat covers the period January – March 2004.\n\
         II.\nReturn protocol\n\
         At the IX RCM the Vice-Ministers approved the draft protocol on the return of migrants. \
         The member countries were asked to send their comments on the draft by June 30, 2004. \
         No reply has been received so far.\n\
         III.\nMigration statistics\n\
         The member countries were requested to send their statistics no later than December 15, 2004. \
         So far, only Honduras and Panama have sent their statistics.\n\
         IV.\nLiaison officers\n\
         The member countries were requested to name their liaison officers. \
         Three member countries have responded.\n",
    );
    d.assert_consistent();
    let [comments, statistics, officers] = d.bundle.requests.as_slice() else {
        panic!("three requests: {:?}", d.bundle.requests)
    };
    assert_eq!(
        comments.subject,
        "were asked to send their comments on the draft"
    );
    assert_eq!(comments.deadline, Some(iso("2004-06-30")));
    assert_eq!(comments.requested_from.len(), 11);
    assert!(comments.responded_named.is_empty());
    assert_eq!(comments.responded_unnamed, UnnamedCount { min: 0, max: 0 });
    assert_eq!(comments.status, Status::Pending);
    assert!(d.has_edge(&comments.agreement, EdgeKind::AdoptedAt, "meeting:crm-09"));

    assert_eq!(
        statistics.subject,
        "were requested to send their statistics"
    );
    assert_eq!(statistics.deadline, Some(iso("2004-12-15")));
    assert_eq!(statistics.responded_named, ["country:hn", "country:pa"]);
    assert_eq!(statistics.status, Status::Pending);

    assert_eq!(officers.deadline, None);
    assert!(officers.responded_named.is_empty());
    assert_eq!(officers.responded_unnamed, UnnamedCount { min: 3, max: 3 });
}

#[test]
fn a_letter_asks_whom_its_heading_addresses_and_decides_nothing() {
    // A UN letter that encloses a joint communiqué: the writer's "I have
    // the honour to request" asks the Secretary-General (the heading's
    // addressee); the communiqué's meeting did not make that request.
    let d = Doc::text(
        "letter.txt",
        "2 April 1997\n\n\
         Letter dated 1 April 1997 from the Permanent Representative of\n\
         Panama to the United Nations addressed to the Secretary-General\n\n\
         I have the honour to request that the enclosed joint communiqué be \
         circulated as a document of the General Assembly.\n\n\
         (Signed) Ana PÉREZ\n\n\
         Joint Communiqué\n\n\
         The Second Regional Conference on Migration was held in Panama City \
         on 13 and 14 March 1997. The Vice-Ministers agreed to meet again in 1998. \
         We request that the enclosed plan be studied by every member country.\n",
    );
    d.assert_consistent();
    let [letter] = d.bundle.requests.as_slice() else {
        panic!("one request: {:?}", d.bundle.requests)
    };
    assert_eq!(letter.addressed_to, "Secretary-General");
    assert!(letter
        .subject
        .starts_with("request that the enclosed joint communiqué"));
    assert!(letter.requested_from.is_empty());
    assert!(
        !d.bundle
            .edges
            .iter()
            .any(|e| e.from == letter.agreement && e.kind == EdgeKind::AdoptedAt),
        "the letter's request is no decision of a meeting"
    );
    // Without the letter's heading, the same words ask nobody known.
    let d = Doc::text(
        "note.txt",
        "Note\n\nI have the honour to request that the enclosed text be circulated.\n(Signed) X\n",
    );
    assert!(d.bundle.requests.is_empty(), "{:?}", d.bundle.requests);
}
