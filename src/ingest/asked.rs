//! Requests made inside decision items ("Solicitar a la OIM que elabore
//! …", "to request that the Presidency Pro-Témpore establish …"): a
//! request verb of the reading profile with its addressee (a group the
//! profile names, or the countries and organizations named after the
//! verb) becomes a [`Request`] of the item's agreement. The text states no
//! answers yet, so none is recorded and nobody is guessed: the count of
//! unnamed respondents runs from none to all who were asked.

use super::decisions::Item;
use super::facts::{shorten, text_attr, Facts};
use super::profile::{find_phrase, uncounted, words, Profile, Starts};
use super::sentence::Sentence;
use crate::model::{EdgeKind, Request, Span, Status, Sym, UnnamedCount};
use addressee::{addressee, assigned, unnamed, unnamed_in_prose, Addressed};
use voiceless::{impersonal, told_of};

mod addressee;
mod letter;
mod voiceless;

pub use letter::addressee_of as letter_addressee;

/// The part of a sentence inside an item.
fn clip(s: &Sentence, item: Span) -> Option<Span> {
    let start = s.span.start.max(item.start);
    let end = s.span.end.min(item.end);
    (start < end).then_some(Span { start, end })
}

/// The request a sentence (in [`words`] form `w`) of a decision item
/// makes, if any: a request verb with its addressee; a verb of sending
/// something to an organ ("To send the TS the information"), which asks
/// the member countries; an organ with a task to come ("The TS will write
/// to ...", "la ST elaborará").
fn request_in(p: &Profile, s: &Sentence, w: &str) -> Option<Addressed> {
    let first = |list: &[String]| {
        list.iter()
            .filter_map(|v| find_phrase(w, v).map(|at| (at, v.len())))
            .filter(|&(at, _)| !relative(p, w, at))
            .min_by_key(|(at, _)| *at)
    };
    if let Some((at, len)) = first(&p.requests.verbs) {
        if let Some(who) = passive_subject(p, w.get(..at).unwrap_or(""))
            .and_then(|subject| addressee(p, s, subject))
        {
            return Some(who);
        }
        let after = w.get(at + len..).unwrap_or("").trim();
        if let Some(who) = addressee(p, s, after) {
            return Some(who);
        }
        // "Instar a que ...": asked, of whom the words do not say.
        if unnamed(p, after) {
            return Some(Addressed {
                to: "addressee not stated".into(),
                named: Vec::new(),
            });
        }
    }
    if let Some(who) = answered_by(p, w) {
        return Some(who);
    }
    if let Some(who) = assigned(p, s, w) {
        return Some(who);
    }
    if let Some((at, len)) = first(&p.requests.deliver) {
        let after = w.get(at + len..).unwrap_or("").trim();
        if addressee(p, s, after).is_some_and(|who| who.named.is_empty() && is_organ(p, &who.to)) {
            return Some(Addressed {
                to: "member countries".into(),
                named: Vec::new(),
            });
        }
    }
    organ_task(p, s, w)
}

/// The words before a passive request verb, which name who was asked
/// ("the technical secretariat" in "the technical secretariat was
/// requested to ..."): the last dozen words before a passive word of the
/// profile that stands right before the verb.
fn passive_subject<'w>(p: &Profile, before: &'w str) -> Option<&'w str> {
    let before = before.trim_end();
    let aux = p.requests.passive.iter().find(|a| {
        before
            .strip_suffix(a.as_str())
            .is_some_and(|rest| rest.ends_with(' '))
    })?;
    let subject = before.get(..before.len() - aux.len())?.trim_end();
    let from = subject
        .rmatch_indices(' ')
        .nth(11)
        .map_or(0, |(i, _)| i + 1);
    subject.get(from..).filter(|s| !s.is_empty())
}

/// True when the word right before `at` in `w` opens a relative clause
/// ("los proyectos que solicitaron los Viceministros"): the verb names
/// something asked for earlier.
fn relative(p: &Profile, w: &str, at: usize) -> bool {
    let before = w.get(..at).unwrap_or("").trim_end();
    let last = before.rsplit(' ').next().unwrap_or("");
    p.requests.relative.iter().any(|r| r == last)
}

/// Those addressed before a phrase saying some have already answered
/// ("To thank the RCM Member Countries that have already supplied the
/// information"): they were asked.
fn answered_by(p: &Profile, w: &str) -> Option<Addressed> {
    let at = p
        .requests
        .answered
        .iter()
        .filter_map(|a| find_phrase(w, a))
        .min()?;
    let before = w.get(..at).unwrap_or("");
    p.requests
        .addressees
        .iter()
        .filter_map(|pair| find_phrase(before, &pair[0]).map(|k| (k, pair)))
        .max_by_key(|(k, _)| *k)
        .map(|(_, pair)| Addressed {
            to: pair[1].clone(),
            named: Vec::new(),
        })
}

