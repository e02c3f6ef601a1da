//! What the review console asks of the store: why a message was held, the units it concerns,
//! the filtered and sorted quarantine list, the dashboard's counts, and four-eyes release
//! requests (one officer asks, another approves) for messages held for a state-secret marking.

use super::users::{USER_COLUMNS, row_to_user};
use super::{Record, Role, Status, Store, StoreError, User, audit, now};
use crate::sql::Value;
use crate::sql::{Conn, DbError, OptionalExt, Row, params};
use crate::verdict::Verdict;
use serde::Serialize;

/// The hold reasons, in the order the console lists them.
pub const REASONS: [&str; 5] = ["marking", "virus", "unscannable", "spam", "other"];

/// Why a message is held, from its verdict: a state-secret marking, malware (clamd or a YARA
/// rule), content that could not be scanned, or the spam score.
pub fn hold_reason(v: &Verdict) -> &'static str {
    let has = |pred: &dyn Fn(&str) -> bool| v.findings.iter().any(|f| pred(&f.symbol));
    if v.level.is_some() {
        "marking"
    } else if has(&|s| s == "VIRUS_FOUND" || s.starts_with("YARA_")) {
        "virus"
    } else if has(&|s| {
        s.contains("UNSCANNABLE")
            || s.starts_with("SCAN_")
            || s == "VIRUS_SCAN_FAIL"
            || s.starts_with("ARCHIVE_")
    }) {
        "unscannable"
    } else if v.score > 0.0 {
        "spam"
    } else {
        "other"
    }
}

/// Column the quarantine list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Received,
    Sender,
    Subject,
    Size,
    Score,
    Status,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "received" => Sort::Received,
            "sender" => Sort::Sender,
            "subject" => Sort::Subject,
            "size" => Sort::Size,
            "score" => Sort::Score,
            "status" => Sort::Status,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Received => "received",
            Sort::Sender => "sender",
            Sort::Subject => "subject",
            Sort::Size => "size",
            Sort::Score => "score",
            Sort::Status => "status",
        }
    }

    fn column(self) -> &'static str {
        match self {
            Sort::Received => "received_at",
            Sort::Sender => "mail_from",
            Sort::Subject => "subject",
            Sort::Size => "size",
            Sort::Score => "score",
            Sort::Status => "status",
        }
    }
}

/// A quarantine list query. Unset fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<Status>,
    pub reason: Option<String>,
    pub level: Option<String>,
    pub unit: Option<String>,
    /// Received at or after (Unix seconds).
    pub since: Option<i64>,
    /// Received before (Unix seconds).
    pub until: Option<i64>,
    /// Words looked for in the sender, recipients, From and subject.
    pub search: String,
    pub sort: Sort,
    pub ascending: bool,
    /// From 1.
    pub page: usize,
    pub per_page: usize,
    /// The units the reader may see (None: all).
    pub scope: Option<Vec<String>>,
}

/// One page of the list and how many records match in all.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub rows: Vec<Record>,
    pub total: usize,
}

/// The dashboard's figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// (day as YYYY-MM-DD in Vietnam time, held that day), oldest first, every day of the window.
    pub by_day: Vec<(String, u64)>,
    /// (reason, count) in the window, in the order of [`REASONS`].
    pub by_reason: Vec<(String, u64)>,
    /// (marking level, count) in the window.
    pub by_level: Vec<(String, u64)>,
    /// (unit, count) in the window, most first, at most 12.
    pub by_unit: Vec<(String, u64)>,
    /// Still held, awaiting a decision (all time).
    pub held: u64,
    /// Release requests awaiting a second officer.
    pub pending_releases: Vec<ReleaseRequest>,
}

/// A four-eyes release request.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReleaseRequest {
    pub id: i64,
    pub message_id: String,
    pub requested_by: String,
    pub requested_at: i64,
    pub reason: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
    /// None: waiting; `approved`, `released`, `cancelled`.
    pub outcome: Option<String>,
    /// The audit entry of the request: accounts created after it cannot approve it.
    pub request_seq: i64,
}

