//! Decisions told in prose by news items and declarations: what a
//! passive, a relative clause, a reaffirmation or an act of ministers
//! records, and what it only tells of.

use super::common::Doc;
use acta::model::{EdgeKind, Kind};

/// The words of every agreement the document yields.
fn agreement_texts(d: &Doc) -> Vec<String> {
    d.bundle
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement)
        .filter_map(|n| d.text_attr(&n.id, "text"))
        .collect()
}

#[test]
fn a_reaffirmation_of_nothing_earlier_is_adopted_at_its_meeting() {
    // A news item: the ministers "reaffirmed" a will no earlier sentence
    // records, at the meeting named with it; it is first known there.
    let d = Doc::text(
        "nota-crm-09.txt",
        "En la Declaración final de la IX Conferencia Regional sobre Migración, celebrada en Panamá \
         en marzo de 2004, los viceministros reafirmaron su voluntad común de seguir trabajando con \
         un enfoque integral de la migración.\n",
    );
    d.assert_consistent();
    let a = "agreement:nota-crm-09/text";
    assert!(
        d.has_edge(a, EdgeKind::AdoptedAt, "meeting:crm-09"),
        "{:?}",
        d.bundle.edges
    );
    assert!(!d.has_edge(a, EdgeKind::ReaffirmedAt, "meeting:crm-09"));
    // A meeting named after the verb is where what is reaffirmed came from.
    let d = Doc::text(
        "nota-csm.txt",
        "Los ministros reafirmaron los principios de la Declaración de Buenos Aires adoptada \
         en la I Conferencia Suramericana sobre Migraciones en el año 2000.\n",
    );
    d.assert_consistent();
    assert!(
        !d.bundle.edges.iter().any(|e| e.kind == EdgeKind::AdoptedAt),
        "{:?}",
        d.bundle.edges
    );
}

#[test]
fn a_passive_after_a_relative_of_place_records_that_meetings_decision() {
    // "at which <subject> was adopted" records what the meeting before it
    // adopted; "which was adopted" tells of the plan named before it.
    let d = Doc::text(
        "almaty-note.txt",
        "The meeting built on the Fifth Regional Conference on Migration, held in Washington \
         in March 2000, at which the Plan of Action was adopted unanimously.\n\n\
         The delegations discussed the work plan which was adopted in 2018 by the group.\n\n\
         The city that hosted the meeting at which it was adopted gave the declaration its name.\n\n\
         The delegations noted that a similar regional plan on return was adopted previously.\n",
    );
    d.assert_consistent();
    let adopted: Vec<_> = d
        .bundle
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::AdoptedAt)
        .map(|e| (e.from.to_string(), e.to.to_string()))
        .collect();
    let [(a, m)] = adopted.as_slice() else {
        panic!("one decision: {adopted:?}")
    };
    assert_eq!(m, "meeting:crm-05");
    assert!(
        d.text_attr(a, "text")
            .is_some_and(|t| t.contains("Plan of Action was adopted")),
        "{a}"
    );
}

#[test]
fn ministers_establish_and_issue_but_being_committed_is_no_act() {
    let d = Doc::text(
        "igad-note.txt",
        "The meeting, a sign of how firmly the member states are committed to migration \
         questions, was attended by ministers of five countries.\n\n\
         The ministers discussed the recommendations of the technical meetings, and \
         established the Sectoral Ministerial Committee on Migration.\n\n\
         The ministers also issued a declaration of commitment for the way ahead.\n",
    );
    d.assert_consistent();
    let texts = agreement_texts(&d);
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].contains("established the Sectoral Ministerial Committee"));
    assert!(texts[1].contains("issued a declaration of commitment"));
    // A participle is no act; a later act after a passive one is.
    let d = Doc::text(
        "crm-note.txt",
        "The Vice-Ministers welcomed the work of the Ad Hoc Group established in 2010 to follow \
         up on the guidelines.\n\n\
         The Vice-Ministers reviewed the work plan which was adopted in 2015 and adopted a new \
         work plan for the period 2016-2018.\n",
    );
    let texts = agreement_texts(&d);
    let [t] = texts.as_slice() else {
        panic!("one decision: {texts:?}")
    };
    assert!(t.contains("adopted a new work plan"), "{t}");
}

#[test]
fn a_counted_subject_asks_and_a_que_asks_without_naming_whom() {
    // "Los cuatro países": a count between the article and the body that
    // decides; "exhortaron a que ...": asked, of whom the words do not say.
    let d = Doc::text(
        "nota-declaracion.txt",
        "Los cuatro países exhortaron a que la migración se realice de manera segura, \
         ordenada y regular.\n",
    );
    d.assert_consistent();
    let [r] = d.bundle.requests.as_slice() else {
        panic!("one request: {:?}", d.bundle.requests)
    };
    assert_eq!(r.addressed_to, "addressee not stated");
    assert!(r.requested_from.is_empty());
    // The same words without a body that decides before them ask nothing;
    // nor does English "that" in prose, as often a noun's clause.
    for text in [
        "La organización exhortó a que la migración se realice de manera segura.\n",
        "The four countries urged that the measures on trade be lifted.\n",
    ] {
        let d = Doc::text("nota.txt", text);
        assert!(
            d.bundle.requests.is_empty(),
            "{text}: {:?}",
            d.bundle.requests
        );
    }
    // A count in figures, and an infinitive after it.
    let d = Doc::text(
        "nota-11.txt",
        "Los 11 Estados miembros instaron a garantizar la seguridad de los menores migrantes.\n",
    );
    assert_eq!(d.bundle.requests.len(), 1, "{:?}", d.bundle.requests);
}

