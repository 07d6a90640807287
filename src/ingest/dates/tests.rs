//! Tests of [`super`] (dates.rs).

use super::*;

fn ctx() -> DateContext {
    DateContext::at(Some(Ymd::new(2003, 5, 31)))
}

#[test]
fn shapes_need_what_they_say() {
    // With a long marker for the month group (or the year), a shape
    // that needs a month name (a year) is gated on the marker alone:
    // no match without it.
    let on = |p: &str, marker: &str| {
        compile(p)
            .gate()
            .is_some_and(|g| g.iter().all(|l| l.contains(marker)))
    };
    for (p, shape) in shape_patterns("(mmmmmmmm)", "(mmmmmmmm)", Y) {
        assert_eq!(on(&p, "mmmmmmmm"), shape.needs().month, "{p}");
    }
    for (p, shape) in shape_patterns(&month_group(), &month_group(), "(yyyyyyyy)") {
        assert_eq!(on(&p, "yyyyyyyy"), shape.needs().year, "{p}");
    }
    let month = compile(&month_group());
    let has = |t: &str| Has::of(t.into(), &month);
    assert!(has("el ٣ de mayo").digit && !has("mayo").digit);
    assert!(has("mayo 2002").year && has("en 19٣٣").year && !has("en 1 9").year);
    assert!(has("15/12/02").separated && has("2002-10").separated);
    assert!(!has("2002 - 10").separated && !has("2002.").separated);
}

fn one(text: &str) -> (String, DateValue, bool) {
    let found = find(text, &ctx());
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let d = found[0];
    (
        text[d.start..d.end].to_string(),
        d.value.expect("resolved"),
        d.deadline,
    )
}

fn iso(s: &str) -> DateValue {
    DateValue::parse_iso(s).expect("valid iso")
}

#[test]
fn days() {
    let (t, v, _) = one("cartas el 21 de agosto 2002 a los países");
    assert_eq!((t.as_str(), v), ("21 de agosto 2002", iso("2002-08-21")));
    assert_eq!(one("el 3 de marzo de 2004.").1, iso("2004-03-03"));
    assert_eq!(one("antes del 15/12/2002").1, iso("2002-12-15"));
    assert_eq!(one("el 1º de julio del 2003").1, iso("2003-07-01"));
    assert_eq!(one("vence 2004-01-31").1, iso("2004-01-31"));
    // A press dateline's year in parentheses.
    assert_eq!(
        one("Panamá, 17 de abril (2022). Panamá acoge").1,
        iso("2022-04-17")
    );
}

#[test]
fn two_days_across_a_month_end() {
    let (t, v, _) = one("Capítulo de Brasilia, 30 de junio y 1 de julio de 2022");
    assert_eq!(t, "30 de junio y 1 de julio de 2022");
    assert_eq!(v, iso("2022-06-30..2022-07-01"));
    assert!(meeting_days(&v), "a meeting's days");
    // Two dates a month apart are two dates, not a span.
    let found = find("el 5 de mayo y el 10 de junio de 2022", &ctx());
    assert!(
        found
            .iter()
            .all(|d| d.value.is_none_or(|v| v.precision != Precision::Range)),
        "{found:?}"
    );
}

#[test]
fn ranges() {
    let (t, v, _) = one("realizada del 29-31 de octubre de 2002 en Antigua");
    assert_eq!(t, "29-31 de octubre de 2002");
    assert_eq!(v, iso("2002-10-29..2002-10-31"));
    assert_eq!(
        one("en Santiago, del 20-22 de noviembre 2002.").1,
        iso("2002-11-20..2002-11-22")
    );
    assert_eq!(
        one("del 3 al 5 de marzo de 2004").1,
        iso("2004-03-03..2004-03-05")
    );
    assert_eq!(
        one("del 30 de abril al 2 de mayo de 2003").1,
        iso("2003-04-30..2003-05-02")
    );
    let (t, v, _) = one("el período que abarca desde noviembre 2002 – mayo 2003.");
    assert_eq!(t, "noviembre 2002 – mayo 2003");
    assert_eq!(
        (v.start, v.end),
        (Ymd::new(2002, 11, 1), Ymd::new(2003, 5, 31))
    );
    assert_eq!(v.precision, Precision::Range);
    let v = one("para el período junio – octubre 2002").1;
    assert_eq!(
        (v.start, v.end),
        (Ymd::new(2002, 6, 1), Ymd::new(2002, 10, 31))
    );
    assert_eq!(
        one("para el primer trimestre de 2003").1,
        iso("2003-01..2003-03")
    );
    assert_eq!(one("presupuesto 2003-2004").1, iso("2003..2004"));
}

