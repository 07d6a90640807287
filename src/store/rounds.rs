//! Reading every stored document (what the graph view is built from) in
//! rounds, with sled closed and reopened between them.
//!
//! Why: sled 0.34 keeps every page it has read until its cache's
//! accounting catches up, and that accounting only runs for one of its
//! 256 shards once 64 reads have queued there, so a single pass over the
//! documents never evicts anything: the whole database stays in memory
//! (300 MB of pages at 10,000 reports, whatever `cache_capacity` says),
//! beside the view being built. Closing the handle frees those pages;
//! reopening a database that nothing is writing costs a few milliseconds.
//! Each round reads about [`ROUND_BYTES`] of stored bundles, which are
//! then decoded one at a time as the caller asks for them.

use super::{decode_bundle, keys, open_sled, Store, StoreError};
use crate::model::FactBundle;
use std::collections::VecDeque;
use std::ops::Bound;
use std::sync::atomic::Ordering;
use std::sync::PoisonError;

/// How much of the stored bundles (compressed, as stored) one round reads.
const ROUND_BYTES: usize = 16 << 20;

/// How often a reopen is tried (10 ms apart) while another handle is
/// still closing: sled lets go of its file lock a moment after the drop
/// on a loaded machine.
const REOPEN_TRIES: u32 = 200;

impl Store {
    /// Every stored document, decoded one at a time in id order, read in
    /// rounds (see the module docs). Stops after the first error.
    pub fn document_iter(&self) -> impl Iterator<Item = Result<FactBundle, StoreError>> + '_ {
        self.documents_in_rounds(ROUND_BYTES)
    }

    /// [`Store::document_iter`] with rounds of `round_bytes`.
    pub(super) fn documents_in_rounds(
        &self,
        round_bytes: usize,
    ) -> impl Iterator<Item = Result<FactBundle, StoreError>> + '_ {
        let mut rounds = Rounds {
            store: self,
            round_bytes,
            after: None,
            round: VecDeque::new(),
            done: false,
        };
        std::iter::from_fn(move || rounds.next_bundle())
    }

    /// Close sled and open it again, dropping every page it cached. Not
    /// after a failed write: that handle must never flush (see `Drop`).
    fn reopen(&self) -> Result<(), StoreError> {
        if self.failed.load(Ordering::SeqCst) {
            return Ok(());
        }
        let mut slot = self.db.write().unwrap_or_else(PoisonError::into_inner);
        drop(slot.take());
        let mut tries = 0;
        loop {
            match open_sled(&self.path, self.copy.as_ref()) {
                Ok(db) => {
                    *slot = Some(db);
                    return Ok(());
                }
                // A clone of the old handle, in a call on another thread,
                // still holds sled's lock for a moment.
                Err(StoreError::Locked { .. }) if tries < REOPEN_TRIES => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(e) => return Err(e),
            }
        }
    }
}

/// Where a reading of every document is.
struct Rounds<'a> {
    store: &'a Store,
    /// How much one round reads, as stored.
    round_bytes: usize,
    /// The key of the last document read, where the next round starts.
    after: Option<sled::IVec>,
    /// This round's documents, as stored, not yet decoded.
    round: VecDeque<(sled::IVec, sled::IVec)>,
    /// Whether the last round was read (or an error returned).
    done: bool,
}

impl Rounds<'_> {
    fn next_bundle(&mut self) -> Option<Result<FactBundle, StoreError>> {
        if self.round.is_empty() && !self.done {
            if let Err(e) = self.read_round() {
                self.done = true;
                return Some(Err(e));
            }
        }
        let (k, v) = self.round.pop_front()?;
        let id = String::from_utf8_lossy(keys::suffix(&k, keys::DOC_PREFIX));
        Some(decode_bundle(&id, &v))
    }

    /// Read the next round's documents, as stored.
    fn read_round(&mut self) -> Result<(), StoreError> {
        // The first round reads with the handle the store has.
        if self.after.is_some() {
            self.store.reopen()?;
        }
        let db = self.store.db()?;
        let iter = match &self.after {
            None => db.scan_prefix(keys::DOC_PREFIX),
            Some(k) => db.range::<&[u8], _>((Bound::Excluded(k.as_ref()), Bound::Unbounded)),
        };
        let mut bytes = 0;
        for kv in iter {
            let (k, v) = self.store.read(kv)?;
            if !k.starts_with(keys::DOC_PREFIX) {
                self.done = true;
                return Ok(());
            }
            bytes += v.len();
            self.after = Some(k.clone());
            self.round.push_back((k, v));
            if bytes >= self.round_bytes {
                return Ok(());
            }
        }
        self.done = true;
        Ok(())
    }
}
