//! Tests of reading decisions in running prose (`super`).

use super::*;

fn profile(lang: &str) -> Profile {
    Profile::bundled_for(lang).cloned().unwrap_or_default()
}

/// The texts of the sentences read as decisions in prose.
fn read(lang: &str, sentences: &[&str]) -> Vec<String> {
    let p = profile(lang);
    let secs = vec![sentences
        .iter()
        .map(|t| {
            let mut s = Sentence::whole(t);
            let (qs, unclosed) = super::super::quotes::scan(t);
            s.quotes = qs
                .into_iter()
                .map(|q| (q, super::super::quotes::classify(t, &q, &p.documents)))
                .collect();
            s.unclosed = unclosed;
            s
        })
        .collect::<Vec<_>>()];
    decisions(&p, "", &secs, &[], &Facts::new("doc"), OwnBody::default())
        .iter()
        .map(|i| sentences[secs[0].iter().position(|s| s.span == i.span).unwrap_or(0)].to_string())
        .collect()
}

#[test]
fn an_act_records_a_decision_only_after_a_body_that_decides() {
    let t = "Durante la reunión, los países miembros eligieron a México para presidir la reunión en 2021.";
    assert_eq!(read("es", &[t]).len(), 1);
    assert!(read(
        "es",
        &["Ayer se eligieron dos relatores para la sesión de la tarde."]
    )
    .is_empty());
    let t = "Finally, the Vice-Ministers thanked Costa Rica for its offer to host the next meeting, and approved it.";
    assert_eq!(read("en", &[t]).len(), 1);
}

#[test]
fn the_body_whose_meeting_is_recorded_decides_too() {
    let t = "El GMC tomó nota de los trabajos del grupo de trabajo.";
    let secs = vec![vec![Sentence::whole(t)]];
    let p = profile("es");
    let names = ["gmc".to_string()];
    let own = OwnBody {
        id: None,
        names: &names,
    };
    assert_eq!(
        decisions(&p, "", &secs, &[], &Facts::new("d"), own).len(),
        1
    );
    assert!(read("es", &[t]).is_empty());
}

#[test]
fn an_act_in_a_quotation_is_a_speakers_word() {
    let t =
        "Pisani added: \"We hope the countries of the region approved the policy at the Summit.\"";
    assert!(read("en", &[t]).is_empty());
}

#[test]
fn an_outcome_told_in_a_news_page_and_one_denied() {
    let t = "Notably, consensus was reached on several proposals for changes in the wording.";
    assert_eq!(read("en", &[t]).len(), 1);
    let t = "This meeting resulted in a decision to embark on a multiannual planning process.";
    assert_eq!(read("en", &[t]).len(), 1);
    let t = "After two days, no agreement was reached on the remaining points of the text.";
    assert!(read("en", &[t]).is_empty());
    let t = "Tras dos días, esos dos países no llegaron a un acuerdo sobre dos puntos del texto.";
    assert!(read("es", &[t]).is_empty());
    let t = "Tras dos días, los dos países llegaron a un acuerdo sobre dos puntos del texto.";
    assert_eq!(read("es", &[t]).len(), 1);
}

#[test]
fn a_passive_phrase_ending_its_sentence_records_what_comes_before() {
    let t = "At this ministerial meeting, held in Hungary, the declaration of ministers and the action plan were adopted.";
    assert_eq!(read("en", &[t]).len(), 1);
    // An active phrase ending its sentence says nothing of its own.
    let t = "DECISIONES DE LOS VICEMINISTROS Los Viceministros decidieron.";
    assert!(read("es", &[t]).is_empty());
    let t = "El plan de trabajo regional para el bienio se aprobó.";
    assert_eq!(read("es", &[t]).len(), 1);
    // A passive inside a relative clause names what it tells of.
    let t = "La última reunión de este tipo tuvo lugar en 2018, año en que se aprobó esta actividad por los países.";
    assert!(read("es", &[t]).is_empty());
    let t =
        "They reviewed the plan which was adopted by the Ministers in 2018 at the last meeting.";
    assert!(read("en", &[t]).is_empty());
}

