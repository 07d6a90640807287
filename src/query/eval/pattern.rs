//! Path patterns: variables to row slots, and matching a path against the
//! graph from its most selective node outwards. Single edges are matched
//! one by one; variable-length edges enumerate trails (no edge twice)
//! within their bounds. An edge is used at most once per path.

use super::expr::Val;
use super::{too_many_rows, Ctx, MAX_ROWS};
use crate::model::{EdgeKind, Kind};
use crate::query::ast::{Direction, Literal, NodePattern, PatternQuery, RelPattern};
use crate::query::error::QueryError;
use crate::text::normalize;
use fxhash::{FxHashMap, FxHashSet};
use petgraph::graph::{EdgeIndex, NodeIndex};

/// What a slot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlotKind {
    Node,
    Edge,
    /// A variable-length edge: a list of edges.
    Edges,
}

impl SlotKind {
    fn word(self) -> &'static str {
        match self {
            SlotKind::Node => "a node",
            SlotKind::Edge => "an edge",
            SlotKind::Edges => "a variable-length edge",
        }
    }
}

pub(crate) struct CNode {
    slot: usize,
    kinds: Vec<Kind>,
    props: Vec<(String, Literal)>,
}

pub(crate) struct CRel {
    slot: usize,
    kinds: Vec<EdgeKind>,
    dir: Direction,
    hops: Option<(u32, Option<u32>)>,
    props: Vec<(String, Literal)>,
}

pub(crate) struct CPath {
    nodes: Vec<CNode>,
    rels: Vec<CRel>,
}

pub(crate) struct CClause {
    pub(crate) optional: bool,
    pub(crate) paths: Vec<CPath>,
}

/// Unbounded `*` stops here.
const DEFAULT_MAX_HOPS: u32 = 10;

/// Slots by variable name, what each slot holds, and the clauses.
pub(crate) type Plan = (FxHashMap<String, usize>, Vec<SlotKind>, Vec<CClause>);

/// Give every variable (and every anonymous node or edge) a slot.
pub(crate) fn compile(q: &PatternQuery) -> Result<Plan, QueryError> {
    let mut vars: FxHashMap<String, usize> = FxHashMap::default();
    let mut slots: Vec<SlotKind> = Vec::new();
    let mut slot = |var: &Option<String>, kind: SlotKind, span| -> Result<usize, QueryError> {
        if let Some(v) = var {
            if let Some(&s) = vars.get(v) {
                if slots[s] != kind {
                    return Err(QueryError::invalid(
                        format!(
                            "`{v}` is {} elsewhere but {} here",
                            slots[s].word(),
                            kind.word()
                        ),
                        span,
                    ));
                }
                if kind != SlotKind::Node {
                    return Err(QueryError::invalid(
                        format!("the edge variable `{v}` is used twice; name each edge once"),
                        span,
                    ));
                }
                return Ok(s);
            }
            vars.insert(v.clone(), slots.len());
        }
        slots.push(kind);
        Ok(slots.len() - 1)
    };
    let mut clauses = Vec::new();
    for c in &q.clauses {
        let mut paths = Vec::new();
        for p in &c.paths {
            let node = |n: &NodePattern, slot: usize| CNode {
                slot,
                kinds: n.kinds.clone(),
                props: n.props.clone(),
            };
            let mut nodes = vec![node(
                &p.start,
                slot(&p.start.var, SlotKind::Node, p.start.span)?,
            )];
            let mut rels = Vec::new();
            for (r, n) in &p.steps {
                let kind = if r.hops.is_some() {
                    SlotKind::Edges
                } else {
                    SlotKind::Edge
                };
                rels.push(rel(r, slot(&r.var, kind, r.span)?));
                nodes.push(node(n, slot(&n.var, SlotKind::Node, n.span)?));
            }
            paths.push(CPath { nodes, rels });
        }
        clauses.push(CClause {
            optional: c.optional,
            paths,
        });
    }
    Ok((vars, slots, clauses))
}

/// For each of `n` row slots, whether it may hold an edge of `kind` (or a
/// list of them): the slot of a relationship whose types include it, or
/// that has no type. Node slots hold no edges.
pub(crate) fn slots_that_may_hold(clauses: &[CClause], n: usize, kind: EdgeKind) -> Vec<bool> {
    let mut may = vec![false; n];
    for r in clauses.iter().flat_map(|c| &c.paths).flat_map(|p| &p.rels) {
        if r.kinds.is_empty() || r.kinds.contains(&kind) {
            may[r.slot] = true;
        }
    }
    may
}

fn rel(r: &RelPattern, slot: usize) -> CRel {
    CRel {
        slot,
        kinds: r.kinds.clone(),
        dir: r.dir,
        hops: r.hops,
        props: r.props.clone(),
    }
}

