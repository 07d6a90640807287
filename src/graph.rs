//! The petgraph view of the knowledge base: reference facts, every stored
//! document's facts and annotations merged into one directed graph, with
//! the lookups the query engine needs (by id, by normalized alias,
//! neighbours by edge type, shortest path) and the derived `awaits` edges.
//! Built once per open; read-only afterwards.

use crate::annotate::{Annotation, Retracted};
use crate::model::{
    Attr, DocumentMeta, EdgeFact, EdgeKind, FactBundle, Kind, NodeFact, Prov, Provenance, Request,
    Section, Status, Sym, Value, Ymd,
};
use crate::reference::Gazetteer;
use crate::text::normalize;
use fxhash::{FxHashMap, FxHashSet};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, HashSet, VecDeque};

mod check;
mod resolve;

pub use resolve::{edit_distance, ResolveError};

/// A merged node.
#[derive(Debug, Clone)]
pub struct NodeData {
    pub id: Sym,
    pub kind: Kind,
    pub name: String,
    pub aliases: Vec<String>,
    pub attrs: Vec<Attr>,
    pub sources: Vec<Prov>,
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
    pub prov: Prov,
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

/// Edges by node, each with the node at its other end.
type Adjacency = FxHashMap<NodeIndex, Vec<(NodeIndex, EdgeIndex)>>;

/// Node counts by kind and edge counts by type.
pub type Stats = (Vec<(Kind, usize)>, Vec<(EdgeKind, usize)>);

/// The graph view.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<NodeData, EdgeData>,
    by_id: FxHashMap<Sym, NodeIndex>,
    by_alias: FxHashMap<String, Vec<NodeIndex>>,
    /// Requests for responses with their partial knowledge, recomputed
    /// across the reports of each thread (see [`crate::link`]).
    pub requests: Vec<Request>,
    /// Every request as each report stated it, for history and `why`.
    pub request_history: Vec<Request>,
    /// Facts hidden by retractions and rejections, kept for `why` and `trace`.
    pub retracted: Vec<Retracted>,
    /// The annotations applied to this view.
    pub annotations: Vec<Annotation>,
    /// Respondents named by annotations: (request id, country id, provenance).
    pub annotated_responses: Vec<(String, String, Provenance)>,
    /// Documents in the view (text included, for citing sentences).
    pub documents: Vec<DocumentMeta>,
    /// Position in `documents` by document id: a citation looks up its
    /// document without scanning ten thousand of them.
    doc_index: FxHashMap<String, usize>,
    /// Sections by (doc id, section id).
    sections: FxHashMap<(String, String), Section>,
    /// Nodes by kind (indexed by `Kind as usize`), in graph order; the
    /// query planner's candidates. Filled when the view is complete.
    by_kind: Vec<Vec<NodeIndex>>,
    /// Position in `requests` by request id, for `awaiting(w)` and kin.
    request_index: FxHashMap<Sym, usize>,
    /// While building: each derived `awaits` edge with its `request` id.
    awaits_request: Vec<(EdgeIndex, Sym)>,
    /// The request of each derived `awaits` edge (what looking up its
    /// `request` attribute gives), without hashing the id per row: the
    /// position in `requests` of edge `base + k` at `k` (`u32::MAX` for
    /// none). Derived edges are added last and together, so this is dense.
    request_of_awaits: (usize, Vec<u32>),
    /// While building: every `awaits` edge, in the order it was added.
    awaits_added: Vec<EdgeIndex>,
    /// `awaits` edges by node, outgoing and incoming, each list in the
    /// order a walk of the node's edges gives them oldest first (see
    /// [`KnowledgeGraph::awaits_adjacent`]). `None` when edges were
    /// removed while building (retractions), which can reorder them.
    awaits_adjacency: Option<[Adjacency; 2]>,
    /// While building: the sources of nodes merged from many documents (a
    /// country named by every report), so that a merge does not scan a
    /// list as long as the corpus. Empty once the view is built.
    source_sets: FxHashMap<NodeIndex, FxHashSet<Prov>>,
    pub options: ViewOptions,
}

