//! The compiled form of the rule tables' patterns: a [`Regex`] with two
//! shortcuts that never change what it matches, because extraction runs
//! some fifty patterns over every sentence and most of them match nowhere.
//!
//! - A **gate**: literals one of which every match must contain, found by
//!   walking the pattern's syntax tree (`aprob(?:o|aron)|se aprobo` needs
//!   "aprob"; a date needs a month name). A text with none of them is
//!   answered "no match" after one literal scan, without the regex. The
//!   gate is derived, not written: a new row in [`super::rules`] gets its
//!   own.
//! - An **ASCII twin**: the same pattern with ASCII word boundaries
//!   (`(?-u:\b)`) and its classes cut down to the characters a text can
//!   still hold, used on a text whose non-ASCII characters are neither
//!   word characters nor white space ("“", "—", which survive
//!   normalization). On such a text it matches exactly what the pattern
//!   does. The pattern's Unicode `\b` stops the regex crate's lazy DFA at
//!   the first non-ASCII byte and falls back to a slower engine, and its
//!   Unicode `\w`, `\d`, `\p{L}` make the automaton that reads capture
//!   groups thousands of states larger.

use regex::{CaptureMatches, Captures, Match, Matches, Regex};
use regex_syntax::hir::{Capture, Class, ClassUnicode, Hir, HirKind, Look, Repetition};

/// A pattern compiled with its gate and ASCII twin.
#[derive(Debug, Clone)]
pub struct Pattern {
    re: Regex,
    /// The ASCII twin, when it differs from `re`.
    ascii: Option<Regex>,
    /// Literals one of which every match contains, when they are worth a
    /// scan.
    gate: Option<Gate>,
}

#[derive(Debug, Clone)]
enum Gate {
    /// One or two literals: `str::contains`.
    Few(Vec<String>),
    /// More: one scan for all of them.
    Many(Regex),
}

impl Gate {
    fn new(literals: Vec<String>) -> Option<Gate> {
        if literals.len() <= 2 {
            return Some(Gate::Few(literals));
        }
        let alts: Vec<String> = literals.iter().map(|l| regex::escape(l)).collect();
        Regex::new(&alts.join("|")).ok().map(Gate::Many)
    }

    fn admits(&self, hay: &str) -> bool {
        match self {
            Gate::Few(lits) => lits.iter().any(|l| hay.contains(l.as_str())),
            Gate::Many(re) => re.is_match(hay),
        }
    }
}

impl Pattern {
    /// Compile `pattern` (regex crate syntax).
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
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
        Ok(Pattern { re, ascii, gate })
    }

    /// [`Pattern::new`] without a gate, for a caller that checks what
    /// the gate would (dates check for a month name once per sentence).
    pub fn ungated(pattern: &str) -> Result<Pattern, regex::Error> {
        Ok(Pattern {
            gate: None,
            ..Pattern::new(pattern)?
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        self.re.as_str()
    }

    /// The literals one of which every match contains, if the pattern is
    /// gated (for tests and diagnostics).
    pub fn gate(&self) -> Option<Vec<String>> {
        self.gate.as_ref().map(|g| match g {
            Gate::Few(l) => l.clone(),
            Gate::Many(re) => re.as_str().split('|').map(str::to_string).collect(),
        })
    }

    /// The regex to run on `hay`, or `None` when the gate rules a match out.
    fn pick(&self, hay: &str) -> Option<&Regex> {
        if self.gate.as_ref().is_some_and(|g| !g.admits(hay)) {
            return None;
        }
        match &self.ascii {
            Some(ascii) if ascii_reads(hay) => Some(ascii),
            _ => Some(&self.re),
        }
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.pick(hay).is_some_and(|re| re.is_match(hay))
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.pick(hay)?.find(hay)
    }

    /// [`Regex::find_at`]: the first match at or after `start`, with the
    /// text before `start` as context for word boundaries.
    pub fn find_at<'h>(&self, hay: &'h str, start: usize) -> Option<Match<'h>> {
        let rest = hay.get(start..);
        if rest.is_some_and(|r| self.gate.as_ref().is_some_and(|g| !g.admits(r))) {
            return None;
        }
        match &self.ascii {
            Some(ascii) if ascii_reads(hay) => ascii.find_at(hay, start),
            _ => self.re.find_at(hay, start),
        }
    }

    pub fn find_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> std::iter::Flatten<std::option::IntoIter<Matches<'r, 'h>>> {
        self.pick(hay)
            .map(|re| re.find_iter(hay))
            .into_iter()
            .flatten()
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.pick(hay)?.captures(hay)
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> std::iter::Flatten<std::option::IntoIter<CaptureMatches<'r, 'h>>> {
        self.pick(hay)
            .map(|re| re.captures_iter(hay))
            .into_iter()
            .flatten()
    }
}

