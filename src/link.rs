//! Threads across documents: links agreements of different reports that
//! are the same agreement (`same_as`, with the evidence kept), and
//! recomputes each request's responses from every report of its thread, so
//! a later report that names a responder sharpens an earlier "1 unnamed".
//! Runs inside the graph build; derived facts carry the provenance of the
//! later report's sentence.
//!
//! **Evidence** ([`evidence`]) that two agreements of different reports are
//! one: they concern the same quoted document (`document:`); or they were
//! adopted or reaffirmed at the same meeting and their headings share at
//! least half their content words (Jaccard ≥ 0.5); or their decision texts
//! do (Jaccard ≥ 0.6). Two kinds make a link `certain`, one `probable`.
//!
//! **Which links.** A researcher follows an agreement back report by
//! report, so each agreement is linked to the earlier agreement it
//! continues, not to every earlier one with evidence: a thread through
//! *n* reports is about *n* − 1 links, however many reports share its
//! meeting or its document. Agreements are visited oldest report first
//! (report date, then report id), and each takes the first of:
//!
//! 1. *Its quoted documents.* It continues the agreements of the nearest
//!    earlier report (by date, then report id) that quote the same
//!    document, for each document it quotes: a title is the most specific
//!    evidence a report gives, and a document quoted by ten thousand reports
//!    becomes one chain of links from each report to the one before it (what
//!    `trace` walks), not fifty million pairs.
//! 2. *Its headings.* For each of its meetings and each heading similar
//!    enough to its own (found once, by a similarity join of the distinct
//!    headings), the agreements of the nearest earlier report under that
//!    meeting and heading are candidates; it continues the best: more kinds
//!    of evidence, then the more similar heading, then the more similar
//!    text, then the nearest.
//! 3. *Its decision text.* In each of its meetings and of the concerns that
//!    are not organizations (a party to hundreds of agreements, which
//!    identifies none), the nearest earlier report with a text similar
//!    enough, found through an index of each text's rarest words (prefix
//!    filtering, see `join`); the best as above.
//!
//! Evidence other than a shared document never joins two threads that each
//! quote documents and share none (threads counted with `evolved_into`).
//! Without this rule, and with every pair of evidence linked, the rules
//! join agreements that only resemble each other: on the synthetic corpus a
//! topic recurs at many meetings under the same heading, and follow-up
//! decisions are written from a few templates; linking every pair with
//! evidence among 1,000 reports put 21,642 of 21,702 agreements into one
//! thread. The search is in `continues`; its cost grows with the number of
//! agreements, since each looks only at the nearest earlier report of a few
//! lists it belongs to.

use crate::graph::KnowledgeGraph;
use crate::model::{Attr, EdgeFact, EdgeKind, Kind, Provenance, Request, Status, Sym, Value};
use crate::text::normalize;
use fxhash::FxHashMap;
pub(crate) use ids::Ids;
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

mod continues;
mod ids;
mod join;
#[cfg(test)]
mod linking_tests;

/// A report date as a sortable (year, month, day).
pub type DateKey = (i32, u8, u8);

/// What the linker needs to know of one agreement node.
#[derive(Debug, Clone)]
pub struct AgreementInfo {
    /// The node's id and the document's, shared with the graph.
    pub id: Sym,
    pub doc: Sym,
    /// Report date, as a sortable key (year, month, day) of its end.
    pub date: Option<(i32, u8, u8)>,
    pub heading: String,
    pub text: String,
    /// Meetings it was adopted or reaffirmed at.
    pub meetings: Ids,
    /// Documents (quoted titles), projects and organizations it concerns.
    pub concerns: Ids,
}

const STOPWORDS: &[&str] = &[
    "de", "la", "el", "los", "las", "y", "en", "para", "por", "con", "del", "a", "al", "un", "una",
    "que", "se", "su", "sus", "sobre", "como", "o", "e", "lo", "le", "les", "the", "of", "and",
    "to",
];

/// Calls `f` with each content word of `s` (normalized, longer than two
/// bytes, not a stop word), repeats included.
fn each_word(s: &str, f: impl FnMut(&str)) {
    normalize(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !STOPWORDS.contains(w))
        .for_each(f);
}

fn words(s: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    each_word(s, |w| {
        set.insert(w.to_string());
    });
    set
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
struct Vocabulary {
    ids: FxHashMap<String, u32>,
    /// Word sets of short texts already seen: headings repeat across
    /// thousands of reports.
    seen: FxHashMap<String, WordSet>,
}

impl Vocabulary {
    fn set(&mut self, s: &str) -> WordSet {
        let mut v: Vec<u32> = Vec::new();
        let ids = &mut self.ids;
        each_word(s, |w| {
            let id = match ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = ids.len() as u32;
                    ids.insert(w.to_string(), id);
                    id
                }
            };
            v.push(id);
        });
        v.sort_unstable();
        v.dedup();
        v
    }

    /// [`Vocabulary::set`] for a text likely to repeat, such as a heading.
    fn set_repeated(&mut self, s: &str) -> WordSet {
        if let Some(v) = self.seen.get(s) {
            return v.clone();
        }
        let v = self.set(s);
        self.seen.insert(s.to_string(), v.clone());
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

/// What two agreements share, as far as the evidence rules look: the
/// first quoted document and the first meeting they both have (in id
/// order), and how similar their headings and their decision texts are.
#[derive(Debug, Clone, Copy)]
struct Shared<'a> {
    document: Option<&'a str>,
    meeting: Option<&'a str>,
    heading: f64,
    text: f64,
}

