//! The quarantine store, alerts and release, end to end through a real Postfix: a marked message
//! is stored byte for byte before Postfix is answered, exactly the right units are told (in
//! Vietnamese, without the message's content), an outage of the alert relay only delays alerts,
//! release re-injects the original through a relay that bypasses the milter, the audit log
//! verifies, and a store that cannot be written means tempfail.

use crate::common::postfix::{Postfix, free_port};
use crate::common::smtp::{Outcome, Received, Sink, send};
use crate::common::{Milter, test_config};
use canhgac::bench::labelled;
use canhgac::config::Config;
use canhgac::sql::Backend;
use canhgac::store::{Status, Store};
use std::sync::Arc;
use std::time::Duration;

const DIRECTORY: &str = "address,name,unit_id,unit_name,unit_mailbox
snv@lamdong.gov.vn,Sở Nội vụ,SNV,Sở Nội vụ,snv@lamdong.gov.vn
vanthu@snv.lamdong.gov.vn,Trần Văn Thư,SNV,Sở Nội vụ,snv@lamdong.gov.vn
stc@lamdong.gov.vn,Sở Tài chính,STC,Sở Tài chính,stc@lamdong.gov.vn
tiennx@lamdong.gov.vn,Nguyễn Xuân Tiến,STC,Sở Tài chính,stc@lamdong.gov.vn
skhdt@lamdong.gov.vn,Sở Kế hoạch và Đầu tư,SKHDT,Sở Kế hoạch và Đầu tư,skhdt@lamdong.gov.vn
anhlt@lamdong.gov.vn,Lê Thị Ánh,SKHDT,Sở Kế hoạch và Đầu tư,skhdt@lamdong.gov.vn
";

struct Setup {
    _dir: tempfile::TempDir,
    config: Config,
    store: Arc<Store>,
    alerts: Sink,
}

async fn setup(edit: impl FnOnce(&mut Config)) -> Setup {
    setup_on(Backend::Sqlite, edit).await
}

/// The store on SQLite, or on a fresh database of the tests' private PostgreSQL (issue 23:
/// the quarantine's end-to-end tests run on both).
async fn setup_on(backend: Backend, edit: impl FnOnce(&mut Config)) -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("danh-ba.csv"), DIRECTORY).expect("write directory");
    let alerts = Sink::start().await;
    let mut config = test_config();
    config.store.path = dir.path().join("q.db");
    config.local.directory = dir.path().join("danh-ba.csv");
    config.alerts.smtp = format!("127.0.0.1:{}", alerts.port);
    config.alerts.officers = vec!["antoanthongtin@lamdong.gov.vn".into()];
    config.alerts.retry_secs = 1;
    if backend == Backend::Postgres {
        config.store.url = canhgac::store::testing::Cluster::shared()
            .fresh_database()
            .expect("database");
    }
    edit(&mut config);
    let store = Arc::new(Store::from_config(&config).expect("store"));
    Setup {
        _dir: dir,
        config,
        store,
        alerts,
    }
}

pub(crate) fn marked() -> Vec<u8> {
    labelled::labelled()
        .into_iter()
        .find(|m| m.file.contains("docx-table-toi-mat"))
        .expect("in set")
        .bytes
}

fn decoded(r: &Received) -> (String, String) {
    let m = mail_parser::MessageParser::default()
        .parse(&r.data)
        .expect("alert parses");
    (
        m.subject().unwrap_or_default().to_owned(),
        m.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
    )
}

/// `whole` ends with `tail`; otherwise shows where they part.
fn assert_suffix(whole: &[u8], tail: &[u8], what: &str) {
    if whole.ends_with(tail) {
        return;
    }
    let (w, t) = (whole.len(), tail.len());
    let same = (1..=t.min(w)).take_while(|i| whole[w - i] == tail[t - i]).count();
    let show = |b: &[u8], end: usize| String::from_utf8_lossy(&b[end.saturating_sub(300)..end]).into_owned();
    panic!(
        "{what}: {same} bytes match from the end; before that:\n--- got ---\n{}\n--- want ---\n{}\n--- ends: got {:?} want {:?}",
        show(whole, w - same),
        show(tail, t - same),
        String::from_utf8_lossy(&whole[w.saturating_sub(40)..]),
        String::from_utf8_lossy(&tail[t.saturating_sub(40)..]),
    );
}

