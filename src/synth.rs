//! Synthetic reports in the genre of the CRM Pro-Tempore Presidency report,
//! for tests and benchmarks only: acta itself never calls this module.
//!
//! [`report`] turns `(seed, index)` into a file name and a Spanish report of
//! about 15–25 KB with the bundled report's shape: roman-numeral sections
//! (`IV.` alone on a line, the heading on the next), lettered subsections
//! (`A.  Heading: body`), numbered items (`(1)  Heading: body`), footnotes
//! after `###`, the CRM member countries in several spellings, the
//! organizations of the gazetteer, meetings in their many written forms
//! (`la VII Reunión de la CRM`, `VIII CRM`, `el GRCM de octubre 2002`,
//! `(San José, marzo 2001)`), dated letters, decisions with varied verbs,
//! responses counted with and without names, and quoted document titles.
//!
//! Reports are independent of each other to compute (a bench can make report
//! 9,999 without making the others) but consistent with each other: the
//! agreements of a meeting are a function of `(seed, meeting)` alone, so
//! every report that follows up an agreement of the VII CRM quotes the same
//! title. Report `i` prepares meeting `2 + i % 38` (II–XXXIX CRM, held in
//! year `1995 + ordinal`) and follows up agreements of earlier meetings.
//!
//! Same seed, same bytes: the only randomness is [`SplitMix64`], seeded from
//! `(seed, index)`; no hash maps, clocks or platform-dependent formatting.

use std::fmt::Write as _;

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, seedable PRNG,
/// good enough for varied text and fully reproducible.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// A generator for one stream of a seed (e.g. one report, one meeting).
    pub fn stream(seed: u64, a: u64, b: u64) -> SplitMix64 {
        let mut r = SplitMix64(seed ^ a.wrapping_mul(0xA076_1D64_78BD_642F));
        let x = r.next_u64() ^ b.wrapping_mul(0xE703_7ED1_A0B4_28DB);
        SplitMix64(x)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0; the modulo bias is irrelevant here).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// The eleven CRM member countries: ISO code and the spellings reports use
/// (the first is the usual one).
pub const MEMBERS: [(&str, &[&str]); 11] = [
    ("BZ", &["Belice"]),
    ("CA", &["Canadá", "Canada"]),
    ("CR", &["Costa Rica"]),
    ("SV", &["El Salvador"]),
    (
        "US",
        &["Estados Unidos", "Estados Unidos de América", "EE.UU."],
    ),
    ("GT", &["Guatemala"]),
    ("HN", &["Honduras"]),
    ("MX", &["México", "Mexico", "MÉXICO"]),
    ("NI", &["Nicaragua"]),
    ("PA", &["Panamá", "Panama"]),
    (
        "DO",
        &[
            "República Dominicana",
            "Republica Dominicana",
            "Rep. Dominicana",
        ],
    ),
];

/// Cities by member (same order as [`MEMBERS`]).
const CITIES: [&[&str]; 11] = [
    &["Belmopan", "Ciudad de Belice"],
    &["Ottawa", "Montreal"],
    &["San José", "Heredia"],
    &["San Salvador"],
    &["Washington", "Miami"],
    &["Antigua", "Ciudad Guatemala"],
    &["Tegucigalpa", "Roatán"],
    &["Cancún", "Puebla", "Oaxaca"],
    &["Managua", "Montelimar"],
    &["Ciudad de Panamá"],
    &["Santo Domingo"],
];

/// Organizations as reports name them (acronyms of the gazetteer), with
/// their article.
const ORGS: [&str; 12] = [
    "la OIM",
    "la CEPAL",
    "el CELADE",
    "el BID",
    "la OCAM",
    "el ACNUR",
    "el SICA",
    "la RROCM",
    "la OCED",
    "el PIPM",
    "la Organización Internacional para las Migraciones (OIM)",
    "la CEPAL/CELADE",
];

