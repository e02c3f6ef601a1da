//! `canhgac-tools bench`: a milter load generator that plays Postfix against any milter (canhgac or
//! another), and reports throughput, latency percentiles, answers, errors, and the CPU time and
//! peak memory of the target and of itself.

pub mod auth;
pub mod client;
pub mod cold;
pub mod corpus;
pub mod labelled;
pub mod pdf_agreement;
pub mod scans;

use client::{Client, Prepared};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Where the milter listens.
#[derive(Debug, Clone)]
pub enum Target {
    Inet(String),
    Unix(PathBuf),
}

impl std::str::FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Target, String> {
        if let Some(a) = s.strip_prefix("inet:") {
            Ok(Target::Inet(a.to_owned()))
        } else if let Some(p) = s.strip_prefix("unix:") {
            Ok(Target::Unix(PathBuf::from(p)))
        } else {
            Err(format!(
                "invalid target {s:?}: expected inet:HOST:PORT or unix:/path"
            ))
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Inet(a) => write!(f, "inet:{a}"),
            Target::Unix(p) => write!(f, "unix:{}", p.display()),
        }
    }
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub target: Target,
    pub concurrency: usize,
    pub per_connection: usize,
    /// Stop after this many messages (after warm-up)…
    pub count: Option<usize>,
    /// …or after this long.
    pub duration: Option<Duration>,
    pub warmup: usize,
    /// The target's processes, for their CPU time and peak memory (summed).
    pub pids: Vec<u32>,
    /// Declare `SIZE=` at MAIL FROM (off: an over-size message can only be refused while its
    /// body streams).
    pub declare_size: bool,
    /// Open loop at this many messages a second, a new connection per message (as Postfix opens
    /// one per SMTP session), instead of `concurrency` connections sending back to back.
    pub rate: Option<f64>,
}

/// Latency percentiles in milliseconds.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Percentiles {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

impl Percentiles {
    fn of(mut v: Vec<Duration>) -> Percentiles {
        if v.is_empty() {
            return Percentiles::default();
        }
        v.sort_unstable();
        let at = |p: f64| {
            let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
            v[i].as_secs_f64() * 1000.0
        };
        Percentiles {
            p50: at(0.50),
            p90: at(0.90),
            p99: at(0.99),
            max: at(1.0),
        }
    }
}

/// CPU time and peak memory of a process over the run.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessUse {
    pub cpu_ms: f64,
    pub cpu_ms_per_message: f64,
    pub peak_rss_mib: Option<f64>,
    /// Voluntary context switches (a thread parked and woken) per message, all threads summed.
    pub voluntary_switches_per_message: Option<f64>,
}

/// The result of a run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub target: String,
    pub concurrency: usize,
    pub messages: usize,
    pub bytes: u64,
    pub seconds: f64,
    pub messages_per_second: f64,
    pub eom_latency_ms: Percentiles,
    pub transaction_latency_ms: Percentiles,
    pub answers: BTreeMap<String, usize>,
    /// Messages answered before their end-of-message was sent (at MAIL FROM, or while the
    /// body streamed).
    pub answered_before_end: usize,
    pub errors: usize,
    pub first_error: Option<String>,
    pub target_process: Option<ProcessUse>,
    pub bench_process: ProcessUse,
    /// With `--rate`: the rate asked for, and messages that started late (the generator or
    /// the target fell behind by more than 10 ms).
    pub offered_rate: Option<f64>,
    pub started_late: usize,
}

/// CPU time (user + system) of a process, from /proc.
fn cpu_time(pid: Option<u32>) -> Option<Duration> {
    let path = match pid {
        Some(p) => format!("/proc/{p}/stat"),
        None => "/proc/self/stat".to_owned(),
    };
    let stat = std::fs::read_to_string(path).ok()?;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // Linux reports in USER_HZ, 100 on every architecture canhgac runs on.
    Some(Duration::from_millis(ticks * 10))
}

