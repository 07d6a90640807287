//! `why <subject> <edge> <object>`: how a fact was reached. A stored edge
//! shows its sources and attributes, and any retraction that hid it; a
//! derived `awaits` fact shows the request behind it step by step (the
//! agreement, what was asked of whom and when, who answered, named or
//! not) and what follows for the country asked about.

use super::answer::{Answer, Cell, Source};
use super::ast::Why;
use super::error::QueryError;
use super::eval::expr::Val;
use super::eval::Ctx;
use super::questions::resolve;
use crate::model::{Action, EdgeKind, Fact, Kind, Request, Retracted, Status, UnnamedCount};
use petgraph::graph::NodeIndex;
use petgraph::Direction;

/// `why <subject> <edge> <object>`.
pub(crate) fn why(ctx: &Ctx<'_>, w: &Why) -> Result<Answer, QueryError> {
    let (want_s, want_o): (&[Kind], &[Kind]) = match w.edge {
        EdgeKind::Awaits | EdgeKind::RequestsResponseFrom => (&[Kind::Agreement], &[Kind::Country]),
        EdgeKind::AdoptedAt | EdgeKind::ReaffirmedAt | EdgeKind::RecommendedAt => {
            (&[Kind::Agreement], &[Kind::Meeting])
        }
        _ => (&[], &[]),
    };
    let fact = Asked {
        ctx,
        s: resolve(ctx, &w.subject, want_s)?,
        o: resolve(ctx, &w.object, want_o)?,
        edge: w.edge,
    };
    let mut a = Answer::new(&["step", "detail"]);
    if w.edge != EdgeKind::Awaits {
        fact.stored(&mut a);
        return Ok(a);
    }
    let mut awaited: Vec<&Request> = ctx
        .kg
        .graph
        .edges_connecting(fact.s, fact.o)
        .filter(|e| e.weight().kind == EdgeKind::Awaits)
        .filter_map(|e| ctx.request_of(&Val::Edge(e.id())))
        .collect();
    // In the order the report makes the requests (petgraph lists parallel
    // edges newest first).
    awaited.sort_by_key(|r| ctx.kg.requests.iter().position(|x| x.id == r.id));
    if awaited.is_empty() {
        fact.not_awaited(&mut a);
    }
    for r in awaited {
        fact.awaited(&mut a, r);
    }
    Ok(a)
}

/// The fact asked about: subject, edge, object.
struct Asked<'a, 'g> {
    ctx: &'a Ctx<'g>,
    s: NodeIndex,
    o: NodeIndex,
    edge: EdgeKind,
}

fn text(t: &str) -> Cell {
    Cell::Text(t.to_string())
}

impl Asked<'_, '_> {
    fn name(&self, i: NodeIndex) -> &str {
        &self.ctx.kg.data(i).name
    }

    fn id(&self, i: NodeIndex) -> &str {
        &self.ctx.kg.data(i).id
    }

