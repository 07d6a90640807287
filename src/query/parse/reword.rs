//! A question as researchers type it, reworded into the words the grammar
//! reads, before parsing. Two tiers:
//!
//! - [`names`], always: the ways people name a meeting or a body
//!   (`RCM`, `Regional Conference on Migration`, `Puebla Process` → `CRM`;
//!   `7th`/`seventh`/`séptima`/`7a` before a body → `VII`; `CRM 7` →
//!   `VII CRM`; `oct 2002` → `octubre 2002`; `V.A.3` → `V.A(3)`; `RCM's` →
//!   `CRM`). These only make a name the knowledge base knows.
//! - [`loose`], only when the question does not parse as typed: the context
//!   before the question (`For my thesis I need …`, `vos sabés …`) dropped,
//!   contractions spread (`what's`), and a lower-case word one typing slip
//!   away from a keyword (`wich`, `pendeintes`) read as that keyword.
//!
//! Word lists are data here, not phrasings: each entry is a way of naming
//! or a filler, used wherever it appears.

use crate::text::normalize;

/// A body's names, each with its acronym (folded, lower case; longest
/// first), and the acronyms it goes by (`rcm` → `CRM`): the bundled
/// series profiles (every process whose meetings are numbered) and the
/// gazetteer's bodies of a process (`part_of`) or with reports presented
/// at them. Data, not a list here: a new process needs no code change.
struct Bodies {
    names: Vec<(String, String)>,
    acronyms: Vec<(String, String)>,
}

fn bodies() -> &'static Bodies {
    static B: std::sync::OnceLock<Bodies> = std::sync::OnceLock::new();
    B.get_or_init(|| {
        let mut named: Vec<(String, Vec<String>)> = crate::reference::series::bundled()
            .iter()
            .map(|s| (s.acronym.clone(), s.names.clone()))
            .collect();
        if let Ok(g) = crate::reference::Gazetteer::bundled() {
            named.extend(
                g.organizations
                    .iter()
                    .filter(|o| o.part_of.is_some() || o.presented_at.is_some())
                    .filter_map(|o| Some((o.acronym.clone()?, o.names()))),
            );
        }
        let mut names = Vec::new();
        let mut acronyms = Vec::new();
        for (acronym, all) in named {
            for name in all {
                let short = !name.contains(' ') && name.chars().all(|c| c.is_ascii_uppercase());
                let key = normalize(&name).to_lowercase();
                let list = if short { &mut acronyms } else { &mut names };
                if !list.iter().any(|(k, _)| *k == key) {
                    list.push((key, acronym.clone()));
                }
            }
        }
        names.sort_by_key(|(k, _)| std::cmp::Reverse(k.split(' ').count()));
        Bodies { names, acronyms }
    })
}

/// Words before the question proper, in either language, that end the
/// context a researcher gives first (`For my thesis I need …`).
const CONTEXT_ENDS: [&str; 12] = [
    "i need to know",
    "i need",
    "i want to know",
    "i want",
    "i am looking for",
    "i'm looking for",
    "necesito saber",
    "necesito",
    "quiero saber",
    "busco",
    "me interesa saber",
    "me interesa",
];

/// Openings of a question in Latin American Spanish (voseo) and other
/// asides that carry no meaning for the query.
const OPENINGS: [&str; 10] = [
    "vos sabes",
    "sabes",
    "sabes vos",
    "me podes decir",
    "podes decirme",
    "decime",
    "mostrame",
    "fijate",
    "che",
    "hey",
];

/// Contractions spread into the words the grammar reads.
const CONTRACTIONS: [(&str, &str); 5] = [
    ("what's", "what is"),
    ("who's", "who is"),
    ("where's", "where is"),
    ("when's", "when is"),
    ("didn't", "did not"),
];

/// One word of the question: its text and its folded key (accents, case
/// and the punctuation around it away).
struct Word {
    text: String,
    key: String,
}

fn words(text: &str) -> Vec<Word> {
    text.split_whitespace()
        .map(|w| Word {
            text: w.to_string(),
            key: normalize(w.trim_matches(|c: char| "¿¡?!,;:.\"“”".contains(c))),
        })
        .collect()
}

/// The trailing punctuation of a word (`2002?` → `?`).
fn tail(w: &str) -> &str {
    let cut = w.trim_end_matches(['?', '!', ',', ';', ':']).len();
    &w[cut..]
}

/// The leading punctuation of a word (`¿Qué` → `¿`).
fn head(w: &str) -> &str {
    let cut = w.len() - w.trim_start_matches(['¿', '¡']).len();
    &w[..cut]
}

