//! Scores the extractor on the real-document set (`tests/real/*.txt`)
//! against the facts written by hand in each paired `.toml` (format in
//! `tests/real/README.md`): recall and precision per category, Spanish and
//! English apart. Shared by `tests/real.rs` (floors) and
//! `examples/real_score.rs` (the table in `docs/extraction-quality.md`).

// Each includer uses part of it.
#![allow(dead_code)]

use acta::model::{DateValue, EdgeKind, FactBundle, Kind, Precision, Provenance, Value, Ymd};
use acta::Gazetteer;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The folder of the set; `ACTA_REAL_DIR` names another (a copy of the
/// set, to score it while new documents are being written into this one).
pub fn folder() -> PathBuf {
    match std::env::var_os("ACTA_REAL_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real"),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Expected {
    pub countries: Vec<String>,
    pub document: ExpDoc,
    pub meetings: Vec<ExpMeeting>,
    pub decisions: Vec<ExpDecision>,
    pub requests: Vec<ExpRequest>,
    pub aliases: Vec<ExpAlias>,
    pub not_aliases: Vec<ExpAlias>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExpDoc {
    pub language: String,
    pub date: String,
    pub meeting: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExpMeeting {
    pub key: String,
    pub city: String,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExpDecision {
    pub label: String,
    pub starts: String,
    pub meeting: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExpRequest {
    pub starts: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExpAlias {
    pub acronym: String,
    pub name: String,
}

/// Counts of one category: matched, expected, extracted.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Tally {
    pub hit: u32,
    pub expected: u32,
    pub extracted: u32,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.hit += o.hit;
        self.expected += o.expected;
        self.extracted += o.extracted;
    }
    /// Recall in percent (100 when nothing was expected).
    pub fn recall(&self) -> f64 {
        pct(self.hit, self.expected)
    }
    /// Precision in percent (100 when nothing was extracted).
    pub fn precision(&self) -> f64 {
        pct(self.hit, self.extracted)
    }
}

fn pct(a: u32, b: u32) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * f64::from(a) / f64::from(b)
    }
}

/// The categories, in table order.
pub const CATEGORIES: [&str; 8] = [
    "decisions",
    "decisions on right meeting",
    "requests",
    "meetings",
    "meetings with city+dates",
    "document dates",
    "aliases",
    "countries",
];

/// The score of one document.
#[derive(Debug, Default)]
pub struct DocScore {
    pub name: String,
    pub lang: String,
    pub tallies: BTreeMap<&'static str, Tally>,
    /// Document date: "right", "wrong" or "missing".
    pub date: &'static str,
    /// What was missed or wrong, in words.
    pub misses: Vec<String>,
}

/// Whether two city names name one city: the same words (accents and
/// case aside), or names of one city of the gazetteer's list
/// (`data/reference/cities.toml`: "Santiago" and "Santiago de Chile").
pub fn same_city(a: &str, b: &str) -> bool {
    static CANON: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    let canon = CANON.get_or_init(|| {
        #[derive(Deserialize)]
        struct Cities {
            city: Vec<City>,
        }
        #[derive(Deserialize)]
        struct City {
            name: String,
            #[serde(default)]
            aliases: Vec<String>,
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reference/cities.toml");
        let text = std::fs::read_to_string(path).expect("data/reference/cities.toml reads");
        let cities: Cities = toml::from_str(&text).expect("data/reference/cities.toml parses");
        let mut out = BTreeMap::new();
        for c in cities.city {
            for n in c.aliases.iter().chain(std::iter::once(&c.name)) {
                out.insert(norm(n), norm(&c.name));
            }
        }
        out
    });
    let of = |x: &str| {
        let n = norm(x);
        canon.get(&n).cloned().unwrap_or(n)
    };
    of(a) == of(b)
}

/// Lower case, no accents, words separated by one space.
pub fn norm(s: &str) -> String {
    let plain: String = s
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a provenance span in the document.
fn span_text(b: &FactBundle, p: &Provenance) -> String {
    match p {
        Provenance::Extracted { span, .. } => {
            b.doc.text.get(span.start..span.end).unwrap_or("").into()
        }
        _ => String::new(),
    }
}

/// Meeting key as the `.toml` writes it (`meeting:rcgm-2003-12` → `grcm-2003-12`).
fn meeting_key(id: &str) -> String {
    let k = id.strip_prefix("meeting:").unwrap_or(id);
    match k.strip_prefix("rcgm-") {
        Some(rest) => format!("grcm-{rest}"),
        None => k.to_string(),
    }
}

/// One-to-one match of expected `starts` against extracted texts: each
/// extracted text serves at most one expectation. Returns, per expectation,
/// the index of the text it matched.
fn match_starts(starts: &[&str], texts: &[String]) -> Vec<Option<usize>> {
    let hay: Vec<String> = texts.iter().map(|t| norm(t)).collect();
    let mut used = vec![false; texts.len()];
    starts
        .iter()
        .map(|s| {
            let key = norm(s);
            // The text may start at the verb where the expected opening
            // starts at its subject ("los Estados hicieron un llamamiento
            // ...", "the delegates also called for ..."): the opening less
            // at most three words, if four remain.
            let words: Vec<&str> = key.split(' ').collect();
            let shorter: Vec<String> = (1..=3)
                .filter(|&k| words.len() >= k + 4)
                .map(|k| words[k..].join(" "))
                .collect();
            let at = hay.iter().enumerate().position(|(i, h)| {
                !used[i]
                    && !key.is_empty()
                    && (h.contains(&key) || shorter.iter().any(|k| h.starts_with(k.as_str())))
            })?;
            used[at] = true;
            Some(at)
        })
        .collect()
}

fn attr<'b>(b: &'b FactBundle, id: &str, key: &str) -> Option<&'b Value> {
    b.nodes
        .iter()
        .filter(|n| n.id.as_str() == id)
        .flat_map(|n| &n.attrs)
        .find(|a| a.key == key)
        .map(|a| &a.value)
}

/// ISO form of a date at the precision it has; a range gives its last day.
pub fn iso(d: &DateValue) -> String {
    match d.precision {
        Precision::Day => d.start.to_string(),
        Precision::Month => format!("{:04}-{:02}", d.start.year, d.start.month),
        Precision::Year => format!("{:04}", d.start.year),
        Precision::Range => d.end.to_string(),
    }
}

fn decisions(b: &FactBundle, e: &Expected, known: &BTreeMap<String, String>, out: &mut DocScore) {
    let found: Vec<(&str, String)> = b
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Agreement)
        // A call made in prose ("instaron a los países miembros a ...") is
        // stored as an agreement of form `request` so that its request has
        // something to hang on; it is scored as a request, not a decision.
        .filter(|n| !matches!(attr(b, &n.id, "form"), Some(Value::Text(f)) if f == "request"))
        .map(|n| {
            let text = match attr(b, &n.id, "text") {
                Some(Value::Text(t)) => t.clone(),
                _ => span_text(b, &n.prov),
            };
            (n.id.as_str(), text)
        })
        .collect();
    let mut ids: Vec<&str> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for (id, t) in found {
        if !ids.contains(&id) {
            ids.push(id);
            texts.push(t);
        }
    }
    let starts: Vec<&str> = e.decisions.iter().map(|d| d.starts.as_str()).collect();
    let hits = match_starts(&starts, &texts);
    let mut right = 0;
    let mut matched = 0;
    for (d, h) in e.decisions.iter().zip(&hits) {
        let Some(i) = h else {
            out.misses
                .push(format!("decision {} missed: {}", d.label, d.starts));
            continue;
        };
        matched += 1;
        let at: Vec<String> = b
            .edges
            .iter()
            .filter(|x| x.kind == EdgeKind::AdoptedAt && x.from.as_str() == ids[*i])
            .map(|x| {
                // The expected key the meeting was matched to, else its own.
                known
                    .iter()
                    .find(|(_, v)| v.as_str() == x.to.as_str())
                    .map_or_else(|| meeting_key(&x.to), |(k, _)| k.clone())
            })
            .collect();
        // No meeting expected (the text names none): right when none is
        // linked, as a careful reader would leave it.
        let on_right = if d.meeting.is_empty() {
            at.is_empty()
        } else {
            at.contains(&d.meeting)
        };
        if on_right {
            right += 1;
        } else {
            out.misses.push(format!(
                "decision {} on {:?}, not {}",
                d.label, at, d.meeting
            ));
        }
    }
    for (i, t) in texts.iter().enumerate() {
        if !hits.contains(&Some(i)) {
            out.misses.push(format!("extra decision: {}", short(t)));
        }
    }
    let n = e.decisions.len() as u32;
    out.tallies.insert(
        "decisions",
        Tally {
            hit: matched,
            expected: n,
            extracted: texts.len() as u32,
        },
    );
    out.tallies.insert(
        "decisions on right meeting",
        Tally {
            hit: right,
            expected: n,
            extracted: matched,
        },
    );
}

fn short(t: &str) -> String {
    let one = t.split_whitespace().collect::<Vec<_>>().join(" ");
    one.chars().take(90).collect()
}

fn requests(b: &FactBundle, e: &Expected, out: &mut DocScore) {
    let texts: Vec<String> = b.requests.iter().map(|r| span_text(b, &r.prov)).collect();
    let starts: Vec<&str> = e.requests.iter().map(|r| r.starts.as_str()).collect();
    let hits = match_starts(&starts, &texts);
    for (r, h) in e.requests.iter().zip(&hits) {
        if h.is_none() {
            out.misses.push(format!("request missed: {}", r.starts));
        }
    }
    for (i, t) in texts.iter().enumerate() {
        if !hits.contains(&Some(i)) {
            out.misses.push(format!("extra request: {}", short(t)));
        }
    }
    out.tallies.insert(
        "requests",
        Tally {
            hit: hits.iter().flatten().count() as u32,
            expected: e.requests.len() as u32,
            extracted: texts.len() as u32,
        },
    );
}

/// Keys of the series profiles (`data/series/*.toml`: `key`, else the
/// acronym in lower case), plus the GRCM / RCGM.
fn series_keys() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/series");
    let mut out: BTreeSet<String> = ["grcm", "rcgm"].iter().map(|s| s.to_string()).collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Ok(t) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(v) = toml::from_str::<toml::Table>(&t) else {
            continue;
        };
        let key = v.get("key").or_else(|| v.get("acronym"));
        if let Some(k) = key.and_then(|k| k.as_str()) {
            out.insert(k.to_lowercase());
        }
    }
    out
}

