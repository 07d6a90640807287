//! The synthetic corpus, as the benchmarks rely on it: the
//! same seed gives the same bytes, reports have the bundled report's size
//! and shape, they go through the real ingest pipeline without a problem,
//! and they refer to the same agreements across reports.

use crate::graph::ViewOptions;
use crate::kb::KnowledgeBase;
use crate::model::EdgeKind;
use crate::reference::from_roman;
use crate::store::PutOutcome;
use crate::synth::{self, MEMBERS};
use petgraph::Direction;
use regex::Regex;
use std::collections::BTreeSet;

const SEED: u64 = 7;

#[test]
fn same_seed_gives_byte_identical_reports() {
    for i in [0, 1, 37, 38, 999, 9_999] {
        assert_eq!(synth::report(SEED, i), synth::report(SEED, i), "report {i}");
    }
    assert_ne!(synth::report(SEED, 0).1, synth::report(SEED + 1, 0).1);
    assert_ne!(synth::report(SEED, 0).1, synth::report(SEED, 1).1);
    let names: BTreeSet<String> = synth::corpus(SEED, 200).map(|(n, _)| n).collect();
    assert_eq!(names.len(), 200, "file names are unique");
}

#[test]
fn reports_are_the_size_of_the_real_one() {
    for (name, text) in synth::corpus(SEED, 60) {
        assert!(
            (15_000..=27_000).contains(&text.len()),
            "{name}: {} bytes",
            text.len()
        );
    }
}

/// Section ids as the generator laid them out, read back from the lines:
/// `IV.` alone on a line, `A.  ` and `(1)  ` at the start of a line, `###`.
fn laid_out_sections(text: &str) -> Vec<String> {
    let roman = Regex::new(r"^\s*([IVX]+)\.\s*$").unwrap();
    let letter = Regex::new(r"^([A-Z])\.  ").unwrap();
    let item = Regex::new(r"^\((\d+)\)  ").unwrap();
    let (mut r, mut l) = (String::new(), String::new());
    let mut ids = Vec::new();
    for line in text.lines() {
        if line == "###" {
            ids.push("fn1".to_string());
            break;
        } else if let Some(c) = roman.captures(line) {
            r = c[1].to_string();
            l.clear();
            ids.push(r.clone());
        } else if let Some(c) = letter.captures(line) {
            l = format!("{r}.{}", &c[1]);
            ids.push(l.clone());
        } else if let Some(c) = item.captures(line) {
            let parent = if l.is_empty() { &r } else { &l };
            ids.push(format!("{parent}({})", &c[1]));
        }
    }
    ids
}

#[test]
fn synthetic_reports_ingest_cleanly_with_their_structure() {
    let dir = tempfile::tempdir().unwrap();
    let kb = KnowledgeBase::open(&dir.path().join("kb")).unwrap();
    let reports: Vec<(String, String)> = synth::corpus(SEED, 20).collect();
    for (name, text) in &reports {
        let (outcome, report) = kb.ingest_bytes(name, text.as_bytes()).unwrap();
        assert_eq!(outcome, PutOutcome::Added, "{name}");
        assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
    }
    assert_eq!(kb.check().unwrap(), Vec::<String>::new());
    assert_eq!(kb.store().document_count().ok(), Some(20));

    for (name, text) in &reports {
        let id = crate::ingest::doc_id_from_name(name);
        let bundle = kb.store().document(&id).unwrap().unwrap();
        let stored: Vec<&str> = bundle
            .sections
            .iter()
            .map(|s| s.id.as_str())
            .filter(|s| *s != "preamble")
            .collect();
        assert_eq!(stored, laid_out_sections(text), "{name}");
        let romans = stored.iter().filter(|s| from_roman(s).is_some()).count();
        assert!((5..=9).contains(&romans), "{name}: {romans} roman sections");
        assert!(stored.len() >= 12, "{name}: {} sections", stored.len());
        assert!(stored.iter().any(|s| s.ends_with(".A")), "{name}: lettered");
        let first = &bundle.sections[0];
        assert_eq!(
            (first.id.as_str(), first.heading.as_str()),
            ("I", "Introducción")
        );
    }

    // Every member country and the usual organizations are found, whatever
    // the spelling (México/Mexico, Panamá/Panama, República Dominicana...).
    let g = kb.view().unwrap();
    let mut mentioned = BTreeSet::new();
    for e in g.graph.edge_indices() {
        if g.graph[e].kind == EdgeKind::Mentions {
            let (_, to) = g.graph.edge_endpoints(e).unwrap();
            mentioned.insert(g.data(to).id.clone());
        }
    }
    for (iso, _) in MEMBERS {
        let id = format!("country:{}", iso.to_lowercase());
        assert!(mentioned.contains(id.as_str()), "{id} in {mentioned:?}");
    }
    for org in [
        "oim",
        "cepal",
        "siemca",
        "grcm",
        "crm",
        "ppt",
        "st",
        "secretaria-virtual",
    ] {
        let id = format!("organization:{org}");
        assert!(mentioned.contains(id.as_str()), "{id} in {mentioned:?}");
    }
    let mexico = g.node("country:mx").unwrap();
    let sections_on_mexico = g
        .neighbours(mexico, Some(EdgeKind::Mentions), Direction::Incoming)
        .count();
    assert!(sections_on_mexico >= 20, "{sections_on_mexico}");
}