/// The texts of the items read as decisions in prose.
fn items(lang: &str, text: &str) -> Vec<String> {
    let secs = vec![vec![Sentence::whole(text)]];
    decisions(
        &profile(lang),
        text,
        &secs,
        &[],
        &Facts::new("doc"),
        OwnBody::default(),
    )
    .iter()
    .map(|i| text[i.span.start..i.span.end].to_string())
    .collect()
}

#[test]
fn a_list_run_into_one_sentence_is_one_decision_an_item() {
    let t = "The Vice-Ministers agreed: to strengthen consular protection networks; to share migration statistics every year; and to hold a workshop on return in 2010.";
    assert_eq!(
        items("en", t),
        [
            "to strengthen consular protection networks",
            "to share migration statistics every year",
            "to hold a workshop on return in 2010."
        ]
    );
    let t = "Entre las recomendaciones figuran: mejorar el registro de entradas; compartir los datos de retorno; y revisar los acuerdos consulares vigentes.";
    assert_eq!(items("es", t).len(), 3);
    assert!(items("es", t)[2].starts_with("revisar"));
    // Two parts, or a part of two words, are no list of decisions.
    let t = "The Vice-Ministers agreed: to strengthen consular protection networks; to share migration statistics every year.";
    assert_eq!(items("en", t).len(), 1);
    let t = "The Vice-Ministers agreed: to strengthen consular networks; to report; and to hold a workshop on return.";
    assert_eq!(items("en", t).len(), 1);
}

#[test]
fn a_decision_told_as_earlier_is_not_one() {
    let t = "Los Estados Miembros subrayaron que hace poco se acordó un plan de trabajo regional.";
    assert!(read("es", &[t]).is_empty());
    let t = "Los Estados Miembros acordaron un plan de trabajo regional.";
    assert_eq!(read("es", &[t]).len(), 1);
}

#[test]
fn an_operative_paragraph_under_a_lead_line_is_a_decision() {
    let lead = "Las y los Viceministros y Jefes de Delegación:";
    let item = "Reconocer el trabajo y el apoyo de los Organismos Internacionales en la región.";
    assert_eq!(read("es", &[lead, item]), vec![item.to_string()]);
    assert!(read("es", &[item]).is_empty());
}

#[test]
fn infinitive_paragraphs_after_a_sentence_announcing_agreements_are_decisions() {
    let lead = "La Cancillería hondureña expuso uno por uno los convenios.";
    let a = "Elaborar un plan de acción para el desarrollo de la región.";
    let b = "Instar a que se levanten las medidas impuestas a países de la región.";
    let other = "La reunión terminó con una cena de trabajo.";
    assert_eq!(
        read("es", &[lead, a, b]),
        vec![a.to_string(), b.to_string()]
    );
    assert!(read("es", &[a, b]).is_empty());
    // The agreements end at the first paragraph that is not one.
    assert_eq!(read("es", &[lead, a, other, b]), vec![a.to_string()]);
    // A noun that ends like an infinitive opens no agreement.
    let place = "Lugar y fecha de la próxima reunión por definir.";
    assert!(read("es", &[lead, place]).is_empty());
    let lead = "The Chair then read out the recommendations.";
    let a = "To develop a regional plan on labour migration.";
    assert_eq!(read("en", &[lead, a]), vec![a.to_string()]);
}

#[test]
fn a_lead_in_and_a_repeated_summary_are_not_decisions_of_their_own() {
    let t = "The Ministers of the region met in Panama, and they have approved the following declaration:";
    assert!(read("en", &[t]).is_empty());
    let t = "Los presidentes cerraron la reunión con la decisión conjunta de solicitar cambios en la política migratoria.";
    assert_eq!(read("es", &[t, t]).len(), 1);
}

#[test]
fn an_item_opening_like_a_preamble_is_not_a_decision() {
    let text = "Having debated the central theme, we recognize that no country can act alone.";
    let item = Item {
        label: String::new(),
        span: Span {
            start: 0,
            end: text.len(),
        },
        cue: Span { start: 0, end: 0 },
    };
    assert!(preamble(&profile("en"), text, &item));
    let text = "We agree to keep promoting safe, regular and orderly migration.";
    let item = Item {
        span: Span {
            start: 0,
            end: text.len(),
        },
        ..item
    };
    assert!(!preamble(&profile("en"), text, &item));
}
