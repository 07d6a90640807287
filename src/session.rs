//! A working session over one knowledge base: the graph view (rebuilt after
//! a change), the output settings, and the execution of one statement —
//! a query, a `trace`, an annotation, or a `:meta` command — or of a
//! script of them. The REPL, `acta query` (one query, `-f` scripts, stdin),
//! `:load` and the replay of `data/annotations/` all go through here, so
//! the same text gives the same answer everywhere.

use crate::error::{Error, Usage};
use crate::graph::KnowledgeGraph;
use crate::kb::{self, KnowledgeBase, ReadAccess, Views};
use crate::output::{self, Format, RenderOptions};
use crate::query::ast::{AnnotationStmt, Body};
use crate::query::{parse, ErrorKind, QueryError};
use crate::script::{self, Statement};
use crate::store::StoreError;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What one statement produced: text for stdout, and a notice for the
/// person (stderr in scripts).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The answer, rendered.
    pub stdout: String,
    /// A note for the person: what changed, how long it took.
    pub notice: Option<String>,
    /// The statement asked to end the session (`:quit`).
    pub quit: bool,
    /// The statement changed the knowledge base (an annotation, `:ingest`):
    /// the view answered from is a new one.
    pub changed: bool,
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
    /// Put `text` first among the notices.
    fn add_notice(&mut self, text: String) {
        self.notice = Some(match self.notice.take() {
            Some(n) => format!("{text}\n{n}"),
            None => text,
        });
    }
    fn change(text: impl Into<String>) -> Reply {
        Reply {
            changed: true,
            ..Reply::note(text)
        }
    }
}

/// The `:commands` of a session.
#[derive(Debug, Clone, Copy)]
enum Meta {
    Help,
    Schema,
    Format,
    Sources,
    Timing,
    Pager,
    Explain,
    Load,
    Ingest,
    Quit,
}

/// Each `:command` with the names it answers to; the first is the one
/// completion offers.
const META: [(&[&str], Meta); 10] = [
    (&["help", "h", "?"], Meta::Help),
    (&["schema"], Meta::Schema),
    (&["format"], Meta::Format),
    (&["sources"], Meta::Sources),
    (&["timing"], Meta::Timing),
    (&["pager"], Meta::Pager),
    (&["explain"], Meta::Explain),
    (&["load"], Meta::Load),
    (&["ingest"], Meta::Ingest),
    (&["quit", "q", "exit"], Meta::Quit),
];

/// The `:commands`, as completion offers them.
pub(crate) fn meta_commands() -> impl Iterator<Item = String> {
    META.iter().map(|(names, _)| format!(":{}", names[0]))
}

/// A session.
pub struct Session {
    /// The store; `None` while this session reads a saved view without
    /// it (then `held` says where, and who held the store if anyone did):
    /// it is opened when a statement needs it (`as of`, annotations,
    /// `:ingest`).
    kb: Option<KnowledgeBase>,
    held: Option<(PathBuf, Option<String>)>,
    pub(crate) kg: KnowledgeGraph,
    /// How answers are rendered.
    pub format: Format,
    /// Whether tables list each row's sources.
    pub sources: bool,
    /// Whether each answer says how long it took.
    pub timing: bool,
    /// Width to fit tables to (the terminal's), if any.
    pub width: Option<usize>,
    /// Whether the REPL pages answers taller than the terminal.
    pub pager: bool,
    /// Author of annotations made in this session.
    pub author: String,
    /// The warning that the knowledge base holds no documents was given.
    warned_empty: bool,
    /// Annotations were stored since `kg` was opened: it is opened again
    /// before the next statement that reads it, not after each annotation
    /// (a script of a thousand annotations built the whole view a thousand
    /// times, each with one more annotation: quadratic).
    stale: bool,
}

/// A session's store, opened now if it started from a saved view; the
/// locked error naming the holder when another process has it.
fn open_store<'a>(
    kb: &'a mut Option<KnowledgeBase>,
    held: &mut Option<(PathBuf, Option<String>)>,
) -> Result<&'a KnowledgeBase, Error> {
    if let Some((path, _)) = held.as_ref().filter(|_| kb.is_none()) {
        *kb = Some(KnowledgeBase::open(path)?);
        *held = None;
    }
    kb.as_ref().ok_or_else(no_store)
}

/// A session with neither a store nor a saved view's path: never made by
/// the constructors, worded as a store that cannot be had.
fn no_store() -> Error {
    Error::Store(StoreError::Locked {
        path: PathBuf::new(),
        holder: None,
    })
}

