//! Small constructors of pattern syntax trees, so that a question is
//! compiled straight to the [`PatternQuery`] it runs (no query text built
//! and parsed again). The trees carry empty spans: they were never
//! written, and spans take no part in equality.

use crate::model::{DateValue, EdgeKind, Kind};
use crate::query::ast::{
    BinOp, Direction, Expr, ExprKind, Literal, MatchClause, NodePattern, OrderItem, PathPattern,
    PatternQuery, RelPattern, Return, ReturnItem, Span,
};

const NOWHERE: Span = Span::new(0, 0);

/// `(var:kind|kind {key: "value", …})`.
pub(crate) fn node(var: &str, kinds: &[Kind], props: &[(&str, &str)]) -> NodePattern {
    NodePattern {
        var: Some(var.to_string()),
        kinds: kinds.to_vec(),
        props: props
            .iter()
            .map(|(k, v)| (k.to_string(), Literal::Str(v.to_string())))
            .collect(),
        span: NOWHERE,
    }
}

/// `(var:kind {id: "…"})`.
pub(crate) fn node_id(var: &str, kinds: &[Kind], id: &str) -> NodePattern {
    node(var, kinds, &[("id", id)])
}

/// `-[var:kind|kind]->` (or `*min..max` hops).
pub(crate) fn rel(var: Option<&str>, kinds: &[EdgeKind]) -> RelPattern {
    RelPattern {
        var: var.map(str::to_string),
        kinds: kinds.to_vec(),
        dir: Direction::Right,
        hops: None,
        props: Vec::new(),
        span: NOWHERE,
    }
}

/// A path from `start` through `steps`.
pub(crate) fn path(start: NodePattern, steps: Vec<(RelPattern, NodePattern)>) -> PathPattern {
    PathPattern {
        start,
        steps,
        span: NOWHERE,
    }
}

/// `(a)-[rel]->(b)`: one step.
pub(crate) fn step(a: NodePattern, r: RelPattern, b: NodePattern) -> PathPattern {
    path(a, vec![(r, b)])
}

/// `[optional] match paths [where cond]`.
pub(crate) fn clause(optional: bool, paths: Vec<PathPattern>, cond: Option<Expr>) -> MatchClause {
    MatchClause {
        optional,
        paths,
        where_: cond,
        span: NOWHERE,
    }
}

fn expr(kind: ExprKind) -> Expr {
    Expr::new(kind, NOWHERE)
}

/// A variable.
pub(crate) fn var(v: &str) -> Expr {
    expr(ExprKind::Var(v.to_string()))
}

/// `v.key`.
pub(crate) fn prop(v: &str, key: &str) -> Expr {
    expr(ExprKind::Prop(Box::new(var(v)), key.to_string()))
}

/// `name([distinct] args)`.
pub(crate) fn call(name: &str, distinct: bool, args: Vec<Expr>) -> Expr {
    expr(ExprKind::Call {
        name: name.to_string(),
        distinct,
        args,
    })
}

/// A string literal.
pub(crate) fn text(s: &str) -> Expr {
    expr(ExprKind::Lit(Literal::Str(s.to_string())))
}

/// A date literal (`date("…")`, never marked inferred).
pub(crate) fn date(d: &DateValue) -> Expr {
    expr(ExprKind::Lit(Literal::Date(DateValue {
        inferred: false,
        ..*d
    })))
}

/// `a op b`.
pub(crate) fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
    expr(ExprKind::Binary(op, Box::new(a), Box::new(b)))
}

/// `a and b and …`, grouped from the left as the parser groups it.
pub(crate) fn all(conds: Vec<Expr>) -> Option<Expr> {
    conds.into_iter().reduce(|a, b| bin(BinOp::And, a, b))
}

/// One returned column: `expr as alias`.
pub(crate) fn col(e: Expr, alias: &str) -> ReturnItem {
    ReturnItem {
        expr: e,
        alias: Some(alias.to_string()),
        span: NOWHERE,
    }
}

/// `order by` a column name (its alias), descending or not.
pub(crate) fn by(alias: &str, desc: bool) -> OrderItem {
    OrderItem {
        expr: var(alias),
        desc,
        span: NOWHERE,
    }
}

/// `clauses return [distinct] items order by … [limit n]`.
pub(crate) fn query(
    clauses: Vec<MatchClause>,
    distinct: bool,
    items: Vec<ReturnItem>,
    order: Vec<OrderItem>,
    limit: Option<u64>,
) -> PatternQuery {
    PatternQuery {
        clauses,
        ret: Return {
            distinct,
            items,
            span: NOWHERE,
        },
        order,
        skip: None,
        limit,
        span: NOWHERE,
    }
}

/// `match p return distinct items order by` the first item: a list of
/// what one step finds.
pub(crate) fn listing(p: PathPattern, items: Vec<ReturnItem>) -> PatternQuery {
    let first = items
        .first()
        .and_then(|i| i.alias.clone())
        .unwrap_or_default();
    query(
        vec![clause(false, vec![p], None)],
        true,
        items,
        vec![by(&first, false)],
        None,
    )
}
