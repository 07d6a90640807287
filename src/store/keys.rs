//! The key layout of the sled database. The only file that knows it.
//!
//! | key                         | value                               |
//! |-----------------------------|-------------------------------------|
//! | `v`                         | format version, u32 big-endian      |
//! | `d/<doc id>`                | [`BUNDLE_MAGIC`] + LZ4 of bincode [`crate::model::FactBundle`] (format 1: bincode alone) |
//! | `h/<sha-256 hex>`           | doc id (content-hash index)         |
//! | `n/<u64 big-endian seq>`    | JSON annotation record              |
//!
//! All keys of one document (`d/` and `h/`) change in one atomic batch.

/// The format this build writes.
pub const FORMAT_VERSION: u32 = 2;

/// The formats this build reads: format 1 stored bundles uncompressed;
/// a format-1 database becomes format 2 with its first write, in the same
/// batch, and its older bundles stay readable.
pub const READABLE_VERSIONS: std::ops::RangeInclusive<u32> = 1..=FORMAT_VERSION;

/// The first bytes of a compressed bundle. Read as format 1's first field
/// (the length of the document id, a u64), they would be a length of
/// 3.5 × 10^18 bytes, so no format-1 bundle starts with them.
pub const BUNDLE_MAGIC: &[u8; 8] = b"\0acta-z1";

pub const VERSION: &[u8] = b"v";
pub const DOC_PREFIX: &[u8] = b"d/";
pub const HASH_PREFIX: &[u8] = b"h/";
pub const ANNOTATION_PREFIX: &[u8] = b"n/";

pub fn doc(id: &str) -> Vec<u8> {
    [DOC_PREFIX, id.as_bytes()].concat()
}

pub fn hash(hex: &str) -> Vec<u8> {
    [HASH_PREFIX, hex.as_bytes()].concat()
}

pub fn annotation(seq: u64) -> Vec<u8> {
    [ANNOTATION_PREFIX, &seq.to_be_bytes()[..]].concat()
}

/// The doc id or hash after a prefix.
pub fn suffix<'a>(key: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    key.strip_prefix(prefix).unwrap_or(key)
}
