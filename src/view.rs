//! Building the graph view (a [`KnowledgeGraph`]) from what the knowledge
//! base holds, in this order: the gazetteer's facts, then each document's
//! nodes and edges merged by id (streamed, one bundle at a time, so that
//! opening ten thousand reports never holds them all at once), then the
//! annotations (`crate::annotate`) and the threads across reports
//! (`crate::link`), and last the derived `awaits` edges and indexes.
//! `check` verifies the invariants of a built view; `snapshot` saves a
//! finished view next to the database and reads it back.
//!
//! This is the one layer that knows every step of a build; the graph
//! itself only offers the operations ([`crate::graph`]'s `merge.rs`).

mod check;
pub(crate) mod snapshot;

pub use check::{check, check_in, content_digest};

use crate::graph::{KnowledgeGraph, ViewOptions};
use crate::model::{Annotation, EdgeFact, FactBundle};
use crate::reference::Gazetteer;

/// Build the view from the gazetteer and document bundles.
pub fn build(
    gazetteer: &Gazetteer,
    bundles: &[FactBundle],
    options: ViewOptions,
) -> KnowledgeGraph {
    let known = bundles
        .iter()
        .filter(|b| known_by(options, b))
        .cloned()
        .collect();
    build_with(gazetteer, known, &[], options)
}

/// Build the view from the gazetteer, document bundles and annotations,
/// taking the bundles: their facts, texts and sections move into the
/// view instead of being copied (at open, the bundles are read for the
/// view alone).
pub fn build_with(
    gazetteer: &Gazetteer,
    bundles: Vec<FactBundle>,
    annotations: &[Annotation],
    options: ViewOptions,
) -> KnowledgeGraph {
    let streamed = build_streaming(
        gazetteer,
        bundles.into_iter().map(Ok::<_, std::convert::Infallible>),
        annotations,
        options,
    );
    match streamed {
        Ok(kg) => kg,
        Err(never) => match never {},
    }
}

/// Build the view from bundles read one at a time (see
/// [`crate::store::Store::document_iter`]): each bundle's facts are
/// merged and its text kept before the next is read, so the bundles
/// are never all in memory at once. The same view as [`build_with`]:
/// nodes and edges in the same order (the gazetteer's, then each
/// document's in turn; an edge whose end a later document introduces is
/// added after the last document). Stops at the first bundle that cannot
/// be read.
pub fn build_streaming<E>(
    gazetteer: &Gazetteer,
    bundles: impl Iterator<Item = Result<FactBundle, E>>,
    annotations: &[Annotation],
    options: ViewOptions,
) -> Result<KnowledgeGraph, E> {
    build_spooled(gazetteer, bundles, annotations, options, None)
}

/// [`build_streaming`], the documents' texts written to an unnamed file
/// in `spool` (the database folder) as they come instead of held: read
/// back from there when cited or saved (see `graph/texts.rs`).
pub(crate) fn build_spooled<E>(
    gazetteer: &Gazetteer,
    bundles: impl Iterator<Item = Result<FactBundle, E>>,
    annotations: &[Annotation],
    options: ViewOptions,
    spool: Option<&std::path::Path>,
) -> Result<KnowledgeGraph, E> {
    let _interning = crate::model::sym::Interning::start();
    if options.as_of.is_some() {
        // Dropping future meetings renumbers nodes before any edge is
        // added: all the nodes first, as the bundles come.
        let all = bundles.collect::<Result<Vec<_>, E>>()?;
        return Ok(build_all_at_once(gazetteer, all, annotations, options));
    }
    let mut kg = KnowledgeGraph::empty(options);
    if let Some(dir) = spool {
        kg.texts = crate::graph::Texts::spooled_in(dir);
    }
    let (ref_nodes, ref_edges) = gazetteer.facts();
    for n in ref_nodes {
        kg.merge_node(n);
    }
    let mut waiting: Vec<EdgeFact> = Vec::new();
    for e in ref_edges {
        kg.add_edge_or_wait(e, &mut waiting);
    }
    for b in bundles {
        let b = b?;
        for n in b.nodes {
            kg.merge_node(n);
        }
        for e in b.edges {
            kg.add_edge_or_wait(e, &mut waiting);
        }
        kg.keep_document(b.doc, b.sections, b.requests);
    }
    for e in waiting {
        kg.add_edge(e, false);
    }
    kg.forget_source_sets();
    finish(&mut kg, annotations);
    Ok(kg)
}

