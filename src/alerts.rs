//! Alerts to the units involved and to the security officers when a message is held for a
//! state-secret marking (regulation art. 11.6), and SMTP delivery: the background sender that
//! drains the store's outbox to `[alerts] smtp` with retries, and the re-injection of released
//! messages to `[release] smtp`. Alerts never carry the held message's body or attachments.

use crate::config::Config;
use crate::directory::Directory;
use crate::explain::{Explainer, Lang};
use crate::message::Envelope;
use crate::mime_out::{base64, encode_header};
use crate::store::{NewAlert, Status, Store, StoreError};
use crate::templates::AlertTemplates;
use crate::time::rfc5322_date;
pub use crate::time::vietnam_time;
use crate::verdict::Place;
use crate::verdict::Verdict;
use lettre::AsyncTransport;
use minijinja::{Value, context};
use std::sync::Arc;
use std::time::Duration;

/// Whether the sender is internal: it authenticated, or came from an internal network, and its
/// address is in a local domain.
pub fn sender_is_internal(cfg: &Config, env: &Envelope) -> bool {
    let from_inside = env.auth_user.is_some()
        || env
            .client_addr
            .is_some_and(|ip| cfg.local.internal_networks.iter().any(|n| n.contains(ip)));
    from_inside && cfg.local.is_local(&env.mail_from)
}

/// The facts an alert tells.
pub struct Facts<'a> {
    pub envelope: &'a Envelope,
    pub verdict: &'a Verdict,
    pub subject: &'a str,
    pub internal_sender: bool,
    pub received_at: i64,
}

/// Where the markings were found, in Vietnamese: the locations of the marking findings
/// (attachment names, paths inside archives, pages, lines), never their text (what OCR read
/// is left out).
fn places(v: &Verdict, explain: &Explainer) -> Vec<String> {
    let mut out: Vec<String> = v
        .findings
        .iter()
        .filter(|f| f.symbol.starts_with("MARKING_"))
        .map(|f| {
            let steps: Vec<Place> = f
                .place
                .iter()
                .filter(|p| !matches!(p, Place::OcrRead { .. }))
                .cloned()
                .collect();
            if steps.is_empty() {
                f.location.clone()
            } else {
                explain.place(&steps, Lang::Vi)
            }
        })
        .collect();
    out.dedup();
    out
}

/// Builds the alert mails for a held message: one to the sender's unit (internal senders only),
/// one to the units of the local recipients (deduplicated), one to the officers; worded by
/// `templates` (`rules/alerts/`).
pub fn plan(
    cfg: &Config,
    dir: Option<&Directory>,
    (templates, explain): (&AlertTemplates, &Explainer),
    facts: &Facts<'_>,
) -> Vec<NewAlert> {
    let a = &cfg.alerts;
    if !a.enabled {
        return Vec::new();
    }
    let env = facts.envelope;
    let unit_of = |addr: &str| -> Option<(String, String)> {
        let e = dir?.lookup(addr)?;
        Some((e.unit_mailbox.clone(), e.unit_name.clone()))
    };
    let sender_unit = facts.internal_sender.then(|| unit_of(&env.mail_from)).flatten();
    let mut recipient_units: Vec<(String, String)> = Vec::new();
    let mut unknown_local: Vec<String> = Vec::new();
    for r in env.rcpt_to.iter().filter(|r| cfg.local.is_local(r)) {
        match unit_of(r) {
            Some(u) => {
                let same_as_sender = sender_unit.as_ref().is_some_and(|s| s.0 == u.0);
                if !same_as_sender && !recipient_units.iter().any(|x| x.0 == u.0) {
                    recipient_units.push(u);
                }
            }
            None => unknown_local.push(r.clone()),
        }
    }
    let level = facts.verdict.level.clone().unwrap_or_else(|| "MẬT".to_owned());
    let common = Common::of(cfg, facts, level, places(facts.verdict, explain));
    let mut out = Vec::new();
    if let Some((mailbox, unit)) = sender_unit.clone() {
        let extra = context! { unit => unit };
        out.push(alert(
            ("sender_unit", "sender_unit"),
            vec![mailbox],
            templates,
            &common,
            extra,
        ));
    }
    if !recipient_units.is_empty() {
        let names: Vec<&str> = recipient_units.iter().map(|u| u.1.as_str()).collect();
        let extra = context! { units => names.join("; ") };
        let to = recipient_units.iter().map(|u| u.0.clone()).collect();
        out.push(alert(
            ("recipient_units", "recipient_units"),
            to,
            templates,
            &common,
            extra,
        ));
    }
    if !a.officers.is_empty() {
        let mut notes = Vec::new();
        if cfg.local.is_local(&env.mail_from) && !facts.internal_sender {
            notes.push(format!(
                "LƯU Ý: người gửi tự nhận địa chỉ thuộc tên miền của tỉnh ({}) nhưng gửi từ bên ngoài (máy {}, không xác thực): có thể là thư giả mạo; không gửi cảnh báo cho đơn vị của địa chỉ này.",
                env.mail_from,
                client_of(env)
            ));
        } else if !cfg.local.is_local(&env.mail_from) {
            notes.push(format!(
                "Người gửi ở ngoài hệ thống thư công vụ của tỉnh ({}).",
                env.mail_from
            ));
        } else if sender_unit.is_none() {
            notes.push(format!(
                "Không tìm thấy đơn vị của người gửi {} trong danh bạ.",
                env.mail_from
            ));
        }
        if !unknown_local.is_empty() {
            notes.push(format!(
                "Người nhận không có trong danh bạ: {}.",
                unknown_local.join(", ")
            ));
        }
        let extra = context! { notes => notes };
        out.push(alert(
            ("officers", "officers"),
            a.officers.clone(),
            templates,
            &common,
            extra,
        ));
    }
    out
}

