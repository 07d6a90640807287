//! The knowledge-base core, as a user meets it: ingesting the bundled
//! report, idempotent and replacing ingest, the lock and version errors,
//! export/import round trips, and refusal of bad input.

mod common;

use common::{acta, db, stderr, stdout, SEED};

use acta::store::{PutOutcome, Store, StoreError};
use acta::KnowledgeBase;
use std::path::Path;
use std::process::Command;

#[test]
fn seed_sections_follow_the_reports_numbering() {
    let (_d, path) = db();
    let kb = KnowledgeBase::open(&path).unwrap();
    kb.ingest_file(Path::new(SEED)).unwrap();
    let bundle = kb
        .store()
        .document("informe-ppt-mexico-2003")
        .unwrap()
        .unwrap();
    let got: Vec<(&str, &str)> = bundle
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.heading.as_str()))
        .collect();
    let expected = [
        ("I", "Introducción"),
        ("II", "Secretaría Técnica (ST) de la CRM"),
        ("III", "Promoción de la Convergencia de esfuerzos en los Procesos Regionales sobre Migración"),
        ("IV", "Políticas y Gestión Migratoria"),
        ("IV.A", "Programa para el Retorno de Migrantes Extra-regionales"),
        ("IV.B", "Programa para el Retorno de Migrantes Intra-regionales"),
        ("IV.C", "Convenciones internacionales"),
        ("IV.D", "Consulado Centroamericano"),
        ("IV.E", "Actividades de la Red de Funcionarios de Enlace para el Intercambio Regular de Información para el Combate al Tráfico de Migrantes"),
        ("IV.E(1)", "Capacitación coordinada"),
        ("IV.E(2)", "Taller para desarrollar un plan de trabajo regional para combatir el tráfico ilícito y la trata de migrantes"),
        ("IV.E(3)", "Proyecto propuesto por Costa Rica para combatir la Explotación Sexual Comercial de Niños, Niñas y Adolescentes y estudiar la posible creación de una base de datos regional sobre los extranjeros involucrados con la explotación sexual de menores"),
        ("IV.E(4)", "Promoción de capacitación bilateral en puestos fronterizos"),
        ("IV.E(5)", "Desarrollo de un manual de referencia sobre documentos de viaje auténticos y requisitos de visa"),
        ("IV.E(6)", "Coordinación de actividades técnicas para campañas públicas de información conjuntas acerca de los riesgos y consecuencias del tráfico ilícito y la trata de migrantes"),
        ("IV.F", "Documentos con Antecedentes de la CRM"),
        ("IV.G", "Taller auspiciado por los Gobiernos de Canadá y Guatemala y facilitado por el Programa de Investigación y Políticas Migratorias (PIPM) de la OIM"),
        ("V", "Derechos Humanos"),
        ("V.A", "Actividades de la Red de Funcionarios de Enlace de Protección Consular"),
        ("V.A(1)", "Desarrollo de un Plan de Trabajo"),
        ("V.A(2)", "Contactos con países extra-regionales"),
        ("V.A(3)", "Capacitación Consular ofrecida por Canadá y México"),
        ("V.A(4)", "Matriz de requerimientos de visa para todos los países miembros de la CRM"),
        ("V.B", "Estudio sobre niños migrantes en la región, elaborado por Canadá y México"),
        ("V.C", "Actividades con la Red Regional de Organizaciones Civiles para las Migraciones (RROCM)"),
        ("VI", "Migración y Desarrollo"),
        ("VI.A", "Proyecto SIEMCA"),
        ("VI.B", "Taller “Rol del Sector Privado ante los Retos y Oportunidades del Fenómeno Migratorio”"),
        ("VI.C", "Seminario sobre Remesas en el marco de OCED"),
        ("VI.D", "Proyecto Piloto sobre Cooperación Trans-fronteriza"),
        ("VII", "Asuntos generales"),
        ("VII.A", "Invitaciones a invitados especiales"),
        ("VII.B", "Solicitud para el status de Observador"),
        ("fn1", ""),
    ];
    assert_eq!(got, expected);
    // Debris is gone, the footnote keeps its text.
    assert!(!bundle.doc.text.contains("PAGE"));
    assert!(!bundle.doc.text.contains('\u{FFFD}'));
    let fn1 = bundle.sections.last().unwrap();
    assert!(fn1
        .text
        .starts_with("Desde que la ST se estableció en Setiembre 2001"));
    // Item (3)'s text is its own, not its neighbours'.
    let e3 = bundle.sections.iter().find(|s| s.id == "IV.E(3)").unwrap();
    assert!(e3.text.starts_with("durante el GRCM de octubre 2002"));
    assert!(e3.text.ends_with("por parte de los países miembros."));
}

