//! The stored form of a document's facts: the bincode encoding of its
//! [`FactBundle`], LZ4-compressed behind a magic prefix (format 1, plain
//! bincode, is still read).

use super::{keys, StoreError};
use crate::model::FactBundle;

/// A bundle as stored: [`keys::BUNDLE_MAGIC`], then the LZ4 block (with
/// its size) of the bincode encoding. Ids and provenance repeat in every
/// fact, so this is about a tenth of the bincode encoding.
pub(super) fn encode_bundle(bundle: &FactBundle) -> Result<Vec<u8>, StoreError> {
    let raw = bincode::serialize(bundle).map_err(|e| StoreError::Corrupt {
        key: bundle.doc.id.clone(),
        message: e.to_string(),
    })?;
    Ok(compressed(&raw))
}

/// [`keys::BUNDLE_MAGIC`], then what `lz4_flex::compress_prepend_size`
/// gives for `raw`, written in one buffer. The block is first written
/// into room for a quarter of `raw` (it is about a tenth): the worst-case
/// size, which `compress_prepend_size` allocates (more than `raw` itself),
/// is only taken when that is too small.
pub(super) fn compressed(raw: &[u8]) -> Vec<u8> {
    let magic = keys::BUNDLE_MAGIC.as_slice();
    let head = magic.len() + 4;
    let worst = lz4_flex::block::get_maximum_output_size(raw.len());
    for room in [(raw.len() / 4 + 64).min(worst), worst] {
        let mut value = vec![0u8; head + room];
        value[..magic.len()].copy_from_slice(magic);
        // The size as `compress_prepend_size` writes it.
        value[magic.len()..head].copy_from_slice(&(raw.len() as u32).to_le_bytes());
        if let Ok(n) = lz4_flex::block::compress_into(raw, &mut value[head..]) {
            value.truncate(head + n);
            return value;
        }
    }
    let mut value = magic.to_vec();
    value.extend(lz4_flex::compress_prepend_size(raw));
    value
}

/// A stored bundle, compressed (format 2) or not (format 1).
pub(super) fn decode_bundle(id: &str, bytes: &[u8]) -> Result<FactBundle, StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        key: format!("d/{id}"),
        message,
    };
    match bytes.strip_prefix(keys::BUNDLE_MAGIC.as_slice()) {
        Some(block) => {
            // The size comes first; LZ4 expands at most 255 times, so a
            // damaged size is refused rather than allocated.
            let (size, data) = block
                .split_first_chunk::<4>()
                .map(|(n, data)| (u32::from_le_bytes(*n) as usize, data))
                .ok_or_else(|| corrupt("compressed bundle is cut short".into()))?;
            if size > data.len().saturating_mul(255).saturating_add(16) {
                return Err(corrupt(format!(
                    "compressed bundle claims {size} bytes from {}",
                    data.len()
                )));
            }
            let raw = lz4_flex::decompress(data, size).map_err(|e| corrupt(e.to_string()))?;
            bincode::deserialize(&raw).map_err(|e| corrupt(e.to_string()))
        }
        None => bincode::deserialize(bytes).map_err(|e| corrupt(e.to_string())),
    }
}
