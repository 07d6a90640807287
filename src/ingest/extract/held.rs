//! Where and when the document's own meeting was held, and the decisions
//! it adopted that no other meeting claims: read from the opening once the
//! meetings are resolved (a pass of [`super::extract`]).

use crate::ingest::calendar::Calendar;
use crate::ingest::facts::Facts;
use crate::ingest::header::Held;
use crate::ingest::meetings::{self, Env, Target};
use crate::ingest::sentence::Sentence;
use crate::ingest::{decisions, front, header, listed};
use crate::model::{DateValue, EdgeKind, Kind, Precision, Section};

use super::SectionNote;

/// Give the document's own meeting (the first it names in its opening,
/// before its first decision) the place and days its opening states.
/// When the opening names no meeting but a body that meets and days
/// (`MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)` /
/// `San Salvador, El Salvador, December 2-3, 2003`), that body's meeting
/// on those days is the document's. Returns the own meeting's id.
#[allow(clippy::too_many_arguments)]
pub(super) fn own_meeting_held(
    text: &str,
    sections: &[Section],
    secs: &[Vec<Sentence>],
    items: &[decisions::Item],
    env: &Env,
    calendar: &mut Calendar,
    facts: &Facts,
    notes: &mut [SectionNote],
) -> (Option<String>, Option<DateValue>) {
    let limit = items.first().map_or(text.len(), |i| i.cue.start);
    let opening: Vec<Sentence> = secs.iter().flatten().take(12).cloned().collect();
    // Past a page's heading lines, for a gathering word's sentence.
    let longer: Vec<Sentence> = secs.iter().flatten().take(24).cloned().collect();
    let cue = front::held_cue();
    let held = header::read(text, &opening, limit, env, |s| cue.is_match(s.hay()));
    // A meeting the opening names with days of its own that are not the
    // days of holding ("followed on from the first Almaty Conference ...,
    // held in March 2011" over a heading dated 5 June 2013) is another.
    let named = listed::own_meeting(secs, limit).filter(|id| {
        !other_days(
            calendar.get(id).and_then(|e| e.date.as_ref()),
            held.as_ref(),
        )
    });
    // Failing a series meeting or a body, a gathering word and its city.
    let gathered = |held: Option<&Held>, calendar: &mut Calendar| {
        let (mut r, h) = meetings::gathering(&longer, limit, env, held)?;
        let prov = facts.prov(listed::section_of(sections, h.span.start), h.span);
        calendar.register(&mut r, &prov);
        Some((r.id?, h))
    };
    let (own, held) = match (named, held) {
        (Some(own), Some(held)) => (own, held),
        (None, Some(held)) => {
            // A body written as meeting ("Meeting of the RCGM"), else the
            // first body in a sentence that says a meeting took place.
            // Any organization may be written as meeting; only a body
            // known to meet is taken from a "took place" sentence.
            let bodies = || {
                opening
                    .iter()
                    .filter(|s| s.span.start < limit)
                    .flat_map(|s| s.mentions.iter().map(move |m| (s, m)))
                    .filter(|(_, m)| m.kind == Kind::Organization)
            };
            let Some((_, body)) = bodies()
                .find(|(s, m)| meetings::meeting_of(s, m.start))
                .or_else(|| bodies().find(|(s, m)| titled(text, s, (m.start, m.end), env)))
                .or_else(|| {
                    bodies()
                        .filter(|(_, m)| crate::reference::roles().undated_meetings.contains(&m.id))
                        .find(|(s, m)| s.find(cue).first().is_some_and(|&(at, _)| m.end <= at))
                })
            else {
                if let Some(found) = gathered(Some(&held), calendar) {
                    return own_held_note(found, calendar, facts, sections, notes);
                }
                // A title block's place and days in a document of one
                // series keyed by month ("Report and Recommendations of the
                // MIDSA Conference" / "Windhoek, 15 - 17 November 2010"), or
                // a sentence of holding whose subject is that series ("the
                // members of the Khartoum Process met in Addis Ababa"):
                // that series' meeting of the month.
                let by_date = env
                    .series
                    .as_deref()
                    .and_then(crate::reference::series::by_key)
                    .filter(|x| {
                        x.by_date
                            && held.date.is_some()
                            && (held.heading || series_met(&opening, &held, x, cue))
                    });
                let Some(series) = by_date else {
                    // A title block's meeting outside any series
                    // ("TALLER REGIONAL SOBRE ..." / "San Salvador, ...").
                    let Some(mut r) = meetings::titled(text, &held, &opening, env) else {
                        return (None, None);
                    };
                    let prov = facts.prov(listed::section_of(sections, r.start), held.span);
                    calendar.register(&mut r, &prov);
                    let Some(id) = r.id else {
                        return (None, None);
                    };
                    return own_held_note((id, held), calendar, facts, sections, notes);
                };
                let mut r = meetings::MeetingRef::new(
                    held.span.start,
                    held.span.end,
                    Target::Dated {
                        body: format!("organization:{}", series.key()),
                    },
                );
                r.date = held.date;
                let prov = facts.prov(listed::section_of(sections, held.span.start), held.span);
                calendar.register(&mut r, &prov);
                let Some(id) = r.id else {
                    return (None, None);
                };
                return own_held_note((id, held), calendar, facts, sections, notes);
            };
            let mut r = meetings::MeetingRef::new(
                body.start,
                body.end,
                Target::Dated {
                    body: body.id.clone(),
                },
            );
            r.date = held.date;
            let prov = facts.prov(listed::section_of(sections, held.span.start), held.span);
            calendar.register(&mut r, &prov);
            let Some(id) = r.id else {
                return (None, None);
            };
            (id, held)
        }
        (Some(named), None) => return (Some(named), None),
        (None, None) => match gathered(None, calendar) {
            Some(found) => found,
            None => return (None, None),
        },
    };
    own_held_note((own, held), calendar, facts, sections, notes)
}

