//! The meeting a news item reports and calls by a common noun only ("una
//! reunión de viceministros", "the meeting"): the document's own meeting,
//! by the document's id, named by the words the text uses, with the
//! decisions of those who met adopted there; and where no such meeting
//! is made (a meeting to come, "that meeting", a document with a meeting
//! of its own, a document without decisions).

use super::common::Doc;
use acta::model::{EdgeKind, Kind};

/// The meetings with their names.
fn meetings(d: &Doc) -> Vec<(String, String)> {
    d.ids(Kind::Meeting)
        .into_iter()
        .map(|id| {
            let name = d.name(&id);
            (id, name)
        })
        .collect()
}

/// The meetings each decision was adopted at.
fn adopted(d: &Doc) -> Vec<Vec<String>> {
    d.ids(Kind::Agreement)
        .into_iter()
        .map(|id| {
            d.edges(EdgeKind::AdoptedAt)
                .filter(|(from, _)| *from == id)
                .map(|(_, to)| to)
                .collect()
        })
        .collect()
}

#[test]
fn a_meeting_called_by_a_common_noun_is_the_documents() {
    for (file, text, name) in [
        (
            "nota-viceministros.txt",
            "Migración\n\nLos gobiernos de El Salvador, Guatemala y México acordaron agilizar el \
             intercambio de información. Además, en una reunión de viceministros de temas \
             consulares y migratorios, México reiteró su compromiso.\n",
            "reunión de viceministros de temas consulares y migratorios",
        ),
        (
            "nota-funcionarios.txt",
            "Directores\n\nA lo largo de la reunión de dos días, los directores de migración \
             trataron asuntos de comercio. Los directores acordaron agilizar la aprobación de \
             la política regional.\n",
            "reunión de dos días",
        ),
        (
            "news-ministers.txt",
            "Ministers\n\nThe high level meeting was attended by the ministers of Ethiopia and \
             Sudan. The ministers agreed to set up a regional committee on labour migration.\n",
            "meeting",
        ),
        (
            "nota-ministerial.txt",
            "Declaración\n\nEn la reunión ministerial sobre la Declaración de Los Ángeles, los \
             cancilleres acordaron ampliar las vías de migración legal.\n",
            "reunión ministerial sobre la Declaración de Los Ángeles",
        ),
    ] {
        let d = Doc::text(file, text);
        d.assert_consistent();
        let doc = file.trim_end_matches(".txt");
        let id = format!("meeting:reported-in-{doc}");
        assert_eq!(meetings(&d), vec![(id.clone(), name.to_string())], "{text}");
        let at = adopted(&d);
        assert!(!at.is_empty(), "{text}");
        assert!(at.iter().all(|m| m == &vec![id.clone()]), "{text}\n{at:?}");
    }
}

#[test]
fn no_meeting_is_made_up_where_the_noun_points_elsewhere() {
    for text in [
        // No decision.
        "Migración\n\nEn la reunión de viceministros se habló de los flujos recientes.\n",
        // A meeting to come.
        "Migración\n\nLos países acordaron ampliar la cooperación y celebrarán una reunión de \
         seguimiento en marzo.\n",
        "Migración\n\nLos países acordaron ampliar la cooperación. La próxima reunión tratará \
         del retorno.\n",
        // One the text has told of otherwise.
        "Quito\n\nAt that meeting the governments signed the Quito Declaration. The governments \
         agreed to share data.\n",
        // A verb and its object.
        "Cooperation\n\nThe member states agreed to work together in meeting the \
         challenges of migration management.\n",
        // A numbered meeting is named by its number, not by the noun.
        "Foro\n\nLa segunda reunión del foro concluyó. Los ministros acordaron ampliar la \
         cooperación.\n",
    ] {
        let d = Doc::text("nota.txt", text);
        d.assert_consistent();
        let made: Vec<_> = meetings(&d)
            .into_iter()
            .filter(|(id, _)| id == "meeting:reported-in-nota")
            .collect();
        assert!(made.is_empty(), "{text}\n{made:?}");
    }
}

#[test]
fn a_meeting_with_a_name_of_its_own_keeps_its_decisions() {
    let text = "CRM\n\nLa XXIV Reunión Viceministerial de la Conferencia Regional sobre \
                Migración (CRM) se celebró en Managua, Nicaragua, el 26 y 27 de junio de 2019. \
                En la reunión, los viceministros acordaron ampliar la cooperación.\n";
    let d = Doc::text("nota.txt", text);
    d.assert_consistent();
    let ids: Vec<String> = meetings(&d).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, vec!["meeting:crm-24".to_string()], "{ids:?}");
    assert!(adopted(&d)
        .iter()
        .all(|m| m == &vec!["meeting:crm-24".to_string()]));
}

