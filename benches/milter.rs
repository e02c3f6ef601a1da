//! Milter protocol throughput and latency, inet: and unix:, with the real milter in-process and
//! indymilter-test playing Postfix (10 KB messages, 16 connections, 50 messages each).
//!
//! cargo bench --bench milter
//!
//! Prints messages per second and end-of-message latency percentiles. The full load generator
//! (`canhgac-tools bench`) is a separate issue; this measures the protocol glue for both socket kinds.

use canhgac::config::{Config, ListenAddr};
use canhgac::engine::{Engine, EngineHandle};
use canhgac::milter::{self, MilterListener, Shared};
use indymilter_test::{Status, TestConnection};
use std::time::{Duration, Instant};

const CONNECTIONS: usize = 16;
const PER_CONNECTION: usize = 50;

fn message() -> (Vec<(String, String)>, Vec<u8>) {
    let headers = vec![
        ("From".to_owned(), "<chuyenvien@lamdong.gov.vn>".to_owned()),
        ("To".to_owned(), "<vanthu@lamdong.gov.vn>".to_owned()),
        ("Subject".to_owned(), "Thong bao".to_owned()),
        ("Date".to_owned(), "Sun, 29 Nov 2026 10:00:00 +0700".to_owned()),
        ("Message-ID".to_owned(), "<bench@lamdong.gov.vn>".to_owned()),
        ("MIME-Version".to_owned(), "1.0".to_owned()),
        ("Content-Type".to_owned(), "text/plain; charset=utf-8".to_owned()),
    ];
    let mut body = Vec::new();
    while body.len() < 10 * 1024 {
        body.extend_from_slice("Kính gửi các cơ quan, đơn vị trên địa bàn tỉnh Lâm Đồng.\r\n".as_bytes());
    }
    (headers, body)
}

async fn open(addr: &ListenAddr) -> TestConnection {
    match addr {
        ListenAddr::Inet(a) => TestConnection::open(*a).await,
        ListenAddr::Unix(p) => TestConnection::configure().open_unix(p).await,
    }
    .expect("open")
}

async fn run(listen: ListenAddr) -> (f64, Vec<Duration>) {
    let mut config = Config::default();
    // The protocol and the content scanners; clamd is measured by its own bench.
    config.clamd.enabled = false;
    // No DNS: sender authentication is measured in BENCHMARKS.md's own section.
    config.auth.enabled = false;
    config.milter.listen = listen;
    let engine = Engine::build(&config).expect("engine");
    let listener = MilterListener::bind(&config.milter.listen, config.milter.socket_mode)
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(milter::run(
        listener,
        Shared::new(EngineHandle::new(engine)),
        async move {
            let _ = rx.await;
        },
    ));
    let (headers, body) = message();
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONNECTIONS {
        let addr = addr.clone();
        let headers = headers.clone();
        let body = body.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(PER_CONNECTION);
            let mut conn = open(&addr).await;
            conn.connect("bench", std::net::SocketAddr::from(([127, 0, 0, 1], 1)))
                .await
                .expect("connect");
            conn.helo("bench").await.expect("helo");
            for _ in 0..PER_CONNECTION {
                conn.mail(["<a@lamdong.gov.vn>"]).await.expect("mail");
                conn.rcpt(["<b@lamdong.gov.vn>"]).await.expect("rcpt");
                for (n, v) in &headers {
                    conn.header(n.as_str(), v.as_str()).await.expect("header");
                }
                conn.eoh().await.expect("eoh");
                // indymilter-test writes through an 8 KiB buffer without TCP_NODELAY: a larger
                // chunk leaves in two writes and the second waits ~40 ms for our delayed ACK.
                // Chunks that fit its buffer keep the client from being what is measured.
                for chunk in body.chunks(4096) {
                    conn.body(chunk.to_vec()).await.expect("body");
                }
                let t = Instant::now();
                let (_, st) = conn.eom().await.expect("eom");
                lat.push(t.elapsed());
                assert_eq!(st, Status::Accept);
            }
            conn.close().await.expect("close");
            lat
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("task"));
    }
    let secs = start.elapsed().as_secs_f64();
    let _ = tx.send(());
    let _ = server.await;
    all.sort();
    (all.len() as f64 / secs, all)
}

fn pct(v: &[Duration], p: f64) -> f64 {
    let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
    v[i].as_secs_f64() * 1000.0
}

fn main() {
    // `cargo test --benches` runs benches once with --bench absent: stay quick then.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("tempdir");
    println!(
        "milter protocol: {CONNECTIONS} connections x {PER_CONNECTION} messages of 10 KB, verdict accept"
    );
    println!(
        "{:<8} {:>10} {:>9} {:>9} {:>9} {:>9}",
        "socket", "msg/s", "p50 ms", "p90 ms", "p99 ms", "max ms"
    );
    for (name, listen) in [
        (
            "inet",
            ListenAddr::Inet(std::net::SocketAddr::from(([127, 0, 0, 1], 0))),
        ),
        ("unix", ListenAddr::Unix(dir.path().join("bench.sock"))),
    ] {
        let (rate, lat) = rt.block_on(run(listen));
        println!(
            "{name:<8} {rate:>10.0} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
            pct(&lat, 0.50),
            pct(&lat, 0.90),
            pct(&lat, 0.99),
            pct(&lat, 1.0)
        );
    }
}
