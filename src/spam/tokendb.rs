//! The classifier's token database: per token, how many trained ham and spam messages
//! contained it, and the digest of every trained message so training is incremental and
//! idempotent (training a message again does nothing; training it as the other class moves it).
//! An SQLite file by default; several gateways share one in PostgreSQL (`[spam] bayes_db =
//! "postgres://…"`, issue 23), where training is serialised and a `generation` counter tells
//! the other gateways to reload the model.
//!
//! Tokens are kept as their 64-bit hashes ([`token_hash`], stored as signed 64-bit integers).
//! A database written before (version 1: tokens as text) is read by hashing its text, and
//! rewritten in the new form the first time it is opened for training.

use super::bayes::{Model, Tokens, token_hash};
use crate::sql::{Conn, DbError, Lock, OptionalExt, PgConn, Value, params};
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A token database that cannot be used; names the file.
#[derive(Debug, thiserror::Error)]
pub enum TokenDbError {
    #[error("{path}: cannot open the token database: {error}")]
    Open { path: PathBuf, error: String },
    #[error("{path}: {error}")]
    Sql { path: PathBuf, error: String },
}

/// What one training run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TrainStats {
    /// Messages learned for the first time.
    pub learned: u32,
    /// Messages trained before as the other class, moved.
    pub relearned: u32,
    /// Messages trained before as this class: nothing to do.
    pub already: u32,
}

/// The token database, open for training.
pub struct TokenDb {
    conn: Conn,
    path: PathBuf,
}

/// Whether `[spam] bayes_db` names a PostgreSQL database rather than a file.
pub fn is_url(location: &Path) -> bool {
    crate::sql::is_postgres_url(location)
}

