//! Planner and evaluator of pattern queries over the petgraph view.
//!
//! A query is checked first (variables defined before use, functions
//! known, aggregates only where they belong), then its match clauses are
//! run one after the other over a table of rows (one slot per variable):
//! each path pattern starts from its most selective node (a bound
//! variable, an `id`, a `name`, a kind) and is expanded edge by edge
//! ([`pattern`]). `return` then groups, aggregates, orders and cuts the
//! rows ([`expr`] evaluates expressions). Work and result size are
//! bounded: a query that would exceed them fails with a clear message.

mod check;
pub(crate) mod expr;
pub(crate) mod functions;
pub(crate) mod pattern;
mod project;

use crate::graph::KnowledgeGraph;
use crate::model::{EdgeKind, Kind, Provenance, Request};
use crate::query::answer::{Answer, Cell, Source};
use crate::query::ast::{Expr, PatternQuery};
use crate::query::error::QueryError;
use expr::{Env, Val};
use fxhash::{FxHashMap, FxHashSet};
use pattern::{CClause, CPath};
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::cell::{Cell as StdCell, RefCell};

/// Most rows a query may hold at any stage.
pub(crate) const MAX_ROWS: usize = 100_000;
/// Most edge expansions a query may make.
pub(crate) const MAX_STEPS: usize = 2_000_000;

/// Set (by the REPL's Ctrl-C handler) to stop the evaluation under way;
/// the evaluator checks it as it works and answers "interrupted".
pub(crate) static INTERRUPTED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Evaluation context: the graph (which holds the indexes the evaluator
/// needs, built once with the view rather than once per query) and the
/// work done so far.
pub(crate) struct Ctx<'g> {
    pub(crate) kg: &'g KnowledgeGraph,
    steps: StdCell<usize>,
    /// What this query has already worked out (pure functions of the
    /// view, asked once per row of a group that can hold thousands): the
    /// request behind an edge, the text of a request function, and the
    /// source of a provenance.
    memo: RefCell<Memo<'g>>,
}

#[derive(Default)]
struct Memo<'g> {
    request_of_edge: FxHashMap<EdgeIndex, Option<&'g Request>>,
    request_text: FxHashMap<(*const Request, &'static str), Val>,
    /// By the provenance's address (it lives as long as the view) and
    /// whether the source shows the sentence.
    sources: FxHashMap<(*const Provenance, bool), Source>,
}

impl<'g> Ctx<'g> {
    pub(crate) fn new(kg: &'g KnowledgeGraph) -> Ctx<'g> {
        Ctx {
            kg,
            steps: StdCell::new(0),
            memo: RefCell::default(),
        }
    }

    /// The request behind edge `e`, computed by `f` the first time.
    pub(crate) fn memo_request_of_edge(
        &self,
        e: EdgeIndex,
        f: impl FnOnce() -> Option<&'g Request>,
    ) -> Option<&'g Request> {
        if let Some(r) = self.memo.borrow().request_of_edge.get(&e) {
            return *r;
        }
        let r = f();
        self.memo.borrow_mut().request_of_edge.insert(e, r);
        r
    }

    /// The value of request function `name` for `r`, computed by `f` the
    /// first time.
    pub(crate) fn memo_request_text(
        &self,
        r: &'g Request,
        name: &'static str,
        f: impl FnOnce() -> Val,
    ) -> Val {
        let key = (r as *const Request, name);
        if let Some(v) = self.memo.borrow().request_text.get(&key) {
            return v.clone();
        }
        let v = f();
        self.memo.borrow_mut().request_text.insert(key, v.clone());
        v
    }

