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
        if let Some(found) = dateline_place(line.trim(), env) {
            return Some(found);
        }
    }
    None
}

/// The place before the line's first dash or full stop, when that is all
/// the words before it and text follows. The wire's forms are read too:
/// a date or an agency after the place ("CAIRO, April 9 (MENA) - The
/// Second ..."), the place and date in brackets after the source ("Nepal
/// Foreign Affairs (KATHMANDU, 17 November 2018) – The 6th ..."), and the
/// Spanish-language press's full stop and dash ("Quito.- Los delegados",
/// "SANTO DOMINGO.-El Director").
fn place_before_cut(line: &str) -> Option<&str> {
    let cut = [" — ", " – ", " - ", ". ", ".- ", ".-", ".— ", ".– "]
        .iter()
        .filter_map(|sep| line.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let (place, rest) = (line.get(..cut.0)?, line.get(cut.0 + cut.1..)?.trim_start());
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if !opens {
        return None;
    }
    // In brackets at the end, after the source's name.
    let place = match (place.rfind('('), place.strip_suffix(')')) {
        (Some(open), Some(inner)) if place.len() - open > 4 && !inner.ends_with('(') => {
            let inside = inner.get(open + 1..)?;
            // A place and a date in the brackets ("(KATHMANDU, 17 November
            // 2018)"), not an institute's address ("Migration Policy
            // Institute (Washington, DC) –").
            let dated = inside.contains(',') && inside.contains(|c: char| c.is_ascii_digit());
            if dated || open == 0 {
                inside
            } else {
                // An agency's name after the place: "CAIRO (MENA)".
                place.get(..open)?.trim_end()
            }
        }
        _ => place,
    };
    // A date after the place, and an agency after the date.
    let place = place.split(" (").next().unwrap_or(place);
    let place = match place.find(|c: char| c.is_ascii_digit()) {
        Some(digit) => place.get(..digit)?.rsplit_once(',')?.0.trim_end(),
        None => place,
    };
    (place.len() <= DATELINE_PLACE).then_some(place)
}

/// The city (and country) named by a line's dateline.
fn dateline_place(line: &str, env: &Env) -> Option<(String, Option<String>)> {
    let place = place_before_cut(line)?;
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
    fn the_wire_s_forms_and_the_spanish_press_s_stop_and_dash() {
        let cairo = "CAIRO, April 9 (MENA) - The Second Ministerial Meeting came to a close.";
        assert_eq!(city(cairo).as_deref(), Some("Cairo"));
        let nepal = "Nepal Foreign Affairs (KATHMANDU, 17 November 2018) – The 6th meeting ended.";
        assert_eq!(city(nepal).as_deref(), Some("Kathmandu"));
        assert_eq!(
            city("Quito.- Los delegados se reunieron.").as_deref(),
            Some("Quito")
        );
        assert_eq!(
            city("SANTO DOMINGO.-El Director General dio a conocer.").as_deref(),
            Some("Santo Domingo")
        );
        assert_eq!(
            city("Geneva (Reuters) - Officials met today.").as_deref(),
            Some("Geneva")
        );
        // An agency alone, a source with no place in its brackets, an
        // institute's address with no date.
        assert_eq!(city("EFE.- Perú será la sede."), None);
        assert_eq!(
            city("Migration Policy Institute (Washington, DC) – The dialogue met."),
            None
        );
        assert_eq!(city("Press release (No. 12) – The meeting ended."), None);
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
