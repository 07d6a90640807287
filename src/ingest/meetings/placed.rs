//! A meeting's place written before it, not after: `en <place>, en la
//! <meeting>` ("Aprobado en Ciudad de Panamá, Panamá, en la XXIII Reunión
//! Viceministerial"), or its host and the words of hosting ("la República
//! de Panamá será la sede de la XXVIII Reunión Viceministerial", "Nepal is
//! hosting the Fifth Senior Officials' Meeting"), with the days that open
//! the sentence ("Del 4 al 7 de diciembre del presente año, ..."), or its
//! days before the words of holding that open it ("en el año 2000 se
//! celebró la I Conferencia ...").

use super::tail::place;
use super::{Env, MeetingRef, Target};
use crate::ingest::profile::words;
use crate::ingest::sentence::Sentence;
use crate::model::Kind;
use std::sync::OnceLock;

/// The place written just before a meeting that has none after it: `en
/// <place>, en la <meeting>` ("Aprobado en Ciudad de Panamá, Panamá, en la
/// XXIII Reunión Viceministerial").
pub(super) fn place_before(s: &Sentence, env: &Env, refs: &mut [MeetingRef]) {
    static P: OnceLock<regex::Regex> = OnceLock::new();
    let re = P.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:en|in)\s+(?P<p>\p{Lu}[^,;:()\d]{1,40}(?:,\s*\p{Lu}[^,;:()\d]{1,30})?)\s*,\s*(?:en|in|at|durante|during)\s+(?:la\s+|el\s+|the\s+|su\s+|its\s+)?$",
        )
        .unwrap_or_else(|e| panic!("place before a meeting: {e}"))
    });
    let named = |r: &MeetingRef| matches!(r.target, Target::Numbered { .. } | Target::Dated { .. });
    for r in refs.iter_mut().filter(|r| r.country.is_none() && named(r)) {
        let before = s.text.get(..r.start).unwrap_or("");
        let from = before.len().saturating_sub(120);
        let from = (from..before.len())
            .find(|&i| before.is_char_boundary(i))
            .unwrap_or(before.len());
        let Some(c) = before.get(from..).and_then(|b| re.captures(b)) else {
            continue;
        };
        let Some(p) = c.name("p") else { continue };
        if let Some((city, country)) = place(p.as_str().trim(), env) {
            r.city = city;
            r.country = country;
        }
    }
}

/// A city of `country` named right before it in the same clause ("the
/// city of Porto, in Portugal, will host"): the last one to three
/// capitalized words before the country and its "in"/"en", after the
/// last date; a city the gazetteer does not know only when a comma and
/// "in"/"en" set the country apart, as a place is written ("Porto, in
/// Portugal").
fn city_before(s: &Sentence, env: &Env, at: usize, country: &str) -> Option<String> {
    let from = s
        .dates
        .iter()
        .filter(|d| d.end <= at)
        .map(|d| d.end)
        .max()
        .unwrap_or(0);
    let lead = s.text.get(from..at)?.trim_end();
    let stripped = ["in", "en", "de"].iter().find_map(|w| {
        lead.strip_suffix(w)
            .filter(|l| l.ends_with(char::is_whitespace))
    });
    let apart = stripped.is_some_and(|l| l.trim_end().ends_with(','));
    let lead = stripped
        .unwrap_or(lead)
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let tokens: Vec<&str> = lead.split_whitespace().collect();
    let capitals = tokens
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase) && !w.ends_with(','))
        .count();
    let known = (1..=capitals.min(3)).find_map(|k| {
        let name = tokens.get(tokens.len() - k..)?.join(" ");
        let city = env.resolver.city(env.gazetteer, &name)?;
        Some((name, city.country_id() == country))
    });
    match known {
        Some((name, true)) => Some(name),
        Some((_, false)) => None,
        None if apart && (1..=3).contains(&capitals) && capitals < tokens.len() => {
            Some(tokens.get(tokens.len() - capitals..)?.join(" "))
        }
        None => None,
    }
}

