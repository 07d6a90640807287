//! Ingestion: report bytes in, one [`FactBundle`] out.
//!
//! The steps, one module each: [`read`] the file (text in any encoding,
//! PDF, Word, OpenDocument, HTML; [`decode`] for text), [`structure`] the text
//! into sections, `extract` mentions, dates, agreements and requests, and
//! `resolve` names to canonical entities. Nothing here touches the store:
//! the caller writes the bundle atomically.

mod acronyms;
mod agreements;
mod asked;
mod calendar;
pub(crate) mod dates;
mod decisions;
pub mod decode;
mod entities;
mod events;
pub(crate) mod extract;
mod facts;
mod front;
mod header;
pub mod likeness;
mod listed;
mod meeting_ref;
mod meetings;
pub(crate) mod pattern;
pub mod profile;
mod prose;
mod quotes;
pub mod read;
mod requests;
pub(crate) mod resolve;
pub(crate) mod rules;
mod sentence;
pub mod structure;
mod subject;

use crate::model::{
    document_id, section_id, Attr, DocumentMeta, EdgeFact, EdgeKind, FactBundle, Kind, NodeFact,
    Provenance, Span, Value,
};
use crate::reference::Gazetteer;

pub use extract::SectionNote;
use sha2::{Digest, Sha256};

/// What ingestion found, section by section, for `acta ingest --report`.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub doc_id: String,
    pub encoding: String,
    /// The language the document was read in (its reading profile).
    pub language: String,
    pub warnings: Vec<String>,
    pub sections: Vec<extract::SectionNote>,
}

/// Why a file could not be ingested. Nothing is stored when this happens.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{file}: {source}")]
    Decode {
        file: String,
        #[source]
        source: read::ReadError,
    },
    #[error("{file}: cannot derive a document id from the file name")]
    NoId { file: String },
}

/// Document id from a file name: the slug of its stem
/// (`informe-ppt-mexico-2003.txt` → `informe-ppt-mexico-2003`).
pub fn doc_id_from_name(file: &str) -> String {
    let name = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    crate::text::slug(name)
}

