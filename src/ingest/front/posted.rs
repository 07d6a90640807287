//! The day a news page was posted, from a line of its opening that says
//! so ("posted (July 17, 2024)", "Publicado el 3 de mayo de 2021"): the
//! words of [`crate::ingest::profile::Documents::posted`].

use crate::ingest::dates::FoundDate;
use crate::ingest::profile::{self, Profile};
use crate::ingest::sentence::Sentence;
use crate::model::{DateValue, Precision};

/// The day a line of the opening says the page was posted ("posted (July
/// 17, 2024)", "Posted On: Wednesday, 9 August 2017"): a line that opens
/// with a word of [`super::profile::Documents::posted`] and a day a few
/// characters after it (a weekday between).
pub(super) fn posted(first: &[Sentence], reading: Option<&Profile>) -> Option<DateValue> {
    let p = reading?;
    first.iter().take(8).find_map(|s| {
        let mut at = 0;
        s.text.split('\n').find_map(|l| {
            let here = at;
            at += l.len() + 1;
            // A label is a few words at the line's start: fold no more.
            let head = l.char_indices().nth(32).map_or(l, |(i, _)| &l[..i]);
            let w = profile::words(head);
            let label = p
                .documents
                .posted
                .iter()
                .filter(|x| {
                    w.strip_prefix(x.as_str())
                        .is_some_and(|r| r.starts_with(' '))
                })
                .map(String::len)
                .max()?;
            let lead = l.len() - l.trim_start().len();
            // The day ends its line ("Published on 2 May 2019, the
            // Guidelines ..." tells of something else).
            let ends_line = |d: &FoundDate| {
                s.text
                    .get(d.end..here + l.len())
                    .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric() && c != ','))
            };
            s.dates
                .iter()
                .find(|d| {
                    d.start >= here + lead + label
                        && d.start <= here + lead + label + 16
                        && ends_line(d)
                })
                .and_then(|d| d.value)
                .filter(|v| v.precision == Precision::Day)
        })
    })
}
