//! The records that tell a report already stored when it arrives again in
//! another form (its PDF after its Word file, or under another name):
//! per document, how it was read and a sketch of its text (`k/<id>`), the
//! sketch's bands as keys to find candidates without reading every
//! document (`b/<band>/<id>`), and the content hashes of the other readings
//! of a stored document (`a/<hash>`), so that reading one again is a no-op.
//! The store keeps these as given; what a sketch is, and when two are one
//! report, is ingestion's business (`crate::ingest::likeness`).

use super::{keys, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a stored document was read, and the sketch of its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The file it was read from.
    pub file: String,
    /// Its format (`pdf`, `docx`, …).
    pub format: String,
    /// How much was read from it: the number of facts.
    pub richness: u64,
    /// The MinHash sketch of its text.
    pub sketch: Vec<u32>,
    /// The sketch's band keys.
    pub bands: Vec<u64>,
}

/// Another reading of a stored document, kept so it is known again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherReading {
    /// The stored document it is a reading of.
    pub id: String,
    pub file: String,
    pub format: String,
}

/// A record under `key` that is not the JSON it should be.
fn corrupt(key: &[u8], e: &serde_json::Error) -> StoreError {
    StoreError::Corrupt {
        key: String::from_utf8_lossy(key).into_owned(),
        message: e.to_string(),
    }
}

impl Store {
    /// The JSON record under `key`, if there is one.
    fn json_record<T: serde::de::DeserializeOwned>(
        &self,
        key: &[u8],
    ) -> Result<Option<T>, StoreError> {
        match self.read(self.db()?.get(key))? {
            None => Ok(None),
            Some(v) => serde_json::from_slice(&v)
                .map(Some)
                .map_err(|e| corrupt(key, &e)),
        }
    }

    /// Stored documents that share at least `shared` of `bands` (at least
    /// one), with how each was read. Reports of one series share a band
    /// or two through their boilerplate: at 10,000 reports a third of the
    /// store shared one, and reading each one's record made an ingest
    /// quadratic.
    pub(crate) fn twin_candidates(
        &self,
        bands: &[u64],
        shared: usize,
    ) -> Result<Vec<(String, Reading)>, StoreError> {
        // The keys are kept (sled shares their bytes) and counted by the
        // ids they end with: a band that boilerplate puts in thousands of
        // documents costs no allocation per document.
        let mut held = Vec::new();
        for band in bands {
            let prefix = keys::band(*band);
            for k in self.db()?.scan_prefix(&prefix).keys() {
                held.push((self.read(k)?, prefix.len()));
            }
        }
        let mut ids: BTreeMap<&[u8], usize> = BTreeMap::new();
        for (k, at) in &held {
            *ids.entry(k.get(*at..).unwrap_or_default()).or_default() += 1;
        }
        let mut found = Vec::new();
        for (id, n) in ids {
            if n < shared.max(1) {
                continue;
            }
            let id = String::from_utf8_lossy(id).into_owned();
            if let Some(r) = self.reading(&id)? {
                found.push((id, r));
            }
        }
        Ok(found)
    }

    /// How the document `id` was read, if that was recorded.
    pub fn reading(&self, id: &str) -> Result<Option<Reading>, StoreError> {
        self.json_record(&keys::reading(id))
    }

    /// Record that the text with content hash `hash` is another reading
    /// of a stored document: storing it again is then a no-op.
    pub(crate) fn add_other_reading(
        &self,
        hash: &str,
        other: &OtherReading,
    ) -> Result<(), StoreError> {
        self.writable()?;
        let value = serde_json::to_vec(other).map_err(|e| corrupt(&keys::other(hash), &e))?;
        self.written(self.db()?.insert(keys::other(hash), value))?;
        self.written(self.db()?.flush())?;
        Ok(())
    }

    /// The stored document that a text with content hash `hash` is
    /// another reading of.
    pub(crate) fn other_reading(&self, hash: &str) -> Result<Option<OtherReading>, StoreError> {
        self.json_record(&keys::other(hash))
    }

    /// Every other reading recorded, with its content hash.
    pub(crate) fn other_readings(&self) -> Result<Vec<(String, OtherReading)>, StoreError> {
        let mut all = Vec::new();
        for kv in self.db()?.scan_prefix(keys::OTHER_PREFIX) {
            let (k, v) = self.read(kv)?;
            let hash = String::from_utf8_lossy(keys::suffix(&k, keys::OTHER_PREFIX)).into_owned();
            let other = serde_json::from_slice(&v).map_err(|e| corrupt(&k, &e))?;
            all.push((hash, other));
        }
        Ok(all)
    }

    /// Into `batch`: the removal of document `id`'s reading and band keys
    /// (it is being replaced).
    pub(super) fn unindex_reading(
        &self,
        id: &str,
        batch: &mut sled::Batch,
    ) -> Result<(), StoreError> {
        if let Some(old) = self.reading(id)? {
            for band in &old.bands {
                batch.remove([keys::band(*band), id.as_bytes().to_vec()].concat());
            }
            batch.remove(keys::reading(id));
        }
        Ok(())
    }

    /// Into `batch`: document `id`'s reading and its band keys.
    pub(super) fn index_reading(
        id: &str,
        reading: &Reading,
        batch: &mut sled::Batch,
    ) -> Result<(), StoreError> {
        let value = serde_json::to_vec(reading).map_err(|e| corrupt(&keys::reading(id), &e))?;
        for band in &reading.bands {
            batch.insert([keys::band(*band), id.as_bytes().to_vec()].concat(), &[]);
        }
        batch.insert(keys::reading(id), value);
        Ok(())
    }
}
