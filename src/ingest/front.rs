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

use super::dates::{self, DateContext};
use super::pattern::Pattern;
use super::rules::{self, compile};
use super::sentence::Sentence;
use crate::model::{DateValue, Precision, Ymd};
use crate::text::normalize;
use std::sync::OnceLock;

/// Words saying that a meeting took place (the document records it).
pub(super) fn held_cue() -> &'static Pattern {
    static R: OnceLock<Pattern> = OnceLock::new();
    R.get_or_init(|| {
        compile(
            r"(\b(se llevo a cabo|se celebro|se realizo|tuvo lugar|se reunieron|se reunio|sesiono|sesionaron|celebrad[ao]|realizad[ao]|reunid[ao]s|llevad[ao] a cabo|took place|was held|were held|held (in|at|on)|convened)|met (on|in|at))\b",
        )
    })
}

/// A date of one day, or of days of one month (a meeting's dates).
fn days(v: &DateValue) -> bool {
    v.precision == Precision::Day
        || (v.precision == Precision::Range
            && v.start.year == v.end.year
            && v.start.month == v.end.month)
}

/// The last day of the meeting the document records: the first date of
/// days in an opening sentence that says a meeting was held, else in a
/// heading line that is a place and such a date (`Tela, República de
/// Honduras, 6 y 7 de mayo de 2008`).
fn meeting_day(first: &[Sentence], records: bool) -> Option<(DateValue, String)> {
    let opening = || first.iter().take(8);
    let held = || {
        opening().find_map(|s| {
            held_cue().is_match(s.hay()).then_some(())?;
            s.dates.iter().filter_map(|d| d.value).find(days)
        })
    };
    // `alone`: also a line of a date alone at the top ("29 March 1996").
    // `loose`: also a date that starts a sentence running on to the next
    // line ("9 de septiembre de 2021\nMensaje ..."), when none is alone.
    let line = |alone_ok: bool, loose: bool| {
        opening().enumerate().find_map(|(i, s)| {
            let text = s.text.trim_end_matches(['.', ' ', '\n']);
            let d = s
                .dates
                .iter()
                .find(|d| d.value.as_ref().is_some_and(days))?;
            let tail = text.len().saturating_sub(d.end);
            // A press dateline runs into its story: "MÉXICO, 02 de diciembre
            // de 2021.- Al abrir ...".
            // Or "Ankara, 10-11 December 2012: The ...", "Mexico City, 4
            // December 2021 (TDI): On ...".
            let dash = text.get(d.end..).is_some_and(dateline_end);
            let placed = d.start > 0 && d.start <= 70;
            // A date on a line of its own ("9 de septiembre de 2021\nMensaje").
            let own_line = text
                .get(d.end..)
                .is_some_and(|t| t.trim_start_matches([' ', '\t', '.']).starts_with('\n'));
            let alone = alone_ok && d.start == 0 && i < 3;
            let short = text.len() <= 100 && tail <= 2;
            ((short && (placed || alone)) || (dash && placed) || (alone && loose && own_line))
                .then_some(d.value)?
        })
    };
    // A page that tells of a meeting is not dated by it; a record the
    // meeting adopts or issues is, before a date alone at its top (the
    // day a site posted it).
    let v = line(false, false)
        .or_else(|| if records { held() } else { None })
        .or_else(|| line(true, false))
        .or_else(|| line(true, true))?;
    Some((
        DateValue::day(v.end),
        format!("document date: last day of the meeting it records ({v})"),
    ))
}

/// True when what follows a date ends a press dateline: a dash (".-",
/// " -", " –") or a colon, after an agency's name in brackets or not.
fn dateline_end(t: &str) -> bool {
    let t = match t.strip_prefix(" (") {
        Some(rest) => match rest.find(')') {
            Some(close) if close <= 20 => rest.get(close + 1..).unwrap_or(""),
            _ => return false,
        },
        None => t,
    };
    [".-", ". -", " -", " –", " —", ":"]
        .iter()
        .any(|p| t.starts_with(p))
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
    text: &str,
    opening_end: usize,
    records: bool,
) -> (Option<DateValue>, Option<String>, Vec<String>) {
    let none = DateContext::default();
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
    let held = meeting_day(first, records);
    let doc_date = match (period, latest) {
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
