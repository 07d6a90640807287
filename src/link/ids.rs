//! A small sorted set of ids, one allocation wide: what an agreement is
//! adopted at or concerns ([`super::AgreementInfo`]). Most agreements
//! name one or two; a `BTreeSet` took a node of eleven slots for each,
//! which at 10,000 reports was a hundred megabytes while threads were
//! linked. Iterates in the same (sorted) order as a `BTreeSet`.

use std::collections::btree_set::BTreeSet;

/// Ids, sorted, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Ids(Vec<String>);

impl Ids {
    /// Add `id` unless it is there.
    pub fn insert(&mut self, id: String) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// The ids in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    /// The ids in both, in order.
    pub fn intersection<'a>(&'a self, other: &'a Ids) -> impl Iterator<Item = &'a String> + 'a {
        self.0
            .iter()
            .filter(move |x| other.0.binary_search(x).is_ok())
    }
}

impl FromIterator<String> for Ids {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Ids {
        let set: BTreeSet<String> = iter.into_iter().collect();
        Ids(set.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Ids {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
