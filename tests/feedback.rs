//! Officers correct the filter, and admins keep the lists, in the console of the running
//! daemon, in a real headless Chromium (issue 19): a spam / not-spam word on a held message is
//! audited, learned once by the classifier (read by the daemon, not the console) and moved when
//! the officer changes their mind; `canhgac train --from-quarantine` learns the same words into
//! a new database; an entry an admin adds in the console is in force at the milter within
//! seconds, and only admins may touch the lists.

use crate::common::postfix::free_port;
use crate::common::{Daemon, config_file};
use crate::web::{BROWSER_LOCK, Browser, PASSWORD};
use canhgac::store::{Role, Store};
use fantoccini::Locator;
use indymilter_test::{Status, TestConnection};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// The token database's (ham, spam) message counts.
fn counts(db: &std::path::Path) -> (u32, u32) {
    let t = canhgac::spam::tokendb::TokenDb::open(db).expect("token db");
    let (h, s, _) = t.counts().expect("counts");
    (h, s)
}

/// MAIL FROM `from` at the daemon's milter: the milter's answer.
async fn mail_from(addr: SocketAddr, from: &str) -> Status {
    let mut conn = TestConnection::open(addr).await.expect("open");
    conn.connect("client.example", SocketAddr::from(([203, 0, 113, 9], 40000)))
        .await
        .expect("connect");
    let st = conn.mail([format!("<{from}>")]).await.expect("mail");
    let _ = conn.close().await;
    st
}

