//! Calls in the impersonal present ("En la misma Declaración se exhorta
//! a ...", "se instruye a los gobiernos"): the record's own voice asking,
//! as a body that decides would ([`super::in_prose`] stores them).

use super::Prose;
use crate::ingest::profile::{Profile, Starts};

/// An impersonal call of the record's own voice in a sentence of prose
/// ("En la misma Declaración se exhorta a ...", "se instruye a los
/// gobiernos"): where its phrase starts in `w`, and the phrase. Only
/// near the start of the sentence, what opens it saying whose text asks
/// (at most [`VOICE_OPENER`] words): not in reported speech ("señaló que
/// en el informe mundial ... se insta"), nor after a word of
/// `[requests] not_own` (a negation, a comparison, a relative: "no se
/// solicita", "tal como se solicita en la resolución", "según ..."), nor
/// after a request verb met earlier, nor in a report divided into
/// numbered topics (`IV.B`): there the voice is the reporting organ's
/// ("se insta a los otros países miembros a hacer lo mismo").
pub(super) fn impersonal<'p>(
    p: &'p Profile,
    cx: &Prose,
    (w, starts): (&str, &Starts),
    verb: Option<usize>,
) -> Option<(usize, &'p str)> {
    if cx.sections.iter().any(|x| x.id != "text") {
        return None;
    }
    let (at, phrase) = p
        .requests
        .voiceless
        .iter()
        .filter_map(|v| starts.find(w, v).map(|at| (at, v.as_str())))
        .min_by_key(|(at, _)| *at)?;
    let before: Vec<&str> = w.get(..at)?.split_whitespace().collect();
    let own = before.len() <= VOICE_OPENER
        && !before.iter().any(|b| {
            p.requests.not_own.iter().any(|n| n == b) || p.requests.relative.iter().any(|r| r == b)
        });
    (own && verb.is_none_or(|v| at <= v)).then_some((at, phrase))
}

/// How many words may open a sentence before an impersonal call of the
/// record's own voice ("En la misma Declaración, además, se exhorta").
const VOICE_OPENER: usize = 6;

/// True when a request verb at `at` in `w`, not read as the record's own
/// voice, is in the impersonal voice of another: right after a word of
/// `[requests] not_own` ("Tal como se solicita en la resolución"), or in
/// the past ("en la XIV CRM se solicitó a que ..."; the voiceless phrases,
/// all present, never say so), which tells of a request made before.
pub(super) fn told_of(p: &Profile, w: &str, at: usize, verb: &str) -> bool {
    let upto = w.get(..at + verb.len()).unwrap_or("");
    let not_own = p.requests.voiceless.iter().any(|v| {
        upto.strip_suffix(v.as_str()).is_some_and(|b| {
            let last = b.trim_end().rsplit(' ').next().unwrap_or("");
            p.requests.not_own.iter().any(|n| n == last)
        })
    });
    let last = w.get(..at).unwrap_or("").trim_end().rsplit(' ').next();
    let impersonal = last.is_some_and(|l| {
        p.requests
            .voiceless
            .iter()
            .any(|v| v.split(' ').next() == Some(l))
    });
    let present = p
        .requests
        .voiceless
        .iter()
        .any(|v| upto.ends_with(v.as_str()));
    not_own || (impersonal && !present)
}
