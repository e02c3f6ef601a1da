//! The officers' word on held messages, spam or not spam, for the classifier: given in the
//! console (audited as `spam-feedback`), learned once by the gateway or by
//! `canhgac train --from-quarantine` (audited as `spam-learned`). Changing one's mind is a new
//! word: the message is learned again, as the other class.

use super::{Store, StoreError, audit, now};
use crate::sql::{DbError, OptionalExt, Row, params};

/// The word given on one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub message_id: String,
    pub spam: bool,
    pub given_by: String,
    pub given_at: i64,
    /// When the classifier learned it (None: not yet).
    pub learned_at: Option<i64>,
}

fn row(r: &Row) -> Result<Feedback, DbError> {
    Ok(Feedback {
        message_id: r.get(0)?,
        spam: r.get(1)?,
        given_by: r.get(2)?,
        given_at: r.get(3)?,
        learned_at: r.get(4)?,
    })
}

const COLUMNS: &str = "message_id, spam, given_by, given_at, learned_at";

fn label(spam: bool) -> &'static str {
    if spam { "spam" } else { "not spam" }
}

impl Store {
    /// Records an officer's word on a held message. The same word again changes nothing.
    pub fn give_feedback(&self, actor: &str, id: &str, spam: bool) -> Result<Feedback, StoreError> {
        self.get(id)?;
        let at = now();
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        let before: Option<Feedback> = tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM spam_feedback WHERE message_id = ?1"),
                params![id],
                row,
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        if let Some(b) = before.filter(|b| b.spam == spam) {
            return Ok(b);
        }
        tx.execute(
            "INSERT INTO spam_feedback (message_id, spam, given_by, given_at, learned_at)
             VALUES (?1, ?2, ?3, ?4, NULL)
             ON CONFLICT (message_id) DO UPDATE SET spam = excluded.spam, given_by = excluded.given_by,
               given_at = excluded.given_at, learned_at = NULL",
            params![id, spam, actor, at],
        )
        .map_err(|e| self.sql(e))?;
        audit::append(&tx, &self.key, at, actor, "spam-feedback", id, label(spam))
            .map_err(|e| self.sql(e))?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(Feedback {
            message_id: id.to_owned(),
            spam,
            given_by: actor.to_owned(),
            given_at: at,
            learned_at: None,
        })
    }

    /// The word given on a message, if any.
    pub fn feedback_of(&self, id: &str) -> Result<Option<Feedback>, StoreError> {
        self.read()
            .query_row(
                &format!("SELECT {COLUMNS} FROM spam_feedback WHERE message_id = ?1"),
                params![id],
                row,
            )
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// Every word given (`pending`: only those not learned yet), oldest first.
    pub fn feedback(&self, pending: bool) -> Result<Vec<Feedback>, StoreError> {
        let conn = self.read();
        let filter = if pending { "WHERE learned_at IS NULL" } else { "" };
        let rows = conn
            .query_map(
                &format!("SELECT {COLUMNS} FROM spam_feedback {filter} ORDER BY given_at, message_id"),
                params![],
                row,
            )
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// Records that the classifier learned a word (unless it changed meanwhile); audited with
    /// what the training did.
    pub fn feedback_learned(&self, actor: &str, f: &Feedback, what: &str) -> Result<(), StoreError> {
        let at = now();
        let conn = self.lock();
        let tx = conn.begin().map_err(|e| self.sql(e))?;
        let n = tx
            .execute(
                "UPDATE spam_feedback SET learned_at = ?3 WHERE message_id = ?1 AND spam = ?2",
                params![f.message_id, f.spam, at],
            )
            .map_err(|e| self.sql(e))?;
        if n > 0 {
            audit::append(
                &tx,
                &self.key,
                at,
                actor,
                "spam-learned",
                &f.message_id,
                &format!("{}: {what}", label(f.spam)),
            )
            .map_err(|e| self.sql(e))?;
        }
        tx.commit().map_err(|e| self.sql(e))
    }
}
