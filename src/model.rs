//! The graph model of DESIGN.md: node and edge kinds, readable ids, values,
//! dates with precision, provenance, the partial-knowledge record of a
//! request for responses, and the record of a researcher's annotation.
//!
//! Ingestion produces a [`FactBundle`] per document; the store keeps bundles,
//! and the graph view merges them (with the reference gazetteer and
//! annotations) into one graph. Nothing here knows about sled or petgraph.

mod annotation;
mod request;
pub mod sym;

pub(crate) use annotation::as_json as annotations_as_json;
#[cfg(test)]
pub(crate) use annotation::sample as sample_annotation;
pub use annotation::{Action, Annotation, Fact, Retracted};
pub use request::{Request, Status, UnnamedCount};
use serde::{Deserialize, Serialize};
use std::fmt;
pub use sym::{Prov, Sym};

/// Kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Document,
    Section,
    Meeting,
    Agreement,
    Country,
    Organization,
    Person,
    Event,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 8] = [
        Kind::Document,
        Kind::Section,
        Kind::Meeting,
        Kind::Agreement,
        Kind::Country,
        Kind::Organization,
        Kind::Person,
        Kind::Event,
    ];

    /// The lower-case name used in ids and queries.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Section => "section",
            Kind::Meeting => "meeting",
            Kind::Agreement => "agreement",
            Kind::Country => "country",
            Kind::Organization => "organization",
            Kind::Person => "person",
            Kind::Event => "event",
        }
    }

    /// Parse a kind name (English or Spanish, singular or plural).
    pub fn parse(s: &str) -> Option<Kind> {
        let n = crate::text::normalize(s);
        Some(match n.as_str() {
            "document" | "documents" | "documento" | "documentos" => Kind::Document,
            "section" | "sections" | "seccion" | "secciones" => Kind::Section,
            "meeting" | "meetings" | "reunion" | "reuniones" => Kind::Meeting,
            "agreement" | "agreements" | "acuerdo" | "acuerdos" => Kind::Agreement,
            "country" | "countries" | "pais" | "paises" => Kind::Country,
            "organization" | "organizations" | "organizacion" | "organizaciones" | "org" => {
                Kind::Organization
            }
            "person" | "people" | "persons" | "persona" | "personas" => Kind::Person,
            "event" | "events" | "evento" | "eventos" => Kind::Event,
            _ => return None,
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Type of a directed edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EdgeKind {
    PartOf,
    Mentions,
    AdoptedAt,
    ReaffirmedAt,
    RecommendedAt,
    RequestsResponseFrom,
    Responded,
    /// Derived from requests: agreement → country still awaited.
    Awaits,
    FollowsUp,
    HeldIn,
    MemberOf,
    PresidedBy,
    ProposedBy,
    Concerns,
    EvolvedInto,
    /// Derived: two agreement nodes from different reports are the same
    /// agreement (evidence and confidence in its attributes).
    SameAs,
}

impl EdgeKind {
    /// Every edge kind, in display order.
    pub const ALL: [EdgeKind; 16] = [
        EdgeKind::PartOf,
        EdgeKind::Mentions,
        EdgeKind::AdoptedAt,
        EdgeKind::ReaffirmedAt,
        EdgeKind::RecommendedAt,
        EdgeKind::RequestsResponseFrom,
        EdgeKind::Responded,
        EdgeKind::Awaits,
        EdgeKind::FollowsUp,
        EdgeKind::HeldIn,
        EdgeKind::MemberOf,
        EdgeKind::PresidedBy,
        EdgeKind::ProposedBy,
        EdgeKind::Concerns,
        EdgeKind::EvolvedInto,
        EdgeKind::SameAs,
    ];

    /// The snake_case name used in queries and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::PartOf => "part_of",
            EdgeKind::Mentions => "mentions",
            EdgeKind::AdoptedAt => "adopted_at",
            EdgeKind::ReaffirmedAt => "reaffirmed_at",
            EdgeKind::RecommendedAt => "recommended_at",
            EdgeKind::RequestsResponseFrom => "requests_response_from",
            EdgeKind::Responded => "responded",
            EdgeKind::Awaits => "awaits",
            EdgeKind::FollowsUp => "follows_up",
            EdgeKind::HeldIn => "held_in",
            EdgeKind::MemberOf => "member_of",
            EdgeKind::PresidedBy => "presided_by",
            EdgeKind::ProposedBy => "proposed_by",
            EdgeKind::Concerns => "concerns",
            EdgeKind::EvolvedInto => "evolved_into",
            EdgeKind::SameAs => "same_as",
        }
    }

    /// Parse an edge kind from its snake_case name (case-insensitive).
    pub fn parse(s: &str) -> Option<EdgeKind> {
        let n = crate::text::normalize(s);
        EdgeKind::ALL.into_iter().find(|k| k.as_str() == n)
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar day. Month and day are 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    pub const fn new(year: i32, month: u8, day: u8) -> Ymd {
        Ymd { year, month, day }
    }

    /// Number of days in this date's month.
    pub fn days_in_month(year: i32, month: u8) -> u8 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// A valid date, or `None`.
    pub fn checked(year: i32, month: u8, day: u8) -> Option<Ymd> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= Ymd::days_in_month(year, month))
            .map(|_| Ymd { year, month, day })
    }

    /// The year of a day the text states without one ("met on 4 and 5
    /// June" in a text that names no year): written `--06-04`, as ISO 8601
    /// writes a day of no particular year.
    pub const NO_YEAR: i32 = 0;

    /// Whether the year of this day is not stated ([`Ymd::NO_YEAR`]).
    pub const fn yearless(&self) -> bool {
        self.year == Ymd::NO_YEAR
    }

    /// Parse `YYYY-MM-DD`, `YYYY-MM` (first day), `YYYY` (1 January) or a
    /// day of no stated year, `--MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Ymd> {
        if let Some(md) = s.trim().strip_prefix("--") {
            let (m, d) = md.split_once('-')?;
            return Ymd::checked(Ymd::NO_YEAR, m.parse().ok()?, d.parse().ok()?);
        }
        let mut it = s.trim().splitn(3, '-');
        let year: i32 = it.next()?.parse().ok()?;
        let month: u8 = it.next().map_or(Some(1), |m| m.parse().ok())?;
        let day: u8 = it.next().map_or(Some(1), |d| d.parse().ok())?;
        Ymd::checked(year, month, day)
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.yearless() {
            return write!(f, "--{:02}-{:02}", self.month, self.day);
        }
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Precision {
    Day,
    Month,
    Year,
    /// A span of days, months or years (`29-31 de octubre de 2002`,
    /// `noviembre 2002 – mayo 2003`).
    Range,
}

/// A date as a report states it: the first and last day it may cover, its
/// precision, and whether part of it (usually the year) was inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    pub start: Ymd,
    pub end: Ymd,
    pub precision: Precision,
    pub inferred: bool,
}

