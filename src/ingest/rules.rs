//! The phrase tables of extraction that are not yet profile data: how a
//! meeting is named as a destination, attended, held, scheduled or "esta
//! reunión", who proposed something, role titles, and the words that
//! start no name or title. Spanish and English together. The rest of the
//! genre's words (decisions, requests and answers, statuses, events,
//! months, numbers) are in the language profiles (`data/profiles/`,
//! [`super::profile`]), and what bodies do is reference data
//! ([`crate::reference::roles`]).
//!
//! Patterns are regular-expression fragments over *normalized* text
//! ([`crate::text::normalize`]: lower case, accents stripped, spaces
//! collapsed), so "Continúa pendiente" and "continua  pendiente" are one
//! phrase. The modules that use a table compile it once (`OnceLock`),
//! into a [`Pattern`] that skips texts it cannot match.

use super::pattern::Pattern;

/// Text before a meeting that makes it a destination, not a venue
/// ("a los Viceministros asistentes a la VIII CRM", "Preparatory Meeting
/// for the 5th ... Conference").
pub const DESTINATION: &str = r"(?:asistentes?|asistan|remitir\w*(?: a los viceministros asistentes)?|se discutir(?:a|ia)|ser(?:a|ia) (?:discutid|considerad|presentad|sometid)[oa]s?|debera ser \w+d[oa]s?|en aproximacion de|para|esperara la consideracion de los viceministros|a considerar(?:se)?|a presentar(?:se)?|rumbo|hacia|towards|ahead\s+of|for)\s+(?:a|en|durante|para)?\s*(?:la|el|esta|su|the)?\s*$";

/// Words of attending right before a meeting that `DESTINATION` would take
/// for one prepared for ("partners met for the 8th ... Meeting"), with
/// the place between them or not ("came together in Stockholm, Sweden
/// for the 34th ... Meeting"), and a near day before the place or not
/// ("gathered this week in Montevideo, Uruguay, for the 17th ..."): the
/// meeting is being held, not prepared.
pub const ATTENDED: &str = r"\b(?:met|gathered|convened|came together|assembled|se reunieron|se reunio)(?:\s+(?:this week|last week|today|yesterday|esta semana|la semana pasada|hoy|ayer))?(?:\s+(?:in|at|en)\s+(?P<gap>[^.;:!?()]{1,50}?))?[\s,]+(?:for|para)\s+(?:la|el|the)?\s*$";

/// Words of meeting between a date and a meeting of a series keyed by
/// date that has no days of its own ("On 22 – 23 March 2022, Khartoum
/// Process partners met for the 8th ... Meeting").
/// Words in the place between the words of meeting and the meeting
/// ([`ATTENDED`]) that make it a purpose ("met in Cairo to draft texts
/// for the ... Meeting"): the meeting is prepared for, not attended.
pub const PURPOSE: &[&str] = &["to", "para"];

pub const MET: &str =
    r"\b(?:met|gathered|convened|came together|se reunieron|se reunio|se dieron cita)\b";

/// Future or scheduled wording: an undated meeting in such a sentence is
/// the current one, not the previous one.
pub const FUTURE: &str = r"\b(?:se ha programado|esta programad[oa]|estan programad[oa]s|proxim[oa]|durante el curso de)\b";

/// Future wording in English before a meeting ("Kenya will host the 6th
/// RMCC Meeting"): read by `meetings::future_before` only.
pub const FUTURE_EN: &str = r"\b(?:will|shall|upcoming|next)\b";

/// Verb endings of the future tense, on the original (accented) text.
/// Read by `meetings::future_ending`, which its tests hold to this pattern.
pub const FUTURE_ORIGINAL: &str = r"\b\w+r(?:á|án)\b";

/// "esta reunión", "la actual reunión": the meeting the report is for.
pub const CURRENT_MEETING: &str = r"\b(?:esta|la actual|la presente|la misma)\s+reunion\b";

/// Words between a scheduled date and "reunión" ("Para el 26 de mayo se ha
/// programado una reunión de esta Red").
pub const SCHEDULED_GAP: &str = r"^\s*,?\s*(?:se ha programado|esta programada|se realizara|se llevara a cabo|se celebrara|tendra lugar)\s+(?:una|la)\s*$";

/// Filler between a meeting and its date or place ("realizada del",
/// "que se realizó en", "en su reunión de").
pub const MEETING_FILLER: &str = r"^(?:\s|,)*(?:(?:which\s+|that\s+)?(?:(?:que\s+)?se\s+(?:realizo|celebro|llevo\s+a\s+cabo|efectuo|reunio|reunieron)|(?:que\s+)?tuvo\s+lugar|(?:que\s+)?tendra\s+lugar|se\s+(?:realizara|celebrara|llevara\s+a\s+cabo)|sesiono|took\s+place|(?:will|to)\s+take\s+place|(?:was\s+|were\s+|will\s+be\s+)?held|convened|realizad[ao]s?|celebrad[ao]s?|efectuad[ao]s?|llevad[ao]s?\s+a\s+cabo|reunid[ao]s?|en\s+su\s+reunion|en\s+su\s+sesion)(?:\s|,)*(?:el\s+pasado\s+|last\s+)?)?";

