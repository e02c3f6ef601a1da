//! The append-only audit log: who did what to which message, when and why. Each entry carries
//! an HMAC-SHA-256 over its fields and the previous entry's MAC, keyed with a secret kept
//! outside the database ([`AuditKey`], `[audit] key_file`): whoever can write the database but
//! not read the key can neither change, insert nor remove an entry and recompute the chain.
//! Removing the newest entries leaves a shorter valid chain; anchors of the chain head (sent
//! to the officers and the log, recorded in `audit_anchors`) make that visible too.
//! `canhgac audit verify` says which entry breaks and why.

use super::hex;
use crate::sql::{Conn, DbError, OptionalExt, Row, Value, params};
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The secret the audit chain is keyed with (32 random bytes, hex in a private file).
pub struct AuditKey {
    key: Vec<u8>,
    /// The first 8 hex digits of the key's SHA-256: names the key in anchors and errors
    /// without revealing it.
    id: String,
    path: PathBuf,
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AuditKey({} from {})", self.id, self.path.display())
    }
}

impl AuditKey {
    /// Reads the key file, or creates it (0600, its directory 0700) with a fresh random key
    /// when it does not exist. An unreadable or malformed file is an error naming it.
    pub fn load_or_create(path: &Path) -> Result<AuditKey, String> {
        use std::io::Write;
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
        let err = |e: &dyn std::fmt::Display| format!("{}: audit key: {e}", path.display());
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::DirBuilder::new()
                        .recursive(true)
                        .mode(0o700)
                        .create(dir)
                        .map_err(|e| err(&e))?;
                }
                let mut key = [0u8; 32];
                std::fs::File::open("/dev/urandom")
                    .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut key))
                    .map_err(|e| err(&format!("no randomness: {e}")))?;
                let text = format!("{}\n", hex(&key));
                match std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(path)
                {
                    Ok(mut f) => {
                        f.set_permissions(std::fs::Permissions::from_mode(0o600))
                            .map_err(|e| err(&e))?;
                        f.write_all(text.as_bytes()).map_err(|e| err(&e))?;
                        f.sync_all().map_err(|e| err(&e))?;
                        tracing::info!(file = %path.display(), "audit: created a new audit key");
                        text
                    }
                    // Another process created it first: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        std::fs::read_to_string(path).map_err(|e| err(&e))?
                    }
                    Err(e) => return Err(err(&e)),
                }
            }
            Err(e) => return Err(err(&e)),
        };
        let t = text.trim();
        let key = unhex(t).filter(|k| k.len() >= 32).ok_or_else(|| {
            err(&"expected at least 64 hex digits (32 bytes) on one line; remove the file to have a new key made")
        })?;
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().mode() & 0o077 != 0
        {
            tracing::warn!(file = %path.display(), mode = format!("{:o}", meta.permissions().mode() & 0o777), "audit: the audit key is readable by others; make it 0600");
        }
        Ok(AuditKey {
            id: hex(&Sha256::digest(&key))[..8].to_owned(),
            key,
            path: path.to_owned(),
        })
    }

    /// A key from bytes (tests, and tools that check a copy of the chain).
    pub fn from_bytes(key: &[u8]) -> AuditKey {
        AuditKey {
            id: hex(&Sha256::digest(key))[..8].to_owned(),
            key: key.to_vec(),
            path: PathBuf::new(),
        }
    }

    /// The key's name: the first 8 hex digits of its SHA-256.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn mac(&self, prev: &str, seq: i64, at: i64, [actor, action, id, reason]: [&str; 4]) -> String {
        // HMAC accepts a key of any length; `new_from_slice` cannot fail for it.
        let Ok(mut m) = Hmac::<Sha256>::new_from_slice(&self.key) else {
            return String::new();
        };
        for part in [prev, &seq.to_string(), &at.to_string(), actor, action, id, reason] {
            m.update(&(part.len() as u64).to_be_bytes());
            m.update(part.as_bytes());
        }
        hex(&m.finalize().into_bytes())
    }
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

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
    /// The first entry that does not hold (None: the chain is intact). When entries were
    /// removed from the end, the first missing one.
    pub first_bad: Option<i64>,
    /// Why it does not hold, in words.
    pub why: Option<String>,
    /// The head of the chain: its last entry's number and MAC.
    pub head: Option<(i64, String)>,
    /// Anchors the chain was checked against.
    pub anchors_checked: usize,
    /// The key's name (first 8 hex digits of its SHA-256).
    pub key_id: String,
}