/// Views for `as of` while the session has no store: each opens the
/// store to read for as long as it takes (the locked error when another
/// process holds it; a copy when its disk is full, as for any read).
struct Held(PathBuf);

impl Views for Held {
    fn view_as_of(&self, date: crate::model::Ymd) -> Result<KnowledgeGraph, Error> {
        KnowledgeBase::open_reading(&self.0)?.view_as_of(date)
    }
}

impl Session {
    /// Open a session over a knowledge base (opens the graph view once).
    pub fn new(kb: KnowledgeBase, author: String) -> Result<Session, Error> {
        let kg = kb.view()?;
        Ok(Session::over(Some(kb), None, kg, author))
    }

    /// A session over what a reader may open: the store, or the view
    /// another process saved (then only reading: `as of`, annotations and
    /// `:ingest` get the locked error, naming the holder).
    pub fn reading(access: ReadAccess, author: String) -> Result<Session, Error> {
        match access {
            ReadAccess::Store(kb) => Session::new(kb, author),
            ReadAccess::Saved(saved) => {
                let saved = *saved;
                let held = Some((saved.path, saved.holder));
                Ok(Session::over(None, held, saved.view, author))
            }
        }
    }

    /// A session with the default settings (a table, no sources, no
    /// timing, the terminal's width, the pager on).
    fn over(
        kb: Option<KnowledgeBase>,
        held: Option<(PathBuf, Option<String>)>,
        kg: KnowledgeGraph,
        author: String,
    ) -> Session {
        Session {
            kb,
            held,
            kg,
            format: Format::Table,
            sources: false,
            timing: false,
            width: None,
            pager: true,
            author,
            warned_empty: false,
            stale: false,
        }
    }

    /// Whether this session reads a view another process holds the store
    /// of (a notice for the REPL's banner).
    pub fn read_only(&self) -> Option<String> {
        match &self.held {
            Some((path, Some(holder))) => Some(format!(
                "read-only: {holder} holds the knowledge base at {}",
                path.display()
            )),
            _ => None,
        }
    }

    /// The store (see [`open_store`]).
    fn store(&mut self) -> Result<&KnowledgeBase, Error> {
        open_store(&mut self.kb, &mut self.held)
    }

    /// Open the view again after the knowledge base changed.
    pub(crate) fn reload(&mut self) -> Result<(), Error> {
        self.kg = self.store()?.view()?;
        self.stale = false;
        Ok(())
    }

    /// Open the view again if annotations were stored since it was opened.
    fn fresh(&mut self) -> Result<(), Error> {
        if self.stale {
            self.reload()?;
        }
        Ok(())
    }

