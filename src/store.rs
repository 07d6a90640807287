//! Storage on sled 0.34, behind a narrow interface so the backend stays
//! replaceable. Each document's facts are one [`FactBundle`], written with
//! its content-hash index entry in one atomic batch: after a crash a
//! document is wholly present or wholly absent. Every mutating call flushes
//! before it returns.
//!
//! Three guards around sled's own behaviour (see RELIABILITY.md):
//! - one process at a time: [`Store::open`] takes an exclusive lock on
//!   `acta.lock` in the database directory *before* sled touches any file
//!   (sled writes its `conf` file before taking its own lock);
//! - under that lock, snapshot files left half-written by an interrupted
//!   open (`snap.*.generating`, after a kill or a full disk) are removed:
//!   sled 0.34 would otherwise pick them as the newest snapshot and refuse
//!   the database as corrupt forever. Recovery then starts from the previous
//!   snapshot and the log, as if the interrupted open had never begun;
//! - after a failed write (a full disk, an I/O error) the store refuses
//!   further writes and skips sled's flush-on-drop: sled 0.34 can leave a
//!   log buffer that never completes after a failed blob write, and flushing
//!   it waits forever. Everything acknowledged before was flushed already;
//! - sled's background flusher thread is off. It also cleans old log
//!   segments, rewriting pages, and when such a rewrite fails (a full disk)
//!   the thread logs the error and stops without telling anyone: the store
//!   did not know it had failed, and the flush when the store closed then
//!   waited for ever (an `acta ingest` on a filling disk hung now and then).
//!   Without the thread every write, segment cleaning included, happens in
//!   a call of acta's, whose error poisons the store.

mod bundle;
mod check;
mod copy;
mod import;
pub(crate) mod keys;
mod lock;
mod readers;
mod rounds;
mod twins;

use bundle::{decode_bundle, encode_bundle};
use lock::{lock, remove_interrupted_snapshots};
pub(crate) use readers::recorded_digest;
pub use twins::{OtherReading, Reading};

use crate::model::FactBundle;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{PoisonError, RwLock};

/// The lock file in the database directory, held while a store is open.
pub(crate) const LOCK_FILE: &str = "acta.lock";

/// A storage failure, with what to do about it in the message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the knowledge base at {path} is in use by another acta process{} (close it, or use --db to open another)", .holder.as_ref().map_or(String::new(), |h| format!(" ({h})")))]
    Locked {
        path: PathBuf,
        /// Who holds it, as the holder wrote it: pid and command.
        holder: Option<String>,
    },
    #[error("the knowledge base at {path} has format version {found}, but this acta reads version {expected}: rebuild it from the documents or use a matching acta")]
    UnknownVersion {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("the knowledge base at {path} cannot be opened: {message}")]
    Unreadable { path: PathBuf, message: String },
    #[error("the knowledge base at {path} is damaged ({message}): restore it from an export (`acta import`) into a new directory, or rebuild it from the documents")]
    Damaged { path: PathBuf, message: String },
    #[error("the disk holding the knowledge base at {path} is full: free some space and run the command again (what was stored before is kept)")]
    DiskFull { path: PathBuf },
    #[error("writing to the knowledge base at {path} failed: {message} (what was stored before is kept; `acta check` verifies it)")]
    WriteFailed { path: PathBuf, message: String },
    #[error("an earlier write to the knowledge base at {path} failed in this session, so nothing more is written: run acta again")]
    Poisoned { path: PathBuf },
    #[error("storage error at {path}: {message}")]
    Backend { path: PathBuf, message: String },
    #[error("stored record {key} is corrupt: {message}")]
    Corrupt { key: String, message: String },
}

/// A failed sled call, before the caller words it as a read or a write.
enum Failure {
    Worded(StoreError),
    Io(io::Error),
    Other(String),
}

/// What `put_document` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    /// A new document.
    Added,
    /// The same text was already stored (under this id).
    Unchanged { id: String },
    /// A new version replaced the document's previous facts.
    Replaced,
    /// The same report as the stored document `id`, read from another
    /// file; the stored reading (from a `kept` file) holds more and stays.
    OtherReading { id: String, kept: String },
    /// The same report as the stored document `id`, read from another
    /// file; this reading holds more and took the place of the one read
    /// from `previous`.
    RicherReading { id: String, previous: String },
}

