//! What a query returns: a table of values with, for every row, the
//! sources it rests on, and caveats for the whole answer (partial
//! knowledge, `as of` views). An [`Answer`] does not borrow the graph, so
//! it can be rendered, stored or sent anywhere; `crate::output` renders it.

use crate::model::{DateValue, EdgeKind, Kind, Provenance};
use serde::Serialize;

/// One value of an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
    Date(DateValue),
    Node {
        id: String,
        kind: Kind,
        name: String,
    },
    Edge {
        kind: EdgeKind,
        from: String,
        to: String,
    },
    List(Vec<Cell>),
}

impl Cell {
    /// The cell as plain text, as tables show it: nodes as `name (id)`,
    /// lists joined with `, `, null as the empty string. (CSV, TSV and
    /// JSON records split nodes and lists: `crate::output`.)
    pub fn text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Bool(b) => b.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.to_string(),
            Cell::Node { id, name, .. } => {
                if name.is_empty() || name == id {
                    id.clone()
                } else {
                    format!("{name} ({id})")
                }
            }
            Cell::Edge { kind, from, to } => format!("{from} -[{kind}]-> {to}"),
            Cell::List(items) => items.iter().map(Cell::text).collect::<Vec<_>>().join(", "),
        }
    }

    /// Whether the cell is a node, or a list with a node in it.
    pub fn holds_node(&self) -> bool {
        match self {
            Cell::Node { .. } => true,
            Cell::List(items) => items.iter().any(Cell::holds_node),
            _ => false,
        }
    }
}

/// Where a row's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// `extracted`, `reference` or `annotated`.
    pub origin: &'static str,
    /// Document id, for extracted facts.
    pub doc: Option<String>,
    /// Section id in the document's numbering, for extracted facts.
    pub section: Option<String>,
    /// The sentence the fact was read from, for extracted facts.
    pub sentence: Option<String>,
    /// A one-line citation: `doc §section`, the gazetteer's source, or the
    /// annotation's author and reason.
    pub cite: String,
    /// Where the sentence is in the document's text (byte offsets), for
    /// extracted facts; readers that show the text highlight it.
    #[serde(skip)]
    pub span: Option<(usize, usize)>,
    /// The page of a PDF the sentence is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

impl Source {
    /// The source with the page its sentence is on, named in its citation.
    pub(crate) fn on_page(mut self, page: Option<usize>) -> Source {
        if let Some(p) = page {
            self.cite = format!("{}, p. {p}", self.cite);
            self.page = Some(p);
        }
        self
    }

    /// A source from a provenance; `sentence` is looked up by the caller.
    pub(crate) fn from_prov(prov: &Provenance, sentence: Option<&str>) -> Source {
        let sentence = sentence.map(crate::text::squash);
        match prov {
            Provenance::Extracted { doc, section, span } => Source {
                origin: prov.origin(),
                span: Some((span.start, span.end)),
                page: None,
                doc: Some(doc.to_string()),
                section: (!section.is_empty()).then(|| section.to_string()),
                sentence,
                cite: if section.is_empty() {
                    doc.to_string()
                } else {
                    format!("{doc} §{section}")
                },
            },
            Provenance::Reference { source } => Source {
                origin: prov.origin(),
                doc: None,
                section: None,
                sentence: None,
                cite: format!("reference: {source}"),
                span: None,
                page: None,
            },
            Provenance::Annotated { .. } => Source {
                origin: prov.origin(),
                doc: None,
                section: None,
                sentence: None,
                cite: prov.to_string(),
                span: None,
                page: None,
            },
        }
    }
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows of cells, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
    /// For each row, the sources it rests on (same length as `rows`).
    pub sources: Vec<Vec<Source>>,
    /// Things the reader must know to read the answer right: respondents
    /// the sources do not name, the date of an `as of` view.
    pub caveats: Vec<String>,
    /// A text rendering for people that replaces the table in `table`
    /// output (entity cards, explanations); JSON and CSV use the rows.
    pub text: Option<String>,
    /// For each column, whether it holds entities (nodes, or lists of
    /// them), known from the query itself so an answer with no rows has
    /// the same CSV header (`<column>_id`, `<column>`) as one with rows.
    /// Shorter than `columns` means `false` for the rest.
    pub entities: Vec<bool>,
}

impl Answer {
    /// An answer with these columns and no rows.
    pub(crate) fn new(columns: &[&str]) -> Answer {
        Answer {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            ..Answer::default()
        }
    }

    /// The answer with the columns named in `columns` marked as holding
    /// entities.
    pub(crate) fn of_entities(mut self, columns: &[&str]) -> Answer {
        self.entities = self
            .columns
            .iter()
            .map(|c| columns.contains(&c.as_str()))
            .collect();
        self
    }

    /// Whether column `i` holds entities, by the query ([`Answer::entities`])
    /// or, should the query not say, because a row holds one there.
    pub fn is_entity_column(&self, i: usize) -> bool {
        self.entities.get(i).copied().unwrap_or(false)
            || self
                .rows
                .iter()
                .any(|r| r.get(i).is_some_and(Cell::holds_node))
    }

    /// Add a row with its sources.
    pub(crate) fn push(&mut self, row: Vec<Cell>, sources: Vec<Source>) {
        self.rows.push(row);
        self.sources.push(sources);
    }

    /// Add a caveat once.
    pub(crate) fn caveat(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !self.caveats.contains(&text) {
            self.caveats.push(text);
        }
    }
}
