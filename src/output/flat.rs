//! Answers for programs: CSV, TSV and JSON, which pandas, R or a
//! spreadsheet read with no cleaning.
//!
//! Each is built on one flat table ([`flatten`]): a column that holds
//! entities (known from the query, so an empty answer has the same header)
//! becomes two, `<column>_id` and `<column>` (the name); a list is unnested,
//! one row per value, the row's other cells repeated. A row with several
//! list columns gives one row per value of each, the other list columns
//! empty in it (never a cross product, which would pair values the answer
//! does not pair); an empty list gives one row with the cell empty, so no
//! answer row disappears. A name the header already has gets `_2`, `_3` …
//! Texts are never cut; dates are as in tables
//! (`2002-05-30..2002-05-31`, `(inferred)` appended); an edge is
//! `from -[kind]-> to` (node ids).

use crate::export::csv_field;
use crate::query::{Answer, Cell, Source};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// One value of the flat table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Flat {
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
}

impl Flat {
    /// A cell that is not an entity (a node's text, should one be there).
    fn of(c: &Cell) -> Flat {
        match c {
            Cell::Null => Flat::Null,
            Cell::Bool(b) => Flat::Bool(*b),
            Cell::Int(i) => Flat::Int(*i),
            Cell::Text(t) => Flat::Text(t.clone()),
            other => Flat::Text(other.text()),
        }
    }

    /// The id and the name of a cell in an entity column: a value that
    /// is not a node has no id, and its text for a name.
    fn entity(c: &Cell) -> (Flat, Flat) {
        match c {
            Cell::Node { id, name, .. } => (Flat::Text(id.clone()), Flat::Text(name.clone())),
            other => (Flat::Null, Flat::of(other)),
        }
    }

    /// The value as CSV and TSV write it (null as the empty string).
    fn text(&self) -> String {
        match self {
            Flat::Null => String::new(),
            Flat::Bool(b) => b.to_string(),
            Flat::Int(i) => i.to_string(),
            Flat::Text(t) => t.clone(),
        }
    }
}

impl Serialize for Flat {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Flat::Null => s.serialize_unit(),
            Flat::Bool(b) => s.serialize_bool(*b),
            Flat::Int(i) => s.serialize_i64(*i),
            Flat::Text(t) => s.serialize_str(t),
        }
    }
}

/// An answer as a flat table: its header and its rows, one value a cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<Flat>>,
}

/// The flat header of an answer: `<column>_id` and `<column>` for each
/// column that holds entities, the column's name for the others.
pub(crate) fn header(answer: &Answer) -> Vec<String> {
    let mut header = Vec::with_capacity(answer.columns.len());
    for (i, c) in answer.columns.iter().enumerate() {
        if answer.is_entity_column(i) {
            header.push(format!("{c}_id"));
        }
        header.push(c.clone());
    }
    unique(header)
}

/// Names made unique: a name seen before gets `_2`, `_3` … (a query may
/// return two columns of one name, or one named like another's id), so
/// JSON records have distinct keys and pandas no mangled columns.
fn unique(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        let mut name = n.clone();
        let mut k = 1;
        while out.contains(&name) {
            k += 1;
            name = format!("{n}_{k}");
        }
        out.push(name);
    }
    out
}

/// The answer as a flat table (see the module's documentation).
pub(crate) fn flatten(answer: &Answer) -> Table {
    let entity: Vec<bool> = (0..answer.columns.len())
        .map(|i| answer.is_entity_column(i))
        .collect();
    let mut rows = Vec::with_capacity(answer.rows.len());
    for row in &answer.rows {
        for cells in unnest(row) {
            let mut flat = Vec::with_capacity(cells.len() + entity.len());
            for (i, c) in cells.into_iter().enumerate() {
                if entity.get(i).copied().unwrap_or(false) {
                    let (id, name) = Flat::entity(c);
                    flat.push(id);
                    flat.push(name);
                } else {
                    flat.push(Flat::of(c));
                }
            }
            rows.push(flat);
        }
    }
    Table {
        header: header(answer),
        rows,
    }
}

