//! From query text to the syntax tree: limits checked on the raw text,
//! accents folded for keyword matching, pest (grammar/query.pest) for the
//! syntax, one builder function per rule, and syntax errors worded for a
//! researcher (`expected a node pattern like (a:agreement)`), with the
//! line and column of the original text.
//!
//! Walking the pest pairs never unwraps: a pair that is not where the
//! grammar puts it is reported as an internal error that names the rule.

use super::ast::*;
use super::error::{ErrorKind, QueryError};
use crate::model::{DateValue, EdgeKind, Kind};
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser;
use std::cell::Cell;
use std::sync::OnceLock;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/query.pest"]
struct QueryParser;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 32 * 1024;
/// Deepest nesting of `(`, `[` and `{` accepted.
pub const MAX_NESTING: usize = 64;
/// Most operators (`and`, `=`, `not`...) in one query.
pub const MAX_OPERATORS: usize = 256;
/// Largest upper bound of a variable-length edge pattern.
pub const MAX_HOPS: u32 = 20;

/// Parse one query.
pub fn parse(text: &str) -> Result<Statement, QueryError> {
    parse_unlocated(text).map_err(|e| e.locate(text))
}

fn parse_unlocated(text: &str) -> Result<Statement, QueryError> {
    precheck(text)?;
    let folded = fold(text);
    enable_error_detail();
    let mut pairs = QueryParser::parse(Rule::query, &folded.text)
        .map_err(|e| syntax_error(&e, &folded, text))?;
    let b = Builder {
        orig: text,
        map: &folded.map,
        ops: Cell::new(0),
    };
    let query = pairs
        .next()
        .ok_or_else(|| internal(Rule::query, Span::new(0, text.len())))?;
    let statement = first(&b, query.into_inner(), Rule::statement, Rule::query)?;
    b.statement(statement)
}

fn enable_error_detail() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| pest::set_error_detail(true));
}

// ---- limits on the raw text ---------------------------------------------------

/// Refuse input that would make the parser work too hard or recurse too
/// deep, before pest sees it: overall length, bracket nesting (outside
/// double-quoted strings) and the number of `not`s, which nest.
fn precheck(text: &str) -> Result<(), QueryError> {
    if text.len() > MAX_QUERY_BYTES {
        return Err(QueryError::new(
            ErrorKind::Limit,
            format!(
                "the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted",
                text.len()
            ),
            None,
        ));
    }
    if text.trim().is_empty() {
        return Err(QueryError::syntax(
            "the query is empty: ask a question (like `meetings in Guatemala`) or write a pattern (like `match (a:agreement) return a`)",
            Span::new(0, text.len()),
        ));
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(QueryError::new(
                        ErrorKind::Limit,
                        format!("brackets nest more than {MAX_NESTING} deep"),
                        Some(Span::new(i, i + 1)),
                    ));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let nots = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.eq_ignore_ascii_case("not"))
        .count();
    if nots > MAX_NESTING {
        return Err(QueryError::new(
            ErrorKind::Limit,
            format!("the query has {nots} `not`s; at most {MAX_NESTING} are accepted"),
            None,
        ));
    }
    Ok(())
}

// ---- accent folding -------------------------------------------------------------

/// The query with accented letters folded to their ASCII base letter and
/// combining accents after letters removed, and for every byte of it the offset of
/// the byte of the original it came from.
struct Folded {
    text: String,
    map: Vec<usize>,
}

fn fold(original: &str) -> Folded {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut text = String::with_capacity(original.len());
    let mut map = Vec::with_capacity(original.len() + 1);
    for (o, c) in original.char_indices() {
        // An accent written as a separate mark after a letter folds away
        // with it; a mark anywhere else (say, first in a string) is kept.
        if is_combining_mark(c)
            && text
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphabetic())
        {
            continue;
        }
        let mut base = None;
        let mut marks_only = true;
        decompose_canonical(c, |d| {
            if base.is_none() {
                base = Some(d);
            } else if !is_combining_mark(d) {
                marks_only = false;
            }
        });
        match base {
            Some(b) if b != c && b.is_ascii_alphabetic() && marks_only => {
                text.push(b);
                map.push(o);
            }
            _ => {
                text.push(c);
                map.extend((0..c.len_utf8()).map(|k| o + k));
            }
        }
    }
    map.push(original.len());
    Folded { text, map }
}

