//! Text normalization: the one function every name match goes through.
//!
//! `normalize` applies Unicode NFKD, strips combining marks, folds case and
//! collapses white space, so that "México", "MEXICO" and " mexico " are the
//! same key. Entity resolution, the alias index and query string matching all
//! call it; nothing else in acta compares names.
//!
//! [`visible`] and [`shown`] are the other direction: text about to be
//! shown on a terminal, with its control characters written out and (for
//! messages) overlong lines elided.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Accent-, case- and spacing-insensitive key for a name or phrase:
/// `"  MÉXICO "` → `mexico`, `"República\tDominicana"` → `republica
/// dominicana`.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    each_folded(s, |c| {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    });
    out
}

/// `s` in runs, in order: `f` gets each run of ASCII characters (`true`)
/// and each run of other characters (`false`).
pub(crate) fn runs(s: &str, mut f: impl FnMut(&str, bool)) {
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            f(&rest[..ascii], true);
        }
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        if other > 0 {
            f(&rest[..other], false);
        }
        rest = &rest[other..];
    }
}

/// The characters of [`normalize`] before white space is collapsed:
/// `f` gets each character of the NFKD of `s` that is not a combining
/// mark, lower-cased (white space as it is).
pub(crate) fn each_folded(s: &str, mut f: impl FnMut(char)) {
    let mut push = |c: char| {
        if c.is_whitespace() {
            f(c);
        } else if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else if let Some(a) = apostrophe(c) {
            f(a);
        } else {
            c.to_lowercase().for_each(&mut f);
        }
    };
    // Runs of ASCII, which NFKD leaves as they are, skip the decomposer.
    // NFKD decomposes character by character and reorders marks only within
    // runs of non-starters, which an ASCII character (a starter) ends: so
    // decomposing each non-ASCII run apart gives the NFKD of the whole.
    runs(s, |run, ascii| {
        if ascii {
            run.chars().for_each(&mut push);
            return;
        }
        // Accented Latin letters, most of what is not ASCII in a Spanish
        // text, are their letter: pieces between them are decomposed
        // apart, which changes nothing either (each decomposes to a
        // starter and a mark, and marks are all dropped, wherever
        // reordering puts them).
        let mut from = 0;
        for (i, c) in run.char_indices() {
            if let Some(base) = latin_base(c) {
                run[from..i]
                    .nfkd()
                    .filter(|&c| !is_combining_mark(c))
                    .for_each(&mut push);
                push(base);
                from = i + c.len_utf8();
            }
        }
        run[from..]
            .nfkd()
            .filter(|&c| !is_combining_mark(c))
            .for_each(&mut push);
    });
}

/// A typographic apostrophe or single quote (`’`, `‘`, `ʼ`) is the
/// typewriter one: "Senior Officials’ Meeting" is "senior officials'
/// meeting".
fn apostrophe(c: char) -> Option<char> {
    matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}').then_some('\'')
}

/// The letter of an accented Latin-1 letter whose decomposition is that
/// letter and one combining mark (`ó` → `o`, `Ñ` → `N`); `None` for any
/// other character.
fn latin_base(c: char) -> Option<char> {
    Some(match c {
        'À'..='Å' => 'A',
        'Ç' => 'C',
        'È'..='Ë' => 'E',
        'Ì'..='Ï' => 'I',
        'Ñ' => 'N',
        'Ò'..='Ö' => 'O',
        'Ù'..='Ü' => 'U',
        'Ý' => 'Y',
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => return None,
    })
}

/// [`normalize`] that also says where each byte of the result came from:
/// `offsets[i]` is the byte offset in `s` of the character that produced
/// byte `i` of the normalized string (a collapsed space maps to the first
/// white-space character of its run). `offsets` has one extra entry, `s.len()`,
/// so that a match ending at the end of the normalized text maps back too.
/// Offsets are `u32` (reports are capped far below 4 GiB): a map is as
/// long as the text, and every sentence of a report keeps one while it
/// is read, so its size is most of the memory an ingest takes.
pub(crate) fn normalize_with_offsets(s: &str) -> (String, Vec<u32>) {
    let mut n = Offsets {
        out: String::with_capacity(s.len()),
        offsets: Vec::with_capacity(s.len() + 1),
        pending_space: None,
    };
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            // Its own decomposition, and no mark: most of a Spanish text
            // skips the decomposer.
            let c = char::from(b);
            if c.is_whitespace() {
                n.space(at);
            } else {
                n.push_ascii(at, c);
            }
            at += 1;
            continue;
        }
        let c = s[at..].chars().next().unwrap_or_default();
        if c.is_whitespace() {
            n.space(at);
        } else if let Some(base) = latin_base(c).or_else(|| apostrophe(c)) {
            // Its decomposition's mark would be dropped.
            n.push_ascii(at, base);
        } else {
            unicode_normalization::char::decompose_compatible(c, |d| n.push(at, d));
        }
        at += c.len_utf8();
    }
    n.offsets.push(offset(s.len()));
    (n.out, n.offsets)
}

