//! `acta check` for the store: every record decodes, the content-hash
//! index agrees with the documents, each document's text has its stored
//! hash, and every other reading names a stored document.

use super::{decode_bundle, keys, Store, StoreError};

impl Store {
    /// Problems with the stored data: the content-hash index must agree
    /// with the documents, every record must decode, and each document's
    /// stored hash must be `hash_of` its text (the hash is ingestion's:
    /// the store only keeps it).
    pub(crate) fn check(
        &self,
        hash_of: impl Fn(&str) -> String,
    ) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let mut hashes = std::collections::BTreeMap::new();
        for kv in self.db()?.scan_prefix(keys::DOC_PREFIX) {
            let (k, v) = self.read(kv)?;
            let id = String::from_utf8_lossy(keys::suffix(&k, keys::DOC_PREFIX)).into_owned();
            match decode_bundle(&id, &v) {
                Ok(b) => {
                    if b.doc.id != id {
                        problems.push(format!("document key {id} holds document {}", b.doc.id));
                    }
                    if hash_of(&b.doc.text) != b.doc.hash {
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
        for kv in self.db()?.scan_prefix(keys::HASH_PREFIX) {
            let (k, v) = self.read(kv)?;
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
        let stored: std::collections::BTreeSet<&String> = hashes.values().collect();
        match self.other_readings() {
            Ok(others) => problems.extend(others.into_iter().filter_map(|(h, o)| {
                (!stored.contains(&o.id))
                    .then(|| format!("other reading {h} names {}, which is not stored", o.id))
            })),
            Err(e) => problems.push(e.to_string()),
        }
        Ok(problems)
    }
}
