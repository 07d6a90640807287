//! The graph of a saved view, read in place from the mapped snapshot
//! file: nothing is decoded at open. The topology is variable-length
//! coded (each edge's ends, type and provenance as a record, in blocks,
//! `records.rs`; each node's edges in each direction as a run of
//! entries grouped by type, CSR style, `runs.rs`); a node's data, an edge's
//! attributes, a text and a provenance of the snapshot's tables are
//! bincode blobs compressed in blocks (`packed.rs`), decoded the first
//! time something asks for them, then kept. Opening a 10,000-report view
//! thus costs the pages a query touches, not the 800,000 nodes and 5
//! million edges.
//!
//! What is kept is held in tables of cells allocated a chunk at a time
//! (`Cells`), so that what is never read costs no memory either.
//!
//! Layouts (all integers little-endian): nodes, texts and provenances
//! are tables of blobs (`packed.rs`). Edges: a record per edge (from,
//! to, provenance index, and a byte: the type as its place in
//! `EdgeKind::ALL`, with [`DERIVED`] and [`HAS_ATTRS`] set above it), as
//! `records.rs` codes them.
//! Edge attributes: their count (u64), the edges that have them (u32
//! each, ascending) and a table of their blobs. Adjacency: for outgoing
//! then incoming edges, each node's run of (edge index, node at the
//! other end, type), grouped by type, each group in the order petgraph
//! walks a node's edges (newest first), coded as `runs.rs` says: a walk
//! of a node's edges of one type reads that group and nothing else. Kinds: a byte per node, its place in
//! `Kind::ALL`, then each node's id as an index in the table of texts
//! (u32), so that a search by id reads no node.

use super::{EdgeData, NodeData};
use crate::mapped::Mapped;
use crate::model::sym::tables::{self, Lookup};
use crate::model::{Attr, EdgeKind, Kind, Prov, Provenance, Sym};
use bincode::Options;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;

use std::ops::Range;
use std::sync::{Arc, OnceLock};
use thin_vec::ThinVec;

/// In an edge record's last byte, above the type: derived, has attributes.
const DERIVED: u8 = 0x40;
const HAS_ATTRS: u8 = 0x80;
/// Cells allocated together.
const CHUNK: usize = 256;

/// The cells of one chunk.
type Chunk<T> = Box<[OnceLock<T>]>;

/// A value per index, each made when first asked for; room for a chunk
/// of them allocated when the first of the chunk is.
pub(super) struct Cells<T> {
    chunks: Box<[OnceLock<Chunk<T>>]>,
    len: usize,
}

impl<T> Cells<T> {
    pub(super) fn new(len: usize) -> Cells<T> {
        Cells {
            chunks: (0..len.div_ceil(CHUNK)).map(|_| OnceLock::new()).collect(),
            len,
        }
    }

    /// The value at `i` if it was made.
    fn peek(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK)?.get()?.get(i % CHUNK)?.get()
    }

    pub(super) fn get_or_init(&self, i: usize, make: impl FnOnce() -> T) -> Option<&T> {
        if i >= self.len {
            return None;
        }
        let chunk = self
            .chunks
            .get(i / CHUNK)?
            .get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect());
        Some(chunk.get(i % CHUNK)?.get_or_init(make))
    }
}

pub(crate) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

pub(super) fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

pub(super) fn index_at(b: &[u8], at: usize) -> Option<usize> {
    usize::try_from(u32_at(b, at)?).ok()
}

/// bincode as the snapshot's blobs are written (variable-length
/// integers: most indexes and lengths take a byte or two).
pub(crate) fn blob_options() -> impl Options {
    bincode::DefaultOptions::new().with_varint_encoding()
}

/// [`blob_options`], limited to `len` bytes.
fn options(len: usize) -> impl Options {
    blob_options().with_limit(u64::try_from(len).unwrap_or(u64::MAX))
}

/// The snapshot's tables of texts and provenances, read in place.
pub(crate) struct Tables {
    map: Arc<Mapped>,
    syms: Packed,
    provs: Packed,
    sym_cells: Cells<Option<Sym>>,
    prov_cells: Cells<Option<Prov>>,
}

impl Tables {
    /// The tables in `syms` and `provs` of `map`.
    pub(crate) fn open(
        map: Arc<Mapped>,
        syms: Range<usize>,
        provs: Range<usize>,
    ) -> Option<Arc<Tables>> {
        let syms = Packed::at(&map, syms)?;
        let provs = Packed::at(&map, provs)?;
        Some(Arc::new(Tables {
            sym_cells: Cells::new(syms.count()),
            prov_cells: Cells::new(provs.count()),
            map,
            syms,
            provs,
        }))
    }
}

impl Lookup for Tables {
    fn sym(&self, i: u32) -> Option<Sym> {
        let i = usize::try_from(i).ok()?;
        self.sym_cells
            .get_or_init(i, || {
                self.syms.with(&self.map, i, |bytes| {
                    Some(Sym::own(std::str::from_utf8(bytes).ok()?))
                })?
            })?
            .clone()
    }

