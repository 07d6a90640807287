//! Facts of decision lists ([`super::decisions`]): each item becomes an
//! agreement `adopted_at` the document's own meeting, or at the meeting
//! its cue sentence names ("En la VII CRM, los Viceministros acordaron:").
//! What the sentence-level reading of agreements found inside an item is
//! replaced by the item, and requests made inside an item follow it.

use super::decisions::Item;
use super::facts::{shorten, Facts};
use super::profile::words;
use super::sentence::Sentence;
use crate::model::{section_id, EdgeKind, Kind, Section, Span, Sym, Value};
use std::collections::HashSet;

/// The meeting a document records: the first meeting its text resolves
/// before `before` (its first decision cue), not one announced for later
/// nor one its sentence speaks of in the future ("Perú será la sede de la
/// VIII Reunión de la RIAM": the news is what the VII decided).
pub fn own_meeting(secs: &[Vec<Sentence>], before: usize) -> Option<String> {
    secs.iter()
        .flatten()
        .filter(|s| s.span.start < before)
        .flat_map(|s| {
            s.meetings
                .iter()
                .map(move |r| (s, s.span.start + r.start, r))
        })
        .find(|(s, at, r)| {
            *at < before
                && !r.scheduled
                && !r.destination
                && !r.aside
                && r.id.is_some()
                && !super::meetings::future_before(s, r.start)
        })
        .map(|(_, _, r)| r)
        .and_then(|r| r.id.clone())
}

/// The meeting the sentence holding `at` names before `until` (where the
/// item's own text starts), if any: not one it names as hosted ("its offer
/// to host the Sixth Regional Conference", `hosting` in [`words`] form),
/// which is yet to be held. A meeting named in the item is not where the
/// list was adopted, even when no full stop parts it from the cue ("El
/// Grupo concluyó lo siguiente: … que la V Conferencia prepare …").
fn meeting_at(
    secs: &[Vec<Sentence>],
    (at, until): (usize, usize),
    hosting: &[String],
) -> Option<String> {
    let hosted = |s: &Sentence, r: &super::meetings::MeetingRef| {
        let before = words(s.text.get(..r.start).unwrap_or(""));
        hosting
            .iter()
            .any(|h| before == *h || before.ends_with(&format!(" {h}")))
    };
    secs.iter()
        .flatten()
        .find(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1))
        .and_then(|s| {
            s.meetings.iter().find(|r| {
                !r.scheduled
                    && (!r.aside || r.at)
                    && r.id.is_some()
                    && s.span.start + r.start < until.max(at + 1)
                    && !hosted(s, r)
            })
        })
        .and_then(|r| r.id.clone())
}

/// Where the list that `item` belongs to (the items of its cue) starts.
fn list_start(items: &[Item], item: &Item) -> usize {
    items
        .iter()
        .find(|i| i.cue == item.cue)
        .map_or(item.span.start, |i| i.span.start)
}

pub(super) fn section_of(sections: &[Section], at: usize) -> &str {
    sections
        .iter()
        .rev()
        .find(|s| s.span.start <= at && at < s.span.end)
        .map_or("", |s| s.id.as_str())
}

pub(super) fn inside(outer: Span, inner: Span) -> bool {
    inner.start < outer.end && outer.start < inner.end
}

/// Where the items were adopted: the document's own meeting, unless the
/// cue's sentence names one (not one it names as hosted, after words of
/// `hosting`).
#[derive(Clone, Copy)]
pub struct Adopted<'a> {
    pub own: Option<&'a str>,
    pub hosting: &'a [String],
}

/// Each item with its agreement id and section id.
pub type Stored = Vec<(Item, String, String)>;

