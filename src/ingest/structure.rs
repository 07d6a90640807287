//! Document structure: clean a report's text of word-processor debris and
//! split it into sections in the report's own numbering.
//!
//! Levels: roman-numeral sections (`IV.`), lettered subsections (`E.`),
//! numbered items (`(3)`), and footnotes after a `###` rule. Ids join the
//! levels: `IV`, `IV.E`, `IV.E(3)`, `fn1`; text before the first numbered
//! section is `preamble`, and a text with no recognizable structure is one
//! section `text`. Spans are byte offsets into the cleaned text.

use crate::model::{Section, Span};
use regex::Regex;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

struct Patterns {
    page_field: Regex,
    roman: Regex,
    letter: Regex,
    item: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // "PAGE  \n7", "PAGE 7", "PAGE  " fields left by word processors.
        page_field: Regex::new(r"(?m)^[ \t]*PAGE[ \t]*(?:\r?\n[ \t]*)?\d*[ \t]*$")
            .expect("valid regex"),
        // The numbering and the white space after it; the rest of the line
        // is the heading (a letter needs some). Matching only the start
        // keeps the regex engine off long body lines.
        roman: Regex::new(r"^\s*([IVX]{1,6})\.\s*").expect("valid regex"),
        letter: Regex::new(r"^\s*([A-Z])\.\s+").expect("valid regex"),
        item: Regex::new(r"^\s*\((\d{1,3})\)\s*").expect("valid regex"),
    })
}

/// Remove word-processor debris: carriage returns, BOMs, replacement
/// characters, page-number fields, trailing blank lines.
pub fn clean(text: &str) -> String {
    // Each step copies the text only when it has something to remove.
    let mut t = Cow::Borrowed(text);
    if t.contains('\r') {
        t = Cow::Owned(t.replace("\r\n", "\n").replace('\r', "\n"));
    }
    if t.contains(['\u{FFFD}', '\u{FEFF}']) {
        t = Cow::Owned(
            t.chars()
                .filter(|&c| c != '\u{FFFD}' && c != '\u{FEFF}')
                .collect(),
        );
    }
    // Every page field has "PAGE" in it.
    if t.contains("PAGE") {
        let removed = match patterns().page_field.replace_all(&t, "") {
            Cow::Owned(x) => Some(x),
            Cow::Borrowed(_) => None,
        };
        if let Some(x) = removed {
            t = Cow::Owned(x);
        }
    }
    t.trim_end().to_string()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Roman,
    Letter,
    Item,
}

struct Open {
    id: String,
    parent: Option<String>,
    heading: String,
    start: usize,
    body_start: usize,
}

