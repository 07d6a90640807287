//! The text of an OpenDocument `.odt`: `content.xml` paragraph and heading
//! by paragraph, list labels from the list styles (in `content.xml` and
//! `styles.xml`: each level's number format, prefix and suffix), table rows
//! as lines with cells apart, notes after the text with their marks kept.

use super::{bad_xml, render, xml, Archive, Counters, ReadError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// One level of a list style: number format, prefix, suffix.
#[derive(Clone, Default)]
struct Level {
    format: String,
    prefix: String,
    suffix: String,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The list styles of a part: levels by style name.
fn list_styles(xml: &str, styles: &mut HashMap<String, Vec<Level>>) -> Result<(), ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().map_err(|e| bad_xml("odt", e))? {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"text:list-style" => current = attr(&e, b"style:name"),
                tag @ (b"text:list-level-style-number" | b"text:list-level-style-bullet") => {
                    let Some(name) = &current else { continue };
                    let level: usize = attr(&e, b"text:level")
                        .and_then(|l| l.parse().ok())
                        .unwrap_or(1);
                    let levels = styles.entry(name.clone()).or_default();
                    let at = level.clamp(1, 10) - 1;
                    if levels.len() <= at {
                        levels.resize(at + 1, Level::default());
                    }
                    levels[at] = if tag == b"text:list-level-style-number" {
                        Level {
                            format: attr(&e, b"style:num-format").unwrap_or_default(),
                            prefix: attr(&e, b"style:num-prefix").unwrap_or_default(),
                            suffix: attr(&e, b"style:num-suffix").unwrap_or_default(),
                        }
                    } else {
                        Level::default()
                    };
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"text:list-style" => current = None,
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Where the reader is in the document.
#[derive(Default)]
struct State {
    out: String,
    notes: String,
    para: String,
    /// Open lists: their style name.
    lists: Vec<Option<String>>,
    counters: HashMap<String, Counters>,
    /// The label owed to the next paragraph of a list item.
    label: Option<String>,
    in_note_body: bool,
    in_citation: bool,
    in_cell: bool,
}

impl State {
    fn target(&mut self) -> &mut String {
        if self.in_note_body {
            &mut self.notes
        } else {
            &mut self.para
        }
    }

    fn end_paragraph(&mut self) {
        if self.in_note_body {
            self.notes.push('\n');
            return;
        }
        let text = std::mem::take(&mut self.para);
        let line = text.trim();
        if self.in_cell {
            self.out.push_str(line);
            self.out.push(' ');
            return;
        }
        if let Some(label) = self.label.take().filter(|l| !l.is_empty()) {
            self.out.push_str(&label);
            self.out.push(' ');
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn list_item(&mut self, styles: &HashMap<String, Vec<Level>>) {
        let depth = self.lists.len().saturating_sub(1);
        let Some(style) = self.lists.iter().rev().find_map(|s| s.clone()) else {
            return;
        };
        let Some(levels) = styles.get(&style) else {
            return;
        };
        let level = levels.get(depth).cloned().unwrap_or_default();
        if level.format.is_empty() {
            self.label = None;
            return;
        }
        let values = self.counters.entry(style).or_default().advance(depth, 1);
        let n = values.last().copied().unwrap_or(1);
        self.label = Some(format!(
            "{}{}{}",
            level.prefix,
            render(n, &level.format),
            level.suffix
        ));
    }
}

/// The text of the `.odt` in `archive`.
pub(super) fn text(archive: &mut Archive<'_>) -> Result<String, ReadError> {
    let mut styles = HashMap::new();
    if let Some(x) = xml(archive, "styles.xml")? {
        list_styles(&x, &mut styles)?;
    }
    let content = xml(archive, "content.xml")?.unwrap_or_default();
    list_styles(&content, &mut styles)?;
    let mut s = State::default();
    let mut reader = Reader::from_str(&content);
    loop {
        match reader.read_event().map_err(|e| bad_xml("odt", e))? {
            Event::Start(e) => match e.name().as_ref() {
                b"text:list" => {
                    let style = attr(&e, b"text:style-name");
                    let continues = attr(&e, b"text:continue-numbering").as_deref() == Some("true");
                    if s.lists.is_empty() && !continues {
                        if let Some(name) = &style {
                            s.counters.remove(name);
                        }
                    }
                    s.lists.push(style);
                }
                b"text:list-item" => s.list_item(&styles),
                b"text:note-citation" => s.in_citation = true,
                b"text:note-body" => s.in_note_body = true,
                b"table:table-cell" => s.in_cell = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"text:tab" => s.target().push('\t'),
                b"text:line-break" => s.target().push('\n'),
                b"text:s" => {
                    let n: usize = attr(&e, b"text:c")
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(1);
                    s.target().push_str(&" ".repeat(n.min(64)));
                }
                b"text:p" | b"text:h" => s.end_paragraph(),
                _ => {}
            },
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| bad_xml("odt", e))?;
                if s.in_citation {
                    let mark = format!("[{}]", text.trim());
                    s.para.push_str(&mark);
                    s.notes.push_str(&mark);
                    s.notes.push(' ');
                } else {
                    s.target().push_str(&text);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"text:p" | b"text:h" => s.end_paragraph(),
                b"text:list" => {
                    s.lists.pop();
                }
                b"text:note-citation" => s.in_citation = false,
                b"text:note-body" => s.in_note_body = false,
                b"table:table-cell" => {
                    s.in_cell = false;
                    s.out.push('\t');
                }
                b"table:table-row" => s.out.push('\n'),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        if s.out.len() + s.notes.len() > super::MAX_TEXT_BYTES {
            return Err(ReadError::Inflated {
                max: super::MAX_TEXT_BYTES,
            });
        }
    }
    if !s.notes.trim().is_empty() {
        s.out.push('\n');
        s.out.push_str(s.notes.trim());
        s.out.push('\n');
    }
    Ok(s.out)
}
