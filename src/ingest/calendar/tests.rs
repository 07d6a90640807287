//! Tests of the calendar ([`super`]).

use super::*;

#[test]
fn a_series_meeting_by_its_days_is_the_numbered_one_of_the_reference_calendar() {
    let g = Gazetteer::bundled().expect("gazetteer");
    let mut cal = Calendar::new(&g, HashMap::new(), None);
    let prov = Provenance::Extracted {
        doc: crate::model::Sym::new("d"),
        section: crate::model::Sym::new("s"),
        span: crate::model::Span { start: 0, end: 1 },
    };
    let dated = |d: &str| {
        let mut r = MeetingRef::new(
            0,
            1,
            Target::Dated {
                body: "organization:crm".into(),
            },
        );
        r.date = DateValue::parse_iso(d);
        r
    };
    let mut r = dated("1996-03-13..1996-03-14");
    cal.register(&mut r, &prov);
    assert_eq!(r.id.as_deref(), Some("meeting:crm-01"));
    let mut r = dated("1996-07-02");
    cal.register(&mut r, &prov);
    assert_eq!(r.id.as_deref(), Some("meeting:crm-1996-07"));
}

#[test]
fn ids() {
    let oct = DateValue::parse_iso("2002-10-29..2002-10-31").expect("date");
    assert_eq!(dated_id("organization:grcm", &oct), "meeting:grcm-2002-10");
    assert_eq!(
        dated_id("organization:grcm", &DateValue::year(2002)),
        "meeting:grcm-2002"
    );
    assert_eq!(
        named_id(
            "Conferencia Hemisférica Sobre Migración Internacional: Derechos",
            Some(&oct)
        ),
        "meeting:conferencia-hemisferica-sobre-migracion-internacional-2002"
    );
}