#[test]
fn a_numbered_name_names_the_meeting_and_its_city_follows() {
    let text = "Migración\n\nLos delegados de los países que tomaron parte en la III Reunión \
                sobre Migraciones de la Comunidad de Estados Latinoamericanos y Caribeños \
                (CELAC) que concluyó ayer, en Cuenca, acordaron mantener diálogos de alto \
                nivel con la Unión Europea.\n";
    let d = Doc::text("nota.txt", text);
    d.assert_consistent();
    let id = "meeting:iii-reunion-sobre-migraciones-de-la-comunidad-de-estados-latinoamericanos-y-caribenos-celac";
    assert_eq!(
        meetings(&d),
        vec![(
            id.to_string(),
            "III Reunión sobre Migraciones de la Comunidad de Estados Latinoamericanos y \
             Caribeños (CELAC)"
                .to_string()
        )]
    );
    assert_eq!(d.text_attr(id, "city").as_deref(), Some("Cuenca"));
    assert_eq!(adopted(&d), vec![vec![id.to_string()]]);
    // A count is no name.
    let d = Doc::text(
        "nota.txt",
        "Quito\n\nAt the first meeting the governments agreed to share data.\n",
    );
    assert!(
        d.ids(Kind::Meeting).is_empty(),
        "{:?}",
        d.ids(Kind::Meeting)
    );
}

#[test]
fn the_place_and_days_of_holding_go_to_the_reported_meeting() {
    // Modeled on a chair's statement: those who met came for a conference
    // the gazetteer does not know; the next sentence calls it "the meeting".
    let text = "Statement by the Chair\n\nMinisters of Algeria, Chad and Niger met in Rome on \
                6 February 2018 for the second edition of the Ministerial Conference \
                “A Shared Responsibility”.\n\nThe meeting gave the participants the chance \
                to review their work. The participants agreed to carry on their cooperation.\n";
    let d = Doc::text("chair.txt", text);
    d.assert_consistent();
    let id = "meeting:reported-in-chair";
    assert_eq!(d.ids(Kind::Meeting), d.set(&[id]));
    assert_eq!(d.text_attr(id, "city").as_deref(), Some("Rome"));
    let days = d.date(id).map(|v| (v.start.to_string(), v.end.to_string()));
    assert_eq!(
        days,
        Some(("2018-02-06".to_string(), "2018-02-06".to_string()))
    );
    assert_eq!(adopted(&d), vec![vec![id.to_string()]]);
}

#[test]
fn a_list_after_among_others_is_decided() {
    let text =
        "Page\n\nThe Ministers of Interior of Austria, France and Italy met in Rome on 19th \
                and 20th March 2017. The Ministers agreed to, among others:\n\n\
                • counter the smuggling of migrants;\n• increase cooperation on returns.\n";
    let d = Doc::text("page.txt", text);
    d.assert_consistent();
    let texts: Vec<String> = d
        .ids(Kind::Agreement)
        .into_iter()
        .filter_map(|id| d.text_attr(&id, "text"))
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("counter the smuggling")));
}

#[test]
fn a_government_s_decisions_beside_a_meeting_word_stay_its_own() {
    // Found by a review: the decisions of a cabinet, a council or a
    // ministry are no meeting's, whatever the text calls a meeting.
    for text in [
        "Chile\n\nEl Ministerio del Interior de Chile acordó flexibilizar los requisitos de \
         reunión familiar.\n",
        "Malaysia\n\nAt a meeting with the press, the Government of Malaysia decided to allow \
         foreign workers to change employers.\n",
        "Quota\n\nThe minister had a meeting with the ambassador of Senegal. Separately, the \
         Cabinet decided to raise the quota of seasonal workers.\n",
        // A meeting to come, in English.
        "Plan\n\nThe ministers agreed to draft a plan. A follow-up meeting will take place in \
         the spring.\n",
        "Plan\n\nThe ministers agreed to draft a plan. A follow-up meeting is planned for \
         the spring.\n",
        // One told of otherwise.
        "Previa\n\nEn una reunión previa, los viceministros acordaron elaborar una guía.\n",
        // A headline's noun.
        "Concluye reunión de la CELAC\n\nLos delegados acordaron elaborar una guía.\n",
    ] {
        let d = Doc::text("nota.txt", text);
        d.assert_consistent();
        assert!(
            !d.ids(Kind::Meeting).contains("meeting:reported-in-nota"),
            "{text}\n{:?}",
            d.ids(Kind::Meeting)
        );
    }
}
