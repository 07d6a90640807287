//! `acta import`: an export checked whole before anything is written, then
//! written in one atomic batch. An export can come from anywhere (a
//! colleague, an older acta, a hand edit), so everything the knowledge
//! base will read back is verified first: each document's id is a plain
//! name (no path), unique, and its text has its hash; every span lies in
//! its text; every edge and request joins nodes that exist; every
//! annotation record reads as one, names entities that exist, has a time,
//! and holds no control characters. Any problem refuses the whole file.

use super::{twins, Export, KnowledgeBase, EXPORT_FORMAT, EXPORT_VERSION};
use crate::annotate::{self, AnnotationError};
use crate::error::Error;
use crate::graph::{KnowledgeGraph, ViewOptions};
use crate::ingest;
use crate::model::{Annotation, FactBundle, Prov, Provenance, Span};
use crate::view;
use std::collections::BTreeSet;

impl KnowledgeBase {
    /// Load a JSON export into this knowledge base: all of it, or nothing
    /// (see the module's comment). Returns the numbers of documents and
    /// annotations in the export.
    pub fn import_json(&self, name: &str, text: &str) -> Result<(usize, usize), Error> {
        let export: Export = serde_json::from_str(text).map_err(|source| Error::NotAnExport {
            path: name.to_string(),
            source,
        })?;
        if export.format != EXPORT_FORMAT || export.version != EXPORT_VERSION {
            return Err(Error::ExportVersion {
                path: name.to_string(),
                format: export.format,
                version: export.version,
            });
        }
        let mut problems: Vec<String> = Vec::new();
        let mut ids = BTreeSet::new();
        for d in &export.documents {
            if !ids.insert(d.doc.id.as_str()) {
                problems.push(format!("document {} appears twice", d.doc.id));
            }
            problems.extend(document_problems(d));
        }
        let mut annotations = Vec::new();
        if problems.is_empty() && (!export.documents.is_empty() || !export.annotations.is_empty()) {
            let kg = self.view_with_imported(&export)?;
            problems.extend(view::check_in(&kg, &self.gazetteer, &export.documents));
            annotations = annotation_problems(&kg, &export, &mut problems);
        }
        if !problems.is_empty() {
            return Err(Error::InvalidExport {
                path: name.to_string(),
                problems,
            });
        }
        // An annotation already stored (the same export imported twice,
        // or an interrupted import run again) is not stored a second time.
        let known: Vec<serde_json::Value> = self
            .store
            .annotations()?
            .into_iter()
            .filter_map(|(_, bytes)| serde_json::from_slice(&bytes).ok())
            .collect();
        let mut records = Vec::new();
        for a in annotations.iter().filter(|a| !known.contains(a)) {
            records.push(serde_json::to_vec(a)?);
        }
        let documents: Vec<(FactBundle, _)> = export
            .documents
            .into_iter()
            .map(|d| {
                let reading = twins::reading_of(&d);
                (d, reading)
            })
            .collect();
        self.store.put_all(&documents, &records)?;
        Ok((documents.len(), annotations.len()))
    }

    /// The view of the documents stored and imported (an imported
    /// document in the place of a stored one of the same id), without
    /// annotations: what the export's facts must hold together with.
    fn view_with_imported(&self, export: &Export) -> Result<KnowledgeGraph, Error> {
        let imported: BTreeSet<&str> = export.documents.iter().map(|d| d.doc.id.as_str()).collect();
        let mut bundles: Vec<FactBundle> = self
            .store
            .documents()?
            .into_iter()
            .filter(|b| !imported.contains(b.doc.id.as_str()))
            .collect();
        bundles.extend(export.documents.iter().cloned());
        Ok(view::build(
            &self.gazetteer,
            &bundles,
            ViewOptions::default(),
        ))
    }
}

/// The export's annotation records that read as annotations and hold
/// together with the documents (`kg`); what does not, into `problems`. A
/// record that no longer matches a fact (a later report changed it) is
/// kept, as a stored one would be.
fn annotation_problems(
    kg: &KnowledgeGraph,
    export: &Export,
    problems: &mut Vec<String>,
) -> Vec<serde_json::Value> {
    let mut kept = Vec::new();
    for (i, value) in export.annotations.iter().enumerate() {
        let n = i + 1;
        let a: Annotation = match serde_json::from_value(value.clone()) {
            Ok(a) => a,
            Err(e) => {
                problems.push(format!("annotation {n} is not an annotation record: {e}"));
                continue;
            }
        };
        if !is_utc_time(&a.at) {
            problems.push(format!(
                "annotation {n} has the time {:?}, not YYYY-MM-DDTHH:MM:SSZ",
                a.at.chars().take(40).collect::<String>()
            ));
            continue;
        }
        match annotate::validate(kg, &a) {
            Ok(())
            | Err(
                AnnotationError::NoFact { .. }
                | AnnotationError::NoAttribute { .. }
                | AnnotationError::LaterThanSources { .. },
            ) => kept.push(value.clone()),
            Err(e) => problems.push(format!("annotation {n}: {e}")),
        }
    }
    kept
}

/// What in one exported document the knowledge base could not read back
/// or would cite wrongly.
fn document_problems(d: &FactBundle) -> Vec<String> {
    let id = &d.doc.id;
    let mut problems = Vec::new();
    if id.is_empty() || crate::text::slug(id) != *id {
        let shown: String = id.chars().take(60).collect();
        problems.push(format!(
            "document id {shown:?} is not a plain name (lower-case letters, digits and dashes)"
        ));
        return problems;
    }
    if ingest::content_hash(&d.doc.text) != d.doc.hash {
        problems.push(format!(
            "document {id}: its hash is not the hash of its text"
        ));
    }
    let text = &d.doc.text;
    let fits = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for s in &d.sections {
        if !fits(&s.span) || s.body_start > text.len() {
            problems.push(format!(
                "document {id}: section {} lies outside its text",
                s.id
            ));
        }
    }
    let provs = d
        .nodes
        .iter()
        .flat_map(|n| std::iter::once(&n.prov).chain(n.attrs.iter().map(|a| &a.prov)))
        .chain(
            d.edges
                .iter()
                .flat_map(|e| std::iter::once(&e.prov).chain(e.attrs.iter().map(|a| &a.prov))),
        )
        .chain(d.requests.iter().map(|r| &r.prov));
    let outside = provs.filter(|p| !cites_within(p, id, &fits)).count();
    if outside > 0 {
        problems.push(format!(
            "document {id}: {outside} fact(s) cite a place outside its text or another document"
        ));
    }
    problems
}

/// Whether a fact's provenance, if read from a report, cites this
/// document within its text.
fn cites_within(p: &Prov, id: &str, fits: &impl Fn(&Span) -> bool) -> bool {
    match &**p {
        Provenance::Extracted { doc, span, .. } => &**doc == id && fits(span),
        Provenance::Reference { .. } | Provenance::Annotated { .. } => true,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the form annotation times are written in.
fn is_utc_time(t: &str) -> bool {
    let b = t.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    b.len() == 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'Z'
        && crate::model::DateValue::parse_iso(&t[..10]).is_some()
}