/// Whether an expected key names a meeting of a series by its number or
/// month (`crm-06`, `grcm-2010-05`, `prague-03-prep-04`, `colombo-som-02`):
/// those match by key only. Any other key is descriptive (`grcm-panama`,
/// `quito-reunion-regional`) and may match by city and dates.
pub fn series_form(key: &str, series: &BTreeSet<String>) -> bool {
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase());
    series.iter().any(|sk| {
        let Some(rest) = key
            .strip_prefix(sk.as_str())
            .and_then(|r| r.strip_prefix('-'))
        else {
            return false;
        };
        let parts: Vec<&str> = rest.split('-').collect();
        match parts.as_slice() {
            [n] => digits(n, 1..=3),
            [y, m] => (digits(y, 4..=4) && digits(m, 2..=2)) || (word(y) && digits(m, 1..=3)),
            [n, w, m] => digits(n, 1..=3) && word(w) && digits(m, 1..=3),
            [y, mo, w, m] => digits(y, 4..=4) && digits(mo, 2..=2) && word(w) && digits(m, 1..=3),
            _ => false,
        }
    })
}

/// The days an expected date covers, as (first, last) ISO strings; a day
/// without a year (`--05-08`) gives month-day strings (`05-08`).
fn expected_span(start: &str, end: &str) -> (String, String) {
    // `--06-27` is as long as `2024-06`: the dashes tell them apart.
    let lo = |s: &str| match s.len() {
        _ if s.starts_with("--") => s.trim_start_matches("--").to_string(),
        4 => format!("{s}-01-01"),
        7 => format!("{s}-01"),
        _ => s.to_string(),
    };
    let hi = |s: &str| match s.len() {
        _ if s.starts_with("--") => s.trim_start_matches("--").to_string(),
        4 => format!("{s}-12-31"),
        7 => format!("{s}-31"),
        _ => s.to_string(),
    };
    let end = if end.is_empty() { start } else { end };
    (lo(start), hi(end))
}

