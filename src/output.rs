//! Rendering an [`Answer`] for people and programs: an aligned text table
//! fitted to the terminal, JSON, CSV or TSV. Rendering never needs the graph.
//! The columns of each question form are listed in `docs/answers.md`.
//!
//! # JSON (stable shape)
//!
//! ```text
//! {
//!   "columns": ["agreement", "request", ...],
//!   "rows":    [[<cell>, <cell>, ...], ...],
//!   "sources": [[{"origin": "extracted", "doc": "informe-ppt-mexico-2003",
//!                 "section": "IV.E(1)", "sentence": "…", "cite": "…"}, ...], ...],
//!   "caveats": ["…", ...],
//!   "records": [{"agreement_id": "agreement:…", "agreement": "…",
//!                "request": "…", ...}, ...]
//! }
//! ```
//!
//! `sources[i]` belongs to `rows[i]`. `origin` is `extracted`, `reference`
//! or `annotated`; `doc`, `section` and `sentence` are null unless the fact
//! was extracted from a report; `cite` is always a one-line citation.
//! A cell is `null`, `true`/`false`, a number, a string, a date as a
//! string (`"2002-05-30..2002-05-31"`, `"2002-10"`, with ` (inferred)`
//! when part of it was inferred: a year the report leaves out, or a day read
//! from "the day before the meeting"), a node as `{"id", "kind", "name"}`, an edge
//! as `{"kind", "from", "to"}` (node ids), or an array of cells.
//! `records` is the answer as the flat table CSV writes: one object per
//! CSV row, keyed by the CSV header, each value a scalar (`null`, a
//! boolean, a number or a string), so `pandas.DataFrame(doc["records"])`
//! or R's `jsonlite::fromJSON(file)$records` is a data frame as is.
//!
//! # CSV and TSV
//!
//! The flat table of `flat`: a header row, then one row per value. A
//! column that holds entities is two, `<column>_id` and `<column>` (the
//! name); a list is unnested, one row per value (several lists in a row
//! are stacked, never crossed; see `flat`). CSV quotes as RFC 4180, TSV
//! turns tabs and line breaks in a cell into spaces. Sources and caveats
//! are not part of CSV (a session says the caveats as notices: stderr in
//! scripts).
//!
//! # Table
//!
//! Columns aligned by display width, a row count, caveats as `note:`
//! lines, and with sources on, each row's sources below the table. An
//! answer that carries a text rendering (an entity card, an explanation)
//! prints that text instead of the table. Nodes show as `name (id)`, lists
//! joined with `, `.

mod colour;
mod flat;

pub use colour::{tint, Tint};
pub(crate) use flat::{csv, json, tsv};

use crate::graph::Stats;
use crate::query::{Answer, Cell};
use crate::text::visible;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
    Tsv,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        })
    }
}

/// An output format that does not exist.
#[derive(Debug, thiserror::Error)]
#[error("unknown format `{0}`: use table, json, csv or tsv")]
pub struct UnknownFormat(String);

impl std::str::FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "tsv" => Ok(Format::Tsv),
            other => Err(UnknownFormat(other.to_string())),
        }
    }
}

/// Node and edge counts as two aligned lists under their headings
/// (`:schema`, `acta stats`).
pub fn counts(stats: &Stats, nodes_heading: &str, edges_heading: &str) -> String {
    let mut s = format!("{nodes_heading}:\n");
    for (k, n) in &stats.nodes {
        let _ = writeln!(s, "  {:<14}{n:>7}", k.as_str());
    }
    let _ = writeln!(s, "{edges_heading}:");
    for (k, n) in &stats.edges {
        let _ = writeln!(s, "  {:<24}{n:>7}", k.as_str());
    }
    s
}

/// Options of the text table.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// List each row's sources below the table.
    pub sources: bool,
    /// Fit the table to this many columns, wrapping long cells.
    pub width: Option<usize>,
}

