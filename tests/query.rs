//! Integration tests of the query language on a hand-built graph
//! (tests/common): one binary, one module per concern.

mod common;

#[path = "query/errors.rs"]
mod errors;
#[path = "query/patterns.rs"]
mod patterns;
#[path = "query/props.rs"]
mod props;
#[path = "query/questions.rs"]
mod questions;
