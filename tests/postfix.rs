//! End to end through a real Postfix: an SMTP client talks to a private Postfix whose
//! `smtpd_milters` is canhgac, and a loopback sink stands in for the next hop.

use crate::common::postfix::Postfix;
use crate::common::smtp::{Outcome, Sink, send, send_many};
use crate::common::{Milter, mail, test_config};
use std::time::Duration;

const MIB: usize = 1024 * 1024;

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clean_mail_arrives_with_result_header_and_oversize_is_refused() {
    let milter = Milter::start_inet(test_config()).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");

    let clean = mail::plain(
        "chuyenvien@lamdong.gov.vn",
        "vanthu@lamdong.gov.vn",
        "=?UTF-8?B?VGjDtG5nIGLDoW8gbOG7i2NoIGjhu41w?=",
        "Kính gửi: Văn phòng UBND tỉnh.\r\nĐề nghị các đơn vị dự họp đúng giờ.",
    );
    let out = send(
        pf.smtp_port,
        "chuyenvien@lamdong.gov.vn",
        &["vanthu@lamdong.gov.vn"],
        &clean,
    )
    .await
    .expect("smtp");
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());

    let big = mail::with_attachment(21 * MIB, "ho-so.zip");
    let out = send(
        pf.smtp_port,
        "chuyenvien@lamdong.gov.vn",
        &["vanthu@lamdong.gov.vn"],
        &big,
    )
    .await
    .expect("smtp");
    match &out {
        Outcome::Refused { stage: "END", reply } => {
            assert!(reply.starts_with("552 5.3.4 "), "{reply}");
            assert!(reply.contains("20971520"), "{reply}");
        }
        other => panic!("oversize not refused at end of data: {other:?}\n{}", pf.log()),
    }

    // The clean one arrives, with our header; the oversize one never does.
    let got = sink.wait_for(1, Duration::from_secs(30)).await;
    assert_eq!(got.len(), 1, "{}", pf.log());
    let text = got[0].text();
    assert!(text.contains("X-Canhgac-Result: accept score=0.00"), "{text}");
    assert!(
        text.contains("Kính gửi: Văn phòng UBND tỉnh."),
        "8-bit body intact: {text}"
    );
    assert_eq!(got[0].rcpt_to, vec!["vanthu@lamdong.gov.vn".to_owned()]);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        sink.messages.lock().expect("lock").len(),
        1,
        "oversize message must never arrive"
    );
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attachment_of_20_mib_passes_through_postfix() {
    let milter = Milter::start_inet(test_config()).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let ok = mail::with_attachment(20 * MIB, "van-ban.pdf");
    let out = send(pf.smtp_port, "a@lamdong.gov.vn", &["b@lamdong.gov.vn"], &ok)
        .await
        .expect("smtp");
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());
    let got = sink.wait_for(1, Duration::from_secs(60)).await;
    assert_eq!(got.len(), 1, "{}", pf.log());
    assert!(got[0].text().contains("X-Canhgac-Result: accept"));
    assert!(got[0].data.len() > 20 * MIB);
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_session_many_messages_with_unanswered_stages() {
    // Several messages on one SMTP session, so on one milter connection, with the stages
    // canhgac does not answer: one whose headers alone pass the size limit is refused
    // (given at the body, the next stage Postfix waits on) and the session goes on.
    let mut config = test_config();
    config.limits.max_message_bytes = 64 * 1024;
    let milter = Milter::start_inet(config).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let plain = |n: usize| {
        mail::plain(
            "a@lamdong.gov.vn",
            "b@lamdong.gov.vn",
            &format!("Thư số {n}"),
            "Kính gửi các đơn vị.",
        )
    };
    let mut heavy = String::new();
    for i in 0..100 {
        heavy.push_str(&format!("X-Padding-{i}: {}\r\n", "x".repeat(1000)));
    }
    let heavy = [heavy.as_bytes(), &plain(0)].concat();
    let messages = [plain(1), plain(2), heavy, plain(3), plain(4)];
    let refs: Vec<&[u8]> = messages.iter().map(Vec::as_slice).collect();
    // Without SIZE=, or MAIL FROM would refuse the heavy one first.
    let out = send_many(
        pf.smtp_port,
        "a@lamdong.gov.vn",
        &["b@lamdong.gov.vn"],
        &refs,
        false,
    )
    .await
    .expect("smtp");
    for (i, o) in out.iter().enumerate() {
        if i == 2 {
            assert!(
                matches!(o, Outcome::Refused { stage: "END", reply } if reply.starts_with("552 5.3.4 ")),
                "{o:?}\n{}",
                pf.log()
            );
        } else {
            assert!(
                matches!(o, Outcome::Accepted(_)),
                "message {i}: {o:?}\n{}",
                pf.log()
            );
        }
    }
    let got = sink.wait_for(4, Duration::from_secs(30)).await;
    assert_eq!(got.len(), 4, "{}", pf.log());
    for m in &got {
        assert!(m.text().contains("X-Canhgac-Result: accept"), "{}", m.text());
        assert!(!m.text().contains("X-Padding-"), "the refused one never arrives");
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unix_socket_milter_through_postfix() {
    let dir = tempfile::Builder::new()
        .prefix("canhgac-sock-")
        .tempdir()
        .expect("tempdir");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let mut config = test_config();
    config.milter.listen = canhgac::config::ListenAddr::Unix(dir.path().join("canhgac.sock"));
    // Postfix's smtpd runs as the postfix user: let it connect.
    config.milter.socket_mode = canhgac::config::SocketMode(0o666);
    let milter = Milter::start(config).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let out = send(
        pf.smtp_port,
        "a@lamdong.gov.vn",
        &["b@lamdong.gov.vn"],
        &mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "unix", "x"),
    )
    .await
    .expect("smtp");
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());
    let got = sink.wait_for(1, Duration::from_secs(30)).await;
    assert_eq!(got.len(), 1, "{}", pf.log());
    assert!(
        got[0].text().contains("X-Canhgac-Result: accept"),
        "{}",
        got[0].text()
    );
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn milter_down_means_tempfail_not_delivery() {
    // Nothing listens on the milter address: Postfix applies milter_default_action = tempfail.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let sink = Sink::start().await;
    let pf = Postfix::start(&format!("inet:127.0.0.1:{port}"), sink.port, "");
    let out = send(
        pf.smtp_port,
        "a@lamdong.gov.vn",
        &["b@lamdong.gov.vn"],
        &mail::plain("a@lamdong.gov.vn", "b@lamdong.gov.vn", "s", "b"),
    )
    .await
    .expect("smtp");
    assert!(out.reply().starts_with('4'), "{out:?}");
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(sink.messages.lock().expect("lock").is_empty());
}
