//! The markers of a list's items as a line prints them: numbers, letters,
//! roman numerals in parentheses, ordinal words (`PRIMERO.-`, `SECOND:`)
//! and bullets ([`super`] reads the lists).

/// Where a trailing first-item marker starts in a matched cue, if any.
pub(super) fn marker_at_end(s: &str) -> Option<usize> {
    let t = s.trim_end();
    let tail = t.split_whitespace().last()?;
    let cut = t.len() - tail.len();
    (tail == "1." || tail == "1)" || tail == "a)").then_some(cut)
}

/// A list marker at the start of `line` (after indentation): its kind
/// (`'1'` number, `'a'` letter, `'o'` ordinal word, `'-'` bullet), label
/// (an ordinal word's number), and the byte where the item's text starts.
pub(super) fn marker(line: &str) -> Option<(char, String, usize)> {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    let first = t.chars().next()?;
    if first.is_uppercase() {
        return ordinal(t)
            .map(|(n, at)| ('o', n.to_string(), lead + at))
            .or_else(|| roman(t).map(|(label, at)| ('R', label, lead + at)));
    }
    // A period opening a line is a bullet a flattened copy printed as one
    // (". The Chair in Office ... . Enhance the coordination ...").
    if matches!(
        first,
        '•' | '-' | '–' | '◦' | '▪' | '·' | '\u{f0b7}' | '*' | '.'
    ) {
        let rest = &t[first.len_utf8()..];
        let gap = rest.len() - rest.trim_start().len();
        return (gap > 0).then(|| ('-', String::new(), lead + first.len_utf8() + gap));
    }
    if let Some(inner) = t.strip_prefix('(') {
        return parenthesized(inner).map(|(k, label, at)| (k, label, lead + 1 + at));
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let (kind, n) = if (1..=2).contains(&digits) {
        ('1', digits)
    } else if first.is_ascii_lowercase() {
        ('a', 1)
    } else {
        return None;
    };
    let close = t.get(n..)?.chars().next()?;
    if !matches!(close, '.' | ')') {
        return None;
    }
    let mut after = t.get(n + 1..)?;
    // A number closed as an ordinal word is (`1.-`, `2.–`).
    let mut dash = 0;
    if close == '.' {
        if let Some(d) = ['-', '–', '—'].into_iter().find(|&d| after.starts_with(d)) {
            dash = d.len_utf8();
            after = &after[dash..];
        }
    }
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    if kind == 'a' && close == '.' && !after.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let gap = after.len() - after.trim_start().len();
    Some((kind, t[..n].to_string(), lead + n + 1 + dash + gap))
}

/// An ordinal word of a bundled language opening a line as an item's
/// marker, closed by `.-`, `:` or `)` (`Primero.-`, `SEGUNDO:`), or by a
/// period when printed in capitals (`FIRST.`): its number and where the
/// item's text starts. A capitalized ordinal in running text (`Primera
/// Reunión`, `First, the …`) is not closed so.
fn ordinal(t: &str) -> Option<(u32, usize)> {
    // The ordinal's words (`DÉCIMO PRIMERO`, `Twenty-first`), at most three.
    let word_end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == ' '))
        .map_or(t.len(), |(i, _)| i);
    let word = &t[..word_end];
    if word.ends_with(' ') || word.contains("  ") || word.split(' ').count() > 3 {
        return None;
    }
    let rest = &t[word_end..];
    let close = [".-", ".–", ".—", ":", ")", "."]
        .into_iter()
        .find(|c| rest.starts_with(c))?;
    if close == "." && word.chars().any(char::is_lowercase) {
        return None;
    }
    let after = &rest[close.len()..];
    let gap = after.len() - after.trim_start().len();
    if gap == 0 && !after.is_empty() {
        return None;
    }
    let n = crate::reference::series::ordinal_word(word)?;
    Some((n, word_end + close.len() + gap))
}

/// A roman number in capitals opening a line as an item's marker, closed
/// by `.`, `.-` or `)` and a space (`XII. Resaltar ...`): its label and
/// where the item's text starts. A line so numbered is an item only where
/// the document's structure left it in the text (an item ending in `;`,
/// not a section's heading).
fn roman(t: &str) -> Option<(String, usize)> {
    let n = t
        .chars()
        .take_while(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        .count();
    if !(1..=6).contains(&n) {
        return None;
    }
    let label = &t[..n];
    crate::reference::from_roman(label)?;
    let rest = &t[n..];
    let close = [".-", ".–", ".", ")"]
        .into_iter()
        .find(|c| rest.starts_with(c))?;
    let after = &rest[close.len()..];
    let gap = after.len() - after.trim_start().len();
    (gap > 0).then(|| (label.to_string(), n + close.len() + gap))
}

/// A marker in parentheses, after its `(`: `(1)`, `(a)`, `(iv)`.
fn parenthesized(inner: &str) -> Option<(char, String, usize)> {
    let close = inner.find(')')?;
    let label = &inner[..close];
    let after = &inner[close + 1..];
    if !after.starts_with([' ', '\t']) || label.is_empty() || label.len() > 4 {
        return None;
    }
    let kind = if label.chars().all(|c| c.is_ascii_digit()) {
        '1'
    } else if label.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        'i'
    } else if label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase()) {
        'a'
    } else {
        return None;
    };
    let gap = after.len() - after.trim_start().len();
    Some((kind, label.to_string(), close + 1 + gap))
}

/// A short line with no final stop: a heading inside or before a list.
pub(super) fn is_subheading(line: &str) -> bool {
    let t = line.trim();
    let n = t.split_whitespace().count();
    (1..=6).contains(&n) && !t.ends_with(['.', ';', ',']) && marker(t).is_none()
}

/// The character that closes a line's number (`1.` → `.`, `1)` → `)`).
pub(super) fn closing(line: &str) -> Option<char> {
    line.trim_start()
        .trim_start_matches('(')
        .chars()
        .find(|c| !c.is_ascii_alphanumeric())
}
