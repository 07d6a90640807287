//! Requests made in running prose, outside the decision lists: a
//! sentence whose subject is a body that decides, a letter's writer
//! asking its addressee, or a call in the impersonal voice; each stored
//! as an agreement marked `form = request` with its request.

use super::addressee::{addressee, unnamed_in_prose, Addressed};
use super::letter;
use super::voiceless::{impersonal, told_of};
use super::{overlaps, push_request, relative, Asked};
use crate::ingest::decisions::Item;
use crate::ingest::facts::{shorten, Facts};
use crate::ingest::profile::{find_phrase, uncounted, words, Profile, Starts};
use crate::ingest::sentence::Sentence;
use crate::model::{EdgeKind, Span};

/// The spans of the agreements found so far, by start, kept up with the
/// facts as they grow (nodes are only added while the prose is read): a
/// sentence asks which overlap it without a walk through every node.
#[derive(Default)]
pub(super) struct Spans {
    /// Nodes looked at so far.
    known: usize,
    /// (start, end, the agreement's node index), sorted.
    spans: Vec<(usize, usize, usize)>,
    longest: usize,
}

impl Spans {
    pub(super) fn catch_up(&mut self, nodes: &[crate::model::NodeFact]) {
        for (k, n) in nodes.iter().enumerate().skip(self.known) {
            if n.kind != crate::model::Kind::Agreement {
                continue;
            }
            if let crate::model::Provenance::Extracted { span, .. } = &*n.prov {
                self.insert_at(*span, k);
            }
        }
        self.known = nodes.len();
    }

    #[cfg(test)]
    pub(super) fn insert(&mut self, span: Span) {
        self.insert_at(span, 0);
    }

    fn insert_at(&mut self, span: Span, node: usize) {
        let at = self.spans.partition_point(|&(a, ..)| a < span.start);
        self.spans.insert(at, (span.start, span.end, node));
        self.longest = self.longest.max(span.end.saturating_sub(span.start));
    }

    /// Whether an agreement's span overlaps `span`: only those starting
    /// less than the longest span before it can.
    #[cfg(test)]
    pub(super) fn overlaps(&self, span: Span) -> bool {
        self.overlapping(span).is_some()
    }

    /// The first agreement whose span overlaps `span`: its span and node
    /// index.
    pub(super) fn overlapping(&self, span: Span) -> Option<(Span, usize)> {
        let from = self
            .spans
            .partition_point(|&(a, ..)| a < span.start.saturating_sub(self.longest));
        let to = self.spans.partition_point(|&(a, ..)| a < span.end);
        self.spans
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .find(|&&(a, b, _)| a < span.end && span.start < b)
            .map(|&(start, end, k)| (Span { start, end }, k))
    }
}

