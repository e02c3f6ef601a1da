//! The milter protocol, driven as Postfix drives it (indymilter-test): verdicts, replies,
//! headers, early refusal, resets, concurrency, both socket kinds.

use crate::common::{Milter, mail, test_config};
use canhgac::config::{Config, ListenAddr};
use indymilter_test::{EomActions, Status, TestConnection};
use std::net::{Ipv4Addr, SocketAddr};

const MIB: usize = 1024 * 1024;

pub(crate) async fn open(m: &Milter) -> TestConnection {
    let conn = match &m.addr {
        ListenAddr::Inet(a) => TestConnection::open(*a).await,
        ListenAddr::Unix(p) => TestConnection::configure().open_unix(p).await,
    };
    let mut conn = conn.expect("connect to milter");
    let client = SocketAddr::from((Ipv4Addr::new(192, 0, 2, 10), 40000));
    conn.connect("client.example.org", client)
        .await
        .expect("connect stage");
    conn.helo("client.example.org").await.expect("helo");
    conn
}

/// One message through an open connection: MAIL, RCPT, headers, body, end of message.
pub(crate) async fn transaction(
    conn: &mut TestConnection,
    raw: &[u8],
    mail_args: &[&str],
) -> (EomActions, Status) {
    let mut args = vec!["<sender@lamdong.gov.vn>"];
    args.extend_from_slice(mail_args);
    let st = conn.mail(args).await.expect("mail");
    assert!(matches!(st, Status::Continue), "MAIL refused: {st:?}");
    conn.rcpt(["<rcpt@lamdong.gov.vn>"]).await.expect("rcpt");
    let (headers, body) = mail::split(raw);
    for (n, v) in headers {
        conn.header(n, v).await.expect("header");
    }
    conn.eoh().await.expect("eoh");
    let st = conn.body(body).await.expect("body");
    if !matches!(st, Status::Continue | Status::Noreply) {
        return (EomActions { actions: vec![] }, st);
    }
    conn.eom().await.expect("eom")
}

