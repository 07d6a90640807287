//! The document's own meeting when it belongs to no numbered or dated
//! series and no body is named as meeting: a gathering word of the
//! language profiles (`[places] gatherings`: "reunión", "cumbre", "foro",
//! "meeting", "summit") in the opening, with the city it was held in
//! ("La reunión regional ..., que empezó el lunes en Quito, Ecuador",
//! "cerraron hoy una reunión extraordinaria en Managua", "Reunido en la
//! Sede de las Naciones Unidas (Nueva York) del 17 al 20 de mayo de
//! 2022"). Its id is the gathering word and the city, with the year when
//! the days are known (`meeting:reunion-extraordinaria-managua`), so the
//! same meeting read twice gets the same id; in a document of one series
//! keyed by month, or of one series whose opening calls the meeting
//! extraordinary, that series' meeting of the month (`rabat-2019-02`,
//! `crm-2022-03`). A gathering word after an ordinal, in the sentence
//! that says the meeting was held, is the meeting of a body no series
//! names, named by its ordinal and body ("celebraron la IV Reunión del
//! Mecanismo de Coordinación ..."), or in a series keyed by month, that
//! series' meeting of the month.

use super::tail::place;
use super::Env;
use crate::ingest::meeting_ref::{Held, MeetingRef, Target};
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::words;
use crate::ingest::sentence::Sentence;
use crate::model::{DateValue, Span};
use crate::reference::series;
use std::sync::OnceLock;

/// How many of the opening's sentences are read.
const OPENING_SENTENCES: usize = 6;
/// How far after the gathering word its city may be written (bytes).
const CITY_REACH: usize = 160;

/// A place after "en"/"in", or in parentheses: capitalized words, maybe
/// a country after a comma.
pub(super) fn place_pattern() -> Option<Pattern> {
    let cap = r"[A-ZÁÉÍÓÚÑ][\p{L}.\-]*";
    Pattern::new(&format!(
        r"(?:\b(?:en|in)\s+(?:la\s+ciudad\s+de\s+|the\s+city\s+of\s+)?|\()(?P<p>{cap}(?:\s+(?:de\s+|del\s+)?{cap}){{0,3}}(?:\s*,\s*{cap}(?:\s+{cap}){{0,2}})?)"
    ))
    .ok()
}

/// Where an ordinal (roman, a word of the language profiles, `2nd`)
/// stands right before `at`, maybe with one or two words between
/// ("Second Preparatory Meeting"): its start.
pub(super) fn ordinal_before(s: &Sentence, at: usize) -> Option<usize> {
    static R: OnceLock<Option<Pattern>> = OnceLock::new();
    let re = R.get_or_init(|| {
        let ordinals = super::alternation(
            series::ordinal_words()
                .iter()
                .map(|(w, _)| w.as_str()),
        );
        Pattern::new(&format!(
            r"\b(?:[ivxlc]{{1,7}}|\d{{1,2}}(?:st|nd|rd|th|a|o)|{ordinals})\s+(?:[\w'\-]+\s+){{0,2}}$"
        ))
        .ok()
    });
    let m = re.as_ref()?.find_iter(s.hay_before(at)).next()?;
    Some(s.orig(m.start()))
}

/// The end of the body after a numbered gathering word: "del Mecanismo de
/// Coordinación y Consultas Políticas Uruguay-Ecuador", "of the Working
/// Group" (capitalized words and the small words between them); `b`
/// when none follows.
fn body_end(s: &Sentence, b: usize) -> usize {
    static R: OnceLock<Option<regex::Regex>> = OnceLock::new();
    let re = R.get_or_init(|| {
        let cap = r"[\p{Lu}][\p{L}\-+0-9]*";
        let small = r"(?:de|del|de la|y|e|and|of|of the|on|sobre|para|for|the|la|el|los|las)";
        regex::Regex::new(&format!(
            r"^\s+(?:del|de\s+la|de\s+los|de\s+las|of\s+the|of)\s+{cap}(?:\s+(?:{small}\s+)?{cap})*"
        ))
        .ok()
    });
    let rest = s.text.get(b..).unwrap_or("");
    re.as_ref()
        .and_then(|re| re.find(rest))
        .map_or(b, |m| b + m.end())
}

