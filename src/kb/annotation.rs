//! An annotation statement made into a stored annotation: its entities
//! resolved (preferring the kinds its edge joins), its author and time
//! filled in, validated against the view, and stored. A refusal points at
//! the part of the statement it is about: the date, or the fact.

use super::KnowledgeBase;
use crate::annotate::{self, now_utc};
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::model::{Annotation, EdgeKind, Fact, Kind};
use crate::query::ast::{AnnFact, AnnotationStmt, Body, EntityRef};
use crate::query::eval::Ctx;
use crate::query::{parse, questions, ErrorKind, QueryError};

/// Parse, make and store one annotation statement.
pub(super) fn annotate_text(
    kb: &KnowledgeBase,
    view: &KnowledgeGraph,
    text: &str,
    author: &str,
) -> Result<(u64, Annotation), Error> {
    let statement = parse::parse(text)?;
    let Body::Annotate(a) = &statement.body else {
        return Err(QueryError::new(
            ErrorKind::Invalid,
            "not an annotation: assert, retract, confirm or reject a fact",
            Some(statement.span),
        )
        .locate(text)
        .into());
    };
    annotate_statement(kb, view, a, author).map_err(|e| e.locate(text))
}

/// Make and store a parsed annotation statement. Query errors point into
/// the statement but are not located yet (see [`Error::locate`]).
pub(crate) fn annotate_statement(
    kb: &KnowledgeBase,
    view: &KnowledgeGraph,
    a: &AnnotationStmt,
    author: &str,
) -> Result<(u64, Annotation), Error> {
    let ctx = Ctx::new(view);
    // Prefer the kinds an edge joins (IV.E(1) is the agreement, not the
    // section, in `responded to IV.E(1)`), else any entity of that name.
    let id = |r: &EntityRef, want: &[Kind]| -> Result<String, QueryError> {
        let i = questions::resolve(&ctx, r, want).or_else(|_| questions::resolve(&ctx, r, &[]))?;
        Ok(view.data(i).id.to_string())
    };
    let (fact, fact_span, date_span) = match &a.fact {
        AnnFact::Edge {
            from,
            edge,
            to,
            date,
            span,
        } => {
            let (from_kinds, to_kinds) = edge_ends(*edge);
            let fact = Fact::Edge {
                from: id(from, from_kinds)?,
                kind: *edge,
                to: id(to, to_kinds)?,
                date: date.as_ref().map(|d| d.value),
            };
            (fact, *span, date.as_ref().map(|d| d.span))
        }
        AnnFact::Attr {
            node,
            key,
            value,
            span,
        } => {
            let fact = Fact::Attr {
                node: id(node, &[])?,
                key: key.clone(),
                value: value.clone(),
            };
            (fact, *span, None)
        }
    };
    let annotation = Annotation {
        action: a.action,
        fact,
        // Who ran the command and when, always; what the statement says
        // of its author and time is kept apart, as a claim.
        author: author.to_string(),
        at: now_utc(),
        reason: a.reason.clone().unwrap_or_default(),
        source: a.source.clone().unwrap_or_default(),
        claimed_by: a.by.clone().filter(|by| by != author),
        claimed_at: a.at.clone(),
    };
    if let Err(why) = annotate::validate(view, &annotation) {
        let span = match date_span {
            Some(d) if why.about_date() => d,
            _ => fact_span,
        };
        return Err(QueryError::new(ErrorKind::Invalid, why.to_string(), Some(span)).into());
    }
    let seq = kb.store_annotation(&annotation)?;
    Ok((seq, annotation))
}

/// The kinds an edge usually joins, for resolving annotation statements.
fn edge_ends(kind: EdgeKind) -> (&'static [Kind], &'static [Kind]) {
    use EdgeKind as E;
    const A: &[Kind] = &[Kind::Agreement];
    const M: &[Kind] = &[Kind::Meeting];
    const C: &[Kind] = &[Kind::Country];
    const ANY: &[Kind] = &[];
    match kind {
        E::Responded => (C, A),
        E::AdoptedAt | E::ReaffirmedAt | E::RecommendedAt => (A, M),
        E::RequestsResponseFrom | E::Awaits => (A, C),
        E::SameAs | E::EvolvedInto => (A, A),
        E::FollowsUp => (&[Kind::Event], A),
        E::ProposedBy => (A, ANY),
        E::HeldIn => (M, C),
        _ => (ANY, ANY),
    }
}
