//! Decision lists: the numbered, lettered or bulleted items (or the plain
//! lines) that follow a decision heading or verb of the document's
//! language (`ACORDARON:`, `CONCLUSIONES 1. …`, `The Vice-Ministers agreed
//! to:`, `CONCLUSIONS 1. a) …`). Each item is one decision. An item that
//! ends in a colon and is followed by lettered items is a heading for
//! them; one followed by an item of its own level is a heading only.
//! The words come from the reading [`Profile`]; this module knows layout.

use super::profile::{words, Profile};
use crate::model::Span;
use markers::{closing, is_subheading, marker, marker_at_end};
use regex::Regex;

/// One decision item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The label as printed, `1`, `a`, `1.a`; empty for bullets and lines.
    pub label: String,
    /// The item's text (marker left out) in the cleaned text.
    pub span: Span,
    /// The cue that opened its list.
    pub cue: Span,
}

/// The patterns of one profile.
pub struct Cues {
    verb: Option<Regex>,
    /// A verb with the words that announce a list ([`Decisions::following`])
    /// among the words before its colon: run only on the lines that hold
    /// those words (over a whole text, its many states grew the regex's
    /// cache with the text's size).
    listed: Option<Regex>,
    following: Vec<String>,
    operative: Option<Regex>,
    heading: Option<Regex>,
    report_verb: Vec<String>,
}

/// A phrase in [`words`] form as a pattern over the original text: case,
/// accents and the punctuation between words do not matter.
fn phrase_pattern(phrase: &str) -> String {
    let mut out = String::new();
    for (i, w) in phrase.split(' ').enumerate() {
        if i > 0 {
            out.push_str(r"[\s\-–]+");
        }
        for c in w.chars() {
            let class = match c {
                'a' => "[aáàâ]",
                'e' => "[eéèê]",
                'i' => "[iíìî]",
                'o' => "[oóòô]",
                'u' => "[uúùüû]",
                'n' => "[nñ]",
                _ => "",
            };
            if class.is_empty() {
                out.push_str(&regex::escape(&c.to_string()));
            } else {
                out.push_str(class);
            }
        }
    }
    out
}

/// What may come before a cue word: the start of the text or a character
/// that is not part of a word. (Written out rather than as `\b`: a Unicode
/// word boundary makes the regex engine fall back to its slowest search on
/// any text with accents, and this ran on every document.)
const BEFORE: &str = r"(?:^|[^\w])";

fn alternation(list: &[String]) -> String {
    let mut sorted: Vec<&String> = list.iter().collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
    sorted
        .iter()
        .map(|p| phrase_pattern(p))
        .collect::<Vec<_>>()
        .join("|")
}

