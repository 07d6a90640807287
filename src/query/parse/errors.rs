//! Syntax errors in words: pest's expected rules renamed to what a
//! researcher would write (`a node pattern like (a:agreement)`), positions
//! mapped back from the folded text to the original, and the offending
//! word underlined.

use super::{Folded, Rule, MAX_NESTING};
use crate::query::ast::Span;
use crate::query::error::{ErrorKind, QueryError};

/// What a rule stands for, in words, for "expected ..." messages. One arm
/// per rule of the grammar (`grammar/`): a table kept beside
/// the grammar, long because the grammar is, not because it decides much.
pub(super) fn describe(rule: Rule) -> Option<&'static str> {
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

pub(super) fn syntax_error(
    e: &pest::error::Error<Rule>,
    folded: &Folded,
    original: &str,
) -> QueryError {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let start = folded.map.get(pos).copied().unwrap_or(original.len());
    let span = Span::new(start, word_end(original, start));
    let (mut expected, unexpected, pattern_expected) = match &e.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => (
            described(positives),
            described(negatives),
            positives.iter().any(|r| in_pattern(*r)),
        ),
        ErrorVariant::CustomError { message } if message.ends_with("limit reached") => {
            // pest's own guard: the stack ran short or the work budget ran
            // out, always from brackets nested deeper than the builder
            // would accept anyway.
            return QueryError::new(
                ErrorKind::Limit,
                format!("the query nests too deep to read (brackets may nest {MAX_NESTING} deep)"),
                Some(Span::new(start, start + 1)),
            );
        }
        ErrorVariant::CustomError { message } => {
            return QueryError::syntax(message.clone(), span);
        }
    };
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
        format!("`{}`", &original[start..span.end])
    };
    let message = if !expected.is_empty() {
        format!("expected {}, found {found}", join_or(&expected))
    } else if !unexpected.is_empty() {
        format!("unexpected {}", join_or(&unexpected))
    } else {
        format!("unexpected {found}")
    };
    let mut message = message;
    if !pattern_expected {
        // What to try instead: printed after the query and its caret.
        let close = crate::query::forms::closest(original, 3);
        if !close.is_empty() {
            message.push_str(&format!("\nclosest questions:\n  {}", close.join("\n  ")));
        }
    }
    QueryError::syntax(message, span)
}

/// The rules' words (see [`describe`]), each once, in the rules' order.
fn described(rules: &[Rule]) -> Vec<String> {
    let mut words = Vec::new();
    for d in rules.iter().filter_map(|r| describe(*r)) {
        push_unique(&mut words, d.to_string());
    }
    words
}

/// The end of the word (at most 40 bytes, on a character boundary) that
/// starts at `start`: what the caret underlines.
fn word_end(original: &str, start: usize) -> usize {
    let rest = &original[start..];
    let word_len = rest
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i)
        .min(40);
    let mut end = start + word_len;
    while !original.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Rules that are expected only inside a pattern, where a closing
/// bracket or a comma is worth naming too.
fn in_pattern(r: Rule) -> bool {
    matches!(
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
    )
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