const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Thematic areas: a roman section each, and the topics of its agreements.
const AREAS: [(&str, &[&str]); 6] = [
    (
        "Políticas y Gestión Migratoria",
        &[
            "Retorno de Migrantes Extrarregionales",
            "Retorno Digno, Seguro y Ordenado de Migrantes Regionales",
            "Modernización de la Gestión Migratoria",
            "Documentos de Viaje y Requisitos de Visa",
            "Control Migratorio en Puestos Fronterizos",
            "Intercambio de Estadísticas sobre Flujos Migratorios",
            "Capacitación Coordinada de Funcionarios de Migración",
            "Consulado Centroamericano",
        ],
    ),
    (
        "Derechos Humanos",
        &[
            "Protección de los Derechos Humanos de los Migrantes",
            "Protección Consular en la Región",
            "Menores Migrantes No Acompañados",
            "Situaciones de Intercepción, Detención, Deportación y Recepción",
            "Atención a Víctimas de la Trata de Personas",
            "Mujeres Migrantes y sus Familias",
            "Trabajadores Migratorios Temporales",
        ],
    ),
    (
        "Migración y Desarrollo",
        &[
            "Remesas y Desarrollo Local",
            "Cooperación Transfronteriza",
            "Sector Privado ante los Retos del Fenómeno Migratorio",
            "Información Estadística sobre las Migraciones",
            "Migración Laboral en Mesoamérica",
            "Integración de Migrantes Retornados",
        ],
    ),
    (
        "Combate al Tráfico Ilícito de Migrantes y la Trata de Personas",
        &[
            "Combate al Tráfico Ilícito de Migrantes",
            "Explotación Sexual Comercial de Niños, Niñas y Adolescentes",
            "Campañas Públicas de Información sobre los Riesgos de la Migración Irregular",
            "Base de Datos Regional sobre Redes de Tráfico",
            "Cooperación Policial y Judicial contra la Trata",
        ],
    ),
    (
        "Promoción de la Convergencia de esfuerzos en los Procesos Regionales sobre Migración",
        &[
            "Convergencia de los Procesos Regionales en las Américas en Materia Migratoria",
            "Diálogo con la Conferencia Sudamericana sobre Migraciones",
            "Cooperación con Organismos Extrarregionales",
        ],
    ),
    (
        "Cooperación Técnica y Fortalecimiento Institucional",
        &[
            "Fortalecimiento de la Secretaría Técnica",
            "Secretaría Virtual de la CRM",
            "Glosario de Términos Migratorios",
            "Evaluación del Plan de Acción de la CRM",
        ],
    ),
];

/// Kinds of titled documents an agreement adopts or asks for.
const DOC_KINDS: [&str; 12] = [
    "Marco de Ejecución del Programa de",
    "Lineamientos Generales para",
    "Plan de Acción sobre",
    "Programa Regional de",
    "Propuesta de Proyecto sobre",
    "Manual de Procedimientos para",
    "Memorándum de Entendimiento sobre",
    "Estudio Regional sobre",
    "Guía de Buenas Prácticas en",
    "Términos de Referencia para",
    "Protocolo Regional de",
    "Matriz de Seguimiento de",
];

const QUALIFIERS: [&str; 10] = [
    "",
    " en Centroamérica",
    " en Mesoamérica",
    " en la Región",
    " por Vía Terrestre",
    " en las Américas",
    " entre los Países Miembros de la CRM",
    " con Perspectiva Regional",
    " (Versión Revisada)",
    " para el Período 2003–2005",
];

/// What member countries are asked to send.
const ASKED_FOR: [&str; 8] = [
    "estadísticas sobre flujos de migrantes extrarregionales",
    "sus comentarios y observaciones",
    "una lista de necesidades de capacitación",
    "información que identifique a los países que dificultan la expedición de documentación de viaje",
    "los nombres de sus funcionarios de enlace",
    "sus contribuciones financieras",
    "un informe sobre los avances nacionales",
    "propuestas de capacitación",
];

/// Status of a request for responses, in the report's many ways of saying it.
/// `{p}`, `{q}`, `{r}` are member countries, `{f}` a date.
const STATUS: [&str; 16] = [
    "Con una excepción, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros.",
    "Hasta el momento, sólo se ha recibido respuesta de dos países miembros.",
    "No se recibió comunicación alguna.",
    "{p} y {q} enviaron sus estadísticas; queda pendiente la respuesta de los demás países miembros.",
    "El asunto continúa pendiente.",
    "A la fecha no se ha recibido ninguna respuesta.",
    "Aún no se han recibido las respuestas de más de la mitad de los países miembros.",
    "{p} envió sus comentarios el {f}.",
    "Con excepción de {p}, todos los países miembros enviaron la información solicitada.",
    "Sólo {p} ha respondido hasta la fecha.",
    "Se recibieron respuestas de {p}, {q} y {r}, cuya información se publicó en la Secretaría Virtual.",
    "Todos los países miembros respondieron a esta solicitud.",
    "Con dos excepciones, hasta el momento queda pendiente la recepción de respuesta por parte de los países miembros.",
    "Se ha recibido respuesta de tres países miembros, y de uno más se ha recibido confirmación de que está en proceso.",
    "La actividad se realizó según lo previsto.",
    "Aún está pendiente.",
];

