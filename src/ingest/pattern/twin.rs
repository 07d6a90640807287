//! The ASCII twin of a pattern: its word boundaries made ASCII
//! (`(?-u:\b)`) and its classes cut down to what a text it reads can hold.
//! It reads only texts whose non-ASCII characters are neither word
//! characters nor white space ("“", "—", which survive normalization), and
//! on those it matches exactly what the pattern does: a Unicode word
//! boundary is an ASCII one there, and a class may as well take in or
//! leave out characters the text cannot have.
//!
//! The pattern's Unicode `\b` stops the regex crate's lazy DFA at the first
//! non-ASCII byte and falls back to a slower engine; its Unicode `\w`,
//! `\d`, `\p{L}` make the automaton that reads capture groups thousands of
//! states larger.

use regex_syntax::hir::{Capture, Class, ClassUnicode, Hir, HirKind, Look, Repetition};

/// True when the ASCII twin reads `hay` as the pattern does: its
/// non-ASCII characters (if any) are neither word characters nor white
/// space, so a Unicode word boundary is an ASCII one and no class of the
/// pattern could match them differently from the twin's.
pub(super) fn ascii_reads(hay: &str) -> bool {
    hay.is_ascii()
        || !hay
            .chars()
            .any(|c| !c.is_ascii() && (regex_syntax::is_word_character(c) || c.is_whitespace()))
}

/// The characters [`ascii_reads`] keeps out of a text: non-ASCII word
/// characters and white space. The twin's classes may take them in or
/// leave them out, whichever makes the class simpler.
fn unread() -> ClassUnicode {
    let perl = |p: &str| match regex_syntax::Parser::new().parse(p).map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(c))) => c,
        _ => ClassUnicode::empty(),
    };
    let mut unread = perl(r"\w");
    unread.union(&perl(r"\s"));
    unread.difference(&perl(r"[\x00-\x7F]"));
    unread
}

/// The pattern's ASCII twin: word boundaries made ASCII, classes made as
/// simple as they can be on the texts it reads. `None` when that
/// changes nothing.
pub(super) fn ascii_twin(hir: &Hir) -> Option<Hir> {
    static UNREAD: std::sync::OnceLock<ClassUnicode> = std::sync::OnceLock::new();
    let unread = UNREAD.get_or_init(unread);
    let mut changed = false;
    let twin = to_ascii(hir, unread, &mut changed);
    changed.then_some(twin)
}

fn to_ascii(hir: &Hir, unread: &ClassUnicode, changed: &mut bool) -> Hir {
    let mut sub = |h: &Hir| Box::new(to_ascii(h, unread, changed));
    match hir.kind() {
        HirKind::Look(look) => {
            let ascii = match look {
                Look::WordUnicode => Look::WordAscii,
                Look::WordUnicodeNegate => Look::WordAsciiNegate,
                Look::WordStartUnicode => Look::WordStartAscii,
                Look::WordEndUnicode => Look::WordEndAscii,
                Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
                Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
                other => *other,
            };
            *changed |= ascii != *look;
            Hir::look(ascii)
        }
        // An ASCII class (`[Aa]` of a case-insensitive word, thousands in
        // a list of names) is its simplest form already: `unread` holds no
        // ASCII character, so taking it out changes nothing and taking it
        // in only adds ranges.
        HirKind::Class(Class::Unicode(cls))
            if cls.ranges().last().is_none_or(|r| r.end().is_ascii()) =>
        {
            hir.clone()
        }
        HirKind::Class(Class::Unicode(cls)) => {
            // `\w` without the non-ASCII letters, `[^,]` as it is.
            let mut without = cls.clone();
            without.difference(unread);
            let mut with = cls.clone();
            with.union(unread);
            let simplest = [without, with, cls.clone()]
                .into_iter()
                .min_by_key(|c| c.ranges().len())
                .unwrap_or_else(|| cls.clone());
            *changed |= simplest != *cls;
            Hir::class(Class::Unicode(simplest))
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: sub(&rep.sub),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: sub(&cap.sub),
            ..cap.clone()
        }),
        HirKind::Concat(hs) => Hir::concat(hs.iter().map(|h| *sub(h)).collect()),
        HirKind::Alternation(hs) => Hir::alternation(hs.iter().map(|h| *sub(h)).collect()),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
    }
}
