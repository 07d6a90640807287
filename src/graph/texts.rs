//! The documents' texts of a view, kept apart from the structure a query
//! walks: a view read back from its snapshot reads a document's text from
//! the snapshot file only when something asks for it (a cited sentence, a
//! section's body, a phrase search), checking it against its CRC-32, and
//! keeps it from then on. At 10,000 reports the texts are a fifth of the
//! view; a query citing a dozen sentences reads a dozen texts.
//!
//! A view being built from the store can spool its texts to an unnamed
//! file in the database folder ([`Texts::spooled_in`]) instead of holding
//! them: building the view of 10,000 reports then needs 200 MB less, and
//! the texts are read back from the spool as from a snapshot. A
//! snapshot's texts are compressed (`chunks.rs`), a spool's are not. Saving the
//! view copies them one at a time ([`Texts::read`]), never all at once.

use super::SavedFile;
use std::borrow::Cow;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// Texts sampled for a dictionary, and bytes of each: LZ4 looks back
/// 64 KB at most.
const SAMPLES: usize = 8;
const SAMPLE: usize = 8 << 10;

/// One text per document, in the order of the view's documents.
#[derive(Debug, Clone, Default)]
pub(crate) struct Texts {
    /// Each document's text once known; `None` inside when it could not
    /// be read back whole.
    cells: Vec<OnceLock<Option<Box<str>>>>,
    /// Where the texts not yet read are, for a view read back or spooled.
    saved: Option<Arc<Saved>>,
}

/// The texts' section of a snapshot file, or the spool of a view built.
#[derive(Debug)]
struct Saved {
    file: SavedFile,
    /// Each text's offset in the file, length and CRC-32.
    spans: Vec<(u64, u32, u32)>,
    /// Whether the texts are compressed (`super::chunks`), and against
    /// which dictionary: a snapshot's are, a spool's are not.
    packed: Option<Arc<[u8]>>,
}

impl Texts {
    /// No texts yet; those pushed go to an unnamed file in `dir` (gone
    /// when the view is), or are held when no such file can be made.
    pub(crate) fn spooled_in(dir: &Path) -> Texts {
        let saved = tempfile::tempfile_in(dir).ok().map(|file| {
            Arc::new(Saved {
                file: Arc::new(Mutex::new(file)),
                spans: Vec::new(),
                packed: None,
            })
        });
        Texts {
            cells: Vec::new(),
            saved,
        }
    }

    /// Add the next document's text (to the spool, if there is one and
    /// it takes it; else held).
    pub(crate) fn push(&mut self, text: String) {
        let i = self.cells.len();
        let spooled = self
            .saved
            .as_mut()
            .and_then(Arc::get_mut)
            .filter(|s| s.spans.len() == i)
            .is_some_and(|s| s.append(&text).is_some());
        self.cells.push(if spooled {
            OnceLock::new()
        } else {
            OnceLock::from(Some(text.into_boxed_str()))
        });
    }

    /// Texts to be read from `file` when asked for, each compressed
    /// against `dict` (`super::chunks`): each one's length and CRC-32 as
    /// stored, in order, from offset `at` on.
    pub(crate) fn saved(
        file: SavedFile,
        at: u64,
        lengths: &[(u32, u32)],
        dict: Arc<[u8]>,
    ) -> Option<Texts> {
        let mut spans = Vec::with_capacity(lengths.len());
        let mut offset = at;
        for &(len, crc) in lengths {
            spans.push((offset, len, crc));
            offset = offset.checked_add(u64::from(len))?;
        }
        Some(Texts {
            cells: (0..spans.len()).map(|_| OnceLock::new()).collect(),
            saved: Some(Arc::new(Saved {
                file,
                spans,
                packed: Some(dict),
            })),
        })
    }

    /// A dictionary for compressing these texts (`super::chunks`): the
    /// first [`SAMPLE`] bytes of [`SAMPLES`] texts spread over them.
    pub(crate) fn dictionary(&self) -> Vec<u8> {
        let n = self.len();
        let picks = SAMPLES.min(n);
        let mut dict = Vec::with_capacity(SAMPLES * SAMPLE);
        for i in (0..picks).map(|k| k * n / picks) {
            if let Some(text) = self.read(i) {
                dict.extend_from_slice(&text.as_bytes()[..text.len().min(SAMPLE)]);
            }
        }
        dict
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

    /// The text at position `i`, read now if it was not, without keeping
    /// it (saving a view reads every text once).
    pub(crate) fn read(&self, i: usize) -> Option<Cow<'_, str>> {
        match self.cells.get(i)?.get() {
            Some(held) => held.as_deref().map(Cow::Borrowed),
            None => self.saved.as_ref()?.read(i).map(|t| Cow::Owned(t.into())),
        }
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
        if let Some(dict) = &self.packed {
            bytes = super::chunks::unpack(&bytes, dict)?;
        }
        String::from_utf8(bytes).ok().map(String::into_boxed_str)
    }

    /// Write the next text at the end of the spool (a failed write leaves
    /// bytes no span points to; the caller then holds the text).
    fn append(&mut self, text: &str) -> Option<()> {
        let len = u32::try_from(text.len()).ok()?;
        let mut file = self.file.lock().ok()?;
        let at = file.seek(SeekFrom::End(0)).ok()?;
        file.write_all(text.as_bytes()).ok()?;
        drop(file);
        self.spans.push((at, len, crc32fast::hash(text.as_bytes())));
        Some(())
    }
}
