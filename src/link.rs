//! Threads across documents: links agreements of different reports that
//! are the same agreement (`same_as`, with the evidence kept), and
//! recomputes each request's responses from every report of its thread, so
//! a later report that names a responder sharpens an earlier "1 unnamed".
//! Runs inside the graph build; derived facts carry the provenance of the
//! later report's sentence.

use crate::graph::KnowledgeGraph;
use crate::model::{Attr, EdgeFact, EdgeKind, Kind, Provenance, Request, Status, Sym, Value};
use crate::text::normalize;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeSet, HashMap};

/// A report date as a sortable (year, month, day).
pub type DateKey = (i32, u8, u8);

/// What the linker needs to know of one agreement node.
#[derive(Debug, Clone)]
pub struct AgreementInfo {
    pub id: String,
    pub doc: String,
    /// Report date, as a sortable key (year, month, day) of its end.
    pub date: Option<(i32, u8, u8)>,
    pub heading: String,
    pub text: String,
    /// Meetings it was adopted or reaffirmed at.
    pub meetings: BTreeSet<String>,
    /// Documents (quoted titles), projects and organizations it concerns.
    pub concerns: BTreeSet<String>,
}

const STOPWORDS: &[&str] = &[
    "de", "la", "el", "los", "las", "y", "en", "para", "por", "con", "del", "a", "al", "un", "una",
    "que", "se", "su", "sus", "sobre", "como", "o", "e", "lo", "le", "les", "the", "of", "and",
    "to",
];

fn words(s: &str) -> BTreeSet<String> {
    normalize(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !STOPWORDS.contains(w))
        .map(|w| w.to_string())
        .collect()
}

/// Jaccard similarity of the content words of two texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(&b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Evidence that two agreements are one, in words; empty when there is none.
pub fn evidence(a: &AgreementInfo, b: &AgreementInfo) -> Vec<String> {
    let mut v = Vocabulary::default();
    let wa = [v.set(&a.heading), v.set(&a.text)];
    let wb = [v.set(&b.heading), v.set(&b.text)];
    evidence_with(a, b, &wa, &wb)
}

/// Content words of a text as sorted, distinct ids of one [`Vocabulary`]:
/// the set [`similarity`] compares, computed once per text instead of once
/// per pair.
type WordSet = Vec<u32>;

/// Interns content words so that word sets are small sorted integer lists.
#[derive(Default)]
struct Vocabulary(HashMap<String, u32>);

impl Vocabulary {
    fn set(&mut self, s: &str) -> WordSet {
        let mut v: Vec<u32> = words(s)
            .into_iter()
            .map(|w| {
                let next = self.0.len() as u32;
                *self.0.entry(w).or_insert(next)
            })
            .collect();
        v.sort_unstable();
        v
    }
}

/// [`similarity`] of two texts given their word sets: the same counts, so
/// the same value.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// [`evidence`] given the word sets of both agreements' headings and
/// texts, computed beforehand.
fn evidence_with(
    a: &AgreementInfo,
    b: &AgreementInfo,
    wa: &[WordSet; 2],
    wb: &[WordSet; 2],
) -> Vec<String> {
    let mut ev = Vec::new();
    let shared: Vec<&String> = a
        .concerns
        .intersection(&b.concerns)
        .filter(|c| c.starts_with("document:"))
        .collect();
    if let Some(doc) = shared.first() {
        ev.push(format!("both concern {doc}"));
    }
    let same_meeting: Vec<&String> = a.meetings.intersection(&b.meetings).collect();
    let heading_sim = jaccard(&wa[0], &wb[0]);
    if !same_meeting.is_empty() && heading_sim >= 0.5 {
        ev.push(format!(
            "same meeting ({}) and subject (heading similarity {heading_sim:.2})",
            same_meeting[0]
        ));
    }
    let text_sim = jaccard(&wa[1], &wb[1]);
    if text_sim >= 0.6 {
        ev.push(format!("same decision text (similarity {text_sim:.2})"));
    }
    ev
}