/// The evidence rules: a shared `document:` concern; the same meeting and
/// heading similarity ≥ 0.5; decision text similarity ≥ 0.6. In words,
/// empty when there is none.
fn describe(s: &Shared) -> Vec<String> {
    let mut ev = Vec::new();
    if let Some(doc) = s.document {
        ev.push(format!("both concern {doc}"));
    }
    if let Some(meeting) = s.meeting {
        let heading_sim = s.heading;
        if heading_sim >= 0.5 {
            ev.push(format!(
                "same meeting ({meeting}) and subject (heading similarity {heading_sim:.2})"
            ));
        }
    }
    let text_sim = s.text;
    if text_sim >= 0.6 {
        ev.push(format!("same decision text (similarity {text_sim:.2})"));
    }
    ev
}

/// [`evidence`] given the word sets of both agreements' headings and
/// texts, computed beforehand.
fn evidence_with(
    a: &AgreementInfo,
    b: &AgreementInfo,
    wa: &[WordSet; 2],
    wb: &[WordSet; 2],
) -> Vec<String> {
    let document = a
        .concerns
        .intersection(&b.concerns)
        .find(|c| c.starts_with("document:"));
    describe(&Shared {
        document: document.map(Sym::as_str),
        meeting: a.meetings.intersection(&b.meetings).next().map(Sym::as_str),
        heading: jaccard(&wa[0], &wb[0]),
        text: jaccard(&wa[1], &wb[1]),
    })
}

/// `same_as` edges from each later agreement to the earlier one(s) it
/// continues (see the module doc), each later agreement in report order
/// and its earlier ones nearest first. Confidence is `certain` with two
/// kinds of evidence or more, else `probable`.
pub fn same_as_edges(agreements: &[AgreementInfo]) -> Vec<EdgeFact> {
    same_as_edges_joined(agreements, &[])
}

/// [`same_as_edges`], knowing which agreements are already one thread:
/// `joined` holds pairs of indexes into `agreements` (their `evolved_into`
/// links), so that a link never joins two threads that quote different
/// documents through one of them.
pub fn same_as_edges_joined(
    agreements: &[AgreementInfo],
    joined: &[(usize, usize)],
) -> Vec<EdgeFact> {
    same_as_edges_words(agreements, joined, |i| {
        let a = &agreements[i];
        (Cow::Borrowed(&a.heading), Cow::Borrowed(&a.text))
    })
}

