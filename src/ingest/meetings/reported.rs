//! The meeting a document reports without a name any other reading
//! gives it: a news item's "la reunión de viceministros de temas
//! consulares y migratorios" or "the meeting", with no series and no
//! ordinal. Its decisions were adopted there, so it is the document's own
//! meeting; but nothing ties it to another document's account of the
//! same meeting, so its id is the document's (`meeting:reported-in-es-nota`)
//! and its name the words the text calls it by. After an ordinal, a name
//! of capitalized words tells the meeting from any other ("la III Reunión
//! sobre Migraciones de la CELAC ... en Azogues"): it is named by them.
//! Read only where the document has decisions and no other meeting; the
//! place and days of holding its opening states are given to it by the
//! pass (`extract::held::own_reported`).

use super::Env;
use crate::ingest::meeting_ref::{MeetingRef, Target};
use crate::ingest::profile::words;
use crate::ingest::sentence::Sentence;

/// How many of the document's first sentences are read.
const OPENING: usize = 12;
/// How many words after the noun its name may run on.
const NAME_WORDS: usize = 10;

/// Words of the profiles that shape the name.
struct Words<'a> {
    adjectives: Vec<&'a str>,
    goes: Vec<&'a str>,
    ends: Vec<&'a str>,
}

/// The first word of `[places] reported` in the opening, after no word
/// of `[places] next` or `earlier` and before none of `earlier`, in a
/// sentence that is no headline and does not speak of the future or of a
/// meeting planned (`[places] to_come`): small-lettered, a reference to
/// the meeting the document reports; after an ordinal, that meeting's name ([`numbered`]); with a
/// capital and no ordinal, a name other readings have had. With the
/// index of its sentence.
pub fn reported(secs: &[Vec<Sentence>], env: &Env, doc: &str) -> Option<(MeetingRef, usize)> {
    let nouns = env.places(|p| &p.reported);
    let objects = env.places(|p| &p.objects);
    let to_come = env.places(|p| &p.to_come);
    let mut before = env.places(|p| &p.next);
    before.extend(env.places(|p| &p.earlier));
    let w = Words {
        adjectives: env.places(|p| &p.same_count),
        goes: env.places(|p| &p.name_goes),
        ends: env.places(|p| &p.name_ends),
    };
    // A headline (a heading, a line with no stop at its end), a meeting
    // to come: asked only of a sentence that holds a noun.
    let passed_over = |s: &Sentence| {
        let all = format!(" {} ", words(&s.text));
        s.heading
            || s.text.trim_end().ends_with(char::is_alphanumeric)
            || to_come.iter().any(|w| all.contains(&format!(" {w} ")))
            || super::future_before(s, s.text.len())
    };
    for (k, s) in secs.iter().flatten().take(OPENING).enumerate() {
        let mut skip = None;
        for (at, word) in words_at(&s.text) {
            if !nouns.contains(&words(word).as_str()) {
                continue;
            }
            if *skip.get_or_insert_with(|| passed_over(s)) {
                break;
            }
            let last = s
                .text
                .get(..at)
                .unwrap_or("")
                .split_whitespace()
                .next_back();
            if before.contains(&words(last.unwrap_or("")).as_str()) {
                continue;
            }
            if let Some(from) = super::own::ordinal_before(s, at) {
                // "the first meeting": a count, not a name.
                if word.starts_with(char::is_uppercase) {
                    return numbered(s, from, at, env).map(|r| (r, k));
                }
                continue;
            }
            // "in meeting the challenges": a verb and its object; "una
            // reunión previa": one the text has told of otherwise.
            let next = s.text.get(at + word.len()..).unwrap_or("");
            let next = words(next.split_whitespace().next().unwrap_or(""));
            if !word.starts_with(char::is_lowercase)
                || objects.contains(&next.as_str())
                || before.contains(&next.as_str())
            {
                continue;
            }
            let end = name_end(&s.text, at, &w);
            let title = crate::text::squash(s.text.get(at..end).unwrap_or(word));
            let target = Target::Reported {
                doc: doc.to_string(),
                title,
            };
            return Some((MeetingRef::new(at, end, target), k));
        }
    }
    None
}

/// A meeting named by an ordinal and a name of capitalized words ("la
/// III Reunión sobre Migraciones de la Comunidad de Estados
/// Latinoamericanos y Caribeños (CELAC) que concluyó ayer, en Azogues"):
/// named by those words, which tell it from any other, and held in the
/// known city named within reach after them, if any.
fn numbered(s: &Sentence, from: usize, noun: usize, env: &Env) -> Option<MeetingRef> {
    let before = env.places(|p| &p.before);
    let joins: Vec<&str> = env
        .profiles
        .iter()
        .flat_map(|p| &p.names.connectors)
        .map(String::as_str)
        .filter(|c| !before.contains(c))
        .collect();
    let mut end = noun;
    for (i, tok) in crate::text::words_at(s.text.get(noun..)?) {
        let word = tok.trim_end_matches([',', ';', ':', '.']);
        let acronym = word.starts_with('(') && word.ends_with(')');
        let fits = word.starts_with(char::is_uppercase)
            || acronym
            || joins.contains(&words(word).as_str());
        if !fits {
            break;
        }
        end = noun + i + word.len();
        if acronym || word.len() < tok.len() {
            break;
        }
    }
    // A name does not end on a connector ("Reunión de").
    let mut name = s.text.get(from..end)?.trim_end();
    while let Some((head, tail)) = name.rsplit_once(' ') {
        if !joins.contains(&words(tail).as_str()) {
            break;
        }
        name = head;
    }
    let end = from + name.len();
    let title = crate::text::squash(name);
    let mut r = MeetingRef::new(from, end, Target::Named { title });
    let re = super::own::place_pattern()?;
    if let Some((city, country)) = super::own::city_after(s, end, env, &re) {
        r.city = Some(city);
        r.country = Some(country);
    }
    Some(r)
}

/// Each whitespace-separated word of `t`, without the punctuation
/// around it, with where it starts.
fn words_at(t: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::text::words_at(t).filter_map(|(i, tok)| {
        let lead = tok.len() - tok.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let word = tok
            .get(lead..)?
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        (!word.is_empty()).then_some((i + lead, word))
    })
}

/// Where the meeting's name that starts with its noun at `at` ends: the
/// noun and the adjectives after it ("reunión ministerial"), then, after
/// a word of `goes`, the words up to punctuation, a word of `ends` or
/// [`NAME_WORDS`] words in all ("reunión de viceministros de temas
/// consulares y migratorios").
fn name_end(t: &str, at: usize, w: &Words<'_>) -> usize {
    let rest = t.get(at..).unwrap_or("");
    let mut end = at;
    let mut going = false;
    for (count, (i, tok)) in crate::text::words_at(rest).enumerate() {
        let word = tok.trim_end_matches(|c: char| !c.is_alphanumeric());
        let folded = words(word);
        let opens = !tok.starts_with(char::is_alphanumeric);
        if count > 0 {
            going |= w.goes.contains(&folded.as_str());
            let fits = going || w.adjectives.contains(&folded.as_str());
            if count == NAME_WORDS || opens || word.is_empty() || !fits {
                break;
            }
            if w.ends.contains(&folded.as_str()) {
                break;
            }
        }
        end = at + i + word.len();
        if word.len() < tok.len() {
            break;
        }
    }
    // A name does not end on a word it goes on with ("reunión de").
    let name = t.get(at..end).unwrap_or("");
    match name.rsplit_once(' ') {
        Some((head, tail)) if w.goes.contains(&words(tail).as_str()) => at + head.len(),
        _ => end,
    }
}
