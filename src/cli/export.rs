//! The commands that move a whole knowledge base in or out: `acta export`
//! (the graph in six formats, or the annotations as a statement script),
//! `acta annotations` and `acta import`.

use super::args::ExportFormat;
use super::io::{out, out_or_write, read};
use acta::{visible, Error, KnowledgeBase, Usage};
use std::path::{Path, PathBuf};

/// `acta export`: the graph (or with `annotations`, the annotation
/// script) to `target` or stdout; CSV needs a directory.
pub(crate) fn export(
    kb: &KnowledgeBase,
    format: ExportFormat,
    target: Option<PathBuf>,
    annotations: bool,
) -> Result<(), Error> {
    if annotations {
        return out_or_write(target.as_deref(), &annotations_script(kb)?);
    }
    let text = match format {
        ExportFormat::Json => kb.export_json()?,
        ExportFormat::Csv => {
            let dir = target.ok_or(Usage::CsvNeedsDirectory)?;
            let view = kb.view()?;
            return std::fs::create_dir_all(&dir)
                .and_then(|()| acta::export::write_csv(&view, &dir))
                .map_err(|source| Error::Io {
                    path: dir.display().to_string(),
                    source,
                });
        }
        ExportFormat::Dot => acta::export::dot(&kb.view()?),
        ExportFormat::Graphml => acta::export::graphml(&kb.view()?),
        ExportFormat::Ntriples => acta::export::ntriples(&kb.view()?),
        ExportFormat::Nquads => acta::export::nquads(&kb.view()?),
    };
    out_or_write(target.as_deref(), &text)
}

/// `acta annotations`: the stored annotations as the statements that make them.
pub(crate) fn annotations(kb: &KnowledgeBase) -> Result<(), Error> {
    out(&annotations_script(kb)?)
}

/// `acta import FILE`: a JSON export, checked whole before it is stored.
pub(crate) fn import(kb: &KnowledgeBase, file: &Path) -> Result<(), Error> {
    let (docs, notes) = kb.import_json(&file.display().to_string(), &read(file)?)?;
    eprintln!("imported {docs} documents and {notes} annotations");
    Ok(())
}

/// The annotations, oldest first, as a script `acta query -f` replays.
fn annotations_script(kb: &KnowledgeBase) -> Result<String, Error> {
    let mut text =
        String::from("-- acta annotations, oldest first; replay with: acta query -f FILE\n");
    for a in kb.annotations()? {
        if a.claimed_by.is_some() || a.claimed_at.is_some() {
            text.push_str(&visible(&format!(
                "-- author and time as the statement claims them; recorded by {} at {}\n",
                a.author, a.at
            )));
        }
        // Strings come escaped; an id from elsewhere is written out too.
        text.push_str(&visible(&a.to_statement()));
        text.push_str(";\n");
    }
    Ok(text)
}
