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
use crate::reference::series::{self, ordinal_word};
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
