//! Scanners: each looks at one aspect of a parsed message and emits findings (symbols with
//! evidence). Scanners never decide what happens to a message; scores and actions are data in
//! `rules/scores.toml`, applied by `policy`.

pub mod auth;
pub mod markings;
mod mime;
pub mod ocr;
mod size;
pub mod spam;
pub mod virus;
pub mod yara;

pub use markings::MarkingScanner;
pub use mime::MimeScanner;
pub use ocr::OcrScanner;
pub use size::SizeScanner;
pub use spam::SpamScanner;
pub use virus::ClamdScanner;
pub use yara::YaraScanner;

use crate::message::{ParsedMessage, ScanInput};
use crate::policy::KnownSymbol;
pub use crate::verdict::Finding;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A time before which something is not tried again, shared by tasks without a lock (the
/// milliseconds after its creation in an atomic): the back-off of a remote service, such as an
/// endpoint of clamd that did not scan a descriptor or a DNS resolver that did not answer.
pub(crate) struct NotBefore {
    origin: Instant,
    at_ms: AtomicU64,
}

impl NotBefore {
    /// Already passed.
    pub(crate) fn new() -> NotBefore {
        NotBefore {
            origin: Instant::now(),
            at_ms: AtomicU64::new(0),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Whether the time has come.
    pub(crate) fn passed(&self) -> bool {
        self.now_ms() >= self.at_ms.load(Ordering::Relaxed)
    }

    /// Not before `wait` from now.
    pub(crate) fn wait(&self, wait: Duration) {
        let wait = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
        self.at_ms
            .store(self.now_ms().saturating_add(wait), Ordering::Relaxed);
    }
}

/// Everything a scanner may look at: the input as received and the facts derived once from it.
pub struct ScanContext<'a, 'x> {
    pub input: &'a ScanInput,
    pub parsed: &'a ParsedMessage<'x>,
    /// The message's archives, expanded once within one budget, shared by text extraction
    /// and YARA.
    archives: std::cell::OnceCell<crate::extract::Archives>,
    /// The message's text, extracted on first use and shared by the scanners that read it.
    text: std::cell::OnceCell<crate::extract::ExtractedText>,
    limits: &'a crate::config::LimitsConfig,
    /// When the content work on this message must stop (`limits.extract_timeout_ms` from the
    /// start of the scan): every loop over the message's data checks it.
    pub deadline: std::time::Instant,
}

impl<'a, 'x> ScanContext<'a, 'x> {
    pub fn new(
        input: &'a ScanInput,
        parsed: &'a ParsedMessage<'x>,
        limits: &'a crate::config::LimitsConfig,
    ) -> ScanContext<'a, 'x> {
        let deadline =
            std::time::Instant::now() + std::time::Duration::from_millis(limits.extract_timeout_ms);
        ScanContext::until(input, parsed, limits, deadline)
    }

    /// A context whose work must end by `deadline`.
    pub fn until(
        input: &'a ScanInput,
        parsed: &'a ParsedMessage<'x>,
        limits: &'a crate::config::LimitsConfig,
        deadline: std::time::Instant,
    ) -> ScanContext<'a, 'x> {
        ScanContext {
            input,
            parsed,
            archives: std::cell::OnceCell::new(),
            text: std::cell::OnceCell::new(),
            limits,
            deadline,
        }
    }

    /// Whether the message's time is up.
    pub fn expired(&self) -> bool {
        std::time::Instant::now() > self.deadline
    }

    /// The members of every archive attached (and of the archives inside them), expanded
    /// once per message within one budget.
    pub fn archives(&self) -> &crate::extract::Archives {
        self.archives
            .get_or_init(|| crate::extract::Archives::expand(self.parsed, self.limits, self.deadline))
    }

    /// The content limits the message is read within.
    pub fn limits(&self) -> &crate::config::LimitsConfig {
        self.limits
    }

    /// The text of every part (subject, bodies, attachments), extracted once per message from
    /// the message and its expanded archives.
    pub fn text(&self) -> &crate::extract::ExtractedText {
        self.text.get_or_init(|| {
            crate::extract::extract_message_with(
                self.parsed,
                &self.input.raw,
                self.limits,
                self.deadline,
                self.archives(),
            )
        })
    }
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

pub use crate::config::rule_source;

/// What each symbol means, in English and Vietnamese, by the score table of `config`'s rules
/// (`[rules] dir`'s `scores.toml` when it has one, else the built-in): for the console and the
/// command line, which show findings to people. A table that cannot be read gives the built-in
/// one's texts (the engine refuses such a table at start anyway).
pub fn symbol_texts_of(
    config: &crate::config::Config,
) -> std::collections::HashMap<String, crate::policy::SymbolText> {
    let dir = (!config.rules.dir.as_os_str().is_empty()).then_some(config.rules.dir.as_path());
    let text = rule_source(dir, "scores.toml", crate::policy::ScoreTable::EMBEDDED)
        .map_or_else(|_| crate::policy::ScoreTable::EMBEDDED.to_owned(), |(_, t)| t);
    crate::policy::symbol_texts(&text)
}

/// The symbols of a scanner whose symbols are all listed in the score table.
pub fn named(names: &[&str]) -> Vec<KnownSymbol> {
    names.iter().map(|n| KnownSymbol::named(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::NotBefore;
    use std::time::Duration;

    #[test]
    fn not_before_has_passed_at_first_and_again_once_its_wait_is_over() {
        let t = NotBefore::new();
        assert!(t.passed());
        t.wait(Duration::from_secs(3600));
        assert!(!t.passed());
        t.wait(Duration::ZERO);
        assert!(t.passed());
        t.wait(Duration::MAX);
        assert!(
            !t.passed(),
            "a wait too long for milliseconds is for ever, not an overflow"
        );
    }
}
