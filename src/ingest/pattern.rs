//! The compiled form of the rule tables' patterns: a [`Regex`] with
//! shortcuts that never change what it matches, because extraction runs
//! some fifty patterns over every sentence and most of them match nowhere.
//!
//! - A **gate** ([`literals`]): literals one of which every match must
//!   contain, derived from the pattern's syntax tree (so a new row in
//!   [`super::rules`] gets its own). A text with none of them is answered
//!   "no match" without the regex. A sentence's [`Signature`] says which
//!   gate literals it holds, read once for all patterns; other texts are
//!   scanned for the pattern's own literals.
//! - An **ASCII twin** ([`twin`]): the same pattern with ASCII word
//!   boundaries and simpler classes, for texts on which it matches
//!   exactly what the pattern does (most normalized sentences), where the
//!   regex crate's fast engines can run.
//!
//! Compiled patterns are kept by their text and shared ([`Pattern`] is an
//! `Arc`): a pattern built per document from a profile's words (the
//! gathering words, a place) is compiled once per process, and its regexes
//! keep the lazy DFA states they built on earlier documents.

mod literals;
mod signature;
mod twin;

pub use signature::{Literals, Signature};

use literals::{required, worth_a_scan};
use regex::{CaptureMatches, Captures, Match, Matches, Regex};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use twin::{ascii_reads, ascii_twin};

/// A text for a pattern: a string, and when it is (part of) a sentence's
/// normalized text, the sentence's signature.
#[derive(Debug, Clone, Copy)]
pub struct Hay<'h> {
    pub text: &'h str,
    signature: Option<&'h Signature>,
}

impl<'h> Hay<'h> {
    /// `text`, which is the text `signature` was read from or a piece of it.
    pub fn signed(text: &'h str, signature: &'h Signature) -> Hay<'h> {
        Hay {
            text,
            signature: Some(signature),
        }
    }
}

impl Hay<'_> {
    /// [`ascii_reads`] of the text, as its signature found it when it has one.
    fn ascii_reads(&self) -> bool {
        self.signature
            .and_then(Signature::ascii_reads)
            .unwrap_or_else(|| ascii_reads(self.text))
    }
}

impl<'h> From<&'h str> for Hay<'h> {
    fn from(text: &'h str) -> Hay<'h> {
        Hay {
            text,
            signature: None,
        }
    }
}

impl<'h> From<&'h String> for Hay<'h> {
    fn from(text: &'h String) -> Hay<'h> {
        Hay::from(text.as_str())
    }
}

/// A pattern compiled with its gate and ASCII twin; cloning shares it.
#[derive(Debug, Clone)]
pub struct Pattern {
    inner: Arc<Compiled>,
}

#[derive(Debug)]
struct Compiled {
    re: Regex,
    /// The ASCII twin, when it differs from `re`.
    ascii: Option<Regex>,
    /// Literals one of which every match contains, when they are worth a
    /// scan.
    gate: Option<Gate>,
}

#[derive(Debug, Clone)]
struct Gate {
    literals: Vec<String>,
    /// Their ids in the signatures' vocabulary.
    ids: Vec<u32>,
    /// More than two literals: one scan for all of them.
    scan: Option<Regex>,
}

impl Gate {
    fn new(literals: Vec<String>) -> Option<Gate> {
        let scan = if literals.len() > 2 {
            let alts: Vec<String> = literals.iter().map(|l| regex::escape(l)).collect();
            Some(Regex::new(&alts.join("|")).ok()?)
        } else {
            None
        };
        Some(Gate {
            ids: signature::register(&literals),
            literals,
            scan,
        })
    }

    /// False when `hay` holds none of the literals.
    fn admits(&self, hay: Hay) -> bool {
        if let Some(known) = hay.signature.and_then(|s| s.any(&self.ids)) {
            return known;
        }
        match &self.scan {
            Some(re) => re.is_match(hay.text),
            None => self.literals.iter().any(|l| hay.text.contains(l.as_str())),
        }
    }
}

