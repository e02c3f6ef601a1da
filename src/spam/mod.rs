//! Spam: the rules of `rules/spam.toml` (`rules`, with the impersonation checks of
//! `impersonation`), the statistical classifier (`bayes`) and its token database (`tokendb`);
//! the text both read lower-cased once ([`Lowered`]) and the bitmap both ask before a look-up
//! by hash ([`Presence`]). The scanner that runs them is `scanners::spam`; `canhgac train`
//! fills the database; `canhgac-tools eval` (`cli::eval`) measures the whole by
//! cross-validation.

pub mod bayes;
pub mod impersonation;
pub mod rules;
pub mod tokendb;

use crate::extract::{ExtractedText, PieceKind};

/// The largest piece lowered whole (the tokeniser lowers a larger one word by word).
pub const LOWER_WHOLE_MAX: usize = 1 << 20;

/// The message's own text (its subjects and bodies, pieces of up to [`LOWER_WHOLE_MAX`])
/// lower-cased once for the rules and the classifier both, which read it all (BENCHMARKS.md,
/// "Vietnamese prose"). Per piece of [`ExtractedText::pieces`]: its lower-case text when every
/// character kept its length in bytes (a slice of the piece and the same bytes of this are the
/// same words: [`crate::vietnamese::to_lower_aligned`]), else none, and each reader lowers as
/// it would have alone.
#[derive(Debug, Default)]
pub struct Lowered(Vec<Option<String>>);

/// Text kept lower-cased for both readers, at most (past it each lowers the rest as alone).
const LOWERED_TOTAL_MAX: usize = 4 << 20;

impl Lowered {
    pub fn of(text: &ExtractedText) -> Lowered {
        let mut total = 0;
        Lowered(
            text.pieces
                .iter()
                .map(|p| {
                    if !matches!(p.kind, PieceKind::Subject | PieceKind::Body)
                        || p.text.len() > LOWER_WHOLE_MAX
                        || total + p.text.len() > LOWERED_TOTAL_MAX
                    {
                        return None;
                    }
                    total += p.text.len();
                    let mut lower = String::new();
                    crate::vietnamese::to_lower_aligned(&p.text, &mut lower).then_some(lower)
                })
                .collect(),
        )
    }

    /// Piece `i` lower-cased, byte for byte aligned with it.
    pub fn piece(&self, i: usize) -> Option<&str> {
        self.0.get(i).and_then(|l| l.as_deref())
    }
}

/// A bitmap of 64-bit hashes (their top bits), about 16 bits per hash: a hash whose bit is
/// clear is certainly absent, one whose bit is set may be present (at full load, about one
/// absent hash in sixteen). Most of a message's words start no phrase and most of its tokens
/// are in no model: this says so from a few KiB instead of a look-up in a larger table, whose
/// memory is cold when mail comes at the rate Postfix sends it (BENCHMARKS.md). Empty: every
/// hash may be present.
#[derive(Debug, Default, Clone)]
pub struct Presence {
    bits: Vec<u64>,
    /// 64 minus the number of hash bits used.
    shift: u32,
}

impl Presence {
    /// Room for `n` hashes: at least 4,096 bits (512 bytes), at most 2^23 (1 MiB).
    pub fn for_hashes(n: usize) -> Presence {
        let bits = n.saturating_mul(16).next_power_of_two().clamp(1 << 12, 1 << 23);
        Presence {
            bits: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
        }
    }

    fn slot(&self, hash: u64) -> (usize, u64) {
        let i = (hash >> self.shift) as usize;
        (i / 64, 1 << (i % 64))
    }

    pub fn add(&mut self, hash: u64) {
        if !self.bits.is_empty() {
            let (word, bit) = self.slot(hash);
            self.bits[word] |= bit;
        }
    }

    pub fn may_hold(&self, hash: u64) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        let (word, bit) = self.slot(hash);
        self.bits[word] & bit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::Presence;

    /// Deterministic, well-spread 64-bit numbers (SplitMix64).
    fn numbers(seed: u64, n: usize) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = x;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^ (z >> 31)
            })
            .collect()
    }

    #[test]
    fn a_hash_added_is_always_held_and_most_others_are_not() {
        for n in [0, 1, 850, 6_543, 400_000, 2_000_000] {
            let mut p = Presence::for_hashes(n);
            let added = numbers(n as u64 + 1, n);
            added.iter().for_each(|&h| p.add(h));
            assert!(
                added.iter().all(|&h| p.may_hold(h)),
                "{n} hashes: one added is not held"
            );
            let others = numbers(u64::MAX - n as u64, 20_000);
            let held = others.iter().filter(|&&h| p.may_hold(h)).count();
            // 16 bits a hash: about 1 in 16 held at full load; fewer while it is emptier; past
            // the 1 MiB cap (2^23 bits), more.
            let most = if n <= 1 << 19 { 20_000 / 12 } else { 20_000 / 3 };
            assert!(held <= most, "{n} hashes: {held} of 20000 others held");
        }
        // Without bits (a model built by learning): every hash may be held.
        assert!(Presence::default().may_hold(42));
    }
}
