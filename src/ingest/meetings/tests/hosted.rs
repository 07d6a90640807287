//! Meetings named after their host city ("Capítulo de Buenos Aires") in a
//! document of a series keyed by month.

use super::*;

#[test]
fn a_chapter_named_after_its_host_with_its_day_is_the_series_meeting_there() {
    let text = "para dar seguimiento a la Hoja de Ruta del Capítulo de Buenos Aires, \
                del 5 de julio de 2019, acuerdan:";
    let (s, found) = found_in(text, Some("quito"));
    let [r] = found.as_slice() else {
        panic!("one meeting: {found:?}")
    };
    assert_eq!(
        s.slice(r.start, r.end),
        "Capítulo de Buenos Aires, del 5 de julio de 2019"
    );
    assert_eq!(
        r.target,
        Target::Dated {
            body: "organization:quito".into()
        }
    );
    assert_eq!(r.city.as_deref(), Some("Buenos Aires"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2019-07-05"));
    // Referred to: not where the decisions that follow were adopted.
    assert!(r.aside);
}

#[test]
fn no_chapter_without_days_a_known_city_or_a_series_keyed_by_month() {
    let none = |text: &str, series: &str| found_in(text, Some(series)).1.is_empty();
    // No days: no month to key it by.
    assert!(none(
        "como parte de la Hoja de Ruta del Capítulo de Buenos Aires.",
        "quito"
    ));
    // A country is who met, not a host city.
    assert!(none(
        "la Hoja de Ruta del Capítulo de Chile, del 5 de julio de 2019",
        "quito"
    ));
    // A series keyed by month whose meetings are no chapters.
    assert!(none(
        "Building on the Chapter of Bangkok, 12 March 2016, ministers",
        "bali"
    ));
    // A series numbered by ordinal keys its meetings otherwise.
    assert!(none(
        "la Hoja de Ruta del Capítulo de Buenos Aires, del 5 de julio de 2019",
        "crm"
    ));
}
