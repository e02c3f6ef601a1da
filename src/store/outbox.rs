//! The durable outbox of alerts: written in the same transaction as the held message, sent by
//! the background sender, marked sent once the relay accepted it, retried with backoff.

use rusqlite::{Connection, params};
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
    conn: &Connection,
    message: &str,
    kind: &str,
    recipients: &[String],
    body: &[u8],
    at: i64,
) -> rusqlite::Result<()> {
    let rcpt = serde_json::to_string(recipients).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO outbox (message_id, kind, recipients, body, created_at, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![message, kind, rcpt, body, at],
    )?;
    Ok(())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxRow> {
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

pub(super) fn due(conn: &Connection, now: i64, limit: usize) -> rusqlite::Result<Vec<OutboxRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ?1 ORDER BY id LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![now, limit as i64], row)?;
    rows.collect()
}

pub(super) fn of_message(conn: &Connection, message: &str) -> rusqlite::Result<Vec<OutboxRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE message_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![message], row)?;
    rows.collect()
}

/// Marks an alert sent; false when it was marked already.
pub(super) fn sent(conn: &Connection, id: i64, now: i64) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE outbox SET sent_at = ?2, attempts = attempts + 1, last_error = '' WHERE id = ?1 AND sent_at IS NULL",
        params![id, now],
    )?;
    Ok(changed > 0)
}

pub(super) fn failed(conn: &Connection, id: i64, error: &str, now: i64, retry: u64) -> rusqlite::Result<()> {
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
