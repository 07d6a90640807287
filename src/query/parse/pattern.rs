//! From pest pairs to pattern queries: match clauses, node and edge
//! patterns, property maps, return/order, and expressions by precedence
//! climbing (or < and < not < comparisons < is null).

use super::build::{first, internal, pratt, Builder};
use super::{Rule, MAX_HOPS, MAX_NESTING};
use crate::model::{EdgeKind, Kind};
use crate::query::ast::*;
use crate::query::error::{ErrorKind, QueryError};
use pest::iterators::Pair;

impl Builder<'_> {
    // ---- patterns ----

    pub(super) fn pattern_query(&self, p: Pair<'_, Rule>) -> Result<PatternQuery, QueryError> {
        let span = self.span(&p);
        let mut clauses = Vec::new();
        let mut ret = None;
        let mut order = Vec::new();
        let mut skip = None;
        let mut limit = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::match_clause => clauses.push(self.match_clause(c)?),
                Rule::return_clause => ret = Some(self.return_clause(c)?),
                Rule::order_clause => {
                    for o in c.into_inner().filter(|o| o.as_rule() == Rule::order_item) {
                        order.push(self.order_item(o)?);
                    }
                }
                Rule::skip_clause => skip = Some(self.count(c)?),
                Rule::limit_clause => limit = Some(self.count(c)?),
                _ => {}
            }
        }
        Ok(PatternQuery {
            clauses,
            ret: ret.ok_or_else(|| internal(Rule::pattern_query, span))?,
            order,
            skip,
            limit,
            span,
        })
    }

    pub(super) fn count(&self, p: Pair<'_, Rule>) -> Result<u64, QueryError> {
        let rule = p.as_rule();
        let n = first(self, p.into_inner(), Rule::count, rule)?;
        let span = self.span(&n);
        self.text(&n)
            .parse()
            .map_err(|_| QueryError::syntax("this number is too large", span))
    }

    pub(super) fn match_clause(&self, p: Pair<'_, Rule>) -> Result<MatchClause, QueryError> {
        let span = self.span(&p);
        let mut optional = false;
        let mut paths = Vec::new();
        let mut where_ = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::kw_optional => optional = true,
                Rule::path_pattern => paths.push(self.path_pattern(c)?),
                Rule::where_clause => {
                    let e = first(self, c.into_inner(), Rule::expr, Rule::where_clause)?;
                    where_ = Some(self.expr(e)?);
                }
                _ => {}
            }
        }
        Ok(MatchClause {
            optional,
            paths,
            where_,
            span,
        })
    }

    pub(super) fn path_pattern(&self, p: Pair<'_, Rule>) -> Result<PathPattern, QueryError> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let start = match it.next() {
            Some(n) if n.as_rule() == Rule::node_pattern => self.node_pattern(n)?,
            _ => return Err(internal(Rule::path_pattern, span)),
        };
        let mut steps = Vec::new();
        while let Some(r) = it.next() {
            // Each edge is one level of the matcher's recursion.
            self.count_op(self.span(&r))?;
            let rel = self.rel_pattern(r)?;
            let node = match it.next() {
                Some(n) => self.node_pattern(n)?,
                None => return Err(internal(Rule::path_pattern, span)),
            };
            steps.push((rel, node));
        }
        Ok(PathPattern { start, steps, span })
    }

    pub(super) fn node_pattern(&self, p: Pair<'_, Rule>) -> Result<NodePattern, QueryError> {
        let span = self.span(&p);
        let mut n = NodePattern {
            var: None,
            kinds: Vec::new(),
            props: Vec::new(),
            span,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::variable => n.var = Some(self.ident(c)?),
                Rule::node_labels => {
                    for l in c.into_inner() {
                        let text = self.text(&l);
                        let kind = Kind::parse(text).ok_or_else(|| {
                            QueryError::syntax(
                                format!(
                                    "`{text}` is not a node kind; kinds are {}",
                                    Kind::ALL.map(|k| k.as_str()).join(", ")
                                ),
                                self.span(&l),
                            )
                        })?;
                        if !n.kinds.contains(&kind) {
                            n.kinds.push(kind);
                        }
                    }
                }
                Rule::prop_map => n.props = self.prop_map(c)?,
                _ => return Err(internal(Rule::node_pattern, span)),
            }
        }
        Ok(n)
    }

    pub(super) fn rel_pattern(&self, p: Pair<'_, Rule>) -> Result<RelPattern, QueryError> {
        let span = self.span(&p);
        let (mut left, mut right) = (false, false);
        let mut r = RelPattern {
            var: None,
            kinds: Vec::new(),
            dir: Direction::Either,
            hops: None,
            props: Vec::new(),
            span,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::arrow_left => left = true,
                Rule::arrow_right => right = true,
                Rule::rel_detail => {
                    for d in c.into_inner() {
                        match d.as_rule() {
                            Rule::variable => r.var = Some(self.ident(d)?),
                            Rule::rel_types => {
                                for l in d.into_inner() {
                                    let text = self.text(&l);
                                    let kind = EdgeKind::parse(text).ok_or_else(|| {
                                        QueryError::syntax(
                                            format!(
                                                "`{text}` is not an edge type; types are {}",
                                                EdgeKind::ALL.map(|k| k.as_str()).join(", ")
                                            ),
                                            self.span(&l),
                                        )
                                    })?;
                                    if !r.kinds.contains(&kind) {
                                        r.kinds.push(kind);
                                    }
                                }
                            }
                            Rule::hops => r.hops = Some(self.hops(d)?),
                            Rule::prop_map => r.props = self.prop_map(d)?,
                            _ => return Err(internal(Rule::rel_detail, span)),
                        }
                    }
                }
                _ => {}
            }
        }
        r.dir = match (left, right) {
            (false, true) => Direction::Right,
            (true, false) => Direction::Left,
            (false, false) => Direction::Either,
            (true, true) => {
                return Err(QueryError::syntax(
                    "an edge pattern points one way (`-[]->`, `<-[]-`) or either way (`-[]-`), not both",
                    span,
                ))
            }
        };
        Ok(r)
    }

    pub(super) fn hops(&self, p: Pair<'_, Rule>) -> Result<(u32, Option<u32>), QueryError> {
        let span = self.span(&p);
        let num = |q: &Pair<'_, Rule>| -> Result<u32, QueryError> {
            self.text(q)
                .parse::<u32>()
                .map_err(|_| QueryError::syntax("this number is too large", self.span(q)))
        };
        let (mut min, mut max, mut range) = (None, None, false);
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::hop_min => min = Some(num(&c)?),
                Rule::hop_max => max = Some(num(&c)?),
                Rule::hop_range => range = true,
                _ => {}
            }
        }
        let (lo, hi) = match (min, range, max) {
            (None, _, m) => (1, m),
            (Some(n), false, _) => (n, Some(n)),
            (Some(n), true, m) => (n, m),
        };
        if let Some(h) = hi {
            if h < lo {
                return Err(QueryError::invalid(
                    format!("the length `*{lo}..{h}` is empty: the upper bound is below the lower"),
                    span,
                ));
            }
            if h > MAX_HOPS {
                return Err(QueryError::new(
                    ErrorKind::Limit,
                    format!("a variable-length edge may have at most {MAX_HOPS} hops"),
                    Some(span),
                ));
            }
        }
        if lo > MAX_HOPS {
            return Err(QueryError::new(
                ErrorKind::Limit,
                format!("a variable-length edge may have at most {MAX_HOPS} hops"),
                Some(span),
            ));
        }
        Ok((lo, hi))
    }

    pub(super) fn prop_map(&self, p: Pair<'_, Rule>) -> Result<Vec<(String, Literal)>, QueryError> {
        let mut out = Vec::new();
        for pair in p.into_inner() {
            let span = self.span(&pair);
            let mut it = pair.into_inner();
            let (Some(k), Some(v)) = (it.next(), it.next()) else {
                return Err(internal(Rule::prop_pair, span));
            };
            out.push((self.ident(k)?, self.literal(v)?));
        }
        Ok(out)
    }

    /// A variable or key name: the original text, without backticks.
    pub(super) fn ident(&self, p: Pair<'_, Rule>) -> Result<String, QueryError> {
        let span = self.span(&p);
        let inner = p
            .into_inner()
            .next()
            .ok_or_else(|| internal(Rule::variable, span))?;
        let text = self.text(&inner);
        Ok(match inner.as_rule() {
            Rule::backticked => text
                .get(1..text.len().saturating_sub(1))
                .unwrap_or("")
                .to_string(),
            _ => text.to_string(),
        })
    }

    pub(super) fn literal(&self, p: Pair<'_, Rule>) -> Result<Literal, QueryError> {
        let span = self.span(&p);
        let inner = p
            .into_inner()
            .next()
            .ok_or_else(|| internal(Rule::literal, span))?;
        Ok(match inner.as_rule() {
            Rule::date_lit => Literal::Date(self.date_lit(inner)?),
            Rule::string => Literal::Str(self.string(inner)?),
            Rule::number => {
                Literal::Int(self.text(&inner).parse().map_err(|_| {
                    QueryError::syntax("this number is too large", self.span(&inner))
                })?)
            }
            Rule::kw_true => Literal::Bool(true),
            Rule::kw_false => Literal::Bool(false),
            Rule::kw_null => Literal::Null,
            other => return Err(internal(other, span)),
        })
    }

    pub(super) fn return_clause(&self, p: Pair<'_, Rule>) -> Result<Return, QueryError> {
        let span = self.span(&p);
        let mut ret = Return {
            distinct: false,
            items: Vec::new(),
            span,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::kw_distinct => ret.distinct = true,
                Rule::return_item => {
                    let ispan = self.span(&c);
                    let mut expr = None;
                    let mut alias = None;
                    for i in c.into_inner() {
                        match i.as_rule() {
                            Rule::expr => expr = Some(self.expr(i)?),
                            Rule::variable => alias = Some(self.ident(i)?),
                            _ => {}
                        }
                    }
                    ret.items.push(ReturnItem {
                        expr: expr.ok_or_else(|| internal(Rule::return_item, ispan))?,
                        alias,
                        span: ispan,
                    });
                }
                _ => {}
            }
        }
        Ok(ret)
    }

    pub(super) fn order_item(&self, p: Pair<'_, Rule>) -> Result<OrderItem, QueryError> {
        let span = self.span(&p);
        let mut expr = None;
        let mut desc = false;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::expr => expr = Some(self.expr(c)?),
                Rule::kw_desc | Rule::kw_descending => desc = true,
                _ => {}
            }
        }
        Ok(OrderItem {
            expr: expr.ok_or_else(|| internal(Rule::order_item, span))?,
            desc,
            span,
        })
    }

    // ---- expressions ----

    /// An expression. Each one inside brackets (`(…)`, `[…]`, a function's
    /// arguments) is one level deeper: the depth is bounded here, whatever
    /// the check on the raw text let through, so no input recurses deeper
    /// than [`MAX_NESTING`] levels in the builder or the evaluator.
    pub(super) fn expr(&self, p: Pair<'_, Rule>) -> Result<Expr, QueryError> {
        let span = self.span(&p);
        let depth = self.depth.get() + 1;
        if depth > MAX_NESTING {
            return Err(QueryError::new(
                ErrorKind::Limit,
                format!("brackets nest more than {MAX_NESTING} deep"),
                Some(Span::new(span.start, span.start + 1)),
            ));
        }
        // The precedence climber recurses once per `not` in a row.
        let mut nots = p
            .clone()
            .into_inner()
            .filter(|o| o.as_rule() == Rule::op_not);
        if let Some(o) = nots.nth(MAX_NESTING) {
            return Err(QueryError::new(
                ErrorKind::Limit,
                format!("more than {MAX_NESTING} `not`s in one condition"),
                Some(self.span(&o)),
            ));
        }
        self.depth.set(depth);
        let e = self.climb(p);
        self.depth.set(depth - 1);
        e
    }

    fn climb(&self, p: Pair<'_, Rule>) -> Result<Expr, QueryError> {
        pratt()
            .map_primary(|t| self.term(t))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let s = self.span(&op);
                self.count_op(s)?;
                let span = Span::new(s.start, rhs.span.end);
                Ok(Expr::new(ExprKind::Not(Box::new(rhs)), span))
            })
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                let s = self.span(&op);
                self.count_op(s)?;
                let span = Span::new(lhs.span.start, s.end);
                let not = op.as_rule() == Rule::op_is_not_null;
                Ok(Expr::new(ExprKind::IsNull(Box::new(lhs), not), span))
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let s = self.span(&op);
                self.count_op(s)?;
                let bin = match op.as_rule() {
                    Rule::op_or => BinOp::Or,
                    Rule::op_and => BinOp::And,
                    Rule::op_eq => BinOp::Eq,
                    Rule::op_ne => BinOp::Ne,
                    Rule::op_lt => BinOp::Lt,
                    Rule::op_le => BinOp::Le,
                    Rule::op_gt => BinOp::Gt,
                    Rule::op_ge => BinOp::Ge,
                    Rule::op_in => BinOp::In,
                    Rule::op_contains => BinOp::Contains,
                    Rule::op_starts_with => BinOp::StartsWith,
                    Rule::op_ends_with => BinOp::EndsWith,
                    other => return Err(internal(other, s)),
                };
                let span = Span::new(lhs.span.start, rhs.span.end);
                Ok(Expr::new(
                    ExprKind::Binary(bin, Box::new(lhs), Box::new(rhs)),
                    span,
                ))
            })
            .parse(p.into_inner())
    }

    pub(super) fn term(&self, p: Pair<'_, Rule>) -> Result<Expr, QueryError> {
        let span = self.span(&p);
        if p.as_rule() != Rule::term {
            return Err(internal(Rule::expr, span));
        }
        let mut it = p.into_inner();
        let atom = it.next().ok_or_else(|| internal(Rule::term, span))?;
        let mut e = self.atom(atom)?;
        for key in it {
            // Property chains nest like operators: count them too.
            self.count_op(self.span(&key))?;
            let k = self.ident(key)?;
            let s = Span::new(e.span.start, span.end);
            e = Expr::new(ExprKind::Prop(Box::new(e), k), s);
        }
        Ok(e)
    }

    pub(super) fn atom(&self, p: Pair<'_, Rule>) -> Result<Expr, QueryError> {
        let span = self.span(&p);
        let kind = match p.as_rule() {
            Rule::literal => ExprKind::Lit(self.literal(p)?),
            Rule::count_star => ExprKind::CountStar,
            Rule::variable => ExprKind::Var(self.ident(p)?),
            Rule::paren_expr => {
                let e = first(self, p.into_inner(), Rule::expr, Rule::paren_expr)?;
                let mut inner = self.expr(e)?;
                inner.span = span;
                return Ok(inner);
            }
            Rule::list => ExprKind::List(
                p.into_inner()
                    .filter(|c| c.as_rule() == Rule::expr)
                    .map(|c| self.expr(c))
                    .collect::<Result<_, _>>()?,
            ),
            Rule::func_call => {
                let mut name = String::new();
                let mut distinct = false;
                let mut args = Vec::new();
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::raw_ident => name = self.text(&c).to_lowercase(),
                        Rule::kw_distinct => distinct = true,
                        Rule::expr => args.push(self.expr(c)?),
                        _ => {}
                    }
                }
                ExprKind::Call {
                    name,
                    distinct,
                    args,
                }
            }
            other => return Err(internal(other, span)),
        };
        Ok(Expr::new(kind, span))
    }
}
