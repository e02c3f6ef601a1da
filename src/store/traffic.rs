//! Traffic counters behind the regulation's yearly report (art. 14) and the mailbox activity
//! list (art. 7.2.d): per unit and per day (Vietnam time), what the gateway saw and what it did;
//! per mailbox, when it first and last sent and received.
//!
//! The milter counts each message in memory ([`Tally::count`], a few microseconds, no I/O) and
//! the daemon writes what was counted in one transaction every `[report] flush_secs`
//! ([`Store::flush_tally`]), so nothing is written while Postfix waits for an answer. What
//! officers do later (release, confirm, false positive) and the alerts sent are counted in the
//! transaction that records them. A message counts for the unit each address belonged to in the
//! directory at the time of the message, so a mailbox that moves keeps its history where it was.
//!
//! Counters (stable names, read by the report): `sent_internal` / `sent_external` (by the
//! sender's unit; external when any recipient is outside the province), `received_internal` /
//! `received_external` (by each recipient's unit), `bytes_sent`, `bytes_received`,
//! `attachments_sent`, `attachments_received`; outcomes, for every unit the message concerns and
//! the province (`*`): `delivered`, `tagged`, `tagged:REASON`, `refused`, `refused:REASON`,
//! `held`, `held:REASON`, `level:LEVEL`, `tempfail`, `forged_sender`; and later `released`,
//! `confirmed`, `false_positive`, `alerts_sent`. REASON is `size`, `blocked` or one of
//! [`super::REASONS`].

use super::{Store, StoreError, hold_reason};
use crate::config::LocalConfig;
use crate::directory::Directory;
use crate::sql::{Conn, DbError, params};
use crate::verdict::{Action, Verdict};
use std::collections::HashMap;
use std::sync::Mutex;

/// The unit name of the province as a whole (every message counted once).
pub const PROVINCE: &str = "*";

/// The day number (days since 1970-01-01) of a Unix time, in Vietnam time (UTC+7).
pub fn day_of(unix: i64) -> i64 {
    (unix + 7 * 3600).div_euclid(86_400)
}

/// How one message ended, as the milter answered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Delivered (accepted or tagged).
    Delivered,
    /// Held in the quarantine (or the MTA's hold queue).
    Held,
    /// Refused (reject or discard).
    Refused,
    /// Answered with a temporary failure (the sender retries; counted once each time).
    Tempfail,
}

impl Ending {
    /// The ending of a verdict once carried out (`held_failed`: the hold could not be written,
    /// so Postfix was told to try again).
    pub fn of(v: &Verdict, held_failed: bool) -> Ending {
        match v.action {
            Action::Accept | Action::Tag => Ending::Delivered,
            Action::Quarantine if held_failed => Ending::Tempfail,
            Action::Quarantine => Ending::Held,
            Action::Reject | Action::Discard => Ending::Refused,
            Action::Tempfail => Ending::Tempfail,
        }
    }
}

/// Why a message was refused, tagged or held, for the report: the attachment limit (`size`),
/// the block list (`blocked`), else the hold reasons (marking, virus, unscannable, spam, other).
pub fn reason_of(v: &Verdict) -> &'static str {
    match v.reason.as_str() {
        "ATTACHMENT_OVERSIZE" | "MESSAGE_OVERSIZE" => "size",
        "LIST_BLOCKED" => "blocked",
        _ => hold_reason(v),
    }
}

/// The outcome counters of one message.
pub fn outcome_counters(v: &Verdict, ending: Ending) -> Vec<String> {
    let mut out = Vec::with_capacity(4);
    let reason = reason_of(v);
    match ending {
        Ending::Delivered => {
            out.push("delivered".to_owned());
            if v.action == Action::Tag {
                out.push("tagged".to_owned());
                out.push(format!("tagged:{reason}"));
            }
        }
        Ending::Held => {
            out.push("held".to_owned());
            out.push(format!("held:{reason}"));
            if let Some(level) = &v.level {
                out.push(format!("level:{level}"));
            }
        }
        Ending::Refused => {
            out.push("refused".to_owned());
            out.push(format!("refused:{reason}"));
        }
        Ending::Tempfail => out.push("tempfail".to_owned()),
    }
    if v.findings.iter().any(|f| f.symbol.starts_with("FORGED_")) {
        out.push("forged_sender".to_owned());
    }
    out
}

