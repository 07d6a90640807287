//! A meeting named in running prose, outside any series profile: a noun
//! of the language profiles (`[places] meeting_nouns`: "conference",
//! "meeting", "reunión") with a name (a capitalized word or an ordinal
//! with it), the words of holding right after the name (`[places] held`:
//! "held", "which had been held", "celebrada", "que tuvo lugar"), then a
//! known city and days ("the International Conference on Migration,
//! Childhood and Family, held on July 16-17, 2014, in Tegucigalpa,
//! Honduras"; "the meeting of the Regional Coalition against Trafficking,
//! held in Panama City, on 12-14 November, 2014"). All four must be
//! there: a noun alone, or a name without a city and days, names no
//! meeting that could be told from another.

use super::tail::parse_tail;
use super::{overlaps, with_tail, Env};
use crate::ingest::meeting_ref::{MeetingRef, Target};
use crate::ingest::sentence::Sentence;
use crate::reference::series;

/// How far before the words of holding the meeting's noun may stand
/// (bytes of normalized text): a name of a dozen words.
const REACH: usize = 140;

/// Whole-word occurrences of `phrase` (in [`crate::ingest::profile::words`]
/// form) in the normalized `hay`: (start, end) byte offsets.
fn occurrences<'a>(hay: &'a str, phrase: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    hay.match_indices(phrase)
        .map(|(i, m)| (i, i + m.len()))
        .filter(move |&(a, b)| !phrase.is_empty() && crate::text::whole_words(hay, a, b))
}

