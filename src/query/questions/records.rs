//! The patterns of the questions about a body's members and a meeting's
//! participants, an agreement's status and where it was adopted, what an
//! entity proposed, and what a country still owes.

use super::tree::{
    by, call, clause, col, listing, node, node_id, path, prop, query, rel, step, var,
};
use crate::model::{EdgeKind as E, Kind as K};
use crate::query::ast::PatternQuery;

/// The countries that are members of a body.
pub(crate) fn members(body: &str) -> PatternQuery {
    let p = step(
        node("c", &[K::Country], &[]),
        rel(None, &[E::MemberOf]),
        node_id("o", &[], body),
    );
    listing(p, vec![col(var("c"), "member")])
}

/// The members of the body (up to three levels up) that held a meeting:
/// what the documents allow for who attended it, when they record no
/// attendance list.
pub(crate) fn attended(meeting: &str) -> PatternQuery {
    let mut up = rel(None, &[E::PartOf]);
    up.hops = Some((1, Some(3)));
    let held_by = step(
        node_id("m", &[K::Meeting], meeting),
        up,
        node("o", &[K::Organization], &[]),
    );
    let member = step(
        node("c", &[K::Country], &[]),
        rel(None, &[E::MemberOf]),
        node("o", &[], &[]),
    );
    query(
        vec![clause(false, vec![held_by, member], None)],
        true,
        vec![
            col(var("m"), "meeting"),
            col(var("o"), "body"),
            col(var("c"), "member"),
        ],
        vec![by("member", false)],
        None,
    )
}

/// An agreement's status.
pub(crate) fn status(agreement: &str) -> PatternQuery {
    query(
        vec![clause(
            false,
            vec![path(node_id("a", &[K::Agreement], agreement), vec![])],
            None,
        )],
        false,
        vec![
            col(var("a"), "agreement"),
            col(prop("a", "status"), "status"),
        ],
        vec![],
        None,
    )
}

/// What an entity proposed: agreements, presentations, letters.
pub(crate) fn proposals(id: &str) -> PatternQuery {
    let p = step(
        node("x", &[], &[]),
        rel(None, &[E::ProposedBy]),
        node_id("c", &[], id),
    );
    listing(
        p,
        vec![col(var("x"), "proposal"), col(prop("x", "kind"), "kind")],
    )
}

/// The meetings that adopted or reaffirmed an agreement, by date.
pub(crate) fn adopted_at(agreement: &str) -> PatternQuery {
    let p = step(
        node_id("a", &[K::Agreement], agreement),
        rel(None, &[E::AdoptedAt, E::ReaffirmedAt]),
        node("m", &[K::Meeting], &[]),
    );
    query(
        vec![clause(false, vec![p], None)],
        true,
        vec![
            col(var("a"), "agreement"),
            col(var("m"), "meeting"),
            col(prop("m", "date"), "date"),
        ],
        vec![by("date", false)],
        None,
    )
}

/// The requests a country has not answered, agreement by agreement.
pub(crate) fn owed_by(country: &str) -> PatternQuery {
    let p = step(
        node("a", &[K::Agreement], &[]),
        rel(Some("w"), &[E::Awaits]),
        node_id("c", &[K::Country], country),
    );
    query(
        vec![clause(false, vec![p], None)],
        false,
        vec![
            col(var("a"), "agreement"),
            col(call("request_subject", false, vec![var("w")]), "request"),
            col(call("awaiting_note", false, vec![var("w")]), "note"),
        ],
        vec![by("agreement", false), by("request", false)],
        None,
    )
}
