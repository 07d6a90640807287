//! Agreements: a section item whose text records a decision ("los
//! Viceministros aprobaron", "tomaron el siguiente acuerdo", "el GRCM
//! formuló una recomendación", "Esta posición fue reafirmada en ...")
//! becomes `agreement:<doc>/<section>` (`#2`, `#3` for further decisions in
//! the item), linked to the meetings named with each decision phrase:
//! every meeting reference goes to the nearest decision phrase in its
//! sentence. It keeps the decision's words (the quotation, the paragraph
//! after "decidieron", or the sentence), who proposed it, what it is
//! about, and its status in the report's own words.

use super::facts::{shorten, Facts};
use super::pattern::Pattern;
use super::profile::{decided, Decision};
use super::quotes::{self, Role};
use super::rules::{self, compile};
use super::sentence::Sentence;
use crate::model::{EdgeKind, Kind, Provenance, Section, Span, Status, Value};
use std::sync::OnceLock;

mod cues;
use cues::{assign, cues, words_between, Cue};

/// An agreement found in a section.
#[derive(Debug, Clone)]
pub struct Agreement {
    pub id: String,
    /// Index of the sentence that records it.
    pub sentence: usize,
    /// Meetings and how it relates to them.
    pub meetings: Vec<(EdgeKind, String)>,
    /// Status in the report's words, and the sentence saying it.
    pub status: Option<(Status, Span)>,
    /// Has a request for responses still open.
    pub open_request: bool,
}

struct Patterns {
    decisions: Pattern,
    statuses: Vec<(Pattern, Status)>,
    proposers: Pattern,
    list_gap: Pattern,
    gathering: Pattern,
    deciders: Pattern,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        decisions: rules::alternation(decided().iter().map(|c| c.pattern.as_str())),
        statuses: super::profile::statuses()
            .iter()
            .map(|(p, s)| (compile(&format!(r"\b(?:{p})\b")), *s))
            .collect(),
        proposers: compile(rules::PROPOSERS),
        list_gap: compile(&format!(
            r"^(?:\s|,|{})*$",
            super::profile::follow_up_pattern(|f| &f.list_joiners, r"\b")
        )),
        gathering: rules::alternation(
            super::profile::event_kinds(|e| &e.gatherings)
                .into_iter()
                .map(|g| g.0)
                .chain([r"evento"]),
        ),
        deciders: compile(&super::profile::follow_up_pattern(|f| &f.deciders, r"\b")),
    })
}

/// The status a sentence states, if any (first phrase of the table wins).
pub fn status_of(s: &Sentence) -> Option<Status> {
    patterns()
        .statuses
        .iter()
        .find(|(re, _)| re.is_match(s.hay()))
        .map(|&(_, st)| st)
}

/// True when the sentence is about a workshop, seminar or event.
pub fn about_gathering(s: &Sentence) -> bool {
    patterns().gathering.is_match(s.hay())
}

/// Countries and organizations listed right after `from` ("propuesto por
/// Canadá, Estados Unidos y México").
pub fn listed_after(s: &Sentence, from: usize) -> Vec<String> {
    let p = patterns();
    let mut out = Vec::new();
    let mut at = from;
    for m in s.mentions.iter().filter(|m| m.start >= from) {
        if !p.list_gap.is_match(s.hay_between(at, m.start)) {
            break;
        }
        if !out.contains(&m.id) {
            out.push(m.id.clone());
        }
        at = m.end;
    }
    out
}

/// Proposers named in a sentence ("Proyecto propuesto por Costa Rica", "la
/// propuesta de El Salvador").
pub fn proposers(s: &Sentence) -> Vec<String> {
    let mut out = Vec::new();
    for (_, end) in s.find(&patterns().proposers) {
        for id in listed_after(s, end) {
            if !out.contains(&id) && (id.starts_with("country:") || id.starts_with("organization:"))
            {
                out.push(id);
            }
        }
    }
    out
}

/// The words of a decision: a quotation after the phrase, what follows it
/// in the sentence, or the next paragraph when the sentence ends with it.
fn decision_text(sents: &[Sentence], i: usize, cue_end: usize) -> (String, Vec<usize>) {
    let s = &sents[i];
    let quote = s.quotes.iter().find(|(q, role)| {
        *role == Role::Decision && q.start >= cue_end && q.start - cue_end <= 160
    });
    if let Some((q, _)) = quote {
        return (quotes::inner(&s.text, q), vec![i]);
    }
    let rest = s.slice(cue_end, s.text.len());
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
    let rest = rest
        .strip_prefix("específicamente")
        .or_else(|| rest.strip_prefix("lo siguiente"))
        .unwrap_or(rest)
        .trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
    if rest.trim_end_matches('.').trim().is_empty() {
        let mut parts = Vec::new();
        let mut used = Vec::new();
        for (j, next) in sents.iter().enumerate().skip(i + 1) {
            if next.heading || (next.para_start && j > i + 1) {
                break;
            }
            parts.push(next.text.clone());
            used.push(j);
        }
        if !parts.is_empty() {
            return (parts.join(" "), used);
        }
    } else if rest.chars().next().is_some_and(char::is_uppercase) {
        return (rest.trim().to_string(), vec![i]);
    }
    (s.text.clone(), vec![i])
}

