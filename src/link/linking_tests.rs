//! Tests of which `same_as` links are made: one chain per quoted document
//! and per meeting and heading however large, the text rule as the last
//! resort, threads of different documents kept apart, and the same links
//! whatever the order the agreements come in.

use super::*;
use crate::synth::SplitMix64;

fn agreement(
    report: usize,
    label: &str,
    heading: &str,
    text: &str,
    meetings: &[&str],
    concerns: &[&str],
) -> AgreementInfo {
    AgreementInfo {
        id: format!("agreement:r{report:04}/{label}").into(),
        doc: format!("r{report:04}").into(),
        date: Some((2000 + (report / 12) as i32, (report % 12 + 1) as u8, 28)),
        heading: heading.into(),
        text: text.into(),
        meetings: meetings.iter().map(|&m| m.into()).collect(),
        concerns: concerns.iter().map(|&c| c.into()).collect(),
    }
}

/// (from, to, evidence) of each edge.
fn links(edges: &[EdgeFact]) -> Vec<(String, String, String)> {
    edges
        .iter()
        .map(|e| {
            (
                e.from.to_string(),
                e.to.to_string(),
                e.attrs[0].value.to_string(),
            )
        })
        .collect()
}

#[test]
fn a_document_quoted_by_hundreds_of_reports_is_one_chain() {
    // More reports than the 200 a bucket could hold before.
    let mut v: Vec<AgreementInfo> = (0..300)
        .map(|r| {
            let text = format!("Texto {r} sin relación alguna número {}", r * 7);
            agreement(r, "A", &format!("Tema {r}"), &text, &[], &["document:plan"])
        })
        .collect();
    // Report 150 quotes the document twice: the next report continues both.
    v.push(agreement(
        150,
        "B",
        "Otro",
        "Otra cosa",
        &[],
        &["document:plan"],
    ));
    let edges = same_as_edges(&v);
    assert_eq!(edges.len(), 299 + 2, "one link a report, and two from 151");
    for (from, to, evidence) in links(&edges) {
        let (f, t): (usize, usize) = (from[11..15].parse().unwrap(), to[11..15].parse().unwrap());
        assert_eq!(f, t + 1, "{from} → {to}");
        assert!(
            evidence.starts_with("both concern document:plan"),
            "{evidence}"
        );
    }
    let from_151: Vec<&EdgeFact> = edges.iter().filter(|e| e.from.contains("r0151")).collect();
    assert_eq!(from_151.len(), 2);
}

#[test]
fn a_big_meeting_is_searched_by_heading() {
    let mut v = Vec::new();
    for r in 0..250 {
        let m = &["meeting:crm-07"];
        v.push(agreement(
            r,
            "A",
            "Capacitación coordinada",
            &format!("Uno {r}"),
            m,
            &[],
        ));
        v.push(agreement(
            r,
            "B",
            "Retorno de migrantes",
            &format!("Dos {r}"),
            m,
            &[],
        ));
    }
    let edges = same_as_edges(&v);
    assert_eq!(edges.len(), 2 * 249);
    for (from, to, evidence) in links(&edges) {
        assert_eq!(from[16..], to[16..], "{from} → {to}: same heading");
        assert!(evidence
            .starts_with("same meeting (meeting:crm-07) and subject (heading similarity 1.00)"));
    }
}

#[test]
fn the_decision_text_is_the_last_resort() {
    let text = "Los Viceministros aprobaron incorporar ejercicios coordinados de capacitación";
    let v = vec![
        agreement(
            0,
            "A",
            "Capacitación",
            text,
            &["meeting:crm-07"],
            &["organization:oim"],
        ),
        agreement(1, "A", "Ejercicios", text, &["meeting:crm-07"], &[]),
        // Sharing only an organization is no bucket for the text rule.
        agreement(2, "A", "Otro tema", text, &[], &["organization:oim"]),
    ];
    let edges = links(&same_as_edges(&v));
    assert_eq!(
        edges,
        [(
            "agreement:r0001/A".to_string(),
            "agreement:r0000/A".to_string(),
            "same decision text (similarity 1.00)".to_string()
        )]
    );
}