/// Sentences that carry no fact of their own but make up the bulk of a report.
const FILLER: [&str; 22] = [
    "La Coordinadora del Proyecto SIEMCA complementará el informe con una presentación oral.",
    "En lo referente al Proyecto Sistema de Información Estadística sobre las Migraciones en Centroamérica (SIEMCA), {o} y {o2} recién firmaron un acuerdo a fin de realizar un diagnóstico.",
    "La Presidencia Pro-Témpore sigue brindándole todo su apoyo y cooperación a este tema.",
    "Se insta a los otros países miembros a hacer lo mismo.",
    "Este es un tema de acción que se propuso dentro del borrador de plan de acción.",
    "Una copia del documento se publicó en el sitio de la Secretaría Virtual.",
    "Este tópico será nuevamente objeto de discusión en esta reunión del GRCM, con aporte de {o}.",
    "Estos documentos se hicieron circular previo a esta reunión y están abiertos a comentarios o sugerencias de modificaciones provenientes de los países miembros.",
    "La recomendación dependerá del resultado de las deliberaciones vice ministeriales.",
    "Queda por realizar una consideración más extensa de las acciones recomendadas.",
    "Las delegaciones de {p} y {q} hicieron una presentación sobre este tema y ofrecieron compartir su experiencia.",
    "{P} está en la etapa final de completar su proceso de ratificación.",
    "{O} y {o2}, en coordinación con {p}, siguen trabajando en un informe final que refleje el consenso de los gobiernos participantes.",
    "Tal acuerdo sería un primer paso necesario para reafirmar el consenso y la cooperación que se requiere en la región.",
    "Del mismo modo, {p} ya empezó un esfuerzo de diseño para darle impulso a este proyecto.",
    "La Secretaría Técnica ha preparado para su distribución una lista actualizada de las firmas y ratificaciones de los instrumentos internacionales pertinentes.",
    "El evento contó con una amplia participación de representantes de {n} gobiernos, de organizaciones intergubernamentales y de la sociedad civil.",
    "Estas estadísticas serían la base para un informe que los países patrocinadores les remitirían a los Viceministros acerca de los patrones y retos del tráfico ilícito y la trata de migrantes.",
    "Si esta situación no se corrige pronto, con el tiempo esto tendrá un impacto negativo en las operaciones sostenidas y efectivas de la Secretaría Técnica.",
    "La Conferencia sirvió como un medio efectivo de crear conciencia sobre temas sobresalientes relacionados con la migración y la trata de personas en las Américas.",
    "El propósito es crear una oportunidad para intercambiar ideas sobre temas migratorios y el funcionamiento del proceso de la CRM.",
    "Gracias a la entusiasta participación de todos los asistentes, se produjo un plan de trabajo sustantivo para dos años.",
];

/// A CRM meeting of the synthetic calendar.
#[derive(Debug, Clone, Copy)]
struct Meeting {
    ordinal: u32,
    year: i32,
    /// 1-based month.
    month: usize,
    host: usize,
    city: &'static str,
}

/// The CRM meeting `ordinal` (1..=39): the real calendar for I–VIII, a
/// seeded one after that. Held in year `1995 + ordinal`.
fn meeting(seed: u64, ordinal: u32) -> Meeting {
    const REAL: [(usize, &str, usize); 8] = [
        (7, "Puebla", 3),
        (9, "Ciudad de Panamá", 3),
        (1, "Ottawa", 2),
        (3, "San Salvador", 1),
        (4, "Washington", 3),
        (2, "San José", 3),
        (5, "Antigua", 5),
        (7, "Cancún", 5),
    ];
    let year = 1995 + ordinal as i32;
    if let Some(&(host, city, month)) = REAL.get(ordinal as usize - 1) {
        return Meeting {
            ordinal,
            year,
            month,
            host,
            city,
        };
    }
    let mut r = SplitMix64::stream(seed, 0x4d45_4554, u64::from(ordinal));
    let host = r.below(MEMBERS.len());
    Meeting {
        ordinal,
        year,
        month: r.range(3, 6),
        host,
        city: r.pick(CITIES[host]),
    }
}

