//! clamd INSTREAM cost per message and the effect of the chunk size, against a private clamd on
//! the project's signatures (started here, like the tests do).
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
}