/// Bytes of sled's page cache. sled's default (1 GiB) fills up as a bulk
/// ingest writes and as the graph view reads every document at open, which
/// then decodes them into the view anyway: a small cache keeps a 10,000-report
/// ingest under 400 MiB instead of ~1 GiB, at no measured cost in speed.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// The knowledge base on disk.
pub struct Store {
    /// The sled handle, behind a lock so that reading every document can
    /// close and reopen it between rounds (see `rounds.rs`); `None` only
    /// after such a reopen failed. Boxed: a store is part of every open
    /// knowledge base, which is kept small to move.
    db: Box<RwLock<Option<sled::Db>>>,
    path: PathBuf,
    /// The exclusive lock on [`LOCK_FILE`], released when the store drops
    /// (or the process dies: the kernel releases it, no stale lock remains).
    _lock: File,
    /// Set by a failed write: no more writes, and no flush on drop.
    failed: AtomicBool,
    /// Set by the first write: the recorded digest is gone until a view
    /// of the change is saved or the store closes (see `readers`).
    changed: AtomicBool,
    /// The scratch copy sled runs on when the disk was full (see
    /// [`Store::open_to_read`]); dropped after `db`.
    copy: Option<copy::Scratch>,
}

impl Store {
    /// Whether `path` holds a knowledge base (the files sled writes when
    /// it creates one), without opening or creating anything.
    pub fn exists(path: &Path) -> bool {
        path.join("conf").is_file() || path.join("db").is_file()
    }

