//! Quotations: find “curly”, «angle» and "straight" quotations in a
//! paragraph and say what each holds: a document title, the wording of a
//! decision, or the name of a meeting. An opening mark that never closes
//! (reports have them) is reported, not followed: a quotation never runs
//! past its paragraph or more than [`MAX_QUOTE`] bytes.

use super::pattern::Pattern;
use super::profile::{words, Documents};
use super::rules;
use crate::text::normalize;
use std::sync::OnceLock;

/// Longest quotation accepted, in bytes.
pub const MAX_QUOTE: usize = 600;

/// A closed quotation: byte offsets of the marks (`start` at the opening
/// mark, `end` after the closing one) and of the text inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub inner_start: usize,
    pub inner_end: usize,
}

/// What a quotation holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A document title.
    Title,
    /// The words of a decision ("Reconocer la cooperación ...").
    Decision,
    /// The name of a conference or meeting.
    Meeting,
    /// Too short or not a title (a web page section, a phrase).
    Other,
}

/// Quotations of `text` (one paragraph or more: blank lines end open
/// quotations), and the offsets of opening marks that never close.
pub fn scan(text: &str) -> (Vec<Quote>, Vec<usize>) {
    let mut quotes = Vec::new();
    let mut unclosed = Vec::new();
    let mut curly: Vec<usize> = Vec::new();
    let mut angle: Vec<usize> = Vec::new();
    let mut straight: Option<usize> = None;
    let mut newline_run = 0;
    let flush = |open: &mut Vec<usize>, straight: &mut Option<usize>, un: &mut Vec<usize>| {
        un.append(open);
        un.extend(straight.take());
    };
    for (i, c) in text.char_indices() {
        if c == '\n' {
            newline_run += 1;
            if newline_run >= 2 {
                flush(&mut curly, &mut straight, &mut unclosed);
                flush(&mut angle, &mut None, &mut unclosed);
            }
            continue;
        }
        if !c.is_whitespace() {
            newline_run = 0;
        }
        let close = |open: &mut Vec<usize>, quotes: &mut Vec<Quote>, un: &mut Vec<usize>| {
            if let Some(s) = open.pop() {
                if i - s <= MAX_QUOTE {
                    quotes.push(Quote {
                        start: s,
                        end: i + c.len_utf8(),
                        inner_start: s + '“'.len_utf8(),
                        inner_end: i,
                    });
                } else {
                    un.push(s);
                }
            }
        };
        match c {
            '“' => curly.push(i),
            '”' => close(&mut curly, &mut quotes, &mut unclosed),
            '«' => angle.push(i),
            '»' => close(&mut angle, &mut quotes, &mut unclosed),
            '"' => match straight.take() {
                Some(s) if i - s <= MAX_QUOTE => quotes.push(Quote {
                    start: s,
                    end: i + 1,
                    inner_start: s + 1,
                    inner_end: i,
                }),
                Some(s) => {
                    unclosed.push(s);
                    straight = Some(i);
                }
                None => straight = Some(i),
            },
            _ => {}
        }
    }
    flush(&mut curly, &mut straight, &mut unclosed);
    flush(&mut angle, &mut None, &mut unclosed);
    // '“', '«' are multi-byte, '"' is one byte: fix inner starts.
    for q in &mut quotes {
        let mark = text[q.start..].chars().next().map_or(1, char::len_utf8);
        q.inner_start = q.start + mark;
    }
    quotes.sort_by_key(|q| q.start);
    unclosed.sort_unstable();
    (quotes, unclosed)
}

