//! Milter glue: one short handler per milter stage that hands the data to the session and turns
//! its answer into a milter reply. No scanning or policy here.

mod conn;
mod listen;
mod session;
pub mod wire;

pub use conn::run;
pub use listen::MilterListener;
pub use session::Session;

use crate::actions;
use crate::actions::{Answer, HeaderEdit, HeaderMarks, Held};
use crate::engine::EngineHandle;
use crate::store::traffic::{Ending, Seen, outcome_counters};
use crate::verdict::{SmtpReply, Verdict, Why};
use session::Early;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wire::{Command, MacroStage, Reply};

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

/// How the connection goes on after a command.
pub(crate) enum Flow {
    Go,
    Close,
}

/// What a stage answers.
enum Status {
    Continue,
    Accept,
    Discard,
    Reject(Option<SmtpReply>),
    Tempfail(Option<SmtpReply>),
}

impl Status {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Status::Continue => Reply::Continue,
            Status::Accept => Reply::Accept,
            Status::Discard => Reply::Discard,
            Status::Reject(r) => Reply::Reject(r.as_ref()),
            Status::Tempfail(r) => Reply::Tempfail(r.as_ref()),
        }
        .encode(out)
    }
}

fn early(e: Early) -> Status {
    match e {
        Early::Continue => Status::Continue,
        Early::Reject(r) => Status::Reject(Some(r)),
        Early::Tempfail(r) => Status::Tempfail(Some(r)),
    }
}

/// The macro values the MTA sent, by the stage they came with. Values of a stage are dropped
/// when an earlier stage comes again (a new MAIL FROM forgets the last message's queue id).
#[derive(Default)]
struct Macros {
    stages: [Vec<Macro>; 10],
}

/// A macro's name and value.
type Macro = (Box<[u8]>, Box<[u8]>);

impl Macros {
    /// The stages in the order a transaction meets them, by command letter.
    fn index(letter: u8) -> Option<usize> {
        b"CHMRTLNBEU".iter().position(|&l| l == letter)
    }

    /// The macros read here; others are not kept (bounded memory whatever the MTA sends).
    const READ: [&'static [u8]; 3] = [b"{client_addr}", b"{auth_authen}", b"i"];

    fn set(&mut self, letter: u8, pairs: &[(&[u8], &[u8])]) {
        if let Some(i) = Self::index(letter) {
            self.stages[i] = pairs
                .iter()
                .filter(|(k, _)| Self::READ.contains(k))
                .take(Self::READ.len())
                .map(|(k, v)| (Box::from(*k), Box::from(&v[..v.len().min(1024)])))
                .collect();
        }
    }

    /// A command of stage `letter` arrived: what later stages held belongs to an earlier message.
    fn entering(&mut self, letter: u8) {
        if let Some(i) = Self::index(letter) {
            for s in &mut self.stages[i + 1..] {
                s.clear();
            }
        }
    }

    /// The latest value of `name`, if not empty.
    fn get(&self, name: &str) -> Option<String> {
        self.stages.iter().rev().find_map(|s| {
            s.iter()
                .find(|(k, _)| &**k == name.as_bytes())
                .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
                .filter(|v| !v.is_empty())
        })
    }
}

/// The stages we ask the MTA not to wait for an answer on (`[milter] answer_every_stage`
/// off): we never refuse there. A refusal a header earns (the size limit, a spool failure) is
/// kept and given at the next stage answered. Nothing is skipped (SMFIP_NO*): every stage still
/// arrives, so the message is whole. Recipients and the end of the headers join them while the
/// connection's block list has nothing that could refuse there ([`no_reply_stages`]).
const NO_REPLY: u32 = wire::opt::NR_CONNECT | wire::opt::NR_HELO | wire::opt::NR_DATA | wire::opt::NR_HEADER;

/// The stages not answered for a connection with these lists.
fn no_reply_stages(lists: &crate::policy::lists::Lists) -> u32 {
    use crate::policy::lists::ListField;
    let mut nr = NO_REPLY;
    if !lists.blocks(Some(ListField::Unit)) {
        nr |= wire::opt::NR_RCPT;
    }
    if !lists.blocks(None) {
        nr |= wire::opt::NR_EOH;
    }
    nr
}

/// One milter connection's handlers: each command handed to the session, its answer written.
pub(crate) struct Handler {
    shared: Shared,
    session: Option<Session>,
    macros: Macros,
    /// The protocol options agreed with the MTA.
    opts: u32,
    /// A refusal earned at a stage we do not answer, given at the next we do.
    pending: Option<Status>,
}

impl Handler {
    pub(crate) fn new(shared: Shared) -> Handler {
        Handler {
            shared,
            session: None,
            macros: Macros::default(),
            opts: 0,
            pending: None,
        }
    }

