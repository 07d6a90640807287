//! The alias index of a finished view, compact: every normalized name
//! key in one string, sorted, with the end of each key and of its run of
//! nodes as `u32`s, looked up by binary search. A hash map of `String`s to
//! `Vec`s (what a view uses while it is built) cost three allocations and
//! ~130 bytes per key, and as many allocations again to read back from a
//! saved view; this is four lists. A saved view's is read in place from
//! the mapped snapshot, each run of nodes decoded when first looked up.
//! Its keys are front-coded in blocks of [`PER_BLOCK`] (most keys share
//! a long prefix with the one before: `section:informe-...`), which
//! halves the index; a lookup searches the blocks' first keys, then
//! reads one block.
//!
//! Saved layout (integers little-endian): the counts of keys, of nodes
//! and of key blocks (u64 each); the runs' ends (u32 each); the nodes
//! (u32 each); where each block starts in the blocks' bytes (u32 each);
//! the blocks. A block: its first key (its length as LEB128, its bytes),
//! then for each other key the length it shares with the key before and
//! the length of the rest (LEB128 each) and the rest.

use super::lazy::{index_at, u64_at, Cells};
use super::leb128;
use crate::mapped::Mapped;
use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::Arc;

/// Nodes by normalized alias key, sorted by key.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct AliasIndex {
    /// The keys, one after another, in sorted order.
    keys: String,
    /// The end of each key in `keys`.
    key_ends: Vec<u32>,
    /// The nodes of each key, one run after another.
    nodes: Vec<NodeIndex>,
    /// The end of each key's run in `nodes`.
    node_ends: Vec<u32>,
    /// A saved view's index, read in place (the lists above are empty).
    #[serde(skip)]
    saved: Option<Arc<Saved>>,
}

/// An index in the mapped snapshot.
struct Saved {
    map: Arc<Mapped>,
    count: usize,
    node_ends: usize,
    nodes: usize,
    /// Where the blocks' starts are, how many blocks, the blocks' start.
    starts: usize,
    blocks: usize,
    keys: usize,
    end: usize,
    runs: Cells<Box<[NodeIndex]>>,
    /// Each key, once asked for by position.
    key_cells: Cells<Box<str>>,
}

/// Keys front-coded together.
const PER_BLOCK: usize = 16;

impl fmt::Debug for Saved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Saved").field("count", &self.count).finish()
    }
}

impl AliasIndex {
    /// The index of a map from keys to nodes; `None` when it is too large
    /// for `u32` offsets (then the map itself serves).
    pub(crate) fn from_map<H: BuildHasher>(
        map: &HashMap<String, Vec<NodeIndex>, H>,
    ) -> Option<Self> {
        let mut entries: Vec<(&String, &Vec<NodeIndex>)> = map.iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut ix = AliasIndex {
            keys: String::with_capacity(entries.iter().map(|(k, _)| k.len()).sum()),
            key_ends: Vec::with_capacity(entries.len()),
            nodes: Vec::with_capacity(entries.iter().map(|(_, v)| v.len()).sum()),
            node_ends: Vec::with_capacity(entries.len()),
            saved: None,
        };
        for (key, nodes) in entries {
            ix.keys.push_str(key);
            ix.nodes.extend_from_slice(nodes);
            ix.key_ends.push(u32::try_from(ix.keys.len()).ok()?);
            ix.node_ends.push(u32::try_from(ix.nodes.len()).ok()?);
        }
        Some(ix)
    }

    /// The index saved in `range` of `map`; `None` if its sizes do not
    /// agree.
    pub(crate) fn saved(map: Arc<Mapped>, range: Range<usize>) -> Option<AliasIndex> {
        let count = usize::try_from(u64_at(&map, range.start)?).ok()?;
        let nodes_len = usize::try_from(u64_at(&map, range.start + 8)?).ok()?;
        let blocks = usize::try_from(u64_at(&map, range.start + 16)?).ok()?;
        let node_ends = range.start.checked_add(24)?;
        let nodes = node_ends.checked_add(count.checked_mul(4)?)?;
        let starts = nodes.checked_add(nodes_len.checked_mul(4)?)?;
        let keys = starts.checked_add(blocks.checked_mul(4)?)?;
        if keys > range.end || blocks != count.div_ceil(PER_BLOCK) {
            return None;
        }
        Some(AliasIndex {
            saved: Some(Arc::new(Saved {
                map,
                count,
                node_ends,
                nodes,
                starts,
                blocks,
                keys,
                end: range.end,
                runs: Cells::new(count),
                key_cells: Cells::new(count),
            })),
            ..AliasIndex::default()
        })
    }

