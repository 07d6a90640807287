//! Query strings in and out: `application/x-www-form-urlencoded` decoding
//! (`+` is a space, `%XX` a byte, the result UTF-8) and the encoding of a
//! value put into a link.

/// A query string that does not decode: what a 400 page says.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum BadQuery {
    /// `%` not followed by two hex digits, in the part given.
    #[error("bad percent-escape in {0:?}")]
    PercentEscape(String),
    /// The decoded bytes are not UTF-8.
    #[error("the query string is not UTF-8")]
    NotUtf8,
}

/// The `key=value` pairs of a query string, decoded; a malformed one is an
/// error that says which.
pub(crate) fn parse_query(query: &str) -> Result<Vec<(String, String)>, BadQuery> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

/// The first value of `key`, trimmed; `None` when absent or blank.
pub(crate) fn param(params: &[(String, String)], key: &str) -> Option<String> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn decode(s: &str) -> Result<String, BadQuery> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut it = s.bytes();
    while let Some(b) = it.next() {
        match b {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = [it.next(), it.next()];
                let byte = match hex {
                    [Some(h), Some(l)] => std::str::from_utf8(&[h, l])
                        .ok()
                        .and_then(|x| u8::from_str_radix(x, 16).ok()),
                    _ => None,
                };
                bytes.push(byte.ok_or_else(|| BadQuery::PercentEscape(s.to_string()))?);
            }
            b => bytes.push(b),
        }
    }
    String::from_utf8(bytes).map_err(|_| BadQuery::NotUtf8)
}

/// `s` percent-encoded for a query string value.
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_forms_and_refuses_what_is_not_text() {
        let p = parse_query("q=acuerdos+de+la+VII+CRM%3F&as_of=&x").expect("parses");
        assert_eq!(param(&p, "q").as_deref(), Some("acuerdos de la VII CRM?"));
        assert_eq!(param(&p, "as_of"), None);
        assert_eq!(param(&p, "x"), None);
        assert_eq!(
            parse_query("q=%ZZ"),
            Err(BadQuery::PercentEscape("%ZZ".into()))
        );
        assert_eq!(parse_query("q=%C3"), Err(BadQuery::NotUtf8));
        assert_eq!(
            decode(&encode("IV.E(1) «é» &<")).as_deref(),
            Ok("IV.E(1) «é» &<")
        );
    }
}
