//! The append-only audit log: who did what to which message, when and why. Each entry's hash
//! covers its fields and the previous entry's hash, so changing or removing an entry breaks the
//! chain from there on (`canhgac audit verify`).

use super::hex;
use rusqlite::{Connection, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One audit entry.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub message_id: String,
    pub reason: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditCheck {
    pub entries: usize,
    /// The first entry whose hash does not match (None: the chain is intact).
    pub first_bad: Option<i64>,
}

fn entry_hash(prev: &str, seq: i64, at: i64, actor: &str, action: &str, id: &str, reason: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), &at.to_string(), actor, action, id, reason] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

/// Appends an entry (inside the caller's transaction).
pub(super) fn append(
    conn: &Connection,
    at: i64,
    actor: &str,
    action: &str,
    id: &str,
    reason: &str,
) -> rusqlite::Result<()> {
    let (seq, prev): (i64, String) = conn
        .query_row("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap_or((0, String::new()));
    let seq = seq + 1;
    let hash = entry_hash(&prev, seq, at, actor, action, id, reason);
    conn.execute(
        "INSERT INTO audit (seq, at, actor, action, message_id, reason, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![seq, at, actor, action, id, reason, prev, hash],
    )?;
    Ok(())
}

pub(super) fn entries(conn: &Connection, message: Option<&str>) -> rusqlite::Result<Vec<AuditEntry>> {
    query(conn, message, "ORDER BY seq")
}

/// Newest first: `limit` entries after skipping `offset`, and how many there are in all;
/// of one message, and/or of the messages of some units (`scope`).
pub(super) fn page(
    conn: &Connection,
    message: Option<&str>,
    scope: Option<&[String]>,
    offset: usize,
    limit: usize,
) -> rusqlite::Result<(Vec<AuditEntry>, usize)> {
    let mut cond = String::new();
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(units) = scope {
        let marks = vec!["?"; units.len().max(1)].join(", ");
        cond = format!(" AND message_id IN (SELECT message_id FROM message_units WHERE unit IN ({marks}))");
        args.extend(units.iter().map(|u| rusqlite::types::Value::Text(u.clone())));
        if units.is_empty() {
            args.push(rusqlite::types::Value::Null);
        }
    }
    let filter = |tail: &str| {
        format!(
            "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit
             WHERE (?1 IS NULL OR message_id = ?1){cond} {tail}"
        )
    };
    let mut all_args = vec![message.map_or(rusqlite::types::Value::Null, |m| {
        rusqlite::types::Value::Text(m.to_owned())
    })];
    all_args.extend(args);
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM ({})", filter("")),
        rusqlite::params_from_iter(all_args.iter()),
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&filter(&format!(
        "ORDER BY seq DESC LIMIT {limit} OFFSET {offset}"
    )))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(all_args.iter()), entry)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total.max(0) as usize))
}

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        message_id: r.get(4)?,
        reason: r.get(5)?,
        prev_hash: r.get(6)?,
        hash: r.get(7)?,
    })
}

fn query(conn: &Connection, message: Option<&str>, tail: &str) -> rusqlite::Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit
         WHERE (?1 IS NULL OR message_id = ?1) {tail}"
    ))?;
    let rows = stmt.query_map(params![message], entry)?;
    rows.collect()
}

pub(super) fn verify(conn: &Connection) -> rusqlite::Result<AuditCheck> {
    let all = entries(conn, None)?;
    let mut prev = String::new();
    for (expected_seq, e) in (1i64..).zip(all.iter()) {
        let good = e.seq == expected_seq
            && e.prev_hash == prev
            && e.hash == entry_hash(&prev, e.seq, e.at, &e.actor, &e.action, &e.message_id, &e.reason);
        if !good {
            return Ok(AuditCheck {
                entries: all.len(),
                first_bad: Some(e.seq),
            });
        }
        prev = e.hash.clone();
    }
    Ok(AuditCheck {
        entries: all.len(),
        first_bad: None,
    })
}
