//! Virus scanning by clamd: the whole raw message is streamed with INSTREAM (clamd unpacks MIME
//! and archives itself). Endpoints are tried in order; each has a concurrency limit so a burst
//! queues instead of overwhelming clamd; one deadline covers the whole scan.

use super::Finding;
use crate::config::{ClamdConfig, ClamdEndpoint};
use crate::policy::KnownSymbol;
use crate::verdict::Why;
use std::sync::Arc;
use std::time::Duration;
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

struct Endpoint {
    addr: ClamdEndpoint,
    permits: Arc<Semaphore>,
}

/// A client for one or more clamd endpoints.
pub struct ClamdScanner {
    endpoints: Vec<Endpoint>,
    timeout: Duration,
    chunk: usize,
}

fn unix(path: &std::path::Path) -> clamav_client::tokio::Socket<&std::path::Path> {
    clamav_client::tokio::Socket { socket_path: path }
}

fn tcp(addr: &str) -> clamav_client::tokio::Tcp<&str> {
    clamav_client::tokio::Tcp { host_address: addr }
}

/// Reads clamd's INSTREAM answer: `stream: OK`, `stream: NAME FOUND`, or an error line.
pub fn parse_response(raw: &[u8]) -> ClamdOutcome {
    let text = String::from_utf8_lossy(raw);
    let text = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    let body = text.strip_prefix("stream:").map(str::trim);
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
                })
                .collect(),
            timeout: Duration::from_secs(cfg.timeout_secs),
            chunk: cfg.chunk_bytes,
        }
    }

    /// The symbols this scanner emits.
    pub fn symbols() -> Vec<KnownSymbol> {
        super::named(&["VIRUS_FOUND", "VIRUS_SCAN_FAIL"])
    }

    async fn scan_at(&self, e: &Endpoint, data: &[u8]) -> Result<Vec<u8>, String> {
        let _permit = e
            .permits
            .acquire()
            .await
            .map_err(|_| "endpoint closed".to_owned())?;
        let chunk = Some(self.chunk);
        let r = match &e.addr {
            ClamdEndpoint::Unix(path) => clamav_client::tokio::scan_buffer(data, unix(path), chunk).await,
            ClamdEndpoint::Tcp(addr) => clamav_client::tokio::scan_buffer(data, tcp(addr), chunk).await,
        };
        r.map_err(|err| err.to_string())
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
        assert!(matches!(parse_response(b""), ClamdOutcome::Failed(_)));
        assert!(matches!(
            parse_response(b"stream: OKAY-ish"),
            ClamdOutcome::Failed(_)
        ));
    }
}
