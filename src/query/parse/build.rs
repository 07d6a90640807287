//! From pest pairs to statements, questions, entity references, dates and
//! strings; one builder function per rule. Patterns and expressions are in
//! the sibling `pattern` module.

use super::{Rule, MAX_OPERATORS};
use crate::model::{DateValue, EdgeKind};
use crate::query::ast::*;
use crate::query::error::{ErrorKind, QueryError};
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::cell::Cell;
use std::sync::OnceLock;

pub(super) fn internal(rule: Rule, span: Span) -> QueryError {
    QueryError::new(
        ErrorKind::Invalid,
        format!("internal parser error: unexpected shape of rule `{rule:?}`"),
        Some(span),
    )
}

/// The first pair of `rule` among `pairs`, or an internal error naming the
/// parent rule.
pub(super) fn first<'i>(
    b: &Builder<'_>,
    mut pairs: Pairs<'i, Rule>,
    rule: Rule,
    parent: Rule,
) -> Result<Pair<'i, Rule>, QueryError> {
    pairs
        .find(|p| p.as_rule() == rule)
        .ok_or_else(|| internal(parent, Span::new(0, b.orig.len())))
}

pub(super) struct Builder<'a> {
    pub(super) orig: &'a str,
    pub(super) map: &'a [usize],
    pub(super) ops: Cell<usize>,
    /// How many expressions the builder is inside of (see `expr`).
    pub(super) depth: Cell<usize>,
}

pub(super) fn pratt() -> &'static PrattParser<Rule> {
    static P: OnceLock<PrattParser<Rule>> = OnceLock::new();
    P.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::op_or, Assoc::Left))
            .op(Op::infix(Rule::op_and, Assoc::Left))
            .op(Op::prefix(Rule::op_not))
            .op(Op::infix(Rule::op_eq, Assoc::Left)
                | Op::infix(Rule::op_ne, Assoc::Left)
                | Op::infix(Rule::op_lt, Assoc::Left)
                | Op::infix(Rule::op_le, Assoc::Left)
                | Op::infix(Rule::op_gt, Assoc::Left)
                | Op::infix(Rule::op_ge, Assoc::Left)
                | Op::infix(Rule::op_in, Assoc::Left)
                | Op::infix(Rule::op_contains, Assoc::Left)
                | Op::infix(Rule::op_starts_with, Assoc::Left)
                | Op::infix(Rule::op_ends_with, Assoc::Left))
            .op(Op::postfix(Rule::op_is_null) | Op::postfix(Rule::op_is_not_null))
    })
}

