//! The knowledge base as a whole: a store and the gazetteer, and what a
//! user does with them — ingest reports, open the graph view (the saved
//! one when it is current), ask it questions (building the dated view an
//! `as of` needs, [`views`]), trace an agreement, annotate
//! ([`annotation`]), check, export and import. Also where the database and
//! the bundled data live.

mod annotated;
mod annotation;
mod import;
mod notes;
mod reader;
mod twins;
mod views;

pub(crate) use annotation::annotate_statement;
pub(crate) use notes::note;
pub use notes::take_notes;
pub use reader::{ReadAccess, SavedView};
pub(crate) use views::answer_statement;
pub use views::{answer, Bundles, Views};

use crate::annotate;
use crate::error::Error;
use crate::graph::{KnowledgeGraph, Reference, ViewOptions};
use crate::ingest::{self, IngestReport};
use crate::model::{Annotation, Fact, FactBundle, Kind};
use crate::query::Answer;
use crate::reference::Gazetteer;
use crate::store::{PutOutcome, Store};
use crate::trace::Trace;
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
pub(crate) fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
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

/// File extensions of the formats acta reads (and of old formats it
/// explains how to convert), for `acta ingest DIR`.
const REPORT_EXTENSIONS: [&str; 11] = [
    "txt", "text", "md", "pdf", "docx", "odt", "html", "htm", "xhtml", "doc", "rtf",
];

/// The files `acta ingest` is given, folders expanded: every file under
/// a folder whose extension is a report format, in name order (hidden
/// files and folders, and links to folders, left out); other files of a
/// folder come back as skipped, with the reason. Files named directly are
/// always tried.
pub fn report_files(paths: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, String)>> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        let mut found = Vec::new();
        let mut stack = vec![path.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                found.push(Err((dir, "the folder cannot be read".to_string())));
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let p = entry.path();
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                if hidden {
                    continue;
                }
                if kind.is_dir() {
                    stack.push(p);
                } else {
                    let ext = p
                        .extension()
                        .map(|e| e.to_string_lossy().to_lowercase())
                        .unwrap_or_default();
                    if REPORT_EXTENSIONS.contains(&ext.as_str()) {
                        found.push(Ok(p));
                    } else if !kind.is_symlink() {
                        let why = format!("not a report format acta reads (.{ext})");
                        found.push(Err((p, why)));
                    }
                }
            }
        }
        if found.is_empty() {
            found.push(Err((
                path.clone(),
                "a folder with no report files".to_string(),
            )));
        }
        found.sort_by(|a, b| {
            let key = |r: &Result<PathBuf, (PathBuf, String)>| match r {
                Ok(p) | Err((p, _)) => p.clone(),
            };
            key(a).cmp(&key(b))
        });
        out.extend(found);
    }
    out
}

/// Bundles read ahead of the one a view build merges.
const PREFETCHED: usize = 8;

/// A report read and extracted, not yet stored
/// ([`KnowledgeBase::prepare_file`]).
pub struct Prepared {
    name: String,
    bytes: Vec<u8>,
    bundle: FactBundle,
    report: IngestReport,
    /// How it was read, with its sketch (what tells a second reading of a
    /// stored report), made here rather than where it is stored.
    reading: Option<crate::store::Reading>,
}

/// A report file's bytes: a regular file, within the size acta reads.
pub(crate) fn read_report_file(path: &Path) -> Result<Vec<u8>, Error> {
    use std::io::Read as _;
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(&shown, e))?;
    if meta.is_dir() {
        return Err(Error::NotAFile { path: shown });
    }
    if !meta.is_file() {
        return Err(Error::NotRegular { path: shown });
    }
    let max = ingest::read::MAX_FILE_BYTES;
    let too_large = |size: u64| {
        Error::Ingest(ingest::IngestError::Decode {
            file: shown.clone(),
            source: ingest::read::ReadError::TooLarge { size, max },
        })
    };
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io(&shown, e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An opened knowledge base: the store (one process at a time holds it)
/// and the gazetteer.
pub struct KnowledgeBase {
    store: Store,
    gazetteer: Gazetteer,
}

/// The whole knowledge base as one JSON document: the backup and exchange
/// format (`acta export --format json`, `acta import`).
#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    /// Always `acta-export`.
    pub format: String,
    /// The version of this format.
    pub version: u32,
    /// Every stored document's facts.
    pub documents: Vec<FactBundle>,
    /// Every stored annotation record, oldest first.
    pub annotations: Vec<serde_json::Value>,
}

