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

/// Who a request is addressed to.
struct Addressed {
    /// What the profile calls the group ("member countries", "st"), or
    /// the names of those named.
    to: String,
    /// Countries and organizations named as addressees.
    named: Vec<String>,
}

/// The addressee after a request verb, from the words that follow it.
fn addressee(p: &Profile, s: &Sentence, after: &str) -> Option<Addressed> {
    let near: String = after.split(' ').take(12).collect::<Vec<_>>().join(" ");
    if let Some(pair) = p
        .requests
        .addressees
        .iter()
        .filter_map(|pair| find_phrase(&near, &pair[0]).map(|at| (at, pair)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, pair)| pair)
    {
        return Some(Addressed {
            to: pair[1].clone(),
            named: Vec::new(),
        });
    }
    let named: Vec<String> = s
        .mentions
        .iter()
        .filter(|m| m.id.starts_with("country:") || m.id.starts_with("organization:"))
        .filter(|m| {
            let name = words(s.text.get(m.start..m.end).unwrap_or(""));
            !name.is_empty() && find_phrase(&near, &name).is_some()
        })
        .map(|m| m.id.clone())
        .collect();
    (!named.is_empty()).then(|| Addressed {
        to: named.join(", "),
        named,
    })
}

/// The part of a sentence inside an item.
fn clip(s: &Sentence, item: Span) -> Option<Span> {
    let start = s.span.start.max(item.start);
    let end = s.span.end.min(item.end);
    (start < end).then_some(Span { start, end })
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
            let Some((at, verb)) = p
                .requests
                .verbs
                .iter()
                .filter_map(|v| find_phrase(&w, v).map(|at| (at, v)))
                .min_by_key(|(at, _)| *at)
            else {
                continue;
            };
            let after = w.get(at + verb.len()..).unwrap_or("").trim();
            let Some(who) = addressee(p, s, after) else {
                continue;
            };
            n += 1;
            let id = format!("request:{agreement}#{n}").replacen("agreement:", "", 1);
            let prov = facts.prov(section, span);
            let asked: Vec<&String> = who
                .named
                .iter()
                .filter(|c| c.starts_with("country:"))
                .collect();
            for c in &asked {
                facts.edge(
                    agreement,
                    c,
                    EdgeKind::RequestsResponseFrom,
                    vec![text_attr("request", &id, &prov)],
                    &prov,
                );
            }
            let subject = text
                .get(span.start..span.end)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            notes.push(format!(
                "request to {}: {} (answers not stated)",
                who.to,
                shorten(&subject, 70)
            ));
            facts.requests.push(Request {
                id: Sym::new(&id),
                agreement: Sym::new(agreement),
                subject,
                requested_from: asked.iter().map(|c| Sym::new(c.as_str())).collect(),
                addressed_to: who.to,
                requested_on: None,
                deadline: None,
                responded_named: Vec::new(),
                responded_unnamed: UnnamedCount {
                    min: 0,
                    max: u32::try_from(asked.len()).unwrap_or(u32::MAX),
                },
                status: Status::Pending,
                prov: prov.into(),
            });
        }
    }
    notes
}

fn overlaps(p: &crate::model::Prov, span: Span) -> bool {
    match &**p {
        crate::model::Provenance::Extracted { span: s, .. } => {
            s.start < span.end && span.start < s.end
        }
        _ => false,
    }
}
