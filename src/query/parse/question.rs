//! Questions from pest pairs: which question form matched and the names
//! and dates it holds, as a [`Question`].

use super::build::{first, internal, Builder};
use super::Rule;
use crate::model::DateValue;
use crate::query::ast::*;
use crate::query::error::QueryError;
use pest::iterators::Pair;

/// The question forms that ask one thing about one entity, and what each
/// asks.
const ABOUT: &[(Rule, About)] = &[
    (Rule::q_responded, About::Responded),
    (Rule::q_agreed, About::Agreed),
    (Rule::q_about, About::Agreements),
    (Rule::q_where, About::Place),
    (Rule::q_when, About::Date),
    (Rule::q_recommended, About::Recommended),
    (Rule::q_presided, About::Presided),
    (Rule::q_hosted, About::Hosted),
    (Rule::q_letters, About::Letters),
    (Rule::q_followups, About::FollowUps),
    (Rule::q_asked, About::Tasks),
    (Rule::q_titled, About::Titled),
    (Rule::q_members, About::Members),
    (Rule::q_attended, About::Attended),
    (Rule::q_status, About::Status),
    (Rule::q_proposed, About::Proposals),
    (Rule::q_adopted_at, About::AdoptedAt),
];

/// The other question forms.
const FORMS: &[Rule] = &[
    Rule::q_pro_tempore,
    Rule::q_awaiting,
    Rule::q_not_responded,
    Rule::q_meetings,
    Rule::q_mentioning,
    Rule::q_events,
    Rule::q_path,
    Rule::q_show,
    Rule::q_trace,
];

/// The pairs inside one question form, and where it is.
struct Form<'i> {
    rule: Rule,
    span: Span,
    kids: Vec<Pair<'i, Rule>>,
}

