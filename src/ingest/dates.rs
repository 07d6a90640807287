//! Dates as Spanish and English reports write them, with their precision
//! (English: `March 24, 2000`, `March 23rd and 24th, 2000`, `May 21-22,
//! 2008`, `24 March 2000`, `March 2000`, `November 12-14`, `26-27th
//! June` and `the 24th of March` without their year). Spanish: days
//! (`21 de agosto 2002`, `15/12/2002`), day ranges (`29-31 de octubre de
//! 2002`, `8 y 9 de mayo`), months (`Setiembre 2001`), month ranges
//! (`noviembre 2002 – mayo 2003`), quarters and years. A day or month
//! without a year takes the year that puts it last on or before the
//! report's date (in an undated document, the year its other days of
//! that month carry), and is marked `inferred`; `del presente año` is the
//! report's year, also inferred. A date right after `al`, `antes del`,
//! `a más tardar el`... is a deadline.
//!
//! This file finds the shapes; what each means is `value.rs`, days and
//! years in words `in_words.rs`. Matching runs on normalized text ([`crate::text::normalize`]) and spans
//! are given back in bytes of the original text.

use super::pattern::{Hay, Pattern, PatternSet};
use super::profile;
use super::rules::compile;
use crate::model::{DateValue, Precision, Ymd};
use crate::text::{normalize_with_offsets, offset_at};
use std::sync::OnceLock;
use value::{day_value, mon, num, read, year_of};

/// What year-less dates are read against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The report's date (last day of its period): a year-less date is the
    /// last such date on or before it.
    pub anchor: Option<Ymd>,
    /// For an undated document, the one year its days of each month
    /// carry (`November 12, 2019` dates a later `November 12-14`),
    /// January first: a year-less day of such a month takes it.
    pub month_years: [Option<i32>; 12],
    /// For a document that states no single year (a span of years, "the
    /// 2019-2025 Work Plan", is a plan's period, not when it was written):
    /// a day without its year is read as a day of no stated year
    /// ([`Ymd::NO_YEAR`]) rather than left unread.
    pub yearless: bool,
}

impl DateContext {
    /// Read against `anchor` only.
    pub fn at(anchor: Option<Ymd>) -> DateContext {
        DateContext {
            anchor,
            ..DateContext::default()
        }
    }

    /// The one year the days of each month carry among `found` (dates
    /// stated with their year), where they agree.
    pub fn with_month_years(mut self, found: impl Iterator<Item = DateValue>) -> DateContext {
        let mut seen: [Option<Option<i32>>; 12] = [None; 12];
        for v in found.filter(|v| !v.inferred && meeting_days(v)) {
            let Some(slot) = seen.get_mut(usize::from(v.start.month).wrapping_sub(1)) else {
                continue;
            };
            *slot = match *slot {
                None => Some(Some(v.start.year)),
                Some(Some(y)) if y == v.start.year => Some(Some(y)),
                Some(_) => Some(None),
            };
        }
        self.month_years = seen.map(Option::flatten);
        self
    }
}

/// A date found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    /// `None` when the year could not be inferred (no report date).
    pub value: Option<DateValue>,
    /// Introduced by `al`, `antes del`, `a más tardar`...
    pub deadline: bool,
}

#[derive(Clone, Copy)]
enum Shape {
    CrossRange,
    CrossPair,
    DayRange,
    Day,
    Numeric,
    Iso,
    MonthRange,
    MonthYear,
    MonthRelative,
    Part,
    YearRange,
    Year,
    BareMonth,
    /// `30 November – 2 December 2005`, `November 30 - December 2, 2005`:
    /// days in two months, the year once at the end; with no year
    /// (`March 28 to April 1`), it is inferred as for Spanish days.
    EnCrossDayFirst,
    EnCrossMonthFirst,
    /// `March 23rd and 24th, 2000`, `May 21-22, 2008`.
    EnDayRange,
    /// `March 24, 2000`.
    EnDay,
    /// `23-24 March 2000`, `24 March 2000`.
    EnDayFirstRange,
    EnDayFirst,
    /// `November 12-14`, `March 24`: the year is inferred as for Spanish
    /// days.
    EnYearlessRange,
    EnYearlessDay,
    /// `26-27th June`, `the 24th of March`: day first without a year. A
    /// bare `24 March` is left unread: it is as often a heading's number
    /// before a month as a day.
    EnYearlessDayFirstRange,
    EnYearlessDayFirst,
    /// `yesterday (25/8)`, `esta semana (06/11)`: a day and month in
    /// parentheses after a word of a day near the document's own
    /// (`[dates] near`), day first; the year is inferred as for other
    /// days.
    NearDayMonth,
    /// `los días 13 y 14 del presente mes`, `el 5 de este mes`: days of
    /// the anchor's month and year (none without an anchor).
    ThisMonth,
}

