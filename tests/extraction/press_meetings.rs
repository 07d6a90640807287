//! The meeting a news item tells of, as the press writes it: held
//! "today" under a dated dateline, convened or concluded in the present,
//! named with its place and days right after it ("at the 6th ... Forum
//! ... in Kampala, Uganda, on 13 February 2025"), and what was signed
//! there.

use super::common::Doc;
use acta::model::{EdgeKind, Kind, Ymd};

/// A meeting's id, city, and first and last days.
type Met = (String, Option<String>, Option<(Ymd, Ymd)>);

/// The meetings with their city and first and last days.
fn meetings(d: &Doc) -> Vec<Met> {
    d.ids(Kind::Meeting)
        .into_iter()
        .map(|id| {
            let city = d.text_attr(&id, "city");
            let days = d.date(&id).map(|v| (v.start, v.end));
            (id, city, days)
        })
        .collect()
}

/// The agreements that are decisions, each with the meetings that adopted it.
fn decisions(d: &Doc) -> Vec<(String, Vec<String>)> {
    d.ids(Kind::Agreement)
        .into_iter()
        .filter(|id| d.text_attr(id, "form").as_deref() != Some("request"))
        .map(|id| {
            let at = d
                .edges(EdgeKind::AdoptedAt)
                .filter(|(from, _)| *from == id)
                .map(|(_, to)| to)
                .collect();
            (d.text_attr(&id, "text").unwrap_or_default(), at)
        })
        .collect()
}

#[test]
fn a_meeting_held_today_is_held_on_the_datelines_day() {
    // Modeled on a UN story of the first COMMIT ministerial meeting.
    let d = Doc::text(
        "news-commit.txt",
        "29 October 2004,  Yangon, Myanmar -- Six Mekong countries agreed today to a set of \
         commitments against human trafficking.\n\nMeeting today in Yangon, Myanmar, the \
         ministerial representatives of the six countries put their names to a memorandum.\n",
    );
    d.assert_consistent();
    let got = meetings(&d);
    assert_eq!(got.len(), 1, "{got:?}");
    let day = Ymd::new(2004, 10, 29);
    assert_eq!(got[0].1.as_deref(), Some("Yangon"), "{got:?}");
    assert_eq!(got[0].2, Some((day, day)), "{got:?}");
    // "agreed today to": the press dates the decision by its own day.
    let ds = decisions(&d);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert!(ds[0].0.contains("agreed today to a set"), "{ds:?}");
    assert_eq!(ds[0].1, vec![got[0].0.clone()], "{ds:?}");
}

#[test]
fn a_meeting_convened_in_the_present_is_held_on_the_datelines_day() {
    // Modeled on an IGAD press release of the 13th meeting of its RCP.
    let d = Doc::text(
        "news-igad.txt",
        "August 18, 2021 (ADDIS ABABA, Ethiopia): Together with the African Union Commission, \
         the Intergovernmental Authority on Development (IGAD) convenes the 13th Meeting of the \
         IGAD Regional Consultative Process on Migration (RCP) in Addis Ababa.\n\nExperts of the \
         member states take part.\n",
    );
    d.assert_consistent();
    let got = meetings(&d);
    let day = Ymd::new(2021, 8, 18);
    assert!(
        got.iter()
            .any(|(_, city, days)| city.as_deref() == Some("Addis Ababa")
                && days.is_some_and(|(a, b)| a <= day && day <= b)),
        "{got:?}"
    );
}

