//! A meeting of the document's own series that the series numbers on its
//! own (`[[sub_meetings]]` of its profile), written as an ordinal and the
//! sub-meeting's words alone: "The 22nd Senior Officials Meeting will take
//! place in Istanbul" on a page of the Budapest Process is
//! `budapest-som-22`, and a list's heading "21st Senior Officials Meeting"
//! is `budapest-som-21`. The words are the series' own, so an ordinal in
//! digits names the meeting too (unless it is a day, see
//! [`digits_named`]); a name after the words ("… Meeting of the Colombo
//! Process") is another series' and is left to the numbered references.

use super::series_refs::{digits_named, ordinal_token};
use super::tail::parse_tail;
use super::{alternation, overlaps, with_tail, Env, MeetingRef, Target};
use crate::ingest::pattern::Pattern;
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use crate::reference::from_long_roman;
use crate::reference::series::{self, ordinal_word, Series};
use crate::text::normalize;
use std::sync::OnceLock;

/// An ordinal and the words of any series' sub-meeting.
fn pattern() -> Option<&'static Pattern> {
    static P: OnceLock<Option<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        let words: Vec<&str> = series::bundled()
            .iter()
            .flat_map(|s| &s.sub_meetings)
            .flat_map(|m| &m.words)
            .map(String::as_str)
            .collect();
        if words.is_empty() {
            return None;
        }
        let ord = ordinal_token();
        let words = alternation(words.into_iter());
        Some(compile(&format!(r"\b(?P<ord>{ord})\s+(?P<w>{words})\b")))
    })
    .as_ref()
}

/// Sub-meetings of the document's series named by an ordinal alone.
pub(super) fn of_the_document(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let Some(series) = env.series.as_deref().and_then(series::by_key) else {
        return;
    };
    let Some(pattern) = pattern() else { return };
    for c in pattern.captures_iter(s.hay()) {
        let (Some(m), Some(ord), Some(w)) = (c.get(0), c.name("ord"), c.name("w")) else {
            continue;
        };
        let Some(sub) = series
            .sub_meetings
            .iter()
            .find(|x| x.words.iter().any(|y| normalize(y) == w.as_str()))
        else {
            continue;
        };
        let (a, b) = (s.orig(m.start()), s.end_of(m.end()));
        if overlaps(refs, a, b) || named_after(s, b) {
            continue;
        }
        let raw = s.slice(a, s.end_of(ord.end()));
        let n = if raw
            .chars()
            .all(|ch| matches!(ch, 'I' | 'V' | 'X' | 'L' | 'C'))
        {
            from_long_roman(raw)
        } else if raw.starts_with(|c: char| c.is_ascii_digit()) {
            digits_named(s, a, s.orig(w.start()))
                .then(|| ordinal_word(ord.as_str()))
                .flatten()
        } else {
            ordinal_word(ord.as_str())
        };
        let Some(ordinal) = n else { continue };
        let target = Target::Numbered {
            body: format!("{} {}", series.key(), sub.key),
            ordinal,
        };
        let r = MeetingRef::new(a, b, target);
        refs.push(with_tail(r, &parse_tail(s, b, env)));
    }
}

/// Whether a name goes on after the words, on the same line ("… Meeting
/// of the Colombo Process", "… Meeting Bangkok Declaration").
fn named_after(s: &Sentence, b: usize) -> bool {
    let next = s
        .text
        .get(b..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t', '\'', '’']);
    let first: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    first.chars().next().is_some_and(char::is_uppercase)
        || matches!(first.to_lowercase().as_str(), "de" | "del" | "of" | "for")
}

