//! The tables of a view snapshot: while a snapshot is written, each
//! [`Sym`] and [`Prov`] serializes as its index in a table of the texts
//! and provenances met so far, written once after the body; while one is
//! read, the tables come first and each index becomes a shared copy. Ten
//! million provenances and the ids they name then cost one read each,
//! with neither a string nor a hash per fact.

use super::{Prov, Sym};
use fxhash::FxHashMap;
use std::cell::RefCell;

enum Tables {
    /// Keyed by address: the lists keep every entry alive, so an address
    /// names one entry. Equal texts at two addresses (made apart, without
    /// interning) take two entries, which costs room, not correctness.
    Writing {
        syms: FxHashMap<usize, u32>,
        provs: FxHashMap<usize, u32>,
        prov_list: Vec<Prov>,
        sym_list: Vec<Sym>,
    },
    Reading {
        syms: Vec<Sym>,
        provs: Vec<Prov>,
        /// Bytes of the section being read (see [`capacity`]).
        budget: usize,
    },
}

thread_local! {
    static TABLES: RefCell<Option<Tables>> = const { RefCell::new(None) };
}

/// While alive, [`Sym`]s and [`Prov`]s serialize as table indexes; gives
/// the tables when done. Not nested.
pub(crate) struct Writing(());

impl Writing {
    pub(crate) fn start() -> Writing {
        TABLES.with(|t| {
            *t.borrow_mut() = Some(Tables::Writing {
                syms: FxHashMap::default(),
                provs: FxHashMap::default(),
                prov_list: Vec::new(),
                sym_list: Vec::new(),
            })
        });
        Writing(())
    }

    /// The provenances met so far, in index order (serializing them may
    /// add texts: take the texts after).
    pub(crate) fn provenances(&self) -> Vec<Prov> {
        TABLES.with(|t| match &*t.borrow() {
            Some(Tables::Writing { prov_list, .. }) => prov_list.clone(),
            _ => Vec::new(),
        })
    }

    /// The texts met so far, in index order.
    pub(crate) fn texts(&self) -> Vec<Sym> {
        TABLES.with(|t| match &*t.borrow() {
            Some(Tables::Writing { sym_list, .. }) => sym_list.clone(),
            _ => Vec::new(),
        })
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        TABLES.with(|t| *t.borrow_mut() = None);
    }
}

/// While alive, [`Sym`]s and [`Prov`]s deserialize from table indexes.
pub(crate) struct Reading(());

impl Reading {
    /// Start reading with the texts; provenances are added with
    /// [`Reading::set_provenances`] once read (their texts are indexes).
    pub(crate) fn start(syms: Vec<Sym>) -> Reading {
        TABLES.with(|t| {
            *t.borrow_mut() = Some(Tables::Reading {
                syms,
                provs: Vec::new(),
                budget: 0,
            })
        });
        Reading(())
    }

    pub(crate) fn set_provenances(&self, list: Vec<Prov>) {
        TABLES.with(|t| {
            if let Some(Tables::Reading { provs, .. }) = &mut *t.borrow_mut() {
                *provs = list;
            }
        });
    }

    /// The length in bytes of the section about to be read, which bounds
    /// what a length read from it may preallocate (see [`capacity`]).
    pub(crate) fn set_budget(&self, bytes: u64) {
        TABLES.with(|t| {
            if let Some(Tables::Reading { budget, .. }) = &mut *t.borrow_mut() {
                *budget = usize::try_from(bytes).unwrap_or(usize::MAX);
            }
        });
    }
}

/// How many entries to allocate room for at once, before reading a list
/// or map said to hold `hint` entries of at least `min_bytes` bytes each
/// in the section being read: all of them, when the section can hold
/// them (a damaged length then costs an error, not a huge allocation);
/// none outside a snapshot read.
pub(crate) fn capacity(hint: Option<usize>, min_bytes: usize) -> usize {
    let budget = TABLES.with(|t| match &*t.borrow() {
        Some(Tables::Reading { budget, .. }) => *budget,
        _ => 0,
    });
    hint.unwrap_or(0).min(budget / min_bytes.max(1))
}

impl Drop for Reading {
    fn drop(&mut self) {
        TABLES.with(|t| *t.borrow_mut() = None);
    }
}

pub(super) fn reading() -> bool {
    TABLES.with(|t| matches!(&*t.borrow(), Some(Tables::Reading { .. })))
}

pub(super) fn sym_index(s: &Sym) -> Option<u32> {
    TABLES.with(|t| match &mut *t.borrow_mut() {
        Some(Tables::Writing { syms, sym_list, .. }) => {
            let next = u32::try_from(sym_list.len()).ok()?;
            Some(*syms.entry(s.address()).or_insert_with(|| {
                sym_list.push(s.clone());
                next
            }))
        }
        _ => None,
    })
}

pub(super) fn prov_index(p: &Prov) -> Option<u32> {
    TABLES.with(|t| match &mut *t.borrow_mut() {
        Some(Tables::Writing {
            provs, prov_list, ..
        }) => {
            let next = u32::try_from(prov_list.len()).ok()?;
            Some(*provs.entry(p.address()).or_insert_with(|| {
                prov_list.push(p.clone());
                next
            }))
        }
        _ => None,
    })
}

pub(super) fn sym_at(i: u32) -> Option<Sym> {
    TABLES.with(|t| match &*t.borrow() {
        Some(Tables::Reading { syms, .. }) => syms.get(usize::try_from(i).ok()?).cloned(),
        _ => None,
    })
}

pub(super) fn prov_at(i: u32) -> Option<Prov> {
    TABLES.with(|t| match &*t.borrow() {
        Some(Tables::Reading { provs, .. }) => provs.get(usize::try_from(i).ok()?).cloned(),
        _ => None,
    })
}