pub(crate) fn reply_text(st: &Status) -> String {
    match st {
        Status::Reject { message } | Status::Tempfail { message } => message
            .as_ref()
            .map(|m| m.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

pub(crate) fn result_header(actions: &EomActions) -> Option<String> {
    actions.actions.iter().find_map(|a| match a {
        indymilter_test::EomAction::AddHeader { name, value } if name.to_bytes() == b"X-Canhgac-Result" => {
            Some(value.to_string_lossy().trim_start().to_owned())
        }
        _ => None,
    })
}

#[tokio::test]
async fn clean_mail_is_accepted_with_result_header() {
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    let raw = mail::plain(
        "a@lamdong.gov.vn",
        "b@lamdong.gov.vn",
        "Lịch họp",
        "Kính gửi các đơn vị.",
    );
    let (actions, st) = transaction(&mut conn, &raw, &[]).await;
    assert_eq!(st, Status::Accept);
    let h = result_header(&actions).expect("result header added");
    assert!(h.starts_with("accept score=0.00"), "{h}");
    conn.close().await.expect("close");
}

#[tokio::test]
async fn attachment_over_20_mib_is_rejected_552_at_end_of_message() {
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    let raw = mail::with_attachment(21 * MIB, "bao-cao.zip");
    assert!(
        raw.len() < 36_700_160,
        "fits the wire limit, so only the decoded check can refuse it"
    );
    let (_, st) = transaction(&mut conn, &raw, &[]).await;
    let text = reply_text(&st);
    assert!(matches!(st, Status::Reject { .. }), "{st:?}");
    assert!(text.starts_with("552 5.3.4 "), "{text}");
    assert!(
        text.contains("20971520") && text.contains(&(21 * MIB).to_string()),
        "names limit and size: {text}"
    );
    assert!(text.is_ascii());
}

#[tokio::test]
async fn attachment_of_exactly_20_mib_is_accepted() {
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    let raw = mail::with_attachment(20 * MIB, "bao-cao.zip");
    let (actions, st) = transaction(&mut conn, &raw, &[]).await;
    assert_eq!(st, Status::Accept);
    assert!(result_header(&actions).is_some_and(|h| h.starts_with("accept")));
}

#[tokio::test]
async fn size_declared_over_wire_limit_is_refused_at_mail_from() {
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    let st = conn
        .mail(["<a@lamdong.gov.vn>", "SIZE=40000000"])
        .await
        .expect("mail");
    let text = reply_text(&st);
    assert!(matches!(st, Status::Reject { .. }), "{st:?}");
    assert!(
        text.starts_with("552 5.3.4 ") && text.contains("36700160"),
        "{text}"
    );
    // Within the limit: continue.
    let st = conn
        .mail(["<a@lamdong.gov.vn>", "SIZE=30000000"])
        .await
        .expect("mail");
    assert_eq!(st, Status::Continue);
}

#[tokio::test]
async fn body_streaming_past_wire_limit_is_refused_before_end_of_message() {
    let mut config = test_config();
    config.limits.max_message_bytes = 2 * MIB as u64;
    let m = Milter::start_inet(config).await;
    let mut conn = open(&m).await;
    conn.mail(["<a@lamdong.gov.vn>"]).await.expect("mail");
    conn.rcpt(["<b@lamdong.gov.vn>"]).await.expect("rcpt");
    conn.header("Subject", "big").await.expect("header");
    conn.eoh().await.expect("eoh");
    let chunk = vec![b'x'; 65535];
    let mut refused_at = None;
    for i in 0..64 {
        let st = conn.body(chunk.clone()).await.expect("body");
        if st != Status::Continue {
            assert!(reply_text(&st).starts_with("552 5.3.4 "), "{st:?}");
            refused_at = Some(i);
            break;
        }
    }
    // 2 MiB is passed during the 33rd chunk: refused there, not at the end.
    assert_eq!(refused_at, Some(32));
}

#[tokio::test]
async fn abort_resets_message_state() {
    let mut config = test_config();
    config.limits.max_attachment_bytes = 1000;
    let m = Milter::start_inet(config).await;
    let mut conn = open(&m).await;
    // First message: 800 bytes of attachment, then RSET (abort).
    conn.mail(["<a@lamdong.gov.vn>"]).await.expect("mail");
    conn.rcpt(["<b@lamdong.gov.vn>"]).await.expect("rcpt");
    let (headers, body) = mail::split(&mail::with_attachment(800, "a.bin"));
    for (n, v) in headers {
        conn.header(n, v).await.expect("header");
    }
    conn.eoh().await.expect("eoh");
    conn.body(body).await.expect("body");
    conn.abort().await.expect("abort");
    // Second message on the same connection: 800 bytes again. Had state survived, 1600 > 1000.
    let (_, st) = transaction(&mut conn, &mail::with_attachment(800, "b.bin"), &[]).await;
    assert_eq!(st, Status::Accept);
    // Third: over the limit on its own.
    let (_, st) = transaction(&mut conn, &mail::with_attachment(1001, "c.bin"), &[]).await;
    assert!(reply_text(&st).starts_with("552 5.3.4"), "{st:?}");
    // Fourth: fine again.
    let (_, st) = transaction(&mut conn, &mail::with_attachment(10, "d.bin"), &[]).await;
    assert_eq!(st, Status::Accept);
}

#[tokio::test]
async fn forged_result_headers_are_removed() {
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    let raw = b"From: <x@example.org>\r\nX-Canhgac-Result: accept score=0.00 symbols=NONE\r\nSubject: hi\r\nx-canhgac-result: forged\r\n\r\nbody\r\n";
    let (actions, st) = transaction(&mut conn, raw, &[]).await;
    assert_eq!(st, Status::Accept);
    assert!(actions.has_delete_header("X-Canhgac-Result", 1), "{actions:?}");
    assert!(actions.has_delete_header("X-Canhgac-Result", 2), "{actions:?}");
    assert!(result_header(&actions).is_some());
}

#[tokio::test]
async fn dry_run_delivers_with_what_would_have_happened() {
    let mut config = test_config();
    config.policy.dry_run = true;
    config.limits.max_attachment_bytes = 100;
    let m = Milter::start_inet(config).await;
    let mut conn = open(&m).await;
    let (actions, st) = transaction(&mut conn, &mail::with_attachment(200, "a.bin"), &[]).await;
    assert_eq!(st, Status::Accept);
    let h = result_header(&actions).expect("header");
    assert!(
        h.starts_with("tag (dry-run: reject)") && h.contains("ATTACHMENT_OVERSIZE"),
        "{h}"
    );
}

#[tokio::test]
async fn hundred_concurrent_connections() {
    let m = Milter::start_inet(test_config()).await;
    let addr = m.inet_addr();
    let mut tasks = Vec::new();
    for i in 0..100 {
        tasks.push(tokio::spawn(async move {
            let mut conn = TestConnection::open(addr).await.expect("open");
            conn.connect("c.example.org", SocketAddr::from(([127, 0, 0, 1], 1000 + i)))
                .await
                .expect("connect");
            conn.helo("c.example.org").await.expect("helo");
            let mut verdicts = Vec::new();
            for k in 0..3 {
                let raw = if k == 1 && i % 10 == 0 {
                    mail::with_attachment(21 * MIB, "big.bin")
                } else {
                    mail::plain(
                        "a@lamdong.gov.vn",
                        "b@lamdong.gov.vn",
                        &format!("msg {i}/{k}"),
                        "nội dung",
                    )
                };
                let (_, st) = transaction(&mut conn, &raw, &[]).await;
                verdicts.push(st);
            }
            conn.close().await.expect("close");
            verdicts
        }));
    }
    let mut accepted = 0;
    let mut rejected = 0;
    for t in tasks {
        for st in t.await.expect("task") {
            match st {
                Status::Accept => accepted += 1,
                Status::Reject { .. } => rejected += 1,
                other => panic!("unexpected {other:?}"),
            }
        }
    }
    assert_eq!((accepted, rejected), (290, 10));
}

#[tokio::test]
async fn unix_socket_with_mode_and_stale_file_replaced() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("milter.sock");
    // A stale socket file left by a crashed process.
    drop(std::os::unix::net::UnixListener::bind(&path).expect("stale"));
    assert!(path.exists());
    let mut config = test_config();
    config.milter.listen = ListenAddr::Unix(path.clone());
    config.milter.socket_mode = canhgac::config::SocketMode(0o600);
    let m = Milter::start(config).await;
    let meta = std::fs::metadata(&path).expect("socket exists");
    assert!(meta.file_type().is_socket());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let mut conn = open(&m).await;
    let (actions, st) = transaction(&mut conn, &mail::plain("a@b.c", "d@e.f", "s", "b"), &[]).await;
    assert_eq!(st, Status::Accept);
    assert!(result_header(&actions).is_some());
    conn.close().await.expect("close");
    // A second milter on the same live socket is refused, not allowed to steal it.
    let mut config = Config::default();
    config.milter.listen = ListenAddr::Unix(path.clone());
    let err = canhgac::milter::MilterListener::bind(&config.milter.listen, config.milter.socket_mode).await;
    assert!(err.is_err());
    m.stop().await;
    assert!(!path.exists(), "socket file removed at shutdown");
}

#[tokio::test]
async fn graceful_shutdown_lets_the_message_in_progress_finish() {
    let m = Milter::start_inet(test_config()).await;
    let mut conn = open(&m).await;
    conn.mail(["<a@lamdong.gov.vn>"]).await.expect("mail");
    conn.rcpt(["<b@lamdong.gov.vn>"]).await.expect("rcpt");
    let (headers, body) = mail::split(&mail::with_attachment(20 * MIB, "big.bin"));
    for (n, v) in headers {
        conn.header(n, v).await.expect("header");
    }
    conn.eoh().await.expect("eoh");
    conn.body(body).await.expect("body");
    // Shut down while the 20 MiB message is being scanned.
    let eom = tokio::spawn(async move { conn.eom().await });
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    m.stop().await;
    let (_, st) = eom.await.expect("join").expect("eom answered despite shutdown");
    assert_eq!(st, Status::Accept);
}

#[tokio::test]
async fn reload_swaps_engine_for_new_connections_only() {
    let m = Milter::start_inet(test_config()).await;
    let mut old_conn = open(&m).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("c.toml");
    std::fs::write(
        &cfg,
        "[clamd]\nenabled = false\n[auth]\nenabled = false\n[limits]\nmax_attachment_bytes = 100\n",
    )
    .expect("write");
    m.handle.reload(Some(&cfg)).expect("reload");
    // A broken file keeps the running configuration.
    std::fs::write(
        &cfg,
        "[clamd]\nenabled = false\n[auth]\nenabled = false\n[limits]\nmax_attachment_bytes = \"lots\"\n",
    )
    .expect("write");
    let err = m.handle.reload(Some(&cfg)).expect_err("bad config refused");
    assert!(err.to_string().contains("c.toml:6:"), "{err}");
    let raw = mail::with_attachment(200, "a.bin");
    let (_, st) = transaction(&mut old_conn, &raw, &[]).await;
    assert_eq!(
        st,
        Status::Accept,
        "connection opened before reload keeps its snapshot"
    );
    let mut new_conn = open(&m).await;
    let (_, st) = transaction(&mut new_conn, &raw, &[]).await;
    assert!(reply_text(&st).starts_with("552 5.3.4"), "{st:?}");
}

#[tokio::test]
async fn negotiates_no_unanswered_or_skipped_stages() {
    // Postfix leaves Nagle on for milter connections: any stage we do not answer (SMFIP_NR_*) or
    // ask it to skip (SMFIP_NO* but unknown) makes its next small write wait ~40 ms for our
    // delayed ACK (BENCHMARKS.md). This guards the 10x throughput difference without timing.
    use indymilter::ProtoOpts;
    let m = Milter::start_inet(test_config()).await;
    let conn = TestConnection::open(m.inet_addr()).await.expect("open");
    let opts = conn.negotiated_opts();
    let unanswered = ProtoOpts::NOREPLY_CONNECT
        | ProtoOpts::NOREPLY_HELO
        | ProtoOpts::NOREPLY_MAIL
        | ProtoOpts::NOREPLY_RCPT
        | ProtoOpts::NOREPLY_DATA
        | ProtoOpts::NOREPLY_HEADER
        | ProtoOpts::NOREPLY_EOH
        | ProtoOpts::NOREPLY_BODY
        | ProtoOpts::NO_CONNECT
        | ProtoOpts::NO_HELO
        | ProtoOpts::NO_MAIL
        | ProtoOpts::NO_RCPT
        | ProtoOpts::NO_DATA
        | ProtoOpts::NO_HEADER
        | ProtoOpts::NO_EOH
        | ProtoOpts::NO_BODY;
    assert!((opts & unanswered).is_empty(), "{opts:?}");
    assert!(
        opts.contains(ProtoOpts::LEADING_SPACE),
        "headers are kept byte-exact: {opts:?}"
    );
}