/// Store the items as agreements; returns one line per item for the
/// notes, and the items with their agreements.
pub fn emit(
    doc: &str,
    text: &str,
    sections: &[Section],
    secs: &[Vec<Sentence>],
    items: &[Item],
    adopted: Adopted<'_>,
    facts: &mut Facts,
) -> (Vec<String>, Stored) {
    let Adopted { own, hosting } = adopted;
    let Some(first) = items.first() else {
        return (Vec::new(), Vec::new());
    };
    let own = own_meeting(secs, first.cue.start).or_else(|| own.map(str::to_string));
    let mut notes = Vec::new();
    let mut ids: Vec<(String, Span, Span)> = Vec::new();
    let mut stored = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let body = text.get(item.span.start..item.span.end).unwrap_or("");
        let one: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut id = if item.label.is_empty() {
            format!("agreement:{doc}/item-{}", n + 1)
        } else {
            format!("agreement:{doc}/item-{}", item.label)
        };
        if ids.iter().any(|(x, ..)| *x == id) {
            id = format!("{id}-{}", n + 1);
        }
        let section = section_of(sections, item.span.start);
        let prov = facts.prov(section, item.span);
        let label = if item.label.is_empty() {
            shorten(&one, 70)
        } else {
            format!("{}. {}", item.label, shorten(&one, 70))
        };
        facts.node(
            &id,
            Kind::Agreement,
            &label,
            std::slice::from_ref(&label),
            &prov,
        );
        facts.attr(&id, "text", Value::Text(one.clone()), &prov);
        if !item.label.is_empty() {
            facts.attr(&id, "label", Value::Text(item.label.clone()), &prov);
        }
        facts.edge(
            &section_id(doc, section),
            &id,
            EdgeKind::Mentions,
            vec![],
            &prov,
        );
        // A list's cue: what the items name is not where they were
        // adopted. A sentence's own verb: its whole sentence may say.
        let until = if inside(item.span, item.cue) {
            usize::MAX
        } else {
            list_start(items, item)
        };
        let meeting = meeting_at(secs, (item.cue.start, until), hosting).or_else(|| own.clone());
        match &meeting {
            Some(m) => {
                facts.edge(&id, m, EdgeKind::AdoptedAt, vec![], &prov);
                notes.push(format!(
                    "decision {}: {} adopted_at {m}",
                    item.label,
                    shorten(&one, 60)
                ));
            }
            None => notes.push(format!(
                "decision {}: {} (the meeting that adopted it is not stated)",
                item.label,
                shorten(&one, 60)
            )),
        }
        stored.push((item.clone(), id.clone(), section.to_string()));
        ids.push((id, item.span, item.cue));
    }
    replace_sentence_agreements(facts, &ids);
    (notes, stored)
}

/// Agreements read sentence by sentence inside an item give way to the
/// item, and one read from a list's cue ("los Viceministros acordaron:")
/// to the list's first item; requests and edges that pointed at them point
/// at the item.
fn replace_sentence_agreements(facts: &mut Facts, items: &[(String, Span, Span)]) {
    let listed: HashSet<&str> = items.iter().map(|(id, ..)| id.as_str()).collect();
    let mut moved: Vec<(String, String)> = Vec::new();
    for n in &facts.nodes {
        if n.kind != Kind::Agreement || listed.contains(n.id.as_str()) {
            continue;
        }
        let crate::model::Provenance::Extracted { span, .. } = &*n.prov else {
            continue;
        };
        let within = items.iter().find(|(_, s, _)| inside(*s, *span));
        let cued = || items.iter().find(|(_, _, cue)| inside(*cue, *span));
        if let Some((to, ..)) = within.or_else(cued) {
            moved.push((n.id.to_string(), to.clone()));
        }
    }
    if moved.is_empty() {
        return;
    }
    let target = |id: &str| {
        moved
            .iter()
            .find(|(from, _)| from == id)
            .map(|(_, to)| to.clone())
    };
    facts.retain_nodes(|n| target(&n.id).is_none());
    facts.edges.retain(|e| {
        target(&e.from).is_none() && !(e.kind == EdgeKind::Mentions && target(&e.to).is_some())
    });
    for e in &mut facts.edges {
        if let Some(to) = target(&e.to) {
            e.to = Sym::new(&to);
        }
    }
    for r in &mut facts.requests {
        if let Some(to) = target(&r.agreement) {
            r.agreement = Sym::new(&to);
        }
    }
}
