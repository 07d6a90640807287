//! Where and when the meeting a document records was held, read from the
//! document's opening: a heading line of place and days (`Managua,
//! Nicaragua, 29 - 31 de octubre de 2007`), a place line next to a line of
//! days (`Managua, Nicaragua` / `June 24-25, 2014`), or the opening
//! sentence that says the meeting took place (`se celebró en San
//! Salvador, El Salvador, el 28 y 29 de enero de 1999`, `took place in
//! Washington, DC, ... March 23rd and 24th, 2000`). Only the opening is
//! read (before the first decision and within its first lines), so a
//! date or place written later for another meeting is never taken.

use super::dates::{self, meeting_days as days, DateContext};
use super::meetings::{after_hosted, is_abbreviation, place, Env};
use super::profile::words;
use super::sentence::Sentence;
use crate::model::{DateValue, Precision, Span};
use going_on::{days_after, last_day_after};

/// How far the opening reaches: its first lines of text.
const OPENING_LINES: usize = 14;
/// The longest line read as a heading of place and days.
const HEADING_LINE: usize = 120;

pub use super::meeting_ref::Held;

/// The non-empty lines of the opening, with their byte offsets, up to
/// `limit` (the first decision).
fn opening_lines(text: &str, limit: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if start >= limit || out.len() >= OPENING_LINES {
            break;
        }
        let t = line.trim();
        if !t.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push((start + lead, t));
        }
    }
    out
}

/// A line cut at the labels of a page's fields, each part without its
/// label: `Location: Bali, IndonesiaDate: 29 - 30 April 2003` gives `Bali,
/// Indonesia` and `29 - 30 April 2003` (with their offsets in the line). A
/// label counts at the start of a word, or run into the word before it
/// when it starts with a capital after a small letter.
fn field_parts<'l>(line: &'l str, labels: &[&str]) -> Vec<(usize, &'l str)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (colon, _) in line.match_indices(':') {
        let head = &line[..colon];
        let run = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(colon, |(i, _)| i);
        let word = &line[run..colon];
        let found = labels.iter().find_map(|l| {
            let at = word.len().checked_sub(l.len())?;
            let tail = word.get(at..)?;
            if !tail.eq_ignore_ascii_case(l) {
                return None;
            }
            let glued = at > 0
                && tail.chars().next().is_some_and(char::is_uppercase)
                && word[..at].chars().last().is_some_and(char::is_lowercase);
            (at == 0 || glued).then_some(run + at)
        });
        if let Some(start) = found {
            cuts.push((start, colon + 1));
        }
    }
    if cuts.is_empty() {
        return vec![(0, line)];
    }
    let mut parts = Vec::new();
    let mut from = 0;
    for &(start, after) in &cuts {
        if let Some(p) = line.get(from..start).filter(|p| !p.trim().is_empty()) {
            parts.push((from, p.trim()));
        }
        from = after;
    }
    if let Some(p) = line.get(from..).filter(|p| !p.trim().is_empty()) {
        let lead = p.len() - p.trim_start().len();
        parts.push((from + lead, p.trim()));
    }
    parts
}

/// A meeting named on a line of its own, with no place or days there,
/// takes them from the field lines right under it, as pages that list
/// meetings write them ("21st Senior Officials Meeting" / "Date: 9–10
/// December 2013" / "Location: Istanbul, Turkey", or the place alone on
/// its line). The lines are read until one that is neither a date, a
/// place nor a field of either, and at most [`FIELD_LINES`] of them.
pub fn fill_listed(text: &str, sents: &mut [Sentence], env: &Env) {
    let labels: Vec<&str> = env.places(|p| &p.fields);
    for s in sents.iter_mut() {
        let [m] = s.meetings.as_mut_slice() else {
            continue;
        };
        let line = s.text.trim();
        let alone = !line.contains('\n') && m.end - m.start + 3 >= line.len();
        if !alone || m.date.is_some() || m.city.is_some() || m.country.is_some() {
            continue;
        }
        let after = text.get(s.span.end..).unwrap_or("");
        let (date, place) = field_lines(after, &labels, env);
        m.date = date;
        if let Some((city, country)) = place {
            m.city = city;
            m.country = country;
        }
    }
}

/// Field lines a listed meeting's heading may have under it.
const FIELD_LINES: usize = 3;

/// A city and a country, either unknown.
type Place = (Option<String>, Option<String>);

