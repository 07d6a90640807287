//! The section's workshop or seminar: named by its heading ("Taller
//! auspiciado por ...") or its text, dated where the text says it took
//! place ("se realizó el 8 y 9 de mayo"), else relative to a meeting ("el
//! día antes de la reunión del GRCM de octubre 2002"), else planned; with
//! its status, place, sponsors and the organizations involved.

use super::{date_key, Context};
use crate::ingest::agreements;
use crate::ingest::facts::{shorten, Facts};
use crate::ingest::meetings;
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::{event_kinds, event_name, events_pattern};
use crate::ingest::rules::{self, compile};
use crate::ingest::sentence::Sentence;
use crate::model::{DateValue, EdgeKind, Status, Value, Ymd};
use crate::text::slug;
use std::sync::OnceLock;

struct Patterns {
    gatherings: Pattern,
    /// The event kind of each group of `gatherings`.
    kinds: Vec<&'static str>,
    gathering_anaphora: Pattern,
    day_before: Pattern,
    day_after: Pattern,
    place: Pattern,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        gatherings: rules::alternation(event_kinds(|e| &e.gatherings).into_iter().map(|c| c.0)),
        kinds: event_kinds(|e| &e.gatherings)
            .into_iter()
            .map(|c| c.1)
            .collect(),
        gathering_anaphora: compile(&events_pattern(|e| &e.gathering_anaphora, r"\b")),
        day_before: compile(&events_pattern(|e| &e.day_before, r"\s*$")),
        day_after: compile(&events_pattern(|e| &e.day_after, r"\s*$")),
        place: compile(
            r"\ben\s+(?P<p>[A-ZÁÉÍÓÚÑ][\p{L}\-]*(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\p{L}\-]*){0,2})",
        ),
    })
}

