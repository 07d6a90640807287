//! Controlled-language questions: entity references resolved against the
//! graph, and each question compiled straight to the syntax tree of a
//! pattern query (which `explain` prints, and which parses and runs on its
//! own). `show`, `path`, `trace` and `pending on` are answered directly:
//! a card, a shortest path, a chronology and a dated reading are not
//! patterns.

mod follow;
mod patterns;
mod presidency;
mod records;
mod topics;
mod tree;

use super::ast::{About, EntityRef, MentionTarget, PatternQuery, Place, Question};
use super::error::{ErrorKind, QueryError};
use super::eval::Ctx;
use crate::graph::Reference;
use crate::model::{DateValue, Kind};
use crate::text::slug;
use patterns::Held;
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
    let pattern = match q {
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
        Question::Awaiting { meeting, owing, .. } => match meeting {
            // `… awaiting responses from Honduras`: what a country owes.
            Some(m) => match resolve(ctx, m, &[Kind::Meeting]) {
                Ok(i) => patterns::awaiting(Some(&id_of(ctx, i))),
                Err(e) if !owing => return Err(e),
                Err(e) => match resolve(ctx, m, &[Kind::Country]) {
                    Ok(c) => records::owed_by(&id_of(ctx, c)),
                    Err(_) => return Err(e),
                },
            },
            None => patterns::awaiting(None),
        },
        Question::NotResponded { agreement, .. } => {
            patterns::not_responded(&id_of(ctx, resolve(ctx, agreement, &[Kind::Agreement])?))
        }
        Question::Meetings { place, .. } => match place {
            Place::Date(d) => patterns::meetings(Held::On(&d.value)),
            Place::Named(p) => match place_of(ctx, p)? {
                PlaceMatch::Country(i) => patterns::meetings(Held::Country(&id_of(ctx, i))),
                PlaceMatch::City(city) => patterns::meetings(Held::City(&city)),
            },
        },
        Question::Mentioning { target, what, .. } => {
            let documents = *target == MentionTarget::Documents;
            match (documents, named(ctx, what, true)?) {
                (false, Some(i)) => patterns::sections_mentioning(&id_of(ctx, i)),
                (true, Some(i)) => patterns::documents_mentioning(&id_of(ctx, i)),
                (_, None) => {
                    in_either_language(ctx, what.text(), |p| patterns::text_holding(documents, p))?
                }
            }
        }
        Question::Events { from, to, .. } => patterns::events(&from.value, &to.value),
        Question::Path { from, to, .. } => {
            return Ok(Compiled::Path(
                resolve(ctx, from, &[])?,
                resolve(ctx, to, &[])?,
            ))
        }
        Question::Show { entity, .. } => return Ok(Compiled::Show(resolve(ctx, entity, &[])?)),
        Question::About { about, entity, .. } => about_pattern(ctx, *about, entity)?,
        Question::Trace { agreement, .. } => {
            return Ok(Compiled::Trace(resolve(
                ctx,
                agreement,
                &[Kind::Agreement],
            )?))
        }
        Question::ProTempore { on, .. } => {
            let day = DateValue::day(on.value.end);
            let when = presidency::When::Day(&day);
            first_answered(
                ctx,
                vec![
                    presidency::holder(when, true),
                    presidency::holder(when, false),
                ],
            )?
        }
    };
    Ok(Compiled::Pattern(pattern))
}

/// The first of `candidates` that has an answer over the graph, else the
/// first (whose empty answer is then the answer).
fn first_answered(
    ctx: &Ctx<'_>,
    candidates: Vec<PatternQuery>,
) -> Result<PatternQuery, QueryError> {
    for p in &candidates {
        if !ctx.run_pattern(p)?.rows.is_empty() {
            return Ok(p.clone());
        }
    }
    candidates.into_iter().next().ok_or_else(|| {
        QueryError::new(
            ErrorKind::Invalid,
            "internal error: a question with no pattern",
            None,
        )
    })
}

/// The pattern for a phrase, or for the same topic in the other language
/// when the phrase finds nothing and the topic list has it.
fn in_either_language(
    ctx: &Ctx<'_>,
    phrase: &str,
    pattern: impl Fn(&str) -> PatternQuery,
) -> Result<PatternQuery, QueryError> {
    match topics::other_language(phrase) {
        Some(other) => first_answered(ctx, vec![pattern(phrase), pattern(other)]),
        None => Ok(pattern(phrase)),
    }
}

/// The one node a reference names, if it names one: a quoted reference
/// is a phrase unless it is exactly one name; an unquoted one must
/// resolve (`strict`) or is a phrase too.
fn named(ctx: &Ctx<'_>, r: &EntityRef, strict: bool) -> Result<Option<NodeIndex>, QueryError> {
    Ok(match r {
        EntityRef::Quoted(t, _) => match ctx.kg.lookup(t) {
            [one] => Some(*one),
            _ => None,
        },
        other if strict => Some(resolve(ctx, other, &[])?),
        other => resolve(ctx, other, &[]).ok(),
    })
}

fn id_of(ctx: &Ctx<'_>, i: NodeIndex) -> String {
    ctx.kg.data(i).id.to_string()
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
fn about_pattern(
    ctx: &Ctx<'_>,
    about: About,
    entity: &EntityRef,
) -> Result<PatternQuery, QueryError> {
    let of = |kind: Kind| -> Result<String, QueryError> {
        Ok(id_of(ctx, resolve(ctx, entity, &[kind])?))
    };
    Ok(match about {
        About::Agreed => patterns::agreed(&of(Kind::Meeting)?, false),
        About::Recommended => patterns::agreed(&of(Kind::Meeting)?, true),
        About::Place => patterns::place(&of(Kind::Meeting)?),
        About::Date => patterns::dates(&of(Kind::Meeting)?),
        About::Hosted => patterns::hosted(&of(Kind::Meeting)?),
        About::Presided => {
            let m = of(Kind::Meeting)?;
            let when = presidency::When::Meeting(&m);
            first_answered(
                ctx,
                vec![
                    presidency::presided_by(&m),
                    presidency::holder(when, true),
                    presidency::holder(when, false),
                ],
            )?
        }
        About::Responded => patterns::responded(&of(Kind::Agreement)?),
        About::Letters => follow::follow_ups(&of(Kind::Agreement)?, true),
        About::FollowUps => follow::follow_ups(&of(Kind::Agreement)?, false),
        About::Tasks => follow::tasks(&id_of(ctx, resolve(ctx, entity, &[])?)),
        About::Titled => follow::titled(entity.text()),
        About::Members => records::members(&id_of(ctx, resolve(ctx, entity, &[])?)),
        About::Attended => records::attended(&of(Kind::Meeting)?),
        About::Status => records::status(&of(Kind::Agreement)?),
        About::Proposals => records::proposals(&id_of(ctx, resolve(ctx, entity, &[])?)),
        About::AdoptedAt => records::adopted_at(&of(Kind::Agreement)?),
        // An agreement is about what the section that records it names.
        About::Agreements => match named(ctx, entity, false)? {
            Some(i) => patterns::agreements_naming(&id_of(ctx, i)),
            None => in_either_language(ctx, entity.text(), patterns::agreements_holding)?,
        },
    })
}

#[cfg(test)]
mod oracle;