/// A recorded head of the chain: entry `seq` had this MAC at `at`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Anchor {
    pub seq: i64,
    pub mac: String,
    pub at: i64,
}

impl Anchor {
    /// `SEQ:MAC`, as anchors are written in mail and logs and given to `audit verify --anchor`.
    pub fn parse(s: &str) -> Option<Anchor> {
        let (seq, mac) = s.trim().split_once(':')?;
        let seq: i64 = seq.trim().parse().ok().filter(|n| *n > 0)?;
        let mac = mac.trim().to_ascii_lowercase();
        (mac.len() == 64 && mac.bytes().all(|b| b.is_ascii_hexdigit())).then_some(Anchor { seq, mac, at: 0 })
    }

    pub fn text(&self) -> String {
        format!("{}:{}", self.seq, self.mac)
    }
}

/// The unkeyed SHA-256 chain of stores written before the key (schema 3 and earlier); only
/// read, once, when such a store is sealed with its key.
fn legacy_hash(prev: &str, seq: i64, at: i64, actor: &str, action: &str, id: &str, reason: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), &at.to_string(), actor, action, id, reason] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

/// Seals an unkeyed chain with the key (inside the migration's transaction): checks the old
/// SHA-256 chain, recomputes every entry's MAC, and records what it found as an entry of its
/// own, so a chain already broken before the key came stays visibly so.
pub(super) fn seal_legacy(conn: &Conn, key: &AuditKey, at: i64) -> Result<(), DbError> {
    type Entry = (i64, i64, String, String, String, String, String, String);
    let rows: Vec<Entry> = conn.query_map(
        "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit ORDER BY seq",
        params![],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        },
    )?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut prev = String::new();
    let mut broken = None;
    for (i, (seq, at, actor, action, id, reason, prev_hash, hash)) in rows.iter().enumerate() {
        if broken.is_none()
            && (*seq != i as i64 + 1
                || *prev_hash != prev
                || *hash != legacy_hash(&prev, *seq, *at, actor, action, id, reason))
        {
            broken = Some(*seq);
        }
        prev.clone_from(hash);
    }
    let mut prev = String::new();
    for (seq, at, actor, action, id, reason, _, _) in &rows {
        let mac = key.mac(&prev, *seq, *at, [actor, action, id, reason]);
        conn.execute(
            "UPDATE audit SET prev_hash = ?2, hash = ?3 WHERE seq = ?1",
            params![seq, prev, mac],
        )?;
        prev = mac;
    }
    let what = match broken {
        None => format!(
            "{} earlier entries checked (unkeyed SHA-256 chain intact) and sealed with key {}",
            rows.len(),
            key.id()
        ),
        Some(seq) => format!(
            "{} earlier entries sealed with key {}; the unkeyed chain was already broken at entry {seq}",
            rows.len(),
            key.id()
        ),
    };
    if broken.is_some() {
        tracing::error!(what = %what, "audit: sealing the log with its key");
    }
    append(conn, key, at, "canhgac", "audit-sealed", "audit", &what).map(|_| ())
}

/// Appends an entry (inside the caller's transaction); returns its number.
pub(super) fn append(
    conn: &Conn,
    key: &AuditKey,
    at: i64,
    actor: &str,
    action: &str,
    id: &str,
    reason: &str,
) -> Result<i64, DbError> {
    // One head for every process sharing the database.
    conn.exclusive(crate::sql::Lock::AuditChain)?;
    let (seq, prev): (i64, String) = conn
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, String::new()));
    let seq = seq + 1;
    let hash = key.mac(&prev, seq, at, [actor, action, id, reason]);
    conn.execute(
        "INSERT INTO audit (seq, at, actor, action, message_id, reason, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![seq, at, actor, action, id, reason, prev, hash],
    )?;
    Ok(seq)
}

/// The chain's head now: its last entry's number and MAC.
pub(super) fn head(conn: &Conn) -> Result<Option<(i64, String)>, DbError> {
    conn.query_row(
        "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Records an anchor of the chain's head (inside the caller's transaction).
pub(super) fn record_anchor(conn: &Conn, a: &Anchor) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO audit_anchors (seq, mac, at) VALUES (?1, ?2, ?3)",
        params![a.seq, a.mac, a.at],
    )
    .map(|_| ())
}

