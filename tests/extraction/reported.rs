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
        let id = format!("meeting:{doc}");
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
        // A numbered meeting is named by its number, not by the noun.
        "Foro\n\nLa segunda reunión del foro concluyó. Los ministros acordaron ampliar la \
         cooperación.\n",
    ] {
        let d = Doc::text("nota.txt", text);
        d.assert_consistent();
        let made: Vec<_> = meetings(&d)
            .into_iter()
            .filter(|(id, _)| id == "meeting:nota")
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
