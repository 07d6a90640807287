//! The interactive REPL (rustyline): banner, persistent history, meta
//! commands, and statements handed to the [`crate::session::Session`].
//! Ctrl-C cancels the line, Ctrl-D quits.

pub mod complete;
