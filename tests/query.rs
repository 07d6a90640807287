//! Integration tests of the query language on a hand-built graph
//! (`query/fixture.rs`): one binary, one module per concern.

mod common;
#[path = "query/fixture.rs"]
mod fixture;

#[path = "query/errors.rs"]
mod errors;
#[path = "query/patterns.rs"]
mod patterns;
#[path = "query/questions.rs"]
mod questions;