/// The anchors recorded in the store, oldest first.
pub(super) fn anchors(conn: &Conn) -> Result<Vec<Anchor>, DbError> {
    conn.query_map(
        "SELECT seq, mac, at FROM audit_anchors ORDER BY id",
        params![],
        |r| {
            Ok(Anchor {
                seq: r.get(0)?,
                mac: r.get(1)?,
                at: r.get(2)?,
            })
        },
    )
}

pub(super) fn entries(conn: &Conn, message: Option<&str>) -> Result<Vec<AuditEntry>, DbError> {
    let sql = |cond: &str| {
        format!(
            "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit {cond} ORDER BY seq"
        )
    };
    // Two statements, so that one message's trail is read through its index.
    match message {
        Some(id) => conn.query_map(&sql("WHERE message_id = ?1"), params![id], entry),
        None => conn.query_map(&sql(""), params![], entry),
    }
}

/// Newest first: `limit` entries after skipping `offset`, and how many there are in all;
/// of one message, and/or of the messages of some units (`scope`).
pub(super) fn page(
    conn: &Conn,
    message: Option<&str>,
    scope: Option<&[String]>,
    offset: usize,
    limit: usize,
) -> Result<(Vec<AuditEntry>, usize), DbError> {
    let mut cond = String::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(units) = scope {
        let marks = vec!["?"; units.len().max(1)].join(", ");
        cond = format!(" AND message_id IN (SELECT message_id FROM message_units WHERE unit IN ({marks}))");
        args.extend(units.iter().map(|u| Value::Text(u.clone())));
        if units.is_empty() {
            args.push(Value::Null);
        }
    }
    let mut all_args = Vec::new();
    let one = if let Some(m) = message {
        all_args.push(Value::Text(m.to_owned()));
        "message_id = ?"
    } else {
        "1 = 1"
    };
    all_args.extend(args);
    let filter = |tail: &str| {
        format!(
            "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit
             WHERE {one}{cond} {tail}"
        )
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM ({}) AS page", filter("")),
        &all_args,
        |r| r.get(0),
    )?;
    let rows = conn.query_map(
        &filter(&format!("ORDER BY seq DESC LIMIT {limit} OFFSET {offset}")),
        &all_args,
        entry,
    )?;
    Ok((rows, total.max(0) as usize))
}

