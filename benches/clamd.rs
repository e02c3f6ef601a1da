//! clamd INSTREAM cost per message and the effect of the chunk size, against a private clamd on
//! the project's signatures (started here, like the tests do).
//!
//! cargo bench --bench clamd        (needs the clamav-daemon package)

use canhgac::config::{ClamdConfig, ClamdEndpoint};
use canhgac::scanners::virus::{ClamdOutcome, ClamdScanner};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sock = dir.path().join("clamd.sock");
    let conf = dir.path().join("clamd.conf");
    let db = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/clamav");
    std::fs::write(
        &conf,
        format!(
            "Foreground yes\nLocalSocket {}\nDatabaseDirectory {}\nStreamMaxLength 40M\nMaxFileSize 40M\nMaxScanSize 100M\nUser root\n",
            sock.display(),
            db.display()
        ),
    )
    .expect("conf");
    let mut child = Command::new("clamd")
        .arg("-c")
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("clamd (apt-get install clamav-daemon)");
    let start = Instant::now();
    while std::os::unix::net::UnixStream::connect(&sock).is_err() {
        assert!(start.elapsed() < Duration::from_secs(60), "clamd did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
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
    let _ = child.kill();
    let _ = child.wait();
}
