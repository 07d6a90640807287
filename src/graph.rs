//! The petgraph view of the knowledge base: reference facts, every stored
//! document's facts and annotations merged into one directed graph, with
//! the lookups the query engine needs (by id, by normalized alias,
//! neighbours by edge type, shortest path) and the derived `awaits` edges.
//! Built once per open; read-only afterwards.

use crate::model::{Annotation, Retracted};
use crate::model::{
    Attr, DocumentMeta, EdgeKind, Kind, Prov, Provenance, Request, Section, Sym, Value, Ymd,
};
use crate::text::normalize;
use fxhash::{FxHashMap, FxHashSet};

/// A node of the view, as its lookups return it; an edge, as walks do;
/// the direction of a walk. Handles into one view, not ids: the same node
/// has the same index only within the view it came from.
pub use petgraph::graph::{EdgeIndex, NodeIndex};
pub use petgraph::Direction;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
pub use thin_vec::ThinVec;

mod aliases;
pub(crate) mod chunks;
mod cold;
mod lazy;
mod leb128;
mod merge;
mod resolve;
mod saved;
mod store;
mod texts;

pub(crate) use aliases::AliasIndex;
pub(crate) use cold::{Cold, SavedFile};
pub(crate) use lazy::write_nodes;
pub(crate) use lazy::{
    blob_options, write_adjacency, write_attrs, write_edges, write_kinds, write_packed,
};
pub(crate) use lazy::{u32_at, Lazy, Sections as GraphSections, Tables};
pub use store::EdgeRef;
pub(crate) use store::Graph;
pub(crate) use texts::Texts;

pub use resolve::{Reference, ResolveError};

/// A merged node.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    pub(crate) fn attrs_named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Attr> + 'a {
        self.attrs.iter().filter(move |a| a.key == key)
    }
}

/// An edge in the view.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EdgeData {
    pub kind: EdgeKind,
    /// Most edges have none: a list that is one pointer wide keeps each of
    /// the millions of edges 16 bytes smaller than a `Vec` would.
    pub attrs: ThinVec<Attr>,
    pub prov: Prov,
    /// Derived by acta (e.g. `awaits`), not read from a source.
    pub derived: bool,
}

/// Options for building the view.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct ViewOptions {
    /// Only what was known by this date: documents dated on or before it,
    /// and no meeting or event that starts after it.
    pub as_of: Option<Ymd>,
}

/// Sections by (document id, section id), each with whether its body
/// is left to the document's text (see [`KnowledgeGraph::section_text`]).
pub(crate) type Sections = FxHashMap<(String, String), (Section, bool)>;

/// Edges by node, each with the node at its other end.
type Adjacency = FxHashMap<NodeIndex, Vec<(NodeIndex, EdgeIndex)>>;

/// Node counts by kind and edge counts by type, every kind and type listed
/// in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Nodes of each kind.
    pub nodes: Vec<(Kind, usize)>,
    /// Edges of each type.
    pub edges: Vec<(EdgeKind, usize)>,
}

impl Stats {
    /// How many nodes are of `kind`.
    pub fn nodes_of(&self, kind: Kind) -> usize {
        self.nodes
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    }
}

