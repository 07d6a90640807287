//! Meetings of bodies outside the series profiles, numbered by the
//! document that defines the body: their keys, places and days, and
//! which of them a news item's decisions were taken at.

use super::common::Doc;
use acta::model::{EdgeKind, Kind};

/// Every decision of `d` is adopted at `meeting`, and there is one.
fn adopted_only_at(d: &Doc, meeting: &str) {
    let adopted: Vec<(String, String)> = d.edges(EdgeKind::AdoptedAt).collect();
    assert!(!adopted.is_empty());
    assert!(adopted.iter().all(|(_, m)| m == meeting), "{adopted:?}");
}

#[test]
fn a_defined_body_s_numbered_meetings_and_the_one_that_decided() {
    // Modeled on a wire story: the next meeting is announced first, in
    // the future; the decisions were taken at the one before.
    let d = Doc::text(
        "nota-red.txt",
        "Chile será la sede, el año que viene, de la V Reunión de la Red Andina de Oficinas \
         Consulares (RAOC), según informaron fuentes oficiales.\n\n\
         La decisión fue tomada en el IV Congreso de la RAOC, celebrado el pasado 12 de marzo \
         en la ciudad de Quito, Ecuador.\n\n\
         Los representantes de las oficinas acordaron además compartir sus registros consulares.\n",
    );
    d.assert_consistent();
    let meetings = d.ids(Kind::Meeting);
    assert_eq!(
        meetings,
        d.set(&["meeting:raoc-04", "meeting:raoc-05"]),
        "{:?}",
        d.bundle.nodes
    );
    assert_eq!(
        d.text_attr("meeting:raoc-04", "city").as_deref(),
        Some("Quito")
    );
    assert!(d.has_edge("meeting:raoc-04", EdgeKind::PartOf, "organization:raoc"));
    adopted_only_at(&d, "meeting:raoc-04");
}

#[test]
fn a_range_of_days_and_a_body_that_meets_by_date_number_no_meeting() {
    // "10th -11th RCGM Meeting": days, not an ordinal; the RCGM's
    // meetings are keyed by their month.
    let d = Doc::text(
        "st-report.txt",
        "Activities of the year (Workshop on documents March 7th-12th, 10th -11th RCGM Meeting \
         June 7th -9th, 2016).\n",
    );
    d.assert_consistent();
    assert!(
        !d.ids(Kind::Meeting).iter().any(|m| m.ends_with("-11")),
        "{:?}",
        d.ids(Kind::Meeting)
    );
}

#[test]
fn a_future_after_the_own_meeting_keeps_it() {
    // The meeting the record tells of, then the next one announced in the
    // same sentence: the decisions are the first one's.
    let d = Doc::text(
        "nota-raoc.txt",
        "En el IV Congreso de la Red Andina de Oficinas Consulares (RAOC), celebrado en Quito, \
         los delegados acordaron que la próxima reunión se celebrará en Lima.\n\n\
         Los representantes acordaron además compartir sus registros consulares.\n",
    );
    d.assert_consistent();
    adopted_only_at(&d, "meeting:raoc-04");
}

#[test]
fn a_report_that_is_to_summarise_a_meeting_records_it() {
    // "is to" is no future: the meeting summarised is the record's own,
    // once (not also as the body's meeting of its month).
    let d = Doc::text(
        "rmcc-report.txt",
        "The purpose of this report is to summarise the 6th Meeting of the Regional Migration \
         Coordination Committee (RMCC), held in Kampala on 4 June 2019.\n\n\
         The members agreed to share their migration data every quarter.\n",
    );
    d.assert_consistent();
    assert_eq!(d.ids(Kind::Meeting), d.set(&["meeting:rmcc-06"]));
    adopted_only_at(&d, "meeting:rmcc-06");
}

#[test]
fn a_body_defined_after_a_dash_numbers_its_meeting_with_its_days() {
    // The short name after a dash, then the place and days: they are the
    // numbered meeting's, not the date line's.
    let d = Doc::text(
        "nota-riam.txt",
        "Lima, 12 de octubre de 2018\n\n\
         La VIII Reunión de la Red Iberoamericana de Autoridades Migratorias – RIAM, que se \
         realizó en Lima los días 10 y 11 de octubre de 2018, aprobó su plan de trabajo.\n",
    );
    d.assert_consistent();
    assert_eq!(
        d.date("meeting:riam-08").map(|v| v.to_string()).as_deref(),
        Some("2018-10-10..2018-10-11"),
        "{:?}",
        d.bundle.nodes
    );
    assert_eq!(
        d.text_attr("meeting:riam-08", "city").as_deref(),
        Some("Lima")
    );
}

#[test]
fn a_series_keyed_by_month_that_met_holds_its_meeting_of_the_month() {
    // Modeled on a page of the Khartoum Process: the series is who met,
    // and its meetings are named by their month.
    let d = Doc::text(
        "khartoum-news.txt",
        "On 15 and 16 December 2016, the members of the Khartoum Process met in Addis Ababa, \
         Ethiopia, for a Senior Officials Meeting.\n\n\
         Participants agreed to extend the work plan of the Process for another year.\n",
    );
    d.assert_consistent();
    assert_eq!(d.ids(Kind::Meeting), d.set(&["meeting:khartoum-2016-12"]));
    assert_eq!(
        d.text_attr("meeting:khartoum-2016-12", "city").as_deref(),
        Some("Addis Ababa")
    );
    // Named in the page's language by the series' name, with aliases in
    // both languages.
    assert_eq!(
        d.name("meeting:khartoum-2016-12"),
        "Khartoum Process December 2016"
    );
    let aliases = d.aliases("meeting:khartoum-2016-12");
    for a in [
        "Khartoum Process meeting of December 2016",
        "Khartoum Process diciembre 2016",
    ] {
        assert!(aliases.iter().any(|x| x == a), "{a}: {aliases:?}");
    }
    // A meeting named before the words of holding is what was held; the
    // series there only owns it (the Bali Process numbers these itself).
    let d = Doc::text(
        "bali-page.txt",
        "The 14th Ad Hoc Group Senior Officials' Meeting of the Bali Process was held in \
         Da Nang, Viet Nam, on 23 July 2019.\n",
    );
    assert!(
        !d.ids(Kind::Meeting).contains("meeting:bali-2019-07"),
        "{:?}",
        d.ids(Kind::Meeting)
    );
}

