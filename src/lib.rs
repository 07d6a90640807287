//! acta: a knowledge base for the records of intergovernmental meetings.
//!
//! The data flow, one module per step: [`text`] (normalization) →
//! [`ingest`] (decode, structure, extract, resolve) → [`store`] (sled) →
//! [`graph`] (petgraph view) → [`query`] (grammar, questions, patterns) →
//! [`output`] (table, JSON, CSV). [`kb`] ties a store to the
//! gazetteer and reads a saved view ([`graph::snapshot`]) when it is
//! current; [`sym`] shares the ids and provenance that facts repeat;
//! [`card`] and [`export`] render what the graph holds.
//! [`synth`] makes synthetic reports for tests and benchmarks.

#![forbid(unsafe_code)]

pub mod annotate;
pub mod card;
pub mod error;
pub mod export;
pub mod graph;
pub mod help;
pub mod ingest;
pub mod kb;
pub mod link;
pub mod model;
pub mod output;
pub mod query;
pub mod reference;
pub mod repl;
pub mod script;
pub mod session;
pub mod store;
pub mod synth;
pub mod text;
pub mod trace;
pub mod view;