/// The terminal's width in columns, when stdout is a terminal.
pub fn terminal_width() -> Option<usize> {
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// The terminal's height in lines, when stdout is a terminal.
pub(crate) fn terminal_height() -> Option<usize> {
    terminal_size::terminal_size().map(|(_, h)| usize::from(h.0))
}

/// Split text into lines of at most `width` display columns, at spaces
/// where possible. Linear in the length of the text: widths are added up
/// as the line grows, never measured again (a cell can hold the names of
/// thousands of agreements).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if text.width() <= width {
        return vec![text.to_string()];
    }
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    for word in text.split(' ') {
        let mut word = word;
        let mut word_w = word.width();
        loop {
            let need = if cur.is_empty() {
                word_w
            } else {
                cur_w + 1 + word_w
            };
            if need <= width {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(word);
                cur_w = need;
                break;
            }
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0;
                continue;
            }
            // A word longer than the line: cut it by display width.
            let (head, head_w) = cut(word, width);
            lines.push(word[..head].to_string());
            word = &word[head..];
            word_w = word_w.saturating_sub(head_w);
            if word.is_empty() {
                break;
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Where to cut `word` so its head fits in `width` columns: the byte
/// length of the head (at least one character) and its width.
fn cut(word: &str, width: usize) -> (usize, usize) {
    use unicode_width::UnicodeWidthChar;
    let mut head_w = 0;
    for (i, c) in word.char_indices() {
        let w = c.width().unwrap_or(0);
        if head_w + w > width {
            if i == 0 {
                // A single character wider than the line.
                return (c.len_utf8(), w);
            }
            return (i, head_w);
        }
        head_w += w;
    }
    (word.len(), head_w)
}

/// Fit column widths into `total` columns (separators included): columns
/// narrower than a fair share keep their width, the wide ones share what is
/// left equally (water-filling); no column goes below 10.
fn fit(widths: &mut [usize], total: usize) {
    let n = widths.len();
    let sep = 3 * n.saturating_sub(1);
    if widths.iter().sum::<usize>() + sep <= total || n == 0 {
        return;
    }
    let mut avail = total.saturating_sub(sep);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| widths[i]);
    let mut left = n;
    for i in order {
        let share = (avail / left.max(1)).max(10);
        let w = widths[i].min(share);
        widths[i] = w;
        avail = avail.saturating_sub(w);
        left -= 1;
    }
}

/// Render an answer in a format.
pub fn render(answer: &Answer, format: Format, options: RenderOptions) -> String {
    match format {
        Format::Table => table(answer, options),
        Format::Json => json(answer),
        Format::Csv => csv(answer),
        Format::Tsv => tsv(answer),
    }
}

/// An aligned text table (or the answer's text), caveats, and sources.
/// Ctrl-C in the REPL (the evaluator's interruption flag) stops it after
/// the row being drawn.
pub(crate) fn table(answer: &Answer, options: RenderOptions) -> String {
    use std::sync::atomic::Ordering;
    table_until(answer, options, || {
        crate::query::eval::INTERRUPTED.swap(false, Ordering::Relaxed)
    })
}

/// [`table`], asking `stop` before each row whether to stop there.
fn table_until(answer: &Answer, options: RenderOptions, stop: impl Fn() -> bool) -> String {
    let mut out = String::new();
    if let Some(text) = &answer.text {
        out.push_str(&visible(text));
        if !text.ends_with('\n') {
            out.push('\n');
        }
    } else {
        grid(&mut out, answer, options, stop);
    }
    for c in &answer.caveats {
        let _ = writeln!(out, "note: {}", visible(c));
    }
    if options.sources {
        sources(&mut out, answer);
    }
    out
}

/// The rows as a grid under a header, with the row count (or how many
/// were drawn before `stop`) and a key to the † mark of annotated rows.
fn grid(out: &mut String, answer: &Answer, options: RenderOptions, stop: impl Fn() -> bool) {
    // † marks a row that rests on a researcher's annotation.
    let annotated = |i: usize| {
        answer
            .sources
            .get(i)
            .is_some_and(|s| s.iter().any(|s| s.origin == "annotated"))
    };
    let cells: Vec<Vec<String>> = answer
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            r.iter()
                .enumerate()
                .map(|(j, c)| {
                    let t = one_line(&table_text(c));
                    if j == 0 && annotated(i) {
                        format!("{t} †")
                    } else {
                        t
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = answer.columns.iter().map(|c| c.width()).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.width());
            }
        }
    }
    if let Some(total) = options.width {
        fit(&mut widths, total);
    }
    let _ = writeln!(out, "{}", grid_line(&widths, &answer.columns));
    let ruler: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let _ = writeln!(out, "{}", ruler.join("-+-"));
    let n = answer.rows.len();
    let mut shown = n;
    for (k, row) in cells.iter().enumerate() {
        if stop() {
            shown = k;
            break;
        }
        let _ = writeln!(out, "{}", grid_line(&widths, row));
    }
    if shown < n {
        let _ = writeln!(out, "(interrupted: {shown} of {n} rows shown)");
    } else {
        let _ = writeln!(out, "({n} row{})", if n == 1 { "" } else { "s" });
    }
    if (0..n).any(annotated) {
        let _ = writeln!(
            out,
            "† rests on a researcher's annotation (:sources on names it)"
        );
    }
}

