//! Tests of the definitions read from a sentence (`Nombre largo (SIGLA)`).

use super::*;

fn sentence(text: &str) -> Sentence {
    Sentence::whole(text)
}

fn read(text: &str, same: &dyn Fn(&str, &str) -> bool) -> Vec<(String, String)> {
    let words = NameWords::of(Profile::bundled());
    let organization = |w: &str| w == "Mercosur" || w == "IGAD" || w == "Argentina";
    let known = Known {
        same,
        organization: &organization,
        meeting: &crate::reference::series::names_meeting,
    };
    definitions(&sentence(text), &words, &known)
        .into_iter()
        .map(|d| (d.acronym, d.long))
        .collect()
}

fn unknown(_: &str, _: &str) -> bool {
    false
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn acronyms_defined_in_passing() {
    let d = read("en lo referente al Proyecto Sistema de Información Estadística sobre las Migraciones en Centroamérica  (SIEMCA), el cual, y la OIM y el Banco Interamericano de Desarrollo (BID) recién firmaron; Actividades con la Red Regional de Organizaciones Civiles para las Migraciones (RROCM): y (mayo 2002)", &unknown);
    assert_eq!(
        d,
        pairs(&[
            (
                "SIEMCA",
                "Sistema de Información Estadística sobre las Migraciones en Centroamérica"
            ),
            ("BID", "Banco Interamericano de Desarrollo"),
            (
                "RROCM",
                "Red Regional de Organizaciones Civiles para las Migraciones"
            ),
        ])
    );
}

/// "the International Organization for Migration – the UN Migration
/// Agency (IOM)", as IOM's pages write it since 2016.
#[test]
fn a_name_before_a_dash_and_what_the_body_calls_itself() {
    let text = "The International Organization for Migration – the UN Migration Agency (IOM) supports the process.";
    assert_eq!(
        read(text, &unknown),
        pairs(&[("IOM", "International Organization for Migration")])
    );
    // The acronym after a dash, ending the phrase.
    let text = "en la VIII Reunión de la Red Iberoamericana de Autoridades Migratorias – RIAM, \
                que se realizó en Lima.";
    assert_eq!(
        read(text, &unknown),
        pairs(&[("RIAM", "Red Iberoamericana de Autoridades Migratorias")])
    );
    // Not when the name does not spell it, nor when a phrase goes on.
    for text in [
        "la reunión de la Red de Funcionarios – RIAM, que se realizó en Lima.",
        "la Red Iberoamericana de Autoridades Migratorias – RIAM y la OIM acordaron.",
        "XI Conferencia Sudamericana sobre Migraciones - CSM\nAnuncio",
        "Palabras de Ana Pérez, Directora General de Migración y Extranjería – DGME, en la \
         inauguración.",
    ] {
        assert!(read(text, &unknown).is_empty(), "{text}");
    }
    // A clause after the dash is no apposition.
    let clause = "The Regional Office – which opened in May, in Panama (RO) – closed.";
    assert!(read(clause, &unknown).is_empty());
}

#[test]
fn a_name_with_a_comma_inside() {
    // The comma joins the parts of one name when the words spell the
    // acronym from the name's first word.
    let d = read("La titular de la Unidad de Política Migratoria, Registro e Identidad de Personas (UPMRIP), de la Secretaría de Gobernación, asistió.", &unknown);
    assert_eq!(
        d,
        pairs(&[(
            "UPMRIP",
            "Unidad de Política Migratoria, Registro e Identidad de Personas"
        )])
    );
    // Not from the middle of a name whose first words the acronym
    // leaves out, nor across a list of names.
    let d = read(
        "con la Oficina de Población, Refugiados y Migración (PRM) del Departamento",
        &unknown,
    );
    assert_eq!(d, pairs(&[]));
    let d = read(
        "con Costa Rica, Panamá, Honduras y Guatemala (CRPHG) hoy",
        &unknown,
    );
    assert_eq!(d, pairs(&[]));
}

#[test]
fn every_letter_of_the_acronym_is_accounted_for() {
    // The long name takes in the words the acronym needs, not a
    // truncated tail whose inner letters happen to spell it.
    let d = read(
        "the Council of the European Union, the European External Action Service (EEAS), Frontex",
        &unknown,
    );
    assert_eq!(d, pairs(&[("EEAS", "European External Action Service")]));
    // Letters found inside words are no fit: refused.
    for text in [
        "through the Central American Plan of Economic Action (PAECA), as a mechanism",
        "agreements between the Institution for Registration of Natural Persons (RNPN) and the Ministry",
    ] {
        assert_eq!(read(text, &unknown), [], "{text}");
    }
    let d = read(
        "del Sistema de Información Estadística para las Migraciones en Mesoamérica (SIEMMES).",
        &unknown,
    );
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn plurals_words_and_compounds_spell_acronyms() {
    let d = read(
        "the strengthening of National Coordination Mechanisms (NCMs) and of the Intergovernmental Authority on Development (IGAD).",
        &unknown,
    );
    assert_eq!(
        d,
        pairs(&[
            ("NCMs", "National Coordination Mechanisms"),
            ("IGAD", "Intergovernmental Authority on Development"),
        ])
    );
    let d = read(
        "en la VII Cumbre de la Comunidad de Estados Latinoamericanos y Caribeños (Celac), celebrada en Buenos Aires",
        &unknown,
    );
    assert_eq!(
        d,
        pairs(&[("Celac", "Comunidad de Estados Latinoamericanos y Caribeños")])
    );
    // A word in brackets after a short name is no acronym.
    assert_eq!(read("la Ciudad de Guatemala (Guatemala)", &unknown), []);
    // Small letters between capitals stand for joining words.
    let d = read(
        "said the Ministry of Human Resources and Emiratisation (MoHRE), and the Ministry of Foreign Affairs (MoFA) of Nepal (Kathmandu).",
        &unknown,
    );
    assert_eq!(
        d,
        pairs(&[
            ("MoHRE", "Ministry of Human Resources and Emiratisation"),
            ("MoFA", "Ministry of Foreign Affairs"),
        ])
    );
    assert_eq!(read("the Plan of Action (Plan)", &unknown), []);
}

#[test]
fn events_and_classes_define_no_organization() {
    let d = read(
        "The Prague Process Senior Officials' Meeting (SOM), the fourth preparatory SOM",
        &unknown,
    );
    assert_eq!(d, []);
    let d = read(
        "es uno de los 18 Procesos Consultivos Regionales (PCR) que existen en el mundo",
        &unknown,
    );
    assert_eq!(d, []);
}

#[test]
fn a_long_run_of_like_words_is_read_quickly() {
    // Every split of the letters among the words is tried once at most.
    let text = format!("{} (AAAAAAAAAAAB)", "Aaaaaaaaaaaa ".repeat(14));
    assert_eq!(read(&text, &unknown), []);
}

#[test]
fn a_quoted_name_is_read_whole() {
    let d = read(
        "El Informe del Proyecto \"Sistema de Información Estadístico sobre las migraciones en Centroamérica\" (SIEMCA), a cargo de la OIM.",
        &unknown,
    );
    assert_eq!(
        d,
        pairs(&[(
            "SIEMCA",
            "Sistema de Información Estadístico sobre las migraciones en Centroamérica"
        )])
    );
}

#[test]
fn a_translated_name_the_gazetteer_knows_is_accepted() {
    // The acronym keeps the original language's order; the gazetteer
    // knows the English name as the same organization's.
    let same = |a: &str, l: &str| a == "SICA" && l == "Central American Integration System";
    let d = read(
        "it grew out of the Central American Integration System (SICA).",
        &same,
    );
    assert_eq!(d, pairs(&[("SICA", "Central American Integration System")]));
    assert_eq!(
        read(
            "it grew out of the Central American Integration System (SICA).",
            &unknown
        ),
        []
    );
}

#[test]
fn a_tail_the_acronym_leaves_out_and_an_owner_it_does_not_name() {
    assert_eq!(
        read(
            "The 7th Meeting of Regional Consultative Process on Migration (RCP) of the IGAD",
            &unknown
        ),
        pairs(&[("RCP", "Regional Consultative Process on Migration")])
    );
    assert_eq!(
        read(
            "la Comisión Económica para América Latina y el Caribe (Cepal) y la Cruz Roja",
            &unknown
        ),
        pairs(&[(
            "Cepal",
            "Comisión Económica para América Latina y el Caribe"
        )])
    );
    // The Mercosur's forum: the tail names its owner, which is not part
    // of the forum's name.
    assert_eq!(
        read(
            "en el Foro Especializado Migratorio del Mercosur (FEM), que",
            &unknown
        ),
        pairs(&[("FEM", "Foro Especializado Migratorio")])
    );
    // Two words left without the owner: a common noun, no definition.
    assert_eq!(
        read("el Grupo de Trabajo del Mercosur (GT) se reunió", &unknown),
        []
    );
    // A tail of three words is a different name.
    assert_eq!(
        read(
            "the Regional Consultative Process on Migration in East Africa (RCP)",
            &unknown
        ),
        []
    );
}

#[test]
fn a_series_meeting_defines_no_organization() {
    assert_eq!(
        read(
            "since the Sixth Bali Process Ministerial Conference (BPMC) and the 11th meeting",
            &unknown
        ),
        []
    );
    // The series itself is a body.
    assert_eq!(
        read(
            "members of the Regional Conference on Migration (RCM) met",
            &unknown
        ),
        pairs(&[("RCM", "Regional Conference on Migration")])
    );
}

#[test]
fn a_country_after_the_acronym_in_its_bracket() {
    assert_eq!(
        read(
            "el Centro de Estudios Legales y Sociales (CELS, Argentina) y otras",
            &unknown
        ),
        pairs(&[("CELS", "Centro de Estudios Legales y Sociales")])
    );
    // Words that are no known place: no definition.
    assert_eq!(
        read(
            "el Centro de Estudios Legales y Sociales (CELS, Informe Anual) y otras",
            &unknown
        ),
        []
    );
}
