//! Reading a knowledge base whose disk is full. sled 0.34 writes whenever
//! it opens a database (a new snapshot of its page table, the log's tail
//! recovered), so on a full disk it cannot be opened at all, not even to
//! read, and the user would be locked out of their own data. A reader then
//! opens a copy instead, in a scratch folder of the temporary directory
//! (another disk, as a rule): sled's data file and configuration are
//! copied, its snapshots and blob files linked (sled only ever reads
//! those, and creates or removes files of its own beside them, which in
//! the scratch folder touches nothing of the original). The store over the
//! copy refuses every write as the full disk it is; the folder goes when
//! the store closes.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A scratch copy of a database, removed when dropped.
pub(super) struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    /// The folder sled runs on.
    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Copy what sled needs of the database at `path` (whose lock the caller
/// holds) into a new scratch folder.
pub(super) fn make(path: &Path) -> io::Result<Scratch> {
    static MADE: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "acta-read-{}-{}",
        std::process::id(),
        MADE.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir(&dir)?;
    let scratch = Scratch { dir };
    let path = std::path::absolute(path)?;
    for entry in std::fs::read_dir(&path)? {
        let entry = entry?;
        let name = entry.file_name();
        let to = scratch.dir.join(&name);
        match name.to_string_lossy().as_ref() {
            // Written in place by sled: copied.
            "conf" | "db" => {
                std::fs::copy(entry.path(), &to)?;
            }
            "blobs" => {
                std::fs::create_dir(&to)?;
                for blob in std::fs::read_dir(entry.path())? {
                    let blob = blob?;
                    link(&blob.path(), &to.join(blob.file_name()))?;
                }
            }
            n if n.starts_with("snap.") && !n.ends_with(".generating") => link(&entry.path(), &to)?,
            // acta's own files (the lock, saved views, digests): not sled's.
            _ => {}
        }
    }
    Ok(scratch)
}

/// A file sled only reads, in the copy: a link where links exist.
#[cfg(unix)]
fn link(from: &Path, to: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(from, to)
}

#[cfg(not(unix))]
fn link(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::copy(from, to).map(|_| ())
}
