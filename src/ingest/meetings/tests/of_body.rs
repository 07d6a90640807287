//! Numbered meetings of bodies outside the series profiles.

use super::*;

/// The meeting references of `text`, with `names` (short name, long
/// name) defined as the document defines them.
fn defined(text: &str, names: &[(&str, &str)]) -> Vec<(String, Target, Option<String>)> {
    let g = Gazetteer::bundled().expect("gazetteer");
    let mut resolver = Resolver::from_gazetteer(&g);
    for (short, long) in names {
        let id = format!("organization:{}", crate::text::slug(short));
        resolver.add(short, &id, Kind::Organization);
        resolver.add(long, &id, Kind::Organization);
    }
    let env = Env {
        gazetteer: &g,
        resolver: &resolver,
        dates: DateContext::at(Some(Ymd::new(2018, 5, 31))),
        profiles: crate::ingest::profile::Profile::bundled(),
        series: None,
        today: None,
    };
    let mut s = Sentence::whole(text);
    s.dates = dates::find_normalized(s.hay(), &s.map, &env.dates);
    s.mentions = resolver.find(&s.text);
    find(&s, &env)
        .into_iter()
        .map(|r| (s.slice(r.start, r.end).to_string(), r.target, r.city))
        .collect()
}

fn riam(ordinal: u32) -> Target {
    Target::Numbered {
        body: "RIAM".into(),
        ordinal,
    }
}

#[test]
fn an_ordinal_and_a_meeting_noun_before_a_defined_body() {
    let riam_names = [("RIAM", "Red Iberoamericana de Autoridades Migratorias")];
    let found = defined(
        "La decisión fue acordada en el marco del VII Congreso de la RIAM, desarrollado en \
         septiembre pasado en Panamá.",
        &riam_names,
    );
    assert!(found.iter().any(|r| r.1 == riam(7)), "{found:?}");
    let found = defined(
        "Se examinarán en la VIII Reunión de la Red Iberoamericana de Autoridades Migratorias \
         que se celebrará en Lima.",
        &riam_names,
    );
    assert!(found.iter().any(|r| r.1 == riam(8)), "{found:?}");
    let found = defined(
        "Los países acordaron en la octava reunión de la RIAM un plan común.",
        &riam_names,
    );
    assert!(found.iter().any(|r| r.1 == riam(8)), "{found:?}");
}

#[test]
fn the_place_and_days_after_the_bracketed_short_name() {
    let found = defined(
        "El encuentro nace en el marco de la VII Cumbre de la Comunidad de Estados \
         Latinoamericanos y Caribeños (Celac), celebrada el pasado 24 de enero, en la ciudad de \
         Buenos Aires, Argentina, para reunir a los países.",
        &[("Celac", "Comunidad de Estados Latinoamericanos y Caribeños")],
    );
    let celac = Target::Numbered {
        body: "CELAC".into(),
        ordinal: 7,
    };
    assert_eq!(
        found,
        [(
            "VII Cumbre de la Comunidad de Estados Latinoamericanos y Caribeños (Celac), \
             celebrada el pasado 24 de enero, en la ciudad de Buenos Aires, Argentina"
                .to_string(),
            celac,
            Some("Buenos Aires".to_string())
        )]
    );
}

#[test]
fn english_puts_the_body_before_the_noun_or_after_another_body() {
    let names = [("RMCC", "Regional Migration Coordination Committee")];
    let rmcc = Target::Numbered {
        body: "RMCC".into(),
        ordinal: 5,
    };
    let found = defined(
        "In other words, the 5th RMCC Meeting is the platform for preparing the ministerial.",
        &names,
    );
    assert_eq!(found.iter().map(|r| &r.1).collect::<Vec<_>>(), [&rmcc]);
    // "of the IGAD RMCC": the RMCC's meeting, not IGAD's.
    let found = defined(
        "Taking part in the 5th Meeting of the IGAD RMCC are Heads of Immigration.",
        &names,
    );
    assert_eq!(found.iter().map(|r| &r.1).collect::<Vec<_>>(), [&rmcc]);
    // No meeting noun, or a lower-case word between: no meeting.
    for text in [
        "The 5th report of the RMCC was read.",
        "The 5th and last meeting of the RMCC was read.",
    ] {
        assert!(defined(text, &names).is_empty(), "{text}");
    }
}

