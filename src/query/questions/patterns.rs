//! The pattern each question form becomes, built as a syntax tree from the
//! ids its names resolved to (see [`super::tree`]). What `:explain` prints
//! is this tree, and it parses back to itself.

use super::tree::{all, bin, by, call, clause, col, date, node, node_id, prop, query, rel, step};
use super::tree::{listing, path, text, var};
use crate::model::{DateValue, EdgeKind as E, Kind as K};
use crate::query::ast::{BinOp, PatternQuery};

/// `(a:agreement)-[:adopted_at|reaffirmed_at]->(m:meeting {id})`.
fn adopted_at(meeting: &str) -> crate::query::ast::PathPattern {
    step(
        node("a", &[K::Agreement], &[]),
        rel(None, &[E::AdoptedAt, E::ReaffirmedAt]),
        node_id("m", &[K::Meeting], meeting),
    )
}

/// The requests still awaiting responses (of one meeting's agreements, or
/// all), with the countries awaited.
pub(crate) fn awaiting(meeting: Option<&str>) -> PatternQuery {
    let awaits = |a: &[K]| {
        step(
            node("a", a, &[]),
            rel(Some("w"), &[E::Awaits]),
            node("c", &[K::Country], &[]),
        )
    };
    let paths = match meeting {
        Some(m) => vec![adopted_at(m), awaits(&[])],
        None => vec![awaits(&[K::Agreement])],
    };
    query(
        vec![clause(false, paths, None)],
        false,
        vec![
            col(var("a"), "agreement"),
            col(call("request_subject", false, vec![var("w")]), "request"),
            col(call("awaiting", false, vec![var("w")]), "awaiting"),
            col(call("collect", true, vec![var("c")]), "countries"),
            col(call("awaiting_note", false, vec![var("w")]), "note"),
        ],
        vec![by("agreement", false), by("request", false)],
        None,
    )
}

/// The countries an agreement still awaits, request by request.
pub(crate) fn not_responded(agreement: &str) -> PatternQuery {
    let p = step(
        node_id("a", &[K::Agreement], agreement),
        rel(Some("w"), &[E::Awaits]),
        node("c", &[K::Country], &[]),
    );
    query(
        vec![clause(false, vec![p], None)],
        false,
        vec![
            col(var("c"), "country"),
            col(call("request_subject", false, vec![var("w")]), "request"),
            col(call("awaiting_note", false, vec![var("w")]), "note"),
        ],
        vec![by("request", false), by("country", false)],
        None,
    )
}

