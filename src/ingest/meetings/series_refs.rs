//! Meetings of a series (`data/series/*.toml`) written in ways other than
//! one ordinal before the series' name (lists of them are read in
//! [`super::lists`]): a meeting named
//! without an ordinal ("the Bali Regional Ministerial Conference held in
//! Bali, Indonesia, 26-28 February 2002"), which its month identifies;
//! a body's meeting by its ordinal ("la CRM ... en su primera reunión en
//! Puebla, México, en marzo de 1996"); an ordinal and meeting words alone ("At their Fiftieth Regular
//! Meeting, the authorities ..."), a meeting of the one series the
//! document names.

use super::tail::parse_tail;
use super::{alternation, overlaps, with_tail, Env, MeetingRef, Target};
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::words;
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use crate::model::{Kind, Precision};
use crate::reference::from_long_roman;
use crate::reference::series::{self, ordinal_word, Series};
use std::sync::OnceLock;

/// What a numbered reference of a series points at: its numbered meeting,
/// or, for a series keyed by date, its meeting of the month written with
/// it.
pub(super) fn target(series: &Series, ordinal: u32) -> Target {
    if series.by_date {
        Target::Dated {
            body: format!("organization:{}", series.key()),
        }
    } else {
        Target::Numbered {
            body: series.acronym.clone(),
            ordinal,
        }
    }
}

/// The number of an ordinal: `raw` as printed when it is roman in
/// capitals (`IV`), else its normalized form a word of the language
/// profiles or `7th`.
pub(super) fn ordinal_value(raw: &str, normalized: &str) -> Option<u32> {
    if raw
        .chars()
        .all(|ch| matches!(ch, 'I' | 'V' | 'X' | 'L' | 'C'))
    {
        from_long_roman(raw)
    } else {
        ordinal_word(normalized)
    }
}

/// An ordinal as the numbered pattern writes it (roman, `7th`, a word).
pub(super) fn ordinal_token() -> String {
    let words = alternation(series::ordinal_words().iter().map(|(w, _)| w.as_str()));
    format!(r"(?:[ivxlc]{{1,7}}|\d{{1,2}}(?:st|nd|rd|th|a|o)|{words})")
}

/// A meeting of a series named without an ordinal: one of its meeting
/// names (`Bali Regional Ministerial Conference`), or its meeting words
/// before its name (`Ministerial Conference of the Bali Process`).
fn unnumbered_pattern(series: &Series) -> Option<String> {
    let names = alternation(
        series
            .names
            .iter()
            .chain(std::iter::once(&series.acronym))
            .map(String::as_str),
    );
    let words = alternation(series.meeting_words.iter().map(String::as_str));
    let own = alternation(series.meeting_names.iter().map(String::as_str));
    let mut alts = Vec::new();
    if !own.is_empty() {
        alts.push(format!("(?:{own})"));
    }
    if !words.is_empty() && !names.is_empty() {
        alts.push(format!(
            r"(?:{words})\s+(?:de\s+la\s+|del\s+|of\s+the\s+|of\s+)(?:{names})"
        ));
    }
    (!alts.is_empty()).then(|| format!(r"\b(?:{})\b", alts.join("|")))
}

/// Per series: the id of its body (`organization:<key>`) and the pattern
/// of its meetings named without an ordinal.
fn unnumbered_patterns() -> &'static [(String, Pattern)] {
    static P: OnceLock<Vec<(String, Pattern)>> = OnceLock::new();
    P.get_or_init(|| {
        series::bundled()
            .iter()
            .filter_map(|s| {
                let p = compile(&unnumbered_pattern(s)?);
                Some((format!("organization:{}", s.key()), p))
            })
            .collect()
    })
}

