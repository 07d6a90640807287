//! The command line's reading and writing: results to stdout (a closed
//! pipe is not an error), files read whole with their name in the error,
//! stdin read to its end, and files written whole or not at all.

use acta::{visible, Error};
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

/// Write to stdout; a reader that went away (`| head`) is not an error.
/// On a terminal, control characters are written out (see
/// [`acta::visible`]); to a file or a pipe, the text is exact.
pub(crate) fn out(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    let text = if stdout.is_terminal() {
        visible(text)
    } else {
        text.into()
    };
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Output(e)),
        _ => Ok(()),
    }
}

/// Text to `path` when one is given, else to stdout.
pub(crate) fn out_or_write(path: Option<&Path>, text: &str) -> Result<(), Error> {
    match path {
        Some(path) => write(path, text),
        None => out(text),
    }
}

/// A file's text, or an error naming it.
pub(crate) fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Standard input, read to its end.
pub(crate) fn read_stdin() -> Result<String, Error> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|source| Error::Io {
            path: "<stdin>".into(),
            source,
        })?;
    Ok(text)
}

/// Write a file whole or not at all: to a temporary file beside it,
/// synced, then renamed over it, so a full disk or a kill never leaves a
/// truncated file where an earlier one (a backup) was.
pub(crate) fn write(path: &Path, text: &str) -> Result<(), Error> {
    let fail = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.unwrap_or_else(|| "acta-output".into()),
        std::process::id()
    ));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}
