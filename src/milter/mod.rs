//! Milter glue: one short handler per milter stage that hands the data to the session and turns
//! its answer into a milter reply. No scanning or policy here.

mod listen;
mod session;

pub use listen::{Coalesce, MilterListener};
pub use session::Session;

use crate::actions;
use crate::actions::{Answer, HeaderEdit, HeaderMarks, Held};
use crate::engine::EngineHandle;
use crate::store::traffic::{Ending, Seen, outcome_counters};
use crate::verdict::{SmtpReply, Verdict};
use indymilter::{
    Actions, Callbacks, ContextActions, EomContext, MacroStage, NegotiateContext, ProtoOpts, SetErrorReply,
    SocketInfo, Status,
};
use session::Early;
use std::ffi::{CStr, CString};
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Shared by every connection: the engine in use.
#[derive(Clone)]
pub struct Shared {
    pub engine: EngineHandle,
    /// Benchmark baseline: receive as usual, accept without scanning.
    pub noop: bool,
    /// The quarantine store. Without one (tests of the gateway core), held messages stay in
    /// Postfix's hold queue only.
    pub store: Option<Arc<crate::store::Store>>,
    /// The allow and block lists (kept up to date from the store by the daemon).
    pub lists: crate::policy::lists::ListsHandle,
    /// The gateway's metrics (None: not counted).
    pub metrics: Option<Arc<crate::metrics::Metrics>>,
    /// The yearly report's counters, written to the store by the daemon (None: not counted).
    pub tally: Option<Arc<crate::store::traffic::Tally>>,
}

impl Shared {
    pub fn new(engine: EngineHandle) -> Shared {
        Shared {
            engine,
            noop: false,
            store: None,
            lists: Default::default(),
            metrics: None,
            tally: None,
        }
    }
}

/// Runs the milter on `listener` until `shutdown` completes; messages in their end-of-message
/// stage finish first.
pub async fn run(listener: MilterListener, shared: Shared, shutdown: impl Future) -> std::io::Result<()> {
    let cfg = shared.engine.current().config().milter.clone();
    let config = indymilter::Config {
        max_connections: cfg.max_connections,
        connection_timeout: Duration::from_secs(cfg.io_timeout_secs),
        ..Default::default()
    };
    indymilter::run(listener, callbacks(shared), config, shutdown).await
}

fn cstr_to_string(c: &CStr) -> String {
    String::from_utf8_lossy(c.to_bytes()).into_owned()
}

fn macro_value(macros: &indymilter::Macros, name: &CStr) -> Option<String> {
    macros.get(name).map(cstr_to_string).filter(|v| !v.is_empty())
}

fn set_reply(reply: &mut impl SetErrorReply, r: &SmtpReply) {
    if let Err(e) = reply.set_error_reply(&r.code.to_string(), Some(&r.status), [r.text.as_str()]) {
        tracing::warn!(error = %e, reply = %r, "cannot set SMTP reply; the MTA's default is used");
    }
}

fn early(cx_reply: &mut impl SetErrorReply, e: Early, otherwise: Status) -> Status {
    match e {
        Early::Continue => otherwise,
        Early::Reject(r) => {
            set_reply(cx_reply, &r);
            Status::Reject
        }
        Early::Tempfail(r) => {
            set_reply(cx_reply, &r);
            Status::Tempfail
        }
    }
}

