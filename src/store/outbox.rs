//! The durable outbox of alerts: written in the same transaction as the held message, sent by
//! the background sender, marked sent once the relay accepted it, retried with backoff.

use crate::sql::{Conn, DbError, Row, params};
use serde::Serialize;

/// One queued alert.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxRow {
    pub id: i64,
    pub message_id: String,
    pub kind: String,
    pub recipients: Vec<String>,
    #[serde(skip)]
    pub body: Vec<u8>,
    pub attempts: i64,
    pub sent_at: Option<i64>,
    pub last_error: String,
}

pub(super) fn enqueue(
    conn: &Conn,
    message: &str,
    kind: &str,
    recipients: &[String],
    body: &[u8],
    at: i64,
) -> Result<(), DbError> {
    let rcpt = serde_json::to_string(recipients).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO outbox (message_id, kind, recipients, body, created_at, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![message, kind, rcpt, body, at],
    )?;
    Ok(())
}

fn row(r: &Row) -> Result<OutboxRow, DbError> {
    let rcpt: String = r.get(3)?;
    Ok(OutboxRow {
        id: r.get(0)?,
        message_id: r.get(1)?,
        kind: r.get(2)?,
        recipients: serde_json::from_str(&rcpt).unwrap_or_default(),
        body: r.get(4)?,
        attempts: r.get(5)?,
        sent_at: r.get(6)?,
        last_error: r.get(7)?,
    })
}

const COLUMNS: &str = "id, message_id, kind, recipients, body, attempts, sent_at, last_error";

/// How long an alert taken for sending is left to its sender before another gateway may take
/// it (longer than a send's timeouts): a gateway that stops mid-send leaves it to the others.
pub(super) const LEASE_SECS: i64 = 600;

/// Takes the alerts due now, at most `limit`: each is leased to this sender (its next attempt
/// moved `LEASE_SECS` on) in one statement, so two gateways draining one outbox never take the
/// same alert. The condition is repeated outside the subquery: under PostgreSQL's row locks a
/// sender that waited on another re-checks the row as that one left it, and skips it.
pub(super) fn take_due(conn: &Conn, now: i64, limit: usize) -> Result<Vec<OutboxRow>, DbError> {
    let skip_locked = match conn.backend() {
        crate::sql::Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        crate::sql::Backend::Sqlite => "",
    };
    let mut rows = conn.query_map(
        &format!(
            "UPDATE outbox SET next_attempt_at = ?3
             WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2{skip_locked})
               AND sent_at IS NULL AND next_attempt_at <= ?1
             RETURNING {COLUMNS}"
        ),
        params![now, limit as i64, now + LEASE_SECS],
        row,
    )?;
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

pub(super) fn of_message(conn: &Conn, message: &str) -> Result<Vec<OutboxRow>, DbError> {
    conn.query_map(
        &format!("SELECT {COLUMNS} FROM outbox WHERE message_id = ?1 ORDER BY id"),
        params![message],
        row,
    )
}

/// Marks an alert sent; false when it was marked already.
pub(super) fn sent(conn: &Conn, id: i64, now: i64) -> Result<bool, DbError> {
    let changed = conn.execute(
        "UPDATE outbox SET sent_at = ?2, attempts = attempts + 1, last_error = '' WHERE id = ?1 AND sent_at IS NULL",
        params![id, now],
    )?;
    Ok(changed > 0)
}

pub(super) fn failed(conn: &Conn, id: i64, error: &str, now: i64, retry: u64) -> Result<(), DbError> {
    let attempts: i64 = conn.query_row("SELECT attempts FROM outbox WHERE id = ?1", params![id], |r| {
        r.get(0)
    })?;
    let wait = ((retry.clamp(1, 3600) as i64) << attempts.clamp(0, 12)).min(3600);
    conn.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
        params![id, error, now + wait],
    )?;
    Ok(())
}
