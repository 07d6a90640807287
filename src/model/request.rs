//! A request for responses and what the sources say of its answers:
//! who was asked, who is named as having answered, and how many answered
//! without being named; and the phrases every answer uses for that
//! partial knowledge ("10 of 11 members (1 unnamed responded)").

use super::{DateValue, Prov, Sym};
use serde::{Deserialize, Serialize};

/// How many respondents a report counts without naming them: at least `min`,
/// at most `max` ("con una excepción" is 1..1; "más de la mitad no ha
/// respondido" of 11 is 0..5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnnamedCount {
    pub min: u32,
    pub max: u32,
}

/// Status of a request or agreement in the report's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Pending,
    InProgress,
    Done,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::InProgress => "in progress",
            Status::Done => "done",
        }
    }
}

/// Partial knowledge of a request for responses: who was asked, who is
/// named as having answered, and how many answered without being named.
/// The graph view derives `awaits` edges from it and answers say
/// "10 of 11 members (1 unnamed responded)", never a guessed name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Stable id, `request:<doc>/<section>#n`.
    pub id: Sym,
    /// The agreement the request follows up.
    pub agreement: Sym,
    /// What was requested, in the report's words.
    pub subject: String,
    /// Who was asked (country ids), as of `requested_on`.
    pub requested_from: Vec<Sym>,
    /// Group the request was addressed to, e.g. "member countries of the CRM".
    pub addressed_to: String,
    pub requested_on: Option<DateValue>,
    pub deadline: Option<DateValue>,
    /// Countries the sources name as having responded.
    pub responded_named: Vec<Sym>,
    /// Respondents counted but not named.
    pub responded_unnamed: UnnamedCount,
    pub status: Status,
    pub prov: Prov,
}

impl Request {
    /// "10 of 11 members (1 unnamed responded)": who is still awaited, from
    /// what a request records, never naming who the sources do not name.
    pub fn awaiting(&self) -> String {
        let asked = self.requested_from.len() as u32;
        let named = self
            .requested_from
            .iter()
            .filter(|c| self.responded_named.contains(c))
            .count() as u32;
        let (min, max) = (
            self.responded_unnamed.min,
            self.responded_unnamed.max.max(self.responded_unnamed.min),
        );
        let most = asked.saturating_sub(named.saturating_add(min));
        let least = asked.saturating_sub(named.saturating_add(max));
        let mut parts = Vec::new();
        if named > 0 {
            parts.push(format!("{named} named responded"));
        }
        if max > 0 {
            parts.push(if min == max {
                format!("{min} unnamed responded")
            } else if min == 0 {
                format!("up to {max} unnamed responded")
            } else {
                format!("{min} to {max} unnamed responded")
            });
        }
        if parts.is_empty() {
            parts.push("none responded".into());
        }
        let count = if least == most {
            format!("{most} of {asked} members")
        } else {
            format!("at least {least} of {asked} members")
        };
        format!("{count} ({})", parts.join(", "))
    }

    /// The caveat for a request whose respondents are not all named, or
    /// `None` when every respondent is named.
    pub fn awaiting_note(&self) -> Option<String> {
        let (min, max) = (
            self.responded_unnamed.min,
            self.responded_unnamed.max.max(self.responded_unnamed.min),
        );
        if max == 0 {
            return None;
        }
        let who = if min == max && min == 1 {
            "the one that responded is not named in the sources; the countries listed may include it"
                .to_string()
        } else if min == max {
            format!("the {min} that responded are not named in the sources; the countries listed may include them")
        } else if min == 0 {
            format!("up to {max} may have responded without being named in the sources; the countries listed may include them")
        } else {
            format!("{min} to {max} responded without being named in the sources; the countries listed may include them")
        };
        Some(who)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    fn request(asked: usize, named: usize, min: u32, max: u32) -> Request {
        let ids: Vec<Sym> = (0..asked).map(|i| format!("country:{i}").into()).collect();
        Request {
            id: "request:x".into(),
            agreement: "agreement:x".into(),
            subject: "s".into(),
            requested_from: ids.clone(),
            addressed_to: String::new(),
            requested_on: None,
            deadline: None,
            responded_named: ids[..named].to_vec(),
            responded_unnamed: UnnamedCount { min, max },
            status: Status::Pending,
            prov: Provenance::Reference { source: "".into() }.into(),
        }
    }

    #[test]
    fn awaiting_phrases() {
        for ((named, min, max), phrase) in [
            ((0, 1, 1), "10 of 11 members (1 unnamed responded)"),
            ((0, 0, 0), "11 of 11 members (none responded)"),
            ((0, 2, 2), "9 of 11 members (2 unnamed responded)"),
            (
                (0, 0, 5),
                "at least 6 of 11 members (up to 5 unnamed responded)",
            ),
            (
                (1, 1, 1),
                "9 of 11 members (1 named responded, 1 unnamed responded)",
            ),
        ] {
            assert_eq!(request(11, named, min, max).awaiting(), phrase);
        }
        assert_eq!(request(11, 0, 0, 0).awaiting_note(), None);
        assert!(request(11, 0, 1, 1)
            .awaiting_note()
            .is_some_and(|n| n.starts_with("the one that responded is not named in the sources")));
    }
}
