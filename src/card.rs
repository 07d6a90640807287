//! The entity card behind `show <entity>`: kind, names, attributes with
//! their sources, neighbours grouped by edge type, and sources; sections
//! also show their heading and text.

use crate::graph::KnowledgeGraph;
use crate::model::{Kind, Provenance};
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The card of a node as text (`show <entity>`): kind, names, attributes,
/// neighbours by edge type, sources; with `with_sources`, the source of
/// every attribute and edge and the sentences cited.
pub fn card(kg: &KnowledgeGraph, i: NodeIndex, with_sources: bool) -> String {
    let n = kg.data(i);
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", n.name, n.id);
    let _ = writeln!(out, "  kind: {}", n.kind);
    let others: Vec<&String> = n.aliases.iter().filter(|a| **a != n.name).collect();
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "  also: {}",
            others
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    for a in &n.attrs {
        let mark = if matches!(*a.prov, Provenance::Annotated { .. }) {
            " †"
        } else {
            ""
        };
        let _ = writeln!(out, "  {}: {}{mark}", a.key, a.value);
        if with_sources {
            let _ = writeln!(out, "      source: {}", a.prov);
        }
    }
    if n.kind == Kind::Section {
        if let Some(Provenance::Extracted { doc, section, .. }) = n.sources.first().map(|p| &**p) {
            if let Some(text) = kg.section_text(doc, section) {
                let _ = writeln!(out, "  text:");
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    let _ = writeln!(out, "    {}", line.trim());
                }
            }
        }
    }
    for (dir, arrow) in [(Direction::Outgoing, "→"), (Direction::Incoming, "←")] {
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (other, _, e) in kg.neighbours(i, None, dir) {
            let o = kg.data(other);
            let mut line = format!("{} ({})", o.name, o.id);
            if with_sources {
                let _ = write!(line, " [{}]", e.prov);
            }
            let list = groups.entry(format!("{arrow} {}", e.kind)).or_default();
            if !list.contains(&line) {
                list.push(line);
            }
        }
        for (edge, list) in groups {
            let _ = writeln!(out, "  {edge}:");
            for l in list {
                let _ = writeln!(out, "    {l}");
            }
        }
    }
    let _ = writeln!(out, "  sources:");
    for s in &n.sources {
        let _ = writeln!(out, "    {s}");
        if let Some(sentence) = kg
            .sentence(s)
            .filter(|_| with_sources && n.kind != Kind::Section)
        {
            let _ = writeln!(out, "      “{}”", crate::text::squash(sentence));
        }
    }
    out
}