/// One move of the expansion: along `rel`, from node `from` to node `to`
/// (indices into the path), forwards (as written) or backwards.
struct Move {
    rel: usize,
    from: usize,
    to: usize,
    forward: bool,
}

impl<'g> Ctx<'g> {
    /// Extend `row` with every match of `path`, appending to `out`.
    pub(super) fn match_path(
        &self,
        path: &CPath,
        row: &[Val],
        out: &mut Vec<Vec<Val>>,
    ) -> Result<(), QueryError> {
        // Anchor: the node with the fewest candidates.
        let mut best = (usize::MAX, 0);
        for (i, n) in path.nodes.iter().enumerate() {
            let cost = self.cost(n, row);
            if cost < best.0 {
                best = (cost, i);
            }
        }
        let anchor = best.1;
        let mut moves = Vec::new();
        for i in anchor..path.rels.len() {
            moves.push(Move {
                rel: i,
                from: i,
                to: i + 1,
                forward: true,
            });
        }
        for i in (0..anchor).rev() {
            moves.push(Move {
                rel: i,
                from: i + 1,
                to: i,
                forward: false,
            });
        }
        let a = &path.nodes[anchor];
        // One row, its slots set and reset as the walk goes: a row is
        // copied only when it is a match.
        let mut r = row.to_vec();
        for c in self.candidates(a, row) {
            self.step()?;
            if !self.node_ok(a, c, row) {
                continue;
            }
            r[a.slot] = Val::Node(c);
            self.expand(path, &moves, 0, &mut r, &mut Vec::new(), out)?;
        }
        Ok(())
    }

    fn cost(&self, n: &CNode, row: &[Val]) -> usize {
        if !matches!(row[n.slot], Val::Null) {
            return 0;
        }
        if n.props.iter().any(|(k, _)| k == "id") {
            return 1;
        }
        if let Some((_, Literal::Str(name))) = n.props.iter().find(|(k, _)| k == "name") {
            return self.kg.lookup(name).len();
        }
        if !n.kinds.is_empty() {
            return n.kinds.iter().map(|k| self.nodes_of(*k).len()).sum();
        }
        self.kg.graph.node_count()
    }

    fn candidates(&self, n: &CNode, row: &[Val]) -> Vec<NodeIndex> {
        match &row[n.slot] {
            Val::Node(i) => return vec![*i],
            Val::Null => {}
            _ => return vec![],
        }
        if let Some((_, lit)) = n.props.iter().find(|(k, _)| k == "id") {
            return match lit {
                Literal::Str(id) => self.kg.node(id).into_iter().collect(),
                _ => vec![],
            };
        }
        if let Some((_, Literal::Str(name))) = n.props.iter().find(|(k, _)| k == "name") {
            return self.kg.lookup(name).to_vec();
        }
        if !n.kinds.is_empty() {
            return n
                .kinds
                .iter()
                .flat_map(|k| self.nodes_of(*k).iter().copied())
                .collect();
        }
        self.kg.graph.node_indices().collect()
    }

    /// Does node `i` fit pattern `n` (kinds, properties, earlier binding)?
    fn node_ok(&self, n: &CNode, i: NodeIndex, row: &[Val]) -> bool {
        match &row[n.slot] {
            Val::Null => {}
            Val::Node(b) if *b == i => {}
            _ => return false,
        }
        // The kind is read without decoding the node.
        if !n.kinds.is_empty() && !n.kinds.contains(&self.kg.kind_of(i)) {
            return false;
        }
        if n.props.is_empty() {
            return true;
        }
        let d = &self.kg.graph[i];
        n.props.iter().all(|(k, lit)| match (k.as_str(), lit) {
            ("id", Literal::Str(id)) => &d.id == id,
            ("name", Literal::Str(name)) => {
                let key = normalize(name);
                normalize(&d.name) == key || d.aliases.iter().any(|a| normalize(a) == key)
            }
            _ => self.prop_equals(&self.node_prop(i, k), lit),
        })
    }

    fn prop_equals(&self, v: &Val, lit: &Literal) -> bool {
        let span = crate::query::ast::Span::default();
        matches!(self.equal(v, &Val::from(lit), span), Ok(Some(true)))
    }

    /// Does edge `e`, of type `kind`, fit pattern `r`? (The type as a
    /// walk gives it: a saved view's edge is not read for it.)
    fn edge_ok(&self, r: &CRel, e: EdgeIndex, kind: EdgeKind) -> bool {
        (r.kinds.is_empty() || r.kinds.contains(&kind))
            && r.props
                .iter()
                .all(|(k, lit)| self.prop_equals(&self.edge_prop(e, k), lit))
    }

