//! A letter's writer asking its addressee. A document whose heading is a
//! letter (`[documents] letters` of the reading profile: "Letter dated 27
//! March 1996 from the Permanent Representative of Mexico ... addressed to
//! the Secretary-General") names whom it writes to after the words that
//! say so (`[documents] addressed`); a sentence of the letter in which
//! the writer asks (`[requests] writer`: "I venture to request that the
//! enclosed document be circulated", "we have the honour to request the
//! inclusion ...") asks that addressee. The writer is not the meeting
//! whose record the letter encloses, so such a request is no decision of
//! that meeting ([`super::in_prose`] stores it without one).

use crate::ingest::profile::{find_phrase, word_starts, words, Profile};

/// How many paragraphs from the top a letter's heading may start at (a
/// date line and a symbol may come first).
const HEAD_PARAGRAPHS: usize = 4;

/// How much of a paragraph is read for the words that open a letter's
/// heading (characters).
const HEAD_CHARS: usize = 40;

/// The longest addressee read (words): a longer run is a sentence, not
/// a name.
const MAX_WORDS: usize = 12;

/// Whom the letter that `text` opens with is addressed to, as printed
/// ("Secretary-General", "President of the Security Council"); `None`
/// when the text does not open with a letter's heading or its heading
/// names no addressee.
pub fn addressee_of(p: &Profile, text: &str) -> Option<(String, usize)> {
    if p.documents.letters.is_empty() || p.documents.addressed.is_empty() {
        return None;
    }
    let heading = paragraphs(text).take(HEAD_PARAGRAPHS).find(|para| {
        // A heading's first words say it is a letter ("Letter dated").
        let head: String = para.chars().take(HEAD_CHARS).collect();
        let w = words(&head);
        p.documents
            .letters
            .iter()
            .any(|l| w == *l || w.starts_with(&format!("{l} ")))
    })?;
    // The letter runs to its signature ("(Signed) Manuel TELLO"); what
    // follows is what it encloses. No signature, no letter's end known.
    let end = signature(p, text)?;
    let tokens = word_starts(heading);
    p.documents.addressed.iter().find_map(|phrase| {
        let want: Vec<&str> = phrase.split(' ').collect();
        let at = tokens
            .windows(want.len())
            .position(|win| win.iter().zip(&want).all(|((_, t), w)| t == w))?;
        let first = at + want.len();
        let (from, _) = tokens.get(first)?;
        // Up to the words that name the sender, if any follow.
        let to = (first..tokens.len())
            .find(|&i| {
                p.documents.senders.iter().any(|x| {
                    let x: Vec<&str> = x.split(' ').collect();
                    let win = tokens.get(i..i + x.len()).unwrap_or_default();
                    win.len() == x.len() && win.iter().zip(&x).all(|((_, t), w)| t == w)
                })
            })
            .and_then(|i| tokens.get(i))
            .map_or(heading.len(), |(a, _)| *a);
        let name: Vec<&str> = heading.get(*from..to)?.split_whitespace().collect();
        let name = name.join(" ");
        let name = name.trim_end_matches(['.', ',', ';', ':']).trim();
        (!name.is_empty() && name.split(' ').count() <= MAX_WORDS).then(|| (name.to_string(), end))
    })
}

/// Where the letter's signature line starts: the first line that opens
/// with a word of `[documents] signed` ("(Signed)", "(Firmado)").
fn signature(p: &Profile, text: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let w = words(line);
        if p.documents
            .signed
            .iter()
            .any(|x| w == *x || w.starts_with(&format!("{x} ")))
        {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// Where in `w` (a sentence in [`words`] form) the writer asks: the
/// offset of the first phrase of `[requests] writer`, and the phrase.
pub(super) fn asks<'p>(p: &'p Profile, w: &str) -> Option<(usize, &'p str)> {
    p.requests
        .writer
        .iter()
        .filter_map(|x| find_phrase(w, x).map(|at| (at, x.as_str())))
        .min_by_key(|(at, _)| *at)
}

/// The paragraphs of `text` (runs of lines between blank lines), trimmed.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let blank = blank_line(rest);
        let (para, next) = match blank {
            Some((a, b)) => (&rest[..a], &rest[b..]),
            None => (rest, ""),
        };
        rest = next;
        let para = para.trim();
        if !para.is_empty() {
            return Some(para);
        }
    })
}

/// The first blank line of `text`: from the end of the line before it to
/// the start of the line after it.
fn blank_line(text: &str) -> Option<(usize, usize)> {
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let line = &text[line_start..i];
            if line_start > 0 && line.trim().is_empty() {
                return Some((line_start, i + 1));
            }
            line_start = i + 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Profile {
        Profile::bundled_for("en").cloned().unwrap_or_default()
    }

    #[test]
    fn a_letters_heading_names_its_addressee_across_a_line_break() {
        let text = "29 March 1996\n\n\n   Letter dated 27 March 1996 from the Permanent Representative of\n   Mexico to the United Nations addressed to the Secretary-General\n\n   I venture to request that the enclosed text be circulated.\n";
        assert_eq!(addressee_of(&en(), text), None, "no signature");
        let signed = format!("{text}\n   (Signed) Manuel TELLO\n");
        assert_eq!(
            addressee_of(&en(), &signed).map(|(a, _)| a).as_deref(),
            Some("Secretary-General")
        );
        let council = "Letter dated 3 May 2001 from the Permanent Representative of Canada addressed to the President of the Security Council\n\nText.\n(Signed) X\n";
        assert_eq!(
            addressee_of(&en(), council).map(|(a, _)| a).as_deref(),
            Some("President of the Security Council")
        );
        let by = "Letter dated 2 June 1998 addressed to the Secretary-General by the Permanent Representative of Canada\n\nText.\n(Signed) X\n";
        assert_eq!(
            addressee_of(&en(), by).map(|(a, _)| a).as_deref(),
            Some("Secretary-General")
        );
        let es = Profile::bundled_for("es").cloned().unwrap_or_default();
        let carta = "Carta de fecha 27 de marzo de 1996 dirigida al Secretario General por el\nRepresentante Permanente de México ante las Naciones Unidas\n\nTengo el honor de solicitar ...\n(Firmado) X\n";
        assert_eq!(
            addressee_of(&es, carta).map(|(a, _)| a).as_deref(),
            Some("Secretario General")
        );
    }

    #[test]
    fn a_record_that_is_not_a_letter_has_no_addressee() {
        let text =
            "Joint Communiqué\n\nThe Vice-Ministers, addressed to the Secretary-General, agreed.";
        assert_eq!(addressee_of(&en(), text), None);
        // A letter's heading that names nobody it is addressed to.
        assert_eq!(
            addressee_of(&en(), "Letter from the Chair\n\nText.\n(Signed) X\n"),
            None
        );
    }

    #[test]
    fn the_writer_asks_in_the_first_person() {
        let p = en();
        assert!(asks(
            &p,
            &words("I venture to request that the enclosed document be circulated")
        )
        .is_some());
        assert!(asks(
            &p,
            &words("we have the honour to request the inclusion of an item")
        )
        .is_some());
        assert!(asks(
            &p,
            &words("The Vice-Ministers requested the Technical Secretariat to report")
        )
        .is_none());
    }
}