fn callbacks(shared: Shared) -> Callbacks<Session> {
    let neg_shared = shared.clone();
    Callbacks::new()
        .on_negotiate(move |cx: &mut NegotiateContext<Session>, actions, opts| {
            let engine = neg_shared.engine.current();
            let store = neg_shared.store.clone();
            let lists = neg_shared.lists.current();
            let metrics = neg_shared.metrics.clone();
            let tally = neg_shared.tally.clone();
            Box::pin(async move {
                cx.requested_actions =
                    (Actions::ADD_HEADER | Actions::CHANGE_HEADER | Actions::QUARANTINE) & actions;
                // No "no reply" stages (SMFIP_NR_*): Postfix does not set TCP_NODELAY on its
                // milter socket, so after a command we do not answer, its next small write waits
                // for our delayed ACK (~40 ms per message; measured 21 msg/s instead of 274).
                let leading_space = opts.contains(ProtoOpts::LEADING_SPACE);
                // Nor skipped stages (SMFIP_NODATA…): measured, skipping DATA brings the same
                // 40 ms stall back (Postfix then writes twice before waiting for an answer).
                let mut req = ProtoOpts::NO_UNKNOWN & opts;
                if leading_space {
                    req |= ProtoOpts::LEADING_SPACE;
                }
                cx.requested_opts = req;
                for (stage, names) in [
                    (MacroStage::Connect, "{client_addr} {client_name} j"),
                    (MacroStage::Mail, "{auth_authen} {auth_type} i"),
                    (MacroStage::Eom, "i"),
                ] {
                    if let Ok(c) = CString::new(names) {
                        cx.requested_macros.insert(stage, c);
                    }
                }
                let mut session = Session::new(engine, leading_space).counted_in(metrics);
                session.store = store;
                session.lists = lists;
                session.tally = tally;
                cx.data = Some(session);
                Status::Continue
            })
        })
        .on_connect(|cx, hostname, socket| {
            Box::pin(async move {
                // Postfix's {client_addr} is the real client even behind a proxy (XCLIENT).
                let addr = macro_value(&cx.macros, c"{client_addr}")
                    .and_then(|a| a.trim_start_matches("IPv6:").parse().ok())
                    .or(match socket {
                        SocketInfo::Inet(a) => Some(a.ip()),
                        _ => None,
                    });
                let Some(s) = cx.data.as_mut() else {
                    return Status::Tempfail;
                };
                s.conn.client_addr = addr;
                s.conn.client_name = cstr_to_string(&hostname);
                Status::Continue
            })
        })
        .on_helo(|cx, helo| {
            Box::pin(async move {
                let Some(s) = cx.data.as_mut() else {
                    return Status::Tempfail;
                };
                s.conn.helo = cstr_to_string(&helo);
                Status::Continue
            })
        })
        .on_mail(|cx, args| {
            Box::pin(async move {
                let auth = macro_value(&cx.macros, c"{auth_authen}");
                let queue_id = macro_value(&cx.macros, c"i");
                let Some(s) = cx.data.as_mut() else {
                    return Status::Tempfail;
                };
                let args = args.iter().map(|a| cstr_to_string(a)).collect();
                let e = s.mail(args, auth, queue_id);
                early(&mut cx.reply, e, Status::Continue)
            })
        })
        .on_rcpt(|cx, args| {
            Box::pin(async move {
                let Some(s) = cx.data.as_mut() else {
                    return Status::Tempfail;
                };
                let e = s.rcpt(args.iter().map(|a| cstr_to_string(a)).collect());
                early(&mut cx.reply, e, Status::Continue)
            })
        })
        .on_header(|cx, name, value| {
            Box::pin(async move {
                let Some(s) = cx.data.as_mut() else {
                    return Status::Tempfail;
                };
                let e = s.header(name.as_bytes(), value.as_bytes()).await;
                early(&mut cx.reply, e, Status::Continue)
            })
        })
        .on_eoh(|cx| {
            Box::pin(async move {
                let Some(s) = cx.data.as_mut() else {
                    return Status::Tempfail;
                };
                if let e @ Early::Reject(_) = s.end_of_headers() {
                    return early(&mut cx.reply, e, Status::Continue);
                }
                let e = s.receive(b"\r\n").await;
                early(&mut cx.reply, e, Status::Continue)
            })
        })
        .on_body(|cx, chunk| {
            Box::pin(async move {
                let Some(s) = cx.data.as_mut() else {
                    return Status::Tempfail;
                };
                // The queue id is often unknown at MAIL FROM; look it up until it is.
                if !s.has_queue_id() {
                    s.set_queue_id(macro_value(&cx.macros, c"i"));
                }
                let e = s.receive(&chunk).await;
                early(&mut cx.reply, e, Status::Continue)
            })
        })
        .on_eom(move |cx| {
            let noop = shared.noop;
            Box::pin(async move {
                if noop {
                    if let Some(s) = cx.data.as_mut() {
                        s.message = None;
                    }
                    return Status::Accept;
                }
                eom(cx).await
            })
        })
        .on_abort(|cx| {
            Box::pin(async move {
                if let Some(s) = cx.data.as_mut() {
                    s.message = None;
                }
                Status::Continue
            })
        })
}

