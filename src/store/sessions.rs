//! Sessions of the review console, kept in the store so that a restart or an upgrade does not
//! log every officer out. Only the SHA-256 of a session id is stored: whoever reads the
//! database cannot take over a session. A session ends after `idle` without a request and
//! `max` after login, when its account is disabled or its password changes, and at logout.

use super::users::{USER_COLUMNS, row_to_user_from};
use super::{Store, StoreError, User, hex, now};
use crate::sql::{OptionalExt, params};
use sha2::{Digest, Sha256};

/// Random bytes from the kernel, hex-encoded (`bytes` of them).
pub fn random_hex(bytes: usize) -> Option<String> {
    let mut b = vec![0u8; bytes];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut b))
        .ok()?;
    Some(hex(&b))
}

fn id_hash(id: &str) -> String {
    hex(&Sha256::digest(id.as_bytes()))
}

/// How often a live session's last request is written (not at every request).
const TOUCH_SECS: i64 = 60;

impl Store {
    /// Starts a session for an account; returns its id (None if the kernel gave no
    /// randomness). Expired sessions are swept at the same time.
    pub fn session_start(
        &self,
        user: &str,
        idle_secs: i64,
        max_secs: i64,
    ) -> Result<Option<String>, StoreError> {
        let Some(id) = random_hex(32) else {
            return Ok(None);
        };
        let at = now();
        let conn = self.lock();
        conn.execute(
            "DELETE FROM sessions WHERE last_seen <= ?1 OR created_at <= ?2",
            params![at - idle_secs, at - max_secs],
        )
        .map_err(|e| self.sql(e))?;
        conn.execute(
            "INSERT INTO sessions (id_hash, \"user\", created_at, last_seen) VALUES (?1, ?2, ?3, ?3)",
            params![id_hash(&id), user, at],
        )
        .map_err(|e| self.sql(e))?;
        Ok(Some(id))
    }

    /// The account of a live session, its last request noted; an expired session, or one
    /// whose account is disabled or gone, is ended and gives None.
    pub fn session_user(&self, id: &str, idle_secs: i64, max_secs: i64) -> Result<Option<User>, StoreError> {
        if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let key = id_hash(id);
        let at = now();
        let conn = self.lock();
        let found: Option<(i64, i64, Option<User>)> = conn
            .query_row(
                &format!(
                    "SELECT s.created_at, s.last_seen, u.name IS NOT NULL, {} FROM sessions s LEFT JOIN users u ON u.name = s.\"user\" WHERE s.id_hash = ?1",
                    USER_COLUMNS
                        .split(", ")
                        .map(|c| format!("u.{c}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                params![key],
                |r| {
                    let user = if r.get::<bool>(2)? {
                        Some(row_to_user_from(r, 3)?)
                    } else {
                        None
                    };
                    Ok((r.get(0)?, r.get(1)?, user))
                },
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        let Some((created, seen, user)) = found else {
            return Ok(None);
        };
        let live = at - seen < idle_secs && at - created < max_secs;
        match user.filter(|u| live && !u.disabled) {
            Some(u) => {
                if at - seen >= TOUCH_SECS {
                    conn.execute(
                        "UPDATE sessions SET last_seen = ?2 WHERE id_hash = ?1",
                        params![key, at],
                    )
                    .map_err(|e| self.sql(e))?;
                }
                Ok(Some(u))
            }
            None => {
                conn.execute("DELETE FROM sessions WHERE id_hash = ?1", params![key])
                    .map_err(|e| self.sql(e))?;
                Ok(None)
            }
        }
    }

    /// Ends a session (logout).
    pub fn session_end(&self, id: &str) -> Result<(), StoreError> {
        self.lock()
            .execute("DELETE FROM sessions WHERE id_hash = ?1", params![id_hash(id)])
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Role;

    crate::store::both::on_both_backends! {
    fn sessions_outlive_a_restart_and_end_when_idle_too_old_or_disabled() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("q.db");
        let store = crate::store::both::open(&path).expect("open");
        store
            .add_user("cli:root", "lan.nt", Role::Officer, &[], "mật khẩu đủ dài 1")
            .expect("user");
        let id = store
            .session_start("lan.nt", 1800, 43_200)
            .expect("start")
            .expect("random");
        assert_eq!(id.len(), 64);
        drop(store);
        // A restart: the session is still there; only its hash is stored.
        let store = crate::store::both::open(&path).expect("reopen");
        let user = store
            .session_user(&id, 1800, 43_200)
            .expect("get")
            .map(|u| u.name);
        assert_eq!(user.as_deref(), Some("lan.nt"));
        let stored: String = store
            .lock()
            .query_row("SELECT id_hash FROM sessions", params![], |r| r.get(0))
            .expect("row");
        assert_ne!(stored, id, "the id itself is never stored");
        assert!(store.session_user("00", 1800, 43_200).expect("get").is_none());
        // Idle for longer than the idle lifetime: ended.
        store
            .lock()
            .execute("UPDATE sessions SET last_seen = last_seen - 1800", params![])
            .expect("age");
        assert!(store.session_user(&id, 1800, 43_200).expect("get").is_none());
        // Active but older than the absolute lifetime: ended.
        let id = store
            .session_start("lan.nt", 1800, 43_200)
            .expect("start")
            .expect("random");
        store
            .lock()
            .execute("UPDATE sessions SET created_at = created_at - 43200", params![])
            .expect("age");
        assert!(store.session_user(&id, 1800, 43_200).expect("get").is_none());
        // Disabling the account, or changing its password, ends its sessions.
        let id = store
            .session_start("lan.nt", 1800, 43_200)
            .expect("start")
            .expect("random");
        store
            .set_password("admin", "lan.nt", "một mật khẩu mới dài")
            .expect("passwd");
        assert!(store.session_user(&id, 1800, 43_200).expect("get").is_none());
        let id = store
            .session_start("lan.nt", 1800, 43_200)
            .expect("start")
            .expect("random");
        store.disable_user("admin", "lan.nt", "left").expect("disable");
        assert!(store.session_user(&id, 1800, 43_200).expect("get").is_none());
        // Logout.
        store.session_end(&id).expect("end");
    }
    }
}
