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

use super::series_refs::{named_before, ordinal_value, target};
use super::tail::parse_tail;
use super::{alternation, overlaps, with_tail, Env, MeetingRef};
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::Profile;
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use crate::model::Kind;
use crate::reference::series::{self, ordinal_word};
use crate::text::normalize;
use std::sync::OnceLock;

/// One of `words` as a whole word (or, with `plural`, its plural).
fn any_of<'a>(words: impl Iterator<Item = &'a str>, plural: bool) -> Pattern {
    let words = alternation(words);
    let plural = if plural { "(?:e?s)?" } else { "" };
    compile(&format!(r"\b(?:{words}){plural}\b"))
}

/// The words of holding (`[places] took_place`). The ordinal before them
/// is looked up word by word ([`ordinal_before`]): a pattern of every
/// ordinal word joined to every word of holding costs more to build than
/// a document's whole reading.
fn holding() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let words = Profile::bundled().iter().flat_map(|p| &p.places.took_place);
        any_of(words.map(String::as_str), false)
    })
}

/// Words naming some kind of gathering (`[names] events` of the language
/// profiles), plurals too ("dos talleres; el primero ..."): one between
/// the series and the ordinal is what the ordinal counts.
fn gatherings() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let words = Profile::bundled().iter().flat_map(|p| &p.names.events);
        any_of(words.map(String::as_str), true)
    })
}

/// Count words from two up (`[numbers] words` of the language profiles):
/// "dos etapas; la primera ...", "in two phases; the first ...": the
/// ordinal counts what they count.
fn counts() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let words = Profile::bundled()
            .iter()
            .flat_map(|p| p.numbers.words.iter().skip(1))
            .flatten();
        any_of(words.map(String::as_str), false)
    })
}

/// An article and an ordinal (one to three words, not in digits) ending
/// `before` (normalized text, maybe a comma after the ordinal): where the
/// article starts and where the ordinal starts and ends.
fn ordinal_before(before: &str) -> Option<(usize, usize, usize)> {
    let text = before.trim_end();
    let text = text.strip_suffix(',').unwrap_or(text).trim_end();
    // The last four words, from the end: (start, end).
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut end = text.len();
    while words.len() < 4 && end > 0 {
        let head = text.get(..end)?;
        let start = head.rfind(char::is_whitespace).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        words.push((start, end));
        end = text.get(..start)?.trim_end().len();
    }
    let roman = |w: &str| w.len() <= 7 && !w.is_empty() && w.chars().all(|c| "ivxlc".contains(c));
    (1..words.len()).find_map(|k| {
        let (art, ord) = (words[k], (words[k - 1].0, words[0].1));
        let (a, o) = (text.get(art.0..art.1)?, text.get(ord.0..ord.1)?);
        let is_ord = (k == 1 && roman(o)) || ordinal_word(o).is_some();
        (matches!(a, "la" | "el" | "the") && is_ord && !o.starts_with(|c: char| c.is_ascii_digit()))
            .then_some((art.0, ord.0, ord.1))
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
    for held in holding().find_iter(s.hay()) {
        let before = s.norm_before(s.orig(held.start()));
        let Some((art, ord_start, ord_end)) = ordinal_before(before) else {
            continue;
        };
        let (a, b) = (s.orig(art), s.end_of(held.start()));
        if overlaps(refs, a, b) {
            continue;
        }
        let raw = s.slice(s.orig(ord_start), s.end_of(ord_end));
        let Some(n) = ordinal_value(raw, before.get(ord_start..ord_end).unwrap_or("")) else {
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
