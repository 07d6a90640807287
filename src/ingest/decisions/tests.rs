//! Tests of [`super`] (decisions.rs).

use super::*;

fn items(text: &str, lang: &str) -> Vec<(String, String)> {
    let p = Profile::bundled_for(lang).cloned().unwrap_or_default();
    find(text, &Cues::new(&p))
        .into_iter()
        .map(|i| (i.label, text[i.span.start..i.span.end].to_string()))
        .collect()
}

#[test]
fn numbered_after_a_verb() {
    let t = "Los Viceministros acordaron:\n1. Aceptar el informe.\n2. Reconocer el\nesfuerzo de Honduras.\n";
    let got = items(t, "es");
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[1],
        ("2".into(), "Reconocer el\nesfuerzo de Honduras.".into())
    );
}

#[test]
fn inline_after_a_heading() {
    let t =
        "Texto. APROBARON PUNTOS SUSTANTIVOS 1. Reconocer algo. 2. Adoptar otra cosa. 3. Aceptar.";
    let got = items(t, "es");
    let labels: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3"]);
}

#[test]
fn bullets_a_flattened_copy_prints_as_periods_after_an_introduction() {
    let t = "Adopted Recommendations\n\nThe recommendations below came out of the group work and were adopted on the last day.\n\n. Member States to share data on arrivals. . Strengthen the training of border officials. . Encourage countries to ratify the protocol.\n\nAnnex\n";
    let got = items(t, "en");
    let texts: Vec<&str> = got.iter().map(|(_, x)| x.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Member States to share data on arrivals.",
            "Strengthen the training of border officials.",
            "Encourage countries to ratify the protocol."
        ]
    );
    // Two paragraphs between the heading and the list: no list.
    let t = "Recommendations\n\nA first paragraph.\n\nA second paragraph.\n\n. One item. . Two items.\n";
    assert!(items(t, "en").is_empty());
}

#[test]
fn an_unnumbered_list_of_paragraphs_that_open_alike() {
    let t = "In this regard, they agreed:\n\nTo ask the donors for support.\n\nTo hold a seminar within ninety days.\n\nTo thank the host country.\n\nThey also heard a report.\n";
    let got = items(t, "en");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].1, "To thank the host country.");
    // A paragraph that opens otherwise ends the list.
    let t = "They agreed:\n\nTo ask the donors for support.\n\nThe meeting then closed.\n";
    assert_eq!(items(t, "en").len(), 1);
}

#[test]
fn a_numbered_section_heading_that_goes_on() {
    let t = "I. Decisions and Recommendations for Future Activities\n1. Ministers welcomed the work.\n2. Ministers agreed on a program.\n";
    assert_eq!(items(t, "en").len(), 2);
    let t = "II. Acuerdos de la reunión\n1. Aprobar el plan.\n";
    assert_eq!(items(t, "es").len(), 1);
    // A heading word that goes on without a connector is a sentence.
    let t = "Recommendations made earlier were discussed\n1. Ministers welcomed the work.\n";
    assert!(items(t, "en").is_empty());
}

#[test]
fn lettered_children_of_a_heading_item() {
    let t = "CONCLUSIONS\n1. On the reports, the RCGM concluded:\na) To accept the report.\nb) Take note of it.\n2. Thank the RNCOM.\n";
    let got = items(t, "en");
    let labels: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["1.a", "1.b", "2"]);
}

#[test]
fn a_bare_heading_is_not_a_decision() {
    let t = "DECISIONES DE LOS VICEMINISTROS\nLos Viceministros decidieron:\n1. Aprobar el plan.\n";
    assert_eq!(
        items(t, "es"),
        vec![("1".to_string(), "Aprobar el plan.".to_string())]
    );
}

#[test]
fn plain_lines_until_a_new_sentence() {
    let t = "En este sentido, acordaron:\nSometer la propuesta.\nSolicitar a la OIM un estudio.\nDestacaron las medidas.\n";
    assert_eq!(items(t, "es").len(), 2);
}

#[test]
fn a_cut_list_does_not_take_the_paragraph_of_the_next_lead_in() {
    let t = "They agreed:\n\nThey reiterated:\n\nThe Vice-Ministers were pleased that Peru took part.\n";
    assert!(items(t, "en").is_empty());
    let t = "They agreed:\n\nTo hold a workshop.\nTo thank Peru.\n";
    assert_eq!(items(t, "en").len(), 2);
}

#[test]
fn markers_next_to_wide_characters_do_not_panic() {
    for t in [
        "ACORDARON:\n0🕴; x\n",
        "ACORDARON: 1.\u{3000}1.\n",
        "CONCLUSIONES\na€ b\n(ï) c\n",
    ] {
        let _ = items(t, "es");
    }
}

#[test]
fn the_list_named_after_the_verb_and_topics_over_lettered_items() {
    let t = "CONCLUSIONS\n\nThe RCGM, having reviewed the reports presented, reached the following conclusions:\n\n\
             1. Liaison Officers Network\na) To approve the work plan of the Network for 2010.\n\
             b) To request the Technical Secretariat to circulate the directory.\n\n\
             2. Migrant children\na) To take note of the report presented by Mexico.\n";
    let labels: Vec<String> = items(t, "en").into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["1.a", "1.b", "2.a"]);
    let t = "El Grupo formuló las siguientes conclusiones:\n1. Red de funcionarios\na) Aprobar el plan de trabajo.\nb) Tomar nota del informe.\n";
    let labels: Vec<String> = items(t, "es").into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["1.a", "1.b"]);
    // A numbered item that says something is a decision of its own.
    let t = "The Vice-Ministers agreed to:\n1. Approve the plan.\na) To thank Mexico.\n";
    let labels: Vec<String> = items(t, "en").into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["1", "1.a"]);
}

