//! `trace --format svg`: an agreement's history as a timeline for papers.
//! A dated axis, one lane per actor, a black-and-white mark per kind of
//! step (legible printed in grey scale), a label with date and citation per
//! step, open requests as dashed bars to the last source. No external
//! program: the layout (`layout.rs`) decides, this file writes SVG text.

use super::layout::{self, Layout, Mark, PLOT_LEFT, PLOT_RIGHT, WIDTH};
use super::{esc, text_width, FONT};
use crate::trace::Trace;
use std::fmt::Write;

/// Kinds of step with their own mark, in the legend's order.
const LEGEND: [(&str, &str); 9] = [
    ("adopted", "adopted"),
    ("reaffirmed", "reaffirmed / recommended"),
    ("letter", "letter / bulletin"),
    ("workshop", "workshop / other event"),
    ("request", "request"),
    ("responses", "responses counted"),
    ("deadline", "deadline"),
    ("status", "status reported"),
    ("retracted", "retracted"),
];

/// The shape a step's kind is drawn with, centred on (x, y).
fn shape(what: &str, x: f64, y: f64) -> String {
    let black = "fill=\"#000\" stroke=\"#000\"";
    let open = "fill=\"#fff\" stroke=\"#000\" stroke-width=\"1.5\"";
    match what {
        "adopted" => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" {black}/>"),
        "reaffirmed" | "recommended" => {
            format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" {open}/>")
        }
        "letter" | "bulletin" => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" {black}/>",
            x - 4.5,
            y - 4.5
        ),
        "request" | "responses" | "done" => {
            let style = if what == "request" { open } else { black };
            format!(
                "<path d=\"M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z\" {style}/>",
                y - 6.0,
                x + 6.0,
                y + 6.0,
                x - 6.0
            )
        }
        "deadline" => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"2.5\" height=\"14\" {black}/>",
            x - 1.25,
            y - 7.0
        ),
        "status" => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" {open}/>",
            x - 4.5,
            y - 4.5
        ),
        "retracted" => format!(
            "<path d=\"M{:.1} {:.1} L{:.1} {:.1} M{:.1} {:.1} L{:.1} {:.1}\" stroke=\"#000\" stroke-width=\"2\"/>",
            x - 5.0, y - 5.0, x + 5.0, y + 5.0, x - 5.0, y + 5.0, x + 5.0, y - 5.0
        ),
        _ => format!(
            "<path d=\"M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z\" {black}/>",
            y - 6.0,
            x + 6.0,
            y + 5.0,
            x - 6.0,
            y + 5.0
        ),
    }
}

/// A step: its date range, the open bar to `until_x`, the mark and the
/// leader to its label.
fn mark(out: &mut String, m: &Mark, until_x: f64) {
    if m.open {
        let _ = writeln!(
            out,
            "<rect class=\"open\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"5\" fill=\"#fff\" stroke=\"#000\" stroke-dasharray=\"4 2\"/>",
            m.x,
            m.y - 2.5,
            (until_x - m.x).max(0.0)
        );
    }
    if m.x_end - m.x > 2.0 {
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"3\" fill=\"#777\"/>",
            m.x,
            m.y - 1.5,
            m.x_end - m.x
        );
    }
    let l = &m.label;
    let _ = writeln!(
        out,
        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#999\" stroke-width=\"0.6\"/>",
        m.x,
        m.y + 6.0,
        l.x + 2.0,
        l.y
    );
    let _ = writeln!(out, "{}", shape(&m.what, m.x, m.y));
}

/// A step's label on a white ground, so leaders pass under it; its box is
/// kept in `data-` attributes for tests that check nothing overlaps.
fn label(out: &mut String, m: &Mark) {
    let l = &m.label;
    let _ = writeln!(
        out,
        "<g class=\"label\" data-x=\"{:.1}\" data-y=\"{:.1}\" data-w=\"{:.1}\" data-h=\"{:.1}\">\
         <rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#fff\" fill-opacity=\"0.9\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"bold\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#333\">{}</text></g>",
        l.x,
        l.y,
        l.w,
        l.h,
        l.x,
        l.y,
        l.w,
        l.h,
        l.x + 2.0,
        l.y + FONT,
        esc(&m.lines[0]),
        l.x + 2.0,
        l.y + 2.0 * FONT + 2.0,
        esc(&m.lines[1])
    );
}

/// The axis: a line, ticks with their labels, and "last source" at the end.
fn axis(out: &mut String, l: &Layout) {
    let y = 62.0;
    let _ = writeln!(
        out,
        "<line x1=\"{PLOT_LEFT}\" y1=\"{y}\" x2=\"{PLOT_RIGHT}\" y2=\"{y}\" stroke=\"#000\"/>"
    );
    for t in &l.ticks {
        let _ = writeln!(
            out,
            "<line x1=\"{:.1}\" y1=\"{y}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ccc\" stroke-width=\"0.5\"/>\
             <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{y}\" stroke=\"#000\"/>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            t.x,
            t.x,
            l.height - 48.0,
            t.x,
            y - 4.0,
            t.x,
            t.x,
            y - 7.0,
            esc(&t.text)
        );
    }
}

