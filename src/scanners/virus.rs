//! Virus scanning by clamd: the whole raw message is scanned (clamd unpacks MIME and archives
//! itself). Endpoints are tried in order; each has a concurrency limit so a burst queues instead
//! of overwhelming clamd; one deadline covers the whole scan.
//!
//! Connections are kept across messages: each opens an `IDSESSION`, then every message is one
//! request on it, its answer prefixed with the request's number. An idle connection is kept
//! `[clamd] session_idle_secs`; one that clamd closed meanwhile is noticed on use and the message
//! sent again on a new one.
//!
//! How a message reaches clamd: over a unix socket, a message of up to [`FD_PASS_MAX`] is written
//! to a memory file whose descriptor is passed (`zFILDES`, as `clamdscan --fdpass` does), so
//! clamd scans it where it lies instead of receiving it through the socket and writing it to a
//! temporary file of its own; anything else is streamed (`zINSTREAM`, a small message in a single
//! write), so clamd's `StreamMaxLength` still refuses what it would not scan whole. An endpoint
//! that cannot take descriptors (a confinement refusing them) gets the message streamed, and is
//! only streamed to for the next [`FD_RETRY`] before descriptors are tried again: a passing fault
//! costs that long, not the rest of the gateway's life.

use super::{Finding, NotBefore};
use crate::config::{ClamdConfig, ClamdEndpoint};
use crate::policy::KnownSymbol;
use crate::stream::Stream;
use crate::verdict::Why;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UnixStream};
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// What clamd said about a message.
#[derive(Debug, Clone, PartialEq)]
pub enum ClamdOutcome {
    Clean,
    /// The signature name.
    Infected(String),
    /// Why no endpoint could scan it (unreachable, timed out, error, size limit).
    Failed(String),
}

/// Messages up to this size go to a clamd on a unix socket as a descriptor (`zFILDES`); larger
/// ones are streamed, and meet clamd's `StreamMaxLength`.
pub const FD_PASS_MAX: usize = 1 << 20;

/// After clamd did not scan a message passed as a descriptor that it scanned streamed, the
/// endpoint is streamed to for this long, then tried with a descriptor again.
pub const FD_RETRY: Duration = Duration::from_secs(600);

struct Endpoint {
    addr: ClamdEndpoint,
    permits: Arc<Semaphore>,
    /// Sessions waiting for the next message (at most one per permit).
    idle: Mutex<Vec<Session>>,
    /// Small messages may go as descriptors (a unix socket and `[clamd] fd_pass`).
    fd_pass: bool,
    /// Descriptors are not tried before this: the endpoint did not scan one lately
    /// ([`FD_RETRY`]).
    streamed_until: NotBefore,
    /// Whether the endpoint's failure with descriptors was said at `warn` already (a confined
    /// clamd fails again at every retry: said once, then at `info`).
    fd_warned: AtomicBool,
}

/// An open connection to clamd: in a session (`IDSESSION`) when sessions are kept.
struct Session {
    io: Stream,
    /// The number clamd gives the next request's answer (`N: stream: OK`), 0 outside a session.
    next_id: u64,
    idle_since: std::time::Instant,
    /// The memory file of the last message passed as a descriptor, written over by the next
    /// (clamd has scanned it once it answered): no new file, no new pages, per message.
    file: Option<std::fs::File>,
}

/// A memory file whose message was at most this size is kept for the session's next message
/// (so an idle session holds at most this much); a larger one is closed after its message.
const KEEP_FILE_MAX: usize = 64 << 10;

/// The longest answer read from clamd.
const MAX_ANSWER: usize = 4096;

/// A client for one or more clamd endpoints.
pub struct ClamdScanner {
    endpoints: Vec<Endpoint>,
    timeout: Duration,
    chunk: usize,
    /// How long an idle session is kept; zero: a connection per message.
    session_idle: Duration,
    /// How long an endpoint that did not scan a descriptor is streamed to ([`FD_RETRY`]).
    fd_retry: Duration,
}

fn unix(path: &std::path::Path) -> clamav_client::tokio::Socket<&std::path::Path> {
    clamav_client::tokio::Socket { socket_path: path }
}