fn entry(r: &Row) -> Result<AuditEntry, DbError> {
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

/// Checks the chain entry by entry with the key, then against the anchors (those recorded in
/// the store and those given, e.g. from the officers' mailbox): an anchor past the end of the
/// chain means entries were removed from the end; one whose MAC differs, that the chain was
/// rewritten.
pub(super) fn verify(conn: &Conn, key: &AuditKey, given: &[Anchor]) -> Result<AuditCheck, DbError> {
    // Streamed: the whole log is never held in memory. MACs of anchored entries are kept.
    let mut all: Vec<Anchor> = anchors(conn)?;
    all.extend(given.iter().cloned());
    let wanted: std::collections::HashSet<i64> = all.iter().map(|a| a.seq).collect();
    let mut seen: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    let mut prev = String::new();
    let mut count = 0usize;
    let mut bad: Option<(i64, String)> = None;
    let mut head = None;
    let sql = "SELECT seq, at, actor, action, message_id, reason, prev_hash, hash FROM audit ORDER BY seq";
    conn.for_each(sql, params![], |r| {
        count += 1;
        let seq: i64 = r.get(0)?;
        let text = |i: usize| r.text(i);
        let hash = text(7);
        head = Some((seq, hash.to_owned()));
        if wanted.contains(&seq) {
            seen.insert(seq, hash.to_owned());
        }
        if bad.is_some() {
            return Ok(true);
        }
        let expected = count as i64;
        let why = if seq != expected {
            Some(if seq > expected {
                format!(
                    "entry {expected} is missing: the entry after {} is numbered {seq} (entries were removed)",
                    expected - 1
                )
            } else {
                format!("entry {seq} appears twice or out of order")
            })
        } else if text(6) != prev {
            Some(format!(
                "entry {seq} does not follow entry {}: its link to the previous MAC differs (an entry before it was changed, removed or inserted)",
                seq - 1
            ))
        } else if hash != key.mac(&prev, seq, r.get(1)?, [text(2), text(3), text(4), text(5)]) {
            Some(format!(
                "entry {seq} was changed: its MAC does not match its fields under key {} (edited, or written without the key)",
                key.id()
            ))
        } else {
            None
        };
        match why {
            Some(w) => bad = Some((seq.min(expected), w)),
            None => {
                prev.clear();
                prev.push_str(hash);
            }
        }
        Ok(true)
    })?;
    if bad.is_none() {
        let last = head.as_ref().map_or(0, |(s, _)| *s);
        for a in &all {
            let when = if a.at > 0 {
                " recorded in the store"
            } else {
                " given"
            };
            if a.seq > last {
                bad = Some((
                    last + 1,
                    format!(
                        "the chain ends at entry {last}, but the anchor{when} recorded entry {} (entries were removed from the end)",
                        a.seq
                    ),
                ));
                break;
            }
            if seen.get(&a.seq).is_some_and(|m| *m != a.mac) {
                bad = Some((
                    a.seq,
                    format!(
                        "entry {} differs from the anchor{when} (the chain was rewritten)",
                        a.seq
                    ),
                ));
                break;
            }
        }
    }
    let (first_bad, why) = match bad {
        Some((s, w)) => (Some(s), Some(w)),
        None => (None, None),
    };
    Ok(AuditCheck {
        entries: count,
        first_bad,
        why,
        head,
        anchors_checked: all.len(),
        key_id: key.id().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{SCHEMA, Store};

    fn store_with_entries(dir: &Path, n: usize) -> Store {
        let store = crate::store::both::open(&dir.join("q.db")).expect("open");
        for i in 0..n {
            store
                .audit(&format!("officer{i}"), "view", &format!("m{i}"), "looked")
                .expect("audit");
        }
        store
    }

    fn why(store: &Store, given: &[Anchor]) -> (Option<i64>, String) {
        let c = store.audit_verify_with(given).expect("verify");
        (c.first_bad, c.why.unwrap_or_default())
    }

    crate::store::both::on_both_backends! {
    /// Issue 15, item 6: whoever can write the database but not read the key cannot rewrite
    /// history: an edited row, a removed row, rows removed from the end (against an anchor), a
    /// chain recomputed without the key, all found, with the entry and the reason.
    fn a_keyed_chain_finds_every_kind_of_tampering() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = store_with_entries(dir.path(), 6);
        let c = store.audit_verify().expect("verify");
        assert_eq!((c.entries, c.first_bad), (6, None));
        let (seq, mac) = c.head.clone().expect("head");
        assert_eq!(seq, 6);
        let key_file = dir.path().join("audit.key");
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&key_file).expect("key").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "the key file is private");
        }
        let exec = |sql: &str| {
            store.lock().execute_batch(sql).expect("tamper");
        };
        let snapshot: Vec<(i64, String, String)> = store
            .lock()
            .query_map("SELECT seq, reason, hash FROM audit ORDER BY seq", params![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("rows");
        // An edited entry.
        exec("UPDATE audit SET reason = 'nothing to see' WHERE seq = 3");
        let (bad, w) = why(&store, &[]);
        assert_eq!(bad, Some(3));
        assert!(w.contains("entry 3 was changed"), "{w}");
        exec(&format!(
            "UPDATE audit SET reason = '{}' WHERE seq = 3",
            snapshot[2].1
        ));
        assert_eq!(why(&store, &[]).0, None, "restored");

        // The edit with every later MAC recomputed without the key (plain SHA-256, or a key of
        // the attacker's own): still found at the edited entry.
        for forger in [
            None,
            Some(AuditKey::from_bytes(b"a key the attacker made up, 32+ bytes")),
        ] {
            let rows: Vec<(i64, i64, String, String, String, String)> = store
                .lock()
                .query_map("SELECT seq, at, actor, action, message_id, reason FROM audit ORDER BY seq", params![], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                })
            .expect("rows");
            let mut prev = String::new();
            for (seq, at, actor, action, id, reason) in rows {
                let reason = if seq == 2 { "rewritten".to_owned() } else { reason };
                let h = match &forger {
                    None => legacy_hash(&prev, seq, at, &actor, &action, &id, &reason),
                    Some(k) => k.mac(&prev, seq, at, [&actor, &action, &id, &reason]),
                };
                store
                    .lock()
                    .execute(
                        "UPDATE audit SET reason = ?2, prev_hash = ?3, hash = ?4 WHERE seq = ?1",
                        params![seq, reason, prev, h],
                    )
                    .expect("forge");
                prev = h;
            }
            let (bad, w) = why(&store, &[]);
            assert_eq!(bad, Some(1), "forged with {forger:?}: {w}");
            assert!(w.contains("entry 1 was changed"), "{w}");
        }
        // Put the genuine rows back.
        let mut prev = String::new();
        for (seq, reason, hash) in &snapshot {
            store
                .lock()
                .execute(
                    "UPDATE audit SET reason = ?2, hash = ?3, prev_hash = ?4 WHERE seq = ?1",
                    params![seq, reason, hash, prev],
                )
                .expect("restore");
            prev.clone_from(hash);
        }
        assert_eq!(why(&store, &[]).0, None, "genuine again");

        // A removed entry in the middle.
        exec("DELETE FROM audit WHERE seq = 4");
        let (bad, w) = why(&store, &[]);
        assert_eq!(bad, Some(4));
        assert!(w.contains("entry 4 is missing"), "{w}");

        // The newest entries removed: an intact but shorter chain, found by the anchor the
        // officers were mailed (given) and by the one recorded in the store.
        exec("DELETE FROM audit WHERE seq >= 4");
        assert_eq!(
            why(&store, &[]).0,
            None,
            "a shorter chain is internally consistent"
        );
        let mailed = Anchor::parse(&format!("{seq}:{mac}")).expect("anchor");
        let (bad, w) = why(&store, &[mailed]);
        assert_eq!(bad, Some(4));
        assert!(
            w.contains("the chain ends at entry 3") && w.contains("recorded entry 6"),
            "{w}"
        );
        store.audit("o", "view", "m", "x").expect("append");
        store.audit("o", "view", "m", "x").expect("append");
        store.audit("o", "view", "m", "x").expect("append");
        let a = store.anchor_audit().expect("anchor").expect("new head");
        assert_eq!(a.seq, 6);
        assert!(
            store.anchor_audit().expect("anchor").is_none(),
            "same head, no new anchor"
        );
        exec("DELETE FROM audit WHERE seq = 6");
        let (bad, w) = why(&store, &[]);
        assert_eq!(bad, Some(6));
        assert!(w.contains("recorded in the store"), "{w}");
        // An anchor whose MAC differs from the entry: the chain was rewritten.
        store.audit("o", "view", "m", "y").expect("append");
        let (bad, w) = why(&store, &[]);
        assert_eq!(bad, Some(6), "{w}");
        assert!(w.contains("differs from the anchor"), "{w}");

        // The wrong key (another file): every entry fails from the first.
        drop(store);
        let other =
            crate::store::both::open_with_key(&dir.path().join("q.db"), &dir.path().join("other.key")).expect("open");
        let (bad, w) = why(&other, &[]);
        assert_eq!(bad, Some(1));
        assert!(w.contains("under key"), "{w}");
        assert!(Anchor::parse("6:xyz").is_none());
        assert!(Anchor::parse("0:".to_owned().as_str()).is_none());
    }
    }

    /// A store written before the key (schema 3, unkeyed SHA-256 chain) is sealed with the key
    /// when first opened, and the seal says whether the old chain was intact.
    #[test]
    fn an_unkeyed_chain_is_sealed_with_the_key_on_upgrade() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("q.db");
        for broken in [false, true] {
            let _ = std::fs::remove_file(&path);
            let conn = rusqlite::Connection::open(&path).expect("open");
            for sql in &SCHEMA[..3] {
                conn.execute_batch(sql).expect("schema");
            }
            conn.execute_batch("PRAGMA user_version = 3").expect("version");
            let mut prev = String::new();
            for seq in 1..=3i64 {
                let h = legacy_hash(&prev, seq, 100 + seq, "officer1", "view", "m", "r");
                let reason = if broken && seq == 2 { "edited" } else { "r" };
                conn.execute(
                    "INSERT INTO audit (seq, at, actor, action, message_id, reason, prev_hash, hash) VALUES (?1, ?2, 'officer1', 'view', 'm', ?3, ?4, ?5)",
                    rusqlite::params![seq, 100 + seq, reason, prev, h],
                )
                .expect("insert");
                prev = h;
            }
            drop(conn);
            let store = Store::open(&path).expect("upgrade");
            let c = store.audit_verify().expect("verify");
            assert_eq!((c.entries, c.first_bad), (4, None), "{:?}", c.why);
            let seal = store.audit_entries(Some("audit")).expect("entries");
            assert_eq!(seal.len(), 1);
            assert_eq!(seal[0].action, "audit-sealed");
            assert_eq!(
                seal[0].reason.contains("already broken at entry 2"),
                broken,
                "{}",
                seal[0].reason
            );
        }
    }
}