/// How `location` is named in errors and logs (a URL without its password).
pub fn display(location: &Path) -> PathBuf {
    match location.to_str() {
        Some(s) if is_url(location) => PathBuf::from(crate::sql::redact(s)),
        _ => location.to_path_buf(),
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
    token INTEGER PRIMARY KEY,
    ham INTEGER NOT NULL,
    spam INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS trained (digest BLOB PRIMARY KEY, spam INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('hams', 0), ('spams', 0), ('version', 2), ('generation', 0) ON CONFLICT DO NOTHING;
";

/// Version 1 kept tokens as text: each is hashed, and counts of texts that share a hash (none
/// is expected) are added together.
const MIGRATE_V1: &str = "
ALTER TABLE tokens RENAME TO tokens_v1;
CREATE TABLE tokens (
    token INTEGER PRIMARY KEY,
    ham INTEGER NOT NULL,
    spam INTEGER NOT NULL
);
";

/// Rows written by one statement when training (fewer round trips to PostgreSQL).
const BATCH: usize = 400;

/// A token as stored: its hash's bits as a signed 64-bit integer.
fn stored(hash: u64) -> i64 {
    hash as i64
}

/// A stored token's hash: an integer (version 2), or the text of a version 1 database hashed.
fn hash_of(v: &Value) -> Option<u64> {
    match v {
        Value::Int(i) => Some(*i as u64),
        Value::Text(t) => Some(token_hash(t)),
        _ => None,
    }
}

/// Opens the database at `location` (an SQLite path or a PostgreSQL URL), creating its tables.
fn connect(location: &Path, read_only: bool) -> Result<Conn, TokenDbError> {
    let open_err = |e: &dyn std::fmt::Display| TokenDbError::Open {
        path: display(location),
        error: e.to_string(),
    };
    if is_url(location) {
        let url = location.to_str().unwrap_or_default();
        let conn = Conn::Postgres(PgConn::connect(url).map_err(|e| open_err(&e))?);
        let create = || -> Result<(), DbError> {
            let tx = conn.begin()?;
            tx.exclusive(Lock::Classifier)?;
            tx.execute_batch(&crate::sql::pg_schema(SCHEMA))?;
            tx.commit()
        };
        create().map_err(|e| open_err(&e))?;
        return Ok(conn);
    }
    if read_only {
        let c = rusqlite::Connection::open_with_flags(location, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| open_err(&e))?;
        return Ok(Conn::Sqlite(c));
    }
    if let Some(dir) = location.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| open_err(&e))?;
    }
    let c = rusqlite::Connection::open(location).map_err(|e| open_err(&e))?;
    c.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        .and_then(|_| c.execute_batch(SCHEMA))
        .map_err(|e| open_err(&e))?;
    let side = |suffix: &str| {
        let mut s = location.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    crate::ownership::give_to_directory_owner(&[location.to_path_buf(), side("-wal"), side("-shm")]);
    Ok(Conn::Sqlite(c))
}

impl TokenDb {
    /// Opens (creating it, and its directory for a file, if needed) the database at `path`
    /// (an SQLite file or a `postgres://` URL) for training.
    pub fn open(path: &Path) -> Result<TokenDb, TokenDbError> {
        let conn = connect(path, false)?;
        let db = TokenDb {
            conn,
            path: display(path),
        };
        db.migrate()?;
        Ok(db)
    }

    fn sql(&self, e: DbError) -> TokenDbError {
        TokenDbError::Sql {
            path: self.path.clone(),
            error: e.to_string(),
        }
    }

    /// Rewrites a version 1 database (tokens as text) with hashed tokens, in one transaction.
    fn migrate(&self) -> Result<(), TokenDbError> {
        let version: i64 = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'version'", params![], |r| {
                r.get(0)
            })
            .map_err(|e| self.sql(e))?;
        if version >= 2 {
            return Ok(());
        }
        let rewrite = || -> Result<usize, DbError> {
            let tx = self.conn.begin()?;
            tx.execute_batch(MIGRATE_V1)?;
            let mut merged: FxHashMap<u64, (i64, i64)> = FxHashMap::default();
            tx.for_each("SELECT token, ham, spam FROM tokens_v1", params![], |r| {
                if let Some(h) = r.values().first().and_then(hash_of) {
                    let c = merged.entry(h).or_default();
                    c.0 += r.get::<i64>(1)?;
                    c.1 += r.get::<i64>(2)?;
                }
                Ok(true)
            })?;
            let rows: Vec<[Value; 3]> = merged
                .iter()
                .map(|(h, (ham, spam))| [Value::Int(stored(*h)), Value::Int(*ham), Value::Int(*spam)])
                .collect();
            insert_rows(&tx, "INSERT INTO tokens (token, ham, spam) VALUES", "", &rows)?;
            tx.execute_batch("DROP TABLE tokens_v1; UPDATE meta SET value = 2 WHERE key = 'version';")?;
            tx.commit()?;
            Ok(merged.len())
        };
        let n = rewrite().map_err(|e| self.sql(e))?;
        tracing::info!(db = %self.path.display(), tokens = n, "token database rewritten with hashed tokens (version 2)");
        Ok(())
    }

    /// Trains messages given as (raw bytes, their tokens, is spam), in one transaction (on
    /// PostgreSQL one training at a time, whichever gateway runs it).
    pub fn train<'a>(
        &mut self,
        messages: impl IntoIterator<Item = (&'a [u8], Tokens, bool)>,
    ) -> Result<TrainStats, TokenDbError> {
        let run = || -> Result<TrainStats, DbError> {
            let tx = self.conn.begin()?;
            tx.exclusive(Lock::Classifier)?;
            let mut stats = TrainStats::default();
            // token → (ham delta, spam delta), written at the end.
            let mut deltas: FxHashMap<u64, (i64, i64)> = FxHashMap::default();
            let (mut dh, mut ds) = (0i64, 0i64);
            for (raw, tokens, spam) in messages {
                let digest = Sha256::digest(raw).to_vec();
                let before: Option<bool> = tx
                    .query_row(
                        "SELECT spam FROM trained WHERE digest = ?1",
                        params![digest],
                        |r| r.get(0),
                    )
                    .optional()?;
                let sign = match before {
                    Some(b) if b == spam => {
                        stats.already += 1;
                        continue;
                    }
                    Some(_) => {
                        stats.relearned += 1;
                        // Unlearn the other class, learn this one.
                        for t in tokens.hashes() {
                            let d = deltas.entry(t).or_default();
                            if spam {
                                d.0 -= 1;
                            } else {
                                d.1 -= 1;
                            }
                        }
                        if spam {
                            dh -= 1;
                        } else {
                            ds -= 1;
                        }
                        1
                    }
                    None => {
                        stats.learned += 1;
                        1
                    }
                };
                for t in tokens.hashes() {
                    let d = deltas.entry(t).or_default();
                    if spam {
                        d.1 += sign;
                    } else {
                        d.0 += sign;
                    }
                }
                if spam {
                    ds += 1;
                } else {
                    dh += 1;
                }
                tx.execute(
                    "INSERT INTO trained (digest, spam) VALUES (?1, ?2)
                     ON CONFLICT (digest) DO UPDATE SET spam = excluded.spam",
                    params![digest, spam],
                )?;
            }
            let rows: Vec<[Value; 3]> = deltas
                .iter()
                .map(|(t, (h, s))| [Value::Int(stored(*t)), Value::Int(*h), Value::Int(*s)])
                .collect();
            // Counts never go below zero (a message unlearned that was never learned here).
            insert_rows(
                &tx,
                "INSERT INTO tokens (token, ham, spam) VALUES",
                " ON CONFLICT (token) DO UPDATE SET
                   ham = CASE WHEN tokens.ham + excluded.ham > 0 THEN tokens.ham + excluded.ham ELSE 0 END,
                   spam = CASE WHEN tokens.spam + excluded.spam > 0 THEN tokens.spam + excluded.spam ELSE 0 END",
                &rows,
            )?;
            tx.execute(
                "UPDATE tokens SET ham = CASE WHEN ham < 0 THEN 0 ELSE ham END,
                   spam = CASE WHEN spam < 0 THEN 0 ELSE spam END
                 WHERE ham < 0 OR spam < 0",
                params![],
            )?;
            tx.execute("DELETE FROM tokens WHERE ham = 0 AND spam = 0", params![])?;
            for (key, delta) in [("hams", dh), ("spams", ds)] {
                tx.execute(
                    "UPDATE meta SET value = CASE WHEN value + ?1 > 0 THEN value + ?1 ELSE 0 END WHERE key = ?2",
                    params![delta, key],
                )?;
            }
            if stats.learned + stats.relearned > 0 {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('generation', 1)
                     ON CONFLICT (key) DO UPDATE SET value = meta.value + 1",
                    params![],
                )?;
            }
            tx.commit()?;
            Ok(stats)
        };
        run().map_err(|e| self.sql(e))
    }

    /// The model's generation: a number each training that changed it raises (for the
    /// gateways sharing a PostgreSQL token database, to reload when another one learned).
    pub fn generation(&self) -> Result<i64, TokenDbError> {
        self.conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'generation'",
                params![],
                |r| r.get(0),
            )
            .optional()
            .map(|g| g.unwrap_or(0))
            .map_err(|e| self.sql(e))
    }

    /// How many ham and spam messages are trained, and how many tokens are known.
    pub fn counts(&self) -> Result<(u32, u32, u64), TokenDbError> {
        let get = |key: &str| -> Result<u32, TokenDbError> {
            self.conn
                .query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
                    r.get(0)
                })
                .map_err(|e| self.sql(e))
        };
        let tokens: u64 = self
            .conn
            .query_row("SELECT count(*) FROM tokens", params![], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        Ok((get("hams")?, get("spams")?, tokens))
    }
}

