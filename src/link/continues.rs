//! Which earlier agreement each agreement continues: the search behind
//! `same_as` (the rules and the choices are in the [`crate::link`] module
//! doc). Agreements are visited oldest report first; each is compared only
//! with the agreements of the nearest earlier report in a few lists it
//! belongs to, so the work grows with the number of agreements, not with
//! the square of a meeting or a document.
//!
//! - By quoted document: the agreements concerning each `document:`, in
//!   visiting order.
//! - By meeting and heading: the agreements of each meeting with each
//!   distinct heading (its set of content words). Headings similar enough
//!   for the heading rule are found once, by a similarity self-join of the
//!   distinct headings ([`super::join`]); an agreement looks up its
//!   meetings' lists under its own heading and each similar one.
//! - By decision text, for the few agreements the lists above leave
//!   unplaced: the rarest words of each text (its prefix for the text
//!   threshold, see [`super::join`]) index the agreements of each meeting
//!   or concern; a search walks the lists of its own prefix words, nearest
//!   agreement first, and stops at the first report with a text similar
//!   enough. A bucket's word index is built when a search first visits it
//!   and kept up to date from then on: most buckets are never searched.
//!
//! Threads are kept in a union-find with the quoted documents of each, so
//! that evidence weaker than a shared document never joins two threads that
//! quote different documents.

use super::join::{by_rarity, overlap, similar_sets, Threshold};
use super::{AgreementInfo, Shared, WordSet};
use crate::model::Sym;
use fxhash::FxHashMap;

/// The heading rule's threshold: heading similarity ≥ 1/2.
const HEADING: Threshold = Threshold { num: 1, den: 2 };
/// The text rule's threshold: decision text similarity ≥ 3/5.
const TEXT: Threshold = Threshold { num: 3, den: 5 };

/// How many index entries a text search reads in one bucket before it gives
/// up. Texts written from one template share their rarest words with
/// thousands of others, and a text that matches none would otherwise read
/// every earlier agreement of its meeting. On the synthetic corpora one
/// bucket search in 1,659 (1,000 reports) and one in 4,292 (10,000 reports)
/// reached the bound; without it the links were as many and made the same
/// threads.
const TEXT_SEARCH: usize = 256;

/// Agreements in the order they are visited: report date, then report id,
/// then agreement id (indexes into `agreements`).
pub(crate) fn order(agreements: &[AgreementInfo]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..agreements.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&agreements[a], &agreements[b]);
        (a.date, &a.doc, &a.id).cmp(&(b.date, &b.doc, &b.id))
    });
    order
}

/// Dense ids for values, in the order first seen.
struct Ids<K>(FxHashMap<K, u32>);

impl<K: std::hash::Hash + Eq> Ids<K> {
    fn new() -> Ids<K> {
        Ids(FxHashMap::default())
    }

    fn of(&mut self, k: K) -> u32 {
        let n = self.0.len() as u32;
        *self.0.entry(k).or_insert(n)
    }
}

/// One agreement, as the search sees it (ids are dense, lists sorted).
struct Item {
    report: u32,
    heading: u32,
    text: u32,
    meetings: Vec<u32>,
    documents: Vec<u32>,
    /// Where the text rule looks: its meetings and the concerns that are
    /// not organizations (an organization is a party to hundreds of
    /// agreements and singles out none of them).
    text_buckets: Vec<u32>,
}

/// Threads so far: a union-find over positions, with the sorted quoted
/// documents of each thread at its root.
struct Threads {
    parent: Vec<u32>,
    documents: Vec<Vec<u32>>,
}

impl Threads {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (keep, gone) = (a.min(b), a.max(b));
        let moved = std::mem::take(&mut self.documents[gone as usize]);
        if !moved.is_empty() {
            let docs = &mut self.documents[keep as usize];
            docs.extend(moved);
            docs.sort_unstable();
            docs.dedup();
        }
        self.parent[gone as usize] = keep;
    }

    /// Whether `a` and `b` are in threads that both quote documents and
    /// share none.
    fn apart(&mut self, a: u32, b: u32) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        let (x, y) = (&self.documents[a as usize], &self.documents[b as usize]);
        a != b && !x.is_empty() && !y.is_empty() && overlap(x, y) == 0
    }
}

/// The agreements in `list` (positions, ascending) of its last report other
/// than `report`, whose own agreements, if any, are at its end: the nearest
/// earlier report in the list.
fn nearest_report<'a>(list: &'a [u32], items: &'a [Item], report: u32) -> &'a [u32] {
    let mut end = list.len();
    while end > 0 && items[list[end - 1] as usize].report == report {
        end -= 1;
    }
    let Some(&last) = list[..end].last() else {
        return &[];
    };
    let other = items[last as usize].report;
    let mut start = end - 1;
    while start > 0 && items[list[start - 1] as usize].report == other {
        start -= 1;
    }
    &list[start..end]
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = overlap(a, b);
    inter as f64 / (a.len() + b.len() - inter) as f64
}

