//! A small sorted set of ids (shared with the graph's nodes), one allocation wide: what an agreement is
//! adopted at or concerns ([`super::AgreementInfo`]). Most agreements
//! name one or two; a `BTreeSet` took a node of eleven slots for each,
//! which at 10,000 reports was a hundred megabytes while threads were
//! linked. Iterates in the same (sorted) order as a `BTreeSet`.

use crate::model::Sym;
use std::collections::btree_set::BTreeSet;

/// Ids, sorted, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Ids(Vec<Sym>);

impl Ids {
    /// Add `id` unless it is there.
    pub fn insert(&mut self, id: Sym) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// The ids in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Sym> {
        self.0.iter()
    }

    /// The ids in both, in order.
    pub fn intersection<'a>(&'a self, other: &'a Ids) -> impl Iterator<Item = &'a Sym> + 'a {
        self.0
            .iter()
            .filter(move |x| other.0.binary_search(x).is_ok())
    }
}

impl FromIterator<Sym> for Ids {
    fn from_iter<I: IntoIterator<Item = Sym>>(iter: I) -> Ids {
        let set: BTreeSet<Sym> = iter.into_iter().collect();
        Ids(set.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Ids {
    type Item = &'a Sym;
    type IntoIter = std::slice::Iter<'a, Sym>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