/// Inserts `rows` of three values, `BATCH` a statement: `head` is `INSERT INTO … VALUES`,
/// `tail` what follows the values (an upsert's `ON CONFLICT …`).
fn insert_rows(conn: &Conn, head: &str, tail: &str, rows: &[[Value; 3]]) -> Result<(), DbError> {
    for chunk in rows.chunks(BATCH) {
        let marks = (0..chunk.len())
            .map(|i| format!("(?{}, ?{}, ?{})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let values: Vec<Value> = chunk.iter().flat_map(|r| r.iter().cloned()).collect();
        conn.execute(&format!("{head} {marks}{tail}"), &values)?;
    }
    Ok(())
}

/// Reads the whole model from the database at `path` (read-only): for the engine.
pub fn load(path: &Path) -> Result<Model, TokenDbError> {
    let conn = connect(path, true)?;
    let sql = |e: DbError| TokenDbError::Sql {
        path: display(path),
        error: e.to_string(),
    };
    let meta = |key: &str| -> Result<u32, TokenDbError> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
            r.get(0)
        })
        .map_err(sql)
    };
    let (hams, spams) = (meta("hams")?, meta("spams")?);
    let mut counts: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    conn.for_each("SELECT token, ham, spam FROM tokens", params![], |r| {
        if let Some(h) = r.values().first().and_then(hash_of) {
            let (ham, spam): (u32, u32) = (r.get(1)?, r.get(2)?);
            let c = counts.entry(h).or_default();
            c.0 = c.0.saturating_add(ham);
            c.1 = c.1.saturating_add(spam);
        }
        Ok(true)
    })
    .map_err(sql)?;
    Ok(Model::from_counts(counts, hams, spams))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> Tokens {
        Tokens::of_strings(words.iter().copied())
    }

    #[test]
    fn training_is_incremental_and_idempotent() {
        let dir = tempfile::tempdir().expect("temp dir");
        incremental_and_idempotent_at(&dir.path().join("sub/bayes.db"));
    }

    /// The same on PostgreSQL (the database several gateways share), whose generation tells
    /// the others to reload.
    #[cfg(feature = "system-tests")]
    #[test]
    fn training_is_incremental_and_idempotent_on_postgres() {
        let url = crate::store::testing::Cluster::shared()
            .fresh_database()
            .expect("database");
        let at = Path::new(&url);
        assert!(is_url(at));
        incremental_and_idempotent_at(at);
        let db = TokenDb::open(at).expect("open");
        assert_eq!(
            db.generation().expect("generation"),
            2,
            "two trainings changed it"
        );
        let shown = display(Path::new("postgres://canhgac:secret@db/q"))
            .display()
            .to_string();
        assert!(!shown.contains("secret"), "{shown}");
    }

    fn incremental_and_idempotent_at(path: &Path) {
        let path = path.to_path_buf();
        let mut db = TokenDb::open(&path).expect("open");
        let s = db
            .train([
                (&b"a"[..], set(&["meeting", "kính"]), false),
                (&b"b"[..], set(&["winner", "free"]), true),
            ])
            .expect("train");
        assert_eq!((s.learned, s.relearned, s.already), (2, 0, 0));
        // Again: nothing changes.
        let s = db
            .train([(&b"a"[..], set(&["meeting", "kính"]), false)])
            .expect("train");
        assert_eq!(s.already, 1);
        assert_eq!(db.counts().expect("counts"), (1, 1, 4));
        // Message "b" was ham after all: it moves.
        let s = db
            .train([(&b"b"[..], set(&["winner", "free"]), false)])
            .expect("train");
        assert_eq!(s.relearned, 1);
        assert_eq!(db.counts().expect("counts").0, 2);
        assert_eq!(db.counts().expect("counts").1, 0);
        let m = load(&path).expect("load");
        assert_eq!((m.hams, m.spams), (2, 0));
        assert_eq!(m.count("winner"), Some((1, 0)));
        assert_eq!(m.count("kính"), Some((1, 0)));
    }

    /// A database written before tokens were hashed (version 1, tokens as text) is read by
    /// hashing its text, and rewritten with hashes when opened for training.
    #[test]
    fn a_version_1_database_of_text_tokens_is_read_and_rewritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bayes.db");
        {
            let c = rusqlite::Connection::open(&path).expect("open");
            c.execute_batch(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                 CREATE TABLE tokens (token TEXT PRIMARY KEY, ham INTEGER NOT NULL, spam INTEGER NOT NULL) WITHOUT ROWID;
                 CREATE TABLE trained (digest BLOB PRIMARY KEY, spam INTEGER NOT NULL) WITHOUT ROWID;
                 INSERT INTO meta VALUES ('hams', 3), ('spams', 2), ('version', 1);
                 INSERT INTO tokens VALUES ('kính gửi', 3, 0), ('khuyến mãi', 0, 2), ('lang:vi', 3, 1);",
            )
            .expect("old schema");
        }
        let m = load(&path).expect("load");
        assert_eq!((m.hams, m.spams, m.len()), (3, 2, 3));
        assert_eq!(m.count("kính gửi"), Some((3, 0)));
        assert_eq!(m.language_hams(crate::spam::bayes::Language::Vietnamese), 3);
        let mut db = TokenDb::open(&path).expect("open for training");
        assert_eq!(db.counts().expect("counts"), (3, 2, 3));
        db.train([(&b"c"[..], set(&["khuyến mãi", "trúng thưởng"]), true)])
            .expect("train");
        let m = load(&path).expect("load");
        assert_eq!(m.count("khuyến mãi"), Some((0, 3)));
        assert_eq!(m.count("trúng thưởng"), Some((0, 1)));
        assert_eq!(m.count("kính gửi"), Some((3, 0)));
        let version: i64 = db
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'version'", params![], |r| {
                r.get(0)
            })
            .expect("version");
        assert_eq!(version, 2);
        let text: i64 = db
            .conn
            .query_row(
                "SELECT count(*) FROM tokens WHERE typeof(token) <> 'integer'",
                params![],
                |r| r.get(0),
            )
            .expect("types");
        assert_eq!(text, 0);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bayes.db");
        std::fs::write(&path, b"not sqlite at all, just text long enough to be read").expect("write");
        let e = load(&path).expect_err("an error").to_string();
        assert!(e.contains("bayes.db"), "{e}");
    }
}