/// An agreement of a meeting: where it belongs, its heading, its quoted
/// title and what it asked member countries for.
#[derive(Debug, Clone)]
struct Agreement {
    area: usize,
    heading: String,
    title: String,
    asked_for: &'static str,
}

/// Agreement `j` of CRM meeting `ordinal`: a function of the seed, the
/// meeting and `j` only, so every report quotes it the same way.
fn agreement(seed: u64, ordinal: u32, j: usize) -> Agreement {
    let mut r = SplitMix64::stream(seed, 0x4143_5545, u64::from(ordinal) << 8 | j as u64);
    let topics: usize = AREAS.iter().map(|(_, t)| t.len()).sum();
    // Distinct topics within a meeting: step through the list by a stride
    // coprime with its length (33).
    let base =
        (SplitMix64::stream(seed, 0x544f_5043, u64::from(ordinal)).next_u64() as usize) % topics;
    let mut k = (base + j * 7) % topics;
    let mut area = 0;
    while k >= AREAS[area].1.len() {
        k -= AREAS[area].1.len();
        area += 1;
    }
    let topic = AREAS[area].1[k];
    let kind = r.pick(&DOC_KINDS);
    let qualifier = r.pick(&QUALIFIERS);
    let heading = match r.below(4) {
        0 => format!("Programa de {topic}"),
        1 => format!("Proyecto sobre {topic}"),
        2 => format!("Iniciativa de {topic}"),
        _ => topic.to_string(),
    };
    Agreement {
        area,
        heading,
        title: format!("{kind} {topic}{qualifier}"),
        asked_for: r.pick(&ASKED_FOR),
    }
}

/// Number of agreements each synthetic CRM meeting adopts.
pub const AGREEMENTS_PER_MEETING: usize = 8;

/// The meeting a report prepares: `2 + index % 38` (II..XXXIX CRM).
pub fn upcoming_ordinal(index: usize) -> u32 {
    2 + (index % 38) as u32
}

