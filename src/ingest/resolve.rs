//! Resolution of names to canonical entities: an index from normalized
//! alias to node id over the gazetteer (and any names a report defines),
//! used to find mentions in text. All matching goes through
//! [`crate::text::normalize`]; [`Resolver::find`] maps matches back to byte
//! spans of the original text so that extraction can reason about word order.

use super::pattern::Literals;
use crate::model::Kind;
use crate::reference::{City, Gazetteer};
use crate::text::{normalize, normalize_with_offsets, offset_at};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

/// One name an entity goes by.
#[derive(Debug, Clone)]
pub struct Name {
    pub normalized: String,
    pub id: String,
    pub kind: Kind,
    /// Written in capitals ("UN", "OIM"): found in prose only in capitals,
    /// so that the acronym "UN" is not the article "un".
    pub acronym: bool,
    /// A country's name, written with a capital ("Malta", "Chad"): found
    /// in prose only with one, so that "malta" (malt) is not the country.
    pub proper: bool,
}

/// A mention found in a text: byte span in the original text, entity id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub id: String,
    pub kind: Kind,
}

/// Alias index used to find entity mentions in text. The gazetteer's names
/// are compiled once into one regular expression; names added later (a
/// report's own definitions) are searched one by one.
///
/// Cloning is cheap and keeps the compiled index: the names and the
/// matcher are shared, so that every document's copy of the cached
/// resolver searches with the same regex and its warm lazy-DFA cache (a
/// cloned `Regex` starts with an empty cache, which every document paid
/// to fill again).
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    names: Arc<Vec<Name>>,
    extra: Vec<Name>,
    matcher: Arc<OnceLock<Matcher>>,
    /// The gazetteer's cities by normalized name: the first city with it.
    cities: Arc<(usize, HashMap<String, usize>)>,
}

/// The last resolver built, with the fingerprint of its gazetteer.
type Cached = (u64, Arc<Resolver>);