    /// Writes `status` unless the stage is one the MTA does not wait on (`no_reply`); a
    /// refusal there waits for the next answered stage.
    fn answer(&mut self, out: &mut Vec<u8>, no_reply: u32, status: Status) {
        if no_reply != 0 && self.opts & no_reply == no_reply {
            if !matches!(status, Status::Continue) && self.pending.is_none() {
                self.pending = Some(status);
            }
            return;
        }
        match self.pending.take() {
            Some(p) if matches!(status, Status::Continue) => p.encode(out),
            _ => status.encode(out),
        }
    }

    /// Handles one command, appending its answer (if any) to `out`.
    pub(crate) async fn command(&mut self, cmd: Command<'_>, out: &mut Vec<u8>) -> Flow {
        match cmd {
            Command::Negotiate {
                version,
                actions,
                opts,
            } => return self.negotiate(version, actions, opts, out),
            Command::Macros { stage, pairs } => self.macros.set(stage, &pairs),
            Command::Connect { hostname, addr } => {
                self.macros.entering(b'C');
                // Postfix's {client_addr} is the real client even behind a proxy (XCLIENT).
                let macro_addr = self
                    .macros
                    .get("{client_addr}")
                    .and_then(|a| a.trim_start_matches("IPv6:").parse().ok());
                let status = match self.session.as_mut() {
                    Some(s) => {
                        s.conn.client_addr = macro_addr.or(addr);
                        s.conn.client_name = String::from_utf8_lossy(hostname).into_owned();
                        Status::Continue
                    }
                    None => Status::Tempfail(None),
                };
                self.answer(out, wire::opt::NR_CONNECT, status);
            }
            Command::Helo(helo) => {
                self.macros.entering(b'H');
                let status = match self.session.as_mut() {
                    Some(s) => {
                        s.conn.helo = String::from_utf8_lossy(helo).into_owned();
                        Status::Continue
                    }
                    None => Status::Tempfail(None),
                };
                self.answer(out, wire::opt::NR_HELO, status);
            }
            Command::Mail(args) => {
                self.macros.entering(b'M');
                self.pending = None;
                let auth = self.macros.get("{auth_authen}");
                let queue_id = self.macros.get("i");
                let status = match self.session.as_mut() {
                    Some(s) => early(s.mail(lossy(&args), auth, queue_id)),
                    None => Status::Tempfail(None),
                };
                self.answer(out, 0, status);
            }
            Command::Rcpt(args) => {
                self.macros.entering(b'R');
                let status = match self.session.as_mut() {
                    Some(s) => early(s.rcpt(lossy(&args))),
                    None => Status::Tempfail(None),
                };
                self.answer(out, wire::opt::NR_RCPT, status);
            }
            Command::Data => {
                self.macros.entering(b'T');
                let status = self.session_status();
                self.answer(out, wire::opt::NR_DATA, status);
            }
            Command::Header { name, value } => {
                self.macros.entering(b'L');
                let status = match self.session.as_mut() {
                    Some(s) => early(s.header(name, value).await),
                    None => Status::Tempfail(None),
                };
                self.answer(out, wire::opt::NR_HEADER, status);
            }
            Command::EndOfHeaders => {
                self.macros.entering(b'N');
                let status = match self.session.as_mut() {
                    Some(s) => match s.end_of_headers() {
                        e @ Early::Reject(_) => early(e),
                        _ => early(s.receive(b"\r\n").await),
                    },
                    None => Status::Tempfail(None),
                };
                self.answer(out, wire::opt::NR_EOH, status);
            }
            Command::Body(chunk) => {
                self.macros.entering(b'B');
                let queue_id = self.macros.get("i");
                let status = match self.session.as_mut() {
                    Some(s) => {
                        // The queue id is often unknown at MAIL FROM; look it up until it is.
                        if !s.has_queue_id() {
                            s.set_queue_id(queue_id);
                        }
                        early(s.receive(chunk).await)
                    }
                    None => Status::Tempfail(None),
                };
                self.answer(out, 0, status);
            }
            Command::EndOfMessage(chunk) => {
                self.macros.entering(b'E');
                if let Some(p) = self.pending.take() {
                    p.encode(out);
                    return Flow::Go;
                }
                if !chunk.is_empty()
                    && let Some(s) = self.session.as_mut()
                    && let e @ (Early::Reject(_) | Early::Tempfail(_)) = s.receive(chunk).await
                {
                    early(e).encode(out);
                    return Flow::Go;
                }
                self.end_of_message(out).await;
            }
            Command::Abort => {
                self.pending = None;
                if let Some(s) = self.session.as_mut() {
                    s.message = None;
                }
            }
            Command::Quit => return Flow::Close,
            Command::QuitNewConnection => {
                // The same MTA process starts another SMTP connection on this socket.
                self.pending = None;
                self.macros = Macros::default();
                if let Some(s) = self.session.as_mut() {
                    s.message = None;
                    s.conn = session::ConnInfo::default();
                }
            }
            Command::Unknown(_) => {
                self.macros.entering(b'U');
                let status = self.session_status();
                self.answer(out, wire::opt::NR_UNKNOWN, status);
            }
        }
        Flow::Go
    }