/// Replace each run of words whose keys spell a phrase by its
/// replacement, keeping the punctuation around the run.
fn replace_phrases(ws: Vec<Word>, phrases: &[(String, String)]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(ws.len());
    let mut i = 0;
    'outer: while i < ws.len() {
        for (phrase, by) in phrases {
            let n = phrase.split(' ').count();
            if i + n <= ws.len() {
                let keys: Vec<&str> = ws[i..i + n].iter().map(|w| w.key.as_str()).collect();
                if keys.join(" ") == *phrase {
                    let by = by.as_str();
                    let text = format!("{}{by}{}", head(&ws[i].text), tail(&ws[i + n - 1].text));
                    out.push(Word {
                        key: normalize(by),
                        text,
                    });
                    i += n;
                    continue 'outer;
                }
            }
        }
        out.push(Word {
            text: ws[i].text.clone(),
            key: ws[i].key.clone(),
        });
        i += 1;
    }
    out
}

/// The acronym of a body a word names (`rcm`, `CRM's`), if any.
fn acronym(key: &str) -> Option<&'static str> {
    let key = key
        .strip_suffix("'s")
        .or_else(|| key.strip_suffix("’s"))
        .unwrap_or(key);
    let found = bodies().acronyms.iter().find(|(a, _)| a == key);
    found.map(|(_, b)| b.as_str())
}

/// An ordinal as people write it (`7th`, `seventh`, `septima`, `7a`, `7`),
/// or in roman numerals of any case (`vii`).
fn ordinal(key: &str) -> Option<u32> {
    if let Ok(n) = key.parse::<u32>() {
        return (1..=40).contains(&n).then_some(n);
    }
    let roman = crate::reference::from_roman(&key.to_uppercase());
    roman.or_else(|| crate::reference::series::ordinal_word(key))
}

fn is_year(key: &str) -> bool {
    key.len() == 4 && key.chars().all(|c| c.is_ascii_digit())
}

/// Meeting names in their canonical spelling: bodies' acronyms upper case,
/// an ordinal before a body (or after it, `CRM 7`) in roman numerals,
/// `Reunión de la CRM` kept with its ordinal, abbreviated months spelled.
fn canonical_names(mut ws: Vec<Word>) -> Vec<Word> {
    for w in &mut ws {
        if let Some(a) = acronym(&w.key) {
            w.text = format!("{}{a}{}", head(&w.text), tail(&w.text));
            w.key = normalize(a);
        }
    }
    for i in 0..ws.len() {
        let body_next = ws.get(i + 1).is_some_and(|w| acronym(&w.key).is_some())
            || (ws
                .get(i + 1)
                .is_some_and(|w| w.key == "reunion" || w.key == "meeting"));
        if body_next && ws[i].key != "i" && ws[i].key != "a" {
            if let Some(n) = ordinal(&ws[i].key) {
                let text = format!("{}{}", head(&ws[i].text), crate::reference::roman(n));
                ws[i].key = normalize(&text);
                ws[i].text = text;
            }
        }
        let year_next = ws.get(i + 1).is_some_and(|w| is_year(&w.key))
            || ws.get(i + 1).is_some_and(|w| w.key == "de")
                && ws.get(i + 2).is_some_and(|w| is_year(&w.key));
        if year_next {
            let key = ws[i].key.trim_end_matches('.').to_string();
            if let Some(m) = crate::ingest::profile::month_abbreviation(&key) {
                ws[i].text = format!("{}{m}{}", head(&ws[i].text), tail(&ws[i].text));
                ws[i].key = m.to_string();
            }
        }
    }
    // `CRM 7` → `VII CRM`
    let mut out: Vec<Word> = Vec::with_capacity(ws.len());
    let mut it = ws.into_iter().peekable();
    while let Some(w) = it.next() {
        let numbered = acronym(&w.key).is_some()
            && it.peek().is_some_and(|n| {
                n.key.len() <= 2 && n.key.parse::<u32>().is_ok_and(|k| (1..=40).contains(&k))
            });
        match (numbered, it.peek().map(|n| n.key.parse::<u32>())) {
            (true, Some(Ok(n))) => {
                let next = it.next().map(|n| n.text).unwrap_or_default();
                let text = format!("{} {}{}", crate::reference::roman(n), w.text, tail(&next));
                out.push(Word {
                    key: normalize(&text),
                    text,
                });
            }
            _ => out.push(w),
        }
    }
    out
}

/// `V.A.3` → `V.A(3)`: an item number written with a dot.
fn item_number(w: &str) -> Option<String> {
    let (stem, n) = w.rsplit_once('.')?;
    let well_formed = n.chars().all(|c| c.is_ascii_digit())
        && !n.is_empty()
        && stem.contains('.')
        && stem.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        && stem.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    well_formed.then(|| format!("{stem}({n})"))
}