/// A null to leave a list column empty in the rows of another list.
static EMPTY: Cell = Cell::Null;

/// The values of a (possibly nested) list, in order.
fn leaves<'a>(c: &'a Cell, out: &mut Vec<&'a Cell>) {
    match c {
        Cell::List(items) => items.iter().for_each(|i| leaves(i, out)),
        other => out.push(other),
    }
}

/// A row with its lists unnested: one row per value of each list column,
/// the other list columns empty; the row itself, lists emptied, when
/// every list is empty.
fn unnest(row: &[Cell]) -> Vec<Vec<&Cell>> {
    let base: Vec<&Cell> = row
        .iter()
        .map(|c| match c {
            Cell::List(_) => &EMPTY,
            other => other,
        })
        .collect();
    let mut out = Vec::new();
    for (i, c) in row.iter().enumerate() {
        if let Cell::List(_) = c {
            let mut values = Vec::new();
            leaves(c, &mut values);
            for v in values {
                let mut r = base.clone();
                r[i] = v;
                out.push(r);
            }
        }
    }
    if out.is_empty() {
        out.push(base);
    }
    out
}

/// CSV (RFC 4180 quoting): the flat header, then the flat rows.
pub(crate) fn csv(answer: &Answer) -> String {
    let table = flatten(answer);
    let mut out = String::new();
    let mut line = |items: Vec<String>| {
        let fields: Vec<String> = items.iter().map(|s| csv_field(s)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    };
    line(table.header);
    for row in &table.rows {
        line(row.iter().map(Flat::text).collect());
    }
    out
}

/// TSV: the flat header, then the flat rows; tabs and line breaks inside
/// cells become spaces.
pub(crate) fn tsv(answer: &Answer) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let table = flatten(answer);
    let mut out = String::new();
    let mut line = |items: Vec<String>| {
        let fields: Vec<String> = items.iter().map(|s| clean(s)).collect();
        out.push_str(&fields.join("\t"));
        out.push('\n');
    };
    line(table.header);
    for row in &table.rows {
        line(row.iter().map(Flat::text).collect());
    }
    out
}

/// The flat rows as JSON objects keyed by the flat header, in its order.
struct Records<'a>(&'a Table);

impl Serialize for Records<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Record<'a>(&'a [String], &'a [Flat]);
        impl Serialize for Record<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0.iter().zip(self.1) {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut q = s.serialize_seq(Some(self.0.rows.len()))?;
        for r in &self.0.rows {
            q.serialize_element(&Record(&self.0.header, r))?;
        }
        q.end()
    }
}

