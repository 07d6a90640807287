//! The `return` of a pattern query: rows grouped by the values that are
//! not aggregates, aggregates computed per group, order keys worked out,
//! `distinct` applied, sorted, cut by `skip` and `limit`, and each row
//! given its sources and the caveats of what it rests on.

use super::check::children;
use super::expr::{addr, is_agg, Env, Val};
use super::pattern::SlotKind;
use super::Ctx;
use crate::model::Request;
use crate::query::answer::Answer;
use crate::query::ast::{Expr, ExprKind, PatternQuery};
use crate::query::error::QueryError;
use fxhash::{FxHashMap, FxHashSet};
use std::cmp::Ordering;

/// One row of the answer before it is cut and rendered: its values, its
/// order keys, and the matched rows it stands for.
struct Out {
    values: Vec<Val>,
    keys: Vec<Val>,
    group: Vec<usize>,
}

/// What every group of one query is projected with.
struct Projection<'q> {
    q: &'q PatternQuery,
    vars: &'q FxHashMap<String, usize>,
    rows: &'q [Vec<Val>],
    columns: Vec<String>,
    /// Which columns hold nodes (see [`yields_nodes`]).
    entities: Vec<bool>,
    grouped: bool,
    /// The row of a group with no rows (`count(*)` of nothing).
    empty: Vec<Val>,
}

impl Ctx<'_> {
    /// The answer of `q` from its matched `rows`; `awaits` marks the slots
    /// that may hold `awaits` edges (whose requests give caveats).
    pub(super) fn project(
        &self,
        q: &PatternQuery,
        vars: &FxHashMap<String, usize>,
        slots: &[SlotKind],
        awaits: &[bool],
        rows: &[Vec<Val>],
    ) -> Result<Answer, QueryError> {
        let p = Projection {
            q,
            vars,
            rows,
            columns: q.ret.items.iter().map(|i| i.column()).collect(),
            entities: q
                .ret
                .items
                .iter()
                .map(|i| yields_nodes(&i.expr, vars, slots))
                .collect(),
            grouped: q.ret.items.iter().any(|i| i.expr.has_aggregate())
                || q.order.iter().any(|o| o.expr.has_aggregate()),
            empty: vec![Val::Null; slots.len()],
        };
        let mut outs = self
            .groups(&p)?
            .into_iter()
            .map(|g| self.output(&p, g))
            .collect::<Result<Vec<Out>, QueryError>>()?;
        if q.ret.distinct {
            outs = distinct(outs);
        }
        if !q.order.is_empty() {
            outs.sort_by(|a, b| self.by_keys(q, a, b));
        }
        Ok(self.answer(p, outs, awaits))
    }

    /// Groups of row indices, in order of first appearance: one per row
    /// when nothing is aggregated.
    fn groups(&self, p: &Projection<'_>) -> Result<Vec<Vec<usize>>, QueryError> {
        if !p.grouped {
            return Ok((0..p.rows.len()).map(|i| vec![i]).collect());
        }
        let items = &p.q.ret.items;
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut index: FxHashMap<Vec<Val>, usize> = FxHashMap::default();
        for (ri, row) in p.rows.iter().enumerate() {
            let env = Env {
                vars: p.vars,
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
        Ok(groups)
    }

    /// The values and order keys of one group.
    fn output(&self, p: &Projection<'_>, group: Vec<usize>) -> Result<Out, QueryError> {
        let (q, vars) = (p.q, p.vars);
        let first = group.first().map_or(&p.empty, |&i| &p.rows[i]);
        let mut aggs = FxHashMap::default();
        if p.grouped {
            let members: Vec<&Vec<Val>> = group.iter().map(|&i| &p.rows[i]).collect();
            for e in q
                .ret
                .items
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
        let values = q
            .ret
            .items
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
                ExprKind::Var(name) => p.columns.iter().position(|c| c == name),
                _ => None,
            };
            let k = match (q.ret.items.iter().position(|i| i.expr == o.expr), column) {
                (Some(c), _) | (None, Some(c)) => values[c].clone(),
                (None, None) => {
                    let aliases = aliases.get_or_insert_with(|| {
                        p.columns
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
        Ok(Out {
            values,
            keys,
            group,
        })
    }

    /// The order of two rows by their keys; nulls last either way.
    fn by_keys(&self, q: &PatternQuery, a: &Out, b: &Out) -> Ordering {
        for (i, o) in q.order.iter().enumerate() {
            let (x, y) = (&a.keys[i], &b.keys[i]);
            let ord = match (x, y) {
                (Val::Null, Val::Null) => Ordering::Equal,
                (Val::Null, _) => Ordering::Greater,
                (_, Val::Null) => Ordering::Less,
                _ if o.desc => self.order(y, x),
                _ => self.order(x, y),
            };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    }

    /// The rows kept by `skip` and `limit`, as cells with their sources,
    /// and the caveats of what they rest on.
    fn answer(&self, p: Projection<'_>, outs: Vec<Out>, awaits: &[bool]) -> Answer {
        let q = p.q;
        let skip = usize::try_from(q.skip.unwrap_or(0)).unwrap_or(usize::MAX);
        let limit = q
            .limit
            .map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX));
        let mut answer = Answer {
            columns: p.columns,
            entities: p.entities,
            ..Answer::default()
        };
        // What `Answer::caveat` does (each caveat once, in order), with a
        // set: groups of thousands of rows give thousands of caveats.
        let mut caveats: FxHashSet<String> = FxHashSet::default();
        // A request's caveat is the same in every group: worded once.
        let mut requests: FxHashSet<*const Request> = FxHashSet::default();
        for o in outs.into_iter().skip(skip).take(limit) {
            let members: Vec<&Vec<Val>> = o.group.iter().map(|&i| &p.rows[i]).collect();
            let cells = o.values.iter().map(|v| self.cell(v)).collect();
            answer.push(cells, self.sources(&members, &o.values));
            for c in self.caveats(&members, awaits, &mut requests) {
                if !caveats.contains(&c) {
                    caveats.insert(c.clone());
                    answer.caveats.push(c);
                }
            }
        }
        answer
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
}

/// Whether `e` yields nodes (or lists of them), read from the query alone:
/// a variable of a node pattern, an aggregate or `sorted` of one, a list
/// literal holding one. Answers mark these columns, so CSV gives them an
/// id and a name column even when no row came back.
fn yields_nodes(e: &Expr, vars: &FxHashMap<String, usize>, slots: &[SlotKind]) -> bool {
    match &e.kind {
        ExprKind::Var(v) => vars
            .get(v)
            .and_then(|&s| slots.get(s))
            .is_some_and(|k| matches!(k, SlotKind::Node)),
        ExprKind::Call { name, args, .. } => {
            matches!(name.as_str(), "collect" | "min" | "max" | "sorted")
                && args.first().is_some_and(|a| yields_nodes(a, vars, slots))
        }
        ExprKind::List(items) => items.iter().any(|a| yields_nodes(a, vars, slots)),
        _ => false,
    }
}

/// The rows with distinct values, each standing for the matched rows of
/// all its repeats.
fn distinct(outs: Vec<Out>) -> Vec<Out> {
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
    kept
}
