//! Writing a view's graph in the layout that `lazy.rs` reads in place
//! (see there). Run while the snapshot's tables are being made
//! (`tables::Writing`), so that texts and provenances are written as
//! their indexes.

use super::super::store::Graph;
use super::{records, runs, write_packed, DERIVED, HAS_ATTRS};
use crate::model::sym::tables;
use crate::model::{EdgeKind, Kind};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::Direction;
use std::io::{self, Write};

fn too_large() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "too large for a saved view")
}

fn u32_of(n: usize) -> io::Result<[u8; 4]> {
    u32::try_from(n)
        .map(u32::to_le_bytes)
        .map_err(|_| too_large())
}

fn bincode_into<T: serde::Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> io::Result<()> {
    use bincode::Options;
    super::blob_options()
        .serialize_into(buf, value)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))
}

/// Every node's data, as a table of blobs.
pub(crate) fn write_nodes<W: Write>(g: &Graph, out: &mut W) -> io::Result<()> {
    write_packed(out, g.node_count(), |i, buf| {
        bincode_into(buf, &g[NodeIndex::new(i)])
    })
}

/// An edge type as a byte: its place in `EdgeKind::ALL`.
fn kind_byte(kind: EdgeKind) -> io::Result<u8> {
    EdgeKind::ALL
        .iter()
        .position(|k| *k == kind)
        .and_then(|k| u8::try_from(k).ok())
        .ok_or_else(too_large)
}

/// Every edge's record (`records.rs`).
pub(crate) fn write_edges<W: Write>(g: &Graph, out: &mut W) -> io::Result<()> {
    records::write(out, g.edge_count(), |e| {
        let e = EdgeIndex::new(e);
        let (from, to) = g.edge_endpoints(e).ok_or_else(too_large)?;
        let w = &g[e];
        let prov = tables::prov_index(&w.prov).ok_or_else(too_large)?;
        let mut flags = kind_byte(w.kind)?;
        if w.derived {
            flags |= DERIVED;
        }
        if !w.attrs.is_empty() {
            flags |= HAS_ATTRS;
        }
        let index = |n: NodeIndex| u32::try_from(n.index()).map_err(|_| too_large());
        Ok((index(from)?, index(to)?, prov, flags))
    })
}

/// The attributes of the edges that have some.
pub(crate) fn write_attrs<W: Write>(g: &Graph, out: &mut W) -> io::Result<()> {
    let with: Vec<EdgeIndex> = g
        .edge_indices()
        .filter(|&e| !g[e].attrs.is_empty())
        .collect();
    out.write_all(&(with.len() as u64).to_le_bytes())?;
    for e in &with {
        out.write_all(&u32_of(e.index())?)?;
    }
    write_packed(out, with.len(), |k, buf| {
        bincode_into(buf, &g[with[k]].attrs)
    })
}

/// Each node's edges, outgoing then incoming, in the order petgraph
/// walks them, with the node at the other end and their types
/// (`runs.rs`).
pub(crate) fn write_adjacency<W: Write>(g: &Graph, out: &mut W) -> io::Result<()> {
    for dir in [Direction::Outgoing, Direction::Incoming] {
        runs::write(out, g.node_count(), |n, buf| {
            let entries = g.edges_directed(NodeIndex::new(n), dir).map(|e| {
                let other = match dir {
                    Direction::Outgoing => e.target(),
                    Direction::Incoming => e.source(),
                };
                (e.id().index(), other.index(), e.kind())
            });
            runs::encode(buf, n, entries);
        })?;
    }
    Ok(())
}

/// Each node's kind, a byte each, then each node's id as its index in
/// the table of texts (u32 each).
pub(crate) fn write_kinds<W: Write>(g: &Graph, out: &mut W) -> io::Result<()> {
    for n in g.node_weights() {
        let kind = Kind::ALL
            .iter()
            .position(|k| *k == n.kind)
            .and_then(|k| u8::try_from(k).ok())
            .ok_or_else(too_large)?;
        out.write_all(&[kind])?;
    }
    for n in g.node_weights() {
        let id = tables::sym_index(&n.id).ok_or_else(too_large)?;
        out.write_all(&id.to_le_bytes())?;
    }
    Ok(())
}
