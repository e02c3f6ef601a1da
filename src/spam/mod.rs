//! Spam: the rules of `rules/spam.toml` (`rules`, with the impersonation checks of
//! `impersonation`), the statistical classifier (`bayes`) and its token database (`tokendb`), and
//! the text both read lower-cased once ([`Lowered`]). The scanner that runs them is
//! `scanners::spam`; `canhgac train` fills the database; `canhgac-tools eval` (`cli::eval`)
//! measures the whole by cross-validation.

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
