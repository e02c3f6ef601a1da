//! One milter connection's state, split by SMTP scope: the connection (client, HELO) and the
//! message in progress. RSET or abort is `message = None`, so no field can survive a reset.

use crate::engine::Engine;
use crate::message::{Envelope, MessageBuffer, ScanInput, strip_brackets};
use crate::metrics::{ConnectionGuard, Metrics};
use crate::policy::SmtpReply;
use crate::policy::lists::{ListEntry, ListKind, Lists, Probe};
use crate::store::traffic::{Ending, Seen, Tally};
use crate::verdict::Why;
use std::net::IpAddr;
use std::sync::Arc;

/// What the connection told us before any message.
#[derive(Debug, Default, Clone)]
pub struct ConnInfo {
    pub client_addr: Option<IpAddr>,
    pub client_name: String,
    pub helo: String,
}

/// A message being received.
pub struct MessageState {
    pub envelope: Envelope,
    pub buffer: MessageBuffer,
    /// Bytes received on the wire so far (headers and body).
    pub received: u64,
    /// Buffering stopped because the wire limit was passed.
    pub over_limit: bool,
    /// The buffer could not be written (spool failure): the message must not be accepted.
    pub spool_error: Option<String>,
    /// Headers of ours the message arrived with, and its Subject.
    pub headers: HeaderMarks,
    /// The address of the first From header (for the allow and block lists).
    pub from: Option<String>,
}

pub use crate::actions::{HeaderMarks, SPAM_FLAG, SPAM_SCORE};

/// The per-connection session the milter handlers drive.
pub struct Session {
    pub engine: Arc<Engine>,
    pub conn: ConnInfo,
    pub message: Option<MessageState>,
    /// The MTA sends header values with their leading space (SMFIP_HDR_LEADSPC).
    pub leading_space: bool,
    /// The quarantine store held messages go to (None: Postfix's hold queue only).
    pub store: Option<Arc<crate::store::Store>>,
    /// The allow and block lists, as they were when the connection started.
    pub lists: Arc<Lists>,
    /// The gateway's metrics (None: not counted), and this connection counted open in them.
    pub metrics: Option<Arc<Metrics>>,
    /// The yearly report's counters (None: not counted).
    pub tally: Option<Arc<Tally>>,
    _open: Option<ConnectionGuard>,
}

/// What a stage asks the MTA to do before end-of-message.
pub enum Early {
    Continue,
    Reject(SmtpReply),
    Tempfail(SmtpReply),
}

impl Session {
    pub fn new(engine: Arc<Engine>, leading_space: bool) -> Session {
        Session {
            engine,
            conn: ConnInfo::default(),
            message: None,
            leading_space,
            store: None,
            lists: Arc::default(),
            metrics: None,
            tally: None,
            _open: None,
        }
    }

    /// Counts this connection and its messages in `metrics`.
    pub fn counted_in(mut self, metrics: Option<Arc<Metrics>>) -> Session {
        self._open = metrics.as_ref().map(|m| m.connection());
        self.metrics = metrics;
        self
    }

    /// Counts a message refused before end-of-message in the yearly report's counters
    /// (`reason`: `size` or `blocked`).
    fn tally_refusal(tally: Option<&Tally>, engine: &Engine, reason: &str, env: &Envelope, size: u64) {
        if let Some(t) = tally {
            let seen = Seen {
                at: crate::store::now(),
                sender: &env.mail_from,
                recipients: &env.rcpt_to,
                size,
                attachments: 0,
                ending: Ending::Refused,
                outcomes: vec!["refused".to_owned(), format!("refused:{reason}")],
            };
            t.count(&seen, engine.directory(), &engine.config().local);
        }
    }

    /// Counts a message refused before end-of-message.
    fn count_refusal(&self, symbol: &str) {
        if let Some(m) = &self.metrics {
            m.verdict("reject", symbol, [symbol]);
        }
    }

