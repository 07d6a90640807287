//! What a matched date shape means: the day, month or span it names,
//! with the year it states, or one inferred against the document's
//! date (the last on or before it) or the year the text gives days of
//! the same month.

use super::{profile, DateContext, Shape};
use crate::model::{DateValue, Precision, Ymd};
use regex::Captures;

pub(super) fn year_of(c: &Captures, i: usize) -> Option<i32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

pub(super) fn num(c: &Captures, i: usize) -> Option<u8> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

pub(super) fn mon(c: &Captures, i: usize) -> Option<u8> {
    c.get(i).and_then(|m| profile::month(m.as_str()))
}

/// The year a relative phrase names, against the anchor.
fn relative_year(word: &str, ctx: &DateContext) -> Option<i32> {
    let y = ctx.anchor?.year;
    Some(match word {
        "presente ano" | "ano en curso" | "este ano" => y,
        "ano pasado" | "ano anterior" => y - 1,
        "proximo ano" | "ano proximo" | "ano siguiente" => y + 1,
        _ => return None,
    })
}

/// Year for a day-month without one: the last on or before the anchor
/// (or the first after it when `next`).
fn infer_year(month: u8, day: u8, ctx: &DateContext, next: bool) -> Option<i32> {
    let stated = usize::from(month)
        .checked_sub(1)
        .and_then(|m| ctx.month_years.get(m));
    if let Some(&Some(y)) = stated {
        return Some(y);
    }
    let Some(a) = ctx.anchor else {
        // A text that states no year at all: the day of no stated year.
        return ctx.yearless.then_some(Ymd::NO_YEAR);
    };
    let y = a.year;
    let this = (month, day) <= (a.month, a.day);
    Some(match (next, this) {
        (false, true) => y,
        (false, false) => y - 1,
        (true, true) => y + 1,
        (true, false) => y,
    })
}

/// A day; `None` for a year before any (the year before a day of no
/// stated year, in a span across New Year).
pub(super) fn day_value(y: i32, m: u8, d: u8, inferred: bool) -> Option<DateValue> {
    if y < Ymd::NO_YEAR {
        return None;
    }
    let mut v = DateValue::day(Ymd::checked(y, m, d)?);
    v.inferred = inferred;
    Some(v)
}

pub(super) fn month_value(y: i32, m: u8, inferred: bool) -> Option<DateValue> {
    if !(1..=12).contains(&m) || y < Ymd::NO_YEAR {
        return None;
    }
    let mut v = DateValue::month(y, m);
    v.inferred = inferred;
    Some(v)
}

/// Year of a day or month: explicit, relative, or inferred.
fn resolve_year(
    explicit: Option<i32>,
    rel: Option<&str>,
    m: u8,
    d: u8,
    ctx: &DateContext,
) -> Option<(i32, bool)> {
    if let Some(y) = explicit {
        return Some((y, false));
    }
    match rel {
        Some("pasado") => infer_year(m, d, ctx, false).map(|y| (y, true)),
        Some("proximo") => infer_year(m, d, ctx, true).map(|y| (y, true)),
        Some(r) => relative_year(r, ctx).map(|y| (y, true)),
        None => infer_year(m, d, ctx, false).map(|y| (y, true)),
    }
}

fn rel_of<'a>(c: &'a Captures, a: usize, b: usize) -> Option<&'a str> {
    c.get(a).or_else(|| c.get(b)).map(|m| m.as_str())
}

