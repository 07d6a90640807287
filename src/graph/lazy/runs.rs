//! Each node's edges in one direction, as a saved view keeps them: a run
//! per node, variable-length coded, with where each run ends, its edges
//! grouped by type so that a walk along one type reads that type's edges
//! alone (a meeting has thousands of `mentions` and a few thousand
//! `adopted_at`; a walk along `adopted_at` skips the `mentions`).
//!
//! A run starts with a header byte (LEB128): below 16, the run's edges
//! are all of the type at that place in `EdgeKind::ALL`; 16 + g (g from 2
//! to 16), the run holds g groups, types ascending, each given by its
//! type (LEB128), or for all but the last its length in bytes shifted
//! left by four bits with the type in the low four (LEB128); 16 alone, the
//! run is not grouped (see below). Then the groups, one after another.
//! Within a group the edges are in the order petgraph walks them (newest
//! first, edge indexes descending), each as its index's difference from
//! the entry before (a group's first from the first of the group before,
//! the first group's from 0) and the node at
//! the other end as its difference from the run's node, both zigzag
//! LEB128: an entry takes four or five bytes. Walking several types
//! merges their groups by descending edge index, which is petgraph's
//! order. Where petgraph's order of a node's edges is not descending
//! (edges removed by an annotation swap indexes), the run is written
//! whole in that order, the type in the low four bits of each entry's
//! second number, so that every walk still sees petgraph's order.
//!
//! Layout of a direction: where each run ends, in bytes from the first
//! run's start (u32 LE, `nodes + 1` of them, the first 0); the runs.

use crate::graph::leb128::{put, take, unzigzag, zigzag};
use crate::model::EdgeKind;
use std::io::{self, Write};

/// Types of edge fit in the low bits of an ungrouped entry's second number.
const KIND_BITS: u32 = 4;
const KINDS: usize = 1 << KIND_BITS;
const _: () = assert!(EdgeKind::ALL.len() <= KINDS);
/// The header of an ungrouped run; above it, a run of several groups.
const UNGROUPED: u64 = KINDS as u64;

/// A set of edge types, a bit per place in `EdgeKind::ALL`.
pub(crate) type KindSet = u16;
/// Every type.
pub(crate) const ANY: KindSet = KindSet::MAX;