/// One message as the milter saw it end.
pub struct Seen<'a> {
    /// Unix seconds.
    pub at: i64,
    pub sender: &'a str,
    pub recipients: &'a [String],
    /// Bytes received.
    pub size: u64,
    /// File attachments (0 when the content was not read).
    pub attachments: u32,
    pub ending: Ending,
    /// From [`outcome_counters`].
    pub outcomes: Vec<String>,
}

/// A mailbox's activity in one batch.
#[derive(Debug, Clone, Default, PartialEq)]
struct Activity {
    unit: String,
    first_sent: Option<i64>,
    last_sent: Option<i64>,
    first_received: Option<i64>,
    last_received: Option<i64>,
}

fn widen(first: &mut Option<i64>, last: &mut Option<i64>, at: i64) {
    *first = Some(first.map_or(at, |f| f.min(at)));
    *last = Some(last.map_or(at, |l| l.max(at)));
}

#[derive(Default)]
struct Pending {
    counts: HashMap<(i64, String, String), i64>,
    mailboxes: HashMap<String, Activity>,
}

impl Pending {
    fn add(&mut self, day: i64, unit: &str, counter: &str, n: i64) {
        if n == 0 {
            return;
        }
        *self
            .counts
            .entry((day, unit.to_owned(), counter.to_owned()))
            .or_default() += n;
    }
}

/// What the milter has counted and not yet written.
#[derive(Default)]
pub struct Tally {
    pending: Mutex<Pending>,
}

