//! `trace <agreement>`: an agreement's chronology across meetings and
//! documents. Collects the thread (the agreement and every agreement linked
//! to it by `same_as` or `evolved_into`), then each dated step: adopted,
//! reaffirmed, recommended, letters, bulletins, deadlines, workshops,
//! requests and responses, replacement — oldest first, each cited — and
//! ends with the status as of the last source and what is still open.

use crate::graph::KnowledgeGraph;
use crate::model::{
    DateValue, EdgeKind, Fact, Kind, Prov, Provenance, Request, Status, Sym, Value,
};
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Names of the lanes that are not an actor of the sources.
pub(crate) mod lane {
    /// Events whose sender the sources do not state.
    pub(crate) const EVENTS: &str = "events";
    /// Status as each report words it.
    pub(crate) const STATUS: &str = "status reported";
    /// Edges hidden by an annotation.
    pub(crate) const ANNOTATIONS: &str = "annotations";
}

/// One step of the chronology.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// When it happened, with its precision; `None` when the sources give no date.
    pub date: Option<DateValue>,
    /// What happened: adopted, reaffirmed, recommended, letter, deadline, response, ...
    pub what: String,
    /// The meeting or event (display name and id).
    pub at: Option<(String, String)>,
    /// A one-line description in the sources' terms.
    pub detail: String,
    /// Countries involved (display names).
    pub countries: Vec<String>,
    /// The same countries' ids, in the same order.
    pub country_ids: Vec<String>,
    /// Where it was read.
    pub source: Prov,
    /// The agreement node this step belongs to (thread member id).
    pub(crate) agreement: String,
    /// Other sources that report the same step.
    pub also: Vec<Prov>,
    /// Who acted: the body that met, the sender of a letter, the addressees
    /// of a request; one lane of the timeline picture.
    pub lane: String,
    /// For a request still open in the latest source: who is awaited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<String>,
}

/// The chronology of one agreement's thread.
#[derive(Debug, Clone, Serialize)]
pub struct Trace {
    pub agreement: String,
    pub name: String,
    /// Ids of the thread's agreements, oldest report first.
    pub thread: Vec<String>,
    /// Countries that proposed or sponsored it.
    pub proposed_by: Vec<String>,
    pub steps: Vec<Step>,
    /// Status as of the last source, in words.
    pub status: String,
    /// What is still open, from whom.
    pub open: Vec<String>,
}

fn date_of(kg: &KnowledgeGraph, i: NodeIndex) -> Option<DateValue> {
    kg.data(i)
        .attrs
        .iter()
        .find_map(|a| match (&a.key[..], &a.value) {
            ("date", Value::Date(d)) => Some(*d),
            _ => None,
        })
}

fn text_attr(kg: &KnowledgeGraph, i: NodeIndex, key: &str) -> Option<String> {
    kg.data(i)
        .attrs
        .iter()
        .rev()
        .find(|a| a.key == key)
        .map(|a| a.value.to_string())
}

/// The body a meeting belongs to (CRM, GRCM, ...), else its own name.
fn body_of(kg: &KnowledgeGraph, meeting: NodeIndex) -> String {
    kg.neighbours(meeting, Some(EdgeKind::PartOf), Direction::Outgoing)
        .map(|(o, _, _)| kg.data(o).name.clone())
        .next()
        .unwrap_or_else(|| kg.data(meeting).name.clone())
}

/// Date of the document a provenance points into.
fn report_date(kg: &KnowledgeGraph, prov: &Provenance) -> Option<DateValue> {
    let Provenance::Extracted { doc, .. } = prov else {
        return None;
    };
    kg.document(doc).and_then(|d| d.date)
}

impl Trace {
    /// The chronology of node `i` when it is an agreement.
    pub fn of_node(kg: &KnowledgeGraph, i: NodeIndex) -> Option<Trace> {
        (kg.data(i).kind == Kind::Agreement).then(|| Trace::of(kg, i))
    }

