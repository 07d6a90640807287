//! `trace <agreement>`: an agreement's chronology across meetings and
//! documents. Collects the thread (the agreement and every agreement linked
//! to it by `same_as` or `evolved_into`), then each dated step: adopted,
//! reaffirmed, recommended, letters, bulletins, deadlines, workshops,
//! requests and responses, replacement — oldest first, each cited — and
//! ends with the status as of the last source and what is still open.

use crate::graph::KnowledgeGraph;
use crate::model::{DateValue, EdgeKind, Kind, Provenance, Request, Status, Sym, Value};
use petgraph::graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write;

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
    /// Where it was read.
    pub source: crate::model::Prov,
    /// The agreement node this step belongs to (thread member id).
    pub agreement: String,
    /// Other sources that report the same step.
    pub also: Vec<crate::model::Prov>,
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

/// Date of the document a provenance points into.
fn report_date(kg: &KnowledgeGraph, prov: &Provenance) -> Option<DateValue> {
    let Provenance::Extracted { doc, .. } = prov else {
        return None;
    };
    kg.document(doc).and_then(|d| d.date)
}

fn names<S: AsRef<str>>(kg: &KnowledgeGraph, ids: &[S]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            let id = id.as_ref();
            kg.node(id)
                .map_or_else(|| id.to_string(), |i| kg.data(i).name.clone())
        })
        .collect()
}

/// "10 of 11 members (1 unnamed responded)" and the like.
pub fn awaiting_phrase(r: &Request) -> String {
    let asked = r.requested_from.len() as u32;
    let named = r.responded_named.len() as u32;
    let u = r.responded_unnamed;
    let open_max = asked.saturating_sub(named + u.min);
    let open_min = asked.saturating_sub(named + u.max);
    let mut s = if open_min == open_max {
        format!("{open_max} of {asked}")
    } else {
        format!("at least {open_min} of {asked}")
    };
    s.push_str(" members");
    let mut notes = Vec::new();
    if named > 0 {
        notes.push(format!("{named} named responded"));
    }
    match (u.min, u.max) {
        (0, 0) if named == 0 => notes.push("none responded".into()),
        (0, 0) => {}
        (a, b) if a == b => notes.push(format!("{a} unnamed responded")),
        (0, b) => notes.push(format!("up to {b} unnamed responded")),
        (a, b) => notes.push(format!("{a} to {b} unnamed responded")),
    }
    if !notes.is_empty() {
        let _ = write!(s, " ({})", notes.join(", "));
    }
    s
}

