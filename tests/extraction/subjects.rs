//! Who decides and who is asked, as the press and declarations write it:
//! a meeting named as the subject of a call, the people who met, a call
//! after "por lo que", a call for something of no one named, whom a
//! verb of asking for names after its object, a declaration's first
//! person, and the days of a meeting written before it.

use super::common::Doc;
use acta::model::{EdgeKind, Kind};

/// The texts of the agreements that are decisions (not calls in prose).
fn decisions(d: &Doc) -> Vec<String> {
    d.ids(Kind::Agreement)
        .into_iter()
        .filter(|id| d.text_attr(id, "form").as_deref() != Some("request"))
        .filter_map(|id| d.text_attr(&id, "text"))
        .collect()
}

#[test]
fn a_meeting_named_as_the_subject_asks() {
    // Modeled on a wire story of the XVI South American Conference.
    let d = Doc::text(
        "nota-csm.txt",
        "Asunción, 4 nov (RHC-PL) La XVI Conferencia Suramericana sobre Migraciones (CSM) \
         recomendó a los países miembros ajustar sus normas de seguridad fronteriza.\n",
    );
    d.assert_consistent();
    let got = d.calls();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0]
            .0
            .starts_with("recomendó a los países miembros ajustar"),
        "{got:?}"
    );
    assert_eq!(got[0].1, "member countries");
    // A meeting named as where something goes is no subject.
    let d = Doc::text(
        "nota.txt",
        "Los periodistas que viajaron a la XVI Conferencia Suramericana sobre Migraciones \
         solicitaron a los organizadores más información.\n",
    );
    assert!(d.calls().is_empty(), "{:?}", d.calls());
}

#[test]
fn those_who_met_as_the_press_names_them_decide_and_ask() {
    let d = Doc::text(
        "nota-ocam.txt",
        "En la reunión, los directores de Migración se comprometieron a agilizar la \
         aprobación de la política regional contra el tráfico de migrantes.\n",
    );
    let got = decisions(&d);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("se comprometieron a agilizar"), "{got:?}");
    // "por lo que" joins a consequence: the call is made, not told of.
    let d = Doc::text(
        "nota-riam.txt",
        "Las autoridades migratorias de Iberoamérica afirmaron que la llegada de migrantes \
         no deja de crecer, por lo que instaron a generar mecanismos de cooperación conjunta.\n",
    );
    let got = d.calls();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.starts_with("instaron a generar"), "{got:?}");
    // A relative "que" still tells of a call made before.
    let d = Doc::text(
        "nota.txt",
        "Las autoridades revisaron los proyectos que solicitaron los países en 2019.\n",
    );
    assert!(d.calls().is_empty(), "{:?}", d.calls());
}

#[test]
fn a_call_for_something_asks_no_one_named() {
    let d = Doc::text(
        "news.txt",
        "The Parties decided to widen the scope of their joint work, facing challenges that \
         call for joint answers. They also have called for more operational collaboration \
         through information sharing.\n",
    );
    let got = d.calls();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0]
            .0
            .starts_with("called for more operational collaboration"),
        "{got:?}"
    );
    assert_eq!(got[0].1, "addressee not stated");
}

#[test]
fn a_verb_of_asking_for_names_whom_after_what_it_asks_for() {
    let d = Doc::text(
        "nota-mirps.txt",
        "Los Estados acordaron solicitar apoyo para la ejecución de estas acciones a la \
         Organización de los Estados Americanos (OEA), a la Organización Internacional para \
         las Migraciones (OIM) y al Fondo de las Naciones Unidas para la Infancia (UNICEF).\n",
    );
    let got = d.calls();
    assert_eq!(got.len(), 1, "{got:?}");
    for org in [
        "organization:oea",
        "organization:oim",
        "organization:unicef",
    ] {
        assert!(got[0].1.contains(org), "{org} in {got:?}");
    }
    // Not an "a" that names no one asked: a request of whom it does not say.
    let d = Doc::text(
        "nota.txt",
        "Los Estados acordaron solicitar apoyo para llegar a acuerdos en la región.\n",
    );
    let got = d.calls();
    assert!(
        got.iter().all(|(_, to)| !to.contains("organization:")),
        "{got:?}"
    );
}

