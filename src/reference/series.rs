//! Series profiles (`data/series/*.toml`): the names of a process (the
//! CRM, the South American Conference on Migration, ...) and the words
//! that name its numbered meetings ("VII Reunión de la CRM", "Fifth
//! Regional Conference on Migration"), and the ordinal words of each
//! language (`data/profiles/*.toml`, `[ordinals]`). Names and words only:
//! what happened at a meeting is never here.

use crate::text::normalize;
use serde::Deserialize;
use std::sync::OnceLock;

// The bundled series profiles: every `data/series/*.toml` (listed by
// `build.rs`, so that a new profile needs no code change).
include!(concat!(env!("OUT_DIR"), "/series.rs"));

/// The bundled language profiles, read here for their ordinal words only.
const LANGUAGES: [&str; 2] = [
    include_str!("../../data/profiles/es.toml"),
    include_str!("../../data/profiles/en.toml"),
];

/// A process whose meetings are numbered.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Series {
    /// How meeting names write it (`VII CRM`); meeting ids are its slug
    /// and the ordinal (`meeting:crm-07`).
    pub(crate) acronym: String,
    /// Names that follow an ordinal to name one of its meetings.
    pub(crate) names: Vec<String>,
    /// Words that may stand between the ordinal and the name.
    #[serde(default)]
    pub(crate) meeting_words: Vec<String>,
    /// The prefix of its meeting ids (`bali` gives `meeting:bali-2002-02`);
    /// the acronym's slug when left out (filled in by [`bundled`]).
    #[serde(default)]
    key: String,
    /// Its meetings are keyed by month (`<key>-<yyyy>-<mm>`) even where a
    /// text numbers them (the process numbered them only later).
    #[serde(default)]
    pub(crate) by_date: bool,
    /// Names of one of its meetings with no ordinal ("Bali Regional
    /// Ministerial Conference on People Smuggling, ..."): with a date, the
    /// meeting of that month.
    #[serde(default)]
    pub(crate) meeting_names: Vec<String>,
    /// Meetings of the process numbered on their own ("2nd Senior
    /// Officials' Meeting of the Colombo Process"): ids
    /// `<key>-<sub key>-<nn>` (`colombo-som-02`).
    #[serde(default)]
    pub(crate) sub_meetings: Vec<SubMeeting>,
}

/// A kind of meeting of a process with its own numbering.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct SubMeeting {
    /// The part of its ids after the series' key (`som`).
    pub(crate) key: String,
    /// The words that name it between an ordinal and the series' name.
    pub(crate) words: Vec<String>,
    /// How a meeting's name writes it after the ordinal (`Reunión
    /// Plenaria CRM-CSM`); the series' acronym and the key in capitals
    /// (`Colombo Process SOM`) when left out.
    #[serde(default)]
    name: String,
}

impl SubMeeting {
    /// How a meeting's name writes it after the ordinal.
    pub(crate) fn display(&self, series: &Series) -> String {
        if self.name.is_empty() {
            format!("{} {}", series.acronym, self.key.to_uppercase())
        } else {
            self.name.clone()
        }
    }
}

/// The series and the kind of meeting a sub-meeting's body names
/// (`colombo som`: the series' key and the sub-meeting's, as
/// [`crate::ingest`] writes them).
pub(crate) fn sub_meeting(body: &str) -> Option<(&'static Series, &'static SubMeeting)> {
    let (key, sub) = body.split_once(' ')?;
    let series = by_key(key)?;
    let m = series.sub_meetings.iter().find(|m| m.key == sub)?;
    Some((series, m))
}

impl Series {
    /// The prefix of its meeting ids: `crm`, `bali`.
    pub(crate) fn key(&self) -> String {
        self.key.clone()
    }
}

/// The series profiles bundled with acta. A profile that does not parse
/// is left out (a test checks that every bundled one parses).
pub(crate) fn bundled() -> &'static [Series] {
    static S: OnceLock<Vec<Series>> = OnceLock::new();
    S.get_or_init(|| {
        SERIES
            .iter()
            .filter_map(|t| toml::from_str::<Series>(t).ok())
            .map(|mut s| {
                if s.key.is_empty() {
                    s.key = crate::text::slug(&s.acronym);
                }
                s
            })
            .collect()
    })
}

/// The series a name belongs to (`RCM`, `Conferencia Suramericana sobre
/// Migraciones`), compared without case or accents.
pub(crate) fn by_name(name: &str) -> Option<&'static Series> {
    static INDEX: OnceLock<std::collections::HashMap<String, usize>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (i, s) in bundled().iter().enumerate() {
            let all = std::iter::once(&s.acronym)
                .chain(&s.names)
                .chain(&s.meeting_names);
            for n in all {
                m.entry(normalize(n)).or_insert(i);
            }
        }
        m
    });
    index.get(&normalize(name)).and_then(|&i| bundled().get(i))
}

