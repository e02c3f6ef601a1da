//! Configuration: strict TOML (unknown keys are errors), embedded defaults, and errors that name
//! the file, line, key and value that were wrong.

mod error;
mod types;

pub use error::{ConfigError, line_col};
pub use types::{ClamdEndpoint, ListenAddr, Network, SocketMode};

use crate::verdict::Action;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The whole configuration. Every field has a default, so an empty file (or none) is valid.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub milter: MilterConfig,
    pub message: MessageConfig,
    pub limits: LimitsConfig,
    pub workers: WorkersConfig,
    pub policy: PolicyConfig,
    pub clamd: ClamdConfig,
    pub rules: RulesConfig,
    pub spam: SpamConfig,
    pub store: StoreConfig,
    pub local: LocalConfig,
    pub alerts: AlertsConfig,
    pub release: ReleaseConfig,
    pub web: WebConfig,
    pub audit: AuditConfig,
    pub log: LogConfig,
    pub metrics: MetricsConfig,
    pub ocr: OcrConfig,
    pub report: ReportConfig,
    pub auth: AuthConfig,
    /// Where this configuration was read from (not a key; set by [`Config::load`]).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// `[milter]`: the socket Postfix connects to, and the limits of the milter service.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MilterConfig {
    /// `inet:HOST:PORT` or `unix:/path/to/socket`.
    pub listen: ListenAddr,
    /// Permissions of a `unix:` socket file, as an octal string.
    pub socket_mode: SocketMode,
    /// Connections served at once; further connections wait in the listen backlog.
    pub max_connections: usize,
    /// Seconds to wait for the MTA's next milter command (or to write a reply) before closing.
    pub io_timeout_secs: u64,
    /// Seconds the engine may spend on one message at end-of-message before answering tempfail.
    pub scan_timeout_secs: u64,
    /// Messages scanned at once (CPU work); 0 means two per CPU core with isolated workers,
    /// one per core without.
    pub scan_concurrency: usize,
    /// Memory for messages being scanned, all together: a message is read back from the spool
    /// only when twice its size fits (one message larger than this still proceeds, alone).
    pub scan_memory_bytes: u64,
    /// Seconds to let in-flight messages finish after SIGTERM/SIGINT.
    pub shutdown_grace_secs: u64,
    /// Threads of the daemon's async runtime (the milter dialogue, the console, the workers'
    /// pipes); 0 means one per CPU core. Scanning runs in worker processes or on the blocking
    /// pool either way.
    pub runtime_threads: usize,
    /// Ask the MTA to wait for an answer at every stage. Off: stages where canhgac never refuses
    /// (connect, HELO, DATA, each header; recipients and the end of the headers while the block
    /// list has nothing for them) are sent without waiting, saving round trips.
    pub answer_every_stage: bool,
    /// The authserv-id of the `Authentication-Results` header this gateway adds (RFC 8601):
    /// empty means this machine's host name. Incoming headers claiming it are removed first.
    pub authserv_id: String,
}

impl Default for MilterConfig {
    fn default() -> Self {
        Self {
            listen: ListenAddr::default(),
            socket_mode: SocketMode::default(),
            max_connections: 256,
            io_timeout_secs: 300,
            scan_timeout_secs: 120,
            scan_concurrency: 0,
            scan_memory_bytes: 192 * 1024 * 1024,
            shutdown_grace_secs: 30,
            runtime_threads: 1,
            answer_every_stage: false,
            authserv_id: String::new(),
        }
    }
}

/// `[message]`: how a message being received is buffered.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MessageConfig {
    /// Bytes of a message kept in memory; the rest is spilled to a file in `spool_dir`.
    pub memory_threshold_bytes: u64,
    /// Directory for spilled message bodies (unnamed files, gone when the message ends).
    /// Empty means the system temporary directory.
    pub spool_dir: PathBuf,
}

impl Default for MessageConfig {
    fn default() -> Self {
        Self {
            memory_threshold_bytes: 1024 * 1024,
            spool_dir: PathBuf::new(),
        }
    }
}

impl MessageConfig {
    /// The spool directory to use (the configured one, or the system temporary directory).
    pub fn spool_dir(&self) -> PathBuf {
        if self.spool_dir.as_os_str().is_empty() {
            std::env::temp_dir()
        } else {
            self.spool_dir.clone()
        }
    }
}

/// `[limits]`: sizes and structure bounds.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Decoded size of all file attachments of one message together (regulation art. 6).
    pub max_attachment_bytes: u64,
    /// Size of the message on the wire (headers + encoded body). Checked at MAIL FROM (`SIZE=`)
    /// and while the body streams in.
    pub max_message_bytes: u64,
    /// MIME parts (Content-Type headers) in one message before it is refused as too complex.
    pub max_mime_parts: usize,
    /// Nesting depth of multiparts and forwarded messages before refusal as too complex.
    pub max_mime_depth: usize,
    /// Archives inside archives opened at most this deep (a zip in a zip is depth 2).
    pub max_archive_depth: usize,
    /// Members read from the archives of one message, all archives together.
    pub max_archive_members: usize,
    /// Bytes expanded from the archives of one message, all archives together.
    pub max_expanded_bytes: u64,
    /// A member expanding to more than this many times its compressed size is a bomb.
    pub max_compression_ratio: u64,
    /// Text extracted from one message (all parts and attachments) for the markings detector;
    /// beyond it the message is `MARKING_UNSCANNABLE`.
    pub max_text_bytes: usize,
    /// Time for all the content work on one message (milliseconds): parse, text extraction and
    /// every content scanner share this one deadline; past it the work stops and the message gets
    /// `SCAN_TIMEOUT` (tempfail by default).
    pub extract_timeout_ms: u64,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_attachment_bytes: 20 * 1024 * 1024,
            max_message_bytes: 35 * 1024 * 1024,
            max_mime_parts: 2000,
            max_mime_depth: 30,
            max_archive_depth: 4,
            max_archive_members: 1000,
            max_expanded_bytes: 100 * 1024 * 1024,
            max_compression_ratio: 200,
            max_text_bytes: 32 * 1024 * 1024,
            extract_timeout_ms: 20_000,
        }
    }
}