    /// Nodes of a kind, in graph order.
    pub(crate) fn nodes_of(&self, kind: Kind) -> &'g [NodeIndex] {
        self.kg.nodes_of(kind)
    }

    /// An effective request by id.
    pub(crate) fn request(&self, id: &str) -> Option<&'g Request> {
        self.kg.request(id)
    }

    /// Count one unit of work; fail past [`MAX_STEPS`].
    pub(crate) fn step(&self) -> Result<(), QueryError> {
        self.steps.set(self.steps.get() + 1);
        if self.steps.get() % 1024 == 0
            && INTERRUPTED.swap(false, std::sync::atomic::Ordering::Relaxed)
        {
            return Err(QueryError::limit("interrupted (Ctrl-C)"));
        }
        if self.steps.get() > MAX_STEPS {
            return Err(QueryError::limit(format!(
                "the query explores more than {MAX_STEPS} edges; give kinds, an id or a name to its nodes, or a smaller upper bound to `*`"
            )));
        }
        Ok(())
    }

    /// Run a pattern query.
    pub(crate) fn run_pattern(&self, q: &PatternQuery) -> Result<Answer, QueryError> {
        let (vars, slots, clauses) = pattern::compile(q)?;
        check::check(q, &vars)?;
        let mut rows: Vec<Vec<Val>> = vec![vec![Val::Null; slots.len()]];
        for (clause, c) in clauses.iter().zip(&q.clauses) {
            rows = self.run_clause(clause, c.where_.as_ref(), &vars, rows)?;
        }
        let awaits = pattern::slots_that_may_hold(&clauses, slots.len(), EdgeKind::Awaits);
        self.project(q, &vars, &slots, &awaits, &rows)
    }

    /// The rows of one `match` clause (with its `where`) for each row so
    /// far. Only rows that satisfy the `where` are held and counted against
    /// [`MAX_ROWS`]: the paths of a clause are matched depth first and
    /// each complete row is filtered as it is found, so a cross product
    /// whose answer is small is not refused for its size (its work is
    /// bounded by [`MAX_STEPS`] instead).
    fn run_clause(
        &self,
        clause: &CClause,
        where_: Option<&Expr>,
        vars: &FxHashMap<String, usize>,
        rows: Vec<Vec<Val>>,
    ) -> Result<Vec<Vec<Val>>, QueryError> {
        let mut out = Vec::new();
        for row in rows {
            let before = out.len();
            self.extend_paths(&clause.paths, where_, vars, row.clone(), &mut out)?;
            if out.len() == before && clause.optional {
                out.push(row);
            }
            if out.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
        }
        Ok(out)
    }

    /// Extend `row` by a match of each of `paths` in turn; keep each
    /// complete row for which `where_` holds.
    fn extend_paths(
        &self,
        paths: &[CPath],
        where_: Option<&Expr>,
        vars: &FxHashMap<String, usize>,
        row: Vec<Val>,
        out: &mut Vec<Vec<Val>>,
    ) -> Result<(), QueryError> {
        let Some((path, rest)) = paths.split_first() else {
            if let Some(w) = where_ {
                let env = Env {
                    vars,
                    row: &row,
                    aliases: &[],
                    aggs: None,
                };
                let v = self.eval(w, &env)?;
                if self.truth(&v, w.span, "where")? != Some(true) {
                    return Ok(());
                }
            }
            out.push(row);
            if out.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
            return Ok(());
        };
        let mut matches = Vec::new();
        self.match_path(path, &row, &mut matches)?;
        for m in matches {
            self.extend_paths(rest, where_, vars, m, out)?;
        }
        Ok(())
    }

    /// A value as an answer cell.
    pub(crate) fn cell(&self, v: &Val) -> Cell {
        match v {
            Val::Null => Cell::Null,
            Val::Bool(b) => Cell::Bool(*b),
            Val::Int(i) => Cell::Int(*i),
            Val::Str(s) => Cell::Text(s.to_string()),
            Val::Date(d) => Cell::Date(*d),
            Val::Node(n) => {
                let d = &self.kg.graph[*n];
                Cell::Node {
                    id: d.id.to_string(),
                    kind: d.kind,
                    name: d.name.clone(),
                }
            }
            Val::Edge(e) => {
                let (a, b) = self.kg.graph.edge_endpoints(*e).map_or(
                    (String::new(), String::new()),
                    |(a, b)| {
                        (
                            self.kg.graph[a].id.to_string(),
                            self.kg.graph[b].id.to_string(),
                        )
                    },
                );
                Cell::Edge {
                    kind: self.kg.graph[*e].kind,
                    from: a,
                    to: b,
                }
            }
            Val::List(items) => Cell::List(items.iter().map(|i| self.cell(i)).collect()),
        }
    }

    /// A source for a provenance, with its sentence when it is extracted.
    pub(crate) fn source(&self, prov: &Provenance, with_sentence: bool) -> Source {
        let sentence = if with_sentence {
            self.kg.sentence(prov)
        } else {
            None
        };
        Source::from_prov(prov, sentence).on_page(self.kg.page_of(prov))
    }

    /// [`Ctx::source`] of a provenance of the view, made once per query:
    /// the rows of a group share their edges' sources (an agreement's
    /// `adopted_at` is behind each country it awaits).
    fn view_source(&self, prov: &'g Provenance, with_sentence: bool) -> Source {
        let key = (prov as *const Provenance, with_sentence);
        if let Some(s) = self.memo.borrow().sources.get(&key) {
            return s.clone();
        }
        let s = self.source(prov, with_sentence);
        self.memo.borrow_mut().sources.insert(key, s.clone());
        s
    }

    /// Sources of an answer row: the edges its rows bound (structure edges
    /// aside), else the nodes it shows.
    fn sources(&self, rows: &[&Vec<Val>], values: &[Val]) -> Vec<Source> {
        const MAX: usize = 20;
        let mut out: Vec<Source> = Vec::new();
        // A source is a function of its provenance and of whether it shows
        // the sentence: each is built once, and none once `MAX` are found
        // (a group of a count can bind thousands of edges).
        let mut tried: FxHashSet<(&Provenance, bool)> = FxHashSet::default();
        let mut add = |p: &'g Provenance, sentence: bool, out: &mut Vec<Source>| {
            if out.len() < MAX && tried.insert((p, sentence)) {
                let s = self.view_source(p, sentence);
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        };
        let mut seen = FxHashSet::default();
        let mut edges = Vec::new();
        'rows: for row in rows {
            for v in row.iter() {
                edges.clear();
                collect_edges(v, &mut edges, &mut seen);
                for &e in &edges {
                    if out.len() >= MAX {
                        break 'rows;
                    }
                    let d = &self.kg.graph[e];
                    if d.kind != EdgeKind::PartOf {
                        add(&d.prov, true, &mut out);
                        // A researcher's annotation behind the edge is a source too.
                        for a in d.attrs.iter().filter(|a| a.prov.origin() == "annotated") {
                            add(&a.prov, false, &mut out);
                        }
                    }
                }
            }
        }
        if out.is_empty() {
            // Nodes shown in the row, else the nodes its properties were
            // read from.
            let mut nodes = Vec::new();
            let mut seen = FxHashSet::default();
            for v in values {
                collect_nodes(v, &mut nodes, &mut seen);
            }
            if nodes.is_empty() {
                for row in rows {
                    for v in row.iter() {
                        collect_nodes(v, &mut nodes, &mut seen);
                    }
                }
            }
            for n in nodes {
                let d = &self.kg.graph[n];
                let whole = matches!(d.kind, Kind::Section | Kind::Document);
                if let Some(p) = d.sources.first() {
                    add(p, !whole, &mut out);
                }
            }
        }
        out
    }

    /// Caveats for the requests behind uncertain `awaits` edges in rows,
    /// leaving out the requests already `done` (whose caveats the answer
    /// has).
    /// Only the row slots marked in `awaits` can hold an `awaits` edge
    /// (the others are nodes, or edges of other types).
    fn caveats(
        &self,
        rows: &[&Vec<Val>],
        awaits: &[bool],
        done: &mut FxHashSet<*const Request>,
    ) -> Vec<String> {
        // Every edge of every row, repeats included: the caveat depends on
        // the request alone and requests are deduplicated (`done`), so
        // deduplicating thousands of edges first would only add work.
        let mut edges = Vec::new();
        fn all_edges(v: &Val, out: &mut Vec<EdgeIndex>) {
            match v {
                Val::Edge(e) => out.push(*e),
                Val::List(items) => items.iter().for_each(|i| all_edges(i, out)),
                _ => {}
            }
        }
        for row in rows {
            for (v, _) in row.iter().zip(awaits).filter(|(_, &a)| a) {
                all_edges(v, &mut edges);
            }
        }
        let mut out = Vec::new();
        let mut seen_text: FxHashSet<String> = FxHashSet::default();
        for e in edges {
            let request = match self.kg.request_of_awaits(e) {
                // A derived awaits edge: no need to read the edge itself.
                Some(r) => Some(r),
                None if self.kg.graph[e].kind == EdgeKind::Awaits => self.request_of(&Val::Edge(e)),
                None => continue,
            };
            if let Some(r) = request {
                // The caveat depends on the request alone: one per request.
                if !done.insert(r) {
                    continue;
                }
                if let Some(note) = r.awaiting_note() {
                    let agreement = self.kg.node(&r.agreement).map_or_else(
                        || r.agreement.to_string(),
                        |i| self.kg.graph[i].name.clone(),
                    );
                    let c = format!("{agreement} ({}): {note}", r.subject);
                    if !seen_text.contains(&c) {
                        seen_text.insert(c.clone());
                        out.push(c);
                    }
                }
            }
        }
        out
    }
}

/// The edges in `v` not yet `seen`, in order of first appearance.
fn collect_edges(v: &Val, out: &mut Vec<EdgeIndex>, seen: &mut FxHashSet<EdgeIndex>) {
    match v {
        Val::Edge(e) if seen.insert(*e) => out.push(*e),
        Val::List(items) => items.iter().for_each(|i| collect_edges(i, out, seen)),
        _ => {}
    }
}

/// The nodes in `v` not yet `seen`, in order of first appearance.
fn collect_nodes(v: &Val, out: &mut Vec<NodeIndex>, seen: &mut FxHashSet<NodeIndex>) {
    match v {
        Val::Node(n) if seen.insert(*n) => out.push(*n),
        Val::List(items) => items.iter().for_each(|i| collect_nodes(i, out, seen)),
        _ => {}
    }
}

pub(crate) fn too_many_rows() -> QueryError {
    QueryError::limit(format!(
        "the query produces more than {MAX_ROWS} rows; narrow it with kinds, names or `where`"
    ))
}
