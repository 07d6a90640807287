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
//! Every fact keeps the span of its sentence in the cleaned text. Where
//! the document's own meeting was held is [`held`]; the facts of each
//! section's mentions are [`mentions`].

use super::calendar::Calendar;
use super::dates::{self, DateContext};
use super::entities;
use super::facts::Facts;
use super::meetings::{self, Env};
use super::profile::{self, Profile};
use super::quotes::{self};
use super::resolve::Resolver;
use super::sentence::{self, Sentence};
use super::{acronyms, agreements, asked, decisions, events, front, listed, prose, requests};
use crate::model::{DateValue, EdgeFact, Kind, NodeFact, Precision, Request, Section, Span, Ymd};
use crate::reference::Gazetteer;
use crate::text::{normalize, slug};
use std::collections::HashMap;

mod held;
mod mentions;
use held::{adopt_unplaced, own_meeting_held};
use mentions::{mentions, section_network};
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
    let records = reading.is_some_and(|p| {
        let cued = !items.is_empty() || decisions::cued(text, &decisions::cues_for(p));
        p.records(text, cued)
    });
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
        let own_body = own
            .as_deref()
            .and_then(|m| calendar.get(m))
            .and_then(|e| e.body.clone());
        prose::drop_told(p, &secs, &mut facts);
        let own_names = body_names(own_body.as_deref());
        let body = prose::OwnBody {
            id: own_body.as_deref(),
            names: &own_names,
        };
        let told = prose::decisions(p, &secs, &items, &facts, body);
        items.extend(told);
        items.retain(|i| !prose::preamble(p, text, i));
        items.sort_by_key(|i| i.span.start);
        let (found, stored) = listed::emit(
            doc,
            text,
            sections,
            &secs,
            &items,
            listed::Adopted {
                own: own.as_deref(),
                hosting: &p.decisions.hosting,
            },
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

/// The names of a body in [`profile::words`] form, from the series
/// profile whose key is its id's (`organization:gmc`: "GMC", "Grupo
/// Mercado Común").
fn body_names(body: Option<&str>) -> Vec<String> {
    let Some(key) = body.map(|b| b.strip_prefix("organization:").unwrap_or(b)) else {
        return Vec::new();
    };
    crate::reference::series::bundled()
        .iter()
        .filter(|s| s.key() == key)
        .flat_map(|s| std::iter::once(&s.acronym).chain(&s.names))
        .map(|n| profile::words(n))
        .filter(|n| !n.is_empty())
        .collect()
}