/// `[workers]`: content scanning in isolated worker processes (`canhgac serve`).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct WorkersConfig {
    /// Parse, extract and scan content in worker processes (one per `scan_concurrency`), so a
    /// crash in content handling costs one message, never the gateway. Off: in the gateway's
    /// own process (for debugging only).
    pub isolate: bool,
    /// Address space of each worker (`RLIMIT_AS`), bytes; past it an allocation fails and the
    /// worker dies on that message. 0 = no limit.
    pub memory_limit_bytes: u64,
    /// CPU seconds a worker may spend on one message (`RLIMIT_CPU`, renewed per message).
    pub cpu_secs_per_message: u64,
}

impl Default for WorkersConfig {
    fn default() -> Self {
        Self {
            isolate: true,
            memory_limit_bytes: 1024 * 1024 * 1024,
            cpu_secs_per_message: 60,
        }
    }
}

/// `[policy]`: how verdicts are turned into actions.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PolicyConfig {
    /// Turn every reject, quarantine and discard into accept-and-tag (for a safe rollout).
    pub dry_run: bool,
    /// Name of the header added to delivered mail explaining the verdict.
    pub result_header: String,
    /// Per-symbol action overrides: `VIRUS_FOUND = "quarantine"`, `VIRUS_SCAN_FAIL = "tag"`.
    /// Replaces the action `rules/scores.toml` forces for that symbol.
    pub actions: BTreeMap<String, Action>,
}

impl Default for PolicyConfig {
    fn default() -> Self {
        Self {
            dry_run: false,
            result_header: "X-Canhgac-Result".to_owned(),
            actions: BTreeMap::new(),
        }
    }
}

/// `[clamd]`: virus scanning by ClamAV's daemon.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ClamdConfig {
    /// Scan every message with clamd. When on and no endpoint answers, messages get
    /// `VIRUS_SCAN_FAIL` (tempfail by default): nothing is delivered unscanned.
    pub enabled: bool,
    /// clamd sockets, tried in order when one fails: `unix:/path` or `tcp:HOST:PORT`.
    pub endpoints: Vec<ClamdEndpoint>,
    /// Seconds for the whole scan of one message, all endpoints together.
    pub timeout_secs: u64,
    /// Scans sent to one endpoint at once; more wait their turn.
    pub max_concurrent_per_endpoint: usize,
    /// Bytes per INSTREAM chunk (at least 65536: smaller chunks halve throughput).
    pub chunk_bytes: usize,
    /// Connections to clamd are kept open across messages (an IDSESSION each) for this many
    /// seconds of idleness (below clamd's IdleTimeout, 30 s by default); 0 = a new connection
    /// per message.
    pub session_idle_secs: u64,
    /// Over a unix socket, a message of up to 1 MiB is passed to clamd as a file descriptor
    /// (`zFILDES`) instead of streamed through the socket (`zINSTREAM`).
    pub fd_pass: bool,
}

impl Default for ClamdConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            endpoints: vec![ClamdEndpoint::Unix("/var/run/clamav/clamd.ctl".into())],
            timeout_secs: 60,
            max_concurrent_per_endpoint: 8,
            chunk_bytes: 64 * 1024,
            session_idle_secs: 20,
            fd_pass: true,
        }
    }
}

/// `[rules]`: where scores, thresholds and patterns are read from.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RulesConfig {
    /// A directory holding `scores.toml` (and later rule files). Empty means the rules built
    /// into the binary (the repository's `rules/`).
    pub dir: PathBuf,
}

/// `[spam]`: the statistical classifier's token database and the marks on tagged mail. The
/// spam rules are `rules/spam.toml`; scores and the tag/reject thresholds `rules/scores.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SpamConfig {
    /// The classifier's token database (SQLite), written by `canhgac train` and read when the
    /// engine is built (start and reload). Missing: the classifier is off, the rules still run.
    /// Empty: never use a classifier.
    pub bayes_db: PathBuf,
    /// The classifier gives its opinion only after this many ham messages have been trained…
    pub min_ham: u32,
    /// …and this many spam messages.
    pub min_spam: u32,
    /// Put before the Subject of tagged mail (e.g. "[SPAM] "). Empty: the subject is left alone.
    pub subject_prefix: String,
    /// Thresholds of their own for units of the directory (`[spam.units."UNIT_ID"]`), as
    /// amavis's policy banks: a message is judged by its recipients' units, the most lenient
    /// of them when they differ (no unit's mail is refused by another unit's strictness).
    pub units: BTreeMap<String, UnitThresholds>,
}

/// One unit's spam thresholds (`[spam.units."UNIT_ID"]`); the score table's when absent.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnitThresholds {
    /// Tag at or above this score.
    pub tag: f64,
    /// Refuse at or above this score (with corroboration, as `[actions] reject`).
    pub reject: f64,
    /// Rules alone refuse at or above this score (default: the score table's, or `reject` when
    /// that is higher).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_rules_only: Option<f64>,
}

impl Default for SpamConfig {
    fn default() -> Self {
        Self {
            bayes_db: PathBuf::from("var/bayes.db"),
            min_ham: 200,
            min_spam: 200,
            subject_prefix: String::new(),
            units: BTreeMap::new(),
        }
    }
}

