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
async fn a_refusal_earned_by_unanswered_headers_is_given_at_the_next_answer() {
    // Headers are not answered (Postfix does not wait on them): headers alone past the size
    // limit are refused at the first stage Postfix waits on, before end of message.
    let mut config = test_config();
    config.limits.max_message_bytes = 4096;
    let m = Milter::start_inet(config).await;
    let mut conn = open(&m).await;
    conn.mail(["<a@lamdong.gov.vn>"]).await.expect("mail");
    conn.rcpt(["<b@lamdong.gov.vn>"]).await.expect("rcpt");
    let long = "x".repeat(1000);
    for i in 0..8 {
        let st = conn
            .header(format!("X-Long-{i}"), long.as_str())
            .await
            .expect("header");
        assert_eq!(st, Status::Noreply);
    }
    assert_eq!(conn.eoh().await.expect("eoh"), Status::Noreply);
    let st = conn.body(b"short".to_vec()).await.expect("body");
    assert!(reply_text(&st).starts_with("552 5.3.4 "), "{st:?}");
    // The next message on the connection starts clean.
    let (_, st) = transaction(
        &mut conn,
        &mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "ok", "ok"),
        &[],
    )
    .await;
    assert_eq!(st, Status::Accept);
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
            // A hundred sessions with ten 21 MiB messages among them, in a debug build beside
            // the other tests: a reply may take longer than the client's default 30 s (seen
            // on a loaded machine); what is checked is every verdict, not the latency.
            let mut conn = TestConnection::configure()
                .read_timeout(std::time::Duration::from_secs(180))
                .write_timeout(std::time::Duration::from_secs(180))
                .open_tcp(addr)
                .await
                .expect("open");
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
async fn negotiates_unanswered_stages_only_where_nothing_is_refused() {
    // Stages where canhgac never refuses are not answered (fewer round trips through Postfix,
    // BENCHMARKS.md); MAIL FROM (SIZE=, the block list) and the body (the size limit) always
    // are, and no stage is skipped: the message arrives whole.
    use indymilter::ProtoOpts;
    let skipped = ProtoOpts::NO_CONNECT
        | ProtoOpts::NO_HELO
        | ProtoOpts::NO_MAIL
        | ProtoOpts::NO_RCPT
        | ProtoOpts::NO_DATA
        | ProtoOpts::NO_HEADER
        | ProtoOpts::NO_EOH
        | ProtoOpts::NO_BODY;
    let always_answered = ProtoOpts::NOREPLY_MAIL | ProtoOpts::NOREPLY_BODY;
    let m = Milter::start_inet(test_config()).await;
    let conn = TestConnection::open(m.inet_addr()).await.expect("open");
    let opts = conn.negotiated_opts();
    assert!((opts & (skipped | always_answered)).is_empty(), "{opts:?}");
    assert!(
        opts.contains(
            ProtoOpts::NOREPLY_CONNECT
                | ProtoOpts::NOREPLY_HELO
                | ProtoOpts::NOREPLY_DATA
                | ProtoOpts::NOREPLY_HEADER
                | ProtoOpts::NOREPLY_RCPT
                | ProtoOpts::NOREPLY_EOH
        ),
        "no block list: recipients and the end of headers need no answer: {opts:?}"
    );
    assert!(
        opts.contains(ProtoOpts::LEADING_SPACE),
        "headers are kept byte-exact: {opts:?}"
    );

    // The operator's switch: every stage answered.
    let mut config = test_config();
    config.milter.answer_every_stage = true;
    let m = Milter::start_inet(config).await;
    let conn = TestConnection::open(m.inet_addr()).await.expect("open");
    let opts = conn.negotiated_opts();
    let unanswered = ProtoOpts::NOREPLY_CONNECT
        | ProtoOpts::NOREPLY_HELO
        | ProtoOpts::NOREPLY_MAIL
        | ProtoOpts::NOREPLY_RCPT
        | ProtoOpts::NOREPLY_DATA
        | ProtoOpts::NOREPLY_HEADER
        | ProtoOpts::NOREPLY_EOH
        | ProtoOpts::NOREPLY_BODY;
    assert!((opts & (unanswered | skipped)).is_empty(), "{opts:?}");
}

/// A milter frame: length, command letter, payload.
fn frame(letter: u8, payload: &[u8]) -> Vec<u8> {
    let mut v = ((payload.len() + 1) as u32).to_be_bytes().to_vec();
    v.push(letter);
    v.extend_from_slice(payload);
    v
}

/// Reads one reply frame: its letter.
fn read_reply(s: &mut std::net::TcpStream) -> u8 {
    use std::io::Read;
    let mut len = [0u8; 4];
    s.read_exact(&mut len).expect("reply length");
    let mut rest = vec![0u8; u32::from_be_bytes(len) as usize];
    s.read_exact(&mut rest).expect("reply");
    rest[0]
}

#[tokio::test]
async fn unanswered_stages_are_acknowledged_at_once() {
    // Postfix leaves Nagle's algorithm on for its milter socket, so after a command it does not
    // wait an answer for, its next small write is held until the last is acknowledged; were our
    // ACK delayed (Linux: 40 ms), every message would stall once (measured: 21 messages a second
    // instead of 250). This client writes each command separately with Nagle on, as Postfix
    // does, and times the unanswered burst of 20 messages: a stall in each makes 800 ms, none a
    // few.
    let m = Milter::start_inet(test_config()).await;
    let addr = m.inet_addr();
    let took = tokio::task::spawn_blocking(move || {
        use std::io::Write;
        let mut s = std::net::TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("timeout");
        let mut neg = Vec::new();
        for v in [6u32, 0x1ff, 0x1f_ffff] {
            neg.extend_from_slice(&v.to_be_bytes());
        }
        s.write_all(&frame(b'O', &neg)).expect("negotiate");
        assert_eq!(read_reply(&mut s), b'O');
        s.write_all(&frame(b'C', b"client.example\x004\x00\x19192.0.2.7\0"))
            .expect("connect");
        s.write_all(&frame(b'H', b"client.example\0")).expect("helo");
        let mut took = std::time::Duration::ZERO;
        for round in 0..40 {
            s.write_all(&frame(b'M', b"<a@lamdong.gov.vn>\0")).expect("mail");
            assert_eq!(read_reply(&mut s), b'c');
            let started = std::time::Instant::now();
            // Unanswered: recipient, DATA, headers, end of headers; then the answered body.
            for (letter, payload) in [
                (b'R', &b"<b@lamdong.gov.vn>\0"[..]),
                (b'T', b""),
                (b'L', b"From\0 a@lamdong.gov.vn\0"),
                (b'L', b"To\0 b@lamdong.gov.vn\0"),
                (b'L', b"Subject\0 nagle\0"),
                (b'N', b""),
                (b'B', b"hello\r\n"),
            ] {
                s.write_all(&frame(letter, payload)).expect("command");
            }
            assert_eq!(read_reply(&mut s), b'c', "body answered");
            // The first rounds run in the kernel's quick-ACK start-up; time the rest.
            if round >= 20 {
                took += started.elapsed();
            }
            s.write_all(&frame(b'A', b"")).expect("abort");
        }
        took
    })
    .await
    .expect("client");
    assert!(
        took < std::time::Duration::from_millis(400),
        "20 messages' unanswered stages took {took:?}: the MTA's writes wait for our ACK"
    );
}
