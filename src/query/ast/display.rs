//! `Display` for the syntax tree: valid query text that parses back to
//! the same tree. Questions print in canonical English; patterns in
//! lower-case openCypher style with the fewest parentheses precedence
//! allows; names that are not plain identifiers, or are reserved words,
//! get backticks.

use super::*;
use crate::model::{Annotation, DateValue, Fact};
use std::fmt::{self, Display, Formatter, Write};

fn is_plain_ident(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first == '_' || unicode_ident_start(first)) && chars.all(unicode_ident_continue)
}

fn unicode_ident_start(c: char) -> bool {
    // XID_Start as pest sees it; alphabetic is a close, safe approximation
    // for printing (anything else gets backticks).
    c.is_alphabetic() && !is_combining(c)
}

fn unicode_ident_continue(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !is_combining(c))
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Write a variable name, with backticks when it is not a plain identifier
/// or is a reserved word.
pub(crate) fn write_var(f: &mut impl Write, name: &str) -> fmt::Result {
    let folded = crate::text::normalize(name);
    if is_plain_ident(name) && !crate::query::words::reserved().contains(&folded) {
        f.write_str(name)
    } else {
        write!(f, "`{name}`")
    }
}

/// Write a property key (reserved words are fine after `.` and in maps).
pub(crate) fn write_key(f: &mut impl Write, name: &str) -> fmt::Result {
    if is_plain_ident(name) {
        f.write_str(name)
    } else {
        write!(f, "`{name}`")
    }
}

/// Write a string literal with double quotes and escapes.
pub(crate) fn write_string(f: &mut impl Write, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            // Any other control character written out, never raw (an
            // escape sequence in a stored name must not reach a terminal).
            c if c.is_control() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// A date as query text: `date("2002-12-31")`.
pub(crate) fn date_text(d: &DateValue) -> String {
    let plain = DateValue {
        inferred: false,
        ..*d
    };
    format!("date(\"{plain}\")")
}

impl Display for Literal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Str(s) => write_string(f, s),
            Literal::Int(i) => write!(f, "{i}"),
            Literal::Bool(b) => write!(f, "{b}"),
            Literal::Null => f.write_str("null"),
            Literal::Date(d) => f.write_str(&date_text(d)),
        }
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let child = |f: &mut Formatter<'_>, e: &Expr, min: u8| -> fmt::Result {
            if e.precedence() < min {
                write!(f, "({e})")
            } else {
                write!(f, "{e}")
            }
        };
        match &self.kind {
            ExprKind::Lit(l) => write!(f, "{l}"),
            ExprKind::Var(v) => write_var(f, v),
            ExprKind::Prop(e, k) => {
                child(f, e, 9)?;
                f.write_char('.')?;
                write_key(f, k)
            }
            ExprKind::List(items) => {
                f.write_char('[')?;
                for (i, e) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{e}")?;
                }
                f.write_char(']')
            }
            ExprKind::Not(e) => {
                f.write_str("not ")?;
                child(f, e, 3)
            }
            ExprKind::IsNull(e, not) => {
                child(f, e, 6)?;
                f.write_str(if *not { " is not null" } else { " is null" })
            }
            ExprKind::Binary(op, a, b) => {
                let p = op.precedence();
                // Left-associative: the left side may share the level of
                // `and`/`or`; comparisons never chain without parentheses.
                let left_min = if p >= 4 { p + 1 } else { p };
                child(f, a, left_min)?;
                write!(f, " {} ", op.as_str())?;
                child(f, b, p + 1)
            }
            ExprKind::CountStar => f.write_str("count(*)"),
            ExprKind::Call {
                name,
                distinct,
                args,
            } => {
                f.write_str(name)?;
                f.write_char('(')?;
                if *distinct {
                    f.write_str("distinct ")?;
                }
                for (i, e) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{e}")?;
                }
                f.write_char(')')
            }
        }
    }
}

fn write_props(f: &mut Formatter<'_>, props: &[(String, Literal)]) -> fmt::Result {
    if props.is_empty() {
        return Ok(());
    }
    f.write_str(" {")?;
    for (i, (k, v)) in props.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write_key(f, k)?;
        write!(f, ": {v}")?;
    }
    f.write_char('}')
}