/// `[store]`: the quarantine store (SQLite).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StoreConfig {
    /// The SQLite database of held messages, the audit log and the alert outbox (created if
    /// missing, with its directory).
    pub path: PathBuf,
    /// The shared store of several gateways: a PostgreSQL URL (`postgres://user:password@host:
    /// port/database`). When set, `path` is not used (the audit key still is `[audit]
    /// key_file`, or `audit.key` beside `path`); empty: the SQLite file at `path`.
    pub url: String,
    /// What Postfix is told about a held message: `discard` (accepted, kept by us), `reject`
    /// (550 5.7.1 with the quarantine id) or `hold` (Postfix's hold queue as well).
    pub answer: HeldAnswer,
    /// Days the original bytes of a held message are kept; then purged, the record kept.
    /// 0 keeps them until deleted.
    pub retention_days: u32,
}

impl Default for StoreConfig {
    fn default() -> Self {
        Self {
            path: PathBuf::from("var/canhgac.db"),
            url: String::new(),
            answer: HeldAnswer::Discard,
            retention_days: 180,
        }
    }
}

/// `[auth]`: sender authentication (SPF, DKIM, DMARC, ARC) of mail from outside the province.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AuthConfig {
    /// Check SPF (HELO and MAIL FROM), every DKIM signature, DMARC and ARC on mail from outside
    /// `[local] internal_networks` that did not authenticate.
    pub enabled: bool,
    /// DNS servers to ask (`IP` or `IP:PORT`); empty means the system's (`/etc/resolv.conf`).
    pub resolvers: Vec<String>,
    /// Milliseconds for one DNS query.
    pub query_timeout_ms: u64,
    /// Milliseconds for all the checks of one message; past it, what is unfinished is a
    /// temporary error (`*_TEMPERROR`), never a pass and never a refusal by itself.
    pub timeout_ms: u64,
    /// DNS answers kept (per record type), for their TTL.
    pub cache_entries: usize,
    /// Refuse (550 5.7.1) mail failing the DMARC policy `p=reject` of its From domain
    /// (`DMARC_REJECT`); off: scored only.
    pub dmarc_reject: bool,
    /// ARC sealers (domains) whose valid chain vouches for mail a forwarder or a mailing list
    /// broke: a DMARC `p=reject` failure with such a chain is scored, not refused.
    pub trusted_arc_sealers: Vec<String>,
}

impl AuthConfig {
    /// A resolver's socket address: `IP` (port 53) or `IP:PORT` (`[IPv6]:PORT`).
    pub fn resolver_addr(s: &str) -> Option<std::net::SocketAddr> {
        let s = s.trim();
        s.parse::<std::net::SocketAddr>()
            .ok()
            .or_else(|| s.parse::<std::net::IpAddr>().ok().map(|ip| (ip, 53).into()))
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            resolvers: Vec::new(),
            query_timeout_ms: 2000,
            timeout_ms: 5000,
            cache_entries: 10_000,
            dmarc_reject: true,
            trusted_arc_sealers: Vec::new(),
        }
    }
}

/// `[report]`: the traffic counters behind the regulation's yearly report (art. 14) and the
/// mailbox activity list (art. 7.2.d).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ReportConfig {
    /// Count every message per unit and day (off: nothing is counted, the report is empty).
    pub enabled: bool,
    /// Seconds between writes of the counts kept in memory (one transaction each time, and at
    /// shutdown); a crash loses at most this much counting, never mail.
    pub flush_secs: u64,
    /// Years the daily counters are kept, whatever `[store] retention_days` says of messages.
    pub keep_years: u32,
    /// A directory mailbox that sent nothing for this many days is listed as inactive.
    pub inactive_days: u32,
}

impl Default for ReportConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            flush_secs: 10,
            keep_years: 10,
            inactive_days: 90,
        }
    }
}

/// The milter's answer for a message held in the store.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum HeldAnswer {
    #[default]
    Discard,
    Reject,
    Hold,
}

/// `[local]`: what is inside the province's mail system.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LocalConfig {
    /// Mail domains of the province (subdomains included).
    pub domains: Vec<String>,
    /// Client networks whose mail is internal (besides authenticated clients).
    pub internal_networks: Vec<Network>,
    /// The unit directory ("Danh bạ hộp thư điện tử công vụ"): a CSV file with the header
    /// `address,name,unit_id,unit_name,unit_mailbox`. Empty: no directory.
    pub directory: PathBuf,
}

impl Default for LocalConfig {
    fn default() -> Self {
        Self {
            domains: vec!["lamdong.gov.vn".to_owned()],
            internal_networks: vec![
                Network {
                    addr: std::net::IpAddr::from([127, 0, 0, 0]),
                    prefix: 8,
                },
                Network {
                    addr: std::net::IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
                    prefix: 128,
                },
            ],
            directory: PathBuf::new(),
        }
    }
}

impl LocalConfig {
    /// Whether `address` is in one of the local domains.
    pub fn is_local(&self, address: &str) -> bool {
        let Some((_, domain)) = address.rsplit_once('@') else {
            return false;
        };
        let domain = domain.trim_end_matches('>').to_ascii_lowercase();
        self.domains.iter().any(|d| {
            let d = d.to_ascii_lowercase();
            domain == d || domain.ends_with(&format!(".{d}"))
        })
    }
}

/// `[alerts]`: who is told when a message is held for a state-secret marking.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AlertsConfig {
    pub enabled: bool,
    /// The SMTP relay alerts are sent through (`HOST:PORT`), one that does not pass them back
    /// through canhgac.
    pub smtp: String,
    /// The alerts' sender.
    pub from: String,
    /// The security officers (Sở Thông tin và Truyền thông) told of every held marking.
    pub officers: Vec<String>,
    /// The review link before the quarantine id. Empty (the default): the console's message
    /// page, [`MESSAGE_PAGE`], under `[web] public_url` (or `http://` + `[web] listen`).
    pub review_url: String,
    /// Seconds between attempts to send what is due.
    pub interval_secs: u64,
    /// Seconds before retrying a failed alert; doubles with each failure, at most an hour.
    pub retry_secs: u64,
}

