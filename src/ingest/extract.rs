//! Extraction: from a report's sections to facts. This module runs the
//! finders in order and owns nothing else:
//!
//! 1. [`sentences`] of every section (plus its heading);
//! 2. the report's date and title from its first section
//!    ("el período ... noviembre 2002 – mayo 2003"), so that year-less
//!    dates can be read;
//! 3. per sentence: [`super::dates`], entity mentions ([`super::resolve`],
//!    with acronyms the report defines and "esta Red" read in context,
//!    [`super::entities`]), quotations ([`super::quotes`]) and meeting
//!    references ([`super::meetings`]), resolved by the document's
//!    [`super::calendar`];
//! 4. per section: [`super::agreements`], [`super::requests`] and
//!    [`super::events`], and a [`SectionNote`] of what was found and what
//!    was uncertain.
//!
//! Every fact keeps the span of its sentence in the cleaned text.

use super::calendar::Calendar;
use super::dates::{self, DateContext};
use super::entities;
use super::facts::{shorten, Facts};
use super::header::Held;
use super::meetings::{self, Env, Target};
use super::profile::{self, Profile};
use super::quotes::{self, Role};
use super::resolve::Resolver;
use super::sentence::{self, Sentence};
use super::{
    acronyms, agreements, asked, decisions, events, front, header, listed, requests, rules,
};
use crate::model::{
    section_id, DateValue, EdgeFact, EdgeKind, Kind, NodeFact, Precision, Request, Section, Span,
    Value, Ymd,
};
use crate::reference::Gazetteer;
use crate::text::{contains_phrase, normalize, slug};
use std::collections::HashMap;

/// What was extracted from one section, in words, and what was uncertain.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SectionNote {
    pub section: String,
    pub extracted: Vec<String>,
    pub uncertain: Vec<String>,
}

/// Everything extraction found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Language of the profile the document was read with.
    pub language: String,
    pub title: Option<String>,
    pub doc_date: Option<DateValue>,
    pub nodes: Vec<NodeFact>,
    pub edges: Vec<EdgeFact>,
    pub requests: Vec<Request>,
    pub notes: Vec<SectionNote>,
}

/// Spans of the sentences of `text[start..end]`: cut after `.`, `?`, `!`
/// before white space (not after abbreviations or initials, not inside a
/// closed quotation) and at blank lines.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<Span> {
    sentence::split(text, start, end)
}

/// The sentences of a section: its heading first (if it has one), then
/// its body, whose quotations are `quoted`.
fn section_sentences(text: &str, s: &Section, quoted: &[quotes::Quote]) -> Vec<Sentence> {
    let body_start = s.body_start.min(s.span.end);
    let spans = sentence::split_quoted(text, body_start, s.span.end, quoted);
    // Exactly as long as needed: a report's sentences are all held while
    // it is read, and most sections have only a few.
    let mut out = Vec::with_capacity(spans.len() + 1);
    let head_zone = text
        .get(s.span.start..s.body_start.min(s.span.end))
        .unwrap_or("");
    if !s.heading.is_empty() {
        if let Some(at) = head_zone.find(s.heading.as_str()) {
            let start = s.span.start + at;
            let span = Span {
                start,
                end: start + s.heading.len(),
            };
            out.push(Sentence::new(text, span, true, true));
        }
    }
    let mut prev_end = body_start;
    for span in spans {
        let gap = text.get(prev_end..span.start).unwrap_or("");
        let para_start = prev_end == body_start || gap.matches('\n').count() >= 2;
        out.push(Sentence::new(text, span, false, para_start));
        prev_end = span.end;
    }
    out
}

/// The body of a section (after its heading).
fn body_of<'t>(text: &'t str, s: &Section) -> &'t str {
    text.get(s.body_start.min(s.span.end)..s.span.end)
        .unwrap_or("")
}

/// Names of organizations and countries for display.
struct Names {
    short: HashMap<String, String>,
    networks: Vec<String>,
}

impl Names {
    fn new(g: &Gazetteer) -> Names {
        let mut short: HashMap<String, String> = HashMap::new();
        let mut networks = Vec::new();
        for o in &g.organizations {
            short.insert(o.id(), o.display());
            if normalize(&o.name_es).starts_with("red ") {
                networks.push(o.id());
            }
        }
        for c in &g.countries {
            short.insert(c.id(), c.name_es.clone());
        }
        Names { short, networks }
    }

