//! A series' first meeting named by an adjective, not an ordinal:
//! "nuestro encuentro inaugural en Puebla" in a declaration of the CRM,
//! "the founding meeting of the Process". The adjectives are language
//! data (`[ordinals] inaugural`); the meeting words are the series'
//! (`data/series/*.toml`) and the languages' nouns for a meeting
//! (`[places] meeting_nouns`), and the series is the one the document
//! names.

use super::series_refs::target;
use super::tail::parse_tail;
use super::{alternation, overlaps, with_tail, Env, MeetingRef};
use crate::ingest::pattern::Pattern;
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use crate::reference::series::{self, inaugural_words};
use std::sync::OnceLock;

/// The meeting words of `series` and an inaugural adjective, in either
/// order; compiled for a series when first needed.
fn pattern(series: &series::Series) -> Option<&'static Pattern> {
    static P: OnceLock<Vec<OnceLock<Pattern>>> = OnceLock::new();
    let all = series::bundled();
    let i = all.iter().position(|x| std::ptr::eq(x, series))?;
    let cells = P.get_or_init(|| all.iter().map(|_| OnceLock::new()).collect());
    let cell = cells.get(i)?;
    Some(cell.get_or_init(|| {
        // The series' meeting words and the languages' nouns for a
        // meeting ("encuentro" is no series' own word).
        let profiles = crate::ingest::profile::Profile::bundled();
        let words = alternation(
            series
                .meeting_words
                .iter()
                .chain(profiles.iter().flat_map(|p| &p.places.meeting_nouns))
                .map(String::as_str),
        );
        let first = alternation(inaugural_words().iter().map(String::as_str));
        compile(&format!(
            r"\b(?:(?:{words})\s+(?:{first})|(?:{first})\s+(?:{words}))\b"
        ))
    }))
}

/// The first meeting of the document's series where a sentence names it
/// by an inaugural adjective, with the place and days written after it.
pub(super) fn of_the_document(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let Some(series) = env.series.as_deref().and_then(series::by_key) else {
        return;
    };
    // Most sentences have no such word: a plain search says so before
    // the pattern, which leads with the (frequent) meeting words, runs.
    let hay = s.hay();
    if !inaugural_words()
        .iter()
        .any(|w| hay.text.contains(w.as_str()))
    {
        return;
    }
    let Some(pattern) = pattern(series) else {
        return;
    };
    for m in pattern.find_iter(hay) {
        let (a, b) = (s.orig(m.start()), s.end_of(m.end()));
        if overlaps(refs, a, b) {
            continue;
        }
        if of_another_body(s.text.get(b..).unwrap_or(""), series) {
            continue;
        }
        let r = MeetingRef::new(a, b, target(series, 1));
        refs.push(with_tail(r, &parse_tail(s, b, env)));
    }
}

/// Whether the words after the meeting name another body ("la reunión
/// inaugural del Grupo de Trabajo", "the inaugural meeting of the
/// Network"): a connector, then a name that is not one of the series'.
fn of_another_body(next: &str, series: &series::Series) -> bool {
    let mut words = next.split_whitespace();
    let Some(connector) = words.next() else {
        return false;
    };
    if !matches!(
        connector.to_lowercase().as_str(),
        "de" | "del" | "of" | "for" | "sobre" | "on"
    ) {
        return false;
    }
    let name: Vec<&str> = words
        .skip_while(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "la" | "el" | "los" | "las" | "the"
            )
        })
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if name.is_empty() {
        return false;
    }
    let said = crate::text::normalize(&name.join(" "));
    let ours = std::iter::once(&series.acronym)
        .chain(&series.names)
        .map(|n| crate::text::normalize(n))
        .any(|n| said.starts_with(&n) || n.starts_with(&said));
    !ours
}