/// Whether an extracted meeting's city and dates agree with an expected
/// meeting's: the same city ([`same_city`]) and days in common
/// (where the expectation states days).
fn same_place_and_time(b: &FactBundle, id: &str, m: &ExpMeeting) -> bool {
    let Some(Value::Text(city)) = attr(b, id, "city") else {
        return false;
    };
    if !same_city(city, &m.city) {
        return false;
    }
    // Where the text states no days, the city alone says it.
    if m.start.is_empty() {
        return true;
    }
    let Some(Value::Date(d)) = attr(b, id, "date") else {
        return false;
    };
    let (lo, hi) = expected_span(&m.start, &m.end);
    let (s, e) = (d.start.to_string(), d.end.to_string());
    let (s, e) = if m.start.starts_with("--") {
        (month_day(d.start), month_day(d.end))
    } else {
        (s, e)
    };
    s <= hi && lo <= e
}

/// Every meeting the extraction names: its meeting nodes and the ends of
/// edges to meetings.
fn meeting_ids(b: &FactBundle) -> BTreeSet<String> {
    b.nodes
        .iter()
        .filter(|n| n.kind == Kind::Meeting)
        .map(|n| n.id.to_string())
        .chain(
            b.edges
                .iter()
                .filter(|x| x.to.starts_with("meeting:"))
                .map(|x| x.to.to_string()),
        )
        .collect()
}