    fn get(&self, id: &str) -> String {
        self.short
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}

/// Extract the facts of one document.
pub fn extract(
    doc: &str,
    text: &str,
    sections: &[Section],
    g: &Gazetteer,
    profiles: &[Profile],
) -> Extraction {
    let reading = profile::detect(text, profiles);
    let base = Resolver::cached(g);
    let mut names = Names::new(g);
    // Quotations of each section's body, and its sentences.
    let scans: Vec<(Vec<quotes::Quote>, Vec<usize>)> = sections
        .iter()
        .map(|s| quotes::scan(body_of(text, s)))
        .collect();
    let mut secs: Vec<Vec<Sentence>> = sections
        .iter()
        .zip(&scans)
        .map(|(s, (qs, _))| section_sentences(text, s, qs))
        .collect();
    let mut notes: Vec<SectionNote> = sections
        .iter()
        .map(|s| SectionNote {
            section: s.id.clone(),
            ..SectionNote::default()
        })
        .collect();

    // The report's date and title, from its first section (and the one
    // after a title-only preamble).
    let front_len = if sections.first().is_some_and(|s| s.id == "preamble") {
        2
    } else {
        1
    };
    // Decision lists: the opening ends where the first one begins.
    let mut items: Vec<decisions::Item> = reading
        .map(|p| decisions::find(text, &decisions::cues_for(p)))
        .unwrap_or_default();
    let opening_end = items.first().map_or(text.len(), |i| i.cue.start);
    let mut front_sents: Vec<Sentence> = secs.iter().take(front_len).flatten().cloned().collect();
    // A record of a meeting (it has decisions, or its heading says what it
    // is) is dated by the meeting; a page that tells of one is not.
    let records = reading.is_some_and(|p| p.records(text, !items.is_empty()));
    let (doc_date, title, front) =
        front::front_matter(&mut front_sents, text, opening_end, records, reading);
    if let Some(n) = notes.first_mut() {
        n.extracted.extend(front);
    }
    let mut anchor = doc_date.map(|d| d.end);
    if anchor.is_none() {
        // Read year-less dates against the latest year the text states.
        let none = DateContext::default();
        let year = secs
            .iter()
            .flatten()
            .flat_map(|s| dates::find_normalized(s.hay(), &s.map, &none))
            .filter_map(|d| d.value)
            .map(|v| v.end.year)
            .max();
        anchor = year.map(|y| Ymd::new(y, 12, 31));
        if let (Some(y), Some(n)) = (year, notes.first_mut()) {
            n.uncertain
                .push(format!("no report date; year-less dates read against {y}"));
        }
    }
    let ctx = DateContext { anchor };

    // Acronyms the report defines become names of their organizations.
    let mut resolver = (*base).clone();
    let mut facts = Facts::new(doc);
    let name_words = acronyms::NameWords::of(profiles);
    let same = |acr: &str, long: &str| acronyms::same_organization(&base, acr, long);
    for (k, sents) in secs.iter().enumerate() {
        for s in sents {
            for d in acronyms::definitions(s, &name_words, &same) {
                let known = resolver
                    .lookup(&d.acronym)
                    .into_iter()
                    .chain(resolver.lookup(&d.long))
                    .find(|n| n.kind == Kind::Organization)
                    .map(|n| n.id.clone());
                let id = known
                    .clone()
                    .unwrap_or_else(|| format!("organization:{}", slug(&d.acronym)));
                let prov = facts.prov(&sections[k].id, s.span);
                facts.node(
                    &id,
                    Kind::Organization,
                    &d.acronym,
                    &[d.acronym.clone(), d.long.clone()],
                    &prov,
                );
                resolver.add(&d.acronym, &id, Kind::Organization);
                resolver.add(&d.long, &id, Kind::Organization);
                names
                    .short
                    .entry(id.clone())
                    .or_insert_with(|| d.acronym.clone());
                if normalize(&d.long).starts_with("red ") && !names.networks.contains(&id) {
                    names.networks.push(id.clone());
                }
                let line = if known.is_some() {
                    format!("definition: {} = {} (alias of {id})", d.acronym, d.long)
                } else {
                    format!("new organization {id}: {} = {}", d.acronym, d.long)
                };
                notes[k].extracted.push(line);
            }
        }
    }

    // Dates, mentions and quotations of every sentence.
    for (k, sents) in secs.iter_mut().enumerate() {
        let network = section_network(sections, k, text, &resolver, &names);
        let s0 = &sections[k];
        let (qs, unclosed) = &scans[k];
        let base_off = s0.body_start.min(s0.span.end);
        for s in sents.iter_mut() {
            s.dates = dates::find_normalized(s.hay(), &s.map, &ctx);
            s.mentions = resolver.find_normalized(&s.text, &s.norm, &s.map);
            let extra = entities::contextual(s, network.as_deref());
            s.mentions.extend(extra);
            s.mentions.sort_by_key(|m| m.start);
            s.mentions.shrink_to_fit();
            s.dates.shrink_to_fit();
            let (own, own_unclosed) = if s.heading {
                quotes::scan(&s.text)
            } else {
                let rel = |x: usize| x + base_off;
                let inside: Vec<quotes::Quote> = qs
                    .iter()
                    .filter(|q| rel(q.start) >= s.span.start && rel(q.end) <= s.span.end)
                    .map(|q| {
                        let to_sentence = |x: usize| rel(x) - s.span.start;
                        quotes::Quote {
                            start: to_sentence(q.start),
                            end: to_sentence(q.end),
                            inner_start: to_sentence(q.inner_start),
                            inner_end: to_sentence(q.inner_end),
                        }
                    })
                    .collect();
                let un: Vec<usize> = unclosed
                    .iter()
                    .map(|&u| rel(u))
                    .filter(|&u| u >= s.span.start && u < s.span.end)
                    .map(|u| u - s.span.start)
                    .collect();
                (inside, un)
            };
            s.quotes = own
                .into_iter()
                .map(|q| (q, quotes::classify(&s.text, &q)))
                .collect();
            s.unclosed = own_unclosed;
        }
    }

    // Meetings: find, then give every reference its id.
    let env = Env {
        gazetteer: g,
        resolver: &resolver,
        dates: ctx,
        profiles,
        series: meetings::document_series(text),
        today: doc_date
            .filter(|d| d.precision == Precision::Day)
            .map(|d| d.start),
    };
    let org_names: HashMap<String, String> = names
        .short
        .iter()
        .filter(|(k, _)| k.starts_with("organization:"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut calendar = Calendar::new(g, org_names, doc_date);
    for (k, sents) in secs.iter_mut().enumerate() {
        for s in sents.iter_mut() {
            s.meetings = meetings::find(s, &env);
            let prov = facts.prov(&sections[k].id, s.span);
            for r in &mut s.meetings {
                calendar.register(r, &prov);
            }
        }
    }
    for (k, sents) in secs.iter_mut().enumerate() {
        for s in sents.iter_mut() {
            let future = meetings::future(s);
            let prov = facts.prov(&sections[k].id, s.span);
            let mut refs = std::mem::take(&mut s.meetings);
            for r in &mut refs {
                calendar.resolve(r, future, g, &prov);
            }
            s.meetings = refs;
        }
    }

    // Where the document's own meeting was held.
    let (own, own_held) = own_meeting_held(
        text,
        sections,
        &secs,
        &items,
        &env,
        &mut calendar,
        &facts,
        &mut notes,
    );

    // Section by section.
    let mut state = events::State::default();
    let meeting_date = |id: &str| calendar.date(id, g);
    let meeting_name = |id: &str| {
        calendar
            .get(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    let short_name = |id: &str| names.get(id);
    for (k, section) in sections.iter().enumerate() {
        let sents = &secs[k];
        let note = &mut notes[k];
        mentions(doc, section, sents, &calendar, &resolver, &mut facts, note);
        let item = agreements::Item {
            doc,
            section,
            sentences: sents,
            meeting_name: &meeting_name,
        };
        let mut found =
            agreements::extract(&item, &mut facts, &mut note.extracted, &mut note.uncertain);
        let rcx = requests::Context {
            doc,
            section,
            sentences: sents,
            gazetteer: g,
            meeting_date: &meeting_date,
            report_date: doc_date,
            country_name: &short_name,
        };
        requests::extract(
            &rcx,
            &mut found,
            &mut facts,
            &mut note.extracted,
            &mut note.uncertain,
        );
        let ecx = events::Context {
            doc,
            section,
            sentences: sents,
            agreements: &found,
            env: &env,
            meeting_date: &meeting_date,
            short_name: &short_name,
        };
        events::extract(
            &ecx,
            &mut state,
            &mut facts,
            &mut note.extracted,
            &mut note.uncertain,
        );
        agreements::finish(
            &item,
            &found,
            &mut facts,
            &mut note.extracted,
            &mut note.uncertain,
        );
    }
    if let Some(m) = own.as_deref().filter(|_| items.is_empty()) {
        adopt_unplaced(&mut facts, m);
    }
    if let Some(p) = reading {
        let prose = listed::prose(p, &secs, &items, &facts);
        items.extend(prose);
        items.sort_by_key(|i| i.span.start);
        let (found, stored) = listed::emit(
            doc,
            text,
            sections,
            &secs,
            &items,
            own.as_deref(),
            &mut facts,
        );
        let mut asked = asked::emit(p, text, &secs, &stored, &mut facts);
        let called = asked::Prose {
            doc,
            sections,
            items: &stored,
            own: own.as_deref(),
        };
        asked.extend(asked::in_prose(p, &called, &secs, &mut facts));
        if let Some(n) = notes.first_mut() {
            n.extracted.extend(found);
            n.extracted.extend(asked);
        }
    }
    calendar.emit(g, &mut facts);
    // A document that states no date of its own is dated by the last day
    // of the meeting its opening says it records.
    let doc_date = doc_date.or_else(|| {
        let held = own_held.filter(|_| records)?;
        if let Some(n) = notes.first_mut() {
            n.extracted.push(format!(
                "document date: last day of the meeting it records ({held})"
            ));
        }
        Some(DateValue::day(held.end))
    });
    Extraction {
        language: reading.map(|p| p.language.clone()).unwrap_or_default(),
        title,
        doc_date,
        nodes: facts.nodes,
        edges: facts.edges,
        requests: facts.requests,
        notes,
    }
}

/// Give the document's own meeting (the first it names in its opening,
/// before its first decision) the place and days its opening states.
/// When the opening names no meeting but a body that meets and days
/// (`MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)` /
/// `San Salvador, El Salvador, December 2-3, 2003`), that body's meeting
/// on those days is the document's. Returns the own meeting's id.
#[allow(clippy::too_many_arguments)]
fn own_meeting_held(
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
    let cue = front::held_cue();
    let held = header::read(text, &opening, limit, env, |s| cue.is_match(s.hay()));
    let named = listed::own_meeting(secs, limit);
    // Failing a series meeting or a body, a gathering word and its city.
    let gathered = |held: Option<&Held>, calendar: &mut Calendar| {
        let (mut r, h) = meetings::gathering(&opening, limit, env, held)?;
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
                .or_else(|| {
                    bodies()
                        .filter(|(_, m)| rules::UNDATED_MEETING_BODIES.contains(&m.id.as_str()))
                        .find(|(s, m)| s.find(cue).first().is_some_and(|&(at, _)| m.end <= at))
                })
            else {
                match gathered(Some(&held), calendar) {
                    Some(found) => return own_held_note(found, calendar, facts, sections, notes),
                    None => return (None, None),
                }
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

/// Give the own meeting its place and days, note it, and return its id
/// and days.
fn own_held_note(
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

/// In a text with no decision list that tells of one meeting (a
/// communiqué in prose, a news page), an agreement read from a sentence
/// that names no meeting was reached at the document's own meeting.
fn adopt_unplaced(facts: &mut Facts, own: &str) {
    let placed = |id: &str, facts: &Facts| {
        facts.edges.iter().any(|e| {
            e.from.as_str() == id
                && matches!(
                    e.kind,
                    EdgeKind::AdoptedAt | EdgeKind::RecommendedAt | EdgeKind::ReaffirmedAt
                )
        }) || facts
            .edges
            .iter()
            .any(|e| e.to.as_str() == id && e.kind == EdgeKind::EvolvedInto)
    };
    let unplaced: Vec<(String, crate::model::Provenance)> = facts
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement && !placed(n.id.as_str(), facts))
        .map(|n| (n.id.to_string(), (*n.prov).clone()))
        .collect();
    for (id, prov) in unplaced {
        facts.edge(&id, own, EdgeKind::AdoptedAt, vec![], &prov);
    }
}

/// The network a section speaks of: the one its own heading or its
/// parents' headings name.
fn section_network(
    sections: &[Section],
    k: usize,
    text: &str,
    resolver: &Resolver,
    names: &Names,
) -> Option<String> {
    let mut at = sections.get(k);
    while let Some(s) = at {
        let head = text
            .get(s.span.start..s.body_start.min(s.span.end))
            .unwrap_or("");
        if let Some(m) = resolver
            .find(head)
            .into_iter()
            .find(|m| names.networks.contains(&m.id))
        {
            return Some(m.id);
        }
        at = s
            .parent
            .as_ref()
            .and_then(|p| sections.iter().find(|x| &x.id == p));
    }
    None
}

/// Mentions of a section: countries, organizations, meetings, people,
/// documents; with notes on dates read and quotations left open.
fn mentions(
    doc: &str,
    section: &Section,
    sents: &[Sentence],
    calendar: &Calendar,
    resolver: &Resolver,
    facts: &mut Facts,
    note: &mut SectionNote,
) {
    let sec = section_id(doc, &section.id);
    let mut seen: Vec<String> = Vec::new();
    let mut meetings_seen: Vec<String> = Vec::new();
    for s in sents {
        let prov = facts.prov(&section.id, s.span);
        for m in &s.mentions {
            if !seen.contains(&m.id) {
                seen.push(m.id.clone());
                facts.edge(&sec, &m.id, EdgeKind::Mentions, vec![], &prov);
            }
        }
        for r in &s.meetings {
            match &r.id {
                Some(id) => {
                    if !meetings_seen.contains(id) {
                        meetings_seen.push(id.clone());
                        facts.edge(&sec, id, EdgeKind::Mentions, vec![], &prov);
                        let name = calendar.get(id).map_or(id.as_str(), |e| e.name.as_str());
                        note.extracted.push(format!("meeting: {name} ({id})"));
                    }
                    if let Some(how) = &r.how {
                        note.uncertain
                            .push(format!("\"{}\": {how}", s.slice(r.start, r.end)));
                    }
                    if r.date.is_some_and(|d| d.precision == Precision::Year) {
                        note.uncertain.push(format!(
                            "{id}: only the year is given; kept apart from the dated meetings of that year"
                        ));
                    }
                }
                None => note.uncertain.push(format!(
                    "meeting reference not resolved: \"{}\"{}",
                    s.slice(r.start, r.end),
                    r.how.as_ref().map_or(String::new(), |h| format!(" ({h})"))
                )),
            }
            if let (Target::Named { .. }, Some(id)) = (&r.target, &r.id) {
                if let Some(c) = &r.country {
                    facts.edge(id, c, EdgeKind::HeldIn, vec![], &prov);
                }
            }
        }
        // Later short mentions of a named conference.
        for (id, aliases) in calendar.named() {
            if meetings_seen.iter().any(|m| m == id) {
                continue;
            }
            if aliases
                .iter()
                .any(|a| contains_phrase(&s.norm, &normalize(a)))
            {
                meetings_seen.push(id.to_string());
                facts.edge(&sec, id, EdgeKind::Mentions, vec![], &prov);
            }
        }
        for d in &s.dates {
            match d.value {
                // A date of the text is inferred only in its year.
                Some(v) if v.inferred => note.uncertain.push(format!(
                    "date \"{}\" read as {} (year inferred)",
                    s.slice(d.start, d.end),
                    DateValue {
                        inferred: false,
                        ..v
                    }
                )),
                None => note.uncertain.push(format!(
                    "date \"{}\" has no year and none could be inferred",
                    s.slice(d.start, d.end)
                )),
                _ => {}
            }
        }
        for (q, role) in &s.quotes {
            if *role != Role::Title {
                continue;
            }
            let title = quotes::inner(&s.text, q);
            let id = format!("document:{}", slug(&title));
            facts.node(
                &id,
                Kind::Document,
                &title,
                std::slice::from_ref(&title),
                &prov,
            );
            facts.edge(&sec, &id, EdgeKind::Mentions, vec![], &prov);
            note.extracted
                .push(format!("document: “{}” ({id})", shorten(&title, 70)));
        }
        for &u in &s.unclosed {
            note.uncertain.push(format!(
                "quotation not closed: {}",
                shorten(s.slice(u, s.text.len()), 70)
            ));
        }
        for p in entities::people(s, resolver) {
            let id = format!("person:{}", slug(&p.name));
            facts.node(
                &id,
                Kind::Person,
                &p.name,
                std::slice::from_ref(&p.name),
                &prov,
            );
            if let Some(role) = &p.role {
                facts.attr(&id, "role", Value::Text(role.clone()), &prov);
            }
            facts.edge(&sec, &id, EdgeKind::Mentions, vec![], &prov);
            let represents = s.norm_before(p.start).contains("representacion");
            if let Some(c) = s
                .mentioned("country:")
                .filter(|c| represents && c.end <= p.start)
                .last()
            {
                facts.edge(&id, &c.id, EdgeKind::MemberOf, vec![], &prov);
            }
            note.extracted.push(format!(
                "person: {} ({})",
                p.name,
                p.role.as_deref().unwrap_or("no role stated")
            ));
        }
    }
    if !seen.is_empty() {
        note.extracted
            .push(format!("mentions: {}", seen.join(", ")));
    }
}