/// Whether a meeting's stated days and the days of holding are both
/// known and have no day in common.
fn other_days(stated: Option<&(DateValue, crate::model::Provenance)>, held: Option<&Held>) -> bool {
    match (stated, held.and_then(|h| h.date)) {
        // Two years inferred alike compare by their days, when the days of
        // holding come from a sentence (a dateline's day is the page's).
        (Some((d, _)), Some(hd)) => {
            let alike = hd.inferred && held.is_some_and(|h| !h.heading);
            (!d.inferred || alike) && (d.end < hd.start || hd.end < d.start)
        }
        _ => false,
    }
}

/// A body alone on its line (its acronym aside) over a line that opens
/// with a gathering word ("GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN" /
/// "Reunión Extraordinaria"): the title block of the body's meeting.
fn titled(text: &str, s: &Sentence, (start, end): (usize, usize), env: &Env) -> bool {
    let before = text.get(..s.span.start + start).unwrap_or("");
    let lead = before.rsplit('\n').next().unwrap_or(before);
    if !lead.trim().is_empty() {
        return false;
    }
    let Some((line, after)) = text
        .get(s.span.start + end..)
        .and_then(|t| t.split_once('\n'))
    else {
        return false;
    };
    let line = line.trim();
    if !(line.is_empty() || (line.starts_with('(') && line.ends_with(')'))) {
        return false;
    }
    let next = after.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let next = crate::ingest::profile::words(next);
    env.places(|p| &p.gatherings).iter().any(|g| {
        let g = crate::ingest::profile::words(g);
        next == g || next.starts_with(&format!("{g} "))
    })
}

