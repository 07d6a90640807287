//! Reading a report file as researchers hold it: plain text in any of its
//! encodings ([`super::decode`]), PDF (`read/pdf.rs`), Word `.docx` and
//! OpenDocument `.odt` (`read/office.rs`), or a web page saved as HTML
//! (`read/html.rs`). The format is chosen by the file's content (magic
//! bytes, the entries of a zip), never by its name alone. Each reader gives
//! the text and, for paged formats, where each page starts in it, so that
//! citations can name pages. What cannot be read is refused with what to
//! do instead; work and memory stay bounded on hostile files.

mod html;
mod office;
mod pdf;

use super::decode::{self, DecodeError};

/// The largest file acta reads, in bytes (a report of this genre is a few
/// hundred kilobytes; a PDF with images a few megabytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most text any reader may produce or inflate, in bytes.
pub(crate) const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

/// The formats acta reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Pdf,
    Docx,
    Odt,
    Html,
}

impl Format {
    /// Its name, as stored with the document and shown in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Html => "html",
        }
    }
}

/// A file read: its text, where it came from, and where its pages start.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub text: String,
    pub format: Format,
    /// The character encoding (text and HTML) or the format's own name.
    pub encoding: String,
    pub warning: Option<String>,
    /// Byte offset in `text` where each page starts (PDF only).
    pub pages: Vec<usize>,
}

/// Why a file cannot be read as a report, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("the PDF has {pages} page(s) but no text layer (a scan?): run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then ingest the result")]
    Scanned { pages: usize },
    #[error("the PDF is encrypted: save an unprotected copy (e.g. `qpdf --decrypt --password=… in.pdf out.pdf`), then ingest that")]
    Encrypted,
    #[error("the PDF cannot be read: {0}")]
    Pdf(String),
    #[error("the {format} file cannot be read: {message}")]
    Archive {
        format: &'static str,
        message: String,
    },
    #[error("{what} is not read by acta: convert it first, e.g. `soffice --headless --convert-to docx FILE` (or to PDF), then ingest the result")]
    Convert { what: &'static str },
    #[error("the file is larger than acta reads ({size} bytes; at most {max})")]
    TooLarge { size: u64, max: u64 },
    #[error("the text it holds is larger than acta reads (more than {max} bytes once unpacked)")]
    Inflated { max: usize },
    #[error("its elements nest more than {max} deep, which no report does: save the page's text instead")]
    Nested { max: usize },
}

/// What a file's first bytes say it is (a zip is told apart by
/// `office::read`).
fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"%PDF-") || bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(Format::Docx);
    }
    looks_like_html(bytes).then_some(Format::Html)
}

/// An HTML page: its first tag (after a BOM, white space and comments) is
/// a doctype or `<html>`, `<head>` or `<body>`.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!-- "]
        .iter()
        .any(|t| head.starts_with(t))
        && String::from_utf8_lossy(&bytes[..bytes.len().min(4096)])
            .to_ascii_lowercase()
            .contains("<html")
}

/// Read a report file's bytes, in whichever format they are.
pub fn read(bytes: &[u8]) -> Result<Read, ReadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(ReadError::Convert {
            what: "an old binary Word (.doc) or Office file",
        });
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ReadError::Convert {
            what: "an RTF file",
        });
    }
    match sniff(bytes) {
        Some(Format::Pdf) => pdf::read(bytes),
        Some(Format::Docx | Format::Odt) => office::read(bytes),
        Some(Format::Html) => html::read(bytes),
        Some(Format::Text) | None => {
            let d = decode::decode(bytes)?;
            Ok(Read {
                text: d.text,
                format: Format::Text,
                encoding: d.encoding.to_string(),
                warning: d.warning,
                pages: Vec::new(),
            })
        }
    }
}

thread_local! {
    /// Whether a panic on this thread is being caught by [`quietly`].
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run a third-party reader that may panic on malformed input, catching
/// the panic without its message on stderr (the caller reports the file
/// as unreadable in its own words). Panics elsewhere print as before.
pub(crate) fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result
}

/// The page (1-based) that byte `offset` of a text falls on, given where
/// its pages start; `None` for texts without pages.
pub fn page_of(pages: &[usize], offset: usize) -> Option<usize> {
    if pages.is_empty() {
        return None;
    }
    Some(pages.partition_point(|&start| start <= offset).max(1))
}

