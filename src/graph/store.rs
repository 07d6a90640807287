//! The graph of a view, in one of two forms behind one interface: a
//! petgraph graph while a view is built (or changed), or the graph of a
//! saved view read in place (`lazy.rs`), whose nodes and edges are decoded
//! only when a query reads them. The methods are petgraph's that the rest
//! of acta uses, with the same orders: a node's edges are walked newest
//! first, as petgraph walks them.

use super::lazy::{kind_set, Lazy};
use super::{EdgeData, NodeData};
use crate::model::{EdgeKind, Kind, Sym};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use std::fmt;
use std::ops::{Index, IndexMut};

type Built = DiGraph<NodeData, EdgeData>;

/// A view's graph: built from the facts (or thawed from a saved view to
/// be changed), or, when `saved` is set, read in place from a saved view
/// (and `built` is empty).
#[derive(Clone, Default)]
pub(crate) struct Graph {
    built: Built,
    saved: Option<Lazy>,
}

/// An edge as a walk gives it: its ends, index and data.
#[derive(Clone, Copy)]
pub struct EdgeRef<'a> {
    graph: &'a Graph,
    source: NodeIndex,
    target: NodeIndex,
    id: EdgeIndex,
    kind: EdgeKind,
}

impl<'a> EdgeRef<'a> {
    /// The node the edge leaves.
    pub fn source(&self) -> NodeIndex {
        self.source
    }
    /// The node the edge reaches.
    pub fn target(&self) -> NodeIndex {
        self.target
    }
    /// The edge's index.
    pub fn id(&self) -> EdgeIndex {
        self.id
    }
    /// The edge's type (known without decoding the edge).
    pub fn kind(&self) -> EdgeKind {
        self.kind
    }
    /// The edge's data (decoded now if it was not).
    pub fn weight(&self) -> &'a EdgeData {
        &self.graph[self.id]
    }
}

impl Graph {
    /// The graph to change: a saved view's is decoded whole first.
    pub(crate) fn built_mut(&mut self) -> &mut Built {
        if let Some(lazy) = self.saved.take() {
            self.built = lazy.thaw();
        }
        &mut self.built
    }

    /// The graph of a saved view, read in place.
    pub(crate) fn saved(lazy: Lazy) -> Graph {
        Graph {
            built: Built::default(),
            saved: Some(lazy),
        }
    }

    pub(crate) fn node_count(&self) -> usize {
        match &self.saved {
            None => {
                let g = &self.built;
                g.node_count()
            }
            Some(l) => l.node_count(),
        }
    }

    pub(crate) fn edge_count(&self) -> usize {
        match &self.saved {
            None => {
                let g = &self.built;
                g.edge_count()
            }
            Some(l) => l.edge_count(),
        }
    }