#[test]
fn headings_do_not_join_threads_of_different_documents() {
    let m = &["meeting:crm-07"];
    let v = vec![
        agreement(0, "A", "Programa de retorno", "Uno", m, &["document:guia"]),
        // Same meeting and heading, another document: not the same thread.
        agreement(
            1,
            "A",
            "Programa de retorno",
            "Dos",
            m,
            &["document:manual"],
        ),
        // No document: continues the nearest, whichever thread that is.
        agreement(2, "A", "Programa de retorno", "Tres", m, &[]),
    ];
    let edges = links(&same_as_edges(&v));
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0].0, "agreement:r0002/A");
    assert_eq!(edges[0].1, "agreement:r0001/A");
}

#[test]
fn a_follow_up_stays_with_the_thread_it_evolved_from() {
    let follow_up = "Esta iniciativa fue perfeccionada posteriormente en el GRCM para tomar la forma de un taller";
    let g = &["meeting:grcm-2002-10"];
    let v = vec![
        agreement(0, "A", "Retorno", "Uno", &[], &["document:guia"]),
        agreement(0, "A#2", "Retorno", follow_up, g, &[]),
        agreement(1, "A", "Mujeres migrantes", "Dos", &[], &["document:plan"]),
        agreement(1, "A#2", "Mujeres migrantes", follow_up, g, &[]),
    ];
    // Alone, the two follow-ups are the same decision text at one meeting.
    assert_eq!(same_as_edges(&v).len(), 1);
    // Each evolved from an agreement quoting its own document: kept apart.
    assert!(same_as_edges_joined(&v, &[(0, 1), (2, 3)]).is_empty());
}

#[test]
fn links_and_their_evidence_do_not_depend_on_the_input_order() {
    let mut rng = SplitMix64::new(3);
    let headings = [
        "Capacitación coordinada",
        "Programa de capacitación",
        "Retorno digno",
    ];
    let texts = [
        "Los Viceministros aprobaron el plan de capacitación regional",
        "Los Viceministros aprobaron el plan de capacitación consular",
        "Se solicitó a la OIM un estudio sobre retorno",
    ];
    let meetings = ["meeting:crm-06", "meeting:crm-07", "meeting:grcm-2002-10"];
    let concerns = [
        "document:plan",
        "document:guia",
        "organization:oim",
        "project:x",
    ];
    let mut v = Vec::new();
    for r in 0..120 {
        for k in 0..rng.range(1, 3) {
            let m: Vec<&str> = meetings
                .iter()
                .copied()
                .filter(|_| rng.chance(40))
                .collect();
            let c: Vec<&str> = concerns
                .iter()
                .copied()
                .filter(|_| rng.chance(25))
                .collect();
            let (h, t) = (rng.pick(&headings), rng.pick(&texts));
            v.push(agreement(r / 2, &format!("{r}.{k}"), h, t, &m, &c));
        }
    }
    let edges = same_as_edges(&v);
    assert!(edges.len() > 100, "{}", edges.len());
    let by_id: HashMap<&str, &AgreementInfo> = v.iter().map(|a| (a.id.as_str(), a)).collect();
    for e in &edges {
        let (a, b) = (by_id[e.from.as_str()], by_id[e.to.as_str()]);
        assert!(
            (b.date, &b.doc) < (a.date, &a.doc),
            "from the later to the earlier"
        );
        assert_eq!(e.attrs[0].value.to_string(), evidence(a, b).join("; "));
    }
    let mut shuffled = v.clone();
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    assert_eq!(links(&same_as_edges(&shuffled)), links(&edges));
}

#[test]
fn similarity_is_jaccard_of_content_words() {
    assert!((similarity("Capacitación coordinada", "capacitacion coordinada") - 1.0).abs() < 1e-9);
    assert!(
        (similarity("plan de trabajo regional", "plan de trabajo consular") - 0.5).abs() < 1e-9
    );
    assert_eq!(similarity("", "algo"), 0.0);
}
