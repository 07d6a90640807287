//! Requests for responses and what came back. A sentence that asks the
//! member countries for something ("instaba a los países miembros a ...",
//! "los países miembros acordaron suministrar ... al 15 de diciembre de
//! 2002", "Se les solicitó a los países miembros que ...") opens a request;
//! a later sentence of the item that counts the answers ("con una
//! excepción, ... queda pendiente", "sólo se ha recibido respuesta de dos
//! países miembros", "no se recibió comunicación alguna", "solo Honduras y
//! Panamá han enviado ...") closes it into a [`Request`]: asked of every
//! CRM member on the request date (less a country that is itself the
//! recipient), with the named and the counted-but-unnamed respondents.
//! Nobody is ever guessed.

use super::agreements::Agreement;
use super::facts::{shorten, text_attr, Facts};
use super::pattern::Pattern;
use super::profile;
use super::profile::{follow_up, follow_up_pattern, Count};
use super::rules::{self, compile};
use super::sentence::Sentence;
use crate::model::{
    DateValue, EdgeKind, Kind, Request, Section, Span, Status, Sym, UnnamedCount, Value, Ymd,
};
use crate::reference::Gazetteer;
use crate::text::normalize;
use std::sync::OnceLock;

struct Patterns {
    requests: Pattern,
    reiteration: Pattern,
    members: Pattern,
    responses: Vec<(Pattern, Count)>,
    responded: Pattern,
    except_named: Pattern,
    same_date: Pattern,
    deadline: Pattern,
    only: Pattern,
    again: Pattern,
    recipient: Pattern,
    this_information: Pattern,
    information: Pattern,
    subject_end: Pattern,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        requests: rules::alternation(follow_up(|f| &f.asked)),
        reiteration: compile(&follow_up_pattern(|f| &f.reiterations, r"\b")),
        members: compile(&follow_up_pattern(|f| &f.members, r"\b")),
        responses: profile::counts()
            .iter()
            .map(|(p, c)| (compile(p), *c))
            .collect(),
        responded: compile(&follow_up_pattern(|f| &f.responded, r"\b")),
        except_named: compile(&follow_up_pattern(|f| &f.except_named, r"\s*$")),
        same_date: compile(&follow_up_pattern(|f| &f.same_date, r"\b")),
        deadline: compile(&follow_up_pattern(|f| &f.deadline_before, r"\s*$")),
        only: compile(&follow_up_pattern(|f| &f.only, r"\b")),
        this_information: compile(&follow_up_pattern(|f| &f.this_information, r"\b")),
        information: compile(&follow_up_pattern(|f| &f.information, "")),
        again: compile(&follow_up_pattern(|f| &f.again, r"\s+(?:\w+\s+){0,3}$")),
        recipient: compile(&follow_up_pattern(|f| &f.recipient, r"\s+$")),
        subject_end: compile(&profile::follow_up_any(|f| &f.subject_end)),
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Addressee {
    Members { except: Vec<String> },
    Countries(Vec<String>),
    Other(String),
}

#[derive(Debug, Clone)]
struct Open {
    subject: String,
    addressee: Addressee,
    requested_on: Option<DateValue>,
    deadline: Option<DateValue>,
    span: Span,
}

/// What the request finder needs from the rest of extraction.
pub struct Context<'a> {
    pub doc: &'a str,
    pub section: &'a Section,
    pub sentences: &'a [Sentence],
    pub gazetteer: &'a Gazetteer,
    /// Meeting dates by id.
    pub meeting_date: &'a dyn Fn(&str) -> Option<DateValue>,
    pub report_date: Option<DateValue>,
    pub country_name: &'a dyn Fn(&str) -> String,
}

fn countries_after(s: &Sentence, from: usize) -> Vec<(String, bool)> {
    s.mentioned("country:")
        .filter(|m| m.start >= from)
        .map(|m| {
            let before = s.norm_before(m.start);
            let to =
                before.ends_with(" a ") || before.ends_with(" al ") || before.ends_with(" a la ");
            (m.id.clone(), to)
        })
        .collect()
}