fn tcp(addr: &str) -> clamav_client::tokio::Tcp<&str> {
    clamav_client::tokio::Tcp { host_address: addr }
}

/// Reads clamd's answer to INSTREAM or FILDES: `stream: OK` (`fd[N]: OK`), `stream: NAME
/// FOUND`, or an error line.
pub fn parse_response(raw: &[u8]) -> ClamdOutcome {
    let text = String::from_utf8_lossy(raw);
    let text = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    let body = text
        .strip_prefix("stream:")
        .or_else(|| {
            let (n, rest) = text.strip_prefix("fd[")?.split_once("]:")?;
            n.bytes().all(|b| b.is_ascii_digit()).then_some(rest)
        })
        .map(str::trim);
    match body {
        Some("OK") => ClamdOutcome::Clean,
        Some(b) if b.ends_with(" FOUND") => {
            ClamdOutcome::Infected(b.trim_end_matches(" FOUND").trim().to_owned())
        }
        _ if text.is_empty() => {
            ClamdOutcome::Failed("clamd closed the connection without an answer".to_owned())
        }
        _ => ClamdOutcome::Failed(format!("clamd answered {text:?}")),
    }
}

impl ClamdScanner {
    pub fn new(cfg: &ClamdConfig) -> ClamdScanner {
        ClamdScanner {
            endpoints: cfg
                .endpoints
                .iter()
                .map(|addr| Endpoint {
                    addr: addr.clone(),
                    permits: Arc::new(Semaphore::new(cfg.max_concurrent_per_endpoint)),
                    idle: Mutex::new(Vec::new()),
                    fd_pass: cfg.fd_pass && matches!(addr, ClamdEndpoint::Unix(_)),
                    streamed_until: NotBefore::new(),
                    fd_warned: AtomicBool::new(false),
                })
                .collect(),
            timeout: Duration::from_secs(cfg.timeout_secs),
            chunk: cfg.chunk_bytes,
            session_idle: Duration::from_secs(cfg.session_idle_secs),
            fd_retry: FD_RETRY,
        }
    }

    /// The same scanner, trying descriptors again `retry` after a failure instead of
    /// [`FD_RETRY`] (tests, which cannot wait ten minutes).
    pub fn with_fd_retry(mut self, retry: Duration) -> ClamdScanner {
        self.fd_retry = retry;
        self
    }

    /// Whether a small message goes to `e` as a descriptor now.
    fn by_fd(&self, e: &Endpoint) -> bool {
        e.fd_pass && e.streamed_until.passed()
    }

    /// The symbols this scanner emits.
    pub fn symbols() -> Vec<KnownSymbol> {
        // DECRYPTED_NOT_VIRUS_SCANNED: more opened with the message's password than clamd is
        // given apart (the engine says so, for clamd).
        super::named(&["VIRUS_FOUND", "VIRUS_SCAN_FAIL", "DECRYPTED_NOT_VIRUS_SCANNED"])
    }

    async fn scan_at(&self, e: &Endpoint, data: &[u8]) -> Result<Vec<u8>, String> {
        let _permit = e
            .permits
            .acquire()
            .await
            .map_err(|_| "endpoint closed".to_owned())?;
        let by_fd = data.len() <= FD_PASS_MAX && self.by_fd(e);
        let first = self.exchange(e, data, by_fd).await;
        let scanned = |answer: &Result<Vec<u8>, String>| matches!(answer, Ok(a) if !matches!(parse_response(a), ClamdOutcome::Failed(_)));
        if by_fd && !scanned(&first) {
            // Streamed instead; when that works, the endpoint cannot take descriptors (a
            // confinement such as AppArmor refusing them, a clamd without FILDES that answers
            // the command and closes).
            let again = self.exchange(e, data, false).await;
            if scanned(&again) {
                e.streamed_until.wait(self.fd_retry);
                let why = match &first {
                    Ok(a) => String::from_utf8_lossy(a).into_owned(),
                    Err(err) => err.clone(),
                };
                let retry_secs = self.fd_retry.as_secs();
                let said = "clamd did not scan a message passed as a descriptor and scanned it streamed: messages are streamed to it, and descriptors tried again after retry_secs";
                if e.fd_warned.swap(true, Ordering::Relaxed) {
                    tracing::info!(endpoint = %e.addr, %why, retry_secs, "{said}");
                } else {
                    tracing::warn!(endpoint = %e.addr, %why, retry_secs, "{said}");
                }
            }
            return again;
        }
        first
    }

