//! A meeting's host and days written before it, and a series named after
//! its members ("de los países que conforman la CRM").

use super::*;

#[test]
fn a_host_country_before_the_meeting_it_hosts_places_it() {
    let text =
        "Noticias de la Cancillería\nDel 4 al 7 de diciembre de 2023, la República de Panamá será \
                la sede de la XXVIII Reunión Viceministerial de los países que conforman la \
                Conferencia Regional sobre Migración (CRM).";
    let (_, found) = found_in(text, Some("crm"));
    let [r] = found.as_slice() else {
        panic!("one meeting: {found:?}")
    };
    assert_eq!(
        r.target,
        Target::Numbered {
            body: "CRM".into(),
            ordinal: 28
        }
    );
    assert_eq!(r.country.as_deref(), Some("country:pa"));
    assert_eq!(r.city, None);
    assert_eq!(
        r.date.map(|d| d.to_string()).as_deref(),
        Some("2023-12-04..2023-12-07")
    );
    // Thanks for hosting, and a relative clause after the host.
    for (text, country) in [
        (
            "Los viceministros agradecieron a Panamá ser sede de la XXVIII Reunión Viceministerial de la CRM.",
            "country:pa",
        ),
        (
            "The delegates thanked the United States, which hosted the XIX Regional Conference on Migration.",
            "country:us",
        ),
        (
            "El Gobierno de México será sede de la XXIX Reunión Viceministerial de la CRM.",
            "country:mx",
        ),
    ] {
        let (_, found) = found_in(text, Some("crm"));
        assert_eq!(
            found.iter().map(|r| r.country.as_deref()).collect::<Vec<_>>(),
            [Some(country)],
            "{text}"
        );
    }
    // A city the gazetteer does not know, set apart from its country.
    let text = "On 29-30 January 2025, the city of Porto, in Portugal, will host the Senior \
                Officials' Meeting of the Rabat Process.";
    let (_, found) = found_in(text, Some("rabat"));
    let [r] = found.as_slice() else {
        panic!("one meeting: {found:?}")
    };
    assert_eq!(
        (r.city.as_deref(), r.country.as_deref()),
        (Some("Porto"), Some("country:pt"))
    );
    assert_eq!(
        r.date.map(|d| d.to_string()).as_deref(),
        Some("2025-01-29..2025-01-30")
    );
}

#[test]
fn a_country_that_does_not_host_places_nothing() {
    for text in [
        "México agradeció a Panamá su oferta de ser sede de la XXVIII Reunión Viceministerial de la CRM.",
        "Guatemala, como Presidencia, presentó la XXVIII Reunión Viceministerial de la CRM.",
        "La Secretaría Técnica, con sede en Costa Rica, organizó la XXVIII Reunión Viceministerial de la CRM.",
        "Guatemala acogió la XXV Reunión Viceministerial de la CRM como un espacio de diálogo.",
        "Honduras, en nombre de Guatemala, acogerá la XXVI Reunión Viceministerial de la CRM.",
    ] {
        let (_, found) = found_in(text, Some("crm"));
        assert!(found.iter().all(|r| r.country.is_none()), "{text}: {found:?}");
    }
    // The day of an announcement is not the meeting's.
    let text = "El 10 de enero de 2023 se anunció que Panamá será la sede de la XXVIII Reunión \
                Viceministerial de la CRM.";
    let (_, found) = found_in(text, Some("crm"));
    assert!(
        found
            .iter()
            .all(|r| r.country.as_deref() == Some("country:pa") && r.date.is_none()),
        "{found:?}"
    );
    // Members of another body are no members of the series, and another
    // meeting of the members is not the series' own.
    for text in [
        "la II Reunión Viceministerial de los países que integran el SICA",
        "La XXVIII Reunión de Directores de Migración de los países que conforman la \
         Conferencia Regional sobre Migración se celebró en Panamá.",
    ] {
        let (_, found) = found_in(text, Some("crm"));
        let numbered = |r: &MeetingRef| {
            matches!(
                r.target,
                Target::Numbered {
                    ordinal: 2 | 28,
                    ..
                }
            )
        };
        assert!(!found.iter().any(numbered), "{text}: {found:?}");
    }
}

