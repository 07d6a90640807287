//! The alias index of a finished view, compact: every normalized name
//! key in one string, sorted, with the end of each key and of its run of
//! nodes as `u32`s, looked up by binary search. A hash map of `String`s to
//! `Vec`s (what a view uses while it is built) cost three allocations and
//! ~130 bytes per key, and as many allocations again to read back from a
//! saved view; this is four lists. A saved view's is read in place from
//! the mapped snapshot (layout: the counts of keys, of nodes and of the
//! keys' bytes, u64 each; the keys' ends and the runs' ends, u32 each;
//! the nodes, u32 each; the keys), each run of nodes decoded when first
//! looked up.

use super::lazy::{index_at, u64_at, Cells};
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
    key_ends: usize,
    node_ends: usize,
    nodes: usize,
    keys: usize,
    end: usize,
    runs: Cells<Box<[NodeIndex]>>,
}

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
        let keys_len = usize::try_from(u64_at(&map, range.start + 16)?).ok()?;
        let key_ends = range.start.checked_add(24)?;
        let node_ends = key_ends.checked_add(count.checked_mul(4)?)?;
        let nodes = node_ends.checked_add(count.checked_mul(4)?)?;
        let keys = nodes.checked_add(nodes_len.checked_mul(4)?)?;
        if keys.checked_add(keys_len)? != range.end {
            return None;
        }
        Some(AliasIndex {
            saved: Some(Arc::new(Saved {
                map,
                count,
                key_ends,
                node_ends,
                nodes,
                keys,
                end: range.end,
                runs: Cells::new(count),
            })),
            ..AliasIndex::default()
        })
    }

    /// Write the index in the layout [`AliasIndex::saved`] reads.
    pub(crate) fn write<W: Write>(&self, out: &mut W) -> io::Result<()> {
        let large = || io::Error::new(io::ErrorKind::InvalidData, "alias index too large");
        let u32_of = |n: usize| u32::try_from(n).map(u32::to_le_bytes).map_err(|_| large());
        let (mut nodes, mut bytes) = (0usize, 0usize);
        for i in 0..self.len() {
            nodes += self.nodes_at(i).len();
            bytes += self.key(i).len();
        }
        for n in [self.len(), nodes, bytes] {
            out.write_all(&(n as u64).to_le_bytes())?;
        }
        let mut end = 0;
        for i in 0..self.len() {
            end += self.key(i).len();
            out.write_all(&u32_of(end)?)?;
        }
        end = 0;
        for i in 0..self.len() {
            end += self.nodes_at(i).len();
            out.write_all(&u32_of(end)?)?;
        }
        for i in 0..self.len() {
            for n in self.nodes_at(i) {
                out.write_all(&u32_of(n.index())?)?;
            }
        }
        for i in 0..self.len() {
            out.write_all(self.key(i).as_bytes())?;
        }
        Ok(())
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
            return s.key(i).unwrap_or_default();
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

    fn key(&self, i: usize) -> Option<&str> {
        let (a, b) = self.bounds(self.key_ends, i)?;
        let bytes = self
            .map
            .get(self.keys.checked_add(a)?..self.keys.checked_add(b)?.min(self.end))?;
        std::str::from_utf8(bytes).ok()
    }

    fn run(&self, i: usize) -> Option<Box<[NodeIndex]>> {
        let (a, b) = self.bounds(self.node_ends, i)?;
        (a..b)
            .map(|k| index_at(&self.map, self.nodes + 4 * k).map(NodeIndex::new))
            .collect()
    }
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
}