/// True when a decision phrase ends its sentence and nothing follows it
/// ("DECISIONES DE LOS VICEMINISTROS Los Viceministros decidieron" where
/// the annex is cut): no decision is stated.
fn says_nothing(sents: &[Sentence], i: usize, cue_end: usize) -> bool {
    let s = &sents[i];
    let rest = s.slice(cue_end, s.text.len());
    let empty = rest
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '.'))
        .is_empty();
    let next = sents.get(i + 1).is_some_and(|n| !n.heading);
    empty && !next && !s.quotes.iter().any(|(q, _)| q.start >= cue_end)
}

/// Context for writing an item's agreements.
pub struct Item<'a> {
    pub doc: &'a str,
    pub section: &'a Section,
    pub sentences: &'a [Sentence],
    /// Display name of a meeting id, for the notes.
    pub meeting_name: &'a dyn Fn(&str) -> String,
}

impl Item<'_> {
    fn prov(&self, facts: &Facts, span: Span) -> Provenance {
        facts.prov(&self.section.id, span)
    }

    fn name(&self, k: usize, text: &str) -> String {
        let base = if self.section.heading.is_empty() {
            shorten(text, 80)
        } else {
            shorten(&self.section.heading, 120)
        };
        if k == 1 {
            base
        } else {
            format!("{base} #{k}")
        }
    }
}

/// Where the clause of each cue starts, when one sentence records several
/// decisions: after the last separator (", así que", ";", ", y", ",")
/// between the previous cue and this cue's first word or meeting.
fn clause_starts(
    s: &Sentence,
    cues: &[&Cue],
    venues: &[&Vec<(String, bool)>],
) -> Vec<(usize, usize)> {
    static SEP: OnceLock<(Pattern, Pattern)> = OnceLock::new();
    let (strong, weak) = SEP.get_or_init(|| {
        (
            compile(r"(?:,\s*asi que|;|,\s*y|,\s*pero|,\s*por lo que)\s+"),
            compile(r",\s+"),
        )
    });
    let mut out = Vec::new();
    for (k, cue) in cues.iter().enumerate() {
        if k == 0 {
            out.push((0, 0));
            continue;
        }
        let lo = cues[k - 1].end;
        let first_ref = s
            .meetings
            .iter()
            .filter(|r| {
                r.id.as_ref()
                    .is_some_and(|id| venues[k].iter().any(|(v, _)| v == id))
            })
            .map(|r| r.start)
            .min()
            .unwrap_or(cue.start);
        let hi = first_ref.min(cue.start).max(lo);
        let zone = s.norm_between(lo, hi);
        let base = s.norm_at(lo);
        let pick = strong
            .find_iter(zone)
            .last()
            .or_else(|| weak.find_iter(zone).last());
        match pick {
            Some(m) => out.push((s.orig(base + m.start()), s.orig(base + m.end()))),
            None => out.push((hi, hi)),
        }
    }
    out
}

