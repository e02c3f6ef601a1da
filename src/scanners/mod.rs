//! Scanners: each looks at one aspect of a parsed message and emits findings (symbols with
//! evidence). Scanners never decide what happens to a message; scores and actions are data in
//! `rules/scores.toml`, applied by `policy`.

pub mod markings;
mod mime;
mod size;
pub mod virus;
pub mod yara;

pub use markings::MarkingScanner;
pub use mime::MimeScanner;
pub use size::SizeScanner;
pub use virus::ClamdScanner;
pub use yara::YaraScanner;

use crate::message::{ParsedMessage, ScanInput};
use crate::policy::KnownSymbol;
use serde::{Deserialize, Serialize};

/// One thing a scanner found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The symbol, e.g. `ATTACHMENT_OVERSIZE`; listed in `rules/scores.toml`.
    pub symbol: String,
    /// Its score (filled in by the policy from the score table).
    pub score: f64,
    /// What was found, for people (may be Vietnamese).
    pub detail: String,
    /// Where: `message`, `envelope`, `part 3 "report.pdf"`, …
    pub location: String,
}

impl Finding {
    pub fn new(symbol: &str, detail: impl Into<String>, location: impl Into<String>) -> Finding {
        Finding {
            symbol: symbol.to_owned(),
            score: 0.0,
            detail: detail.into(),
            location: location.into(),
        }
    }
}

/// Everything a scanner may look at: the input as received and the facts derived once from it.
pub struct ScanContext<'a, 'x> {
    pub input: &'a ScanInput,
    pub parsed: &'a ParsedMessage<'x>,
}

/// One aspect of scanning. Built once from the configuration; `scan` runs for every message on
/// the blocking pool, so it may use the CPU freely but must be bounded in time and memory.
pub trait Scanner: Send + Sync {
    /// A short name for logs and metrics.
    fn name(&self) -> &'static str;
    /// Every symbol this scanner may emit (checked against `rules/scores.toml` at build).
    fn symbols(&self) -> Vec<KnownSymbol>;
    /// Adds findings about the message to `out`.
    fn scan(&self, cx: &ScanContext<'_, '_>, out: &mut Vec<Finding>);
}

/// The symbols of a scanner whose symbols are all listed in the score table.
pub fn named(names: &[&str]) -> Vec<KnownSymbol> {
    names.iter().map(|n| KnownSymbol::named(n)).collect()
}
