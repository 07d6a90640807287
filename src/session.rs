//! A working session over one knowledge base: the graph view (rebuilt after
//! a change), the output settings, and the execution of one statement —
//! a query, a `trace`, an annotation, or a `:meta` command. The REPL, `acta
//! query` (one query, `-f` scripts, stdin) and `:load` all go through here,
//! so the same text gives the same answer everywhere.

use crate::error::Error;
use crate::graph::{KnowledgeGraph, ViewOptions};
use crate::kb::KnowledgeBase;
use crate::model::{EdgeKind, Kind};
use crate::output::{self, Format, RenderOptions};
use crate::query::{self, QueryError};
use std::path::Path;
use std::time::Instant;

/// What one statement produced: text for stdout, and a notice for the
/// person (stderr in scripts).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reply {
    pub stdout: String,
    pub notice: Option<String>,
    /// The statement asked to end the session (`:quit`).
    pub quit: bool,
}

impl Reply {
    fn out(text: String) -> Reply {
        Reply {
            stdout: text,
            ..Reply::default()
        }
    }
    fn note(text: impl Into<String>) -> Reply {
        Reply {
            notice: Some(text.into()),
            ..Reply::default()
        }
    }
}

/// A session.
pub struct Session {
    pub kb: KnowledgeBase,
    pub kg: KnowledgeGraph,
    pub format: Format,
    pub sources: bool,
    pub timing: bool,
    /// Width to fit tables to (the terminal's), if any.
    pub width: Option<usize>,
    /// Author of annotations made in this session.
    pub author: String,
}

impl Session {
    /// Open a session over a knowledge base (builds the graph view once).
    pub fn new(kb: KnowledgeBase, author: String) -> Result<Session, Error> {
        let kg = kb.graph(ViewOptions::default())?;
        Ok(Session {
            kb,
            kg,
            format: Format::Table,
            sources: false,
            timing: false,
            width: None,
            author,
        })
    }

    /// Rebuild the graph view after the knowledge base changed.
    pub fn reload(&mut self) -> Result<(), Error> {
        self.kg = self.kb.graph(ViewOptions::default())?;
        Ok(())
    }

    /// A one-line summary of the corpus, for the banner.
    pub fn summary(&self) -> String {
        let (nodes, _) = self.kg.stats();
        let count =
            |k: crate::model::Kind| nodes.iter().find(|(x, _)| *x == k).map_or(0, |(_, n)| *n);
        let docs = self.kg.documents.len();
        format!(
            "{docs} document{}, {} sections, {} agreements, {} meetings, {} nodes, {} edges",
            if docs == 1 { "" } else { "s" },
            count(crate::model::Kind::Section),
            count(crate::model::Kind::Agreement),
            count(crate::model::Kind::Meeting),
            self.kg.graph.node_count(),
            self.kg.graph.edge_count()
        )
    }

    fn render_options(&self) -> RenderOptions {
        RenderOptions {
            sources: self.sources,
            width: self.width,
        }
    }

    /// Execute one statement.
    pub fn execute(&mut self, text: &str) -> Result<Reply, Error> {
        let trimmed = text.trim();
        if let Some(meta) = trimmed.strip_prefix(':') {
            return self.meta(meta);
        }
        let started = Instant::now();
        let statement = query::parse::parse(trimmed).map_err(query_error)?;
        if let query::ast::Body::Annotate(a) = &statement.body {
            if !statement.explain {
                return self.annotate(a, trimmed);
            }
        }
        let answer = crate::kb::answer_statement(&self.kg, &self.kb, &statement)
            .map_err(|e| e.locate(trimmed))?;
        let mut reply = Reply::out(output::render(&answer, self.format, self.render_options()));
        if self.timing {
            reply.notice = Some(format!(
                "{} rows in {:.1} ms",
                answer.rows.len(),
                started.elapsed().as_secs_f64() * 1e3
            ));
        }
        Ok(reply)
    }