/// The unit an address counts for: its unit in the directory, else its domain when that is one
/// of the province's (a mailbox missing from the directory), else none (outside the province).
pub fn unit_of(dir: Option<&Directory>, local: &LocalConfig, address: &str) -> Option<String> {
    if let Some(e) = dir.and_then(|d| d.lookup(address)) {
        return Some(e.unit_id.clone());
    }
    if !local.is_local(address) {
        return None;
    }
    address
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    /// Counts one message: volumes by the sender's and the recipients' units, outcomes for
    /// every unit it concerns and the province, and the mailboxes' activity (delivered and held
    /// mail only: a refused message is no use of a mailbox).
    pub fn count(&self, seen: &Seen<'_>, dir: Option<&Directory>, local: &LocalConfig) {
        let day = day_of(seen.at);
        let claimed_unit = unit_of(dir, local, seen.sender);
        // A forged province sender is no use of that mailbox: its mail counts as from outside
        // (and as a forgery against the unit it claimed).
        let forged = seen.outcomes.iter().any(|c| c == "forged_sender");
        let sender_unit = if forged { None } else { claimed_unit.clone() };
        let mut rcpt_units: Vec<String> = Vec::with_capacity(seen.recipients.len());
        let mut rcpt_local = Vec::with_capacity(seen.recipients.len());
        let mut any_external = false;
        for r in seen.recipients {
            match unit_of(dir, local, r) {
                Some(u) => {
                    if !rcpt_units.contains(&u) {
                        rcpt_units.push(u.clone());
                    }
                    // Each local recipient with its unit, for its mailbox's activity below.
                    rcpt_local.push((r.as_str(), u));
                }
                None => any_external = true,
            }
        }
        let counted = seen.ending != Ending::Tempfail;
        let size = seen.size as i64;
        let attachments = i64::from(seen.attachments);
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if counted {
            // Volumes: the sending unit and the province count what was sent from inside;
            // each receiving unit what it received; the province what came from outside.
            let sent = if any_external || rcpt_units.is_empty() {
                "sent_external"
            } else {
                "sent_internal"
            };
            let mut senders: Vec<&str> = Vec::with_capacity(2);
            if let Some(u) = &sender_unit {
                senders.push(u);
                senders.push(PROVINCE);
            }
            for u in senders {
                p.add(day, u, sent, 1);
                p.add(day, u, "bytes_sent", size);
                p.add(day, u, "attachments_sent", attachments);
            }
            let received = if sender_unit.is_some() {
                "received_internal"
            } else {
                "received_external"
            };
            let mut receivers: Vec<&str> = rcpt_units.iter().map(String::as_str).collect();
            if sender_unit.is_none() && !rcpt_units.is_empty() {
                receivers.push(PROVINCE);
            }
            for u in receivers {
                p.add(day, u, received, 1);
                p.add(day, u, "bytes_received", size);
                p.add(day, u, "attachments_received", attachments);
            }
        }
        let mut concerned: Vec<&str> = rcpt_units.iter().map(String::as_str).collect();
        if let Some(u) = &claimed_unit
            && !concerned.contains(&u.as_str())
        {
            concerned.push(u);
        }
        concerned.push(PROVINCE);
        for u in concerned {
            for c in &seen.outcomes {
                p.add(day, u, c, 1);
            }
        }
        if matches!(seen.ending, Ending::Delivered | Ending::Held) {
            if let Some(u) = sender_unit {
                let a = p
                    .mailboxes
                    .entry(seen.sender.trim().to_ascii_lowercase())
                    .or_default();
                a.unit = u;
                widen(&mut a.first_sent, &mut a.last_sent, seen.at);
            }
            for (r, unit) in rcpt_local {
                let a = p.mailboxes.entry(r.trim().to_ascii_lowercase()).or_default();
                a.unit = unit;
                widen(&mut a.first_received, &mut a.last_received, seen.at);
            }
        }
    }

    /// Takes what was counted (for the writer).
    fn take(&self) -> Pending {
        std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Puts back what could not be written (the next flush tries again).
    fn restore(&self, back: Pending) {
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        for ((day, unit, counter), n) in back.counts {
            p.add(day, &unit, &counter, n);
        }
        for (address, b) in back.mailboxes {
            let a = p.mailboxes.entry(address).or_default();
            if a.unit.is_empty() {
                a.unit = b.unit;
            }
            for (first, last, bf, bl) in [
                (&mut a.first_sent, &mut a.last_sent, b.first_sent, b.last_sent),
                (
                    &mut a.first_received,
                    &mut a.last_received,
                    b.first_received,
                    b.last_received,
                ),
            ] {
                for at in [bf, bl].into_iter().flatten() {
                    widen(first, last, at);
                }
            }
        }
    }

    /// Whether nothing waits to be written.
    pub fn is_empty(&self) -> bool {
        let p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        p.counts.is_empty() && p.mailboxes.is_empty()
    }
}

/// Adds `n` to a counter inside a transaction.
pub(super) fn add(conn: &Conn, day: i64, unit: &str, counter: &str, n: i64) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO traffic (day, unit, counter, value) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (day, unit, counter) DO UPDATE SET value = traffic.value + excluded.value",
        params![day, unit, counter, n],
    )?;
    Ok(())
}

/// `column = ` the earlier of the stored and the new date (NULL: never).
fn earliest(c: &str) -> String {
    format!(
        "{c} = CASE WHEN excluded.{c} IS NULL OR (mailboxes.{c} IS NOT NULL AND mailboxes.{c} <= excluded.{c}) THEN mailboxes.{c} ELSE excluded.{c} END"
    )
}

/// `column = ` the later of the stored and the new date (NULL: never).
fn latest(c: &str) -> String {
    format!(
        "{c} = CASE WHEN excluded.{c} IS NULL OR (mailboxes.{c} IS NOT NULL AND mailboxes.{c} >= excluded.{c}) THEN mailboxes.{c} ELSE excluded.{c} END"
    )
}

/// Counts an event on a held message (released, confirmed, false positive, an alert sent) for
/// the units it concerns and the province, inside the transaction that records it.
pub(super) fn count_event(conn: &Conn, message: &str, counter: &str, at: i64) -> Result<(), DbError> {
    let day = day_of(at);
    let units: Vec<String> = conn.query_map(
        "SELECT unit FROM message_units WHERE message_id = ?1",
        params![message],
        |r| r.get(0),
    )?;
    for u in units.iter().map(String::as_str).chain([PROVINCE]) {
        add(conn, day, u, counter, 1)?;
    }
    Ok(())
}

