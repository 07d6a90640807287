//! Notes for the user beside an answer: what acta did differently from
//! usual and the user should know (a full disk read through a copy, a view
//! that could not be saved). The library prints nothing: it keeps them
//! here, and the front end (`acta`'s exit, the REPL) takes and prints them.

use std::sync::Mutex;

/// At most this many notes wait; more of them say nothing new.
const MOST: usize = 20;

static NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Keep a note for the user (once: the same note again is dropped).
pub(crate) fn note(text: String) {
    let mut notes = NOTES.lock().unwrap_or_else(|p| p.into_inner());
    if notes.len() < MOST && !notes.contains(&text) {
        notes.push(text);
    }
}

/// The notes kept since the last call, oldest first.
pub fn take_notes() -> Vec<String> {
    std::mem::take(&mut *NOTES.lock().unwrap_or_else(|p| p.into_inner()))
}