/// Hex SHA-256 of a text.
///
/// The hash covers the pipeline that reads the text as well as the text:
/// the same text is a no-op to re-ingest, but a new acta (new extraction
/// rules) reads it again, so the bundled knowledge base follows upgrades.
pub fn content_hash(text: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(PIPELINE.as_bytes());
    hasher.update([0]);
    hasher.update(text.as_bytes());
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The version of the reading pipeline: the crate version and a revision
/// bumped whenever extraction changes what it reads from the same text.
pub const PIPELINE: &str = concat!("acta ", env!("CARGO_PKG_VERSION"), " extraction 2");

/// The content hash a report file would be stored under, without running
/// extraction (decode and clean only): to tell whether it is stored already.
pub fn file_hash(bytes: &[u8]) -> Option<String> {
    let decoded = read::read(bytes).ok()?;
    Some(content_hash(&cleaned(&decoded).0))
}

/// The text that spans point into ([`structure::clean`]), and where its
/// pages start: a paged text is cleaned page by page, each page keeping
/// the white space that parted it from the next.
fn cleaned(r: &read::Read) -> (String, Vec<usize>) {
    if r.pages.is_empty() {
        return (structure::clean(&r.text), Vec::new());
    }
    let mut text = String::with_capacity(r.text.len());
    let mut starts = Vec::with_capacity(r.pages.len());
    for (i, &start) in r.pages.iter().enumerate() {
        let end = r.pages.get(i + 1).copied().unwrap_or(r.text.len());
        let Some(page) = r.text.get(start..end) else {
            return (structure::clean(&r.text), Vec::new());
        };
        starts.push(text.len());
        text.push_str(&structure::clean(page));
        text.push_str(&page[page.trim_end().len()..]);
    }
    let kept = text.trim_end().len();
    text.truncate(kept);
    starts.retain(|&s| s <= text.len());
    (text, starts)
}

/// Page starts as stored on a document node: byte offsets, comma-separated.
fn page_starts(pages: &[usize]) -> String {
    pages
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Turn a report file's bytes into its facts, read with the bundled
/// language profiles.
pub fn prepare(
    file: &str,
    bytes: &[u8],
    gazetteer: &Gazetteer,
) -> Result<(FactBundle, IngestReport), IngestError> {
    prepare_with(file, bytes, gazetteer, profile::Profile::bundled())
}

/// [`prepare`] with these reading profiles (the document is read with
/// the one whose language it is written in).
pub fn prepare_with(
    file: &str,
    bytes: &[u8],
    gazetteer: &Gazetteer,
    profiles: &[profile::Profile],
) -> Result<(FactBundle, IngestReport), IngestError> {
    read_as(&doc_id_from_name(file), file, bytes, gazetteer, profiles)
}

/// [`prepare`], storing the document under `doc_id` rather than the id its
/// file name gives (another reading of a stored document takes its place).
pub fn prepare_as(
    doc_id: &str,
    file: &str,
    bytes: &[u8],
    gazetteer: &Gazetteer,
) -> Result<(FactBundle, IngestReport), IngestError> {
    read_as(doc_id, file, bytes, gazetteer, profile::Profile::bundled())
}

fn read_as(
    doc_id: &str,
    file: &str,
    bytes: &[u8],
    gazetteer: &Gazetteer,
    profiles: &[profile::Profile],
) -> Result<(FactBundle, IngestReport), IngestError> {
    let decoded = read::read(bytes).map_err(|source| IngestError::Decode {
        file: file.to_string(),
        source,
    })?;
    if doc_id.is_empty() {
        return Err(IngestError::NoId {
            file: file.to_string(),
        });
    }
    let (text, pages) = cleaned(&decoded);
    let sections = structure::split(&text);
    let extraction = extract::extract(doc_id, &text, &sections, gazetteer, profiles);
    let title = extraction
        .title
        .clone()
        .unwrap_or_else(|| doc_id.to_string());
    let source = Source {
        file,
        bytes,
        format: decoded.format,
        pages: &pages,
    };
    let mut nodes = vec![document_node(
        doc_id,
        &title,
        &text,
        &source,
        extraction.doc_date,
    )];
    let mut edges = Vec::new();
    section_facts(doc_id, &sections, &mut nodes, &mut edges);
    nodes.extend(extraction.nodes);
    edges.extend(extraction.edges);
    let meta = DocumentMeta {
        id: doc_id.to_string(),
        title,
        file: file_name(file),
        hash: content_hash(&text),
        date: extraction.doc_date,
        encoding: decoded.encoding.to_string(),
        text,
    };
    let report = IngestReport {
        doc_id: doc_id.to_string(),
        encoding: decoded.encoding.to_string(),
        language: extraction.language.clone(),
        warnings: decoded.warning.into_iter().collect(),
        sections: extraction.notes,
    };
    Ok((
        FactBundle {
            doc: meta,
            sections,
            nodes,
            edges,
            requests: extraction.requests,
        },
        report,
    ))
}

/// The file a document was read from, as its node records it.
struct Source<'a> {
    file: &'a str,
    bytes: &'a [u8],
    format: read::Format,
    /// Where each page starts in the cleaned text (paged formats).
    pages: &'a [usize],
}

/// The document's own node: its title, the file it was read from (name,
/// format, SHA-256 of the file's bytes, pages) and its date.
fn document_node(
    doc_id: &str,
    title: &str,
    text: &str,
    source: &Source,
    date: Option<crate::model::DateValue>,
) -> NodeFact {
    let whole: crate::model::Prov = Provenance::Extracted {
        doc: doc_id.into(),
        section: "".into(),
        span: Span {
            start: 0,
            end: text.len(),
        },
    }
    .into();
    let mut values = vec![
        ("file", Value::Text(file_name(source.file))),
        ("format", Value::Text(source.format.as_str().to_string())),
        ("file_sha256", Value::Text(hex_sha256(source.bytes))),
    ];
    if !source.pages.is_empty() {
        values.push(("page_count", Value::Text(source.pages.len().to_string())));
        values.push(("page_starts", Value::Text(page_starts(source.pages))));
    }
    if let Some(date) = date {
        values.push(("date", Value::Date(date)));
    }
    NodeFact {
        id: document_id(doc_id).into(),
        kind: Kind::Document,
        name: title.to_string(),
        aliases: vec![doc_id.to_string(), file_name(source.file)],
        attrs: values
            .into_iter()
            .map(|(key, value)| Attr {
                key: key.into(),
                value,
                prov: whole.clone(),
            })
            .collect(),
        prov: whole,
    }
}

/// A node per section, each part of its parent section or of the document.
fn section_facts(
    doc_id: &str,
    sections: &[crate::model::Section],
    nodes: &mut Vec<NodeFact>,
    edges: &mut Vec<EdgeFact>,
) {
    for s in sections {
        let prov = Provenance::Extracted {
            doc: doc_id.into(),
            section: s.id.clone().into(),
            span: s.span,
        };
        let id = section_id(doc_id, &s.id);
        let mut attrs = vec![Attr {
            key: "number".into(),
            value: Value::Text(s.id.clone()),
            prov: prov.clone().into(),
        }];
        if !s.heading.is_empty() {
            attrs.push(Attr {
                key: "heading".into(),
                value: Value::Text(s.heading.clone()),
                prov: prov.clone().into(),
            });
        }
        let name = if s.heading.is_empty() {
            s.id.clone()
        } else {
            format!("{} {}", s.id, s.heading)
        };
        nodes.push(NodeFact {
            id: id.clone().into(),
            kind: Kind::Section,
            name,
            aliases: vec![s.id.clone(), format!("{doc_id}/{}", s.id)],
            attrs,
            prov: prov.clone().into(),
        });
        let parent = s
            .parent
            .as_ref()
            .map_or_else(|| document_id(doc_id), |p| section_id(doc_id, p));
        edges.push(EdgeFact {
            from: id.into(),
            to: parent.into(),
            kind: EdgeKind::PartOf,
            attrs: vec![],
            prov: prov.into(),
        });
    }
}

/// Hex SHA-256 of a file's bytes.
fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn file_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or(file)
        .to_string()
}
