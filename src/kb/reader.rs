//! Readers never wait: a process that only reads answers from the saved
//! view ([`crate::view::snapshot`]) without opening the store when that
//! view is current; else it opens the store when it is free, and otherwise
//! answers from the view that the process holding it last saved. Whether
//! that view is current is known from the digests both sides record (see
//! `crate::store` `readers.rs`); when it may not be, the reader says so.
//! Only writers (ingest, annotations, import) must wait for the lock.

use super::KnowledgeBase;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::reference::Gazetteer;
use crate::store::StoreError;
use crate::view::snapshot;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The view another acta process saved, read without the store's lock.
pub struct SavedView {
    /// Where the knowledge base is.
    pub path: PathBuf,
    /// The view as last saved.
    pub view: KnowledgeGraph,
    /// Whether it is of the store as it is now (false: the holder has
    /// changed the store since, or is changing it).
    pub current: bool,
    /// Who held the store when it was read, as the holder wrote it (pid
    /// and command); `None` when nobody did.
    pub holder: Option<String>,
}

impl SavedView {
    /// The error a reader gets for what needs the store itself (`as of`
    /// views, annotations, ingest): the store is held by another process.
    pub fn locked(&self) -> Error {
        Error::Store(StoreError::Locked {
            path: self.path.clone(),
            holder: self.holder.clone(),
        })
    }

    /// What a reader should be told when the view may be out of date.
    pub fn staleness(&self) -> Option<String> {
        (!self.current).then(|| {
            format!(
                "{} is changing the knowledge base at {}: answering from the view it last saved, which may not show its latest changes",
                self.holder.as_deref().unwrap_or("another acta process"),
                self.path.display()
            )
        })
    }
}

/// A knowledge base opened by a process that only reads.
pub enum ReadAccess {
    /// The store was free: everything a reader may do.
    Store(KnowledgeBase),
    /// A saved view, read without the store.
    Saved(Box<SavedView>),
}

impl ReadAccess {
    /// The graph view to answer from.
    pub fn view(&self) -> Result<Cow<'_, KnowledgeGraph>, Error> {
        match self {
            ReadAccess::Store(kb) => kb.view().map(Cow::Owned),
            ReadAccess::Saved(saved) => Ok(Cow::Borrowed(&saved.view)),
        }
    }

    /// The view as of `date`, which needs the store: opened now when
    /// this access read a saved view (the locked error, naming the
    /// holder, when another process has it).
    pub fn view_as_of(&self, date: crate::model::Ymd) -> Result<KnowledgeGraph, Error> {
        use super::Views;
        match self {
            ReadAccess::Store(kb) => kb.view_as_of(date),
            ReadAccess::Saved(saved) => KnowledgeBase::open_reading(&saved.path)?.view_as_of(date),
        }
    }
}

impl KnowledgeBase {
    /// What a reader gets when `open` says the store is locked: the view
    /// saved in `path` by the holder, if it saved one this build of acta
    /// reads; otherwise the locked error again.
    pub fn saved_view(path: &Path, holder: Option<String>) -> Result<SavedView, Error> {
        let locked = || {
            Error::Store(StoreError::Locked {
                path: path.to_path_buf(),
                holder: holder.clone(),
            })
        };
        let gazetteer = Gazetteer::bundled()?;
        let _interning = crate::model::sym::Interning::start();
        // The holder renames a new snapshot into place and then records
        // what it was built from: between the two, the pair disagrees for
        // a moment (longer on a loaded machine: a full test run beside a
        // build made half a second too short). Read them again rather
        // than fail, for up to five seconds.
        let mut tries = 0;
        let (view, built_from) = loop {
            let saved = snapshot::built_from(path).and_then(|d| {
                snapshot::load(path, &snapshot::fingerprint(&d, &gazetteer)).map(|v| (v, d))
            });
            match saved {
                Some(found) => break found,
                None if tries < 200 && snapshot::exists(path) => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                None => return Err(locked()),
            }
        };
        let current = crate::store::recorded_digest(path) == Some(built_from);
        Ok(SavedView {
            path: path.to_path_buf(),
            view,
            current,
            holder,
        })
    }

    /// The view saved in `path` when it is of the store as it is now:
    /// read without opening the store or taking its lock, so that readers
    /// neither wait for a writer nor make one wait.
    pub fn current_saved_view(path: &Path) -> Option<SavedView> {
        let built_from = snapshot::built_from(path)?;
        if crate::store::recorded_digest(path)? != built_from {
            return None;
        }
        let gazetteer = Gazetteer::bundled().ok()?;
        let _interning = crate::model::sym::Interning::start();
        let view = snapshot::load(path, &snapshot::fingerprint(&built_from, &gazetteer))?;
        Some(SavedView {
            path: path.to_path_buf(),
            view,
            current: true,
            holder: None,
        })
    }

    /// Open `path` for reading: its current saved view, else the store
    /// when it is free, else the view last saved (see
    /// [`KnowledgeBase::saved_view`]).
    pub fn open_to_read(path: &Path) -> Result<ReadAccess, Error> {
        if let Some(saved) = KnowledgeBase::current_saved_view(path) {
            return Ok(ReadAccess::Saved(Box::new(saved)));
        }
        match KnowledgeBase::open_reading(path) {
            Ok(kb) => Ok(ReadAccess::Store(kb)),
            Err(Error::Store(StoreError::Locked { path, holder })) => {
                KnowledgeBase::saved_view(&path, holder).map(|s| ReadAccess::Saved(Box::new(s)))
            }
            Err(e) => Err(e),
        }
    }
}
