//! `show <meeting> --format svg`: a meeting's agreements and their status
//! as a small picture. One row per agreement the meeting adopted,
//! reaffirmed or recommended: a mark for its status as the latest source
//! words it (black and white: filled done, half in progress, open pending,
//! dashed unknown), its number and name, and what is still awaited.

use super::{esc, fit, text_width, FONT};
use crate::graph::KnowledgeGraph;
use crate::model::{EdgeKind, Kind};
use crate::trace::Trace;
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const ROW: f64 = 30.0;
const TOP: f64 = 56.0;

/// One agreement of the meeting, as drawn.
struct Row {
    how: &'static str,
    title: String,
    status: String,
    open: Vec<String>,
}

/// The agreements of meeting `m`, in the order of their ids.
fn rows(kg: &KnowledgeGraph, m: NodeIndex) -> Vec<Row> {
    let mut found: Vec<(String, &'static str, NodeIndex)> = Vec::new();
    for (a, _, e) in kg.neighbours(m, None, Direction::Incoming) {
        let how = match e.kind {
            EdgeKind::AdoptedAt => "adopted",
            EdgeKind::ReaffirmedAt => "reaffirmed",
            EdgeKind::RecommendedAt => "recommended",
            _ => continue,
        };
        if kg.data(a).kind == Kind::Agreement && !found.iter().any(|(_, _, x)| *x == a) {
            found.push((kg.data(a).id.to_string(), how, a));
        }
    }
    found.sort_by(|x, y| x.0.cmp(&y.0));
    found
        .into_iter()
        .map(|(id, how, a)| {
            let t = Trace::of(kg, a);
            let number = id.rsplit_once('/').map_or("", |x| x.1);
            Row {
                how,
                title: format!("{number} {}", kg.data(a).name),
                status: t.status,
                open: t
                    .open
                    .iter()
                    .map(|o| {
                        let o = o.split(" — ").next().unwrap_or(o);
                        o.rsplit_once(": awaiting ")
                            .map_or(o.to_string(), |(_, who)| format!("awaiting {who}"))
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The status mark at (x, y).
fn mark(status: &str, x: f64, y: f64) -> String {
    let circle = |fill: &str, dash: &str| {
        format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"1.5\"{dash}/>")
    };
    match status {
        "done" => circle("#000", ""),
        "in progress" => format!(
            "{}<path d=\"M{x:.1} {:.1} A6 6 0 0 1 {x:.1} {:.1} Z\" fill=\"#000\"/>",
            circle("#fff", ""),
            y - 6.0,
            y + 6.0
        ),
        "pending" => circle("#fff", ""),
        _ => circle("#fff", " stroke-dasharray=\"2 2\""),
    }
}

/// The picture of meeting `m`'s agreements, or `None` when `m` is not a meeting.
pub fn meeting(kg: &KnowledgeGraph, m: NodeIndex) -> Option<String> {
    let node = kg.data(m);
    if node.kind != Kind::Meeting {
        return None;
    }
    let rows = rows(kg, m);
    let height = TOP + ROW * rows.len().max(1) as f64 + 44.0;
    let mut out = super::open(WIDTH, height, &node.name);
    let first = |key: &str| {
        node.attrs
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.value.to_string())
    };
    let when = [first("date"), first("city")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        out,
        "<text x=\"16\" y=\"22\" font-size=\"13\" font-weight=\"bold\">{}</text>\
         <text x=\"16\" y=\"38\" fill=\"#333\">{} · {} agreement(s) adopted, reaffirmed or recommended</text>",
        esc(&fit(&node.name, 80)),
        esc(&when),
        rows.len()
    );
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"16\" y=\"{:.1}\">No document here records an agreement of this meeting.</text>",
            TOP + 16.0
        );
    }
    let titles = rows.iter().map(|r| text_width(&fit(&r.title, 64)));
    let status_x = 40.0 + titles.fold(200.0, f64::max).min(400.0) + 16.0;
    for (i, r) in rows.iter().enumerate() {
        let y = TOP + ROW * i as f64 + 12.0;
        let title = fit(&r.title, 64);
        let right = if r.open.is_empty() {
            r.status.clone()
        } else {
            format!("{}; {}", r.status, r.open.join("; "))
        };
        let _ = writeln!(
            out,
            "<g class=\"agreement\" data-status=\"{}\">{}\
             <text x=\"40\" y=\"{:.1}\" font-weight=\"bold\">{}</text>\
             <text x=\"40\" y=\"{:.1}\" fill=\"#333\">{}</text>\
             <text x=\"{status_x:.1}\" y=\"{:.1}\">{}</text></g>",
            esc(&r.status),
            mark(&r.status, 24.0, y),
            y + 3.5,
            esc(&title),
            y + 3.5 + FONT + 2.0,
            esc(r.how),
            y + 3.5,
            esc(&fit(
                &right,
                ((WIDTH - status_x - 8.0) / (FONT * 0.55)) as usize
            ))
        );
    }
    let y = height - 20.0;
    let mut x = 16.0;
    for status in ["done", "in progress", "pending", "no status recorded"] {
        let _ = write!(
            out,
            "{}<text x=\"{:.1}\" y=\"{:.1}\">{status}</text>",
            mark(status, x + 6.0, y),
            x + 16.0,
            y + 3.5
        );
        x += 36.0 + text_width(status);
    }
    out.push_str("\n</svg>\n");
    Some(out)
}