    /// Open (or create) the knowledge base at `path`. Another process
    /// holding it open is [`StoreError::Locked`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let lock = lock(path)?;
        remove_interrupted_snapshots(path)?;
        Store::start(path, lock, None)
    }

    /// Open the knowledge base at `path` to read it. When its disk is so
    /// full that sled cannot open it (sled writes on open), open a copy in
    /// the temporary directory instead (see `copy.rs`): reading works,
    /// every write is refused as the full disk it is, and
    /// [`Store::read_from_copy`] says so.
    pub fn open_to_read(path: &Path) -> Result<Store, StoreError> {
        match Store::open(path) {
            Err(full @ StoreError::DiskFull { .. }) => {
                let lock = lock(path)?;
                remove_interrupted_snapshots(path)?;
                match copy::make(path) {
                    Ok(scratch) => Store::start(path, lock, Some(scratch)),
                    Err(_) => Err(full),
                }
            }
            other => other,
        }
    }

    /// Where the copy read in place of a full disk is (see
    /// [`Store::open_to_read`]), if this store is one.
    pub fn read_from_copy(&self) -> Option<&Path> {
        self.copy.as_ref().map(copy::Scratch::dir)
    }

    /// Open sled on `path`, or on its scratch copy, under `lock`.
    fn start(path: &Path, lock: File, copy: Option<copy::Scratch>) -> Result<Store, StoreError> {
        let db = open_sled(path, copy.as_ref())?;
        let store = Store {
            db: Box::new(RwLock::new(Some(db))),
            path: path.to_path_buf(),
            _lock: lock,
            failed: AtomicBool::new(false),
            changed: AtomicBool::new(false),
            copy,
        };
        store.check_version()?;
        Ok(store)
    }

    /// A handle on the sled database (a clone: sled's handles share one
    /// database). Refused only after a failed reopen (see `rounds.rs`).
    fn db(&self) -> Result<sled::Db, StoreError> {
        match &*self.db.read().unwrap_or_else(PoisonError::into_inner) {
            Some(db) => Ok(db.clone()),
            None => Err(StoreError::Backend {
                path: self.path.clone(),
                message: "the database could not be reopened after reading it: run acta again"
                    .into(),
            }),
        }
    }

    /// Refuse to write after a failed write (see the module docs); on
    /// the first write, tell readers the store is changing.
    fn writable(&self) -> Result<(), StoreError> {
        if self.copy.is_some() {
            return Err(StoreError::DiskFull {
                path: self.path.clone(),
            });
        }
        if self.failed.load(Ordering::SeqCst) {
            return Err(StoreError::Poisoned {
                path: self.path.clone(),
            });
        }
        if !self.changed.swap(true, Ordering::SeqCst) {
            readers::forget_digest(&self.path);
        }
        Ok(())
    }

    /// Record that the store's content is `digest` (its
    /// [`Store::fingerprint`], just computed): readers may trust a view
    /// saved of it.
    pub(crate) fn record_digest(&self, digest: &[u8; 32]) {
        if !self.failed.load(Ordering::SeqCst) {
            readers::record_digest(&self.path, digest);
            self.changed.store(false, Ordering::SeqCst);
        }
    }

    /// The result of a sled write. Any failure poisons the store.
    fn written<T>(&self, r: Result<T, sled::Error>) -> Result<T, StoreError> {
        r.map_err(|e| match self.fail(e) {
            Failure::Worded(e) => e,
            Failure::Io(io) => StoreError::WriteFailed {
                path: self.path.clone(),
                message: io_words(&io),
            },
            Failure::Other(message) => StoreError::WriteFailed {
                path: self.path.clone(),
                message,
            },
        })
    }

    /// The result of a sled read. A failed read is poisonous too: sled 0.34
    /// reports an earlier failed background write on the next call, reads
    /// included.
    fn read<T>(&self, r: Result<T, sled::Error>) -> Result<T, StoreError> {
        r.map_err(|e| match self.fail(e) {
            Failure::Worded(e) => e,
            Failure::Io(io) => StoreError::Damaged {
                path: self.path.clone(),
                message: match io.kind() {
                    io::ErrorKind::NotFound => "one of its data files is missing".into(),
                    _ => io_words(&io),
                },
            },
            Failure::Other(message) => StoreError::Backend {
                path: self.path.clone(),
                message,
            },
        })
    }

    /// Poison the store and word what needs no context: a full disk,
    /// corrupted data.
    fn fail(&self, e: sled::Error) -> Failure {
        self.failed.store(true, Ordering::SeqCst);
        match e {
            sled::Error::Io(io) if io.kind() == io::ErrorKind::StorageFull => {
                Failure::Worded(StoreError::DiskFull {
                    path: self.path.clone(),
                })
            }
            sled::Error::Corruption { .. } => Failure::Worded(StoreError::Damaged {
                path: self.path.clone(),
                message: "sled found corrupted data".into(),
            }),
            sled::Error::Io(io) => Failure::Io(io),
            other => Failure::Other(other.to_string()),
        }
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn check_version(&self) -> Result<(), StoreError> {
        match self.read(self.db()?.get(keys::VERSION))? {
            Some(v) => {
                let found = <[u8; 4]>::try_from(v.as_ref()).map_or(u32::MAX, u32::from_be_bytes);
                if !keys::READABLE_VERSIONS.contains(&found) {
                    return Err(StoreError::UnknownVersion {
                        path: self.path.clone(),
                        found,
                        expected: keys::FORMAT_VERSION,
                    });
                }
            }
            None if self.db()?.is_empty() => {
                self.written(
                    self.db()?
                        .insert(keys::VERSION, &keys::FORMAT_VERSION.to_be_bytes()),
                )?;
                self.written(self.db()?.flush())?;
            }
            None => {
                return Err(StoreError::UnknownVersion {
                    path: self.path.clone(),
                    found: 0,
                    expected: keys::FORMAT_VERSION,
                })
            }
        }
        Ok(())
    }

    /// Store a document's facts, atomically. The same text again is a
    /// no-op; a changed text under the same id replaces the old facts.
    pub fn put_document(&self, bundle: &FactBundle) -> Result<PutOutcome, StoreError> {
        self.put_read_document(bundle, None)
    }

    /// [`Store::put_document`], keeping how the document was read and its
    /// text's sketch (see [`Reading`]) in the same batch.
    pub(crate) fn put_read_document(
        &self,
        bundle: &FactBundle,
        reading: Option<&Reading>,
    ) -> Result<PutOutcome, StoreError> {
        self.writable()?;
        if let Some(id) = self.read(self.db()?.get(keys::hash(&bundle.doc.hash)))? {
            return Ok(PutOutcome::Unchanged {
                id: String::from_utf8_lossy(&id).into_owned(),
            });
        }
        if let Some(other) = self.other_reading(&bundle.doc.hash)? {
            return Ok(PutOutcome::Unchanged { id: other.id });
        }
        let mut batch = sled::Batch::default();
        let previous = self.document(&bundle.doc.id)?;
        if let Some(old) = &previous {
            batch.remove(keys::hash(&old.doc.hash));
        }
        self.unindex_reading(&bundle.doc.id, &mut batch)?;
        if let Some(r) = reading {
            Store::index_reading(&bundle.doc.id, r, &mut batch)?;
        }
        let value = encode_bundle(bundle)?;
        batch.insert(keys::doc(&bundle.doc.id), value);
        batch.insert(keys::VERSION, &keys::FORMAT_VERSION.to_be_bytes());
        batch.insert(keys::hash(&bundle.doc.hash), bundle.doc.id.as_bytes());
        self.written(self.db()?.apply_batch(batch))?;
        self.written(self.db()?.flush())?;
        Ok(if previous.is_some() {
            PutOutcome::Replaced
        } else {
            PutOutcome::Added
        })
    }

    /// One document's facts.
    pub fn document(&self, id: &str) -> Result<Option<FactBundle>, StoreError> {
        self.read(self.db()?.get(keys::doc(id)))?
            .map(|v| decode_bundle(id, &v))
            .transpose()
    }

    /// Every document's facts, in id order.
    pub fn documents(&self) -> Result<Vec<FactBundle>, StoreError> {
        // The bundles repeat node ids and provenance parts millions of
        // times: one allocation each (see `crate::model::sym`).
        let _interning = crate::model::sym::Interning::start();
        self.document_iter().collect()
    }

    /// A digest of everything stored that the graph view is built from:
    /// the format, each document's content hash and id, and every
    /// annotation record. Equal digests, equal views (see
    /// [`crate::view::snapshot`]). Reads the small index records only.
    pub(crate) fn fingerprint(&self) -> Result<[u8; 32], StoreError> {
        self.fingerprints(false).map(|(now, _)| now)
    }

    /// [`Store::fingerprint`], and (when `before_each`) the digest the
    /// store had before each of its annotations was added, oldest first:
    /// the `k`th is the fingerprint of the same documents with only the
    /// first `k` annotations (see `kb/annotated.rs`).
    pub(crate) fn fingerprints(
        &self,
        before_each: bool,
    ) -> Result<([u8; 32], Vec<[u8; 32]>), StoreError> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        let mut before = Vec::new();
        // The blob files too: a saved view of a store whose blobs were
        // damaged since is not current (rebuilding it meets the damage).
        h.update(readers::blobs_stamp(&self.path).to_le_bytes());
        for prefix in [keys::VERSION, keys::HASH_PREFIX, keys::ANNOTATION_PREFIX] {
            for kv in self.db()?.scan_prefix(prefix) {
                let (k, v) = self.read(kv)?;
                if before_each && prefix == keys::ANNOTATION_PREFIX {
                    before.push(h.clone().finalize().into());
                }
                for part in [&k[..], &v[..]] {
                    h.update((part.len() as u64).to_le_bytes());
                    h.update(part);
                }
            }
        }
        Ok((h.finalize().into(), before))
    }

    /// Whether a text with this content hash is stored.
    pub(crate) fn has_hash(&self, hex: &str) -> Result<bool, StoreError> {
        Ok(self.read(self.db()?.contains_key(keys::hash(hex)))?
            || self.read(self.db()?.contains_key(keys::other(hex)))?)
    }

    /// Whether any document is stored. Reads one record, unlike
    /// [`Store::document_count`], which reads them all.
    pub(crate) fn has_documents(&self) -> Result<bool, StoreError> {
        let first = self.db()?.scan_prefix(keys::DOC_PREFIX).keys().next();
        Ok(self.read(first.transpose())?.is_some())
    }

    /// Number of stored documents. Reads every document key (sled keeps
    /// no count): O(size of the database). Stops at the first error: on a
    /// damaged store sled's iterator yields the same error again and again,
    /// so counting its items would never end.
    pub fn document_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for k in self.db()?.scan_prefix(keys::DOC_PREFIX).keys() {
            self.read(k)?;
            n += 1;
        }
        Ok(n)
    }

    /// Stored annotation records, in the order they were written.
    pub fn annotations(&self) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        self.db()?
            .scan_prefix(keys::ANNOTATION_PREFIX)
            .map(|kv| {
                let (k, v) = self.read(kv)?;
                let seq = <[u8; 8]>::try_from(keys::suffix(&k, keys::ANNOTATION_PREFIX))
                    .map(u64::from_be_bytes)
                    .map_err(|_| StoreError::Corrupt {
                        key: String::from_utf8_lossy(&k).into_owned(),
                        message: "annotation key is not a sequence number".into(),
                    })?;
                Ok((seq, v.to_vec()))
            })
            .collect()
    }

    /// Append an annotation record, durably. Returns its sequence number.
    pub fn add_annotation(&self, record: &[u8]) -> Result<u64, StoreError> {
        self.writable()?;
        let next = self.next_annotation_seq()?;
        self.written(self.db()?.insert(keys::annotation(next), record))?;
        self.written(self.db()?.flush())?;
        Ok(next)
    }

    /// Make everything written so far durable.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.writable()?;
        self.written(self.db()?.flush())?;
        Ok(())
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // The lock names no holder once it is let go.
        let _ = self._lock.set_len(0);
        if self.changed.load(Ordering::SeqCst) && !self.failed.load(Ordering::SeqCst) {
            if let Ok(digest) = self.fingerprint() {
                readers::record_digest(&self.path, &digest);
            }
        }
        if self.failed.load(Ordering::SeqCst) {
            // sled flushes when its last handle drops, and after a failed
            // write that flush can wait forever. Keep one handle alive so it
            // never runs; the process exits soon after, like a crash, which
            // sled recovers from.
            if let Ok(db) = self.db() {
                std::mem::forget(db);
            }
        }
    }
}