    /// Write the index in the layout [`AliasIndex::saved`] reads.
    pub(crate) fn write<W: Write>(&self, out: &mut W) -> io::Result<()> {
        let large = || io::Error::new(io::ErrorKind::InvalidData, "alias index too large");
        let u32_of = |n: usize| u32::try_from(n).map(u32::to_le_bytes).map_err(|_| large());
        let nodes: usize = (0..self.len()).map(|i| self.nodes_at(i).len()).sum();
        let blocks = self.len().div_ceil(PER_BLOCK);
        for n in [self.len(), nodes, blocks] {
            out.write_all(&(n as u64).to_le_bytes())?;
        }
        let mut end = 0;
        for i in 0..self.len() {
            end += self.nodes_at(i).len();
            out.write_all(&u32_of(end)?)?;
        }
        for i in 0..self.len() {
            for n in self.nodes_at(i) {
                out.write_all(&u32_of(n.index())?)?;
            }
        }
        let mut coded = Vec::new();
        for first in (0..self.len()).step_by(PER_BLOCK) {
            out.write_all(&u32_of(coded.len())?)?;
            let mut before: &[u8] = &[];
            for i in first..self.len().min(first + PER_BLOCK) {
                let key = self.key(i).as_bytes();
                let shared = match i == first {
                    true => 0,
                    false => key.iter().zip(before).take_while(|(a, b)| a == b).count(),
                };
                if i != first {
                    put(&mut coded, shared);
                }
                put(&mut coded, key.len() - shared);
                coded.extend_from_slice(&key[shared..]);
                before = key;
            }
        }
        out.write_all(&coded)
    }

    /// How many keys there are.
    fn len(&self) -> usize {
        match &self.saved {
            Some(s) => s.count,
            None => self.key_ends.len().min(self.node_ends.len()),
        }
    }

    /// The `i`th key (empty if the index is damaged there).
    fn key(&self, i: usize) -> &str {
        if let Some(s) = &self.saved {
            return s
                .key_cells
                .get_or_init(i, || s.key(i).unwrap_or_default().into())
                .map_or("", |k| &k[..]);
        }
        let (start, end) = bounds(&self.key_ends, i);
        self.keys.get(start..end).unwrap_or_default()
    }

    /// The nodes of the `i`th key.
    fn nodes_at(&self, i: usize) -> &[NodeIndex] {
        if let Some(s) = &self.saved {
            return s
                .runs
                .get_or_init(i, || s.run(i).unwrap_or_default())
                .map_or(&[], |run| &run[..]);
        }
        let (start, end) = bounds(&self.node_ends, i);
        self.nodes.get(start..end).unwrap_or_default()
    }

    /// The nodes known by `key` (normalized).
    pub(crate) fn get(&self, key: &str) -> &[NodeIndex] {
        if let Some(s) = &self.saved {
            return s.find(key.as_bytes()).map_or(&[], |i| self.nodes_at(i));
        }
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(mid).cmp(key) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return self.nodes_at(mid),
            }
        }
        &[]
    }

    /// Every key with its nodes, in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[NodeIndex])> + '_ {
        (0..self.len()).map(|i| (self.key(i), self.nodes_at(i)))
    }
}

impl Saved {
    /// Where run `i` starts and ends, given the runs' ends at `ends`.
    fn bounds(&self, ends: usize, i: usize) -> Option<(usize, usize)> {
        if i >= self.count {
            return None;
        }
        let start = if i == 0 {
            0
        } else {
            index_at(&self.map, ends + 4 * (i - 1))?
        };
        Some((start, index_at(&self.map, ends + 4 * i)?))
    }

    /// The bytes of block `b`.
    fn block(&self, b: usize) -> Option<&[u8]> {
        if b >= self.blocks {
            return None;
        }
        let start = self
            .keys
            .checked_add(index_at(&self.map, self.starts + 4 * b)?)?;
        let end = match b + 1 == self.blocks {
            true => self.end,
            false => self
                .keys
                .checked_add(index_at(&self.map, self.starts + 4 * (b + 1))?)?,
        };
        self.map.get(start..end.min(self.end))
    }

    /// The keys of block `b`, one after another into `key`, each given
    /// to `each` with its position in the block until it says stop.
    fn walk(&self, b: usize, key: &mut Vec<u8>, mut each: impl FnMut(usize, &[u8]) -> bool) {
        let Some(bytes) = self.block(b) else { return };
        let mut at = 0;
        key.clear();
        for j in 0..PER_BLOCK.min(self.count.saturating_sub(b * PER_BLOCK)) {
            let shared = match j {
                0 => Some(0),
                _ => take(bytes, &mut at),
            };
            let Some(shared) = shared.filter(|&n| n <= key.len()) else {
                return;
            };
            let Some(rest) = take(bytes, &mut at) else {
                return;
            };
            let Some(tail) = at.checked_add(rest).and_then(|end| bytes.get(at..end)) else {
                return;
            };
            at += rest;
            key.truncate(shared);
            key.extend_from_slice(tail);
            if !each(j, key) {
                return;
            }
        }
    }

