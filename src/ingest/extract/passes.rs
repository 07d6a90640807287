//! The passes of [`super::extract`], in the order they run. Each reads the
//! document and what earlier passes put in the [`Reading`], and adds its
//! own findings, every fact with the span of its sentence.

use crate::ingest::calendar::Calendar;
use crate::ingest::dates::{self, DateContext};
use crate::ingest::meetings;
use crate::ingest::{
    acronyms, agreements, asked, decisions, entities, events, front, header, listed,
};
use crate::ingest::{profile, prose};
use crate::ingest::{quotes, requests};
use crate::model::{DateValue, Kind, Precision, Ymd};
use crate::text::{normalize, slug};
use std::collections::HashMap;
use std::sync::Arc;

use super::held::{adopt_unplaced, own_by_calendar, own_meeting_held, own_reported};
use super::mentions::{mentions, section_network, NamedMeetings};
use super::reading::{body_of, section_sentences, Reading};

/// One step of reading a document.
pub(super) trait Pass {
    fn run(&self, r: &mut Reading<'_>);
}

/// Every pass, in order: each may read what the ones before it found.
pub(super) const PASSES: &[&dyn Pass] = &[
    &Structure,
    &FrontMatter,
    &Aliases,
    &Annotate,
    &Meetings,
    &OwnMeeting,
    &Sections,
    &Lists,
    &Finish,
];

/// The sentences of every section (heading first), and its quotations.
struct Structure;

impl Pass for Structure {
    fn run(&self, r: &mut Reading<'_>) {
        r.scans = r
            .sections
            .iter()
            .map(|s| quotes::scan(body_of(r.text, s)))
            .collect();
        r.secs = r
            .sections
            .iter()
            .zip(&r.scans)
            .map(|(s, (qs, _))| section_sentences(r.text, s, qs))
            .collect();
    }
}

/// The decision lists, and the document's date and title from its
/// opening (which ends where the first decision list begins); then what
/// year-less dates are read against.
struct FrontMatter;

impl Pass for FrontMatter {
    fn run(&self, r: &mut Reading<'_>) {
        // The first section, and the one after a title-only preamble.
        let front_len = if r.sections.first().is_some_and(|s| s.id == "preamble") {
            2
        } else {
            1
        };
        let (items, cued) = r
            .profile
            .map(|p| decisions::find_cued(r.text, &decisions::cues_for(p)))
            .unwrap_or_default();
        r.items = items;
        let opening_end = r.items.first().map_or(r.text.len(), |i| i.cue.start);
        let mut front_sents: Vec<_> = r.secs.iter().take(front_len).flatten().cloned().collect();
        // A record of a meeting (it has decisions, or its heading says
        // what it is) is dated by the meeting; a page that tells of one is
        // not.
        r.records = r.profile.is_some_and(|p| p.records(r.text, cued));
        let all = r.secs.iter().flatten();
        let mut closing: Vec<_> = all
            .clone()
            .skip(all.count().saturating_sub(3))
            .cloned()
            .collect();
        let (doc_date, title, front) = front::front_matter(
            &mut front_sents,
            &mut closing,
            r.text,
            opening_end,
            r.records,
            r.profile,
        );
        r.doc_date = doc_date;
        r.title = title;
        if let Some(n) = r.notes.first_mut() {
            n.extracted.extend(front);
        }
        r.dates = DateContext::at(doc_date.map(|d| d.end));
        if doc_date.is_none() {
            // Read year-less dates against the year the text gives days
            // of the same month, else the latest year it states.
            let none = DateContext::default();
            let stated: Vec<_> = r
                .secs
                .iter()
                .flatten()
                .flat_map(|s| dates::find_normalized(s.hay(), &s.map, &none))
                .filter_map(|d| d.value)
                .collect();
            // Days and months first, then single years: a plan's span of
            // years ("the 2019-2025 Work Plan") is no year the text was
            // written in.
            let one_year = |v: &&DateValue| v.start.year == v.end.year;
            let within_a_year = |v: &&DateValue| v.precision != Precision::Year && one_year(v);
            let year = stated
                .iter()
                .filter(within_a_year)
                .map(|v| v.end.year)
                .max()
                .or_else(|| stated.iter().filter(one_year).map(|v| v.end.year).max());
            // A dateline's day without its year, in the year of the
            // meeting's days the text states.
            let day = front::dateline_day(&front_sents, r.profile)
                .and_then(|d| front::in_stated_days(d, &stated));
            r.dates = DateContext::at(year.map(|y| Ymd::new(y, 12, 31)))
                .with_month_years(stated.into_iter());
            // A text that states no single year: its days are of no
            // stated year.
            r.dates.yearless = year.is_none();
            if let (Some(y), Some(n)) = (year, r.notes.first_mut()) {
                n.uncertain
                    .push(format!("no report date; year-less dates read against {y}"));
            }
            if let Some(d) = day {
                r.doc_date = Some(d);
                if let Some(n) = r.notes.first_mut() {
                    n.extracted.push(format!(
                        "document date: the dateline's day, its year from the meeting's days the text states ({d}, inferred)"
                    ));
                }
            }
        }
    }
}

/// Acronyms the document defines become names of their organizations.
struct Aliases;

impl Pass for Aliases {
    fn run(&self, r: &mut Reading<'_>) {
        let name_words = acronyms::NameWords::of(r.profiles);
        let base = Arc::clone(&r.base);
        let same = |acr: &str, long: &str| acronyms::same_organization(&base, acr, long);
        let organization = |w: &str| !base.lookup(w).is_empty();
        let known = acronyms::Known {
            same: &same,
            organization: &organization,
            meeting: &crate::reference::series::names_meeting,
        };
        for (k, sents) in r.secs.iter().enumerate() {
            for s in sents {
                for d in acronyms::definitions(s, &name_words, &known) {
                    let resolver = Arc::make_mut(&mut r.resolver);
                    let known = resolver
                        .lookup(&d.acronym)
                        .into_iter()
                        .chain(resolver.lookup(&d.long))
                        .find(|n| n.kind == Kind::Organization)
                        .map(|n| n.id.clone());
                    let id = known
                        .clone()
                        .unwrap_or_else(|| format!("organization:{}", slug(&d.acronym)));
                    let prov = r.facts.prov(&r.sections[k].id, s.span);
                    r.facts.node(
                        &id,
                        Kind::Organization,
                        &d.acronym,
                        &[d.acronym.clone(), d.long.clone()],
                        &prov,
                    );
                    resolver.add(&d.acronym, &id, Kind::Organization);
                    resolver.add(&d.long, &id, Kind::Organization);
                    r.names
                        .short
                        .entry(id.clone())
                        .or_insert_with(|| d.acronym.clone());
                    if normalize(&d.long).starts_with("red ") && !r.names.networks.contains(&id) {
                        r.names.networks.push(id.clone());
                    }
                    let line = if known.is_some() {
                        format!("definition: {} = {} (alias of {id})", d.acronym, d.long)
                    } else {
                        format!("new organization {id}: {} = {}", d.acronym, d.long)
                    };
                    r.notes[k].extracted.push(line);
                }
            }
        }
    }
}

/// Dates, mentions and quotations of every sentence.
struct Annotate;

impl Pass for Annotate {
    fn run(&self, r: &mut Reading<'_>) {
        let resolver = Arc::clone(&r.resolver);
        let none = profile::Documents::default();
        let words = r.profile.map_or(&none, |p| &p.documents);
        for (k, sents) in r.secs.iter_mut().enumerate() {
            let network = section_network(r.sections, k, r.text, &resolver, &r.names);
            let s0 = &r.sections[k];
            let (qs, unclosed) = &r.scans[k];
            let base_off = s0.body_start.min(s0.span.end);
            for s in sents.iter_mut() {
                s.dates = dates::find_normalized(s.hay(), &s.map, &r.dates);
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
                    .map(|q| (q, quotes::classify(&s.text, &q, words)))
                    .collect();
                s.unclosed = own_unclosed;
            }
        }
    }
}

/// Meetings: find every reference, then give each its id in the
/// document's calendar.
struct Meetings;

impl Pass for Meetings {
    fn run(&self, r: &mut Reading<'_>) {
        let resolver = Arc::clone(&r.resolver);
        let env = r.env(&resolver);
        let org_names: HashMap<String, String> = r
            .names
            .short
            .iter()
            .filter(|(k, _)| k.starts_with("organization:"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut calendar = Calendar::new(r.g, org_names, r.doc_date).in_language(r.profile);
        for (k, sents) in r.secs.iter_mut().enumerate() {
            for s in sents.iter_mut() {
                s.meetings = meetings::find(s, &env);
            }
            header::fill_listed(r.text, sents, &env);
            for s in sents.iter_mut() {
                let prov = r.facts.prov(&r.sections[k].id, s.span);
                for m in &mut s.meetings {
                    calendar.register(m, &prov);
                }
            }
        }
        for (k, sents) in r.secs.iter_mut().enumerate() {
            for s in sents.iter_mut() {
                let future = meetings::future(s);
                let prov = r.facts.prov(&r.sections[k].id, s.span);
                let mut refs = std::mem::take(&mut s.meetings);
                for m in &mut refs {
                    calendar.resolve(m, future, r.g, &prov);
                }
                s.meetings = refs;
            }
        }
        r.calendar = Some(calendar);
    }
}

/// Where and when the document's own meeting was held.
struct OwnMeeting;

impl Pass for OwnMeeting {
    fn run(&self, r: &mut Reading<'_>) {
        let resolver = Arc::clone(&r.resolver);
        let env = r.env(&resolver);
        let Some(calendar) = r.calendar.as_mut() else {
            return;
        };
        (r.own, r.own_held) = own_meeting_held(
            r.text,
            r.sections,
            &r.secs,
            &r.items,
            &env,
            calendar,
            &r.facts,
            &mut r.notes,
        );
        if r.own.is_none() && r.records {
            if let (Some(series), Some(date)) = (env.series.as_deref(), r.doc_date) {
                r.own = own_by_calendar(
                    &r.secs,
                    r.sections,
                    series,
                    date,
                    calendar,
                    &r.facts,
                    &mut r.notes,
                );
            }
        }
    }
}

/// Section by section: mentions, agreements, requests and events.
struct Sections;

impl Pass for Sections {
    fn run(&self, r: &mut Reading<'_>) {
        let resolver = Arc::clone(&r.resolver);
        let env = r.env(&resolver);
        let Some(calendar) = r.calendar.as_ref() else {
            return;
        };
        let g = r.g;
        let doc = r.doc;
        let mut state = events::State::default();
        let meeting_date = |id: &str| calendar.date(id, g);
        let meeting_name = |id: &str| {
            calendar
                .get(id)
                .map_or_else(|| id.to_string(), |e| e.name.clone())
        };
        let names = &r.names;
        let short_name = |id: &str| names.get(id);
        let named = NamedMeetings::of(calendar);
        for (k, section) in r.sections.iter().enumerate() {
            let sents = &r.secs[k];
            let note = &mut r.notes[k];
            let facts = &mut r.facts;
            mentions(doc, section, sents, &named, &resolver, facts, note);
            let item = agreements::Item {
                doc,
                section,
                sentences: sents,
                meeting_name: &meeting_name,
            };
            let mut found =
                agreements::extract(&item, facts, &mut note.extracted, &mut note.uncertain);
            let rcx = requests::Context {
                doc,
                section,
                sentences: sents,
                gazetteer: g,
                meeting_date: &meeting_date,
                report_date: r.doc_date,
                country_name: &short_name,
            };
            requests::extract(
                &rcx,
                &mut found,
                facts,
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
                facts,
                &mut note.extracted,
                &mut note.uncertain,
            );
            agreements::finish(
                &item,
                &found,
                facts,
                &mut note.extracted,
                &mut note.uncertain,
            );
        }
    }
}

/// Decisions listed under a decision heading or verb (and in prose), and
/// what they ask of whom.
struct Lists;

impl Pass for Lists {
    fn run(&self, r: &mut Reading<'_>) {
        if let Some(m) = r.own.as_deref().filter(|_| r.items.is_empty()) {
            adopt_unplaced(&mut r.facts, m);
        }
        let Some(p) = r.profile else {
            return;
        };
        let own_body = r
            .own
            .as_deref()
            .and_then(|m| r.calendar.as_ref()?.get(m))
            .and_then(|e| e.body.clone());
        prose::drop_told(p, &r.secs, &mut r.facts);
        let own_names = body_names(own_body.as_deref());
        let body = prose::OwnBody {
            id: own_body.as_deref(),
            names: &own_names,
        };
        let told = prose::decisions(p, r.text, &r.secs, &r.items, &r.facts, body);
        r.items.extend(told);
        let text = r.text;
        r.items.retain(|i| !prose::preamble(p, text, i));
        r.items.sort_by_key(|i| i.span.start);
        let agreed = || r.facts.nodes.iter().any(|n| n.kind == Kind::Agreement);
        if r.own.is_none() && (!r.items.is_empty() || agreed()) {
            let resolver = Arc::clone(&r.resolver);
            let env = r.env(&resolver);
            if let Some(calendar) = r.calendar.as_mut().filter(|c| c.none_held()) {
                r.own = own_reported(
                    (r.text, &r.secs, r.sections),
                    &r.items,
                    &env,
                    r.doc,
                    calendar,
                    &r.facts,
                    &mut r.notes,
                );
                if let Some(m) = r.own.as_deref().filter(|_| r.items.is_empty()) {
                    adopt_unplaced(&mut r.facts, m);
                }
            }
        }
        let own = r.own.as_deref();
        let (found, stored) = listed::emit(
            r.doc,
            r.text,
            r.sections,
            &r.secs,
            &r.items,
            listed::Adopted {
                own,
                hosting: &p.decisions.hosting,
            },
            &mut r.facts,
        );
        let mut asked = asked::emit(p, r.text, &r.secs, &stored, &mut r.facts);
        let letter_to = asked::letter_addressee(p, r.text);
        let called = asked::Prose {
            doc: r.doc,
            sections: r.sections,
            items: &stored,
            own,
            letter_to: letter_to.as_ref().map(|(a, end)| (a.as_str(), *end)),
        };
        asked.extend(asked::in_prose(p, &called, &r.secs, &mut r.facts));
        if let Some(n) = r.notes.first_mut() {
            n.extracted.extend(found);
            n.extracted.extend(asked);
        }
    }
}

/// The names of a body in [`crate::ingest::profile::words`] form, from
/// the series profile whose key is its id's (`organization:gmc`: "GMC",
/// "Grupo Mercado Común").
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

/// The calendar's meetings become facts; a document that states no date
/// of its own is dated by the last day of the meeting its opening says
/// it records.
struct Finish;

impl Pass for Finish {
    fn run(&self, r: &mut Reading<'_>) {
        if let Some(calendar) = r.calendar.as_ref() {
            calendar.emit(r.g, &mut r.facts);
        }
        if r.doc_date.is_some() || !r.records {
            return;
        }
        // Days whose year was guessed do not date the document.
        let Some(held) = r.own_held.filter(|h| !h.inferred) else {
            return;
        };
        if let Some(n) = r.notes.first_mut() {
            n.extracted.push(format!(
                "document date: last day of the meeting it records ({held})"
            ));
        }
        r.doc_date = Some(DateValue::day(held.end));
    }
}