/// What a text has that date shapes need, checked once per sentence: a
/// month name (the month group), a digit (`\d`), a year (`(?:19|20)\d\d`),
/// digits around a separator (`\d[/.-]\d`). Digits are read as
/// `char::is_numeric`, which every `\d` is.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Has {
    month: bool,
    digit: bool,
    year: bool,
    separated: bool,
}

impl Has {
    fn of(hay: Hay, month: &Pattern) -> Has {
        let text = hay.text;
        let (digit, year, separated) = if text.is_ascii() {
            digits(text.as_bytes(), |b: &u8| b.is_ascii_digit(), |&b| b)
        } else {
            let chars: Vec<char> = text.chars().collect();
            digits(
                &chars,
                |c: &char| c.is_numeric(),
                |&c| u8::try_from(c).unwrap_or(0),
            )
        };
        Has {
            month: month.is_match(hay),
            digit,
            year,
            separated,
        }
    }
}

/// Digit, year and separated digits (see [`Has`]) in a text's characters.
fn digits<T>(
    text: &[T],
    numeric: impl Fn(&T) -> bool,
    ascii: impl Fn(&T) -> u8,
) -> (bool, bool, bool) {
    let digit = text.iter().any(&numeric);
    if !digit {
        return (false, false, false);
    }
    let year = text.windows(4).any(|w| {
        matches!((ascii(&w[0]), ascii(&w[1])), (b'1', b'9') | (b'2', b'0'))
            && numeric(&w[2])
            && numeric(&w[3])
    });
    let separated = text
        .windows(3)
        .any(|w| numeric(&w[0]) && matches!(ascii(&w[1]), b'/' | b'.' | b'-') && numeric(&w[2]));
    (digit, year, separated)
}

impl Shape {
    /// What every match of the shape's pattern contains. A sentence
    /// without it is not searched for the shape: most sentences have no
    /// month name and no digit.
    fn needs(self) -> Has {
        let month = |digit, year| Has {
            month: true,
            digit,
            year,
            separated: false,
        };
        let digits = |year, separated| Has {
            month: false,
            digit: true,
            year,
            separated,
        };
        match self {
            Shape::CrossRange | Shape::CrossPair | Shape::DayRange | Shape::Day => {
                month(true, false)
            }
            Shape::EnDayRange | Shape::EnDay | Shape::EnDayFirstRange | Shape::EnDayFirst => {
                month(true, true)
            }
            // Their year may be left out.
            Shape::EnCrossDayFirst
            | Shape::EnCrossMonthFirst
            | Shape::EnYearlessRange
            | Shape::EnYearlessDay
            | Shape::EnYearlessDayFirstRange
            | Shape::EnYearlessDayFirst => month(true, false),
            Shape::MonthRange | Shape::MonthYear => month(true, true),
            Shape::MonthRelative | Shape::BareMonth => month(false, false),
            Shape::Numeric | Shape::NearDayMonth => digits(false, true),
            Shape::ThisMonth => digits(false, false),
            Shape::Iso => digits(true, true),
            Shape::Part | Shape::YearRange | Shape::Year => digits(true, false),
        }
    }

    /// True when a text that has `has` may hold the shape.
    fn possible(self, has: Has) -> bool {
        let n = self.needs();
        (!n.month || has.month)
            && (!n.digit || has.digit)
            && (!n.year || has.year)
            && (!n.separated || has.separated)
    }
}

struct Patterns {
    shapes: Vec<(Pattern, Shape)>,
    /// The shapes' patterns read at once: which of them match a text.
    any: Option<PatternSet>,
    deadline: Pattern,
    /// Any month name.
    month: Pattern,
}

/// The month-name group: every month of the profiles (`[dates] months`).
fn month_group() -> String {
    let months = profile::months().iter().map(|(w, _)| w.as_str());
    format!("({})", profile::alternation(months))
}