/// One row of the counters: a day, a unit, a counter and its value.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CounterRow {
    pub day: i64,
    pub unit: String,
    pub counter: String,
    pub value: i64,
}

/// A mailbox's activity as recorded.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MailboxRow {
    pub address: String,
    /// Its unit when it was last seen.
    pub unit: String,
    pub first_sent: Option<i64>,
    pub last_sent: Option<i64>,
    pub first_received: Option<i64>,
    pub last_received: Option<i64>,
}

impl Store {
    /// Writes what `tally` counted, in one transaction; on failure it is kept for the next try.
    /// Returns the number of counter rows written.
    pub fn flush_tally(&self, tally: &Tally) -> Result<usize, StoreError> {
        let pending = tally.take();
        if pending.counts.is_empty() && pending.mailboxes.is_empty() {
            return Ok(0);
        }
        let write = || -> Result<usize, DbError> {
            let conn = self.lock();
            let tx = conn.begin()?;
            for ((day, unit, counter), n) in &pending.counts {
                add(&tx, *day, unit, counter, *n)?;
            }
            // The earliest and latest of each date (scalar min/max differ between SQLite and
            // PostgreSQL, so spelled out; NULL is "never").
            let upsert =
                "INSERT INTO mailboxes (address, unit, first_sent, last_sent, first_received, last_received)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (address) DO UPDATE SET
                   unit = CASE WHEN excluded.unit = '' THEN mailboxes.unit ELSE excluded.unit END,
                   %FS%,
                   %LS%,
                   %FR%,
                   %LR%";
            let upsert = upsert
                .replace("%FS%", &earliest("first_sent"))
                .replace("%LS%", &latest("last_sent"))
                .replace("%FR%", &earliest("first_received"))
                .replace("%LR%", &latest("last_received"));
            for (address, a) in &pending.mailboxes {
                tx.execute(
                    &upsert,
                    params![
                        address,
                        a.unit,
                        a.first_sent,
                        a.last_sent,
                        a.first_received,
                        a.last_received
                    ],
                )?;
            }
            tx.commit()?;
            Ok(pending.counts.len())
        };
        match write() {
            Ok(n) => Ok(n),
            Err(e) => {
                tally.restore(pending);
                Err(self.sql(e))
            }
        }
    }

    /// The counters of days `from..to` (day numbers, `to` excluded), in day order.
    pub fn counters(&self, from: i64, to: i64) -> Result<Vec<CounterRow>, StoreError> {
        let conn = self.read();
        conn.query_map(
            "SELECT day, unit, counter, value FROM traffic WHERE day >= ?1 AND day < ?2 ORDER BY day, unit, counter",
            params![from, to],
            |r| {
                Ok(CounterRow {
                    day: r.get(0)?,
                    unit: r.get(1)?,
                    counter: r.get(2)?,
                    value: r.get(3)?,
                })
            },
        )
        .map_err(|e| self.sql(e))
    }

