//! The question forms, each with an example in English and in Spanish:
//! what `:help questions` could list, and what a question that is not
//! understood is compared with, so the error names the closest forms
//! instead of only the word where parsing stopped.

use crate::text::normalize;
use std::collections::BTreeSet;

/// (what the form asks, English example, Spanish example).
pub(crate) const FORMS: &[(&str, &str, &str)] = &[
    (
        "agreements of a meeting still awaiting responses",
        "which agreements from VII CRM still await responses from which countries?",
        "acuerdos de la VII CRM pendientes de respuesta",
    ),
    (
        "countries that have not responded to an agreement",
        "which countries have not responded to IV.E(1)?",
        "¿qué países no han respondido al acuerdo IV.E(1)?",
    ),
    (
        "countries that responded to an agreement",
        "which countries responded to V.A(2)?",
        "¿qué países respondieron al V.A(2)?",
    ),
    (
        "what a meeting agreed",
        "what did the VII CRM agree?",
        "¿qué acordó la VII CRM?",
    ),
    (
        "where a meeting was held",
        "where was the VII CRM held?",
        "¿dónde se realizó la VII CRM?",
    ),
    (
        "when a meeting was held",
        "when was the VII CRM held?",
        "¿cuándo se celebró la VII CRM?",
    ),
    (
        "what a meeting recommended",
        "what did the GRCM of October 2002 recommend?",
        "¿qué recomendó el GRCM de octubre de 2002?",
    ),
    (
        "who presided a meeting (the Presidencia Pro-Témpore then)",
        "who presided the GRCM of October 2002?",
        "¿quién presidió el GRCM de octubre 2002?",
    ),
    (
        "who held the Presidencia Pro-Témpore on a date",
        "who held the Presidencia Pro-Témpore on 2003-01-01?",
        "¿quién ejercía la PPT a fines de 2002?",
    ),
    (
        "who hosted a meeting",
        "who hosted the VII CRM?",
        "¿qué país fue sede de la VII CRM?",
    ),
    (
        "letters about an agreement",
        "which letters were sent about IV.A?",
        "cartas de seguimiento del acuerdo IV.A",
    ),
    (
        "every follow-up of an agreement",
        "what happened after IV.E(1) was adopted?",
        "¿qué seguimiento tuvo el IV.E(1)?",
    ),
    (
        "what an organization was asked to do",
        "what was the Technical Secretariat asked to do?",
        "¿qué se le encomendó a la Presidencia Pro-Témpore?",
    ),
    (
        "documents by (part of) their title",
        "documents titled \"Marco de Ejecución\"",
        "¿qué documentos se titulan Glosario?",
    ),
    (
        "the members of a body",
        "which countries are members of the CRM?",
        "países miembros de la CRM",
    ),
    (
        "who attended a meeting (the members of its body: no attendance is recorded)",
        "who attended the VII CRM?",
        "¿qué países participaron en la VII CRM?",
    ),
    (
        "an agreement's status",
        "what is the status of IV.A?",
        "¿en qué estado está el acuerdo IV.A?",
    ),
    (
        "what a country or organization proposed",
        "what did Costa Rica propose?",
        "¿qué propuso Costa Rica?",
    ),
    (
        "where and when an agreement was adopted",
        "at which meeting was IV.E(1) adopted?",
        "¿cuándo se aprobó el acuerdo IV.E(1)?",
    ),
    (
        "what a country has still to answer",
        "which agreements still await a response from Honduras?",
        "respuestas pendientes de Honduras",
    ),
    (
        "agreements about an entity or a phrase",
        "agreements about SIEMCA",
        "acuerdos sobre la OIM",
    ),
    (
        "meetings in a place or a year",
        "meetings held in Guatemala",
        "reuniones de 2002",
    ),
    (
        "what happened in a period",
        "what happened in October 2002?",
        "¿qué pasó entre agosto de 2002 y febrero de 2003?",
    ),
    (
        "sections or documents that mention something",
        "documents mentioning \"trata de personas\"",
        "secciones que mencionan a la OIM",
    ),
    (
        "an agreement's chronology",
        "how did IV.A evolve?",
        "historia del acuerdo IV.A",
    ),
    ("an entity's card", "what is SIEMCA?", "¿qué es el SIEMCA?"),
    (
        "how two entities are connected",
        "path from Costa Rica to SIEMCA",
        "camino de Costa Rica a SIEMCA",
    ),
];

/// Words that carry no form: articles, question words, names' glue.
const FILLER: &[&str] = &[
    "the", "a", "of", "to", "which", "what", "la", "el", "los", "las", "de", "del", "que", "al",
    "a", "en", "in", "is", "es",
];

/// The words of the query language in `s` (names do not count: every
/// example names some meeting or agreement).
fn words(s: &str) -> BTreeSet<String> {
    let keywords = super::words::keywords();
    normalize(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && !FILLER.contains(w))
        .filter(|w| keywords.binary_search_by(|k| k.as_str().cmp(w)).is_ok())
        .map(str::to_string)
        .collect()
}

/// The forms closest to a question that was not understood (by the
/// words they share with it), at most `n`, each as "what it asks: `example`".
pub(crate) fn closest(question: &str, n: usize) -> Vec<String> {
    let asked = words(question);
    let mut scored: Vec<(usize, usize, String)> = Vec::new();
    for (i, (what, en, es)) in FORMS.iter().enumerate() {
        let (en_w, es_w) = (words(en), words(es));
        let (shared_en, shared_es) = (
            asked.intersection(&en_w).count(),
            asked.intersection(&es_w).count(),
        );
        let (shared, example) = if shared_es > shared_en {
            (shared_es, es)
        } else {
            (shared_en, en)
        };
        if shared > 0 {
            scored.push((shared, i, format!("{what}: `{example}`")));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(n).map(|(_, _, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_not_understood_is_shown_the_forms_it_is_closest_to() {
        let c = closest("¿qué países todavía deben contestar el acuerdo IV.E(1)?", 2);
        assert_eq!(
            c[0],
            "countries that have not responded to an agreement: `¿qué países no han respondido al acuerdo IV.E(1)?`"
        );
        assert!(closest("zzz", 3).is_empty());
        let m = closest("when did the meeting in Antigua happen", 3);
        assert!(
            m.iter().any(|s| s.starts_with("when a meeting was held")),
            "{m:?}"
        );
    }
}
