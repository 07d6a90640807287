//! A stream compressed in chunks (LZ4 blocks), for the parts of a saved
//! view that are read whole when first asked for (`cold.rs`) and for
//! each document's text (`texts.rs`): written and read without holding
//! more than a chunk, four to eight times smaller than the bincode or the
//! text they hold at 10,000 reports.
//!
//! A stream may be compressed against a dictionary (LZ4's external
//! dictionary: up to 64 KB of bytes like those to come, which matches
//! may point into), as the documents' texts are against samples of the
//! view's own texts: each text is short, and most of what it shares is
//! with the others. The same dictionary must read it back.
//!
//! Layout: chunks, each the raw length (u32 LE, at most [`CHUNK`]), the
//! compressed length (u32 LE) and the LZ4 block; nothing after the last.

use std::io::{self, Read, Write};

/// Raw bytes per chunk.
pub(crate) const CHUNK: usize = 1 << 16;

/// Compresses what is written to it, a chunk at a time, into `inner`
/// (against `dict`, when not empty).
pub(crate) struct Packer<'d, W: Write> {
    inner: W,
    raw: Vec<u8>,
    dict: &'d [u8],
}

impl<'d, W: Write> Packer<'d, W> {
    pub(crate) fn new(inner: W, dict: &'d [u8]) -> Packer<'d, W> {
        Packer {
            inner,
            raw: Vec::with_capacity(CHUNK),
            dict,
        }
    }

    fn emit(&mut self) -> io::Result<()> {
        if self.raw.is_empty() {
            return Ok(());
        }
        let packed = match self.dict.is_empty() {
            true => lz4_flex::block::compress(&self.raw),
            false => lz4_flex::block::compress_with_dict(&self.raw, self.dict),
        };
        let len = |n: usize| {
            u32::try_from(n)
                .map(u32::to_le_bytes)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "chunk too large"))
        };
        self.inner.write_all(&len(self.raw.len())?)?;
        self.inner.write_all(&len(packed.len())?)?;
        self.inner.write_all(&packed)?;
        self.raw.clear();
        Ok(())
    }

    /// Write the last chunk; gives the inner writer back.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.emit()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for Packer<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(CHUNK - self.raw.len());
        self.raw.extend_from_slice(&buf[..n]);
        if self.raw.len() == CHUNK {
            self.emit()?;
        }
        Ok(n)
    }

    /// Chunks are written whole: a flush writes nothing early.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Reads back what a [`Packer`] wrote to `inner` (with the same
/// dictionary).
pub(crate) struct Unpacker<'d, R: Read> {
    inner: R,
    raw: Vec<u8>,
    at: usize,
    packed: Vec<u8>,
    dict: &'d [u8],
}

impl<'d, R: Read> Unpacker<'d, R> {
    pub(crate) fn new(inner: R, dict: &'d [u8]) -> Unpacker<'d, R> {
        Unpacker {
            inner,
            raw: Vec::new(),
            at: 0,
            packed: Vec::new(),
            dict,
        }
    }

    /// The next chunk into `raw`; false at the end of the stream.
    fn next_chunk(&mut self) -> io::Result<bool> {
        let mut head = [0u8; 8];
        match self.inner.read_exact(&mut head[..1]) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(false),
            other => other?,
        }
        self.inner.read_exact(&mut head[1..])?;
        let damaged = || io::Error::new(io::ErrorKind::InvalidData, "damaged chunk");
        let field = |at: usize| -> io::Result<usize> {
            let bytes: [u8; 4] = head[at..at + 4].try_into().map_err(|_| damaged())?;
            usize::try_from(u32::from_le_bytes(bytes)).map_err(|_| damaged())
        };
        let (raw_len, packed_len) = (field(0)?, field(4)?);
        if raw_len > CHUNK || packed_len > lz4_flex::block::get_maximum_output_size(CHUNK) {
            return Err(damaged());
        }
        self.packed.resize(packed_len, 0);
        self.inner.read_exact(&mut self.packed)?;
        self.raw.resize(raw_len, 0);
        let n = match self.dict.is_empty() {
            true => lz4_flex::block::decompress_into(&self.packed, &mut self.raw),
            false => {
                lz4_flex::block::decompress_into_with_dict(&self.packed, &mut self.raw, self.dict)
            }
        }
        .map_err(|_| damaged())?;
        if n != raw_len {
            return Err(damaged());
        }
        self.at = 0;
        Ok(true)
    }
}

impl<R: Read> Read for Unpacker<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.raw.len() {
            if !self.next_chunk()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.raw.len() - self.at);
        buf[..n].copy_from_slice(&self.raw[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// `bytes` compressed as a stream of chunks (against `dict`).
pub(crate) fn pack(bytes: &[u8], dict: &[u8]) -> io::Result<Vec<u8>> {
    let mut p = Packer::new(Vec::with_capacity(bytes.len() / 4 + 16), dict);
    p.write_all(bytes)?;
    p.finish()
}

/// What [`pack`] packed (against `dict`), if it reads back whole.
pub(crate) fn unpack(bytes: &[u8], dict: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    Unpacker::new(bytes, dict).read_to_end(&mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_reads_back_as_written() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8 / 3).collect();
            let packed = pack(&bytes, &[]).expect("packs");
            assert_eq!(unpack(&packed, &[]), Some(bytes.clone()), "{len} bytes");
            let dict = b"una frase repetida. ".repeat(10);
            let packed = pack(&bytes, &dict).expect("packs");
            assert_eq!(
                unpack(&packed, &dict),
                Some(bytes),
                "{len} bytes, a dictionary"
            );
        }
    }

    /// A dictionary of what the texts share makes each much smaller.
    #[test]
    fn a_dictionary_of_shared_text_shrinks_a_short_one() {
        let shared = "La Conferencia Regional sobre Migración acordó solicitar a la \
                      Presidencia Pro Tempore que remita a los países miembros. ";
        let text = format!("{shared}Belice y México. {shared}");
        let plain = pack(text.as_bytes(), &[]).expect("packs");
        let against = pack(text.as_bytes(), shared.as_bytes()).expect("packs");
        assert!(
            against.len() * 2 < plain.len(),
            "{} vs {}",
            against.len(),
            plain.len()
        );
        assert_eq!(unpack(&against, shared.as_bytes()), Some(text.into_bytes()));
    }

    #[test]
    fn a_damaged_stream_is_an_error_not_a_panic() {
        let bytes = "una frase repetida. ".repeat(5000).into_bytes();
        let packed = pack(&bytes, &[]).expect("packs");
        assert!(packed.len() < bytes.len() / 4);
        for at in (0..packed.len()).step_by(7) {
            let mut bad = packed.clone();
            bad[at] ^= 0x21;
            let _ = unpack(&bad, &[]);
            let _ = unpack(&bad, b"otra frase");
        }
        assert_eq!(unpack(&packed[..packed.len() - 1], &[]), None, "cut short");
    }
}