/// The client's address as alerts name it.
fn client_of(env: &Envelope) -> String {
    env.client_addr.map_or("không rõ".to_owned(), |ip| ip.to_string())
}

/// The officers' alert for a message held because it killed a scanning worker twice
/// (`SCAN_CRASH`): a message built to crash the scanner is an attack on the gateway, and its
/// content is unknown. No unit is told: nothing says the message holds a marking.
pub fn plan_scan_crash(cfg: &Config, templates: &AlertTemplates, facts: &Facts<'_>) -> Vec<NewAlert> {
    let a = &cfg.alerts;
    if !a.enabled || a.officers.is_empty() {
        return Vec::new();
    }
    let common = Common::of(
        cfg,
        facts,
        "không xác định (thư chưa quét được)".to_owned(),
        vec!["toàn bộ thư".to_owned()],
    );
    let extra = context! { client => client_of(facts.envelope) };
    vec![alert(
        ("officers", "scan_crash"),
        a.officers.clone(),
        templates,
        &common,
        extra,
    )]
}

/// The officers' mail carrying an anchor of the audit chain's head (`[audit] anchor_hours`):
/// kept in their mailbox, outside the gateway, it lets `canhgac audit verify --anchor SEQ:MAC`
/// notice entries removed from the end of the log. None when alerts are off or no officers.
pub fn anchor_mail(
    cfg: &Config,
    anchor: &crate::store::Anchor,
    key_id: &str,
) -> Option<(Vec<String>, Vec<u8>)> {
    let a = &cfg.alerts;
    if !a.enabled || a.officers.is_empty() {
        return None;
    }
    let text = format!(
        "Kính gửi: Sở Thông tin và Truyền thông (bộ phận an toàn thông tin)\n\nMốc kiểm chứng nhật ký kiểm toán của hệ thống canhgac lúc {}:\n\n    {}\n\n(mục số {}, khóa {}). Xin lưu giữ thư này. Khi cần kiểm tra nhật ký chưa bị xóa hay sửa, chạy:\n\n    canhgac audit verify --anchor {}\n\n-- \nThư này do hệ thống canhgac gửi tự động.\n",
        vietnam_time(anchor.at),
        anchor.text(),
        anchor.seq,
        key_id,
        anchor.text(),
    )
    .replace('\n', "\r\n");
    let domain = a.from.rsplit('@').next().unwrap_or("localhost");
    let mut m = format!(
        "From: canhgac <{}>\r\nTo: {}\r\nSubject: {}\r\nMessage-ID: <audit-anchor-{}@{domain}>\r\nDate: {}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\nX-Canhgac-Audit-Anchor: {}\r\n\r\n",
        a.from,
        a.officers.join(", "),
        encode_header(&format!("[canhgac] Mốc nhật ký kiểm toán: mục {}", anchor.seq)),
        anchor.seq,
        rfc5322_date(anchor.at),
        anchor.text(),
    )
    .into_bytes();
    m.extend_from_slice(&base64(text.as_bytes()));
    Some((a.officers.clone(), m))
}

