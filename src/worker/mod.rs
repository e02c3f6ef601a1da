//! Isolated content scanning: a pool of worker processes (`canhgac worker`, the same binary
//! re-executed) that parse, extract and scan untrusted messages, so a stack overflow, an abort,
//! an allocation failure or a runaway loop in content handling costs one message and one worker,
//! never the gateway.
//!
//! The shape is clamd's and amavis' external decoders': the gateway keeps the SMTP dialogue, the
//! store and clamd; the workers hold a built engine each and answer one message at a time over a
//! pipe ([`protocol`]). Each worker runs under `RLIMIT_AS` (memory), `RLIMIT_CORE` 0, a CPU limit
//! renewed per message and dies with the gateway (`PR_SET_PDEATHSIG`). A worker that dies on a
//! message gets that message `SCAN_WORKER_CRASH` (tempfail); the same message (by SHA-256)
//! killing a worker a second time is `SCAN_CRASH` (held for the officers), so a sender's retries
//! cannot crash-loop the pool. A dead worker is replaced on the next request.

pub mod child;
pub mod protocol;

use crate::message::ScanInput;
use protocol::{Kind, ScanResponse};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};
use tokio::sync::Semaphore;

/// How to start workers.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// The program to run (the running `canhgac`) and its arguments (`worker --config …`).
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// Workers scanning at once.
    pub workers: usize,
    /// `RLIMIT_AS` of each worker, bytes (0: none).
    pub memory_limit_bytes: u64,
    /// Time for a new worker to build its engine and say it is ready.
    pub start_timeout: Duration,
}

/// The result of sending one message to a worker.
#[derive(Debug)]
pub enum Outcome {
    /// The worker scanned it.
    Done(ScanResponse),
    /// The worker died on it; `repeat` when this message had already killed a worker.
    Crashed { repeat: bool, why: String },
    /// The worker did not answer in time and was killed.
    TimedOut,
    /// No worker could be started (a configuration the workers cannot load, exec failure).
    Unavailable(String),
}

/// Requests up to this size (the pipe's capacity, 64 KiB) are written whole in one write.
const ONE_WRITE_BYTES: usize = 60 << 10;

/// Messages whose digests are remembered after a crash (the oldest half is forgotten past it).
const CRASH_MEMORY: usize = 10_000;

/// The pool of scanning workers. Cheap to share (`Arc`); a reload calls [`WorkerPool::recycle`].
pub struct WorkerPool {
    config: PoolConfig,
    permits: Semaphore,
    idle: Mutex<Vec<Worker>>,
    generation: AtomicU64,
    /// Messages that killed a worker: digest → (crashes, order of first crash).
    crashes: Mutex<HashMap<[u8; 32], (u32, u64)>>,
    crash_seq: AtomicU64,
    started: AtomicU64,
    died: AtomicU64,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    generation: u64,
}

impl WorkerPool {
    pub fn new(config: PoolConfig) -> Arc<WorkerPool> {
        Arc::new(WorkerPool {
            permits: Semaphore::new(config.workers.max(1)),
            config,
            idle: Mutex::new(Vec::new()),
            generation: AtomicU64::new(0),
            crashes: Mutex::new(HashMap::new()),
            crash_seq: AtomicU64::new(0),
            started: AtomicU64::new(0),
            died: AtomicU64::new(0),
        })
    }

    /// Starts every worker now, so the first messages do not wait for them; fails with the
    /// first worker's error (a gateway whose workers cannot start must not start either).
    pub async fn warm(&self) -> Result<(), String> {
        for _ in 0..self.config.workers.max(1) {
            let w = self.spawn().await?;
            self.lock_idle().push(w);
        }
        Ok(())
    }

