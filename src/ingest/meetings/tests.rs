//! Tests of the meeting references found in one sentence.

use super::*;
use crate::ingest::dates;
use crate::model::Ymd;

/// Text, target, date, country, destination.
type Row = (String, Target, Option<String>, Option<String>, bool);

fn refs(text: &str) -> Vec<Row> {
    refs_in(text, Some("crm"))
}

/// [`refs`] in a document about `series`.
fn refs_in(text: &str, series: Option<&str>) -> Vec<Row> {
    let (s, found) = found_in(text, series);
    found
        .into_iter()
        .map(|r| {
            let when = r.date.map(|d| d.to_string());
            (
                s.slice(r.start, r.end).to_string(),
                r.target,
                when,
                r.country,
                r.destination,
            )
        })
        .collect()
}

/// The sentence `text` and the meeting references found in it, in a
/// document about `series`.
fn found_in(text: &str, series: Option<&str>) -> (Sentence, Vec<MeetingRef>) {
    let g = Gazetteer::bundled().expect("gazetteer");
    let resolver = Resolver::from_gazetteer(&g);
    let env = Env {
        gazetteer: &g,
        resolver: &resolver,
        dates: DateContext::at(Some(Ymd::new(2003, 5, 31))),
        profiles: crate::ingest::profile::Profile::bundled(),
        series: series.map(str::to_string),
        today: Some(Ymd::new(2003, 5, 31)),
    };
    let mut s = Sentence::whole(text);
    s.dates = dates::find_normalized(s.hay(), &s.map, &env.dates);
    s.mentions = resolver.find(&s.text);
    let (qs, _) = quotes::scan(&s.text);
    s.quotes = qs
        .into_iter()
        .map(|q| (q, quotes::classify(&s.text, &q, &Default::default())))
        .collect();
    let found = find(&s, &env);
    (s, found)
}

fn numbered(n: u32) -> Target {
    Target::Numbered {
        body: "CRM".into(),
        ordinal: n,
    }
}

fn grcm() -> Target {
    Target::Dated {
        body: "organization:grcm".into(),
    }
}

#[test]
fn numbered_with_date_and_place() {
    let r = refs("En la VI Reunión de la CRM (San José, marzo 2001), los Viceministros aprobaron");
    assert_eq!(
        r,
        [(
            "VI Reunión de la CRM (San José, marzo 2001)".into(),
            numbered(6),
            Some("2001-03".into()),
            Some("country:cr".into()),
            false
        )]
    );
    let r = refs("para remitirla a los Viceministros asistentes a la VIII CRM.");
    assert_eq!((r[0].1.clone(), r[0].4), (numbered(8), true));
    assert_eq!(
        refs("en la Octava Reunión de la Conferencia Regional sobre Migración")[0].1,
        numbered(8)
    );
    assert!(refs("vi la CRM ayer").is_empty());
}

#[test]
fn a_body_by_month() {
    for text in [
        "el GRCM de octubre 2002 consideró",
        "la reunión del GRCM en octubre 2002 para",
        "el GRCM, en su reunión de octubre 2002, formuló",
    ] {
        let r = refs(text);
        assert_eq!(
            (r[0].1.clone(), r[0].2.as_deref()),
            (grcm(), Some("2002-10")),
            "{text}"
        );
    }
    let r = refs("la reunión del Grupo Regional de Consulta sobre Migración (GRCM), realizada del 29-31 de octubre de 2002  en Antigua, Guatemala, se");
    assert_eq!(
        (r[0].2.as_deref(), r[0].3.as_deref()),
        (Some("2002-10-29..2002-10-31"), Some("country:gt"))
    );
    let listed = refs("las reuniones del GRCM (Heredia, noviembre 2001; Antigua, mayo 2002; y Ciudad Guatemala, 2002).");
    let when: Vec<Option<String>> = listed.iter().map(|r| r.2.clone()).collect();
    assert_eq!(
        when,
        [
            Some("2001-11".into()),
            Some("2002-05".into()),
            Some("2002".into())
        ]
    );
}

