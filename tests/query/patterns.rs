//! Pattern queries: one test per feature of the openCypher subset.

use crate::fixture::{agreement, column, err, graph, ok, DOC};
use acta::query::{Cell, ErrorKind};

#[test]
fn node_pattern_with_kind_and_name_matches_name_or_alias() {
    let kg = graph();
    for name in ["VII CRM", "vii crm", "VII Reunión de la CRM", "CRM 7"] {
        let q = format!("match (m:meeting {{name: \"{name}\"}}) return m.id as id");
        assert_eq!(column(&ok(&kg, &q), "id"), ["meeting:crm-07"], "{name}");
    }
}

#[test]
fn typed_directed_edges_both_ways_give_the_same_matches() {
    let kg = graph();
    let right = ok(
        &kg,
        r#"match (a:agreement)-[:adopted_at]->(m:meeting {id: "meeting:crm-07"}) return a.id as id order by id"#,
    );
    let left = ok(
        &kg,
        r#"match (m:meeting {id: "meeting:crm-07"})<-[:adopted_at]-(a:agreement) return a.id as id order by id"#,
    );
    let ids = column(&right, "id");
    assert_eq!(ids, column(&left, "id"));
    assert_eq!(
        ids,
        [
            "agreement:informe-grcm-2002/III".to_string(),
            agreement("II"),
            agreement("IV.E(1)"),
            agreement("V.A(2)")
        ]
    );
    // The wrong direction finds nothing.
    let none = ok(
        &kg,
        r#"match (a:agreement)<-[:adopted_at]-(m:meeting {id: "meeting:crm-07"}) return a"#,
    );
    assert!(none.rows.is_empty());
}

#[test]
fn undirected_edges_and_edge_type_alternatives() {
    let kg = graph();
    let a = ok(
        &kg,
        r#"match (c:country {id: "country:gt"})-[:held_in]-(m) return distinct m.id as id order by id"#,
    );
    assert_eq!(column(&a, "id"), ["meeting:crm-07", "meeting:grcm-2002-10"]);
    let b = ok(
        &kg,
        r#"match (a:agreement {id: "agreement:informe-ppt-mexico-2003/IV.A"})-[e:adopted_at|reaffirmed_at]->(m) return e.kind as how, m.id as meeting order by meeting"#,
    );
    assert_eq!(
        column(&b, "meeting"),
        ["meeting:crm-06", "meeting:crm-07", "meeting:grcm-2002-10"]
    );
    assert_eq!(
        column(&b, "how"),
        ["adopted_at", "reaffirmed_at", "reaffirmed_at"]
    );
}

#[test]
fn variable_length_edges_respect_their_bounds() {
    let kg = graph();
    let q = |hops: &str| {
        format!(
            r#"match (s:section {{id: "section:{DOC}/IV.E(1)"}})-[p:part_of{hops}]->(x) return x.id as id, size(p) as n order by n"#
        )
    };
    let all = ok(&kg, &q("*1..3"));
    assert_eq!(
        column(&all, "id"),
        [
            format!("section:{DOC}/IV.E"),
            format!("section:{DOC}/IV"),
            format!("document:{DOC}")
        ]
    );
    assert_eq!(column(&all, "n"), ["1", "2", "3"]);
    assert_eq!(ok(&kg, &q("*2..2")).rows.len(), 1);
    assert_eq!(ok(&kg, &q("*")).rows.len(), 3);
    assert_eq!(
        ok(&kg, &q("*0..1")).rows.len(),
        2,
        "zero hops binds the start"
    );
    let e = err(&kg, &q("*1..99"));
    assert_eq!(e.kind, ErrorKind::Limit);
    assert!(e.message.contains("at most 20 hops"), "{e}");
}

#[test]
fn comma_separated_patterns_join_on_shared_variables() {
    let kg = graph();
    let a = ok(
        &kg,
        "match (a:agreement)-[:adopted_at]->(m:meeting), (m)-[:held_in]->(c:country) return distinct c.name as country order by country",
    );
    assert_eq!(column(&a, "country"), ["Costa Rica", "Guatemala"]);
}

