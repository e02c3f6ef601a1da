//! Copying a whole store to another database (`canhgac store migrate`): from the SQLite file
//! of one gateway to the PostgreSQL database several share (or back). Every table, row by row
//! (a held message's bytes are never all in memory with the others), in one transaction on the
//! target, which must be empty; then the target's audit chain is verified with the key and each
//! table's rows are counted on both sides.

use super::{Store, StoreError};
use crate::sql::{Backend, Conn, DbError, Value, params};

/// Every table of the store, parents before children. A unit test checks it against the
/// schema, so a table added later cannot be forgotten here.
pub const TABLES: &[&str] = &[
    "messages",
    "message_units",
    "audit",
    "audit_anchors",
    "outbox",
    "users",
    "sessions",
    "release_requests",
    "sender_lists",
    "spam_feedback",
    "traffic",
    "mailboxes",
];

/// What a migration copied.
#[derive(Debug, Clone, Default)]
pub struct Copied {
    /// Rows per table, in [`TABLES`] order.
    pub rows: Vec<(String, u64)>,
    /// The target's audit chain, verified after the copy.
    pub audit_entries: usize,
}

/// The columns of `table` on `conn`, in order.
fn columns(conn: &Conn, table: &str) -> Result<Vec<String>, DbError> {
    match conn.backend() {
        Backend::Sqlite => conn.query_map(
            "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
            params![table],
            |r| r.get(0),
        ),
        Backend::Postgres => conn.query_map(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position",
            params![table],
            |r| r.get(0),
        ),
    }
}

fn count(conn: &Conn, table: &str) -> Result<u64, DbError> {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| r.get(0))
}

impl Store {
    /// Copies everything in this store into `to`, which must hold nothing yet; verifies the
    /// audit chain there (same key) and the row counts.
    pub fn copy_into(&self, to: &Store) -> Result<Copied, StoreError> {
        let source = self.read();
        let target = to.lock();
        let tx = target.begin().map_err(|e| to.sql(e))?;
        for table in TABLES {
            let n = count(&tx, table).map_err(|e| to.sql(e))?;
            if n > 0 {
                return Err(StoreError::Invalid(format!(
                    "{}: the target is not empty ({n} rows in {table}): migrate into a new database",
                    to.path().display()
                )));
            }
        }
        let mut copied = Copied::default();
        for table in TABLES {
            // The target's columns, read from the source by name (SQLite's implicit rowid of
            // `messages` becomes PostgreSQL's explicit one).
            let mut cols = columns(&tx, table).map_err(|e| to.sql(e))?;
            let have = columns(&source, table).map_err(|e| self.sql(e))?;
            cols.retain(|c| have.contains(c) || (c == "rowid" && source.backend() == Backend::Sqlite));
            let list = cols
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let select = format!("SELECT {} FROM {table}", list.replace("\"rowid\"", "rowid"));
            let marks = (1..=cols.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let insert = format!("INSERT INTO {table} ({list}) VALUES ({marks})");
            let mut n = 0u64;
            let mut failed: Option<StoreError> = None;
            source
                .for_each(&select, params![], |row| {
                    let values: &[Value] = row.values();
                    if let Err(e) = tx.execute(&insert, values) {
                        failed = Some(to.sql(DbError::other(format!("{table}: {e}"))));
                        return Ok(false);
                    }
                    n += 1;
                    Ok(true)
                })
                .map_err(|e| self.sql(e))?;
            if let Some(e) = failed {
                return Err(e);
            }
            copied.rows.push(((*table).to_owned(), n));
        }
        if tx.backend() == Backend::Postgres {
            // Identity columns continue after the copied rows.
            for (table, col) in [
                ("messages", "rowid"),
                ("audit", "seq"),
                ("audit_anchors", "id"),
                ("outbox", "id"),
                ("release_requests", "id"),
                ("sender_lists", "id"),
            ] {
                tx.execute_batch(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', '{col}'), COALESCE((SELECT MAX({col}) FROM {table}), 0) + 1, false)"
                ))
                .map_err(|e| to.sql(e))?;
            }
        }
        tx.commit().map_err(|e| to.sql(e))?;
        drop(target);
        for (table, n) in &copied.rows {
            let there = count(&to.read(), table).map_err(|e| to.sql(e))?;
            if there != *n {
                return Err(StoreError::Invalid(format!(
                    "{table}: {n} rows copied but {there} in the target"
                )));
            }
        }
        let check = to.audit_verify()?;
        if let Some(bad) = check.first_bad {
            return Err(StoreError::Invalid(format!(
                "the copied audit chain does not verify at entry {bad}: {} (is the audit key the one of the source?)",
                check.why.unwrap_or_default()
            )));
        }
        copied.audit_entries = check.entries;
        Ok(copied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_copied() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("q.db")).expect("open");
        let mut tables: Vec<String> = store
            .lock()
            .query_map(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                params![],
                |r| r.get(0),
            )
            .expect("tables");
        tables.sort();
        let mut listed: Vec<String> = TABLES.iter().map(|t| (*t).to_owned()).collect();
        listed.sort();
        assert_eq!(tables, listed);
    }
}
