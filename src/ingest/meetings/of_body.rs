//! A numbered meeting of a body outside the series profiles: a body the
//! document defines ("la Red Iberoamericana de Autoridades Migratorias
//! (RIAM)") or the gazetteer knows, named right after an ordinal and a
//! meeting noun of the language profiles (`[places] meeting_nouns`), with
//! at most two more capitalized words and a word of belonging (`[places]
//! of_body`): "la VIII Reunión de la RIAM", "el VII Congreso de la RIAM",
//! "the 45th Regular Meeting of the Commission"; or, as English puts a
//! noun before a noun, right between the ordinal and the noun ("the 5th
//! RMCC Meeting"). The meeting is keyed by the body's short name and its
//! number (`riam-08`), as a series' meeting is. Bodies whose id is no
//! short name (`plan-puebla-panama`) give none: their meetings would have
//! no key a reader could write.

use super::series_refs::ordinal_value;
use super::tail::parse_tail;
use super::{overlaps, with_tail, Env};
use crate::ingest::meeting_ref::{MeetingRef, Target};
use crate::ingest::profile::words;
use crate::ingest::sentence::Sentence;
use crate::model::Kind;
use crate::reference::series;

/// Most capitalized words between the ordinal and the word of belonging,
/// the meeting noun among them ("Reunión Ordinaria", "Regular Meeting").
const NAME_WORDS: usize = 3;

/// The body's short name from its id (`organization:riam` → `RIAM`): a
/// run of two to eight letters or digits.
fn short_name(id: &str) -> Option<String> {
    let key = id.strip_prefix("organization:")?;
    let fits = (2..=8).contains(&key.len()) && key.chars().all(|c| c.is_ascii_alphanumeric());
    fits.then(|| key.to_uppercase())
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
    let mut noun = false;
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
        let is_noun = w.nouns.contains(&words(t).as_str());
        if !is_noun && !capitalized(t) {
            return None;
        }
        noun |= is_noun;
        k = k.checked_sub(1)?;
    }
    None
}

/// The ordinal right before `at` and a meeting noun right after `end`
/// ("5th RMCC Meeting"): where the ordinal starts, its number and where
/// the noun ends.
fn around(s: &Sentence, at: usize, end: usize, w: &Words) -> Option<(usize, u32, usize)> {
    let after = s.text.get(end..)?;
    let (i, next) = crate::text::words_at(after).next()?;
    if !(after.get(..i)?.trim().is_empty() && w.nouns.contains(&words(next).as_str())) {
        return None;
    }
    let tokens = last_words(s.text.get(..at)?, 2);
    let (n, start) = ordinal_ending(&tokens, tokens.len().checked_sub(1)?)?;
    Some((
        start,
        n,
        end + i + next.trim_end_matches([',', ';', ':', '.']).len(),
    ))
}

/// Numbered meetings of bodies outside the series profiles (see the
/// module's doc), added to `refs` where no earlier reference covers them.
pub(super) fn numbered(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let undated = &crate::reference::roles().undated_meetings;
    let orgs: Vec<_> = s
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Organization)
        .collect();
    let lists = Words {
        nouns: env.places(|p| &p.meeting_nouns),
        of: env.places(|p| &p.of_body),
    };
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
        // A body that meets by date (`GRCM`) has no numbered meetings.
        if undated.contains(&men.id)
            || series::by_name(&body).is_some()
            || men
                .id
                .strip_prefix("organization:")
                .and_then(series::by_key)
                .is_some()
        {
            continue;
        }
        let found = named_before(s, orgs[lead].start, &lists)
            .map(|(a, n)| (a, n, after_acronym(s, men.end)))
            .or_else(|| around(s, orgs[lead].start, men.end, &lists));
        let Some((a, ordinal, b)) = found else {
            continue;
        };
        if overlaps(refs, a, b) {
            continue;
        }
        let r = MeetingRef::new(a, b, Target::Numbered { body, ordinal });
        refs.push(with_tail(r, &parse_tail(s, b, env)));
    }
}

/// Past the bracket right after a body's long name that holds its short
/// one ("... y Caribeños (Celac), celebrada el 24 de enero"): the place
/// and days follow it.
fn after_acronym(s: &Sentence, end: usize) -> usize {
    let rest = s.text.get(end..).unwrap_or("");
    let open = rest.len() - rest.trim_start().len();
    let inner = rest.trim_start().strip_prefix('(').and_then(|r| {
        let close = r.find(')')?;
        let short = &r[..close];
        (!short.is_empty() && short.len() <= 12 && !short.contains(char::is_whitespace))
            .then_some(close)
    });
    inner.map_or(end, |close| end + open + close + 2)
}
