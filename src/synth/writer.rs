//! The writer of one synthetic report: sections, items, meetings, letters,
//! decisions, requests and their status, in the genre's varied phrasing.

use super::*;

/// One report being written.
pub(super) struct Writer {
    pub(super) rng: SplitMix64,
    pub(super) seed: u64,
    pub(super) next: Meeting,
    pub(super) prev: Meeting,
    pub(super) out: String,
}

impl Writer {
    pub(super) fn country(&mut self) -> (usize, &'static str) {
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
    pub(super) fn countries(&mut self, n: usize) -> Vec<&'static str> {
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

    pub(super) fn org(&mut self) -> &'static str {
        self.rng.pick(&ORGS)
    }

    /// Month `m` (1 = January, wrapping past December) as the reports
    /// write it: the reader's own names.
    pub(super) fn month(&self, m: usize) -> &'static str {
        let m = u8::try_from((m + 11) % 12 + 1).unwrap_or(1);
        crate::ingest::profile::month_name(m)
    }

    /// A day within the report's period (October of last year to the
    /// month of the coming meeting), written as reports write it.
    pub(super) fn date(&mut self) -> String {
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
    pub(super) fn crm(&mut self, m: Meeting) -> String {
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
    pub(super) fn grcm_prev(&mut self) -> String {
        let y = self.next.year - 1;
        match self.rng.below(5) {
            0 | 1 => format!("el GRCM de octubre {y}"),
            2 => format!("la reunión del GRCM en octubre {y}"),
            3 => format!("la reunión del GRCM de octubre de {y}"),
            _ => format!("el Grupo Regional de Consulta sobre Migración (GRCM) de octubre {y}"),
        }
    }

    /// The GRCM meeting this report is presented at.
    pub(super) fn grcm_now(&mut self) -> String {
        let (m, y) = (self.month(self.next.month), self.next.year);
        match self.rng.below(3) {
            0 => format!("la reunión del GRCM en {m} {y}"),
            1 => "esta reunión del GRCM".to_string(),
            _ => format!("el GRCM de {m} {y}"),
        }
    }

    /// Fill a template's `{p}`, `{q}`, `{r}` (countries), `{P}` (country,
    /// sentence start), `{o}`, `{o2}` (organizations), `{f}` (date), `{n}`.
    pub(super) fn fill(&mut self, tpl: &str) -> String {
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
    pub(super) fn filler(&mut self, n: usize) -> String {
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

    pub(super) fn status(&mut self) -> String {
        let t = self.rng.pick(&STATUS);
        self.fill(t)
    }

    pub(super) fn quote(&mut self, title: &str) -> String {
        if self.rng.chance(85) {
            format!("“{title}”")
        } else {
            format!("\"{title}\"")
        }
    }

    /// The adoption of agreement `a` at meeting `m`, with a decision verb.
    pub(super) fn adoption(&mut self, m: Meeting, a: &Agreement) -> String {
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
    pub(super) fn follow_up(&mut self, m: Meeting, a: &Agreement) -> String {
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
    pub(super) fn agreement_block(&mut self, m: Meeting, j: usize) -> (usize, String, String) {
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
    pub(super) fn event_block(&mut self) -> (usize, String, String) {
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

    pub(super) fn section(&mut self, numeral: u32, heading: &str) {
        let lead = if self.rng.chance(10) { " " } else { "" };
        let _ = write!(self.out, "{lead}{}.\n{heading}\n", roman(numeral));
    }

    pub(super) fn subsection(&mut self, label: &str, heading: &str, body: &str) {
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
