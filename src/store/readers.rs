//! What lets readers run beside a writer without opening sled (which one
//! process at a time may hold): the lock file names its holder, and
//! `store.digest` says what the store holds now, so that a reader can tell
//! whether the saved view (`crate::view::snapshot`) is current.
//!
//! `store.digest` holds the store's digest ([`super::Store::fingerprint`])
//! while nothing is being changed: the first write of a process removes
//! it, and it is written again once the writer has built a view of what it
//! wrote or when it closes the store. A missing file means "being written,
//! or unknown": a reader then says that its answer may be out of date.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The store's digest file in the database directory.
pub(crate) const DIGEST_FILE: &str = "store.digest";

/// Write who holds the lock into the (locked) lock file: pid and command.
pub(super) fn name_holder(mut lock: &File) {
    let mut args = std::env::args();
    let program = args
        .next()
        .and_then(|p| {
            Path::new(&p)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "acta".into());
    let command = args
        .find(|a| !a.starts_with('-') && !a.contains('/'))
        .unwrap_or_default();
    let text = format!("pid {}: {program} {command}", std::process::id());
    let _ = lock
        .set_len(0)
        .and_then(|()| lock.seek(SeekFrom::Start(0)))
        .and_then(|_| lock.write_all(text.trim_end().as_bytes()));
}

/// Who holds the lock, as its holder wrote it (at most a line, printable).
pub(super) fn holder(path: &Path) -> Option<String> {
    let mut text = String::new();
    File::open(path.join(super::LOCK_FILE))
        .ok()?
        .take(200)
        .read_to_string(&mut text)
        .ok()?;
    let text: String = text
        .lines()
        .next()?
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    (!text.is_empty()).then_some(text)
}

/// The store's digest as last recorded, if it is recorded and sled's blob
/// files are as they were then: a blob truncated, changed or deleted since
/// (a damaged disk, a careless copy) makes the record untrustworthy, so a
/// reader opens the store and meets the damage instead of answering from
/// a saved view as if nothing had happened.
pub(crate) fn recorded_digest(dir: &Path) -> Option<[u8; 32]> {
    let bytes = std::fs::read(dir.join(DIGEST_FILE)).ok()?;
    let (digest, stamp) = bytes.split_at_checked(32)?;
    if !stamp.is_empty() && stamp != blobs_stamp(dir).to_le_bytes() {
        return None;
    }
    digest.try_into().ok()
}

/// A stamp of sled's blob files (the large records, each written once):
/// their names, sizes and modification times, hashed. Blob files change
/// only when sled writes a record, or when something damages them.
pub(crate) fn blobs_stamp(dir: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut files: Vec<(String, u64, u128)> = std::fs::read_dir(dir.join("blobs"))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| {
                    let m = e.metadata().ok()?;
                    let t = m
                        .modified()
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map_or(0, |d| d.as_nanos());
                    Some((e.file_name().to_string_lossy().into_owned(), m.len(), t))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    files.hash(&mut h);
    h.finish()
}

/// Record the store's digest and the stamp of its blob files
/// (atomically: a temporary file renamed).
pub(super) fn record_digest(dir: &Path, digest: &[u8; 32]) {
    let tmp = dir.join(format!("{DIGEST_FILE}.tmp"));
    let mut bytes = digest.to_vec();
    bytes.extend_from_slice(&blobs_stamp(dir).to_le_bytes());
    let done =
        std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, dir.join(DIGEST_FILE)));
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
        forget_digest(dir);
    }
}

/// Say that the store is being changed: readers can no longer trust it.
pub(super) fn forget_digest(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(DIGEST_FILE));
}
