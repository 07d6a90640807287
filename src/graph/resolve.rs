//! Resolving a user's reference (id, name or alias in any spelling) to one
//! node, and the nearest candidates when it matches none or several.

use super::KnowledgeGraph;
use crate::text::normalize;
use petgraph::graph::NodeIndex;

/// A reference to an entity that matches nothing, or more than one thing.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ResolveError {
    #[error("no entity is called \"{name}\"{}", suggest(.candidates))]
    Unknown {
        name: String,
        candidates: Vec<String>,
    },
    #[error("\"{name}\" is ambiguous: it could be {}", .candidates.join(", "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
}

fn suggest(candidates: &[String]) -> String {
    if candidates.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", candidates.join(", "))
    }
}

impl KnowledgeGraph {
    /// Resolve a user's reference (id, name or alias, any accents or case)
    /// to exactly one node, or say which candidates there are.
    pub fn resolve(&self, name: &str) -> Result<NodeIndex, ResolveError> {
        if let Some(i) = self.node(name.trim()) {
            return Ok(i);
        }
        match self.lookup(name) {
            [one] => Ok(*one),
            [] => Err(ResolveError::Unknown {
                name: name.to_string(),
                candidates: self.nearest(name, 5),
            }),
            many => {
                let mut candidates: Vec<String> = many
                    .iter()
                    .map(|&i| format!("{} ({})", self.graph[i].name, self.graph[i].id))
                    .collect();
                candidates.sort();
                Err(ResolveError::Ambiguous {
                    name: name.to_string(),
                    candidates,
                })
            }
        }
    }

    /// Up to `n` names closest to `name`: those containing it or contained
    /// in it first, then by edit distance.
    pub fn nearest(&self, name: &str, n: usize) -> Vec<String> {
        let key = normalize(name);
        let key_len = key.chars().count();
        let limit = key_len / 2 + 1;
        let mut scored: Vec<(usize, String)> = self
            .by_alias
            .iter()
            .filter_map(|(alias, idx)| {
                let node = &self.graph[*idx.first()?];
                let score = if alias.contains(&key)
                    || (!alias.is_empty() && key.contains(alias.as_str()))
                {
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
                Some((score, format!("{} ({})", node.name, node.id)))
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
pub fn edit_distance(a: &str, b: &str) -> usize {
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
