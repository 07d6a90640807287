//! The two things done under the database directory's lock before sled
//! touches a file: taking the lock itself (an exclusive `flock` on
//! [`LOCK_FILE`], naming its holder), and removing snapshots whose writing
//! was cut short (see the `store` module docs).

use super::{io_words, readers, StoreError, LOCK_FILE};
use std::fs::File;
use std::io;
use std::path::Path;

/// Take the exclusive lock of the database directory, creating it.
pub(super) fn lock(path: &Path) -> Result<File, StoreError> {
    let unreadable = |e: &io::Error| StoreError::Unreadable {
        path: path.to_path_buf(),
        message: io_words(e),
    };
    if path.exists() && !path.is_dir() {
        return Err(StoreError::Unreadable {
            path: path.to_path_buf(),
            message: "it is a file, not a directory".into(),
        });
    }
    std::fs::create_dir_all(path).map_err(|e| unreadable(&e))?;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path.join(LOCK_FILE))
        .map_err(|e| unreadable(&e))?;
    match fs2::FileExt::try_lock_exclusive(&file) {
        Ok(()) => {
            readers::name_holder(&file);
            Ok(file)
        }
        Err(e) if e.raw_os_error() == fs2::lock_contended_error().raw_os_error() => {
            Err(StoreError::Locked {
                path: path.to_path_buf(),
                holder: readers::holder(path),
            })
        }
        Err(e) => Err(unreadable(&e)),
    }
}

/// Remove `snap.*.generating` files: snapshots whose writing was cut short.
/// Only called with the directory lock held, so no process is writing one.
pub(super) fn remove_interrupted_snapshots(path: &Path) -> Result<(), StoreError> {
    let entries = std::fs::read_dir(path).map_err(|e| StoreError::Unreadable {
        path: path.to_path_buf(),
        message: io_words(&e),
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            std::fs::remove_file(entry.path()).map_err(|e| StoreError::Unreadable {
                path: path.to_path_buf(),
                message: format!(
                    "cannot remove the interrupted snapshot {name}: {}",
                    io_words(&e)
                ),
            })?;
        }
    }
    Ok(())
}