/// Whether a name ends as the name of a series' meeting: one of its
/// meeting names (`Bali Process Ministerial Conference`), or one of its
/// names followed by its meeting words (`Colombo Process Ministerial
/// Meeting`). Such a name, "Sixth Bali Process Ministerial Conference
/// (BPMC)", names a meeting, not a body.
pub(crate) fn names_meeting(name: &str) -> bool {
    static ENDINGS: OnceLock<Vec<String>> = OnceLock::new();
    let endings = ENDINGS.get_or_init(|| {
        let mut out = Vec::new();
        for s in bundled() {
            out.extend(s.meeting_names.iter().map(|n| normalize(n)));
            let words: Vec<&String> = s
                .meeting_words
                .iter()
                .chain(s.sub_meetings.iter().flat_map(|m| &m.words))
                .collect();
            for n in std::iter::once(&s.acronym).chain(&s.names) {
                out.extend(words.iter().map(|w| normalize(&format!("{n} {w}"))));
            }
        }
        out
    });
    let name = normalize(name);
    endings.iter().any(|e| {
        name.strip_suffix(e.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// The series whose meeting ids start with `key` (`crm`, `bali`).
pub(crate) fn by_key(key: &str) -> Option<&'static Series> {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| bundled().iter().map(Series::key).collect());
    keys.iter()
        .position(|k| k == key)
        .and_then(|i| bundled().get(i))
}

#[derive(Deserialize)]
struct Language {
    #[serde(default)]
    ordinals: Ordinals,
}

#[derive(Default, Deserialize)]
struct Ordinals {
    /// Spellings of 1, 2, 3, ... in order.
    #[serde(default)]
    words: Vec<Vec<String>>,
    /// Adjectives that make a meeting its series' first, before or after
    /// the meeting words ("nuestro encuentro inaugural", "the founding
    /// meeting").
    #[serde(default)]
    inaugural: Vec<String>,
}

/// Every word of the bundled languages that makes a meeting its series'
/// first (`[ordinals] inaugural`), normalized.
pub(crate) fn inaugural_words() -> &'static [String] {
    static W: OnceLock<Vec<String>> = OnceLock::new();
    W.get_or_init(|| {
        LANGUAGES
            .iter()
            .filter_map(|text| toml::from_str::<Language>(text).ok())
            .flat_map(|lang| lang.ordinals.inaugural)
            .map(|w| ordinal_key(&w))
            .collect()
    })
}

/// Every ordinal word of the bundled languages with its number, normalized.
pub(crate) fn ordinal_words() -> &'static [(String, u32)] {
    static W: OnceLock<Vec<(String, u32)>> = OnceLock::new();
    W.get_or_init(|| {
        let mut out = Vec::new();
        for text in LANGUAGES {
            let Ok(lang) = toml::from_str::<Language>(text) else {
                continue;
            };
            for (i, spellings) in lang.ordinals.words.iter().enumerate() {
                let Ok(n) = u32::try_from(i + 1) else {
                    continue;
                };
                out.extend(spellings.iter().map(|w| (ordinal_key(w), n)));
            }
        }
        // Longest first, so a regex alternation prefers "decimo septimo"
        // over "decimo".
        out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        out
    })
}

/// The number an ordinal word spells (`séptima`, `seventh`), or an
/// ordinal written with digits and a suffix (`7th`, `1st`, `7a`, `7ma`,
/// `3ra`, `8vo`; `7ª` and `7º` arrive as `7a` and `7o`).
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    let n = ordinal_key(w);
    if let Some(num) = numbered_ordinal(&n) {
        return Some(num);
    }
    ordinal_words()
        .iter()
        .find(|(x, _)| *x == n)
        .map(|&(_, k)| k)
}

/// An ordinal word as it is compared: normalized, a hyphen or a run of
/// spaces one space (`twenty-first`, `twenty first`).
fn ordinal_key(w: &str) -> String {
    normalize(w)
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn numbered_ordinal(w: &str) -> Option<u32> {
    const SUFFIXES: [&str; 16] = [
        "st", "nd", "rd", "th", "a", "o", "ra", "ro", "da", "do", "ta", "to", "ma", "mo", "va",
        "vo",
    ];
    let digits = w.find(|c: char| !c.is_ascii_digit())?;
    let (n, suffix) = w.split_at(digits);
    if n.is_empty() || !SUFFIXES.contains(&suffix.trim_end_matches('.')) {
        return None;
    }
    n.parse().ok().filter(|k| (1..100).contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_series_and_ordinals_parse() {
        assert_eq!(bundled().len(), SERIES.len());
        // Every profile of the folder is bundled: a new one needs no code.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/series");
        let files = std::fs::read_dir(dir)
            .expect("data/series")
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
            .count();
        assert_eq!(SERIES.len(), files);
        assert_eq!(
            by_name("Colombo Process").map(Series::key).as_deref(),
            Some("colombo")
        );
        assert_eq!(by_name("CRM").map(Series::key).as_deref(), Some("crm"));
        assert_eq!(
            by_name("Regional Conference on Migration").map(|s| s.acronym.as_str()),
            Some("CRM")
        );
        assert_eq!(
            by_name("Conferencia Suramericana sobre Migraciones").map(|s| s.acronym.as_str()),
            Some("CSM")
        );
        assert_eq!(ordinal_word("Séptima"), Some(7));
        assert_eq!(ordinal_word("seventh"), Some(7));
        assert_eq!(ordinal_word("quinto"), Some(5));
        assert_eq!(ordinal_word("21st"), Some(21));
        assert_eq!(ordinal_word("Fiftieth"), Some(50));
        assert_eq!(ordinal_word("twenty-first"), Some(21));
        assert_eq!(ordinal_word("Vigésima Tercera"), Some(23));
        assert_eq!(ordinal_word("word"), None);
    }

    #[test]
    fn meetings_numbered_on_their_own_are_named_after_their_process() {
        let name = |body| crate::reference::Gazetteer::meeting_names(body, 2).0;
        assert_eq!(name("colombo som"), "II Colombo Process SOM");
        assert_eq!(name("crm csm-plenaria"), "II Reunión Plenaria CRM-CSM");
        assert!(sub_meeting("crm som").is_none());
        assert_eq!(name("CRM"), "II CRM");
    }
}
