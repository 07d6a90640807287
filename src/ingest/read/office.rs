//! Word `.docx` and OpenDocument `.odt`: zip archives of XML. Paragraphs
//! become lines, list numbering is rendered as the document shows it
//! (`1.`, `a)`, `iv.`) from its numbering definitions, table rows become
//! lines with cells apart, footnotes are kept apart after the text (their
//! marks stay in it as `[n]`). Each XML part is read through a cap, so an
//! archive that inflates past [`MAX_TEXT_BYTES`] (a zip bomb) is refused
//! after bounded work; XML is read as a stream, so nesting costs nothing.

mod docx;
mod odt;

use super::{Format, Read, ReadError, MAX_TEXT_BYTES};
use crate::reference::roman;
use std::io::{Cursor, Read as _};

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Which office format a zip holds, if either.
fn format_of(archive: &mut Archive<'_>) -> Option<Format> {
    if archive.index_for_name("word/document.xml").is_some() {
        return Some(Format::Docx);
    }
    let mimetype = part(archive, "mimetype", 200).ok().flatten();
    let odt = mimetype.is_some_and(|m| m.trim() == "application/vnd.oasis.opendocument.text")
        || archive.index_for_name("content.xml").is_some();
    odt.then_some(Format::Odt)
}

/// Read a zip that should be a `.docx` or an `.odt`.
pub(super) fn read(bytes: &[u8]) -> Result<Read, ReadError> {
    let damaged = |e: zip::result::ZipError| ReadError::Archive {
        format: "zip",
        message: format!("it is damaged ({e})"),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let (format, text) = match format_of(&mut archive) {
        Some(Format::Docx) => (Format::Docx, docx::text(&mut archive)?),
        Some(_) => (Format::Odt, odt::text(&mut archive)?),
        None => {
            return Err(ReadError::Archive {
                format: "zip",
                message: "it is neither a Word (.docx) nor an OpenDocument text (.odt)".into(),
            })
        }
    };
    if text.trim().is_empty() {
        return Err(ReadError::Decode(super::DecodeError::Blank));
    }
    Ok(Read {
        text,
        format,
        encoding: format.as_str().to_string(),
        warning: None,
        pages: Vec::new(),
    })
}

/// An archive member as text, read through a cap of `max` bytes; `None`
/// when the archive has no such member.
fn part(archive: &mut Archive<'_>, name: &str, max: usize) -> Result<Option<String>, ReadError> {
    let Some(i) = archive.index_for_name(name) else {
        return Ok(None);
    };
    let format = if name.starts_with("word/") {
        "docx"
    } else {
        "odt"
    };
    let entry = archive.by_index(i).map_err(|e| ReadError::Archive {
        format,
        message: format!("{name}: {e}"),
    })?;
    let mut bytes = Vec::new();
    entry
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Archive {
            format,
            message: format!("{name}: {e}"),
        })?;
    if bytes.len() > max {
        return Err(ReadError::Inflated { max });
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ReadError::Archive {
            format,
            message: format!("{name} is not UTF-8"),
        })
}

/// An XML part, capped at [`MAX_TEXT_BYTES`].
fn xml(archive: &mut Archive<'_>, name: &str) -> Result<Option<String>, ReadError> {
    part(archive, name, MAX_TEXT_BYTES)
}

/// A malformed XML part, worded.
fn bad_xml(format: &'static str, e: impl std::fmt::Display) -> ReadError {
    ReadError::Archive {
        format,
        message: format!("its XML is malformed ({e})"),
    }
}

/// A list counter rendered in a numbering format (`decimal`, `lowerLetter`,
/// `upperRoman`, ... as Word names them; `1`, `a`, `I` as OpenDocument does).
fn render(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" | "a" => letters(n, b'a'),
        "upperLetter" | "A" => letters(n, b'A'),
        "lowerRoman" | "i" => roman(n).to_lowercase(),
        "upperRoman" | "I" => roman(n),
        "bullet" | "none" | "" => String::new(),
        _ => n.to_string(),
    }
}

fn letters(n: u32, base: u8) -> String {
    let mut n = n.max(1);
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(base + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Counters of nested lists: one per level, deeper levels restarting when
/// a shallower one advances.
#[derive(Default)]
struct Counters(Vec<u32>);

impl Counters {
    /// Advance level `level` (0-based) from `start`; the counters of every level.
    fn advance(&mut self, level: usize, start: u32) -> &[u32] {
        let level = level.min(8);
        if self.0.len() <= level {
            self.0.resize(level + 1, 0);
        }
        self.0.truncate(level + 1);
        self.0[level] = if self.0[level] == 0 {
            start.max(1)
        } else {
            self.0[level] + 1
        };
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_render_as_documents_show_them() {
        assert_eq!(render(1, "decimal"), "1");
        assert_eq!(render(2, "lowerLetter"), "b");
        assert_eq!(render(28, "a"), "ab");
        assert_eq!(render(4, "upperRoman"), "IV");
        assert_eq!(render(9, "i"), "ix");
        let mut c = Counters::default();
        assert_eq!(c.advance(0, 1), [1]);
        assert_eq!(c.advance(1, 1), [1, 1]);
        assert_eq!(c.advance(1, 1), [1, 2]);
        assert_eq!(c.advance(0, 1), [2]);
        assert_eq!(c.advance(1, 1), [2, 1]);
    }

    #[test]
    fn what_is_not_an_office_zip_is_refused_with_a_reason() {
        assert!(matches!(
            read(b"PK\x03\x04 truncated"),
            Err(ReadError::Archive { .. })
        ));
    }
}