impl Display for NodePattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('(')?;
        if let Some(v) = &self.var {
            write_var(f, v)?;
        }
        for (i, k) in self.kinds.iter().enumerate() {
            f.write_char(if i == 0 { ':' } else { '|' })?;
            f.write_str(k.as_str())?;
        }
        write_props(f, &self.props)?;
        f.write_char(')')
    }
}

impl Display for RelPattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(if self.dir == Direction::Left {
            "<-"
        } else {
            "-"
        })?;
        let detail = self.var.is_some()
            || !self.kinds.is_empty()
            || self.hops.is_some()
            || !self.props.is_empty();
        if detail {
            f.write_char('[')?;
            if let Some(v) = &self.var {
                write_var(f, v)?;
            }
            for (i, k) in self.kinds.iter().enumerate() {
                f.write_char(if i == 0 { ':' } else { '|' })?;
                f.write_str(k.as_str())?;
            }
            if let Some((min, max)) = self.hops {
                write!(f, "*{min}..")?;
                if let Some(max) = max {
                    write!(f, "{max}")?;
                }
            }
            write_props(f, &self.props)?;
            f.write_char(']')?;
        }
        f.write_str(if self.dir == Direction::Right {
            "->"
        } else {
            "-"
        })
    }
}

impl Display for PathPattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        for (r, n) in &self.steps {
            write!(f, "{r}{n}")?;
        }
        Ok(())
    }
}

impl Display for MatchClause {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.optional {
            f.write_str("optional ")?;
        }
        f.write_str("match ")?;
        for (i, p) in self.paths.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{p}")?;
        }
        if let Some(w) = &self.where_ {
            write!(f, " where {w}")?;
        }
        Ok(())
    }
}

impl Display for PatternQuery {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for c in &self.clauses {
            write!(f, "{c} ")?;
        }
        f.write_str("return ")?;
        if self.ret.distinct {
            f.write_str("distinct ")?;
        }
        for (i, item) in self.ret.items.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", item.expr)?;
            if let Some(a) = &item.alias {
                f.write_str(" as ")?;
                write_var(f, a)?;
            }
        }
        if !self.order.is_empty() {
            f.write_str(" order by ")?;
            for (i, o) in self.order.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{}", o.expr)?;
                if o.desc {
                    f.write_str(" desc")?;
                }
            }
        }
        if let Some(s) = self.skip {
            write!(f, " skip {s}")?;
        }
        if let Some(l) = self.limit {
            write!(f, " limit {l}")?;
        }
        Ok(())
    }
}

impl Display for EntityRef {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            EntityRef::Id(s, _) | EntityRef::Bare(s, _) => f.write_str(s),
            EntityRef::Quoted(s, _) => write_string(f, s),
        }
    }
}

impl Display for DateLit {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let d = DateValue {
            inferred: false,
            ..self.value
        };
        match d.precision {
            crate::model::Precision::Range => f.write_str(&date_text(&d)),
            _ => write!(f, "{d}"),
        }
    }
}

impl Display for Question {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Question::Awaiting {
                meeting, on, owing, ..
            } => {
                match (meeting, owing) {
                    (Some(m), true) => write!(f, "agreements awaiting responses from {m}")?,
                    (Some(m), false) => write!(
                        f,
                        "agreements from {m} awaiting responses from which countries"
                    )?,
                    (None, _) => {
                        f.write_str("agreements awaiting responses from which countries")?
                    }
                }
                match on {
                    Some(d) => write!(f, " on {d}"),
                    None => Ok(()),
                }
            }
            Question::NotResponded { agreement, .. } => {
                write!(f, "countries that have not responded to {agreement}")
            }
            Question::Meetings { place, .. } => match place {
                Place::Date(d) => write!(f, "meetings in {d}"),
                Place::Named(p) => write!(f, "meetings in {p}"),
            },
            Question::Mentioning { target, what, .. } => {
                let t = match target {
                    MentionTarget::Sections => "sections",
                    MentionTarget::Documents => "documents",
                };
                write!(f, "{t} mentioning {what}")
            }
            Question::Events { from, to, .. } => write!(f, "events between {from} and {to}"),
            Question::Path { from, to, .. } => write!(f, "path from {from} to {to}"),
            Question::Show { entity, .. } => write!(f, "show {entity}"),
            Question::Trace { agreement, .. } => write!(f, "trace {agreement}"),
            Question::About { about, entity, .. } => match about {
                About::Agreed => write!(f, "agreements adopted at {entity}"),
                About::Place => write!(f, "where was {entity} held"),
                About::Date => write!(f, "when was {entity} held"),
                About::Responded => write!(f, "countries that responded to {entity}"),
                About::Agreements => write!(f, "agreements about {entity}"),
                About::Recommended => write!(f, "recommendations of {entity}"),
                About::Presided => write!(f, "who presided {entity}"),
                About::Hosted => write!(f, "who hosted {entity}"),
                About::Letters => write!(f, "letters about {entity}"),
                About::FollowUps => write!(f, "follow-ups of {entity}"),
                About::Tasks => write!(f, "tasks of {entity}"),
                About::Titled => write!(f, "documents titled {entity}"),
                About::Members => write!(f, "members of {entity}"),
                About::Attended => write!(f, "who attended {entity}"),
                About::Status => write!(f, "status of {entity}"),
                About::Proposals => write!(f, "proposals of {entity}"),
                About::AdoptedAt => write!(f, "meetings that adopted {entity}"),
            },
            Question::ProTempore { on, .. } => {
                write!(f, "who held the pro tempore presidency on {on}")
            }
        }
    }
}

