//! Values and expressions: properties of nodes and edges, comparisons with
//! the normalization of entity resolution, date comparisons that respect
//! precision, three-valued logic, and the total order used by `order by`.
//! Built-in functions are in [`super::functions`].

use super::Ctx;
use crate::model::{DateValue, Kind, Provenance, Value};
use crate::query::ast::{BinOp, Expr, ExprKind, Literal, Span};
use crate::query::error::QueryError;
use crate::text::normalize;
use fxhash::FxHashMap;
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::cmp::Ordering;
use std::rc::Rc;

/// A value during evaluation. Strings are shared (`Rc<str>`): a group of
/// thousands of rows copies the same request subject into each row's key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Val {
    Null,
    Bool(bool),
    Int(i64),
    Str(Rc<str>),
    Date(DateValue),
    Node(NodeIndex),
    Edge(EdgeIndex),
    List(Vec<Val>),
}

/// What an expression is evaluated against: the row's variables, the
/// return columns (for `order by`), and precomputed aggregates.
pub(crate) struct Env<'a> {
    pub(crate) vars: &'a FxHashMap<String, usize>,
    pub(crate) row: &'a [Val],
    pub(crate) aliases: &'a [(String, Val)],
    /// Aggregate values by the address of their expression node.
    pub(crate) aggs: Option<&'a FxHashMap<usize, Val>>,
}

impl From<&Value> for Val {
    fn from(v: &Value) -> Val {
        match v {
            Value::Text(s) => Val::Str(s.as_str().into()),
            Value::Int(i) => Val::Int(*i),
            Value::Date(d) => Val::Date(*d),
            Value::Bool(b) => Val::Bool(*b),
        }
    }
}

impl From<&Literal> for Val {
    fn from(l: &Literal) -> Val {
        match l {
            Literal::Str(s) => Val::Str(s.as_str().into()),
            Literal::Int(i) => Val::Int(*i),
            Literal::Bool(b) => Val::Bool(*b),
            Literal::Null => Val::Null,
            Literal::Date(d) => Val::Date(*d),
        }
    }
}

