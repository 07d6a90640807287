//! Exports that real stores accept: the N-Triples and N-Quads exports load
//! into Oxigraph (in memory) and SPARQL there gives acta's headline answer;
//! N-Quads keep each fact's evidence as a named graph; the CSV export's
//! node and edge files carry Neo4j's bulk-import headers and their rows
//! fit them.

mod common;

use common::{acta, ok, seeded, HEADLINE};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::BTreeSet;

const BASE: &str = "https://acta.example/";

/// An acta id from one of its IRIs.
fn id_of(term: &Term) -> String {
    let Term::NamedNode(n) = term else {
        panic!("expected an IRI, got {term}");
    };
    let rest = n.as_str().strip_prefix(BASE).expect("an acta IRI");
    let mut bytes = Vec::new();
    let mut it = rest.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let hex: String = [it.next(), it.next()]
                .iter()
                .flatten()
                .map(|&c| c as char)
                .collect();
            bytes.push(u8::from_str_radix(&hex, 16).expect("percent-encoded byte"));
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).expect("UTF-8 id")
}

fn text_of(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        other => panic!("expected a literal, got {other}"),
    }
}

/// (agreement, request, country) rows of a SPARQL query over `store`.
fn sparql_rows(store: &Store, query: &str) -> BTreeSet<(String, String, String)> {
    let results = SparqlEvaluator::new()
        .parse_query(query)
        .expect("the query parses")
        .on_store(store)
        .execute()
        .expect("the query runs");
    let QueryResults::Solutions(solutions) = results else {
        panic!("a SELECT gives solutions");
    };
    solutions
        .map(|s| {
            let s = s.expect("a solution");
            let get = |v: &str| s.get(v).cloned().expect("bound");
            (id_of(&get("a")), text_of(&get("subject")), id_of(&get("c")))
        })
        .collect()
}

/// The same rows from acta's JSON answer to the headline question.
fn acta_rows(json: &str) -> BTreeSet<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON answer");
    let mut rows = BTreeSet::new();
    for row in v["rows"].as_array().expect("rows") {
        let a = row[0]["id"].as_str().expect("agreement id").to_string();
        let subject = row[1].as_str().expect("request subject").to_string();
        for c in row[3].as_array().expect("countries") {
            let c = c["id"].as_str().expect("country id").to_string();
            rows.insert((a.clone(), subject.clone(), c));
        }
    }
    rows
}

const HEADLINE_SPARQL: &str = r#"
PREFIX e: <https://acta.example/edge/>
PREFIX r: <https://acta.example/request/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?a ?subject ?c WHERE {
  ?a e:adopted_at|e:reaffirmed_at <https://acta.example/meeting:crm-07> .
  ?req r:agreement ?a ; rdfs:label ?subject ; r:awaits ?c .
}"#;

#[test]
fn oxigraph_loads_the_ntriples_export_and_sparql_gives_the_headline_answer() {
    let (_dir, db) = seeded();
    let nt = ok(acta(&db, &["export", "--format", "ntriples"]));
    let store = Store::new().expect("an in-memory store");
    store
        .load_from_reader(RdfFormat::NTriples, nt.as_bytes())
        .expect("Oxigraph accepts the N-Triples export");
    let expected = acta_rows(&ok(acta(&db, &["query", "--format", "json", HEADLINE])));
    assert!(
        expected.len() >= 40,
        "the headline answer has its rows: {expected:?}"
    );
    assert_eq!(sparql_rows(&store, HEADLINE_SPARQL), expected);
}

#[test]
fn nquads_keep_each_fact_in_the_graph_of_its_evidence() {
    let (_dir, db) = seeded();
    let nq = ok(acta(&db, &["export", "--format", "nquads"]));
    let store = Store::new().expect("an in-memory store");
    store
        .load_from_reader(RdfFormat::NQuads, nq.as_bytes())
        .expect("Oxigraph accepts the N-Quads export");
    let expected = acta_rows(&ok(acta(&db, &["query", "--format", "json", HEADLINE])));
    // Where IV.A was adopted at VI CRM: the graph names the document,
    // section and span of the sentence that says so.
    let q = r#"
PREFIX e: <https://acta.example/edge/>
PREFIX p: <https://acta.example/prov/>
SELECT ?section ?start ?end WHERE {
  GRAPH ?g { <https://acta.example/agreement:informe-ppt-mexico-2003/IV.A> e:adopted_at <https://acta.example/meeting:crm-06> }
  ?g p:document <https://acta.example/document:informe-ppt-mexico-2003> ;
     p:section ?section ; p:start ?start ; p:end ?end .
}"#;
    let QueryResults::Solutions(mut s) = SparqlEvaluator::new()
        .parse_query(q)
        .expect("parses")
        .on_store(&store)
        .execute()
        .expect("runs")
    else {
        panic!("a SELECT gives solutions");
    };
    let row = s
        .next()
        .expect("the adoption has its evidence")
        .expect("a solution");
    assert_eq!(text_of(row.get("section").expect("bound")), "IV.A");
    let start: usize = text_of(row.get("start").expect("bound"))
        .parse()
        .expect("a number");
    let end: usize = text_of(row.get("end").expect("bound"))
        .parse()
        .expect("a number");
    assert!(start < end);
    // The facts of the named graphs, taken together, still give the answer.
    let all = r#"
PREFIX e: <https://acta.example/edge/>
PREFIX r: <https://acta.example/request/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?a ?subject ?c WHERE {
  GRAPH ?g0 { ?a e:adopted_at|e:reaffirmed_at <https://acta.example/meeting:crm-07> }
  GRAPH ?g1 { ?req r:awaits ?c }
  GRAPH ?g2 { ?req r:agreement ?a }
  ?req rdfs:label ?subject .
}"#;
    assert_eq!(sparql_rows(&store, all), expected);
}

#[test]
fn the_csv_export_carries_neo4j_bulk_import_headers() {
    let (dir, db) = seeded();
    let out = dir.path().join("csv");
    std::fs::create_dir_all(&out).expect("a directory");
    let path = out.to_str().expect("a UTF-8 temp path");
    ok(acta(&db, &["export", "--format", "csv", "--out", path]));
    let read = |name: &str| {
        let mut r = csv::Reader::from_path(out.join(name)).expect("the file is written");
        let header: Vec<String> = r
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_string)
            .collect();
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("a row")).collect();
        (header, rows)
    };
    let (nodes, node_rows) = read("nodes.csv");
    assert_eq!(nodes, ["id:ID", ":LABEL", "name"]);
    let (edges, edge_rows) = read("edges.csv");
    assert_eq!(
        edges,
        [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "derived:boolean",
            "source",
            "request"
        ]
    );
    // Every relationship joins two nodes of the node file, as the importer
    // requires; booleans are `true`/`false`; labels are the kinds.
    let ids: BTreeSet<&str> = node_rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids.len(), node_rows.len(), "node ids are unique");
    for e in &edge_rows {
        assert!(ids.contains(&e[0]) && ids.contains(&e[1]), "dangling {e:?}");
        assert!(matches!(&e[3], "true" | "false"), "{e:?}");
    }
    let labels: BTreeSet<&str> = node_rows.iter().map(|r| &r[1]).collect();
    for kind in [
        "agreement",
        "country",
        "meeting",
        "organization",
        "document",
    ] {
        assert!(labels.contains(kind), "no {kind} label in {labels:?}");
    }
    assert!(edge_rows.iter().any(|e| &e[2] == "awaits"));
}