/// The host country named right before a numbered or dated meeting with
/// no place, and the words of hosting between them (`[places] hosts`):
/// the meeting is held there; days that open the sentence before the host
/// are its days when it has none.
pub(super) fn host_before(s: &Sentence, refs: &mut [MeetingRef], env: &Env) {
    let articles = ["la", "el", "del", "de la", "the"];
    let named = |r: &MeetingRef| matches!(r.target, Target::Numbered { .. } | Target::Dated { .. });
    let placed = |r: &MeetingRef| r.country.is_some() || r.city.is_some();
    let mut hosts: Option<Vec<&str>> = None;
    for r in refs.iter_mut().filter(|r| !placed(r) && named(r)) {
        // The words of hosting are a few: the host is close before.
        let Some(host) = s
            .mentions
            .iter()
            .rfind(|m| m.kind == Kind::Country && m.end <= r.start)
            .filter(|m| r.start - m.end <= 40)
        else {
            continue;
        };
        let hosts = hosts.get_or_insert_with(|| env.places(|p| &p.hosts));
        let between = words(s.text.get(host.end..r.start).unwrap_or(""));
        let verb = articles
            .iter()
            .find_map(|a| between.strip_suffix(&format!(" {a}")))
            .unwrap_or(&between);
        if !hosts.contains(&verb) {
            continue;
        }
        let city = city_before(s, env, host.start, &host.id);
        // "con sede en Costa Rica, organizó", "based in Costa Rica,
        // hosted": a place of what is named before, not a host; unless a
        // city sets it apart ("Porto, in Portugal").
        let last = words(s.text.get(..host.start).unwrap_or(""));
        let after = |ws: &[&str]| {
            ws.iter()
                .any(|w| last.ends_with(&format!(" {w}")) || last == *w)
        };
        if after(&["en", "in"]) && city.is_none() {
            continue;
        }
        // "Honduras, en nombre de Guatemala, acogerá": a country of a
        // phrase, not the host; unless its formal name ("la República de
        // Panamá").
        let formal = env
            .places(|p| &p.country_prefixes)
            .iter()
            .any(|x| last.ends_with(*x));
        if after(&["de", "del", "of"]) && !formal {
            continue;
        }
        r.country = Some(host.id.clone());
        r.city = city;
        if r.date.is_none() {
            // Days that open the sentence, with nothing but the host's
            // name between ("Del 4 al 7 de diciembre, la República de
            // Panamá será ..."), not the day of an announcement ("El 10
            // de enero se anunció que Panamá ...").
            let only_names = |gap: &str| {
                gap.split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !w.is_empty())
                    .all(|w| {
                        w.starts_with(char::is_uppercase)
                            || [
                                "la", "el", "the", "de", "del", "of", "in", "en", "city", "ciudad",
                            ]
                            .contains(&w)
                    })
            };
            r.date = s
                .dates
                .iter()
                .find(|d| {
                    // At the start of its line: a heading may run into
                    // the sentence.
                    let line = s
                        .text
                        .get(..d.start)
                        .map_or(0, |b| b.rfind('\n').map_or(0, |n| n + 1));
                    d.start - line <= 4
                        && d.end <= host.start
                        && only_names(s.text.get(d.end..host.start).unwrap_or(""))
                })
                .and_then(|d| d.value);
        }
    }
}

/// Articles between the words of holding (and a place) and the meeting.
const ARTICLES: [&str; 5] = ["la", "el", "los", "las", "the"];

