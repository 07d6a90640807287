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

pub(crate) mod expr;
pub(crate) mod functions;
pub(crate) mod pattern;

use crate::graph::KnowledgeGraph;
use crate::model::{EdgeKind, Kind, Provenance, Request};
use crate::query::answer::{Answer, Cell, Source};
use crate::query::ast::{Expr, ExprKind, PatternQuery, Span, AGGREGATES};
use crate::query::error::{ErrorKind, QueryError};
use expr::{addr, is_agg, Env, Val};
use functions::FUNCTIONS;
use fxhash::{FxHashMap, FxHashSet};
use pattern::{CClause, SlotKind};
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
    /// request behind an edge, and the text of a request function.
    memo: RefCell<Memo<'g>>,
}

#[derive(Default)]
struct Memo<'g> {
    request_of_edge: FxHashMap<EdgeIndex, Option<&'g Request>>,
    request_text: FxHashMap<(*const Request, &'static str), Val>,
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
        check(q, &vars)?;
        let mut rows: Vec<Vec<Val>> = vec![vec![Val::Null; slots.len()]];
        for (clause, c) in clauses.iter().zip(&q.clauses) {
            rows = self.run_clause(clause, c.where_.as_ref(), &vars, rows)?;
        }
        let awaits = pattern::slots_that_may_hold(&clauses, slots.len(), EdgeKind::Awaits);
        self.project(q, &vars, &slots, &awaits, &rows)
    }

    fn run_clause(
        &self,
        clause: &CClause,
        where_: Option<&Expr>,
        vars: &FxHashMap<String, usize>,
        rows: Vec<Vec<Val>>,
    ) -> Result<Vec<Vec<Val>>, QueryError> {
        let mut out = Vec::new();
        for row in rows {
            let mut ext = vec![row.clone()];
            for path in &clause.paths {
                let mut next = Vec::new();
                for r in &ext {
                    self.match_path(path, r, &mut next)?;
                }
                ext = next;
            }
            if let Some(w) = where_ {
                let mut kept = Vec::with_capacity(ext.len());
                for r in ext {
                    let env = Env {
                        vars,
                        row: &r,
                        aliases: &[],
                        aggs: None,
                    };
                    let v = self.eval(w, &env)?;
                    if self.truth(&v, w.span, "where")? == Some(true) {
                        kept.push(r);
                    }
                }
                ext = kept;
            }
            if ext.is_empty() && clause.optional {
                out.push(row);
            } else {
                out.extend(ext);
            }
            if out.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
        }
        Ok(out)
    }

    fn project(
        &self,
        q: &PatternQuery,
        vars: &FxHashMap<String, usize>,
        slots: &[SlotKind],
        awaits: &[bool],
        rows: &[Vec<Val>],
    ) -> Result<Answer, QueryError> {
        let items = &q.ret.items;
        let grouped = items.iter().any(|i| i.expr.has_aggregate())
            || q.order.iter().any(|o| o.expr.has_aggregate());
        // Groups of row indices, in order of first appearance.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        if grouped {
            let mut index: FxHashMap<Vec<Val>, usize> = FxHashMap::default();
            for (ri, row) in rows.iter().enumerate() {
                let env = Env {
                    vars,
                    row,
                    aliases: &[],
                    aggs: None,
                };
                let key = items
                    .iter()
                    .filter(|i| !i.expr.has_aggregate())
                    .map(|i| self.eval(&i.expr, &env))
                    .collect::<Result<Vec<_>, _>>()?;
                let g = *index.entry(key).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                });
                groups[g].push(ri);
            }
            if groups.is_empty() && items.iter().all(|i| i.expr.has_aggregate()) {
                groups.push(Vec::new());
            }
        } else {
            groups = (0..rows.len()).map(|i| vec![i]).collect();
        }

        let empty = vec![Val::Null; slots.len()];
        let columns: Vec<String> = items.iter().map(|i| i.column()).collect();
        struct Out {
            values: Vec<Val>,
            keys: Vec<Val>,
            group: Vec<usize>,
        }
        let mut outs: Vec<Out> = Vec::with_capacity(groups.len());
        for g in groups {
            let first = g.first().map_or(&empty, |&i| &rows[i]);
            let mut aggs = FxHashMap::default();
            if grouped {
                let members: Vec<&Vec<Val>> = g.iter().map(|&i| &rows[i]).collect();
                for e in items
                    .iter()
                    .map(|i| &i.expr)
                    .chain(q.order.iter().map(|o| &o.expr))
                {
                    self.aggregates(e, vars, &members, &mut aggs)?;
                }
            }
            let env = Env {
                vars,
                row: first,
                aliases: &[],
                aggs: Some(&aggs),
            };
            let values = items
                .iter()
                .map(|i| self.eval(&i.expr, &env))
                .collect::<Result<Vec<_>, _>>()?;
            // Order keys: a returned expression, or a column's name (what
            // `eval` gives for it through the aliases), else evaluated with
            // the columns as aliases, made only then.
            let mut aliases: Option<Vec<(String, Val)>> = None;
            let mut keys = Vec::with_capacity(q.order.len());
            for o in &q.order {
                let column = match &o.expr.kind {
                    ExprKind::Var(name) => columns.iter().position(|c| c == name),
                    _ => None,
                };
                let k = match (items.iter().position(|i| i.expr == o.expr), column) {
                    (Some(c), _) | (None, Some(c)) => values[c].clone(),
                    (None, None) => {
                        let aliases = aliases.get_or_insert_with(|| {
                            columns
                                .iter()
                                .cloned()
                                .zip(values.iter().cloned())
                                .collect()
                        });
                        let env = Env {
                            vars,
                            row: first,
                            aliases,
                            aggs: Some(&aggs),
                        };
                        self.eval(&o.expr, &env)?
                    }
                };
                keys.push(k);
            }
            outs.push(Out {
                values,
                keys,
                group: g,
            });
        }
        if q.ret.distinct {
            let mut seen: FxHashMap<Vec<Val>, usize> = FxHashMap::default();
            let mut kept: Vec<Out> = Vec::new();
            for o in outs {
                match seen.get(&o.values) {
                    Some(&k) => kept[k].group.extend(o.group),
                    None => {
                        seen.insert(o.values.clone(), kept.len());
                        kept.push(o);
                    }
                }
            }
            outs = kept;
        }
        if !q.order.is_empty() {
            outs.sort_by(|a, b| {
                for (i, o) in q.order.iter().enumerate() {
                    let (x, y) = (&a.keys[i], &b.keys[i]);
                    let ord = match (x, y) {
                        (Val::Null, Val::Null) => std::cmp::Ordering::Equal,
                        (Val::Null, _) => std::cmp::Ordering::Greater,
                        (_, Val::Null) => std::cmp::Ordering::Less,
                        _ if o.desc => self.order(y, x),
                        _ => self.order(x, y),
                    };
                    if ord != std::cmp::Ordering::Equal {
                        return ord;
                    }
                }
                std::cmp::Ordering::Equal
            });
        }
        let skip = usize::try_from(q.skip.unwrap_or(0)).unwrap_or(usize::MAX);
        let limit = q
            .limit
            .map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX));
        let mut answer = Answer {
            columns,
            ..Answer::default()
        };
        // What `Answer::caveat` does (each caveat once, in order), with a
        // set: groups of thousands of rows give thousands of caveats.
        let mut caveats: FxHashSet<String> = FxHashSet::default();
        // A request's caveat is the same in every group: worded once.
        let mut requests: FxHashSet<*const Request> = FxHashSet::default();
        for o in outs.into_iter().skip(skip).take(limit) {
            let members: Vec<&Vec<Val>> = o.group.iter().map(|&i| &rows[i]).collect();
            let cells = o.values.iter().map(|v| self.cell(v)).collect();
            answer.push(cells, self.sources(&members, &o.values));
            for c in self.caveats(&members, awaits, &mut requests) {
                if !caveats.contains(&c) {
                    caveats.insert(c.clone());
                    answer.caveats.push(c);
                }
            }
        }
        Ok(answer)
    }

    /// Compute every aggregate in `e` over the rows of a group.
    fn aggregates(
        &self,
        e: &Expr,
        vars: &FxHashMap<String, usize>,
        rows: &[&Vec<Val>],
        out: &mut FxHashMap<usize, Val>,
    ) -> Result<(), QueryError> {
        if is_agg(e) {
            let (name, distinct, arg) = match &e.kind {
                ExprKind::CountStar => {
                    out.insert(addr(e), Val::Int(rows.len() as i64));
                    return Ok(());
                }
                ExprKind::Call {
                    name,
                    distinct,
                    args,
                } => (name.as_str(), *distinct, args.first()),
                _ => return Ok(()),
            };
            let Some(arg) = arg else {
                return Err(QueryError::invalid(
                    format!("{name}() needs an argument"),
                    e.span,
                ));
            };
            let mut vals = Vec::new();
            // `distinct` keeps first appearances; a set spares scanning
            // `vals` for each of thousands of rows.
            let mut seen: FxHashSet<Val> = FxHashSet::default();
            for row in rows {
                let env = Env {
                    vars,
                    row,
                    aliases: &[],
                    aggs: None,
                };
                let v = self.eval(arg, &env)?;
                if v != Val::Null && (!distinct || seen.insert(v.clone())) {
                    vals.push(v);
                }
            }
            let v = match name {
                "count" => Val::Int(vals.len() as i64),
                "collect" => Val::List(vals),
                "min" => vals
                    .into_iter()
                    .min_by(|a, b| self.order(a, b))
                    .unwrap_or(Val::Null),
                _ => vals
                    .into_iter()
                    .max_by(|a, b| self.order(a, b))
                    .unwrap_or(Val::Null),
            };
            out.insert(addr(e), v);
            return Ok(());
        }
        for c in children(e) {
            self.aggregates(c, vars, rows, out)?;
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
        Source::from_prov(prov, sentence)
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
                let s = self.source(p, sentence);
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

/// Direct sub-expressions.
fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Var(_) | ExprKind::CountStar => vec![],
        ExprKind::Prop(b, _) | ExprKind::Not(b) | ExprKind::IsNull(b, _) => vec![b],
        ExprKind::List(v) => v.iter().collect(),
        ExprKind::Binary(_, a, b) => vec![a, b],
        ExprKind::Call { args, .. } => args.iter().collect(),
    }
}