/// Requests made in running prose, outside the decision lists: a sentence
/// whose subject is a body that decides (`Los Viceministros ...
/// instaron a los países miembros de la CRM a ...`, `The Vice-Ministers
/// ... urged member countries of the RCM to ...`) records a call of the
/// meeting. It becomes an agreement of the document's own meeting (marked
/// `form = request`) with its request; the text states no answers, so
/// none is recorded.
pub fn in_prose(p: &Profile, cx: &Prose, secs: &[Vec<Sentence>], facts: &mut Facts) -> Vec<String> {
    let mut notes = Vec::new();
    let mut n = 0;
    // Whether the sentence before names a body that decides.
    let mut subject_before = false;
    let mut seen = std::collections::HashSet::new();
    // Whether a line naming a body that decides and ending in ":"
    // ("Ministers:") opened the bullets this sentence belongs to.
    let mut lead = false;
    let role_in = |hay: &str| p.bodies.roles.iter().any(|r| find_phrase(hay, r).is_some());
    let mut subjects: Vec<Option<memchr::memmem::Finder<'static>>> = Vec::new();
    let mut agreements = Spans::default();
    // A text without numbered sections (a news item, a communiqué).
    let flat = cx.sections.iter().all(|x| x.id == "text");
    for s in secs.iter().flatten().filter(|s| !s.heading) {
        let w = s.words();
        let starts = Starts::of(w);
        // `role_in` for `w` and its prefixes.
        let role_in_w = |hay: &str| p.bodies.roles.iter().any(|r| starts.find(hay, r).is_some());
        let subject_carried = std::mem::replace(&mut subject_before, role_in_w(w));
        let under_lead = lead && (!s.para_start || is_bullet(&s.text));
        let opens = opens_list(&s.text, &role_in);
        lead = opens || under_lead;
        // No request verb and no letter's writer asking, no call (the
        // cheap test first).
        let verb = p
            .requests
            .verbs
            .iter()
            .filter_map(|v| starts.find(w, v).map(|at| (at, v.as_str())))
            .filter(|&(at, _)| !relative(p, w, at))
            .min_by_key(|(at, _)| *at);
        // Only the letter's own sentences, outside quotations, are its
        // writer's.
        let writer = cx
            .letter_to
            .filter(|&(_, end)| s.span.end <= end && s.quotes.is_empty() && s.unclosed.is_empty())
            .and_then(|(to, _)| letter::asks(p, w).map(|(at, phrase)| (at, phrase, to)));
        let voiced = impersonal(p, cx, (w, &starts), verb.map(|(at, _)| at));
        if verb.is_none() && writer.is_none() && voiced.is_none() {
            continue;
        }
        // Inside a decision item: its requests are read with it. Read
        // already as an agreement of its own that asks nothing yet ("La
        // XVI Conferencia recomendó a los países miembros ajustar ..."):
        // a call in it is a request of that agreement. Not one that runs
        // past the sentence, has its requests or a status, or stands in
        // a report of numbered sections: the report reader keeps an
        // item's requests and tells what became of them ("le solicitaron
        // a la OIM que desarrollara un plan ... El taller, que se
        // realizó ...").
        agreements.catch_up(&facts.nodes);
        let overlapping = agreements.overlapping(s.span);
        let read = overlapping
            .filter(|_| flat)
            .filter(|(a, _)| a.start >= s.span.start && a.end <= s.span.end)
            .and_then(|(_, k)| facts.nodes.get(k))
            .filter(|n| !n.attrs.iter().any(|a| a.key == "status"))
            .map(|n| n.id.to_string())
            .filter(|id| !facts.requests.iter().any(|r| r.agreement.as_str() == id));
        let in_item = cx
            .items
            .iter()
            .any(|(i, ..)| i.span.start < s.span.end && s.span.start < i.span.end);
        if in_item || (overlapping.is_some() && read.is_none()) {
            continue;
        }
        // Each request's subject in words form, and its searcher, once,
        // not once a sentence: a long document holds hundreds of both.
        subjects.truncate(facts.requests.len());
        let new = facts.requests.get(subjects.len()..).unwrap_or_default();
        subjects.extend(new.iter().map(|r| {
            let subject = words(&r.subject);
            (!subject.is_empty()).then(|| memchr::memmem::Finder::new(&subject).into_owned())
        }));
        let asked_already = facts.requests.iter().zip(&subjects).any(|(r, subject)| {
            overlaps(&r.prov, s.span)
                || subject
                    .as_ref()
                    .is_some_and(|f| f.find(w.as_bytes()).is_some())
        });
        if asked_already {
            continue;
        }
        // "I venture to request that ...": the letter's writer asks its
        // addressee, from the verb (or the writer's words) on.
        if let Some((at, phrase, to)) = writer.filter(|_| read.is_none()) {
            let verb = verb.filter(|&(v, _)| v >= at).map(|(_, v)| v);
            let who = Addressed {
                to: to.to_string(),
                named: Vec::new(),
            };
            let from = find_phrase(&s.norm, verb.unwrap_or(phrase)).map_or(0, |k| s.orig(k));
            let call = Call {
                from,
                to: s.text.len(),
                who,
                adopted: false,
            };
            notes.extend(push_call(p, facts, cx, s, call, &mut seen, &mut n));
            continue;
        }
        let Some((at, verb)) = voiced.or(verb) else {
            continue;
        };
        // Another's impersonal voice ("Tal como se solicita", "se
        // solicitó a que ..."): no call of a body.
        if voiced.is_none() && told_of(p, w, at, verb) {
            continue;
        }
        let before = w.get(..at).unwrap_or("");
        // "A la vez, exhortaron ...": the subject of the sentence before.
        let carried = subject_carried && before.split(' ').filter(|x| !x.is_empty()).count() <= 3;
        // "Member States were encouraged to develop strategies": asked
        // of the passive's subject, by the meeting.
        let passive = voiced
            .is_none()
            .then(|| super::passive_subject(p, before).and_then(|subject| addressee(p, s, subject)))
            .flatten();
        // "The funds assigned to the Reserve Fund": a verb that asks only
        // in the passive (`[requests] passive_only`) asks nothing here.
        if passive.is_none() && p.requests.passive_only.iter().any(|v| v == verb) {
            continue;
        }
        let decided = role_in_w(before)
            || crate::ingest::subject::meeting_subject(p, s, before)
            || crate::ingest::subject::press_subject(p, s, before)
            || passive.is_some()
            || carried
            || under_lead
            || voiced.is_some()
            || uncounted(before).is_some_and(|b| role_in(&b))
            || p.requests
                .callers
                .iter()
                // Only as the sentence's subject, at its start ("El Gobierno
                // de Panamá ... instó"), not an object or a source.
                .any(|c| {
                    before
                        .strip_prefix(c.as_str())
                        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
                });
        let preamble = p.preamble.markers.iter().any(|m| w.starts_with(m.as_str()));
        if !decided || preamble {
            continue;
        }
        let after = after_verb(p, w, at, verb);
        let passive_call = passive.is_some();
        // In a sentence read already as an agreement, whom the verb asks
        // follows it right after its personal "a" ("solicitaron a la
        // Secretaría Técnica"), where the language marks one: "solicitar
        // apoyo a fin de fortalecer la capacidad de la OEA" asks no OEA.
        let mut marks = (p.requests.personal.iter())
            .chain(&p.requests.before_infinitive)
            .peekable();
        let direct = read.is_none()
            || marks.peek().is_none()
            || marks.any(|m| after == m.as_str() || after.starts_with(&format!("{m} ")));
        let who = passive
            .or_else(|| addressee(p, s, after).filter(|_| direct))
            .or_else(|| voiced.map(|_| not_stated()))
            .or_else(|| unnamed_in_prose(p, after).then(not_stated))
            .or_else(|| {
                p.requests
                    .unaddressed
                    .iter()
                    .any(|u| u == verb)
                    .then(not_stated)
            });
        let Some(who) = who else {
            continue;
        };
        // An impersonal call is its whole sentence: its opening says
        // whose voice asks ("En el acuerdo se instruye a los gobiernos").
        // So is a passive one: its subject is whom it asks.
        let (from, norm_end) = if voiced.is_some() || passive_call {
            (0, 0)
        } else {
            find_phrase(&s.norm, verb).map_or((0, 0), |k| (s.orig(k), k + verb.len()))
        };
        let mut calls = vec![(from, who)];
        calls.extend(joined_calls(p, s, (at + verb.len(), norm_end)));
        let ends: Vec<usize> = calls.iter().skip(1).map(|c| c.0).collect();
        for ((from, who), to) in calls
            .into_iter()
            .zip(ends.into_iter().chain([s.text.len()]))
        {
            let call = Call {
                from,
                to,
                who,
                adopted: true,
            };
            notes.extend(match &read {
                // "Los Viceministros aprobaron el Plan, mientras Chile instó
                // a ...": another's call, not the agreement's.
                Some(_) if crate::ingest::subject::names_party(s, before) => None,
                Some(agreement) => attach_call(p, facts, cx, s, call, agreement),
                None => push_call(p, facts, cx, s, call, &mut seen, &mut n),
            });
        }
    }
    notes
}