const EXPORT_FORMAT: &str = "acta-export";
const EXPORT_VERSION: u32 = 1;

impl KnowledgeBase {
    /// Whether `path` holds a knowledge base (a reader opens only one that
    /// does: [`KnowledgeBase::open`] would make one).
    pub fn exists(path: &Path) -> bool {
        Store::exists(path)
    }

    /// Open the knowledge base at `path` (made if it does not exist).
    pub fn open(path: &Path) -> Result<KnowledgeBase, Error> {
        let store = Store::open(path)?;
        let gazetteer = Gazetteer::bundled()?;
        Ok(KnowledgeBase { store, gazetteer })
    }

    /// Open the knowledge base at `path` for a command that only reads:
    /// when its disk is full, a copy of it is read (see
    /// [`Store::open_to_read`]), with a note saying so.
    pub fn open_reading(path: &Path) -> Result<KnowledgeBase, Error> {
        let store = Store::open_to_read(path)?;
        if let Some(copy) = store.read_from_copy() {
            note(format!(
                "the disk holding the knowledge base at {} is full: reading a copy made in {} (nothing can be stored until there is space)",
                path.display(),
                copy.display()
            ));
        }
        let gazetteer = Gazetteer::bundled()?;
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
                .and_then(|b| ingest::file_hash(&b))
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

    /// The store: every document's facts and the annotation records.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The gazetteer the knowledge base resolves names with.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Ingest one report file. Only regular files are read (a FIFO or a
    /// device would block or never end), and only up to
    /// [`ingest::read::MAX_FILE_BYTES`].
    pub fn ingest_file(&self, path: &Path) -> Result<(PutOutcome, IngestReport), Error> {
        self.store_prepared(self.prepare_file(path)?)
    }

    /// Ingest a report given its name and bytes.
    pub fn ingest_bytes(
        &self,
        name: &str,
        bytes: &[u8],
    ) -> Result<(PutOutcome, IngestReport), Error> {
        let (bundle, report) = ingest::prepare(name, bytes, &self.gazetteer)?;
        self.put_reading(name, bytes, bundle, report)
    }

    /// The first half of [`ingest_file`](Self::ingest_file): the report
    /// read and its facts extracted, nothing stored. It reads nothing
    /// stored either, so several files can be prepared at once, on other
    /// threads, while an earlier one is stored.
    pub fn prepare_file(&self, path: &Path) -> Result<Prepared, Error> {
        let bytes = read_report_file(path)?;
        let name = path.display().to_string();
        let (bundle, report) = ingest::prepare(&name, &bytes, &self.gazetteer)?;
        Ok(Prepared {
            reading: twins::reading_of(&bundle),
            name,
            bytes,
            bundle,
            report,
        })
    }

    /// The second half of [`ingest_file`](Self::ingest_file): a prepared
    /// report stored (or told to be a stored one read again).
    pub fn store_prepared(&self, p: Prepared) -> Result<(PutOutcome, IngestReport), Error> {
        self.put_read(&p.name, &p.bytes, p.bundle, p.report, p.reading)
    }

    /// The graph view of everything stored.
    pub fn view(&self) -> Result<KnowledgeGraph, Error> {
        self.view_with(ViewOptions::default())
    }

    /// The graph view of everything stored, or of what was known by a
    /// date. The view of everything is saved after it is built and read
    /// back while nothing it was built from has changed
    /// (`crate::view::snapshot`).
    pub fn view_with(&self, options: ViewOptions) -> Result<KnowledgeGraph, Error> {
        // Ids and provenance parts read from ten thousand bundles repeat
        // millions of times: one allocation each (see `crate::model::sym`).
        let _interning = crate::model::sym::Interning::start();
        let digest = match options.as_of {
            None => Some(self.store.fingerprint()?),
            Some(_) => None,
        };
        let saved = digest.map(|d| snapshot::fingerprint(&d, &self.gazetteer));
        if let Some(kg) = saved.and_then(|f| snapshot::load(self.store.path(), &f)) {
            if let Some(d) = &digest {
                self.note_current(d);
            }
            return Ok(kg);
        }
        // Annotations stored since the view was saved: applied on top of
        // it when they can be (see `annotated.rs`), else a build.
        let annotated = match digest {
            Some(_) => self.saved_view_annotated()?,
            None => None,
        };
        let kg = match annotated {
            Some(kg) => kg,
            None => self.build_view(options)?,
        };
        if let (Some(f), Some(d)) = (saved, &digest) {
            // A cache: when it cannot be written the next open builds again.
            match snapshot::save(self.store.path(), &f, &kg) {
                Ok(()) => self.note_current(d),
                Err(e) => {
                    snapshot::remove(self.store.path());
                    note(format!(
                        "the view of the knowledge base could not be saved in {} ({}): answered all the same; the next command builds it again",
                        self.store.path().display(),
                        e
                    ));
                }
            }
        }
        Ok(kg)
    }

    /// Tell readers in other processes that the saved view is of the
    /// store as it is (`digest`), so they may answer from it.
    fn note_current(&self, digest: &[u8; 32]) {
        let dir = self.store.path();
        if snapshot::built_from(dir).as_ref() != Some(digest) {
            snapshot::note_built_from(dir, digest);
        }
        if crate::store::recorded_digest(dir).as_ref() != Some(digest) {
            self.store.record_digest(digest);
        }
    }

    /// The graph view built from the stored documents and annotations,
    /// whether or not a saved one is current (what a changed knowledge
    /// base costs to open).
    pub fn build_view(&self, options: ViewOptions) -> Result<KnowledgeGraph, Error> {
        let annotations = self.annotations()?;
        // The stored bundles are read and decoded on a second thread, a
        // few ahead, while this one merges them into the view.
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(PREFETCHED);
            scope.spawn(move || {
                // Decoded here, the bundles' ids and provenance parts are
                // interned here (see `view_with`).
                let _interning = crate::model::sym::Interning::start();
                for b in self.store.document_iter() {
                    if tx.send(b).is_err() {
                        break;
                    }
                }
            });
            Ok(view::build_spooled(
                &self.gazetteer,
                rx.into_iter(),
                &annotations,
                options,
                Some(self.store.path()),
            )?)
        })
    }

    /// Answer one query over `view`; a query `as of` a date is answered
    /// over the view of that date, built here.
    pub fn query(&self, view: &KnowledgeGraph, text: &str) -> Result<Answer, Error> {
        answer(view, self, text)
    }

    /// The chronology of an agreement, named as in a query (`IV.A`, its
    /// name, or its id).
    pub fn trace(&self, view: &KnowledgeGraph, agreement: &str) -> Result<Trace, Error> {
        let i = view.resolve(Reference::of(agreement), &[Kind::Agreement])?;
        Ok(Trace::of(view, i))
    }

    /// Make, validate against `view` and store an annotation statement
    /// (`assert Canadá responded to IV.E(1) on 2003-01-20 source "…"`),
    /// by `author` unless the statement names one. Returns its sequence
    /// number and the record stored. The view does not show it until it
    /// is opened again.
    pub fn annotate(
        &self,
        view: &KnowledgeGraph,
        statement: &str,
        author: &str,
    ) -> Result<(u64, Annotation), Error> {
        annotation::annotate_text(self, view, statement, author)
    }

    /// The stored annotations, in the order they were made.
    pub fn annotations(&self) -> Result<Vec<Annotation>, Error> {
        self.store
            .annotations()?
            .into_iter()
            .map(|(seq, bytes)| {
                serde_json::from_slice(&bytes)
                    .map_err(|source| Error::StoredAnnotation { seq, source })
            })
            .collect()
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
            if let Fact::Edge { date, .. } = &mut probe.fact {
                *date = None;
            }
            if let Err(why) = annotate::validate(&bare, &probe) {
                stale.push((a, why.to_string()));
            }
        }
        Ok(stale)
    }

    /// Store an annotation already validated, durably.
    fn store_annotation(&self, annotation: &Annotation) -> Result<u64, Error> {
        Ok(self
            .store
            .add_annotation(&serde_json::to_vec(annotation)?)?)
    }

    /// Every invariant problem found (empty when all is well).
    pub fn check(&self) -> Result<Vec<String>, Error> {
        let mut problems = self.store.check(ingest::content_hash)?;
        let bundles = self.store.documents()?;
        problems.extend(view::check(&self.gazetteer, &bundles));
        drop(bundles);
        problems.extend(self.check_saved_view()?);
        Ok(problems)
    }

    /// The saved view, when it claims to be of the store as it is, must
    /// say what a view built from the store now says: a snapshot altered
    /// (with its checksum recomputed) would otherwise serve wrong answers
    /// while every other check passes.
    fn check_saved_view(&self) -> Result<Option<String>, Error> {
        let digest = self.store.fingerprint()?;
        let saved = {
            let _interning = crate::model::sym::Interning::start();
            snapshot::load(
                self.store.path(),
                &snapshot::fingerprint(&digest, &self.gazetteer),
            )
        };
        let Some(saved) = saved else {
            return Ok(None);
        };
        let built = self.build_view(ViewOptions::default())?;
        Ok((view::content_digest(&saved) != view::content_digest(&built)).then(|| {
            format!(
                "the saved view ({}) says something the store does not: it will be rebuilt when you remove it (`rm {}`)",
                snapshot::FILE,
                self.store.path().join(snapshot::FILE).display()
            )
        }))
    }

    /// The whole knowledge base as JSON (pretty, deterministic).
    pub fn export_json(&self) -> Result<String, Error> {
        let annotations = self
            .store
            .annotations()?
            .into_iter()
            .map(|(seq, bytes)| {
                serde_json::from_slice(&bytes)
                    .map_err(|source| Error::StoredAnnotation { seq, source })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let export = Export {
            format: EXPORT_FORMAT.into(),
            version: EXPORT_VERSION,
            documents: self.store.documents()?,
            annotations,
        };
        Ok(serde_json::to_string_pretty(&export)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A saved view altered behind acta's back (its checksum made right)
    /// serves a wrong city; `check` finds it by comparing it with a view
    /// built from the store.
    #[test]
    fn check_finds_a_saved_view_that_disagrees_with_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let kb = KnowledgeBase::open(&dir.path().join("kb")).unwrap();
        let report = data_dir().join("documents/informe-ppt-mexico-2003.txt");
        kb.ingest_file(&report).unwrap();
        let mut kg = kb.view().unwrap();
        assert_eq!(kb.check().unwrap(), Vec::<String>::new());
        let i = kg.node("meeting:crm-07").unwrap();
        for a in &mut kg.graph[i].attrs {
            if &*a.key == "city" {
                a.value = crate::model::Value::Text("Reikiavik".into());
            }
        }
        let digest = kb.store.fingerprint().unwrap();
        snapshot::save(
            kb.store.path(),
            &snapshot::fingerprint(&digest, &kb.gazetteer),
            &kg,
        )
        .unwrap();
        let problems = kb.check().unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0]
            .contains("the saved view (view.snapshot) says something the store does not"));
    }
}