/// End of message: scan on the blocking pool within the time limit, then answer.
async fn eom(cx: &mut EomContext<Session>) -> Status {
    let started = Instant::now();
    let queue_id = macro_value(&cx.macros, c"i");
    let Some(s) = cx.data.as_mut() else {
        return Status::Tempfail;
    };
    let engine = s.engine.clone();
    let metrics = s.metrics.clone();
    let tally = s.tally.clone();
    let marks = s.header_marks();
    s.set_queue_id(queue_id.clone());
    // Read the message back from the spool only when memory allows (a burst of large
    // messages queues here instead of being held whole all at once).
    let wait = Duration::from_secs(engine.config().milter.scan_timeout_secs);
    let Ok(_memory) = tokio::time::timeout(wait, engine.reserve_memory(s.buffered())).await else {
        tracing::warn!(
            queue_id = queue_id.as_deref().unwrap_or("-"),
            "no scan memory free within {} s; answering tempfail",
            wait.as_secs()
        );
        s.message = None;
        set_reply(
            &mut cx.reply,
            &engine.tempfail_reply("Temporary failure: gateway busy, try again later"),
        );
        return Status::Tempfail;
    };
    let Some(input) = s.finish().await else {
        // End of message without MAIL FROM: nothing we can vouch for.
        return Status::Tempfail;
    };
    let cfg = engine.config();
    let store = s.store.clone();
    let (verdict, timings, envelope, size, held, attachments, auth) = match input {
        Err(e) => {
            tracing::error!(queue_id = queue_id.as_deref().unwrap_or("-"), error = %e, "message could not be read back");
            (
                engine.failure("SCAN_IO_ERROR", "Temporary failure: message could not be spooled"),
                Vec::new(),
                None,
                0,
                Held::NoStore,
                0,
                None,
            )
        }
        Ok(input) => {
            let size = input.truncated_at.unwrap_or(input.raw.len() as u64);
            let envelope = input.envelope.clone();
            let limit = Duration::from_secs(cfg.milter.scan_timeout_secs);
            let input = Arc::new(input);
            let (verdict, timings, attachments, auth) =
                match tokio::time::timeout(limit, engine.scan(input.clone())).await {
                    Ok(report) => (
                        report.verdict,
                        report.timings,
                        report.attachments,
                        report.authentication,
                    ),
                    Err(_) => (
                        engine.failure(
                            "SCAN_TIMEOUT",
                            &format!("Temporary failure: scan took longer than {} s", limit.as_secs()),
                        ),
                        Vec::new(),
                        0,
                        None,
                    ),
                };
            // A held message is stored durably before Postfix hears anything.
            let held = match (&store, actions::holds(&verdict)) {
                (Some(store), true) => {
                    // What officers will be shown, described where the scan ran (a worker):
                    // the console never parses held bytes itself.
                    // A message that killed a worker twice is not handed to a third.
                    let crashed = verdict.findings.iter().any(|f| f.symbol == "SCAN_CRASH");
                    let described = if crashed {
                        None
                    } else {
                        engine.describe(input.clone()).await
                    };
                    let (store, engine, v) = (store.clone(), engine.clone(), verdict.clone());
                    let auth_header = auth.as_ref().map(|a| a.header.clone());
                    match tokio::task::spawn_blocking(move || {
                        actions::quarantine(
                            &engine,
                            &store,
                            &input,
                            &v,
                            described.as_ref(),
                            auth_header.as_deref(),
                        )
                    })
                    .await
                    {
                        Ok(Ok(id)) => Held::Stored(id),
                        Ok(Err(e)) => {
                            tracing::error!(queue_id = queue_id.as_deref().unwrap_or("-"), error = %e, "cannot store the held message; answering tempfail");
                            Held::Failed
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "store task failed; answering tempfail");
                            Held::Failed
                        }
                    }
                }
                _ => Held::NoStore,
            };
            (verdict, timings, Some(envelope), size, held, attachments, auth)
        }
    };
    let quarantine_id = match &held {
        Held::Stored(id) => Some(id.clone()),
        _ => None,
    };
    let auth_header = auth.as_ref().map(|a| a.header.as_str());
    let status = apply(cx, &verdict, &marks, auth_header, &held).await;
    let units = envelope.as_ref().map(|e| {
        let dir = engine.directory();
        (
            crate::directory::Directory::units_of(dir, [e.mail_from.as_str()]),
            crate::directory::Directory::units_of(dir, e.rcpt_to.iter().map(String::as_str)),
        )
    });
    let about = About {
        quarantine_id: quarantine_id.as_deref(),
        queue_id: queue_id.as_deref(),
        env: envelope.as_ref(),
        units: units.as_ref(),
        size,
    };
    log_verdict(&about, &verdict, &timings, started.elapsed());
    if let (Some(t), Some(env)) = (tally, envelope.as_ref()) {
        // In memory only: the daemon writes the counts in batches, off the answer path.
        let ending = Ending::of(&verdict, matches!(held, Held::Failed));
        let seen = Seen {
            at: crate::store::now(),
            sender: &env.mail_from,
            recipients: &env.rcpt_to,
            size,
            attachments,
            ending,
            outcomes: outcome_counters(&verdict, ending),
        };
        t.count(&seen, engine.directory(), &engine.config().local);
    }
    if let Some(m) = metrics {
        m.verdict(
            verdict.action.as_str(),
            &verdict.reason,
            verdict.findings.iter().map(|f| f.symbol.as_str()),
        );
        let scanners: Vec<(&str, u64)> = timings.iter().map(|t| (t.scanner, t.micros)).collect();
        m.scanned(size, &scanners, started.elapsed());
    }
    status
}

