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
use crate::text::normalize;

/// Scalar functions: name and number of arguments.
pub const FUNCTIONS: [(&str, usize); 9] = [
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
            "sentence" => Ok(match arg {
                Val::Edge(e) => self
                    .kg
                    .sentence(&self.kg.graph[*e].prov)
                    .map_or(Val::Null, |s| Val::Str(squash(s).into())),
                Val::Node(n) => self.kg.graph[*n]
                    .sources
                    .iter()
                    .find_map(|p| self.kg.sentence(p))
                    .map_or(Val::Null, |s| Val::Str(squash(s).into())),
                Val::List(items) => Val::List(
                    items
                        .iter()
                        .map(|i| self.call(name, std::slice::from_ref(i), span))
                        .collect::<Result<_, _>>()?,
                ),
                Val::Null => Val::Null,
                _ => return Err(bad("an edge or a node")),
            }),
            "snippet" => match (arg, args.get(1).unwrap_or(&Val::Null)) {
                (Val::Null, _) | (_, Val::Null) => Ok(Val::Null),
                (Val::Str(text), Val::Str(phrase)) => Ok(snippet(text, phrase)),
                _ => Err(bad("a text and a phrase")),
            },
            "request_subject" | "awaiting" | "awaiting_note" => {
                if !matches!(arg, Val::Null | Val::Str(_) | Val::Edge(_)) {
                    return Err(bad("an awaits edge or a request id"));
                }
                let Some(r) = self.request_of(arg) else {
                    return Ok(Val::Null);
                };
                let name = match name {
                    "request_subject" => "request_subject",
                    "awaiting" => "awaiting",
                    _ => "awaiting_note",
                };
                Ok(self.memo_request_text(r, name, || match name {
                    "request_subject" => Val::Str(r.subject.as_str().into()),
                    "awaiting" => Val::Str(awaiting_text(r).into()),
                    _ => awaiting_note(r).map_or(Val::Null, |n| Val::Str(n.into())),
                }))
            }
            _ => Err(QueryError::invalid(
                format!("unknown function {name}()"),
                span,
            )),
        }
    }

    /// The request behind an `awaits` edge or a request id.
    pub fn request_of(&self, v: &Val) -> Option<&'g Request> {
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

/// Collapse white space to single spaces, trimmed.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The sentence of `text` that contains `phrase` (normalized), if any.
pub fn snippet(text: &str, phrase: &str) -> Val {
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

/// "10 of 11 members (1 unnamed responded)": who is still awaited, from
/// what a request records, never naming who the sources do not name.
pub fn awaiting_text(r: &Request) -> String {
    let asked = r.requested_from.len() as u32;
    let named = r
        .requested_from
        .iter()
        .filter(|c| r.responded_named.contains(c))
        .count() as u32;
    let (min, max) = (
        r.responded_unnamed.min,
        r.responded_unnamed.max.max(r.responded_unnamed.min),
    );
    let most = asked.saturating_sub(named.saturating_add(min));
    let least = asked.saturating_sub(named.saturating_add(max));
    let mut parts = Vec::new();
    if named > 0 {
        parts.push(format!("{named} named responded"));
    }
    if max > 0 {
        parts.push(if min == max {
            format!("{min} unnamed responded")
        } else if min == 0 {
            format!("up to {max} unnamed responded")
        } else {
            format!("{min} to {max} unnamed responded")
        });
    }
    if parts.is_empty() {
        parts.push("none responded".into());
    }
    let count = if least == most {
        format!("{most} of {asked} members")
    } else {
        format!("at least {least} of {asked} members")
    };
    format!("{count} ({})", parts.join(", "))
}

/// The caveat for a request whose respondents are not all named, or
/// `None` when every respondent is named.
pub fn awaiting_note(r: &Request) -> Option<String> {
    let (min, max) = (
        r.responded_unnamed.min,
        r.responded_unnamed.max.max(r.responded_unnamed.min),
    );
    if max == 0 {
        return None;
    }
    let who = if min == max && min == 1 {
        "the one that responded is not named in the sources; the countries listed may include it"
            .to_string()
    } else if min == max {
        format!("the {min} that responded are not named in the sources; the countries listed may include them")
    } else if min == 0 {
        format!("up to {max} may have responded without being named in the sources; the countries listed may include them")
    } else {
        format!("{min} to {max} responded without being named in the sources; the countries listed may include them")
    };
    Some(who)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Provenance, Status, UnnamedCount};

    fn request(asked: usize, named: usize, min: u32, max: u32) -> Request {
        let ids: Vec<crate::model::Sym> =
            (0..asked).map(|i| format!("country:{i}").into()).collect();
        Request {
            id: "request:x".into(),
            agreement: "agreement:x".into(),
            subject: "s".into(),
            requested_from: ids.clone(),
            addressed_to: String::new(),
            requested_on: None,
            deadline: None,
            responded_named: ids[..named].to_vec(),
            responded_unnamed: UnnamedCount { min, max },
            status: Status::Pending,
            prov: Provenance::Reference { source: "".into() }.into(),
        }
    }

    #[test]
    fn awaiting_texts() {
        assert_eq!(
            awaiting_text(&request(11, 0, 1, 1)),
            "10 of 11 members (1 unnamed responded)"
        );
        assert_eq!(
            awaiting_text(&request(11, 0, 0, 0)),
            "11 of 11 members (none responded)"
        );
        assert_eq!(
            awaiting_text(&request(11, 0, 2, 2)),
            "9 of 11 members (2 unnamed responded)"
        );
        assert_eq!(
            awaiting_text(&request(11, 0, 0, 5)),
            "at least 6 of 11 members (up to 5 unnamed responded)"
        );
        assert_eq!(
            awaiting_text(&request(11, 1, 1, 1)),
            "9 of 11 members (1 named responded, 1 unnamed responded)"
        );
        assert_eq!(awaiting_note(&request(11, 0, 0, 0)), None);
        assert!(awaiting_note(&request(11, 0, 1, 1))
            .is_some_and(|n| n.starts_with("the one that responded is not named in the sources")));
    }

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