fn open_request(
    s: &Sentence,
    cue_start: usize,
    cue_end: usize,
    prev: Option<&Sentence>,
    cx: &Context,
    last: Option<&Open>,
    last_deadline: Option<DateValue>,
) -> Open {
    let p = patterns();
    let after = countries_after(s, cue_end);
    let recipients: Vec<String> = after
        .iter()
        .filter(|(_, to)| *to)
        .map(|(c, _)| c.clone())
        .collect();
    let org_right_after = s.mentions.iter().find(|m| {
        m.start >= cue_end
            && m.kind == Kind::Organization
            && s.norm_between(cue_end, m.start).trim().len() <= 6
    });
    let addressee = if p.members.is_match(s.hay_after(cue_start))
        || p.members.is_match(s.hay_before(cue_start))
    {
        Addressee::Members { except: recipients }
    } else if !recipients.is_empty() {
        Addressee::Countries(recipients)
    } else if let Some(o) = org_right_after {
        Addressee::Other(o.id.clone())
    } else if prev.is_some_and(|x| p.members.is_match(x.hay())) {
        Addressee::Members { except: Vec::new() }
    } else {
        Addressee::Other(String::new())
    };
    // When: the meeting or date named nearest the request (not one said
    // to repeat it, "y de nuevo el ..."), else the request before it.
    let mut when: Vec<(usize, usize, Option<DateValue>)> = s
        .meetings
        .iter()
        .filter(|r| !r.destination)
        .filter_map(|r| {
            r.id.as_deref()
                .map(|id| (r.start, r.end, (cx.meeting_date)(id)))
        })
        .collect();
    when.extend(
        s.dates
            .iter()
            .filter(|d| !d.deadline && !s.in_meeting(d.start, d.end))
            .map(|d| (d.start, d.end, d.value)),
    );
    let requested_on = when
        .iter()
        .filter(|(a, _, v)| v.is_some() && !p.again.is_match(s.hay_before(*a)))
        .min_by_key(|(a, b, _)| {
            if *a >= cue_end {
                s.slice(cue_end, *a).split_whitespace().count()
            } else {
                s.slice((*b).min(cue_start), cue_start)
                    .split_whitespace()
                    .count()
            }
        })
        .and_then(|(_, _, v)| *v)
        .or_else(|| last.and_then(|o| o.requested_on));
    let deadline = s
        .dates
        .iter()
        .find(|d| d.deadline && d.start >= cue_start)
        .and_then(|d| d.value)
        .or_else(|| {
            if p.same_date.is_match(s.hay()) {
                last_deadline
            } else {
                None
            }
        });
    let rest = s.slice(cue_start, s.text.len());
    let mut subject = rest.to_string();
    let nrest = s.norm_after(cue_start);
    if let Some(m) = p.subject_end.find(nrest) {
        let cut = s
            .orig(s.norm_at(cue_start) + m.start())
            .saturating_sub(cue_start);
        subject = rest.get(..cut).unwrap_or(rest).to_string();
    }
    if let Some(d) = s.dates.iter().find(|d| d.deadline && d.start > cue_start) {
        // Before the deadline's words ("no later than", "al"), not its date.
        let words = p
            .deadline
            .find(s.hay_before(d.start))
            .map(|m| s.orig(m.start()));
        let cut = words.unwrap_or(d.start).max(cue_start) - cue_start;
        if cut < subject.len() {
            subject = rest.get(..cut).unwrap_or(rest).to_string();
        }
    }
    let mut subject = subject
        .trim()
        .trim_end_matches(['.', ','])
        .trim_end_matches(" al")
        .trim()
        .to_string();
    // "solicitó dicha información": say which, from the sentence before.
    if p.this_information.is_match(&normalize(&subject)) {
        if let Some(m) = prev.and_then(|x| p.information.find(x.hay()).map(|m| (x, m))) {
            let (x, m) = m;
            let what = x.slice(x.orig(m.start()), x.end_of(m.end()));
            subject = format!("{subject} [{}]", what.trim_end_matches('.'));
        }
    }
    let subject = shorten(&subject, 240);
    Open {
        subject,
        addressee,
        requested_on,
        deadline,
        span: s.span,
    }
}

/// Respondents a sentence counts or names, if it speaks of responses.
struct Answer {
    count: Option<(Count, Option<u32>)>,
    named: Vec<String>,
    only: bool,
}

