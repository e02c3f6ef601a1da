//! Accounts of the review console: officers (optionally scoped to units), admins and auditors,
//! with Argon2id password hashes, who set each one up (for the four-eyes rule), and failed
//! logins with their backoff. Every change is written to the audit log with the account as
//! its subject (`user:NAME`).

use super::{Store, StoreError, audit, now};
use crate::sql::{Conn, DbError, OptionalExt, Row, params};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::Serialize;

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reviews and acts on held messages (of its units, when it has any).
    Officer,
    /// Manages accounts; reviews and acts like an officer with no unit scope.
    Admin,
    /// Reads everything, acts on nothing.
    Auditor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Admin => "admin",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "officer" => Role::Officer,
            "admin" => Role::Admin,
            "auditor" => Role::Auditor,
            _ => return None,
        })
    }
}

/// An account (without its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub name: String,
    pub role: Role,
    /// Unit ids (of the unit directory) an officer is limited to; empty: all units.
    pub units: Vec<String>,
    pub disabled: bool,
    pub created_at: i64,
    pub updated_at: i64,
    /// Who created the account (an account name, or `cli:UNIX-USER`).
    pub created_by: String,
    /// Who last set its password for it, when not the account itself (empty: nobody).
    pub password_by: String,
    /// The audit entry of its creation: accounts are ordered by it (0: before schema 4).
    pub created_seq: i64,
    /// Failed logins since the last success or unlock, and when the last one was.
    pub failed_logins: u32,
    pub last_failed_at: i64,
}

impl User {
    /// Whether `other` set this account up (created it or set its password): such a pair is
    /// one person as far as the four-eyes rule goes.
    pub fn set_up_by(&self, other: &str) -> bool {
        self.created_by == other || self.password_by == other
    }

    /// Seconds this account must still wait before its next login is tried: none until
    /// `max` failures, then 30 s doubling with each further failure, at most `cap_secs`.
    pub fn login_wait(&self, max: u32, cap_secs: i64, now: i64) -> i64 {
        if self.failed_logins < max {
            return 0;
        }
        let steps = (self.failed_logins - max).min(20);
        let backoff = 30i64.saturating_mul(1 << steps).min(cap_secs.max(1));
        (self.last_failed_at + backoff - now).max(0)
    }
}