/// Give the own meeting its place and days, note it, and return its id
/// and days.
pub(super) fn own_held_note(
    (own, held): (String, Held),
    calendar: &mut Calendar,
    facts: &Facts,
    sections: &[Section],
    notes: &mut [SectionNote],
) -> (Option<String>, Option<DateValue>) {
    let prov = facts.prov(listed::section_of(sections, held.span.start), held.span);
    calendar.held(&own, &held, &prov);
    if let Some(n) = notes.first_mut() {
        n.extracted.push(format!(
            "the document's own meeting {own} held in {} on {}",
            held.city.as_deref().unwrap_or("(place not stated)"),
            held.date
                .map_or_else(|| "(days not stated)".to_string(), |d| d.to_string())
        ));
    }
    let days = held
        .date
        .filter(|d| matches!(d.precision, Precision::Day | Precision::Range));
    (Some(own), days)
}

/// A record of a numbered series (a declaration, a communiqué) whose
/// opening names no meeting, dated on a day the reference calendar gives
/// to one of the series' meetings, records that meeting
/// (`Washington, DC, March 24, 2000` / `DECLARATION OF THE VICE-MINISTERS
/// ... REGIONAL CONFERENCE ON MIGRATION` is the V CRM's). The evidence is
/// the date line; the meeting's place and days stay the calendar's.
pub(super) fn own_by_calendar(
    secs: &[Vec<Sentence>],
    sections: &[Section],
    series: &str,
    date: DateValue,
    calendar: &mut Calendar,
    facts: &Facts,
    notes: &mut [SectionNote],
) -> Option<String> {
    let (ordinal, acronym) = calendar.numbered_on(&format!("organization:{series}"), Some(date))?;
    let (s, d) = secs.iter().flatten().take(12).find_map(|s| {
        let d = s
            .dates
            .iter()
            .find(|d| d.value.is_some_and(|v| v.end == date.end))?;
        Some((s, d))
    })?;
    let span = crate::model::Span {
        start: s.span.start + d.start,
        end: s.span.start + d.end,
    };
    let mut r = meetings::MeetingRef::new(
        d.start,
        d.end,
        Target::Numbered {
            body: acronym,
            ordinal,
        },
    );
    let prov = facts.prov(listed::section_of(sections, span.start), span);
    calendar.register(&mut r, &prov);
    let id = r.id?;
    if let Some(n) = notes.first_mut() {
        n.extracted.push(format!(
            "the document's own meeting {id}: the one the calendar has on its date ({date})"
        ));
    }
    Some(id)
}

/// In a text with no decision list that tells of one meeting (a
/// communiqué in prose, a news page), an agreement read from a sentence
/// that names no meeting was reached at the document's own meeting.
pub(super) fn adopt_unplaced(facts: &mut Facts, own: &str) {
    // The agreements placed already, collected once: asking each
    // agreement's edges apart made a long document quadratic.
    let placed: std::collections::HashSet<&str> = facts
        .edges
        .iter()
        .filter_map(|e| match e.kind {
            EdgeKind::AdoptedAt | EdgeKind::RecommendedAt | EdgeKind::ReaffirmedAt => {
                Some(e.from.as_str())
            }
            EdgeKind::EvolvedInto => Some(e.to.as_str()),
            _ => None,
        })
        .collect();
    let unplaced: Vec<(String, crate::model::Provenance)> = facts
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement && !placed.contains(n.id.as_str()))
        .map(|n| (n.id.to_string(), (*n.prov).clone()))
        .collect();
    for (id, prov) in unplaced {
        facts.edge(&id, own, EdgeKind::AdoptedAt, vec![], &prov);
    }
}

