//! Which gate literals a sentence holds, found once for all patterns.
//!
//! Every gated [`super::Pattern`] registers its literals in one vocabulary.
//! A [`Signature`] of a text is the set of vocabulary literals it contains,
//! read in one Aho-Corasick pass; a pattern asked about the text (or a
//! piece of it: a literal missing from the whole is missing from every
//! piece) looks its literals up instead of scanning for them, some forty
//! scans per sentence.
//!
//! Patterns are compiled on first use, so the vocabulary grows while the
//! first document is read. A signature knows how many literals it was read
//! with and answers only for those; a pattern with a later literal scans
//! as before. The answer never depends on what the signature knows, only
//! the work does.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// The registered literals, and the automaton over the first `known` of
/// them.
#[derive(Default)]
struct Vocabulary {
    literals: Vec<String>,
    ids: HashMap<String, u32>,
    scanner: Option<Arc<Scanner>>,
}

struct Scanner {
    dfa: Literals,
    known: u32,
}

static VOCABULARY: Mutex<Option<Vocabulary>> = Mutex::new(None);

fn with_vocabulary<T>(f: impl FnOnce(&mut Vocabulary) -> T) -> T {
    let mut guard = VOCABULARY.lock().unwrap_or_else(PoisonError::into_inner);
    f(guard.get_or_insert_with(Vocabulary::default))
}

/// Ids of `literals` in the vocabulary, registering the new ones.
pub(super) fn register(literals: &[String]) -> Vec<u32> {
    with_vocabulary(|v| {
        literals
            .iter()
            .map(|l| match v.ids.get(l) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(v.literals.len()).unwrap_or(u32::MAX);
                    v.literals.push(l.clone());
                    v.ids.insert(l.clone(), id);
                    id
                }
            })
            .collect()
    })
}

/// The automaton over the whole vocabulary as it stands (built again
/// after it grew).
fn scanner() -> Option<Arc<Scanner>> {
    with_vocabulary(|v| {
        let known = u32::try_from(v.literals.len()).ok()?;
        if v.scanner.as_ref().is_none_or(|s| s.known != known) {
            let dfa = Literals::new(&v.literals)?;
            v.scanner = Some(Arc::new(Scanner { dfa, known }));
        }
        v.scanner.clone()
    })
}

/// An Aho-Corasick DFA over a set of literals, walked by hand: through
/// `AhoCorasick` every byte is a virtual call, and the overlapping
/// iterator's bookkeeping is most of the rest.
#[derive(Debug, Clone)]
pub struct Literals {
    dfa: DFA,
}

impl Literals {
    pub fn new<S: AsRef<[u8]>>(literals: &[S]) -> Option<Literals> {
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(literals)
            .ok()?;
        Some(Literals { dfa })
    }

    /// Call `f(literal index, start, end)` for every occurrence of every
    /// literal in `text`, overlapping ones included, in order of their end.
    #[inline]
    pub fn each(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        let dfa = &self.dfa;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return;
        };
        for (i, &b) in text.as_bytes().iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if dfa.is_special(sid) && dfa.is_match(sid) {
                for k in 0..dfa.match_len(sid) {
                    let pid = dfa.match_pattern(sid, k);
                    let end = i + 1;
                    f(pid.as_usize(), end - dfa.pattern_len(pid), end);
                }
            }
        }
    }
}

/// The vocabulary literals a text contains.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// Literals `0..known` were looked for.
    known: u32,
    bits: Vec<u64>,
    /// Whether the patterns' ASCII twins read the text (see
    /// `twin::ascii_reads`), found once for every pattern run over it
    /// (or over a part of it); `None` when not looked at.
    ascii: Option<bool>,
}

impl Signature {
    /// Read `text` for every literal registered so far.
    pub fn of(text: &str) -> Signature {
        let ascii = Some(super::twin::ascii_reads(text));
        let Some(scanner) = scanner().filter(|s| s.known > 0) else {
            return Signature {
                ascii,
                ..Signature::default()
            };
        };
        let mut bits = vec![0u64; (scanner.known as usize).div_ceil(64)];
        scanner
            .dfa
            .each(text, |id, _, _| bits[id / 64] |= 1 << (id % 64));
        Signature {
            known: scanner.known,
            bits,
            ascii,
        }
    }

    /// Whether the ASCII twins read the text read (and so any part of it:
    /// a part holds none of the characters the whole does not).
    pub(super) fn ascii_reads(&self) -> Option<bool> {
        self.ascii
    }

    /// Whether the text holds one of the literals `ids`; `None` when one
    /// of them was registered after the text was read.
    pub(super) fn any(&self, ids: &[u32]) -> Option<bool> {
        if ids.iter().any(|&id| id >= self.known) {
            return None;
        }
        Some(ids.iter().any(|&id| {
            let id = id as usize;
            self.bits[id / 64] & (1 << (id % 64)) != 0
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_answers_for_what_it_read() {
        let ids = register(&["zqxsolicit".to_string(), "zqxpendiente".to_string()]);
        let s = Signature::of("se zqxsolicitó, zqxsolicito");
        assert_eq!(s.any(&ids[..1]), Some(true));
        assert_eq!(s.any(&ids[1..]), Some(false));
        let later = register(&["zqxlater".to_string()]);
        assert_eq!(s.any(&later), None);
        assert_eq!(Signature::default().any(&ids), None);
    }
}
