//! Who held the Presidencia Pro-Témpore: at a meeting (who presided it) or
//! on a day. Read from the handovers recorded (`from` and `to` countries
//! of each `handover` event): the holder on a day is whoever the first
//! handover on or after it hands over from, else whoever the last one
//! before it handed over to. A meeting with `presided_by` edges answers
//! from those.

use super::tree::var;
use super::tree::{all, bin, by, clause, col, date, node, node_id, path, prop, query, rel, step};
use crate::model::{DateValue, EdgeKind as E, Kind as K};
use crate::query::ast::{BinOp, PatternQuery};

/// When the presidency is asked about.
#[derive(Clone, Copy)]
pub(crate) enum When<'a> {
    /// At a meeting (by id): who presided it.
    Meeting(&'a str),
    /// On a day.
    Day(&'a DateValue),
}

/// The `presided_by` edges of a meeting.
pub(crate) fn presided_by(meeting: &str) -> PatternQuery {
    let p = step(
        node_id("m", &[K::Meeting], meeting),
        rel(None, &[E::PresidedBy]),
        node("p", &[], &[]),
    );
    query(
        vec![clause(false, vec![p], None)],
        true,
        vec![col(var("m"), "meeting"), col(var("p"), "presided_by")],
        vec![by("presided_by", false)],
        None,
    )
}

/// The holder from the handovers: from the first one on or after `when`
/// (`after`), else from the last one before it.
pub(crate) fn holder(when: When<'_>, after: bool) -> PatternQuery {
    let handover = step(
        node("e", &[K::Event], &[("type", "handover")]),
        rel(None, &[E::Concerns]),
        node("p", &[K::Country], &[]),
    );
    let to = step(
        node("e", &[], &[]),
        rel(None, &[E::Concerns]),
        node("n", &[K::Country], &[]),
    );
    let e_date = || prop("e", "date");
    let (mut paths, within, mut items) = match when {
        When::Meeting(id) => (
            vec![path(node_id("m", &[K::Meeting], id), vec![])],
            // The meeting's dates on the left: a meeting may hold several.
            if after {
                bin(BinOp::Le, prop("m", "date"), e_date())
            } else {
                bin(BinOp::Gt, prop("m", "date"), e_date())
            },
            vec![col(var("m"), "meeting")],
        ),
        When::Day(d) => (
            vec![],
            if after {
                bin(BinOp::Ge, e_date(), date(d))
            } else {
                bin(BinOp::Lt, e_date(), date(d))
            },
            vec![],
        ),
    };
    paths.extend([handover, to]);
    let cond = all(vec![
        bin(BinOp::Eq, prop("p", "id"), prop("e", "from")),
        bin(BinOp::Eq, prop("n", "id"), prop("e", "to")),
        within,
    ]);
    let held = match when {
        When::Meeting(_) => "presided_by",
        When::Day(_) => "pro_tempore",
    };
    let (holder, other, date_col, other_col) = if after {
        ("p", "n", "until", "handed_over_to")
    } else {
        ("n", "p", "since", "before")
    };
    items.extend([
        col(var(holder), held),
        col(e_date(), date_col),
        col(var(other), other_col),
    ]);
    query(
        vec![clause(false, paths, cond)],
        false,
        items,
        vec![by(date_col, !after)],
        Some(1),
    )
}
