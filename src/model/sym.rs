//! Shared, immutable strings for what a large knowledge base repeats
//! millions of times: node ids at both ends of every edge, the document and
//! section of every provenance, attribute keys. A [`Sym`] is a reference-
//! counted `str` (16 bytes, no allocation to copy); while an `Interning`
//! guard is alive on a thread, every `Sym` made there (by hand or by serde
//! while reading stored bundles) with the same text shares one allocation.
//! Without a guard, each `Sym` owns its text, as a `String` would.
//!
//! Provenance is shared the same way ([`Prov`]): a mention and the edge
//! and attributes read from the same sentence hold one copy of it.
//!
//! Serialized as a plain string (and a `Prov` as its provenance), so stored
//! data and exports do not change; inside a view snapshot (see
//! `tables`), as an index into the snapshot's table of texts.

use fxhash::FxHashSet;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

mod prov;
pub(crate) mod tables;

pub use prov::Prov;

/// A shared immutable string; compares, hashes and orders as its text.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sym(Arc<str>);

thread_local! {
    /// The texts interned on this thread while an [`Interning`] guard lives.
    static TABLE: RefCell<Option<FxHashSet<Arc<str>>>> = const { RefCell::new(None) };
}

/// While alive, equal [`Sym`]s made on this thread share their text.
/// Nested guards share the outermost one's table; the table is dropped
/// with the outermost guard (the `Sym`s keep their texts).
#[must_use = "interning stops when the guard is dropped"]
pub(crate) struct Interning {
    outermost: bool,
}

impl Interning {
    /// Start interning on this thread.
    pub(crate) fn start() -> Interning {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            let outermost = t.is_none();
            if outermost {
                *t = Some(FxHashSet::default());
                prov::start_interning();
            }
            Interning { outermost }
        })
    }
}

impl Drop for Interning {
    fn drop(&mut self) {
        if self.outermost {
            TABLE.with(|t| *t.borrow_mut() = None);
            prov::stop_interning();
        }
    }
}

impl Sym {
    /// A symbol with the text `s`, shared with an equal one if interning.
    pub fn new(s: &str) -> Sym {
        TABLE.with(|t| match t.borrow_mut().as_mut() {
            Some(set) => match set.get(s) {
                Some(a) => Sym(Arc::clone(a)),
                None => {
                    let a: Arc<str> = Arc::from(s);
                    set.insert(Arc::clone(&a));
                    Sym(a)
                }
            },
            None => Sym(Arc::from(s)),
        })
    }

    /// A symbol with its own copy of `s`, never looked up in the
    /// interning table (for texts known to be distinct, as a snapshot's
    /// table of texts is).
    pub(crate) fn own(s: &str) -> Sym {
        Sym(Arc::from(s))
    }

    /// Where the shared text lives (the same for every clone).
    pub(crate) fn address(&self) -> usize {
        Arc::as_ptr(&self.0).cast::<u8>() as usize
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym::new(s)
    }
}

impl From<String> for Sym {
    fn from(s: String) -> Sym {
        Sym::new(&s)
    }
}

impl From<&String> for Sym {
    fn from(s: &String) -> Sym {
        Sym::new(s)
    }
}

impl From<&Sym> for Sym {
    fn from(s: &Sym) -> Sym {
        s.clone()
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> String {
        s.0.to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        *self == *other.0
    }
}

impl Serialize for Sym {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match tables::sym_index(self) {
            Some(i) => s.serialize_u32(i),
            None => s.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Sym, D::Error> {
        if tables::reading() {
            let i = u32::deserialize(d)?;
            return tables::sym_at(i).ok_or_else(|| de::Error::custom("text index out of range"));
        }
        struct SymVisitor;
        impl Visitor<'_> for SymVisitor {
            type Value = Sym;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Sym, E> {
                Ok(Sym::new(v))
            }
        }
        d.deserialize_str(SymVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation_only_while_interning() {
        let (a, b) = (Sym::new("country:mx"), Sym::new("country:mx"));
        assert_eq!(a, b);
        assert!(!Arc::ptr_eq(&a.0, &b.0));
        let guard = Interning::start();
        let (c, d) = (
            Sym::new("country:mx"),
            Sym::from(String::from("country:mx")),
        );
        assert!(Arc::ptr_eq(&c.0, &d.0));
        drop(guard);
        assert!(!Arc::ptr_eq(&c.0, &Sym::new("country:mx").0));
        assert_eq!(c, "country:mx");
    }

    #[test]
    fn serializes_as_a_plain_string() {
        let s = Sym::new("agreement:informe/IV.E(1)");
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "\"agreement:informe/IV.E(1)\"");
        let back: Sym = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        let bytes = bincode::serialize(&s).unwrap();
        assert_eq!(
            bytes,
            bincode::serialize("agreement:informe/IV.E(1)").unwrap()
        );
        let _guard = Interning::start();
        let x: Sym = bincode::deserialize(&bytes).unwrap();
        let y: Sym = bincode::deserialize(&bytes).unwrap();
        assert!(Arc::ptr_eq(&x.0, &y.0));
    }
}
