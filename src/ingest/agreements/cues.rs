//! Where an item's decisions are: the decision phrases of a sentence
//! (`[follow_up] decided` of the language profiles) and, for each, the
//! meetings named with it.

use super::patterns;
use crate::ingest::pattern::Pattern;
use crate::ingest::profile::{decided, Decision};
use crate::ingest::rules::compile;
use crate::ingest::sentence::Sentence;
use std::sync::OnceLock;

/// A decision phrase in a sentence: where it is and what it does.
pub(super) struct Cue {
    pub start: usize,
    pub end: usize,
    pub decision: Decision,
    pub weak: bool,
}

pub(super) fn cues(s: &Sentence) -> Vec<Cue> {
    let mut out = Vec::new();
    for c in patterns().decisions.captures_iter(s.hay()) {
        let Some(i) = (1..c.len()).find(|&i| c.get(i).is_some()) else {
            continue;
        };
        let (Some(m), Some(row)) = (c.get(i), decided().get(i - 1)) else {
            continue;
        };
        let (start, end) = (s.orig(m.start()), s.end_of(m.end()));
        if s.in_meeting(start, end) && row.decision != Decision::Endorsed {
            continue;
        }
        if row.weak {
            // A secretariat asking is follow-up, not a decision.
            let actor = s
                .mentions
                .iter()
                .rev()
                .find(|x| x.end <= start && !s.in_meeting(x.start, x.end));
            if actor.is_some_and(|a| crate::reference::roles().organs.contains(&a.id)) {
                continue;
            }
        }
        out.push(Cue {
            start,
            end,
            decision: row.decision,
            weak: row.weak,
        });
    }
    out
}

pub(super) fn words_between(s: &Sentence, a: usize, b: usize) -> usize {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    s.slice(x, y).split_whitespace().count()
}

/// For each cue, the meeting ids named with it (and whether each is a
/// bare body mention). A meeting goes to the phrase right before it when
/// nothing separates them ("se solicitó en el GRCM de octubre 2002",
/// "recomendó esta actividad durante su reunión del 28 de octubre"), else
/// to the phrase after it ("Durante la VII CRM, los Viceministros
/// aprobaron"), else to the nearest.
pub(super) fn assign(s: &Sentence, cues: &[Cue]) -> Vec<Vec<(String, bool)>> {
    static BREAK: OnceLock<Pattern> = OnceLock::new();
    let brk = BREAK.get_or_init(|| compile(r"[,;]|\by\b|\be\b|\bpero\b|\bmientras\b"));
    let mut out: Vec<Vec<(String, bool)>> = vec![Vec::new(); cues.len()];
    // A meeting told of in passing adopted nothing here, unless the
    // sentence's act was done at it ([`MeetingRef::at`]).
    for r in s
        .meetings
        .iter()
        .filter(|r| !r.destination && (!r.aside || r.at))
    {
        let Some(id) = &r.id else { continue };
        let before = cues
            .iter()
            .enumerate()
            .rev()
            .find(|(_, c)| c.end <= r.start);
        let after = cues.iter().enumerate().find(|(_, c)| c.start >= r.end);
        let close_before = before.filter(|(_, c)| !brk.is_match(s.hay_between(c.end, r.start)));
        let best = close_before
            .or(after)
            .or(before)
            .map(|(i, _)| i)
            .or_else(|| {
                cues.iter()
                    .enumerate()
                    .min_by_key(|(_, c)| {
                        words_between(s, c.start.min(r.start), c.start.max(r.start))
                    })
                    .map(|(i, _)| i)
            });
        if let Some(i) = best {
            if !out[i].iter().any(|(x, _)| x == id) {
                out[i].push((id.clone(), r.weak));
            }
        }
    }
    for v in &mut out {
        if v.iter().any(|(_, weak)| !weak) {
            v.retain(|(_, weak)| !weak);
        }
    }
    out
}