impl DateValue {
    /// A single day.
    pub fn day(d: Ymd) -> DateValue {
        DateValue {
            start: d,
            end: d,
            precision: Precision::Day,
            inferred: false,
        }
    }

    /// A whole month.
    pub fn month(year: i32, month: u8) -> DateValue {
        DateValue {
            start: Ymd::new(year, month, 1),
            end: Ymd::new(year, month, Ymd::days_in_month(year, month).max(1)),
            precision: Precision::Month,
            inferred: false,
        }
    }

    /// A whole year.
    pub fn year(year: i32) -> DateValue {
        DateValue {
            start: Ymd::new(year, 1, 1),
            end: Ymd::new(year, 12, 31),
            precision: Precision::Year,
            inferred: false,
        }
    }

    /// A span from the start of `a` to the end of `b`.
    pub fn range(a: DateValue, b: DateValue) -> DateValue {
        DateValue {
            start: a.start,
            end: b.end,
            precision: Precision::Range,
            inferred: a.inferred || b.inferred,
        }
    }

    /// Parse the ISO forms used in queries and reference data:
    /// `2002-05-30`, `2002-05`, `2002`, or `2002-05-30..2002-05-31`.
    pub fn parse_iso(s: &str) -> Option<DateValue> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once("..") {
            return Some(DateValue::range(
                DateValue::parse_iso(a)?,
                DateValue::parse_iso(b)?,
            ));
        }
        if let Some(md) = s.strip_prefix("--") {
            return match md.parse::<u8>() {
                Ok(m) if (1..=12).contains(&m) => Some(DateValue::month(Ymd::NO_YEAR, m)),
                Ok(_) => None,
                Err(_) => Ymd::parse_iso(s).map(DateValue::day),
            };
        }
        let parts = s.split('-').count();
        let start = Ymd::parse_iso(s)?;
        Some(match parts {
            1 => DateValue::year(start.year),
            2 => DateValue::month(start.year, start.month),
            _ => DateValue::day(start),
        })
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.start)?,
            Precision::Month if self.start.yearless() => write!(f, "--{:02}", self.start.month)?,
            Precision::Month => write!(f, "{:04}-{:02}", self.start.year, self.start.month)?,
            Precision::Year => write!(f, "{:04}", self.start.year)?,
            Precision::Range => write!(f, "{}..{}", self.start, self.end)?,
        }
        // A day of no stated year says so by its form; its year is not
        // inferred.
        if self.inferred && !self.start.yearless() {
            f.write_str(" (inferred)")?;
        }
        Ok(())
    }
}

/// An attribute value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Text(String),
    Int(i64),
    Date(DateValue),
    Bool(bool),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) => f.write_str(s),
            Value::Int(i) => write!(f, "{i}"),
            Value::Date(d) => write!(f, "{d}"),
            Value::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// Byte offsets `[start, end)` of a sentence in the document's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where a fact came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Provenance {
    /// Read from a report: document id, section id, sentence span.
    Extracted { doc: Sym, section: Sym, span: Span },
    /// From the curated gazetteer in `data/reference/`; `source` cites it.
    Reference { source: Sym },
    /// A researcher's assertion.
    Annotated {
        author: Sym,
        at: Sym,
        reason: Sym,
        source: Sym,
    },
}

