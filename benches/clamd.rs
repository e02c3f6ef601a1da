//! clamd INSTREAM cost per message and the effect of the chunk size, against a private clamd on
//! the project's signatures (started here, like the tests do); then a connection per message
//! against one kept connection (IDSESSION), and streamed messages against messages passed as
//! descriptors (FILDES), with clamd's own CPU and this client's per message.
//!
//! cargo bench --bench clamd        (needs the clamav-daemon package)

use canhgac::config::{ClamdConfig, ClamdEndpoint};
use canhgac::scanners::virus::{ClamdOutcome, ClamdScanner};
use std::time::Instant;

// The same private clamd the tests start (project signatures, limits 40M).
#[allow(dead_code)]
#[path = "../tests/common/clamd.rs"]
mod clamd;

fn main() {
    let server = clamd::Clamd::start();
    let sock = server.socket();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("rt");
    let small: Vec<u8> = {
        let mut m = b"From: a@lamdong.gov.vn\r\nSubject: x\r\n\r\n".to_vec();
        while m.len() < 10 * 1024 {
            m.extend_from_slice(b"Kinh gui cac don vi tren dia ban tinh Lam Dong.\r\n");
        }
        m
    };
    let big: Vec<u8> = {
        let mut m = b"From: a@lamdong.gov.vn\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
        let line = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n";
        while m.len() < 28 * 1024 * 1024 {
            m.extend_from_slice(line);
        }
        m.extend_from_slice(b"--B--\r\n");
        m
    };
    println!("clamd INSTREAM, one connection at a time (project signatures only)");
    println!(
        "{:<10} {:>12} {:>10} {:>14}",
        "message", "chunk", "runs", "ms/message"
    );
    for (name, data, runs) in [("10 KB", &small, 300usize), ("28 MB", &big, 5)] {
        for chunk in [4096usize, 65536, 262144] {
            let cfg = ClamdConfig {
                enabled: true,
                endpoints: vec![ClamdEndpoint::Unix(sock.clone())],
                timeout_secs: 60,
                max_concurrent_per_endpoint: 8,
                chunk_bytes: chunk,
                session_idle_secs: 0,
                fd_pass: false,
            };
            let scanner = ClamdScanner::new(&cfg);
            let t = Instant::now();
            for _ in 0..runs {
                let out = rt.block_on(scanner.scan(data));
                assert_eq!(out, ClamdOutcome::Clean);
            }
            let ms = t.elapsed().as_secs_f64() * 1000.0 / runs as f64;
            println!(
                "{name:<10} {:>12} {runs:>10} {ms:>14.2}",
                format!("{} KiB", chunk / 1024)
            );
        }
    }
    println!();
    println!(
        "clamd connections: one per message, or kept (IDSESSION); streamed or as a descriptor; 10 KB messages, 8 at once"
    );
    println!(
        "{:<30} {:>8} {:>12} {:>18} {:>18}",
        "connections", "runs", "ms/message", "clamd CPU ms/msg", "client CPU ms/msg"
    );
    let pid = server.pid().expect("clamd runs");
    for round in 0..2 {
        for (name, idle, fd_pass) in [
            ("one per message, streamed", 0u64, false),
            ("kept (IDSESSION), streamed", 20, false),
            ("kept, as a descriptor", 20, true),
        ] {
            let cfg = ClamdConfig {
                enabled: true,
                endpoints: vec![ClamdEndpoint::Unix(sock.clone())],
                timeout_secs: 60,
                max_concurrent_per_endpoint: 8,
                chunk_bytes: 65536,
                session_idle_secs: idle,
                fd_pass,
            };
            let scanner = std::sync::Arc::new(ClamdScanner::new(&cfg));
            let runs = 4000usize;
            let (cpu0, own0) = (cpu_ms(pid), cpu_ms(std::process::id()));
            let t = Instant::now();
            rt.block_on(async {
                let tasks: Vec<_> = (0..8)
                    .map(|_| {
                        let (scanner, small) = (scanner.clone(), small.clone());
                        tokio::spawn(async move {
                            for _ in 0..runs / 8 {
                                assert_eq!(scanner.scan(&small).await, ClamdOutcome::Clean);
                            }
                        })
                    })
                    .collect();
                for task in tasks {
                    task.await.expect("join");
                }
            });
            let ms = t.elapsed().as_secs_f64() * 1000.0 / runs as f64;
            let cpu = (cpu_ms(pid) - cpu0) / runs as f64;
            let own = (cpu_ms(std::process::id()) - own0) / runs as f64;
            println!(
                "{:<30} {runs:>8} {ms:>12.3} {cpu:>18.3} {own:>18.3}",
                format!("{name}{}", if round == 1 { " (2)" } else { "" })
            );
        }
    }
}

/// A process's CPU time (user + system) so far, in ms, from /proc.
fn cpu_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime: fields 14 and 15, the 12th and 13th after the command name.
    (ticks(11) + ticks(12)) * 1000.0 / 100.0
}