/// Find and write the agreements of one section.
pub fn extract(
    item: &Item,
    facts: &mut Facts,
    notes: &mut Vec<String>,
    uncertain: &mut Vec<String>,
) -> Vec<Agreement> {
    let sec_node = crate::model::section_id(item.doc, &item.section.id);
    let mut found: Vec<Agreement> = Vec::new();
    let heading_proposers: Vec<String> = item
        .sentences
        .iter()
        .filter(|s| s.heading)
        .flat_map(proposers)
        .collect();
    for (i, s) in item
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.heading)
    {
        let cs = cues(s);
        if cs.is_empty() {
            // "La propuesta fue presentada por Nicaragua": the latest decision's.
            if let Some(a) = found.last() {
                let prov = item.prov(facts, s.span);
                for p in proposers(s) {
                    facts.edge(&a.id, &p, EdgeKind::ProposedBy, vec![], &prov);
                }
            }
            continue;
        }
        let venues = assign(s, &cs);
        let prov = item.prov(facts, s.span);
        // Which cues record a new agreement.
        let mut count = found.len();
        let mut creates: Vec<bool> = Vec::new();
        for (cue, ms) in cs.iter().zip(&venues) {
            let named = !ms.is_empty();
            let new = match cue.decision {
                Decision::Proposed => false,
                Decision::Reaffirmed | Decision::Endorsed => count == 0 && named,
                Decision::Evolved | Decision::Recommended => named,
                Decision::Adopted => {
                    named || (!cue.weak && count == 0 && patterns().deciders.is_match(s.hay()))
                }
            };
            let new = new && !says_nothing(item.sentences, i, cue.end);
            count += usize::from(new);
            creates.push(new);
        }
        let deciding: Vec<usize> = (0..cs.len())
            .filter(|&k| cs[k].decision != Decision::Proposed)
            .collect();
        let several = creates.iter().filter(|&&c| c).count() > 1;
        let clauses = clause_starts(
            s,
            &deciding.iter().map(|&k| &cs[k]).collect::<Vec<_>>(),
            &deciding.iter().map(|&k| &venues[k]).collect::<Vec<_>>(),
        );
        // Agreement index touched by each cue (for attributing proposers).
        let mut touched: Vec<(usize, usize)> = Vec::new();
        let mut proposed_at: Vec<(usize, String)> = Vec::new();
        for (k, (cue, ms)) in cs.iter().zip(&venues).enumerate() {
            let ids: Vec<String> = ms.iter().map(|(id, _)| id.clone()).collect();
            if cue.decision == Decision::Proposed {
                proposed_at.extend(ids.into_iter().map(|m| (cue.start, m)));
                continue;
            }
            // A reaffirmation that records no earlier agreement of this
            // document, at a meeting named before its verb ("En la
            // Declaración final de la octava Conferencia ..., los ministros
            // reafirmaron su voluntad de ..."), is a position first stated
            // there: adopted at it. A meeting named after the verb is where
            // what is reaffirmed came from ("reafirmaron los principios de
            // la Declaración ... adoptada en la I CSM").
            let venue_first = ids.iter().all(|id| {
                s.meetings
                    .iter()
                    .any(|r| r.id.as_deref() == Some(id.as_str()) && r.end <= cue.start)
            });
            let kind = match cue.decision {
                Decision::Reaffirmed if !(creates[k] && venue_first) => EdgeKind::ReaffirmedAt,
                Decision::Recommended => EdgeKind::RecommendedAt,
                _ => EdgeKind::AdoptedAt,
            };
            let previous = found.len().checked_sub(1);
            let target = if creates[k] {
                let n = found.len() + 1;
                let id = if n == 1 {
                    format!("agreement:{}/{}", item.doc, item.section.id)
                } else {
                    format!("agreement:{}/{}#{n}", item.doc, item.section.id)
                };
                let (mut text, used) = decision_text(item.sentences, i, cue.end);
                if several && used == [i] && text == s.text {
                    let d = deciding.iter().position(|&x| x == k).unwrap_or(0);
                    let from = clauses.get(d).map_or(0, |c| c.1);
                    let to = clauses.get(d + 1).map_or(s.text.len(), |c| c.0);
                    text = capitalize(s.slice(from, to.max(from)).trim().trim_end_matches(','));
                }
                let aliases = [
                    format!("acuerdo {}", item.section.id),
                    format!("agreement {}", item.section.id),
                ]
                .map(|a| if n == 1 { a } else { format!("{a}#{n}") });
                facts.node(&id, Kind::Agreement, &item.name(n, &text), &aliases, &prov);
                facts.attr(&id, "text", Value::Text(text.clone()), &prov);
                facts.attr(
                    &id,
                    "verb",
                    Value::Text(s.slice(cue.start, cue.end).to_string()),
                    &prov,
                );
                facts.edge(&sec_node, &id, EdgeKind::Mentions, vec![], &prov);
                concerns(item, facts, &id, &used, i, cue.end, &prov);
                if cue.decision == Decision::Evolved {
                    if let Some(p) = previous {
                        let from = found[p].id.clone();
                        facts.edge(&from, &id, EdgeKind::EvolvedInto, vec![], &prov);
                    }
                }
                if ids.is_empty() {
                    uncertain.push(format!("{id}: decision without a named meeting"));
                }
                if n == 1 {
                    for p in &heading_proposers {
                        facts.edge(&id, p, EdgeKind::ProposedBy, vec![], &prov);
                    }
                }
                notes.push(format!(
                    "agreement {}: {} ({id})",
                    local(&id),
                    shorten(&text, 90)
                ));
                found.push(Agreement {
                    id,
                    sentence: i,
                    meetings: Vec::new(),
                    status: None,
                    open_request: false,
                });
                found.len() - 1
            } else {
                match (cue.decision, previous) {
                    (Decision::Reaffirmed | Decision::Endorsed, Some(p)) if !ids.is_empty() => p,
                    _ => continue,
                }
            };
            for m in ids {
                let a = &mut found[target];
                if !a.meetings.contains(&(kind, m.clone())) {
                    a.meetings.push((kind, m.clone()));
                    facts.edge(&a.id, &m, kind, vec![], &prov);
                    notes.push(format!(
                        "agreement {} {kind} {} ({m})",
                        local(&a.id),
                        (item.meeting_name)(&m)
                    ));
                }
            }
            touched.push((cue.start, target));
        }
        // Proposers, offers and destinations go to the nearest decision.
        let nearest = |at: usize| {
            touched
                .iter()
                .min_by_key(|(c, _)| words_between(s, *c, at))
                .map(|&(_, t)| found[t].id.clone())
        };
        for (at, end) in s.find(&patterns().proposers) {
            let Some(id) = nearest(at) else { continue };
            for p in listed_after(s, end) {
                if p.starts_with("country:") || p.starts_with("organization:") {
                    facts.edge(&id, &p, EdgeKind::ProposedBy, vec![], &prov);
                }
            }
        }
        for (at, m) in &proposed_at {
            if let Some(id) = nearest(*at) {
                facts.attr(&id, "proposed_at", Value::Text(m.clone()), &prov);
            }
        }
        for r in s.meetings.iter().filter(|r| r.destination) {
            if let (Some(m), Some(id)) = (&r.id, nearest(r.start)) {
                facts.attr(&id, "to_be_considered_at", Value::Text(m.clone()), &prov);
            }
        }
    }
    // Status: a sentence's status goes to the latest agreement before it,
    // unless the sentence is about a workshop or event.
    for (i, s) in item
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.heading)
    {
        let Some(st) = status_of(s) else { continue };
        if about_gathering(s) || (st == Status::Done && !s.meetings.is_empty()) {
            continue;
        }
        if let Some(a) = found.iter_mut().rev().find(|a| a.sentence <= i) {
            a.status = Some((st, s.span));
        }
    }
    found
}

