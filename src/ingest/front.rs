//! The document's own date and title, read from its opening. The date is,
//! in order: the end of the period a report says it covers ("el período
//! que abarca desde noviembre 2002 – mayo 2003" gives May 2003; months, not
//! a plan's span of years); else the last day of the meeting the document
//! records (an opening sentence that says it took place, `se llevó a
//! cabo`, `met on`, or a heading line of place and days); else none: a
//! date the text gives for something else (a plan, a deadline, a workshop)
//! is never taken as the document's. The title is a title-like first line
//! ("INFORME DE LA PRESIDENCIA ...") or the report's own words ("El
//! siguiente informe de la Presidencia Pro-Témpore acerca de ..."), with
//! the period added.

use super::dates::{self, meeting_days as days, DateContext, FoundDate};
use super::pattern::Pattern;
use super::profile::{self, Profile};
use super::rules::{self, compile};
use super::sentence::Sentence;
use crate::model::{DateValue, Precision, Ymd};
use crate::text::normalize;
use std::sync::OnceLock;

mod posted;
mod yearless;
pub(crate) use yearless::{dateline_day, in_stated_days};

/// Words saying that a meeting took place (the document records it): the
/// `[places] took_place` words of every bundled language profile.
pub(super) fn held_cue() -> &'static Pattern {
    static R: OnceLock<Pattern> = OnceLock::new();
    R.get_or_init(|| {
        let words = super::meetings::alternation(
            Profile::bundled()
                .iter()
                .flat_map(|p| &p.places.took_place)
                .map(String::as_str),
        );
        compile(&format!(r"\b(?:{words})\b"))
    })
}