#[test]
fn current_undated_and_possessive() {
    assert_eq!(
        refs("durante la actual reunión del GRCM.")[0].1,
        Target::Current {
            body: Some("organization:grcm".into())
        }
    );
    assert_eq!(
        refs("previo a esta reunión y")[0].1,
        Target::Current { body: None }
    );
    let r = refs("y el GRCM posteriormente la respaldó.");
    assert_eq!(
        r[0].1,
        Target::Undated {
            body: "organization:grcm".into()
        }
    );
    let r = refs("La OIM recomendó esta actividad durante su reunión del 28 de octubre 2002 y");
    assert_eq!(
        (r[0].1.clone(), r[0].2.as_deref()),
        (
            Target::Dated {
                body: "organization:oim".into()
            },
            Some("2002-10-28")
        )
    );
    assert!(
        refs("la OIM en octubre 2002 publicó").is_empty(),
        "an organization with a date is not a meeting"
    );
}

#[test]
fn future_endings_as_the_rule_reads_them() {
    let rule = compile(rules::FUTURE_ORIGINAL);
    for text in [
        "La PPT destacará algunos aspectos",
        "se realizarán, y presentarán.",
        "rá rán árá xrá_ xrá2 xráx xránx xrán",
        "Prácticas; prácticamente ra rá",
        "ñrá érán ß rá",
        "",
        "tendrá",
        "_rá",
        "1rán.",
    ] {
        assert_eq!(future_ending(text), rule.is_match(text), "{text:?}");
    }
}

#[test]
fn meetings_of_sister_processes() {
    let r = refs("The 5th Ministerial Consultation of the Colombo Process met in Colombo.");
    assert_eq!(
        r[0].1,
        Target::Numbered {
            body: "Colombo Process".into(),
            ordinal: 5
        }
    );
    let r = refs("la LXIII Reunión Ordinaria del Grupo Mercado Común, a la que");
    assert_eq!(
        r[0].1,
        Target::Numbered {
            body: "GMC".into(),
            ordinal: 63
        }
    );
    // A name with digits and a sign (`data/series/dialogo-5-5.toml`).
    let r = refs("los trabajos de la octava Conferencia Ministerial del Diálogo 5+5 sobre la Migración y el Desarrollo, celebrada");
    assert_eq!(
        r[0].1,
        Target::Numbered {
            body: "Diálogo 5+5".into(),
            ordinal: 8
        }
    );
    // Keyed by date: the ordinal gives way to the month.
    let bali = Target::Dated {
        body: "organization:bali".into(),
    };
    let r = refs("The second Regional Ministerial Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime was held in Bali from 28 to 30 April 2003.");
    assert_eq!(
        (r[0].1.clone(), r[0].2.as_deref()),
        (bali.clone(), Some("2003-04-28..2003-04-30"))
    );
    let r = refs(
        "the Bali Regional Ministerial Conference held in Bali, Indonesia, 26-28 February 2002.",
    );
    assert_eq!(
        (r[0].1.clone(), r[0].2.as_deref()),
        (bali, Some("2002-02-26..2002-02-28"))
    );
    let r = refs("the Second Preparatory Meeting for the 5th Budapest Process Ministerial Conference took place");
    // The preparatory meeting is a meeting of its own; the one it prepares
    // is named as a destination.
    assert_eq!(
        r.iter().map(|x| (x.1.clone(), x.4)).collect::<Vec<_>>(),
        [
            (
                Target::Numbered {
                    body: "budapest 05 prep".into(),
                    ordinal: 2
                },
                false
            ),
            (
                Target::Numbered {
                    body: "Budapest Process".into(),
                    ordinal: 5
                },
                true
            ),
        ],
        "a meeting prepared for is a destination"
    );
}

