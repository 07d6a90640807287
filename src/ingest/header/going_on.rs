//! The sentence after the one that says a meeting was held, going on
//! about that meeting (`[places] it`: "La reunión, que ...", "The
//! Conference, which ..."): the days it gives are the meeting's.

use super::{held_sentence, Held};
use crate::ingest::meetings::Env;
use crate::ingest::profile::words;
use crate::ingest::sentence::Sentence;
use crate::model::{DateValue, Precision};

/// A sentence that says a meeting was held, with its place but no days,
/// and the next sentence that goes on about that meeting with its days
/// ("... se abrió, en la sede de ... en Montevideo, la primera Reunión
/// Plenaria ... La reunión, que ocupará los días 8 y 9 de mayo, ...").
pub(super) fn days_after(s: &Sentence, next: &Sentence, limit: usize, env: &Env) -> Option<Held> {
    if next.span.start >= limit || !goes_on(next, env) {
        return None;
    }
    let mut h = held_sentence(s, next, env)?;
    h.city.as_ref()?;
    h.span.end = next.span.end;
    Some(h)
}

/// A meeting held from one day, and the next sentence going on about it
/// with a later day of the same week right after a word of its closing
/// (`[places] closed`: "opened this week (14/11) ... The Conference,
/// which closed on Thursday (16/11), ..."): held from the first day to
/// that one. A later day of something else ("whose report will be
/// delivered on Friday (17/11)") is not the meeting's.
pub(super) fn last_day_after(
    mut h: Held,
    next: Option<&Sentence>,
    limit: usize,
    env: &Env,
) -> Held {
    let Some(first) = h.date.filter(|d| d.precision == Precision::Day) else {
        return h;
    };
    let Some(next) = next.filter(|n| n.span.start < limit && goes_on(n, env)) else {
        return h;
    };
    let closed = env.places(|p| &p.closed);
    let closing = |at: usize| {
        let before = words(next.text.get(..at).unwrap_or(""));
        let last: Vec<&str> = before.rsplit(' ').take(CLOSING_GAP).collect();
        let near = last.into_iter().rev().collect::<Vec<_>>().join(" ");
        closed
            .iter()
            .any(|c| crate::ingest::profile::find_phrase(&near, c).is_some())
    };
    let later = next
        .dates
        .iter()
        .filter(|d| closing(d.start))
        .filter_map(|d| d.value)
        .find(|d| {
            let (a, b) = (first.start, d.start);
            d.precision == Precision::Day
                && (a.year, a.month) == (b.year, b.month)
                && (a.day + 1..=a.day + 6).contains(&b.day)
        });
    if let Some(last) = later {
        h.date = Some(DateValue {
            end: last.start,
            precision: Precision::Range,
            ..first
        });
        h.span.end = next.span.end;
    }
    h
}

/// How many words before a day may hold the word of closing ("closed on
/// Thursday").
const CLOSING_GAP: usize = 4;

/// Whether a sentence opens with words of `[places] it` ("La reunión,
/// que ...", "The Conference, which ...").
fn goes_on(next: &Sentence, env: &Env) -> bool {
    let opens = words(
        next.text
            .trim_start()
            .get(..40)
            .unwrap_or(next.text.trim_start()),
    );
    let it = env.places(|p| &p.it);
    it.iter().any(|w| opens.starts_with(&format!("{w} ")))
}
