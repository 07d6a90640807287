//! A news item's dateline: the city that opens its first paragraph before
//! a dash or a full stop ("San Ignacio — This week (06/11) the heads of
//! ...", "Mexico City. Representatives of the RCM ... met on 4 and 5
//! June", "Colombo, Sri Lanka – A Senior Officials' Meeting ..."). Where
//! the opening says a meeting was held but names no place, the dateline
//! is where it happened. A country alone ("Costa Rica - This week,
//! officials ... met in Tegucigalpa") is the office that wrote, not a
//! place of holding, and is no dateline.

use super::{only_place, Env};

/// How many of the text's first lines may hold the dateline: a web page
/// may put its menus before the story.
const DATELINE_LINES: usize = 40;
/// The longest place a dateline names ("Santo Domingo, República
/// Dominicana").
const DATELINE_PLACE: usize = 45;

/// The city (and country) of the first line before `limit` that opens
/// with a known city and then a dash or a full stop and more text.
pub(super) fn dateline(text: &str, limit: usize, env: &Env) -> Option<(String, Option<String>)> {
    let mut at = 0;
    for line in text.split_inclusive('\n').take(DATELINE_LINES) {
        if at >= limit {
            break;
        }
        at += line.len();
        if let Some(found) = place_before_cut(line.trim(), env) {
            return Some(found);
        }
    }
    None
}

/// The place before the line's first dash or full stop, when that is all
/// the words before it and text follows.
fn place_before_cut(line: &str, env: &Env) -> Option<(String, Option<String>)> {
    let cut = [" — ", " – ", " - ", ". "]
        .iter()
        .filter_map(|sep| line.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let (place, rest) = (line.get(..cut.0)?, line.get(cut.0 + cut.1..)?.trim_start());
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if place.len() > DATELINE_PLACE || !opens {
        return None;
    }
    let (city, country) = only_place(place, env)?;
    Some((city?, country))
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::tests::with_env;

    fn city(text: &str) -> Option<String> {
        with_env(|env| dateline(text, text.len(), env).map(|(c, _)| c))
    }

    #[test]
    fn a_city_before_a_dash_or_a_full_stop_opens_the_story() {
        let ocam = "Who we are\nOur Work\n\
                    San Ignacio — This week (06/11) the heads of the migration services met.\n";
        assert_eq!(city(ocam).as_deref(), Some("San Ignacio"));
        let rcm = "North and Central American countries follow up\n\
                   Mexico City. Representatives of the RCM met on 4 and 5 June for a workshop.\n";
        assert_eq!(city(rcm).as_deref(), Some("Mexico City"));
        assert_eq!(
            city("Colombo, Sri Lanka – A Senior Officials' Meeting was held.").as_deref(),
            Some("Colombo")
        );
    }

    #[test]
    fn a_country_a_heading_or_a_sentence_is_no_dateline() {
        // The office that wrote, not where the meeting was.
        assert_eq!(
            city("Costa Rica - This week, officials met in Tegucigalpa."),
            None
        );
        // A title with a dash, a sentence that starts with a city's name.
        assert_eq!(city("Bali Process - Senior Officials Meeting\n"), None);
        assert_eq!(
            city("Geneva is where the meeting took place. It was long."),
            None
        );
        // Nothing after the cut, or a small letter: no story opens there.
        assert_eq!(city("Quito.\n"), None);
        assert_eq!(city("Quito - and elsewhere"), None);
        // Past the first decision, nothing is read.
        let late = "ACUERDAN:\nQuito - Los países acordaron.";
        assert_eq!(with_env(|env| dateline(late, 3, env)), None);
    }
}