/// A sub-meeting named without an ordinal, with its series' name before
/// or after the words ("The Prague Process Senior Officials' Meeting",
/// "The Senior Officials' Meeting of the Bali Process"): the series'
/// sub-meeting of the days the sentence says it was held, keyed by month
/// (`prague-som-2016-11`). Its days follow it, or follow the first words
/// of holding after it ("…, the last SOM held under …, took place in
/// Vilnius on 24-25 November 2016") when no other meeting comes between.
pub(super) fn unnumbered(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let Some(p) = words_pattern() else {
        return;
    };
    for (wa, wb) in s.find(p) {
        let named = series_before(s, wa)
            .map(|(a, series)| ((a, wb), series))
            .or_else(|| series_after(s, wb).map(|(b, series)| ((wa, b), series)));
        let Some(((a, b), series)) = named else {
            continue;
        };
        let w = s.norm_between(wa, wb);
        let Some(sub) = series
            .sub_meetings
            .iter()
            .find(|y| y.words.iter().any(|z| normalize(z) == w))
        else {
            continue;
        };
        if overlaps(refs, a, b) {
            continue;
        }
        let mut tail = parse_tail(s, b, env);
        if tail.date.is_none() {
            // A meeting named between is the one the words describe ("The
            // Prague Process SOM, the fourth preparatory SOM for the 3rd
            // Ministerial Conference, took place …").
            if refs.iter().any(|r| b <= r.start) {
                continue;
            }
            if let Some(t) = held_later(s, b, env) {
                tail = t;
            }
        }
        let body = format!("{} {}", series.key(), sub.key);
        let r = MeetingRef::new(a, b, Target::Dated { body });
        refs.push(with_tail(r, &tail));
    }
}

/// The series named right before `at` ("The Prague Process Senior
/// Officials' Meeting"), with where its name starts.
fn series_before(s: &Sentence, at: usize) -> Option<(usize, &'static Series)> {
    let before = s.norm_before(at).trim_end();
    names().iter().find_map(|(name, series)| {
        let rest = before.strip_suffix(name.as_str())?;
        rest.is_empty()
            .then_some(0)
            .or_else(|| rest.ends_with(' ').then_some(rest.len()))
            .map(|n| (s.orig(n), *series))
    })
}

/// The series named right after `at` behind a word of belonging ("…
/// Meeting of the Bali Process"), with where its name ends.
fn series_after(s: &Sentence, at: usize) -> Option<(usize, &'static Series)> {
    let after = s.norm_after(at);
    let lead = after.len() - after.trim_start().len();
    let rest = after.trim_start();
    let (of, rest) = ["of the ", "of ", "de la ", "del "]
        .iter()
        .find_map(|w| rest.strip_prefix(w).map(|r| (w.len(), r)))?;
    names().iter().find_map(|(name, series)| {
        let tail = rest.strip_prefix(name.as_str())?;
        let ends = !tail.starts_with(|c: char| c.is_alphanumeric());
        ends.then(|| (s.end_of(s.norm_at(at) + lead + of + name.len()), *series))
    })
}

/// The normalized names of every series with sub-meetings, longest first.
fn names() -> &'static [(String, &'static Series)] {
    static N: OnceLock<Vec<(String, &'static Series)>> = OnceLock::new();
    N.get_or_init(|| {
        let mut all: Vec<(String, &'static Series)> = series::bundled()
            .iter()
            .filter(|s| !s.sub_meetings.is_empty())
            .flat_map(|s| {
                s.names
                    .iter()
                    .chain(std::iter::once(&s.acronym))
                    .map(move |n| (normalize(n), s))
            })
            .collect();
        all.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        all
    })
}

/// The place and days after the first finite words of holding past `b`
/// ("took place", "was held"), when they are the sub-meeting's own.
fn held_later(s: &Sentence, b: usize, env: &Env) -> Option<super::tail::Tail> {
    static P: OnceLock<Pattern> = OnceLock::new();
    let p = P.get_or_init(|| {
        compile(r"\b(?:took place|was held|were held|tuvo lugar|se celebro|se realizo|se llevo a cabo)\b")
    });
    let at = s.norm_at(b);
    let m = p.find(s.hay_after(b))?;
    let verb = s.orig(at + m.start());
    // The verb is the sub-meeting's when it follows the words or the
    // comma (or bracket) that closes an aside after them; "…, which was
    // held in Islamabad" or "the Ad Hoc Group was held" tell of another.
    let before = s.text.get(b..verb)?.trim_end();
    if !(before.is_empty() || before.ends_with([',', ')'])) {
        return None;
    }
    let t = parse_tail(s, verb, env);
    t.date.is_some().then_some(t)
}

/// The words of every series' sub-meetings.
fn words_pattern() -> Option<&'static Pattern> {
    static P: OnceLock<Option<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        let words = alternation(
            series::bundled()
                .iter()
                .flat_map(|s| &s.sub_meetings)
                .flat_map(|m| &m.words)
                .map(String::as_str),
        );
        (!words.is_empty()).then(|| compile(&format!(r"\b(?:{words})\b")))
    })
    .as_ref()
}