    /// One message on a kept session of `e` or, when there is none or clamd closed it meanwhile
    /// (its IdleTimeout, a restart), on a new connection.
    async fn exchange(&self, e: &Endpoint, data: &[u8], by_fd: bool) -> Result<Vec<u8>, String> {
        if let Some(mut s) = self.take_idle(e)
            && let Ok(answer) = self.request(&mut s, data, by_fd).await
        {
            self.keep(e, s, &answer);
            return Ok(answer);
        }
        let mut s = self.open(e).await.map_err(|err| err.to_string())?;
        let answer = self
            .request(&mut s, data, by_fd)
            .await
            .map_err(|err| err.to_string())?;
        self.keep(e, s, &answer);
        Ok(answer)
    }

    /// How many connections wait, open, for the next message (all endpoints).
    pub fn kept_sessions(&self) -> usize {
        self.endpoints
            .iter()
            .map(|e| e.idle.lock().unwrap_or_else(|p| p.into_inner()).len())
            .sum()
    }

    /// Whether small messages go to some endpoint as descriptors now (`[clamd] fd_pass`, a
    /// unix socket, and clamd has not failed to scan one within the last [`FD_RETRY`]).
    pub fn passes_descriptors(&self) -> bool {
        self.endpoints.iter().any(|e| self.by_fd(e))
    }

    /// A kept session of `e` not idle for too long (older ones are closed).
    fn take_idle(&self, e: &Endpoint) -> Option<Session> {
        let mut idle = e.idle.lock().unwrap_or_else(|p| p.into_inner());
        while let Some(s) = idle.pop() {
            if s.idle_since.elapsed() < self.session_idle {
                return Some(s);
            }
        }
        None
    }

    /// Keeps a session for the next message when sessions are kept and clamd's answer leaves
    /// it usable (an error answer may come with clamd closing the connection).
    fn keep(&self, e: &Endpoint, mut s: Session, answer: &[u8]) {
        if self.session_idle.is_zero() || matches!(parse_response(answer), ClamdOutcome::Failed(_)) {
            return;
        }
        s.idle_since = std::time::Instant::now();
        e.idle.lock().unwrap_or_else(|p| p.into_inner()).push(s);
    }

    /// A new connection to `e`, in a session when sessions are kept.
    async fn open(&self, e: &Endpoint) -> std::io::Result<Session> {
        let mut io = match &e.addr {
            ClamdEndpoint::Unix(path) => Stream::Unix(UnixStream::connect(path).await?),
            ClamdEndpoint::Tcp(addr) => {
                let s = TcpStream::connect(addr.as_str()).await?;
                s.set_nodelay(true)?;
                Stream::Tcp(s)
            }
        };
        let next_id = if self.session_idle.is_zero() {
            0
        } else {
            io.write_all(b"zIDSESSION\0").await?;
            1
        };
        Ok(Session {
            io,
            next_id,
            idle_since: std::time::Instant::now(),
            file: None,
        })
    }

    /// One message on `s`, as a descriptor or streamed: clamd's answer without the session's
    /// number.
    async fn request(&self, s: &mut Session, data: &[u8], by_fd: bool) -> std::io::Result<Vec<u8>> {
        if by_fd && let Stream::Unix(sock) = &mut s.io {
            // The command, then the descriptor in a message of its own (clamd refuses one that
            // comes with the command).
            sock.write_all(b"zFILDES\0").await?;
            pass_as_file(sock, data, &mut s.file).await?;
        } else {
            self.instream(s, data).await?;
        }
        read_answer(s).await
    }

