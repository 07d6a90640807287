//! The tables of a view snapshot: while a snapshot is written, each
//! [`Sym`] and [`Prov`] serializes as its index in a table of the texts
//! and provenances met so far, written once after the body; while one is
//! read, each index becomes a shared copy of its entry, which a
//! [`Lookup`] (the snapshot's tables, read in place) gives when first
//! asked for. Ten million provenances and the ids they name then cost
//! nothing until a query reads them, and one read each after that.

use super::{Prov, Sym};
use fxhash::FxHashMap;
use std::cell::RefCell;
use std::sync::Arc;

/// The tables of a saved view, as read: the text and the provenance
/// at each index (`None` past the end or where unreadable).
pub(crate) trait Lookup: Send + Sync {
    fn sym(&self, i: u32) -> Option<Sym>;
    fn prov(&self, i: u32) -> Option<Prov>;
}

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
        lookup: Arc<dyn Lookup>,
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

/// While alive, [`Sym`]s and [`Prov`]s deserialize from table indexes,
/// as `lookup` gives them. Nested: the reading it replaced (a provenance
/// read while a node is) comes back when it is dropped.
pub(crate) struct Reading(Option<Tables>);

impl Reading {
    /// Start reading with the tables of `lookup`, for a section (or an
    /// entry) of `budget` bytes (see [`capacity`]).
    pub(crate) fn start(lookup: Arc<dyn Lookup>, budget: u64) -> Reading {
        let budget = usize::try_from(budget).unwrap_or(usize::MAX);
        TABLES.with(|t| Reading(t.borrow_mut().replace(Tables::Reading { lookup, budget })))
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
        let before = self.0.take();
        TABLES.with(|t| *t.borrow_mut() = before);
    }
}

/// The lookup of the reading under way, out of the thread's cell (so
/// that it can read, and start a nested reading, without the cell held).
fn lookup() -> Option<Arc<dyn Lookup>> {
    TABLES.with(|t| match &*t.borrow() {
        Some(Tables::Reading { lookup, .. }) => Some(Arc::clone(lookup)),
        _ => None,
    })
}

pub(super) fn reading() -> bool {
    TABLES.with(|t| matches!(&*t.borrow(), Some(Tables::Reading { .. })))
}

pub(crate) fn sym_index(s: &Sym) -> Option<u32> {
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

pub(crate) fn prov_index(p: &Prov) -> Option<u32> {
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
    lookup()?.sym(i)
}

pub(super) fn prov_at(i: u32) -> Option<Prov> {
    lookup()?.prov(i)
}