/// Every node first, then every edge: the build of an `as of` view,
/// which drops future meetings between the two.
fn build_all_at_once(
    gazetteer: &Gazetteer,
    bundles: Vec<FactBundle>,
    annotations: &[Annotation],
    options: ViewOptions,
) -> KnowledgeGraph {
    let mut kg = KnowledgeGraph::empty(options);
    let (ref_nodes, ref_edges) = gazetteer.facts();
    let mut bundles: Vec<FactBundle> = bundles
        .into_iter()
        .filter(|b| known_by(options, b))
        .collect();
    for n in ref_nodes {
        kg.merge_node(n);
    }
    for b in &mut bundles {
        for n in std::mem::take(&mut b.nodes) {
            kg.merge_node(n);
        }
    }
    // Keyed by node index: gone before `drop_future` renumbers nodes.
    kg.forget_source_sets();
    if let Some(d) = options.as_of {
        kg.drop_future(d);
    }
    for e in ref_edges {
        kg.add_edge(e, false);
    }
    for b in &mut bundles {
        for e in std::mem::take(&mut b.edges) {
            kg.add_edge(e, false);
        }
    }
    for b in bundles {
        kg.keep_document(b.doc, b.sections, b.requests);
    }
    finish(&mut kg, annotations);
    kg
}

/// What follows the facts: the nodes' indexes, annotations, threads,
/// `awaits`, the other indexes.
fn finish(kg: &mut KnowledgeGraph, annotations: &[Annotation]) {
    kg.index_nodes();
    crate::annotate::apply_facts(kg, annotations);
    crate::link::link_threads(kg, annotations);
    crate::annotate::apply_responses(kg, annotations);
    kg.seal(annotations);
}

/// Whether a document is known by the view's date, if it has one.
fn known_by(options: ViewOptions, b: &FactBundle) -> bool {
    match options.as_of {
        None => true,
        Some(d) => b.doc.date.is_some_and(|dd| dd.start <= d),
    }
}

/// The view of the bundled reports of `data/documents/`, for tests.
#[cfg(test)]
pub(crate) fn bundled() -> KnowledgeGraph {
    let g = Gazetteer::bundled().expect("gazetteer");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/documents");
    let bundles: Vec<FactBundle> = crate::kb::files_in(std::path::Path::new(dir), "txt")
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("reads");
            crate::ingest::prepare(&p.display().to_string(), &bytes, &g)
                .expect("ingests")
                .0
        })
        .collect();
    build(&g, &bundles, ViewOptions::default())
}

#[cfg(test)]
mod tests {
    use crate::model::EdgeKind;
    use petgraph::graph::{EdgeIndex, NodeIndex};
    use petgraph::Direction;

    /// The awaits index lists what the query engine's walk of a node's
    /// edges finds (awaits edges, oldest first), for every node.
    #[test]
    fn awaits_index_agrees_with_a_walk_of_the_edges() {
        let kg = super::bundled();
        let mut seen = 0;
        for n in kg.graph.node_indices() {
            for dir in [Direction::Outgoing, Direction::Incoming] {
                let mut walk: Vec<(NodeIndex, EdgeIndex)> = kg
                    .graph
                    .edges_directed(n, dir)
                    .filter(|e| e.weight().kind == EdgeKind::Awaits)
                    .map(|e| {
                        let other = if dir == Direction::Outgoing {
                            e.target()
                        } else {
                            e.source()
                        };
                        (other, e.id())
                    })
                    .collect();
                walk.reverse();
                seen += walk.len();
                assert_eq!(kg.awaits_adjacent(n, dir), Some(walk.as_slice()));
            }
        }
        assert!(seen > 0, "the bundled report has awaits edges");
    }
}
