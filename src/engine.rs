//! The engine: built once from the configuration (every rule compiled, every score checked), then
//! `scan` turns one message into a verdict. The milter, `canhgac scan`, the tests and the benches
//! all go through it.

use crate::config::{Config, ConfigError};
use crate::extract::Described;
use crate::message::{ParsedMessage, ScanInput};
use crate::policy::{self, KnownSymbol, ScoreTable, SmtpReply, Verdict};
use crate::scanners::{
    ClamdScanner, Finding, MarkingScanner, MimeScanner, ScanContext, Scanner, SizeScanner, SpamScanner,
    YaraScanner, markings, yara,
};
use crate::verdict::Why;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;
use tokio::sync::Semaphore;

use crate::worker::protocol::MAX_FOR_CLAMD;
use crate::worker::{Outcome, WorkerPool};

/// Messages up to this size, without attachments, are scanned on the async runtime itself.
const INLINE_SCAN_BYTES: usize = 32 * 1024;

/// Symbols the engine itself emits when scanning could not be done.
const ENGINE_SYMBOLS: &[&str] = &[
    "SCAN_TIMEOUT",
    "SCAN_IO_ERROR",
    "SCAN_PANIC",
    "SCAN_WORKER_CRASH",
    "SCAN_CRASH",
    "LIST_BLOCKED",
    "LIST_ALLOWED",
];

/// Time a worker gets past the message's content deadline before it is killed (it stops by
/// itself at the deadline; this covers the reply and a slow machine).
const WORKER_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// Everything needed to scan messages, compiled from one configuration.
pub struct Engine {
    config: Config,
    scores: ScoreTable,
    /// Content scanners: CPU work, run on the blocking pool.
    scanners: Vec<Box<dyn Scanner>>,
    /// Network scanner, run concurrently with the content scanners.
    clamd: Option<ClamdScanner>,
    /// Content scans running at once (`Config::scan_concurrency`: two per core with isolated
    /// workers), shared across reloads.
    cpu_permits: Arc<Semaphore>,
    /// Memory budget for messages held whole for scanning, in KiB, shared across reloads.
    memory_kib: Arc<Semaphore>,
    memory_total_kib: u32,
    /// Marking symbols and level names, highest level first.
    marking_levels: Vec<(String, String)>,
    /// Units' own spam thresholds (`[spam.units]`), by lower-case unit id.
    unit_thresholds: std::collections::HashMap<String, crate::policy::Thresholds>,
    /// The unit directory (`[local] directory`), reloaded with the configuration.
    directory: Option<Arc<crate::directory::Directory>>,
    /// Isolated workers that run the content scanners (`canhgac serve`); None: in this process.
    workers: Option<Arc<WorkerPool>>,
    /// Workers of their own for OCR (`[ocr] workers`), so text mail never waits behind a scan;
    /// None: OCR runs where the content scan ran.
    ocr_workers: Option<Arc<WorkerPool>>,
    /// The OCR of scans and photos, and the markings detector for what it reads.
    ocr: crate::scanners::OcrScanner,
    ocr_markings: MarkingScanner,
    /// The alerts' wording.
    alert_templates: crate::templates::AlertTemplates,
    explainer: crate::explain::Explainer,
    /// Sender authentication (SPF, DKIM, DMARC, ARC), when `[auth] enabled`.
    auth: Option<Arc<crate::scanners::auth::SenderAuth>>,
}

/// Memory reserved for one message while it is scanned; released when dropped.
pub struct MemoryReservation(#[allow(dead_code)] Option<tokio::sync::OwnedSemaphorePermit>);

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
    /// File attachments the message carries (0 when its content was not read): counted for
    /// the yearly report.
    pub attachments: u32,
    /// Sender authentication, when it ran: the `Authentication-Results` value and each
    /// method's result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authentication: Option<crate::scanners::auth::AuthSummary>,
}

/// What the content scanners found in a message, and what reading it showed.
struct ContentScan {
    findings: Vec<Finding>,
    timings: Vec<ScannerTime>,
    attachments: u32,
    /// Members opened with a password the message gives, for clamd: (path, bytes).
    for_clamd: Vec<(String, Vec<u8>)>,
}

/// The first pass of the content scanners ([`Engine::scan_content_first`]).
pub struct FirstPass {
    pub findings: Vec<Finding>,
    pub timings: Vec<ScannerTime>,
    /// Scans or photos to read next (OCR).
    pub ocr_wanted: bool,
    /// File attachments, forwarded messages' included.
    pub attachments: u32,
    /// Members opened with a password the message gives, for clamd (with clamd on): (path, bytes).
    pub for_clamd: Vec<(String, Vec<u8>)>,
}

impl Engine {
    /// Compiles everything the configuration names. Fails with the file, line and value at
    /// fault.
    pub fn build(config: &Config) -> Result<Engine, ConfigError> {
        let model = crate::scanners::spam::load_model(&config.spam)?;
        Self::build_with_model(config, model)
    }