fn not_stated() -> Addressed {
    Addressed {
        to: "addressee not stated".into(),
        named: Vec::new(),
    }
}

/// The words after a request verb (in [`words`] form), from the word
/// that says whom it addresses when the verb ends with it ("recomendaron
/// a": "a la población cumplir ...").
fn after_verb<'w>(p: &Profile, w: &'w str, at: usize, verb: &str) -> &'w str {
    let last = verb.rsplit(' ').next().unwrap_or("");
    let r = &p.requests;
    let keep = if verb.contains(' ')
        && r.personal
            .iter()
            .chain(&r.before_infinitive)
            .any(|x| x == last)
    {
        last.len()
    } else {
        0
    };
    w.get(at + verb.len() - keep..).unwrap_or("").trim()
}

/// The calls joined to a sentence's first in the same sentence, after
/// `from` (its end in [`words`] form and in the normalized text): a
/// request verb right after a word of `[requests] coordinated` ("exhortaron a
/// que ...; expresaron su inquietud ..., e instaron a garantizar ...",
/// "instan al diálogo ..., a la vez que hacen un llamado a fortalecer
/// ..."), which shares the first's subject; each with where it starts in
/// the sentence's text and whom it asks.
fn joined_calls(p: &Profile, s: &Sentence, from: (usize, usize)) -> Vec<(usize, Addressed)> {
    let w = s.words();
    let (mut at_w, mut at_n) = from;
    let mut out = Vec::new();
    while at_n > 0 {
        let rest = w.get(at_w..).unwrap_or("");
        let next = p
            .requests
            .verbs
            .iter()
            .filter_map(|v| find_phrase(rest, v).map(|k| (at_w + k, v.as_str())))
            .min_by_key(|&(k, _)| k);
        let Some((k, v)) = next else {
            break;
        };
        let Some(kn) = find_phrase(s.norm.get(at_n..).unwrap_or(""), v) else {
            break;
        };
        (at_w, at_n) = (k + v.len(), at_n + kn + v.len());
        let before = w.get(..k).unwrap_or("").trim_end();
        let joined = p.requests.coordinated.iter().find(|j| {
            before
                .strip_suffix(j.as_str())
                .is_some_and(|b| b.ends_with(' '))
        });
        let start = s.orig(at_n - v.len());
        let Some(joined) = joined else {
            continue;
        };
        if !finite(p, v) || set_apart(p, s.text.get(..start).unwrap_or(""), joined) {
            continue;
        }
        let after = after_verb(p, w, k, v);
        let who = addressee(p, s, after).or_else(|| unnamed_in_prose(p, after).then(not_stated));
        if let Some(who) = who {
            out.push((start, who));
        }
    }
    out
}

