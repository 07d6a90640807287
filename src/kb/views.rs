//! Views of the knowledge base as it was known on a date, for `as of`:
//! the query engine answers over the view it is given, and [`answer`]
//! gives it the dated view a statement asks for.

use crate::error::Error;
use crate::graph::{KnowledgeGraph, ViewOptions};
use crate::model::{FactBundle, Ymd};
use crate::query::{self, ast::Statement, Answer};
use crate::reference::Gazetteer;

use super::KnowledgeBase;

/// A way to build the graph as it was known on a date, for `as of`.
pub trait Views {
    /// The view with only what was known by `date`.
    fn view_as_of(&self, date: Ymd) -> Result<KnowledgeGraph, Error>;
}

impl Views for KnowledgeBase {
    fn view_as_of(&self, date: Ymd) -> Result<KnowledgeGraph, Error> {
        self.view_with(ViewOptions { as_of: Some(date) })
    }
}

/// Views built from a gazetteer and document bundles, without a store.
pub struct Bundles<'a> {
    /// The gazetteer the views resolve names with.
    pub gazetteer: &'a Gazetteer,
    /// Every document's facts.
    pub bundles: &'a [FactBundle],
}

impl Views for Bundles<'_> {
    fn view_as_of(&self, date: Ymd) -> Result<KnowledgeGraph, Error> {
        Ok(crate::view::build(
            self.gazetteer,
            self.bundles,
            ViewOptions { as_of: Some(date) },
        ))
    }
}

/// Parse and answer one query over `kg`, or, for a query `as of` a date,
/// over the view `views` builds as of that date.
pub fn answer(kg: &KnowledgeGraph, views: &dyn Views, text: &str) -> Result<Answer, Error> {
    let statement = query::parse::parse(text)?;
    answer_statement(kg, views, &statement).map_err(|e| e.locate(text))
}

/// [`answer`] for a parsed statement: query errors are not located yet
/// (see [`Error::locate`]).
pub(crate) fn answer_statement(
    kg: &KnowledgeGraph,
    views: &dyn Views,
    statement: &Statement,
) -> Result<Answer, Error> {
    let dated;
    let view = match &statement.as_of {
        None => kg,
        Some(d) => {
            dated = views.view_as_of(d.value.end)?;
            &dated
        }
    };
    Ok(query::run_statement(view, statement)?)
}