    /// A stored edge: each one found with its attributes, each retraction
    /// that hid one, or that there is none.
    fn stored(&self, a: &mut Answer) {
        let (ctx, sn, on, edge) = (self.ctx, self.name(self.s), self.name(self.o), self.edge);
        for e in ctx
            .kg
            .graph
            .edges_connecting(self.s, self.o)
            .filter(|e| e.weight().kind == edge)
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
                    Cell::Text(format!("{sn} {edge} {on} ({origin})")),
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
        let hidden = |r: &&Retracted| {
            matches!(&r.fact, Fact::Edge { from, kind, to, .. }
                if from == self.id(self.s) && *kind == edge && to == self.id(self.o))
        };
        for r in ctx.kg.retracted.iter().filter(hidden) {
            let by = &r.by;
            let doing = if by.action == Action::Reject {
                "rejecting it"
            } else {
                "retracting it"
            };
            let mut detail = format!(
                "{sn} {edge} {on} ({}), hidden by {} {doing} at {}",
                r.prov.origin(),
                by.author,
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
            let detail = format!("the graph has no {edge} edge from {sn} to {on}");
            a.push(vec![text("no such fact"), Cell::Text(detail)], vec![]);
        }
    }

    /// No `awaits` edge: why, request by request.
    fn not_awaited(&self, a: &mut Answer) {
        let (sn, on, oid) = (self.name(self.s), self.name(self.o), self.id(self.o));
        let requests: Vec<&Request> = self
            .ctx
            .kg
            .requests
            .iter()
            .filter(|r| *r.agreement == *self.id(self.s))
            .collect();
        let reason = if requests.is_empty() {
            format!("no request for responses is recorded for {sn}")
        } else {
            requests
                .iter()
                .map(|r| {
                    let why = if r.status == Status::Done {
                        "the request is done"
                    } else if r.responded_named.iter().any(|c| **c == *oid) {
                        "named as having responded"
                    } else {
                        "not among those asked"
                    };
                    format!("{}: {on} {why}", r.subject)
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let sources = requests
            .iter()
            .map(|r| self.ctx.source(&r.prov, true))
            .collect();
        let detail = format!("{sn} does not await {on}: {reason}");
        a.push(vec![text("no"), Cell::Text(detail)], sources);
    }

    /// An `awaits` edge derived from request `r`, step by step.
    fn awaited(&self, a: &mut Answer, r: &Request) {
        let ctx = self.ctx;
        let (sn, on) = (self.name(self.s), self.name(self.o));
        // The asking and its answers are usually different sentences.
        let ask = vec![ctx.source(&ctx.kg.asked_in(r), true)];
        let src = vec![ctx.source(&r.prov, true)];
        let mut row = |step: &str, detail: String, sources: Vec<Source>| {
            a.push(vec![text(step), Cell::Text(detail)], sources);
        };
        let derived = format!("{sn} awaits {on}: derived by acta from request {}", r.id);
        row("fact", derived, vec![]);
        let (agreement, adopted) = self.agreement();
        row("agreement", agreement, adopted);
        row("request", r.subject.clone(), ask.clone());
        if !r.addressed_to.is_empty() {
            row("addressed to", r.addressed_to.clone(), ask.clone());
        }
        let on_date = r
            .requested_on
            .map_or("not stated".into(), |d| d.to_string());
        row("requested on", on_date, ask.clone());
        if let Some(d) = r.deadline {
            row("deadline", d.to_string(), ask.clone());
        }
        let asked = format!(
            "{} countries: {}",
            r.requested_from.len(),
            names(ctx, &r.requested_from)
        );
        row("asked", asked, ask);
        row(
            "responded (named)",
            names(ctx, &r.responded_named),
            src.clone(),
        );
        row(
            "responded (unnamed)",
            unnamed(r.responded_unnamed),
            src.clone(),
        );
        row("status", r.status.as_str().to_string(), src.clone());
        row("awaiting", r.awaiting(), src);
        row("so", so(on, r.responded_unnamed), vec![]);
        if let Some(note) = r.awaiting_note() {
            a.caveat(format!("{sn} ({}): {note}", r.subject));
        }
    }

    /// The agreement in words, with where it was adopted, reaffirmed or
    /// recommended, and the sources of those.
    fn agreement(&self) -> (String, Vec<Source>) {
        let ctx = self.ctx;
        let (sn, sid) = (self.name(self.s), self.id(self.s));
        let adopted: Vec<(String, Source)> = ctx
            .kg
            .neighbours(self.s, None, Direction::Outgoing)
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
            let at: Vec<&str> = adopted.iter().map(|(t, _)| t.as_str()).collect();
            format!("{sn} ({sid}), {}", at.join(", "))
        };
        (detail, adopted.into_iter().map(|(_, s)| s).collect())
    }
}

/// Display names of ids, or "none named".
fn names<S: AsRef<str>>(ctx: &Ctx<'_>, ids: &[S]) -> String {
    if ids.is_empty() {
        return "none named".into();
    }
    ids.iter()
        .map(|id| ctx.kg.name_of(id.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many responded without being named, in words.
fn unnamed(u: UnnamedCount) -> String {
    match (u.min, u.max.max(u.min)) {
        (0, 0) => "none".to_string(),
        (m, x) if m == x => format!("{m}, not named in the sources"),
        (0, x) => format!("up to {x}, not named in the sources"),
        (m, x) => format!("{m} to {x}, not named in the sources"),
    }
}

/// What follows for country `on`, asked and not named among respondents.
fn so(on: &str, u: UnnamedCount) -> String {
    let asked_not_named = format!("{on} was asked and is not named among the respondents");
    match (u.min, u.max.max(u.min)) {
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
    }
}
