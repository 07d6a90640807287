//! Many documents and annotation records written as one: `acta import`
//! stores a whole export in a single atomic batch, so a killed or failed
//! import leaves the knowledge base as it was, never part of the export.

use super::{encode_bundle, keys, Reading, Store, StoreError};
use crate::model::FactBundle;

impl Store {
    /// Store these documents (with how each was read) and append these
    /// annotation records, all in one atomic batch. A document whose text
    /// is stored already is left as it is; one under a stored id replaces
    /// it. Returns the number of documents written.
    pub(crate) fn put_all(
        &self,
        documents: &[(FactBundle, Option<Reading>)],
        annotations: &[Vec<u8>],
    ) -> Result<usize, StoreError> {
        self.writable()?;
        let mut batch = sled::Batch::default();
        let mut written = 0;
        for (bundle, reading) in documents {
            let hash = &bundle.doc.hash;
            if self.read(self.db()?.contains_key(keys::hash(hash)))?
                || self.other_reading(hash)?.is_some()
            {
                continue;
            }
            if let Some(old) = self.document(&bundle.doc.id)? {
                batch.remove(keys::hash(&old.doc.hash));
            }
            self.unindex_reading(&bundle.doc.id, &mut batch)?;
            if let Some(r) = reading {
                Store::index_reading(&bundle.doc.id, r, &mut batch)?;
            }
            batch.insert(keys::doc(&bundle.doc.id), encode_bundle(bundle)?);
            batch.insert(keys::hash(hash), bundle.doc.id.as_bytes());
            written += 1;
        }
        for (seq, record) in (self.next_annotation_seq()?..).zip(annotations) {
            batch.insert(keys::annotation(seq), record.as_slice());
        }
        batch.insert(keys::VERSION, &keys::FORMAT_VERSION.to_be_bytes());
        self.written(self.db()?.apply_batch(batch))?;
        self.written(self.db()?.flush())?;
        Ok(written)
    }

    /// The sequence number the next annotation record takes.
    pub(super) fn next_annotation_seq(&self) -> Result<u64, StoreError> {
        let last = self
            .db()?
            .scan_prefix(keys::ANNOTATION_PREFIX)
            .keys()
            .next_back()
            .transpose();
        Ok(self
            .written(last)?
            .and_then(|k| <[u8; 8]>::try_from(keys::suffix(&k, keys::ANNOTATION_PREFIX)).ok())
            .map_or(1, |b| u64::from_be_bytes(b) + 1))
    }
}
