//! The record of a researcher's annotation: what it does (assert,
//! retract, confirm, reject), the fact it is about (resolved ids), and who
//! made it, when, why and from what source; and the record of a fact an
//! annotation hid. Stored as JSON; applied when the graph view is built
//! (`annotate`); printed as the statement that replays it by the query
//! layer (`Annotation::to_statement`).

use super::{DateValue, EdgeKind, Prov, Provenance};
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
    /// Who the statement said made it (`by "…"`), when that is not who
    /// recorded it (`author`): kept apart and shown as claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    /// When the statement said it was made (`at "…"`); `at` is when it
    /// was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_at: Option<String>,
}

impl Annotation {
    /// The provenance this annotation gives the facts it asserts.
    pub fn provenance(&self) -> Provenance {
        let author = match &self.claimed_by {
            Some(c) => format!("{c} (claimed; recorded by {})", self.author),
            None => self.author.clone(),
        };
        let at = match &self.claimed_at {
            Some(c) => format!("{c} (claimed; recorded {})", self.at),
            None => self.at.clone(),
        };
        Provenance::Annotated {
            author: author.into(),
            at: at.into(),
            reason: self.reason.clone().into(),
            source: self.source.clone().into(),
        }
    }
}

/// A fact hidden from answers by a retraction or rejection, kept with who
/// and why for `why` and `trace`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Retracted {
    /// The fact as it stood: for an attribute, the value that was hidden;
    /// for an edge, without a date. (As JSON: see [`as_json`].)
    #[serde(with = "as_json::one")]
    pub fact: Fact,
    /// Where the hidden fact came from.
    pub prov: Prov,
    /// The annotation that hid it.
    #[serde(with = "as_json::one")]
    pub by: Annotation,
}

/// An annotation of the kind a researcher makes, for tests.
#[cfg(test)]
pub(crate) fn sample() -> Annotation {
    Annotation {
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
        claimed_by: None,
        claimed_at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_as_json() {
        let a = sample();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Annotation>(&json).unwrap(), a);
    }
}

/// The annotations of a saved view (`crate::view::snapshot`), each written
/// as its JSON record. bincode is not self-describing: it cannot read an
/// internally tagged `Fact`, nor a `claimed_by` left out when empty, so a
/// view with an annotation never loaded and every command built it again
/// (issue 20 item 11). The same for the facts and annotations of retracted
/// facts ([`one`]): without it, a view after any retraction never loaded.
pub(crate) mod as_json {
    use super::Annotation;
    use serde::{de, ser, Deserialize, Deserializer, Serializer};

    /// One value written as its JSON text.
    pub(crate) mod one {
        use serde::{de, ser, Deserialize, Deserializer, Serialize, Serializer};

        pub(crate) fn serialize<T: Serialize, S: Serializer>(
            v: &T,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            s.serialize_str(&serde_json::to_string(v).map_err(ser::Error::custom)?)
        }

        pub(crate) fn deserialize<'de, T: serde::de::DeserializeOwned, D: Deserializer<'de>>(
            d: D,
        ) -> Result<T, D::Error> {
            serde_json::from_str(&String::deserialize(d)?).map_err(de::Error::custom)
        }
    }

    pub(crate) fn serialize<S: Serializer>(list: &[Annotation], s: S) -> Result<S::Ok, S::Error> {
        let records = list
            .iter()
            .map(serde_json::to_string)
            .collect::<Result<Vec<_>, _>>()
            .map_err(ser::Error::custom)?;
        s.collect_seq(records)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<Annotation>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|r| serde_json::from_str(r).map_err(de::Error::custom))
            .collect()
    }
}
