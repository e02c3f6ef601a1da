//! The officers' and operators' commands: `quarantine` (list, show, export, release, delete,
//! confirm, false-positive, note, purge), `audit` (list, verify) and `directory` (check,
//! suggest). They call the same store functions as the milter and the web console.

use crate::config::Config;
use crate::directory::Directory;
use crate::explain::Lang;
use crate::review::{Act, Done};
use crate::store::{Status, Store, StoreError};
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum QuarantineCommand {
    /// Held messages, newest first.
    List {
        /// held, releasing, released, deleted, confirmed, false_positive.
        #[arg(long)]
        status: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Envelope, headers, findings with evidence, attachments with sizes and SHA-256.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The original message, unchanged, to standard output.
    Export { id: String },
    /// Re-inject the original to its recipients through `[release] smtp`.
    Release {
        id: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Remove the original bytes (the record and its audit trail stay).
    Delete {
        id: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Confirm the finding (a real state-secret marking, a real virus…).
    Confirm {
        id: String,
        #[arg(long)]
        note: String,
    },
    /// Mark the finding a false positive.
    FalsePositive {
        id: String,
        #[arg(long)]
        note: String,
    },
    /// Settle a release whose outcome was unknown (status `releasing`: the relay failed after
    /// the data, or the gateway stopped while sending): check the relay's log, then say whether
    /// it was delivered (→ released) or not (→ held, releasable again).
    Resolve {
        id: String,
        #[arg(
            long,
            conflicts_with = "not_delivered",
            required_unless_present = "not_delivered"
        )]
        delivered: bool,
        #[arg(long)]
        not_delivered: bool,
        #[arg(long)]
        reason: String,
    },
    /// Add a note.
    Note { id: String, note: String },
    /// Drop the bytes of messages older than `[store] retention_days`.
    Purge,
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// The audit log (all of it, or one message's).
    List {
        #[arg(long)]
        id: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check the keyed chain: exit 0 when intact, 1 naming the first entry that breaks and why.
    Verify {
        /// An anchor of the chain's head as mailed to the officers and logged (`SEQ:MAC`):
        /// entries removed from the end since then are found. May be given several times.
        #[arg(long)]
        anchor: Vec<String>,
    },
    /// Anchor the chain's head now: record it, log it and print it (`SEQ:MAC`) to keep
    /// elsewhere; `canhgac serve` does this every `[audit] anchor_hours` and mails it.
    Anchor,
}

#[derive(Subcommand)]
pub enum DirectoryCommand {
    /// Report rows that break the address rules of regulation art. 5.
    Check { file: PathBuf },
    /// The next free personal address for a full name (`tiennx@…`, then `tiennx1@…`).
    Suggest {
        name: String,
        /// The directory to check against (default: `[local] directory`).
        #[arg(long)]
        file: Option<PathBuf>,
        #[arg(long, default_value = "lamdong.gov.vn")]
        domain: String,
    },
}

/// Who is acting, for the audit log and the four-eyes rule. With `--user NAME`, that console
/// account once its password is given (asked on the terminal, else the first line of standard
/// input); a wrong password counts as a failed login and exits 1. Without it, the local login
/// as `cli:USER` (`$SUDO_USER`, else `$USER`): never an account name, so it cannot stand in for
/// an officer where two accounts are required.
pub(super) fn actor(config: &Config, store: &Store, user: Option<&str>) -> Result<String, ExitCode> {
    let Some(name) = user else {
        let local = std::env::var("SUDO_USER")
            .ok()
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| format!("uid{}", unsafe { libc::getuid() }));
        return Ok(format!("cli:{local}"));
    };
    // The console's backoff holds here too: the command line is no way around it.
    let w = &config.web;
    let cap = i64::try_from(w.lockout_minutes.saturating_mul(60)).unwrap_or(i64::MAX);
    if let Ok(Some(u)) = store.user(name) {
        let wait = u.login_wait(w.max_failed_logins, cap, crate::store::now());
        if wait > 0 {
            eprintln!(
                "canhgac: {name} failed to log in too often; try again in {wait} s (an admin can `canhgac user unlock {name}`)"
            );
            return Err(ExitCode::from(1));
        }
    }
    let password = super::users::read_secret(&format!("Mật khẩu của {name} / password of {name}: "))
        .map_err(|e| {
            eprintln!("canhgac: {e}");
            ExitCode::from(1)
        })?;
    match store.check_password(name, &password) {
        Ok(Some(u)) => {
            let _ = store.login_succeeded(&u.name);
            let _ = store.audit(
                &u.name,
                "login",
                &format!("user:{}", u.name),
                "from the command line",
            );
            Ok(u.name)
        }
        Ok(None) => {
            let _ = store.login_failed(name);
            let _ = store.audit(
                name,
                "login-failed",
                &format!("user:{name}"),
                "from the command line",
            );
            eprintln!("canhgac: wrong account or password for {name} (or the account is disabled)");
            Err(ExitCode::from(1))
        }
        Err(e) => {
            eprintln!("canhgac: {e}");
            Err(ExitCode::from(2))
        }
    }
}

pub(super) fn open(config: &Config) -> Result<Store, ExitCode> {
    Store::from_config(config).map_err(|e| {
        eprintln!("canhgac: {e}");
        ExitCode::from(2)
    })
}

fn fail(e: StoreError) -> ExitCode {
    eprintln!("canhgac: {e}");
    match e {
        StoreError::NotFound(_) | StoreError::State { .. } | StoreError::Invalid(_) => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}

/// A quarantine status as people read it.
fn status_word(status: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return status.to_owned();
    }
    match status {
        "held" => "đang giữ",
        "releasing" => "đang chuyển đi",
        "released" => "đã chuyển đi",
        "deleted" => "đã xóa",
        "confirmed" => "đã xác nhận vi phạm",
        "false_positive" => "phát hiện nhầm",
        other => other,
    }
    .to_owned()
}

fn time(unix: i64) -> String {
    crate::time::vietnam_time(unix)
}

pub fn quarantine(config: &Config, user: Option<&str>, cmd: QuarantineCommand) -> ExitCode {
    let store = match open(config) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let who = match actor(config, &store, user) {
        Ok(w) => w,
        Err(c) => return c,
    };
    let mut out = std::io::stdout().lock();
    let result = match cmd {
        QuarantineCommand::List { status, limit, json } => {
            let status = match status.as_deref().map(|s| (s, Status::parse(s))) {
                Some((s, None)) => {
                    eprintln!(
                        "canhgac: unknown status {s:?} (held, released, deleted, confirmed, false_positive)"
                    );
                    return ExitCode::from(2);
                }
                Some((_, st)) => st,
                None => None,
            };
            let lang = Lang::of_terminal();
            store.list(status, limit).map(|rows| {
                for r in rows {
                    let line = if json {
                        serde_json::to_string(&r).unwrap_or_default()
                    } else {
                        format!(
                            "{}  {}  {:<14} {:<10} {} -> {}  {:?}",
                            r.id,
                            time(r.received_at),
                            status_word(r.status.as_str(), lang),
                            r.level.as_deref().unwrap_or("-"),
                            r.mail_from,
                            r.rcpt_to.join(","),
                            r.subject
                        )
                    };
                    let _ = writeln!(out, "{line}");
                }
            })
        }
        QuarantineCommand::Show { id, json } => crate::review::show(&store, &id, &who).and_then(|shown| {
            let r = &shown.record;
            // As described when it was held: the CLI, like the console, never parses held bytes.
            let described = &shown.described;
            // For machines: as stored, in English.
            let attachments: Vec<String> = described
                .as_ref()
                .map(|d| {
                    d.attachments
                        .iter()
                        .map(|a| {
                            format!(
                                "{} ({}, {} bytes, SHA-256 {})",
                                a.location, a.content_type, a.size, a.sha256
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            if json {
                let v = serde_json::json!({
                    "message": r,
                    "attachments": attachments,
                    "alerts": shown.alerts,
                    "release_requests": shown.requests,
                });
                let _ = writeln!(out, "{v}");
                return Ok(());
            }
            // In the terminal's language (LANG=vi_VN.UTF-8: Vietnamese labels, findings, numbers
            // and sizes); field names that are protocol words stay as they are.
            let lang = Lang::of_terminal();
            let vi = lang == Lang::Vi;
            let explain = crate::explain::Explainer::load(config.rules_dir())
                .unwrap_or_else(|_| crate::explain::Explainer::built_in());
            let tr = |en: &'static str, vi_text: &'static str| if vi { vi_text } else { en };
            let yes_no = |b: bool| if b { tr("yes", "có") } else { tr("no", "không") };
            let rows: Vec<(&str, String)> = vec![
                (tr("Quarantine id", "Mã thư bị giữ"), r.id.clone()),
                (tr("Received", "Nhận lúc"), time(r.received_at)),
                (
                    tr("Status", "Trạng thái"),
                    format!(
                        "{}{}",
                        status_word(r.status.as_str(), lang),
                        if r.note.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", r.note)
                        }
                    ),
                ),
                (
                    tr("Level", "Độ mật"),
                    r.level.clone().unwrap_or_else(|| "-".into()),
                ),
                (
                    tr("Verdict", "Kết luận"),
                    format!(
                        "{} ({} {})",
                        explain.action(&r.action, lang),
                        tr("score", "điểm"),
                        crate::explain::decimal(r.score, lang)
                    ),
                ),
                (tr("Queue id", "Mã hàng đợi"), r.queue_id.clone()),
                (
                    tr("Client", "Máy gửi"),
                    format!("{} (HELO {})", r.client_addr, r.helo),
                ),
                (
                    tr("Authenticated", "Đăng nhập SMTP"),
                    if r.auth_user.is_empty() {
                        yes_no(false).to_owned()
                    } else {
                        r.auth_user.clone()
                    },
                ),
                (
                    tr("Internal", "Người gửi nội bộ"),
                    yes_no(r.internal_sender).to_owned(),
                ),
                ("MAIL FROM", r.mail_from.clone()),
                ("RCPT TO", r.rcpt_to.join(", ")),
                (tr("From", "Người gửi (From)"), r.header_from.clone()),
                (tr("Subject", "Tiêu đề"), r.subject.clone()),
                (
                    tr("Size", "Dung lượng"),
                    format!(
                        "{}, SHA-256 {}",
                        crate::explain::size_exact(r.size, lang),
                        r.sha256
                    ),
                ),
                (
                    tr("Original kept", "Còn bản gốc"),
                    if r.has_bytes {
                        yes_no(true).to_owned()
                    } else {
                        tr("no (deleted or purged)", "không (đã xóa hoặc hết hạn lưu)").to_owned()
                    },
                ),
            ];
            let width = rows.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0) + 1;
            for (label, value) in &rows {
                let pad = width - label.chars().count();
                let _ = writeln!(out, "{label}:{:pad$}{value}", "");
            }
            if let Some(head) = shown.head.as_deref() {
                let _ = writeln!(out, "\n{}:", tr("Headers", "Phần đầu thư"));
                for line in
                    String::from_utf8_lossy(&head[..head.len().min(crate::review::MAX_HEAD_BYTES)]).lines()
                {
                    let _ = writeln!(
                        out,
                        "  {}",
                        line.chars()
                            .filter(|c| !c.is_control() || *c == '\t')
                            .collect::<String>()
                    );
                }
            }
            let _ = writeln!(out, "\n{}:", tr("Findings", "Phát hiện"));
            let texts = crate::scanners::symbol_texts_of(config);
            for f in &r.findings {
                let _ = writeln!(
                    out,
                    "  {} ({}) {} {}",
                    f.symbol,
                    crate::explain::decimal(f.score, lang),
                    tr("at", "ở"),
                    explain.location(f, lang)
                );
                let meaning = super::meaning(&texts, &f.symbol, vi);
                if !meaning.is_empty() {
                    let _ = writeln!(out, "      = {meaning}");
                }
                let _ = writeln!(out, "      {}", explain.detail(f, lang));
            }
            let _ = writeln!(out, "\n{}:", tr("Attachments", "Tệp đính kèm"));
            if described.is_none() {
                let _ = writeln!(
                    out,
                    "  {}",
                    tr(
                        "(not described when held; export the original to examine it on an isolated machine)",
                        "(không được mô tả khi giữ thư; hãy xuất bản gốc để xem trên một máy tính cách ly)"
                    )
                );
            }
            for a in described.iter().flat_map(|d| d.attachments.iter()) {
                let _ = writeln!(
                    out,
                    "  {} ({}, {}, SHA-256 {})",
                    explain.place(&crate::verdict::Place::parse(&a.location), lang),
                    a.content_type,
                    crate::explain::size(a.size, lang),
                    a.sha256
                );
            }
            let _ = writeln!(out, "\nAlerts:");
            for a in store.alerts_of(&id)? {
                let state = match a.sent_at {
                    Some(t) => format!("sent {}", time(t)),
                    None => format!(
                        "waiting ({} attempts{})",
                        a.attempts,
                        if a.last_error.is_empty() {
                            String::new()
                        } else {
                            format!(", {}", a.last_error)
                        }
                    ),
                };
                let _ = writeln!(out, "  {:<16} {}  {}", a.kind, a.recipients.join(", "), state);
            }
            let requests = store.release_requests(&id)?;
            if !requests.is_empty() {
                let _ = writeln!(out, "\nRelease requests (four eyes):");
                for q in requests {
                    let _ = writeln!(
                        out,
                        "  {} by {} ({}): {}{}",
                        time(q.requested_at),
                        q.requested_by,
                        q.reason,
                        q.outcome.as_deref().unwrap_or("waiting for a second officer"),
                        q.decided_by.map(|d| format!(" by {d}")).unwrap_or_default()
                    );
                }
            }
            Ok(())
        }),
        QuarantineCommand::Export { id } => store.raw(&id).and_then(|raw| match raw {
            Some(bytes) => {
                store.audit(&who, "export", &id, "")?;
                let _ = out.write_all(&bytes);
                Ok(())
            }
            None => Err(StoreError::State {
                id,
                status: "without its original".to_owned(),
                why: "the bytes were deleted or purged".to_owned(),
            }),
        }),
        QuarantineCommand::Release { id, reason } => {
            officer_act(&store, config, &id, &who, Act::Release, &reason)
        }
        QuarantineCommand::Delete { id, reason } => {
            officer_act(&store, config, &id, &who, Act::Delete, &reason)
        }
        QuarantineCommand::Confirm { id, note } => {
            officer_act(&store, config, &id, &who, Act::Confirm, &note)
        }
        QuarantineCommand::FalsePositive { id, note } => {
            officer_act(&store, config, &id, &who, Act::FalsePositive, &note)
        }
        QuarantineCommand::Resolve {
            id,
            delivered,
            not_delivered: _,
            reason,
        } => store.resolve_release(&id, &who, delivered, &reason),
        QuarantineCommand::Note { id, note } => officer_act(&store, config, &id, &who, Act::Note, &note),
        QuarantineCommand::Purge => store.purge(config.store.retention_days).map(|n| {
            let _ = writeln!(out, "purged the bytes of {n} messages");
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// An officer's action through the shared service ([`crate::review::act`]), said on stdout.
fn officer_act(
    store: &Store,
    config: &Config,
    id: &str,
    who: &str,
    what: Act,
    reason: &str,
) -> Result<(), StoreError> {
    let rt = super::runtime().map_err(|_| StoreError::State {
        id: id.to_owned(),
        status: "not acted on".to_owned(),
        why: "no async runtime".to_owned(),
    })?;
    let done = rt.block_on(crate::review::act(store, config, id, who, what, reason))?;
    let mut out = std::io::stdout().lock();
    match done {
        Done::Released => {
            let _ = writeln!(out, "{id} released to {}", config.release.smtp);
        }
        Done::Requested(req) => {
            let _ = writeln!(
                out,
                "{id} is held for a state-secret marking: release request {} recorded for {who}; another officer must approve it, logged in as another account (canhgac quarantine release {id} --user OTHER, or the console)",
                req.id
            );
        }
        Done::Status(_) | Done::Noted => {}
    }
    Ok(())
}

pub fn audit(config: &Config, cmd: AuditCommand) -> ExitCode {
    let store = match open(config) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let mut out = std::io::stdout().lock();
    match cmd {
        AuditCommand::List { id, json } => match store.audit_entries(id.as_deref()) {
            Ok(entries) => {
                for e in entries {
                    let line = if json {
                        serde_json::to_string(&e).unwrap_or_default()
                    } else {
                        format!(
                            "{:>6}  {}  {:<12} {:<15} {}  {}",
                            e.seq,
                            time(e.at),
                            e.actor,
                            e.action,
                            e.message_id,
                            e.reason
                        )
                    };
                    let _ = writeln!(out, "{line}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        AuditCommand::Verify { anchor } => {
            let mut given = Vec::new();
            for a in &anchor {
                match crate::store::Anchor::parse(a) {
                    Some(x) => given.push(x),
                    None => {
                        eprintln!(
                            "canhgac: --anchor {a:?}: expected SEQ:MAC (an entry number, a colon, 64 hex digits)"
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            match store.audit_verify_with(&given) {
                Ok(c) if c.first_bad.is_none() => {
                    let _ = writeln!(
                        out,
                        "audit log intact: {} entries, keyed chain verified with key {}, {} anchors checked{}",
                        c.entries,
                        c.key_id,
                        c.anchors_checked,
                        c.head.map(|(s, m)| format!("; head {s}:{m}")).unwrap_or_default()
                    );
                    ExitCode::SUCCESS
                }
                Ok(c) => {
                    let _ = writeln!(
                        out,
                        "audit log ALTERED at entry {}: {} ({} entries)",
                        c.first_bad.unwrap_or_default(),
                        c.why.unwrap_or_default(),
                        c.entries
                    );
                    ExitCode::from(1)
                }
                Err(e) => fail(e),
            }
        }
        AuditCommand::Anchor => match store.anchor_audit() {
            Ok(Some(a)) => {
                tracing::info!(anchor = %a.text(), "audit anchor");
                let _ = writeln!(out, "{}", a.text());
                ExitCode::SUCCESS
            }
            Ok(None) => match store.audit_verify() {
                Ok(c) => {
                    let _ = writeln!(
                        out,
                        "{}",
                        c.head.map(|(s, m)| format!("{s}:{m}")).unwrap_or_default()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            },
            Err(e) => fail(e),
        },
    }
}

pub fn directory(config: &Config, cmd: DirectoryCommand) -> ExitCode {
    let load = |p: &Path| {
        Directory::load(p).map_err(|e| {
            eprintln!("canhgac: {e}");
            ExitCode::from(2)
        })
    };
    match cmd {
        DirectoryCommand::Check { file } => {
            let dir = match load(&file) {
                Ok(d) => d,
                Err(c) => return c,
            };
            let problems = dir.check();
            for p in &problems {
                println!("{}: {p}", file.display());
            }
            if problems.is_empty() {
                println!(
                    "{}: {} mailboxes, all follow the rules of art. 5",
                    file.display(),
                    dir.entries().len()
                );
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        DirectoryCommand::Suggest { name, file, domain } => {
            let path = file.unwrap_or_else(|| config.local.directory.clone());
            let dir = if path.as_os_str().is_empty() {
                Directory::default()
            } else {
                match load(&path) {
                    Ok(d) => d,
                    Err(c) => return c,
                }
            };
            println!("{}", dir.suggest(&name, &domain));
            ExitCode::SUCCESS
        }
    }
}

/// The configuration file a command reads (`--config`), or the defaults.
pub fn config_for(path: Option<&Path>) -> Result<Config, ExitCode> {
    let config = super::load(path).map_err(|e| {
        eprintln!("canhgac: {e}");
        ExitCode::from(2)
    })?;
    let store = if config.store.url.is_empty() {
        config.store.path.clone()
    } else {
        std::path::PathBuf::from(crate::sql::redact(&config.store.url))
    };
    super::say_what_is_used(path, &config, Some(("store", &store)));
    Ok(config)
}