#[test]
fn ingesting_the_same_text_twice_keeps_one_copy() {
    let (_d, path) = db();
    let first = acta(&path, &["ingest", SEED]);
    assert!(first.status.success(), "{}", stderr(&first));
    let second = acta(&path, &["ingest", SEED]);
    assert!(second.status.success());
    assert!(stderr(&second).contains("unchanged"), "{}", stderr(&second));
    let stats = stdout(&acta(&path, &["stats"]));
    assert!(stats.contains("documents: 1\n"), "{stats}");
    assert!(
        stats
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["section", "34"]),
        "{stats}"
    );
}

#[test]
fn a_new_version_replaces_its_own_facts_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let kb = KnowledgeBase::open(&dir.path().join("kb")).unwrap();
    let a1 = "I.\nIntroducción\nLa OIM y México.\n";
    let a2 = "I.\nIntroducción\nLa CEPAL y Canadá.\n";
    let b = "I.\nOtro\nEl Salvador y Belice.\n";
    assert_eq!(
        kb.ingest_bytes("a.txt", a1.as_bytes()).unwrap().0,
        PutOutcome::Added
    );
    assert_eq!(
        kb.ingest_bytes("b.txt", b.as_bytes()).unwrap().0,
        PutOutcome::Added
    );
    assert_eq!(
        kb.ingest_bytes("a.txt", a2.as_bytes()).unwrap().0,
        PutOutcome::Replaced
    );
    let g = kb.view().unwrap();
    let mentioned = |sec: &str| -> Vec<String> {
        let i = g.node(sec).unwrap();
        let mut v: Vec<String> = g
            .neighbours(
                i,
                Some(acta::model::EdgeKind::Mentions),
                petgraph::Direction::Outgoing,
            )
            .map(|(o, _, _)| g.data(o).id.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        mentioned("section:a/I"),
        ["country:ca", "organization:cepal"]
    );
    assert_eq!(mentioned("section:b/I"), ["country:bz", "country:sv"]);
    assert_eq!(kb.store().document_count().ok(), Some(2));
    assert!(kb.check().unwrap().is_empty());
}