impl Builder<'_> {
    pub(super) fn question(&self, p: Pair<'_, Rule>) -> Result<Question, QueryError> {
        let span = self.span(&p);
        let q = p
            .into_inner()
            .find(|c| FORMS.contains(&c.as_rule()) || ABOUT.iter().any(|(r, _)| *r == c.as_rule()))
            .ok_or_else(|| internal(Rule::question, span))?;
        let f = Form {
            rule: q.as_rule(),
            span: self.span(&q),
            kids: q.into_inner().collect(),
        };
        if let Some((_, about)) = ABOUT.iter().find(|(r, _)| *r == f.rule) {
            // `VII CRM agreements`, `IV.E(1) …`: the entity named first.
            let named = [
                self.refs(&f, Rule::entity_ref)?,
                self.refs(&f, Rule::q_meeting_first)?,
                self.refs(&f, Rule::q_agreement_first)?,
                self.refs(&f, Rule::q_name_first)?,
                self.refs(&f, Rule::q_title_first)?,
            ]
            .concat();
            return Ok(Question::About {
                about: *about,
                entity: one(&f, named)?,
                span: f.span,
            });
        }
        self.form(&f)
    }

    /// A question of one of the [`FORMS`].
    fn form(&self, f: &Form<'_>) -> Result<Question, QueryError> {
        let span = f.span;
        Ok(match f.rule {
            Rule::q_awaiting => self.awaiting(f)?,
            Rule::q_pro_tempore => Question::ProTempore {
                on: self
                    .dates(f)?
                    .into_iter()
                    .next()
                    .ok_or_else(|| internal(f.rule, span))?,
                span,
            },
            Rule::q_not_responded => Question::NotResponded {
                agreement: self.named(f, Rule::q_agreement_first)?,
                span,
            },
            Rule::q_meetings => {
                let place = match self.dates(f)?.into_iter().next() {
                    Some(d) => Place::Date(d),
                    None => Place::Named(one(f, self.refs(f, Rule::entity_ref)?)?),
                };
                Question::Meetings { place, span }
            }
            Rule::q_mentioning => Question::Mentioning {
                target: if f.kids.iter().any(|k| k.as_rule() == Rule::kw_documents) {
                    MentionTarget::Documents
                } else {
                    MentionTarget::Sections
                },
                what: one(f, self.refs(f, Rule::entity_ref)?)?,
                span,
            },
            Rule::q_events => self.events(f)?,
            Rule::q_path => Question::Path {
                from: one(f, self.refs(f, Rule::path_start)?)?,
                to: one(f, self.refs(f, Rule::entity_ref)?)?,
                span,
            },
            Rule::q_trace => Question::Trace {
                agreement: self.named(f, Rule::q_agreement_first)?,
                span,
            },
            _ => Question::Show {
                entity: self.named(f, Rule::q_name_first)?,
                span,
            },
        })
    }

    /// The one entity a form names, written as a name (`entity_ref`) or
    /// in the form's own way of putting it first (`first`).
    fn named(&self, f: &Form<'_>, first: Rule) -> Result<EntityRef, QueryError> {
        one(
            f,
            [self.refs(f, Rule::entity_ref)?, self.refs(f, first)?].concat(),
        )
    }

    /// `events between <date> and <date>`: from the first day of the
    /// first date to the last day of the last (`in October 2002` is both).
    fn events(&self, f: &Form<'_>) -> Result<Question, QueryError> {
        let mut d = self.dates(f)?;
        // `between July and December 2002`: July of 2002.
        let month = f.kids.iter().find(|k| k.as_rule() == Rule::q_month_only);
        if let (Some(m), Some(to)) = (month, d.last()) {
            let from = self.month_before(m, to)?;
            d.insert(0, from);
        }
        match (d.first(), d.last()) {
            (Some(from), Some(to)) => Ok(Question::Events {
                from: day_of(from, from.value.start),
                to: day_of(to, to.value.end),
                span: f.span,
            }),
            _ => Err(internal(f.rule, f.span)),
        }
    }

    /// `agreements from <meeting> awaiting responses [on <date>]`.
    fn awaiting(&self, f: &Form<'_>) -> Result<Question, QueryError> {
        let named = f.kids.iter().find(|k| {
            matches!(
                k.as_rule(),
                Rule::q_from_meeting
                    | Rule::q_meeting_first
                    | Rule::q_debtor
                    | Rule::q_debtor_n
                    | Rule::q_from_debtor
            )
        });
        let owing = named.is_some_and(|k| {
            matches!(
                k.as_rule(),
                Rule::q_debtor | Rule::q_debtor_n | Rule::q_from_debtor
            )
        });
        let meeting = match named {
            // `VII CRM pending agreements`: the meeting named first;
            // `agreements in which Honduras has not responded`.
            Some(m) if matches!(m.as_rule(), Rule::q_meeting_first | Rule::q_debtor_n) => {
                Some(self.entity_ref(m.clone())?)
            }
            Some(m) => Some(self.entity_ref(first(
                self,
                m.clone().into_inner(),
                Rule::entity_ref,
                Rule::q_from_meeting,
            )?)?),
            None => None,
        };
        let on = match f.kids.iter().find(|k| k.as_rule() == Rule::q_on) {
            Some(o) => Some(self.q_date(first(
                self,
                o.clone().into_inner(),
                Rule::q_date,
                Rule::q_on,
            )?)?),
            None => None,
        };
        Ok(Question::Awaiting {
            meeting,
            owing,
            on,
            span: f.span,
        })
    }

    /// The entity references of one rule directly inside a form.
    fn refs(&self, f: &Form<'_>, rule: Rule) -> Result<Vec<EntityRef>, QueryError> {
        f.kids
            .iter()
            .filter(|k| k.as_rule() == rule)
            .map(|k| self.entity_ref(k.clone()))
            .collect()
    }

    /// The dates directly inside a form.
    fn dates(&self, f: &Form<'_>) -> Result<Vec<DateLit>, QueryError> {
        f.kids
            .iter()
            .filter(|k| k.as_rule() == Rule::q_date)
            .map(|k| self.q_date(k.clone()))
            .collect()
    }
}

/// The one entity a form names.
fn one(f: &Form<'_>, v: Vec<EntityRef>) -> Result<EntityRef, QueryError> {
    v.into_iter().next().ok_or_else(|| internal(f.rule, f.span))
}

/// A date literal for one day of `d` (kept at `d`'s place in the text).
fn day_of(d: &DateLit, day: crate::model::Ymd) -> DateLit {
    DateLit {
        value: DateValue::day(day),
        span: d.span,
    }
}