/// Which extracted meeting each expected meeting is: by key, and for a
/// descriptive key (see [`series_form`]) the first extracted meeting not
/// matched by key to another expectation with the same city and days in
/// common. Returns expected key → extracted id.
pub fn match_meetings(b: &FactBundle, e: &Expected) -> BTreeMap<String, String> {
    let ids = meeting_ids(b);
    let mut out = BTreeMap::new();
    for m in &e.meetings {
        if let Some(id) = ids.iter().find(|id| meeting_key(id) == m.key) {
            out.insert(m.key.clone(), id.clone());
        }
    }
    let series = series_keys();
    for m in e.meetings.iter().filter(|m| !series_form(&m.key, &series)) {
        if out.contains_key(&m.key) || m.city.is_empty() {
            continue;
        }
        let free = ids
            .iter()
            .find(|id| !out.values().any(|v| v == *id) && same_place_and_time(b, id, m));
        if let Some(id) = free {
            out.insert(m.key.clone(), id.clone());
        }
    }
    // The document's own meeting, read without a place ("la reunión",
    // "the meeting"): the one extracted meeting left that names no series
    // and no city, on days that agree. Its city, if the text states one,
    // counts as missed (meetings with city and dates).
    let own = &e.document.meeting;
    let unplaced = e
        .meetings
        .iter()
        .find(|m| &m.key == own && !series_form(&m.key, &series));
    if let Some(m) = unplaced.filter(|m| !out.contains_key(&m.key)) {
        let free: Vec<&String> = ids
            .iter()
            .filter(|id| !out.values().any(|v| v == *id))
            .filter(|id| !series_form(&meeting_key(id), &series))
            .filter(|id| attr(b, id, "city").is_none() && same_time(b, id, m))
            .collect();
        if let [id] = free.as_slice() {
            out.insert(m.key.clone(), (*id).clone());
        }
    }
    out
}

/// Whether an extracted meeting's days (if any) meet an expected one's
/// (if stated).
fn same_time(b: &FactBundle, id: &str, m: &ExpMeeting) -> bool {
    let Some(Value::Date(d)) = attr(b, id, "date") else {
        return true;
    };
    if m.start.is_empty() {
        return true;
    }
    let (lo, hi) = expected_span(&m.start, &m.end);
    let (s, e) = if m.start.starts_with("--") {
        (month_day(d.start), month_day(d.end))
    } else {
        (d.start.to_string(), d.end.to_string())
    };
    s <= hi && lo <= e
}