    /// The chronology of `agreement` and every agreement linked to it by
    /// `same_as` or `evolved_into`.
    pub fn of(kg: &KnowledgeGraph, agreement: NodeIndex) -> Trace {
        let members = kg.thread(agreement);
        let mut steps = Steps {
            kg,
            list: Vec::new(),
        };
        for &a in &members {
            steps.of_agreement(a);
        }
        let open = open_requests(kg, &members);
        let status = last_status(kg, &members).unwrap_or_else(|| {
            if open.is_empty() {
                "no open request recorded".into()
            } else {
                "pending".into()
            }
        });
        let first = kg.data(agreement);
        Trace {
            proposed_by: proposed_by(kg, &members),
            agreement: first.id.to_string(),
            name: first.name.clone(),
            thread: thread_ids(kg, &members),
            steps: steps.merged_by_date(),
            status,
            open,
        }
    }
}

/// The steps of a thread, as they are found.
struct Steps<'g> {
    kg: &'g KnowledgeGraph,
    list: Vec<Step>,
}

impl Steps<'_> {
    fn push(&mut self, agreement: &str, what: &str, detail: String, source: Prov) -> &mut Step {
        self.list.push(Step {
            date: None,
            what: what.into(),
            at: None,
            detail,
            countries: Vec::new(),
            country_ids: Vec::new(),
            source,
            agreement: agreement.to_string(),
            also: Vec::new(),
            lane: String::new(),
            open: None,
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// Everything the sources say of one agreement of the thread.
    fn of_agreement(&mut self, a: NodeIndex) {
        let id = self.kg.data(a).id.clone();
        self.meetings(a, &id);
        self.follow_ups(a, &id);
        self.retractions(&id);
        self.statuses(a, &id);
        for r in self
            .kg
            .request_history
            .get()
            .iter()
            .filter(|r| r.agreement == id)
        {
            self.request(r, &id);
        }
    }

    /// Where it was adopted, reaffirmed, recommended, and what replaced it.
    fn meetings(&mut self, a: NodeIndex, id: &str) {
        let kg = self.kg;
        for (m, _, e) in kg.neighbours(a, None, Direction::Outgoing) {
            let what = match e.kind {
                EdgeKind::AdoptedAt => "adopted",
                EdgeKind::ReaffirmedAt => "reaffirmed",
                EdgeKind::RecommendedAt => "recommended",
                EdgeKind::EvolvedInto => "replaced",
                _ => continue,
            };
            let node = kg.data(m);
            let step = self.push(id, what, format!("{what} at {}", node.name), e.prov.clone());
            step.date = date_of(kg, m);
            step.lane = body_of(kg, m);
            if node.kind == Kind::Country {
                step.countries = vec![node.name.clone()];
                step.country_ids = vec![node.id.to_string()];
            } else {
                step.at = Some((node.name.clone(), node.id.to_string()));
            }
        }
    }

    /// Letters, workshops, bulletins and other events that follow it up.
    fn follow_ups(&mut self, a: NodeIndex, id: &str) {
        let kg = self.kg;
        for (ev, _, e) in kg.neighbours(a, Some(EdgeKind::FollowsUp), Direction::Incoming) {
            let node = kg.data(ev);
            let what = text_attr(kg, ev, "type").unwrap_or_else(|| node.kind.to_string());
            let step = self.push(id, &what, node.name.clone(), e.prov.clone());
            step.date = date_of(kg, ev);
            step.at = Some((node.name.clone(), node.id.to_string()));
            step.lane = text_attr(kg, ev, "sender")
                .map_or_else(|| lane::EVENTS.to_string(), |s| kg.name_of(&s));
        }
    }

    /// Its edges that an annotation hid, with who and why.
    fn retractions(&mut self, id: &str) {
        let kg = self.kg;
        for r in &kg.retracted {
            let Fact::Edge { from, kind, to, .. } = &r.fact else {
                continue;
            };
            if from != id {
                continue;
            }
            let target = kg.node(to);
            let mut detail = format!(
                "{kind} {} — retracted by {} at {}",
                kg.name_of(to),
                r.by.author,
                r.by.at
            );
            if !r.by.reason.is_empty() {
                detail.push_str(&format!(": {}", r.by.reason));
            }
            let step = self.push(id, "retracted", detail, r.prov.clone());
            step.lane = lane::ANNOTATIONS.into();
            step.date = target.and_then(|t| date_of(kg, t));
            step.at = target.map(|t| (kg.data(t).name.clone(), kg.data(t).id.to_string()));
        }
    }

    /// Its status as each report words it.
    fn statuses(&mut self, a: NodeIndex, id: &str) {
        let kg = self.kg;
        for attr in kg.data(a).attrs.iter().filter(|x| x.key == "status") {
            let detail = format!("reported {}", attr.value);
            let step = self.push(id, "status", detail, attr.prov.clone());
            step.date = report_date(kg, &attr.prov);
            step.lane = lane::STATUS.into();
        }
    }

    /// A request for responses as one report states it: the asking, its
    /// deadline (once per date), and the responses counted.
    fn request(&mut self, r: &Request, id: &str) {
        let kg = self.kg;
        let asked = kg.asked_in(r);
        let detail = format!(
            "requested from {} ({} countries): {}",
            r.addressed_to,
            r.requested_from.len(),
            r.subject
        );
        let addressees = format!("{} ({})", r.addressed_to, r.requested_from.len());
        let open = kg
            .request(&r.id)
            .filter(|now| now.status != Status::Done)
            .map(|now| format!("awaiting {}", now.awaiting()));
        let step = self.push(id, "request", detail, asked.clone());
        step.date = r.requested_on.or_else(|| report_date(kg, &r.prov));
        step.lane = addressees.clone();
        step.open = open;
        let known = |d: DateValue, list: &[Step]| {
            list.iter()
                .any(|s| s.what == "deadline" && s.date == Some(d))
        };
        if let Some(d) = r.deadline.filter(|&d| !known(d, &self.list)) {
            let detail = format!("deadline for: {}", r.subject);
            let step = self.push(id, "deadline", detail, asked);
            step.date = Some(d);
            step.lane = addressees.clone();
        }
        let what = if r.status == Status::Done {
            "done"
        } else {
            "responses"
        };
        let detail = format!("{}: awaiting {}", r.subject, r.awaiting());
        let step = self.push(id, what, detail, r.prov.clone());
        step.date = report_date(kg, &r.prov);
        step.lane = addressees;
        step.countries = r.responded_named.iter().map(|c| kg.name_of(c)).collect();
        step.country_ids = r.responded_named.iter().map(|c| c.to_string()).collect();
    }

    /// One step reported by several documents is one step with several
    /// sources; steps oldest first, undated last.
    fn merged_by_date(self) -> Vec<Step> {
        let mut merged: Vec<Step> = Vec::new();
        for s in self.list {
            match merged
                .iter_mut()
                .find(|m| m.date == s.date && m.what == s.what && m.detail == s.detail)
            {
                Some(m) => {
                    if m.source != s.source && !m.also.contains(&s.source) {
                        m.also.push(s.source);
                    }
                }
                None => merged.push(s),
            }
        }
        merged.sort_by(|a, b| {
            let key = |s: &Step| s.date.map(|d| (d.start, d.end));
            match (key(a), key(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
        merged
    }
}

/// What is still open in the thread, from whom.
fn open_requests(kg: &KnowledgeGraph, members: &[NodeIndex]) -> Vec<String> {
    let ids: BTreeSet<Sym> = members.iter().map(|&m| kg.data(m).id.clone()).collect();
    kg.requests
        .iter()
        .filter(|r| ids.contains(&r.agreement) && r.status != Status::Done)
        .map(|r| {
            let list = r
                .requested_from
                .iter()
                .filter(|c| !r.responded_named.contains(c))
                .map(|c| kg.name_of(c))
                .collect::<Vec<_>>()
                .join(", ");
            let qualifier = if r.responded_unnamed.max > 0 {
                "among"
            } else {
                "from"
            };
            format!(
                "{}: awaiting {} — {qualifier} {list}",
                r.subject,
                r.awaiting()
            )
        })
        .collect()
}

/// The status the latest report gives any agreement of the thread.
fn last_status(kg: &KnowledgeGraph, members: &[NodeIndex]) -> Option<String> {
    members
        .iter()
        .filter_map(|&m| {
            kg.data(m)
                .attrs
                .iter()
                .rfind(|a| a.key == "status")
                .map(|a| (report_date(kg, &a.prov), a.value.to_string()))
        })
        .max_by_key(|(d, _)| d.map(|d| d.end))
        .map(|(_, s)| s)
}

/// The thread's agreements, oldest report first.
fn thread_ids(kg: &KnowledgeGraph, members: &[NodeIndex]) -> Vec<String> {
    let mut ids: Vec<(Option<DateValue>, Sym)> = members
        .iter()
        .map(|&m| {
            (
                kg.data(m).sources.iter().find_map(|p| report_date(kg, p)),
                kg.data(m).id.clone(),
            )
        })
        .collect();
    ids.sort_by_key(|(d, id)| (d.map(|d| d.start), id.clone()));
    ids.into_iter().map(|(_, id)| id.to_string()).collect()
}

/// Countries that proposed or sponsored an agreement of the thread.
fn proposed_by(kg: &KnowledgeGraph, members: &[NodeIndex]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for &m in members {
        for (c, _, _) in kg.neighbours(m, Some(EdgeKind::ProposedBy), Direction::Outgoing) {
            let name = kg.data(c).name.clone();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

impl Trace {
    /// The chronology as text, one step a line, each cited, ending with
    /// the status and what is open.
    pub fn to_text(&self, kg: &KnowledgeGraph) -> String {
        let mut out = self.steps_text(kg);
        let _ = writeln!(out, "status: {}", self.status);
        for o in &self.open {
            let _ = writeln!(out, "open: {o}");
        }
        out
    }

    /// The chronology as text without the closing status lines.
    pub(crate) fn steps_text(&self, kg: &KnowledgeGraph) -> String {
        let mut out = format!("{} ({})\n", self.name, self.agreement);
        if self.thread.len() > 1 {
            let _ = writeln!(out, "thread: {}", self.thread.join(" → "));
        }
        if !self.proposed_by.is_empty() {
            let _ = writeln!(
                out,
                "proposed or sponsored by: {}",
                self.proposed_by.join(", ")
            );
        }
        for s in &self.steps {
            let date = s
                .date
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let _ = write!(out, "  {date:<24} {:<12} {}", s.what, s.detail);
            if !s.countries.is_empty() {
                let _ = write!(out, " [{}]", s.countries.join(", "));
            }
            let _ = writeln!(out);
            let _ = write!(out, "  {:<24} {:<12} source: {}", "", "", s.source);
            if let Some(p) = kg.page_of(&s.source) {
                let _ = write!(out, " p. {p}");
            }
            if let Some(sentence) = kg.sentence(&s.source) {
                let words: Vec<&str> = sentence.split_whitespace().collect();
                let short = if words.len() > 24 {
                    format!("{} …", words[..24].join(" "))
                } else {
                    words.join(" ")
                };
                let _ = write!(out, " “{short}”");
            }
            let _ = writeln!(out);
            for a in &s.also {
                let _ = writeln!(out, "  {:<24} {:<12} also: {a}", "", "");
            }
        }
        out
    }

    /// The thread as a Graphviz DOT picture of meetings and events.
    pub fn to_dot(&self) -> String {
        let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        let mut out = String::from(
            "digraph trace {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n",
        );
        let _ = writeln!(out, "  a [label=\"{}\", shape=ellipse];", esc(&self.name));
        let mut prev: Option<String> = None;
        for (n, s) in self.steps.iter().enumerate() {
            let date = s
                .date
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let _ = writeln!(
                out,
                "  s{n} [label=\"{}\\n{}\\n{}\"];",
                esc(&date),
                esc(&s.what),
                esc(&s.at.as_ref().map_or(String::new(), |a| a.0.clone()))
            );
            let _ = writeln!(out, "  s{n} -> a [style=dotted, arrowhead=none];");
            if let Some(p) = prev {
                let _ = writeln!(out, "  {p} -> s{n};");
            }
            prev = Some(format!("s{n}"));
        }
        out.push_str("}\n");
        out
    }

    /// The thread as a Mermaid flowchart.
    pub fn to_mermaid(&self) -> String {
        let esc = |s: &str| s.replace('"', "'");
        let mut out = String::from("flowchart LR\n");
        for (n, s) in self.steps.iter().enumerate() {
            let date = s
                .date
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let at =
                s.at.as_ref()
                    .map_or(String::new(), |a| format!("<br/>{}", a.0));
            let _ = writeln!(
                out,
                "  s{n}[\"{}<br/>{}{}\"]",
                esc(&date),
                esc(&s.what),
                esc(&at)
            );
            if n > 0 {
                let _ = writeln!(out, "  s{} --> s{n}", n - 1);
            }
        }
        out
    }
}
