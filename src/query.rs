//! The query language: questions and patterns in, answers out.
pub mod ast;
pub mod error;
pub mod parse;
