//! A profile's months and number words (its `[dates]` and `[numbers]`
//! tables), and those of all bundled profiles looked up by word: every
//! reader of dates and counts asks here, so each list is written once, in
//! the profiles. Numbers written out (`dos mil veintidós`,
//! `twenty-seventh`) are read from their parts.

use super::Profile;
use serde::Deserialize;
use std::sync::OnceLock;

/// How dates are written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dates {
    /// Words that date something by the document's own day (`hoy`,
    /// `this day`).
    pub today: Vec<String>,
    /// Words that date a day near the document's own before its day and
    /// month in parentheses, as news items write them ("yesterday (25/8)",
    /// "This week (06/11)"): the day first.
    pub near: Vec<String>,
    /// The days of the week (`wednesday`), Monday first: before a day and
    /// its month they date it ("on Wednesday 7 May").
    pub weekdays: Vec<String>,
    /// The months, January first, each with its spellings (`septiembre`,
    /// `setiembre`); none or all twelve.
    pub months: Vec<Vec<String>>,
    /// Short forms of the months (`oct`), January first, read in questions
    /// only: in documents they are other words too.
    pub abbreviations: Vec<Vec<String>>,
    /// Short forms with their full stop (`sep.`), January first, read in
    /// documents too: kept as written (lower case), the stop included.
    #[serde(default)]
    pub dotted: Vec<Vec<String>>,
}

/// Number words, one first, each with its spellings (`un`, `una`, `uno`):
/// counts of countries ("dos países miembros"); with the other parts of a
/// number in words, days and years written out ("a los veinticuatro días
/// del mes de marzo del año dos mil").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Numbers {
    pub words: Vec<Vec<String>>,
    /// Twenty, thirty, ... ninety, each with its spellings.
    pub tens: Vec<Vec<String>>,
    /// One hundred, two hundred, ... nine hundred (`doscientos`).
    pub hundreds: Vec<Vec<String>>,
    /// A word that multiplies by a hundred (`hundred`).
    pub hundred: Vec<String>,
    /// A word that multiplies by a thousand (`mil`, `thousand`).
    pub thousand: Vec<String>,
    /// Words between the parts of a number (`y`, `and`).
    pub joiners: Vec<String>,
}

/// Every spelling of a list of words by position (`lists[0]` is 1), in
/// all bundled profiles, with its value.
fn spellings(lists: impl Fn(&Profile) -> &Vec<Vec<String>>) -> Vec<(String, u8)> {
    let mut all: Vec<(String, u8)> = Profile::bundled()
        .iter()
        .flat_map(|p| {
            lists(p)
                .iter()
                .zip(1u8..)
                .flat_map(|(spellings, n)| spellings.iter().map(move |w| (w.clone(), n)))
        })
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Month names (normalized) with their number, from every bundled profile.
pub fn months() -> &'static [(String, u8)] {
    static M: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    M.get_or_init(|| spellings(|p| &p.dates.months))
}

/// The months' short forms with their full stop (`[dates] dotted`, in
/// lower case), with their number, from every bundled profile.
pub fn dotted_months() -> &'static [(String, u8)] {
    static M: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    M.get_or_init(|| {
        spellings(|p| &p.dates.dotted)
            .into_iter()
            .map(|(w, n)| (w.to_lowercase(), n))
            .collect()
    })
}

/// Words of a day near the document's own (`[dates] near`, normalized),
/// from every bundled profile.
pub fn near_days() -> &'static [String] {
    static N: OnceLock<Vec<String>> = OnceLock::new();
    N.get_or_init(|| every(|d| &d.near))
}

/// A word list of the `[dates]` tables of every bundled profile, sorted,
/// each word once.
fn every(list: impl Fn(&Dates) -> &Vec<String>) -> Vec<String> {
    let mut all: Vec<String> = Profile::bundled()
        .iter()
        .flat_map(|p| list(&p.dates).iter().cloned())
        .collect();
    all.sort();
    all.dedup();
    all
}

/// The days of the week of every bundled profile (normalized).
pub fn weekdays() -> &'static [String] {
    static W: OnceLock<Vec<String>> = OnceLock::new();
    W.get_or_init(|| every(|d| &d.weekdays))
}