// ---- syntax errors ----------------------------------------------------------------

/// What a rule stands for, in words, for "expected ..." messages.
fn describe(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    Some(match rule {
        EOI => "the end of the query",
        query | statement => {
            "a question (like `meetings in Guatemala`) or a pattern (like `match (a:agreement) return a`)"
        }
        question => "a question (like `meetings in Guatemala`)",
        as_of => "`as of` and a date",
        q_awaiting => "`agreements from <meeting> awaiting responses`",
        q_from_meeting => "`from` and a meeting (like `from VII CRM`)",
        q_pending => "`awaiting responses` (or `pendientes de respuesta`)",
        q_from_countries => "`from which countries`",
        q_not_responded => "`countries that have not responded to <agreement>`",
        q_meetings => "`meetings in <place or year>`",
        q_mentioning => "`sections mentioning <entity or \"phrase\">`",
        q_events => "`events between <date> and <date>`",
        q_path => "`path from <entity> to <entity>`",
        path_start => "a name, an id or a quoted name",
        q_show => "`show <entity>`",
        why_fact => "`why <entity> awaits <entity>`",
        fact_edge => "an edge type like `awaits` or `adopted_at`",
        edge_name => "an edge type like `adopted_at`",
        entity_ref => "a name (like `VII CRM`), an id (like `meeting:crm-07`) or a quoted name",
        entity_id => "an id like `meeting:crm-07`",
        bare_name | bare_name_a | name_word => "a name",
        q_date => "a date like 2002-12-31 or a year like 2002",
        year => "a year like 2002",
        pattern_query => "a pattern query (`match ... return ...`)",
        match_clause => "`match` and a pattern",
        where_clause => "`where` and a condition",
        path_pattern | node_pattern => "a node pattern like (a:agreement)",
        node_labels => "a node kind like `:agreement`",
        label => "a kind name like `agreement` or an edge type like `adopted_at`",
        rel_pattern => "an edge pattern like -[:adopted_at]->",
        arrow_left | arrow_right => "an arrow",
        rel_detail => "an edge pattern like [:adopted_at]",
        rel_types => "an edge type like `:adopted_at`",
        hops => "a length like `*1..3`",
        hop_range => "`..`",
        hop_min | hop_max | count => "a whole number",
        prop_map => "a property map like {name: \"VII CRM\"}",
        prop_pair => "a property like `name: \"VII CRM\"`",
        return_clause => "`return` and what to return",
        return_item => "an expression to return",
        order_clause => "`order by`",
        order_item => "an expression to order by",
        skip_clause => "`skip`",
        limit_clause => "`limit`",
        expr | term | paren_expr => "an expression",
        op_not => "`not`",
        op_is_null => "`is null`",
        op_is_not_null => "`is not null`",
        op_or => "`or`",
        op_and => "`and`",
        op_le | op_ge | op_ne | op_lt | op_gt | op_eq => "a comparison like `=` or `<`",
        op_in => "`in`",
        op_contains => "`contains`",
        op_starts_with => "`starts with`",
        op_ends_with => "`ends with`",
        count_star => "`count(*)`",
        func_call => "a function call",
        list => "a list like [\"a\", \"b\"]",
        literal => "a value (a string, number, date, true, false or null)",
        date_lit | bare_date | date_call => "a date like 2002-12-31",
        number => "a number",
        string | dq_inner | sq_inner => "a quoted string",
        variable => "a variable name",
        key_name => "a property name",
        raw_ident => "a name",
        backticked => "a `quoted` name",
        kw_match => "`match`",
        kw_optional => "`optional`",
        kw_where => "`where`",
        kw_return => "`return`",
        kw_order => "`order by`",
        kw_by => "`by`",
        kw_skip => "`skip`",
        kw_limit => "`limit`",
        kw_distinct => "`distinct`",
        kw_ascending | kw_asc | kw_descending | kw_desc => "`asc` or `desc`",
        kw_and | kw_y => "`and`",
        kw_or => "`or`",
        kw_not => "`not`",
        kw_in | kw_en => "`in`",
        kw_as => "`as`",
        kw_of => "`of`",
        kw_explain => "`explain`",
        kw_why => "`why`",
        kw_to | kw_hasta | kw_a => "`to`",
        kw_from | kw_de | kw_del | kw_desde => "`from`",
        kw_countries => "`countries`",
        kw_responses => "`responses`",
        kw_responded => "`responded`",
        kw_awaits => "`awaits`",
        kw_between | kw_entre => "`between`",
        WHITESPACE | COMMENT => return None,
        _ => return None,
    })
}

