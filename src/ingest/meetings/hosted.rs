//! A meeting named after its host city by the words of a language
//! (`[places] hosted`: "Capítulo de", "Chapter of") with its days after
//! it, in a document of a series keyed by month: that series' meeting of
//! the month, in that city ("la Hoja de Ruta del Capítulo de Buenos Aires,
//! del 5 de julio de 2019" in a declaration of the Quito Process). The
//! series need not be named in the sentence: the document's is, when the
//! noun is one of its meeting words. Such a
//! meeting is referred to, aside: never the one the document's decisions
//! were adopted at.

use super::own::city_opening;
use super::tail::parse_tail;
use super::{overlaps, Env, MeetingRef, Target};
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::{words, Profile};
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use crate::reference::series;
use std::sync::OnceLock;

/// The words before a host city, of every bundled profile.
fn hosted_words() -> Option<&'static Pattern> {
    static P: OnceLock<Option<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        let words: Vec<&str> = Profile::bundled()
            .iter()
            .flat_map(|p| &p.places.hosted)
            .map(String::as_str)
            .collect();
        (!words.is_empty()).then(|| {
            compile(&format!(
                r"\b(?:{})\s+",
                super::alternation(words.into_iter())
            ))
        })
    })
    .as_ref()
}

/// Each meeting a sentence names after its host city with its days, as a
/// meeting of the document's series keyed by month.
pub(super) fn of_the_document(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let Some(series) = env
        .series
        .as_deref()
        .and_then(series::by_key)
        .filter(|x| x.by_date)
    else {
        return;
    };
    let Some(hosted) = hosted_words() else {
        return;
    };
    // Only a series that names its meetings so ("capítulo" is one of the
    // Quito Process's meeting words, none of the Bali Process's).
    let own_word = |a: usize, b: usize| {
        let noun = words(s.slice(a, b));
        let noun = noun.split(' ').next().unwrap_or("");
        series.meeting_words.iter().any(|w| words(w) == noun)
    };
    for (a, b) in s.find(hosted) {
        if overlaps(refs, a, b) || !own_word(a, b) {
            continue;
        }
        // The match ends before the spaces it took.
        let Some(rest) = s.text.get(b..) else {
            continue;
        };
        let b = b + rest.len() - rest.trim_start().len();
        let Some((city, country, len)) = s.text.get(b..).and_then(|rest| city_opening(rest, env))
        else {
            continue;
        };
        let tail = parse_tail(s, b + len, env);
        let Some(date) = tail.date else {
            continue;
        };
        let mut r = MeetingRef::new(
            a,
            tail.end,
            Target::Dated {
                body: format!("organization:{}", series.key()),
            },
        );
        r.date = Some(date);
        r.city = Some(city);
        r.country = Some(country);
        // Named so, it is a meeting the text refers to ("para dar
        // seguimiento a la Hoja de Ruta del Capítulo de Buenos Aires, del 5
        // de julio de 2019, acuerdan:"), not the one whose decisions
        // follow: the document's own meeting is read from its opening.
        r.aside = true;
        refs.push(r);
    }
}