impl Cues {
    pub fn new(p: &Profile) -> Cues {
        let d = &p.decisions;
        let verb = (!d.verbs.is_empty()).then(|| {
            let fill = if d.fillers.is_empty() {
                String::new()
            } else {
                format!(r"(?:\s+(?:{}))?", alternation(&d.fillers))
            };
            // "The Ministers agreed to, among others:".
            let aside = if d.asides.is_empty() {
                String::new()
            } else {
                format!(r"(?:\s*,?\s*(?:{}))?", alternation(&d.asides))
            };
            format!(
                r"(?i){BEFORE}(?P<c>(?:{}){fill}{aside}\s*:)",
                alternation(&d.verbs)
            )
        });
        // A few words, the words that announce the list, a few more, all
        // on the verb's line and in its clause.
        let listed = (!d.verbs.is_empty() && !d.following.is_empty()).then(|| {
            format!(
                r"(?i){BEFORE}(?P<c>(?:{})\s+(?:[^\s:.;]+[ \t]+){{0,8}}?(?:{})(?:[ \t,]+[^\s:.;]+){{0,6}}?\s*:)",
                alternation(&d.verbs),
                alternation(&d.following)
            )
        });
        let heading = (!d.headings.is_empty()).then(|| {
            let h = alternation(&d.headings);
            // A heading line, maybe numbered as a section ("I. Decisions
            // and Recommendations for Future Activities": a connector of
            // the language may lead on to more of its words), or a
            // heading run into its first item.
            let more = if p.names.connectors.is_empty() {
                String::new()
            } else {
                format!(
                    r"(?:[ \t]+(?:{})[ \t][^\n:]{{1,80}}?)?",
                    alternation(&p.names.connectors)
                )
            };
            format!(r"(?im)(?P<c>^[ \t]*(?:(?:[IVX]{{1,4}}|\d{{1,2}})[.)][ \t]+)?(?:{h}){more}[ \t]*:?[ \t]*$)|{BEFORE}(?P<r>(?:{h})[ \t]*:?[ \t]+(?:1[.)]|a\))[ \t])")
        });
        // A numbered list opening with an operative verb: the cue is
        // empty, just before its first marker (`1.`, `I.`, or the ordinal
        // word of one closed as `markers` reads it: `PRIMERO.-`, `FIRST:`).
        let operative = (!d.operative.is_empty()).then(|| {
            let firsts: Vec<String> = crate::reference::series::ordinal_words()
                .iter()
                .filter(|&&(_, n)| n == 1)
                .map(|(w, _)| w.clone())
                .collect();
            format!(
                r"(?im)^[ \t]*(?:1[.)]|(?-i:I)(?:\.[-–—]|[.)])|(?:{})(?:\.[-–—]|[.:)]))[ \t]+(?:{})(?:[^\w]|$)",
                alternation(&firsts),
                alternation(&d.operative)
            )
        });
        Cues {
            verb: verb.and_then(|v| Regex::new(&v).ok()),
            listed: listed.and_then(|v| Regex::new(&v).ok()),
            following: d.following.clone(),
            operative: operative.and_then(|o| Regex::new(&o).ok()),
            heading: heading.and_then(|h| Regex::new(&h).ok()),
            report_verb: p.lists.report_verb_endings.clone(),
        }
    }

    /// True when a line holds a cue of its own ("Los Viceministros
    /// decidieron:" after a heading).
    fn is_cue_line(&self, line: &str) -> bool {
        [&self.verb, &self.listed]
            .into_iter()
            .flatten()
            .any(|re| re.is_match(line) && line.trim_end().ends_with(':'))
    }

    /// Cue spans in the text, in order (a heading run into its first item
    /// ends before the item).
    fn find(&self, text: &str) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for re in [&self.verb, &self.heading].into_iter().flatten() {
            for caps in re.captures_iter(text) {
                let Some(m) = caps.name("c").or_else(|| caps.name("r")) else {
                    continue;
                };
                let s = m.as_str();
                let end = marker_at_end(s).map_or(m.end(), |k| m.start() + k);
                out.push(Span {
                    start: m.start(),
                    end,
                });
            }
        }
        if let Some(re) = &self.listed {
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                if self.announces(line) {
                    for caps in re.captures_iter(line) {
                        let Some(m) = caps.name("c") else { continue };
                        let start = at + m.start();
                        // Read already as a verb and its filler.
                        if out.iter().any(|s| s.start == start) {
                            continue;
                        }
                        out.push(Span {
                            start,
                            end: at + m.end(),
                        });
                    }
                }
                at += line.len();
            }
        }
        if let Some(re) = &self.operative {
            for m in re.find_iter(text) {
                out.push(Span {
                    start: m.start(),
                    end: m.start(),
                });
            }
        }
        out.sort_by_key(|s| s.start);
        out
    }

    /// Whether `line` holds words that announce a list, in the words
    /// before its last colon (the last 160 bytes of them).
    fn announces(&self, line: &str) -> bool {
        let Some(colon) = line.rfind(':') else {
            return false;
        };
        let head = &line[..colon];
        let from = (head.len().saturating_sub(160)..head.len())
            .find(|&i| head.is_char_boundary(i))
            .unwrap_or(head.len());
        let w = crate::ingest::profile::words(&head[from..]);
        self.following
            .iter()
            .any(|f| crate::ingest::profile::find_phrase(&w, f).is_some())
    }
}

