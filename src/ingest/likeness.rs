//! Telling the same report read twice: a MinHash sketch of a text's word
//! shingles. Two readings of one report (its PDF and its Word file, or the
//! same file saved under two names) differ in layout: a running header
//! dropped here, a list number there, a hyphen undone. Their words, read
//! three at a time, are nearly all the same; two different reports of one
//! series share their boilerplate but few runs of three words. The sketch
//! estimates that share (Jaccard similarity) from 64 numbers, and its 16
//! bands let a store find the candidates without comparing every pair.

use crate::text::normalize;

/// Numbers in a sketch.
pub const SKETCH_LEN: usize = 64;
/// Rows per band: a pair is a candidate when one band agrees whole.
const BAND_ROWS: usize = 4;
/// The estimated share of shingles above which two texts are one report.
pub const SAME_REPORT: f64 = 0.8;

/// Bands two sketches as alike as [`SAME_REPORT`] share at least: at
/// most `(1 - SAME_REPORT) * SKETCH_LEN` numbers differ (12 of 64), and
/// each breaks at most one band (of 16): 4. A store reads the records of
/// documents that share this many bands only; the others cannot be as
/// alike.
pub const BANDS_SHARED: usize = {
    let bands = SKETCH_LEN / BAND_ROWS;
    // Numbers that must be equal: the ceiling of SAME_REPORT * SKETCH_LEN
    // (52 of 64; checked in the tests below).
    let equal = (SKETCH_LEN * 4).div_ceil(5);
    let differ = SKETCH_LEN - equal;
    if bands > differ {
        bands - differ
    } else {
        1
    }
};

/// A text's sketch: for each of [`SKETCH_LEN`] hash functions, the least
/// hash of any of its shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch(pub Vec<u32>);

impl Sketch {
    /// The sketch of a text; an empty text (no words) has none.
    pub fn of(text: &str) -> Option<Sketch> {
        let folded = normalize(text);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return None;
        }
        let mut mins = [u32::MAX; SKETCH_LEN];
        let mut seen = fxhash::FxHashSet::default();
        for shingle in words.windows(3.min(words.len())) {
            let base = fnv(shingle);
            // A shingle seen before cannot lower any minimum: boilerplate
            // repeats, and each new one costs 64 hashes.
            if !seen.insert(base) {
                continue;
            }
            for (m, salt) in mins.iter_mut().zip(SALTS) {
                *m = (*m).min((mix(base ^ salt) >> 32) as u32);
            }
        }
        Some(Sketch(mins.to_vec()))
    }

    /// The estimated share of shingles two texts have in common (0 to 1).
    pub fn likeness(&self, other: &Sketch) -> f64 {
        if self.0.len() != other.0.len() || self.0.is_empty() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }

    /// One key per band of [`BAND_ROWS`] numbers: texts that share a key
    /// are worth comparing.
    pub fn bands(&self) -> Vec<u64> {
        self.0
            .chunks(BAND_ROWS)
            .enumerate()
            .map(|(i, rows)| {
                let mut h = mix(i as u64);
                for r in rows {
                    h = mix(h ^ u64::from(*r));
                }
                h
            })
            .collect()
    }
}

/// FNV-1a over the words of a shingle, a space between them: stable
/// across runs and machines (the sketches are stored).
fn fnv(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h = (h ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
        }
        for b in w.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// SplitMix64's finaliser: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// What each of the [`SKETCH_LEN`] hash functions mixes into a
/// shingle's hash: its seed times its number (from 1).
const SALTS: [u64; SKETCH_LEN] = {
    let mut salts = [0u64; SKETCH_LEN];
    let mut i = 0;
    while i < SKETCH_LEN {
        salts[i] = SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1);
        i += 1;
    }
    salts
};

/// Seeds of the hash functions (any fixed odd numbers).
const SEEDS: [u64; 4] = [
    0x2545_f491_4f6c_dd1d,
    0x9e37_79b9_7f4a_7c15,
    0xd6e8_feb8_6659_fd93,
    0xa076_1d64_78bd_642f,
];

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "La VII Conferencia Regional sobre Migración se celebró en \
        Antigua Guatemala los días 20 y 21 de mayo de 2002. Los Viceministros \
        acordaron: 1. Aprobar el Plan de Acción. 2. Instar a los países miembros a \
        responder el cuestionario sobre retorno antes de la próxima reunión. \
        3. Agradecer a la Presidencia Pro-Témpore de Guatemala su hospitalidad.";

    #[test]
    fn two_layouts_of_one_report_are_alike_and_two_reports_are_not() {
        let txt = Sketch::of(REPORT).unwrap();
        // A PDF reading: a running header kept, a hyphen undone, numbers
        // on their own lines.
        let pdf = Sketch::of(&format!(
            "COMUNICADO CONJUNTO\n{}",
            REPORT
                .replace(". 2.", ".\n2.")
                .replace("Pro-Témpore", "Pro Témpore")
        ))
        .unwrap();
        assert!(txt.likeness(&pdf) >= SAME_REPORT, "{}", txt.likeness(&pdf));
        let other = Sketch::of(
            "La VIII Conferencia Regional sobre Migración se celebró en Cancún los \
             días 22 y 23 de mayo de 2003. Los Viceministros acordaron: 1. Crear una \
             red de funcionarios de enlace contra la trata de personas. 2. Pedir a la \
             Secretaría Técnica un informe sobre los flujos extrarregionales.",
        )
        .unwrap();
        assert!(txt.likeness(&other) < 0.3, "{}", txt.likeness(&other));
        assert!(txt.bands().iter().zip(pdf.bands()).any(|(a, b)| *a == b));
    }

    #[test]
    fn twins_share_the_bands_a_store_asks_for() {
        let equal = (SKETCH_LEN * 4).div_ceil(5);
        assert!(equal as f64 / SKETCH_LEN as f64 >= SAME_REPORT);
        assert!(((equal - 1) as f64 / SKETCH_LEN as f64) < SAME_REPORT);
        assert_eq!(BANDS_SHARED, 4);
        // The least alike twins: 12 numbers differ, one in each of 12 bands.
        let a = Sketch((0..SKETCH_LEN as u32).collect());
        let mut b = a.clone();
        for band in 0..12 {
            b.0[band * BAND_ROWS] += 1000;
        }
        assert!(a.likeness(&b) >= SAME_REPORT);
        let shared = a
            .bands()
            .iter()
            .zip(b.bands())
            .filter(|(x, y)| **x == *y)
            .count();
        assert_eq!(shared, BANDS_SHARED);
    }

    #[test]
    fn sketches_are_stable_and_empty_texts_have_none() {
        assert_eq!(Sketch::of(REPORT), Sketch::of(REPORT));
        assert_eq!(Sketch::of(" \n–\n "), None);
        assert_eq!(Sketch::of("uno").map(|s| s.0.len()), Some(SKETCH_LEN));
    }
}