/// Whether the sentence of holding names `series` as who met: its name
/// right before the words of holding, after nothing but an article, a
/// date, or those of the series by their role ("the members of the
/// Khartoum Process met in", "Partners of the Rabat Process met"); not
/// "officials of Ethiopia met in the framework of the Khartoum Process",
/// "experts from Khartoum Process countries met", "the Chair of ...".
fn series_met(
    opening: &[Sentence],
    held: &Held,
    series: &crate::reference::series::Series,
    cue: &crate::ingest::pattern::Pattern,
) -> bool {
    use crate::ingest::profile::{month, name_connector, words, Profile};
    let Some(s) = opening
        .iter()
        .find(|s| s.span.start <= held.span.start && held.span.start < s.span.end)
    else {
        return false;
    };
    let Some(&(at, _)) = s.find(cue).first() else {
        return false;
    };
    let before = format!(" {}", words(s.text.get(..at).unwrap_or("")).trim_end());
    let Some(pre) = std::iter::once(&series.acronym)
        .chain(&series.names)
        .map(|n| words(n))
        .filter(|n| !n.is_empty())
        .find_map(|n| before.strip_suffix(&format!(" {n}")).map(str::to_string))
    else {
        return false;
    };
    let profiles = Profile::bundled();
    let mut ws: Vec<&str> = pre.split_whitespace().collect();
    while ws.last().is_some_and(|w| name_connector(w)) {
        ws.pop();
    }
    let rest = ws.join(" ");
    let role = profiles
        .iter()
        .flat_map(|p| &p.bodies.roles)
        .any(|r| rest == *r || rest.ends_with(&format!(" {r}")));
    // Only a date before the name ("On 15 December 2016, the ...").
    let dated = ws
        .iter()
        .all(|w| w.bytes().any(|b| b.is_ascii_digit()) || month(w).is_some() || name_connector(w));
    role || dated
}

/// The meeting a document with decisions reports but calls by a common
/// noun only ([`meetings::reported`]): registered as its own meeting,
/// with the sentence that names it as evidence, and the place and days
/// of holding its opening states, if any ("met in Rome on 6 February
/// 2018 for the second edition of ..." / "The meeting gave the
/// participants ..."). Its id.
pub(super) fn own_reported(
    (text, secs, sections): (&str, &[Vec<Sentence>], &[Section]),
    items: &[decisions::Item],
    env: &Env,
    doc: &str,
    calendar: &mut Calendar,
    facts: &Facts,
    notes: &mut [SectionNote],
) -> Option<String> {
    if !met_decided(secs, items, facts, env) {
        return None;
    }
    let (mut r, k) = meetings::reported(secs, env, doc)?;
    let s = secs.iter().flatten().nth(k)?;
    let prov = facts.prov(listed::section_of(sections, s.span.start), s.span);
    calendar.register(&mut r, &prov);
    let id = r.id?;
    if let (Some(n), Target::Reported { title, .. }) = (notes.first_mut(), &r.target) {
        n.extracted.push(format!(
            "the document's own meeting {id}, called \"{title}\" (no name stated)"
        ));
    }
    let limit = items.first().map_or(text.len(), |i| i.cue.start);
    let opening: Vec<Sentence> = secs.iter().flatten().take(12).cloned().collect();
    let cue = front::held_cue();
    if let Some(held) = header::read(text, &opening, limit, env, |s| cue.is_match(s.hay())) {
        own_held_note((id.clone(), held), calendar, facts, sections, notes);
    }
    Some(id)
}

/// Whether a decision's sentence names no one who acts alone (`[places]
/// acts_alone`: "the Cabinet decided", "el Gobierno de Ecuador acordó"):
/// only such decisions may have been taken at a meeting.
fn met_decided(
    secs: &[Vec<Sentence>],
    items: &[decisions::Item],
    facts: &Facts,
    env: &Env,
) -> bool {
    use crate::ingest::profile::words;
    let alone = env.places(|p| &p.acts_alone);
    let agreed = facts
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement)
        .filter_map(|n| match &*n.prov {
            crate::model::Provenance::Extracted { span, .. } => Some(span.start),
            _ => None,
        });
    let starts: Vec<usize> = items.iter().map(|i| i.span.start).chain(agreed).collect();
    secs.iter()
        .flatten()
        .filter(|s| starts.iter().any(|&a| s.span.start <= a && a < s.span.end))
        .any(|s| {
            let w = format!(" {} ", words(&s.text));
            !alone.iter().any(|r| w.contains(&format!(" {r} ")))
        })
}
