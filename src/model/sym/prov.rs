//! [`Prov`]: a provenance shared by every fact read from the same sentence,
//! interned like [`super::Sym`] while an [`super::Interning`] guard lives.

use super::tables;
use crate::model::Provenance;
use fxhash::FxHashSet;
use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A shared provenance; compares and hashes as the provenance it holds.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Prov(Arc<Provenance>);

thread_local! {
    /// The provenances interned on this thread while the guard lives.
    static PROVENANCES: RefCell<Option<FxHashSet<Prov>>> = const { RefCell::new(None) };
}

pub(super) fn start_interning() {
    PROVENANCES.with(|p| *p.borrow_mut() = Some(FxHashSet::default()));
}

pub(super) fn stop_interning() {
    PROVENANCES.with(|p| *p.borrow_mut() = None);
}

/// `p` as a [`Prov`], shared with an equal one if interning.
pub(crate) fn share(p: Provenance) -> Prov {
    PROVENANCES.with(|t| match t.borrow_mut().as_mut() {
        Some(set) => {
            let p = Prov(Arc::new(p));
            match set.get(&p) {
                Some(known) => known.clone(),
                None => {
                    set.insert(p.clone());
                    p
                }
            }
        }
        None => Prov(Arc::new(p)),
    })
}

impl Prov {
    /// `p` as a [`Prov`] of its own, without interning.
    pub(crate) fn own(p: Provenance) -> Prov {
        Prov(Arc::new(p))
    }

    /// Where the shared provenance lives (the same for every clone).
    pub(crate) fn address(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

impl Deref for Prov {
    type Target = Provenance;
    fn deref(&self) -> &Provenance {
        &self.0
    }
}

impl AsRef<Provenance> for Prov {
    fn as_ref(&self) -> &Provenance {
        &self.0
    }
}

impl From<Provenance> for Prov {
    fn from(p: Provenance) -> Prov {
        share(p)
    }
}

impl fmt::Debug for Prov {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Prov {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl Serialize for Prov {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match tables::prov_index(self) {
            Some(i) => s.serialize_u32(i),
            None => self.0.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Prov {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Prov, D::Error> {
        if tables::reading() {
            let i = u32::deserialize(d)?;
            return tables::prov_at(i)
                .ok_or_else(|| de::Error::custom("provenance index out of range"));
        }
        Provenance::deserialize(d).map(share)
    }
}
