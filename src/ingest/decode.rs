//! Decoding a report file into text: UTF-8 (with or without BOM), UTF-16
//! with BOM, and Windows-1252 / Latin-1 as a fallback with a warning. Empty
//! and binary input is refused with a reason.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text, the encoding it came from, and a warning when the encoding
/// had to be guessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub warning: Option<String>,
}

/// Why a file cannot be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds no text (only white space)")]
    Blank,
    #[error("the file looks binary ({0}), not a text report")]
    Binary(String),
}

/// Decode report bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding, warning) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let name = enc.name();
        let warning = had_errors.then(|| format!("invalid {name} sequences were replaced"));
        (text.into_owned(), name, warning)
    } else if let Some(s) = std::str::from_utf8(bytes)
        .ok()
        .filter(|_| !(bytes.contains(&0) && looks_like_utf16(bytes)))
    {
        // (NUL bytes are valid UTF-8, so UTF-16 without a BOM and with only
        // ASCII letters would pass as UTF-8 full of NULs: test for it first.)
        (s.to_string(), "UTF-8", None)
    } else if looks_like_utf16(bytes) {
        let enc = if bytes.iter().step_by(2).filter(|&&b| b == 0).count() > bytes.len() / 4 {
            UTF_16BE
        } else {
            UTF_16LE
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let name = enc.name();
        (
            text.into_owned(),
            name,
            Some(format!("no BOM; decoded as {name} (guessed)")),
        )
    } else {
        if bytes.contains(&0) {
            return Err(DecodeError::Binary("it contains NUL bytes".into()));
        }
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        (
            text.into_owned(),
            "windows-1252",
            Some("not valid UTF-8; decoded as Windows-1252 / Latin-1 (guessed)".into()),
        )
    };
    check_text(&text)?;
    Ok(Decoded {
        text,
        encoding,
        warning,
    })
}

fn looks_like_utf16(bytes: &[u8]) -> bool {
    bytes.len() >= 4 && bytes.len() % 2 == 0 && {
        let zeros = bytes.iter().filter(|&&b| b == 0).count();
        zeros * 3 >= bytes.len() && zeros * 5 <= bytes.len() * 3
    }
}

fn check_text(text: &str) -> Result<(), DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    let total = text.chars().count();
    let control = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 10 > total {
        return Err(DecodeError::Binary(format!(
            "{control} of {total} characters are control characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("Méxic\u{f3}".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Méxicó", "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Canadá".as_bytes());
        assert_eq!(decode(&b).unwrap().text, "Canadá");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Panamá".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Panamá", "UTF-16LE"));
    }

    #[test]
    fn utf16_without_bom_is_guessed_even_when_all_ascii() {
        for (enc, name) in [(UTF_16LE, "UTF-16LE"), (UTF_16BE, "UTF-16BE")] {
            for text in ["I.\nIntroduccion\nLa OIM y Mexico.\n", "Reunión en México."] {
                let bytes: Vec<u8> = text
                    .encode_utf16()
                    .flat_map(|u| {
                        if enc == UTF_16LE {
                            u.to_le_bytes()
                        } else {
                            u.to_be_bytes()
                        }
                    })
                    .collect();
                let d = decode(&bytes).unwrap();
                assert_eq!((d.text.as_str(), d.encoding), (text, name));
                assert!(d.warning.unwrap().contains(name));
            }
        }
    }

    #[test]
    fn latin1_with_warning() {
        let d = decode(b"Reuni\xf3n de la CRM en M\xe9xico").unwrap();
        assert_eq!(d.text, "Reunión de la CRM en México");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::Blank));
        assert!(matches!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 0xff]),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(&[1u8, 2, 3, 4, 5, 6, 7, 8]),
            Err(DecodeError::Binary(_))
        ));
    }
}