    /// A one-line summary of the corpus, for the banner.
    pub fn summary(&self) -> String {
        let stats = self.kg.stats();
        let docs = self.kg.document_count();
        format!(
            "{docs} document{}, {} sections, {} agreements, {} meetings, {} nodes, {} edges",
            if docs == 1 { "" } else { "s" },
            stats.nodes_of(crate::model::Kind::Section),
            stats.nodes_of(crate::model::Kind::Agreement),
            stats.nodes_of(crate::model::Kind::Meeting),
            self.kg.node_count(),
            self.kg.edge_count()
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
        let statement = parse::parse(trimmed)?;
        if let Body::Annotate(a) = &statement.body {
            if !statement.explain {
                return self.annotate(a).map_err(|e| e.locate(trimmed));
            }
        }
        self.fresh()?;
        let held = Held(self.held.clone().unwrap_or_default().0);
        let views: &dyn Views = match &self.kb {
            Some(kb) => kb,
            None => &held,
        };
        let answer =
            kb::answer_statement(&self.kg, views, &statement).map_err(|e| e.locate(trimmed))?;
        let mut reply = Reply::out(output::render(&answer, self.format, self.render_options()));
        if self.timing {
            reply.notice = Some(format!(
                "{} rows in {:.1} ms",
                answer.rows.len(),
                started.elapsed().as_secs_f64() * 1e3
            ));
        }
        // CSV and TSV have no place for caveats ("no document here covers
        // III CRM"): they go to the person, so an empty file is never silent.
        if matches!(self.format, Format::Csv | Format::Tsv) {
            for caveat in answer.caveats.iter().rev() {
                reply.add_notice(format!("note: {caveat}"));
            }
        }
        if let Some(warning) = self.empty_warning() {
            reply.add_notice(warning);
        }
        Ok(reply)
    }

    /// The first answer from a knowledge base with no documents says so
    /// (the rows stay as they are: the gazetteer's facts answer alone).
    fn empty_warning(&mut self) -> Option<String> {
        if self.warned_empty || self.kg.document_count() > 0 {
            return None;
        }
        self.warned_empty = true;
        Some(
            "warning: the knowledge base holds no documents: answers come from the gazetteer \
             alone (acta ingest FILE adds reports)"
                .into(),
        )
    }

    fn meta(&mut self, meta: &str) -> Result<Reply, Error> {
        let (cmd, arg) = meta.split_once(char::is_whitespace).unwrap_or((meta, ""));
        let arg = arg.trim();
        let on_off = |arg: &str, command: &'static str| match arg {
            "on" => Ok(true),
            "off" => Ok(false),
            other => Err(Usage::OnOff {
                command,
                given: other.to_string(),
            }),
        };
        let Some(&(_, command)) = META.iter().find(|(names, _)| names.contains(&cmd)) else {
            return Err(if cmd.is_empty() {
                Usage::NoMetaCommand
            } else {
                Usage::UnknownMetaCommand(cmd.to_string())
            }
            .into());
        };
        match command {
            Meta::Quit => Ok(Reply {
                quit: true,
                ..Reply::default()
            }),
            Meta::Help => Ok(Reply::out(crate::help::topic(arg).map_err(Usage::from)?)),
            Meta::Schema => Ok(Reply::out(output::counts(
                &{
                    self.fresh()?;
                    self.kg.stats()
                },
                "node kinds",
                "edge types",
            ))),
            Meta::Format => {
                if !arg.is_empty() {
                    self.format = arg.parse().map_err(Usage::from)?;
                }
                Ok(Reply::note(format!("format: {}", self.format)))
            }
            Meta::Sources => {
                self.sources = on_off(arg, "sources")?;
                Ok(Reply::note(format!("sources: {arg}")))
            }
            Meta::Timing => {
                self.timing = on_off(arg, "timing")?;
                Ok(Reply::note(format!("timing: {arg}")))
            }
            Meta::Pager => {
                self.pager = on_off(arg, "pager")?;
                Ok(Reply::note(format!("pager: {arg}")))
            }
            Meta::Explain => self.execute(&format!("explain {arg}")),
            Meta::Load => self.load(Path::new(arg)),
            Meta::Ingest => self.ingest(Path::new(arg)),
        }
    }

    /// `:ingest FILE`: add a report, open the view again.
    fn ingest(&mut self, path: &Path) -> Result<Reply, Error> {
        let (outcome, report) = self.store()?.ingest_file(path)?;
        self.reload()?;
        let mut note = format!("{}: {outcome:?} {}", path.display(), report.doc_id).to_lowercase();
        for w in report.warnings {
            note.push_str(&format!("\nwarning: {w}"));
        }
        Ok(Reply::change(note))
    }

    /// Make, validate and store an annotation. The view is opened again
    /// when a statement next reads it (see `stale`); an annotation refused
    /// over a view that lacks the latest ones (a retraction of a fact
    /// asserted just before) is tried again over a fresh view.
    fn annotate(&mut self, a: &AnnotationStmt) -> Result<Reply, Error> {
        let kb = open_store(&mut self.kb, &mut self.held)?;
        let made = match kb::annotate_statement(kb, &self.kg, a, &self.author) {
            Err(Error::Query(_)) if self.stale => {
                self.reload()?;
                let kb = open_store(&mut self.kb, &mut self.held)?;
                kb::annotate_statement(kb, &self.kg, a, &self.author)
            }
            made => made,
        };
        let (seq, annotation) = made?;
        self.stale = true;
        Ok(Reply::change(format!(
            "annotation {seq} stored: {}",
            annotation.to_statement()
        )))
    }