/// How many compiled patterns are kept; past it, new ones are compiled
/// and not kept (patterns come from rule tables and profiles, a few
/// hundred).
const KEPT: usize = 4096;

/// Compiled patterns by text, and whether gated.
static COMPILED: Mutex<Option<HashMap<(String, bool), Pattern>>> = Mutex::new(None);

/// The pattern `pattern` (gated or not) compiled by `make`, or as kept.
fn kept(
    pattern: &str,
    gated: bool,
    make: impl FnOnce() -> Result<Compiled, regex::Error>,
) -> Result<Pattern, regex::Error> {
    let key = (pattern.to_string(), gated);
    let lock = || COMPILED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(p) = lock().as_ref().and_then(|m| m.get(&key)) {
        return Ok(p.clone());
    }
    let p = Pattern {
        inner: Arc::new(make()?),
    };
    let mut guard = lock();
    let map = guard.get_or_insert_with(HashMap::new);
    if map.len() < KEPT {
        map.insert(key, p.clone());
    }
    Ok(p)
}

impl Compiled {
    fn new(pattern: &str) -> Result<Compiled, regex::Error> {
        let re = Regex::new(pattern)?;
        let hir = regex_syntax::Parser::new().parse(pattern).ok();
        let ascii = match hir.as_ref().and_then(ascii_twin) {
            Some(twin) => Some(Regex::new(&twin.to_string())?),
            None => None,
        };
        let gate = hir
            .as_ref()
            .and_then(required)
            .filter(|lits| worth_a_scan(lits))
            .and_then(Gate::new);
        Ok(Compiled { re, ascii, gate })
    }
}

impl Pattern {
    /// Compile `pattern` (regex crate syntax), or share the one compiled
    /// before.
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        kept(pattern, true, || Compiled::new(pattern))
    }

    /// [`Pattern::new`] without a gate, for a caller that checks what
    /// the gate would (dates check for a month name once per sentence).
    pub fn ungated(pattern: &str) -> Result<Pattern, regex::Error> {
        kept(pattern, false, || {
            Ok(Compiled {
                gate: None,
                ..Compiled::new(pattern)?
            })
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        self.inner.re.as_str()
    }

    /// The literals one of which every match contains, if the pattern is
    /// gated (for tests and diagnostics).
    pub fn gate(&self) -> Option<Vec<String>> {
        self.inner.gate.as_ref().map(|g| g.literals.clone())
    }

    /// The regex to run on `hay`, or `None` when the gate rules a match out.
    fn pick(&self, hay: Hay) -> Option<&Regex> {
        if self.inner.gate.as_ref().is_some_and(|g| !g.admits(hay)) {
            return None;
        }
        match &self.inner.ascii {
            Some(ascii) if hay.ascii_reads() => Some(ascii),
            _ => Some(&self.inner.re),
        }
    }

    pub fn is_match<'h>(&self, hay: impl Into<Hay<'h>>) -> bool {
        let hay = hay.into();
        self.pick(hay).is_some_and(|re| re.is_match(hay.text))
    }

    pub fn find<'h>(&self, hay: impl Into<Hay<'h>>) -> Option<Match<'h>> {
        let hay = hay.into();
        self.pick(hay)?.find(hay.text)
    }

    /// [`Regex::find_at`]: the first match at or after `start`, with the
    /// text before `start` as context for word boundaries.
    pub fn find_at<'h>(&self, hay: impl Into<Hay<'h>>, start: usize) -> Option<Match<'h>> {
        let hay = hay.into();
        let rest = hay.text.get(start..).map(|r| Hay { text: r, ..hay });
        if rest.is_some_and(|r| self.inner.gate.as_ref().is_some_and(|g| !g.admits(r))) {
            return None;
        }
        match &self.inner.ascii {
            Some(ascii) if hay.ascii_reads() => ascii.find_at(hay.text, start),
            _ => self.inner.re.find_at(hay.text, start),
        }
    }

    pub fn find_iter<'r, 'h>(
        &'r self,
        hay: impl Into<Hay<'h>>,
    ) -> std::iter::Flatten<std::option::IntoIter<Matches<'r, 'h>>> {
        let hay = hay.into();
        self.pick(hay)
            .map(|re| re.find_iter(hay.text))
            .into_iter()
            .flatten()
    }

    pub fn captures<'h>(&self, hay: impl Into<Hay<'h>>) -> Option<Captures<'h>> {
        let hay = hay.into();
        self.pick(hay)?.captures(hay.text)
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: impl Into<Hay<'h>>,
    ) -> std::iter::Flatten<std::option::IntoIter<CaptureMatches<'r, 'h>>> {
        let hay = hay.into();
        self.pick(hay)
            .map(|re| re.captures_iter(hay.text))
            .into_iter()
            .flatten()
    }
}