/// Number words (normalized) with their value, from every bundled profile.
pub fn number_words() -> &'static [(String, u8)] {
    static N: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    N.get_or_init(|| spellings(|p| &p.numbers.words))
}

/// Words (in [`super::words`] form) with their counts left out ("los
/// cuatro paises" -> "los paises", "the 11 member states" -> "the member
/// states"), when they hold any: a subject naming a body that decides
/// with a count before its noun ("Los cuatro países exhortaron ...").
pub fn uncounted(before: &str) -> Option<String> {
    let counts = number_words();
    let is_count = |w: &str| {
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) || counts.iter().any(|(n, _)| n == w)
    };
    let ws: Vec<&str> = before.split(' ').collect();
    ws.iter().any(|w| is_count(w)).then(|| {
        ws.into_iter()
            .filter(|w| !is_count(w))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The parts of numbers in words, from every bundled profile: each
/// spelling with what it adds, multipliers and joiners apart.
struct Parts {
    /// Units, teens, tens and hundreds with their values.
    values: Vec<(String, u32)>,
    hundred: Vec<String>,
    thousand: Vec<String>,
    joiners: Vec<String>,
}

fn parts() -> &'static Parts {
    static P: OnceLock<Parts> = OnceLock::new();
    P.get_or_init(|| {
        let mut values: Vec<(String, u32)> = number_words()
            .iter()
            .map(|(w, n)| (w.clone(), u32::from(*n)))
            .collect();
        let mut hundred = Vec::new();
        let mut thousand = Vec::new();
        let mut joiners = Vec::new();
        for p in Profile::bundled() {
            let n = &p.numbers;
            for (list, step) in [(&n.tens, 10), (&n.hundreds, 100)] {
                for (spellings, k) in list.iter().zip(1u32..) {
                    let value = if step == 10 { (k + 1) * 10 } else { k * 100 };
                    values.extend(spellings.iter().map(|w| (w.clone(), value)));
                }
            }
            hundred.extend(n.hundred.iter().cloned());
            thousand.extend(n.thousand.iter().cloned());
            joiners.extend(n.joiners.iter().cloned());
        }
        values.sort();
        values.dedup();
        Parts {
            values,
            hundred,
            thousand,
            joiners,
        }
    })
}

/// The words a number in words is made of, ordinals included
/// (`veinticuatro`, `mil`, `seventh`), and apart the words that join them
/// (`y`, `and`): for a pattern's alternations.
pub fn number_tokens() -> (Vec<&'static str>, Vec<&'static str>) {
    let p = parts();
    let ordinals = crate::reference::series::ordinal_words()
        .iter()
        .flat_map(|(w, _)| w.split(' '));
    let mut all: Vec<&str> = p
        .values
        .iter()
        .map(|(w, _)| w.as_str())
        .chain(p.hundred.iter().chain(&p.thousand).map(String::as_str))
        .chain(ordinals)
        .collect();
    all.sort_unstable();
    all.dedup();
    (all, p.joiners.iter().map(String::as_str).collect())
}

/// The value of a number written in words, normalized (`dos mil`,
/// `mil novecientos noventa y nueve`, `two thousand and nineteen`,
/// `twenty-seventh`): its parts added, a thousand or a hundred
/// multiplying what came before. `None` when a word is not a number's.
pub fn number_in_words(s: &str) -> Option<u32> {
    let p = parts();
    let ordinal = |w: &str| {
        crate::reference::series::ordinal_words()
            .iter()
            .find(|(o, _)| o == w)
            .map(|&(_, n)| n)
    };
    let (mut total, mut current, mut any) = (0u32, 0u32, false);
    for w in s.split([' ', '-']).filter(|w| !w.is_empty()) {
        if p.joiners.iter().any(|j| j == w) {
            continue;
        }
        if p.thousand.iter().any(|t| t == w) {
            total = total.checked_add(current.max(1).checked_mul(1000)?)?;
            current = 0;
        } else if p.hundred.iter().any(|h| h == w) {
            current = current.max(1).checked_mul(100)?;
        } else {
            let v = p
                .values
                .iter()
                .find(|(x, _)| x == w)
                .map(|&(_, v)| v)
                .or_else(|| ordinal(w))?;
            current = current.checked_add(v)?;
        }
        any = true;
    }
    any.then_some(total.checked_add(current)?)
}

/// Month number of a normalized month name (`setiembre` → 9).
pub fn month(word: &str) -> Option<u8> {
    months()
        .iter()
        .chain(dotted_months())
        .find(|(w, _)| w == word)
        .map(|&(_, n)| n)
}

/// Whether a word (in [`super::words`] form) is a function word inside
/// a name in any bundled profile (`[names] connectors`: "of", "the",
/// "de", "del").
pub fn name_connector(word: &str) -> bool {
    Profile::bundled()
        .iter()
        .any(|p| p.names.connectors.iter().any(|c| c == word))
}

/// Value of a numeral or a normalized number word (`dos`, `11`).
pub fn number(word: &str) -> Option<u32> {
    word.parse().ok().or_else(|| {
        number_words()
            .iter()
            .find(|(w, _)| w == word)
            .map(|&(_, n)| u32::from(n))
    })
}

/// How a meeting's name writes month `m` (1-12): the first spelling of
/// the first bundled profile that lists months ("GRCM octubre 2002").
pub fn month_name(m: u8) -> &'static str {
    Profile::bundled()
        .iter()
        .find_map(|p| p.dates.months.get(usize::from(m).checked_sub(1)?)?.first())
        .map_or("", String::as_str)
}