/// The title inside a quotation, without edge punctuation, with single
/// spaces.
pub fn inner(text: &str, q: &Quote) -> String {
    let raw = text.get(q.inner_start..q.inner_end).unwrap_or("");
    let t = raw.trim().trim_end_matches([',', '.', ';', ':']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn not_title_before() -> &'static Pattern {
    static R: OnceLock<Pattern> = OnceLock::new();
    R.get_or_init(|| rules::compile(rules::NOT_TITLE_BEFORE))
}

/// What the quotation `q` of `text` holds; `words` are the text's
/// language's words of documents: what someone is quoted as saying
/// ([`Documents::speech`], [`Documents::first_person`]) is no title.
pub fn classify(text: &str, q: &Quote, d: &Documents) -> Role {
    if spoken(text, q, d) {
        return Role::Other;
    }
    let inner = inner(text, q);
    let words: Vec<&str> = inner.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Role::Other;
    };
    let first_norm = normalize(first.trim_matches(|c: char| !c.is_alphanumeric()));
    let capitalized = first.chars().next().is_some_and(char::is_uppercase);
    let before = normalize(text.get(..q.start).unwrap_or(""));
    if capitalized
        && first_norm.len() >= 5
        && ["ar", "er", "ir"].iter().any(|e| first_norm.ends_with(e))
        && !rules::NOT_INFINITIVES.contains(&first_norm.as_str())
    {
        return Role::Decision;
    }
    if in_first_person(text, q, d) {
        return Role::Other;
    }
    if words.len() < 2 || !capitalized || not_title_before().is_match(&before) {
        return Role::Other;
    }
    if rules::MEETING_WORDS.contains(&first_norm.as_str()) {
        return Role::Meeting;
    }
    Role::Title
}

/// Whether the quotation `q` opens its sentence or line: nothing before
/// it but a stop, a colon, a quotation's end or a line break.
fn opens(text: &str, q: &Quote) -> bool {
    let before = text.get(..q.start).unwrap_or("");
    let trimmed = before.trim_end_matches([' ', '\t']);
    trimmed.is_empty()
        || trimmed.ends_with(['.', '!', '?', ':', '"', '”', '»', '\n'])
        || before.ends_with('\n')
}

/// A quotation of twenty words or more that opens its sentence and holds
/// a word of the first person ("It is a platform where we exchange ..."):
/// what someone said, not a title ("the report “Our Common Agenda ...”").
fn in_first_person(text: &str, q: &Quote, d: &Documents) -> bool {
    if !opens(text, q) {
        return false;
    }
    let said = words(text.get(q.inner_start..q.inner_end).unwrap_or(""));
    said.split(' ').count() >= 20
        && said
            .split(' ')
            .any(|w| d.first_person.iter().any(|p| p == w))
}