impl Default for AlertsConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            smtp: "127.0.0.1:10040".to_owned(),
            from: "canhgac@lamdong.gov.vn".to_owned(),
            officers: vec!["antoanthongtin@lamdong.gov.vn".to_owned()],
            review_url: String::new(),
            interval_secs: 10,
            retry_secs: 30,
        }
    }
}

/// `[release]`: where released messages are re-injected.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ReleaseConfig {
    /// An SMTP relay (`HOST:PORT`) that does not pass mail through canhgac again, e.g. a second
    /// Postfix smtpd on loopback with `-o smtpd_milters=` (README).
    pub smtp: String,
}

impl Default for ReleaseConfig {
    fn default() -> Self {
        Self {
            smtp: "127.0.0.1:10040".to_owned(),
        }
    }
}

/// `[web]`: the officers' review console.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct WebConfig {
    /// Whether `canhgac serve` also serves the console (`canhgac web` serves it alone).
    pub enabled: bool,
    /// `HOST:PORT` to listen on. Keep it on loopback behind a TLS reverse proxy (README).
    pub listen: std::net::SocketAddr,
    /// The address officers use, e.g. `https://canhgac.lamdong.gov.vn`. When it starts with
    /// `https://`, cookies are marked `Secure` and browsers are told to use HTTPS only.
    pub public_url: String,
    /// Minutes of inactivity after which a session ends.
    pub session_idle_minutes: u64,
    /// Hours after login at which a session ends however active it is.
    pub session_max_hours: u64,
    /// Failed logins of one account before each further try must wait: 30 s after this many,
    /// doubling with each further failure up to `lockout_minutes`. A successful login or an
    /// admin's unlock clears it. A client address may fail four times as often within
    /// `lockout_minutes`.
    pub max_failed_logins: u32,
    /// The longest wait of a throttled account, and how long a client address is remembered.
    pub lockout_minutes: u64,
    /// Addresses (or networks, `10.0.0.0/8`) of the reverse proxies in front of the console:
    /// from these peers the client's address is read from `X-Forwarded-For` (the rightmost
    /// address that is not itself a trusted proxy). From any other peer the header is ignored.
    pub trusted_proxies: Vec<Network>,
    /// Password checks (Argon2id, 19 MiB each) run at once, on the console's own threads;
    /// logins beyond them and a short queue are answered 503.
    pub password_checks: usize,
    /// Rows per page of the quarantine list and the audit log.
    pub page_size: usize,
    /// Days shown by the dashboard's charts.
    pub dashboard_days: u32,
    /// Interface language by default: `vi` or `en` (each officer can switch).
    pub language: String,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            listen: std::net::SocketAddr::from(([127, 0, 0, 1], 8025)),
            public_url: String::new(),
            session_idle_minutes: 30,
            session_max_hours: 12,
            max_failed_logins: 5,
            lockout_minutes: 15,
            trusted_proxies: vec![
                Network {
                    addr: std::net::IpAddr::from([127, 0, 0, 1]),
                    prefix: 32,
                },
                Network {
                    addr: std::net::IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
                    prefix: 128,
                },
            ],
            password_checks: 2,
            page_size: 50,
            dashboard_days: 30,
            language: "vi".to_owned(),
        }
    }
}

/// `[audit]`: the keyed audit chain.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AuditConfig {
    /// The file holding the audit chain's HMAC key (created 0600 with a random key when
    /// missing). Keep it outside the database's directory and readable by the gateway only,
    /// e.g. `/etc/canhgac/audit.key`. Empty: `audit.key` beside the database.
    pub key_file: PathBuf,
    /// Every this many hours `canhgac serve` anchors the chain's head: it is logged, recorded,
    /// and mailed to `[alerts] officers`, so entries removed from the end are noticed. 0: never.
    pub anchor_hours: u64,
}

impl Default for AuditConfig {
    fn default() -> Self {
        Self {
            key_file: PathBuf::new(),
            anchor_hours: 24,
        }
    }
}

/// `[metrics]`: Prometheus metrics and health checks, served by `canhgac serve`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    /// Whether `canhgac serve` serves `/metrics`, `/healthz` and `/readyz`.
    pub enabled: bool,
    /// `HOST:PORT` to listen on: loopback by default (the endpoints have no login).
    pub listen: std::net::SocketAddr,
}

impl Default for MetricsConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            listen: std::net::SocketAddr::from(([127, 0, 0, 1], 9897)),
        }
    }
}

/// `[ocr]`: reading scans and photos (image attachments, images in documents, PDF pages
/// without text) for state-secret stamps, with Debian's tesseract.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct OcrConfig {
    /// Whether images and text-less PDF pages are read at all. Off: they are counted as
    /// unread (`OCR_INCOMPLETE`), never passed as read.
    pub enabled: bool,
    /// The tesseract program (5.x, with the `vie` language data).
    pub tesseract: PathBuf,
    /// Poppler's pdftoppm, which renders a PDF page without a text layer for OCR.
    pub pdftoppm: PathBuf,
    /// libheif's heif-convert, which turns phones' HEIF/HEIC and AVIF photos into JPEG for OCR.
    pub heif_convert: PathBuf,
    /// Tesseract languages (`vie`, or `vie+eng`).
    pub language: String,
    /// Messages read by OCR at once, apart from the scan workers: text mail never waits
    /// behind a scan.
    pub workers: usize,
    /// Milliseconds the OCR of one message may take; past it the rest is `OCR_INCOMPLETE`.
    pub timeout_ms: u64,
    /// Images (and PDF pages) read per message; the rest is `OCR_INCOMPLETE`.
    pub max_images: usize,
    /// Pixels of one image (width × height); a larger one is `OCR_INCOMPLETE` unread.
    pub max_pixels: u64,
    /// Also read the whole page, not only where the stamp sits (the top of the first page):
    /// about 4 s of CPU per page instead of well under one.
    pub whole_page: bool,
    /// Resolution at which a PDF page is rendered for OCR, dots per inch.
    pub pdf_dpi: u32,
    /// Images whose OCR is remembered (by SHA-256) per OCR worker: the same scan sent to many
    /// recipients, or retried by the MTA, is read once.
    pub cache_entries: usize,
}