/// The month-name group with the short forms that keep their full stop
/// (`[dates] dotted`: "13 Sep. 2017", "Jan. 26, 1999"), for the English
/// shapes with a year only: in the others a short form is not read, and
/// every shape it would join costs its compilation at start-up.
fn dotted_month_group() -> String {
    let months = profile::months()
        .iter()
        .chain(profile::dotted_months())
        .map(|(w, _)| w.as_str());
    format!("({})", profile::alternation(months))
}
const Y: &str = r"((?:19|20)\d\d)";
const REL: &str = r"(?:\s+(?:del?|en)\s+(?:el\s+)?(presente ano|ano en curso|este ano|ano pasado|ano anterior|proximo ano|ano proximo|ano siguiente)|\s+(pasado|proximo))";

/// A date of one day, or of days less than a month apart (a meeting's
/// dates: `29 - 31 de octubre de 2007`, `30 de junio y 1 de julio de
/// 2022`), not a period of months.
pub(crate) fn meeting_days(v: &DateValue) -> bool {
    let (a, b) = (v.start, v.end);
    let next_month = (a.year == b.year && b.month == a.month + 1)
        || (b.year == a.year + 1 && a.month == 12 && b.month == 1);
    v.precision == Precision::Day
        || (v.precision == Precision::Range
            && ((a.year == b.year && a.month == b.month) || (next_month && b.day < a.day)))
}

/// The days from the first to the last of a sentence's single days, when
/// they fall in one month at most three days apart: the days of one
/// meeting written one by one ("the field visit ... the 24th of March and
/// ... the plenary meeting held the 25th of March, 2022").
pub(crate) fn days_apart(all: &[DateValue]) -> Option<DateValue> {
    let single: Vec<&DateValue> = all
        .iter()
        .filter(|d| d.precision == Precision::Day)
        .collect();
    let lo = single.iter().map(|d| d.start).min()?;
    let hi = single.iter().map(|d| d.start).max()?;
    let close =
        lo.year == hi.year && lo.month == hi.month && lo.day < hi.day && hi.day - lo.day <= 3;
    close.then(|| {
        let mut v = DateValue::range(DateValue::day(lo), DateValue::day(hi));
        // One day that states the year states it for all.
        v.inferred = single.iter().all(|d| d.inferred);
        v
    })
}