    /// Workers started so far and workers that died on a message.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.started.load(Ordering::Relaxed),
            self.died.load(Ordering::Relaxed),
        )
    }

    /// After a reload: idle workers are stopped now, busy ones when they finish their message;
    /// new ones load the new configuration.
    pub fn recycle(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let stale = std::mem::take(&mut *self.lock_idle());
        drop(stale); // kill_on_drop
    }

    /// Scans one message in a worker, waiting for a free one; the worker is killed if it has
    /// not answered within `timeout`. Dropping the future kills the worker too.
    pub async fn scan(&self, input: &Arc<ScanInput>, timeout: Duration) -> Outcome {
        self.run(Kind::Scan, input, timeout).await
    }

    /// Asks a worker to describe a message being held (see [`crate::extract::describe`]).
    pub async fn describe(&self, input: &Arc<ScanInput>, timeout: Duration) -> Outcome {
        self.run(Kind::Describe, input, timeout).await
    }

    /// Asks a worker to read a message's scans and photos (OCR) for markings.
    pub async fn ocr(&self, input: &Arc<ScanInput>, timeout: Duration) -> Outcome {
        self.run(Kind::Ocr, input, timeout).await
    }

    /// Asks a worker for the classifier's tokens of a message (an officer's spam feedback).
    pub async fn tokens(&self, input: &Arc<ScanInput>, timeout: Duration) -> Outcome {
        self.run(Kind::Tokens, input, timeout).await
    }

    async fn run(&self, kind: Kind, input: &Arc<ScanInput>, timeout: Duration) -> Outcome {
        let Ok(_permit) = self.permits.acquire().await else {
            return Outcome::Unavailable("the worker pool is closed".into());
        };
        let mut worker = match self.take().await {
            Ok(w) => w,
            Err(e) => return Outcome::Unavailable(e),
        };
        match tokio::time::timeout(timeout, worker.exchange(kind, input)).await {
            Ok(Ok(response)) => {
                self.give_back(worker);
                Outcome::Done(response)
            }
            Ok(Err(e)) => {
                let why = worker.death(e).await;
                self.died.fetch_add(1, Ordering::Relaxed);
                // Hashing up to the wire limit takes tens of milliseconds: off the runtime.
                let raw = input.clone();
                let digest = tokio::task::spawn_blocking(move || Sha256::digest(&raw.raw).into())
                    .await
                    .unwrap_or([0; 32]);
                let repeat = self.remember_crash(digest);
                tracing::error!(worker_error = %why, repeat, "scanning worker died on a message");
                Outcome::Crashed { repeat, why }
            }
            Err(_) => {
                self.died.fetch_add(1, Ordering::Relaxed);
                tracing::error!(
                    timeout_ms = timeout.as_millis() as u64,
                    "scanning worker did not answer in time; killed"
                );
                drop(worker);
                Outcome::TimedOut
            }
        }
    }

    fn lock_idle(&self) -> std::sync::MutexGuard<'_, Vec<Worker>> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn take(&self) -> Result<Worker, String> {
        let generation = self.generation.load(Ordering::SeqCst);
        loop {
            let Some(mut w) = self.lock_idle().pop() else {
                break;
            };
            // A worker that died while idle (killed by hand, by the kernel's OOM killer) is
            // replaced, not handed the next message, which would then be blamed for it.
            let exited = matches!(w.child.try_wait(), Ok(Some(_)) | Err(_));
            if w.generation == generation && !exited {
                return Ok(w);
            }
        }
        self.spawn().await
    }

    fn give_back(&self, w: Worker) {
        if w.generation == self.generation.load(Ordering::SeqCst) {
            self.lock_idle().push(w);
        }
    }

    /// Whether `raw` had already killed a worker; remembers that it now has.
    fn remember_crash(&self, digest: [u8; 32]) -> bool {
        let seq = self.crash_seq.fetch_add(1, Ordering::Relaxed);
        let mut crashes = self.crashes.lock().unwrap_or_else(|p| p.into_inner());
        if crashes.len() >= CRASH_MEMORY && !crashes.contains_key(&digest) {
            let mut order: Vec<u64> = crashes.values().map(|v| v.1).collect();
            order.sort_unstable();
            let cut = order[order.len() / 2];
            crashes.retain(|_, v| v.1 >= cut);
        }
        let entry = crashes.entry(digest).or_insert((0, seq));
        entry.0 += 1;
        entry.0 > 1
    }

    async fn spawn(&self) -> Result<Worker, String> {
        let generation = self.generation.load(Ordering::SeqCst);
        let mut cmd = Command::new(&self.config.program);
        // Shown by ps as `canhgac worker …` rather than the path it was started from.
        cmd.arg0("canhgac")
            .args(&self.config.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let memory = self.config.memory_limit_bytes;
        // SAFETY: between fork and exec only async-signal-safe calls (setrlimit, prctl, getppid).
        unsafe {
            cmd.pre_exec(move || limit_child(memory));
        }
        let mut child = cmd.spawn().map_err(|e| {
            format!(
                "cannot start a scanning worker ({}): {e}",
                self.config.program.display()
            )
        })?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err("scanning worker started without pipes".into());
        };
        let mut w = Worker {
            child,
            stdin,
            stdout: BufReader::with_capacity(1 << 16, stdout),
            generation,
        };
        match tokio::time::timeout(self.config.start_timeout, w.stdout.read_u32()).await {
            Ok(Ok(0)) => {
                self.started.fetch_add(1, Ordering::Relaxed);
                Ok(w)
            }
            Ok(Ok(n)) => Err(format!(
                "scanning worker sent {n} bytes before saying it was ready"
            )),
            Ok(Err(e)) => Err(format!("scanning worker did not start: {}", w.death(e).await)),
            Err(_) => Err(format!(
                "scanning worker not ready within {} s",
                self.config.start_timeout.as_secs()
            )),
        }
    }
}

