//! Whole-graph exports for other tools: Graphviz DOT, GraphML, N-Triples
//! (for any SPARQL store) and CSV files of nodes, edges, requests and name
//! keys (for openCypher bulk loaders and SQL databases). The JSON backup
//! format lives in `crate::kb`.

use crate::graph::KnowledgeGraph;
use std::fmt::Write;

mod rdf;

pub use rdf::{nquads, ntriples};

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
    for i in kg.nodes() {
        let n = kg.data(i);
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\\n({})\"];",
            dot_escape(&n.id),
            dot_escape(&n.name),
            n.kind
        );
    }
    for (from, to, e) in kg.edges() {
        let style = if e.derived { ", style=dashed" } else { "" };
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"{style}];",
            dot_escape(&kg.data(from).id),
            dot_escape(&kg.data(to).id),
            e.kind
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
    for i in kg.nodes() {
        let n = kg.data(i);
        let _ = writeln!(
            out,
            "    <node id=\"{}\"><data key=\"kind\">{}</data><data key=\"name\">{}</data></node>",
            xml_escape(&n.id),
            n.kind,
            xml_escape(&n.name)
        );
    }
    for (from, to, e) in kg.edges() {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\"><data key=\"type\">{}</data><data key=\"source\">{}</data></edge>",
            xml_escape(&kg.data(from).id),
            xml_escape(&kg.data(to).id),
            e.kind,
            xml_escape(&e.prov.to_string())
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Quote a CSV field per RFC 4180.
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The files of a CSV export, in the order they are written.
pub(crate) const CSV_FILES: [&str; 4] = ["nodes.csv", "edges.csv", "requests.csv", "aliases.csv"];

/// Header of `nodes.csv`, in the conventions of Neo4j's bulk importer.
pub(crate) const NODES_HEADER: &str = "id:ID,:LABEL,name";
/// Header of `edges.csv`, in the conventions of Neo4j's bulk importer.
pub(crate) const EDGES_HEADER: &str = ":START_ID,:END_ID,:TYPE,derived:boolean,source,request";

/// The graph as CSV files in `dir`, for openCypher bulk loaders and SQL
/// databases (`CSV_FILES`), written as they are produced (a large view
/// would otherwise be held twice, once as text). The node and edge files
/// carry the header conventions of Neo4j's bulk importer, so
/// `neo4j-admin database import full --nodes=nodes.csv
/// --relationships=edges.csv` loads them as they are:
///
/// - `nodes.csv`: `id:ID,:LABEL,name` (the label is the kind);
/// - `edges.csv`: `:START_ID,:END_ID,:TYPE,derived:boolean,source,request`,
///   derived edges (`awaits`, `same_as`) included; `request` is the
///   request id of an `awaits` or `requests_response_from` edge, else empty;
/// - `requests.csv`: the requests for responses as acta answers from them
///   (merged across each agreement's thread): `id,agreement,subject,status,
///   requested_from,responded_named,unnamed_min,unnamed_max`, lists of
///   country ids joined with `;`;
/// - `aliases.csv`: `key,node`, every normalized name, alias and id of a
///   node (see `crate::text::normalize`), which is how acta finds a node
///   by name in any spelling.
pub fn write_csv(kg: &KnowledgeGraph, dir: &std::path::Path) -> std::io::Result<()> {
    use std::io::Write as _;
    let create = |name: &str| -> std::io::Result<std::io::BufWriter<std::fs::File>> {
        Ok(std::io::BufWriter::new(std::fs::File::create(
            dir.join(name),
        )?))
    };
    let mut out = create(CSV_FILES[0])?;
    writeln!(out, "{NODES_HEADER}")?;
    for n in kg.nodes().map(|i| kg.data(i)) {
        writeln!(
            out,
            "{},{},{}",
            csv_field(&n.id),
            n.kind,
            csv_field(&n.name)
        )?;
    }
    out.flush()?;
    let mut out = create(CSV_FILES[1])?;
    writeln!(out, "{EDGES_HEADER}")?;
    for (from, to, e) in kg.edges() {
        let w = e;
        let request = w
            .attrs
            .iter()
            .find(|a| a.key == "request")
            .map(|a| a.value.to_string())
            .unwrap_or_default();
        writeln!(
            out,
            "{},{},{},{},{},{}",
            csv_field(&kg.data(from).id),
            csv_field(&kg.data(to).id),
            w.kind,
            w.derived,
            csv_field(&w.prov.to_string()),
            csv_field(&request)
        )?;
    }
    out.flush()?;
    let mut out = create(CSV_FILES[2])?;
    writeln!(
        out,
        "id,agreement,subject,status,requested_from,responded_named,unnamed_min,unnamed_max"
    )?;
    for r in kg.requests() {
        writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            csv_field(&r.id),
            csv_field(&r.agreement),
            csv_field(&r.subject),
            r.status.as_str(),
            csv_field(&r.requested_from.join(";")),
            csv_field(&r.responded_named.join(";")),
            r.responded_unnamed.min,
            r.responded_unnamed.max
        )?;
    }
    out.flush()?;
    let mut out = create(CSV_FILES[3])?;
    writeln!(out, "key,node")?;
    let mut keys: Vec<(&str, &[petgraph::graph::NodeIndex])> = kg.aliases().collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (key, nodes) in keys {
        for &n in nodes {
            writeln!(out, "{},{}", csv_field(key), csv_field(&kg.data(n).id))?;
        }
    }
    out.flush()
}