impl Default for OcrConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            tesseract: PathBuf::from("tesseract"),
            pdftoppm: PathBuf::from("pdftoppm"),
            heif_convert: PathBuf::from("heif-convert"),
            language: "vie".to_owned(),
            workers: 1,
            timeout_ms: 30_000,
            max_images: 12,
            max_pixels: 60_000_000,
            whole_page: false,
            pdf_dpi: 150,
            cache_entries: 2_000,
        }
    }
}

/// `[log]`: logging.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// A tracing filter: `info`, `debug`, `canhgac=debug,warn`, ... (`RUST_LOG` overrides).
    pub level: String,
    /// `text` (key=value lines) or `json` (one JSON object per line).
    pub format: LogFormat,
}

/// How log lines are written (to standard error).
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            level: "info".to_owned(),
            format: LogFormat::Text,
        }
    }
}

/// The path of the console's page of a held message, before its quarantine id (the web
/// console routes it; alerts link to it).
pub const MESSAGE_PAGE: &str = "/messages/";

/// The configuration file a command uses when it is given none: the package's.
pub const SYSTEM_CONFIG: &str = "/etc/canhgac/canhgac.toml";

/// The environment variable naming the configuration file when `--config` is not given (set
/// and empty: the embedded defaults, even where [`SYSTEM_CONFIG`] exists).
pub const CONFIG_ENV: &str = "CANHGAC_CONFIG";

/// Which configuration file a command uses: the one it was given; else `$CANHGAC_CONFIG`;
/// else [`SYSTEM_CONFIG`] when it exists; else none (the embedded defaults).
pub fn locate(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.to_path_buf());
    }
    if let Some(v) = std::env::var_os(CONFIG_ENV) {
        return (!v.is_empty()).then(|| PathBuf::from(v));
    }
    let system = Path::new(SYSTEM_CONFIG);
    system.exists().then(|| system.to_path_buf())
}

/// The directories relative paths of a configuration are read against: never silently the
/// process's working directory when there is a file.
#[derive(Debug, Clone, PartialEq)]
pub struct PathBases {
    /// For what the gateway reads (`[rules] dir`, `[local] directory`, `[audit] key_file`): the
    /// configuration file's directory (the working directory for the embedded defaults).
    pub config: PathBuf,
    /// For what it writes (`[store] path`, `[spam] bayes_db`, `[message] spool_dir`):
    /// `$STATE_DIRECTORY` under systemd, else as `config`.
    pub state: PathBuf,
}

impl PathBases {
    /// The bases of a configuration read from `file` (None: the embedded defaults).
    pub fn of(file: Option<&Path>) -> PathBases {
        Self::with_state_directory(file, std::env::var_os("STATE_DIRECTORY"))
    }

    /// As [`PathBases::of`], with the value of `$STATE_DIRECTORY` given.
    pub fn with_state_directory(
        file: Option<&Path>,
        state_directory: Option<std::ffi::OsString>,
    ) -> PathBases {
        let cwd = || std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let config = match file {
            Some(f) => match std::path::absolute(f)
                .ok()
                .and_then(|a| a.parent().map(Path::to_path_buf))
            {
                Some(dir) => dir,
                None => cwd(),
            },
            None => cwd(),
        };
        // systemd's StateDirectory= (several are separated by colons: the first is ours).
        let state = state_directory
            .and_then(|v| {
                let first = v.to_string_lossy().split(':').next().unwrap_or("").to_owned();
                let p = PathBuf::from(first);
                p.is_absolute().then_some(p)
            })
            .unwrap_or_else(|| config.clone());
        PathBases { config, state }
    }
}

impl Config {
    /// The rules directory, when one is set (else the built-in rules are used).
    pub fn rules_dir(&self) -> Option<&std::path::Path> {
        (!self.rules.dir.as_os_str().is_empty()).then_some(self.rules.dir.as_path())
    }