/// The first place after `from` (within reach) that names a known city:
/// the city and its country.
pub(super) fn city_after(
    s: &Sentence,
    from: usize,
    env: &Env,
    re: &Pattern,
) -> Option<(String, String)> {
    let end = (from + CITY_REACH).min(s.text.len());
    let end = (end..=s.text.len())
        .find(|&i| s.text.is_char_boundary(i))
        .unwrap_or(s.text.len());
    let text = s.text.get(from..end)?;
    re.captures_iter(text).find_map(|c| {
        let (city, country) = place(c.name("p")?.as_str(), env)?;
        Some((city?, country?))
    })
}

/// A known city named right after the gathering word by "de" ("la
/// reunión de Puebla"), or by an apposition naming the meeting after its
/// host (`[places] hosted`: "la IX Reunión – Capítulo de Santiago II"):
/// the city and its country. A country there ("la reunión de Guatemala")
/// names who met, not where.
fn city_of(s: &Sentence, b: usize, env: &Env) -> Option<(String, String)> {
    static R: OnceLock<Option<regex::Regex>> = OnceLock::new();
    let by_de = R
        .get_or_init(|| regex::Regex::new(r"^\s+de\s+").ok())
        .as_ref()?;
    let rest = s.text.get(b..)?;
    let rest = match by_de.find(rest) {
        Some(m) => rest.get(m.end()..)?,
        None => after_host_words(rest, env)?,
    };
    let (city, country, _) = city_opening(rest, env)?;
    Some((city, country))
}

/// The known city that `rest` opens with, as the longest run of its first
/// capitalized words that is a place and no country ("Santiago II" is
/// Santiago): the city, its country, and where it ends in `rest`.
pub(super) fn city_opening(rest: &str, env: &Env) -> Option<(String, String, usize)> {
    static NAME: OnceLock<Option<regex::Regex>> = OnceLock::new();
    let name = NAME
        .get_or_init(|| {
            regex::Regex::new(r"^[\p{Lu}][\p{L}.\-]*(?:\s+[\p{Lu}][\p{L}.\-]*){0,2}").ok()
        })
        .as_ref()?;
    let phrase = name.find(rest)?.as_str();
    let ends: Vec<usize> = phrase
        .match_indices(char::is_whitespace)
        .map(|(i, _)| i)
        .chain([phrase.len()])
        .collect();
    ends.iter().rev().find_map(|&end| {
        let phrase = phrase.get(..end)?;
        let (city, country) = place(phrase, env)?;
        let is_country = env
            .resolver
            .lookup(phrase)
            .iter()
            .any(|n| n.kind == crate::model::Kind::Country);
        (!is_country).then_some((city?, country?, end))
    })
}

/// What follows a dash and the words that name a meeting after its host
/// ("– Capítulo de", see [`super::tail::after_hosted`]), if
/// `rest` opens with them.
fn after_host_words<'a>(rest: &'a str, env: &Env) -> Option<&'a str> {
    let rest = rest
        .trim_start()
        .strip_prefix(['–', '—', '-'])?
        .trim_start();
    super::tail::after_hosted(rest, env)
}

/// Whether the opening calls its meeting extraordinary (`[places]
/// extraordinary` of the language profiles, whole words).
fn extraordinary(opening: &[Sentence], limit: usize, env: &Env) -> bool {
    let words: Vec<&str> = env.places(|p| &p.extraordinary);
    opening
        .iter()
        .filter(|s| s.span.start < limit)
        .take(OPENING_SENTENCES)
        .any(|s| {
            let w = format!(" {} ", crate::ingest::profile::words(&s.text));
            words.iter().any(|x| w.contains(&format!(" {x} ")))
        })
}

/// The opening's sentences before `limit`, up to [`OPENING_SENTENCES`] of
/// them that are sentences: a heading line (no closing punctuation: a
/// title, "Español", "Tema 5 del programa provisional*") or a line of three
/// words or fewer counts for none, so a page's headings do not hide its
/// first sentences.
pub(super) fn read_opening(opening: &[Sentence], limit: usize) -> impl Iterator<Item = &Sentence> {
    let mut long = 0;
    opening
        .iter()
        .filter(move |s| s.span.start < limit)
        .take_while(move |s| {
            let go = long < OPENING_SENTENCES;
            let t = s.text.trim_end();
            let ends = t.ends_with(['.', '!', '?', ';', ':', ',']);
            long += usize::from(ends && t.split_whitespace().count() >= 4);
            go
        })
}

