//! A meeting reference found in a sentence, and what it points at before
//! the calendar gives it an id. Its own file, below both the sentence
//! (which carries its references) and the meeting finder (which makes
//! them), so that neither imports the other in a circle.

use crate::model::{DateValue, Span};

/// The place and days of the meeting a document records (read by
/// [`super::header`] and by the meeting finder's gathering words).
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub city: Option<String>,
    pub country: Option<String>,
    pub date: Option<DateValue>,
    /// The text that says so.
    pub span: Span,
    /// Read from heading lines (a title block), not from a sentence: its
    /// days are the meeting's, whatever the running text says.
    pub heading: bool,
}

/// What a reference points at, before the calendar gives it an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A numbered meeting of a body: `VII CRM`.
    Numbered { body: String, ordinal: u32 },
    /// A meeting of a body (organization id) on the reference's date.
    Dated { body: String },
    /// The meeting the report is presented at, of a body or of any.
    Current { body: Option<String> },
    /// A meeting of a body with no date: the previous one, or the current
    /// one when the sentence speaks of the future.
    Undated { body: String },
    /// A named conference.
    Named { title: String },
    /// The meeting a document reports and calls by a common noun only
    /// ("la reunión de viceministros"): the document's, by its id.
    Reported { doc: String, title: String },
}

/// A meeting reference in a sentence (offsets relative to its text).
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRef {
    pub start: usize,
    pub end: usize,
    pub target: Target,
    pub date: Option<DateValue>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// Named as where something goes, not where it happened.
    pub destination: bool,
    /// A bare body mention ("el GRCM") read as its meeting.
    pub weak: bool,
    /// Announced for the future ("se ha programado una reunión").
    pub scheduled: bool,
    /// Named in passing, as held somewhere else ("the Workshop on ...,
    /// held in San Salvador on December 1st"): never the document's own
    /// meeting, nor the one its decisions were adopted at.
    pub aside: bool,
    /// Named after "at"/"en" as where its sentence's act was done ("signed
    /// a Joint Statement at the 6th ... Forum ... in Kampala, on ..."): that
    /// sentence's decisions were adopted there, though it is aside for the
    /// rest of the document.
    pub at: bool,
    /// Meeting id, once the calendar has resolved the reference.
    pub id: Option<String>,
    /// How an undated or current reference was resolved, for the notes.
    pub how: Option<String>,
}

impl MeetingRef {
    pub(super) fn new(start: usize, end: usize, target: Target) -> MeetingRef {
        MeetingRef {
            start,
            end,
            target,
            date: None,
            city: None,
            country: None,
            destination: false,
            weak: false,
            scheduled: false,
            aside: false,
            at: false,
            id: None,
            how: None,
        }
    }
}