/// Several patterns read together: which of them match a text, found in
/// one scan of it ([`regex::RegexSet`]) rather than one per pattern, for
/// callers that run each pattern that matches. The same answers as
/// [`Pattern::is_match`] of each (the ASCII twins where they read the text).
#[derive(Debug, Clone)]
pub struct PatternSet {
    set: regex::RegexSet,
    /// The twins' set, when one of the patterns has a twin.
    ascii: Option<regex::RegexSet>,
}

impl PatternSet {
    pub fn new(patterns: &[&Pattern]) -> Result<PatternSet, regex::Error> {
        let set = regex::RegexSet::new(patterns.iter().map(|p| p.inner.re.as_str()))?;
        let ascii = if patterns.iter().any(|p| p.inner.ascii.is_some()) {
            let twins = patterns
                .iter()
                .map(|p| p.inner.ascii.as_ref().unwrap_or(&p.inner.re).as_str());
            Some(regex::RegexSet::new(twins)?)
        } else {
            None
        };
        Ok(PatternSet { set, ascii })
    }

    /// Which patterns match `hay`, by their index.
    pub fn matches<'h>(&self, hay: impl Into<Hay<'h>>) -> regex::SetMatches {
        let hay = hay.into();
        match &self.ascii {
            Some(ascii) if hay.ascii_reads() => ascii.matches(hay.text),
            _ => self.set.matches(hay.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(p: &str) -> Option<Vec<String>> {
        Pattern::new(p).expect("pattern").gate()
    }

    #[test]
    fn gates_are_literals_every_match_needs() {
        assert_eq!(
            gate(r"\b(?:se (?:le |les )?solicito|(?:le |les )?solicit(?:o|aron))\b"),
            Some(vec!["solicit".to_string()])
        );
        assert_eq!(gate(r"\b\w+r(?:á|án)\b"), Some(vec!["rá".to_string()]));
        // "de" and "en" are no gate; a pattern that can match anything has none.
        assert_eq!(gate(r"\b(?:en|de)\s+\d"), None);
        assert_eq!(gate(r"(?:\w+\s+){0,3}$"), None);
        assert_eq!(gate(r"^\s*(?:de\s+)?$"), None);
    }

    #[test]
    fn shortcuts_do_not_change_matches() {
        let texts = [
            "el GRCM aprobó, y se le solicitó",
            "“se le solicitó” — la OIM",
            "straße solicito",
            "ßsolicito solicitoß x",
            "",
            "se les solicitaron",
            "se\u{a0}les solicito a 12 y ٣ países",
            "“solicito”—solicito_ solicito2",
        ];
        for p in [
            r"\b(?:se (?:le |les )?solicito|(?:le |les )?solicit(?:o|aron))\b",
            r"\bsolicit\w*\B",
            r"(?:le |les )?solicit",
            r"\b(?P<n>\d+|se)\s+(\w+)",
        ] {
            assert_same(p, &texts);
        }
    }

    /// The matches and groups of `Pattern` and of the plain regex agree.
    fn assert_same<T: AsRef<str>>(p: &str, texts: &[T]) {
        let spans = |c: Captures| -> Vec<Option<(usize, usize)>> {
            c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()
        };
        let plain = Regex::new(p).expect("regex");
        let fast = Pattern::new(p).expect("pattern");
        for t in texts.iter().map(AsRef::as_ref) {
            let a: Vec<_> = plain.captures_iter(t).map(spans).collect();
            let b: Vec<_> = fast.captures_iter(t).map(spans).collect();
            assert_eq!(a, b, "{p} on {t:?}");
            assert_eq!(plain.is_match(t), fast.is_match(t), "{p} on {t:?}");
        }
    }

    #[test]
    fn rule_tables_match_as_written() {
        use crate::ingest::profile::{event_kinds, events_pattern};
        use crate::ingest::rules::*;
        let report = include_str!("../../data/documents/informe-ppt-mexico-2003.txt");
        let mut texts: Vec<String> = Vec::new();
        for line in report.lines().filter(|l| !l.trim().is_empty()) {
            texts.push(line.to_string());
            texts.push(crate::text::normalize(line));
        }
        let mut patterns: Vec<String> = vec![
            alternation(
                crate::ingest::profile::decided()
                    .iter()
                    .map(|c| c.pattern.as_str()),
            )
            .as_str()
            .into(),
            alternation(crate::ingest::profile::follow_up(|f| &f.asked))
                .as_str()
                .into(),
            alternation(event_kinds(|e| &e.correspondence).into_iter().map(|c| c.0))
                .as_str()
                .into(),
            alternation(event_kinds(|e| &e.acts).into_iter().map(|c| c.0))
                .as_str()
                .into(),
        ];
        let profile = crate::ingest::profile::statuses();
        patterns.extend(profile.iter().map(|(p, _)| format!(r"\b(?:{p})\b")));
        patterns.extend(crate::ingest::profile::counts().into_iter().map(|(p, _)| p));
        type List = fn(&crate::ingest::profile::FollowUp) -> &Vec<String>;
        let lists: [(List, &str); 4] = [
            (|f| &f.responded, r"\b"),
            (|f| &f.reiterations, r"\b"),
            (|f| &f.members, r"\b"),
            (|f| &f.deadline_before, r"\s*$"),
        ];
        for (list, end) in lists {
            patterns.push(crate::ingest::profile::follow_up_pattern(list, end));
        }
        patterns.push(events_pattern(|e| &e.anaphora, r"\b"));
        patterns.push(events_pattern(|e| &e.handover, r"\b"));
        patterns.extend(
            [
                DESTINATION,
                FUTURE,
                FUTURE_ORIGINAL,
                CURRENT_MEETING,
                MEETING_FILLER,
                PROPOSERS,
                ROLE_TITLES,
                TITLE,
                TITLE_END,
            ]
            .map(str::to_string),
        );
        for p in &patterns {
            assert_same(p, &texts);
        }
    }

    #[test]
    fn signed_texts_answer_as_plain_ones() {
        let p = Pattern::new(r"\b(?:se (?:le |les )?solicito|acordaron)\b").expect("pattern");
        // Read once so that the vocabulary has the pattern's literals.
        let _ = Signature::of("");
        for t in ["se le solicito", "se le solicitó", "acordaron", "nada", ""] {
            let sig = Signature::of(t);
            for piece in [t, t.get(3..).unwrap_or("")] {
                assert_eq!(
                    p.is_match(Hay::signed(piece, &sig)),
                    p.is_match(piece),
                    "{piece:?}"
                );
            }
        }
    }

    #[test]
    fn twins_are_ascii() {
        let twin = |p: &str| {
            let hir = regex_syntax::Parser::new().parse(p).expect("pattern");
            ascii_twin(&hir).map(|h| h.to_string())
        };
        assert_eq!(twin(r"\bx\B").as_deref(), Some(r"(?:(?-u:\b)x(?-u:\B))"));
        assert_eq!(twin(r"a\\b"), None);
        assert!(twin(r"(?P<n>\w+)\s").is_some_and(|t| !t.contains('\u{e9}')));
        assert!(ascii_reads(
            "“se les” — solicitó".replace('ó', "o").as_str()
        ));
        assert!(!ascii_reads("solicitó") && !ascii_reads("a\u{a0}b"));
    }
}