    /// Reads and validates a configuration file; its relative paths are made absolute
    /// ([`PathBases::of`] the file).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Io {
            file: path.to_path_buf(),
            error: e.to_string(),
        })?;
        let mut config = Self::parse(&text, path)?;
        config.resolve_paths(&PathBases::of(Some(path)));
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// The configuration a command uses ([`locate`]): that file loaded, or the embedded
    /// defaults with their relative paths made absolute (working directory, or
    /// `$STATE_DIRECTORY` for what is written).
    pub fn for_command(given: Option<&Path>) -> Result<Config, ConfigError> {
        match locate(given) {
            Some(p) => Config::load(&p),
            None => {
                let mut config = Config::default();
                config.resolve_paths(&PathBases::of(None));
                Ok(config)
            }
        }
    }

    /// Makes every relative path absolute against `bases` (empty paths keep their meaning).
    pub fn resolve_paths(&mut self, bases: &PathBases) {
        fn join(base: &Path, p: &mut PathBuf) {
            if !p.as_os_str().is_empty() && p.is_relative() {
                *p = base.join(&*p);
            }
        }
        join(&bases.state, &mut self.store.path);
        // A PostgreSQL URL (shared token database) is no path.
        if !crate::sql::is_postgres_url(&self.spam.bayes_db) {
            join(&bases.state, &mut self.spam.bayes_db);
        }
        join(&bases.state, &mut self.message.spool_dir);
        join(&bases.config, &mut self.rules.dir);
        join(&bases.config, &mut self.local.directory);
        join(&bases.config, &mut self.audit.key_file);
        if let ListenAddr::Unix(p) = &mut self.milter.listen {
            join(&bases.state, p);
        }
    }

    /// The console's page of the held message `id`, for alerts (see `[alerts] review_url`).
    pub fn review_link(&self, id: &str) -> String {
        if !self.alerts.review_url.is_empty() {
            return format!("{}{id}", self.alerts.review_url);
        }
        let base = if self.web.public_url.is_empty() {
            format!("http://{}", self.web.listen)
        } else {
            self.web.public_url.trim_end_matches('/').to_owned()
        };
        format!("{base}{MESSAGE_PAGE}{id}")
    }

    /// Where this configuration came from, for the first lines of a command's output.
    pub fn origin(&self) -> String {
        self.source
            .as_ref()
            .map_or_else(|| "embedded defaults".to_owned(), |p| p.display().to_string())
    }

    /// Parses and validates configuration text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::from_toml(origin, text, &e))?;
        config.validate(text, origin)?;
        Ok(config)
    }

    /// Checks relations between values that a single field's type cannot express.
    fn validate(&self, text: &str, origin: &Path) -> Result<(), ConfigError> {
        let bad = |section: &str, key: &str, message: &str| {
            ConfigError::at_key(origin, text, section, key, message)
        };
        let l = &self.limits;
        if l.max_attachment_bytes == 0 {
            return Err(bad("limits", "max_attachment_bytes", "must be greater than 0"));
        }
        if l.max_message_bytes == 0 {
            return Err(bad("limits", "max_message_bytes", "must be greater than 0"));
        }
        if l.max_mime_parts == 0 {
            return Err(bad("limits", "max_mime_parts", "must be greater than 0"));
        }
        if l.max_mime_depth == 0 {
            return Err(bad("limits", "max_mime_depth", "must be greater than 0"));
        }
        let m = &self.milter;
        if m.runtime_threads > 256 {
            return Err(bad(
                "milter",
                "runtime_threads",
                "must be at most 256 (0 = one per CPU core)",
            ));
        }
        if m.max_connections == 0 {
            return Err(bad("milter", "max_connections", "must be greater than 0"));
        }
        if m.scan_memory_bytes < 1024 * 1024 {
            return Err(bad(
                "milter",
                "scan_memory_bytes",
                "must be at least 1048576 (1 MiB)",
            ));
        }
        if m.io_timeout_secs == 0 {
            return Err(bad("milter", "io_timeout_secs", "must be greater than 0"));
        }
        if m.scan_timeout_secs == 0 {
            return Err(bad("milter", "scan_timeout_secs", "must be greater than 0"));
        }
        if m.scan_timeout_secs >= 300 {
            return Err(bad(
                "milter",
                "scan_timeout_secs",
                "must be below 300 (Postfix's milter_content_timeout), or Postfix gives up first",
            ));
        }
        if l.max_archive_depth == 0 || l.max_archive_members == 0 || l.max_expanded_bytes == 0 {
            let key = if l.max_archive_depth == 0 {
                "max_archive_depth"
            } else if l.max_archive_members == 0 {
                "max_archive_members"
            } else {
                "max_expanded_bytes"
            };
            return Err(bad("limits", key, "must be greater than 0"));
        }
        if l.max_compression_ratio < 2 {
            return Err(bad("limits", "max_compression_ratio", "must be at least 2"));
        }
        if l.max_text_bytes == 0 || l.extract_timeout_ms == 0 {
            let key = if l.max_text_bytes == 0 {
                "max_text_bytes"
            } else {
                "extract_timeout_ms"
            };
            return Err(bad("limits", key, "must be greater than 0"));
        }
        if self.store.path.as_os_str().is_empty() {
            return Err(bad("store", "path", "must name the quarantine database file"));
        }
        let a = &self.auth;
        for r in &a.resolvers {
            if crate::config::AuthConfig::resolver_addr(r).is_none() {
                return Err(bad(
                    "auth",
                    "resolvers",
                    &format!("{r:?} is not an IP address or IP:PORT"),
                ));
            }
        }
        if a.query_timeout_ms == 0 || a.timeout_ms == 0 {
            let key = if a.query_timeout_ms == 0 {
                "query_timeout_ms"
            } else {
                "timeout_ms"
            };
            return Err(bad("auth", key, "must be greater than 0"));
        }
        if a.timeout_ms >= self.milter.scan_timeout_secs.saturating_mul(1000) {
            return Err(bad(
                "auth",
                "timeout_ms",
                "must be below [milter] scan_timeout_secs (the checks run within the scan)",
            ));
        }
        for (key, addr) in [("smtp", &self.alerts.smtp), ("smtp", &self.release.smtp)] {
            let ok = addr
                .rsplit_once(':')
                .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok());
            if !ok {
                let section = if std::ptr::eq(addr, &self.alerts.smtp) {
                    "alerts"
                } else {
                    "release"
                };
                return Err(bad(section, key, "expected HOST:PORT"));
            }
        }
        let w = &self.web;
        if w.session_idle_minutes == 0 {
            return Err(bad("web", "session_idle_minutes", "must be greater than 0"));
        }
        if w.session_max_hours == 0 {
            return Err(bad("web", "session_max_hours", "must be greater than 0"));
        }
        if !(1..=64).contains(&w.password_checks) {
            return Err(bad("web", "password_checks", "must be between 1 and 64"));
        }
        if w.max_failed_logins == 0 || w.lockout_minutes == 0 {
            let key = if w.max_failed_logins == 0 {
                "max_failed_logins"
            } else {
                "lockout_minutes"
            };
            return Err(bad("web", key, "must be greater than 0"));
        }
        if !(1..=500).contains(&w.page_size) {
            return Err(bad("web", "page_size", "must be between 1 and 500"));
        }
        if !(1..=366).contains(&w.dashboard_days) {
            return Err(bad("web", "dashboard_days", "must be between 1 and 366"));
        }
        if w.language != "vi" && w.language != "en" {
            return Err(bad("web", "language", "must be \"vi\" or \"en\""));
        }
        if !(w.public_url.is_empty()
            || w.public_url.starts_with("https://")
            || w.public_url.starts_with("http://"))
        {
            return Err(bad("web", "public_url", "must start with https:// (or http://)"));
        }
        if self.alerts.enabled && self.alerts.interval_secs == 0 {
            return Err(bad("alerts", "interval_secs", "must be greater than 0"));
        }
        let c = &self.clamd;
        if c.enabled && c.endpoints.is_empty() {
            return Err(bad(
                "clamd",
                "endpoints",
                "needs at least one endpoint when clamd is enabled",
            ));
        }
        if c.timeout_secs == 0 || c.timeout_secs >= m.scan_timeout_secs {
            return Err(bad(
                "clamd",
                "timeout_secs",
                &format!(
                    "must be between 1 and milter.scan_timeout_secs ({}) - 1",
                    m.scan_timeout_secs
                ),
            ));
        }
        if c.max_concurrent_per_endpoint == 0 {
            return Err(bad(
                "clamd",
                "max_concurrent_per_endpoint",
                "must be greater than 0",
            ));
        }
        if c.chunk_bytes < 65536 {
            return Err(bad("clamd", "chunk_bytes", "must be at least 65536"));
        }
        if !is_header_name(&self.policy.result_header) {
            return Err(bad(
                "policy",
                "result_header",
                "must be a header field name (printable ASCII without ':' or spaces)",
            ));
        }
        // Targets and levels only: span and field filters (`[span{field=…}]`) compile their
        // values as patterns, and a crafted one took a minute to build (found by fuzzing).
        let plain = |c: char| c.is_ascii_alphanumeric() || "_:,=.-".contains(c);
        if self.log.level.len() > 256 || !self.log.level.chars().all(plain) {
            return Err(bad(
                "log",
                "level",
                "a log filter of targets and levels (`info`, `canhgac=debug,warn`): letters, digits and _ : , = . - only, at most 256 characters",
            ));
        }
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&self.log.level) {
            return Err(bad("log", "level", &format!("not a log filter: {e}")));
        }
        let o = &self.ocr;
        if o.workers == 0 {
            return Err(bad("ocr", "workers", "must be at least 1"));
        }
        if o.timeout_ms == 0 {
            return Err(bad("ocr", "timeout_ms", "must be greater than 0"));
        }
        if !(50..=600).contains(&o.pdf_dpi) {
            return Err(bad("ocr", "pdf_dpi", "must be between 50 and 600"));
        }
        if o.language.is_empty()
            || !o
                .language
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '_')
        {
            return Err(bad(
                "ocr",
                "language",
                "tesseract language names joined by +, such as `vie` or `vie+eng`",
            ));
        }
        Ok(())
    }

    /// Number of messages scanned at once: `[milter] scan_concurrency`, or by default two per
    /// CPU core with isolated workers (a worker waits on its pipe between messages, while the
    /// gateway reads its answer and hands it the next one: with one per core the cores idle
    /// through every hand-off; BENCHMARKS.md, "Two workers per core") and one per core when
    /// scanning runs in the gateway's own threads.
    pub fn scan_concurrency(&self) -> usize {
        match self.milter.scan_concurrency {
            0 => {
                let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
                if self.workers.isolate { 2 * cores } else { cores }
            }
            n => n,
        }
    }

    /// The effective configuration as TOML (for `check-config`).
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_else(|e| format!("# cannot print: {e}\n"))
    }
}

