//! The commands that read one thing out of a view: `acta show` (an
//! entity's card or picture) and `acta trace` (an agreement's chronology,
//! optionally as known at a date), each to stdout or a file.

use super::args::{ShowFormat, TraceFormat};
use super::io::out_or_write;
use acta::graph::Reference;
use acta::model::{DateValue, Kind, Ymd};
use acta::{Error, KnowledgeGraph, ReadAccess, Trace, Usage};
use petgraph::graph::NodeIndex;
use std::borrow::Cow;
use std::path::Path;

/// `acta show`: the card of an entity, or its picture.
pub(crate) fn show(
    access: &ReadAccess,
    entity: &str,
    sources: bool,
    format: ShowFormat,
    output: Option<&Path>,
) -> Result<(), Error> {
    let view = access.view()?;
    let i = view.resolve(Reference::of(entity), &[])?;
    let text = match format {
        ShowFormat::Text => acta::card(&view, i, sources),
        ShowFormat::Svg => show_svg(&view, i)?,
    };
    out_or_write(output, &text)
}

/// The picture of an entity: a meeting's agreements, an agreement's timeline.
fn show_svg(view: &KnowledgeGraph, i: NodeIndex) -> Result<String, Error> {
    if let Some(svg) = acta::picture::meeting(view, i) {
        return Ok(svg);
    }
    match Trace::of_node(view, i) {
        Some(t) => Ok(acta::picture::timeline(&t)),
        None => Err(Usage::NoPicture(view.data(i).name.clone()).into()),
    }
}

/// `acta trace`: an agreement's chronology in one of five formats.
pub(crate) fn trace(
    access: &ReadAccess,
    agreement: &str,
    format: TraceFormat,
    as_of: Option<String>,
    output: Option<&Path>,
) -> Result<(), Error> {
    let as_of = match as_of {
        Some(d) => Some(as_of_date(d)?),
        None => None,
    };
    let view = match as_of {
        Some(date) => Cow::Owned(access.view_as_of(date)?),
        None => access.view()?,
    };
    let i = view.resolve(Reference::of(agreement), &[Kind::Agreement])?;
    let t = Trace::of(&view, i);
    let text = match format {
        TraceFormat::Text => t.to_text(&view),
        TraceFormat::Json => serde_json::to_string_pretty(&t)? + "\n",
        TraceFormat::Dot => t.to_dot(),
        TraceFormat::Mermaid => t.to_mermaid(),
        TraceFormat::Svg => acta::picture::timeline(&t),
    };
    out_or_write(output, &text)
}

/// An `--as-of` date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` exactly (the last
/// day it covers); a shape that fits but names no day is "not a date".
fn as_of_date(d: String) -> Result<Ymd, Error> {
    let parts: Vec<&str> = d.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let shaped = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, day] => digits(y, 4) && digits(m, 2) && digits(day, 2),
        _ => false,
    };
    if !shaped {
        return Err(Usage::AsOf(d).into());
    }
    match DateValue::parse_iso(&d) {
        Some(v) => Ok(v.end),
        None => Err(Usage::NotADate(d).into()),
    }
}