fn key(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// A `same_as` link found: indexes into the agreements, and what the two
/// share (for the evidence in words).
pub(crate) struct Link<'a> {
    pub later: usize,
    pub earlier: usize,
    pub shared: Shared<'a>,
}

/// The first value of two sorted lists that is in both.
fn first_common(a: &[u32], b: &[u32]) -> Option<u32> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(a[i]),
        }
    }
    None
}

/// The search's state: the agreements in visiting order and the lists each
/// has joined so far.
struct Search<'a> {
    items: Vec<Item>,
    /// Meeting and concern ids by bucket, numbered in the ids' order.
    bucket_names: Vec<&'a str>,
    headings: Vec<&'a WordSet>,
    /// Distinct texts, each word replaced by its rank, rarest first.
    texts: Vec<Vec<u32>>,
    similar_headings: Vec<Vec<u32>>,
    by_document: FxHashMap<u32, Vec<u32>>,
    by_heading: FxHashMap<u64, Vec<u32>>,
    /// The agreements of each text bucket, in order.
    in_bucket: FxHashMap<u32, Vec<u32>>,
    /// The agreements of each text bucket by prefix word, built only for
    /// the buckets a text search visits (searches are rare: most
    /// agreements are placed by a document or a heading) and brought up to
    /// date before each visit. `indexed` says how many of the bucket's
    /// agreements are in it.
    by_word: FxHashMap<u64, Vec<u32>>,
    indexed: FxHashMap<u32, usize>,
    threads: Threads,
}

impl<'a> Search<'a> {
    /// What agreements `x` and `y` share, as [`super::evidence_with`] would
    /// find it.
    fn shared(&self, x: u32, y: u32) -> Shared<'a> {
        let (a, b) = (&self.items[x as usize], &self.items[y as usize]);
        let name = |id: Option<u32>| id.map(|id| self.bucket_names[id as usize]);
        Shared {
            document: name(first_common(&a.documents, &b.documents)),
            meeting: name(first_common(&a.meetings, &b.meetings)),
            heading: jaccard(
                self.headings[a.heading as usize],
                self.headings[b.heading as usize],
            ),
            text: jaccard(&self.texts[a.text as usize], &self.texts[b.text as usize]),
        }
    }

    /// Rank of `x` as what `y` continues under the heading and text rules:
    /// how many kinds of evidence, whether the heading rule holds, then the
    /// two similarities; `None` without evidence.
    fn rank(&self, x: u32, y: u32) -> Option<(u32, bool, f64, f64)> {
        let s = self.shared(x, y);
        let (hs, ts) = (s.heading, s.text);
        let heading = hs >= 0.5 && s.meeting.is_some();
        let text = ts >= 0.6;
        let kinds = u32::from(heading) + u32::from(text);
        let hs = if heading { hs } else { 0.0 };
        let ts = if text { ts } else { 0.0 };
        (kinds > 0).then_some((kinds, heading, hs, ts))
    }

    /// The best of `candidates` for `y`: the strongest evidence, the
    /// nearest on ties; none that would join threads quoting different
    /// documents.
    fn best(&mut self, candidates: &[u32], y: u32) -> Option<u32> {
        let mut best: Option<((u32, bool, f64, f64), u32)> = None;
        for &x in candidates {
            let Some(r) = self.rank(x, y) else { continue };
            if self.threads.apart(x, y) {
                continue;
            }
            let better = best.is_none_or(|(b, bx)| {
                (r.0, r.1)
                    .cmp(&(b.0, b.1))
                    .then(r.2.total_cmp(&b.2))
                    .then(r.3.total_cmp(&b.3))
                    .then(x.cmp(&bx))
                    .is_gt()
            });
            if better {
                best = Some((r, x));
            }
        }
        best.map(|(_, x)| x)
    }

    /// Candidates of `y` under the heading rule: the nearest earlier report
    /// in each list of one of its meetings with its heading or a similar one.
    fn by_heading(&self, y: u32, out: &mut Vec<u32>) {
        let it = &self.items[y as usize];
        if self.headings[it.heading as usize].is_empty() {
            return;
        }
        let similar =
            std::iter::once(&it.heading).chain(&self.similar_headings[it.heading as usize]);
        for h in similar {
            for &m in &it.meetings {
                if let Some(list) = self.by_heading.get(&key(m, *h)) {
                    out.extend_from_slice(nearest_report(list, &self.items, it.report));
                }
            }
        }
    }

    /// Candidates of `y` under the text rule: in each of its buckets, the
    /// agreements of the nearest earlier report whose text is similar
    /// enough, found through the lists of its rarest words.
    fn by_text(&mut self, y: u32, out: &mut Vec<u32>) {
        for k in 0..self.items[y as usize].text_buckets.len() {
            let b = self.items[y as usize].text_buckets[k];
            self.index_words(b);
        }
        let it = &self.items[y as usize];
        let words = &self.texts[it.text as usize];
        if words.is_empty() {
            return;
        }
        let prefix = &words[..TEXT.prefix_len(words.len())];
        let mut lists: Vec<&[u32]> = Vec::with_capacity(prefix.len());
        for &b in &it.text_buckets {
            lists.clear();
            lists.extend(
                prefix
                    .iter()
                    .filter_map(|&w| self.by_word.get(&key(b, w)).map(Vec::as_slice)),
            );
            // Walk the lists backwards together, nearest agreement first.
            let mut ends: Vec<usize> = lists.iter().map(|l| l.len()).collect();
            let (mut last, mut found, mut read) = (u32::MAX, None, 0);
            while read < TEXT_SEARCH {
                let next = (0..lists.len())
                    .filter(|&k| ends[k] > 0)
                    .max_by_key(|&k| lists[k][ends[k] - 1]);
                let Some(k) = next else { break };
                ends[k] -= 1;
                read += 1;
                let x = lists[k][ends[k]];
                if x == last {
                    continue;
                }
                last = x;
                let report = self.items[x as usize].report;
                if report == it.report {
                    continue;
                }
                if found.is_some_and(|r| r != report) {
                    break;
                }
                let xs = &self.texts[self.items[x as usize].text as usize];
                let inter = overlap(xs, words);
                if TEXT.reached(inter, xs.len() + words.len() - inter) {
                    out.push(x);
                    found = Some(report);
                }
            }
        }
    }

    /// Add `y` to the lists it belongs to.
    fn index(&mut self, y: u32) {
        let it = &self.items[y as usize];
        for &d in &it.documents {
            self.by_document.entry(d).or_default().push(y);
        }
        if !self.headings[it.heading as usize].is_empty() {
            for &m in &it.meetings {
                self.by_heading
                    .entry(key(m, it.heading))
                    .or_default()
                    .push(y);
            }
        }
        for &b in &it.text_buckets {
            self.in_bucket.entry(b).or_default().push(y);
        }
    }

    /// Bring the word lists of bucket `b` up to date with its agreements.
    fn index_words(&mut self, b: u32) {
        let Some(members) = self.in_bucket.get(&b) else {
            return;
        };
        let done = self.indexed.entry(b).or_default();
        for &x in &members[*done..] {
            let words = &self.texts[self.items[x as usize].text as usize];
            if words.is_empty() {
                continue;
            }
            for &w in &words[..TEXT.prefix_len(words.len())] {
                self.by_word.entry(key(b, w)).or_default().push(x);
            }
        }
        *done = members.len();
    }
}

