//! Acronyms a text defines in passing: the long name right before `(SIGLA)`
//! ("Sistema de Información Estadística sobre las Migraciones en
//! Centroamérica (SIEMCA)"), or `(SIGLA, Name)` with a name the gazetteer
//! knows, such as a country ("Centro de Estudios Legales y Sociales
//! (CELS, Argentina)"). A definition is kept only when the long name
//! accounts for every letter of the acronym, word by word and in order
//! (the function words of a language's profile may give their initial or
//! nothing), or when the gazetteer already knows both as names of one
//! organization (an acronym kept in its original language's order beside
//! a translated name: "Central American Integration System (SICA)").
//! A name may end in a short tail the acronym leaves out, after a
//! connector ("Regional Consultative Process on Migration (RCP)",
//! "Comisión Económica para América Latina y el Caribe (CEPAL)"). A tail
//! that names another organization is its owner, not part of the name:
//! "Foro Especializado Migratorio del Mercosur (FEM)" is the Mercosur's
//! forum, and the FEM is "Foro Especializado Migratorio".
//! Names of a kind of event ("Senior Officials' Meeting (SOM)"), of a
//! series' meeting ("Sixth Bali Process Ministerial Conference (BPMC)")
//! and names counted as a class ("los 18 Procesos Consultivos Regionales
//! (PCR)") define no organization.

use super::pattern::Pattern;
use super::profile::Profile;
use super::resolve::Resolver;
use super::rules::compile;
use super::sentence::Sentence;
use crate::model::Kind;
use crate::text::normalize;
use std::collections::HashSet;
use std::sync::OnceLock;

fn acronym_pattern() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    // "(CELS, Argentina)": a known name may follow the acronym in its bracket.
    P.get_or_init(|| {
        compile(
            r"\(\s*(?P<a>[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ/\-]{1,11})\s*(?:,\s*(?P<c>[A-ZÁÉÍÓÚÑ][\p{L}]+(?:\s+[\p{L}]+){0,2})\s*)?\)",
        )
    })
}

/// An acronym a text defines: the long name right before `(ACR)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub acronym: String,
    pub long: String,
    pub start: usize,
    pub end: usize,
}

/// Quotation marks around a quoted name.
const QUOTES: &[char] = &['"', '“', '”', '«', '»'];

/// The words of names, from the reading profiles ([`Profile::names`]),
/// normalized: all profiles' words together, since a text in one language
/// names bodies in another.
#[derive(Debug, Clone, Default)]
pub struct NameWords {
    connectors: HashSet<String>,
    compounds: Vec<String>,
    events: HashSet<String>,
}

impl NameWords {
    /// The name words of every profile.
    pub fn of(profiles: &[Profile]) -> NameWords {
        let mut w = NameWords::default();
        for p in profiles {
            w.connectors
                .extend(p.names.connectors.iter().map(|s| normalize(s)));
            w.compounds
                .extend(p.names.compounds.iter().map(|s| normalize(s)));
            w.events.extend(p.names.events.iter().map(|s| normalize(s)));
        }
        w.compounds.sort_by_key(|c| std::cmp::Reverse(c.len()));
        w.compounds.dedup();
        w
    }

    fn connector(&self, w: &str) -> bool {
        self.connectors.contains(&normalize(w))
    }
}

/// True when the gazetteer (`r`) knows `acronym` and `long` as names of
/// one organization.
pub fn same_organization(r: &Resolver, acronym: &str, long: &str) -> bool {
    let ids = |name: &str| -> Vec<String> {
        r.lookup(name)
            .into_iter()
            .filter(|n| n.kind == Kind::Organization)
            .map(|n| n.id.clone())
            .collect()
    };
    let of_acronym = ids(acronym);
    !of_acronym.is_empty() && ids(long).iter().any(|i| of_acronym.contains(i))
}

/// What the gazetteer knows, as the acronym reader asks it.
pub struct Known<'a> {
    /// Whether the gazetteer knows an acronym and a long name as names of
    /// one organization.
    pub same: &'a dyn Fn(&str, &str) -> bool,
    /// Whether the gazetteer knows a word as a name (of an organization,
    /// a series, a country or a place): a tail naming one is an owner.
    pub organization: &'a dyn Fn(&str) -> bool,
    /// Whether a long name names a series' meeting ("Bali Process
    /// Ministerial Conference"): it defines no organization.
    pub meeting: &'a dyn Fn(&str) -> bool,
}

