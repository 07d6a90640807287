//! Layouts of the genre the reading rules were not written from, in the
//! team's words: recommendations that name who is tasked, a communiqué
//! whose decisions are bullets after its cue, a declaration whose verb
//! stands alone as its heading ("RESOLVE:"), a title block of a body over
//! its kind of meeting, items marked by ordinal words (`PRIMERO.-`,
//! `FIRST.`) and a closing line dated in words.

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

#[test]
fn a_declaration_with_ordinal_words_for_items_and_a_closing_line_in_words() {
    // "PRIMERO.- Reafirmar …" after "DECLARAN:" are items (the first opens
    // with an operative verb); "Dada en …, a los veinticuatro días del mes
    // de marzo del año dos mil." dates the declaration.
    let d = Doc::text(
        "crm-05-declaracion.txt",
        "DECLARACIÓN DE LA V CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n\n\
         Los Viceministros de los países miembros de la Conferencia Regional sobre Migración, \
         reunidos en la ciudad de Washington, D.C.,\n\nDECLARAN:\n\n\
         PRIMERO.- Reafirmar el compromiso de los Gobiernos con el Plan de Acción de la Conferencia.\n\n\
         SEGUNDO.- Encomendar a la Secretaría Técnica la preparación de un informe sobre los \
         flujos migratorios extrarregionales.\n\n\
         TERCERO.- Aceptar el ofrecimiento del Gobierno de El Salvador para ser sede de la \
         próxima reunión.\n\n\
         Dada en la ciudad de Washington, D.C., a los veinticuatro días del mes de marzo del año \
         dos mil.\n",
    );
    d.assert_consistent();
    let agreements = d.ids(Kind::Agreement);
    assert_eq!(agreements.len(), 3, "{agreements:?}");
    for a in &agreements {
        assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-05"), "{a}");
        assert!(
            !d.name(a).to_uppercase().contains("PRIMERO"),
            "{}",
            d.name(a)
        );
    }
    assert_eq!(d.bundle.requests.len(), 1);
    assert!(d.bundle.requests[0]
        .subject
        .starts_with("Encomendar a la Secretaría Técnica"));
    assert_eq!(
        d.bundle.doc.date.map(|v| v.to_string()).as_deref(),
        Some("2000-03-24")
    );
}