/// Whether the quotation `q` is what someone said: a verb of saying and a
/// colon right before it (`said: "…"`), or right after it, past a comma,
/// a stop or a dash (`"…", dijo`) and at most three capitalized words
/// (`"…" DG Swing said`) when it opens its sentence.
fn spoken(text: &str, q: &Quote, d: &Documents) -> bool {
    let speech = &d.speech;
    let ends_with = |w: &str, p: &str| {
        w.strip_suffix(p)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    };
    let before = text.get(..q.start).unwrap_or("").trim_end();
    if let Some(b) = before.strip_suffix(':') {
        let tail = b.get(b.len().saturating_sub(40)..).unwrap_or(b);
        let w = words(tail);
        if speech.iter().any(|p| ends_with(&w, p)) {
            return true;
        }
    }
    // After the quotation only when it opens its sentence: "adopted the
    // “Kathmandu Declaration”, stressed ..." goes on with its subject.
    if !opens(text, q) {
        return false;
    }
    let after = text.get(q.end..).unwrap_or("").trim_start();
    let after = after
        .strip_prefix([',', '.', '—', '–', '-'])
        .unwrap_or(after)
        .trim_start();
    let mut names = 0;
    let mut rest = after;
    loop {
        let head = rest.get(..rest.len().min(40)).unwrap_or(rest);
        let w = words(head);
        if speech.iter().any(|p| {
            w.strip_prefix(p.as_str())
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        }) {
            return true;
        }
        // A name before the verb ("DG Swing said"): capitalized words only.
        let Some(word) = rest.split_whitespace().next() else {
            return false;
        };
        if names == 3 || !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        names += 1;
        rest = rest[word.len()..].trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        scan(s).0.iter().map(|q| inner(s, q)).collect()
    }

    #[test]
    fn curly_straight_and_nested() {
        let s = "el “Glosario de la CRM” y el \"Menores migrantes: derechos\" y «Otro Título»";
        assert_eq!(
            texts(s),
            [
                "Glosario de la CRM",
                "Menores migrantes: derechos",
                "Otro Título"
            ]
        );
    }

    #[test]
    fn unbalanced_quote_closes_the_inner_one_only() {
        let s = "agradecieron “la intervención de la RROCM respecto de los “Lineamientos Generales para la Protección”.  Este documento se publicó.\n\nOtro párrafo “con cita”.";
        let (quotes, unclosed) = scan(s);
        let got: Vec<String> = quotes.iter().map(|q| inner(s, q)).collect();
        assert_eq!(
            got,
            ["Lineamientos Generales para la Protección", "con cita"]
        );
        assert_eq!(unclosed, [s.find('“').unwrap()]);
    }

    #[test]
    fn roles() {
        let role = |s: &str| classify(s, &scan(s).0[0], &Documents::default());
        assert_eq!(
            role("acordaron “Reconocer la cooperación fronteriza.”"),
            Role::Decision
        );
        assert_eq!(
            role("el documento titulado, “Marco de Ejecución del Programa”"),
            Role::Title
        );
        assert_eq!(
            role("en la “Conferencia Hemisférica Sobre Migración”"),
            Role::Meeting
        );
        assert_eq!(
            role("en la sección “Novedades” de la Secretaría"),
            Role::Other
        );
        assert_eq!(role("sobre “Fronteras juxtapuestas”."), Role::Title);
        assert_eq!(role("el “Taller Regional de Capacitación”"), Role::Title);
    }

    #[test]
    fn a_decision_quoted_in_the_first_person_is_a_decision() {
        let p = crate::ingest::profile::Profile::bundled_for("es").cloned();
        let words = p.map(|p| p.documents).unwrap_or_default();
        let s = "los Viceministros acordaron: “Reafirmar nuestro compromiso con la protección de los derechos humanos de las personas migrantes en todos los países de la región y en sus fronteras”.";
        assert_eq!(classify(s, &scan(s).0[0], &words), Role::Decision);
    }

    #[test]
    fn what_someone_said_is_no_title() {
        let role = |lang: &str, s: &str| {
            let p = crate::ingest::profile::Profile::bundled_for(lang).cloned();
            let words = p.map(|p| p.documents).unwrap_or_default();
            classify(s, &scan(s).0[0], &words)
        };
        for (lang, s) in [
            ("en", "William Lacy Swing said: \"Genuine integration is possible when all act.\""),
            ("en", "She adds: \"The Conference leads the way in the region.\""),
            ("en", "\"From our Presidency we open new spaces\", said the Vice Minister"),
            ("en", "\"Events such as today's workshop help,\" said Chantal Chastenay."),
            ("en", "\"Anyone who understands demographic imbalances sees it.\" DG Swing said."),
            ("es", "“A mi juicio, el nuevo paradigma es la protección”, dijo después"),
            ("es", "«Insistimos mucho en la libre circulación», dijo Kronawetter."),
            ("es", "la sociedad civil entre en este espacio y dijeron: “Estamos en las rutas”."),
            ("es", "«Todo ello demanda una especial capacitación», agrega el texto difundido."),
            ("en", "\"It is a platform where we exchange best practices, and the country can learn from the practices used elsewhere in the region.\""),
        ] {
            assert_eq!(role(lang, s), Role::Other, "{s}");
        }
        for (lang, s) in [
            (
                "en",
                "the project “Fostering Migration Cooperation” play an important part",
            ),
            (
                "en",
                "They adopted \"Towards Regional Solidarity in Security\" as the theme.",
            ),
            (
                "es",
                "con la aprobación de la “Declaración de Montevideo sobre Migración”, que rechaza",
            ),
            (
                "es",
                "Bajo el lema “ODS hacia la gobernanza de las Migraciones”, Panamá impulsará",
            ),
            ("es", "denominada “Declaración de La Paz”:"),
            (
                "es",
                "el tema “Protegiendo e integrando a los migrantes en nuestra región”",
            ),
            ("en", "The Ministers adopted the \"Kathmandu Declaration\", stressed the importance of safe migration."),
            ("es", "Los Viceministros aprobaron la “Declaración de Panamá sobre Movilidad Humana”, destacaron la cooperación."),
            ("en", "The \"World Migration Report 2022\" says that most migrants move for work."),
            ("en", "the report \"Our Common Agenda for Safe, Orderly and Regular Migration: Strengthening Cooperation Between Countries of Origin, Transit and Destination in Asia\""),
        ] {
            assert_eq!(role(lang, s), Role::Title, "{s}");
        }
    }

    #[test]
    fn never_panics_on_odd_marks() {
        for s in ["”", "“", "\"", "“”", "a\"b\"c\"", "«»«", "“é”ñ\"", "“\n\n”"]
        {
            let (q, _) = scan(s);
            for q in q {
                let _ = classify(s, &q, &Documents::default());
            }
        }
    }
}
