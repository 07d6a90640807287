//! Tests of reading where and when a meeting was held from a document's
//! opening and from the field lines of a page that lists meetings.

use super::*;
use crate::ingest::profile::Profile;
use crate::ingest::resolve::Resolver;
use crate::reference::Gazetteer;

/// `f` run with the bundled gazetteer and profiles.
pub(super) fn with_env<T>(f: impl FnOnce(&Env) -> T) -> T {
    let g = Gazetteer::bundled().expect("gazetteer");
    let resolver = Resolver::from_gazetteer(&g);
    let env = Env {
        gazetteer: &g,
        resolver: &resolver,
        dates: DateContext::default(),
        profiles: Profile::bundled(),
        series: None,
        today: None,
    };
    f(&env)
}

/// City and days (as `start..end`) read from a document's opening.
fn held(text: &str) -> Option<(Option<String>, String)> {
    held_in(text, &[])
}

/// [`held`] of an opening cut into sentences at the offsets `cuts` (each
/// sentence after a cut starts one byte later, past its space).
fn held_in(text: &str, cuts: &[usize]) -> Option<(Option<String>, String)> {
    with_env(|env| {
        let starts = std::iter::once(0).chain(cuts.iter().map(|c| c + 1));
        let ends = cuts.iter().copied().chain(std::iter::once(text.len()));
        let sentences: Vec<Sentence> = starts
            .zip(ends)
            .map(|(start, end)| {
                let mut s = Sentence::new(text, Span { start, end }, false, true);
                s.dates = dates::find_normalized(s.hay(), &s.map, &env.dates);
                s
            })
            .collect();
        let h = read(text, &sentences, text.len(), env, |s| {
            super::super::front::held_cue().is_match(s.hay())
        })?;
        let d = h.date?;
        Some((h.city, format!("{}..{}", d.start, d.end)))
    })
}

/// City and days (as `start..end`) of the field lines under a listed
/// meeting's heading (`after`: the rest of the heading's line first).
fn fields(after: &str) -> (Option<String>, Option<String>) {
    with_env(|env| {
        let labels: Vec<&str> = env.places(|p| &p.fields);
        let (date, place) = field_lines(after, &labels, env);
        (
            place.and_then(|(city, _)| city),
            date.map(|d| format!("{}..{}", d.start, d.end)),
        )
    })
}

#[test]
fn the_field_lines_under_a_listed_meeting() {
    let rhodes = "\n\nDate: 26 June 2003\n\nLocation: Rhodes, Greece\n\nDescription: The meeting in Rhodes on 25 - 26 June 2003 was held at the invitation of Greece. It recalled the conferences held in Berlin on 30 - 31 October 1991.\n";
    assert_eq!(
        fields(rhodes),
        (Some("Rhodes".into()), Some("2003-06-25..2003-06-26".into()))
    );
    // Days of another meeting in the description do not hold the field's day.
    let istanbul = "\nDate: 19 April 2013\nLocation: Istanbul, Turkey\nDescription: It recalled the meeting in Rhodes on 25 - 26 June 2003.\n";
    assert_eq!(
        fields(istanbul),
        (
            Some("Istanbul".into()),
            Some("2013-04-19..2013-04-19".into())
        )
    );
}

#[test]
fn a_heading_line_of_place_and_days() {
    let text = "REUNION DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN (GRCM)\nManagua, Nicaragua, 29 - 31 de octubre de 2007\nEl Grupo sesionó.";
    assert_eq!(
        held(text),
        Some((Some("Managua".into()), "2007-10-29..2007-10-31".into()))
    );
    let region = "REUNIÓN DEL GRCM\nTapachula, Chiapas, México, 18 y 19 de mayo de 2010\nTexto.";
    assert_eq!(
        held(region),
        Some((Some("Tapachula".into()), "2010-05-18..2010-05-19".into()))
    );
    let chapter =
        "Proceso de Quito\nCapítulo de Brasilia, 30 de junio y 1 de julio de 2022\nTexto.";
    assert_eq!(
        held(chapter),
        Some((Some("Brasilia".into()), "2022-06-30..2022-07-01".into()))
    );
    let formal = "Tela, República de Honduras, 6 y 7 de mayo de 2008\nTexto.";
    assert_eq!(
        held(formal),
        Some((Some("Tela".into()), "2008-05-06..2008-05-07".into()))
    );
}