fn is_header_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| (33..=126).contains(&b) && b != b':')
}

/// A rule file: `dir/name` when `dir` is given and has it, else the built-in copy.
pub fn rule_source(
    dir: Option<&std::path::Path>,
    name: &str,
    embedded: &str,
) -> Result<(std::path::PathBuf, String), ConfigError> {
    let built_in = || {
        (
            std::path::PathBuf::from(format!("(built-in) rules/{name}")),
            embedded.to_owned(),
        )
    };
    let Some(d) = dir else {
        return Ok(built_in());
    };
    let p = d.join(name);
    match std::fs::read_to_string(&p) {
        Ok(text) => Ok((p, text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(built_in()),
        Err(e) => Err(ConfigError::Io {
            file: p,
            error: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("test.toml"))
    }

    #[test]
    fn empty_file_gives_defaults() {
        let c = parse("").expect("empty config is valid");
        assert_eq!(c, Config::default());
        assert_eq!(c.limits.max_attachment_bytes, 20_971_520);
        assert_eq!(c.limits.max_message_bytes, 36_700_160);
        assert_eq!(c.milter.listen.to_string(), "inet:127.0.0.1:8897");
    }

    #[test]
    fn errors_name_file_line_key_and_value() {
        let cases: &[(&str, usize, &str, &str)] = &[
            ("[milter]\nlisten = \"tcp:1.2.3.4\"\n", 2, "listen", "tcp:1.2.3.4"),
            (
                "[milter]\n\nlisten = \"inet:127.0.0.1:99999\"\n",
                3,
                "listen",
                "99999",
            ),
            (
                "[limits]\nmax_attachment_bytes = -5\n",
                2,
                "max_attachment_bytes",
                "-5",
            ),
            (
                "[limits]\nmax_attachment_bytes = \"big\"\n",
                2,
                "max_attachment_bytes",
                "big",
            ),
            (
                "[limits]\nmax_attachment_bytes = 0\n",
                2,
                "max_attachment_bytes",
                "0",
            ),
            ("[milter]\nsocket_mode = \"999\"\n", 2, "socket_mode", "999"),
            (
                "[milter]\nscan_timeout_secs = 400\n",
                2,
                "scan_timeout_secs",
                "400",
            ),
            (
                "[policy]\nresult_header = \"X Bad\"\n",
                2,
                "result_header",
                "X Bad",
            ),
            ("[limitz]\nx = 1\n", 1, "limitz", "limitz"),
            (
                "[limits]\nmax_atachment_bytes = 5\n",
                2,
                "max_atachment_bytes",
                "max_atachment_bytes",
            ),
            ("[log]\nlevel = \"[[[\"\n", 2, "level", "[[["),
            // Found by fuzzing: a span filter whose field pattern took a minute to compile.
            (
                "[log]\nlevel = \"[[[{{{{{777777777777ri=AAAAAAAAAAAAAAAA..........AAAAAAAA07777}o2_{{{{{{\"\n",
                2,
                "level",
                "[[[{{{{{777777777777ri=",
            ),
            ("[log]\nformat = \"xml\"\n", 2, "format", "xml"),
            (
                "[clamd]\nendpoints = [\"tcp:nohost\"]\n",
                2,
                "endpoints",
                "tcp:nohost",
            ),
            ("[clamd]\nchunk_bytes = 4096\n", 2, "chunk_bytes", "4096"),
            ("[clamd]\ntimeout_secs = 500\n", 2, "timeout_secs", "500"),
            (
                "[policy.actions]\nVIRUS_FOUND = \"explode\"\n",
                2,
                "VIRUS_FOUND",
                "explode",
            ),
        ];
        for (text, line, key, value) in cases {
            let err = parse(text).expect_err(text).to_string();
            assert!(err.starts_with("test.toml:"), "{text:?}: {err}");
            assert!(
                err.contains(&format!("test.toml:{line}:")),
                "{text:?}: want line {line}: {err}"
            );
            assert!(err.contains(key), "{text:?}: want key {key}: {err}");
            assert!(err.contains(value), "{text:?}: want value {value}: {err}");
        }
        parse("[log]\nlevel = \"debug,canhgac=trace,canhgac::worker=warn\"\n").expect("targets and levels");
    }

    #[test]
    fn relative_paths_are_read_against_the_file_or_the_state_directory() {
        let mut c = parse(
            "[store]\npath = \"q/canhgac.db\"\n[rules]\ndir = \"rules\"\n[audit]\nkey_file = \"/etc/k\"\n\
             [message]\nspool_dir = \"\"\n",
        )
        .expect("valid");
        let file = Path::new("/etc/canhgac/canhgac.toml");
        let mut under_systemd = c.clone();
        c.resolve_paths(&PathBases::with_state_directory(Some(file), None));
        assert_eq!(c.store.path, Path::new("/etc/canhgac/q/canhgac.db"));
        assert_eq!(c.spam.bayes_db, Path::new("/etc/canhgac/var/bayes.db"));
        assert_eq!(c.rules.dir, Path::new("/etc/canhgac/rules"));
        assert_eq!(c.audit.key_file, Path::new("/etc/k"), "absolute stays");
        assert_eq!(c.message.spool_dir, Path::new(""), "empty keeps its meaning");
        let bases =
            PathBases::with_state_directory(Some(file), Some("/var/lib/canhgac:/var/lib/other".into()));
        under_systemd.resolve_paths(&bases);
        assert_eq!(
            under_systemd.store.path,
            Path::new("/var/lib/canhgac/q/canhgac.db")
        );
        assert_eq!(
            under_systemd.rules.dir,
            Path::new("/etc/canhgac/rules"),
            "read: beside the file"
        );
        // A relative file name is made absolute first.
        let b = PathBases::with_state_directory(Some(Path::new("cfg/c.toml")), Some("relative".into()));
        assert!(b.config.is_absolute() && b.config.ends_with("cfg"), "{b:?}");
        assert_eq!(b.state, b.config, "a relative STATE_DIRECTORY is ignored");
    }

    #[test]
    fn the_review_link_is_the_console_s_message_page() {
        let mut c = Config::default();
        assert_eq!(c.review_link("Q1"), "http://127.0.0.1:8025/messages/Q1");
        c.web.public_url = "https://canhgac.lamdong.gov.vn/".into();
        assert_eq!(c.review_link("Q1"), "https://canhgac.lamdong.gov.vn/messages/Q1");
        c.alerts.review_url = "https://x.example/q?id=".into();
        assert_eq!(c.review_link("Q1"), "https://x.example/q?id=Q1");
    }

    #[test]
    fn listen_forms() {
        let c = parse("[milter]\nlisten = \"unix:/run/canhgac/milter.sock\"\nsocket_mode = \"0600\"\n")
            .expect("valid");
        assert_eq!(
            c.milter.listen,
            ListenAddr::Unix("/run/canhgac/milter.sock".into())
        );
        assert_eq!(c.milter.socket_mode.0, 0o600);
        let c = parse("[milter]\nlisten = \"inet:[::1]:10025\"\n").expect("valid");
        assert_eq!(c.milter.listen.to_string(), "inet:[::1]:10025");
    }

    /// Workers by default: two per core when isolated (each waits on its pipe between
    /// messages), one per core in the gateway's own threads; a number given is taken as is.
    #[test]
    fn scan_concurrency_defaults_to_two_workers_per_core() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let mut c = Config::default();
        assert!(c.workers.isolate);
        assert_eq!(c.scan_concurrency(), 2 * cores);
        c.workers.isolate = false;
        assert_eq!(c.scan_concurrency(), cores);
        c.milter.scan_concurrency = 3;
        assert_eq!(c.scan_concurrency(), 3);
    }

    #[test]
    fn effective_config_round_trips() {
        let c = parse("[policy]\ndry_run = true\n").expect("valid");
        let again = parse(&c.to_toml()).expect("printed config parses");
        assert_eq!(c, again);
    }
}