/// Split cleaned text into sections.
pub fn split(text: &str) -> Vec<Section> {
    let p = patterns();
    let mut sections: Vec<Section> = Vec::new();
    let mut current: Option<Open> = None;
    let mut roman: Option<String> = None;
    let mut letter: Option<String> = None;
    let mut in_footnotes = false;
    let mut footnote_count = 0;
    let mut pending_roman_heading: Option<(String, usize)> = None; // id, start
    let mut ids = Ids::default();

    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|l| {
            let start = offset;
            offset += l.len();
            (start, l)
        })
        .collect();

    let close = |open: Option<Open>, end: usize, sections: &mut Vec<Section>| {
        if let Some(o) = open {
            let body_end = end.max(o.body_start);
            sections.push(Section {
                id: o.id,
                parent: o.parent,
                heading: o.heading,
                text: text[o.body_start..body_end].trim().to_string(),
                span: Span {
                    start: o.start,
                    end: body_end,
                },
                body_start: o.body_start,
            });
        }
    };

    for (start, raw) in lines {
        let line = raw.trim_end_matches('\n');
        let end = start + raw.len();
        if let Some((id, sec_start)) = pending_roman_heading.take() {
            if line.trim().is_empty() {
                pending_roman_heading = Some((id, sec_start));
                continue;
            }
            // The heading is the line after "IV."
            current = Some(Open {
                id: id.clone(),
                parent: None,
                heading: line.trim().to_string(),
                start: sec_start,
                body_start: end,
            });
            continue;
        }
        if line.trim() == "###" {
            close(current.take(), start, &mut sections);
            in_footnotes = true;
            continue;
        }
        if in_footnotes {
            if line.trim().is_empty() {
                continue;
            }
            footnote_count += 1;
            close(current.take(), start, &mut sections);
            current = Some(Open {
                id: format!("fn{footnote_count}"),
                parent: None,
                heading: String::new(),
                start,
                body_start: start,
            });
            continue;
        }
        let found = if !may_be_numbered(line) {
            None
        } else if let Some((label, rest)) = numbered(&p.roman, line)
            // A numbered item of a list ("IV. Reafirmar el compromiso ...;")
            // is no section: a heading ends in no semicolon.
            .filter(|(_, rest)| !rest.trim_end().ends_with(';'))
        {
            Some((Level::Roman, label, rest))
        } else if let Some((label, rest)) =
            numbered(&p.letter, line).filter(|(_, rest)| !rest.is_empty() && roman.is_some())
        {
            Some((Level::Letter, label, rest))
        } else {
            numbered(&p.item, line)
                .filter(|_| roman.is_some())
                .map(|(label, rest)| (Level::Item, label, rest))
        };
        let Some((level, label, rest)) = found else {
            if current.is_none() && !line.trim().is_empty() {
                current = Some(Open {
                    id: "preamble".into(),
                    parent: None,
                    heading: String::new(),
                    start,
                    body_start: start,
                });
            }
            continue;
        };
        close(current.take(), start, &mut sections);
        let (id, parent) = match level {
            Level::Roman => (label, None),
            Level::Letter => {
                let r = roman.clone().unwrap_or_default();
                (format!("{r}.{label}"), Some(r))
            }
            Level::Item => {
                let parent = letter.clone().or_else(|| roman.clone()).unwrap_or_default();
                (format!("{parent}({label})"), Some(parent))
            }
        };
        // A number seen before (a second "I." in an annex) gets a suffix, and
        // the subsections after it hang under it, not under the first one.
        let id = ids.unique(id);
        match level {
            Level::Roman => {
                roman = Some(id.clone());
                letter = None;
            }
            Level::Letter => letter = Some(id.clone()),
            Level::Item => {}
        }
        if level == Level::Roman && rest.trim().is_empty() {
            pending_roman_heading = Some((id, start));
            continue;
        }
        let (heading, body_offset) = split_heading(&rest);
        let rest_start = start + line.len() - rest.len();
        current = Some(Open {
            id,
            parent,
            heading,
            start,
            body_start: rest_start + body_offset,
        });
    }
    if let Some((id, sec_start)) = pending_roman_heading.take() {
        current = Some(Open {
            id,
            parent: None,
            heading: String::new(),
            start: sec_start,
            body_start: text.len(),
        });
    }
    close(current.take(), text.len(), &mut sections);
    if sections.is_empty() || (sections.len() == 1 && sections[0].id == "preamble") {
        let trimmed_start = text.len() - text.trim_start().len();
        return vec![Section {
            id: "text".into(),
            parent: None,
            heading: String::new(),
            text: text.trim().to_string(),
            span: Span {
                start: 0,
                end: text.len(),
            },
            body_start: trimmed_start,
        }];
    }
    sections
}

/// The label a numbering pattern captures and the rest of the line.
fn numbered(re: &Regex, line: &str) -> Option<(String, String)> {
    let c = re.captures(line)?;
    let end = c.get(0)?.end();
    Some((c[1].to_string(), line[end..].to_string()))
}

/// Whether a line can match one of the numbering patterns at all: a cheap
/// test that spares most body lines the three regexes (after white space, a
/// roman numeral starts with I, V or X, an item with `(`, a letter is an
/// upper-case letter and a dot).
fn may_be_numbered(line: &str) -> bool {
    let b = line.trim_start().as_bytes();
    match b.first() {
        Some(b'I' | b'V' | b'X' | b'(') => true,
        Some(c) if c.is_ascii_uppercase() => b.get(1) == Some(&b'.'),
        _ => false,
    }
}