/// The last day of the meeting the document records: the first date of
/// days in an opening sentence that says a meeting was held, else in a
/// heading line that is a place and such a date (`Tela, República de
/// Honduras, 6 y 7 de mayo de 2008`), else in a line of the title block
/// (`February 27-28, 2002` alone on its line, or `Regional Consultation
/// Group on Migration (RCGM) San José, Costa Rica November 18, 2013`).
/// A span of days is the date of a record the meeting adopts only: on a
/// page that tells of a meeting or an account written after it, it is the
/// meeting's, not the document's.
fn meeting_day(
    first: &[Sentence],
    records: bool,
    reading: Option<&Profile>,
) -> Option<(DateValue, String)> {
    let opening = || first.iter().take(8);
    // The document's own days: any for a record; else one day, not the
    // end of a span its reading left out.
    let own = |s: &Sentence, d: &FoundDate| {
        d.value.as_ref().is_some_and(|v| {
            days(v) && (records || (v.precision == Precision::Day && !glued_span(s, d.start)))
        })
    };
    let held = || {
        opening().find_map(|s| {
            held_cue().is_match(s.hay()).then_some(())?;
            s.dates.iter().filter_map(|d| d.value).find(days)
        })
    };
    // `alone`: also a line of a date alone at the top ("29 March 1996").
    // `loose`: also a date that starts a sentence running on to the next
    // line ("9 de septiembre de 2021\nMensaje ..."), when none is alone.
    // `brackets`: also a date in brackets after a paper's name, when no
    // other line dates the page ("The Bali Declaration (Bali, 23 March
    // 2016) – five years on" over "Jakarta, 24 March 2021").
    let line = |alone_ok: bool, loose: bool, brackets: bool| {
        opening().enumerate().find_map(|(i, s)| {
            let text = s.text.trim_end_matches(['.', ' ', '\n']);
            let d = s
                .dates
                .iter()
                .find(|d| d.value.as_ref().is_some_and(days))?;
            if tells(s, d.start, reading) {
                return None;
            }
            // A press dateline is the page's own, even with the meeting's days.
            let own = own(s, d);
            let tail = text.len().saturating_sub(d.end);
            // A press dateline runs into its story: "MÉXICO, 02 de diciembre
            // de 2021.- Al abrir ...".
            // Or "Ankara, 10-11 December 2012: The ...", "Mexico City, 4
            // December 2021 (TDI): On ...".
            // Or in brackets after the paper's name: "Nepal Foreign Affairs
            // (KATHMANDU, 17 November 2018) – The 6th ...".
            let bracketed = |t: &str| {
                let before = text.get(..d.start).unwrap_or("");
                if !brackets {
                    return false;
                }
                before.rfind('(') > before.rfind(')')
                    && t.strip_prefix(')').is_some_and(dateline_end)
            };
            let dash = text
                .get(d.end..)
                .is_some_and(|t| dateline_end(t) || bracketed(t));
            let placed = d.start > 0 && d.start <= 70;
            // A date on a line of its own ("9 de septiembre de 2021\nMensaje").
            let own_line = text
                .get(d.end..)
                .is_some_and(|t| t.trim_start_matches([' ', '\t', '.']).starts_with('\n'));
            let alone = alone_ok && d.start == 0 && i < 3;
            let short = text.len() <= 100 && tail <= 2;
            let line = own && ((short && (placed || alone)) || (alone && loose && own_line));
            // Or the date first, then its place: "10-11-2016, Kampala: ...",
            // "August 18, 2021 (ADDIS ABABA, Ethiopia): ...", or nothing
            // ("August 18, 2021 – ..."): the first date of the opening, in
            // its first lines, and no timeline (the next sentence opens
            // with no date).
            let story = || {
                i < 3
                    && first.iter().take(i).all(|p| p.dates.is_empty())
                    && first
                        .get(i + 1)
                        .is_none_or(|n| n.dates.iter().all(|x| x.start > 0))
            };
            let first_dash = d.start == 0
                && text
                    .get(d.end..)
                    .is_some_and(|t| place_then_end(t) || (bracket_then_end(t) && story()));
            (line || (dash && placed) || first_dash).then_some(d.value)?
        })
    };
    // A page that tells of a meeting is not dated by it; a record the
    // meeting adopts or issues is, before a date alone at its top (the
    // day a site posted it).
    let v = line(false, false, false)
        .or_else(|| if records { held() } else { None })
        .or_else(|| line(true, false, false))
        .or_else(|| line(true, true, false))
        .or_else(|| title_line(first, reading, &own))
        .or_else(|| line(true, true, true))?;
    Some((
        DateValue::day(v.end),
        format!("document date: last day of the meeting it records ({v})"),
    ))
}

/// The date a line of the opening says the document was adopted
/// ("Aprobado en Ciudad de Panamá, ..., noviembre del 2018."): the first
/// date after a line that opens with a word of
/// [`super::profile::Documents::adopted`] in capitals (a wrapped line
/// that goes on with "aprobada en Bolivia en 2010" tells of another
/// document), at the precision it gives, not a span longer than a month.
fn adoption(first: &[Sentence], reading: Option<&Profile>) -> Option<DateValue> {
    let p = reading?;
    first.iter().take(8).find_map(|s| {
        let mut at = 0;
        let opens = s.text.split('\n').find_map(|l| {
            let here = at;
            at += l.len() + 1;
            let capital = l.trim_start().starts_with(char::is_uppercase);
            let w = profile::words(l);
            let adopted = p
                .documents
                .adopted
                .iter()
                .any(|a| w.starts_with(&format!("{a} ")));
            (capital && adopted).then_some(here)
        })?;
        s.dates
            .iter()
            .filter(|d| d.start >= opens)
            .filter_map(|d| d.value)
            .find(|v| v.precision != Precision::Range || days(v))
    })
}

