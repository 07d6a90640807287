//! What a news item quotes of a meeting's own record: a decision told
//! with the record's name before it ("En sus conclusiones la CRM ...",
//! "En la declaración final el pleno ... decidió"), the plenary or the
//! participants as who decided, agreements reached, and a declaration's
//! calls in the present ("calls for", "calls on").

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
fn a_decision_quoted_from_the_record_is_a_decision() {
    for (text, starts) in [
        (
            "Países felicitan a RD\n\nEl Grupo Regional de Consulta sobre Migración se reunió en \
             Managua. En sus conclusiones la CRM agradeció y felicitó a la República Dominicana \
             por la exposición sobre el Plan Nacional de Regularización.\n",
            "En sus conclusiones la CRM agradeció",
        ),
        (
            "CRM felicita a RD\n\nEl reconocimiento se expresó durante la XIX Conferencia Regional \
             sobre Migración, celebrada en Managua, Nicaragua.\n\nEn la declaración final el pleno \
             de la CRM en su punto número 11 decidió felicitar a la República Dominicana por el \
             empeño puesto en aplicar el Plan.\n",
            "En la declaración final el pleno",
        ),
        (
            "Coalition agrees on a plan\n\nThe Second Meeting of the Coalition took place from \
             May 21 to 23, 2018. The country representatives reached agreements on an action \
             plan that deals with these crimes as a whole.\n",
            "The country representatives reached agreements",
        ),
        (
            "Principles\n\nThe Fourth Plenary met in Sydney on 8 December 2003. The Plenary \
             adopted an additional principle on the return of persons.\n",
            "The Plenary adopted",
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
fn a_declarations_call_in_the_present_asks_without_naming_whom() {
    let d = Doc::text(
        "news.txt",
        "Belize City Declaration\n\nThe Declaration, adopted at the VII Annual MIRPS Meeting, \
         calls for stronger partnerships and for regional responses to displacement.\n",
    );
    d.assert_consistent();
    let calls = d.calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert!(
        calls[0].0.contains("calls for stronger partnerships"),
        "{calls:?}"
    );
    assert_eq!(calls[0].1, "addressee not stated", "{calls:?}");
}
