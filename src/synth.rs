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

#[cfg(test)]
mod tests;
mod vocabulary;
mod writer;

use writer::Writer;

pub(crate) use vocabulary::MEMBERS;
use vocabulary::*;

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
    pub(crate) fn stream(seed: u64, a: u64, b: u64) -> SplitMix64 {
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
pub(crate) const AGREEMENTS_PER_MEETING: usize = 8;

/// The meeting a report prepares: `2 + index % 38` (II..XXXIX CRM).
pub(crate) fn upcoming_ordinal(index: usize) -> u32 {
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

/// The file name and text of synthetic report `index` of `seed`.
///
/// ```
/// let (name, text) = acta::synth::report(7, 0);
/// assert!(name.ends_with(".txt"));
/// assert!(text.contains("Introducción") && text.len() > 14_000);
/// assert_eq!(acta::synth::report(7, 0).1, text);
/// ```
pub fn report(seed: u64, index: usize) -> (String, String) {
    let (name, text, _) = report_with_threads(seed, index);
    (name, text)
}

/// The agreement a section of a synthetic report follows up: the ground
/// truth that linking agreements across reports (`same_as`) is checked
/// against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadOf {
    /// The section's label as ingest numbers it: `II`, `IV.B`, `V.A(2)`.
    pub label: String,
    /// The agreement, the same in every report that follows it up:
    /// `crm-07/3` for agreement 3 of the VII CRM, `crm-07/budget` for the
    /// Technical Secretariat budget approved there.
    pub thread: String,
}

/// [`report`] with the agreement each of its sections follows up (event
/// sections, which follow up none, are left out). Only the opening
/// decision of a section is that agreement: later decisions of the section
/// (`IV.B#2`, a follow-up at a GRCM meeting) are not listed.
///
/// ```
/// let (name, text, threads) = acta::synth::report_with_threads(7, 6);
/// assert_eq!((name, text), acta::synth::report(7, 6));
/// assert_eq!(threads[0].label, "II");
/// assert_eq!(threads[0].thread, "crm-07/budget");
/// ```
pub fn report_with_threads(seed: u64, index: usize) -> (String, String, Vec<ThreadOf>) {
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
    introduction(&mut w);
    let mut threads = vec![secretariat(&mut w)];
    let blocks = blocks(&mut w, ordinal, target);
    let numeral = thematic_sections(&mut w, &blocks, &mut threads);
    closing(&mut w, numeral);
    // Spanish contracts "a el" and "de el" (but not "de El Salvador").
    let mut text = w.out.replace(" a el ", " al ").replace(" de el ", " del ");
    if w.rng.chance(5) {
        // Some reports come from Windows editors.
        text = text.replace('\n', "\r\n");
    }
    let name = format!(
        "informe-ppt-s{seed}-{index:05}-{}-{}.txt",
        crate::text::slug(host),
        next.year
    );
    (name, text, threads)
}

/// I. Introducción: the handover at the last GRCM, the period reported.
fn introduction(w: &mut Writer) {
    let (next, prev) = (w.next, w.prev);
    let host = MEMBERS[next.host].1[0];
    let prev_host = MEMBERS[prev.host].1[0];
    let (y0, y1) = (next.year - 1, next.year);
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
}

/// II. Secretaría Técnica: the budget approved at the last CRM, and the
/// letters asking for contributions. Returns the budget's thread.
fn secretariat(w: &mut Writer) -> ThreadOf {
    let (next, prev) = (w.next, w.prev);
    let (y0, y1) = (next.year - 1, next.year);
    w.section(2, "Secretaría Técnica (ST) de la CRM");
    let thread = ThreadOf {
        label: "II".into(),
        thread: format!("crm-{:02}/budget", prev.ordinal),
    };
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
    thread
}

/// A thematic block: its area, heading, body, and the agreement it follows
/// up (none for an event).
type Block = (usize, String, String, Option<String>);

/// The thematic blocks: agreements of the last meeting first, then older
/// ones still followed up, then events, until the report is long enough.
fn blocks(w: &mut Writer, ordinal: u32, target: usize) -> Vec<Block> {
    let (seed, prev) = (w.seed, w.prev);
    let mut blocks: Vec<Block> = Vec::new();
    let mut size = w.out.len() + 1_500;
    let mut j = 0;
    while size < target {
        let block = if j < AGREEMENTS_PER_MEETING {
            j += 1;
            let (area, heading, body) = w.agreement_block(prev, j - 1);
            let thread = format!("crm-{:02}/{}", prev.ordinal, j - 1);
            (area, heading, body, Some(thread))
        } else if ordinal > 2 && w.rng.chance(60) {
            let older = w.rng.range(
                ordinal.saturating_sub(5).max(1) as usize,
                ordinal as usize - 2,
            );
            let m = meeting(seed, older as u32);
            let k = w.rng.below(AGREEMENTS_PER_MEETING);
            let (area, heading, body) = w.agreement_block(m, k);
            (area, heading, body, Some(format!("crm-{older:02}/{k}")))
        } else {
            let (area, heading, body) = w.event_block();
            (area, heading, body, None)
        };
        size += block.1.len() + block.2.len() + 8;
        blocks.push(block);
    }
    blocks
}

/// The thematic sections, one per area with blocks, numbered from III;
/// each block a lettered subsection, or a few of them numbered items of a
/// network's activities. Returns the next section's numeral.
fn thematic_sections(w: &mut Writer, blocks: &[Block], threads: &mut Vec<ThreadOf>) -> u32 {
    let mut numeral = 3;
    for (area, (heading, _)) in AREAS.iter().enumerate() {
        let mine: Vec<&Block> = blocks.iter().filter(|b| b.0 == area).collect();
        if mine.is_empty() {
            continue;
        }
        let section = roman(numeral);
        w.section(numeral, heading);
        numeral += 1;
        let mut letter = b'A';
        let mut i = 0;
        while i < mine.len() {
            let label = format!("{}.", letter as char);
            letter += 1;
            let rest = mine.len() - i;
            if rest >= 3 && (w.rng.chance(35) || letter > b'P') {
                let n = w.rng.range(2, rest.min(6));
                network(w, &label, &mine[i..i + n]);
                for (k, b) in mine[i..i + n].iter().enumerate() {
                    if let Some(thread) = &b.3 {
                        threads.push(ThreadOf {
                            label: format!("{section}.{}({})", &label[..1], k + 1),
                            thread: thread.clone(),
                        });
                    }
                }
                i += n;
            } else {
                w.subsection(&label, &mine[i].1, &mine[i].2);
                if let Some(thread) = &mine[i].3 {
                    threads.push(ThreadOf {
                        label: format!("{section}.{}", &label[..1]),
                        thread: thread.clone(),
                    });
                }
                i += 1;
            }
        }
    }
    numeral
}

/// A network's activities: a lettered subsection of numbered items.
fn network(w: &mut Writer, label: &str, items: &[&Block]) {
    let net = if w.rng.chance(50) {
        "Actividades de la Red de Funcionarios de Enlace de Protección Consular"
    } else {
        "Actividades de la Red de Funcionarios de Enlace para el Combate al Tráfico de Migrantes"
    };
    let d = w.rng.range(2, 28);
    let _ = write!(
        w.out,
        "{label}  {net}:\nNota: Para el {d} de {} se ha programado una reunión de esta Red de Funcionarios de Enlace y durante el curso del GRCM se presentará el informe de dicha reunión.\n\n",
        w.month(w.next.month)
    );
    for (k, b) in items.iter().enumerate() {
        let _ = write!(w.out, "({})  {}: {}\n\n", k + 1, b.1, b.2);
    }
}

/// Asuntos generales, footnotes and word-processor debris.
fn closing(w: &mut Writer, numeral: u32) {
    let (next, prev) = (w.next, w.prev);
    let y0 = next.year - 1;
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
}

/// Reports `0..n` of `seed`, in order.
pub fn corpus(seed: u64, n: usize) -> impl Iterator<Item = (String, String)> {
    (0..n).map(move |i| report(seed, i))
}
