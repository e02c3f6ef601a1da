//! Accounts of the review console: officers (optionally scoped to units), admins and auditors,
//! with Argon2id password hashes. Every change is written to the audit log with the account as
//! its subject (`user:NAME`).

use super::{Store, StoreError, audit, now};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::{OptionalExtension, params};
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

fn row_to_user(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(1)?;
    let units: String = r.get(2)?;
    Ok(User {
        name: r.get(0)?,
        // Only valid roles are ever written; an edited database reads as the weakest role.
        role: Role::parse(&role).unwrap_or(Role::Auditor),
        units: units
            .split(',')
            .filter(|u| !u.is_empty())
            .map(str::to_owned)
            .collect(),
        disabled: r.get::<_, i64>(3)? != 0,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

const USER_COLUMNS: &str = "name, role, units, disabled, created_at, updated_at";

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
        let mut conn = self.lock();
        let tx = conn.transaction().map_err(|e| self.sql(e))?;
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
            "INSERT INTO users (name, role, units, password_hash, disabled, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)",
            params![name, role.as_str(), units.join(","), hash, at],
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
        audit::append(&tx, at, actor, "user-add", &format!("user:{name}"), &what).map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(User {
            name: name.to_owned(),
            role,
            units: units.to_vec(),
            disabled: false,
            created_at: at,
            updated_at: at,
        })
    }

    /// Replaces an account's password.
    pub fn set_password(&self, actor: &str, name: &str, password: &str) -> Result<(), UserError> {
        let hash = hash(password)?;
        self.change_user(actor, name, "user-passwd", "password changed", |tx, at| {
            tx.execute(
                "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE name = ?1",
                params![name, hash, at],
            )
        })
    }

    /// Disables an account (it can no longer log in); the record and its trail stay.
    pub fn disable_user(&self, actor: &str, name: &str, reason: &str) -> Result<(), UserError> {
        self.change_user(actor, name, "user-disable", reason, |tx, at| {
            tx.execute(
                "UPDATE users SET disabled = 1, updated_at = ?2 WHERE name = ?1",
                params![name, at],
            )
        })
    }

    fn change_user(
        &self,
        actor: &str,
        name: &str,
        action: &str,
        reason: &str,
        update: impl FnOnce(&rusqlite::Transaction<'_>, i64) -> rusqlite::Result<usize>,
    ) -> Result<(), UserError> {
        let at = now();
        let mut conn = self.lock();
        let tx = conn.transaction().map_err(|e| self.sql(e))?;
        if update(&tx, at).map_err(|e| self.sql(e))? == 0 {
            return Err(UserError::NoSuchUser(name.to_owned()));
        }
        audit::append(&tx, at, actor, action, &format!("user:{name}"), reason).map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Every account, by name.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        let conn = self.lock();
        let mut stmt = conn
            .prepare(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY name"))
            .map_err(|e| self.sql(e))?;
        let rows = stmt.query_map([], row_to_user).map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
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
                |r| Ok((row_to_user(r)?, r.get::<_, String>(6)?)),
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

    #[test]
    fn accounts_are_created_checked_changed_and_disabled_with_a_trail() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("q.db")).expect("store");
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
            .query_row("SELECT password_hash FROM users", [], |r| r.get(0))
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
