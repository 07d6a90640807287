//! Decisions in running prose, with the words of the reading [`Profile`]:
//! a sentence with a prose phrase (`We agree to keep promoting …`), an
//! opener at the start of a line (`- Reafirman los principios …`), an act
//! whose subject is a body that decides (`los países miembros eligieron a
//! …`, `El GMC tomó nota de …`), or a paragraph opening with an operative
//! verb under a lead line naming who decides (`Las y los Viceministros:` …
//! `Reconocer el trabajo …`). Also what is *not* a decision: an item that
//! opens like a preamble (`Having debated …`, `Considerando …`), and a
//! decision phrase told after words of reported speech (`subrayaron que
//! hace poco se aprobó …`), which tells of an earlier decision.

use super::decisions::Item;
use super::facts::Facts;
use super::listed::inside;
use super::profile::{find_phrase, uncounted, words, Profile, Starts};
use super::sentence::Sentence;
use crate::model::{Kind, Provenance, Span, Value};
use std::collections::HashSet;

/// Where the first told phrase of `w` starts, if any.
fn told_at(p: &Profile, w: &str) -> Option<usize> {
    p.decisions
        .told
        .iter()
        .filter_map(|t| find_phrase(w, t))
        .min()
}

/// True when the words right before `at` in `w` deny what follows
/// (`no llegaron a un acuerdo`).
fn negated(p: &Profile, w: &str, at: usize) -> bool {
    let before = w.get(..at).unwrap_or("").trim_end();
    p.decisions.negations.iter().any(|n| {
        before
            .strip_suffix(n.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// The body whose meeting the document records: its id, and its names
/// in [`words`] form (those of its series profile).
#[derive(Clone, Copy, Default)]
pub struct OwnBody<'a> {
    pub id: Option<&'a str>,
    pub names: &'a [String],
}

/// True when a body that decides is named in `before` (words form): a
/// role of the profile, or the body whose meeting the document records.
fn subject_in(p: &Profile, s: &Sentence, before: &str, own: OwnBody<'_>) -> bool {
    let named = |before: &str| {
        crate::ingest::subject::role_named(p, before)
            || own.names.iter().any(|r| find_phrase(before, r).is_some())
    };
    named(before)
        || crate::ingest::subject::meeting_subject(p, s, before)
        || crate::ingest::subject::press_subject(p, s, before)
        || uncounted(before).is_some_and(|b| named(&b))
        || own.id.is_some_and(|b| {
            s.mentions.iter().filter(|m| m.id == b).any(|m| {
                let name = words(s.text.get(m.start..m.end).unwrap_or(""));
                !name.is_empty() && find_phrase(before, &name).is_some()
            })
        })
}

/// The sentence's text with its quotations (and a quotation that never
/// closes, to the end) blanked out.
fn without_quotes(s: &Sentence) -> String {
    let mut cuts: Vec<(usize, usize)> = s.quotes.iter().map(|(q, _)| (q.start, q.end)).collect();
    cuts.extend(s.unclosed.iter().map(|&u| (u, s.text.len())));
    let mut out = String::with_capacity(s.text.len());
    for (i, c) in s.text.char_indices() {
        let cut = cuts.iter().any(|&(a, b)| a <= i && i < b);
        out.push(if cut { ' ' } else { c });
    }
    out
}

/// The sentence's text, its quotations blanked out when it has any.
fn unquoted_text(s: &Sentence) -> std::borrow::Cow<'_, str> {
    if s.quotes.is_empty() && s.unclosed.is_empty() {
        std::borrow::Cow::Borrowed(&s.text)
    } else {
        std::borrow::Cow::Owned(without_quotes(s))
    }
}

/// True when the text ends a line with a colon after a body that decides
/// ("Las y los Viceministros y Jefes de Delegación:"): the paragraphs
/// after it say what that body did.
fn opens_lead(p: &Profile, text: &str) -> bool {
    text.match_indices(':').any(|(at, _)| {
        let rest = text.get(at + 1..).unwrap_or("");
        let line_end = rest.trim_start_matches([' ', '\t']);
        let before = text.get(..at).unwrap_or("");
        let line = before.rsplit('\n').next().unwrap_or(before);
        (line_end.is_empty() || line_end.starts_with('\n')) && {
            let w = words(line);
            p.bodies.roles.iter().any(|r| find_phrase(&w, r).is_some())
        }
    })
}

/// True when a sentence ending in a colon states a whole decision before
/// what it introduces ("Participants agreed to develop regional responses
/// based on four main areas of cooperative engagement:" over the areas):
/// a prose phrase with five words or more after it, and no words that
/// announce the decisions to follow (`[decisions] following`: "the
/// following actions"; `[decisions] announce` after the phrase: "the
/// measures listed below", "as follows").
fn whole_lead(p: &Profile, w: &str) -> bool {
    let d = &p.decisions;
    !d.following.iter().any(|f| find_phrase(w, f).is_some())
        && d.prose.iter().any(|v| {
            find_phrase(w, v).is_some_and(|at| {
                w.get(at + v.len()..).is_some_and(|rest| {
                    rest.split_whitespace().count() >= 5
                        && !d.announce.iter().any(|a| find_phrase(rest, a).is_some())
                })
            })
        })
}

/// True when one sentence records a decision in prose: a prose phrase,
/// an opener at the start of a line, an act after a body that decides,
/// or (`led`) an operative verb opening the paragraph.
fn records(p: &Profile, s: &Sentence, own_body: OwnBody<'_>, led: bool) -> bool {
    // A lead-in ("... they have approved the following declaration:"):
    // what was decided follows it.
    if s.text.trim_end().ends_with(':') && !whole_lead(p, s.words()) {
        return false;
    }
    let w = s.words();
    let starts = Starts::of(w);
    let d = &p.decisions;
    // `told_at(p, w)`, its phrases looked for among the words' starts.
    let told = || d.told.iter().filter_map(|t| starts.find(w, t)).min();
    let phrase = || {
        d.prose_slotted().any(|(v, slots)| {
            starts.find_slotted(w, v, slots).is_some_and(|at| {
                let rest = w
                    .get(at + v.len()..)
                    .unwrap_or("")
                    .split_whitespace()
                    .count();
                // A phrase ending its sentence speaks of what comes before
                // it ("... the declaration and the action plan were
                // adopted.").
                let before = w.get(..at).unwrap_or("").split_whitespace().count();
                let passive = d.passive.iter().any(|x| v.split(' ').next() == Some(x));
                // "año en que se aprobó esta actividad": told of; "at
                // which the Almaty Declaration was adopted": recorded.
                let relative = passive && {
                    let before: Vec<&str> = w.get(..at).unwrap_or("").split_whitespace().collect();
                    let tail = before[before.len().saturating_sub(4)..].join(" ");
                    // One word more: "at" of "at which" may be the fifth.
                    let wide = before[before.len().saturating_sub(5)..].join(" ");
                    // A subject of two words or more after it ("at which
                    // it was adopted" tells of what "it" names).
                    let venue = d.venue_relatives.iter().any(|r| {
                        find_phrase(&wide, r).is_some_and(|i| {
                            wide.get(i + r.len()..)
                                .is_some_and(|x| x.split_whitespace().count() >= 2)
                        })
                    });
                    !venue && d.relatives.iter().any(|r| find_phrase(&tail, r).is_some())
                };
                // One word of manner may follow ("was adopted unanimously.").
                let manner = || {
                    let after = w.get(at + v.len()..).unwrap_or("").trim();
                    d.manner.iter().any(|m| m == after)
                };
                (rest >= 2 || ((rest == 0 || (rest == 1 && manner())) && before >= 4 && passive))
                    && !relative
                    && told().is_none_or(|t| t > at)
                    && !negated(p, w, at)
            })
        })
    };
    // An act in a quotation is a speaker's word, not the record's.
    let unquoted = if s.quotes.is_empty() && s.unclosed.is_empty() {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(words(&without_quotes(s)))
    };
    let unquoted_starts = match &unquoted {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(u) => Some(Starts::of(u)),
    };
    // An act needs only its object ("and approved it"); after "was" it is
    // a passive ("the plan which was adopted in 2018"), no act of the
    // subject, but a later one may be ("... and adopted a new plan").
    let is_act = |at: usize, v: &str| {
        let rest = unquoted.get(at + v.len()..).unwrap_or("");
        let before = unquoted.get(..at).unwrap_or("");
        let prev = before.split_whitespace().next_back();
        // "los países que la suscribieron", "The Senior Officials, who last
        // year signed": a relative names who, it records no act (but "por
        // lo que aprobaron" does).
        let relative = before
            .split_whitespace()
            .rev()
            .take(5)
            .any(|x| p.requests.relative.iter().any(|r| r == x))
            && !p
                .requests
                .consequence
                .iter()
                .any(|c| before.trim_end().ends_with(c.as_str()));
        rest.split_whitespace().count() >= 1
            && !relative
            && !prev.is_some_and(|x| d.passive.iter().any(|p| p == x))
            && told_at(p, &unquoted).is_none_or(|t| t > at)
            && !negated(p, &unquoted, at)
            && subject_in(p, s, before, own_body)
    };
    let act = d.acts_slotted().any(|(v, slots)| {
        let Some(first) = unquoted_starts
            .as_ref()
            .unwrap_or(&starts)
            .find_slotted(&unquoted, v, slots)
        else {
            return false;
        };
        let mut at = first;
        loop {
            if is_act(at, v) {
                return true;
            }
            let from = at + v.len();
            match unquoted.get(from..).and_then(|x| find_phrase(x, v)) {
                Some(i) => at = from + i,
                None => return false,
            }
        }
    });
    if phrase() || act {
        return true;
    }
    let opens = |line: &str, list: &[String]| {
        let l = words(line);
        list.iter().any(|v| {
            find_phrase(&l, v) == Some(0)
                && l.get(v.len()..)
                    .is_some_and(|rest| rest.split_whitespace().count() >= 2)
        })
    };
    // A line's first words are words of the sentence: where no opener
    // is among them, no line opens with one (and no line is folded).
    let any_in = |list: &[String]| list.iter().any(|v| starts.find(w, v).is_some());
    // Not inside a quotation ("\"Acordamos trabajar juntos\", dijo ...").
    (any_in(&d.openers) && unquoted_text(s).lines().any(|line| opens(line, &d.openers)))
        || (led && s.para_start && any_in(&d.operative) && opens(&s.text, &d.operative))
}

/// True when a sentence ends with a noun that announces agreements
/// ("La Cancillería expuso uno por uno los convenios.").
fn announces(p: &Profile, s: &Sentence) -> bool {
    let w = s.words();
    let last = w.rsplit(' ').next().unwrap_or("");
    s.text.trim_end().ends_with(['.', ':']) && p.lists.announced.iter().any(|a| a == last)
}

/// True when a paragraph opens with an infinitive ("Elaborar un plan
/// ...", "To develop ..."): by the endings of its first word, or a
/// particle before the word; the first word capitalized, and at least two
/// words after the infinitive.
fn opens_infinitive(p: &Profile, text: &str) -> bool {
    let l = &p.lists;
    let raw = text.split_whitespace().next().unwrap_or("");
    if !raw.starts_with(char::is_uppercase) {
        return false;
    }
    let w = words(text);
    let mut it = w.split(' ');
    let (first, second) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
    let enough = |n: usize| w.split(' ').count() >= n;
    let ending = l.infinitive_endings.iter().any(|e| {
        first.len() > e.len()
            && first.ends_with(e.as_str())
            && first.chars().all(char::is_alphabetic)
    });
    let particle = l.infinitive_particles.iter().any(|x| x == first) && second.len() > 1;
    (ending && !l.not_infinitives.iter().any(|n| n == first) && enough(3))
        || (particle && enough(4))
}

/// Sentences of running prose that record a decision, outside the lists
/// and not read already as an agreement sentence by sentence (which keeps
/// its meetings and its clauses). The same words twice (a news page's
/// summary above its story) are one decision. `own_body` is the body
/// whose meeting the document records.
pub fn decisions(
    p: &Profile,
    text: &str,
    secs: &[Vec<Sentence>],
    items: &[Item],
    facts: &Facts,
    own_body: OwnBody<'_>,
) -> Vec<Item> {
    let d = &p.decisions;
    if d.prose.is_empty() && d.openers.is_empty() && d.acts.is_empty() && d.operative.is_empty() {
        return Vec::new();
    }
    let read: Vec<Span> = facts
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement)
        .filter_map(|n| match &*n.prov {
            Provenance::Extracted { span, .. } => Some(*span),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut led = false;
    // The sentence before announced agreements, or was one of those told.
    let mut announced = false;
    for s in secs.iter().flatten() {
        let opens = opens_lead(p, &s.text);
        if s.heading {
            led = opens;
            announced = false;
            continue;
        }
        let was_led = led;
        led = opens || led;
        let line = text
            .get(..s.span.start)
            .is_some_and(|b| b.trim_end_matches([' ', '\t']).ends_with('\n') || b.is_empty());
        let told = announced && (s.para_start || line) && opens_infinitive(p, &s.text);
        announced = told || announces(p, s);
        let listed = items
            .iter()
            .any(|i| inside(i.span, s.span) || inside(i.cue, s.span));
        if listed || read.iter().any(|r| inside(*r, s.span)) {
            continue;
        }
        if (told || records(p, s, own_body, was_led)) && seen.insert(s.words().to_string()) {
            let parts = semicolon_items(p, s);
            if parts.is_empty() {
                out.push(Item {
                    label: String::new(),
                    span: s.span,
                    cue: s.span,
                });
            }
            out.extend(parts.into_iter().map(|span| Item {
                label: String::new(),
                span,
                cue: s.span,
            }));
        }
    }
    out
}

/// The items of a list run into one sentence after its colon ("The
/// Vice-Ministers agreed: to strengthen ...; to share ...; and to hold
/// ..."): each part between semicolons, a joining word before the last
/// left out. Empty unless three parts of three words or more follow the
/// colon, none inside a quotation.
fn semicolon_items(p: &Profile, s: &Sentence) -> Vec<Span> {
    let Some(colon) = s.text.find(':') else {
        return Vec::new();
    };
    let quoted = |i: usize| s.quotes.iter().any(|(q, _)| q.start <= i && i < q.end);
    let mut cuts = vec![colon + 1];
    cuts.extend(
        s.text
            .match_indices(';')
            .map(|(i, _)| i)
            .filter(|&i| i > colon && !quoted(i))
            .map(|i| i + 1),
    );
    cuts.push(s.text.len() + 1);
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1] - 1);
        let part = s.text.get(a..b).unwrap_or("");
        let lead = part.len() - part.trim_start().len();
        let mut start = a + lead;
        let first = words(part).split(' ').next().unwrap_or("").to_string();
        if p.lists.last_joins.contains(&first) {
            let rest = s.text.get(start..b).unwrap_or("");
            let skip = rest.find(char::is_whitespace).unwrap_or(0);
            let after = rest.get(skip..).unwrap_or("");
            start += skip + (after.len() - after.trim_start().len());
        }
        let text = s.text.get(start..b).unwrap_or("").trim_end();
        if words(text).split(' ').count() < 3 {
            return Vec::new();
        }
        out.push(Span {
            start: s.span.start + start,
            end: s.span.start + start + text.len(),
        });
    }
    if out.len() < 3 {
        return Vec::new();
    }
    out
}