    /// As [`Engine::build`], with the spam classifier's model given rather than read from
    /// `[spam] bayes_db` (None: rules only). For `canhgac-tools eval` and tests.
    pub fn build_with_model(
        config: &Config,
        model: Option<crate::spam::bayes::Model>,
    ) -> Result<Engine, ConfigError> {
        let rules_dir = config.rules_dir();
        let mut scanners: Vec<Box<dyn Scanner>> =
            vec![Box::new(MimeScanner), Box::new(SizeScanner::new(&config.limits))];
        let yara_sources = yara::load_sources(rules_dir)?;
        scanners.push(Box::new(YaraScanner::compile(&yara_sources)?));
        let (origin, text) = markings::load_source(rules_dir)?;
        let markings = MarkingScanner::compile(&text, &origin)?;
        // The OCR step weighs what it reads with the same rules.
        let ocr_markings = markings.clone();
        let marking_levels = markings
            .levels()
            .map(|(s, n)| (s.to_owned(), n.to_owned()))
            .collect();
        scanners.push(Box::new(markings));
        let (origin, text) = crate::scanners::spam::load_source(rules_dir)?;
        let spam_rules = crate::spam::rules::SpamRules::compile(&text, &origin)?;
        // The shipped Vietnamese model is read only when the rules give its opinion.
        let vietnamese = if spam_rules.has_vietnamese_model() {
            Some(crate::scanners::spam::load_vietnamese_model(rules_dir)?)
        } else {
            None
        };
        scanners.push(Box::new(SpamScanner::new(
            spam_rules,
            model,
            vietnamese,
            &config.local,
        )));
        let mut known = Self::symbols_of(&scanners);
        known.extend(ClamdScanner::symbols());
        known.extend(crate::scanners::OcrScanner::symbols());
        known.extend(crate::scanners::auth::symbols());
        let (origin, text) = crate::scanners::rule_source(rules_dir, "scores.toml", ScoreTable::EMBEDDED)?;
        let mut scores = ScoreTable::parse(&text, &origin, &known)?;
        for (symbol, action) in &config.policy.actions {
            if let Err(msg) = scores.override_action(symbol, *action) {
                let file = config
                    .source
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("(configuration)"));
                let text = std::fs::read_to_string(&file).unwrap_or_default();
                return Err(ConfigError::at_key(&file, &text, "policy.actions", symbol, &msg));
            }
        }
        let mut unit_thresholds = std::collections::HashMap::new();
        for (unit, t) in &config.spam.units {
            let own = crate::policy::Thresholds {
                tag: t.tag,
                reject: t.reject,
                rules_only: t
                    .reject_rules_only
                    .unwrap_or(scores.reject_rules_only.max(t.reject)),
            };
            if let Err(msg) = scores.check_thresholds(&own) {
                let file = config
                    .source
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("(configuration)"));
                let text = std::fs::read_to_string(&file).unwrap_or_default();
                return Err(ConfigError::at_key(
                    &file,
                    &text,
                    &format!("spam.units.{unit}"),
                    "reject",
                    &format!("unit {unit}: {msg}"),
                ));
            }
            unit_thresholds.insert(unit.to_ascii_lowercase(), own);
        }
        Ok(Engine {
            config: config.clone(),
            scores,
            unit_thresholds,
            scanners,
            clamd: config.clamd.enabled.then(|| ClamdScanner::new(&config.clamd)),
            cpu_permits: Arc::new(Semaphore::new(config.scan_concurrency())),
            memory_kib: Arc::new(Semaphore::new(kib(config.milter.scan_memory_bytes) as usize)),
            memory_total_kib: kib(config.milter.scan_memory_bytes),
            marking_levels,
            directory: if config.local.directory.as_os_str().is_empty() {
                None
            } else {
                Some(Arc::new(crate::directory::Directory::load(
                    &config.local.directory,
                )?))
            },
            workers: None,
            ocr_workers: None,
            ocr: crate::scanners::OcrScanner::new(&config.ocr, &config.local),
            ocr_markings,
            alert_templates: crate::templates::AlertTemplates::load(rules_dir)?,
            explainer: crate::explain::Explainer::load(rules_dir)?,
            auth: if config.auth.enabled {
                let auth = crate::scanners::auth::SenderAuth::new(
                    &config.auth,
                    &config.local,
                    &config.milter.authserv_id,
                )
                .map_err(|error| ConfigError::Io {
                    file: config
                        .source
                        .clone()
                        .unwrap_or_else(|| PathBuf::from("/etc/resolv.conf")),
                    error,
                })?;
                Some(Arc::new(auth))
            } else {
                None
            },
        })
    }

    /// Runs the content scanners in `pool`'s worker processes instead of this process.
    pub fn with_workers(mut self, pool: Arc<WorkerPool>) -> Engine {
        self.workers = Some(pool);
        self
    }

    /// Reads scans and photos in `pool`'s workers (see `[ocr] workers`).
    pub fn with_ocr_workers(mut self, pool: Arc<WorkerPool>) -> Engine {
        self.ocr_workers = Some(pool);
        self
    }

    /// Images whose OCR this process remembers (see `[ocr] cache_entries`).
    pub fn ocr_cached(&self) -> usize {
        self.ocr.cached()
    }

    /// The worker pool, when content is scanned in isolated workers.
    pub fn workers(&self) -> Option<&Arc<WorkerPool>> {
        self.workers.as_ref()
    }

    /// Messages being scanned now, of `[milter] scan_concurrency` (for the metrics).
    pub fn scans_in_progress(&self) -> usize {
        self.config
            .scan_concurrency()
            .saturating_sub(self.cpu_permits.available_permits())
    }

    /// The clamd client, when virus scanning is on.
    pub fn clamd(&self) -> Option<&ClamdScanner> {
        self.clamd.as_ref()
    }

    /// The alerts' wording (`rules/alerts/`, or `[rules] dir`'s).
    pub fn alert_templates(&self) -> &crate::templates::AlertTemplates {
        &self.alert_templates
    }

    /// How findings read in each language (`rules/findings.toml`, or `[rules] dir`'s).
    pub fn explainer(&self) -> &crate::explain::Explainer {
        &self.explainer
    }

    /// The unit directory, if one is configured.
    /// The authserv-id of the `Authentication-Results` this gateway writes (None: sender
    /// authentication is off).
    pub fn authserv_id(&self) -> Option<&str> {
        self.auth
            .as_deref()
            .map(crate::scanners::auth::SenderAuth::authserv_id)
    }

    /// Sender authentication's resolvers and whether they answer (None: authentication is off).
    pub fn dns_resolver(&self) -> Option<(String, bool)> {
        self.auth.as_deref().map(|a| (a.resolvers(), !a.resolver_down()))
    }

    pub fn directory(&self) -> Option<&crate::directory::Directory> {
        self.directory.as_deref()
    }

    /// Keeps the CPU permits of a running engine (so a reload does not double the concurrency).
    pub fn sharing_permits_with(mut self, running: &Engine) -> Engine {
        self.cpu_permits = running.cpu_permits.clone();
        self.workers = running.workers.clone();
        self.ocr_workers = running.ocr_workers.clone();
        if self.memory_total_kib == running.memory_total_kib {
            self.memory_kib = running.memory_kib.clone();
        }
        self
    }

    fn symbols_of(scanners: &[Box<dyn Scanner>]) -> Vec<KnownSymbol> {
        let mut all: Vec<KnownSymbol> = scanners.iter().flat_map(|s| s.symbols()).collect();
        all.extend(ENGINE_SYMBOLS.iter().map(|s| KnownSymbol::named(s)));
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all.dedup_by(|a, b| a.name == b.name);
        all
    }

    /// Waits until a message of `size` bytes may be held whole for scanning (twice its size
    /// must fit in `milter.scan_memory_bytes`; a larger message waits for the whole budget).
    pub async fn reserve_memory(&self, size: u64) -> MemoryReservation {
        let want = kib(size.saturating_mul(2)).clamp(1, self.memory_total_kib);
        MemoryReservation(self.memory_kib.clone().acquire_many_owned(want).await.ok())
    }

    /// The content scanners, in the order they run (for per-scanner benchmarks).
    pub fn scanners(&self) -> &[Box<dyn Scanner>] {
        &self.scanners
    }

    /// The score table in use (`rules/scores.toml` with `[policy.actions]` applied).
    pub fn score_table(&self) -> &ScoreTable {
        &self.scores
    }

    /// The score thresholds of the tag and reject actions (`rules/scores.toml`).
    pub fn thresholds(&self) -> (f64, f64) {
        (self.scores.tag_threshold, self.scores.reject_threshold)
    }

    /// The configuration this engine was built from.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Scans one message with every scanner: content scanners on the blocking pool (at most
    /// `scan_concurrency` at once) and clamd at the same time. Never panics on any input.
    pub async fn scan(self: &Arc<Self>, input: Arc<ScanInput>) -> ScanReport {
        let content = {
            let engine = self.clone();
            let input = input.clone();
            let permits = self.cpu_permits.clone();
            async move {
                if let Some(pool) = &engine.workers {
                    return Ok(engine.scan_in_worker(pool, &input).await);
                }
                if input.raw.len() <= INLINE_SCAN_BYTES && input.is_single_text_part() {
                    // A small message without attachments takes ~20 µs to scan: cheaper than
                    // handing it to another thread and back (measured, BENCHMARKS.md).
                    return Ok(engine.scan_content_counted(&input));
                }
                let permit = permits.acquire_owned().await;
                tokio::task::spawn_blocking(move || {
                    let _permit = permit;
                    engine.scan_content_counted(&input)
                })
                .await
            }
        };
        let virus = async {
            match &self.clamd {
                Some(c) => {
                    let t = Instant::now();
                    let outcome = c.scan(&input.raw).await;
                    Some((ClamdScanner::findings(&outcome), t.elapsed().as_micros() as u64))
                }
                None => None,
            }
        };
        let auth = async {
            match &self.auth {
                Some(a) => {
                    let t = Instant::now();
                    let outcome = a.check(input.clone()).await;
                    Some((outcome, t.elapsed().as_micros() as u64))
                }
                None => None,
            }
        };
        let (content, virus, auth) = tokio::join!(content, virus, auth);
        // Virus findings first: when several refuse, the reply names the virus.
        let mut findings = Vec::new();
        let mut timings = Vec::new();
        let mut attachments = 0;
        if let Some((f, micros)) = virus {
            findings.extend(f);
            timings.push(ScannerTime {
                scanner: "clamd",
                micros,
            });
        }
        let mut authentication = None;
        if let Some((outcome, micros)) = auth {
            findings.extend(outcome.findings);
            authentication = Some(outcome.summary);
            timings.push(ScannerTime {
                scanner: "auth",
                micros,
            });
        }
        match content {
            Ok(c) => {
                findings.extend(c.findings);
                timings.extend(c.timings);
                attachments = c.attachments;
                if let Some(clamd) = &self.clamd
                    && !c.for_clamd.is_empty()
                {
                    let t = Instant::now();
                    findings.extend(Self::clamd_decrypted(clamd, &c.for_clamd).await);
                    // clamd's time is the message's and its opened members' together.
                    if let Some(ct) = timings.iter_mut().find(|s| s.scanner == "clamd") {
                        ct.micros += t.elapsed().as_micros() as u64;
                    }
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "content scan task failed");
                findings.push(
                    Finding::new("SCAN_PANIC", "Temporary failure: scan failed", "message")
                        .with_why(Why::new("scan_failed")),
                );
            }
        }
        ScanReport {
            verdict: self.decide_input(input.as_ref(), findings),
            timings,
            attachments,
            authentication,
        }
    }

    /// clamd's findings on members opened with a password the message gives (clamd was given
    /// the message as sent, where they are encrypted): each scanned apart, its findings placed
    /// at its path.
    async fn clamd_decrypted(clamd: &ClamdScanner, members: &[(String, Vec<u8>)]) -> Vec<Finding> {
        let mut out = Vec::new();
        for (path, data) in members {
            let outcome = clamd.scan(data).await;
            for mut f in ClamdScanner::findings(&outcome) {
                f.location = path.clone();
                f.detail = format!("{} (in {path}, opened with the message's password)", f.detail);
                out.push(f);
            }
            if !matches!(outcome, crate::scanners::virus::ClamdOutcome::Clean) {
                break;
            }
        }
        out
    }

    /// The content scan in an isolated worker, with its failures as findings.
    async fn scan_in_worker(&self, pool: &WorkerPool, input: &Arc<ScanInput>) -> ContentScan {
        let timeout = std::time::Duration::from_millis(self.config.limits.extract_timeout_ms) + WORKER_GRACE;
        match pool.scan(input, timeout).await {
            Outcome::Done(r) => {
                let mut timings: Vec<ScannerTime> = r
                    .timings
                    .into_iter()
                    .map(|(name, micros)| ScannerTime {
                        scanner: self.scanner_name(&name),
                        micros,
                    })
                    .collect();
                let mut findings = r.findings;
                if r.ocr_wanted {
                    let t = Instant::now();
                    findings.extend(
                        self.ocr_in_worker(self.ocr_workers.as_deref().unwrap_or(pool), input)
                            .await,
                    );
                    timings.push(ScannerTime {
                        scanner: "ocr",
                        micros: t.elapsed().as_micros() as u64,
                    });
                }
                ContentScan {
                    findings,
                    timings,
                    attachments: r.attachments,
                    for_clamd: r.for_clamd.into_iter().map(|(p, b)| (p, b.0)).collect(),
                }
            }
            failed => ContentScan {
                findings: Self::worker_failed(failed, "scanning", timeout),
                timings: Vec::new(),
                attachments: 0,
                for_clamd: Vec::new(),
            },
        }
    }

    /// A worker's failure on a message as a finding, so the policy decides as for any other:
    /// died (`SCAN_WORKER_CRASH`, tempfail), died on it twice (`SCAN_CRASH`, held), too slow
    /// (`SCAN_TIMEOUT`), none available (`SCAN_PANIC`). `what` names the worker.
    fn worker_failed(outcome: Outcome, what: &str, timeout: std::time::Duration) -> Vec<Finding> {
        let worker = format!("worker_{}", what.to_ascii_lowercase());
        let (symbol, detail, why) = match outcome {
            Outcome::Done(_) => return Vec::new(),
            Outcome::Crashed { repeat: false, why } => (
                "SCAN_WORKER_CRASH",
                format!("Temporary failure: the {what} worker died on this message ({why})"),
                Why::new("worker_died").term("worker", &worker).value("why", why),
            ),
            Outcome::Crashed { repeat: true, why } => (
                "SCAN_CRASH",
                format!("This message killed a {what} worker twice ({why}); held for review"),
                Why::new("worker_killed_twice")
                    .term("worker", &worker)
                    .value("why", why),
            ),
            Outcome::TimedOut => (
                "SCAN_TIMEOUT",
                format!(
                    "Temporary failure: the {what} worker did not finish this message within {} ms; killed",
                    timeout.as_millis()
                ),
                Why::new("worker_timeout")
                    .term("worker", &worker)
                    .value("ms", timeout.as_millis()),
            ),
            Outcome::Unavailable(why) => (
                "SCAN_PANIC",
                format!("Temporary failure: {why}"),
                Why::new("worker_unavailable").value("why", why),
            ),
        };
        vec![Finding::new(symbol, detail, "message").with_why(why)]
    }

    /// The OCR of a message's scans and photos in an isolated worker (the OCR pool's when
    /// there is one), with its failures as findings.
    async fn ocr_in_worker(&self, pool: &WorkerPool, input: &Arc<ScanInput>) -> Vec<Finding> {
        let timeout = std::time::Duration::from_millis(self.config.ocr.timeout_ms) + WORKER_GRACE;
        match pool.ocr(input, timeout).await {
            Outcome::Done(r) => r.findings,
            // An OCR worker too slow for its limit leaves the scans unread: the policy of
            // unread scans applies, not a tempfail the sender's retries would meet again.
            Outcome::TimedOut => self.ocr.unread_findings(
                &[(
                    "message".into(),
                    format!(
                        "the OCR worker did not finish within {} ms; killed",
                        timeout.as_millis()
                    ),
                )],
                &input.envelope.rcpt_to,
            ),
            failed => Self::worker_failed(failed, "OCR", timeout),
        }
    }

    /// The static name of a scanner, from the name a worker sent back.
    fn scanner_name(&self, name: &str) -> &'static str {
        match name {
            "parse" => "parse",
            "extract" => "extract",
            "ocr" => "ocr",
            _ => self
                .scanners
                .iter()
                .map(|s| s.name())
                .find(|n| *n == name)
                .unwrap_or("worker"),
        }
    }

    /// The worker's side: the content scan, or the description of a message being held, as a
    /// response frame.
    pub fn scan_for_worker(
        &self,
        kind: crate::worker::protocol::Kind,
        input: &ScanInput,
    ) -> crate::worker::protocol::ScanResponse {
        match kind {
            crate::worker::protocol::Kind::Describe => {
                return crate::worker::protocol::ScanResponse {
                    described: Some(self.describe_here(input)),
                    ..Default::default()
                };
            }
            crate::worker::protocol::Kind::Tokens => {
                return crate::worker::protocol::ScanResponse {
                    tokens: Some(self.tokens_here(input)),
                    ..Default::default()
                };
            }
            crate::worker::protocol::Kind::Ocr => {
                let t = Instant::now();
                let findings = self.ocr_content(input);
                return crate::worker::protocol::ScanResponse {
                    findings,
                    timings: vec![("ocr".to_owned(), t.elapsed().as_micros() as u64)],
                    ..Default::default()
                };
            }
            crate::worker::protocol::Kind::Scan => {}
        }
        let first = self.scan_content_first(input);
        crate::worker::protocol::ScanResponse {
            findings: first.findings,
            timings: first
                .timings
                .into_iter()
                .map(|t| (t.scanner.to_owned(), t.micros))
                .collect(),
            described: None,
            tokens: None,
            ocr_wanted: first.ocr_wanted,
            attachments: first.attachments,
            for_clamd: first
                .for_clamd
                .into_iter()
                .map(|(p, d)| (p, crate::worker::protocol::Blob(d)))
                .collect(),
        }
    }

    /// The second step of a content scan, for messages with scans or photos and no marking
    /// found in their text: OCR of their images and text-less PDF pages (within `[ocr]`'s
    /// limits and time), the markings detector over what it read, and `OCR_INCOMPLETE` for
    /// what it could not read. In this process: call it in a worker.
    pub fn ocr_content(&self, input: &ScanInput) -> Vec<Finding> {
        let limits = &self.config.limits;
        let deadline = Instant::now() + std::time::Duration::from_millis(self.config.ocr.timeout_ms);
        let parsed = ParsedMessage::parse(&input.raw, limits);
        let archives = crate::extract::Archives::expand(&parsed, limits, deadline);
        let text = crate::extract::extract_message_collecting(
            &parsed,
            &input.raw,
            limits,
            deadline,
            &archives,
            crate::extract::OcrCollect {
                keep_bytes: true,
                all_pages: self.config.ocr.whole_page,
            },
        );
        let read = self.ocr.read(&text.ocr, deadline);
        tracing::debug!(
            images = text.ocr.len(),
            read = read.read,
            from_cache = read.from_cache,
            unread = read.unread.len(),
            "OCR"
        );
        let mut findings = Vec::new();
        self.ocr_markings.detect_ocr(read.pieces, &mut findings);
        findings.extend(self.ocr.unread_findings(&read.unread, &input.envelope.rcpt_to));
        findings
    }

    /// Whether the first step's findings leave OCR to do: images to read and no marking found
    /// in the text already (a marked message is held whatever its scans say).
    fn ocr_needed(findings: &[Finding]) -> bool {
        !findings
            .iter()
            .any(|f| f.symbol.starts_with("MARKING_") && f.symbol != markings::UNSCANNABLE)
    }

    /// What officers are shown of a message being held: its attachments and extracted text
    /// ([`crate::extract::describe`]), within the message limits and one extraction deadline.
    /// In this process: call it in a worker, or on a message already scanned here.
    pub fn describe_here(&self, input: &ScanInput) -> Described {
        let limits = &self.config.limits;
        let deadline = Instant::now() + std::time::Duration::from_millis(limits.extract_timeout_ms);
        crate::extract::describe(&input.raw, limits, deadline)
    }

    /// Describes a message being held, where its scan ran: in a worker when the engine has
    /// them (so no parser runs on it in this process), else on the blocking pool with panics
    /// caught. None when it could not be described (the worker died or took too long): the
    /// message is held all the same, and officers are told its content was not extracted.
    pub async fn describe(self: &Arc<Self>, input: Arc<ScanInput>) -> Option<Described> {
        let timeout = std::time::Duration::from_millis(self.config.limits.extract_timeout_ms) + WORKER_GRACE;
        if let Some(pool) = &self.workers {
            return match pool.describe(&input, timeout).await {
                Outcome::Done(r) => r.described,
                _ => None,
            };
        }
        let engine = self.clone();
        let work = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.describe_here(&input))).ok()
        });
        tokio::time::timeout(timeout, work).await.ok()?.ok()?
    }

    /// The classifier's tokens of a message, as training takes them. In this process: call it
    /// in a worker, or on a message read by a command-line tool.
    pub fn tokens_here(&self, input: &ScanInput) -> crate::spam::bayes::Tokens {
        crate::spam::bayes::tokens(&input.raw, &self.config.limits)
    }

    /// The tokens of a message an officer judged, where content is read: in a worker when the
    /// engine has them, else on the blocking pool with panics caught. None when the message
    /// could not be read (the worker died or took too long).
    pub async fn tokens(self: &Arc<Self>, input: Arc<ScanInput>) -> Option<crate::spam::bayes::Tokens> {
        let timeout = std::time::Duration::from_millis(self.config.limits.extract_timeout_ms) + WORKER_GRACE;
        if let Some(pool) = &self.workers {
            return match pool.tokens(&input, timeout).await {
                Outcome::Done(r) => r.tokens,
                _ => None,
            };
        }
        let engine = self.clone();
        let work = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.tokens_here(&input))).ok()
        });
        tokio::time::timeout(timeout, work).await.ok()?.ok()?
    }

    /// Runs the content scanners (parse, MIME, size, YARA, markings, spam) and, for a message
    /// with scans or photos, their OCR: CPU-bound, synchronous, for the blocking pool and for
    /// benchmarks. A scanner that panics adds `SCAN_PANIC`.
    pub fn scan_content(&self, input: &ScanInput) -> (Vec<Finding>, Vec<ScannerTime>) {
        let c = self.scan_content_counted(input);
        (c.findings, c.timings)
    }

    /// [`Engine::scan_content`] with the number of attachments.
    fn scan_content_counted(&self, input: &ScanInput) -> ContentScan {
        let FirstPass {
            mut findings,
            mut timings,
            ocr_wanted,
            attachments,
            for_clamd,
        } = self.scan_content_first(input);
        if ocr_wanted {
            let t = Instant::now();
            findings.extend(self.ocr_content(input));
            timings.push(ScannerTime {
                scanner: "ocr",
                micros: t.elapsed().as_micros() as u64,
            });
        }
        ContentScan {
            findings,
            timings,
            attachments,
            for_clamd,
        }
    }

    /// The content scanners without OCR, and whether OCR is to follow ([`Engine::ocr_content`]).
    /// With `[ocr] enabled = false`, what OCR would read is `OCR_INCOMPLETE` here.
    pub fn scan_content_first(&self, input: &ScanInput) -> FirstPass {
        let mut findings = Vec::new();
        let mut timings = Vec::with_capacity(self.scanners.len() + 1);
        let t = Instant::now();
        // One deadline for all the content work on this message.
        let deadline = t + std::time::Duration::from_millis(self.config.limits.extract_timeout_ms);
        let parsed = ParsedMessage::parse(&input.raw, &self.config.limits);
        timings.push(ScannerTime {
            scanner: "parse",
            micros: t.elapsed().as_micros() as u64,
        });
        let cx = ScanContext::until(input, &parsed, &self.config.limits, deadline);
        // The text every text-reading scanner shares, timed on its own.
        let t = Instant::now();
        if catch_unwind(AssertUnwindSafe(|| {
            cx.text();
        }))
        .is_err()
        {
            tracing::error!("text extraction panicked; message not fully scanned");
            findings.push(
                Finding::new(
                    "SCAN_PANIC",
                    "Temporary failure: text extraction failed on this message",
                    "message",
                )
                .with_why(Why::new("extract_failed")),
            );
        }
        timings.push(ScannerTime {
            scanner: "extract",
            micros: t.elapsed().as_micros() as u64,
        });
        for s in &self.scanners {
            let t = Instant::now();
            let before = findings.len();
            if catch_unwind(AssertUnwindSafe(|| s.scan(&cx, &mut findings))).is_err() {
                findings.truncate(before);
                tracing::error!(scanner = s.name(), "scanner panicked; message not fully scanned");
                findings.push(
                    Finding::new(
                        "SCAN_PANIC",
                        format!("Temporary failure: scanner {} failed on this message", s.name()),
                        "message",
                    )
                    .with_why(Why::new("scanner_failed").value("scanner", s.name())),
                );
            }
            timings.push(ScannerTime {
                scanner: s.name(),
                micros: t.elapsed().as_micros() as u64,
            });
        }
        if cx.expired() || cx.text().timed_out {
            // The work stopped where the deadline found it: the message was not fully scanned.
            findings.push(
                Finding::new(
                    "SCAN_TIMEOUT",
                    format!(
                        "Temporary failure: the content scan of this message passed its time limit ({} ms, limits.extract_timeout_ms)",
                        self.config.limits.extract_timeout_ms
                    ),
                    "message",
                )
                .with_why(Why::new("scan_timeout").value("ms", self.config.limits.extract_timeout_ms)),
            );
        }
        let images = &cx.text().ocr;
        let mut ocr_wanted = false;
        if !images.is_empty() && Self::ocr_needed(&findings) {
            if self.ocr.enabled() {
                ocr_wanted = true;
            } else {
                let unread: Vec<(String, String)> = images
                    .iter()
                    .map(|i| (i.location.clone(), "OCR is off (ocr.enabled = false)".to_owned()))
                    .collect();
                findings.extend(self.ocr.unread_findings(&unread, &input.envelope.rcpt_to));
            }
        }
        let attachments = u32::try_from(parsed.attachments.len()).unwrap_or(u32::MAX);
        let for_clamd = if self.config.clamd.enabled {
            Self::decrypted_for_clamd(&cx, &mut findings)
        } else {
            Vec::new()
        };
        FirstPass {
            findings,
            timings,
            ocr_wanted,
            attachments,
            for_clamd,
        }
    }

    /// The members and Office documents opened with a password the message gives, for clamd (it
    /// is given the message as sent, where they are encrypted), within [`MAX_FOR_CLAMD`]; the
    /// message is held when more were opened than that.
    fn decrypted_for_clamd(cx: &ScanContext<'_, '_>, findings: &mut Vec<Finding>) -> Vec<(String, Vec<u8>)> {
        // A PDF opened with a password is read (markings), but clamd only ever sees it
        // encrypted: its streams decrypted are no file clamd reads. An Office document so
        // opened is given to clamd decrypted, as the archives' members are (an OpenDocument's
        // parts one by one, each at «document > part»).
        let text = cx.text();
        for o in &text.opened {
            let given = |path: &str| {
                path.strip_prefix(o.path.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(" > "))
            };
            if text.decrypted.iter().any(|(path, _)| given(path)) {
                continue;
            }
            findings.push(
                Finding::new(
                    "DECRYPTED_NOT_VIRUS_SCANNED",
                    "a PDF opened with the message's password: read for markings, but clamd sees it encrypted; held",
                    &o.path,
                )
                .with_why(Why::new("decrypted_pdf_unscanned")),
            );
        }
        let mut out = Vec::new();
        let mut bytes = 0;
        let documents = text.decrypted.iter().map(|(p, b)| (p.as_str(), b.as_slice()));
        for (path, data) in cx.archives().decrypted_members().chain(documents) {
            bytes += data.len();
            if bytes > MAX_FOR_CLAMD {
                findings.push(
                    Finding::new(
                        "DECRYPTED_NOT_VIRUS_SCANNED",
                        format!(
                            "files opened with the message's password are over {} MiB: not given to the virus scanner, held",
                            MAX_FOR_CLAMD >> 20
                        ),
                        path,
                    )
                    .with_why(Why::new("decrypted_unscanned").value("mib", MAX_FOR_CLAMD >> 20)),
                );
                break;
            }
            out.push((path.to_owned(), data.to_vec()));
        }
        out
    }

    /// The verdict from content scanners alone (no clamd): for benchmarks and tests of rules.
    pub fn scan_content_verdict(&self, input: &ScanInput) -> ScanReport {
        let c = self.scan_content_counted(input);
        ScanReport {
            verdict: self.decide_input(input, c.findings),
            timings: c.timings,
            attachments: c.attachments,
            authentication: None,
        }
    }

    /// The verdict on a scanned message: by its recipients' thresholds, naming the allow-list
    /// entry that skipped its spam scoring.
    fn decide_input(&self, input: &ScanInput, mut findings: Vec<Finding>) -> Verdict {
        if let Some(entry) = &input.envelope.spam_allowed {
            findings.push(
                Finding::new(
                    "LIST_ALLOWED",
                    format!("Spam scoring skipped: {entry}"),
                    "envelope",
                )
                .with_why(Why::new("list_allowed").value("entry", entry)),
            );
        }
        self.decide_for(findings, &input.envelope.rcpt_to)
    }

    /// The verdict for a message that could not be scanned at all (`SCAN_TIMEOUT`,
    /// `SCAN_IO_ERROR`) or is refused before it is (`LIST_BLOCKED`), decided by the same policy
    /// as any other finding; `why` is what an officer reads.
    pub fn failure(&self, symbol: &str, detail: &str, why: Why) -> Verdict {
        self.decide(vec![Finding::new(symbol, detail, "message").with_why(why)])
    }

    /// A tempfail reply with the score table's code (`[actions] tempfail_reply`) and this text:
    /// for the answers the gateway gives of its own (busy, spool or store failure).
    pub fn tempfail_reply(&self, text: &str) -> SmtpReply {
        let (code, status) = &self.scores.tempfail_reply;
        SmtpReply::new(*code, status, text)
    }

    /// Findings → verdict by the score table, with the highest marking level named.
    pub fn decide(&self, findings: Vec<Finding>) -> Verdict {
        self.decide_for(findings, &[])
    }

    /// The thresholds for mail to these recipients: their units' own (`[spam.units]`), the
    /// most lenient when they differ, or the score table's.
    pub fn thresholds_for(&self, recipients: &[String]) -> crate::policy::Thresholds {
        let table = self.scores.thresholds();
        if self.unit_thresholds.is_empty() || recipients.is_empty() {
            return table;
        }
        let units = crate::directory::Directory::units_of(
            self.directory.as_deref(),
            recipients.iter().map(String::as_str),
        );
        let mut out: Option<crate::policy::Thresholds> = None;
        for u in &units {
            let t = self
                .unit_thresholds
                .get(&u.to_ascii_lowercase())
                .copied()
                .unwrap_or(table);
            out = Some(match out {
                None => t,
                Some(o) => crate::policy::Thresholds {
                    tag: o.tag.max(t.tag),
                    reject: o.reject.max(t.reject),
                    rules_only: o.rules_only.max(t.rules_only),
                },
            });
        }
        out.unwrap_or(table)
    }

    /// As [`Engine::decide`], by the thresholds of the recipients' units.
    pub fn decide_for(&self, findings: Vec<Finding>, recipients: &[String]) -> Verdict {
        let thresholds = self.thresholds_for(recipients);
        let mut v = policy::decide_with(&self.scores, &thresholds, findings, self.config.policy.dry_run);
        v.level = self
            .marking_levels
            .iter()
            .find(|(symbol, _)| v.findings.iter().any(|f| f.symbol == *symbol))
            .map(|(_, name)| name.clone());
        v
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
        let engine = Engine::build(&config)?.sharing_permits_with(&self.current());
        let pools = [engine.workers.clone(), engine.ocr_workers.clone()];
        self.replace(engine);
        for pool in pools.into_iter().flatten() {
            // New workers load the new configuration.
            pool.recycle();
        }
        Ok(())
    }
}

