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
    let sql = |cond: &str| {
        format!(
            "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit {cond} ORDER BY seq"
        )
    };
    // Two statements, so that one message's trail is read through its index.
    match message {
        Some(id) => conn
            .prepare(&sql("WHERE message_id = ?1"))?
            .query_map(params![id], entry)?
            .collect(),
        None => conn.prepare(&sql(""))?.query_map([], entry)?.collect(),
    }
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
    let mut all_args = Vec::new();
    let one = if let Some(m) = message {
        all_args.push(rusqlite::types::Value::Text(m.to_owned()));
        "message_id = ?"
    } else {
        "1"
    };
    all_args.extend(args);
    let filter = |tail: &str| {
        format!(
            "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit
             WHERE {one}{cond} {tail}"
        )
    };
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

pub(super) fn verify(conn: &Connection) -> rusqlite::Result<AuditCheck> {
    // Streamed: the whole log is never held in memory.
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = String::new();
    let mut count = 0usize;
    let mut first_bad = None;
    while let Some(r) = rows.next()? {
        count += 1;
        if first_bad.is_some() {
            continue;
        }
        let seq: i64 = r.get(0)?;
        let text = |i: usize| r.get_ref(i).map(|v| v.as_str().unwrap_or_default());
        let hash = text(7)?;
        let good = seq == count as i64
            && text(6)? == prev
            && hash == entry_hash(&prev, seq, r.get(1)?, text(2)?, text(3)?, text(4)?, text(5)?);
        if good {
            prev.clear();
            prev.push_str(hash);
        } else {
            first_bad = Some(seq);
        }
    }
    Ok(AuditCheck {
        entries: count,
        first_bad,
    })
}