impl Builder<'_> {
    pub(super) fn span(&self, p: &Pair<'_, Rule>) -> Span {
        let s = p.as_span();
        let at = |i: usize| self.map.get(i).copied().unwrap_or(self.orig.len());
        Span::new(at(s.start()), at(s.end()))
    }

    /// The original text of a pair (accents and all).
    pub(super) fn text(&self, p: &Pair<'_, Rule>) -> &str {
        let s = self.span(p);
        self.orig.get(s.start..s.end).unwrap_or("")
    }

    pub(super) fn count_op(&self, span: Span) -> Result<(), QueryError> {
        self.ops.set(self.ops.get() + 1);
        if self.ops.get() > MAX_OPERATORS {
            return Err(QueryError::new(
                ErrorKind::Limit,
                format!("the query has more than {MAX_OPERATORS} operators"),
                Some(span),
            ));
        }
        Ok(())
    }

    pub(super) fn statement(&self, p: Pair<'_, Rule>) -> Result<Statement, QueryError> {
        let span = self.span(&p);
        let mut explain = false;
        let mut body = None;
        let mut as_of = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::kw_explain => explain = true,
                Rule::pattern_query => body = Some(Body::Pattern(self.pattern_query(c)?)),
                Rule::question => body = Some(Body::Question(self.question(c)?)),
                Rule::why_fact => body = Some(Body::Why(self.why(c)?)),
                Rule::annotation => body = Some(Body::Annotate(self.annotation(c)?)),
                Rule::as_of | Rule::known_lead => {
                    let d = first(self, c.into_inner(), Rule::q_date, Rule::as_of)?;
                    as_of = Some(self.q_date(d)?);
                }
                _ => {}
            }
        }
        let body = body.ok_or_else(|| internal(Rule::statement, span))?;
        Ok(Statement {
            explain,
            body,
            as_of,
            span,
        })
    }

    pub(super) fn annotation(&self, p: Pair<'_, Rule>) -> Result<AnnotationStmt, QueryError> {
        use crate::model::Action;
        let span = self.span(&p);
        let mut stmt = AnnotationStmt {
            action: Action::Assert,
            fact: AnnFact::Attr {
                node: EntityRef::Bare(String::new(), span),
                key: String::new(),
                value: String::new(),
                span,
            },
            source: None,
            reason: None,
            by: None,
            at: None,
            span,
        };
        let mut have_fact = false;
        for c in p.into_inner() {
            let cspan = self.span(&c);
            match c.as_rule() {
                Rule::ann_action => {
                    let kw = c
                        .into_inner()
                        .next()
                        .ok_or_else(|| internal(Rule::ann_action, cspan))?;
                    stmt.action = match kw.as_rule() {
                        Rule::kw_retract => Action::Retract,
                        Rule::kw_confirm => Action::Confirm,
                        Rule::kw_reject => Action::Reject,
                        _ => Action::Assert,
                    };
                }
                Rule::ann_edge => {
                    stmt.fact = self.ann_edge(c)?;
                    have_fact = true;
                }
                Rule::ann_attr => {
                    stmt.fact = self.ann_attr(c)?;
                    have_fact = true;
                }
                Rule::ann_clause => {
                    let inner = c
                        .into_inner()
                        .next()
                        .ok_or_else(|| internal(Rule::ann_clause, cspan))?;
                    let which = inner.as_rule();
                    let s = first(self, inner.into_inner(), Rule::string, which)?;
                    let v = Some(self.string(s)?);
                    match which {
                        Rule::ann_source => stmt.source = v,
                        Rule::ann_because => stmt.reason = v,
                        Rule::ann_by => stmt.by = v,
                        _ => stmt.at = v,
                    }
                }
                _ => {}
            }
        }
        if !have_fact {
            return Err(internal(Rule::annotation, span));
        }
        Ok(stmt)
    }

    /// `<from> <edge> [to] <to> [on <date>]`.
    fn ann_edge(&self, c: Pair<'_, Rule>) -> Result<AnnFact, QueryError> {
        let cspan = self.span(&c);
        let mut refs = Vec::new();
        let mut edge = None;
        let mut date = None;
        for k in c.into_inner() {
            match k.as_rule() {
                Rule::entity_ref => refs.push(self.entity_ref(k)?),
                Rule::edge_name => {
                    edge = Some(
                        EdgeKind::parse(self.text(&k))
                            .ok_or_else(|| internal(Rule::edge_name, cspan))?,
                    )
                }
                Rule::q_date => date = Some(self.q_date(k)?),
                _ => {}
            }
        }
        let mut refs = refs.into_iter();
        let (Some(from), Some(edge), Some(to)) = (refs.next(), edge, refs.next()) else {
            return Err(internal(Rule::ann_edge, cspan));
        };
        Ok(AnnFact::Edge {
            from,
            edge,
            to,
            date,
            span: cspan,
        })
    }

    /// `<node> has <key> "<value>"`.
    fn ann_attr(&self, c: Pair<'_, Rule>) -> Result<AnnFact, QueryError> {
        let cspan = self.span(&c);
        let mut node = None;
        let mut key = None;
        let mut value = None;
        for k in c.into_inner() {
            match k.as_rule() {
                Rule::entity_ref => node = Some(self.entity_ref(k)?),
                Rule::key_name => key = Some(self.text(&k).trim_matches('`').to_string()),
                Rule::string => value = Some(self.string(k)?),
                _ => {}
            }
        }
        let (Some(node), Some(key), Some(value)) = (node, key, value) else {
            return Err(internal(Rule::ann_attr, cspan));
        };
        Ok(AnnFact::Attr {
            node,
            key,
            value,
            span: cspan,
        })
    }

    pub(super) fn why(&self, p: Pair<'_, Rule>) -> Result<Why, QueryError> {
        let span = self.span(&p);
        let mut refs = Vec::new();
        let mut edge = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::entity_ref => refs.push(self.entity_ref(c)?),
                Rule::fact_edge => {
                    let cspan = self.span(&c);
                    let inner = c
                        .into_inner()
                        .next()
                        .ok_or_else(|| internal(Rule::fact_edge, cspan))?;
                    edge = Some(match inner.as_rule() {
                        Rule::kw_awaits => EdgeKind::Awaits,
                        _ => EdgeKind::parse(self.text(&inner))
                            .ok_or_else(|| internal(Rule::edge_name, cspan))?,
                    });
                }
                _ => {}
            }
        }
        let mut refs = refs.into_iter();
        match (refs.next(), edge, refs.next()) {
            (Some(subject), Some(edge), Some(object)) => Ok(Why {
                subject,
                edge,
                object,
                span,
            }),
            _ => Err(internal(Rule::why_fact, span)),
        }
    }

    /// An entity reference (`entity_ref` or `path_start`).
    pub(super) fn entity_ref(&self, p: Pair<'_, Rule>) -> Result<EntityRef, QueryError> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let inner = p.into_inner().next().ok_or_else(|| internal(rule, span))?;
        let s = self.span(&inner);
        Ok(match inner.as_rule() {
            Rule::string => EntityRef::Quoted(self.string(inner)?, s),
            Rule::entity_id => EntityRef::Id(self.text(&inner).to_string(), s),
            Rule::bare_name
            | Rule::bare_name_a
            | Rule::bare_name_n
            | Rule::agreement_num
            | Rule::meeting_name
            | Rule::acronym
            | Rule::title_words => EntityRef::Bare(self.text(&inner).trim().to_string(), s),
            other => return Err(internal(other, s)),
        })
    }

    pub(super) fn q_date(&self, p: Pair<'_, Rule>) -> Result<DateLit, QueryError> {
        let span = self.span(&p);
        // `the year 2002`: the words before the year say nothing more.
        let inner = p
            .into_inner()
            .find(|k| {
                matches!(
                    k.as_rule(),
                    Rule::date_lit | Rule::part_date | Rule::human_date | Rule::year
                )
            })
            .ok_or_else(|| internal(Rule::q_date, span))?;
        match inner.as_rule() {
            Rule::human_date => self.human_date(inner),
            Rule::part_date => self.part_date(inner),
            Rule::year => {
                let y: i32 = self
                    .text(&inner)
                    .parse()
                    .map_err(|_| QueryError::syntax("expected a year like 2002", span))?;
                Ok(DateLit {
                    value: DateValue::year(y),
                    span,
                })
            }
            _ => Ok(DateLit {
                value: self.date_lit(inner)?,
                span,
            }),
        }
    }

    /// `31 de diciembre de 2002`, `October 2002`, `the end of 2002`: read
    /// as extraction reads dates in reports; `end of` is its last day.
    /// `the second half of 2002`, `el primer trimestre de 2003`.
    fn part_date(&self, p: Pair<'_, Rule>) -> Result<DateLit, QueryError> {
        let span = self.span(&p);
        let (mut nth, mut months, mut year) = (0u8, 6u8, None);
        for k in p.into_inner() {
            match k.as_rule() {
                Rule::kw_first => nth = 1,
                Rule::kw_second => nth = 2,
                Rule::kw_third => nth = 3,
                Rule::kw_fourth => nth = 4,
                Rule::kw_quarter => months = 3,
                Rule::year => year = self.text(&k).parse::<i32>().ok(),
                _ => {}
            }
        }
        let (Some(y), true) = (year, nth >= 1 && u32::from(nth) * u32::from(months) <= 12) else {
            return Err(QueryError::syntax("not a part of a year", span));
        };
        let first = (nth - 1) * months + 1;
        let value = DateValue::range(
            DateValue::month(y, first),
            DateValue::month(y, first + months - 1),
        );
        Ok(DateLit { value, span })
    }

    /// A month with no year (`between July and December 2002`), in the
    /// year of the date after it (the year before, if it is a later month).
    pub(super) fn month_before(
        &self,
        p: &Pair<'_, Rule>,
        to: &DateLit,
    ) -> Result<DateLit, QueryError> {
        let span = self.span(p);
        let word = full_month(self.text(p));
        let read = |y: i32| {
            crate::ingest::dates::parse_one(
                &format!("{word} {y}"),
                &crate::ingest::dates::DateContext::default(),
            )
        };
        let year = to.value.end.year;
        let value = match read(year) {
            Some(d) if d.start > to.value.end => read(year - 1),
            other => other,
        }
        .ok_or_else(|| QueryError::syntax(format!("not a month: {word}"), span))?;
        Ok(DateLit { value, span })
    }

    fn human_date(&self, p: Pair<'_, Rule>) -> Result<DateLit, QueryError> {
        let span = self.span(&p);
        let text = self.text(&p);
        let parts: Vec<Pair<'_, Rule>> = p.into_inner().collect();
        // After `end of`, the date whose last day is meant.
        let at_end = parts.iter().position(|k| k.as_rule() == Rule::kw_fin);
        let date_words: Vec<String> = parts
            .iter()
            .skip(at_end.map_or(0, |i| i + 2))
            .map(|k| full_month(self.text(k)))
            .collect();
        let read = crate::ingest::dates::parse_one(
            &date_words.join(" "),
            &crate::ingest::dates::DateContext::default(),
        )
        .ok_or_else(|| QueryError::syntax(format!("not a date: {text}"), span))?;
        let value = if at_end.is_some() {
            DateValue::day(read.end)
        } else {
            read
        };
        Ok(DateLit { value, span })
    }

    pub(super) fn date_lit(&self, p: Pair<'_, Rule>) -> Result<DateValue, QueryError> {
        let span = self.span(&p);
        let inner = p
            .into_inner()
            .next()
            .ok_or_else(|| internal(Rule::date_lit, span))?;
        let text = match inner.as_rule() {
            Rule::bare_date => self.text(&inner).to_string(),
            _ => {
                let s = first(self, inner.into_inner(), Rule::string, Rule::date_call)?;
                self.string(s)?
            }
        };
        DateValue::parse_iso(&text).ok_or_else(|| {
            QueryError::syntax(
                format!("`{text}` is not a date: write 2002-12-31, 2002-12 or 2002"),
                span,
            )
        })
    }

    /// The character of a `\u{hex}` escape, its `{` next in `chars`.
    fn code_point(&self, chars: &mut std::str::Chars<'_>, span: Span) -> Result<char, QueryError> {
        let rest = chars.as_str();
        let close = rest.find('}').ok_or_else(|| internal(Rule::string, span))?;
        let hex = rest.get(1..close).unwrap_or("");
        *chars = rest[close + 1..].chars();
        u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| QueryError::syntax(format!("`\\u{{{hex}}}` is not a character"), span))
    }

    pub(super) fn string(&self, p: Pair<'_, Rule>) -> Result<String, QueryError> {
        let span = self.span(&p);
        let inner = p
            .into_inner()
            .next()
            .ok_or_else(|| internal(Rule::string, span))?;
        let raw = self.text(&inner);
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('u') => out.push(self.code_point(&mut chars, span)?),
                Some(other) => out.push(other),
                None => return Err(internal(Rule::string, span)),
            }
        }
        Ok(out)
    }
}

/// A month's abbreviation (`Aug`, `ago.`, `Sept`) as its full name, as the
/// date reader knows them; any other word as it is.
fn full_month(word: &str) -> String {
    const SHORT: [(&str, &str); 17] = [
        ("jan", "enero"),
        ("ene", "enero"),
        ("feb", "febrero"),
        ("mar", "marzo"),
        ("apr", "abril"),
        ("abr", "abril"),
        ("jun", "junio"),
        ("jul", "julio"),
        ("aug", "agosto"),
        ("ago", "agosto"),
        ("sep", "septiembre"),
        ("sept", "septiembre"),
        ("oct", "octubre"),
        ("nov", "noviembre"),
        ("dec", "diciembre"),
        ("dic", "diciembre"),
        ("may", "mayo"),
    ];
    let key = crate::text::normalize(word.trim_end_matches('.'));
    SHORT
        .iter()
        .find(|(short, _)| *short == key)
        .map_or_else(|| word.to_string(), |(_, full)| (*full).to_string())
}
