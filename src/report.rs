//! The regulation's yearly report (art. 14: "Báo cáo tình hình quản lý, sử dụng hộp thư điện tử
//! công vụ") of one unit or of the whole province, and the mailbox activity list (art. 7.2.d),
//! from the traffic counters the milter keeps ([`crate::store::traffic`]). One [`YearReport`]
//! is built here and rendered three ways: CSV and JSON here, HTML by the console
//! (`web::report`), which the CLI's `report --format html` uses too.

use crate::config::Config;
use crate::directory::Directory;
use crate::store::traffic::{CounterRow, MailboxRow, PROVINCE};
use crate::store::{Store, StoreError};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One figure of the report: an id (stable, for CSV and JSON readers), its Vietnamese label,
/// and the counters it adds up.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub id: &'static str,
    pub label: &'static str,
    pub counters: &'static [&'static str],
}

const fn col(id: &'static str, label: &'static str, counters: &'static [&'static str]) -> Column {
    Column { id, label, counters }
}

/// Part I: how official mail was used.
pub const USE: &[Column] = &[
    col("sent_internal", "Gửi trong tỉnh", &["sent_internal"]),
    col("sent_external", "Gửi ra ngoài tỉnh", &["sent_external"]),
    col("received_internal", "Nhận trong tỉnh", &["received_internal"]),
    col("received_external", "Nhận từ ngoài tỉnh", &["received_external"]),
    col(
        "attachments",
        "Tệp đính kèm",
        &["attachments_sent", "attachments_received"],
    ),
    col("bytes", "Dung lượng", &["bytes_sent", "bytes_received"]),
];

/// Part II: what the gateway stopped, and compliance with the regulation.
pub const FILTERING: &[Column] = &[
    col("delivered", "Đã chuyển", &["delivered"]),
    col("spam_tagged", "Gắn nhãn thư rác", &["tagged:spam"]),
    col("spam_refused", "Từ chối thư rác", &["refused:spam"]),
    col("virus", "Virus, mã độc", &["refused:virus", "held:virus"]),
    col("oversize", "Đính kèm quá giới hạn (Điều 6)", &["refused:size"]),
    col("forged_sender", "Giả mạo người gửi", &["forged_sender"]),
    col("blocked", "Danh sách chặn", &["refused:blocked"]),
    col("unscannable", "Giữ: không đọc được", &["held:unscannable"]),
];

/// Part III: state-secret markings intercepted and how officers handled held mail.
pub const SECRETS: &[Column] = &[
    col("held_marking", "Giữ: có dấu mật", &["held:marking"]),
    col("level_mat", "MẬT", &["level:MẬT"]),
    col("level_toi_mat", "TỐI MẬT", &["level:TỐI MẬT"]),
    col("level_tuyet_mat", "TUYỆT MẬT", &["level:TUYỆT MẬT"]),
    col("held", "Tổng số thư bị giữ", &["held"]),
    col("released", "Đã phát hành", &["released"]),
    col("confirmed", "Xác nhận vi phạm", &["confirmed"]),
    col("false_positive", "Báo nhầm", &["false_positive"]),
    col("alerts_sent", "Cảnh báo đã gửi", &["alerts_sent"]),
];

/// Every column, in the report's order.
pub fn columns() -> impl Iterator<Item = &'static Column> {
    USE.iter().chain(FILTERING).chain(SECRETS)
}

/// The figures of one period (a month, or the year).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Every counter, by name.
    pub counters: BTreeMap<String, i64>,
}

impl Figures {
    fn add(&mut self, counter: &str, n: i64) {
        *self.counters.entry(counter.to_owned()).or_default() += n;
    }

    /// A column's value.
    pub fn value(&self, c: &Column) -> i64 {
        c.counters
            .iter()
            .map(|k| self.counters.get(*k).copied().unwrap_or(0))
            .sum()
    }

    /// Messages sent and received.
    pub fn messages(&self) -> i64 {
        [
            "sent_internal",
            "sent_external",
            "received_internal",
            "received_external",
        ]
        .iter()
        .map(|k| self.counters.get(*k).copied().unwrap_or(0))
        .sum()
    }

