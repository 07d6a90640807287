//! The words of the query language, read from the grammar itself
//! (`grammar/query.pest` and `grammar/questions.pest` at the top of the repository:
//! their `kw_*` rules, and the `reserved` rule that keeps keywords from
//! being variables) and from the evaluator's function table: one source,
//! so completion and the printer of variable names cannot drift from the
//! grammar.

use super::ast::AGGREGATES;
use super::eval::functions::FUNCTIONS;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const GRAMMAR: &str = concat!(
    include_str!("../../grammar/query.pest"),
    "\n",
    include_str!("../../grammar/questions.pest")
);

/// Every spelling of each `kw_*` rule (`kw_agreements` → `agreements`,
/// `acuerdos`), lower case, in the grammar's order.
fn spellings() -> &'static BTreeMap<&'static str, Vec<String>> {
    static RULES: OnceLock<BTreeMap<&'static str, Vec<String>>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = BTreeMap::new();
        for line in GRAMMAR.lines() {
            let Some((name, body)) = line.split_once('=') else {
                continue;
            };
            let name = name.trim();
            if !name.starts_with("kw_") || name == "kw_end" {
                continue;
            }
            let words = body
                .split("^\"")
                .skip(1)
                .filter_map(|w| w.split_once('"'))
                .map(|(w, _)| w.to_lowercase())
                .collect();
            rules.insert(name, words);
        }
        rules
    })
}

/// Keywords, function names and aggregates, sorted: what completion
/// offers besides names.
pub(crate) fn keywords() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<String> = spellings().values().flatten().cloned().collect();
        words.extend(AGGREGATES.iter().map(|w| w.to_string()));
        words.extend(FUNCTIONS.iter().map(|(w, _)| w.to_string()));
        words.sort();
        words.dedup();
        words
    })
}

/// The words that cannot be a variable without backticks: the spellings
/// of the keywords of the grammar's `reserved` rule.
pub(crate) fn reserved() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let rule = GRAMMAR
            .lines()
            .find_map(|l| {
                let (name, body) = l.split_once('=')?;
                (name.trim() == "reserved").then_some(body)
            })
            .unwrap_or_default();
        let mut words: Vec<String> = rule
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter_map(|kw| spellings().get(kw))
            .flatten()
            .cloned()
            .collect();
        words.sort();
        words.dedup();
        words
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_gives_the_words() {
        for w in ["match", "acuerdos", "agreements", "pendientes", "explica"] {
            assert!(keywords().iter().any(|k| k == w), "{w} in {:?}", keywords());
        }
        assert!(keywords().iter().any(|k| k == "awaiting_note"));
        assert!(keywords().iter().any(|k| k == "collect"));
        for w in [
            "match",
            "return",
            "no",
            "not",
            "ascending",
            "desc",
            "distinct",
        ] {
            assert!(reserved().iter().any(|k| k == w), "{w} in {:?}", reserved());
        }
        for w in ["agreements", "count", "date", "of"] {
            assert!(!reserved().iter().any(|k| k == w), "{w} is not reserved");
        }
        assert_eq!(reserved().len(), 27, "{:?}", reserved());
    }

    /// PEG tries a keyword's spellings in order and never comes back: a
    /// spelling before a longer one it starts with (`document` before
    /// `documento`) would make the longer one unreachable.
    #[test]
    fn no_spelling_hides_a_longer_one_after_it() {
        for (rule, words) in spellings() {
            if *rule == "kw_why" {
                // `por que` is a sequence of two words, tried whole.
                continue;
            }
            for (i, short) in words.iter().enumerate() {
                for long in &words[i + 1..] {
                    assert!(
                        !(long.starts_with(short.as_str()) && long != short),
                        "{rule}: `{short}` hides `{long}`"
                    );
                }
            }
        }
    }
}
