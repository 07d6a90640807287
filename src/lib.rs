//! acta: a knowledge base for the records of intergovernmental meetings.
//!
//! The data flow, one module per step: [`text`] (normalization) →
//! [`ingest`] (decode, structure, extract, resolve) → [`store`] (sled) →
//! [`graph`] (petgraph view) → query → output.

#![forbid(unsafe_code)]

pub mod graph;
pub mod ingest;
pub mod model;
pub mod reference;
pub mod store;
pub mod text;