/// A canhgac milter with `store`, a Postfix in front of it, a sink behind, and the marked
/// message sent from an internal sender to one recipient.
async fn marked_through_postfix(config: Config, store: Arc<Store>) -> (Milter, Sink, Postfix, Outcome) {
    let milter = Milter::start_with_store(config, store).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let out = send(
        pf.smtp_port,
        "vanthu@snv.lamdong.gov.vn",
        &["tiennx@lamdong.gov.vn"],
        &marked(),
    )
    .await
    .expect("smtp");
    (milter, sink, pf, out)
}

async fn drain(s: &Setup) -> usize {
    canhgac::alerts::drain_once(&s.store, &s.config.alerts.smtp, &s.config.alerts.from, 1).await
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marked_mail_is_stored_and_the_right_units_are_told() {
    marked_mail_is_stored_and_the_right_units_are_told_on(Backend::Sqlite).await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix and PostgreSQL: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marked_mail_is_stored_and_the_right_units_are_told_on_postgres() {
    marked_mail_is_stored_and_the_right_units_are_told_on(Backend::Postgres).await;
}

async fn marked_mail_is_stored_and_the_right_units_are_told_on(backend: Backend) {
    let s = setup_on(backend, |_| {}).await;
    let milter = Milter::start_with_store(s.config.clone(), s.store.clone()).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let raw = marked();
    let rcpt = ["tiennx@lamdong.gov.vn", "anhlt@lamdong.gov.vn"];
    let out = send(pf.smtp_port, "vanthu@snv.lamdong.gov.vn", &rcpt, &raw)
        .await
        .expect("smtp");
    // answer = "discard": accepted from the client's point of view, kept only by us.
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());
    let held = s.store.list(Some(Status::Held), 10).expect("list");
    assert_eq!(held.len(), 1, "stored before the answer");
    let r = &held[0];
    assert_eq!(r.level.as_deref(), Some("TỐI MẬT"));
    assert!(r.internal_sender, "{r:?}");
    assert_eq!(r.rcpt_to, rcpt.map(str::to_owned).to_vec());
    assert!(
        r.findings
            .iter()
            .any(|f| f.symbol == "MARKING_TOI_MAT" && f.location.contains("nhan-su.docx"))
    );
    // The original, byte for byte, after the Received header Postfix put in front (Postfix's
    // cleanup drops a Return-Path header sent by the client, as it does for all mail).
    let stored = s.store.raw(&r.id).expect("raw").expect("bytes kept");
    let sent_body = raw
        .strip_prefix(b"Return-Path: <vanthu@snv.lamdong.gov.vn>\r\n".as_slice())
        .unwrap_or(&raw);
    assert_suffix(&stored, sent_body, "stored bytes differ from the original");
    assert!(
        stored.starts_with(b"Received: "),
        "{}",
        String::from_utf8_lossy(&stored[..200])
    );
    // Exactly three alerts: the sender's unit, the recipients' units (one mail), the officers.
    assert_eq!(drain(&s).await, 3);
    assert_eq!(drain(&s).await, 0, "none twice");
    let got = s.alerts.wait_for(3, Duration::from_secs(10)).await;
    assert_eq!(got.len(), 3);
    let mut to: Vec<Vec<String>> = got.iter().map(|g| g.rcpt_to.clone()).collect();
    to.sort();
    assert_eq!(
        to,
        vec![
            vec!["antoanthongtin@lamdong.gov.vn".to_owned()],
            vec!["snv@lamdong.gov.vn".to_owned()],
            vec!["stc@lamdong.gov.vn".to_owned(), "skhdt@lamdong.gov.vn".to_owned()],
        ]
    );
    for g in &got {
        let (subject, body) = decoded(g);
        assert!(
            subject.contains("TỐI MẬT") && subject.contains("tạm giữ"),
            "{subject}"
        );
        assert!(body.contains(&r.id) && body.contains("nhan-su.docx"), "{body}");
        assert!(body.contains("Quyết định 61/2012/QĐ-UBND"), "{body}");
        // Nothing of the held message's content: not its text, not its attachment.
        let text = g.text();
        assert!(
            !body.contains("Thực hiện chỉ đạo") && !text.contains("UEsDB"),
            "{text}"
        );
        assert!(!text.to_ascii_lowercase().contains("multipart"), "{text}");
    }
    // Nothing reached the real recipients.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(sink.messages.lock().expect("lock").is_empty());
    milter.stop().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_local_sender_from_outside_gets_no_alert_and_externals_none() {
    // No internal network: the client is outside and did not authenticate. And the officers'
    // alert worded by the department (issue 24): its template replaced in the rules directory.
    let rules = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(rules.path().join("alerts")).expect("mkdir");
    std::fs::write(
        rules.path().join("alerts/officers.txt"),
        "Phòng An ninh mạng: thư {{ level }} bị tạm giữ\n\n{% for n in notes %}\n{{ n }}\n{% endfor %}\n{% include \"footer.txt\" %}",
    )
    .expect("template");
    let s = setup(|c| {
        c.local.internal_networks.clear();
        c.rules.dir = rules.path().to_path_buf();
    })
    .await;
    let milter = Milter::start_with_store(s.config.clone(), s.store.clone()).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let rcpt = ["tiennx@lamdong.gov.vn", "someone@example.com"];
    let out = send(pf.smtp_port, "vanthu@snv.lamdong.gov.vn", &rcpt, &marked())
        .await
        .expect("smtp");
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());
    assert_eq!(drain(&s).await, 2);
    let got = s.alerts.wait_for(2, Duration::from_secs(10)).await;
    let all: Vec<&String> = got.iter().flat_map(|g| &g.rcpt_to).collect();
    assert!(all.iter().all(|a| a.ends_with("@lamdong.gov.vn")), "{all:?}");
    assert!(
        !all.iter().any(|a| a.as_str() == "snv@lamdong.gov.vn"),
        "no backscatter: {all:?}"
    );
    let officers = got
        .iter()
        .find(|g| g.rcpt_to == ["antoanthongtin@lamdong.gov.vn"])
        .expect("officers' alert");
    let (subject, body) = decoded(officers);
    assert!(
        body.contains("giả mạo") && body.contains("vanthu@snv.lamdong.gov.vn"),
        "{body}"
    );
    assert_eq!(subject, "Phòng An ninh mạng: thư TỐI MẬT bị tạm giữ");
    assert!(!body.contains("Kính gửi"), "the department's wording: {body}");
    // The units' alert keeps the built-in wording.
    let unit = got
        .iter()
        .find(|g| g.rcpt_to != ["antoanthongtin@lamdong.gov.vn"])
        .expect("units' alert");
    assert!(decoded(unit).1.contains("Kính gửi"));
    milter.stop().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alert_relay_outage_delays_alerts_and_release_goes_around_the_milter() {
    alert_relay_outage_and_release_on(Backend::Sqlite).await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix and PostgreSQL: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alert_relay_outage_delays_alerts_and_release_goes_around_the_milter_on_postgres() {
    alert_relay_outage_and_release_on(Backend::Postgres).await;
}

async fn alert_relay_outage_and_release_on(backend: Backend) {
    // The alert relay is down at first: its port is held by a listener that hangs up on every
    // connection (a port merely left free could be taken by another test's Postfix meanwhile,
    // which would then take the alerts).
    let down = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("bind");
    let relay_port = down.local_addr().expect("addr").port();
    let down = tokio::spawn(async move {
        while let Ok((conn, _)) = down.accept().await {
            drop(conn);
        }
    });
    let s = setup_on(backend, |c| c.alerts.smtp = format!("127.0.0.1:{relay_port}")).await;
    let milter = Milter::start_with_store(s.config.clone(), s.store.clone()).await;
    let sink = Sink::start().await;
    let pf = Postfix::start(&milter.postfix_addr(), sink.port, "");
    let raw = marked();
    let out = send(
        pf.smtp_port,
        "vanthu@snv.lamdong.gov.vn",
        &["tiennx@lamdong.gov.vn"],
        &raw,
    )
    .await
    .expect("smtp");
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}");
    assert_eq!(drain(&s).await, 0, "relay down");
    let id = s.store.list(None, 1).expect("list")[0].id.clone();
    let waiting = s.store.alerts_of(&id).expect("alerts");
    assert!(
        waiting
            .iter()
            .all(|a| a.sent_at.is_none() && a.attempts == 1 && !a.last_error.is_empty())
    );
    // A restart loses nothing: the outbox is in the store.
    let reopened = Arc::new(Store::from_config(&s.config).expect("reopen"));
    down.abort();
    let _ = down.await;
    let relay = Sink::start_on(relay_port).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let sent = canhgac::alerts::drain_once(&reopened, &s.config.alerts.smtp, &s.config.alerts.from, 1).await;
    assert_eq!(sent, waiting.len());
    assert_eq!(
        canhgac::alerts::drain_once(&reopened, &s.config.alerts.smtp, &s.config.alerts.from, 1).await,
        0
    );
    assert_eq!(
        relay.wait_for(sent, Duration::from_secs(5)).await.len(),
        sent,
        "each alert once"
    );

    // Release through a second Postfix without the milter, which relays to the same sink.
    let bypass = Postfix::start("", sink.port, "");
    let mut config = s.config.clone();
    config.release.smtp = format!("127.0.0.1:{}", bypass.smtp_port);
    // Held for a marking: four eyes. officer1 asks, cannot approve alone, officer2 approves;
    // both are console accounts.
    for officer in ["officer1", "officer2"] {
        reopened
            .add_user(
                "cli:root",
                officer,
                canhgac::store::Role::Officer,
                &[],
                "mật khẩu đủ dài 1",
            )
            .expect("account");
    }
    let step = canhgac::alerts::release(
        &reopened,
        &config,
        &id,
        "officer1",
        "not a state secret after review",
    )
    .await
    .expect("requested");
    assert!(
        matches!(step, canhgac::alerts::Released::Requested(_)),
        "{step:?}"
    );
    let own = canhgac::alerts::release(&reopened, &config, &id, "officer1", "approve my own").await;
    assert!(own.is_err(), "the requester cannot approve: {own:?}");
    assert_eq!(reopened.get(&id).expect("get").status, Status::Held);
    let step = canhgac::alerts::release(&reopened, &config, &id, "officer2", "agreed")
        .await
        .expect("released");
    assert_eq!(step, canhgac::alerts::Released::Sent);
    let got = sink.wait_for(1, Duration::from_secs(30)).await;
    assert_eq!(got.len(), 1, "{}", bypass.log());
    let stored = reopened.raw(&id).expect("raw").expect("kept");
    assert_suffix(
        &got[0].data,
        &stored,
        "byte-identical apart from headers added in front",
    );
    assert_eq!(got[0].rcpt_to, vec!["tiennx@lamdong.gov.vn".to_owned()]);
    assert_eq!(got[0].mail_from, "vanthu@snv.lamdong.gov.vn");
    assert_eq!(reopened.get(&id).expect("get").status, Status::Released);
    assert!(
        canhgac::alerts::release(&reopened, &config, &id, "officer1", "again")
            .await
            .is_err()
    );
    let audit = reopened.audit_entries(Some(&id)).expect("audit");
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "hold",
            "release-request",
            "release-approve",
            "release-begin",
            "release"
        ]
    );
    assert_eq!(audit[1].actor, "officer1");
    assert_eq!(audit[2].actor, "officer2");
    assert_eq!(audit[3].actor, "officer2");
    assert_eq!(reopened.audit_verify().expect("verify").first_bad, None);
    milter.stop().await;
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix and root (mount): cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_that_cannot_be_written_means_tempfail() {
    // A full disk: a tiny tmpfs, filled after the store is created.
    let mnt = tempfile::tempdir().expect("tempdir");
    let status = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(mnt.path())
        .status()
        .expect("run mount");
    assert!(status.success(), "mount tmpfs needs root (CI runs as root)");
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mnt.path().to_owned());
    let mut config = test_config();
    config.store.path = mnt.path().join("q.db");
    let store = Arc::new(Store::open(&config.store.path).expect("store"));
    let filler = vec![0u8; 64 * 1024];
    let mut f = std::fs::File::create(mnt.path().join("filler")).expect("filler");
    while std::io::Write::write_all(&mut f, &filler).is_ok() {}
    drop(f);
    let (milter, sink, pf, out) = marked_through_postfix(config, store.clone()).await;
    match &out {
        Outcome::Refused { reply, .. } => assert!(reply.starts_with("451 4.3.0"), "{reply}"),
        other => panic!(
            "a held message that cannot be stored must be deferred: {other:?}\n{}",
            pf.log()
        ),
    }
    assert!(store.list(None, 10).expect("list").is_empty());
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        sink.messages.lock().expect("lock").is_empty(),
        "nothing accepted unseen"
    );
    milter.stop().await;
}

