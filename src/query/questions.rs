//! Controlled-language questions: entity references resolved against the
//! graph, and each question compiled to a pattern query (the text that
//! `explain` prints, which parses and runs on its own). `show` and `path`
//! are answered directly: a card and a shortest path are not patterns.

use super::ast::{write_string, About, EntityRef, MentionTarget, PatternQuery, Place, Question};
use super::error::{ErrorKind, QueryError};
use super::eval::Ctx;
use crate::graph::Reference;
use crate::model::Kind;
use crate::text::slug;
use petgraph::graph::NodeIndex;

/// A question made ready to run.
#[derive(Debug, Clone)]
pub(crate) enum Compiled {
    /// Answered by this pattern query.
    Pattern(PatternQuery),
    /// The card of an entity.
    Show(NodeIndex),
    /// The shortest path between two entities.
    Path(NodeIndex, NodeIndex),
    /// The chronology of an agreement.
    Trace(NodeIndex),
    /// What was awaited on a day, from every document (of one meeting's
    /// agreements, or all).
    PendingOn(Option<NodeIndex>, crate::model::Ymd),
}

/// Compile a question against the graph (entity references are resolved
/// now, so the pattern names ids).
pub(crate) fn compile(ctx: &Ctx<'_>, q: &Question) -> Result<Compiled, QueryError> {
    let text = match q {
        Question::Awaiting {
            meeting,
            on: Some(day),
            ..
        } => {
            let m = match meeting {
                Some(m) => Some(resolve(ctx, m, &[Kind::Meeting])?),
                None => None,
            };
            return Ok(Compiled::PendingOn(m, day.value.end));
        }
        Question::Awaiting { meeting, .. } => {
            let head = match meeting {
                Some(m) => {
                    let id = id_of(ctx, resolve(ctx, m, &[Kind::Meeting])?);
                    format!(
                        "match (a:agreement)-[:adopted_at|reaffirmed_at]->(m:meeting {{id: {id}}}), (a)-[w:awaits]->(c:country)"
                    )
                }
                None => "match (a:agreement)-[w:awaits]->(c:country)".to_string(),
            };
            format!(
                "{head} return a as agreement, request_subject(w) as request, awaiting(w) as awaiting, collect(distinct c) as countries, awaiting_note(w) as note order by agreement, request"
            )
        }
        Question::NotResponded { agreement, .. } => {
            let id = id_of(ctx, resolve(ctx, agreement, &[Kind::Agreement])?);
            format!(
                "match (a:agreement {{id: {id}}})-[w:awaits]->(c:country) return c as country, request_subject(w) as request, awaiting_note(w) as note order by request, country"
            )
        }
        Question::Meetings { place, .. } => {
            let tail = "return distinct m as meeting, m.date as date, m.city as city order by date, meeting";
            match place {
                Place::Date(d) => {
                    format!("match (m:meeting) where m.date = {} {tail}", date_expr(d))
                }
                Place::Named(p) => match place_of(ctx, p)? {
                    PlaceMatch::Country(i) => format!(
                        "match (m:meeting)-[:held_in]->(c:country {{id: {}}}) {tail}",
                        id_of(ctx, i)
                    ),
                    PlaceMatch::City(city) => {
                        format!("match (m:meeting) where m.city = {} {tail}", quote(&city))
                    }
                },
            }
        }
        Question::Mentioning { target, what, .. } => {
            let entity = match what {
                EntityRef::Quoted(t, _) => match ctx.kg.lookup(t) {
                    [one] => Some(*one),
                    _ => None,
                },
                other => Some(resolve(ctx, other, &[])?),
            };
            match (target, entity) {
                (MentionTarget::Sections, Some(i)) => format!(
                    "match (s:section)-[e:mentions]->(x {{id: {}}}) return distinct s as section, sentence(e) as sentence order by section",
                    id_of(ctx, i)
                ),
                (MentionTarget::Documents, Some(i)) => format!(
                    "match (s:section)-[:mentions]->(x {{id: {}}}), (s)-[:part_of*1..6]->(d:document) return d as document, collect(distinct s) as sections order by document",
                    id_of(ctx, i)
                ),
                (MentionTarget::Sections, None) => {
                    let p = quote(what.text());
                    format!(
                        "match (s:section) where s.text contains {p} return distinct s as section, snippet(s.text, {p}) as sentence order by section"
                    )
                }
                (MentionTarget::Documents, None) => {
                    let p = quote(what.text());
                    format!(
                        "match (d:document) where d.text contains {p} return d as document, snippet(d.text, {p}) as sentence order by document"
                    )
                }
            }
        }
        Question::Events { from, to, .. } => format!(
            "match (e:event|meeting) where e.date >= {} and e.date <= {} return distinct e as event, e.kind as kind, e.type as type, e.date as date order by date, event",
            date_expr(from),
            date_expr(to)
        ),
        Question::Path { from, to, .. } => {
            return Ok(Compiled::Path(
                resolve(ctx, from, &[])?,
                resolve(ctx, to, &[])?,
            ))
        }
        Question::Show { entity, .. } => return Ok(Compiled::Show(resolve(ctx, entity, &[])?)),
        Question::About { about, entity, .. } => about_text(ctx, *about, entity)?,
        Question::Trace { agreement, .. } => {
            return Ok(Compiled::Trace(resolve(ctx, agreement, &[Kind::Agreement])?))
        }
    };
    match super::parse::parse(&text)?.body {
        super::ast::Body::Pattern(p) => Ok(Compiled::Pattern(p)),
        _ => Err(QueryError::new(
            ErrorKind::Invalid,
            format!("internal error: a question compiled to `{text}`"),
            None,
        )),
    }
}