/// The `same_as` links, later agreements in `order` and each one's earlier
/// agreements nearest first. `sets` are the heading and text words of each
/// agreement; `joined` pairs of agreements already in one thread
/// (`evolved_into`), as indexes into `agreements`.
pub(crate) fn links<'a>(
    agreements: &'a [AgreementInfo],
    order: &[usize],
    sets: &'a [[WordSet; 2]],
    joined: &[(usize, usize)],
) -> Vec<Link<'a>> {
    if order.is_empty() {
        return Vec::new();
    }
    let mut search = Search::of(agreements, order, sets);
    let mut at = vec![0u32; agreements.len()];
    for (p, &i) in order.iter().enumerate() {
        at[i] = p as u32;
    }
    for &(a, b) in joined {
        search.threads.union(at[a], at[b]);
    }
    let mut links = Vec::new();
    let (mut chosen, mut candidates) = (Vec::new(), Vec::new());
    for y in 0..order.len() as u32 {
        search.earlier_of(y, &mut chosen, &mut candidates);
        for &x in &chosen {
            links.push(Link {
                later: order[y as usize],
                earlier: order[x as usize],
                shared: search.shared(x, y),
            });
            search.threads.union(x, y);
        }
        search.index(y);
    }
    links
}

/// The agreements in `order` as the search sees them, with the ids their
/// meetings and concerns (buckets), headings and texts were given.
struct Numbered<'a> {
    items: Vec<Item>,
    buckets: Ids<&'a str>,
    headings: Ids<&'a WordSet>,
    texts: Ids<&'a WordSet>,
}