    /// `:load FILE`: run a script file; the first error stops it and names
    /// its line and column in the file.
    fn load(&mut self, path: &Path) -> Result<Reply, Error> {
        let shown = path.display().to_string();
        // Scripts only: an error in another file would print its lines.
        if path.extension().is_none_or(|e| e != "aq") {
            return Err(Usage::NotAScript(shown).into());
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
        let mut all = Reply::default();
        let collect = |r: Reply| {
            all.stdout.push_str(&r.stdout);
            if let Some(n) = r.notice {
                all.notice = Some(all.notice.take().map_or(n.clone(), |a| format!("{a}\n{n}")));
            }
            all.quit |= r.quit;
            all.changed |= r.changed;
            Ok(())
        };
        self.run_script(&text, &shown, false, collect, |_| {})?;
        Ok(all)
    }

    /// Run the `;`-separated statements of a script (`--` comments) named
    /// `name`, handing each reply to `reply`, until one asks to quit. A
    /// failing statement stops the script and is returned, placed at its
    /// line and column in the script; with `keep_going`, it is handed to
    /// `failed` instead, the script goes on, and fails at its end. Returns
    /// how many statements ran.
    pub fn run_script(
        &mut self,
        text: &str,
        name: &str,
        keep_going: bool,
        mut reply: impl FnMut(Reply) -> Result<(), Error>,
        mut failed: impl FnMut(Error),
    ) -> Result<usize, Error> {
        let (mut ran, mut failures) = (0, 0);
        for st in script::statements(text) {
            ran += 1;
            match self.execute(&st.text) {
                Ok(r) => {
                    let quit = r.quit;
                    reply(r)?;
                    if quit {
                        break;
                    }
                }
                Err(e) if keep_going => {
                    failed(in_script(e, name, &st));
                    failures += 1;
                }
                Err(e) => return Err(in_script(e, name, &st)),
            }
        }
        if failures > 0 {
            return Err(Error::ScriptFailed(failures));
        }
        Ok(ran)
    }
}

/// Replay the annotation scripts of a folder (`data/annotations/*.aq`), in
/// file-name order, into a knowledge base. Returns how many statements ran.
///
/// A shared annotation file may hold annotation statements (and comments)
/// only: every file is read and checked before the first statement runs,
/// and a query, a `:command` (`:ingest`, `:load`) or anything else is
/// refused at its line, so that a colleague's file cannot make acta read
/// other files into the knowledge base.
pub fn replay_annotations(kb: KnowledgeBase, dir: &Path) -> Result<(KnowledgeBase, usize), Error> {
    let files = kb::files_in(dir, "aq");
    if files.is_empty() {
        return Ok((kb, 0));
    }
    let mut scripts = Vec::new();
    for f in files {
        let shown = f.display().to_string();
        let text = std::fs::read_to_string(&f).map_err(|e| Error::io(&shown, e))?;
        for st in script::statements(&text) {
            only_annotation(&st.text).map_err(|e| in_script(e, &shown, &st))?;
        }
        scripts.push((shown, text));
    }
    let mut session = Session::new(kb, crate::annotate::default_author(None))?;
    let mut count = 0;
    for (shown, text) in scripts {
        count += session.run_script(&text, &shown, false, |_| Ok(()), |_| {})?;
    }
    session.store()?;
    let kb = session.kb.take().ok_or_else(no_store)?;
    Ok((kb, count))
}

/// An annotation statement, or why a statement of an annotation file is
/// not one.
fn only_annotation(text: &str) -> Result<(), Error> {
    let refuse = |what: &str| {
        let first_word = text.trim_start();
        let start = text.len() - first_word.len();
        let end = start
            + first_word
                .find(char::is_whitespace)
                .unwrap_or(first_word.len());
        Error::Query(
            QueryError::new(
                ErrorKind::Invalid,
                format!("{what} in an annotation file: it may hold assert, retract, confirm and reject statements only"),
                Some(crate::query::ast::Span::new(start, end)),
            )
            .locate(text),
        )
    };
    if text.trim_start().starts_with(':') {
        return Err(refuse("a :command"));
    }
    match parse::parse(text) {
        Ok(s) if matches!(s.body, Body::Annotate(_)) && s.as_of.is_none() => Ok(()),
        Ok(_) => Err(refuse("a query")),
        Err(_) => Err(refuse("a statement acta cannot read")),
    }
}

/// Place an error of one statement in its script: a query error's line
/// and column are counted in the file; the file is named, unless the
/// script is the one query of `acta query '…'` and the error its own.
fn in_script(e: Error, file: &str, st: &Statement) -> Error {
    let e = match e {
        Error::Query(mut q) => {
            if let Some(l) = q.location.as_mut() {
                (l.line, l.col) = st.position_in_file(l.line, l.col);
            }
            if st.line == 1 && st.column == 1 && file == "<query>" {
                return Error::Query(q);
            }
            Error::Query(q)
        }
        other if file == "<query>" => return other,
        other => other,
    };
    Error::InScript {
        file: file.to_string(),
        line: st.line,
        column: st.column,
        source: Box::new(e),
    }
}
