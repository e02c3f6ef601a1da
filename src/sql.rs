//! The store's two databases behind one small interface: SQLite (one file, the embedded
//! default) and PostgreSQL (several gateways sharing one quarantine, issue 23). The store's
//! statements are written once, in the SQL both accept; for PostgreSQL their placeholders are
//! renumbered (`?1` → `$1`), `LIKE` becomes `ILIKE` (SQLite's `LIKE` ignores ASCII case) and the
//! schema's types are translated ([`pg_schema`]). Values cross as [`Value`]s, converted to the
//! type PostgreSQL inferred for each parameter, so a statement binds the same Rust values on
//! both.
//!
//! A PostgreSQL connection that breaks is dropped and made again on the next call, no sooner
//! than a backoff (doubling from 0.5 s to 30 s) allows; a transaction whose connection broke
//! fails as a whole, never continues on a new connection. Connections use TLS when the server
//! offers it (`sslmode=prefer`, the default) or insist on it (`sslmode=require`; libpq's
//! `verify-ca` and `verify-full` mean the same here): the server's certificate is always
//! verified, with its host name, against the system's authorities or `sslrootcert=FILE`.

use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// A value bound to a statement or read from a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// What a store statement can fail with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `query_row` found no row.
    NoRows,
    /// A unique or other constraint refused the write.
    Constraint,
    /// The database cannot be reached now (connection refused, lost, or backing off).
    Unavailable,
    Other,
}

/// A store statement's error: its kind and the database's own words.
#[derive(Debug, Clone)]
pub struct DbError {
    pub kind: ErrorKind,
    pub message: String,
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DbError {}

impl DbError {
    pub fn other(message: impl Into<String>) -> DbError {
        DbError {
            kind: ErrorKind::Other,
            message: message.into(),
        }
    }

    fn no_rows() -> DbError {
        DbError {
            kind: ErrorKind::NoRows,
            message: "no row".into(),
        }
    }

    fn unavailable(message: impl Into<String>) -> DbError {
        DbError {
            kind: ErrorKind::Unavailable,
            message: message.into(),
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        let kind = match &e {
            rusqlite::Error::QueryReturnedNoRows => ErrorKind::NoRows,
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                ErrorKind::Constraint
            }
            _ => ErrorKind::Other,
        };
        DbError {
            kind,
            message: e.to_string(),
        }
    }
}

impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> DbError {
        let kind = match e.code() {
            Some(c) if c.code().starts_with("23") => ErrorKind::Constraint,
            // Connection exceptions, operator intervention (shutdown), insufficient resources.
            Some(c)
                if c.code().starts_with("08") || c.code().starts_with("57") || c.code().starts_with("53") =>
            {
                ErrorKind::Unavailable
            }
            None if e.is_closed() || e.as_db_error().is_none() => ErrorKind::Unavailable,
            _ => ErrorKind::Other,
        };
        let message = match e.as_db_error() {
            Some(d) => format!("{}: {}", d.code().code(), d.message()),
            None => {
                // With its causes: "error performing TLS handshake: … certificate verify failed".
                let mut m = e.to_string();
                let mut cause = std::error::Error::source(&e);
                while let Some(c) = cause {
                    m.push_str(": ");
                    m.push_str(&c.to_string());
                    cause = c.source();
                }
                m
            }
        };
        DbError { kind, message }
    }
}

/// `Result<T, DbError>` with no row as `None`.
pub trait OptionalExt<T> {
    fn optional(self) -> Result<Option<T>, DbError>;
}

impl<T> OptionalExt<T> for Result<T, DbError> {
    fn optional(self) -> Result<Option<T>, DbError> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind == ErrorKind::NoRows => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A Rust value a statement can bind.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
macro_rules! int_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_value!(i64, i32, u32, u8, usize, u64);
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

/// A statement's parameters: `params![a, b]` binds `a` as `?1` and `b` as `?2`.
macro_rules! params {
    () => {
        &[] as &[$crate::sql::Value]
    };
    ($($x:expr),+ $(,)?) => {
        &[$($crate::sql::ToValue::to_value(&$x)),+] as &[$crate::sql::Value]
    };
}
pub(crate) use params;

/// A Rust value a column can be read as.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Option<Self>;
}