/// The part of an id after the document: `IV.E(1)#2`.
pub fn local(id: &str) -> &str {
    id.rsplit_once('/').map_or(id, |(_, l)| l)
}

fn capitalize(s: &str) -> String {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let s = s.strip_prefix("así que ").unwrap_or(s);
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// What an agreement is about: organizations and documents named in its
/// words (not the deciding bodies themselves).
fn concerns(
    item: &Item,
    facts: &mut Facts,
    id: &str,
    used: &[usize],
    i: usize,
    from: usize,
    prov: &Provenance,
) {
    for &j in used {
        let s = &item.sentences[j];
        let start = if j == i { from } else { 0 };
        for m in s
            .mentions
            .iter()
            .filter(|m| m.start >= start && m.kind == Kind::Organization)
        {
            if s.in_meeting(m.start, m.end)
                || crate::reference::roles().presented_at.contains(&m.id)
            {
                continue;
            }
            facts.edge(id, &m.id, EdgeKind::Concerns, vec![], prov);
        }
        for (q, role) in &s.quotes {
            if *role == Role::Title && q.start >= start {
                let title = quotes::inner(&s.text, q);
                let doc = format!("document:{}", crate::text::slug(&title));
                facts.edge(id, &doc, EdgeKind::Concerns, vec![], prov);
            }
        }
    }
}

/// Write each agreement's status: the report's words, or pending when a
/// request for responses is still open.
pub fn finish(
    item: &Item,
    found: &[Agreement],
    facts: &mut Facts,
    notes: &mut Vec<String>,
    uncertain: &mut Vec<String>,
) {
    for a in found {
        match (a.status, a.open_request) {
            (Some((st, span)), _) => {
                let prov = item.prov(facts, span);
                facts.set_attr(&a.id, "status", Value::Text(st.as_str().into()), &prov);
                notes.push(format!(
                    "agreement {} status: {}",
                    local(&a.id),
                    st.as_str()
                ));
            }
            (None, true) => {
                let span = item
                    .sentences
                    .get(a.sentence)
                    .map_or(item.section.span, |s| s.span);
                let prov = item.prov(facts, span);
                facts.set_attr(
                    &a.id,
                    "status",
                    Value::Text(Status::Pending.as_str().into()),
                    &prov,
                );
                notes.push(format!(
                    "agreement {} status: pending (responses awaited)",
                    local(&a.id)
                ));
            }
            (None, false) => uncertain.push(format!("{}: the report states no status", a.id)),
        }
    }
}
