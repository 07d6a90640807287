//! The form profile phrases are matched in ([`words`]: normalized words,
//! one space apart) and the whole-word search of a phrase in a sentence,
//! with [`Starts`], the set of a sentence's words that answers most
//! phrases without a scan.

use crate::text::each_folded;

/// Words of a profile as a regex alternation over normalized text, longest
/// first (spaces and hyphens match either).
pub fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut ws: Vec<String> = words
        .map(crate::text::normalize)
        .filter(|w| !w.is_empty())
        .collect();
    ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
    ws.dedup();
    ws.iter()
        .map(|w| {
            w.split([' ', '-'])
                .filter(|p| !p.is_empty())
                .map(regex_syntax::escape)
                .collect::<Vec<_>>()
                .join(r"[\s\-]+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The key phrases are matched on: normalized, every run of characters
/// that are not letters or digits one space (`"Pro-Témpore:"` →
/// `pro tempore`).
pub fn words(s: &str) -> String {
    // One pass, one string: runs of anything but letters and digits
    // become one space, none at either end.
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    let mut put = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    };
    // ASCII is folded here, byte by byte; each run of other characters
    // is folded as `normalize` folds it (its white space is a run of
    // non-letters too). `each_folded` reads ASCII and the runs between
    // apart too, so the pieces give what the whole would.
    crate::text::runs(s, |run, ascii| {
        if ascii {
            for b in run.bytes() {
                put(char::from(b.to_ascii_lowercase()), &mut out);
            }
        } else {
            each_folded(run, |c| put(c, &mut out));
        }
    });
    out
}

/// The words of `text` (runs of letters and digits), each in [`words`]
/// form with the byte offset of its run (a run that [`words`] splits in
/// two gives both parts its start).
pub fn word_starts(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                let w = words(text.get(a..i).unwrap_or(""));
                out.extend(w.split(' ').map(|t| (a, t.to_string())));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// True when `phrase` (in [`words`] form) occurs in `hay` (in [`words`]
/// form) as whole words.
pub fn has_phrase(hay: &str, phrase: &str) -> bool {
    find_phrase(hay, phrase).is_some()
}

/// Byte offset of the first whole-word occurrence of `phrase` in `hay`.
pub fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    // Whole words start at the beginning or after a space, and the
    // hay is short (a sentence, a window of one): scanning for the first
    // byte and comparing there is faster than building a searcher
    // (`str::find`, `memmem::find`) for every phrase of every sentence.
    let (hay_b, needle) = (hay.as_bytes(), phrase.as_bytes());
    // The cheap tests first: most candidates are not at a word's start.
    for start in memchr::memchr_iter(needle[0], hay_b) {
        if start != 0 && hay_b[start - 1] != b' ' {
            continue;
        }
        let end = start + needle.len();
        let after = end == hay_b.len() || hay_b.get(end) == Some(&b' ');
        if after && hay_b.get(start..end) == Some(needle) {
            return Some(start);
        }
    }
    None
}

/// Every word of a text in [`words`] form, hashed into a small set: a
/// phrase whose first word is not in it starts nowhere there, so
/// [`Starts::find`] answers it without a scan. Read once per sentence,
/// asked for many phrases.
pub struct Starts {
    bits: [u64; 64],
}

impl Starts {
    fn slot(word: &[u8]) -> usize {
        // FNV-1a, folded to the set's 4,096 bits.
        let h = word.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        ((h >> 32) ^ h) as usize % 4096
    }

    /// The words of `hay` (in [`words`] form).
    pub fn of(hay: &str) -> Starts {
        let mut bits = [0u64; 64];
        for w in hay.as_bytes().split(|&b| b == b' ') {
            let k = Starts::slot(w);
            bits[k / 64] |= 1 << (k % 64);
        }
        Starts { bits }
    }

    /// Where each word of `phrase` (in [`words`] form) falls in a set:
    /// read once per phrase, for [`Starts::find_slotted`].
    pub fn slots(phrase: &str) -> Vec<u16> {
        phrase
            .as_bytes()
            .split(|&b| b == b' ')
            .map(|w| Starts::slot(w) as u16)
            .collect()
    }

    /// [`Starts::find`] with the phrase's [`Starts::slots`] read before.
    pub fn find_slotted(&self, hay: &str, phrase: &str, slots: &[u16]) -> Option<usize> {
        let absent = slots
            .iter()
            .any(|&k| self.bits[usize::from(k) / 64] & (1 << (k % 64)) == 0);
        if absent {
            return None;
        }
        find_phrase(hay, phrase)
    }

    /// [`find_phrase`] of `phrase` in `hay`, where `hay` is the text these
    /// starts were read from or a prefix of it that ends between words.
    pub fn find(&self, hay: &str, phrase: &str) -> Option<usize> {
        // Every word of the phrase must be a word of the text: one that is
        // not ("fue acordada" where no "acordada") ends it without a scan.
        let absent = phrase.as_bytes().split(|&b| b == b' ').any(|w| {
            let k = Starts::slot(w);
            self.bits[k / 64] & (1 << (k % 64)) == 0
        });
        if absent {
            return None;
        }
        find_phrase(hay, phrase)
    }
}
