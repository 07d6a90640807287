//! Sentences as extraction sees them. [`split`] cuts a section body at
//! sentence ends (`.`, `?`, `!` before white space or a capital, not
//! after an abbreviation or an initial, never inside a closed quotation)
//! and at blank lines. A [`Sentence`] holds its span in the cleaned
//! document, its text, the normalized text with a byte map back to the
//! original, and what the finders attach to it: dates, entity mentions,
//! quotations and meeting references. Offsets inside a sentence are
//! relative to its text.

use super::dates::FoundDate;
use super::meeting_ref::MeetingRef;
use super::pattern::{Hay, Pattern, Signature};
use super::quotes::{self, Quote, Role};
use super::resolve::Found;
use super::rules;
use crate::model::Span;
use crate::text::normalize_with_offsets;

/// Spans of the sentences of `text[start..end]`.
pub fn split(text: &str, start: usize, end: usize) -> Vec<Span> {
    let quoted = text.get(start..end).map(|b| quotes::scan(b).0);
    split_quoted(text, start, end, quoted.as_deref().unwrap_or_default())
}

/// [`split`] with the quotations of `text[start..end]` already found
/// (`quotes::scan` of it, which extraction needs as well).
pub fn split_quoted(text: &str, start: usize, end: usize, quoted: &[Quote]) -> Vec<Span> {
    let Some(body) = text.get(start..end) else {
        return Vec::new();
    };
    // A period inside a closed quotation ends no sentence, unless only the
    // closing mark follows it ("... contexto.”  En relación").
    let inside = |i: usize, len: usize| {
        quoted.iter().any(|q| {
            q.start < i
                && i < q.inner_end
                && body
                    .get(i + len..q.inner_end)
                    .is_some_and(|rest| !rest.trim().is_empty())
        })
    };
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in body.char_indices() {
        let mut cut: Option<usize> = None;
        match c {
            '.' | '?' | '!' | '…' if !inside(i, c.len_utf8()) => {
                // Closing marks stay with the sentence.
                let rest = &body[i + c.len_utf8()..];
                let marks: usize = rest
                    .chars()
                    .take_while(|n| matches!(n, '”' | '"' | '»' | ')' | '’' | '\''))
                    .map(char::len_utf8)
                    .sum();
                let tail = &rest[marks..];
                let next = tail.chars().next();
                let after = tail.chars().find(|n| !n.is_whitespace());
                let at = body.len() - tail.len();
                // "on 20 ? 22 June": a copy's lost dash between two days.
                let lost_dash = c == '?'
                    && next == Some(' ')
                    && after.is_some_and(|n| n.is_ascii_digit())
                    && body[..i].ends_with(' ')
                    && body[..i].trim_end().ends_with(|p: char| p.is_ascii_digit());
                let boundary = match next {
                    _ if lost_dash => false,
                    None => true,
                    Some(n) if n.is_whitespace() => {
                        !(c == '.'
                            && (abbreviation(body, i)
                                || after.is_some_and(char::is_lowercase)
                                || (after.is_some_and(|n| n.is_ascii_digit())
                                    && dotted_month(body, i))))
                    }
                    // "miembros.También": a period glued to a capital.
                    Some(n) => c == '.' && n.is_uppercase() && marks == 0 && prev_is_lower(body, i),
                };
                if boundary {
                    cut = Some(at);
                }
            }
            '\n' => {
                let blank = body[i + 1..]
                    .chars()
                    .take_while(|n| n.is_whitespace())
                    .any(|n| n == '\n');
                if blank {
                    cut = Some(i);
                }
            }
            _ => {}
        }
        if let Some(at) = cut {
            push_trimmed(body, start, from, at, &mut out);
            from = at;
        }
    }
    push_trimmed(body, start, from, body.len(), &mut out);
    out
}

fn prev_is_lower(body: &str, i: usize) -> bool {
    body[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_lowercase)
}