#[test]
fn optional_match_keeps_rows_without_a_match() {
    let kg = graph();
    let a = ok(
        &kg,
        &format!(
            r#"match (a:agreement) where a.id starts with "agreement:{DOC}" optional match (a)-[:proposed_by]->(c:country) return a.id as id, c.name as proposer order by id"#
        ),
    );
    assert_eq!(a.rows.len(), 5);
    let by = column(&a, "proposer");
    assert_eq!(by.iter().filter(|b| b.is_empty()).count(), 4);
    assert!(by.contains(&"Costa Rica".to_string()));
}

#[test]
fn where_with_and_or_not_and_comparisons() {
    let kg = graph();
    let a = ok(
        &kg,
        "match (m:meeting) where (m.ordinal >= 6 and m.ordinal < 8) or m.body = \"GRCM\" return m.id as id order by id",
    );
    assert_eq!(
        column(&a, "id"),
        ["meeting:crm-06", "meeting:crm-07", "meeting:grcm-2002-10"]
    );
    let b = ok(
        &kg,
        "match (m:meeting) where not m.ordinal <> 7 return m.id as id",
    );
    assert_eq!(column(&b, "id"), ["meeting:crm-07"]);
    let c = ok(
        &kg,
        "match (c:country) where c.iso in [\"HN\", \"gt\", \"XX\"] return c.name as n order by n",
    );
    assert_eq!(column(&c, "n"), ["Guatemala", "Honduras"]);
    let d = ok(
        &kg,
        "match (m:meeting {id: \"meeting:grcm-2002-10\"}) return m.ordinal is null as a, m.city is not null as b",
    );
    assert_eq!(d.rows[0], [Cell::Bool(true), Cell::Bool(true)]);
}