#[test]
fn a_heading_a_flattened_copy_runs_into_the_line_of_place_and_days() {
    let text = "Report of the Conference\nGaborone, 3 - 5 June 2012 Table of Contents\nThe Conference met.";
    assert_eq!(
        held(text),
        Some((Some("Gaborone".into()), "2012-06-03..2012-06-05".into()))
    );
    // Other words after the days: not a line of place and days.
    let text = "Report of the Conference\nGaborone, 3 - 5 June 2012 the delegates arrived\nThe Conference met.";
    assert_eq!(held(text), None);
}

#[test]
fn a_place_line_next_to_a_line_of_days() {
    let text = "Meeting of the Group\nManagua, Nicaragua\nJune 24-25, 2014\nThe Group met.";
    assert_eq!(
        held(text),
        Some((Some("Managua".into()), "2014-06-24..2014-06-25".into()))
    );
}

#[test]
fn the_sentence_that_says_the_meeting_took_place() {
    let text = "The Fifth Conference took place in Washington, DC, United States of America, March 23rd and 24th, 2000, with the participation of Belize.";
    assert_eq!(
        held(text),
        Some((
            Some("Washington, DC".into()),
            "2000-03-23..2000-03-24".into()
        ))
    );
    let es = "El Grupo se reunió del 29 al 31 de octubre de 2007 en la ciudad de Managua, Nicaragua, con representantes de Belice.";
    assert_eq!(
        held(es),
        Some((Some("Managua".into()), "2007-10-29..2007-10-31".into()))
    );
}

#[test]
fn a_place_before_the_words_of_its_days() {
    let text = "La Octava Reunión de la CRM, celebrada en Cancún los días 29 y 30 de mayo de 2003, subrayó el valor.";
    assert_eq!(
        held(text),
        Some((Some("Cancún".into()), "2003-05-29..2003-05-30".into()))
    );
}

#[test]
fn a_known_place_before_the_name_of_the_meeting() {
    let text = "Los días 4 y 5 de mayo de 2006 tuvo lugar en la ciudad de Asunción la Sexta Conferencia Sudamericana sobre Migraciones (CSM).";
    assert_eq!(
        held(text),
        Some((Some("Asunción".into()), "2006-05-04..2006-05-05".into()))
    );
}

#[test]
fn the_fields_of_an_event_page() {
    let text = "Second Ministerial Conference\n\nLocation: Bali, IndonesiaDate: 29 - 30 April 2003\nThe second Conference was held in Bali from 28 to 30 April 2003.";
    assert_eq!(
        held(text),
        Some((Some("Bali".into()), "2003-04-29..2003-04-30".into()))
    );
}

#[test]
fn a_plan_or_a_period_is_not_a_meeting() {
    assert_eq!(
        held("Plan de trabajo\n2019-2025\nRed de Funcionarios"),
        None
    );
    assert_eq!(
        held("Informe del periodo enero - diciembre de 2007 que presenta la Secretaría."),
        None
    );
}

#[test]
fn an_item_of_a_list_of_activities_is_not_the_meetings_place() {
    // Running text before a place and days: an activity, not a heading.
    assert_eq!(
        held("Activities of the year\nWorkshop social reintegration returned, Honduras October 26th and 27th, 2016\nOther work."),
        None
    );
    // A sentence that says where is read, running text or not (its city
    // is the meeting reference's, read with the reference).
    assert_eq!(
        held("The meeting will take place in Istanbul, Turkey, on 11–12 December 2014.")
            .map(|(_, days)| days),
        Some("2014-12-11..2014-12-12".into())
    );
}