/// True when the ASCII twin reads `hay` as the pattern does: its
/// non-ASCII characters (if any) are neither word characters nor white
/// space, so a Unicode word boundary is an ASCII one and no class of the
/// pattern could match them differently from the twin's.
fn ascii_reads(hay: &str) -> bool {
    hay.is_ascii()
        || !hay
            .chars()
            .any(|c| !c.is_ascii() && (regex_syntax::is_word_character(c) || c.is_whitespace()))
}

/// The characters [`ascii_reads`] keeps out of a text: non-ASCII word
/// characters and white space. The twin's classes may take them in or
/// leave them out, whichever makes the class simpler.
fn unread() -> ClassUnicode {
    let perl = |p: &str| match regex_syntax::Parser::new().parse(p).map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(c))) => c,
        _ => ClassUnicode::empty(),
    };
    let mut unread = perl(r"\w");
    unread.union(&perl(r"\s"));
    unread.difference(&perl(r"[\x00-\x7F]"));
    unread
}

/// The pattern's ASCII twin: word boundaries made ASCII, classes made as
/// simple as they can be on the texts it reads. `None` when that
/// changes nothing.
fn ascii_twin(hir: &Hir) -> Option<Hir> {
    let unread = unread();
    let mut changed = false;
    let twin = to_ascii(hir, &unread, &mut changed);
    changed.then_some(twin)
}

fn to_ascii(hir: &Hir, unread: &ClassUnicode, changed: &mut bool) -> Hir {
    let mut sub = |h: &Hir| Box::new(to_ascii(h, unread, changed));
    match hir.kind() {
        HirKind::Look(look) => {
            let ascii = match look {
                Look::WordUnicode => Look::WordAscii,
                Look::WordUnicodeNegate => Look::WordAsciiNegate,
                Look::WordStartUnicode => Look::WordStartAscii,
                Look::WordEndUnicode => Look::WordEndAscii,
                Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
                Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
                other => *other,
            };
            *changed |= ascii != *look;
            Hir::look(ascii)
        }
        HirKind::Class(Class::Unicode(cls)) => {
            // `\w` without the non-ASCII letters, `[^,]` as it is.
            let mut without = cls.clone();
            without.difference(unread);
            let mut with = cls.clone();
            with.union(unread);
            let simplest = [without, with, cls.clone()]
                .into_iter()
                .min_by_key(|c| c.ranges().len())
                .unwrap_or_else(|| cls.clone());
            *changed |= simplest != *cls;
            Hir::class(Class::Unicode(simplest))
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: sub(&rep.sub),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: sub(&cap.sub),
            ..cap.clone()
        }),
        HirKind::Concat(hs) => Hir::concat(hs.iter().map(|h| *sub(h)).collect()),
        HirKind::Alternation(hs) => Hir::alternation(hs.iter().map(|h| *sub(h)).collect()),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
    }
}

/// Most literals a set may hold (cross products and alternations beyond
/// it give up the exact set).
const MAX_SET: usize = 64;

/// A gate pays for its scan only when its literals are not everyday
/// words: every literal of three bytes or more ("de", "en" are in every
/// sentence).
fn worth_a_scan(lits: &[String]) -> bool {
    !lits.is_empty() && lits.iter().all(|l| l.len() >= 3)
}

/// What a sub-pattern says about the text it matches.
struct Lits {
    /// The matched text is exactly one of these.
    exact: Option<Vec<Vec<u8>>>,
    /// The matched text contains one of these.
    inner: Option<Vec<Vec<u8>>>,
}

impl Lits {
    fn exact(set: Vec<Vec<u8>>) -> Lits {
        Lits {
            exact: Some(set),
            inner: None,
        }
    }

    fn unknown() -> Lits {
        Lits {
            exact: None,
            inner: None,
        }
    }

    /// The most selective set one of whose literals the text contains.
    fn best(&self) -> Option<Vec<Vec<u8>>> {
        pick_best([self.inner.clone(), self.exact.clone()])
    }
}

/// Of several necessary sets, the most selective: literals of five bytes
/// are rare enough, so the one whose shortest literal is longest up to
/// that, then the one with the fewest literals (fewer to look for). A set
/// with an empty literal says nothing.
fn pick_best(sets: impl IntoIterator<Item = Option<Vec<Vec<u8>>>>) -> Option<Vec<Vec<u8>>> {
    sets.into_iter()
        .flatten()
        .filter(|s| !s.is_empty() && s.iter().all(|l| !l.is_empty()))
        .max_by_key(|s| {
            let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
            (shortest.min(5), std::cmp::Reverse(s.len()), shortest)
        })
}

fn dedup(mut v: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    v.sort();
    v.dedup();
    v
}