    /// Messages refused or held.
    pub fn stopped(&self) -> i64 {
        ["refused", "held"]
            .iter()
            .map(|k| self.counters.get(*k).copied().unwrap_or(0))
            .sum()
    }
}

/// A mailbox in the activity lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MailboxLine {
    pub address: String,
    pub name: String,
    pub unit: String,
    /// Unix seconds of the last message it sent (None: none since counting began).
    pub last_sent: Option<i64>,
    pub last_received: Option<i64>,
}

/// One unit's year in the province-wide report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitLine {
    pub unit: String,
    pub name: String,
    pub total: Figures,
}

/// The yearly report of a unit, or of the province (`unit` None).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearReport {
    pub year: i64,
    pub unit: Option<String>,
    /// The unit's name in the directory (its id when it has none), or "Toàn tỉnh".
    pub unit_name: String,
    /// Unix seconds.
    pub generated_at: i64,
    /// The first day anything was counted (YYYY-MM-DD), if any: figures before it are unknown.
    pub counted_since: Option<String>,
    /// Twelve months, January first.
    pub months: Vec<Figures>,
    pub total: Figures,
    /// Province-wide only: each unit's year.
    pub units: Vec<UnitLine>,
    /// Directory mailboxes (of the unit) that sent nothing for `inactive_days`.
    pub inactive: Vec<MailboxLine>,
    pub inactive_days: u32,
    /// Addresses of the province's domains that sent mail and are not in the directory.
    pub unlisted: Vec<MailboxLine>,
    /// Mailboxes in the directory (of the unit).
    pub mailboxes: usize,
}

/// What cannot be reported.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("year {0}: give a year from 2000 to 9999")]
    Year(i64),
    #[error("unit {0}: no such unit in the directory and no mail counted for it")]
    Unit(String),
}

/// The day number of 1 January of `year`, Vietnam time.
fn first_day(year: i64) -> Option<i64> {
    crate::store::parse_day(&format!("{year:04}-01-01")).map(crate::store::traffic::day_of)
}

/// The month (1–12) of a day number.
fn month_of(day: i64) -> usize {
    let (_, m, ..) = crate::time::vietnam_civil(day * 86_400 - 7 * 3600);
    m.clamp(1, 12) as usize
}

/// The units of the province: the directory's (by id, with names), then the province's domains
/// counted for mailboxes missing from the directory (a held message's decisions are counted for
/// every unit it concerns, other domains included: those are not the province's units).
pub fn known_units(
    dir: Option<&Directory>,
    local: &crate::config::LocalConfig,
    counted: &BTreeSet<String>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    if let Some(d) = dir {
        for e in d.entries() {
            if !out.iter().any(|(id, _)| *id == e.unit_id) {
                out.push((e.unit_id.clone(), e.unit_name.clone()));
            }
        }
    }
    for u in counted {
        if u != PROVINCE && !out.iter().any(|(id, _)| id == u) && local.is_local(&format!("x@{u}")) {
            out.push((u.clone(), u.clone()));
        }
    }
    out
}

/// The units a year's report can be asked for: the directory's, then any other counted that
/// year, as (id, name).
pub fn units_of_year(
    store: &Store,
    config: &Config,
    dir: Option<&Directory>,
    year: i64,
) -> Result<Vec<(String, String)>, StoreError> {
    let (Some(from), Some(to)) = (first_day(year), first_day(year + 1)) else {
        return Ok(known_units(dir, &config.local, &BTreeSet::new()));
    };
    let counted: BTreeSet<String> = store.counters(from, to)?.into_iter().map(|r| r.unit).collect();
    Ok(known_units(dir, &config.local, &counted))
}

