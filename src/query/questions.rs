//! Controlled-language questions: entity references resolved against the
//! graph, and each question compiled to a pattern query (the text that
//! `explain` prints, which parses and runs on its own). `show` and `path`
//! are answered directly: a card and a shortest path are not patterns.

use super::ast::{write_string, EntityRef, MentionTarget, PatternQuery, Place, Question, Span};
use super::error::{ErrorKind, QueryError};
use super::eval::Ctx;
use crate::graph::ResolveError;
use crate::model::Kind;
use crate::text::{normalize, slug};
use petgraph::graph::NodeIndex;

/// A question made ready to run.
#[derive(Debug, Clone)]
pub enum Compiled {
    /// Answered by this pattern query.
    Pattern(PatternQuery),
    /// The card of an entity.
    Show(NodeIndex),
    /// The shortest path between two entities.
    Path(NodeIndex, NodeIndex),
    /// The chronology of an agreement.
    Trace(NodeIndex),
}

/// Compile a question against the graph (entity references are resolved
/// now, so the pattern names ids).
pub fn compile(ctx: &Ctx<'_>, q: &Question) -> Result<Compiled, QueryError> {
    let text = match q {
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

const ARTICLES: [&str; 7] = ["la ", "el ", "los ", "las ", "the ", "del ", "de "];

/// Resolve a reference to one node, of one of the `want` kinds if given.
/// Unknown or ambiguous references are errors listing the candidates.
pub fn resolve(ctx: &Ctx<'_>, r: &EntityRef, want: &[Kind]) -> Result<NodeIndex, QueryError> {
    let kg = ctx.kg;
    let span = r.span();
    let fits = |i: &NodeIndex| want.is_empty() || want.contains(&kg.data(*i).kind);
    if let EntityRef::Id(id, _) = r {
        return match kg.node(id) {
            Some(i) if fits(&i) => Ok(i),
            Some(i) => Err(wrong_kind(ctx, id, &[i], want, span)),
            None => Err(QueryError::resolve(
                &ResolveError::Unknown {
                    name: id.clone(),
                    candidates: kg.nearest(id, 5),
                },
                span,
            )),
        };
    }
    let text = r.text().trim();
    let mut found: Vec<NodeIndex> = kg.lookup(text).iter().copied().filter(fits).collect();
    // A section number names the agreement of that section when there is
    // one (`show IV.A` is the agreement's card; the section stays reachable
    // by its id, `section:<doc>/IV.A`).
    if want.is_empty() {
        for f in &mut found {
            let d = kg.data(*f);
            if d.kind != Kind::Section {
                continue;
            }
            let numbered = d.id.strip_prefix("section:").and_then(|rest| {
                kg.node(&format!("agreement:{rest}"))
                    .filter(|_| d.aliases.iter().any(|a| normalize(a) == normalize(text)))
            });
            if let Some(a) = numbered {
                *f = a;
            }
        }
    }
    let norm = normalize(text);
    if found.is_empty() {
        if let Some(rest) = ARTICLES.iter().find_map(|a| norm.strip_prefix(a)) {
            found = kg.lookup(rest).iter().copied().filter(fits).collect();
        }
    }
    if found.is_empty() && (want.is_empty() || want.contains(&Kind::Meeting)) {
        found.extend(meeting_by_words(ctx, &norm));
    }
    if found.is_empty() && (want.is_empty() || want.contains(&Kind::Agreement)) {
        found.extend(agreement_by_number(ctx, text));
    }
    found.dedup();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let any = kg.lookup(text);
            if !any.is_empty() && !want.is_empty() {
                return Err(wrong_kind(ctx, text, any, want, span));
            }
            Err(QueryError::resolve(
                &ResolveError::Unknown {
                    name: text.to_string(),
                    candidates: kg.nearest(text, 5),
                },
                span,
            ))
        }
        many => {
            let mut candidates: Vec<String> = many
                .iter()
                .map(|&i| format!("{} ({})", kg.data(i).name, kg.data(i).id))
                .collect();
            candidates.sort();
            Err(QueryError::resolve(
                &ResolveError::Ambiguous {
                    name: text.to_string(),
                    candidates,
                },
                span,
            ))
        }
    }
}

fn wrong_kind(
    ctx: &Ctx<'_>,
    text: &str,
    found: &[NodeIndex],
    want: &[Kind],
    span: Span,
) -> QueryError {
    let is: Vec<String> = found
        .iter()
        .map(|&i| format!("{} ({})", ctx.kg.data(i).kind, ctx.kg.data(i).id))
        .collect();
    let want: Vec<&str> = want.iter().map(|k| k.as_str()).collect();
    QueryError::new(
        ErrorKind::Resolve,
        format!(
            "\"{text}\" is a {}, not a {}",
            is.join(" or a "),
            want.join(" or a ")
        ),
        Some(span),
    )
}

const MONTHS: [(&str, &str); 12] = [
    ("enero", "january"),
    ("febrero", "february"),
    ("marzo", "march"),
    ("abril", "april"),
    ("mayo", "may"),
    ("junio", "june"),
    ("julio", "july"),
    ("agosto", "august"),
    ("septiembre", "september"),
    ("octubre", "october"),
    ("noviembre", "november"),
    ("diciembre", "december"),
];

/// A meeting named by its body and ordinal (`CRM 7`, `VII CRM`) or body,
/// month and year (`GRCM octubre 2002`, `reunión del GRCM en octubre de
/// 2002`), as ids `meeting:crm-07` and `meeting:grcm-2002-10`.
fn meeting_by_words(ctx: &Ctx<'_>, norm: &str) -> Vec<NodeIndex> {
    const FILLER: [&str; 10] = [
        "de", "del", "la", "el", "en", "reunion", "the", "of", "meeting", "in",
    ];
    let words: Vec<&str> = norm
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .collect();
    let (mut body, mut year, mut month, mut ordinal) = (None, None, None, None);
    for w in words {
        if let Some(m) = MONTHS
            .iter()
            .position(|(es, en)| *es == w || *en == w || (w == "setiembre" && *es == "septiembre"))
        {
            month = Some(m + 1);
        } else if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
            year = w.parse::<i32>().ok();
        } else if let Ok(n) = w.parse::<u32>() {
            ordinal = Some(n);
        } else if let Some(n) = crate::reference::from_roman(w) {
            ordinal = Some(n);
        } else if body.is_none() {
            body = Some(slug(w));
        } else {
            return vec![];
        }
    }
    let Some(body) = body else { return vec![] };
    let ids: Vec<String> = match (year, month, ordinal) {
        (Some(y), Some(m), None) => vec![format!("meeting:{body}-{y}-{m:02}")],
        (None, None, Some(n)) => vec![format!("meeting:{body}-{n:02}")],
        (Some(y), None, None) => {
            let prefix = format!("meeting:{body}-{y}-");
            return ctx
                .nodes_of(Kind::Meeting)
                .iter()
                .copied()
                .filter(|&i| ctx.kg.data(i).id.starts_with(&prefix))
                .collect();
        }
        _ => vec![],
    };
    ids.iter().filter_map(|id| ctx.kg.node(id)).collect()
}

/// Agreements numbered like a section (`IV.E(1)`): ids ending in
/// `/<number>`, in any document.
fn agreement_by_number(ctx: &Ctx<'_>, text: &str) -> Vec<NodeIndex> {
    let suffix = format!("/{}", text.trim());
    let key = normalize(&suffix);
    ctx.nodes_of(Kind::Agreement)
        .iter()
        .copied()
        .filter(|&i| normalize(&ctx.kg.data(i).id).ends_with(&key))
        .collect()
}