/// True when the period at `i` ends an abbreviation or an initial.
fn abbreviation(body: &str, i: usize) -> bool {
    let word_start = body[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
        .map_or(0, |(o, c)| o + c.len_utf8());
    let word = &body[word_start..i];
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let single_capital =
        matches!((letters.next(), letters.next()), (Some(a), None) if a.is_uppercase());
    single_capital || rules::ABBREVIATIONS.contains(&crate::text::normalize(word).as_str())
}

/// True when the period at `i` ends a month's short form ("13 Sep.
/// 2017", "Jan. 26, 1999"; `[dates] dotted` of the language profiles).
fn dotted_month(body: &str, i: usize) -> bool {
    let word = body[..i]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty() && super::profile::month(&format!("{}.", word.to_lowercase())).is_some()
}

fn push_trimmed(body: &str, base: usize, a: usize, b: usize, out: &mut Vec<Span>) {
    let Some(piece) = body.get(a..b) else { return };
    if piece.trim().is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    out.push(Span {
        start: base + a + lead,
        end: base + b - trail,
    });
}

/// One sentence (or a heading) with what was found in it.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Span in the cleaned document text.
    pub span: Span,
    pub text: String,
    /// Normalized text, and for each of its bytes the offset in `text`.
    pub norm: String,
    pub map: Vec<u32>,
    /// Which gate literals `norm` holds, for the patterns run on it.
    pub sig: Signature,
    /// A section heading rather than a body sentence.
    pub heading: bool,
    /// First sentence of a paragraph.
    pub para_start: bool,
    pub dates: Vec<FoundDate>,
    pub mentions: Vec<Found>,
    pub quotes: Vec<(Quote, Role)>,
    /// Offsets of opening quotation marks that never close.
    pub unclosed: Vec<usize>,
    pub meetings: Vec<MeetingRef>,
    /// `text` in [`crate::ingest::profile::words`] form, made when first
    /// asked for (several passes read it).
    words: std::cell::OnceCell<String>,
}

impl Sentence {
    /// A whole text as one sentence opening a paragraph (for tests).
    #[cfg(test)]
    pub(crate) fn whole(text: &str) -> Sentence {
        Sentence::new(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            false,
            true,
        )
    }

    /// A sentence of `doc` at `span`.
    pub fn new(doc: &str, span: Span, heading: bool, para_start: bool) -> Sentence {
        let text = doc.get(span.start..span.end).unwrap_or("").to_string();
        let (norm, map) = normalize_with_offsets(&text);
        let sig = Signature::of(&norm);
        Sentence {
            span,
            text,
            norm,
            map,
            sig,
            heading,
            para_start,
            dates: Vec::new(),
            mentions: Vec::new(),
            quotes: Vec::new(),
            unclosed: Vec::new(),
            meetings: Vec::new(),
            words: std::cell::OnceCell::new(),
        }
    }

    /// The text in [`crate::ingest::profile::words`] form.
    pub fn words(&self) -> &str {
        self.words
            .get_or_init(|| crate::ingest::profile::words(&self.text))
    }

    /// Offset in `text` of byte `i` of the normalized text.
    pub fn orig(&self, i: usize) -> usize {
        crate::text::offset_at(&self.map, i).unwrap_or(self.text.len())
    }

    /// Index in the normalized text of the first byte at or after the
    /// original offset `o`.
    pub fn norm_at(&self, o: usize) -> usize {
        self.map
            .partition_point(|&m| (m as usize) < o)
            .min(self.norm.len())
    }

    /// Normalized text of the original range `[a, b)`.
    pub fn norm_between(&self, a: usize, b: usize) -> &str {
        let (x, y) = (self.norm_at(a), self.norm_at(b));
        self.norm.get(x..y.max(x)).unwrap_or("")
    }

    /// Normalized text before the original offset `o`.
    pub fn norm_before(&self, o: usize) -> &str {
        self.norm.get(..self.norm_at(o)).unwrap_or("")
    }

    /// Normalized text from the original offset `o`.
    pub fn norm_after(&self, o: usize) -> &str {
        self.norm.get(self.norm_at(o)..).unwrap_or("")
    }