/// Acronym definitions in a sentence, read with what the gazetteer knows.
/// "Red Iberoamericana de Autoridades Migratorias – RIAM, que …": an
/// acronym in capitals after a spaced dash, ending a phrase. Not at the
/// end of a line: "XI Conferencia Sudamericana sobre Migraciones - CSM"
/// is a page's title and its site.
fn dash_pattern() -> &'static Pattern {
    static P: OnceLock<Pattern> = OnceLock::new();
    P.get_or_init(|| compile(r"\s[–—-]\s(?P<a>[A-ZÁÉÍÓÚÑ]{2,12})[,.;:)]"))
}

pub fn definitions(s: &Sentence, words: &NameWords, known: &Known<'_>) -> Vec<Definition> {
    let mut out = Vec::new();
    let bracketed = acronym_pattern().captures_iter(&s.text).filter_map(|c| {
        let (all, acr) = (c.get(0)?, c.name("a")?);
        // What follows the acronym must be a name the gazetteer knows (a
        // country, a place, a body).
        if c.name("c")
            .is_some_and(|x| !(known.organization)(x.as_str()))
        {
            return None;
        }
        Some((all.start(), all.end(), acr.as_str(), false))
    });
    let dashed = dash_pattern().captures_iter(&s.text).filter_map(|c| {
        let (all, acr) = (c.get(0)?, c.name("a")?);
        Some((all.start(), acr.end(), acr.as_str(), true))
    });
    let found: Vec<(usize, usize, &str, bool)> = bracketed.chain(dashed).collect();
    for (all_start, all_end, acronym, dash) in found {
        // "NCMs": a plural's "s" spells nothing.
        let letters = acronym
            .strip_suffix('s')
            .filter(|r| r.chars().count() >= 2 && !r.chars().any(char::is_lowercase))
            .unwrap_or(acronym);
        let mut before = &s.text[..all_start];
        let mut found = long_name(before, letters, words, known);
        if found.is_none() {
            // "the International Organization for Migration – the UN
            // Migration Agency (IOM)": the name before a dash and what
            // the body calls itself after it.
            if let Some(cut) = before_apposition(before) {
                before = &s.text[..cut];
                found = long_name(before, letters, words, known);
            }
        }
        let Some((start, owner, pair)) = found else {
            continue;
        };
        let long = before[start..owner.unwrap_or(before.len())]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let long = long.trim_end_matches(QUOTES).to_string();
        if long.split(' ').count() < 2 || !long.starts_with(char::is_uppercase) {
            continue;
        }
        // "(Celac)": an acronym written as a word (the press's way with
        // long ones) is one when it has four letters or more and a name
        // of three words or more spells it, or when the gazetteer knows
        // the pair. In "(MoHRE)" or "(MoFA)", small letters between
        // capitals stand for joining words ("Ministry of Human Resources
        // and Emiratisation").
        let capitals = !letters.chars().any(char::is_lowercase)
            || (letters.chars().count() >= 4
                && letters.chars().skip(1).all(char::is_lowercase)
                && content_words(&long, words) >= 3)
            || letters.chars().filter(|c| c.is_uppercase()).count() >= 2;
        // After a dash, a name the gazetteer knows ("Estados Unidos – EU",
        // a list of countries and their codes) or a person's title
        // ("Directora General de Migración y Extranjería – DGME") defines
        // nothing.
        if dash && ((known.organization)(&long) || titled_person(&long)) {
            continue;
        }
        let meeting = || names_event(&long, words) || (known.meeting)(&long);
        if !pair && (!capitals || counted(&before[..start]) || meeting()) {
            continue;
        }
        out.push(Definition {
            acronym: acronym.to_string(),
            long,
            start,
            end: all_end,
        });
    }
    out
}

