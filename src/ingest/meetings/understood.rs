//! A numbered meeting written as an ordinal alone, its noun understood
//! from the series the sentence named before it: "La Conferencia
//! Suramericana sobre Migraciones (CSM) es un proceso ...; la primera se
//! celebró en Buenos Aires en el año 2000" is the I CSM, held in Buenos
//! Aires in 2000. Only an article and an ordinal right before the words of
//! holding of the language profiles (`[places] took_place`), and only when
//! no other kind of gathering is named between the series and the ordinal
//! ("la CSM organizó dos talleres; el primero se celebró en Lima" is a
//! workshop's), no count word (`dos etapas; la primera ...`) and no second
//! series ("la CSM y la CRM ...; la primera ...").

use super::series_refs::{named_before, ordinal_token, ordinal_value, target};
use super::tail::parse_tail;
use super::{alternation, overlaps, with_tail, Env, MeetingRef};
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::Profile;
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use crate::model::Kind;
use crate::reference::series;
use crate::text::normalize;
use std::sync::OnceLock;

/// An article, an ordinal (not in digits) and the words of holding.
fn pattern() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let ord = ordinal_token();
        let held = alternation(
            Profile::bundled()
                .iter()
                .flat_map(|p| &p.places.took_place)
                .map(String::as_str),
        );
        compile(&format!(
            r"\b(?:la|el|the)\s+(?P<ord>{ord})\s*,?\s+(?P<held>{held})\b"
        ))
    })
}

/// Words naming some kind of gathering (`[names] events` of the language
/// profiles): one between the series and the ordinal is what the ordinal
/// counts.
fn gatherings() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let words = alternation(
            Profile::bundled()
                .iter()
                .flat_map(|p| &p.names.events)
                .map(String::as_str),
        );
        // Plurals too ("dos talleres; el primero ...").
        compile(&format!(r"\b(?:{words})(?:e?s)?\b"))
    })
}

/// Count words from two up (`[numbers] words` of the language profiles):
/// "dos etapas; la primera ...", "in two phases; the first ...": the
/// ordinal counts what they count.
fn counts() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let words = alternation(
            Profile::bundled()
                .iter()
                .flat_map(|p| p.numbers.words.iter().skip(1))
                .flatten()
                .map(String::as_str),
        );
        compile(&format!(r"\b(?:{words})\b"))
    })
}

/// How many series the sentence names before `a`, as a body or by name:
/// with two, "the first" may be either.
fn series_named_before(s: &Sentence, a: usize) -> usize {
    let mut keys: Vec<&str> = s
        .mentions
        .iter()
        .filter(|x| x.end <= a && x.kind == Kind::Organization)
        .filter_map(|o| {
            Some(
                series::by_key(o.id.strip_prefix("organization:")?)?
                    .acronym
                    .as_str(),
            )
        })
        .collect();
    let before = s.norm_before(a);
    keys.extend(
        series::bundled()
            .iter()
            .filter(|x| x.names.iter().any(|n| before.contains(&normalize(n))))
            .map(|x| x.acronym.as_str()),
    );
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

/// Numbered meetings of the series named before, by an ordinal alone.
pub(super) fn of_the_series(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    for c in pattern().captures_iter(s.hay()) {
        let (Some(m), Some(ord), Some(held)) = (c.get(0), c.name("ord"), c.name("held")) else {
            continue;
        };
        if ord.as_str().starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let (a, b) = (s.orig(m.start()), s.end_of(held.start()));
        if overlaps(refs, a, b) {
            continue;
        }
        let raw = s.slice(s.orig(ord.start()), s.end_of(ord.end()));
        let Some(n) = ordinal_value(raw, ord.as_str()) else {
            continue;
        };
        let Some((named_end, series)) = named_before(s, a) else {
            continue;
        };
        let between = s.hay_between(s.orig(named_end), a);
        if series.by_date
            || gatherings().is_match(between)
            || counts().is_match(between)
            || series_named_before(s, a) > 1
        {
            continue;
        }
        let r = MeetingRef::new(a, b, target(series, n));
        refs.push(with_tail(r, &parse_tail(s, s.end_of(held.end()), env)));
    }
}