    fn session_status(&self) -> Status {
        if self.session.is_some() {
            Status::Continue
        } else {
            Status::Tempfail(None)
        }
    }

    /// The MTA's offer: the actions we use, the options above (those it offers), the macros we
    /// read; a new session on the engine and lists of this moment.
    fn negotiate(&mut self, version: u32, actions: u32, opts: u32, out: &mut Vec<u8>) -> Flow {
        if version < 2 {
            tracing::warn!(version, "the MTA speaks a milter protocol older than version 2");
            return Flow::Close;
        }
        let shared = &self.shared;
        let want = wire::action::ADD_HEADER | wire::action::CHANGE_HEADER | wire::action::QUARANTINE;
        let actions = want & actions;
        let offered = opts;
        let engine = shared.engine.current();
        let lists = shared.lists.current();
        let mut opts = (wire::opt::NO_UNKNOWN | wire::opt::LEADING_SPACE) & offered;
        if !engine.config().milter.answer_every_stage {
            opts |= no_reply_stages(&lists) & offered;
        }
        self.opts = opts;
        let mut session =
            Session::new(engine, opts & wire::opt::LEADING_SPACE != 0).counted_in(shared.metrics.clone());
        session.store = shared.store.clone();
        session.lists = lists;
        session.tally = shared.tally.clone();
        self.session = Some(session);
        self.macros = Macros::default();
        Reply::Negotiate {
            version: version.min(wire::VERSION),
            actions,
            opts,
            macros: &[
                (MacroStage::Connect, "{client_addr} {client_name} j"),
                (MacroStage::Mail, "{auth_authen} {auth_type} i"),
                (MacroStage::Eom, "i"),
            ],
        }
        .encode(out);
        Flow::Go
    }

