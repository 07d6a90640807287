//! A small hand-built graph in the shape extraction produces from the
//! 2003 report of the Presidencia Pro-Témpore (agreements adopted or
//! reaffirmed at meetings, requests to the 11 members with unnamed
//! respondent counts, dated events, a GRCM meeting), plus an earlier
//! document for `as of` tests. Sentences are short excerpts of the report,
//! so sources can be checked.

#![allow(dead_code)]

use acta::graph::{KnowledgeGraph, ViewOptions};
use acta::model::*;
use acta::query::{Answer, QueryError};
use acta::Bundles;
use acta::Gazetteer;

pub const DOC: &str = "informe-ppt-mexico-2003";
pub const EARLY: &str = "informe-grcm-2002";

/// Id of an agreement of the main document.
pub fn agreement(section: &str) -> String {
    format!("agreement:{DOC}/{section}")
}

struct Doc {
    id: String,
    text: String,
    sections: Vec<Section>,
    nodes: Vec<NodeFact>,
    edges: Vec<EdgeFact>,
    requests: Vec<Request>,
}

impl Doc {
    fn new(id: &str, title: &str) -> Doc {
        Doc {
            id: id.into(),
            text: String::new(),
            sections: vec![],
            nodes: vec![NodeFact {
                id: document_id(id).into(),
                kind: Kind::Document,
                name: title.into(),
                aliases: vec![id.into()],
                attrs: vec![],
                prov: Provenance::Extracted {
                    doc: id.into(),
                    section: "".into(),
                    span: Span { start: 0, end: 0 },
                }
                .into(),
            }],
            edges: vec![],
            requests: vec![],
        }
    }

    fn section(&mut self, id: &str, parent: Option<&str>, heading: &str, body: &str) {
        let start = self.text.len();
        self.text.push_str(heading);
        self.text.push('\n');
        let body_start = self.text.len();
        self.text.push_str(body);
        self.text.push_str("\n\n");
        let span = Span {
            start,
            end: body_start + body.len(),
        };
        self.sections.push(Section {
            id: id.into(),
            parent: parent.map(String::from),
            heading: heading.into(),
            text: body.into(),
            span,
            body_start,
        });
        let prov = Provenance::Extracted {
            doc: self.id.clone().into(),
            section: id.into(),
            span,
        };
        self.nodes.push(NodeFact {
            id: section_id(&self.id, id).into(),
            kind: Kind::Section,
            name: format!("{id} {heading}"),
            aliases: vec![id.into()],
            attrs: vec![],
            prov: prov.clone().into(),
        });
        let to = parent.map_or_else(|| document_id(&self.id), |p| section_id(&self.id, p));
        self.edge(&section_id(&self.id, id), &to, EdgeKind::PartOf, prov);
    }

    /// Provenance of the sentence containing `needle` in section `sec`.
    fn prov(&self, sec: &str, needle: &str) -> Provenance {
        let s = self
            .sections
            .iter()
            .find(|s| s.id == sec)
            .expect("section exists");
        let at = self.text[s.body_start..]
            .find(needle)
            .map(|i| s.body_start + i)
            .expect("needle in section");
        Provenance::Extracted {
            doc: self.id.clone().into(),
            section: sec.into(),
            span: Span {
                start: at,
                end: at + needle.len(),
            },
        }
    }

    fn edge(&mut self, from: &str, to: &str, kind: EdgeKind, prov: Provenance) {
        self.edges.push(EdgeFact {
            from: from.into(),
            to: to.into(),
            kind,
            attrs: vec![],
            prov: prov.into(),
        });
    }

