//! Resolution of names to canonical entities: an index from normalized
//! alias to node id over the gazetteer (and any names a report defines),
//! used to find mentions in text. All matching goes through
//! [`crate::text::normalize`].

use crate::model::Kind;
use crate::reference::Gazetteer;
use crate::text::{contains_phrase, normalize};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// One name an entity goes by.
#[derive(Debug, Clone)]
pub struct Name {
    pub normalized: String,
    pub id: String,
    pub kind: Kind,
}

/// Alias index used to find entity mentions in text.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    names: Vec<Name>,
    /// Every name in one automaton, built on first use: finds in one pass
    /// which names occur in a text at all, so that `mentions` checks only
    /// those (`None` if it could not be built: then every name is checked).
    finder: OnceLock<Option<AhoCorasick>>,
}

impl Resolver {
    /// Index the gazetteer's countries and organizations. Meetings are found
    /// by the extractor's own patterns, not by alias.
    pub fn from_gazetteer(g: &Gazetteer) -> Resolver {
        let mut r = Resolver::default();
        for c in &g.countries {
            for n in c.names() {
                // Two-letter ISO codes are too ambiguous to find in prose.
                if n.chars().count() > 2 {
                    r.add(&n, &c.id(), Kind::Country);
                }
            }
        }
        for o in &g.organizations {
            for n in o.names() {
                r.add(&n, &o.id(), Kind::Organization);
            }
        }
        r
    }

    /// Add a name for an entity.
    pub fn add(&mut self, name: &str, id: &str, kind: Kind) {
        let normalized = normalize(name);
        if normalized.is_empty()
            || self
                .names
                .iter()
                .any(|n| n.normalized == normalized && n.id == id)
        {
            return;
        }
        self.names.push(Name {
            normalized,
            id: id.to_string(),
            kind,
        });
        // Longest names first, so "Estados Unidos Mexicanos" wins over "Estados Unidos".
        self.names
            .sort_by_key(|n| std::cmp::Reverse(n.normalized.len()));
        self.finder = OnceLock::new();
    }

    /// Which names occur in `hay` as substrings, by index in `names`. A
    /// name that does not occur cannot match in `mentions`: blanking out
    /// matches there only removes occurrences (normalized names have no
    /// leading, trailing or double spaces, so blanks never complete one).
    fn occurring(&self, hay: &str) -> Vec<bool> {
        let finder = self.finder.get_or_init(|| {
            AhoCorasick::new(self.names.iter().map(|n| n.normalized.as_str())).ok()
        });
        match finder {
            Some(ac) => {
                let mut seen = vec![false; self.names.len()];
                for m in ac.find_overlapping_iter(hay) {
                    seen[m.pattern().as_usize()] = true;
                }
                seen
            }
            None => vec![true; self.names.len()],
        }
    }

    /// Ids of the entities mentioned in `text`, each once, in index order.
    /// A name inside a longer matched name (CEPAL inside "CEPAL/CELADE" is
    /// fine, but "Estados Unidos" inside "Estados Unidos Mexicanos") is not
    /// counted again.
    pub fn mentions(&self, text: &str) -> Vec<(String, Kind)> {
        let mut hay = normalize(text);
        let occurring = self.occurring(&hay);
        let mut found: Vec<(String, Kind)> = Vec::new();
        for (n, _) in self.names.iter().zip(occurring).filter(|(_, o)| *o) {
            if contains_phrase(&hay, &n.normalized) {
                if !found.iter().any(|(id, _)| id == &n.id) {
                    found.push((n.id.clone(), n.kind));
                }
                // Blank out the match so shorter names inside it do not match.
                hay = hay.replace(&n.normalized, &" ".repeat(n.normalized.len()));
            }
        }
        found
    }

    /// Ids whose names normalize to exactly `name`.
    pub fn lookup(&self, name: &str) -> Vec<&Name> {
        let n = normalize(name);
        self.names.iter().filter(|x| x.normalized == n).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_and_organizations_in_any_spelling() {
        let g = Gazetteer::bundled().unwrap();
        let r = Resolver::from_gazetteer(&g);
        let m = r.mentions("auspiciados por los gobiernos de Canada, ESTADOS UNIDOS y México, con la OIM y CEPAL/CELADE");
        let ids: Vec<&str> = m.iter().map(|(id, _)| id.as_str()).collect();
        for want in [
            "country:ca",
            "country:us",
            "country:mx",
            "organization:oim",
            "organization:cepal",
            "organization:celade",
        ] {
            assert!(ids.contains(&want), "{want} in {ids:?}");
        }
    }

    /// `mentions` without the prefilter: every name checked in turn.
    fn mentions_plain(r: &Resolver, text: &str) -> Vec<(String, Kind)> {
        let mut hay = normalize(text);
        let mut found: Vec<(String, Kind)> = Vec::new();
        for n in &r.names {
            if contains_phrase(&hay, &n.normalized) {
                if !found.iter().any(|(id, _)| id == &n.id) {
                    found.push((n.id.clone(), n.kind));
                }
                hay = hay.replace(&n.normalized, &" ".repeat(n.normalized.len()));
            }
        }
        found
    }

    #[test]
    fn prefilter_finds_what_checking_every_name_finds() {
        let g = Gazetteer::bundled().unwrap();
        let r = Resolver::from_gazetteer(&g);
        let seed = include_str!("../../data/documents/informe-ppt-mexico-2003.txt");
        let synthetic: Vec<String> = (0..5).map(|i| crate::synth::report(3, i).1).collect();
        let tricky = [
            "Estados Unidos Mexicanos y Estados Unidos",
            "CEPAL/CELADE, la OIMOIM y la OIM",
            "oim cepal",
            "Plan Puebla-Panamá en Panamá",
            "EE.UU.EEUU y los Estados Unidos de América",
            "",
        ];
        let texts = std::iter::once(seed)
            .chain(synthetic.iter().map(String::as_str))
            .flat_map(|t| t.split(['.', '\n']))
            .chain(tricky);
        for t in texts {
            assert_eq!(r.mentions(t), mentions_plain(&r, t), "{t:?}");
        }
    }
}
