//! The operations a view is built with (in the order [`crate::view`]
//! calls them): merge a node by id, add an edge, keep a document's text,
//! sections and requests, drop what starts after an `as of` date, and
//! seal the view: derive the `awaits` edges and fill the indexes of a
//! finished view.

use super::{Adjacency, EdgeData, KnowledgeGraph, NodeData, ViewOptions, SOURCE_SET_AFTER};
use crate::model::Kind;
use crate::model::{
    Annotation, Attr, DocumentMeta, EdgeFact, EdgeKind, NodeFact, Request, Section, Status, Sym,
    Value, Ymd,
};
use crate::text::normalize;
use fxhash::FxHashMap;
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::collections::HashSet;

impl KnowledgeGraph {
    /// An empty view to build.
    pub(crate) fn empty(options: ViewOptions) -> KnowledgeGraph {
        KnowledgeGraph {
            options,
            ..KnowledgeGraph::default()
        }
    }

    /// The sources of merged nodes were checked through sets while facts
    /// came in; they are keyed by node index, so they go before nodes are
    /// renumbered and when the last fact is in.
    pub(crate) fn forget_source_sets(&mut self) {
        self.source_sets = FxHashMap::default();
    }

    /// Every fact is in, annotations applied and threads linked: keep the
    /// annotations, derive `awaits`, fill the indexes, give back room.
    pub(crate) fn seal(&mut self, annotations: &[Annotation]) {
        self.annotations = annotations.to_vec();
        let mut sections = std::mem::take(&mut self.sections_building);
        sections.shrink_to_fit();
        self.sections = super::Cold::built(sections);
        self.derive_awaits();
        self.index_kinds_and_requests();
        self.shrink();
    }

    /// Every node is in (no node is merged after this): the maps of
    /// nodes by id and by alias give way to their compact sorted forms,
    /// which lookups read as well, before threads are linked and the view
    /// sealed, the steps that need room of their own (at 10,000 reports
    /// the maps held ~250 MB, the sorted forms a tenth of it).
    pub(crate) fn index_nodes(&mut self) {
        if let Some(index) = super::AliasIndex::from_map(&self.by_alias) {
            self.alias_index = index;
            self.by_alias = FxHashMap::default();
        }
        let mut order: Vec<NodeIndex> = self.graph.node_indices().collect();
        order.sort_unstable_by(|&a, &b| self.graph[a].id.cmp(&self.graph[b].id));
        self.id_order = order;
        self.by_id = FxHashMap::default();
    }

    /// Add an edge whose ends are known, else keep it for later.
    pub(crate) fn add_edge_or_wait(&mut self, e: EdgeFact, waiting: &mut Vec<EdgeFact>) {
        if self.node(&e.from).is_some() && self.node(&e.to).is_some() {
            self.add_edge(e, false);
        } else {
            waiting.push(e);
        }
    }

    /// A document's text, sections and requests, kept in the view.
    pub(crate) fn keep_document(
        &mut self,
        mut doc: DocumentMeta,
        sections: Vec<Section>,
        requests: Vec<Request>,
    ) {
        if let Some(history) = self.request_history.get_mut() {
            history.extend(requests);
        }
        for mut s in sections {
            let in_document =
                doc.text.get(s.body_start..s.span.end).map(str::trim) == Some(&s.text);
            if in_document {
                s.text = String::new();
            }
            self.sections_building
                .insert((doc.id.clone(), s.id.clone()), (s, in_document));
        }
        self.doc_index.insert(doc.id.clone(), self.documents.len());
        self.texts.push(std::mem::take(&mut doc.text));
        self.documents.push(doc);
    }