    fn meta(&mut self, meta: &str) -> Result<Reply, Error> {
        let (cmd, arg) = meta.split_once(char::is_whitespace).unwrap_or((meta, ""));
        let arg = arg.trim();
        let on_off = |arg: &str, name: &str| match arg {
            "on" => Ok(true),
            "off" => Ok(false),
            other => Err(Error::Usage(format!(
                ":{name} takes on or off, not `{other}`"
            ))),
        };
        match cmd {
            "q" | "quit" | "exit" => Ok(Reply {
                quit: true,
                ..Reply::default()
            }),
            "help" | "h" | "?" => Ok(Reply::out(crate::help::topic(arg).map_err(Error::Usage)?)),
            "schema" => Ok(Reply::out(self.schema())),
            "format" => {
                if arg.is_empty() {
                    return Ok(Reply::note(format!("format: {}", self.format)));
                }
                self.format = arg.parse().map_err(Error::Usage)?;
                Ok(Reply::note(format!("format: {}", self.format)))
            }
            "sources" => {
                self.sources = on_off(arg, "sources")?;
                Ok(Reply::note(format!("sources: {arg}")))
            }
            "timing" => {
                self.timing = on_off(arg, "timing")?;
                Ok(Reply::note(format!("timing: {arg}")))
            }
            "explain" => self.execute(&format!("explain {arg}")),
            "load" => self.load(Path::new(arg)),
            "ingest" => {
                let (outcome, report) = self.kb.ingest_file(Path::new(arg))?;
                self.reload()?;
                let mut note = format!("{arg}: {outcome:?} {}", report.doc_id).to_lowercase();
                for w in report.warnings {
                    note.push_str(&format!("\nwarning: {w}"));
                }
                Ok(Reply::note(note))
            }
            "" => Err(Error::Usage(
                "a meta command follows the colon: try :help".into(),
            )),
            other => Err(Error::Usage(format!(
                "unknown command :{other} (try :help)"
            ))),
        }
    }

    /// Resolve, validate and store an annotation, then rebuild the view.
    fn annotate(&mut self, a: &query::ast::AnnotationStmt, text: &str) -> Result<Reply, Error> {
        use crate::model::{Annotation, Fact};
        use query::ast::AnnFact;
        let located = |e: QueryError| query_error(e.locate(text));
        let ctx = query::eval::Ctx::new(&self.kg);
        // Prefer the kinds an edge joins (IV.E(1) is the agreement, not the
        // section, in `responded to IV.E(1)`), else any entity of that name.
        let id = |r: &query::ast::EntityRef, want: &[Kind]| -> Result<String, Error> {
            let i = query::questions::resolve(&ctx, r, want)
                .or_else(|_| query::questions::resolve(&ctx, r, &[]))
                .map_err(located)?;
            Ok(self.kg.data(i).id.to_string())
        };
        let (fact, fact_span, date_span) = match &a.fact {
            AnnFact::Edge {
                from,
                edge,
                to,
                date,
                span,
            } => (
                Fact::Edge {
                    from: id(from, edge_ends(*edge).0)?,
                    kind: *edge,
                    to: id(to, edge_ends(*edge).1)?,
                    date: date.as_ref().map(|d| d.value),
                },
                *span,
                date.as_ref().map(|d| d.span),
            ),
            AnnFact::Attr {
                node,
                key,
                value,
                span,
            } => (
                Fact::Attr {
                    node: id(node, &[])?,
                    key: key.clone(),
                    value: value.clone(),
                },
                *span,
                None,
            ),
        };
        let annotation = Annotation {
            action: a.action,
            fact,
            author: a.by.clone().unwrap_or_else(|| self.author.clone()),
            at: a.at.clone().unwrap_or_else(crate::annotate::now_utc),
            reason: a.reason.clone().unwrap_or_default(),
            source: a.source.clone().unwrap_or_default(),
        };
        if let Err(reason) = crate::annotate::validate(&self.kg, &annotation) {
            let span = if reason.contains("date") {
                date_span.unwrap_or(fact_span)
            } else {
                fact_span
            };
            let e = QueryError::new(query::ErrorKind::Invalid, reason, Some(span));
            return Err(located(e));
        }
        let seq = self.kb.store_annotation(&annotation)?;
        self.reload()?;
        Ok(Reply::note(format!(
            "annotation {seq} stored: {}",
            annotation.to_statement()
        )))
    }

