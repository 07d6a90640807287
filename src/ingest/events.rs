//! Dated happenings: follow-up letters and bulletins ("envió cartas de
//! seguimiento el 21 de agosto 2002 y de nuevo el 13 de febrero 2003"),
//! deadlines ("al 15 de diciembre de 2002"), the section's workshop or
//! seminar (held, pending or being arranged), the handover of the
//! Presidency Pro-Tempore, and other acts (an application, a
//! presentation, an establishment). The same letter named in several
//! sections (same type, date and sender) is one node, `follows_up` each
//! agreement it concerns; "la carta ... antes mencionada" is the last one.

mod gathering;

use super::agreements::Agreement;
use super::facts::{shorten, Facts};
use super::meetings::Env;
use super::pattern::Pattern;
use super::profile::{event_kinds, event_name, events, events_pattern};
use super::rules::{self, compile};
use super::sentence::Sentence;
use crate::model::{DateValue, EdgeKind, Kind, Provenance, Section, Value};
use crate::text::{normalize, slug};
use std::sync::OnceLock;

struct Patterns {
    correspondence: Pattern,
    /// The event kind of each group of `correspondence`, then `actions`.
    correspondence_kinds: Vec<&'static str>,
    action_kinds: Vec<&'static str>,
    anaphora: Pattern,
    actions: Pattern,
    handover: Pattern,
    at_end: Pattern,
    requestish: Pattern,
    same_date: Pattern,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        correspondence: rules::alternation(
            event_kinds(|e| &e.correspondence).into_iter().map(|c| c.0),
        ),
        correspondence_kinds: event_kinds(|e| &e.correspondence)
            .into_iter()
            .map(|c| c.1)
            .collect(),
        action_kinds: event_kinds(|e| &e.acts).into_iter().map(|c| c.1).collect(),
        anaphora: compile(&events_pattern(|e| &e.anaphora, r"\b")),
        actions: rules::alternation(event_kinds(|e| &e.acts).into_iter().map(|c| c.0)),
        handover: compile(&events_pattern(|e| &e.handover, r"\b")),
        at_end: compile(&events_pattern(|e| &e.at_end_of, r"\b")),
        requestish: rules::alternation(
            super::profile::follow_up(|f| &f.asked)
                .into_iter()
                .chain(events(|e| &e.deadline)),
        ),
        same_date: compile(&super::profile::follow_up_pattern(|f| &f.same_date, r"\b")),
    })
}

/// What carries over from section to section.
#[derive(Debug, Default)]
pub struct State {
    last_letter: Option<String>,
    last_deadline: Option<(String, DateValue)>,
    handover: Option<String>,
}

/// Everything the event finder needs.
pub struct Context<'a> {
    pub doc: &'a str,
    pub section: &'a Section,
    pub sentences: &'a [Sentence],
    pub agreements: &'a [Agreement],
    pub env: &'a Env<'a>,
    pub meeting_date: &'a dyn Fn(&str) -> Option<DateValue>,
    pub short_name: &'a dyn Fn(&str) -> String,
}

fn date_key(d: &DateValue) -> String {
    match d.precision {
        crate::model::Precision::Month => format!("{:04}-{:02}", d.start.year, d.start.month),
        crate::model::Precision::Year => format!("{:04}", d.start.year),
        _ => d.start.to_string(),
    }
}

fn key(id: &str) -> &str {
    id.split_once(':').map_or(id, |(_, k)| k)
}

