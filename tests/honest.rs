//! Honest empty answers (issue 14, "Honest answers"): "(0 rows)" to a
//! question about pending responses says *why* there are none: no document
//! here covers the meeting, none records a request for its agreements, or
//! the requests recorded name no country as owing a response. Whole
//! answers are compared, as a researcher reads them.

mod common;

use common::{acta, db, ok};
use std::path::Path;

fn real(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/real")
        .join(name)
        .display()
        .to_string()
}

const EMPTY: &str = "agreement | request | awaiting | countries | note\n----------+---------+----------+-----------+-----\n(0 rows)\n";

#[test]
fn an_empty_answer_about_pending_responses_says_what_is_known() {
    let (_d, kb) = db();
    ok(acta(
        &kb,
        &["ingest", &real("es-grcm-2008-05-conclusiones.txt")],
    ));
    let ask = |meeting: &str| {
        ok(acta(
            &kb,
            &[
                "query",
                &format!(
                    "which agreements from {meeting} still await responses from which countries?"
                ),
            ],
        ))
    };
    assert_eq!(
        ask("GRCM mayo 2008"),
        format!("{EMPTY}note: no document here records a request for responses to the 3 agreement(s) of GRCM mayo 2008 (documents covering it: es-grcm-2008-05-conclusiones): nothing is known of pending responses, which is not the same as none pending\n")
    );
    ok(acta(&kb, &["ingest", &real("es-crm-19-declaracion.txt")]));
    assert_eq!(
        ask("XIX CRM"),
        format!("{EMPTY}note: no document here records a request for responses to the 3 agreement(s) of XIX CRM (documents covering it: es-crm-19-declaracion): nothing is known of pending responses, which is not the same as none pending\n")
    );
    assert_eq!(
        ask("IX CRM"),
        format!("{EMPTY}note: no document here covers IX CRM: nothing is known of its agreements or of responses to them\n")
    );
    assert_eq!(
        ok(acta(&kb, &["query", "acuerdos pendientes de respuesta"])),
        format!("{EMPTY}note: no document here records a request for responses: nothing is known of pending responses (which is not the same as none pending)\n")
    );
    // A meeting a document names, with no agreement of its own recorded.
    ok(acta(
        &kb,
        &["ingest", &real("es-grcm-2007-10-conclusiones.txt")],
    ));
    assert_eq!(
        ask("XII CRM"),
        format!("{EMPTY}note: no agreement of XII CRM is recorded here (documents covering it: es-grcm-2007-10-conclusiones): nothing is known of its agreements or of responses to them\n")
    );
}

#[test]
fn an_open_request_that_names_no_country_is_not_hidden_by_an_empty_table() {
    let (_d, kb) = db();
    ok(acta(&kb, &["ingest", &real("es-crm-07-comunicado.txt")]));
    let answer = ok(acta(
        &kb,
        &["query", "acuerdos de la VII CRM pendientes de respuesta"],
    ));
    assert!(answer.starts_with(EMPTY), "{answer}");
    // The decision that asks the Presidencia Pro-Témpore, and the
    // Vice-Ministers' call on the member countries in the communiqué's
    // prose: both open, neither naming a country.
    assert!(
        answer.contains("note: 2 request(s) about agreements of VII CRM still open with no country named as owing a response: “Aceptar como documento de referencia"),
        "{answer}"
    );
    assert!(
        answer.contains("“instaron a los países miembros de la CRM a seguir ofreciendo su apoyo.” (asked of: member countries)"),
        "{answer}"
    );
    assert!(
        answer.contains("(documents covering it: es-crm-07-comunicado)"),
        "{answer}"
    );
}

/// A meeting whose text states no year keeps its days without one, and a
/// question about a period neither puts it in nor before it.
#[test]
fn a_day_of_no_stated_year_is_neither_before_nor_after_a_date() {
    let (_d, kb) = db();
    ok(acta(&kb, &["ingest", &real("en-midwa-2016-08-news.txt")]));
    let q = |query: &str| ok(acta(&kb, &["query", query]));
    let all = q("match (m:Meeting) return m.date");
    assert!(all.contains("--08-25"), "{all}");
    for cond in [
        "m.date < 1990-01-01",
        "m.date > 1990-01-01",
        "m.date = 2016-08-25",
    ] {
        let rows = q(&format!("match (m:Meeting) where {cond} return m.date"));
        assert!(!rows.contains("--08-25"), "{cond}: {rows}");
    }
    let year = q("match (m:Meeting) where m.date = date('--08-25') return year(m.date)");
    assert!(year.contains("(1 row)"), "{year}");
}
