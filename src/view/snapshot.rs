//! The finished view saved next to the database (`view.snapshot`), so that
//! opening a large knowledge base reads one file instead of decoding and
//! merging every document, linking threads and deriving `awaits` again.
//!
//! A snapshot is a cache, never the record: it is used only when its
//! fingerprint equals the one computed at open from what the view is built
//! from (the stored documents' content hashes and annotations, the
//! gazetteer, this build of acta); anything else (missing, older, damaged,
//! cut short, unreadable) is ignored and the view is built from the
//! documents, then saved again. It is written to a temporary file, synced
//! and renamed, so a crash leaves the old snapshot or the new one. Failing
//! to write one (read-only or full disk) only costs the next open its time.
//!
//! Layout: a header (`actaview`, version u32 LE, fingerprint, 32 bytes);
//! thirteen sections; and a footer: the sections' lengths and CRC-32s (u64
//! and u32 LE each) and `actaview` again. The sections: the view's
//! indexes and lists in bincode (its graph apart), with its ids and
//! provenances as indexes into the tables (see
//! [`crate::model::sym::tables`]); the graph's nodes, edges, edge
//! attributes, adjacency and kinds, the alias index and the tables of
//! provenances and texts, in the layouts of `graph/lazy.rs` and
//! `graph/aliases.rs`, read in place; the documents' sections and the
//! requests as each report stated them, in bincode compressed in chunks
//! (`graph/chunks.rs`); the documents' texts (a dictionary of samples of
//! them, its length u32 LE first, then each text compressed against it,
//! one after another); each document's stored text length and CRC-32.
//! Writing streams; the tables come after what refers to them because
//! they are complete only once it is written.
//!
//! Everything but the view's indexes is compressed or variable-length
//! coded, each part so that what one query reads is decoded alone: at
//! 10,000 reports the file is 314 MB (format 4: 1,047 MB), less than
//! the store's database (357 MB, without its 290 MB of blobs).
//!
//! Reading maps the file (`crate::mapped`) and decodes only the view's
//! indexes and lists: a node, an edge, a text or a provenance of the
//! tables is decoded when a query first reads it (`graph/lazy.rs`), a
//! document's sections likewise (`graph/cold.rs`), a document's text is
//! read from the file when cited and checked against its own CRC-32
//! (`graph/texts.rs`). Every section's CRC-32 is checked at open, by
//! reading the file rather than through the map, so that the check
//! costs CPU time (a fraction of a second at 10,000 reports) but no
//! memory: the process holds only the pages a query reads. A damaged
//! snapshot is thus never read at all, and the view is built again.

use crate::graph::{self as g, Cold, Graph, GraphSections, KnowledgeGraph, Lazy, SavedFile};
use crate::graph::{chunks, AliasIndex, Tables, Texts};
use crate::mapped::Mapped;
use crate::model::sym::tables;
use bincode::Options;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The snapshot's file name in the database folder.
pub(crate) const FILE: &str = "view.snapshot";
const MAGIC: &[u8; 8] = b"actaview";
/// Bump when the view's types or the way it is built change.
const VERSION: u32 = 6;
const HEADER: usize = 8 + 4 + 32;

/// The fingerprint of a view: the store's digest of its documents and
/// annotations, the gazetteer's facts, and this build of acta (version,
/// extraction pipeline, and a hash of its sources made by `build.rs`, so
/// that a changed acta never reads a view an older build made).
pub(crate) fn fingerprint(
    store_digest: &[u8; 32],
    gazetteer: &crate::reference::Gazetteer,
) -> [u8; 32] {
    let mut prints = fingerprints(std::slice::from_ref(store_digest), gazetteer);
    prints.pop().unwrap_or_default()
}

/// [`fingerprint`] for each of several store digests (the gazetteer's
/// facts serialized and hashed once).
pub(crate) fn fingerprints(
    store_digests: &[[u8; 32]],
    gazetteer: &crate::reference::Gazetteer,
) -> Vec<[u8; 32]> {
    let facts: [u8; 32] = match bincode::serialize(&gazetteer.facts()) {
        Ok(bytes) => Sha256::digest(bytes).into(),
        Err(_) => [0; 32],
    };
    store_digests
        .iter()
        .map(|digest| {
            let mut h = Sha256::new();
            h.update(VERSION.to_le_bytes());
            h.update(crate::ingest::PIPELINE.as_bytes());
            h.update(digest);
            h.update(facts);
            h.update(env!("ACTA_SOURCE_HASH").as_bytes());
            h.finalize().into()
        })
        .collect()
}