    async fn end_of_message(&mut self, out: &mut Vec<u8>) {
        if self.shared.noop {
            if let Some(s) = self.session.as_mut() {
                s.message = None;
            }
            return Status::Accept.encode(out);
        }
        let queue_id = self.macros.get("i");
        match self.session.as_mut() {
            Some(s) => eom(s, queue_id, out).await,
            None => Status::Tempfail(None).encode(out),
        }
    }
}

fn lossy(args: &[&[u8]]) -> Vec<String> {
    args.iter()
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect()
}

/// End of message: scan on the blocking pool within the time limit, then answer.
async fn eom(s: &mut Session, queue_id: Option<String>, out: &mut Vec<u8>) {
    let started = Instant::now();
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
        let reply = engine.tempfail_reply("Temporary failure: gateway busy, try again later");
        return Status::Tempfail(Some(reply)).encode(out);
    };
    let Some(input) = s.finish().await else {
        // End of message without MAIL FROM: nothing we can vouch for.
        return Status::Tempfail(None).encode(out);
    };
    let cfg = engine.config();
    let store = s.store.clone();
    let (verdict, timings, envelope, size, held, attachments, auth) = match input {
        Err(e) => {
            tracing::error!(queue_id = queue_id.as_deref().unwrap_or("-"), error = %e, "message could not be read back");
            (
                engine.failure(
                    "SCAN_IO_ERROR",
                    "Temporary failure: message could not be spooled",
                    Why::new("spool_failed"),
                ),
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
                            Why::new("scan_timeout").value("ms", limit.as_millis()),
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
    let lead = if s.leading_space { " " } else { "" };
    apply(&engine, &verdict, &marks, auth_header, &held, lead, out);
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
}

/// Carries out what [`actions::plan`] decided: the header edits, the MTA's hold queue, the
/// answer, all written to `out` to leave in one write.
fn apply(
    engine: &crate::engine::Engine,
    v: &Verdict,
    marks: &HeaderMarks,
    auth_results: Option<&str>,
    held: &Held,
    lead: &str,
    out: &mut Vec<u8>,
) {
    let plan = actions::plan(engine.config(), v, held, marks, auth_results, lead, |text| {
        engine.tempfail_reply(text)
    });
    for edit in &plan.edits {
        match edit {
            HeaderEdit::Remove { name, index } => Reply::ChangeHeader {
                name,
                index: u32::try_from(*index).unwrap_or(0),
                value: "",
            },
            HeaderEdit::Add { name, value } => Reply::AddHeader { name, value },
            HeaderEdit::Change { name, index, value } => Reply::ChangeHeader {
                name,
                index: u32::try_from(*index).unwrap_or(0),
                value,
            },
        }
        .encode(out);
    }
    if let Some(reason) = &plan.mta_hold {
        Reply::Quarantine { reason }.encode(out);
    }
    match plan.answer {
        Answer::Accept => Status::Accept,
        Answer::Discard => Status::Discard,
        Answer::Reject(r) => Status::Reject(Some(r)),
        Answer::Tempfail(r) => Status::Tempfail(Some(r)),
    }
    .encode(out)
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

#[cfg(test)]
mod tests {
    use super::Macros;

    #[test]
    fn macros_of_a_stage_are_forgotten_when_an_earlier_stage_comes_again() {
        let mut m = Macros::default();
        m.set(b'C', &[(b"{client_addr}", b"192.0.2.7"), (b"j", b"mx")]);
        m.set(b'M', &[(b"i", b"")]);
        m.entering(b'M');
        m.set(b'E', &[(b"i", b"4ABC")]);
        m.entering(b'E');
        assert_eq!(m.get("i").as_deref(), Some("4ABC"));
        assert_eq!(m.get("{client_addr}").as_deref(), Some("192.0.2.7"));
        assert_eq!(m.get("j"), None, "names not read are not kept");
        // The next message: its MAIL FROM drops the last message's end-of-message queue id.
        m.set(b'M', &[(b"i", b"")]);
        m.entering(b'M');
        assert_eq!(m.get("i"), None);
        assert_eq!(m.get("{client_addr}").as_deref(), Some("192.0.2.7"));
    }
}