#[test]
fn years_inferred_from_the_report_date() {
    let (t, v, _) = one("El taller, que se realizó el 8 y 9 de mayo, y que");
    assert_eq!(t, "8 y 9 de mayo");
    assert_eq!(
        (v.start, v.end, v.inferred),
        (Ymd::new(2003, 5, 8), Ymd::new(2003, 5, 9), true)
    );
    let v = one("en su carta de seguimiento del 13 de febrero del presente año y").1;
    assert_eq!((v.start, v.inferred), (Ymd::new(2003, 2, 13), true));
    let v = one("la reunión de la red del 29 de octubre.").1;
    assert_eq!((v.start, v.inferred), (Ymd::new(2002, 10, 29), true));
    let v = one("la reunión de octubre de esta Red").1;
    assert_eq!(
        (v.start, v.precision, v.inferred),
        (Ymd::new(2002, 10, 1), Precision::Month, true)
    );
    assert_eq!(
        find("el 8 y 9 de mayo", &DateContext::default())[0].value,
        None
    );
}

#[test]
fn days_of_no_stated_year_in_a_text_that_states_none() {
    let none = DateContext {
        yearless: true,
        ..DateContext::default()
    };
    let found = |t: &str| -> Vec<(String, Option<String>)> {
        find(t, &none)
            .iter()
            .map(|d| {
                (
                    t[d.start..d.end].to_string(),
                    d.value.map(|v| v.to_string()),
                )
            })
            .collect()
    };
    let day = |t: &str, w: &str| (t.to_string(), Some(w.to_string()));
    assert_eq!(
        found("met on 4 and 5 June for a workshop"),
        [day("4 and 5 June", "--06-04..--06-05")]
    );
    assert_eq!(
        found("se reunirán en Quito desde el lunes 8 de abril"),
        [day("8 de abril", "--04-08")]
    );
    // A news item's day and month in parentheses after a near day's word.
    assert_eq!(
        found("the MIDWA meeting in Abidjan, Cote d'Ivoire yesterday (25/8), an agreement"),
        [day("25/8", "--08-25")]
    );
    assert_eq!(
        found("San Ignacio — This week (06/11) the heads of"),
        [day("06/11", "--11-06")]
    );
    assert_eq!(found("la reunión de ayer (25/8)"), [day("25/8", "--08-25")]);
    // A day of the week is as near ("closed on Thursday (16/11)").
    assert_eq!(
        found("The Conference, which closed on Thursday (16/11), brought"),
        [day("16/11", "--11-16")]
    );
    assert_eq!(
        found("concluyó el jueves (16/11)"),
        [day("16/11", "--11-16")]
    );
    // No word of a near day, no date: a score, a fraction, a page.
    assert!(found("won (2/1) and lost 3/4 of the votes").is_empty());
    // Without the flag a year-less day stays unread, as before; with an
    // anchor, the year is inferred.
    assert_eq!(
        find("yesterday (25/8)", &DateContext::default())[0].value,
        None
    );
    let v = find("yesterday (25/8)", &ctx())[0].value.expect("inferred");
    assert_eq!((v.start, v.inferred), (Ymd::new(2002, 8, 25), true));
    // Meetings of one series on days of no stated year are told apart by
    // their first day, not merged as one meeting of the month.
    let id = |t: &str| {
        let v = find(t, &none)[0].value.expect("read");
        crate::ingest::calendar::dated_id("organization:rabat", &v)
    };
    assert_eq!(id("met on 25 and 26 August"), "meeting:rabat-08-25-no-year");
    assert_ne!(id("met on 25 and 26 August"), id("met on 3 and 4 August"));
    // Days across New Year: no year before the first, so no date.
    assert_eq!(
        found("del 30 de diciembre al 2 de enero"),
        [("30 de diciembre al 2 de enero".to_string(), None)]
    );
}

