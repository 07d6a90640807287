//! The key layout of the sled database. The only file that knows it.
//!
//! | key                         | value                               |
//! |-----------------------------|-------------------------------------|
//! | `v`                         | format version, u32 big-endian      |
//! | `d/<doc id>`                | [`BUNDLE_MAGIC`] + LZ4 of bincode [`crate::model::FactBundle`] (format 1: bincode alone) |
//! | `h/<sha-256 hex>`           | doc id (content-hash index)         |
//! | `n/<u64 big-endian seq>`    | JSON annotation record              |
//! | `k/<doc id>`                | JSON [`super::Reading`]: how it was read, its text's sketch |
//! | `b/<u64 band key><doc id>`  | empty: the sketch's bands, to find twins |
//! | `a/<sha-256 hex>`           | JSON [`super::OtherReading`]: another reading of a stored document |
//!
//! All keys of one document (`d/`, `h/`, `k/`, `b/`) change in one atomic
//! batch. `k/`, `b/` and `a/` are not part of what the view is built from.

/// The format this build writes.
pub(crate) const FORMAT_VERSION: u32 = 2;

/// The formats this build reads: format 1 stored bundles uncompressed;
/// a format-1 database becomes format 2 with its first write, in the same
/// batch, and its older bundles stay readable.
pub(crate) const READABLE_VERSIONS: std::ops::RangeInclusive<u32> = 1..=FORMAT_VERSION;

/// The first bytes of a compressed bundle. Read as format 1's first field
/// (the length of the document id, a u64), they would be a length of
/// 3.5 × 10^18 bytes, so no format-1 bundle starts with them.
pub(crate) const BUNDLE_MAGIC: &[u8; 8] = b"\0acta-z1";

pub(crate) const VERSION: &[u8] = b"v";
pub(crate) const DOC_PREFIX: &[u8] = b"d/";
pub(crate) const HASH_PREFIX: &[u8] = b"h/";
pub(crate) const ANNOTATION_PREFIX: &[u8] = b"n/";
pub(crate) const READING_PREFIX: &[u8] = b"k/";
pub(crate) const BAND_PREFIX: &[u8] = b"b/";
pub(crate) const OTHER_PREFIX: &[u8] = b"a/";

pub(crate) fn doc(id: &str) -> Vec<u8> {
    [DOC_PREFIX, id.as_bytes()].concat()
}

pub(crate) fn hash(hex: &str) -> Vec<u8> {
    [HASH_PREFIX, hex.as_bytes()].concat()
}

pub(crate) fn reading(id: &str) -> Vec<u8> {
    [READING_PREFIX, id.as_bytes()].concat()
}

pub(crate) fn band(key: u64) -> Vec<u8> {
    [BAND_PREFIX, &key.to_be_bytes()[..]].concat()
}

pub(crate) fn other(hash: &str) -> Vec<u8> {
    [OTHER_PREFIX, hash.as_bytes()].concat()
}

pub(crate) fn annotation(seq: u64) -> Vec<u8> {
    [ANNOTATION_PREFIX, &seq.to_be_bytes()[..]].concat()
}

/// The doc id or hash after a prefix.
pub(crate) fn suffix<'a>(key: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    key.strip_prefix(prefix).unwrap_or(key)
}