impl Context<'_> {
    /// Agreements an event in sentence `i` follows up: the item's first,
    /// and the latest one before the sentence.
    fn follows(&self, i: usize) -> Vec<String> {
        let mut out: Vec<String> = self
            .agreements
            .first()
            .map(|a| a.id.clone())
            .into_iter()
            .collect();
        if let Some(a) = self.agreements.iter().rev().find(|a| a.sentence <= i) {
            if !out.contains(&a.id) {
                out.push(a.id.clone());
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)] // one event's facts, each needed
    fn event(
        &self,
        facts: &mut Facts,
        id: &str,
        name: &str,
        kind: &str,
        date: Option<DateValue>,
        i: usize,
        prov: &Provenance,
        notes: &mut Vec<String>,
    ) {
        let sec = crate::model::section_id(self.doc, &self.section.id);
        facts.node(id, Kind::Event, name, &[], prov);
        facts.attr(id, "type", Value::Text(kind.into()), prov);
        if let Some(d) = date {
            let better = match facts.attr_of(id, "date") {
                Some(Value::Date(old)) => old.inferred && !d.inferred,
                _ => true,
            };
            if better {
                facts.set_attr(id, "date", Value::Date(d), prov);
            }
        }
        facts.edge(&sec, id, EdgeKind::Mentions, vec![], prov);
        for a in self.follows(i) {
            facts.edge(id, &a, EdgeKind::FollowsUp, vec![], prov);
        }
        let when = date.map_or_else(|| "undated".to_string(), |d| d.to_string());
        let line = format!("event {kind} {when} ({id})");
        if !notes.contains(&line) {
            notes.push(line);
        }
    }
}

/// The organization or country acting in a sentence before `at`: the
/// nearest one named before it, outside meeting references.
fn actor(s: &Sentence, at: usize) -> Option<String> {
    s.mentions
        .iter()
        .rev()
        .find(|m| m.end <= at && !s.in_meeting(m.start, m.end))
        .map(|m| m.id.clone())
}

/// Find and write the events of one section.
pub fn extract(
    cx: &Context,
    st: &mut State,
    facts: &mut Facts,
    notes: &mut Vec<String>,
    uncertain: &mut Vec<String>,
) {
    let p = patterns();
    for (i, s) in cx.sentences.iter().enumerate().filter(|(_, s)| !s.heading) {
        let prov = facts.prov(&cx.section.id, s.span);
        correspondence(cx, st, facts, notes, uncertain, i, s, &prov);
        // Deadlines of requests.
        if p.requestish.is_match(s.hay()) {
            for d in s.dates.iter().filter(|d| d.deadline) {
                let Some(v) = d.value else { continue };
                let id = format!("event:{}/deadline-{}", cx.doc, date_key(&v));
                let name = format!("Plazo {}", date_key(&v));
                cx.event(facts, &id, &name, "deadline", Some(v), i, &prov, notes);
                st.last_deadline = Some((id, v));
            }
            if p.same_date.is_match(s.hay()) {
                if let Some((id, v)) = st.last_deadline.clone() {
                    cx.event(
                        facts,
                        &id,
                        &format!("Plazo {}", date_key(&v)),
                        "deadline",
                        Some(v),
                        i,
                        &prov,
                        notes,
                    );
                }
            }
        }
        handover(cx, st, facts, notes, i, s, &prov);
        for m in p.actions.captures_iter(s.hay()) {
            let Some(g) = (1..m.len()).find(|&k| m.get(k).is_some()) else {
                continue;
            };
            let (Some(hit), Some(&kind)) = (m.get(g), p.action_kinds.get(g - 1)) else {
                continue;
            };
            let at = s.orig(hit.start());
            let mut actors: Vec<String> = Vec::new();
            let mut edge = at;
            for x in s
                .mentions
                .iter()
                .rev()
                .filter(|x| x.end <= at && !s.in_meeting(x.start, x.end))
            {
                let gap = s.norm_between(x.end, edge);
                if !gap
                    .split_whitespace()
                    .all(|w| ["y", "e", "de", "del", "la", "el", "las", "los", ","].contains(&w))
                {
                    break;
                }
                actors.insert(0, x.id.clone());
                edge = x.start;
            }
            let cue_end = s.end_of(hit.end());
            let meeting = s.meetings.iter().find(|r| {
                r.id.is_some()
                    && !r.destination
                    && r.start >= cue_end
                    && s.slice(cue_end, r.start).split_whitespace().count() <= 6
            });
            let date = s
                .dates
                .iter()
                .find(|d| !d.deadline && !s.in_meeting(d.start, d.end))
                .and_then(|d| d.value)
                .or_else(|| {
                    meeting
                        .and_then(|r| r.id.as_deref())
                        .and_then(|id| (cx.meeting_date)(id))
                });
            let who: Vec<&str> = actors
                .iter()
                .map(|a| key(a).rsplit(':').next().unwrap_or(a))
                .collect();
            let id = format!(
                "event:{}/{kind}-{}{}",
                cx.doc,
                date.as_ref().map_or_else(|| slug(&cx.section.id), date_key),
                if who.is_empty() {
                    String::new()
                } else {
                    format!("-{}", who.join("-"))
                }
            );
            let names: Vec<String> = actors.iter().map(|a| (cx.short_name)(a)).collect();
            let name = match names.as_slice() {
                [] => format!("{} ({})", event_name(kind), shorten(&s.text, 60)),
                [one] => format!("{} de {one}", event_name(kind)),
                [rest @ .., last] => {
                    format!("{} de {} y {last}", event_name(kind), rest.join(", "))
                }
            };
            cx.event(facts, &id, &name, kind, date, i, &prov, notes);
            let edge_kind = if kind == "establishment" {
                EdgeKind::Concerns
            } else {
                EdgeKind::ProposedBy
            };
            for a in &actors {
                facts.edge(&id, a, edge_kind, vec![], &prov);
            }
            if let Some(m) = meeting.and_then(|r| r.id.as_deref()) {
                facts.edge(&id, m, EdgeKind::PartOf, vec![], &prov);
            }
        }
    }
    gathering::gathering(cx, facts, notes, uncertain);
}