/// JSON in the documented shape (`crate::output`), pretty-printed, with a
/// final newline.
pub(crate) fn json(answer: &Answer) -> String {
    #[derive(Serialize)]
    struct Shape<'a> {
        columns: &'a [String],
        rows: &'a [Vec<Cell>],
        sources: &'a [Vec<Source>],
        caveats: &'a [String],
        records: Records<'a>,
    }
    let table = flatten(answer);
    let shape = Shape {
        columns: &answer.columns,
        rows: &answer.rows,
        sources: &answer.sources,
        caveats: &answer.caveats,
        records: Records(&table),
    };
    let mut s = serde_json::to_string_pretty(&shape).unwrap_or_else(|e| {
        format!(
            "{{\"error\": {}}}",
            serde_json::Value::String(e.to_string())
        )
    });
    s.push('\n');
    s
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_unit(),
            Cell::Bool(b) => s.serialize_bool(*b),
            Cell::Int(i) => s.serialize_i64(*i),
            Cell::Text(t) => s.serialize_str(t),
            Cell::Date(d) => s.serialize_str(&d.to_string()),
            Cell::Node { id, kind, name } => {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("id", id)?;
                m.serialize_entry("kind", kind.as_str())?;
                m.serialize_entry("name", name)?;
                m.end()
            }
            Cell::Edge { kind, from, to } => {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("kind", kind.as_str())?;
                m.serialize_entry("from", from)?;
                m.serialize_entry("to", to)?;
                m.end()
            }
            Cell::List(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    q.serialize_element(i)?;
                }
                q.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::output::tests::sample;

    fn node(id: &str, name: &str) -> Cell {
        Cell::Node {
            id: id.into(),
            kind: Kind::Country,
            name: name.into(),
        }
    }

    #[test]
    fn json_has_the_documented_shape() {
        let v: serde_json::Value = serde_json::from_str(&json(&sample())).unwrap();
        assert_eq!(v["columns"][0], "country");
        assert_eq!(v["rows"][0][0]["id"], "country:mx");
        assert_eq!(v["rows"][0][1], 2);
        assert_eq!(v["sources"][0][0]["section"], "IV");
        assert_eq!(v["caveats"][0], "one caveat");
        assert_eq!(v["records"][0]["country_id"], "country:mx");
        assert_eq!(v["records"][0]["country"], "México");
        assert_eq!(v["records"][0]["n"], 2);
    }

    #[test]
    fn csv_quotes_fields() {
        let mut a = Answer::new(&["a"]);
        a.push(vec![Cell::Text("x, \"y\"\nz".into())], vec![]);
        assert_eq!(csv(&a), "a\n\"x, \"\"y\"\"\nz\"\n");
        assert_eq!(tsv(&a), "a\nx, \"y\" z\n");
    }

    #[test]
    fn entities_take_two_columns_even_with_no_rows() {
        assert_eq!(
            csv(&sample()),
            "country_id,country,n\ncountry:mx,México,2\n"
        );
        let empty = Answer::new(&["agreement", "note"]).of_entities(&["agreement"]);
        assert_eq!(csv(&empty), "agreement_id,agreement,note\n");
    }

    #[test]
    fn a_list_gives_one_row_per_value_and_an_empty_one_a_row() {
        let mut a = Answer::new(&["request", "countries"]).of_entities(&["countries"]);
        let both = vec![node("country:bz", "Belice"), node("country:ca", "Canadá")];
        a.push(vec![Cell::Text("r1".into()), Cell::List(both)], vec![]);
        a.push(vec![Cell::Text("r2".into()), Cell::List(vec![])], vec![]);
        assert_eq!(
            tsv(&a),
            "request\tcountries_id\tcountries\n\
             r1\tcountry:bz\tBelice\n\
             r1\tcountry:ca\tCanadá\n\
             r2\t\t\n"
        );
    }

    #[test]
    fn two_lists_in_a_row_are_stacked_not_crossed() {
        let mut a = Answer::new(&["m", "cities", "dates"]);
        let list = |v: &[&str]| Cell::List(v.iter().map(|s| Cell::Text(s.to_string())).collect());
        a.push(
            vec![Cell::Int(1), list(&["A", "B"]), list(&["d1", "d2", "d3"])],
            vec![],
        );
        let t = flatten(&a);
        assert_eq!(t.rows.len(), 5, "2 + 3 rows, not 2 × 3: {t:?}");
        assert_eq!(csv(&a).lines().nth(1), Some("1,A,"));
        assert_eq!(csv(&a).lines().nth(3), Some("1,,d1"));
    }

    #[test]
    fn header_names_are_unique() {
        let mut a = Answer::new(&["x", "x_id", "x"]).of_entities(&["x"]);
        a.push(
            vec![node("country:mx", "México"), Cell::Null, Cell::Null],
            vec![],
        );
        assert_eq!(header(&a), ["x_id", "x", "x_id_2", "x_id_3", "x_2"]);
    }

    #[test]
    fn a_node_in_an_unmarked_column_still_splits_and_text_in_an_entity_column_has_no_id() {
        let mut a = Answer::new(&["x"]);
        a.push(vec![node("country:mx", "México")], vec![]);
        a.push(vec![Cell::Text("libre".into())], vec![]);
        assert_eq!(csv(&a), "x_id,x\ncountry:mx,México\n,libre\n");
    }
}