    /// A block-list entry matching what is known, as the refusal to give (none in dry-run
    /// mode: logged only).
    fn blocked(&self, stage: &str, probe: &Probe<'_>, size: u64) -> Option<SmtpReply> {
        let entry = self.lists.find(ListKind::Block, probe)?;
        let reply = self
            .engine
            .failure(
                "LIST_BLOCKED",
                "Access denied by local policy",
                Why::new("list_blocked").value("entry", entry.describe()),
            )
            .reply?;
        let env = self.message.as_ref().map(|m| &m.envelope);
        log_list_refusal(
            stage,
            env,
            entry,
            size,
            &reply,
            self.engine.config().policy.dry_run,
        );
        if !self.engine.config().policy.dry_run {
            self.count_refusal("LIST_BLOCKED");
            // A recipient refused at RCPT is not a message refused.
            if let (Some(env), false) = (env, stage == "rcpt") {
                Self::tally_refusal(self.tally.as_deref(), &self.engine, "blocked", env, size);
            }
        }
        (!self.engine.config().policy.dry_run).then_some(reply)
    }

    /// MAIL FROM: starts a new message (dropping any earlier one) and checks `SIZE=`.
    pub fn mail(&mut self, args: Vec<String>, auth_user: Option<String>, queue_id: Option<String>) -> Early {
        let cfg = self.engine.config();
        let mut it = args.into_iter();
        let from = it
            .next()
            .map(|s| strip_brackets(&s).to_owned())
            .unwrap_or_default();
        let envelope = Envelope {
            client_addr: self.conn.client_addr,
            client_name: self.conn.client_name.clone(),
            helo: self.conn.helo.clone(),
            mail_from: from,
            mail_args: it.collect(),
            auth_user,
            queue_id,
            ..Envelope::default()
        };
        let declared = envelope.declared_size();
        self.message = Some(MessageState {
            envelope,
            buffer: MessageBuffer::new(cfg.message.memory_threshold_bytes, &cfg.message.spool_dir()),
            received: 0,
            over_limit: false,
            spool_error: None,
            headers: HeaderMarks::default(),
            from: None,
        });
        match declared {
            Some(size) if size > cfg.limits.max_message_bytes && !cfg.policy.dry_run => {
                let reply = SmtpReply::new(
                    552,
                    "5.3.4",
                    &format!(
                        "Message size {size} exceeds the fixed maximum message size of {} bytes",
                        cfg.limits.max_message_bytes
                    ),
                );
                if let Some(m) = self.message.take() {
                    log_early_refusal("mail", &m.envelope, size, &reply);
                    self.count_refusal("MESSAGE_OVERSIZE");
                    Self::tally_refusal(self.tally.as_deref(), &self.engine, "size", &m.envelope, size);
                }
                Early::Reject(reply)
            }
            _ => {
                let Some(m) = self.message.as_ref() else {
                    return Early::Continue;
                };
                let probe = Probe {
                    client: m.envelope.client_addr,
                    sender: Some(m.envelope.mail_from.as_str()),
                    ..Probe::default()
                };
                match self.blocked("mail", &probe, 0) {
                    Some(reply) => {
                        self.message = None;
                        Early::Reject(reply)
                    }
                    None => Early::Continue,
                }
            }
        }
    }

    /// RCPT TO: a recipient whose unit is on the block list is refused (the others stay).
    pub fn rcpt(&mut self, args: Vec<String>) -> Early {
        let Some(r) = args.into_iter().next() else {
            return Early::Continue;
        };
        let rcpt = strip_brackets(&r).to_owned();
        if !self.lists.is_empty() {
            let units = crate::directory::Directory::units_of(self.engine.directory(), [rcpt.as_str()]);
            let probe = Probe {
                recipient_units: Some(&units),
                ..Probe::default()
            };
            if let Some(reply) = self.blocked("rcpt", &probe, 0) {
                return Early::Reject(reply);
            }
        }
        if let Some(m) = self.message.as_mut() {
            m.envelope.rcpt_to.push(rcpt);
        }
        Early::Continue
    }

