//! The fact sink extraction writes into: nodes merged by id (aliases and
//! attributes accumulate, the first provenance stays the node's), edges
//! kept once per (from, to, kind, attributes), requests, and per-section
//! notes. Every fact it holds carries `Provenance::Extracted`.

use crate::model::{
    Attr, EdgeFact, EdgeKind, Kind, NodeFact, Provenance, Request, Span, Sym, Value,
};
use fxhash::{FxHashMap, FxHashSet};
use std::fmt::Write;

/// Accumulated facts of one document.
#[derive(Debug, Default)]
pub struct Facts {
    pub doc: Sym,
    pub nodes: Vec<NodeFact>,
    index: FxHashMap<String, usize>,
    pub edges: Vec<EdgeFact>,
    edge_keys: FxHashSet<String>,
    pub requests: Vec<Request>,
}

impl Facts {
    pub fn new(doc: &str) -> Facts {
        Facts {
            doc: Sym::new(doc),
            ..Facts::default()
        }
    }

    /// Provenance of a sentence of a section.
    pub fn prov(&self, section: &str, span: Span) -> Provenance {
        Provenance::Extracted {
            doc: self.doc.clone(),
            section: section.into(),
            span,
        }
    }

    /// Add (or merge into) a node.
    pub fn node(
        &mut self,
        id: &str,
        kind: Kind,
        name: &str,
        aliases: &[String],
        prov: &Provenance,
    ) {
        match self.index.get(id) {
            Some(&i) => {
                let n = &mut self.nodes[i];
                for a in aliases {
                    if !n.aliases.contains(a) {
                        n.aliases.push(a.clone());
                    }
                }
            }
            None => {
                self.index.insert(id.to_string(), self.nodes.len());
                self.nodes.push(NodeFact {
                    id: id.into(),
                    kind,
                    name: name.to_string(),
                    aliases: aliases.to_vec(),
                    attrs: Vec::new(),
                    prov: prov.clone().into(),
                });
            }
        }
    }

    /// Keep only the nodes `keep` accepts.
    pub fn retain_nodes(&mut self, keep: impl Fn(&NodeFact) -> bool) {
        self.nodes.retain(keep);
        self.index = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.to_string(), i))
            .collect();
    }

    /// The node with this id, if added.
    pub fn get(&self, id: &str) -> Option<&NodeFact> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    /// Add an attribute to a node added before, unless it has the same
    /// key and value already.
    pub fn attr(&mut self, id: &str, key: &str, value: Value, prov: &Provenance) {
        let Some(&i) = self.index.get(id) else { return };
        let n = &mut self.nodes[i];
        if n.attrs.iter().any(|a| a.key == key && a.value == value) {
            return;
        }
        n.attrs.push(Attr {
            key: key.into(),
            value,
            prov: prov.clone().into(),
        });
    }

    /// Set an attribute, replacing any earlier value of the key.
    pub fn set_attr(&mut self, id: &str, key: &str, value: Value, prov: &Provenance) {
        let Some(&i) = self.index.get(id) else { return };
        let n = &mut self.nodes[i];
        n.attrs.retain(|a| a.key != key);
        n.attrs.push(Attr {
            key: key.into(),
            value,
            prov: prov.clone().into(),
        });
    }

    /// First value of a node's attribute.
    pub fn attr_of(&self, id: &str, key: &str) -> Option<&Value> {
        self.get(id)?
            .attrs
            .iter()
            .find(|a| a.key == key)
            .map(|a| &a.value)
    }

    /// Add an edge once.
    pub fn edge(
        &mut self,
        from: &str,
        to: &str,
        kind: EdgeKind,
        attrs: Vec<Attr>,
        prov: &Provenance,
    ) {
        if from == to {
            return;
        }
        // "from␁to␁kind␁key=value␁key=value"
        let mut key = String::with_capacity(from.len() + to.len() + 32);
        for part in [from, to, kind.as_str()] {
            key.push_str(part);
            key.push('\u{1}');
        }
        for (i, a) in attrs.iter().enumerate() {
            if i > 0 {
                key.push('\u{1}');
            }
            let _ = write!(key, "{}={}", a.key, a.value);
        }
        if !self.edge_keys.insert(key) {
            return;
        }
        self.edges.push(EdgeFact {
            from: from.into(),
            to: to.into(),
            kind,
            attrs,
            prov: prov.clone().into(),
        });
    }
}

/// A text attribute.
pub fn text_attr(key: &str, text: &str, prov: &Provenance) -> Attr {
    Attr {
        key: key.into(),
        value: Value::Text(text.to_string()),
        prov: prov.clone().into(),
    }
}

/// Cut `s` to at most `max` characters at a word boundary, with "…".
pub fn shorten(s: &str, max: usize) -> String {
    // `s` with single spaces, read only as far as the cut can reach: up
    // to the first word that takes it past `max` characters.
    let mut joined = String::new();
    let mut total = 0;
    for w in s.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
            total += 1;
        }
        joined.push_str(w);
        total += w.chars().count();
        if total > max {
            break;
        }
    }
    if total <= max {
        return joined;
    }
    let mut out = String::new();
    // Characters in `out`, counted as it grows.
    let mut len = 0;
    for w in joined.split(' ') {
        let n = w.chars().count();
        if len + n + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            len += 1;
        }
        out.push_str(w);
        len += n;
    }
    if out.is_empty() {
        out = joined.chars().take(max).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_merge_and_edges_dedupe() {
        let mut f = Facts::new("d");
        let p = f.prov("I", Span { start: 0, end: 1 });
        f.node("x", Kind::Event, "X", &["a".into()], &p);
        f.node("x", Kind::Event, "Y", &["a".into(), "b".into()], &p);
        assert_eq!(f.nodes.len(), 1);
        assert_eq!(f.nodes[0].aliases, ["a", "b"]);
        f.attr("x", "k", Value::Int(1), &p);
        f.attr("x", "k", Value::Int(1), &p);
        assert_eq!(f.nodes[0].attrs.len(), 1);
        f.edge("x", "y", EdgeKind::Mentions, vec![], &p);
        f.edge("x", "y", EdgeKind::Mentions, vec![], &p);
        f.edge("x", "x", EdgeKind::Mentions, vec![], &p);
        assert_eq!(f.edges.len(), 1);
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("uno dos  tres", 20), "uno dos tres");
        assert_eq!(shorten("uno dos tres cuatro", 9), "uno dos…");
        assert_eq!(shorten("supercalifragilístico", 5), "super…");
        assert_eq!(shorten(" uno  dos\ttres ", 12), "uno dos tres");
        assert_eq!(shorten("uno dos tres", 11), "uno dos…");
        assert_eq!(shorten("", 3), "");
    }
}