/// Lines joined into paragraphs as a reader of the page would. A line
/// continues on the next when it ends mid-sentence and the next starts in
/// lower case; when it is as long as the page's full lines (the layout
/// wrapped it) and does not end a sentence; or when it ends with an item's
/// label (`… 2.` then `Adoptar …`). A numbered or lettered item never
/// continues the line before it. A word hyphenated at the end of a line
/// is joined without its hyphen. Blank lines stay.
pub(crate) fn join_wrapped(lines: &[&str]) -> String {
    let full = full_width(lines);
    let mut out = String::new();
    let mut prev = "";
    for line in lines {
        let line = line.trim_end();
        let p = prev.trim();
        let ends_sentence = p.ends_with(['.', ':', ';', '?', '!']);
        let next_ok = !line.trim().is_empty() && !is_item(line);
        let continues = !p.is_empty()
            && next_ok
            && ((!p.ends_with(['.', ';', '?', '!']) && starts_lower(line))
                || (!ends_sentence && p.chars().count() >= full)
                || ends_with_label(p));
        if continues {
            let hyphen = out.ends_with('-')
                && out[..out.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            // `acorda-` + `ron`: one word; `Pro-` + `Témpore`: a compound.
            if hyphen && starts_lower(line) {
                out.pop();
            } else if !hyphen {
                out.push(' ');
            }
            out.push_str(line.trim_start());
        } else {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
        prev = line;
    }
    out
}

/// The length from which a line counts as filling the page's width: most
/// of the length of the longer lines of prose (lines of three words or
/// more, their upper quartile); never below 40 characters.
fn full_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| l.split_whitespace().count() >= 3)
        .map(|l| l.trim().chars().count())
        .collect();
    if lengths.len() < 3 {
        return usize::MAX;
    }
    lengths.sort_unstable();
    let upper = lengths[lengths.len() * 3 / 4];
    (upper * 85 / 100).max(40)
}

/// A line ending with a lone item label: `… sustantivos 1.`, `… b)`.
fn ends_with_label(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let label = last.trim_end_matches(['.', ')']);
    last.len() > label.len()
        && line.len() > last.len()
        && !label.is_empty()
        && label.len() <= 2
        && (label.chars().all(|c| c.is_ascii_digit())
            || (label.chars().count() == 1 && label.chars().all(|c| c.is_ascii_lowercase())))
}

fn starts_lower(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A numbered or lettered item: `1.`, `a)`, `iv.`, `(b)`.
fn is_item(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches('(');
    let label: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    let rest = &t[label.len()..];
    !label.is_empty()
        && label.chars().count() <= 5
        && (label.chars().all(|c| c.is_ascii_digit())
            || label.chars().count() == 1
            || label.chars().all(|c| "ivxlc".contains(c))
            || label.chars().all(|c| "IVXLC".contains(c)))
        && (rest.starts_with(". ")
            || rest.starts_with(") ")
            || rest.starts_with(".\t")
            || rest.starts_with(")\t")
            || matches!(rest.trim_end(), "." | ")"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(Format::Pdf));
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>"),
            Some(Format::Html)
        );
        assert_eq!(sniff("I.\nIntroducción\n".as_bytes()), None);
        assert!(matches!(
            read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Err(ReadError::Convert { .. })
        ));
        assert!(matches!(
            read(b"{\\rtf1 hello}"),
            Err(ReadError::Convert { .. })
        ));
    }

    #[test]
    fn wrapped_lines_and_hyphens_are_joined_but_items_stay() {
        let text = join_wrapped(&[
            "Los Viceministros acorda-",
            "ron lo siguiente, en la reunión",
            "de Tapachula:",
            "a) instar a los países",
            "b) solicitar a la Secretaría",
            "",
            "II. Otro tema",
        ]);
        assert_eq!(
            text,
            "Los Viceministros acordaron lo siguiente, en la reunión de Tapachula:\na) instar a los países\nb) solicitar a la Secretaría\n\nII. Otro tema"
        );
    }

    #[test]
    fn pages_are_found_by_offset() {
        let pages = [0, 100, 250];
        assert_eq!(page_of(&pages, 0), Some(1));
        assert_eq!(page_of(&pages, 99), Some(1));
        assert_eq!(page_of(&pages, 100), Some(2));
        assert_eq!(page_of(&pages, 9999), Some(3));
        assert_eq!(page_of(&[], 5), None);
    }
}