    fn node(
        &mut self,
        id: &str,
        kind: Kind,
        name: &str,
        aliases: &[&str],
        attrs: Vec<(&str, Value)>,
        prov: Provenance,
    ) {
        let attrs = attrs
            .into_iter()
            .map(|(k, v)| Attr {
                key: k.into(),
                value: v,
                prov: prov.clone().into(),
            })
            .collect();
        self.nodes.push(NodeFact {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            attrs,
            prov: prov.into(),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn request(
        &mut self,
        n: u32,
        sec: &str,
        agreement: &str,
        subject: &str,
        from: Vec<String>,
        on: Option<&str>,
        named: &[&str],
        unnamed: (u32, u32),
        prov: Provenance,
    ) {
        self.requests.push(Request {
            id: format!("request:{}/{sec}#{n}", self.id).into(),
            agreement: agreement.into(),
            subject: subject.into(),
            requested_from: from.iter().map(Sym::from).collect(),
            addressed_to: "países miembros de la CRM".into(),
            requested_on: on.and_then(DateValue::parse_iso),
            deadline: None,
            responded_named: named.iter().map(|s| Sym::from(*s)).collect(),
            responded_unnamed: UnnamedCount {
                min: unnamed.0,
                max: unnamed.1,
            },
            status: Status::Pending,
            prov: prov.into(),
        });
    }

    fn bundle(self, date: DateValue) -> FactBundle {
        FactBundle {
            doc: DocumentMeta {
                id: self.id.clone(),
                title: self.nodes[0].name.clone(),
                file: format!("{}.txt", self.id),
                hash: String::new(),
                date: Some(date),
                encoding: "utf-8".into(),
                text: self.text,
            },
            sections: self.sections,
            nodes: self.nodes,
            edges: self.edges,
            requests: self.requests,
        }
    }
}

fn date(s: &str) -> Value {
    Value::Date(DateValue::parse_iso(s).expect("valid date"))
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

fn grcm_meeting(d: &mut Doc, sec: &str, needle: &str) {
    let p = d.prov(sec, needle);
    d.node(
        "meeting:grcm-2002-10",
        Kind::Meeting,
        "GRCM octubre 2002",
        &["GRCM de octubre 2002", "reunión del GRCM en octubre 2002"],
        vec![
            ("date", date("2002-10-29..2002-10-31")),
            ("city", text("Antigua")),
            ("body", text("GRCM")),
        ],
        p.clone(),
    );
    d.edge("meeting:grcm-2002-10", "country:gt", EdgeKind::HeldIn, p);
}

/// The two documents as bundles.
pub fn bundles() -> Vec<FactBundle> {
    let g = Gazetteer::bundled().expect("gazetteer");
    let members = g.crm_members_on(Ymd::new(2003, 5, 1));
    assert_eq!(members.len(), 11);
    vec![main_doc(&members), early_doc(&members)]
}

fn main_doc(members: &[String]) -> FactBundle {
    let mut d = Doc::new(DOC, "Informe de la Presidencia Pro-Témpore de México");
    d.section("I", None, "Introducción", "Al concluir la reunión del Grupo Regional de Consulta sobre Migración (GRCM), realizada del 29-31 de octubre de 2002 en Antigua, Guatemala, se hizo una breve ceremonia.");
    d.section("II", None, "Secretaría Técnica (ST) de la CRM", "Durante la VII Reunión de la CRM (mayo 2002) en Antigua, Guatemala, los Viceministros aprobaron el presupuesto actual de la ST. La Presidencia Pro-Témpore envió cartas de seguimiento el 21 de agosto 2002 y de nuevo el 13 de febrero 2003. Hasta este momento, aún no se han recibido las contribuciones de más de la mitad de los países miembros.");
    d.section("III", None, "Promoción de la Convergencia", "El evento fue organizado por la OIM y CEPAL/CELADE. La Conferencia sirvió para crear conciencia sobre la trata de personas en las Américas. El Proyecto SIEMCA lo ejecuta la OIM.");
    d.section("IV", None, "Políticas y Gestión Migratoria", "");
    d.section("IV.A", Some("IV"), "Programa para el Retorno de Migrantes Extra-regionales", "En la VI Reunión de la CRM (San José, marzo 2001), los Viceministros aprobaron el documento titulado Marco de Ejecución. Esta posición fue reafirmada en la VII CRM y en el GRCM de octubre 2002. No se recibió comunicación alguna.");
    d.section(
        "IV.E",
        Some("IV"),
        "Actividades de la Red de Funcionarios de Enlace",
        "",
    );
    d.section("IV.E(1)", Some("IV.E"), "Capacitación coordinada", "Durante la VII CRM, los Viceministros aprobaron incorporar ejercicios coordinados de capacitación, auspiciados por los gobiernos de Canadá, Estados Unidos y México. La Presidencia Pro-Témpore reiteró la solicitud de esta información en su carta de seguimiento del 13 de febrero del presente año y con una excepción, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros. También se convino que los países miembros suministrarían una lista de las propuestas de capacitación para esa misma fecha y con una excepción, hasta el momento queda pendiente la recepción de respuesta.");
    d.section("IV.E(3)", Some("IV.E"), "Proyecto propuesto por Costa Rica", "Durante el GRCM de octubre 2002 los países miembros acordaron comunicarle a Costa Rica sus comentarios y observaciones. Con una excepción, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros.");
    d.section("V", None, "Derechos Humanos", "");
    d.section("V.A(2)", Some("V"), "Contactos con países extra-regionales", "La Secretaría Técnica solicitó dicha información en su boletín del 9 de octubre 2002. Hasta el momento, sólo se ha recibido respuesta de dos países miembros. El Subsecretario Javier Moctezuma Barragán se dirigió al plenario.");

    grcm_meeting(&mut d, "I", "Al concluir la reunión del Grupo Regional");

    let oim = d.prov("III", "El evento fue organizado por la OIM y CEPAL/CELADE.");
    d.edge(
        &section_id(DOC, "III"),
        "organization:oim",
        EdgeKind::Mentions,
        oim,
    );
    let siemca = d.prov("III", "El Proyecto SIEMCA lo ejecuta la OIM.");
    d.edge(
        &section_id(DOC, "III"),
        "organization:siemca",
        EdgeKind::Mentions,
        siemca,
    );
    let oim_a = d.prov(
        "IV.A",
        "los Viceministros aprobaron el documento titulado Marco de Ejecución",
    );
    d.edge(
        &section_id(DOC, "IV.A"),
        "organization:oim",
        EdgeKind::Mentions,
        oim_a,
    );
    let cr = d.prov("IV.E(3)", "comunicarle a Costa Rica");
    d.edge(
        &section_id(DOC, "IV.E(3)"),
        "country:cr",
        EdgeKind::Mentions,
        cr,
    );

    // Agreements.
    let p = d.prov(
        "II",
        "los Viceministros aprobaron el presupuesto actual de la ST.",
    );
    d.node(
        &agreement("II"),
        Kind::Agreement,
        "Presupuesto de la Secretaría Técnica",
        &[],
        vec![],
        p.clone(),
    );
    d.edge(&agreement("II"), "meeting:crm-07", EdgeKind::AdoptedAt, p);

    let p = d.prov(
        "IV.A",
        "los Viceministros aprobaron el documento titulado Marco de Ejecución.",
    );
    d.node(
        &agreement("IV.A"),
        Kind::Agreement,
        "Marco de Ejecución del Programa de Retorno de Migrantes Extrarregionales",
        &["Marco de Ejecución"],
        vec![],
        p.clone(),
    );
    d.edge(&agreement("IV.A"), "meeting:crm-06", EdgeKind::AdoptedAt, p);
    let r = d.prov(
        "IV.A",
        "Esta posición fue reafirmada en la VII CRM y en el GRCM de octubre 2002.",
    );
    d.edge(
        &agreement("IV.A"),
        "meeting:crm-07",
        EdgeKind::ReaffirmedAt,
        r.clone(),
    );
    d.edge(
        &agreement("IV.A"),
        "meeting:grcm-2002-10",
        EdgeKind::ReaffirmedAt,
        r,
    );

    let p = d.prov(
        "IV.E(1)",
        "los Viceministros aprobaron incorporar ejercicios coordinados de capacitación",
    );
    d.node(
        &agreement("IV.E(1)"),
        Kind::Agreement,
        "Capacitación coordinada",
        &[],
        vec![],
        p.clone(),
    );
    d.edge(
        &agreement("IV.E(1)"),
        "meeting:crm-07",
        EdgeKind::AdoptedAt,
        p,
    );

    let p = d.prov(
        "IV.E(3)",
        "los países miembros acordaron comunicarle a Costa Rica sus comentarios y observaciones.",
    );
    d.node(
        &agreement("IV.E(3)"),
        Kind::Agreement,
        "Comentarios al proyecto de Costa Rica",
        &[],
        vec![],
        p.clone(),
    );
    d.edge(
        &agreement("IV.E(3)"),
        "meeting:grcm-2002-10",
        EdgeKind::AdoptedAt,
        p.clone(),
    );
    d.edge(&agreement("IV.E(3)"), "country:cr", EdgeKind::ProposedBy, p);

    let p = d.prov("V.A(2)", "La Secretaría Técnica solicitó dicha información");
    d.node(
        &agreement("V.A(2)"),
        Kind::Agreement,
        "Identificar países que dificultan la documentación de viaje",
        &[],
        vec![],
        p.clone(),
    );
    d.edge(
        &agreement("V.A(2)"),
        "meeting:crm-07",
        EdgeKind::AdoptedAt,
        p,
    );

    // A person and an organization that share a name, for ambiguity.
    let p = d.prov("V.A(2)", "Javier Moctezuma Barragán");
    d.node(
        "person:javier-moctezuma-barragan",
        Kind::Person,
        "Javier Moctezuma Barragán",
        &["Moctezuma"],
        vec![],
        p.clone(),
    );
    d.node(
        "organization:moctezuma",
        Kind::Organization,
        "Fundación Moctezuma",
        &["Moctezuma"],
        vec![],
        p,
    );

    // Events.
    let p = d.prov(
        "II",
        "La Presidencia Pro-Témpore envió cartas de seguimiento el 21 de agosto 2002",
    );
    d.node(
        "event:informe-ppt-mexico-2003/carta-2002-08-21",
        Kind::Event,
        "Carta de seguimiento de la PPT (21 de agosto 2002)",
        &[],
        vec![("date", date("2002-08-21")), ("type", text("letter"))],
        p,
    );
    let p = d.prov("II", "de nuevo el 13 de febrero 2003");
    d.node(
        "event:informe-ppt-mexico-2003/carta-2003-02-13",
        Kind::Event,
        "Carta de seguimiento de la PPT (13 de febrero 2003)",
        &[],
        vec![("date", date("2003-02-13")), ("type", text("letter"))],
        p,
    );
    let p = d.prov("V.A(2)", "boletín del 9 de octubre 2002");
    d.node(
        "event:informe-ppt-mexico-2003/boletin-2002-10-09",
        Kind::Event,
        "Boletín de la Secretaría Técnica",
        &[],
        vec![("date", date("2002-10-09")), ("type", text("bulletin"))],
        p,
    );
    let p = d.prov("III", "El evento fue organizado por la OIM");
    d.node(
        "event:informe-ppt-mexico-2003/conferencia-hemisferica",
        Kind::Event,
        "Conferencia Hemisférica sobre Migración Internacional",
        &[],
        vec![
            ("date", date("2002-11-20..2002-11-22")),
            ("type", text("conference")),
        ],
        p,
    );
    let p = d.prov("IV.E(1)", "ejercicios coordinados de capacitación");
    d.node(
        "event:informe-ppt-mexico-2003/taller-2003-05-08",
        Kind::Event,
        "Taller sobre tráfico ilícito",
        &[],
        vec![
            ("date", date("2003-05-08..2003-05-09")),
            ("type", text("workshop")),
        ],
        p,
    );

    // Requests with partial knowledge.
    let all: Vec<String> = members.to_vec();
    let p = d.prov("II", "Hasta este momento, aún no se han recibido las contribuciones de más de la mitad de los países miembros.");
    d.request(
        1,
        "II",
        &agreement("II"),
        "contribuciones financieras a la Secretaría Técnica",
        all.clone(),
        Some("2002-08-21"),
        &[],
        (0, 5),
        p,
    );
    let p = d.prov("IV.A", "No se recibió comunicación alguna.");
    d.request(
        1,
        "IV.A",
        &agreement("IV.A"),
        "observaciones sobre el Marco de Ejecución",
        all.clone(),
        Some("2002-08-21"),
        &[],
        (0, 0),
        p,
    );
    let p = d.prov("IV.E(1)", "La Presidencia Pro-Témpore reiteró la solicitud de esta información en su carta de seguimiento del 13 de febrero del presente año y con una excepción, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros.");
    d.request(
        1,
        "IV.E(1)",
        &agreement("IV.E(1)"),
        "estadísticas sobre flujos de migrantes extra-regionales",
        all.clone(),
        Some("2003-02-13"),
        &[],
        (1, 1),
        p,
    );
    let p = d.prov("IV.E(1)", "También se convino que los países miembros suministrarían una lista de las propuestas de capacitación para esa misma fecha y con una excepción, hasta el momento queda pendiente la recepción de respuesta.");
    d.request(
        2,
        "IV.E(1)",
        &agreement("IV.E(1)"),
        "lista de propuestas de capacitación",
        all.clone(),
        None,
        &[],
        (1, 1),
        p,
    );
    let others: Vec<String> = all.iter().filter(|c| *c != "country:cr").cloned().collect();
    let p = d.prov("IV.E(3)", "Con una excepción, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros.");
    d.request(
        1,
        "IV.E(3)",
        &agreement("IV.E(3)"),
        "comentarios y observaciones para Costa Rica",
        others,
        None,
        &[],
        (1, 1),
        p,
    );
    let p = d.prov(
        "V.A(2)",
        "Hasta el momento, sólo se ha recibido respuesta de dos países miembros.",
    );
    d.request(
        1,
        "V.A(2)",
        &agreement("V.A(2)"),
        "países que dificultan la documentación de viaje",
        all,
        Some("2002-10-09"),
        &[],
        (2, 2),
        p,
    );

    d.bundle(DateValue::month(2003, 5))
}

fn early_doc(members: &[String]) -> FactBundle {
    let mut d = Doc::new(EARLY, "Informe oral de Guatemala al GRCM");
    d.section("III", None, "Red de Protección Consular", "En la VII CRM se acordó un plan de trabajo para la red. Belice y Canadá respondieron; los demás países miembros no han respondido.");
    grcm_meeting(
        &mut d,
        "III",
        "En la VII CRM se acordó un plan de trabajo para la red.",
    );
    let p = d.prov(
        "III",
        "En la VII CRM se acordó un plan de trabajo para la red.",
    );
    let id = format!("agreement:{EARLY}/III");
    d.node(
        &id,
        Kind::Agreement,
        "Plan de trabajo de la Red de Protección Consular",
        &[],
        vec![],
        p.clone(),
    );
    d.edge(&id, "meeting:crm-07", EdgeKind::AdoptedAt, p);
    let p = d.prov(
        "III",
        "Belice y Canadá respondieron; los demás países miembros no han respondido.",
    );
    d.request(
        1,
        "III",
        &id,
        "comentarios al plan de trabajo",
        members.to_vec(),
        Some("2002-06-15"),
        &["country:bz", "country:ca"],
        (0, 0),
        p,
    );
    d.bundle(DateValue::day(Ymd::new(2002, 10, 31)))
}

/// The graph of both documents.
pub fn graph() -> KnowledgeGraph {
    let g = Gazetteer::bundled().expect("gazetteer");
    acta::view::build(&g, &bundles(), ViewOptions::default())
}

/// Run a query with `as of` support over the fixture.
pub fn run(kg: &KnowledgeGraph, q: &str) -> Result<Answer, QueryError> {
    let g = Gazetteer::bundled().expect("gazetteer");
    let b = bundles();
    let views = Bundles {
        gazetteer: &g,
        bundles: &b,
    };
    acta::answer(kg, &views, q).map_err(|e| match e {
        acta::Error::Query(e) => e,
        other => panic!("{q}: not a query error: {other}"),
    })
}

/// Run a query that must succeed.
pub fn ok(kg: &KnowledgeGraph, q: &str) -> Answer {
    match run(kg, q) {
        Ok(a) => a,
        Err(e) => panic!("query failed: {q}\n{e}"),
    }
}

/// Run a query that must fail.
pub fn err(kg: &KnowledgeGraph, q: &str) -> QueryError {
    match run(kg, q) {
        Ok(a) => panic!("query should fail: {q}\n{a:?}"),
        Err(e) => e,
    }
}

pub use crate::common::column;