/// True when an item opens like a preamble (`Having debated …`,
/// `Considerando …`): a consideration, not a decision.
pub fn preamble(p: &Profile, text: &str, item: &Item) -> bool {
    let w = words(text.get(item.span.start..item.span.end).unwrap_or(""));
    p.preamble
        .markers
        .iter()
        .any(|m| find_phrase(&w, m) == Some(0))
}

/// Remove the agreements read sentence by sentence whose decision phrase
/// comes after a told phrase of the profile in its sentence ("Los Estados
/// Miembros subrayaron que hace poco se aprobó el Plan …"): the sentence
/// tells of an earlier decision. Their edges and requests go with them.
pub fn drop_told(p: &Profile, secs: &[Vec<Sentence>], facts: &mut Facts) {
    if p.decisions.told.is_empty() {
        return;
    }
    let mut gone: HashSet<String> = HashSet::new();
    let all: Vec<&Sentence> = secs.iter().flatten().collect();
    // Sentences in text order, none overlapping the next (as the reader
    // splits them): the one holding a span is found by halving, not by a
    // walk through all of them for each agreement.
    let ordered = all.windows(2).all(|p| p[0].span.end <= p[1].span.start);
    let holding = |span: &crate::model::Span| -> Option<&Sentence> {
        let holds = |s: &Sentence| s.span.start <= span.start && span.end <= s.span.end;
        if ordered {
            let i = all.partition_point(|s| s.span.start <= span.start);
            i.checked_sub(1)
                .and_then(|i| all.get(i).copied())
                .filter(|s| holds(s))
        } else {
            all.iter().copied().find(|s| holds(s))
        }
    };
    for n in facts.nodes.iter().filter(|n| n.kind == Kind::Agreement) {
        let (Provenance::Extracted { span, .. }, Some(Value::Text(verb))) =
            (&*n.prov, facts.attr_of(&n.id, "verb"))
        else {
            continue;
        };
        let Some(s) = holding(span) else {
            continue;
        };
        let w = s.words();
        let at = find_phrase(w, &words(verb));
        if let (Some(at), Some(t)) = (at, told_at(p, w)) {
            if t < at {
                gone.insert(n.id.to_string());
            }
        }
    }
    if gone.is_empty() {
        return;
    }
    facts.retain_nodes(|n| !gone.contains(n.id.as_str()));
    facts
        .edges
        .retain(|e| !gone.contains(e.from.as_str()) && !gone.contains(e.to.as_str()));
    facts
        .requests
        .retain(|r| !gone.contains(r.agreement.as_str()));
}

#[cfg(test)]
mod tests;
