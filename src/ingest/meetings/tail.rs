//! What a report writes right after a meeting reference: its date, its
//! place, or both, in either order and with filler words between
//! ("(San José, marzo 2001)", "realizada del 29-31 de octubre de 2002 en
//! Antigua, Guatemala", ", que se realizó en Santiago, Chile, del 20-22 de
//! noviembre 2002", "(Heredia, noviembre 2001; Antigua, mayo 2002; ...)").

use super::Env;
use crate::ingest::dates;
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::words;
use crate::ingest::rules::{self, compile};
use crate::ingest::sentence::Sentence;
use crate::model::{DateValue, Kind};
use std::sync::OnceLock;

struct Patterns {
    filler: Pattern,
    before_date: Pattern,
    after_place_date: Pattern,
    place: Pattern,
    bare_place: Pattern,
    place_year: Pattern,
    of_year: Pattern,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let cap = r"[A-ZÁÉÍÓÚÑ][\p{L}.\-]*";
        Patterns {
            filler: compile(rules::MEETING_FILLER),
            before_date: compile(
                r"^[\s,]*(?:(?:de|del|en|el|ano|durante|entre|los dias|el dia|from|on|in|of|between|the|year)\s+)*$",
            ),
            // "celebrado en Santiago de Chile el pasado 1 y 2 de marzo":
            // after the place only (", el pasado 5 de mayo Panamá asumió"
            // right after a meeting dates something else).
            after_place_date: compile(r"^[\s,]*(?:el\s+)?pasado\s+$"),
            place: compile(&format!(
                r"^[\s,]*(?:en|in)\s+(?P<cd>la\s+ciudad\s+de\s+|the\s+city\s+of\s+)?(?:la\s+|el\s+)?(?P<p>{cap}(?:\s+(?:de\s+|del\s+|la\s+)?{cap}){{0,3}}(?:\s*,\s*{cap}(?:\s+{cap}){{0,2}})?)"
            )),
            // A heading's place with no preposition, right before its date:
            // "(RCGM) San José, Costa Rica November 18, 2013".
            // Its words on one line: "Joint Communiqué" over "San José,
            // Costa Rica, May 5, 2011" is no place.
            bare_place: compile(&format!(
                r"^[\s,]*(?P<p>{cap}(?:[ \t]+(?:de[ \t]+|del[ \t]+|la[ \t]+)?{cap}){{0,3}}(?:\s*,\s*{cap}(?:[ \t]+{cap}){{0,2}})?)[\s,]*$"
            )),
            // A place and its year in parentheses, in a list of meetings
            // ("I SCM, Buenos Aires, Argentina (2000) II SCM, ...").
            place_year: compile(&format!(
                r"^(?P<p>{cap}(?:\s+(?:de\s+|del\s+|la\s+)?{cap}){{0,3}}(?:\s*,\s*{cap}(?:\s+{cap}){{0,2}})?)\s*\((?P<y>1[89]\d\d|20\d\d)\)"
            )),
            // The year right after the place ("en Lima de 1999").
            of_year: compile(r"^(?:de|of)\s+(?P<y>1[89]\d\d|20\d\d)\b"),
        }
    })
}

/// Date and place written after a meeting reference.
#[derive(Debug, Default)]
pub struct Tail {
    pub end: usize,
    pub date: Option<DateValue>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub list: Vec<(Option<String>, Option<String>, DateValue)>,
}

/// What follows the words that name a meeting after its host city
/// (`[places] hosted`: "Capítulo de Brasilia" gives "Brasilia"), when `p`
/// opens with them.
pub(crate) fn after_hosted<'a>(p: &'a str, env: &Env) -> Option<&'a str> {
    let w = words(p);
    env.profiles
        .iter()
        .flat_map(|pr| &pr.places.hosted)
        .find(|h| w.starts_with(&format!("{h} ")))
        .and_then(|h| p.get(p.char_indices().nth(h.chars().count())?.0..))
        .map(str::trim)
}

