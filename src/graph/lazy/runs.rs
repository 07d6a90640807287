//! Each node's edges in one direction, as a saved view keeps them: a run
//! of entries per node, variable-length coded, with where each run ends.
//! An entry is the edge's index as the difference from the entry before
//! (the first from 0) and the node at the other end as its difference
//! from the run's node, each zigzag-coded into an unsigned LEB128 number,
//! with the edge's type in the low four bits of the second. The edges of
//! a node are mostly added together, and the nodes they reach were made
//! near it: an entry takes four or five bytes instead of nine.
//!
//! Layout of a direction: where each run ends, in bytes from the first
//! run's start (u32 LE, `nodes + 1` of them, the first 0); the runs.

use crate::graph::leb128::{put, take, unzigzag, zigzag};
use crate::model::EdgeKind;
use std::io::{self, Write};

/// Types of edge fit in the low bits of an entry's second number.
const KIND_BITS: u32 = 4;
const _: () = assert!(EdgeKind::ALL.len() <= 1 << KIND_BITS);

fn kind_index(kind: EdgeKind) -> u64 {
    EdgeKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u64
}

/// Append node `n`'s run of `(edge, other end, type)` to `out`.
pub(crate) fn encode(
    out: &mut Vec<u8>,
    n: usize,
    entries: impl Iterator<Item = (usize, usize, EdgeKind)>,
) {
    let mut prev = 0i64;
    for (e, other, kind) in entries {
        let (e, other, n) = (e as i64, other as i64, n as i64);
        put(out, zigzag(e - prev));
        put(out, (zigzag(other - n) << KIND_BITS) | kind_index(kind));
        prev = e;
    }
}

/// Write a direction: `run(n, buf)` appends node `n`'s run (by
/// [`encode`]) to an empty buffer; called twice per node, once for the
/// ends and once for the bytes.
pub(crate) fn write<W: Write>(
    out: &mut W,
    nodes: usize,
    mut run: impl FnMut(usize, &mut Vec<u8>),
) -> io::Result<()> {
    let too_large = || io::Error::new(io::ErrorKind::InvalidData, "too large for a saved view");
    let mut buf = Vec::new();
    let mut end = 0usize;
    out.write_all(&0u32.to_le_bytes())?;
    for n in 0..nodes {
        buf.clear();
        run(n, &mut buf);
        end += buf.len();
        out.write_all(&u32::try_from(end).map_err(|_| too_large())?.to_le_bytes())?;
    }
    for n in 0..nodes {
        buf.clear();
        run(n, &mut buf);
        out.write_all(&buf)?;
    }
    Ok(())
}

/// The entries of one run's bytes, for node `n` of `nodes`; a damaged
/// entry ends the run.
pub(crate) fn decode(
    bytes: &[u8],
    n: usize,
    nodes: usize,
) -> impl Iterator<Item = (usize, usize, EdgeKind)> + '_ {
    let mut at = 0;
    let mut prev = 0i64;
    std::iter::from_fn(move || {
        let e = prev.checked_add(unzigzag(take(bytes, &mut at)?))?;
        let second = take(bytes, &mut at)?;
        let kind = EdgeKind::ALL.get((second & ((1 << KIND_BITS) - 1)) as usize)?;
        let other = (n as i64).checked_add(unzigzag(second >> KIND_BITS))?;
        prev = e;
        let (e, other) = (usize::try_from(e).ok()?, usize::try_from(other).ok()?);
        (other < nodes).then_some((e, other, *kind))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_read_back_as_written() {
        let k = EdgeKind::ALL;
        let entries = vec![
            (5_000_000, 3, k[0]),
            (4_999_999, 800_000, k[15]),
            (7, 0, k[3]),
            (u32::MAX as usize, u32::MAX as usize - 1, k[1]),
        ];
        let mut buf = Vec::new();
        encode(&mut buf, 1000, entries.iter().copied());
        let back: Vec<_> = decode(&buf, 1000, u32::MAX as usize).collect();
        assert_eq!(back, entries);
        // A node out of range, or a cut run, ends the run without a panic.
        assert_eq!(decode(&buf, 1000, 10).count(), 1);
        assert!(decode(&buf[..buf.len() - 1], 1000, usize::MAX).count() < 4);
    }
}