/// Days before the words of holding that open the clause of a numbered
/// meeting are its days; days that only come before it are not.
#[test]
fn days_before_the_words_of_holding_date_the_meeting_after_them() {
    let text = "La CSM nació en Lima; en el año 2000 se celebró la I Conferencia Sudamericana \
                sobre Migraciones en la ciudad de Buenos Aires.";
    let (_, found) = found_in(text, Some("csm"));
    let r = found
        .iter()
        .find(|r| matches!(r.target, Target::Numbered { ordinal: 1, .. }))
        .unwrap_or_else(|| panic!("the I CSM: {found:?}"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2000"));
    assert_eq!(r.city.as_deref(), Some("Buenos Aires"));
    // A date with other words between it and the meeting is not its date.
    let text = "En el año 2000 los gobiernos acordaron que la I Conferencia Sudamericana \
                sobre Migraciones se reuniría en Buenos Aires.";
    let (_, found) = found_in(text, Some("csm"));
    assert!(found.iter().all(|r| r.date.is_none()), "{found:?}");
}

/// Days that open the sentence whose subject is a numbered meeting, with
/// the words of holding after it, are its days; with another verb they
/// are not.
#[test]
fn days_that_open_the_sentence_of_a_meeting_held_date_it() {
    let text = "In March 2000, the Fifth Regional Conference on Migration was held in \
                Washington, DC.";
    let (_, found) = found_in(text, Some("crm"));
    let r = found
        .iter()
        .find(|r| matches!(r.target, Target::Numbered { ordinal: 5, .. }))
        .unwrap_or_else(|| panic!("the V CRM: {found:?}"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2000-03"));
    let text = "En el año 2000, la I Conferencia Sudamericana sobre Migraciones se celebró en \
                Buenos Aires.";
    let (_, found) = found_in(text, Some("csm"));
    assert!(
        found
            .iter()
            .any(|r| r.date.map(|d| d.to_string()).as_deref() == Some("2000")),
        "{found:?}"
    );
    for text in [
        "In March 2000, the Fifth Regional Conference on Migration adopted a plan.",
        "Since March 2000 the Fifth Regional Conference on Migration was held up as a model.",
    ] {
        let (_, found) = found_in(text, Some("crm"));
        assert!(found.iter().all(|r| r.date.is_none()), "{text}: {found:?}");
    }
}

/// The place between the words of holding and the meeting ("se celebró en
/// Lima la X Conferencia") is the meeting's, and days before them too; a
/// place of something else held there is not.
#[test]
fn a_place_between_the_words_of_holding_and_the_meeting() {
    let text = "En el año 2000 se celebró en Buenos Aires la I Conferencia Sudamericana \
                sobre Migraciones.";
    let (_, found) = found_in(text, Some("csm"));
    let r = found
        .iter()
        .find(|r| matches!(r.target, Target::Numbered { ordinal: 1, .. }))
        .unwrap_or_else(|| panic!("the I CSM: {found:?}"));
    assert_eq!(r.city.as_deref(), Some("Buenos Aires"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2000"));
    for text in [
        "En 2010 se celebró en Lima un taller y la X Conferencia Sudamericana sobre \
         Migraciones lo aprobó.",
        "El acuerdo se celebró en Lima la semana pasada, y la X Conferencia Sudamericana \
         sobre Migraciones lo aprobó.",
    ] {
        let (_, found) = found_in(text, Some("csm"));
        assert!(
            found.iter().all(|r| r.date.is_none() && r.city.is_none()),
            "{text}: {found:?}"
        );
    }
}
