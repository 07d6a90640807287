//! Meeting references in a sentence: numbered CRM meetings (`VII CRM`,
//! `la VII Reunión de la CRM`, `Octava Reunión de la Conferencia Regional
//! sobre Migración`), meetings of a body by date (`GRCM de octubre 2002`,
//! `reunión del GRCM en octubre 2002`, `el GRCM, en su reunión de octubre
//! 2002`, `su reunión del 28 de octubre 2002`, `reuniones del GRCM
//! (Heredia, noviembre 2001; ...)`), the current meeting (`esta reunión`),
//! undated ones (`el GRCM la respaldó`), and named conferences (a quoted
//! or capitalized `Conferencia ...` with a date). Each reference carries
//! the date and place written with it (`(San José, marzo 2001)`, `en
//! Antigua, Guatemala`, `que se realizó en Santiago, Chile, del 20-22 de
//! noviembre 2002`) and whether it is a destination ("asistentes a la VIII
//! CRM") rather than a venue. [`super::calendar`] turns them into ids.

mod held;
mod hosted;
mod inaugural;
mod lists;
mod of_body;
mod own;
mod placed;
mod prep;
mod reported;
mod series_refs;
mod sub;
mod tail;
mod titled;
mod understood;

pub(super) use super::profile::alternation;
pub use own::gathering;
pub use reported::reported;
pub use series_refs::{document_series, document_series_in_words};
pub(crate) use tail::after_hosted;
pub use tail::{is_abbreviation, place};
use tail::{parse_tail, Tail};
pub use titled::titled;

use super::dates::DateContext;
use super::pattern::Pattern;
use super::quotes::{self, Role};
use super::resolve::Resolver;
use super::rules::{self, compile};
use super::sentence::Sentence;
use crate::model::{Kind, Precision};
use crate::reference::series;
use crate::reference::Gazetteer;
use std::sync::OnceLock;

pub use super::meeting_ref::{MeetingRef, Target};

struct Patterns {
    numbered: Pattern,
    meeting_after: Pattern,
    held_after: Pattern,
    held_before: Pattern,
    named: Pattern,
    named_list: Pattern,
    reunion_of: Pattern,
    reunion_before_date: Pattern,
    between_date_and_body: Pattern,
    current_prefix: Pattern,
    undated_context: Pattern,
    current_bare: Pattern,
    possessive: Pattern,
    destination: Pattern,
    attended: Pattern,
    met: Pattern,
    scheduled_gap: Pattern,
}

