//! Meetings named in prose outside any series: where their names end.

use super::*;

/// A meeting's name that ends in a list of capitalized words keeps the
/// list ("…, Integración y Desarrollo"); a comma before a place does not
/// join it.
#[test]
fn a_named_meeting_ending_in_a_list() {
    let r = refs("Como continuación del Encuentro Sudamericano sobre Migraciones, Integración y Desarrollo, celebrado en Lima en 1999.");
    let title = "Encuentro Sudamericano sobre Migraciones, Integración y Desarrollo";
    assert_eq!(
        r[0].1,
        Target::Named {
            title: title.into()
        }
    );
    assert_eq!(r[0].2.as_deref(), Some("1999"));
    let r =
        refs("Participó en el Foro Andino sobre Migraciones, Lima, celebrado en julio de 1999.");
    assert!(r.iter().all(|x| !x.0.contains(", Lima")), "{r:?}");
}

/// A named meeting's name ends before the acronym in brackets after its
/// noun: what follows ("hosted by ...") is not its name.
#[test]
fn a_named_meetings_name_ends_at_its_acronym() {
    let r = refs_in(
        "The 20th Pacific Immigration Directors' Conference (PIDC), hosted by New Zealand with Samoa's support, was convened in Apia, Samoa on 20-22 June 2017.",
        None,
    );
    let title = "The 20th Pacific Immigration Directors' Conference";
    assert!(
        r.iter().any(|x| x.1
            == Target::Named {
                title: title.into()
            }),
        "{r:?}"
    );
}

/// A name that goes on after its acronym keeps it ("Red ... (RFE) para el
/// Combate ...").
#[test]
fn a_named_meetings_name_goes_on_after_an_acronym_without_a_comma() {
    let r = refs_in(
        "Asistió a la Reunión de la Red de Funcionarios de Enlace (RFE) para el Combate al Tráfico Ilícito de Migrantes, celebrada en San José, Costa Rica, el 5 de mayo de 2010.",
        None,
    );
    assert!(
        r.iter().any(
            |x| matches!(&x.1, Target::Named { title } if title.ends_with("Tráfico Ilícito de Migrantes"))
        ),
        "{r:?}"
    );
}

/// A past conference named with its place and year only, as a
/// declaration recalls it: "(El Cairo, 1994)", "en Lima de 1999"; its
/// name read across a line break ("Población y\nDesarrollo").
#[test]
fn a_named_meeting_with_its_place_and_year_only() {
    let cases = [
        (
            "Recordando el Programa de Acción de la Conferencia Internacional sobre Población y\nDesarrollo (El Cairo, 1994) y otros instrumentos.",
            "Conferencia Internacional sobre Población y Desarrollo",
            ("El Cairo", "1994"),
        ),
        (
            "Como continuación del Encuentro Sudamericano sobre Migraciones, Integración y Desarrollo, en Lima de 1999, y de las Conferencias siguientes.",
            "Encuentro Sudamericano sobre Migraciones, Integración y Desarrollo",
            ("Lima", "1999"),
        ),
    ];
    for (text, title, (city, year)) in cases {
        let (_, found) = found_in(text, None);
        let named = Target::Named {
            title: title.into(),
        };
        let r = found
            .iter()
            .find(|r| r.target == named)
            .unwrap_or_else(|| panic!("{title}: {found:?}"));
        assert_eq!(r.city.as_deref(), Some(city), "{title}");
        assert_eq!(
            r.date.map(|d| d.to_string()).as_deref(),
            Some(year),
            "{title}"
        );
    }
}

/// A conference said to meet somewhere on some days was held there then
/// ("met in Kokopo, ..., on ..."; "se reunió en Cochabamba ...").
#[test]
fn a_named_conference_that_met_somewhere_on_some_days() {
    let r = refs_in(
        "The 17th Pacific Immigration Director's Conference (PIDC) met in Kokopo, Papua New Guinea, on 29 April - 01 May 2014.",
        None,
    );
    let title = "The 17th Pacific Immigration Director's Conference";
    let found = r.iter().find(|x| {
        x.1 == Target::Named {
            title: title.into(),
        }
    });
    assert_eq!(
        found.and_then(|x| x.2.as_deref()),
        Some("2014-04-29..2014-05-01"),
        "{r:?}"
    );
    let r = refs_in(
        "El Foro Andino de Migraciones se reunió en Lima, Perú, el 12 de julio de 2009.",
        None,
    );
    assert!(
        r.iter().any(|x| x.1
            == Target::Named {
                title: "Foro Andino de Migraciones".into()
            }),
        "{r:?}"
    );
    // Met with someone: no place and days after it, no meeting.
    let r = refs_in(
        "The Pacific Immigration Directors' Conference met with the Minister to discuss visas.",
        None,
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_numbered_meeting_with_its_rank_before_the_series_name() {
    let text = "The third Ministerial-level Migration Dialogue for Southern Africa (MIDSA) was \
                held in Victoria Falls, Zimbabwe, from 7-9 July 2015.";
    let (_, found) = found_in(text, None);
    let [r] = found.as_slice() else {
        panic!("one meeting: {found:?}")
    };
    assert_eq!(r.city.as_deref(), Some("Victoria Falls"));
    assert_eq!(
        r.date.map(|d| d.to_string()).as_deref(),
        Some("2015-07-07..2015-07-09")
    );
    let text = "Delegates met at the 5th high level Regional Conference on Migration in Panama.";
    let (_, found) = found_in(text, None);
    assert_eq!(
        found.iter().map(|r| &r.target).collect::<Vec<_>>(),
        [&Target::Numbered {
            body: "CRM".into(),
            ordinal: 5
        }]
    );
    // A rank before meeting words is some other numbering (a review found
    // "the fifth technical-level meeting of the RCM" read as the V RCM).
    let (_, found) = found_in(
        "The fifth high-level meeting of the Regional Conference on Migration was held in San \
         Salvador on 12 March 2019.",
        None,
    );
    assert!(
        found.iter().all(|r| r.target
            != Target::Numbered {
                body: "CRM".into(),
                ordinal: 5
            }),
        "{found:?}"
    );
    // A word that is no rank still ends the name.
    let (_, found) = found_in(
        "the third Regional Migration Dialogue for Southern Africa",
        None,
    );
    assert!(found.is_empty(), "{found:?}");
}