#[test]
fn a_declarations_first_person_decides_what_it_agrees_not_what_it_restates() {
    let d = Doc::text(
        "declaracion.txt",
        "Las delegaciones reunidas en el coloquio:\n\n\
         • Nos comprometemos a reforzar la protección de las personas migrantes en tránsito.\n\n\
         • Reafirmamos el Pacto Mundial para la Migración Segura, Ordenada y Regular.\n\n\
         • Coincidimos en que la migración es un fenómeno complejo y multicausal.\n",
    );
    let got = decisions(&d);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0]
            .trim_start_matches(['•', ' '])
            .starts_with("Nos comprometemos a"),
        "{got:?}"
    );
    // A speaker's words in quotation marks are no decision of the record.
    let d = Doc::text(
        "nota.txt",
        "\"Acordamos trabajar juntos\", dijo el Canciller al cierre de la reunión.\n",
    );
    assert!(decisions(&d).is_empty(), "{:?}", decisions(&d));
}

#[test]
fn days_before_at_the_meeting_are_its_days() {
    let d = Doc::text(
        "news.txt",
        "On 24 - 25 October 2022, at the Fourth Prague Process Ministerial Conference, \
         Ministers endorsed a Joint Declaration and an Action Plan.\n",
    );
    let got = d.date("meeting:prague-04").map(|v| v.to_string());
    assert_eq!(got.as_deref(), Some("2022-10-24..2022-10-25"));
    // A month glued to its day in a copy, and a capital of the
    // Caribbean the gazetteer knows.
    let d = Doc::text(
        "declaration.txt",
        "The Heads of State, on the occasion of the VIII Summit of the Community of Latin \
         American and Caribbean States (CELAC), held on March1, 2024, in Kingstown, Saint \
         Vincent and the Grenadines, adopted this declaration.\n",
    );
    let held: Vec<(String, String)> = d.edges(EdgeKind::HeldIn).collect();
    assert!(
        held.iter().any(|(_, to)| to.contains("vc")),
        "held in Saint Vincent: {held:?}"
    );
}

#[test]
fn others_named_as_subjects_ask_nothing_of_the_meeting() {
    for (file, text) in [
        // Others than those who met, as the press names them.
        (
            "nota.txt",
            "Los representantes de la sociedad civil instaron a los gobiernos a poner fin \
             a la detención de niños migrantes.\n",
        ),
        (
            "news.txt",
            "Representatives of IOM requested member countries to submit their data.\n",
        ),
        // A meeting named as when, not who.
        (
            "nota.txt",
            "Durante la XXV Conferencia Regional sobre Migración, México instó a los países \
             de tránsito a reforzar la protección consular.\n",
        ),
        // A call as a noun, a verb that asks only in the passive.
        (
            "news.txt",
            "The Vice-Ministers launched a call for proposals on labour migration.\n",
        ),
        (
            "news.txt",
            "The Vice-Ministers approved the funds assigned to the Reserve Fund for the \
             Assisted Return of Vulnerable Migrants.\n",
        ),
    ] {
        let d = Doc::text(file, text);
        let got = d.calls();
        assert!(
            got.iter().all(|(_, to)| to != "member countries") || got.is_empty(),
            "{text}: {got:?}"
        );
        assert!(
            d.bundle
                .requests
                .iter()
                .all(|r| !r.addressed_to.contains("Reserve Fund")),
            "{text}: {got:?}"
        );
    }
    // Where something goes is not whom it asks.
    let d = Doc::text(
        "acta.txt",
        "Los Viceministros acordaron lo siguiente:\n\n\
         1. Solicitar apoyo técnico y financiero para el transporte seguro de las personas \
         que serán retornadas a Guatemala y a Honduras.\n",
    );
    assert!(
        d.calls().iter().all(|(_, to)| !to.contains("country:")),
        "{:?}",
        d.calls()
    );
}
