//! Whole-graph exports for other tools: Graphviz DOT, GraphML, N-Triples
//! (for any SPARQL store) and CSV node/edge files (for openCypher bulk
//! loaders). The JSON backup format lives in [`crate::kb`].

use crate::graph::KnowledgeGraph;
use crate::model::Value;
use petgraph::visit::EdgeRef;
use std::fmt::Write;

/// Base IRI of acta's N-Triples vocabulary.
pub const BASE_IRI: &str = "https://acta.example/";

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The graph in Graphviz DOT.
pub fn dot(kg: &KnowledgeGraph) -> String {
    let mut out = String::from(
        "digraph acta {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n",
    );
    for i in kg.graph.node_indices() {
        let n = &kg.graph[i];
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\\n({})\"];",
            dot_escape(&n.id),
            dot_escape(&n.name),
            n.kind
        );
    }
    for e in kg.graph.edge_references() {
        let style = if e.weight().derived {
            ", style=dashed"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"{style}];",
            dot_escape(&kg.graph[e.source()].id),
            dot_escape(&kg.graph[e.target()].id),
            e.weight().kind
        );
    }
    out.push_str("}\n");
    out
}

fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => o.push(c),
        }
    }
    o
}

/// The graph in GraphML.
pub fn graphml(kg: &KnowledgeGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n  <key id=\"source\" for=\"edge\" attr.name=\"source\" attr.type=\"string\"/>\n  <graph id=\"acta\" edgedefault=\"directed\">\n",
    );
    for i in kg.graph.node_indices() {
        let n = &kg.graph[i];
        let _ = writeln!(
            out,
            "    <node id=\"{}\"><data key=\"kind\">{}</data><data key=\"name\">{}</data></node>",
            xml_escape(&n.id),
            n.kind,
            xml_escape(&n.name)
        );
    }
    for e in kg.graph.edge_references() {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\"><data key=\"type\">{}</data><data key=\"source\">{}</data></edge>",
            xml_escape(&kg.graph[e.source()].id),
            xml_escape(&kg.graph[e.target()].id),
            e.weight().kind,
            xml_escape(&e.weight().prov.to_string())
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn iri(id: &str) -> String {
    let mut s = String::from(BASE_IRI);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/:".contains(&b) {
            s.push(b as char);
        } else {
            let _ = write!(s, "%{b:02X}");
        }
    }
    s
}

fn literal(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The graph as N-Triples: a type and label per node, its attributes, and a
/// triple per edge.
pub fn ntriples(kg: &KnowledgeGraph) -> String {
    let mut out = String::new();
    let rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    let label = "<http://www.w3.org/2000/01/rdf-schema#label>";
    for i in kg.graph.node_indices() {
        let n = &kg.graph[i];
        let s = iri(&n.id);
        let _ = writeln!(out, "<{s}> {rdf_type} <{BASE_IRI}kind/{}> .", n.kind);
        let _ = writeln!(out, "<{s}> {label} {} .", literal(&n.name));
        for a in &n.attrs {
            let v = match &a.value {
                Value::Text(t) => literal(t),
                other => literal(&other.to_string()),
            };
            let _ = writeln!(
                out,
                "<{s}> <{BASE_IRI}attr/{}> {v} .",
                crate::text::slug(&a.key)
            );
        }
    }
    for e in kg.graph.edge_references() {
        let _ = writeln!(
            out,
            "<{}> <{BASE_IRI}edge/{}> <{}> .",
            iri(&kg.graph[e.source()].id),
            e.weight().kind,
            iri(&kg.graph[e.target()].id)
        );
    }
    out
}

/// Quote a CSV field per RFC 4180.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Nodes and edges as two CSV texts (`id,kind,name` and
/// `from,to,type,derived,source`) for openCypher bulk loaders.
pub fn csv(kg: &KnowledgeGraph) -> (String, String) {
    let mut nodes = String::from("id,kind,name\n");
    for n in kg.graph.node_weights() {
        let _ = writeln!(
            nodes,
            "{},{},{}",
            csv_field(&n.id),
            n.kind,
            csv_field(&n.name)
        );
    }
    let mut edges = String::from("from,to,type,derived,source\n");
    for e in kg.graph.edge_references() {
        let _ = writeln!(
            edges,
            "{},{},{},{},{}",
            csv_field(&kg.graph[e.source()].id),
            csv_field(&kg.graph[e.target()].id),
            e.weight().kind,
            e.weight().derived,
            csv_field(&e.weight().prov.to_string())
        );
    }
    (nodes, edges)
}