fn numbered<'a>(
    agreements: &'a [AgreementInfo],
    order: &[usize],
    sets: &'a [[WordSet; 2]],
) -> Numbered<'a> {
    let mut reports = Ids::new();
    let mut n = Numbered {
        items: Vec::with_capacity(order.len()),
        buckets: Ids::new(),
        headings: Ids::new(),
        texts: Ids::new(),
    };
    let sorted = |mut v: Vec<u32>| {
        v.sort_unstable();
        v.dedup();
        v
    };
    for &i in order {
        let a = &agreements[i];
        let mut bucket = |k: &'a Sym| n.buckets.of(k.as_str());
        let meetings: Vec<u32> = a.meetings.iter().map(&mut bucket).collect();
        let documents: Vec<u32> = a
            .concerns
            .iter()
            .filter(|c| c.starts_with("document:"))
            .map(&mut bucket)
            .collect();
        let mut text_buckets = meetings.clone();
        text_buckets.extend(
            a.concerns
                .iter()
                .filter(|c| !c.starts_with("organization:"))
                .map(&mut bucket),
        );
        n.items.push(Item {
            report: reports.of(a.doc.as_str()),
            heading: n.headings.of(&sets[i][0]),
            text: n.texts.of(&sets[i][1]),
            meetings: sorted(meetings),
            documents: sorted(documents),
            text_buckets: sorted(text_buckets),
        });
    }
    n
}

/// Number buckets in the order of their names (node ids), so that the
/// first bucket two agreements share is the one `BTreeSet` order gives
/// first, as in `evidence`; the items' lists renumbered. Returns the
/// names by their new number.
fn by_name<'a>(buckets: Ids<&'a str>, items: &mut [Item]) -> Vec<&'a str> {
    let mut bucket_names: Vec<&str> = vec![""; buckets.0.len()];
    for (name, id) in buckets.0 {
        bucket_names[id as usize] = name;
    }
    let mut by_name: Vec<u32> = (0..bucket_names.len() as u32).collect();
    by_name.sort_unstable_by_key(|&b| bucket_names[b as usize]);
    let mut renumber = vec![0u32; by_name.len()];
    for (new, &old) in by_name.iter().enumerate() {
        renumber[old as usize] = new as u32;
    }
    bucket_names.sort_unstable();
    for item in items {
        for list in [
            &mut item.meetings,
            &mut item.documents,
            &mut item.text_buckets,
        ] {
            for b in list.iter_mut() {
                *b = renumber[*b as usize];
            }
            list.sort_unstable();
        }
    }
    bucket_names
}

impl<'a> Search<'a> {
    /// The search over the agreements in `order`, nothing indexed yet.
    fn of(
        agreements: &'a [AgreementInfo],
        order: &[usize],
        sets: &'a [[WordSet; 2]],
    ) -> Search<'a> {
        let Numbered {
            mut items,
            buckets,
            headings,
            texts,
        } = numbered(agreements, order, sets);
        let bucket_names = by_name(buckets, &mut items);
        let distinct = |ids: Ids<&'a WordSet>| -> Vec<&'a WordSet> {
            let mut v: Vec<&'a WordSet> = vec![&sets[0][0]; ids.0.len()];
            for (s, id) in ids.0 {
                v[id as usize] = s;
            }
            v
        };
        let headings = distinct(headings);
        let texts: Vec<Vec<u32>> = distinct(texts).into_iter().cloned().collect();
        let owned_headings: Vec<Vec<u32>> = headings.iter().map(|s| (*s).clone()).collect();
        Search {
            bucket_names,
            similar_headings: similar_sets(&owned_headings, HEADING),
            headings,
            texts: by_rarity(&texts),
            by_document: FxHashMap::default(),
            by_heading: FxHashMap::default(),
            in_bucket: FxHashMap::default(),
            by_word: FxHashMap::default(),
            indexed: FxHashMap::default(),
            threads: Threads {
                parent: (0..order.len() as u32).collect(),
                documents: items.iter().map(|it| it.documents.clone()).collect(),
            },
            items,
        }
    }

    /// Into `chosen`, the earlier agreements item `y` continues, latest
    /// first: those of the nearest report sharing a document it concerns,
    /// else the best by heading, else the best by text.
    fn earlier_of(&mut self, y: u32, chosen: &mut Vec<u32>, candidates: &mut Vec<u32>) {
        chosen.clear();
        let it = &self.items[y as usize];
        for d in &it.documents {
            if let Some(list) = self.by_document.get(d) {
                chosen.extend_from_slice(nearest_report(list, &self.items, it.report));
            }
        }
        if chosen.is_empty() {
            candidates.clear();
            self.by_heading(y, candidates);
            let mut best = self.best(candidates, y);
            if best.is_none() {
                candidates.clear();
                self.by_text(y, candidates);
                best = self.best(candidates, y);
            }
            chosen.extend(best);
        }
        chosen.sort_unstable_by(|a, b| b.cmp(a));
        chosen.dedup();
    }
}