/// Whether a request verb is finite, as a call of its own is: not an
/// infinitive ("... a fortalecer la cooperación y solicitar el apoyo de la
/// OIM" is the task the first call gives), nor a bare form whose past is
/// a request verb too ("urged States to strengthen cooperation and
/// request assistance").
fn finite(p: &Profile, verb: &str) -> bool {
    let first = verb.split(' ').next().unwrap_or("");
    let r = &p.requests;
    let past = |w: &str| {
        r.verbs
            .iter()
            .any(|v| v.split(' ').next() == Some(w) && w != first)
    };
    !super::addressee::infinitive(p, first)
        && !past(&format!("{first}ed"))
        && !past(&format!("{first}d"))
}

/// Whether the words before a joined call set a clause apart whose
/// subject is another: a relative after the last comma ("instaron a
/// Guatemala, país que acogió la reunión y solicitó apoyo a la OIM, a
/// ...", "urged Senegal, which hosted the meeting and requested ...").
/// The joining words themselves ("a la vez que") do not count.
fn set_apart(p: &Profile, head: &str, joined: &str) -> bool {
    let w = words(head);
    let w = w.strip_suffix(joined).unwrap_or(&w).trim_end().to_string();
    let Some(comma) = head.rfind(',') else {
        return false;
    };
    // The words after the last comma, as many as `w` has after it.
    let tail = words(head.get(comma..).unwrap_or(""));
    let n = tail.split(' ').filter(|x| !x.is_empty()).count();
    let n = n.saturating_sub(joined.split(' ').count());
    let last: Vec<&str> = w.split(' ').collect();
    let clause = &last[last.len().saturating_sub(n)..];
    clause
        .iter()
        .any(|x| p.requests.relative.iter().any(|r| r == x))
}

/// A call read in prose: where it starts and ends in its sentence's
/// text, who is asked, and whether the document's own meeting made it.
struct Call {
    from: usize,
    to: usize,
    who: Addressed,
    adopted: bool,
}

/// Store a call in prose as an agreement (marked `form = request`, of
/// the document's own meeting when the meeting made it) with its
/// request; `None` when the same words were stored already.
fn push_call(
    p: &Profile,
    facts: &mut Facts,
    cx: &Prose,
    s: &Sentence,
    call: Call,
    seen: &mut std::collections::HashSet<String>,
    n: &mut usize,
) -> Option<String> {
    let (span, clause) = clause_of(p, s, &call);
    if !seen.insert(clause.clone()) {
        return None; // The same words again (a summary above the story).
    }
    *n += 1;
    let n = *n;
    let section = crate::ingest::listed::section_of(cx.sections, span.start);
    let prov = facts.prov(section, span);
    let agreement = format!("agreement:{}/request-{n}", cx.doc);
    let name = shorten(&clause, 70);
    facts.node(
        &agreement,
        crate::model::Kind::Agreement,
        &name,
        std::slice::from_ref(&name),
        &prov,
    );
    facts.attr(
        &agreement,
        "text",
        crate::model::Value::Text(clause.clone()),
        &prov,
    );
    facts.attr(
        &agreement,
        "form",
        crate::model::Value::Text("request".into()),
        &prov,
    );
    facts.edge(
        &crate::model::section_id(cx.doc, section),
        &agreement,
        EdgeKind::Mentions,
        vec![],
        &prov,
    );
    if let Some(m) = cx.own.filter(|_| call.adopted) {
        facts.edge(&agreement, m, EdgeKind::AdoptedAt, vec![], &prov);
    }
    let id = format!("request:{}/request-{n}", cx.doc);
    Some(record_call(facts, &id, &agreement, call.who, clause, &prov))
}

