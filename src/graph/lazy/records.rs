//! The edges' records of a saved view (each edge's ends, provenance and
//! a byte of type and flags), coded in blocks of [`PER_BLOCK`] edges:
//! each field as the zigzag LEB128 difference from the same field of the
//! edge before (the first of a block from 0). Edges are added a document
//! at a time, so that consecutive edges leave and reach nearby nodes and
//! cite nearby provenances: a record takes five or six bytes instead of
//! thirteen. Reading an edge decodes its block (the last block decoded
//! is kept, so that reading the edges in order decodes each block once).
//!
//! Layout (integers little-endian): the count of edges (u64); where each
//! block ends, counted from the first block's start (u64 each); the
//! blocks, each a run of (from, to, provenance, as said; the byte).

use super::u64_at;
use crate::graph::leb128::{put, take, unzigzag, zigzag};
use std::io::{self, Write};
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// Edges coded together.
const PER_BLOCK: usize = 64;

/// An edge's record: from, to, provenance index, type and flags.
pub(crate) type Record = (u32, u32, u32, u8);

/// Write `count` records, record `e` as `record(e)` gives it (called
/// once per edge; the blocks are held until the end, at ~6 bytes an
/// edge, because their ends come first).
pub(crate) fn write<W: Write>(
    out: &mut W,
    count: usize,
    mut record: impl FnMut(usize) -> io::Result<Record>,
) -> io::Result<()> {
    let mut blocks = Vec::new();
    let mut ends = Vec::with_capacity(count.div_ceil(PER_BLOCK));
    for first in (0..count).step_by(PER_BLOCK) {
        let mut prev = [0i64; 3];
        for e in first..count.min(first + PER_BLOCK) {
            let (from, to, prov, byte) = record(e)?;
            for (p, v) in prev.iter_mut().zip([from, to, prov]) {
                put(&mut blocks, zigzag(i64::from(v) - *p));
                *p = i64::from(v);
            }
            blocks.push(byte);
        }
        ends.push(blocks.len() as u64);
    }
    out.write_all(&(count as u64).to_le_bytes())?;
    for end in ends {
        out.write_all(&end.to_le_bytes())?;
    }
    out.write_all(&blocks)
}

/// The records in the mapped file.
#[derive(Debug)]
pub(crate) struct Records {
    count: usize,
    ends: usize,
    blocks: usize,
    end: usize,
    last: Mutex<Option<(usize, Arc<[Record]>)>>,
}

impl Records {
    /// The records that fill `range` of `map`; `None` if the sizes do
    /// not agree.
    pub(crate) fn at(map: &[u8], range: Range<usize>) -> Option<Records> {
        let count = usize::try_from(u64_at(map, range.start)?).ok()?;
        let ends = range.start.checked_add(8)?;
        let blocks = ends.checked_add(count.div_ceil(PER_BLOCK).checked_mul(8)?)?;
        (blocks <= range.end && range.end <= map.len()).then_some(Records {
            count,
            ends,
            blocks,
            end: range.end,
            last: Mutex::new(None),
        })
    }

    pub(crate) fn count(&self) -> usize {
        self.count
    }

    fn block(&self, map: &[u8], b: usize) -> Option<Arc<[Record]>> {
        if let Ok(last) = self.last.lock() {
            if let Some((n, records)) = &*last {
                if *n == b {
                    return Some(Arc::clone(records));
                }
            }
        }
        let start = match b {
            0 => 0,
            _ => usize::try_from(u64_at(map, self.ends + 8 * (b - 1))?).ok()?,
        };
        let end = usize::try_from(u64_at(map, self.ends + 8 * b)?).ok()?;
        let bytes = map.get(self.blocks.checked_add(start)?..self.blocks.checked_add(end)?)?;
        if self.blocks + end > self.end {
            return None;
        }
        let n = PER_BLOCK.min(self.count.checked_sub(b * PER_BLOCK)?);
        let (mut at, mut prev) = (0, [0i64; 3]);
        let mut records = Vec::with_capacity(n);
        for _ in 0..n {
            let mut fields = [0u32; 3];
            for (p, f) in prev.iter_mut().zip(&mut fields) {
                *p = p.checked_add(unzigzag(take(bytes, &mut at)?))?;
                *f = u32::try_from(*p).ok()?;
            }
            let byte = *bytes.get(at)?;
            at += 1;
            records.push((fields[0], fields[1], fields[2], byte));
        }
        let records: Arc<[Record]> = records.into();
        if let Ok(mut last) = self.last.lock() {
            *last = Some((b, Arc::clone(&records)));
        }
        Some(records)
    }

    /// Edge `e`'s record; `None` past the end or where it cannot be read.
    pub(crate) fn get(&self, map: &[u8], e: usize) -> Option<Record> {
        if e >= self.count {
            return None;
        }
        self.block(map, e / PER_BLOCK)?.get(e % PER_BLOCK).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back_in_any_order_and_damage_does_not_panic() {
        let records: Vec<Record> = (0..300u32)
            .map(|i| (i / 3, i * 7 % 500, u32::MAX - i, (i % 16) as u8 | 0x40))
            .collect();
        let mut out = vec![1u8];
        write(&mut out, records.len(), |e| Ok(records[e])).expect("writes");
        let r = Records::at(&out, 1..out.len()).expect("records");
        assert_eq!(r.count(), 300);
        for e in [299, 0, 64, 63, 128, 1, 200] {
            assert_eq!(r.get(&out, e), Some(records[e]), "edge {e}");
        }
        assert_eq!(r.get(&out, 300), None);
        for at in 0..out.len() {
            let mut bad = out.clone();
            bad[at] ^= 0x33;
            if let Some(r) = Records::at(&bad, 1..bad.len()) {
                for e in (0..300).step_by(13) {
                    let _ = r.get(&bad, e);
                }
            }
        }
    }
}