fn cross(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len().saturating_mul(b.len()) > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let mut s = x.clone();
            s.extend_from_slice(y);
            out.push(s);
        }
    }
    Some(dedup(out))
}

/// Literals one of which every match of `hir` contains, if there is such
/// a set.
fn required(hir: &Hir) -> Option<Vec<String>> {
    let set = analyze(hir).best()?;
    // A text with "aprobado" has "aprob": the longer literal adds nothing.
    let kept = set.iter().filter(|l| {
        !set.iter()
            .any(|m| m.len() < l.len() && l.windows(m.len()).any(|w| w == m.as_slice()))
    });
    kept.map(|l| String::from_utf8(l.clone()).ok()).collect()
}

fn analyze(hir: &Hir) -> Lits {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Lits::exact(vec![Vec::new()]),
        HirKind::Literal(lit) => Lits::exact(vec![lit.0.to_vec()]),
        HirKind::Class(Class::Unicode(cls)) => {
            let count: u32 = cls
                .ranges()
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            if count > 4 {
                return Lits::unknown();
            }
            let chars = cls.iter().flat_map(|r| r.start()..=r.end());
            Lits::exact(chars.map(|c| c.to_string().into_bytes()).collect())
        }
        HirKind::Class(Class::Bytes(_)) => Lits::unknown(),
        HirKind::Capture(cap) => analyze(&cap.sub),
        HirKind::Repetition(rep) => {
            let sub = analyze(&rep.sub);
            match (rep.min, rep.max) {
                (0, Some(1)) => Lits {
                    exact: sub.exact.map(|mut e| {
                        e.push(Vec::new());
                        dedup(e)
                    }),
                    inner: None,
                },
                (0, _) => Lits::unknown(),
                (1, Some(1)) => sub,
                _ => Lits {
                    exact: None,
                    inner: sub.best(),
                },
            }
        }
        HirKind::Concat(children) => {
            let mut candidates: Vec<Option<Vec<Vec<u8>>>> = Vec::new();
            // The exact set of the current run of exact children.
            let mut run: Option<Vec<Vec<u8>>> = Some(vec![Vec::new()]);
            let mut whole = true;
            for child in children {
                let l = analyze(child);
                // Each part's own literals are necessary too, and may be
                // fewer than the run's cross product.
                candidates.push(l.best());
                match (&run, &l.exact) {
                    (Some(r), Some(e)) => match cross(r, e) {
                        Some(x) => run = Some(x),
                        None => {
                            whole = false;
                            candidates.push(run.take());
                            run = Some(e.clone());
                        }
                    },
                    (None, Some(e)) => run = Some(e.clone()),
                    (_, None) => {
                        whole = false;
                        candidates.push(run.take());
                    }
                }
            }
            let exact = if whole { run.clone() } else { None };
            candidates.push(run);
            Lits {
                exact,
                inner: pick_best(candidates),
            }
        }
        HirKind::Alternation(children) => {
            let all: Vec<Lits> = children.iter().map(analyze).collect();
            let exact = all
                .iter()
                .map(|l| l.exact.clone())
                .collect::<Option<Vec<_>>>()
                .map(|sets| dedup(sets.concat()))
                .filter(|s| s.len() <= MAX_SET);
            let inner = all
                .iter()
                .map(Lits::best)
                .collect::<Option<Vec<_>>>()
                .map(|sets| dedup(sets.concat()))
                .filter(|s| s.len() <= MAX_SET);
            Lits { exact, inner }
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
        use crate::ingest::rules::*;
        let report = include_str!("../../data/documents/informe-ppt-mexico-2003.txt");
        let mut texts: Vec<String> = Vec::new();
        for line in report.lines().filter(|l| !l.trim().is_empty()) {
            texts.push(line.to_string());
            texts.push(crate::text::normalize(line));
        }
        let mut patterns: Vec<String> = vec![
            alternation(DECISIONS.iter().map(|c| c.pattern))
                .as_str()
                .into(),
            alternation(REQUESTS.iter().copied()).as_str().into(),
            alternation(CORRESPONDENCE.iter().map(|c| c.0))
                .as_str()
                .into(),
            alternation(ACTIONS.iter().map(|c| c.0)).as_str().into(),
        ];
        patterns.extend(STATUS.iter().map(|(p, _)| format!(r"\b(?:{p})\b")));
        patterns.extend(RESPONSES.iter().map(|(p, _)| p.to_string()));
        patterns.extend(
            [
                DESTINATION,
                FUTURE,
                FUTURE_ORIGINAL,
                CURRENT_MEETING,
                MEETING_FILLER,
                RESPONDED,
                REITERATIONS,
                MEMBERS,
                DEADLINE_BEFORE,
                ANAPHORA,
                HANDOVER,
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