/// Build the trace of an agreement.
pub fn trace(kg: &KnowledgeGraph, agreement: NodeIndex) -> Trace {
    let members = kg.thread(agreement);
    let mut steps = Vec::new();
    for &a in &members {
        let aid = kg.data(a).id.clone();
        for (m, _, e) in kg.neighbours(a, None, Direction::Outgoing) {
            let what = match e.kind {
                EdgeKind::AdoptedAt => "adopted",
                EdgeKind::ReaffirmedAt => "reaffirmed",
                EdgeKind::RecommendedAt => "recommended",
                EdgeKind::EvolvedInto => "replaced",
                _ => continue,
            };
            let node = kg.data(m);
            let date = date_of(kg, m).or_else(|| {
                (e.kind == EdgeKind::ProposedBy)
                    .then(|| report_date(kg, &e.prov))
                    .flatten()
            });
            let countries = if node.kind == Kind::Country {
                vec![node.name.clone()]
            } else {
                Vec::new()
            };
            steps.push(Step {
                date,
                what: what.into(),
                at: (node.kind != Kind::Country).then(|| (node.name.clone(), node.id.to_string())),
                detail: format!(
                    "{what} {} {}",
                    if e.kind == EdgeKind::ProposedBy {
                        "by"
                    } else {
                        "at"
                    },
                    node.name
                ),
                countries,
                source: e.prov.clone(),
                agreement: aid.to_string(),
                also: Vec::new(),
            });
        }
        for (ev, _, e) in kg.neighbours(a, Some(EdgeKind::FollowsUp), Direction::Incoming) {
            let node = kg.data(ev);
            let kind = text_attr(kg, ev, "type").unwrap_or_else(|| node.kind.to_string());
            steps.push(Step {
                date: date_of(kg, ev),
                what: kind,
                at: Some((node.name.clone(), node.id.to_string())),
                detail: node.name.clone(),
                countries: Vec::new(),
                source: e.prov.clone(),
                agreement: aid.to_string(),
                also: Vec::new(),
            });
        }
        for r in kg.retracted.iter() {
            let parts: Vec<&str> = r.fact.splitn(3, ' ').collect();
            let [from, kind, to] = parts[..] else {
                continue;
            };
            if from != aid {
                continue;
            }
            let target = kg.node(to);
            let name = target.map_or_else(|| to.to_string(), |t| kg.data(t).name.clone());
            let mut detail = format!(
                "{kind} {name} — retracted by {} at {}",
                r.by.author, r.by.at
            );
            if !r.by.reason.is_empty() {
                detail.push_str(&format!(": {}", r.by.reason));
            }
            steps.push(Step {
                date: target.and_then(|t| date_of(kg, t)),
                what: "retracted".into(),
                at: target.map(|t| (kg.data(t).name.clone(), kg.data(t).id.to_string())),
                detail,
                countries: Vec::new(),
                source: r.prov.clone(),
                agreement: aid.to_string(),
                also: Vec::new(),
            });
        }
        for a in kg.data(a).attrs.iter().filter(|x| x.key == "status") {
            steps.push(Step {
                date: report_date(kg, &a.prov),
                what: "status".into(),
                at: None,
                detail: format!("reported {}", a.value),
                countries: Vec::new(),
                source: a.prov.clone(),
                agreement: aid.to_string(),
                also: Vec::new(),
            });
        }
        for r in kg.request_history.iter().filter(|r| r.agreement == aid) {
            let asked = kg.asked_in(r);
            steps.push(Step {
                date: r.requested_on.or_else(|| report_date(kg, &r.prov)),
                what: "request".into(),
                at: None,
                detail: format!(
                    "requested from {} ({} countries): {}",
                    r.addressed_to,
                    r.requested_from.len(),
                    r.subject
                ),
                countries: Vec::new(),
                source: asked.clone(),
                agreement: aid.to_string(),
                also: Vec::new(),
            });
            let deadline_known = |d: DateValue, steps: &[Step]| {
                steps
                    .iter()
                    .any(|s| s.what == "deadline" && s.date == Some(d))
            };
            if let Some(d) = r.deadline.filter(|&d| !deadline_known(d, &steps)) {
                steps.push(Step {
                    date: Some(d),
                    what: "deadline".into(),
                    at: None,
                    detail: format!("deadline for: {}", r.subject),
                    countries: Vec::new(),
                    source: asked.clone(),
                    agreement: aid.to_string(),
                    also: Vec::new(),
                });
            }
            let verb = if r.status == Status::Done {
                "done"
            } else {
                "responses"
            };
            steps.push(Step {
                date: report_date(kg, &r.prov),
                what: verb.into(),
                at: None,
                detail: format!("{}: awaiting {}", r.subject, awaiting_phrase(r)),
                countries: names(kg, &r.responded_named),
                source: r.prov.clone(),
                agreement: aid.to_string(),
                also: Vec::new(),
            });
        }
    }
    // One step reported by several documents is one step with several sources.
    let mut merged: Vec<Step> = Vec::new();
    for s in steps {
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
    let mut steps = merged;
    steps.sort_by(|a, b| {
        let key = |s: &Step| s.date.map(|d| (d.start, d.end));
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    let ids: BTreeSet<Sym> = members.iter().map(|&m| kg.data(m).id.clone()).collect();
    let open_requests: Vec<&Request> = kg
        .requests
        .iter()
        .filter(|r| ids.contains(&r.agreement) && r.status != Status::Done)
        .collect();
    let last_status = members
        .iter()
        .filter_map(|&m| {
            kg.data(m)
                .attrs
                .iter()
                .rfind(|a| a.key == "status")
                .map(|a| (report_date(kg, &a.prov), a.value.to_string()))
        })
        .max_by_key(|(d, _)| d.map(|d| d.end))
        .map(|(_, s)| s);
    let open: Vec<String> = open_requests
        .iter()
        .map(|r| {
            let awaited: Vec<Sym> = r
                .requested_from
                .iter()
                .filter(|c| !r.responded_named.contains(c))
                .cloned()
                .collect();
            let list = names(kg, &awaited).join(", ");
            let qualifier = if r.responded_unnamed.max > 0 {
                "among"
            } else {
                "from"
            };
            format!(
                "{}: awaiting {} — {qualifier} {list}",
                r.subject,
                awaiting_phrase(r)
            )
        })
        .collect();
    let status = last_status.unwrap_or_else(|| {
        if open.is_empty() {
            "no open request recorded".into()
        } else {
            "pending".into()
        }
    });
    let first = kg.data(agreement);
    let mut thread_ids: Vec<(Option<DateValue>, Sym)> = members
        .iter()
        .map(|&m| {
            (
                kg.data(m).sources.iter().find_map(|p| report_date(kg, p)),
                kg.data(m).id.clone(),
            )
        })
        .collect();
    thread_ids.sort_by_key(|(d, id)| (d.map(|d| d.start), id.clone()));
    let mut proposed_by: Vec<String> = Vec::new();
    for &m in &members {
        for (c, _, _) in kg.neighbours(m, Some(EdgeKind::ProposedBy), Direction::Outgoing) {
            let name = kg.data(c).name.clone();
            if !proposed_by.contains(&name) {
                proposed_by.push(name);
            }
        }
    }
    Trace {
        proposed_by,
        agreement: first.id.to_string(),
        name: first.name.clone(),
        thread: thread_ids
            .into_iter()
            .map(|(_, id)| id.to_string())
            .collect(),
        steps,
        status,
        open,
    }
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
    pub fn steps_text(&self, kg: &KnowledgeGraph) -> String {
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