    /// End of the header section: the lists with everything the SMTP dialogue and the headers
    /// tell (the From address, every recipient's unit). A block refuses the message before its
    /// body is sent; an allow marks it for the engine to skip spam scoring.
    pub fn end_of_headers(&mut self) -> Early {
        if self.lists.is_empty() {
            return Early::Continue;
        }
        let Some(m) = self.message.as_ref() else {
            return Early::Continue;
        };
        let units = crate::directory::Directory::units_of(
            self.engine.directory(),
            m.envelope.rcpt_to.iter().map(String::as_str),
        );
        let probe = Probe {
            client: m.envelope.client_addr,
            sender: Some(m.envelope.mail_from.as_str()),
            from: m.from.as_deref(),
            recipient_units: Some(&units),
        };
        if let Some(reply) = self.blocked("header", &probe, m.received) {
            self.message = None;
            return Early::Reject(reply);
        }
        let allowed = self.lists.find(ListKind::Allow, &probe).map(ListEntry::describe);
        if let (Some(m), Some(entry)) = (self.message.as_mut(), allowed) {
            m.envelope.spam_allowed = Some(entry);
        }
        Early::Continue
    }

    /// Appends received bytes, counting them against the wire limit.
    pub async fn receive(&mut self, data: &[u8]) -> Early {
        let cfg = self.engine.config();
        let limit = cfg.limits.max_message_bytes;
        let dry_run = cfg.policy.dry_run;
        let Some(m) = self.message.as_mut() else {
            return Early::Continue;
        };
        m.received += data.len() as u64;
        if m.spool_error.is_some() {
            return Early::Tempfail(
                self.engine
                    .tempfail_reply("Temporary failure: cannot spool message"),
            );
        }
        if m.over_limit {
            return Early::Continue;
        }
        if m.received > limit {
            m.over_limit = true;
            // Free the buffer now: nothing more of this message will be kept.
            m.buffer = MessageBuffer::new(0, &cfg.message.spool_dir());
            if !dry_run {
                let reply = SmtpReply::new(
                    552,
                    "5.3.4",
                    &format!("Message size exceeds the fixed maximum message size of {limit} bytes"),
                );
                log_early_refusal("body", &m.envelope, m.received, &reply);
                Self::tally_refusal(
                    self.tally.as_deref(),
                    &self.engine,
                    "size",
                    &m.envelope,
                    m.received,
                );
                self.count_refusal("MESSAGE_OVERSIZE");
                return Early::Reject(reply);
            }
            return Early::Continue;
        }
        if let Err(e) = m.buffer.push(data).await {
            tracing::error!(error = %e, "cannot spool message; answering tempfail");
            m.spool_error = Some(e.to_string());
            return Early::Tempfail(
                self.engine
                    .tempfail_reply("Temporary failure: cannot spool message"),
            );
        }
        Early::Continue
    }

    /// A header as the MTA passed it.
    pub async fn header(&mut self, name: &[u8], value: &[u8]) -> Early {
        let result_header = self.engine.config().policy.result_header.as_bytes();
        if let Some(m) = self.message.as_mut() {
            let h = &mut m.headers;
            if name.eq_ignore_ascii_case(result_header) {
                h.result += 1;
            } else if name.eq_ignore_ascii_case(SPAM_FLAG.as_bytes()) {
                h.spam_flag += 1;
            } else if name.eq_ignore_ascii_case(SPAM_SCORE.as_bytes()) {
                h.spam_score += 1;
            } else if name.eq_ignore_ascii_case(crate::actions::AUTH_RESULTS.as_bytes()) {
                // Ours are added after the scan: one already claiming our authserv-id is forged.
                h.auth_seen += 1;
                let ours = self.engine.authserv_id();
                if let (Some(ours), Ok(v)) = (ours, std::str::from_utf8(value))
                    && crate::scanners::auth::authserv_id_of(v) == ours.to_ascii_lowercase()
                {
                    h.auth_results.push(h.auth_seen);
                }
            } else if name.eq_ignore_ascii_case(b"From") && m.from.is_none() {
                m.from = std::str::from_utf8(value)
                    .ok()
                    .and_then(crate::policy::lists::header_address);
            } else if name.eq_ignore_ascii_case(b"Subject") && !h.has_subject {
                h.has_subject = true;
                h.subject = std::str::from_utf8(value)
                    .ok()
                    .filter(|v| !v.contains('\0'))
                    .map(str::to_owned);
            }
        }
        let mut line = Vec::with_capacity(name.len() + value.len() + 4);
        line.extend_from_slice(name);
        line.push(b':');
        if !self.leading_space {
            line.push(b' ');
        }
        // Folded values arrive with bare LF; the message uses CRLF.
        let mut prev = 0u8;
        for &b in value {
            if b == b'\n' && prev != b'\r' {
                line.push(b'\r');
            }
            line.push(b);
            prev = b;
        }
        line.extend_from_slice(b"\r\n");
        self.receive(&line).await
    }

