//! The months and number words of the bundled profiles (`[dates] months`,
//! `[numbers] words`), looked up by word: every reader of dates and
//! counts asks here, so each list is written once, in the profiles.

use super::Profile;
use std::sync::OnceLock;

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

/// Number words (normalized) with their value, from every bundled profile.
pub fn number_words() -> &'static [(String, u8)] {
    static N: OnceLock<Vec<(String, u8)>> = OnceLock::new();
    N.get_or_init(|| spellings(|p| &p.numbers.words))
}

/// Month number of a normalized month name (`setiembre` → 9).
pub fn month(word: &str) -> Option<u8> {
    months().iter().find(|(w, _)| w == word).map(|&(_, n)| n)
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
        assert_eq!(months().len(), 25);
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