    /// One zINSTREAM on `s`: the message in chunks (a message of one chunk in a single write
    /// with the command and the end mark).
    async fn instream(&self, s: &mut Session, data: &[u8]) -> std::io::Result<()> {
        let mut out = Vec::with_capacity(data.len().min(self.chunk) + 20);
        out.extend_from_slice(b"zINSTREAM\0");
        let mut chunks = data.chunks(self.chunk).peekable();
        while let Some(c) = chunks.next() {
            out.extend_from_slice(&(c.len() as u32).to_be_bytes());
            out.extend_from_slice(c);
            if chunks.peek().is_some() {
                s.io.write_all(&out).await?;
                out.clear();
            }
        }
        out.extend_from_slice(&[0, 0, 0, 0]);
        s.io.write_all(&out).await?;
        s.io.flush().await
    }

    /// Sends PING to every endpoint (for the start-up check): each endpoint with `Ok` when it
    /// answered PONG in time, or why not.
    pub async fn ping_all(&self, wait: Duration) -> Vec<(ClamdEndpoint, Result<(), String>)> {
        self.ping_timed(wait)
            .await
            .into_iter()
            .map(|(e, r, _)| (e, r))
            .collect()
    }

    /// As [`ClamdScanner::ping_all`], with how long each endpoint took to answer (or fail).
    pub async fn ping_timed(&self, wait: Duration) -> Vec<(ClamdEndpoint, Result<(), String>, Duration)> {
        let mut out = Vec::with_capacity(self.endpoints.len());
        for e in &self.endpoints {
            let started = Instant::now();
            let ping = async {
                match &e.addr {
                    ClamdEndpoint::Unix(path) => clamav_client::tokio::ping(unix(path)).await,
                    ClamdEndpoint::Tcp(addr) => clamav_client::tokio::ping(tcp(addr)).await,
                }
            };
            let answer = match tokio::time::timeout(wait, ping).await {
                Ok(Ok(r)) if r == clamav_client::PONG => Ok(()),
                Ok(Ok(r)) => Err(format!("answered PING with {:?}", String::from_utf8_lossy(&r))),
                Ok(Err(err)) => Err(err.to_string()),
                Err(_) => Err(format!("no answer to PING within {} s", wait.as_secs())),
            };
            out.push((e.addr.clone(), answer, started.elapsed()));
        }
        out
    }

    /// Scans a whole message. Never fails: a scan that cannot be done is `Failed` with the
    /// reasons from every endpoint tried.
    pub async fn scan(&self, data: &[u8]) -> ClamdOutcome {
        let deadline = Instant::now() + self.timeout;
        let mut reasons = Vec::new();
        for e in &self.endpoints {
            match tokio::time::timeout_at(deadline, self.scan_at(e, data)).await {
                Ok(Ok(raw)) => match parse_response(&raw) {
                    ClamdOutcome::Failed(why) => reasons.push(format!("{}: {why}", e.addr)),
                    done => return done,
                },
                Ok(Err(why)) => reasons.push(format!("{}: {why}", e.addr)),
                Err(_) => {
                    reasons.push(format!(
                        "{}: no answer within {} s",
                        e.addr,
                        self.timeout.as_secs()
                    ));
                    break;
                }
            }
        }
        ClamdOutcome::Failed(reasons.join("; "))
    }

    /// The findings for an outcome.
    pub fn findings(outcome: &ClamdOutcome) -> Vec<Finding> {
        match outcome {
            ClamdOutcome::Clean => Vec::new(),
            ClamdOutcome::Infected(sig) => vec![
                Finding::new("VIRUS_FOUND", format!("Virus found: {sig}"), "message")
                    .with_why(Why::new("virus_found").value("signature", sig)),
            ],
            ClamdOutcome::Failed(why) => vec![
                Finding::new(
                    "VIRUS_SCAN_FAIL",
                    format!("Temporary failure: virus scan not possible ({why})"),
                    "message",
                )
                .with_why(Why::new("virus_scan_failed").value("why", why)),
            ],
        }
    }
}

