//! Where everything of an agreement's timeline picture goes: the time
//! axis, one lane per actor, a mark per dated step and its label, placed so
//! that no two labels overlap. `timeline.rs` only draws what this decides.

use super::text_width;
use crate::model::{DateValue, Provenance, Ymd};
use crate::trace::{lane, Step, Trace};

/// Width of the whole picture, in user units (pixels at 100%).
pub(crate) const WIDTH: f64 = 760.0;
/// Where the plot starts: lane names live to the left.
pub(crate) const PLOT_LEFT: f64 = 178.0;
/// Right margin.
pub(crate) const PLOT_RIGHT: f64 = WIDTH - 16.0;
/// Height of a two-line label, with its gap.
const ROW_H: f64 = 28.0;
/// Top of the first lane (title and axis above).
const LANES_TOP: f64 = 78.0;
/// The longest label line, in characters.
const LINE_MAX: usize = 64;

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) w: f64,
    pub h: f64,
}

impl Rect {
    /// True when the two rectangles share any area.
    #[cfg(test)]
    pub(crate) fn intersects(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// One lane: an actor and the vertical band it occupies.
#[derive(Debug, Clone)]
pub(crate) struct Lane {
    pub name: String,
    pub top: f64,
    pub height: f64,
}

/// A dated step drawn in its lane.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub what: String,
    /// Centre of the mark (the first day the date may cover).
    pub x: f64,
    /// Last day the date may cover, when it is a range.
    pub x_end: f64,
    pub y: f64,
    /// A still-open request: a bar from the mark to the end of the axis.
    pub open: bool,
    /// The label's two lines and where they go.
    pub lines: [String; 2],
    pub label: Rect,
}

/// A tick of the time axis.
#[derive(Debug, Clone)]
pub(crate) struct Tick {
    pub x: f64,
    pub text: String,
}

/// The whole picture, decided.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub title: String,
    pub subtitle: String,
    pub lanes: Vec<Lane>,
    pub marks: Vec<Mark>,
    pub ticks: Vec<Tick>,
    /// Last day on the axis: "now" for open requests, the latest source.
    pub until: Ymd,
    /// Where that day is on the axis.
    pub until_x: f64,
    pub undated: usize,
    pub height: f64,
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub(crate) fn days(d: Ymd) -> i64 {
    let (y, m) = if d.month <= 2 {
        (i64::from(d.year) - 1, i64::from(d.month) + 9)
    } else {
        (i64::from(d.year), i64::from(d.month) - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Cut a line to `LINE_MAX` characters, with an ellipsis when cut.
fn fit(text: &str) -> String {
    super::fit(text, LINE_MAX)
}

/// A citation short enough for a label: document and section.
pub(crate) fn short_source(p: &Provenance) -> String {
    match p {
        Provenance::Extracted { doc, section, .. } => format!("{doc} §{section}"),
        Provenance::Reference { source } => format!("reference: {source}"),
        Provenance::Annotated { author, .. } => format!("annotation by {author}"),
    }
}

/// The label of a step: what and where, then when and the citation.
fn label_lines(s: &Step, date: &DateValue) -> [String; 2] {
    let first = match (&s.open, &s.at) {
        (Some(_), _) => {
            let subject = s.detail.split_once(": ").map_or(s.detail.as_str(), |x| x.1);
            format!("{}, still pending: {subject}", s.what)
        }
        (None, Some((at, _))) if s.what == "adopted" || s.what == "reaffirmed" => {
            format!("{} at {at}", s.what)
        }
        (None, Some((at, _))) => format!("{}: {at}", s.what),
        (None, None) if s.what == "responses" || s.what == "done" => {
            let awaiting = s
                .detail
                .rsplit_once(": ")
                .map_or(s.detail.as_str(), |x| x.1);
            format!("{}: {awaiting}", s.what)
        }
        (None, None) if s.what == "status" => s.detail.clone(),
        (None, None) => s.what.clone(),
    };
    [
        fit(&first),
        fit(&format!("{date} · {}", short_source(&s.source))),
    ]
}

/// The lanes in the order a reader expects: the bodies that met, the
/// senders of letters, the addressees of requests, other events, the
/// reported status, annotations; within each, as they first appear.
fn lane_order(steps: &[&Step]) -> Vec<String> {
    let rank = |s: &Step| match (s.lane.as_str(), s.what.as_str()) {
        (lane::ANNOTATIONS, _) => 5,
        (lane::STATUS, _) => 4,
        (lane::EVENTS, _) => 3,
        (_, "adopted" | "reaffirmed" | "recommended" | "replaced") => 0,
        (_, "request" | "responses" | "done" | "deadline") => 2,
        _ => 1,
    };
    let mut names: Vec<(usize, String)> = Vec::new();
    for s in steps {
        match names.iter_mut().find(|(_, n)| *n == s.lane) {
            Some(known) => known.0 = known.0.min(rank(s)),
            None => names.push((rank(s), s.lane.clone())),
        }
    }
    names.sort_by_key(|(r, _)| *r);
    names.into_iter().map(|(_, n)| n).collect()
}

/// Ticks for the span: quarters for short spans, years, or every five years.
fn ticks(from: i64, to: i64, x: &dyn Fn(i64) -> f64, first: Ymd, last: Ymd) -> Vec<Tick> {
    let span_months =
        (last.year - first.year) * 12 + i32::from(last.month) - i32::from(first.month);
    let (step, with_month) = match span_months {
        ..=18 => (3, true),
        19..=84 => (12, false),
        _ => (60, false),
    };
    let mut out = Vec::new();
    let (mut y, mut m) = (first.year, 1i32);
    while y <= last.year + 1 {
        let d = days(Ymd::new(y, m as u8, 1));
        if d >= from && d <= to && (step != 60 || y % 5 == 0) {
            let text = if with_month {
                format!("{y}-{m:02}")
            } else {
                y.to_string()
            };
            out.push(Tick { x: x(d), text });
        }
        m += step.min(12);
        if m > 12 {
            y += (m - 1) / 12;
            m = (m - 1) % 12 + 1;
        }
    }
    out
}

/// Put `want` in the first row where it overlaps no label already there.
fn place(rows: &mut Vec<Vec<Rect>>, want: Rect) -> usize {
    let gap = Rect {
        x: want.x - 6.0,
        w: want.w + 12.0,
        ..want
    };
    let free = |row: &Vec<Rect>| {
        row.iter()
            .all(|r| !(gap.x < r.x + r.w && r.x < gap.x + gap.w))
    };
    match rows.iter().position(free) {
        Some(i) => {
            rows[i].push(want);
            i
        }
        None => {
            rows.push(vec![want]);
            rows.len() - 1
        }
    }
}

/// Decide the whole picture of a trace.
pub(crate) fn layout(t: &Trace) -> Layout {
    let dated: Vec<(&Step, DateValue)> = t
        .steps
        .iter()
        .filter_map(|s| s.date.map(|d| (s, d)))
        .collect();
    let undated = t.steps.len() - dated.len();
    let first = dated.iter().map(|(_, d)| d.start).min();
    let last = dated.iter().map(|(_, d)| d.end).max();
    let (first, last) = match (first, last) {
        (Some(f), Some(l)) => (f, l),
        _ => (Ymd::new(2000, 1, 1), Ymd::new(2000, 12, 31)),
    };
    let span = (days(last) - days(first)).max(30);
    let pad = span / 20 + 10;
    let (from, to) = (days(first) - pad, days(last) + pad);
    let scale = (PLOT_RIGHT - PLOT_LEFT) / (to - from) as f64;
    let x = move |d: i64| PLOT_LEFT + (d - from) as f64 * scale;
    let steps: Vec<&Step> = dated.iter().map(|(s, _)| *s).collect();
    let mut lanes = Vec::new();
    let mut marks = Vec::new();
    let mut top = LANES_TOP;
    for name in lane_order(&steps) {
        let in_lane = dated.iter().filter(|(s, _)| s.lane == name);
        let (lane_marks, rows) = lane(in_lane, top + 14.0, &x);
        marks.extend(lane_marks);
        let height = 12.0 + 14.0 + rows as f64 * ROW_H;
        lanes.push(Lane { name, top, height });
        top += height;
    }
    let status = if t.open.is_empty() {
        format!("status: {}", t.status)
    } else {
        format!(
            "status: {}; {} request(s) still open",
            t.status,
            t.open.len()
        )
    };
    Layout {
        title: fit_title(&t.name),
        subtitle: format!(
            "{} · {status} · as of the last source ({last})",
            t.agreement
        ),
        lanes,
        marks,
        ticks: ticks(from, to, &x, first, last),
        until: last,
        until_x: x(days(last)),
        undated,
        height: top + 56.0,
    }
}

/// The marks of one lane, their line at `mark_y`, each label on the
/// first row below where it does not overlap another; and how many rows
/// the labels took.
fn lane<'a>(
    steps: impl Iterator<Item = &'a (&'a Step, DateValue)>,
    mark_y: f64,
    x: &impl Fn(i64) -> f64,
) -> (Vec<Mark>, usize) {
    let mut rows: Vec<Vec<Rect>> = Vec::new();
    let mut marks = Vec::new();
    for (s, d) in steps {
        let lines = label_lines(s, d);
        let w = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 4.0;
        let mx = x(days(d.start));
        let lx = (mx - 4.0).min(PLOT_RIGHT - w).max(PLOT_LEFT - 40.0);
        let mut label = Rect {
            x: lx,
            y: 0.0,
            w,
            h: ROW_H - 4.0,
        };
        let row = place(&mut rows, label);
        label.y = mark_y + 12.0 + row as f64 * ROW_H;
        marks.push(Mark {
            what: s.what.clone(),
            x: mx,
            x_end: x(days(d.end)),
            y: mark_y,
            open: s.open.is_some(),
            lines,
            label,
        });
    }
    (marks, rows.len())
}

/// The title, cut to what fits the width.
fn fit_title(name: &str) -> String {
    super::fit(name, ((WIDTH - 32.0) / (13.0 * 0.6)) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days(Ymd::new(1970, 1, 1)), 0);
        assert_eq!(days(Ymd::new(2000, 3, 1)) - days(Ymd::new(2000, 2, 28)), 2);
        assert_eq!(days(Ymd::new(2003, 1, 1)) - days(Ymd::new(2002, 1, 1)), 365);
    }

    #[test]
    fn rectangles_touching_at_an_edge_do_not_intersect() {
        let a = Rect {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
        };
        let b = Rect { x: 10.0, ..a };
        let c = Rect {
            x: 9.0,
            y: 9.0,
            ..a
        };
        assert!(!a.intersects(&b));
        assert!(a.intersects(&c));
    }

    #[test]
    fn long_lines_are_cut_with_an_ellipsis() {
        let long = "x".repeat(100);
        assert_eq!(fit(&long).chars().count(), LINE_MAX);
        assert!(fit(&long).ends_with('…'));
        assert_eq!(fit("short"), "short");
    }
}
