//! Who decided and who asked, as a news item writes it: the plenary
//! opening the sentence, officials who reached agreements, a body named
//! before a singular act, a declaration's call in the present; and the
//! look-alikes that are none of these (a study's conclusions, an
//! airline's wage deal, a room called the plenary hall, a training's
//! participants, an agreement of years before).

use super::common::Doc;
use acta::model::Kind;

/// The texts of the decisions (agreements that are not only a request).
fn decisions(d: &Doc) -> Vec<String> {
    d.ids(Kind::Agreement)
        .into_iter()
        .filter(|id| d.text_attr(id, "form").as_deref() != Some("request"))
        .map(|id| d.text_attr(&id, "text").unwrap_or_default())
        .collect()
}

#[test]
fn those_who_met_as_the_press_names_them_decide() {
    for (text, starts) in [
        (
            "Principles\n\nThe Fourth Plenary met in Sydney on 8 December 2003. The Plenary \
             adopted an additional principle on the return of persons.\n",
            "The Plenary adopted",
        ),
        (
            "Reunión técnica\n\nLa reunión se celebró en Guatemala el 5 y 6 de mayo de 2015. \
             Los funcionarios alcanzaron acuerdos sobre el intercambio de datos.\n",
            "Los funcionarios alcanzaron acuerdos",
        ),
        (
            "CRM\n\nLa XXIV Reunión Viceministerial de la Conferencia Regional sobre Migración \
             (CRM) se celebró en Managua, Nicaragua, el 26 y 27 de junio de 2019.\n\n\
             El pleno de la CRM decidió aceptar el ofrecimiento de México.\n",
            "El pleno de la CRM decidió",
        ),
    ] {
        let d = Doc::text("nota.txt", text);
        d.assert_consistent();
        let got = decisions(&d);
        assert_eq!(got.len(), 1, "{text}\n{got:?}");
        assert!(got[0].starts_with(starts), "{text}\n{got:?}");
    }
}

#[test]
fn others_conclusions_deals_and_rooms_decide_nothing() {
    for text in [
        "Study\n\nIn its conclusions, the study finds that remittances rose in 2019.\n",
        "Informe\n\nEn sus conclusiones, el informe del Banco Mundial señala que las remesas \
         crecieron.\n",
        "Wages\n\nGaruda Indonesia reached an agreement on wages with its pilots' union.\n",
        "Paro\n\nLos transportistas y el gobierno de Chiapas llegaron a acuerdos para levantar \
         el bloqueo.\n",
        "Talks\n\nEU member states have not yet reached an agreement on the pact.\n",
        "Prensa\n\nTras la conferencia, el presidente decidió viajar a la frontera.\n",
        "Fair\n\nIn the plenary hall, a Turkish company and the municipality signed an agreement \
         on waste.\n",
        "Gobierno\n\nCon el pleno respeto de la ley, el Gobierno de México aprobó el nuevo \
         reglamento.\n",
        "Historia\n\nEl plan retoma lo que se hizo en 2004, cuando los gobiernos llegaron a \
         acuerdos sobre la frontera.\n",
        "Training\n\nParticipants of the training committed to share what they learned with \
         their colleagues.\n",
    ] {
        let d = Doc::text("nota.txt", text);
        let got = decisions(&d);
        assert!(got.is_empty(), "{text}\n{got:?}");
    }
}

#[test]
fn a_declarations_call_in_the_present_asks_whom_it_names() {
    let d = Doc::text(
        "news.txt",
        "Marrakesh\n\nThe Declaration adopted by the Ministers calls on member states to \
         strengthen their return systems.\n",
    );
    d.assert_consistent();
    let calls = d.calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert!(calls[0].0.contains("calls on member states"), "{calls:?}");
    assert_eq!(calls[0].1, "member countries", "{calls:?}");
    // "calls for" with a thing as its subject means "needs".
    let d = Doc::text(
        "news.txt",
        "Drought\n\nThe delegates said that the situation calls for urgent action.\n",
    );
    assert!(d.calls().is_empty(), "{:?}", d.calls());
}