/// True when a name opens with a person's title ("Directora General de
/// ...", [`super::rules::ROLE_TITLES`]).
fn titled_person(long: &str) -> bool {
    static P: OnceLock<Pattern> = OnceLock::new();
    let p = P.get_or_init(|| compile(&format!(r"^{}\b", super::rules::ROLE_TITLES)));
    p.is_match(long)
}

/// Where a name ends before a dash and a short apposition that runs to
/// the bracket (`… for Migration – the UN Migration Agency`): at most six
/// words after a spaced dash, none of them ending a clause.
fn before_apposition(before: &str) -> Option<usize> {
    let trimmed = before.trim_end();
    let (at, dash) = [" – ", " — ", " - "]
        .iter()
        .filter_map(|d| trimmed.rfind(d).map(|i| (i, *d)))
        .max_by_key(|&(i, _)| i)?;
    let apposition = &trimmed[at + dash.len()..];
    let n = apposition.split_whitespace().count();
    let clause = apposition.contains([',', ';', ':', '.', '(', ')', '\n']);
    (n > 0 && n <= 6 && !clause).then_some(at)
}

/// Where the long name of `acronym` starts in `before` (the text up to its
/// bracket), and whether the gazetteer knows the pair. The name is the run
/// of capitalized words and connectors right before the bracket, within
/// its paragraph and clause; it starts at a capitalized word that is not a
/// connector: the one from which the gazetteer knows the name, or else the
/// nearest from which the words spell the acronym. With the start comes
/// where an owner's name begins, when the name ends in one (the name
/// stops there).
fn long_name(
    before: &str,
    acronym: &str,
    words: &NameWords,
    known: &Known<'_>,
) -> Option<(usize, Option<usize>, bool)> {
    let base = before.as_ptr() as usize;
    let mut starts: Vec<usize> = Vec::new();
    // A quoted name ("Sistema ... en Centroamérica" (SIEMCA)) is read
    // whole, whatever the case of its words.
    let quoted = before.trim_end().ends_with(QUOTES);
    let mut inside = quoted;
    // Starts past a comma inside the name ("Unidad de Política
    // Migratoria, Registro e Identidad de Personas (UPMRIP)"): only where
    // the words spell the acronym whole.
    let mut near = None;
    let mut after_capital = false;
    for w in before
        .trim_end()
        .trim_end_matches(QUOTES)
        .split_whitespace()
        .rev()
        .take(14)
    {
        let opens = w.starts_with(QUOTES);
        let w = w.trim_start_matches(QUOTES);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let connector = words.connector(w);
        let comma = w.ends_with(',') && capital && !connector && after_capital;
        if comma && near.is_none() {
            near = Some(starts.len());
        } else if !inside && (w.ends_with([',', ';', ':', '.']) || !(capital || connector)) {
            break;
        }
        after_capital = capital && !connector;
        let start = w.as_ptr() as usize - base;
        if before[start..].contains("\n\n") {
            break;
        }
        if capital && !connector {
            starts.push(start);
        }
        if opens {
            inside = false;
            if quoted {
                break;
            }
        }
    }
    let name = |s: usize| before[s..].trim_end().trim_end_matches(QUOTES);
    if let Some(&s) = starts.iter().find(|&&s| (known.same)(acronym, name(s))) {
        return Some((s, None, true));
    }
    // Past a comma, only the name's first word: "Oficina de Población,
    // Refugiados y Migración (PRM)" is not "Población, ... (PRM)".
    let farthest = starts.len().saturating_sub(1);
    let whole = |i: usize| near.is_none_or(|n| i < n || i == farthest);
    if let Some((_, &s)) = starts
        .iter()
        .enumerate()
        .find(|&(i, &s)| whole(i) && spells(acronym, name(s), words))
    {
        return Some((s, None, false));
    }
    starts
        .into_iter()
        .take(near.unwrap_or(usize::MAX))
        .find_map(|s| {
            let owner = spells_with_tail(acronym, name(s), words, known)?;
            Some((s, owner.map(|o| s + o), false))
        })
}