fn join(ws: &[Word]) -> String {
    ws.iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that make a statement a pattern or an annotation, never a
/// question: such statements are parsed as typed, so a slip in them is
/// reported, not guessed at.
const NOT_QUESTIONS: [&str; 7] = [
    "match",
    "assert",
    "retract",
    "confirm",
    "afirmar",
    "retirar",
    "confirmar",
];

/// Whether `text` reads as one question (no pattern or annotation
/// keyword, one line).
fn is_question(text: &str) -> bool {
    !text.contains('\n')
        && !words(text)
            .iter()
            .any(|w| NOT_QUESTIONS.contains(&w.key.as_str()))
}

/// The question with meetings and bodies named as the knowledge base
/// names them (see the module's doc); the text itself when nothing changes.
pub(super) fn names(text: &str) -> String {
    shielded(text, names_unquoted)
}

fn names_unquoted(text: &str) -> String {
    if !is_question(text) {
        return text.to_string();
    }
    let mut ws = replace_phrases(words(text), &bodies().names);
    for w in &mut ws {
        let bare = w.text.trim_end_matches(['?', '!', ',', ';', ':']);
        if let Some(fixed) = item_number(bare) {
            w.text = format!("{fixed}{}", tail(&w.text));
        }
    }
    let ws = canonical_names(ws);
    let out = join(&ws);
    if normalize(&out) == normalize(text) && out.split_whitespace().eq(text.split_whitespace()) {
        text.to_string()
    } else {
        out
    }
}

/// Where the question proper starts: after the context a researcher
/// gives first (up to `I need`, `necesito` …) or a voseo opening.
fn question_start(ws: &[Word]) -> usize {
    let keys: Vec<&str> = ws.iter().map(|w| w.key.as_str()).collect();
    let starts_with = |i: usize, phrase: &str| {
        let p: Vec<&str> = phrase.split(' ').collect();
        keys.len() >= i + p.len() && keys[i..i + p.len()] == p[..]
    };
    let mut start = 0;
    // `For my thesis I need …`: context ends at the first `I need`, within
    // the first dozen words.
    if keys.first().is_some_and(|k| *k == "for" || *k == "para") {
        for i in 1..keys.len().min(12) {
            if let Some(p) = CONTEXT_ENDS.iter().find(|p| starts_with(i, p)) {
                start = i + p.split(' ').count();
                break;
            }
        }
    }
    if let Some(p) = OPENINGS.iter().find(|p| starts_with(start, p)) {
        start += p.split(' ').count();
    }
    start
}

/// A lower-case word one typing slip (a letter added, dropped, changed or
/// two swapped) from a keyword of at least four letters: that keyword.
fn keyword_near(key: &str) -> Option<&'static str> {
    if key.chars().count() < 4 || !key.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let words = crate::query::words::keywords();
    if words.iter().any(|k| k == key) {
        return None;
    }
    let near = |rank: u8| -> Vec<&String> {
        words
            .iter()
            .filter(|k| k.chars().count() >= 4 && k.chars().all(|c| c.is_ascii_lowercase()))
            .filter(|k| one_slip(key, k) == Some(rank))
            .collect()
    };
    // A letter dropped, doubled or two swapped are the commoner slips: a
    // keyword they give wins over one a changed letter gives.
    for rank in [0, 1] {
        match near(rank).as_slice() {
            [one] => return Some(one.as_str()),
            [] => continue,
            _ => return None,
        }
    }
    None
}

/// Whether `a` and `b` differ by one insertion, deletion or swap of two
/// neighbours (`Some(0)`) or one substitution (`Some(1)`).
fn one_slip(a: &str, b: &str) -> Option<u8> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ra, rb) = (a.len() - pre - suf, b.len() - pre - suf);
    match (ra, rb) {
        (1, 0) | (0, 1) => Some(0),
        (2, 2) if a[pre] == b[pre + 1] && a[pre + 1] == b[pre] => Some(0),
        (1, 1) => Some(1),
        _ => None,
    }
}

/// The question read loosely, for when it does not parse as typed (see
/// the module's doc); the text itself when nothing changes.
pub(super) fn loose(text: &str) -> String {
    shielded(text, loose_unquoted)
}

