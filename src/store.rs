//! Storage on sled 0.34, behind a narrow interface so the backend stays
//! replaceable. Each document's facts are one [`FactBundle`], written with
//! its content-hash index entry in one atomic batch: after a crash a
//! document is wholly present or wholly absent. Every mutating call flushes
//! before it returns.

pub mod keys;

use crate::model::FactBundle;
use std::path::{Path, PathBuf};

/// A storage failure, with what to do about it in the message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the knowledge base at {path} is in use by another acta process (close it, or use --db to open another)")]
    Locked { path: PathBuf },
    #[error("the knowledge base at {path} has format version {found}, but this acta reads version {expected}: rebuild it from the documents or use a matching acta")]
    UnknownVersion {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("the knowledge base at {path} cannot be opened: {message}")]
    Unreadable { path: PathBuf, message: String },
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    #[error("stored record {key} is corrupt: {message}")]
    Corrupt { key: String, message: String },
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
}

/// Bytes of sled's page cache. sled's default (1 GiB) fills up as a bulk
/// ingest writes and as the graph view reads every document at open, which
/// then decodes them into the view anyway: a small cache keeps a 10,000-report
/// ingest under 400 MiB instead of ~1 GiB, at no measured cost in speed.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// The knowledge base on disk.
pub struct Store {
    db: sled::Db,
    path: PathBuf,
}