fn canhgac() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_canhgac"));
    // Never a system-wide /etc/canhgac/canhgac.toml: a test names its configuration.
    c.env("CANHGAC_CONFIG", "");
    c
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn held_message_survives_kill_9_and_officers_work_it_from_the_cli() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("danh-ba.csv"), DIRECTORY).expect("write directory");
    let port = free_port();
    // An alert relay that hangs up at once, on a port held while the tests run (a free port
    // left unbound could become another test's Postfix, which would take these alerts).
    let dead_relay = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind");
    let dead_port = dead_relay.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for conn in dead_relay.incoming() {
            drop(conn);
        }
    });
    let db = dir.path().join("q.db");
    let cfg = dir.path().join("canhgac.toml");
    std::fs::write(
        &cfg,
        format!(
            "[clamd]\nenabled = false\n[auth]\nenabled = false\n[milter]\nlisten = \"inet:127.0.0.1:{port}\"\n[store]\npath = \"{}\"\n[local]\ndirectory = \"{}\"\n[alerts]\nsmtp = \"127.0.0.1:{}\"\n[web]\nlisten = \"127.0.0.1:0\"\n[metrics]\nlisten = \"127.0.0.1:0\"\n",
            db.display(),
            dir.path().join("danh-ba.csv").display(),
            dead_port
        ),
    )
    .expect("write config");
    let mut child = canhgac()
        .args(["serve", "--config"])
        .arg(&cfg)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn serve");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let sink = Sink::start().await;
    let pf = Postfix::start(&format!("inet:127.0.0.1:{port}"), sink.port, "");
    let out = send(
        pf.smtp_port,
        "vanthu@snv.lamdong.gov.vn",
        &["tiennx@lamdong.gov.vn"],
        &marked(),
    )
    .await
    .expect("smtp");
    // The moment Postfix has its answer, canhgac dies without a chance to flush anything.
    let _ = child.kill();
    let _ = child.wait();
    assert!(matches!(out, Outcome::Accepted(_)), "{out:?}\n{}", pf.log());
    let store = Store::open(&db).expect("reopen after kill -9");
    let held = store.list(None, 10).expect("list");
    assert_eq!(held.len(), 1, "the held message survived");
    let id = held[0].id.clone();
    drop(store);

    let run_in = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = canhgac()
            .args(args)
            .arg("--config")
            .arg(&cfg)
            .env("USER", "officer1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run");
        let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
        let o = child.wait_with_output().expect("wait");
        (
            o.status.code(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            o.stdout,
        )
    };
    let run = |args: &[&str]| run_in(args, "");
    for name in ["officer1", "officer2"] {
        let (code, text, _) = run_in(&["user", "add", name, "--role", "officer"], "mật khẩu đủ dài 1\n");
        assert_eq!(code, Some(0), "{text}");
    }
    let (code, text, _) = run(&["quarantine", "list", "--json"]);
    assert_eq!(code, Some(0));
    let row: serde_json::Value = serde_json::from_str(text.lines().next().unwrap_or("")).expect("json");
    assert_eq!(row["level"], "TỐI MẬT");
    let (code, text, _) = run(&["quarantine", "show", &id]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("MARKING_TOI_MAT") && text.contains("nhan-su.docx") && text.contains("SHA-256"),
        "{text}"
    );
    assert!(
        text.contains("Headers:") && text.contains("Message-ID: <markings-"),
        "{text}"
    );
    // Labels, each finding's meaning, evidence and place, sizes: in the terminal's language
    // (issue 24).
    for (lang, expected) in [
        (
            "vi_VN.UTF-8",
            &[
                "= Phát hiện dấu độ mật TỐI MẬT trong thư hoặc tệp đính kèm",
                "Dấu độ mật TỐI MẬT «",
                "Mã thư bị giữ:",
                "Trạng thái:",
                "đang giữ",
                "Tệp đính kèm:",
                "tệp đính kèm «nhan-su.docx»",
                " kB",
            ][..],
        ),
        (
            "C.UTF-8",
            &[
                "= TỐI MẬT (secret) marking found in the message or an attachment",
                "TỐI MẬT marking «",
                "Quarantine id:",
                "Status:",
                "held",
                "Attachments:",
            ][..],
        ),
    ] {
        let o = canhgac()
            .args(["quarantine", "show", &id, "--config"])
            .arg(&cfg)
            .env("USER", "officer1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&o.stdout);
        for e in expected {
            assert!(text.contains(e), "{lang}: {e:?} in {text}");
        }
    }
    let (code, _, bytes) = run(&["quarantine", "export", &id]);
    assert_eq!(code, Some(0));
    assert_eq!(
        Store::open(&db).expect("open").raw(&id).expect("raw"),
        Some(bytes)
    );
    // A marked message: releasing it takes a console account, logged in with its password
    // (issue 15: the local login, or a name typed on the command line, is nobody).
    let (code, text, _) = run(&["quarantine", "release", &id, "--reason", "đã kiểm tra"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("not an enabled officer or admin account"), "{text}");
    let release_as = |user: &str, password: &str, reason: &str| {
        run_in(
            &["quarantine", "release", &id, "--user", user, "--reason", reason],
            &format!("{password}\n"),
        )
    };
    let (code, text, _) = release_as("officer1", "not the password", "x");
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("wrong account or password"), "{text}");
    // The first release is a request; the same officer cannot approve it.
    let (code, text, _) = release_as("officer1", "mật khẩu đủ dài 1", "đã kiểm tra");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("another officer must approve"), "{text}");
    let (code, text, _) = release_as("officer1", "mật khẩu đủ dài 1", "tự duyệt");
    assert_eq!(
        code,
        Some(1),
        "the requester cannot approve their own request: {text}"
    );
    assert!(text.contains("four-eyes"), "{text}");
    let (code, text, _) = run(&["quarantine", "show", &id]);
    assert_eq!(code, Some(0));
    assert!(
        text.contains("Release requests (four eyes):") && text.contains("waiting for a second officer"),
        "{text}"
    );
    let (code, _, _) = run(&["quarantine", "confirm", &id, "--note", "tài liệu mật thật"]);
    assert_eq!(code, Some(0));
    let (code, _, _) = run(&["quarantine", "delete", &id, "--reason", "đã thu hồi"]);
    assert_eq!(code, Some(0));
    let (code, _, _) = run(&["quarantine", "release", &id]);
    assert_eq!(code, Some(1), "a deleted message cannot be released");
    let (code, text, _) = run(&["audit", "list", "--id", &id]);
    assert_eq!(code, Some(0));
    for action in ["hold", "view", "export", "release-request", "confirm", "delete"] {
        assert!(
            text.contains(action),
            "{action} missing from the audit log:\n{text}"
        );
    }
    assert!(text.contains("officer1"), "{text}");
    let (code, text, _) = run(&["audit", "verify"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("intact"), "{text}");

    // The directory commands.
    let (code, text, _) = run(&["directory", "suggest", "Nguyễn Xuân Tiến"]);
    assert_eq!((code, text.trim()), (Some(0), "tiennx1@lamdong.gov.vn"));
    let (code, text, _) = run(&[
        "directory",
        "check",
        &dir.path().join("danh-ba.csv").display().to_string(),
    ]);
    assert_eq!(code, Some(1), "vanthu@snv… breaks art. 5.2: {text}");
    assert!(
        text.contains("vanthu@snv.lamdong.gov.vn should be thutv"),
        "{text}"
    );
}

