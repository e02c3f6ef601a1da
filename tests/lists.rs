//! The allow and block lists (issue 19) through the running daemon, as Postfix meets them: an
//! entry written to the store (as the console or `canhgac lists` writes it) is in force within
//! seconds; a block refuses `550 5.7.1` at the earliest stage that can know it (MAIL FROM for
//! the sender and client, RCPT for a unit, end of headers for the From address); an allow
//! skips spam scoring only, never the markings or the signatures.

use crate::common::mail;
use crate::common::postfix::free_port;
use crate::common::{Daemon, config_file};
use canhgac::policy::lists::{ListField, ListKind};
use canhgac::store::Store;
use indymilter_test::{EomActions, Status, TestConnection};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

const GTUBE: &str = "XJS*C4JDBQADN1.NSBESTNOATGSPAM-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

/// Where a message stopped: the stage and the milter's answer there.
#[derive(Debug)]
struct Outcome {
    stage: &'static str,
    status: Status,
    actions: EomActions,
}

impl Outcome {
    fn reply(&self) -> String {
        match &self.status {
            Status::Reject { message } | Status::Tempfail { message } => message
                .as_ref()
                .map(|m| m.to_string_lossy().into_owned())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    fn refused_at(&self, stage: &str) -> bool {
        self.stage == stage
            && matches!(self.status, Status::Reject { .. })
            && self.reply().starts_with("550 5.7.1")
    }

    fn result_header(&self) -> String {
        self.actions
            .actions
            .iter()
            .find_map(|a| match a {
                indymilter_test::EomAction::AddHeader { name, value }
                    if name.to_bytes() == b"X-Canhgac-Result" =>
                {
                    Some(value.to_string_lossy().into_owned())
                }
                _ => None,
            })
            .unwrap_or_default()
    }
}

/// One SMTP transaction as Postfix passes it to the milter, from `client`.
async fn send(addr: SocketAddr, client: [u8; 4], from: &str, rcpts: &[&str], raw: &[u8]) -> Outcome {
    let done = |stage, status| Outcome {
        stage,
        status,
        actions: EomActions { actions: vec![] },
    };
    let mut conn = TestConnection::open(addr).await.expect("open");
    conn.connect("client.example", SocketAddr::from((client, 40000)))
        .await
        .expect("connect");
    let st = conn.mail([format!("<{from}>")]).await.expect("mail");
    if !matches!(st, Status::Continue) {
        return done("mail", st);
    }
    let mut refused = Vec::new();
    for r in rcpts {
        let st = conn.rcpt([format!("<{r}>")]).await.expect("rcpt");
        // Noreply: a stage the milter asked not to be waited on (nothing there can refuse).
        if !matches!(st, Status::Continue | Status::Noreply) {
            refused.push(st);
        }
    }
    if refused.len() == rcpts.len() {
        return done("rcpt", refused.remove(0));
    }
    let (headers, body) = mail::split(raw);
    for (n, v) in headers {
        conn.header(n, v).await.expect("header");
    }
    let st = conn.eoh().await.expect("eoh");
    if !matches!(st, Status::Continue | Status::Noreply) {
        return done("header", st);
    }
    conn.body(body).await.expect("body");
    let (actions, status) = conn.eom().await.expect("eom");
    let _ = conn.close().await;
    if let Some(st) = refused.pop() {
        // A recipient was refused, the others took the message: report the refusal.
        return Outcome {
            stage: "rcpt",
            status: st,
            actions,
        };
    }
    Outcome {
        stage: "eom",
        status,
        actions,
    }
}

/// Sends until the milter answers at MAIL FROM (a list change is in force within seconds), for
/// at most 15 s; the last outcome.
async fn once_stopped_at_mail(addr: SocketAddr, client: [u8; 4], from: &str, raw: &[u8]) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let o = send(addr, client, from, &["vanthu@snv.lamdong.gov.vn"], raw).await;
        if o.stage == "mail" || Instant::now() > deadline {
            return o;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn gtube(from: &str) -> Vec<u8> {
    mail::plain(from, "vanthu@snv.lamdong.gov.vn", "test", GTUBE)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocks_refuse_at_the_earliest_stage_and_allows_skip_spam_scoring_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let path = config_file(
        dir.path(),
        &format!(
            "[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n[workers]\nisolate = false\n[alerts]\nenabled = false\n[web]\nenabled = false\n"
        ),
    );
    let daemon = Daemon::start(&path, &[port]).await;
    let config = daemon.config.clone();
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let outside = [203, 0, 113, 5];
    let partner = "congvan@doitac.example";
    // Before any entry: GTUBE is spam, from anyone.
    let before = send(
        addr,
        outside,
        partner,
        &["vanthu@snv.lamdong.gov.vn"],
        &gtube(partner),
    )
    .await;
    assert!(before.refused_at("eom"), "{before:?}");

    // Entries written to the store by another handle, as the console or the CLI writes them.
    let store = Store::open(&config.store.path).expect("store");
    let add = |kind, field, value: &str| {
        store
            .list_add("cli:test", kind, field, value, "test")
            .expect("entry added")
    };
    add(ListKind::Block, ListField::Domain, "spam.example");
    add(ListKind::Block, ListField::Ip, "198.51.100.0/24");
    add(ListKind::Block, ListField::From, "giamdoc@gia-mao.example");
    add(ListKind::Block, ListField::Unit, "dong.lamdong.gov.vn");
    let allow = add(ListKind::Allow, ListField::Sender, partner);
    // Also a parent domain's subdomain is blocked; and the lists are in force within seconds.
    let spammer = mail::plain("a@mail.spam.example", "vanthu@snv.lamdong.gov.vn", "x", "x");
    let blocked_sender = once_stopped_at_mail(addr, outside, "a@mail.spam.example", &spammer).await;
    assert!(blocked_sender.refused_at("mail"), "{blocked_sender:?}");

    let ordinary = mail::plain(
        "a@example.org",
        "vanthu@snv.lamdong.gov.vn",
        "Lịch họp",
        "Kính gửi.",
    );
    let from_network = send(
        addr,
        [198, 51, 100, 77],
        "a@example.org",
        &["vanthu@snv.lamdong.gov.vn"],
        &ordinary,
    )
    .await;
    assert!(from_network.refused_at("mail"), "{from_network:?}");

    let forged = "From: \"Giám đốc\" <GiamDoc@gia-mao.example>\r\nTo: <vanthu@snv.lamdong.gov.vn>\r\nSubject: Chuyển khoản gấp\r\nDate: Sun, 29 Nov 2026 10:00:00 +0700\r\nMessage-ID: <f1@gia-mao.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nEm chuyển giúp anh.\r\n".as_bytes();
    let by_from = send(
        addr,
        outside,
        "bounce@example.org",
        &["vanthu@snv.lamdong.gov.vn"],
        forged,
    )
    .await;
    assert!(
        by_from.refused_at("header"),
        "refused before the body: {by_from:?}"
    );

    let to_unit = send(
        addr,
        outside,
        "a@example.org",
        &["x@dong.lamdong.gov.vn", "vanthu@snv.lamdong.gov.vn"],
        &ordinary,
    )
    .await;
    assert!(
        to_unit.refused_at("rcpt"),
        "the blocked unit's recipient is refused: {to_unit:?}"
    );
    let unblocked = send(
        addr,
        outside,
        "a@example.org",
        &["vanthu@snv.lamdong.gov.vn"],
        &ordinary,
    )
    .await;
    assert_eq!(unblocked.status, Status::Accept, "{unblocked:?}");

    // The allowed sender: spam scoring skipped, and said so.
    let allowed = send(
        addr,
        outside,
        partner,
        &["vanthu@snv.lamdong.gov.vn"],
        &gtube(partner),
    )
    .await;
    assert_eq!(allowed.status, Status::Accept, "{allowed:?}");
    assert!(
        allowed.result_header().contains("LIST_ALLOWED"),
        "{}",
        allowed.result_header()
    );
    // ... but never the markings: a marked document from it is held.
    let marked = canhgac::bench::labelled::labelled()
        .into_iter()
        .find(|m| m.file.contains("docx-table-toi-mat"))
        .expect("in set")
        .bytes;
    let held = send(addr, outside, partner, &["vanthu@snv.lamdong.gov.vn"], &marked).await;
    assert_eq!(held.status, Status::Discard, "held: {held:?}");
    // ... nor the signatures: a program is refused.
    let program = mail::with_files(
        "Tài liệu",
        &[("bao-cao.pdf.exe", "application/octet-stream", b"harmless bytes")],
    );
    let exe = send(addr, outside, partner, &["vanthu@snv.lamdong.gov.vn"], &program).await;
    assert!(
        matches!(exe.status, Status::Reject { .. }),
        "a program from an allowed sender is still refused: {exe:?}"
    );
    // A block wins over an allow.
    add(ListKind::Block, ListField::Ip, "203.0.113.5");
    let both = once_stopped_at_mail(addr, outside, partner, &ordinary).await;
    assert!(both.refused_at("mail"), "{both:?}");

    // Removing an entry takes effect too; both changes are in the audit trail.
    store
        .list_remove("cli:test", allow.id, "test over")
        .expect("removed");
    let trail = store
        .audit_entries(Some(&format!("list:{}", allow.id)))
        .expect("audit");
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["list-add", "list-remove"]
    );

    daemon.stop().await;
}