/// True when the profile's addressee `to` is an organ (not the members).
fn is_organ(p: &Profile, to: &str) -> bool {
    to != "member countries" && p.requests.addressees.iter().any(|pair| pair[1] == to)
}

/// An organ followed by a verb of the future: a task given to it.
fn organ_task(p: &Profile, s: &Sentence, w: &str) -> Option<Addressed> {
    let lower = s.text.to_lowercase();
    for [phrase, to] in p
        .requests
        .addressees
        .iter()
        .filter(|pair| is_organ(p, &pair[1]))
    {
        let Some(at) = find_phrase(w, phrase) else {
            continue;
        };
        let next = w
            .get(at + phrase.len()..)
            .unwrap_or("")
            .split(' ')
            .nth(1)
            .unwrap_or("");
        let will = p.requests.future.iter().any(|f| f == next);
        let ending = p.requests.future_endings.iter().any(|e| {
            let plain = words(e);
            next.len() > plain.len() + 2
                && next.ends_with(&plain)
                && next
                    .get(..next.len() - plain.len())
                    .is_some_and(|stem| lower.contains(&format!("{stem}{e}")))
        });
        if will || ending {
            return Some(Addressed {
                to: to.clone(),
                named: Vec::new(),
            });
        }
    }
    None
}

/// Store the requests of the items (`ids[k]` is the agreement of
/// `items[k]`); returns one line per request for the notes.
pub fn emit(
    p: &Profile,
    text: &str,
    secs: &[Vec<Sentence>],
    items: &[(Item, String, String)],
    facts: &mut Facts,
) -> Vec<String> {
    let mut notes = Vec::new();
    for (item, agreement, section) in items {
        let mut n = 0;
        for s in secs.iter().flatten().filter(|s| !s.heading) {
            let Some(span) = clip(s, item.span) else {
                continue;
            };
            if facts.requests.iter().any(|r| overlaps(&r.prov, span)) {
                continue; // Read already, with its answers.
            }
            let w = words(text.get(span.start..span.end).unwrap_or(""));
            let Some(who) = request_in(p, s, &w) else {
                continue;
            };
            n += 1;
            let id = format!("request:{agreement}#{n}").replacen("agreement:", "", 1);
            let prov = facts.prov(section, span);
            let subject = text
                .get(span.start..span.end)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // A date the item sets as its deadline ("antes del 15 de enero
            // de 2004", "no later than"), with its year: a year inferred
            // from the document's date may put it before the text that
            // sets it.
            let deadline = s
                .dates
                .iter()
                .filter(|d| {
                    d.deadline && (span.start..span.end).contains(&(s.span.start + d.start))
                })
                .filter_map(|d| d.value)
                .find(|v| !v.inferred);
            notes.push(format!(
                "request to {}: {}{} (answers not stated)",
                who.to,
                shorten(&subject, 70),
                deadline
                    .map(|d| format!(", deadline {d}"))
                    .unwrap_or_default()
            ));
            let asked = Asked {
                subject,
                who,
                deadline,
            };
            push_request(facts, &id, agreement, asked, &prov);
        }
    }
    notes
}

/// What an item asks, of whom, and by when.
struct Asked {
    subject: String,
    who: Addressed,
    deadline: Option<crate::model::DateValue>,
}

/// Record a request of `agreement` to `who`: an edge to each country
/// asked and the request itself, with no answer (the text states none),
/// so the count of unnamed respondents runs from none to all asked.
fn push_request(
    facts: &mut Facts,
    id: &str,
    agreement: &str,
    asked: Asked,
    prov: &crate::model::Provenance,
) {
    let Asked {
        subject,
        who,
        deadline,
    } = asked;
    let asked: Vec<String> = who
        .named
        .into_iter()
        .filter(|c| c.starts_with("country:"))
        .collect();
    for c in &asked {
        facts.edge(
            agreement,
            c,
            EdgeKind::RequestsResponseFrom,
            vec![text_attr("request", id, prov)],
            prov,
        );
    }
    facts.requests.push(Request {
        id: Sym::new(id),
        agreement: Sym::new(agreement),
        subject,
        requested_from: asked.iter().map(|c| Sym::new(c.as_str())).collect(),
        addressed_to: who.to,
        requested_on: None,
        deadline,
        responded_named: Vec::new(),
        responded_unnamed: UnnamedCount {
            min: 0,
            max: u32::try_from(asked.len()).unwrap_or(u32::MAX),
        },
        status: Status::Pending,
        prov: prov.clone().into(),
    });
}

