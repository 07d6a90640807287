//! Tests of [`super`] (snapshot.rs).

use super::*;
use crate::model::Provenance;

fn view() -> KnowledgeGraph {
    crate::view::bundled()
}

/// Everything a query reads, in a deterministic order.
fn described(kg: &KnowledgeGraph) -> String {
    let mut aliases: Vec<_> = kg.aliases().collect();
    aliases.sort();
    let sections: Vec<_> = kg
        .graph
        .node_weights()
        .filter_map(|n| match &*n.sources[0] {
            Provenance::Extracted { doc, section, .. } => {
                Some((doc.clone(), section.clone(), kg.section_text(doc, section)))
            }
            _ => None,
        })
        .collect();
    let awaits: Vec<_> = kg
        .graph
        .node_indices()
        .map(|n| kg.awaits_adjacent(n, petgraph::Direction::Outgoing))
        .collect();
    // Each node's edges as a walk lists them, newest first.
    let walks: Vec<Vec<_>> = kg
        .graph
        .node_indices()
        .map(|n| {
            [petgraph::Direction::Outgoing, petgraph::Direction::Incoming]
                .into_iter()
                .flat_map(|d| kg.graph.edges_directed(n, d).map(|e| e.id()))
                .collect()
        })
        .collect();
    // And by type, one type and two at once: a saved view reads the
    // group of each type (`graph/lazy/runs.rs`).
    use crate::model::EdgeKind;
    let mut kinds: Vec<Vec<EdgeKind>> = EdgeKind::ALL.iter().map(|k| vec![*k]).collect();
    kinds.push(vec![EdgeKind::AdoptedAt, EdgeKind::ReaffirmedAt]);
    kinds.push(vec![EdgeKind::Mentions, EdgeKind::Awaits, EdgeKind::PartOf]);
    let typed: Vec<Vec<_>> = kg
        .graph
        .node_indices()
        .flat_map(|n| {
            let kinds = &kinds;
            [petgraph::Direction::Outgoing, petgraph::Direction::Incoming]
                .into_iter()
                .flat_map(move |d| kinds.iter().map(move |k| (n, d, k)))
        })
        .map(|(n, d, k)| kg.graph.edges_of(n, d, k).map(|e| e.id()).collect())
        .collect();
    let requests_of: Vec<_> = kg
        .graph
        .edge_indices()
        .map(|e| kg.request_of_awaits(e).map(|r| r.id.clone()))
        .collect();
    let texts: Vec<_> = kg
        .documents()
        .iter()
        .map(|d| kg.document_text(&d.id))
        .collect();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{aliases:?}\n{sections:?}\n{awaits:?}\n{walks:?}\n{typed:?}\n{requests_of:?}\n{:?}\n{texts:?}",
        kg.graph,
        kg.requests,
        kg.request_history.get(),
        kg.documents,
        kg.annotations,
        kg.stats()
    )
}

#[test]
fn a_saved_view_reads_back_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kg = view();
    let f = [7u8; 32];
    save(dir.path(), &f, &kg).expect("saves");
    let back = load(dir.path(), &f).expect("loads");
    assert_eq!(described(&back), described(&kg));
    for n in kg.graph.node_weights() {
        assert_eq!(back.node(&n.id), kg.node(&n.id), "{}", n.id);
    }
    assert!(
        !dir.path().join(format!("{FILE}.tmp")).exists(),
        "no temporary file left"
    );
}

/// An edge removed (as a retraction does) moves the last edge into its
/// place, so that a node's edges are no longer newest first by
/// index: its runs are saved ungrouped, and every walk, of any type,
/// still lists its edges in the order the view built in memory does.
#[test]
fn a_view_with_an_edge_removed_walks_as_it_was_built() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kg = view();
    let hub = kg
        .graph
        .node_indices()
        .max_by_key(|&n| {
            kg.graph
                .edges_directed(n, petgraph::Direction::Incoming)
                .count()
        })
        .expect("a node");
    let oldest = kg
        .graph
        .edges_directed(hub, petgraph::Direction::Incoming)
        .map(|e| e.id())
        .min()
        .expect("an edge");
    kg.graph.remove_edge(oldest);
    let f = [7u8; 32];
    save(dir.path(), &f, &kg).expect("saves");
    let back = load(dir.path(), &f).expect("loads");
    assert_eq!(described(&back), described(&kg));
}

/// A view read in place and then changed is decoded whole first,
/// and is the view that was saved.
#[test]
fn a_saved_view_to_change_is_decoded_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kg = view();
    let f = [7u8; 32];
    save(dir.path(), &f, &kg).expect("saves");
    let mut back = load(dir.path(), &f).expect("loads");
    let nodes = back.graph.built_mut().node_count();
    assert_eq!(nodes, kg.node_count());
    assert_eq!(described(&back), described(&kg));
}

/// A view of an older layout (format 4 kept its graph uncompressed)
/// is never read as this one, even under the same fingerprint.
#[test]
fn a_view_of_another_format_is_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = [7u8; 32];
    save(dir.path(), &f, &view()).expect("saves");
    let file = dir.path().join(FILE);
    let mut bytes = std::fs::read(&file).expect("reads");
    bytes[8..12].copy_from_slice(&(VERSION - 1).to_le_bytes());
    std::fs::write(&file, &bytes).expect("writes");
    assert!(load(dir.path(), &f).is_none());
    assert!(saved_fingerprint(dir.path()).is_none());
}

#[test]
fn another_fingerprint_or_a_damaged_file_is_not_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = [7u8; 32];
    save(dir.path(), &f, &view()).expect("saves");
    assert!(load(dir.path(), &[8u8; 32]).is_none(), "other fingerprint");
    let file = dir.path().join(FILE);
    let bytes = std::fs::read(&file).expect("reads");
    // A byte in the middle of each section, read at open or later.
    let parts =
        read_footer(&mut File::open(&file).expect("opens"), bytes.len() as u64).expect("a footer");
    let mut middles = Vec::new();
    let mut start = HEADER;
    for (len, _) in parts {
        let len = usize::try_from(len).expect("fits");
        middles.push(start + len / 2);
        start += len;
    }
    for at in [HEADER + 10, bytes.len() / 2, bytes.len() - FOOTER - 3]
        .into_iter()
        .chain(middles)
    {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x40;
        std::fs::write(&file, &damaged).expect("writes");
        assert!(load(dir.path(), &f).is_none(), "byte {at} flipped");
    }
    for len in [0, HEADER, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&file, &bytes[..len]).expect("writes");
        assert!(load(dir.path(), &f).is_none(), "cut at {len}");
    }
    std::fs::write(&file, &bytes).expect("writes");
    assert!(load(dir.path(), &f).is_some(), "whole again");
}