/// The fingerprint the view saved in `dir` was saved under, from its
/// header (nothing else of the file is read or checked).
pub(crate) fn saved_fingerprint(dir: &Path) -> Option<[u8; 32]> {
    let mut header = [0u8; HEADER];
    File::open(path(dir)).ok()?.read_exact(&mut header).ok()?;
    if &header[..8] != MAGIC || header[8..12] != VERSION.to_le_bytes() {
        return None;
    }
    header[12..].try_into().ok()
}

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Thirteen sections: the view; the graph's nodes, edges, edge
/// attributes, adjacency and nodes' kinds; the alias index; the
/// provenances; the texts of ids and provenances; the documents'
/// sections; the requests as each report stated them; the documents'
/// texts; each document's stored text length and CRC-32.
const SECTIONS: usize = 13;
const FOOTER: usize = SECTIONS * 12 + 8;

/// The view saved in `dir` with this fingerprint, if there is one whose
/// every section has its length and checksum. Its graph, tables and
/// texts are read in place when asked for.
pub(crate) fn load(dir: &Path, fingerprint: &[u8; 32]) -> Option<KnowledgeGraph> {
    let mut file = File::open(path(dir)).ok()?;
    let size = file.metadata().ok()?.len();
    let mut header = [0u8; HEADER];
    file.read_exact(&mut header).ok()?;
    if &header[..8] != MAGIC
        || header[8..12] != VERSION.to_le_bytes()
        || header[12..] != fingerprint[..]
    {
        return None;
    }
    let parts = read_footer(&mut file, size)?;
    // Where each section starts.
    let mut at = [0u64; SECTIONS];
    let mut end = HEADER as u64;
    for (i, (len, _)) in parts.iter().enumerate() {
        at[i] = end;
        end = end.checked_add(*len)?;
    }
    if end.checked_add(FOOTER as u64)? != size {
        return None;
    }
    for (&start, &part) in at.iter().zip(&parts) {
        check(&mut file, start, part)?;
    }
    let map = Arc::new(Mapped::map(&file).ok()?);
    if u64::try_from(map.len()).ok()? != size {
        return None;
    }
    let range = |i: usize| -> Option<Range<usize>> {
        let start = usize::try_from(at[i]).ok()?;
        Some(start..start.checked_add(usize::try_from(parts[i].0).ok()?)?)
    };
    let tables = Tables::open(Arc::clone(&map), range(8)?, range(7)?)?;
    let view = map.get(range(0)?)?;
    let reading = tables::Reading::start(tables.clone(), parts[0].0);
    let mut kg: KnowledgeGraph = options().with_limit(parts[0].0).deserialize(view).ok()?;
    drop(reading);
    let lengths: Vec<(u32, u32)> = options()
        .with_limit(parts[12].0)
        .deserialize(map.get(range(12)?)?)
        .ok()?;
    // The texts' section: the dictionary's length (u32) and bytes, then
    // the texts compressed against it.
    let texts = range(11)?;
    let dict_len = usize::try_from(crate::graph::u32_at(&map, texts.start)?).ok()?;
    let dict: Arc<[u8]> = map
        .get(texts.start + 4..texts.start.checked_add(4 + dict_len)?)?
        .into();
    let total: u64 = lengths.iter().map(|(len, _)| u64::from(*len)).sum();
    if lengths.len() != kg.documents.len() || total + 4 + dict.len() as u64 != parts[11].0 {
        return None;
    }
    let sections = GraphSections {
        nodes: range(1)?,
        edges: range(2)?,
        attrs: range(3)?,
        adjacency: range(4)?,
        kinds: range(5)?,
    };
    kg.alias_index = AliasIndex::saved(Arc::clone(&map), range(6)?)?;
    kg.graph = Graph::saved(Lazy::open(map, tables, sections)?);
    let file: SavedFile = Arc::new(Mutex::new(file));
    kg.sections = Cold::saved(Arc::clone(&file), at[9], parts[9].0);
    kg.request_history = Cold::saved(Arc::clone(&file), at[10], parts[10].0);
    kg.texts = Texts::saved(file, at[11] + 4 + dict.len() as u64, &lengths, dict)?;
    Some(kg)
}

