//! Tables of blobs stored compressed in blocks (LZ4): the nodes, edge
//! attributes, provenances and texts of a saved view. A blob is found by
//! its index without reading any other block, and its block is
//! decompressed when first read (the last block read is kept, so that
//! reading a table in order decompresses each block once). At 10,000
//! reports the blocks take about a third of the bytes the blobs would.
//!
//! Layout (integers little-endian): the count of blobs (u64); the
//! blocks, each holding [`PER_BLOCK`] blobs (the last fewer) as the raw
//! length (u32) and the LZ4 block of (the end of each blob in the block,
//! u32 each; the blobs); and at the end of the section the end of each
//! block (u64 each, counted from the first block's start).

use super::{index_at, u64_at};
use std::io::{self, Write};
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// Blobs compressed together.
pub(crate) const PER_BLOCK: usize = 64;

fn too_large() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "too large for a saved view")
}

/// A table of `count` blobs, blob `i` as `encode(i, buffer)` writes it
/// into an empty buffer; only one block is held at a time.
pub(crate) fn write_packed<W, F>(out: &mut W, count: usize, mut encode: F) -> io::Result<()>
where
    W: Write,
    F: FnMut(usize, &mut Vec<u8>) -> io::Result<()>,
{
    out.write_all(&u64::try_from(count).map_err(|_| too_large())?.to_le_bytes())?;
    let mut ends: Vec<u64> = Vec::with_capacity(count.div_ceil(PER_BLOCK));
    let (mut blob, mut data, mut raw) = (Vec::new(), Vec::new(), Vec::new());
    let mut written = 0u64;
    for first in (0..count).step_by(PER_BLOCK) {
        let last = count.min(first + PER_BLOCK);
        raw.clear();
        data.clear();
        for i in first..last {
            blob.clear();
            encode(i, &mut blob)?;
            data.extend_from_slice(&blob);
            raw.extend(
                u32::try_from(data.len())
                    .map_err(|_| too_large())?
                    .to_le_bytes(),
            );
        }
        raw.extend_from_slice(&data);
        let packed = lz4_flex::block::compress(&raw);
        out.write_all(
            &u32::try_from(raw.len())
                .map_err(|_| too_large())?
                .to_le_bytes(),
        )?;
        out.write_all(&packed)?;
        written += 4 + packed.len() as u64;
        ends.push(written);
    }
    for end in ends {
        out.write_all(&end.to_le_bytes())?;
    }
    Ok(())
}

/// A table of blobs in the mapped file.
#[derive(Debug)]
pub(crate) struct Packed {
    count: usize,
    /// Start of the first block, and of the blocks' ends.
    blocks: usize,
    index: usize,
    /// The block read last: its number and raw bytes.
    last: Mutex<Option<(usize, Arc<[u8]>)>>,
}

impl Packed {
    /// The table that fills `range` of `map`; `None` if its sizes do
    /// not agree with the range's.
    pub(crate) fn at(map: &[u8], range: Range<usize>) -> Option<Packed> {
        let count = usize::try_from(u64_at(map, range.start)?).ok()?;
        let blocks = range.start.checked_add(8)?;
        let index = range
            .end
            .checked_sub(count.div_ceil(PER_BLOCK).checked_mul(8)?)?;
        (blocks <= index && range.end <= map.len()).then_some(Packed {
            count,
            blocks,
            index,
            last: Mutex::new(None),
        })
    }

    /// How many blobs there are.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Block `b`'s raw bytes, decompressed now unless it was read last.
    fn block(&self, map: &[u8], b: usize) -> Option<Arc<[u8]>> {
        if let Ok(last) = self.last.lock() {
            if let Some((n, bytes)) = &*last {
                if *n == b {
                    return Some(Arc::clone(bytes));
                }
            }
        }
        let start = match b {
            0 => 0,
            _ => usize::try_from(u64_at(map, self.index + 8 * (b - 1))?).ok()?,
        };
        let end = usize::try_from(u64_at(map, self.index + 8 * b)?).ok()?;
        let (start, end) = (
            self.blocks.checked_add(start)?,
            self.blocks.checked_add(end)?,
        );
        if start.checked_add(4)? > end || end > self.index {
            return None;
        }
        let raw_len = index_at(map, start)?;
        let packed = map.get(start + 4..end)?;
        // LZ4 expands at most 255 times: a larger length is damage.
        if raw_len > packed.len().saturating_mul(255) {
            return None;
        }
        let raw: Arc<[u8]> = lz4_flex::block::decompress(packed, raw_len).ok()?.into();
        if let Ok(mut last) = self.last.lock() {
            *last = Some((b, Arc::clone(&raw)));
        }
        Some(raw)
    }

    /// `read` of blob `i`'s bytes; `None` past the end or where the
    /// table cannot be read.
    pub(crate) fn with<R>(&self, map: &[u8], i: usize, read: impl FnOnce(&[u8]) -> R) -> Option<R> {
        if i >= self.count {
            return None;
        }
        let (b, j) = (i / PER_BLOCK, i % PER_BLOCK);
        let in_block = PER_BLOCK.min(self.count - b * PER_BLOCK);
        let raw = self.block(map, b)?;
        let start = match j {
            0 => 0,
            _ => index_at(&raw, 4 * (j - 1))?,
        };
        let end = index_at(&raw, 4 * j)?;
        let data = raw.get(4 * in_block..)?;
        Some(read(data.get(start..end)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_read_back_in_any_order() {
        let blobs: Vec<Vec<u8>> = (0..200)
            .map(|i| format!("blob {i} ").repeat(i % 7).into_bytes())
            .collect();
        let mut out = vec![9u8; 3];
        write_packed(&mut out, blobs.len(), |i, buf| {
            buf.extend_from_slice(&blobs[i]);
            Ok(())
        })
        .expect("writes");
        let t = Packed::at(&out, 3..out.len()).expect("a table");
        assert_eq!(t.count(), 200);
        for i in [150, 0, 63, 64, 199, 1, 128, 127] {
            assert_eq!(t.with(&out, i, <[u8]>::to_vec), Some(blobs[i].clone()));
        }
        assert_eq!(t.with(&out, 200, <[u8]>::to_vec), None);
    }

    #[test]
    fn a_damaged_table_reads_as_nothing_not_a_panic() {
        let mut out = Vec::new();
        write_packed(&mut out, 100, |i, buf| {
            buf.extend(std::iter::repeat_n(b'x', i));
            Ok(())
        })
        .expect("writes");
        for at in 0..out.len() {
            let mut bad = out.clone();
            bad[at] ^= 0x5a;
            if let Some(t) = Packed::at(&bad, 0..bad.len()) {
                for i in 0..100 {
                    let _ = t.with(&bad, i, <[u8]>::len);
                }
            }
        }
    }
}
