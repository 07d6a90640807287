//! Researcher annotations: assertions, retractions, and confirmations or
//! rejections of probable links, each with author, time, reason and source.
//! Annotations never delete what a document says: a retraction hides a fact
//! from answers and keeps it, with who and why, for `why` and `trace`.
//! Records are stored as JSON in the store and applied when the graph view
//! is built.

use crate::model::{DateValue, EdgeKind, Kind};
use serde::{Deserialize, Serialize};

/// What an annotation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Assert,
    Retract,
    Confirm,
    Reject,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Assert => "assert",
            Action::Retract => "retract",
            Action::Confirm => "confirm",
            Action::Reject => "reject",
        }
    }
}

/// The fact an annotation is about. Node references are resolved ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Fact {
    /// An edge `from -kind-> to`, optionally dated (a response's date).
    Edge {
        from: String,
        kind: EdgeKind,
        to: String,
        date: Option<DateValue>,
    },
    /// An attribute value of a node.
    Attr {
        node: String,
        key: String,
        value: String,
    },
    /// A new node.
    Node {
        id: String,
        kind: Kind,
        name: String,
    },
}

/// One annotation record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub action: Action,
    pub fact: Fact,
    pub author: String,
    /// RFC 3339 UTC timestamp of when it was made.
    pub at: String,
    pub reason: String,
    pub source: String,
}

impl Annotation {
    /// The provenance this annotation gives the facts it asserts.
    pub fn provenance(&self) -> crate::model::Provenance {
        crate::model::Provenance::Annotated {
            author: self.author.clone(),
            at: self.at.clone(),
            reason: self.reason.clone(),
            source: self.source.clone(),
        }
    }

    /// The annotation as a statement that replays it.
    pub fn to_statement(&self) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let mut s = format!("{} ", self.action.as_str());
        match &self.fact {
            Fact::Edge {
                from,
                kind,
                to,
                date,
            } => {
                s.push_str(&format!("{from} {kind} {to}"));
                if let Some(d) = date {
                    s.push_str(&format!(" on {d}"));
                }
            }
            Fact::Attr { node, key, value } => {
                s.push_str(&format!("{node}.{key} = {}", quote(value)))
            }
            Fact::Node { id, kind, name } => {
                s.push_str(&format!("{kind} {id} named {}", quote(name)))
            }
        }
        if !self.source.is_empty() {
            s.push_str(&format!(" source {}", quote(&self.source)));
        }
        if !self.reason.is_empty() {
            s.push_str(&format!(" because {}", quote(&self.reason)));
        }
        s.push_str(&format!(" -- by {} at {}", self.author, self.at));
        s
    }
}

/// The author of new annotations: `--author`, else `$ACTA_AUTHOR`, else the
/// user name, else "unknown".
pub fn default_author(flag: Option<&str>) -> String {
    flag.map(str::to_string)
        .or_else(|| std::env::var("ACTA_AUTHOR").ok().filter(|s| !s.is_empty()))
        .or_else(|| std::env::var("USER").ok().filter(|s| !s.is_empty()))
        .or_else(|| std::env::var("USERNAME").ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// Now as an RFC 3339 UTC timestamp (seconds precision).
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_786), (2026, 11, 29));
    }

    #[test]
    fn records_round_trip_as_json() {
        let a = Annotation {
            action: Action::Assert,
            fact: Fact::Edge {
                from: "country:ca".into(),
                kind: EdgeKind::Responded,
                to: "agreement:x/IV.E(1)".into(),
                date: DateValue::parse_iso("2003-01-20"),
            },
            author: "ana".into(),
            at: "2026-11-29T10:00:00Z".into(),
            reason: String::new(),
            source: "email from the ST, 2003-01-21".into(),
        };
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Annotation>(&json).unwrap(), a);
        assert_eq!(
            a.to_statement(),
            "assert country:ca responded agreement:x/IV.E(1) on 2003-01-20 source \"email from the ST, 2003-01-21\" -- by ana at 2026-11-29T10:00:00Z"
        );
    }
}
