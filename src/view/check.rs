//! The invariants `acta check` verifies on the graph: every edge's ends
//! exist, requests refer to existing nodes, and the derived `awaits` edges
//! agree with the requests.

use crate::graph::{KnowledgeGraph, ViewOptions};
use crate::model::{Attr, EdgeKind, FactBundle, Status, Value};
use crate::reference::Gazetteer;

/// Invariant problems: every edge of every bundle has both ends, and the
/// derived edges match the requests.
pub fn check(gazetteer: &Gazetteer, bundles: &[FactBundle]) -> Vec<String> {
    let kg = super::build(gazetteer, bundles, ViewOptions::default());
    check_in(&kg, gazetteer, bundles)
}

/// [`check`] over a view already built from (at least) `bundles`.
pub fn check_in(kg: &KnowledgeGraph, gazetteer: &Gazetteer, bundles: &[FactBundle]) -> Vec<String> {
    let mut problems = Vec::new();
    let (_, ref_edges) = gazetteer.facts();
    let sources = ref_edges
        .iter()
        .map(|e| ("reference".to_string(), e))
        .chain(
            bundles
                .iter()
                .flat_map(|b| b.edges.iter().map(|e| (b.doc.id.clone(), e))),
        );
    for (src, e) in sources {
        for end in [&e.from, &e.to] {
            if kg.node(end).is_none() {
                problems.push(format!(
                    "{src}: edge {} {} {} points to missing node {end}",
                    e.from, e.kind, e.to
                ));
            }
        }
    }
    for b in bundles {
        for r in &b.requests {
            for id in std::iter::once(&r.agreement)
                .chain(&r.requested_from)
                .chain(&r.responded_named)
            {
                if kg.node(id).is_none() {
                    problems.push(format!(
                        "{}: request {} refers to missing node {id}",
                        b.doc.id, r.id
                    ));
                }
            }
        }
    }
    for r in &kg.requests {
        let expected = if r.status == Status::Done {
            0
        } else {
            r.requested_from
                .iter()
                .filter(|c| !r.responded_named.contains(c))
                .count()
        };
        let actual = kg
            .graph
            .edge_weights()
            .filter(|e| {
                e.kind == EdgeKind::Awaits
                    && matches!(e.attrs.first(), Some(Attr { value: Value::Text(t), .. }) if t == &r.id)
            })
            .count();
        if expected != actual {
            problems.push(format!(
                "request {}: {expected} awaits edges expected, {actual} derived",
                r.id
            ));
        }
    }
    problems
}

/// A digest of what a view says: every node (id, kind, name, aliases,
/// attributes with their values and sources) and every edge (ends, kind,
/// attributes, source, whether derived), in a fixed order. Two views that
/// answer every query alike have the same digest; `acta check` compares a
/// saved view with one built from the store by it.
pub fn content_digest(kg: &KnowledgeGraph) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut lines: Vec<String> = kg
        .graph
        .node_weights()
        .map(|n| {
            let mut attrs: Vec<String> = n
                .attrs
                .iter()
                .map(|a| format!("{}={:?}@{:?}", a.key, a.value, a.prov))
                .collect();
            attrs.sort();
            let mut aliases = n.aliases.clone();
            aliases.sort();
            format!("N {} {:?} {} {aliases:?} {attrs:?}", n.id, n.kind, n.name)
        })
        .collect();
    for e in kg.graph.edge_indices() {
        let (Some((a, b)), Some(w)) = (kg.graph.edge_endpoints(e), kg.graph.edge_weight(e)) else {
            continue;
        };
        lines.push(format!(
            "E {} {:?} {} {:?} {:?} {}",
            kg.data(a).id,
            w.kind,
            kg.data(b).id,
            w.attrs
                .iter()
                .map(|x| format!("{}={:?}", x.key, x.value))
                .collect::<Vec<_>>(),
            w.prov,
            w.derived
        ));
    }
    lines.sort();
    let mut h = Sha256::new();
    for l in &lines {
        h.update(l.as_bytes());
        h.update([b'\n']);
    }
    h.finalize().into()
}
