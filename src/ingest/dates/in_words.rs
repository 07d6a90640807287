//! Days as a declaration's closing line writes them, the day and the year
//! in words or digits: `a los veinticuatro días del mes de marzo del año
//! dos mil`, `on the twenty-seventh day of June, two thousand and
//! nineteen`, `this 27th day of June 2019`. Their numbers are read from
//! the words of the profiles (`[numbers]`, the ordinals).

use super::{compile, day_value, mon, month_group, num, profile, year_of, Y};
use crate::ingest::pattern::{Hay, Pattern};
use crate::model::DateValue;
use regex::Captures;
use std::sync::OnceLock;

/// Words every such date holds, in normalized text: a sentence without
/// one is not searched.
const OF_MONTH: [&str; 2] = [" del mes de ", " day of "];

/// The patterns, whose numbers in words make them costly to build: built
/// when a text first has one of [`OF_MONTH`]. Groups: the day (digits or
/// words), the month, the year in digits, the year in words.
fn patterns() -> &'static [Pattern] {
    static P: OnceLock<Vec<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        let (m, w) = (month_group(), number());
        #[rustfmt::skip]
        let patterns = [
            format!(r"\b(?:a\s+)?(?:los\s+)?(\d{{1,2}}|{w})\s+dias?\s+del\s+mes\s+de\s+{m}\s*,?\s*(?:del?\s+)?(?:ano\s+)?(?:{Y}|({w}))\b"),
            format!(r"\b(?:(?:this|the)\s+)?(\d{{1,2}}|{w})(?:\s?(?:st|nd|rd|th))?\s+day\s+of\s+{m}\s*,?\s*(?:in\s+the\s+year\s+)?(?:{Y}|({w}))\b"),
        ];
        patterns.iter().map(|p| compile(p)).collect()
    })
}

/// A number written in words, as a pattern without groups: its words
/// (`[numbers]` and the ordinals of the profiles), joined by spaces,
/// hyphens or a joining word (`noventa y nueve`, `twenty-seventh`).
fn number() -> String {
    let (tokens, joiners) = profile::number_tokens();
    let t = profile::alternation(tokens.into_iter());
    let j = profile::alternation(joiners.into_iter());
    format!(r"(?:{t})(?:[\s-]+(?:(?:{j})\s+)?(?:{t})){{0,6}}")
}

/// Add the dates of this form in `hay` (normalized) to `cands`, each
/// from its day (what leads to it, `a los`, `the`, left out).
pub(super) fn find(hay: Hay<'_>, cands: &mut Vec<(usize, usize, Option<DateValue>)>) {
    if !OF_MONTH.iter().any(|w| hay.text.contains(w)) {
        return;
    }
    for re in patterns() {
        for c in re.captures_iter(hay) {
            let (Some(m), Some(day)) = (c.get(0), c.get(1)) else {
                continue;
            };
            cands.push((day.start(), m.end(), read(&c)));
        }
    }
}

fn read(c: &Captures) -> Option<DateValue> {
    let d = num(c, 1).or_else(|| in_words(c, 1))?;
    let y = year_of(c, 3).or_else(|| in_words::<i32>(c, 4))?;
    if !(1900..2100).contains(&y) {
        return None;
    }
    day_value(y, mon(c, 2)?, d, false)
}

/// The value of group `i` written in words (`veinticuatro`, `dos mil`).
fn in_words<T: TryFrom<u32>>(c: &Captures, i: usize) -> Option<T> {
    T::try_from(profile::number_in_words(c.get(i)?.as_str())?).ok()
}
