//! Who a request asks: a group the reading profile names, the countries
//! and organizations named after the verb, a body named as printed, or
//! those named at the opening of an item given a task ([`super`] finds
//! the requests).

use crate::ingest::profile::{find_phrase, words, Profile};
use crate::ingest::sentence::Sentence;

/// Who a request is addressed to.
pub(super) struct Addressed {
    /// What the profile calls the group ("member countries", "st"), or
    /// the names of those named.
    pub(super) to: String,
    /// Countries and organizations named as addressees.
    pub(super) named: Vec<String>,
}

/// The addressee after a request verb, from the words that follow it.
pub(super) fn addressee(p: &Profile, s: &Sentence, after: &str) -> Option<Addressed> {
    let near: String = after.split(' ').take(12).collect::<Vec<_>>().join(" ");
    if let Some(pair) = p
        .requests
        .addressees
        .iter()
        .filter_map(|pair| find_phrase(&near, &pair[0]).map(|at| (at, pair)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, pair)| pair)
    {
        return Some(Addressed {
            to: pair[1].clone(),
            named: Vec::new(),
        });
    }
    let named: Vec<String> = s.parties_in(&near).map(|m| m.id.clone()).collect();
    if !named.is_empty() {
        return Some(Addressed {
            to: named.join(", "),
            named,
        });
    }
    p.requests
        .fallback
        .iter()
        .filter_map(|pair| find_phrase(&near, &pair[0]).map(|at| (at, pair)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, pair)| Addressed {
            to: pair[1].clone(),
            named: Vec::new(),
        })
        .or_else(|| printed(p, s, after))
        .or_else(|| before_task(p, s, after))
}

/// Whom a verb of asking for something names after what it asks for
/// (`[requests] asked_of`: "solicitar apoyo para la ejecución de estas
/// acciones a la OEA, a ACNUR y a UNICEF"): `verb` is the request verb
/// in [`words`] form and `after` the words after it; the organizations
/// the sentence names from the first marker that one follows (maybe
/// after an article), within forty words (a list of those asked runs
/// long). Not countries: after what is asked for, "a Guatemala" is as
/// often where it goes ("retornados a Guatemala", "from Haiti").
pub(super) fn asked_of(p: &Profile, s: &Sentence, verb: &str, after: &str) -> Option<Addressed> {
    let markers: Vec<&str> = p
        .requests
        .asked_of
        .iter()
        .filter(|[v, _]| v == verb)
        .map(|[_, m]| m.as_str())
        .collect();
    if markers.is_empty() {
        return None;
    }
    let near: String = after.split(' ').take(40).collect::<Vec<_>>().join(" ");
    let names: Vec<(String, &str)> = s
        .mentions
        .iter()
        .filter(|m| m.id.starts_with("organization:"))
        .map(|m| {
            (
                words(s.text.get(m.start..m.end).unwrap_or("")),
                m.id.as_str(),
            )
        })
        .filter(|(name, _)| !name.is_empty())
        .collect();
    // Where a marker stands right before a name, maybe after an article.
    let named_at = |rest: &str| {
        let rest = p
            .requests
            .articles
            .iter()
            .filter_map(|a| rest.strip_prefix(a.as_str())?.strip_prefix(' '))
            .chain([rest])
            .collect::<Vec<_>>();
        names.iter().any(|(name, _)| {
            rest.iter()
                .any(|r| *r == name || r.starts_with(&format!("{name} ")))
        })
    };
    let mut at = 0;
    let from = near.split(' ').find_map(|w| {
        let here = at;
        at += w.len() + 1;
        let rest = near.get(at..).unwrap_or("");
        (markers.contains(&w) && named_at(rest)).then_some(here)
    })?;
    let tail = near.get(from..).unwrap_or("");
    let mut named: Vec<String> = Vec::new();
    for (name, id) in &names {
        if find_phrase(tail, name).is_some() && !named.iter().any(|n| n == id) {
            named.push((*id).to_string());
        }
    }
    (!named.is_empty()).then(|| Addressed {
        to: named.join(", "),
        named,
    })
}