/// Where meetings were held: in a year (or any date), in a country, in a
/// city.
pub(crate) enum Held<'a> {
    On(&'a DateValue),
    Country(&'a str),
    City(&'a str),
}

/// The meetings held on a date or in a place.
pub(crate) fn meetings(held: Held<'_>) -> PatternQuery {
    let m = || node("m", &[K::Meeting], &[]);
    let (p, cond) = match held {
        Held::On(d) => (
            path(m(), vec![]),
            Some(bin(BinOp::Eq, prop("m", "date"), date(d))),
        ),
        Held::Country(id) => (
            step(
                m(),
                rel(None, &[E::HeldIn]),
                node_id("c", &[K::Country], id),
            ),
            None,
        ),
        Held::City(city) => (
            path(m(), vec![]),
            Some(bin(BinOp::Eq, prop("m", "city"), text(city))),
        ),
    };
    query(
        vec![clause(false, vec![p], cond)],
        true,
        vec![
            col(var("m"), "meeting"),
            col(prop("m", "date"), "date"),
            col(prop("m", "city"), "city"),
        ],
        vec![by("date", false), by("meeting", false)],
        None,
    )
}

/// The sections that mention an entity, with the sentence that does.
pub(crate) fn sections_mentioning(id: &str) -> PatternQuery {
    let p = step(
        node("s", &[K::Section], &[]),
        rel(Some("e"), &[E::Mentions]),
        node_id("x", &[], id),
    );
    query(
        vec![clause(false, vec![p], None)],
        true,
        vec![
            col(var("s"), "section"),
            col(call("sentence", false, vec![var("e")]), "sentence"),
        ],
        vec![by("section", false)],
        None,
    )
}

/// The documents whose sections mention an entity.
pub(crate) fn documents_mentioning(id: &str) -> PatternQuery {
    let mentions = step(
        node("s", &[K::Section], &[]),
        rel(None, &[E::Mentions]),
        node_id("x", &[], id),
    );
    let mut up = rel(None, &[E::PartOf]);
    up.hops = Some((1, Some(6)));
    let within = step(node("s", &[], &[]), up, node("d", &[K::Document], &[]));
    query(
        vec![clause(false, vec![mentions, within], None)],
        false,
        vec![
            col(var("d"), "document"),
            col(call("collect", true, vec![var("s")]), "sections"),
        ],
        vec![by("document", false)],
        None,
    )
}

/// The sections (or documents) whose text holds a phrase, with a snippet.
pub(crate) fn text_holding(documents: bool, phrase: &str) -> PatternQuery {
    let (v, kind, alias) = if documents {
        ("d", K::Document, "document")
    } else {
        ("s", K::Section, "section")
    };
    let cond = bin(BinOp::Contains, prop(v, "text"), text(phrase));
    query(
        vec![clause(
            false,
            vec![path(node(v, &[kind], &[]), vec![])],
            Some(cond),
        )],
        !documents,
        vec![
            col(var(v), alias),
            col(
                call("snippet", false, vec![prop(v, "text"), text(phrase)]),
                "sentence",
            ),
        ],
        vec![by(alias, false)],
        None,
    )
}

/// The events and meetings dated within a period.
pub(crate) fn events(from: &DateValue, to: &DateValue) -> PatternQuery {
    let cond = all(vec![
        bin(BinOp::Ge, prop("e", "date"), date(from)),
        bin(BinOp::Le, prop("e", "date"), date(to)),
    ]);
    query(
        vec![clause(
            false,
            vec![path(node("e", &[K::Event, K::Meeting], &[]), vec![])],
            cond,
        )],
        true,
        vec![
            col(var("e"), "event"),
            col(prop("e", "kind"), "kind"),
            col(prop("e", "type"), "type"),
            col(prop("e", "date"), "date"),
        ],
        vec![by("date", false), by("event", false)],
        None,
    )
}

/// The agreements a meeting adopted or reaffirmed (`recommended`: those
/// it recommended).
pub(crate) fn agreed(meeting: &str, recommended: bool) -> PatternQuery {
    let p = if recommended {
        step(
            node("a", &[K::Agreement], &[]),
            rel(None, &[E::RecommendedAt]),
            node_id("m", &[K::Meeting], meeting),
        )
    } else {
        adopted_at(meeting)
    };
    listing(p, vec![col(var("a"), "agreement")])
}

/// A meeting's city and country.
pub(crate) fn place(meeting: &str) -> PatternQuery {
    let held = step(
        node("m", &[], &[]),
        rel(None, &[E::HeldIn]),
        node("c", &[K::Country], &[]),
    );
    query(
        vec![
            clause(
                false,
                vec![path(node_id("m", &[K::Meeting], meeting), vec![])],
                None,
            ),
            clause(true, vec![held], None),
        ],
        true,
        vec![
            col(var("m"), "meeting"),
            col(prop("m", "city"), "city"),
            col(var("c"), "country"),
        ],
        vec![],
        None,
    )
}

/// A meeting's dates.
pub(crate) fn dates(meeting: &str) -> PatternQuery {
    query(
        vec![clause(
            false,
            vec![path(node_id("m", &[K::Meeting], meeting), vec![])],
            None,
        )],
        false,
        vec![col(var("m"), "meeting"), col(prop("m", "date"), "date")],
        vec![],
        None,
    )
}

/// The country a meeting was held in: its host.
pub(crate) fn hosted(meeting: &str) -> PatternQuery {
    let p = step(
        node_id("m", &[K::Meeting], meeting),
        rel(None, &[E::HeldIn]),
        node("c", &[K::Country], &[]),
    );
    query(
        vec![clause(false, vec![p], None)],
        true,
        vec![col(var("m"), "meeting"), col(var("c"), "host")],
        vec![by("host", false)],
        None,
    )
}

/// The countries known to have responded to an agreement.
pub(crate) fn responded(agreement: &str) -> PatternQuery {
    let p = step(
        node("c", &[K::Country], &[]),
        rel(None, &[E::Responded]),
        node_id("a", &[K::Agreement], agreement),
    );
    listing(p, vec![col(var("c"), "country")])
}

/// The agreements whose section names an entity.
pub(crate) fn agreements_naming(id: &str) -> PatternQuery {
    let s = || node("s", &[K::Section], &[]);
    let paths = vec![
        step(
            s(),
            rel(None, &[E::Mentions]),
            node("a", &[K::Agreement], &[]),
        ),
        step(
            node("s", &[], &[]),
            rel(None, &[E::Mentions]),
            node_id("x", &[], id),
        ),
    ];
    query(
        vec![clause(false, paths, None)],
        true,
        vec![col(var("a"), "agreement")],
        vec![by("agreement", false)],
        None,
    )
}

/// The agreements whose section's text holds a phrase, with a snippet.
pub(crate) fn agreements_holding(phrase: &str) -> PatternQuery {
    let p = step(
        node("s", &[K::Section], &[]),
        rel(None, &[E::Mentions]),
        node("a", &[K::Agreement], &[]),
    );
    let cond = bin(BinOp::Contains, prop("s", "text"), text(phrase));
    query(
        vec![clause(false, vec![p], Some(cond))],
        true,
        vec![
            col(var("a"), "agreement"),
            col(
                call("snippet", false, vec![prop("s", "text"), text(phrase)]),
                "sentence",
            ),
        ],
        vec![by("agreement", false)],
        None,
    )
}
