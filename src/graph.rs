//! The petgraph view of the knowledge base: reference facts, every stored
//! document's facts and annotations merged into one directed graph, with
//! the lookups the query engine needs (by id, by normalized alias,
//! neighbours by edge type, shortest path) and the derived `awaits` edges.
//! Built once per open; read-only afterwards.

use crate::model::{
    Attr, DocumentMeta, EdgeFact, EdgeKind, FactBundle, Kind, NodeFact, Provenance, Request,
    Section, Status, Value, Ymd,
};
use crate::reference::Gazetteer;
use crate::text::normalize;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, HashSet, VecDeque};

/// A merged node.
#[derive(Debug, Clone)]
pub struct NodeData {
    pub id: String,
    pub kind: Kind,
    pub name: String,
    pub aliases: Vec<String>,
    pub attrs: Vec<Attr>,
    pub sources: Vec<Provenance>,
}

impl NodeData {
    /// First value of an attribute.
    pub fn attr(&self, key: &str) -> Option<&Value> {
        self.attrs.iter().find(|a| a.key == key).map(|a| &a.value)
    }

    /// All values of an attribute.
    pub fn attrs_named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Attr> + 'a {
        self.attrs.iter().filter(move |a| a.key == key)
    }
}

/// An edge in the view.
#[derive(Debug, Clone)]
pub struct EdgeData {
    pub kind: EdgeKind,
    pub attrs: Vec<Attr>,
    pub prov: Provenance,
    /// Derived by acta (e.g. `awaits`), not read from a source.
    pub derived: bool,
}

/// Options for building the view.
#[derive(Debug, Clone, Copy, Default)]
pub struct ViewOptions {
    /// Only what was known by this date: documents dated on or before it,
    /// and no meeting or event that starts after it.
    pub as_of: Option<Ymd>,
}

/// Node counts by kind and edge counts by type.
pub type Stats = (Vec<(Kind, usize)>, Vec<(EdgeKind, usize)>);

/// The graph view.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<NodeData, EdgeData>,
    by_id: HashMap<String, NodeIndex>,
    by_alias: HashMap<String, Vec<NodeIndex>>,
    /// Requests for responses, with their partial knowledge.
    pub requests: Vec<Request>,
    /// Documents in the view (text included, for citing sentences).
    pub documents: Vec<DocumentMeta>,
    /// Sections by (doc id, section id).
    sections: HashMap<(String, String), Section>,
    pub options: ViewOptions,
}

impl KnowledgeGraph {
    /// Build the view from the gazetteer and document bundles.
    pub fn build(
        gazetteer: &Gazetteer,
        bundles: &[FactBundle],
        options: ViewOptions,
    ) -> KnowledgeGraph {
        let known = bundles
            .iter()
            .filter(|b| known_by(options, b))
            .cloned()
            .collect();
        KnowledgeGraph::from_bundles(gazetteer, known, options)
    }

    /// Build the view, taking the bundles: their facts, texts and sections
    /// move into the view instead of being copied (at open, the bundles are
    /// read for the view alone).
    pub fn from_bundles(
        gazetteer: &Gazetteer,
        bundles: Vec<FactBundle>,
        options: ViewOptions,
    ) -> KnowledgeGraph {
        let mut kg = KnowledgeGraph {
            options,
            ..KnowledgeGraph::default()
        };
        let (ref_nodes, ref_edges) = gazetteer.facts();
        let mut bundles: Vec<FactBundle> = bundles
            .into_iter()
            .filter(|b| known_by(options, b))
            .collect();
        for n in ref_nodes {
            kg.merge_node(n);
        }
        for b in &mut bundles {
            for n in std::mem::take(&mut b.nodes) {
                kg.merge_node(n);
            }
        }
        if let Some(d) = options.as_of {
            kg.drop_future(d);
        }
        for e in ref_edges {
            kg.add_edge(e, false);
        }
        for b in &mut bundles {
            for e in std::mem::take(&mut b.edges) {
                kg.add_edge(e, false);
            }
        }
        for b in bundles {
            kg.requests.extend(b.requests);
            for s in b.sections {
                kg.sections.insert((b.doc.id.clone(), s.id.clone()), s);
            }
            kg.documents.push(b.doc);
        }
        kg.derive_awaits();
        kg
    }

    fn merge_node(&mut self, n: NodeFact) {
        match self.by_id.get(&n.id) {
            Some(&i) => {
                for k in n.aliases.iter().chain([&n.name, &n.id]) {
                    index_alias(&mut self.by_alias, normalize(k), i, false);
                }
                let node = &mut self.graph[i];
                for a in n.aliases {
                    if !node.aliases.contains(&a) {
                        node.aliases.push(a);
                    }
                }
                node.attrs.extend(n.attrs);
                if !node.sources.contains(&n.prov) {
                    node.sources.push(n.prov);
                }
            }
            None => {
                let id = n.id.clone();
                let i = self.graph.add_node(NodeData {
                    id: n.id,
                    kind: n.kind,
                    name: n.name,
                    aliases: n.aliases,
                    attrs: n.attrs,
                    sources: vec![n.prov],
                });
                let node = &self.graph[i];
                for k in node.aliases.iter().chain([&node.name, &node.id]) {
                    index_alias(&mut self.by_alias, normalize(k), i, true);
                }
                self.by_id.insert(id, i);
            }
        }
    }