/// Meetings of a series named without an ordinal, with their month. For
/// a series the gazetteer knows as an organization, only a reference with
/// its month ("la Reunión Ordinaria de la OCAM, que se celebró este
/// día"): the others are read as meetings of a body.
pub(super) fn unnumbered(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    // One pass over the sentence for all series before one per series.
    static ANY: OnceLock<Pattern> = OnceLock::new();
    let any = ANY.get_or_init(|| {
        let all: Vec<String> = series::bundled()
            .iter()
            .filter_map(unnumbered_pattern)
            .collect();
        compile(&all.join("|"))
    });
    if !any.is_match(s.hay()) {
        return;
    }
    for (body, pattern) in unnumbered_patterns() {
        let key = body.strip_prefix("organization:").unwrap_or(body);
        let known = env.gazetteer.organizations.iter().any(|o| o.key == key);
        for (a, b) in s.find(pattern) {
            if overlaps(refs, a, b) {
                continue;
            }
            let t = parse_tail(s, b, env);
            let month = t.date.is_some_and(|d| d.precision != Precision::Year);
            if known && (!month || !t.list.is_empty()) {
                continue;
            }
            let r = MeetingRef::new(a, b, Target::Dated { body: body.clone() });
            // Without its month the reference names the meeting but gives
            // it no id; the document's opening may date it.
            let dated = t.date.filter(|d| d.precision != Precision::Year);
            let mut r = with_tail(r, &t);
            r.date = dated;
            refs.push(r);
        }
    }
}

/// Every series' meeting words, as one alternation of a pattern.
fn meeting_words() -> String {
    alternation(
        series::bundled()
            .iter()
            .flat_map(|s| &s.meeting_words)
            .map(String::as_str),
    )
}

/// An ordinal and a meeting word after a possessive (`su primera
/// reunión`, `its fifth meeting`).
fn possessive_pattern() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let ord = ordinal_token();
        let words = meeting_words();
        compile(&format!(
            r"\b(?:su|its|their)\s+(?P<ord>{ord})\s+(?:{words})\b"
        ))
    })
}

/// The series a possessive at `a` refers to: the last series the sentence
/// names before it, as a body ("la CRM") or by a name of its profile ("la
/// Asamblea General, en su septuagésimo sexto período de sesiones").
fn owner(s: &Sentence, a: usize) -> Option<&'static Series> {
    named_before(s, a).map(|(_, x)| x)
}

/// [`owner`], with where its name ends in the normalized text.
pub(super) fn named_before(s: &Sentence, a: usize) -> Option<(usize, &'static Series)> {
    let by_body = s
        .mentions
        .iter()
        .rev()
        .find(|x| x.end <= a && x.kind == Kind::Organization)
        .and_then(|o| {
            let series = series::by_key(o.id.strip_prefix("organization:")?)?;
            Some((s.norm_at(o.end), series))
        });
    let before = s.norm_before(a);
    let by_name = series::bundled()
        .iter()
        .filter_map(|x| {
            let at = x
                .names
                .iter()
                .filter_map(|n| {
                    let n = crate::text::normalize(n);
                    before.rfind(&n).map(|i| i + n.len())
                })
                .max()?;
            Some((at, x))
        })
        .max_by_key(|(at, _)| *at);
    match (by_body, by_name) {
        (Some(b), Some(n)) => Some(if n.0 > b.0 { n } else { b }),
        (b, n) => b.or(n),
    }
}

/// "la CRM ... en su primera reunión": the numbered meeting of the series
/// whose body the sentence last named before it.
pub(super) fn possessive(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    for c in possessive_pattern().captures_iter(s.hay()) {
        let (Some(m), Some(ord)) = (c.get(0), c.name("ord")) else {
            continue;
        };
        let (a, b) = (s.orig(m.start()), s.end_of(m.end()));
        if overlaps(refs, a, b) {
            continue;
        }
        let Some(n) = from_long_roman(ord.as_str()).or_else(|| ordinal_word(ord.as_str())) else {
            continue;
        };
        let Some(series) = owner(s, a) else {
            continue;
        };
        let r = MeetingRef::new(a, b, target(series, n));
        refs.push(with_tail(r, &parse_tail(s, b, env)));
    }
}