/// The days written right before the words of holding and a numbered
/// meeting that has none after it (`[places] held_before`: "en el año 2000
/// se celebró la I Conferencia Sudamericana sobre Migraciones en la ciudad
/// de Buenos Aires"), or that open the sentence whose subject the meeting
/// is, with the words of holding after it (`[places] took_place`: "In
/// March 2000, the Fifth Regional Conference on Migration was held in
/// Washington") or a word of `[places] at_meeting` before it ("On 24 -
/// 25 October 2022, at the Fourth Prague Process Ministerial
/// Conference"): the meeting's.
pub(super) fn days_before(s: &Sentence, env: &Env, refs: &mut [MeetingRef]) {
    let undated = |r: &MeetingRef| r.date.is_none() && matches!(r.target, Target::Numbered { .. });
    if s.dates.is_empty() || !refs.iter().any(undated) {
        return;
    }
    let words_of_holding = env.places(|p| &p.held_before);
    let took_place = env.places(|p| &p.took_place);
    // The days open the sentence, after the words of `[places] days_open`
    // at most ("In", "En el año").
    let days_open = env.places(|p| &p.days_open);
    let at_meeting = env.places(|p| &p.at_meeting);
    let opening = |at: usize| {
        let before = s.norm_before(at).trim();
        before.is_empty() || days_open.contains(&before)
    };
    // The words of holding follow the meeting's name, maybe read with
    // its place and days after it.
    let held_after = |r: &MeetingRef| {
        let span = s.norm_between(r.start, r.end);
        let after = s.norm_after(r.end).trim_start_matches([' ', ',']);
        let next: String = after.split(' ').take(4).collect::<Vec<_>>().join(" ");
        took_place
            .iter()
            .any(|w| crate::ingest::profile::find_phrase(span, w).is_some() || next.starts_with(w))
    };
    for r in refs.iter_mut().filter(|r| undated(r)) {
        let Some(d) = s.dates.iter().rfind(|d| d.end <= r.start) else {
            continue;
        };
        let between = s.norm_between(d.end, r.start);
        let between = between.trim_matches([' ', ',']);
        let bare = ARTICLES
            .iter()
            .find_map(|a| between.strip_suffix(a).map(str::trim_end))
            .unwrap_or(between);
        // Maybe with the place between ("se celebró en Buenos Aires la").
        let held_in = |w: &&str| {
            bare.strip_prefix(*w)
                .and_then(|r| r.strip_prefix(" en "))
                .is_some_and(|p| p.split(' ').count() <= 6 && place(p, env).is_some())
        };
        let held = words_of_holding.contains(&bare)
            || words_of_holding.iter().any(held_in)
            || (bare.is_empty() && opening(d.start) && held_after(r))
            || (at_meeting.contains(&bare)
                && opening(d.start)
                // The meeting's name ends its phrase ("..., at the Fourth
                // ... Conference, Ministers"), not "at the XXVIII RCM
                // follow-up meeting".
                && s.text.get(r.end..).is_some_and(|t| t.trim_start().starts_with(',')));
        if d.value.is_some() && !d.deadline && held {
            r.date = d.value;
        }
    }
}

/// The place between the words of holding and a numbered or dated
/// meeting that has none after it (`[places] held_before`: "se celebró en
/// Lima la X Conferencia ..."): the meeting's.
pub(super) fn held_in_before(s: &Sentence, env: &Env, refs: &mut [MeetingRef]) {
    let named = |r: &MeetingRef| matches!(r.target, Target::Numbered { .. } | Target::Dated { .. });
    let mut words_of_holding = None;
    for r in refs.iter_mut().filter(|r| r.country.is_none() && named(r)) {
        // "<words of holding> en <place> <article>" right before it.
        let before = s.norm_before(r.start).trim_end();
        let Some((head, article)) = before.rsplit_once(' ') else {
            continue;
        };
        let head = head.trim_end_matches([' ', ',']);
        let Some(at) = head.rfind(" en ").filter(|_| ARTICLES.contains(&article)) else {
            continue;
        };
        let (lead, place_norm) = (&head[..at], &head[at + 4..]);
        if place_norm.len() > 45 || place_norm.split(' ').count() > 6 {
            continue;
        }
        let words = words_of_holding.get_or_insert_with(|| env.places(|p| &p.held_before));
        let held = words.iter().any(|w| {
            lead.strip_suffix(*w)
                .is_some_and(|b| b.is_empty() || b.ends_with(' '))
        });
        if !held {
            continue;
        }
        let (a, b) = (s.orig(at + 4), s.orig(at + 4 + place_norm.len()));
        if let Some((city, country)) = s.text.get(a..b).and_then(|p| place(p.trim(), env)) {
            r.city = city;
            r.country = country;
        }
    }
}
