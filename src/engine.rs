//! The engine: built once from the configuration (every rule compiled, every score checked), then
//! `scan` turns one message into a verdict. The milter, `canhgac scan`, the tests and the benches
//! all go through it.

use crate::config::{Config, ConfigError, LimitsConfig};
use crate::message::{ParsedMessage, ScanInput};
use crate::policy::{self, ScoreTable, Verdict};
use crate::scanners::{Finding, MimeScanner, ScanContext, Scanner, SizeScanner};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

/// Symbols the engine itself emits when scanning could not be done.
const ENGINE_SYMBOLS: &[&str] = &["SCAN_TIMEOUT", "SCAN_IO_ERROR", "SCAN_PANIC"];

/// Everything needed to scan messages, compiled from one configuration.
pub struct Engine {
    config: Config,
    scores: ScoreTable,
    scanners: Vec<Box<dyn Scanner>>,
}

/// Time one scanner took on one message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ScannerTime {
    pub scanner: &'static str,
    pub micros: u64,
}

/// A verdict and how long each scanner took to reach it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ScanReport {
    #[serde(flatten)]
    pub verdict: Verdict,
    pub timings: Vec<ScannerTime>,
}

fn scanners_for(limits: &LimitsConfig) -> Vec<Box<dyn Scanner>> {
    vec![Box::new(MimeScanner), Box::new(SizeScanner::new(limits))]
}

impl Engine {
    /// Compiles everything the configuration names. Fails with the file, line and value at
    /// fault.
    pub fn build(config: &Config) -> Result<Engine, ConfigError> {
        let scanners = scanners_for(&config.limits);
        let known = Self::symbols_of(&scanners);
        let (text, origin) = if config.rules.dir.as_os_str().is_empty() {
            (
                ScoreTable::EMBEDDED.to_owned(),
                PathBuf::from("(built-in) rules/scores.toml"),
            )
        } else {
            let path = config.rules.dir.join("scores.toml");
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Io {
                file: path.clone(),
                error: e.to_string(),
            })?;
            (text, path)
        };
        let scores = ScoreTable::parse(&text, &origin, &known)?;
        Ok(Engine {
            config: config.clone(),
            scores,
            scanners,
        })
    }

    /// Every symbol any scanner (or the engine) can emit.
    pub fn known_symbols() -> Vec<&'static str> {
        Self::symbols_of(&scanners_for(&LimitsConfig::default()))
    }

    fn symbols_of(scanners: &[Box<dyn Scanner>]) -> Vec<&'static str> {
        let mut all: Vec<&'static str> = scanners
            .iter()
            .flat_map(|s| s.symbols().iter().copied())
            .collect();
        all.extend_from_slice(ENGINE_SYMBOLS);
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The configuration this engine was built from.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Scans one message. CPU-bound: call it from a blocking thread, not the async runtime.
    /// Never panics on any input; a scanner that fails adds `SCAN_PANIC`.
    pub fn scan(&self, input: &ScanInput) -> ScanReport {
        let mut findings = Vec::new();
        let mut timings = Vec::with_capacity(self.scanners.len() + 1);
        let t = Instant::now();
        let parsed = ParsedMessage::parse(&input.raw, &self.config.limits);
        timings.push(ScannerTime {
            scanner: "parse",
            micros: t.elapsed().as_micros() as u64,
        });
        let cx = ScanContext {
            input,
            parsed: &parsed,
        };
        for s in &self.scanners {
            let t = Instant::now();
            let before = findings.len();
            if catch_unwind(AssertUnwindSafe(|| s.scan(&cx, &mut findings))).is_err() {
                findings.truncate(before);
                tracing::error!(scanner = s.name(), "scanner panicked; message not fully scanned");
                findings.push(Finding::new(
                    "SCAN_PANIC",
                    format!("Temporary failure: scanner {} failed on this message", s.name()),
                    "message",
                ));
            }
            timings.push(ScannerTime {
                scanner: s.name(),
                micros: t.elapsed().as_micros() as u64,
            });
        }
        ScanReport {
            verdict: policy::decide(&self.scores, findings, self.config.policy.dry_run),
            timings,
        }
    }

    /// The verdict for a message that could not be scanned at all (`SCAN_TIMEOUT`,
    /// `SCAN_IO_ERROR`), decided by the same policy as any other finding.
    pub fn failure(&self, symbol: &str, detail: &str) -> Verdict {
        policy::decide(
            &self.scores,
            vec![Finding::new(symbol, detail, "message")],
            self.config.policy.dry_run,
        )
    }
}

/// The engine in use, swapped atomically on reload. Each milter connection takes a snapshot when
/// it starts, so a reload never changes the rules under a message being received.
#[derive(Clone)]
pub struct EngineHandle {
    current: Arc<RwLock<Arc<Engine>>>,
}

impl EngineHandle {
    pub fn new(engine: Engine) -> EngineHandle {
        EngineHandle {
            current: Arc::new(RwLock::new(Arc::new(engine))),
        }
    }

    /// The engine to use for a new connection.
    pub fn current(&self) -> Arc<Engine> {
        // A poisoned lock still holds a valid engine (the writer only swaps an Arc).
        match self.current.read() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// Replaces the engine for connections that start from now on.
    pub fn replace(&self, engine: Engine) {
        let mut g = match self.current.write() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        *g = Arc::new(engine);
    }

    /// Loads `path` and swaps the engine; on any error the old engine stays and the error is
    /// returned.
    pub fn reload(&self, path: Option<&Path>) -> Result<(), ConfigError> {
        let config = match path {
            Some(p) => Config::load(p)?,
            None => Config::default(),
        };
        let engine = Engine::build(&config)?;
        self.replace(engine);
        Ok(())
    }
}