/// Lane names at the left, separated by thin rules.
fn lanes(out: &mut String, l: &Layout) {
    if let Some(last) = l.lanes.last() {
        let bottom = last.top + last.height;
        let _ = writeln!(
            out,
            "<line x1=\"8\" y1=\"{bottom:.1}\" x2=\"{PLOT_RIGHT}\" y2=\"{bottom:.1}\" stroke=\"#bbb\" stroke-width=\"0.5\"/>"
        );
    }
    for lane in &l.lanes {
        let _ = writeln!(
            out,
            "<line x1=\"8\" y1=\"{:.1}\" x2=\"{PLOT_RIGHT}\" y2=\"{:.1}\" stroke=\"#bbb\" stroke-width=\"0.5\"/>",
            lane.top,
            lane.top
        );
        let _ = write!(out, "<g class=\"lane\" data-name=\"{}\">", esc(&lane.name));
        let words = wrap(&lane.name, 28);
        for (i, line) in words.iter().take(3).enumerate() {
            let _ = write!(
                out,
                "<text x=\"8\" y=\"{:.1}\" font-weight=\"bold\">{}</text>",
                lane.top + 18.0 + i as f64 * (FONT + 2.0),
                esc(line)
            );
        }
        out.push_str("</g>\n");
    }
}

/// Words of `text` in lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + w.chars().count() <= width => {
                l.push(' ');
                l.push_str(w);
            }
            _ => lines.push(w.to_string()),
        }
    }
    lines
}

/// The kind of legend entry a step's kind is drawn as.
fn legend_kind(what: &str) -> &str {
    match what {
        "recommended" => "reaffirmed",
        "bulletin" => "letter",
        "done" => "responses",
        "adopted" | "reaffirmed" | "letter" | "request" | "responses" | "deadline" | "status"
        | "retracted" => what,
        _ => "workshop",
    }
}

/// The legend under the lanes (the kinds drawn), and a note on undated steps.
fn legend(out: &mut String, l: &Layout) {
    let y = l.height - 30.0;
    let mut x = 16.0;
    let drawn: Vec<&str> = l.marks.iter().map(|m| legend_kind(&m.what)).collect();
    for (what, name) in LEGEND.into_iter().filter(|(w, _)| drawn.contains(w)) {
        let _ = writeln!(
            out,
            "{}<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            shape(what, x, y),
            x + 9.0,
            y + 3.5,
            esc(name)
        );
        x += 20.0 + text_width(name);
    }
    let mut note = format!(
        "dashed bar: request still open at the last source ({})",
        l.until
    );
    if l.undated > 0 {
        let _ = write!(
            note,
            "; {} undated step(s) not drawn (see `trace`)",
            l.undated
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"16\" y=\"{:.1}\" fill=\"#333\">{}</text>",
        y + 20.0,
        esc(&note)
    );
}

/// The chronology as an SVG timeline (see the module comment).
pub fn timeline(trace: &Trace) -> String {
    let l = layout::layout(trace);
    let mut out = super::open(WIDTH, l.height, &l.title);
    let _ = writeln!(
            out,
            "<text x=\"16\" y=\"22\" font-size=\"13\" font-weight=\"bold\">{}</text>\n<text x=\"16\" y=\"38\" fill=\"#333\">{}</text>",
            esc(&l.title),
            esc(&l.subtitle)
        );
    axis(&mut out, &l);
    lanes(&mut out, &l);
    for m in &l.marks {
        mark(&mut out, m, l.until_x);
    }
    for m in &l.marks {
        label(&mut out, m);
    }
    legend(&mut out, &l);
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateValue, Prov, Provenance, Span, Ymd};
    use crate::trace::Step;
    use crate::trace::Trace;

    fn step(what: &str, lane: &str, day: u8, open: bool) -> Step {
        Step {
            date: Some(DateValue::day(Ymd::new(2002, 8, day))),
            what: what.into(),
            at: Some(("Carta de seguimiento PPT <2002>".into(), "event:x".into())),
            detail: "detail & more".into(),
            countries: Vec::new(),
            country_ids: Vec::new(),
            source: Prov::own(Provenance::Extracted {
                doc: "informe".into(),
                section: "IV.A".into(),
                span: Span { start: 0, end: 10 },
            }),
            agreement: "agreement:x".into(),
            also: Vec::new(),
            lane: lane.into(),
            open: open.then(|| "awaiting 11 of 11 members".into()),
        }
    }

    fn crowded() -> Trace {
        let mut steps = Vec::new();
        for day in 1..=20 {
            steps.push(step("letter", "PPT", day, false));
            steps.push(step("request", "member countries (11)", day, day % 2 == 0));
        }
        Trace {
            agreement: "agreement:x".into(),
            name: "Programa <de> retorno & más".into(),
            thread: vec!["agreement:x".into()],
            proposed_by: Vec::new(),
            steps,
            status: "pending".into(),
            open: vec!["awaiting".into()],
        }
    }

    #[test]
    fn labels_never_overlap_even_when_steps_crowd_one_month() {
        let l = layout::layout(&crowded());
        assert_eq!(l.marks.len(), 40);
        for (i, a) in l.marks.iter().enumerate() {
            for b in &l.marks[i + 1..] {
                assert!(!a.label.intersects(&b.label), "{a:?} overlaps {b:?}");
            }
            assert!(
                a.label.x + a.label.w <= PLOT_RIGHT + 0.01,
                "{a:?} leaves the page"
            );
        }
    }

    #[test]
    fn every_lane_is_below_the_one_before_and_marks_sit_in_their_lane() {
        let l = layout::layout(&crowded());
        assert_eq!(l.lanes.len(), 2);
        assert!(l.lanes[1].top >= l.lanes[0].top + l.lanes[0].height);
        for m in &l.marks {
            let lane = l
                .lanes
                .iter()
                .find(|x| m.y >= x.top && m.y < x.top + x.height)
                .expect("a mark in no lane");
            assert!(m.label.y + m.label.h <= lane.top + lane.height);
        }
    }

    #[test]
    fn text_is_escaped_and_open_requests_are_bars() {
        let svg = timeline(&crowded());
        assert!(svg.contains("Programa &lt;de&gt; retorno &amp; más"));
        assert!(!svg.contains("<de>"));
        assert_eq!(svg.matches("class=\"open\"").count(), 10);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
