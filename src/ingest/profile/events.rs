//! What a profile says of a report's dated happenings (`[events]`): the
//! nouns of correspondence and of workshops, other acts, the words that
//! point back to a letter or a workshop named before, the handover of a
//! presidency, the end of a meeting and the days around it, and the names
//! events take in the graph. Patterns (regex crate syntax) over folded
//! text: lower case, no accents. The readers ask here for the bundled
//! profiles' lists run together, Spanish first.

use super::follow_up::{check_patterns, joined};
use super::{Profile, ProfileProblem};
use serde::Deserialize;

/// The words of dated happenings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Events {
    /// `[phrase, kind]`: nouns of dated correspondence (`cartas de
    /// seguimiento` → `letter`).
    pub correspondence: Vec<[String; 2]>,
    /// `[phrase, kind]`: nouns of workshops and seminars.
    pub gatherings: Vec<[String; 2]>,
    /// `[phrase, kind]`: other acts, whose actor is the subject named
    /// before them (`hicieron una presentación` → `presentation`).
    pub acts: Vec<[String; 2]>,
    /// Words naming the letter named before (`antes mencionada`).
    pub anaphora: Vec<String>,
    /// Words naming the item's own workshop or seminar (`este evento`).
    pub gathering_anaphora: Vec<String>,
    /// The handover of a presidency (`traspasó la presidencia`).
    pub handover: Vec<String>,
    /// The end of a meeting (`al concluir`).
    pub at_end_of: Vec<String>,
    /// Right before a meeting: the day before it, or after it.
    pub day_before: Vec<String>,
    pub day_after: Vec<String>,
    /// Words of a sentence about a deadline (`plazo`).
    pub deadline: Vec<String>,
    /// `[kind, name]`: how the graph names an event of each kind
    /// (`letter` → `Carta`); the first bundled profile that names a kind
    /// names it.
    pub names: Vec<[String; 2]>,
}

/// Every phrase of one list of `[events]`, from every bundled profile.
pub fn events(list: impl Fn(&Events) -> &Vec<String>) -> Vec<&'static str> {
    Profile::bundled()
        .iter()
        .flat_map(|p| list(&p.events).iter().map(String::as_str))
        .collect()
}

/// The phrases of a list as one regex of whole word runs, `end` after
/// them (`\s*$` for words right before something).
pub fn events_pattern(list: impl Fn(&Events) -> &Vec<String>, end: &str) -> String {
    joined(&events(list), end)
}

/// Every `[phrase, kind]` of one list of `[events]`, from every bundled
/// profile.
pub fn event_kinds(
    list: impl Fn(&Events) -> &Vec<[String; 2]>,
) -> Vec<(&'static str, &'static str)> {
    Profile::bundled()
        .iter()
        .flat_map(|p| {
            list(&p.events)
                .iter()
                .map(|[a, b]| (a.as_str(), b.as_str()))
        })
        .collect()
}

/// The graph's name of an event kind (`letter` → `Carta`), or the kind.
pub fn event_name(kind: &str) -> &str {
    Profile::bundled()
        .iter()
        .flat_map(|p| &p.events.names)
        .find(|[k, _]| k == kind)
        .map_or(kind, |[_, name]| name.as_str())
}

/// Why a profile's `[events]` cannot be read: a phrase that is no
/// regular expression.
pub(super) fn check(p: &Profile) -> Result<(), ProfileProblem> {
    let e = &p.events;
    let lists = [
        ("events.anaphora", &e.anaphora),
        ("events.gathering_anaphora", &e.gathering_anaphora),
        ("events.handover", &e.handover),
        ("events.at_end_of", &e.at_end_of),
        ("events.day_before", &e.day_before),
        ("events.day_after", &e.day_after),
        ("events.deadline", &e.deadline),
    ];
    let kinds = [
        ("events.correspondence", &e.correspondence),
        ("events.gatherings", &e.gatherings),
        ("events.acts", &e.acts),
    ];
    check_patterns(
        lists
            .iter()
            .flat_map(|(l, ps)| ps.iter().map(move |p| (*l, p)))
            .chain(
                kinds
                    .iter()
                    .flat_map(|(l, ps)| ps.iter().map(move |[p, _]| (*l, p))),
            ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_read_has_a_name() {
        for list in [
            event_kinds(|e| &e.correspondence),
            event_kinds(|e| &e.gatherings),
            event_kinds(|e| &e.acts),
        ] {
            assert!(!list.is_empty());
            for (_, kind) in list {
                assert_ne!(event_name(kind), kind, "{kind} has no name");
            }
        }
        assert_eq!(event_name("letter"), "Carta");
        assert_eq!(event_name("unheard-of"), "unheard-of");
    }

    #[test]
    fn a_bad_phrase_is_refused_with_its_list() {
        let e = Profile::parse("[events]\nacts = [[\"(\", \"presentation\"]]").err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("events.acts"), "{text}");
    }
}