fn date_expr(d: &super::ast::DateLit) -> String {
    super::ast::date_text(&d.value)
}

fn quote(s: &str) -> String {
    let mut out = String::new();
    let _ = write_string(&mut out, s);
    out
}

fn id_of(ctx: &Ctx<'_>, i: NodeIndex) -> String {
    quote(&ctx.kg.data(i).id)
}

enum PlaceMatch {
    Country(NodeIndex),
    City(String),
}

/// A place in `meetings in <place>`: a country, else a city some meeting
/// was held in (spelled as that meeting records it).
fn place_of(ctx: &Ctx<'_>, p: &EntityRef) -> Result<PlaceMatch, QueryError> {
    if let Ok(i) = resolve(ctx, p, &[Kind::Country]) {
        return Ok(PlaceMatch::Country(i));
    }
    let want = slug(p.text());
    for &m in ctx.nodes_of(Kind::Meeting) {
        for a in ctx.kg.data(m).attrs_named("city") {
            let city = a.value.to_string();
            if slug(&city) == want {
                return Ok(PlaceMatch::City(city));
            }
        }
    }
    resolve(ctx, p, &[Kind::Country]).map(PlaceMatch::Country)
}

/// Resolve a reference to one node, of one of the `want` kinds if given,
/// with the graph's resolver; an unknown or ambiguous reference is an
/// error listing the candidates, pointing at the reference.
pub(crate) fn resolve(
    ctx: &Ctx<'_>,
    r: &EntityRef,
    want: &[Kind],
) -> Result<NodeIndex, QueryError> {
    ctx.kg
        .resolve(reference(r), want)
        .map_err(|e| QueryError::resolve(&e, r.span()))
}

/// The graph's view of a reference written in a query.
pub(crate) fn reference(r: &EntityRef) -> Reference<'_> {
    match r {
        EntityRef::Id(id, _) => Reference::Id(id),
        EntityRef::Quoted(t, _) | EntityRef::Bare(t, _) => Reference::Name(t),
    }
}

/// The pattern that answers one thing asked about one entity.
fn about_text(ctx: &Ctx<'_>, about: About, entity: &EntityRef) -> Result<String, QueryError> {
    Ok(match about {
        About::Agreed => {
            let id = id_of(ctx, resolve(ctx, entity, &[Kind::Meeting])?);
            format!(
                "match (a:agreement)-[:adopted_at|reaffirmed_at]->(m:meeting {{id: {id}}}) return distinct a as agreement order by agreement"
            )
        }
        About::Place => {
            let id = id_of(ctx, resolve(ctx, entity, &[Kind::Meeting])?);
            format!(
                "match (m:meeting {{id: {id}}}) optional match (m)-[:held_in]->(c:country) return distinct m as meeting, m.city as city, c as country"
            )
        }
        About::Date => {
            let id = id_of(ctx, resolve(ctx, entity, &[Kind::Meeting])?);
            format!("match (m:meeting {{id: {id}}}) return m as meeting, m.date as date")
        }
        About::Responded => {
            let id = id_of(ctx, resolve(ctx, entity, &[Kind::Agreement])?);
            format!(
                "match (c:country)-[:responded]->(a:agreement {{id: {id}}}) return distinct c as country order by country"
            )
        }
        About::Agreements => {
            let found = match entity {
                EntityRef::Quoted(t, _) => match ctx.kg.lookup(t) {
                    [one] => Some(*one),
                    _ => None,
                },
                other => resolve(ctx, other, &[]).ok(),
            };
            match found {
                // An agreement is about what the section that records it
                // names.
                Some(i) => format!(
                    "match (s:section)-[:mentions]->(a:agreement), (s)-[:mentions]->(x {{id: {}}}) return distinct a as agreement order by agreement",
                    id_of(ctx, i)
                ),
                None => {
                    let p = quote(entity.text());
                    format!(
                        "match (s:section)-[:mentions]->(a:agreement) where s.text contains {p} return distinct a as agreement, snippet(s.text, {p}) as sentence order by agreement"
                    )
                }
            }
        }
    })
}