/// Whoever is named between a request verb and the task it gives them
/// ("instó a las fuerzas políticas y gobiernos de Centroamérica a asumir
/// ...", "recomendaron a la población cumplir ..."): an article, a few
/// words that are no infinitive, then an infinitive, maybe after a word
/// of `before_infinitive`; addressed as printed.
fn before_task(p: &Profile, s: &Sentence, after: &str) -> Option<Addressed> {
    // Only after the "a" that marks whom a verb addresses ("a las", "al"),
    // not a bare article: "solicitaron los temas a tratar" asks for the
    // topics, of no one named.
    let personal = |a: &str| {
        let first = a.split(' ').next().unwrap_or("");
        p.requests.before_infinitive.iter().any(|b| b == first)
            || p.requests.personal.iter().any(|x| x == first)
    };
    let rest = p
        .requests
        .articles
        .iter()
        .filter(|a| personal(a) && after.starts_with(&format!("{a} ")))
        .max_by_key(|a| a.len())
        .and_then(|a| after.get(a.len() + 1..))?;
    let ws: Vec<&str> = rest.split(' ').take(12).collect();
    if ws.first().is_none_or(|w| infinitive(p, w)) {
        return None;
    }
    // The task's infinitive after "a", or failing that right after the
    // name ("recomendaron a la población cumplir los requisitos"), when
    // nothing before it says it is no name.
    let r = &p.requests;
    let n = (1..ws.len().saturating_sub(1))
        .find(|&k| r.before_infinitive.iter().any(|b| b == ws[k]) && infinitive(p, ws[k + 1]))
        .or_else(|| {
            (1..ws.len()).find(|&k| infinitive(p, ws[k])).filter(|&k| {
                !r.purpose.iter().any(|x| x == ws[k - 1])
                    && !ws[..k].iter().any(|w| r.breaks.iter().any(|b| b == w))
            })
        })?;
    let named = ws[..n].join(" ");
    // The same words in the original text, as printed.
    let originals: Vec<&str> = s.text.split_whitespace().collect();
    let to = originals.windows(n).find_map(|run| {
        let text = run.join(" ");
        (words(&text) == named).then_some(text)
    })?;
    // A name runs unbroken: a comma or a bracket in it ("a los gobiernos,
    // que aún no lo han hecho, a presentar") sets a clause apart.
    if to.contains([',', ';', ':', '(', ')', '"', '“', '”', '«', '»']) {
        return None;
    }
    Some(Addressed {
        to,
        named: Vec::new(),
    })
}

/// A body the gazetteer does not know, named right after the verb by two
/// capitalized words or more ("tasked the Senior Officials Co-Chairs to
/// ..."): addressed as printed, never as anyone else.
fn printed(p: &Profile, s: &Sentence, after: &str) -> Option<Addressed> {
    let after = p
        .requests
        .articles
        .iter()
        .find_map(|a| after.strip_prefix(a.as_str())?.strip_prefix(' '))
        .unwrap_or(after);
    let mut run: Vec<&str> = Vec::new();
    let mut best: Option<String> = None;
    for w in s.text.split_whitespace() {
        if w.starts_with(char::is_uppercase) {
            run.push(w);
            let name = run.join(" ");
            let name = name.trim_end_matches([',', ';', '.', ':']);
            let form = words(name);
            if run.len() >= 2 && after.starts_with(&form) && after[form.len()..].starts_with(' ') {
                best = Some(name.to_string());
            }
            if w.ends_with([',', ';', '.', ':']) {
                run.clear();
            }
        } else if best.is_some() {
            break;
        } else {
            run.clear();
        }
    }
    best.map(|to| Addressed {
        to,
        named: Vec::new(),
    })
}