#[test]
fn what_the_review_found_names_no_numbered_meeting_of_the_body() {
    let names = [
        ("RIAM", "Red Iberoamericana de Autoridades Migratorias"),
        ("RMCC", "Regional Migration Coordination Committee"),
    ];
    for text in [
        // A thematic series of the body, a joint meeting, a longer name.
        "El II Foro de la OIM sobre Migración y Salud se realizó en Colombo.",
        "La II Cumbre de la UE y la CELAC se celebró en Bruselas.",
        "The 3rd Meeting of the IOM and UNHCR was held in Geneva.",
        "The 5th Meeting of the UNHCR Standing Committee closed.",
        "La III Conferencia de las Naciones Unidas sobre los Países Menos Adelantados.",
        // A day of a month, the pronoun before title-case words, a
        // numeral on the line above, an organ of another body.
        "The June 21st IGAD Summit in Djibouti adopted a declaration.",
        "Minister Says: I Chaired The Summit Of IGAD With Pride.",
        "ANEXO II\nREUNIÓN TÉCNICA DE LA RIAM",
        "La II Reunión de la Secretaría Técnica de la CRM se celebró.",
    ] {
        let found = defined(text, &names);
        assert!(
            !found
                .iter()
                .any(|r| matches!(&r.1, Target::Numbered { body, .. } if body != "CRM")),
            "{text}: {found:?}"
        );
    }
    // Another body's acronym between the ordinal and the noun: its meeting.
    let found = defined(
        "The 5th RMCC Meeting of the Intergovernmental Authority on Development (IGAD) met.",
        &names,
    );
    let bodies: Vec<&Target> = found.iter().map(|r| &r.1).collect();
    let rmcc = Target::Numbered {
        body: "RMCC".into(),
        ordinal: 5,
    };
    assert_eq!(bodies, [&rmcc]);
    // A bracket that is not the body's short name is the meeting's own.
    let found = defined(
        "La VIII Reunión de la RIAM (Lima, 2019) aprobó el plan.",
        &names,
    );
    assert!(
        found
            .iter()
            .any(|r| r.1 == riam(8) && r.2.as_deref() == Some("Lima")),
        "{found:?}"
    );
}

#[test]
fn a_past_day_dates_the_meeting_only_after_its_place() {
    let found = found_in(
        "Tras la XX Reunión Viceministerial de la CRM, el pasado 5 de mayo Panamá asumió la \
         Presidencia.",
        Some("crm"),
    )
    .1;
    assert!(found.iter().all(|r| r.date.is_none()), "{found:?}");
    let found = found_in(
        "La XX Reunión Viceministerial de la CRM, celebrada en Lima el pasado 5 de mayo, \
         concluyó.",
        Some("crm"),
    )
    .1;
    assert!(
        found
            .iter()
            .any(|r| r.date.is_some() && r.city.as_deref() == Some("Lima")),
        "{found:?}"
    );
}

#[test]
fn a_numbered_meeting_in_the_city_named_like_its_country_this_month() {
    // The body by a long name of its series profile, "la ciudad de
    // Panamá" (the city, not the country alone), days "del presente mes".
    let text = "El traspaso de mando tuvo lugar en el marco de la LIV Reunión Ordinaria de \
                la Comisión de Autoridades Migratorias de los países miembros del SICA \
                (OCAM), celebrada en la ciudad de Panamá, los días 13 y 14 del presente mes.";
    let (_, found) = found_in(text, None);
    let [r] = found.as_slice() else {
        panic!("one meeting: {found:?}")
    };
    assert_eq!(
        r.target,
        Target::Numbered {
            body: "OCAM".into(),
            ordinal: 54
        }
    );
    assert_eq!(r.city.as_deref(), Some("Ciudad de Panamá"));
    assert_eq!(r.country.as_deref(), Some("country:pa"));
    // Read against the test's anchor, 31 May 2003.
    assert_eq!(
        r.date.map(|d| d.to_string()).as_deref(),
        Some("2003-05-13..2003-05-14 (inferred)")
    );
}

#[test]
fn a_bracketed_short_name_ends_the_bodys_name() {
    // "(MIRPS) y en el Segmento ...": the acronym in brackets closes the
    // name; "y" after it joins another event, not more of the name.
    let names = [(
        "MIRPS",
        "Marco Integral Regional para la Protección y Soluciones",
    )];
    let found = defined(
        "Costa Rica tomó parte en la VI Reunión Anual del Marco Integral Regional para la \
         Protección y Soluciones (MIRPS) y en el Segmento de Alto Nivel, que tuvo lugar en \
         Ciudad Panamá.",
        &names,
    );
    let mirps = Target::Numbered {
        body: "MIRPS".into(),
        ordinal: 6,
    };
    assert!(found.iter().any(|r| r.1 == mirps), "{found:?}");
    // Other words after the brackets still carry the name on.
    let found = defined(
        "Se celebró la XV Cumbre de la Red Iberoamericana de Autoridades Migratorias (RIAM) y \
         México en Lima.",
        &[("RIAM", "Red Iberoamericana de Autoridades Migratorias")],
    );
    assert!(found.iter().all(|r| r.1 != riam(15)), "{found:?}");
    // Without the brackets, "y" carries the name on.
    let found = defined(
        "Los países acordaron en la II Cumbre de la RIAM y la CELAC un plan común.",
        &[("RIAM", "Red Iberoamericana de Autoridades Migratorias")],
    );
    assert!(found.is_empty(), "{found:?}");
}
