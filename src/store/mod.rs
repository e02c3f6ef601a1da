//! The quarantine store (SQLite, WAL, fully synced): held messages with their original bytes and
//! every finding, a tamper-evident audit log (each entry carries the hash of the one before),
//! and the durable outbox of alerts. A message is written here before the milter answers
//! Postfix; every officer action goes through these functions (CLI and web console alike).

mod audit;
#[cfg(test)]
pub(crate) mod both;

mod feedback;
mod lists;
mod migrate;
mod outbox;
mod review;
mod sessions;
pub mod testing;
pub mod traffic;
mod users;

pub use audit::{Anchor, AuditCheck, AuditEntry, AuditKey};
pub use feedback::Feedback;
pub use migrate::{Copied, TABLES};
pub use outbox::OutboxRow;
pub use review::{
    Filter, FourEyes, Page, REASONS, ReleaseRequest, Sort, Stats, day_string, hold_reason, parse_day,
};
pub use sessions::random_hex;
pub use users::{Role, User, UserError};

use crate::extract::Described;
use crate::message::Envelope;
use crate::sql::{Conn, DbError, OptionalExt, Row, params};
use crate::verdict::Finding;
use crate::verdict::Verdict;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

/// What went wrong with the store, naming the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot open the quarantine store: {error}")]
    Open { path: PathBuf, error: String },
    #[error("{path}: {error}")]
    Sql { path: PathBuf, error: String },
    #[error("no held message {0}")]
    NotFound(String),
    #[error("message {id} is {status}: {why}")]
    State { id: String, status: String, why: String },
    /// A value given by an officer or an admin that cannot be taken (names it).
    #[error("{0}")]
    Invalid(String),
}

/// A held message's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Held,
    /// A release is being sent: committed before the relay is contacted, so a concurrent
    /// release or delete is refused; left so when the outcome is unknown (see
    /// [`Store::resolve_release`]).
    Releasing,
    Released,
    Deleted,
    Confirmed,
    FalsePositive,
}

impl Status {
    /// Every status, in the order a message goes through them.
    pub const ALL: [Status; 6] = [
        Status::Held,
        Status::Releasing,
        Status::Released,
        Status::Deleted,
        Status::Confirmed,
        Status::FalsePositive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Releasing => "releasing",
            Status::Released => "released",
            Status::Deleted => "deleted",
            Status::Confirmed => "confirmed",
            Status::FalsePositive => "false_positive",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "held" => Status::Held,
            "releasing" => Status::Releasing,
            "released" => Status::Released,
            "deleted" => Status::Deleted,
            "confirmed" => Status::Confirmed,
            "false_positive" | "false-positive" => Status::FalsePositive,
            _ => return None,
        })
    }
}

/// A held message as recorded (without its bytes).
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub id: String,
    /// Unix seconds.
    pub received_at: i64,
    pub queue_id: String,
    pub client_addr: String,
    pub helo: String,
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub auth_user: String,
    /// The sender was internal (authenticated, or from an internal network, and local).
    pub internal_sender: bool,
    pub header_from: String,
    pub subject: String,
    pub size: u64,
    pub action: String,
    pub level: Option<String>,
    pub score: f64,
    pub findings: Vec<Finding>,
    pub status: Status,
    pub note: String,
    pub sha256: String,
    /// Whether the original bytes are still kept (deleted or purged otherwise).
    pub has_bytes: bool,
    /// Why it was held: `marking`, `virus`, `unscannable`, `spam` or `other`.
    pub reason: String,
    /// Sender authentication's results (`Authentication-Results` value), when they ran.
    pub authentication: Option<String>,
}

/// What is recorded when a message is held.
pub struct Hold<'a> {
    pub envelope: &'a Envelope,
    pub raw: &'a [u8],
    pub verdict: &'a Verdict,
    pub internal_sender: bool,
    pub header_from: String,
    pub subject: String,
    /// The units the message concerns (its sender's and its recipients'): unit ids from the
    /// directory, else the address's domain.
    pub units: Vec<String>,
    /// What officers are shown of its content, described where it was scanned (None: it could
    /// not be described; the console says so and never parses the bytes itself).
    pub described: Option<&'a Described>,
    /// Sender authentication's `Authentication-Results` value, when it ran.
    pub authentication: Option<&'a str>,
}

/// Builds an alert's message once the quarantine id is known.
pub type Compose = Box<dyn Fn(&str) -> Vec<u8> + Send>;

/// An alert to queue with the held message (same transaction).
pub struct NewAlert {
    pub kind: String,
    pub recipients: Vec<String>,
    /// Builds the message once the quarantine id is known.
    pub compose: Compose,
}

/// The store. One connection behind a mutex: calls block, so async callers use the blocking pool.
pub struct Store {
    path: PathBuf,
    conn: Mutex<Conn>,
    /// A second, read-only connection for the console's long reads (lists, dashboard, chain
    /// verification): with WAL they see the last commit and never hold up a hold being written.
    reader: Mutex<Conn>,
    /// The audit chain's key (kept outside the database).
    key: AuditKey,
    /// A PostgreSQL store opened while unreachable: its schema is checked on first contact.
    unmigrated: std::sync::atomic::AtomicBool,
}