/// Static checks: variables defined, functions known with the right
/// number of arguments, aggregates not nested and not in `where`.
fn check(q: &PatternQuery, vars: &FxHashMap<String, usize>) -> Result<(), QueryError> {
    fn walk(
        e: &Expr,
        known: &dyn Fn(&str) -> bool,
        agg_ok: bool,
        in_agg: bool,
    ) -> Result<(), QueryError> {
        match &e.kind {
            ExprKind::Var(v) if !known(v) => {
                return Err(QueryError::invalid(
                    format!("`{v}` is not a variable of this query"),
                    e.span,
                ))
            }
            ExprKind::CountStar if !agg_ok || in_agg => {
                return Err(misplaced_agg(e.span));
            }
            ExprKind::Call {
                name,
                distinct,
                args,
            } => {
                let is_aggregate = AGGREGATES.contains(&name.as_str());
                if is_aggregate && (!agg_ok || in_agg) {
                    return Err(misplaced_agg(e.span));
                }
                let arity = if is_aggregate {
                    Some(1)
                } else {
                    FUNCTIONS.iter().find(|(n, _)| n == name).map(|(_, a)| *a)
                };
                match arity {
                    None => {
                        let known: Vec<&str> = AGGREGATES
                            .iter()
                            .copied()
                            .chain(FUNCTIONS.iter().map(|(n, _)| *n))
                            .collect();
                        return Err(QueryError::invalid(
                            format!(
                                "unknown function {name}(); functions are {}",
                                known.join(", ")
                            ),
                            e.span,
                        ));
                    }
                    Some(n) if n != args.len() => {
                        return Err(QueryError::invalid(
                            format!(
                                "{name}() takes {n} argument{}, not {}",
                                if n == 1 { "" } else { "s" },
                                args.len()
                            ),
                            e.span,
                        ))
                    }
                    _ => {}
                }
                if *distinct && !is_aggregate {
                    return Err(QueryError::invalid(
                        format!("`distinct` applies to count, collect, min and max, not {name}()"),
                        e.span,
                    ));
                }
                for a in args {
                    walk(a, known, agg_ok, in_agg || is_aggregate)?;
                }
                return Ok(());
            }
            _ => {}
        }
        for c in children(e) {
            walk(c, known, agg_ok, in_agg)?;
        }
        Ok(())
    }
    let defined = |v: &str| vars.contains_key(v);
    for c in &q.clauses {
        if let Some(w) = &c.where_ {
            walk(w, &defined, false, false)?;
        }
    }
    for i in &q.ret.items {
        walk(&i.expr, &defined, true, false)?;
    }
    let aliases: Vec<String> = q.ret.items.iter().filter_map(|i| i.alias.clone()).collect();
    let known = |v: &str| vars.contains_key(v) || aliases.iter().any(|a| a == v);
    for o in &q.order {
        walk(&o.expr, &known, true, false)?;
    }
    Ok(())
}

fn misplaced_agg(span: Span) -> QueryError {
    QueryError::new(
        ErrorKind::Invalid,
        "aggregates (count, collect, min, max) belong in `return` or `order by`, and do not nest",
        Some(span),
    )
}
