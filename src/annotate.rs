//! Researcher annotations: assertions, retractions, and confirmations or
//! rejections of probable links, each with author, time, reason and source.
//! Annotations never delete what a document says: a retraction hides a fact
//! from answers and keeps it, with who and why, for `why` and `trace`.
//! Records are stored as JSON in the store and applied when the graph view
//! is built.

use crate::graph::KnowledgeGraph;
use crate::model::{
    Action, Annotation, Attr, DateValue, EdgeFact, EdgeKind, Fact, Provenance, Retracted, Value,
    Ymd,
};
use crate::text::{control_char, normalize};
use petgraph::graph::EdgeIndex;

/// The author of new annotations: `--author`, else `$ACTA_AUTHOR`, else the
/// user name, else "unknown".
pub fn default_author(flag: Option<&str>) -> String {
    flag.map(str::to_string)
        .or_else(|| std::env::var("ACTA_AUTHOR").ok().filter(|s| !s.is_empty()))
        .or_else(|| std::env::var("USER").ok().filter(|s| !s.is_empty()))
        .or_else(|| std::env::var("USERNAME").ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// Now as an RFC 3339 UTC timestamp (seconds precision).
pub(crate) fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn edge_matches(kg: &KnowledgeGraph, e: EdgeIndex, from: &str, kind: EdgeKind, to: &str) -> bool {
    let Some((a, b)) = kg.graph.edge_endpoints(e) else {
        return false;
    };
    let w = &kg.graph[e];
    w.kind == kind
        && (!w.derived || kind == EdgeKind::SameAs)
        && kg.graph[a].id == from
        && kg.graph[b].id == to
}

fn in_view(kg: &KnowledgeGraph, date: Option<DateValue>) -> bool {
    match (kg.options.as_of, date) {
        (Some(limit), Some(d)) => d.start <= limit,
        _ => true,
    }
}

/// Phase 1, before threads are linked: new nodes, attributes and edges, and
/// retractions of extracted edges and attributes.
pub(crate) fn apply_facts(kg: &mut KnowledgeGraph, annotations: &[Annotation]) {
    for a in annotations {
        let prov = a.provenance();
        match (&a.action, &a.fact) {
            (Action::Assert, Fact::Attr { node, key, value }) => {
                if let Some(i) = kg.node(node) {
                    kg.graph[i].attrs.push(Attr {
                        key: key.clone().into(),
                        value: Value::Text(value.clone()),
                        prov: prov.into(),
                    });
                }
            }
            (Action::Retract, Fact::Attr { node, key, value }) => {
                if let Some(i) = kg.node(node) {
                    let n = &mut kg.graph[i];
                    let norm = normalize(value);
                    let (gone, kept): (Vec<Attr>, Vec<Attr>) = std::mem::take(&mut n.attrs)
                        .into_iter()
                        .partition(|x| &x.key == key && normalize(&x.value.to_string()) == norm);
                    n.attrs = kept;
                    for g in gone {
                        kg.retracted.push(Retracted {
                            fact: Fact::Attr {
                                node: node.clone(),
                                key: key.clone(),
                                value: g.value.to_string(),
                            },
                            prov: g.prov,
                            by: a.clone(),
                        });
                    }
                }
            }
            (
                Action::Assert,
                Fact::Edge {
                    from,
                    kind,
                    to,
                    date,
                },
            ) if *kind != EdgeKind::SameAs => {
                if !in_view(kg, *date) {
                    continue;
                }
                let mut attrs = Vec::new();
                if let Some(d) = date {
                    attrs.push(Attr {
                        key: "date".into(),
                        value: Value::Date(*d),
                        prov: prov.clone().into(),
                    });
                }
                kg.add_edge(
                    EdgeFact {
                        from: from.clone().into(),
                        to: to.clone().into(),
                        kind: *kind,
                        attrs,
                        prov: prov.into(),
                    },
                    false,
                );
            }
            (Action::Retract, Fact::Edge { from, kind, to, .. }) if *kind != EdgeKind::SameAs => {
                retract_edges(kg, a, from, *kind, to);
            }
            _ => {}
        }
    }
}

/// Attributes that building the view reads (dates and texts of meetings
/// and events, the status of agreements, requests, page breaks) or that
/// name a node: an annotation of one of these may change what is derived
/// from it.
const DERIVED_FROM: &[&str] = &[
    "date",
    "status",
    "request",
    "text",
    "page_starts",
    "name",
    "alias",
];

/// Whether `a` could be applied to a finished view (see [`apply_on_top`])
/// as far as the record alone tells: an attribute asserted, not one the
/// view's derivations read.
pub(crate) fn may_apply_on_top(a: &Annotation) -> bool {
    matches!(
        (&a.action, &a.fact),
        (Action::Assert, Fact::Attr { key, .. }) if !DERIVED_FROM.contains(&key.as_str())
    )
}

/// Apply `annotations`, made after those `kg` was built with, to the
/// finished view `kg`, when that gives the view a build with all of them
/// would: each asserts an attribute of a node that is not an agreement
/// (the threads across reports read agreements) and that nothing derived
/// reads ([`may_apply_on_top`]). Such an attribute is only added to its
/// node, last, as [`apply_facts`] adds it, and nothing after that phase
/// reads it. Returns false, changing nothing, when one does not qualify:
/// the view must then be built again.
pub(crate) fn apply_on_top(kg: &mut KnowledgeGraph, annotations: &[Annotation]) -> bool {
    let qualifies = |a: &Annotation| {
        let Fact::Attr { node, .. } = &a.fact else {
            return false;
        };
        may_apply_on_top(a)
            && kg
                .node(node)
                .is_some_and(|i| kg.graph[i].kind != crate::model::Kind::Agreement)
    };
    if kg.options.as_of.is_some() || !annotations.iter().all(qualifies) {
        return false;
    }
    apply_facts(kg, annotations);
    kg.annotations.extend_from_slice(annotations);
    true
}

fn retract_edges(kg: &mut KnowledgeGraph, a: &Annotation, from: &str, kind: EdgeKind, to: &str) {
    let hits: Vec<EdgeIndex> = kg
        .graph
        .edge_indices()
        .filter(|&e| edge_matches(kg, e, from, kind, to))
        .collect();
    // Remove from the highest index down: petgraph swaps the last edge into a removed slot.
    let mut hits = hits;
    hits.sort_by(|x, y| y.cmp(x));
    for e in hits {
        if let Some(w) = kg.graph.remove_edge(e) {
            kg.retracted.push(Retracted {
                fact: Fact::Edge {
                    from: from.to_string(),
                    kind,
                    to: to.to_string(),
                    date: None,
                },
                prov: w.prov,
                by: a.clone(),
            });
        }
    }
}

/// Phase 2, after `same_as` links are derived: confirmations and
/// rejections of links.
pub(crate) fn apply_links(kg: &mut KnowledgeGraph, annotations: &[Annotation]) {
    for a in annotations {
        let Fact::Edge {
            from,
            kind: EdgeKind::SameAs,
            to,
            ..
        } = &a.fact
        else {
            continue;
        };
        match a.action {
            Action::Reject | Action::Retract => {
                retract_edges(kg, a, from, EdgeKind::SameAs, to);
                retract_edges(kg, a, to, EdgeKind::SameAs, from);
            }
            Action::Confirm | Action::Assert => {
                let existing: Vec<EdgeIndex> = kg
                    .graph
                    .edge_indices()
                    .filter(|&e| {
                        edge_matches(kg, e, from, EdgeKind::SameAs, to)
                            || edge_matches(kg, e, to, EdgeKind::SameAs, from)
                    })
                    .collect();
                let confirmed = Attr {
                    key: "confidence".into(),
                    value: Value::Text(format!("confirmed by {}", a.author)),
                    prov: a.provenance().into(),
                };
                if existing.is_empty() {
                    kg.add_edge(
                        EdgeFact {
                            from: from.clone().into(),
                            to: to.clone().into(),
                            kind: EdgeKind::SameAs,
                            attrs: vec![confirmed],
                            prov: a.provenance().into(),
                        },
                        false,
                    );
                } else {
                    for e in existing {
                        let w = &mut kg.graph[e];
                        w.attrs.retain(|x| x.key != "confidence");
                        w.attrs.push(confirmed.clone());
                    }
                }
            }
        }
    }
}

/// Phase 3, after requests are recomputed: a response a researcher asserts
/// names a respondent. Dated on or before the report that counted unnamed
/// respondents, it is taken as one of them (the count of unnamed goes down);
/// later, it is a new response.
pub(crate) fn apply_responses(kg: &mut KnowledgeGraph, annotations: &[Annotation]) {
    let report_end = |kg: &KnowledgeGraph, p: &Provenance| match p {
        Provenance::Extracted { doc, .. } => kg.document(doc).and_then(|d| d.date).map(|d| d.end),
        _ => None,
    };
    for a in annotations {
        let (
            Action::Assert,
            Fact::Edge {
                from,
                kind: EdgeKind::Responded,
                to,
                date,
            },
        ) = (&a.action, &a.fact)
        else {
            continue;
        };
        if !in_view(kg, *date) {
            continue;
        }
        let thread: Vec<crate::model::Sym> = match kg.node(to) {
            Some(i) => kg
                .thread(i)
                .into_iter()
                .map(|n| kg.graph[n].id.clone())
                .collect(),
            None => continue,
        };
        let mut named: Vec<(String, String)> = Vec::new();
        let ends: Vec<Option<crate::model::Ymd>> = kg
            .requests
            .iter()
            .map(|r| report_end(kg, &r.prov))
            .collect();
        let respondent = crate::model::Sym::new(from);
        for (r, end) in kg.requests.iter_mut().zip(ends) {
            if !thread.contains(&r.agreement)
                || !r.requested_from.contains(&respondent)
                || r.responded_named.contains(&respondent)
            {
                continue;
            }
            r.responded_named.push(respondent.clone());
            named.push((r.id.to_string(), from.clone()));
            let counted = match (date, end) {
                (Some(d), Some(e)) => d.start <= e,
                _ => true,
            };
            if counted && r.responded_unnamed.max > 0 {
                r.responded_unnamed.max -= 1;
                r.responded_unnamed.min = r
                    .responded_unnamed
                    .min
                    .saturating_sub(1)
                    .min(r.responded_unnamed.max);
            }
        }
        let prov = a.provenance();
        kg.annotated_responses
            .extend(named.into_iter().map(|(r, c)| (r, c, prov.clone())));
    }
}

/// Why an annotation is refused (or, stored earlier, no longer matches).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum AnnotationError {
    #[error("no entity {0}")]
    NoEntity(String),
    #[error("{node} has no attribute {key} = \"{value}\" to retract")]
    NoAttribute {
        node: String,
        key: String,
        value: String,
    },
    #[error("awaits is derived from requests and responses: assert or retract those instead")]
    Derived,
    #[error("there is no fact {from} {kind} {to} to {}", .action.as_str())]
    NoFact {
        from: String,
        kind: EdgeKind,
        to: String,
        action: Action,
    },
    #[error("the date {date} is later than every source (latest report: {})", .latest.map_or("none".into(), |l| l.to_string()))]
    LaterThanSources {
        date: DateValue,
        latest: Option<Ymd>,
    },
    #[error("the {field} holds the control character U+{:04X}: names, times, reasons and sources are plain text", u32::from(*.found))]
    ControlCharacter { field: &'static str, found: char },
}

impl AnnotationError {
    /// Whether the error is about the fact's date (not its entities).
    pub(crate) fn about_date(&self) -> bool {
        matches!(self, AnnotationError::LaterThanSources { .. })
    }
}

/// Check an annotation against the current view before it is stored:
/// its entities exist, a retracted fact exists, a date is not later than
/// every source.
pub(crate) fn validate(kg: &KnowledgeGraph, a: &Annotation) -> Result<(), AnnotationError> {
    plain_text(a)?;
    match &a.fact {
        Fact::Attr { node, key, value } => {
            let i = kg
                .node(node)
                .ok_or_else(|| AnnotationError::NoEntity(node.clone()))?;
            let norm = normalize(value);
            let held = kg
                .data(i)
                .attrs
                .iter()
                .any(|x| &x.key == key && normalize(&x.value.to_string()) == norm);
            if a.action == Action::Retract && !held {
                return Err(AnnotationError::NoAttribute {
                    node: node.clone(),
                    key: key.clone(),
                    value: value.clone(),
                });
            }
            Ok(())
        }
        Fact::Edge {
            from,
            kind,
            to,
            date,
        } => {
            validate_edge(kg, a.action, from, *kind, to)?;
            date.map_or(Ok(()), |d| validate_date(kg, d))
        }
    }
}

/// No control characters in what an annotation says in words (escape
/// sequences in an author's name would be replayed on every terminal that
/// lists it): none in the author and time, only newlines and tabs in the
/// reason, source and attribute value.
fn plain_text(a: &Annotation) -> Result<(), AnnotationError> {
    let value = match &a.fact {
        Fact::Attr { value, .. } => value.as_str(),
        Fact::Edge { .. } => "",
    };
    let fields = [
        ("author", a.author.as_str(), true),
        ("time", a.at.as_str(), true),
        ("reason", a.reason.as_str(), false),
        (
            "claimed author",
            a.claimed_by.as_deref().unwrap_or(""),
            true,
        ),
        ("claimed time", a.claimed_at.as_deref().unwrap_or(""), true),
        ("source", a.source.as_str(), false),
        ("value", value, false),
    ];
    for (field, text, one_line) in fields {
        if let Some(found) = control_char(text, one_line) {
            return Err(AnnotationError::ControlCharacter { field, found });
        }
    }
    Ok(())
}

fn validate_edge(
    kg: &KnowledgeGraph,
    action: Action,
    from: &str,
    kind: EdgeKind,
    to: &str,
) -> Result<(), AnnotationError> {
    for id in [from, to] {
        if kg.node(id).is_none() {
            return Err(AnnotationError::NoEntity(id.to_string()));
        }
    }
    if kind == EdgeKind::Awaits {
        return Err(AnnotationError::Derived);
    }
    let present = kg.graph.edge_indices().any(|e| {
        edge_matches(kg, e, from, kind, to)
            || (kind == EdgeKind::SameAs && edge_matches(kg, e, to, kind, from))
    });
    if matches!(action, Action::Retract | Action::Reject | Action::Confirm) && !present {
        return Err(AnnotationError::NoFact {
            from: from.to_string(),
            kind,
            to: to.to_string(),
            action,
        });
    }
    Ok(())
}

/// A date no later than the latest report (or, with no dated report,
/// than today).
fn validate_date(kg: &KnowledgeGraph, d: DateValue) -> Result<(), AnnotationError> {
    let latest = kg
        .documents
        .iter()
        .filter_map(|doc| doc.date.map(|dd| dd.end))
        .max();
    let today = Ymd::parse_iso(now_utc().get(..10).unwrap_or_default());
    let limit = latest.or(today);
    if limit.is_some_and(|l| d.start > l) {
        return Err(AnnotationError::LaterThanSources { date: d, latest });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_786), (2026, 11, 29));
    }
}