/// Waits until `check` holds, reloading the page at `url` between looks.
async fn eventually(b: &Browser, url: &str, what: &str, check: impl AsyncFn(&Browser) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        b.goto(url).await;
        if check(b).await {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: not within 20 s");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Chromium: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officers_teach_the_classifier_and_admins_keep_the_lists_in_the_console() {
    let _one = BROWSER_LOCK.lock().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let (port, web_port) = (free_port(), free_port());
    let db = dir.path().join("bayes.db");
    let path = config_file(
        dir.path(),
        &format!(
            "[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n[workers]\nisolate = false\n[alerts]\nenabled = false\n\
             [web]\nlisten = \"127.0.0.1:{web_port}\"\n[spam]\nbayes_db = \"{}\"\n",
            db.display()
        ),
    );
    let config = canhgac::Config::load(&path).expect("config");
    {
        let store = Store::open(&config.store.path).expect("store");
        for (name, role) in [
            ("officer1", Role::Officer),
            ("auditor", Role::Auditor),
            ("admin", Role::Admin),
        ] {
            store.add_user("test", name, role, &[], PASSWORD).expect("user");
        }
    }
    let daemon = Daemon::start(&path, &[port, web_port]).await;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let base = format!("http://127.0.0.1:{web_port}");
    // A held message, held by the daemon itself.
    let marked = canhgac::bench::labelled::labelled()
        .into_iter()
        .find(|m| m.file.contains("docx-table-toi-mat"))
        .expect("in set")
        .bytes;
    let mut conn = TestConnection::open(addr).await.expect("open");
    conn.connect("client.example", SocketAddr::from(([203, 0, 113, 9], 40000)))
        .await
        .expect("connect");
    conn.mail(["<a@example.org>"]).await.expect("mail");
    conn.rcpt(["<vanthu@snv.lamdong.gov.vn>"]).await.expect("rcpt");
    let (headers, body) = crate::common::mail::split(&marked);
    for (n, v) in headers {
        conn.header(n, v).await.expect("header");
    }
    conn.eoh().await.expect("eoh");
    conn.body(body).await.expect("body");
    assert_eq!(conn.eom().await.expect("eom").1, Status::Discard, "held");
    let _ = conn.close().await;
    let store = Store::open(&config.store.path).expect("store");
    let id = store.list(None, 1).expect("list")[0].id.clone();
    let page = format!("{base}/messages/{id}");

    let b = Browser::start().await;
    // An auditor sees no feedback buttons.
    b.login(&base, "auditor", PASSWORD).await;
    b.goto(&page).await;
    assert!(!b.exists("#mark-spam").await);
    b.logout(&base).await;

    // An officer says "spam": audited, then learned by the daemon.
    b.login(&base, "officer1", PASSWORD).await;
    // The alerts' review link (`[web] public_url` + the message page + id) opens the message.
    let link = config.review_link(&id);
    assert!(link.starts_with(&base), "{link} is under {base}");
    b.goto(&link).await;
    assert!(b.exists("#findings").await, "{link}: {}", b.text("main").await);
    b.goto(&format!("{base}/messages")).await;
    b.shot("03-danh-sach-thu-bi-giu").await;
    b.goto(&page).await;
    // Each finding's meaning, evidence and place in the reader's language (issue 24):
    // Vietnamese by default...
    let findings = b.text("#findings").await;
    for vi in [
        "Phát hiện dấu độ mật TỐI MẬT trong thư hoặc tệp đính kèm",
        "Luật Bảo vệ bí mật nhà nước",
        "Dấu độ mật TỐI MẬT «",
        "(điểm ",
        "viết hoa +",
        "tệp đính kèm «",
        ", dòng ",
    ] {
        assert!(findings.contains(vi), "{vi:?} in {findings}");
    }
    for en in ["marking «", "weight", "capitals", "part 2", ", line "] {
        assert!(!findings.contains(en), "no English {en:?} in {findings}");
    }
    b.shot("04-thu-bi-giu").await;
    // ... and English after switching.
    b.goto(&format!("{base}/lang/en")).await;
    b.goto(&page).await;
    let findings = b.text("#findings").await;
    for en in [
        "TỐI MẬT (secret) marking found",
        "TỐI MẬT marking «",
        "(weight ",
        "capitals +",
        ", line ",
    ] {
        assert!(findings.contains(en), "{en:?} in {findings}");
    }
    assert!(!findings.contains("Dấu độ mật"), "{findings}");
    b.goto(&format!("{base}/lang/vi")).await;
    b.goto(&page).await;
    b.submit("mark-spam").await;
    assert!(
        b.text("#feedback").await.contains("thư rác"),
        "{}",
        b.text("main").await
    );
    eventually(&b, &page, "learned as spam", async |b: &Browser| {
        b.text("#feedback").await.contains("đã học")
    })
    .await;
    assert_eq!(counts(&db), (0, 1));
    // The same word again changes nothing; the other word moves the message.
    b.submit("mark-spam").await;
    b.submit("mark-ham").await;
    eventually(&b, &page, "moved to ham", async |b: &Browser| {
        b.text("#feedback").await.contains("không phải thư rác")
            && b.text("#feedback").await.contains("đã học")
    })
    .await;
    assert_eq!(counts(&db), (1, 0), "moved, not counted twice");
    let trail: Vec<(String, String)> = store
        .audit_entries(Some(&id))
        .expect("audit")
        .into_iter()
        .filter(|e| e.action.starts_with("spam-"))
        .map(|e| (e.actor, e.action))
        .collect();
    assert_eq!(
        trail,
        [
            ("officer1".to_owned(), "spam-feedback".to_owned()),
            ("canhgac".to_owned(), "spam-learned".to_owned()),
            ("officer1".to_owned(), "spam-feedback".to_owned()),
            ("canhgac".to_owned(), "spam-learned".to_owned()),
        ]
    );
    // Officers may not touch the lists.
    b.goto(&format!("{base}/lists")).await;
    assert!(b.text("#error-code").await.contains("403"));
    b.logout(&base).await;

    // An admin blocks a sender in the console: the milter refuses it within seconds.
    assert_eq!(mail_from(addr, "spam@rac.example").await, Status::Continue);
    b.login(&base, "admin", PASSWORD).await;
    b.goto(&format!("{base}/lists")).await;
    b.client
        .find(Locator::Id("list-field"))
        .await
        .expect("field")
        .select_by_value("domain")
        .await
        .expect("option");
    b.fill("list-value", "rac.example").await;
    b.fill("list-note", "quảng cáo vay tiền").await;
    b.submit("add-entry").await;
    assert!(
        b.text("#lists").await.contains("rac.example"),
        "{}",
        b.text("main").await
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    while matches!(mail_from(addr, "spam@rac.example").await, Status::Continue) {
        assert!(Instant::now() < deadline, "the console's block is not in force");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let entry = store.list_entries().expect("entries").remove(0);
    assert_eq!(entry.added_by, "admin");
    // A removal needs a reason; then the sender is let in again.
    b.client
        .find(Locator::Css("#lists input[name=reason]"))
        .await
        .expect("reason")
        .send_keys("hết hạn")
        .await
        .expect("type");
    b.submit(&format!("remove-{}", entry.id)).await;
    assert!(b.exists("#no-entries").await, "{}", b.text("main").await);
    let deadline = Instant::now() + Duration::from_secs(15);
    while !matches!(mail_from(addr, "spam@rac.example").await, Status::Continue) {
        assert!(Instant::now() < deadline, "the removal is not in force");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    b.close().await;

    // `canhgac train --from-quarantine` teaches a new database the same words.
    daemon.stop().await;
    let fresh = dir.path().join("fresh.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_canhgac"))
        .args(["train", "--from-quarantine", "--config"])
        .arg(&path)
        .arg("--db")
        .arg(&fresh)
        .output()
        .expect("run canhgac");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 learned"));
    assert_eq!(counts(&fresh), (1, 0));
}