/// The shapes' patterns, with `month` for the month-name group and
/// `year` for the year.
fn shape_patterns(month: &str, dotted: &str, year: &str) -> Vec<(String, Shape)> {
    const M: &str = "{M}";
    const D: &str = "{D}";
    const Y: &str = "{Y}";
    // The year after "de", a comma, or in parentheses ("17 de abril
    // (2022)", as some press datelines write it).
    let ys = format!(r"(?:\s*(?:de|del|,|\()?\s*(?:ano\s+)?{Y})?");
    let sep = r"\s*(?:-|–|—|al|a|hasta el)\s*(?:el\s+)?";
    // "1º", and "1°", "1ro.", "1ero" as the press writes the first.
    let day = r"(\d{1,2})(?:o|°|ro\.?|ero)?";
    // "4th", and "4 th" as a copy may space it.
    let eday = r"(\d{1,2})(?:\s?(?:st|nd|rd|th)\b)?";
    // Between two days, a dash may come as " ? " in a copy that lost it
    // ("20 ? 22 June 2017").
    // Before an English year: a comma, spaced as a copy may space it
    // ("July 13th -14th , 2016"), or a space.
    // Or "de", as Spanish writes one ("junio 1 de 2022", "1 junio de
    // 2022").
    let ens = r"(?:\s*,\s*|\s+(?:del?\s+)?)";
    let near = format!(
        "(?:{})",
        profile::alternation(profile::near_days().iter().map(String::as_str))
    );
    let weekday = format!(
        "(?:{})",
        profile::alternation(profile::weekdays().iter().map(String::as_str))
    );
    #[rustfmt::skip]
    let shapes = vec![
        (format!(r"\b{day}\s+de\s+{M}{ys}{sep}{day}\s+de\s+{M}{ys}(?:{REL})?\b"), Shape::CrossRange),
        // "30 de junio y 1 de julio de 2022": two days that follow each other.
        (format!(r"\b{day}\s+de\s+{M}{ys}\s+y\s+(?:el\s+)?{day}\s+de\s+{M}{ys}(?:{REL})?\b"), Shape::CrossPair),
        (format!(r"\b{day}(?:\s*,\s*\d{{1,2}})*\s*,?\s*(?:-|–|—|al|a|y)\s*(?:el\s+)?{day}\s+de\s+{M}{ys}(?:{REL})?\b"), Shape::DayRange),
        (format!(r"\b{day}\s+de\s+{M}{ys}(?:{REL})?\b"), Shape::Day),
        (r"\b(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4}|\d{2})\b".to_string(), Shape::Numeric),
        (format!(r"\b{Y}-(\d\d)-(\d\d)\b"), Shape::Iso),
        (format!(r"\b{M}(?:\s+(?:de\s+|del\s+)?{Y})?\s*(?:-|–|—|a|al|hasta|y)\s*(?:el mes de\s+)?{M}\s*(?:de\s+|del\s+)?{Y}\b"), Shape::MonthRange),
        (format!(r"\b{M}\s*(?:de\s+|del\s+|,\s*)?(?:ano\s+)?{Y}\b"), Shape::MonthYear),
        (format!(r"\b{M}{REL}\b"), Shape::MonthRelative),
        (format!(r"\b(primer|segundo|tercer|cuarto)\s+(trimestre|semestre|cuatrimestre)\s+(?:de\s+|del\s+)?(?:ano\s+)?{Y}\b"), Shape::Part),
        (format!(r"\b{Y}\s*(?:-|–|—|al|a)\s*{Y}\b"), Shape::YearRange),
        (format!(r"\b(?:en|durante|el ano|del ano|desde|hasta)\s+(?:el\s+)?{Y}\b"), Shape::Year),
        (format!(r"\b(?:en|de|desde|hasta|durante|para|el mes de)\s+{M}\b"), Shape::BareMonth),
        // The year may be left out ("on March 28 to April 1").
        (format!(r"\b{eday}\s+(?:of\s+)?{M}\s*(?:-|–|—|to)\s*(?:the\s+)?{eday}\s+(?:of\s+)?{M}(?:{ens}{Y})?\b"), Shape::EnCrossDayFirst),
        (format!(r"\b{M}\s+{eday}\s*(?:-|–|—|to)\s*{M}\s+{eday}(?:{ens}{Y})?\b"), Shape::EnCrossMonthFirst),
        // "March1, 2024", as a copy may glue a month to its day.
        (format!(r"\b{D}\s*{eday}\s*(?:-|–|—|and|to|\s\?\s)\s*{eday}{ens}{Y}\b"), Shape::EnDayRange),
        (format!(r"\b{D}\s*{eday}{ens}{Y}\b"), Shape::EnDay),
        (format!(r"\b{eday}\s*(?:-|–|—|and|to|\s\?\s)\s*(?:the\s+)?{eday}\s+(?:of\s+)?{D}{ens}{Y}\b"), Shape::EnDayFirstRange),
        (format!(r"\b{eday}\s+(?:of\s+)?{D}{ens}{Y}\b"), Shape::EnDayFirst),
        (format!(r"\b{M}\s+{eday}\s*(?:-|–|—|and|to)\s*(?:the\s+)?{eday}\b"), Shape::EnYearlessRange),
        (format!(r"\b{M}\s+{eday}\b"), Shape::EnYearlessDay),
        (format!(r"\b{eday}\s*(?:-|–|—|and|to)\s*(?:the\s+)?{eday}\s+(?:of\s+)?{M}\b"), Shape::EnYearlessDayFirstRange),
        // "the 24th of March", "on 7 May", "Wednesday 7 May": a bare "7 May"
        // is not read ("Article 7 may apply").
        (format!(r"\b(?:the|on|{weekday}\s*,?)\s+(?:the\s+)?{eday}\s+(?:of\s+)?{M}\b"), Shape::EnYearlessDayFirst),
        (format!(r"\b{near}\s*\((\d{{1,2}})/(\d{{1,2}})\)"), Shape::NearDayMonth),
        (format!(r"\b{day}(?:{sep}{day}|\s+y\s+(?:el\s+)?{day})?\s+(?:del\s+(?:presente mes|mes en curso)|de\s+este\s+mes)\b"), Shape::ThisMonth),
    ];
    shapes
        .into_iter()
        .map(|(p, shape)| {
            let p = p.replace(M, month).replace(D, dotted).replace(Y, year);
            (p, shape)
        })
        .collect()
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        // A shape that needs a month name is gated on month names, which
        // `find_normalized` checks once for all of them.
        let shapes: Vec<(Pattern, Shape)> =
            shape_patterns(&month_group(), &dotted_month_group(), Y)
                .into_iter()
                .map(|(p, s)| {
                    let re = if s.needs().month {
                        Pattern::ungated(&p).expect("date pattern")
                    } else {
                        compile(&p)
                    };
                    (re, s)
                })
                .collect();
        let all: Vec<&Pattern> = shapes.iter().map(|(p, _)| p).collect();
        Patterns {
            any: PatternSet::new(&all).ok(),
            shapes,
            deadline: compile(&super::profile::follow_up_pattern(
                |f| &f.deadline_before,
                r"\s*$",
            )),
            month: compile(&dotted_month_group()),
        }
    })
}

