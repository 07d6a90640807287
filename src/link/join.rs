//! A similarity self-join of word sets by prefix filtering (Chaudhuri,
//! Ganti and Kaushik 2006; Bayardo, Ma and Srikant 2007, "All-Pairs"):
//! which distinct sets are within a Jaccard threshold of each other,
//! without comparing every pair.
//!
//! Tokens are ranked by how many sets hold them, rarest first. If
//! J(x, y) ≥ t then |x ∩ y| ≥ ⌈t·max(|x|, |y|)⌉, so the first
//! |x| − ⌈t·|x|⌉ + 1 tokens of `x` and the first |y| − ⌈t·|y|⌉ + 1 of `y`
//! share a token: only the rare head of each set is indexed and probed.
//! Sets are visited shortest first, so every indexed set is at most as
//! long as the probe, and one that is shorter than ⌈t·|x|⌉ cannot reach
//! the threshold (the size filter). Candidates are then verified exactly.

/// A threshold as the fraction `num / den`, compared in integers: the
/// same decisions as `inter as f64 / union as f64 >= num / den` (a
/// correctly rounded quotient of small integers is never on the wrong
/// side of a fraction it does not equal).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Threshold {
    pub num: u64,
    pub den: u64,
}

impl Threshold {
    /// ⌈t·n⌉: the least overlap a set of `n` words needs with a set at
    /// least as long.
    fn min_overlap(self, n: usize) -> usize {
        ((self.num * n as u64).div_ceil(self.den)) as usize
    }

    /// How many of a set's rarest words must be indexed and probed: a set
    /// of `n` words within the threshold of another shares one of them.
    pub fn prefix_len(self, n: usize) -> usize {
        n - self.min_overlap(n) + 1
    }

    /// Whether `inter` shared words out of `union` reach the threshold.
    pub fn reached(self, inter: usize, union: usize) -> bool {
        union > 0 && inter as u64 * self.den >= self.num * union as u64
    }
}

/// Size of the intersection of two sorted lists.
pub(crate) fn overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// `sets` with each token replaced by its rank among all tokens, rarest
/// first (ties by id), each set sorted: a set's prefix is then its rarest
/// words. Similarities are unchanged.
pub(crate) fn by_rarity(sets: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let tokens = sets
        .iter()
        .flatten()
        .map(|&w| w as usize + 1)
        .max()
        .unwrap_or(0);
    let mut count = vec![0u32; tokens];
    for &w in sets.iter().flatten() {
        count[w as usize] += 1;
    }
    let mut by_count: Vec<u32> = (0..tokens as u32).collect();
    by_count.sort_unstable_by_key(|&w| (count[w as usize], w));
    let mut rank = vec![0u32; tokens];
    for (r, &w) in by_count.iter().enumerate() {
        rank[w as usize] = r as u32;
    }
    sets.iter()
        .map(|s| {
            let mut v: Vec<u32> = s.iter().map(|&w| rank[w as usize]).collect();
            v.sort_unstable();
            v
        })
        .collect()
}

/// For each of `sets` (sorted, distinct token ids; the sets themselves
/// distinct), the indexes of the other sets whose Jaccard similarity with
/// it reaches `t`, ascending. Empty sets are similar to nothing.
pub(crate) fn similar_sets(sets: &[Vec<u32>], t: Threshold) -> Vec<Vec<u32>> {
    let ranked = by_rarity(sets);
    let tokens = ranked
        .iter()
        .flatten()
        .map(|&w| w as usize + 1)
        .max()
        .unwrap_or(0);
    let mut order: Vec<u32> = (0..sets.len() as u32)
        .filter(|&i| !ranked[i as usize].is_empty())
        .collect();
    order.sort_by_key(|&i| (ranked[i as usize].len(), i));

    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); tokens];
    // Where each posting list's sets become long enough for the current
    // probe: probes only grow, so this only moves forward.
    let mut start = vec![0usize; tokens];
    let mut marked = vec![u32::MAX; sets.len()];
    let mut candidates: Vec<u32> = Vec::new();
    let mut similar: Vec<Vec<u32>> = vec![Vec::new(); sets.len()];
    for &x in &order {
        let xs = &ranked[x as usize];
        let min_len = t.min_overlap(xs.len());
        let prefix = t.prefix_len(xs.len());
        candidates.clear();
        for &w in &xs[..prefix] {
            let list = &postings[w as usize];
            let s = &mut start[w as usize];
            while *s < list.len() && ranked[list[*s] as usize].len() < min_len {
                *s += 1;
            }
            for &y in &list[*s..] {
                if marked[y as usize] != x {
                    marked[y as usize] = x;
                    candidates.push(y);
                }
            }
        }
        for &y in &candidates {
            let ys = &ranked[y as usize];
            let inter = overlap(xs, ys);
            if t.reached(inter, xs.len() + ys.len() - inter) {
                similar[x as usize].push(y);
                similar[y as usize].push(x);
            }
        }
        for &w in &xs[..prefix] {
            postings[w as usize].push(x);
        }
    }
    for s in &mut similar {
        s.sort_unstable();
    }
    similar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(sets: &[Vec<u32>], t: Threshold) -> Vec<Vec<u32>> {
        (0..sets.len())
            .map(|i| {
                (0..sets.len())
                    .filter(|&j| j != i)
                    .filter(|&j| {
                        let inter = overlap(&sets[i], &sets[j]);
                        let union = sets[i].len() + sets[j].len() - inter;
                        !sets[i].is_empty() && !sets[j].is_empty() && t.reached(inter, union)
                    })
                    .map(|j| j as u32)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn finds_exactly_the_pairs_a_full_comparison_finds() {
        // Small random sets over a skewed vocabulary: many near misses.
        let mut rng = crate::synth::SplitMix64::new(11);
        let mut sets: Vec<Vec<u32>> = Vec::new();
        while sets.len() < 400 {
            let n = rng.range(0, 9);
            let mut s: Vec<u32> = (0..n)
                .map(|_| {
                    let a = rng.below(30) as u32;
                    if rng.chance(50) {
                        a % 6
                    } else {
                        a
                    }
                })
                .collect();
            s.sort_unstable();
            s.dedup();
            if !sets.contains(&s) {
                sets.push(s);
            }
        }
        for t in [Threshold { num: 1, den: 2 }, Threshold { num: 3, den: 5 }] {
            assert_eq!(similar_sets(&sets, t), brute(&sets, t));
        }
    }

    #[test]
    fn thresholds_decide_as_the_float_comparison_does() {
        for union in 1..200usize {
            for inter in 0..=union {
                let f = inter as f64 / union as f64;
                assert_eq!(Threshold { num: 1, den: 2 }.reached(inter, union), f >= 0.5);
                assert_eq!(Threshold { num: 3, den: 5 }.reached(inter, union), f >= 0.6);
            }
        }
    }
}