/// Voluntary context switches of every thread of a process (each `task/*/status`).
fn voluntary_switches(pid: Option<u32>) -> Option<u64> {
    let dir = match pid {
        Some(p) => format!("/proc/{p}/task"),
        None => "/proc/self/task".to_owned(),
    };
    let mut total = 0u64;
    for task in std::fs::read_dir(dir).ok()?.flatten() {
        let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        total += status
            .lines()
            .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(0);
    }
    Some(total)
}

/// Peak resident memory of a process (VmHWM), in MiB.
fn peak_rss(pid: Option<u32>) -> Option<f64> {
    let path = match pid {
        Some(p) => format!("/proc/{p}/status"),
        None => "/proc/self/status".to_owned(),
    };
    let status = std::fs::read_to_string(path).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

async fn connect(target: &Target) -> std::io::Result<Client<crate::stream::Stream>> {
    let s = match target {
        Target::Inet(a) => {
            let s = tokio::net::TcpStream::connect(a).await?;
            s.set_nodelay(true)?;
            crate::stream::Stream::Tcp(s)
        }
        Target::Unix(p) => crate::stream::Stream::Unix(tokio::net::UnixStream::connect(p).await?),
    };
    Client::open(s).await
}

/// Runs the benchmark. Fails at once, with the reason, when the target cannot be reached.
pub async fn run(opts: Options, messages: Vec<Prepared>) -> Result<Report, String> {
    if messages.is_empty() {
        return Err("no messages to send".to_owned());
    }
    // Fail early and clearly when nothing listens.
    let probe = connect(&opts.target)
        .await
        .map_err(|e| format!("cannot reach milter at {}: {e}", opts.target))?;
    let _ = probe.quit().await;

    let messages = Arc::new(messages);
    let total_wanted = opts.count.map(|c| c + opts.warmup);
    let issued = Arc::new(AtomicUsize::new(0));
    let deadline = opts.duration.map(|d| Instant::now() + d);
    let warmup = opts.warmup;

    let cpu_of = |pids: &[u32]| -> Option<Duration> { pids.iter().map(|p| cpu_time(Some(*p))).sum() };
    let switches_of =
        |pids: &[u32]| -> Option<u64> { pids.iter().map(|p| voluntary_switches(Some(*p))).sum() };
    let cpu_before = cpu_of(&opts.pids);
    let switches_before = switches_of(&opts.pids);
    let self_before = cpu_time(None);
    let self_switches_before = voluntary_switches(None);
    let start = Instant::now();
    let (outcomes, errors, started_late) = match opts.rate {
        Some(rate) => open_loop(&opts, messages, rate, total_wanted, deadline, warmup).await?,
        None => {
            let (o, e) = closed_loop(&opts, messages, total_wanted, issued, deadline, warmup).await?;
            (o, e, 0)
        }
    };
    let seconds = start.elapsed().as_secs_f64();
    let n = outcomes.len();
    let per = |d: Option<Duration>| d.map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0);
    let target_process = match (opts.pids.is_empty(), cpu_before, cpu_of(&opts.pids)) {
        (false, Some(a), Some(b)) => Some(ProcessUse {
            cpu_ms: per(Some(b.saturating_sub(a))),
            cpu_ms_per_message: per(Some(b.saturating_sub(a))) / n.max(1) as f64,
            peak_rss_mib: opts.pids.iter().map(|p| peak_rss(Some(*p))).sum(),
            voluntary_switches_per_message: switches_before
                .zip(switches_of(&opts.pids))
                .map(|(a, b)| b.saturating_sub(a) as f64 / n.max(1) as f64),
        }),
        _ => None,
    };
    let self_cpu = match (self_before, cpu_time(None)) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => Duration::ZERO,
    };
    let mut answers = BTreeMap::new();
    for (o, _) in &outcomes {
        *answers.entry(o.answer.to_string()).or_insert(0) += 1;
    }
    Ok(Report {
        target: opts.target.to_string(),
        concurrency: opts.concurrency,
        messages: n,
        bytes: outcomes.iter().map(|(_, s)| *s as u64).sum(),
        seconds,
        messages_per_second: n as f64 / seconds.max(1e-9),
        eom_latency_ms: Percentiles::of(outcomes.iter().filter_map(|(o, _)| o.eom).collect()),
        transaction_latency_ms: Percentiles::of(outcomes.iter().map(|(o, _)| o.total).collect()),
        answers,
        answered_before_end: outcomes.iter().filter(|(o, _)| o.eom.is_none()).count(),
        errors: errors.len(),
        first_error: errors.first().cloned(),
        target_process,
        bench_process: ProcessUse {
            cpu_ms: per(Some(self_cpu)),
            cpu_ms_per_message: per(Some(self_cpu)) / n.max(1) as f64,
            peak_rss_mib: peak_rss(None),
            voluntary_switches_per_message: self_switches_before
                .zip(voluntary_switches(None))
                .map(|(a, b)| b.saturating_sub(a) as f64 / n.max(1) as f64),
        },
        offered_rate: opts.rate,
        started_late,
    })
}