/// A numbered meeting of a series: an ordinal (roman, a word of the
/// language profiles, `7th`), optional meeting words, the series' name
/// (`data/series/*.toml`), optional meeting words after it.
fn numbered_pattern() -> String {
    let all = series::bundled();
    let ordinals = alternation(series::ordinal_words().iter().map(|(w, _)| w.as_str()));
    let words = alternation(
        all.iter()
            .flat_map(|s| {
                s.meeting_words
                    .iter()
                    .chain(s.sub_meetings.iter().flat_map(|m| &m.words))
            })
            .map(String::as_str),
    );
    let names = alternation(
        all.iter()
            .flat_map(|s| {
                s.names
                    .iter()
                    .chain(&s.meeting_names)
                    .chain(std::iter::once(&s.acronym))
            })
            .map(String::as_str),
    );
    let ranks = alternation(
        crate::ingest::profile::Profile::bundled()
            .iter()
            .flat_map(|p| &p.places.ranks)
            .map(String::as_str),
    );
    let rank = if ranks.is_empty() {
        String::new()
    } else {
        format!(r"(?:(?P<rank>{ranks})\s+)?")
    };
    format!(
        r"\b(?P<ord>[ivxlc]{{1,7}}|\d{{1,2}}(?:st|nd|rd|th|a|o)|{ordinals})\s+{rank}(?:(?P<w>{words})\s+(?:de\s+la\s+|del\s+|of\s+the\s+|of\s+)?)?(?P<body>{names})(?:\s+(?P<w2>{words}))?\b"
    )
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        Patterns {
            numbered: compile(&numbered_pattern()),
            // "RCGM Meeting June 7th-9th": the word after the body.
            meeting_after: compile(r"^\s*meeting\b"),
            // "A Regional Conference on Migration was held on ...": a
            // series' name as its meeting, before the words of holding.
            held_after: compile(
                r"^[\s,]*(?:was held|were held|took place|met|convened|se celebro|se realizo|se llevo a cabo|tuvo lugar|se reunio)\b",
            ),
            // "Los días 13 y 14 de marzo de 1996, se celebró la Conferencia
            // Regional sobre Migración en Puebla": the days, then the words
            // of holding, then the series' name.
            held_before: compile(
                r"^[\s,]*(?:se celebro|se realizo|se llevo a cabo|tuvo lugar|was held|took place)\s+(?:la|el|the)?\s*$",
            ),
            named: compile(
                r"\b(?:Conferencia|Cumbre|Foro|Encuentro|Simposio|Congreso)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\p{L}\-]*|de|del|la|las|los|el|sobre|para|y|en)){1,14}",
            ),
            // "Encuentro Sudamericano sobre Migraciones, Integración y
            // Desarrollo": a name that ends in a list of capitalized words.
            named_list: compile(
                r"^,\s+[A-ZÁÉÍÓÚÑ][\p{L}\-]*(?:,\s+[A-ZÁÉÍÓÚÑ][\p{L}\-]*)*\s+(?:y|e|and)\s+[A-ZÁÉÍÓÚÑ][\p{L}\-]*",
            ),
            reunion_of: compile(
                r"\b(?P<r>(?:reunion|meeting)(?P<pl>es|s)?)\s+(?:(?:del?|de la|of)\s+)?(?:esta\s+|dicha\s+|la\s+|el\s+|the\s+|this\s+)?$",
            ),
            reunion_before_date: compile(r"\b(?P<r>reunion)\s+(?:del?\s+)?$"),
            between_date_and_body: compile(r"^\s*(?:del?|de la|de esta|de dicha)\s*(?:la\s+|esta\s+)?$"),
            current_prefix: compile(
                r"\b(?P<c>esta|la actual|la presente|la misma)\s+reunion\s+(?:del?|de la|de esta)?\s*$",
            ),
            undated_context: compile(r"\b(?:curso del?|en el|durante el|por el)\s*$"),
            current_bare: compile(rules::CURRENT_MEETING),
            possessive: compile(r"\bsu\s+reunion\b"),
            destination: compile(rules::DESTINATION),
            attended: compile(rules::ATTENDED),
            met: compile(rules::MET),
            scheduled_gap: compile(rules::SCHEDULED_GAP),
        }
    })
}

/// True when the words before `at` say "meeting of" (`Reunión del`,
/// `Meeting of the`): the body named at `at` is meeting.
pub fn meeting_of(s: &Sentence, at: usize) -> bool {
    patterns().reunion_of.is_match(s.norm_before(at))
}

/// Where lookups happen: the gazetteer (cities), the document's resolver
/// (countries by name) and the date context.
pub struct Env<'a> {
    pub gazetteer: &'a Gazetteer,
    pub resolver: &'a Resolver,
    pub dates: DateContext,
    /// The reading profiles: how places are written.
    pub profiles: &'a [super::profile::Profile],
    /// The one series the document names (its key), if it names one:
    /// "At their Fiftieth Regular Meeting" is a meeting of it.
    pub series: Option<String>,
    /// The document's own day, when its date line gives one: what it
    /// dates "este día", "today".
    pub today: Option<crate::model::Ymd>,
}

impl<'a> Env<'a> {
    /// One `[places]` list of every profile, in profile order (a page may
    /// write a template's words of another language: "date 2022-12-14").
    pub fn places(
        &self,
        list: impl Fn(&'a super::profile::Places) -> &'a [String],
    ) -> Vec<&'a str> {
        self.profiles
            .iter()
            .flat_map(|p| list(&p.places))
            .map(String::as_str)
            .collect()
    }
}

pub(super) fn overlaps(refs: &[MeetingRef], a: usize, b: usize) -> bool {
    refs.iter().any(|r| a < r.end && r.start < b)
}