#[test]
fn reports_mention_many_meetings_in_their_written_forms() {
    let meeting = Regex::new(r"\b([IVX]{1,7}) (?:Reunión|reunión|CRM)").unwrap();
    let mut ordinals = BTreeSet::new();
    for (i, (name, text)) in synth::corpus(SEED, 40).enumerate() {
        let upcoming = synth::upcoming_ordinal(i);
        let found: BTreeSet<u32> = meeting
            .captures_iter(&text)
            .filter_map(|c| from_roman(&c[1]))
            .collect();
        assert!(found.contains(&upcoming), "{name}: {found:?}");
        assert!(found.contains(&(upcoming - 1)), "{name}: {found:?}");
        let y = 1995 + upcoming as i32 - 1;
        assert!(
            text.contains(&format!("octubre {y}")) || text.contains(&format!("octubre de {y}")),
            "{name}: GRCM of October {y}"
        );
        ordinals.extend(found);
    }
    assert!(ordinals.len() >= 35, "{ordinals:?}");
}

#[test]
fn agreements_keep_their_quoted_titles_across_reports() {
    let quoted = Regex::new(r#"“([^”]+)”|"([^"]+)""#).unwrap();
    let titles = |text: &str| -> BTreeSet<String> {
        quoted
            .captures_iter(text)
            .filter_map(|c| c.get(1).or(c.get(2)).map(|m| m.as_str().to_string()))
            .collect()
    };
    // Reports 0 and 38 both prepare the II CRM and follow up the agreements
    // of the I CRM: the same titles, quoted the same way.
    let a = titles(&synth::report(SEED, 0).1);
    let b = titles(&synth::report(SEED, 38).1);
    let shared = a.intersection(&b).count();
    assert!(shared >= 5, "{shared} shared titles: {a:?} / {b:?}");
}

#[test]
fn shortest_paths_on_a_synthetic_graph_are_shortest_and_real() {
    use petgraph::graph::NodeIndex;
    use std::collections::VecDeque;

    let g = crate::Gazetteer::bundled().unwrap();
    let bundles: Vec<_> = synth::corpus(SEED, 8)
        .map(|(name, text)| {
            crate::ingest::prepare(&name, text.as_bytes(), &g)
                .unwrap()
                .0
        })
        .collect();
    let kg = crate::view::build(&g, &bundles, ViewOptions::default());
    let neighbours = |n: NodeIndex| -> Vec<NodeIndex> {
        kg.graph
            .edges_directed(n, Direction::Outgoing)
            .chain(kg.graph.edges_directed(n, Direction::Incoming))
            .filter(|e| !e.weight().derived)
            .map(|e| {
                if e.source() == n {
                    e.target()
                } else {
                    e.source()
                }
            })
            .collect()
    };
    let distance = |a: NodeIndex, b: NodeIndex| -> Option<usize> {
        let mut dist = vec![usize::MAX; kg.graph.node_count()];
        dist[a.index()] = 0;
        let mut queue = VecDeque::from([a]);
        while let Some(n) = queue.pop_front() {
            for m in neighbours(n) {
                if dist[m.index()] == usize::MAX {
                    dist[m.index()] = dist[n.index()] + 1;
                    queue.push_back(m);
                }
            }
        }
        (dist[b.index()] != usize::MAX).then(|| dist[b.index()])
    };
    let ids = [
        "country:bz",
        "country:mx",
        "organization:siemca",
        "organization:oim",
        "meeting:crm-07",
        "document:informe-ppt-s7-00000-panama-1997",
        "document:informe-ppt-s7-00007-nicaragua-2004",
    ];
    for a in ids {
        for b in ids {
            let (ia, ib) = (kg.node(a).unwrap(), kg.node(b).unwrap());
            let path = kg.shortest_path(ia, ib);
            assert_eq!(
                path.as_ref().map(|p| p.len() - 1),
                distance(ia, ib),
                "{a} → {b}"
            );
            if let Some(p) = path {
                assert_eq!((p[0], p[p.len() - 1]), (ia, ib));
                for w in p.windows(2) {
                    assert!(neighbours(w[0]).contains(&w[1]), "{a} → {b}: {p:?}");
                }
            }
        }
    }
}
