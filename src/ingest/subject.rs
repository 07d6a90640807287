//! Who a verb of deciding or asking has as its subject, besides the
//! roles of the reading profile (`[bodies] roles`): a meeting named right
//! before it ("La XVI Conferencia Suramericana sobre Migraciones (CSM)
//! recomendó ..."), or those who met as the press names them (`[bodies]
//! press_roles`: "los directores de Migración se comprometieron a ...",
//! "The delegates also called for ...").

use super::profile::{find_phrase, words, Profile};
use super::sentence::Sentence;

/// True when a meeting named as itself (not where something goes, not
/// one held elsewhere or to come) ends `before`, the words before a verb
/// in [`Sentence::words`] form, but for its acronym, and no word of
/// `[bodies] not_subject` stands right before it ("Durante la XXV CRM,
/// México instó ...": the meeting is when, not who).
pub fn meeting_subject(p: &Profile, s: &Sentence, before: &str) -> bool {
    s.meetings
        .iter()
        .filter(|m| !m.destination && !m.aside && !m.scheduled)
        .any(|m| {
            let name = words(s.slice(m.start, m.end));
            let Some(i) = find_phrase(before, &name).filter(|_| !name.is_empty()) else {
                return false;
            };
            let rest = before.get(i + name.len()..).unwrap_or("");
            let lead: Vec<&str> = before.get(..i).unwrap_or("").split_whitespace().collect();
            // "la", "el": the article of its name; the word before it.
            let article = lead
                .last()
                .is_some_and(|w| p.requests.articles.iter().any(|a| a == w));
            let prev = lead.get(lead.len().saturating_sub(1 + usize::from(article)));
            rest.split_whitespace().count() <= 1
                && !prev.is_some_and(|w| p.bodies.not_subject.iter().any(|x| x == w))
        })
}

/// True when a role of `[bodies] roles` is named in `before` (words form)
/// other than right after a word of `[bodies] not_subject` ("Tras la
/// conferencia, el presidente decidió", "a los países de las dos
/// orillas"): where it is when or whom, not who. A word of belonging
/// (`[places] of_body`) counts them ("una veintena de países de la
/// región se comprometieron").
pub fn role_named(p: &Profile, before: &str) -> bool {
    p.bodies.roles.iter().any(|r| {
        let mut from = 0;
        while let Some(i) = before.get(from..).and_then(|b| find_phrase(b, r)) {
            let at = from + i;
            let prev = before
                .get(..at)
                .unwrap_or("")
                .split_whitespace()
                .next_back();
            let counted = prev.is_some_and(|w| p.places.of_body.iter().any(|x| x == w));
            if counted || !prev.is_some_and(|w| p.bodies.not_subject.iter().any(|x| x == w)) {
                return true;
            }
            from = at + r.len();
        }
        false
    })
}

/// True when those who met, as the press names them (`[bodies]
/// press_roles`), are the subject: the role opens the words before the
/// verb (maybe after a short lead that a comma ends, "En la reunión, los
/// directores ..."), no country or organization is named before the verb
/// ("Representatives of IOM requested ...", "Las autoridades migratorias
/// de Estados Unidos solicitaron ..."), and no word of `[bodies]
/// outsiders` ("civil society", "empresas") says they are others.
pub fn press_subject(p: &Profile, s: &Sentence, before: &str) -> bool {
    let roles = &p.bodies.press_roles;
    let Some(at) = roles.iter().filter_map(|r| find_phrase(before, r)).min() else {
        return false;
    };
    let lead = before
        .get(..at)
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| !p.requests.articles.iter().any(|a| a == w))
        .count();
    // A comma ends the lead ("De acuerdo con el comunicado, en el
    // encuentro los directores ..."): one before the role in the text.
    let comma_before = roles
        .iter()
        .filter_map(|r| find_phrase(&s.norm, r))
        .min()
        .is_some_and(|k| s.norm.get(..k).is_some_and(|b| b.contains(',')));
    let led = lead == 0 || (lead <= 8 && comma_before);
    let outsider = p
        .bodies
        .outsiders
        .iter()
        .any(|o| find_phrase(before, o).is_some());
    led && !outsider && !names_party(s, before)
}

/// True when a country or an organization the sentence mentions is named
/// in `before` (words form): someone else may be the verb's subject. Not
/// a meeting's own acronym, in brackets right after its name ("La XVI
/// Conferencia Suramericana sobre Migraciones (CSM) recomendó").
pub fn names_party(s: &Sentence, before: &str) -> bool {
    let of_meeting = |start: usize| {
        s.meetings
            .iter()
            .any(|r| r.start <= start && start <= r.end + 2)
    };
    s.parties_in(before).any(|m| !of_meeting(m.start))
}
