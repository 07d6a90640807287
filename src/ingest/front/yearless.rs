//! A press dateline that gives its day without the year ("CAIRO, April 9
//! (MENA) - The Second Ministerial Meeting ...", "Asunción, 4 nov
//! (RHC-PL) La XVI Conferencia ...", "MANAGUA, Nicaragua, noviembre 28.-
//! El Grupo ..."): the document's day. Its year is read where the text
//! states it for days of that month; where it does not, the day is not
//! taken (a document dated a day of no year would sort before every
//! other).

use super::super::dates::{self, DateContext};
use super::super::profile::Profile;
use super::super::sentence::Sentence;
use crate::model::{DateValue, Ymd};

/// The day of the opening's dateline when it states no year, as
/// `--MM-DD` ([`Ymd::NO_YEAR`]).
pub(crate) fn dateline_day(first: &[Sentence], reading: Option<&Profile>) -> Option<DateValue> {
    let ctx = DateContext {
        yearless: true,
        ..DateContext::default()
    };
    let mut opening: Vec<Sentence> = first.iter().take(8).cloned().collect();
    for s in &mut opening {
        s.dates = dates::find_normalized(s.hay(), &s.map, &ctx);
    }
    let (v, _) = super::meeting_day(&opening, false, reading)?;
    v.start.yearless().then_some(v)
}

/// The dateline's day in the year `ctx` gives days of its month, marked
/// inferred.
pub(crate) fn in_stated_year(day: DateValue, ctx: &DateContext) -> Option<DateValue> {
    let month = usize::from(day.start.month).checked_sub(1)?;
    let year = (*ctx.month_years.get(month)?)?;
    let mut v = DateValue::day(Ymd::checked(year, day.start.month, day.start.day)?);
    v.inferred = true;
    Some(v)
}