/// A heading runs to the first `:` or sentence end on its line; the body
/// starts after it. Returns the heading and the body's offset in `rest`.
fn split_heading(rest: &str) -> (String, usize) {
    let colon = rest.find(':');
    let stop = rest.find(". ").or_else(|| {
        rest.trim_end()
            .ends_with('.')
            .then(|| rest.trim_end().len() - 1)
    });
    let cut = match (colon, stop) {
        (Some(c), Some(s)) => Some(c.min(s)),
        (c, s) => c.or(s),
    };
    match cut {
        Some(c) => (rest[..c].trim().to_string(), c + 1),
        None => (rest.trim().to_string(), rest.len()),
    }
}

/// The numbered ids given so far, and the next suffix to try for each, so
/// that a report with thousands of repeated numbers stays linear.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// `id` itself if unused, else `id~2`, `id~3`, ...: the first unused.
    fn unique(&mut self, id: String) -> String {
        if self.used.insert(id.clone()) {
            return id;
        }
        let n = self.next.entry(id.clone()).or_insert(2);
        loop {
            let candidate = format!("{id}~{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_ids() {
        let text = clean(
            "I.\nIntroducción\nTexto uno.\nII.\nPolíticas\nA.  Programa: cuerpo A.\n(1)  Item uno: cuerpo.\n(2)  Item dos. Cuerpo dos.\nB.  Otro:\nTexto B.\n###\n\u{FFFD} Nota al pie.\nPAGE  \n7\n",
        );
        let s = split(&text);
        let ids: Vec<&str> = s.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            ["I", "II", "II.A", "II.A(1)", "II.A(2)", "II.B", "fn1"]
        );
        assert_eq!(s[0].heading, "Introducción");
        assert_eq!(s[0].text, "Texto uno.");
        assert_eq!(s[2].heading, "Programa");
        assert_eq!(s[2].text, "cuerpo A.");
        assert_eq!(s[4].heading, "Item dos");
        assert_eq!(s[4].text, "Cuerpo dos.");
        assert_eq!(s[4].parent.as_deref(), Some("II.A"));
        assert_eq!(s[6].text, "Nota al pie.");
        assert!(!text.contains("PAGE"));
        for sec in &s {
            assert!(text[sec.span.start..sec.span.end].contains(sec.text.as_str()));
        }
    }

    #[test]
    fn the_cheap_test_never_hides_a_numbered_line() {
        let p = patterns();
        let seed = include_str!("../../data/documents/informe-ppt-mexico-2003.txt");
        let synthetic = crate::synth::report(5, 3).1;
        let odd = "  IV.\n\u{a0}B.  Texto\n\t(12) x\nXX. y\nA.B\n(x)\n";
        for line in [seed, synthetic.as_str(), odd]
            .into_iter()
            .flat_map(str::lines)
        {
            let numbered = [&p.roman, &p.letter, &p.item]
                .iter()
                .any(|re| numbered(re, line).is_some());
            assert!(!numbered || may_be_numbered(line), "{line:?}");
        }
    }

    #[test]
    fn repeated_numbers_get_suffixes_and_their_own_children() {
        let text =
            clean("I.\nUno\nA.  Tema: a.\nI.\nAnexo\nA.  Tema: b.\n(1)  Punto: c.\nI.\nOtro\n");
        let s = split(&text);
        let got: Vec<(&str, Option<&str>)> = s
            .iter()
            .map(|s| (s.id.as_str(), s.parent.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("I", None),
                ("I.A", Some("I")),
                ("I~2", None),
                ("I~2.A", Some("I~2")),
                ("I~2.A(1)", Some("I~2.A")),
                ("I~3", None),
            ]
        );
    }

    #[test]
    fn unstructured_text_is_one_section() {
        let s = split("Un texto sin estructura que menciona a México.");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "text");
    }
}