fn kind_index(kind: EdgeKind) -> usize {
    EdgeKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The set of `kinds`, or [`ANY`] when none are given.
pub(crate) fn kind_set(kinds: &[EdgeKind]) -> KindSet {
    if kinds.is_empty() {
        return ANY;
    }
    kinds.iter().fold(0, |s, k| s | 1 << kind_index(*k))
}

/// An entry: edge index, node at the other end, type.
type Entry = (usize, usize, EdgeKind);

/// Append one entry of node `n`'s run, after the entry of edge `prev`;
/// with `kind`, its type in the low bits.
fn put_entry(out: &mut Vec<u8>, n: usize, prev: &mut i64, (e, other, _): Entry, kind: Option<u64>) {
    let (e, other, n) = (e as i64, other as i64, n as i64);
    put(out, zigzag(e - *prev));
    let second = zigzag(other - n);
    put(out, kind.map_or(second, |k| (second << KIND_BITS) | k));
    *prev = e;
}

/// Append node `n`'s run of `(edge, other end, type)`, given in
/// petgraph's order, to `out`.
pub(crate) fn encode(out: &mut Vec<u8>, n: usize, entries: impl Iterator<Item = Entry>) {
    let entries: Vec<Entry> = entries.collect();
    if entries.is_empty() {
        return;
    }
    if entries.windows(2).any(|w| w[0].0 <= w[1].0) {
        put(out, UNGROUPED);
        let mut prev = 0;
        for entry in entries {
            put_entry(out, n, &mut prev, entry, Some(kind_index(entry.2) as u64));
        }
        return;
    }
    // Stable: each type's edges keep petgraph's order.
    let mut by_kind: Vec<(usize, Entry)> =
        entries.into_iter().map(|e| (kind_index(e.2), e)).collect();
    by_kind.sort_by_key(|(k, _)| *k);
    let mut groups: Vec<(usize, Vec<u8>)> = Vec::new();
    // Each group's first edge from the first edge of the group before.
    let (mut first, mut prev) = (0i64, 0i64);
    for (k, entry) in by_kind {
        if groups.last().is_none_or(|g| g.0 != k) {
            groups.push((k, Vec::new()));
            prev = first;
            first = entry.0 as i64;
        }
        if let Some((_, bytes)) = groups.last_mut() {
            put_entry(bytes, n, &mut prev, entry, None);
        }
    }
    if let [(k, bytes)] = groups.as_slice() {
        put(out, *k as u64);
        out.extend_from_slice(bytes);
        return;
    }
    put(out, UNGROUPED + groups.len() as u64);
    for (i, (k, bytes)) in groups.iter().enumerate() {
        match i + 1 < groups.len() {
            true => put(out, (bytes.len() as u64) << KIND_BITS | *k as u64),
            false => put(out, *k as u64),
        }
    }
    for (_, bytes) in &groups {
        out.extend_from_slice(bytes);
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

/// The entries of one group (or of an ungrouped run, `kind` `None`),
/// those of the types in `want`; a damaged entry ends them.
pub(crate) struct Group<'a> {
    bytes: &'a [u8],
    at: usize,
    prev: i64,
    n: usize,
    nodes: usize,
    kind: Option<EdgeKind>,
    want: KindSet,
}

impl Group<'_> {
    fn entry(&mut self) -> Option<Entry> {
        let e = self
            .prev
            .checked_add(unzigzag(take(self.bytes, &mut self.at)?))?;
        let second = take(self.bytes, &mut self.at)?;
        let (kind, second) = match self.kind {
            Some(kind) => (kind, second),
            None => {
                let k = (second & (KINDS as u64 - 1)) as usize;
                (*EdgeKind::ALL.get(k)?, second >> KIND_BITS)
            }
        };
        let other = (self.n as i64).checked_add(unzigzag(second))?;
        self.prev = e;
        let (e, other) = (usize::try_from(e).ok()?, usize::try_from(other).ok()?);
        (other < self.nodes).then_some((e, other, kind))
    }
}

impl Iterator for Group<'_> {
    type Item = Entry;
    fn next(&mut self) -> Option<Entry> {
        loop {
            let entry = self.entry();
            match entry {
                Some((_, _, kind)) if self.want & (1 << kind_index(kind)) == 0 => continue,
                _ => return entry,
            }
        }
    }
}

/// A run's wanted entries: one group read in place, or several merged.
pub(crate) enum Entries<'a> {
    One(Group<'a>),
    Merged(std::vec::IntoIter<Entry>),
}

impl Iterator for Entries<'_> {
    type Item = Entry;
    fn next(&mut self) -> Option<Entry> {
        match self {
            Entries::One(g) => g.next(),
            Entries::Merged(m) => m.next(),
        }
    }
}