    /// Give back the room lists grew into while facts were merged: at
    /// 10,000 reports, hundreds of megabytes of spare capacity.
    fn shrink(&mut self) {
        for n in self.graph.node_weights_mut() {
            n.attrs.shrink_to_fit();
            n.aliases.shrink_to_fit();
            n.sources.shrink_to_fit();
        }
        for e in self.graph.edge_weights_mut() {
            e.attrs.shrink_to_fit();
        }
        for v in self.by_alias.values_mut() {
            v.shrink_to_fit();
        }
        self.by_alias.shrink_to_fit();
        self.by_id.shrink_to_fit();
        if let Some(history) = self.request_history.get_mut() {
            history.shrink_to_fit();
        }
        self.requests.shrink_to_fit();
        self.documents.shrink_to_fit();
    }

    /// The indexes of a finished view: nodes by kind, requests by id.
    fn index_kinds_and_requests(&mut self) {
        self.by_kind = vec![Vec::new(); Kind::ALL.len()];
        for i in self.graph.node_indices() {
            self.by_kind[self.graph[i].kind as usize].push(i);
        }
        self.request_index = self
            .requests
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        // An edge's index is its insertion rank unless edges were removed
        // (a retraction moves the last edge into the gap): then no index.
        let added = std::mem::take(&mut self.awaits_added);
        self.awaits_adjacency = self.retracted.is_empty().then(|| {
            let mut by_node: [Adjacency; 2] = Default::default();
            for e in added {
                if let Some((a, b)) = self.graph.edge_endpoints(e) {
                    by_node[0].entry(a).or_default().push((b, e));
                    by_node[1].entry(b).or_default().push((a, e));
                }
            }
            by_node
        });
        let derived = std::mem::take(&mut self.awaits_request);
        let base = derived.iter().map(|(e, _)| e.index()).min().unwrap_or(0);
        let end = derived
            .iter()
            .map(|(e, _)| e.index() + 1)
            .max()
            .unwrap_or(0);
        let mut table = vec![u32::MAX; end.saturating_sub(base)];
        for (e, id) in derived {
            if let Some(&i) = self.request_index.get(&id) {
                table[e.index() - base] = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        self.request_of_awaits = (base, table);
    }

    pub(crate) fn merge_node(&mut self, n: NodeFact) {
        debug_assert!(self.id_order.is_empty(), "a node merged after index_nodes");
        match self.by_id.get(&n.id) {
            Some(&i) => {
                for k in keys(&n.aliases, &n.name, &n.id) {
                    index_alias(&mut self.by_alias, normalize(k), i, false);
                }
                let node = &mut self.graph[i];
                for a in n.aliases {
                    if !node.aliases.contains(&a) {
                        node.aliases.push(a);
                    }
                }
                node.attrs.extend(n.attrs);
                let known = if node.sources.len() < SOURCE_SET_AFTER {
                    node.sources.contains(&n.prov)
                } else {
                    let set = self
                        .source_sets
                        .entry(i)
                        .or_insert_with(|| node.sources.iter().cloned().collect());
                    !set.insert(n.prov.clone())
                };
                if !known {
                    node.sources.push(n.prov);
                }
            }
            None => {
                let id = n.id.clone();
                let i = self.graph.add_node(NodeData {
                    id: n.id,
                    kind: n.kind,
                    name: n.name,
                    aliases: n.aliases,
                    attrs: n.attrs,
                    sources: vec![n.prov],
                });
                let node = &self.graph[i];
                for k in keys(&node.aliases, &node.name, &node.id) {
                    index_alias(&mut self.by_alias, normalize(k), i, true);
                }
                self.by_id.insert(id, i);
            }
        }
    }

    /// Remove meetings and events that start after `d` (not yet known).
    pub(crate) fn drop_future(&mut self, d: Ymd) {
        let future: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&i| {
                let n = &self.graph[i];
                matches!(n.kind, Kind::Meeting | Kind::Event)
                    && matches!(n.attr("date"), Some(Value::Date(dv)) if dv.start > d)
            })
            .collect();
        let gone: HashSet<Sym> = future.iter().map(|&i| self.graph[i].id.clone()).collect();
        self.graph.retain_nodes(|g, i| !gone.contains(&g[i].id));
        self.reindex();
    }

    fn reindex(&mut self) {
        self.by_id.clear();
        self.by_alias.clear();
        for i in self.graph.node_indices() {
            let n = &self.graph[i];
            self.by_id.insert(n.id.clone(), i);
            for k in keys(&n.aliases, &n.name, &n.id) {
                index_alias(&mut self.by_alias, normalize(k), i, true);
            }
        }
    }

    /// Add an edge whose ends exist; returns false (and adds nothing) when
    /// an end is missing.
    pub(crate) fn add_edge(&mut self, e: EdgeFact, derived: bool) -> bool {
        self.add_edge_index(e, derived).is_some()
    }

    /// [`KnowledgeGraph::add_edge`], giving the new edge's index.
    fn add_edge_index(&mut self, e: EdgeFact, derived: bool) -> Option<EdgeIndex> {
        let (Some(a), Some(b)) = (self.node(&e.from), self.node(&e.to)) else {
            return None;
        };
        if e.kind == EdgeKind::Awaits {
            self.awaits_added
                .push(EdgeIndex::new(self.graph.edge_count()));
        }
        Some(self.graph.add_edge(
            a,
            b,
            EdgeData {
                kind: e.kind,
                attrs: e.attrs.into(),
                prov: e.prov,
                derived,
            },
        ))
    }

    /// Derive `awaits` edges: for each request not done, every country asked
    /// and not named as having responded. When some respondents are unnamed,
    /// the edge says so (`certain` = false).
    fn derive_awaits(&mut self) {
        let mut derived = Vec::new();
        for r in &self.requests {
            if r.status == Status::Done {
                continue;
            }
            let uncertain = r.responded_unnamed.max > 0;
            // Respondents a researcher named: their annotations are part of
            // every awaits edge of the request, so answers cite them.
            let named_by: Vec<Attr> = self
                .annotated_responses
                .iter()
                .filter(|(id, _, _)| id == &r.id)
                .map(|(_, c, p)| Attr {
                    key: "named_responder".into(),
                    value: Value::Text(c.clone()),
                    prov: p.clone().into(),
                })
                .collect();
            for c in &r.requested_from {
                if r.responded_named.contains(c) {
                    continue;
                }
                derived.push((
                    EdgeFact {
                        from: r.agreement.clone(),
                        to: c.clone(),
                        kind: EdgeKind::Awaits,
                        attrs: vec![
                            Attr {
                                key: "request".into(),
                                value: Value::Text(r.id.to_string()),
                                prov: r.prov.clone(),
                            },
                            Attr {
                                key: "certain".into(),
                                value: Value::Bool(!uncertain),
                                prov: r.prov.clone(),
                            },
                        ]
                        .into_iter()
                        .chain(named_by.iter().cloned())
                        .collect(),
                        prov: r.prov.clone(),
                    },
                    r.id.clone(),
                ));
            }
        }
        for (e, request) in derived {
            if let Some(i) = self.add_edge_index(e, true) {
                self.awaits_request.push((i, request));
            }
        }
    }
}

/// What a node is known by: its aliases, name and id.
fn keys<'a>(aliases: &'a [String], name: &'a str, id: &'a str) -> impl Iterator<Item = &'a str> {
    aliases.iter().map(String::as_str).chain([name, id])
}

/// Add node `idx` to the nodes known by alias `key`, once. A `fresh` node
/// (just added, or indexed in node order) has the largest index so far, so
/// it can only be the last entry: no scan of lists that grow with the
/// corpus, such as the one for section number "iv.a".
fn index_alias(
    by_alias: &mut FxHashMap<String, Vec<NodeIndex>>,
    key: String,
    idx: NodeIndex,
    fresh: bool,
) {
    let v = by_alias.entry(key).or_default();
    let known = if fresh {
        v.last() == Some(&idx)
    } else {
        v.contains(&idx)
    };
    if !known {
        v.push(idx);
    }
}