/// The days and the place of the field lines at the start of `after`
/// (the rest of the heading's line first, then the lines under it).
fn field_lines(after: &str, labels: &[&str], env: &Env) -> (Option<DateValue>, Option<Place>) {
    let (mut date, mut place) = (None, None);
    let mut lines = after.lines();
    if lines.next().is_some_and(|rest| !rest.trim().is_empty()) {
        return (None, None);
    }
    for line in lines.filter(|l| !l.trim().is_empty()).take(FIELD_LINES) {
        let mut read = false;
        for (_, part) in field_parts(line.trim(), labels) {
            if date.is_none() {
                if let Some(v) = only_days(part, &env.dates) {
                    date = Some(v);
                    read = true;
                    continue;
                }
            }
            if place.is_none() {
                if let Some(p) = only_place(part, env) {
                    place = Some(p);
                    read = true;
                }
            }
        }
        if !read {
            // A page's field gives one day (the last), its description
            // the days ("Date: 26 June 2003" / "The meeting in Rhodes on
            // 25 - 26 June 2003"): the days that hold the field's day.
            date = date.map(|d| wider_days(d, line, &env.dates));
            break;
        }
    }
    (date, place)
}

/// The first span of days in `line` that holds the one day `d`, else `d`.
fn wider_days(d: DateValue, line: &str, ctx: &DateContext) -> DateValue {
    if d.precision != Precision::Day {
        return d;
    }
    dates::find(line, ctx)
        .into_iter()
        .filter_map(|f| f.value)
        .find(|v| v.precision == Precision::Range && v.start <= d.start && d.end <= v.end)
        .unwrap_or(d)
}

/// A line's place before a date that ends the line: `Managua, Nicaragua,
/// 29 - 31 de octubre de 2007`, `Sucre – , 22nd and 23rd November 2018`.
fn place_and_days(line: &str, env: &Env) -> Option<(Option<String>, Option<String>, DateValue)> {
    if line.len() > HEADING_LINE {
        return None;
    }
    let found = dates::find(line, &env.dates);
    let d = found.last()?;
    let v = d.value.filter(days)?;
    let tail = line
        .get(d.end..)?
        .trim_matches(|c: char| c == '.' || c.is_whitespace());
    let run_in = || {
        let w = crate::ingest::profile::words(tail);
        env.profiles.iter().any(|p| p.places.run_in.contains(&w))
    };
    if !(tail.is_empty() || run_in()) || d.start == 0 {
        return None;
    }
    let lead = line.get(..d.start)?;
    if running_text(lead) && !placed(lead, env) {
        return None;
    }
    let (city, country) = place_phrase(lead, env)?;
    Some((city, country, v))
}

/// Whether `lead` has a word of the profiles that comes before a place
/// ("will take place in Istanbul, Turkey, on 11–12 December 2014"): a
/// sentence that says where, not an item of a list.
fn placed(lead: &str, env: &Env) -> bool {
    let w = format!(" {} ", words(lead));
    env.places(|p| &p.before)
        .iter()
        .any(|b| w.contains(&format!(" {b} ")))
}

/// Whether a line's words before its days are running text, not a
/// heading's name and place: two words or more in lower case that join
/// no names. Unless it says where ([`placed`]), such a line ("Workshop
/// social reintegration returned, Honduras October 26th and 27th") is an
/// item of a list of activities, not the place and days of the meeting.
fn running_text(lead: &str) -> bool {
    const JOINERS: &[&str] = &[
        "de", "del", "la", "las", "los", "el", "y", "e", "en", "sobre", "para", "of", "the", "and",
        "on", "in", "for",
    ];
    lead.split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase))
        .filter(|w| !JOINERS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        .count()
        >= 2
}

/// A line that is only days (`June 24-25, 2014`, `21 June 2017`).
fn only_days(line: &str, ctx: &DateContext) -> Option<DateValue> {
    (line.len() <= 40)
        .then(|| dates::parse_one(line, ctx))
        .flatten()
        .filter(days)
}

/// A line that is only a place (`Managua, Nicaragua`, `Bali, Indonesia`).
fn only_place(line: &str, env: &Env) -> Option<(Option<String>, Option<String>)> {
    if line.len() > 60 || line.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (city, country) = place_phrase(line, env)?;
    // The whole line must be the place: "City, Country", nothing else.
    let parts = line.split(',').filter(|p| !p.trim().is_empty()).count();
    (parts <= 3 && city.is_some()).then_some((city, country))
}