    /// Remove meetings and events that start after `d` (not yet known).
    fn drop_future(&mut self, d: Ymd) {
        let future: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&i| {
                let n = &self.graph[i];
                matches!(n.kind, Kind::Meeting | Kind::Event)
                    && matches!(n.attr("date"), Some(Value::Date(dv)) if dv.start > d)
            })
            .collect();
        let gone: HashSet<String> = future.iter().map(|&i| self.graph[i].id.clone()).collect();
        self.graph.retain_nodes(|g, i| !gone.contains(&g[i].id));
        self.reindex();
    }

    fn reindex(&mut self) {
        self.by_id.clear();
        self.by_alias.clear();
        for i in self.graph.node_indices() {
            let n = &self.graph[i];
            self.by_id.insert(n.id.clone(), i);
            for k in n.aliases.iter().chain([&n.name, &n.id]) {
                index_alias(&mut self.by_alias, normalize(k), i, true);
            }
        }
    }

    /// Add an edge whose ends exist; returns false (and adds nothing) when
    /// an end is missing.
    fn add_edge(&mut self, e: EdgeFact, derived: bool) -> bool {
        let (Some(&a), Some(&b)) = (self.by_id.get(&e.from), self.by_id.get(&e.to)) else {
            return false;
        };
        self.graph.add_edge(
            a,
            b,
            EdgeData {
                kind: e.kind,
                attrs: e.attrs,
                prov: e.prov,
                derived,
            },
        );
        true
    }

    /// Derive `awaits` edges: for each request not done, every country asked
    /// and not named as having responded. When some respondents are unnamed,
    /// the edge says so (`certain` = false).
    fn derive_awaits(&mut self) {
        let mut derived = Vec::new();
        for r in &self.requests {
            if r.status == Status::Done {
                continue;
            }
            let uncertain = r.responded_unnamed.max > 0;
            for c in &r.requested_from {
                if r.responded_named.contains(c) {
                    continue;
                }
                derived.push(EdgeFact {
                    from: r.agreement.clone(),
                    to: c.clone(),
                    kind: EdgeKind::Awaits,
                    attrs: vec![
                        Attr {
                            key: "request".into(),
                            value: Value::Text(r.id.clone()),
                            prov: r.prov.clone(),
                        },
                        Attr {
                            key: "certain".into(),
                            value: Value::Bool(!uncertain),
                            prov: r.prov.clone(),
                        },
                    ],
                    prov: r.prov.clone(),
                });
            }
        }
        for e in derived {
            self.add_edge(e, true);
        }
    }

    /// Node index by id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// Node data by index.
    pub fn data(&self, i: NodeIndex) -> &NodeData {
        &self.graph[i]
    }

    /// Nodes whose id, name or an alias normalizes to the same key as `name`.
    pub fn lookup(&self, name: &str) -> &[NodeIndex] {
        self.by_alias
            .get(&normalize(name))
            .map_or(&[], Vec::as_slice)
    }

    /// Every normalized alias key with its nodes (for completion and
    /// nearest-candidate suggestions).
    pub fn aliases(&self) -> impl Iterator<Item = (&String, &Vec<NodeIndex>)> {
        self.by_alias.iter()
    }

    /// Neighbours of `n` along edges of `kind` (any kind if `None`) in
    /// direction `dir`, with the edge.
    pub fn neighbours(
        &self,
        n: NodeIndex,
        kind: Option<EdgeKind>,
        dir: Direction,
    ) -> impl Iterator<Item = (NodeIndex, EdgeIndex, &EdgeData)> + '_ {
        self.graph
            .edges_directed(n, dir)
            .filter(move |e| kind.is_none_or(|k| e.weight().kind == k))
            .map(move |e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (other, e.id(), e.weight())
            })
    }

    /// Shortest path between two nodes, ignoring edge direction and skipping
    /// derived edges. Returns node indices from `a` to `b`.
    pub fn shortest_path(&self, a: NodeIndex, b: NodeIndex) -> Option<Vec<NodeIndex>> {
        if a == b {
            return Some(vec![a]);
        }
        // Breadth first, with per-node arrays (the view's indices are dense)
        // and a stop as soon as `b` is reached rather than when it is taken
        // from the queue: a country is mentioned by thousands of sections.
        let count = self.graph.node_count();
        if a.index() >= count || b.index() >= count {
            return None;
        }
        let mut prev = vec![NodeIndex::end(); count];
        let mut seen = vec![false; count];
        seen[a.index()] = true;
        let mut queue = VecDeque::from([a]);
        while let Some(n) = queue.pop_front() {
            for e in self
                .graph
                .edges_directed(n, Direction::Outgoing)
                .chain(self.graph.edges_directed(n, Direction::Incoming))
            {
                if e.weight().derived {
                    continue;
                }
                let other = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                if seen[other.index()] {
                    continue;
                }
                seen[other.index()] = true;
                prev[other.index()] = n;
                if other == b {
                    let mut path = vec![b];
                    let mut cur = b;
                    while cur != a {
                        cur = prev[cur.index()];
                        path.push(cur);
                    }
                    path.reverse();
                    return Some(path);
                }
                queue.push_back(other);
            }
        }
        None
    }

    /// A section of a document.
    pub fn section(&self, doc: &str, id: &str) -> Option<&Section> {
        self.sections.get(&(doc.to_string(), id.to_string()))
    }

    /// The sentence a provenance points at, if it is extracted.
    pub fn sentence(&self, prov: &Provenance) -> Option<&str> {
        let Provenance::Extracted { doc, span, .. } = prov else {
            return None;
        };
        let d = self.documents.iter().find(|d| &d.id == doc)?;
        d.text.get(span.start..span.end)
    }

    /// Node counts by kind and edge counts by type.
    pub fn stats(&self) -> Stats {
        let mut nk: HashMap<Kind, usize> = HashMap::new();
        for n in self.graph.node_weights() {
            *nk.entry(n.kind).or_default() += 1;
        }
        let mut ek: HashMap<EdgeKind, usize> = HashMap::new();
        for e in self.graph.edge_weights() {
            *ek.entry(e.kind).or_default() += 1;
        }
        (
            Kind::ALL
                .iter()
                .map(|k| (*k, nk.get(k).copied().unwrap_or(0)))
                .collect(),
            EdgeKind::ALL
                .iter()
                .map(|k| (*k, ek.get(k).copied().unwrap_or(0)))
                .collect(),
        )
    }

    /// Invariant problems: every edge of every bundle has both ends, and the
    /// derived edges match the requests.
    pub fn check(gazetteer: &Gazetteer, bundles: &[FactBundle]) -> Vec<String> {
        let kg = KnowledgeGraph::build(gazetteer, bundles, ViewOptions::default());
        let mut problems = Vec::new();
        let (_, ref_edges) = gazetteer.facts();
        let sources = ref_edges
            .iter()
            .map(|e| ("reference".to_string(), e))
            .chain(
                bundles
                    .iter()
                    .flat_map(|b| b.edges.iter().map(|e| (b.doc.id.clone(), e))),
            );
        for (src, e) in sources {
            for end in [&e.from, &e.to] {
                if kg.node(end).is_none() {
                    problems.push(format!(
                        "{src}: edge {} {} {} points to missing node {end}",
                        e.from, e.kind, e.to
                    ));
                }
            }
        }
        for b in bundles {
            for r in &b.requests {
                for id in std::iter::once(&r.agreement)
                    .chain(&r.requested_from)
                    .chain(&r.responded_named)
                {
                    if kg.node(id).is_none() {
                        problems.push(format!(
                            "{}: request {} refers to missing node {id}",
                            b.doc.id, r.id
                        ));
                    }
                }
                let expected = if r.status == Status::Done {
                    0
                } else {
                    r.requested_from
                        .iter()
                        .filter(|c| !r.responded_named.contains(c))
                        .count()
                };
                let actual = kg
                    .graph
                    .edge_weights()
                    .filter(|e| e.kind == EdgeKind::Awaits && matches!(e.attrs.first(), Some(Attr { value: Value::Text(t), .. }) if t == &r.id))
                    .count();
                if expected != actual {
                    problems.push(format!(
                        "request {}: {expected} awaits edges expected, {actual} derived",
                        r.id
                    ));
                }
            }
        }
        problems
    }
}

/// Whether a document is known by the view's date, if it has one.
fn known_by(options: ViewOptions, b: &FactBundle) -> bool {
    match options.as_of {
        None => true,
        Some(d) => b.doc.date.is_some_and(|dd| dd.start <= d),
    }
}

/// Add node `idx` to the nodes known by alias `key`, once. A `fresh` node
/// (just added, or indexed in node order) has the largest index so far, so
/// it can only be the last entry: no scan of lists that grow with the
/// corpus, such as the one for section number "iv.a".
fn index_alias(
    by_alias: &mut HashMap<String, Vec<NodeIndex>>,
    key: String,
    idx: NodeIndex,
    fresh: bool,
) {
    let v = by_alias.entry(key).or_default();
    let known = if fresh {
        v.last() == Some(&idx)
    } else {
        v.contains(&idx)
    };
    if !known {
        v.push(idx);
    }
}

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
