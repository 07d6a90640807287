//! A numbered meeting of a body outside the series profiles: a body the
//! document defines ("la Red Iberoamericana de Autoridades Migratorias
//! (RIAM)") or the gazetteer knows, named right after an ordinal and a
//! meeting noun of the language profiles (`[places] meeting_nouns`), with
//! at most one more capitalized word (no acronym: that names another
//! body) and a word of belonging (`[places] of_body`): "la VIII Reunión de
//! la RIAM", "el VII Congreso de la RIAM", "the 45th Regular Meeting of
//! OCAM"; or, as English puts a noun before a noun, right between the
//! ordinal and the noun ("the 5th RMCC Meeting"). The body must end the
//! name: a capitalized word or a word that goes on with it after it (`[places]
//! name_goes_on`: "sobre", "y", "on", "and") makes it the name of
//! something else ("la II Cumbre de la UE y la CELAC", "the 5th Meeting of
//! the UNHCR Standing Committee", "la III Conferencia de las Naciones
//! Unidas sobre ..."). An ordinal within a date ("June 21st IGAD Summit")
//! or on another line counts nothing. The meeting is keyed by the body's
//! short name and its number (`riam-08`), as a series' meeting is. Bodies
//! whose id is no short name of three to eight letters (`plan-puebla-panama`,
//! `nu`) or that are organs of another body (`st`, `ppt`) give none.

use super::series_refs::ordinal_value;
use super::tail::parse_tail;
use super::{overlaps, with_tail, Env};
use crate::ingest::meeting_ref::{MeetingRef, Target};
use crate::ingest::profile::words;
use crate::ingest::sentence::Sentence;
use crate::model::Kind;
use crate::reference::series;

/// Most words between the ordinal and the word of belonging: meeting
/// nouns and one other capitalized word ("Reunión Técnica Ordinaria").
const NAME_WORDS: usize = 3;
/// Most words that keep the count between an ordinal and a body's name
/// ("the VII Annual MIRPS Meeting").
const SAME_COUNT_WORDS: usize = 2;

/// The body's short name from its id (`organization:riam` → `RIAM`): a
/// run of three to eight letters or digits, of a body that is no organ.
fn short_name(id: &str) -> Option<String> {
    let key = id.strip_prefix("organization:")?;
    let fits = (3..=8).contains(&key.len())
        && key.chars().all(|c| c.is_ascii_alphanumeric())
        && !crate::reference::roles().organs.iter().any(|o| o == id);
    fits.then(|| key.to_uppercase())
}

/// An acronym: two letters or more, all capitals.
fn acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether the name goes on after `end`: a capitalized word or a word of
/// `[places] name_goes_on` next.
fn goes_on(s: &Sentence, end: usize, w: &Words) -> bool {
    let rest = s.text.get(end..).unwrap_or("");
    let Some((i, next)) = crate::text::words_at(rest).next() else {
        return false;
    };
    // A bracket ("(Lima, 2019)") or a comma ends the name.
    let joined =
        rest.get(..i).is_some_and(|g| g.trim().is_empty()) && next.starts_with(char::is_alphabetic);
    joined && (capitalized(next) || w.goes_on.contains(&words(next).as_str()))
}

/// Whether a joiner and a word that comes before a place follow `end`
/// (`[places] coordinated`, `[places] before`: "y en el Segmento").
fn elsewhere(s: &Sentence, end: usize, env: &Env) -> bool {
    let rest = words(s.text.get(end..).unwrap_or(""));
    let mut ws = rest.split(' ');
    let (Some(joiner), Some(next)) = (ws.next(), ws.next()) else {
        return false;
    };
    let joins = env.places(|p| &p.coordinated).contains(&joiner);
    let place = env
        .places(|p| &p.before)
        .iter()
        .any(|b| b.split(' ').next() == Some(next));
    joins && place
}