/// Anchors the audit chain's head (when it moved since the last anchor): records it in the
/// store, logs it, and queues it to the officers' mailbox.
pub fn anchor_audit(
    store: &Store,
    cfg: &Config,
) -> Result<Option<crate::store::Anchor>, crate::store::StoreError> {
    let Some(anchor) = store.anchor_audit()? else {
        return Ok(None);
    };
    let key_id = store.audit_key().0.to_owned();
    tracing::info!(anchor = %anchor.text(), key = %key_id, "audit anchor: the head of the audit chain");
    if let Some((to, mail)) = anchor_mail(cfg, &anchor, &key_id) {
        store.queue_mail("audit", "audit_anchor", &to, &mail)?;
    }
    Ok(Some(anchor))
}

#[derive(Clone)]
struct Common {
    from: String,
    review: String,
    received: String,
    sender: String,
    recipients: String,
    subject: String,
    level: String,
    places: Vec<String>,
}

impl Common {
    /// What every alert about the message `facts` says, with the level and places found.
    fn of(cfg: &Config, facts: &Facts<'_>, level: String, places: Vec<String>) -> Common {
        let env = facts.envelope;
        Common {
            from: cfg.alerts.from.clone(),
            // The console's page of the message, before its id (known when it is held).
            review: cfg.review_link(""),
            received: vietnam_time(facts.received_at),
            sender: env.mail_from.clone(),
            recipients: env.rcpt_to.join(", "),
            subject: facts.subject.to_owned(),
            level,
            places,
        }
    }
}

/// One alert mail of `kind` (as the outbox records it), worded by the template `template` when
/// the quarantine id is known (its review link needs it).
fn alert(
    (kind, template): (&str, &str),
    to: Vec<String>,
    templates: &AlertTemplates,
    c: &Common,
    extra: Value,
) -> NewAlert {
    let to_header = to.join(", ");
    let kind_name = kind.replace('_', "-");
    let (template, templates, c) = (template.to_owned(), templates.clone(), c.clone());
    NewAlert {
        kind: kind.to_owned(),
        recipients: to,
        compose: Box::new(move |id: &str| {
            let facts = context! {
                id => id,
                review_link => format!("{}{id}", c.review),
                received => c.received.clone(),
                sender => c.sender.clone(),
                recipients => c.recipients.clone(),
                subject => c.subject.clone(),
                level => c.level.clone(),
                places => c.places.clone(),
                ..extra.clone()
            };
            // The templates were tried on sample facts when loaded; should one still fail, the
            // built-in wording goes out: an alert is never lost to a template.
            let (subject, body) = templates.render(&template, &facts).unwrap_or_else(|e| {
                tracing::error!(template = %template, error = %e, "alert template failed; the built-in one is used");
                AlertTemplates::built_in()
                    .render(&template, &facts)
                    .unwrap_or_else(|e| (format!("[canhgac] {template}"), e.to_string()))
            });
            let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
            // Stable per quarantine id and kind: a receiver can tell a repeated alert.
            let msgid = format!(
                "<{id}.{kind_name}@{}>",
                c.from.rsplit('@').next().unwrap_or("localhost")
            );
            let mut m = format!(
                "From: canhgac <{}>\r\nTo: {to_header}\r\nSubject: {}\r\nMessage-ID: {}\r\nDate: {}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\nX-Canhgac-Quarantine-Id: {id}\r\n\r\n",
                c.from,
                encode_header(&subject),
                msgid,
                rfc5322_date(crate::store::now()),
            )
            .into_bytes();
            m.extend_from_slice(&base64(body.as_bytes()));
            m
        }),
    }
}

/// Sends raw bytes with an envelope through an SMTP relay at `HOST:PORT`.
pub async fn send_raw(relay: &str, from: &str, to: &[String], bytes: &[u8]) -> Result<(), String> {
    send_raw_answer(relay, from, to, bytes)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Why a message could not be sent, and whether the relay may have it anyway.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    /// Nothing was delivered: the address or envelope was bad, the relay could not be reached,
    /// or it answered with a refusal.
    Refused(String),
    /// The connection failed during the exchange: the relay may or may not have the message.
    Unknown(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Refused(e) => write!(f, "{e}"),
            SendError::Unknown(e) => write!(f, "{e} (the relay may have received it)"),
        }
    }
}

/// As [`send_raw`], returning the relay's final answer, and telling a refusal (nothing
/// delivered) from a failure whose outcome is unknown.
pub async fn send_raw_answer(
    relay: &str,
    from: &str,
    to: &[String],
    bytes: &[u8],
) -> Result<String, SendError> {
    send_inner(relay, from, to, bytes).await
}

