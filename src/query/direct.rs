//! Answers that are not pattern queries: `show` (the entity card of
//! `crate::card`), `path` (the graph's shortest path, edge by edge) and
//! `trace` (an agreement's chronology, `crate::trace`); `why` is in
//! [`super::why`].

use super::answer::{Answer, Cell};
use super::eval::expr::Val;
use super::eval::Ctx;
use crate::model::{EdgeKind, Kind};
use crate::trace::Trace;
use petgraph::graph::NodeIndex;
use petgraph::Direction;

/// `show <entity>`: the card as text, and one row for JSON and CSV.
/// `trace <agreement>`: the chronology as text, and one row per step.
pub(crate) fn trace(ctx: &Ctx<'_>, i: NodeIndex) -> Answer {
    let t = Trace::of(ctx.kg, i);
    let mut a = Answer::new(&["date", "step", "what", "countries"]).of_entities(&["countries"]);
    for s in &t.steps {
        a.push(
            vec![
                s.date.map_or(Cell::Null, Cell::Date),
                Cell::Text(s.what.clone()),
                Cell::Text(s.detail.clone()),
                Cell::List(
                    s.country_ids
                        .iter()
                        .map(|id| match ctx.kg.node(id) {
                            Some(n) => ctx.cell(&Val::Node(n)),
                            None => Cell::Text(id.clone()),
                        })
                        .collect(),
                ),
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
    let mut a = Answer::new(&["entity", "kind", "card"]).of_entities(&["entity"]);
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
    let mut a = Answer::new(&["step", "node", "via"]).of_entities(&["node"]);
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
