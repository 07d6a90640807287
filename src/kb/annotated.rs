//! The saved view brought up to date with annotations stored since it was
//! saved, instead of building the whole view again (issue 20, item 11).
//!
//! The store's digest is a hash over its documents and then its annotation
//! records, in order, so the digest it had before each annotation was
//! added is known (`Store::fingerprints`). When the saved view's
//! fingerprint is one of those, the view is of the same documents and the
//! first `k` annotations; the later ones are applied on top when that
//! gives what a build with all of them gives (`annotate::apply_on_top`:
//! notes and other plain attributes of nodes that are not agreements).
//! Anything else (a document changed, a blob file touched, a response or
//! retraction among the new annotations) builds the view as before.

use super::KnowledgeBase;
use crate::annotate;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::Annotation;
use crate::view::snapshot;

impl KnowledgeBase {
    /// The saved view with the annotations stored since applied, when it
    /// is of the store's documents and an earlier part of its annotations
    /// and the rest apply on top; `None` when the view must be built.
    pub(super) fn saved_view_annotated(&self) -> Result<Option<KnowledgeGraph>, Error> {
        let dir = self.store.path();
        let Some(saved) = snapshot::saved_fingerprint(dir) else {
            return Ok(None);
        };
        let (_, before) = self.store.fingerprints(true)?;
        let prints = snapshot::fingerprints(&before, &self.gazetteer);
        let Some(k) = prints.iter().rposition(|p| *p == saved) else {
            return Ok(None);
        };
        let mut later = Vec::new();
        for (seq, bytes) in self.store.annotations()?.into_iter().skip(k) {
            let a: Annotation = serde_json::from_slice(&bytes)
                .map_err(|source| Error::StoredAnnotation { seq, source })?;
            if !annotate::may_apply_on_top(&a) {
                return Ok(None);
            }
            later.push(a);
        }
        let Some(mut kg) = snapshot::load(dir, &saved) else {
            return Ok(None);
        };
        if kg.annotations.len() != k || !annotate::apply_on_top(&mut kg, &later) {
            return Ok(None);
        }
        Ok(Some(kg))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::ViewOptions;
    use crate::view;

    fn seeded() -> (tempfile::TempDir, KnowledgeBase) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let kb = KnowledgeBase::open(&dir.path().join("kb")).expect("opens");
        let report = super::super::data_dir().join("documents/informe-ppt-mexico-2003.txt");
        kb.ingest_file(&report).expect("ingests");
        (dir, kb)
    }

    /// Notes stored after the view was saved are applied on top of it,
    /// giving what a build with them gives; a response is not (what
    /// awaits a response is derived from it): the view is built again.
    #[test]
    fn notes_apply_on_top_of_the_saved_view_and_a_response_does_not() {
        let (_dir, kb) = seeded();
        let view = kb.view().expect("a view, saved");
        for statement in [
            "assert Honduras has note \"first\"",
            "assert VII CRM has note \"second\"",
            "assert Honduras has note \"third\"",
        ] {
            kb.annotate(&view, statement, "ana").expect("stored");
        }
        let on_top = kb.saved_view_annotated().expect("reads");
        let on_top = on_top.expect("applied on top of the saved view");
        let built = kb.build_view(ViewOptions::default()).expect("builds");
        assert_eq!(view::content_digest(&on_top), view::content_digest(&built));
        assert_eq!(on_top.annotations.len(), 3);
        let honduras = on_top.node("country:hn").expect("Honduras");
        let attrs = |kg: &KnowledgeGraph| -> Vec<String> {
            kg.graph[honduras]
                .attrs
                .iter()
                .map(|a| format!("{}={}", a.key, a.value))
                .collect()
        };
        assert_eq!(
            attrs(&on_top),
            attrs(&built),
            "the same attributes, in order"
        );
        // Saved again, the view is current; a response needs a build.
        let view = kb.view().expect("a view");
        assert!(
            kb.saved_view_annotated().expect("reads").is_none(),
            "current"
        );
        kb.annotate(
            &view,
            "assert Honduras responded to IV.E(1) source \"a letter\"",
            "ana",
        )
        .expect("stored");
        assert!(kb.saved_view_annotated().expect("reads").is_none());
    }
}