impl Worker {
    async fn exchange(&mut self, kind: Kind, input: &ScanInput) -> std::io::Result<ScanResponse> {
        let mut head = protocol::encode_request_head(kind, input)?;
        if input.raw.len() <= ONE_WRITE_BYTES {
            // One write: the worker wakes once for the whole request, not once for its head
            // and again for the message.
            head.extend_from_slice(&input.raw);
            self.stdin.write_all(&head).await?;
        } else {
            self.stdin.write_all(&head).await?;
            self.stdin.write_all(&input.raw).await?;
        }
        self.stdin.flush().await?;
        let len = self.stdout.read_u32().await? as usize;
        if len > protocol::MAX_RESPONSE {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("response of {len} bytes"),
            ));
        }
        let mut body = vec![0; len];
        self.stdout.read_exact(&mut body).await?;
        protocol::decode_response(&body)
    }

    /// Why the worker stopped answering: how it ended (it is killed if still running).
    async fn death(mut self, error: std::io::Error) -> String {
        let status = match tokio::time::timeout(Duration::from_secs(2), self.child.wait()).await {
            Ok(Ok(s)) => Some(s),
            _ => {
                let _ = self.child.start_kill();
                None
            }
        };
        use std::os::unix::process::ExitStatusExt;
        match status {
            Some(s) => match s.signal() {
                Some(sig) => format!("killed by signal {sig} ({})", signal_name(sig)),
                None => format!("exited with status {}", s.code().unwrap_or(-1)),
            },
            None => format!("stopped answering ({error}); killed"),
        }
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGABRT => "abort: stack overflow, allocation failure or panic",
        libc::SIGSEGV => "segmentation fault",
        libc::SIGKILL => "killed",
        libc::SIGXCPU => "CPU limit",
        libc::SIGBUS => "bus error",
        _ => "signal",
    }
}

/// In the child, before exec: memory limit, no core dumps (they would hold message content),
/// and death with the gateway.
fn limit_child(memory: u64) -> std::io::Result<()> {
    // SAFETY: async-signal-safe system calls on plain structs.
    unsafe {
        let zero = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        libc::setrlimit(libc::RLIMIT_CORE, &zero);
        if memory > 0 {
            let lim = libc::rlimit {
                rlim_cur: memory,
                rlim_max: memory,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        if libc::getppid() == 1 {
            libc::_exit(1); // the gateway is already gone
        }
    }
    Ok(())
}
