//! Extraction: from a report's sections to facts. Finds sentences, and in
//! each the entities it mentions (through [`super::resolve`]); every fact
//! keeps the span of its sentence.

use super::resolve::Resolver;
use crate::model::{
    section_id, DateValue, EdgeFact, EdgeKind, NodeFact, Provenance, Request, Section, Span,
};
use crate::reference::Gazetteer;

/// What was extracted from one section, in words, and what was uncertain.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SectionNote {
    pub section: String,
    pub extracted: Vec<String>,
    pub uncertain: Vec<String>,
}

/// Everything extraction found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub title: Option<String>,
    pub doc_date: Option<DateValue>,
    pub nodes: Vec<NodeFact>,
    pub edges: Vec<EdgeFact>,
    pub requests: Vec<Request>,
    pub notes: Vec<SectionNote>,
}

/// Spans of the sentences of `text[body]`: split after `.`, `?`, `!` or `;`
/// followed by white space, and at blank lines.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let body = &text[start..end];
    let mut s = 0;
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary = match b {
            b'.' | b'?' | b'!' => bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
            b'\n' => bytes.get(i + 1).is_some_and(|&n| n == b'\n'),
            _ => false,
        };
        if boundary {
            push_trimmed(body, start, s, i + 1, &mut out);
            s = i + 1;
        }
        i += 1;
    }
    push_trimmed(body, start, s, bytes.len(), &mut out);
    out
}

fn push_trimmed(body: &str, base: usize, a: usize, b: usize, out: &mut Vec<Span>) {
    let piece = &body[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(Span {
        start: base + a + lead,
        end: base + b - trail,
    });
}

/// Extract the facts of one document.
pub fn extract(doc: &str, text: &str, sections: &[Section], g: &Gazetteer) -> Extraction {
    let resolver = Resolver::from_gazetteer(g);
    let mut x = Extraction::default();
    for s in sections {
        let mut note = SectionNote {
            section: s.id.clone(),
            ..SectionNote::default()
        };
        let sec = section_id(doc, &s.id);
        let mut seen: Vec<String> = Vec::new();
        let heading_span = Span {
            start: s.span.start,
            end: s.body_start.min(s.span.end),
        };
        let mut spans = vec![heading_span];
        spans.extend(sentences(text, s.body_start.min(s.span.end), s.span.end));
        for span in spans {
            for (id, _kind) in resolver.mentions(&text[span.start..span.end]) {
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id.clone());
                x.edges.push(EdgeFact {
                    from: sec.clone(),
                    to: id,
                    kind: EdgeKind::Mentions,
                    attrs: vec![],
                    prov: Provenance::Extracted {
                        doc: doc.into(),
                        section: s.id.clone(),
                        span,
                    },
                });
            }
        }
        if !seen.is_empty() {
            note.extracted
                .push(format!("mentions: {}", seen.join(", ")));
        }
        x.notes.push(note);
    }
    x
}