pub(super) fn read(shape: Shape, c: &Captures, ctx: &DateContext) -> Option<DateValue> {
    match shape {
        Shape::CrossRange => {
            // day1 month1 year1? day2 month2 year2? rel
            let (d1, m1, d2, m2) = (num(c, 1)?, mon(c, 2)?, num(c, 4)?, mon(c, 5)?);
            let (y2, inf2) = resolve_year(year_of(c, 6), rel_of(c, 7, 8), m2, d2, ctx)?;
            let y1 = year_of(c, 3).unwrap_or(if m1 <= m2 { y2 } else { y2 - 1 });
            let a = day_value(y1, m1, d1, inf2)?;
            let b = day_value(y2, m2, d2, inf2)?;
            (a.start <= b.start).then(|| DateValue::range(a, b))
        }
        Shape::CrossPair => {
            let (d1, m1, d2, m2) = (num(c, 1)?, mon(c, 2)?, num(c, 4)?, mon(c, 5)?);
            let (y2, inf2) = resolve_year(year_of(c, 6), rel_of(c, 7, 8), m2, d2, ctx)?;
            let y1 = year_of(c, 3).unwrap_or(if m1 <= m2 { y2 } else { y2 - 1 });
            // Only the last day of a month and the first of the next.
            let next_month = (y1 == y2 && m2 == m1 + 1) || (y2 == y1 + 1 && m1 == 12 && m2 == 1);
            let follows =
                next_month && d2 == 1 && u32::from(d1) == u32::from(Ymd::days_in_month(y1, m1));
            if !follows {
                return None;
            }
            let a = day_value(y1, m1, d1, inf2)?;
            let b = day_value(y2, m2, d2, inf2)?;
            Some(DateValue::range(a, b))
        }
        Shape::DayRange => {
            let (d1, d2, m) = (num(c, 1)?, num(c, 2)?, mon(c, 3)?);
            // Without a word of time, a span under way on the anchor's day
            // is this year's (its first day decides, see `yearless_range`).
            let rel = rel_of(c, 5, 6);
            let d = if rel.is_none() { d1 } else { d2 };
            let (y, inf) = resolve_year(year_of(c, 4), rel, m, d, ctx)?;
            let a = day_value(y, m, d1, inf)?;
            let b = day_value(y, m, d2, inf)?;
            (d1 < d2).then(|| DateValue::range(a, b))
        }
        Shape::Day => {
            let (d, m) = (num(c, 1)?, mon(c, 2)?);
            let (y, inf) = resolve_year(year_of(c, 3), rel_of(c, 4, 5), m, d, ctx)?;
            day_value(y, m, d, inf)
        }
        Shape::Numeric => {
            let (d, m) = (num(c, 1)?, num(c, 3)?);
            let raw = c.get(4)?.as_str();
            let y: i32 = raw.parse().ok()?;
            let y = if raw.len() == 2 { 2000 + y } else { y };
            if !(1900..2100).contains(&y) {
                return None;
            }
            day_value(y, m, d, false)
        }
        Shape::NearDayMonth => {
            let (d, m) = (num(c, 1)?, num(c, 2)?);
            let (y, inf) = resolve_year(None, None, m, d, ctx)?;
            day_value(y, m, d, inf)
        }
        Shape::ThisMonth => {
            let a = ctx.anchor.filter(|a| !a.yearless())?;
            let d1 = num(c, 1)?;
            let first = day_value(a.year, a.month, d1, true)?;
            match num(c, 2).or_else(|| num(c, 3)) {
                Some(d2) if d2 > d1 => {
                    let mut v = DateValue::range(first, day_value(a.year, a.month, d2, true)?);
                    v.inferred = true;
                    Some(v)
                }
                Some(_) => None,
                None => Some(first),
            }
        }
        Shape::Iso => day_value(year_of(c, 1)?, num(c, 2)?, num(c, 3)?, false),
        Shape::MonthRange => {
            let (m1, m2, y2) = (mon(c, 1)?, mon(c, 3)?, year_of(c, 4)?);
            let y1 = year_of(c, 2).unwrap_or(if m1 <= m2 { y2 } else { y2 - 1 });
            let a = month_value(y1, m1, false)?;
            let b = month_value(y2, m2, false)?;
            (a.start < b.start).then(|| DateValue::range(a, b))
        }
        Shape::MonthYear => month_value(year_of(c, 2)?, mon(c, 1)?, false),
        Shape::MonthRelative => {
            let m = mon(c, 1)?;
            let (y, inf) = resolve_year(None, rel_of(c, 2, 3), m, 1, ctx)?;
            month_value(y, m, inf)
        }
        Shape::Part => {
            let y = year_of(c, 3)?;
            let index: u8 = match c.get(1)?.as_str() {
                "primer" => 0,
                "segundo" => 1,
                "tercer" => 2,
                _ => 3,
            };
            let len: u8 = match c.get(2)?.as_str() {
                "trimestre" => 3,
                "cuatrimestre" => 4,
                _ => 6,
            };
            let first = index * len + 1;
            let last = first + len - 1;
            if last > 12 {
                return None;
            }
            let mut v =
                DateValue::range(month_value(y, first, false)?, month_value(y, last, false)?);
            v.precision = Precision::Range;
            Some(v)
        }
        Shape::YearRange => {
            let (a, b) = (year_of(c, 1)?, year_of(c, 2)?);
            (a < b).then(|| DateValue::range(DateValue::year(a), DateValue::year(b)))
        }
        Shape::Year => Some(DateValue::year(year_of(c, 1)?)),
        Shape::BareMonth => {
            let m = mon(c, 1)?;
            let (y, inf) = resolve_year(None, None, m, 1, ctx)?;
            month_value(y, m, inf)
        }
        Shape::EnCrossDayFirst => {
            let days = ((mon(c, 2)?, num(c, 1)?), (mon(c, 4)?, num(c, 3)?));
            match year_of(c, 5) {
                Some(y) => english_cross(y, days.0, days.1),
                None => yearless_cross(days.0, days.1, ctx),
            }
        }
        Shape::EnCrossMonthFirst => {
            let days = ((mon(c, 1)?, num(c, 2)?), (mon(c, 3)?, num(c, 4)?));
            match year_of(c, 5) {
                Some(y) => english_cross(y, days.0, days.1),
                None => yearless_cross(days.0, days.1, ctx),
            }
        }
        Shape::EnDayRange => english_range(year_of(c, 4)?, mon(c, 1)?, num(c, 2)?, num(c, 3)?),
        Shape::EnDay => day_value(year_of(c, 3)?, mon(c, 1)?, num(c, 2)?, false),
        Shape::EnDayFirstRange => english_range(year_of(c, 4)?, mon(c, 3)?, num(c, 1)?, num(c, 2)?),
        Shape::EnDayFirst => day_value(year_of(c, 3)?, mon(c, 2)?, num(c, 1)?, false),
        Shape::EnYearlessRange => yearless_range(mon(c, 1)?, num(c, 2)?, num(c, 3)?, ctx),
        Shape::EnYearlessDayFirstRange => yearless_range(mon(c, 3)?, num(c, 1)?, num(c, 2)?, ctx),
        Shape::EnYearlessDayFirst => {
            let (m, d) = (mon(c, 2)?, num(c, 1)?);
            let (y, inf) = resolve_year(None, None, m, d, ctx)?;
            day_value(y, m, d, inf)
        }
        Shape::EnYearlessDay => {
            let (m, d) = (mon(c, 1)?, num(c, 2)?);
            let (y, inf) = resolve_year(None, None, m, d, ctx)?;
            day_value(y, m, d, inf)
        }
    }
}

