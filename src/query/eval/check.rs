//! The static checks a pattern query passes before it runs: every
//! variable defined, every function known and given the right number of
//! arguments, aggregates only in `return` and `order by` and not nested.

use crate::query::ast::{Expr, ExprKind, PatternQuery, Span, AGGREGATES};
use crate::query::error::{ErrorKind, QueryError};
use crate::query::eval::functions::FUNCTIONS;
use fxhash::FxHashMap;

/// Check a query whose variables are `vars`.
pub(super) fn check(q: &PatternQuery, vars: &FxHashMap<String, usize>) -> Result<(), QueryError> {
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

/// Check `e` and what it contains: `known` says which names are
/// variables, `agg_ok` whether aggregates may appear here, `in_agg`
/// whether `e` is inside one.
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
        ExprKind::CountStar if !agg_ok || in_agg => return Err(misplaced_agg(e.span)),
        ExprKind::Call {
            name,
            distinct,
            args,
        } => {
            let is_aggregate = AGGREGATES.contains(&name.as_str());
            if is_aggregate && (!agg_ok || in_agg) {
                return Err(misplaced_agg(e.span));
            }
            check_call(name, *distinct, args.len(), is_aggregate, e.span)?;
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

/// A call names a known function, with as many arguments as it takes, and
/// `distinct` only on an aggregate.
fn check_call(
    name: &str,
    distinct: bool,
    given: usize,
    is_aggregate: bool,
    span: Span,
) -> Result<(), QueryError> {
    let arity = if is_aggregate {
        Some(1)
    } else {
        FUNCTIONS.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
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
                span,
            ));
        }
        Some(n) if n != given => {
            return Err(QueryError::invalid(
                format!(
                    "{name}() takes {n} argument{}, not {given}",
                    if n == 1 { "" } else { "s" },
                ),
                span,
            ))
        }
        _ => {}
    }
    if distinct && !is_aggregate {
        return Err(QueryError::invalid(
            format!("`distinct` applies to count, collect, min and max, not {name}()"),
            span,
        ));
    }
    Ok(())
}

/// Direct sub-expressions.
pub(super) fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Var(_) | ExprKind::CountStar => vec![],
        ExprKind::Prop(b, _) | ExprKind::Not(b) | ExprKind::IsNull(b, _) => vec![b],
        ExprKind::List(v) => v.iter().collect(),
        ExprKind::Binary(_, a, b) => vec![a, b],
        ExprKind::Call { args, .. } => args.iter().collect(),
    }
}

fn misplaced_agg(span: Span) -> QueryError {
    QueryError::new(
        ErrorKind::Invalid,
        "aggregates (count, collect, min, max) belong in `return` or `order by`, and do not nest",
        Some(span),
    )
}