fn syntax_error(e: &pest::error::Error<Rule>, folded: &Folded, original: &str) -> QueryError {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let start = folded.map.get(pos).copied().unwrap_or(original.len());
    // Underline the word (or character) found where something else was
    // expected.
    let rest = &original[start..];
    let word_len = rest
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i)
        .min(40);
    let end = if word_len == 0 {
        start
    } else {
        let mut end = start + word_len;
        while !original.is_char_boundary(end) {
            end -= 1;
        }
        end
    };
    let span = Span::new(start, end);
    let mut expected: Vec<String> = Vec::new();
    let mut pattern_expected = false;
    let mut unexpected: Vec<String> = Vec::new();
    match &e.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => {
            for r in positives {
                pattern_expected |= matches!(
                    r,
                    Rule::prop_map
                        | Rule::prop_pair
                        | Rule::node_labels
                        | Rule::rel_detail
                        | Rule::rel_types
                        | Rule::hops
                        | Rule::expr
                        | Rule::term
                        | Rule::list
                        | Rule::literal
                        | Rule::key_name
                        | Rule::variable
                        | Rule::return_item
                        | Rule::order_item
                        | Rule::path_pattern
                        | Rule::node_pattern
                        | Rule::rel_pattern
                        | Rule::op_or
                        | Rule::op_and
                );
                if let Some(d) = describe(*r) {
                    push_unique(&mut expected, d.to_string());
                }
            }
            for r in negatives {
                if let Some(d) = describe(*r) {
                    push_unique(&mut unexpected, d.to_string());
                }
            }
        }
        ErrorVariant::CustomError { message } => {
            return QueryError::syntax(message.clone(), span);
        }
    }
    if let Some(attempts) = e.parse_attempts() {
        // Within patterns, closing brackets and commas are worth naming;
        // in questions they only come from names, which may contain them.
        if attempts.max_position == pos && pattern_expected {
            for t in attempts.expected_tokens() {
                // Only closing brackets and commas: keywords and the rest
                // are named rules, described above.
                let token = t.to_string();
                if matches!(token.as_str(), ")" | "]" | "}" | ",") {
                    push_unique(&mut expected, format!("`{token}`"));
                }
            }
        }
    }
    let found = if start >= original.len() {
        "the end of the query".to_string()
    } else {
        format!("`{}`", &original[start..end])
    };
    let message = if !expected.is_empty() {
        format!("expected {}, found {found}", join_or(&expected))
    } else if !unexpected.is_empty() {
        format!("unexpected {}", join_or(&unexpected))
    } else {
        format!("unexpected {found}")
    };
    QueryError::syntax(message, span)
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

// ---- building the tree ---------------------------------------------------------------

fn internal(rule: Rule, span: Span) -> QueryError {
    QueryError::new(
        ErrorKind::Invalid,
        format!("internal parser error: unexpected shape of rule `{rule:?}`"),
        Some(span),
    )
}

/// The first pair of `rule` among `pairs`, or an internal error naming the
/// parent rule.
fn first<'i>(
    b: &Builder<'_>,
    mut pairs: Pairs<'i, Rule>,
    rule: Rule,
    parent: Rule,
) -> Result<Pair<'i, Rule>, QueryError> {
    pairs
        .find(|p| p.as_rule() == rule)
        .ok_or_else(|| internal(parent, Span::new(0, b.orig.len())))
}

struct Builder<'a> {
    orig: &'a str,
    map: &'a [usize],
    ops: Cell<usize>,
}

