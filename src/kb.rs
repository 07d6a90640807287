//! The knowledge base as a whole: a store, the gazetteer, and the
//! operations the CLI and REPL call (ingest, build the graph view, check,
//! export and import). Also where the database and bundled data live.

use crate::error::Error;
use crate::graph::{KnowledgeGraph, ViewOptions};
use crate::ingest::{self, IngestReport};
use crate::model::Annotation;
use crate::model::{FactBundle, Ymd};
use crate::query::{self, ast::Statement, Answer};
use crate::reference::Gazetteer;
use crate::store::{PutOutcome, Store};
use crate::view::{self, snapshot};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The default database location: `$ACTA_DB`, else `<data dir>/acta/kb`
/// (e.g. `~/.local/share/acta/kb` on Linux), else `./.acta/kb`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("ACTA_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir().map_or_else(|| PathBuf::from(".acta/kb"), |d| d.join("acta").join("kb"))
}

/// The bundled data folder: `$ACTA_DATA`, else the `data/` folder of the
/// source tree acta was built from.
pub fn data_dir() -> PathBuf {
    std::env::var_os("ACTA_DATA")
        .filter(|p| !p.is_empty())
        .map_or_else(
            || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data")),
            PathBuf::from,
        )
}

/// The files of a folder with the given extension, sorted by name.
pub fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// An opened knowledge base.
pub struct KnowledgeBase {
    pub store: Store,
    pub gazetteer: Gazetteer,
}

/// The whole knowledge base as one JSON document: the backup and exchange
/// format (`acta export --format json`, `acta import`).
#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub documents: Vec<FactBundle>,
    pub annotations: Vec<serde_json::Value>,
}

const EXPORT_FORMAT: &str = "acta-export";
const EXPORT_VERSION: u32 = 1;

impl KnowledgeBase {
    /// Open the knowledge base at `path`.
    pub fn open(path: &Path) -> Result<KnowledgeBase, Error> {
        let store = Store::open(path)?;
        let gazetteer = Gazetteer::bundled().map_err(|e| Error::Data(e.to_string()))?;
        Ok(KnowledgeBase { store, gazetteer })
    }

    /// Open the knowledge base at `path` and bring the bundled reports of
    /// `data/documents/` into it: all of them when it is new, and any that
    /// changed (or that a newer acta reads differently) since. Returns the
    /// documents loaded and whether the knowledge base was new.
    pub fn open_or_build(path: &Path) -> Result<(KnowledgeBase, Vec<String>, bool), Error> {
        let kb = KnowledgeBase::open(path)?;
        let fresh = !kb.store.has_documents()? && kb.store.annotations()?.is_empty();
        let mut loaded = Vec::new();
        for f in files_in(&data_dir().join("documents"), "txt") {
            let stored = std::fs::read(&f)
                .ok()
                .and_then(|b| crate::ingest::file_hash(&b))
                .map(|h| kb.store.has_hash(&h))
                .transpose()?
                .unwrap_or(false);
            if stored {
                continue;
            }
            let (outcome, report) = kb.ingest_file(&f)?;
            if !matches!(outcome, PutOutcome::Unchanged { .. }) {
                loaded.push(report.doc_id);
            }
        }
        Ok((kb, loaded, fresh))
    }