#[test]
fn dates_compare_with_their_precision() {
    let kg = graph();
    let q = |w: &str| {
        let a = ok(
            &kg,
            &format!("match (e:event) where {w} return e.id as id order by e.date"),
        );
        column(&a, "id")
            .iter()
            .map(|i| i.rsplit('/').next().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(q("e.date < 2002-10-01"), ["carta-2002-08-21"]);
    assert_eq!(
        q("e.date = date(\"2002-11\")"),
        ["conferencia-hemisferica"],
        "a month equals the days it covers"
    );
    assert_eq!(
        q("e.date = date(\"2002-11-21\")"),
        ["conferencia-hemisferica"]
    );
    assert_eq!(
        q("e.date >= 2003-05-09"),
        ["taller-2003-05-08"],
        "overlaps count"
    );
    assert_eq!(
        q("e.date > 2003-05-08"),
        Vec::<String>::new(),
        "must start after"
    );
    assert_eq!(q("year(e.date) = 2003").len(), 2);
    assert_eq!(q("e.date = 2002").len(), 3, "a number compares as a year");
}

#[test]
fn strings_match_normalized() {
    let kg = graph();
    let a = ok(
        &kg,
        "match (c:country) where c.name = \"MEXICO\" return c.id as id",
    );
    assert_eq!(column(&a, "id"), ["country:mx"]);
    let b = ok(
        &kg,
        "match (s:section) where s.text contains \"CON UNA EXCEPCION\" return s.id as id order by id",
    );
    assert_eq!(
        column(&b, "id"),
        [
            format!("section:{DOC}/IV.E(1)"),
            format!("section:{DOC}/IV.E(3)")
        ]
    );
    let c = ok(
        &kg,
        "match (c:country) where c.name starts with \"república\" or c.name ends with \"rica\" return c.name as n order by n",
    );
    assert_eq!(
        column(&c, "n"),
        [
            "Costa Rica",
            "Estados Unidos de América",
            "República Árabe Siria",
            "República Centroafricana",
            "República Checa",
            "República de Corea",
            "República de Mauricio",
            "República de Moldova",
            "República Democrática del Congo",
            "República Democrática Popular Lao",
            "República Dominicana",
            "República Popular Democrática de Corea",
            "República Unida de Tanzania",
            "Sudáfrica"
        ]
    );
}

#[test]
fn properties_of_nodes_and_edges() {
    let kg = graph();
    let a = ok(
        &kg,
        "match (e:event {id: \"event:informe-ppt-mexico-2003/conferencia-hemisferica\"}) return e.id, e.name, e.kind, e.date, e.type, e.missing",
    );
    assert_eq!(
        a.columns,
        ["e.id", "e.name", "e.kind", "e.date", "e.type", "e.missing"]
    );
    let row: Vec<String> = a.rows[0].iter().map(Cell::text).collect();
    assert_eq!(
        row,
        [
            "event:informe-ppt-mexico-2003/conferencia-hemisferica",
            "Conferencia Hemisférica sobre Migración Internacional",
            "event",
            "2002-11-20..2002-11-22",
            "conference",
            ""
        ]
    );
    let b = ok(
        &kg,
        "match (a:agreement)-[w:awaits]->(c:country {id: \"country:hn\"}) where w.certain = false return distinct w.kind as k, w.derived as d",
    );
    assert_eq!(b.rows, [[Cell::Text("awaits".into()), Cell::Bool(true)]]);
}

#[test]
fn aggregates_group_by_the_other_columns() {
    let kg = graph();
    let a = ok(
        &kg,
        "match (a:agreement)-[:adopted_at]->(m:meeting) return m.name as meeting, count(*) as n, collect(a.name) as names, min(a.id) as first order by n desc, meeting",
    );
    assert_eq!(
        column(&a, "meeting"),
        ["VII CRM", "GRCM octubre 2002", "VI CRM"]
    );
    assert_eq!(column(&a, "n"), ["4", "1", "1"]);
    assert!(matches!(&a.rows[0][2], Cell::List(v) if v.len() == 4));
    let b = ok(
        &kg,
        "match (x:person) where x.name = \"nadie\" return count(*) as n",
    );
    assert_eq!(b.rows, [[Cell::Int(0)]], "count(*) of nothing is 0");
    let c = ok(
        &kg,
        "match (a:agreement)-[w:awaits]->(c:country) return count(distinct a) as agreements, count(c) as edges, max(c.name) as last",
    );
    assert_eq!(
        c.rows,
        [[
            Cell::Int(6),
            Cell::Int(74),
            Cell::Text("República Dominicana".into())
        ]]
    );
}

#[test]
fn distinct_order_skip_limit() {
    let kg = graph();
    let all = ok(
        &kg,
        "match (m:meeting)-[:held_in]->(c:country) return distinct c.name as c order by c desc",
    );
    let names = column(&all, "c");
    assert!(names.windows(2).all(|w| w[0] >= w[1]), "{names:?}");
    let page = ok(
        &kg,
        "match (m:meeting)-[:held_in]->(c:country) return distinct c.name as c order by c desc skip 1 limit 2",
    );
    assert_eq!(column(&page, "c"), names[1..3].to_vec());
}

#[test]
fn keywords_are_case_insensitive_and_whole_words() {
    let kg = graph();
    let a = ok(&kg, "MATCH (m:Meeting {ID: \"x\"}) RETURN Count(*) AS n");
    assert_eq!(column(&a, "n"), ["0"]);
    // A variable may start with a keyword.
    let b = ok(
        &kg,
        "match (matching:meeting {id: \"meeting:crm-07\"}) return matching.id as id",
    );
    assert_eq!(column(&b, "id"), ["meeting:crm-07"]);
}

#[test]
fn unicode_identifiers_and_strings() {
    let kg = graph();
    let a = ok(
        &kg,
        "match (país:país {id: \"country:pa\"}) return país.name as año",
    );
    assert_eq!(a.columns, ["año"]);
    assert_eq!(column(&a, "año"), ["Panamá"]);
    let b = ok(
        &kg,
        "match (`the match`:country {iso: 'PA'}) return `the match`.name",
    );
    assert_eq!(b.rows.len(), 1);
}

#[test]
fn rows_carry_their_sources() {
    let kg = graph();
    let a = ok(
        &kg,
        "match (a:agreement {id: \"agreement:informe-ppt-mexico-2003/IV.E(1)\"})-[e:adopted_at]->(m) return a, m",
    );
    let s = &a.sources[0];
    assert_eq!(s[0].origin, "extracted");
    assert_eq!(s[0].doc.as_deref(), Some(DOC));
    assert_eq!(s[0].section.as_deref(), Some("IV.E(1)"));
    assert_eq!(
        s[0].sentence.as_deref(),
        Some("los Viceministros aprobaron incorporar ejercicios coordinados de capacitación")
    );
}

#[test]
fn exhausting_queries_fail_with_a_clear_limit() {
    let kg = graph();
    let e = err(&kg, "match (a)-[*1..6]-(b) return count(*)");
    assert_eq!(e.kind, ErrorKind::Limit);
    assert!(e.message.contains("more than"), "{e}");
}