fn pratt() -> &'static PrattParser<Rule> {
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
    fn span(&self, p: &Pair<'_, Rule>) -> Span {
        let s = p.as_span();
        let at = |i: usize| self.map.get(i).copied().unwrap_or(self.orig.len());
        Span::new(at(s.start()), at(s.end()))
    }

    /// The original text of a pair (accents and all).
    fn text(&self, p: &Pair<'_, Rule>) -> &str {
        let s = self.span(p);
        self.orig.get(s.start..s.end).unwrap_or("")
    }

    fn count_op(&self, span: Span) -> Result<(), QueryError> {
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

    fn statement(&self, p: Pair<'_, Rule>) -> Result<Statement, QueryError> {
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
                Rule::as_of => {
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

    // ---- questions ----

    fn question(&self, p: Pair<'_, Rule>) -> Result<Question, QueryError> {
        let span = self.span(&p);
        let q = p
            .into_inner()
            .find(|c| {
                matches!(
                    c.as_rule(),
                    Rule::q_awaiting
                        | Rule::q_not_responded
                        | Rule::q_meetings
                        | Rule::q_mentioning
                        | Rule::q_events
                        | Rule::q_path
                        | Rule::q_show
                )
            })
            .ok_or_else(|| internal(Rule::question, span))?;
        let rule = q.as_rule();
        let qspan = self.span(&q);
        let kids: Vec<Pair<'_, Rule>> = q.into_inner().collect();
        let refs = |rule: Rule| -> Result<Vec<EntityRef>, QueryError> {
            kids.iter()
                .filter(|k| k.as_rule() == rule)
                .map(|k| self.entity_ref(k.clone()))
                .collect()
        };
        let dates = || -> Result<Vec<DateLit>, QueryError> {
            kids.iter()
                .filter(|k| k.as_rule() == Rule::q_date)
                .map(|k| self.q_date(k.clone()))
                .collect()
        };
        let one = |v: Vec<EntityRef>| v.into_iter().next().ok_or_else(|| internal(rule, qspan));
        Ok(match rule {
            Rule::q_awaiting => {
                let meeting = match kids.iter().find(|k| k.as_rule() == Rule::q_from_meeting) {
                    Some(m) => Some(self.entity_ref(first(
                        self,
                        m.clone().into_inner(),
                        Rule::entity_ref,
                        Rule::q_from_meeting,
                    )?)?),
                    None => None,
                };
                Question::Awaiting {
                    meeting,
                    span: qspan,
                }
            }
            Rule::q_not_responded => Question::NotResponded {
                agreement: one(refs(Rule::entity_ref)?)?,
                span: qspan,
            },
            Rule::q_meetings => {
                let place = match dates()?.into_iter().next() {
                    Some(d) => Place::Date(d),
                    None => Place::Named(one(refs(Rule::entity_ref)?)?),
                };
                Question::Meetings { place, span: qspan }
            }
            Rule::q_mentioning => {
                let target = if kids.iter().any(|k| k.as_rule() == Rule::kw_documents) {
                    MentionTarget::Documents
                } else {
                    MentionTarget::Sections
                };
                Question::Mentioning {
                    target,
                    what: one(refs(Rule::entity_ref)?)?,
                    span: qspan,
                }
            }
            Rule::q_events => {
                let mut d = dates()?.into_iter();
                match (d.next(), d.next()) {
                    (Some(from), Some(to)) => Question::Events {
                        from,
                        to,
                        span: qspan,
                    },
                    _ => return Err(internal(rule, qspan)),
                }
            }
            Rule::q_path => {
                let from = one(refs(Rule::path_start)?)?;
                let to = one(refs(Rule::entity_ref)?)?;
                Question::Path {
                    from,
                    to,
                    span: qspan,
                }
            }
            _ => Question::Show {
                entity: one(refs(Rule::entity_ref)?)?,
                span: qspan,
            },
        })
    }

    fn why(&self, p: Pair<'_, Rule>) -> Result<Why, QueryError> {
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
    fn entity_ref(&self, p: Pair<'_, Rule>) -> Result<EntityRef, QueryError> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let inner = p.into_inner().next().ok_or_else(|| internal(rule, span))?;
        let s = self.span(&inner);
        Ok(match inner.as_rule() {
            Rule::string => EntityRef::Quoted(self.string(inner)?, s),
            Rule::entity_id => EntityRef::Id(self.text(&inner).to_string(), s),
            Rule::bare_name | Rule::bare_name_a => {
                EntityRef::Bare(self.text(&inner).trim().to_string(), s)
            }
            other => return Err(internal(other, s)),
        })
    }

    fn q_date(&self, p: Pair<'_, Rule>) -> Result<DateLit, QueryError> {
        let span = self.span(&p);
        let inner = p
            .into_inner()
            .next()
            .ok_or_else(|| internal(Rule::q_date, span))?;
        match inner.as_rule() {
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

    fn date_lit(&self, p: Pair<'_, Rule>) -> Result<DateValue, QueryError> {
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

    fn string(&self, p: Pair<'_, Rule>) -> Result<String, QueryError> {
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
                Some(other) => out.push(other),
                None => return Err(internal(Rule::string, span)),
            }
        }
        Ok(out)
    }

    // ---- patterns ----

    fn pattern_query(&self, p: Pair<'_, Rule>) -> Result<PatternQuery, QueryError> {
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

    fn count(&self, p: Pair<'_, Rule>) -> Result<u64, QueryError> {
        let rule = p.as_rule();
        let n = first(self, p.into_inner(), Rule::count, rule)?;
        let span = self.span(&n);
        self.text(&n)
            .parse()
            .map_err(|_| QueryError::syntax("this number is too large", span))
    }

    fn match_clause(&self, p: Pair<'_, Rule>) -> Result<MatchClause, QueryError> {
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

    fn path_pattern(&self, p: Pair<'_, Rule>) -> Result<PathPattern, QueryError> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let start = match it.next() {
            Some(n) if n.as_rule() == Rule::node_pattern => self.node_pattern(n)?,
            _ => return Err(internal(Rule::path_pattern, span)),
        };
        let mut steps = Vec::new();
        while let Some(r) = it.next() {
            let rel = self.rel_pattern(r)?;
            let node = match it.next() {
                Some(n) => self.node_pattern(n)?,
                None => return Err(internal(Rule::path_pattern, span)),
            };
            steps.push((rel, node));
        }
        Ok(PathPattern { start, steps, span })
    }

    fn node_pattern(&self, p: Pair<'_, Rule>) -> Result<NodePattern, QueryError> {
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

    fn rel_pattern(&self, p: Pair<'_, Rule>) -> Result<RelPattern, QueryError> {
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

    fn hops(&self, p: Pair<'_, Rule>) -> Result<(u32, Option<u32>), QueryError> {
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

    fn prop_map(&self, p: Pair<'_, Rule>) -> Result<Vec<(String, Literal)>, QueryError> {
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
    fn ident(&self, p: Pair<'_, Rule>) -> Result<String, QueryError> {
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

    fn literal(&self, p: Pair<'_, Rule>) -> Result<Literal, QueryError> {
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

    fn return_clause(&self, p: Pair<'_, Rule>) -> Result<Return, QueryError> {
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

    fn order_item(&self, p: Pair<'_, Rule>) -> Result<OrderItem, QueryError> {
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

    fn expr(&self, p: Pair<'_, Rule>) -> Result<Expr, QueryError> {
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

    fn term(&self, p: Pair<'_, Rule>) -> Result<Expr, QueryError> {
        let span = self.span(&p);
        if p.as_rule() != Rule::term {
            return Err(internal(Rule::expr, span));
        }
        let mut it = p.into_inner();
        let atom = it.next().ok_or_else(|| internal(Rule::term, span))?;
        let mut e = self.atom(atom)?;
        for key in it {
            let k = self.ident(key)?;
            let s = Span::new(e.span.start, span.end);
            e = Expr::new(ExprKind::Prop(Box::new(e), k), s);
        }
        Ok(e)
    }

    fn atom(&self, p: Pair<'_, Rule>) -> Result<Expr, QueryError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_a_map_to_the_original() {
        let f = fold("reunión en PAÍSES");
        assert_eq!(f.text, "reunion en PAISES");
        assert_eq!(f.map.len(), f.text.len() + 1);
        assert_eq!(f.map[6], "reunió".len());
        let g = fold("Me\u{301}xico");
        assert_eq!(g.text, "Mexico");
    }

    #[test]
    fn deep_nesting_is_refused_before_pest() {
        let q = format!("match {}", "(".repeat(10_000));
        let e = parse(&q).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Limit);
        assert!(e.message.contains("nest"), "{e}");
    }
}