/// What a run's messages came to: each answered message (after warm-up) with its size, and
/// the errors.
type Outcomes = (Vec<(client::Outcome, usize)>, Vec<String>);

/// `concurrency` connections, each sending messages back to back (`per_connection` on one).
async fn closed_loop(
    opts: &Options,
    messages: Arc<Vec<Prepared>>,
    total_wanted: Option<usize>,
    issued: Arc<AtomicUsize>,
    deadline: Option<Instant>,
    warmup: usize,
) -> Result<Outcomes, String> {
    let mut tasks = Vec::new();
    for _ in 0..opts.concurrency.max(1) {
        let messages = messages.clone();
        let issued = issued.clone();
        let target = opts.target.clone();
        let per_conn = opts.per_connection.max(1);
        let declare_size = opts.declare_size;
        tasks.push(tokio::spawn(async move {
            let mut outcomes = Vec::new();
            let mut errors = Vec::new();
            'conns: loop {
                let mut conn = match connect(&target).await {
                    Ok(mut c) => {
                        c.declare_size = declare_size;
                        c
                    }
                    Err(e) => {
                        errors.push(e.to_string());
                        if errors.len() > 100 {
                            break;
                        }
                        continue;
                    }
                };
                for _ in 0..per_conn {
                    let n = issued.fetch_add(1, Ordering::Relaxed);
                    let over_count = total_wanted.is_some_and(|t| n >= t);
                    let over_time = deadline.is_some_and(|d| Instant::now() >= d);
                    if over_count || over_time {
                        let _ = conn.quit().await;
                        break 'conns;
                    }
                    let m = &messages[n % messages.len()];
                    match conn.message(m).await {
                        Ok(o) => {
                            if n >= warmup {
                                outcomes.push((o, m.size()));
                            }
                        }
                        Err(e) => {
                            errors.push(e.to_string());
                            continue 'conns;
                        }
                    }
                }
                let _ = conn.quit().await;
            }
            (outcomes, errors)
        }));
    }
    let mut outcomes = Vec::new();
    let mut errors = Vec::new();
    for t in tasks {
        let (o, e) = t.await.map_err(|e| format!("worker failed: {e}"))?;
        outcomes.extend(o);
        errors.extend(e);
    }
    Ok((outcomes, errors))
}