pub(super) fn with_tail(mut r: MeetingRef, t: &Tail) -> MeetingRef {
    r.end = r.end.max(t.end);
    r.date = r.date.or(t.date);
    r.city = r.city.take().or_else(|| t.city.clone());
    r.country = r.country.take().or_else(|| t.country.clone());
    r
}

/// Every meeting reference in a sentence (its dates and mentions must be
/// found first), in text order. Long on purpose: one pass per way a
/// meeting is written, in the order they take precedence (a later pass
/// skips what an earlier one found).
pub fn find(s: &Sentence, env: &Env) -> Vec<MeetingRef> {
    let p = patterns();
    // Lists of numbered meetings ("la Primera, Segunda y Tercera
    // Conferencias ..., celebradas en ...").
    let mut refs: Vec<MeetingRef> = lists::listed(s, env);
    // Numbered meetings.
    for c in p.numbered.captures_iter(s.hay()) {
        let (Some(m), Some(ord)) = (c.get(0), c.name("ord")) else {
            continue;
        };
        let raw = s.slice(s.orig(ord.start()), s.end_of(ord.end()));
        let Some(ordinal) = series_refs::ordinal_value(raw, ord.as_str()) else {
            continue;
        };
        let Some(series) = c.name("body").and_then(|b| series::by_name(b.as_str())) else {
            continue;
        };
        // A rank stands right before the series' name: "the fifth
        // high-level meeting of the RCM" is some other numbering.
        if c.name("rank").is_some() && c.name("w").is_some() {
            continue;
        }
        let (start, end) = (s.orig(m.start()), s.end_of(m.end()));
        if overlaps(&refs, start, end) {
            continue;
        }
        // A meeting numbered on its own ("2nd Senior Officials' Meeting of
        // the Colombo Process"): `colombo-som-02`.
        // The words may follow the name, as English puts a noun before
        // a noun ("6th Rabat Process Ministerial Conference").
        let said = c.name("w").or_else(|| c.name("w2")).map(|w| w.as_str());
        let sub = said.and_then(|w| {
            series
                .sub_meetings
                .iter()
                .find(|m| m.words.iter().any(|x| crate::text::normalize(x) == w))
        });
        let target = match sub {
            Some(m) => Target::Numbered {
                body: format!("{} {}", series.key(), m.key),
                ordinal,
            },
            None => series_refs::target(series, ordinal),
        };
        // "the Second Preparatory Meeting for the 5th ... Conference": the
        // place and days after it are the preparatory meeting's.
        if let Some((at, prep)) = prep::preparatory(s, start, env, series, ordinal) {
            refs.push(MeetingRef::new(start, end, target));
            let r = MeetingRef::new(at, end, prep);
            refs.push(with_tail(r, &parse_tail(s, end, env)));
            continue;
        }
        let r = MeetingRef::new(start, end, target);
        refs.push(with_tail(r, &parse_tail(s, end, env)));
    }
    // Meetings of a series named without an ordinal, with their month.
    series_refs::unnumbered(s, env, &mut refs);
    // "the XXI Vice-Ministerial Meeting held in": the document's series.
    series_refs::of_the_document(s, env, &mut refs);
    // "the 22nd Senior Officials Meeting": the series' own sub-meetings.
    sub::of_the_document(s, env, &mut refs);
    // "The Senior Officials' Meeting of the Bali Process was held on ...".
    sub::unnumbered(s, env, &mut refs);
    // "nuestro encuentro inaugural en Puebla": the series' first.
    inaugural::of_the_document(s, env, &mut refs);
    // "del Capítulo de Buenos Aires, del 5 de julio de 2019": the
    // series' meeting in its host city.
    hosted::of_the_document(s, env, &mut refs);
    // "la VIII Reunión de la RIAM": a body outside the series profiles.
    of_body::numbered(s, env, &mut refs);
    // Named conferences: quoted, or capitalized with a date.
    for (q, role) in &s.quotes {
        if *role == Role::Meeting && !overlaps(&refs, q.start, q.end) {
            let title = quotes::inner(&s.text, q);
            let r = MeetingRef::new(q.start, q.end, Target::Named { title });
            refs.push(with_tail(r, &parse_tail(s, q.end, env)));
        }
    }
    for m in p.named.find_iter(&s.text) {
        let mut text = m.as_str();
        // Back to the last capitalized word, also across a line break
        // ("sobre Población y\nDesarrollo").
        while let Some(at) = text.rfind(char::is_whitespace) {
            let (head, last) = text.split_at(at);
            if last
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                break;
            }
            text = head.trim_end();
        }
        let (a, mut b) = (m.start(), m.start() + text.len());
        if b == m.end() {
            b += p
                .named_list
                .find(s.text.get(b..).unwrap_or(""))
                .map_or(0, |x| x.end());
            text = s.text.get(a..b).unwrap_or(text);
        }
        let in_org = s.mentions.iter().any(|x| a < x.end && x.start < b);
        if in_org
            || overlaps(&refs, a, b)
            || !text.contains(' ')
            || s.quotes.iter().any(|(q, _)| q.start <= a && b <= q.end)
        {
            continue;
        }
        let t = parse_tail(s, b, env);
        if t.date.is_some() {
            let r = MeetingRef::new(
                a,
                b,
                Target::Named {
                    // A name wrapped across lines is one name.
                    title: text.split_whitespace().collect::<Vec<_>>().join(" "),
                },
            );
            refs.push(with_tail(r, &t));
        }
    }
    // Meetings of a body.
    for men in s.mentions.iter().filter(|m| m.kind == Kind::Organization) {
        if overlaps(&refs, men.start, men.end) {
            continue;
        }
        let body = men.id.clone();
        let pre = s.norm_before(men.start);
        let hosts_undated = crate::reference::roles().undated_meetings.contains(&body);
        if let Some(c) = p.current_prefix.captures(pre) {
            let start = c.name("c").map_or(men.start, |x| s.orig(x.start()));
            let mut r = MeetingRef::new(start, men.end, Target::Current { body: Some(body) });
            r.end = men.end;
            refs.push(r);
            continue;
        }
        let reunion = p.reunion_of.captures(pre);
        let plural = reunion.as_ref().is_some_and(|c| c.name("pl").is_some());
        let start = reunion
            .as_ref()
            .and_then(|c| c.name("r"))
            .map_or(men.start, |x| s.orig(x.start()));
        // "RCGM Meeting June 7th-9th": the meeting word after the body.
        let after = p
            .meeting_after
            .find(s.hay_after(men.end))
            .map(|m| s.end_of(s.norm_at(men.end) + m.end()));
        let reunion = reunion.map(|_| ()).or(after.map(|_| ()));
        let tail = parse_tail(s, after.unwrap_or(men.end), env);
        if !tail.list.is_empty() {
            for (city, country, date) in &tail.list {
                let mut r = MeetingRef::new(start, tail.end, Target::Dated { body: body.clone() });
                r.date = Some(*date);
                r.city.clone_from(city);
                r.country.clone_from(country);
                refs.push(r);
            }
            continue;
        }
        let series_held = body
            .strip_prefix("organization:")
            .and_then(series::by_key)
            .is_some()
            && p.held_after.is_match(s.hay_after(men.end));
        // The days before the words of holding and the series' name.
        let held_on = s
            .dates
            .iter()
            .rev()
            .find(|d| d.end <= men.start && d.value.is_some())
            .filter(|d| {
                series::by_key(body.strip_prefix("organization:").unwrap_or("")).is_some()
                    && p.held_before.is_match(s.hay_between(d.end, men.start))
            });
        if let Some(d) = held_on.filter(|_| tail.date.is_none() && !plural) {
            let mut r = MeetingRef::new(d.start, men.end, Target::Dated { body });
            r.date = d.value;
            refs.push(with_tail(r, &tail));
            continue;
        }
        let meetingish = reunion.is_some() || hosts_undated || series_held;
        let tail_date = tail
            .date
            .filter(|d| d.precision != Precision::Year || reunion.is_some());
        if meetingish && tail_date.is_some() && !plural {
            let r = MeetingRef::new(start, men.end, Target::Dated { body });
            refs.push(with_tail(r, &tail));
            continue;
        }
        // "la reunión de octubre de esta Red"
        let before = s
            .dates
            .iter()
            .rev()
            .find(|d| d.end <= men.start && d.value.is_some());
        if let Some(d) = before.filter(|d| {
            p.between_date_and_body
                .is_match(s.hay_between(d.end, men.start))
                && p.reunion_before_date.is_match(s.hay_before(d.start))
        }) {
            let rs = p.reunion_before_date.captures(s.hay_before(d.start));
            let start = rs
                .and_then(|c| c.name("r"))
                .map_or(d.start, |x| s.orig(x.start()));
            let mut r = MeetingRef::new(start, men.end, Target::Dated { body });
            r.date = d.value;
            refs.push(with_tail(r, &tail));
            continue;
        }
        if reunion.is_some() && !plural {
            // "Para el 26 de mayo se ha programado una reunión de esta Red"
            let sched = s.dates.iter().rev().find(|d| {
                d.end <= start
                    && d.value.is_some()
                    && p.scheduled_gap.is_match(s.hay_between(d.end, start))
            });
            if let Some(d) = sched {
                let mut r = MeetingRef::new(start, men.end, Target::Dated { body });
                r.date = d.value;
                r.scheduled = true;
                refs.push(r);
                continue;
            }
        }
        if hosts_undated && !plural {
            let strong = reunion.is_some() || p.undated_context.is_match(pre);
            let mut r = MeetingRef::new(start, men.end, Target::Undated { body });
            r.weak = !strong;
            refs.push(r);
        }
    }
    // "su reunión del 28 de octubre 2002": the subject's meeting.
    for (a, b) in s.find(&p.possessive) {
        if overlaps(&refs, a, b) {
            continue;
        }
        let owner = s
            .mentions
            .iter()
            .rev()
            .find(|m| m.end <= a && m.kind == Kind::Organization);
        let Some(owner) = owner else { continue };
        let tail = parse_tail(s, b, env);
        if tail.date.is_some() {
            let r = MeetingRef::new(
                a,
                b,
                Target::Dated {
                    body: owner.id.clone(),
                },
            );
            refs.push(with_tail(r, &tail));
        }
    }
    // "su primera reunión": the numbered meeting of the body named before.
    series_refs::possessive(s, env, &mut refs);
    // "la CSM ...; la primera se celebró en Buenos Aires": the same, its
    // noun understood.
    understood::of_the_series(s, env, &mut refs);
    // "Aprobado en Ciudad de Panamá, Panamá, en la XXIII Reunión".
    placed::place_before(s, env, &mut refs);
    // "the International Conference on ..., held on July 16-17, 2014, in
    // Tegucigalpa": a meeting named in prose, outside any series.
    held::named_held(s, env, &mut refs);
    // "esta reunión", "la actual reunión".
    for (a, b) in s.find(&p.current_bare) {
        if !overlaps(&refs, a, b) {
            refs.push(MeetingRef::new(a, b, Target::Current { body: None }));
        }
    }
    for r in &mut refs {
        let before = s.hay_before(r.start);
        r.destination = p.destination.is_match(before) && !attended(&p.attended, before);
    }
    // A meeting of a series keyed by date with no days of its own: the
    // days before it, where the sentence says they met then.
    let mut dated = s.dates.iter().filter(|d| d.value.is_some());
    let only_date = match (dated.next(), dated.next()) {
        (Some(d), None) => Some(d),
        _ => None,
    };
    for r in refs
        .iter_mut()
        .filter(|r| matches!(r.target, Target::Dated { .. }) && r.date.is_none() && !r.destination)
    {
        if let Some(d) =
            only_date.filter(|d| d.end <= r.start && p.met.is_match(s.hay_between(d.end, r.start)))
        {
            r.date = d.value;
        }
    }
    // "en el año 2000 se celebró la I Conferencia ...", "se celebró en
    // Lima la X Conferencia".
    placed::days_before(s, env, &mut refs);
    placed::held_in_before(s, env, &mut refs);
    refs.sort_by_key(|r| r.start);
    share_coordinated_tails(s, env, &mut refs);
    // "Panamá será la sede de la XXVIII Reunión": its host before it.
    placed::host_before(s, &mut refs, env);
    refs
}