/// [`same_as_edges_joined`], agreement `i`'s heading and text read by
/// `words(i)` when counted (all the texts held at once: 0.2 GB at 10k).
pub(crate) fn same_as_edges_words<'a>(
    agreements: &[AgreementInfo],
    joined: &[(usize, usize)],
    words: impl Fn(usize) -> (Cow<'a, str>, Cow<'a, str>),
) -> Vec<EdgeFact> {
    let mut edges = Vec::new();
    // Each agreement's heading and text words, once: comparing pairs then
    // costs a merge of two short integer lists, not two normalizations.
    // Words are numbered in visiting order, so the numbering (and with it
    // every tie the search breaks) does not depend on the input's order.
    let order = continues::order(agreements);
    let mut vocabulary = Vocabulary::default();
    let mut sets: Vec<[WordSet; 2]> = vec![Default::default(); agreements.len()];
    for &i in &order {
        let (heading, text) = words(i);
        sets[i] = [vocabulary.set_repeated(&heading), vocabulary.set(&text)];
    }
    let links = continues::links(agreements, &order, &sets, joined);
    for link in links {
        let ev = describe(&link.shared);
        if ev.is_empty() {
            continue;
        }
        let (later, earlier) = (&agreements[link.later], &agreements[link.earlier]);
        let confidence = if ev.len() >= 2 { "certain" } else { "probable" };
        let prov = Provenance::Reference {
            source: format!("derived by acta from {} and {}", earlier.doc, later.doc).into(),
        };
        edges.push(EdgeFact {
            from: later.id.clone(),
            to: earlier.id.clone(),
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
pub(crate) fn link_threads(kg: &mut KnowledgeGraph, annotations: &[crate::model::Annotation]) {
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
    // Room for every agreement at once: the list is large at 10,000
    // reports and is alive while threads are linked.
    let count = kg
        .graph
        .node_weights()
        .filter(|n| n.kind == Kind::Agreement)
        .count();
    let mut infos = Vec::with_capacity(count);
    // Their nodes, ascending (headings and texts are read, not copied).
    let mut nodes = Vec::with_capacity(count);
    // `evolved_into` links between agreements, by position in `infos` and
    // target node: a thread the search must not split or join wrongly.
    let mut evolved: Vec<(usize, NodeIndex)> = Vec::new();
    for i in kg.graph.node_indices() {
        let n = &kg.graph[i];
        if n.kind != Kind::Agreement {
            continue;
        }
        let Some(doc) = n.sources.iter().find_map(|p| doc_of(p)) else {
            continue;
        };
        let mut info = crate::link::AgreementInfo {
            id: n.id.clone(),
            date: doc_dates.get(doc.as_str()).copied(),
            doc: doc.clone(),
            heading: String::new(),
            text: String::new(),
            meetings: Default::default(),
            concerns: Default::default(),
        };
        for e in kg.graph.edges_directed(i, Direction::Outgoing) {
            let target = || kg.graph[e.target()].id.clone();
            match e.weight().kind {
                EdgeKind::AdoptedAt | EdgeKind::ReaffirmedAt => {
                    info.meetings.insert(target());
                }
                EdgeKind::Concerns => {
                    info.concerns.insert(target());
                }
                EdgeKind::EvolvedInto => evolved.push((infos.len(), e.target())),
                _ => {}
            }
        }
        infos.push(info);
        nodes.push(i);
    }
    let joined: Vec<(usize, usize)> = evolved
        .iter()
        .filter_map(|&(a, b)| Some((a, nodes.binary_search(&b).ok()?)))
        .collect();
    let same = same_as_edges_words(&infos, &joined, |k| words_of(&kg.graph[nodes[k]]));
    for e in same {
        kg.add_edge(e, true);
    }
    crate::annotate::apply_links(kg, annotations);
    let root = thread_roots(kg, &infos);
    let dates = |r: &Request| match &*r.prov {
        Provenance::Extracted { doc, .. } => doc_dates.get(doc.as_str()).copied(),
        _ => None,
    };
    let thread_of = |a: &str| root.get(a).map_or_else(|| a.to_string(), Sym::to_string);
    kg.requests = crate::link::merge_requests(kg.request_history.get(), &thread_of, &dates);
    close_done_threads(kg, &root, &doc_dates);
}

/// An agreement node's heading and text, as its words are counted.
fn words_of(n: &crate::graph::NodeData) -> (Cow<'_, str>, Cow<'_, str>) {
    let text = n.attr("text").map(ToString::to_string).unwrap_or_default();
    (Cow::Borrowed(n.name.as_str()), Cow::Owned(text))
}

/// Each thread's root (its least agreement id) for every agreement of a
/// thread that holds one of `infos`: the agreements joined by `same_as` and
/// `evolved_into` in either direction ([`KnowledgeGraph::thread`]), found
/// with one pass over their edges instead of a walk from each agreement.
fn thread_roots(kg: &KnowledgeGraph, infos: &[AgreementInfo]) -> HashMap<Sym, Sym> {
    let n = kg.graph.node_count();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }
    let agreements: Vec<NodeIndex> = kg
        .graph
        .node_indices()
        .filter(|&i| kg.graph[i].kind == Kind::Agreement)
        .collect();
    for &i in &agreements {
        for e in kg.graph.edges_directed(i, Direction::Outgoing) {
            let linked = matches!(e.weight().kind, EdgeKind::SameAs | EdgeKind::EvolvedInto);
            if linked && kg.graph[e.target()].kind == Kind::Agreement {
                let (a, b) = (
                    find(&mut parent, i.index() as u32),
                    find(&mut parent, e.target().index() as u32),
                );
                parent[a.max(b) as usize] = a.min(b);
            }
        }
    }
    // The least id of each thread, and which threads hold an agreement of `infos`.
    let mut least: FxHashMap<u32, &Sym> = FxHashMap::default();
    for &i in &agreements {
        let r = find(&mut parent, i.index() as u32);
        let id = &kg.graph[i].id;
        let e = least.entry(r).or_insert(id);
        if id < *e {
            *e = id;
        }
    }
    let mut wanted: FxHashMap<u32, ()> = FxHashMap::default();
    for info in infos {
        if let Some(i) = kg.node(&info.id) {
            wanted.insert(find(&mut parent, i.index() as u32), ());
        }
    }
    let mut root = HashMap::with_capacity(agreements.len());
    for &i in &agreements {
        let r = find(&mut parent, i.index() as u32);
        if wanted.contains_key(&r) {
            root.insert(kg.graph[i].id.clone(), least[&r].clone());
        }
    }
    root
}

/// A later report that says a thread's matter is done closes every request
/// of the thread; the earlier statements stay in the request history.
fn close_done_threads(
    kg: &mut KnowledgeGraph,
    root: &HashMap<Sym, Sym>,
    doc_dates: &HashMap<String, DateKey>,
) {
    // The latest status stated for each thread, by report date.
    let mut latest: HashMap<Sym, (Option<DateKey>, Status)> = HashMap::new();
    for i in kg.graph.node_indices() {
        let n = &kg.graph[i];
        if n.kind != Kind::Agreement {
            continue;
        }
        let thread = root.get(n.id.as_str()).unwrap_or(&n.id);
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
            .map_or(r.agreement.as_str(), Sym::as_str);
        if let Some((_, Status::Done)) = latest.get(thread) {
            r.status = Status::Done;
        }
    }
}