/// The spans of the agreements found so far, by start, kept up with the
/// facts as they grow (nodes are only added while the prose is read): a
/// sentence asks which overlap it without a walk through every node.
#[derive(Default)]
struct Spans {
    /// Nodes looked at so far.
    known: usize,
    /// (start, end), sorted.
    spans: Vec<(usize, usize)>,
    longest: usize,
}

impl Spans {
    fn catch_up(&mut self, nodes: &[crate::model::NodeFact]) {
        for n in nodes.get(self.known..).unwrap_or_default() {
            if n.kind != crate::model::Kind::Agreement {
                continue;
            }
            if let crate::model::Provenance::Extracted { span, .. } = &*n.prov {
                self.insert(*span);
            }
        }
        self.known = nodes.len();
    }

    fn insert(&mut self, span: Span) {
        let at = self.spans.partition_point(|&(a, _)| a < span.start);
        self.spans.insert(at, (span.start, span.end));
        self.longest = self.longest.max(span.end.saturating_sub(span.start));
    }

    /// Whether an agreement's span overlaps `span`: only those starting
    /// less than the longest span before it can.
    fn overlaps(&self, span: Span) -> bool {
        let from = self
            .spans
            .partition_point(|&(a, _)| a < span.start.saturating_sub(self.longest));
        let to = self.spans.partition_point(|&(a, _)| a < span.end);
        self.spans
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .any(|&(a, b)| a < span.end && span.start < b)
    }
}

fn overlaps(p: &crate::model::Prov, span: Span) -> bool {
    match &**p {
        crate::model::Provenance::Extracted { span: s, .. } => {
            s.start < span.end && span.start < s.end
        }
        _ => false,
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
        // Inside a decision item, or read already as an agreement or a
        // request (the report reader's): not a call in prose.
        agreements.catch_up(&facts.nodes);
        let read = agreements.overlaps(s.span);
        let in_item = cx
            .items
            .iter()
            .any(|(i, ..)| i.span.start < s.span.end && s.span.start < i.span.end);
        if read || in_item {
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
        if let Some((at, phrase, to)) = writer {
            let verb = verb.filter(|&(v, _)| v >= at).map(|(_, v)| v);
            let who = Addressed {
                to: to.to_string(),
                named: Vec::new(),
            };
            let call = Call {
                from: verb.unwrap_or(phrase),
                who,
                adopted: false,
            };
            notes.extend(push_call(facts, cx, s, call, &mut seen, &mut n));
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
        let decided = role_in_w(before)
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
        let after = w.get(at + verb.len()..).unwrap_or("").trim();
        let not_stated = || Addressed {
            to: "addressee not stated".into(),
            named: Vec::new(),
        };
        let who = addressee(p, s, after)
            .or_else(|| voiced.map(|_| not_stated()))
            .or_else(|| unnamed_in_prose(p, after).then(not_stated));
        let Some(who) = who else {
            continue;
        };
        // An impersonal call is its whole sentence: its opening says
        // whose voice asks ("En el acuerdo se instruye a los gobiernos").
        let call = Call {
            from: if voiced.is_some() { "" } else { verb },
            who,
            adopted: true,
        };
        notes.extend(push_call(facts, cx, s, call, &mut seen, &mut n));
    }
    notes
}

/// A call read in prose: the words it starts at (in [`words`] form; empty
/// for the whole sentence), who is asked, and whether the document's own
/// meeting made it.
struct Call<'a> {
    from: &'a str,
    who: Addressed,
    adopted: bool,
}

/// Store a call in prose as an agreement (marked `form = request`, of
/// the document's own meeting when the meeting made it) with its
/// request; `None` when the same words were stored already.
fn push_call(
    facts: &mut Facts,
    cx: &Prose,
    s: &Sentence,
    call: Call<'_>,
    seen: &mut std::collections::HashSet<String>,
    n: &mut usize,
) -> Option<String> {
    // The call itself: from its first words to the end of the sentence.
    let from = find_phrase(&s.norm, call.from).map_or(0, |k| s.orig(k));
    let span = Span {
        start: s.span.start + from,
        end: s.span.end,
    };
    let clause: String = s
        .text
        .get(from..)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !seen.insert(clause.clone()) {
        return None; // The same words again (a summary above the story).
    }
    *n += 1;
    let n = *n;
    let section = super::listed::section_of(cx.sections, span.start);
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
    let note = format!(
        "request in prose to {}: {} (answers not stated)",
        call.who.to,
        shorten(&clause, 70)
    );
    let asked = Asked {
        subject: clause,
        who: call.who,
        deadline: None,
    };
    push_request(facts, &id, &agreement, asked, &prov);
    Some(note)
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

#[cfg(test)]
mod tests;