    /// Edges of `r` at `n` in the direction of travel, oldest first.
    fn adjacent(
        &self,
        n: NodeIndex,
        r: &CRel,
        forward: bool,
    ) -> std::borrow::Cow<'g, [(NodeIndex, EdgeIndex)]> {
        use petgraph::Direction::{Incoming, Outgoing};
        let dirs: &[petgraph::Direction] = match (r.dir, forward) {
            (Direction::Right, true) | (Direction::Left, false) => &[Outgoing],
            (Direction::Left, true) | (Direction::Right, false) => &[Incoming],
            (Direction::Either, _) => &[Outgoing, Incoming],
        };
        if let ([dir], [EdgeKind::Awaits], true) = (dirs, r.kinds.as_slice(), r.props.is_empty()) {
            // The view indexes awaits edges, in the order built below.
            if let Some(edges) = self.kg.awaits_adjacent(n, *dir) {
                return edges.into();
            }
        }
        let mut v = Vec::new();
        for &dir in dirs {
            let mut part: Vec<(NodeIndex, EdgeIndex)> = self
                .kg
                .graph
                .edges_of(n, dir, &r.kinds)
                .filter(|e| self.edge_ok(r, e.id(), e.kind()))
                .map(|e| {
                    let other = if dir == Outgoing {
                        e.target()
                    } else {
                        e.source()
                    };
                    (other, e.id())
                })
                .collect();
            part.reverse();
            if v.is_empty() {
                // One direction lists each edge once: no need to look for
                // it among the (thousands of) edges already taken.
                v = part;
            } else {
                // Both directions list a self-loop twice: keep it once.
                let taken: FxHashSet<EdgeIndex> = v.iter().map(|(_, e)| *e).collect();
                v.extend(part.into_iter().filter(|p| !taken.contains(&p.1)));
            }
        }
        v.into()
    }

    fn expand(
        &self,
        path: &CPath,
        moves: &[Move],
        k: usize,
        row: &mut [Val],
        used: &mut Vec<EdgeIndex>,
        out: &mut Vec<Vec<Val>>,
    ) -> Result<(), QueryError> {
        let Some(m) = moves.get(k) else {
            out.push(row.to_vec());
            if out.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
            return Ok(());
        };
        let Val::Node(from) = row[path.nodes[m.from].slot] else {
            return Ok(());
        };
        let r = &path.rels[m.rel];
        let to = &path.nodes[m.to];
        match r.hops {
            None => {
                for &(other, e) in self.adjacent(from, r, m.forward).iter() {
                    self.step()?;
                    if used.contains(&e) || !self.node_ok(to, other, row) {
                        continue;
                    }
                    let edge = std::mem::replace(&mut row[r.slot], Val::Edge(e));
                    let node = std::mem::replace(&mut row[to.slot], Val::Node(other));
                    used.push(e);
                    self.expand(path, moves, k + 1, row, used, out)?;
                    used.pop();
                    row[to.slot] = node;
                    row[r.slot] = edge;
                }
            }
            Some((min, max)) => {
                let max = max.unwrap_or(DEFAULT_MAX_HOPS.max(min));
                for (end, mut trail) in self.trails(from, r, m.forward, min, max, used)? {
                    if !self.node_ok(to, end, row) {
                        continue;
                    }
                    if !m.forward {
                        trail.reverse();
                    }
                    let list = Val::List(trail.iter().map(|e| Val::Edge(*e)).collect());
                    let edges = std::mem::replace(&mut row[r.slot], list);
                    let node = std::mem::replace(&mut row[to.slot], Val::Node(end));
                    let before = used.len();
                    used.extend(trail);
                    self.expand(path, moves, k + 1, row, used, out)?;
                    used.truncate(before);
                    row[to.slot] = node;
                    row[r.slot] = edges;
                }
            }
        }
        Ok(())
    }

    /// Every trail of `min..=max` edges of `r` from `start`: its end node
    /// and its edges in the order walked.
    fn trails(
        &self,
        start: NodeIndex,
        r: &CRel,
        forward: bool,
        min: u32,
        max: u32,
        used: &[EdgeIndex],
    ) -> Result<Vec<(NodeIndex, Vec<EdgeIndex>)>, QueryError> {
        let mut found = Vec::new();
        let mut stack: Vec<(NodeIndex, Vec<EdgeIndex>)> = vec![(start, Vec::new())];
        while let Some((n, trail)) = stack.pop() {
            if trail.len() as u32 >= min {
                found.push((n, trail.clone()));
                if found.len() > MAX_ROWS {
                    return Err(too_many_rows());
                }
            }
            if trail.len() as u32 >= max {
                continue;
            }
            let next = self.adjacent(n, r, forward);
            for &(other, e) in next.iter().rev() {
                self.step()?;
                if trail.contains(&e) || used.contains(&e) {
                    continue;
                }
                let mut t = trail.clone();
                t.push(e);
                stack.push((other, t));
            }
        }
        Ok(found)
    }
}