/// Whether a word of the original text names something: a capital, or
/// an ordinal written with digits ("7th", "45ª").
fn naming(w: &str) -> bool {
    let first = w.chars().find(|c| c.is_alphanumeric());
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Where the meeting's name starts: the run of naming words right before
/// its noun at `noun` (original offset), with the noun's own offset when
/// none.
fn name_start(s: &Sentence, noun: usize) -> usize {
    let before = s.text.get(..noun).unwrap_or("");
    let mut start = noun;
    for (i, w) in crate::text::words_at(before).rev() {
        if !naming(w) || w.ends_with([',', ';', ':', '.']) {
            break;
        }
        start = i;
    }
    start
}

/// The first known city within reach after `at` (see
/// [`super::own::city_after`]).
fn city_after_held(s: &Sentence, at: usize, env: &Env) -> Option<(String, String)> {
    static P: std::sync::OnceLock<Option<crate::ingest::pattern::Pattern>> =
        std::sync::OnceLock::new();
    let re = P.get_or_init(super::own::place_pattern).as_ref()?;
    super::own::city_after(s, at, env, re)
}

/// Whether the words from `start` to `end` name a meeting: a naming
/// word other than its noun and the sentence's first word. In a document
/// of one series, the words of that series' meetings ("Senior Officials'
/// Meeting", "3rd Ministerial Conference") name its own meetings, which
/// its passes read: they and ordinals do not count.
fn named(s: &Sentence, env: &Env, start: usize, end: usize, noun: (usize, usize)) -> bool {
    let series = env.series.as_deref().and_then(series::by_key);
    let text = s.text.get(start..end).unwrap_or("");
    let tokens: Vec<(usize, &str, String)> = crate::text::words_at(text)
        .map(|(i, w)| (start + i, w, crate::ingest::profile::words(w)))
        .collect();
    let mut taken = vec![false; tokens.len()];
    let all = series.into_iter().flat_map(|x| {
        x.meeting_words
            .iter()
            .chain(x.sub_meetings.iter().flat_map(|m| &m.words))
    });
    for w in all {
        let w = crate::ingest::profile::words(w);
        let parts: Vec<&str> = w.split(' ').collect();
        for i in 0..tokens.len() {
            let fits = parts
                .iter()
                .enumerate()
                .all(|(k, p)| tokens.get(i + k).is_some_and(|t| t.2 == *p));
            if fits {
                taken
                    .iter_mut()
                    .skip(i)
                    .take(parts.len())
                    .for_each(|x| *x = true);
            }
        }
    }
    tokens.iter().zip(&taken).any(|((at, w, _), taken)| {
        let own_noun = noun.0 <= *at && *at < noun.1;
        // "(SOM)": an acronym repeats the name before it.
        let acronym = w.starts_with('(');
        let ordinal = !w.starts_with(char::is_uppercase);
        let numbered = series.is_some() && ordinal;
        *at > 0 && !own_noun && !taken && !acronym && !numbered && naming(w)
    })
}

/// Whether the words right after a meeting's noun (ending at `noun_end`)
/// name who met (`[places] between`).
fn between(s: &Sentence, noun_end: usize, env: &Env) -> bool {
    let after = crate::ingest::profile::words(s.text.get(noun_end..).unwrap_or(""));
    env.places(|p| &p.between)
        .iter()
        .any(|w| after.starts_with(&format!("{w} ")))
}

/// Where a place follows a name with no words of holding between them
/// ("at the 6th Regional Ministerial Forum on Migration (RMFM) in Kampala,
/// Uganda, on 13 February 2025"): the offsets (empty spans, normalized
/// text) right before each word of `[places] before` that follows a
/// meeting's noun within reach with only the name's words between them,
/// the last one an acronym's bracket or a capitalized word. The name, the
/// place and the days must still all be there.
fn placed_after_name(s: &Sentence, env: &Env) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let nouns: Vec<(usize, usize)> = env
        .profiles
        .iter()
        .flat_map(|p| p.places.nouns_in(&s.norm))
        .collect();
    let befores = env.places(|p| &p.before);
    for &(_, noun_end) in &nouns {
        // Only the name's words may follow the noun, up to the place.
        let reach = (noun_end + REACH).min(s.norm.len());
        let reach = (noun_end..=reach)
            .rev()
            .find(|&i| s.norm.is_char_boundary(i))
            .unwrap_or(noun_end);
        let window = s.norm.get(noun_end..reach).unwrap_or("");
        for b in &befores {
            for (i, _) in occurrences(window, b) {
                let at = noun_end + i;
                let text = s.text.get(s.end_of(noun_end)..s.orig(at)).unwrap_or("");
                if !text.trim().is_empty() && !name_only(text) {
                    continue;
                }
                let before = s.text.get(..s.orig(at)).unwrap_or("").trim_end();
                let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
                if before.ends_with(')') || (naming(last) && !last.ends_with([',', ';', ':', '.']))
                {
                    out.push((at, at));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a word of `[places] at_meeting` ("at", "en"), maybe with an
/// article, stands right before the name starting at `start`, with no verb
/// of going there (`[places] bound_for`) a few words before it.
fn at_meeting(s: &Sentence, start: usize, env: &Env) -> bool {
    let before = crate::ingest::profile::words(s.text.get(..start).unwrap_or(""));
    let mut ws: Vec<&str> = before.split(' ').collect();
    let article = |w: &str| {
        env.profiles
            .iter()
            .any(|p| p.requests.articles.iter().any(|a| a == w))
    };
    if ws.last().is_some_and(|w| article(w)) {
        ws.pop();
    }
    let bound = env.places(|p| &p.bound_for);
    let before_at = ws.len().saturating_sub(1);
    ws.last()
        .is_some_and(|w| env.places(|p| &p.at_meeting).contains(w))
        && !ws[before_at.saturating_sub(BOUND_REACH)..before_at]
            .iter()
            .any(|w| bound.contains(w))
}

/// How many words before "at"/"en" a verb of `[places] bound_for` makes
/// the meeting after them one gone to.
const BOUND_REACH: usize = 5;

/// Whether `text` holds only words of a name: capitalized words, an
/// acronym in brackets, and the small words that join a name.
fn name_only(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        naming(w) || w.starts_with('(') || {
            let w = crate::ingest::profile::words(w);
            crate::ingest::profile::name_connector(&w)
        }
    })
}

/// The meetings of the sentence named in prose and held somewhere on
/// some days (see the module's doc), added to `refs` where no earlier
/// reference covers them.
pub(super) fn named_held(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let mut found: Vec<(usize, usize)> = env
        .profiles
        .iter()
        .flat_map(|p| p.places.held_in(&s.norm))
        .collect();
    found.extend(placed_after_name(s, env));
    if found.is_empty() {
        return;
    }
    // The longest words of holding at each place ("which was held", not
    // "was held" inside it).
    found.sort_by_key(|&(a, b)| (b, std::cmp::Reverse(b - a)));
    found.dedup_by_key(|x| x.1);
    let nouns: Vec<&str> = env.places(|p| &p.meeting_nouns);
    for (h, he) in found {
        let window_start = (h.saturating_sub(REACH)..h)
            .find(|&i| s.norm.is_char_boundary(i))
            .unwrap_or(h);
        let window = s.norm.get(window_start..h).unwrap_or("");
        let Some((na, nb)) = nouns
            .iter()
            .flat_map(|w| occurrences(window, w))
            .max_by_key(|&(a, b)| (a, b))
        else {
            continue;
        };
        let (noun, noun_end) = (s.orig(window_start + na), s.end_of(window_start + nb));
        let (held_start, held_end) = (s.orig(h), s.end_of(he));
        if overlaps(refs, noun, held_end) {
            continue;
        }
        // A place right after a name (no words of holding): only the name's
        // own words between its noun and the place ("Reunión Ministerial
        // sobre Migración auspiciada por ... en Bogotá" is told of).
        if h == he && !name_only(s.text.get(noun_end..held_start).unwrap_or("")) {
            continue;
        }
        let start = name_start(s, noun);
        let phrase = s.text.get(start..held_start).unwrap_or("");
        // A series' meeting is read by the series' own passes; a series
        // named after "between" says who met ("the meeting between the
        // Consuls of the RCM Member Countries and ...").
        if super::document_series(phrase).is_some() && !between(s, noun_end, env) {
            continue;
        }
        if !named(s, env, start, held_start, (noun, noun_end)) {
            continue;
        }
        let mut t = parse_tail(s, held_end, env);
        // "celebrada el pasado 24 de enero, en la ciudad de Buenos Aires":
        // a place the tail does not read, after its date.
        if t.country.is_none() {
            if let Some((city, country)) = city_after_held(s, held_end, env) {
                t.city = Some(city);
                t.country = Some(country);
            }
        }
        if t.city.is_none() || t.country.is_none() || t.date.is_none() {
            continue;
        }
        // The name ends before an acronym in brackets after its noun that a
        // comma or the words of holding close ("the 20th ... Conference
        // (PIDC), hosted by ..., was convened in", "... Conference (PIDC)
        // met in"); a name may go on after one ("Red ... (RFE) para el
        // Combate ...").
        let name_end = s
            .text
            .get(noun_end..held_start)
            .and_then(|t| {
                let open = t.find('(')?;
                let close = open + t.get(open..)?.find(')')?;
                let after = t.get(close + 1..)?.trim_start();
                (after.is_empty() || after.starts_with(',')).then_some(open)
            })
            .map_or(held_start, |k| noun_end + k);
        let title = s
            .text
            .get(start..name_end)
            .unwrap_or("")
            .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
            .to_string();
        let mut r = MeetingRef::new(start, held_end, Target::Named { title });
        // Told of in passing, but where its sentence's act was done
        // ("signed a Joint Statement at the 6th ... Forum ... in Kampala,
        // on ..."), unless it is yet to be held (its days after the
        // document's).
        r.aside = true;
        let to_come = t
            .date
            .zip(env.today)
            .is_some_and(|(d, today)| d.start > today);
        r.at = at_meeting(s, start, env) && !to_come;
        refs.push(with_tail(r, &t));
    }
}
