//! Topics named in the other language: a researcher asks about
//! "trafficking" in a knowledge base of Spanish reports, or about "trata
//! de personas" in English ones. A phrase that finds nothing is tried in
//! the other language, from this short list of the topics of migration
//! policy meetings.

use crate::text::normalize;

/// (English, Spanish), as the documents write them.
const TOPICS: &[(&str, &str)] = &[
    ("trafficking in persons", "trata de personas"),
    ("human trafficking", "trata de personas"),
    ("trafficking", "trata de personas"),
    ("migrant smuggling", "tráfico ilícito de migrantes"),
    ("smuggling", "tráfico ilícito"),
    ("return", "retorno"),
    ("returns", "retorno"),
    ("remittances", "remesas"),
    ("consular protection", "protección consular"),
    ("human rights", "derechos humanos"),
    ("migrant children", "menores migrantes"),
    ("minors", "menores"),
    ("training", "capacitación"),
    ("visas", "visa"),
    ("civil society", "sociedad civil"),
    ("travel documents", "documentos de viaje"),
    ("refugees", "refugiados"),
    ("labor migration", "migración laboral"),
];

/// The same topic in the other language, if the list has it.
pub(crate) fn other_language(phrase: &str) -> Option<&'static str> {
    let p = normalize(phrase.trim());
    TOPICS.iter().find_map(|(en, es)| {
        if normalize(en) == p {
            Some(*es)
        } else if normalize(es) == p {
            Some(*en)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_is_found_in_either_language() {
        assert_eq!(other_language("Trafficking"), Some("trata de personas"));
        assert_eq!(
            other_language("trata de personas"),
            Some("trafficking in persons")
        );
        assert_eq!(
            other_language("proteccion consular"),
            Some("consular protection")
        );
        assert_eq!(other_language("SIEMCA"), None);
    }
}
