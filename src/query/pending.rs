//! `pending on <date>`: what was still awaited on a given day, read from
//! every document, later ones included (they date what happened). This is
//! not `as of`, which answers with only the documents published by then.
//! A request made after the day is left out; a country counts as having
//! responded by the day only when a date on or before it is known (the
//! response's own date, or the date of the document that reports it);
//! one whose response came at a time the documents do not give "may have
//! responded", and the answer says so rather than guessing either way.

use super::answer::{Answer, Cell};
use super::eval::Ctx;
use crate::graph::KnowledgeGraph;
use crate::model::{EdgeKind, Kind, Provenance, Request, Value, Ymd};
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use std::collections::BTreeSet;

/// The requests about the agreements of `meeting` (of every meeting when
/// `None`) still awaiting responses on `day`.
pub(crate) fn pending_on(ctx: &Ctx<'_>, meeting: Option<NodeIndex>, day: Ymd) -> Answer {
    let kg = ctx.kg;
    let of_meeting: Option<BTreeSet<&str>> = meeting.map(|m| agreements_of(kg, m));
    let mut a = Answer::new(&["agreement", "request", "awaiting", "countries", "note"])
        .of_entities(&["agreement", "countries"]);
    for r in &kg.requests {
        if of_meeting
            .as_ref()
            .is_some_and(|set| !set.contains(&*r.agreement))
        {
            continue;
        }
        if r.requested_on.is_some_and(|d| d.start > day) {
            continue;
        }
        let Some(ai) = kg.node(&r.agreement) else {
            continue;
        };
        let Some(row) = row_of(kg, r, ai, day) else {
            continue;
        };
        a.push(row, vec![ctx.source(&r.prov, true)]);
    }
    a.caveat(format!(
        "pending on {day}: read from every document, later ones included; a response the documents do not date may or may not have come by then"
    ));
    a
}

/// The agreements adopted or reaffirmed at meeting `m`, by id.
pub(super) fn agreements_of(kg: &KnowledgeGraph, m: NodeIndex) -> BTreeSet<&str> {
    kg.graph
        .edges_of(
            m,
            Direction::Incoming,
            &[EdgeKind::AdoptedAt, EdgeKind::ReaffirmedAt],
        )
        .map(|e| e.source())
        .filter(|a| kg.kind_of(*a) == Kind::Agreement)
        .map(|a| &*kg.data(a).id)
        .collect()
}

/// When a response was given, as far as the sources say: its own date,
/// else the date of the document that reports it (it came by then).
fn known_by(kg: &KnowledgeGraph, e: &crate::graph::EdgeData) -> Option<Ymd> {
    let own = e.attrs.iter().find_map(|a| match (&*a.key, &a.value) {
        ("date", Value::Date(d)) => Some(d.end),
        _ => None,
    });
    own.or_else(|| match &*e.prov {
        Provenance::Extracted { doc, .. } => kg.document(doc).and_then(|d| d.date.map(|x| x.end)),
        _ => None,
    })
}

/// One request's row on `day`, or `None` when every country asked is
/// known to have responded by then.
fn row_of(kg: &KnowledgeGraph, r: &Request, ai: NodeIndex, day: Ymd) -> Option<Vec<Cell>> {
    let mut responded = BTreeSet::new();
    let mut maybe = BTreeSet::new();
    for e in kg
        .graph
        .edges_of(ai, Direction::Incoming, &[EdgeKind::Responded])
    {
        let w = e.weight();
        let about_r = w
            .attrs
            .iter()
            .any(|a| &*a.key == "request" && matches!(&a.value, Value::Text(t) if *t == *r.id));
        if w.kind != EdgeKind::Responded || !about_r {
            continue;
        }
        let country = kg.data(e.source()).id.to_string();
        match known_by(kg, w) {
            Some(d) if d <= day => responded.insert(country),
            _ => maybe.insert(country),
        };
    }
    // Respondents the sources count but do not name: by the day when the
    // document that counts them is dated by then.
    let counted_by_then = match &*r.prov {
        Provenance::Extracted { doc, .. } => kg
            .document(doc)
            .and_then(|d| d.date)
            .is_some_and(|d| d.end <= day),
        _ => false,
    };
    let unnamed = r.responded_unnamed;
    let (sure, unsure) = if counted_by_then {
        (unnamed.min, unnamed.max - unnamed.min)
    } else {
        (0, unnamed.max)
    };
    let asked: Vec<&str> = r.requested_from.iter().map(|c| &**c).collect();
    let listed: Vec<&str> = asked
        .iter()
        .copied()
        .filter(|c| !responded.contains(*c))
        .collect();
    let n = asked.len() as u32;
    let most = (listed.len() as u32).saturating_sub(sure);
    let least = most.saturating_sub(unsure + maybe.len() as u32);
    if most == 0 {
        return None;
    }
    let awaiting = if least == most {
        format!("{most} of {n} members")
    } else {
        format!("{least} to {most} of {n} members")
    };
    let note = if least == most {
        Cell::Null
    } else {
        Cell::Text(format!(
            "{} may have responded by then; the documents do not say when",
            most - least
        ))
    };
    let countries = listed
        .iter()
        .filter_map(|c| kg.node(c))
        .map(|i| node_cell(kg, i))
        .collect();
    Some(vec![
        node_cell(kg, ai),
        Cell::Text(r.subject.clone()),
        Cell::Text(awaiting),
        Cell::List(countries),
        note,
    ])
}

fn node_cell(kg: &KnowledgeGraph, i: NodeIndex) -> Cell {
    let d = kg.data(i);
    Cell::Node {
        id: d.id.to_string(),
        kind: d.kind,
        name: d.name.clone(),
    }
}