/// The number of the ordinal ending at token `k` of `tokens` (one word,
/// or two: "décimo séptima"), with where it starts.
fn ordinal_ending(tokens: &[(usize, &str)], k: usize) -> Option<(u32, usize)> {
    let (at, raw) = *tokens.get(k)?;
    // "10th -11th RCGM Meeting": the end of a range of days.
    if !raw.starts_with(char::is_alphanumeric) {
        return None;
    }
    let one = ordinal_value(raw, &words(raw)).map(|n| (n, at));
    let two = k.checked_sub(1).and_then(|j| {
        let (a, first) = *tokens.get(j)?;
        crate::reference::series::ordinal_word(&format!("{} {}", words(first), words(raw)))
            .map(|n| (n, a))
    });
    two.or(one)
}

/// Whether a word of the original text names: a capital first letter.
fn capitalized(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// The lists the readers below look words up in, gathered once a sentence.
struct Words<'a> {
    /// `[places] meeting_nouns`.
    nouns: Vec<&'a str>,
    /// `[places] of_body`.
    of: Vec<&'a str>,
    /// `[places] name_goes_on`.
    goes_on: Vec<&'a str>,
    /// `[places] same_count`.
    same_count: Vec<&'a str>,
}

/// The last `n` words of `text` (original offsets), in text order.
fn last_words(text: &str, n: usize) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, &str)> = crate::text::words_at(text).rev().take(n).collect();
    out.reverse();
    out
}

/// The ordinal, meeting noun and word of belonging right before `at`
/// ("VIII Reunión de la", "octava reunión de la"; other words between
/// capitalized: "45th Regular Meeting of"): where the ordinal starts and
/// its number.
fn named_before(s: &Sentence, at: usize, w: &Words) -> Option<(usize, u32)> {
    // Most sentences fail here: no word of belonging before the name.
    let norm = s.norm_before(at).trim_end();
    let of =
        w.of.iter()
            .filter(|o| {
                norm.strip_suffix(**o)
                    .is_some_and(|head| head.is_empty() || head.ends_with(' '))
            })
            .map(|o| o.split(' ').count())
            .max()?;
    let tokens = last_words(s.text.get(..at)?, NAME_WORDS + of + 3);
    let mut k = tokens.len().checked_sub(of + 1)?;
    let (mut noun, mut other) = (false, 0);
    for _ in 0..=NAME_WORDS {
        let (_, t) = tokens.get(k)?;
        if t.ends_with([',', ';', ':', '.', ')']) {
            return None;
        }
        if noun {
            if let Some((n, start)) = ordinal_ending(&tokens, k) {
                return Some((start, n));
            }
        }
        let folded = words(t);
        let is_noun = w.nouns.contains(&folded.as_str());
        if !is_noun && w.same_count.contains(&folded.as_str()) {
            k = k.checked_sub(1)?;
            continue;
        }
        if !is_noun {
            other += 1;
            if !capitalized(t) || acronym(t) || other > 1 {
                return None;
            }
        }
        noun |= is_noun;
        k = k.checked_sub(1)?;
    }
    None
}

/// The ordinal right before `at` and a meeting noun right after `end`
/// ("5th RMCC Meeting", "the VII Annual MIRPS Meeting" with a word of
/// `same_count` between), or a body whose own name ends with a meeting
/// noun ("The Sixth Pacific Immigration Directors Conference (PIDC)
/// met"): where the ordinal starts, its number and where the noun (or the
/// body's short name after it) ends.
fn around(
    s: &Sentence,
    at: usize,
    end: usize,
    body: &str,
    w: &Words,
) -> Option<(usize, u32, usize)> {
    let after = s.text.get(end..)?;
    let (i, next) = crate::text::words_at(after).next()?;
    let own_name = || {
        let name = s.text.get(at..end)?;
        let last = crate::text::words_at(name).last()?.1;
        w.nouns
            .contains(&words(last).as_str())
            .then(|| after_acronym(s, end, body))
    };
    let noun_end = if after.get(..i)?.trim().is_empty() && w.nouns.contains(&words(next).as_str()) {
        end + i + next.trim_end_matches([',', ';', ':', '.']).len()
    } else {
        own_name()?
    };
    if goes_on(s, noun_end, w) {
        return None;
    }
    let tokens = last_words(s.text.get(..at)?, 2 + SAME_COUNT_WORDS);
    let mut k = tokens.len().checked_sub(1)?;
    for _ in 0..SAME_COUNT_WORDS {
        let (_, t) = tokens.get(k)?;
        if !w.same_count.contains(&words(t).as_str()) {
            break;
        }
        k = k.checked_sub(1)?;
    }
    let (n, start) = ordinal_ending(&tokens, k)?;
    Some((start, n, noun_end))
}