/// Resolve a place phrase ("Antigua, Guatemala", "Cancún", "El Salvador")
/// to a city and a country id. `None` when nothing in it is known.
pub fn place(phrase: &str, env: &Env) -> Option<(Option<String>, Option<String>)> {
    let parts: Vec<&str> = phrase
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let country_of = |p: &str| {
        let w = words(p);
        let formal = env
            .profiles
            .iter()
            .flat_map(|pr| &pr.places.country_prefixes)
            .filter_map(|x| w.strip_prefix(x.as_str())?.strip_prefix(' '));
        let spellings: Vec<String> = [p, p.trim_end_matches('.')]
            .into_iter()
            .chain(formal)
            .map(str::to_string)
            .collect();
        spellings.iter().find_map(|p| {
            env.resolver
                .lookup(p)
                .into_iter()
                .find(|n| n.kind == Kind::Country)
                .map(|n| n.id.clone())
        })
    };
    let first = *parts.first()?;
    // `Washington, DC, United States`: the abbreviation stays with the city.
    let joined = match parts.get(1) {
        Some(abbr) if is_abbreviation(abbr) && country_of(abbr).is_none() => {
            Some(format!("{first}, {abbr}"))
        }
        _ => None,
    };
    // `Tapachula, Chiapas, México`: a state or province between the city
    // and its country.
    let region = joined.is_none()
        && parts.get(1).is_some_and(|p| country_of(p).is_none())
        && parts.get(2).is_some_and(|p| country_of(p).is_some());
    let second = if joined.is_some() || region { 2 } else { 1 };
    let (mut city, mut country) = (None, None);
    if let Some(c) = country_of(first) {
        country = Some(c);
    } else if let Some((name, c)) = [first, first.trim_end_matches('.')]
        .into_iter()
        .find_map(|n| env.resolver.city(env.gazetteer, n).map(|c| (n, c)))
    {
        city = Some(name.to_string());
        country = Some(c.country_id());
    } else {
        city = Some(first.to_string());
    }
    if let Some(c) = parts.get(second).and_then(|p| country_of(p)) {
        country = Some(c);
    }
    if joined.is_some() && city.is_some() {
        city = joined;
    }
    country.is_some().then_some((city, country))
}

/// The city written "la ciudad de X" or "the city of X" whose country is
/// X ("Ciudad de Panamá", "Guatemala City"), as the gazetteer names it.
fn city_named_like(phrase: &str, env: &Env) -> Option<String> {
    let first = phrase.split(',').next()?.trim();
    [format!("Ciudad de {first}"), format!("{first} City")]
        .iter()
        .find_map(|n| env.resolver.city(env.gazetteer, n).map(|c| c.name.clone()))
}

