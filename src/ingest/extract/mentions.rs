//! Mentions of each section (countries, organizations, meetings, people,
//! documents) and the network a section speaks of: the per-section part
//! of [`super::extract`] that turns resolved references into facts.

use crate::ingest::calendar::Calendar;
use crate::ingest::entities;
use crate::ingest::facts::{shorten, Facts};
use crate::ingest::meetings::Target;
use crate::ingest::quotes::{self, Role};
use crate::ingest::resolve::Resolver;
use crate::ingest::sentence::Sentence;
use crate::model::{section_id, DateValue, EdgeKind, Kind, Precision, Section, Value};
use crate::text::{normalize, slug, whole_words};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashSet;

use super::reading::Names;
use super::SectionNote;

/// The network a section speaks of: the one its own heading or its
/// parents' headings name.
pub(super) fn section_network(
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

/// The conferences a document's calendar names (not meetings of a
/// body), with every alias of each in normalized form, searched for in one
/// pass over a sentence: a long document names hundreds, and looking for
/// each alias in each sentence made reading it quadratic in its length.
pub(super) struct NamedMeetings<'c> {
    calendar: &'c Calendar,
    ids: Vec<&'c str>,
    /// The id (index into `ids`) of each pattern of `search`.
    owner: Vec<usize>,
    search: Option<AhoCorasick>,
}

impl<'c> NamedMeetings<'c> {
    pub(super) fn of(calendar: &'c Calendar) -> NamedMeetings<'c> {
        let mut ids = Vec::new();
        let mut owner = Vec::new();
        let mut patterns = Vec::new();
        for (i, (id, aliases)) in calendar.named().enumerate() {
            ids.push(id);
            for a in aliases {
                let a = normalize(a);
                if !a.is_empty() {
                    owner.push(i);
                    patterns.push(a);
                }
            }
        }
        // Built only where there is something to find; a pattern set the
        // automaton refuses finds nothing rather than failing the read.
        let search = (!patterns.is_empty())
            .then(|| {
                // The cheapest automaton to build: one is built per document.
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        NamedMeetings {
            calendar,
            ids,
            owner,
            search,
        }
    }

    /// The ids of the conferences whose alias `norm` (a normalized text)
    /// holds as whole words, in the calendar's order, each once.
    fn in_text(&self, norm: &str) -> Vec<&'c str> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        let mut hits: Vec<usize> = search
            .find_overlapping_iter(norm)
            .filter(|m| whole_words(norm, m.start(), m.end()))
            .filter_map(|m| self.owner.get(m.pattern().as_usize()).copied())
            .collect();
        hits.sort_unstable();
        hits.dedup();
        hits.into_iter()
            .filter_map(|i| self.ids.get(i).copied())
            .collect()
    }
}

/// Mentions of a section: countries, organizations, meetings, people,
/// documents; with notes on dates read and quotations left open.
pub(super) fn mentions(
    doc: &str,
    section: &Section,
    sents: &[Sentence],
    named: &NamedMeetings<'_>,
    resolver: &Resolver,
    facts: &mut Facts,
    note: &mut SectionNote,
) {
    let calendar = named.calendar;
    let sec = section_id(doc, &section.id);
    let mut seen: Vec<String> = Vec::new();
    let mut seen_set: HashSet<String> = HashSet::new();
    let mut meetings_seen: Vec<String> = Vec::new();
    for s in sents {
        let prov = facts.prov(&section.id, s.span);
        for m in &s.mentions {
            if seen_set.insert(m.id.clone()) {
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
        for id in named.in_text(&s.norm) {
            if meetings_seen.iter().any(|m| m == id) {
                continue;
            }
            meetings_seen.push(id.to_string());
            facts.edge(&sec, id, EdgeKind::Mentions, vec![], &prov);
        }
        for d in &s.dates {
            match d.value {
                // A day of no stated year says so by its form.
                Some(v) if v.start.yearless() => note.uncertain.push(format!(
                    "date \"{}\" read as {v}: the text states no year",
                    s.slice(d.start, d.end),
                )),
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