impl Ctx<'_> {
    /// What a value is, in words, for type errors.
    pub(crate) fn describe(&self, v: &Val) -> String {
        match v {
            Val::Null => "null".into(),
            Val::Bool(_) => "true/false".into(),
            Val::Int(_) => "a number".into(),
            Val::Str(_) => "a string".into(),
            Val::Date(_) => "a date".into(),
            Val::Node(n) => format!("a node ({})", self.kg.graph[*n].kind),
            Val::Edge(e) => format!("an edge ({})", self.kg.graph[*e].kind),
            Val::List(_) => "a list".into(),
        }
    }

    pub(crate) fn eval(&self, e: &Expr, env: &Env<'_>) -> Result<Val, QueryError> {
        match &e.kind {
            ExprKind::Lit(l) => Ok(Val::from(l)),
            ExprKind::Var(name) => {
                if let Some((_, v)) = env.aliases.iter().find(|(a, _)| a == name) {
                    return Ok(v.clone());
                }
                match env.vars.get(name) {
                    Some(&slot) => Ok(env.row.get(slot).cloned().unwrap_or(Val::Null)),
                    None => Err(QueryError::invalid(
                        format!("`{name}` is not a variable of this query"),
                        e.span,
                    )),
                }
            }
            ExprKind::Prop(base, key) => {
                let v = self.eval(base, env)?;
                self.property(&v, key, e.span)
            }
            ExprKind::List(items) => Ok(Val::List(
                items
                    .iter()
                    .map(|i| self.eval(i, env))
                    .collect::<Result<_, _>>()?,
            )),
            ExprKind::Not(inner) => {
                let v = self.eval(inner, env)?;
                Ok(match self.truth(&v, inner.span, "not")? {
                    Some(b) => Val::Bool(!b),
                    None => Val::Null,
                })
            }
            ExprKind::IsNull(inner, not) => {
                let v = self.eval(inner, env)?;
                Ok(Val::Bool((v == Val::Null) != *not))
            }
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, env, e.span),
            ExprKind::CountStar | ExprKind::Call { .. } if is_agg(e) => {
                match env.aggs.and_then(|m| m.get(&addr(e))) {
                    Some(v) => Ok(v.clone()),
                    None => Err(QueryError::invalid(
                        "aggregates (count, collect, min, max) belong in `return` or `order by`",
                        e.span,
                    )),
                }
            }
            ExprKind::CountStar => Err(QueryError::invalid("misplaced count(*)", e.span)),
            ExprKind::Call { name, args, .. } => {
                if let [arg] = args.as_slice() {
                    // Most calls take one argument: no vector for it.
                    let v = self.eval(arg, env)?;
                    return self.call(name, std::slice::from_ref(&v), e.span);
                }
                let vals = args
                    .iter()
                    .map(|a| self.eval(a, env))
                    .collect::<Result<Vec<_>, _>>()?;
                self.call(name, &vals, e.span)
            }
        }
    }

    /// A value as a condition: true, false or unknown (null).
    pub(crate) fn truth(
        &self,
        v: &Val,
        span: Span,
        what: &str,
    ) -> Result<Option<bool>, QueryError> {
        match v {
            Val::Bool(b) => Ok(Some(*b)),
            Val::Null => Ok(None),
            other => Err(QueryError::type_error(
                format!("`{what}` needs true or false, not {}", self.describe(other)),
                span,
            )),
        }
    }

    fn binary(
        &self,
        op: BinOp,
        a: &Expr,
        b: &Expr,
        env: &Env<'_>,
        span: Span,
    ) -> Result<Val, QueryError> {
        if matches!(op, BinOp::And | BinOp::Or) {
            let x = self.truth(&self.eval(a, env)?, a.span, op.as_str())?;
            // Short-circuit where the answer is already known.
            match (op, x) {
                (BinOp::And, Some(false)) => return Ok(Val::Bool(false)),
                (BinOp::Or, Some(true)) => return Ok(Val::Bool(true)),
                _ => {}
            }
            let y = self.truth(&self.eval(b, env)?, b.span, op.as_str())?;
            return Ok(match (op, x, y) {
                (BinOp::And, _, Some(false)) => Val::Bool(false),
                (BinOp::And, Some(true), Some(true)) => Val::Bool(true),
                (BinOp::Or, _, Some(true)) => Val::Bool(true),
                (BinOp::Or, Some(false), Some(false)) => Val::Bool(false),
                _ => Val::Null,
            });
        }
        let x = self.eval(a, env)?;
        let y = self.eval(b, env)?;
        let r = match op {
            BinOp::Eq => self.equal(&x, &y, span)?,
            BinOp::Ne => self.equal(&x, &y, span)?.map(|b| !b),
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => self.compare(op, &x, &y, span)?,
            BinOp::In => match &y {
                Val::Null => None,
                Val::List(items) => {
                    let mut any = Some(false);
                    for i in items {
                        match self.equal(&x, i, span)? {
                            Some(true) => {
                                any = Some(true);
                                break;
                            }
                            None => any = None,
                            Some(false) => {}
                        }
                    }
                    any
                }
                other => {
                    return Err(QueryError::type_error(
                        format!(
                            "`in` needs a list on its right, not {}",
                            self.describe(other)
                        ),
                        b.span,
                    ))
                }
            },
            BinOp::Contains | BinOp::StartsWith | BinOp::EndsWith => {
                self.text_match(op, &x, &y, span)?
            }
            BinOp::And | BinOp::Or => None,
        };
        Ok(r.map_or(Val::Null, Val::Bool))
    }

    fn type_mismatch(&self, what: &str, a: &Val, b: &Val, span: Span) -> QueryError {
        let hint = match (a, b) {
            (Val::Node(_), Val::Str(_)) | (Val::Str(_), Val::Node(_)) => {
                "; compare a property instead, like `c.name = \"Honduras\"` or `c.id = \"country:hn\"`"
            }
            (Val::Date(_), Val::Str(_)) | (Val::Str(_), Val::Date(_)) => {
                "; write a date as 2002-12-31 or date(\"2002-12-31\"), without quotes around it alone"
            }
            _ => "",
        };
        QueryError::type_error(
            format!(
                "cannot {what} {} with {}{hint}",
                self.describe(a),
                self.describe(b)
            ),
            span,
        )
    }

    /// Equality: strings compare normalized (accents, case, spacing), dates
    /// are equal when their spans overlap, a number equals a date in that
    /// year, a list equals a single value when any of its items does.
    pub(crate) fn equal(&self, a: &Val, b: &Val, span: Span) -> Result<Option<bool>, QueryError> {
        Ok(match (a, b) {
            (Val::Null, _) | (_, Val::Null) => None,
            (Val::List(x), Val::List(y)) => {
                if x.len() != y.len() {
                    return Ok(Some(false));
                }
                for (i, j) in x.iter().zip(y) {
                    if self.equal(i, j, span)? != Some(true) {
                        return Ok(Some(false));
                    }
                }
                Some(true)
            }
            (Val::List(x), single) | (single, Val::List(x)) => {
                for i in x {
                    if self.equal(i, single, span)? == Some(true) {
                        return Ok(Some(true));
                    }
                }
                Some(false)
            }
            (Val::Str(x), Val::Str(y)) => Some(normalize(x) == normalize(y)),
            (Val::Int(x), Val::Int(y)) => Some(x == y),
            (Val::Bool(x), Val::Bool(y)) => Some(x == y),
            // A day of no stated year against a dated one: unknown.
            (Val::Date(x), Val::Date(y)) if x.start.yearless() != y.start.yearless() => None,
            (Val::Date(x), Val::Date(y)) => Some(x.start <= y.end && y.start <= x.end),
            (Val::Date(_), Val::Int(y)) => {
                self.equal(a, &Val::Date(DateValue::year(*y as i32)), span)?
            }
            (Val::Int(x), Val::Date(_)) => {
                self.equal(&Val::Date(DateValue::year(*x as i32)), b, span)?
            }
            (Val::Node(x), Val::Node(y)) => Some(x == y),
            (Val::Edge(x), Val::Edge(y)) => Some(x == y),
            _ => return Err(self.type_mismatch("compare", a, b, span)),
        })
    }

    /// `<`, `<=`, `>`, `>=`. For dates: `a < b` when a ends before b
    /// starts, `a <= b` when a starts on or before b ends (and the mirror
    /// for `>`/`>=`), so `m.date >= 2002-08-01 and m.date <= 2003-02-28`
    /// finds what overlaps that period. A day of no stated year is neither
    /// before nor after a dated one: the comparison is unknown (null).
    fn compare(&self, op: BinOp, a: &Val, b: &Val, span: Span) -> Result<Option<bool>, QueryError> {
        Ok(match (a, b) {
            (Val::Null, _) | (_, Val::Null) => None,
            (Val::List(x), single) if !matches!(single, Val::List(_)) => {
                for i in x {
                    if self.compare(op, i, single, span)? == Some(true) {
                        return Ok(Some(true));
                    }
                }
                Some(false)
            }
            (Val::Date(x), Val::Date(y)) if x.start.yearless() != y.start.yearless() => None,
            (Val::Date(x), Val::Date(y)) => Some(match op {
                BinOp::Lt => x.end < y.start,
                BinOp::Le => x.start <= y.end,
                BinOp::Gt => x.start > y.end,
                _ => x.end >= y.start,
            }),
            (Val::Date(_), Val::Int(y)) => {
                self.compare(op, a, &Val::Date(DateValue::year(*y as i32)), span)?
            }
            (Val::Int(x), Val::Date(_)) => {
                self.compare(op, &Val::Date(DateValue::year(*x as i32)), b, span)?
            }
            (Val::Str(x), Val::Str(y)) => Some(ord_holds(op, normalize(x).cmp(&normalize(y)))),
            (Val::Int(x), Val::Int(y)) => Some(ord_holds(op, x.cmp(y))),
            _ => return Err(self.type_mismatch("order", a, b, span)),
        })
    }

    fn text_match(
        &self,
        op: BinOp,
        a: &Val,
        b: &Val,
        span: Span,
    ) -> Result<Option<bool>, QueryError> {
        Ok(match (a, b) {
            (Val::Null, _) | (_, Val::Null) => None,
            (Val::List(x), _) => {
                for i in x {
                    if self.text_match(op, i, b, span)? == Some(true) {
                        return Ok(Some(true));
                    }
                }
                Some(false)
            }
            (Val::Str(x), Val::Str(y)) => {
                let (x, y) = (normalize(x), normalize(y));
                Some(match op {
                    BinOp::Contains => x.contains(&y),
                    BinOp::StartsWith => x.starts_with(&y),
                    _ => x.ends_with(&y),
                })
            }
            _ => {
                return Err(QueryError::type_error(
                    format!(
                        "`{}` matches strings, not {} with {}",
                        op.as_str(),
                        self.describe(a),
                        self.describe(b)
                    ),
                    span,
                ))
            }
        })
    }

    // ---- properties ----

    /// `x.key` for a node, an edge, a list of them, or null.
    pub(crate) fn property(&self, v: &Val, key: &str, span: Span) -> Result<Val, QueryError> {
        match v {
            Val::Null => Ok(Val::Null),
            Val::Node(n) => Ok(self.node_prop(*n, key)),
            Val::Edge(e) => Ok(self.edge_prop(*e, key)),
            Val::List(items) => Ok(Val::List(
                items
                    .iter()
                    .map(|i| self.property(i, key, span))
                    .collect::<Result<_, _>>()?,
            )),
            other => Err(QueryError::type_error(
                format!("{} has no properties (`.{key}`)", self.describe(other)),
                span,
            )),
        }
    }

    /// A node's property: `id`, `name`, `kind`, `aliases`, `text` (of a
    /// section or document), or any attribute (a list when it has several
    /// values).
    pub(crate) fn node_prop(&self, n: NodeIndex, key: &str) -> Val {
        let d = &self.kg.graph[n];
        match key {
            "id" => Val::Str(d.id.as_str().into()),
            "name" => Val::Str(d.name.as_str().into()),
            "kind" => Val::Str(d.kind.as_str().into()),
            "aliases" => Val::List(
                d.aliases
                    .iter()
                    .map(|a| Val::Str(a.as_str().into()))
                    .collect(),
            ),
            "text" if matches!(d.kind, Kind::Section | Kind::Document) => self.node_text(n),
            "date" => {
                let dates: Vec<crate::model::DateValue> = d
                    .attrs_named(key)
                    .filter_map(|a| match &a.value {
                        crate::model::Value::Date(dv) => Some(*dv),
                        _ => None,
                    })
                    .collect();
                // Sources that agree at different precisions (the calendar's
                // 30-31 May, a report's "mayo 2002") give the most precise
                // date; sources that disagree give every date.
                let narrowest = dates.iter().min_by_key(|x| {
                    (
                        x.end.year,
                        x.end.month,
                        x.end.day,
                        std::cmp::Reverse((x.start.year, x.start.month, x.start.day)),
                    )
                });
                match narrowest {
                    Some(n) if dates.iter().all(|x| x.start <= n.start && x.end >= n.end) => {
                        Val::from(&crate::model::Value::Date(*n))
                    }
                    _ => many(d.attrs_named(key).map(|a| Val::from(&a.value)).collect()),
                }
            }
            _ => many(d.attrs_named(key).map(|a| Val::from(&a.value)).collect()),
        }
    }

    /// The text of a section, or of an ingested document. A document a
    /// report only refers to by title (its sources point into the report)
    /// has no text of its own: it is not given the report's.
    fn node_text(&self, n: NodeIndex) -> Val {
        let d = &self.kg.graph[n];
        for s in &d.sources {
            if let Provenance::Extracted { doc, section, .. } = &**s {
                if d.kind == Kind::Section {
                    if let Some(text) = self.kg.section_text(doc, section) {
                        return Val::Str(text.into());
                    }
                } else if d.id == crate::model::document_id(doc) {
                    if let Some(text) = self.kg.document_text(doc) {
                        return Val::Str(text.into());
                    }
                }
            }
        }
        Val::Null
    }

    /// An edge's property: `kind`, `derived`, or any attribute.
    pub(crate) fn edge_prop(&self, e: EdgeIndex, key: &str) -> Val {
        let d = &self.kg.graph[e];
        match key {
            "kind" => Val::Str(d.kind.as_str().into()),
            "derived" => Val::Bool(d.derived),
            _ => many(
                d.attrs
                    .iter()
                    .filter(|a| a.key == key)
                    .map(|a| Val::from(&a.value))
                    .collect(),
            ),
        }
    }
}