/// Where a release of a marked message stands after an officer asked for it.
#[derive(Debug, Clone, PartialEq)]
pub enum FourEyes {
    /// Not held for a marking: one officer releases.
    NotNeeded,
    /// This officer's request is recorded; another officer must approve it.
    Requested(ReleaseRequest),
    /// Approved by a second officer: the release may go ahead.
    Approved(ReleaseRequest),
}

const REQUEST_COLUMNS: &str =
    "id, message_id, requested_by, requested_at, reason, decided_by, decided_at, outcome, request_seq";

fn request(r: &Row) -> Result<ReleaseRequest, DbError> {
    Ok(ReleaseRequest {
        id: r.get(0)?,
        message_id: r.get(1)?,
        requested_by: r.get(2)?,
        requested_at: r.get(3)?,
        reason: r.get(4)?,
        decided_by: r.get(5)?,
        decided_at: r.get(6)?,
        outcome: r.get(7)?,
        request_seq: r.get(8)?,
    })
}

/// Vietnam is UTC+7 all year.
const VIETNAM_OFFSET: i64 = 7 * 3600;

/// `YYYY-MM-DD` of a day number (days since 1970-01-01).
pub fn day_string(day: i64) -> String {
    let (y, m, d, ..) = crate::time::vietnam_civil(day * 86_400 - VIETNAM_OFFSET);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Unix seconds at the start of a `YYYY-MM-DD` day in Vietnam time.
pub fn parse_day(s: &str) -> Option<i64> {
    let mut it = s.trim().splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (yy, mm) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * mm + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    (day_string(days) == s.trim()).then_some(days * 86_400 - VIETNAM_OFFSET)
}

/// The SQL condition limiting rows to some units (`m` is the messages table).
fn scope_clause(scope: &Option<Vec<String>>, sql: &mut String, args: &mut Vec<Value>) {
    if let Some(units) = scope {
        if units.is_empty() {
            sql.push_str(" AND 0");
            return;
        }
        let marks = vec!["?"; units.len()].join(", ");
        // Driven from the units' own index: a unit's messages are found without scanning all.
        sql.push_str(&format!(
            " AND m.id IN (SELECT message_id FROM message_units WHERE unit IN ({marks}))"
        ));
        args.extend(units.iter().map(|u| Value::Text(u.clone())));
    }
}

fn like_pattern(words: &str) -> String {
    let escaped: String = words
        .trim()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

impl Store {
    /// One page of held messages matching a filter, and the number matching in all.
    pub fn query(&self, f: &Filter) -> Result<Page, StoreError> {
        let mut sql = String::from(" FROM messages m WHERE 1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(s) = f.status {
            sql.push_str(" AND m.status = ?");
            args.push(Value::Text(s.as_str().to_owned()));
        }
        if let Some(r) = &f.reason {
            sql.push_str(" AND m.reason = ?");
            args.push(Value::Text(r.clone()));
        }
        if let Some(l) = &f.level {
            sql.push_str(" AND m.level = ?");
            args.push(Value::Text(l.clone()));
        }
        if let Some(u) = &f.unit {
            sql.push_str(" AND m.id IN (SELECT message_id FROM message_units WHERE unit = ?)");
            args.push(Value::Text(u.clone()));
        }
        if let Some(t) = f.since {
            sql.push_str(" AND m.received_at >= ?");
            args.push(Value::Int(t));
        }
        if let Some(t) = f.until {
            sql.push_str(" AND m.received_at < ?");
            args.push(Value::Int(t));
        }
        if !f.search.trim().is_empty() {
            sql.push_str(
                " AND (m.mail_from LIKE ? ESCAPE '\\' OR m.rcpt_to LIKE ? ESCAPE '\\' OR m.header_from LIKE ? ESCAPE '\\' OR m.subject LIKE ? ESCAPE '\\' OR m.id = ?)",
            );
            let pattern = like_pattern(&f.search);
            args.extend(std::iter::repeat_n(Value::Text(pattern), 4));
            args.push(Value::Text(f.search.trim().to_uppercase()));
        }
        scope_clause(&f.scope, &mut sql, &mut args);
        let conn = self.read();
        let total: i64 = conn
            .query_row(&format!("SELECT count(*){sql}"), &args, |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        let per_page = f.per_page.clamp(1, 500);
        let offset = f.page.max(1).saturating_sub(1).saturating_mul(per_page);
        let order = if f.ascending { "ASC" } else { "DESC" };
        // Ties in the sort column go newest first (by arrival), so pages never overlap.
        let tie = match f.sort {
            Sort::Received => String::new(),
            _ => format!(", m.received_at {order}"),
        };
        let list = format!(
            "SELECT {}{sql} ORDER BY m.{} {order}{tie}, m.rowid {order} LIMIT {per_page} OFFSET {offset}",
            Self::COLUMNS.replace("raw IS NOT NULL", "m.raw IS NOT NULL"),
            f.sort.column(),
        );
        let rows = conn
            .query_map(&list, &args, Self::record)
            .map_err(|e| self.sql(e))?;
        Ok(Page {
            rows,
            total: total.max(0) as usize,
        })
    }

    /// The marking levels of held messages (for the list's filter).
    pub fn levels(&self) -> Result<Vec<String>, StoreError> {
        let conn = self.read();
        let rows = conn
            .query_map(
                "SELECT DISTINCT level FROM messages WHERE level IS NOT NULL ORDER BY level",
                params![],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// The units a held message concerns.
    pub fn units_of(&self, id: &str) -> Result<Vec<String>, StoreError> {
        let conn = self.lock();
        let rows = conn
            .query_map(
                "SELECT unit FROM message_units WHERE message_id = ?1 ORDER BY unit",
                params![id],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// Whether a reader limited to `scope` (None: all units) may see a message.
    pub fn in_scope(&self, id: &str, scope: Option<&[String]>) -> Result<bool, StoreError> {
        let Some(units) = scope else {
            return Ok(true);
        };
        Ok(self.units_of(id)?.iter().any(|u| units.contains(u)))
    }

    /// The dashboard's figures over the last `days` days (Vietnam time), for a reader limited to
    /// `scope`. Two index scans: messages by (received_at, reason, level), units by
    /// (received_at, unit).
    pub fn stats(&self, scope: &Option<Vec<String>>, days: i64) -> Result<Stats, StoreError> {
        let today = (now() + VIETNAM_OFFSET).div_euclid(86_400);
        let first = today - days.max(1) + 1;
        let since = first * 86_400 - VIETNAM_OFFSET;
        let mut stats = Stats::default();
        let conn = self.read();
        let rows = |sql: &str, args: &[Value]| -> Result<Vec<Vec<Value>>, StoreError> {
            conn.query_map(sql, args, |r| Ok(r.values().to_vec()))
                .map_err(|e| self.sql(e))
        };
        let int = |v: &Value| match v {
            Value::Int(i) => *i,
            _ => 0,
        };
        let text = |v: &Value| match v {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        };
        // Per day, reason and level at once.
        let mut sql = format!(
            "SELECT (m.received_at + {VIETNAM_OFFSET}) / 86400, m.reason, m.level, count(*) FROM messages m WHERE m.received_at >= ?"
        );
        let mut args = vec![Value::Int(since)];
        scope_clause(scope, &mut sql, &mut args);
        sql.push_str(" GROUP BY 1, 2, 3");
        let grouped = rows(&sql, &args)?;
        let count_where = |pred: &dyn Fn(&[Value]) -> bool| -> u64 {
            grouped
                .iter()
                .filter(|r| pred(r))
                .map(|r| int(&r[3]).max(0) as u64)
                .sum()
        };
        stats.by_day = (first..=today)
            .map(|d| (day_string(d), count_where(&|r| int(&r[0]) == d)))
            .collect();
        stats.by_reason = REASONS
            .iter()
            .map(|reason| {
                let n = count_where(&|r| text(&r[1]).as_deref() == Some(reason));
                ((*reason).to_owned(), n)
            })
            .collect();
        let mut levels: Vec<String> = grouped.iter().filter_map(|r| text(&r[2])).collect();
        levels.sort();
        levels.dedup();
        stats.by_level = levels
            .into_iter()
            .map(|l| {
                let n = count_where(&|r| text(&r[2]).as_deref() == Some(l.as_str()));
                (l, n)
            })
            .collect();
        stats.by_level.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // Still held (all time).
        let mut sql = String::from("SELECT count(*) FROM messages m WHERE m.status = 'held'");
        let mut args = Vec::new();
        scope_clause(scope, &mut sql, &mut args);
        stats.held = rows(&sql, &args)?.first().map_or(0, |r| int(&r[0]).max(0) as u64);
        // By unit: every unit the reader may see.
        let mut sql = String::from("SELECT unit, count(*) FROM message_units WHERE received_at >= ?");
        let mut args = vec![Value::Int(since)];
        if let Some(units) = scope {
            let marks = vec!["?"; units.len().max(1)].join(", ");
            sql.push_str(&format!(" AND unit IN ({marks})"));
            if units.is_empty() {
                args.push(Value::Null);
            }
            args.extend(units.iter().map(|u| Value::Text(u.clone())));
        }
        sql.push_str(" GROUP BY unit ORDER BY 2 DESC, 1 LIMIT 12");
        stats.by_unit = rows(&sql, &args)?
            .iter()
            .filter_map(|r| Some((text(&r[0])?, int(&r[1]).max(0) as u64)))
            .collect();
        // Pending four-eyes requests.
        let mut sql = format!(
            "SELECT {REQUEST_COLUMNS} FROM release_requests r WHERE r.outcome IS NULL AND EXISTS (SELECT 1 FROM messages m WHERE m.id = r.message_id"
        );
        let mut args = Vec::new();
        scope_clause(scope, &mut sql, &mut args);
        sql.push_str(") ORDER BY r.requested_at");
        stats.pending_releases = conn.query_map(&sql, &args, request).map_err(|e| self.sql(e))?;
        Ok(stats)
    }

    /// A message's release requests, oldest first.
    pub fn release_requests(&self, id: &str) -> Result<Vec<ReleaseRequest>, StoreError> {
        let conn = self.lock();
        let rows = conn
            .query_map(
                &format!("SELECT {REQUEST_COLUMNS} FROM release_requests WHERE message_id = ?1 ORDER BY id"),
                params![id],
                request,
            )
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// The four-eyes step of releasing a message (audited): for a message held for a marking,
    /// the first officer's call records a request; a different officer's call approves it; the
    /// requester cannot approve their own request. Other messages need no second officer.
    pub fn release_step(&self, id: &str, actor: &str, reason: &str) -> Result<FourEyes, StoreError> {
        let r = self.get(id)?;
        if matches!(r.status, Status::Released | Status::Deleted | Status::Releasing) {
            return Err(StoreError::State {
                id: id.to_owned(),
                status: r.status.as_str().to_owned(),
                why: "it cannot be released".to_owned(),
            });
        }
        if r.reason != "marking" {
            return Ok(FourEyes::NotNeeded);
        }
        let conn = self.lock();
        let tx = self.write_tx(&conn)?;
        let current: Option<ReleaseRequest> = tx
            .query_row(
                &format!(
                    "SELECT {REQUEST_COLUMNS} FROM release_requests WHERE message_id = ?1 AND (outcome IS NULL OR outcome = 'approved') ORDER BY id DESC LIMIT 1"
                ),
                params![id],
                request,
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        let at = now();
        let refuse = |status: &str, why: String| StoreError::State {
            id: id.to_owned(),
            status: status.to_owned(),
            why,
        };
        let account = |name: &str| -> Result<Option<User>, StoreError> {
            tx.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE name = ?1"),
                params![name],
                row_to_user,
            )
            .optional()
            .map_err(|e| self.sql(e))
        };
        let acting = |u: &Option<User>| {
            u.as_ref()
                .filter(|u| !u.disabled && matches!(u.role, Role::Officer | Role::Admin))
                .cloned()
        };
        let Some(me) = acting(&account(actor)?) else {
            return Err(refuse(
                "held for a state-secret marking",
                format!(
                    "{actor} is not an enabled officer or admin account: a marked message is released by two console accounts, each logged in (the CLI asks for the account's password with --user)"
                ),
            ));
        };
        let current = match current {
            // A request by a name that is no account (made before accounts were required, or
            // since disabled) cannot be approved: it is cancelled and this call asks anew.
            Some(req) if req.outcome.is_none() && acting(&account(&req.requested_by)?).is_none() => {
                tx.execute(
                    "UPDATE release_requests SET outcome = 'cancelled', decided_at = ?2 WHERE id = ?1",
                    params![req.id, at],
                )
                .map_err(|e| self.sql(e))?;
                audit::append(
                    &tx,
                    &self.key,
                    at,
                    actor,
                    "release-cancel",
                    id,
                    &format!("request {} by {} (no enabled account)", req.id, req.requested_by),
                )
                .map_err(|e| self.sql(e))?;
                None
            }
            other => other,
        };
        let step = match current {
            // Approved earlier and the relay failed then: the release may be tried again.
            Some(req) if req.outcome.is_some() => FourEyes::Approved(req),
            Some(req) => {
                let requester = account(&req.requested_by)?
                    .ok_or_else(|| StoreError::NotFound(req.requested_by.clone()))?;
                let why = if req.requested_by == actor {
                    Some(format!(
                        "{actor} requested this release; another officer must approve it"
                    ))
                } else if req.request_seq > 0 && me.created_seq > req.request_seq {
                    Some(format!(
                        "the account {actor} was created after the request was made"
                    ))
                } else if requester.set_up_by(actor) {
                    Some(format!(
                        "{actor} created the account {} or set its password",
                        req.requested_by
                    ))
                } else if me.set_up_by(&req.requested_by) {
                    Some(format!(
                        "{} created the account {actor} or set its password",
                        req.requested_by
                    ))
                } else {
                    None
                };
                if let Some(why) = why {
                    return Err(refuse(
                        "awaiting a second officer",
                        format!("{why} (four-eyes rule: two different people, see README)"),
                    ));
                }
                let mut req = req;
                tx.execute(
                    "UPDATE release_requests SET decided_by = ?2, decided_at = ?3, outcome = 'approved' WHERE id = ?1",
                    params![req.id, actor, at],
                )
                .map_err(|e| self.sql(e))?;
                audit::append(
                    &tx,
                    &self.key,
                    at,
                    actor,
                    "release-approve",
                    id,
                    &format!("request {} by {}: {reason}", req.id, req.requested_by),
                )
                .map_err(|e| self.sql(e))?;
                req.decided_by = Some(actor.to_owned());
                req.decided_at = Some(at);
                req.outcome = Some("approved".to_owned());
                FourEyes::Approved(req)
            }
            None => {
                let seq = audit::append(&tx, &self.key, at, actor, "release-request", id, reason)
                    .map_err(|e| self.sql(e))?;
                let req_id: i64 = tx
                    .query_row(
                    "INSERT INTO release_requests (message_id, requested_by, requested_at, reason, request_seq) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                    params![id, actor, at, reason, seq],
                    |r| r.get(0),
                )
                .map_err(|e| self.sql(e))?;
                FourEyes::Requested(ReleaseRequest {
                    id: req_id,
                    message_id: id.to_owned(),
                    requested_by: actor.to_owned(),
                    requested_at: at,
                    reason: reason.to_owned(),
                    decided_by: None,
                    decided_at: None,
                    outcome: None,
                    request_seq: seq,
                })
            }
        };
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(step)
    }
}

/// Closes a message's open release requests when its status changes (inside the caller's
/// transaction): released ones become `released`, others `cancelled`.
pub(super) fn close_requests(tx: &Conn, id: &str, to: Status, at: i64) -> Result<(), DbError> {
    match to {
        Status::Released => tx.execute(
            "UPDATE release_requests SET outcome = 'released', decided_at = coalesce(decided_at, ?2) WHERE message_id = ?1 AND (outcome IS NULL OR outcome = 'approved')",
            params![id, at],
        ),
        Status::Deleted | Status::Confirmed => tx.execute(
            "UPDATE release_requests SET outcome = 'cancelled', decided_at = ?2 WHERE message_id = ?1 AND (outcome IS NULL OR outcome = 'approved')",
            params![id, at],
        ),
        Status::Held | Status::Releasing | Status::FalsePositive => Ok(0),
    }
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Envelope;
    use crate::store::Hold;
    use crate::verdict::Action;
    use crate::verdict::Finding;

    fn hold(
        store: &Store,
        from: &str,
        subject: &str,
        level: Option<&str>,
        symbol: &str,
        units: &[&str],
    ) -> String {
        let env = Envelope {
            mail_from: from.to_owned(),
            rcpt_to: vec!["ubnd@lamdong.gov.vn".to_owned()],
            ..Envelope::default()
        };
        let v = Verdict {
            reason: String::new(),
            action: Action::Quarantine,
            dry_run_action: None,
            score: if level.is_some() { 0.0 } else { 9.0 },
            reply: None,
            level: level.map(str::to_owned),
            findings: vec![Finding::new(symbol, "d", "message")],
        };
        let h = Hold {
            envelope: &env,
            raw: b"Subject: x\r\n\r\nx\r\n",
            verdict: &v,
            internal_sender: true,
            header_from: from.to_owned(),
            subject: subject.to_owned(),
            units: units.iter().map(|u| (*u).to_owned()).collect(),
            described: None,
            authentication: None,
        };
        store.hold(&h, &[]).expect("hold")
    }

    crate::store::both::on_both_backends! {
    fn list_filters_sorts_pages_and_scopes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&dir.path().join("q.db")).expect("open");
        let a = hold(
            &store,
            "a@snv.lamdong.gov.vn",
            "Báo cáo mật",
            Some("MẬT"),
            "MARKING_MAT",
            &["snv"],
        );
        let b = hold(
            &store,
            "b@stc.lamdong.gov.vn",
            "Tờ trình 50%",
            Some("TỐI MẬT"),
            "MARKING_TOI_MAT",
            &["stc"],
        );
        let c = hold(
            &store,
            "x@spam.example",
            "Win money",
            None,
            "BAYES_SPAM_99",
            &["spam.example"],
        );
        let v = hold(&store, "y@evil.example", "Invoice", None, "VIRUS_FOUND", &["snv"]);
        let all = |f: Filter| {
            let p = store.query(&Filter { per_page: 10, ..f }).expect("query");
            (p.total, p.rows.into_iter().map(|r| r.id).collect::<Vec<_>>())
        };
        assert_eq!(all(Filter::default()).0, 4);
        assert_eq!(
            all(Filter {
                reason: Some("marking".into()),
                ..Filter::default()
            })
            .0,
            2
        );
        assert_eq!(
            all(Filter {
                reason: Some("virus".into()),
                ..Filter::default()
            })
            .1,
            vec![v.clone()]
        );
        assert_eq!(
            all(Filter {
                reason: Some("spam".into()),
                ..Filter::default()
            })
            .1,
            vec![c.clone()]
        );
        assert_eq!(
            all(Filter {
                level: Some("TỐI MẬT".into()),
                ..Filter::default()
            })
            .1,
            vec![b.clone()]
        );
        assert_eq!(
            all(Filter {
                unit: Some("snv".into()),
                ..Filter::default()
            })
            .0,
            2
        );
        // Search is literal: % is not a wildcard.
        assert_eq!(
            all(Filter {
                search: "50%".into(),
                ..Filter::default()
            })
            .1,
            vec![b.clone()]
        );
        assert_eq!(
            all(Filter {
                search: "5%".into(),
                ..Filter::default()
            })
            .0,
            0
        );
        assert_eq!(
            all(Filter {
                search: "spam.example".into(),
                ..Filter::default()
            })
            .1,
            vec![c.clone()]
        );
        assert_eq!(
            all(Filter {
                search: a.to_lowercase(),
                ..Filter::default()
            })
            .1,
            vec![a.clone()]
        );
        // Sorted by sender, ascending; one per page.
        let p = store
            .query(&Filter {
                sort: Sort::Sender,
                ascending: true,
                per_page: 1,
                page: 2,
                ..Filter::default()
            })
            .expect("page 2");
        assert_eq!((p.total, p.rows[0].id.clone()), (4, b.clone()));
        // A scoped reader sees its units only, and so do its statistics.
        let scope = Some(vec!["snv".to_owned()]);
        let (n, ids) = all(Filter {
            scope: scope.clone(),
            ..Filter::default()
        });
        assert_eq!(n, 2);
        assert!(ids.contains(&a) && ids.contains(&v));
        assert!(store.in_scope(&a, scope.as_deref()).expect("scope"));
        assert!(!store.in_scope(&b, scope.as_deref()).expect("scope"));
        let stats = store.stats(&scope, 7).expect("stats");
        assert_eq!(stats.held, 2);
        assert_eq!(stats.by_day.len(), 7);
        assert_eq!(stats.by_day.iter().map(|d| d.1).sum::<u64>(), 2);
        assert_eq!(stats.by_unit, vec![("snv".to_owned(), 2)]);
        let everything = store.stats(&None, 30).expect("stats");
        assert_eq!(
            everything.by_reason.iter().map(|r| r.1).collect::<Vec<_>>(),
            vec![2, 1, 0, 1, 0]
        );
        assert_eq!(
            store.levels().expect("levels"),
            vec!["MẬT".to_owned(), "TỐI MẬT".to_owned()]
        );
    }
    }

    crate::store::both::on_both_backends! {
    fn marked_messages_need_two_officers_to_release() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&dir.path().join("q.db")).expect("open");
        for o in ["o1", "o2", "o3"] {
            store
                .add_user("cli:root", o, Role::Officer, &[], "mật khẩu đủ dài 1")
                .expect("account");
        }
        let marked = hold(
            &store,
            "a@snv.lamdong.gov.vn",
            "x",
            Some("MẬT"),
            "MARKING_MAT",
            &["snv"],
        );
        let spam = hold(&store, "x@spam.example", "y", None, "BAYES_SPAM_99", &[]);
        assert_eq!(
            store.release_step(&spam, "o1", "ok").expect("step"),
            FourEyes::NotNeeded
        );
        let FourEyes::Requested(req) = store.release_step(&marked, "o1", "checked").expect("step") else {
            panic!("the first officer's call is a request");
        };
        assert_eq!(req.requested_by, "o1");
        let own = store
            .release_step(&marked, "o1", "mine")
            .expect_err("own approval refused");
        assert!(own.to_string().contains("four-eyes"), "{own}");
        let FourEyes::Approved(req) = store.release_step(&marked, "o2", "agreed").expect("step") else {
            panic!("a second officer approves");
        };
        assert_eq!(req.decided_by.as_deref(), Some("o2"));
        // The relay failed: the approval stands for the next try.
        assert!(matches!(
            store.release_step(&marked, "o1", "retry"),
            Ok(FourEyes::Approved(_))
        ));
        store
            .begin_release(&marked, "o2", "agreed")
            .and_then(|()| store.finish_release(&marked, "o2", "agreed", "250 ok"))
            .expect("released");
        let reqs = store.release_requests(&marked).expect("requests");
        assert_eq!(reqs.len(), 1);
        assert_eq!(reqs[0].outcome.as_deref(), Some("released"));
        assert!(
            store.release_step(&marked, "o3", "again").is_err(),
            "released once"
        );
        let trail: Vec<String> = store
            .audit_entries(Some(&marked))
            .expect("audit")
            .into_iter()
            .map(|e| format!("{} {}", e.actor, e.action))
            .collect();
        assert_eq!(
            trail,
            vec![
                "canhgac hold",
                "o1 release-request",
                "o2 release-approve",
                "o2 release-begin",
                "o2 release"
            ]
        );
        // Deleting a message with an open request cancels the request.
        let other = hold(
            &store,
            "a@snv.lamdong.gov.vn",
            "z",
            Some("MẬT"),
            "MARKING_MAT",
            &["snv"],
        );
        store.release_step(&other, "o1", "checked").expect("request");
        store
            .set_status(&other, Status::Deleted, "o2", "removed")
            .expect("delete");
        assert_eq!(
            store.release_requests(&other).expect("r")[0].outcome.as_deref(),
            Some("cancelled")
        );
        assert!(store.stats(&None, 1).expect("stats").pending_releases.is_empty());
    }
    }

    crate::store::both::on_both_backends! {
    /// Issue 15, item 5: four-eyes means two people, each a console account, neither set up
    /// by the other, and the approver's account older than the request.
    fn four_eyes_needs_two_people_not_two_names() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&dir.path().join("q.db")).expect("open");
        let pw = "mật khẩu đủ dài 1";
        let add = |by: &str, name: &str, role: Role| {
            store.add_user(by, name, role, &[], pw).expect("account");
        };
        add("cli:root", "boss", Role::Admin);
        add("cli:root", "o2", Role::Officer);
        add("cli:root", "aud", Role::Auditor);
        add("boss", "puppet", Role::Officer);
        let marked = |subject: &str| {
            hold(
                &store,
                "a@snv.lamdong.gov.vn",
                subject,
                Some("MẬT"),
                "MARKING_MAT",
                &["snv"],
            )
        };
        let refused = |id: &str, who: &str, needle: &str| {
            let e = store
                .release_step(id, who, "ok")
                .expect_err(&format!("{who} must be refused"));
            assert!(e.to_string().contains(needle), "{who}: {e}");
        };

        // Names that are no account (the CLI's local login, free text) cannot request or approve.
        let m1 = marked("1");
        refused(&m1, "cli:root", "not an enabled officer or admin account");
        refused(&m1, "somebody", "not an enabled officer or admin account");
        refused(&m1, "aud", "not an enabled officer or admin account");

        // The admin who created the requester's account cannot approve it, nor can an account
        // the requester created.
        assert!(matches!(
            store.release_step(&m1, "puppet", "ok"),
            Ok(FourEyes::Requested(_))
        ));
        refused(&m1, "boss", "created the account puppet");
        let m2 = marked("2");
        assert!(matches!(
            store.release_step(&m2, "boss", "ok"),
            Ok(FourEyes::Requested(_))
        ));
        refused(&m2, "puppet", "boss created the account puppet");

        // An account created after the request cannot approve it, even by an uninvolved admin.
        let m3 = marked("3");
        assert!(matches!(
            store.release_step(&m3, "o2", "ok"),
            Ok(FourEyes::Requested(_))
        ));
        add("cli:root", "late", Role::Officer);
        refused(&m3, "late", "created after the request");
        // … but one that existed before may (boss did not set up o2).
        assert!(matches!(
            store.release_step(&m3, "boss", "ok"),
            Ok(FourEyes::Approved(_))
        ));

        // Setting someone's password makes you that person as far as four-eyes goes.
        let m4 = marked("4");
        assert!(matches!(
            store.release_step(&m4, "o2", "ok"),
            Ok(FourEyes::Requested(_))
        ));
        store
            .set_password("boss", "o2", "mật khẩu mới đủ dài")
            .expect("passwd");
        refused(&m4, "boss", "created the account o2 or set its password");

        // A disabled requester's open request is cancelled; the next call asks anew.
        let m5 = marked("5");
        assert!(matches!(
            store.release_step(&m5, "puppet", "ok"),
            Ok(FourEyes::Requested(_))
        ));
        store.disable_user("boss", "puppet", "left").expect("disable");
        let FourEyes::Requested(again) = store.release_step(&m5, "o2", "ok").expect("step") else {
            panic!("a new request");
        };
        assert_eq!(again.requested_by, "o2");
        assert_eq!(
            store.release_requests(&m5).expect("r")[0].outcome.as_deref(),
            Some("cancelled")
        );
        assert_eq!(store.audit_verify().expect("verify").first_bad, None);
    }
    }

    #[test]
    fn days_round_trip_in_vietnam_time() {
        assert_eq!(day_string(0), "1970-01-01");
        assert_eq!(day_string(20_000), "2024-10-04");
        let t = parse_day("2024-10-04").expect("valid");
        assert_eq!(t, 20_000 * 86_400 - 7 * 3600);
        assert_eq!(parse_day("2024-02-30"), None);
        assert_eq!(parse_day("yesterday"), None);
    }

    #[test]
    fn like_patterns_match_literally() {
        assert_eq!(like_pattern(" 50%_off "), "%50\\%\\_off%");
    }
}