/// Whether the section at `at` has the length and CRC-32 it should.
fn check(file: &mut File, at: u64, (len, crc): (u64, u32)) -> Option<()> {
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut reader = Crc::new((&*file).take(len));
    // A large buffer: a read per megabyte, not per 8 KiB.
    let mut buf = vec![0u8; 1 << 20];
    while reader.read(&mut buf).ok()? > 0 {}
    (reader.reset() == (len, crc)).then_some(())
}

/// The sections' lengths and CRC-32s, from the footer of a file of
/// `size` bytes.
fn read_footer(file: &mut File, size: u64) -> Option<[(u64, u32); SECTIONS]> {
    let mut footer = [0u8; FOOTER];
    file.seek(SeekFrom::Start(size.checked_sub(FOOTER as u64)?))
        .ok()?;
    file.read_exact(&mut footer).ok()?;
    if &footer[SECTIONS * 12..] != MAGIC {
        return None;
    }
    let mut parts = [(0u64, 0u32); SECTIONS];
    for (i, part) in parts.iter_mut().enumerate() {
        let at = i * 12;
        *part = (
            u64::from_le_bytes(footer[at..at + 8].try_into().ok()?),
            u32::from_le_bytes(footer[at + 8..at + 12].try_into().ok()?),
        );
    }
    Some(parts)
}

/// Save `kg` in `dir` under `fingerprint`, replacing any older snapshot.
pub(crate) fn save(dir: &Path, fingerprint: &[u8; 32], kg: &KnowledgeGraph) -> io::Result<()> {
    let tmp = dir.join(format!("{FILE}.tmp"));
    let result = write(&tmp, fingerprint, kg).and_then(|()| std::fs::rename(&tmp, path(dir)));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn write(tmp: &Path, fingerprint: &[u8; 32], kg: &KnowledgeGraph) -> io::Result<()> {
    let invalid = |e: bincode::Error| io::Error::new(io::ErrorKind::InvalidData, e.to_string());
    let mut out = BufWriter::with_capacity(1 << 20, Crc::new(File::create(tmp)?));
    out.write_all(MAGIC)?;
    out.write_all(&VERSION.to_le_bytes())?;
    out.write_all(fingerprint)?;
    out.flush()?;
    out.get_mut().reset();
    let mut footer = Vec::with_capacity(FOOTER);
    let mut end_section = |out: &mut BufWriter<Crc<File>>| -> io::Result<()> {
        out.flush()?;
        let (count, sum) = out.get_mut().reset();
        footer.extend(count.to_le_bytes());
        footer.extend(sum.to_le_bytes());
        Ok(())
    };
    let writing = tables::Writing::start();
    options().serialize_into(&mut out, kg).map_err(invalid)?;
    end_section(&mut out)?;
    g::write_nodes(&kg.graph, &mut out)?;
    end_section(&mut out)?;
    g::write_edges(&kg.graph, &mut out)?;
    end_section(&mut out)?;
    g::write_attrs(&kg.graph, &mut out)?;
    end_section(&mut out)?;
    g::write_adjacency(&kg.graph, &mut out)?;
    end_section(&mut out)?;
    g::write_kinds(&kg.graph, &mut out)?;
    end_section(&mut out)?;
    kg.alias_index.write(&mut out)?;
    end_section(&mut out)?;
    let provenances = writing.provenances();
    g::write_packed(&mut out, provenances.len(), |i, buf| {
        g::blob_options()
            .serialize_into(buf, &*provenances[i])
            .map_err(invalid)
    })?;
    end_section(&mut out)?;
    let texts = writing.texts();
    drop(writing);
    g::write_packed(&mut out, texts.len(), |i, buf| {
        buf.extend_from_slice(texts[i].as_bytes());
        Ok(())
    })?;
    end_section(&mut out)?;
    write_packed(&mut out, kg.sections.get())?;
    end_section(&mut out)?;
    write_packed(&mut out, kg.request_history.get())?;
    end_section(&mut out)?;
    let lengths = write_texts(&mut out, kg)?;
    end_section(&mut out)?;
    options()
        .serialize_into(&mut out, &lengths)
        .map_err(invalid)?;
    end_section(&mut out)?;
    footer.extend(MAGIC);
    out.write_all(&footer)?;
    let file = out.into_inner().map_err(|e| e.into_error())?.inner;
    file.sync_all()
}

/// The documents' texts' section: a dictionary of samples of them (its
/// length u32 LE first), then each text compressed against it; gives
/// each stored text's length and CRC-32.
fn write_texts<W: Write>(out: &mut W, kg: &KnowledgeGraph) -> io::Result<Vec<(u32, u32)>> {
    let unreadable = || {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "a document's text is unreadable",
        )
    };
    let mut lengths = Vec::with_capacity(kg.texts.len());
    let dict = kg.texts.dictionary();
    out.write_all(
        &u32::try_from(dict.len())
            .map_err(|_| unreadable())?
            .to_le_bytes(),
    )?;
    out.write_all(&dict)?;
    // Each text read (from a spool or an older snapshot) without being
    // kept, compressed and written: the view stays as small as it was.
    for i in 0..kg.texts.len() {
        let text = kg.texts.read(i).ok_or_else(unreadable)?;
        let packed = chunks::pack(text.as_bytes(), &dict)?;
        let len = u32::try_from(packed.len()).map_err(|_| unreadable())?;
        lengths.push((len, crc32fast::hash(&packed)));
        out.write_all(&packed)?;
    }
    Ok(lengths)
}

