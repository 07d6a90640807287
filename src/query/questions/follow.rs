//! The patterns of the questions about what followed an agreement and
//! what an organization was asked to do, and of documents by title.

use super::tree::{
    bin, by, clause, col, listing, node, node_id, path, prop, query, rel, step, text, var,
};
use crate::model::{EdgeKind as E, Kind as K};
use crate::query::ast::{BinOp, PatternQuery};

/// The events that follow an agreement up (`letters`: only the letters),
/// by date.
pub(crate) fn follow_ups(agreement: &str, letters: bool) -> PatternQuery {
    let (e, alias) = if letters {
        (node("e", &[K::Event], &[("type", "letter")]), "letter")
    } else {
        (node("e", &[], &[]), "follow_up")
    };
    let p = step(
        e,
        rel(None, &[E::FollowsUp]),
        node_id("a", &[K::Agreement], agreement),
    );
    let mut items = vec![col(var("e"), alias)];
    if !letters {
        items.push(col(prop("e", "type"), "type"));
    }
    items.push(col(prop("e", "date"), "date"));
    query(
        vec![clause(false, vec![p], None)],
        true,
        items,
        vec![by("date", false), by(alias, false)],
        None,
    )
}

/// The agreements whose words name an organization (or any entity): what
/// it was asked to do, with the agreement's text.
pub(crate) fn tasks(id: &str) -> PatternQuery {
    let p = step(
        node("a", &[K::Agreement], &[]),
        rel(None, &[E::Concerns]),
        node_id("x", &[], id),
    );
    listing(
        p,
        vec![col(var("a"), "agreement"), col(prop("a", "text"), "text")],
    )
}

/// The documents whose title holds a phrase.
pub(crate) fn titled(phrase: &str) -> PatternQuery {
    let cond = bin(BinOp::Contains, prop("d", "name"), text(phrase));
    query(
        vec![clause(
            false,
            vec![path(node("d", &[K::Document], &[]), vec![])],
            Some(cond),
        )],
        false,
        vec![col(var("d"), "document")],
        vec![by("document", false)],
        None,
    )
}
