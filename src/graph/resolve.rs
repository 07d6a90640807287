//! The one resolver: from a reference a user typed (an id, or a name,
//! alias, section number or meeting in words, in any spelling) to one
//! node, and the candidates when it matches none or several. The query
//! language, the command line (`acta show`, `acta trace`) and annotations
//! all resolve through [`KnowledgeGraph::resolve`], so a name means the
//! same entity everywhere.

use super::KnowledgeGraph;
use crate::model::Kind;
use crate::text::{normalize, slug};
use petgraph::graph::NodeIndex;

/// A reference to an entity as a user wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference<'a> {
    /// A node id, `meeting:crm-07`: that node or nothing.
    Id(&'a str),
    /// A name, alias, section number or meeting in words.
    Name(&'a str),
}

impl<'a> Reference<'a> {
    /// A reference read the way the query grammar reads one: letters, a
    /// colon and no space or quote make an id (`country:mx`); anything
    /// else is a name.
    pub fn of(text: &'a str) -> Reference<'a> {
        let text = text.trim();
        let id = text.split_once(':').is_some_and(|(kind, rest)| {
            !kind.is_empty()
                && kind.chars().all(|c| c.is_ascii_alphabetic())
                && !rest.is_empty()
                && !rest
                    .chars()
                    .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '?' | ';'))
        });
        if id {
            Reference::Id(text)
        } else {
            Reference::Name(text)
        }
    }

    fn text(self) -> &'a str {
        match self {
            Reference::Id(t) | Reference::Name(t) => t,
        }
    }
}

/// A reference that matches nothing, more than one thing, or only things
/// of another kind than the one asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("no entity is called \"{name}\"{}", suggest(.candidates))]
    Unknown {
        name: String,
        /// The nearest names, as `name (id)`.
        candidates: Vec<String>,
    },
    #[error("\"{name}\" is ambiguous: it could be {}", .candidates.join(", "))]
    Ambiguous {
        name: String,
        /// Every match, as `name (id)`, sorted.
        candidates: Vec<String>,
    },
    #[error("\"{name}\" is a {}, not a {}", .found.join(" or a "), kinds(.want))]
    WrongKind {
        name: String,
        /// What the name matches, as `kind (id)`.
        found: Vec<String>,
        want: Vec<Kind>,
    },
}

fn suggest(candidates: &[String]) -> String {
    if candidates.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", candidates.join(", "))
    }
}

fn kinds(want: &[Kind]) -> String {
    want.iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(" or a ")
}

/// Words a reference may start with that name nothing: `la VII CRM`.
const ARTICLES: [&str; 7] = ["la ", "el ", "los ", "las ", "the ", "del ", "de "];

impl KnowledgeGraph {
    /// Resolve a reference to exactly one node, of one of the `want` kinds
    /// if any are given. A name is looked up by its normalized form among
    /// ids, names and aliases; a section number names the agreement of
    /// that section when there is one (`IV.A` is the agreement; the
    /// section stays reachable by its id); then, when nothing matched, the
    /// name without a leading article, a meeting in words (`CRM 7`,
    /// `GRCM octubre 2002`) and an agreement by its section number in any
    /// document.
    pub fn resolve(&self, r: Reference<'_>, want: &[Kind]) -> Result<NodeIndex, ResolveError> {
        let fits = |i: &NodeIndex| want.is_empty() || want.contains(&self.data(*i).kind);
        let wants = |k: Kind| want.is_empty() || want.contains(&k);
        if let Reference::Id(id) = r {
            return match self.node(id) {
                Some(i) if fits(&i) => Ok(i),
                Some(i) => Err(self.wrong_kind(id, &[i], want)),
                None => Err(ResolveError::Unknown {
                    name: id.to_string(),
                    candidates: self.nearest(id, 5),
                }),
            };
        }
        let text = r.text().trim();
        let mut found: Vec<NodeIndex> = self.lookup(text).iter().copied().filter(fits).collect();
        if want.is_empty() {
            for f in &mut found {
                if let Some(a) = self.agreement_of_section(*f, text) {
                    *f = a;
                }
            }
        }
        let norm = normalize(text);
        if found.is_empty() {
            if let Some(rest) = ARTICLES.iter().find_map(|a| norm.strip_prefix(a)) {
                found = self.lookup(rest).iter().copied().filter(fits).collect();
            }
        }
        if found.is_empty() && wants(Kind::Meeting) {
            found.extend(self.meeting_by_words(&norm));
        }
        if found.is_empty() && wants(Kind::Agreement) {
            found.extend(self.agreement_by_number(text));
        }
        found.dedup();
        match found.as_slice() {
            [one] => Ok(*one),
            [] => {
                let any = self.lookup(text);
                if !any.is_empty() && !want.is_empty() {
                    return Err(self.wrong_kind(text, any, want));
                }
                Err(ResolveError::Unknown {
                    name: text.to_string(),
                    candidates: self.nearest(text, 5),
                })
            }
            many => {
                let mut candidates: Vec<String> = many.iter().map(|&i| self.named(i)).collect();
                candidates.sort();
                Err(ResolveError::Ambiguous {
                    name: text.to_string(),
                    candidates,
                })
            }
        }
    }

    /// `name (id)` of a node, as candidates are listed.
    fn named(&self, i: NodeIndex) -> String {
        let d = self.data(i);
        format!("{} ({})", d.name, d.id)
    }

    fn wrong_kind(&self, text: &str, found: &[NodeIndex], want: &[Kind]) -> ResolveError {
        ResolveError::WrongKind {
            name: text.to_string(),
            found: found
                .iter()
                .map(|&i| format!("{} ({})", self.data(i).kind, self.data(i).id))
                .collect(),
            want: want.to_vec(),
        }
    }

