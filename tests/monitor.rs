//! The operators' endpoints of a running gateway (issue 17): `/metrics` counts one message by
//! exactly one, by verdict and reason; `/healthz` answers; `/readyz` says what is not ready.

use crate::common::mail;
use crate::common::postfix::free_port;
use crate::common::{Daemon, config_file};
use indymilter_test::Status;
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A GET on loopback: the status code and the body.
pub(crate) async fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect");
    s.write_all(format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").as_bytes())
        .await
        .expect("write");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).await.expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_owned();
    (code, body)
}

/// The value of one sample (`name{labels}` exactly as exposed), 0 when absent.
pub(crate) fn sample(metrics: &str, series: &str) -> f64 {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// One message from outside to a local mailbox; the end-of-message status.
async fn send(addr: SocketAddr, raw: &[u8]) -> Status {
    crate::common::milter_send(
        addr,
        [203, 0, 113, 7],
        "congvan@doitac.example",
        "vanthu@snv.lamdong.gov.vn",
        raw,
    )
    .await
}

/// A daemon's configuration: milter and metrics ports, scanning in-process, no alerts or console.
fn daemon_config(dir: &std::path::Path, port: u16, metrics_port: u16) -> std::path::PathBuf {
    config_file(
        dir,
        &format!(
            "[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n[workers]\nisolate = false\n[alerts]\nenabled = false\n\
             [web]\nenabled = false\n[metrics]\nlisten = \"127.0.0.1:{metrics_port}\"\n"
        ),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_move_by_exactly_one_per_message_and_health_says_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (port, mport) = (free_port(), free_port());
    let path = daemon_config(dir.path(), port, mport);
    let daemon = Daemon::start(&path, &[port, mport]).await;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    assert_eq!(get(mport, "/healthz").await.0, 200);
    let (code, body) = get(mport, "/readyz").await;
    assert_eq!(
        (code, body.as_str()),
        (200, "ready\n"),
        "store writable, clamd off"
    );

    let before = get(mport, "/metrics").await.1;
    let clean = mail::plain(
        "congvan@doitac.example",
        "vanthu@snv.lamdong.gov.vn",
        "Lịch họp giao ban",
        "Kính gửi Sở Nội vụ, xin gửi lịch họp giao ban tuần sau.",
    );
    assert!(matches!(send(addr, &clean).await, Status::Accept));
    let after = get(mport, "/metrics").await.1;
    let accepted = "canhgac_messages_total{action=\"accept\",reason=\"clean\"}";
    assert_eq!(
        sample(&after, accepted) - sample(&before, accepted),
        1.0,
        "{after}"
    );
    let eom = "canhgac_end_of_message_duration_seconds_count";
    assert_eq!(sample(&after, eom) - sample(&before, eom), 1.0);
    let bytes = "canhgac_scanned_bytes_total";
    assert!(sample(&after, bytes) - sample(&before, bytes) >= clean.len() as f64 - 2.0);
    // The connection is counted closed once the gateway has seen it close.
    let mut open = sample(&after, "canhgac_milter_connections");
    for _ in 0..50 {
        if open == 0.0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        open = sample(&get(mport, "/metrics").await.1, "canhgac_milter_connections");
    }
    assert_eq!(open, 0.0, "closed");

    // A marked message: held, counted by its reason and symbol; the held gauge moves with it.
    let marked = mail::plain(
        "congvan@doitac.example",
        "vanthu@snv.lamdong.gov.vn",
        "Công văn",
        "TỐI MẬT\r\n\r\nKế hoạch bảo vệ.",
    );
    assert!(matches!(send(addr, &marked).await, Status::Discard));
    let held = get(mport, "/metrics").await.1;
    let quarantined = held
        .lines()
        .filter(|l| l.starts_with("canhgac_messages_total{action=\"quarantine\""))
        .collect::<Vec<_>>();
    assert_eq!(quarantined.len(), 1, "{held}");
    assert!(
        quarantined[0].contains("reason=\"MARKING_") && quarantined[0].ends_with(" 1"),
        "{held}"
    );
    assert_eq!(sample(&held, "canhgac_held_messages"), 1.0, "{held}");
    assert!(sample(&held, "canhgac_store_size_bytes") > 0.0);
    assert_eq!(
        sample(&held, accepted),
        sample(&after, accepted),
        "not counted twice"
    );
    daemon.stop().await;

    // A clamd that does not answer: not ready, and said so; the metrics show it down.
    let dir2 = tempfile::tempdir().expect("tempdir");
    let (port2, mport2) = (free_port(), free_port());
    let path2 = daemon_config(dir2.path(), port2, mport2);
    let dead = dir2.path().join("clamd.sock");
    let text = std::fs::read_to_string(&path2).expect("read").replace(
        "[clamd]\nenabled = false\n",
        &format!("[clamd]\nendpoints = [\"unix:{}\"]\n", dead.display()),
    );
    std::fs::write(&path2, text).expect("write");
    let daemon = Daemon::start(&path2, &[port2, mport2]).await;
    let (code, body) = get(mport2, "/readyz").await;
    assert_eq!(code, 503, "{body}");
    assert!(
        body.contains("no clamd answers PING") && body.contains("clamd.sock"),
        "{body}"
    );
    let m = get(mport2, "/metrics").await.1;
    let up = format!("canhgac_clamd_up{{endpoint=\"unix:{}\"}}", dead.display());
    assert!(m.contains(&format!("{up} 0")), "{m}");
    daemon.stop().await;
}
