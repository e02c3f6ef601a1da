//! The worker's side: `canhgac worker` reads messages from stdin, scans each with the content
//! scanners and writes the findings to stdout, until the gateway closes the pipe. Its limits are
//! set by the gateway before it starts (memory, core dumps, death with the parent); the CPU limit
//! is renewed before every message, so one message can use at most `cpu_secs` of CPU.

use super::protocol::{self, Kind, ScanResponse};
use crate::message::ScanInput;
use std::io::{BufReader, BufWriter};

/// Stack of the thread that scans: deep but bounded structures (nested messages, archives
/// inside archives) fit; anything deeper overflows it and kills only this worker.
const SCAN_STACK: usize = 64 << 20;

/// Serves requests on stdin/stdout with `scan` until the input ends. Returns the process exit
/// status: 0 at a clean end, 1 on a protocol error.
pub fn serve(
    max_raw: u64,
    cpu_secs: u64,
    scan: impl Fn(Kind, &ScanInput) -> ScanResponse + Send + 'static,
) -> i32 {
    let worker = std::thread::Builder::new()
        .name("scan".into())
        .stack_size(SCAN_STACK)
        .spawn(move || {
            let mut input = BufReader::with_capacity(1 << 16, std::io::stdin().lock());
            let mut output = BufWriter::new(std::io::stdout().lock());
            let hard = cpu_hard_limit();
            if let Err(e) = protocol::write_ready(&mut output) {
                tracing::error!(error = %e, "worker: cannot write to the gateway");
                return 1;
            }
            loop {
                let (kind, request) = match protocol::read_request(&mut input, max_raw) {
                    Ok(Some(r)) => r,
                    Ok(None) => return 0,
                    Err(e) => {
                        tracing::error!(error = %e, "worker: bad request from the gateway");
                        return 1;
                    }
                };
                limit_cpu(cpu_secs, hard);
                let response = scan(kind, &request);
                drop(request);
                if let Err(e) = protocol::write_response(&mut output, &response) {
                    tracing::error!(error = %e, "worker: cannot write to the gateway");
                    return 1;
                }
            }
        });
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        _ => 1,
    }
}

/// The hard RLIMIT_CPU the gateway started this worker with (read once: nothing here raises or
/// lowers it); `None` when it cannot be read, and then no limit is set per message.
fn cpu_hard_limit() -> Option<libc::rlim_t> {
    // SAFETY: getrlimit only writes the struct passed to it.
    unsafe {
        let mut lim: libc::rlimit = std::mem::zeroed();
        (libc::getrlimit(libc::RLIMIT_CPU, &mut lim) == 0).then_some(lim.rlim_max)
    }
}

/// Allows this process `secs` more seconds of CPU from now (soft RLIMIT_CPU: SIGXCPU ends it),
/// never more than the hard limit `hard`.
fn limit_cpu(secs: u64, hard: Option<libc::rlim_t>) {
    let Some(hard) = hard else {
        return;
    };
    if secs == 0 {
        return;
    }
    // SAFETY: getrusage and setrlimit only read or write the structs passed to them.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0 {
            return;
        }
        let used = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) as u64 + 1;
        let want = used.saturating_add(secs);
        let lim = libc::rlimit {
            rlim_cur: if hard == libc::RLIM_INFINITY {
                want
            } else {
                want.min(hard)
            },
            rlim_max: hard,
        };
        libc::setrlimit(libc::RLIMIT_CPU, &lim);
    }
}