    /// The first day anything was counted.
    pub fn first_counted_day(&self) -> Result<Option<i64>, StoreError> {
        self.read()
            .query_row("SELECT min(day) FROM traffic", params![], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    /// Every mailbox's recorded activity, by address.
    pub fn mailboxes(&self) -> Result<Vec<MailboxRow>, StoreError> {
        let conn = self.read();
        conn.query_map(
            "SELECT address, unit, first_sent, last_sent, first_received, last_received FROM mailboxes ORDER BY address",
            params![],
            |r| {
                Ok(MailboxRow {
                    address: r.get(0)?,
                    unit: r.get(1)?,
                    first_sent: r.get(2)?,
                    last_sent: r.get(3)?,
                    first_received: r.get(4)?,
                    last_received: r.get(5)?,
                })
            },
        )
        .map_err(|e| self.sql(e))
    }

    /// Drops counters older than `years` (0 keeps them all); returns how many rows.
    pub fn purge_counters(&self, years: u32) -> Result<usize, StoreError> {
        if years == 0 {
            return Ok(0);
        }
        let before = day_of(super::now()) - i64::from(years) * 366;
        self.lock()
            .execute("DELETE FROM traffic WHERE day < ?1", params![before])
            .map_err(|e| self.sql(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Finding;

    fn local() -> LocalConfig {
        LocalConfig::default()
    }

    fn dir() -> Directory {
        Directory::parse(
            "address,name,unit_id,unit_name,unit_mailbox\n\
             an@snv.lamdong.gov.vn,An,snv,Sở Nội vụ,snv@lamdong.gov.vn\n\
             binh@stc.lamdong.gov.vn,Bình,stc,Sở Tài chính,stc@lamdong.gov.vn\n",
            std::path::Path::new("directory.csv"),
        )
        .expect("directory")
    }

    fn verdict(action: Action, findings: Vec<Finding>) -> Verdict {
        Verdict {
            action,
            dry_run_action: None,
            score: 0.0,
            reply: None,
            level: None,
            reason: String::new(),
            findings,
        }
    }

    fn counts(t: &Tally) -> Vec<(String, String, i64)> {
        let p = t.take();
        let mut v: Vec<_> = p.counts.into_iter().map(|((_, u, c), n)| (u, c, n)).collect();
        v.sort();
        v
    }

    #[test]
    fn an_internal_message_moves_the_sender_s_and_the_recipient_s_counters() {
        let t = Tally::new();
        let v = verdict(Action::Accept, vec![]);
        let rcpt = vec!["binh@stc.lamdong.gov.vn".to_owned()];
        t.count(
            &Seen {
                at: 1_780_000_000,
                sender: "An@snv.lamdong.gov.vn",
                recipients: &rcpt,
                size: 1000,
                attachments: 2,
                ending: Ending::Delivered,
                outcomes: outcome_counters(&v, Ending::Delivered),
            },
            Some(&dir()),
            &local(),
        );
        let want: Vec<(String, String, i64)> = [
            ("*", "attachments_sent", 2),
            ("*", "bytes_sent", 1000),
            ("*", "delivered", 1),
            ("*", "sent_internal", 1),
            ("snv", "attachments_sent", 2),
            ("snv", "bytes_sent", 1000),
            ("snv", "delivered", 1),
            ("snv", "sent_internal", 1),
            ("stc", "attachments_received", 2),
            ("stc", "bytes_received", 1000),
            ("stc", "delivered", 1),
            ("stc", "received_internal", 1),
        ]
        .iter()
        .map(|(u, c, n)| ((*u).to_owned(), (*c).to_owned(), *n))
        .collect();
        assert_eq!(counts(&t), want);
    }

    #[test]
    fn mail_from_outside_counts_as_received_and_a_refusal_uses_no_mailbox() {
        let t = Tally::new();
        let mut v = verdict(Action::Reject, vec![Finding::new("GTUBE", "x", "body")]);
        v.score = 20.0;
        v.reason = "score".into();
        let rcpt = vec!["binh@stc.lamdong.gov.vn".to_owned(), "lan@gmail.com".to_owned()];
        t.count(
            &Seen {
                at: 1_780_000_000,
                sender: "x@spam.example",
                recipients: &rcpt,
                size: 10,
                attachments: 0,
                ending: Ending::Refused,
                outcomes: outcome_counters(&v, Ending::Refused),
            },
            Some(&dir()),
            &local(),
        );
        let p = t.take();
        assert!(p.mailboxes.is_empty());
        let get = |u: &str, c: &str| {
            p.counts
                .iter()
                .find(|((_, uu, cc), _)| uu == u && cc == c)
                .map(|(_, n)| *n)
        };
        assert_eq!(get("stc", "received_external"), Some(1));
        assert_eq!(get("*", "received_external"), Some(1));
        assert_eq!(get("stc", "refused:spam"), Some(1));
        assert_eq!(get("*", "refused"), Some(1));
        assert_eq!(get("*", "sent_external"), None);
        assert_eq!(get("gmail.com", "refused"), None);
    }

    #[test]
    fn a_failed_flush_keeps_the_counts() {
        let t = Tally::new();
        let v = verdict(Action::Accept, vec![]);
        let rcpt = vec!["binh@stc.lamdong.gov.vn".to_owned()];
        let seen = Seen {
            at: 1_780_000_000,
            sender: "an@snv.lamdong.gov.vn",
            recipients: &rcpt,
            size: 5,
            attachments: 0,
            ending: Ending::Delivered,
            outcomes: outcome_counters(&v, Ending::Delivered),
        };
        t.count(&seen, Some(&dir()), &local());
        let taken = t.take();
        t.count(&seen, Some(&dir()), &local());
        t.restore(taken);
        let p = t.take();
        let n = p
            .counts
            .iter()
            .find(|((_, u, c), _)| u == "snv" && c == "sent_internal")
            .map(|(_, n)| *n);
        assert_eq!(n, Some(2));
        assert_eq!(
            p.mailboxes["an@snv.lamdong.gov.vn"].first_sent,
            Some(1_780_000_000)
        );
    }

    crate::store::both::on_both_backends! {
    /// The mailbox upsert keeps each date's earliest and latest across flushes, whatever
    /// order batches arrive in (gateways sharing a store flush independently), and the
    /// counters add up.
    fn flushes_add_counters_and_keep_each_mailbox_s_first_and_last_dates() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&tmp.path().join("q.db")).expect("store");
        let v = verdict(Action::Accept, vec![]);
        let rcpt = vec!["binh@stc.lamdong.gov.vn".to_owned()];
        let send = |at: i64, sender: &'static str| {
            let t = Tally::new();
            t.count(
                &Seen {
                    at,
                    sender,
                    recipients: &rcpt,
                    size: 10,
                    attachments: 0,
                    ending: Ending::Delivered,
                    outcomes: outcome_counters(&v, Ending::Delivered),
                },
                Some(&dir()),
                &local(),
            );
            store.flush_tally(&t).expect("flush");
        };
        send(1_780_000_500, "an@snv.lamdong.gov.vn");
        send(1_780_000_100, "an@snv.lamdong.gov.vn");
        send(1_780_000_900, "an@snv.lamdong.gov.vn");
        let boxes = store.mailboxes().expect("mailboxes");
        let an = boxes
            .iter()
            .find(|m| m.address == "an@snv.lamdong.gov.vn")
            .expect("sender's mailbox");
        assert_eq!(
            (an.unit.as_str(), an.first_sent, an.last_sent, an.first_received),
            ("snv", Some(1_780_000_100), Some(1_780_000_900), None)
        );
        let binh = boxes
            .iter()
            .find(|m| m.address == "binh@stc.lamdong.gov.vn")
            .expect("recipient's mailbox");
        assert_eq!(
            (binh.first_received, binh.last_received, binh.first_sent),
            (Some(1_780_000_100), Some(1_780_000_900), None)
        );
        let sent: i64 = store
            .counters(0, i64::MAX)
            .expect("counters")
            .iter()
            .filter(|r| r.unit == "snv" && r.counter == "sent_internal")
            .map(|r| r.value)
            .sum();
        assert_eq!(sent, 3);
    }

    fn counters_are_kept_for_years_not_for_the_messages_retention() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = crate::store::both::open(&dir.path().join("q.db")).expect("store");
        let today = day_of(crate::store::now());
        {
            let conn = store.lock();
            for day in [today, today - 3 * 366, today - 11 * 366] {
                add(&conn, day, PROVINCE, "delivered", 1).expect("add");
            }
        }
        store.purge(1).expect("the messages' retention purge");
        assert_eq!(store.counters(0, i64::MAX).expect("read").len(), 3);
        assert_eq!(store.purge_counters(10).expect("purge"), 1);
        let left: Vec<i64> = store
            .counters(0, i64::MAX)
            .expect("read")
            .iter()
            .map(|r| r.day)
            .collect();
        assert_eq!(left, [today - 3 * 366, today]);
        assert_eq!(store.purge_counters(0).expect("kept"), 0);
    }
    }

    #[test]
    fn days_are_vietnam_days() {
        // 2026-01-01 00:30 in Vietnam is 2025-12-31 17:30 UTC.
        let t = 1_767_202_200;
        assert_eq!(super::super::day_string(day_of(t)), "2026-01-01");
        assert_eq!(super::super::day_string(day_of(t - 3600)), "2025-12-31");
    }
}