/// The section's workshop or seminar, if its heading or text is about one.
pub fn gathering(
    cx: &Context,
    facts: &mut Facts,
    notes: &mut Vec<String>,
    uncertain: &mut Vec<String>,
) {
    let p = patterns();
    fn mentions<'s>(p: &Patterns, s: &'s Sentence) -> Option<(regex::Captures<'s>, usize)> {
        let c = p.gatherings.captures(s.hay())?;
        let k = (1..c.len()).find(|&k| c.get(k).is_some())?;
        Some((c, k))
    }
    let mentions = |s| mentions(p, s);
    let heading = cx.sentences.iter().find(|s| s.heading);
    let heading_kind = heading.and_then(|h| {
        let (c, k) = mentions(h)?;
        (c.get(0)?.start() == 0)
            .then(|| p.kinds.get(k - 1).copied())
            .flatten()
    });
    let body: Vec<(usize, &Sentence)> = cx
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            !s.heading && (mentions(s).is_some() || p.gathering_anaphora.is_match(s.hay()))
        })
        .collect();
    let body_kind = body.iter().find_map(|(_, s)| {
        let (_, k) = mentions(s)?;
        let held = agreements::status_of(s).is_some() || s.dates.iter().any(|d| d.value.is_some());
        held.then(|| p.kinds.get(k - 1).copied()).flatten()
    });
    let Some(kind) = heading_kind.or(body_kind) else {
        return;
    };
    // Date: where it is said to have happened, else planned, else relative
    // to a meeting ("el día antes de la reunión del GRCM").
    let mut date: Option<(DateValue, usize)> = None;
    let mut planned: Option<(DateValue, usize)> = None;
    let mut status: Option<(Status, usize)> = None;
    let mut held_in: Option<(String, usize)> = None;
    for &(i, s) in &body {
        let st = agreements::status_of(s);
        if let Some(x) = st {
            status = Some((x, i));
        }
        let own = s
            .dates
            .iter()
            .find(|d| !d.deadline && !s.in_meeting(d.start, d.end))
            .and_then(|d| d.value);
        match (own, st) {
            (Some(d), Some(Status::Done)) => date = Some((d, i)),
            (Some(d), _) => planned = planned.or(Some((d, i))),
            (None, _) => {}
        }
        for r in s.meetings.iter().filter(|r| r.id.is_some()) {
            let before = s.norm_before(r.start);
            let shift = if p.day_before.is_match(before) {
                -1
            } else if p.day_after.is_match(before) {
                1
            } else {
                continue;
            };
            let md = r.id.as_deref().and_then(|id| (cx.meeting_date)(id));
            if let Some(d) = md.filter(|d| d.precision != crate::model::Precision::Month) {
                let day = if shift < 0 { d.start } else { d.end };
                if let Some(x) = shift_day(day, shift) {
                    date = Some((
                        DateValue {
                            inferred: true,
                            ..DateValue::day(x)
                        },
                        i,
                    ));
                    uncertain.push(format!(
                        "{kind} dated from the meeting it preceded or followed ({})",
                        r.id.as_deref().unwrap_or("")
                    ));
                }
            }
        }
        if held_in.is_none() {
            for c in p.place.captures_iter(&s.text) {
                let inside = c.get(0).is_some_and(|m| s.in_meeting(m.start(), m.end()));
                if inside {
                    continue;
                }
                if let Some((_, Some(country))) = c
                    .name("p")
                    .and_then(|m| meetings::place(m.as_str(), cx.env))
                {
                    held_in = Some((country, i));
                    break;
                }
            }
        }
    }
    let date = date.or(planned.filter(|_| status.is_some_and(|(x, _)| x == Status::Done)));
    let idx = body.first().map_or(0, |(i, _)| *i);
    let span = cx.sentences.get(idx).map_or(cx.section.span, |s| s.span);
    let prov = facts.prov(&cx.section.id, span);
    let id = format!(
        "event:{}/{kind}-{}",
        cx.doc,
        date.as_ref()
            .map_or_else(|| slug(&cx.section.id), |(d, _)| date_key(d))
    );
    let name = match heading {
        Some(h) if heading_kind.is_some() => shorten(&h.text, 120),
        _ => format!("{} ({})", event_name(kind), cx.section.id),
    };
    cx.event(
        facts,
        &id,
        &name,
        kind,
        date.map(|(d, _)| d),
        idx,
        &prov,
        notes,
    );
    if let Some((d, i)) = date {
        let dp = facts.prov(&cx.section.id, cx.sentences[i].span);
        facts.set_attr(&id, "date", Value::Date(d), &dp);
        if d.inferred {
            uncertain.push(format!("{id}: date inferred"));
        }
    } else if let Some((d, i)) = planned {
        let dp = facts.prov(&cx.section.id, cx.sentences[i].span);
        facts.attr(&id, "planned", Value::Date(d), &dp);
    }
    if let Some((x, i)) = status {
        let sp = facts.prov(&cx.section.id, cx.sentences[i].span);
        facts.set_attr(&id, "status", Value::Text(x.as_str().into()), &sp);
    }
    if let Some((c, i)) = held_in {
        let hp = facts.prov(&cx.section.id, cx.sentences[i].span);
        facts.edge(&id, &c, EdgeKind::HeldIn, vec![], &hp);
    }
    for s in cx
        .sentences
        .iter()
        .filter(|s| s.heading)
        .chain(body.iter().map(|(_, s)| *s))
    {
        let sp = facts.prov(&cx.section.id, s.span);
        let by = agreements::proposers(s);
        for x in &by {
            facts.edge(&id, x, EdgeKind::ProposedBy, vec![], &sp);
        }
        let general = &crate::reference::roles().presented_at;
        for m in s.mentioned("organization:").filter(|m| {
            !by.contains(&m.id) && !s.in_meeting(m.start, m.end) && !general.contains(&m.id)
        }) {
            facts.edge(&id, &m.id, EdgeKind::Concerns, vec![], &sp);
        }
    }
}

fn shift_day(d: Ymd, by: i32) -> Option<Ymd> {
    if by < 0 {
        if d.day > 1 {
            return Ymd::checked(d.year, d.month, d.day - 1);
        }
        let (y, m) = if d.month == 1 {
            (d.year - 1, 12)
        } else {
            (d.year, d.month - 1)
        };
        Ymd::checked(y, m, Ymd::days_in_month(y, m))
    } else {
        Ymd::checked(d.year, d.month, d.day + 1).or_else(|| {
            let (y, m) = if d.month == 12 {
                (d.year + 1, 1)
            } else {
                (d.year, d.month + 1)
            };
            Ymd::checked(y, m, 1)
        })
    }
}