/// Byte `i` of a normalized text's offset `map` (from
/// [`normalize_with_offsets`]): where it came from in the original.
pub(crate) fn offset_at(map: &[u32], i: usize) -> Option<usize> {
    map.get(i).map(|&o| o as usize)
}

/// An offset as a map holds it (saturating: no text read is that long).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// The state of [`normalize_with_offsets`].
struct Offsets {
    out: String,
    offsets: Vec<u32>,
    pending_space: Option<usize>,
}

impl Offsets {
    /// White space at `at`: one space before the next character, if any
    /// came before.
    fn space(&mut self, at: usize) {
        if !self.out.is_empty() && self.pending_space.is_none() {
            self.pending_space = Some(at);
        }
    }

    /// A non-space ASCII character at `at`.
    fn push_ascii(&mut self, at: usize, c: char) {
        if let Some(space_at) = self.pending_space.take() {
            self.out.push(' ');
            self.offsets.push(offset(space_at));
        }
        self.out.push(c.to_ascii_lowercase());
        self.offsets.push(offset(at));
    }

    /// One character of the decomposition of the character at `at`.
    fn push(&mut self, at: usize, d: char) {
        if d.is_ascii() {
            if d.is_whitespace() {
                self.space(at);
            } else {
                self.push_ascii(at, d);
            }
            return;
        }
        if is_combining_mark(d) {
            return;
        }
        if d.is_whitespace() {
            self.space(at);
            return;
        }
        if let Some(space_at) = self.pending_space.take() {
            self.out.push(' ');
            self.offsets.push(offset(space_at));
        }
        for l in d.to_lowercase() {
            let before = self.out.len();
            self.out.push(l);
            self.offsets
                .extend(std::iter::repeat_n(offset(at), self.out.len() - before));
        }
    }
}

