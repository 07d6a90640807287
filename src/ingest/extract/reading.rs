//! What the passes of [`super::extract`] have read of one document so far:
//! its inputs, its sentences, and the facts each pass has added. Every
//! pass reads it and adds to it; [`Reading::finish`] hands the facts on.

use crate::ingest::calendar::Calendar;
use crate::ingest::dates::DateContext;
use crate::ingest::decisions;
use crate::ingest::facts::Facts;
use crate::ingest::meetings::{self, Env};
use crate::ingest::profile::{self, Profile};
use crate::ingest::quotes;
use crate::ingest::resolve::Resolver;
use crate::ingest::sentence::{self, Sentence};
use crate::model::{DateValue, Precision, Section, Span};
use crate::reference::Gazetteer;
use crate::text::normalize;
use std::collections::HashMap;
use std::sync::Arc;

use super::{Extraction, SectionNote};

/// One document as the passes read it.
pub(super) struct Reading<'a> {
    // What the document is and what it is read with.
    pub doc: &'a str,
    pub text: &'a str,
    pub sections: &'a [Section],
    pub g: &'a Gazetteer,
    pub profiles: &'a [Profile],
    /// The profile of the document's language, if one fits.
    pub profile: Option<&'a Profile>,
    /// The gazetteer's names, shared by every document.
    pub base: Arc<Resolver>,
    /// The gazetteer's names plus the acronyms this document defines
    /// (a copy is made only when it defines one).
    pub resolver: Arc<Resolver>,
    pub names: Names,
    /// Series the document names (its key), if it names one.
    pub series: Option<String>,

    // What the passes found.
    /// Quotations of each section's body and where unclosed ones open.
    pub scans: Vec<(Vec<quotes::Quote>, Vec<usize>)>,
    /// The sentences of each section.
    pub secs: Vec<Vec<Sentence>>,
    pub notes: Vec<SectionNote>,
    /// Decision items, in the order of the text.
    pub items: Vec<decisions::Item>,
    /// A record of a meeting (dated by it), not a page telling of one.
    pub records: bool,
    pub title: Option<String>,
    pub doc_date: Option<DateValue>,
    /// What year-less dates are read against.
    pub dates: DateContext,
    pub facts: Facts,
    pub calendar: Option<Calendar>,
    /// The document's own meeting and when it was held.
    pub own: Option<String>,
    pub own_held: Option<DateValue>,
}

impl<'a> Reading<'a> {
    pub fn new(
        doc: &'a str,
        text: &'a str,
        sections: &'a [Section],
        g: &'a Gazetteer,
        profiles: &'a [Profile],
    ) -> Reading<'a> {
        let base = Resolver::cached(g);
        // The text folded once for the language and the series. A text of
        // up to four samples is read whole for its language (its frequent
        // words only gain); a longer one by its sample, folded apart.
        let w = profile::words(text);
        let short = text.len() <= 4 * profile::SAMPLE;
        let language = if short {
            profile::detect_in_words(&w, profiles)
        } else {
            profile::detect(text, profiles)
        };
        Reading {
            doc,
            text,
            sections,
            g,
            profiles,
            profile: language,
            resolver: Arc::clone(&base),
            base,
            names: Names::new(g),
            series: meetings::document_series_in_words(&w),
            scans: Vec::new(),
            secs: Vec::new(),
            notes: sections
                .iter()
                .map(|s| SectionNote {
                    section: s.id.clone(),
                    ..SectionNote::default()
                })
                .collect(),
            items: Vec::new(),
            records: false,
            title: None,
            doc_date: None,
            dates: DateContext::default(),
            facts: Facts::new(doc),
            calendar: None,
            own: None,
            own_held: None,
        }
    }

    /// How meetings are read in this document, with `resolver`'s names.
    pub fn env<'e>(&self, resolver: &'e Resolver) -> Env<'e>
    where
        'a: 'e,
    {
        Env {
            gazetteer: self.g,
            resolver,
            dates: self.dates,
            profiles: self.profiles,
            series: self.series.clone(),
            today: self
                .doc_date
                .filter(|d| d.precision == Precision::Day)
                .map(|d| d.start),
        }
    }

    /// The facts found, for the store.
    pub fn finish(self) -> Extraction {
        Extraction {
            language: self.profile.map(|p| p.language.clone()).unwrap_or_default(),
            title: self.title,
            doc_date: self.doc_date,
            nodes: self.facts.nodes,
            edges: self.facts.edges,
            requests: self.facts.requests,
            notes: self.notes,
        }
    }
}

/// The sentences of a section: its heading first (if it has one), then
/// its body, whose quotations are `quoted`.
pub(super) fn section_sentences(
    text: &str,
    s: &Section,
    quoted: &[quotes::Quote],
) -> Vec<Sentence> {
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
pub(super) fn body_of<'t>(text: &'t str, s: &Section) -> &'t str {
    text.get(s.body_start.min(s.span.end)..s.span.end)
        .unwrap_or("")
}

/// Names of organizations and countries for display.
pub(super) struct Names {
    pub short: HashMap<String, String>,
    pub networks: Vec<String>,
}

impl Names {
    pub fn new(g: &Gazetteer) -> Names {
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

    pub fn get(&self, id: &str) -> String {
        self.short
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}
