//! Meetings a series numbers on its own (`[[sub_meetings]]`) named by an
//! ordinal and their words alone, beside the series' own meetings.

use super::*;

#[test]
fn a_sub_meeting_joined_to_a_series_meeting_keeps_its_own_numbering() {
    let text = "Nepal is hosting the Fifth Senior Officials' Meeting and Sixth Ministerial \
                Consultation of the Colombo Process in Kathmandu from November 15 to 16, 2018.";
    let (_, found) = found_in(text, Some("colombo"));
    let targets: Vec<String> = found.iter().map(|r| format!("{:?}", r.target)).collect();
    assert_eq!(
        found.iter().map(|r| r.target.clone()).collect::<Vec<_>>(),
        [
            Target::Numbered {
                body: "colombo som".into(),
                ordinal: 5
            },
            Target::Numbered {
                body: "Colombo Process".into(),
                ordinal: 6
            },
        ],
        "{targets:?}"
    );
    // Both are held there on those days.
    for r in &found {
        assert_eq!(r.city.as_deref(), Some("Kathmandu"));
        assert_eq!(
            r.date.map(|d| d.to_string()).as_deref(),
            Some("2018-11-15..2018-11-16")
        );
    }
}

#[test]
fn a_sub_meeting_named_after_its_series_is_keyed_by_its_month() {
    let text = "The Senior Officials’ Meeting of the Bali Process was held in Bali, \
                Indonesia, on 6 August 2018.";
    let (s, found) = found_in(text, None);
    let [r] = found.as_slice() else {
        panic!("one meeting: {found:?}")
    };
    assert_eq!(
        r.target,
        Target::Dated {
            body: "bali som".into()
        }
    );
    assert!(s
        .slice(r.start, r.end)
        .starts_with("Senior Officials’ Meeting of the Bali Process"));
    assert_eq!(r.city.as_deref(), Some("Bali"));
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2018-08-06"));
}

#[test]
fn a_sub_meeting_takes_the_days_of_its_words_of_holding_past_an_aside() {
    let text = "The Prague Process Senior Officials' Meeting (SOM), the last SOM held \
                under the Prague Process Targeted Initiative (PP TI), took place in \
                Vilnius on 24-25 November 2016.";
    let (_, found) = found_in(text, Some("prague"));
    let r = found
        .iter()
        .find(|r| matches!(&r.target, Target::Dated { body } if body == "prague som"))
        .unwrap_or_else(|| panic!("the SOM: {found:?}"));
    assert_eq!(r.city.as_deref(), Some("Vilnius"));
    assert_eq!(
        r.date.map(|d| d.to_string()).as_deref(),
        Some("2016-11-24..2016-11-25")
    );
}

#[test]
fn a_sub_meeting_described_as_another_meeting_is_that_one() {
    // The apposition names it: the fourth preparatory SOM of the 3rd
    // conference, not a SOM keyed by its month.
    let text = "The Prague Process Senior Officials' Meeting (SOM), the fourth \
                preparatory SOM for the 3rd Ministerial Conference, took place in \
                Bratislava on 19 September 2016.";
    let (_, found) = found_in(text, Some("prague"));
    assert!(
        !found
            .iter()
            .any(|r| matches!(&r.target, Target::Dated { body } if body == "prague som")),
        "{found:?}"
    );
}

#[test]
fn a_sub_meeting_takes_no_days_of_another_event_told_after_it() {
    for text in [
        "The Budapest Process Senior Officials' Meeting discussed the conclusions of the Silk \
         Routes working group meeting, which was held in Islamabad on 5-6 February 2019.",
        "They noted that the next Bali Process SOM would be convened in 2019, and that the Ad \
         Hoc Group was held in Colombo on 5 May 2018.",
    ] {
        let (_, found) = found_in(text, None);
        assert!(
            !found.iter().any(
                |r| matches!(&r.target, Target::Dated { body } if body.ends_with(" som"))
                    && r.date.is_some()
            ),
            "{text}: {found:?}"
        );
    }
}