/// One row of the grid: each cell wrapped to its column's width, the
/// columns side by side, as many lines as the tallest cell.
fn grid_line(widths: &[usize], items: &[String]) -> String {
    let wrapped: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(i, w)| wrap(items.get(i).map_or("", String::as_str), *w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let mut s = String::new();
    for l in 0..height {
        let mut row = String::new();
        for (i, w) in widths.iter().enumerate() {
            let c = wrapped[i].get(l).map_or("", String::as_str);
            if i > 0 {
                row.push_str(" | ");
            }
            row.push_str(c);
            if i + 1 < widths.len() {
                row.push_str(&" ".repeat(w.saturating_sub(c.width())));
            }
        }
        if l > 0 {
            s.push('\n');
        }
        s.push_str(row.trim_end());
    }
    s
}

/// `--sources`: each row's citations, numbered by row.
fn sources(out: &mut String, answer: &Answer) {
    let mut any = false;
    for (i, sources) in answer.sources.iter().enumerate() {
        for s in sources {
            if !any {
                out.push_str("sources:\n");
                any = true;
            }
            let _ = write!(out, "  [{}] {}", i + 1, visible(&s.cite));
            if let Some(sentence) = &s.sentence {
                let _ = write!(out, ": “{}”", visible(sentence));
            }
            out.push('\n');
        }
    }
}

/// A cell as a table shows it: lists of entities by name only (the ids are
/// in JSON and CSV), everything else as [`Cell::text`].
fn table_text(c: &Cell) -> String {
    match c {
        Cell::List(items) if items.iter().all(|i| matches!(i, Cell::Node { .. })) => items
            .iter()
            .map(|i| match i {
                Cell::Node { name, .. } => name.clone(),
                other => other.text(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.text(),
    }
}

/// A cell on one line, its control characters written out.
fn one_line(s: &str) -> String {
    if s.contains(['\n', '\r', '\t']) {
        visible(&s.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
    } else {
        visible(s).into_owned()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::query::Source;

    /// One answer with a node, a number, a cited source and a caveat, for
    /// the renderers' tests here and in `flat`.
    pub(crate) fn sample() -> Answer {
        let mut a = Answer::new(&["country", "n"]);
        a.push(
            vec![
                Cell::Node {
                    id: "country:mx".into(),
                    kind: Kind::Country,
                    name: "México".into(),
                },
                Cell::Int(2),
            ],
            vec![Source {
                origin: "extracted",
                doc: Some("d".into()),
                section: Some("IV".into()),
                sentence: Some("Una frase, con coma.".into()),
                cite: "d §IV".into(),
                span: Some((0, 20)),
                page: None,
            }],
        );
        a.caveat("one caveat");
        a
    }

    #[test]
    fn table_aligns_by_display_width() {
        let t = table(
            &sample(),
            RenderOptions {
                sources: true,
                width: None,
            },
        );
        assert_eq!(
            t,
            "country                | n\n-----------------------+--\nMéxico (country:mx) | 2\n(1 row)\nnote: one caveat\nsources:\n  [1] d §IV: “Una frase, con coma.”\n"
                .replace("-----------------------+--", "--------------------+--")
                .replace("country                | n", "country             | n")
        );
    }

    #[test]
    fn rendering_stops_when_asked() {
        let mut a = sample();
        let row = a.rows[0].clone();
        a.push(row, Vec::new());
        let asked = std::cell::Cell::new(0);
        let t = table_until(&a, RenderOptions::default(), || {
            asked.set(asked.get() + 1);
            asked.get() > 1
        });
        assert!(t.contains("(interrupted: 1 of 2 rows shown)"), "{t}");
    }

    #[test]
    fn wrapping_cuts_long_words_and_keeps_short_lines() {
        assert_eq!(wrap("ab cd", 10), ["ab cd"]);
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("año ñandú", 3), ["año", "ñan", "dú"]);
        assert_eq!(wrap("日本語", 1), ["日", "本", "語"]);
        let long = "palabra ".repeat(50_000);
        assert_eq!(wrap(&long, 80).len(), 5_000);
    }

    #[test]
    fn fitting_shares_the_room_among_wide_columns() {
        // One very wide column must not be cut to nothing while another
        // wide one keeps its width.
        let mut w = vec![40, 200, 50, 300, 100];
        fit(&mut w, 160);
        assert_eq!(w.iter().sum::<usize>() + 12, 160, "{w:?}");
        assert!(w.iter().all(|&x| (29..=30).contains(&x)), "{w:?}");
        // Narrow columns are left alone.
        let mut w = vec![5, 300, 6];
        fit(&mut w, 80);
        assert_eq!(w, [5, 63, 6]);
        // A column is not cut below 10.
        let mut w = vec![9, 12, 30];
        fit(&mut w, 10);
        assert_eq!(w, [9, 10, 10]);
    }
}
