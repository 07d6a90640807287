//! Helpers: a prepared document and questions about its facts.

use acta::ingest::IngestReport;
use acta::ingest::SectionNote;
use acta::model::{DateValue, EdgeKind, FactBundle, Kind, NodeFact, Provenance, Value};
use acta::Gazetteer;
use std::collections::BTreeSet;

/// Id of the bundled report.
pub const DOC: &str = "informe-ppt-mexico-2003";

/// A prepared document.
pub struct Doc {
    pub bundle: FactBundle,
    pub report: IngestReport,
}

impl Doc {
    pub fn prepare(file: &str, bytes: &[u8]) -> Doc {
        let g = Gazetteer::bundled().expect("bundled gazetteer");
        let (bundle, report) = acta::ingest::prepare(file, bytes, &g).expect("prepares");
        Doc { bundle, report }
    }

    pub fn text(file: &str, text: &str) -> Doc {
        Doc::prepare(file, text.as_bytes())
    }

    pub fn set(&self, ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    pub fn node_facts(&self, id: &str) -> Vec<&NodeFact> {
        self.bundle.nodes.iter().filter(|n| n.id == id).collect()
    }

    pub fn has_node(&self, id: &str, kind: Kind) -> bool {
        self.bundle
            .nodes
            .iter()
            .any(|n| n.id == id && n.kind == kind)
    }

    pub fn ids(&self, kind: Kind) -> BTreeSet<String> {
        self.bundle
            .nodes
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| n.id.to_string())
            .collect()
    }

    pub fn name(&self, id: &str) -> String {
        self.node_facts(id)
            .first()
            .map(|n| n.name.clone())
            .unwrap_or_else(|| panic!("no node {id}"))
    }

    pub fn aliases(&self, id: &str) -> Vec<String> {
        self.node_facts(id)
            .iter()
            .flat_map(|n| n.aliases.clone())
            .collect()
    }

    pub fn attr(&self, id: &str, key: &str) -> Option<Value> {
        self.node_facts(id)
            .iter()
            .flat_map(|n| &n.attrs)
            .find(|a| a.key == key)
            .map(|a| a.value.clone())
    }

    pub fn text_attr(&self, id: &str, key: &str) -> Option<String> {
        match self.attr(id, key) {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        }
    }

    pub fn date(&self, id: &str) -> Option<DateValue> {
        match self.attr(id, "date") {
            Some(Value::Date(d)) => Some(d),
            _ => None,
        }
    }

    pub fn edges(&self, kind: EdgeKind) -> impl Iterator<Item = (String, String)> + '_ {
        self.bundle
            .edges
            .iter()
            .filter(move |e| e.kind == kind)
            .map(|e| (e.from.to_string(), e.to.to_string()))
    }

    pub fn has_edge(&self, from: &str, kind: EdgeKind, to: &str) -> bool {
        self.bundle
            .edges
            .iter()
            .any(|e| e.from == from && e.kind == kind && e.to == to)
    }

    /// Ids with this prefix that some section mentions.
    pub fn mentioned(&self, prefix: &str) -> BTreeSet<String> {
        self.edges(EdgeKind::Mentions)
            .filter(|(from, to)| from.starts_with("section:") && to.starts_with(prefix))
            .map(|(_, to)| to)
            .collect()
    }

    pub fn note(&self, section: &str) -> &SectionNote {
        self.report
            .sections
            .iter()
            .find(|n| n.section == section)
            .unwrap_or_else(|| panic!("no note for {section}"))
    }

    /// Each request's words and whom it asks.
    pub fn calls(&self) -> Vec<(String, String)> {
        self.bundle
            .requests
            .iter()
            .map(|r| (r.subject.clone(), r.addressed_to.clone()))
            .collect()
    }

    /// The sentence a provenance points at.
    pub fn sentence(&self, p: &Provenance) -> &str {
        match p {
            Provenance::Extracted { span, .. } => {
                self.bundle.doc.text.get(span.start..span.end).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Every node and edge end exists (in this document or the gazetteer).
    pub fn assert_consistent(&self) {
        let g = Gazetteer::bundled().expect("bundled gazetteer");
        let problems = acta::view::check(&g, std::slice::from_ref(&self.bundle));
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