/// The directory of a configuration (`[local] directory`), if one is set and can be read
/// (a broken one is logged: the report is still made, by unit ids).
pub fn directory_of(config: &Config) -> Option<Directory> {
    let path = &config.local.directory;
    if path.as_os_str().is_empty() {
        return None;
    }
    match Directory::load(path) {
        Ok(d) => Some(d),
        Err(e) => {
            tracing::warn!(error = %e, "the directory cannot be read; units are shown by id");
            None
        }
    }
}

/// Builds the report of `year` for `unit` (None: the province), as of `now` (Unix seconds).
pub fn build(
    store: &Store,
    config: &Config,
    dir: Option<&Directory>,
    year: i64,
    unit: Option<&str>,
    now: i64,
) -> Result<YearReport, ReportError> {
    if !(2000..=9999).contains(&year) {
        return Err(ReportError::Year(year));
    }
    let (Some(from), Some(to)) = (first_day(year), first_day(year + 1)) else {
        return Err(ReportError::Year(year));
    };
    let rows: Vec<CounterRow> = store.counters(from, to)?;
    let counted: BTreeSet<String> = rows.iter().map(|r| r.unit.clone()).collect();
    let units = known_units(dir, &config.local, &counted);
    // A unit with no mail counted the whole year is reported only if it is in the directory
    // (an unknown id is a mistake, not an empty year).
    let key = unit.unwrap_or(PROVINCE);
    let unit_name = match unit {
        None => "Toàn tỉnh".to_owned(),
        Some(u) => match units.iter().find(|(id, _)| id == u) {
            Some((_, name)) => name.clone(),
            None => return Err(ReportError::Unit(u.to_owned())),
        },
    };
    let mut months = vec![Figures::default(); 12];
    let mut total = Figures::default();
    let mut per_unit: HashMap<&str, Figures> = HashMap::new();
    for r in &rows {
        if r.unit == key {
            months[month_of(r.day) - 1].add(&r.counter, r.value);
            total.add(&r.counter, r.value);
        }
        if unit.is_none() && r.unit != PROVINCE {
            per_unit
                .entry(r.unit.as_str())
                .or_default()
                .add(&r.counter, r.value);
        }
    }
    let counted_since = store.first_counted_day()?.map(crate::store::day_string);
    let units_lines = if unit.is_none() {
        units
            .iter()
            .map(|(id, name)| UnitLine {
                unit: id.clone(),
                name: name.clone(),
                total: per_unit.remove(id.as_str()).unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let activity = activity(store, config, dir, unit, now)?;
    Ok(YearReport {
        year,
        unit: unit.map(str::to_owned),
        unit_name,
        generated_at: now,
        counted_since,
        months,
        total,
        units: units_lines,
        inactive: activity.inactive,
        inactive_days: config.report.inactive_days,
        unlisted: activity.unlisted,
        mailboxes: activity.mailboxes,
    })
}

/// The mailbox activity lists (art. 7.2.d) of a unit, or of the province.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub inactive_days: u32,
    pub inactive: Vec<MailboxLine>,
    pub unlisted: Vec<MailboxLine>,
    pub mailboxes: usize,
}

/// Directory mailboxes that sent nothing for `[report] inactive_days`, and addresses of the
/// province's domains seen sending that the directory does not list (for `unit`, or all).
pub fn activity(
    store: &Store,
    config: &Config,
    dir: Option<&Directory>,
    unit: Option<&str>,
    now: i64,
) -> Result<Activity, StoreError> {
    let seen: HashMap<String, MailboxRow> = store
        .mailboxes()?
        .into_iter()
        .map(|m| (m.address.clone(), m))
        .collect();
    let since = now - i64::from(config.report.inactive_days) * 86_400;
    let mut inactive = Vec::new();
    let mut mailboxes = 0;
    for e in dir.map(Directory::entries).unwrap_or_default() {
        if unit.is_some_and(|u| u != e.unit_id) {
            continue;
        }
        mailboxes += 1;
        let row = seen.get(&e.address);
        let last_sent = row.and_then(|r| r.last_sent);
        if last_sent.is_none_or(|t| t < since) {
            inactive.push(MailboxLine {
                address: e.address.clone(),
                name: e.name.clone(),
                unit: e.unit_id.clone(),
                last_sent,
                last_received: row.and_then(|r| r.last_received),
            });
        }
    }
    let mut unlisted: Vec<MailboxLine> = seen
        .values()
        .filter(|m| m.last_sent.is_some() && config.local.is_local(&m.address))
        .filter(|m| dir.is_none_or(|d| d.lookup(&m.address).is_none()))
        .filter(|m| unit.is_none_or(|u| u == m.unit))
        .map(|m| MailboxLine {
            address: m.address.clone(),
            name: String::new(),
            unit: m.unit.clone(),
            last_sent: m.last_sent,
            last_received: m.last_received,
        })
        .collect();
    unlisted.sort_by(|a, b| a.address.cmp(&b.address));
    Ok(Activity {
        inactive_days: config.report.inactive_days,
        inactive,
        unlisted,
        mailboxes,
    })
}

/// A CSV field, quoted when it needs to be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

impl YearReport {
    /// The figures behind the report as CSV: a header of the columns' ids, a row per month and
    /// the year's total (`tong`), then, province-wide, a row per unit (`don_vi:ID`).
    pub fn csv(&self) -> String {
        let mut out = String::from("ky");
        for c in columns() {
            out.push(',');
            out.push_str(c.id);
        }
        out.push_str("\r\n");
        let mut line = |label: &str, f: &Figures| {
            out.push_str(&csv_field(label));
            for c in columns() {
                out.push_str(&format!(",{}", f.value(c)));
            }
            out.push_str("\r\n");
        };
        for (i, m) in self.months.iter().enumerate() {
            line(&format!("{}-{:02}", self.year, i + 1), m);
        }
        line("tong", &self.total);
        for u in &self.units {
            line(&format!("don_vi:{}", u.unit), &u.total);
        }
        out
    }

    /// The report as JSON: every counter per month, the columns with their labels and values,
    /// the units and the activity lists.
    pub fn json(&self) -> serde_json::Value {
        let cols = |f: &Figures| -> serde_json::Map<String, serde_json::Value> {
            columns()
                .map(|c| (c.id.to_owned(), serde_json::json!(f.value(c))))
                .collect()
        };
        serde_json::json!({
            "year": self.year,
            "unit": self.unit,
            "unit_name": self.unit_name,
            "generated_at": crate::time::vietnam_time(self.generated_at),
            "counted_since": self.counted_since,
            "columns": columns().map(|c| serde_json::json!({"id": c.id, "label": c.label, "counters": c.counters})).collect::<Vec<_>>(),
            "months": self.months.iter().enumerate().map(|(i, m)| serde_json::json!({
                "month": i + 1,
                "figures": cols(m),
                "counters": m.counters,
            })).collect::<Vec<_>>(),
            "total": {"figures": cols(&self.total), "counters": self.total.counters},
            "units": self.units.iter().map(|u| serde_json::json!({
                "unit": u.unit, "name": u.name, "figures": cols(&u.total),
            })).collect::<Vec<_>>(),
            "mailboxes": self.mailboxes,
            "inactive_days": self.inactive_days,
            "inactive": self.inactive,
            "unlisted": self.unlisted,
        })
    }
}

impl Activity {
    /// The lists as CSV: `list,address,name,unit,last_sent,last_received` (dates YYYY-MM-DD).
    pub fn csv(&self) -> String {
        let day = |t: Option<i64>| {
            t.map_or_else(String::new, |t| {
                crate::store::day_string(crate::store::traffic::day_of(t))
            })
        };
        let mut out = String::from("list,address,name,unit,last_sent,last_received\r\n");
        for (list, rows) in [("inactive", &self.inactive), ("unlisted", &self.unlisted)] {
            for m in rows {
                out.push_str(&format!(
                    "{list},{},{},{},{},{}\r\n",
                    csv_field(&m.address),
                    csv_field(&m.name),
                    csv_field(&m.unit),
                    day(m.last_sent),
                    day(m.last_received)
                ));
            }
        }
        out
    }
}