/// Numbered meetings of bodies outside the series profiles (see the
/// module's doc), added to `refs` where no earlier reference covers them.
pub(super) fn numbered(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let orgs: Vec<_> = s
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Organization)
        .collect();
    // Gathered at the first body with a short name (most sentences have
    // none).
    let mut lists: Option<Words> = None;
    let adjoin = |a: usize, b: usize| s.text.get(a..b).is_some_and(|g| g.trim().is_empty());
    for (i, men) in orgs.iter().enumerate() {
        let Some(body) = short_name(&men.id) else {
            continue;
        };
        // "the 5th Meeting of the IGAD RMCC": the RMCC's, not IGAD's;
        // the words before the first name are read.
        if orgs.get(i + 1).is_some_and(|x| adjoin(men.end, x.start)) {
            continue;
        }
        let mut lead = i;
        while lead > 0 && adjoin(orgs[lead - 1].end, orgs[lead].start) {
            lead -= 1;
        }
        // A series' body is read by the series' own patterns; a body that
        // meets by date (`GRCM`) has no numbered meetings.
        let key = men.id.strip_prefix("organization:").unwrap_or("");
        if series::by_key(key).is_some()
            || crate::reference::roles().undated_meetings.contains(&men.id)
        {
            continue;
        }
        let lists = lists.get_or_insert_with(|| Words {
            nouns: env.places(|p| &p.meeting_nouns),
            of: env.places(|p| &p.of_body),
            goes_on: env.places(|p| &p.name_goes_on),
            same_count: env.places(|p| &p.same_count),
        });
        let found = named_before(s, orgs[lead].start, lists)
            .map(|(a, n)| (a, n, after_acronym(s, men.end, &body)))
            // After the short name in brackets or a dash, a joiner and a
            // word before a place ("(MIRPS) y en el Segmento ...") join
            // another event, not more of the name.
            .filter(|&(_, _, b)| !goes_on(s, b, lists) || (b > men.end && elsewhere(s, b, env)))
            .or_else(|| around(s, orgs[lead].start, men.end, &body, lists));
        let Some((a, ordinal, b)) = found else {
            continue;
        };
        // An ordinal on the line above ("ANEXO II" / "REUNIÓN TÉCNICA DE
        // LA OIM") or within a date ("June 21st IGAD Summit") counts
        // nothing; nor does a series' name.
        let across_lines = s.text.get(a..men.start).is_some_and(|t| t.contains('\n'));
        let in_date = s.dates.iter().any(|d| d.start <= a && a < d.end);
        if across_lines || in_date || series::by_name(&body).is_some() || overlaps(refs, a, b) {
            continue;
        }
        let r = MeetingRef::new(a, b, Target::Numbered { body, ordinal });
        refs.push(with_tail(r, &parse_tail(s, b, env)));
    }
}

/// Past the bracket right after a body's long name that holds its short
/// name `body` ("... y Caribeños (Celac), celebrada el 24 de enero"), or
/// past the short name after a dash ("... Migratorias – RIAM, que se
/// realizó en Lima"): the place and days follow it. Any other bracket
/// ("(2019)", "(Tegucigalpa)") is the meeting's own.
fn after_acronym(s: &Sentence, end: usize, body: &str) -> usize {
    let rest = s.text.get(end..).unwrap_or("");
    let open = rest.len() - rest.trim_start().len();
    let dashed = rest
        .trim_start()
        .strip_prefix(['–', '—', '-'])
        .map(str::trim_start)
        .filter(|r| {
            r.get(..body.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(body))
                && !r[body.len()..].starts_with(char::is_alphanumeric)
        });
    if let Some(r) = dashed {
        return end + (rest.len() - r.len()) + body.len();
    }
    let inner = rest.trim_start().strip_prefix('(').and_then(|r| {
        let close = r.find(')')?;
        r.get(..close)?
            .trim()
            .eq_ignore_ascii_case(body)
            .then_some(close)
    });
    inner.map_or(end, |close| end + open + close + 2)
}