const SCHEMA: &[&str] = &[
    // 1: messages, audit, outbox.
    "CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        received_at INTEGER NOT NULL,
        queue_id TEXT NOT NULL,
        client_addr TEXT NOT NULL,
        helo TEXT NOT NULL,
        mail_from TEXT NOT NULL,
        rcpt_to TEXT NOT NULL,
        auth_user TEXT NOT NULL,
        internal_sender INTEGER NOT NULL,
        header_from TEXT NOT NULL,
        subject TEXT NOT NULL,
        size INTEGER NOT NULL,
        action TEXT NOT NULL,
        level TEXT,
        score REAL NOT NULL,
        findings TEXT NOT NULL,
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL,
        raw BLOB
    );
    CREATE INDEX messages_received ON messages(received_at);
    CREATE INDEX messages_status ON messages(status);
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        message_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        recipients TEXT NOT NULL,
        body BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        sent_at INTEGER,
        last_error TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at);",
    // 2: accounts of the review console (officers, admins, auditors).
    "CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        units TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    );",
    // 3: the review console: why each message was held (marking, virus, unscannable, spam,
    // other), the units it concerns (for officers scoped to units and the dashboard), indexes
    // for the quarantine list, and four-eyes release requests.
    "ALTER TABLE messages ADD COLUMN reason TEXT NOT NULL DEFAULT 'other';
    UPDATE messages SET reason = CASE
        WHEN level IS NOT NULL THEN 'marking'
        WHEN findings LIKE '%\"VIRUS_FOUND\"%' OR findings LIKE '%\"YARA_%' THEN 'virus'
        WHEN findings LIKE '%UNSCANNABLE%' OR findings LIKE '%\"SCAN_%' OR findings LIKE '%\"VIRUS_SCAN_FAIL\"%' OR findings LIKE '%\"ARCHIVE_%' THEN 'unscannable'
        WHEN score > 0 THEN 'spam'
        ELSE 'other' END;
    CREATE INDEX messages_status_received ON messages(status, received_at);
    CREATE INDEX messages_reason_received ON messages(reason, received_at);
    CREATE INDEX messages_level_received ON messages(level, received_at);
    CREATE INDEX messages_sender ON messages(mail_from);
    CREATE INDEX messages_subject ON messages(subject);
    CREATE INDEX messages_size ON messages(size);
    CREATE INDEX messages_score ON messages(score);
    CREATE INDEX messages_dashboard ON messages(received_at, reason, level);
    CREATE TABLE message_units (
        unit TEXT NOT NULL,
        message_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (unit, message_id)
    ) WITHOUT ROWID;
    CREATE INDEX message_units_message ON message_units(message_id);
    CREATE INDEX message_units_received ON message_units(received_at, unit);
    CREATE TABLE release_requests (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        decided_by TEXT,
        decided_at INTEGER,
        outcome TEXT
    );
    CREATE INDEX release_requests_open ON release_requests(message_id, outcome);
    CREATE INDEX audit_message ON audit(message_id, seq);",
    // 4: issue 15. Four-eyes between two people: who set each account up (created it, or last
    // set its password for it) and where in the audit chain it was created, and where each
    // release request was made. Failed logins per account (backoff). Console sessions that
    // survive a restart (only a hash of each session id is kept). Anchors of the audit chain's
    // head. The chain itself is sealed with its key by `Store::open` in the same transaction.
    "ALTER TABLE users ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE users ADD COLUMN password_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE users ADD COLUMN created_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN last_failed_at INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE release_requests ADD COLUMN request_seq INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        \"user\" TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen INTEGER NOT NULL
    );
    CREATE INDEX sessions_user ON sessions(\"user\");
    CREATE TABLE audit_anchors (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        mac TEXT NOT NULL,
        at INTEGER NOT NULL
    );",
    // 5: issue 16. What officers are shown of a held message's content (attachments and
    // extracted text, JSON), described by the worker that scanned it, so that the console never
    // parses held bytes itself.
    "ALTER TABLE messages ADD COLUMN described TEXT;",
    // 6: issue 19. Allow and block lists (entries are never deleted: a removal is dated, so
    // the lists' history stays beside the audit trail), and the officers' spam / not-spam
    // word on held messages, with when the classifier learned it.
    "CREATE TABLE sender_lists (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        note TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        removed_by TEXT,
        removed_at INTEGER
    );
    CREATE UNIQUE INDEX sender_lists_live ON sender_lists(kind, field, value) WHERE removed_at IS NULL;
    CREATE TABLE spam_feedback (
        message_id TEXT PRIMARY KEY,
        spam INTEGER NOT NULL,
        given_by TEXT NOT NULL,
        given_at INTEGER NOT NULL,
        learned_at INTEGER
    );",
    // 7: issue 22. Traffic counters per unit and day (Vietnam time) for the regulation's yearly
    // report, kept for years whatever the messages' retention; each mailbox's first and last
    // message sent and received (art. 7.2.d's inactive mailboxes).
    "CREATE TABLE traffic (
        day INTEGER NOT NULL,
        unit TEXT NOT NULL,
        counter TEXT NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (day, unit, counter)
    ) WITHOUT ROWID;
    CREATE TABLE mailboxes (
        address TEXT PRIMARY KEY,
        unit TEXT NOT NULL,
        first_sent INTEGER,
        last_sent INTEGER,
        first_received INTEGER,
        last_received INTEGER
    ) WITHOUT ROWID;",
    // 8: issue 20. Sender authentication's results of a held message, for the console.
    "ALTER TABLE messages ADD COLUMN authentication TEXT;",
];

/// The schema version whose migration seals an unkeyed audit chain with the key.
const KEYED_AUDIT_VERSION: usize = 4;

/// The audit key file used when none is configured: `audit.key` beside the database.
pub fn default_key_file(db: &Path) -> PathBuf {
    db.parent()
        .map_or_else(|| PathBuf::from("audit.key"), |d| d.join("audit.key"))
}

/// Creates or migrates the schema in PostgreSQL, under the schema lock (gateways starting
/// together migrate it once); the version is kept in `canhgac_schema`.
fn migrate_postgres(conn: &Conn, key: &AuditKey) -> Result<(), DbError> {
    let tx = conn.begin()?;
    tx.exclusive(crate::sql::Lock::Schema)?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS canhgac_schema (version BIGINT NOT NULL);
         INSERT INTO canhgac_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM canhgac_schema);",
    )?;
    let version: i64 = tx.query_row("SELECT version FROM canhgac_schema", params![], |r| r.get(0))?;
    for (i, sql) in SCHEMA.iter().enumerate().skip(version.max(0) as usize) {
        tx.execute_batch(&crate::sql::pg_schema(sql))
            .map_err(|e| DbError {
                kind: e.kind,
                message: format!("migration {}: {e}", i + 1),
            })?;
        if i + 1 == KEYED_AUDIT_VERSION {
            audit::seal_legacy(&tx, key, now())?;
        }
        tx.execute("UPDATE canhgac_schema SET version = ?1", params![i as i64 + 1])?;
    }
    tx.commit()
}

/// The audit key file of a configuration: `[audit] key_file`, else `audit.key` beside
/// `[store] path`.
pub fn key_file_of(config: &crate::config::Config) -> PathBuf {
    if config.audit.key_file.as_os_str().is_empty() {
        default_key_file(&config.store.path)
    } else {
        config.audit.key_file.clone()
    }
}

