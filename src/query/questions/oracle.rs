//! Tests: each question's syntax tree equals the parse of the query text
//! the question layer used to build with `format!` (the texts kept here as
//! the oracle), so compiling straight to the tree changed no answer; and
//! the new forms' trees print as text that parses back to them.

use super::follow;
use super::patterns::{self, Held};
use super::presidency::{self, When};
use super::records;
use crate::model::DateValue;
use crate::query::ast::{Body, PatternQuery};

fn parsed(text: &str) -> PatternQuery {
    match crate::query::parse::parse(text).map(|s| s.body) {
        Ok(Body::Pattern(p)) => p,
        other => panic!("not a pattern: {text}: {other:?}"),
    }
}

fn same(built: PatternQuery, text: &str) {
    assert_eq!(built, parsed(text), "\nbuilt:  {built}\nwanted: {text}");
    assert_eq!(parsed(&built.to_string()), built, "round trip of {built}");
}

const M: &str = "meeting:crm-07";
const A: &str = "agreement:informe-ppt-mexico-2003/IV.E(1)";

#[test]
fn the_old_forms_build_the_trees_their_text_parsed_to() {
    same(
        patterns::awaiting(Some(M)),
        r#"match (a:agreement)-[:adopted_at|reaffirmed_at]->(m:meeting {id: "meeting:crm-07"}), (a)-[w:awaits]->(c:country) return a as agreement, request_subject(w) as request, awaiting(w) as awaiting, collect(distinct c) as countries, awaiting_note(w) as note order by agreement, request"#,
    );
    same(patterns::awaiting(None), "match (a:agreement)-[w:awaits]->(c:country) return a as agreement, request_subject(w) as request, awaiting(w) as awaiting, collect(distinct c) as countries, awaiting_note(w) as note order by agreement, request");
    same(
        patterns::not_responded(A),
        r#"match (a:agreement {id: "agreement:informe-ppt-mexico-2003/IV.E(1)"})-[w:awaits]->(c:country) return c as country, request_subject(w) as request, awaiting_note(w) as note order by request, country"#,
    );
    let tail =
        "return distinct m as meeting, m.date as date, m.city as city order by date, meeting";
    same(
        patterns::meetings(Held::On(&DateValue::year(2002))),
        &format!(r#"match (m:meeting) where m.date = date("2002") {tail}"#),
    );
    same(
        patterns::meetings(Held::Country("country:gt")),
        &format!(r#"match (m:meeting)-[:held_in]->(c:country {{id: "country:gt"}}) {tail}"#),
    );
    same(
        patterns::meetings(Held::City("Antigua \"G\"")),
        &format!(r#"match (m:meeting) where m.city = "Antigua \"G\"" {tail}"#),
    );
    same(
        patterns::sections_mentioning("organization:oim"),
        r#"match (s:section)-[e:mentions]->(x {id: "organization:oim"}) return distinct s as section, sentence(e) as sentence order by section"#,
    );
    same(
        patterns::documents_mentioning("organization:oim"),
        r#"match (s:section)-[:mentions]->(x {id: "organization:oim"}), (s)-[:part_of*1..6]->(d:document) return d as document, collect(distinct s) as sections order by document"#,
    );
    same(
        patterns::text_holding(false, "trata"),
        r#"match (s:section) where s.text contains "trata" return distinct s as section, snippet(s.text, "trata") as sentence order by section"#,
    );
    same(
        patterns::text_holding(true, "trata"),
        r#"match (d:document) where d.text contains "trata" return d as document, snippet(d.text, "trata") as sentence order by document"#,
    );
    let (from, to) = (DateValue::year(2002), DateValue::year(2003));
    same(
        patterns::events(&from, &to),
        r#"match (e:event|meeting) where e.date >= date("2002") and e.date <= date("2003") return distinct e as event, e.kind as kind, e.type as type, e.date as date order by date, event"#,
    );
}

#[test]
fn the_old_about_forms_build_the_trees_their_text_parsed_to() {
    same(
        patterns::agreed(M, false),
        r#"match (a:agreement)-[:adopted_at|reaffirmed_at]->(m:meeting {id: "meeting:crm-07"}) return distinct a as agreement order by agreement"#,
    );
    same(
        patterns::place(M),
        r#"match (m:meeting {id: "meeting:crm-07"}) optional match (m)-[:held_in]->(c:country) return distinct m as meeting, m.city as city, c as country"#,
    );
    same(
        patterns::dates(M),
        r#"match (m:meeting {id: "meeting:crm-07"}) return m as meeting, m.date as date"#,
    );
    same(
        patterns::responded(A),
        r#"match (c:country)-[:responded]->(a:agreement {id: "agreement:informe-ppt-mexico-2003/IV.E(1)"}) return distinct c as country order by country"#,
    );
    same(
        patterns::agreements_naming("organization:oim"),
        r#"match (s:section)-[:mentions]->(a:agreement), (s)-[:mentions]->(x {id: "organization:oim"}) return distinct a as agreement order by agreement"#,
    );
    same(
        patterns::agreements_holding("trata"),
        r#"match (s:section)-[:mentions]->(a:agreement) where s.text contains "trata" return distinct a as agreement, snippet(s.text, "trata") as sentence order by agreement"#,
    );
}

#[test]
fn the_new_forms_print_as_patterns_that_parse_back() {
    let day = DateValue::year(2003);
    for p in [
        patterns::agreed(M, true),
        patterns::hosted(M),
        follow::follow_ups(A, true),
        follow::follow_ups(A, false),
        follow::tasks("organization:ppt"),
        follow::titled("Marco de Ejecución"),
        presidency::presided_by(M),
        presidency::holder(When::Meeting(M), true),
        presidency::holder(When::Meeting(M), false),
        presidency::holder(When::Day(&day), true),
        presidency::holder(When::Day(&day), false),
        records::members("organization:crm"),
        records::attended(M),
        records::status(A),
        records::proposals("country:cr"),
        records::adopted_at(A),
        records::owed_by("country:hn"),
    ] {
        assert_eq!(parsed(&p.to_string()), p, "round trip of {p}");
    }
}