/// Days `d1` to `d2` of one month written without its year: the year
/// of its first day, so that a span under way on the anchor's day is this
/// year's ("will lead … to the Fourth Regional Conference on Migration …,
/// January 26-29" on a statement of January 26, 1999).
fn yearless_range(m: u8, d1: u8, d2: u8, ctx: &DateContext) -> Option<DateValue> {
    let (y, inf) = resolve_year(None, None, m, d1, ctx)?;
    let mut v = english_range(y, m, d1, d2)?;
    v.inferred = inf;
    Some(v)
}

/// Days in two months written without a year (`March 28 to April 1`): the
/// year of the last day, inferred as for one day, so that a span across
/// the new year keeps its first days in the year before.
fn yearless_cross(first: (u8, u8), last: (u8, u8), ctx: &DateContext) -> Option<DateValue> {
    let (y, inf) = resolve_year(None, None, last.0, last.1, ctx)?;
    // With no year known, a span across the new year has none before it.
    if y == crate::model::Ymd::NO_YEAR && first.0 > last.0 {
        return None;
    }
    let mut v = english_cross(y, first, last)?;
    v.inferred = inf;
    Some(v)
}

/// Days `d1` to `d2` of one month.
fn english_range(y: i32, m: u8, d1: u8, d2: u8) -> Option<DateValue> {
    let a = day_value(y, m, d1, false)?;
    let b = day_value(y, m, d2, false)?;
    (d1 < d2).then(|| DateValue::range(a, b))
}

/// Days in two months with the year once, at the end (`30 November – 2
/// December 2005`): the first month's year is the one before when it
/// comes later in the year (`28 December – 2 January 2006`).
fn english_cross(y: i32, (m1, d1): (u8, u8), (m2, d2): (u8, u8)) -> Option<DateValue> {
    let y1 = if m1 <= m2 { y } else { y - 1 };
    let a = day_value(y1, m1, d1, false)?;
    let b = day_value(y, m2, d2, false)?;
    (a.start < b.start).then(|| DateValue::range(a, b))
}