#[cfg_attr(
    not(feature = "system-tests"),
    ignore = "needs Postfix: cargo test --features system-tests"
)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answer_reject_names_the_id_and_answer_hold_also_uses_postfix_hold_queue() {
    for answer in [
        canhgac::config::HeldAnswer::Reject,
        canhgac::config::HeldAnswer::Hold,
    ] {
        let s = setup(|c| c.store.answer = answer).await;
        let (milter, sink, pf, out) = marked_through_postfix(s.config.clone(), s.store.clone()).await;
        let held = s.store.list(None, 10).expect("list");
        assert_eq!(held.len(), 1, "{answer:?}: stored in every mode");
        match answer {
            canhgac::config::HeldAnswer::Reject => match &out {
                Outcome::Refused { stage: "END", reply } => {
                    assert!(
                        reply.starts_with("550 5.7.1") && reply.contains(&held[0].id),
                        "{reply}"
                    )
                }
                other => panic!("reject mode: {other:?}"),
            },
            _ => {
                assert!(matches!(out, Outcome::Accepted(_)), "{out:?}");
                pf.wait_held().await;
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(
            sink.messages.lock().expect("lock").is_empty(),
            "{answer:?}: never delivered"
        );
        milter.stop().await;
    }
}

/// An SMTP relay that takes a whole message and then drops the connection without answering
/// the end of data: whether it delivered cannot be known (a fault a real relay shows only
/// under failure). Counts the messages whose data it read.
async fn relay_that_accepts_then_drops() -> (u16, Arc<std::sync::atomic::AtomicUsize>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = taken.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = BufReader::new(r).lines();
                let _ = w.write_all(b"220 relay ESMTP\r\n").await;
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            return; // the data is in; drop without "250"
                        }
                        continue;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 relay\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if upper.starts_with("QUIT") {
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = w.write_all(reply).await;
                }
            });
        }
    });
    (port, taken)
}

