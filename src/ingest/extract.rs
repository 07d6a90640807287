//! Extraction: from a document's sections to facts. This module runs the
//! [`passes`] in order over one [`Reading`] of the document and owns
//! nothing else:
//!
//! 1. **structure**: the [`sentences`] of every section (heading first)
//!    and its quotations;
//! 2. **front matter**: the decision lists, the document's date and title
//!    ("el período ... noviembre 2002 – mayo 2003"), so that year-less
//!    dates can be read;
//! 3. **aliases** the document defines ([`super::acronyms`]);
//! 4. **per sentence**: [`super::dates`], entity mentions
//!    ([`super::resolve`], "esta Red" read in context, [`super::entities`])
//!    and quotations ([`super::quotes`]);
//! 5. **meetings** ([`super::meetings`]) resolved by the document's
//!    [`super::calendar`], then where the document's own meeting was held
//!    ([`held`]);
//! 6. **per section**: mentions ([`mentions`]), [`super::agreements`],
//!    [`super::requests`] and [`super::events`], with a [`SectionNote`] of
//!    what was found and what was uncertain;
//! 7. **decision lists** ([`super::listed`]) and what they ask
//!    ([`super::asked`]); then the calendar's meetings become facts.
//!
//! Every fact keeps the span of its sentence in the cleaned text.

use super::profile::Profile;
use super::sentence;
use crate::model::{DateValue, EdgeFact, NodeFact, Request, Section, Span};
use crate::reference::Gazetteer;

mod held;
mod mentions;
mod passes;
mod reading;
use reading::Reading;

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

/// Extract the facts of one document: every pass in order.
pub fn extract(
    doc: &str,
    text: &str,
    sections: &[Section],
    g: &Gazetteer,
    profiles: &[Profile],
) -> Extraction {
    let mut reading = Reading::new(doc, text, sections, g, profiles);
    for pass in passes::PASSES {
        pass.run(&mut reading);
    }
    reading.finish()
}