    /// The agreement of section `i` when `text` is one of the section's
    /// numbers and the section holds an agreement.
    fn agreement_of_section(&self, i: NodeIndex, text: &str) -> Option<NodeIndex> {
        let d = self.data(i);
        if d.kind != Kind::Section || !d.aliases.iter().any(|a| normalize(a) == normalize(text)) {
            return None;
        }
        let rest = d.id.strip_prefix("section:")?;
        self.node(&format!("agreement:{rest}"))
    }

    /// A meeting named by its body and ordinal (`CRM 7`, `VII CRM`) or
    /// body, month and year (`GRCM octubre 2002`, `reunión del GRCM en
    /// octubre de 2002`), as ids `meeting:crm-07` and
    /// `meeting:grcm-2002-10`; a body and a year name every meeting of
    /// that body in that year.
    fn meeting_by_words(&self, norm: &str) -> Vec<NodeIndex> {
        const FILLER: [&str; 10] = [
            "de", "del", "la", "el", "en", "reunion", "the", "of", "meeting", "in",
        ];
        let words: Vec<&str> = norm
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !FILLER.contains(w))
            .collect();
        let (mut body, mut year, mut month, mut ordinal) = (None, None, None, None);
        for w in words {
            if let Some(m) = crate::ingest::profile::month(w) {
                month = Some(usize::from(m));
            } else if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
                year = w.parse::<i32>().ok();
            } else if let Ok(n) = w.parse::<u32>() {
                ordinal = Some(n);
            } else if let Some(n) = crate::reference::from_roman(w).or_else(|| ordinal_word(w)) {
                ordinal = Some(n);
            } else if body.is_none() {
                body = Some(slug(w));
            } else {
                return vec![];
            }
        }
        let Some(body) = body else { return vec![] };
        let id = match (year, month, ordinal) {
            (Some(y), Some(m), None) => format!("meeting:{body}-{y}-{m:02}"),
            (None, None, Some(n)) => format!("meeting:{body}-{n:02}"),
            (Some(y), None, None) => {
                let prefix = format!("meeting:{body}-{y}-");
                return self
                    .nodes_of(Kind::Meeting)
                    .iter()
                    .copied()
                    .filter(|&i| self.data(i).id.starts_with(&prefix))
                    .collect();
            }
            _ => return vec![],
        };
        self.node(&id).into_iter().collect()
    }

    /// Agreements numbered like a section (`IV.E(1)`): ids ending in
    /// `/<number>`, in any document.
    fn agreement_by_number(&self, text: &str) -> Vec<NodeIndex> {
        let key = normalize(&format!("/{}", text.trim()));
        self.nodes_of(Kind::Agreement)
            .iter()
            .copied()
            .filter(|&i| normalize(&self.data(i).id).ends_with(&key))
            .collect()
    }

    /// Up to `n` names closest to `name`: those containing it or contained
    /// in it first, then by edit distance.
    pub(crate) fn nearest(&self, name: &str, n: usize) -> Vec<String> {
        let key = normalize(name);
        let key_len = key.chars().count();
        let limit = key_len / 2 + 1;
        let mut scored: Vec<(usize, String)> = self
            .aliases()
            .filter_map(|(alias, idx)| {
                let node = *idx.first()?;
                let score = if alias.contains(&key) || (!alias.is_empty() && key.contains(alias)) {
                    alias.len().abs_diff(key.len())
                } else {
                    // The distance is at least the difference in length:
                    // most of the (many) aliases are out of reach at once.
                    if alias.chars().count().abs_diff(key_len) > limit {
                        return None;
                    }
                    let d = edit_distance(alias, &key);
                    if d > limit {
                        return None;
                    }
                    100 + d
                };
                Some((score, self.named(node)))
            })
            .collect();
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, s) in scored {
            if !out.contains(&s) {
                out.push(s);
            }
            if out.len() == n {
                break;
            }
        }
        out
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The number an ordinal word spells (`seventh`, `septima`, `septimo`),
/// from the ordinal words of the language profiles.
fn ordinal_word(w: &str) -> Option<u32> {
    crate::reference::series::ordinal_word(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinal_words_name_a_number_in_either_language() {
        assert_eq!(ordinal_word("seventh"), Some(7));
        assert_eq!(ordinal_word("septima"), Some(7));
        assert_eq!(ordinal_word("septimo"), Some(7));
        assert_eq!(ordinal_word("crm"), None);
        assert_eq!(ordinal_word("7th"), Some(7));
        assert_eq!(ordinal_word("7a"), Some(7));
        assert_eq!(ordinal_word("3ra"), Some(3));
        assert_eq!(ordinal_word("7x"), None);
        assert_eq!(ordinal_word("th"), None);
    }

    #[test]
    fn references_read_as_the_grammar_reads_them() {
        assert_eq!(Reference::of("country:mx"), Reference::Id("country:mx"));
        assert_eq!(
            Reference::of(" section:informe/IV.E(3) "),
            Reference::Id("section:informe/IV.E(3)")
        );
        assert_eq!(Reference::of("IV.E(3)"), Reference::Name("IV.E(3)"));
        assert_eq!(Reference::of("VII CRM"), Reference::Name("VII CRM"));
        assert_eq!(Reference::of("a: b"), Reference::Name("a: b"));
        assert_eq!(Reference::of(":x"), Reference::Name(":x"));
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("mexco", "mexico"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("hondruas", "honduras"), 2);
    }
}