    /// Run a script file statement by statement; the first error stops it
    /// and names its line and column in the file.
    pub fn load(&mut self, path: &Path) -> Result<Reply, Error> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::File {
            path: shown.clone(),
            message: crate::kb::io_message(&e),
        })?;
        let mut all = Reply::default();
        for st in crate::script::statements(&text) {
            let r = self
                .execute(&st.text)
                .map_err(|e| at_statement(e, &shown, &st))?;
            all.stdout.push_str(&r.stdout);
            if let Some(n) = r.notice {
                all.notice = Some(all.notice.map_or(n.clone(), |a| format!("{a}\n{n}")));
            }
            if r.quit {
                all.quit = true;
                break;
            }
        }
        Ok(all)
    }

    /// Kinds and edge types with their counts.
    pub fn schema(&self) -> String {
        let (nodes, edges) = self.kg.stats();
        let mut s = String::from("node kinds:\n");
        for (k, n) in nodes {
            s.push_str(&format!("  {:<14}{n:>7}\n", k.as_str()));
        }
        s.push_str("edge types:\n");
        for (k, n) in edges {
            s.push_str(&format!("  {:<24}{n:>7}\n", k.as_str()));
        }
        s
    }
}

/// Replay the annotation scripts of a folder (`data/annotations/*.aq`), in
/// file-name order, into a knowledge base. Returns how many statements ran.
pub fn replay_annotations(kb: KnowledgeBase, dir: &Path) -> Result<(KnowledgeBase, usize), Error> {
    let files = crate::kb::files_in(dir, "aq");
    if files.is_empty() {
        return Ok((kb, 0));
    }
    let mut session = Session::new(kb, crate::annotate::default_author(None))?;
    let mut count = 0;
    for f in files {
        let shown = f.display().to_string();
        let text = std::fs::read_to_string(&f).map_err(|e| Error::File {
            path: shown.clone(),
            message: crate::kb::io_message(&e),
        })?;
        for st in crate::script::statements(&text) {
            session
                .execute(&st.text)
                .map_err(|e| at_statement(e, &shown, &st))?;
            count += 1;
        }
    }
    Ok((session.kb, count))
}

/// The kinds an edge usually joins, for resolving annotation statements.
fn edge_ends(kind: EdgeKind) -> (&'static [Kind], &'static [Kind]) {
    use EdgeKind as E;
    const A: &[Kind] = &[Kind::Agreement];
    const M: &[Kind] = &[Kind::Meeting];
    const C: &[Kind] = &[Kind::Country];
    const ANY: &[Kind] = &[];
    match kind {
        E::Responded => (C, A),
        E::AdoptedAt | E::ReaffirmedAt | E::RecommendedAt => (A, M),
        E::RequestsResponseFrom | E::Awaits => (A, C),
        E::SameAs | E::EvolvedInto => (A, A),
        E::FollowsUp => (&[Kind::Event], A),
        E::ProposedBy => (A, ANY),
        E::HeldIn => (M, C),
        _ => (ANY, ANY),
    }
}

/// A query error as the program's error (exit code 1), with the caret
/// picture of where it happened.
pub fn query_error(e: QueryError) -> Error {
    Error::Query(e)
}

/// Re-anchor an error of one statement to its place in a script file: the
/// line and column are counted in the file, and the file is named.
pub fn at_statement(e: Error, file: &str, st: &crate::script::Statement) -> Error {
    match e {
        Error::Query(mut q) => {
            if let Some(l) = q.location.as_mut() {
                let (line, col) = st.position_in_file(l.line, l.col);
                l.line = line;
                l.col = col;
            }
            if st.line == 1 && st.column == 1 && file == "<query>" {
                return Error::Query(q);
            }
            Error::Data(format!("{file}: {q}"))
        }
        other if file == "<query>" => other,
        other => Error::Data(format!("{file}:{}:{}: {other}", st.line, st.column)),
    }
}