/// A request about accounts that cannot be carried out.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("account name {0:?}: use 1 to 64 of a-z, 0-9, '.', '_', '-'")]
    BadName(String),
    #[error("unit id {0:?}: use 1 to 64 of a-z, A-Z, 0-9, '.', '_', '-'")]
    BadUnit(String),
    #[error("the password is shorter than {MIN_PASSWORD_CHARS} characters")]
    ShortPassword,
    #[error("account {0} already exists")]
    Exists(String),
    #[error("no account {0}")]
    NoSuchUser(String),
    #[error("cannot hash the password: {0}")]
    Hash(String),
    #[error("{0}")]
    Input(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

fn valid_unit(unit: &str) -> bool {
    (1..=64).contains(&unit.len())
        && unit
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// An Argon2id hash (PHC string) of `password` with a fresh random salt.
fn hash(password: &str) -> Result<String, UserError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(UserError::ShortPassword);
    }
    let mut salt = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut salt))
        .map_err(|e| UserError::Hash(format!("no random salt: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| UserError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| UserError::Hash(e.to_string()))
}

pub(super) fn row_to_user(r: &Row) -> Result<User, DbError> {
    row_to_user_from(r, 0)
}

/// An account from the [`USER_COLUMNS`] of a row, starting at column `at`.
pub(super) fn row_to_user_from(r: &Row, at: usize) -> Result<User, DbError> {
    let role: String = r.get(at + 1)?;
    let units: String = r.get(at + 2)?;
    Ok(User {
        name: r.get(at)?,
        // Only valid roles are ever written; an edited database reads as the weakest role.
        role: Role::parse(&role).unwrap_or(Role::Auditor),
        units: units
            .split(',')
            .filter(|u| !u.is_empty())
            .map(str::to_owned)
            .collect(),
        disabled: r.get::<i64>(at + 3)? != 0,
        created_at: r.get(at + 4)?,
        updated_at: r.get(at + 5)?,
        created_by: r.get(at + 6)?,
        password_by: r.get(at + 7)?,
        created_seq: r.get(at + 8)?,
        failed_logins: r.get::<i64>(at + 9)?.clamp(0, i64::from(u32::MAX)) as u32,
        last_failed_at: r.get(at + 10)?,
    })
}

pub(super) const USER_COLUMNS: &str = "name, role, units, disabled, created_at, updated_at, created_by, password_by, created_seq, failed_logins, last_failed_at";
const USER_COLUMN_COUNT: usize = 11;

impl Store {
    /// Creates an account. `actor` is who did it, for the audit log.
    pub fn add_user(
        &self,
        actor: &str,
        name: &str,
        role: Role,
        units: &[String],
        password: &str,
    ) -> Result<User, UserError> {
        if !valid_name(name) {
            return Err(UserError::BadName(name.to_owned()));
        }
        if let Some(u) = units.iter().find(|u| !valid_unit(u)) {
            return Err(UserError::BadUnit(u.clone()));
        }
        let hash = hash(password)?;
        let at = now();
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        let exists: Option<String> = tx
            .query_row("SELECT name FROM users WHERE name = ?1", params![name], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql(e))?;
        if exists.is_some() {
            return Err(UserError::Exists(name.to_owned()));
        }
        tx.execute(
            "INSERT INTO users (name, role, units, password_hash, disabled, created_at, updated_at, created_by)
             VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5, ?6)",
            params![name, role.as_str(), units.join(","), hash, at, actor],
        )
        .map_err(|e| self.sql(e))?;
        let what = format!(
            "role {}; units {}",
            role.as_str(),
            if units.is_empty() {
                "all".to_owned()
            } else {
                units.join(",")
            }
        );
        let seq = audit::append(
            &tx,
            &self.key,
            at,
            actor,
            "user-add",
            &format!("user:{name}"),
            &what,
        )
        .map_err(|e| self.sql(e))?;
        tx.execute(
            "UPDATE users SET created_seq = ?2 WHERE name = ?1",
            params![name, seq],
        )
        .map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(User {
            name: name.to_owned(),
            role,
            units: units.to_vec(),
            disabled: false,
            created_at: at,
            updated_at: at,
            created_by: actor.to_owned(),
            password_by: String::new(),
            created_seq: seq,
            failed_logins: 0,
            last_failed_at: 0,
        })
    }

    /// Replaces an account's password; its sessions end. Set by someone else, that someone
    /// is remembered (`password_by`) for the four-eyes rule.
    pub fn set_password(&self, actor: &str, name: &str, password: &str) -> Result<(), UserError> {
        let hash = hash(password)?;
        self.change_user(actor, name, "user-passwd", "password changed", |tx, at| {
            let n = if actor == name {
                tx.execute(
                    "UPDATE users SET password_hash = ?2, updated_at = ?3, failed_logins = 0 WHERE name = ?1",
                    params![name, hash, at],
                )?
            } else {
                tx.execute(
                    "UPDATE users SET password_hash = ?2, updated_at = ?3, failed_logins = 0, password_by = ?4 WHERE name = ?1",
                    params![name, hash, at, actor],
                )?
            };
            tx.execute("DELETE FROM sessions WHERE \"user\" = ?1", params![name])?;
            Ok(n)
        })
    }

    /// Disables an account (it can no longer log in; its sessions end); the record and its
    /// trail stay.
    pub fn disable_user(&self, actor: &str, name: &str, reason: &str) -> Result<(), UserError> {
        self.change_user(actor, name, "user-disable", reason, |tx, at| {
            let n = tx.execute(
                "UPDATE users SET disabled = 1, updated_at = ?2 WHERE name = ?1",
                params![name, at],
            )?;
            tx.execute("DELETE FROM sessions WHERE \"user\" = ?1", params![name])?;
            Ok(n)
        })
    }

    /// Clears an account's failed logins, so it may log in at once (an admin's answer to an
    /// account kept waiting by someone guessing its password).
    pub fn unlock_user(&self, actor: &str, name: &str, reason: &str) -> Result<(), UserError> {
        self.change_user(actor, name, "user-unlock", reason, |tx, at| {
            tx.execute(
                "UPDATE users SET failed_logins = 0, updated_at = ?2 WHERE name = ?1",
                params![name, at],
            )
        })
    }

    /// Counts a failed login of an existing account (unknown names count only against the
    /// client address). Returns the account as it is now.
    pub fn login_failed(&self, name: &str) -> Result<Option<User>, StoreError> {
        let conn = self.lock();
        conn.execute(
            "UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = ?2 WHERE name = ?1",
            params![name, now()],
        )
        .map_err(|e| self.sql(e))?;
        drop(conn);
        self.user(name)
    }

    /// A successful login clears the account's failures.
    pub fn login_succeeded(&self, name: &str) -> Result<(), StoreError> {
        self.lock()
            .execute(
                "UPDATE users SET failed_logins = 0 WHERE name = ?1 AND failed_logins != 0",
                params![name],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }

    fn change_user(
        &self,
        actor: &str,
        name: &str,
        action: &str,
        reason: &str,
        update: impl FnOnce(&Conn, i64) -> Result<usize, DbError>,
    ) -> Result<(), UserError> {
        let at = now();
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        if update(&tx, at).map_err(|e| self.sql(e))? == 0 {
            return Err(UserError::NoSuchUser(name.to_owned()));
        }
        audit::append(&tx, &self.key, at, actor, action, &format!("user:{name}"), reason)
            .map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Every account, by name.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        let conn = self.lock();
        let rows = conn
            .query_map(
                &format!("SELECT {USER_COLUMNS} FROM users ORDER BY name"),
                params![],
                row_to_user,
            )
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// One account (disabled ones too), or None.
    pub fn user(&self, name: &str) -> Result<Option<User>, StoreError> {
        let conn = self.lock();
        conn.query_row(
            &format!("SELECT {USER_COLUMNS} FROM users WHERE name = ?1"),
            params![name],
            row_to_user,
        )
        .optional()
        .map_err(|e| self.sql(e))
    }

    /// The account `name` when `password` is its password and it is not disabled. Takes the
    /// same time for an unknown name as for a wrong password.
    pub fn check_password(&self, name: &str, password: &str) -> Result<Option<User>, StoreError> {
        let found: Option<(User, String)> = {
            let conn = self.lock();
            conn.query_row(
                &format!("SELECT {USER_COLUMNS}, password_hash FROM users WHERE name = ?1"),
                params![name],
                |r| Ok((row_to_user(r)?, r.get::<String>(USER_COLUMN_COUNT)?)),
            )
            .optional()
            .map_err(|e| self.sql(e))?
        };
        // A hash for unknown names, made once, so both paths do one Argon2 verification.
        static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let dummy = DUMMY.get_or_init(|| hash("no account has this password").unwrap_or_default());
        let stored = found.as_ref().map_or(dummy.as_str(), |(_, h)| h.as_str());
        let ok = PasswordHash::new(stored)
            .is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok());
        Ok(found.filter(|(u, _)| ok && !u.disabled).map(|(u, _)| u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::store::both::on_both_backends! {
    fn accounts_are_created_checked_changed_and_disabled_with_a_trail() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = crate::store::both::open(&dir.path().join("q.db")).expect("store");
        let units = vec!["so-tttt".to_owned()];
        let u = store
            .add_user("root", "lan.nt", Role::Officer, &units, "mật khẩu đủ dài 1")
            .expect("add");
        assert_eq!(u.units, units);
        assert!(matches!(
            store.add_user("root", "lan.nt", Role::Admin, &[], "another long password"),
            Err(UserError::Exists(_))
        ));
        assert!(matches!(
            store.add_user("root", "Lan NT", Role::Admin, &[], "another long password"),
            Err(UserError::BadName(_))
        ));
        assert!(matches!(
            store.add_user("root", "x", Role::Admin, &[], "short"),
            Err(UserError::ShortPassword)
        ));
        assert_eq!(
            store
                .check_password("lan.nt", "mật khẩu đủ dài 1")
                .expect("check")
                .map(|u| u.role),
            Some(Role::Officer)
        );
        assert_eq!(
            store
                .check_password("lan.nt", "mật khẩu đủ dài 2")
                .expect("check"),
            None
        );
        assert_eq!(
            store
                .check_password("nobody", "mật khẩu đủ dài 1")
                .expect("check"),
            None
        );
        store
            .set_password("root", "lan.nt", "một mật khẩu mới dài")
            .expect("passwd");
        assert_eq!(
            store
                .check_password("lan.nt", "mật khẩu đủ dài 1")
                .expect("check"),
            None
        );
        assert!(
            store
                .check_password("lan.nt", "một mật khẩu mới dài")
                .expect("check")
                .is_some()
        );
        store
            .disable_user("root", "lan.nt", "left the office")
            .expect("disable");
        assert_eq!(
            store
                .check_password("lan.nt", "một mật khẩu mới dài")
                .expect("check"),
            None
        );
        assert!(store.users().expect("list")[0].disabled);
        assert!(matches!(
            store.disable_user("root", "nobody", "x"),
            Err(UserError::NoSuchUser(_))
        ));
        // The hash is Argon2id, never the password.
        let conn = store.lock();
        let h: String = conn
            .query_row("SELECT password_hash FROM users", params![], |r| r.get(0))
            .expect("hash");
        assert!(h.starts_with("$argon2id$"), "{h}");
        drop(conn);
        let trail: Vec<String> = store
            .audit_entries(Some("user:lan.nt"))
            .expect("audit")
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(trail, ["user-add", "user-passwd", "user-disable"]);
        assert_eq!(store.audit_verify().expect("verify").first_bad, None);
    }
    }
}