fn meetings(b: &FactBundle, e: &Expected, matched: &BTreeMap<String, String>, out: &mut DocScore) {
    let found = meeting_ids(b);
    // Each extracted meeting once, under the expected key it matched.
    let keys: BTreeSet<String> = found
        .iter()
        .map(|id| {
            matched
                .iter()
                .find(|(_, v)| *v == id)
                .map_or_else(|| meeting_key(id), |(k, _)| k.clone())
        })
        .collect();
    let want: BTreeSet<&str> = e.meetings.iter().map(|m| m.key.as_str()).collect();
    let hit = want.iter().filter(|k| matched.contains_key(**k)).count() as u32;
    for k in &want {
        if !matched.contains_key(*k) {
            out.misses.push(format!("meeting missed: {k}"));
        }
    }
    for k in &keys {
        if !want.contains(k.as_str()) {
            out.misses.push(format!("extra meeting: {k}"));
        }
    }
    out.tallies.insert(
        "meetings",
        Tally {
            hit,
            expected: want.len() as u32,
            extracted: keys.len() as u32,
        },
    );
    let mut t = Tally::default();
    for m in e
        .meetings
        .iter()
        .filter(|m| !m.city.is_empty() && !m.start.is_empty())
    {
        t.expected += 1;
        let Some(id) = matched.get(&m.key) else {
            continue;
        };
        let city = match attr(b, id, "city") {
            Some(Value::Text(c)) => c.clone(),
            _ => String::new(),
        };
        let date = match attr(b, id, "date") {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        };
        if city.is_empty() || date.is_none() {
            out.misses
                .push(format!("meeting {} without city or dates", m.key));
            continue;
        }
        t.extracted += 1;
        let end = if m.end.is_empty() { &m.start } else { &m.end };
        // A month or a year is compared at the precision the text gives
        // ("en mayo de 2000" is `2000-05`), days day by day.
        // An expected year holds whole months read inside it ("en el
        // segundo semestre de 2018" is the year 2018 written more closely);
        // days are still compared as days.
        let in_year = |d: &DateValue| {
            m.start.len() == 4
                && d.precision != Precision::Day
                && d.start.day == 1
                && d.end.day >= 28
                && *end == m.start
                && d.start.year.to_string() == m.start
                && d.end.year.to_string() == m.start
        };
        let same_dates = date.is_some_and(|d| match d.precision {
            _ if in_year(&d) => true,
            Precision::Month | Precision::Year => iso(&d) == m.start && *end == m.start,
            _ => same_day(d.start, &m.start) && same_day(d.end, end),
        });
        if same_city(&city, &m.city) && same_dates {
            t.hit += 1;
        } else {
            out.misses.push(format!(
                "meeting {}: {city} {:?}, not {} {}..{end}",
                m.key,
                date.map(|d| format!("{}..{}", d.start, d.end)),
                m.city,
                m.start
            ));
        }
    }
    out.tallies.insert("meetings with city+dates", t);
}

/// Whether a day is the expected one; a day written without its year
/// (`--06-27`) is compared by month and day.
fn same_day(d: Ymd, want: &str) -> bool {
    match want.strip_prefix("--") {
        Some(md) => month_day(d) == md,
        None => d.to_string() == want,
    }
}

/// `MM-DD` of a day, whatever its year (or none: `--08-25`).
fn month_day(d: Ymd) -> String {
    format!("{:02}-{:02}", d.month, d.day)
}

fn document_date(b: &FactBundle, e: &Expected, out: &mut DocScore) {
    let found = b.doc.date.map(|d| iso(&d));
    let want = e.document.date.as_str();
    out.date = match (&found, want) {
        (None, "") => "right",
        (None, _) => "missing",
        (Some(f), w) if f == w => "right",
        // A day without its year (`--05-08`): the day read against a
        // year the text gives elsewhere.
        (Some(_), w) if w.starts_with("--") && b.doc.date.is_some_and(|d| same_day(d.end, w)) => {
            "right"
        }
        _ => "wrong",
    };
    if out.date != "right" {
        out.misses.push(format!(
            "document date {}: {:?}, not {want:?}",
            out.date, found
        ));
    }
    out.tallies.insert(
        "document dates",
        Tally {
            hit: u32::from(out.date == "right"),
            expected: 1,
            extracted: u32::from(out.date != "missing"),
        },
    );
}

fn aliases(b: &FactBundle, e: &Expected, out: &mut DocScore) {
    // Definitions read from the text: an organization node of this
    // document that carries its acronym and its long name.
    let mut found: Vec<(String, String)> = Vec::new();
    for n in b.nodes.iter().filter(|n| n.kind == Kind::Organization) {
        let Some((acr, rest)) = n.aliases.split_first() else {
            continue;
        };
        for long in rest {
            let pair = (norm(acr), norm(long));
            if !found.contains(&pair) {
                found.push(pair);
            }
        }
    }
    let want: Vec<(String, String)> = e
        .aliases
        .iter()
        .map(|a| (norm(&a.acronym), norm(&a.name)))
        .collect();
    let hit = want.iter().filter(|w| found.contains(w)).count() as u32;
    for (w, a) in want.iter().zip(&e.aliases) {
        if !found.contains(w) {
            out.misses
                .push(format!("alias missed: {} = {}", a.acronym, a.name));
        }
    }
    for f in &found {
        if !want.contains(f) {
            out.misses.push(format!("wrong alias: {} = {}", f.0, f.1));
        }
    }
    out.tallies.insert(
        "aliases",
        Tally {
            hit,
            expected: want.len() as u32,
            extracted: found.len() as u32,
        },
    );
}

