//! The document's own meeting named by its title block, outside any
//! series: a heading line with a noun of the reading profiles that names
//! a meeting (`[places] titles`: "TALLER REGIONAL SOBRE PROTECCIÓN
//! CONSULAR", "EXPERT GROUP MEETING ON INTERNATIONAL MIGRATION AND
//! DEVELOPMENT / IN LATIN AMERICA AND THE CARIBBEAN") over the title
//! block's place-and-days line ("San Salvador, El Salvador, 12 y 13 de
//! marzo de 2009"). Read only when neither a series' meeting nor a body's
//! names the opening ([`crate::ingest::extract`] asks last). A line that
//! is a body's name alone ("CONFERENCIA REGIONAL SOBRE MIGRACIÓN") is the
//! body that convenes, not the meeting; a record's words before the
//! meeting's ("INFORME DE LA REUNIÓN ...", "Report of the Meeting ...")
//! are the document's, not the meeting's name.

use super::{Env, MeetingRef, Target};
use crate::ingest::meeting_ref::Held;
use crate::ingest::profile::{find_phrase, word_starts, words};
use crate::ingest::sentence::Sentence;
use crate::model::Kind;

/// How many non-empty lines above the place-and-days line the title
/// block may run.
const BLOCK_LINES: usize = 8;

/// The longest heading line read (bytes): a longer one is running text.
const LINE_MAX: usize = 160;

/// The meeting the title block names over the place-and-days line of
/// `held`, with that line's place and days; `None` when `held` is not
/// read from a title block or no line above it names a meeting.
pub fn titled(text: &str, held: &Held, opening: &[Sentence], env: &Env) -> Option<MeetingRef> {
    if !held.heading || held.date.is_none() || held.city.is_none() {
        return None;
    }
    let titles = env.places(|p| &p.titles);
    if titles.is_empty() {
        return None;
    }
    let above = text.get(..held.span.start)?;
    let lines = block_lines(above);
    let connectors: Vec<&str> = env
        .profiles
        .iter()
        .flat_map(|p| &p.names.connectors)
        .map(String::as_str)
        .collect();
    let at = lines.iter().position(|&(a, line)| {
        // The noun near the start once a record's words are cut
        // ("Report of the Expert Group Meeting ...").
        let w = words(&after_record(env, line, &titles, &connectors));
        titles.iter().any(|t| near_start(&w, t)) && !body_alone(opening, a, line)
    })?;
    let mut title = lines[at].1.trim().to_string();
    for &(_, next) in &lines[at + 1..] {
        let first = words(next);
        let first = first.split(' ').next().unwrap_or("");
        let last = words(&title);
        let last = last.rsplit(' ').next().unwrap_or("");
        // A line goes on with the title when the title ends in a connector,
        // or the line opens with one in lower case, or both are in capitals
        // ("EXPERT GROUP MEETING ON ..." / "IN LATIN AMERICA ...").
        let caps = |l: &str| !l.chars().any(char::is_lowercase);
        let lower = next.trim_start().starts_with(char::is_lowercase);
        let goes_on = connectors.contains(&last)
            || (connectors.contains(&first) && (lower || (caps(&title) && caps(next))));
        if !goes_on {
            break;
        }
        title = format!("{title} {}", next.trim());
    }
    let title = after_record(env, &title, &titles, &connectors);
    if !titles.iter().any(|t| near_start(&words(&title), t)) {
        return None;
    }
    let title = title
        .trim_end_matches([',', ';', ':', '.'])
        .trim()
        .to_string();
    if title.is_empty() {
        return None;
    }
    let (start, end) = (lines[at].0, lines[at].0 + lines[at].1.len());
    let mut r = MeetingRef::new(start, end, Target::Named { title });
    r.date = held.date;
    r.city.clone_from(&held.city);
    r.country.clone_from(&held.country);
    Some(r)
}

/// The title block's lines above the place-and-days line, first first,
/// each with its offset in the text: up to [`BLOCK_LINES`] non-empty
/// lines, none of them running text.
fn block_lines(above: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut end = above.len();
    for line in above.rsplit('\n') {
        let start = end - line.len();
        end = start.saturating_sub(1);
        if line.trim().is_empty() {
            continue;
        }
        if line.len() > LINE_MAX || out.len() == BLOCK_LINES {
            break;
        }
        out.push((start, line));
    }
    out.reverse();
    out
}

/// Whether `line` (at `at` in the text) is an organization's name alone,
/// its acronym in brackets aside.
fn body_alone(opening: &[Sentence], at: usize, line: &str) -> bool {
    let w = words(line);
    opening
        .iter()
        .flat_map(|s| s.mentions.iter().map(move |m| (s, m)))
        .filter(|(_, m)| m.kind == Kind::Organization)
        .filter(|(s, m)| {
            let a = s.span.start + m.start;
            at <= a && a < at + line.len()
        })
        .any(|(s, m)| {
            let name = words(s.text.get(m.start..m.end).unwrap_or(""));
            w == name
                || w.strip_prefix(&name)
                    .is_some_and(|rest| rest.trim().split(' ').count() == 1)
        })
}

/// The title past a record's words that come before the meeting's
/// ("INFORME DE LA REUNIÓN ..." → "REUNIÓN ...", "Report of the Expert
/// Group Meeting ..." → "Expert Group Meeting ..."): the record's words
/// and the connectors after them are cut, when a meeting noun is left.
fn after_record(env: &Env, title: &str, titles: &[&str], connectors: &[&str]) -> String {
    let w = words(title);
    let record = env
        .profiles
        .iter()
        .flat_map(|p| &p.documents.records)
        .filter(|r| w.starts_with(&format!("{r} ")))
        .map(|r| r.split(' ').count())
        .max();
    let Some(skip) = record else {
        return title.to_string();
    };
    // Byte offsets of the title's words (as `words` splits them).
    let starts: Vec<usize> = word_starts(title).into_iter().map(|(a, _)| a).collect();
    let tokens: Vec<String> = w.split(' ').map(str::to_string).collect();
    if starts.len() != tokens.len() {
        return title.to_string();
    }
    let mut k = skip;
    while tokens
        .get(k)
        .is_some_and(|t| connectors.contains(&t.as_str()))
    {
        k += 1;
    }
    let rest = tokens.get(k..).unwrap_or_default().join(" ");
    let named = titles.iter().any(|t| find_phrase(&rest, t).is_some());
    match starts.get(k) {
        Some(&at) if named => title.get(at..).unwrap_or(title).to_string(),
        _ => title.to_string(),
    }
}

/// Whether a meeting noun stands among the first three words of `w` (in
/// words form): "TALLER REGIONAL ...", "EXPERT GROUP MEETING ...", not a
/// headline that names one further on ("Guatemala será sede del Taller
/// ...").
fn near_start(w: &str, noun: &str) -> bool {
    find_phrase(w, noun).is_some_and(|at| w.get(..at).unwrap_or("").split_whitespace().count() < 3)
}