/// Whether the words of holding `h` were read in sentence `s`.
fn within(s: &Sentence, h: &Held) -> bool {
    s.span.start <= h.span.start && h.span.start < s.span.end
}

/// Whether a numbered gathering word in `s` ("the Second Preparatory
/// Meeting") is the document's own meeting: not in a document of a
/// numbered series, whose own form alone keys its numbered meetings; in
/// the sentence that says the meeting was held, in a document of a series
/// keyed by month (that series' meeting of the month: "the first meeting
/// of the Bali Process Consultation Mechanism held on 13 October 2017,
/// Jakarta") or of none (the meeting of a body no series names:
/// "celebraron la IV Reunión del Mecanismo de Coordinación").
fn numbered_is_own(s: &Sentence, env: &Env, held: Option<&Held>) -> bool {
    let keyed_by_date = env
        .series
        .as_deref()
        .and_then(series::by_key)
        .is_some_and(|x| x.by_date);
    (env.series.is_none() || keyed_by_date) && held.is_some_and(|h| within(s, h))
}

/// Where the meeting of a gathering word (ending at `b`) was held: its city
/// and country. The days and the city of the opening's words of holding go
/// together ("met in Madrid on 20 October 2022 ... to take place in
/// Cádiz"): the city after the word counts only without them. A gathering
/// word needs a city after it, but the one named by an ordinal is the
/// meeting the opening says was held. (A gathering word with no city in
/// the sentence of holding is not: "met in Panama City on 4 June 2019 to
/// prepare the upcoming summit" held no summit.)
fn where_held(
    s: &Sentence,
    (a, b): (usize, usize),
    numbered: bool,
    env: &Env,
    held: Option<&Held>,
    re: &Pattern,
) -> Option<(String, String)> {
    let held_place = held
        .filter(|h| h.date.is_some())
        .and_then(|h| Some((h.city.clone()?, h.country.clone()?)));
    match city_after(s, b, env, re).or_else(|| city_of(s, b, env)) {
        Some(p) => Some(held_place.unwrap_or(p)),
        None if numbered => held_place,
        None => held
            .filter(|h| attended(s, a, b, h, env).is_some())
            .and_then(|h| Some((h.city.clone()?, h.country.clone()?))),
    }
}

/// Whether the sentence of holding says that those who met there came
/// for the meeting of the gathering word at `a..b`: after the city it
/// names, a word of `[places] attended` and then only a name up to the
/// gathering word ("met this week in Accra, Ghana for the Migration
/// Dialogue for West Africa (MIDWA) meeting"), and no word of purpose
/// between the city and the gathering word ("met in Panama City to
/// prepare the summit", "... ahead of the Global Forum" held no summit
/// or forum). Where that name starts in the sentence's text, if so.
fn attended(s: &Sentence, a: usize, b: usize, h: &Held, env: &Env) -> Option<usize> {
    use crate::ingest::profile::words;
    let city = h.city.as_deref().filter(|_| within(s, h))?;
    let at = s.text.get(..b)?.rfind(city)?;
    let from = at + city.len();
    let between = s.text.get(from..a)?;
    let w = format!(" {} ", words(between));
    if env
        .places(|p| &p.purpose)
        .iter()
        .any(|x| w.contains(&format!(" {x} ")))
    {
        return None;
    }
    // The last words of attending, found in the text (ASCII lower case
    // keeps its offsets).
    let lower = format!(" {} ", between.to_ascii_lowercase());
    let end = env
        .places(|p| &p.attended)
        .into_iter()
        .filter_map(|x| lower.rfind(&format!(" {x} ")).map(|i| i + x.len() + 1))
        .max()?;
    let name = between.get(end.saturating_sub(1).min(between.len())..)?;
    let only_name = name.split_whitespace().all(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        t.is_empty()
            || t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || crate::ingest::profile::name_connector(&words(t))
    });
    only_name.then_some(from + end.saturating_sub(1).min(between.len()))
}