/// Carries out what [`actions::plan`] decided: the header edits, the MTA's hold queue, the
/// answer. A failed edit loses only a mark (logged); a failed hold request answers tempfail.
async fn apply(
    cx: &mut EomContext<Session>,
    v: &Verdict,
    marks: &HeaderMarks,
    auth_results: Option<&str>,
    held: &Held,
) -> Status {
    let Some(s) = cx.data.as_ref() else {
        return Status::Tempfail;
    };
    let engine = s.engine.clone();
    let lead = if s.leading_space { " " } else { "" };
    let plan = actions::plan(engine.config(), v, held, marks, auth_results, lead, |text| {
        engine.tempfail_reply(text)
    });
    for edit in plan.edits {
        let (name, result) = match edit {
            HeaderEdit::Remove { name, index } => {
                let r = cx
                    .actions
                    .change_header(name.as_str(), index, None::<CString>)
                    .await;
                (name, r)
            }
            HeaderEdit::Add { name, value } => {
                let r = cx.actions.add_header(name.as_str(), value).await;
                (name, r)
            }
            HeaderEdit::Change { name, index, value } => match CString::new(value) {
                Ok(c) => {
                    let r = cx.actions.change_header(name.as_str(), index, Some(c)).await;
                    (name, r)
                }
                Err(_) => continue,
            },
        };
        if let Err(e) = result {
            // The verdict stands; only a mark or its explanation is missing.
            tracing::warn!(error = %e, header = name, "cannot edit a header");
        }
    }
    if let Some(reason) = plan.mta_hold
        && let Err(e) = cx.actions.quarantine(reason).await
    {
        tracing::error!(error = %e, "cannot ask the MTA to hold the message; answering tempfail");
        return Status::Tempfail;
    }
    match plan.answer {
        Answer::Accept => Status::Accept,
        Answer::Discard => Status::Discard,
        Answer::Reject(r) => {
            set_reply(&mut cx.reply, &r);
            Status::Reject
        }
        Answer::Tempfail(r) => {
            set_reply(&mut cx.reply, &r);
            Status::Tempfail
        }
    }
}

/// What the verdict's log line says of the message.
struct About<'a> {
    quarantine_id: Option<&'a str>,
    queue_id: Option<&'a str>,
    env: Option<&'a crate::message::Envelope>,
    /// The sender's units and the recipients' (directory ids, else domains).
    units: Option<&'a (Vec<String>, Vec<String>)>,
    size: u64,
}

/// The one log line of a message, keyed by Postfix's queue id.
fn log_verdict(about: &About<'_>, v: &Verdict, timings: &[crate::engine::ScannerTime], elapsed: Duration) {
    let About {
        quarantine_id,
        queue_id,
        env,
        units,
        size,
    } = *about;
    let symbols: Vec<String> = v
        .findings
        .iter()
        .map(|f| format!("{}({:.2})", f.symbol, f.score))
        .collect();
    let scan_us: Vec<String> = timings
        .iter()
        .map(|t| format!("{}={}", t.scanner, t.micros))
        .collect();
    tracing::info!(
        target: "canhgac::verdict",
        queue_id = queue_id.unwrap_or("-"),
        client = %env.and_then(|e| e.client_addr).map_or("-".to_owned(), |a| a.to_string()),
        from = env.map_or("", |e| e.mail_from.as_str()),
        rcpt = %env.map_or(String::new(), |e| e.rcpt_to.join(",")),
        sender_unit = %units.map_or(String::new(), |u| u.0.join(",")),
        rcpt_units = %units.map_or(String::new(), |u| u.1.join(",")),
        size,
        action = %v.action,
        reason = if v.reason.is_empty() { "clean" } else { v.reason.as_str() },
        dry_run_action = %v.dry_run_action.map_or("-", |a| a.as_str()),
        score = v.score,
        level = v.level.as_deref().unwrap_or("-"),
        quarantine_id = quarantine_id.unwrap_or("-"),
        symbols = %symbols.join(" "),
        reply = %v.reply.as_ref().map_or("-".to_owned(), |r| r.to_string()),
        scan_us = %scan_us.join(","),
        ms = elapsed.as_secs_f64() * 1000.0,
        "verdict"
    );
}