impl FromValue for i64 {
    fn from_value(v: &Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(*i),
            Value::Real(f) if f.fract() == 0.0 => Some(*f as i64),
            _ => None,
        }
    }
}
impl FromValue for u32 {
    fn from_value(v: &Value) -> Option<u32> {
        i64::from_value(v).and_then(|i| u32::try_from(i).ok())
    }
}
impl FromValue for u64 {
    fn from_value(v: &Value) -> Option<u64> {
        i64::from_value(v).and_then(|i| u64::try_from(i).ok())
    }
}
impl FromValue for usize {
    fn from_value(v: &Value) -> Option<usize> {
        i64::from_value(v).and_then(|i| usize::try_from(i).ok())
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> Option<bool> {
        i64::from_value(v).map(|i| i != 0)
    }
}
impl FromValue for f64 {
    fn from_value(v: &Value) -> Option<f64> {
        match v {
            Value::Real(f) => Some(*f),
            Value::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
}
impl FromValue for String {
    fn from_value(v: &Value) -> Option<String> {
        match v {
            Value::Text(s) => Some(s.clone()),
            Value::Blob(b) => String::from_utf8(b.clone()).ok(),
            _ => None,
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: &Value) -> Option<Vec<u8>> {
        match v {
            Value::Blob(b) => Some(b.clone()),
            Value::Text(s) => Some(s.as_bytes().to_vec()),
            _ => None,
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> Option<Option<T>> {
        match v {
            Value::Null => Some(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// One row read, whichever database it came from.
#[derive(Debug, Clone, Default)]
pub struct Row {
    values: Vec<Value>,
}

impl Row {
    /// Column `i` as a `T`; an error names the column and what it held.
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T, DbError> {
        let v = self
            .values
            .get(i)
            .ok_or_else(|| DbError::other(format!("no column {i} in the row")))?;
        T::from_value(v).ok_or_else(|| {
            DbError::other(format!(
                "column {i} holds {v:?}, not a {}",
                std::any::type_name::<T>()
            ))
        })
    }

    /// Column `i` as text without copying it ("" when it is not text).
    pub fn text(&self, i: usize) -> &str {
        match self.values.get(i) {
            Some(Value::Text(s)) => s,
            _ => "",
        }
    }

    /// Every column, in order (the migration copies rows with it).
    pub fn values(&self) -> &[Value] {
        &self.values
    }

    fn from_sqlite(r: &rusqlite::Row<'_>, n: usize) -> rusqlite::Result<Row> {
        use rusqlite::types::ValueRef;
        let mut values = Vec::with_capacity(n);
        for i in 0..n {
            values.push(match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::Int(i),
                ValueRef::Real(f) => Value::Real(f),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            });
        }
        Ok(Row { values })
    }

    fn from_postgres(r: &postgres::Row) -> Result<Row, DbError> {
        let mut values = Vec::with_capacity(r.len());
        for (i, col) in r.columns().iter().enumerate() {
            let v = match *col.type_() {
                Type::BOOL => r.try_get::<_, Option<bool>>(i)?.map(|b| Value::Int(i64::from(b))),
                Type::INT2 => r.try_get::<_, Option<i16>>(i)?.map(|n| Value::Int(n.into())),
                Type::INT4 => r.try_get::<_, Option<i32>>(i)?.map(|n| Value::Int(n.into())),
                Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(Value::Int),
                Type::OID => r.try_get::<_, Option<u32>>(i)?.map(|n| Value::Int(n.into())),
                Type::FLOAT4 => r.try_get::<_, Option<f32>>(i)?.map(|f| Value::Real(f.into())),
                Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map(Value::Real),
                Type::NUMERIC => r.try_get::<_, Option<Numeric>>(i)?.map(|n| n.0),
                Type::BYTEA => r.try_get::<_, Option<Vec<u8>>>(i)?.map(Value::Blob),
                _ => r.try_get::<_, Option<String>>(i)?.map(Value::Text),
            };
            values.push(v.unwrap_or(Value::Null));
        }
        Ok(Row { values })
    }
}

/// PostgreSQL's NUMERIC (what `SUM` of integers gives), read as an integer when it is one.
struct Numeric(Value);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Numeric, Box<dyn std::error::Error + Sync + Send>> {
        // ndigits, weight, sign, dscale (i16 each), then base-10000 digits.
        let word = |i: usize| -> Result<i16, Box<dyn std::error::Error + Sync + Send>> {
            raw.get(i * 2..i * 2 + 2)
                .map(|b| i16::from_be_bytes([b[0], b[1]]))
                .ok_or_else(|| "short NUMERIC".into())
        };
        let (ndigits, weight, sign, dscale) = (word(0)?, word(1)?, word(2)? as u16, word(3)?);
        if sign == 0xC000 {
            return Ok(Numeric(Value::Null));
        }
        let mut x = 0f64;
        for d in 0..ndigits.max(0) as usize {
            x += f64::from(word(4 + d)?) * 10000f64.powi(i32::from(weight) - d as i32);
        }
        if sign == 0x4000 {
            x = -x;
        }
        Ok(Numeric(if dscale == 0 && x.abs() < 9.0e15 {
            Value::Int(x as i64)
        } else {
            Value::Real(x)
        }))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxError> {
        let as_text = |s: &str, out: &mut bytes::BytesMut| s.to_sql(&Type::TEXT, out);
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                _ => as_text(&i.to_string(), out),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::INT8 if f.fract() == 0.0 => (*f as i64).to_sql(ty, out),
                _ => as_text(&f.to_string(), out),
            },
            Value::Text(s) => match *ty {
                Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => s.parse::<i32>()?.to_sql(ty, out),
                Type::FLOAT8 => s.parse::<f64>()?.to_sql(ty, out),
                Type::BYTEA => s.as_bytes().to_sql(ty, out),
                _ => as_text(s, out),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => as_text(std::str::from_utf8(b)?, out),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// What a transaction may hold alone across the gateways sharing a PostgreSQL database (the
/// numbers are the advisory locks' keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i64)]
pub enum Lock {
    /// Creating or migrating the schema: gateways starting together migrate it once.
    Schema = 7_242_781_000,
    /// The audit chain's head: one append at a time, so one chain.
    AuditChain = 7_242_781_001,
    /// The classifier's token database: one training at a time.
    Classifier = 7_242_781_002,
    /// A store write that reads before it writes (a status, a release request): as SQLite's
    /// `BEGIN IMMEDIATE`, one at a time.
    StoreWrite = 7_242_781_003,
}

/// Which database a connection is to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A PostgreSQL connection made again when it breaks (see the module's comment). The client
/// lives on a thread of its own and every call is handed to it: the synchronous client runs a
/// small runtime of its own, which must never be entered from a thread already driving
/// asynchronous tasks, and the store's callers are on every kind of thread. The caller waits
/// on a channel, as it would on SQLite's lock.
pub struct PgConn {
    jobs: std::sync::mpsc::Sender<Job>,
    in_tx: Cell<bool>,
}

type Reply<T> = std::sync::mpsc::Sender<Result<T, DbError>>;

/// What the connection's thread is asked to do.
enum Job {
    Execute {
        sql: String,
        params: Vec<Value>,
        reply: Reply<u64>,
    },
    Batch {
        sql: String,
        reply: Reply<()>,
    },
    /// Rows are streamed back (a bounded channel: never the whole result in memory); the
    /// caller stops them by dropping its end.
    Query {
        sql: String,
        params: Vec<Value>,
        rows: std::sync::mpsc::SyncSender<Result<Row, DbError>>,
    },
    /// Whether a transaction is open (no reconnecting inside one).
    InTx(bool),
}

/// The connection's thread's state.
struct PgWorker {
    config: postgres::Config,
    tls: postgres_openssl::MakeTlsConnector,
    client: Option<postgres::Client>,
    /// Statements prepared on the current connection, by their text (emptied with it).
    prepared: std::collections::HashMap<String, postgres::Statement>,
    in_tx: bool,
    retry_at: Option<Instant>,
    backoff: Duration,
}

const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

impl PgConn {
    /// Connects to `url` (`postgres://user@host:port/db`); the first connection must succeed.
    pub fn connect(url: &str) -> Result<PgConn, DbError> {
        Self::start(url, true)
    }

    /// As [`PgConn::connect`], but a database that cannot be reached now is no error: the
    /// connection is made on first use (the gateway starts while PostgreSQL is down, holding
    /// nothing until it is back). A malformed URL still is one.
    pub fn connect_lazy(url: &str) -> Result<PgConn, DbError> {
        Self::start(url, false)
    }

    fn start(url: &str, must_connect: bool) -> Result<PgConn, DbError> {
        let (url_for_client, tls) = tls_of(url)?;
        let mut config: postgres::Config = url_for_client
            .parse()
            .map_err(|e| DbError::other(format!("{}: not a PostgreSQL URL: {e}", redact(url))))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        if config.get_application_name().is_none() {
            config.application_name("canhgac");
        }
        // A gateway that vanishes (crash, network cut) must not keep the others waiting on its
        // locks: the server ends a transaction left idle for a minute, TCP keepalives find a
        // dead peer within about a minute, and nothing waits more than 30 s for a lock (a hold
        // then answers 451 4.3.0; long reads, a migration or a chain check, are not cut).
        // Options in the URL come after these, so they win.
        config.keepalives_idle(Duration::from_secs(30));
        let ours = "-c idle_in_transaction_session_timeout=60000 -c lock_timeout=30000";
        let options = match config.get_options() {
            Some(theirs) => format!("{ours} {theirs}"),
            None => ours.to_owned(),
        };
        config.options(&options);
        let mut worker = PgWorker {
            config,
            tls,
            client: None,
            prepared: std::collections::HashMap::new(),
            in_tx: false,
            retry_at: None,
            backoff: FIRST_BACKOFF,
        };
        let (jobs, inbox) = std::sync::mpsc::channel::<Job>();
        let (first, connected) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("canhgac-pg".into())
            .spawn(move || {
                let _ = first.send(worker.ensure().map(|_| ()));
                while let Ok(job) = inbox.recv() {
                    worker.run(job);
                }
            })
            .map_err(|e| DbError::other(format!("cannot start the PostgreSQL connection's thread: {e}")))?;
        let first = connected
            .recv()
            .map_err(|_| DbError::other("the PostgreSQL connection's thread ended"))?;
        match first {
            Err(e) if must_connect || e.kind != ErrorKind::Unavailable => return Err(e),
            Err(e) => {
                tracing::warn!(db = %redact(url), error = %e, "PostgreSQL unreachable; connecting on first use")
            }
            Ok(()) => {}
        }
        Ok(PgConn {
            jobs,
            in_tx: Cell::new(false),
        })
    }

    fn ask<T>(&self, job: impl FnOnce(Reply<T>) -> Job) -> Result<T, DbError> {
        let (reply, answer) = std::sync::mpsc::channel();
        self.jobs
            .send(job(reply))
            .map_err(|_| DbError::unavailable("the PostgreSQL connection's thread ended"))?;
        answer
            .recv()
            .map_err(|_| DbError::unavailable("the PostgreSQL connection's thread ended"))?
    }

    fn execute(&self, sql: String, params: Vec<Value>) -> Result<u64, DbError> {
        self.ask(|reply| Job::Execute { sql, params, reply })
    }

    fn batch(&self, sql: String) -> Result<(), DbError> {
        self.ask(|reply| Job::Batch { sql, reply })
    }

    fn set_in_tx(&self, open: bool) {
        self.in_tx.set(open);
        let _ = self.jobs.send(Job::InTx(open));
    }

    /// Streams a query's rows to `f` until it returns false. `f` must not use this same
    /// connection (the connection's thread is busy sending the rows).
    fn for_each(
        &self,
        sql: String,
        params: Vec<Value>,
        mut f: impl FnMut(&Row) -> Result<bool, DbError>,
    ) -> Result<(), DbError> {
        let (rows, inbox) = std::sync::mpsc::sync_channel(256);
        self.jobs
            .send(Job::Query { sql, params, rows })
            .map_err(|_| DbError::unavailable("the PostgreSQL connection's thread ended"))?;
        for row in inbox {
            if !f(&row?)? {
                break;
            }
        }
        Ok(())
    }
}

impl PgWorker {
    fn run(&mut self, job: Job) {
        match job {
            Job::Execute { sql, params, reply } => {
                let out = self.with(|c, st| {
                    let refs = pg_params(&params);
                    let statement = st(c, &sql)?;
                    c.execute(&statement, &refs)
                });
                let _ = reply.send(out);
            }
            Job::Batch { sql, reply } => {
                let _ = reply.send(self.with(|c, _| c.batch_execute(&sql)));
            }
            Job::Query { sql, params, rows } => {
                let mut gone = false;
                let out = self.with(|c, st| {
                    use postgres::fallible_iterator::FallibleIterator;
                    let statement = st(c, &sql)?;
                    let mut it = c.query_raw(&statement, params.iter())?;
                    while let Some(r) = it.next()? {
                        if rows.send(Row::from_postgres(&r)).is_err() {
                            gone = true;
                            break;
                        }
                    }
                    Ok(())
                });
                if let Err(e) = out
                    && !gone
                {
                    let _ = rows.send(Err(e));
                }
            }
            Job::InTx(open) => self.in_tx = open,
        }
    }

    /// A live connection: the current one, or a new one when none is open and the backoff
    /// allows. Never a new one inside a transaction.
    fn ensure(&mut self) -> Result<&mut postgres::Client, DbError> {
        if self.client.as_ref().is_some_and(postgres::Client::is_closed) {
            self.client = None;
        }
        if self.client.is_none() {
            if self.in_tx {
                return Err(DbError::unavailable(
                    "the connection to PostgreSQL was lost inside a transaction (rolled back)",
                ));
            }
            if let Some(at) = self.retry_at
                && Instant::now() < at
            {
                return Err(DbError::unavailable(
                    "PostgreSQL is unreachable (waiting before connecting again)",
                ));
            }
            match self.config.connect(self.tls.clone()) {
                Ok(c) => {
                    self.prepared.clear();
                    self.client = Some(c);
                    self.retry_at = None;
                    self.backoff = FIRST_BACKOFF;
                }
                Err(e) => {
                    self.retry_at = Some(Instant::now() + self.backoff);
                    self.backoff = (self.backoff * 2).min(MAX_BACKOFF);
                    let e = DbError::from(e);
                    return Err(DbError::unavailable(format!("cannot connect to PostgreSQL: {e}")));
                }
            }
        }
        self.client
            .as_mut()
            .ok_or_else(|| DbError::unavailable("no connection to PostgreSQL"))
    }

    /// Runs `f` on the connection, with a function giving each statement prepared once per
    /// connection (at most 256 kept); a connection that broke meanwhile is dropped.
    #[allow(clippy::type_complexity)]
    fn with<T>(
        &mut self,
        f: impl FnOnce(
            &mut postgres::Client,
            &mut dyn FnMut(&mut postgres::Client, &str) -> Result<postgres::Statement, postgres::Error>,
        ) -> Result<T, postgres::Error>,
    ) -> Result<T, DbError> {
        self.ensure()?;
        let Some(client) = self.client.as_mut() else {
            return Err(DbError::unavailable("no connection to PostgreSQL"));
        };
        let cache = &mut self.prepared;
        let mut statement =
            |c: &mut postgres::Client, sql: &str| -> Result<postgres::Statement, postgres::Error> {
                if let Some(s) = cache.get(sql) {
                    return Ok(s.clone());
                }
                let s = c.prepare(sql)?;
                if cache.len() >= 256 {
                    cache.clear();
                }
                cache.insert(sql.to_owned(), s.clone());
                Ok(s)
            };
        let out = f(client, &mut statement);
        if client.is_closed() {
            self.client = None;
        }
        if let Err(e) = &out
            && e.code() == Some(&postgres::error::SqlState::FEATURE_NOT_SUPPORTED)
        {
            // "cached plan must not change result type": the schema changed under a prepared
            // statement (another gateway migrated it); prepare again next time.
            self.prepared.clear();
        }
        out.map_err(DbError::from)
    }
}

/// The URL as the client reads it, and the TLS connector it asks for: `sslrootcert=FILE` (the
/// authority to verify the server with; the system's otherwise) is taken out, `sslmode`
/// `verify-ca` / `verify-full` become `require` (the certificate and the host name are always
/// verified).
fn tls_of(url: &str) -> Result<(String, postgres_openssl::MakeTlsConnector), DbError> {
    let bad = |e: &dyn std::fmt::Display| DbError::other(format!("{}: TLS: {e}", redact(url)));
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut kept = Vec::new();
    let mut root = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("sslrootcert", v)) => root = Some(percent_decoded(v)),
            Some(("sslmode", "verify-ca" | "verify-full")) => kept.push("sslmode=require".to_owned()),
            _ => kept.push(pair.to_owned()),
        }
    }
    let mut builder =
        openssl::ssl::SslConnector::builder(openssl::ssl::SslMethod::tls()).map_err(|e| bad(&e))?;
    if let Some(file) = &root {
        builder
            .set_ca_file(file)
            .map_err(|e| bad(&format!("sslrootcert {file}: {e}")))?;
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok((url, postgres_openssl::MakeTlsConnector::new(builder.build())))
}

/// `%XX` escapes of a URL's query value decoded (a file name with `/` written `%2F`).
fn percent_decoded(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a configured location (`[store] url`, `[spam] bayes_db`) names a PostgreSQL database
/// rather than a file.
pub fn is_postgres_url(location: &std::path::Path) -> bool {
    location
        .to_str()
        .is_some_and(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

/// A URL with its password hidden (for errors and logs).
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            match userinfo.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &userinfo[..c], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// One connection to the store's database.
pub enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(PgConn),
}

impl Conn {
    pub fn backend(&self) -> Backend {
        match self {
            Conn::Sqlite(_) => Backend::Sqlite,
            Conn::Postgres(_) => Backend::Postgres,
        }
    }

    /// Runs a statement; returns the rows it changed.
    pub fn execute(&self, sql: &str, params: &[Value]) -> Result<usize, DbError> {
        match self {
            Conn::Sqlite(c) => Ok(c
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(params.iter().map(SqliteValue)))?),
            Conn::Postgres(pg) => pg.execute(pg_sql(sql), params.to_vec()).map(|n| n as usize),
        }
    }

    /// Runs statements separated by `;` without parameters.
    pub fn execute_batch(&self, sql: &str) -> Result<(), DbError> {
        match self {
            Conn::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Conn::Postgres(pg) => pg.batch(pg_sql(sql)),
        }
    }

    /// The first row of a query through `f`; [`ErrorKind::NoRows`] when there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: &[Value],
        f: impl FnOnce(&Row) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let mut first = None;
        self.for_each(sql, params, |r| {
            if first.is_none() {
                first = Some(r.clone());
            }
            Ok(false)
        })?;
        f(&first.ok_or_else(DbError::no_rows)?)
    }

    /// Every row of a query through `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: &[Value],
        mut f: impl FnMut(&Row) -> Result<T, DbError>,
    ) -> Result<Vec<T>, DbError> {
        let mut out = Vec::new();
        self.for_each(sql, params, |r| {
            out.push(f(r)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// Streams a query's rows to `f` (never all in memory) until it returns false.
    pub fn for_each(
        &self,
        sql: &str,
        params: &[Value],
        mut f: impl FnMut(&Row) -> Result<bool, DbError>,
    ) -> Result<(), DbError> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let n = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter().map(SqliteValue)))?;
                while let Some(r) = rows.next()? {
                    if !f(&Row::from_sqlite(r, n)?)? {
                        break;
                    }
                }
                Ok(())
            }
            Conn::Postgres(pg) => pg.for_each(pg_sql(sql), params.to_vec(), f),
        }
    }

    /// Begins a transaction, which will write: on SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`, waiting up to the busy timeout), so a read and the write depending
    /// on it cannot interleave with another writer, and a read-then-write never fails at once
    /// with "database is locked" when another handle wrote in between (a deferred `BEGIN`
    /// does, without waiting); PostgreSQL's row locks do that for conditional updates.
    pub fn begin(&self) -> Result<Tx<'_>, DbError> {
        match self {
            Conn::Sqlite(c) => c.execute_batch("BEGIN IMMEDIATE")?,
            Conn::Postgres(pg) => {
                pg.batch("BEGIN".into())?;
                pg.set_in_tx(true);
            }
        }
        Ok(Tx {
            conn: self,
            done: false,
        })
    }

    /// Holds `lock` until the transaction ends, against every process sharing the database
    /// (PostgreSQL: an advisory lock; SQLite's write lock, taken by `begin`, already
    /// serialises writers).
    pub fn exclusive(&self, lock: Lock) -> Result<(), DbError> {
        match self {
            Conn::Sqlite(_) => Ok(()),
            Conn::Postgres(pg) => pg.batch(format!("SELECT pg_advisory_xact_lock({})", lock as i64)),
        }
    }

    fn end(&self, sql: &str) -> Result<(), DbError> {
        match self {
            Conn::Sqlite(c) => {
                if c.is_autocommit() {
                    return Ok(());
                }
                Ok(c.execute_batch(sql)?)
            }
            Conn::Postgres(pg) => {
                if !pg.in_tx.get() {
                    return Ok(());
                }
                let out = pg.batch(sql.to_owned());
                pg.set_in_tx(false);
                out
            }
        }
    }
}

/// A transaction: rolled back when dropped without [`Tx::commit`].
pub struct Tx<'c> {
    conn: &'c Conn,
    done: bool,
}

impl Tx<'_> {
    pub fn commit(mut self) -> Result<(), DbError> {
        self.done = true;
        self.conn.end("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.conn.end("ROLLBACK");
        }
    }
}

/// A [`Value`] bound through rusqlite.
struct SqliteValue<'a>(&'a Value);

impl rusqlite::ToSql for SqliteValue<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self.0 {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

fn pg_params(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

/// A store statement in PostgreSQL's words: `?N` → `$N`, a bare `?` → the next number (as
/// SQLite numbers them), `LIKE` → `ILIKE`; string literals and quoted names left alone.
pub fn pg_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.char_indices().peekable();
    let mut quote: Option<char> = None;
    let mut highest = 0u32;
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
            }
            '?' => {
                let mut n = String::new();
                while let Some((_, d)) = chars.peek().copied().filter(|(_, d)| d.is_ascii_digit()) {
                    n.push(d);
                    chars.next();
                }
                let number = n.parse::<u32>().unwrap_or(highest + 1);
                highest = highest.max(number);
                out.push('$');
                out.push_str(&number.to_string());
            }
            'L' | 'l'
                if sql[i..].len() >= 4
                    && sql[i..i + 4].eq_ignore_ascii_case("like")
                    && !sql[..i].chars().next_back().is_some_and(is_word)
                    && !sql[i + 4..].chars().next().is_some_and(is_word) =>
            {
                out.push_str("ILIKE");
                for _ in 0..3 {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// A schema step in PostgreSQL's types: `INTEGER PRIMARY KEY` → an identity column,
/// `INTEGER` → `BIGINT`, `REAL` → `DOUBLE PRECISION`, `BLOB` → `BYTEA`, no `WITHOUT ROWID`;
/// `messages` gains the `rowid` SQLite gives every table (the console's stable order).
pub fn pg_schema(sql: &str) -> String {
    let mut out = pg_sql(sql)
        .replace(") WITHOUT ROWID", ")")
        .replace(
            "CREATE TABLE messages (",
            "CREATE TABLE messages (\n        rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,",
        )
        .replace(
            "INTEGER PRIMARY KEY",
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        );
    for (from, to) in [
        (" INTEGER", " BIGINT"),
        (" REAL", " DOUBLE PRECISION"),
        (" BLOB", " BYTEA"),
    ] {
        out = replace_word(&out, from, to);
    }
    out
}

/// Replaces `from` where no word character follows it.
fn replace_word(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(from) {
        let after = &rest[at + from.len()..];
        out.push_str(&rest[..at]);
        if after.chars().next().is_some_and(is_word) {
            out.push_str(from);
        } else {
            out.push_str(to);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_renumbered_for_postgres() {
        assert_eq!(
            pg_sql("SELECT a FROM t WHERE b = ?1 AND c LIKE ? ESCAPE '\\' AND d = '?' AND e = ?2"),
            "SELECT a FROM t WHERE b = $1 AND c ILIKE $2 ESCAPE '\\' AND d = '?' AND e = $2"
        );
        assert_eq!(pg_sql("x IN (?, ?, ?)"), "x IN ($1, $2, $3)");
        assert_eq!(pg_sql("unlikely = 'LIKE'"), "unlikely = 'LIKE'");
    }

    #[test]
    fn schema_types_are_translated() {
        let s = pg_schema(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, r REAL, b BLOB, integers TEXT) WITHOUT ROWID;",
        );
        assert_eq!(
            s,
            "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n BIGINT NOT NULL, r DOUBLE PRECISION, b BYTEA, integers TEXT);"
        );
    }

    #[test]
    fn tls_options_are_read_from_the_url() {
        let e = tls_of("postgres://canhgac@db/q?sslmode=verify-full&sslrootcert=%2Fnonexistent")
            .err()
            .expect("a missing authority file is an error");
        assert!(e.message.contains("sslrootcert /nonexistent"), "{e}");
        let (url, _) = tls_of("postgres://canhgac@db/q?sslmode=verify-ca&application_name=x").expect("tls");
        assert_eq!(url, "postgres://canhgac@db/q?sslmode=require&application_name=x");
        let (url, _) = tls_of("postgres://canhgac@db/q").expect("tls");
        assert_eq!(url, "postgres://canhgac@db/q");
    }

    #[test]
    fn a_password_is_hidden() {
        assert_eq!(
            redact("postgres://canhgac:s3cret@db:5432/q"),
            "postgres://canhgac:***@db:5432/q"
        );
        assert_eq!(redact("postgres://canhgac@db/q"), "postgres://canhgac@db/q");
    }

    #[test]
    fn sqlite_round_trips_values() {
        let c = Conn::Sqlite(rusqlite::Connection::open_in_memory().expect("open"));
        c.execute_batch("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)")
            .expect("create");
        c.execute(
            "INSERT INTO t VALUES (?1, ?2, ?3, ?4)",
            params![7i64, 0.5f64, "chữ", b"\x00\xff".as_slice()],
        )
        .expect("insert");
        let (i, r, s, b): (i64, f64, String, Vec<u8>) = c
            .query_row("SELECT i, r, s, b FROM t", params![], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .expect("row");
        assert_eq!(
            (i, r, s.as_str(), b.as_slice()),
            (7, 0.5, "chữ", &[0u8, 0xff][..])
        );
        let none = c.query_row("SELECT i FROM t WHERE i = 8", params![], |r| r.get::<i64>(0));
        assert_eq!(none.optional().expect("optional"), None);
        {
            let tx = c.begin().expect("begin");
            tx.execute("DELETE FROM t", params![]).expect("delete");
        }
        let n: i64 = c
            .query_row("SELECT count(*) FROM t", params![], |r| r.get(0))
            .expect("count");
        assert_eq!(n, 1, "a dropped transaction rolls back");
    }
}