/// Who proposed, offered or sponsored something: countries and
/// organizations named right after.
pub const PROPOSERS: &str = r"\b(?:propuest[oa]s? por|presentad[oa]s? por|ofrecid[oa]s? por|auspiciad[oa]s? por|patrocinad[oa]s? por|organizad[oa]s? por|la propuesta de|iniciativa de)\b";

/// Title words for people ("el Subsecretario de Población, ..., Nombre").
pub const ROLE_TITLES: &str = r"(?:Sub|Vice)?(?:[Ss]ecretari[oa]|[Mm]inistr[oa]|[Dd]irector(?:a)?|[Cc]oordinador(?:a)?|[Ee]mbajador(?:a)?|[Cc]omisionad[oa]|[Pp]residente|[Pp]residenta|[Cc]anciller|[Jj]ef[ea]|[Cc]ónsul|[Dd]elegad[oa]|[Vv]iceministr[oa]|[Ss]ubsecretari[oa])";

/// Capitalized words that start no person's name.
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "gobierno",
    "presidencia",
    "secretaria",
    "conferencia",
    "reunion",
    "red",
    "programa",
    "proyecto",
    "estados",
    "los",
    "las",
    "el",
    "la",
    "en",
    "durante",
    "grupo",
    "comision",
    "consejo",
    "sistema",
    "plan",
    "taller",
    "seminario",
    "informe",
    "viceministros",
];

/// Capitalized nouns ending like infinitives: a quotation starting with
/// one is a title, not a decision ("Lugar", "Taller").
#[rustfmt::skip]
pub const NOT_INFINITIVES: &[&str] = &[
    "lugar",
    "hogar",
    "militar",
    "familiar",
    "regular",
    "particular",
    "popular",
    "nuclear",
    "titular",
    "escolar",
    "similar",
    "auxiliar",
    "singular",
    "circular",
    "consular",
    "bienestar",
    "mujer",
    "poder",
    "taller",
    "placer",
    "deber",
    "cancer",
    "caracter",
    "porvenir",
    "mar",
];

/// Words opening a quoted or named meeting.
pub const MEETING_WORDS: &[&str] = &[
    "conferencia",
    "reunion",
    "cumbre",
    "foro",
    "encuentro",
    "simposio",
    "congreso",
];

/// Words right before a quotation that make it no document title.
pub const NOT_TITLE_BEFORE: &str =
    r"\b(?:seccion|pagina|sitio|apartado|rubro|taller|seminario|curso|evento)\s*$";

/// Abbreviations that end in a period without ending a sentence.
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    "sr", "sra", "srta", "dr", "dra", "lic", "ing", "arq", "prof", "no", "num", "pag", "p", "art",
    "ud", "uds", "vol", "cap", "av", "dpto", "depto", "cf", "op", "cit", "ee.uu", "uu", "e.g",
    "i.e",
];

/// Cue words that introduce the report's own title ("El siguiente informe
/// de la Presidencia Pro-Témpore ...").
pub const TITLE: &str = r"\b(?:el|este|presente|nuestro)\s+(?:siguiente\s+)?(?P<t>(?:informe|reporte|memoria)\s+(?:de|del)\s+)";

/// Words that end a title taken from running text.
pub const TITLE_END: &str =
    r"\s+(?:se|que|el cual|la cual|es|tiene|presenta|abarca|cubre)\s|[,.;:]";

/// Compile a table pattern; the tables are constants, so failure is a bug
/// caught by the tests below.
pub fn compile(pattern: &str) -> Pattern {
    Pattern::new(pattern).unwrap_or_else(|e| panic!("rule table pattern {pattern:?}: {e}"))
}

/// Alternation of patterns as one word-bounded regex, each in a numbered
/// group in table order.
pub fn alternation<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Pattern {
    let parts: Vec<String> = patterns
        .into_iter()
        .map(|p| format!(r"\b({p})\b"))
        .collect();
    compile(&parts.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn every_table_compiles() {
        for p in [
            DESTINATION,
            FUTURE,
            FUTURE_ORIGINAL,
            CURRENT_MEETING,
            SCHEDULED_GAP,
            MEETING_FILLER,
            PROPOSERS,
            ROLE_TITLES,
            NOT_TITLE_BEFORE,
            TITLE,
            TITLE_END,
        ] {
            compile(p);
        }
    }

    #[test]
    fn tables_are_written_normalized() {
        for w in NOT_NAMES.iter().chain(NOT_INFINITIVES).chain(MEETING_WORDS) {
            assert_eq!(&normalize(w), w);
        }
    }
}