/// The graph view.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct KnowledgeGraph {
    /// The nodes and edges: built, or read in place from a saved view
    /// (written to and read from sections of its own, see `lazy.rs`).
    #[serde(skip)]
    pub(crate) graph: Graph,
    #[serde(deserialize_with = "saved::map::<_, _, _, _, 8>")]
    by_id: FxHashMap<Sym, NodeIndex>,
    /// Nodes by id in a finished view: every node, sorted by id, searched
    /// by binary search (4 bytes a node, nothing to hash when read back).
    id_order: Vec<NodeIndex>,
    /// Nodes by normalized alias key while the view is built (and in a
    /// finished view too large for `alias_index`).
    #[serde(deserialize_with = "saved::map::<_, _, _, _, 16>")]
    by_alias: FxHashMap<String, Vec<NodeIndex>>,
    /// Nodes by normalized alias key in a finished view, compact (saved
    /// in a section of its own and read in place).
    #[serde(skip)]
    pub(crate) alias_index: AliasIndex,
    /// Requests for responses with their partial knowledge, recomputed
    /// across the reports of each thread (see [`crate::link`]).
    pub(crate) requests: Vec<Request>,
    /// Every request as each report stated it, for history and `why`.
    /// Saved in a snapshot section of its own, read when first asked
    /// for (by `trace`; a query seldom does).
    #[serde(skip)]
    pub(crate) request_history: Cold<Vec<Request>>,
    /// Facts hidden by retractions and rejections, kept for `why` and `trace`.
    pub(crate) retracted: Vec<Retracted>,
    /// The annotations applied to this view.
    #[serde(with = "crate::model::annotations_as_json")]
    pub(crate) annotations: Vec<Annotation>,
    /// Respondents named by annotations: (request id, country id, provenance).
    pub(crate) annotated_responses: Vec<(String, String, Provenance)>,
    /// Documents in the view, their texts apart (in `texts`).
    pub(crate) documents: Vec<DocumentMeta>,
    /// Each document's text, for citing sentences: in the order of
    /// `documents`, saved in a snapshot section of their own and read
    /// back only when asked for.
    #[serde(skip)]
    pub(crate) texts: Texts,
    /// Position in `documents` by document id: a citation looks up its
    /// document without scanning ten thousand of them.
    #[serde(deserialize_with = "saved::map::<_, _, _, _, 16>")]
    doc_index: FxHashMap<String, usize>,
    /// Sections by (doc id, section id).
    /// Whether the section's text was left out (`true`): its body is the
    /// document's text at `body_start..span.end`, trimmed, and is read from
    /// there (see [`KnowledgeGraph::section_text`]) instead of being kept twice.
    /// Saved in a snapshot section of their own, read when first asked
    /// for (a query seldom reads a section's body).
    #[serde(skip)]
    pub(crate) sections: Cold<Sections>,
    /// While building: the sections, until the view is sealed.
    #[serde(skip)]
    sections_building: Sections,
    /// Nodes by kind (indexed by `Kind as usize`), in graph order; the
    /// query planner's candidates. Filled when the view is complete.
    by_kind: Vec<Vec<NodeIndex>>,
    /// Position in `requests` by request id, for `awaiting(w)` and kin.
    #[serde(deserialize_with = "saved::map::<_, _, _, _, 12>")]
    request_index: FxHashMap<Sym, usize>,
    /// While building: each derived `awaits` edge with its `request` id.
    #[serde(skip)]
    awaits_request: Vec<(EdgeIndex, Sym)>,
    /// The request of each derived `awaits` edge (what looking up its
    /// `request` attribute gives), without hashing the id per row: the
    /// position in `requests` of edge `base + k` at `k` (`u32::MAX` for
    /// none). Derived edges are added last and together, so this is dense.
    request_of_awaits: (usize, Vec<u32>),
    /// While building: every `awaits` edge, in the order it was added.
    #[serde(skip)]
    awaits_added: Vec<EdgeIndex>,
    /// `awaits` edges by node, outgoing and incoming, each list in the
    /// order a walk of the node's edges gives them oldest first (see
    /// [`KnowledgeGraph::awaits_adjacent`]). `None` when edges were
    /// removed while building (retractions), which can reorder them.
    awaits_adjacency: Option<[Adjacency; 2]>,
    /// While building: the sources of nodes merged from many documents (a
    /// country named by every report), so that a merge does not scan a
    /// list as long as the corpus. Empty once the view is built.
    #[serde(skip)]
    source_sets: FxHashMap<NodeIndex, FxHashSet<Prov>>,
    pub(crate) options: ViewOptions,
}

/// A node's sources are checked through a set once they are this many.
const SOURCE_SET_AFTER: usize = 16;

