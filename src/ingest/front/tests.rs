//! Tests of [`super`] (front.rs): the document date, title and kind read
//! from a document's opening.

use super::*;
use crate::model::Span;

/// The document date `front_matter` reads in `text` (one sentence per
/// paragraph), as `start..end`.
fn date(text: &str, records: bool, lang: &str) -> Option<String> {
    let p = Profile::bundled_for(lang);
    let mut at = 0;
    let mut sents: Vec<Sentence> = text
        .split("\n\n")
        .map(|para| {
            let span = Span {
                start: at,
                end: at + para.len(),
            };
            at += para.len() + 2;
            Sentence::new(para, span, false, true)
        })
        .collect();
    let (d, ..) = front_matter(&mut sents, &mut [], text, text.len(), records, p);
    d.map(|d| format!("{}..{}", d.start, d.end))
}

#[test]
fn a_pages_date_field_at_its_top() {
    let text = " date 2021-06-02 The delegations met on 1 June 2021 in Lima.\n\nThey agreed.";
    assert_eq!(
        date(text, false, "en").as_deref(),
        Some("2021-06-02..2021-06-02")
    );
    let text = "Fecha: 3 de mayo de 2021. Los delegados se reunieron en Lima.";
    assert_eq!(
        date(text, false, "es").as_deref(),
        Some("2021-05-03..2021-05-03")
    );
    // A label elsewhere than before the date is no date field.
    let text = "The date of the meeting, 2 June 2021, was set in Lima.\n\nThey agreed.";
    assert_eq!(date(text, false, "en"), None);
}

#[test]
fn the_day_a_page_was_posted_dates_it() {
    let text = "Belize Hosts Regional Conference\nposted (July 17, 2024)\nToday the Ministry held the conference, on 16 and 17 July 2024.";
    assert_eq!(
        date(text, false, "en").as_deref(),
        Some("2024-07-17..2024-07-17")
    );
    let text = "Noticias\nPublicado el 3 de mayo de 2021\nLos delegados se reunieron en Lima el 1 de mayo de 2021.";
    assert_eq!(
        date(text, false, "es").as_deref(),
        Some("2021-05-03..2021-05-03")
    );
    // Not a record the meeting adopted, nor a date told later in the
    // line or one that goes on with a clause.
    for text in [
        "Posted in news. The meeting of 2 June 2021 was held in Lima.",
        "Published on 2 May 2019, the Guidelines were adopted at the meeting of 25 June 2019.",
    ] {
        assert_eq!(date(text, false, "en"), None, "{text}");
    }
}

#[test]
fn a_headline_telling_of_a_meeting_is_no_date_line() {
    let text = "Senior Officials' Meeting took place in Bratislava on 19 of September 2016\n\nThe meeting discussed the draft.";
    assert_eq!(date(text, false, "en"), None);
    let text = "Senior Officials' meeting (SOM) in Ouagadougou, Burkina Faso, on 12th and 13th February 2019\n\nThe partners met.";
    assert_eq!(date(text, false, "en"), None);
    // A press dateline is the page's own.
    let text = "Ankara, 10-11 December 2012: The Second Preparatory Meeting took place in Ankara.";
    assert_eq!(
        date(text, false, "en"),
        Some("2012-12-11..2012-12-11".into())
    );
    // An en dash after the full stop.
    let text = "Lima, Perú, 11 de diciembre de 2023.– Los días 5 y 6 de diciembre se celebró en Lima la XXI Conferencia.";
    assert_eq!(
        date(text, false, "es"),
        Some("2023-12-11..2023-12-11".into())
    );
    // The day first, then the place: "07-11-2016, Kampala: ...".
    let text = "07-11-2016, Kampala: This morning the committee opened its meeting in Kampala.";
    assert_eq!(
        date(text, false, "en"),
        Some("2016-11-07..2016-11-07".into())
    );
}

#[test]
fn the_days_of_a_title_block_date_a_record_not_an_account() {
    let block = "Bali Ministerial Conference on People Smuggling\nFebruary 27-28, 2002\nBali, Indonesia\nCo-Chairs' Statement\n\n1. We were honoured to co-chair the conference.";
    assert_eq!(
        date(block, true, "en"),
        Some("2002-02-28..2002-02-28".into())
    );
    assert_eq!(date(block, false, "en"), None);
    // One day in a slide's title block dates the slides.
    let slide = "1 Meeting of the Network\nRegional Consultation Group on Migration (RCGM) San José, Costa Rica November 18, 2013 REGIONAL NETWORK FOR CIVIL ORGANIZATIONS ON MIGRATION\n\n2 Best practices were shown.";
    assert_eq!(
        date(slide, false, "en"),
        Some("2013-11-18..2013-11-18".into())
    );
    // The end of a span glued to a word is the span's, not a day.
    let cover = "San José, Costa Rica1-2 de febrero de 2017\n\nMeMoRia del TalleR";
    assert_eq!(date(cover, false, "es"), None);
}

#[test]
fn a_line_saying_it_was_adopted_gives_its_date() {
    let text = "Plan de trabajo\n2019-2025\nAprobado en Ciudad de Panamá, Panamá,\nen la XXIII Reunión Viceministerial, noviembre del 2018.\n\nÍNDICE";
    assert_eq!(
        date(text, false, "es"),
        Some("2018-11-01..2018-11-30".into())
    );
    // A wrapped line of an item that tells of another document's
    // adoption dates nothing; the heading's date line dates the record.
    let text = "XI Conferencia\nBrasilia, 19 al 21 de octubre de 2011\nDeclaración de Brasilia\n\n1. Que es necesario aplicar la Declaración de Principios,\naprobada en Bolivia en 2010, sobre todo en la región;";
    assert_eq!(
        date(text, true, "es"),
        Some("2011-10-21..2011-10-21".into())
    );
}

#[test]
fn a_letter_enclosing_a_record_is_no_record() {
    let (Some(en), Some(es)) = (Profile::bundled_for("en"), Profile::bundled_for("es")) else {
        panic!("bundled profiles missing")
    };
    let letter = "29 March 1996\n\n\nLetter dated 27 March 1996 from the Permanent Representative\n\nJoint Communique' issued in Puebla on 14 March 1996";
    assert!(!en.records(letter, true));
    let statement = "Bali Ministerial Conference\nFebruary 27-28, 2002\nBali, Indonesia\nCo-Chairs' Statement\n\n1. We met.";
    assert!(en.records(statement, false));
    // A heading in capitals that a flattened copy runs into the text.
    let flat = format!("IX CONFERENCIA SUDAMERICANA SOBRE MIGRACIONES Quito, Ecuador, 21 y 22 de Septiembre de 2009 DECLARACIÓN DE QUITO Los Representantes {}", "de los países, reunidos en la Conferencia, ".repeat(4));
    assert!(es.records(&flat, false));
    assert!(!es.records(&flat.replace("DECLARACIÓN", "NOTICIAS"), false));
}