    /// Whether the message in progress already has its queue id.
    pub fn has_queue_id(&self) -> bool {
        self.message
            .as_ref()
            .is_some_and(|m| m.envelope.queue_id.is_some())
    }

    /// Records the queue id once the MTA has told it (it may be unknown at MAIL FROM).
    pub fn set_queue_id(&mut self, queue_id: Option<String>) {
        if let (Some(m), Some(q)) = (self.message.as_mut(), queue_id) {
            m.envelope.queue_id = Some(q);
        }
    }

    /// Ends the message: returns what to scan, and what happened while receiving it.
    pub async fn finish(&mut self) -> Option<Result<ScanInput, String>> {
        let m = self.message.take()?;
        let envelope = m.envelope;
        if let Some(e) = m.spool_error {
            return Some(Err(e));
        }
        let truncated_at = m.over_limit.then_some(m.received);
        Some(match m.buffer.into_bytes().await {
            Ok(raw) => Ok(ScanInput {
                envelope,
                raw,
                truncated_at,
            }),
            Err(e) => Err(e.to_string()),
        })
    }

    /// Bytes of the message in progress held so far.
    pub fn buffered(&self) -> u64 {
        self.message.as_ref().map_or(0, |m| m.buffer.len())
    }

    /// Our headers the message in progress arrived with, and its Subject.
    pub fn header_marks(&self) -> HeaderMarks {
        self.message
            .as_ref()
            .map_or_else(HeaderMarks::default, |m| m.headers.clone())
    }
}

/// The log line of a message or recipient refused by the block list (same fields as a verdict).
fn log_list_refusal(
    stage: &str,
    env: Option<&Envelope>,
    entry: &ListEntry,
    size: u64,
    reply: &SmtpReply,
    dry_run: bool,
) {
    tracing::info!(
        target: "canhgac::verdict",
        queue_id = env.and_then(|e| e.queue_id.as_deref()).unwrap_or("-"),
        client = %env.and_then(|e| e.client_addr).map_or("-".to_owned(), |a| a.to_string()),
        from = env.map_or("", |e| e.mail_from.as_str()),
        rcpt = %env.map_or(String::new(), |e| e.rcpt_to.join(",")),
        size,
        stage,
        action = if dry_run { "accept" } else { "reject" },
        dry_run_action = if dry_run { "reject" } else { "-" },
        symbols = "LIST_BLOCKED",
        list_entry = %entry.describe(),
        reply = %reply,
        "verdict"
    );
}

/// The one log line of a message refused before end-of-message (same fields as a verdict).
fn log_early_refusal(stage: &str, env: &Envelope, size: u64, reply: &SmtpReply) {
    tracing::info!(
        target: "canhgac::verdict",
        queue_id = env.queue_id.as_deref().unwrap_or("-"),
        client = %env.client_addr.map_or("-".to_owned(), |a| a.to_string()),
        from = env.mail_from.as_str(),
        rcpt = %env.rcpt_to.join(","),
        size,
        stage,
        action = "reject",
        symbols = "MESSAGE_OVERSIZE",
        reply = %reply,
        "verdict"
    );
}
