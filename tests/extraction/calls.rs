//! Calls in running prose: several in one sentence, joined to the first
//! and sharing its subject; a communiqué's present tense; a
//! recommendation that names whom it asks; and an infinitive of purpose,
//! which names no task.

use super::common::Doc;

#[test]
fn a_second_call_joined_to_the_first_is_a_request_of_its_own() {
    // Modeled on a joint declaration of Mexico and the Northern Triangle:
    // "exhortaron a que ...; expresaron ..., e instaron a garantizar ...".
    let d = Doc::text(
        "nota-declaracion.txt",
        "Los cuatro países exhortaron a que la migración se realice de manera segura, \
         ordenada y regular; expresaron su inquietud por los riesgos para la salud, e \
         instaron a garantizar la seguridad de los menores migrantes.\n",
    );
    d.assert_consistent();
    let got = d.calls();
    let [(first, to1), (second, to2)] = got.as_slice() else {
        panic!("two requests: {got:?}")
    };
    assert_eq!(
        first,
        "exhortaron a que la migración se realice de manera segura, ordenada y regular; \
         expresaron su inquietud por los riesgos para la salud"
    );
    assert_eq!(
        second,
        "instaron a garantizar la seguridad de los menores migrantes."
    );
    assert_eq!(
        (to1.as_str(), to2.as_str()),
        ("addressee not stated", "addressee not stated")
    );
    // "..., a la vez que hacen un llamado a ...", in the present, and in
    // English after "and".
    let d = Doc::text(
        "comunicado.txt",
        "Los Viceministros instan a los países miembros a fortalecer el diálogo, a la vez que \
         hacen un llamado a ampliar la cooperación regional.\n",
    );
    let got = d.calls();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].0.ends_with("fortalecer el diálogo"), "{got:?}");
    assert!(
        got[1].0.starts_with("hacen un llamado a ampliar"),
        "{got:?}"
    );
    let d = Doc::text(
        "communique.txt",
        "The Ministers urged member countries to ratify the convention and called upon \
         the International Organization for Migration to report on its progress.\n",
    );
    let got = d.calls();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, "member countries");
    assert!(got[1].0.starts_with("called upon"), "{got:?}");
}

#[test]
fn a_request_verb_inside_the_task_is_no_second_call() {
    // "a solicitar": the task the first call gives, not a call of its own.
    let d = Doc::text(
        "comunicado.txt",
        "Los Viceministros instaron a los países miembros a solicitar a la OIM su apoyo.\n",
    );
    let got = d.calls();
    let [(text, to)] = got.as_slice() else {
        panic!("one request: {got:?}")
    };
    assert!(
        text.starts_with("instaron a los países miembros"),
        "{got:?}"
    );
    assert_eq!(to, "member countries");
}

#[test]
fn both_countries_exhort_and_recommend_to_whom_they_name() {
    // A bilateral communiqué in the present tense, modeled on one of
    // Mexico and Guatemala: "ambos países exhortan a que ...", then
    // "recomiendan a la población cumplir ..." (the infinitive right
    // after whom it asks, no "a" between).
    let d = Doc::text(
        "comunicado-conjunto.txt",
        "Los gobiernos de México y Guatemala reiteran su compromiso con los derechos \
         humanos; no obstante, ambos países exhortan a que la migración se realice de forma \
         segura. Asimismo, recomiendan a la población cumplir los requisitos de cada país.\n",
    );
    d.assert_consistent();
    let got = d.calls();
    let [(a, to_a), (b, to_b)] = got.as_slice() else {
        panic!("two requests: {got:?}")
    };
    assert!(a.starts_with("exhortan a que"), "{got:?}");
    assert_eq!(to_a, "addressee not stated");
    assert!(b.starts_with("recomiendan a la población"), "{got:?}");
    assert_eq!(to_b, "población");
}

#[test]
fn an_infinitive_of_purpose_names_no_task() {
    // "un llamado a la responsabilidad compartida ... para gestionar": a
    // call for a principle, not a task given to someone named.
    let d = Doc::text(
        "declaracion.txt",
        "La Conferencia hace un llamado a la responsabilidad compartida regional para \
         gestionar la migración.\n",
    );
    let got = d.calls();
    assert!(
        got.iter().all(|(_, to)| !to.contains("responsabilidad")),
        "{got:?}"
    );
}

#[test]
fn the_task_s_own_verbs_and_a_relative_s_verbs_are_no_second_call() {
    // Found by a review: a request verb joined inside the task the first
    // call gives ("... a fortalecer ... y solicitar ...", "urged States to
    // strengthen ... and request ..."), or inside a clause set apart by a
    // relative ("a Guatemala, país que acogió ... y solicitó ...").
    for text in [
        "Los Viceministros instaron a los países miembros a fortalecer la cooperación técnica y \
         solicitar el apoyo de la OIM.\n",
        "The Ministers urged States to strengthen border cooperation and request technical \
         assistance from IOM where needed.\n",
        "Los Viceministros instaron a Guatemala, país que acogió la reunión técnica y solicitó \
         apoyo a la OIM, a presentar un informe.\n",
        "The Ministers urged Senegal, which hosted the technical meeting and requested support \
         from IOM, to present a report.\n",
    ] {
        let d = Doc::text("comunicado.txt", text);
        let got = d.calls();
        assert_eq!(got.len(), 1, "{text}: {got:?}");
    }
    // Whom a call names runs to its task's "a" before any bare infinitive.
    let d = Doc::text(
        "comunicado.txt",
        "Los Viceministros instaron a los gobiernos que desean acceder al Fondo a presentar sus \
         proyectos.\n",
    );
    let got = d.calls();
    let [(_, to)] = got.as_slice() else {
        panic!("one request: {got:?}")
    };
    assert_eq!(to, "gobiernos que desean acceder al Fondo");
}

#[test]
fn a_passive_call_asks_its_subject() {
    // "The Technical Secretariat was requested to ...": the meeting asks
    // the passive's subject; whom the words do not make an addressee the
    // profiles know ("Migrants were asked to leave") is asked by no one
    // this record speaks for.
    let d = Doc::text(
        "conclusions.txt",
        "The Technical Secretariat was requested to prepare a report on the workshop.\n\n\
         Migrants were asked to leave the shelter.\n",
    );
    d.assert_consistent();
    let got = d.calls();
    let [(text, to)] = got.as_slice() else {
        panic!("one request: {got:?}")
    };
    assert_eq!(to, "st");
    assert!(
        text.starts_with("The Technical Secretariat was requested"),
        "{got:?}"
    );
}