#[test]
fn days_of_one_meeting_written_one_by_one() {
    // A field visit one day and the plenary the next: the meeting's days.
    let text = "The Vice-Ministers, meeting in Panama City for the field visit held on March 24, 2022 and the plenary meeting held on March 25, 2022, approved this declaration.";
    assert_eq!(
        held(text),
        Some((Some("Panama City".into()), "2022-03-24..2022-03-25".into()))
    );
    // Days more than three apart are two events: the first is the meeting's.
    let apart = "The Vice-Ministers, meeting in Panama City on March 24, 2022, recalled the visit of March 10, 2022.";
    assert_eq!(
        held(apart),
        Some((Some("Panama City".into()), "2022-03-24..2022-03-24".into()))
    );
}

#[test]
fn days_in_the_sentence_after() {
    let text = "En el día de la fecha se abrió, en la sede de la Asociación Latinoamericana de Integración en Montevideo, la primera Reunión Plenaria entre la CRM y la CSM. La reunión, que ocupará los días 8 y 9 de mayo de 2019, es un espacio clave.";
    let cut = text.find(" La reunión").expect("two sentences");
    assert_eq!(
        held_in(text, &[cut]),
        Some((Some("Montevideo".into()), "2019-05-08..2019-05-09".into()))
    );
}

#[test]
fn the_last_day_in_the_sentence_after() {
    let text = "The Conference on Migration took place in Montevideo, Uruguay, on 14 November 2017. The Conference, which closed on 16 November 2017, brought together ten delegations.";
    let cut = text.find(" The Conference,").expect("two sentences");
    assert_eq!(
        held_in(text, &[cut]),
        Some((Some("Montevideo".into()), "2017-11-14..2017-11-16".into()))
    );
    // A later day of something else is not the meeting's, nor a day
    // weeks later.
    let text = "The Conference on Migration took place in Montevideo, Uruguay, on 14 November 2017. The Conference, whose report will be delivered on 17 November 2017, brought together ten delegations.";
    let cut = text.find(" The Conference,").expect("two sentences");
    assert_eq!(
        held_in(text, &[cut]),
        Some((Some("Montevideo".into()), "2017-11-14..2017-11-14".into()))
    );
    let text = "The Conference on Migration took place in Montevideo, Uruguay, on 14 November 2017. The Conference, which closed on 30 November 2017, brought together ten delegations.";
    let cut = text.find(" The Conference,").expect("two sentences");
    assert_eq!(
        held_in(text, &[cut]),
        Some((Some("Montevideo".into()), "2017-11-14..2017-11-14".into()))
    );
}

#[test]
fn a_meeting_held_in_two_cities() {
    // The XXI CRM met in Omoa and San Pedro Sula: both, as printed.
    let es = "Los Viceministros, reunidos en la XXI Reunión Viceministerial celebrada en las ciudades de Omoa y San Pedro Sula, Honduras, los días 17 y 18 de noviembre de 2016, aprobaron esta declaración.";
    assert_eq!(
        held(es),
        Some((
            Some("Omoa y San Pedro Sula".into()),
            "2016-11-17..2016-11-18".into()
        ))
    );
    let en = "The Vice-Ministers met at the XXI Vice-Ministerial Meeting held in the cities of Omoa and San Pedro Sula, Honduras, on November 17-18, 2016.";
    assert_eq!(
        held(en),
        Some((
            Some("Omoa and San Pedro Sula".into()),
            "2016-11-17..2016-11-18".into()
        ))
    );
    // No second city: no place is made up.
    let one = "The Vice-Ministers met in the cities of the region on November 17-18, 2016.";
    assert_eq!(held(one), Some((None, "2016-11-17..2016-11-18".into())));
}