/// The compiled cues of a profile, compiled once per profile.
pub fn cues_for(p: &Profile) -> std::sync::Arc<Cues> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Cues>>>> = OnceLock::new();
    let key = format!(
        "{}{:?}{:?}{:?}",
        p.language, p.decisions, p.lists, p.names.connectors
    );
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let Ok(mut map) = cache.lock() else {
        return Arc::new(Cues::new(p));
    };
    map.entry(key)
        .or_insert_with(|| Arc::new(Cues::new(p)))
        .clone()
}

struct Line<'t> {
    start: usize,
    text: &'t str,
}

fn lines_from(text: &str, from: usize, to: usize) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut at = from;
    for l in text.get(from..to).unwrap_or("").split_inclusive('\n') {
        out.push(Line {
            start: at,
            text: l.trim_end_matches(['\n', '\r']),
        });
        at += l.len();
    }
    out
}

/// True when the text holds a decision cue, even one whose list is cut
/// ("They agreed:" with nothing after it): the text records a meeting's
/// decisions.
pub fn cued(text: &str, cues: &Cues) -> bool {
    !cues.find(text).is_empty()
}

/// Every decision item of the text. A cue inside a list read already
/// ("1. On the reports, the RCGM concluded:") belongs to that list.
pub fn find(text: &str, cues: &Cues) -> Vec<Item> {
    find_cued(text, cues).0
}

/// [`find`], and whether the text holds a cue at all ([`cued`]), from one
/// search for the cues.
pub fn find_cued(text: &str, cues: &Cues) -> (Vec<Item>, bool) {
    let found = cues.find(text);
    let cued = !found.is_empty();
    let mut out: Vec<Item> = Vec::new();
    let mut done = 0;
    for cue in found {
        if cue.start < done {
            continue;
        }
        let items = list_after(text, cue, text.len(), cues);
        done = items.last().map_or(cue.end, |i| i.span.end);
        out.extend(items);
    }
    (out, cued)
}

/// The items of the list that follows one cue, up to `limit`.
fn list_after(text: &str, cue: Span, limit: usize, cues: &Cues) -> Vec<Item> {
    let lines = lines_from(text, cue.end, limit);
    // The rest of the cue's own line: inline items ("… SUSTANTIVOS 1. …").
    let first_rest = lines.first().map_or("", |l| l.text.trim());
    let inline = !first_rest.is_empty();
    let mut i = usize::from(!inline);
    // A lead-in of its own ("They agreed:" then "They reiterated:"): the
    // cue's list is empty (cut), and unmarked lines after belong to the
    // other lead-in, not to this cue.
    let mut other_lead = false;
    while let Some(l) = lines.get(i).filter(|l| {
        l.text.trim().is_empty()
            || is_subheading(l.text)
            || (marker(l.text).is_none() && cues.is_cue_line(l.text))
    }) {
        other_lead |= l.text.trim_end().ends_with(':') && !cues.is_cue_line(l.text);
        i += 1;
    }
    let Some(first) = lines.get(i) else {
        return Vec::new();
    };
    // A heading's list after one paragraph that introduces it ("Adopted
    // Recommendations" / "The recommendations below grew out of ...").
    if marker(first.text).is_none() && !inline && first.text.trim_end().ends_with('.') {
        let next = (i + 1..lines.len()).find(|&j| !lines[j].text.trim().is_empty());
        if let Some(j) = next.filter(|&j| j <= i + 2) {
            if let Some((kind, _, _)) = marker(lines[j].text) {
                return marked(text, &lines[j..], kind, cue, limit);
            }
        }
    }
    match marker(first.text) {
        Some((kind, _, _)) => marked(text, &lines[i..], kind, cue, limit),
        None if !inline
            && !other_lead
            && text
                .get(..cue.end)
                .is_some_and(|c| c.trim_end().ends_with(':')) =>
        {
            plain(&lines[i..], cue, cues)
        }
        None => Vec::new(),
    }
}