fn countries(b: &FactBundle, e: &Expected, out: &mut DocScore) {
    let found: BTreeSet<String> = b
        .edges
        .iter()
        .filter(|x| x.kind == EdgeKind::Mentions && x.to.starts_with("country:"))
        .map(|x| x.to.trim_start_matches("country:").to_string())
        .collect();
    let want: BTreeSet<String> = e.countries.iter().map(|c| c.to_lowercase()).collect();
    let hit = want.intersection(&found).count() as u32;
    for c in want.difference(&found) {
        out.misses.push(format!("country missed: {c}"));
    }
    for c in found.difference(&want) {
        out.misses.push(format!("extra country: {c}"));
    }
    out.tallies.insert(
        "countries",
        Tally {
            hit,
            expected: want.len() as u32,
            extracted: found.len() as u32,
        },
    );
}

/// Score one document against its expected facts.
pub fn score_doc(name: &str, bundle: &FactBundle, e: &Expected) -> DocScore {
    let lang = if e.document.language.is_empty() {
        name.split('-').next().unwrap_or("").to_string()
    } else {
        e.document.language.clone()
    };
    let mut out = DocScore {
        name: name.to_string(),
        lang,
        ..DocScore::default()
    };
    let matched = match_meetings(bundle, e);
    decisions(bundle, e, &matched, &mut out);
    requests(bundle, e, &mut out);
    meetings(bundle, e, &matched, &mut out);
    document_date(bundle, e, &mut out);
    aliases(bundle, e, &mut out);
    countries(bundle, e, &mut out);
    out
}

/// Run the extractor on every document of the set and score it.
pub fn run() -> Result<Vec<DocScore>, String> {
    let g = Gazetteer::bundled().map_err(|e| format!("gazetteer: {e}"))?;
    let dir = folder();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for txt in names {
        let name = txt
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let bytes = std::fs::read(&txt).map_err(|e| format!("{name}: {e}"))?;
        let spec = std::fs::read_to_string(txt.with_extension("toml"))
            .map_err(|e| format!("{name}.toml: {e}"))?;
        let e: Expected = toml::from_str(&spec).map_err(|e| format!("{name}.toml: {e}"))?;
        let file = format!("{name}.txt");
        let (bundle, _) =
            acta::ingest::prepare(&file, &bytes, &g).map_err(|e| format!("{name}: {e}"))?;
        out.push(score_doc(&name, &bundle, &e));
    }
    Ok(out)
}

/// Tallies summed per language ("es", "en") and category.
pub fn totals(docs: &[DocScore]) -> BTreeMap<(String, &'static str), Tally> {
    let mut out: BTreeMap<(String, &'static str), Tally> = BTreeMap::new();
    for d in docs {
        for (cat, t) in &d.tallies {
            out.entry((d.lang.clone(), cat)).or_default().add(*t);
        }
    }
    out
}

/// Document dates right, wrong and missing for one language.
pub fn date_counts(docs: &[DocScore], lang: &str) -> (usize, usize, usize) {
    let of = |what: &str| {
        docs.iter()
            .filter(|d| d.lang == lang && d.date == what)
            .count()
    };
    (of("right"), of("wrong"), of("missing"))
}

/// The table of `docs/extraction-quality.md`.
pub fn markdown(docs: &[DocScore]) -> String {
    let t = totals(docs);
    let mut s = String::new();
    s.push_str("| category | es recall | es precision | en recall | en precision |\n");
    s.push_str("|---|---|---|---|---|\n");
    for cat in CATEGORIES {
        s.push_str(&format!("| {cat} "));
        for lang in ["es", "en"] {
            let x = t.get(&(lang.to_string(), cat)).copied().unwrap_or_default();
            s.push_str(&format!(
                "| {:.0}% ({}/{}) | {:.0}% ({}/{}) ",
                x.recall(),
                x.hit,
                x.expected,
                x.precision(),
                x.hit,
                x.extracted
            ));
        }
        s.push_str("|\n");
    }
    s.push('\n');
    for lang in ["es", "en"] {
        let (r, w, m) = date_counts(docs, lang);
        s.push_str(&format!(
            "Document dates ({lang}): {r} right, {w} wrong, {m} missing.\n"
        ));
    }
    s
}