async fn send_inner(relay: &str, from: &str, to: &[String], bytes: &[u8]) -> Result<String, SendError> {
    let refused = SendError::Refused;
    let transport = relay_transport(relay).map_err(refused)?;
    let from = if from.is_empty() {
        None
    } else {
        Some(
            from.parse::<lettre::Address>()
                .map_err(|e| refused(format!("sender {from:?}: {e}")))?,
        )
    };
    let to: Vec<lettre::Address> = to
        .iter()
        .map(|t| {
            t.parse::<lettre::Address>()
                .map_err(|e| refused(format!("recipient {t:?}: {e}")))
        })
        .collect::<Result<_, _>>()?;
    let envelope = lettre::address::Envelope::new(from, to).map_err(|e| refused(e.to_string()))?;
    // lettre ends the data with CRLF "." CRLF itself: give it the message without its final
    // CRLF, so the relay gets exactly the original bytes.
    let bytes = bytes.strip_suffix(b"\r\n").unwrap_or(bytes);
    match transport.send_raw(&envelope, bytes).await {
        Ok(response) => Ok(format!(
            "{} {}",
            response.code(),
            response.message().collect::<Vec<_>>().join(" ")
        )),
        // An SMTP answer refusing it: the relay does not have the message.
        Err(e) if e.is_permanent() || e.is_transient() => Err(SendError::Refused(e.to_string())),
        Err(e) if connection_refused(&e) => Err(SendError::Refused(e.to_string())),
        Err(e) => Err(SendError::Unknown(e.to_string())),
    }
}

type Relay = lettre::AsyncSmtpTransport<lettre::Tokio1Executor>;

/// The SMTP client of a relay at `HOST:PORT` (plain SMTP on loopback or the internal network).
fn relay_transport(relay: &str) -> Result<Relay, String> {
    let (host, port) = relay
        .rsplit_once(':')
        .and_then(|(h, p)| Some((h.to_owned(), p.parse::<u16>().ok()?)))
        .ok_or_else(|| format!("bad relay address {relay:?}"))?;
    Ok(Relay::builder_dangerous(host)
        .port(port)
        .timeout(Some(Duration::from_secs(30)))
        .build())
}

/// Whether the relay at `HOST:PORT` greets and answers EHLO (for `canhgac doctor`).
pub async fn check_relay(relay: &str) -> Result<(), String> {
    match relay_transport(relay)?.test_connection().await {
        Ok(true) => Ok(()),
        Ok(false) => Err("the connection did not complete EHLO".to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

/// Whether an error comes from a connection the relay never accepted.
fn connection_refused(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::ConnectionRefused
        {
            return true;
        }
        cur = err.source();
    }
    false
}

/// What a release call did.
#[derive(Debug, Clone, PartialEq)]
pub enum Released {
    /// Re-injected to its recipients (one step, or approved by a second officer).
    Sent,
    /// Held for a state-secret marking: the request is recorded and waits for another officer.
    Requested(crate::store::ReleaseRequest),
}

/// Releases a held message: the four-eyes step for marked messages (the first officer's call
/// records a request, a different officer's call approves), then the original bytes, unchanged,
/// go to their recipients through `[release] smtp`, and the status becomes `released`.
/// The CLI and the web console both release through here. Blocking store calls: run it where
/// blocking is allowed (the CLI's runtime, or a blocking-pool thread).
pub async fn release(
    store: &Store,
    config: &Config,
    id: &str,
    actor: &str,
    reason: &str,
) -> Result<Released, StoreError> {
    if let crate::store::FourEyes::Requested(req) = store.release_step(id, actor, reason)? {
        return Ok(Released::Requested(req));
    }
    let r = store.get(id)?;
    let Some(raw) = store.raw(id)? else {
        return Err(StoreError::State {
            id: id.to_owned(),
            status: "without its original".to_owned(),
            why: "the bytes were deleted or purged".to_owned(),
        });
    };
    // held → releasing is committed before the relay is contacted: a second release or a
    // delete meanwhile is refused, and a crash from here leaves `releasing` for an operator.
    store.begin_release(id, actor, reason)?;
    match send_raw_answer(&config.release.smtp, &r.mail_from, &r.rcpt_to, &raw).await {
        Ok(answer) => {
            store.finish_release(id, actor, reason, &answer)?;
            Ok(Released::Sent)
        }
        Err(SendError::Refused(e)) => {
            let why = format!("the release relay {} refused it: {e}", config.release.smtp);
            store.abort_release(id, actor, &why)?;
            Err(StoreError::State {
                id: id.to_owned(),
                status: Status::Held.as_str().to_owned(),
                why,
            })
        }
        Err(SendError::Unknown(e)) => Err(StoreError::State {
            id: id.to_owned(),
            status: Status::Releasing.as_str().to_owned(),
            why: format!(
                "the release relay {} failed mid-exchange ({e}); it may have been delivered: check the relay's log, then `canhgac quarantine resolve {id} --delivered` or `--not-delivered`",
                config.release.smtp
            ),
        }),
    }
}

/// Sends what is due in the outbox, once; returns how many were sent.
pub async fn drain_once(store: &Arc<Store>, relay: &str, from: &str, retry: u64) -> usize {
    let due = {
        let s = store.clone();
        match tokio::task::spawn_blocking(move || s.due_alerts(50)).await {
            Ok(Ok(d)) => d,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "cannot read the alert outbox");
                return 0;
            }
            Err(_) => return 0,
        }
    };
    let mut sent = 0;
    for row in due {
        let result = send_raw(relay, from, &row.recipients, &row.body).await;
        let s = store.clone();
        let id = row.id;
        let ok = result.is_ok();
        let outcome = tokio::task::spawn_blocking(move || match &result {
            Ok(()) => s.alert_sent(id),
            Err(e) => s.alert_failed(id, e, retry),
        })
        .await;
        match (ok, outcome) {
            (true, Ok(Ok(()))) => {
                sent += 1;
                tracing::info!(alert = row.id, quarantine_id = %row.message_id, kind = %row.kind, to = %row.recipients.join(","), "alert sent");
            }
            (false, _) => {
                tracing::warn!(alert = row.id, quarantine_id = %row.message_id, relay, "alert not sent yet; will retry")
            }
            (true, other) => tracing::error!(alert = row.id, "alert sent but not marked: {other:?}"),
        }
    }
    sent
}