/// "the 4th Senior Official Meeting and the 5th Ministerial Meeting of the
/// Colombo Process which will be held in Colombo ... on 24th and 25th
/// August 2016": two meetings joined by a conjunction share the place and
/// days written after the second, when the first has none of its own,
/// unless the words of holding are in the singular ("la XIX ... y la XX
/// Reunión, celebrada en San José": the XX alone). Both lists are words of
/// the language profiles (`[places] coordinated`, `held_singular`).
fn share_coordinated_tails(s: &Sentence, env: &Env, refs: &mut [MeetingRef]) {
    if refs.len() < 2 {
        return;
    }
    let joins = env.places(|p| &p.coordinated);
    let singulars = env.places(|p| &p.held_singular);
    for i in (1..refs.len()).rev() {
        let (head, rest) = refs.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &rest[0]);
        let joined = a.end <= b.start
            && joins.contains(&s.norm_between(a.end, b.start).trim_matches([' ', ',']));
        // The second reference runs on over its words of holding.
        let singular = || {
            let span = format!(" {} ", s.norm_between(b.start, b.end));
            singulars.iter().any(|w| span.contains(&format!(" {w} ")))
        };
        let bare = a.date.is_none() && a.city.is_none() && a.country.is_none();
        let named = |r: &MeetingRef| {
            !r.weak && !matches!(r.target, Target::Current { .. } | Target::Undated { .. })
        };
        if joined
            && bare
            && named(a)
            && named(b)
            && (b.date.is_some() || b.city.is_some())
            && !singular()
        {
            a.date = b.date;
            a.city.clone_from(&b.city);
            a.country.clone_from(&b.country);
        }
    }
}