/// An I/O error in words a user acts on.
fn io_words(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        io::ErrorKind::NotADirectory => "a part of the path is a file, not a directory".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::FileTooLarge => {
            "a file would grow past the file-size limit (`ulimit -f`)".into()
        }
        _ => e.to_string(),
    }
}

/// sled opened on `path`, or on its scratch copy, as acta uses it.
fn open_sled(path: &Path, copy: Option<&copy::Scratch>) -> Result<sled::Db, StoreError> {
    sled::Config::new()
        .path(copy.map_or(path, copy::Scratch::dir))
        .cache_capacity(CACHE_BYTES)
        // No background flusher thread: every write is flushed by the
        // call that made it, and a write that fails in that thread is
        // never reported to acta (see the module docs).
        .flush_every_ms(None)
        .open()
        .map_err(|e| open_error(path, e))
}

fn open_error(path: &Path, e: sled::Error) -> StoreError {
    let message = e.to_string();
    if message.contains("could not acquire lock") || message.contains("WouldBlock") {
        return StoreError::Locked {
            path: path.to_path_buf(),
            holder: readers::holder(path),
        };
    }
    let message = match e {
        sled::Error::Io(io) if io.kind() == io::ErrorKind::StorageFull => {
            return StoreError::DiskFull {
                path: path.to_path_buf(),
            }
        }
        sled::Error::Corruption { .. } => {
            return StoreError::Damaged {
                path: path.to_path_buf(),
                message: "sled found corrupted data".into(),
            }
        }
        sled::Error::Io(io) => io_words(&io),
        _ => message,
    };
    StoreError::Unreadable {
        path: path.to_path_buf(),
        message,
    }
}

#[cfg(test)]
mod tests;
