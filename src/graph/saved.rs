//! How the view's graph and its hash indexes are written into a view
//! snapshot and read back: each list and map read into room allocated
//! once at its final size. (Read through serde's and petgraph's own
//! forms, the node and edge arrays of a 10,000-report view grew by
//! doubling as they were read, every step copying hundreds of megabytes
//! into fresh pages, and were held twice while the graph was linked.)
//!
//! The graph is written as its nodes, then its edges as (from, to,
//! data); read back, each edge is linked as it comes, and an edge whose
//! end is not a node read is an error, not a panic.

use super::{EdgeData, NodeData};
use crate::model::sym::tables;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

type Graph = DiGraph<NodeData, EdgeData>;

/// The fewest bytes a node takes in a snapshot (id, kind, four lengths).
const NODE_BYTES: usize = 4 + 4 + 4 * 8;
/// The fewest bytes an edge takes (two ends, kind, attributes' length,
/// provenance, `derived`).
const EDGE_BYTES: usize = 4 + 4 + 4 + 8 + 4 + 1;

/// Write the graph: its nodes, then its edges with their ends.
pub(super) fn serialize<S: Serializer>(g: &Graph, s: S) -> Result<S::Ok, S::Error> {
    struct Nodes<'a>(&'a Graph);
    impl Serialize for Nodes<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.node_weights())
        }
    }
    struct Edges<'a>(&'a Graph);
    impl Serialize for Edges<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(
                self.0
                    .edge_references()
                    .map(|e| (e.source(), e.target(), e.weight())),
            )
        }
    }
    let mut t = s.serialize_tuple(2)?;
    t.serialize_element(&Nodes(g))?;
    t.serialize_element(&Edges(g))?;
    t.end()
}

/// Read a graph written by [`serialize`].
pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Graph, D::Error> {
    struct Whole;
    impl<'de> Visitor<'de> for Whole {
        type Value = Graph;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a graph's nodes and edges")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Graph, A::Error> {
            let mut g = Graph::default();
            seq.next_element_seed(Nodes(&mut g))?
                .ok_or_else(|| de::Error::invalid_length(0, &self))?;
            seq.next_element_seed(Edges(&mut g))?
                .ok_or_else(|| de::Error::invalid_length(1, &self))?;
            Ok(g)
        }
    }
    d.deserialize_tuple(2, Whole)
}

/// Reads the nodes into a graph.
struct Nodes<'g>(&'g mut Graph);

impl<'de> DeserializeSeed<'de> for Nodes<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Nodes<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of nodes")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0
            .reserve_nodes(tables::capacity(seq.size_hint(), NODE_BYTES));
        while let Some(n) = seq.next_element::<NodeData>()? {
            if self.0.node_count() >= NodeIndex::<u32>::end().index() {
                return Err(de::Error::custom("too many nodes"));
            }
            self.0.add_node(n);
        }
        Ok(())
    }
}

/// Reads the edges into a graph whose nodes are in.
struct Edges<'g>(&'g mut Graph);

impl<'de> DeserializeSeed<'de> for Edges<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Edges<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of edges")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0
            .reserve_edges(tables::capacity(seq.size_hint(), EDGE_BYTES));
        let nodes = self.0.node_count();
        while let Some((a, b, w)) = seq.next_element::<(NodeIndex, NodeIndex, EdgeData)>()? {
            if a.index() >= nodes || b.index() >= nodes {
                return Err(de::Error::custom("an edge's end is not a node"));
            }
            if self.0.edge_count() >= petgraph::graph::EdgeIndex::<u32>::end().index() {
                return Err(de::Error::custom("too many edges"));
            }
            self.0.add_edge(a, b, w);
        }
        Ok(())
    }
}

/// A hash map read into room for all its entries at once (for
/// `#[serde(deserialize_with)]`): `MIN` is the fewest bytes an entry
/// takes in a snapshot.
pub(super) fn map<'de, D, K, V, H, const MIN: usize>(d: D) -> Result<HashMap<K, V, H>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Eq + Hash,
    V: Deserialize<'de>,
    H: BuildHasher + Default,
{
    struct Entries<K, V, H, const MIN: usize>(PhantomData<(K, V, H)>);
    impl<'de, K, V, H, const MIN: usize> Visitor<'de> for Entries<K, V, H, MIN>
    where
        K: Deserialize<'de> + Eq + Hash,
        V: Deserialize<'de>,
        H: BuildHasher + Default,
    {
        type Value = HashMap<K, V, H>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let room = tables::capacity(m.size_hint(), MIN);
            let mut out = HashMap::with_capacity_and_hasher(room, H::default());
            while let Some((k, v)) = m.next_entry()? {
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Entries::<K, V, H, MIN>(PhantomData))
}