    /// (Read while a [`tables::Reading`] of these tables is under way:
    /// a provenance's texts are indexes.)
    fn prov(&self, i: u32) -> Option<Prov> {
        let i = usize::try_from(i).ok()?;
        self.prov_cells
            .get_or_init(i, || {
                let p: Provenance = self.provs.with(&self.map, i, |bytes| {
                    options(bytes.len()).deserialize(bytes).ok()
                })??;
                Some(Prov::own(p))
            })?
            .clone()
    }
}

/// Where the graph's sections are in the mapped file.
pub(crate) struct Sections {
    pub(crate) nodes: Range<usize>,
    pub(crate) edges: Range<usize>,
    pub(crate) attrs: Range<usize>,
    pub(crate) adjacency: Range<usize>,
    pub(crate) kinds: Range<usize>,
}

/// The graph of a saved view (cheap to clone: shared).
#[derive(Clone)]
pub(crate) struct Lazy(Arc<Inner>);

struct Inner {
    map: Arc<Mapped>,
    tables: Arc<Tables>,
    nodes: Packed,
    edges: Records,
    /// Start of the list of edges with attributes, and its length.
    attr_edges: usize,
    attr_count: usize,
    attrs: Packed,
    /// Per direction (outgoing, incoming): start of the runs' ends, of
    /// the runs and of their edges' types.
    adjacency: [(usize, usize); 2],
    /// Start of the nodes' kinds.
    kinds: usize,
    node_cells: Cells<Option<Box<NodeData>>>,
    edge_cells: Cells<Option<Box<EdgeData>>>,
    blank_node: NodeData,
    blank_edge: EdgeData,
}

impl Lazy {
    /// The graph in `sections` of `map`, its texts and provenances in
    /// `tables`; `None` if the sections' sizes do not agree.
    pub(crate) fn open(map: Arc<Mapped>, tables: Arc<Tables>, s: Sections) -> Option<Lazy> {
        let nodes = Packed::at(&map, s.nodes)?;
        let n = nodes.count();
        let edges = Records::at(&map, s.edges)?;
        let attr_count = usize::try_from(u64_at(&map, s.attrs.start)?).ok()?;
        let attr_edges = s.attrs.start + 8;
        let blobs_at = attr_edges.checked_add(attr_count.checked_mul(4)?)?;
        let attrs = Packed::at(&map, blobs_at..s.attrs.end)?;
        if attrs.count() != attr_count {
            return None;
        }
        let mut at = s.adjacency.start;
        let mut adjacency = [(0, 0); 2];
        for side in &mut adjacency {
            let ends = at;
            let runs = ends.checked_add(n.checked_add(1)?.checked_mul(4)?)?;
            let total = index_at(&map, runs.checked_sub(4)?)?;
            *side = (ends, runs);
            at = runs.checked_add(total)?;
        }
        let kinds_len = s.kinds.end.checked_sub(s.kinds.start)?;
        if at != s.adjacency.end || kinds_len != n.checked_mul(5)? {
            return None;
        }
        let blank_node = NodeData {
            id: Sym::default(),
            kind: Kind::ALL[0],
            name: String::new(),
            aliases: Vec::new(),
            attrs: Vec::new(),
            sources: Vec::new(),
        };
        let blank_edge = EdgeData {
            kind: EdgeKind::ALL[0],
            attrs: ThinVec::new(),
            prov: Prov::own(Provenance::Reference {
                source: Sym::default(),
            }),
            derived: true,
        };
        Some(Lazy(Arc::new(Inner {
            edge_cells: Cells::new(edges.count()),
            edges,
            attr_edges,
            attr_count,
            attrs,
            adjacency,
            kinds: s.kinds.start,
            node_cells: Cells::new(n),
            nodes,
            map,
            tables,
            blank_node,
            blank_edge,
        })))
    }

    pub(crate) fn node_count(&self) -> usize {
        self.0.nodes.count()
    }

    pub(crate) fn edge_count(&self) -> usize {
        self.0.edges.count()
    }

    /// While alive, texts and provenances read are this view's.
    fn reading(&self, budget: usize) -> tables::Reading {
        let lookup: Arc<dyn Lookup> = self.0.tables.clone();
        tables::Reading::start(lookup, u64::try_from(budget).unwrap_or(u64::MAX))
    }

    /// Node `i`'s id, read from the table of ids (not the node's data).
    pub(crate) fn node_id(&self, i: usize) -> Option<Sym> {
        if let Some(Some(node)) = self.0.node_cells.peek(i) {
            return Some(node.id.clone());
        }
        if i >= self.node_count() {
            return None;
        }
        let at = self.0.kinds + self.node_count() + 4 * i;
        self.0.tables.sym(u32_at(&self.0.map, at)?)
    }

    /// Node `i`'s kind.
    pub(crate) fn node_kind(&self, i: usize) -> Option<Kind> {
        if i >= self.node_count() {
            return None;
        }
        let k = *self.0.map.get(self.0.kinds + i)?;
        Kind::ALL.get(usize::from(k)).copied()
    }