    pub(crate) fn node_indices(&self) -> impl Iterator<Item = NodeIndex> + 'static {
        (0..self.node_count()).map(NodeIndex::new)
    }

    pub(crate) fn edge_indices(&self) -> impl Iterator<Item = EdgeIndex> + 'static {
        (0..self.edge_count()).map(EdgeIndex::new)
    }

    pub(crate) fn edge_weight(&self, e: EdgeIndex) -> Option<&EdgeData> {
        match &self.saved {
            None => {
                let g = &self.built;
                g.edge_weight(e)
            }
            Some(l) => l.edge(e.index()),
        }
    }

    pub(crate) fn node_weights(&self) -> impl Iterator<Item = &NodeData> + '_ {
        self.node_indices().map(move |i| &self[i])
    }

    pub(crate) fn edge_weights(&self) -> impl Iterator<Item = &EdgeData> + '_ {
        self.edge_indices().map(move |e| &self[e])
    }

    /// The two ends of an edge (from, to).
    pub(crate) fn edge_endpoints(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        match &self.saved {
            None => {
                let g = &self.built;
                g.edge_endpoints(e)
            }
            Some(l) => l
                .ends(e.index())
                .map(|(a, b)| (NodeIndex::new(a), NodeIndex::new(b))),
        }
    }

    /// The type of an edge, without decoding the rest of it.
    pub(crate) fn edge_kind(&self, e: EdgeIndex) -> Option<EdgeKind> {
        match &self.saved {
            None => {
                let g = &self.built;
                g.edge_weight(e).map(|w| w.kind)
            }
            Some(l) => l.kind(e.index()),
        }
    }

    /// The id of a node, without decoding the rest of it.
    pub(crate) fn node_id(&self, i: NodeIndex) -> Option<Sym> {
        match &self.saved {
            None => self.built.node_weight(i).map(|n| n.id.clone()),
            Some(l) => l.node_id(i.index()),
        }
    }

    /// The kind of a node, without decoding the rest of it (`None` past
    /// the end).
    pub(crate) fn node_kind(&self, i: NodeIndex) -> Option<Kind> {
        match &self.saved {
            None => self.built.node_weight(i).map(|n| n.kind),
            Some(l) => l.node_kind(i.index()),
        }
    }

    fn edge_ref(&self, e: EdgeIndex) -> Option<EdgeRef<'_>> {
        let (source, target) = self.edge_endpoints(e)?;
        Some(EdgeRef {
            graph: self,
            source,
            target,
            id: e,
            kind: self.edge_kind(e)?,
        })
    }

    /// The edges of `n` in direction `dir`, newest first (petgraph's order).
    pub(crate) fn edges_directed(
        &self,
        n: NodeIndex,
        dir: Direction,
    ) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.edges_of(n, dir, &[])
    }

    /// The edges of `n` in direction `dir` of the types in `kinds` (any
    /// type when empty), newest first (petgraph's order). A saved view
    /// keeps a node's edges grouped by type: the others are not read.
    pub(crate) fn edges_of(
        &self,
        n: NodeIndex,
        dir: Direction,
        kinds: &[EdgeKind],
    ) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        let want = kind_set(kinds);
        // A saved view's adjacency holds each edge's other end and type:
        // a walk reads neither the edges' records nor their data.
        let edges: Box<dyn Iterator<Item = EdgeRef<'_>> + '_> = match &self.saved {
            None => Box::new(
                self.built
                    .edges_directed(n, dir)
                    .filter(move |e| want & kind_set(&[e.weight().kind]) != 0)
                    .map(move |e| EdgeRef {
                        graph: self,
                        source: e.source(),
                        target: e.target(),
                        id: e.id(),
                        kind: e.weight().kind,
                    }),
            ),
            Some(l) => Box::new(
                l.adjacent(n.index(), dir, want)
                    .map(move |(e, other, kind)| {
                        let other = NodeIndex::new(other);
                        let (source, target) = match dir {
                            Direction::Outgoing => (n, other),
                            Direction::Incoming => (other, n),
                        };
                        EdgeRef {
                            graph: self,
                            source,
                            target,
                            id: EdgeIndex::new(e),
                            kind,
                        }
                    }),
            ),
        };
        edges
    }

    /// The edges from `a` to `b`, newest first.
    pub(crate) fn edges_connecting(
        &self,
        a: NodeIndex,
        b: NodeIndex,
    ) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.edges_directed(a, Direction::Outgoing)
            .filter(move |e| e.target() == b)
    }

    /// Every edge, in index order.
    pub(crate) fn edge_references(&self) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.edge_indices().filter_map(move |e| self.edge_ref(e))
    }

    pub(crate) fn add_node(&mut self, n: NodeData) -> NodeIndex {
        self.built_mut().add_node(n)
    }

    pub(crate) fn add_edge(&mut self, a: NodeIndex, b: NodeIndex, w: EdgeData) -> EdgeIndex {
        self.built_mut().add_edge(a, b, w)
    }

    pub(crate) fn remove_edge(&mut self, e: EdgeIndex) -> Option<EdgeData> {
        self.built_mut().remove_edge(e)
    }

    pub(crate) fn node_weights_mut(&mut self) -> impl Iterator<Item = &mut NodeData> {
        self.built_mut().node_weights_mut()
    }

    pub(crate) fn edge_weights_mut(&mut self) -> impl Iterator<Item = &mut EdgeData> {
        self.built_mut().edge_weights_mut()
    }

    pub(crate) fn retain_nodes<F>(&mut self, f: F)
    where
        F: FnMut(petgraph::graph::Frozen<'_, Built>, NodeIndex) -> bool,
    {
        self.built_mut().retain_nodes(f);
    }
}

impl Index<NodeIndex> for Graph {
    type Output = NodeData;
    fn index(&self, i: NodeIndex) -> &NodeData {
        match &self.saved {
            None => {
                let g = &self.built;
                &g[i]
            }
            Some(l) => l.node_or_blank(i.index()),
        }
    }
}

impl Index<EdgeIndex> for Graph {
    type Output = EdgeData;
    fn index(&self, e: EdgeIndex) -> &EdgeData {
        match &self.saved {
            None => {
                let g = &self.built;
                &g[e]
            }
            Some(l) => l.edge_or_blank(e.index()),
        }
    }
}

impl IndexMut<NodeIndex> for Graph {
    fn index_mut(&mut self, i: NodeIndex) -> &mut NodeData {
        &mut self.built_mut()[i]
    }
}

impl IndexMut<EdgeIndex> for Graph {
    fn index_mut(&mut self, e: EdgeIndex) -> &mut EdgeData {
        &mut self.built_mut()[e]
    }
}

/// The same for both forms: the nodes, then the edges with their ends.
impl fmt::Debug for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let edges: Vec<_> = self
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), e.weight()))
            .collect();
        f.debug_struct("Graph")
            .field("nodes", &self.node_weights().collect::<Vec<_>>())
            .field("edges", &edges)
            .finish()
    }
}
