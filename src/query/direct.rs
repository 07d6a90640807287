//! Answers that are not pattern queries: `show` (the entity card of
//! [`crate::card`]), `path` (the graph's shortest path, edge by edge) and
//! `why` (how a fact was reached: for a derived `awaits` fact, the request,
//! its date, who was asked, who answered, and the sentences it rests on).

use super::answer::{Answer, Cell, Source};
use super::ast::Why;
use super::error::QueryError;
use super::eval::expr::Val;
use super::eval::Ctx;
use super::questions::resolve;
use crate::model::{Action, EdgeKind, Fact, Kind, Request, Retracted, Status};
use crate::trace::Trace;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// `show <entity>`: the card as text, and one row for JSON and CSV.
/// `trace <agreement>`: the chronology as text, and one row per step.
pub(crate) fn trace(ctx: &Ctx<'_>, i: NodeIndex) -> Answer {
    let t = Trace::of(ctx.kg, i);
    let mut a = Answer::new(&["date", "step", "what", "countries"]);
    for s in &t.steps {
        a.push(
            vec![
                s.date.map_or(Cell::Null, Cell::Date),
                Cell::Text(s.what.clone()),
                Cell::Text(s.detail.clone()),
                Cell::List(s.countries.iter().map(|c| Cell::Text(c.clone())).collect()),
            ],
            vec![ctx.source(&s.source, true)],
        );
    }
    a.caveat(format!("status: {}", t.status));
    for o in &t.open {
        a.caveat(format!("open: {o}"));
    }
    a.text = Some(t.steps_text(ctx.kg));
    a
}

pub(crate) fn show(ctx: &Ctx<'_>, i: NodeIndex) -> Answer {
    let card = crate::card::card(ctx.kg, i, false);
    let d = ctx.kg.data(i);
    let mut a = Answer::new(&["entity", "kind", "card"]);
    let sources = d
        .sources
        .iter()
        .map(|p| ctx.source(p, d.kind != Kind::Section))
        .collect();
    a.push(
        vec![
            ctx.cell(&Val::Node(i)),
            Cell::Text(d.kind.to_string()),
            Cell::Text(card.clone()),
        ],
        sources,
    );
    a.text = Some(card);
    a
}

/// `path from X to Y`: one row per node, with the edge that led to it.
pub(crate) fn path(ctx: &Ctx<'_>, from: NodeIndex, to: NodeIndex) -> Answer {
    let mut a = Answer::new(&["step", "node", "via"]);
    let Some(nodes) = ctx.kg.shortest_path(from, to) else {
        a.caveat(format!(
            "no path links {} and {} (derived edges such as `awaits` are not followed)",
            ctx.kg.data(from).name,
            ctx.kg.data(to).name
        ));
        return a;
    };
    let mut prev: Option<NodeIndex> = None;
    for (step, n) in nodes.iter().enumerate() {
        let mut via = Cell::Null;
        let mut sources = Vec::new();
        if let Some(p) = prev {
            let edge = ctx
                .kg
                .graph
                .edges_directed(p, Direction::Outgoing)
                .find(|e| e.target() == *n && !e.weight().derived)
                .map(|e| (format!("→ {}", e.weight().kind), e.weight()))
                .or_else(|| {
                    ctx.kg
                        .graph
                        .edges_directed(p, Direction::Incoming)
                        .find(|e| e.source() == *n && !e.weight().derived)
                        .map(|e| (format!("← {}", e.weight().kind), e.weight()))
                });
            if let Some((label, e)) = edge {
                via = Cell::Text(label);
                sources.push(ctx.source(&e.prov, e.kind != EdgeKind::PartOf));
            }
        }
        a.push(
            vec![Cell::Int(step as i64), ctx.cell(&Val::Node(*n)), via],
            sources,
        );
        prev = Some(*n);
    }
    a
}