/// Unix seconds now.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// Opens (creating it and its directory if needed) and migrates the database, with the
    /// audit key `audit.key` beside it (created if missing). A deployment names a key file
    /// elsewhere, readable by the gateway only: [`Store::open_with_key`], `[audit] key_file`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Self::open_with_key(path, &default_key_file(path))
    }

    /// Opens the store of a configuration (`[store] url` when set, else `[store] path`;
    /// `[audit] key_file`).
    pub fn from_config(config: &crate::config::Config) -> Result<Store, StoreError> {
        let key = key_file_of(config);
        if !config.store.url.is_empty() {
            return Self::open_postgres(&config.store.url, &key);
        }
        Self::open_with_key(&config.store.path, &key)
    }

    /// Opens the store with the audit key in `key_file` (created 0600 if missing).
    pub fn open_with_key(path: &Path, key_file: &Path) -> Result<Store, StoreError> {
        let key = AuditKey::load_or_create(key_file).map_err(|error| StoreError::Open {
            path: path.to_owned(),
            error,
        })?;
        let store = Self::open_keyed(path, key)?;
        let side = |suffix: &str| {
            let mut s = path.as_os_str().to_owned();
            s.push(suffix);
            PathBuf::from(s)
        };
        crate::ownership::give_to_directory_owner(&[
            path.to_owned(),
            side("-wal"),
            side("-shm"),
            key_file.to_owned(),
        ]);
        Ok(store)
    }

    fn open_keyed(path: &Path, key: AuditKey) -> Result<Store, StoreError> {
        let open_err = |e: &dyn std::fmt::Display| StoreError::Open {
            path: path.to_owned(),
            error: e.to_string(),
        };
        // Held mail and password hashes: private files whatever the umask. A directory or a
        // database created here is 0700 / 0600; SQLite's -wal and -shm files are brought to
        // 0600 too (an existing database keeps the mode its operator gave it).
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| open_err(&e))?;
        }
        let created = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(f) => {
                f.set_permissions(std::fs::Permissions::from_mode(0o600))
                    .map_err(|e| open_err(&e))?;
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
            Err(e) => return Err(open_err(&e)),
        };
        let conn = rusqlite::Connection::open(path).map_err(|e| open_err(&e))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| open_err(&e))?;
        // WAL with full sync: a committed hold survives a crash or power loss.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| open_err(&e))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| open_err(&e))?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| open_err(&e))?;
        conn.set_prepared_statement_cache_capacity(128);
        let conn = Conn::Sqlite(conn);
        for (i, sql) in SCHEMA.iter().enumerate().skip(version as usize) {
            let step = || -> Result<(), DbError> {
                let tx = conn.begin()?;
                tx.execute_batch(sql)?;
                if i + 1 == KEYED_AUDIT_VERSION {
                    audit::seal_legacy(&tx, &key, now())?;
                }
                tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
                tx.commit()
            };
            step().map_err(|e| open_err(&format!("migration {}: {e}", i + 1)))?;
        }
        if created {
            for suffix in ["-wal", "-shm"] {
                let mut side = path.as_os_str().to_owned();
                side.push(suffix);
                if std::path::Path::new(&side).exists() {
                    std::fs::set_permissions(&side, std::fs::Permissions::from_mode(0o600))
                        .map_err(|e| open_err(&e))?;
                }
            }
        }
        let reader = rusqlite::Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_err(&e))?;
        reader
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| open_err(&e))?;
        Ok(Store {
            path: path.to_owned(),
            conn: Mutex::new(conn),
            reader: Mutex::new(Conn::Sqlite(reader)),
            key,
            unmigrated: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Opens the shared store in PostgreSQL at `url` (several gateways, one quarantine), with
    /// the audit key in `key_file` (every gateway sharing the database needs the same key).
    /// Migrates the schema under a lock, so gateways starting together migrate it once.
    pub fn open_postgres(url: &str, key_file: &Path) -> Result<Store, StoreError> {
        Self::postgres(url, key_file, false)
    }

    /// The store of the gateway (`canhgac serve`): as [`Store::from_config`], but a PostgreSQL
    /// store that cannot be reached at start is opened all the same: the schema is checked and
    /// migrated when it is first reached, and until then holds answer `451 4.3.0` while mail
    /// that needs no store flows.
    pub fn for_gateway(config: &crate::config::Config) -> Result<Store, StoreError> {
        if config.store.url.is_empty() {
            return Self::from_config(config);
        }
        Self::postgres(&config.store.url, &key_file_of(config), true)
    }

    /// A PostgreSQL store; `lazy`: an unreachable database is no error (see `for_gateway`).
    fn postgres(url: &str, key_file: &Path, lazy: bool) -> Result<Store, StoreError> {
        let name = PathBuf::from(crate::sql::redact(url));
        let open_err = |e: &dyn std::fmt::Display| StoreError::Open {
            path: name.clone(),
            error: e.to_string(),
        };
        let key = AuditKey::load_or_create(key_file).map_err(|e| open_err(&e))?;
        let connect = || {
            let pg = if lazy {
                crate::sql::PgConn::connect_lazy(url)
            } else {
                crate::sql::PgConn::connect(url)
            };
            pg.map(Conn::Postgres).map_err(|e| open_err(&e))
        };
        let conn = connect()?;
        let unmigrated = match migrate_postgres(&conn, &key) {
            Ok(()) => false,
            Err(e) if lazy && e.kind == crate::sql::ErrorKind::Unavailable => true,
            Err(e) => return Err(open_err(&e)),
        };
        let reader = connect()?;
        Ok(Store {
            path: name,
            conn: Mutex::new(conn),
            reader: Mutex::new(reader),
            key,
            unmigrated: std::sync::atomic::AtomicBool::new(unmigrated),
        })
    }

    /// Brings the schema up to date if the database could not be reached when the store was
    /// opened (see [`Store::for_gateway`]); a no-op otherwise.
    fn migrated(&self) {
        use std::sync::atomic::Ordering;
        if !self.unmigrated.load(Ordering::Acquire) {
            return;
        }
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        if self.unmigrated.load(Ordering::Acquire) {
            match migrate_postgres(&conn, &self.key) {
                Ok(()) => {
                    self.unmigrated.store(false, Ordering::Release);
                    tracing::info!(db = %self.path.display(), "PostgreSQL reached: schema checked");
                }
                Err(e) => {
                    tracing::debug!(db = %self.path.display(), error = %e, "PostgreSQL schema not checked yet")
                }
            }
        }
    }

    /// Which database the store is in.
    pub fn backend(&self) -> crate::sql::Backend {
        self.lock().backend()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, e: DbError) -> StoreError {
        StoreError::Sql {
            path: self.path.clone(),
            error: e.to_string(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Conn> {
        self.migrated();
        // A panic while holding the lock leaves SQLite consistent (transactions roll back).
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The read-only connection (for reads that may take long).
    fn read(&self) -> std::sync::MutexGuard<'_, Conn> {
        self.migrated();
        self.reader.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a held message and its alerts in one synced transaction; returns its id.
    pub fn hold(&self, h: &Hold<'_>, alerts: &[NewAlert]) -> Result<String, StoreError> {
        let at = now();
        let sha = hex(&Sha256::digest(h.raw));
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id_hash = Sha256::digest(format!("{sha}{nanos}{}", std::process::id()).as_bytes());
        let id = format!("Q{}", &hex(&id_hash)[..15]).to_uppercase();
        let e = h.envelope;
        let findings = serde_json::to_string(&h.verdict.findings).unwrap_or_else(|_| "[]".into());
        let rcpt = serde_json::to_string(&e.rcpt_to).unwrap_or_else(|_| "[]".into());
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        tx.execute(
            "INSERT INTO messages (id, received_at, queue_id, client_addr, helo, mail_from, rcpt_to, auth_user,
                internal_sender, header_from, subject, size, action, level, score, findings, status, sha256, raw, reason, described, authentication)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'held', ?17, ?18, ?19, ?20, ?21)",
            params![
                id,
                at,
                e.queue_id.clone().unwrap_or_default(),
                e.client_addr.map(|a| a.to_string()).unwrap_or_default(),
                e.helo,
                e.mail_from,
                rcpt,
                e.auth_user.clone().unwrap_or_default(),
                h.internal_sender,
                h.header_from,
                h.subject,
                h.raw.len() as i64,
                h.verdict.action.as_str(),
                h.verdict.level,
                h.verdict.score,
                findings,
                sha,
                h.raw,
                hold_reason(h.verdict),
                h.described.and_then(|d| serde_json::to_string(d).ok()),
                h.authentication,
            ],
        )
        .map_err(|e| self.sql(e))?;
        for unit in &h.units {
            tx.execute(
                "INSERT INTO message_units (unit, message_id, received_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![unit, id, at],
            )
            .map_err(|e| self.sql(e))?;
        }
        let why = h
            .verdict
            .findings
            .iter()
            .map(|f| f.symbol.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        audit::append(&tx, &self.key, at, "canhgac", "hold", &id, &why).map_err(|e| self.sql(e))?;
        for a in alerts {
            outbox::enqueue(&tx, &id, &a.kind, &a.recipients, &(a.compose)(&id), at)
                .map_err(|e| self.sql(e))?;
        }
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(id)
    }

    const COLUMNS: &'static str =
        "id, received_at, queue_id, client_addr, helo, mail_from, rcpt_to, auth_user, internal_sender,
        header_from, subject, size, action, level, score, findings, status, note, sha256, raw IS NOT NULL, reason,
        authentication";

    fn record(row: &Row) -> Result<Record, DbError> {
        let rcpt: String = row.get(6)?;
        let findings: String = row.get(15)?;
        let status: String = row.get(16)?;
        Ok(Record {
            id: row.get(0)?,
            received_at: row.get(1)?,
            queue_id: row.get(2)?,
            client_addr: row.get(3)?,
            helo: row.get(4)?,
            mail_from: row.get(5)?,
            rcpt_to: serde_json::from_str(&rcpt).unwrap_or_default(),
            auth_user: row.get(7)?,
            internal_sender: row.get(8)?,
            header_from: row.get(9)?,
            subject: row.get(10)?,
            size: row.get::<i64>(11)?.max(0) as u64,
            action: row.get(12)?,
            level: row.get(13)?,
            score: row.get(14)?,
            findings: serde_json::from_str(&findings).unwrap_or_default(),
            status: Status::parse(&status).unwrap_or(Status::Held),
            note: row.get(17)?,
            sha256: row.get(18)?,
            has_bytes: row.get(19)?,
            reason: row.get(20)?,
            authentication: row.get(21)?,
        })
    }

    /// Held messages, newest first, optionally of one status.
    pub fn list(&self, status: Option<Status>, limit: usize) -> Result<Vec<Record>, StoreError> {
        let conn = self.lock();
        let sql = format!(
            "SELECT {} FROM messages WHERE (CAST(?1 AS TEXT) IS NULL OR status = ?1) ORDER BY received_at DESC, rowid DESC LIMIT ?2",
            Self::COLUMNS
        );
        conn.query_map(
            &sql,
            params![status.map(Status::as_str), limit as i64],
            Self::record,
        )
        .map_err(|e| self.sql(e))
    }

    pub fn get(&self, id: &str) -> Result<Record, StoreError> {
        let conn = self.lock();
        let sql = format!("SELECT {} FROM messages WHERE id = ?1", Self::COLUMNS);
        conn.query_row(&sql, params![id], Self::record)
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or_else(|| StoreError::NotFound(id.to_owned()))
    }

    /// The original bytes, unchanged (None once deleted or purged).
    pub fn raw(&self, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let conn = self.lock();
        conn.query_row("SELECT raw FROM messages WHERE id = ?1", params![id], |r| {
            r.get::<Option<Vec<u8>>>(0)
        })
        .optional()
        .map_err(|e| self.sql(e))?
        .ok_or_else(|| StoreError::NotFound(id.to_owned()))
    }

    /// Changes a held message's status (confirm, false positive, delete), with an audit entry.
    /// `delete` also drops the bytes. The status is checked inside the write transaction: a
    /// released or deleted message takes no further action, and one being released
    /// (`releasing`) takes none until its release ends. Releases go through
    /// [`Store::begin_release`].
    pub fn set_status(&self, id: &str, to: Status, actor: &str, reason: &str) -> Result<(), StoreError> {
        if matches!(to, Status::Released | Status::Releasing) {
            return Err(StoreError::State {
                id: id.to_owned(),
                status: to.as_str().to_owned(),
                why: "a release goes through begin_release and finish_release".to_owned(),
            });
        }
        let conn = self.lock();
        let tx = self.write_tx(&conn)?;
        let drop_bytes = if to == Status::Deleted { ", raw = NULL" } else { "" };
        let note = if reason.is_empty() {
            String::new()
        } else {
            format!("{}: {reason}", to.as_str())
        };
        let changed = tx
            .execute(
                &format!(
                    "UPDATE messages SET status = ?2, note = CASE WHEN ?3 = '' THEN note ELSE ?3 END{drop_bytes} WHERE id = ?1 AND status NOT IN ('released', 'deleted', 'releasing')"
                ),
                params![id, to.as_str(), note],
            )
            .map_err(|e| self.sql(e))?;
        if changed == 0 {
            return Err(self.refused(&tx, id, "no further action is possible"));
        }
        let action = match to {
            Status::Held => "hold",
            Status::Releasing | Status::Released => "release",
            Status::Deleted => "delete",
            Status::Confirmed => "confirm",
            Status::FalsePositive => "false_positive",
        };
        audit::append(&tx, &self.key, now(), actor, action, id, reason).map_err(|e| self.sql(e))?;
        review::close_requests(&tx, id, to, now()).map_err(|e| self.sql(e))?;
        if matches!(to, Status::Confirmed | Status::FalsePositive) {
            traffic::count_event(&tx, id, to.as_str(), now()).map_err(|e| self.sql(e))?;
        }
        tx.commit().map_err(|e| self.sql(e))
    }

    /// A write transaction that takes the database's write lock at once (SQLite's `BEGIN
    /// IMMEDIATE`; on PostgreSQL the store's advisory write lock), so a status read and the
    /// update that depends on it cannot interleave with another writer, on any gateway.
    fn write_tx<'c>(&self, conn: &'c Conn) -> Result<crate::sql::Tx<'c>, StoreError> {
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        // Across gateways sharing PostgreSQL too (taken before the audit chain's lock, as
        // every path does, so the two never wait on each other in opposite orders).
        tx.exclusive(crate::sql::Lock::StoreWrite)
            .map_err(|e| self.sql(e))?;
        Ok(tx)
    }

    /// Why a conditional update changed nothing: the message is missing, or its status.
    fn refused(&self, tx: &Conn, id: &str, why: &str) -> StoreError {
        match tx
            .query_row("SELECT status FROM messages WHERE id = ?1", params![id], |r| {
                r.get::<String>(0)
            })
            .optional()
        {
            Ok(Some(status)) => StoreError::State {
                id: id.to_owned(),
                status,
                why: why.to_owned(),
            },
            Ok(None) => StoreError::NotFound(id.to_owned()),
            Err(e) => self.sql(e),
        }
    }

    /// First step of a release, committed before the relay is contacted: `held` (or confirmed,
    /// false positive) → `releasing`, by `actor`. Two releases at once, or a delete racing a
    /// release, find `releasing` and are refused, so a message is never sent twice.
    pub fn begin_release(&self, id: &str, actor: &str, reason: &str) -> Result<(), StoreError> {
        let conn = self.lock();
        let tx = self.write_tx(&conn)?;
        let changed = tx
            .execute(
                "UPDATE messages SET status = 'releasing' WHERE id = ?1 AND status IN ('held', 'confirmed', 'false_positive') AND raw IS NOT NULL",
                params![id],
            )
            .map_err(|e| self.sql(e))?;
        if changed == 0 {
            return Err(self.refused(
                &tx,
                id,
                "it cannot be released now (released, deleted, being released, or without its original)",
            ));
        }
        audit::append(&tx, &self.key, now(), actor, "release-begin", id, reason).map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))
    }

    /// Last step of a release: the relay accepted it (`answer`): `releasing` → `released`.
    pub fn finish_release(
        &self,
        id: &str,
        actor: &str,
        reason: &str,
        answer: &str,
    ) -> Result<(), StoreError> {
        self.end_release(
            id,
            actor,
            Status::Released,
            &format!("{reason} (relay: {answer})"),
        )
    }

    /// The relay refused the release, so nothing was delivered: `releasing` → `held`, and it
    /// may be released again.
    pub fn abort_release(&self, id: &str, actor: &str, why: &str) -> Result<(), StoreError> {
        self.end_release(id, actor, Status::Held, why)
    }

    /// An operator's decision on a release whose outcome was unknown (the relay dropped the
    /// connection after the data, or the gateway stopped between sending and recording):
    /// `delivered` → `released`, otherwise back to `held`. The alert's and the original's
    /// Message-ID let a receiver recognise a copy sent twice.
    pub fn resolve_release(
        &self,
        id: &str,
        actor: &str,
        delivered: bool,
        reason: &str,
    ) -> Result<(), StoreError> {
        let to = if delivered { Status::Released } else { Status::Held };
        self.end_release(id, actor, to, &format!("resolved by hand: {reason}"))
    }

    fn end_release(&self, id: &str, actor: &str, to: Status, note: &str) -> Result<(), StoreError> {
        let conn = self.lock();
        let tx = self.write_tx(&conn)?;
        let changed = tx
            .execute(
                "UPDATE messages SET status = ?2, note = ?3 WHERE id = ?1 AND status = 'releasing'",
                params![id, to.as_str(), format!("{}: {note}", to.as_str())],
            )
            .map_err(|e| self.sql(e))?;
        if changed == 0 {
            return Err(self.refused(&tx, id, "no release of it is in progress"));
        }
        let action = if to == Status::Released {
            "release"
        } else {
            "release-failed"
        };
        audit::append(&tx, &self.key, now(), actor, action, id, note).map_err(|e| self.sql(e))?;
        if to == Status::Released {
            review::close_requests(&tx, id, to, now()).map_err(|e| self.sql(e))?;
            traffic::count_event(&tx, id, "released", now()).map_err(|e| self.sql(e))?;
        }
        tx.commit().map_err(|e| self.sql(e))
    }

    /// Adds a note (audited) without changing the status.
    pub fn add_note(&self, id: &str, actor: &str, note: &str) -> Result<(), StoreError> {
        self.get(id)?;
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        audit::append(&tx, &self.key, now(), actor, "note", id, note).map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))
    }

    /// Drops the bytes of messages received more than `days` ago (records are kept); returns
    /// how many. Audited per message, as the system.
    pub fn purge(&self, days: u32) -> Result<usize, StoreError> {
        if days == 0 {
            return Ok(0);
        }
        let cutoff = now() - i64::from(days) * 86_400;
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        let ids: Vec<String> = tx
            .query_map(
                "SELECT id FROM messages WHERE received_at < ?1 AND raw IS NOT NULL",
                params![cutoff],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?;
        for id in &ids {
            tx.execute("UPDATE messages SET raw = NULL WHERE id = ?1", params![id])
                .map_err(|e| self.sql(e))?;
            audit::append(
                &tx,
                &self.key,
                now(),
                "canhgac",
                "purge",
                id,
                &format!("retention of {days} days"),
            )
            .map_err(|e| self.sql(e))?;
        }
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(ids.len())
    }

    /// Records that an officer viewed or exported a message.
    pub fn audit(&self, actor: &str, action: &str, id: &str, reason: &str) -> Result<(), StoreError> {
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        audit::append(&tx, &self.key, now(), actor, action, id, reason).map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))
    }

    /// The audit log, oldest first.
    pub fn audit_entries(&self, message: Option<&str>) -> Result<Vec<AuditEntry>, StoreError> {
        audit::entries(&self.lock(), message).map_err(|e| self.sql(e))
    }

    /// A page of the audit log, newest first, and the number of entries in all: of one message,
    /// and/or of the messages of some units (`scope`; None: all).
    pub fn audit_page(
        &self,
        message: Option<&str>,
        scope: Option<&[String]>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<AuditEntry>, usize), StoreError> {
        audit::page(&self.read(), message, scope, offset, limit).map_err(|e| self.sql(e))
    }

    /// Checks the audit log's keyed chain, against the anchors recorded in the store.
    pub fn audit_verify(&self) -> Result<AuditCheck, StoreError> {
        self.audit_verify_with(&[])
    }

    /// Checks the audit log's keyed chain against the recorded anchors and `given` ones (from
    /// the officers' mailbox or the log).
    pub fn audit_verify_with(&self, given: &[Anchor]) -> Result<AuditCheck, StoreError> {
        audit::verify(&self.read(), &self.key, given).map_err(|e| self.sql(e))
    }

    /// The audit key's name (first 8 hex digits of its SHA-256) and file.
    pub fn audit_key(&self) -> (&str, &Path) {
        (self.key.id(), self.key.path())
    }

    /// Anchors the chain's head: records it in the store (so a later `audit verify` notices
    /// entries removed from the end) and returns it for the officers' mailbox and the log.
    /// None when the head is the one anchored last (nothing happened since) or the log is empty.
    pub fn anchor_audit(&self) -> Result<Option<Anchor>, StoreError> {
        let conn = self.lock();
        let tx = self.write_tx(&conn)?;
        let Some((seq, mac)) = audit::head(&tx).map_err(|e| self.sql(e))? else {
            return Ok(None);
        };
        let last = audit::anchors(&tx).map_err(|e| self.sql(e))?.pop();
        if last.is_some_and(|a| a.seq == seq && a.mac == mac) {
            return Ok(None);
        }
        let a = Anchor { seq, mac, at: now() };
        audit::record_anchor(&tx, &a).map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(Some(a))
    }

    /// Queues a mail of the gateway's own (not about one held message) in the outbox.
    pub fn queue_mail(&self, about: &str, kind: &str, to: &[String], bytes: &[u8]) -> Result<(), StoreError> {
        outbox::enqueue(&self.lock(), about, kind, to, bytes, now()).map_err(|e| self.sql(e))
    }

    /// For the metrics: alerts not yet sent, the age in seconds of the oldest of them (0 when
    /// none), and messages held awaiting review.
    pub fn backlog(&self) -> Result<(i64, i64, i64), StoreError> {
        let conn = self.read();
        let (pending, oldest): (i64, Option<i64>) = conn
            .query_row(
                "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE sent_at IS NULL",
                params![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.sql(e))?;
        let held: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM messages WHERE status = ?1",
                params![Status::Held.as_str()],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?;
        Ok((pending, oldest.map_or(0, |t| (now() - t).max(0)), held))
    }

    /// Bytes the store takes: SQLite's files (the database and its write-ahead log), or the
    /// PostgreSQL database's size.
    pub fn size_bytes(&self) -> u64 {
        let reader = self.read();
        if reader.backend() == crate::sql::Backend::Postgres {
            return reader
                .query_row("SELECT pg_database_size(current_database())", params![], |r| {
                    r.get::<u64>(0)
                })
                .unwrap_or(0);
        }
        ["", "-wal"]
            .iter()
            .filter_map(|suffix| {
                let mut p = self.path.as_os_str().to_owned();
                p.push(suffix);
                std::fs::metadata(p).ok().map(|m| m.len())
            })
            .sum()
    }

    /// Whether the store can be written now (for `/readyz` and `canhgac doctor`): takes the
    /// write lock and gives it back, writing nothing (on PostgreSQL: a read-write transaction
    /// creating a temporary table, which a standby refuses).
    pub fn check_writable(&self) -> Result<(), StoreError> {
        let conn = self.lock();
        let probe = match conn.backend() {
            crate::sql::Backend::Sqlite => "CREATE TABLE canhgac_write_probe (x)",
            crate::sql::Backend::Postgres => {
                "SET TRANSACTION READ WRITE; CREATE TEMP TABLE canhgac_write_probe (x int)"
            }
        };
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        tx.execute_batch(probe).map_err(|e| self.sql(e))
        // Dropped: rolled back.
    }

    /// Takes the alerts due to be sent now, leased to the caller for ten minutes (then due
    /// again unless marked sent or failed): gateways sharing a store never take the same one.
    pub fn due_alerts(&self, limit: usize) -> Result<Vec<OutboxRow>, StoreError> {
        outbox::take_due(&self.lock(), now(), limit).map_err(|e| self.sql(e))
    }

    /// Marks an alert sent (it will not be sent again).
    pub fn alert_sent(&self, id: i64) -> Result<(), StoreError> {
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        if outbox::sent(&tx, id, now()).map_err(|e| self.sql(e))? {
            // The alerts of held messages (not the audit anchors' mail).
            let (message, kind): (String, String) = tx
                .query_row(
                    "SELECT message_id, kind FROM outbox WHERE id = ?1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(|e| self.sql(e))?;
            if kind != "audit_anchor" {
                traffic::count_event(&tx, &message, "alerts_sent", now()).map_err(|e| self.sql(e))?;
            }
        }
        tx.commit().map_err(|e| self.sql(e))
    }

    /// Records a failed attempt; the next one waits longer (`retry` seconds, doubling, at most
    /// an hour).
    pub fn alert_failed(&self, id: i64, error: &str, retry: u64) -> Result<(), StoreError> {
        outbox::failed(&self.lock(), id, error, now(), retry).map_err(|e| self.sql(e))
    }

    /// What officers are shown of a held message's content, as described when it was held
    /// (None: not described, or held before descriptions were stored).
    pub fn described(&self, id: &str) -> Result<Option<Described>, StoreError> {
        let text: Option<Option<String>> = self
            .read()
            .query_row("SELECT described FROM messages WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql(e))?;
        match text {
            None => Err(StoreError::NotFound(id.to_owned())),
            Some(t) => Ok(t.and_then(|t| serde_json::from_str(&t).ok())),
        }
    }

    /// All alerts of a message (for `show` and tests).
    pub fn alerts_of(&self, message: &str) -> Result<Vec<OutboxRow>, StoreError> {
        outbox::of_message(&self.lock(), message).map_err(|e| self.sql(e))
    }
}

pub(crate) use crate::mime_out::hex;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Action;

    fn verdict() -> Verdict {
        Verdict {
            reason: String::new(),
            action: Action::Quarantine,
            dry_run_action: None,
            score: 0.0,
            reply: None,
            level: Some("TỐI MẬT".into()),
            findings: vec![Finding::new(
                "MARKING_TOI_MAT",
                "TỐI MẬT «[TỐI MẬT]»",
                "part 2 \"a.docx\"",
            )],
        }
    }

    crate::store::both::on_both_backends! {
    /// Issue 23: two gateways are two connections to one database. Officers pressing
    /// "release" on both at once: one release begins; asking for a marked message's release
    /// on both at once: one request; holds from both: one audit chain.
    fn two_connections_to_one_store_race_safely() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("q.db");
        let a = std::sync::Arc::new(crate::store::both::open(&path).expect("gateway A"));
        let b = std::sync::Arc::new(crate::store::both::open(&path).expect("gateway B"));
        for (name, store) in [("o1", &a), ("o2", &b)] {
            store
                .add_user("test", name, Role::Officer, &[], "mật khẩu đủ dài 2026")
                .expect("account");
        }
        let env = Envelope {
            mail_from: "a@snv.lamdong.gov.vn".into(),
            rcpt_to: vec!["b@stc.lamdong.gov.vn".into()],
            ..Envelope::default()
        };
        let v = verdict();
        let hold = |store: &Store, subject: &str| {
            store
                .hold(
                    &Hold {
                        envelope: &env,
                        raw: b"Subject: x\r\n\r\nbody\r\n",
                        verdict: &v,
                        internal_sender: true,
                        header_from: "a@snv.lamdong.gov.vn".into(),
                        subject: subject.into(),
                        units: vec!["snv".into()],
                        described: None,
                        authentication: None,
                    },
                    &[],
                )
                .expect("hold")
        };
        let id = hold(&a, "race");
        let on_both = |f: fn(&Store, &str, usize) -> bool| -> usize {
            (0..8)
                .map(|i| {
                    let s = if i % 2 == 0 { a.clone() } else { b.clone() };
                    let id = id.clone();
                    std::thread::spawn(move || f(&s, &id, i))
                })
                .collect::<Vec<_>>()
                .into_iter()
                .map(|h| usize::from(h.join().expect("thread")))
                .sum()
        };
        // o1 asks on both gateways at once: one request.
        let asked = on_both(|s, id, _| {
            matches!(s.release_step(id, "o1", "go"), Ok(FourEyes::Requested(_)))
        });
        assert_eq!(asked, 1, "one open request");
        assert_eq!(a.release_requests(&id).expect("requests").len(), 1);
        // Releases begun on both at once: one wins.
        let begun = on_both(|s, id, i| s.begin_release(id, &format!("o{i}"), "go").is_ok());
        assert_eq!(begun, 1);
        // Holds from both at once: one chain with every hold.
        let holds: Vec<_> = (0..10)
            .map(|i| {
                let s = if i % 2 == 0 { a.clone() } else { b.clone() };
                let (env, v) = (env.clone(), v.clone());
                std::thread::spawn(move || {
                    s.hold(
                        &Hold {
                            envelope: &env,
                            raw: format!("Subject: {i}\r\n\r\nbody\r\n").as_bytes(),
                            verdict: &v,
                            internal_sender: true,
                            header_from: String::new(),
                            subject: format!("{i}"),
                            units: vec![],
                            described: None,
                            authentication: None,
                        },
                        &[],
                    )
                    .expect("hold")
                })
            })
            .collect();
        for h in holds {
            h.join().expect("thread");
        }
        let check = b.audit_verify().expect("verify");
        assert_eq!(check.first_bad, None, "{:?}", check.why);
        assert_eq!(a.list(None, 100).expect("list").len(), 11);
    }

    /// Issue 15, item 4: a release is a state machine whose first step is committed before
    /// the relay is contacted. Two releases at once: one wins. A delete or confirm during a
    /// release is refused. A refused send returns the message to `held`; an unknown outcome
    /// stays `releasing` until an operator resolves it.
    fn release_is_a_state_machine_safe_under_concurrency() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = std::sync::Arc::new(crate::store::both::open(&dir.path().join("q.db")).expect("open"));
        let env = Envelope {
            mail_from: "a@snv.lamdong.gov.vn".into(),
            rcpt_to: vec!["b@stc.lamdong.gov.vn".into()],
            ..Envelope::default()
        };
        let v = verdict();
        let hold = |subject: &str| {
            store
                .hold(
                    &Hold {
                        envelope: &env,
                        raw: b"Subject: x\r\n\r\nbody\r\n",
                        verdict: &v,
                        internal_sender: true,
                        header_from: "a@snv.lamdong.gov.vn".into(),
                        subject: subject.into(),
                        units: vec![],
                        described: None,
                        authentication: None,
                    },
                    &[],
                )
                .expect("hold")
        };
        // Eight officers press "release" at once: exactly one begins it.
        let id = hold("race");
        let wins: usize = (0..8)
            .map(|i| {
                let (s, id) = (store.clone(), id.clone());
                std::thread::spawn(move || s.begin_release(&id, &format!("o{i}"), "go").is_ok())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|h| usize::from(h.join().expect("thread")))
            .sum();
        assert_eq!(wins, 1);
        assert_eq!(store.get(&id).expect("get").status, Status::Releasing);
        // Nothing else happens to it meanwhile.
        for to in [Status::Deleted, Status::Confirmed, Status::FalsePositive] {
            let e = store
                .set_status(&id, to, "o9", "x")
                .expect_err("refused while releasing");
            assert!(e.to_string().contains("releasing"), "{e}");
        }
        assert!(
            store.raw(&id).expect("raw").is_some(),
            "a refused delete keeps the bytes"
        );
        store
            .finish_release(&id, "o0", "go", "250 2.0.0 Ok")
            .expect("finish");
        assert_eq!(store.get(&id).expect("get").status, Status::Released);
        assert!(
            store.finish_release(&id, "o0", "go", "250").is_err(),
            "recorded once"
        );
        assert!(store.begin_release(&id, "o1", "again").is_err(), "released once");
        assert!(
            store.set_status(&id, Status::Released, "o1", "x").is_err(),
            "not by set_status"
        );

        // The relay refused: back to held, releasable again.
        let id = hold("refused");
        store.begin_release(&id, "o1", "go").expect("begin");
        store.abort_release(&id, "o1", "550 no").expect("abort");
        assert_eq!(store.get(&id).expect("get").status, Status::Held);
        store.begin_release(&id, "o1", "retry").expect("begin again");

        // Unknown outcome: stays releasing until resolved by hand.
        store
            .resolve_release(&id, "o2", false, "not in the relay's log")
            .expect("resolve");
        assert_eq!(store.get(&id).expect("get").status, Status::Held);
        store.begin_release(&id, "o1", "again").expect("begin");
        store
            .resolve_release(&id, "o2", true, "in the relay's log")
            .expect("resolve");
        assert_eq!(store.get(&id).expect("get").status, Status::Released);
        assert!(store.resolve_release(&id, "o2", true, "x").is_err());
        assert_eq!(store.audit_verify().expect("verify").first_bad, None);
    }
    }

    crate::store::both::on_both_backends! {
    fn hold_list_release_and_audit_chain() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&dir.path().join("sub/q.db")).expect("open");
        let env = Envelope {
            mail_from: "a@snv.lamdong.gov.vn".into(),
            rcpt_to: vec!["b@stc.lamdong.gov.vn".into()],
            ..Envelope::default()
        };
        let raw = b"Subject: x\r\n\r\nbody\r\n";
        let v = verdict();
        let h = Hold {
            envelope: &env,
            raw,
            verdict: &v,
            internal_sender: true,
            header_from: "a@snv.lamdong.gov.vn".into(),
            subject: "x".into(),
            units: vec!["snv".into(), "stc".into()],
            described: None,
            authentication: None,
        };
        let id = store.hold(&h, &[]).expect("hold");
        assert_eq!(store.raw(&id).expect("raw").as_deref(), Some(&raw[..]));
        let r = store.get(&id).expect("get");
        assert_eq!(r.level.as_deref(), Some("TỐI MẬT"));
        assert_eq!(r.findings.len(), 1);
        assert_eq!(store.list(Some(Status::Held), 10).expect("list").len(), 1);
        store
            .set_status(&id, Status::Confirmed, "officer1", "real marking")
            .expect("confirm");
        store
            .set_status(&id, Status::Deleted, "officer1", "removed")
            .expect("delete");
        assert_eq!(store.raw(&id).expect("raw"), None);
        assert!(store.set_status(&id, Status::Released, "officer2", "x").is_err());
        let check = store.audit_verify().expect("verify");
        assert_eq!(check.entries, 3);
        assert_eq!(check.first_bad, None);
        // Reopening keeps everything (schema already at the latest version).
        drop(store);
        let store = crate::store::both::open(&dir.path().join("sub/q.db")).expect("reopen");
        assert_eq!(store.get(&id).expect("get").status, Status::Deleted);
        // Tampering with an entry breaks the chain at that entry.
        store
            .lock()
            .execute("UPDATE audit SET reason = 'nothing to see' WHERE seq = 2", params![])
            .expect("tamper");
        assert_eq!(store.audit_verify().expect("verify").first_bad, Some(2));
    }
    }

    crate::store::both::on_both_backends! {
    fn retention_purges_old_bytes_and_keeps_the_record() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&dir.path().join("q.db")).expect("open");
        let env = Envelope::default();
        let v = verdict();
        let hold = |raw: &'static [u8]| Hold {
            envelope: &env,
            raw,
            verdict: &v,
            internal_sender: false,
            header_from: String::new(),
            subject: String::new(),
            units: Vec::new(),
            described: None,
            authentication: None,
        };
        let old = store.hold(&hold(b"old\r\n"), &[]).expect("hold");
        let new = store.hold(&hold(b"new\r\n"), &[]).expect("hold");
        store
            .lock()
            .execute(
                "UPDATE messages SET received_at = received_at - 40 * 86400 WHERE id = ?1",
                params![old],
            )
            .expect("age it");
        assert_eq!(store.purge(30).expect("purge"), 1);
        assert_eq!(store.raw(&old).expect("raw"), None);
        assert!(!store.get(&old).expect("record kept").has_bytes);
        assert!(store.raw(&new).expect("raw").is_some());
        assert_eq!(store.purge(0).expect("0 keeps all"), 0);
        let purges = store.audit_entries(Some(&old)).expect("audit");
        assert_eq!(purges.last().map(|e| e.action.as_str()), Some("purge"));
        assert_eq!(store.audit_verify().expect("verify").first_bad, None);
    }
    }

    /// Issue 15, item 3: the store holds state-secret mail and password hashes; it is created
    /// private whatever the umask (0022 here would make it 0644 in a 0755 directory).
    #[test]
    fn a_new_store_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("var/lib/canhgac/quarantine.db");
        let store = Store::open(&path).expect("open");
        let mode = |p: &std::path::Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(path.parent().expect("dir")), 0o700);
        assert_eq!(mode(&dir.path().join("var")), 0o700);
        assert_eq!(mode(&path), 0o600);
        for suffix in ["-wal", "-shm"] {
            let side = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
            assert!(side.exists(), "{} exists in WAL mode", side.display());
            assert_eq!(mode(&side), 0o600, "{}", side.display());
        }
        drop(store);
    }

    #[test]
    fn unopenable_path_is_an_error_naming_it() {
        let err = Store::open(Path::new("/dev/null/q.db"))
            .err()
            .expect("fails")
            .to_string();
        assert!(err.starts_with("/dev/null/q.db"), "{err}");
    }
}
