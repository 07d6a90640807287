//! acta: a knowledge base for the records of intergovernmental meetings.
//!
//! The data flow, one module per step: [`text`] (normalization) →
//! [`ingest`] (decode, structure, extract, resolve) → [`store`] (sled) →
//! [`graph`] (petgraph view) → query → output. [`kb`] ties a store to the
//! gazetteer; [`card`] and [`export`] render what the graph holds.
//! [`synth`] makes synthetic reports for tests and benchmarks.

#![forbid(unsafe_code)]

pub mod card;
pub mod error;
pub mod export;
pub mod graph;
pub mod ingest;
pub mod kb;
pub mod model;
pub mod reference;
pub mod store;
pub mod synth;
pub mod text;