/// The date of a page's field at its very top (" date 2022-12-14 The
/// ECOWAS Commission ...", "Fecha: 3 de mayo de 2021"): a label of the
/// language profiles' `[places] fields` (of any language, as a site's
/// template writes them) and a day right after it.
fn field_date(first: &[Sentence]) -> Option<DateValue> {
    let s = first.first()?;
    let t = s.text.trim_start();
    let lead = s.text.len() - t.len();
    let label: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    let labelled = Profile::bundled()
        .iter()
        .any(|p| p.places.fields.iter().any(|f| *f == profile::words(&label)));
    if label.is_empty() || !labelled {
        return None;
    }
    let gap = t[label.len()..].len() - t[label.len()..].trim_start_matches([':', ' ', '\t']).len();
    let at = lead + label.len() + gap;
    let d = s.dates.first().filter(|d| d.start == at)?;
    d.value.filter(|v| v.precision == Precision::Day)
}

/// True when the date at `at` ends a span of days its reading left out,
/// glued to a word ("Costa Rica1-2 de febrero de 2017").
fn glued_span(s: &Sentence, at: usize) -> bool {
    let before = s.text.get(..at).unwrap_or("").trim_end();
    before
        .strip_suffix(['-', '–'])
        .is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit()))
}

/// True when the date at `at` is told of in a sentence (a meeting "took
/// place in Bratislava on 19 September 2016"): a sentence that says a
/// meeting was held, or a date right after a word that tells when
/// something happened ([`super::profile::Documents::told`]), is no date
/// line.
fn tells(s: &Sentence, at: usize, reading: Option<&Profile>) -> bool {
    let before = s.norm_before(at).trim_end();
    held_cue().is_match(s.hay_before(at))
        || reading.is_some_and(|p| {
            p.documents.told.iter().any(|w| {
                before
                    .strip_suffix(w.as_str())
                    .is_some_and(|b| b.is_empty() || b.ends_with(' '))
            })
        })
}

/// A date of the title block: in the opening sentences, on a line whose
/// other words are all capitalized or function words of names (no running
/// text), not told of in a sentence.
fn title_line(
    first: &[Sentence],
    reading: Option<&Profile>,
    own: &dyn Fn(&Sentence, &FoundDate) -> bool,
) -> Option<DateValue> {
    let connector = |w: &str| {
        reading.is_some_and(|p| {
            p.names
                .connectors
                .iter()
                .any(|c| normalize(c) == normalize(w))
        })
    };
    first.iter().take(8).find_map(|s| {
        s.dates.iter().find_map(|d| {
            let v = d.value.filter(|_| own(s, d))?;
            let from = s.text.get(..d.start)?.rfind('\n').map_or(0, |p| p + 1);
            let to = s
                .text
                .get(d.end..)?
                .find('\n')
                .map_or(s.text.len(), |p| d.end + p);
            let rest = format!("{} {}", s.text.get(from..d.start)?, s.text.get(d.end..to)?);
            let titled = rest
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.chars().any(char::is_alphabetic))
                .all(|w| w.starts_with(char::is_uppercase) || connector(w));
            (titled && !tells(s, d.start, reading)).then_some(v)
        })
    })
}