#[test]
fn a_list_of_numbered_meetings_with_their_places_and_dates() {
    let r = refs("de la Primera, Segunda y Tercera Conferencias Sudamericanas sobre Migraciones (CSM), celebradas en Buenos Aires, en mayo de 2000, en Santiago de Chile, en abril de 2001, y en Quito, en agosto de 2002, y tras");
    let got: Vec<(Target, Option<String>)> = r.into_iter().map(|x| (x.1, x.2)).collect();
    let csm = |n| Target::Numbered {
        body: "CSM".into(),
        ordinal: n,
    };
    assert_eq!(
        got,
        [
            (csm(1), Some("2000-05".into())),
            (csm(2), Some("2001-04".into())),
            (csm(3), Some("2002-08".into()))
        ]
    );
}

#[test]
fn a_body_s_numbered_meeting_and_a_place_before_a_meeting() {
    let r = refs("la CRM se ha regido por la declaración que emitieron en su primera reunión en Puebla, México, en marzo de 1996.");
    assert_eq!(
        (r[0].1.clone(), r[0].2.as_deref(), r[0].3.as_deref()),
        (numbered(1), Some("1996-03"), Some("country:mx"))
    );
    let r = refs("Aprobado en Ciudad de Panamá, Panamá, en la XXIII Reunión Viceministerial de la Conferencia Regional sobre Migración (CRM), noviembre del 2018.");
    assert_eq!(
        (r[0].1.clone(), r[0].2.as_deref(), r[0].3.as_deref()),
        (numbered(23), Some("2018-11"), Some("country:pa"))
    );
}

#[test]
fn a_body_before_the_word_meeting() {
    let r = refs("Follow-up 10th -11th RCGM Meeting June 7-9, 2016 was good.");
    assert_eq!(
        (r[0].1.clone(), r[0].2.as_deref()),
        (grcm(), Some("2016-06-07..2016-06-09"))
    );
}

#[test]
fn an_ordinal_and_meeting_words_are_a_meeting_of_the_document_s_series() {
    let r = refs("The Vice-Ministers met at the XXI Vice-Ministerial Meeting held in Tela.");
    assert_eq!(r[0].1, numbered(21));
    let r = refs("At their Fiftieth Regular Meeting, the authorities agreed.");
    assert_eq!(r[0].1, numbered(50));
    for text in [
        "Workshop, Honduras October 26th and 27th Meeting dialogue civil society",
        "the first meeting of the Network was held",
        "la Segunda Conferencia Hemisférica",
    ] {
        assert!(refs(text).is_empty(), "{text}");
    }
}

/// The series' name cut short after an ordinal ("La X Conferencia de
/// Migraciones celebrada en Cochabamba", a blog post on the CSM of 2010)
/// is its meeting; another name after the connector is not.
#[test]
fn an_ordinal_and_the_series_name_cut_short() {
    let r = refs_in(
        "La X Conferencia de Migraciones celebrada en Cochabamba concluyó.",
        Some("csm"),
    );
    let csm10 = Target::Numbered {
        body: "CSM".into(),
        ordinal: 10,
    };
    assert_eq!(r[0].1, csm10);
    // With the words of holding and the city the gazetteer knows.
    assert_eq!(
        r[0].0,
        "X Conferencia de Migraciones celebrada en Cochabamba"
    );
    let r = refs("The Fifth Conference on Migration, held in Washington, closed.");
    assert_eq!(r[0].1, numbered(5));
    let r = refs("la Secretaría Pro Témpore de la V Conferencia Regional de Migración prepare");
    assert_eq!(r[0].1, numbered(5));
    assert_eq!(r[0].0, "V Conferencia Regional de Migración");
    for text in [
        "la IV Conferencia de Ministros de Salud",
        "the Second Conference of the Parties",
        "la X Conferencia de las Américas",
        "la XIV Conferencia Regional sobre la Mujer",
        "la V Conferencia Regional de Población",
    ] {
        assert!(refs(text).is_empty(), "{text}");
    }
}
#[test]
fn named_conference() {
    let r = refs("en la “Conferencia Hemisférica Sobre Migración”, que se realizó en Santiago, Chile, del 20-22 de noviembre 2002.");
    assert_eq!(
        r[0].1,
        Target::Named {
            title: "Conferencia Hemisférica Sobre Migración".into()
        }
    );
    assert_eq!(
        (r[0].2.as_deref(), r[0].3.as_deref()),
        (Some("2002-11-20..2002-11-22"), Some("country:cl"))
    );
}