#[test]
fn those_who_met_for_a_body_s_meeting_held_it_where_they_met() {
    // Modeled on a news page of IOM on a MIDWA meeting: the city comes
    // with the words of holding, the meeting after them ("for the ...
    // meeting"); the decisions listed are that meeting's.
    let d = Doc::text(
        "midwa-news.txt",
        "Senior officials of the Economic Community of West African States (ECOWAS) and IOM \
         met in Accra, Ghana on 12-14 September 2017 for the Migration Dialogue for West \
         Africa (MIDWA) meeting, to talk over the issues they share.\n\n\
         Some of the recommendations of the consultations were: implement the goals through a \
         migration lens; educate young people on their rights.\n",
    );
    d.assert_consistent();
    assert_eq!(d.ids(Kind::Meeting), d.set(&["meeting:midwa-2017-09"]));
    assert_eq!(
        d.text_attr("meeting:midwa-2017-09", "city").as_deref(),
        Some("Accra")
    );
    adopted_only_at(&d, "meeting:midwa-2017-09");
    // Met to prepare a meeting: that meeting was not held there.
    let d = Doc::text(
        "news.txt",
        "Senior officials met in Accra, Ghana on 12 September 2017 to prepare for the summit of \
         the Economic Community of West African States (ECOWAS).\n",
    );
    assert!(
        d.ids(Kind::Meeting).is_empty(),
        "{:?}",
        d.ids(Kind::Meeting)
    );
}

#[test]
fn a_series_named_in_passing_or_a_summit_met_for_is_not_held() {
    // Found by a review: the series' name not as who met, and a meeting
    // that was only the purpose of meeting.
    for text in [
        "In the framework of the Khartoum Process, officials of Ethiopia and Sudan met in \
         Gondar on 3 and 4 March 2019 to discuss joint border management. The Khartoum Process \
         brings together countries of origin, transit and destination.\n",
        "Experts from Khartoum Process countries met in Nairobi, Kenya, on 3 May 2018 for a \
         training workshop. The Khartoum Process brings together countries of origin, transit \
         and destination.\n",
        "Officials met in Panama City on 4 June 2019 at the Ministry of Foreign Affairs to \
         prepare the Summit of the Americas.\n",
        "Officials met in Nairobi on 2 July 2019 for the launch of the report of the Regional \
         Consultative Process meeting.\n",
    ] {
        let d = Doc::text("news.txt", text);
        assert!(
            d.ids(Kind::Meeting).is_empty(),
            "{text}: {:?}",
            d.ids(Kind::Meeting)
        );
    }
}

#[test]
fn a_word_that_keeps_the_count_may_stand_in_small_letters() {
    // Modeled on a wire story of the second MIRPS meeting.
    let d = Doc::text(
        "nota-mirps.txt",
        "México y Centroamérica acordaron impulsar una respuesta coordinada.\n\n\
         El pacto se alcanzó en la segunda reunión anual del Marco Integral Regional para la \
         Protección y Soluciones (MIRPS) celebrada en Ciudad de México.\n",
    );
    d.assert_consistent();
    assert_eq!(d.ids(Kind::Meeting), d.set(&["meeting:mirps-02"]));
    assert_eq!(
        d.text_attr("meeting:mirps-02", "city").as_deref(),
        Some("Ciudad de México")
    );
    adopted_only_at(&d, "meeting:mirps-02");
    // "presencial" counts the meetings of one kind: the first held in
    // person is not the body's first.
    let d = Doc::text(
        "nota-riam.txt",
        "La Red Iberoamericana de Autoridades Migratorias (RIAM) celebró en Lima la primera \
         reunión presencial de la RIAM desde la pandemia.\n",
    );
    assert!(
        !d.ids(Kind::Meeting).contains("meeting:riam-01"),
        "{:?}",
        d.ids(Kind::Meeting)
    );
}

#[test]
fn an_ordinal_before_a_bodys_name_that_ends_with_a_meeting_noun() {
    // Modeled on a PIDC report: the body's own name is the conference's.
    let d = Doc::text(
        "pidc.txt",
        "The Sixth Pacific Immigration Directors Conference (PIDC) met in Niue from 17-19 \
         September 2002. Members agreed to share their border data.\n",
    );
    d.assert_consistent();
    assert_eq!(d.ids(Kind::Meeting), d.set(&["meeting:pidc-06"]));
    adopted_only_at(&d, "meeting:pidc-06");
    // And a word that keeps the count between the ordinal and the body
    // (a news item on the MIRPS).
    let d = Doc::text(
        "mirps.txt",
        "The Declaration was adopted at the VII Annual MIRPS Meeting in Belize City.\n",
    );
    assert_eq!(d.ids(Kind::Meeting), d.set(&["meeting:mirps-07"]));
    // A name that goes on after the noun names something else.
    let d = Doc::text(
        "other.txt",
        "The Sixth Pacific Immigration Directors Conference (PIDC) Secretariat wrote to \
         members.\n",
    );
    assert!(!d.ids(Kind::Meeting).contains("meeting:pidc-06"));
}
