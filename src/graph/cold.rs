//! A part of the view that a query seldom reads (the sections of every
//! document, for a section's body; every request as each report stated
//! it, for `trace`), kept in a section of the snapshot of
//! its own: checked at open, decoded the first time it is asked for. A
//! view built from the documents holds it from the start.

use super::chunks::Unpacker;
use bincode::Options;
use serde::de::DeserializeOwned;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::sync::{Arc, Mutex, OnceLock};

/// The snapshot file a view was read from, shared by its cold parts.
pub(crate) type SavedFile = Arc<Mutex<File>>;

/// A value read from the snapshot when first asked for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cold<T> {
    value: OnceLock<T>,
    /// Where the value is in the snapshot file: offset and length.
    saved: Option<(SavedFile, u64, u64)>,
}

impl<T: DeserializeOwned + Default> Cold<T> {
    /// A value to read from `file` at `at`, `len` bytes of bincode
    /// compressed in chunks (`chunks.rs`), whose checksum the caller has
    /// checked.
    pub(crate) fn saved(file: SavedFile, at: u64, len: u64) -> Cold<T> {
        Cold {
            value: OnceLock::new(),
            saved: Some((file, at, len)),
        }
    }

    /// The value, read now if it was not; empty if it cannot be read.
    pub(crate) fn get(&self) -> &T {
        self.value.get_or_init(|| self.read().unwrap_or_default())
    }

    /// A value held from the start (a view built from the documents).
    pub(crate) fn built(value: T) -> Cold<T> {
        Cold {
            value: OnceLock::from(value),
            saved: None,
        }
    }

    /// The value to change (read first if it was not); `None` never
    /// happens but is not worth a panic.
    pub(crate) fn get_mut(&mut self) -> Option<&mut T> {
        if self.value.get().is_none() {
            self.value = OnceLock::from(self.read().unwrap_or_default());
        }
        self.saved = None;
        self.value.get_mut()
    }

    fn read(&self) -> Option<T> {
        let (file, at, len) = self.saved.as_ref()?;
        let mut file = file.lock().ok()?;
        file.seek(SeekFrom::Start(*at)).ok()?;
        let reader = Unpacker::new(BufReader::with_capacity(1 << 16, (&*file).take(*len)), &[]);
        bincode::DefaultOptions::new()
            .with_fixint_encoding()
            // LZ4 expands at most 255 times.
            .with_limit(len.saturating_mul(256))
            .deserialize_from(reader)
            .ok()
    }
}