    /// Key `i` (`None` if the index is damaged there).
    fn key(&self, i: usize) -> Option<String> {
        let mut key = Vec::new();
        let mut found = None;
        self.walk(i / PER_BLOCK, &mut key, |j, k| {
            if j == i % PER_BLOCK {
                found = Some(k.to_vec());
            }
            found.is_none()
        });
        String::from_utf8(found?).ok()
    }

    /// The position of `key`: a binary search of the blocks' first keys,
    /// then a walk of one block.
    fn find(&self, key: &[u8]) -> Option<usize> {
        let first = |b: usize| -> Option<&[u8]> {
            let bytes = self.block(b)?;
            let mut at = 0;
            let len = take(bytes, &mut at)?;
            bytes.get(at..at.checked_add(len)?)
        };
        let (mut lo, mut hi) = (0, self.blocks);
        // The last block whose first key is not after `key`.
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match first(mid)?.cmp(key) {
                Ordering::Greater => hi = mid,
                _ => lo = mid + 1,
            }
        }
        let b = lo.checked_sub(1)?;
        let mut found = None;
        self.walk(b, &mut Vec::new(), |j, k| {
            if k == key {
                found = Some(b * PER_BLOCK + j);
            }
            found.is_none() && k < key
        });
        found
    }

    fn run(&self, i: usize) -> Option<Box<[NodeIndex]>> {
        let (a, b) = self.bounds(self.node_ends, i)?;
        (a..b)
            .map(|k| index_at(&self.map, self.nodes + 4 * k).map(NodeIndex::new))
            .collect()
    }
}

/// Append `v` as LEB128.
fn put(out: &mut Vec<u8>, v: usize) {
    leb128::put(out, v as u64);
}

/// The LEB128 number at `at` in `bytes`, moving `at` past it.
fn take(bytes: &[u8], at: &mut usize) -> Option<usize> {
    leb128::take(bytes, at).and_then(|v| usize::try_from(v).ok())
}

/// The start and end of run `i` given each run's end.
fn bounds(ends: &[u32], i: usize) -> (usize, usize) {
    let at = |j: usize| ends.get(j).map_or(0, |&e| e as usize);
    let start = if i == 0 { 0 } else { at(i - 1) };
    (start, at(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        let mut map: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        for (i, k) in ["mexico", "crm", "vii crm", "", "belice", "méxico"]
            .iter()
            .enumerate()
        {
            map.insert(
                (*k).to_string(),
                vec![NodeIndex::new(i), NodeIndex::new(i + 10)],
            );
        }
        let ix = AliasIndex::from_map(&map).expect("small");
        for (k, v) in &map {
            assert_eq!(ix.get(k), v.as_slice(), "{k}");
        }
        assert!(ix.get("mex").is_empty());
        assert!(ix.get("zzz").is_empty());
        let keys: Vec<&str> = ix.iter().map(|(k, _)| k).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted);
        assert_eq!(keys.len(), map.len());
        assert!(AliasIndex::default().get("crm").is_empty());
    }

    /// The saved form finds what the built one does, across blocks.
    #[test]
    fn a_saved_index_finds_every_key_and_nothing_else() {
        let mut map: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        for i in 0..100 {
            let key = format!("section:informe-{:03}/{}", i * 7 % 100, "v.a".repeat(i % 3));
            map.insert(key, vec![NodeIndex::new(i), NodeIndex::new(1000 - i)]);
        }
        map.insert(String::new(), vec![NodeIndex::new(5)]);
        map.insert("méxico".into(), vec![]);
        let built = AliasIndex::from_map(&map).expect("small");
        let mut file = tempfile::tempfile().expect("a file");
        file.write_all(b"xx").expect("writes");
        built.write(&mut file).expect("writes");
        let len = usize::try_from(file.metadata().expect("size").len()).expect("fits");
        let map_bytes = Arc::new(Mapped::map(&file).expect("maps"));
        let saved = AliasIndex::saved(map_bytes, 2..len).expect("reads");
        for (k, v) in &map {
            assert_eq!(saved.get(k), v.as_slice(), "{k}");
        }
        for absent in ["section:informe-000/v", "section:informe", "zzz", "a"] {
            assert!(saved.get(absent).is_empty(), "{absent}");
        }
        let keys: Vec<_> = saved
            .iter()
            .map(|(k, n)| (k.to_string(), n.to_vec()))
            .collect();
        let expected: Vec<_> = built
            .iter()
            .map(|(k, n)| (k.to_string(), n.to_vec()))
            .collect();
        assert_eq!(keys, expected);
    }
}