/// `same_as` edges from each later agreement to the earlier one it
/// continues. Confidence is `certain` with two kinds of evidence or more,
/// else `probable`.
pub fn same_as_edges(agreements: &[AgreementInfo]) -> Vec<EdgeFact> {
    let mut edges = Vec::new();
    // Candidates share a meeting or a concern; bucket to avoid comparing all pairs.
    let mut buckets: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in agreements.iter().enumerate() {
        for k in a.meetings.iter().chain(a.concerns.iter()) {
            buckets.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in buckets.values() {
        if list.len() > 200 {
            continue; // too common to be evidence of identity
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if agreements[i].doc != agreements[j].doc {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    // Each agreement's heading and text words, once: comparing pairs then
    // costs a merge of two short integer lists, not two normalizations.
    let mut vocabulary = Vocabulary::default();
    let sets: Vec<[WordSet; 2]> = agreements
        .iter()
        .map(|a| [vocabulary.set(&a.heading), vocabulary.set(&a.text)])
        .collect();
    for (i, j) in pairs {
        let (a, b) = (&agreements[i], &agreements[j]);
        let ev = evidence_with(a, b, &sets[i], &sets[j]);
        if ev.is_empty() {
            continue;
        }
        let (later, earlier) = if (b.date, &b.doc) >= (a.date, &a.doc) {
            (b, a)
        } else {
            (a, b)
        };
        let confidence = if ev.len() >= 2 { "certain" } else { "probable" };
        let prov = Provenance::Reference {
            source: format!("derived by acta from {} and {}", earlier.doc, later.doc).into(),
        };
        edges.push(EdgeFact {
            from: later.id.clone().into(),
            to: earlier.id.clone().into(),
            kind: EdgeKind::SameAs,
            attrs: vec![
                Attr {
                    key: "evidence".into(),
                    value: Value::Text(ev.join("; ")),
                    prov: prov.clone().into(),
                },
                Attr {
                    key: "confidence".into(),
                    value: Value::Text(confidence.into()),
                    prov: prov.clone().into(),
                },
            ],
            prov: prov.into(),
        });
    }
    edges
}

/// Recompute requests across a thread. `thread_of` maps an agreement id to
/// its thread's root id; `date_of` gives a request's report date key.
/// Requests of one thread with similar subjects are one request over time:
/// responders named anywhere are kept, the count of respondents never goes
/// down, unnamed respondents become named as later reports name them, and a
/// later report that closes the matter closes it. Returns the effective
/// requests (one per group, under the earliest request's id and agreement,
/// with the latest report's provenance).
pub fn merge_requests(
    requests: &[Request],
    thread_of: &dyn Fn(&str) -> String,
    date_of: &dyn Fn(&Request) -> Option<DateKey>,
) -> Vec<Request> {
    let mut groups: Vec<Vec<&Request>> = Vec::new();
    // Groups by the thread root of their first request, in creation order:
    // a request is compared only with the groups of its own thread (the
    // same candidates, in the same order, as a scan of every group).
    let mut by_root: HashMap<String, Vec<usize>> = HashMap::new();
    let mut vocabulary = Vocabulary::default();
    let mut subjects: Vec<WordSet> = Vec::new();
    let mut order: Vec<&Request> = requests.iter().collect();
    order.sort_by_cached_key(|r| (date_of(r), r.id.clone()));
    for r in order {
        let root = thread_of(&r.agreement);
        let words = vocabulary.set(&r.subject);
        let candidates = by_root.entry(root).or_default();
        let found = candidates
            .iter()
            .filter(|&&g| groups[g][0].agreement != r.agreement)
            .map(|&g| (jaccard(&subjects[g], &words), g))
            .filter(|(s, _)| *s >= 0.3)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, g)| g);
        match found {
            Some(g) => groups[g].push(r),
            None => {
                candidates.push(groups.len());
                groups.push(vec![r]);
                subjects.push(words);
            }
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let first = g[0];
            let last = g[g.len() - 1];
            if g.len() == 1 {
                return first.clone();
            }
            let mut named: Vec<Sym> = Vec::new();
            for r in &g {
                for c in &r.responded_named {
                    if !named.contains(c) {
                        named.push(c.clone());
                    }
                }
            }
            let total_min = g
                .iter()
                .map(|r| r.responded_named.len() as u32 + r.responded_unnamed.min)
                .max()
                .unwrap_or(0);
            let latest_max = last.responded_named.len() as u32 + last.responded_unnamed.max;
            let n = named.len() as u32;
            let min = total_min.saturating_sub(n);
            let max = latest_max.max(total_min).saturating_sub(n).max(min);
            let status = if g.iter().any(|r| r.status == Status::Done) {
                Status::Done
            } else {
                last.status
            };
            Request {
                id: first.id.clone(),
                agreement: first.agreement.clone(),
                subject: first.subject.clone(),
                requested_from: first.requested_from.clone(),
                addressed_to: first.addressed_to.clone(),
                requested_on: first.requested_on,
                deadline: first.deadline.or(last.deadline),
                responded_named: named,
                responded_unnamed: crate::model::UnnamedCount { min, max },
                status,
                prov: last.prov.clone(),
            }
        })
        .collect()
}

/// Link agreements across reports (`same_as`) and recompute requests
/// over each thread.
pub(crate) fn link_threads(kg: &mut KnowledgeGraph, annotations: &[crate::annotate::Annotation]) {
    let doc_dates: HashMap<String, (i32, u8, u8)> = kg
        .documents
        .iter()
        .filter_map(|d| {
            d.date
                .map(|dv| (d.id.clone(), (dv.end.year, dv.end.month, dv.end.day)))
        })
        .collect();
    let doc_of = |p: &Provenance| match p {
        Provenance::Extracted { doc, .. } => Some(doc.clone()),
        _ => None,
    };
    let mut infos = Vec::new();
    for i in kg.graph.node_indices() {
        let n = &kg.graph[i];
        if n.kind != Kind::Agreement {
            continue;
        }
        let Some(doc) = n.sources.iter().find_map(|p| doc_of(p)) else {
            continue;
        };
        let mut info = crate::link::AgreementInfo {
            id: n.id.to_string(),
            date: doc_dates.get(doc.as_str()).copied(),
            doc: doc.to_string(),
            heading: n.name.clone(),
            text: n.attr("text").map(ToString::to_string).unwrap_or_default(),
            meetings: Default::default(),
            concerns: Default::default(),
        };
        for e in kg.graph.edges_directed(i, Direction::Outgoing) {
            let target = kg.graph[e.target()].id.to_string();
            match e.weight().kind {
                EdgeKind::AdoptedAt | EdgeKind::ReaffirmedAt => {
                    info.meetings.insert(target);
                }
                EdgeKind::Concerns => {
                    info.concerns.insert(target);
                }
                _ => {}
            }
        }
        infos.push(info);
    }
    for e in crate::link::same_as_edges(&infos) {
        kg.add_edge(e, true);
    }
    crate::annotate::apply_links(kg, annotations);
    // Thread roots: union of agreements over same_as and evolved_into.
    let mut root: HashMap<String, String> = HashMap::new();
    for info in &infos {
        if root.contains_key(&info.id) {
            continue;
        }
        let Some(start) = kg.node(&info.id) else {
            continue;
        };
        let members = crate::trace::thread(kg, start);
        let mut ids: Vec<String> = members
            .iter()
            .map(|&m| kg.graph[m].id.to_string())
            .collect();
        ids.sort();
        for id in &ids {
            root.insert(id.clone(), ids[0].clone());
        }
    }
    let dates = |r: &Request| match &*r.prov {
        Provenance::Extracted { doc, .. } => doc_dates.get(doc.as_str()).copied(),
        _ => None,
    };
    let thread_of = |a: &str| root.get(a).cloned().unwrap_or_else(|| a.to_string());
    kg.requests = crate::link::merge_requests(&kg.request_history, &thread_of, &dates);
    close_done_threads(kg, &root, &doc_dates);
}

/// A later report that says a thread's matter is done closes every request
/// of the thread; the earlier statements stay in the request history.
fn close_done_threads(
    kg: &mut KnowledgeGraph,
    root: &HashMap<String, String>,
    doc_dates: &HashMap<String, DateKey>,
) {
    // The latest status stated for each thread, by report date.
    let mut latest: HashMap<String, (Option<DateKey>, Status)> = HashMap::new();
    for i in kg.graph.node_indices() {
        let n = &kg.graph[i];
        if n.kind != Kind::Agreement {
            continue;
        }
        let thread = root
            .get(n.id.as_str())
            .cloned()
            .unwrap_or_else(|| n.id.to_string());
        for a in n.attrs.iter().filter(|a| a.key == "status") {
            let status = match a.value.to_string().as_str() {
                "done" => Status::Done,
                "in progress" => Status::InProgress,
                _ => Status::Pending,
            };
            let date = match &*a.prov {
                Provenance::Extracted { doc, .. } => doc_dates.get(doc.as_str()).copied(),
                _ => None,
            };
            let e = latest.entry(thread.clone()).or_insert((date, status));
            if date >= e.0 {
                *e = (date, status);
            }
        }
    }
    for r in &mut kg.requests {
        let thread = root
            .get(r.agreement.as_str())
            .cloned()
            .unwrap_or_else(|| r.agreement.to_string());
        if let Some((_, Status::Done)) = latest.get(&thread) {
            r.status = Status::Done;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_jaccard_of_content_words() {
        assert!(
            (similarity("Capacitación coordinada", "capacitacion coordinada") - 1.0).abs() < 1e-9
        );
        assert!(
            (similarity("plan de trabajo regional", "plan de trabajo consular") - 0.5).abs() < 1e-9
        );
        assert_eq!(similarity("", "algo"), 0.0);
    }
}
