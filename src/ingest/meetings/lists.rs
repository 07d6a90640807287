//! Numbered meetings of a series written as a list: ordinals before a
//! name in the plural, with a list of places and dates after it ("la
//! Primera, Segunda y Tercera Conferencias Sudamericanas sobre
//! Migraciones, celebradas en Buenos Aires, en mayo de 2000, en Santiago
//! de Chile, en abril de 2001 y en Quito, en agosto de 2002"), each with
//! the place and date given for it in the same order.

use super::series_refs::{ordinal_token, target};
use super::tail::parse_tail;
use super::{alternation, with_tail, Env, MeetingRef};
use crate::ingest::pattern::Pattern;
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use crate::reference::from_long_roman;
use crate::reference::series::{self, ordinal_word};
use std::sync::OnceLock;

/// Two or more ordinals joined by commas and a conjunction, the meeting
/// words of a series, its name.
fn list_pattern() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let all = series::bundled();
        let ord = ordinal_token();
        let words = alternation(all.iter().flat_map(|s| &s.meeting_words).map(String::as_str));
        let names = alternation(
            all.iter()
                .flat_map(|s| s.names.iter().chain(std::iter::once(&s.acronym)))
                .map(String::as_str),
        );
        compile(&format!(
            r"\b(?P<ords>{ord}(?:\s*,\s*{ord})*\s*,?\s+(?:y|e|and)\s+{ord})\s+(?:(?:{words})\s+(?:de\s+la\s+|del\s+|of\s+the\s+|of\s+)?)?(?P<body>{names})\b"
        ))
    })
}

/// The numbers of a list of ordinals in normalized text (`primera,
/// segunda y tercera`, `i, ii and iii`, `decima septima y decima octava`).
fn ordinals(list: &str) -> Option<Vec<u32>> {
    let numbers: Option<Vec<u32>> = list
        .split(',')
        .flat_map(|part| part.split(" y ").flat_map(|p| p.split(" e ")))
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| from_long_roman(w).or_else(|| ordinal_word(w)))
        .collect();
    numbers.filter(|v| v.len() >= 2)
}

/// Numbered meetings written as a list, each with the place and date
/// given for it in the same order.
pub(super) fn listed(s: &Sentence, env: &Env) -> Vec<MeetingRef> {
    let mut refs = Vec::new();
    for c in list_pattern().captures_iter(s.hay()) {
        let (Some(m), Some(ords), Some(body)) = (c.get(0), c.name("ords"), c.name("body")) else {
            continue;
        };
        let Some(series) = series::by_name(body.as_str()) else {
            continue;
        };
        let Some(numbers) = ordinals(ords.as_str()) else {
            continue;
        };
        let (start, end) = (s.orig(m.start()), s.end_of(m.end()));
        let mut pos = end;
        for n in numbers {
            let t = parse_tail(s, pos, env);
            let mut r = MeetingRef::new(start, end, target(series, n));
            if t.end > pos {
                r = with_tail(r, &t);
                r.start = start;
                pos = after_conjunction(s, t.end);
            }
            refs.push(r);
        }
    }
    refs
}

/// The offset after `, y` / ` and ` that joins the last item of a list.
fn after_conjunction(s: &Sentence, at: usize) -> usize {
    let rest = s.text.get(at..).unwrap_or("");
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let skipped = ["y ", "e ", "and "]
        .iter()
        .find_map(|c| trimmed.strip_prefix(c))
        .map_or(trimmed, |r| r);
    at + rest.len() - skipped.len()
}