/// The body a meeting that those who met attended is named after ("for
/// the Migration Dialogue for West Africa (MIDWA) meeting"): the last
/// organization named in the name before the gathering word (`a..b`).
fn attended_body(s: &Sentence, a: usize, b: usize, h: Option<&Held>, env: &Env) -> Option<String> {
    let from = attended(s, a, b, h?, env)?;
    s.mentions
        .iter()
        .filter(|m| m.id.starts_with("organization:") && from <= m.start && m.end <= a)
        .max_by_key(|m| m.end)
        .map(|m| m.id.clone())
}

/// The document's own meeting read from a gathering word and the city
/// after it, with the days the opening states (`held`, else a date of
/// the same sentence). `None` when the opening has no such word with a
/// known city.
pub fn gathering(
    opening: &[Sentence],
    limit: usize,
    env: &Env,
    held: Option<&Held>,
) -> Option<(MeetingRef, Held)> {
    let nouns = super::alternation(env.places(|p| &p.gatherings).into_iter());
    if nouns.is_empty() {
        return None;
    }
    let word = Pattern::new(&format!(r"\b(?:{nouns})\b")).ok()?;
    let re = place_pattern()?;
    for s in read_opening(opening, limit) {
        for (a, b) in s.find(&word) {
            // "its next meeting, set for early December 2017 in Abuja":
            // a meeting to come is not the one the document records.
            let last = s.norm_before(a).trim_end().rsplit(' ').next().unwrap_or("");
            if env.places(|p| &p.next).contains(&last) {
                continue;
            }
            let ordinal = ordinal_before(s, a);
            if ordinal.is_some() && !numbered_is_own(s, env, held) {
                continue;
            }
            let Some((city, country)) = where_held(s, (a, b), ordinal.is_some(), env, held, &re)
            else {
                continue;
            };
            let stated: Vec<_> = s
                .dates
                .iter()
                .filter(|d| !d.deadline)
                .filter_map(|d| d.value)
                .collect();
            let date = held
                .and_then(|h| h.date)
                .or_else(|| crate::ingest::dates::days_apart(&stated))
                .or_else(|| stated.first().copied())
                // "Meeting today in Yangon": the day of a dated page.
                .or_else(|| {
                    let today = env.today.filter(|_| super::tail::says_today(s, b, env))?;
                    Some(DateValue::day(today))
                });
            // A numbered meeting is named by its ordinal and its body.
            let title = match ordinal {
                Some(o) => s
                    .text
                    .get(o..body_end(s, b))
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                None => format!("{} {city}", called(s.text.get(a..b).unwrap_or(""), env)),
            };
            // The one series the document names, keyed by month: its
            // meeting of that month ("the partners of the Rabat Process
            // met ... in Ouagadougou for a Senior Officials' Meeting").
            // A numbered series' meeting the opening calls extraordinary
            // ("Regional Conference on Migration (CRM) Extraordinary
            // Declaration ... gathering in Panama City"): no ordinal names
            // it, its month does (`crm-2022-03`).
            let by_date =
                env.series.as_deref().and_then(series::by_key).filter(|x| {
                    (x.by_date || extraordinary(opening, limit, env)) && date.is_some()
                });
            let target = match by_date {
                Some(x) => Target::Dated {
                    body: format!("organization:{}", x.key()),
                },
                // A body's meeting that those who met came for, by its days.
                None => match attended_body(s, a, b, held, env).filter(|_| date.is_some()) {
                    Some(body) if ordinal.is_none() => Target::Dated { body },
                    _ => Target::Named { title },
                },
            };
            let mut r = MeetingRef::new(a, b, target);
            r.date = date;
            r.city = Some(city.clone());
            r.country = Some(country.clone());
            let h = Held {
                city: Some(city),
                country: Some(country),
                date,
                span: Span {
                    start: s.span.start + a,
                    end: s.span.end,
                },
                heading: false,
            };
            return Some((r, h));
        }
    }
    None
}

/// What a gathering word calls the meeting: itself, or for a verb of
/// meeting (`[places] gathered`: "reunidos") its language's noun
/// (`gathered_as`: "reunión Quito", not "reunidos Quito").
fn called<'a>(word: &'a str, env: &'a Env) -> &'a str {
    let word = word.trim();
    let folded = words(word);
    env.profiles
        .iter()
        .find(|p| p.places.gathered.contains(&folded))
        .map_or(word, |p| p.places.gathered_as.as_str())
}