/// The month a short form stands for (`sept` → `septiembre`), in the
/// language of the profile that lists it.
pub fn month_abbreviation(word: &str) -> Option<&'static str> {
    Profile::bundled().iter().find_map(|p| {
        let at = p
            .dates
            .abbreviations
            .iter()
            .position(|a| a.iter().any(|w| w == word))?;
        p.dates.months.get(at)?.first().map(String::as_str)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_numbers_of_both_languages() {
        assert_eq!(month("setiembre"), Some(9));
        assert_eq!(month("may"), Some(5));
        assert_eq!(month("mayo"), Some(5));
        assert_eq!(month("lunes"), None);
        assert_eq!(month_name(10), "octubre");
        assert_eq!(month_name(13), "");
        assert_eq!(month_abbreviation("sept"), Some("septiembre"));
        assert_eq!(month_abbreviation("aug"), Some("august"));
        assert_eq!(month_abbreviation("mar"), None);
        assert_eq!(number("dos"), Some(2));
        assert_eq!(number("twelve"), Some(12));
        assert_eq!(number("11"), Some(11));
        assert_eq!(number("varios"), None);
        assert_eq!(number_in_words("dos mil"), Some(2000));
        assert_eq!(number_in_words("dos mil veintidos"), Some(2022));
        assert_eq!(
            number_in_words("mil novecientos noventa y nueve"),
            Some(1999)
        );
        assert_eq!(number_in_words("veinticuatro"), Some(24));
        assert_eq!(number_in_words("treinta y uno"), Some(31));
        assert_eq!(number_in_words("two thousand and nineteen"), Some(2019));
        assert_eq!(
            number_in_words("nineteen hundred and ninety-nine"),
            Some(1999)
        );
        assert_eq!(number_in_words("twenty-seventh"), Some(27));
        assert_eq!(number_in_words("first"), Some(1));
        assert_eq!(number_in_words("dos mil veinte paises"), None);
        assert_eq!(number_in_words("y"), None);
        assert_eq!(months().len(), 25);
        assert_eq!(dotted_months().len(), 12);
        let pattern = crate::ingest::profile::alternation(months().iter().map(|(w, _)| w.as_str()));
        assert!(pattern.starts_with("septiembre|"), "{pattern}");
    }

    #[test]
    fn a_profile_lists_all_twelve_months_or_none() {
        let bad = Profile::parse("[dates]\nmonths = [[\"uno\"], [\"dos\"]]\n");
        let err = bad.map(|_| ()).expect_err("two months");
        assert!(err.to_string().contains("lists 2 months"), "{err}");
        assert!(Profile::parse("[dates]\ntoday = [\"hoy\"]\n").is_ok());
    }
}
