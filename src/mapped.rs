//! A file mapped into memory, read as a byte slice: the saved view
//! (`view.snapshot`) is read in place, so that opening a large knowledge
//! base costs only the pages a query touches. The one `unsafe` of the
//! crate, reviewed here.
//!
//! Mapping is unsafe because the bytes would change (or vanish, raising
//! SIGBUS) if the file were changed or cut while mapped. acta never
//! writes a snapshot in place: a new one is written to a temporary file
//! and renamed over the old, and an old one is removed by unlinking, so
//! a mapped file keeps its bytes for as long as it is mapped. Another
//! program writing into `view.snapshot` is outside what acta can guard
//! against (as it is for sled's files); what the bytes say is checked
//! (CRC-32) before it is trusted.

use std::fs::File;
use std::io;
use std::ops::Deref;

/// The bytes of a file, mapped read-only.
#[derive(Debug)]
pub(crate) struct Mapped(memmap2::Mmap);

impl Mapped {
    /// Map `file` (opened for reading) whole.
    pub(crate) fn map(file: &File) -> io::Result<Mapped> {
        // SAFETY: see the module's doc: snapshots are replaced by rename
        // and removed by unlinking, never written or cut in place.
        let map = unsafe { memmap2::Mmap::map(file)? };
        // Read where a query leads, not in order: no read-ahead, and no
        // pages around the one asked for held as this process's memory.
        let _ = map.advise(memmap2::Advice::Random);
        Ok(Mapped(map))
    }
}

impl Deref for Mapped {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}