/// True when what follows a date ends a press dateline: a dash after a
/// full stop or a space (".-", ". -", ".–", ". –", ".—", ". —", " -",
/// " –", " —") or a colon, after an agency's name in brackets or not;
/// or a wire agency's name in capitals in brackets and the story
/// ("Asunción, 4 nov (PL) La XVI Conferencia ...").
fn dateline_end(t: &str) -> bool {
    if agency_then_story(t) {
        return true;
    }
    let Some(t) = past_bracket(t, 20) else {
        return false;
    };
    [".-", ". -", ".–", ". –", ".—", ". —", " -", " –", " —", ":"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// Capitals in brackets after a date that name no agency: a file's format
/// or a copy's language in a list of documents ("Declaración de
/// Tegucigalpa, 20 de junio de 1997 (PDF) Plan de Acción ...").
const NOT_AGENCIES: [&str; 12] = [
    "PDF", "DOC", "DOCX", "XLS", "XLSX", "ODT", "HTML", "EN", "ES", "FR", "PT", "ENG",
];

/// True when `t` opens with a wire agency's name in brackets, capitals
/// and a dash or a slash at most ("(PL)", "(RHC-PL)", "(EFE)"), then a
/// space and a capital: the story, right after its dateline.
fn agency_then_story(t: &str) -> bool {
    let Some((agency, story)) = t.strip_prefix(" (").and_then(|r| r.split_once(')')) else {
        return false;
    };
    let letters = agency.chars().filter(char::is_ascii_uppercase).count();
    let agency_like = (2..=12).contains(&agency.len())
        && !NOT_AGENCIES.contains(&agency)
        && crate::reference::series::by_name(agency).is_none()
        && letters >= 2
        && agency
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '-' || c == '/');
    agency_like
        && story
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// What follows a bracket that opens `t` (" (TDI): ..." gives ": ..."),
/// when it closes within `most` bytes; `t` when none opens it.
fn past_bracket(t: &str, most: usize) -> Option<&str> {
    match t.strip_prefix(" (") {
        Some(rest) => match rest.find(')') {
            Some(close) if close <= most => Some(rest.get(close + 1..).unwrap_or("")),
            _ => None,
        },
        None => Some(t),
    }
}

/// True when what follows a date at the start of a line is a place and
/// the end of a press dateline: ", Kampala: ...", ", San José, Costa
/// Rica.- ..." (capitalized words and commas, a short run).
fn place_then_end(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(", ") else {
        return false;
    };
    let end = rest
        .char_indices()
        .take(40)
        .find(|&(i, _)| dateline_end(rest.get(i..).unwrap_or("")))
        .map(|(i, _)| i);
    let Some(end) = end.filter(|&e| e > 0) else {
        return false;
    };
    let place = rest.get(..end).unwrap_or("");
    place
        .split([',', ' '])
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// True when what follows a date at the start of a line ends a press
/// dateline, maybe after its place in brackets: " – ...", ": ...", " (ADDIS
/// ABABA, Ethiopia): ...".
/// A day after the dash ("30 June 2022 – 1 July 2022") is the end of a
/// span, not a story.
fn bracket_then_end(t: &str) -> bool {
    let Some(t) = past_bracket(t, 40) else {
        return false;
    };
    let story = t
        .trim_start_matches([' ', '.', ':', '-', '–', '—'])
        .starts_with(|c: char| !c.is_ascii_digit());
    dateline_end(t) && story
}

/// How many sentences of the first section make its opening.
const OPENING_SENTENCES: usize = 6;

fn period_cue() -> &'static Pattern {
    static R: OnceLock<Pattern> = OnceLock::new();
    R.get_or_init(|| compile(r"\bperiodo\b"))
}

/// The report's date (end of the period it covers) and a title, from its
/// first section.
pub fn front_matter(
    first: &mut [Sentence],
    closing: &mut [Sentence],
    text: &str,
    opening_end: usize,
    records: bool,
    reading: Option<&Profile>,
) -> (Option<DateValue>, Option<String>, Vec<String>) {
    let none = DateContext::default();
    // A closing line that says where and when the text was given ("Dada
    // en la ciudad de Panamá, a los ... días del mes de ...", "Done at
    // Bali on ..."), read as an adoption line is at the top.
    for s in closing.iter_mut() {
        s.dates = dates::find_normalized(s.hay(), &s.map, &none);
    }
    let given = adoption(closing, reading);
    let mut notes = Vec::new();
    let mut period: Option<(DateValue, usize, usize, usize)> = None;
    let mut latest: Option<DateValue> = None;
    for (i, s) in first.iter_mut().enumerate() {
        s.dates = dates::find_normalized(s.hay(), &s.map, &none);
        // The period a report covers is stated in its opening, not in
        // a decision that mentions another report's period.
        let opening = i < OPENING_SENTENCES && s.span.start < opening_end;
        for d in &s.dates {
            let Some(v) = d.value else { continue };
            if latest.is_none_or(|l| v.end > l.end) {
                latest = Some(v);
            }
            let before = s.norm_before(d.start);
            let near = before.len().saturating_sub(90);
            let cue = before.get(near..).is_some_and(|b| period_cue().is_match(b));
            // A period a report covers: months, at most two years; not a
            // plan's span of years (`2019-2025`) or a whole calendar year.
            let months = (v.end.year - v.start.year) * 12 + i32::from(v.end.month)
                - i32::from(v.start.month);
            let reported = (1..24).contains(&months) && !(v.start.month == 1 && v.end.month == 12);
            if v.precision == Precision::Range
                && opening
                && cue
                && reported
                && period.is_none_or(|(p, ..)| v.end > p.end)
            {
                period = Some((v, i, d.start, d.end));
            }
        }
    }
    let held = meeting_day(first, records, reading);
    let adopted = adoption(first, reading);
    let field = field_date(first);
    // Read only where nothing before it in the order below dates the page.
    let dated = adopted.is_some() || given.is_some() || field.is_some();
    let posted = if records || dated {
        None
    } else {
        posted::posted(first, reading)
    };
    let doc_date = match (period, latest) {
        _ if adopted.is_some() => adopted.inspect(|d| {
            notes.push(format!(
                "document date: the date it says it was adopted ({d})"
            ));
        }),
        _ if given.is_some() => given.inspect(|d| {
            notes.push(format!(
                "document date: the date its closing line says it was given ({d})"
            ));
        }),
        _ if field.is_some() => field.inspect(|d| {
            notes.push(format!("document date: the page's date field ({d})"));
        }),
        _ if posted.is_some() => posted.inspect(|d| {
            notes.push(format!("document date: the day the page was posted ({d})"));
        }),
        (Some((p, ..)), _) => {
            let e = p.end;
            let whole_month = e.day == Ymd::days_in_month(e.year, e.month);
            notes.push(format!("report date: end of the period it covers ({})", p));
            Some(if whole_month {
                DateValue::month(e.year, e.month)
            } else {
                DateValue::day(e)
            })
        }
        (None, _) if held.is_some() => held.map(|(d, note)| {
            notes.push(note);
            d
        }),
        // A date the text states for something else (a plan, a deadline,
        // an event) is not the document's: no date is better than a wrong one.
        (None, _) => {
            notes.push("document date: not stated (no date line, no meeting it records, no period it covers)".into());
            None
        }
    };
    let title =
        first_line_title(text).or_else(|| title(first, period.map(|(_, i, a, b)| (i, a, b))));
    (doc_date, title, notes)
}

fn title(first: &[Sentence], period: Option<(usize, usize, usize)>) -> Option<String> {
    static R: OnceLock<(Pattern, Pattern)> = OnceLock::new();
    let (cue, end) = R.get_or_init(|| (compile(rules::TITLE), compile(rules::TITLE_END)));
    for (i, s) in first.iter().enumerate() {
        let Some(c) = cue.captures(s.hay()) else {
            continue;
        };
        let Some(t) = c.name("t") else { continue };
        let stop = end
            .find_at(s.hay(), t.end())
            .map_or(s.norm.len(), |m| m.start());
        let raw = s.slice(s.orig(t.start()), s.end_of(stop));
        let mut out = capitalize(raw.trim());
        if let Some((pi, a, b)) = period {
            if pi == i && !out.contains(s.slice(a, b)) {
                out.push_str(", ");
                out.push_str(s.slice(a, b));
            }
        }
        return Some(out.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    None
}

fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let n = normalize(line);
    let titled = [
        "informe",
        "reporte",
        "acta",
        "declaracion",
        "comunicado",
        "memoria",
    ]
    .iter()
    .any(|w| n.starts_with(w));
    let shouting = line
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && line.split_whitespace().count() >= 3;
    ((titled || shouting) && line.chars().count() <= 200).then(|| line.to_string())
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests;