fn names<S: AsRef<str>>(ctx: &Ctx<'_>, ids: &[S]) -> String {
    if ids.is_empty() {
        return "none named".into();
    }
    ids.iter()
        .map(|id| ctx.kg.name_of(id.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `why <subject> <edge> <object>`.
pub(crate) fn why(ctx: &Ctx<'_>, w: &Why) -> Result<Answer, QueryError> {
    let (want_s, want_o): (&[Kind], &[Kind]) = match w.edge {
        EdgeKind::Awaits | EdgeKind::RequestsResponseFrom => (&[Kind::Agreement], &[Kind::Country]),
        EdgeKind::AdoptedAt | EdgeKind::ReaffirmedAt | EdgeKind::RecommendedAt => {
            (&[Kind::Agreement], &[Kind::Meeting])
        }
        _ => (&[], &[]),
    };
    let s = resolve(ctx, &w.subject, want_s)?;
    let o = resolve(ctx, &w.object, want_o)?;
    let mut a = Answer::new(&["step", "detail"]);
    let (sn, on) = (ctx.kg.data(s).name.clone(), ctx.kg.data(o).name.clone());
    let text = |t: &str| Cell::Text(t.to_string());
    if w.edge != EdgeKind::Awaits {
        for e in ctx
            .kg
            .graph
            .edges_connecting(s, o)
            .filter(|e| e.weight().kind == w.edge)
        {
            let d = e.weight();
            let origin = if d.derived {
                "derived"
            } else {
                d.prov.origin()
            };
            a.push(
                vec![
                    text("fact"),
                    Cell::Text(format!("{sn} {} {on} ({origin})", w.edge)),
                ],
                vec![ctx.source(&d.prov, true)],
            );
            for attr in &d.attrs {
                a.push(
                    vec![text(&attr.key), Cell::Text(attr.value.to_string())],
                    vec![ctx.source(&attr.prov, true)],
                );
            }
        }
        let (sid, oid) = (ctx.kg.data(s).id.clone(), ctx.kg.data(o).id.clone());
        let hidden = |r: &&Retracted| {
            matches!(&r.fact, Fact::Edge { from, kind, to, .. }
                if *from == *sid && *kind == w.edge && *to == *oid)
        };
        for r in ctx.kg.retracted.iter().filter(hidden) {
            let by = &r.by;
            let mut detail = format!(
                "{sn} {} {on} ({}), hidden by {} {} at {}",
                w.edge,
                r.prov.origin(),
                by.author,
                if by.action == Action::Reject {
                    "rejecting it"
                } else {
                    "retracting it"
                },
                by.at
            );
            if !by.reason.is_empty() {
                detail.push_str(&format!(": {}", by.reason));
            }
            a.push(
                vec![text("retracted"), Cell::Text(detail)],
                vec![ctx.source(&r.prov, true)],
            );
        }
        if a.rows.is_empty() {
            a.push(
                vec![
                    text("no such fact"),
                    Cell::Text(format!(
                        "the graph has no {} edge from {sn} to {on}",
                        w.edge
                    )),
                ],
                vec![],
            );
        }
        return Ok(a);
    }
    let awaited: Vec<&Request> = ctx
        .kg
        .graph
        .edges_connecting(s, o)
        .filter(|e| e.weight().kind == EdgeKind::Awaits)
        .filter_map(|e| ctx.request_of(&Val::Edge(e.id())))
        .collect();
    // In the order the report makes the requests (petgraph lists parallel
    // edges newest first).
    let mut awaited = awaited;
    awaited.sort_by_key(|r| ctx.kg.requests.iter().position(|x| x.id == r.id));
    let sid = ctx.kg.data(s).id.clone();
    let oid = ctx.kg.data(o).id.clone();
    if awaited.is_empty() {
        let requests: Vec<&Request> = ctx
            .kg
            .requests
            .iter()
            .filter(|r| r.agreement == sid)
            .collect();
        let reason = if requests.is_empty() {
            format!("no request for responses is recorded for {sn}")
        } else {
            requests
                .iter()
                .map(|r| {
                    let why = if r.status == Status::Done {
                        "the request is done"
                    } else if r.responded_named.contains(&oid) {
                        "named as having responded"
                    } else {
                        "not among those asked"
                    };
                    format!("{}: {on} {why}", r.subject)
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let sources = requests.iter().map(|r| ctx.source(&r.prov, true)).collect();
        a.push(
            vec![
                text("no"),
                Cell::Text(format!("{sn} does not await {on}: {reason}")),
            ],
            sources,
        );
        return Ok(a);
    }
    for r in awaited {
        // The asking and its answers are usually different sentences.
        let ask = vec![ctx.source(&ctx.kg.asked_in(r), true)];
        let src = vec![ctx.source(&r.prov, true)];
        let mut row = |step: &str, detail: String, sources: Vec<Source>| {
            a.push(vec![text(step), Cell::Text(detail)], sources);
        };
        row(
            "fact",
            format!("{sn} awaits {on}: derived by acta from request {}", r.id),
            vec![],
        );
        let adopted: Vec<(String, Source)> = ctx
            .kg
            .neighbours(s, None, Direction::Outgoing)
            .filter(|(_, _, e)| {
                matches!(
                    e.kind,
                    EdgeKind::AdoptedAt | EdgeKind::ReaffirmedAt | EdgeKind::RecommendedAt
                )
            })
            .map(|(m, _, e)| {
                (
                    format!("{} {}", e.kind, ctx.kg.data(m).name),
                    ctx.source(&e.prov, true),
                )
            })
            .collect();
        let detail = if adopted.is_empty() {
            format!("{sn} ({sid})")
        } else {
            format!(
                "{sn} ({sid}), {}",
                adopted
                    .iter()
                    .map(|(t, _)| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        row(
            "agreement",
            detail,
            adopted.into_iter().map(|(_, s)| s).collect(),
        );
        row("request", r.subject.clone(), ask.clone());
        if !r.addressed_to.is_empty() {
            row("addressed to", r.addressed_to.clone(), ask.clone());
        }
        row(
            "requested on",
            r.requested_on
                .map_or("not stated".into(), |d| d.to_string()),
            ask.clone(),
        );
        if let Some(d) = r.deadline {
            row("deadline", d.to_string(), ask.clone());
        }
        row(
            "asked",
            format!(
                "{} countries: {}",
                r.requested_from.len(),
                names(ctx, &r.requested_from)
            ),
            ask.clone(),
        );
        row(
            "responded (named)",
            names(ctx, &r.responded_named),
            src.clone(),
        );
        let u = r.responded_unnamed;
        let unnamed = match (u.min, u.max.max(u.min)) {
            (0, 0) => "none".to_string(),
            (m, x) if m == x => format!("{m}, not named in the sources"),
            (0, x) => format!("up to {x}, not named in the sources"),
            (m, x) => format!("{m} to {x}, not named in the sources"),
        };
        row("responded (unnamed)", unnamed, src.clone());
        row("status", r.status.as_str().to_string(), src.clone());
        row("awaiting", r.awaiting(), src.clone());
        let asked_not_named = format!("{on} was asked and is not named among the respondents");
        let so = match (u.min, u.max.max(u.min)) {
            (0, 0) => format!("{on} was asked and has not responded"),
            (1, 1) => format!(
                "{asked_not_named}; one responded without being named, so it may have been {on}"
            ),
            (m, x) if m == x => format!(
                "{asked_not_named}; {m} responded without being named, so {on} may be one of them"
            ),
            (0, x) => format!(
                "{asked_not_named}; up to {x} may have responded without being named, so {on} may be one of them"
            ),
            (m, x) => format!(
                "{asked_not_named}; {m} to {x} responded without being named, so {on} may be one of them"
            ),
        };
        row("so", so, vec![]);
        if let Some(note) = r.awaiting_note() {
            a.caveat(format!("{sn} ({}): {note}", r.subject));
        }
    }
    Ok(a)
}