    /// Node `i`'s data; `None` past the end or where it cannot be read.
    pub(crate) fn node(&self, i: usize) -> Option<&NodeData> {
        let inner = &*self.0;
        inner
            .node_cells
            .get_or_init(i, || {
                inner.nodes.with(&inner.map, i, |bytes| {
                    let _reading = self.reading(bytes.len());
                    options(bytes.len()).deserialize(bytes).ok().map(Box::new)
                })?
            })?
            .as_deref()
    }

    /// Node `i`'s data, or a blank node where it cannot be read (the
    /// snapshot's checksums make that a bug, not a damaged file).
    pub(crate) fn node_or_blank(&self, i: usize) -> &NodeData {
        self.node(i).unwrap_or(&self.0.blank_node)
    }

    fn record(&self, e: usize) -> Option<records::Record> {
        self.0.edges.get(&self.0.map, e)
    }

    /// Edge `e`'s ends (from, to).
    pub(crate) fn ends(&self, e: usize) -> Option<(usize, usize)> {
        let (a, b, _, _) = self.record(e)?;
        let (a, b) = (usize::try_from(a).ok()?, usize::try_from(b).ok()?);
        let n = self.node_count();
        (a < n && b < n).then_some((a, b))
    }

    /// Edge `e`'s type.
    pub(crate) fn kind(&self, e: usize) -> Option<EdgeKind> {
        EdgeKind::ALL
            .get(usize::from(self.record(e)?.3 & !(DERIVED | HAS_ATTRS)))
            .copied()
    }

    /// Edge `e`'s data; `None` past the end or where it cannot be read.
    pub(crate) fn edge(&self, e: usize) -> Option<&EdgeData> {
        self.0
            .edge_cells
            .get_or_init(e, || self.read_edge(e).map(Box::new))?
            .as_deref()
    }

    fn read_edge(&self, e: usize) -> Option<EdgeData> {
        let (_, _, prov, flags) = self.record(e)?;
        let _reading = self.reading(16);
        let prov = self.0.tables.prov(prov)?;
        let attrs = if flags & HAS_ATTRS != 0 {
            self.read_attrs(e)?
        } else {
            ThinVec::new()
        };
        Some(EdgeData {
            kind: self.kind(e)?,
            attrs,
            prov,
            derived: flags & DERIVED != 0,
        })
    }

    /// The attributes of edge `e`, found by binary search among the edges
    /// that have some.
    fn read_attrs(&self, e: usize) -> Option<ThinVec<Attr>> {
        let inner = &*self.0;
        let (mut lo, mut hi) = (0, inner.attr_count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match index_at(&inner.map, inner.attr_edges + 4 * mid)?.cmp(&e) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return inner.attrs.with(&inner.map, mid, |bytes| {
                        let _reading = self.reading(bytes.len());
                        options(bytes.len()).deserialize(bytes).ok()
                    })?;
                }
            }
        }
        None
    }

    /// Edge `e`'s data, or a blank edge where it cannot be read.
    pub(crate) fn edge_or_blank(&self, e: usize) -> &EdgeData {
        self.edge(e).unwrap_or(&self.0.blank_edge)
    }

    /// The edges of node `n` in direction `dir` whose types are in
    /// `want`, newest first: each edge's index, the node at its other end
    /// and its type. A run is grouped by type: the edges of other types
    /// are not read.
    pub(crate) fn adjacent(
        &self,
        n: usize,
        dir: Direction,
        want: KindSet,
    ) -> impl Iterator<Item = (usize, usize, EdgeKind)> + '_ {
        let (ends, runs) = self.0.adjacency[usize::from(dir == Direction::Incoming)];
        let map = &self.0.map;
        let bytes = if n < self.node_count() {
            let start = index_at(map, ends + 4 * n);
            start
                .zip(index_at(map, ends + 4 * (n + 1)))
                .and_then(|(a, b)| map.get(runs.checked_add(a)?..runs.checked_add(b)?))
                .unwrap_or_default()
        } else {
            &[]
        };
        runs::decode(bytes, n, self.node_count(), want)
    }

    /// The whole graph decoded into petgraph's form, to be changed.
    pub(crate) fn thaw(&self) -> DiGraph<NodeData, EdgeData> {
        let mut g = DiGraph::with_capacity(self.node_count(), self.edge_count());
        for i in 0..self.node_count() {
            g.add_node(self.node_or_blank(i).clone());
        }
        for e in 0..self.edge_count() {
            let (a, b) = self.ends(e).unwrap_or((0, 0));
            if a < g.node_count() {
                g.add_edge(
                    NodeIndex::new(a),
                    NodeIndex::new(b),
                    self.edge_or_blank(e).clone(),
                );
            }
        }
        g
    }
}

mod packed;
mod records;
mod runs;
pub(crate) use runs::{kind_set, KindSet};
mod write;
pub(crate) use packed::write_packed;
use packed::Packed;
use records::Records;
pub(crate) use write::write_nodes;
pub(crate) use write::{write_adjacency, write_attrs, write_edges, write_kinds};
