//! Which knowledge base a command works on, and how it is opened: the one
//! of `--db` (or `$ACTA_DB`), else the default one, built from the bundled
//! reports on first use and kept up to date with them; for a command that
//! only reads, the view another process saved when that process holds it.

use acta::StoreError;
use acta::{Error, KnowledgeBase, ReadAccess};
use std::path::{Path, PathBuf};

/// Open the knowledge base of `--db`; without one, the default knowledge
/// base, built from the bundled reports (and annotations) on first use and
/// brought up to date with them after.
pub(crate) fn open(db: Option<PathBuf>) -> Result<KnowledgeBase, Error> {
    open_for(db, false)
}

/// [`open`] for a command that only reads (`reading`): a `--db` whose disk
/// is full is read through a copy (see `KnowledgeBase::open_reading`).
fn open_for(db: Option<PathBuf>, reading: bool) -> Result<KnowledgeBase, Error> {
    match db {
        Some(path) if reading => return KnowledgeBase::open_reading(&path),
        Some(path) => return KnowledgeBase::open(&path),
        None => {}
    }
    let path = acta::default_db_path();
    if !path.exists() {
        build_default(&path)?;
    }
    let (kb, loaded, fresh) = KnowledgeBase::open_or_build(&path)?;
    let kb = if fresh {
        let (kb, n) = acta::replay_annotations(kb, &acta::data_dir().join("annotations"))?;
        if n > 0 {
            eprintln!("acta: replayed {n} annotations from data/annotations");
        }
        kb
    } else {
        kb
    };
    if !loaded.is_empty() {
        eprintln!(
            "acta: updated the knowledge base at {} from the bundled reports: {}",
            path.display(),
            loaded.join(", ")
        );
    }
    Ok(kb)
}

/// Build the default knowledge base (the bundled reports, then the team's
/// annotation scripts) in a folder beside it, and move it into place only
/// when whole: a script that fails leaves nothing half-built behind, and
/// the next command tries again.
fn build_default(path: &Path) -> Result<(), Error> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|source| Error::Io {
        path: parent.display().to_string(),
        source,
    })?;
    let name = path
        .file_name()
        .map_or("kb".into(), |n| n.to_string_lossy().into_owned());
    let building = parent.join(format!(".{name}.building.{}", std::process::id()));
    let built = build_in(&building, path);
    if built.is_err() {
        let _ = std::fs::remove_dir_all(&building);
    }
    built
}

/// Build the default knowledge base in `building`, then rename it to `path`.
fn build_in(building: &Path, path: &Path) -> Result<(), Error> {
    let (kb, loaded, _) = KnowledgeBase::open_or_build(building)?;
    let (kb, n) = acta::replay_annotations(kb, &acta::data_dir().join("annotations"))?;
    kb.view()?;
    drop(kb);
    std::fs::rename(building, path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    eprintln!(
        "acta: built the knowledge base at {} from the bundled reports: {}",
        path.display(),
        loaded.join(", ")
    );
    if n > 0 {
        eprintln!("acta: replayed {n} annotations from data/annotations");
    }
    Ok(())
}

/// Open the knowledge base for a command that only reads: when another
/// acta process holds it, answer from the view that process saved (saying
/// so when it may be out of date) instead of waiting or failing.
pub(crate) fn open_to_read(db: Option<PathBuf>) -> Result<ReadAccess, Error> {
    let db = existing(db)?;
    // The default knowledge base follows the bundled reports: opening it
    // checks them, which needs the store.
    if let Some(saved) = db.as_deref().and_then(KnowledgeBase::current_saved_view) {
        return Ok(ReadAccess::Saved(Box::new(saved)));
    }
    open_or_read(db)
}

/// Open the knowledge base for a command that only reads but needs the
/// store (`check`, `export`): one that `--db` names must exist.
pub(crate) fn open_existing(db: Option<PathBuf>) -> Result<KnowledgeBase, Error> {
    open_for(existing(db)?, true)
}

/// The knowledge base a command that only reads is given: a folder that
/// `--db` names and that holds none is an error (exit code 3), not an
/// empty knowledge base made there, so a mistyped path creates nothing.
pub(crate) fn existing(db: Option<PathBuf>) -> Result<Option<PathBuf>, Error> {
    // A path through a file cannot be made: opening it says why, better.
    let through_a_file = |path: &Path| {
        path.ancestors()
            .find(|a| a.exists())
            .is_some_and(|a| !a.is_dir())
    };
    match db {
        Some(path) if !KnowledgeBase::exists(&path) && !through_a_file(&path) => {
            Err(Error::NoKnowledgeBase {
                path: path.display().to_string(),
            })
        }
        db => Ok(db),
    }
}

/// Open the knowledge base for a session that may write (the REPL): the
/// store when it is free, else read-only over the view its holder saved.
pub(crate) fn open_or_read(db: Option<PathBuf>) -> Result<ReadAccess, Error> {
    match open_for(db, true) {
        Ok(kb) => Ok(ReadAccess::Store(kb)),
        Err(Error::Store(StoreError::Locked { path, holder })) => {
            let saved = KnowledgeBase::saved_view(&path, holder)?;
            if let Some(note) = saved.staleness() {
                eprintln!("acta: note: {note}");
            }
            Ok(ReadAccess::Saved(Box::new(saved)))
        }
        Err(e) => Err(e),
    }
}