/// Capitalize a place written in capitals (`SAN SALVADOR` → `San Salvador`).
fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Read a place from a phrase of comma-separated parts: from the first
/// part on which [`place`] knows a city followed by its country, a known
/// city, or a country (`En el Palacio Itamaraty, Brasilia, República
/// Federativa de Brasil` gives Brasilia).
pub fn place_phrase<'a>(phrase: &'a str, env: &Env) -> Option<(Option<String>, Option<String>)> {
    let venue = |p: &str| {
        let w = words(p);
        env.profiles
            .iter()
            .flat_map(|pr| &pr.places.venues)
            .any(|v| w == *v || w.starts_with(&format!("{v} ")))
    };
    // "Capítulo de Brasilia": the city a meeting is named after.
    let hosted = |p: &'a str| -> &'a str { after_hosted(p, env).unwrap_or(p) };
    let parts: Vec<&str> = phrase
        .split(',')
        .map(|p| {
            p.trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        })
        .map(hosted)
        .filter(|p| !p.is_empty() && !venue(p))
        .collect();
    (0..parts.len()).find_map(|i| {
        let (city, country) = place(&parts[i..].join(", "), env)?;
        if city.as_deref().is_some_and(|c| !name_like(c)) {
            return None;
        }
        Some((city.map(|c| title_case(&c)), country))
    })
}

/// A city's name: at most four words, each capitalized or a joining word
/// (`San José`, `Ciudad de Panamá`), not a phrase of running text.
fn name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "del" | "la" | "las" | "los" | "of" | "the")
        })
}

/// The place after `en`/`in` in an opening sentence that says the
/// meeting was held, and the days it gives (or `dated`, the sentence
/// after it, gives).
fn held_sentence(s: &Sentence, dated: &Sentence, env: &Env) -> Option<Held> {
    // The days of the meeting: a range where the sentence gives one (a
    // date line caught in the same sentence gives only the last day).
    let all: Vec<DateValue> = dated
        .dates
        .iter()
        .filter_map(|d| d.value)
        .filter(days)
        .collect();
    let first = *all.first()?;
    let v = all
        .iter()
        .find(|d| d.precision == Precision::Range)
        .copied()
        .or_else(|| dates::days_apart(&all))
        .unwrap_or(first);
    let two = env.places(|p| &p.before_two);
    let mut before: Vec<&str> = env.places(|p| &p.before);
    before.extend(&two);
    before.sort_by_key(|b| std::cmp::Reverse(b.len()));
    let mut found = None;
    // The place may open the sentence ("En la ciudad de Caracas, ..., los
    // días 2 y 3 de julio de 2007, ... se reunió la VII Conferencia").
    let starts =
        std::iter::once(0).chain(s.text.match_indices(char::is_whitespace).map(|(i, _)| i));
    for i in starts {
        let rest = s.text.get(i..).unwrap_or("").trim_start();
        let head: String = rest.chars().take(40).collect();
        let w = words(&head);
        let Some(b) = before.iter().find(|b| w.starts_with(&format!("{b} "))) else {
            continue;
        };
        // Skip as many words of the text as the phrase has.
        let n = b.split(' ').count();
        let after = rest
            .splitn(n + 1, char::is_whitespace)
            .nth(n)
            .unwrap_or("")
            .trim_start();
        if !after.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // The place runs to the first word in lower case that is not a
        // joining word, or to a date; else to an earlier name that is a
        // known place ("en la ciudad de Asunción la Sexta Conferencia").
        let read = if two.contains(b) {
            two_places(after, env)
        } else {
            longest_place(after, env)
        };
        if let Some(p) = read {
            found = Some(p);
            break;
        }
    }
    // Else a place written right after the days, as a date line writes
    // it ("held on 13 October 2017, Jakarta, Indonesia").
    if found.is_none() {
        found = dated
            .dates
            .iter()
            .filter(|d| d.value == Some(v))
            .find_map(|d| {
                let after = dated.text.get(d.end..)?.trim_start().strip_prefix(',')?;
                let after = after.trim_start();
                after.chars().next().filter(|c| c.is_uppercase())?;
                longest_place(after, env)
            });
    }
    let (city, country) = found.unwrap_or((None, None));
    Some(Held {
        city,
        country,
        date: Some(v),
        span: s.span,
        heading: false,
    })
}

/// Two cities joined by a word of `[places] two_joins` and the country
/// after the second ("Omoa y San Pedro Sula, Honduras"): both cities as
/// one place, as printed, and the country.
fn two_places(after: &str, env: &Env) -> Option<(Option<String>, Option<String>)> {
    let joins = env.places(|p| &p.two_joins);
    let (at, join) = after
        .match_indices(' ')
        .filter_map(|(i, _)| {
            let rest = after.get(i + 1..)?;
            let j = joins.iter().find(|j| rest.starts_with(&format!("{j} ")))?;
            Some((i, *j))
        })
        .next()?;
    let first = after.get(..at)?.trim();
    if !name_like(first) {
        return None;
    }
    let rest = after.get(at + 1 + join.len()..)?.trim_start();
    let (second, country) = longest_place(rest, env)?;
    let second = second.or_else(|| {
        // A city the gazetteer does not know, before a country it knows.
        let name = rest.split(',').next()?.trim();
        name_like(name).then(|| title_case(name))
    })?;
    Some((Some(format!("{first} {join} {second}")), country))
}