#[test]
fn what_was_signed_at_a_meeting_named_with_its_place_was_adopted_there() {
    // Modeled on an IOM story of the 6th Regional Ministerial Forum on
    // Migration of the East and Horn of Africa.
    let d = Doc::text(
        "news-rmfm.txt",
        "Kampala, Uganda – Ministers from the region restated their commitment to regular \
         labour migration.\n\nThe Ministers signed a Joint Statement at the 6th Regional \
         Ministerial Forum on Migration (RMFM) in Kampala, Uganda, on 13 February 2025, with \
         support from IOM.\n",
    );
    d.assert_consistent();
    let got = meetings(&d);
    let day = Ymd::new(2025, 2, 13);
    let forum = got
        .iter()
        .find(|(_, city, days)| city.as_deref() == Some("Kampala") && *days == Some((day, day)))
        .unwrap_or_else(|| panic!("no meeting in Kampala on 13 February 2025: {got:?}"));
    let ds = decisions(&d);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert!(ds[0].0.contains("signed a Joint Statement"), "{ds:?}");
    assert_eq!(ds[0].1, vec![forum.0.clone()], "{ds:?}");
}

#[test]
fn a_meeting_told_of_with_other_words_before_its_place_is_not_placed_by_them() {
    // A place after words that are not the name's ("prepared with support
    // from ...") is not placed by its name alone.
    let d = Doc::text(
        "news.txt",
        "The report recalls the Regional Conference prepared with support from the IDB in \
         Lima, Peru, on 3 May 2019.\n",
    );
    let got = meetings(&d);
    assert!(got.is_empty(), "{got:?}");
    // Its name alone before the place: held there.
    let d = Doc::text(
        "news.txt",
        "The report recalls the Regional Conference on Labour Migration in Lima, Peru, on 3 \
         May 2019.\n",
    );
    let got = meetings(&d);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Lima"), "{got:?}");
}

#[test]
fn who_signed_before_is_named_not_deciding() {
    // "los países que suscribieron el Plan": a relative names them.
    let d = Doc::text(
        "nota-quito.txt",
        "En esta segunda reunión, los ocho países que suscribieron el «Plan de Acción» \
         felicitaron a Ecuador por su trabajo.\n",
    );
    assert!(decisions(&d).is_empty(), "{:?}", decisions(&d));
    // "los países firmaron": the act of those who met.
    let d = Doc::text(
        "nota-quito.txt",
        "Al cierre de la reunión, los países firmaron un acuerdo para crear una red de \
         información.\n",
    );
    let ds = decisions(&d);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert!(ds[0].0.contains("firmaron un acuerdo"), "{ds:?}");
}

#[test]
fn the_present_perfect_of_the_press_records_a_decision() {
    // Modeled on an EFE story of the MIRPS.
    let d = Doc::text(
        "nota-mirps.txt",
        "Los países que forman el Marco Integral Regional para la Protección y Soluciones \
         (MIRPS) han acordado buscar soluciones en 2024 para el desplazamiento forzado.\n",
    );
    let ds = decisions(&d);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert!(ds[0].0.contains("han acordado buscar soluciones"), "{ds:?}");
}

#[test]
fn what_others_sign_or_decide_is_not_the_meetings() {
    // A guest book is no record of the meeting; families deciding to
    // leave are not those who met.
    for (file, text) in [
        (
            "news.txt",
            "The Ministers signed the guest book of the Palace before the session.\n",
        ),
        (
            "nota.txt",
            "Muchas familias hondureñas han decidido emigrar por la falta de empleo.\n",
        ),
        (
            "nota.txt",
            "Los Estados miembros, que en 2018 suscribieron un acuerdo de cooperación, \
             revisaron su aplicación.\n",
        ),
    ] {
        let d = Doc::text(file, text);
        assert!(decisions(&d).is_empty(), "{text}: {:?}", decisions(&d));
    }
}

#[test]
fn a_meeting_gone_to_is_not_where_the_decision_was_adopted() {
    // "acordaron participar en el Diálogo ... en Nueva York": a meeting
    // to come, named after a verb of going.
    let d = Doc::text(
        "nota.txt",
        "San Salvador, 5 de julio de 2024. Los ministros acordaron participar en el Diálogo de \
         Alto Nivel sobre Migración en Nueva York el 18 de septiembre de 2024.\n",
    );
    let ds = decisions(&d);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert!(ds[0].1.is_empty(), "{ds:?}");
}