#[allow(clippy::too_many_arguments)] // the section walk's state, passed down
fn correspondence(
    cx: &Context,
    st: &mut State,
    facts: &mut Facts,
    notes: &mut Vec<String>,
    uncertain: &mut Vec<String>,
    i: usize,
    s: &Sentence,
    prov: &Provenance,
) {
    let p = patterns();
    let hits: Vec<(usize, usize, &str)> = p
        .correspondence
        .captures_iter(s.hay())
        .filter_map(|c| {
            let g = (1..c.len()).find(|&k| c.get(k).is_some())?;
            let m = c.get(g)?;
            let kind = *patterns().correspondence_kinds.get(g - 1)?;
            Some((s.orig(m.start()), s.end_of(m.end()), kind))
        })
        .collect();
    for (k, &(a, b, kind)) in hits.iter().enumerate() {
        let until = hits.get(k + 1).map_or(s.text.len(), |h| h.0);
        let dated: Vec<DateValue> = s
            .dates
            .iter()
            .filter(|d| {
                d.start >= b && d.start < until && !d.deadline && !s.in_meeting(d.start, d.end)
            })
            .filter_map(|d| d.value)
            .collect();
        // The sender: "de la Presidencia Pro-Témpore" right after, or the subject.
        let after = s
            .mentions
            .iter()
            .find(|m| m.start >= b && s.norm_between(b, m.start).trim().len() <= 6);
        let first_after = || {
            s.mentions
                .iter()
                .find(|m| {
                    m.start >= b
                        && m.kind == crate::model::Kind::Organization
                        && !s.in_meeting(m.start, m.end)
                })
                .map(|m| m.id.clone())
        };
        let sender = after
            .map(|m| m.id.clone())
            .or_else(|| actor(s, a))
            .or_else(first_after);
        let noun = s.slice(a, b).to_string();
        if dated.is_empty() {
            let refers_back =
                p.anaphora.is_match(s.hay_after(b)) || p.anaphora.is_match(s.hay_before(a));
            match (&st.last_letter, refers_back) {
                (Some(id), true) => {
                    let id = id.clone();
                    let name = facts.get(&id).map(|n| n.name.clone()).unwrap_or_default();
                    cx.event(facts, &id, &name, kind, None, i, prov, notes);
                    notes.push(format!("\"{noun}\" read as the letter named before ({id})"));
                }
                _ => uncertain.push(format!("{kind} without a date: {}", shorten(&s.text, 70))),
            }
            continue;
        }
        for d in dated {
            let who = sender.as_deref().map_or("unknown", key);
            let id = format!("event:{}/{kind}-{}-{who}", cx.doc, date_key(&d));
            let by = sender
                .as_deref()
                .map(|x| (cx.short_name)(x))
                .unwrap_or_default();
            let follow = if normalize(&noun).contains("seguimiento") {
                " de seguimiento"
            } else {
                ""
            };
            let name = format!("{}{follow} {by} {}", event_name(kind), date_key(&d))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            cx.event(facts, &id, &name, kind, Some(d), i, prov, notes);
            if let Some(x) = &sender {
                facts.attr(&id, "sender", Value::Text(x.clone()), prov);
                facts.edge(&id, x, EdgeKind::ProposedBy, vec![], prov);
            }
            if d.start.yearless() {
                uncertain.push(format!("{id}: the text states no year"));
            } else if d.inferred {
                uncertain.push(format!("{id}: year inferred"));
            }
            st.last_letter = Some(id);
        }
    }
}