#[derive(Debug, Clone)]
struct Matcher {
    /// The names that begin and end with a letter or digit, each spelling
    /// once (the first, longest-first, name that has it), found as the
    /// regex `\b(?:longest|...|shortest)\b` would find them: at the
    /// leftmost word boundary where one ends at a word boundary, the
    /// longest there, then on after it. The automaton reads a sentence in
    /// one pass; the regex's prefilter stopped at every "st" of the text.
    names: Option<(Literals, Vec<usize>)>,
    /// Indexes of names the automaton does not cover.
    rest: Vec<usize>,
    /// Indexes of the names with each normalized spelling, in order.
    by_spelling: HashMap<String, Vec<usize>>,
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
                    r.push(&n, &c.id(), Kind::Country);
                }
            }
        }
        for o in &g.organizations {
            for n in o.names() {
                r.push(&n, &o.id(), Kind::Organization);
            }
        }
        r.sort();
        let mut cities = HashMap::new();
        for (i, c) in g.cities.iter().enumerate() {
            for n in c.names() {
                cities.entry(normalize(&n)).or_insert(i);
            }
        }
        r.cities = Arc::new((g.cities.len(), cities));
        r
    }

    /// [`Gazetteer::city`] through the index of the gazetteer the resolver
    /// was made from (`g`).
    pub fn city<'g>(&self, g: &'g Gazetteer, name: &str) -> Option<&'g City> {
        let (count, index) = &*self.cities;
        if *count != g.cities.len() || (index.is_empty() && !g.cities.is_empty()) {
            return g.city(name);
        }
        index.get(&normalize(name)).and_then(|&i| g.cities.get(i))
    }

    /// The resolver for `g`, built once and reused while the gazetteer's
    /// names stay the same (extraction runs it for every document).
    pub fn cached(g: &Gazetteer) -> Arc<Resolver> {
        static CACHE: OnceLock<Mutex<Option<Cached>>> = OnceLock::new();
        let key = g.fingerprint();
        let cache = CACHE.get_or_init(|| Mutex::new(None));
        if let Ok(guard) = cache.lock() {
            if let Some((k, r)) = guard.as_ref() {
                if *k == key {
                    return Arc::clone(r);
                }
            }
        }
        let built = Resolver::from_gazetteer(g);
        // Compile the index now, so that clones of the cached resolver share it.
        built.matcher();
        let built = Arc::new(built);
        if let Ok(mut guard) = cache.lock() {
            *guard = Some((key, Arc::clone(&built)));
        }
        built
    }

    fn make(&self, name: &str, id: &str, kind: Kind) -> Option<Name> {
        let normalized = normalize(name);
        let known = |n: &Name| n.normalized == normalized && n.id == id;
        if normalized.is_empty() || self.names.iter().chain(&self.extra).any(known) {
            return None;
        }
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let proper = kind == Kind::Country && letters.first().is_some_and(|c| c.is_uppercase());
        Some(Name {
            normalized,
            id: id.to_string(),
            kind,
            acronym,
            proper,
        })
    }

    fn push(&mut self, name: &str, id: &str, kind: Kind) {
        if let Some(n) = self.make(name, id, kind) {
            Arc::make_mut(&mut self.names).push(n);
            self.matcher = Arc::default();
        }
    }

    fn sort(&mut self) {
        // Longest names first, so "Estados Unidos Mexicanos" wins over "Estados Unidos".
        Arc::make_mut(&mut self.names).sort_by_key(|n| std::cmp::Reverse(n.normalized.len()));
        self.matcher = Arc::default();
    }

    /// Add a name for an entity (searched without rebuilding the index).
    pub fn add(&mut self, name: &str, id: &str, kind: Kind) {
        if let Some(n) = self.make(name, id, kind) {
            self.extra.push(n);
        }
    }

    fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| {
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let mut seen = HashSet::new();
            let mut spellings: Vec<&str> = Vec::new();
            let mut index = Vec::new();
            let mut rest = Vec::new();
            for (i, n) in self.names.iter().enumerate() {
                if word(n.normalized.chars().next()) && word(n.normalized.chars().next_back()) {
                    if seen.insert(n.normalized.as_str()) {
                        spellings.push(&n.normalized);
                        index.push(i);
                    }
                } else {
                    rest.push(i);
                }
            }
            let names = (!spellings.is_empty())
                .then(|| Literals::new(&spellings))
                .flatten();
            if names.is_none() {
                rest = (0..self.names.len()).collect();
            }
            let mut by_spelling: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, n) in self.names.iter().enumerate() {
                by_spelling.entry(n.normalized.clone()).or_default().push(i);
            }
            Matcher {
                names: names.map(|ac| (ac, index)),
                rest,
                by_spelling,
            }
        })
    }

    /// Ids of the entities mentioned in `text`, each once, in index order.
    /// A name inside a longer matched name (CEPAL inside "CEPAL/CELADE" is
    /// fine, but "Estados Unidos" inside "Estados Unidos Mexicanos") is not
    /// counted again.
    pub fn mentions(&self, text: &str) -> Vec<(String, Kind)> {
        let mut found: Vec<(String, Kind)> = Vec::new();
        for f in self.find(text) {
            if !found.iter().any(|(id, _)| id == &f.id) {
                found.push((f.id, f.kind));
            }
        }
        found
    }

    /// Every mention in `text` with its byte span, in text order. Longer
    /// names win over names inside them; matches are at word boundaries.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let (hay, map) = normalize_with_offsets(text);
        self.find_normalized(text, &hay, &map)
    }

    /// [`Resolver::find`] over a text already normalized:
    /// `(hay, map) == normalize_with_offsets(text)` (a sentence has both).
    pub fn find_normalized(&self, text: &str, hay: &str, map: &[u32]) -> Vec<Found> {
        let m = self.matcher();
        // Candidates (start, end, name) in the normalized text.
        let mut cands: Vec<(usize, usize, &Name)> = Vec::new();
        for (start, end, i) in self.name_spans(hay) {
            cands.push((start, end, &self.names[i]));
        }
        for n in m.rest.iter().map(|&i| &self.names[i]).chain(&self.extra) {
            let mut from = 0;
            while let Some(pos) = hay.get(from..).and_then(|h| h.find(&n.normalized)) {
                let start = from + pos;
                let end = start + n.normalized.len();
                from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
                if at_word_boundary(hay, start, end) {
                    cands.push((start, end, n));
                }
            }
        }
        // Longest names win where matches overlap.
        cands.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut out: Vec<Found> = Vec::new();
        for (start, end, n) in cands {
            if taken.iter().any(|&(a, b)| start < b && a < end) {
                continue;
            }
            let (Some(s), Some(e)) = (offset_at(map, start), offset_at(map, end)) else {
                continue;
            };
            if n.acronym
                && !text
                    .get(s..e)
                    .is_some_and(|t| t.chars().all(|c| !c.is_lowercase()))
            {
                continue;
            }
            if n.proper
                && text
                    .get(s..e)
                    .and_then(|t| t.chars().find(|c| c.is_alphabetic()))
                    .is_some_and(char::is_lowercase)
            {
                continue;
            }
            taken.push((start, end));
            // `map[end]` is the start of the next normalized character;
            // step back over white space so the span ends at the name.
            let e = text.get(s..e).map_or(e, |t| s + t.trim_end().len());
            out.push(Found {
                start: s,
                end: e,
                id: n.id.clone(),
                kind: n.kind,
            });
        }
        out.sort_by_key(|f| (f.start, f.end));
        out
    }

    /// Matches of the automaton's names in `hay`: (start, end, index of
    /// the name), in text order.
    fn name_spans(&self, hay: &str) -> Vec<(usize, usize, usize)> {
        let Some((ac, index)) = &self.matcher().names else {
            return Vec::new();
        };
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        ac.each(hay, |k, start, end| {
            if word_boundary(hay, start) && word_boundary(hay, end) {
                found.push((start, end, index[k]));
            }
        });
        found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut after = 0;
        found.retain(|&(start, end, _)| {
            let keep = start >= after;
            if keep {
                after = end;
            }
            keep
        });
        found
    }

    /// Ids whose names normalize to exactly `name`.
    pub fn lookup(&self, name: &str) -> Vec<&Name> {
        let n = normalize(name);
        let known = self.matcher().by_spelling.get(&n);
        known
            .into_iter()
            .flatten()
            .map(|&i| &self.names[i])
            .chain(self.extra.iter().filter(|x| x.normalized == n))
            .collect()
    }
}

