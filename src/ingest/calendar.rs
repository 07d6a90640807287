//! The document's meeting book: every meeting its references name, with a
//! stable id (`meeting:crm-07` from the gazetteer numbering,
//! `meeting:grcm-2002-10` for a body's meeting by month, `meeting:<title
//! slug>-<year>` for a named conference), the most precise date and the
//! place the text gives, and which meeting is "current" (the one the
//! report is presented at: the body's meeting in the month of the report's
//! date) and "previous" (the body's last dated meeting before it). It
//! resolves undated references and writes the meeting nodes.

use super::dates::width;
use super::facts::Facts;
use super::header::Held;
use super::meetings::{MeetingRef, Target};
use crate::model::{DateValue, EdgeKind, Kind, Precision, Provenance, Value};
use crate::reference::{meeting_id, Gazetteer};
use crate::text::slug;
use std::collections::HashMap;

/// One meeting of the document.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Organization the meeting is of.
    pub body: Option<String>,
    pub date: Option<(DateValue, Provenance)>,
    pub city: Option<(String, Provenance)>,
    pub countries: Vec<(String, Provenance)>,
    pub prov: Provenance,
    pub scheduled: bool,
    /// Date taken from the report's own date, not from its text.
    pub synthesized: bool,
}

/// The meeting book of one document.
#[derive(Debug, Default)]
pub struct Calendar {
    pub entries: Vec<Entry>,
    index: HashMap<String, usize>,
    /// Display names of organizations (acronym or name).
    names: HashMap<String, String>,
    /// Full Spanish names of the gazetteer's organizations.
    long: HashMap<String, String>,
    report_date: Option<DateValue>,
    /// The reference calendar's numbered meetings with days: body key
    /// (`crm`), ordinal, acronym, dates.
    numbered: Vec<(String, u32, String, DateValue)>,
    /// The months' names in the document's language, January first,
    /// where its profile prints them (`[places] month_names`; Spanish
    /// otherwise), and the forms of its aliases for a body's meeting of a
    /// month (`[places] month_meeting`: "{body} meeting of {month}").
    months: Option<(Vec<String>, Vec<String>)>,
}

fn key(body: &str) -> String {
    body.strip_prefix("organization:")
        .unwrap_or(body)
        .replace(' ', "-")
}

/// Id of a body's meeting on a date: month precision or finer gives
/// `-YYYY-MM`, a bare year `-YYYY`.
pub fn dated_id(body: &str, d: &DateValue) -> String {
    format!("meeting:{}-{}", key(body), date_suffix(d))
}

/// `YYYY-MM`, or `YYYY` for a bare year. Of no stated year, `MM-DD-no-year`
/// (its first day: meetings of one series in one month of two unknown
/// years are two meetings unless they start on the same day), or
/// `MM-no-year` for a month alone; no numbered meeting's key (`-NN`) ends
/// so.
fn date_suffix(d: &DateValue) -> String {
    if d.start.yearless() {
        return match d.precision {
            Precision::Month => format!("{:02}-no-year", d.start.month),
            _ => format!("{:02}-{:02}-no-year", d.start.month, d.start.day),
        };
    }
    match d.precision {
        Precision::Year => format!("{:04}", d.start.year),
        _ => format!("{:04}-{:02}", d.start.year, d.start.month),
    }
}

/// Id of a named conference.
pub fn named_id(title: &str, d: Option<&DateValue>) -> String {
    let short = title.split(':').next().unwrap_or(title);
    match d.filter(|d| !d.start.yearless()) {
        Some(d) => format!("meeting:{}-{}", slug(short), d.start.year),
        None => format!("meeting:{}", slug(short)),
    }
}

mod names;

impl Calendar {
    /// A calendar that names bodies as the gazetteer (and the report's own
    /// definitions, in `names`) do.
    pub fn new(
        g: &Gazetteer,
        names: HashMap<String, String>,
        report_date: Option<DateValue>,
    ) -> Calendar {
        let mut all: HashMap<String, String> = g
            .organizations
            .iter()
            .map(|o| (o.id(), o.display()))
            .collect();
        all.extend(names);
        let long = g
            .organizations
            .iter()
            .map(|o| (o.id(), o.name_es.clone()))
            .collect();
        let numbered = g
            .meetings
            .iter()
            .filter(|m| m.unverified.is_none())
            .filter_map(|m| {
                let d = m.date()?;
                let days = matches!(d.precision, Precision::Day | Precision::Range);
                let key = crate::reference::series::by_name(&m.body)
                    .map_or_else(|| slug(&m.body), |s| s.key());
                days.then(|| (key, m.ordinal, m.body.clone(), d))
            })
            .collect();
        Calendar {
            names: all,
            long,
            report_date,
            numbered,
            ..Calendar::default()
        }
    }

