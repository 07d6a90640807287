//! How the view's hash indexes are read back from a view snapshot: each
//! map read into room allocated once at its final size (read through
//! serde's own form, a map of a 10,000-report view grew by doubling as it
//! was read, every step copying into fresh pages). The graph itself is
//! not decoded at all, but read in place (`lazy.rs`).

use crate::model::sym::tables;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

/// A hash map read into room for all its entries at once (for
/// `#[serde(deserialize_with)]`): `MIN` is the fewest bytes an entry
/// takes in a snapshot.
pub(super) fn map<'de, D, K, V, H, const MIN: usize>(d: D) -> Result<HashMap<K, V, H>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Eq + Hash,
    V: Deserialize<'de>,
    H: BuildHasher + Default,
{
    struct Entries<K, V, H, const MIN: usize>(PhantomData<(K, V, H)>);
    impl<'de, K, V, H, const MIN: usize> Visitor<'de> for Entries<K, V, H, MIN>
    where
        K: Deserialize<'de> + Eq + Hash,
        V: Deserialize<'de>,
        H: BuildHasher + Default,
    {
        type Value = HashMap<K, V, H>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let room = tables::capacity(m.size_hint(), MIN);
            let mut out = HashMap::with_capacity_and_hasher(room, H::default());
            while let Some((k, v)) = m.next_entry()? {
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Entries::<K, V, H, MIN>(PhantomData))
}
