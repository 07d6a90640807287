//! The graph as RDF for SPARQL stores: N-Triples (the facts) and N-Quads
//! (each fact in a named graph that is its evidence: one graph per cited
//! sentence, gazetteer entry or annotation, described in the default
//! graph). The vocabulary is documented in `docs/vocabulary.md`.

use crate::graph::KnowledgeGraph;
use crate::model::{Prov, Provenance, Value};
use fxhash::FxHashSet;
use std::fmt::Write;

/// Base IRI of acta's vocabulary and of its nodes.
pub(crate) const BASE_IRI: &str = "https://acta.example/";
const RDF_TYPE: &str = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
const LABEL: &str = "<http://www.w3.org/2000/01/rdf-schema#label>";
const INTEGER: &str = "<http://www.w3.org/2001/XMLSchema#integer>";

/// A node or vocabulary IRI: the base followed by `id`, every byte that
/// is not safe in an IRI percent-encoded.
fn iri(id: &str) -> String {
    let mut s = String::from("<");
    s.push_str(BASE_IRI);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/:".contains(&b) {
            s.push(b as char);
        } else {
            let _ = write!(s, "%{b:02X}");
        }
    }
    s.push('>');
    s
}

/// A plain literal, escaped for N-Triples (control characters as `\uXXXX`).
fn literal(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", u32::from(c));
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn integer(n: impl std::fmt::Display) -> String {
    format!("\"{n}\"^^{INTEGER}")
}

/// Where statements go: one line each, with a graph in N-Quads.
struct Sink {
    out: String,
    quads: bool,
}

impl Sink {
    fn triple(&mut self, s: &str, p: &str, o: &str) {
        let _ = writeln!(self.out, "{s} {p} {o} .");
    }

    /// A fact, in the graph of its evidence when writing quads.
    fn fact(&mut self, s: &str, p: &str, o: &str, prov: &Provenance) {
        if self.quads {
            let _ = writeln!(self.out, "{s} {p} {o} {} .", graph_of(prov));
        } else {
            self.triple(s, p, o);
        }
    }
}

/// The named graph that holds the facts read from one piece of evidence.
fn graph_of(p: &Provenance) -> String {
    match p {
        Provenance::Extracted { doc, section, span } => iri(&format!(
            "source/{doc}/{section}/{}-{}",
            span.start, span.end
        )),
        Provenance::Reference { source } => iri(&format!("source/reference/{source}")),
        Provenance::Annotated { author, at, .. } => {
            iri(&format!("source/annotation/{author}/{at}"))
        }
    }
}

/// The default-graph description of an evidence graph: where it was read.
fn describe(sink: &mut Sink, p: &Provenance) {
    let g = graph_of(p);
    sink.triple(&g, &iri("prov/origin"), &literal(p.origin()));
    match p {
        Provenance::Extracted { doc, section, span } => {
            sink.triple(
                &g,
                &iri("prov/document"),
                &iri(&crate::model::document_id(doc)),
            );
            sink.triple(&g, &iri("prov/section"), &literal(section));
            sink.triple(&g, &iri("prov/start"), &integer(span.start));
            sink.triple(&g, &iri("prov/end"), &integer(span.end));
        }
        Provenance::Reference { source } => {
            sink.triple(&g, &iri("prov/source"), &literal(source));
        }
        Provenance::Annotated {
            author,
            at,
            reason,
            source,
        } => {
            sink.triple(&g, &iri("prov/author"), &literal(author));
            sink.triple(&g, &iri("prov/at"), &literal(at));
            sink.triple(&g, &iri("prov/reason"), &literal(reason));
            sink.triple(&g, &iri("prov/source"), &literal(source));
        }
    }
}

/// Nodes (type, label, attributes) and edges.
fn nodes_and_edges(kg: &KnowledgeGraph, sink: &mut Sink, seen: &mut Evidence) {
    let mut note = |p: &Prov| seen.note(p);
    for i in kg.nodes() {
        let n = kg.data(i);
        let s = iri(&n.id);
        sink.triple(&s, RDF_TYPE, &iri(&format!("kind/{}", n.kind)));
        sink.triple(&s, LABEL, &literal(&n.name));
        for a in &n.attrs {
            let v = match &a.value {
                Value::Text(t) => literal(t),
                other => literal(&other.to_string()),
            };
            let key = iri(&format!("attr/{}", crate::text::slug(&a.key)));
            sink.fact(&s, &key, &v, &a.prov);
            note(&a.prov);
        }
    }
    for (from, to, e) in kg.edges() {
        let (s, o) = (iri(&kg.data(from).id), iri(&kg.data(to).id));
        sink.fact(&s, &iri(&format!("edge/{}", e.kind)), &o, &e.prov);
        note(&e.prov);
        if e.kind == crate::model::EdgeKind::Awaits {
            let request = e.attrs.iter().find(|a| a.key == "request");
            if let Some(r) = request {
                sink.fact(
                    &iri(&r.value.to_string()),
                    &iri("request/awaits"),
                    &o,
                    &e.prov,
                );
            }
        }
    }
}

/// The requests for responses as acta answers from them: who was asked,
/// who responded, how many unnamed, what is awaited.
fn requests(kg: &KnowledgeGraph, sink: &mut Sink) {
    for r in kg.requests() {
        let s = iri(&r.id);
        sink.triple(&s, RDF_TYPE, &iri("kind/request"));
        sink.triple(&s, LABEL, &literal(&r.subject));
        sink.fact(&s, &iri("request/agreement"), &iri(&r.agreement), &r.prov);
        sink.fact(
            &s,
            &iri("request/status"),
            &literal(r.status.as_str()),
            &r.prov,
        );
        sink.fact(
            &s,
            &iri("request/awaiting"),
            &literal(&r.awaiting()),
            &r.prov,
        );
        for c in &r.requested_from {
            sink.fact(&s, &iri("request/requested_from"), &iri(c), &r.prov);
        }
        for c in &r.responded_named {
            sink.fact(&s, &iri("request/responded"), &iri(c), &r.prov);
        }
        let unnamed = &r.responded_unnamed;
        sink.fact(
            &s,
            &iri("request/unnamed_min"),
            &integer(unnamed.min),
            &r.prov,
        );
        sink.fact(
            &s,
            &iri("request/unnamed_max"),
            &integer(unnamed.max),
            &r.prov,
        );
    }
}

/// The pieces of evidence cited, each once, in the order first cited.
#[derive(Default)]
struct Evidence {
    set: FxHashSet<Prov>,
    order: Vec<Prov>,
}

impl Evidence {
    fn note(&mut self, p: &Prov) {
        if self.set.insert(p.clone()) {
            self.order.push(p.clone());
        }
    }
}

fn rdf(kg: &KnowledgeGraph, quads: bool) -> String {
    let mut sink = Sink {
        out: String::new(),
        quads,
    };
    let mut seen = Evidence::default();
    nodes_and_edges(kg, &mut sink, &mut seen);
    requests(kg, &mut sink);
    if quads {
        for r in kg.requests() {
            seen.note(&r.prov);
        }
        for p in &seen.order {
            describe(&mut sink, p);
        }
    }
    sink.out
}

/// The graph as N-Triples: a type and label per node, its attributes, a
/// triple per edge (derived `awaits` and `same_as` included), and the
/// requests for responses.
pub fn ntriples(kg: &KnowledgeGraph) -> String {
    rdf(kg, false)
}

/// The same facts as N-Quads, each in the named graph of its evidence,
/// with each evidence graph described in the default graph (document,
/// section, span; or gazetteer entry; or annotation author and time).
pub fn nquads(kg: &KnowledgeGraph) -> String {
    rdf(kg, true)
}