fn kib(bytes: u64) -> u32 {
    u32::try_from(bytes.div_ceil(1024))
        .unwrap_or(u32::MAX >> 4)
        .min(u32::MAX >> 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(limits: crate::config::LimitsConfig) -> Engine {
        let mut config = Config::default();
        config.clamd.enabled = false;
        config.spam.bayes_db = PathBuf::new();
        config.limits = limits;
        Engine::build(&config).expect("engine builds")
    }

    /// Past the message's one deadline the work stops and the verdict is a tempfail, not a
    /// delivery of what was not read.
    #[test]
    fn a_passed_deadline_is_scan_timeout_and_tempfail() {
        let e = engine(crate::config::LimitsConfig {
            extract_timeout_ms: 0,
            ..Default::default()
        });
        let raw = b"From: a@b\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B\r\nContent-Type: application/pdf; name=a.pdf\r\n\r\n%PDF-1.4\r\n--B--\r\n";
        let report = e.scan_content_verdict(&ScanInput::from_bytes(raw.to_vec()));
        let symbols: Vec<&str> = report
            .verdict
            .findings
            .iter()
            .map(|f| f.symbol.as_str())
            .collect();
        assert!(symbols.contains(&"SCAN_TIMEOUT"), "{symbols:?}");
        assert_eq!(report.verdict.action, crate::policy::Action::Tempfail);
    }

    #[test]
    fn within_the_deadline_there_is_no_timeout() {
        let e = engine(crate::config::LimitsConfig::default());
        let raw = b"From: a@b\r\nSubject: x\r\nDate: Sun, 29 Nov 2026 10:00:00 +0700\r\nMessage-ID: <a@b>\r\n\r\nhello\r\n";
        let report = e.scan_content_verdict(&ScanInput::from_bytes(raw.to_vec()));
        assert!(
            !report.verdict.findings.iter().any(|f| f.symbol == "SCAN_TIMEOUT"),
            "{:?}",
            report.verdict.findings
        );
    }
}