impl KnowledgeGraph {
    /// Node index by id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        if let Some(&i) = self.by_id.get(id) {
            return Some(i);
        }
        // Each probe reads the node's id alone, not the whole node.
        let at = self
            .id_order
            .partition_point(|&i| self.graph.node_id(i).is_some_and(|n| *n < *id));
        let i = *self.id_order.get(at)?;
        (*self.graph.node_id(i)? == *id).then_some(i)
    }

    /// The display name of the node with this id, or the id itself when
    /// the view has no such node.
    pub fn name_of(&self, id: &str) -> String {
        self.node(id)
            .map_or_else(|| id.to_string(), |i| self.data(i).name.clone())
    }

    /// Every node, in graph order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph.node_indices()
    }

    /// Every edge with its two ends (from, to), in the order edges were
    /// added: the gazetteer's, each report's, then derived ones.
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, &EdgeData)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.source(), e.target(), e.weight()))
    }

    /// The requests for responses, with what every report of their
    /// thread says of the answers.
    pub fn requests(&self) -> &[Request] {
        &self.requests
    }

    /// The documents the view was built from, without their texts (their
    /// `text` is empty: see [`KnowledgeGraph::document_text`]).
    pub fn documents(&self) -> &[DocumentMeta] {
        &self.documents
    }

    /// The cleaned text of a document of the view, which spans point into
    /// (read from the saved view the first time it is asked for). `None`
    /// when there is no such document, or its saved text does not read
    /// back whole.
    pub fn document_text(&self, id: &str) -> Option<&str> {
        self.doc_index.get(id).and_then(|&i| self.texts.get(i))
    }

    /// Node data by index.
    pub fn data(&self, i: NodeIndex) -> &NodeData {
        &self.graph[i]
    }

    /// The kind of a node, read without decoding the rest of it.
    pub(crate) fn kind_of(&self, i: NodeIndex) -> Kind {
        self.graph.node_kind(i).unwrap_or_else(|| self.data(i).kind)
    }

    /// Nodes of a kind, in graph order.
    pub(crate) fn nodes_of(&self, kind: Kind) -> &[NodeIndex] {
        self.by_kind.get(kind as usize).map_or(&[], Vec::as_slice)
    }

    /// A document of the view by id.
    pub fn document(&self, id: &str) -> Option<&DocumentMeta> {
        self.doc_index.get(id).and_then(|&i| self.documents.get(i))
    }

    /// The request of a derived `awaits` edge, found without reading its
    /// attributes: the same as [`KnowledgeGraph::request`] of its
    /// `request` attribute. `None` for any other edge.
    pub(crate) fn request_of_awaits(&self, e: EdgeIndex) -> Option<&Request> {
        let (base, table) = &self.request_of_awaits;
        let i = *table.get(e.index().checked_sub(*base)?)?;
        self.requests.get(usize::try_from(i).ok()?)
    }

    /// The `awaits` edges of `n` in direction `dir`, with the node at their
    /// other end, in the order of a walk of `n`'s edges reversed (oldest
    /// first), as the query engine lists adjacent edges: without walking
    /// the dozens of other edges of an agreement or the hundred thousand
    /// of a country. `None` if the view has no such index.
    pub(crate) fn awaits_adjacent(
        &self,
        n: NodeIndex,
        dir: Direction,
    ) -> Option<&[(NodeIndex, EdgeIndex)]> {
        let side = usize::from(dir == Direction::Incoming);
        let index = self.awaits_adjacency.as_ref()?;
        Some(index[side].get(&n).map_or(&[], Vec::as_slice))
    }

    /// An effective request (see [`KnowledgeGraph::requests`]) by id.
    pub(crate) fn request(&self, id: &str) -> Option<&Request> {
        self.request_index
            .get(id)
            .and_then(|&i| self.requests.get(i))
    }

    /// Nodes whose id, name or an alias normalizes to the same key as `name`.
    pub fn lookup(&self, name: &str) -> &[NodeIndex] {
        let key = normalize(name);
        match self.by_alias.get(&key) {
            Some(nodes) => nodes,
            None => self.alias_index.get(&key),
        }
    }

    /// Every normalized alias key with its nodes (for completion and
    /// nearest-candidate suggestions).
    pub(crate) fn aliases(&self) -> impl Iterator<Item = (&str, &[NodeIndex])> {
        self.by_alias
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_slice()))
            .chain(self.alias_index.iter())
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
            .edges_of(n, dir, kind.as_slice())
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

    /// The body text of a section of a document.
    pub(crate) fn section_text(&self, doc: &str, id: &str) -> Option<&str> {
        let (s, in_document) = self
            .sections
            .get()
            .get(&(doc.to_string(), id.to_string()))?;
        if !in_document {
            return Some(&s.text);
        }
        self.document_text(doc)?
            .get(s.body_start..s.span.end)
            .map(str::trim)
    }

    /// The sentence a provenance points at, if it is extracted.
    pub fn sentence(&self, prov: &Provenance) -> Option<&str> {
        let Provenance::Extracted { doc, span, .. } = prov else {
            return None;
        };
        self.document_text(doc)?.get(span.start..span.end)
    }

    /// The page (1-based) of a PDF that an extracted provenance's span
    /// starts on; `None` for texts without pages.
    pub fn page_of(&self, prov: &Provenance) -> Option<usize> {
        let Provenance::Extracted { doc, span, .. } = prov else {
            return None;
        };
        let node = self.node(&crate::model::document_id(doc))?;
        let Some(Value::Text(starts)) = self.data(node).attr("page_starts") else {
            return None;
        };
        let starts: Vec<usize> = starts.split(',').filter_map(|s| s.parse().ok()).collect();
        crate::ingest::read::page_of(&starts, span.start)
    }

    /// The agreements of a thread: `i` and everything reachable over
    /// `same_as` and `evolved_into` edges in either direction.
    pub fn thread(&self, i: NodeIndex) -> Vec<NodeIndex> {
        let mut seen = vec![i];
        // Membership apart from the order: a thread can hold thousands of
        // agreements, and `seen.contains` made the walk quadratic.
        let mut members = std::collections::HashSet::from([i]);
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            for dir in [Direction::Outgoing, Direction::Incoming] {
                for kind in [EdgeKind::SameAs, EdgeKind::EvolvedInto] {
                    for (o, _, _) in self.neighbours(n, Some(kind), dir) {
                        if self.data(o).kind == Kind::Agreement && members.insert(o) {
                            seen.push(o);
                            stack.push(o);
                        }
                    }
                }
            }
        }
        seen
    }

    /// Where a request was made: the sentence its `requests_response_from`
    /// edges were read from (the sentence that asks). A request's own
    /// provenance is the sentence that counts the answers, which is the source
    /// of its status, not of the asking; it is the fallback when no edge
    /// records the request.
    pub(crate) fn asked_in(&self, r: &Request) -> Prov {
        // The type first: it is read without decoding the edge.
        self.graph
            .edge_indices()
            .filter(|&e| self.graph.edge_kind(e) == Some(EdgeKind::RequestsResponseFrom))
            .map(|e| &self.graph[e])
            .find(|e| {
                e.attrs
                    .iter()
                    .any(|a| a.key == "request" && matches!(&a.value, Value::Text(t) if *t == r.id))
            })
            .map_or_else(|| r.prov.clone(), |e| e.prov.clone())
    }

    /// Node counts by kind and edge counts by type.
    pub fn stats(&self) -> Stats {
        let mut nk: HashMap<Kind, usize> = HashMap::new();
        let indexed: usize = self.by_kind.iter().map(Vec::len).sum();
        if indexed == self.graph.node_count() {
            // A finished view's index by kind holds every node once: no
            // node need be decoded.
            for (k, nodes) in Kind::ALL.iter().zip(&self.by_kind) {
                nk.insert(*k, nodes.len());
            }
        } else {
            for n in self.graph.node_weights() {
                *nk.entry(n.kind).or_default() += 1;
            }
        }
        let mut ek: HashMap<EdgeKind, usize> = HashMap::new();
        for e in self.graph.edge_indices() {
            if let Some(k) = self.graph.edge_kind(e) {
                *ek.entry(k).or_default() += 1;
            }
        }
        Stats {
            nodes: Kind::ALL
                .iter()
                .map(|k| (*k, nk.get(k).copied().unwrap_or(0)))
                .collect(),
            edges: EdgeKind::ALL
                .iter()
                .map(|k| (*k, ek.get(k).copied().unwrap_or(0)))
                .collect(),
        }
    }

    /// How many nodes the view holds.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// How many edges the view holds, derived ones included.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// How many documents the view was built from.
    pub fn document_count(&self) -> usize {
        self.documents.len()
    }
}
