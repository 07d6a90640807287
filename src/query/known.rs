//! Honest empty answers. "(0 rows)" to "which agreements from VII CRM
//! still await responses?" reads as "nothing is pending"; that is true
//! only when the documents record requests for responses and every one is
//! answered. When no document here covers the meeting, or none records a
//! request for its agreements, the answer says so, and names the documents
//! that do cover the meeting, so the researcher knows what to add.

use super::ast::{About, Question};
use super::eval::Ctx;
use super::questions::resolve;
use crate::graph::KnowledgeGraph;
use crate::model::{Kind, Provenance, Status};
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use std::collections::BTreeSet;

/// What a non-empty answer to `q` needs said with it: that it is read
/// from something else than the question names.
pub(crate) fn answer_note(q: &Question) -> Option<String> {
    match q {
        Question::About {
            about: About::Attended,
            entity,
            ..
        } => Some(format!(
            "the documents here record no attendance list for {entity}: these are the members of the body that held it"
        )),
        _ => None,
    }
}

/// What an empty answer to `q` means, when it does not simply mean
/// "none": a note to print under it.
pub(crate) fn empty_answer_note(ctx: &Ctx<'_>, q: &Question) -> Option<String> {
    let kg = ctx.kg;
    match q {
        Question::Awaiting {
            meeting: Some(m), ..
        } => {
            let i = resolve(ctx, m, &[Kind::Meeting]).ok()?;
            Some(meeting_note(kg, i))
        }
        Question::Awaiting { meeting: None, .. } => kg
            .requests
            .is_empty()
            .then(|| "no document here records a request for responses: nothing is known of pending responses (which is not the same as none pending)".to_string()),
        Question::NotResponded { agreement, .. } => {
            let i = resolve(ctx, agreement, &[Kind::Agreement]).ok()?;
            let id = &kg.data(i).id;
            let requests: Vec<_> = kg.requests.iter().filter(|r| &r.agreement == id).collect();
            Some(if requests.is_empty() {
                format!("no document here records a request for responses to {agreement}: nothing is known of who has responded")
            } else {
                format!(
                    "every request for responses to {agreement} ({}) is recorded as answered or closed",
                    requests.len()
                )
            })
        }
        Question::About {
            about: About::Responded,
            entity,
            ..
        } => {
            let i = resolve(ctx, entity, &[Kind::Agreement]).ok()?;
            let id = &kg.data(i).id;
            let requests: Vec<_> = kg.requests.iter().filter(|r| &r.agreement == id).collect();
            if requests.is_empty() {
                return Some(format!("no document here records a request for responses to {entity}"));
            }
            let (min, max) = requests.iter().fold((0, 0), |(a, b), r| {
                (a + r.responded_unnamed.min, b + r.responded_unnamed.max)
            });
            Some(match (min, max) {
                (0, 0) => format!("the documents name no country that responded to {entity}, and count none"),
                (a, b) if a == b => format!("the documents name no country that responded to {entity}, but count {a} that did"),
                (a, b) => format!("the documents name no country that responded to {entity}, but count {a} to {b} that did"),
            })
        }
        _ => None,
    }
}

/// Why no agreement of meeting `m` awaits a response: no document covers
/// it, none records a request for its agreements, or every request is
/// answered.
fn meeting_note(kg: &KnowledgeGraph, m: NodeIndex) -> String {
    let name = &kg.data(m).name;
    let ids = super::pending::agreements_of(kg, m);
    let documents = covering(kg, m);
    if ids.is_empty() && documents.is_empty() {
        return format!(
            "no document here covers {name}: nothing is known of its agreements or of responses to them"
        );
    }
    let requests: Vec<_> = kg
        .requests
        .iter()
        .filter(|r| ids.contains(&*r.agreement))
        .collect();
    let read_from = if documents.is_empty() {
        String::new()
    } else {
        format!(" (documents covering it: {})", documents.join(", "))
    };
    if ids.is_empty() {
        return format!(
            "no agreement of {name} is recorded here{read_from}: nothing is known of its agreements or of responses to them"
        );
    }
    if requests.is_empty() {
        return format!(
            "no document here records a request for responses to the {} agreement(s) of {name}{read_from}: nothing is known of pending responses, which is not the same as none pending",
            ids.len()
        );
    }
    let open: Vec<String> = requests
        .iter()
        .filter(|r| r.status != Status::Done)
        .map(|r| {
            let to = if r.addressed_to.is_empty() {
                String::new()
            } else {
                format!(" (asked of: {})", r.addressed_to)
            };
            format!("“{}”{to}", clipped(&r.subject, 90))
        })
        .collect();
    if open.is_empty() {
        return format!(
            "every request for responses to agreements of {name} ({}) is recorded as answered or closed{read_from}",
            requests.len()
        );
    }
    format!(
        "{} request(s) about agreements of {name} still open with no country named as owing a response: {}{read_from}",
        open.len(),
        open.join("; ")
    )
}

/// The documents whose facts name meeting `m`, by id.
fn covering(kg: &KnowledgeGraph, m: NodeIndex) -> Vec<String> {
    let mut docs = BTreeSet::new();
    for e in kg
        .graph
        .edges_directed(m, Direction::Incoming)
        .chain(kg.graph.edges_directed(m, Direction::Outgoing))
    {
        if let Provenance::Extracted { doc, .. } = &*e.weight().prov {
            docs.insert(doc.to_string());
        }
    }
    docs.into_iter().collect()
}

/// At most `n` characters of `s`, an ellipsis marking the cut.
fn clipped(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
        None => s.to_string(),
    }
}