/// An unnumbered list: every line an item, until a blank line, a heading or
/// a new sentence of the record.
fn plain(lines: &[Line<'_>], cue: Span, cues: &Cues) -> Vec<Item> {
    let mut out = Vec::new();
    // The first item's first word: paragraphs that open with it go on the
    // list past a blank line ("To submit ..." / "To convene ..." / "To
    // request ...", one paragraph each).
    let opener = lines
        .iter()
        .find_map(|l| l.text.split_whitespace().next())
        .filter(|w| w.starts_with(char::is_uppercase));
    let mut gap = false;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() && !out.is_empty() {
            gap = true;
            continue;
        }
        if gap && opener != t.split_whitespace().next() {
            break;
        }
        gap = false;
        let first = words(t.split_whitespace().next().unwrap_or(""));
        let report = cues
            .report_verb
            .iter()
            .any(|e| !e.is_empty() && first.ends_with(e.as_str()));
        if t.is_empty() || is_subheading(t) || report {
            break;
        }
        let lead = l.text.len() - l.text.trim_start().len();
        out.push(Item {
            label: String::new(),
            span: Span {
                start: l.start + lead,
                end: l.start + lead + t.len(),
            },
            cue,
        });
    }
    out
}

/// Raw item of a marked list before headings are resolved.
struct Raw {
    kind: char,
    label: String,
    start: usize,
    end: usize,
}

/// A marked list whose first marker is of `kind`.
fn marked(text: &str, lines: &[Line<'_>], kind: char, cue: Span, limit: usize) -> Vec<Item> {
    let mut raws: Vec<Raw> = Vec::new();
    let mut blank = false;
    let mut first_close: Option<Option<char>> = None;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            blank = true;
            continue;
        }
        if let Some((k, label, at)) = marker(l.text) {
            if let Some(r) = raws.last_mut() {
                r.end = l.start;
            }
            // A number of the list's own kind, closed otherwise than its
            // first, that does not go on from the last ("1) 2) 3)", then
            // the record's paragraph "3. The Vice-Ministers thanked ..."):
            // the list has ended. (Copies restart a list's own numbering:
            // "1. 1. 1." is one list.)
            let close = Some(closing(l.text));
            if k == kind && close != first_close.or(close) && restarts(&raws, kind, &label) {
                break;
            }
            if k == kind && first_close.is_none() {
                first_close = close;
            }
            raws.push(Raw {
                kind: k,
                label,
                start: l.start + at,
                end: limit,
            });
            blank = false;
            continue;
        }
        let open = raws.last().is_some_and(|r| {
            text.get(r.start..l.start)
                .is_some_and(|s| s.trim_end().ends_with(':'))
        });
        let stop = (blank && !open) || (t.len() > 3 && t == t.to_uppercase() && is_subheading(t));
        if stop {
            if let Some(r) = raws.last_mut() {
                r.end = l.start;
            }
            break;
        }
        blank = false;
    }
    split_inline(text, &mut raws);
    resolve(text, &raws, kind, cue)
}

/// Whether `label` numbers no further than the last item of `kind`.
fn restarts(raws: &[Raw], kind: char, label: &str) -> bool {
    let last = raws.iter().rev().find(|r| r.kind == kind);
    match (
        last.and_then(|r| r.label.parse::<u32>().ok()),
        label.parse::<u32>(),
    ) {
        (Some(a), Ok(b)) => b <= a,
        _ => false,
    }
}

