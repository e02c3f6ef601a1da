//! The allow and block lists as kept in the store: added and removed by admins (console or
//! CLI), every change in the audit trail as `list-add` / `list-remove` under `list:ID`. A
//! removed entry keeps its row with who removed it and when. The milter holds the lists in
//! memory ([`crate::policy::lists::Lists`]) and reloads them when [`Store::lists_generation`]
//! changes.

use super::{Store, StoreError, audit, now};
use crate::policy::lists::{ListEntry, ListField, ListKind};
use crate::sql::{DbError, OptionalExt, Row, params};

fn row_to_entry(r: &Row) -> Result<Option<ListEntry>, DbError> {
    let kind: String = r.get(1)?;
    let field: String = r.get(2)?;
    Ok(match (ListKind::parse(&kind), ListField::parse(&field)) {
        (Some(kind), Some(field)) => Some(ListEntry {
            id: r.get(0)?,
            kind,
            field,
            value: r.get(3)?,
            note: r.get(4)?,
            added_by: r.get(5)?,
            added_at: r.get(6)?,
        }),
        _ => None,
    })
}

impl Store {
    /// Adds an entry (`value` normalised for its field); refused with the reason when the
    /// value is not one of the field's, or the same entry is on the list already.
    pub fn list_add(
        &self,
        actor: &str,
        kind: ListKind,
        field: ListField,
        value: &str,
        note: &str,
    ) -> Result<ListEntry, StoreError> {
        let value = field.normalise(value).map_err(StoreError::Invalid)?;
        let note = note.trim();
        let at = now();
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT id FROM sender_lists WHERE kind = ?1 AND field = ?2 AND value = ?3 AND removed_at IS NULL",
                params![kind.as_str(), field.as_str(), value],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        if let Some(id) = exists {
            return Err(StoreError::Invalid(format!(
                "{} {} {value} is on the list already (entry {id})",
                kind.as_str(),
                field.as_str()
            )));
        }
        let id: i64 = tx
            .query_row(
                "INSERT INTO sender_lists (kind, field, value, note, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                params![kind.as_str(), field.as_str(), value, note, actor, at],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?;
        let entry = ListEntry {
            id,
            kind,
            field,
            value,
            note: note.to_owned(),
            added_by: actor.to_owned(),
            added_at: at,
        };
        let why = if note.is_empty() {
            entry.describe()
        } else {
            format!("{}: {note}", entry.describe())
        };
        audit::append(
            &tx,
            &self.key,
            at,
            actor,
            "list-add",
            &format!("list:{}", entry.id),
            &why,
        )
        .map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(entry)
    }

    /// Removes an entry (the row stays, dated); audited with the reason.
    pub fn list_remove(&self, actor: &str, id: i64, reason: &str) -> Result<ListEntry, StoreError> {
        let at = now();
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        let entry = tx
            .query_row(
                "SELECT id, kind, field, value, note, added_by, added_at FROM sender_lists WHERE id = ?1 AND removed_at IS NULL",
                params![id],
                row_to_entry,
            )
            .optional()
            .map_err(|e| self.sql(e))?
            .flatten()
            .ok_or_else(|| StoreError::NotFound(format!("list entry {id}")))?;
        tx.execute(
            "UPDATE sender_lists SET removed_by = ?2, removed_at = ?3 WHERE id = ?1",
            params![id, actor, at],
        )
        .map_err(|e| self.sql(e))?;
        let reason = reason.trim();
        let why = if reason.is_empty() {
            entry.describe()
        } else {
            format!("{}: {reason}", entry.describe())
        };
        audit::append(
            &tx,
            &self.key,
            at,
            actor,
            "list-remove",
            &format!("list:{id}"),
            &why,
        )
        .map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(entry)
    }

    /// The entries in force, oldest first.
    pub fn list_entries(&self) -> Result<Vec<ListEntry>, StoreError> {
        let conn = self.read();
        let rows = conn
            .query_map(
                "SELECT id, kind, field, value, note, added_by, added_at FROM sender_lists
                 WHERE removed_at IS NULL ORDER BY id",
                params![],
                row_to_entry,
            )
            .map_err(|e| self.sql(e))?;
        let all: Vec<Option<ListEntry>> = rows;
        Ok(all.into_iter().flatten().collect())
    }

    /// Changes whenever an entry is added or removed: the milter reloads the lists when it does.
    pub fn lists_generation(&self) -> Result<(i64, i64), StoreError> {
        self.read()
            .query_row(
                "SELECT coalesce(max(id), 0), count(removed_at) FROM sender_lists",
                params![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.sql(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::store::both::on_both_backends! {
    fn entries_are_added_refused_removed_and_audited() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&dir.path().join("q.db")).expect("store");
        let g0 = store.lists_generation().expect("generation");
        let e = store
            .list_add(
                "admin",
                ListKind::Block,
                ListField::Domain,
                " *.Spam.Example ",
                "loans",
            )
            .expect("added");
        assert_eq!(e.value, "spam.example");
        let dup = store
            .list_add("admin", ListKind::Block, ListField::Domain, "spam.example", "")
            .expect_err("duplicate");
        assert!(dup.to_string().contains("already"), "{dup}");
        let bad = store
            .list_add("admin", ListKind::Allow, ListField::Ip, "10.0.0.999", "")
            .expect_err("bad value");
        assert!(bad.to_string().contains("10.0.0.999"), "{bad}");
        let g1 = store.lists_generation().expect("generation");
        assert_ne!(g0, g1);
        assert_eq!(store.list_entries().expect("entries"), vec![e.clone()]);
        store.list_remove("admin2", e.id, "no longer").expect("removed");
        assert!(store.list_entries().expect("entries").is_empty());
        assert_ne!(store.lists_generation().expect("generation"), g1);
        assert!(matches!(
            store.list_remove("admin2", e.id, ""),
            Err(StoreError::NotFound(_))
        ));
        let trail = store
            .audit_entries(Some(&format!("list:{}", e.id)))
            .expect("audit");
        let actions: Vec<&str> = trail.iter().map(|a| a.action.as_str()).collect();
        assert_eq!(actions, ["list-add", "list-remove"]);
        assert!(trail[1].reason.contains("no longer"), "{:?}", trail[1]);
        assert_eq!(store.audit_verify().expect("verify").first_bad, None);
    }
    }

    /// Two handles on one SQLite file (the daemon and the console, or the CLI) adding and
    /// removing entries at once: each write waits for the other (its transaction takes the
    /// write lock first), none fails with "database is locked", and the audit chain holds.
    #[test]
    fn writers_on_two_handles_wait_for_each_other() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("q.db");
        let first = crate::store::Store::open(&path).expect("store");
        let second = crate::store::Store::open(&path).expect("second handle");
        std::thread::scope(|s| {
            for (n, store) in [(0, &first), (1, &second)] {
                s.spawn(move || {
                    for i in 0..150 {
                        let e = store
                            .list_add(
                                "admin",
                                ListKind::Block,
                                ListField::Domain,
                                &format!("h{n}-{i}.example"),
                                "",
                            )
                            .expect("added while the other handle writes");
                        store.list_remove("admin", e.id, "").expect("removed");
                    }
                });
            }
        });
        assert!(first.list_entries().expect("entries").is_empty());
        assert_eq!(first.audit_verify().expect("verify").first_bad, None);
    }
}