#[test]
fn a_meeting_numbered_on_its_own_is_keyed_apart_from_the_series_meetings() {
    // "2nd Senior Officials' Meeting of the Colombo Process" is not its
    // 2nd Ministerial Consultation: `colombo-som-02`.
    let r = refs("Delegates met at the 2nd Senior Officials' Meeting of the Colombo Process.");
    assert_eq!(
        r.first().map(|x| x.1.clone()),
        Some(Target::Numbered {
            body: "colombo som".into(),
            ordinal: 2
        })
    );
    let r = refs("Delegates met at the 5th Ministerial Consultation of the Colombo Process.");
    assert_eq!(
        r.first().map(|x| x.1.clone()),
        Some(Target::Numbered {
            body: "Colombo Process".into(),
            ordinal: 5
        })
    );
}

#[test]
fn a_series_held_on_days_told_before_its_name() {
    // The days, then the words of holding, then the series: a meeting of
    // that series on those days, in the place that follows.
    let r = refs("Los días 5 y 6 de mayo de 2005, tuvo lugar la Conferencia Sudamericana sobre Migraciones en Asunción, Paraguay, con la presencia de doce países.");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(matches!(&r[0].1, Target::Dated { .. }), "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("2005-05-05..2005-05-06"));
    assert_eq!(r[0].3.as_deref(), Some("country:py"));
    // A date and a series with no words of holding between them are not a
    // meeting of that series.
    let r = refs(
        "El 5 de mayo de 2005, la Conferencia Sudamericana sobre Migraciones publicó un informe.",
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn the_series_a_document_is_about() {
    use super::series_refs::document_series;
    let one = "La Conferencia Regional sobre Migración (CRM) cerró su reunión.";
    assert_eq!(document_series(one).as_deref(), Some("crm"));
    // Named twice as often as the other series it mentions: about it.
    let most = "La CRM cerró su reunión; la CRM y la Conferencia Suramericana sobre Migraciones celebrarán una plenaria. La CRM entregó la Presidencia.";
    assert_eq!(document_series(most).as_deref(), Some("crm"));
    // About as often: about neither.
    let even = "La CRM y la CSM celebraron su plenaria; la CRM y la CSM firmaron.";
    assert_eq!(document_series(even), None);
    assert_eq!(document_series("Nada de ninguna serie."), None);
}

#[test]
fn meeting_words_of_one_series_alone_name_its_meeting() {
    // A heading's last words, the next line a sentence of its own.
    let crm28 = Target::Numbered {
        body: "CRM".into(),
        ordinal: 28,
    };
    let text = "Meetings of the Working Groups and XXVIII Vice-Ministerial Meeting\nThe Working Group meetings were held from November 14 to 16, 2023.";
    let r = refs_in(text, None);
    assert!(r.iter().any(|x| x.1 == crm28), "{r:?}");
    // Words any series may use name no series' meeting by themselves.
    let r = refs_in("Delegates met at the XXVIII Meeting, and left.", None);
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_pages_heading_lines_do_not_hide_its_first_sentences() {
    let lines = [
        "Naciones Unidas A/AC.293/2022/L.1",
        "Asamblea General Distr. limitada",
        "Español",
        "Tema 5 del programa provisional*",
        "Proyecto de resolución presentado por la Presidencia de la Asamblea General",
        "El Foro de Examen de la Migración Internacional,",
        "Reunido en la Sede de las Naciones Unidas (Nueva York) del 17 al 20 de mayo de 2022,",
        "Aprueba la Declaración que figura en el anexo.",
        "Decide seguir examinando la cuestión.",
        "Recomienda que se publique.",
        "Pide a la Secretaría que la distribuya.",
        "Invita a los Estados a que la apliquen.",
        "Toma nota del informe.",
    ];
    let sentences: Vec<Sentence> = lines.iter().map(|l| Sentence::whole(l)).collect();
    let read: Vec<&str> = super::own::read_opening(&sentences, usize::MAX)
        .map(|s| s.text.as_str())
        .collect();
    // Six sentences read past the five heading lines; the seventh is not.
    assert_eq!(read.len(), 11, "{read:?}");
    assert!(read.contains(
        &"Reunido en la Sede de las Naciones Unidas (Nueva York) del 17 al 20 de mayo de 2022,"
    ));
    assert!(!read.contains(&"Toma nota del informe."));
}

#[test]
fn a_list_of_numbered_meetings_with_a_place_and_a_year_each() {
    let r = refs(
        "Conferences I SCM, Buenos Aires, Argentina (2000) II SCM, Quito, Ecuador (2002) the rest",
    );
    let csm = |n| Target::Numbered {
        body: "CSM".into(),
        ordinal: n,
    };
    let got: Vec<(Target, Option<String>, Option<String>)> =
        r.into_iter().map(|x| (x.1, x.2, x.3)).collect();
    assert_eq!(
        got,
        [
            (csm(1), Some("2000".into()), Some("country:ar".into())),
            (csm(2), Some("2002".into()), Some("country:ec".into())),
        ]
    );
}

#[test]
fn a_meeting_attended_on_the_days_before_it() {
    let khartoum = Target::Dated {
        body: "organization:khartoum".into(),
    };
    let r = refs_in("On 22 – 23 March 2022, Khartoum Process partners met for the 8th Khartoum Process Senior Officials' Meeting, which the delegates opened.", Some("khartoum"));
    assert_eq!(
        (r[0].1.clone(), r[0].2.as_deref(), r[0].4),
        (khartoum.clone(), Some("2022-03-22..2022-03-23"), false)
    );
    // Prepared for, not attended: a destination, without those days.
    let r = refs_in("On 22 – 23 March 2022, experts drafted texts for the 8th Khartoum Process Senior Officials' Meeting.", Some("khartoum"));
    assert_eq!((r[0].2.as_deref(), r[0].4), (None, true), "{r:?}");
    // The place between the words of meeting and the meeting.
    let r = refs_in("On 22 – 23 March 2022, partners came together in Cairo, Egypt for the 8th Khartoum Process Senior Officials' Meeting.", Some("khartoum"));
    assert_eq!(
        (r[0].2.as_deref(), r[0].4),
        (Some("2022-03-22..2022-03-23"), false),
        "{r:?}"
    );
    // A place, then a purpose: still prepared for.
    let r = refs_in("On 22 – 23 March 2022, experts met in Cairo to draft texts for the 8th Khartoum Process Senior Officials' Meeting.", Some("khartoum"));
    assert_eq!((r[0].2.as_deref(), r[0].4), (None, true), "{r:?}");
    // A near day before the place: attended, as a news item says it.
    let r = refs_in("Representatives of ten governments gathered this week in Montevideo, Uruguay, for the 17th South American Conference on Migration (SACM).", Some("csm"));
    let csm17 = Target::Numbered {
        body: "CSM".into(),
        ordinal: 17,
    };
    assert_eq!((r[0].1.clone(), r[0].4), (csm17, false), "{r:?}");
}

/// A series' first meeting named by an adjective (`[ordinals] inaugural`):
/// "nuestro encuentro inaugural en Puebla" in the V CRM's declaration.
#[test]
fn the_inaugural_meeting_is_the_series_first() {
    let r = refs("en ocasión de la quinta reunión desde nuestro encuentro inaugural en Puebla, los gobiernos reiteramos");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        (r[0].0.as_str(), r[0].1.clone()),
        ("encuentro inaugural en Puebla", numbered(1))
    );
    let r = refs("since its inaugural meeting of the Regional Conference on Migration in 1996");
    assert_eq!(r[0].1, numbered(1));
    // The first meeting of another body is not the series' first.
    for text in [
        "la reunión inaugural del Grupo de Trabajo sobre Gestión Fronteriza",
        "the inaugural meeting of the Liaison Officers Network",
        "durante la sesión inaugural, el Viceministro",
    ] {
        let r = refs(text);
        assert!(r.is_empty(), "{text}: {r:?}");
    }
}

/// The South American Conference numbers its intersessional meetings on
/// their own, named after its name or on a page of its own.
#[test]
fn an_intersessional_meeting_of_the_south_american_conference() {
    let seventh = Target::Numbered {
        body: "csm intersesional".into(),
        ordinal: 7,
    };
    let r = refs("La VII Reunión Intersesional de la Conferencia Sudamericana sobre Migraciones se realizará el 2 y 3 de agosto.");
    assert_eq!(r[0].1, seventh);
    let r = refs_in(
        "approved during the 7th meeting inter-sessional of the SACM that took place in Lima",
        Some("csm"),
    );
    assert_eq!(r[0].1, seventh);
}

/// English writes the month of a meeting after "in" and its day after
/// "of" ("held in March 2011", "the meeting of 7 September 2012"), as
/// Spanish does after "en" and "de".
#[test]
fn a_meeting_dated_after_in_or_of() {
    let almaty = Target::Dated {
        body: "organization:almaty".into(),
    };
    let r = refs_in(
        "It followed on from the first Almaty Conference on Refugee Protection and International Migration, held in March 2011, at which a declaration was adopted.",
        Some("almaty"),
    );
    assert_eq!(r[0].1, almaty, "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("2011-03"), "{r:?}");
    let r = refs_in(
        "The Almaty Conference on Refugee Protection and International Migration of 7 September 2012 endorsed the plan.",
        Some("almaty"),
    );
    assert_eq!(r[0].2.as_deref(), Some("2012-09-07"), "{r:?}");
}

/// Two meetings joined by "and" share the place and days written after
/// the second ("which will be held in ..."), and each is numbered on its
/// own: a senior officials' meeting written "Senior Official Meeting".
#[test]
fn coordinated_meetings_share_the_days_after_them() {
    let r = refs_in(
        "a message to the 4th Senior Official Meeting and the 5th Ministerial Meeting of the Colombo Process which will be held in Colombo, Sri Lanka on 24th and 25th August 2016.",
        Some("colombo"),
    );
    let numbered = |body: &str, ordinal| Target::Numbered {
        body: body.into(),
        ordinal,
    };
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].1, numbered("colombo som", 4), "{r:?}");
    assert_eq!(r[1].1, numbered("Colombo Process", 5), "{r:?}");
    for row in &r {
        assert_eq!(row.2.as_deref(), Some("2016-08-24..2016-08-25"), "{r:?}");
        assert_eq!(row.3.as_deref(), Some("country:lk"), "{r:?}");
    }
    // A meeting with days of its own keeps them.
    let r = refs_in(
        "la XX Reunión Viceministerial de la CRM, celebrada en marzo de 2015, y la XXI Reunión Viceministerial de la CRM, celebrada en Tegucigalpa en junio de 2016.",
        None,
    );
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].2.as_deref(), Some("2015-03"), "{r:?}");
    assert_eq!(r[1].2.as_deref(), Some("2016-06"), "{r:?}");
    // Words of holding in the singular are the second meeting's alone.
    let r = refs_in(
        "Tomando en cuenta la XIX Reunión Viceministerial de la CRM y la XX Reunión Viceministerial de la CRM, celebrada en San José, Costa Rica, el 25 de junio de 2015.",
        None,
    );
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].2, None, "{r:?}");
    assert_eq!(r[1].2.as_deref(), Some("2015-06-25"), "{r:?}");
}

mod hosted;
mod named;
mod of_body;
mod placed;
mod sub;
mod understood;