impl Ctx<'_> {
    /// The total order of `order by` and `sorted`: null last; strings
    /// normalized; dates by start then end; nodes in document order (facts
    /// read from a report) or by name; mixed kinds by kind.
    pub(crate) fn order(&self, a: &Val, b: &Val) -> Ordering {
        fn rank(v: &Val) -> u8 {
            match v {
                Val::Bool(_) => 0,
                Val::Int(_) => 1,
                Val::Date(_) => 2,
                Val::Str(_) => 3,
                Val::Node(_) => 4,
                Val::Edge(_) => 5,
                Val::List(_) => 6,
                Val::Null => 7,
            }
        }
        match (a, b) {
            (Val::Bool(x), Val::Bool(y)) => x.cmp(y),
            (Val::Int(x), Val::Int(y)) => x.cmp(y),
            (Val::Date(x), Val::Date(y)) => (x.start, x.end).cmp(&(y.start, y.end)),
            (Val::Str(x), Val::Str(y)) => normalize(x).cmp(&normalize(y)).then_with(|| x.cmp(y)),
            (Val::Node(x), Val::Node(y)) => self.node_key(*x).cmp(&self.node_key(*y)),
            (Val::Edge(x), Val::Edge(y)) => x.cmp(y),
            (Val::List(x), Val::List(y)) => {
                for (i, j) in x.iter().zip(y) {
                    let o = self.order(i, j);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                x.len().cmp(&y.len())
            }
            _ => rank(a).cmp(&rank(b)),
        }
    }

    /// Document order (document, offset), else the normalized name; then
    /// the id. Borrowed where it can be: `order by` compares keys often.
    fn node_key(&self, n: NodeIndex) -> (u8, std::borrow::Cow<'_, str>, usize, &str) {
        let d = &self.kg.graph[n];
        for s in &d.sources {
            if let Provenance::Extracted { doc, span, .. } = &**s {
                return (0, doc.as_str().into(), span.start, &d.id);
            }
        }
        (1, normalize(&d.name).into(), 0, &d.id)
    }
}

fn ord_holds(op: BinOp, o: Ordering) -> bool {
    match op {
        BinOp::Lt => o == Ordering::Less,
        BinOp::Le => o != Ordering::Greater,
        BinOp::Gt => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

/// One value, several (deduplicated: merged sources repeat them), or null.
fn many(mut v: Vec<Val>) -> Val {
    let mut seen = Vec::with_capacity(v.len());
    v.retain(|x| {
        let new = !seen.contains(x);
        if new {
            seen.push(x.clone());
        }
        new
    });
    match v.len() {
        0 => Val::Null,
        1 => v.pop().unwrap_or(Val::Null),
        _ => Val::List(v),
    }
}

/// Collapse white space.
/// True for `count(*)` and calls of count, collect, min, max.
pub(crate) fn is_agg(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::CountStar => true,
        ExprKind::Call { name, .. } => crate::query::ast::AGGREGATES.contains(&name.as_str()),
        _ => false,
    }
}

/// Identity of an expression node (for precomputed aggregates).
pub(crate) fn addr(e: &Expr) -> usize {
    e as *const Expr as usize
}