/// `value` in bincode, compressed in chunks (`graph::chunks`).
fn write_packed<W: Write, T: serde::Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    let mut packer = chunks::Packer::new(out, &[]);
    options()
        .serialize_into(&mut packer, value)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    packer.finish().map(drop)
}

/// bincode's encoding as `bincode::serialize` writes it (fixed-size
/// integers), as options that can take a limit.
fn options() -> impl Options {
    bincode::DefaultOptions::new().with_fixint_encoding()
}

/// A reader or writer that counts and checksums what passes through it.
struct Crc<T> {
    inner: T,
    hasher: crc32fast::Hasher,
    count: u64,
}

impl<T> Crc<T> {
    fn new(inner: T) -> Crc<T> {
        Crc {
            inner,
            hasher: crc32fast::Hasher::new(),
            count: 0,
        }
    }

    /// The byte count and checksum so far; both start again from zero.
    fn reset(&mut self) -> (u64, u32) {
        let hasher = std::mem::take(&mut self.hasher);
        (std::mem::take(&mut self.count), hasher.finalize())
    }
}

impl<T: Read> Read for Crc<T> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

impl<T: Write> Write for Crc<T> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Remove a saved view (when it can no longer be trusted to be current).
pub(crate) fn remove(dir: &Path) {
    let _ = std::fs::remove_file(path(dir));
    let _ = std::fs::remove_file(dir.join(BUILT_FROM));
}

/// The file that holds the store digest the saved view was built from,
/// so that a process that cannot open the store (another holds it) can
/// find the snapshot's fingerprint, and compare the digest with the
/// store's recorded one (`crate::store::recorded_digest`).
const BUILT_FROM: &str = "view.digest";

/// Whether a saved view exists in `dir` (current or not).
pub(crate) fn exists(dir: &Path) -> bool {
    path(dir).is_file()
}

/// The store digest the saved view was built from, if recorded.
pub(crate) fn built_from(dir: &Path) -> Option<[u8; 32]> {
    std::fs::read(dir.join(BUILT_FROM)).ok()?.try_into().ok()
}

/// Record the store digest the saved view was built from (a temporary
/// file renamed; on failure nothing is recorded).
pub(crate) fn note_built_from(dir: &Path, digest: &[u8; 32]) {
    let tmp = dir.join(format!("{BUILT_FROM}.tmp"));
    let done =
        std::fs::write(&tmp, digest).and_then(|()| std::fs::rename(&tmp, dir.join(BUILT_FROM)));
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(dir.join(BUILT_FROM));
    }
}

#[cfg(test)]
mod tests;