/// Roman numeral (I..XXXIX).
fn roman(n: u32) -> String {
    crate::reference::roman(n)
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One report being written.
struct Writer {
    rng: SplitMix64,
    seed: u64,
    next: Meeting,
    prev: Meeting,
    out: String,
}

impl Writer {
    fn country(&mut self) -> (usize, &'static str) {
        let i = self.rng.below(MEMBERS.len());
        let names = MEMBERS[i].1;
        let name = if self.rng.chance(70) {
            names[0]
        } else {
            self.rng.pick(names)
        };
        (i, name)
    }

    /// `n` distinct member countries.
    fn countries(&mut self, n: usize) -> Vec<&'static str> {
        let mut idx: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        while out.len() < n {
            let (i, name) = self.country();
            if !idx.contains(&i) {
                idx.push(i);
                out.push(name);
            }
        }
        out
    }

    fn org(&mut self) -> &'static str {
        self.rng.pick(&ORGS)
    }

    fn month(&self, m: usize) -> &'static str {
        MONTHS[(m + 11) % 12]
    }

    /// A day within the report's period (October of last year to the
    /// month of the coming meeting), written as reports write it.
    fn date(&mut self) -> String {
        let span = 3 + self.next.month; // Oct, Nov, Dec, then Jan..month
        let k = self.rng.below(span);
        let (m, y) = if k < 3 {
            (10 + k, self.next.year - 1)
        } else {
            (k - 2, self.next.year)
        };
        let d = self.rng.range(1, 28);
        let month = self.month(m);
        match self.rng.below(3) {
            0 => format!("{d} de {month} {y}"),
            1 => format!("{d} de {month} de {y}"),
            _ => format!("{d} de {month} {y}"),
        }
    }

    /// A reference to a CRM meeting, with its article, in one of the ways
    /// reports write it.
    fn crm(&mut self, m: Meeting) -> String {
        let r = roman(m.ordinal);
        match self.rng.below(7) {
            0 | 1 => format!("la {r} Reunión de la CRM"),
            2 | 3 => format!("la {r} CRM"),
            4 => format!(
                "la {r} Reunión de la CRM ({}, {} {})",
                m.city,
                self.month(m.month),
                m.year
            ),
            5 => format!("la {r} reunión de la CRM en {}", m.city),
            _ => format!("la {r} Reunión de la Conferencia Regional sobre Migración"),
        }
    }

    /// The GRCM meeting of October before the coming CRM, as a noun phrase
    /// with its article.
    fn grcm_prev(&mut self) -> String {
        let y = self.next.year - 1;
        match self.rng.below(5) {
            0 | 1 => format!("el GRCM de octubre {y}"),
            2 => format!("la reunión del GRCM en octubre {y}"),
            3 => format!("la reunión del GRCM de octubre de {y}"),
            _ => format!("el Grupo Regional de Consulta sobre Migración (GRCM) de octubre {y}"),
        }
    }

    /// The GRCM meeting this report is presented at.
    fn grcm_now(&mut self) -> String {
        let (m, y) = (self.month(self.next.month), self.next.year);
        match self.rng.below(3) {
            0 => format!("la reunión del GRCM en {m} {y}"),
            1 => "esta reunión del GRCM".to_string(),
            _ => format!("el GRCM de {m} {y}"),
        }
    }

    /// Fill a template's `{p}`, `{q}`, `{r}` (countries), `{P}` (country,
    /// sentence start), `{o}`, `{o2}` (organizations), `{f}` (date), `{n}`.
    fn fill(&mut self, tpl: &str) -> String {
        let cs = self.countries(3);
        let (o, mut o2) = (self.org(), self.org());
        if o2 == o {
            o2 = "la CEPAL";
        }
        let f = self.date();
        let n = self.rng.range(12, 45).to_string();
        tpl.replace("{O}", &cap(o))
            .replace("{p}", cs[0])
            .replace("{P}", cs[0])
            .replace("{q}", cs[1])
            .replace("{r}", cs[2])
            .replace("{o2}", o2)
            .replace("{o}", o)
            .replace("{f}", &f)
            .replace("{n}", &n)
    }

    /// `n` distinct filler sentences, each after two spaces.
    fn filler(&mut self, n: usize) -> String {
        let mut s = String::new();
        let mut used: Vec<usize> = Vec::new();
        while used.len() < n.min(FILLER.len()) {
            let k = self.rng.below(FILLER.len());
            if used.contains(&k) {
                continue;
            }
            used.push(k);
            s.push_str("  ");
            s.push_str(&self.fill(FILLER[k]));
        }
        s
    }

    fn status(&mut self) -> String {
        let t = self.rng.pick(&STATUS);
        self.fill(t)
    }

    fn quote(&mut self, title: &str) -> String {
        if self.rng.chance(85) {
            format!("“{title}”")
        } else {
            format!("\"{title}\"")
        }
    }

    /// The adoption of agreement `a` at meeting `m`, with a decision verb.
    fn adoption(&mut self, m: Meeting, a: &Agreement) -> String {
        let crm = self.crm(m);
        let t = self.quote(&a.title);
        let o = self.org();
        let pp = if self.rng.chance(50) { "En" } else { "Durante" };
        match self.rng.below(9) {
            0 => format!("{pp} {crm}, los Viceministros aprobaron el documento titulado, {t} como base para la negociación de acuerdos entre {o} y los países miembros de la CRM."),
            1 => format!("{pp} {crm}, los Viceministros decidieron\n\nReconocer la importancia de {t} para la aplicación de la perspectiva regional.  En este sentido se insta a los países miembros de la CRM a considerar su contenido.\n"),
            2 => format!("Los Viceministros que asistieron a {crm}, tomaron el siguiente acuerdo, específicamente\nAceptar como documento de referencia la propuesta titulada {t} y comisionar a la Presidencia Pro-Témpore para entablar los contactos iniciales con miras a identificar espacios de cooperación.\n"),
            3 => format!("Los Viceministros en {crm} acordaron {t}, y solicitar a {o} que realice una propuesta de proyecto enmarcada en este contexto."),
            4 => format!("{pp} {crm}, los Viceministros también le solicitaron a {o} que desarrollara {t}, a partir de los estudios de casos individuales por país."),
            5 => {
                let g = self.grcm_prev();
                let next = self.crm(self.next);
                format!("{} consideró y aprobó en forma de una recomendación a los Viceministros asistentes a {next}, {t}.", cap(&g))
            }
            6 => format!("{pp} {crm}, los Viceministros aprobaron incorporar {t} como una actividad continua de la CRM."),
            7 => {
                let d = self.date();
                format!("La Red de funcionarios de enlace recomendó {t} durante su reunión del {d} y el GRCM posteriormente la respaldó.")
            }
            _ => format!("A raíz de la decisión viceministerial de {crm} de aprobar {t}, los países miembros acordaron darle seguimiento por medio de la Presidencia Pro-Témpore."),
        }
    }

    /// Follow-up after the adoption: reaffirmation, letters, requests.
    fn follow_up(&mut self, m: Meeting, a: &Agreement) -> String {
        let mut s = String::new();
        if m.ordinal + 1 < self.next.ordinal {
            let prev = self.crm(self.prev);
            let g = self.grcm_prev();
            let _ = write!(s, "  Esta posición fue reafirmada en {prev} y en {g}.");
        }
        let g = self.grcm_prev();
        let d1 = self.date();
        let asked = a.asked_for;
        match self.rng.below(5) {
            0 => {
                let d2 = self.date();
                let _ = write!(s, "  La Presidencia Pro-Témpore envió cartas de seguimiento el {d1} y de nuevo el {d2} en las que exhorta a los países miembros a remitir {asked}.");
            }
            1 => {
                let _ = write!(s, "  Con base en esto, en {g} los países miembros acordaron suministrar {asked} al {d1}.");
            }
            2 => {
                let _ = write!(s, "  La Secretaría Técnica solicitó {asked} en su boletín del {d1} y nuevamente durante {g}.");
            }
            3 => {
                let _ = write!(s, "  En ese período intermedio, la Presidencia Pro-Témpore envió una carta con fecha {d1}, en la que instaba a los países miembros a continuar su evaluación de este documento y compartir {asked}.");
            }
            _ => {
                let (o, w) = (self.org(), self.rng.range(1, 4));
                let _ = write!(s, "  Esta iniciativa fue perfeccionada posteriormente en {g} para tomar la forma de un taller programado para el {} trimestre, el cual contaría con el auspicio de {o}.", ["primer", "segundo", "tercer", "cuarto"][w - 1]);
            }
        }
        s
    }

    /// A follow-up block for agreement `j` of meeting `m`: heading and body.
    fn agreement_block(&mut self, m: Meeting, j: usize) -> (usize, String, String) {
        let a = agreement(self.seed, m.ordinal, j);
        let mut body = self.adoption(m, &a);
        body.push_str(&self.follow_up(m, &a));
        body.push_str("  ");
        body.push_str(&self.status());
        let k = self.rng.range(1, 4);
        body.push_str(&self.filler(k));
        if self.rng.chance(30) {
            let next = self.crm(self.next);
            let _ = write!(body, "  El tema deberá ser considerado durante {next}.");
        }
        (a.area, a.heading, body)
    }

    /// A block about an event (workshop, seminar) of the period.
    fn event_block(&mut self) -> (usize, String, String) {
        let kinds = [
            "Taller",
            "Seminario",
            "Conferencia Hemisférica",
            "Reunión Técnica",
        ];
        let kind = self.rng.pick(&kinds);
        let area = self.rng.below(AREAS.len());
        let topic = self.rng.pick(AREAS[area].1);
        let title = self.quote(topic);
        let (host, city) = {
            let (i, _) = self.country();
            (MEMBERS[i].1[0], self.rng.pick(CITIES[i]))
        };
        let d = self.date();
        let (o, o2) = (self.org(), self.org());
        let mut body = format!(
            "Este evento, que se realizó en {city}, {host}, el {d}, fue organizado por {o} y {o2} a solicitud de los países miembros de la CRM."
        );
        let k = self.rng.range(2, 4);
        body.push_str(&self.filler(k));
        (area, format!("{kind} {title}"), body)
    }

    fn section(&mut self, numeral: u32, heading: &str) {
        let lead = if self.rng.chance(10) { " " } else { "" };
        let _ = write!(self.out, "{lead}{}.\n{heading}\n", roman(numeral));
    }

    fn subsection(&mut self, label: &str, heading: &str, body: &str) {
        if self.rng.chance(25) {
            let _ = write!(self.out, "{label}  {heading}:\n\n{body}\n\n");
        } else {
            let _ = writeln!(self.out, "{label}  {heading}: {body}");
            if self.rng.chance(40) {
                self.out.push('\n');
            }
        }
    }
}

