//! Decisions in running prose, with the words of the reading [`Profile`]:
//! a sentence with a prose phrase (`We agree to keep promoting …`), an
//! opener at the start of a line (`- Reafirman los principios …`), an act
//! whose subject is a body that decides (`los países miembros eligieron a
//! …`, `El GMC tomó nota de …`), or a paragraph opening with an operative
//! verb under a lead line naming who decides (`Las y los Viceministros:` …
//! `Reconocer el trabajo …`). Also what is *not* a decision: an item that
//! opens like a preamble (`Having debated …`, `Considerando …`), and a
//! decision phrase told after words of reported speech (`subrayaron que
//! hace poco se aprobó …`), which tells of an earlier decision.

use super::decisions::Item;
use super::facts::Facts;
use super::listed::inside;
use super::profile::{find_phrase, words, Profile, Starts};
use super::sentence::Sentence;
use crate::model::{Kind, Provenance, Span, Value};
use std::collections::HashSet;

/// Where the first told phrase of `w` starts, if any.
fn told_at(p: &Profile, w: &str) -> Option<usize> {
    p.decisions
        .told
        .iter()
        .filter_map(|t| find_phrase(w, t))
        .min()
}

/// True when the words right before `at` in `w` deny what follows
/// (`no llegaron a un acuerdo`).
fn negated(p: &Profile, w: &str, at: usize) -> bool {
    let before = w.get(..at).unwrap_or("").trim_end();
    p.decisions.negations.iter().any(|n| {
        before
            .strip_suffix(n.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// The body whose meeting the document records: its id, and its names
/// in [`words`] form (those of its series profile).
#[derive(Clone, Copy, Default)]
pub struct OwnBody<'a> {
    pub id: Option<&'a str>,
    pub names: &'a [String],
}

/// True when a body that decides is named in `before` (words form): a
/// role of the profile, or the body whose meeting the document records.
fn subject_in(p: &Profile, s: &Sentence, before: &str, own: OwnBody<'_>) -> bool {
    p.bodies
        .roles
        .iter()
        .chain(own.names)
        .any(|r| find_phrase(before, r).is_some())
        || own.id.is_some_and(|b| {
            s.mentions.iter().filter(|m| m.id == b).any(|m| {
                let name = words(s.text.get(m.start..m.end).unwrap_or(""));
                !name.is_empty() && find_phrase(before, &name).is_some()
            })
        })
}

/// The sentence's text with its quotations (and a quotation that never
/// closes, to the end) blanked out.
fn without_quotes(s: &Sentence) -> String {
    let mut cuts: Vec<(usize, usize)> = s.quotes.iter().map(|(q, _)| (q.start, q.end)).collect();
    cuts.extend(s.unclosed.iter().map(|&u| (u, s.text.len())));
    let mut out = String::with_capacity(s.text.len());
    for (i, c) in s.text.char_indices() {
        let cut = cuts.iter().any(|&(a, b)| a <= i && i < b);
        out.push(if cut { ' ' } else { c });
    }
    out
}

/// True when the text ends a line with a colon after a body that decides
/// ("Las y los Viceministros y Jefes de Delegación:"): the paragraphs
/// after it say what that body did.
fn opens_lead(p: &Profile, text: &str) -> bool {
    text.match_indices(':').any(|(at, _)| {
        let rest = text.get(at + 1..).unwrap_or("");
        let line_end = rest.trim_start_matches([' ', '\t']);
        let before = text.get(..at).unwrap_or("");
        let line = before.rsplit('\n').next().unwrap_or(before);
        (line_end.is_empty() || line_end.starts_with('\n')) && {
            let w = words(line);
            p.bodies.roles.iter().any(|r| find_phrase(&w, r).is_some())
        }
    })
}

/// True when one sentence records a decision in prose: a prose phrase,
/// an opener at the start of a line, an act after a body that decides,
/// or (`led`) an operative verb opening the paragraph.
fn records(p: &Profile, s: &Sentence, own_body: OwnBody<'_>, led: bool) -> bool {
    // A lead-in ("... they have approved the following declaration:"):
    // what was decided follows it.
    if s.text.trim_end().ends_with(':') {
        return false;
    }
    let w = s.words();
    let starts = Starts::of(w);
    let d = &p.decisions;
    // `told_at(p, w)`, its phrases looked for among the words' starts.
    let told = || d.told.iter().filter_map(|t| starts.find(w, t)).min();
    let phrase = |list: &[String]| {
        list.iter().any(|v| {
            starts.find(w, v).is_some_and(|at| {
                let rest = w
                    .get(at + v.len()..)
                    .unwrap_or("")
                    .split_whitespace()
                    .count();
                // A phrase ending its sentence speaks of what comes before
                // it ("... the declaration and the action plan were
                // adopted.").
                let before = w.get(..at).unwrap_or("").split_whitespace().count();
                let passive = d.passive.iter().any(|x| v.split(' ').next() == Some(x));
                // "año en que esta actividad fue aprobada": told of.
                let relative = passive && {
                    let before: Vec<&str> = w.get(..at).unwrap_or("").split_whitespace().collect();
                    let tail = before[before.len().saturating_sub(4)..].join(" ");
                    d.relatives.iter().any(|r| find_phrase(&tail, r).is_some())
                };
                // "Fue aprobado por ...": of what the sentence before named.
                let elided = before == 0 && d.elided.iter().any(|x| v.split(' ').next() == Some(x));
                (rest >= 2 || (rest == 0 && before >= 4 && passive))
                    && !relative
                    && !elided
                    && told().is_none_or(|t| t > at)
                    && !negated(p, w, at)
            })
        })
    };
    // An act in a quotation is a speaker's word, not the record's.
    let unquoted = if s.quotes.is_empty() && s.unclosed.is_empty() {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(words(&without_quotes(s)))
    };
    let unquoted_starts = match &unquoted {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(u) => Some(Starts::of(u)),
    };
    let act = d.acts.iter().any(|v| {
        unquoted_starts
            .as_ref()
            .unwrap_or(&starts)
            .find(&unquoted, v)
            .is_some_and(|at| {
                // An act needs only its object ("and approved it").
                let rest = unquoted.get(at + v.len()..).unwrap_or("");
                rest.split_whitespace().count() >= 1
                    && told_at(p, &unquoted).is_none_or(|t| t > at)
                    && !negated(p, &unquoted, at)
                    && subject_in(p, s, unquoted.get(..at).unwrap_or(""), own_body)
            })
    });
    if phrase(&d.prose) || act {
        return true;
    }
    let opens = |line: &str, list: &[String]| {
        let l = words(line);
        list.iter().any(|v| {
            find_phrase(&l, v) == Some(0)
                && l.get(v.len()..)
                    .is_some_and(|rest| rest.split_whitespace().count() >= 2)
        })
    };
    // A line's first words are words of the sentence: where no opener
    // is among them, no line opens with one (and no line is folded).
    let any_in = |list: &[String]| list.iter().any(|v| starts.find(w, v).is_some());
    (any_in(&d.openers) && s.text.lines().any(|line| opens(line, &d.openers)))
        || (led && s.para_start && any_in(&d.operative) && opens(&s.text, &d.operative))
}

/// True when a sentence ends with a noun that announces agreements
/// ("La Cancillería expuso uno por uno los convenios.").
fn announces(p: &Profile, s: &Sentence) -> bool {
    let w = s.words();
    let last = w.rsplit(' ').next().unwrap_or("");
    s.text.trim_end().ends_with(['.', ':']) && p.lists.announced.iter().any(|a| a == last)
}

/// True when a paragraph opens with an infinitive ("Elaborar un plan
/// ...", "To develop ..."): by the endings of its first word, or a
/// particle before the word; the first word capitalized, and at least two
/// words after the infinitive.
fn opens_infinitive(p: &Profile, text: &str) -> bool {
    let l = &p.lists;
    let raw = text.split_whitespace().next().unwrap_or("");
    if !raw.starts_with(char::is_uppercase) {
        return false;
    }
    let w = words(text);
    let mut it = w.split(' ');
    let (first, second) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
    let enough = |n: usize| w.split(' ').count() >= n;
    let ending = l.infinitive_endings.iter().any(|e| {
        first.len() > e.len()
            && first.ends_with(e.as_str())
            && first.chars().all(char::is_alphabetic)
    });
    let particle = l.infinitive_particles.iter().any(|x| x == first) && second.len() > 1;
    (ending && !l.not_infinitives.iter().any(|n| n == first) && enough(3))
        || (particle && enough(4))
}

/// Sentences of running prose that record a decision, outside the lists
/// and not read already as an agreement sentence by sentence (which keeps
/// its meetings and its clauses). The same words twice (a news page's
/// summary above its story) are one decision. `own_body` is the body
/// whose meeting the document records.
pub fn decisions(
    p: &Profile,
    text: &str,
    secs: &[Vec<Sentence>],
    items: &[Item],
    facts: &Facts,
    own_body: OwnBody<'_>,
) -> Vec<Item> {
    let d = &p.decisions;
    if d.prose.is_empty() && d.openers.is_empty() && d.acts.is_empty() && d.operative.is_empty() {
        return Vec::new();
    }
    let read: Vec<Span> = facts
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement)
        .filter_map(|n| match &*n.prov {
            Provenance::Extracted { span, .. } => Some(*span),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut led = false;
    // The sentence before announced agreements, or was one of those told.
    let mut announced = false;
    for s in secs.iter().flatten() {
        let opens = opens_lead(p, &s.text);
        if s.heading {
            led = opens;
            announced = false;
            continue;
        }
        let was_led = led;
        led = opens || led;
        let line = text
            .get(..s.span.start)
            .is_some_and(|b| b.trim_end_matches([' ', '\t']).ends_with('\n') || b.is_empty());
        let told = announced && (s.para_start || line) && opens_infinitive(p, &s.text);
        announced = told || announces(p, s);
        let listed = items
            .iter()
            .any(|i| inside(i.span, s.span) || inside(i.cue, s.span));
        if listed || read.iter().any(|r| inside(*r, s.span)) {
            continue;
        }
        if (told || records(p, s, own_body, was_led)) && seen.insert(s.words().to_string()) {
            out.push(Item {
                label: String::new(),
                span: s.span,
                cue: s.span,
            });
        }
    }
    out
}

/// True when an item opens like a preamble (`Having debated …`,
/// `Considerando …`): a consideration, not a decision.
pub fn preamble(p: &Profile, text: &str, item: &Item) -> bool {
    let w = words(text.get(item.span.start..item.span.end).unwrap_or(""));
    p.preamble
        .markers
        .iter()
        .any(|m| find_phrase(&w, m) == Some(0))
}

/// Remove the agreements read sentence by sentence whose decision phrase
/// comes after a told phrase of the profile in its sentence ("Los Estados
/// Miembros subrayaron que hace poco se aprobó el Plan …"): the sentence
/// tells of an earlier decision. Their edges and requests go with them.
pub fn drop_told(p: &Profile, secs: &[Vec<Sentence>], facts: &mut Facts) {
    if p.decisions.told.is_empty() {
        return;
    }
    let mut gone: HashSet<String> = HashSet::new();
    let all: Vec<&Sentence> = secs.iter().flatten().collect();
    // Sentences in text order, none overlapping the next (as the reader
    // splits them): the one holding a span is found by halving, not by a
    // walk through all of them for each agreement.
    let ordered = all.windows(2).all(|p| p[0].span.end <= p[1].span.start);
    let holding = |span: &crate::model::Span| -> Option<&Sentence> {
        let holds = |s: &Sentence| s.span.start <= span.start && span.end <= s.span.end;
        if ordered {
            let i = all.partition_point(|s| s.span.start <= span.start);
            i.checked_sub(1)
                .and_then(|i| all.get(i).copied())
                .filter(|s| holds(s))
        } else {
            all.iter().copied().find(|s| holds(s))
        }
    };
    for n in facts.nodes.iter().filter(|n| n.kind == Kind::Agreement) {
        let (Provenance::Extracted { span, .. }, Some(Value::Text(verb))) =
            (&*n.prov, facts.attr_of(&n.id, "verb"))
        else {
            continue;
        };
        let Some(s) = holding(span) else {
            continue;
        };
        let w = s.words();
        let at = find_phrase(w, &words(verb));
        if let (Some(at), Some(t)) = (at, told_at(p, w)) {
            if t < at {
                gone.insert(n.id.to_string());
            }
        }
    }
    if gone.is_empty() {
        return;
    }
    facts.retain_nodes(|n| !gone.contains(n.id.as_str()));
    facts
        .edges
        .retain(|e| !gone.contains(e.from.as_str()) && !gone.contains(e.to.as_str()));
    facts
        .requests
        .retain(|r| !gone.contains(r.agreement.as_str()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(lang: &str) -> Profile {
        Profile::bundled_for(lang).cloned().unwrap_or_default()
    }

    /// The texts of the sentences read as decisions in prose.
    fn read(lang: &str, sentences: &[&str]) -> Vec<String> {
        let secs = vec![sentences
            .iter()
            .map(|t| {
                let mut s = Sentence::whole(t);
                let (qs, unclosed) = super::super::quotes::scan(t);
                s.quotes = qs
                    .into_iter()
                    .map(|q| (q, super::super::quotes::classify(t, &q)))
                    .collect();
                s.unclosed = unclosed;
                s
            })
            .collect::<Vec<_>>()];
        let p = profile(lang);
        decisions(&p, "", &secs, &[], &Facts::new("doc"), OwnBody::default())
            .iter()
            .map(|i| {
                sentences[secs[0].iter().position(|s| s.span == i.span).unwrap_or(0)].to_string()
            })
            .collect()
    }

    #[test]
    fn an_act_records_a_decision_only_after_a_body_that_decides() {
        let t = "Durante la reunión, los países miembros eligieron a México para presidir la reunión en 2021.";
        assert_eq!(read("es", &[t]).len(), 1);
        assert!(read(
            "es",
            &["Ayer se eligieron dos relatores para la sesión de la tarde."]
        )
        .is_empty());
        let t = "Finally, the Vice-Ministers thanked Costa Rica for its offer to host the next meeting, and approved it.";
        assert_eq!(read("en", &[t]).len(), 1);
    }

    #[test]
    fn the_body_whose_meeting_is_recorded_decides_too() {
        let t = "El GMC tomó nota de los trabajos del grupo de trabajo.";
        let secs = vec![vec![Sentence::whole(t)]];
        let p = profile("es");
        let names = ["gmc".to_string()];
        let own = OwnBody {
            id: None,
            names: &names,
        };
        assert_eq!(
            decisions(&p, "", &secs, &[], &Facts::new("d"), own).len(),
            1
        );
        assert!(read("es", &[t]).is_empty());
    }

    #[test]
    fn an_act_in_a_quotation_is_a_speakers_word() {
        let t = "Pisani added: \"We hope the countries of the region approved the policy at the Summit.\"";
        assert!(read("en", &[t]).is_empty());
    }

    #[test]
    fn an_outcome_told_in_a_news_page_and_one_denied() {
        let t = "Notably, consensus was reached on several proposals for changes in the wording.";
        assert_eq!(read("en", &[t]).len(), 1);
        let t = "This meeting resulted in a decision to embark on a multiannual planning process.";
        assert_eq!(read("en", &[t]).len(), 1);
        let t = "After two days, no agreement was reached on the remaining points of the text.";
        assert!(read("en", &[t]).is_empty());
        let t =
            "Tras dos días, esos dos países no llegaron a un acuerdo sobre dos puntos del texto.";
        assert!(read("es", &[t]).is_empty());
        let t = "Tras dos días, los dos países llegaron a un acuerdo sobre dos puntos del texto.";
        assert_eq!(read("es", &[t]).len(), 1);
    }

    #[test]
    fn a_passive_phrase_ending_its_sentence_records_what_comes_before() {
        let t = "At this ministerial meeting, held in Hungary, the declaration of ministers and the action plan were adopted.";
        assert_eq!(read("en", &[t]).len(), 1);
        // An active phrase ending its sentence says nothing of its own.
        let t = "DECISIONES DE LOS VICEMINISTROS Los Viceministros decidieron.";
        assert!(read("es", &[t]).is_empty());
        let t = "El plan de trabajo regional para el bienio se aprobó.";
        assert_eq!(read("es", &[t]).len(), 1);
        // With "fue": "la decisión fue acordada en el marco del VII Congreso".
        let t = "La Superintendencia precisó que la decisión fue acordada en el marco del VII Congreso de la Red.";
        assert_eq!(read("es", &[t]).len(), 1);
        let t = "El plan regional de trabajo para el bienio siguiente fue aprobado.";
        assert_eq!(read("es", &[t]).len(), 1);
        // Opening its sentence, it speaks of what the sentence before named.
        let t = "Fue aprobado por los Viceministros en la Octava Reunión de la Conferencia.";
        assert!(read("es", &[t]).is_empty());
        // A passive inside a relative clause names what it tells of.
        let t = "La última reunión de este tipo tuvo lugar en 2018, año en que esta actividad fue aprobada por los países.";
        assert!(read("es", &[t]).is_empty());
        let t = "They reviewed the plan which was adopted by the Ministers in 2018 at the last meeting.";
        assert!(read("en", &[t]).is_empty());
    }

    #[test]
    fn signing_an_agreement_records_it_unless_told_as_recent() {
        let t = "México, Honduras, Guatemala y El Salvador firmaron un acuerdo para diseñar un plan de desarrollo.";
        assert_eq!(read("es", &[t]).len(), 1);
        let t =
            "The four governments signed an agreement to design a development plan for the region.";
        assert_eq!(read("en", &[t]).len(), 1);
        let t = "En lo referente al proyecto, la OIM y la CEPAL recién firmaron un acuerdo a fin de realizar un diagnóstico.";
        assert!(read("es", &[t]).is_empty());
    }

    #[test]
    fn a_decision_told_as_earlier_is_not_one() {
        let t =
            "Los Estados Miembros subrayaron que hace poco se acordó un plan de trabajo regional.";
        assert!(read("es", &[t]).is_empty());
        let t = "Los Estados Miembros acordaron un plan de trabajo regional.";
        assert_eq!(read("es", &[t]).len(), 1);
    }

    #[test]
    fn an_operative_paragraph_under_a_lead_line_is_a_decision() {
        let lead = "Las y los Viceministros y Jefes de Delegación:";
        let item =
            "Reconocer el trabajo y el apoyo de los Organismos Internacionales en la región.";
        assert_eq!(read("es", &[lead, item]), vec![item.to_string()]);
        assert!(read("es", &[item]).is_empty());
    }

    #[test]
    fn infinitive_paragraphs_after_a_sentence_announcing_agreements_are_decisions() {
        let lead = "La Cancillería hondureña expuso uno por uno los convenios.";
        let a = "Elaborar un plan de acción para el desarrollo de la región.";
        let b = "Instar a que se levanten las medidas impuestas a países de la región.";
        let other = "La reunión terminó con una cena de trabajo.";
        assert_eq!(
            read("es", &[lead, a, b]),
            vec![a.to_string(), b.to_string()]
        );
        assert!(read("es", &[a, b]).is_empty());
        // The agreements end at the first paragraph that is not one.
        assert_eq!(read("es", &[lead, a, other, b]), vec![a.to_string()]);
        // A noun that ends like an infinitive opens no agreement.
        let place = "Lugar y fecha de la próxima reunión por definir.";
        assert!(read("es", &[lead, place]).is_empty());
        let lead = "The Chair then read out the recommendations.";
        let a = "To develop a regional plan on labour migration.";
        assert_eq!(read("en", &[lead, a]), vec![a.to_string()]);
    }

    #[test]
    fn a_lead_in_and_a_repeated_summary_are_not_decisions_of_their_own() {
        let t = "The Ministers of the region met in Panama, and they have approved the following declaration:";
        assert!(read("en", &[t]).is_empty());
        let t = "Los presidentes cerraron la reunión con la decisión conjunta de solicitar cambios en la política migratoria.";
        assert_eq!(read("es", &[t, t]).len(), 1);
    }

    #[test]
    fn an_item_opening_like_a_preamble_is_not_a_decision() {
        let text = "Having debated the central theme, we recognize that no country can act alone.";
        let item = Item {
            label: String::new(),
            span: Span {
                start: 0,
                end: text.len(),
            },
            cue: Span { start: 0, end: 0 },
        };
        assert!(preamble(&profile("en"), text, &item));
        let text = "We agree to keep promoting safe, regular and orderly migration.";
        let item = Item {
            span: Span {
                start: 0,
                end: text.len(),
            },
            ..item
        };
        assert!(!preamble(&profile("en"), text, &item));
    }
}