#[test]
fn an_english_declaration_with_ordinal_words_and_a_day_in_words() {
    // "FIRST." in capitals is an item's marker; "First, the …" in running
    // text is not. "on the twenty-seventh day of June, two thousand and
    // five" dates the text.
    let d = Doc::text(
        "crm-10-statement.txt",
        "JOINT STATEMENT OF THE TENTH MEETING OF THE REGIONAL CONFERENCE ON MIGRATION\n\n\
         First, the Vice-Ministers of the member countries, meeting in Tegucigalpa, Honduras, \
         heard the report of the Presidency Pro Tempore.\n\nAGREED:\n\n\
         FIRST. To endorse the report of the Regional Consultation Group on Migration.\n\n\
         SECOND. To instruct the Technical Secretariat to circulate the report to the member \
         countries.\n\n\
         Done in Tegucigalpa, Honduras, on the twenty-seventh day of June, two thousand and five.\n",
    );
    d.assert_consistent();
    let agreements = d.ids(Kind::Agreement);
    assert_eq!(agreements.len(), 2, "{agreements:?}");
    for a in &agreements {
        assert!(d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-10"), "{a}");
        let name = d.name(a);
        assert!(name.contains(". To ") && !name.contains("FIRST"), "{name}");
    }
    assert_eq!(
        d.bundle.doc.date.map(|v| v.to_string()).as_deref(),
        Some("2005-06-27")
    );
}

#[test]
fn conclusions_that_ask_in_the_passive_and_set_a_deadline() {
    // "X was requested to ..." asks X, not whoever is named after the
    // verb; the day an item sets as its deadline is the request's.
    let d = Doc::text(
        "rcgm-passive.txt",
        "MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)\n\
         San Salvador, El Salvador, December 2-3, 2003\n\n\
         CONCLUSIONS\n\n\
         1. The Technical Secretariat was requested to prepare a report on the contributions of the member countries.\n\
         2. The member countries were asked to send their comments to the Technical Secretariat before January 15, 2004.\n\
         3. To approve the agenda of the meeting.\n",
    );
    d.assert_consistent();
    let asked: Vec<(&str, Option<String>)> = d
        .bundle
        .requests
        .iter()
        .map(|r| {
            (
                r.addressed_to.as_str(),
                r.deadline.map(|v| v.start.to_string()),
            )
        })
        .collect();
    assert_eq!(
        asked,
        [
            ("st", None),
            ("member countries", Some("2004-01-15".to_string()))
        ]
    );
}

#[test]
fn a_meeting_that_voted_an_amendment() {
    // "votó una adenda": the meeting voted it in, a decision of the
    // meeting; "el derecho al voto" is a right, not an act.
    let d = Doc::text(
        "csm-voto.txt",
        "Lima, Perú, 11 de diciembre de 2023.– Los días 5 y 6 de diciembre se celebró en Lima la XXI Conferencia Suramericana sobre Migraciones (CSM).\n\n\
         Este año, la XXI CSM reunida en Lima votó una adenda a su estatuto para que la sociedad civil participe en ella.\n\n\
         La CSM recordó el derecho al voto de las personas migrantes en el exterior.\n",
    );
    d.assert_consistent();
    let decided: Vec<String> = d.ids(Kind::Agreement).iter().map(|id| d.name(id)).collect();
    assert_eq!(decided.len(), 1, "{decided:?}");
    assert!(decided[0].contains("votó una adenda"), "{decided:?}");
    let agreement = d
        .ids(Kind::Agreement)
        .into_iter()
        .next()
        .unwrap_or_default();
    assert!(d.has_edge(&agreement, EdgeKind::AdoptedAt, "meeting:csm-21"));
}

#[test]
fn a_title_block_names_a_meeting_outside_any_series() {
    // A workshop's title line over its place-and-days line is the
    // document's own meeting (`[places] titles`); the body named alone on
    // the line above convenes it and is not its name; its decisions are
    // that meeting's.
    let d = Doc::text(
        "taller.txt",
        "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n\
         TALLER REGIONAL SOBRE PROTECCIÓN CONSULAR\n\
         San Salvador, El Salvador, 12 y 13 de marzo de 2009\n\n\
         RELATORÍA\n\n\
         Los participantes del taller acordaron:\n\
         1. Elaborar una guía regional de protección consular.\n",
    );
    d.assert_consistent();
    let meetings: Vec<String> = d.ids(Kind::Meeting).into_iter().collect();
    let [own] = meetings.as_slice() else {
        panic!("one meeting: {meetings:?}")
    };
    assert_eq!(d.name(own), "TALLER REGIONAL SOBRE PROTECCIÓN CONSULAR");
    assert_eq!(d.text_attr(own, "city").as_deref(), Some("San Salvador"));
    assert_eq!(
        d.date(own).map(|v| v.to_string()).as_deref(),
        Some("2009-03-12..2009-03-13")
    );
    assert!(d.has_edge("agreement:taller/item-1", EdgeKind::AdoptedAt, own));

    // A title over two lines, under a record's words, in English; its days
    // run across two months.
    let d = Doc::text(
        "egm.txt",
        "Report of the Expert Group Meeting on International Migration\n\
         in Latin America and the Caribbean\n\
         Mexico City, 30 November – 2 December 2005\n\n\
         The participants agreed to share their national data.\n",
    );
    let meetings: Vec<String> = d.ids(Kind::Meeting).into_iter().collect();
    let [own] = meetings.as_slice() else {
        panic!("one meeting: {meetings:?}")
    };
    assert_eq!(
        d.name(own),
        "Expert Group Meeting on International Migration in Latin America and the Caribbean"
    );
    assert_eq!(
        d.date(own).map(|v| v.to_string()).as_deref(),
        Some("2005-11-30..2005-12-02")
    );

    // A line that names no meeting among its first words, a paper's
    // name, a title that does not go on into the next line.
    let d = Doc::text(
        "titular.txt",
        "Guatemala será sede del Taller Regional sobre Trata de Personas\n\
         Ciudad de Guatemala, 3 de mayo de 2010\n\n\
         El taller se celebrará del 14 al 16 de junio en Antigua.\n",
    );
    assert!(
        d.ids(Kind::Meeting).is_empty(),
        "{:?}",
        d.ids(Kind::Meeting)
    );
    let d = Doc::text(
        "crp.txt",
        "CONFERENCE ROOM PAPER\nPort of Spain, 4 May 2010\n\nThe paper reviews migration data.\n",
    );
    assert!(
        d.ids(Kind::Meeting).is_empty(),
        "{:?}",
        d.ids(Kind::Meeting)
    );
    let d = Doc::text(
        "seminario.txt",
        "Seminario Regional sobre Migración Laboral\n\
         Con el apoyo de la OIT y de la OIM\n\
         San José, Costa Rica, 12 y 13 de marzo de 2009\n\n\
         Los participantes acordaron elaborar una guía regional.\n",
    );
    let names: Vec<String> = d.ids(Kind::Meeting).iter().map(|m| d.name(m)).collect();
    assert_eq!(names, ["Seminario Regional sobre Migración Laboral"]);

    // A title block that names no meeting names none.
    let d = Doc::text(
        "prensa.txt",
        "COMUNICADO DE PRENSA\nSan Salvador, 12 de marzo de 2009\n\n\
         El Gobierno presentó hoy su informe anual sobre migración.\n",
    );
    assert!(
        d.ids(Kind::Meeting).is_empty(),
        "{:?}",
        d.ids(Kind::Meeting)
    );
}

#[test]
fn a_news_item_names_its_meeting_by_its_dateline_and_days_of_no_stated_year() {
    // A story that states no year: the days keep none, the dateline is the
    // place, and what the meeting agreed is its own.
    let d = Doc::text(
        "ocam.txt",
        "Who we are\nOur Work\n\
         Central American Authorities Agree to Share Information\n\
         San Ignacio — This week (06/11) the heads of the migration services of \
         eight Central American nations met at the annual meeting of the Central \
         American Commission of Migration Authorities (OCAM).\n\
         The OCAM members agreed to modernize the platform of migration statistics.\n",
    );
    d.assert_consistent();
    let meetings: Vec<String> = d.ids(Kind::Meeting).into_iter().collect();
    let [own] = meetings.as_slice() else {
        panic!("one meeting: {meetings:?}")
    };
    assert_eq!(d.text_attr(own, "city").as_deref(), Some("San Ignacio"));
    assert_eq!(
        d.date(own).map(|v| v.to_string()).as_deref(),
        Some("--11-06")
    );
    let agreements: Vec<String> = d.ids(Kind::Agreement).into_iter().collect();
    assert!(!agreements.is_empty());
    for a in &agreements {
        assert!(d.has_edge(a, EdgeKind::AdoptedAt, own), "{a}");
    }

    // A gathering word the sentence of holding names with no city after
    // it is no meeting held: the summit is still to come.
    let d = Doc::text(
        "summit.txt",
        "Officials prepare the summit\n\
         Panama City - Senior officials met on 4 June 2019 to prepare the upcoming \
         summit of heads of state on migration.\n",
    );
    for m in d.ids(Kind::Meeting) {
        assert!(!d.name(&m).to_lowercase().contains("summit"), "{m}");
    }

    // A country before the dash is the office that wrote: the meeting is
    // where the sentence says.
    let d = Doc::text(
        "rcgm.txt",
        "Costa Rica - This week, officials of the Regional Conference on Migration \
         met in Tegucigalpa, Honduras, for a meeting of the Regional Consultation Group \
         on Migration.\n",
    );
    for m in d.ids(Kind::Meeting) {
        assert_ne!(
            d.text_attr(&m, "city").as_deref(),
            Some("Costa Rica"),
            "{m}"
        );
    }
}

#[test]
fn a_news_item_tells_an_impersonal_call_of_the_declaration() {
    // "se exhorta", "se instruye": the record's own voice asks; whom is
    // as much as the words say, never guessed. Not the record's voice:
    // something asked before ("lo que se solicita"), a negation, another
    // text's call ("tal como se solicita en la resolución"), reported
    // speech, a country's rule ("según ...").
    let d = Doc::text(
        "impersonal.txt",
        "Lima. Los cancilleres de la región firmaron ayer una declaración sobre movilidad humana.\n\
         En la declaración se exhorta a un diálogo franco sobre las causas de la emigración.\n\
         En el mismo texto se instruye a los gobiernos a preparar un plan conjunto.\n\
         El informe recoge lo que se solicita a las autoridades cada año.\n\
         Tal como se solicita en la resolución de la Asamblea General, los países informaron.\n\
         Para el próximo año no se solicita a los países miembros ninguna contribución.\n\
         El representante señaló que en el informe mundial de este año se insta a los Estados a actuar.\n\
         Según el ministerio, en Chile se solicita a los extranjeros un certificado.\n",
    );
    d.assert_consistent();
    let asked: Vec<(String, &str)> = d
        .bundle
        .requests
        .iter()
        .map(|r| (d.sentence(&r.prov).to_string(), r.addressed_to.as_str()))
        .collect();
    assert_eq!(
        asked,
        [
            (
                "En la declaración se exhorta a un diálogo franco sobre las causas de la emigración."
                    .to_string(),
                "addressee not stated"
            ),
            // Named as printed between "a" and the task: no group guessed.
            (
                "En el mismo texto se instruye a los gobiernos a preparar un plan conjunto."
                    .to_string(),
                "gobiernos"
            ),
        ]
    );
}

#[test]
fn a_news_pages_date_in_brackets_first_or_with_a_short_month_dates_it() {
    for (name, text, want) in [
        (
            "colombo-news.txt",
            "Colombo process ends with 27-point Kathmandu Declaration\n\n\
             Nepal Foreign Affairs (KATHMANDU, 17 November 2018) – The 6th ministerial \
             meeting of the Colombo Process came to a close here on Friday.\n",
            "2018-11-17",
        ),
        (
            "add-news.txt",
            "Ambassadors Meeting of Member States of the Abu Dhabi Dialogue\n\n\
             13 Sep. 2017\n\nOn 13 September 2017, the Minister met the Ambassadors.\n",
            "2017-09-13",
        ),
        (
            "igad-news.txt",
            "Skip to main content\n\n\
             August 18, 2021 (ADDIS ABABA, Ethiopia): Together with the African Union \
             Commission, IGAD convenes the 13th Meeting of its Regional Consultative \
             Process in Addis Ababa.\n\nThe event gathers experts.\n",
            "2021-08-18",
        ),
        (
            "wire-news.txt",
            "Regional talks open\n\nAugust 18, 2021 – Officials of eight states met \
             in Addis Ababa to review the compact.\n",
            "2021-08-18",
        ),
        (
            "bali-news.txt",
            "The Bali Declaration (Bali, 23 March 2016) – five years on\n\n\
             Jakarta, 24 March 2021\n\nMinisters looked back on the Declaration.\n",
            "2021-03-24",
        ),
    ] {
        let d = Doc::text(name, text);
        d.assert_consistent();
        assert_eq!(
            d.bundle.doc.date.map(|v| v.to_string()).as_deref(),
            Some(want),
            "{name}"
        );
    }
}

#[test]
fn a_date_that_opens_a_paragraph_far_down_a_page_is_no_date_line() {
    let text = "News of the region\n\nThe page tells of several events.\n\n\
                More events followed.\n\nStill more events came.\n\n\
                August 18, 2021: the group met in Addis Ababa.\n";
    let d = Doc::text("timeline.txt", text);
    d.assert_consistent();
    assert_eq!(d.bundle.doc.date, None);
    // Nor at the top of a timeline, after a date line of its own, or as
    // the first day of a span.
    for (name, text) in [
        (
            "timeline-top.txt",
            "23 March 2016: The Sixth Ministerial Conference adopted the Bali Declaration.\n\n\
             10 August 2017 - The senior officials met in Colombo.\n",
        ),
        (
            "release.txt",
            "Colombo Process Senior Officials Meeting\n\nPress release issued on 20 October 2019.\n\n\
             4 October 2019 - In a previous meeting, the senior officials met in Colombo.\n",
        ),
        (
            "span.txt",
            "30 June 2022 – 1 July 2022 (Bangkok, Thailand): The senior officials met in Bangkok.\n",
        ),
    ] {
        let d = Doc::text(name, text);
        d.assert_consistent();
        let date = d.bundle.doc.date.map(|v| v.to_string());
        assert!(
            !matches!(date.as_deref(), Some("2016-03-23" | "2019-10-04" | "2022-06-30")),
            "{name}: {date:?}"
        );
    }
}

#[test]
fn a_declarations_roman_numbered_principles_are_its_decisions() {
    // "I. Reconocer ...;": items of a list, not sections of a report.
    let d = Doc::text(
        "declaracion.txt",
        "Declaración de Santiago sobre Principios Migratorios\n\
         I. Reconocer el aporte de los migrantes a nuestros Estados;\n\
         II. Fortalecer las iniciativas en marcha en la región;\n\
         III. Asegurar a los migrantes el respeto de sus derechos;\n",
    );
    d.assert_consistent();
    assert_eq!(d.ids(Kind::Agreement).len(), 3, "{:?}", d.bundle.nodes);
}