#[test]
fn a_government_calls_on_those_it_names_before_their_task() {
    // A government (no body that decides) may call on others; whom it
    // calls on stands between "a" and the task's infinitive.
    let d = Doc::text(
        "nota-ppt.txt",
        "El Gobierno de la República de Panamá ratificó que seguirá asegurando un trato \
         humanitario a los migrantes, e instó a las fuerzas políticas y gobiernos de \
         Centroamérica a asumir la responsabilidad compartida.\n",
    );
    d.assert_consistent();
    let [r] = d.bundle.requests.as_slice() else {
        panic!("one request: {:?}", d.bundle.requests)
    };
    assert_eq!(
        r.addressed_to,
        "fuerzas políticas y gobiernos de Centroamérica"
    );
    // Its acts ("aprobó", "eligió": acts of a body that decides) are no
    // decisions of a meeting.
    let d = Doc::text(
        "nota-ppt.txt",
        "El Gobierno de Panamá aprobó una ley de migración y eligió a su delegado.\n",
    );
    assert!(
        !d.bundle.nodes.iter().any(|n| n.kind == Kind::Agreement),
        "{:?}",
        d.bundle.nodes
    );
    // A relative clause tells of another's call ("la intervención ... en
    // la cual instaron a los gobiernos, que aún no lo han hecho, a ...").
    let d = Doc::text(
        "informe.txt",
        "Los países miembros agradecieron la intervención de la red en la cual instaron a los \
         gobiernos, que aún no lo han hecho, a presentar sus comentarios.\n",
    );
    assert!(d.bundle.requests.is_empty(), "{:?}", d.bundle.requests);
    // An organ's request told in a report is the report reader's to follow.
    let d = Doc::text(
        "informe.txt",
        "La Secretaría Técnica solicitó información sobre los plazos en su boletín del 7 de \
         octubre de 1998.\n",
    );
    assert!(d.bundle.requests.is_empty(), "{:?}", d.bundle.requests);
    // Found by a review: a bare article before "a" and an infinitive names
    // what is asked for ("los temas a tratar"), not whom; a government
    // that is not the sentence's opening subject calls on no one; the
    // impersonal voice in the past tells of an earlier request.
    for text in [
        "Los Viceministros solicitaron los temas a tratar en la próxima reunión.\n",
        "En 2018, el gobierno de Guatemala solicitó a la Secretaría Técnica incluir el tema.\n",
        "Los Viceministros recordaron que en la XIV CRM se solicitó a que se elaborara un \
         informe regional.\n",
    ] {
        let d = Doc::text("nota.txt", text);
        assert!(
            d.bundle.requests.iter().all(|r| r.addressed_to != "temas"),
            "{text}: {:?}",
            d.bundle.requests
        );
        assert!(
            text.starts_with("Los Viceministros solicitaron") || d.bundle.requests.is_empty(),
            "{text}: {:?}",
            d.bundle.requests
        );
    }
    // An infinitive right after the verb names no one, whatever follows.
    let d = Doc::text(
        "nota-ppt.txt",
        "Los Viceministros instaron a trabajar de manera conjunta a fin de reforzar la \
         cooperación.\n",
    );
    let [r] = d.bundle.requests.as_slice() else {
        panic!("one request: {:?}", d.bundle.requests)
    };
    assert_eq!(r.addressed_to, "addressee not stated");
}

#[test]
fn some_of_the_recommendations_listed_and_a_meeting_to_come() {
    // "Some of the recommendations ... were: a; b; c": each a decision;
    // "its next meeting, set for ... in Abuja" is no meeting the page
    // records, so the decisions are not its.
    let d = Doc::text(
        "news.txt",
        "Accra - Officials met this week in Accra to talk over migration.\n\n\
         Some of the recommendations of the consultations were: educate young people on their \
         rights; open regular migration channels; improve data collection on remittances.\n\n\
         The final recommendations will be submitted to the Council, which is to discuss them at \
         its next meeting, set for early December 2017 in Abuja, Nigeria.\n",
    );
    d.assert_consistent();
    let texts = agreement_texts(&d);
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(
        !d.bundle
            .edges
            .iter()
            .any(|e| e.kind == EdgeKind::AdoptedAt && e.to.contains("abuja")),
        "{:?}",
        d.bundle.edges
    );
}

#[test]
fn a_whole_decision_before_a_colon_is_one_but_a_lead_in_is_not() {
    // Modeled on the outcomes of a Bali Process Ad Hoc Group meeting: the
    // decision is whole before the colon, which introduces its areas.
    let d = Doc::text(
        "outcomes.txt",
        "Participants agreed to develop regional responses based on four main areas of \
         cooperative engagement:\n\n1. Diplomatic and Technical Assistance\n\n2. Immigration\n",
    );
    d.assert_consistent();
    let texts = agreement_texts(&d);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Participants agreed to develop")),
        "{texts:?}"
    );
    // A lead-in announces the decisions that follow; it is none itself.
    for lead in [
        "The Vice-Ministers agreed to carry out the following actions in the coming year:",
        "The Ministers decided to adopt the measures listed below:",
        "It was agreed that the Co-Chairs would circulate the documents among member states as \
         follows:",
    ] {
        let d = Doc::text(
            "communique.txt",
            &format!("{lead}\n\n1. To hold a workshop on consular protection.\n"),
        );
        let texts = agreement_texts(&d);
        assert!(texts.iter().all(|t| !t.contains(&lead[..30])), "{texts:?}");
    }
}