/// Collapse white space to single spaces, trimmed.
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A readable slug for ids: normalized, with runs of anything that is not a
/// letter or digit turned into one `-` (`Antigua, Guatemala` →
/// `antigua-guatemala`).
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in normalize(s).chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// The words of `text` split on white space, each with its byte offset.
pub(crate) fn words_at(text: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Whether `hay[a..b]` stands as whole words: no letter or digit just
/// before or just after it.
pub(crate) fn whole_words(hay: &str, a: usize, b: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !word(hay.get(..a).and_then(|x| x.chars().next_back()))
        && !word(hay.get(b..).and_then(|x| x.chars().next()))
}

/// Text safe to show on a terminal: control characters (C0 but newline
/// and tab, DEL, C1: what escape sequences such as `ESC[2J` or `ESC]0;`
/// are made of) written as `\u{1b}`; other text as it is.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !s.contains(hidden) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Each line of `s` at most `max` characters: a longer one keeps its
/// head and tail around ` … `. For messages that quote what the user
/// typed (a 30 KB name is not worth showing whole).
pub(crate) fn elide_lines(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let long = |l: &str| l.len() > max && l.chars().count() > max;
    if !s.lines().any(long) {
        return std::borrow::Cow::Borrowed(s);
    }
    let keep = max.saturating_sub(3) / 2;
    let lines: Vec<String> = s
        .split('\n')
        .map(|l| {
            if !long(l) {
                return l.to_string();
            }
            let n = l.chars().count();
            let head: String = l.chars().take(keep).collect();
            let tail: String = l.chars().skip(n - keep).collect();
            format!("{head} … {tail}")
        })
        .collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

/// What an error message becomes on a terminal: long lines elided (see
/// `elide_lines`), control characters written out (see [`visible`]).
pub fn shown(message: &str) -> String {
    visible(&elide_lines(message, MESSAGE_LINE)).into_owned()
}

/// Longest line of an error message shown whole.
const MESSAGE_LINE: usize = 300;

/// The first control character of `s` that a stored name or note may not
/// hold (any but newline and tab; none at all when `one_line`).
pub(crate) fn control_char(s: &str, one_line: bool) -> Option<char> {
    s.chars()
        .find(|&c| c.is_control() && (one_line || (c != '\n' && c != '\t')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_elided() {
        let long = format!(
            "no entity is called \"{}\"; did you mean X?",
            "x".repeat(30_000)
        );
        let e = elide_lines(&long, 300);
        assert!(e.chars().count() <= 300, "{}", e.len());
        assert!(e.starts_with("no entity is called \"xxx"));
        assert!(e.ends_with("xxx\"; did you mean X?"));
        assert_eq!(elide_lines("short\nlines", 300), "short\nlines");
    }

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(
            visible("Ana\u{1b}[2J\u{9b}x\n\ty"),
            "Ana\\u{1b}[2J\\u{9b}x\n\ty"
        );
        assert!(matches!(visible("México"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(control_char("a\nb", false), None);
        assert_eq!(control_char("a\nb", true), Some('\n'));
        assert_eq!(control_char("a\u{7f}", false), Some('\u{7f}'));
    }

    #[test]
    fn documented_examples() {
        assert_eq!(normalize("  MÉXICO "), "mexico");
        assert_eq!(normalize("República\tDominicana"), "republica dominicana");
        let (n, map) = normalize_with_offsets("Años  MÉXICO");
        assert_eq!(n, "anos mexico");
        let start = n.find("mexico").unwrap();
        assert_eq!(&"Años  MÉXICO"[map[start] as usize..], "MÉXICO");
        assert_eq!(slug("Antigua, Guatemala"), "antigua-guatemala");
    }

    #[test]
    fn one_key_for_every_spelling() {
        for s in ["México", "Mexico", "MEXICO", "méxico", "  Me\u{301}xico  "] {
            assert_eq!(normalize(s), "mexico", "{s}");
        }
        assert_eq!(normalize("Officials’"), normalize("Officials'"));
        assert_eq!(normalize("Canadá"), normalize("CANADA"));
        assert_eq!(normalize("Panamá"), "panama");
        assert_eq!(normalize("República  Dominicana"), "republica dominicana");
        assert_eq!(
            normalize("Presidencia Pro-Témpore"),
            "presidencia pro-tempore"
        );
    }

    /// `normalize` as specified: NFKD of the whole text, no marks, case
    /// folded, white space collapsed, typographic apostrophes typed.
    fn normalize_spec(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.nfkd().filter(|&c| !is_combining_mark(c)) {
            let c = apostrophe(c).unwrap_or(c);
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn latin_letters_are_their_decompositions_letter() {
        for c in '\u{a0}'..='\u{17f}' {
            let marks_dropped: String = c.nfkd().filter(|&d| !is_combining_mark(d)).collect();
            match latin_base(c) {
                Some(b) => assert_eq!(marks_dropped, b.to_string(), "{c:?}"),
                None => assert!(
                    !(marks_dropped.len() == 1
                        && marks_dropped.is_ascii()
                        && c.nfkd().count() == 2
                        && ('\u{c0}'..='\u{ff}').contains(&c)),
                    "{c:?} could be in the table"
                ),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn normalize_is_idempotent_on_any_string(s in proptest::prelude::any::<String>()) {
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn normalize_is_idempotent_on_spanish_text(
            s in "[A-Za-zÁÉÍÓÚáéíóúÑñÜü¿¡ \t\n\u{a0}\u{301}\u{303}\u{308}ﬁ²ª·.,:;()-]{0,80}"
        ) {
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once.clone());
            proptest::prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        }

        #[test]
        fn ascii_runs_skip_nfkd_without_changing_the_result(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    'a', 'E', 'z', '.', ' ', '\t', '\n', '\u{b}', '\u{0}', 'é', 'Á', 'ñ',
                    '\u{301}', '\u{327}', '\u{323}', '\u{a0}', '\u{2003}', 'ﬁ', 'Å', 'ǅ',
                    'İ', 'ß', 'Σ', '가', '\u{1100}', '\u{1161}', '①', '½', 'Ⅻ', '\u{fffd}',
                ]),
                0..24,
            ),
            any in ".{0,16}",
        ) {
            let s: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(normalize(&s), normalize_spec(&s));
            proptest::prop_assert_eq!(normalize(&any), normalize_spec(&any));
        }
    }

    #[test]
    fn idempotent() {
        for s in ["Ñandú  Á", "ﬁ ligature", "VII   CRM", ""] {
            let once = normalize(s);
            assert_eq!(normalize(&once), once);
        }
    }

    #[test]
    fn offsets_agree_with_normalize() {
        for s in [
            "México  y\tCANADÁ",
            " ﬁ Ñandú ",
            "a\u{301}b",
            "",
            "  ",
            "東京 Ⅻ",
            "Senior Officials’ Meeting, ‘quoted’",
        ] {
            let (n, map) = normalize_with_offsets(s);
            assert_eq!(n, normalize(s), "{s:?}");
            assert_eq!(map.len(), n.len() + 1);
            assert!(map.iter().all(|&o| s.is_char_boundary(o as usize)));
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Ciudad Guatemala"), "ciudad-guatemala");
        assert_eq!(slug("--San José!"), "san-jose");
    }
}