/// The file name and text of synthetic report `index` of `seed`.
///
/// ```
/// let (name, text) = acta::synth::report(7, 0);
/// assert!(name.ends_with(".txt"));
/// assert!(text.contains("Introducción") && text.len() > 14_000);
/// assert_eq!(acta::synth::report(7, 0).1, text);
/// ```
pub fn report(seed: u64, index: usize) -> (String, String) {
    let ordinal = upcoming_ordinal(index);
    let next = meeting(seed, ordinal);
    let prev = meeting(seed, ordinal - 1);
    let mut w = Writer {
        rng: SplitMix64::stream(seed, 0x5245_504f, index as u64),
        seed,
        next,
        prev,
        out: String::with_capacity(26_000),
    };
    let target = w.rng.range(15_500, 24_000);
    let host = MEMBERS[next.host].1[0];
    let prev_host = MEMBERS[prev.host].1[0];
    let (y0, y1) = (next.year - 1, next.year);

    // I. Introducción
    w.section(1, "Introducción");
    let d = w.rng.range(20, 27);
    let intro = format!(
        "Al concluir la reunión del Grupo Regional de Consulta sobre Migración (GRCM), realizada del {d}-{} de octubre de {y0}  en {}, {prev_host}, se hizo una breve ceremonia en la cual se traspasaron formalmente las responsabilidades de la Presidencia Pro-Témpore para el año siguiente del Gobierno de {prev_host} al Gobierno de {host}.  El siguiente informe de la Presidencia Pro-Témpore acerca de las actividades de la Conferencia Regional sobre Migración (CRM) se concentra principalmente en el período que abarca desde noviembre {y0} – {} {y1}.   Su objetivo es complementar el informe de actividades que {prev_host} presentó en forma oral en {}.\n\n",
        d + 2,
        prev.city,
        w.month(next.month),
        w.grcm_prev(),
    );
    w.out.push_str(&intro);
    let now = w.grcm_now();
    let _ = write!(
        w.out,
        "La Presidencia Pro-Témpore destacará algunos aspectos de este informe en su presentación oral, según está contemplado en la agenda de {now}.\nResumen de Actividades \n"
    );

    // II. Secretaría Técnica
    w.section(2, "Secretaría Técnica (ST) de la CRM");
    let crm_prev = w.crm(prev);
    let (d1, d2) = (w.date(), w.date());
    let g = w.grcm_prev();
    let next_ref = w.crm(next);
    let status = w.status();
    let _ = write!(
        w.out,
        "La Secretaría Técnica ha detallado sus actividades para el período noviembre {y0} – {} {y1} en un informe aparte que preparó para entregarlo y discutirlo durante la actual reunión del GRCM.\n  Durante {crm_prev}, los Viceministros aprobaron el presupuesto actual de la ST y la escala proporcional de contribuciones que deben hacer los países miembros.  La Presidencia Pro-Témpore envió cartas de seguimiento el {d1} y de nuevo el {d2} en las que exhorta a los países miembros que aún no las han realizado, para que inicien los procesos necesarios para efectuar la transferencia de los montos acordados.  {}  En cuanto al financiamiento futuro, {g} consideró y aprobó en forma de una recomendación a los Viceministros asistentes a {next_ref}, el Presupuesto de la Secretaría Técnica para el período junio {y1} – diciembre {}.\n",
        w.month(next.month),
        status,
        y1 + 1,
    );

    // Thematic sections: agreements of the last meeting first, then older
    // ones still followed up, then events, until the report is long enough.
    let mut blocks: Vec<(usize, String, String)> = Vec::new();
    let mut size = w.out.len() + 1_500;
    let mut j = 0;
    while size < target {
        let block = if j < AGREEMENTS_PER_MEETING {
            j += 1;
            w.agreement_block(prev, j - 1)
        } else if ordinal > 2 && w.rng.chance(60) {
            let older = w.rng.range(
                ordinal.saturating_sub(5).max(1) as usize,
                ordinal as usize - 2,
            );
            let m = meeting(seed, older as u32);
            let k = w.rng.below(AGREEMENTS_PER_MEETING);
            w.agreement_block(m, k)
        } else {
            w.event_block()
        };
        size += block.1.len() + block.2.len() + 8;
        blocks.push(block);
    }
    let mut numeral = 3;
    for (area, (heading, _)) in AREAS.iter().enumerate() {
        let mine: Vec<&(usize, String, String)> = blocks.iter().filter(|b| b.0 == area).collect();
        if mine.is_empty() {
            continue;
        }
        w.section(numeral, heading);
        numeral += 1;
        let mut letter = b'A';
        let mut i = 0;
        while i < mine.len() {
            let label = format!("{}.", letter as char);
            letter += 1;
            let rest = mine.len() - i;
            if rest >= 3 && (w.rng.chance(35) || letter > b'P') {
                // A network's activities, as numbered items.
                let n = w.rng.range(2, rest.min(6));
                let net = if w.rng.chance(50) {
                    "Actividades de la Red de Funcionarios de Enlace de Protección Consular"
                } else {
                    "Actividades de la Red de Funcionarios de Enlace para el Combate al Tráfico de Migrantes"
                };
                let d = w.rng.range(2, 28);
                let _ = write!(
                    w.out,
                    "{label}  {net}:\nNota: Para el {d} de {} se ha programado una reunión de esta Red de Funcionarios de Enlace y durante el curso del GRCM se presentará el informe de dicha reunión.\n\n",
                    w.month(next.month)
                );
                for (k, b) in mine[i..i + n].iter().enumerate() {
                    let _ = write!(w.out, "({})  {}: {}\n\n", k + 1, b.1, b.2);
                }
                i += n;
            } else {
                w.subsection(&label, &mine[i].1, &mine[i].2);
                i += 1;
            }
        }
    }

    // Asuntos generales, footnotes and word-processor debris.
    w.section(numeral, "Asuntos generales");
    let orgs = [w.org(), w.org()];
    let next_ref = w.crm(next);
    let body = format!(
        "Por solicitud de varios países miembros, se han extendido invitaciones a {} y a {}, para que asistan a {next_ref} como invitados especiales.{}",
        orgs[0],
        orgs[1],
        w.filler(1)
    );
    w.subsection("A.", "Invitaciones a invitados especiales", &body);
    let next_ref = w.crm(next);
    let body = format!(
        "En octubre de {y0}, el Sistema de Integración Centroamericana remitió su solicitud para obtener status de observador, la cual esperará la consideración de los Viceministros durante {next_ref}."
    );
    w.subsection("B.", "Solicitud para el status de Observador", &body);
    if w.rng.chance(60) {
        let cities = [w.rng.pick(CITIES[2])[..].to_string(), prev.city.to_string()];
        let _ = write!(
            w.out,
            "###\n\u{FFFD} Desde que la ST se estableció, ha preparado informes de actividades y financieros para someterlos a discusión en cada una de las reuniones del GRCM  ({}, noviembre {}; {}, {} {y0}).  Estos informes son parte de los registros históricos de la CRM que se encuentran en la Secretaría Virtual.\n",
            cities[0],
            y0 - 1,
            cities[1],
            w.month(prev.month),
        );
    }
    if w.rng.chance(50) {
        let _ = write!(w.out, "\n\n\n\nPAGE  \n{}\n", w.rng.range(5, 9));
    }
    // Spanish contracts "a el" and "de el" (but not "de El Salvador").
    let mut text = w.out.replace(" a el ", " al ").replace(" de el ", " del ");
    if w.rng.chance(5) {
        // Some reports come from Windows editors.
        text = text.replace('\n', "\r\n");
    }
    let name = format!(
        "informe-ppt-s{seed}-{index:05}-{}-{y1}.txt",
        crate::text::slug(host)
    );
    (name, text)
}

/// Reports `0..n` of `seed`, in order.
pub fn corpus(seed: u64, n: usize) -> impl Iterator<Item = (String, String)> {
    (0..n).map(move |i| report(seed, i))
}
