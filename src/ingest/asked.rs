//! Requests made inside decision items ("Solicitar a la OIM que elabore
//! …", "to request that the Presidency Pro-Témpore establish …"): a
//! request verb of the reading profile with its addressee (a group the
//! profile names, or the countries and organizations named after the
//! verb) becomes a [`Request`] of the item's agreement. The text states no
//! answers yet, so none is recorded and nobody is guessed: the count of
//! unnamed respondents runs from none to all who were asked.

use super::decisions::Item;
use super::facts::{shorten, text_attr, Facts};
use super::profile::{find_phrase, words, Profile};
use super::sentence::Sentence;
use crate::model::{EdgeKind, Request, Span, Status, Sym, UnnamedCount};
use addressee::{addressee, assigned, unnamed, Addressed};

mod addressee;
mod letter;
mod prose;
mod voiceless;

pub use letter::addressee_of as letter_addressee;
pub use prose::{in_prose, Prose};

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
        let verb = w.get(at..at + len).unwrap_or("");
        // "The funds assigned to the Reserve Fund": asks only in the passive.
        if p.requests.passive_only.iter().any(|v| v == verb) {
            return None;
        }
        if let Some(who) = addressee(p, s, after) {
            return Some(who);
        }
        if let Some(who) = addressee::asked_of(p, s, verb, after) {
            return Some(who);
        }
        // "Instar a que ...", "to call for ...": asked, of whom the
        // words do not say.
        if unnamed(p, after) || p.requests.unaddressed.iter().any(|u| u == verb) {
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
/// something asked for earlier. Not when it ends words that join a
/// consequence ("por lo que instaron a") or follows a record ("a
/// declaration that urges ..."). Also true after a word of `[requests]
/// nominal` ("a call for proposals", "as called for in the Compact").
fn relative(p: &Profile, w: &str, at: usize) -> bool {
    let before = w.get(..at).unwrap_or("").trim_end();
    let last = before.rsplit(' ').next().unwrap_or("");
    let so = |c: &String| {
        before
            .strip_suffix(c.as_str())
            .is_some_and(|b| b.is_empty() || b.ends_with(' '))
    };
    // "a declaration that urges member states to ...": the record asks.
    let record = before
        .strip_suffix(last)
        .map(str::trim_end)
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| p.documents.records.iter().any(|r| r == w));
    (p.requests.relative.iter().any(|r| r == last)
        && !p.requests.consequence.iter().any(so)
        && !record)
        || p.requests.nominal.iter().any(|r| r == last)
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

/// Whether a provenance's span overlaps `span`.
fn overlaps(p: &crate::model::Prov, span: Span) -> bool {
    match &**p {
        crate::model::Provenance::Extracted { span: s, .. } => {
            s.start < span.end && span.start < s.end
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