    fn entry(&mut self, id: &str, make: impl FnOnce() -> Entry) -> &mut Entry {
        let i = match self.index.get(id) {
            Some(&i) => i,
            None => {
                self.index.insert(id.to_string(), self.entries.len());
                self.entries.push(make());
                self.entries.len() - 1
            }
        };
        &mut self.entries[i]
    }

    /// The id of the one meeting named `title` and dated by a year, if
    /// exactly one is known.
    fn dated_named(&self, title: &str) -> Option<String> {
        let base = format!("{}-", named_id(title, None));
        let mut dated = self.entries.iter().filter(|e| {
            e.id.strip_prefix(&base)
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        });
        let first = dated.next()?;
        dated.next().is_none().then(|| first.id.clone())
    }

    /// The numbered meeting of the reference calendar a body held on these
    /// days (days that overlap its own, or the month it was held in), as
    /// its ordinal and the acronym of its series.
    pub(crate) fn numbered_on(&self, body: &str, d: Option<DateValue>) -> Option<(u32, String)> {
        let d = d?;
        let key = key(body);
        let fits = |m: &DateValue| match d.precision {
            Precision::Day | Precision::Range => d.start <= m.end && m.start <= d.end,
            Precision::Month => d.start.year == m.start.year && d.start.month == m.start.month,
            _ => false,
        };
        let mut found = self
            .numbered
            .iter()
            .filter(|(k, _, _, m)| *k == key && fits(m));
        let (_, ordinal, acronym, _) = found.next()?;
        // Two meetings in one month: the month names neither.
        found.next().is_none().then(|| (*ordinal, acronym.clone()))
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// Best date of a meeting: from the text, else from the gazetteer.
    pub fn date(&self, id: &str, g: &Gazetteer) -> Option<DateValue> {
        if let Some((d, _)) = self.get(id).and_then(|e| e.date.as_ref()) {
            return Some(*d);
        }
        g.meetings
            .iter()
            .find(|m| m.id() == id)
            .and_then(|m| m.date())
    }

    /// Record what a reference says about its meeting; numbered, dated and
    /// named references get their id here.
    pub fn register(&mut self, r: &mut MeetingRef, prov: &Provenance) {
        let (id, name, aliases, body) = match &r.target {
            Target::Numbered { body, ordinal } => {
                let (name, aliases) = Gazetteer::meeting_names(body, *ordinal);
                (
                    meeting_id(body, *ordinal),
                    name,
                    aliases,
                    Some(format!(
                        "organization:{}",
                        crate::reference::series::by_name(body)
                            .or_else(|| Some(crate::reference::series::sub_meeting(body)?.0))
                            .map_or_else(|| slug(body), |s| s.key())
                    )),
                )
            }
            // A meeting of a numbered series named by its days is the
            // numbered meeting the reference calendar has on them ("A
            // Regional Conference on Migration was held on 13 and 14 March
            // 1996" is the I CRM).
            Target::Dated { body } if self.numbered_on(body, r.date).is_some() => {
                let Some((ordinal, acronym)) = self.numbered_on(body, r.date) else {
                    return;
                };
                let (name, aliases) = Gazetteer::meeting_names(&acronym, ordinal);
                (
                    meeting_id(&acronym, ordinal),
                    name,
                    aliases,
                    Some(body.clone()),
                )
            }
            Target::Dated { body } => {
                let Some(d) = r.date else { return };
                let (name, aliases) = self.dated_names(body, &d);
                // A sub-meeting's body is its series' ("bali som").
                let of = match crate::reference::series::sub_meeting(body) {
                    Some((series, _)) => format!("organization:{}", series.key()),
                    None => body.clone(),
                };
                (dated_id(body, &d), name, aliases, Some(of))
            }
            Target::Named { title } => {
                let short = title.split(':').next().unwrap_or(title).trim().to_string();
                let mut aliases = vec![title.clone(), short.clone()];
                let words: Vec<&str> = short.split_whitespace().collect();
                if words.len() > 2 && words[1].chars().next().is_some_and(char::is_uppercase) {
                    aliases.push(format!("{} {}", words[0], words[1]));
                }
                // Named again without its days ("invitó al “Foro ...”"
                // after a title block that dates it): the one of the same
                // name already dated, when there is one.
                let id = match r.date.as_ref() {
                    Some(d) => named_id(title, Some(d)),
                    None => self
                        .dated_named(title)
                        .unwrap_or_else(|| named_id(title, None)),
                };
                (id, title.clone(), aliases, None)
            }
            // Never a series' id, whatever the document is called.
            Target::Reported { doc, title } => (
                format!("meeting:reported-in-{}", crate::text::slug(doc)),
                title.clone(),
                Vec::new(),
                None,
            ),
            Target::Current { .. } | Target::Undated { .. } => return,
        };
        r.id = Some(id.clone());
        let scheduled = r.scheduled;
        let e = self.entry(&id, || Entry {
            id: id.clone(),
            name,
            aliases: Vec::new(),
            body,
            date: None,
            city: None,
            countries: Vec::new(),
            prov: prov.clone(),
            scheduled,
            synthesized: false,
        });
        for a in aliases {
            if !e.aliases.contains(&a) {
                e.aliases.push(a);
            }
        }
        e.scheduled &= scheduled;
        if let Some(d) = r.date {
            let better = match &e.date {
                None => true,
                Some((old, _)) => {
                    width(&d) < width(old)
                        || (old.inferred && !d.inferred && width(&d) <= width(old))
                }
            };
            if better {
                e.date = Some((d, prov.clone()));
            } else if let Some((old, _)) = &mut e.date {
                // "del 29 de octubre" (year inferred) and later "en octubre
                // 2002": the stated month and year confirm the day's.
                if old.inferred && !d.inferred && d.start <= old.start && old.end <= d.end {
                    old.inferred = false;
                }
            }
        }
        if let (Some(c), None) = (&r.city, &e.city) {
            e.city = Some((c.clone(), prov.clone()));
        }
        if let Some(c) = &r.country {
            if !e.countries.iter().any(|(x, _)| x == c) {
                e.countries.push((c.clone(), prov.clone()));
            }
        }
    }

    /// The body's meeting in the month of the report's date.
    fn current_of(&self, body: &str) -> Option<&Entry> {
        let rd = self.report_date?;
        self.entries.iter().find(|e| {
            e.body.as_deref() == Some(body)
                && e.date.as_ref().is_some_and(|(d, _)| {
                    d.precision != Precision::Year
                        && (d.start.year, d.start.month) == (rd.end.year, rd.end.month)
                })
        })
    }

    /// The body's last dated meeting before the current one (or the
    /// report's date).
    fn previous_of(&self, body: &str, g: &Gazetteer) -> Option<&Entry> {
        let limit = match self.current_of(body) {
            Some(c) => c.date.as_ref().map(|(d, _)| d.start),
            None => self.report_date.map(|d| d.end),
        }?;
        self.entries
            .iter()
            .filter(|e| e.body.as_deref() == Some(body) && !e.scheduled)
            .filter_map(|e| {
                let d = self.date(&e.id, g)?;
                (d.precision != Precision::Year && d.start < limit).then_some((d.start, e))
            })
            .max_by_key(|(d, _)| *d)
            .map(|(_, e)| e)
    }

    /// Give undated and current references their meeting. `future` says
    /// the sentence speaks of what is to come.
    pub fn resolve(&mut self, r: &mut MeetingRef, future: bool, g: &Gazetteer, prov: &Provenance) {
        if r.id.is_some() {
            return;
        }
        let (body, want_current) = match &r.target {
            Target::Current { body: Some(b) } => (b.clone(), true),
            Target::Current { body: None } => {
                let bodies = &crate::reference::roles().presented_at;
                let any = bodies.iter().find_map(|b| self.current_of(b));
                if let Some(e) = any {
                    r.id = Some(e.id.clone());
                    r.how = Some(format!(
                        "\"esta reunión\" read as the meeting the report is for ({})",
                        e.name
                    ));
                    return;
                }
                // The report's body: the first that holds meetings in it.
                let body = bodies.iter().find(|b| {
                    self.entries
                        .iter()
                        .any(|e| e.body.as_deref() == Some(b.as_str()) && e.date.is_some())
                });
                // A numbered series' meeting is never made from a month.
                let numbered = |b: &str| {
                    let key = b.strip_prefix("organization:").unwrap_or(b);
                    crate::reference::series::by_key(key).is_some_and(|s| !s.by_date)
                };
                match body {
                    Some(b) if !numbered(b) => (b.clone(), true),
                    _ => {
                        r.how = Some(
                            "\"esta reunión\": no meeting in the month of the report's date".into(),
                        );
                        return;
                    }
                }
            }
            Target::Undated { body } => (body.clone(), future),
            _ => return,
        };
        if want_current {
            if let Some(e) = self.current_of(&body) {
                r.id = Some(e.id.clone());
                r.how = Some(format!(
                    "undated reference to the current meeting read as {}",
                    e.name
                ));
                return;
            }
            // The report is for this body's meeting in its own month.
            let Some(rd) = self.report_date else {
                r.how = Some("current meeting not resolved: the report has no date".into());
                return;
            };
            // A record of another body's meeting held on its date ("la
            // próxima reunión del GRCM" in a CRM communiqué): the meeting
            // to come is not this month's.
            let recorded = self.entries.iter().any(|e| {
                e.body.as_deref() != Some(body.as_str())
                    && e.date.as_ref().is_some_and(|(d, _)| {
                        matches!(d.precision, Precision::Day | Precision::Range)
                            && d.start <= rd.end
                            && rd.end <= d.end
                    })
            });
            if recorded {
                r.how = Some(format!(
                    "undated meeting of {} not resolved: the document records another meeting",
                    self.display(&body)
                ));
                return;
            }
            let mut d = DateValue::month(rd.end.year, rd.end.month);
            d.inferred = true;
            let mut synth = MeetingRef {
                target: Target::Dated { body },
                date: Some(d),
                ..r.clone()
            };
            self.register(&mut synth, prov);
            if let Some(id) = synth.id {
                if let Some(&i) = self.index.get(&id) {
                    self.entries[i].synthesized = true;
                }
                r.how = Some(format!(
                    "current meeting dated from the report's date ({id})"
                ));
                r.id = Some(id);
            }
            return;
        }
        match self.previous_of(&body, g) {
            Some(e) => {
                r.how = Some(format!(
                    "undated reference read as the previous meeting ({})",
                    e.name
                ));
                r.id = Some(e.id.clone());
            }
            None => {
                r.how = Some(format!(
                    "undated meeting of {} not resolved",
                    self.display(&body)
                ))
            }
        }
    }

    /// Where and when the document's own meeting was held, from its
    /// opening ([`super::header`]): fills a city the references did not
    /// give, and days where they gave none or only the month that holds
    /// them.
    pub fn held(&mut self, id: &str, held: &Held, prov: &Provenance) {
        let Some(&i) = self.index.get(id) else { return };
        let e = &mut self.entries[i];
        if let (None, Some(c)) = (&e.city, &held.city) {
            e.city = Some((c.clone(), prov.clone()));
        }
        if let Some(c) = &held.country {
            if !e.countries.iter().any(|(x, _)| x == c) && e.countries.is_empty() {
                e.countries.push((c.clone(), prov.clone()));
            }
        }
        let Some(d) = held.date else { return };
        let better = match &e.date {
            None => true,
            // A month that holds the days, or one day of them (a date
            // line gives the last day, the opening all of them).
            Some((old, _)) => {
                let coarser = old.precision != Precision::Day
                    && old.precision != Precision::Range
                    && old.start <= d.start
                    && d.end <= old.end;
                let one_of = old.precision == Precision::Day
                    && d.precision == Precision::Range
                    && d.start <= old.start
                    && old.end <= d.end;
                // Days in the title block are the meeting's, whatever
                // the running text says.
                let heading = held.heading && d.precision == Precision::Range;
                coarser || one_of || heading
            }
        };
        if better {
            e.date = Some((d, prov.clone()));
        }
    }

    /// Write the meeting nodes, their dates, places and bodies.
    pub fn emit(&self, g: &Gazetteer, facts: &mut Facts) {
        for e in &self.entries {
            facts.node(&e.id, Kind::Meeting, &e.name, &e.aliases, &e.prov);
            if let Some((d, p)) = &e.date {
                facts.attr(&e.id, "date", Value::Date(*d), p);
            }
            if let Some((c, p)) = &e.city {
                // A name wrapped across lines ("San\nSalvador") is one name.
                let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
                facts.attr(&e.id, "city", Value::Text(c), p);
            }
            if e.scheduled {
                facts.attr(&e.id, "status", Value::Text("scheduled".into()), &e.prov);
            }
            if e.synthesized {
                facts.attr(
                    &e.id,
                    "note",
                    Value::Text(
                        "date from the report's own date (the meeting it is presented at)".into(),
                    ),
                    &e.prov,
                );
            }
            for (c, p) in &e.countries {
                facts.edge(&e.id, c, EdgeKind::HeldIn, vec![], p);
            }
            let in_reference = g.meetings.iter().any(|m| m.id() == e.id);
            // Only to a body that is a node: a series profile's process
            // (the Colombo Process) need not be an organization anywhere.
            let known =
                |b: &str| facts.get(b).is_some() || g.organizations.iter().any(|o| o.id() == b);
            if let (Some(body), false) = (&e.body, in_reference) {
                if known(body) {
                    facts.edge(&e.id, body, EdgeKind::PartOf, vec![], &e.prov);
                }
            }
        }
    }

    /// Whether no meeting is registered but ones announced for later.
    pub fn none_held(&self) -> bool {
        self.entries.iter().all(|e| e.scheduled)
    }

    /// Names of named conferences, to find later short mentions.
    pub fn named(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.entries
            .iter()
            .filter(|e| e.body.is_none())
            .map(|e| (e.id.as_str(), e.aliases.as_slice()))
    }
}

#[cfg(test)]
mod tests;
