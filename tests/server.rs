//! The daemon in-process (`canhgac::server::run`), as `canhgac serve` runs it: it listens, holds
//! a marked message in its store, reloads and stops when told, without a child process or a
//! signal (issue 16: the daemon out of the CLI).

use crate::common::mail;
use crate::common::postfix::free_port;
use crate::common::{Daemon, config_file};
use canhgac::server::Control;
use canhgac::store::{Status, Store};
use indymilter_test::Status as Reply;
use std::time::Duration;

async fn send(addr: std::net::SocketAddr, raw: &[u8]) -> Reply {
    crate::common::milter_send(
        addr,
        [192, 0, 2, 10],
        "vanthu@snv.lamdong.gov.vn",
        "tiennx@lamdong.gov.vn",
        raw,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daemon_runs_in_process_holds_marked_mail_reloads_and_stops_when_told() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    // The test binary is no canhgac: scan in-process here (the workers are tested through
    // the real binary in tests/hardening.rs). A file, so that a reload reads the same.
    let path = config_file(
        dir.path(),
        &format!(
            "[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n[workers]\nisolate = false\n[alerts]\nenabled = false\n"
        ),
    );
    let daemon = Daemon::start(&path, &[port]).await;
    let config = daemon.config.clone();
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let marked = canhgac::bench::labelled::labelled()
        .into_iter()
        .find(|m| m.file.contains("docx-table-toi-mat"))
        .expect("in set")
        .bytes;
    assert_eq!(
        send(addr, &marked).await,
        Reply::Discard,
        "held: Postfix is told to discard"
    );
    let clean = mail::plain(
        "a@b.example",
        "c@lamdong.gov.vn",
        "Lịch họp",
        "Kính gửi các đơn vị.",
    );
    assert_eq!(send(addr, &clean).await, Reply::Accept);
    daemon.control.send(Control::Reload).await.expect("reload");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        send(addr, &clean).await,
        Reply::Accept,
        "still serving after a reload"
    );
    let stopped = daemon.stop().await;
    assert_eq!(stopped, Some(Ok(())), "stops within the grace period");
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "no longer listening"
    );
    let store = Store::open(&config.store.path).expect("store");
    let held = store.list(None, 10).expect("list");
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].status, Status::Held);
    assert_eq!(held[0].level.as_deref(), Some("TỐI MẬT"));
    // Described when held: the attachment with its hash, and the document's text.
    let d = store.described(&held[0].id).expect("read").expect("described");
    assert!(
        d.attachments
            .iter()
            .any(|a| a.location.contains(".docx") && a.sha256.len() == 64),
        "{d:?}"
    );
    assert!(d.texts.iter().any(|t| t.text.contains("TỐI MẬT")), "{d:?}");
    // The yearly report's counts, written when it stopped (before its first timed write).
    let counted = |counter: &str| {
        store
            .counters(0, i64::MAX)
            .expect("counters")
            .iter()
            .filter(|r| r.unit == "*" && r.counter == counter)
            .map(|r| r.value)
            .sum::<i64>()
    };
    assert_eq!(counted("delivered"), 2);
    assert_eq!(counted("held"), 1);
    assert_eq!(counted("level:TỐI MẬT"), 1);
    // From 192.0.2.10, outside [local] internal_networks here: a province sender from
    // outside is counted as a forgery, and as mail received from outside.
    assert_eq!(counted("forged_sender"), 3);
    assert_eq!(counted("received_external"), 3);
}