#[test]
fn a_paragraph_numbered_otherwise_ends_the_list() {
    let t = "2. The Vice-Ministers agreed to:\n\n1) Approve the report.\n2) Urge the member countries to pay.\n3) Hold the next meeting.\n\n3. The Vice-Ministers thanked Costa Rica.\n";
    let labels: Vec<String> = items(t, "en").into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["1", "2", "3"]);
    // A copy that numbers every item "1." keeps them all.
    let t = "Acuerdan:\n  1. Ratificar el proceso.\n  1. Reafirmar su compromiso.\n  1. Expresar su preocupación.\n";
    assert_eq!(items(t, "es").len(), 3);
}

#[test]
fn ordinal_words_mark_items_when_closed_as_markers() {
    for (line, n, rest) in [
        (
            "PRIMERO.- Reafirmar el compromiso",
            "1",
            "Reafirmar el compromiso",
        ),
        (
            "Segundo: Encomendar a la Secretaría",
            "2",
            "Encomendar a la Secretaría",
        ),
        ("DÉCIMO PRIMERO.- Aceptar la sede", "11", "Aceptar la sede"),
        (
            "SECOND. To instruct the Secretariat",
            "2",
            "To instruct the Secretariat",
        ),
        ("Twenty-first) To hold", "21", "To hold"),
    ] {
        let got = marker(line).map(|(k, label, at)| (k, label, line[at..].to_string()));
        if n.is_empty() {
            assert_eq!(got, None, "{line}");
        } else {
            assert_eq!(got, Some(('o', n.to_string(), rest.to_string())), "{line}");
        }
    }
    // Running text that opens with a capitalized ordinal.
    for line in [
        "First, the Vice-Ministers met.",
        "Second. the list",
        "Primera Reunión de la CRM",
        "Primero.",
        "TERCERO",
        "Segundo Informe: lo que se hizo",
        "TERCERO .- Aceptar",
    ] {
        assert_eq!(marker(line), None, "{line}");
    }
    let t = "DECLARAN:\n\nPRIMERO.- Reafirmar el Plan.\n\nSEGUNDO.- Encomendar un informe.\n\nDada en Panamá.\n";
    let got = items(t, "es");
    let labels: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["1", "2"], "{got:?}");
    assert_eq!(got[1].1.trim(), "Encomendar un informe.");
}

#[test]
fn a_verb_with_the_following_actions_heads_their_list() {
    let t = "En este orden de ideas, se acordó llevar a cabo las siguientes acciones de manera coordinada:\n1.- Intercambiar información.\n2.- Explorar fórmulas de desarrollo.\n";
    let got = items(t, "es");
    assert_eq!(
        got,
        [
            ("1".to_string(), "Intercambiar información.".to_string()),
            (
                "2".to_string(),
                "Explorar fórmulas de desarrollo.".to_string()
            )
        ]
    );
    let t = "The ministers agreed to take the following actions in a coordinated manner:\n1. Share data.\n2. Train officials.\n";
    assert_eq!(items(t, "en").len(), 2);
    // The words may end on the phrase itself.
    let t = "Se acordó llevar a cabo las siguientes acciones:\n1. Fortalecer la cooperación.\n2. Intercambiar información.\n";
    assert_eq!(items(t, "es").len(), 2);
    // An agenda's points are no decisions.
    let t = "Los Viceministros aprobaron la agenda con los siguientes puntos a tratar:\n1. Informe de la PPT.\n2. Elección de la próxima sede.\n";
    assert!(
        items(t, "es").iter().all(|(l, _)| l.is_empty()),
        "{:?}",
        items(t, "es")
    );
    let t = "The meeting approved the agenda with the following points, as amended by the Co-Chairs:\n1. Opening remarks.\n2. Report of the Office.\n";
    assert!(
        items(t, "en").iter().all(|(l, _)| l.is_empty()),
        "{:?}",
        items(t, "en")
    );
    // A text adopted after the verb is that text, not a list of decisions.
    let t = "They have approved the following declaration:\n\nThe CRM recognized that flows have grown.\n\nThe CRM was concerned by the risks.\n";
    assert!(items(t, "en").is_empty(), "{:?}", items(t, "en"));
}

#[test]
fn roman_numbered_operative_items_are_decisions() {
    // A declaration's principles numbered in capitals, each an infinitive
    // ending in a semicolon: a list of decisions, not sections.
    let t = "I. Reconocer el aporte de los migrantes;\nII. Fortalecer las iniciativas en marcha;\nIII. Asegurar el respeto de sus derechos;\n";
    let got = items(t, "es");
    let labels: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["I", "II", "III"], "{got:?}");
    // A capital letter closed by a stop is no roman number unless it is one.
    assert!(markers::marker("D. Something else").is_none());
    assert_eq!(
        markers::marker("XII.- Resaltar").map(|(k, l, _)| (k, l)),
        Some(('R', "XII".to_string()))
    );
}
