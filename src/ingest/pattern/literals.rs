//! Literals a pattern cannot match without: walking its syntax tree,
//! each part says which strings it matches exactly (a literal, a small
//! class, an optional piece) or which strings any match of it contains; a
//! sequence multiplies exact sets out and keeps the most selective set of
//! its parts, an alternation unites its branches' sets. `aprob(?:o|aron)`
//! needs "aprob"; a date shape needs a month name; `\w+` alone needs
//! nothing. The set is a necessary condition only: a text with one of the
//! literals may still not match.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Most literals a set may hold (cross products and alternations beyond
/// it give up the exact set).
const MAX_SET: usize = 64;

/// A gate pays for its scan only when its literals are not everyday
/// words: every literal of three bytes or more ("de", "en" are in every
/// sentence).
pub(super) fn worth_a_scan(lits: &[String]) -> bool {
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
pub(super) fn required(hir: &Hir) -> Option<Vec<String>> {
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