/// Numbered items run together on one line ("1. Reconocer … 2. Adoptar …"),
/// and bullets ("• Enhance … • Encourage …", ". Enhance … . Encourage …").
fn split_inline(text: &str, raws: &mut Vec<Raw>) {
    let mut out: Vec<Raw> = Vec::new();
    for r in raws.drain(..) {
        let mut cur = r;
        while cur.kind == '-' {
            let body = text.get(cur.start..cur.end).unwrap_or("");
            let next = [" . ", " • ", " · "].iter().find_map(|sep| {
                let at = body.find(sep).filter(|&a| {
                    body[a + sep.len()..].starts_with(char::is_uppercase)
                        && body[..a].trim_end().ends_with(['.', ';'])
                })?;
                Some((at, sep.len()))
            });
            let Some((at, len)) = next else { break };
            out.push(Raw {
                kind: cur.kind,
                label: String::new(),
                start: cur.start,
                end: cur.start + at,
            });
            cur = Raw {
                kind: cur.kind,
                label: String::new(),
                start: cur.start + at + len,
                end: cur.end,
            };
        }
        while let Some(n) = (cur.kind != 'o')
            .then(|| cur.label.parse::<u32>().ok())
            .flatten()
        {
            let body = text.get(cur.start..cur.end).unwrap_or("");
            let next = format!(" {}. ", n + 1);
            let Some(at) = body.find(&next).filter(|&a| {
                body[a + next.len()..].starts_with(char::is_uppercase)
                    && body[..a].trim_end().ends_with(['.', ';', ':'])
            }) else {
                break;
            };
            let split = cur.start + at;
            out.push(Raw {
                kind: cur.kind,
                label: cur.label.clone(),
                start: cur.start,
                end: split,
            });
            cur = Raw {
                kind: cur.kind,
                label: (n + 1).to_string(),
                start: split + next.len(),
                end: cur.end,
            };
        }
        out.push(cur);
    }
    *raws = out;
}

/// Items of the top level are decisions; one ending in a colon heads its
/// lettered children (which become the decisions) or, followed by an item
/// of its own level, is a heading only.
fn resolve(text: &str, raws: &[Raw], kind: char, cue: Span) -> Vec<Item> {
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(r) = raws.get(k) {
        if r.kind != kind {
            k += 1;
            continue;
        }
        let children: Vec<&Raw> = raws[k + 1..]
            .iter()
            .take_while(|c| c.kind != kind)
            .collect();
        let own = text.get(r.start..r.end).unwrap_or("").trim_end();
        let item = |label: String, x: &Raw, end: usize| Item {
            label,
            span: trimmed(text, x.start, end),
            cue,
        };
        let lettered = !children.is_empty() && children.iter().all(|c| c.kind == 'a');
        // "1. Liaison Officers Network" over "a) To approve …": a topic's
        // title heads the lettered items as a colon does.
        let heading = own.ends_with(':') || (lettered && title(own));
        if lettered && !heading && own.ends_with('.') {
            // "2. To thank Guatemala … a) To take note of …": the item is a
            // decision of its own, and so is each lettered one after it.
            out.push(item(r.label.clone(), r, r.end));
        }
        if lettered && (heading || own.ends_with('.')) {
            for c in &children {
                out.push(item(format!("{}.{}", r.label, c.label), c, c.end));
            }
        } else if !heading || !children.is_empty() || tail_text(text, r) {
            let end = children.last().map_or(r.end, |c| c.end);
            out.push(item(r.label.clone(), r, end));
        }
        k += 1 + children.len();
    }
    out
}

/// A topic's title: one short line that ends in no punctuation.
fn title(own: &str) -> bool {
    !own.is_empty()
        && own.len() <= 80
        && !own.contains('\n')
        && own.ends_with(|c: char| c.is_alphanumeric() || c == ')')
}

/// True when an item ending in a colon is followed by plain paragraphs
/// (they are its content) rather than by the next item at once.
fn tail_text(text: &str, r: &Raw) -> bool {
    let body = text.get(r.start..r.end).unwrap_or("").trim_end();
    body.find(":\n")
        .is_some_and(|at| !body[at + 1..].trim().is_empty())
        || body.matches(':').count() > 1
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = text.get(start..end).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    Span {
        start: start + lead,
        end: start + lead + s.trim().len(),
    }
}

mod markers;
#[cfg(test)]
mod tests;