impl Display for Why {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "why {} {} {}", self.subject, self.edge, self.object)
    }
}

impl Display for AnnotationStmt {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.action.as_str())?;
        match &self.fact {
            AnnFact::Edge {
                from,
                edge,
                to,
                date,
                ..
            } => {
                write!(f, "{from} {edge} {to}")?;
                if let Some(d) = date {
                    write!(f, " on {d}")?;
                }
            }
            AnnFact::Attr {
                node, key, value, ..
            } => {
                write!(f, "{node} has ")?;
                write_key(f, key)?;
                f.write_str(" ")?;
                write_string(f, value)?;
            }
        }
        for (kw, v) in [
            ("source", &self.source),
            ("because", &self.reason),
            ("by", &self.by),
            ("at", &self.at),
        ] {
            if let Some(v) = v {
                write!(f, " {kw} ")?;
                write_string(f, v)?;
            }
        }
        Ok(())
    }
}

impl From<&Annotation> for AnnotationStmt {
    /// The statement that replays a stored annotation: its entities by id,
    /// its author and time given.
    fn from(a: &Annotation) -> AnnotationStmt {
        let at = Span::default();
        let fact = match &a.fact {
            Fact::Edge {
                from,
                kind,
                to,
                date,
            } => AnnFact::Edge {
                from: EntityRef::Id(from.clone(), at),
                edge: *kind,
                to: EntityRef::Id(to.clone(), at),
                date: date.map(|value| DateLit { value, span: at }),
                span: at,
            },
            Fact::Attr { node, key, value } => AnnFact::Attr {
                node: EntityRef::Id(node.clone(), at),
                key: key.clone(),
                value: value.clone(),
                span: at,
            },
        };
        let given = |s: &str| (!s.is_empty()).then(|| s.to_string());
        AnnotationStmt {
            action: a.action,
            fact,
            source: given(&a.source),
            reason: given(&a.reason),
            // A claim replays as the claim it was.
            by: Some(a.claimed_by.clone().unwrap_or_else(|| a.author.clone())),
            at: Some(a.claimed_at.clone().unwrap_or_else(|| a.at.clone())),
            span: at,
        }
    }
}

impl Annotation {
    /// The annotation as a statement that replays it, author and time
    /// included.
    pub fn to_statement(&self) -> String {
        AnnotationStmt::from(self).to_string()
    }
}

impl Display for Body {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Body::Pattern(p) => write!(f, "{p}"),
            Body::Question(q) => write!(f, "{q}"),
            Body::Why(w) => write!(f, "{w}"),
            Body::Annotate(a) => write!(f, "{a}"),
        }
    }
}

impl Display for Statement {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.explain {
            f.write_str("explain ")?;
        }
        write!(f, "{}", self.body)?;
        if let Some(d) = &self.as_of {
            write!(f, " as of {d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_print_as_the_statement_that_replays_them() {
        let a = crate::model::sample_annotation();
        let text = a.to_statement();
        assert_eq!(
            text,
            "assert country:ca responded agreement:x/IV.E(1) on 2003-01-20 source \"email from the ST, 2003-01-21\" by \"ana\" at \"2026-11-29T10:00:00Z\""
        );
        let parsed = crate::query::parse::parse(&text).unwrap();
        assert_eq!(parsed.body, Body::Annotate(AnnotationStmt::from(&a)));
    }
}