/// Open loop: message `i` starts at `i / rate` seconds on a connection of its own, whether or
/// not the earlier ones are answered (at most 4,096 in flight), as SMTP clients arrive at Postfix.
async fn open_loop(
    opts: &Options,
    messages: Arc<Vec<Prepared>>,
    rate: f64,
    total_wanted: Option<usize>,
    deadline: Option<Instant>,
    warmup: usize,
) -> Result<(Vec<(client::Outcome, usize)>, Vec<String>, usize), String> {
    let start = tokio::time::Instant::now();
    let interval = Duration::from_secs_f64(1.0 / rate.max(0.001));
    let in_flight = Arc::new(tokio::sync::Semaphore::new(4096));
    let mut tasks = Vec::new();
    let mut late = 0usize;
    for n in 0usize.. {
        if total_wanted.is_some_and(|t| n >= t) || deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let due = start + interval.mul_f64(n as f64);
        tokio::time::sleep_until(due).await;
        if tokio::time::Instant::now().duration_since(due) > Duration::from_millis(10) && n >= warmup {
            late += 1;
        }
        let Ok(permit) = in_flight.clone().acquire_owned().await else {
            break;
        };
        let target = opts.target.clone();
        let declare_size = opts.declare_size;
        let messages = messages.clone();
        tasks.push(tokio::spawn(async move {
            let _permit = permit;
            let m = &messages[n % messages.len()];
            let mut conn = connect(&target).await.map_err(|e| e.to_string())?;
            conn.declare_size = declare_size;
            let outcome = conn.message(m).await.map_err(|e| e.to_string())?;
            let _ = conn.quit().await;
            Ok::<_, String>((n, outcome, m.size()))
        }));
    }
    let mut outcomes = Vec::new();
    let mut errors = Vec::new();
    for t in tasks {
        match t.await.map_err(|e| format!("worker failed: {e}"))? {
            Ok((n, o, size)) if n >= warmup => outcomes.push((o, size)),
            Ok(_) => {}
            Err(e) => errors.push(e),
        }
    }
    Ok((outcomes, errors, late))
}

impl Report {
    /// The human-readable table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let l = &self.eom_latency_ms;
        let t = &self.transaction_latency_ms;
        s.push_str(&format!(
            "target {}  concurrency {}  messages {}  ({:.1} MiB) in {:.2} s\n",
            self.target,
            self.concurrency,
            self.messages,
            self.bytes as f64 / 1_048_576.0,
            self.seconds
        ));
        s.push_str(&format!(
            "throughput        {:>10.0} messages/s\n",
            self.messages_per_second
        ));
        s.push_str(&format!(
            "end-of-message    p50 {:>7.2} ms  p90 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms\n",
            l.p50, l.p90, l.p99, l.max
        ));
        s.push_str(&format!(
            "transaction       p50 {:>7.2} ms  p90 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms\n",
            t.p50, t.p90, t.p99, t.max
        ));
        for (a, n) in &self.answers {
            s.push_str(&format!("answer {a:<14} {n:>8}\n"));
        }
        s.push_str(&format!(
            "answered before end of message {:>8}\n",
            self.answered_before_end
        ));
        s.push_str(&format!("errors            {:>8}", self.errors));
        if let Some(e) = &self.first_error {
            s.push_str(&format!("  (first: {e})"));
        }
        s.push('\n');
        if let Some(rate) = self.offered_rate {
            s.push_str(&format!(
                "offered rate      {rate:>10.0} messages/s, a connection each; started late {}\n",
                self.started_late
            ));
        }
        if let Some(p) = &self.target_process {
            s.push_str(&format!(
                "target process    CPU {:.0} ms = {:.3} ms/message, peak RSS {}{}\n",
                p.cpu_ms,
                p.cpu_ms_per_message,
                p.peak_rss_mib.map_or("?".to_owned(), |m| format!("{m:.1} MiB")),
                p.voluntary_switches_per_message
                    .map_or(String::new(), |v| format!(
                        ", {v:.1} voluntary context switches/message"
                    ))
            ));
        }
        let b = &self.bench_process;
        s.push_str(&format!(
            "bench process     CPU {:.0} ms = {:.3} ms/message\n",
            b.cpu_ms, b.cpu_ms_per_message
        ));
        s
    }
}