fn handover(
    cx: &Context,
    st: &mut State,
    facts: &mut Facts,
    notes: &mut Vec<String>,
    i: usize,
    s: &Sentence,
    prov: &Provenance,
) {
    let p = patterns();
    let Some(m) = p.handover.find(s.hay()) else {
        return;
    };
    if !s.norm.contains("presidencia") {
        return;
    }
    let at = s.orig(m.start());
    let countries: Vec<String> = s
        .mentioned("country:")
        .filter(|c| c.start >= at && !s.in_meeting(c.start, c.end))
        .map(|c| c.id.clone())
        .collect();
    if countries.len() < 2 {
        if let Some(id) = &st.handover {
            let sec = crate::model::section_id(cx.doc, &cx.section.id);
            facts.edge(&sec, id, EdgeKind::Mentions, vec![], prov);
            notes.push(format!("reference to the handover {id}"));
        }
        return;
    }
    let meeting = s.meetings.iter().find(|r| r.id.is_some());
    let mut date = s
        .dates
        .iter()
        .find(|d| !s.in_meeting(d.start, d.end))
        .and_then(|d| d.value);
    if date.is_none() {
        if let Some(r) = meeting {
            let md = r.id.as_deref().and_then(|id| (cx.meeting_date)(id));
            date = match (md, p.at_end.is_match(s.hay_before(r.start))) {
                (Some(d), true) => Some(DateValue {
                    inferred: true,
                    ..DateValue::day(d.end)
                }),
                (d, _) => d,
            };
        }
    }
    let id = format!(
        "event:{}/handover-{}",
        cx.doc,
        date.as_ref().map_or_else(|| slug(&cx.section.id), date_key)
    );
    let (from, to) = (&countries[0], &countries[1]);
    let name = format!(
        "Traspaso de la Presidencia Pro-Témpore: {} → {}",
        (cx.short_name)(from),
        (cx.short_name)(to)
    );
    cx.event(facts, &id, &name, "handover", date, i, prov, notes);
    facts.attr(&id, "from", Value::Text(from.clone()), prov);
    facts.attr(&id, "to", Value::Text(to.clone()), prov);
    for x in [from, to] {
        facts.edge(&id, x, EdgeKind::Concerns, vec![], prov);
    }
    for office in &crate::reference::roles().rotating {
        facts.edge(&id, office, EdgeKind::Concerns, vec![], prov);
    }
    if let Some(mid) = meeting.and_then(|r| r.id.as_deref()) {
        facts.edge(&id, mid, EdgeKind::PartOf, vec![], prov);
    }
    st.handover = Some(id);
}