/// Every name of every series in [`words`] form, with the index of its
/// series, and one automaton over them.
fn series_names() -> &'static (aho_corasick::AhoCorasick, Vec<usize>) {
    static N: OnceLock<(aho_corasick::AhoCorasick, Vec<usize>)> = OnceLock::new();
    N.get_or_init(|| {
        let mut names = Vec::new();
        let mut owners = Vec::new();
        for (i, s) in series::bundled().iter().enumerate() {
            for n in s
                .names
                .iter()
                .chain(&s.meeting_names)
                .chain(std::iter::once(&s.acronym))
            {
                let w = words(n);
                if !w.is_empty() {
                    names.push(w);
                    owners.push(i);
                }
            }
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&names)
            .unwrap_or_else(|e| panic!("series names: {e}"));
        (ac, owners)
    })
}

/// The key of the series a text is about: the one it names (by a name,
/// an acronym or a meeting name of `data/series/*.toml`), or of several
/// the one it names at least twice as often as any other; `None` when it
/// names none, or several about as often.
pub fn document_series(text: &str) -> Option<String> {
    document_series_in_words(&words(text))
}

/// [`document_series`] of a text in [`words`] form.
pub fn document_series_in_words(w: &str) -> Option<String> {
    let (ac, owners) = series_names();
    let bytes = w.as_bytes();
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in ac.find_iter(w) {
        let whole = (m.start() == 0 || bytes.get(m.start() - 1) == Some(&b' '))
            && (m.end() == bytes.len() || bytes.get(m.end()) == Some(&b' '));
        let Some(&i) = owners.get(m.pattern().as_usize()).filter(|_| whole) else {
            continue;
        };
        match counts.iter_mut().find(|(j, _)| *j == i) {
            Some((_, n)) => *n += 1,
            None => counts.push((i, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let (i, n) = *counts.first()?;
    if counts.get(1).is_some_and(|&(_, m)| n < 2 * m) {
        return None;
    }
    series::bundled().get(i).map(Series::key)
}

/// An ordinal and meeting words with no name after them.
fn bare_pattern() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let ord = ordinal_token();
        let words = meeting_words();
        compile(&format!(r"\b(?P<ord>{ord})\s+(?P<w>{words})\b"))
    })
}

/// An ordinal and meeting words of more than one word that only one
/// series uses: what [`of_the_document`] looks for in a document that
/// names no one series.
fn owned_pattern() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| {
        let ord = ordinal_token();
        let all = series::bundled();
        let owned = alternation(
            all.iter()
                .flat_map(|x| &x.meeting_words)
                .filter(|m| words(m).contains(' '))
                .filter(|m| {
                    let w = words(m);
                    all.iter()
                        .filter(|x| x.meeting_words.iter().any(|o| words(o) == w))
                        .count()
                        == 1
                })
                .map(String::as_str),
        );
        compile(&format!(r"\b(?P<ord>{ord})\s+(?P<w>{owned})\b"))
    })
}

/// The one series whose meeting words of more than one word include `w`
/// ("vice-ministerial meeting" is the CRM's alone); `None` when no series
/// or several have them.
fn owner_of_words(w: &str) -> Option<&'static Series> {
    let w = words(w);
    if !w.contains(' ') {
        return None;
    }
    let mut owners = series::bundled()
        .iter()
        .filter(|x| x.meeting_words.iter().any(|m| words(m) == w));
    let one = owners.next()?;
    owners.next().is_none().then_some(one)
}

/// "hosted the 5th Ministerial Conference in Istanbul": an ordinal in
/// digits before capitalized meeting words names a meeting, as a capital
/// ordinal does; not after a month or a joined day ("October 26th and
/// 27th Meeting"), where the digits are a day. `a` is where the ordinal
/// starts, `w` where the meeting words start (original offsets).
pub(super) fn digits_named(s: &Sentence, a: usize, w: usize) -> bool {
    let digit = s.text.get(a..).and_then(|t| t.chars().next());
    let capital = s.text.get(w..).and_then(|t| t.chars().next());
    if !digit.is_some_and(|c| c.is_ascii_digit()) || !capital.is_some_and(char::is_uppercase) {
        return false;
    }
    let before = s.text.get(..a).unwrap_or("").trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let day = crate::ingest::profile::month(&crate::text::normalize(&last)).is_some()
        || matches!(last.as_str(), "and" | "y" | "&" | "-" | "–" | "al")
        || last.chars().next().is_some_and(|c| c.is_ascii_digit());
    !day
}

