//! Ingestion: report bytes in, one [`FactBundle`] out.
//!
//! The steps, one module each: [`read`] the file (text in any encoding,
//! PDF, Word, OpenDocument, HTML; [`decode`] for text), [`structure`] the text
//! into sections, `extract` mentions, dates, agreements and requests, and
//! `resolve` names to canonical entities. Nothing here touches the store:
//! the caller writes the bundle atomically.

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
mod listed;
mod meeting_ref;
mod meetings;
pub(crate) mod pattern;
pub mod profile;
mod quotes;
pub mod read;
mod requests;
pub(crate) mod resolve;
pub(crate) mod rules;
mod sentence;
pub mod structure;

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
    let decoded = read::read(bytes).map_err(|source| IngestError::Decode {
        file: file.to_string(),
        source,
    })?;
    let doc_id = doc_id_from_name(file);
    if doc_id.is_empty() {
        return Err(IngestError::NoId {
            file: file.to_string(),
        });
    }
    let (text, pages) = cleaned(&decoded);
    let sections = structure::split(&text);
    let extraction = extract::extract(&doc_id, &text, &sections, gazetteer, profiles);

    let doc_node = document_id(&doc_id);
    let whole = Provenance::Extracted {
        doc: doc_id.clone().into(),
        section: "".into(),
        span: Span {
            start: 0,
            end: text.len(),
        },
    };
    let title = extraction.title.clone().unwrap_or_else(|| doc_id.clone());
    let mut nodes = vec![NodeFact {
        id: doc_node.clone().into(),
        kind: Kind::Document,
        name: title.clone(),
        aliases: vec![doc_id.clone(), file_name(file)],
        attrs: vec![Attr {
            key: "file".into(),
            value: Value::Text(file_name(file)),
            prov: whole.clone().into(),
        }],
        prov: whole.into(),
    }];
    let prov = nodes[0].prov.clone();
    let mut source = vec![("format", decoded.format.as_str().to_string())];
    if !pages.is_empty() {
        source.push(("page_count", pages.len().to_string()));
        source.push(("page_starts", page_starts(&pages)));
    }
    for (key, value) in source {
        nodes[0].attrs.push(Attr {
            key: key.into(),
            value: Value::Text(value),
            prov: prov.clone(),
        });
    }
    if let Some(date) = extraction.doc_date {
        let prov = nodes[0].prov.clone();
        nodes[0].attrs.push(Attr {
            key: "date".into(),
            value: Value::Date(date),
            prov,
        });
    }
    let mut edges = Vec::new();
    for s in &sections {
        let prov = Provenance::Extracted {
            doc: doc_id.clone().into(),
            section: s.id.clone().into(),
            span: s.span,
        };
        let id = section_id(&doc_id, &s.id);
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
            .map_or_else(|| doc_node.clone(), |p| section_id(&doc_id, p));
        edges.push(EdgeFact {
            from: id.into(),
            to: parent.into(),
            kind: EdgeKind::PartOf,
            attrs: vec![],
            prov: prov.into(),
        });
    }
    nodes.extend(extraction.nodes);
    edges.extend(extraction.edges);
    let meta = DocumentMeta {
        id: doc_id.clone(),
        title,
        file: file_name(file),
        hash: content_hash(&text),
        date: extraction.doc_date,
        encoding: decoded.encoding.to_string(),
        text,
    };
    let report = IngestReport {
        doc_id,
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

fn file_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or(file)
        .to_string()
}
