//! The query language: questions and patterns in, cited answers out.
//!
//! The stages, one module each: `parse` (`grammar/*.pest` → `ast`),
//! `questions` (controlled-language questions → pattern queries, entity
//! references → nodes), `eval` (patterns over the graph view), `direct`
//! (`show`, `path`, `why`, `trace`), and `answer` (the table, its sources
//! and caveats). [`crate::output`] renders answers.
//!
//! ```
//! use acta::graph::ViewOptions;
//! let kg = acta::view::build(&acta::Gazetteer::bundled().unwrap(), &[], ViewOptions::default());
//! let a = acta::query::run(&kg, "meetings in Guatemala").unwrap();
//! assert_eq!(a.columns, ["meeting", "date", "city"]);
//! assert!(a.rows.iter().any(|r| r[0].text().contains("meeting:crm-07")));
//! ```

mod answer;
pub(crate) mod ast;
mod direct;
mod error;
pub(crate) mod eval;
pub(crate) mod forms;
mod known;
pub(crate) mod parse;
mod pending;
#[cfg(test)]
mod props;
pub(crate) mod questions;
mod why;
mod words;

pub(crate) use words::keywords;

pub use answer::{Answer, Cell, Source};
pub use error::{ErrorKind, Location, QueryError};

use crate::graph::KnowledgeGraph;
use ast::{Body, Statement};
use eval::Ctx;
use questions::Compiled;

/// Parse and answer one query over `kg`. A query `as of` a date is
/// answered only over a view built as of that date (see
/// [`crate::kb::answer`], which builds it).
pub fn run(kg: &KnowledgeGraph, text: &str) -> Result<Answer, QueryError> {
    let statement = parse::parse(text)?;
    run_statement(kg, &statement).map_err(|e| e.locate(text))
}

/// Answer a parsed statement over `view`, which for a statement `as of`
/// a date must be the view as of that date. Errors carry spans into the
/// statement's text but no line and column: call [`QueryError::locate`]
/// with the text.
pub(crate) fn run_statement(view: &KnowledgeGraph, s: &Statement) -> Result<Answer, QueryError> {
    if let Some(d) = &s.as_of {
        if view.options.as_of != Some(d.value.end) {
            return Err(QueryError::new(
                ErrorKind::NoView,
                "`as of` needs the stored documents to rebuild the graph as of that date",
                Some(d.span),
            ));
        }
    }
    let ctx = Ctx::new(view);
    let mut answer = if s.explain {
        explain_answer(&ctx, s)?
    } else {
        match &s.body {
            Body::Pattern(p) => ctx.run_pattern(p)?,
            Body::Why(w) => why::why(&ctx, w)?,
            Body::Question(q) => match questions::compile(&ctx, q)? {
                Compiled::Pattern(p) => {
                    let mut a = ctx.run_pattern(&p)?;
                    if a.rows.is_empty() {
                        if let Some(note) = known::empty_answer_note(&ctx, q) {
                            a.caveat(note);
                        }
                    } else if let Some(note) = known::answer_note(q) {
                        a.caveat(note);
                    }
                    a
                }
                Compiled::Show(i) => direct::show(&ctx, i),
                Compiled::Path(a, b) => direct::path(&ctx, a, b),
                Compiled::Trace(i) => direct::trace(&ctx, i),
                Compiled::PendingOn(m, day) => pending::pending_on(&ctx, m, day),
            },
            Body::Annotate(_) => return Err(QueryError::new(
                ErrorKind::Invalid,
                "an annotation changes the knowledge base: run it in the REPL or with `acta query`",
                Some(s.span),
            )),
        }
    };
    if let Some(d) = &s.as_of {
        answer.caveat(format!(
            "as of {}: only documents dated on or before it, and no meeting or event after it",
            d.value.end
        ));
    }
    Ok(answer)
}

/// Ask the evaluation under way, on any thread, to stop: it fails with
/// "interrupted (Ctrl-C)" soon after (the REPL calls this on Ctrl-C). An
/// interruption asked while nothing runs stops the next evaluation.
pub fn interrupt() {
    eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// What `explain` shows for a statement: the pattern it runs (valid query
/// text), or what it does when it is not a pattern.
pub fn explain(kg: &KnowledgeGraph, text: &str) -> Result<String, QueryError> {
    let mut s = parse::parse(text)?;
    s.explain = true;
    let a = run_statement(kg, &s).map_err(|e| e.locate(text))?;
    Ok(a.text.unwrap_or_default())
}

fn explain_answer(ctx: &Ctx<'_>, s: &Statement) -> Result<Answer, QueryError> {
    let as_of = s
        .as_of
        .as_ref()
        .map(|d| format!(" as of {d}"))
        .unwrap_or_default();
    let text = match &s.body {
        Body::Pattern(p) => format!("{p}{as_of}"),
        Body::Why(w) => format!(
            "{w}{as_of}\n-- not a pattern: explains how the fact was reached, from the requests and edges behind it"
        ),
        Body::Question(q) => match questions::compile(ctx, q)? {
            Compiled::Pattern(p) => format!("{p}{as_of}"),
            Compiled::Show(i) => format!(
                "{q}{as_of}\n-- not a pattern: shows the card of {}",
                ctx.kg.data(i).id
            ),
            Compiled::Path(a, b) => format!(
                "{q}{as_of}\n-- not a pattern: the shortest path from {} to {}, ignoring edge direction and derived edges",
                ctx.kg.data(a).id,
                ctx.kg.data(b).id
            ),
            Compiled::PendingOn(_, day) => format!(
                "{q}{as_of}\n-- not a pattern: each request's countries asked, less those known to have responded by {day}, from every document"
            ),
            Compiled::Trace(i) => format!(
                "{q}{as_of}\n-- not a pattern: the chronology of {} and the agreements linked to it (same_as, evolved_into)",
                ctx.kg.data(i).id
            ),
        },
        Body::Annotate(a) => format!(
            "{a}\n-- not a pattern: stores a {} annotation with author, time, reason and source",
            a.action.as_str()
        ),
    };
    let mut a = Answer::new(&["pattern"]);
    a.push(vec![Cell::Text(text.clone())], vec![]);
    a.text = Some(format!("{text}\n"));
    Ok(a)
}
