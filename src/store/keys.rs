//! The key layout of the sled database. The only file that knows it.
//!
//! | key                         | value                               |
//! |-----------------------------|-------------------------------------|
//! | `v`                         | format version, u32 big-endian      |
//! | `d/<doc id>`                | bincode [`crate::model::FactBundle`]|
//! | `h/<sha-256 hex>`           | doc id (content-hash index)         |
//! | `n/<u64 big-endian seq>`    | JSON annotation record              |
//!
//! All keys of one document (`d/` and `h/`) change in one atomic batch.

/// The format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

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