/// A node's sources are checked through a set once they are this many.
const SOURCE_SET_AFTER: usize = 16;

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
        KnowledgeGraph::build_with(gazetteer, known, &[], options)
    }

    /// Build the view from the gazetteer, document bundles and annotations,
    /// taking the bundles: their facts, texts and sections move into the
    /// view instead of being copied (at open, the bundles are read for the
    /// view alone).
    pub fn build_with(
        gazetteer: &Gazetteer,
        bundles: Vec<FactBundle>,
        annotations: &[Annotation],
        options: ViewOptions,
    ) -> KnowledgeGraph {
        let _interning = crate::sym::Interning::start();
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
        // Keyed by node index: gone before `drop_future` renumbers nodes.
        kg.source_sets = FxHashMap::default();
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
        crate::annotate::apply_facts(&mut kg, annotations);
        for b in bundles {
            kg.request_history.extend(b.requests);
            for s in b.sections {
                kg.sections.insert((b.doc.id.clone(), s.id.clone()), s);
            }
            kg.doc_index.insert(b.doc.id.clone(), kg.documents.len());
            kg.documents.push(b.doc);
        }
        crate::link::link_threads(&mut kg, annotations);
        crate::annotate::apply_responses(&mut kg, annotations);
        kg.annotations = annotations.to_vec();
        kg.derive_awaits();
        kg.index_kinds_and_requests();
        kg
    }

    /// The indexes of a finished view: nodes by kind, requests by id.
    fn index_kinds_and_requests(&mut self) {
        self.by_kind = vec![Vec::new(); Kind::ALL.len()];
        for i in self.graph.node_indices() {
            self.by_kind[self.graph[i].kind as usize].push(i);
        }
        self.request_index = self
            .requests
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        // An edge's index is its insertion rank unless edges were removed
        // (a retraction moves the last edge into the gap): then no index.
        let added = std::mem::take(&mut self.awaits_added);
        self.awaits_adjacency = self.retracted.is_empty().then(|| {
            let mut by_node: [Adjacency; 2] = Default::default();
            for e in added {
                if let Some((a, b)) = self.graph.edge_endpoints(e) {
                    by_node[0].entry(a).or_default().push((b, e));
                    by_node[1].entry(b).or_default().push((a, e));
                }
            }
            by_node
        });
        let derived = std::mem::take(&mut self.awaits_request);
        let base = derived.iter().map(|(e, _)| e.index()).min().unwrap_or(0);
        let end = derived
            .iter()
            .map(|(e, _)| e.index() + 1)
            .max()
            .unwrap_or(0);
        let mut table = vec![u32::MAX; end.saturating_sub(base)];
        for (e, id) in derived {
            if let Some(&i) = self.request_index.get(&id) {
                table[e.index() - base] = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        self.request_of_awaits = (base, table);
    }

    pub(crate) fn merge_node(&mut self, n: NodeFact) {
        match self.by_id.get(&n.id) {
            Some(&i) => {
                for k in n
                    .aliases
                    .iter()
                    .map(String::as_str)
                    .chain([n.name.as_str(), &n.id])
                {
                    index_alias(&mut self.by_alias, normalize(k), i, false);
                }
                let node = &mut self.graph[i];
                for a in n.aliases {
                    if !node.aliases.contains(&a) {
                        node.aliases.push(a);
                    }
                }
                node.attrs.extend(n.attrs);
                let known = if node.sources.len() < SOURCE_SET_AFTER {
                    node.sources.contains(&n.prov)
                } else {
                    let set = self
                        .source_sets
                        .entry(i)
                        .or_insert_with(|| node.sources.iter().cloned().collect());
                    !set.insert(n.prov.clone())
                };
                if !known {
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
                for k in node
                    .aliases
                    .iter()
                    .map(String::as_str)
                    .chain([node.name.as_str(), &node.id])
                {
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
        let gone: HashSet<Sym> = future.iter().map(|&i| self.graph[i].id.clone()).collect();
        self.graph.retain_nodes(|g, i| !gone.contains(&g[i].id));
        self.reindex();
    }

    fn reindex(&mut self) {
        self.by_id.clear();
        self.by_alias.clear();
        for i in self.graph.node_indices() {
            let n = &self.graph[i];
            self.by_id.insert(n.id.clone(), i);
            for k in n
                .aliases
                .iter()
                .map(String::as_str)
                .chain([n.name.as_str(), &n.id])
            {
                index_alias(&mut self.by_alias, normalize(k), i, true);
            }
        }
    }

    /// Add an edge whose ends exist; returns false (and adds nothing) when
    /// an end is missing.
    pub(crate) fn add_edge(&mut self, e: EdgeFact, derived: bool) -> bool {
        self.add_edge_index(e, derived).is_some()
    }

    /// [`KnowledgeGraph::add_edge`], giving the new edge's index.
    fn add_edge_index(&mut self, e: EdgeFact, derived: bool) -> Option<EdgeIndex> {
        let (Some(&a), Some(&b)) = (self.by_id.get(&e.from), self.by_id.get(&e.to)) else {
            return None;
        };
        if e.kind == EdgeKind::Awaits {
            self.awaits_added
                .push(EdgeIndex::new(self.graph.edge_count()));
        }
        Some(self.graph.add_edge(
            a,
            b,
            EdgeData {
                kind: e.kind,
                attrs: e.attrs,
                prov: e.prov,
                derived,
            },
        ))
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
            // Respondents a researcher named: their annotations are part of
            // every awaits edge of the request, so answers cite them.
            let named_by: Vec<Attr> = self
                .annotated_responses
                .iter()
                .filter(|(id, _, _)| id == &r.id)
                .map(|(_, c, p)| Attr {
                    key: "named_responder".into(),
                    value: Value::Text(c.clone()),
                    prov: p.clone().into(),
                })
                .collect();
            for c in &r.requested_from {
                if r.responded_named.contains(c) {
                    continue;
                }
                derived.push((
                    EdgeFact {
                        from: r.agreement.clone(),
                        to: c.clone(),
                        kind: EdgeKind::Awaits,
                        attrs: vec![
                            Attr {
                                key: "request".into(),
                                value: Value::Text(r.id.to_string()),
                                prov: r.prov.clone(),
                            },
                            Attr {
                                key: "certain".into(),
                                value: Value::Bool(!uncertain),
                                prov: r.prov.clone(),
                            },
                        ]
                        .into_iter()
                        .chain(named_by.iter().cloned())
                        .collect(),
                        prov: r.prov.clone(),
                    },
                    r.id.clone(),
                ));
            }
        }
        for (e, request) in derived {
            if let Some(i) = self.add_edge_index(e, true) {
                self.awaits_request.push((i, request));
            }
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

    /// Nodes of a kind, in graph order.
    pub fn nodes_of(&self, kind: Kind) -> &[NodeIndex] {
        self.by_kind.get(kind as usize).map_or(&[], Vec::as_slice)
    }

    /// A document of the view by id.
    pub fn document(&self, id: &str) -> Option<&DocumentMeta> {
        self.doc_index.get(id).and_then(|&i| self.documents.get(i))
    }

    /// The request of a derived `awaits` edge, found without reading its
    /// attributes: the same as [`KnowledgeGraph::request`] of its
    /// `request` attribute. `None` for any other edge.
    pub fn request_of_awaits(&self, e: EdgeIndex) -> Option<&Request> {
        let (base, table) = &self.request_of_awaits;
        let i = *table.get(e.index().checked_sub(*base)?)?;
        self.requests.get(usize::try_from(i).ok()?)
    }

    /// The `awaits` edges of `n` in direction `dir`, with the node at their
    /// other end, in the order of a walk of `n`'s edges reversed (oldest
    /// first), as the query engine lists adjacent edges: without walking
    /// the dozens of other edges of an agreement or the hundred thousand
    /// of a country. `None` if the view has no such index.
    pub fn awaits_adjacent(
        &self,
        n: NodeIndex,
        dir: Direction,
    ) -> Option<&[(NodeIndex, EdgeIndex)]> {
        let side = usize::from(dir == Direction::Incoming);
        let index = self.awaits_adjacency.as_ref()?;
        Some(index[side].get(&n).map_or(&[], Vec::as_slice))
    }

    /// An effective request (see [`KnowledgeGraph::requests`]) by id.
    pub fn request(&self, id: &str) -> Option<&Request> {
        self.request_index
            .get(id)
            .and_then(|&i| self.requests.get(i))
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
    /// direction `dir`, with the edge, in the order the edges were added:
    /// the gazetteer's, then each report's in reading order. (petgraph
    /// lists a node's edges newest first.)
    pub fn neighbours(
        &self,
        n: NodeIndex,
        kind: Option<EdgeKind>,
        dir: Direction,
    ) -> impl Iterator<Item = (NodeIndex, EdgeIndex, &EdgeData)> + '_ {
        let mut edges: Vec<(NodeIndex, EdgeIndex, &EdgeData)> = self
            .graph
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
            .collect();
        edges.sort_by_key(|(_, e, _)| e.index());
        edges.into_iter()
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
            // Outgoing edges first, each direction in the order the edges
            // were added, so that of several shortest paths the one through
            // the earliest evidence is found.
            let mut edges: Vec<_> = self
                .graph
                .edges_directed(n, Direction::Outgoing)
                .chain(self.graph.edges_directed(n, Direction::Incoming))
                .filter(|e| !e.weight().derived)
                .collect();
            edges.sort_by_key(|e| (e.source() != n, e.id().index()));
            for e in edges {
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
        self.document(doc)?.text.get(span.start..span.end)
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
    by_alias: &mut FxHashMap<String, Vec<NodeIndex>>,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The awaits index lists what the query engine's walk of a node's
    /// edges finds (awaits edges, oldest first), for every node.
    #[test]
    fn awaits_index_agrees_with_a_walk_of_the_edges() {
        let g = Gazetteer::bundled().unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/documents");
        let bundles: Vec<FactBundle> = crate::kb::files_in(std::path::Path::new(dir), "txt")
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).unwrap();
                crate::ingest::prepare(&p.display().to_string(), &bytes, &g)
                    .unwrap()
                    .0
            })
            .collect();
        let kg = KnowledgeGraph::build(&g, &bundles, ViewOptions::default());
        let mut seen = 0;
        for n in kg.graph.node_indices() {
            for dir in [Direction::Outgoing, Direction::Incoming] {
                let mut walk: Vec<(NodeIndex, EdgeIndex)> = kg
                    .graph
                    .edges_directed(n, dir)
                    .filter(|e| e.weight().kind == EdgeKind::Awaits)
                    .map(|e| {
                        let other = if dir == Direction::Outgoing {
                            e.target()
                        } else {
                            e.source()
                        };
                        (other, e.id())
                    })
                    .collect();
                walk.reverse();
                seen += walk.len();
                assert_eq!(kg.awaits_adjacent(n, dir), Some(walk.as_slice()));
            }
        }
        assert!(seen > 0, "the bundled report has awaits edges");
    }
}
