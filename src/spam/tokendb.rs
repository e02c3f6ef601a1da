//! The classifier's token database (SQLite): per token, how many trained ham and spam messages
//! contained it, and the digest of every trained message so training is incremental and
//! idempotent (training a message again does nothing; training it as the other class moves it).
//!
//! Tokens are kept as their 64-bit hashes ([`token_hash`], stored as SQLite's signed integers).
//! A database written before (version 1: tokens as text) is read by hashing its text, and
//! rewritten in the new form the first time it is opened for training.

use super::bayes::{Model, Tokens, token_hash};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
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
    conn: Connection,
    path: PathBuf,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
    token INTEGER PRIMARY KEY,
    ham INTEGER NOT NULL,
    spam INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS trained (digest BLOB PRIMARY KEY, spam INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (key, value) VALUES ('hams', 0), ('spams', 0), ('version', 2);
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

/// A token as stored: its hash's bits as SQLite's signed integer.
fn stored(hash: u64) -> i64 {
    hash as i64
}

/// A stored token's hash: an integer (version 2), or the text of a version 1 database hashed.
fn hash_of(v: ValueRef<'_>) -> Option<u64> {
    match v {
        ValueRef::Integer(i) => Some(i as u64),
        ValueRef::Text(t) => Some(token_hash(&String::from_utf8_lossy(t))),
        _ => None,
    }
}

impl TokenDb {
    /// Opens (creating it and its directory if needed) the database at `path` for training.
    pub fn open(path: &Path) -> Result<TokenDb, TokenDbError> {
        let open_err = |e: String| TokenDbError::Open {
            path: path.to_path_buf(),
            error: e,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| open_err(e.to_string()))?;
        }
        let conn = Connection::open(path).map_err(|e| open_err(e.to_string()))?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
            .and_then(|_| conn.execute_batch(SCHEMA))
            .map_err(|e| open_err(e.to_string()))?;
        let side = |suffix: &str| {
            let mut s = path.as_os_str().to_owned();
            s.push(suffix);
            std::path::PathBuf::from(s)
        };
        crate::ownership::give_to_directory_owner(&[path.to_path_buf(), side("-wal"), side("-shm")]);
        let mut db = TokenDb {
            conn,
            path: path.to_path_buf(),
        };
        db.migrate()?;
        Ok(db)
    }

    /// Rewrites a version 1 database (tokens as text) with hashed tokens, in one transaction.
    fn migrate(&mut self) -> Result<(), TokenDbError> {
        let path = self.path.clone();
        let sql = |e: rusqlite::Error| TokenDbError::Sql {
            path: path.clone(),
            error: e.to_string(),
        };
        let version: i64 = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| r.get(0))
            .map_err(sql)?;
        if version >= 2 {
            return Ok(());
        }
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute_batch(MIGRATE_V1).map_err(sql)?;
        let mut merged: FxHashMap<u64, (i64, i64)> = FxHashMap::default();
        {
            let mut rows = tx
                .prepare("SELECT token, ham, spam FROM tokens_v1")
                .map_err(sql)?;
            let mut rows = rows.query([]).map_err(sql)?;
            while let Some(r) = rows.next().map_err(sql)? {
                if let Some(h) = hash_of(r.get_ref(0).map_err(sql)?) {
                    let c = merged.entry(h).or_default();
                    c.0 += r.get::<_, i64>(1).map_err(sql)?;
                    c.1 += r.get::<_, i64>(2).map_err(sql)?;
                }
            }
            let mut put = tx
                .prepare("INSERT INTO tokens (token, ham, spam) VALUES (?1, ?2, ?3)")
                .map_err(sql)?;
            for (h, (ham, spam)) in &merged {
                put.execute(params![stored(*h), ham, spam]).map_err(sql)?;
            }
        }
        tx.execute_batch("DROP TABLE tokens_v1; UPDATE meta SET value = 2 WHERE key = 'version';")
            .map_err(sql)?;
        tx.commit().map_err(sql)?;
        tracing::info!(db = %self.path.display(), tokens = merged.len(), "token database rewritten with hashed tokens (version 2)");
        Ok(())
    }

    fn sql(&self, e: rusqlite::Error) -> TokenDbError {
        TokenDbError::Sql {
            path: self.path.clone(),
            error: e.to_string(),
        }
    }

    /// Trains messages given as (raw bytes, their tokens, is spam), in one transaction.
    pub fn train<'a>(
        &mut self,
        messages: impl IntoIterator<Item = (&'a [u8], Tokens, bool)>,
    ) -> Result<TrainStats, TokenDbError> {
        let path = self.path.clone();
        let sql = |e: rusqlite::Error| TokenDbError::Sql {
            path: path.clone(),
            error: e.to_string(),
        };
        let tx = self.conn.transaction().map_err(sql)?;
        let mut stats = TrainStats::default();
        // token → (ham delta, spam delta), written at the end.
        let mut deltas: FxHashMap<u64, (i64, i64)> = FxHashMap::default();
        let (mut dh, mut ds) = (0i64, 0i64);
        {
            let mut seen = tx
                .prepare("SELECT spam FROM trained WHERE digest = ?1")
                .map_err(sql)?;
            let mut mark = tx
                .prepare("INSERT OR REPLACE INTO trained (digest, spam) VALUES (?1, ?2)")
                .map_err(sql)?;
            for (raw, tokens, spam) in messages {
                let digest = Sha256::digest(raw).to_vec();
                let before: Option<bool> = seen
                    .query_row(params![digest], |r| r.get(0))
                    .optional()
                    .map_err(sql)?;
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
                mark.execute(params![digest, spam]).map_err(sql)?;
            }
            let mut upsert = tx
                .prepare(
                    "INSERT INTO tokens (token, ham, spam) VALUES (?1, max(?2, 0), max(?3, 0))
                     ON CONFLICT (token) DO UPDATE SET ham = max(ham + ?2, 0), spam = max(spam + ?3, 0)",
                )
                .map_err(sql)?;
            for (t, (h, s)) in &deltas {
                upsert.execute(params![stored(*t), h, s]).map_err(sql)?;
            }
            tx.execute("DELETE FROM tokens WHERE ham = 0 AND spam = 0", [])
                .map_err(sql)?;
            tx.execute(
                "UPDATE meta SET value = max(value + ?1, 0) WHERE key = 'hams'",
                params![dh],
            )
            .map_err(sql)?;
            tx.execute(
                "UPDATE meta SET value = max(value + ?1, 0) WHERE key = 'spams'",
                params![ds],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)?;
        Ok(stats)
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
            .query_row("SELECT count(*) FROM tokens", [], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        Ok((get("hams")?, get("spams")?, tokens))
    }
}

/// Reads the whole model from the database at `path` (read-only): for the engine.
pub fn load(path: &Path) -> Result<Model, TokenDbError> {
    let sql = |e: rusqlite::Error| TokenDbError::Sql {
        path: path.to_path_buf(),
        error: e.to_string(),
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
        TokenDbError::Open {
            path: path.to_path_buf(),
            error: e.to_string(),
        }
    })?;
    let meta = |key: &str| -> Result<u32, TokenDbError> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
            r.get(0)
        })
        .map_err(sql)
    };
    let (hams, spams) = (meta("hams")?, meta("spams")?);
    let mut stmt = conn.prepare("SELECT token, ham, spam FROM tokens").map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    let mut counts: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    while let Some(r) = rows.next().map_err(sql)? {
        if let Some(h) = hash_of(r.get_ref(0).map_err(sql)?) {
            let (ham, spam): (u32, u32) = (r.get(1).map_err(sql)?, r.get(2).map_err(sql)?);
            let c = counts.entry(h).or_default();
            c.0 = c.0.saturating_add(ham);
            c.1 = c.1.saturating_add(spam);
        }
    }
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
        let path = dir.path().join("sub/bayes.db");
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
            let c = Connection::open(&path).expect("open");
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
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, 2);
        let text: i64 = db
            .conn
            .query_row(
                "SELECT count(*) FROM tokens WHERE typeof(token) <> 'integer'",
                [],
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
