//! Built-in scalar functions: `date`, `year`, `size`, `sorted`,
//! `sentence` (the sentence an edge or node was read from), `snippet`
//! (the sentence of a text that contains a phrase), and the
//! partial-knowledge functions over a request (`request_subject`,
//! `awaiting`, `awaiting_note`), which say who is still awaited without
//! ever naming who the sources do not name.

use super::expr::Val;
use super::Ctx;
use crate::model::{DateValue, Request, Value};
use crate::query::ast::Span;
use crate::query::error::QueryError;
use crate::text::{normalize, squash};

/// Scalar functions: name and number of arguments.
pub(crate) const FUNCTIONS: [(&str, usize); 9] = [
    ("date", 1),
    ("year", 1),
    ("size", 1),
    ("sorted", 1),
    ("sentence", 1),
    ("snippet", 2),
    ("request_subject", 1),
    ("awaiting", 1),
    ("awaiting_note", 1),
];

impl<'g> Ctx<'g> {
    pub(super) fn call(&self, name: &str, args: &[Val], span: Span) -> Result<Val, QueryError> {
        let arg = args.first().unwrap_or(&Val::Null);
        let bad = |what: &str| {
            QueryError::type_error(
                format!("{name}() needs {what}, not {}", self.describe(arg)),
                span,
            )
        };
        match name {
            "date" => match arg {
                Val::Null => Ok(Val::Null),
                Val::Date(d) => Ok(Val::Date(*d)),
                Val::Str(s) => DateValue::parse_iso(s).map(Val::Date).ok_or_else(|| {
                    QueryError::type_error(format!("`{s}` is not a date like 2002-12-31"), span)
                }),
                _ => Err(bad("a string like \"2002-12-31\"")),
            },
            "year" => match arg {
                Val::Null => Ok(Val::Null),
                // A day of no stated year has no year to give.
                Val::Date(d) if d.start.yearless() => Ok(Val::Null),
                Val::Date(d) => Ok(Val::Int(i64::from(d.start.year))),
                _ => Err(bad("a date")),
            },
            "size" => match arg {
                Val::Null => Ok(Val::Null),
                Val::List(v) => Ok(Val::Int(v.len() as i64)),
                Val::Str(s) => Ok(Val::Int(s.chars().count() as i64)),
                _ => Err(bad("a list or a string")),
            },
            "sorted" => match arg {
                Val::Null => Ok(Val::Null),
                Val::List(v) => {
                    let mut v = v.clone();
                    v.sort_by(|a, b| self.order(a, b));
                    Ok(Val::List(v))
                }
                _ => Err(bad("a list")),
            },
            "sentence" => self.sentence_of(arg, span),
            "snippet" => match (arg, args.get(1).unwrap_or(&Val::Null)) {
                (Val::Null, _) | (_, Val::Null) => Ok(Val::Null),
                (Val::Str(text), Val::Str(phrase)) => Ok(snippet(text, phrase)),
                _ => Err(bad("a text and a phrase")),
            },
            "request_subject" | "awaiting" | "awaiting_note" => {
                if !matches!(arg, Val::Null | Val::Str(_) | Val::Edge(_)) {
                    return Err(bad("an awaits edge or a request id"));
                }
                Ok(self.request_text(name, arg))
            }
            _ => Err(QueryError::invalid(
                format!("unknown function {name}()"),
                span,
            )),
        }
    }

    /// `sentence(x)`: the sentence an edge or a node was read from (each
    /// item's, for a list).
    fn sentence_of(&self, arg: &Val, span: Span) -> Result<Val, QueryError> {
        let text = |s: &str| Val::Str(squash(s).into());
        Ok(match arg {
            Val::Edge(e) => self
                .kg
                .sentence(&self.kg.graph[*e].prov)
                .map_or(Val::Null, text),
            Val::Node(n) => self.kg.graph[*n]
                .sources
                .iter()
                .find_map(|p| self.kg.sentence(p))
                .map_or(Val::Null, text),
            Val::List(items) => Val::List(
                items
                    .iter()
                    .map(|i| self.sentence_of(i, span))
                    .collect::<Result<_, _>>()?,
            ),
            Val::Null => Val::Null,
            other => {
                return Err(QueryError::type_error(
                    format!(
                        "sentence() needs an edge or a node, not {}",
                        self.describe(other)
                    ),
                    span,
                ))
            }
        })
    }

    /// `request_subject`, `awaiting` or `awaiting_note` of the request
    /// behind `arg`, worked out once per query and request.
    fn request_text(&self, name: &str, arg: &Val) -> Val {
        let Some(r) = self.request_of(arg) else {
            return Val::Null;
        };
        let name = match name {
            "request_subject" => "request_subject",
            "awaiting" => "awaiting",
            _ => "awaiting_note",
        };
        self.memo_request_text(r, name, || match name {
            "request_subject" => Val::Str(r.subject.as_str().into()),
            "awaiting" => Val::Str(r.awaiting().into()),
            _ => r.awaiting_note().map_or(Val::Null, |n| Val::Str(n.into())),
        })
    }

    /// The request behind an `awaits` edge or a request id.
    pub(crate) fn request_of(&self, v: &Val) -> Option<&'g Request> {
        match v {
            Val::Str(id) => self.request(id),
            // A derived awaits edge's request is a table look-up away;
            // other edges read their attributes once per query.
            Val::Edge(e) => match self.kg.request_of_awaits(*e) {
                Some(r) => Some(r),
                None => self.memo_request_of_edge(*e, || {
                    // What `edge_prop(e, "request")` gives, without copying it:
                    // one distinct value, which must be a string.
                    let mut values = self.kg.graph[*e]
                        .attrs
                        .iter()
                        .filter(|a| a.key == "request")
                        .map(|a| &a.value);
                    let first = values.next()?;
                    if values.any(|v| v != first) {
                        return None;
                    }
                    match first {
                        Value::Text(id) => self.request(id),
                        _ => None,
                    }
                }),
            },
            _ => None,
        }
    }
}

/// The sentence of `text` that contains `phrase` (normalized), if any.
pub(crate) fn snippet(text: &str, phrase: &str) -> Val {
    let p = normalize(phrase);
    if p.is_empty() {
        return Val::Null;
    }
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_of_sentence = matches!(b, b'.' | b'?' | b'!' | b'\n')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if end_of_sentence || i + 1 == bytes.len() {
            let piece = text.get(start..=i).unwrap_or("");
            if normalize(piece).contains(&p) {
                return Val::Str(squash(piece).into());
            }
            start = i + 1;
        }
    }
    Val::Null
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_find_the_sentence() {
        let t = "Primera frase. La trata de  Personas es grave. Otra.";
        assert_eq!(
            snippet(t, "trata de personas"),
            Val::Str("La trata de Personas es grave.".into())
        );
        assert_eq!(snippet(t, "nada"), Val::Null);
    }
}