/// Regex `\b` at `i`: a word character on one side only (Unicode word
/// characters, as the regex crate reads them).
fn word_boundary(hay: &str, i: usize) -> bool {
    use regex_syntax::is_word_character as word;
    let before = hay[..i].chars().next_back().is_some_and(word);
    let after = hay[i..].chars().next().is_some_and(word);
    before != after
}

fn at_word_boundary(hay: &str, start: usize, end: usize) -> bool {
    let before_ok = hay[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = hay[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
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

    #[test]
    fn names_are_found_as_the_alternation_regex_finds_them() {
        let g = Gazetteer::bundled().unwrap();
        let r = Resolver::cached(&g);
        let m = r.matcher();
        let spellings: Vec<String> = m
            .names
            .as_ref()
            .map(|(_, index)| {
                index
                    .iter()
                    .map(|&i| regex::escape(&r.names[i].normalized))
                    .collect()
            })
            .unwrap_or_default();
        let re = regex::Regex::new(&format!(r"\b(?:{})\b", spellings.join("|"))).unwrap();
        let report = include_str!("../../data/documents/informe-ppt-mexico-2003.txt");
        let odd = [
            "stst st_st ést stá mexicoß oim2 oim² «oim» crm-rcm",
            "estados unidos mexicanos y estados unidos",
            "",
        ];
        for t in report.lines().map(normalize).chain(odd.map(String::from)) {
            let by_regex: Vec<(usize, usize, &str)> = re
                .find_iter(&t)
                .map(|x| (x.start(), x.end(), x.as_str()))
                .collect();
            let by_automaton: Vec<(usize, usize, &str)> = r
                .name_spans(&t)
                .into_iter()
                .map(|(a, b, i)| (a, b, r.names[i].normalized.as_str()))
                .collect();
            assert_eq!(by_regex, by_automaton, "{t}");
        }
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let g = Gazetteer::bundled().unwrap();
        let r = Resolver::cached(&g);
        assert!(r
            .find("elaborar un borrador con la OIM")
            .iter()
            .all(|f| f.id != "organization:nu"));
        let text = "Según Panamá y la  Organización Internacional para las Migraciones, el Plan Puebla-Panamá";
        let found = r.find(text);
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.id.as_str(), &text[f.start..f.end]))
            .collect();
        assert_eq!(
            got,
            [
                ("country:pa", "Panamá"),
                (
                    "organization:oim",
                    "Organización Internacional para las Migraciones"
                ),
                ("organization:plan-puebla-panama", "Plan Puebla-Panamá"),
            ]
        );
    }
}