#[test]
fn a_list_of_days_is_a_range() {
    let found = find(
        "SAN SALVADOR, EL SALVADOR 27, 28 Y 29 DE OCTUBRE DE 1999.",
        &ctx(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let v = found[0].value.expect("a value");
    assert_eq!(v.to_string(), "1999-10-27..1999-10-29");
}

#[test]
fn english_dates() {
    for (text, want) in [
        (
            "took place March 23rd and 24th, 2000, with",
            "2000-03-23..2000-03-24",
        ),
        ("Washington, DC, March 24, 2000", "2000-03-24"),
        ("held on May 21-22, 2008 in", "2008-05-21..2008-05-22"),
        ("on 24 March 2000", "2000-03-24"),
        ("on 23-24 March 2000", "2000-03-23..2000-03-24"),
        ("in March 2000", "2000-03"),
        // A copy that spaces the suffix; "the" before the second day.
        (
            "took place from the 4 th to the 6 th of November 2012",
            "2012-11-04..2012-11-06",
        ),
        (
            "from the 9th to the 11th of May 2015",
            "2015-05-09..2015-05-11",
        ),
        // A copy that spaces the comma before the year.
        (
            "Migration July 13th -14th , 2016)",
            "2016-07-13..2016-07-14",
        ),
        ("on 5 May , 2016", "2016-05-05"),
        // Days in two months, the year once.
        (
            "Mexico City, 30 November – 2 December 2005",
            "2005-11-30..2005-12-02",
        ),
        (
            "held November 30 - December 2, 2005, in",
            "2005-11-30..2005-12-02",
        ),
        (
            "from 28 December to 2 January 2006",
            "2005-12-28..2006-01-02",
        ),
    ] {
        let found = find(text, &ctx());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let v = found[0].value.expect("a value");
        assert_eq!(v.to_string(), want, "{text}");
    }
}

#[test]
fn months_and_spellings() {
    assert_eq!(one("se estableció en Setiembre 2001,").1, iso("2001-09"));
    assert_eq!(one("en septiembre de 2001").1, iso("2001-09"));
    assert_eq!(one("El GRCM de octubre 2002 consideró").1, iso("2002-10"));
    assert_eq!(one("En octubre de 2002, el Sistema").1, iso("2002-10"));
}

#[test]
fn deadlines() {
    let (_, v, deadline) = one("estadísticas al 15 de diciembre de 2002.");
    assert_eq!((v, deadline), (iso("2002-12-15"), true));
    assert!(one("a más tardar el 15/12/2004").2);
    assert!(!one("el 21 de agosto 2002").2);
}

#[test]
fn several_and_none() {
    let found = find(
        "el 21 de agosto 2002 y de nuevo el 13 de febrero 2003 en",
        &ctx(),
    );
    let v: Vec<_> = found.iter().filter_map(|d| d.value).collect();
    assert_eq!(v, [iso("2002-08-21"), iso("2003-02-13")]);
    assert!(find("41 gobiernos y 102 representantes, 45 días", &ctx()).is_empty());
    assert!(find("el 31 de febrero de 2003", &ctx())
        .iter()
        .all(|d| d.value.is_none()));
}

#[test]
fn whole_strings() {
    assert_eq!(parse_one(" 2002", &ctx()), Some(DateValue::year(2002)));
    assert_eq!(parse_one("marzo 2001", &ctx()), Some(iso("2001-03")));
    assert_eq!(parse_one("San José", &ctx()), None);
    assert_eq!(display_month(&iso("2002-10")), "octubre 2002");
}

#[test]
fn english_days_without_their_year() {
    // Against the report's date, as Spanish days are.
    let (t, v, _) = one("The conference was held November 12-14 in Guatemala City.");
    assert_eq!(t, "November 12-14");
    assert_eq!(
        (v.start, v.end, v.inferred),
        (Ymd::new(2002, 11, 12), Ymd::new(2002, 11, 14), true)
    );
    let v = one("It met again on March 24.").1;
    assert_eq!(
        (v.start, v.precision),
        (Ymd::new(2003, 3, 24), Precision::Day)
    );
    // Days in two months: one span ("which took place in Nairobi on March
    // 28 to April 1"), month first or day first.
    let (t, v, _) = one("which took place in Nairobi on March 28 to April 1, Ministers signed");
    assert_eq!(t, "March 28 to April 1");
    assert_eq!(
        (v.start, v.end, v.inferred),
        (Ymd::new(2003, 3, 28), Ymd::new(2003, 4, 1), true)
    );
    let (t, v, _) = one("They met from 30 November to 2 December in Lima.");
    assert_eq!(t, "30 November to 2 December");
    assert_eq!(
        (v.start, v.end),
        (Ymd::new(2002, 11, 30), Ymd::new(2002, 12, 2))
    );
    // Day first: a range, or "the 24th of"; a bare "24 March" is no date.
    let (t, v, _) = one("On 26-27th June, more than 80 participants met.");
    assert_eq!(t, "26-27th June");
    assert_eq!(
        (v.start, v.end),
        (Ymd::new(2002, 6, 26), Ymd::new(2002, 6, 27))
    );
    let (t, v, _) = one("the field visit the 24th of March and");
    assert_eq!(
        (t.as_str(), v.start),
        ("24th of March", Ymd::new(2003, 3, 24))
    );
    assert!(find("see item 24 March reports", &ctx()).is_empty());
    let found = find("the 24th of March and the 25th of March, 2022", &ctx());
    let values: Vec<_> = found.iter().filter_map(|d| d.value).collect();
    assert_eq!(
        values.iter().map(|v| v.start).collect::<Vec<_>>(),
        [Ymd::new(2003, 3, 24), Ymd::new(2022, 3, 25)]
    );
    // A year stated with the days wins; "March 2000" is a month.
    assert_eq!(one("on March 24, 2000").1, iso("2000-03-24"));
    assert_eq!(one("in March 2000").1.precision, Precision::Month);
    // An undated document's days of the same month give the year.
    let stated = find(
        "the GRCM met on November 12, 2019.",
        &DateContext::default(),
    );
    let ctx = DateContext::at(Some(Ymd::new(2022, 12, 31)))
        .with_month_years(stated.iter().filter_map(|d| d.value));
    let found = find("The conference was held November 12-14.", &ctx);
    let v = found[0].value.expect("a date");
    assert_eq!(
        (v.start, v.end),
        (Ymd::new(2019, 11, 12), Ymd::new(2019, 11, 14))
    );
    // Months whose days disagree give none.
    let stated = find("on May 2, 2018 and on May 3, 2019", &DateContext::default());
    let ctx = DateContext::default().with_month_years(stated.iter().filter_map(|d| d.value));
    assert_eq!(ctx.month_years[4], None);
}

#[test]
fn days_and_years_in_words() {
    let cases = [
        (
            "Dada en la ciudad de Washington, D.C., a los veinticuatro días del mes de marzo del año dos mil.",
            "veinticuatro días del mes de marzo del año dos mil",
            "2000-03-24",
        ),
        (
            "Suscrita a los 30 días del mes de junio de 2022.",
            "30 días del mes de junio de 2022",
            "2022-06-30",
        ),
        (
            "firmada al primer día del mes de octubre de mil novecientos noventa y nueve",
            "primer día del mes de octubre de mil novecientos noventa y nueve",
            "1999-10-01",
        ),
        (
            "Done in Tegucigalpa, Honduras, on the twenty-seventh day of June, two thousand and five.",
            "twenty-seventh day of June, two thousand and five",
            "2005-06-27",
        ),
        (
            "Signed this 27th day of June 2019 in Bali.",
            "27th day of June 2019",
            "2019-06-27",
        ),
    ];
    for (text, span, day) in cases {
        let (t, v, _) = one(text);
        assert_eq!((t.as_str(), v), (span, iso(day)), "{text}");
    }
    // Not a day: thirty-second, a year in words out of range, no month.
    assert!(find("the thirty-second day of June, two thousand", &ctx())
        .iter()
        .all(|d| d.value.is_none()));
    assert!(find("a los veinte días de iniciado el proceso", &ctx()).is_empty());
}

/// The value of the one date in `text`.
fn only(text: &str, c: &DateContext) -> String {
    let found = find(text, c);
    let [d] = found.as_slice() else {
        panic!("{text}: {found:?}")
    };
    d.value
        .map_or_else(|| "unresolved".into(), |v| v.to_string())
}

#[test]
fn a_span_under_way_on_the_anchors_day_is_this_years() {
    let c = DateContext::at(Some(Ymd::new(1999, 1, 26)));
    for text in ["January 26-29", "del 26 al 29 de enero", "26-29 January"] {
        assert_eq!(
            only(text, &c),
            "1999-01-26..1999-01-29 (inferred)",
            "{text}"
        );
    }
    // Wholly after the anchor's day: the last such span before it.
    let found = find("January 27-29", &c);
    let v = found[0].value.expect("resolved");
    assert_eq!(v.to_string(), "1998-01-27..1998-01-29 (inferred)");
}

#[test]
fn short_months_with_their_full_stop() {
    let c = DateContext::at(Some(Ymd::new(2020, 1, 1)));
    for (text, want) in [
        ("13 Sep. 2017", "2017-09-13"),
        ("Jan. 26, 1999", "1999-01-26"),
        ("Sept. 4-5, 2019", "2019-09-04..2019-09-05"),
    ] {
        assert_eq!(only(text, &c), want, "{text}");
    }
    // Without the full stop they are other words; without a year they
    // are not read ("the Sept. 11 attacks", "Dec. 5 on the budget").
    for text in [
        "the mar 13 2017",
        "since the Sept. 11 attacks",
        "Res. 1309 and Dec. 5 on",
    ] {
        assert!(find(text, &c).is_empty(), "{text}");
    }
}

#[test]
fn days_of_the_present_month_are_the_anchors() {
    let c = DateContext::at(Some(Ymd::new(2022, 6, 20)));
    for (text, want) in [
        (
            "los días 13 y 14 del presente mes",
            "2022-06-13..2022-06-14 (inferred)",
        ),
        ("el 5 de este mes", "2022-06-05 (inferred)"),
        (
            "del 3 al 5 del mes en curso",
            "2022-06-03..2022-06-05 (inferred)",
        ),
    ] {
        assert_eq!(only(text, &c), want, "{text}");
    }
    // A month named after "del mes" is not the anchor's; no anchor, no day.
    assert!(find("el 14 del mes de julio de 2021", &c)
        .iter()
        .all(|d| d.value.is_some_and(|v| v.start.month == 7)));
    assert!(
        find("los días 13 y 14 del presente mes", &DateContext::default())
            .iter()
            .all(|d| d.value.is_none())
    );
}

#[test]
fn a_day_before_its_month_is_read_after_on_or_a_weekday() {
    let c = DateContext::at(Some(Ymd::new(2014, 5, 9)));
    for (text, want) in [
        (
            "came to an end on Wednesday 7 May in Colombo",
            "2014-05-07 (inferred)",
        ),
        (
            "the meeting held on 7 May in Colombo",
            "2014-05-07 (inferred)",
        ),
        ("opened on Tuesday, 6 May, with", "2014-05-06 (inferred)"),
        ("on the 6th of May", "2014-05-06 (inferred)"),
    ] {
        assert_eq!(only(text, &c), want, "{text}");
    }
    // Without "on" or a weekday, a number before "May" is no date.
    for text in [
        "Article 7 May apply here",
        "as paragraph 7 May 2 said",
        "see item 24 March",
        "Of the 57 partners, the 12 may join",
    ] {
        assert!(
            find(text, &c).iter().all(|d| d
                .value
                .is_none_or(|v| v.start.day != 7 && v.start.day != 24)),
            "{text}"
        );
    }
}

#[test]
fn the_press_s_ways_of_writing_a_spanish_day() {
    // Date lines of Latin American and Spanish press pages: no "de" after
    // the day, the month first, the first of the month as an ordinal.
    for text in [
        "01 junio de 2022",
        "1 junio de 2022",
        "junio 1 de 2022",
        "1° de junio de 2022",
        "1ro. de junio de 2022",
        "1ero de junio de 2022",
    ] {
        let (_, v, _) = one(text);
        assert_eq!(v, iso("2022-06-01"), "{text}");
    }
    // Without "de" after the day the year must follow: a bare "7 mayo"
    // is no date.
    assert!(find("el artículo 7 mayo", &ctx()).is_empty());
}