/// Issue 15, item 4, end to end: releases race, and a relay that takes the message then drops
/// the connection leaves it `releasing` (never released twice, never silently releasable again)
/// until an officer resolves it from the CLI.
#[tokio::test]
async fn release_of_unknown_outcome_stays_releasing_until_resolved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let store = Arc::new(Store::open(&db).expect("open"));
    let mut config = test_config();
    config.store.path = db.clone();
    let env = canhgac::Envelope {
        mail_from: "a@snv.lamdong.gov.vn".into(),
        rcpt_to: vec!["b@stc.lamdong.gov.vn".into()],
        ..Default::default()
    };
    // Held for a virus, not a marking: one officer may release it.
    let verdict = canhgac::Verdict {
        reason: String::new(),
        action: canhgac::Action::Quarantine,
        dry_run_action: None,
        score: 0.0,
        reply: None,
        level: None,
        findings: vec![canhgac::scanners::Finding::new(
            "VIRUS_FOUND",
            "Eicar-Test-Signature",
            "part 2",
        )],
    };
    let id = store
        .hold(
            &canhgac::store::Hold {
                envelope: &env,
                raw: b"Subject: x\r\nMessage-ID: <r1@snv.lamdong.gov.vn>\r\n\r\nbody\r\n",
                verdict: &verdict,
                internal_sender: true,
                header_from: "a@snv.lamdong.gov.vn".into(),
                subject: "x".into(),
                units: vec![],
                described: None,
                authentication: None,
            },
            &[],
        )
        .expect("hold");
    let (port, taken) = relay_that_accepts_then_drops().await;
    config.release.smtp = format!("127.0.0.1:{port}");
    // Two officers release at once: one reaches the relay, the other is refused.
    let (a, b) = tokio::join!(
        canhgac::alerts::release(&store, &config, &id, "officer1", "ok"),
        canhgac::alerts::release(&store, &config, &id, "officer2", "ok"),
    );
    let errors: Vec<String> = [a, b]
        .into_iter()
        .filter_map(|r| r.err().map(|e| e.to_string()))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("may have been delivered")),
        "{errors:?}"
    );
    assert_eq!(taken.load(std::sync::atomic::Ordering::SeqCst), 1, "sent once");
    assert_eq!(store.get(&id).expect("get").status, Status::Releasing);
    // Neither a retry nor a delete touches it now.
    assert!(
        canhgac::alerts::release(&store, &config, &id, "officer1", "again")
            .await
            .is_err()
    );
    assert!(store.set_status(&id, Status::Deleted, "officer1", "x").is_err());
    assert_eq!(taken.load(std::sync::atomic::Ordering::SeqCst), 1);
    // The officer checks the relay's log and settles it from the CLI.
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, format!("[store]\npath = \"{}\"\n", db.display())).expect("write");
    let out = canhgac()
        .args([
            "quarantine",
            "resolve",
            &id,
            "--delivered",
            "--reason",
            "in the relay's log",
            "--config",
        ])
        .arg(&cfg)
        .env("USER", "officer1")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(store.get(&id).expect("get").status, Status::Released);
    let actions: Vec<String> = store
        .audit_entries(Some(&id))
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, vec!["hold", "release-begin", "release"]);
}