/// Those named at the opening of an item, then a word that gives them a
/// task ("The Chair in Office of MIDSA and IOM to pursue ..."): a group
/// the profile names, or the names as printed, at least one of them a
/// country or an organization the sentence mentions. Every word before
/// the task's word is a capitalized name or a joiner: "Enhance the
/// coordination ... to" gives nobody a task.
pub(super) fn assigned(p: &Profile, s: &Sentence, w: &str) -> Option<Addressed> {
    let (at, _) = p
        .requests
        .assigned
        .iter()
        .filter_map(|a| find_phrase(w, a).map(|at| (at, a)))
        .min_by_key(|(at, _)| *at)?;
    let before = w.get(..at)?.trim();
    let n = before.split(' ').count();
    if before.is_empty() || n > 12 {
        return None;
    }
    let group = p
        .requests
        .addressees
        .iter()
        .find(|pair| before == pair[0] || before == format!("the {}", pair[0]));
    if let Some(pair) = group {
        return Some(Addressed {
            to: pair[1].clone(),
            named: Vec::new(),
        });
    }
    // The same words in the original text, each a name or a joiner.
    let printed: Vec<(usize, &str)> = crate::text::words_at(&s.text).take(n).collect();
    let names = printed
        .iter()
        .all(|(_, o)| o.starts_with(char::is_uppercase) || p.requests.joiners.contains(&words(o)));
    let cut = printed.last().map_or(0, |(i, o)| i + o.len());
    let named: Vec<String> = s
        .mentions
        .iter()
        .filter(|m| m.id.starts_with("country:") || m.id.starts_with("organization:"))
        .filter(|m| m.end <= cut)
        .map(|m| m.id.clone())
        .collect();
    let printed: Vec<&str> = printed.into_iter().map(|(_, o)| o).collect();
    if !names || named.is_empty() {
        return None;
    }
    let article = p
        .requests
        .articles
        .iter()
        .find(|a| words(printed.first().unwrap_or(&"")) == **a);
    let skip = usize::from(article.is_some());
    Some(Addressed {
        to: printed.get(skip..).unwrap_or_default().join(" "),
        named,
    })
}

/// True when the words after a request verb of a decision item ask
/// without naming whom: "a que ...", "that ..." (`impersonal`), or "a"
/// before an infinitive ([`before_infinitive`]).
pub(super) fn unnamed(p: &Profile, after: &str) -> bool {
    before_infinitive(p, after)
        || p.requests
            .impersonal
            .iter()
            .any(|i| after == i.as_str() || after.starts_with(&format!("{i} ")))
}

/// True when the words after a request verb in running prose ask without
/// naming whom: "a" and an infinitive ([`before_infinitive`]), or words
/// of `impersonal_in_prose` ("exhortaron a que ...").
pub(super) fn unnamed_in_prose(p: &Profile, after: &str) -> bool {
    before_infinitive(p, after)
        || p.requests
            .impersonal_in_prose
            .iter()
            .any(|i| after.starts_with(&format!("{i} ")))
}

/// True when the words after a request verb are "a" and an infinitive
/// ("instaron a generar mecanismos"): asked, of whom the words do not say.
/// In running prose only this form counts: "that" after a verb there is
/// as often a noun's clause ("the mandate that Ministers gave") or a
/// feeling ("were encouraged that the number ... had risen").
pub(super) fn before_infinitive(p: &Profile, after: &str) -> bool {
    p.requests.before_infinitive.iter().any(|i| {
        after
            .strip_prefix(i.as_str())
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|rest| infinitive(p, rest.split(' ').next().unwrap_or("")))
    })
}

/// Whether a word (in [`words`] form) ends as the language's infinitives
/// do (`[requests] infinitives`), with a stem before the ending, and is
/// none of the words so ending that are no verb (`[lists]
/// not_infinitives`: "lugar", "regular").
pub(super) fn infinitive(p: &Profile, word: &str) -> bool {
    p.requests
        .infinitives
        .iter()
        .any(|e| word.len() > e.len() + 1 && word.ends_with(e.as_str()))
        && !p.lists.not_infinitives.iter().any(|n| n == word)
}
