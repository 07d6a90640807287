//! Spanish twins: each question asked in English and in Spanish gives the
//! same JSON answer, through the real binary over the bundled report. The
//! golden cases pin some answers in full (`tests/golden/*-es.aq`); this
//! checks every pair of the query-language reference.

mod common;

use common::{acta, bundled};

/// English question, then its Spanish twins.
const TWINS: &[&[&str]] = &[
    &[
        "which agreements from VII CRM still await responses from which countries?",
        "acuerdos de la VII CRM pendientes de respuesta",
        "¿Qué acuerdos de la VII Reunión de la CRM aún esperan respuesta de qué países?",
    ],
    &[
        "which countries have not responded to IV.E(1)?",
        "¿qué países no han respondido al acuerdo IV.E(1)?",
        "¿Qué países todavía no han contestado al acuerdo IV.E(1)?",
    ],
    &["meetings in Guatemala", "reuniones en Guatemala"],
    &["meetings in 2002", "reuniones en 2002"],
    &["meetings held in Antigua", "reuniones celebradas en Antigua"],
    &["sections mentioning OIM", "secciones que mencionan a la OIM"],
    &[
        "documents mentioning \"trata de personas\"",
        "documentos que mencionan \"Trata de Personas\"",
    ],
    &[
        "events between 2002-08-01 and 2003-02-28",
        "eventos entre 2002-08-01 y 2003-02-28",
    ],
    &[
        "path from Costa Rica to SIEMCA",
        "camino de Costa Rica a SIEMCA",
    ],
    &["show IV.A", "muestra el acuerdo IV.A"],
    &["trace IV.A", "traza el acuerdo IV.A", "historia del acuerdo IV.A"],
    &[
        "why IV.E(1) awaits Honduras",
        "¿por qué IV.E(1) espera Honduras?",
    ],
    &[
        "meetings in Guatemala as of 2002-12-31",
        "reuniones en Guatemala a fecha de 2002-12-31",
    ],
    &[
        "which agreements from VII CRM still await responses from which countries? as of 2002-12-31",
        "acuerdos de la VII CRM pendientes de respuesta a fecha de 2002-12-31",
    ],
];

#[test]
fn english_and_spanish_give_the_same_json() {
    let (_dir, db) = bundled();

    let json = |q: &str| {
        let out = acta(&db, &["query", q, "--format", "json"]);
        assert!(
            out.status.success(),
            "{q}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{q}: not JSON ({e}):\n{text}"));
        (text, v)
    };
    let mut failures = Vec::new();
    for twins in TWINS {
        let (english, v) = json(twins[0]);
        let rows = v["rows"].as_array().map_or(0, Vec::len);
        // An empty answer would make every twin trivially equal; only the
        // as-of-2002 questions may legitimately be empty.
        if !twins[0].contains("as of 2002") {
            assert!(rows > 0, "{}: no rows", twins[0]);
        }
        for spanish in &twins[1..] {
            let (text, _) = json(spanish);
            if text != english {
                failures.push(format!(
                    "{spanish}\n  differs from {}\n--- english\n{english}--- spanish\n{text}",
                    twins[0]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
