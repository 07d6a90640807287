//! The alias index of a finished view, compact: every normalized name
//! key in one string, sorted, with the end of each key and of its run of
//! nodes as `u32`s, looked up by binary search. A hash map of `String`s to
//! `Vec`s (what a view uses while it is built) cost three allocations and
//! ~130 bytes per key, and as many allocations again to read back from a
//! saved view; this is four lists, read back as four.

use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::BuildHasher;

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
        };
        for (key, nodes) in entries {
            ix.keys.push_str(key);
            ix.nodes.extend_from_slice(nodes);
            ix.key_ends.push(u32::try_from(ix.keys.len()).ok()?);
            ix.node_ends.push(u32::try_from(ix.nodes.len()).ok()?);
        }
        Some(ix)
    }

    /// How many keys there are.
    fn len(&self) -> usize {
        self.key_ends.len().min(self.node_ends.len())
    }

    /// The `i`th key (empty if the index is damaged there).
    fn key(&self, i: usize) -> &str {
        let (start, end) = bounds(&self.key_ends, i);
        self.keys.get(start..end).unwrap_or_default()
    }

    /// The nodes of the `i`th key.
    fn nodes_at(&self, i: usize) -> &[NodeIndex] {
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
