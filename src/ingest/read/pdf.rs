//! PDF: the text layer of each page (pdf-extract, pure Rust), with what a
//! printed page adds and a reader skips taken out: running headers and
//! footers (a line that opens or closes most pages, page numbers aside)
//! and lone page numbers; lines wrapped by the layout joined again, words
//! hyphenated at a line's end made whole. Pages are kept as offsets, so a
//! citation can say "p. 4". A scan without text, or an encrypted file, is
//! refused with what to do. The PDF crates can panic on malformed input:
//! that is caught and reported as an unreadable file.

use super::{join_wrapped, quietly, Format, Read, ReadError, MAX_TEXT_BYTES};
use std::collections::HashMap;

/// Read a PDF's text, page by page.
pub(super) fn read(bytes: &[u8]) -> Result<Read, ReadError> {
    let pages = extract(bytes)?;
    let text_chars: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if text_chars < 20 * pages.len().max(1) / 2 && text_chars < 200 {
        return Err(ReadError::Scanned { pages: pages.len() });
    }
    let pages: Vec<String> = pages.iter().map(|p| tidy(p)).collect();
    let repeated = running_lines(&pages);
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    for page in &pages {
        let lines: Vec<&str> = page
            .lines()
            .filter(|l| !repeated.contains_key(&shape(l)) && !is_page_number(l))
            .collect();
        let body = join_wrapped(&lines);
        let body = body.trim_matches('\n');
        if !text.is_empty() && !body.is_empty() {
            text.push_str(if continues_paragraph(&text, body) {
                " "
            } else {
                "\n"
            });
        }
        starts.push(text.len());
        text.push_str(body);
        if text.len() > MAX_TEXT_BYTES {
            return Err(ReadError::Inflated {
                max: MAX_TEXT_BYTES,
            });
        }
    }
    Ok(Read {
        text,
        format: Format::Pdf,
        encoding: "PDF".into(),
        warning: None,
        pages: starts,
    })
}

/// A page's text as a reader sees it: typographic ligatures spelled out,
/// runs of spaces (justified lines) made one.
fn tidy(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            ' ' if out.ends_with(' ') => {}
            c => out.push(c),
        }
    }
    out
}

/// The most objects a PDF may declare: a 100-page report has a few
/// thousand; millions would cost gigabytes to load for nothing.
const MAX_OBJECTS: u64 = 250_000;

/// The number of objects the PDF declares (the largest `/Size` of its
/// cross-reference trailers or streams), read without loading it.
fn declared_objects(bytes: &[u8]) -> u64 {
    let mut most = 0;
    let mut rest = bytes;
    while let Some(at) = rest.windows(5).position(|w| w == b"/Size") {
        rest = &rest[at + 5..];
        let digits: Vec<u8> = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take_while(|b| b.is_ascii_digit())
            .take(12)
            .copied()
            .collect();
        if let Some(n) = std::str::from_utf8(&digits)
            .ok()
            .and_then(|d| d.parse().ok())
        {
            most = most.max(n);
        }
    }
    most
}

/// The text of each page, or why there is none.
fn extract(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    let objects = declared_objects(bytes);
    if objects > MAX_OBJECTS {
        return Err(ReadError::Pdf(format!(
            "it declares {objects} objects, more than a report has (acta reads at most {MAX_OBJECTS})"
        )));
    }
    let loaded = quietly(|| lopdf::Document::load_mem(bytes));
    let doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err(ReadError::Pdf(e.to_string())),
        Err(_) => return Err(ReadError::Pdf("its structure is malformed".into())),
    };
    let encrypted = doc.is_encrypted();
    let count = doc.get_pages().len();
    drop(doc);
    if count == 0 && !encrypted {
        return Err(ReadError::Pdf(
            "no page can be found in it (its page tree is broken)".into(),
        ));
    }
    let pages = quietly(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    match pages {
        Ok(Ok(pages)) if !pages.is_empty() || count == 0 => Ok(pages),
        Ok(Ok(_)) | Ok(Err(_)) if encrypted => Err(ReadError::Encrypted),
        Ok(Ok(_)) => Err(ReadError::Scanned { pages: count }),
        Ok(Err(e)) => Err(ReadError::Pdf(e.to_string())),
        Err(_) if encrypted => Err(ReadError::Encrypted),
        Err(_) => Err(ReadError::Pdf("its content streams are malformed".into())),
    }
}

/// A line's shape for comparing headers across pages: digits do not count
/// (a footer "Página 3 de 12" is the same on every page).
fn shape(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Lines among the first or last two of a page that recur on most pages:
/// running headers and footers.
fn running_lines(pages: &[String]) -> HashMap<String, usize> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    if pages.len() < 3 {
        return seen;
    }
    for page in pages {
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        let n = lines.len();
        let mut edge: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 2 || *i + 2 >= n)
            .map(|(_, l)| shape(l))
            .collect();
        edge.sort();
        edge.dedup();
        for l in edge {
            *seen.entry(l).or_default() += 1;
        }
    }
    let most = pages.len() / 2 + 1;
    seen.retain(|l, count| *count >= most && !l.is_empty());
    seen
}

/// A line that is only a page number: `4`, `- 4 -`, `Página 4`, `p. 4 de 12`.
fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(['-', '–', ' ']).to_lowercase();
    let t = ["página", "pagina", "page", "pág.", "p."]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .unwrap_or(&t)
        .trim();
    let mut parts = t.split_whitespace();
    let number = |p: Option<&str>| {
        p.is_some_and(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
    };
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (a @ Some(_), None, None, None) => number(a),
        (a @ Some(_), Some("de" | "of" | "/"), c @ Some(_), None) => number(a) && number(c),
        _ => false,
    }
}

/// Whether the next page opens in the middle of the last page's sentence.
fn continues_paragraph(text: &str, next: &str) -> bool {
    let last = text.rsplit('\n').next().unwrap_or("").trim_end();
    !last.is_empty()
        && !last.ends_with(['.', ':', ';', '?', '!'])
        && next.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_running_lines_are_recognised() {
        for n in ["4", " - 4 - ", "Página 4", "p. 4 de 12", "Page 4 of 12"] {
            assert!(is_page_number(n), "{n}");
        }
        for n in ["4. Acuerdos", "2010", "Página web"] {
            assert!(!is_page_number(n), "{n}");
        }
        let pages: Vec<String> = (1..=4)
            .map(|i| {
                let word = ["uno", "dos", "tres", "cuatro"][i - 1];
                format!(
                    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\nTexto {word} distinto.\nPágina {i} de 4"
                )
            })
            .collect();
        let r = running_lines(&pages);
        assert!(r.contains_key("CONFERENCIA REGIONAL SOBRE MIGRACIÓN"));
        assert!(r.contains_key("Página # de #"));
        assert!(!r.keys().any(|k| k.starts_with("Texto")));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b"%PDF-1.4\n"[..],
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        ] {
            assert!(read(bytes).is_err());
        }
    }
}
