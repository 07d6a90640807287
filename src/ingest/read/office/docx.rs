//! The text of a Word `.docx`: `word/document.xml` paragraph by paragraph,
//! list labels from `word/numbering.xml` (each level's format, its label
//! text such as `%1.` or `%2)`, its start), table rows as lines with cells
//! apart, and `word/footnotes.xml` after the text.

use super::{bad_xml, render, xml, Archive, Counters, ReadError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// One level of a list definition.
#[derive(Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// The list definitions: levels by abstract id, abstract id by list id.
#[derive(Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, String>,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn numbering(xml: &str) -> Result<Numbering, ReadError> {
    let mut n = Numbering::default();
    let mut reader = Reader::from_str(xml);
    let (mut abstract_id, mut level): (Option<String>, Option<usize>) = (None, None);
    loop {
        match reader.read_event().map_err(|e| bad_xml("docx", e))? {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:abstractNum" => abstract_id = attr(&e, b"w:abstractNumId"),
                b"w:lvl" => level = attr(&e, b"w:ilvl").and_then(|v| v.parse().ok()),
                b"w:num" => abstract_id = attr(&e, b"w:numId").map(|id| format!("num:{id}")),
                b"w:abstractNumId" => {
                    if let (Some(num), Some(a)) = (&abstract_id, attr(&e, b"w:val")) {
                        if let Some(id) = num.strip_prefix("num:") {
                            n.nums.insert(id.to_string(), a);
                        }
                    }
                }
                tag @ (b"w:numFmt" | b"w:lvlText" | b"w:start") => {
                    let (Some(a), Some(l)) = (&abstract_id, level) else {
                        continue;
                    };
                    let levels = n.abstracts.entry(a.clone()).or_default();
                    if levels.len() <= l.min(8) {
                        levels.resize(l.min(8) + 1, Level::default());
                    }
                    let value = attr(&e, b"w:val").unwrap_or_default();
                    let lv = &mut levels[l.min(8)];
                    match tag {
                        b"w:numFmt" => lv.format = value,
                        b"w:lvlText" => lv.text = value,
                        _ => lv.start = value.parse().unwrap_or(1),
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(n)
}

impl Numbering {
    /// The label of an item at `level` of list `num`, advancing its counters.
    fn label(&self, counters: &mut HashMap<String, Counters>, num: &str, level: usize) -> String {
        let Some(levels) = self.nums.get(num).and_then(|a| self.abstracts.get(a)) else {
            return String::new();
        };
        let Some(this) = levels.get(level) else {
            return String::new();
        };
        if this.format == "bullet" || this.format == "none" {
            return String::new();
        }
        let values = counters
            .entry(num.to_string())
            .or_default()
            .advance(level, this.start)
            .to_vec();
        let mut label = this.text.clone();
        for (k, v) in values.iter().enumerate() {
            let format = levels.get(k).map_or("decimal", |l| l.format.as_str());
            label = label.replace(&format!("%{}", k + 1), &render(*v, format));
        }
        label
    }
}

/// Paragraph text gathered from a part.
#[derive(Default)]
struct Paragraphs {
    out: String,
    para: String,
    num: Option<(String, usize)>,
    in_text: bool,
    in_cell: bool,
}

fn body(xml: &str, numbering: &Numbering, wanted: &[u8]) -> Result<String, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut p = Paragraphs::default();
    let mut counters = HashMap::new();
    let mut num_id: Option<String> = None;
    let mut ilvl = 0usize;
    let mut inside = wanted.is_empty();
    loop {
        match reader.read_event().map_err(|e| bad_xml("docx", e))? {
            Event::Start(e) => match e.name().as_ref() {
                b"w:p" => {
                    p.para.clear();
                    p.num = None;
                    num_id = None;
                    ilvl = 0;
                }
                b"w:t" => p.in_text = true,
                b"w:tc" => p.in_cell = true,
                tag if tag == wanted => {
                    inside = attr(&e, b"w:id")
                        .and_then(|i| i.parse::<i64>().ok())
                        .is_some_and(|i| i > 0);
                    if inside {
                        p.para
                            .push_str(&format!("[{}] ", attr(&e, b"w:id").unwrap_or_default()));
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" => p.para.push('\t'),
                b"w:br" | b"w:cr" => p.para.push('\n'),
                b"w:ilvl" => ilvl = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                b"w:numId" => num_id = attr(&e, b"w:val"),
                b"w:footnoteReference" => {
                    p.para
                        .push_str(&format!("[{}]", attr(&e, b"w:id").unwrap_or_default()));
                }
                _ => {}
            },
            Event::Text(t) if p.in_text => {
                p.para
                    .push_str(&t.unescape().map_err(|e| bad_xml("docx", e))?);
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => p.in_text = false,
                b"w:pPr" => {
                    if let Some(n) = num_id.take().filter(|n| n != "0") {
                        p.num = Some((n, ilvl));
                    }
                }
                b"w:p" if inside => {
                    let label = match &p.num {
                        Some((n, l)) => numbering.label(&mut counters, n, *l),
                        None => String::new(),
                    };
                    let line = p.para.trim();
                    if p.in_cell {
                        p.out.push_str(line);
                        p.out.push(' ');
                    } else if !line.is_empty() || !label.is_empty() {
                        if !label.is_empty() {
                            p.out.push_str(&label);
                            p.out.push(' ');
                        }
                        p.out.push_str(line);
                        p.out.push('\n');
                    } else {
                        p.out.push('\n');
                    }
                    if p.out.len() > super::MAX_TEXT_BYTES {
                        return Err(ReadError::Inflated {
                            max: super::MAX_TEXT_BYTES,
                        });
                    }
                }
                b"w:tc" => {
                    p.in_cell = false;
                    p.out.push('\t');
                }
                b"w:tr" => p.out.push('\n'),
                tag if tag == wanted => inside = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(p.out)
}

/// The text of the `.docx` in `archive`.
pub(super) fn text(archive: &mut Archive<'_>) -> Result<String, ReadError> {
    let numbering = match xml(archive, "word/numbering.xml")? {
        Some(x) => numbering(&x)?,
        None => Numbering::default(),
    };
    let document = xml(archive, "word/document.xml")?.unwrap_or_default();
    let mut text = body(&document, &numbering, b"")?;
    if let Some(notes) = xml(archive, "word/footnotes.xml")? {
        let notes = body(&notes, &numbering, b"w:footnote")?;
        if !notes.trim().is_empty() {
            text.push_str("\n\n");
            text.push_str(notes.trim());
            text.push('\n');
        }
    }
    Ok(text)
}
