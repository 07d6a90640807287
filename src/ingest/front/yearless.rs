//! A press dateline that gives its day without the year ("CAIRO, April 9
//! (MENA) - The Second Ministerial Meeting ...", "Asunción, 4 nov
//! (RHC-PL) La XVI Conferencia ...", "MANAGUA, Nicaragua, noviembre 28.-
//! El Grupo ..."): the document's day. Its year is read from the days
//! the text states for the meeting it tells of; where it states none,
//! the day is not taken (a document dated a day of no year would sort
//! before every other).

use super::super::dates::{self, DateContext};
use super::super::profile::Profile;
use super::super::sentence::Sentence;
use crate::model::{DateValue, Ymd};

/// How many of the opening's sentences may hold the dateline (as the
/// other date lines of the opening are read).
const OPENING: usize = 8;

/// The day of the opening's dateline when it states no year, as
/// `--MM-DD` ([`Ymd::NO_YEAR`]).
pub(crate) fn dateline_day(first: &[Sentence], reading: Option<&Profile>) -> Option<DateValue> {
    // Read again only where the opening has a date no year was found
    // for (most undated texts have none).
    if !first
        .iter()
        .take(OPENING)
        .any(|s| s.dates.iter().any(|d| d.value.is_none()))
    {
        return None;
    }
    let ctx = DateContext {
        yearless: true,
        ..DateContext::default()
    };
    let mut opening: Vec<Sentence> = first.iter().take(OPENING).cloned().collect();
    for s in &mut opening {
        s.dates = dates::find_normalized(s.hay(), &s.map, &ctx);
    }
    let (v, _) = super::meeting_day(&opening, false, reading)?;
    v.start.yearless().then_some(v)
}

/// How many days a stated span of days may lie before or after a
/// dateline and still be of the story's week.
const STORY_DAYS: u8 = 7;

/// The dateline's day in the year of the days the text states around it:
/// a span of days of that month (not a whole month) that holds it or
/// lies at most [`STORY_DAYS`] from it (the meeting the story tells of,
/// one it announces), with its year; not a day weeks away (a convention
/// ratified, a declaration signed, a meeting to come next year).
/// Several such years: none. Marked inferred.
pub(crate) fn in_stated_days(day: DateValue, stated: &[DateValue]) -> Option<DateValue> {
    let (m, d) = (day.start.month, day.start.day);
    let mut years = stated
        .iter()
        .filter(|v| !v.inferred && !v.start.yearless() && v.start.year == v.end.year)
        .filter(|v| v.start.month == m && v.end.month == m && dates::meeting_days(v))
        .filter(|v| {
            v.start.day <= d.saturating_add(STORY_DAYS) && d <= v.end.day.saturating_add(STORY_DAYS)
        })
        .map(|v| v.start.year);
    let year = years.next()?;
    if years.any(|y| y != year) {
        return None;
    }
    let mut v = DateValue::day(Ymd::checked(year, m, d)?);
    v.inferred = true;
    Some(v)
}