/// The entries of one run's bytes for node `n` of `nodes`, those of the
/// types in `want`, in petgraph's order; a damaged run ends early.
pub(crate) fn decode(bytes: &[u8], n: usize, nodes: usize, want: KindSet) -> Entries<'_> {
    let group = |bytes, kind| Group {
        bytes,
        at: 0,
        prev: 0,
        n,
        nodes,
        kind,
        want,
    };
    let none = || Entries::Merged(Vec::new().into_iter());
    let mut at = 0;
    let Some(header) = take(bytes, &mut at) else {
        return none();
    };
    let rest = bytes.get(at..).unwrap_or_default();
    if header == UNGROUPED {
        return Entries::One(group(rest, None));
    }
    let one_kind = |k: u64| EdgeKind::ALL.get(k as usize).copied();
    if header < UNGROUPED {
        return match one_kind(header) {
            Some(kind) => Entries::One(group(rest, Some(kind))),
            None => none(),
        };
    }
    let count = (header - UNGROUPED) as usize;
    if count > KINDS {
        return none();
    }
    let mut heads = Vec::with_capacity(count);
    for i in 0..count {
        let Some(head) = take(bytes, &mut at) else {
            return none();
        };
        let (kind, len) = match i + 1 < count {
            true => (
                head & (KINDS as u64 - 1),
                usize::try_from(head >> KIND_BITS).ok(),
            ),
            false => (head, Some(usize::MAX)),
        };
        let (Some(kind), Some(len)) = (one_kind(kind), len) else {
            return none();
        };
        heads.push((kind, len));
    }
    let mut groups = Vec::new();
    let mut first = 0i64;
    for (kind, len) in heads {
        let end = at.saturating_add(len).min(bytes.len());
        let slice = bytes.get(at..end).unwrap_or_default();
        at = end;
        // The group's first edge is coded from the first of the one before.
        let base = first;
        let Some(step) = take(slice, &mut 0) else {
            return none();
        };
        first = match first.checked_add(unzigzag(step)) {
            Some(f) => f,
            None => return none(),
        };
        if want & (1 << kind_index(kind)) != 0 {
            groups.push(Group {
                prev: base,
                ..group(slice, Some(kind))
            });
        }
    }
    if groups.len() == 1 {
        if let Some(g) = groups.pop() {
            return Entries::One(g);
        }
    }
    let mut all: Vec<Entry> = groups.into_iter().flatten().collect();
    all.sort_unstable_by_key(|e| std::cmp::Reverse(e.0));
    Entries::Merged(all.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(n: usize, entries: &[Entry], want: KindSet) -> Vec<Entry> {
        let mut buf = Vec::new();
        encode(&mut buf, n, entries.iter().copied());
        decode(&buf, n, u32::MAX as usize, want).collect()
    }

    #[test]
    fn runs_read_back_as_written_whole_or_by_type() {
        let k = EdgeKind::ALL;
        // Descending edge indexes (petgraph's order): grouped by type.
        let entries = vec![
            (u32::MAX as usize, u32::MAX as usize - 1, k[1]),
            (5_000_000, 3, k[0]),
            (4_999_999, 800_000, k[15]),
            (4_000_000, 2, k[1]),
            (7, 0, k[3]),
        ];
        assert_eq!(round_trip(1000, &entries, ANY), entries);
        let ones: Vec<Entry> = entries.iter().copied().filter(|e| e.2 == k[1]).collect();
        assert_eq!(round_trip(1000, &entries, kind_set(&[k[1]])), ones);
        let two = kind_set(&[k[1], k[3]]);
        let some: Vec<Entry> = entries
            .iter()
            .copied()
            .filter(|e| e.2 == k[1] || e.2 == k[3])
            .collect();
        assert_eq!(round_trip(1000, &entries, two), some);
        assert_eq!(round_trip(1000, &entries, kind_set(&[k[9]])), vec![]);
        // One type: a one-byte header.
        assert_eq!(round_trip(5, &ones, ANY), ones);
        // Not descending (an edge was swapped into a removed one's
        // place): kept in the order given.
        let swapped = vec![(3, 1, k[2]), (9, 2, k[0]), (1, 0, k[2])];
        assert_eq!(round_trip(0, &swapped, ANY), swapped);
        let twos = vec![(3, 1, k[2]), (1, 0, k[2])];
        assert_eq!(round_trip(0, &swapped, kind_set(&[k[2]])), twos);
    }

    #[test]
    fn damaged_runs_end_without_a_panic() {
        let k = EdgeKind::ALL;
        let entries: Vec<Entry> = (0..40).rev().map(|i| (i * 3, i, k[i % 5])).collect();
        let mut buf = Vec::new();
        encode(&mut buf, 20, entries.iter().copied());
        // A node out of range ends the run.
        assert!(decode(&buf, 20, 10, ANY).count() < 40);
        for cut in 0..buf.len() {
            let _ = decode(&buf[..cut], 20, usize::MAX, ANY).count();
        }
        for at in 0..buf.len() {
            let mut bad = buf.clone();
            bad[at] ^= 0x5a;
            let _ = decode(&bad, 20, usize::MAX, ANY).count();
            let _ = decode(&bad, 20, usize::MAX, 1).count();
        }
    }
}