/// The background sender: drains the outbox every `[alerts] interval_secs` until `stop`.
pub async fn run_sender(store: Arc<Store>, cfg: Config, mut stop: tokio::sync::watch::Receiver<bool>) {
    let every = Duration::from_secs(cfg.alerts.interval_secs.max(1));
    loop {
        drain_once(&store, &cfg.alerts.smtp, &cfg.alerts.from, cfg.alerts.retry_secs).await;
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.changed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15: the anchor of the audit chain's head goes to the officers' mailbox (through
    /// the outbox), once per new head.
    #[test]
    fn the_audit_anchor_is_mailed_to_the_officers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("q.db")).expect("open");
        let mut cfg = Config::default();
        cfg.alerts.officers = vec!["antt@stttt.lamdong.gov.vn".to_owned()];
        assert!(
            anchor_audit(&store, &cfg).expect("anchor").is_none(),
            "an empty log has no head"
        );
        store.audit("officer1", "view", "m1", "").expect("audit");
        let a = anchor_audit(&store, &cfg).expect("anchor").expect("a head");
        assert!(
            anchor_audit(&store, &cfg).expect("anchor").is_none(),
            "same head: no second mail"
        );
        let due = store.due_alerts(10).expect("outbox");
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].kind, "audit_anchor");
        assert_eq!(due[0].recipients, cfg.alerts.officers);
        let text = String::from_utf8_lossy(&due[0].body).into_owned();
        assert!(
            text.contains(&format!("X-Canhgac-Audit-Anchor: {}", a.text())),
            "{text}"
        );
        assert_eq!(store.audit_verify_with(&[a]).expect("verify").first_bad, None);
    }

    #[test]
    fn vietnam_time_is_utc_plus_seven() {
        // 2026-11-16 01:30:00 UTC.
        assert_eq!(
            vietnam_time(1794792600),
            "08:30:00 ngày 16/11/2026 (giờ Việt Nam)"
        );
    }

    #[test]
    fn rfc5322_dates_name_the_weekday() {
        // 2026-11-16 01:30 UTC is Monday 08:30 in Vietnam.
        assert_eq!(rfc5322_date(1794792600), "Mon, 16 Nov 2026 08:30:00 +0700");
    }

    #[test]
    fn long_subjects_are_encoded_in_words() {
        let h = encode_header("[canhgac] Cảnh báo: thư chứa tài liệu có dấu TUYỆT MẬT đã bị tạm giữ");
        assert!(h.is_ascii() && h.starts_with("=?UTF-8?B?"), "{h}");
        assert!(h.lines().all(|l| l.len() <= 78), "{h}");
    }
}
