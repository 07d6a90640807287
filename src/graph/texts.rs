//! The documents' texts of a view, kept apart from the structure a query
//! walks: a view read back from its snapshot reads a document's text from
//! the snapshot file only when something asks for it (a cited sentence, a
//! section's body, a phrase search), checking it against its CRC-32, and
//! keeps it from then on. At 10,000 reports the texts are a fifth of the
//! view; a query citing a dozen sentences reads a dozen texts.

use super::SavedFile;
use std::io::{Read, Seek, SeekFrom};
use std::sync::{Arc, OnceLock};

/// One text per document, in the order of the view's documents.
#[derive(Debug, Clone, Default)]
pub(crate) struct Texts {
    /// Each document's text once known; `None` inside when it could not
    /// be read back whole.
    cells: Vec<OnceLock<Option<Box<str>>>>,
    /// Where the texts not yet read are, for a view read back.
    saved: Option<Arc<Saved>>,
}

/// The texts' section of a snapshot file.
#[derive(Debug)]
struct Saved {
    file: SavedFile,
    /// Each text's offset in the file, length and CRC-32.
    spans: Vec<(u64, u32, u32)>,
}

impl Texts {
    /// Add the next document's text.
    pub(crate) fn push(&mut self, text: String) {
        self.cells.push(OnceLock::from(Some(text.into_boxed_str())));
    }

    /// Texts to be read from `file` when asked for: each one's length and
    /// CRC-32, in order, from offset `at` on.
    pub(crate) fn saved(file: SavedFile, at: u64, lengths: &[(u32, u32)]) -> Option<Texts> {
        let mut spans = Vec::with_capacity(lengths.len());
        let mut offset = at;
        for &(len, crc) in lengths {
            spans.push((offset, len, crc));
            offset = offset.checked_add(u64::from(len))?;
        }
        Some(Texts {
            cells: (0..spans.len()).map(|_| OnceLock::new()).collect(),
            saved: Some(Arc::new(Saved { file, spans })),
        })
    }

    /// How many texts there are.
    pub(crate) fn len(&self) -> usize {
        self.cells.len()
    }

    /// The text of the document at position `i`, read now if it was not.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        self.cells
            .get(i)?
            .get_or_init(|| self.saved.as_ref()?.read(i))
            .as_deref()
    }
}

impl Saved {
    /// Text `i` read from the file, if it reads back whole.
    fn read(&self, i: usize) -> Option<Box<str>> {
        let &(at, len, crc) = self.spans.get(i)?;
        let mut bytes = vec![0u8; usize::try_from(len).ok()?];
        {
            let mut file = self.file.lock().ok()?;
            file.seek(SeekFrom::Start(at)).ok()?;
            file.read_exact(&mut bytes).ok()?;
        }
        if crc32fast::hash(&bytes) != crc {
            return None;
        }
        String::from_utf8(bytes).ok().map(String::into_boxed_str)
    }
}