/// clamd's answer to one request on `s`, without the session's number.
async fn read_answer(s: &mut Session) -> std::io::Result<Vec<u8>> {
    let mut answer = Vec::with_capacity(64);
    let mut buf = [0u8; 256];
    while !answer.contains(&0) {
        let n = s.io.read(&mut buf).await?;
        if n == 0 {
            if answer.is_empty() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "clamd closed the connection without an answer",
                ));
            }
            break;
        }
        answer.extend_from_slice(&buf[..n]);
        if answer.len() > MAX_ANSWER {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "clamd's answer is too long",
            ));
        }
    }
    if let Some(end) = answer.iter().position(|&b| b == 0) {
        answer.truncate(end);
    }
    if s.next_id > 0 {
        let id = s.next_id;
        s.next_id += 1;
        let prefix = format!("{id}: ");
        match answer.strip_prefix(prefix.as_bytes()) {
            Some(rest) => answer = rest.to_vec(),
            None => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "clamd answered request {id} with {:?}",
                        String::from_utf8_lossy(&answer)
                    ),
                ));
            }
        }
    }
    Ok(answer)
}

/// `data` in a memory file whose descriptor is sent over `sock` (the message after a `zFILDES`
/// command: one byte carrying the descriptor, as clamd expects): the session's file of the last
/// message, cut or extended to this one's length and written over, or a new one. The file is
/// written at offset 0 and its offset left there; clamd holds its own copy of the descriptor
/// while it scans and has finished with it when it answers, so the session may reuse it then.
async fn pass_as_file(
    sock: &UnixStream,
    data: &[u8],
    kept: &mut Option<std::fs::File>,
) -> std::io::Result<()> {
    use rustix::net::{SendAncillaryBuffer, SendAncillaryMessage, SendFlags};
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileExt;
    let file = match kept.take() {
        Some(f) => {
            f.set_len(data.len() as u64)?;
            f
        }
        None => std::fs::File::from(rustix::fs::memfd_create(
            "canhgac-clamd",
            rustix::fs::MemfdFlags::CLOEXEC,
        )?),
    };
    file.write_all_at(data, 0)?;
    let fds = [file.as_fd()];
    let mut space = [std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    if !control.push(SendAncillaryMessage::ScmRights(&fds)) {
        return Err(std::io::Error::other(
            "no room for a descriptor in the message to clamd",
        ));
    }
    sock.async_io(tokio::io::Interest::WRITABLE, || {
        rustix::net::sendmsg(
            sock,
            &[std::io::IoSlice::new(&[0])],
            &mut control,
            SendFlags::NOSIGNAL,
        )
        .map_err(std::io::Error::from)
    })
    .await?;
    if data.len() <= KEEP_FILE_MAX {
        *kept = Some(file);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses() {
        assert_eq!(parse_response(b"stream: OK\0"), ClamdOutcome::Clean);
        assert_eq!(
            parse_response(b"stream: Canhgac.Test.EICAR.UNOFFICIAL FOUND\0"),
            ClamdOutcome::Infected("Canhgac.Test.EICAR.UNOFFICIAL".to_owned())
        );
        assert!(
            matches!(parse_response(b"INSTREAM size limit exceeded. ERROR\0"), ClamdOutcome::Failed(w) if w.contains("size limit"))
        );
        assert_eq!(parse_response(b"fd[11]: OK\0"), ClamdOutcome::Clean);
        assert_eq!(
            parse_response(b"fd[7]: Canhgac.Test.EICAR.UNOFFICIAL FOUND"),
            ClamdOutcome::Infected("Canhgac.Test.EICAR.UNOFFICIAL".to_owned())
        );
        assert!(matches!(parse_response(b"fd[x]: OK"), ClamdOutcome::Failed(_)));
        assert!(matches!(
            parse_response(b"FILDES: didn't receive file descriptor. ERROR"),
            ClamdOutcome::Failed(_)
        ));
        assert!(matches!(parse_response(b""), ClamdOutcome::Failed(_)));
        assert!(matches!(
            parse_response(b"stream: OKAY-ish"),
            ClamdOutcome::Failed(_)
        ));
    }
}