/// Whether the words before a meeting say it is attended ([`rules::ATTENDED`]),
/// with no purpose in the place between ([`rules::PURPOSE`]).
fn attended(p: &Pattern, before: crate::ingest::pattern::Hay<'_>) -> bool {
    p.captures(before).is_some_and(|c| {
        c.name("gap").is_none_or(|g| {
            !g.as_str()
                .split_whitespace()
                .any(|w| rules::PURPOSE.contains(&w))
        })
    })
}

/// True when the sentence speaks of the future or of something scheduled:
/// an undated meeting in it is the current one.
pub fn future(s: &Sentence) -> bool {
    static R: OnceLock<Pattern> = OnceLock::new();
    let norm = R.get_or_init(|| compile(rules::FUTURE));
    norm.is_match(s.hay()) || future_ending(&s.text)
}

/// [`future`] in the words of the sentence before `at`, English's too
/// ("Perú será la sede de la VIII Reunión", "Kenya will host the 6th RMCC
/// Meeting"; not "La XX Reunión acordó que la próxima se celebrará en
/// Lima", where the future comes after).
pub fn future_before(s: &Sentence, at: usize) -> bool {
    static R: OnceLock<Pattern> = OnceLock::new();
    let norm = R.get_or_init(|| compile(&format!("{}|{}", rules::FUTURE, rules::FUTURE_EN)));
    norm.is_match(s.hay_before(at)) || future_ending(s.text.get(..at).unwrap_or(""))
}

/// True where [`rules::FUTURE_ORIGINAL`] (`\b\w+r(?:á|án)\b`) matches,
/// without the regex: on accented text its Unicode word boundaries send
/// the regex crate to its slowest engine, once per sentence. A match is a
/// "rá" with a word character before it (the word it ends starts at a
/// boundary) and, after "rá" or "rán", no word character.
fn future_ending(text: &str) -> bool {
    use regex_syntax::is_word_character as word;
    let ends_word = |rest: &str| !rest.chars().next().is_some_and(word);
    text.match_indices("rá").any(|(i, m)| {
        let rest = &text[i + m.len()..];
        text[..i].chars().next_back().is_some_and(word)
            && (ends_word(rest) || rest.strip_prefix('n').is_some_and(ends_word))
    })
}

#[cfg(test)]
mod tests;