/// Whether the words of `long` spell `acronym` up to a tail the acronym
/// leaves out: a connector, then at most two words that are not
/// connectors. `Some(None)` when the tail is part of the name;
/// `Some(Some(at))` when it names an organization, its owner, which
/// starts at byte `at` of `long` and is not part of the name (then the
/// name keeps three words or more that are not connectors).
fn spells_with_tail(
    acronym: &str,
    long: &str,
    words: &NameWords,
    known: &Known<'_>,
) -> Option<Option<usize>> {
    let ws: Vec<&str> = long.split_whitespace().collect();
    (1..ws.len()).rev().find_map(|cut| {
        let (head, tail) = ws.split_at(cut);
        let content: Vec<&&str> = tail.iter().filter(|w| !words.connector(w)).collect();
        let fits = words.connector(tail[0])
            && !content.is_empty()
            && content.len() <= 2
            && head.len() >= 2
            && spells(acronym, &head.join(" "), words);
        if !fits {
            return None;
        }
        let owned = content.iter().any(|w| (known.organization)(w));
        // Without its owner a name of two words is a common noun ("Grupo
        // de Trabajo de la CRM (GT)"), no name of its own.
        let own_words = head.iter().filter(|w| !words.connector(w)).count();
        if owned && own_words < 3 {
            return None;
        }
        let at = tail[0].as_ptr() as usize - long.as_ptr() as usize;
        Some(owned.then_some(at))
    })
}

/// How many words of `long` are not connectors.
fn content_words(long: &str, words: &NameWords) -> usize {
    long.split_whitespace()
        .filter(|w| !words.connector(w))
        .count()
}

/// True when a content word of `long` names a kind of event.
fn names_event(long: &str, words: &NameWords) -> bool {
    long.split(|c: char| !c.is_alphanumeric())
        .map(normalize)
        .any(|w| words.events.contains(&w))
}

/// True when the name is counted ("uno de los 18 Procesos ..."): a class
/// of bodies, not one.
fn counted(before: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// True when the words of `long` spell `acronym`: each word that is not a
/// connector gives the next letter of the acronym by its initial, and
/// may give the next ones by the letters that follow it ("Mesoamérica"
/// gives MES) or by the initial of its second part after a compound's
/// first part ("Centroamérica" gives CA); a connector gives its initial
/// or nothing.
fn spells(acronym: &str, long: &str, words: &NameWords) -> bool {
    let acr: Vec<char> = normalize(acronym)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let ws: Vec<String> = long
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| {
            normalize(w)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut failed = HashSet::new();
    !acr.is_empty() && fits(&acr, &ws, words, &mut failed)
}

/// True when the words `ws` spell `acr`. `failed` remembers the (letters
/// left, words left) that cannot be spelled, so that no name is tried
/// twice the same way.
fn fits(
    acr: &[char],
    ws: &[String],
    words: &NameWords,
    failed: &mut HashSet<(usize, usize)>,
) -> bool {
    let Some((w, rest)) = ws.split_first() else {
        return acr.is_empty();
    };
    let key = (acr.len(), ws.len());
    if failed.contains(&key) {
        return false;
    }
    let ok = if words.connectors.contains(w) {
        fits(acr, rest, words, failed)
            || (w.chars().next() == acr.first().copied() && fits(&acr[1..], rest, words, failed))
    } else {
        let most = acr.len().min(w.chars().count());
        (1..=most).any(|k| spelled_by(w, &acr[..k], words) && fits(&acr[k..], rest, words, failed))
    };
    if !ok {
        failed.insert(key);
    }
    ok
}

/// True when `head` is what the word `w` gives: its first letters, or the
/// first letters of a compound's first part followed by the first letters
/// of its second part.
fn spelled_by(w: &str, head: &[char], words: &NameWords) -> bool {
    let letters: Vec<char> = w.chars().collect();
    if letters.starts_with(head) {
        return true;
    }
    words.compounds.iter().any(|c| {
        let Some(second) = w.strip_prefix(c.as_str()) else {
            return false;
        };
        let first: Vec<char> = c.chars().collect();
        let second: Vec<char> = second.chars().collect();
        (1..head.len()).any(|i| {
            i <= first.len()
                && first.starts_with(&head[..i])
                && !second.is_empty()
                && second.starts_with(&head[i..])
        })
    })
}

#[cfg(test)]
mod tests;