/// The longest place phrase that `after` opens with (see [`place_ends`]).
fn longest_place(after: &str, env: &Env) -> Option<(Option<String>, Option<String>)> {
    place_ends(after)
        .into_iter()
        .rev()
        .find_map(|end| place_phrase(after.get(..end)?, env))
}

/// Where a place phrase may end, shortest first: after each name word up
/// to a word in lower case that does not join a name (`de`, `del`, `la`),
/// or a digit.
fn place_ends(after: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    for (i, w) in after.split_inclusive([' ', '\n']).scan(0, |at, w| {
        let s = *at;
        *at += w.len();
        Some((s, w))
    }) {
        let word = w.trim().trim_matches(|c: char| c == ',' || c == ';');
        let lower_start = word.chars().next().is_some_and(char::is_lowercase);
        let joining = matches!(word, "de" | "del" | "la" | "las" | "los" | "of" | "the");
        if word.chars().next().is_some_and(|c| c.is_ascii_digit()) || (lower_start && !joining) {
            break;
        }
        // A joining word belongs to the place only before a name
        // (`Ciudad de Panamá`, not `Cancún los días`).
        if joining {
            continue;
        }
        ends.push((i + w.len()).min(after.len()));
        if w.trim_end().ends_with(['.', ';']) && !is_abbreviation(word) {
            break;
        }
    }
    ends
}

/// The place and days of the meeting the document records, from its
/// opening (before `limit`, the first decision). `held` tells which
/// sentences say that a meeting took place.
pub fn read(
    text: &str,
    opening: &[Sentence],
    limit: usize,
    env: &Env,
    held: impl Fn(&Sentence) -> bool,
) -> Option<Held> {
    let labels: Vec<&str> = env.places(|p| &p.fields);
    let lines: Vec<(usize, &str)> = opening_lines(text, limit)
        .into_iter()
        .flat_map(|(at, l)| {
            field_parts(l, &labels)
                .into_iter()
                .map(move |(o, p)| (at + o, p))
        })
        .collect();
    let mut line_found: Option<Held> = None;
    for (k, &(at, line)) in lines.iter().enumerate() {
        if let Some((city, country, v)) = place_and_days(line, env) {
            line_found = Some(Held {
                city,
                country,
                date: Some(v),
                span: Span {
                    start: at,
                    end: at + line.len(),
                },
                heading: true,
            });
            break;
        }
        let Some((city, country)) = only_place(line, env) else {
            continue;
        };
        let near = |j: usize| {
            lines
                .get(j)
                .and_then(|&(a, l)| Some((a, l, only_days(l, &env.dates)?)))
        };
        let other = near(k + 1).or_else(|| k.checked_sub(1).and_then(near));
        if let Some((a, l, v)) = other {
            let (s, e) = (at.min(a), (at + line.len()).max(a + l.len()));
            line_found = Some(Held {
                city,
                country,
                date: Some(v),
                span: Span { start: s, end: e },
                heading: true,
            });
            break;
        }
    }
    let sentence = opening
        .iter()
        .enumerate()
        .filter(|(_, s)| s.span.start < limit)
        .filter(|(_, s)| held(s))
        .find_map(|(k, s)| {
            let next = opening.get(k + 1);
            match held_sentence(s, s, env) {
                Some(h) => Some(last_day_after(h, next, limit, env)),
                None => days_after(s, next?, limit, env),
            }
        });
    let mut found = merge(line_found, sentence)?;
    // Held where the story's dateline says, when nothing else names a
    // city ("San Ignacio — This week (06/11) ... met at the annual
    // meeting of the OCAM").
    if found.city.is_none() {
        if let Some((city, country)) = dateline::dateline(text, limit, env) {
            if found.country.is_none() || found.country == country {
                found.city = Some(city);
                found.country = country;
            }
        }
    }
    Some(found)
}

/// The heading line and the opening sentence together: the widest days
/// where one holds the other (a date line gives the last day, the
/// sentence all of them), the place from whichever names one.
fn merge(line: Option<Held>, sentence: Option<Held>) -> Option<Held> {
    match (line, sentence) {
        (Some(mut l), Some(s)) => {
            // A date line gives one day (the last); days in the heading
            // are the meeting's.
            if let (Some(a), Some(b)) = (l.date, s.date) {
                let wider = (b.start, b.end) != (a.start, a.end);
                if a.precision == Precision::Day && wider && b.start <= a.start && a.end <= b.end {
                    l.date = Some(b);
                }
            }
            if l.city.is_none() {
                l.city = s.city;
                l.country = l.country.or(s.country);
            }
            Some(l)
        }
        (l, s) => l.or(s),
    }
}

mod dateline;
mod going_on;
#[cfg(test)]
mod tests;
