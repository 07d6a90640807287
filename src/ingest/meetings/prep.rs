//! A meeting that prepares a numbered meeting of a series, with its own
//! ordinal before the words of the language profiles that say so
//! (`[places] preparatory`: "preparatory meeting", "preparatory SOM",
//! "reunión preparatoria") and a joining phrase (`[places]
//! preparatory_links`: "for the", "de la"): "the Second Preparatory
//! Meeting for the 5th Budapest Process Ministerial Conference" is
//! `budapest-05-prep-02`, "the fourth preparatory SOM for the 3rd
//! Ministerial Conference" `prague-03-prep-04` (the README's sub-meeting
//! form `<series>-<nn>-prep-<mm>`).

use super::{Env, Target};
use crate::ingest::profile::word_starts;
use crate::ingest::sentence::Sentence;
use crate::reference::from_long_roman;
use crate::reference::series::{ordinal_word, Series};

/// How far before a meeting its preparatory meeting's words are read (bytes).
const REACH: usize = 160;

/// The words of the text before `at` (as [`word_starts`] gives them), last
/// ones last, each with its offset in the sentence.
fn tokens_before(s: &Sentence, at: usize) -> Vec<(usize, String)> {
    let from = at.saturating_sub(REACH);
    let from = (from..at)
        .find(|&i| s.text.is_char_boundary(i))
        .unwrap_or(at);
    let text = s.text.get(from..at).unwrap_or("");
    let mut out: Vec<(usize, String)> = word_starts(text)
        .into_iter()
        .map(|(a, w)| (from + a, w))
        .collect();
    // A word cut by the reach is not a word of the text.
    if from > 0 && !out.is_empty() && out.first().is_some_and(|(a, _)| *a == from) {
        out.remove(0);
    }
    out
}

/// How many of the last `tokens` spell one of `phrases` (in words
/// form), longest first.
fn ends_with(tokens: &[(usize, String)], phrases: &[String]) -> Option<usize> {
    phrases
        .iter()
        .map(|p| p.split(' ').collect::<Vec<_>>())
        .filter(|p| p.len() <= tokens.len())
        .filter(|p| {
            let tail = &tokens[tokens.len() - p.len()..];
            tail.iter().zip(p).all(|((_, t), w)| t == w)
        })
        .map(|p| p.len())
        .max()
}

/// The ordinal the last one or two of `tokens` spell, and how many.
fn ordinal_at_end(tokens: &[(usize, String)]) -> Option<(u32, usize)> {
    let n = tokens.len();
    if n >= 2 {
        let two = format!("{} {}", tokens[n - 2].1, tokens[n - 1].1);
        if let Some(k) = ordinal_word(&two) {
            return Some((k, 2));
        }
    }
    let (_, last) = tokens.last()?;
    from_long_roman(last)
        .or_else(|| ordinal_word(last))
        .map(|k| (k, 1))
}

/// The preparatory meeting written right before the numbered meeting
/// `ordinal` of `series` that starts at `at`: where it starts and what
/// it points at. `None` when the words before are not those of one.
pub(super) fn preparatory(
    s: &Sentence,
    at: usize,
    env: &Env,
    series: &Series,
    ordinal: u32,
) -> Option<(usize, Target)> {
    if series.by_date {
        return None;
    }
    let mut tokens = tokens_before(s, at);
    let links: Vec<String> = env
        .profiles
        .iter()
        .flat_map(|p| p.places.preparatory_links.iter().cloned())
        .collect();
    let words: Vec<String> = env
        .profiles
        .iter()
        .flat_map(|p| p.places.preparatory.iter().cloned())
        .collect();
    let k = ends_with(&tokens, &links)?;
    tokens.truncate(tokens.len() - k);
    let k = ends_with(&tokens, &words)?;
    tokens.truncate(tokens.len() - k);
    let (own, k) = ordinal_at_end(&tokens)?;
    let start = tokens.get(tokens.len() - k)?.0;
    let target = Target::Numbered {
        body: format!("{} {ordinal:02} prep", series.key()),
        ordinal: own,
    };
    Some((start, target))
}