impl Store {
    /// Open (or create) the knowledge base at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(|e| open_error(path, e))?;
        let store = Store {
            db,
            path: path.to_path_buf(),
        };
        store.check_version()?;
        Ok(store)
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn check_version(&self) -> Result<(), StoreError> {
        match self.db.get(keys::VERSION)? {
            Some(v) => {
                let found = <[u8; 4]>::try_from(v.as_ref()).map_or(u32::MAX, u32::from_be_bytes);
                if found != keys::FORMAT_VERSION {
                    return Err(StoreError::UnknownVersion {
                        path: self.path.clone(),
                        found,
                        expected: keys::FORMAT_VERSION,
                    });
                }
            }
            None if self.db.is_empty() => {
                self.db
                    .insert(keys::VERSION, &keys::FORMAT_VERSION.to_be_bytes())?;
                self.db.flush()?;
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
        if let Some(id) = self.db.get(keys::hash(&bundle.doc.hash))? {
            return Ok(PutOutcome::Unchanged {
                id: String::from_utf8_lossy(&id).into_owned(),
            });
        }
        let mut batch = sled::Batch::default();
        let previous = self.document(&bundle.doc.id)?;
        if let Some(old) = &previous {
            batch.remove(keys::hash(&old.doc.hash));
        }
        let value = bincode::serialize(bundle).map_err(|e| StoreError::Corrupt {
            key: bundle.doc.id.clone(),
            message: e.to_string(),
        })?;
        batch.insert(keys::doc(&bundle.doc.id), value);
        batch.insert(keys::hash(&bundle.doc.hash), bundle.doc.id.as_bytes());
        self.db.apply_batch(batch)?;
        self.db.flush()?;
        Ok(if previous.is_some() {
            PutOutcome::Replaced
        } else {
            PutOutcome::Added
        })
    }

    /// Remove a document and all its facts. Returns whether it existed.
    pub fn remove_document(&self, id: &str) -> Result<bool, StoreError> {
        let Some(old) = self.document(id)? else {
            return Ok(false);
        };
        let mut batch = sled::Batch::default();
        batch.remove(keys::doc(id));
        batch.remove(keys::hash(&old.doc.hash));
        self.db.apply_batch(batch)?;
        self.db.flush()?;
        Ok(true)
    }

    /// One document's facts.
    pub fn document(&self, id: &str) -> Result<Option<FactBundle>, StoreError> {
        self.db
            .get(keys::doc(id))?
            .map(|v| decode_bundle(id, &v))
            .transpose()
    }

    /// Every document's facts, in id order.
    pub fn documents(&self) -> Result<Vec<FactBundle>, StoreError> {
        self.db
            .scan_prefix(keys::DOC_PREFIX)
            .map(|kv| {
                let (k, v) = kv?;
                decode_bundle(
                    &String::from_utf8_lossy(keys::suffix(&k, keys::DOC_PREFIX)),
                    &v,
                )
            })
            .collect()
    }

    /// Whether any document is stored. Reads one record, unlike
    /// [`Store::document_count`], which reads them all.
    pub fn has_documents(&self) -> Result<bool, StoreError> {
        Ok(self
            .db
            .scan_prefix(keys::DOC_PREFIX)
            .keys()
            .next()
            .transpose()?
            .is_some())
    }

    /// Number of stored documents. Reads every document record (sled keeps
    /// no count): O(size of the database).
    pub fn document_count(&self) -> usize {
        self.db.scan_prefix(keys::DOC_PREFIX).count()
    }

    /// Stored annotation records, in the order they were written.
    pub fn annotations(&self) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        self.db
            .scan_prefix(keys::ANNOTATION_PREFIX)
            .map(|kv| {
                let (k, v) = kv?;
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
        let next = self
            .db
            .scan_prefix(keys::ANNOTATION_PREFIX)
            .keys()
            .next_back()
            .transpose()?
            .and_then(|k| <[u8; 8]>::try_from(keys::suffix(&k, keys::ANNOTATION_PREFIX)).ok())
            .map_or(1, |b| u64::from_be_bytes(b) + 1);
        self.db.insert(keys::annotation(next), record)?;
        self.db.flush()?;
        Ok(next)
    }

    /// Remove an annotation record by sequence number.
    pub fn remove_annotation(&self, seq: u64) -> Result<bool, StoreError> {
        let existed = self.db.remove(keys::annotation(seq))?.is_some();
        self.db.flush()?;
        Ok(existed)
    }

    /// Problems with the stored data: the content-hash index must agree
    /// with the documents, and every record must decode.
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let mut hashes = std::collections::BTreeMap::new();
        for kv in self.db.scan_prefix(keys::DOC_PREFIX) {
            let (k, v) = kv?;
            let id = String::from_utf8_lossy(keys::suffix(&k, keys::DOC_PREFIX)).into_owned();
            match decode_bundle(&id, &v) {
                Ok(b) => {
                    if b.doc.id != id {
                        problems.push(format!("document key {id} holds document {}", b.doc.id));
                    }
                    if crate::ingest::content_hash(&b.doc.text) != b.doc.hash {
                        problems.push(format!(
                            "document {id}: stored hash does not match its text"
                        ));
                    }
                    hashes.insert(b.doc.hash.clone(), id);
                }
                Err(e) => problems.push(e.to_string()),
            }
        }
        let mut indexed = 0;
        for kv in self.db.scan_prefix(keys::HASH_PREFIX) {
            let (k, v) = kv?;
            indexed += 1;
            let h = String::from_utf8_lossy(keys::suffix(&k, keys::HASH_PREFIX)).into_owned();
            let id = String::from_utf8_lossy(&v).into_owned();
            if hashes.get(&h) != Some(&id) {
                problems.push(format!(
                    "hash index entry {h} points to {id}, which does not have that text"
                ));
            }
        }
        if indexed != hashes.len() {
            problems.push(format!(
                "{} documents but {indexed} hash index entries",
                hashes.len()
            ));
        }
        Ok(problems)
    }

    /// Make everything written so far durable.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }
}

fn decode_bundle(id: &str, bytes: &[u8]) -> Result<FactBundle, StoreError> {
    bincode::deserialize(bytes).map_err(|e| StoreError::Corrupt {
        key: format!("d/{id}"),
        message: e.to_string(),
    })
}

fn open_error(path: &Path, e: sled::Error) -> StoreError {
    let message = e.to_string();
    if message.contains("could not acquire lock") || message.contains("WouldBlock") {
        StoreError::Locked {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Unreadable {
            path: path.to_path_buf(),
            message,
        }
    }
}