fn answer(s: &Sentence) -> Option<Answer> {
    let p = patterns();
    let count = p.responses.iter().find_map(|(re, c)| {
        re.captures(s.hay())
            .map(|cap| (*c, cap.name("n").and_then(|n| profile::number(n.as_str()))))
    });
    let mut named: Vec<String> = Vec::new();
    let responded = p.responded.is_match(s.hay());
    for m in s.mentioned("country:") {
        let before = s.norm_before(m.start);
        let except = p.except_named.is_match(before);
        let recipient = p.recipient.is_match(before);
        if (except || (responded && !recipient)) && !named.contains(&m.id) {
            named.push(m.id.clone());
        }
    }
    if count.is_none() && named.is_empty() {
        return None;
    }
    Some(Answer {
        count,
        named,
        only: p.only.is_match(s.hay()),
    })
}

fn members_on(cx: &Context, o: &Open) -> Vec<String> {
    let when = o
        .requested_on
        .or(o.deadline)
        .or(cx.report_date)
        .map(|d| d.end);
    cx.gazetteer
        .crm_members_on(when.unwrap_or(Ymd::new(9999, 12, 31)))
}

/// Find the requests of one section. The request's agreement is the
/// section's first agreement; when the section has none, one is made from
/// the request.
pub fn extract(
    cx: &Context,
    agreements: &mut Vec<Agreement>,
    facts: &mut Facts,
    notes: &mut Vec<String>,
    uncertain: &mut Vec<String>,
) {
    let p = patterns();
    let sec_node = crate::model::section_id(cx.doc, &cx.section.id);
    let mut open: Option<Open> = None;
    let mut last: Option<Open> = None;
    let mut last_deadline: Option<DateValue> = None;
    let mut n = 0;
    for (i, s) in cx.sentences.iter().enumerate().filter(|(_, s)| !s.heading) {
        let prev = i
            .checked_sub(1)
            .and_then(|j| cx.sentences.get(j))
            .filter(|x| !x.heading);
        let reiterates = p.reiteration.is_match(s.hay());
        if let Some(m) = p.requests.find(s.hay()) {
            if !reiterates || open.is_none() {
                let (a, b) = (s.orig(m.start()), s.end_of(m.end()));
                let o = open_request(s, a, b, prev, cx, last.as_ref(), last_deadline);
                last_deadline = o.deadline.or(last_deadline);
                open = Some(o);
            }
        }
        let Some(ans) = answer(s) else { continue };
        let Some(o) = open.take() else {
            if ans.count.is_some() {
                uncertain.push(format!(
                    "responses counted with no request before them: {}",
                    shorten(&s.text, 80)
                ));
            }
            continue;
        };
        last = Some(o.clone());
        let requested_from: Vec<String> = match &o.addressee {
            Addressee::Members { except } => members_on(cx, &o)
                .into_iter()
                .filter(|c| !except.contains(c))
                .collect(),
            Addressee::Countries(c) => c.clone(),
            Addressee::Other(who) => {
                notes.push(format!(
                    "request not addressed to countries ({who}): {}",
                    o.subject
                ));
                continue;
            }
        };
        let total = u32::try_from(requested_from.len()).unwrap_or(u32::MAX);
        let named: Vec<String> = ans
            .named
            .iter()
            .filter(|c| requested_from.contains(c))
            .cloned()
            .collect();
        let k = u32::try_from(named.len()).unwrap_or(0);
        let (unnamed, all) = match ans.count {
            Some((Count::All, _)) => (UnnamedCount { min: 0, max: 0 }, true),
            Some((Count::Exactly(x), _)) | Some((Count::Captured, Some(x))) => {
                let u = x.saturating_sub(k);
                (UnnamedCount { min: u, max: u }, false)
            }
            Some((Count::LessThanHalf, _)) => {
                let max = total.saturating_sub(total / 2 + 1).saturating_sub(k);
                (UnnamedCount { min: 0, max }, false)
            }
            Some((Count::Majority, _)) => {
                let min = (total / 2 + 1).saturating_sub(k);
                (
                    UnnamedCount {
                        min,
                        max: total.saturating_sub(k),
                    },
                    false,
                )
            }
            Some((Count::Captured, None)) | None => (UnnamedCount { min: 0, max: 0 }, false),
        };
        let named = if all { requested_from.clone() } else { named };
        let complete = all || u32::try_from(named.len()).unwrap_or(0) + unnamed.min >= total;
        let status = if complete {
            Status::Done
        } else {
            Status::Pending
        };
        if ans.only && !named.is_empty() {
            notes.push(format!(
                "only the named countries responded: {}",
                named.join(", ")
            ));
        }
        // The agreement the request follows up.
        if agreements.is_empty() {
            let id = format!("agreement:{}/{}", cx.doc, cx.section.id);
            let prov = facts.prov(&cx.section.id, o.span);
            let name = if cx.section.heading.is_empty() {
                shorten(&o.subject, 80)
            } else {
                shorten(&cx.section.heading, 120)
            };
            facts.node(
                &id,
                Kind::Agreement,
                &name,
                &[format!("acuerdo {}", cx.section.id)],
                &prov,
            );
            facts.attr(&id, "text", Value::Text(o.subject.clone()), &prov);
            facts.edge(&sec_node, &id, EdgeKind::Mentions, vec![], &prov);
            uncertain.push(format!(
                "{id}: agreement made from a request (no decision phrase found)"
            ));
            agreements.push(Agreement {
                id,
                sentence: i,
                meetings: Vec::new(),
                status: None,
                open_request: false,
            });
        }
        let Some(agreement) = agreements.first_mut() else {
            continue;
        };
        n += 1;
        let id = format!("request:{}/{}#{n}", cx.doc, cx.section.id);
        let ask = facts.prov(&cx.section.id, o.span);
        let told = facts.prov(&cx.section.id, s.span);
        for c in &requested_from {
            facts.edge(
                &agreement.id,
                c,
                EdgeKind::RequestsResponseFrom,
                vec![text_attr("request", &id, &ask)],
                &ask,
            );
        }
        for c in &named {
            facts.edge(
                c,
                &agreement.id,
                EdgeKind::Responded,
                vec![text_attr("request", &id, &told)],
                &told,
            );
        }
        agreement.open_request |= status != Status::Done;
        let addressed_to = match &o.addressee {
            Addressee::Members { except } if except.is_empty() => {
                "member countries of the CRM".to_string()
            }
            Addressee::Members { except } => format!(
                "member countries of the CRM other than {} (the recipient)",
                except
                    .iter()
                    .map(|c| (cx.country_name)(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Addressee::Countries(c) => c
                .iter()
                .map(|c| (cx.country_name)(c))
                .collect::<Vec<_>>()
                .join(", "),
            Addressee::Other(_) => String::new(),
        };
        let mut line = format!(
            "request {} to {} {} ({}): {} named and {} unnamed responded",
            super::agreements::local(&id),
            requested_from.len(),
            if matches!(o.addressee, Addressee::Members { .. }) {
                "members"
            } else {
                "countries"
            },
            shorten(&o.subject, 60),
            named.len(),
            if unnamed.min == unnamed.max {
                unnamed.min.to_string()
            } else {
                format!("{}..{}", unnamed.min, unnamed.max)
            },
        );
        if let Some(d) = o.deadline {
            line.push_str(&format!(", deadline {d}"));
        }
        notes.push(line);
        if o.requested_on.is_none() {
            uncertain.push(format!(
                "{id}: request date not stated; members taken as of the report's date"
            ));
        }
        facts.requests.push(Request {
            id: id.into(),
            agreement: agreement.id.clone().into(),
            subject: o.subject.clone(),
            requested_from: requested_from.iter().map(Sym::from).collect(),
            addressed_to,
            requested_on: o.requested_on,
            deadline: o.deadline,
            responded_named: named.iter().map(Sym::from).collect(),
            responded_unnamed: unnamed,
            status,
            prov: told.into(),
        });
    }
    if let Some(o) = open {
        if !matches!(o.addressee, Addressee::Other(_)) {
            notes.push(format!(
                "request without a stated response: {}",
                shorten(&o.subject, 80)
            ));
        }
    }
}