/// Every date in `text`, in order, without overlaps (the longest reading
/// wins where two start together).
pub fn find(text: &str, ctx: &DateContext) -> Vec<FoundDate> {
    let (norm, map) = normalize_with_offsets(text);
    find_normalized(&norm, &map, ctx)
}

/// [`find`] over text already normalized with its offset map (a
/// sentence's [`Sentence::hay`](super::sentence::Sentence::hay)).
pub fn find_normalized<'h>(
    norm: impl Into<Hay<'h>>,
    map: &[u32],
    ctx: &DateContext,
) -> Vec<FoundDate> {
    let p = patterns();
    let hay = norm.into();
    let norm = hay.text;
    let mut cands: Vec<(usize, usize, Option<DateValue>)> = Vec::new();
    let has = Has::of(hay, &p.month);
    let possible = p.shapes.iter().filter(|(_, s)| s.possible(has)).count();
    // Which shapes match at all, in one scan, when more than one could.
    let matching = (possible > 1)
        .then(|| p.any.as_ref().map(|a| a.matches(hay)))
        .flatten();
    for (i, (re, shape)) in p.shapes.iter().enumerate() {
        if !shape.possible(has) || matching.as_ref().is_some_and(|m| !m.matched(i)) {
            continue;
        }
        for c in re.captures_iter(hay) {
            let Some(m) = c.get(0) else { continue };
            // "the 24th of March", not "the 12 may join".
            if matches!(shape, Shape::EnYearlessDayFirst)
                && m.as_str().starts_with("the")
                && !m.as_str().contains(" of ")
            {
                continue;
            }
            let mut start = m.start();
            // Leading words the pattern needs but the date does not include.
            if matches!(
                shape,
                Shape::BareMonth | Shape::Year | Shape::EnYearlessDayFirst | Shape::NearDayMonth
            ) {
                if let Some(g) = c.get(1) {
                    start = g.start();
                }
            }
            // The closing parenthesis the pattern needs is not the date's.
            let end = match shape {
                Shape::NearDayMonth => c.get(2).map_or(m.end(), |g| g.end()),
                _ => m.end(),
            };
            cands.push((start, end, read(*shape, &c, ctx)));
        }
    }
    if has.month {
        in_words::find(hay, &mut cands);
    }
    cands.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<FoundDate> = Vec::new();
    let mut last_end = 0;
    for (s, e, value) in cands {
        if s < last_end {
            continue;
        }
        last_end = e;
        let deadline = p.deadline.is_match(&norm[..s]);
        let (Some(os), Some(oe)) = (offset_at(map, s), offset_at(map, e)) else {
            continue;
        };
        out.push(FoundDate {
            start: os,
            end: oe.max(os),
            value,
            deadline,
        });
    }
    out
}

/// Read a whole string as one date (for parentheticals such as
/// `(San José, marzo 2001)` and footnote lists), including a bare year.
pub fn parse_one(text: &str, ctx: &DateContext) -> Option<DateValue> {
    let t = text.trim().trim_end_matches(['.', ',', ';']);
    if let Ok(y) = t.parse::<i32>() {
        return (1900..2100).contains(&y).then(|| DateValue::year(y));
    }
    let found = find(t, ctx);
    match found.as_slice() {
        [d] if t.get(d.end..).is_some_and(|rest| rest.trim().is_empty())
            && t.get(..d.start).is_some_and(|lead| {
                matches!(
                    crate::text::normalize(lead).as_str(),
                    "" | "en" | "de" | "del"
                )
            }) =>
        {
            d.value
        }
        _ => None,
    }
}

/// Spanish display of a date for names: "octubre 2002", "2002".
pub fn display_month(d: &DateValue) -> String {
    match d.precision {
        Precision::Year => d.start.year.to_string(),
        // A month of no stated year is named by its month alone.
        _ if d.start.yearless() => profile::month_name(d.start.month).to_string(),
        _ => format!("{} {}", profile::month_name(d.start.month), d.start.year),
    }
}

/// Width of a date in days (roughly): smaller is more precise.
pub fn width(d: &DateValue) -> i64 {
    let f = |y: &Ymd| i64::from(y.year) * 372 + i64::from(y.month) * 31 + i64::from(y.day);
    f(&d.end) - f(&d.start)
}

mod in_words;
#[cfg(test)]
mod tests;
mod value;