/// "At their Fiftieth Regular Meeting, the authorities": an ordinal and
/// meeting words that no name follows (no `de`, `of`, `for`, no capital)
/// name a meeting of the one series the document names, or of the one
/// series whose own words they are ("the XXVIII Vice-Ministerial Meeting"
/// on a page that names the RCM and the SACM as often).
pub(super) fn of_the_document(s: &Sentence, env: &Env, refs: &mut Vec<MeetingRef>) {
    let named = env.series.as_deref().and_then(series::by_key);
    let pattern = if named.is_some() {
        bare_pattern()
    } else {
        owned_pattern()
    };
    for c in pattern.captures_iter(s.hay()) {
        let (Some(m), Some(ord)) = (c.get(0), c.name("ord")) else {
            continue;
        };
        let by_words = || c.name("w").and_then(|w| owner_of_words(w.as_str()));
        let Some(series) = named.or_else(by_words) else {
            continue;
        };
        let (a, b) = (s.orig(m.start()), s.end_of(m.end()));
        // "the Fifth Senior Officials' Meeting and Sixth Ministerial
        // Consultation of the Colombo Process": words the series numbers
        // apart are its sub-meeting's ([`super::sub`]), not its own.
        let sub_words = c
            .name("w")
            .is_some_and(|w| sub_meeting_words(series).iter().any(|y| y == w.as_str()));
        if sub_words || overlaps(refs, a, b) {
            continue;
        }
        let raw = s.slice(a, s.end_of(ord.end()));
        let roman = raw
            .chars()
            .all(|ch| matches!(ch, 'I' | 'V' | 'X' | 'L' | 'C'));
        // Digits name a meeting only in the series' own words: "21st
        // Senior Officials Meeting" on a page of a series whose SOMs have
        // no numbering of their own here is not its 21st conference.
        let own_words = c.name("w").is_some_and(|w| {
            series
                .meeting_words
                .iter()
                .any(|x| crate::text::normalize(x) == w.as_str())
        });
        let digits = own_words && digits_named(s, a, c.name("w").map_or(b, |w| s.orig(w.start())));
        let counted = !roman && !raw.chars().next().is_some_and(char::is_uppercase) && !digits;
        let n = if roman {
            from_long_roman(raw)
        } else {
            ordinal_word(ord.as_str())
        };
        let Some(n) = n else { continue };
        // "the fifth meeting since ...": a count, not a name; "October
        // 26th and 27th Meeting ...": a day; unless a preparatory meeting
        // names it ("the fourth preparatory SOM for the 3rd Ministerial
        // Conference").
        if counted && super::prep::preparatory(s, a, env, series, n).is_none() {
            continue;
        }
        // A name goes on in the same line: a heading's next line is not one.
        let next = s
            .text
            .get(b..)
            .unwrap_or("")
            .trim_start_matches([' ', '\t']);
        let first: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        let named_after = first.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                first.to_lowercase().as_str(),
                "de" | "del" | "of" | "for" | "on" | "sobre" | "para"
            );
        // "La X Conferencia de Migraciones celebrada en Cochabamba": the
        // series' own name cut short is still the series.
        let b = match (named_after, shortened_name(series, next)) {
            (false, _) => b,
            (true, Some(len)) => b + (s.text.get(b..).map_or(0, str::len) - next.len()) + len,
            (true, None) => match of_its_members(s, env, b, series) {
                Some(end) => end,
                None => continue,
            },
        };
        if let Some((at, prep)) = super::prep::preparatory(s, a, env, series, n) {
            refs.push(MeetingRef::new(a, b, target(series, n)));
            let r = MeetingRef::new(at, b, prep);
            refs.push(with_tail(r, &parse_tail(s, b, env)));
            continue;
        }
        let r = MeetingRef::new(a, b, target(series, n));
        refs.push(with_tail(r, &parse_tail(s, b, env)));
    }
}