/// `DC`, `D.C.`: a short abbreviation that belongs to the city before it.
pub fn is_abbreviation(p: &str) -> bool {
    let letters: String = p.chars().filter(|c| *c != '.').collect();
    (1..=3).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// The length, in the normalized text at `at`, of words of the profiles
/// that date something by the document's own day (`[dates] today`,
/// normalized when the profile is read).
fn today_words(s: &Sentence, at: usize, env: &Env) -> Option<usize> {
    let rest = s.norm_after(at);
    let lead = rest.len() - rest.trim_start_matches([' ', ',']).len();
    let text = &rest[lead..];
    env.profiles
        .iter()
        .flat_map(|p| &p.dates.today)
        .filter(|w| {
            text.starts_with(w.as_str())
                && !text[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map(|w| lead + w.len())
        .max()
}

/// How many words after a gathering word a word of `[dates] today` may
/// stand and still date it ("Reunidos hoy en Panamá", "Meeting today in").
const TODAY_REACH: usize = 3;

/// Whether a word of `[dates] today` stands among the first words after
/// `at` (offset in the sentence's text): the meeting named right before
/// is dated by the document's own day ("Meeting today in Yangon"; not
/// "El canciller dijo hoy que la cumbre en Tapachula ...").
pub(crate) fn says_today(s: &Sentence, at: usize, env: &Env) -> bool {
    let after = crate::ingest::profile::words(s.text.get(at..).unwrap_or(""));
    let head: Vec<&str> = after.split(' ').take(TODAY_REACH + 1).collect();
    let w = format!(" {} ", head.join(" "));
    env.profiles
        .iter()
        .flat_map(|p| &p.dates.today)
        .any(|t| w.contains(&format!(" {t} ")))
}

pub fn parse_tail(s: &Sentence, from: usize, env: &Env) -> Tail {
    let p = patterns();
    let mut t = Tail {
        end: from,
        ..Tail::default()
    };
    let mut pos = from;
    for _ in 0..4 {
        let npos = s.norm_at(pos);
        let skip = s
            .norm
            .get(npos..)
            .and_then(|r| p.filler.find(r))
            .map_or(0, |m| m.end());
        let nat = npos + skip;
        let mut at = s.orig(nat).max(pos);
        let raw = s.text.get(at..).unwrap_or("");
        let text_rest = raw.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        at += raw.len() - text_rest.len();
        if let Some(inner) = text_rest.strip_prefix('(') {
            let Some(close) = inner.find(')').filter(|&c| c < 200) else {
                break;
            };
            let content = &inner[..close];
            let after = at + 1 + close + 1;
            if !content.is_empty()
                && content
                    .chars()
                    .all(|c| c.is_uppercase() || c == '/' || c == '-')
            {
                pos = after;
                t.end = after;
                continue;
            }
            if content.contains(';') {
                for item in content.split(';') {
                    let item = item.trim();
                    let item = item
                        .strip_prefix("y ")
                        .or_else(|| item.strip_prefix("e "))
                        .unwrap_or(item);
                    let (place_part, date_part) = match item.rsplit_once(',') {
                        Some((a, b)) => (Some(a), b),
                        None => (None, item),
                    };
                    let Some(d) = dates::parse_one(date_part, &env.dates) else {
                        continue;
                    };
                    let (city, country) = place_part
                        .and_then(|x| place(x, env))
                        .unwrap_or_else(|| (place_part.map(|x| x.trim().to_string()), None));
                    t.list.push((city, country, d));
                }
                if !t.list.is_empty() {
                    t.end = after;
                }
                break;
            }
            let mut used = false;
            for part in content.split(',') {
                if let Some(d) = dates::parse_one(part, &env.dates) {
                    t.date.get_or_insert(d);
                    used = true;
                }
            }
            let place_part = content.rsplit_once(',').map_or(content, |(a, _)| a);
            if let Some((city, country)) = place(place_part, env) {
                t.city = city;
                t.country = country;
                used = true;
            }
            if !used {
                break;
            }
            pos = after;
            t.end = after;
            continue;
        }
        if t.date.is_none() {
            let next = s
                .dates
                .iter()
                .find(|d| d.start >= at && d.value.is_some() && !d.deadline);
            let placed = t.city.is_some() || t.country.is_some();
            let fits = |d: &&crate::ingest::dates::FoundDate| {
                let between = s.hay_between(at, d.start);
                p.before_date.is_match(between) || (placed && p.after_place_date.is_match(between))
            };
            if let Some(d) = next.filter(fits) {
                t.date = d.value;
                pos = d.end;
                t.end = d.end;
                continue;
            }
        }
        if t.date.is_none() {
            // "que se celebró este día": the document's own day.
            if let Some(n) = env.today.and_then(|_| today_words(s, at, env)) {
                t.date = env.today.map(DateValue::day);
                let end = s.end_of(s.norm_at(at) + n);
                pos = end;
                t.end = end;
                continue;
            }
        }
        if t.country.is_none() && t.date.is_none() {
            // A place with no preposition counts only right before a date.
            let next = s
                .dates
                .iter()
                .find(|d| d.start >= at && d.value.is_some() && !d.deadline);
            let bare = next.and_then(|d| {
                let c = p.bare_place.captures(s.text.get(at..d.start)?)?;
                let (city, country) = place(c.name("p")?.as_str(), env)?;
                Some((city, country, d))
            });
            if let Some((city, country, d)) = bare {
                t.city = city;
                t.country = country;
                t.date = d.value;
                pos = d.end;
                t.end = d.end;
                continue;
            }
        }
        if t.city.is_some() && t.date.is_none() {
            let year = p.of_year.captures(text_rest).and_then(|c| {
                let y: i32 = c.name("y")?.as_str().parse().ok()?;
                Some((y, c.get(0)?.end()))
            });
            if let Some((y, n)) = year {
                t.date = Some(DateValue::year(y));
                pos = at + n;
                t.end = at + n;
                continue;
            }
        }
        if t.country.is_none() && t.date.is_none() {
            let year = p.place_year.captures(text_rest).and_then(|c| {
                let (city, country) = place(c.name("p")?.as_str(), env)?;
                let y: i32 = c.name("y")?.as_str().parse().ok()?;
                Some((city, country, y, c.get(0)?.end()))
            });
            if let Some((city, country, y, n)) = year {
                t.city = city;
                t.country = country;
                t.date = Some(DateValue::year(y));
                pos = at + n;
                t.end = at + n;
                continue;
            }
        }
        if t.country.is_none() {
            if let Some(c) = p.place.captures(text_rest) {
                if let Some(mut found) = c.name("p").and_then(|m| place(m.as_str(), env)) {
                    // "en la ciudad de Panamá": the city named like its
                    // country, when the gazetteer knows it so.
                    if c.name("cd").is_some() && found.0.is_none() {
                        found.0 = c.name("p").and_then(|m| city_named_like(m.as_str(), env));
                    }
                    t.city = found.0;
                    t.country = found.1;
                    let end = at + c.get(0).map_or(0, |m| m.end());
                    pos = end;
                    t.end = end;
                    continue;
                }
            }
        }
        break;
    }
    t
}
