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