#[test]
fn a_failed_ingest_leaves_the_previous_state() {
    let (_d, path) = db();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("informe.txt");
    std::fs::write(&good, "I.\nIntroducción\nLa OIM.\n").unwrap();
    assert!(acta(&path, &["ingest", good.to_str().unwrap()])
        .status
        .success());
    let before = stdout(&acta(&path, &["export"]));
    // Same file name, now binary: refused, and the stored version stays.
    std::fs::write(&good, [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    let o = acta(&path, &["ingest", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&acta(&path, &["export"])), before);
}

#[test]
fn bad_input_is_refused_with_the_file_named() {
    let (_d, path) = db();
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(
        &binary,
        [
            0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0, 0, 0xff, 0xfe, 1, 2,
        ],
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");
    let cases = [
        (empty.clone(), "empty"),
        (binary.clone(), "binary"),
        (missing.clone(), "no such file"),
    ];
    // (A folder is read whole: `tests/formats.rs`.)
    for (file, reason) in cases {
        let o = acta(&path, &["ingest", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", file.display());
        let err = stderr(&o);
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.contains(file.to_str().unwrap()) && first.contains(reason),
            "{err}"
        );
        assert!(stdout(&o).is_empty());
    }
    assert!(stdout(&acta(&path, &["stats"])).contains("documents: 0\n"));
}

#[test]
fn a_database_in_use_is_a_clear_error_with_exit_code_3() {
    let (_d, path) = db();
    let held = Store::open(&path).unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::Locked { .. })));
    let o = acta(&path, &["stats"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("in use by another acta process"),
        "{}",
        stderr(&o)
    );
    drop(held);
    assert!(acta(&path, &["stats"]).status.success());
}

#[test]
fn an_unknown_format_version_is_refused() {
    let (_d, path) = db();
    {
        let db = sled::open(&path).unwrap();
        db.insert(b"v", &99u32.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }
    let o = acta(&path, &["stats"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("format version 99"), "{}", stderr(&o));
}

#[test]
fn export_import_export_is_identical() {
    let (_d, path) = db();
    assert!(acta(&path, &["ingest", SEED]).status.success());
    let first = acta(&path, &["export", "--format", "json"]);
    assert!(first.status.success());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kb.json");
    std::fs::write(&file, &first.stdout).unwrap();
    let (_d2, fresh) = db();
    let o = acta(&fresh, &["import", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let second = acta(&fresh, &["export", "--format", "json"]);
    assert_eq!(stdout(&first), stdout(&second));
    assert!(acta(&fresh, &["check"]).status.success());
}

#[test]
fn show_prints_a_section_with_heading_and_text() {
    let (_d, path) = db();
    assert!(acta(&path, &["ingest", SEED]).status.success());
    let o = acta(&path, &["show", "section:informe-ppt-mexico-2003/IV.E(3)"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card = stdout(&o);
    assert!(card.contains("kind: section"));
    assert!(card.contains("heading: Proyecto propuesto por Costa Rica"));
    assert!(card.contains("Con una excepción, hasta el momento queda pendiente"));
    // The section number names the agreement of that section, as it does
    // in a query (`show IV.E(3)`); the section is reached by its id.
    let o = acta(&path, &["show", "IV.E(3)"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let card = stdout(&o);
    assert!(card.contains("(agreement:informe-ppt-mexico-2003/IV.E(3))"));
    assert!(card.contains("kind: agreement"));
    assert!(
        card.contains("section:informe-ppt-mexico-2003/IV.E(3)"),
        "{card}"
    );
    let o = acta(&path, &["show", "Mexco"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("México (country:mx)"), "{}", stderr(&o));
}

#[test]
fn check_passes_and_graph_exports_are_well_formed() {
    let (_d, path) = db();
    assert!(acta(&path, &["ingest", SEED]).status.success());
    let o = acta(&path, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dot = stdout(&acta(&path, &["export", "--format", "dot"]));
    assert!(dot.starts_with("digraph acta {") && dot.trim_end().ends_with('}'));
    let nt = stdout(&acta(&path, &["export", "--format", "ntriples"]));
    assert!(nt.lines().all(|l| l.ends_with(" .")));
    let gml = stdout(&acta(&path, &["export", "--format", "graphml"]));
    assert!(gml.contains("<graphml") && gml.trim_end().ends_with("</graphml>"));
}

#[test]
fn the_default_knowledge_base_follows_the_bundled_reports() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("documents")).unwrap();
    let doc = data.path().join("documents/informe.txt");
    std::fs::write(&doc, "I.\nIntroducción\nLa OIM y México.\n").unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_acta"))
            .args(["query", "sections mentioning Canadá", "--format", "csv"])
            .env_remove("ACTA_DB")
            .env("ACTA_DATA", data.path())
            .env("XDG_DATA_HOME", home.path())
            .env("HOME", home.path())
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("built the knowledge base"));
    assert_eq!(stdout(&first), "section_id,section,sentence\n");
    let again = run();
    assert!(
        stderr(&again).is_empty(),
        "nothing to do: {}",
        stderr(&again)
    );
    // A new version of the bundled report is read on the next start.
    std::fs::write(&doc, "I.\nIntroducción\nLa OIM y Canadá.\n").unwrap();
    let updated = run();
    assert!(
        stderr(&updated).contains("updated the knowledge base"),
        "{}",
        stderr(&updated)
    );
    assert!(stdout(&updated).contains("section:informe/I"));
}