fn loose_unquoted(text: &str) -> String {
    if !is_question(text) {
        return text.to_string();
    }
    let ws = words(text);
    let start = question_start(&ws);
    let mut out: Vec<String> = Vec::with_capacity(ws.len());
    for (i, w) in ws.iter().enumerate().skip(start) {
        let lead = if i == start { head(&ws[0].text) } else { "" };
        if let Some((_, by)) = CONTRACTIONS.iter().find(|(c, _)| w.key == *c) {
            out.push(format!("{lead}{}{by}{}", head(&w.text), tail(&w.text)));
            continue;
        }
        let lower = w.text.chars().next().is_some_and(|c| !c.is_uppercase()) || i == start;
        match keyword_near(&w.key).filter(|_| lower) {
            Some(k) => out.push(format!("{lead}{}{k}{}", head(&w.text), tail(&w.text))),
            None => out.push(format!("{lead}{}", w.text)),
        }
    }
    date_to_body(out).join(" ")
}

/// `what did the GRCM recommend in October 2002`: a date at the end of the
/// question that names a body's meeting moves right after the body's
/// acronym (`the GRCM October 2002 recommend`), where it is part of the
/// meeting's name.
fn date_to_body(mut ws: Vec<String>) -> Vec<String> {
    let keys: Vec<String> = words(&ws.join(" ")).into_iter().map(|w| w.key).collect();
    let n = keys.len();
    if n < 4 || !is_year(&keys[n - 1]) {
        return ws;
    }
    let month = crate::ingest::profile::month(&keys[n - 2]).is_some();
    let from = if month { n - 3 } else { n - 2 };
    if !["in", "en", "de", "of"].contains(&keys[from].as_str()) {
        return ws;
    }
    let Some(body) = (from.saturating_sub(4)..from.saturating_sub(1))
        .rev()
        .find(|&i| acronym(&keys[i]).is_some())
    else {
        return ws;
    };
    let date: Vec<String> = ws.drain(from..).skip(1).collect();
    let end = tail(date.last().map_or("", String::as_str)).to_string();
    let date: Vec<String> = date
        .iter()
        .map(|d| d.trim_end_matches(['?', '!', ',', ';', ':']).to_string())
        .collect();
    if let Some(last) = ws.last_mut() {
        last.push_str(&end);
    }
    for (k, d) in date.into_iter().enumerate() {
        ws.insert(body + 1 + k, d);
    }
    ws
}

/// Stands for the quoted string of its number while the words around it
/// are reworded: a character of Unicode's private use area, which no
/// folding changes and no word list holds.
const SHIELD: char = '\u{F8FF}';

/// `reword` applied to the text with each quoted string (`"…"`, or `'…'`
/// opening a word) kept out of it: what a researcher quotes is read as
/// typed, neither renamed (`"st"` is not the acronym `ST`) nor respaced.
/// A text with an unclosed quote, or that holds the shield character
/// itself, is reworded whole.
fn shielded(text: &str, reword: fn(&str) -> String) -> String {
    if text.contains(SHIELD) {
        return reword(text);
    }
    let Some(strings) = quoted_strings(text) else {
        return reword(text);
    };
    if strings.is_empty() {
        return reword(text);
    }
    let mut masked = String::with_capacity(text.len());
    let mut at = 0;
    for (i, &(start, end)) in strings.iter().enumerate() {
        masked.push_str(&text[at..start]);
        masked.push(SHIELD);
        masked.push_str(&i.to_string());
        masked.push(SHIELD);
        at = end;
    }
    masked.push_str(&text[at..]);
    let done = reword(&masked);
    let mut out = String::with_capacity(done.len() + text.len());
    let mut parts = done.split(SHIELD);
    out.push_str(parts.next().unwrap_or_default());
    while let (Some(n), Some(rest)) = (parts.next(), parts.next()) {
        match n.parse::<usize>().ok().and_then(|i| strings.get(i)) {
            Some(&(start, end)) => out.push_str(&text[start..end]),
            // Rewording never makes a shield; if it did, the text as typed.
            None => return text.to_string(),
        }
        out.push_str(rest);
    }
    out
}

/// The byte ranges of the quoted strings of a text, quotes included, as
/// the grammar reads them (a backslash escapes the next character); a
/// single quote opens a string only at the start of a word (`RCM's` is no
/// string). `None` when a string is not closed.
fn quoted_strings(text: &str) -> Option<Vec<(usize, usize)>> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let opens = c == '"' || (c == '\'' && prev.is_none_or(|p| p.is_whitespace() || p == '('));
        if !opens {
            prev = Some(c);
            continue;
        }
        let mut end = None;
        while let Some((j, d)) = chars.next() {
            if d == '\\' {
                chars.next();
            } else if d == c {
                end = Some(j + d.len_utf8());
                break;
            }
        }
        found.push((i, end?));
        prev = Some(c);
    }
    Some(found)
}

#[cfg(test)]
#[path = "reword_tests.rs"]
mod tests;
