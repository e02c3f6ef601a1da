//! The classifier's token database (SQLite): per token, how many trained ham and spam messages
//! contained it, and the digest of every trained message so training is incremental and
//! idempotent (training a message again does nothing; training it as the other class moves it).

use super::bayes::Model;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
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
    token TEXT PRIMARY KEY,
    ham INTEGER NOT NULL,
    spam INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS trained (digest BLOB PRIMARY KEY, spam INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (key, value) VALUES ('hams', 0), ('spams', 0), ('version', 1);
";

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
        Ok(TokenDb {
            conn,
            path: path.to_path_buf(),
        })
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
        messages: impl IntoIterator<Item = (&'a [u8], HashSet<String>, bool)>,
    ) -> Result<TrainStats, TokenDbError> {
        let path = self.path.clone();
        let sql = |e: rusqlite::Error| TokenDbError::Sql {
            path: path.clone(),
            error: e.to_string(),
        };
        let tx = self.conn.transaction().map_err(sql)?;
        let mut stats = TrainStats::default();
        // token → (ham delta, spam delta), written at the end.
        let mut deltas: HashMap<String, (i64, i64)> = HashMap::new();
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
                        for t in &tokens {
                            let d = deltas.entry(t.clone()).or_default();
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
                for t in tokens {
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
                upsert.execute(params![t, h, s]).map_err(sql)?;
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
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))
        .map_err(sql)?;
    let mut counts = HashMap::new();
    for row in rows {
        let (t, c) = row.map_err(sql)?;
        counts.insert(t, c);
    }
    Ok(Model::from_counts(counts, hams, spams))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
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

    #[test]
    fn a_file_that_is_not_a_database_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bayes.db");
        std::fs::write(&path, b"not sqlite at all, just text long enough to be read").expect("write");
        let e = load(&path).expect_err("an error").to_string();
        assert!(e.contains("bayes.db"), "{e}");
    }
}