impl Provenance {
    /// The origin word used in answers: extracted, reference or annotated.
    pub fn origin(&self) -> &'static str {
        match self {
            Provenance::Extracted { .. } => "extracted",
            Provenance::Reference { .. } => "reference",
            Provenance::Annotated { .. } => "annotated",
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Provenance::Extracted { doc, section, span } => {
                write!(f, "{doc} §{section} [{}..{}]", span.start, span.end)
            }
            Provenance::Reference { source } => write!(f, "reference: {source}"),
            Provenance::Annotated {
                author,
                at,
                reason,
                source,
            } => {
                write!(f, "annotated by {author} at {at}")?;
                if !reason.is_empty() {
                    write!(f, ": {reason}")?;
                }
                if !source.is_empty() {
                    write!(f, " (source: {source})")?;
                }
                Ok(())
            }
        }
    }
}

/// One attribute of a node or edge, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attr {
    pub key: Sym,
    pub value: Value,
    pub prov: Prov,
}

/// One source's contribution to a node. Several contributions with the same
/// id (the gazetteer's `country:mx` and every report that mentions México)
/// merge into one node in the graph view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeFact {
    pub id: Sym,
    pub kind: Kind,
    pub name: String,
    pub aliases: Vec<String>,
    pub attrs: Vec<Attr>,
    pub prov: Prov,
}

/// A typed, directed edge with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeFact {
    pub from: Sym,
    pub to: Sym,
    pub kind: EdgeKind,
    pub attrs: Vec<Attr>,
    pub prov: Prov,
}

/// Metadata of an ingested document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Document id, e.g. `informe-ppt-mexico-2003`.
    pub id: String,
    pub title: String,
    /// File name it was read from.
    pub file: String,
    /// Hex SHA-256 of the decoded text.
    pub hash: String,
    /// The date the report speaks from (end of its period), if known.
    pub date: Option<DateValue>,
    /// Encoding it was decoded from.
    pub encoding: String,
    /// The cleaned text that spans point into.
    pub text: String,
}

/// A section of a document, as found by the structure step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Id in the report's own numbering: `IV`, `IV.E`, `IV.E(3)`, `fn1`.
    pub id: String,
    /// Parent section id, if any.
    pub parent: Option<String>,
    pub heading: String,
    /// Body text (without the heading).
    pub text: String,
    /// Span of the whole section (heading and body) in the cleaned text.
    pub span: Span,
    /// Byte offset of `text` in the cleaned text.
    pub body_start: usize,
}

/// Everything one document contributes: written and replaced as one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactBundle {
    pub doc: DocumentMeta,
    pub sections: Vec<Section>,
    pub nodes: Vec<NodeFact>,
    pub edges: Vec<EdgeFact>,
    pub requests: Vec<Request>,
}

/// Id of a document node.
pub fn document_id(doc: &str) -> String {
    format!("document:{doc}")
}

/// Id of a section node.
pub fn section_id(doc: &str, section: &str) -> String {
    format!("section:{doc}/{section}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_edges_round_trip_their_names() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        for e in EdgeKind::ALL {
            assert_eq!(EdgeKind::parse(e.as_str()), Some(e));
        }
        assert_eq!(Kind::parse("Reuniones"), Some(Kind::Meeting));
        assert_eq!(Kind::parse("países"), Some(Kind::Country));
    }

    #[test]
    fn dates_with_precision() {
        let d = DateValue::parse_iso("2002-05").unwrap();
        assert_eq!(d.start, Ymd::new(2002, 5, 1));
        assert_eq!(d.end, Ymd::new(2002, 5, 31));
        assert_eq!(d.to_string(), "2002-05");
        assert_eq!(DateValue::parse_iso("2003-02-30"), None);
        let r = DateValue::parse_iso("2002-10-29..2002-10-31").unwrap();
        assert_eq!(r.precision, Precision::Range);
        assert_eq!(r.to_string(), "2002-10-29..2002-10-31");
        assert_eq!(Ymd::days_in_month(2000, 2), 29);
    }

    #[test]
    fn days_of_no_stated_year_are_written_as_iso_writes_them() {
        let d = DateValue::parse_iso("--08-23..--08-25").unwrap();
        assert!(d.start.yearless() && d.end.yearless());
        assert_eq!((d.start.month, d.start.day, d.end.day), (8, 23, 25));
        assert_eq!(d.to_string(), "--08-23..--08-25");
        // Its year is not stated, and not inferred either.
        let day = DateValue {
            inferred: true,
            ..DateValue::parse_iso("--02-29").unwrap()
        };
        assert_eq!(day.to_string(), "--02-29");
        assert_eq!(DateValue::parse_iso("--11").unwrap().to_string(), "--11");
        assert_eq!(DateValue::parse_iso("--13"), None);
        assert_eq!(DateValue::parse_iso("--02-30"), None);
        // Ordered before every dated day: never "after" an `as of` date.
        assert!(d.end < Ymd::new(1990, 1, 1));
    }
}