    /// Ingest one report file.
    pub fn ingest_file(&self, path: &Path) -> Result<(PutOutcome, IngestReport), Error> {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(Error::File {
                path: shown,
                message: "is a directory, not a report file".into(),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::File {
            path: shown.clone(),
            message: io_message(&e),
        })?;
        self.ingest_bytes(&shown, &bytes)
    }

    /// Ingest a report given its name and bytes.
    pub fn ingest_bytes(
        &self,
        name: &str,
        bytes: &[u8],
    ) -> Result<(PutOutcome, IngestReport), Error> {
        let (bundle, report) = ingest::prepare(name, bytes, &self.gazetteer)?;
        let outcome = self.store.put_document(&bundle)?;
        Ok((outcome, report))
    }

    /// The graph view of everything stored.
    pub fn graph(&self, options: ViewOptions) -> Result<KnowledgeGraph, Error> {
        // Ids and provenance parts read from ten thousand bundles repeat
        // millions of times: one allocation each (see `crate::model::sym`).
        let _interning = crate::model::sym::Interning::start();
        // The view of everything is saved after it is built and read back
        // while nothing it was built from has changed (view::snapshot).
        let saved = match options.as_of {
            None => Some(snapshot::fingerprint(
                &self.store.fingerprint()?,
                &self.gazetteer,
            )),
            Some(_) => None,
        };
        if let Some(kg) = saved.and_then(|f| snapshot::load(self.store.path(), &f)) {
            return Ok(kg);
        }
        let annotations = self.annotations()?;
        let kg = view::build_streaming(
            &self.gazetteer,
            self.store.document_iter(),
            &annotations,
            options,
        )?;
        if let Some(f) = saved {
            // A cache: when it cannot be written the next open builds again.
            if snapshot::save(self.store.path(), &f, &kg).is_err() {
                snapshot::remove(self.store.path());
            }
        }
        Ok(kg)
    }

    /// The stored annotations, in the order they were made.
    pub fn annotations(&self) -> Result<Vec<Annotation>, Error> {
        self.store
            .annotations()?
            .into_iter()
            .map(|(seq, bytes)| {
                serde_json::from_slice(&bytes).map_err(|e| {
                    Error::Data(format!("stored annotation {seq} cannot be read: {e}"))
                })
            })
            .collect()
    }

    /// Validate an annotation against the current view and store it durably.
    pub fn annotate(&self, annotation: &Annotation) -> Result<u64, Error> {
        let view = self.graph(ViewOptions::default())?;
        crate::annotate::validate(&view, annotation).map_err(Error::Data)?;
        self.store_annotation(annotation)
    }

    /// Annotations that no longer match anything (their entities are gone,
    /// or the fact they retract is no longer in any document), with why.
    pub fn stale_annotations(&self) -> Result<Vec<(Annotation, String)>, Error> {
        let bundles = self.store.documents()?;
        let bare = view::build(&self.gazetteer, &bundles, ViewOptions::default());
        let mut stale = Vec::new();
        for a in self.annotations()? {
            let mut probe = a.clone();
            // Judge the fact, not the date: a later ingest cannot move "now".
            if let crate::model::Fact::Edge { date, .. } = &mut probe.fact {
                *date = None;
            }
            if let Err(reason) = crate::annotate::validate(&bare, &probe) {
                stale.push((a, reason));
            }
        }
        Ok(stale)
    }

    /// Store an annotation already validated against the current view.
    pub fn store_annotation(&self, annotation: &Annotation) -> Result<u64, Error> {
        let bytes = serde_json::to_vec(annotation).map_err(|e| Error::Data(e.to_string()))?;
        Ok(self.store.add_annotation(&bytes)?)
    }

    /// Every invariant problem found (empty when all is well).
    pub fn check(&self) -> Result<Vec<String>, Error> {
        let mut problems = self.store.check(ingest::content_hash)?;
        let bundles = self.store.documents()?;
        problems.extend(view::check(&self.gazetteer, &bundles));
        Ok(problems)
    }

    /// The whole knowledge base as JSON (pretty, deterministic).
    pub fn export_json(&self) -> Result<String, Error> {
        let annotations = self
            .store
            .annotations()?
            .into_iter()
            .map(|(seq, bytes)| {
                serde_json::from_slice(&bytes)
                    .map_err(|e| Error::Data(format!("annotation {seq} is not valid JSON: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let export = Export {
            format: EXPORT_FORMAT.into(),
            version: EXPORT_VERSION,
            documents: self.store.documents()?,
            annotations,
        };
        serde_json::to_string_pretty(&export).map_err(|e| Error::Data(e.to_string()))
    }

    /// Load a JSON export into this knowledge base. Each document is written
    /// atomically; the export is fully parsed before anything is written.
    pub fn import_json(&self, name: &str, text: &str) -> Result<(usize, usize), Error> {
        let export: Export = serde_json::from_str(text).map_err(|e| Error::File {
            path: name.to_string(),
            message: format!(
                "not an acta export: {e} (line {}, column {})",
                e.line(),
                e.column()
            ),
        })?;
        if export.format != EXPORT_FORMAT || export.version != EXPORT_VERSION {
            return Err(Error::File {
                path: name.to_string(),
                message: format!(
                    "export format {} version {} is not supported",
                    export.format, export.version
                ),
            });
        }
        for d in &export.documents {
            self.store.put_document(d)?;
        }
        // An annotation already stored before this import (the same export
        // imported twice, or an interrupted import run again) is not stored
        // a second time; the export itself is taken as it is.
        let known: Vec<serde_json::Value> = self
            .store
            .annotations()?
            .into_iter()
            .filter_map(|(_, bytes)| serde_json::from_slice(&bytes).ok())
            .collect();
        for a in &export.annotations {
            if known.contains(a) {
                continue;
            }
            let bytes = serde_json::to_vec(a).map_err(|e| Error::Data(e.to_string()))?;
            self.store.add_annotation(&bytes)?;
        }
        Ok((export.documents.len(), export.annotations.len()))
    }
}

/// A way to build the graph as it was known on a date, for `as of`.
pub trait Views {
    /// The view with only what was known by `date`.
    fn view_as_of(&self, date: Ymd) -> Result<KnowledgeGraph, Error>;
}

impl Views for KnowledgeBase {
    fn view_as_of(&self, date: Ymd) -> Result<KnowledgeGraph, Error> {
        self.graph(ViewOptions { as_of: Some(date) })
    }
}

/// Views built from a gazetteer and document bundles (tests, tools).
pub struct Bundles<'a> {
    pub gazetteer: &'a Gazetteer,
    pub bundles: &'a [FactBundle],
}

impl Views for Bundles<'_> {
    fn view_as_of(&self, date: Ymd) -> Result<KnowledgeGraph, Error> {
        Ok(view::build(
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
pub fn answer_statement(
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

/// An I/O error in words, without Rust's "(os error 2)".
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
