//! The gateway as an operator runs it (`canhgac serve` with a private store), for the tests that
//! send it hostile mail or scans: start, send, watch its memory and CPU and its workers'.

use crate::common::{config_file, mail};
use canhgac::store::{Status as Held, Store};
use indymilter_test::{Status, TestConnection};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The gateway as an operator runs it, with its store in a private directory.
pub struct Gateway {
    pub child: Child,
    pub addr: SocketAddr,
    pub dir: tempfile::TempDir,
}

impl Gateway {
    /// `milter` is added to the `[milter]` section, `extra` after it.
    pub async fn start(milter: &str, extra: &str) -> Gateway {
        let port = crate::common::postfix::free_port();
        let dir = tempfile::tempdir().expect("tempdir");
        let cfg = config_file(
            dir.path(),
            &format!("[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n{milter}\n{extra}"),
        );
        let log = std::fs::File::create(dir.path().join("serve.log")).expect("log file");
        let child = Command::new(env!("CARGO_BIN_EXE_canhgac"))
            .arg("serve")
            .arg("--config")
            .arg(&cfg)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn serve");
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let mut g = Gateway { child, addr, dir };
        for _ in 0..600 {
            if TestConnection::open(addr).await.is_ok() {
                return g;
            }
            assert!(g.alive(), "serve exited at start:\n{}", g.log());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("serve did not listen:\n{}", g.log());
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.log")).unwrap_or_default()
    }

    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn store(&self) -> Store {
        Store::open(&self.dir.path().join("quarantine.db")).expect("store")
    }

    /// The held messages' findings, newest first.
    pub fn held_symbols(&self) -> Vec<Vec<String>> {
        self.store()
            .list(Some(Held::Held), 100)
            .expect("list")
            .into_iter()
            .map(|r| r.findings.into_iter().map(|f| f.symbol).collect())
            .collect()
    }

    /// Sends one message on a new connection; its end-of-message answer.
    pub async fn send(&self, raw: &[u8]) -> Status {
        send_to(self.addr, raw).await
    }

    /// Sends `raw`, and checks the gateway answered within 30 s, is alive, accepts the next
    /// ordinary message, and that the gateway and its workers together stayed within 320 MiB.
    pub async fn survives(&mut self, what: &str, raw: &[u8]) -> Status {
        // Proportional sizes summed (the binary's pages counted once): ~100-210 MiB measured.
        let max_mib = 320;
        let started = Instant::now();
        let (stop, peak) = watch_rss(self.pid());
        let status = tokio::time::timeout(Duration::from_secs(30), self.send(raw))
            .await
            .unwrap_or_else(|_| panic!("{what}: no answer within 30 s\n{}", self.log()));
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let peak = peak.join().expect("watcher");
        assert!(self.alive(), "{what}: the gateway died\n{}", self.log());
        let next = self.send(&ordinary(0)).await;
        assert_eq!(next, Status::Accept, "{what}: the next message\n{}", self.log());
        eprintln!("{what}: {status:?} in {:?}, peak {peak} MiB", started.elapsed());
        assert!(
            peak <= max_mib,
            "{what}: gateway and workers peaked at {peak} MiB"
        );
        status
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn send_to(addr: SocketAddr, raw: &[u8]) -> Status {
    crate::common::milter_send(
        addr,
        [192, 0, 2, 10],
        "sender@lamdong.gov.vn",
        "vanthu@lamdong.gov.vn",
        raw,
    )
    .await
}

/// An ordinary official message (accepted).
pub fn ordinary(i: usize) -> Vec<u8> {
    mail::plain(
        "sender@lamdong.gov.vn",
        "vanthu@lamdong.gov.vn",
        &format!("Lich hop tuan {i}"),
        "Kính gửi các phòng, lịch họp tuần này như sau: thứ Hai giao ban, thứ Tư làm việc với Sở.",
    )
}

/// Pids of the processes whose parent is `pid` (the gateway's workers).
pub fn children(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(p) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|s| s.parse::<u32>().ok());
        if ppid == Some(pid) {
            out.push(p);
        }
    }
    out
}

/// Resident memory of a process, MiB (0 when it is gone).
pub fn rss_mib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// Proportional memory of a process, KiB (its own pages, and its share of pages it shares with
/// other processes: the binary's code and data, mapped by the gateway and every worker). Summed
/// over processes it counts each page once, which summed resident sizes do not.
pub fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        })
        .unwrap_or(0)
}

/// CPU time (user + system, clock ticks) of a process.
pub fn cpu_ticks(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_owned();
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0)
}

/// Samples the peak memory of the gateway and its workers together, MiB (proportional sizes
/// summed), until `stop` is set.
pub fn watch_rss(
    pid: u32,
) -> (
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    std::thread::JoinHandle<u64>,
) {
    let (stop, h) = watch_peaks(pid);
    (
        stop,
        std::thread::spawn(move || h.join().map_or(u64::MAX, |p| p.tree)),
    )
}

/// Peak memory, MiB: the gateway and its workers together (proportional set sizes summed: each
/// shared page counted once), the gateway alone and the largest worker (resident sizes).
#[derive(Debug, Default, Clone, Copy)]
pub struct Peaks {
    pub tree: u64,
    pub gateway: u64,
    pub worker: u64,
}

pub fn watch_peaks(
    pid: u32,
) -> (
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    std::thread::JoinHandle<Peaks>,
) {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let s = stop.clone();
    let h = std::thread::spawn(move || {
        let mut p = Peaks::default();
        while !s.load(std::sync::atomic::Ordering::Relaxed) {
            let gateway = rss_mib(pid);
            let kids = children(pid);
            let workers: Vec<u64> = kids.iter().copied().map(rss_mib).collect();
            p.gateway = p.gateway.max(gateway);
            p.worker = p.worker.max(workers.iter().copied().max().unwrap_or(0));
            let tree_kib = pss_kib(pid) + kids.into_iter().map(pss_kib).sum::<u64>();
            p.tree = p.tree.max(tree_kib / 1024);
            std::thread::sleep(Duration::from_millis(20));
        }
        p
    });
    (stop, h)
}

// ---- the hostile messages of the review -------------------------------------------------------
