//! The commands that report on a knowledge base as a whole: `acta stats`
//! (what it holds) and `acta check` (whether its invariants hold).

use super::io::out;
use acta::{visible, Error, KnowledgeBase, ReadAccess};

/// `acta stats`: documents, nodes and edges, by kind.
pub(crate) fn stats(access: &ReadAccess) -> Result<(), Error> {
    let view = access.view()?;
    let path = match access {
        ReadAccess::Store(kb) => kb.store().path().to_path_buf(),
        ReadAccess::Saved(saved) => saved.path.clone(),
    };
    let mut text = format!(
        "knowledge base: {}\ndocuments: {}\nnodes: {}\nedges: {}\n",
        path.display(),
        view.document_count(),
        view.node_count(),
        view.edge_count()
    );
    text.push_str(&acta::output::counts(
        &view.stats(),
        "nodes by kind",
        "edges by type",
    ));
    out(&text)
}

/// `acta check`: every invariant, or the problems found.
pub(crate) fn check(kb: &KnowledgeBase) -> Result<(), Error> {
    let problems = kb.check()?;
    if problems.is_empty() {
        return out(&format!(
            "ok: {} documents, all invariants hold\n",
            kb.store().document_count()?
        ));
    }
    for p in &problems {
        eprintln!("problem: {}", visible(p));
    }
    Err(Error::CheckFailed(problems.len()))
}