    /// The normalized text, for patterns.
    pub fn hay(&self) -> Hay<'_> {
        Hay::signed(&self.norm, &self.sig)
    }

    /// [`Sentence::norm_before`], for patterns.
    pub fn hay_before(&self, o: usize) -> Hay<'_> {
        Hay::signed(self.norm_before(o), &self.sig)
    }

    /// [`Sentence::norm_after`], for patterns.
    pub fn hay_after(&self, o: usize) -> Hay<'_> {
        Hay::signed(self.norm_after(o), &self.sig)
    }

    /// [`Sentence::norm_between`], for patterns.
    pub fn hay_between(&self, a: usize, b: usize) -> Hay<'_> {
        Hay::signed(self.norm_between(a, b), &self.sig)
    }

    /// Matches of `re` on the normalized text, as original spans.
    pub fn find(&self, re: &Pattern) -> Vec<(usize, usize)> {
        re.find_iter(self.hay())
            .map(|m| (self.orig(m.start()), self.end_of(m.end())))
            .collect()
    }

    /// Original end offset for a normalized end offset (trailing white
    /// space excluded).
    pub fn end_of(&self, norm_end: usize) -> usize {
        let e = self.orig(norm_end);
        let start = if norm_end == 0 {
            0
        } else {
            self.orig(norm_end - 1)
        };
        let e = e.max(start);
        start + self.text.get(start..e).map_or(0, |t| t.trim_end().len())
    }

    /// Original text of a span of this sentence.
    pub fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(a..b).unwrap_or("")
    }

    /// Mentions with this kind of id prefix ("country:").
    pub fn mentioned<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Found> + 'a {
        self.mentions
            .iter()
            .filter(move |m| m.id.starts_with(prefix))
    }

    /// Mentions of countries and organizations whose names (in
    /// [`crate::ingest::profile::words`] form) stand in `hay`, a stretch
    /// of this sentence in that form.
    pub fn parties_in<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = &'a Found> + 'a {
        self.mentions
            .iter()
            .filter(|m| m.id.starts_with("country:") || m.id.starts_with("organization:"))
            .filter(move |m| {
                let name = crate::ingest::profile::words(self.slice(m.start, m.end));
                !name.is_empty() && crate::ingest::profile::find_phrase(hay, &name).is_some()
            })
    }

    /// True when the original range `[a, b)` overlaps a meeting reference.
    pub fn in_meeting(&self, a: usize, b: usize) -> bool {
        self.meetings.iter().any(|m| a < m.end && m.start < b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s, 0, s.len())
            .into_iter()
            .map(|sp| &s[sp.start..sp.end])
            .collect()
    }

    #[test]
    fn ends_and_non_ends() {
        assert_eq!(
            texts("Uno dos. Tres.\n\nCuatro"),
            ["Uno dos.", "Tres.", "Cuatro"]
        );
        assert_eq!(
            texts("los países miembros.También se convino. El Sr. Pérez y J. Moctezuma llegaron."),
            [
                "los países miembros.",
                "También se convino.",
                "El Sr. Pérez y J. Moctezuma llegaron."
            ]
        );
        assert_eq!(
            texts("(i.e., para el período) y EE.UU. lo aprobó."),
            ["(i.e., para el período) y EE.UU. lo aprobó."]
        );
        // A month's short form before a number ends nothing; a word that
        // is no month's does.
        assert_eq!(
            texts("13 Sep. 2017 and Jan. 26, 1999. It met in Lima. 2017 was dry."),
            [
                "13 Sep. 2017 and Jan. 26, 1999.",
                "It met in Lima.",
                "2017 was dry."
            ]
        );
        assert_eq!(
            texts("acordaron “Reconocer. Solicitar a la OIM.”  En relación con esto."),
            [
                "acordaron “Reconocer. Solicitar a la OIM.”",
                "En relación con esto."
            ]
        );
    }

    #[test]
    fn a_dash_lost_to_a_question_mark_ends_nothing() {
        assert_eq!(
            texts("It was convened in Apia on 20 ? 22 June 2017. Then it closed."),
            [
                "It was convened in Apia on 20 ? 22 June 2017.",
                "Then it closed."
            ]
        );
        assert_eq!(
            texts("Who pays? 2 countries do."),
            ["Who pays?", "2 countries do."]
        );
    }

    #[test]
    fn unbalanced_quotes_do_not_swallow_the_paragraph() {
        let s = "agradecieron “la intervención de los “Lineamientos”.  Este documento se publicó.  Otro.";
        assert_eq!(texts(s).len(), 3);
    }

    #[test]
    fn offsets_round_trip() {
        let doc = "xx Año  ÉXITO final";
        let s = Sentence::new(
            doc,
            Span {
                start: 3,
                end: doc.len(),
            },
            false,
            true,
        );
        assert_eq!(s.norm, "ano exito final");
        assert_eq!(s.norm_before(s.text.find("ÉXITO").unwrap()), "ano ");
        let re = Pattern::new("exito").unwrap();
        let (a, b) = s.find(&re)[0];
        assert_eq!(s.slice(a, b), "ÉXITO");
        assert_eq!(s.norm_between(a, s.text.len()), "exito final");
    }
}