/// The words of a series' sub-meetings, folded as the text they are
/// compared with (`normalize`), once.
fn sub_meeting_words(series: &Series) -> &'static [String] {
    static W: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let all = W.get_or_init(|| {
        series::bundled()
            .iter()
            .map(|s| {
                let words = s.sub_meetings.iter().flat_map(|m| &m.words);
                words.map(|w| crate::text::normalize(w)).collect()
            })
            .collect()
    });
    let at = series::bundled()
        .iter()
        .position(|s| std::ptr::eq(s, series));
    at.and_then(|i| all.get(i)).map_or(&[], Vec::as_slice)
}

/// "la XXVIII Reunión Viceministerial de los países que conforman la
/// Conferencia Regional sobre Migración (CRM)", "the 5th Vice-Ministerial
/// Meeting of the member countries of the RCM": after the meeting words
/// (ending at `b`), a word of belonging, the members (a role of the
/// profiles' `[bodies]`) and the series itself named, in one clause of at
/// most twelve words: where the series' name ends.
fn of_its_members(s: &Sentence, env: &Env, b: usize, series: &Series) -> Option<usize> {
    let m = s
        .mentions
        .iter()
        .find(|m| m.start >= b && m.kind == crate::model::Kind::Organization)?;
    let gap = s.text.get(b..m.start)?;
    if gap.contains(['.', ';', ':', '(', ')', ',', '"', '“']) || gap.contains("\n\n") {
        return None;
    }
    let w = words(gap);
    let count = w.split(' ').count();
    // The word of belonging right before the members, an article between
    // at most: "de los países que ...", not "de Directores de Migración de
    // los países ..." (another meeting of theirs).
    let of = env.places(|p| &p.of_body);
    let articles = ["", "la ", "el ", "los ", "las ", "the "];
    let members = env.profiles.iter().flat_map(|p| &p.bodies.roles).any(|r| {
        let r = words(r);
        of.iter().any(|o| {
            articles
                .iter()
                .any(|a| w.starts_with(&format!("{} {a}{r}", words(o))))
        })
    });
    let named = series::by_name(s.slice(m.start, m.end))?;
    (count <= 12 && members && named.key() == series.key()).then_some(m.end)
}

/// How many bytes at the start of `next` (what follows an ordinal and
/// meeting words) are the series' name cut short: capitalized words that
/// are all words of one of its names, joined by connectors (`de`,
/// `sobre`, `of`, `on`): "de Migraciones" for the Conferencia Sudamericana
/// sobre Migraciones, "Regional de Migración" and "on Migration" for the
/// Regional Conference on Migration. `None` when another name follows
/// ("de Ministros", "of the Parties", "Regional sobre la Mujer").
fn shortened_name(series: &Series, next: &str) -> Option<usize> {
    let mut rest = next;
    let mut end = 0;
    let mut content = 0;
    let mut after_connector = false;
    while let Some(token) = rest.split_whitespace().next() {
        let word: String = token.chars().take_while(|c| c.is_alphanumeric()).collect();
        let lower = word.to_lowercase();
        let connector = matches!(lower.as_str(), "de" | "del" | "sobre" | "of" | "on");
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let named = capital && in_a_name(series, &words(&word));
        match (connector, named) {
            (true, _) if after_connector => return None,
            (true, _) => after_connector = true,
            (false, true) => {
                content += 1;
                after_connector = false;
            }
            // Another name, or a connector that leads nowhere in the name.
            (false, false) if capital || after_connector => return None,
            (false, false) => break,
        }
        let at = rest.find(token).unwrap_or(0);
        let consumed = at + word.len();
        end += consumed;
        rest = rest.get(consumed..).unwrap_or("");
        if word.len() < token.len() {
            break;
        }
    }
    (content > 0 && !after_connector).then_some(end)
}

/// Whether `w` (in [`words`] form) is a word of one of the series' names,
/// in the singular or the plural.
fn in_a_name(series: &Series, w: &str) -> bool {
    series.names.iter().any(|n| {
        words(n).split(' ').any(|x| {
            x == w
                || [x, w].iter().zip([w, x]).any(|(a, b)| {
                    a.strip_prefix(b)
                        .is_some_and(|tail| tail == "s" || tail == "es")
                })
        })
    })
}