/// A call's span in the document and its words, without what joins it
/// to the next.
fn clause_of(p: &Profile, s: &Sentence, call: &Call) -> (Span, String) {
    let text = s.text.get(call.from..call.to).unwrap_or("");
    let text = ended(p, text, call.to >= s.text.len());
    let span = Span {
        start: s.span.start + call.from,
        end: s.span.start + call.from + text.len(),
    };
    (span, text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Store the request `id` of `agreement` to `who`; the line for the notes.
fn record_call(
    facts: &mut Facts,
    id: &str,
    agreement: &str,
    who: Addressed,
    clause: String,
    prov: &crate::model::Provenance,
) -> String {
    let note = format!(
        "request in prose to {}: {} (answers not stated)",
        who.to,
        shorten(&clause, 70)
    );
    let asked = Asked {
        subject: clause,
        who,
        deadline: None,
    };
    push_request(facts, id, agreement, asked, prov);
    note
}

/// Store a call in a sentence read already as `agreement` as a request
/// of that agreement.
fn attach_call(
    p: &Profile,
    facts: &mut Facts,
    cx: &Prose,
    s: &Sentence,
    call: Call,
    agreement: &str,
) -> Option<String> {
    let (span, clause) = clause_of(p, s, &call);
    let section = crate::ingest::listed::section_of(cx.sections, span.start);
    let prov = facts.prov(section, span);
    let n = 1 + facts
        .requests
        .iter()
        .filter(|r| r.agreement.as_str() == agreement)
        .count();
    let id = format!("request:{agreement}#{n}").replacen("agreement:", "", 1);
    Some(record_call(facts, &id, agreement, call.who, clause, &prov))
}

/// A call's text without what joins it to the call after it in the
/// same sentence (", e", "; y", ", a la vez que"); a call that runs to
/// its sentence's end as it is.
fn ended<'t>(p: &Profile, text: &'t str, last: bool) -> &'t str {
    if last {
        return text;
    }
    let t = text.trim_end();
    let w = words(t);
    let t = match p
        .requests
        .coordinated
        .iter()
        .find(|j| w.ends_with(&format!(" {j}")))
    {
        // As many words of the text as the joining words have.
        Some(j) => t
            .rsplitn(j.split(' ').count() + 1, char::is_whitespace)
            .last()
            .unwrap_or(t)
            .trim_end(),
        None => t,
    };
    t.trim_end_matches([',', ';', ' ', ':'])
}

/// True when a text ends a line with a colon after a body that decides
/// ("Ministers:" then bullets): what follows is said by that body.
fn opens_list(text: &str, role_in: &dyn Fn(&str) -> bool) -> bool {
    text.match_indices(':').any(|(at, _)| {
        let rest = text.get(at + 1..).unwrap_or("");
        let line_end = rest.trim_start_matches([' ', '\t']);
        (line_end.is_empty() || line_end.starts_with('\n'))
            && role_in(&words(text.get(..at).unwrap_or("")))
    })
}

/// True when a line opens with a bullet ("• urged ...", "- welcomed ...").
fn is_bullet(text: &str) -> bool {
    text.trim_start()
        .starts_with(['•', '-', '–', '◦', '▪', '·', '*', '\u{f0b7}'])
}

/// What [`in_prose`] reads beside the sentences.
pub struct Prose<'a> {
    pub doc: &'a str,
    pub sections: &'a [crate::model::Section],
    /// The decision items (their requests are read by [`emit`]).
    pub items: &'a [(Item, String, String)],
    /// The document's own meeting.
    pub own: Option<&'a str>,
    /// Whom the letter the document opens with is addressed to, and
    /// where the letter ends ([`letter::addressee_of`]), if it is one.
    pub letter_to: Option<(&'a str, usize)>,
}
